/*
 * swap_pager.c: the pager of anonymous memory that has been paged out.
 *
 * An anonymous object gets a swap pager the first time the pageout
 * daemon writes one of its pages (swap_pager_alloc, from vm_pageout.c),
 * exactly as in 4.4BSD.  The pager's data is a map from page index to
 * swap block.  It is sparse: blocks are kept in clusters of
 * SWAP_META_PAGES consecutive indexes (struct swblock), found through a
 * hash on (object, first index) and listed per object, so that an
 * object of any size costs only for the pages it has on swap.
 *
 * Two index spaces.  The map is indexed by pager index; page pindex of
 * the object is pager index pindex + sw_offset.  sw_offset is 0 except
 * after a 4.4BSD collapse (vm.collapse_pagers=0), which hands the
 * backing object's whole pager to the front object (swap_pager_adopt)
 * and shifts it, as 4.4BSD's paging_offset did.  Blocks at pager
 * indexes outside [sw_offset, sw_offset + size) then belong to no page
 * of the object: they are the "unused portion of the paging space"
 * 4.4BSD admitted to keeping, and stay allocated until the object dies
 * or a collapse with the fix on frees them (they are hidden).  Such a
 * pager may also hold a block under a dirty resident page: 4.4BSD
 * overwrote it when the page was next written out, Umbra frees it then
 * (putpages) or when the fix's sweep finds it (sw_adopted marks such
 * pagers; nowhere else does a block outlive its page's first write).
 * Every function below that takes a pindex takes an object index.
 *
 * Life of a block:
 *	- allocated when the daemon writes a dirty page (putpages), and
 *	  recorded in the map before the write starts;
 *	- valid while the page is not modified: the resident copy and the
 *	  swap copy are the same, and the page can be freed at any time
 *	  (the next fault reads it back, getpage);
 *	- stale as soon as the page is dirtied (vm_page_dirty calls
 *	  pgo_page_stale): freed at once;
 *	- moved to another object by collapse (swap_pager_copy), or freed
 *	  there when hidden;
 *	- freed with the object (dealloc).
 * A write that fails retires the block (swap_retire) and leaves the page
 * dirty and resident.  A read that fails marks the block SWAPBLK_BAD in
 * the map: the contents are lost, and every fault on the page fails.
 *
 * Pageouts are asynchronous.  The disk interrupt only queues the
 * finished buf on swap_pager_done and wakes the daemon, which completes
 * the pages in thread context (swap_pager_complete).  Page-ins are
 * synchronous: the faulting process sleeps in biowait.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/queue.h>
#include <sys/swap.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pageout.h>
#include <vm/vm_pager.h>
#include <vm/vm_param.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

MALLOC_DEFINE(M_SWAPPAGER, "swpager", "swap pager maps and I/O");

#define	SWAP_META_PAGES	16
#define	SWHASH_SIZE	256

struct swblock {
	LIST_ENTRY(swblock)	swb_hash;	/* on its hash chain */
	TAILQ_ENTRY(swblock)	swb_list;	/* on its object's list */
	struct vm_object	*swb_object;
	vm_pindex_t		swb_index;	/* first pager index, aligned */
	int			swb_count;	/* blocks held */
	uint32_t		swb_blocks[SWAP_META_PAGES];
};

struct swpager {
	TAILQ_HEAD(, swblock)	sw_list;	/* the object's clusters */
	u_int			sw_nblocks;	/* blocks held */
	vm_pindex_t		sw_offset;	/* pager index of page 0 */
	bool			sw_adopted;	/* handed over by a 4.4BSD
						   collapse: may hold stale
						   blocks under dirty pages */
};

static LIST_HEAD(, swblock) swhash[SWHASH_SIZE];
static TAILQ_HEAD(, buf) swap_pager_done =
    TAILQ_HEAD_INITIALIZER(swap_pager_done);	/* (i) */
static u_int swap_pager_nbufs;			/* pageouts in flight */

static inline struct swpager *
swp(struct vm_object *object)
{

	return (object->pager);
}

/* The pager index of page pindex of object. */
static inline vm_pindex_t
swp_pidx(struct vm_object *object, vm_pindex_t pindex)
{

	return (pindex + swp(object)->sw_offset);
}

static inline u_int
swhash_index(struct vm_object *object, vm_pindex_t base)
{

	return ((((uintptr_t)object >> 6) ^ (base / SWAP_META_PAGES)) &
	    (SWHASH_SIZE - 1));
}

/* The cluster of object holding pager index pidx, or NULL. */
static struct swblock *
swp_cluster(struct vm_object *object, vm_pindex_t pidx)
{
	vm_pindex_t base = pidx - pidx % SWAP_META_PAGES;
	struct swblock *swb;

	LIST_FOREACH(swb, &swhash[swhash_index(object, base)], swb_hash)
		if (swb->swb_object == object && swb->swb_index == base)
			return (swb);
	return (NULL);
}

/* The block at pager index pidx of object, or SWAPBLK_NONE. */
static uint32_t
swp_getblk(struct vm_object *object, vm_pindex_t pidx)
{
	struct swblock *swb = swp_cluster(object, pidx);

	if (swb == NULL)
		return (SWAPBLK_NONE);
	return (swb->swb_blocks[pidx % SWAP_META_PAGES]);
}

/*
 * Record blk at pager index pidx; the index must hold none.  May need a
 * new cluster: ENOMEM (from the system reserve, never waiting) if there
 * is no memory for it.
 */
static int
swp_setblk(struct vm_object *object, vm_pindex_t pidx, uint32_t blk)
{
	struct swpager *sp = swp(object);
	struct swblock *swb;
	int i;

	if ((swb = swp_cluster(object, pidx)) == NULL) {
		swb = malloc(sizeof(*swb), M_SWAPPAGER, M_NOWAIT | M_SYSTEM);
		if (swb == NULL)
			return (ENOMEM);
		swb->swb_object = object;
		swb->swb_index = pidx - pidx % SWAP_META_PAGES;
		swb->swb_count = 0;
		for (i = 0; i < SWAP_META_PAGES; i++)
			swb->swb_blocks[i] = SWAPBLK_NONE;
		LIST_INSERT_HEAD(&swhash[swhash_index(object, swb->swb_index)],
		    swb, swb_hash);
		TAILQ_INSERT_TAIL(&sp->sw_list, swb, swb_list);
	}
	KASSERT(swb->swb_blocks[pidx % SWAP_META_PAGES] == SWAPBLK_NONE,
	    ("swp_setblk: object %u pager index %u already on swap",
	    object->id, pidx));
	swb->swb_blocks[pidx % SWAP_META_PAGES] = blk;
	swb->swb_count++;
	sp->sw_nblocks++;
	return (0);
}

/*
 * Take slot i's block out of object's cluster swb, freeing the cluster
 * with its last block; the caller frees, retires or moves the block.
 */
static uint32_t
swb_take(struct vm_object *object, struct swblock *swb, int i)
{
	struct swpager *sp = swp(object);
	uint32_t blk = swb->swb_blocks[i];

	KASSERT(blk != SWAPBLK_NONE, ("swb_take: empty slot"));
	swb->swb_blocks[i] = SWAPBLK_NONE;
	sp->sw_nblocks--;
	if (--swb->swb_count == 0) {
		LIST_REMOVE(swb, swb_hash);
		TAILQ_REMOVE(&sp->sw_list, swb, swb_list);
		free(swb, M_SWAPPAGER);
	}
	return (blk);
}

/* Forget pager index pidx's block (the caller frees or retires it). */
static uint32_t
swp_clrblk(struct vm_object *object, vm_pindex_t pidx)
{
	struct swblock *swb = swp_cluster(object, pidx);

	if (swb == NULL ||
	    swb->swb_blocks[pidx % SWAP_META_PAGES] == SWAPBLK_NONE)
		return (SWAPBLK_NONE);
	return (swb_take(object, swb, pidx % SWAP_META_PAGES));
}

/* Give a block back to the allocator, or keep it retired if bad. */
static void
swp_release(uint32_t blk)
{

	if (blk == SWAPBLK_LOST)
		return;
	if (blk & SWAPBLK_BAD)
		swap_retire(blk & SWAPBLK_MASK);
	else
		swap_free(blk, 1);
}

/*
 * Blocks being freed one after another, given back to the allocator in
 * runs of consecutive numbers (collapse frees hidden blocks by the
 * thousand; one call per run is much cheaper than one per block).
 */
struct swrun {
	uint32_t	start;
	u_int		n;
};

static void
swrun_flush(struct swrun *run)
{

	if (run->n != 0)
		swap_free(run->start, run->n);
	run->n = 0;
}

static void
swrun_add(struct swrun *run, uint32_t blk)
{

	if (blk & SWAPBLK_BAD) {
		swp_release(blk);	/* retired, or lost: no run */
		return;
	}
	if (run->n != 0 && blk == run->start + run->n) {
		run->n++;
		return;
	}
	swrun_flush(run);
	run->start = blk;
	run->n = 1;
}

/*
 * Take slot i's block of swb (a cluster of object) and add it to run
 * for freeing.  Returns true if that was the cluster's last block (the
 * cluster is gone).
 */
static bool
swrun_take(struct vm_object *object, struct swblock *swb, int i,
    struct swrun *run)
{
	bool last = swb->swb_count == 1;

	swrun_add(run, swb_take(object, swb, i));
	return (last);
}

/*
 * Give an anonymous object a swap pager, as the pageout daemon does
 * before writing its first page.  Never sleeps: ENOMEM if there is no
 * memory even in the reserve.
 */
int
swap_pager_alloc(struct vm_object *object)
{
	struct swpager *sp;

	KASSERT((object->flags & OBJ_INTERNAL) && object->pgops == NULL,
	    ("swap_pager_alloc: object %u not anonymous or has a pager",
	    object->id));
	sp = malloc(sizeof(*sp), M_SWAPPAGER, M_NOWAIT | M_SYSTEM);
	if (sp == NULL)
		return (ENOMEM);
	TAILQ_INIT(&sp->sw_list);
	sp->sw_nblocks = 0;
	sp->sw_offset = 0;
	sp->sw_adopted = false;
	object->pager = sp;
	object->pgops = &swappagerops;
	return (0);
}

static bool
swap_pager_haspage(struct vm_object *object, vm_pindex_t pindex)
{

	return (swp_getblk(object, swp_pidx(object, pindex)) != SWAPBLK_NONE);
}

/*
 * How many pages just before and after page pindex have swap blocks
 * that continue its block on both sides on the same device (so one
 * transfer reads them all), not retired, and no resident page: at most
 * maxbehind and maxahead.
 */
static void
swap_pager_cluster(struct vm_object *object, vm_pindex_t pindex,
    int maxbehind, int maxahead, int *behind, int *ahead)
{
	vm_pindex_t pidx = swp_pidx(object, pindex);
	uint32_t blk = swp_getblk(object, pidx), b;
	int i;

	*behind = *ahead = 0;
	if (blk == SWAPBLK_NONE || (blk & SWAPBLK_BAD))
		return;
	for (i = 1; i <= maxbehind && pindex >= (vm_pindex_t)i; i++) {
		b = swp_getblk(object, pidx - i);
		if (b != blk - i || !swap_dev_same(blk, b) ||
		    vm_page_lookup(object, pindex - i) != NULL)
			break;
		*behind = i;
	}
	for (i = 1; i <= maxahead && pindex + i < object->size; i++) {
		b = swp_getblk(object, pidx + i);
		if (b != blk + i || !swap_dev_same(blk, b) ||
		    vm_page_lookup(object, pindex + i) != NULL)
			break;
		*ahead = i;
	}
}

/*
 * Read n pages back from swap in one transfer (their blocks are
 * consecutive: swap_pager_cluster said so); the caller sleeps here.  If
 * a read of several pages fails, nothing says whose block is bad:
 * VM_PAGER_AGAIN, and the caller reads the page it needs alone.  If a
 * read of one page fails, its block is marked bad: the contents are
 * lost, and faults on it fail.
 */
static int
swap_pager_getpages(struct vm_object *object, struct vm_page **pgs, int n,
    int req)
{
	vm_pindex_t pidx = swp_pidx(object, pgs[0]->pindex);
	struct swblock *swb;
	struct buf buf;
	uint32_t blk;
	int i;

	blk = swp_getblk(object, pidx + req);
	if (blk == SWAPBLK_NONE)
		return (VM_PAGER_BAD);
	if (blk & SWAPBLK_BAD)
		return (VM_PAGER_ERROR);	/* retired, or lost */
	blk -= req;
	for (i = 0; i < n; i++)
		KASSERT(swp_getblk(object, pidx + i) == blk + i,
		    ("swap_pager_getpages: object %u pages %u+%d not "
		    "contiguous on swap", object->id, pgs[0]->pindex, i));
	memset(&buf, 0, sizeof(buf));
	buf.b_flags = B_READ;
	buf.b_bcount = n * PAGE_SIZE;
	buf.b_npages = n;
	for (i = 0; i < n; i++)
		buf.b_pages[i] = pgs[i];
	if (!swap_io(&buf, blk) || biowait(&buf) != 0) {
		/* Which page's block failed?  The caller tries it alone. */
		if (n > 1)
			return (VM_PAGER_AGAIN);
		/* The object still exists (paging_in_progress): mark it. */
		pidx += req;
		swb = swp_cluster(object, pidx);
		blk = swb->swb_blocks[pidx % SWAP_META_PAGES];
		swb->swb_blocks[pidx % SWAP_META_PAGES] |= SWAPBLK_BAD;
		printf("swap_pager: pager read error, object %u page %u, "
		    "block %u of %s: marked bad\n", object->id,
		    pgs[req]->pindex, blk, swap_dev_name(blk));
		return (VM_PAGER_ERROR);
	}
	for (i = 0; i < n; i++)
		pgs[i]->flags &= ~PG_DIRTY;
	return (VM_PAGER_OK);
}

/* Read page pg back from swap; the caller sleeps here. */
static int
swap_pager_getpage(struct vm_object *object, struct vm_page *pg)
{

	return (swap_pager_getpages(object, &pg, 1, 0));
}

/* A pageout finished (disk interrupt): hand it to the daemon. */
static void
swap_pager_iodone(struct buf *bp)
{

	TAILQ_INSERT_TAIL(&swap_pager_done, bp, b_donelink);
	pagedaemon_wakeup();
}

/*
 * Start writing n dirty busy pages of object, consecutive in index, to
 * swap: one transfer if n consecutive blocks can be had, else a page
 * at a time.  rtvals[i] gets VM_PAGER_PEND for a write started (the
 * daemon completes it in swap_pager_complete), VM_PAGER_FAIL when swap
 * is full, VM_PAGER_AGAIN when memory for the map is short.
 * => the pages are busy and unmapped; the object is held by
 *    paging_in_progress (one per page); never sleeps.
 */
static void
swap_pager_putpages(struct vm_object *object, struct vm_page **pgs, int n,
    int *rtvals)
{
	struct buf *bp;
	uint32_t blk;
	int i, j, run, error;

	for (i = 0; i < n; i += run) {
		run = n - i;
		if ((blk = swap_alloc(run)) == SWAPBLK_NONE) {
			run = 1;
			blk = swap_alloc(1);
		}
		if (blk == SWAPBLK_NONE) {
			rtvals[i] = VM_PAGER_FAIL;
			run = 1;
			continue;
		}
		bp = malloc(sizeof(*bp), M_SWAPPAGER,
		    M_NOWAIT | M_SYSTEM | M_ZERO);
		if (bp == NULL) {
			swap_free(blk, run);
			rtvals[i] = VM_PAGER_AGAIN;
			run = 1;
			continue;
		}
		for (error = 0, bp->b_npages = 0; bp->b_npages < run;
		    bp->b_npages++) {
			struct vm_page *pg = pgs[i + bp->b_npages];

			/*
			 * The old copy of a dirty page: stale, or (after a
			 * 4.4BSD pager adoption) shadowed by this page.
			 */
			vm_pager_page_stale(object, pg->pindex);
			if ((error = swp_setblk(object, swp_pidx(object,
			    pg->pindex), blk + bp->b_npages)) != 0)
				break;
			bp->b_pages[bp->b_npages] = pg;
		}
		if (error != 0) {
			/* Undo; the rest of the run is tried again later. */
			while (bp->b_npages > 0) {
				bp->b_npages--;
				swp_clrblk(object, swp_pidx(object,
				    pgs[i + bp->b_npages]->pindex));
			}
			swap_free(blk, run);
			free(bp, M_SWAPPAGER);
			rtvals[i] = VM_PAGER_AGAIN;
			run = 1;
			continue;
		}
		bp->b_flags = B_WRITE;
		bp->b_bcount = run * PAGE_SIZE;
		bp->b_iodone = swap_pager_iodone;
		bp->b_private = object;
		swap_pager_nbufs++;
		for (j = 0; j < run; j++)
			rtvals[i + j] = VM_PAGER_PEND;
		if (!swap_io(bp, blk))
			panic("swap_pager_putpages: block %u of no device", blk);
	}
}

/*
 * Finish the pageouts whose writes are over (pageout daemon only): a
 * page written is clean, and is freed unless someone waits for it; a
 * page whose write failed stays dirty, and its block is retired.
 */
void
swap_pager_complete(void)
{
	struct vm_object *object;
	struct vm_page *pg;
	struct buf *bp;
	uint32_t blk;
	int s, i;

	for (;;) {
		s = splbio();
		if ((bp = TAILQ_FIRST(&swap_pager_done)) != NULL)
			TAILQ_REMOVE(&swap_pager_done, bp, b_donelink);
		splx(s);
		if (bp == NULL)
			return;
		object = bp->b_private;
		for (i = 0; i < bp->b_npages; i++) {
			pg = bp->b_pages[i];
			if (bp->b_flags & B_ERROR) {
				blk = swp_clrblk(object, swp_pidx(object,
				    pg->pindex));
				swap_retire(blk & SWAPBLK_MASK);
			}
			vm_pageout_done(pg, (bp->b_flags & B_ERROR) == 0);
		}
		if (bp->b_flags & B_ERROR)
			printf("swap_pager: pageout of %d pages of object %u "
			    "failed (error %d); kept in memory\n", bp->b_npages,
			    object->id, bp->b_error);
		swap_pager_nbufs--;
		free(bp, M_SWAPPAGER);
	}
}

u_int
swap_pager_inflight(void)
{

	return (swap_pager_nbufs);
}

/* Page pindex was dirtied or is hidden: its copy on swap goes. */
static void
swap_pager_page_stale(struct vm_object *object, vm_pindex_t pindex)
{
	uint32_t blk;

	if ((blk = swp_clrblk(object, swp_pidx(object, pindex))) !=
	    SWAPBLK_NONE)
		swp_release(blk);
}

/* The object is dying (no paging in progress): free all its swap. */
static void
swap_pager_dealloc(struct vm_object *object)
{
	struct swpager *sp = swp(object);
	struct swblock *swb;
	struct swrun run = { 0, 0 };
	int i;

	while ((swb = TAILQ_FIRST(&sp->sw_list)) != NULL) {
		/* Taking the cluster's last block frees the cluster. */
		for (i = 0; i < SWAP_META_PAGES; i++)
			if (swb->swb_blocks[i] != SWAPBLK_NONE &&
			    swrun_take(object, swb, i, &run))
				break;
	}
	swrun_flush(&run);
	KASSERT(sp->sw_nblocks == 0, ("swap_pager_dealloc: %u blocks left",
	    sp->sw_nblocks));
	free(sp, M_SWAPPAGER);
}

/*
 * The swap block of page pindex of object, or SWAPBLK_NONE (for tests
 * and tools: the block's number, never its contents).
 */
uint32_t
swap_pager_block(struct vm_object *object, vm_pindex_t pindex)
{

	if (object->pgops != &swappagerops)
		return (SWAPBLK_NONE);
	return (swp_getblk(object, swp_pidx(object, pindex)));
}

/*
 * Where page pindex of object is on swap, in words, for messages: "block
 * N of DEVICE", or that it was lost with its device.  A static buffer.
 */
const char *
swap_pager_where(struct vm_object *object, vm_pindex_t pindex)
{
	static char where[64];
	uint32_t blk = swap_pager_block(object, pindex);

	if (blk == SWAPBLK_NONE)
		return ("not on swap");
	if (blk == SWAPBLK_LOST)
		return ("lost when its swap device was removed");
	snprintf(where, sizeof(where), "block %u of %s", blk & SWAPBLK_MASK,
	    swap_dev_name(blk));
	return (where);
}

/* The number of swap blocks object holds, inside its window or not. */
u_int
swap_pager_object_blocks(struct vm_object *object)
{

	return (object->pgops == &swappagerops ? swp(object)->sw_nblocks : 0);
}

/*
 * Did object's pager come from a 4.4BSD collapse (swap_pager_adopt)?
 * Only then may a block sit under a dirty resident page (stale).
 */
bool
swap_pager_adopted(struct vm_object *object)
{

	return (object->pgops == &swappagerops && swp(object)->sw_adopted);
}

/* Is pager index pidx outside object's window? */
static inline bool
swp_outside(struct vm_object *object, vm_pindex_t pidx)
{
	vm_pindex_t off = swp(object)->sw_offset;

	return (pidx < off || pidx - off >= object->size);
}

/*
 * Call fn(arg, pindex) for the pages of object in [start, end) that
 * have a swap block, until fn returns false; returns false if fn
 * stopped the walk.  fn may free the block of the page it is called for
 * (and nothing else of the map).  The cost is the smaller of the range
 * and the object's clusters.
 */
bool
swap_pager_range(struct vm_object *object, vm_pindex_t start,
    vm_pindex_t end, bool (*fn)(void *, vm_pindex_t), void *arg)
{
	struct swpager *sp;
	struct swblock *swb, *next;
	vm_pindex_t pidx, lo, hi, base;
	int i;

	if (object->pgops != &swappagerops || start >= end)
		return (true);
	sp = swp(object);
	lo = start + sp->sw_offset;
	hi = end + sp->sw_offset;
	if (hi - lo < sp->sw_nblocks) {
		for (pidx = lo; pidx < hi; pidx++)
			if (swp_getblk(object, pidx) != SWAPBLK_NONE &&
			    !fn(arg, pidx - sp->sw_offset))
				return (false);
		return (true);
	}
	for (swb = TAILQ_FIRST(&sp->sw_list); swb != NULL; swb = next) {
		next = TAILQ_NEXT(swb, swb_list);
		base = swb->swb_index;
		if (base + SWAP_META_PAGES <= lo || base >= hi)
			continue;
		/* fn may free this cluster: look at the count as we go. */
		for (i = 0; i < SWAP_META_PAGES; i++) {
			if (base + i < lo || base + i >= hi)
				continue;
			if (swp_cluster(object, base) != swb)
				break;		/* freed by fn */
			if (swb->swb_blocks[i] != SWAPBLK_NONE &&
			    !fn(arg, base + i - sp->sw_offset))
				return (false);
		}
	}
	return (true);
}

/* swap_pager_range over the whole window of object. */
bool
swap_pager_foreach(struct vm_object *object,
    bool (*fn)(void *, vm_pindex_t), void *arg)
{

	return (swap_pager_range(object, 0, object->size, fn, arg));
}

/*
 * The blocks object holds outside its window (only after a 4.4BSD
 * pager adoption; see the opening comment).  An adoption at offset 0
 * into a smaller front object leaves blocks past its end too, so
 * sw_offset == 0 does not mean there are none.
 */
u_int
swap_pager_outside_blocks(struct vm_object *object)
{
	struct swblock *swb;
	u_int n = 0;
	int i;

	if (object->pgops != &swappagerops)
		return (0);
	TAILQ_FOREACH(swb, &swp(object)->sw_list, swb_list)
		for (i = 0; i < SWAP_META_PAGES; i++)
			if (swb->swb_blocks[i] != SWAPBLK_NONE &&
			    swp_outside(object, swb->swb_index + i))
				n++;
	return (n);
}

/*
 * Is blk a block of the device whose numbers are [lo, hi)?  A lost
 * entry belongs to no device.
 */
static inline bool
swp_on_dev(uint32_t blk, uint32_t lo, uint32_t hi)
{

	return (blk != SWAPBLK_NONE && blk != SWAPBLK_LOST &&
	    (blk & SWAPBLK_MASK) >= lo && (blk & SWAPBLK_MASK) < hi);
}

/*
 * Free the blocks object holds outside its window: all of them (hi 0,
 * lost entries too), or those on the device [lo, hi).  Returns how
 * many.  Never sleeps.
 */
static u_int
swp_free_outside(struct vm_object *object, uint32_t lo, uint32_t hi)
{
	struct swblock *swb, *next;
	struct swrun run = { 0, 0 };
	uint32_t blk;
	u_int n = 0;
	int i;

	if (object->pgops != &swappagerops)
		return (0);
	for (swb = TAILQ_FIRST(&swp(object)->sw_list); swb != NULL;
	    swb = next) {
		next = TAILQ_NEXT(swb, swb_list);
		for (i = 0; i < SWAP_META_PAGES; i++) {
			blk = swb->swb_blocks[i];
			if (blk == SWAPBLK_NONE ||
			    (hi != 0 && !swp_on_dev(blk, lo, hi)) ||
			    !swp_outside(object, swb->swb_index + i))
				continue;
			n++;
			if (swrun_take(object, swb, i, &run))
				break;
		}
	}
	swrun_flush(&run);
	return (n);
}

/* Free the blocks object holds outside its window; returns how many. */
u_int
swap_pager_trim(struct vm_object *object)
{

	return (swp_free_outside(object, 0, 0));
}

/*
 * Hand the whole cluster swb of src to dst, as dst's cluster at pager
 * index base (aligned), which dst must not have: no block is looked
 * at, the cluster is only re-keyed.
 */
static void
swb_rehome(struct vm_object *src, struct vm_object *dst,
    struct swblock *swb, vm_pindex_t base)
{

	LIST_REMOVE(swb, swb_hash);
	TAILQ_REMOVE(&swp(src)->sw_list, swb, swb_list);
	swp(src)->sw_nblocks -= swb->swb_count;
	swb->swb_object = dst;
	swb->swb_index = base;
	LIST_INSERT_HEAD(&swhash[swhash_index(dst, base)], swb, swb_hash);
	TAILQ_INSERT_TAIL(&swp(dst)->sw_list, swb, swb_list);
	swp(dst)->sw_nblocks += swb->swb_count;
}

/* Does dst have page np, resident or on swap? */
static bool
swp_dst_has(struct vm_object *dst, vm_pindex_t np)
{

	if (dst->resident_page_count != 0 && vm_page_lookup(dst, np) != NULL)
		return (true);
	return (swp_getblk(dst, swp_pidx(dst, np)) != SWAPBLK_NONE);
}

/*
 * Can src's cluster swb move to dst whole?  Only if it lands on one
 * aligned cluster of dst inside dst's window (the usual case: shadows
 * start at offset 0), where dst has no cluster and no resident page
 * for any of its blocks.  *basep gets dst's pager index for it.
 */
static bool
swp_cluster_moves(struct vm_object *src, struct vm_object *dst,
    struct swblock *swb, vm_pindex_t offset, vm_pindex_t *basep)
{
	vm_pindex_t j = swb->swb_index - swp(src)->sw_offset;	/* src idx */
	vm_pindex_t np;
	int i;

	if (swb->swb_index < swp(src)->sw_offset || j < offset)
		return (false);
	np = j - offset;
	*basep = np + swp(dst)->sw_offset;
	if (*basep % SWAP_META_PAGES != 0 || np + SWAP_META_PAGES > dst->size ||
	    swp_cluster(dst, *basep) != NULL)
		return (false);
	if (dst->resident_page_count != 0)
		for (i = 0; i < SWAP_META_PAGES; i++)
			if (swb->swb_blocks[i] != SWAPBLK_NONE &&
			    vm_page_lookup(dst, np + i) != NULL)
				return (false);
	return (true);
}

/*
 * swap_pager_copy(src, dst, offset): the swap half of a collapse
 * (vm_object_collapse) with the fix on.  src is dst's backing object and
 * is about to be absorbed by it; dst's page i is src's page offset + i,
 * so dst's window into src is [offset, offset + dst->size).  Each of
 * src's blocks, at index j, is
 *	- moved into dst at j - offset, if j lies in the window and dst
 *	  has neither a resident page nor a block of its own there;
 *	- freed otherwise: outside the window nobody can read it, and
 *	  where dst has the page, dst's (nearer) copy is the one readers
 *	  see, so src's is hidden.
 * A block retired after a read error (SWAPBLK_BAD) moves like any
 * other: the page stays unreadable, as it was.
 *
 * Only the maps change; no page is read or written.
 * => neither object has paging in progress (a pageout in flight looks
 *    its block up again when it completes); never sleeps.
 * => 0, or ENOMEM if memory for dst's map ran out.  The blocks not yet
 *    moved then still belong to src, where readers through dst still
 *    find them: the state is consistent, and src must stay in the
 *    chain.  A pager-less dst becomes a swap object.
 */
int
swap_pager_copy(struct vm_object *src, struct vm_object *dst,
    vm_pindex_t offset)
{
	struct swblock *swb;
	struct swpager *sp;
	struct swrun run = { 0, 0 };
	vm_pindex_t base, j, np;
	bool last;
	int i;

	KASSERT((src->flags & OBJ_INTERNAL) && (dst->flags & OBJ_INTERNAL),
	    ("swap_pager_copy: objects %u, %u not anonymous", src->id,
	    dst->id));
	KASSERT(src->paging_in_progress == 0 && dst->paging_in_progress == 0,
	    ("swap_pager_copy: objects %u, %u paging", src->id, dst->id));
	if (src->pgops != &swappagerops)
		return (0);
	sp = swp(src);
	if (sp->sw_nblocks != 0 && dst->pgops == NULL &&
	    swap_pager_alloc(dst) != 0)
		return (ENOMEM);
	while ((swb = TAILQ_FIRST(&sp->sw_list)) != NULL) {
		if (swp_cluster_moves(src, dst, swb, offset, &base)) {
			vmobjstats.os_swap_moved += swb->swb_count;
			vmobjstats.os_clusters_moved++;
			swb_rehome(src, dst, swb, base);
			continue;
		}
		/* Block by block; the cluster goes with its last block. */
		for (i = 0; i < SWAP_META_PAGES; i++) {
			if (swb->swb_blocks[i] == SWAPBLK_NONE)
				continue;
			j = swb->swb_index + i - sp->sw_offset;
			np = j - offset;
			if (swb->swb_index + i < sp->sw_offset || j < offset ||
			    np >= dst->size || swp_dst_has(dst, np)) {
				vmobjstats.os_swap_freed++;
				if (swrun_take(src, swb, i, &run))
					break;
				continue;
			}
			if (swp_setblk(dst, swp_pidx(dst, np),
			    swb->swb_blocks[i]) != 0) {
				swrun_flush(&run);
				return (ENOMEM);
			}
			vmobjstats.os_swap_moved++;
			last = swb->swb_count == 1;
			(void)swb_take(src, swb, i);
			if (last)
				break;
		}
	}
	swrun_flush(&run);
	return (0);
}

/*
 * swap_pager_adopt(src, dst, offset): the swap half of a 4.4BSD-Lite
 * collapse (vm.collapse_pagers=0), where only the backing object src
 * has a pager: dst, which has none, takes src's pager whole, shifted so
 * that dst's page i is src's page offset + i.  Nothing is freed: blocks
 * outside dst's window stay allocated, unreadable (4.4BSD's "we ought
 * to discard the unused portion"), and a block where dst has a resident
 * page stays until that page is next written out (4.4BSD overwrote it
 * then; Umbra frees it then, as stale).  Never sleeps, cannot fail.
 * => dst has no pager; neither object has paging in progress.
 */
void
swap_pager_adopt(struct vm_object *src, struct vm_object *dst,
    vm_pindex_t offset)
{
	struct swpager *sp = swp(src);
	struct swblock *swb;

	KASSERT(src->pgops == &swappagerops && dst->pgops == NULL,
	    ("swap_pager_adopt: objects %u, %u", src->id, dst->id));
	KASSERT(src->paging_in_progress == 0 && dst->paging_in_progress == 0,
	    ("swap_pager_adopt: objects %u, %u paging", src->id, dst->id));
	TAILQ_FOREACH(swb, &sp->sw_list, swb_list) {
		LIST_REMOVE(swb, swb_hash);
		swb->swb_object = dst;
		LIST_INSERT_HEAD(&swhash[swhash_index(dst, swb->swb_index)],
		    swb, swb_hash);
	}
	sp->sw_offset += offset;
	sp->sw_adopted = true;
	dst->pager = sp;
	dst->pgops = &swappagerops;
	src->pager = NULL;
	src->pgops = NULL;
}

/*
 * swapoff (vm_swapoff.c).  The functions below look at the blocks of
 * one device, numbers [lo, hi) (swp_on_dev).
 */

/*
 * Free object's blocks on the device that lie outside its window (a
 * 4.4BSD collapse adopts such blocks: nobody can read them).  Returns
 * how many.  Never sleeps.
 */
u_int
swap_pager_dev_outside(struct vm_object *object, uint32_t lo, uint32_t hi)
{

	return (swp_free_outside(object, lo, hi));
}

/*
 * The pages of object, from *cursor on, whose blocks lie on the device
 * (retired ones too): at most max of their indexes into out[], in
 * increasing order; *cursor moves past the last one.  Returns how many
 * (0: there are no more).  The cost is a hash lookup per cluster of the
 * object's window.  Never sleeps.
 */
int
swap_pager_dev_pages(struct vm_object *object, uint32_t lo, uint32_t hi,
    vm_pindex_t *cursor, vm_pindex_t *out, int max)
{
	struct swblock *swb;
	vm_pindex_t off, pidx, end;
	int n = 0;

	if (object->pgops != &swappagerops)
		return (0);
	off = swp(object)->sw_offset;
	end = off + object->size;
	for (pidx = *cursor + off; pidx < end && n < max;
	    pidx += SWAP_META_PAGES - pidx % SWAP_META_PAGES) {
		if ((swb = swp_cluster(object, pidx)) == NULL)
			continue;
		for (; pidx < end && n < max; pidx++) {
			if (swp_on_dev(swb->swb_blocks[pidx %
			    SWAP_META_PAGES], lo, hi))
				out[n++] = pidx - off;
			if ((pidx + 1) % SWAP_META_PAGES == 0)
				break;
		}
		if (n == max) {
			*cursor = out[n - 1] + 1;
			return (n);
		}
	}
	*cursor = pidx - off;
	return (n);
}

/* The block of page pindex if it lies on the device, else SWAPBLK_NONE. */
uint32_t
swap_pager_dev_block(struct vm_object *object, vm_pindex_t pindex,
    uint32_t lo, uint32_t hi)
{
	uint32_t blk;

	if (object->pgops != &swappagerops)
		return (SWAPBLK_NONE);
	blk = swp_getblk(object, swp_pidx(object, pindex));
	return (swp_on_dev(blk, lo, hi) ? blk : SWAPBLK_NONE);
}

/*
 * Page pindex's block was retired after a read error, and its device is
 * going away: the page's contents are lost.  Its entry becomes
 * SWAPBLK_LOST (faults on it still fail) and the block stays retired on
 * its device, which goes with it.
 */
void
swap_pager_page_lost(struct vm_object *object, vm_pindex_t pindex)
{
	struct swblock *swb = swp_cluster(object, swp_pidx(object, pindex));
	int i = swp_pidx(object, pindex) % SWAP_META_PAGES;
	uint32_t blk;

	KASSERT(swb != NULL && (swb->swb_blocks[i] & SWAPBLK_BAD) &&
	    swb->swb_blocks[i] != SWAPBLK_LOST,
	    ("swap_pager_page_lost: object %u page %u not bad", object->id,
	    pindex));
	blk = swb->swb_blocks[i];
	swap_retire(blk & SWAPBLK_MASK);
	swb->swb_blocks[i] = SWAPBLK_LOST;
}

/*
 * For vm.swap_audit: mark object's blocks in `seen', counting blocks
 * owned twice or out of range, and check the object's count.
 */
void
swap_pager_audit(struct vm_object *object, uint32_t *seen, u_int total,
    struct swap_audit *sa)
{
	struct swblock *swb;
	uint32_t blk;
	u_int n = 0;
	int i;

	TAILQ_FOREACH(swb, &swp(object)->sw_list, swb_list) {
		for (i = 0; i < SWAP_META_PAGES; i++) {
			if ((blk = swb->swb_blocks[i]) == SWAPBLK_NONE)
				continue;
			n++;
			if (blk == SWAPBLK_LOST)
				continue;	/* no block */
			blk &= SWAPBLK_MASK;
			sa->sa_owned++;
			if (swp_outside(object, swb->swb_index + i))
				sa->sa_outside++;
			if (blk >= total) {
				sa->sa_out_of_range++;
				continue;
			}
			if (seen[blk / 32] & (1U << (blk % 32)))
				sa->sa_doubly_owned++;
			seen[blk / 32] |= 1U << (blk % 32);
		}
	}
	if (n != swp(object)->sw_nblocks) {
		printf("swap audit: object %u counts %u blocks, holds %u\n",
		    object->id, swp(object)->sw_nblocks, n);
		sa->sa_doubly_owned++;
	}
}

const struct pagerops swappagerops = {
	.pgo_name = "swap",
	.pgo_type = OBJT_SWAP,
	.pgo_haspage = swap_pager_haspage,
	.pgo_getpage = swap_pager_getpage,
	.pgo_getpages = swap_pager_getpages,
	.pgo_cluster = swap_pager_cluster,
	.pgo_putpages = swap_pager_putpages,
	.pgo_dealloc = swap_pager_dealloc,
	.pgo_page_stale = swap_pager_page_stale,
};
