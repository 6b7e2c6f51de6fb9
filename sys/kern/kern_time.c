/*
 * kern_time.c: the clocks and timers seen by processes:
 * gettimeofday(2), clock_gettime(2), nanosleep(2), and the interval
 * timers of setitimer(2) and getitimer(2).
 *
 * CLOCK_MONOTONIC is the time since boot (clock.c interpolates within
 * the tick); CLOCK_REALTIME adds the time of day read from the
 * real-time clock at boot.
 *
 * ITIMER_REAL is a callout (p_itcallout) set for the uptime at which
 * the timer goes off.  Callouts run on ticks, so the callout may come
 * a little before that uptime: it then waits out the rest, so that
 * SIGALRM never arrives early.  A periodic timer is reloaded from the
 * time it was due, not the time the callout ran, so it does not drift;
 * periods that passed unseen (a busy machine) are skipped, as a signal
 * already pending would absorb them anyway.  The CPU-time timers count
 * down in hardclock's ticks (itimer_tick).  Timers are not inherited
 * by fork, survive exec, and are stopped by exit.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/time.h>
#include <sys/sysproto.h>

extern time_t boottime_sec;

static void
nanouptime(struct timespec *ts)
{
	uint64_t ns = uptime_ns();

	ts->tv_sec = ns / 1000000000;
	ts->tv_nsec = ns % 1000000000;
}

static void
nanotime(struct timespec *ts)
{

	nanouptime(ts);
	ts->tv_sec += boottime_sec;
}

int
sys_clock_gettime(struct proc *p, struct clock_gettime_args *uap,
    register_t *retval)
{
	struct timespec ts;

	switch (uap->clock_id) {
	case CLOCK_REALTIME:
		nanotime(&ts);
		break;
	case CLOCK_MONOTONIC:
		nanouptime(&ts);
		break;
	default:
		return (EINVAL);
	}
	return (copyout(&ts, uap->tp, sizeof(ts)));
}

int
sys_gettimeofday(struct proc *p, struct gettimeofday_args *uap,
    register_t *retval)
{
	struct timespec ts;
	struct timeval tv;
	struct timezone tz;
	int error;

	if (uap->tp != NULL) {
		nanotime(&ts);
		tv.tv_sec = ts.tv_sec;
		tv.tv_usec = ts.tv_nsec / 1000;
		if ((error = copyout(&tv, uap->tp, sizeof(tv))) != 0)
			return (error);
	}
	if (uap->tzp != NULL) {
		memset(&tz, 0, sizeof(tz));
		return (copyout(&tz, uap->tzp, sizeof(tz)));
	}
	return (0);
}

/*
 * nanosleep(rqtp, rmtp): sleep at least *rqtp.  A signal ends it early
 * with EINTR (never restarted, as POSIX requires) and the time left in
 * *rmtp.
 */
int
sys_nanosleep(struct proc *p, struct nanosleep_args *uap, register_t *retval)
{
	static int nanowait;
	struct timespec ts, left;
	uint64_t now, end;
	int error;

	if ((error = copyin(uap->rqtp, &ts, sizeof(ts))) != 0)
		return (error);
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return (EINVAL);
	end = uptime_ns() + (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
	for (;;) {
		now = uptime_ns();
		if (now >= end)
			return (0);
		left.tv_sec = (end - now) / 1000000000;
		left.tv_nsec = (end - now) % 1000000000;
		error = tsleep(&nanowait, PCATCH, "nanslp", tvtohz(&left));
		if (error == EWOULDBLOCK || error == 0)
			continue;
		now = uptime_ns();
		if (now < end) {
			left.tv_sec = (end - now) / 1000000000;
			left.tv_nsec = (end - now) % 1000000000;
		} else
			left.tv_sec = left.tv_nsec = 0;
		if (uap->rmtp != NULL &&
		    copyout(&left, uap->rmtp, sizeof(left)) != 0)
			return (EFAULT);
		return (EINTR);
	}
}

/* A timeval as nanoseconds. */
static uint64_t
tvtons(const struct timeval *tv)
{

	return ((uint64_t)tv->tv_sec * 1000000000 +
	    (uint64_t)tv->tv_usec * 1000);
}

/* Nanoseconds as a timeval, rounded up to the microsecond. */
static void
nstotv(uint64_t ns, struct timeval *tv)
{

	ns += 999;
	tv->tv_sec = ns / 1000000000;
	tv->tv_usec = (ns % 1000000000) / 1000;
}

/*
 * The callout of ITIMER_REAL: send SIGALRM if the timer is due, and
 * set it going again (see the opening comment).  Runs from the clock
 * interrupt.
 */
static void
realitexpire(void *arg)
{
	struct proc *p = arg;
	struct kitimer *it = &p->p_itimer[ITIMER_REAL];
	uint64_t now;

	if (it->kit_value == 0)
		return;
	now = uptime_ns();
	if (now >= it->kit_value) {
		psignal(p, SIGALRM);
		if (it->kit_interval == 0) {
			it->kit_value = 0;
			return;
		}
		it->kit_value += it->kit_interval;
		if (it->kit_value <= now)
			it->kit_value += ((now - it->kit_value) /
			    it->kit_interval + 1) * it->kit_interval;
	}
	callout_reset(&p->p_itcallout, nstohz(it->kit_value - now),
	    realitexpire, p);
}

/*
 * Count one clock tick off p's CPU-time timer `which'.  Returns true
 * when the timer goes off (it is then reloaded, or off).  From
 * hardclock.
 */
bool
itimer_tick(struct proc *p, int which)
{
	struct kitimer *it = &p->p_itimer[which];
	uint64_t tick = 1000000000 / hz;

	if (it->kit_value == 0)
		return (false);
	if (it->kit_value > tick) {
		it->kit_value -= tick;
		return (false);
	}
	it->kit_value = it->kit_interval;
	return (true);
}

/* Turn off all of p's timers (exit). */
void
itimer_stop(struct proc *p)
{
	int s;

	s = splclock();
	callout_stop(&p->p_itcallout);
	memset(p->p_itimer, 0, sizeof(p->p_itimer));
	splx(s);
}

/* The state of p's timer `which', as getitimer(2) reports it. */
static void
itimer_get(struct proc *p, int which, struct itimerval *itv)
{
	struct kitimer *it = &p->p_itimer[which];
	uint64_t value, now;
	int s;

	s = splclock();
	value = it->kit_value;
	if (which == ITIMER_REAL && value != 0) {
		now = uptime_ns();
		value = value > now ? value - now : 0;
	}
	nstotv(value, &itv->it_value);
	nstotv(it->kit_interval, &itv->it_interval);
	splx(s);
}

/*
 * Is tv a valid time for a timer?  Whole seconds up to 10^8 (about
 * three years, as BSD's itimerfix allows) and microseconds below 10^6.
 */
static bool
itimer_valid(const struct timeval *tv)
{

	return (tv->tv_sec >= 0 && tv->tv_sec <= 100000000 &&
	    tv->tv_usec >= 0 && tv->tv_usec < 1000000);
}

int
sys_getitimer(struct proc *p, struct getitimer_args *uap, register_t *retval)
{
	struct itimerval itv;

	if (uap->which > ITIMER_PROF)
		return (EINVAL);
	itimer_get(p, uap->which, &itv);
	return (copyout(&itv, uap->itv, sizeof(itv)));
}

/*
 * setitimer(which, itv, oitv): the old setting into *oitv (when not
 * NULL), then the new one from *itv (when not NULL).  A zero it_value
 * turns the timer off.
 */
int
sys_setitimer(struct proc *p, struct setitimer_args *uap, register_t *retval)
{
	struct itimerval itv, oitv;
	struct kitimer *it;
	uint64_t value;
	int error, s;

	if (uap->which > ITIMER_PROF)
		return (EINVAL);
	if (uap->itv != NULL) {
		if ((error = copyin(uap->itv, &itv, sizeof(itv))) != 0)
			return (error);
		if (!itimer_valid(&itv.it_value) ||
		    !itimer_valid(&itv.it_interval))
			return (EINVAL);
	}
	if (uap->oitv != NULL) {
		itimer_get(p, uap->which, &oitv);
		if ((error = copyout(&oitv, uap->oitv, sizeof(oitv))) != 0)
			return (error);
	}
	if (uap->itv == NULL)
		return (0);
	it = &p->p_itimer[uap->which];
	value = tvtons(&itv.it_value);
	s = splclock();
	it->kit_interval = tvtons(&itv.it_interval);
	if (uap->which == ITIMER_REAL) {
		callout_stop(&p->p_itcallout);
		it->kit_value = value == 0 ? 0 : uptime_ns() + value;
		if (value != 0)
			callout_reset(&p->p_itcallout, nstohz(value),
			    realitexpire, p);
	} else
		it->kit_value = value;
	splx(s);
	return (0);
}
