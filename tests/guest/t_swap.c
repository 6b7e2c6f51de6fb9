/*
 * t_swap.c: paging to swap.  These tests need boots of their own (see
 * tests/guest.sh), and run only with `runtests -g GROUP':
 *
 *	swap		mem=16M, so that a few dozen megabytes must page:
 *			swap-3x, swap-stale, swap-cow-before, swap-cow-after
 *			(with and without the collapse fix), swap-chain
 *			(likewise), swap-oom
 *	fire		mem=16M: collapse-fire, vm-test and a hog for two
 *			minutes with the fix on
 *	eio-write	the swap disk fails the first write after the test
 *			arms it: eio-write
 *	eio-read	the swap disk fails the first read after the test
 *			arms it: eio-read
 *
 * Arming: the test flushes the swap disk's cache (ioctl DIOCCACHESYNC
 * on the first swap device); QEMU's blkdebug sees the flush and moves to a state in
 * which its rule fails the next write (or read) once, so the error hits
 * at a moment the test chose.  While a test runs no other process
 * touches user memory (the runner waits in the kernel, see runner.c),
 * so in eio-read the failing read is the test's own page-in.
 *
 * Every test proves that its own pages went to swap and came back,
 * and fails otherwise: a test that passes without memory pressure has
 * proved nothing, and system-wide counters (vm.stats.pageouts) move
 * just as well when only the pressure process pages.  The proof is in
 * the kernel's per-object counts of the test's own map entry and the
 * chain behind it (kern.proc.vmmap, t_vmentry in vmstate.c): swap
 * blocks held after the pressure, resident pages rising again as the
 * test reads its pages back.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/dkio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	TAG_SWAP	0x5a000000U	/* swap-3x */
#define	TAG_BASE	0x5b000000U	/* the region before a fork */
#define	TAG_CHILD	0x5c000000U	/* the child's writes */
#define	TAG_PARENT	0x5d000000U	/* the parent's writes */
#define	TAG_CANARY	0x5e000000U	/* the canary's pages */
#define	TAG_HOG		0x5f000000U	/* the hog's pages */

/* Managed pages: what "the guest's RAM" means to the VM. */
static unsigned long
ram_pages(void)
{

	return ((unsigned long)t_stat("vm.stats.page_count"));
}

/* A fresh anonymous region of n pages. */
static char *
region(unsigned long n)
{
	void *p;

	p = mmap(NULL, n * T_PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (p == MAP_FAILED)
		FAIL("mmap of %lu pages: %s", n, t_errname(errno));
	return (p);
}

/* Blocks retired on every swap device. */
static unsigned int
swap_retired(void)
{
	struct swapent se[4];
	size_t len = sizeof(se), i;
	unsigned int n = 0;

	if (sysctlbyname("vm.swap_info", se, &len, NULL, 0) == -1)
		FAIL("vm.swap_info: %s", t_errname(errno));
	for (i = 0; i < len / sizeof(se[0]); i++)
		n += se[i].se_nbad;
	return (n);
}

/* vm.pagein_max (the runner puts the boot's value back for each test). */
static void
set_pagein_max(int v)
{

	if (sysctlbyname("vm.pagein_max", NULL, NULL, &v, sizeof(v)) == -1)
		FAIL("vm.pagein_max=%d: %s", v, t_errname(errno));
}

/*
 * The disks /etc/rc swaps on, those of hw.disknames off the secondary
 * IDE channel, as paths in paths[0 .. max - 1]; returns how many.
 */
static int
swap_disks(char (*paths)[80], int max)
{
	char names[64], *name, *next;
	size_t len = sizeof(names);
	int n = 0;

	if (sysctlbyname("hw.disknames", names, &len, NULL, 0) == -1)
		FAIL("hw.disknames: %s", t_errname(errno));
	for (name = names; name != NULL && n < max; name = next) {
		if ((next = strchr(name, ',')) != NULL)
			*next++ = '\0';
		if (strcmp(name, "wd2") != 0 && strcmp(name, "wd3") != 0)
			snprintf(paths[n++], sizeof(paths[0]), "/dev/%s", name);
	}
	return (n);
}

/*
 * The swap disk of these boots: the first disk /etc/rc swaps on, the
 * first in hw.disknames off the secondary IDE channel (/dev/wd0, or
 * /dev/vd0 with DISK=virtio).  It stays the same across swapoff.
 */
static const char *
swap_disk(void)
{
	static char path[80];

	if (path[0] == '\0' && swap_disks(&path, 1) == 0)
		FAIL("no swap disk in hw.disknames");
	return (path);
}

/*
 * Arm the failing disk (see the opening comment): flush the swap
 * disk's cache, which QEMU's blkdebug takes as its cue.
 */
static void
arm_disk_error(void)
{
	int fd, arg = 0;

	if ((fd = open(swap_disk(), O_RDONLY)) == -1)
		FAIL("open %s: %s", swap_disk(), t_errname(errno));
	if (ioctl(fd, DIOCCACHESYNC, &arg) == -1)
		FAIL("DIOCCACHESYNC: %s", t_errname(errno));
	close(fd);
}

/*
 * A region of k * each pages, larger than the RAM, as k mappings of its
 * own, so that the kernel counts each part's pages apart (the parts
 * are the proof that the test's own pages went to swap and came back):
 *	parts_fill	writes the parts in order; they must then hold swap
 *			blocks for all the pages that cannot be in memory
 *			(k * each less the RAM);
 *	parts_check	reads them back in order: every page must hold what
 *			was written, and reading the first part back (the
 *			first written, so the first paged out) must bring
 *			its pages back in: its resident pages rise by at
 *			least each / 4.
 */
#define	MAXPARTS	3

struct parts {
	int		k;
	unsigned long	each;		/* pages per part */
	unsigned int	tag;		/* part i holds pattern tag + i */
	char		*p[MAXPARTS];
	struct t_vmentry filled[MAXPARTS]; /* the counts after the fill */
	unsigned long	swapped;	/* ... their swap blocks, summed */
	struct t_vmentry back;		/* part 0 after it was read back */
};

static void
parts_fill(struct parts *pt, int k, unsigned long each, unsigned int tag)
{
	unsigned long ram = ram_pages(), n = k * each;
	int i;

	EXPECT(k <= MAXPARTS && n > ram, "parts_fill: %d parts of %lu pages",
	    k, each);
	pt->k = k;
	pt->each = each;
	pt->tag = tag;
	pt->swapped = 0;
	for (i = 0; i < k; i++)
		pt->p[i] = region(each);
	for (i = 0; i < k; i++)
		t_fill(pt->p[i], 0, each, tag + (unsigned int)i);
	for (i = 0; i < k; i++) {
		t_vmregion(getpid(), pt->p[i], each, &pt->filled[i]);
		pt->swapped += pt->filled[i].swapped;
	}
	EXPECT(pt->swapped >= n - ram, "after writing %lu pages in %lu pages "
	    "of RAM the region held only %lu swap blocks: its pages did not "
	    "go to swap", n, ram, pt->swapped);
}

static void
parts_check(struct parts *pt, const char *what)
{
	int i;

	for (i = 0; i < pt->k; i++) {
		t_check(pt->p[i], 0, pt->each, pt->tag + (unsigned int)i,
		    what);
		if (i == 0)
			t_vmregion(getpid(), pt->p[0], pt->each, &pt->back);
	}
	EXPECT(pt->back.resident >= pt->filled[0].resident + pt->each / 4,
	    "%s: reading the first %lu pages back took their resident pages "
	    "only from %u to %u: they did not come back from swap", what,
	    pt->each, pt->filled[0].resident, pt->back.resident);
}

static void
parts_unmap(struct parts *pt)
{
	int i;

	for (i = 0; i < pt->k; i++)
		EXPECT_OK(munmap(pt->p[i], pt->each * T_PGSZ));
}

/*
 * With mem=16M, write three times the guest's RAM, page by page, then
 * read it all back: every page must hold what was written, and the
 * test's own pages must have gone to swap and come back (parts_fill,
 * parts_check).
 */
void
test_swap_3x(void)
{
	unsigned long ram = ram_pages();
	struct parts pt;
	int po, pi;
	long t0;

	po = t_stat("vm.stats.pageouts");
	pi = t_stat("vm.stats.pageins");
	t0 = t_now_ms();
	parts_fill(&pt, 3, ram, TAG_SWAP);
	parts_check(&pt, "3x RAM");
	t_printf("  swap-3x: %lu pages (RAM %lu) written and read back in "
	    "%ld ms: %d page-outs, %d page-ins; after the writes the thirds "
	    "held %u, %u, %u swap blocks; reading the first back took its "
	    "resident pages from %u to %u", 3 * ram, ram, t_now_ms() - t0,
	    t_stat("vm.stats.pageouts") - po, t_stat("vm.stats.pageins") - pi,
	    pt.filled[0].swapped, pt.filled[1].swapped, pt.filled[2].swapped,
	    pt.filled[0].resident, pt.back.resident);
	parts_unmap(&pt);
	t_expect_swap_audit("after munmap");
}

/*
 * Pages of region a (n pages, every one written) that are resident and
 * hold a swap block too: clean pages, whose copy on swap is good.  A
 * page is always in memory or on swap, or both, so that is resident +
 * swapped - n (kern.proc.vmmap).  *ve gets the counts.
 */
static long
both_places(const char *a, unsigned long n, struct t_vmentry *ve)
{

	t_vmregion(getpid(), a, n, ve);
	return ((long)ve->resident + (long)ve->swapped - (long)n);
}

/*
 * A swap block is freed as soon as its copy goes stale.  A region A of
 * RAM/4 pages is written, then twice the RAM after it (another region),
 * so that A's pages go to swap (A's own object must hold swap blocks
 * for most of them).  Reading A back brings its pages in clean: they
 * keep their blocks (the copies are still good), so most of A is then
 * both resident and on swap.  Writing A makes every copy stale: no page
 * of A may then be both resident and on swap, i.e. every stale block
 * was freed.  (A rewritten page that the daemon has just started to
 * write out again is briefly both; that goes within a second, so the
 * last check is taken again for up to two seconds.)
 */
void
test_swap_stale(void)
{
	unsigned long ram = ram_pages(), part = ram / 4, rest = 2 * ram;
	struct t_vmentry held, afterread, afterwrite;
	long good, stale;
	char *a, *b;
	int i;

	a = region(part);
	b = region(rest);
	t_fill(a, 0, part, TAG_BASE);
	t_fill(b, 0, rest, TAG_BASE);
	(void)both_places(a, part, &held);
	EXPECT(held.swapped >= part / 2, "A held %u swap blocks for its %lu "
	    "pages after %lu more pages were written in %lu of RAM: its "
	    "pages did not go to swap", held.swapped, part, rest, ram);
	t_check(a, 0, part, TAG_BASE, "read back");
	good = both_places(a, part, &afterread);
	EXPECT(afterread.swapped >= held.swapped, "reading A's %lu pages "
	    "back dropped its swap blocks from %u to %u: good copies were "
	    "freed", part, held.swapped, afterread.swapped);
	EXPECT(good >= (long)part / 4, "after A was read back only %ld of "
	    "its %lu pages were resident with a good copy on swap (%u "
	    "resident, %u blocks): its pages did not come back from swap",
	    good, part, afterread.resident, afterread.swapped);
	t_fill(a, 0, part, TAG_CHILD);
	for (i = 0; i < 20; i++) {
		stale = both_places(a, part, &afterwrite);
		if (stale <= 0)
			break;
		t_msleep(100);
	}
	t_printf("  swap-stale: A, %lu pages: %u blocks after the pressure; "
	    "read back, %u resident and %u blocks (%ld both); rewritten, %u "
	    "resident and %u blocks (%ld both)", part, held.swapped,
	    afterread.resident, afterread.swapped, good, afterwrite.resident,
	    afterwrite.swapped, stale);
	EXPECT(stale <= 0, "%ld of the %lu pages written after a page-in "
	    "still hold their stale swap blocks (%u resident, %u blocks)",
	    stale, part, afterwrite.resident, afterwrite.swapped);
	t_check(a, 0, part, TAG_CHILD, "rewritten part");
	t_check(b, 0, rest, TAG_BASE, "the rest");
	EXPECT_OK(munmap(a, part * T_PGSZ));
	EXPECT_OK(munmap(b, rest * T_PGSZ));
	t_expect_swap_audit("after munmap");
}

/*
 * Copy-on-write both ways when the shared pages are on swap before the
 * fork: t_cow_both (t_cow.c) fills a region of twice the RAM, forks and
 * checks that parent and child each see only their own writes.  When
 * fork shares the region, its object must hold swap blocks for at least
 * the RAM's worth of pages that cannot be in memory; both processes then
 * read every page, so those pages came back from swap, intact.
 */
void
test_swap_cow_before(void)
{
	unsigned long ram = ram_pages(), n = 2 * ram;
	struct t_vmentry atfork;
	char *p;

	p = region(n);
	t_cow_both(p, n, "swapped before the fork", &atfork);
	t_printf("  swap-cow-before: %lu pages (RAM %lu); at the fork %u "
	    "resident, %u on swap", n, ram, atfork.resident, atfork.swapped);
	EXPECT(atfork.swapped >= n - ram, "at the fork the region's object "
	    "held only %u swap blocks for %lu pages in %lu pages of RAM: "
	    "the shared pages were not on swap", atfork.swapped, n, ram);
	EXPECT_OK(munmap(p, n * T_PGSZ));
	t_expect_swap_audit("after munmap");
}

/* A process that fills n pages, so that others' pages go to swap. */
static void
pressure(unsigned long n)
{
	pid_t pid;

	pid = t_fork();
	if (pid == 0) {
		char *p = region(n);

		t_fill(p, 0, n, TAG_HOG);
		t_check(p, 0, n, TAG_HOG, "pressure");
		_exit(0);
	}
	t_expect_exit(pid, 0, "the pressure process");
}

/*
 * Set vm.collapse_pagers (1 the fix, 0 the 4.4BSD rule); returns the
 * old value.  Tests that change it put it back.
 */
static int
set_collapse_pagers(int v)
{
	size_t len;
	int old;

	len = sizeof(old);
	if (sysctlbyname("vm.collapse_pagers", &old, &len, &v,
	    sizeof(v)) == -1)
		FAIL("vm.collapse_pagers=%d: %s", v, t_errname(errno));
	return (old);
}

/*
 * Copy-on-write both ways when the shared pages go to swap after the
 * fork: the region fits in memory when fork shares it; then another
 * process fills twice the RAM, pushing the shared pages out (their
 * object gets a swap pager, and must hold swap blocks for most of the
 * region: kern.proc.vmmap); then the child and the parent write halves
 * and each must see only its own writes, the parent's reading bringing
 * the region's pages back in.  When the child exits, the parent's
 * shadow is left as the only user of the shared object, which now has
 * a pager:
 *	fix 0	4.4BSD refuses to collapse them (refused_pager counts it),
 *		the chain stays two deep and the shared object's blocks
 *		for the parent's half are hidden: the 1993 leak;
 *	fix 1	the collapse migrates the blocks the parent still needs
 *		and frees the hidden ones: a collapse happens and moves
 *		swap blocks, and what is left is one object, no hidden swap.
 * Either way both must read the right data throughout.  (The other
 * entries of the test process may hide a block or two for good: the
 * top of the stack, say, which the runner and every process it forked
 * have written, hides their common ancestor's copy, which no collapse
 * or bypass can free while they all live.  Only the region's entry is
 * looked at.)
 */
static void
swap_cow_after(int fix)
{
	unsigned long ram = ram_pages(), n = ram / 4, h = n / 2;
	struct t_vmentry out, back, end;
	int c2p[2], p2c[2], refused, moved, collapses, old;
	char *p, c;
	pid_t pid;

	old = set_collapse_pagers(fix);
	p = region(n);
	t_fill(p, 0, n, TAG_BASE);
	t_pipe(c2p);
	t_pipe(p2c);
	pid = t_fork();
	if (pid == 0) {
		close(c2p[0]);
		close(p2c[1]);
		if (t_readall(p2c[0], &c, 1) != 1)	/* pressure is over */
			FAIL("child: the parent went away");
		t_check(p, 0, n, TAG_BASE, "child, after the pressure");
		t_fill(p, 0, h, TAG_CHILD);
		t_check(p, 0, h, TAG_CHILD, "child, its own writes");
		t_check(p, h, n - h, TAG_BASE, "child, what it did not write");
		t_writeall(c2p[1], "w", 1);
		if (t_readall(p2c[0], &c, 1) != 1)
			FAIL("child: the parent went away");
		pressure(2 * ram);
		t_check(p, 0, h, TAG_CHILD, "child, at the end");
		t_check(p, h, n - h, TAG_BASE, "child, at the end");
		_exit(0);
	}
	close(c2p[1]);
	close(p2c[0]);
	pressure(2 * ram);
	t_vmregion(getpid(), p, n, &out);
	EXPECT(out.swapped >= n / 2, "after the pressure the shared region "
	    "held %u swap blocks for its %lu pages (%u resident): its pages "
	    "did not go to swap", out.swapped, n, out.resident);
	t_writeall(p2c[1], "g", 1);
	if (t_readall(c2p[0], &c, 1) != 1)
		FAIL("the child failed before writing back: %s",
		    t_statusstr(t_wait(pid), (char [64]){ 0 }, 64));
	t_check(p, 0, n, TAG_BASE, "parent, after the child wrote");
	t_vmregion(getpid(), p, n, &back);
	EXPECT(back.resident >= out.resident + n / 2, "reading the region "
	    "back took its resident pages only from %u to %u: its pages did "
	    "not come back from swap", out.resident, back.resident);
	t_fill(p, h, n - h, TAG_PARENT);
	pressure(2 * ram);
	t_check(p, 0, h, TAG_BASE, "parent, after its own writes");
	t_check(p, h, n - h, TAG_PARENT, "parent, after its own writes");
	refused = t_stat("vm.stats.object.refused_pager");
	moved = t_stat("vm.stats.object.swap_moved");
	collapses = t_stat("vm.stats.object.collapses");
	t_writeall(p2c[1], "g", 1);
	t_expect_exit(pid, 0, "the child");
	t_vmregion(getpid(), p, n, &end);
	t_printf("  swap-cow-after, vm.collapse_pagers=%d: after the pressure "
	    "%u resident, %u on swap; read back, %u resident; chain depth %u, "
	    "%u hidden swap blocks, %d refusals, %d collapses, %d blocks "
	    "moved; %d waits, %d left for later", fix, out.resident,
	    out.swapped, back.resident, end.depth, end.hidden_swap,
	    t_stat("vm.stats.object.refused_pager") - refused,
	    t_stat("vm.stats.object.collapses") - collapses,
	    t_stat("vm.stats.object.swap_moved") - moved,
	    t_stat("vm.stats.object.waits"),
	    t_stat("vm.stats.object.refused_busy"));
	if (fix) {
		EXPECT(t_stat("vm.stats.object.collapses") > collapses,
		    "no collapse happened when the child exited");
		EXPECT(t_stat("vm.stats.object.swap_moved") > moved,
		    "the collapse moved no swap block");
		EXPECT(end.depth == 1, "the chain is %u deep after the child "
		    "exited: the collapse did not happen", end.depth);
		EXPECT(end.hidden_swap == 0, "%u swap blocks hidden after the "
		    "collapse", end.hidden_swap);
	} else {
		EXPECT(t_stat("vm.stats.object.refused_pager") > refused,
		    "no collapse was refused for a pager when the child "
		    "exited");
		EXPECT(end.depth == 2, "the chain is %u deep, not 2, with the "
		    "fix off", end.depth);
		EXPECT(end.hidden_swap > 0, "no hidden swap with the fix off: "
		    "the parent's half should hide the shared object's blocks");
	}
	t_check(p, 0, h, TAG_BASE, "parent, after the child exited");
	t_check(p, h, n - h, TAG_PARENT, "parent, after the child exited");
	EXPECT_OK(munmap(p, n * T_PGSZ));
	set_collapse_pagers(old);
	t_expect_swap_audit("after munmap");
}

void
test_swap_cow_after(void)
{

	swap_cow_after(0);
}

void
test_swap_cow_after_fix(void)
{

	swap_cow_after(1);
}

/*
 * A fully swapped-out chain.  Process 0 (the test) fills a region; it
 * forks 1, which writes every 2nd page and forks 2, which writes every
 * 3rd page and forks 3, and so on to 5, which writes every 6th page:
 * the chain behind 5's region is six objects deep, one per writer.
 * Then memory pressure pages all of it out (5's chain must then hold
 * swap blocks for at least half the region: kern.proc.vmmap), the
 * middle processes 1-4 exit in a random order (each exit leaves an
 * object with one reference, which its shadow collapses), and 5 and 0
 * read every page back from swap (5's chain must then have at least
 * half the region more resident): for each page the nearest writer wins
 * (the highest numbered writer up to the reader, or the test's fill).
 *	fix 1	collapses happen and move swap blocks, and 5's chain is at
 *		most 2 deep (its object and the test's, which the test
 *		still maps);
 *	fix 0	every collapse is refused and the chain stays 6 deep.
 */
#define	CHAIN	6

/* Who wrote page k last, as seen by process `me' of the chain. */
static unsigned int
chain_tag(unsigned long k, int me)
{
	int i;

	for (i = me; i >= 1; i--)
		if (k % (i + 1) == 0)
			return (TAG_CHILD + ((unsigned int)i << 16));
	return (TAG_BASE);
}

static void
chain_check(char *p, unsigned long n, int me)
{
	unsigned long k;

	for (k = 0; k < n; k++)
		t_check(p, k, 1, chain_tag(k, me), me == 0 ? "the test" :
		    "the last of the chain");
}

/*
 * The chain's members, from `me' (1) on: each writes its pages, forks
 * the next (which carries on as me + 1), reports, and obeys: 'x' to
 * exit; 'v' to check every page, answer 'v' and exit at the next byte
 * (so that the test can look at its map after the check).
 */
static void __attribute__((__noreturn__))
chain_member(char *p, unsigned long n, int me, int ctl[][2], int rep)
{
	unsigned long k;
	char c;

	for (;;) {
		for (k = 0; k < n; k += me + 1)
			t_fill(p, k, 1, chain_tag(k, me));
		if (me == CHAIN - 1 || t_fork() != 0)
			break;
		me++;
	}
	/* Report ready (who, and the pid), then wait. */
	t_writeall(rep, (int [2]){ me, getpid() }, 2 * sizeof(int));
	if (t_readall(ctl[me][0], &c, 1) != 1)
		_exit(1);
	if (c == 'v') {
		chain_check(p, n, me);
		t_writeall(rep, "v", 1);
		(void)t_readall(ctl[me][0], &c, 1);
	}
	_exit(0);
}

/* Wait until pid has exited (a zombie, or reaped). */
static void
wait_exited(pid_t pid)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid };
	struct kinfo_proc kp;
	size_t len;
	int i;

	for (i = 0; i < 1000; i++) {
		len = sizeof(kp);
		if (sysctl(mib, 4, &kp, &len, NULL, 0) == -1 ||
		    kp.ki_stat == SZOMB)
			return;
		t_msleep(10);
	}
	FAIL("process %d did not exit", (int)pid);
}

/*
 * Take the swap device away and give it back: swapoff must read every
 * page back, leave no block in use and no device listed, and swapon
 * must work again.  Returns the pages swapoff read back (page-ins).
 */
static int
swapoff_cycle(const char *when)
{
	int pi = t_stat("vm.stats.pageins"), total;

	if (swapoff(swap_disk()) == -1)
		FAIL("%s: swapoff %s: %s", when, swap_disk(), t_errname(errno));
	pi = t_stat("vm.stats.pageins") - pi;
	total = t_stat("vm.swap_total");
	EXPECT(total == 0 && t_stat("vm.swap_used") == 0, "%s: after "
	    "swapoff, %d blocks of swap, %d in use", when, total,
	    t_stat("vm.swap_used"));
	t_expect_swap_audit(when);
	if (swapon(swap_disk()) == -1)
		FAIL("%s: swapon %s again: %s", when, swap_disk(),
		    t_errname(errno));
	return (pi);
}

static void
swap_chain(int fix, int off)
{
	unsigned long ram = ram_pages(), n = ram / 4;
	int ctl[CHAIN][2], rep[2], i, j, old, moved, collapses, pids[CHAIN];
	int order[CHAIN - 2], seed = (int)t_now_ms(), who[2], tmp;
	struct t_vmentry e, out, back;
	pid_t first;
	char *p, c;

	old = set_collapse_pagers(fix);
	p = region(n);
	t_fill(p, 0, n, TAG_BASE);
	for (i = 0; i < CHAIN; i++)
		t_pipe(ctl[i]);
	t_pipe(rep);
	first = t_fork();
	if (first == 0)
		chain_member(p, n, 1, ctl, rep[1]);
	for (i = 1; i < CHAIN; i++) {
		if (t_readall(rep[0], who, sizeof(who)) != sizeof(who) ||
		    who[0] < 1 || who[0] >= CHAIN)
			FAIL("a chain member did not report");
		pids[who[0]] = who[1];
	}
	t_vmentry(pids[CHAIN - 1], p, &e);
	EXPECT(e.depth == CHAIN, "the last member's chain is %u deep, not %d",
	    e.depth, CHAIN);

	pressure(2 * ram);
	t_vmentry(pids[CHAIN - 1], p, &out);
	EXPECT(out.swapped >= n / 2, "after the pressure the last member's "
	    "chain held %u swap blocks for a region of %lu pages (%u "
	    "resident): its pages did not go to swap", out.swapped, n,
	    out.resident);
	if (off) {
		/* The whole 6-deep chain is on the device: take it away. */
		i = swapoff_cycle("swapoff of the 6-deep chain");
		t_printf("  swapoff-chain, vm.collapse_pagers=%d: %d pages "
		    "read back", fix, i);
		EXPECT((unsigned long)i >= n / 2, "swapoff read back only %d "
		    "pages of the chain's %lu", i, n);
	}

	/* The middle exits, in a random order. */
	srand(seed);
	for (i = 0; i < CHAIN - 2; i++)
		order[i] = i + 1;
	for (i = CHAIN - 3; i > 0; i--) {
		j = rand() % (i + 1);
		tmp = order[i], order[i] = order[j], order[j] = tmp;
	}
	moved = t_stat("vm.stats.object.swap_moved");
	collapses = t_stat("vm.stats.object.collapses");
	for (i = 0; i < CHAIN - 2; i++) {
		t_writeall(ctl[order[i]][1], "x", 1);
		wait_exited(pids[order[i]]);
	}
	t_vmentry(pids[CHAIN - 1], p, &e);
	t_printf("  swap-chain, vm.collapse_pagers=%d: exits %d %d %d %d "
	    "(seed %d); chain %u deep, %u hidden swap blocks, %d collapses, "
	    "%d blocks moved", fix, order[0], order[1], order[2], order[3],
	    seed, e.depth, e.hidden_swap, t_stat("vm.stats.object.collapses") -
	    collapses, t_stat("vm.stats.object.swap_moved") - moved);

	/* Every page back from swap, nearest writer first. */
	t_writeall(ctl[CHAIN - 1][1], "v", 1);
	if (t_readall(rep[0], &c, 1) != 1 || c != 'v')
		FAIL("the last member failed its check");
	t_vmentry(pids[CHAIN - 1], p, &back);
	t_writeall(ctl[CHAIN - 1][1], "x", 1);
	wait_exited(pids[CHAIN - 1]);
	chain_check(p, n, 0);
	t_expect_exit(first, 0, "the first member");
	t_printf("  swap-chain: the last member's chain: %u resident, %u on "
	    "swap after the pressure; %u resident after its check", out.resident,
	    out.swapped, back.resident);
	EXPECT(back.resident >= out.resident + n / 2, "the last member's "
	    "check took its chain's resident pages only from %u to %u: its "
	    "pages did not come back from swap", out.resident, back.resident);
	if (fix) {
		EXPECT(e.depth <= 2, "the chain is still %u deep with the fix",
		    e.depth);
		EXPECT(t_stat("vm.stats.object.collapses") > collapses,
		    "no collapse happened");
		/* After a swapoff the chain is all in memory. */
		EXPECT(off || t_stat("vm.stats.object.swap_moved") > moved,
		    "no swap block moved");
	} else
		EXPECT(e.depth == CHAIN, "the chain is %u deep with the fix "
		    "off, not %d", e.depth, CHAIN);
	EXPECT_OK(munmap(p, n * T_PGSZ));
	for (i = 0; i < CHAIN; i++) {
		close(ctl[i][0]);
		close(ctl[i][1]);
	}
	close(rep[0]);
	close(rep[1]);
	set_collapse_pagers(old);
	t_expect_swap_audit("after the chain");
}

void
test_swap_chain(void)
{

	swap_chain(1, 0);
}

void
test_swap_chain_nofix(void)
{

	swap_chain(0, 0);
}

/*
 * swapoff-chain: the 6-deep chain of swap-chain, paged out, then the
 * swap device is taken away and given back before the middle exits:
 * every page comes back, the nearest writer wins.
 */
void
test_swapoff_chain(void)
{

	swap_chain(1, 1);
}

void
test_swapoff_chain_nofix(void)
{

	swap_chain(0, 1);
}

/*
 * swapoff-nomem: a hog of twice the RAM lives (half of it on swap):
 * swapoff must fail with ENOMEM before anything changes, the device
 * must still be listed with the same blocks in use, and the hog's pages
 * must all read back.
 */
void
test_swapoff_nomem(void)
{
	unsigned long ram = ram_pages(), n = 2 * ram;
	int total, used, go[2], ready[2];
	pid_t pid;
	char c;

	t_pipe(go);
	t_pipe(ready);
	pid = t_fork();
	if (pid == 0) {
		char *p = region(n);

		close(go[1]);
		close(ready[0]);
		t_fill(p, 0, n, TAG_HOG);
		t_writeall(ready[1], "r", 1);
		(void)read(go[0], &c, 1);
		t_check(p, 0, n, TAG_HOG, "the hog, after the refused swapoff");
		_exit(0);
	}
	close(go[0]);
	close(ready[1]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "the hog died before it "
	    "filled its %lu pages", n);
	total = t_stat("vm.swap_total");
	used = t_stat("vm.swap_used");
	EXPECT((unsigned long)used >= n - ram, "only %d blocks in use: the "
	    "hog is not on swap", used);
	EXPECT_ERR(swapoff(swap_disk()), ENOMEM);
	EXPECT(t_stat("vm.swap_total") == total, "the device is gone after "
	    "a refused swapoff");
	EXPECT(t_stat("vm.swap_used") >= used, "swap in use fell from %d to "
	    "%d: the refused swapoff changed something", used,
	    t_stat("vm.swap_used"));
	close(go[1]);
	close(ready[0]);
	t_expect_exit(pid, 0, "the hog");
	t_expect_swap_audit("after the refused swapoff");
}

/*
 * swapoff-vmtest: vm-test (3 MiB, two children a round, 600 rounds)
 * runs while its pages are pushed to swap and the swap device is taken
 * away and given back, up to four times (at least twice) before it
 * ends: faults, forks, exits and collapses
 * go on during each swapoff.  vm-test checks every page at the end
 * (exit 0: "integrity ok"); the audits must be clean.
 */
static void
swapoff_vmtest(int fix)
{
	char *av[] = { "vm-test", "-q", "-c", "2", "-r", "600", "-m", "3",
	    NULL };
	unsigned long ram = ram_pages();
	int i, st, old, pi = 0, devnull, cycles = 0;
	pid_t pid;

	if ((devnull = open("/dev/null", O_WRONLY)) == -1)
		FAIL("/dev/null: %s", t_errname(errno));
	old = set_collapse_pagers(fix);
	pid = t_spawn_path("/bin/vm-test", av, environ, -1, devnull);
	for (i = 0, st = -1; i < 4; i++) {
		t_msleep(500);
		if (waitpid(pid, &st, WNOHANG) == pid)
			break;
		pressure(2 * ram);
		pi += swapoff_cycle("swapoff during vm-test");
		cycles++;
	}
	if (i == 4)
		st = t_wait(pid);
	EXPECT(cycles >= 2, "vm-test ended after %d swapoffs", cycles);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "vm-test: %s",
	    t_statusstr(st, (char [64]){ 0 }, 64));
	t_printf("  swapoff-vmtest, vm.collapse_pagers=%d: %d swapoffs, %d "
	    "pages read back", fix, cycles, pi);
	EXPECT(pi > 0, "swapoff never read a page back: nothing was on swap");
	close(devnull);
	set_collapse_pagers(old);
	t_expect_swap_audit("after swapoff during vm-test");
}

void
test_swapoff_vmtest(void)
{

	swapoff_vmtest(1);
}

void
test_swapoff_vmtest_nofix(void)
{

	swapoff_vmtest(0);
}

/*
 * swapoff-eio (a boot like eio-read's): the disk is armed to fail the
 * next read, then the swap device is taken away.  swapoff reads the
 * newest objects first, and the newest object with pages on swap is a
 * child's region: the child made it after everything else it and the
 * test touch, and pushed it out with memory of its own that it gave
 * back before saying it was ready, while the test only waited.  So the
 * page lost is the child's: swapoff completes, the child dies of SIGBUS
 * when it reads its region back, and the test's own paged-out region
 * reads back intact.
 */
void
test_swapoff_eio(void)
{
	unsigned long ram = ram_pages(), n = ram / 2, mine = ram / 8;
	int st, go[2], ready[2], errs;
	char buf[64], c, *q;
	pid_t pid;

	q = region(mine);
	t_fill(q, 0, mine, TAG_PARENT);
	t_pipe(go);
	t_pipe(ready);
	pid = t_fork();
	if (pid == 0) {
		char *p, *h;

		close(go[1]);
		close(ready[0]);
		p = region(n);
		t_fill(p, 0, n, TAG_CHILD);
		h = region(2 * ram);
		t_fill(h, 0, 2 * ram, TAG_HOG);
		if (munmap(h, 2 * ram * T_PGSZ) == -1)
			_exit(4);
		t_writeall(ready[1], "r", 1);
		(void)read(go[0], &c, 1);
		t_check(p, 0, n, TAG_CHILD, "the child, after swapoff");
		_exit(3);		/* nothing was lost: not armed? */
	}
	close(go[0]);
	close(ready[1]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "the child died early");
	errs = t_stat("vm.stats.pagein_errors");
	set_pagein_max(1);	/* as in eio-read: one page a transfer */
	arm_disk_error();
	if (swapoff(swap_disk()) == -1)
		FAIL("swapoff with a failing read: %s", t_errname(errno));
	EXPECT(t_stat("vm.stats.pagein_errors") > errs, "no read failed "
	    "during swapoff");
	close(go[1]);
	st = t_wait(pid);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGBUS, "the child ended "
	    "with %s, not SIGBUS", t_statusstr(st, buf, sizeof(buf)));
	t_check(q, 0, mine, TAG_PARENT, "the test's region, after swapoff");
	EXPECT_OK(munmap(q, mine * T_PGSZ));
	t_expect_swap_audit("after swapoff lost a page");
	if (swapon(swap_disk()) == -1)
		FAIL("swapon again: %s", t_errname(errno));
}

/*
 * swapoff-soak (make soak-swapoff): for RUNTESTS_SOAK_SECONDS (600),
 * vm-test and maild run in loops, each run checking every page it
 * holds, while the swap devices are taken away and given back in turn
 * every few seconds, right after a burst of memory pressure has pushed
 * them to swap (ENOMEM is allowed: the device stays; the soak boot has
 * two disks, so that the other one has room).  Hidden pages are
 * sampled after each cycle.  Every run must pass, no page may be lost,
 * nothing may be hidden (the fix is on), and the audits must be clean.
 */
static void __attribute__((__noreturn__))
soak_loop(char *const av[], const char *path, int stop)
{
	int devnull = open("/dev/null", O_WRONLY), st, runs = 0;
	char c;
	pid_t pid;

	(void)fcntl(stop, F_SETFL, O_NONBLOCK);
	while (read(stop, &c, 1) == -1) {
		pid = t_spawn_path(path, av, environ, -1, devnull);
		st = t_wait(pid);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			t_printf("  swapoff-soak: %s run %d: %s", av[0],
			    runs + 1, t_statusstr(st, (char [64]){ 0 }, 64));
			_exit(1);
		}
		runs++;
	}
	t_printf("  swapoff-soak: %d %s runs, every page checked", runs,
	    av[0]);
	_exit(0);
}

void
test_swapoff_soak(void)
{
	char *vav[] = { "vm-test", "-q", "-c", "2", "-r", "30", "-m", "3",
	    NULL };
	char *mav[] = { "maild", "-m", "2", "-n", "200", "-i", "10", "-c",
	    "2", NULL };
	int secs = 600, stop[2], cycles = 0, refused = 0, st, read0, lost0;
	long maxhidden = 0, res, swap, t0;
	unsigned long ram = ram_pages();
	char disks[4][80];
	const char *env, *dev;
	int ndisks;
	pid_t vm, ml;

	if ((env = getenv("RUNTESTS_SOAK_SECONDS")) != NULL && *env != '\0')
		secs = atoi(env);
	ndisks = swap_disks(disks, 4);
	if (ndisks == 0)
		FAIL("no swap disk in hw.disknames");
	read0 = t_stat("vm.stats.swapoff_read");
	lost0 = t_stat("vm.stats.swapoff_lost");
	t_pipe(stop);
	if ((vm = t_fork()) == 0) {
		close(stop[1]);
		soak_loop(vav, "/bin/vm-test", stop[0]);
	}
	if ((ml = t_fork()) == 0) {
		close(stop[1]);
		soak_loop(mav, "/bin/maild", stop[0]);
	}
	close(stop[0]);
	t0 = t_now_ms();
	while (t_now_ms() - t0 < secs * 1000L) {
		t_msleep(1000);
		pressure(ram + ram / 2);	/* the loads go to swap */
		dev = disks[cycles % ndisks];
		if (swapoff(dev) == -1) {
			EXPECT(errno == ENOMEM, "swapoff %s: %s", dev,
			    t_errname(errno));
			refused++;
		} else if (swapon(dev) == -1)
			FAIL("swapon %s after %d cycles: %s", dev, cycles,
			    t_errname(errno));
		cycles++;
		if (t_hidden_pages(&res, &swap) > maxhidden)
			maxhidden = res + swap;
		if (waitpid(-1, &st, WNOHANG) > 0)
			FAIL("a load loop ended early: %s",
			    t_statusstr(st, (char [64]){ 0 }, 64));
	}
	close(stop[1]);
	t_expect_exit(vm, 0, "the vm-test loop");
	t_expect_exit(ml, 0, "the maild loop");
	t_printf("  swapoff-soak: %d s, %d swapoff cycles (%d refused for "
	    "memory), %d pages read back, %d lost, most hidden %ld", secs,
	    cycles, refused, t_stat("vm.stats.swapoff_read") - read0,
	    t_stat("vm.stats.swapoff_lost") - lost0, maxhidden);
	EXPECT(cycles > refused, "every swapoff was refused");
	EXPECT(t_stat("vm.stats.swapoff_read") > read0, "swapoff never read "
	    "a page back: nothing was on swap");
	EXPECT(t_stat("vm.stats.swapoff_lost") == lost0, "pages were lost "
	    "on a healthy disk");
	EXPECT(maxhidden == 0, "%ld hidden pages at a sample", maxhidden);
	t_expect_swap_audit("after the swapoff soak");
}

/*
 * swapoff-errors: EPERM for a user, EINVAL for a path that is not a
 * swap device (a file, a device not in use for swap), ENOENT and EFAULT
 * as for any path; and the device still works afterwards.
 */
void
test_swapoff_errors(void)
{
	pid_t pid;

	EXPECT_ERR(swapoff("/etc/rc"), EINVAL);
	EXPECT_ERR(swapoff("/dev/null"), EINVAL);
	EXPECT_ERR(swapoff("/no/such/file"), ENOENT);
	EXPECT_ERR(swapoff((const char *)1), EFAULT);
	pid = t_fork();
	if (pid == 0) {
		if (setuid(1000) == -1)
			_exit(2);
		_exit(swapoff(swap_disk()) == -1 && errno == EPERM ? 0 : 1);
	}
	t_expect_exit(pid, 0, "a user's swapoff (EPERM expected)");
	EXPECT(t_stat("vm.swap_total") > 0, "the swap device went away");
}

/*
 * Wait, at most a second, until vm.swap_info shows the swap disk being
 * taken away (SWF_DRAINING) or gone: a swapoff is under way or over.
 */
static void
wait_draining(void)
{
	struct swapent se[4];
	long t0 = t_now_ms();
	size_t len;

	do {
		len = sizeof(se);
		if (sysctlbyname("vm.swap_info", se, &len, NULL, 0) == -1)
			FAIL("vm.swap_info: %s", t_errname(errno));
		if (len < sizeof(se[0]) || (se[0].se_flags & SWF_DRAINING))
			return;
	} while (t_now_ms() - t0 < 1000);
}

/*
 * swapoff-busy: while one swapoff reads a few thousand pages back,
 * another gets EBUSY.  The second call is made as soon as the first
 * shows in vm.swap_info (with DMA disks the first may take only a few
 * milliseconds); if the first still ends before it, that round proves
 * nothing and is made again with twice the work (at most three times).
 */
void
test_swapoff_busy(void)
{
	unsigned long ram = ram_pages(), n = ram / 3;
	int round, st, busy = 0, e;
	pid_t off;
	char *p;

	for (round = 0; round < 3 && !busy; round++, n *= 2) {
		p = region(n);
		t_fill(p, 0, n, TAG_PARENT);
		pressure(2 * ram);		/* our pages go to swap */
		off = t_fork();
		if (off == 0)
			_exit(swapoff(swap_disk()) == 0 ? 0 : 1);
		wait_draining();
		errno = 0;
		e = swapoff(swap_disk()) == -1 ? errno : 0;
		st = t_wait(off);
		EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the first "
		    "swapoff failed");
		EXPECT(e == EBUSY || e == EINVAL, "a swapoff during another "
		    "gave %s, not EBUSY", t_errname(e));
		busy = e == EBUSY;
		t_check(p, 0, n, TAG_PARENT, "our pages after swapoff");
		EXPECT_OK(munmap(p, n * T_PGSZ));
		if (swapon(swap_disk()) == -1)
			FAIL("swapon again: %s", t_errname(errno));
	}
	EXPECT(busy, "three rounds, and the first swapoff always ended "
	    "before the second was made");
}

/*
 * Exhaust memory and swap: a hog allocates and writes until the kernel
 * kills it (SIGKILL from the out-of-memory killer, the largest
 * process); a small canary keeps checking its own pages meanwhile and
 * must survive with them intact, as must the kernel.  While the hog
 * lives the swap blocks of the hog's own objects (kinfo_vmsummary(3))
 * are sampled, every 100 ms by the test and after every chunk by the
 * hog itself: at some sample they must fill at least half the swap, or
 * swap never ran out because of the hog.
 */
void
test_swap_oom(void)
{
	unsigned long cn = 16, chunk = 256, total = 0;
	struct kinfo_vmsummary ks;
	volatile unsigned int *seen;
	unsigned int most;
	int stop[2], st, kills;
	char buf[64], c;
	pid_t canary, hog;
	char *p;

	/*
	 * The hog also notes its own swap after every chunk, in a page it
	 * shares with us: the parent's samples, 100 ms apart, can miss the
	 * peak when paging is fast (with DMA the hog fills 64 MiB of swap
	 * in well under a second).
	 */
	seen = mmap(NULL, T_PGSZ, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANON, -1, 0);
	if (seen == MAP_FAILED)
		FAIL("mmap of a shared page: %s", t_errname(errno));
	*seen = 0;
	kills = t_stat("vm.stats.oom_kills");
	t_pipe(stop);
	canary = t_fork();
	if (canary == 0) {
		close(stop[1]);
		p = region(cn);
		t_fill(p, 0, cn, TAG_CANARY);
		(void)fcntl(stop[0], F_SETFL, O_NONBLOCK);
		for (;;) {
			t_check(p, 0, cn, TAG_CANARY, "canary");
			if (read(stop[0], &c, 1) == 0)
				break;
			t_msleep(100);
		}
		t_check(p, 0, cn, TAG_CANARY, "canary, at the end");
		_exit(0);
	}
	close(stop[0]);
	hog = t_fork();
	if (hog == 0) {
		close(stop[1]);
		for (;;) {
			p = region(chunk);
			t_fill(p, 0, chunk, TAG_HOG + total);
			total += chunk;
			if (kinfo_vmsummary(getpid(), &ks) == 0 &&
			    ks.ks_swapped > *seen)
				*seen = ks.ks_swapped;
		}
	}
	most = t_wait_swapped(hog, &st);
	most = MAX(most, *seen);
	t_printf("  swap-oom: the hog held at most %u swap blocks of %d",
	    most, t_stat("vm.swap_total"));
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	    "the hog ended with %s, not killed by SIGKILL",
	    t_statusstr(st, buf, sizeof(buf)));
	EXPECT(t_stat("vm.stats.oom_kills") > kills,
	    "the hog died, but the out-of-memory killer did not count it");
	EXPECT(most >= (unsigned int)t_stat("vm.swap_total") / 2, "the hog "
	    "held at most %u swap blocks of its own, of %d: swap was never "
	    "filled by it", most, t_stat("vm.swap_total"));
	close(stop[1]);
	t_expect_exit(canary, 0, "the canary");
	t_expect_swap_audit("after the hog died");
	EXPECT_OK(munmap((void *)seen, T_PGSZ));
}

/*
 * The first swap write after arming fails: the pages of that pageout
 * stay dirty and in memory, the blocks are retired, and every page of
 * the region, twice the RAM, still reads back as written, its pages
 * having gone to swap and come back (parts_fill, parts_check).
 */
void
test_eio_write(void)
{
	unsigned long ram = ram_pages();
	struct parts pt;
	unsigned int bad;
	int errs;

	errs = t_stat("vm.stats.pageout_errors");
	bad = swap_retired();
	arm_disk_error();
	parts_fill(&pt, 2, ram, TAG_SWAP);
	parts_check(&pt, "after a failed pageout");
	EXPECT(t_stat("vm.stats.pageout_errors") > errs,
	    "no pageout failed: was the disk armed (blkdebug)?");
	EXPECT(swap_retired() > bad, "the failed blocks were not retired");
	parts_unmap(&pt);
	t_expect_swap_audit("after munmap");
}

/*
 * The first swap read after arming fails: the process that faulted
 * (a child that paged its region out, armed the disk and reads the
 * region back) dies of SIGBUS, and of nothing else (SIGKILL would be
 * the out-of-memory killer, not the failed read); nobody else is hurt,
 * and a region of the test's own, which went to swap meanwhile (its
 * object holds swap blocks for at least half of it), reads back intact.
 */
void
test_eio_read(void)
{
	unsigned long ram = ram_pages(), mine = ram / 2;
	struct t_vmentry out, back;
	struct parts pt;
	int errs, st;
	char buf[64], *q;
	pid_t pid;

	q = region(mine);
	t_fill(q, 0, mine, TAG_PARENT);
	errs = t_stat("vm.stats.pagein_errors");
	pid = t_fork();
	if (pid == 0) {
		parts_fill(&pt, 2, ram, TAG_CHILD);
		/*
		 * One page a read: blkdebug fails a whole transfer, and a
		 * cluster that fails is read again page by page (the error
		 * would be gone by then).
		 */
		set_pagein_max(1);
		arm_disk_error();
		parts_check(&pt, "child, reading back");
		_exit(3);		/* no read failed: not armed? */
	}
	st = t_wait(pid);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGBUS, "the child ended "
	    "with %s, not killed by SIGBUS", t_statusstr(st, buf,
	    sizeof(buf)));
	EXPECT(t_stat("vm.stats.pagein_errors") > errs,
	    "no pagein failed");
	t_vmregion(getpid(), q, mine, &out);
	t_check(q, 0, mine, TAG_PARENT, "the parent's region, afterwards");
	t_vmregion(getpid(), q, mine, &back);
	t_printf("  eio-read: the test's own %lu pages: %u resident and %u "
	    "on swap after the child died, %u resident after reading them",
	    mine, out.resident, out.swapped, back.resident);
	EXPECT(out.swapped >= mine / 2, "the test's own region held %u swap "
	    "blocks for %lu pages after the child's %lu: it did not go to "
	    "swap", out.swapped, mine, 2 * ram);
	EXPECT(back.resident >= out.resident + mine / 4, "reading the test's "
	    "own region took its resident pages only from %u to %u: they "
	    "did not come back from swap", out.resident, back.resident);
	EXPECT_OK(munmap(q, mine * T_PGSZ));
	t_expect_swap_audit("after the child died");
}

/* collapse-fire's vm-test: its data, in MiB and in pages. */
#define	FIRE_MB		"4"
#define	FIRE_PAGES	1024

/*
 * Collapse under fire: with the fix on, vm-test runs again and again
 * (four children a round, its own pressure with -p, every page checked
 * at the end of each run) while a hog keeps rewriting half the RAM, for
 * RUNTESTS_FIRE_SECONDS seconds (120 by default; make soak-collapse
 * runs it longer).  No run may fail, vm-test's own pages must have gone
 * to swap (the swap blocks of its objects, sampled while it runs,
 * t_wait_swapped), collapses must really have moved swap, and the
 * audits must be clean afterwards.
 */
void
test_collapse_fire(void)
{
	char *av[] = { "vm-test", "-q", "-p", "-c", "4", "-r", "20", "-m",
	    FIRE_MB, NULL };
	unsigned long ram = ram_pages();
	int secs = 120, runs = 0, st, old, moved, po, devnull;
	unsigned int own, most = 0;
	const char *env;
	pid_t hog, pid;
	long t0;

	if ((env = getenv("RUNTESTS_FIRE_SECONDS")) != NULL)
		secs = atoi(env);
	if ((devnull = open("/dev/null", O_WRONLY)) == -1)
		FAIL("/dev/null: %s", t_errname(errno));
	old = set_collapse_pagers(1);
	moved = t_stat("vm.stats.object.swap_moved");
	po = t_stat("vm.stats.pageouts");
	hog = t_fork();
	if (hog == 0) {
		char *p = region(ram / 2);

		for (;;)
			t_fill(p, 0, ram / 2, TAG_HOG);
	}
	t0 = t_now_ms();
	while (t_now_ms() - t0 < secs * 1000L) {
		/* Its progress line is for people; errors still show. */
		pid = t_spawn_path("/bin/vm-test", av, environ, -1, devnull);
		own = t_wait_swapped(pid, &st);
		most = MAX(most, own);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			kill(hog, SIGKILL);
			t_wait(hog);
			FAIL("vm-test run %d: %s", runs + 1,
			    t_statusstr(st, (char [64]){ 0 }, 64));
		}
		runs++;
	}
	kill(hog, SIGKILL);
	t_expect_signal(hog, SIGKILL, "the hog");
	t_printf("  collapse-fire: %d vm-test runs of 20 rounds in %d s, %d "
	    "swap blocks moved by collapse, %d page-outs; vm-test held at "
	    "most %u swap blocks of its own", runs, secs,
	    t_stat("vm.stats.object.swap_moved") - moved,
	    t_stat("vm.stats.pageouts") - po, most);
	EXPECT(most >= FIRE_PAGES / 4, "vm-test held at most %u swap blocks "
	    "of its own, of its %d pages: no fire", most, FIRE_PAGES);
	EXPECT(t_stat("vm.stats.object.swap_moved") > moved,
	    "no collapse moved a swap block");
	close(devnull);
	set_collapse_pagers(old);
	t_expect_swap_audit("after the fire");
}
