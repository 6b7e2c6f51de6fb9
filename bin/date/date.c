/*
 * date: print the date and time.
 *
 *	date [-u] [-r seconds] [+format]
 *
 * Prints the current time, or with -r the time that many seconds after
 * the Epoch, through strftime(3) with the format after the '+' or, by
 * default, "%a %b %e %H:%M:%S %Z %Y".  Umbra keeps time in UTC only
 * (the real-time clock is read as UTC at boot), so -u changes nothing
 * and is accepted for portability.  Setting the clock is not possible:
 * an operand that does not start with '+' is refused with "date:
 * cannot set the time: Operation not supported" and status 1, as is
 * bad usage or a bad -r.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define	DEFAULT_FMT	"%a %b %e %H:%M:%S %Z %Y"

static void
usage(void)
{

	fprintf(stderr, "usage: date [-u] [-r seconds] [+format]\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	const char *fmt = DEFAULT_FMT;
	const char *why;
	char *buf;
	struct tm *tm;
	time_t t;
	size_t size;
	long long v;
	int ch, rflag = 0;

	while ((ch = getopt(argc, argv, "r:u")) != -1) {
		switch (ch) {
		case 'r':
			v = strtonum(optarg, LLONG_MIN, LLONG_MAX, &why);
			if (why != NULL)
				errx(1, "%s: invalid number of seconds",
				    optarg);
			t = (time_t)v;
			rflag = 1;
			break;
		case 'u':
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	if (argc == 1) {
		if (argv[0][0] != '+')
			errx(1, "cannot set the time: %s", strerror(ENOTSUP));
		fmt = argv[0] + 1;
	}
	if (!rflag && time(&t) == (time_t)-1)
		err(1, "time");
	if ((tm = gmtime(&t)) == NULL)
		errx(1, "%lld: time out of range", (long long)t);
	/* strftime gives 0 for too small a buffer and for empty output. */
	for (size = 256;; size *= 2) {
		if ((buf = malloc(size)) == NULL)
			err(1, NULL);
		if (strftime(buf, size, fmt, tm) > 0 || size > 65536 ||
		    *fmt == '\0')
			break;
		free(buf);
	}
	if (*fmt == '\0' || size > 65536)
		buf[0] = '\0';
	printf("%s\n", buf);
	free(buf);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
	return (0);
}
