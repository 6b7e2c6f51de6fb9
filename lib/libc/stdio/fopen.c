/*
 * fopen.c: opening streams: fopen(3), fdopen(3) and freopen(3).
 *
 * New files are created with mode 0666, less the umask.  fdopen()
 * checks that the descriptor is open and allows the access asked for,
 * and turns on O_APPEND for an "a" mode.  freopen() keeps the stream's
 * descriptor number, so that freopen(path, mode, stdout) really changes
 * descriptor 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "local.h"

/* Open path with the mode (see flags.c); NULL with errno set on failure. */
FILE *
fopen(const char *restrict path, const char *restrict mode)
{
	FILE *fp;
	int flags, oflags;

	if ((flags = __sflags(mode, &oflags)) == 0)
		return (NULL);
	if ((fp = __sfp()) == NULL)
		return (NULL);
	if ((fp->_fd = open(path, oflags, 0666)) == -1) {
		__sfree(fp);
		return (NULL);
	}
	fp->_flags |= flags;
	return (fp);
}

/* A stream on the open descriptor fd, which the stream then owns. */
FILE *
fdopen(int fd, const char *mode)
{
	FILE *fp;
	int flags, oflags, fdflags;

	if ((flags = __sflags(mode, &oflags)) == 0)
		return (NULL);
	if ((fdflags = fcntl(fd, F_GETFL)) == -1) {
		if (errno == EBADF)
			return (NULL);
	} else {
		if ((fdflags & O_ACCMODE) != O_RDWR &&
		    (fdflags & O_ACCMODE) != (oflags & O_ACCMODE)) {
			errno = EINVAL;
			return (NULL);
		}
		if ((oflags & O_APPEND) && !(fdflags & O_APPEND))
			(void)fcntl(fd, F_SETFL, fdflags | O_APPEND);
	}
	if ((fp = __sfp()) == NULL)
		return (NULL);
	fp->_fd = fd;
	fp->_flags |= flags;
	return (fp);
}

/*
 * Close fp's file and open path in its place, with the same descriptor
 * number if possible.  With a NULL path, only the access flags change.
 * On failure fp is closed and NULL returned.
 */
FILE *
freopen(const char *restrict path, const char *restrict mode,
    FILE *restrict fp)
{
	int flags, oflags, fd, keep;

	if ((flags = __sflags(mode, &oflags)) == 0) {
		(void)fclose(fp);
		return (NULL);
	}
	fd = fp->_fd;
	keep = ((fp->_flags & __SNBF) && fp == stderr) ? __SNBF : 0;
	if (fp->_flags & __SUSED) {
		(void)__sflush(fp);
		(void)__sread_done(fp);
		if (fp->_flags & __SMBF)
			free(fp->_buf);
		if (path != NULL)
			(void)close(fd);
	} else
		fd = -1;
	fp->_buf = NULL;
	fp->_bufsize = 0;
	fp->_p = NULL;
	fp->_r = 0;
	fp->_pid = 0;
	fp->_flags = __SUSED | keep;

	if (path != NULL) {
		int nfd = open(path, oflags, 0666);

		if (nfd == -1) {
			__sfree(fp);
			return (NULL);
		}
		if (fd >= 0 && nfd != fd) {
			if (dup2(nfd, fd) == -1) {
				(void)close(nfd);
				__sfree(fp);
				return (NULL);
			}
			(void)close(nfd);
		} else
			fd = nfd;
	}
	fp->_fd = fd;
	fp->_flags |= flags;
	return (fp);
}
