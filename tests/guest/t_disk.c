/*
 * t_disk.c: the disk layer and its drivers (sys/kern/subr_disk.c,
 * sys/dev/wd.c, sys/dev/virtio_blk.c).
 *
 *	disk-names	(default suite) hw.disknames and hw.diskstats agree,
 *			and every disk's device node answers
 *	disk-swapon	(default suite) swapon(2)'s answers for things
 *			that are not a usable disk
 *	disk-raw	(group disk) raw I/O on the second disk: data
 *			comes back, bad offsets and lengths are refused,
 *			the end of the disk is the end, the counters count
 *	disk-swap	(group disk) the second disk as the only swap:
 *			paging goes through it, moved the way the boot
 *			asked for (RUNTESTS_DISK_METHOD=pio, dma or
 *			virtio), with several requests in flight on
 *			virtio
 *	disk-swapoff-two
 *			(group disk) both disks as swap: a fork chain
 *			paged out across the two, then swapoff of one;
 *			every page reads as its last writer left it
 *
 * The disk group needs a boot of its own (tests/guest.sh: disk,
 * disk-pio, disk-virtio): mem=16M, two disks, and no swap enabled at
 * boot.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/disk.h>
#include <sys/dkio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	NDISKS		8
#define	TAG_DISK	0x6d000000U	/* disk-raw's bytes */
#define	TAG_DSWAP	0x6e000000U	/* disk-swap's pages */
#define	TAG_TWO_A	0x6f000000U	/* disk-swapoff-two: the parent's */
#define	TAG_TWO_B	0x70000000U	/* disk-swapoff-two: the child's */
#define	RAW_BYTES	(100 * 1024)	/* more than one transfer */

/* Every disk's statistics; returns how many. */
static int
disks(struct diskstats *ds)
{
	size_t len = NDISKS * sizeof(*ds);

	if (sysctlbyname("hw.diskstats", ds, &len, NULL, 0) == -1)
		FAIL("hw.diskstats: %s", t_errname(errno));
	EXPECT(len % sizeof(*ds) == 0 && (len == 0 ||
	    ds[0].ds_structsize == (int)sizeof(*ds)), "hw.diskstats gave %zu "
	    "bytes, not struct diskstats", len);
	return ((int)(len / sizeof(*ds)));
}

/* The statistics of disk name, now. */
static struct diskstats
disk_stats(const char *name)
{
	struct diskstats ds[NDISKS];
	int i, n = disks(ds);

	for (i = 0; i < n; i++)
		if (strcmp(ds[i].ds_name, name) == 0)
			return (ds[i]);
	FAIL("no disk %s in hw.diskstats", name);
}

/* disk_stats, for the tests of other files (runtests.h). */
void
t_disk_stats(const char *name, struct diskstats *ds)
{

	*ds = disk_stats(name);
}

/*
 * The second disk (the one disk-raw and disk-swap use), with its path
 * /dev/NAME; the first one's statistics in *first if not NULL.
 */
static struct diskstats
second_disk(char *path, size_t len, struct diskstats *first)
{
	struct diskstats ds[NDISKS];

	if (disks(ds) < 2)
		FAIL("this boot has fewer than two disks");
	snprintf(path, len, "/dev/%s", ds[1].ds_name);
	if (first != NULL)
		*first = ds[0];
	return (ds[1]);
}

/* The first swap device's path. */
static void
first_swap(char *path, size_t len)
{
	struct swapent se[4];
	size_t n = sizeof(se);

	if (sysctlbyname("vm.swap_info", se, &n, NULL, 0) == -1)
		FAIL("vm.swap_info: %s", t_errname(errno));
	if (n < sizeof(se[0]))
		FAIL("no swap device");
	snprintf(path, len, "%s", se[0].se_path);
}

/* One byte per position, from the offset and a tag. */
static unsigned char
raw_byte(size_t off, unsigned int tag)
{

	return ((unsigned char)((off * 2654435761U + tag) >> 13));
}

/*
 * hw.disknames lists hw.diskstats's disks, in order; each opens, and
 * lseek to its end gives its size.
 */
void
test_disk_names(void)
{
	struct diskstats ds[NDISKS];
	char names[NDISKS * DISK_NAMELEN], want[NDISKS * DISK_NAMELEN];
	char path[32];
	size_t len = sizeof(names);
	off_t end;
	int i, n, fd;

	n = disks(ds);
	EXPECT(n >= 1, "no disk at all in hw.diskstats");
	if (sysctlbyname("hw.disknames", names, &len, NULL, 0) == -1)
		FAIL("hw.disknames: %s", t_errname(errno));
	want[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(want, ",");
		strcat(want, ds[i].ds_name);
		EXPECT(ds[i].ds_method == DISK_PIO ||
		    ds[i].ds_method == DISK_DMA ||
		    ds[i].ds_method == DISK_VIRTIO, "%s: method %d",
		    ds[i].ds_name, ds[i].ds_method);
		snprintf(path, sizeof(path), "/dev/%s", ds[i].ds_name);
		if ((fd = open(path, O_RDONLY)) == -1)
			FAIL("open %s: %s", path, t_errname(errno));
		end = lseek(fd, 0, SEEK_END);
		EXPECT(end == (off_t)ds[i].ds_nsectors * 512, "%s: lseek to "
		    "the end gives %lld, not %u sectors", path,
		    (long long)end, ds[i].ds_nsectors);
		close(fd);
	}
	EXPECT(strcmp(names, want) == 0, "hw.disknames is \"%s\", "
	    "hw.diskstats has \"%s\"", names, want);
	/* A disk unit nobody found: its node exists, the disk does not. */
	EXPECT_ERR(open("/dev/wd3", O_RDONLY), ENXIO);
	EXPECT_ERR(open("/dev/vd3", O_RDONLY), ENXIO);
}

/*
 * swapon refuses what is not a usable disk: a file (ENOTBLK), a device
 * that is no disk (ENODEV), a disk nobody found (ENXIO), a disk already
 * swapping (EBUSY); and the swap disk takes no raw writes (EBUSY).
 */
void
test_disk_swapon(void)
{
	char path[SWAP_PATHLEN];

	first_swap(path, sizeof(path));
	EXPECT_ERR(swapon(RUNTESTS_PATH), ENOTBLK);
	EXPECT_ERR(swapon("/dev/console"), ENODEV);
	EXPECT_ERR(swapon("/dev/null"), ENODEV);
	EXPECT_ERR(swapon("/dev/wd3"), ENXIO);
	EXPECT_ERR(swapon("/dev/vd3"), ENXIO);
	EXPECT_ERR(swapon("/nonexistent"), ENOENT);
	EXPECT_ERR(swapon(path), EBUSY);
	EXPECT_ERR(open(path, O_WRONLY), EBUSY);
	EXPECT_ERR(open(path, O_RDWR), EBUSY);
}

/*
 * Raw I/O on the second disk: RAW_BYTES (two transfers) written and
 * read back at a sector offset; misaligned offsets and lengths give
 * EINVAL; at the end a write stops at the last sector and a read
 * returns 0; DIOCCACHESYNC flushes; the statistics count exactly this.
 */
void
test_disk_raw(void)
{
	struct diskstats before, after;
	unsigned char *buf, *back;
	char path[32];
	off_t end, off = 3 * 512;
	size_t i;
	int fd, arg = 0;

	before = second_disk(path, sizeof(path), NULL);
	end = (off_t)before.ds_nsectors * 512;
	if ((buf = malloc(RAW_BYTES)) == NULL ||
	    (back = malloc(RAW_BYTES)) == NULL)
		FAIL("malloc: %s", t_errname(errno));
	for (i = 0; i < RAW_BYTES; i++)
		buf[i] = raw_byte(i, TAG_DISK);
	if ((fd = open(path, O_RDWR)) == -1)
		FAIL("open %s: %s", path, t_errname(errno));

	EXPECT(lseek(fd, off, SEEK_SET) == off, "lseek");
	EXPECT(write(fd, buf, RAW_BYTES) == RAW_BYTES, "write %d bytes to "
	    "%s: %s", RAW_BYTES, path, t_errname(errno));
	EXPECT(lseek(fd, off, SEEK_SET) == off, "lseek");
	memset(back, 0, RAW_BYTES);
	EXPECT(read(fd, back, RAW_BYTES) == RAW_BYTES, "read %d bytes of %s: "
	    "%s", RAW_BYTES, path, t_errname(errno));
	for (i = 0; i < RAW_BYTES; i++)
		if (back[i] != buf[i])
			FAIL("%s: byte %zu read back as %#x, written as %#x",
			    path, i + (size_t)off, back[i], buf[i]);

	EXPECT(lseek(fd, off + 100, SEEK_SET) == off + 100, "lseek");
	EXPECT_ERR(read(fd, back, 512), EINVAL);
	EXPECT(lseek(fd, off, SEEK_SET) == off, "lseek");
	EXPECT_ERR(read(fd, back, 100), EINVAL);
	EXPECT_ERR(write(fd, buf, 1000), EINVAL);

	EXPECT(lseek(fd, end - 512, SEEK_SET) == end - 512, "lseek");
	EXPECT(write(fd, buf, 1024) == 512, "a 1024-byte write at the last "
	    "sector did not stop at the end");
	EXPECT(read(fd, back, 512) == 0, "a read at the end returned data");
	EXPECT(lseek(fd, end - 512, SEEK_SET) == end - 512, "lseek");
	EXPECT(read(fd, back, 1024) == 512, "a 1024-byte read at the last "
	    "sector did not stop at the end");
	EXPECT(memcmp(back, buf, 512) == 0, "the last sector read back "
	    "wrong");
	EXPECT_OK(ioctl(fd, DIOCCACHESYNC, &arg));
	close(fd);

	after = disk_stats(before.ds_name);
	EXPECT(after.ds_wbytes - before.ds_wbytes == RAW_BYTES + 512,
	    "%s counted %llu bytes written, not %d", path,
	    (unsigned long long)(after.ds_wbytes - before.ds_wbytes),
	    RAW_BYTES + 512);
	EXPECT(after.ds_rbytes - before.ds_rbytes == RAW_BYTES + 512,
	    "%s counted %llu bytes read, not %d", path,
	    (unsigned long long)(after.ds_rbytes - before.ds_rbytes),
	    RAW_BYTES + 512);
	EXPECT(after.ds_flushes == before.ds_flushes + 1, "%s counted %u "
	    "flushes, not 1", path, after.ds_flushes - before.ds_flushes);
	EXPECT(after.ds_errors == before.ds_errors, "%s counted %u errors",
	    path, after.ds_errors - before.ds_errors);
	free(buf);
	free(back);
}

/*
 * The second disk becomes the only swap; twice the RAM is written and
 * read back.  Its transfers must have moved as RUNTESTS_DISK_METHOD
 * says (pio: by PIO only; dma: by the bus master only; virtio: through
 * the queue, more than one request at once), and the other disk must
 * have done no paging.
 */
void
test_disk_swap(void)
{
	struct diskstats before, after, first0, first1;
	struct swapent se[4];
	unsigned long n;
	int ram;
	unsigned int xfers, pio, dma;
	const char *method = getenv("RUNTESTS_DISK_METHOD");
	char path[32];
	size_t len = sizeof(se);
	int want;
	char *p;

	if (method == NULL)
		FAIL("RUNTESTS_DISK_METHOD (pio, dma or virtio) is not set");
	if (strcmp(method, "pio") == 0)
		want = DISK_PIO;
	else if (strcmp(method, "dma") == 0)
		want = DISK_DMA;
	else if (strcmp(method, "virtio") == 0)
		want = DISK_VIRTIO;
	else
		FAIL("RUNTESTS_DISK_METHOD=%s: not pio, dma or virtio", method);
	before = second_disk(path, sizeof(path), &first0);
	EXPECT(before.ds_method == want, "%s moves data by method %d, the "
	    "boot asked for %s (%d)", path, before.ds_method, method, want);
	if (sysctlbyname("vm.swap_info", se, &len, NULL, 0) == -1)
		FAIL("vm.swap_info: %s", t_errname(errno));
	EXPECT(len == 0, "swap is on already: boot with NOSWAP");
	EXPECT_OK(swapon(path));
	EXPECT_ERR(swapon(path), EBUSY);
	EXPECT_ERR(open(path, O_WRONLY), EBUSY);

	if (t_sysctl_int("vm.stats.page_count", &ram) != 0)
		FAIL("vm.stats.page_count");
	n = 2 * (unsigned long)ram;
	p = mmap(NULL, n * T_PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (p == MAP_FAILED)
		FAIL("mmap of %lu pages: %s", n, t_errname(errno));
	t_fill(p, 0, n, TAG_DSWAP);
	len = sizeof(se);
	if (sysctlbyname("vm.swap_info", se, &len, NULL, 0) == -1)
		FAIL("vm.swap_info: %s", t_errname(errno));
	EXPECT(len == sizeof(se[0]) && strcmp(se[0].se_path, path) == 0 &&
	    se[0].se_inuse >= n - ram, "after writing %lu pages in %d of "
	    "RAM, %s holds %u pages of swap", n, ram, path, se[0].se_inuse);
	t_check(p, 0, n, TAG_DSWAP, "twice the RAM, on the second disk");
	EXPECT_OK(munmap(p, n * T_PGSZ));

	after = disk_stats(before.ds_name);
	first1 = disk_stats(first0.ds_name);
	xfers = (after.ds_reads - before.ds_reads) +
	    (after.ds_writes - before.ds_writes);
	pio = after.ds_pio - before.ds_pio;
	dma = after.ds_dma - before.ds_dma;
	t_printf("  disk-swap: %s (%s): %u reads, %u writes, %u by PIO, %u "
	    "by DMA, at most %u in flight", path, method,
	    after.ds_reads - before.ds_reads,
	    after.ds_writes - before.ds_writes, pio, dma,
	    after.ds_maxinflight);
	EXPECT(after.ds_writes - before.ds_writes > 0 &&
	    after.ds_reads - before.ds_reads > 0, "%s: no paging through it",
	    path);
	EXPECT(after.ds_errors == before.ds_errors, "%s: %u errors", path,
	    after.ds_errors - before.ds_errors);
	EXPECT(first1.ds_reads == first0.ds_reads &&
	    first1.ds_writes == first0.ds_writes, "%s, not swap, did %u "
	    "transfers", first0.ds_name, (first1.ds_reads - first0.ds_reads) +
	    (first1.ds_writes - first0.ds_writes));
	if (want == DISK_PIO)
		EXPECT(pio == xfers && dma == 0, "%u of %u transfers by PIO, "
		    "%u by DMA", pio, xfers, dma);
	else
		EXPECT(dma == xfers && pio == 0, "%u of %u transfers by DMA, "
		    "%u by PIO", dma, xfers, pio);
	if (want == DISK_VIRTIO)
		EXPECT(after.ds_maxinflight > 1, "virtio: never more than "
		    "%u request in flight", after.ds_maxinflight);
	else
		EXPECT(after.ds_maxinflight == 1, "IDE: %u commands in flight "
		    "at once", after.ds_maxinflight);
}

/* Pages of swap in use on the device at path, or -1 if it is not swap. */
static long
swap_inuse(const char *path)
{
	struct swapent se[4];
	size_t len = sizeof(se), i;

	if (sysctlbyname("vm.swap_info", se, &len, NULL, 0) == -1)
		FAIL("vm.swap_info: %s", t_errname(errno));
	for (i = 0; i < len / sizeof(se[0]); i++)
		if (strcmp(se[i].se_path, path) == 0)
			return (se[i].se_inuse);
	return (-1);
}

/*
 * Two swap devices, one taken away with a chain on it.  Both disks are
 * swap; a process writes twice the RAM and forks, and the child
 * rewrites every fourth page, so that the pages of both objects of the
 * chain (the child's shadow and the object under it) are pushed out.
 * Runs of blocks go to the devices in turn, so both must hold some.
 * swapoff of the second disk then brings its blocks back into their
 * objects: afterwards the child reads its own pages where it wrote and
 * the parent's elsewhere, the parent reads its own everywhere, the
 * first disk is the only swap, and the audit is clean.  The boot is
 * left as it was found: no swap.
 */
void
test_disk_swapoff_two(void)
{
	struct diskstats first;
	char path0[32], path1[32], c;
	unsigned long n, i;
	int ram, go[2], ready[2];
	long in0, in1;
	pid_t pid;
	char *p;

	(void)second_disk(path1, sizeof(path1), &first);
	snprintf(path0, sizeof(path0), "/dev/%s", first.ds_name);
	if (swap_inuse(path0) < 0)
		EXPECT_OK(swapon(path0));
	if (swap_inuse(path1) < 0)
		EXPECT_OK(swapon(path1));

	if (t_sysctl_int("vm.stats.page_count", &ram) != 0)
		FAIL("vm.stats.page_count");
	n = 2 * (unsigned long)ram;
	p = mmap(NULL, n * T_PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (p == MAP_FAILED)
		FAIL("mmap of %lu pages: %s", n, t_errname(errno));
	t_fill(p, 0, n, TAG_TWO_A);
	t_pipe(go);
	t_pipe(ready);
	pid = t_fork();
	if (pid == 0) {
		close(go[1]);
		close(ready[0]);
		for (i = 0; i < n; i += 4)
			t_fill(p, i, 1, TAG_TWO_B);
		/* Read everything once: the parent's pages go out too. */
		for (i = 0; i < n; i++)
			t_check(p, i, 1, i % 4 == 0 ? TAG_TWO_B : TAG_TWO_A,
			    "the child, before swapoff");
		if (write(ready[1], "r", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(2);
		for (i = 0; i < n; i++)
			t_check(p, i, 1, i % 4 == 0 ? TAG_TWO_B : TAG_TWO_A,
			    "the child, after swapoff");
		_exit(0);
	}
	close(go[0]);
	close(ready[1]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "the child died early");
	in0 = swap_inuse(path0);
	in1 = swap_inuse(path1);
	t_printf("  disk-swapoff-two: %lu pages each, %d of RAM; %ld blocks "
	    "on %s, %ld on %s", n, ram, in0, path0, in1, path1);
	EXPECT(in0 > 0 && in1 > 0, "the chain is not on both devices: %ld "
	    "blocks on %s, %ld on %s", in0, path0, in1, path1);
	EXPECT_OK(swapoff(path1));
	EXPECT(swap_inuse(path1) == -1, "%s is still swap after swapoff",
	    path1);
	EXPECT(swap_inuse(path0) >= in0, "%s fell from %ld to %ld blocks",
	    path0, in0, swap_inuse(path0));
	t_expect_swap_audit("after swapoff of the second disk");
	if (write(go[1], "g", 1) != 1)
		FAIL("write to the child: %s", t_errname(errno));
	close(go[1]);
	t_expect_exit(pid, 0, "the child");
	close(ready[0]);
	t_check(p, 0, n, TAG_TWO_A, "the parent, after swapoff");
	EXPECT_OK(munmap(p, n * T_PGSZ));
	/* Other processes' pages (the runner's) may be on it too. */
	EXPECT_OK(swapoff(path0));
	EXPECT(t_stat("vm.swap_total") == 0, "%d blocks of swap left after "
	    "both swapoffs", t_stat("vm.swap_total"));
	t_expect_swap_audit("with no swap");
}
