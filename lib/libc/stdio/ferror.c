/*
 * ferror.c: a stream's indicators: feof(3), ferror(3), clearerr(3),
 * and its descriptor, fileno(3).
 */
#include <errno.h>

#include "local.h"

int
feof(FILE *fp)
{

	return ((fp->_flags & __SEOF) != 0);
}

int
ferror(FILE *fp)
{

	return ((fp->_flags & __SERR) != 0);
}

void
clearerr(FILE *fp)
{

	fp->_flags &= ~(__SEOF | __SERR);
}

int
fileno(FILE *fp)
{

	if (!(fp->_flags & __SUSED)) {
		errno = EBADF;
		return (-1);
	}
	return (fp->_fd);
}
