/*
 * ptest.h: how the portable test programs in this directory report.
 * Each program checks what outside code expects of the system and
 * prints one line per check on its standard output,
 *
 *	PASS portable/PROG: what
 *	FAIL portable/PROG: what: why
 *
 * which `make test' counts (tests/portable.sh); it exits 0 only if
 * every check passed.  pt_start() also sets a watchdog, alarm(60)
 * with SIGALRM's default action, so that a program that hangs dies
 * instead, unless it replaces the handler (and its own alarms do).
 * Only standard C and POSIX here: this is the outside world's code.
 */
#ifndef PTEST_H
#define PTEST_H

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

static const char	*pt_prog;
static int		 pt_failed;

static void
pt_start(const char *prog)
{

	pt_prog = prog;
	setvbuf(stdout, NULL, _IOLBF, 0);
	alarm(60);
}

/* Report the check `what': passed if ok, else failed for the reason. */
#if defined(__GNUC__)
static void pt_check(int, const char *, const char *, ...)
    __attribute__((__format__(__printf__, 3, 4)));
#endif
static void
pt_check(int ok, const char *what, const char *why, ...)
{
	va_list ap;

	printf("%s portable/%s: %s", ok ? "PASS" : "FAIL", pt_prog, what);
	if (!ok) {
		printf(": ");
		va_start(ap, why);
		vprintf(why, ap);
		va_end(ap);
		pt_failed = 1;
	}
	printf("\n");
	fflush(stdout);
}

/* The exit status: 0 if every check passed. */
static int
pt_done(void)
{

	return (pt_failed ? 1 : 0);
}

#endif /* !PTEST_H */
