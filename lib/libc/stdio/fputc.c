/*
 * fputc.c: writing bytes: fputc(3), putc(3), putchar(3) and their
 * _unlocked forms.  Each returns the byte written, as an unsigned char,
 * or EOF on error.
 */
#include "local.h"

int
fputc(int c, FILE *fp)
{
	unsigned char b;

	b = (unsigned char)c;
	if (__sfwrite(fp, &b, 1) != 1)
		return (EOF);
	return (b);
}

int
putc(int c, FILE *fp)
{

	return (fputc(c, fp));
}

int
putchar(int c)
{

	return (fputc(c, stdout));
}

int
putc_unlocked(int c, FILE *fp)
{

	return (fputc(c, fp));
}

int
putchar_unlocked(int c)
{

	return (fputc(c, stdout));
}
