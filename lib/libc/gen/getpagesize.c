/*
 * getpagesize.c: getpagesize(3), the machine's page size
 * (<machine/param.h>).
 */
#include <sys/param.h>

#include <unistd.h>

int
getpagesize(void)
{

	return (PAGE_SIZE);
}
