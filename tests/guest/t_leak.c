/*
 * t_leak.c: the 1993 leak, shown and fixed, with the two programs that
 * reproduce it: maild (tests/maild: a daemon that forks and executes
 * /bin/deliver for every request) and vm-test (tests/vm-test: a process
 * that forks children over and over while rewriting its data).  These
 * tests need the "leak" boot (mem=16M with swap; tests/guest.sh) and
 * run with `runtests -g leak':
 *
 *	leak-nopressure		nothing pages: with 4.4BSD's rules
 *				(vm.collapse_pagers=0) nothing is hidden on
 *				swap, though chains grow (4.4BSD collapses
 *				only at a write while no child shares the
 *				object behind); with the fix, chains stay
 *				short and nothing is hidden at all
 *	leak-maild-nofix	vm.collapse_pagers=0, 100 maild requests
 *				under pressure: the chain and the hidden
 *				swap grow with the forks, and the swap comes
 *				back only when maild exits
 *	leak-vmtest-nofix	the same with 100 rounds of vm-test
 *	fix-maild		vm.collapse_pagers=1, 500 maild requests:
 *				the chain stays short, nothing is hidden,
 *				swap stays within the live data (checked
 *				every 50 requests; the first sample out of
 *				bounds fails the test at once)
 *	fix-vmtest		the same with 200 rounds of vm-test,
 *				every round checked
 *
 * Pressure.  A chain grows only if the workload's newest object is given
 * a swap pager before the child sharing the object behind it goes, and
 * the pageout daemon reaches the newest pages last.  So the pressure is
 * applied by the workload itself, at that moment: `maild -p N' makes
 * every Nth deliver, and `vm-test -p' the first child of every round,
 * write fresh memory until the parent's anonymous pages are out of
 * memory (see vm-test.c); a delivery or child that cannot apply it
 * fails, and so does the test.  Every test checks that the workload's
 * own pages really went to swap (the swap blocks its own objects hold,
 * on its status lines), or, in leak-nopressure, that no page anywhere
 * did (vm.stats.pageouts).
 *
 * Measurements.  maild prints a status line when asked (SYNC, after its
 * children have been waited for), vm-test one per round (after its
 * children have been waited for): swap in use (vm.swap_used), and from
 * kinfo_vmsummary(3) on itself its longest chain, its hidden pages and
 * the swap blocks its objects hold.
 * The tests read those lines through pipes and check growth and
 * recovery, never exact figures; each prints what it saw on a note
 * line.  With the fix on, collapses must also have happened and moved
 * swap (vm.stats.object.collapses and swap_moved rose).
 *
 * Each test sets vm.collapse_pagers for its body, which runs in a child
 * of its own, and sets it back to 1 afterwards whatever the body did
 * (a failing body's reason is passed on as the test's).  A missing
 * vm.collapse_pagers fails the test: the kernel does not have the fix.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	MAILD		"/bin/maild"
#define	SENDMSG		"/bin/sendmsg"
#define	VMTEST		"/bin/vm-test"

/*
 * The workloads.  maild: 6 MiB (1536 pages), one delivery at a time,
 * every fifth pushing maild out of memory.  vm-test: 8 MiB (2048 pages),
 * 16 pages rewritten per round, pushed out every round.
 */
#define	MAILD_MB	"6"
#define	MAILD_PAGES	1536
#define	MAILD_PEVERY	"5"
#define	VMTEST_MB	"8"
#define	VMTEST_PAGES	2048

/*
 * What the fix must achieve (fix-maild, fix-vmtest): the longest chain
 * (a private data segment is an anonymous object in front of its
 * file's: 2 is the least there is), the hidden swap blocks (at most
 * T_FIX_HIDDEN, runtests.h), and swap in use beyond the live data
 * (pages of other processes pushed out with the workload's: the runner,
 * init, the test itself).
 */
#define	FIX_CHAIN	2
#define	SWAP_SLACK	256

/* One status line of maild or vm-test. */
struct sample {
	int		n;		/* requests, or rounds */
	int		swap;		/* vm.swap_used */
	unsigned int	chain;		/* longest chain */
	unsigned int	hswap;		/* hidden swap blocks */
	unsigned int	hres;		/* hidden resident pages */
	unsigned int	own;		/* swap blocks of its own objects */
};

/* A maild under test: requests go in, status lines come out. */
struct maild {
	pid_t		pid;
	int		in;		/* its standard input, our end */
	int		out;		/* its standard output, our end */
};

/*
 * The collapse counters: taken before a body with the fix on, then
 * expect_collapsed requires that collapses happened and moved swap
 * blocks meanwhile (the fix at work, not merely short chains).
 */
struct collapses {
	int		collapses;	/* vm.stats.object.collapses */
	int		moved;		/* vm.stats.object.swap_moved */
};

static void
collapses_take(struct collapses *c)
{

	c->collapses = t_stat("vm.stats.object.collapses");
	c->moved = t_stat("vm.stats.object.swap_moved");
}

static void
expect_collapsed(const struct collapses *before, const char *who)
{
	struct collapses now;

	collapses_take(&now);
	t_printf("  %s: %d collapses, %d swap blocks moved", who,
	    now.collapses - before->collapses, now.moved - before->moved);
	EXPECT(now.collapses > before->collapses, "%s: no collapse "
	    "happened (vm.stats.object.collapses stayed %d)", who,
	    now.collapses);
	EXPECT(now.moved > before->moved, "%s: the collapses moved no swap "
	    "block (vm.stats.object.swap_moved stayed %d)", who, now.moved);
}

/*
 * The workload's own pages must have gone to swap: at least half of
 * its working set of `pages' on swap at some status line (most): the
 * pressure reached it, not only other processes.
 */
static void
expect_own_swap(const char *who, unsigned int most, int pages)
{

	EXPECT(most >= (unsigned int)pages / 2, "%s held at most %u swap "
	    "blocks of its own at any status line, less than half its %d "
	    "pages: the pressure did not push it out", who, most, pages);
}

/*
 * Set vm.collapse_pagers to v.  Fails the test, saying why, if the
 * kernel has no such node (the fix is not there) or refuses.
 */
static void
set_collapse(int v)
{

	if (sysctlbyname("vm.collapse_pagers", NULL, NULL, &v,
	    sizeof(v)) == -1) {
		if (errno == ENOENT)
			FAIL("vm.collapse_pagers: no such sysctl: this kernel "
			    "has no switch for the collapse fix");
		FAIL("sysctl -w vm.collapse_pagers=%d: %s", v,
		    t_errname(errno));
	}
}

/* The fix on: what every test leaves behind it. */
static void
collapse_on(void)
{

	set_collapse(1);
}

/*
 * Run body with vm.collapse_pagers set to mode, in a child of its own
 * (t_subtest: its failure becomes the test's), then set the switch back
 * to 1 whatever the body did.
 */
static void
with_collapse(int mode, void (*body)(void))
{

	set_collapse(mode);
	t_subtest(body, collapse_on);
}

/*
 * Read one line (without its newline) from fd into buf.  Returns its
 * length, or -1 at the end of the input.
 */
static int
readline(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;
	char c;

	for (;;) {
		n = read(fd, &c, 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			FAIL("read(%d): %s", fd, t_errname(errno));
		if (n == 0)
			break;
		if (c == '\n')
			break;
		if (len < size - 1)
			buf[len++] = c;
	}
	buf[len] = '\0';
	return (n == 0 && len == 0 ? -1 : (int)len);
}

/*
 * Parse the figures of a status line, from the word that begins with
 * `first' ("requests" or "round") on.  Returns 1 if it is one.
 */
static int
parse(const char *line, const char *first, struct sample *s)
{
	char fmt[128];
	const char *p;

	if ((p = strstr(line, first)) == NULL)
		return (0);
	snprintf(fmt, sizeof(fmt), "%s %%d swap_used %%d chain %%u "
	    "hidden_swap %%u hidden_res %%u swapped %%u", first);
	return (sscanf(p, fmt, &s->n, &s->swap, &s->chain, &s->hswap,
	    &s->hres, &s->own) == 6);
}

/*
 * Start maild with the given options (argv[0] "maild", NULL-terminated),
 * requests coming from a pipe of ours, status lines going to another.
 */
static void
maild_start(struct maild *m, char *const argv[])
{

	m->pid = t_spawn_pipes(MAILD, argv, &m->in, &m->out);
}

/*
 * Have sendmsg write n requests (to user1 ... usern) and a SYNC into
 * maild, and read the status line maild prints once every delivery has
 * finished.
 */
static void
maild_batch(struct maild *m, int n, struct sample *s)
{
	char count[16], line[256];
	char *av[] = { "sendmsg", "-y", "-b", "512", "-n", count, "user#",
	    NULL };
	pid_t pid;

	snprintf(count, sizeof(count), "%d", n);
	pid = t_spawn_path(SENDMSG, av, environ, -1, m->in);
	t_expect_exit(pid, 0, "sendmsg");
	for (;;) {
		if (readline(m->out, line, sizeof(line)) == -1)
			FAIL("maild ended before answering SYNC: %s",
			    t_statusstr(t_wait(m->pid), (char [64]){ 0 }, 64));
		if (strncmp(line, "maild: requests ", 16) == 0)
			break;
		t_printf("  %s", line);
	}
	if (!parse(line, "requests", s))
		FAIL("maild's status line makes no sense: %s", line);
	if (strstr(line, "failed 0") == NULL)
		FAIL("deliveries failed: %s", line);
}

/*
 * End maild's input, read its last lines ("maild: done ..." and the
 * verdict on its working set) and require exit status 0.
 */
static void
maild_stop(struct maild *m, struct sample *s)
{
	char line[256];
	int ok = 0, done = 0;

	close(m->in);
	while (readline(m->out, line, sizeof(line)) != -1) {
		if (strncmp(line, "maild: done ", 12) == 0)
			done = parse(line, "requests", s);
		else if (strstr(line, "integrity ok") != NULL)
			ok = 1;
		else
			t_printf("  %s", line);
	}
	close(m->out);
	t_expect_exit(m->pid, 0, "maild");
	EXPECT(done && ok, "maild exited 0 without its final lines");
}

/*
 * Run vm-test with argv (argv[0] "vm-test"), its output on a pipe, and
 * call each(sample, arg) for every round line; each returns 0 to stop
 * early (vm-test is then killed).  Requires "integrity ok" and exit
 * status 0 from a run that was not stopped.  Returns the rounds seen.
 */
static int
vmtest_run(char *const argv[], int (*each)(const struct sample *, void *),
    void *arg)
{
	struct sample s;
	char line[256];
	int p[2], rounds = 0, ok = 0, stopped = 0;
	pid_t pid;

	t_pipe(p);
	pid = t_spawn_path(VMTEST, argv, environ, -1, p[1]);
	close(p[1]);
	while (readline(p[0], line, sizeof(line)) != -1) {
		if (parse(line, "round", &s)) {
			rounds++;
			if (!stopped && !each(&s, arg)) {
				stopped = 1;
				(void)kill(pid, SIGKILL);
			}
		} else if (strstr(line, "integrity ok") != NULL)
			ok = 1;
		else
			t_printf("  %s", line);
	}
	close(p[0]);
	if (stopped) {
		(void)t_wait(pid);
		return (rounds);
	}
	t_expect_exit(pid, 0, "vm-test");
	EXPECT(ok, "vm-test exited 0 without \"integrity ok\"");
	return (rounds);
}

/*
 * leak-nopressure.  maild with a 1 MiB working set, 40 requests in four
 * batches, then 30 rounds of vm-test with 1 MiB, on a machine that does
 * not page: once with 4.4BSD's rules (vm.collapse_pagers=0), once with
 * the fix.  Nothing is paged out, so nothing can be hidden on swap
 * either way.  4.4BSD collapses only at a copy-on-write fault, and its
 * loop stops at the first backing object someone else still shares: a
 * parent that writes while its newest child lives never collapses, so
 * its chain grows even without paging (its hidden pages stay resident).
 * The fix keeps the chain at most 3 deep and hides nothing at all.
 */
struct nop {
	unsigned int	maxchain;
	unsigned int	maxhidden;	/* swap blocks */
	unsigned int	maxhres;	/* resident pages */
};

static int
nop_round(const struct sample *s, void *arg)
{
	struct nop *np = arg;

	np->maxchain = MAX(np->maxchain, s->chain);
	np->maxhidden = MAX(np->maxhidden, s->hswap);
	np->maxhres = MAX(np->maxhres, s->hres);
	return (1);
}

static void
nopressure_run(struct nop *mnp, struct nop *vnp)
{
	char *mav[] = { "maild", "-m", "1", "-c", "1", NULL };
	char *vav[] = { "vm-test", "-m", "1", "-r", "30", NULL };
	struct maild m;
	struct sample s;
	int po, i, rounds;
	long t0 = t_now_ms();

	memset(mnp, 0, sizeof(*mnp));
	memset(vnp, 0, sizeof(*vnp));
	po = t_stat("vm.stats.pageouts");
	maild_start(&m, mav);
	for (i = 0; i < 4; i++) {
		maild_batch(&m, 10, &s);
		nop_round(&s, mnp);
	}
	maild_stop(&m, &s);
	nop_round(&s, mnp);
	rounds = vmtest_run(vav, nop_round, vnp);
	po = t_stat("vm.stats.pageouts") - po;
	t_printf("  leak-nopressure (vm.collapse_pagers=%d): maild 40 "
	    "requests: longest chain %u, hidden %u resident, %u swap; "
	    "vm-test %d rounds: longest chain %u, hidden %u resident, %u "
	    "swap; %d page-outs; %ld ms", t_stat("vm.collapse_pagers"),
	    mnp->maxchain, mnp->maxhres, mnp->maxhidden, rounds,
	    vnp->maxchain, vnp->maxhres, vnp->maxhidden, po,
	    t_now_ms() - t0);
	EXPECT(po == 0, "%d pages were paged out: this test needs a machine "
	    "that does not page", po);
	EXPECT(rounds == 30, "vm-test printed %d round lines, not 30", rounds);
	EXPECT(mnp->maxhidden == 0 && vnp->maxhidden == 0, "swap hidden "
	    "without paging: maild %u, vm-test %u blocks", mnp->maxhidden,
	    vnp->maxhidden);
}

static void
nopressure_body(void)
{
	struct nop m0, v0, m1, v1;

	nopressure_run(&m0, &v0);
	set_collapse(1);
	nopressure_run(&m1, &v1);
	EXPECT(m1.maxchain <= 3 && v1.maxchain <= 3, "with the fix, chains "
	    "grew without paging: maild %u deep, vm-test %u deep (at most 3 "
	    "expected)", m1.maxchain, v1.maxchain);
	EXPECT(m1.maxhres == 0 && v1.maxhres == 0, "with the fix, pages were "
	    "hidden: maild %u, vm-test %u", m1.maxhres, v1.maxhres);
}

void
test_leak_nopressure(void)
{

	with_collapse(0, nopressure_body);
}

/*
 * leak-maild-nofix.  100 requests under pressure, sampled after 20 and
 * after 100: the chain and the hidden swap grow with the forks, the
 * swap stays in use while maild lives (idle, its children gone), and
 * comes back when it exits.
 */
static void
maild_nofix_body(void)
{
	char *av[] = { "maild", "-m", MAILD_MB, "-c", "1", "-p",
	    MAILD_PEVERY, NULL };
	struct sample s20, s100, fin;
	struct maild m;
	int swap0, alive, end, po;
	long t0 = t_now_ms();

	swap0 = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts");
	maild_start(&m, av);
	maild_batch(&m, 20, &s20);
	maild_batch(&m, 80, &s100);
	alive = t_stat("vm.swap_used");
	maild_stop(&m, &fin);
	end = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts") - po;
	t_printf("  leak-maild-nofix: after 20 requests chain %u, hidden "
	    "swap %u, own swap %u; after 100 chain %u, hidden swap %u, own "
	    "swap %u; swap in use %d before, %d with maild idle, %d after "
	    "it; %d page-outs; %ld ms", s20.chain, s20.hswap, s20.own,
	    s100.chain, s100.hswap, s100.own, swap0, alive, end, po,
	    t_now_ms() - t0);
	expect_own_swap("maild", MAX(s20.own, s100.own), MAILD_PAGES);
	EXPECT(s100.chain >= s20.chain + 8, "the chain did not grow with "
	    "the forks: %u deep after 20 requests, %u after 100", s20.chain,
	    s100.chain);
	EXPECT(s100.hswap >= s20.hswap + 80, "hidden swap did not grow with "
	    "the forks: %u blocks after 20 requests, %u after 100",
	    s20.hswap, s100.hswap);
	EXPECT(alive >= swap0 + (int)s100.hswap, "swap in use %d with maild "
	    "idle, %d before it started: the %u hidden blocks are not held",
	    alive, swap0, s100.hswap);
	EXPECT(alive - end >= (int)s100.hswap, "maild's exit gave back only "
	    "%d swap blocks (%d -> %d), though %u were hidden", alive - end,
	    alive, end, s100.hswap);
	EXPECT(end <= swap0 + SWAP_SLACK, "swap in use %d after maild "
	    "exited, %d before it started", end, swap0);
}

void
test_leak_maild_nofix(void)
{

	with_collapse(0, maild_nofix_body);
}

/*
 * leak-vmtest-nofix.  100 rounds of vm-test under pressure: the chain
 * and the hidden swap grow from round 20 to round 100, the swap is held
 * while vm-test lives and comes back when it exits.
 */
struct grow {
	struct sample	s20;
	struct sample	last;
	unsigned int	maxown;		/* most own swap at a round */
};

static int
grow_round(const struct sample *s, void *arg)
{
	struct grow *g = arg;

	if (s->n == 20)
		g->s20 = *s;
	g->last = *s;
	g->maxown = MAX(g->maxown, s->own);
	return (1);
}

static void
vmtest_nofix_body(void)
{
	char *av[] = { "vm-test", "-p", "-m", VMTEST_MB, "-r", "100", NULL };
	struct grow g;
	int swap0, end, po, rounds;
	long t0 = t_now_ms();

	memset(&g, 0, sizeof(g));
	swap0 = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts");
	rounds = vmtest_run(av, grow_round, &g);
	end = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts") - po;
	t_printf("  leak-vmtest-nofix: round 20 chain %u, hidden swap %u; "
	    "round %d chain %u, hidden swap %u; swap in use %d before, %d "
	    "at round %d, %d after; own swap at most %u; %d page-outs; %ld "
	    "ms", g.s20.chain, g.s20.hswap, g.last.n, g.last.chain,
	    g.last.hswap, swap0, g.last.swap, g.last.n, end, g.maxown, po,
	    t_now_ms() - t0);
	EXPECT(rounds == 100, "vm-test printed %d round lines, not 100",
	    rounds);
	expect_own_swap("vm-test", g.maxown, VMTEST_PAGES);
	EXPECT(g.last.chain >= g.s20.chain + 20, "the chain did not grow "
	    "with the forks: %u deep at round 20, %u at round 100",
	    g.s20.chain, g.last.chain);
	EXPECT(g.last.hswap >= g.s20.hswap + 160, "hidden swap did not grow "
	    "with the forks: %u blocks at round 20, %u at round 100",
	    g.s20.hswap, g.last.hswap);
	EXPECT(g.last.swap >= swap0 + (int)g.last.hswap, "swap in use %d at "
	    "round 100, %d before: the %u hidden blocks are not held",
	    g.last.swap, swap0, g.last.hswap);
	EXPECT(g.last.swap - end >= (int)g.last.hswap, "vm-test's exit gave "
	    "back only %d swap blocks (%d -> %d), though %u were hidden",
	    g.last.swap - end, g.last.swap, end, g.last.hswap);
	EXPECT(end <= swap0 + SWAP_SLACK, "swap in use %d after vm-test "
	    "exited, %d before it started", end, swap0);
}

void
test_leak_vmtest_nofix(void)
{

	with_collapse(0, vmtest_nofix_body);
}

/*
 * Check one sample of a run with the fix: fails, naming what, unless
 * the chain, the hidden swap and the swap in use are within bounds
 * (live: the workload's own pages, all of which may be on swap).
 */
static void
fix_check(const char *what, const struct sample *s, int swap0, int live)
{

	EXPECT(s->chain <= FIX_CHAIN && s->hswap <= T_FIX_HIDDEN &&
	    s->swap <= swap0 + live + SWAP_SLACK, "vm.collapse_pagers=1, %s "
	    "%d: longest chain %u (at most %d expected), hidden swap %u (at "
	    "most %d), swap in use %d (at most %d + %d live + %d)", what,
	    s->n, s->chain, FIX_CHAIN, s->hswap, T_FIX_HIDDEN, s->swap, swap0,
	    live, SWAP_SLACK);
}

/*
 * fix-maild.  500 requests under the same pressure as leak-maild-nofix,
 * in batches of 50, each checked: the chain stays short, nothing stays
 * hidden, swap stays within maild's working set; and it all comes back
 * at exit.
 */
static void
maild_fix_body(void)
{
	char *av[] = { "maild", "-m", MAILD_MB, "-c", "1", "-p",
	    MAILD_PEVERY, NULL };
	struct sample s, fin;
	struct maild m;
	struct collapses c0;
	unsigned int maxchain = 0, maxhidden = 0, maxown = 0;
	int swap0, maxswap = 0, end, po, i;
	long t0 = t_now_ms();

	swap0 = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts");
	collapses_take(&c0);
	maild_start(&m, av);
	for (i = 0; i < 10; i++) {
		maild_batch(&m, 50, &s);
		maxchain = MAX(maxchain, s.chain);
		maxhidden = MAX(maxhidden, s.hswap);
		maxswap = MAX(maxswap, s.swap);
		maxown = MAX(maxown, s.own);
		fix_check("requests", &s, swap0, MAILD_PAGES);
	}
	maild_stop(&m, &fin);
	end = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts") - po;
	t_printf("  fix-maild: 500 requests: longest chain %u, hidden swap "
	    "at most %u; swap in use %d before, at most %d, %d after; own "
	    "swap at most %u; %d page-outs; %ld ms", maxchain, maxhidden,
	    swap0, maxswap, end, maxown, po, t_now_ms() - t0);
	expect_own_swap("maild", maxown, MAILD_PAGES);
	expect_collapsed(&c0, "fix-maild");
	EXPECT(end <= swap0 + SWAP_SLACK, "swap in use %d after maild "
	    "exited, %d before it started", end, swap0);
}

void
test_fix_maild(void)
{

	with_collapse(1, maild_fix_body);
}

/*
 * fix-vmtest.  200 rounds under the same pressure as leak-vmtest-nofix,
 * every round checked.
 */
struct fixrun {
	int		swap0;
	unsigned int	maxchain;
	unsigned int	maxhidden;
	unsigned int	maxown;
	int		maxswap;
	struct sample	bad;		/* the first round out of bounds */
	int		failed;
};

static int
fix_round(const struct sample *s, void *arg)
{
	struct fixrun *f = arg;

	f->maxchain = MAX(f->maxchain, s->chain);
	f->maxhidden = MAX(f->maxhidden, s->hswap);
	f->maxswap = MAX(f->maxswap, s->swap);
	f->maxown = MAX(f->maxown, s->own);
	if (s->chain <= FIX_CHAIN && s->hswap <= T_FIX_HIDDEN &&
	    s->swap <= f->swap0 + VMTEST_PAGES + SWAP_SLACK)
		return (1);
	f->bad = *s;
	f->failed = 1;
	return (0);
}

static void
vmtest_fix_body(void)
{
	char *av[] = { "vm-test", "-p", "-m", VMTEST_MB, "-r", "200", NULL };
	struct fixrun f;
	struct collapses c0;
	int end, po, rounds;
	long t0 = t_now_ms();

	memset(&f, 0, sizeof(f));
	f.swap0 = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts");
	collapses_take(&c0);
	rounds = vmtest_run(av, fix_round, &f);
	end = t_stat("vm.swap_used");
	po = t_stat("vm.stats.pageouts") - po;
	if (f.failed)
		fix_check("round", &f.bad, f.swap0, VMTEST_PAGES);
	t_printf("  fix-vmtest: %d rounds: longest chain %u, hidden swap at "
	    "most %u; swap in use %d before, at most %d, %d after; own swap "
	    "at most %u; %d page-outs; %ld ms", rounds, f.maxchain,
	    f.maxhidden, f.swap0, f.maxswap, end, f.maxown, po,
	    t_now_ms() - t0);
	EXPECT(rounds == 200, "vm-test printed %d round lines, not 200",
	    rounds);
	expect_own_swap("vm-test", f.maxown, VMTEST_PAGES);
	expect_collapsed(&c0, "fix-vmtest");
	EXPECT(end <= f.swap0 + SWAP_SLACK, "swap in use %d after vm-test "
	    "exited, %d before it started", end, f.swap0);
}

void
test_fix_vmtest(void)
{

	with_collapse(1, vmtest_fix_body);
}
