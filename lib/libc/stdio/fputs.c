/*
 * fputs.c: fputs(3), a string, and puts(3), a string and a newline on
 * stdout.  Both return 0 (a non-negative number), or EOF on error.
 */
#include <string.h>

#include "local.h"

int
fputs(const char *restrict s, FILE *restrict fp)
{
	size_t len;

	len = strlen(s);
	return (__sfwrite(fp, s, len) == len ? 0 : EOF);
}

int
puts(const char *s)
{
	size_t len;

	len = strlen(s);
	if (__sfwrite(stdout, s, len) != len ||
	    __sfwrite(stdout, "\n", 1) != 1)
		return (EOF);
	return (0);
}
