/*
 * bench.c: /bin/bench, the in-guest half of `make bench' (the host half
 * is tests/bench.sh).  Each command measures one thing and prints lines
 * "BENCH name value unit"; nothing here passes or fails.
 *
 *	bench uptime		time since the kernel started
 *	bench fork N		fork + _exit + waitpid of a process with
 *				1 MiB of touched data, N times
 *	bench raw DEV MB	raw throughput of the disk: MB written then
 *				read, in 64 KiB and in 4 KiB transfers (the
 *				disk must not be swapping: writes are refused)
 *	bench thrash F [TAG]	write F times the RAM and read it back,
 *				with the page-out and page-in rates; the
 *				figures are named thrashTAG_...
 *	bench faults MB...	for each size: a zero-fill fault per page
 *				(a fresh mapping written page by page)
 *				and a copy-on-write fault per page (a child
 *				writes every page of it), per page
 *	bench syscall N		getppid(), N times: a null system call
 *	bench chain N FIX	the 1993 workload: N forks under memory
 *				pressure with vm.collapse_pagers=FIX; the
 *				chain, its hidden swap, the cost of a read
 *				fault deep in the chain, and all collapse
 *				time divided by the swap blocks moved
 *	bench moveblock N	the cost of moving one swap block: one
 *				collapse that moves N blocks one by one
 *	bench swapoff DEV	swapoff's rate: 3/4 of the RAM pushed to
 *				swap on DEV, then swapoff DEV reads it
 *				back; pages read per second (compare with
 *				bench raw of the same disk); DEV is swap
 *				again afterwards
 *
 * A figure that could not be measured (no block moved, say) prints "-"
 * as its value, never 0.
 *
 * Times come from CLOCK_MONOTONIC.  Under QEMU's -icount shift=0 the
 * guest clock advances one nanosecond per instruction, so the same
 * numbers read as instruction counts (tests/bench.sh labels them).
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vmtest.h"

#define	PGSZ	4096UL

static uint64_t
now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		err(1, "clock_gettime");
	return ((uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec);
}

static unsigned int
vmstat(const char *name)
{
	unsigned int v;
	size_t len = sizeof(v);

	if (sysctlbyname(name, &v, &len, NULL, 0) == -1)
		err(1, "sysctl %s", name);
	return (v);
}

static void
report(const char *name, double value, const char *unit)
{

	printf("BENCH %s %.1f %s\n", name, value, unit);
	fflush(stdout);
}

/* A figure that was not measured: "-" instead of a value. */
static void
report_none(const char *name, const char *unit)
{

	printf("BENCH %s - %s\n", name, unit);
	fflush(stdout);
}

static int
cmd_uptime(void)
{

	report("uptime_at_command", now_ns() / 1e6, "ms");
	return (0);
}

static int
cmd_fork(int n)
{
	char *data;
	uint64_t t0, t;
	size_t i;
	int k, st;
	pid_t pid;

	if ((data = malloc(1 << 20)) == NULL)
		err(1, "malloc");
	for (i = 0; i < (1 << 20); i += PGSZ)
		data[i] = (char)i;
	t0 = now_ns();
	for (k = 0; k < n; k++) {
		if ((pid = fork()) == -1)
			err(1, "fork");
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, &st, 0) != pid)
			err(1, "waitpid");
	}
	t = now_ns() - t0;
	report("fork_exit_wait_1MiB", t / 1000.0 / n, "us");
	return (0);
}

/* Move mb MiB between dev and memory in chunks of size bytes. */
static double
raw_pass(const char *dev, int mb, size_t size, int writing)
{
	size_t total = (size_t)mb << 20, done;
	uint64_t t0;
	char *buf;
	int fd;
	ssize_t n;

	if ((fd = open(dev, writing ? O_WRONLY : O_RDONLY)) == -1)
		err(1, "open %s", dev);
	if ((buf = malloc(size)) == NULL)
		err(1, "malloc");
	memset(buf, 0x5a, size);
	t0 = now_ns();
	for (done = 0; done < total; done += n) {
		n = writing ? write(fd, buf, size) : read(fd, buf, size);
		if (n <= 0)
			err(1, "%s %s", writing ? "write" : "read", dev);
	}
	t0 = now_ns() - t0;
	close(fd);
	free(buf);
	return (total / PGSZ / (t0 / 1e9));	/* pages per second */
}

static int
cmd_raw(const char *dev, int mb)
{

	report("raw_write_64k", raw_pass(dev, mb, 65536, 1), "pages/s");
	report("raw_read_64k", raw_pass(dev, mb, 65536, 0), "pages/s");
	report("raw_write_4k", raw_pass(dev, mb / 4, 4096, 1), "pages/s");
	report("raw_read_4k", raw_pass(dev, mb / 4, 4096, 0), "pages/s");
	return (0);
}

/* report() of thrashTAG_what. */
static void
treport(const char *tag, const char *what, double value, const char *unit)
{
	char name[64];

	snprintf(name, sizeof(name), "thrash%s_%s", tag, what);
	report(name, value, unit);
}

static int
cmd_thrash(int factor, const char *tag)
{
	unsigned long ram = vmstat("vm.stats.page_count"), n = factor * ram, i;
	unsigned int po0, pi0, po1, pi1, po2, pi2;
	uint64_t t0, t1, t2;
	unsigned int *p, bad = 0;

	p = mmap(NULL, n * PGSZ, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON,
	    -1, 0);
	if (p == MAP_FAILED)
		err(1, "mmap");
	po0 = vmstat("vm.stats.pageouts");
	pi0 = vmstat("vm.stats.pageins");
	t0 = now_ns();
	for (i = 0; i < n; i++)
		p[i * (PGSZ / 4)] = (unsigned int)i * 2654435761U;
	t1 = now_ns();
	po1 = vmstat("vm.stats.pageouts");
	pi1 = vmstat("vm.stats.pageins");
	for (i = 0; i < n; i++)
		if (p[i * (PGSZ / 4)] != (unsigned int)i * 2654435761U)
			bad++;
	t2 = now_ns();
	po2 = vmstat("vm.stats.pageouts");
	pi2 = vmstat("vm.stats.pageins");
	if (bad != 0)
		errx(1, "%u pages read back wrong", bad);
	treport(tag, "pages", n, "pages");
	treport(tag, "ram", ram, "pages");
	treport(tag, "total_time", (t2 - t0) / 1e6, "ms");
	treport(tag, "write_time", (t1 - t0) / 1e6, "ms");
	treport(tag, "write_pageouts", po1 - po0, "pages");
	treport(tag, "pageout_rate", (po1 - po0) / ((t1 - t0) / 1e9),
	    "pages/s");
	treport(tag, "read_time", (t2 - t1) / 1e6, "ms");
	treport(tag, "read_pageins", pi2 - pi1, "pages");
	treport(tag, "read_pageouts", po2 - po1, "pages");
	treport(tag, "pagein_rate", (pi2 - pi1) / ((t2 - t1) / 1e9),
	    "pages/s");
	treport(tag, "paging_rate", (po2 - po0 + pi2 - pi0) /
	    ((t2 - t0) / 1e9), "pages/s");
	munmap(p, n * PGSZ);
	return (0);
}

/*
 * bench chain N FIX.  A process with a small working set (RW pages it
 * keeps rewriting, DEEP pages written once, before everything) forks N
 * times.  After each fork it rewrites its RW pages (so its front object
 * gets a shadow while the child still shares the one behind it); the
 * child then pushes the parent's pages to swap (their objects get swap
 * pagers) and exits.  With vm.collapse_pagers=0 every fork leaves one
 * more uncollapsible link; with 1 the chain stays short.  Then:
 *	chain_depth_FIX, chain_hidden_swap_FIX, chain_swap_used_FIX
 *	chain_deep_fault_FIX	one read fault on a DEEP page, resident
 *				but unmapped (mprotect), wherever in the
 *				chain it lives: the walk's cost
 *	chain_collapse_time_per_block_moved_FIX
 *				all the time spent in collapses (renaming
 *				and freeing pages, collapses that moved no
 *				swap included) divided by the swap blocks
 *				they moved, in ns (instructions under
 *				-icount); a cluster of 16 blocks re-homed
 *				whole counts 16 blocks for one step, so
 *				this is not the cost of moving a block
 *				(bench moveblock measures that); "-" when
 *				no block moved
 *	chain_clusters_moved_FIX	clusters those collapses re-homed
 *				whole (vm.stats.object.clusters_moved), the
 *				blocks of each counted in swap_moved
 */
#define	CHAIN_RW	16
#define	CHAIN_DEEP	16
#define	CHAIN_FLOOR	8	/* push until the parent has this few */
#define	CHAIN_FAULTS	20	/* unmap-and-read passes over DEEP */

static int
cmd_chain(int n, int fix)
{
	unsigned int *rw, *deep, moved0, ns0, cl0, i, k, bad = 0;
	struct kinfo_vmsummary ks;
	char name[64], c;
	int go[2], st, old;
	size_t len = sizeof(old);
	uint64_t t0, t;
	pid_t pid;

	if (sysctlbyname("vm.collapse_pagers", &old, &len, &fix,
	    sizeof(fix)) == -1)
		err(1, "vm.collapse_pagers");
	deep = mmap(NULL, (CHAIN_DEEP + CHAIN_RW) * PGSZ, PROT_READ |
	    PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (deep == MAP_FAILED)
		err(1, "mmap");
	rw = deep + CHAIN_DEEP * (PGSZ / 4);
	for (i = 0; i < CHAIN_DEEP + CHAIN_RW; i++)
		deep[i * (PGSZ / 4)] = i;
	moved0 = vmstat("vm.stats.object.swap_moved");
	ns0 = vmstat("vm.stats.object.collapse_ns");
	cl0 = vmstat("vm.stats.object.clusters_moved");
	for (k = 0; k < (unsigned int)n; k++) {
		if (pipe(go) == -1)
			err(1, "pipe");
		if ((pid = fork()) == -1)
			err(1, "fork");
		if (pid == 0) {
			close(go[1]);
			if (read(go[0], &c, 1) == 1 &&
			    push_out(getppid(), CHAIN_FLOOR, 1) != 0)
				_exit(1);
			_exit(0);
		}
		close(go[0]);
		for (i = 0; i < CHAIN_RW; i++)
			rw[i * (PGSZ / 4)] = k * CHAIN_RW + i;
		if (write(go[1], "g", 1) != 1)
			err(1, "write");
		close(go[1]);
		if (waitpid(pid, &st, 0) != pid)
			err(1, "waitpid");
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			errx(1, "fork %u: the child that applies the pressure "
			    "failed (status %#x)", k, st);
	}
	if (kinfo_vmsummary(getpid(), &ks) == -1)
		err(1, "kinfo_vmsummary");
	snprintf(name, sizeof(name), "chain_depth_%d", fix);
	report(name, ks.ks_longest_chain, "objects");
	snprintf(name, sizeof(name), "chain_hidden_swap_%d", fix);
	report(name, ks.ks_hidden_swap, "pages");
	snprintf(name, sizeof(name), "chain_swap_used_%d", fix);
	report(name, vmstat("vm.swap_used"), "pages");
	snprintf(name, sizeof(name), "chain_swap_moved_%d", fix);
	report(name, vmstat("vm.stats.object.swap_moved") - moved0, "blocks");
	snprintf(name, sizeof(name), "chain_collapse_time_per_block_moved_%d",
	    fix);
	if (vmstat("vm.stats.object.swap_moved") == moved0)
		report_none(name, "ns");
	else
		report(name, (double)(vmstat("vm.stats.object.collapse_ns") -
		    ns0) / (vmstat("vm.stats.object.swap_moved") - moved0),
		    "ns");
	snprintf(name, sizeof(name), "chain_clusters_moved_%d", fix);
	report(name, vmstat("vm.stats.object.clusters_moved") - cl0,
	    "clusters");

	/* Bring DEEP in, then time read faults on it, unmapped each pass. */
	for (i = 0; i < CHAIN_DEEP; i++)
		if (deep[i * (PGSZ / 4)] != i)
			bad++;
	t = 0;
	for (k = 0; k < CHAIN_FAULTS; k++) {
		if (mprotect(deep, CHAIN_DEEP * PGSZ, PROT_NONE) == -1 ||
		    mprotect(deep, CHAIN_DEEP * PGSZ, PROT_READ | PROT_WRITE) ==
		    -1)
			err(1, "mprotect");
		t0 = now_ns();
		for (i = 0; i < CHAIN_DEEP; i++)
			if (deep[i * (PGSZ / 4)] != i)
				bad++;
		t += now_ns() - t0;
	}
	for (i = 0; i < CHAIN_RW; i++)
		if (n > 0 && rw[i * (PGSZ / 4)] != (n - 1) * CHAIN_RW + i)
			bad++;
	if (bad != 0)
		errx(1, "chain: %u pages read back wrong", bad);
	snprintf(name, sizeof(name), "chain_deep_fault_%d", fix);
	report(name, (double)t / (CHAIN_FAULTS * CHAIN_DEEP), "ns");
	munmap(deep, (CHAIN_DEEP + CHAIN_RW) * PGSZ);
	if (sysctlbyname("vm.collapse_pagers", NULL, NULL, &old,
	    sizeof(old)) == -1)
		err(1, "vm.collapse_pagers");
	return (0);
}

/*
 * bench moveblock N: what moving one swap block costs a collapse.  A
 * region of N clusters (MB_CLUSTER pages each, the swap pager's unit of
 * bookkeeping) in which only the first page of each cluster is written
 * and then pushed to swap: its object B holds one block per cluster.
 * After a fork the child shares B; the parent writes the second page of
 * every cluster (its new front object F gets those pages), and the
 * child pushes them to swap (F gets a cluster of its own at each of
 * B's), waits for a word and exits.  That leaves B to F alone, and F
 * absorbs it: since F has a cluster wherever B has one, no cluster of B
 * can be re-homed whole, and each of B's blocks moves by itself
 * (swap_pager_copy's block-by-block path).  Reported:
 *	moveblock_ns_per_block	the collapse time over that exit divided
 *				by the blocks moved, in ns (instructions
 *				under -icount)
 *	moveblock_blocks, moveblock_freed, moveblock_collapses,
 *	moveblock_clusters_moved
 *				what the exit did in all: the parent's
 *				other chains (its stack, its data), which
 *				the child shared too, collapse as well,
 *				moving or freeing a few blocks of their
 *				own; no cluster may have moved whole
 * The region's chain is checked through kern.proc.vmmap before the
 * exit and after it: F with a block in (nearly) every cluster in front
 * of B with one, then one object.  Only the exit is timed.
 */
#define	MB_CLUSTER	16		/* swap_pager.c's SWAP_META_PAGES */
#define	MB_FLOOR	8

/*
 * The chain of the region at a: its depth, and the swap blocks of its
 * first and last objects.
 */
static unsigned int
moveblock_chain(char *a, unsigned int *front_swapped,
    unsigned int *back_swapped)
{
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *kvo;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec = NULL;
	unsigned int i, j, depth = 0;
	size_t len;

	if ((kvh = kinfo_getvmmap(getpid(), &len)) == NULL)
		err(1, "kern.proc.vmmap");
	for (i = 0; i < kvh->kvh_nentries; i++) {
		if ((kve = kinfo_vmrec_next(kvh, len, rec, sizeof(*kve))) ==
		    NULL)
			errx(1, "kern.proc.vmmap: entry %u malformed", i);
		rec = kve;
		for (j = 0; j < kve->kve_depth; j++) {
			if ((kvo = kinfo_vmrec_next(kvh, len, rec,
			    sizeof(*kvo))) == NULL)
				errx(1, "kern.proc.vmmap: object malformed");
			rec = kvo;
			if ((uintptr_t)a != kve->kve_start)
				continue;
			depth = kve->kve_depth;
			if (j == 0)
				*front_swapped = kvo->kvo_swapped;
			*back_swapped = kvo->kvo_swapped;
		}
	}
	free(kvh);
	if (depth == 0)
		errx(1, "moveblock: the region is not a map entry of its own");
	return (depth);
}

static int
cmd_moveblock(int n)
{
	unsigned int moved0, freed0, ns0, col0, cl0, moved, freed, fswap;
	unsigned int bswap, depth, held, fheld, whole;
	size_t pages = (size_t)n * MB_CLUSTER, k;
	volatile char *a;
	int go[2], done[2], st;
	char c;
	pid_t pid;

	if (n < 1)
		errx(1, "moveblock: %d clusters", n);
	a = mmap(NULL, pages * PGSZ, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANON, -1, 0);
	if (a == MAP_FAILED)
		err(1, "mmap");
	for (k = 0; k < pages; k += MB_CLUSTER)
		a[k * PGSZ] = 1;
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0)
		_exit(push_out(getppid(), MB_FLOOR, 1) != 0);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		errx(1, "moveblock: the first pressure failed");

	if (pipe(go) == -1 || pipe(done) == -1)
		err(1, "pipe");
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		close(go[1]);
		close(done[0]);
		if (read(go[0], &c, 1) != 1 ||
		    push_out(getppid(), MB_FLOOR, 1) != 0 ||
		    write(done[1], "p", 1) != 1)
			_exit(1);
		(void)read(go[0], &c, 1);	/* until the parent closes */
		_exit(0);
	}
	close(go[0]);
	close(done[1]);
	for (k = 1; k < pages; k += MB_CLUSTER)
		a[k * PGSZ] = 2;
	if (write(go[1], "g", 1) != 1)
		err(1, "write");
	if (read(done[0], &c, 1) != 1)
		errx(1, "moveblock: the second pressure failed");
	depth = moveblock_chain((char *)a, &fswap, &bswap);
	if (depth != 2 || bswap + MB_FLOOR < (unsigned int)n ||
	    bswap > (unsigned int)n || fswap + MB_FLOOR < (unsigned int)n)
		errx(1, "moveblock: before the collapse the region's chain is "
		    "%u deep, its front object holds %u blocks and its back "
		    "%u, for %d clusters: not the chain to measure", depth,
		    fswap, bswap, n);
	held = bswap;
	fheld = fswap;
	moved0 = vmstat("vm.stats.object.swap_moved");
	freed0 = vmstat("vm.stats.object.swap_freed");
	ns0 = vmstat("vm.stats.object.collapse_ns");
	col0 = vmstat("vm.stats.object.collapses");
	cl0 = vmstat("vm.stats.object.clusters_moved");
	/* The child's exit is what collapses B into F. */
	close(go[1]);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		errx(1, "moveblock: the child failed (status %#x)", st);
	moved = vmstat("vm.stats.object.swap_moved") - moved0;
	freed = vmstat("vm.stats.object.swap_freed") - freed0;
	whole = vmstat("vm.stats.object.clusters_moved") - cl0;
	depth = moveblock_chain((char *)a, &fswap, &bswap);
	for (k = 0; k < pages; k++)
		if (a[k * PGSZ] != (k % MB_CLUSTER == 0 ? 1 : k % MB_CLUSTER ==
		    1 ? 2 : 0))
			errx(1, "moveblock: page %zu reads back wrong", k);
	report("moveblock_blocks", moved, "blocks");
	report("moveblock_freed", freed, "blocks");
	report("moveblock_collapses", vmstat("vm.stats.object.collapses") -
	    col0, "collapses");
	report("moveblock_clusters_moved", whole, "clusters");
	if (depth != 1 || moved < held || bswap < fheld + held || whole != 0) {
		fprintf(stderr, "bench: moveblock: after the collapse the "
		    "region's chain is %u deep and holds %u blocks, and %u "
		    "blocks moved, %u clusters whole; before it, %u and %u: "
		    "not the collapse to measure\n", depth, bswap, moved,
		    whole, fheld, held);
		report_none("moveblock_ns_per_block", "ns");
		return (1);
	}
	report("moveblock_ns_per_block", (double)(vmstat(
	    "vm.stats.object.collapse_ns") - ns0) / moved, "ns");
	munmap((void *)a, pages * PGSZ);
	return (0);
}

/*
 * Fault costs at sizes of mb MiB: zero-fill (a fresh private mapping
 * written page by page) and copy-on-write (a child writes every page of
 * it, each a copy of the parent's), per page.  The child reports its
 * time through a pipe.
 */
static int
cmd_faults(int argc, char **argv)
{
	unsigned long mb, n, k;
	uint64_t t0, t;
	char name[64];
	int i, p[2], st;
	pid_t pid;
	char *r;

	for (i = 0; i < argc; i++) {
		mb = strtoul(argv[i], NULL, 10);
		n = mb << 20 >> 12;
		if (n == 0)
			errx(2, "faults: %s: not a size in MiB", argv[i]);
		r = mmap(NULL, mb << 20, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);
		if (r == MAP_FAILED)
			err(1, "mmap %lu MiB", mb);
		t0 = now_ns();
		for (k = 0; k < n; k++)
			r[k * PGSZ] = 1;
		t = now_ns() - t0;
		snprintf(name, sizeof(name), "zero_fill_fault_%luMiB", mb);
		report(name, (double)t / n, "ns");
		if (pipe(p) == -1)
			err(1, "pipe");
		if ((pid = fork()) == -1)
			err(1, "fork");
		if (pid == 0) {
			t0 = now_ns();
			for (k = 0; k < n; k++)
				r[k * PGSZ] = 2;
			t = now_ns() - t0;
			if (write(p[1], &t, sizeof(t)) != sizeof(t))
				_exit(1);
			_exit(0);
		}
		close(p[1]);
		if (read(p[0], &t, sizeof(t)) != sizeof(t))
			errx(1, "faults: the child did not report");
		close(p[0]);
		if (waitpid(pid, &st, 0) != pid || st != 0)
			errx(1, "faults: the child failed");
		for (k = 0; k < n; k++)
			if (r[k * PGSZ] != 1)
				errx(1, "faults: the child's write showed");
		snprintf(name, sizeof(name), "cow_fault_%luMiB", mb);
		report(name, (double)t / n, "ns");
		munmap(r, mb << 20);
	}
	return (0);
}

/* A null system call, n times. */
static int
cmd_syscall(int n)
{
	uint64_t t0;
	int i;

	t0 = now_ns();
	for (i = 0; i < n; i++)
		(void)getppid();
	report("null_syscall", (double)(now_ns() - t0) / n, "ns");
	return (0);
}

/*
 * bench swapoff DEV.  A child writes 3/4 of the RAM, one pattern per page,
 * and waits; a hog of three times the RAM pushes it out to swap and
 * exits.
 * Then swapoff DEV, timed, reads back everything on the device that
 * someone can read (the child's pages, and whatever else went out),
 * swapon DEV puts the device back, and the child checks every page.
 *	swapoff_pages		pages swapoff read in (vm.stats.pageins)
 *	swapoff_time		the swapoff call, in ms
 *	swapoff_rate		pages read back per second
 */
static int
cmd_swapoff(const char *dev)
{
	unsigned long ram = vmstat("vm.stats.page_count"), n = ram * 3 / 4, i;
	unsigned int pi0, pi1, *p;
	int go[2], ready[2], st;
	uint64_t t0, t1;
	pid_t pid, hog;
	char c;

	if (pipe(go) == -1 || pipe(ready) == -1)
		err(1, "pipe");
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		p = mmap(NULL, n * PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			err(1, "mmap");
		for (i = 0; i < n; i++)
			p[i * (PGSZ / 4)] = (unsigned int)i * 2654435761U;
		if (write(ready[1], "r", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(2);
		for (i = 0; i < n; i++)
			if (p[i * (PGSZ / 4)] != (unsigned int)i * 2654435761U)
				errx(1, "swapoff: page %lu read back wrong", i);
		_exit(0);
	}
	if (read(ready[0], &c, 1) != 1)
		errx(1, "swapoff: the child died");
	if ((hog = fork()) == -1)
		err(1, "fork");
	if (hog == 0) {
		p = mmap(NULL, 3 * ram * PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			err(1, "mmap");
		for (i = 0; i < 3 * ram; i++)
			p[i * (PGSZ / 4)] = 1;
		_exit(0);
	}
	if (waitpid(hog, &st, 0) != hog || st != 0)
		errx(1, "swapoff: the hog failed");
	pi0 = vmstat("vm.stats.pageins");
	t0 = now_ns();
	if (swapoff(dev) == -1)
		err(1, "swapoff %s", dev);
	t1 = now_ns();
	pi1 = vmstat("vm.stats.pageins");
	if (swapon(dev) == -1)
		err(1, "swapon %s", dev);
	if (write(go[1], "g", 1) != 1)
		err(1, "write");
	if (waitpid(pid, &st, 0) != pid || st != 0)
		errx(1, "swapoff: the child's pages came back wrong");
	report("swapoff_pages", pi1 - pi0, "pages");
	report("swapoff_time", (t1 - t0) / 1e6, "ms");
	if (pi1 != pi0)
		report("swapoff_rate", (pi1 - pi0) / ((t1 - t0) / 1e9),
		    "pages/s");
	else
		report_none("swapoff_rate", "pages/s");
	return (0);
}

static void
usage(void)
{

	fprintf(stderr, "usage: bench uptime | fork N | raw DEV MB | "
	    "thrash FACTOR [TAG] | chain N FIX | moveblock N | faults MB... | "
	    "syscall N | swapoff DEV\n");
	exit(2);
}

int
main(int argc, char **argv)
{

	if (argc == 2 && strcmp(argv[1], "uptime") == 0)
		return (cmd_uptime());
	if (argc == 3 && strcmp(argv[1], "fork") == 0)
		return (cmd_fork(atoi(argv[2])));
	if (argc == 4 && strcmp(argv[1], "chain") == 0)
		return (cmd_chain(atoi(argv[2]), atoi(argv[3])));
	if (argc == 4 && strcmp(argv[1], "raw") == 0)
		return (cmd_raw(argv[2], atoi(argv[3])));
	if (argc == 3 && strcmp(argv[1], "thrash") == 0)
		return (cmd_thrash(atoi(argv[2]), ""));
	if (argc == 4 && strcmp(argv[1], "thrash") == 0)
		return (cmd_thrash(atoi(argv[2]), argv[3]));
	if (argc == 3 && strcmp(argv[1], "moveblock") == 0)
		return (cmd_moveblock(atoi(argv[2])));
	if (argc >= 3 && strcmp(argv[1], "faults") == 0)
		return (cmd_faults(argc - 2, argv + 2));
	if (argc == 3 && strcmp(argv[1], "syscall") == 0)
		return (cmd_syscall(atoi(argv[2])));
	if (argc == 3 && strcmp(argv[1], "swapoff") == 0)
		return (cmd_swapoff(argv[2]));
	usage();
}
