/*
 * findfp.c: the table of streams, stdin/stdout/stderr, and the walks
 * over every stream that flush them.
 *
 * All FILEs live in __sF[] (FOPEN_MAX of them, as many as a process
 * has descriptors); fopen() and the others take a free entry with
 * __sfp() and fclose() gives it back with __sfree().  The first three
 * entries are the standard streams, ready before main() runs: stderr
 * is unbuffered, the others choose their buffering on first use.
 */
#include <errno.h>
#include <string.h>

#include "local.h"

FILE	__sF[FOPEN_MAX] = {
	[0] = { ._flags = __SUSED | __SRD, ._fd = 0 },
	[1] = { ._flags = __SUSED | __SWR, ._fd = 1 },
	[2] = { ._flags = __SUSED | __SWR | __SNBF, ._fd = 2 },
};

FILE	*__stdinp = &__sF[0];
FILE	*__stdoutp = &__sF[1];
FILE	*__stderrp = &__sF[2];

/*
 * A free stream, zeroed and marked in use; the caller sets _fd and the
 * access flags.  NULL with errno EMFILE when all are in use.
 */
FILE *
__sfp(void)
{
	FILE *fp;

	for (fp = __sF; fp < __sF + FOPEN_MAX; fp++) {
		if (fp->_flags == 0) {
			memset(fp, 0, sizeof(*fp));
			fp->_flags = __SUSED;
			fp->_fd = -1;
			return (fp);
		}
	}
	errno = EMFILE;
	return (NULL);
}

void
__sfree(FILE *fp)
{

	fp->_flags = 0;
	fp->_pid = 0;
}

/* Flush every stream holding output: exit() calls this (__cleanup). */
void
__sflush_all(void)
{
	FILE *fp;

	for (fp = __sF; fp < __sF + FOPEN_MAX; fp++)
		if ((fp->_flags & (__SUSED | __SWRING)) ==
		    (__SUSED | __SWRING))
			(void)__sflush(fp);
}

/* Flush the line-buffered output streams, before a read may block. */
void
__sflush_linebuf(void)
{
	FILE *fp;

	for (fp = __sF; fp < __sF + FOPEN_MAX; fp++)
		if ((fp->_flags & (__SUSED | __SWRING | __SLBF)) ==
		    (__SUSED | __SWRING | __SLBF))
			(void)__sflush(fp);
}
