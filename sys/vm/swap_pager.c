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
 * Life of a block:
 *	- allocated when the daemon writes a dirty page (putpages), and
 *	  recorded in the map before the write starts;
 *	- valid while the page is not modified: the resident copy and the
 *	  swap copy are the same, and the page can be freed at any time
 *	  (the next fault reads it back, getpage);
 *	- stale as soon as the page is dirtied (vm_page_dirty calls
 *	  pgo_page_stale): freed at once;
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
	vm_pindex_t		swb_index;	/* first index, aligned */
	int			swb_count;	/* blocks held */
	uint32_t		swb_blocks[SWAP_META_PAGES];
};

struct swpager {
	TAILQ_HEAD(, swblock)	sw_list;	/* the object's clusters */
	u_int			sw_nblocks;	/* blocks held */
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

static inline u_int
swhash_index(struct vm_object *object, vm_pindex_t base)
{

	return ((((uintptr_t)object >> 6) ^ (base / SWAP_META_PAGES)) &
	    (SWHASH_SIZE - 1));
}

static struct swblock *
swp_cluster(struct vm_object *object, vm_pindex_t pindex)
{
	vm_pindex_t base = pindex - pindex % SWAP_META_PAGES;
	struct swblock *swb;

	LIST_FOREACH(swb, &swhash[swhash_index(object, base)], swb_hash)
		if (swb->swb_object == object && swb->swb_index == base)
			return (swb);
	return (NULL);
}

/* The block holding page pindex of object, or SWAPBLK_NONE. */
static uint32_t
swp_getblk(struct vm_object *object, vm_pindex_t pindex)
{
	struct swblock *swb = swp_cluster(object, pindex);

	if (swb == NULL)
		return (SWAPBLK_NONE);
	return (swb->swb_blocks[pindex % SWAP_META_PAGES]);
}

/*
 * Record blk as page pindex's block; the index must hold none.  May
 * need a new cluster: ENOMEM (from the system reserve, never waiting)
 * if there is no memory for it.
 */
static int
swp_setblk(struct vm_object *object, vm_pindex_t pindex, uint32_t blk)
{
	struct swpager *sp = swp(object);
	struct swblock *swb;
	int i;

	if ((swb = swp_cluster(object, pindex)) == NULL) {
		swb = malloc(sizeof(*swb), M_SWAPPAGER, M_NOWAIT | M_SYSTEM);
		if (swb == NULL)
			return (ENOMEM);
		swb->swb_object = object;
		swb->swb_index = pindex - pindex % SWAP_META_PAGES;
		swb->swb_count = 0;
		for (i = 0; i < SWAP_META_PAGES; i++)
			swb->swb_blocks[i] = SWAPBLK_NONE;
		LIST_INSERT_HEAD(&swhash[swhash_index(object, swb->swb_index)],
		    swb, swb_hash);
		TAILQ_INSERT_TAIL(&sp->sw_list, swb, swb_list);
	}
	KASSERT(swb->swb_blocks[pindex % SWAP_META_PAGES] == SWAPBLK_NONE,
	    ("swp_setblk: object %u page %u already on swap", object->id,
	    pindex));
	swb->swb_blocks[pindex % SWAP_META_PAGES] = blk;
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

	swb->swb_blocks[i] = SWAPBLK_NONE;
	sp->sw_nblocks--;
	if (--swb->swb_count == 0) {
		LIST_REMOVE(swb, swb_hash);
		TAILQ_REMOVE(&sp->sw_list, swb, swb_list);
		free(swb, M_SWAPPAGER);
	}
	return (blk);
}

/* Forget page pindex's block (the caller frees or retires it). */
static uint32_t
swp_clrblk(struct vm_object *object, vm_pindex_t pindex)
{
	struct swblock *swb = swp_cluster(object, pindex);

	if (swb == NULL ||
	    swb->swb_blocks[pindex % SWAP_META_PAGES] == SWAPBLK_NONE)
		return (SWAPBLK_NONE);
	return (swb_take(object, swb, pindex % SWAP_META_PAGES));
}

/*
 * Hand the whole cluster swb of src to dst, as dst's cluster at base
 * (aligned), which dst must not have: no block is looked at, the
 * cluster is only re-keyed.
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

/* Give a block back to the allocator, or keep it retired if bad. */
static void
swp_release(uint32_t blk)
{

	if (blk & SWAPBLK_BAD)
		swap_retire(blk & SWAPBLK_MASK);
	else
		swap_free(blk, 1);
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
	object->pager = sp;
	object->pgops = &swappagerops;
	return (0);
}

static bool
swap_pager_haspage(struct vm_object *object, vm_pindex_t pindex)
{

	return (swp_getblk(object, pindex) != SWAPBLK_NONE);
}

/* Read page pg back from swap; the caller sleeps here. */
static int
swap_pager_getpage(struct vm_object *object, struct vm_page *pg)
{
	struct swblock *swb;
	struct buf buf;
	uint32_t blk;

	blk = swp_getblk(object, pg->pindex);
	if (blk == SWAPBLK_NONE)
		return (VM_PAGER_BAD);
	if (blk & SWAPBLK_BAD)
		return (VM_PAGER_ERROR);
	memset(&buf, 0, sizeof(buf));
	buf.b_flags = B_READ;
	buf.b_bcount = PAGE_SIZE;
	buf.b_npages = 1;
	buf.b_pages[0] = pg;
	if (!swap_io(&buf, blk) || biowait(&buf) != 0) {
		/* The object still exists (paging_in_progress): mark it. */
		swb = swp_cluster(object, pg->pindex);
		swb->swb_blocks[pg->pindex % SWAP_META_PAGES] |= SWAPBLK_BAD;
		printf("swap_pager: pager read error, object %u page %u\n",
		    object->id, pg->pindex);
		return (VM_PAGER_ERROR);
	}
	pg->flags &= ~PG_DIRTY;
	return (VM_PAGER_OK);
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

			/* A copy that should have gone stale already. */
			vm_pager_page_stale(object, pg->pindex);
			if ((error = swp_setblk(object, pg->pindex,
			    blk + bp->b_npages)) != 0)
				break;
			bp->b_pages[bp->b_npages] = pg;
		}
		if (error != 0) {
			/* Undo; the rest of the run is tried again later. */
			while (bp->b_npages > 0) {
				bp->b_npages--;
				swp_clrblk(object, pgs[i + bp->b_npages]->pindex);
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
				blk = swp_clrblk(object, pg->pindex);
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

/* Page pindex was dirtied: its copy on swap is stale, free it. */
static void
swap_pager_page_stale(struct vm_object *object, vm_pindex_t pindex)
{
	uint32_t blk;

	if ((blk = swp_clrblk(object, pindex)) != SWAPBLK_NONE)
		swp_release(blk);
}

/* The object is dying (no paging in progress): free all its swap. */
static void
swap_pager_dealloc(struct vm_object *object)
{
	struct swpager *sp = swp(object);
	struct swblock *swb;
	int i, n;

	while ((swb = TAILQ_FIRST(&sp->sw_list)) != NULL) {
		/* Clearing the cluster's last block frees it: count. */
		for (i = 0, n = swb->swb_count; n > 0; i++)
			if (swb->swb_blocks[i] != SWAPBLK_NONE) {
				n--;
				swp_release(swp_clrblk(object,
				    swb->swb_index + i));
			}
	}
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
	return (swp_getblk(object, pindex));
}

/* The number of swap blocks object holds. */
u_int
swap_pager_object_blocks(struct vm_object *object)
{

	return (object->pgops == &swappagerops ? swp(object)->sw_nblocks : 0);
}

/*
 * Call fn(arg, pindex) for the pages of object that have a swap block,
 * in no particular order, until fn returns false.  fn must not change
 * the object's swap map.  Returns false if fn stopped the walk.
 */
bool
swap_pager_foreach(struct vm_object *object,
    bool (*fn)(void *, vm_pindex_t), void *arg)
{
	struct swblock *swb;
	int i;

	if (object->pgops != &swappagerops)
		return (true);
	TAILQ_FOREACH(swb, &swp(object)->sw_list, swb_list)
		for (i = 0; i < SWAP_META_PAGES; i++)
			if (swb->swb_blocks[i] != SWAPBLK_NONE &&
			    !fn(arg, swb->swb_index + i))
				return (false);
	return (true);
}

/*
 * swap_pager_copy(src, dst, offset): the swap half of a collapse
 * (vm_object_collapse).  src is dst's backing object and is about to be
 * absorbed by it; dst's page i is src's page offset + i, so dst's
 * window into src is [offset, offset + dst->size).  Each of src's
 * blocks, at index j, is
 *	- moved into dst at j - offset, if j lies in the window and dst
 *	  has neither a resident page nor a block of its own there;
 *	- freed otherwise: outside the window nobody can read it, and
 *	  where dst has the page, dst's (nearer) copy is the one readers
 *	  see, so src's is hidden.
 * A block retired after a read error (SWAPBLK_BAD) moves like any
 * other: the page stays unreadable, as it was.
 *
 * Only the maps change; no page is read or written.  A pageout in
 * flight has its block recorded in src's map and looks the block up
 * again when it completes, so src's paging must be over first: this
 * waits for it (vm_object_collapse calls in only when there is none,
 * so there it never sleeps).  A pager-less dst becomes a swap object.
 *
 * Returns 0, or ENOMEM if memory for dst's map ran out.  The blocks not
 * yet moved then still belong to src, where readers through dst still
 * find them: the state is consistent, and src must stay in the chain.
 */
int
swap_pager_copy(struct vm_object *src, struct vm_object *dst,
    vm_pindex_t offset)
{
	struct swblock *swb, *dswb;
	struct swpager *sp;
	vm_pindex_t base, np;
	uint32_t blk, run = 0, nrun = 0;
	bool aligned, last;
	int i;

	KASSERT((src->flags & OBJ_INTERNAL) && (dst->flags & OBJ_INTERNAL),
	    ("swap_pager_copy: objects %u, %u not anonymous", src->id,
	    dst->id));
	if (src->pgops != &swappagerops)
		return (0);
	vm_object_pip_wait(src, "swpcpy");
	sp = swp(src);
	if (sp->sw_nblocks != 0 && dst->pgops == NULL &&
	    swap_pager_alloc(dst) != 0)
		return (ENOMEM);
	while ((swb = TAILQ_FIRST(&sp->sw_list)) != NULL) {
		/*
		 * A cluster that lands whole on one cluster of dst (the
		 * usual case: shadows start at offset 0) where dst has no
		 * cluster and no resident page, moves as it is.
		 */
		base = swb->swb_index - offset;
		aligned = swb->swb_index >= offset &&
		    base % SWAP_META_PAGES == 0 &&
		    base + SWAP_META_PAGES <= dst->size;
		dswb = aligned ? swp_cluster(dst, base) : NULL;
		if (aligned && dswb == NULL) {
			for (i = 0; i < SWAP_META_PAGES; i++)
				if (swb->swb_blocks[i] != SWAPBLK_NONE &&
				    dst->resident_page_count != 0 &&
				    vm_page_lookup(dst, base + i) != NULL)
					break;
			if (i == SWAP_META_PAGES) {
				vmobjstats.os_swap_moved += swb->swb_count;
				swb_rehome(src, dst, swb, base);
				continue;
			}
		}
		/* Block by block; the cluster goes with its last block. */
		for (i = 0; i < SWAP_META_PAGES; i++) {
			if (swb->swb_blocks[i] == SWAPBLK_NONE)
				continue;
			np = swb->swb_index + i - offset;
			if (swb->swb_index + i < offset || np >= dst->size ||
			    (dst->resident_page_count != 0 &&
			    vm_page_lookup(dst, np) != NULL) ||
			    (aligned ? dswb != NULL &&
			    dswb->swb_blocks[i] != SWAPBLK_NONE :
			    swp_getblk(dst, np) != SWAPBLK_NONE)) {
				last = swb->swb_count == 1;
				blk = swb_take(src, swb, i);
				vmobjstats.os_swap_freed++;
				/* Free consecutive blocks as one run. */
				if (blk & SWAPBLK_BAD)
					swp_release(blk);
				else if (nrun != 0 && blk == run + nrun)
					nrun++;
				else {
					if (nrun != 0)
						swap_free(run, nrun);
					run = blk;
					nrun = 1;
				}
			} else {
				if (swp_setblk(dst, np, swb->swb_blocks[i]) !=
				    0) {
					if (nrun != 0)
						swap_free(run, nrun);
					return (ENOMEM);
				}
				if (aligned && dswb == NULL)
					dswb = swp_cluster(dst, base);
				last = swb->swb_count == 1;
				(void)swb_take(src, swb, i);
				vmobjstats.os_swap_moved++;
			}
			if (last)
				break;
		}
	}
	if (nrun != 0)
		swap_free(run, nrun);
	return (0);
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
			blk &= SWAPBLK_MASK;
			n++;
			sa->sa_owned++;
			if (blk >= total || swb->swb_index + i >= object->size) {
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
	.pgo_putpages = swap_pager_putpages,
	.pgo_dealloc = swap_pager_dealloc,
	.pgo_page_stale = swap_pager_page_stale,
};
