/*
 * clock.c: the i8254 programmable interval timer, which interrupts hz
 * times a second (hardclock), and the MC146818 real-time clock, read
 * once at boot for the time of day.
 *
 * uptime_ns() interpolates within a tick by reading the i8254's
 * counter, so CLOCK_MONOTONIC has about a microsecond of resolution.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/time.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>

#define	TIMER_FREQ	1193182		/* i8254 input clock, Hz */
#define	IO_TIMER	0x40		/* counter 0; mode register at +3 */
#define	IO_ICU1		0x20
#define	IO_RTC		0x70

static uint32_t timer_divisor;
time_t boottime_sec;			/* time of day at boot, UTC */

static void
clockintr(void *arg, struct trapframe *tf)
{

	hardclock(tf);
}

/* Read an RTC register, converting from BCD. */
static int
rtcin(int reg)
{
	int v;

	outb(IO_RTC, reg);
	v = inb(IO_RTC + 1);
	return ((v >> 4) * 10 + (v & 0xf));
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

static void
rtc_read(void)
{
	int sec, min, hour, day, mon, year, tries;

	for (tries = 0; tries < 1000; tries++) {
		outb(IO_RTC, 0x0a);
		if ((inb(IO_RTC + 1) & 0x80) == 0)	/* no update running */
			break;
	}
	sec = rtcin(0x00);
	min = rtcin(0x02);
	hour = rtcin(0x04);
	day = rtcin(0x07);
	mon = rtcin(0x08);
	year = rtcin(0x09) + 2000;
	boottime_sec = days_from_civil(year, mon, day) * 86400 +
	    hour * 3600 + min * 60 + sec;
}

void
clock_init(void)
{

	timer_divisor = (TIMER_FREQ + hz / 2) / hz;
	outb(IO_TIMER + 3, 0x34);	/* counter 0, lo/hi, rate generator */
	outb(IO_TIMER, timer_divisor & 0xff);
	outb(IO_TIMER, timer_divisor >> 8);
	rtc_read();
	intr_establish(0, clockintr, NULL);
}

/*
 * Nanoseconds since boot: whole ticks, plus how far the counter has got
 * through the current one.  If the counter has wrapped but its interrupt
 * is still pending, the tick has not been counted yet: count it here.
 * Under emulation clock interrupts can be delayed and delivered late,
 * so the estimate can run ahead of the tick count for a moment; the
 * result never goes below the last one returned, so the clock stays
 * monotonic.
 */
uint64_t
uptime_ns(void)
{
	static uint64_t last;
	uint32_t t, count, elapsed;
	uint64_t ns;
	int s, pending;

	s = splhigh();
	t = ticks;
	outb(IO_TIMER + 3, 0x00);	/* latch counter 0 */
	count = inb(IO_TIMER);
	count |= inb(IO_TIMER) << 8;
	outb(IO_ICU1, 0x0a);		/* read the IRR */
	pending = inb(IO_ICU1) & 1;
	if (count > timer_divisor)
		count = timer_divisor;
	elapsed = timer_divisor - count;
	if (pending && elapsed < timer_divisor / 2)
		t++;
	ns = (uint64_t)t * (1000000000 / hz) +
	    (uint64_t)elapsed * 1000000000 / TIMER_FREQ;
	if (ns < last)
		ns = last;
	last = ns;
	splx(s);
	return (ns);
}
