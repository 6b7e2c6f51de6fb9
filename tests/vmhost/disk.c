/*
 * disk.c: the swap disks, in host memory, behind disk_strategy() and
 * disk_size() (sys/disk.h), which is all vm_swap.c asks of the disk
 * layer.  There are two, /dev/wd0 and /dev/wd1 (kern_shim.c's namei),
 * both swapped on at boot, so that swap is interleaved across them;
 * the bench takes one away now and then (swapctl.c) and puts it back.
 *
 * A transfer is queued by disk_strategy and finished only when the bench
 * says so (disk_complete), in an order it chooses: mostly first come,
 * first served, sometimes any; one queue holds both disks' transfers.  Completion is the disk interrupt: it
 * moves the data and calls biodone(), in the harness, as an interrupt
 * handler would.  Injected faults: the next read or the next write
 * fails (DISK_ERR_*), or a block goes bad for good (disk_set_bad).
 *
 * The disk checks the VM as well:
 *	- no two transfers in flight touch the same block;
 *	- only dirty pages are written (a clean one has its copy already);
 *	- a page being written does not change until the write is over
 *	  (the data is taken when the write starts, and compared when it
 *	  ends);
 *	- every transfer is whole pages, inside the disk.
 * A failed read fills its pages with junk, and the data the blocks held
 * is lost (bench_poison, by a hash of the contents): the model then lets
 * faults on pages that must hold it fail.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/disk.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

#include "vmhost.h"

#define	SECTORS_PER_BLOCK	(PAGE_SIZE / DEV_BSIZE)
#define	DISK_MAXQ		256

/* One disk: its blocks, and which are busy or bad. */
struct sim_disk {
	u_int		nblocks;
	char		*data;
	uint8_t		*busy;		/* a transfer is in flight */
	uint8_t		*bad;		/* fails every transfer */
};

struct disk_req {
	struct buf	*bp;
	struct sim_disk	*disk;
	uint32_t	blk;		/* first block */
	int		npages;
	char		*data;		/* a write's data, as it started */
};

int disk_fifo_pct = 75;
static struct sim_disk disks[DISK_NUNITS];
static struct disk_req disk_q[DISK_MAXQ];
static u_int disk_nq;
static int disk_armed;			/* DISK_ERR_* */
static u_long disk_reads, disk_writes, disk_errors;

/* Disk `unit' (wd0, wd1) has nblocks blocks, all holding junk. */
void
disk_init(int unit, u_int nblocks)
{
	struct sim_disk *d = &disks[unit];

	d->nblocks = nblocks;
	d->data = host_calloc(nblocks, PAGE_SIZE);
	memset(d->data, 0xdb, (size_t)nblocks * PAGE_SIZE);
	d->busy = host_calloc(nblocks, 1);
	d->bad = host_calloc(nblocks, 1);
}

u_int
disk_blocks(int unit)
{

	return (disks[unit].nblocks);
}

/* The disk of device number dev, or NULL. */
static struct sim_disk *
disk_of(dev_t dev)
{
	int unit = minor(dev);

	if (dev != DISK_DEV(unit) || unit >= DISK_NUNITS ||
	    disks[unit].nblocks == 0)
		return (NULL);
	return (&disks[unit]);
}

int
disk_size(dev_t dev, uint32_t *nsectors)
{
	struct sim_disk *d = disk_of(dev);

	if (d == NULL)
		return (ENXIO);
	*nsectors = d->nblocks * SECTORS_PER_BLOCK;
	return (0);
}

void
disk_strategy(struct buf *bp)
{
	struct sim_disk *d = disk_of(bp->b_dev);
	struct disk_req *r;
	uint32_t blk = bp->b_blkno / SECTORS_PER_BLOCK;
	int i;

	if (d == NULL ||
	    bp->b_blkno % SECTORS_PER_BLOCK != 0 || bp->b_npages < 1 ||
	    bp->b_bcount != (size_t)bp->b_npages * PAGE_SIZE ||
	    blk + bp->b_npages > d->nblocks)
		panic("disk_strategy: %d pages, %zu bytes at sector %u of "
		    "device %#x", bp->b_npages, bp->b_bcount, bp->b_blkno,
		    bp->b_dev);
	if (disk_nq == DISK_MAXQ)
		panic("disk_strategy: queue full");
	for (i = 0; i < bp->b_npages; i++) {
		if (d->busy[blk + i])
			bench_fail("disk: block %u of wd%d: a %s while another "
			    "transfer of it is in flight", blk + i,
			    minor(bp->b_dev),
			    (bp->b_flags & B_READ) ? "read" : "write");
		d->busy[blk + i] = 1;
	}
	r = &disk_q[disk_nq++];
	r->bp = bp;
	r->disk = d;
	r->blk = blk;
	r->npages = bp->b_npages;
	r->data = NULL;
	if ((bp->b_flags & B_READ) == 0) {
		r->data = host_calloc(r->npages, PAGE_SIZE);
		for (i = 0; i < r->npages; i++) {
			if ((bp->b_pages[i]->flags & PG_DIRTY) == 0)
				bench_fail("disk: page %#x (object %u, index "
				    "%u) is clean, yet it is written to swap",
				    bp->b_pages[i]->phys_addr,
				    bp->b_pages[i]->object->id,
				    bp->b_pages[i]->pindex);
			memcpy(r->data + (size_t)i * PAGE_SIZE,
			    pmap_host_page(bp->b_pages[i]), PAGE_SIZE);
		}
	}
}

u_int
disk_pending(void)
{

	return (disk_nq);
}

void
disk_arm_error(int which)
{

	disk_armed |= which;
}

void
disk_set_bad(int unit, uint32_t blk)
{

	disks[unit].bad[blk % disks[unit].nblocks] = 1;
}

/*
 * What swap block blk holds, for the checks to read: the block of
 * whichever disk vm_swap.c has put blk on (the kernel's own map from
 * block numbers to devices, which the swap I/O goes through too).
 */
const void *
disk_block_data(uint32_t blk)
{
	uint32_t lo, hi;
	int unit, slot;

	for (unit = 0; unit < DISK_NUNITS; unit++) {
		if ((slot = swap_dev_lookup(DISK_DEV(unit))) < 0)
			continue;
		swap_dev_range(slot, &lo, &hi);
		if (blk >= lo && blk < hi)
			return (disks[unit].data + (size_t)(blk - lo) *
			    PAGE_SIZE);
	}
	panic("disk_block_data: block %u is on no swap device", blk);
}

void
disk_describe(char *buf, size_t len)
{

	snprintf(buf, len, "%lu reads, %lu writes, %lu errors (wd0 %u "
	    "blocks, wd1 %u)", disk_reads, disk_writes, disk_errors,
	    disks[0].nblocks, disks[1].nblocks);
}

/*
 * The disk interrupt for one transfer: the first queued (fifo) or the
 * r-th (mod the queue's length).  It fails if its blocks are bad or an
 * error is armed for its direction.
 */
void
disk_complete(uint32_t r, bool fifo)
{
	struct disk_req req;
	struct buf *bp;
	bool error = false, rd;
	char *page, *blkdata;
	u_int k;
	int i;

	KASSERT(disk_nq > 0, ("disk_complete: nothing queued"));
	k = fifo ? 0 : r % disk_nq;
	req = disk_q[k];
	for (; k + 1 < disk_nq; k++)
		disk_q[k] = disk_q[k + 1];
	disk_nq--;
	bp = req.bp;
	rd = (bp->b_flags & B_READ) != 0;
	for (i = 0; i < req.npages; i++) {
		req.disk->busy[req.blk + i] = 0;
		if (req.disk->bad[req.blk + i])
			error = true;
	}
	if ((disk_armed & DISK_ERR_READ) && rd) {
		disk_armed &= ~DISK_ERR_READ;
		error = true;
	}
	if ((disk_armed & DISK_ERR_WRITE) && !rd) {
		disk_armed &= ~DISK_ERR_WRITE;
		error = true;
	}
	for (i = 0; i < req.npages; i++) {
		page = pmap_host_page(bp->b_pages[i]);
		blkdata = req.disk->data + (size_t)(req.blk + i) * PAGE_SIZE;
		if (rd) {
			if (error) {
				bench_poison(page_hash(blkdata));
				memset(page, 0xeb, PAGE_SIZE);
			} else
				memcpy(page, blkdata, PAGE_SIZE);
			continue;
		}
		if (memcmp(page, req.data + (size_t)i * PAGE_SIZE,
		    PAGE_SIZE) != 0)
			bench_fail("disk: page %#x (object %u, index %u) "
			    "changed while being written to block %u",
			    bp->b_pages[i]->phys_addr,
			    bp->b_pages[i]->object != NULL ?
			    bp->b_pages[i]->object->id : 0,
			    bp->b_pages[i]->pindex, req.blk + i);
		if (error)
			memset(blkdata, 0xeb, PAGE_SIZE);
		else
			memcpy(blkdata, req.data + (size_t)i * PAGE_SIZE,
			    PAGE_SIZE);
	}
	host_free(req.data);
	if (rd)
		disk_reads++;
	else
		disk_writes++;
	if (error) {
		disk_errors++;
		bp->b_flags |= B_ERROR;
		bp->b_error = EIO;
	}
	biodone(bp);
}
