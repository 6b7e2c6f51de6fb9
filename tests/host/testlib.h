/*
 * testlib.h: what every host test shares: a seeded pseudo-random
 * generator and failure reporting.
 *
 * A test calls fail() for each mismatch (the first few are printed in
 * full) and ends with `return (test_done());', which prints a summary
 * line and returns the exit status: 0 if nothing failed.  tests/host/
 * run.sh shows the last line a failing test printed as its reason.
 */
#ifndef _TESTLIB_H_
#define _TESTLIB_H_

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#define	FAIL_SHOWN	10		/* failures printed in full */

static int	test_failures;
static uint64_t	test_rng_state = 0x9e3779b97f4a7c15ULL;

/* xorshift64*: fast, decent, and the same on every host. */
static inline uint64_t
rnd64(void)
{

	test_rng_state ^= test_rng_state >> 12;
	test_rng_state ^= test_rng_state << 25;
	test_rng_state ^= test_rng_state >> 27;
	return (test_rng_state * 0x2545f4914f6cdd1dULL);
}

/* A number in [0, n), n > 0. */
static inline uint64_t
rnd(uint64_t n)
{

	return (rnd64() % n);
}

static void __attribute__((__format__(__printf__, 1, 2)))
fail(const char *fmt, ...)
{
	va_list ap;

	if (++test_failures > FAIL_SHOWN)
		return;
	printf("mismatch: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static int
test_done(void)
{

	if (test_failures > 0) {
		printf("%d mismatches\n", test_failures);
		return (1);
	}
	printf("ok\n");
	return (0);
}

#endif /* !_TESTLIB_H_ */
