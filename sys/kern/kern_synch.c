/*
 * kern_synch.c: the scheduler, and sleep and wakeup.
 *
 * One CPU, one run queue, round robin: the clock asks for a switch
 * every tenth of a second (roundrobin), and the switch happens the next
 * time the running process leaves the kernel for user mode (userret);
 * the kernel itself is never preempted.  When nothing is runnable the
 * idle thread (proc0, after boot) halts the CPU until an interrupt.
 *
 * tsleep(chan, pri, wmesg, timo) puts the current process to sleep on
 * the address chan until wakeup(chan), or for timo ticks (0: no limit,
 * EWOULDBLOCK when it expires).  With PCATCH a signal ends the sleep
 * too: EINTR, or ERESTART when the signal's handler was installed with
 * SA_RESTART, which re-executes the system call after the handler.
 *
 * The sleep and run queues are shared with interrupt handlers (wakeup
 * from a disk or tty interrupt, the timeout callout), so all of this
 * runs with interrupts blocked.  A caller that tests a condition an
 * interrupt may change must block interrupts across the test and the
 * tsleep, or the wakeup can come in between and be lost.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <vm/vm_param.h>

#define	SLPQUE_SIZE	64
#define	SLPQUE(chan)	(&slpque[((uintptr_t)(chan) >> 4) & (SLPQUE_SIZE - 1)])

TAILQ_HEAD(procq, proc);
static struct procq runq = TAILQ_HEAD_INITIALIZER(runq);
static struct procq slpque[SLPQUE_SIZE];
static struct proc *idleproc;

struct proc *curproc;
volatile int want_resched;

void
sched_init(void)
{
	int i;

	for (i = 0; i < SLPQUE_SIZE; i++)
		TAILQ_INIT(&slpque[i]);
}

/* Put a runnable process at the end of the run queue.  (i) */
void
setrunqueue(struct proc *p)
{

	KASSERT(p->p_stat == SRUN && p != idleproc,
	    ("setrunqueue: pid %d in state %d", p->p_pid, p->p_stat));
	TAILQ_INSERT_TAIL(&runq, p, p_runq);
}

/*
 * Give the CPU to the next runnable process, or to the idle thread.
 * The caller has blocked interrupts, and has either put the current
 * process back on the run queue or changed its state (asleep, stopped,
 * dead).  Returns when the current process runs again.
 */
void
mi_switch(void)
{
	struct proc *p = curproc, *next;

	next = TAILQ_FIRST(&runq);
	if (next != NULL)
		TAILQ_REMOVE(&runq, next, p_runq);
	else
		next = idleproc;
	want_resched = 0;
	if (next == p)
		return;
	vmcnt.v_swtch++;
	p->p_slptime = 0;
	curproc = next;
	cpu_switchto(p, next);
}

/* Give up the CPU, staying runnable (the clock asked for it). */
void
preempt(void)
{
	struct proc *p = curproc;
	int s;

	s = splhigh();
	if (p != idleproc) {
		p->p_ru.pu_nivcsw++;
		setrunqueue(p);
		mi_switch();
	}
	splx(s);
}

/*
 * The idle thread: the boot thread, once the system runs.  It switches
 * to whatever becomes runnable and halts the CPU otherwise ("sti; hlt"
 * cannot miss an interrupt: sti takes effect after hlt starts).
 */
void
sched_idle(void)
{

	idleproc = curproc;
	for (;;) {
		disable_intr();
		if (!TAILQ_EMPTY(&runq))
			mi_switch();
		else
			cpu_idle();
	}
}

/* The clock's tick handler calls this every hz/10 ticks. */
void
roundrobin(void)
{

	if (curproc != idleproc)
		want_resched = 1;
}

/* Take p off its sleep queue.  (i) */
void
unsleep(struct proc *p)
{

	if (p->p_wchan != NULL) {
		TAILQ_REMOVE(SLPQUE(p->p_wchan), p, p_runq);
		p->p_wchan = NULL;
	}
}

/* Make a sleeping process runnable.  (i) */
void
setrunnable(struct proc *p)
{

	KASSERT(p->p_stat == SSLEEP || p->p_stat == SSTOP,
	    ("setrunnable: pid %d in state %d", p->p_pid, p->p_stat));
	unsleep(p);
	p->p_stat = SRUN;
	setrunqueue(p);
	want_resched = 1;
}

/* A tsleep timeout expired (a callout, from the clock interrupt). */
static void
endtsleep(void *arg)
{
	struct proc *p = arg;
	int s;

	s = splhigh();
	if (p->p_wchan != NULL) {
		if (p->p_stat == SSLEEP)
			setrunnable(p);
		else
			unsleep(p);
		p->p_flag |= P_TIMEOUT;
	}
	splx(s);
}

int nosleep_depth;		/* NOSLEEP_ENTER depth: see systm.h */

int
tsleep(const void *chan, int pri, const char *wmesg, int timo)
{
	struct proc *p = curproc;
	int catch = pri & PCATCH, sig = 0, s;

	KASSERT(chan != NULL && p != idleproc && intr_nest() == 0,
	    ("tsleep: cannot sleep here (%s)", wmesg));
	KASSERT(nosleep_depth == 0,
	    ("tsleep: sleeping (%s) in a section that must not", wmesg));
	s = splhigh();
	p->p_wchan = chan;
	p->p_wmesg = wmesg;
	TAILQ_INSERT_TAIL(SLPQUE(chan), p, p_runq);
	if (timo != 0)
		callout_reset(&p->p_tmo, timo, endtsleep, p);
	if (catch) {
		p->p_flag |= P_SINTR;
		if ((sig = CURSIG(p)) != 0) {
			/* A signal is already waiting: don't sleep at all. */
			unsleep(p);
			goto resume;
		}
		if (p->p_wchan == NULL)		/* stopped, then continued */
			goto resume;
	}
	p->p_stat = SSLEEP;
	p->p_ru.pu_nvcsw++;
	mi_switch();
resume:
	p->p_flag &= ~P_SINTR;
	if (p->p_flag & P_TIMEOUT) {
		p->p_flag &= ~P_TIMEOUT;
		if (sig == 0) {
			splx(s);
			return (EWOULDBLOCK);
		}
	} else if (timo != 0)
		callout_stop(&p->p_tmo);
	if (catch && (sig != 0 || (sig = CURSIG(p)) != 0)) {
		splx(s);
		if (p->p_sigacts.ps_sigintr & sigmask(sig))
			return (EINTR);
		return (ERESTART);
	}
	splx(s);
	return (0);
}

/* Make every process sleeping on chan runnable. */
void
wakeup(const void *chan)
{
	struct procq *q = SLPQUE(chan);
	struct proc *p, *next;
	int s;

	s = splhigh();
	TAILQ_FOREACH_SAFE(p, q, p_runq, next) {
		if (p->p_wchan != chan)
			continue;
		TAILQ_REMOVE(q, p, p_runq);
		p->p_wchan = NULL;
		if (p->p_stat == SSLEEP) {
			p->p_stat = SRUN;
			setrunqueue(p);
			want_resched = 1;
		}
	}
	splx(s);
}

/* Wake only the longest sleeper on chan. */
void
wakeup_one(const void *chan)
{
	struct procq *q = SLPQUE(chan);
	struct proc *p;
	int s;

	s = splhigh();
	TAILQ_FOREACH(p, q, p_runq) {
		if (p->p_wchan != chan)
			continue;
		TAILQ_REMOVE(q, p, p_runq);
		p->p_wchan = NULL;
		if (p->p_stat == SSLEEP) {
			p->p_stat = SRUN;
			setrunqueue(p);
			want_resched = 1;
		}
		break;
	}
	splx(s);
}

/*
 * On every return to user mode: deliver the signals that are due, and
 * switch if the clock or a wakeup asked for it.
 */
void
userret(struct proc *p)
{
	int sig;

	while ((sig = CURSIG(p)) != 0)
		postsig(sig);
	if (want_resched) {
		preempt();
		while ((sig = CURSIG(p)) != 0)
			postsig(sig);
	}
}
