/*
 * t_posix.c: tests of what portable programs expect of the system:
 * the interval timers (setitimer, getitimer, alarm, ualarm) and their
 * SIGALRM, SIGVTALRM and SIGPROF; signals caught while a system call
 * waits (SA_RESTART, SA_RESETHAND) and held back (sigprocmask);
 * nanosleep and usleep cut short; getrusage, times and wait4's usage;
 * uname, sysconf and getpagesize against the kernel's sysctl values;
 * strsignal and psignal.
 *
 * Timing is checked as lower bounds only: a signal must not come
 * before its time, a CPU-time timer must not go off before that much
 * CPU time was charged.  Waits for a signal that never comes end after
 * T_GIVEUP_MS with a failure, not a hang.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

#define	T_GIVEUP_MS	20000		/* a signal this late never comes */
#define	T_SPINS		100000		/* user-mode loops between checks */

extern char **environ;

static volatile sig_atomic_t	n_alrm, n_vtalrm, n_prof;

static void
on_signal(int sig)
{

	if (sig == SIGALRM)
		n_alrm++;
	else if (sig == SIGVTALRM)
		n_vtalrm++;
	else if (sig == SIGPROF)
		n_prof++;
}

/* Microseconds in a timeval. */
static long long
tv_us(const struct timeval *tv)
{

	return ((long long)tv->tv_sec * 1000000 + tv->tv_usec);
}

/* Microseconds on the monotonic clock. */
static long long
now_us(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		FAIL("clock_gettime: %s", t_errname(errno));
	return ((long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
}

/* Set timer `which' to go off in value_us, then every interval_us. */
static void
set_timer(int which, long long value_us, long long interval_us)
{
	struct itimerval itv;

	itv.it_value.tv_sec = value_us / 1000000;
	itv.it_value.tv_usec = value_us % 1000000;
	itv.it_interval.tv_sec = interval_us / 1000000;
	itv.it_interval.tv_usec = interval_us % 1000000;
	if (setitimer(which, &itv, NULL) == -1)
		FAIL("setitimer(%d): %s", which, t_errname(errno));
}

/* Sleep (in short naps) until *counter reaches n; fail after a while. */
static void
wait_count(volatile sig_atomic_t *counter, int n, const char *what)
{
	long start = t_now_ms();

	while (*counter < n) {
		if (t_now_ms() - start > T_GIVEUP_MS)
			FAIL("%s: %d of %d signals after %d ms", what,
			    (int)*counter, n, T_GIVEUP_MS);
		t_msleep(10);
	}
}

/* This process's usage, in microseconds of user and of system time. */
static void
usage_us(int who, long long *user, long long *sys)
{
	struct rusage ru;

	EXPECT_OK(getrusage(who, &ru));
	*user = tv_us(&ru.ru_utime);
	*sys = tv_us(&ru.ru_stime);
}

/*
 * ITIMER_REAL: getitimer counts down from what setitimer set; SIGALRM
 * comes, and not before its time; a periodic timer goes off again and
 * again, each time no sooner than its period allows; setitimer returns
 * the old setting; a zero value turns the timer off.
 */
void
test_itimer_real(void)
{
	struct itimerval itv, old;
	long long t0, dt;
	int n, got;

	t_signal(SIGALRM, on_signal, 0);
	EXPECT_OK(getitimer(ITIMER_REAL, &itv));
	EXPECT(!timerisset(&itv.it_value) && !timerisset(&itv.it_interval),
	    "a new process has ITIMER_REAL set: %lld us",
	    tv_us(&itv.it_value));

	n_alrm = 0;
	t0 = now_us();
	set_timer(ITIMER_REAL, 300000, 0);
	EXPECT_OK(getitimer(ITIMER_REAL, &itv));
	EXPECT(tv_us(&itv.it_value) > 0 && tv_us(&itv.it_value) <= 300000,
	    "getitimer right after setting 300 ms: %lld us",
	    tv_us(&itv.it_value));
	EXPECT(!timerisset(&itv.it_interval), "a one-shot timer has an "
	    "interval of %lld us", tv_us(&itv.it_interval));
	wait_count(&n_alrm, 1, "one-shot ITIMER_REAL");
	dt = now_us() - t0;
	EXPECT(dt >= 300000, "SIGALRM of a 300 ms timer after %lld us", dt);
	EXPECT_OK(getitimer(ITIMER_REAL, &itv));
	EXPECT(!timerisset(&itv.it_value), "a one-shot timer still set "
	    "after it went off: %lld us", tv_us(&itv.it_value));
	t_msleep(400);
	EXPECT(n_alrm == 1, "a one-shot timer went off %d times",
	    (int)n_alrm);

	/* Periodic: the k-th signal comes no sooner than k periods. */
	n_alrm = 0;
	t0 = now_us();
	set_timer(ITIMER_REAL, 100000, 100000);
	for (n = 1; n <= 5; n++) {
		wait_count(&n_alrm, n, "periodic ITIMER_REAL");
		got = n_alrm;
		dt = now_us() - t0;
		EXPECT(dt >= (long long)got * 100000, "%d SIGALRMs of a "
		    "100 ms periodic timer after %lld us", got, dt);
	}
	EXPECT_OK(getitimer(ITIMER_REAL, &itv));
	EXPECT(tv_us(&itv.it_interval) == 100000, "periodic timer's "
	    "interval reads %lld us", tv_us(&itv.it_interval));
	EXPECT(tv_us(&itv.it_value) > 0 && tv_us(&itv.it_value) <= 100000,
	    "periodic timer's value reads %lld us", tv_us(&itv.it_value));

	/* Replace it, reading the old setting; then turn it off. */
	itv.it_value.tv_sec = 10;
	itv.it_value.tv_usec = 0;
	timerclear(&itv.it_interval);
	EXPECT_OK(setitimer(ITIMER_REAL, &itv, &old));
	EXPECT(tv_us(&old.it_interval) == 100000 &&
	    tv_us(&old.it_value) <= 100000, "setitimer's old value: "
	    "%lld us every %lld us", tv_us(&old.it_value),
	    tv_us(&old.it_interval));
	timerclear(&itv.it_value);
	EXPECT_OK(setitimer(ITIMER_REAL, &itv, &old));
	EXPECT(tv_us(&old.it_value) > 0 && tv_us(&old.it_value) <= 10000000 &&
	    !timerisset(&old.it_interval), "the 10 s timer read back as "
	    "%lld us every %lld us", tv_us(&old.it_value),
	    tv_us(&old.it_interval));
	EXPECT_OK(getitimer(ITIMER_REAL, &itv));
	EXPECT(!timerisset(&itv.it_value), "ITIMER_REAL still set after "
	    "setting it to zero");
	n = n_alrm;
	t_msleep(300);
	EXPECT(n_alrm == n, "a timer turned off went off");
}

/* setitimer and getitimer reject bad timers, values and pointers. */
void
test_itimer_errors(void)
{
	struct itimerval itv;
	static const struct timeval bad[] = {
		{ 0, 1000000 }, { 0, -1 }, { -1, 0 }, { 100000001, 0 },
	};
	int i;

	memset(&itv, 0, sizeof(itv));
	EXPECT_ERR(setitimer(3, &itv, NULL), EINVAL);
	EXPECT_ERR(setitimer(-1, &itv, NULL), EINVAL);
	EXPECT_ERR(getitimer(3, &itv), EINVAL);
	EXPECT_ERR(getitimer(-1, &itv), EINVAL);
	for (i = 0; i < (int)nitems(bad); i++) {
		memset(&itv, 0, sizeof(itv));
		itv.it_value = bad[i];
		EXPECT_ERR(setitimer(ITIMER_REAL, &itv, NULL), EINVAL);
		memset(&itv, 0, sizeof(itv));
		itv.it_value.tv_sec = 1;
		itv.it_interval = bad[i];
		EXPECT_ERR(setitimer(ITIMER_VIRTUAL, &itv, NULL), EINVAL);
	}
	EXPECT_ERR(getitimer(ITIMER_REAL, (struct itimerval *)8), EFAULT);
	EXPECT_ERR(setitimer(ITIMER_REAL, (struct itimerval *)8, NULL),
	    EFAULT);
	EXPECT_ERR(setitimer(ITIMER_PROF, NULL, (struct itimerval *)8),
	    EFAULT);
	/* A failed setitimer set nothing. */
	EXPECT_OK(getitimer(ITIMER_REAL, &itv));
	EXPECT(!timerisset(&itv.it_value), "a rejected setitimer set "
	    "ITIMER_REAL to %lld us", tv_us(&itv.it_value));
	EXPECT_OK(setitimer(ITIMER_PROF, NULL, &itv));
}

/*
 * The CPU-time timers: ITIMER_VIRTUAL runs only while the process runs
 * in user mode, and SIGVTALRM comes after at least that much user time;
 * ITIMER_PROF counts system time too.  Sleeping advances neither.
 */
void
test_itimer_cpu(void)
{
	struct itimerval itv;
	long long u0, s0, u1, s1;
	volatile unsigned long spin = 0;
	long start;
	int i;

	t_signal(SIGVTALRM, on_signal, 0);
	t_signal(SIGPROF, on_signal, 0);

	/* Asleep, the CPU timers stand still. */
	n_vtalrm = n_prof = 0;
	set_timer(ITIMER_VIRTUAL, 100000, 0);
	set_timer(ITIMER_PROF, 100000, 0);
	t_msleep(500);
	EXPECT(n_vtalrm == 0 && n_prof == 0, "CPU timers of 100 ms went "
	    "off while the process slept (VTALRM %d, PROF %d)",
	    (int)n_vtalrm, (int)n_prof);
	EXPECT_OK(getitimer(ITIMER_VIRTUAL, &itv));
	EXPECT(tv_us(&itv.it_value) > 0, "ITIMER_VIRTUAL ran out in sleep");

	/*
	 * Spinning in user mode: SIGVTALRM after 200 ms of user time.
	 * The clock is read only between batches of T_SPINS: reading it
	 * is a system call that latches the PIT at splhigh, slow I/O
	 * under emulation, and a loop that read it every turn spent so
	 * little of its time in user mode that the clock interrupt
	 * rarely found it there (it once ran 20 s without 200 ms of
	 * user time).
	 */
	n_vtalrm = 0;
	usage_us(RUSAGE_SELF, &u0, &s0);
	set_timer(ITIMER_VIRTUAL, 200000, 0);
	start = t_now_ms();
	while (n_vtalrm == 0 && t_now_ms() - start < T_GIVEUP_MS)
		for (i = 0; i < T_SPINS && n_vtalrm == 0; i++)
			spin++;
	usage_us(RUSAGE_SELF, &u1, &s1);
	EXPECT(n_vtalrm == 1, "no SIGVTALRM after %ld ms of spinning",
	    t_now_ms() - start);
	EXPECT(u1 - u0 >= 200000, "SIGVTALRM of 200 ms after %lld us of "
	    "user time", u1 - u0);

	/* System calls: SIGPROF after 200 ms of user and system time. */
	n_prof = 0;
	usage_us(RUSAGE_SELF, &u0, &s0);
	set_timer(ITIMER_PROF, 200000, 0);
	start = t_now_ms();
	while (n_prof == 0 && t_now_ms() - start < T_GIVEUP_MS)
		(void)getppid();
	usage_us(RUSAGE_SELF, &u1, &s1);
	EXPECT(n_prof == 1, "no SIGPROF after %ld ms of system calls",
	    t_now_ms() - start);
	EXPECT((u1 - u0) + (s1 - s0) >= 200000, "SIGPROF of 200 ms after "
	    "%lld us of user and %lld us of system time", u1 - u0, s1 - s0);
	set_timer(ITIMER_VIRTUAL, 0, 0);
	set_timer(ITIMER_PROF, 0, 0);
}

/*
 * Timers and processes: fork does not pass a timer on; exec keeps it
 * (the new program reads it back, runtests -C itimer); SIGALRM's
 * default action kills; many processes that exit or are killed with
 * timers running leave nothing behind that fires later.
 */
void
test_itimer_proc(void)
{
	char *av[] = { "runtests", "-C", "itimer", NULL };
	struct itimerval itv;
	char out[128];
	long long left;
	pid_t pid;
	int i, p[2];
	long n;

	set_timer(ITIMER_REAL, 30000000, 0);
	pid = t_fork();
	if (pid == 0) {
		if (getitimer(ITIMER_REAL, &itv) == -1)
			FAIL("getitimer in the child: %s", t_errname(errno));
		if (timerisset(&itv.it_value))
			FAIL("fork passed ITIMER_REAL on: %lld us",
			    tv_us(&itv.it_value));
		_exit(0);
	}
	t_expect_exit(pid, 0, "a forked child reading its timer");
	set_timer(ITIMER_REAL, 0, 0);

	t_pipe(p);
	pid = t_fork();
	if (pid == 0) {
		set_timer(ITIMER_REAL, 30000000, 0);
		if (dup2(p[1], 1) == -1)
			_exit(126);
		execve(RUNTESTS_PATH, av, environ);
		_exit(127);
	}
	close(p[1]);
	n = t_readall(p[0], out, sizeof(out) - 1);
	out[n] = '\0';
	close(p[0]);
	t_expect_exit(pid, 0, "runtests -C itimer");
	EXPECT(sscanf(out, "itimer real %lld", &left) == 1,
	    "runtests -C itimer printed \"%s\"", out);
	EXPECT(left > 0 && left <= 30000000, "after exec, ITIMER_REAL has "
	    "%lld us left of 30 s", left);

	/* The default action of SIGALRM. */
	pid = t_fork();
	if (pid == 0) {
		set_timer(ITIMER_REAL, 50000, 0);
		for (;;)
			pause();
	}
	t_expect_signal(pid, SIGALRM, "a process waiting for its alarm");

	/* Exits and kills with timers running. */
	for (i = 0; i < 40; i++) {
		pid = t_fork();
		if (pid == 0) {
			signal(SIGALRM, SIG_IGN);
			signal(SIGVTALRM, SIG_IGN);
			set_timer(ITIMER_REAL, 20000, 10000);
			set_timer(ITIMER_VIRTUAL, 10000, 10000);
			if (i % 2 == 0)
				_exit(0);
			for (;;)
				pause();
		}
		if (i % 2 == 0)
			t_expect_exit(pid, 0, "a child exiting with timers set");
		else {
			EXPECT_OK(kill(pid, SIGKILL));
			t_expect_signal(pid, SIGKILL, "a child killed with "
			    "timers set");
		}
	}
	t_msleep(300);		/* their callouts would have fired by now */
}

/*
 * alarm and ualarm: SIGALRM after the time asked, not before; alarm
 * returns the seconds left of the previous alarm, rounded up, and
 * alarm(0) cancels; ualarm repeats with an interval.
 */
void
test_alarm(void)
{
	long long t0, dt;
	unsigned left;
	useconds_t uleft;

	t_signal(SIGALRM, on_signal, 0);
	EXPECT(alarm(0) == 0, "alarm(0) with no alarm set did not return 0");
	EXPECT(alarm(10) == 0, "the first alarm(10) did not return 0");
	left = alarm(20);
	EXPECT(left >= 1 && left <= 10, "alarm(20) after alarm(10) "
	    "returned %u", left);
	left = alarm(0);
	EXPECT(left >= 1 && left <= 20, "alarm(0) after alarm(20) "
	    "returned %u", left);
	EXPECT(alarm(0) == 0, "alarm(0) did not cancel the alarm");

	n_alrm = 0;
	t0 = now_us();
	alarm(1);
	wait_count(&n_alrm, 1, "alarm(1)");
	dt = now_us() - t0;
	EXPECT(dt >= 1000000, "alarm(1) rang after %lld us", dt);

	n_alrm = 0;
	t0 = now_us();
	EXPECT(ualarm(150000, 0) == 0, "ualarm with no alarm set did not "
	    "return 0");
	wait_count(&n_alrm, 1, "ualarm(150 ms)");
	dt = now_us() - t0;
	EXPECT(dt >= 150000, "ualarm(150 ms) rang after %lld us", dt);

	n_alrm = 0;
	t0 = now_us();
	ualarm(50000, 50000);
	wait_count(&n_alrm, 4, "ualarm every 50 ms");
	dt = now_us() - t0;
	EXPECT(dt >= 200000, "4 rings of ualarm(50 ms, 50 ms) after %lld us",
	    dt);
	uleft = ualarm(0, 0);
	EXPECT(uleft > 0 && uleft <= 50000, "ualarm(0, 0) returned %u us "
	    "left of a 50 ms period", (unsigned)uleft);
}

/* Write a byte to fd after ms milliseconds, in a child; its pid. */
static pid_t
late_writer(int fd, int ms)
{
	pid_t pid;

	pid = t_fork();
	if (pid == 0) {
		t_msleep(ms);
		if (write(fd, "x", 1) != 1)
			_exit(2);
		_exit(0);
	}
	return (pid);
}

/*
 * Signals caught during a wait: with SA_RESTART a read on an empty pipe
 * goes on through SIGALRMs and returns the byte that comes later;
 * without it the first SIGALRM ends the read with EINTR.  SA_RESETHAND
 * catches one SIGALRM; the next takes the default action.
 */
void
test_sigaction_alarm(void)
{
	struct sigaction sa;
	ssize_t r;
	pid_t pid;
	int p[2];
	char c;

	t_pipe(p);
	n_alrm = 0;
	t_signal(SIGALRM, on_signal, SA_RESTART);
	pid = late_writer(p[1], 600);
	set_timer(ITIMER_REAL, 50000, 50000);
	r = read(p[0], &c, 1);
	set_timer(ITIMER_REAL, 0, 0);
	EXPECT(r == 1 && c == 'x', "read with SA_RESTART SIGALRMs: %ld (%s)",
	    (long)r, r == -1 ? t_errname(errno) : "");
	EXPECT(n_alrm >= 1, "no SIGALRM came in 600 ms of 50 ms periods");
	t_expect_exit(pid, 0, "the late writer");

	n_alrm = 0;
	t_signal(SIGALRM, on_signal, 0);
	pid = late_writer(p[1], 2000);
	set_timer(ITIMER_REAL, 100000, 0);
	r = read(p[0], &c, 1);
	EXPECT(r == -1 && errno == EINTR, "read interrupted by SIGALRM "
	    "without SA_RESTART: %ld (%s)", (long)r,
	    r == -1 ? t_errname(errno) : "no error");
	EXPECT(n_alrm == 1, "the handler ran %d times", (int)n_alrm);
	EXPECT(t_readall(p[0], &c, 1) == 1, "the late byte never came");
	t_expect_exit(pid, 0, "the late writer");
	close(p[0]);
	close(p[1]);

	pid = t_fork();
	if (pid == 0) {
		n_alrm = 0;
		t_signal(SIGALRM, on_signal, SA_RESETHAND);
		set_timer(ITIMER_REAL, 50000, 500000);
		wait_count(&n_alrm, 1, "SA_RESETHAND");
		if (sigaction(SIGALRM, NULL, &sa) == -1 ||
		    sa.sa_handler != SIG_DFL)
			FAIL("SA_RESETHAND left the handler installed");
		for (;;)
			pause();
	}
	t_expect_signal(pid, SIGALRM, "the second SIGALRM after "
	    "SA_RESETHAND");
}

/*
 * sigprocmask holds SIGALRM back: the timer goes off, the signal stays
 * pending (a nanosleep is not interrupted), and the handler runs as
 * soon as it is unblocked.  Bad `how' is EINVAL; SIGKILL and SIGSTOP
 * cannot be blocked.
 */
void
test_sigprocmask_alarm(void)
{
	sigset_t set, old, pend;
	struct timespec ts;

	t_signal(SIGALRM, on_signal, 0);
	n_alrm = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, &old));
	EXPECT(sigismember(&old, SIGALRM) == 0, "SIGALRM blocked at start");
	set_timer(ITIMER_REAL, 100000, 0);
	ts.tv_sec = 0;
	ts.tv_nsec = 400000000;
	EXPECT_OK(nanosleep(&ts, NULL));
	EXPECT(n_alrm == 0, "a blocked SIGALRM was delivered");
	EXPECT_OK(sigpending(&pend));
	EXPECT(sigismember(&pend, SIGALRM) == 1, "the blocked SIGALRM is "
	    "not pending after the timer went off");
	EXPECT_OK(sigprocmask(SIG_SETMASK, &old, NULL));
	EXPECT(n_alrm == 1, "unblocking a pending SIGALRM ran the handler "
	    "%d times before sigprocmask returned", (int)n_alrm);
	EXPECT_OK(sigpending(&pend));
	EXPECT(sigismember(&pend, SIGALRM) == 0, "SIGALRM still pending");

	EXPECT_ERR(sigprocmask(99, &set, NULL), EINVAL);
	sigfillset(&set);
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, &old));
	EXPECT_OK(sigprocmask(SIG_BLOCK, NULL, &set));
	EXPECT(sigismember(&set, SIGKILL) == 0 &&
	    sigismember(&set, SIGSTOP) == 0, "SIGKILL or SIGSTOP blocked");
	EXPECT(sigismember(&set, SIGALRM) == 1, "sigfillset did not block "
	    "SIGALRM");
	EXPECT_OK(sigprocmask(SIG_SETMASK, &old, NULL));
}

/*
 * nanosleep cut short by SIGALRM: EINTR, not before the signal was
 * due, and the time left says how much of the sleep had not passed.
 * usleep sleeps at least as long as asked, and is cut short the same
 * way; sleep returns the seconds it did not sleep.
 */
void
test_sleep_alarm(void)
{
	struct timespec ts, rem;
	long long t0, dt, left;
	unsigned s;
	int r;

	t_signal(SIGALRM, on_signal, 0);
	ts.tv_sec = 2;
	ts.tv_nsec = 0;
	t0 = now_us();
	set_timer(ITIMER_REAL, 200000, 0);
	r = nanosleep(&ts, &rem);
	dt = now_us() - t0;
	EXPECT(r == -1 && errno == EINTR, "nanosleep(2 s) with SIGALRM at "
	    "200 ms returned %d (%s)", r, t_errname(errno));
	EXPECT(dt >= 200000, "nanosleep ended by SIGALRM after %lld us", dt);
	left = (long long)rem.tv_sec * 1000000 + rem.tv_nsec / 1000;
	EXPECT(rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000L,
	    "rem.tv_nsec %ld", rem.tv_nsec);
	EXPECT(left > 0 && left < 2000000, "nanosleep(2 s) cut short has "
	    "%lld us left", left);
	EXPECT(left + dt >= 2000000 - 1000, "nanosleep's %lld us left and "
	    "the %lld us slept come short of 2 s", left, dt);

	t0 = now_us();
	EXPECT_OK(usleep(100000));
	dt = now_us() - t0;
	EXPECT(dt >= 100000, "usleep(100 ms) took %lld us", dt);
	EXPECT_OK(usleep(0));

	set_timer(ITIMER_REAL, 100000, 0);
	EXPECT_ERR(usleep(3000000), EINTR);

	set_timer(ITIMER_REAL, 200000, 0);
	s = sleep(3);
	EXPECT(s >= 1 && s <= 3, "sleep(3) cut at 200 ms returned %u", s);
}

/*
 * Touch n bytes of new memory, page by page, in a region of its own;
 * returns it (to unmap).
 */
static char *
touch_mem(size_t n)
{
	volatile char *p;
	size_t i;

	p = malloc(n);
	EXPECT(p != NULL, "malloc(%lu) failed", (unsigned long)n);
	for (i = 0; i < n; i += T_PGSZ)
		p[i] = 1;
	return ((char *)(unsigned long)p);
}

/*
 * getrusage: spinning in user mode is user time, system calls are
 * mostly system time; maxrss covers the memory touched; a reaped
 * child's times and maxrss go to RUSAGE_CHILDREN, and to wait4's
 * usage; bad arguments are EINVAL and EFAULT.
 */
void
test_getrusage(void)
{
	struct rusage ru, ruw;
	long long u0, s0, u1, s1, cu0, cs0, cu1, cs1;
	volatile unsigned long spin = 0;
	size_t self_mem = 1 << 20, child_mem = 4 << 20;
	char *p;
	pid_t pid;
	long start;
	int st, i;

	usage_us(RUSAGE_SELF, &u0, &s0);
	start = t_now_ms();
	do {
		for (i = 0; i < T_SPINS; i++)
			spin++;
		usage_us(RUSAGE_SELF, &u1, &s1);
	} while (u1 - u0 < 300000 && t_now_ms() - start < T_GIVEUP_MS);
	EXPECT(u1 - u0 >= 300000, "user time did not reach 300 ms in "
	    "%d ms of spinning", T_GIVEUP_MS);

	usage_us(RUSAGE_SELF, &u0, &s0);
	start = t_now_ms();
	do {
		(void)getppid();
		usage_us(RUSAGE_SELF, &u1, &s1);
	} while (s1 - s0 < 300000 && t_now_ms() - start < T_GIVEUP_MS);
	EXPECT(s1 - s0 >= 300000, "system time did not reach 300 ms in "
	    "%d ms of system calls", T_GIVEUP_MS);
	EXPECT(s1 - s0 > u1 - u0, "system calls gave %lld us of system "
	    "and %lld us of user time", s1 - s0, u1 - u0);

	p = touch_mem(self_mem);
	t_msleep(10);
	EXPECT_OK(getrusage(RUSAGE_SELF, &ru));
	EXPECT(ru.ru_maxrss >= (long)(self_mem / 1024), "maxrss %ld KiB "
	    "after touching %lu KiB", ru.ru_maxrss,
	    (unsigned long)(self_mem / 1024));
	EXPECT(ru.ru_maxrss < (long)(child_mem / 1024), "maxrss %ld KiB, "
	    "as much as the child will touch", ru.ru_maxrss);
	EXPECT(ru.ru_nvcsw > 0, "no voluntary context switches counted "
	    "after sleeping");
	free(p);

	usage_us(RUSAGE_CHILDREN, &cu0, &cs0);
	pid = t_fork();
	if (pid == 0) {
		struct rusage cru;
		long long a, b;

		touch_mem(child_mem);
		usage_us(RUSAGE_SELF, &a, &b);
		start = t_now_ms();
		do {
			for (i = 0; i < T_SPINS; i++)
				spin++;
			usage_us(RUSAGE_SELF, &u1, &s1);
		} while (u1 - a < 200000 && t_now_ms() - start < T_GIVEUP_MS);
		if (getrusage(RUSAGE_CHILDREN, &cru) == -1 ||
		    timerisset(&cru.ru_utime) || cru.ru_maxrss != 0)
			FAIL("a new child has children's usage");
		_exit(0);
	}
	EXPECT(wait4(pid, &st, 0, &ruw) == pid, "wait4: %s",
	    t_errname(errno));
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child failed");
	EXPECT(tv_us(&ruw.ru_utime) >= 200000, "wait4 reports %lld us of "
	    "the child's user time", tv_us(&ruw.ru_utime));
	EXPECT(ruw.ru_maxrss >= (long)(child_mem / 1024), "wait4 reports "
	    "maxrss %ld KiB of a child that touched %lu KiB", ruw.ru_maxrss,
	    (unsigned long)(child_mem / 1024));
	usage_us(RUSAGE_CHILDREN, &cu1, &cs1);
	EXPECT(cu1 - cu0 == tv_us(&ruw.ru_utime) &&
	    cs1 - cs0 == tv_us(&ruw.ru_stime), "RUSAGE_CHILDREN grew by "
	    "%lld+%lld us, wait4 reported %lld+%lld us", cu1 - cu0,
	    cs1 - cs0, tv_us(&ruw.ru_utime), tv_us(&ruw.ru_stime));
	EXPECT_OK(getrusage(RUSAGE_CHILDREN, &ru));
	EXPECT(ru.ru_maxrss >= ruw.ru_maxrss, "children's maxrss %ld KiB, "
	    "below the child's %ld KiB", ru.ru_maxrss, ruw.ru_maxrss);

	EXPECT_ERR(getrusage(1, &ru), EINVAL);
	EXPECT_ERR(getrusage(-2, &ru), EINVAL);
	EXPECT_ERR(getrusage(RUSAGE_SELF, (struct rusage *)8), EFAULT);
}

/*
 * times: the times agree with getrusage's, in clock ticks of
 * sysconf(_SC_CLK_TCK); the value returned advances with real time;
 * clock() is the process's CPU time.
 */
void
test_times(void)
{
	struct tms a, b;
	struct rusage ru;
	clock_t r0, r1, c;
	long tck;
	int hz;

	tck = sysconf(_SC_CLK_TCK);
	EXPECT(t_sysctl_int("kern.hz", &hz) == 0, "sysctl kern.hz");
	EXPECT(tck == hz, "sysconf(_SC_CLK_TCK) %ld, kern.hz %d", tck, hz);

	r0 = times(&a);
	EXPECT(r0 != (clock_t)-1, "times: %s", t_errname(errno));
	t_msleep(200);
	EXPECT_OK(getrusage(RUSAGE_SELF, &ru));
	r1 = times(&b);
	EXPECT(r1 - r0 >= tck / 5 - 1, "times advanced %ld ticks over "
	    "200 ms at %ld a second", (long)(r1 - r0), tck);
	EXPECT(b.tms_utime >= a.tms_utime && b.tms_stime >= a.tms_stime,
	    "times went back");
	EXPECT(b.tms_utime >= ru.ru_utime.tv_sec * tck +
	    ru.ru_utime.tv_usec / (1000000 / tck), "tms_utime %ld below "
	    "getrusage's %lld us", (long)b.tms_utime, tv_us(&ru.ru_utime));
	EXPECT(b.tms_stime >= ru.ru_stime.tv_sec * tck +
	    ru.ru_stime.tv_usec / (1000000 / tck), "tms_stime %ld below "
	    "getrusage's %lld us", (long)b.tms_stime, tv_us(&ru.ru_stime));
	c = clock();
	EXPECT(c != (clock_t)-1 && c >= (b.tms_utime + b.tms_stime) *
	    (CLOCKS_PER_SEC / tck), "clock() %ld below the times' %ld ticks",
	    (long)c, (long)(b.tms_utime + b.tms_stime));
}

/* A string sysctl, into buf. */
static void
sysctl_str(const char *name, char *buf, size_t size)
{
	size_t len = size;

	if (sysctlbyname(name, buf, &len, NULL, 0) == -1)
		FAIL("sysctl %s: %s", name, t_errname(errno));
}

/*
 * uname: each field is the kernel's sysctl value: "Umbra", the host
 * name, the release, the version (on one line) and "i386".
 */
void
test_uname(void)
{
	struct utsname u;
	char buf[SYS_NMLN], host[SYS_NMLN];

	memset(&u, 'x', sizeof(u));
	EXPECT_OK(uname(&u));
	EXPECT(strcmp(u.sysname, "Umbra") == 0, "sysname \"%s\"", u.sysname);
	sysctl_str("kern.ostype", buf, sizeof(buf));
	EXPECT(strcmp(u.sysname, buf) == 0, "sysname \"%s\", kern.ostype "
	    "\"%s\"", u.sysname, buf);
	EXPECT(strcmp(u.machine, "i386") == 0, "machine \"%s\"", u.machine);
	sysctl_str("kern.osrelease", buf, sizeof(buf));
	EXPECT(buf[0] != '\0' && strcmp(u.release, buf) == 0,
	    "release \"%s\", kern.osrelease \"%s\"", u.release, buf);
	sysctl_str("kern.version", buf, sizeof(buf));
	EXPECT(u.version[0] != '\0' && strncmp(u.version, buf,
	    strlen(u.version)) == 0, "version \"%s\", kern.version \"%s\"",
	    u.version, buf);
	EXPECT(strchr(u.version, '\n') == NULL, "version has a newline");
	EXPECT_OK(gethostname(host, sizeof(host)));
	EXPECT(strcmp(u.nodename, host) == 0, "nodename \"%s\", hostname "
	    "\"%s\"", u.nodename, host);
	EXPECT_ERR(uname((struct utsname *)8), EFAULT);
}

/*
 * sysconf and getpagesize against the kernel's values; an unknown name
 * is EINVAL.
 */
void
test_sysconf(void)
{
	int pagesize, ncpu;
	unsigned int physmem;
	size_t len = sizeof(physmem);

	EXPECT(t_sysctl_int("hw.pagesize", &pagesize) == 0, "hw.pagesize");
	EXPECT(sysconf(_SC_PAGESIZE) == pagesize && sysconf(_SC_PAGE_SIZE) ==
	    pagesize, "sysconf(_SC_PAGESIZE) %ld, hw.pagesize %d",
	    sysconf(_SC_PAGESIZE), pagesize);
	EXPECT(getpagesize() == pagesize, "getpagesize() %d, hw.pagesize %d",
	    getpagesize(), pagesize);
	EXPECT(t_sysctl_int("hw.ncpu", &ncpu) == 0, "hw.ncpu");
	EXPECT(sysconf(_SC_NPROCESSORS_ONLN) == ncpu &&
	    sysconf(_SC_NPROCESSORS_CONF) == ncpu, "sysconf: %ld CPUs, "
	    "hw.ncpu %d", sysconf(_SC_NPROCESSORS_ONLN), ncpu);
	EXPECT_OK(sysctlbyname("hw.physmem", &physmem, &len, NULL, 0));
	EXPECT(sysconf(_SC_PHYS_PAGES) == (long)(physmem / pagesize),
	    "sysconf(_SC_PHYS_PAGES) %ld, hw.physmem %u bytes",
	    sysconf(_SC_PHYS_PAGES), physmem);
	EXPECT(sysconf(_SC_OPEN_MAX) >= 20 && sysconf(_SC_ARG_MAX) >= 4096 &&
	    sysconf(_SC_CHILD_MAX) >= 25 && sysconf(_SC_STREAM_MAX) >= 8,
	    "sysconf limits below POSIX's minimums");
	EXPECT(sysconf(_SC_VERSION) >= 200112L &&
	    sysconf(_SC_MONOTONIC_CLOCK) > 0 && sysconf(_SC_TIMERS) > 0,
	    "sysconf options: version %ld", sysconf(_SC_VERSION));
	EXPECT_ERR(sysconf(-1), EINVAL);
	EXPECT_ERR(sysconf(9999), EINVAL);
}

/*
 * strsignal: the descriptions of sys_siglist, and "Unknown signal: N"
 * outside the table.  psignal: "prefix: description" on the standard
 * error, or the description alone.
 */
void
test_strsignal(void)
{
	char out[256];
	int p[2], sig;
	pid_t pid;
	long n;

	EXPECT(strcmp(strsignal(SIGALRM), "Alarm clock") == 0,
	    "strsignal(SIGALRM) \"%s\"", strsignal(SIGALRM));
	EXPECT(strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0,
	    "strsignal(SIGSEGV) \"%s\"", strsignal(SIGSEGV));
	for (sig = 1; sig < NSIG; sig++)
		EXPECT(strcmp(strsignal(sig), sys_siglist[sig]) == 0,
		    "strsignal(%d) \"%s\", sys_siglist \"%s\"", sig,
		    strsignal(sig), sys_siglist[sig]);
	EXPECT(strcmp(strsignal(NSIG), "Unknown signal: 32") == 0,
	    "strsignal(NSIG) \"%s\"", strsignal(NSIG));
	EXPECT(strcmp(strsignal(-7), "Unknown signal: -7") == 0,
	    "strsignal(-7) \"%s\"", strsignal(-7));

	t_pipe(p);
	pid = t_fork();
	if (pid == 0) {
		close(p[0]);
		if (dup2(p[1], 2) == -1)
			_exit(2);
		psignal(SIGINT, "prog");
		psignal(SIGTERM, "");
		psignal(SIGHUP, NULL);
		psignal(99, "big");
		_exit(0);
	}
	close(p[1]);
	n = t_readall(p[0], out, sizeof(out) - 1);
	out[n] = '\0';
	close(p[0]);
	t_expect_exit(pid, 0, "the psignal child");
	EXPECT(strcmp(out, "prog: Interrupt\nTerminated\nHangup\n"
	    "big: Unknown signal: 99\n") == 0, "psignal wrote \"%s\"", out);
}
