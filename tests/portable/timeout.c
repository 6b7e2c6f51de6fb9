/*
 * timeout.c: a read with a timeout, the way network programs write it:
 * alarm(3) and a SIGALRM handler installed without SA_RESTART, so that
 * a read that waits too long fails with EINTR.  Portable: it takes
 * Linux's prctl branch only on Linux, which Umbra must not claim to be.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/types.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/prctl.h>		/* PR_SET_PDEATHSIG */
#endif

#include "ptest.h"

static volatile sig_atomic_t timed_out;

static void
on_alarm(int sig)
{

	(void)sig;
	timed_out = 1;
}

/* read(2), giving up after secs seconds: -1 with EINTR then. */
static ssize_t
read_timeout(int fd, void *buf, size_t len, unsigned secs)
{
	struct sigaction sa, old;
	ssize_t r;
	int saved;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;		/* no SA_RESTART: let read fail */
	if (sigaction(SIGALRM, &sa, &old) == -1)
		return (-1);
	timed_out = 0;
	alarm(secs);
	r = read(fd, buf, len);
	saved = errno;
	alarm(0);
	sigaction(SIGALRM, &old, NULL);
	errno = saved;
	return (r);
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

int
main(void)
{
	double t0, dt;
	unsigned left;
	ssize_t r;
	int fds[2];
	char c;

	pt_start("timeout");
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	pt_check(0, "not Linux", "took the __linux__ branch");
#else
	pt_check(1, "not Linux", NULL);
#endif
	if (pipe(fds) == -1) {
		pt_check(0, "pipe", "%s", strerror(errno));
		return (pt_done());
	}

	t0 = seconds();
	r = read_timeout(fds[0], &c, 1, 1);
	dt = seconds() - t0;
	pt_check(r == -1 && errno == EINTR && timed_out,
	    "alarm(1) ends a read that waits", "read returned %ld (%s)",
	    (long)r, r == -1 ? strerror(errno) : "data");
	pt_check(dt >= 1.0, "not before its second",
	    "the read ended after %.3f s", dt);

	if (write(fds[1], "x", 1) != 1)
		pt_check(0, "write", "%s", strerror(errno));
	r = read_timeout(fds[0], &c, 1, 5);
	pt_check(r == 1 && c == 'x' && !timed_out,
	    "a read with data does not time out", "read returned %ld",
	    (long)r);
	pt_check(alarm(0) == 0, "no alarm left behind",
	    "an alarm was still set");

	alarm(100);
	left = alarm(0);
	pt_check(left >= 1 && left <= 100, "alarm returns the time left",
	    "alarm(0) after alarm(100) returned %u", left);
	return (pt_done());
}
