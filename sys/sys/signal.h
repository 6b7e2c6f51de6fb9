/*
 * signal.h: signal numbers (4.4BSD numbering), sigaction(2) and the
 * signal set operations.  Shared by the kernel and userland.
 */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#include <sys/_types.h>

#define	SIGHUP		1	/* hangup */
#define	SIGINT		2	/* interrupt */
#define	SIGQUIT		3	/* quit */
#define	SIGILL		4	/* illegal instruction */
#define	SIGTRAP		5	/* trace trap */
#define	SIGABRT		6	/* abort() */
#define	SIGIOT		SIGABRT
#define	SIGEMT		7	/* EMT instruction */
#define	SIGFPE		8	/* floating point exception */
#define	SIGKILL		9	/* kill (cannot be caught or ignored) */
#define	SIGBUS		10	/* bus error */
#define	SIGSEGV		11	/* segmentation violation */
#define	SIGSYS		12	/* bad argument to system call */
#define	SIGPIPE		13	/* write on a pipe with no one to read it */
#define	SIGALRM		14	/* alarm clock */
#define	SIGTERM		15	/* software termination signal */
#define	SIGURG		16	/* urgent condition on I/O channel */
#define	SIGSTOP		17	/* sendable stop signal not from tty */
#define	SIGTSTP		18	/* stop signal from tty */
#define	SIGCONT		19	/* continue a stopped process */
#define	SIGCHLD		20	/* to parent on child stop or exit */
#define	SIGTTIN		21	/* to readers pgrp upon background tty read */
#define	SIGTTOU		22	/* like TTIN for output */
#define	SIGIO		23	/* input/output possible signal */
#define	SIGXCPU		24	/* exceeded CPU time limit */
#define	SIGXFSZ		25	/* exceeded file size limit */
#define	SIGVTALRM	26	/* virtual time alarm */
#define	SIGPROF		27	/* profiling time alarm */
#define	SIGWINCH	28	/* window size changes */
#define	SIGINFO		29	/* information request */
#define	SIGUSR1		30	/* user defined signal 1 */
#define	SIGUSR2		31	/* user defined signal 2 */
#define	NSIG		32	/* signal numbers are 1 .. NSIG-1 */

typedef void	(*__sighandler_t)(int);
#define	SIG_DFL		((__sighandler_t)0)
#define	SIG_IGN		((__sighandler_t)1)
#define	SIG_ERR		((__sighandler_t)-1)

#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef __sigset_t	sigset_t;
#endif

/*
 * sigaction(2).  The handler is called as handler(signo, code, scp),
 * where scp points at the struct sigcontext that sigreturn(2) restores.
 */
struct sigaction {
	__sighandler_t	sa_handler;	/* SIG_DFL, SIG_IGN or a function */
	sigset_t	sa_mask;	/* signals blocked while it runs */
	int		sa_flags;	/* SA_* below */
};

#define	SA_ONSTACK	0x0001	/* accepted, but there is no signal stack */
#define	SA_RESTART	0x0002	/* restart system calls on this signal */
#define	SA_RESETHAND	0x0004	/* reset to SIG_DFL when taken */
#define	SA_NODEFER	0x0010	/* don't mask the signal while it runs */
#define	SA_NOCLDSTOP	0x0008	/* no SIGCHLD when children stop */

/* sigprocmask(2) */
#define	SIG_BLOCK	1	/* block specified signal set */
#define	SIG_UNBLOCK	2	/* unblock specified signal set */
#define	SIG_SETMASK	3	/* set specified signal set */

#define	sigmask(m)	(1U << ((m) - 1))

/* The code a handler gets with SIGSEGV, SIGBUS, SIGILL and SIGFPE. */
#define	SEGV_MAPERR	1	/* address not mapped */
#define	SEGV_ACCERR	2	/* invalid permissions */
#define	BUS_ADRERR	2	/* nonexistent physical address */
#define	BUS_OBJERR	3	/* object-specific error (pager I/O) */
#define	ILL_ILLOPC	1	/* illegal opcode */
#define	ILL_PRVOPC	5	/* privileged opcode */
#define	FPE_INTDIV	1	/* integer divide by zero */
#define	FPE_FLTINV	7	/* floating point invalid operation */
#define	TRAP_BRKPT	1	/* breakpoint */

#include <machine/signal.h>	/* struct sigcontext */

#endif /* !_SYS_SIGNAL_H_ */
