/*
 * strftime.c: strftime(3) for the C locale.
 *
 * Conversions: %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l
 * %m %M %n %p %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%;
 * the E and O modifiers are accepted and ignored.  An unknown
 * conversion is copied as it stands.  Returns the number of bytes
 * stored, without the NUL, or 0 (with the buffer's contents
 * unspecified) when the result and its NUL do not fit in maxsize.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

static const char *const wday_name[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
};
static const char *const mon_name[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

struct out {
	char	*p;		/* where the next byte goes */
	char	*end;		/* the last byte of the buffer (for the NUL) */
	int	 full;		/* something did not fit */
};

static void
put(struct out *o, const char *s, size_t n)
{

	if ((size_t)(o->end - o->p) < n) {
		o->full = 1;
		return;
	}
	memcpy(o->p, s, n);
	o->p += n;
}

static void
puts_(struct out *o, const char *s)
{

	put(o, s, strlen(s));
}

/* A number, at least width digits, padded with pad ('0' or ' '). */
static void
putnum(struct out *o, int64_t v, int width, char pad)
{
	char buf[24], *b;
	uint64_t u;
	int neg;

	neg = v < 0;
	u = neg ? 0 - (uint64_t)v : (uint64_t)v;
	b = buf + sizeof(buf);
	do {
		*--b = '0' + u % 10;
		width--;
	} while ((u /= 10) != 0);
	while (width-- > neg)
		*--b = pad;
	if (neg)
		*--b = '-';
	put(o, b, buf + sizeof(buf) - b);
}

/* Is y a leap year?  How many ISO weeks has it? */
static int
isleap(int64_t y)
{

	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

static int
iso_weeks(int64_t y)
{
	int64_t jan1;

	/* 53 weeks when the year starts on a Thursday, or leap Wednesday. */
	jan1 = (y - 1) * 365 + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400;
	jan1 = (jan1 + 1) % 7;		/* 0 = Sunday, as tm_wday */
	if (jan1 < 0)
		jan1 += 7;
	return (jan1 == 4 || (jan1 == 3 && isleap(y)) ? 53 : 52);
}

/* The ISO 8601 week-based year and week of tm. */
static void
iso_week(const struct tm *tm, int64_t *yearp, int *weekp)
{
	int64_t year;
	int week;

	year = (int64_t)tm->tm_year + 1900;
	week = (tm->tm_yday - (tm->tm_wday + 6) % 7 + 10) / 7;
	if (week < 1) {
		year--;
		week = iso_weeks(year);
	} else if (week > iso_weeks(year)) {
		year++;
		week = 1;
	}
	*yearp = year;
	*weekp = week;
}

/*
 * Expand the conversions of f into o; the composite ones (%c, %D, %T,
 * ...) expand their equivalent format.  Stops once o is full.
 */
static void
format(struct out *o, const char *f, const struct tm *tm)
{
	struct tm copy;
	int64_t year;
	int week, hour12;

	for (; *f != '\0' && !o->full; f++) {
		if (*f != '%') {
			put(o, f, 1);
			continue;
		}
		f++;
		if (*f == 'E' || *f == 'O')
			f++;
		hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
		switch (*f) {
		case 'a':
			put(o, wday_name[(unsigned)tm->tm_wday % 7], 3);
			break;
		case 'A':
			puts_(o, wday_name[(unsigned)tm->tm_wday % 7]);
			break;
		case 'b':
		case 'h':
			put(o, mon_name[(unsigned)tm->tm_mon % 12], 3);
			break;
		case 'B':
			puts_(o, mon_name[(unsigned)tm->tm_mon % 12]);
			break;
		case 'c':
			format(o, "%a %b %e %H:%M:%S %Y", tm);
			break;
		case 'C':
			putnum(o, ((int64_t)tm->tm_year + 1900) / 100, 2, '0');
			break;
		case 'd':
			putnum(o, tm->tm_mday, 2, '0');
			break;
		case 'D':
		case 'x':
			format(o, "%m/%d/%y", tm);
			break;
		case 'e':
			putnum(o, tm->tm_mday, 2, ' ');
			break;
		case 'F':
			format(o, "%Y-%m-%d", tm);
			break;
		case 'g':
			iso_week(tm, &year, &week);
			putnum(o, (year % 100 + 100) % 100, 2, '0');
			break;
		case 'G':
			iso_week(tm, &year, &week);
			putnum(o, year, 1, '0');
			break;
		case 'H':
			putnum(o, tm->tm_hour, 2, '0');
			break;
		case 'I':
			putnum(o, hour12, 2, '0');
			break;
		case 'j':
			putnum(o, tm->tm_yday + 1, 3, '0');
			break;
		case 'k':
			putnum(o, tm->tm_hour, 2, ' ');
			break;
		case 'l':
			putnum(o, hour12, 2, ' ');
			break;
		case 'm':
			putnum(o, tm->tm_mon + 1, 2, '0');
			break;
		case 'M':
			putnum(o, tm->tm_min, 2, '0');
			break;
		case 'n':
			put(o, "\n", 1);
			break;
		case 'p':
			puts_(o, tm->tm_hour < 12 ? "AM" : "PM");
			break;
		case 'r':
			format(o, "%I:%M:%S %p", tm);
			break;
		case 'R':
			format(o, "%H:%M", tm);
			break;
		case 's':
			copy = *tm;
			putnum(o, timegm(&copy), 1, '0');
			break;
		case 'S':
			putnum(o, tm->tm_sec, 2, '0');
			break;
		case 't':
			put(o, "\t", 1);
			break;
		case 'T':
		case 'X':
			format(o, "%H:%M:%S", tm);
			break;
		case 'u':
			putnum(o, tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, '0');
			break;
		case 'U':
			putnum(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0');
			break;
		case 'V':
			iso_week(tm, &year, &week);
			putnum(o, week, 2, '0');
			break;
		case 'w':
			putnum(o, tm->tm_wday, 1, '0');
			break;
		case 'W':
			putnum(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7,
			    2, '0');
			break;
		case 'y':
			putnum(o, (((int64_t)tm->tm_year + 1900) % 100 + 100) %
			    100, 2, '0');
			break;
		case 'Y':
			putnum(o, (int64_t)tm->tm_year + 1900, 1, '0');
			break;
		case 'z':
			puts_(o, "+0000");
			break;
		case 'Z':
			puts_(o, tm->tm_zone != NULL ? tm->tm_zone : "UTC");
			break;
		case '%':
			put(o, "%", 1);
			break;
		case '\0':
			put(o, "%", 1);
			f--;
			break;
		default:
			put(o, f - 1, 2);
			break;
		}
	}
}

/* The public entry: format into buf, leaving room for the NUL. */
size_t
strftime(char *restrict buf, size_t maxsize, const char *restrict fmt,
    const struct tm *restrict tm)
{
	struct out o;

	if (maxsize == 0)
		return (0);
	o.p = buf;
	o.end = buf + maxsize - 1;
	o.full = 0;
	format(&o, fmt, tm);
	if (o.full)
		return (0);
	*o.p = '\0';
	return (o.p - buf);
}
