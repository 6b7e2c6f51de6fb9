/*
 * fflush.c: writing out a stream's buffer: fflush(3) and __sflush().
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

/*
 * Write the bytes a writing stream holds.  On a write error the bytes
 * not written stay at the front of the buffer, the stream gets its
 * error flag and EOF is returned.  A stream that is not writing is left
 * alone.
 */
int
__sflush(FILE *fp)
{
	unsigned char *p;
	size_t n;
	ssize_t w;

	if (!(fp->_flags & __SWRING))
		return (0);
	p = fp->_buf;
	n = fp->_p - fp->_buf;
	while (n > 0) {
		w = write(fp->_fd, p, n);
		if (w <= 0) {
			memmove(fp->_buf, p, n);
			fp->_p = fp->_buf + n;
			fp->_flags |= __SERR;
			return (EOF);
		}
		p += w;
		n -= w;
	}
	fp->_p = fp->_buf;
	fp->_flags &= ~__SWRING;
	return (0);
}

/*
 * Write out fp, or every stream if fp is NULL.  On a stream that is
 * reading, drop the bytes read ahead and move the descriptor's offset
 * back to the stream's position when it can seek (POSIX).
 */
int
fflush(FILE *fp)
{

	if (fp == NULL) {
		int r = 0;

		for (fp = __sF; fp < __sF + FOPEN_MAX; fp++)
			if ((fp->_flags & __SUSED) && __sflush(fp) == EOF)
				r = EOF;
		return (r);
	}
	if (!(fp->_flags & __SUSED)) {
		errno = EBADF;
		return (EOF);
	}
	if (fp->_flags & __SRDING)
		return (__sread_done(fp));
	return (__sflush(fp));
}
