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
 *
 * Times come from CLOCK_MONOTONIC.  Under QEMU's -icount shift=0 the
 * guest clock advances one nanosecond per instruction, so the same
 * numbers read as instruction counts (tests/bench.sh labels them).
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

static void
usage(void)
{

	fprintf(stderr, "usage: bench uptime | fork N | raw DEV MB | "
	    "thrash FACTOR\n");
	exit(2);
}

int
main(int argc, char **argv)
{

	if (argc == 2 && strcmp(argv[1], "uptime") == 0)
		return (cmd_uptime());
	if (argc == 3 && strcmp(argv[1], "fork") == 0)
		return (cmd_fork(atoi(argv[2])));
	if (argc == 4 && strcmp(argv[1], "raw") == 0)
		return (cmd_raw(argv[2], atoi(argv[3])));
	if (argc == 3 && strcmp(argv[1], "thrash") == 0)
		return (cmd_thrash(atoi(argv[2])));
	usage();
}
