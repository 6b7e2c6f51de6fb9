/*
 * kern_clock.c: the clock tick (hardclock), callouts, and conversion
 * of time intervals to ticks.
 *
 * Callouts are kept on one list sorted by the tick at which they fire;
 * hardclock runs those that are due, from the clock interrupt, so a
 * callout function must not sleep.  Umbra's callouts are tsleep
 * timeouts and ITIMER_REAL timers, at most two a process, so the list
 * is short.
 *
 * Each tick is also charged to the process it interrupted, as BSD's
 * statclock does: to its user or system time (getrusage), to its
 * CPU-time interval timers, and the size of its resident set is
 * sampled for ru_maxrss.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/time.h>
#include <sys/sysctl.h>
#include <machine/frame.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

int hz = HZ;
volatile uint32_t ticks;
int cold = 1;

/* Ticks by CPU state, for vmstat(1): kern.cp_time. */
static u_long cp_time[CPUSTATES];
SYSCTL_PROC(_kern, OID_AUTO, cp_time, CTLTYPE_ULONG | CTLFLAG_RD, cp_time,
    sizeof(cp_time), sysctl_handle_opaque, "LU",
    "Clock ticks spent in user mode, in the kernel, idle");

static struct callout *callouts;	/* pending, sorted by c_time */

void
callout_init(struct callout *c)
{

	memset(c, 0, sizeof(*c));
}

/* Call func(arg) in `timo' ticks (at least 1), replacing any earlier. */
void
callout_reset(struct callout *c, int timo, void (*func)(void *), void *arg)
{
	struct callout **cp;
	int s;

	if (timo <= 0)
		timo = 1;
	s = splclock();
	callout_stop(c);
	c->c_time = ticks + timo;
	c->c_func = func;
	c->c_arg = arg;
	for (cp = &callouts; *cp != NULL &&
	    (int32_t)((*cp)->c_time - c->c_time) <= 0; cp = &(*cp)->c_next)
		continue;
	c->c_next = *cp;
	*cp = c;
	c->c_pending = 1;
	splx(s);
}

void
callout_stop(struct callout *c)
{
	struct callout **cp;
	int s;

	s = splclock();
	if (c->c_pending) {
		for (cp = &callouts; *cp != c; cp = &(*cp)->c_next)
			KASSERT(*cp != NULL, ("callout_stop: not on the list"));
		*cp = c->c_next;
		c->c_pending = 0;
	}
	splx(s);
}

/*
 * Charge a tick to the user process p, which it interrupted in user
 * mode or not: its time, its CPU-time timers (ITIMER_VIRTUAL counts
 * user time only, ITIMER_PROF both), and a sample of its resident set.
 */
static void
statclock(struct proc *p, bool user)
{

	if (user) {
		p->p_ru.pu_uticks++;
		if (itimer_tick(p, ITIMER_VIRTUAL))
			psignal(p, SIGVTALRM);
	} else
		p->p_ru.pu_sticks++;
	if (itimer_tick(p, ITIMER_PROF))
		psignal(p, SIGPROF);
	ru_sample_rss(p);
}

/* The clock interrupt, hz times a second. */
void
hardclock(struct trapframe *tf)
{
	struct callout *c;

	ticks++;
	if (curproc != NULL) {
		curproc->p_cpticks++;
		if ((curproc->p_flag & P_SYSTEM) == 0)
			statclock(curproc, TRAPF_USERMODE(tf));
	}
	if (curproc == NULL || curproc == &proc0)	/* the idle loop */
		cp_time[CP_IDLE]++;
	else if (TRAPF_USERMODE(tf))
		cp_time[CP_USER]++;
	else
		cp_time[CP_SYS]++;
	while ((c = callouts) != NULL && (int32_t)(ticks - c->c_time) >= 0) {
		callouts = c->c_next;
		c->c_pending = 0;
		c->c_func(c->c_arg);
	}
	if (ticks % (hz / 10) == 0)
		roundrobin();
}

/*
 * The number of ticks to wait for at least ns nanoseconds: rounded up,
 * plus one because the current tick is already partly over; capped at
 * a day (callers that wait longer wait again).
 */
int
nstohz(uint64_t ns)
{

	if (ns >= 86400ULL * 1000000000)
		return (86400 * hz);
	return ((int)((ns * hz + 999999999) / 1000000000) + 1);
}

/* nstohz for a timespec. */
int
tvtohz(const struct timespec *ts)
{

	if (ts->tv_sec >= 86400)
		return (86400 * hz);
	return (nstohz((uint64_t)ts->tv_sec * 1000000000 + ts->tv_nsec));
}
