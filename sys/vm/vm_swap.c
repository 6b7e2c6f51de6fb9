/*
 * vm_swap.c: swap devices and the allocation of swap space.
 *
 * swapon(2) adds a disk (only root may); swapoff(2) takes one away
 * (vm_swapoff.c does the paging back in).  Each device is a range of
 * swap blocks, one page each; a new device's range starts after the
 * highest block of the devices present, so a block number names one
 * device for as long as that device is on.  Blocks are allocated from a
 * bitmap per device, next fit from a rotor, as runs of consecutive
 * blocks so that the swap pager can write clusters of pages in one
 * transfer; successive runs go to successive devices (interleaving, as
 * the BSDs do), so that the devices share the load.  A device being
 * taken away (SW_DRAINING) gets no new blocks.  A block that fails a
 * write or read is retired: it stays allocated, marked in the device's
 * bad map, and is never handed out again; it goes with its device.
 *
 * The sysctl nodes vm.swap_total, vm.swap_used (pages) and vm.swap_info
 * (struct swapent per device) describe swap to swapctl(8);
 * vm.swap_audit (root only) checks every object's swap map against the
 * bitmaps.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/disk.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_param.h>
#include <vm/vm_pager.h>
#include <vm/swap_pager.h>

#define	NSWAPDEV	4
#define	SECTORS_PER_BLOCK	(PAGE_SIZE / DEV_BSIZE)

MALLOC_DEFINE(M_SWAPMAP, "swapmap", "swap allocation bitmaps");

struct swdevt {
	int		sw_flags;	/* SW_* */
	dev_t		sw_dev;
	char		sw_path[SWAP_PATHLEN];
	uint32_t	sw_first;	/* its first block number */
	uint32_t	sw_nblks;	/* its blocks */
	uint32_t	sw_inuse;	/* allocated, bad ones included */
	uint32_t	sw_nbad;	/* retired */
	uint32_t	sw_rotor;	/* where the next search starts */
	uint32_t	*sw_map;	/* 1: allocated */
	uint32_t	*sw_badmap;	/* 1: retired */
};

#define	SW_USED		0x0001		/* the slot holds a device */
#define	SW_DRAINING	0x0002		/* swapoff: no new blocks here */

static struct swdevt swdev[NSWAPDEV];
static int nswdev;			/* slots used */
static int swdev_next;			/* interleaving: the next to try */
static u_int swap_total, swap_used;	/* blocks, all devices */
static uint32_t swap_full_logged;	/* ticks of the last message */

int	suser(struct proc *);
int	swap_dev_busy(dev_t);

static inline bool
bit_test(const uint32_t *map, uint32_t i)
{

	return ((map[i / 32] >> (i % 32)) & 1);
}

static inline void
bit_set(uint32_t *map, uint32_t i, bool v)
{

	if (v)
		map[i / 32] |= 1U << (i % 32);
	else
		map[i / 32] &= ~(1U << (i % 32));
}

/* The device holding block blk, or NULL. */
static struct swdevt *
swap_dev(uint32_t blk)
{
	int i;

	for (i = 0; i < NSWAPDEV; i++)
		if ((swdev[i].sw_flags & SW_USED) &&
		    blk >= swdev[i].sw_first &&
		    blk - swdev[i].sw_first < swdev[i].sw_nblks)
			return (&swdev[i]);
	return (NULL);
}

/*
 * Do blocks a and b lie on the same device?  Consecutive numbers need
 * not: the first block of one device may follow the last of another,
 * and one transfer cannot reach both (swap_pager_cluster).
 */
bool
swap_dev_same(uint32_t a, uint32_t b)
{
	struct swdevt *sw = swap_dev(a);

	return (sw != NULL && sw == swap_dev(b));
}

/* The path of the device holding block blk, for messages. */
const char *
swap_dev_name(uint32_t blk)
{
	struct swdevt *sw = swap_dev(blk & SWAPBLK_MASK);

	return (sw != NULL ? sw->sw_path : "no device");
}

/* n consecutive free blocks of sw, from its rotor; or SWAPBLK_NONE. */
static uint32_t
swap_alloc_dev(struct swdevt *sw, u_int n)
{
	uint32_t start, i, tried;

	if (sw->sw_nblks - sw->sw_inuse < n)
		return (SWAPBLK_NONE);
	start = sw->sw_rotor;
	for (tried = 0; tried < sw->sw_nblks; ) {
		if (start + n > sw->sw_nblks) {
			tried += sw->sw_nblks - start;
			start = 0;
			continue;
		}
		for (i = 0; i < n && !bit_test(sw->sw_map, start + i); i++)
			continue;
		if (i == n) {
			for (i = 0; i < n; i++)
				bit_set(sw->sw_map, start + i, true);
			sw->sw_inuse += n;
			sw->sw_rotor = start + n;
			swap_used += n;
			return (sw->sw_first + start);
		}
		start += i + 1;
		tried += i + 1;
	}
	return (SWAPBLK_NONE);
}

/*
 * Allocate n consecutive blocks on one device, trying the devices in
 * turn from the one after the last that gave blocks (interleaving).
 * Returns the first, or SWAPBLK_NONE (with a rate-limited message when
 * swap is full).
 */
uint32_t
swap_alloc(u_int n)
{
	struct swdevt *sw;
	uint32_t blk;
	int i, k;

	for (k = 0; k < NSWAPDEV; k++) {
		i = (swdev_next + k) % NSWAPDEV;
		sw = &swdev[i];
		if ((sw->sw_flags & (SW_USED | SW_DRAINING)) != SW_USED)
			continue;
		if ((blk = swap_alloc_dev(sw, n)) != SWAPBLK_NONE) {
			swdev_next = (i + 1) % NSWAPDEV;
			return (blk);
		}
	}
	if (nswdev > 0 && n == 1)
		log_ratelimited(&swap_full_logged, 10 * hz,
		    "swap_pager: out of swap space\n");
	return (SWAPBLK_NONE);
}

/* Give back n blocks from blk; retired blocks stay allocated. */
void
swap_free(uint32_t blk, u_int n)
{
	struct swdevt *sw = NULL;
	uint32_t i, b;

	for (i = 0; i < n; i++) {
		if (sw == NULL || blk + i - sw->sw_first >= sw->sw_nblks)
			sw = swap_dev(blk + i);
		KASSERT(sw != NULL, ("swap_free: block %u out of range",
		    blk + i));
		b = blk + i - sw->sw_first;
		KASSERT(bit_test(sw->sw_map, b), ("swap_free: block %u free",
		    blk + i));
		if (bit_test(sw->sw_badmap, b))
			continue;
		bit_set(sw->sw_map, b, false);
		sw->sw_inuse--;
		swap_used--;
	}
}

/* An I/O on blk failed: never use it again.  It stays allocated. */
void
swap_retire(uint32_t blk)
{
	struct swdevt *sw = swap_dev(blk);

	KASSERT(sw != NULL && bit_test(sw->sw_map, blk - sw->sw_first),
	    ("swap_retire: block %u not allocated", blk));
	if (!bit_test(sw->sw_badmap, blk - sw->sw_first)) {
		bit_set(sw->sw_badmap, blk - sw->sw_first, true);
		sw->sw_nbad++;
		printf("swap: block %u of %s retired after an I/O error\n",
		    blk - sw->sw_first, sw->sw_path);
	}
}

/*
 * Point bp at block blk of whichever device holds it and start the
 * transfer; false if blk is not a swap block (bp untouched).
 */
bool
swap_io(struct buf *bp, uint32_t blk)
{
	struct swdevt *sw = swap_dev(blk);

	KASSERT(nosleep_depth == 0,
	    ("swap_io: disk I/O in a section that must not sleep"));
	if (sw == NULL)
		return (false);
	bp->b_dev = sw->sw_dev;
	bp->b_blkno = (blk - sw->sw_first) * SECTORS_PER_BLOCK;
	disk_strategy(bp);
	return (true);
}

bool
swap_configured(void)
{

	return (nswdev > 0);
}

u_int
swap_free_blocks(void)
{

	return (swap_total - swap_used);
}

/* Blocks of swap, and blocks in use, over all devices. */
void
swap_usage(u_int *total, u_int *used)
{

	*total = swap_total;
	*used = swap_used;
}

/* The slot of swap device dev, or -1. */
int
swap_dev_lookup(dev_t dev)
{
	int i;

	for (i = 0; i < NSWAPDEV; i++)
		if ((swdev[i].sw_flags & SW_USED) && swdev[i].sw_dev == dev)
			return (i);
	return (-1);
}

/* Is dev a swap device (then raw writes to it are refused)? */
int
swap_dev_busy(dev_t dev)
{

	return (swap_dev_lookup(dev) >= 0);
}

/*
 * swapon(path): page to the disk path names (any disk: wd0, wd1, vd0,
 * ...; sys/disk.h).  Root only (EPERM); the path must be a disk
 * (ENOTBLK for other files, ENODEV for other devices), present
 * (ENXIO), and not already in use (EBUSY).
 */
int
sys_swapon(struct proc *p, struct swapon_args *uap, register_t *retval)
{
	struct swdevt *sw;
	struct vnode *vp;
	uint32_t nblks, nsectors, words, first, *map, *badmap;
	char *path;
	int error, i;

	if ((error = suser(p)) != 0)
		return (error);
	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = copyinstr(uap->name, path, MAXPATHLEN, NULL);
	if (error == 0)
		error = namei(p, path, &vp);
	if (error == 0 && vp->v_type != VCHR)
		error = ENOTBLK;
	if (error == 0)
		error = disk_size(vp->v_rdev, &nsectors);
	if (error == 0 && swap_dev_busy(vp->v_rdev))
		error = EBUSY;
	if (error == 0 && nswdev == NSWAPDEV)
		error = ENOSPC;
	if (error == 0 && (nblks = nsectors / SECTORS_PER_BLOCK) == 0)
		error = ENXIO;
	if (error != 0) {
		free(path, M_TEMP);
		return (error);
	}
	words = howmany(nblks, 32);
	map = malloc(words * sizeof(uint32_t), M_SWAPMAP, M_WAITOK | M_ZERO);
	badmap = malloc(words * sizeof(uint32_t), M_SWAPMAP,
	    M_WAITOK | M_ZERO);
	/* We slept: is the device still free, and a slot? */
	for (i = 0, first = 0, sw = NULL; i < NSWAPDEV; i++) {
		if ((swdev[i].sw_flags & SW_USED) == 0) {
			if (sw == NULL)
				sw = &swdev[i];
			continue;
		}
		first = umax(first, swdev[i].sw_first + swdev[i].sw_nblks);
	}
	if (sw == NULL || swap_dev_busy(vp->v_rdev)) {
		free(map, M_SWAPMAP);
		free(badmap, M_SWAPMAP);
		free(path, M_TEMP);
		return (sw == NULL ? ENOSPC : EBUSY);
	}
	memset(sw, 0, sizeof(*sw));
	sw->sw_flags = SW_USED;
	sw->sw_map = map;
	sw->sw_badmap = badmap;
	sw->sw_dev = vp->v_rdev;
	strlcpy(sw->sw_path, path, sizeof(sw->sw_path));
	sw->sw_first = first;
	sw->sw_nblks = nblks;
	nswdev++;
	swap_total += nblks;
	printf("swap: %s, %u KiB (%u pages)\n", path, nblks * (PAGE_SIZE / 1024),
	    nblks);
	free(path, M_TEMP);
	return (0);
}

/*
 * For swapoff (vm_swapoff.c): the block numbers of slot i, its blocks in
 * use that are not retired, and whether it may get new blocks.
 */
void
swap_dev_range(int i, uint32_t *lo, uint32_t *hi)
{

	*lo = swdev[i].sw_first;
	*hi = swdev[i].sw_first + swdev[i].sw_nblks;
}

u_int
swap_dev_live(int i)
{

	return (swdev[i].sw_inuse - swdev[i].sw_nbad);
}

u_int
swap_dev_retired(int i)
{

	return (swdev[i].sw_nbad);
}

const char *
swap_dev_path(int i)
{

	return (swdev[i].sw_path);
}

void
swap_dev_drain(int i, bool draining)
{

	if (draining)
		swdev[i].sw_flags |= SW_DRAINING;
	else
		swdev[i].sw_flags &= ~SW_DRAINING;
}

/* Free blocks on the devices other than slot i that may take blocks. */
u_int
swap_dev_free_elsewhere(int i)
{
	u_int n = 0;
	int k;

	for (k = 0; k < NSWAPDEV; k++)
		if (k != i && (swdev[k].sw_flags & (SW_USED | SW_DRAINING)) ==
		    SW_USED)
			n += swdev[k].sw_nblks - swdev[k].sw_inuse;
	return (n);
}

/*
 * Take slot i's device away: nothing but retired blocks may be left on
 * it, and no map may hold any of its blocks (vm_swapoff.c saw to both).
 */
void
swap_dev_remove(int i)
{
	struct swdevt *sw = &swdev[i];

	KASSERT((sw->sw_flags & SW_USED) && sw->sw_inuse == sw->sw_nbad,
	    ("swap_dev_remove: %s still has %u blocks in use", sw->sw_path,
	    sw->sw_inuse - sw->sw_nbad));
	swap_total -= sw->sw_nblks;
	swap_used -= sw->sw_inuse;
	free(sw->sw_map, M_SWAPMAP);
	free(sw->sw_badmap, M_SWAPMAP);
	memset(sw, 0, sizeof(*sw));
	nswdev--;
}

static int
sysctl_swap_info(SYSCTL_HANDLER_ARGS)
{
	struct swapent se;
	int i, error;

	if (req->newptr != NULL)
		return (EPERM);
	for (i = 0; i < NSWAPDEV; i++) {
		if ((swdev[i].sw_flags & SW_USED) == 0)
			continue;
		memset(&se, 0, sizeof(se));
		se.se_structsize = sizeof(se);
		se.se_flags = SWF_ENABLE;
		if (swdev[i].sw_flags & SW_DRAINING)
			se.se_flags |= SWF_DRAINING;
		se.se_nblks = swdev[i].sw_nblks;
		se.se_inuse = swdev[i].sw_inuse;
		se.se_nbad = swdev[i].sw_nbad;
		se.se_pagesize = PAGE_SIZE;
		strlcpy(se.se_path, swdev[i].sw_path, sizeof(se.se_path));
		if ((error = SYSCTL_OUT(req, &se, sizeof(se))) != 0)
			return (error);
	}
	return (0);
}

/*
 * vm.swap_audit: mark every block each swap-backed object holds in a
 * scratch bitmap (a block marked twice is doubly owned), then compare
 * with the allocator.  Also printed on the console when it finds
 * anything wrong.  Never sleeps between the walk's start and its end.
 *
 * Block numbers run up to the end of the highest device, which is more
 * than swap_total once a lower device is gone (swapoff): the bitmap
 * covers them all, and a block marked that no device present holds is
 * out of range (each device's bits are cleared as they are compared).
 */
static int
sysctl_swap_audit(SYSCTL_HANDLER_ARGS)
{
	struct swap_audit sa;
	struct vm_object *object;
	struct swdevt *sw;
	uint32_t *seen, b, end = 0;
	bool owned;
	int i;

	if (req->newptr != NULL)
		return (EPERM);
	memset(&sa, 0, sizeof(sa));
	sa.sa_structsize = sizeof(sa);
	sa.sa_total = swap_total;
	for (i = 0; i < NSWAPDEV; i++)
		if (swdev[i].sw_flags & SW_USED)
			end = umax(end, swdev[i].sw_first + swdev[i].sw_nblks);
	seen = malloc(howmany(end + 1, 32) * sizeof(uint32_t), M_TEMP,
	    M_WAITOK | M_ZERO);
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		if (object->pgops != &swappagerops)
			continue;
		sa.sa_objects++;
		if (object->flags & OBJ_FILE)
			sa.sa_file_blocks += swap_pager_object_blocks(object);
		swap_pager_audit(object, seen, end, &sa);
	}
	for (i = 0; i < NSWAPDEV; i++) {
		sw = &swdev[i];
		if ((sw->sw_flags & SW_USED) == 0)
			continue;
		for (b = 0; b < sw->sw_nblks; b++) {
			owned = bit_test(seen, sw->sw_first + b);
			bit_set(seen, sw->sw_first + b, false);
			if (bit_test(sw->sw_badmap, b))
				sa.sa_bad++;
			if (bit_test(sw->sw_map, b)) {
				sa.sa_allocated++;
				if (!owned && !bit_test(sw->sw_badmap, b))
					sa.sa_orphaned++;
			} else if (owned)
				sa.sa_unallocated++;
		}
	}
	for (b = 0; b < end; b++)
		if (bit_test(seen, b))
			sa.sa_out_of_range++;	/* in a gap between devices */
	free(seen, M_TEMP);
	sa.sa_errors = sa.sa_orphaned + sa.sa_unallocated +
	    sa.sa_doubly_owned + sa.sa_out_of_range;
	if (sa.sa_errors != 0)
		printf("swap audit: %u orphaned, %u unallocated, %u doubly "
		    "owned, %u out of range\n", sa.sa_orphaned,
		    sa.sa_unallocated, sa.sa_doubly_owned, sa.sa_out_of_range);
	return (SYSCTL_OUT(req, &sa, sizeof(sa)));
}

SYSCTL_UINT(_vm, OID_AUTO, swap_total, CTLFLAG_RD, &swap_total,
    "Swap space, pages");
SYSCTL_UINT(_vm, OID_AUTO, swap_used, CTLFLAG_RD, &swap_used,
    "Swap space allocated, pages (retired ones included)");
SYSCTL_PROC(_vm, OID_AUTO, swap_info, CTLTYPE_STRUCT | CTLFLAG_RD, NULL, 0,
    sysctl_swap_info, "S,swapent", "Swap devices");
SYSCTL_PROC(_vm, OID_AUTO, swap_audit, CTLTYPE_STRUCT | CTLFLAG_RD |
    CTLFLAG_ROOTONLY | CTLFLAG_SKIP, NULL, 0, sysctl_swap_audit,
    "S,swap_audit", "Check swap maps against the allocator");
