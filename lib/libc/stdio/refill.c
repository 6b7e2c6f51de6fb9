/*
 * refill.c: the reading side of a stream: filling the buffer, reading
 * past it, and giving up what was read ahead.
 */
#include <errno.h>
#include <unistd.h>

#include "local.h"

/*
 * Get the stream ready to read from its descriptor: it must allow
 * reading; pending output is written and the buffer made.  Returns 0,
 * or EOF when the stream is at end of file (sticky, as C says, until
 * clearerr()) or failed.
 */
static int
sprepare(FILE *fp)
{

	if (!(fp->_flags & __SRD)) {
		errno = EBADF;
		fp->_flags |= __SERR;
		return (EOF);
	}
	if ((fp->_flags & __SWRING) && __sflush(fp) == EOF)
		return (EOF);
	if (fp->_buf == NULL)
		__smakebuf(fp);
	if (fp->_flags & __SEOF)
		return (EOF);
	fp->_flags |= __SRDING;
	fp->_p = fp->_buf;
	fp->_r = 0;
	/* Interactive input: let the prompt out first. */
	if (fp->_flags & (__SLBF | __SNBF))
		__sflush_linebuf();
	return (0);
}

/*
 * read(2) for a stream whose buffer is empty, into dst.  Returns the
 * bytes read, or 0 at end of file or on error (the flags say which).
 */
size_t
__sread(FILE *fp, void *dst, size_t len)
{
	ssize_t n;

	if (sprepare(fp) == EOF)
		return (0);
	n = read(fp->_fd, dst, len);
	if (n <= 0) {
		fp->_flags |= n == 0 ? __SEOF : __SERR;
		return (0);
	}
	return ((size_t)n);
}

/*
 * Make at least one byte available at _p.  Pushed-back bytes come
 * first, then what the buffer held before them, then new input.
 * Returns 0, or EOF at end of file or on error.
 */
int
__srefill(FILE *fp)
{
	size_t n;

	if (fp->_flags & __SUB) {
		fp->_flags &= ~__SUB;
		fp->_p = fp->_up;
		fp->_r = fp->_ur;
		if (fp->_r > 0)
			return (0);
	}
	if (fp->_buf == NULL)
		__smakebuf(fp);
	if ((n = __sread(fp, fp->_buf, fp->_bufsize)) == 0)
		return (EOF);
	fp->_p = fp->_buf;
	fp->_r = n;
	return (0);
}

/* The next byte of a stream, or EOF. */
int
__sgetc(FILE *fp)
{

	if (fp->_r == 0 && __srefill(fp) == EOF)
		return (EOF);
	fp->_r--;
	return (*fp->_p++);
}

/*
 * Stop reading: drop the bytes read ahead, moving the descriptor back
 * over them when it can seek, so that it is where the stream's reader
 * has got to.  Returns 0 (a descriptor that cannot seek just loses
 * them).
 */
int
__sread_done(FILE *fp)
{
	off_t unread;
	int error;

	if (!(fp->_flags & __SRDING))
		return (0);
	unread = fp->_r;
	if (fp->_flags & __SUB)
		unread += fp->_ur;
	if (unread > 0) {
		error = errno;
		(void)lseek(fp->_fd, -unread, SEEK_CUR);
		errno = error;
	}
	fp->_flags &= ~(__SRDING | __SUB);
	fp->_p = fp->_buf;
	fp->_r = 0;
	return (0);
}
