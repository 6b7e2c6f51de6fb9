/*
 * asctime.c: asctime(3) and ctime(3), the fixed 26-byte form
 * "Thu Jan  1 00:00:00 1970\n".  The forms without _r return a static
 * buffer, overwritten by the next call.  Dates that do not fit the form
 * (years beyond 9999, fields out of range) give NULL with errno
 * EOVERFLOW, as in glibc.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define	ASCTIME_LEN	26

static const char wdays[] = "SunMonTueWedThuFriSat";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* The 26-byte form of tm in buf, or NULL with errno EOVERFLOW. */
char *
asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	char tmp[96];

	if ((unsigned)tm->tm_wday >= 7 || (unsigned)tm->tm_mon >= 12 ||
	    (unsigned)tm->tm_mday > 31 || (unsigned)tm->tm_hour > 23 ||
	    (unsigned)tm->tm_min > 59 || (unsigned)tm->tm_sec > 60 ||
	    tm->tm_year > 9999 - 1900 || tm->tm_year < -1900) {
		errno = EOVERFLOW;
		return (NULL);
	}
	(void)snprintf(tmp, sizeof(tmp), "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
	    wdays + 3 * tm->tm_wday, months + 3 * tm->tm_mon, tm->tm_mday,
	    tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
	(void)strlcpy(buf, tmp, ASCTIME_LEN);
	return (buf);
}

char *
asctime(const struct tm *tm)
{
	static char buf[ASCTIME_LEN];

	return (asctime_r(tm, buf));
}

char *
ctime_r(const time_t *tp, char *buf)
{
	struct tm tm;

	if (localtime_r(tp, &tm) == NULL)
		return (NULL);
	return (asctime_r(&tm, buf));
}

char *
ctime(const time_t *tp)
{
	struct tm *tm;

	if ((tm = localtime(tp)) == NULL)
		return (NULL);
	return (asctime(tm));
}
