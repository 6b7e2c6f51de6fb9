/*
 * vm-test.c: /bin/vm-test, the fork and swap stress program of the 1993
 * report, redone for Umbra: a process that holds a large data region,
 * forks over and over, and keeps rewriting some of its pages while
 * memory pressure pushes them to swap.  Under 4.4BSD's rule (an object
 * with a pager is never collapsed: vm.collapse_pagers=0) its chain of
 * shadow objects grows by about one object per round, and the swap
 * held by superseded copies of its pages ("hidden" swap) grows with
 * it; with the fix both stay small.
 *
 *	vm-test [-epq] [-r rounds] [-m data_mb] [-w pages] [-c children]
 *
 *	-r rounds	rounds of fork, rewrite and wait (default 10)
 *	-m data_mb	size of the data region in MiB (default 8)
 *	-w pages	pages the parent rewrites each round (default 16)
 *	-c children	children forked each round (default 2)
 *	-e		children exec /bin/true instead of calling _exit
 *	-p		memory pressure: in each round, the first child
 *			also writes fresh memory until the parent's pages
 *			are out of memory (or all memory is its own)
 *	-q		no line per round
 *
 * The data region is filled first, every word of every page, with a
 * pattern of (page index, generation).  The parent keeps the generation
 * of every page (the model), so it knows exactly what each page must
 * hold.  Each round it forks the children, then, while they still hold
 * the old object, rewrites its pages: half of them at fixed places
 * (every round, so their previous copies are superseded each time) and
 * half in a window that moves through the region.  Each page is
 * checked before it is rewritten.  A child checks a few pages against
 * the model it inherited, writes them with a pattern of its own,
 * applies the pressure (-p), sleeps briefly, checks its pages again
 * (they may have been to swap meanwhile) and exits.  The parent waits
 * for all of them before the next round.
 *
 * Why pressure from a child.  The chain grows only if the parent's
 * newest object is given a swap pager (one of its pages written to
 * swap) before the children that share the object behind it exit.  The
 * pageout daemon takes the least recently used pages first, and the
 * parent's newest pages are the most recently used: only a burst of
 * demand for about all of memory, at that moment, reliably reaches
 * them.  Zero-filled pages that are freed at exit cost no disk I/O, so
 * the burst costs little more than the page-outs it causes.
 *
 * After each round one line (unless -q):
 *
 *	round R swap_used S chain C hidden_swap H hidden_res X swapped W
 *
 * S is vm.swap_used (pages, system-wide); C, H, X and W come from
 * kinfo_vmsummary(3) on the parent itself: its deepest chain of
 * objects, the pages, on swap and resident, that nobody can read any
 * more, and the swap blocks its own objects hold.  kinfo_vmsummary needs root; otherwise those show as "?".
 * On a terminal a progress line is kept up to date with \r.
 *
 * At the end every page of the region is checked: "vm-test: N rounds,
 * integrity ok" and exit status 0, or the first mismatch and status 1.
 * Usage errors exit 2.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vmtest.h"

#define	PGSZ		4096UL
#define	WORDS		(PGSZ / sizeof(uint32_t))
#define	MAGIC		0x766d7400U	/* "vmt\0": word 0 of every page */
#define	MAXCHILD	64
#define	CHILD_PAGES	4		/* pages each child writes */
#define	CHILD_SLEEP_MS	20		/* how long a child holds them */
#define	CHILD_GEN	0x80000000U	/* child generations have this bit */
#define	PUSH_FLOOR	16		/* pressure: until the parent has this few */

static uint32_t	*data;		/* the region */
static uint32_t	*gen;		/* the model: generation of each page */
static u_long	npages;		/* pages in the region */
static int	tty;		/* stdout is a terminal: progress lines */
static int	shown;		/* a progress line is on the screen */

static void	progress_end(void);

static void
usage(void)
{

	fprintf(stderr, "usage: vm-test [-epq] [-r rounds] [-m data_mb] "
	    "[-w pages] [-c children]\n");
	exit(2);
}

static void
fill(u_long pg, uint32_t g)
{
	uint32_t *p = data + pg * WORDS;
	u_long w;

	for (w = 0; w < WORDS; w++)
		p[w] = page_word(MAGIC, pg, g, w);
}

/*
 * Check page pg against generation g.  Returns 1 if it matches;
 * otherwise prints the first bad word, as `who' saw it, and returns 0.
 */
static int
check(u_long pg, uint32_t g, const char *who)
{
	uint32_t *p = data + pg * WORDS;
	u_long w;

	for (w = 0; w < WORDS; w++) {
		if (p[w] != page_word(MAGIC, pg, g, w)) {
			progress_end();
			fprintf(stderr, "vm-test: %s: page %lu word %lu: "
			    "expected 0x%08x, found 0x%08x (generation %u)\n",
			    who, pg, w, page_word(MAGIC, pg, g, w), p[w], g);
			return (0);
		}
	}
	return (1);
}

static void
msleep(int ms)
{
	struct timespec ts, left;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &left) == -1 && errno == EINTR)
		ts = left;
}

/*
 * Print a progress line over the previous one (terminals only).
 */
static void
progress(const char *fmt, ...)
{
	va_list ap;

	if (!tty)
		return;
	printf("\r");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\033[K");
	fflush(stdout);
	shown = 1;
}

/* Clear the progress line, if there is one. */
static void
progress_end(void)
{

	if (!shown)
		return;
	printf("\r\033[K");
	fflush(stdout);
	shown = 0;
}

/*
 * Child c of round r: check CHILD_PAGES pages against the model as it
 * was at the fork, overwrite them with a pattern of its own, apply the
 * pressure (the first child, with -p), hold the pages for a moment,
 * check them again, and exit (or exec /bin/true).  Exits 1 on a
 * mismatch, or if the pressure could not be applied (push_out says
 * why): the round then fails, as it must, for want of its pressure.
 */
static void
child(int r, int c, int exec_true, int pressure)
{
	u_long pgs[CHILD_PAGES], pg;
	uint32_t g;
	char who[48];
	int i;

	snprintf(who, sizeof(who), "round %d child %d", r, c);
	g = CHILD_GEN | ((uint32_t)r << 8) | (uint32_t)c;
	for (i = 0; i < CHILD_PAGES; i++) {
		pg = ((u_long)r * 7 + (u_long)c * 13 +
		    (u_long)i * (npages / CHILD_PAGES)) % npages;
		pgs[i] = pg;
		if (!check(pg, gen[pg], who))
			_exit(1);
		fill(pg, g);
	}
	if (pressure && c == 0 && push_out(getppid(), PUSH_FLOOR, 0) != 0)
		_exit(1);
	msleep(CHILD_SLEEP_MS);
	for (i = 0; i < CHILD_PAGES; i++)
		if (!check(pgs[i], g, who))
			_exit(1);
	if (exec_true) {
		char *av[] = { "true", NULL };

		execv("/bin/true", av);
		fprintf(stderr, "vm-test: %s: exec /bin/true: %s\n", who,
		    strerror(errno));
		_exit(127);
	}
	_exit(0);
}

/*
 * The line after round r.  kinfo_vmsummary needs root: without it the
 * chain figures print as "?" (and the reason once, on stderr).
 */
static void
report(int r)
{
	static int warned;
	struct kinfo_vmsummary ks;

	progress_end();
	if (kinfo_vmsummary(getpid(), &ks) == 0) {
		printf("round %d swap_used %d chain %u hidden_swap %u "
		    "hidden_res %u swapped %u\n", r, sysctl_int("vm.swap_used"),
		    ks.ks_longest_chain, ks.ks_hidden_swap, ks.ks_hidden_res,
		    ks.ks_swapped);
	} else {
		if (!warned++)
			fprintf(stderr, "vm-test: kinfo_vmsummary: %s\n",
			    strerror(errno));
		printf("round %d swap_used %d chain ? hidden_swap ? "
		    "hidden_res ? swapped ?\n", r, sysctl_int("vm.swap_used"));
	}
	fflush(stdout);
}

/*
 * Page j of the nw pages the parent rewrites in round r: the first
 * half at fixed places spread over the region, the second half a
 * window that moves on by its own size each round.
 */
static u_long
rewrite_page(int r, u_long j, u_long nw)
{
	u_long fixed = nw / 2;

	if (j < fixed)
		return (j * (npages / fixed));
	return (((u_long)r * (nw - fixed) + (j - fixed)) % npages);
}

/*
 * Fork the children of round r into pids[].  Returns how many were
 * forked; fewer than nchild only if fork failed for good.
 */
static int
spawn(int r, int nchild, pid_t *pids, int exec_true, int pressure)
{
	pid_t pid;
	int c, tries;

	for (c = 0; c < nchild; c++) {
		for (tries = 0; (pid = fork()) == -1 && errno == EAGAIN &&
		    tries < 50; tries++)
			msleep(100);
		if (pid == -1) {
			progress_end();
			fprintf(stderr, "vm-test: round %d: fork: %s\n", r,
			    strerror(errno));
			break;
		}
		if (pid == 0)
			child(r, c, exec_true, pressure);
		pids[c] = pid;
	}
	return (c);
}

/*
 * Wait for the n children of round r; returns 1 if all exited 0.
 */
static int
reap(int r, int n, const pid_t *pids)
{
	int c, st, ok = 1;

	for (c = 0; c < n; c++) {
		st = 0;
		while (waitpid(pids[c], &st, 0) == -1 && errno == EINTR)
			continue;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			progress_end();
			fprintf(stderr, "vm-test: round %d: child %d ended "
			    "with status 0x%x\n", r, c, st);
			ok = 0;
		}
	}
	return (ok);
}

int
main(int argc, char *argv[])
{
	long rounds = 10, mb = 8, nw = 16, nchild = 2;
	int ch, r, n, quiet = 0, exec_true = 0, pressure = 0, ok = 1;
	pid_t pids[MAXCHILD];
	char who[48];
	u_long pg, j;

	while ((ch = getopt(argc, argv, "c:em:pqr:w:")) != -1) {
		switch (ch) {
		case 'c':
			nchild = number(optarg, ch, 0, MAXCHILD);
			break;
		case 'e':
			exec_true = 1;
			break;
		case 'm':
			mb = number(optarg, ch, 1, 512);
			break;
		case 'p':
			pressure = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'r':
			rounds = number(optarg, ch, 1, 1000000);
			break;
		case 'w':
			nw = number(optarg, ch, 1, 1000000);
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	npages = (u_long)mb * (1024 * 1024 / PGSZ);
	if ((u_long)nw > npages) {
		fprintf(stderr, "vm-test: -w %ld: more than the %lu pages of "
		    "the region\n", nw, npages);
		usage();
	}
	tty = isatty(1);

	data = mmap(NULL, npages * PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (data == MAP_FAILED) {
		fprintf(stderr, "vm-test: mmap %ld MiB: %s\n", mb,
		    strerror(errno));
		return (1);
	}
	if ((gen = calloc(npages, sizeof(*gen))) == NULL) {
		fprintf(stderr, "vm-test: no memory for the model\n");
		return (1);
	}
	for (pg = 0; pg < npages; pg++) {
		if (pg % 256 == 0)
			progress("vm-test: filling %lu/%lu pages", pg, npages);
		gen[pg] = 1;
		fill(pg, 1);
	}

	for (r = 1; r <= rounds && ok; r++) {
		if (quiet)
			progress("vm-test: round %d/%ld", r, rounds);
		n = spawn(r, nchild, pids, exec_true, pressure);
		if (n < nchild)
			ok = 0;
		/* The children hold the old object: rewrite now. */
		snprintf(who, sizeof(who), "round %d parent", r);
		for (j = 0; j < (u_long)nw && ok; j++) {
			pg = rewrite_page(r, j, nw);
			if (!check(pg, gen[pg], who)) {
				ok = 0;
				break;
			}
			gen[pg]++;
			fill(pg, gen[pg]);
		}
		if (!reap(r, n, pids))
			ok = 0;
		if (!quiet && ok)
			report(r);
	}
	if (!ok) {
		progress_end();
		return (1);
	}

	for (pg = 0; pg < npages; pg++) {
		if (pg % 256 == 0)
			progress("vm-test: checking %lu/%lu pages", pg,
			    npages);
		if (!check(pg, gen[pg], "final check")) {
			progress_end();
			return (1);
		}
	}
	progress_end();
	printf("vm-test: %ld rounds, integrity ok\n", rounds);
	return (0);
}
