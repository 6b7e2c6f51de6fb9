/*
 * fclose.c: fclose(3): write out the stream, close its descriptor and
 * free its buffer and entry.  A reading stream first moves the
 * descriptor's offset back to where its reader had got (POSIX).
 * Returns 0, or EOF if writing or closing failed (the stream is gone
 * either way).
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "local.h"

int
fclose(FILE *fp)
{
	int r;

	if (!(fp->_flags & __SUSED)) {
		errno = EBADF;
		return (EOF);
	}
	r = __sflush(fp);
	(void)__sread_done(fp);
	if (close(fp->_fd) == -1)
		r = EOF;
	if (fp->_flags & __SMBF)
		free(fp->_buf);
	__sfree(fp);
	return (r);
}
