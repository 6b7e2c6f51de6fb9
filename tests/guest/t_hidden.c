/*
 * t_hidden.c: no hidden page, ever.  A page (resident, or a swap block)
 * of an anonymous object is hidden when no map entry can read it any
 * more (sys/vm/vm_object.c, "No hidden pages, ever").  With the fix on
 * (vm.collapse_pagers=1) the kernel frees such pages as soon as they
 * become hidden; with 4.4BSD's rules (0) they stay until their object
 * dies.  Each test builds one of the shapes that hide pages, samples
 * the hidden pages of every object in the system (vm.objects) while the
 * shape is alive, and runs twice: with the fix on, every sample must be
 * 0; with it off, some sample must be above 0, which proves the shape
 * really hides pages (and that the test can fail).
 *
 *	hidden-prefork	a preforking server: a master with 2 MiB keeps
 *			4 workers, replaces the two oldest every
 *			generation (both forked from the same state);
 *			each worker writes the first half and reads the
 *			rest, the master rewrites all of it
 *	hidden-stacktop	a parent and three children all write the top of
 *			the stack they share
 *	hidden-split	an entry split by mprotect, shared by fork; the
 *			child goes, the parent writes one piece
 *	hidden-unmap	munmap of part of an entry, of a piece split by
 *			mprotect (before and after a fork), and sbrk
 *			shrinking: with the fix, the memory really comes
 *			back (free pages and swap in use return to where
 *			they were, within HIDDEN_SLACK pages)
 *
 * They need the "hidden" boot (mem=16M with swap; tests/guest.sh), and
 * run with `runtests -g hidden'.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	P		T_PGSZ
#define	RW		(PROT_READ | PROT_WRITE)
#define	ANON		(MAP_ANON | MAP_PRIVATE)
#define	TAG_HID		0x48000000U

/*
 * Free pages and swap in use may differ from where they were by this
 * much after memory is given back: page tables, a kernel malloc bucket,
 * the samples' own buffers.
 */
#define	HIDDEN_SLACK	16

struct hidden {
	unsigned long	res;		/* hidden resident pages */
	unsigned long	swap;		/* hidden swap blocks */
};

static int
hd_stat(const char *name)
{
	int v, e;

	if ((e = t_sysctl_int(name, &v)) != 0)
		FAIL("sysctl %s: %s", name, t_errname(e));
	return (v);
}

static void
hd_set_collapse(int v)
{

	if (sysctlbyname("vm.collapse_pagers", NULL, NULL, &v,
	    sizeof(v)) == -1)
		FAIL("sysctl -w vm.collapse_pagers=%d: %s", v,
		    t_errname(errno));
}

/* The hidden pages of every object alive (vm.objects). */
static struct hidden
hd_count(void)
{
	struct hidden h;
	long res, swap;

	if (t_hidden_pages(&res, &swap) == -1)
		FAIL("vm.objects: %s", t_errname(errno));
	h.res = res;
	h.swap = swap;
	return (h);
}

/*
 * One sample: the largest total seen so far goes to *max.  With the fix
 * on, a sample above 0 fails the test there and then, naming `when'.
 */
static void
hd_sample(struct hidden *max, const char *when)
{
	struct hidden h = hd_count();

	if (h.res + h.swap > max->res + max->swap)
		*max = h;
	if (hd_stat("vm.collapse_pagers") == 1)
		EXPECT(h.res + h.swap == 0, "%s: %lu hidden pages and %lu "
		    "hidden swap blocks with the fix on", when, h.res,
		    h.swap);
}

/*
 * Run body(mode, &max) with vm.collapse_pagers=mode, for mode 1 and
 * then 0, and check what each saw: 0 hidden with the fix, some without.
 * The switch is set back to 1 whatever happens (a failing body exits
 * through FAIL in its own process, see with_mode).
 */
static void
hd_both(const char *name, void (*body)(struct hidden *))
{
	struct hidden on = { 0, 0 }, off = { 0, 0 };

	hd_set_collapse(1);
	body(&on);
	hd_set_collapse(0);
	body(&off);
	hd_set_collapse(1);
	t_printf("  %s: most hidden with the fix: %lu pages, %lu blocks; "
	    "without: %lu pages, %lu blocks", name, on.res, on.swap, off.res,
	    off.swap);
	EXPECT(on.res + on.swap == 0, "%s: pages hidden with the fix on",
	    name);
	EXPECT(off.res + off.swap > 0, "%s: nothing hidden with the fix "
	    "off: the test does not build the shape it claims", name);
}

/* A fresh anonymous region of n pages. */
static char *
hd_region(unsigned long n)
{
	void *p;

	p = mmap(NULL, n * P, RW, ANON, -1, 0);
	if (p == MAP_FAILED)
		FAIL("mmap of %lu pages: %s", n, t_errname(errno));
	return (p);
}

/* ------------------------------------------------------------------ */
/* hidden-prefork                                                      */

#define	PF_PAGES	512		/* 2 MiB */
#define	PF_WORKERS	4
#define	PF_GENS		6

/*
 * A worker: writes the first half of the data, reads the rest (checking
 * the master's generation), says it is ready, and waits to be told to
 * go (its pipe closes).
 */
static void
pf_worker(char *data, unsigned int gen, int ready, int go)
{
	char c;

	t_check(data, 0, PF_PAGES, TAG_HID + gen, "a worker's data");
	t_fill(data, 0, PF_PAGES / 2, TAG_HID + 0x100000 + gen);
	t_check(data, PF_PAGES / 2, PF_PAGES / 2, TAG_HID + gen,
	    "a worker's read half");
	t_writeall(ready, "r", 1);
	(void)read(go, &c, 1);
	t_check(data, 0, PF_PAGES / 2, TAG_HID + 0x100000 + gen,
	    "a worker's written half, at its end");
	_exit(0);
}

struct pf_slot {
	pid_t	pid;
	int	go;		/* our end of its go pipe */
};

/*
 * Start worker w[k] of generation gen.  It closes the other workers' go
 * pipes, so that each worker's pipe reaches end of file when the master
 * closes it.
 */
static void
pf_spawn(struct pf_slot *w, int k, char *data, unsigned int gen)
{
	int ready[2], go[2], j;
	char c;

	t_pipe(ready);
	t_pipe(go);
	w[k].pid = t_fork();
	if (w[k].pid == 0) {
		for (j = 0; j < PF_WORKERS; j++)
			if (j != k && w[j].pid > 0)
				close(w[j].go);
		close(ready[0]);
		close(go[1]);
		pf_worker(data, gen, ready[1], go[0]);
	}
	close(ready[1]);
	close(go[0]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "a worker died before it "
	    "was ready");
	close(ready[0]);
	w[k].go = go[1];
}

static void
pf_retire(struct pf_slot *w)
{

	close(w->go);
	t_expect_exit(w->pid, 0, "a worker");
	w->pid = -1;
}

static void
prefork_body(struct hidden *max)
{
	struct pf_slot w[PF_WORKERS];
	unsigned int gen, i, oldest = 0;
	char *data = hd_region(PF_PAGES), when[64];

	t_fill(data, 0, PF_PAGES, TAG_HID);
	for (i = 0; i < PF_WORKERS; i++)
		w[i].pid = -1;
	for (i = 0; i < PF_WORKERS; i++)
		pf_spawn(w, i, data, 0);
	for (gen = 1; gen <= PF_GENS; gen++) {
		/* The master rewrites everything; then two new workers. */
		t_fill(data, 0, PF_PAGES, TAG_HID + gen);
		for (i = 0; i < 2; i++) {
			pf_retire(&w[oldest]);
			pf_spawn(w, oldest, data, gen);
			oldest = (oldest + 1) % PF_WORKERS;
		}
		snprintf(when, sizeof(when), "generation %u", gen);
		hd_sample(max, when);
	}
	for (i = 0; i < PF_WORKERS; i++)
		pf_retire(&w[i]);
	hd_sample(max, "all workers gone");
	EXPECT_OK(munmap(data, PF_PAGES * P));
}

void
test_hidden_prefork(void)
{

	hd_both("hidden-prefork", prefork_body);
}

/* ------------------------------------------------------------------ */
/* hidden-stacktop                                                     */

/*
 * Write 8 pages of stack below our frame, the way calls do: the top of
 * the stack every process keeps writing.  st_write_deep writes 24, as a
 * deep call did once: pages the sharers never write again, so that no
 * sharer covers the whole backing object (and none can bypass it).
 */
static void __attribute__((noinline))
st_write_stack(unsigned int tag)
{
	volatile char buf[8 * 4096];
	unsigned int i;

	for (i = 0; i < sizeof(buf); i += P)
		buf[i] = (char)(tag + i / P);
	__asm__ volatile("" : : "r"(buf) : "memory");
}

static void __attribute__((noinline))
st_write_deep(unsigned int tag)
{
	volatile char buf[24 * 4096];
	unsigned int i;

	for (i = 0; i < sizeof(buf); i += P)
		buf[i] = (char)(tag + i / P);
	__asm__ volatile("" : : "r"(buf) : "memory");
}

static void
stacktop_body(struct hidden *max)
{
	int ready[2], go[2], i;
	pid_t pid[3];
	char c;

	st_write_deep(1);
	st_write_stack(1);
	t_pipe(ready);
	t_pipe(go);
	for (i = 0; i < 3; i++) {
		pid[i] = t_fork();
		if (pid[i] == 0) {
			close(ready[0]);
			close(go[1]);
			st_write_stack(10 + i);
			t_writeall(ready[1], "r", 1);
			(void)read(go[0], &c, 1);
			_exit(0);
		}
	}
	close(ready[1]);
	close(go[0]);
	st_write_stack(2);
	for (i = 0; i < 3; i++)
		EXPECT(t_readall(ready[0], &c, 1) == 1, "a child died before "
		    "it wrote its stack");
	/* Every sharer has written the top of the stack: sample. */
	hd_sample(max, "three children and the parent wrote the stack");
	close(go[1]);
	close(ready[0]);
	for (i = 0; i < 3; i++)
		t_expect_exit(pid[i], 0, "a child");
}

void
test_hidden_stacktop(void)
{

	hd_both("hidden-stacktop", stacktop_body);
}

/* ------------------------------------------------------------------ */
/* hidden-split                                                        */

#define	SPLIT_PAGES	8

static void
split_body(struct hidden *max)
{
	char *r = hd_region(SPLIT_PAGES);
	pid_t pid;

	t_fill(r, 0, SPLIT_PAGES, TAG_HID);
	/* Two entries on one object. */
	EXPECT_OK(mprotect(r + 4 * P, 4 * P, PROT_READ));
	pid = t_fork();
	if (pid == 0)
		_exit(0);
	t_expect_exit(pid, 0, "the child");
	/* The first piece gets a shadow; the object still has the other. */
	t_fill(r, 0, 2, TAG_HID + 1);
	hd_sample(max, "the parent wrote the first piece");
	t_check(r, 0, 2, TAG_HID + 1, "the written pages");
	t_check(r, 2, SPLIT_PAGES - 2, TAG_HID, "the other pages");
	EXPECT_OK(munmap(r, SPLIT_PAGES * P));
}

void
test_hidden_split(void)
{

	hd_both("hidden-split", split_body);
}

/* ------------------------------------------------------------------ */
/* hidden-unmap                                                        */

#define	UM_PAGES	256		/* 1 MiB */

/* Free pages plus swap blocks free: what a process's memory takes. */
static long
um_avail(void)
{

	return ((long)hd_stat("vm.stats.free_count") +
	    hd_stat("vm.swap_total") - hd_stat("vm.swap_used"));
}

/*
 * Map UM_PAGES, fill them, fork a child that exits (the object was
 * shared once), split the region with mprotect (before or after the
 * fork), then unmap it piece by piece; sample after each piece.
 */
static void
unmap_once(struct hidden *max, int split_after)
{
	char *r = hd_region(UM_PAGES);
	pid_t pid;

	t_fill(r, 0, UM_PAGES, TAG_HID);
	if (!split_after)
		EXPECT_OK(mprotect(r + 64 * P, 64 * P, PROT_READ));
	pid = t_fork();
	if (pid == 0) {
		t_check(r, 0, UM_PAGES, TAG_HID, "the child's view");
		_exit(0);
	}
	t_expect_exit(pid, 0, "the child");
	if (split_after)
		EXPECT_OK(mprotect(r + 64 * P, 64 * P, PROT_READ));
	EXPECT_OK(munmap(r + 32 * P, 64 * P));		/* across the split */
	hd_sample(max, "munmap across an mprotect split");
	t_check(r, 0, 32, TAG_HID, "the pages before the hole");
	t_check(r, 96, UM_PAGES - 96, TAG_HID, "the pages after the hole");
	EXPECT_OK(munmap(r + 192 * P, 64 * P));		/* the end */
	hd_sample(max, "munmap of the end");
	EXPECT_OK(munmap(r, 32 * P));			/* the start */
	hd_sample(max, "munmap of the start");
	EXPECT_OK(munmap(r + 96 * P, 96 * P));		/* the rest */
}

static void
unmap_body(struct hidden *max)
{
	long before, after;
	char *brk0, *p;

	before = um_avail();
	unmap_once(max, 0);
	unmap_once(max, 1);

	/* sbrk: grow, fill, shrink to half, sample, shrink to nothing. */
	brk0 = sbrk(0);
	EXPECT(brk0 != (char *)-1, "sbrk(0): %s", t_errname(errno));
	p = sbrk(UM_PAGES * P);
	EXPECT(p != (char *)-1, "sbrk(%lu): %s", UM_PAGES * P,
	    t_errname(errno));
	t_fill(p, 0, UM_PAGES, TAG_HID + 2);
	EXPECT(sbrk(-(long)(UM_PAGES / 2 * P)) != (char *)-1,
	    "sbrk(-%lu): %s", UM_PAGES / 2 * P, t_errname(errno));
	hd_sample(max, "sbrk shrinking by half");
	t_check(p, 0, UM_PAGES / 2, TAG_HID + 2, "the heap left");
	EXPECT(sbrk(-(long)(UM_PAGES / 2 * P)) != (char *)-1,
	    "sbrk(-%lu): %s", UM_PAGES / 2 * P, t_errname(errno));
	EXPECT(sbrk(0) == brk0, "the break is not back where it was");

	after = um_avail();
	t_printf("  hidden-unmap (vm.collapse_pagers=%d): free pages and "
	    "swap: %ld before, %ld after", hd_stat("vm.collapse_pagers"),
	    before, after);
	if (hd_stat("vm.collapse_pagers") == 1)
		EXPECT(after >= before - HIDDEN_SLACK, "with the fix, only "
		    "%ld of %ld free pages and swap blocks came back",
		    after, before);
}

void
test_hidden_unmap(void)
{

	hd_both("hidden-unmap", unmap_body);
}
