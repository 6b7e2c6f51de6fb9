/*
 * vmstat: report virtual memory statistics.
 *
 *	vmstat [-c count] [-w wait] [wait [count]]
 *
 * One line of figures, then, every wait seconds, another, count lines
 * in all (with a wait but no count: until killed); the 4.4BSD layout,
 * under a two-line header repeated every HDRLINES lines: the groups
 * procs, memory (KiB), page (per second), faults/s, cpu and collapse
 * (per second), then the columns (119 characters in all)
 *
 *	r b w  free act inact swap  flt cow pi po fr  in sy cs  us sy id
 *	obj col byp ref smv
 *
 * which are:
 *
 *	procs	r runnable, b blocked in an uninterruptible sleep (a disk,
 *		a busy page), w waiting for free memory (kernel threads
 *		and the idle loop are not counted)
 *	memory	free, active and inactive pages, and swap in use, in KiB
 *	page	page faults, copy-on-write copies, pages read in from
 *		pagers (swap and the ramdisk's files), pages written to
 *		swap, pages freed by the pageout daemon
 *	faults	device interrupts, system calls, context switches
 *	cpu	percentages of clock ticks in user mode, in the kernel,
 *		idle
 *	collapse  objects alive (a count), then collapses (backing
 *		objects absorbed), bypasses, collapses refused because an
 *		object has a pager (the 1993 defect, with
 *		vm.collapse_pagers=0), swap blocks moved by collapse
 *
 * Counts of events are rates: per second over the interval, or, on the
 * first line, over the time since boot.  The figures are the sysctl
 * nodes vm.stats.*, vm.stats.object.*, vm.swap_used, kern.cp_time and
 * kern.proc.all (see sysctl(8) for what exists); a node the kernel does
 * not have is shown as "-".  Bad usage exits 1; so does a failure to
 * read the process table.
 */
#include <sys/types.h>
#include <sys/sysctl.h>
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define	HDRLINES	20		/* lines between headers */

/* How a column's figure is made. */
enum { C_PAGES, C_RATE, C_COUNT };

struct col {
	const char	*name;		/* the sysctl node */
	const char	*head;		/* the column's heading */
	int		width;
	int		kind;		/* C_* */
};

/* The columns after procs, in order; cpu comes between faults and collapse. */
static const struct col cols[] = {
	{ "vm.stats.free_count", "free", 6, C_PAGES },
	{ "vm.stats.active_count", "act", 6, C_PAGES },
	{ "vm.stats.inactive_count", "inact", 6, C_PAGES },
	{ "vm.swap_used", "swap", 6, C_PAGES },
	{ "vm.stats.faults", "flt", 5, C_RATE },
	{ "vm.stats.cow_faults", "cow", 4, C_RATE },
	{ "vm.stats.pageins", "pi", 4, C_RATE },
	{ "vm.stats.pageouts", "po", 4, C_RATE },
	{ "vm.stats.daemon_freed", "fr", 4, C_RATE },
	{ "vm.stats.interrupts", "in", 5, C_RATE },
	{ "vm.stats.syscalls", "sy", 5, C_RATE },
	{ "vm.stats.context_switches", "cs", 5, C_RATE },
	{ "vm.stats.object.objects", "obj", 5, C_COUNT },
	{ "vm.stats.object.collapses", "col", 4, C_RATE },
	{ "vm.stats.object.bypasses", "byp", 4, C_RATE },
	{ "vm.stats.object.refused_pager", "ref", 4, C_RATE },
	{ "vm.stats.object.swap_moved", "smv", 4, C_RATE },
};
#define	NCOLS		(sizeof(cols) / sizeof(cols[0]))
#define	CPU_AFTER	11		/* cpu follows cols[CPU_AFTER] */

/* One reading of everything. */
struct sample {
	double		t;		/* seconds since boot */
	uint32_t	v[NCOLS];
	int		have[NCOLS];
	u_long		cp[CPUSTATES];
	int		havecp;
	int		r, b, w;
};

static u_int	pagekb = 4;		/* KiB per page */

static void
usage(void)
{

	fprintf(stderr, "usage: vmstat [-c count] [-w wait] [wait [count]]\n");
	exit(1);
}

static long
number(const char *s, const char *what)
{
	const char *why;
	long v;

	v = (long)strtonum(s, 1, 86400 * 365, &why);
	if (why != NULL || !isdigit((unsigned char)*s))
		errx(1, "%s: invalid %s", s, what);
	return (v);
}

/* Count runnable, blocked and memory-starved processes. */
static void
procs(struct sample *s)
{
	struct kinfo_proc *kp;
	int n, i;

	if ((kp = kinfo_getallproc(&n)) == NULL)
		err(1, "kern.proc.all");
	s->r = s->b = s->w = 0;
	for (i = 0; i < n; i++) {
		if (kp[i].ki_pid == 0 || (kp[i].ki_flag & KI_FLAG_SYSTEM))
			continue;
		if (kp[i].ki_stat == SRUN)
			s->r++;
		else if (kp[i].ki_stat == SSLEEP &&
		    strncmp(kp[i].ki_wmesg, "vmwait", KI_WMESGLEN) == 0)
			s->w++;
		else if (kp[i].ki_stat == SSLEEP &&
		    !(kp[i].ki_flag & KI_FLAG_SINTR))
			s->b++;
	}
	free(kp);
}

static void
sample(struct sample *s)
{
	struct timespec ts;
	size_t len;
	u_int v;
	size_t i;

	memset(s, 0, sizeof(*s));
	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		err(1, "clock_gettime");
	s->t = ts.tv_sec + ts.tv_nsec / 1e9;
	for (i = 0; i < NCOLS; i++) {
		len = sizeof(v);
		if (sysctlbyname(cols[i].name, &v, &len, NULL, 0) == 0 &&
		    len == sizeof(v)) {
			s->v[i] = v;
			s->have[i] = 1;
		}
	}
	len = sizeof(s->cp);
	s->havecp = sysctlbyname("kern.cp_time", s->cp, &len, NULL, 0) ==
	    0 && len == sizeof(s->cp);
	procs(s);
}

/* The column groups of the first header line: label, columns. */
static const struct {
	const char	*label;
	size_t		ncols;		/* of cols[], in order */
} groups[] = {
	{ "memory (KiB)", 4 },
	{ "page (per second)", 5 },
	{ "faults/s", 3 },
	{ "collapse (per second)", 5 },
};
#define	CPU_WIDTH	3		/* us, sy, id */

static void
header(void)
{
	size_t g, i, k;
	int w;

	printf(" procs");
	for (g = 0, i = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		for (w = 0, k = 0; k < groups[g].ncols; k++, i++)
			w += 1 + cols[i].width;
		if (g + 1 < sizeof(groups) / sizeof(groups[0]))
			printf(" %-*.*s", w - 1, w - 1, groups[g].label);
		else
			printf(" %s", groups[g].label);
		if (i - 1 == CPU_AFTER)
			printf(" %-*s", 3 * (CPU_WIDTH + 1) - 1, "cpu");
	}
	printf("\n r b w");
	for (i = 0; i < NCOLS; i++) {
		printf(" %*s", cols[i].width, cols[i].head);
		if (i == CPU_AFTER)
			printf(" %*s %*s %*s", CPU_WIDTH, "us", CPU_WIDTH,
			    "sy", CPU_WIDTH, "id");
	}
	printf("\n");
}

/* A line: the rates between prev (NULL: boot) and cur. */
static void
line(const struct sample *prev, const struct sample *cur)
{
	double dt, x;
	u_long tot, d[CPUSTATES];
	size_t i;
	int k;

	dt = cur->t - (prev != NULL ? prev->t : 0);
	if (dt <= 0)
		dt = 1e-9;
	printf("%2d %1d %1d", cur->r, cur->b, cur->w);
	for (i = 0; i < NCOLS; i++) {
		if (!cur->have[i] || (prev != NULL && !prev->have[i])) {
			printf(" %*s", cols[i].width, "-");
		} else if (cols[i].kind == C_PAGES) {
			printf(" %*lu", cols[i].width,
			    (u_long)cur->v[i] * pagekb);
		} else if (cols[i].kind == C_COUNT) {
			printf(" %*u", cols[i].width, cur->v[i]);
		} else {
			x = (uint32_t)(cur->v[i] - (prev != NULL ?
			    prev->v[i] : 0)) / dt;
			printf(" %*lu", cols[i].width, (u_long)(x + 0.5));
		}
		if (i != CPU_AFTER)
			continue;
		if (!cur->havecp) {
			printf(" %*s %*s %*s", CPU_WIDTH, "-", CPU_WIDTH, "-",
			    CPU_WIDTH, "-");
			continue;
		}
		for (tot = 0, k = 0; k < CPUSTATES; k++) {
			d[k] = cur->cp[k] - (prev != NULL ? prev->cp[k] : 0);
			tot += d[k];
		}
		if (tot == 0)
			tot = 1;
		printf(" %*lu %*lu %*lu", CPU_WIDTH,
		    (d[CP_USER] * 100 + tot / 2) / tot, CPU_WIDTH,
		    (d[CP_SYS] * 100 + tot / 2) / tot, CPU_WIDTH,
		    (d[CP_IDLE] * 100 + tot / 2) / tot);
	}
	printf("\n");
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
}

int
main(int argc, char *argv[])
{
	struct sample prev, cur;
	struct timespec ts;
	long wait = 0, count = 0, n;
	int ch;

	while ((ch = getopt(argc, argv, "c:w:")) != -1) {
		switch (ch) {
		case 'c':
			count = number(optarg, "count");
			break;
		case 'w':
			wait = number(optarg, "wait");
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 2)
		usage();
	if (argc > 0)
		wait = number(argv[0], "wait");
	if (argc > 1)
		count = number(argv[1], "count");
	if (count == 0)
		count = wait > 0 ? -1 : 1;	/* -1: forever */
	if (wait == 0)
		wait = 1;			/* -c alone: a second apart */
	pagekb = (u_int)getpagesize() / 1024;

	sample(&cur);
	header();
	line(NULL, &cur);
	for (n = 1; count < 0 || n < count; n++) {
		ts.tv_sec = wait;
		ts.tv_nsec = 0;
		while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
			continue;
		prev = cur;
		sample(&cur);
		if (n % HDRLINES == 0)
			header();
		line(&prev, &cur);
	}
	return (0);
}
