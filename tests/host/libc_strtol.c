/*
 * libc_strtol.c: host test of lib/libc/stdlib/strtol.c and strtod.c
 * (their functions renamed umbra_* by run.sh).
 *
 * Random strings built to hit the parser's cases (white space, signs,
 * "0x" prefixes with and without digits after them, digits of every
 * base, values near and beyond each type's range, trailing garbage)
 * are converted by Umbra and by glibc in every base 0 and 2..36, and
 * the values, the end pointers and whether ERANGE was reported are
 * compared.  (glibc does not set EINVAL when there are no digits and
 * Umbra does, as BSD; that is checked separately.)  On this 64-bit
 * host long is 64 bits: the 32-bit ranges are checked through the
 * guest's tests.  strtod must agree to within one unit in the last
 * place, with the same end pointer and ERANGE.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

long		umbra_strtol(const char *, char **, int);
unsigned long	umbra_strtoul(const char *, char **, int);
long long	umbra_strtoll(const char *, char **, int);
unsigned long long umbra_strtoull(const char *, char **, int);
intmax_t	umbra_strtoimax(const char *, char **, int);
uintmax_t	umbra_strtoumax(const char *, char **, int);
double		umbra_strtod(const char *, char **);
float		umbra_strtof(const char *, char **);

/* Append a random piece of a number to s. */
static void
rnd_number(char *s, int base)
{
	static const char digits[] =
	    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFXYZ";
	static const char *const lead[] = {
		"", "", "", " ", "\t\n ", "+", "-", " -", "0x", "0X", "-0x",
		"0", "00", "+0x", "0b", "x",
	};
	static const char *const tail[] = {
		"", "", "", " ", "z", "!", "9", "-", "0x1",
	};
	int n, i, top;

	strcat(s, lead[rnd(sizeof(lead) / sizeof(lead[0]))]);
	n = (int)rnd(rnd(4) == 0 ? 40 : 22);
	top = base == 0 ? 16 : base;
	if (rnd(8) == 0)
		top = 46;		/* anything */
	for (i = 0; i < n; i++) {
		char d[2] = { digits[rnd(top)], '\0' };

		strcat(s, d);
	}
	strcat(s, tail[rnd(sizeof(tail) / sizeof(tail[0]))]);
}

#define	CHECK(name, type, fmt, ufn, gfn) do {				\
	char *ue, *ge;							\
	type uv, gv;							\
	int uerr, gerr;							\
									\
	errno = 0;							\
	uv = ufn(s, &ue, base);						\
	uerr = errno == ERANGE;						\
	errno = 0;							\
	gv = gfn(s, &ge, base);						\
	gerr = errno == ERANGE;						\
	if (uv != gv || ue != ge || uerr != gerr)			\
		fail(name "(\"%s\", %d): got " fmt " end %td%s, want "	\
		    fmt " end %td%s", s, base, uv, ue - s,		\
		    uerr ? " ERANGE" : "", gv, ge - s,			\
		    gerr ? " ERANGE" : "");				\
} while (0)

static void
test_integers(int rounds)
{
	char s[128];
	int r, base;

	for (r = 0; r < rounds; r++) {
		base = (int)rnd(36);
		if (base == 1)
			base = 0;
		s[0] = '\0';
		rnd_number(s, base);
		CHECK("strtol", long, "%ld", umbra_strtol, strtol);
		CHECK("strtoul", unsigned long, "%lu", umbra_strtoul, strtoul);
		CHECK("strtoll", long long, "%lld", umbra_strtoll, strtoll);
		CHECK("strtoull", unsigned long long, "%llu", umbra_strtoull,
		    strtoull);
		CHECK("strtoimax", intmax_t, "%jd", umbra_strtoimax,
		    strtoimax);
		CHECK("strtoumax", uintmax_t, "%ju", umbra_strtoumax,
		    strtoumax);
	}
}

/* The edges, one by one. */
static void
test_edges(void)
{
	static const char *const cases[] = {
		"9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616",
		"-18446744073709551615", "-18446744073709551616",
		"0x7fffffffffffffff", "0x8000000000000000", "-0x8000000000000000",
		"0xffffffffffffffff", "0x10000000000000000", "-1", "-0", "+0",
		"0x", "0xg", "-0x", " 0x1", "0", "077", "08", "z", "Z", "",
		"   ", "-", "+", "2147483647", "2147483648", "-2147483649",
		"4294967295", "4294967296", "1777777777777777777777",
		"11111111111111111111111111111111111111111111111111111111111111111",
		"99999999999999999999999999999999999999999x",
	};
	char *e;
	int i, base;

	for (i = 0; i < (int)(sizeof(cases) / sizeof(cases[0])); i++) {
		const char *s = cases[i];

		for (base = 0; base <= 36; base++) {
			if (base == 1)
				continue;
			CHECK("strtol", long, "%ld", umbra_strtol, strtol);
			CHECK("strtoul", unsigned long, "%lu", umbra_strtoul,
			    strtoul);
			CHECK("strtoll", long long, "%lld", umbra_strtoll,
			    strtoll);
			CHECK("strtoull", unsigned long long, "%llu",
			    umbra_strtoull, strtoull);
		}
	}

	/* BSD's EINVAL: no digits, or a bad base. */
	errno = 0;
	if (umbra_strtol("  xyz", &e, 10) != 0 || errno != EINVAL ||
	    strcmp(e, "  xyz") != 0)
		fail("no digits: errno %d", errno);
	errno = 0;
	if (umbra_strtol("12", &e, 1) != 0 || errno != EINVAL)
		fail("base 1: errno %d", errno);
	errno = 0;
	if (umbra_strtol("12", &e, 37) != 0 || errno != EINVAL)
		fail("base 37: errno %d", errno);
	errno = 0;
	if (umbra_strtol("12", NULL, 10) != 12 || errno != 0)
		fail("NULL endptr");
}

/* How many representable doubles apart are a and b? */
static uint64_t
ulps(double a, double b)
{
	int64_t ia, ib;

	memcpy(&ia, &a, sizeof(ia));
	memcpy(&ib, &b, sizeof(ib));
	if (ia < 0)
		ia = INT64_MIN - ia;
	if (ib < 0)
		ib = INT64_MIN - ib;
	return (ia > ib ? (uint64_t)(ia - ib) : (uint64_t)(ib - ia));
}

static void
check_strtod(const char *s)
{
	char *ue, *ge;
	double uv, gv;
	float uf, gf;
	int uerr, gerr;

	errno = 0;
	uv = umbra_strtod(s, &ue);
	uerr = errno == ERANGE;
	errno = 0;
	gv = strtod(s, &ge);
	gerr = errno == ERANGE;
	if (ue != ge || (isnan(uv) != isnan(gv)) ||
	    (!isnan(gv) && ulps(uv, gv) > 1) ||
	    (uerr != gerr && !(gv != 0 && fabs(gv) < 0x1p-1022)))
		fail("strtod(\"%s\"): got %.17g end %td%s, want %.17g end %td%s",
		    s, uv, ue - s, uerr ? " ERANGE" : "", gv, ge - s,
		    gerr ? " ERANGE" : "");
	uf = umbra_strtof(s, &ue);
	gf = strtof(s, &ge);
	if (ue != ge || (!isnan(gf) && !isinf(gf) && gf != 0 &&
	    fabs((double)uf - gf) > fabs((double)gf) * 0x1p-23))
		fail("strtof(\"%s\"): got %.9g, want %.9g", s, uf, gf);
}

static void
test_strtod(int rounds)
{
	static const char *const cases[] = {
		"0", "-0", "1", "1.5", "0.1", "3.14159265358979323846", "1e308",
		"1.7976931348623157e308", "1.8e308", "-1e400", "4.9e-324",
		"2.4e-324", "1e-400", "2.2250738585072014e-308", "1e-320",
		"  +12.5e+3xyz", ".5", "5.", ".", "e5", "1e", "1e+", "0x1p3",
		"0x1.8p1", "0X.8", "0xp1", "0x1.fffffffffffffp1023", "inf",
		"-Infinity", "INFx", "nan", "NaN(123)", "nan(", "infin",
		"123456789012345678901234567890", "0.000000000000000000001",
		"9007199254740993", "1e23", "8.5e-5", "  -.25E-2,",
	};
	char s[80];
	int i, r, n;

	for (i = 0; i < (int)(sizeof(cases) / sizeof(cases[0])); i++)
		check_strtod(cases[i]);
	for (r = 0; r < rounds; r++) {
		n = 0;
		if (rnd(3) == 0)
			s[n++] = '-';
		n += snprintf(s + n, sizeof(s) - n, "%" PRIu64,
		    rnd64() >> rnd(64));
		if (rnd(2))
			n += snprintf(s + n, sizeof(s) - n, ".%" PRIu64,
			    rnd64() >> rnd(64));
		if (rnd(2))
			n += snprintf(s + n, sizeof(s) - n, "e%d",
			    (int)rnd(660) - 330);
		check_strtod(s);
		snprintf(s, sizeof(s), "%.17g",
		    ldexp((double)rnd64(), (int)rnd(2000) - 1100));
		check_strtod(s);
	}
}

int
main(void)
{

	test_integers(200000);
	test_edges();
	test_strtod(100000);
	return (test_done());
}
