/*
 * strtol.c: the string to integer conversions strtol, strtoul,
 * strtoll, strtoull, strtoimax and strtoumax.
 *
 * All share one parser: leading white space, an optional sign, then
 * digits in the base: 2 to 36, letters counting from 10 in either case,
 * or 0 for C's rules (a "0x" or "0X" prefix means 16, a leading 0 means
 * 8, else 10).  Base 16 also accepts the prefix, which counts only when
 * a hex digit follows it.  The magnitude is gathered in a uintmax_t and
 * each function then fits it to its type: a value out of range gives
 * the type's limit and ERANGE; for the unsigned forms a '-' negates the
 * value in the unsigned type, as C says.  *endptr gets the first
 * character not used, or nptr itself (and errno EINVAL, as in BSD) when
 * there were no digits.  An invalid base gives 0 and EINVAL.
 *
 * This file uses only standard C, so that tests/host can build it for
 * the host and compare it with the host's C library.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

/*
 * Parse as described above.  Returns the magnitude and sets *negp when
 * a '-' preceded it and *overp when it did not fit in a uintmax_t.
 */
static uintmax_t
strto_parse(const char *nptr, char **endptr, int base, int *negp,
    int *overp)
{
	const unsigned char *s;
	uintmax_t acc, cutoff;
	int c, d, cutlim, any;

	*negp = 0;
	*overp = 0;
	if (base < 0 || base == 1 || base > 36) {
		if (endptr != NULL)
			*endptr = (char *)(uintptr_t)nptr;
		errno = EINVAL;
		return (0);
	}

	s = (const unsigned char *)nptr;
	while (isspace(*s))
		s++;
	if (*s == '-') {
		*negp = 1;
		s++;
	} else if (*s == '+')
		s++;
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && isxdigit(s[2])) {
		s += 2;
		base = 16;
	}
	if (base == 0)
		base = s[0] == '0' ? 8 : 10;

	cutoff = UINTMAX_MAX / (uintmax_t)base;
	cutlim = (int)(UINTMAX_MAX % (uintmax_t)base);
	acc = 0;
	any = 0;
	for (;; s++) {
		c = *s;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'z')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'Z')
			d = c - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		any = 1;
		if (acc > cutoff || (acc == cutoff && d > cutlim))
			*overp = 1;
		else
			acc = acc * (uintmax_t)base + (uintmax_t)d;
	}
	if (endptr != NULL)
		*endptr = (char *)(uintptr_t)(any ? (const char *)s : nptr);
	if (!any)
		errno = EINVAL;
	return (acc);
}

/* Fit a parsed magnitude into [min, max]. */
static intmax_t
strto_signed(uintmax_t mag, int neg, int over, intmax_t min, intmax_t max)
{

	if (neg) {
		if (over || mag > (uintmax_t)max + 1) {
			errno = ERANGE;
			return (min);
		}
		if (mag == 0)
			return (0);
		return (-(intmax_t)(mag - 1) - 1);
	}
	if (over || mag > (uintmax_t)max) {
		errno = ERANGE;
		return (max);
	}
	return ((intmax_t)mag);
}

/* Fit a parsed magnitude into [0, max], negating it there if asked. */
static uintmax_t
strto_unsigned(uintmax_t mag, int neg, int over, uintmax_t max)
{

	if (over || mag > max) {
		errno = ERANGE;
		return (max);
	}
	return (neg ? (max - mag + 1) & max : mag);
}

long
strtol(const char *restrict nptr, char **restrict endptr, int base)
{
	uintmax_t mag;
	int neg, over;

	mag = strto_parse(nptr, endptr, base, &neg, &over);
	return ((long)strto_signed(mag, neg, over, LONG_MIN, LONG_MAX));
}

long long
strtoll(const char *restrict nptr, char **restrict endptr, int base)
{
	uintmax_t mag;
	int neg, over;

	mag = strto_parse(nptr, endptr, base, &neg, &over);
	return ((long long)strto_signed(mag, neg, over, LLONG_MIN, LLONG_MAX));
}

intmax_t
strtoimax(const char *restrict nptr, char **restrict endptr, int base)
{
	uintmax_t mag;
	int neg, over;

	mag = strto_parse(nptr, endptr, base, &neg, &over);
	return (strto_signed(mag, neg, over, INTMAX_MIN, INTMAX_MAX));
}

unsigned long
strtoul(const char *restrict nptr, char **restrict endptr, int base)
{
	uintmax_t mag;
	int neg, over;

	mag = strto_parse(nptr, endptr, base, &neg, &over);
	return ((unsigned long)strto_unsigned(mag, neg, over, ULONG_MAX));
}

unsigned long long
strtoull(const char *restrict nptr, char **restrict endptr, int base)
{
	uintmax_t mag;
	int neg, over;

	mag = strto_parse(nptr, endptr, base, &neg, &over);
	return ((unsigned long long)strto_unsigned(mag, neg, over,
	    ULLONG_MAX));
}

uintmax_t
strtoumax(const char *restrict nptr, char **restrict endptr, int base)
{
	uintmax_t mag;
	int neg, over;

	mag = strto_parse(nptr, endptr, base, &neg, &over);
	return (strto_unsigned(mag, neg, over, UINTMAX_MAX));
}
