/*
 * time.h: calendar time and the clocks.
 *
 * time_t is 64 bits.  Umbra keeps no time zone database: local time is
 * UTC, tzset() does nothing and tzname is {"UTC", "UTC"}.  struct
 * timespec, the CLOCK_* ids and clockid_t come from <sys/time.h> and
 * <sys/types.h>.  clock() is the processor time used, from
 * getrusage(2).
 */
#ifndef _TIME_H_
#define _TIME_H_

#include <sys/types.h>
#include <sys/time.h>

#ifndef _CLOCK_T_DECLARED
#define _CLOCK_T_DECLARED
typedef long		clock_t;
#endif

#define CLOCKS_PER_SEC	1000000L

struct tm {
	int		 tm_sec;	/* seconds, 0..60 */
	int		 tm_min;	/* minutes, 0..59 */
	int		 tm_hour;	/* hours, 0..23 */
	int		 tm_mday;	/* day of the month, 1..31 */
	int		 tm_mon;	/* month, 0..11 */
	int		 tm_year;	/* years since 1900 */
	int		 tm_wday;	/* day of the week, 0..6, Sunday = 0 */
	int		 tm_yday;	/* day of the year, 0..365 */
	int		 tm_isdst;	/* daylight saving time: always 0 */
	long		 tm_gmtoff;	/* seconds east of UTC: always 0 */
	const char	*tm_zone;	/* time zone abbreviation: "UTC" */
};

extern char	*tzname[2];
extern long	 timezone;
extern int	 daylight;

time_t	 time(time_t *);
clock_t	 clock(void);
double	 difftime(time_t, time_t);
time_t	 mktime(struct tm *);
time_t	 timegm(struct tm *);
struct tm *gmtime(const time_t *);
struct tm *gmtime_r(const time_t *restrict, struct tm *restrict);
struct tm *localtime(const time_t *);
struct tm *localtime_r(const time_t *restrict, struct tm *restrict);
char	*asctime(const struct tm *);
char	*asctime_r(const struct tm *restrict, char *restrict);
char	*ctime(const time_t *);
char	*ctime_r(const time_t *, char *);
size_t	 strftime(char *restrict, size_t, const char *restrict,
	    const struct tm *restrict)
	    __attribute__((__format__(__strftime__, 3, 0)));
void	 tzset(void);

int	 clock_gettime(clockid_t, struct timespec *);
int	 nanosleep(const struct timespec *, struct timespec *);

#endif /* !_TIME_H_ */
