/*
 * signal.h: signals.  Numbers, struct sigaction and the SA_* and SIG_*
 * values come from <sys/signal.h>, which the kernel shares.
 *
 * A handler is called as handler(signo, code, struct sigcontext *); the
 * kernel supplies the return trampoline.  signal(3) installs a handler
 * with SA_RESTART, as BSD does.
 */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/types.h>
#include <sys/signal.h>

typedef int		sig_atomic_t;
typedef __sighandler_t	sig_t;		/* BSD */
typedef __sighandler_t	sighandler_t;	/* GNU */

extern const char *const sys_siglist[NSIG];
extern const char *const sys_signame[NSIG];

__sighandler_t	signal(int, __sighandler_t);
int	raise(int);
int	kill(pid_t, int);
int	killpg(pid_t, int);
int	sigaction(int, const struct sigaction *restrict,
	    struct sigaction *restrict);
int	sigprocmask(int, const sigset_t *restrict, sigset_t *restrict);
int	sigpending(sigset_t *);
int	sigsuspend(const sigset_t *);
int	sigreturn(struct sigcontext *);
int	sigemptyset(sigset_t *);
int	sigfillset(sigset_t *);
int	sigaddset(sigset_t *, int);
int	sigdelset(sigset_t *, int);
int	sigismember(const sigset_t *, int);
int	siginterrupt(int, int);
void	psignal(int, const char *);

#endif /* !_SIGNAL_H_ */
