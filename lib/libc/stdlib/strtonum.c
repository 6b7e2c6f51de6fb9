/*
 * strtonum.c: strtonum(3), OpenBSD's checked conversion of a decimal
 * string to a number between two bounds, for the command line tools.
 *
 * The string is what strtoll(3) reads in base 10 (blanks, a sign,
 * digits) and nothing after it.  Returns the number, or 0 with *errstr
 * (when errstr is not NULL) pointing to "invalid" (no number, something
 * after it, or minval > maxval; errno EINVAL), "too small" or "too
 * large" (errno ERANGE); *errstr is NULL on success.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

long long
strtonum(const char *nptr, long long minval, long long maxval,
    const char **errstr)
{
	const char *why = NULL;
	long long v = 0;
	char *end;
	int e;

	e = errno;
	errno = 0;
	if (minval > maxval)
		why = "invalid";
	else {
		v = strtoll(nptr, &end, 10);
		if (end == nptr || *end != '\0')
			why = "invalid";
		else if ((v == LLONG_MIN && errno == ERANGE) || v < minval)
			why = "too small";
		else if ((v == LLONG_MAX && errno == ERANGE) || v > maxval)
			why = "too large";
	}
	if (errstr != NULL)
		*errstr = why;
	if (why != NULL) {
		errno = why[0] == 'i' ? EINVAL : ERANGE;
		return (0);
	}
	errno = e;
	return (v);
}
