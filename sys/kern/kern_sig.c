/*
 * kern_sig.c: signals.
 *
 * A signal sent to a process (psignal) sets its bit in p_siglist and,
 * if the process sleeps interruptibly and does not block the signal,
 * wakes it.  Nothing else happens until the process itself notices, on
 * its way back to user mode (userret) or in an interruptible sleep:
 * cursig() picks the lowest pending signal that is not blocked,
 * discarding those whose action is to ignore them and stopping the
 * process for stop signals; postsig() then runs the action: the
 * default (terminate: sigexit) or a handler (sendsig builds the frame).
 *
 * Actions: each signal's disposition is in p_sigacts.ps_sigact: SIG_DFL,
 * SIG_IGN or a handler.  ps_sigignore and ps_sigcatch cache which are
 * ignored and which are caught; SIGKILL and SIGSTOP can be neither, nor
 * be blocked.  exec resets caught signals to SIG_DFL and keeps ignored
 * ones ignored (execsigs).
 *
 * Faults (trapsignal) are delivered at once when caught and unblocked;
 * otherwise the default action is forced, so that a process cannot loop
 * on a fault it ignores.  A process killed by a fault leaves a console
 * line naming it and the faulting address.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/sysproto.h>
#include <sys/wait.h>
#include <machine/frame.h>

/* What a signal does by default. */
#define	SA_KILL		0x01	/* terminates the process */
#define	SA_CORE		0x02	/* ... and would dump core */
#define	SA_STOP		0x04	/* stops the process */
#define	SA_TTYSTOP	0x08	/* ... when from a tty */
#define	SA_IGNORE	0x10	/* is ignored */
#define	SA_CONT		0x20	/* continues a stopped process */

static const char sigprop[NSIG] = {
	0,			/* unused */
	SA_KILL,		/* SIGHUP */
	SA_KILL,		/* SIGINT */
	SA_KILL | SA_CORE,	/* SIGQUIT */
	SA_KILL | SA_CORE,	/* SIGILL */
	SA_KILL | SA_CORE,	/* SIGTRAP */
	SA_KILL | SA_CORE,	/* SIGABRT */
	SA_KILL | SA_CORE,	/* SIGEMT */
	SA_KILL | SA_CORE,	/* SIGFPE */
	SA_KILL,		/* SIGKILL */
	SA_KILL | SA_CORE,	/* SIGBUS */
	SA_KILL | SA_CORE,	/* SIGSEGV */
	SA_KILL | SA_CORE,	/* SIGSYS */
	SA_KILL,		/* SIGPIPE */
	SA_KILL,		/* SIGALRM */
	SA_KILL,		/* SIGTERM */
	SA_IGNORE,		/* SIGURG */
	SA_STOP,		/* SIGSTOP */
	SA_STOP | SA_TTYSTOP,	/* SIGTSTP */
	SA_IGNORE | SA_CONT,	/* SIGCONT */
	SA_IGNORE,		/* SIGCHLD */
	SA_STOP | SA_TTYSTOP,	/* SIGTTIN */
	SA_STOP | SA_TTYSTOP,	/* SIGTTOU */
	SA_IGNORE,		/* SIGIO */
	SA_KILL,		/* SIGXCPU */
	SA_KILL,		/* SIGXFSZ */
	SA_KILL,		/* SIGVTALRM */
	SA_KILL,		/* SIGPROF */
	SA_IGNORE,		/* SIGWINCH */
	SA_IGNORE,		/* SIGINFO */
	SA_KILL,		/* SIGUSR1 */
	SA_KILL,		/* SIGUSR2 */
};

static const char *const signames[NSIG] = {
	"Signal 0", "Hangup", "Interrupt", "Quit", "Illegal instruction",
	"Trace/BPT trap", "Abort trap", "EMT trap", "Floating point exception",
	"Killed", "Bus error", "Segmentation fault", "Bad system call",
	"Broken pipe", "Alarm clock", "Terminated", "Urgent I/O condition",
	"Suspended (signal)", "Suspended", "Continued", "Child exited",
	"Stopped (tty input)", "Stopped (tty output)", "I/O possible",
	"Cputime limit exceeded", "Filesize limit exceeded",
	"Virtual timer expired", "Profiling timer expired",
	"Window size changes", "Information request", "User defined signal 1",
	"User defined signal 2",
};

#define	stopsigmask	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define	contsigmask	(sigmask(SIGCONT))

/* The lowest signal in a set, or 0. */
int
sig_ffs(sigset_t set)
{

	return (set == 0 ? 0 : __builtin_ctz(set) + 1);
}

/* Every signal to its default action (proc0, inherited by all). */
void
siginit(struct proc *p)
{

	memset(&p->p_sigacts, 0, sizeof(p->p_sigacts));
}

/* Install sa as sig's action. */
static void
setsigvec(struct proc *p, int sig, const struct sigaction *sa)
{
	struct sigacts *ps = &p->p_sigacts;
	sigset_t mask = sigmask(sig);

	ps->ps_sigact[sig] = sa->sa_handler;
	ps->ps_catchmask[sig] = sa->sa_mask & ~sigcantmask;
	if (sa->sa_flags & SA_RESTART)
		ps->ps_sigintr &= ~mask;
	else
		ps->ps_sigintr |= mask;
	if (sa->sa_flags & SA_RESETHAND)
		ps->ps_sigreset |= mask;
	else
		ps->ps_sigreset &= ~mask;
	if (sa->sa_flags & SA_NODEFER)
		ps->ps_signodefer |= mask;
	else
		ps->ps_signodefer &= ~mask;
	if (sig == SIGCHLD) {
		if (sa->sa_flags & SA_NOCLDSTOP)
			ps->ps_flags |= PS_NOCLDSTOP;
		else
			ps->ps_flags &= ~PS_NOCLDSTOP;
	}
	if (sa->sa_handler == SIG_IGN ||
	    (sa->sa_handler == SIG_DFL && (sigprop[sig] & SA_IGNORE))) {
		p->p_siglist &= ~mask;		/* never deliver what's pending */
		if (sig != SIGCONT)
			p->p_sigmask &= ~mask;	/* and don't let it pile up */
	}
	if (sa->sa_handler == SIG_IGN)
		ps->ps_sigignore |= mask;
	else
		ps->ps_sigignore &= ~mask;
	if (sa->sa_handler != SIG_DFL && sa->sa_handler != SIG_IGN)
		ps->ps_sigcatch |= mask;
	else
		ps->ps_sigcatch &= ~mask;
}

int
sys_sigaction(struct proc *p, struct sigaction_args *uap, register_t *retval)
{
	struct sigaction nsa, osa;
	int sig = uap->signum, error;

	if (sig <= 0 || sig >= NSIG)
		return (EINVAL);
	if (uap->nsa != NULL) {
		if ((error = copyin(uap->nsa, &nsa, sizeof(nsa))) != 0)
			return (error);
		if ((sig == SIGKILL || sig == SIGSTOP) &&
		    nsa.sa_handler != SIG_DFL)
			return (EINVAL);
	}
	if (uap->osa != NULL) {
		memset(&osa, 0, sizeof(osa));
		osa.sa_handler = p->p_sigacts.ps_sigact[sig];
		osa.sa_mask = p->p_sigacts.ps_catchmask[sig];
		if ((p->p_sigacts.ps_sigintr & sigmask(sig)) == 0)
			osa.sa_flags |= SA_RESTART;
		if (p->p_sigacts.ps_sigreset & sigmask(sig))
			osa.sa_flags |= SA_RESETHAND;
		if (p->p_sigacts.ps_signodefer & sigmask(sig))
			osa.sa_flags |= SA_NODEFER;
		if (sig == SIGCHLD && (p->p_sigacts.ps_flags & PS_NOCLDSTOP))
			osa.sa_flags |= SA_NOCLDSTOP;
		if ((error = copyout(&osa, uap->osa, sizeof(osa))) != 0)
			return (error);
	}
	if (uap->nsa != NULL)
		setsigvec(p, sig, &nsa);
	return (0);
}

int
sys_sigprocmask(struct proc *p, struct sigprocmask_args *uap,
    register_t *retval)
{
	sigset_t set, oset = p->p_sigmask;
	int error;

	if (uap->set != NULL) {
		if ((error = copyin(uap->set, &set, sizeof(set))) != 0)
			return (error);
		switch (uap->how) {
		case SIG_BLOCK:
		case SIG_UNBLOCK:
		case SIG_SETMASK:
			break;
		default:
			return (EINVAL);
		}
	}
	if (uap->oset != NULL &&
	    (error = copyout(&oset, uap->oset, sizeof(oset))) != 0)
		return (error);
	if (uap->set != NULL) {
		switch (uap->how) {
		case SIG_BLOCK:
			p->p_sigmask |= set & ~sigcantmask;
			break;
		case SIG_UNBLOCK:
			p->p_sigmask &= ~set;
			break;
		case SIG_SETMASK:
			p->p_sigmask = set & ~sigcantmask;
			break;
		}
	}
	return (0);
}

int
sys_sigpending(struct proc *p, struct sigpending_args *uap,
    register_t *retval)
{
	sigset_t set = p->p_siglist;

	return (copyout(&set, uap->set, sizeof(set)));
}

/*
 * sigsuspend(mask): wait for a signal with `mask' blocked; the old mask
 * comes back after the handler runs (PS_OLDMASK).  Always EINTR.
 */
int
sys_sigsuspend(struct proc *p, struct sigsuspend_args *uap,
    register_t *retval)
{
	sigset_t mask;
	int error;

	if ((error = copyin(uap->mask, &mask, sizeof(mask))) != 0)
		return (error);
	p->p_oldmask = p->p_sigmask;
	p->p_sigacts.ps_flags |= PS_OLDMASK;
	p->p_sigmask = mask & ~sigcantmask;
	while (tsleep(&p->p_sigacts, PCATCH, "pause", 0) == 0)
		continue;
	return (EINTR);
}

/* May p send a signal to q?  Root may; others only to their own. */
static bool
cansignal(struct proc *p, struct proc *q, int sig)
{

	if (p->p_uid == 0)
		return (true);
	if (q->p_flag & P_SYSTEM)
		return (false);
	return (p->p_ruid == q->p_ruid || p->p_uid == q->p_ruid ||
	    p->p_ruid == q->p_svuid || p->p_uid == q->p_svuid);
}

/* Signal every process in a set: pgid > 0, or all (pgid == 0). */
static int
killpg1(struct proc *p, int sig, pid_t pgid, bool all)
{
	struct proc *q;
	int nfound = 0;

	LIST_FOREACH(q, &allproc, p_list) {
		if (q->p_pid <= 1 || (q->p_flag & P_SYSTEM) ||
		    q->p_stat == SZOMB)
			continue;
		if (all ? q == p : q->p_pgid != pgid)
			continue;
		if (!cansignal(p, q, sig))
			continue;
		nfound++;
		if (sig != 0)
			psignal(q, sig);
	}
	return (nfound != 0 ? 0 : ESRCH);
}

int
sys_kill(struct proc *p, struct kill_args *uap, register_t *retval)
{
	struct proc *q;
	int sig = uap->signum;

	if (sig < 0 || sig >= NSIG)
		return (EINVAL);
	if (uap->pid > 0) {
		if ((q = pfind(uap->pid)) == NULL) {
			if (zpfind(uap->pid) != NULL)
				return (0);	/* a zombie takes no signals */
			return (ESRCH);
		}
		if (!cansignal(p, q, sig))
			return (EPERM);
		if (sig != 0)
			psignal(q, sig);
		return (0);
	}
	if (uap->pid == -1)
		return (killpg1(p, sig, 0, true));
	return (killpg1(p, sig, uap->pid == 0 ? p->p_pgid : -uap->pid,
	    false));
}

/* Send sig to every process in group pgid (the tty's ^C). */
void
pgsignal(pid_t pgid, int sig)
{
	struct proc *q;

	if (pgid <= 0)
		return;
	LIST_FOREACH(q, &allproc, p_list)
		if (q->p_pgid == pgid && (q->p_flag & P_SYSTEM) == 0)
			psignal(q, sig);
}

/*
 * Post sig to p (see the opening comment).  May be called from an
 * interrupt handler.
 */
void
psignal(struct proc *p, int sig)
{
	int prop = sigprop[sig], s;
	sigset_t mask = sigmask(sig);

	KASSERT(sig > 0 && sig < NSIG, ("psignal: signal %d", sig));
	if ((p->p_flag & P_SYSTEM) || p->p_stat == SZOMB)
		return;
	if ((p->p_sigacts.ps_sigignore & mask) && sig != SIGKILL)
		return;
	s = splhigh();
	if (prop & SA_CONT)
		p->p_siglist &= ~stopsigmask;
	if (prop & SA_STOP)
		p->p_siglist &= ~contsigmask;
	p->p_siglist |= mask;

	switch (p->p_stat) {
	case SSLEEP:
		if ((p->p_flag & P_SINTR) == 0)
			break;
		if ((p->p_sigmask & mask) && sig != SIGKILL)
			break;
		setrunnable(p);
		break;
	case SSTOP:
		if (sig == SIGKILL || (prop & SA_CONT)) {
			if ((prop & SA_CONT) &&
			    p->p_sigacts.ps_sigact[sig] == SIG_DFL)
				p->p_siglist &= ~mask;
			setrunnable(p);
		}
		break;
	default:
		/* Running or runnable: it sees the signal on its way out. */
		if (p != curproc)
			want_resched = 1;
		break;
	}
	splx(s);
}

/* Stop the current process for sig, and tell its parent. */
static void
proc_stop(struct proc *p, int sig)
{
	struct proc *pp = p->p_pptr;
	int s;

	p->p_xstat = sig;
	s = splhigh();
	p->p_stat = SSTOP;
	p->p_flag &= ~P_WAITED;
	splx(s);
	if ((pp->p_sigacts.ps_flags & PS_NOCLDSTOP) == 0)
		psignal(pp, SIGCHLD);
	wakeup(pp);
	s = splhigh();
	if (p->p_stat == SSTOP)		/* not continued meanwhile */
		mi_switch();
	splx(s);
}

/*
 * The next signal the current process must act on, or 0.  Signals
 * whose action is to be ignored are discarded here; a default stop
 * stops the process right here, and it carries on when continued.
 */
int
cursig(struct proc *p)
{
	sigset_t pending, mask;
	__sighandler_t action;
	int sig, prop;

	if (p->p_flag & P_SYSTEM)
		return (0);
	for (;;) {
		pending = p->p_siglist & ~p->p_sigmask;
		if (pending == 0)
			return (0);
		sig = sig_ffs(pending);
		mask = sigmask(sig);
		prop = sigprop[sig];
		action = p->p_sigacts.ps_sigact[sig];
		if (action == SIG_IGN) {
			p->p_siglist &= ~mask;
			continue;
		}
		if (action == SIG_DFL) {
			if (prop & SA_IGNORE) {
				p->p_siglist &= ~mask;
				continue;
			}
			if ((prop & SA_STOP) && p == curproc &&
			    (p->p_flag & P_WEXIT) == 0) {
				p->p_siglist &= ~mask;
				proc_stop(p, sig);
				continue;
			}
		}
		return (sig);
	}
}

/* Take the action for sig, which cursig() chose, in the current process. */
void
postsig(int sig)
{
	struct proc *p = curproc;
	struct sigacts *ps = &p->p_sigacts;
	__sighandler_t action = ps->ps_sigact[sig];
	sigset_t mask = sigmask(sig), returnmask;
	int code;

	p->p_siglist &= ~mask;
	if (action == SIG_DFL)
		sigexit(p, sig);
	KASSERT(action != SIG_IGN && (p->p_sigmask & mask) == 0,
	    ("postsig: signal %d ignored or blocked", sig));
	if (ps->ps_flags & PS_OLDMASK) {
		returnmask = p->p_oldmask;
		ps->ps_flags &= ~PS_OLDMASK;
	} else
		returnmask = p->p_sigmask;
	code = ps->ps_code;
	ps->ps_code = 0;
	sendsig(action, sig, returnmask, code);
	p->p_sigmask |= ps->ps_catchmask[sig];
	if ((ps->ps_signodefer & mask) == 0)
		p->p_sigmask |= mask;
	if (ps->ps_sigreset & mask) {
		ps->ps_sigact[sig] = SIG_DFL;
		ps->ps_sigcatch &= ~mask;
		ps->ps_sigreset &= ~mask;
	}
}

/*
 * A fault in the current process (trap.c).  A handler that is installed
 * and not blocked runs at once; otherwise the process gets the default
 * action, whatever it asked for.
 */
void
trapsignal(struct proc *p, int sig, int code)
{
	struct sigacts *ps = &p->p_sigacts;
	sigset_t mask = sigmask(sig);

	if ((ps->ps_sigcatch & mask) && (p->p_sigmask & mask) == 0) {
		ps->ps_code = code;
		postsig(sig);
		return;
	}
	ps->ps_sigact[sig] = SIG_DFL;
	ps->ps_sigignore &= ~mask;
	ps->ps_sigcatch &= ~mask;
	p->p_sigmask &= ~mask;
	ps->ps_code = code;
	psignal(p, sig);
}

/* Kill the current process with signal sig. */
void
sigexit(struct proc *p, int sig)
{

	if (p->p_sigacts.ps_code != 0 && (sig == SIGSEGV || sig == SIGBUS ||
	    sig == SIGILL || sig == SIGFPE))
		printf("pid %d (%s): %s at address %#x, eip %#x\n", p->p_pid,
		    p->p_comm, signames[sig], p->p_md.md_faultaddr,
		    p->p_md.md_regs != NULL ? p->p_md.md_regs->tf_eip : 0);
	exit1(p, W_EXITCODE(0, sig));
}

/* exec: caught signals go back to their default action. */
void
execsigs(struct proc *p)
{
	struct sigacts *ps = &p->p_sigacts;
	int sig;

	while (ps->ps_sigcatch != 0) {
		sig = sig_ffs(ps->ps_sigcatch);
		ps->ps_sigcatch &= ~sigmask(sig);
		ps->ps_sigact[sig] = SIG_DFL;
		if (sigprop[sig] & SA_IGNORE)
			p->p_siglist &= ~sigmask(sig);
	}
	ps->ps_sigreset = 0;
	ps->ps_signodefer = 0;
	ps->ps_sigintr = 0;
	ps->ps_flags &= ~PS_OLDMASK;
	ps->ps_code = 0;
}

const char *
signame(int sig)
{

	return (sig > 0 && sig < NSIG ? signames[sig] : "Unknown signal");
}
