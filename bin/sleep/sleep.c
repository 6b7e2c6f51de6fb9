/*
 * sleep: suspend execution for an interval.
 *
 *	sleep seconds
 *
 * The interval is a decimal number of seconds and may have a fraction
 * ("0.25").  It is parsed by hand, without floating point, and slept
 * with nanosleep(2), which is restarted with the time left when a
 * signal that does not kill the process interrupts it.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void
usage(void)
{
	fprintf(stderr, "usage: sleep seconds\n");
	exit(1);
}

/*
 * Parse "N", "N.F" or ".F" into ts.  Returns 0, or -1 if s is not a
 * non-negative decimal number.
 */
static int
parse_interval(const char *s, struct timespec *ts)
{
	long long sec;
	long nsec, scale;
	const char *p;

	sec = 0;
	nsec = 0;
	p = s;
	if (*p == '+')
		p++;
	if (*p == '\0' || (*p == '.' && p[1] == '\0'))
		return (-1);
	for (; *p >= '0' && *p <= '9'; p++) {
		sec = sec * 10 + (*p - '0');
		if (sec > 100000000LL)
			return (-1);
	}
	if (*p == '.') {
		scale = 100000000;
		for (p++; *p >= '0' && *p <= '9'; p++) {
			nsec += (*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p != '\0')
		return (-1);
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = nsec;
	return (0);
}

int
main(int argc, char *argv[])
{
	struct timespec ts, left;

	if (argc == 3 && strcmp(argv[1], "--") == 0) {
		argv++;
		argc--;
	}
	if (argc != 2)
		usage();
	if (parse_interval(argv[1], &ts) < 0) {
		fprintf(stderr, "sleep: invalid time interval: %s\n", argv[1]);
		exit(1);
	}
	while (nanosleep(&ts, &left) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "sleep: nanosleep: %s\n",
			    strerror(errno));
			exit(1);
		}
		ts = left;
	}
	return (0);
}
