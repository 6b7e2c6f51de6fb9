/*
 * fvwrite.c: the writing side of a stream: __swsetup() turns a stream
 * to writing, __sfwrite() puts bytes into it.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "libc_private.h"
#include "local.h"

/*
 * Get the stream ready to take output: it must allow writing; bytes
 * read ahead are given up and the buffer made.  Tells exit() to flush
 * streams.  Returns 0, or EOF (EBADF) for a read-only stream.
 */
int
__swsetup(FILE *fp)
{

	if (!(fp->_flags & __SWR)) {
		errno = EBADF;
		fp->_flags |= __SERR;
		return (EOF);
	}
	if (fp->_flags & __SRDING)
		(void)__sread_done(fp);
	if (fp->_buf == NULL)
		__smakebuf(fp);
	if (!(fp->_flags & __SWRING)) {
		fp->_flags |= __SWRING;
		fp->_p = fp->_buf;
		fp->_r = 0;
	}
	__cleanup = __sflush_all;
	return (0);
}

/*
 * Of the last n bytes given to the buffer, how many did a failed flush
 * write?  The bytes it left are the newest ones.
 */
static size_t
written_of(FILE *fp, size_t n)
{
	size_t left;

	left = fp->_p - fp->_buf;
	return (left < n ? n - left : 0);
}

/* write(2) all of s, or as much as possible; returns the bytes written. */
static size_t
write_all(FILE *fp, const unsigned char *s, size_t n)
{
	size_t done;
	ssize_t w;

	for (done = 0; done < n; done += w) {
		if ((w = write(fp->_fd, s + done, n - done)) <= 0) {
			fp->_flags |= __SERR;
			break;
		}
	}
	return (done);
}

/*
 * Put n bytes into the stream: into its buffer, writing the buffer out
 * whenever it fills, and once more at the end if the stream is line
 * buffered and a newline went in.  Unbuffered streams, and writes at
 * least a buffer long, go straight to write(2).  Returns the number of
 * bytes taken, n unless an error happened (then the error flag is set).
 */
size_t
__sfwrite(FILE *fp, const void *data, size_t n)
{
	const unsigned char *s;
	size_t done, k, room;

	if (n == 0)
		return (0);
	if (__swsetup(fp) == EOF)
		return (0);
	s = data;
	if (fp->_flags & __SNBF)
		return (write_all(fp, s, n));

	done = 0;
	while (done < n) {
		room = fp->_bufsize - (fp->_p - fp->_buf);
		if (room == 0) {
			if (__sflush(fp) == EOF)
				return (written_of(fp, done));
			fp->_flags |= __SWRING;
			continue;
		}
		if (fp->_p == fp->_buf && n - done >= fp->_bufsize) {
			done += write_all(fp, s + done, n - done);
			return (done);
		}
		k = room < n - done ? room : n - done;
		memcpy(fp->_p, s + done, k);
		fp->_p += k;
		done += k;
	}
	if ((fp->_flags & __SLBF) && memchr(data, '\n', n) != NULL &&
	    __sflush(fp) == EOF)
		return (written_of(fp, n));
	return (n);
}
