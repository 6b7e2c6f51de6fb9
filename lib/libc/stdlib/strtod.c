/*
 * strtod.c: string to floating point: strtod, strtof, strtold, atof.
 *
 * Accepted, after leading white space and an optional sign: a decimal
 * number with an optional exponent ("1.5e-3"), a hexadecimal one with
 * an optional binary exponent ("0x1.8p3"), "inf", "infinity" or "nan"
 * (with an optional "(chars)"), in either case.
 *
 * The first 19 significant decimal digits are gathered exactly in a
 * 64-bit integer (later ones are dropped) and scaled by the power of
 * ten in x87 extended precision, whose 64-bit mantissa keeps the error
 * well under one unit in the last place of a double: results are
 * within one ulp of the correctly rounded value, and exact for the
 * integers and short decimals that programs mostly read.  Hexadecimal
 * input is exact up to 16 digits.  Overflow gives +-HUGE_VAL and
 * ERANGE; a non-zero value that underflows to zero gives ERANGE.
 *
 * Standard C only, so tests/host can build it for the host.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

/* 10^(2^i) for i = 0..12, enough for any long double exponent. */
static const long double pow10_2k[] = {
	1e1L, 1e2L, 1e4L, 1e8L, 1e16L, 1e32L, 1e64L, 1e128L, 1e256L,
	1e512L, 1e1024L, 1e2048L, 1e4096L,
};

#define	MAXDIGITS	19	/* decimal digits that fit in a uint64_t */
#define	MAXEXP		100000	/* beyond this, any result is 0 or inf */

/* m * 10^e, with e's binary digits choosing factors from the table. */
static long double
scale10(long double m, int e)
{
	long double p;
	int i, neg;

	neg = e < 0;
	if (neg)
		e = -e;
	p = 1.0L;
	for (i = 0; e != 0 && i < (int)(sizeof(pow10_2k) /
	    sizeof(pow10_2k[0])); i++, e >>= 1)
		if (e & 1)
			p *= pow10_2k[i];
	if (e != 0)
		return (neg ? 0.0L : m * __builtin_huge_vall());
	return (neg ? m / p : m * p);
}

/* m * 2^e for the hexadecimal form. */
static long double
scale2(long double m, int e)
{

	while (e > 0) {
		int k = e > 60 ? 60 : e;

		m *= (long double)(1ULL << k);
		e -= k;
	}
	while (e < 0) {
		int k = -e > 60 ? 60 : -e;

		m /= (long double)(1ULL << k);
		e += k;
	}
	return (m);
}

/* Does s begin with word, in any case?  Returns its length or 0. */
static int
prefix(const char *s, const char *word)
{
	int n;

	for (n = 0; word[n] != '\0'; n++)
		if (tolower((unsigned char)s[n]) != word[n])
			return (0);
	return (n);
}

/*
 * The parser, in long double.  *finitep is set when the input was a
 * number rather than an infinity or a NaN, so that the callers can
 * tell overflow from "inf".
 */
static long double
strtod_parse(const char *nptr, char **endptr, int *finitep)
{
	const char *s, *t;
	uint64_t mant;
	long double v;
	long e;
	int neg, ndig, dscale, any, point, hex, d, eneg, n;

	*finitep = 0;
	s = nptr;
	while (isspace((unsigned char)*s))
		s++;
	neg = 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';

	if ((n = prefix(s, "infinity")) != 0 || (n = prefix(s, "inf")) != 0) {
		if (endptr != NULL)
			*endptr = (char *)(uintptr_t)(s + n);
		v = __builtin_huge_vall();
		return (neg ? -v : v);
	}
	if ((n = prefix(s, "nan")) != 0) {
		s += n;
		if (*s == '(') {
			for (n = 1; isalnum((unsigned char)s[n]) ||
			    s[n] == '_'; n++)
				continue;
			if (s[n] == ')')
				s += n + 1;
		}
		if (endptr != NULL)
			*endptr = (char *)(uintptr_t)s;
		v = __builtin_nanl("");
		return (neg ? -v : v);
	}
	*finitep = 1;

	hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    (isxdigit((unsigned char)s[2]) ||
	    (s[2] == '.' && isxdigit((unsigned char)s[3])));
	if (hex)
		s += 2;

	/*
	 * The digits, with at most one point.  The value is
	 * mant * radix^dscale: dscale counts the digits dropped before the
	 * point (each multiplies by the radix) less those kept after it
	 * (each divides).  Leading zeros are not significant.
	 */
	mant = 0;
	ndig = 0;
	dscale = 0;
	any = 0;
	point = 0;
	for (;; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if (hex ? !isxdigit((unsigned char)*s) :
		    !isdigit((unsigned char)*s))
			break;
		d = isdigit((unsigned char)*s) ? *s - '0' :
		    tolower((unsigned char)*s) - 'a' + 10;
		any = 1;
		if (mant == 0 && d == 0) {
			if (point)
				dscale--;
		} else if (ndig < (hex ? 16 : MAXDIGITS)) {
			mant = mant * (hex ? 16 : 10) + d;
			ndig++;
			if (point)
				dscale--;
		} else if (!point)
			dscale++;
	}
	if (!any) {
		if (endptr != NULL)
			*endptr = (char *)(uintptr_t)nptr;
		return (0.0L);
	}

	/* The exponent, if a well-formed one follows: decimal or binary. */
	e = 0;
	if (hex ? (*s == 'p' || *s == 'P') : (*s == 'e' || *s == 'E')) {
		t = s + 1;
		eneg = 0;
		if (*t == '-' || *t == '+')
			eneg = *t++ == '-';
		if (isdigit((unsigned char)*t)) {
			for (; isdigit((unsigned char)*t); t++)
				if (e < MAXEXP)
					e = e * 10 + (*t - '0');
			if (eneg)
				e = -e;
			s = t;
		}
	}
	if (endptr != NULL)
		*endptr = (char *)(uintptr_t)s;

	if (mant == 0)
		return (neg ? -0.0L : 0.0L);
	v = (long double)mant;
	if (hex)
		v = scale2(v, (int)e + 4 * dscale);
	else
		v = scale10(v, (int)e + dscale);
	return (neg ? -v : v);
}

double
strtod(const char *restrict nptr, char **restrict endptr)
{
	long double v;
	double r;
	int finite;

	v = strtod_parse(nptr, endptr, &finite);
	r = (double)v;
	if (finite && (__builtin_isinf(r) || (r == 0.0 && v != 0.0L)))
		errno = ERANGE;
	return (r);
}

float
strtof(const char *restrict nptr, char **restrict endptr)
{
	long double v;
	float r;
	int finite;

	v = strtod_parse(nptr, endptr, &finite);
	r = (float)(double)v;
	if (finite && (__builtin_isinf(r) || (r == 0.0f && v != 0.0L)))
		errno = ERANGE;
	return (r);
}

long double
strtold(const char *restrict nptr, char **restrict endptr)
{
	long double v;
	int finite;

	v = strtod_parse(nptr, endptr, &finite);
	if (finite && __builtin_isinf(v))
		errno = ERANGE;
	return (v);
}

double
atof(const char *s)
{

	return (strtod(s, NULL));
}
