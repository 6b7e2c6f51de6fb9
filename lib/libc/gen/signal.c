/*
 * signal.c: signal(3) and siginterrupt(3), on sigaction(2).
 *
 * signal() installs a handler that stays installed and, as in BSD,
 * restarts interrupted system calls (SA_RESTART), unless
 * siginterrupt(sig, 1) asked for the signal to interrupt them.  It
 * returns the previous handler, or SIG_ERR with errno set.
 */
#include <errno.h>
#include <signal.h>

static sigset_t	interrupting;	/* signals that siginterrupt() set */

__sighandler_t
signal(int sig, __sighandler_t handler)
{
	struct sigaction sa, osa;

	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = sigismember(&interrupting, sig) == 1 ? 0 : SA_RESTART;
	if (sigaction(sig, &sa, &osa) == -1)
		return (SIG_ERR);
	return (osa.sa_handler);
}

/*
 * Make sig interrupt system calls (flag non-zero) or restart them, for
 * the current handler and for those signal() installs later.
 */
int
siginterrupt(int sig, int flag)
{
	struct sigaction sa;

	if (sigaction(sig, NULL, &sa) == -1)
		return (-1);
	if (flag) {
		sigaddset(&interrupting, sig);
		sa.sa_flags &= ~SA_RESTART;
	} else {
		sigdelset(&interrupting, sig);
		sa.sa_flags |= SA_RESTART;
	}
	return (sigaction(sig, &sa, NULL));
}
