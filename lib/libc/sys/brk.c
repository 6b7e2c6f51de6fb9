/*
 * brk.c: brk(2) on top of the sbrk system call.
 *
 * Umbra's kernel has only sbrk(incr), which moves the break by incr
 * bytes (negative shrinks) and returns the old break; brk(addr) moves it
 * to addr by asking for the difference.  Returns 0, or -1 with errno
 * set (ENOMEM) and the break unchanged.
 */
#include <errno.h>
#include <unistd.h>

int
brk(void *addr)
{
	char *cur;

	cur = sbrk(0);
	if (cur == (char *)-1)
		return (-1);
	if (sbrk((char *)addr - cur) == (void *)-1)
		return (-1);
	return (0);
}
