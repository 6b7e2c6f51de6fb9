/*
 * gmtime.c: converting between time_t and broken-down time: gmtime,
 * localtime (their _r forms), timegm, mktime and tzset.
 *
 * Umbra has no time zones: local time is UTC.  The calendar is the
 * proleptic Gregorian one, computed with day counts in 400-year eras
 * (146097 days each), which makes every date, before 1970 too, a few
 * divisions away.  Days are counted from 1970-01-01; the computation
 * shifts the year to start in March so that the leap day comes last.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <time.h>

#define	SECSPERDAY	86400
#define	DAYS_0000_03_01_TO_EPOCH	719468

char	*tzname[2] = { "UTC", "UTC" };
long	 timezone;
int	 daylight;

static const short days_before_month[2][13] = {
	{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
	{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

static int
isleap(int64_t y)
{

	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

/* a / b rounded toward minus infinity, for b > 0. */
static int64_t
floordiv(int64_t a, int64_t b)
{

	return (a >= 0 ? a / b : -((-a + b - 1) / b));
}

/* Days from 1970-01-01 to the date y-m-d (m 1..12, d 1..31). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = floordiv(y, 400);
	yoe = y - era * 400;				/* 0..399 */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	return (era * 146097 + doe - DAYS_0000_03_01_TO_EPOCH);
}

/*
 * Break *tp down into tm: split off the seconds of the day, then turn
 * the day count into a date through its 400-year era, its year of the
 * era and its day of the (March-based) year.  Returns tm, or NULL with
 * errno EOVERFLOW when the year does not fit in an int.
 */
struct tm *
gmtime_r(const time_t *restrict tp, struct tm *restrict tm)
{
	int64_t days, secs, z, era, doe, yoe, y, doy, mp;
	int m, d;

	days = floordiv(*tp, SECSPERDAY);
	secs = *tp - days * SECSPERDAY;

	z = days + DAYS_0000_03_01_TO_EPOCH;
	era = floordiv(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);	/* from March 1 */
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y = yoe + era * 400 + (m <= 2);
	if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return (NULL);
	}

	tm->tm_sec = (int)(secs % 60);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_mday = d;
	tm->tm_mon = m - 1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_wday = (int)(days - floordiv(days + 4, 7) * 7 + 4);
	tm->tm_yday = days_before_month[isleap(y)][m - 1] + d - 1;
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "UTC";
	return (tm);
}

struct tm *
gmtime(const time_t *tp)
{
	static struct tm tm;

	return (gmtime_r(tp, &tm));
}

struct tm *
localtime_r(const time_t *restrict tp, struct tm *restrict tm)
{

	return (gmtime_r(tp, tm));
}

struct tm *
localtime(const time_t *tp)
{

	return (gmtime(tp));
}

/*
 * The time_t of a broken-down UTC time.  Fields out of their ranges
 * are carried into the next (the 32nd of January is the 1st of
 * February), and tm is rewritten normalised, with tm_wday and tm_yday
 * set.  Returns (time_t)-1 with errno EOVERFLOW if the result does not
 * fit.
 */
time_t
timegm(struct tm *tm)
{
	int64_t year, mon, days;
	time_t t;

	mon = tm->tm_mon;
	year = (int64_t)tm->tm_year + 1900 + floordiv(mon, 12);
	mon -= floordiv(mon, 12) * 12;
	days = days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1;
	t = days * SECSPERDAY + (int64_t)tm->tm_hour * 3600 +
	    (int64_t)tm->tm_min * 60 + tm->tm_sec;
	if (gmtime_r(&t, tm) == NULL)
		return ((time_t)-1);
	return (t);
}

time_t
mktime(struct tm *tm)
{

	return (timegm(tm));
}

void
tzset(void)
{
}
