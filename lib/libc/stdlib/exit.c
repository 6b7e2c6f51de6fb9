/*
 * exit.c: leaving the process: atexit(3), exit(3) and _Exit(3).
 *
 * exit() calls the functions registered with atexit(), the last first,
 * each once even if one of them calls exit() again; then __cleanup,
 * which stdio sets when a stream first holds output, flushes every
 * stream; then _exit(2).  _Exit() goes straight to _exit(2).
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc_private.h"

#define	ATEXIT_MAX	64		/* POSIX asks for at least 32 */

void	(*__cleanup)(void);

static void	(*handlers[ATEXIT_MAX])(void);
static int	  nhandlers;

/* Register fn to run at exit.  Returns 0, or -1 (ENOMEM) when full. */
int
atexit(void (*fn)(void))
{

	if (nhandlers == ATEXIT_MAX) {
		errno = ENOMEM;
		return (-1);
	}
	handlers[nhandlers++] = fn;
	return (0);
}

void
exit(int status)
{
	void (*fn)(void);

	while (nhandlers > 0) {
		fn = handlers[--nhandlers];
		fn();
	}
	if (__cleanup != NULL)
		__cleanup();
	_exit(status);
}

void
_Exit(int status)
{

	_exit(status);
}
