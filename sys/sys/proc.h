/*
 * proc.h: the process.
 *
 * A process is a thread of control (its kernel stack, pcb and trap
 * frame), an address space (p_vmspace), open files (p_fd), credentials
 * and signal state.  Kernel threads (the idle loop, the pageout daemon)
 * are processes with P_SYSTEM set and no user address space of their
 * own: they run on the kernel's vmspace.
 *
 * States:
 *	SIDL	being built by fork1(); not yet runnable
 *	SRUN	on the run queue, or running (curproc)
 *	SSLEEP	asleep on p_wchan (kern_synch.c)
 *	SZOMB	exited; keeps its pid and status until its parent's wait
 *
 * Locking legend (see sys/systm.h: uniprocessor, no kernel preemption):
 *	(i)	changed with interrupts blocked (splhigh): the scheduler
 *		and interrupt handlers share it
 *	(p)	changed only by the process itself, or by its parent
 *		while it is SIDL or SZOMB
 *	(c)	constant once the process runs
 */
#ifndef _SYS_PROC_H_
#define _SYS_PROC_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/param.h>
#include <sys/signal.h>
#include <sys/systm.h>
#include <sys/sysctl.h>
#include <machine/pcb.h>
#include <machine/proc.h>

struct vmspace;
struct filedesc;
struct vnode;

/* Signal actions, kern_sig.c. */
struct sigacts {
	__sighandler_t	ps_sigact[NSIG];	/* disposition of each signal */
	sigset_t	ps_catchmask[NSIG];	/* mask while the handler runs */
	sigset_t	ps_sigintr;		/* interrupt, don't restart */
	sigset_t	ps_sigreset;		/* SA_RESETHAND */
	sigset_t	ps_signodefer;		/* SA_NODEFER */
	sigset_t	ps_sigignore;		/* signals being ignored */
	sigset_t	ps_sigcatch;		/* signals being caught */
	int		ps_code;		/* code for the next handler */
	int		ps_flags;		/* PS_* */
};
#define	PS_OLDMASK	0x01		/* restore p_oldmask after a signal */
#define	PS_NOCLDSTOP	0x02		/* SA_NOCLDSTOP for SIGCHLD */

/*
 * An interval timer, setitimer(2) (kern_time.c).  For ITIMER_REAL
 * kit_value is the uptime (ns) at which it goes off; for the CPU-time
 * timers it is the time (ns) still to run; 0 when the timer is off.
 */
struct kitimer {
	uint64_t	kit_value;		/* see above */
	uint64_t	kit_interval;		/* reload, ns; 0: once */
};

/* What getrusage(2) reports, as counted (kern_resource.c). */
struct pusage {
	uint32_t	pu_uticks;		/* clock ticks in user mode */
	uint32_t	pu_sticks;		/* ... and in the kernel */
	long		pu_maxrss;		/* largest resident set, pages */
	long		pu_nvcsw;		/* sleeps */
	long		pu_nivcsw;		/* preemptions */
};

struct proc {
	TAILQ_ENTRY(proc) p_runq;	/* (i) run queue or sleep queue */
	LIST_ENTRY(proc) p_list;	/* (p) allproc or zombproc */
	LIST_ENTRY(proc) p_hash;	/* (p) pid hash chain */
	LIST_ENTRY(proc) p_sibling;	/* (p) our parent's children */
	LIST_HEAD(, proc) p_children;	/* (p) our children */
	struct proc	*p_pptr;	/* (p) parent */

	int		p_flag;		/* (i) P_* */
	int		p_stat;		/* (i) SIDL .. SZOMB */
	pid_t		p_pid;		/* (c) process id */
	pid_t		p_pgid;		/* (p) process group */
	pid_t		p_sid;		/* (p) session */
	uid_t		p_ruid;		/* (p) real user id */
	uid_t		p_uid;		/* (p) effective user id */
	uid_t		p_svuid;	/* (p) saved user id */
	gid_t		p_rgid;		/* (p) real group id */
	gid_t		p_gid;		/* (p) effective group id */

	/* Scheduling, kern_synch.c. */
	const void	*p_wchan;	/* (i) what we sleep on */
	const char	*p_wmesg;	/* (i) why we sleep */
	struct callout	p_tmo;		/* (i) tsleep timeout */
	uint32_t	p_cpticks;	/* (i) ticks run */
	int		p_slptime;	/* (i) ticks since last run */

	/* Signals, kern_sig.c. */
	sigset_t	p_siglist;	/* (i) pending signals */
	sigset_t	p_sigmask;	/* (p) blocked signals */
	sigset_t	p_oldmask;	/* (p) saved by sigsuspend */
	struct sigacts	p_sigacts;	/* (p) dispositions */
	int		p_xstat;	/* (p) exit status for wait4 */

	/* Timers, kern_time.c; usage, kern_resource.c and hardclock. */
	struct kitimer	p_itimer[3];	/* (i) ITIMER_REAL, _VIRTUAL, _PROF */
	struct callout	p_itcallout;	/* (i) fires ITIMER_REAL */
	struct pusage	p_ru;		/* (i) this process's usage */
	struct pusage	p_cru;		/* (p) its reaped children's, summed */

	struct vmspace	*p_vmspace;	/* (p) address space */
	struct filedesc	*p_fd;		/* (p) open files */
	struct vnode	*p_cwd;		/* (p) current directory */
	mode_t		p_umask;	/* (p) permissions files are made without */

	vaddr_t		p_kstack;	/* (c) kernel stack, lowest address */
	struct pcb	p_pcb;		/* (p) saved kernel context */
	struct mdproc	p_md;		/* (p) machine dependent */

	char		p_comm[MAXCOMLEN + 1];	/* (p) command name */
	char		p_args[KI_ARGSLEN];	/* (p) argv, joined */
	uint64_t	p_start;	/* (c) uptime at fork, ns */
};

/* p_flag */
#define	P_SYSTEM	0x0001	/* kernel thread: no user mode */
#define	P_SINTR		0x0002	/* sleep is interruptible */
#define	P_TIMEOUT	0x0004	/* tsleep timed out */
#define	P_WEXIT		0x0008	/* exiting */
#define	P_PPWAIT	0x0010	/* parent waits for exec or exit */
#define	P_EXEC		0x0020	/* has exec'd since fork */
#define	P_INEXEC	0x0040	/* in the middle of execve */
#define	P_NOCLDWAIT	0x0080	/* children don't become zombies */
#define	P_WAITED	0x0100	/* wait4 reported the stop */

#define	PID_MAX		99999
#define	NO_PID		(PID_MAX + 1)
#define	MAXPROC		256

extern struct proc *curproc;		/* the running process */
extern struct proc proc0;		/* the swapper, later idle */
extern struct proc *initproc;		/* pid 1 */
extern struct proc *pageproc;		/* the pageout daemon */
extern LIST_HEAD(proclist, proc) allproc, zombproc;
extern int nprocs;
extern volatile int want_resched;	/* switch before returning to user */

#define	CURSIG(p)	cursig(p)

/* kern_proc.c */
struct proc *pfind(pid_t);
struct proc *zpfind(pid_t);
int	pgfind(pid_t);
int	inferior(struct proc *);
void	procinit(void);
pid_t	proc_allocpid(void);
void	proc_hash(struct proc *);
void	proc_unhash(struct proc *);
void	fill_kinfo_proc(struct proc *, struct kinfo_proc *);

/* kern_synch.c */
void	setrunqueue(struct proc *);
void	setrunnable(struct proc *);
void	mi_switch(void);
void	preempt(void);
void	sched_init(void);
void	sched_idle(void) __attribute__((noreturn));
void	roundrobin(void);
void	unsleep(struct proc *);

/* kern_fork.c, kern_exit.c, kern_kthread */
int	fork1(struct proc *, struct proc **);
void	exit1(struct proc *, int) __attribute__((noreturn));
struct proc *kthread_create(void (*)(void *), void *, const char *);
void	proc_reap(struct proc *);

/* kern_time.c, kern_resource.c */
void	itimer_stop(struct proc *);
bool	itimer_tick(struct proc *, int);
void	ru_sample_rss(struct proc *);
void	ru_reap(struct proc *, struct proc *);
struct rusage;
void	ru_child(struct proc *, struct rusage *);

/* kern_sig.c */
int	cursig(struct proc *);
void	postsig(int);
void	psignal(struct proc *, int);
void	pgsignal(pid_t, int);
void	trapsignal(struct proc *, int, int);
void	sigexit(struct proc *, int) __attribute__((noreturn));
void	execsigs(struct proc *);
void	siginit(struct proc *);
void	userret(struct proc *);
int	sig_ffs(sigset_t);
const char *signame(int);
#define	sigcantmask	(sigmask(SIGKILL) | sigmask(SIGSTOP))

/* machine dependent */
void	cpu_fork(struct proc *, struct proc *, void (*)(void *), void *);
void	cpu_switchto(struct proc *, struct proc *);
void	cpu_proc_free(struct proc *);
void	sendsig(__sighandler_t, int, sigset_t, int);
void	setregs(struct proc *, vaddr_t, vaddr_t);
void	cpu_idle(void);
void	fork_return(void *);

#endif /* !_SYS_PROC_H_ */
