/*
 * t_bigmem.c: tests of memory above the kernel's direct map (on i386
 * the RAM above 512 MiB, which only holds the pages of VM objects and
 * which the kernel reaches through temporary mappings), in boots with
 * a lot of RAM (tests/guest.sh):
 *
 *	bigmem-touch	group bigmem, MEM=2G, no swap: one process writes
 *			1.5 GiB, every word of every page with a pattern
 *			of its own, and reads it back; none of it can be
 *			paged, so most of it lived above the direct map.
 *			A child copies-on-write 16 MiB of it, twice (to
 *			high memory, and to the direct map), and checks
 *			its copies.  Once it is all unmapped, 256 MiB
 *			mapped again (those dirty pages, zeroed at the
 *			fault or by the idle loop) must read as zeros.
 *	bigmem-refill	group bigmem: objects' pages fill the direct map
 *			while high memory has free pages; when the kernel
 *			then needs a page of the direct map (a page table)
 *			the objects' pages move out of it (vm_page.c,
 *			vm_page_direct_refill), their data intact.
 *	bigmem-tmpfs	group bigmem: a /tmp file's pages (an object's,
 *			above the direct map) written and read through
 *			write(2), read(2) and mmap.
 *	vmtest-1g	group mem1g, MEM=1G with swap: vm-test with 512
 *			MiB of data, half of it above the direct map.
 *	vmtest-1g-paging
 *			group mem1g: vm-test's pressure pushes its data to
 *			swap and reads it back: the disk moves pages above
 *			the direct map (by DMA, or virtio with DISK=virtio).
 *	vmtest-1g-pio	group mem1g-pio, MEM=1G, wd.pio=1: the same by
 *			programmed I/O, where the disk's interrupt handler
 *			copies each sector through a quick mapping.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/disk.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	P	T_PGSZ
#define	RW	(PROT_READ | PROT_WRITE)
#define	ANON	(MAP_PRIVATE | MAP_ANON)
#define	TOUCH_PAGES	(1536UL * 1024 * 1024 / T_PGSZ)	/* 1.5 GiB */
#define	COW_PAGES	4096UL				/* 16 MiB */
#define	REZERO_PAGES	65536UL				/* 256 MiB */
#define	TMPFS_PAGES	2048UL				/* 8 MiB */

/* A vm.stats counter. */
static u_int
vmstat(const char *name)
{
	char full[64];
	int v, e;

	snprintf(full, sizeof(full), "vm.stats.%s", name);
	if ((e = t_sysctl_int(full, &v)) != 0)
		FAIL("sysctl %s: %s", full, t_errname(e));
	return ((u_int)v);
}

/* Pages of swap configured. */
static u_int
swap_total(void)
{
	int v, e;

	if ((e = t_sysctl_int("vm.swap_total", &v)) != 0)
		FAIL("sysctl vm.swap_total: %s", t_errname(e));
	return ((u_int)v);
}

/* Free pages above the direct map. */
static u_int
free_high(void)
{

	return (vmstat("free_count") - vmstat("free_direct"));
}

static void	check_zero_fill(unsigned long);

static void *
map_anon(unsigned long npages)
{
	void *p;

	p = mmap(NULL, npages * P, RW, ANON, -1, 0);
	EXPECT(p != MAP_FAILED, "mmap of %lu pages: %s", npages,
	    t_errname(errno));
	return (p);
}

/*
 * Copy-on-write of pages [first, first + COW_PAGES) of p, which hold
 * pattern 0xb16.  A child writes one word of each back as it was,
 * which copies the page: the copies must be exact.  Then it writes its
 * own pattern on them; the parent keeps its.
 */
static void
cow_check(unsigned int *p, unsigned long first, const char *what)
{
	volatile unsigned int *vp = p;
	unsigned long i;
	u_int cows;
	pid_t pid;

	cows = vmstat("cow_faults");
	if ((pid = t_fork()) == 0) {
		for (i = first; i < first + COW_PAGES; i++)
			vp[i * (P / 4)] = vp[i * (P / 4)];
		t_check(p, first, COW_PAGES, 0xb16, what);
		t_fill(p, first, COW_PAGES, 0xc0c);
		t_check(p, first, COW_PAGES, 0xc0c, "the child's own pattern");
		_exit(0);
	}
	t_expect_exit(pid, 0, "the copy-on-write child");
	EXPECT(vmstat("cow_faults") - cows >= COW_PAGES,
	    "%u copy-on-write faults for %lu pages written by the child",
	    vmstat("cow_faults") - cows, COW_PAGES);
	t_check(p, first, COW_PAGES, 0xb16, "parent after the child's writes");
}

/*
 * 1.5 GiB written and read back in one process, on a machine with 2
 * GiB and no swap.  Copy-on-write of 16 MiB of it twice: while high
 * memory is still free (copies from high memory to high memory), and
 * when the 1.5 GiB fill it (copies to the direct map).
 */
void
test_bigmem_touch(void)
{
	u_int direct, total, fdirect, high0, high1, pageouts;
	unsigned int *p;

	total = vmstat("page_count");
	direct = vmstat("direct_count");
	EXPECT(direct < total, "all %u managed pages are in the direct map: "
	    "the RAM above it is not managed", total);
	EXPECT(vmstat("free_count") > TOUCH_PAGES + vmstat("free_target"),
	    "%u pages free: 1.5 GiB (%lu pages) does not fit in RAM "
	    "(%u pages managed)", vmstat("free_count"), TOUCH_PAGES, total);
	pageouts = vmstat("pageouts");
	fdirect = vmstat("free_direct");
	high0 = free_high();

	p = map_anon(TOUCH_PAGES);
	t_fill(p, 0, COW_PAGES, 0xb16);
	cow_check(p, 0, "the child's copies, high memory to high memory");
	t_fill(p, COW_PAGES, TOUCH_PAGES - COW_PAGES, 0xb16);
	high1 = free_high();
	EXPECT(vmstat("pageouts") == pageouts, "%u pages were paged out",
	    vmstat("pageouts") - pageouts);
	/* At most fdirect of the pages can be in the direct map. */
	EXPECT(high1 < high0 && high0 - high1 >= TOUCH_PAGES - fdirect,
	    "%u pages above the direct map taken for %lu pages written, "
	    "%u free in the direct map", high0 - high1, TOUCH_PAGES,
	    fdirect);
	t_check(p, 0, TOUCH_PAGES, 0xb16, "1.5 GiB read back");
	cow_check(p, 0, "the child's copies, high memory to the direct map");
	EXPECT_OK(munmap(p, TOUCH_PAGES * P));
	check_zero_fill(REZERO_PAGES);
}

/*
 * npages newly mapped must read as zeros, every word: after a large
 * region is freed, most free pages hold old data, so this checks that
 * the fault (or the idle loop, before it) zeroed the very page mapped.
 */
static void
check_zero_fill(unsigned long npages)
{
	unsigned long pg, w;
	unsigned int *p, any;

	p = map_anon(npages);
	for (pg = 0; pg < npages; pg++) {
		any = 0;
		for (w = 0; w < P / 4; w++)
			any |= p[pg * (P / 4) + w];
		if (any != 0)
			t_check_zero(p + pg * (P / 4), P, "a new page");
	}
	EXPECT_OK(munmap(p, npages * P));
}

/*
 * A child for test_bigmem_refill: wait for a byte on go, then write
 * one byte of each of npages pages (every stride pages; at most
 * npages / 4 with keep, and the rest given back), say so on done, and
 * hold what it has until go reaches its end.
 */
static pid_t
holder(int go[2], int done[2], unsigned long npages, unsigned long stride,
    int keep)
{
	volatile char *a;
	unsigned long i;
	pid_t pid;
	char x;

	if ((pid = t_fork()) != 0)
		return (pid);
	close(go[1]);
	close(done[0]);
	a = map_anon(npages);
	for (i = 0; i < npages; i += stride)
		a[i * P] = 1;
	t_writeall(done[1], "a", 1);
	if (!keep) {
		if (t_readall(go[0], &x, 1) != 1)
			_exit(1);
		if (munmap((void *)a, npages / 4 * P) != 0)
			_exit(2);
		t_writeall(done[1], "f", 1);
	}
	while (t_readall(go[0], &x, 1) == 1)
		continue;
	_exit(0);
}

/*
 * Objects' pages in the direct map, moved out when the kernel needs
 * it.  A child takes all of high memory; the parent fills the direct
 * map with a pattern (B) down to just above the point where the
 * pageout daemon would wake; the child gives back a quarter of high
 * memory.  Then children that write one page every 4 MiB of 1 GiB,
 * each needing a page table from the direct map, are started one after
 * the other: once the direct map is down to the kernel's reserve, B's
 * pages must move up, and B must still read back.  There is no swap,
 * and free memory never falls below the daemon's threshold, so only
 * the move can give the kernel its pages.
 */
void
test_bigmem_refill(void)
{
	unsigned long na, nb, maxb, n;
	u_int freemin, moved, fd;
	int go[2], done[2], i, neat;
	pid_t pids[1 + 64];
	char *b, x;

	freemin = vmstat("free_min");
	moved = vmstat("direct_moved");
	EXPECT(swap_total() == 0, "this test needs a boot without swap");
	na = free_high();
	EXPECT(na > 0, "no free page above the direct map");
	t_pipe(go);
	t_pipe(done);
	pids[0] = holder(go, done, na, 1, 0);
	EXPECT(t_readall(done[0], &x, 1) == 1, "the child died taking "
	    "high memory");

	/*
	 * Half of what is left above the threshold at a time: the
	 * kernel's own pages (mapping records) come from there too.
	 */
	maxb = vmstat("free_direct");
	b = map_anon(maxb);
	for (nb = 0; (fd = vmstat("free_direct")) > freemin + 256 &&
	    nb < maxb; nb += n) {
		n = (fd - freemin - 256) / 2 + 1;
		if (n > maxb - nb)
			n = maxb - nb;
		t_fill(b, nb, n, 0xd1c);
	}
	EXPECT(vmstat("free_direct") <= freemin + 256, "%u pages still free "
	    "in the direct map after %lu written", vmstat("free_direct"), nb);
	t_writeall(go[1], "g", 1);
	EXPECT(t_readall(done[0], &x, 1) == 1, "the child died giving back "
	    "high memory");
	EXPECT(free_high() >= freemin, "only %u pages free above the direct "
	    "map after %lu were unmapped", free_high(), na / 4);

	for (neat = 0; neat < 64 && vmstat("direct_moved") == moved;
	    neat++) {
		pids[1 + neat] = holder(go, done, 1024 * 1024 * 1024 / P,
		    1024, 1);
		EXPECT(t_readall(done[0], &x, 1) == 1, "page table eater %d "
		    "died", neat);
	}
	EXPECT(vmstat("direct_moved") > moved, "%d children with 256 page "
	    "tables each, %u pages free in the direct map, and no page "
	    "moved out of it", neat, vmstat("free_direct"));
	t_printf("  bigmem-refill: %u pages moved out of the direct map",
	    vmstat("direct_moved") - moved);
	t_check(b, 0, nb, 0xd1c, "the pages that were moved");
	close(go[0]);
	close(go[1]);
	close(done[1]);
	for (i = 0; i <= neat; i++)
		t_expect_exit(pids[i], 0, "a child holding memory");
	close(done[0]);
	EXPECT_OK(munmap(b, maxb * P));
}

/* Run vm-test with argv; it must end "integrity ok" with status 0. */
static void
vmtest(char *const argv[])
{
	extern char **environ;
	char out[4096];
	int st;

	st = t_run_capture_path("/bin/vm-test", argv, environ, out,
	    sizeof(out), NULL);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
	    strstr(out, "integrity ok") != NULL,
	    "vm-test exited with status %#x; its last words: %.300s", st,
	    strlen(out) > 300 ? out + strlen(out) - 300 : out);
}

/* vm-test with 512 MiB of data, on a machine with 1 GiB. */
void
test_vmtest_1g(void)
{
	char *argv[] = { "vm-test", "-q", "-m", "512", "-r", "10", "-c",
	    "2", "-w", "64", NULL };
	u_int cows;

	EXPECT(vmstat("direct_count") < vmstat("page_count"),
	    "no memory above the direct map is managed");
	cows = vmstat("cow_faults");
	vmtest(argv);
	EXPECT(vmstat("cow_faults") - cows >= 10 * 64,
	    "%u copy-on-write faults in 10 rounds of 64 pages",
	    vmstat("cow_faults") - cows);
}

/*
 * vm-test with pressure, one round, its data (mb MiB) written while
 * high memory is free: it goes to swap and comes back.  With pio, the
 * swap disk must have moved it all by PIO.
 */
static void
vmtest_paging(char *mb, bool pio)
{
	char *argv[] = { "vm-test", "-q", "-p", "-m", mb, "-r", "1", NULL };
	struct diskstats ds0, ds1;
	struct swapent se;
	size_t len = sizeof(se);
	u_int outs, ins, xfers;

	EXPECT(vmstat("direct_count") < vmstat("page_count"),
	    "no memory above the direct map is managed");
	if (sysctlbyname("vm.swap_info", &se, &len, NULL, 0) == -1)
		FAIL("vm.swap_info: %s", t_errname(errno));
	EXPECT(len == sizeof(se), "this test needs one swap device");
	t_disk_stats(se.se_path + strlen("/dev/"), &ds0);
	EXPECT(!pio || ds0.ds_method == DISK_PIO, "%s moves data by method "
	    "%d, not PIO: boot with wd.pio=1", se.se_path, ds0.ds_method);
	outs = vmstat("pageouts");
	ins = vmstat("pageins");
	vmtest(argv);
	t_disk_stats(se.se_path + strlen("/dev/"), &ds1);
	EXPECT(vmstat("pageouts") > outs && vmstat("pageins") > ins,
	    "vm-test's pressure paged %u pages out and %u in",
	    vmstat("pageouts") - outs, vmstat("pageins") - ins);
	xfers = ds1.ds_reads - ds0.ds_reads + ds1.ds_writes - ds0.ds_writes;
	t_printf("  vm-test -m %s: %u pages out, %u in; %s: %u transfers, %u "
	    "by PIO", mb, vmstat("pageouts") - outs, vmstat("pageins") - ins,
	    se.se_path, xfers, ds1.ds_pio - ds0.ds_pio);
	EXPECT(!pio || (ds1.ds_pio - ds0.ds_pio == xfers && xfers > 0),
	    "%u of %s's %u transfers by PIO", ds1.ds_pio - ds0.ds_pio,
	    se.se_path, xfers);
}

void
test_vmtest_1g_paging(void)
{

	vmtest_paging("64", false);
}

/* 40 MiB: a little more than the daemon lets be free, so little pages. */
void
test_vmtest_1g_pio(void)
{

	vmtest_paging("40", true);
}

/*
 * A file in /tmp, whose pages (an object's, allocated above the direct
 * map first) the kernel reaches only through quick mappings: written
 * with write(2) in odd-sized pieces, read back with read(2) and through
 * a private mapping, then rewritten in place.
 */
void
test_bigmem_tmpfs(void)
{
	const char *path = "/tmp/bigmem-tmpfs";
	unsigned long high0, i, n;
	unsigned int *buf, *m;
	char *want;
	size_t chunk = 3 * P + 100, len = TMPFS_PAGES * P;
	int fd;

	buf = malloc(len);
	EXPECT(buf != NULL, "malloc of %zu bytes", len);
	t_fill(buf, 0, TMPFS_PAGES, 0xf11e);
	high0 = free_high();
	EXPECT(high0 > TMPFS_PAGES, "only %lu free pages above the direct map",
	    high0);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	EXPECT(fd >= 0, "open %s: %s", path, t_errname(errno));
	for (i = 0; i < len; i += n) {
		n = len - i < chunk ? len - i : chunk;
		t_writeall(fd, (char *)buf + i, n);
	}
	EXPECT(free_high() + TMPFS_PAGES / 2 <= high0, "writing %lu pages "
	    "to /tmp took %lu pages above the direct map", TMPFS_PAGES,
	    high0 - free_high());
	memset(buf, 0, len);
	EXPECT(lseek(fd, 0, SEEK_SET) == 0, "lseek: %s", t_errname(errno));
	EXPECT(t_readall(fd, buf, len) == (long)len, "short read of %s",
	    path);
	t_check(buf, 0, TMPFS_PAGES, 0xf11e, "the file read back");
	m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	EXPECT(m != MAP_FAILED, "mmap of %s: %s", path, t_errname(errno));
	t_check(m, 0, TMPFS_PAGES, 0xf11e, "the file mapped");
	EXPECT_OK(munmap(m, len));
	/*
	 * 100 bytes rewritten in the middle of page 5: the page reads back
	 * as it was (checked above), but for them.
	 */
	want = (char *)buf + P;
	memcpy(want, (char *)buf + 5 * P, P);
	memset(want + 1000, 0x5a, 100);
	EXPECT(lseek(fd, 5 * P + 1000, SEEK_SET) == 5 * P + 1000, "lseek: %s",
	    t_errname(errno));
	t_writeall(fd, want + 1000, 100);
	EXPECT(lseek(fd, 5 * P, SEEK_SET) == 5 * P, "lseek: %s",
	    t_errname(errno));
	EXPECT(t_readall(fd, buf, P) == (long)P, "short read of %s", path);
	EXPECT(memcmp(buf, want, P) == 0, "page 5 of %s after a write of "
	    "100 bytes at 1000", path);
	EXPECT_OK(close(fd));
	EXPECT_OK(unlink(path));
	free(buf);
}
