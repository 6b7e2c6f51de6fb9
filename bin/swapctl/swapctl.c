/*
 * swapctl: manage and report swap devices.
 *
 *	swapctl -l		list the swap devices
 *	swapctl -s		one summary line
 *	swapctl -a path		add a swap device (swapon(2), root only)
 *	swapctl -d path		remove a swap device (swapoff(2), root
 *				only): its pages are read back first
 *
 * -l prints a header and one line per device:
 *
 *	Device       1K-blocks     Used    Avail Capacity    Pages     Used
 *	/dev/wd0        131072     2048   129024       2%    32768      512
 *
 * Size, Used and Avail in KiB, Capacity as a percentage, then the size
 * and use in pages; a Total line follows when there are several
 * devices.  -s prints "total: N 1K-blocks allocated, N used, N
 * available".  The device table is sysctl vm.swap_info (an array of
 * struct swapent, sys/swap.h), the totals vm.swap_total and
 * vm.swap_used, in pages.
 */

#include <sys/types.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: swapctl -l | -s | -a path | -d path\n");
	exit(1);
}

/* Read an int sysctl by name; exits on failure. */
static int
get_int(const char *name)
{
	size_t len;
	int v;

	len = sizeof(v);
	if (sysctlbyname(name, &v, &len, NULL, 0) < 0) {
		fprintf(stderr, "swapctl: %s: %s\n", name, strerror(errno));
		exit(1);
	}
	return (v);
}

/* Pages of psize bytes, in KiB. */
static unsigned long long
kib(unsigned long long pages, unsigned long long psize)
{
	return (pages * psize / 1024);
}

/* used as a percentage of total, rounded to nearest. */
static unsigned
percent(unsigned long long used, unsigned long long total)
{
	if (total == 0)
		return (0);
	return ((unsigned)((used * 100 + total / 2) / total));
}

/* One line of swapctl -l; sizes come in pages of psize bytes. */
static void
print_row(const char *dev, unsigned long long pages,
    unsigned long long used, unsigned long long avail,
    unsigned long long psize)
{
	printf("%-12s %9llu %8llu %8llu %7u%% %8llu %8llu\n", dev,
	    kib(pages, psize), kib(used, psize), kib(avail, psize),
	    percent(used, pages), pages, used);
}

/*
 * Read vm.swap_info: ask for the size, allocate, retry if it grew.
 * Returns the buffer and its length in *lenp; exits on failure.
 */
static char *
get_swap_info(size_t *lenp)
{
	size_t len;
	char *buf;
	int tries;

	for (tries = 0; tries < 8; tries++) {
		len = 0;
		if (sysctlbyname("vm.swap_info", NULL, &len, NULL, 0) < 0)
			break;
		len += 2 * sizeof(struct swapent);
		if ((buf = malloc(len)) == NULL) {
			fprintf(stderr, "swapctl: out of memory\n");
			exit(1);
		}
		if (sysctlbyname("vm.swap_info", buf, &len, NULL, 0) == 0) {
			*lenp = len;
			return (buf);
		}
		free(buf);
		if (errno != ENOMEM)
			break;
	}
	fprintf(stderr, "swapctl: vm.swap_info: %s\n", strerror(errno));
	exit(1);
}

/* swapctl -l */
static int
list(void)
{
	struct swapent se;
	unsigned long long tpages, tused, tavail, avail, psize;
	char *buf, path[SWAP_PATHLEN + 1];
	size_t len, off, sz, minsz;
	int n;

	buf = get_swap_info(&len);
	printf("%-12s %9s %8s %8s %8s %8s %8s\n", "Device", "1K-blocks",
	    "Used", "Avail", "Capacity", "Pages", "Used");
	tpages = tused = tavail = 0;
	psize = 4096;
	n = 0;
	minsz = offsetof(struct swapent, se_path) + SWAP_PATHLEN;
	for (off = 0; off + sizeof(int) <= len; off += sz) {
		memcpy(&se.se_structsize, buf + off, sizeof(int));
		sz = (size_t)se.se_structsize;
		if (sz < minsz || off + sz > len) {
			fprintf(stderr, "swapctl: vm.swap_info: bad record "
			    "size %zu\n", sz);
			return (1);
		}
		memcpy(&se, buf + off, sizeof(se));
		memcpy(path, se.se_path, SWAP_PATHLEN);
		path[SWAP_PATHLEN] = '\0';
		psize = se.se_pagesize != 0 ? se.se_pagesize : 4096;
		/* se_inuse counts the retired blocks too. */
		avail = se.se_nblks > se.se_inuse ?
		    se.se_nblks - se.se_inuse : 0;
		print_row(path, se.se_nblks, se.se_inuse, avail, psize);
		tpages += se.se_nblks;
		tused += se.se_inuse;
		tavail += avail;
		n++;
	}
	if (n > 1)
		print_row("Total", tpages, tused, tavail, psize);
	free(buf);
	return (0);
}

/* swapctl -s */
static int
summary(void)
{
	unsigned long long total, used, psize;
	size_t len;
	int ps;

	total = (unsigned)get_int("vm.swap_total");
	used = (unsigned)get_int("vm.swap_used");
	len = sizeof(ps);
	if (sysctlbyname("hw.pagesize", &ps, &len, NULL, 0) < 0 || ps <= 0)
		ps = 4096;
	psize = (unsigned)ps;
	printf("total: %llu 1K-blocks allocated, %llu used, %llu available\n",
	    kib(total, psize), kib(used, psize),
	    kib(total > used ? total - used : 0, psize));
	return (0);
}

int
main(int argc, char *argv[])
{
	int ch, cmd;
	char *path;

	cmd = 0;
	path = NULL;
	while ((ch = getopt(argc, argv, "a:d:ls")) != -1) {
		if (cmd != 0)
			usage();
		switch (ch) {
		case 'a':
		case 'd':
			path = optarg;
			/* FALLTHROUGH */
		case 'l':
		case 's':
			cmd = ch;
			break;
		default:
			usage();
		}
	}
	if (cmd == 0 || optind != argc)
		usage();
	if (cmd == 'l')
		return (list());
	if (cmd == 's')
		return (summary());
	if ((cmd == 'a' ? swapon(path) : swapoff(path)) < 0) {
		fprintf(stderr, "swapctl: %s: %s\n", path, strerror(errno));
		return (1);
	}
	return (0);
}
