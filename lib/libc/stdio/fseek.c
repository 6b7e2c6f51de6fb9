/*
 * fseek.c: positioning: fseek, fseeko, ftell, ftello, rewind, fgetpos
 * and fsetpos.
 *
 * The stream's position is the descriptor's offset, less the bytes read
 * ahead (and pushed back) or plus the bytes waiting to be written.
 * Seeking writes pending output, drops what was read ahead and clears
 * the end-of-file indicator.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "local.h"

/*
 * Move the stream to offset from whence.  A SEEK_CUR offset counts
 * from the reader's position, behind the descriptor's by the bytes
 * read ahead.  Returns 0, or -1 with errno set.
 */
int
fseeko(FILE *fp, off_t offset, int whence)
{

	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return (-1);
	}
	if (__sflush(fp) == EOF)
		return (-1);
	if ((fp->_flags & __SRDING) && whence == SEEK_CUR) {
		offset -= (off_t)fp->_r;
		if (fp->_flags & __SUB)
			offset -= (off_t)fp->_ur;
	}
	fp->_flags &= ~(__SRDING | __SUB);
	fp->_p = fp->_buf;
	fp->_r = 0;
	if (lseek(fp->_fd, offset, whence) == -1)
		return (-1);
	fp->_flags &= ~__SEOF;
	return (0);
}

int
fseek(FILE *fp, long offset, int whence)
{

	return (fseeko(fp, offset, whence));
}

/* The stream's position, or -1 with errno set. */
off_t
ftello(FILE *fp)
{
	off_t pos;

	if ((pos = lseek(fp->_fd, 0, SEEK_CUR)) == -1)
		return (-1);
	if (fp->_flags & __SRDING) {
		pos -= (off_t)fp->_r;
		if (fp->_flags & __SUB)
			pos -= (off_t)fp->_ur;
	} else if (fp->_flags & __SWRING)
		pos += fp->_p - fp->_buf;
	return (pos < 0 ? 0 : pos);
}

long
ftell(FILE *fp)
{
	off_t pos;

	if ((pos = ftello(fp)) == -1)
		return (-1);
	if (pos > LONG_MAX) {
		errno = EOVERFLOW;
		return (-1);
	}
	return ((long)pos);
}

void
rewind(FILE *fp)
{

	(void)fseeko(fp, 0, SEEK_SET);
	fp->_flags &= ~__SERR;
}

int
fgetpos(FILE *restrict fp, fpos_t *restrict pos)
{
	off_t off;

	if ((off = ftello(fp)) == -1)
		return (-1);
	*pos = off;
	return (0);
}

int
fsetpos(FILE *fp, const fpos_t *pos)
{

	return (fseeko(fp, *pos, SEEK_SET));
}
