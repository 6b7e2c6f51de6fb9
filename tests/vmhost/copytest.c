/*
 * copytest.c: unit tests of swap_pager_copy's window arithmetic
 * (vmhost -u).  Each case builds a source object with swap blocks at
 * chosen indexes (written through the real swap pager to the fake
 * disk, with a token per page), and a destination with or without a
 * pager, resident pages and blocks of its own, then checks block by
 * block where every block went:
 *	below, above the window		freed
 *	inside, destination lacks it	moved: the same block, same data
 *	shadowed by a resident page	freed
 *	shadowed by a block		freed; the destination keeps its own
 * plus the counters, swap in use, and that the source is left empty.
 * The cases cover a pager-less destination (it becomes a swap object),
 * an unaligned offset, whole clusters that move as they are, and a
 * cluster that straddles the end of the window.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_pageout.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

#include "bench.h"

#define	TOK(obj, idx)	(((uint64_t)(obj) << 32) | 0x5000 | (idx))

static int ncases, nchecks;

#define	CHECK(cond, ...) do {						\
	nchecks++;							\
	if (!(cond))							\
		bench_fail(__VA_ARGS__);				\
} while (0)

/* Write page idx of object to swap, with token tok; leave it on swap. */
static void
put(struct vm_object *object, vm_pindex_t idx, uint64_t tok)
{
	struct vm_page *pg;
	int rv;

	if (object->pgops == NULL && swap_pager_alloc(object) != 0)
		bench_fail("copytest: swap_pager_alloc");
	if ((pg = vm_page_alloc(object, idx, VM_ALLOC_NORMAL)) == NULL)
		bench_fail("copytest: no page");
	page_fill(pmap_host_page(pg), tok);
	pg->flags |= PG_DIRTY | PG_PAGEOUT;
	vm_object_pip_add(object, 1);
	vm_pager_put_pages(object, &pg, 1, &rv);
	CHECK(rv == VM_PAGER_PEND, "copytest: pageout of %u not started",
	    idx);
	while (disk_pending() != 0)
		disk_complete(0, true);
	swap_pager_complete();		/* frees the page: only swap is left */
	CHECK(vm_page_lookup(object, idx) == NULL &&
	    vm_pager_has_page(object, idx), "copytest: page %u not on swap",
	    idx);
}

/* A resident, dirty page idx of object. */
static void
resident(struct vm_object *object, vm_pindex_t idx)
{
	struct vm_page *pg;

	if ((pg = vm_page_alloc(object, idx, VM_ALLOC_NORMAL)) == NULL)
		bench_fail("copytest: no page");
	page_fill(pmap_host_page(pg), TOK(object->id, idx));
	pg->flags |= PG_DIRTY;
	vm_page_activate(pg);
	vm_page_wakeup(pg);
}

/* The token whose pattern page idx's swap block holds, or 0. */
static uint64_t
token_of(struct vm_object *object, vm_pindex_t idx)
{
	static uint64_t page[PAGE_SIZE / 8];
	const uint64_t *data;
	uint32_t blk = swap_pager_block(object, idx);

	if (blk == SWAPBLK_NONE)
		return (0);
	data = disk_block_data(blk & SWAPBLK_MASK);
	page_fill(page, data[0]);
	return (memcmp(page, data, PAGE_SIZE) == 0 ? data[0] : 0);
}

/*
 * One case: src of srcsize pages with blocks at srcidx[], dst of
 * dstsize pages (with a pager if dstpager), resident pages at dres[]
 * and blocks of its own at dblk[]; copy with offset; check.
 */
static void
copycase(const char *name, vm_pindex_t srcsize, const int *srcidx, int nsrc,
    vm_pindex_t dstsize, bool dstpager, const int *dres, int nres,
    const int *dblk, int nblk, vm_pindex_t offset)
{
	struct vm_object *src, *dst;
	uint32_t blks[64];
	u_int total, used0, used1, moved0, freed0, nmoved = 0, nfreed = 0;
	vm_pindex_t np;
	bool shadowed;
	int i, k;

	ncases++;
	src = vm_object_allocate(srcsize);
	dst = vm_object_allocate(dstsize);
	for (i = 0; i < nsrc; i++)
		put(src, srcidx[i], TOK(1, srcidx[i]));
	for (i = 0; i < nblk; i++)
		put(dst, dblk[i], TOK(2, dblk[i]));
	if (dstpager && dst->pgops == NULL && swap_pager_alloc(dst) != 0)
		bench_fail("copytest: swap_pager_alloc");
	for (i = 0; i < nres; i++)
		resident(dst, dres[i]);
	for (i = 0; i < nsrc; i++)
		blks[i] = swap_pager_block(src, srcidx[i]);
	swap_usage(&total, &used0);
	moved0 = vmobjstats.os_swap_moved;
	freed0 = vmobjstats.os_swap_freed;

	CHECK(swap_pager_copy(src, dst, offset) == 0, "copytest %s: "
	    "swap_pager_copy failed", name);

	CHECK(swap_pager_object_blocks(src) == 0, "copytest %s: the source "
	    "kept %u blocks", name, swap_pager_object_blocks(src));
	CHECK(nsrc == 0 || dst->pgops != NULL, "copytest %s: the destination "
	    "has no pager", name);
	for (i = 0; i < nsrc; i++) {
		np = srcidx[i] - offset;
		shadowed = false;
		for (k = 0; k < nres; k++)
			shadowed |= (vm_pindex_t)dres[k] == np;
		for (k = 0; k < nblk; k++)
			shadowed |= (vm_pindex_t)dblk[k] == np;
		if ((vm_pindex_t)srcidx[i] < offset || np >= dstsize ||
		    shadowed) {
			nfreed++;
			continue;
		}
		nmoved++;
		CHECK(swap_pager_block(dst, np) == blks[i], "copytest %s: "
		    "source %d: destination %u has block %#x, not %#x", name,
		    srcidx[i], np, swap_pager_block(dst, np), blks[i]);
		CHECK(token_of(dst, np) == TOK(1, srcidx[i]), "copytest %s: "
		    "the data of source page %d did not follow", name,
		    srcidx[i]);
	}
	for (k = 0; k < nblk; k++)
		CHECK(token_of(dst, dblk[k]) == TOK(2, dblk[k]), "copytest %s: "
		    "the destination's own block %d changed", name, dblk[k]);
	CHECK(swap_pager_object_blocks(dst) == nmoved + nblk, "copytest %s: "
	    "the destination has %u blocks, not %u", name,
	    swap_pager_object_blocks(dst), nmoved + nblk);
	CHECK(vmobjstats.os_swap_moved - moved0 == nmoved &&
	    vmobjstats.os_swap_freed - freed0 == nfreed, "copytest %s: "
	    "counted %u moved, %u freed; expected %u, %u", name,
	    vmobjstats.os_swap_moved - moved0,
	    vmobjstats.os_swap_freed - freed0, nmoved, nfreed);
	swap_usage(&total, &used1);
	CHECK(used0 - used1 == nfreed, "copytest %s: swap in use went from "
	    "%u to %u, %u freed", name, used0, used1, nfreed);

	vm_object_deallocate(src);
	vm_object_deallocate(dst);
	swap_usage(&total, &used1);
	CHECK(used1 == 0, "copytest %s: %u blocks left in use", name, used1);
	out("PASS copytest %s: %u moved, %u freed\n", name, nmoved, nfreed);
}

#define	N(a)	((int)(sizeof(a) / sizeof((a)[0])))

void
copytest_run(void)
{
	static const int s1[] = { 1, 5, 6, 9, 13 }, r1[] = { 2 };
	static const int s2[] = { 4, 7, 8, 11 }, b2[] = { 3 }, r2[] = { 0 };
	static const int s3[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
	    13, 14, 15, 16, 17 };
	static const int r4[] = { 3 };
	static const int s5[] = { 15, 16, 17, 20, 23, 24, 30, 40 };
	static const int none[] = { 0 };

	malloc_nowait_fail_pct = 0;	/* no injected failures here */
	malloc_sleep_pct = 0;
	/* Below, inside, shadowed by a resident page, above; no pager. */
	copycase("window, no pager", 16, s1, N(s1), 8, false, r1, N(r1),
	    none, 0, 4);
	/* Shadowed by a block of the destination's own; with a pager. */
	copycase("window, pager", 16, s2, N(s2), 8, true, r2, N(r2), b2,
	    N(b2), 4);
	/* Offset 0, nothing in the way: clusters move whole. */
	copycase("whole clusters", 32, s3, N(s3), 32, false, none, 0, none,
	    0, 0);
	/* The same with one resident page in the way. */
	copycase("cluster, one resident", 32, s3, N(s3), 32, false, r4,
	    N(r4), none, 0, 0);
	/* Aligned offset, the window ends inside a cluster. */
	copycase("window end in a cluster", 48, s5, N(s5), 8, true, none, 0,
	    none, 0, 16);
	/* An empty source changes nothing. */
	copycase("empty source", 8, none, 0, 8, false, none, 0, none, 0, 0);
	out("PASS copytest: %d cases, %d checks\n", ncases, nchecks);
}
