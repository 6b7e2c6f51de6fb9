/*
 * bcopy.c: the BSD memory functions bcopy(3), bzero(3),
 * explicit_bzero(3) and bcmp(3), in terms of the standard ones.
 * bcopy() copies correctly when the areas overlap; bcmp() returns 0
 * when the areas are equal and non-zero otherwise.  (bcmp() is a loop
 * of its own: clang turns memcmp(...) != 0 into a call to bcmp().)
 */
#include <string.h>
#include <strings.h>

void
bcopy(const void *src, void *dst, size_t n)
{

	memmove(dst, src, n);
}

void
bzero(void *p, size_t n)
{

	memset(p, 0, n);
}

/* bzero() that the compiler may not drop, for secrets. */
void
explicit_bzero(void *p, size_t n)
{

	memset(p, 0, n);
	__asm__ __volatile__("" : : "r" (p) : "memory");
}

int
bcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n > 0; n--)
		if (*p++ != *q++)
			return (1);
	return (0);
}
