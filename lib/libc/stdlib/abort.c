/*
 * abort.c: abort(3): end the process with SIGABRT.
 *
 * SIGABRT is unblocked and raised; if a handler returns, or the signal
 * is ignored, the default action is put back and the signal raised
 * again.  Streams are not flushed: abort() is the way out when the
 * process's data may be corrupt.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

void
abort(void)
{
	struct sigaction sa;
	sigset_t mask;

	sigemptyset(&mask);
	sigaddset(&mask, SIGABRT);
	(void)sigprocmask(SIG_UNBLOCK, &mask, NULL);
	(void)raise(SIGABRT);

	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	(void)sigaction(SIGABRT, &sa, NULL);
	(void)sigprocmask(SIG_UNBLOCK, &mask, NULL);
	(void)raise(SIGABRT);
	_exit(127);
}
