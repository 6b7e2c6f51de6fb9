/*
 * kern_time.c: the clocks seen by processes: gettimeofday(2),
 * clock_gettime(2), nanosleep(2).
 *
 * CLOCK_MONOTONIC is the time since boot (clock.c interpolates within
 * the tick); CLOCK_REALTIME adds the time of day read from the
 * real-time clock at boot.
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
