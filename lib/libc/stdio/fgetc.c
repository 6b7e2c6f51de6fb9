/*
 * fgetc.c: reading bytes: fgetc(3), getc(3), getchar(3) and their
 * _unlocked forms (there are no threads to lock against).  Each returns
 * the next byte as an unsigned char, or EOF at end of file or on error.
 */
#include "local.h"

int
fgetc(FILE *fp)
{

	return (__sgetc(fp));
}

int
getc(FILE *fp)
{

	return (__sgetc(fp));
}

int
getchar(void)
{

	return (__sgetc(stdin));
}

int
getc_unlocked(FILE *fp)
{

	return (__sgetc(fp));
}

int
getchar_unlocked(void)
{

	return (__sgetc(stdin));
}
