/*
 * disk.c: the swap disk, in host memory, behind disk_strategy() and
 * disk_size() (sys/disk.h), which is all vm_swap.c asks of the disk
 * layer.  It is /dev/wd0 (kern_shim.c's namei); no other disk exists.
 *
 * A transfer is queued by disk_strategy and finished only when the bench
 * says so (disk_complete), in an order it chooses: mostly first come,
 * first served, sometimes any.  Completion is the disk interrupt: it
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
#include <vm/pmap.h>

#include "vmhost.h"

#define	SECTORS_PER_BLOCK	(PAGE_SIZE / DEV_BSIZE)
#define	DISK_MAXQ		256

struct disk_req {
	struct buf	*bp;
	uint32_t	blk;		/* first block */
	int		npages;
	char		*data;		/* a write's data, as it started */
};

u_int disk_nblocks;
int disk_fifo_pct = 75;
static char *disk_data;
static uint8_t *disk_busy;		/* a transfer is in flight */
static uint8_t *disk_bad;		/* fails every transfer */
static struct disk_req disk_q[DISK_MAXQ];
static u_int disk_nq;
static int disk_armed;			/* DISK_ERR_* */
static u_long disk_reads, disk_writes, disk_errors;

void
disk_init(u_int nblocks)
{

	disk_nblocks = nblocks;
	disk_data = host_calloc(nblocks, PAGE_SIZE);
	memset(disk_data, 0xdb, (size_t)nblocks * PAGE_SIZE);
	disk_busy = host_calloc(nblocks, 1);
	disk_bad = host_calloc(nblocks, 1);
}

#define	DISK_DEV	makedev(CDEV_WD, 0)

int
disk_size(dev_t dev, uint32_t *nsectors)
{

	if (dev != DISK_DEV)
		return (ENXIO);
	*nsectors = disk_nblocks * SECTORS_PER_BLOCK;
	return (0);
}

void
disk_strategy(struct buf *bp)
{
	struct disk_req *r;
	uint32_t blk = bp->b_blkno / SECTORS_PER_BLOCK;
	int i;

	if (bp->b_dev != DISK_DEV ||
	    bp->b_blkno % SECTORS_PER_BLOCK != 0 || bp->b_npages < 1 ||
	    bp->b_bcount != (size_t)bp->b_npages * PAGE_SIZE ||
	    blk + bp->b_npages > disk_nblocks)
		panic("disk_strategy: %d pages, %zu bytes at sector %u of "
		    "device %#x", bp->b_npages, bp->b_bcount, bp->b_blkno,
		    bp->b_dev);
	if (disk_nq == DISK_MAXQ)
		panic("disk_strategy: queue full");
	for (i = 0; i < bp->b_npages; i++) {
		if (disk_busy[blk + i])
			bench_fail("disk: block %u: a %s while another "
			    "transfer of it is in flight", blk + i,
			    (bp->b_flags & B_READ) ? "read" : "write");
		disk_busy[blk + i] = 1;
	}
	r = &disk_q[disk_nq++];
	r->bp = bp;
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
disk_set_bad(uint32_t blk)
{

	disk_bad[blk % disk_nblocks] = 1;
}

/* What block blk holds, for the checks to read. */
const void *
disk_block_data(uint32_t blk)
{

	KASSERT(blk < disk_nblocks, ("disk_block_data: block %u", blk));
	return (disk_data + (size_t)blk * PAGE_SIZE);
}

/* A hash of what block blk holds (model.c's page_hash). */
uint64_t
disk_block_hash(uint32_t blk)
{

	return (page_hash(disk_data + (size_t)blk * PAGE_SIZE));
}

void
disk_describe(char *buf, size_t len)
{

	snprintf(buf, len, "%lu reads, %lu writes, %lu errors", disk_reads,
	    disk_writes, disk_errors);
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
		disk_busy[req.blk + i] = 0;
		if (disk_bad[req.blk + i])
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
		blkdata = disk_data + (size_t)(req.blk + i) * PAGE_SIZE;
		if (rd) {
			if (error) {
				bench_poison(disk_block_hash(req.blk + i));
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
