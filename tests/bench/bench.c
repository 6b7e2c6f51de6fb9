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
 *	bench thrash F		write F times the RAM and read it back,
 *				with the page-out and page-in rates
 *	bench faults MB...	for each size: a zero-fill fault per page
 *				(a fresh mapping written page by page)
 *				and a copy-on-write fault per page (a child
 *				writes every page of it), per page
 *	bench syscall N		getppid(), N times: a null system call
 *	bench chain N FIX	the 1993 workload: N forks under memory
 *				pressure with vm.collapse_pagers=FIX; the
 *				chain, its hidden swap, the cost of a read
 *				fault deep in the chain, and of a collapse
 *				per swap block moved
 *
 * Times come from CLOCK_MONOTONIC.  Under QEMU's -icount shift=0 the
 * guest clock advances one nanosecond per instruction, so the same
 * numbers read as instruction counts (tests/bench.sh labels them).
 */
#include <sys/types.h>
#include <sys/mman.h>
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

static int
cmd_thrash(int factor)
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
	report("thrash_pages", n, "pages");
	report("thrash_ram", ram, "pages");
	report("thrash_total_time", (t2 - t0) / 1e6, "ms");
	report("thrash_write_time", (t1 - t0) / 1e6, "ms");
	report("thrash_write_pageouts", po1 - po0, "pages");
	report("thrash_pageout_rate", (po1 - po0) / ((t1 - t0) / 1e9),
	    "pages/s");
	report("thrash_read_time", (t2 - t1) / 1e6, "ms");
	report("thrash_read_pageins", pi2 - pi1, "pages");
	report("thrash_read_pageouts", po2 - po1, "pages");
	report("thrash_pagein_rate", (pi2 - pi1) / ((t2 - t1) / 1e9),
	    "pages/s");
	report("thrash_paging_rate", (po2 - po0 + pi2 - pi0) /
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
 *	chain_collapse_per_block_FIX	collapse time per swap block moved
 *				(instructions under -icount); collapse_io
 *				counts disk transfers during collapses
 */
#define	CHAIN_RW	16
#define	CHAIN_DEEP	16
#define	CHAIN_FLOOR	8	/* push until the parent has this few */
#define	CHAIN_FAULTS	20	/* unmap-and-read passes over DEEP */

static int
cmd_chain(int n, int fix)
{
	unsigned int *rw, *deep, moved0, ns0, io0, i, k, bad = 0;
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
	io0 = vmstat("vm.stats.object.collapse_io");
	for (k = 0; k < (unsigned int)n; k++) {
		if (pipe(go) == -1)
			err(1, "pipe");
		if ((pid = fork()) == -1)
			err(1, "fork");
		if (pid == 0) {
			close(go[1]);
			if (read(go[0], &c, 1) == 1)
				push_out(getppid(), CHAIN_FLOOR, 1);
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
	snprintf(name, sizeof(name), "chain_collapse_per_block_%d", fix);
	report(name, vmstat("vm.stats.object.swap_moved") == moved0 ? 0 :
	    (double)(vmstat("vm.stats.object.collapse_ns") - ns0) /
	    (vmstat("vm.stats.object.swap_moved") - moved0), "ns");
	snprintf(name, sizeof(name), "chain_collapse_io_%d", fix);
	report(name, vmstat("vm.stats.object.collapse_io") - io0, "transfers");

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

static void
usage(void)
{

	fprintf(stderr, "usage: bench uptime | fork N | raw DEV MB | "
	    "thrash FACTOR | chain N FIX | faults MB... | syscall N\n");
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
		return (cmd_thrash(atoi(argv[2])));
	if (argc >= 3 && strcmp(argv[1], "faults") == 0)
		return (cmd_faults(argc - 2, argv + 2));
	if (argc == 3 && strcmp(argv[1], "syscall") == 0)
		return (cmd_syscall(atoi(argv[2])));
	usage();
}
