/*
 * makebuf.c: buffers: __smakebuf() gives a stream its buffer on first
 * use; setvbuf(3) and its BSD relatives choose one beforehand.
 *
 * A stream whose buffering nobody chose is line buffered if its
 * descriptor is a terminal and fully buffered otherwise; when no memory
 * is left it falls back to being unbuffered.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "local.h"

/*
 * Give fp its first buffer, choosing line buffering for a terminal
 * unless setvbuf() chose already.  errno is left as it was.
 */
void
__smakebuf(FILE *fp)
{
	int error;

	if (!(fp->_flags & __SNBF) && (fp->_buf = malloc(BUFSIZ)) != NULL) {
		fp->_flags |= __SMBF;
		fp->_bufsize = BUFSIZ;
		if (!(fp->_flags & __SMODE)) {
			error = errno;		/* isatty() sets ENOTTY */
			if (isatty(fp->_fd))
				fp->_flags |= __SLBF;
			errno = error;
		}
	} else {
		fp->_flags |= __SNBF;
		fp->_buf = fp->_nbuf;
		fp->_bufsize = 1;
	}
	fp->_p = fp->_buf;
	fp->_r = 0;
}

/*
 * Choose the buffering: _IONBF, _IOLBF or _IOFBF, in buf (size bytes)
 * or, if buf is NULL, in a buffer from malloc() of size bytes (BUFSIZ
 * if size is 0).  Meant to be called before any I/O; pending output is
 * written first.  Returns 0, or EOF (EINVAL for a bad mode, ENOMEM).
 */
int
setvbuf(FILE *restrict fp, char *restrict buf, int mode, size_t size)
{
	unsigned char *nbuf;

	if (mode != _IONBF && mode != _IOLBF && mode != _IOFBF) {
		errno = EINVAL;
		return (EOF);
	}
	(void)__sflush(fp);
	(void)__sread_done(fp);
	nbuf = (unsigned char *)buf;
	if (mode != _IONBF) {
		if (size == 0)
			size = BUFSIZ;
		if (nbuf == NULL && (nbuf = malloc(size)) == NULL)
			return (EOF);
	}
	if (fp->_flags & __SMBF)
		free(fp->_buf);
	fp->_flags &= ~(__SLBF | __SNBF | __SMBF);
	fp->_flags |= __SMODE;
	if (mode == _IONBF) {
		fp->_flags |= __SNBF;
		fp->_buf = fp->_nbuf;
		fp->_bufsize = 1;
	} else {
		if (buf == NULL)
			fp->_flags |= __SMBF;
		if (mode == _IOLBF)
			fp->_flags |= __SLBF;
		fp->_buf = nbuf;
		fp->_bufsize = size;
	}
	fp->_p = fp->_buf;
	fp->_r = 0;
	return (0);
}

void
setbuf(FILE *restrict fp, char *restrict buf)
{

	(void)setvbuf(fp, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

void
setbuffer(FILE *fp, char *buf, int size)
{

	(void)setvbuf(fp, buf, buf != NULL ? _IOFBF : _IONBF, (size_t)size);
}

int
setlinebuf(FILE *fp)
{

	return (setvbuf(fp, NULL, _IOLBF, 0));
}
