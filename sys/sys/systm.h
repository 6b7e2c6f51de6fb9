/*
 * systm.h: what every part of the kernel uses: console output, panic
 * and assertions, sleep and wakeup, interrupt priority, copying to and
 * from user space.
 *
 * Umbra is uniprocessor and its kernel is not preemptible: kernel code
 * runs until it sleeps or returns to user mode, and only interrupt
 * handlers can cut in.  Data an interrupt handler touches is protected
 * by raising the interrupt priority (splhigh() and its aliases block
 * every interrupt); everything else needs no lock, but must be
 * re-checked after any sleep.
 */
#ifndef _SYS_SYSTM_H_
#define _SYS_SYSTM_H_

#include <sys/types.h>
#include <sys/libkern.h>

struct proc;
struct trapframe;
struct timespec;

extern int	hz;			/* clock ticks per second */
extern volatile uint32_t ticks;		/* ticks since boot */
extern const char *panicstr;		/* set once panic() has begun */
extern struct trapframe *panic_trapframe;	/* the frame a fatal trap left */
extern char	version[];		/* the kernel's version string */
extern int	cold;			/* still booting: no sleeping */

/* subr_prf.c */
int	printf(const char *, ...) __attribute__((format(printf, 1, 2)));
int	vprintf(const char *, __builtin_va_list);
int	snprintf(char *, size_t, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	vsnprintf(char *, size_t, const char *, __builtin_va_list);
void	panic(const char *, ...) __attribute__((noreturn,
	    format(printf, 1, 2)));
void	log_ratelimited(uint32_t *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

#ifdef INVARIANTS
#define	KASSERT(exp, msg) do {						\
	if (__builtin_expect(!(exp), 0))				\
		panic msg;						\
} while (0)
#else
#define	KASSERT(exp, msg)	do { } while (0)
#endif

#define	CTASSERT(x)	_Static_assert((x), #x)

/*
 * Sections that must not sleep (collapse, the reclaim of hidden pages:
 * nobody may see their work half done).  tsleep() and the start of any
 * disk transfer assert that no such section is open.
 */
extern int nosleep_depth;
#define	NOSLEEP_ENTER()	(nosleep_depth++)
#define	NOSLEEP_EXIT()	do {						\
	KASSERT(nosleep_depth > 0, ("NOSLEEP_EXIT: not entered"));	\
	nosleep_depth--;						\
} while (0)

/* Interrupt priority (machine/cpu.h does the work). */
int	splhigh(void);
void	splx(int);
#define	splbio()	splhigh()
#define	spltty()	splhigh()
#define	splclock()	splhigh()
#define	splvm()		splhigh()

/* kern_synch.c */
#define	PCATCH		0x100	/* tsleep: a signal interrupts the sleep */
int	tsleep(const void *, int, const char *, int);
void	wakeup(const void *);
void	wakeup_one(const void *);

/* Copying between the kernel and the current process's user space. */
int	copyin(const void *, void *, size_t);
int	copyout(const void *, void *, size_t);
int	copyinstr(const void *, char *, size_t, size_t *);
int	useracc_range(const void *, size_t);

/* kern_clock.c */
struct callout {
	struct callout	*c_next;	/* on the pending list */
	uint32_t	c_time;		/* tick at which it fires */
	void		(*c_func)(void *);
	void		*c_arg;
	int		c_pending;	/* on the list */
};
void	callout_init(struct callout *);
void	callout_reset(struct callout *, int, void (*)(void *), void *);
void	callout_stop(struct callout *);
void	hardclock(struct trapframe *);
uint64_t uptime_ns(void);
int	tvtohz(const struct timespec *);
int	nstohz(uint64_t);

/* Misc. */
const char *boot_arg(const char *, char *, size_t);	/* init_main.c */
void	cpu_poweroff(int) __attribute__((noreturn));
void	cpu_reset(void) __attribute__((noreturn));
int	nosys(struct proc *, void *, register_t *);
void	consinit(void);
void	cnputc(int);
int	cngetc_poll(void);

#endif /* !_SYS_SYSTM_H_ */
