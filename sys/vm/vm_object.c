/*
 * vm_object.c: virtual memory objects, their chains, collapse, and the
 * reclaim of pages nobody can read.
 *
 * See vm_object.h for what an object is and what its sources are (the
 * map entries and shadows that can read its pages).  This file creates
 * objects, counts references to them, makes shadow objects for
 * copy-on-write, keeps backing chains short (collapse, bypass), and
 * frees the pages that no source can reach any more.
 *
 * Why chains grow.  fork makes every private writable entry of both
 * processes NEEDS_COPY on one shared object O.  The first write in each
 * process gives its entry a shadow in front of O (vm_object_shadow).
 * When the child exits its shadow dies, and O is left with one
 * reference, held by the parent's shadow S: every page of O that S
 * lacks is still visible through S, but O itself is now an extra link
 * that serves nobody else.  Each further fork adds a link.
 *
 * Collapse and bypass.  vm_object_collapse(S) repeats, while S has an
 * anonymous backing object B:
 *	- collapse, when S holds B's only reference: B's pages that S
 *	  does not have and that lie in S's window move into S; the rest
 *	  are hidden and are freed.  S takes over B's backing object and B
 *	  is freed.
 *	- bypass, when B has other references: if S already has every
 *	  page that B has in S's window, B contributes nothing to S, and S
 *	  can point past B to B's backing object, dropping its reference
 *	  on B.
 *
 * Two rule books, switched at run time by vm.collapse_pagers:
 *
 * 0, 4.4BSD-Lite (vm_object_collapse_44bsd), exactly: refuse if the
 *	front object has paging in progress or has a pager, or if the
 *	backing object is not anonymous or is paging; collapse when the
 *	backing object's only reference is the front object's, renaming
 *	its resident pages (freeing those outside the window or under a
 *	valid page of the front object) and, when the backing object has
 *	a pager, giving that pager whole to the front object
 *	(swap_pager_adopt: the part outside the window stays allocated,
 *	4.4BSD's "we ought to discard the unused portion"); bypass only
 *	if the backing object has no pager and every one of its resident
 *	pages in the window is under a valid resident page of the front
 *	object.  Called only where 4.4BSD called it: after a
 *	copy-on-write fault (vm_fault.c), when sbrk extends an object
 *	(vm_object_coalesce), and by the pageout daemon before it gives a
 *	pager-less object a swap pager.  It never sleeps.  Nothing else in
 *	this file runs in mode 0: no reclaim, no deferred work, none of
 *	the triggers below.  This is the 1993 defect: the daemon gives
 *	front objects pagers, such objects never collapse again, and a
 *	forking server's chain and its unreadable swap grow until it exits.
 *
 * 1, the fix (the default; vm_object_collapse_fix): collapse moves the
 *	backing object's swap blocks into the front object too
 *	(swap_pager_copy), freeing the hidden ones, whoever has a pager;
 *	bypass counts a page on swap, in either object, as present.
 *	Collapse is also tried when vm_object_deallocate() leaves an
 *	object with one reference held by its one shadow, at fork before
 *	an entry's object is shared (vm_object_fork), when making a
 *	shadow slept and the other sharers went meanwhile
 *	(vm_object_shadowed), and when a bypass leaves the backing object
 *	to a single shadow.  It never sleeps either: what cannot be done
 *	now (paging in progress, no memory for a swap map) goes on the
 *	deferred queue (below).
 *
 * The order inside a collapse with the fix matters (pitfalls collected
 * from 4.4BSD's successors):
 *	1. resident pages first: a backing page the front object has,
 *	   resident or on swap, is hidden and freed; the others are
 *	   renamed into the front object.  A renamed page that was clean
 *	   is dirtied first, which frees its swap copy: from then on the
 *	   page itself is the only copy, and will be written again if it
 *	   is paged out (otherwise the block would be freed in step 2 as
 *	   shadowed by the now-resident page, and a clean page with no
 *	   copy could be dropped);
 *	2. then swap_pager_copy moves the remaining blocks;
 *	3. then the chain is spliced and the backing object freed.
 * None of it sleeps or does I/O (asserted: NOSLEEP in systm.h).  If
 * memory for the front object's swap map runs out in step 2, the
 * collapse stops half done: the pages and blocks moved are the front
 * object's, the rest are still the backing object's, which stays in
 * the chain; readers see the same pages either way.
 *
 * The cost of deciding to bypass.  After every copy-on-write fault the
 * front object asks whether it now covers its backing object.  Walking
 * the backing object's pages to find out would cost O(its size) per
 * fault.  bypass_deficit is a lower bound on the backing object's pages
 * (in the window) the front object still lacks: set when the shadow is
 * made, decremented by each copy-on-write fault that copies from the
 * backing object itself (the only kind that covers one more of its
 * pages), and made exact by the walk, which runs only when the bound
 * has reached zero.  So a child writing a region pays one walk, at the
 * end, not one per page.
 *
 * No hidden pages, ever (mode 1).  A page of an anonymous object X at
 * index i (resident, or a swap block) is visible when some source of X
 * can read it: a map entry whose window holds i, a reference of another
 * kind, or a shadow S whose window holds i, that lacks the page itself,
 * and at whose index the page is visible in turn.  A page nobody can
 * read is hidden: the 1993 defect's leak is such pages, and so are a
 * backing object's pages that all its shadows have copied, and the
 * pages of a range that was unmapped.  The invariant: with the fix on,
 * no page is hidden, except for the moment inside one operation.
 *
 * vm_object_visible() walks the shadows above X (they form a tree,
 * since every object has one backing object) from i, and stops at the
 * first source that can read the page; its cost grows with the number
 * of objects above X, never with X's size.  A page becomes hidden only
 * when something is taken away from its readers, so the reclaim runs
 * at exactly those events:
 *	- a copy-on-write fault copies page i of X (found behind the first
 *	  object) up: that page is the only one that may now be hidden
 *	  (vm_object_cow);
 *	- X loses a source that saw [start, end) of it: a map entry is
 *	  removed (munmap, sbrk shrinking, exit, exec), a shadow dies or
 *	  bypasses X, another reference goes (vm_object_reclaim_window).
 *	  The pages that may now be hidden lie in that window, in X or in
 *	  the objects below X; where some other shadow R of X sees the
 *	  whole window and is read through a map entry of its own, only
 *	  indexes where R has a page can have lost their last reader, and
 *	  those are looked at instead (R is the smallest such shadow: the
 *	  work is that of the smallest sibling, not of X).  When nothing
 *	  reads X's last pages any more, X's size is cut back, and its
 *	  backing object loses that part of X's window in turn;
 *	- the pageout daemon finds an inactive page nobody can read: it
 *	  frees the page and its block instead of writing it
 *	  (vm_object_page_hidden, a last line of defence).
 * A hidden page that is being paged out is marked PG_RECLAIM and freed
 * when its write ends.  A walk that needs more stack than it has, or a
 * busy page that should not be, sends the object to the deferred queue
 * for a full sweep.
 *
 * Deferred work.  A collapse that found paging in progress or ran out
 * of memory, and a sweep that could not be done in place, put the
 * object on the deferred queue (vm_object_defer; OBJ_DEFERRED, with
 * OBJ_DCOLLAPSE or OBJ_DRECLAIM saying what for).  A kernel thread,
 * vmdeferd (vm_object_deferred_daemon), drains it: it runs the work
 * when paging on the objects ends, sleeping on them meanwhile, without
 * waiting for the owner's next fault.  An object that dies while
 * queued leaves the queue.  Counted: deferred_queued, deferred_retried,
 * deferred_dropped.  Turning the fix on queues every object, so that
 * what mode 0 left hidden is freed.
 *
 * Deallocation is iterative (never recursive), so a long chain cannot
 * overflow the kernel stack when its front object dies.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_map.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

MALLOC_DEFINE(M_VMOBJ, "vmobject", "VM objects");
MALLOC_DEFINE(M_VMDEFER, "vmdeferd", "vmdeferd's walk stack");

struct vm_object_list vm_object_list =
    TAILQ_HEAD_INITIALIZER(vm_object_list);
struct vm_object_stats vmobjstats;
static uint32_t vm_object_next_id = 1;

/*
 * vm.collapse_pagers: 1, the fix and the reclaim of hidden pages; 0,
 * 4.4BSD-Lite's rules (the 1993 defect).
 */
int vm_collapse_pagers = 1;

/* The deferred queue (see above). */
static TAILQ_HEAD(, vm_object) vm_object_deferred =
    TAILQ_HEAD_INITIALIZER(vm_object_deferred);

/* A walk's stack on the kernel stack: bigger trees go to vmdeferd. */
#define	VISIT_STACK	64

static void	vm_object_terminate(struct vm_object *);
static void	vm_object_free(struct vm_object *);
static void	vm_object_defer(struct vm_object *, int);
static void	vm_object_reclaim_window(struct vm_object *, vm_pindex_t,
		    vm_pindex_t);
static void	vm_object_do_bypass(struct vm_object *);

/*
 * A new anonymous object of `size' pages, with one reference for the
 * caller.  May sleep for memory.
 */
struct vm_object *
vm_object_allocate(vm_pindex_t size)
{
	struct vm_object *object;

	object = malloc(sizeof(*object), M_VMOBJ, M_WAITOK | M_ZERO);
	TAILQ_INIT(&object->memq);
	LIST_INIT(&object->shadow_head);
	LIST_INIT(&object->entry_head);
	object->size = size;
	object->ref_count = 1;
	object->flags = OBJ_INTERNAL;
	object->id = vm_object_next_id++;
	TAILQ_INSERT_TAIL(&vm_object_list, object, object_list);
	vmobjstats.os_objects++;
	vmobjstats.os_created++;
	return (object);
}

void
vm_object_reference(struct vm_object *object)
{

	if (object == NULL)
		return;
	KASSERT((object->flags & OBJ_DEAD) == 0,
	    ("vm_object_reference: object %u is dead", object->id));
	object->ref_count++;
}

/* Drop a reference that could read all of object (not a map entry's). */
void
vm_object_deallocate(struct vm_object *object)
{

	if (object != NULL)
		vm_object_deallocate_window(object, 0, object->size);
}

/*
 * Drop a reference that could read pages [start, end) of object: a map
 * entry's (whose window that is), or another kind (the whole object).
 * An object whose last reference goes is terminated (its pages and
 * pager space freed), which drops its shadow reference on its backing
 * object, and so on down the chain, iteratively.  With the fix on,
 * what the reference alone could read is reclaimed, and an anonymous
 * object left with only its one shadow's reference is collapsed into
 * that shadow.
 * => the caller has already taken a map entry off the object's list.
 * => may sleep (terminating an object waits for its paging).
 */
void
vm_object_deallocate_window(struct vm_object *object, vm_pindex_t start,
    vm_pindex_t end)
{
	struct vm_object *backing, *shadow;

	while (object != NULL) {
		KASSERT(object->ref_count > 0,
		    ("vm_object_deallocate: object %u has no references",
		    object->id));
		if (object->ref_count > 1) {
			object->ref_count--;
			if (!vm_collapse_pagers ||
			    (object->flags & (OBJ_INTERNAL | OBJ_DEAD)) !=
			    OBJ_INTERNAL)
				return;
			/*
			 * First what the reference alone could read, in
			 * object and below it; then, if only one shadow is
			 * left holding object, it absorbs object.
			 */
			vm_object_reclaim_window(object, start, end);
			shadow = LIST_FIRST(&object->shadow_head);
			if (object->ref_count == 1 && shadow != NULL &&
			    (shadow->flags & (OBJ_INTERNAL | OBJ_DEAD)) ==
			    OBJ_INTERNAL)
				vm_object_collapse(shadow);
			return;
		}
		backing = object->backing_object;
		start = OFF_TO_IDX(object->backing_offset);
		end = start + object->size;
		vm_object_terminate(object);
		object = backing;
	}
}

/*
 * An object's last reference is gone: wait for paging on it to finish,
 * free its pages and its pager's space, and unlink it from its backing
 * object (whose reference the caller then drops).
 */
static void
vm_object_terminate(struct vm_object *object)
{
	struct vm_page *pg;

	KASSERT(object->shadow_count == 0 && object->entry_count == 0,
	    ("vm_object_terminate: object %u still has sources", object->id));
	object->ref_count = 0;
	object->flags |= OBJ_DEAD;
	vm_object_pip_wait(object, "objtrm");
	while ((pg = TAILQ_FIRST(&object->memq)) != NULL) {
		if (pg->flags & PG_BUSY) {
			vm_page_sleep(pg, "objtrm");
			continue;
		}
		pmap_page_protect(pg, VM_PROT_NONE);
		vm_page_free(pg);
	}
	if (object->pgops != NULL)
		vm_pager_deallocate(object);
	vm_object_free(object);
}

/* Unlink a dead, empty object from its chain and the object list. */
static void
vm_object_free(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;

	KASSERT(object->resident_page_count == 0 && object->pgops == NULL,
	    ("vm_object_free: object %u not empty", object->id));
	if (backing != NULL) {
		LIST_REMOVE(object, shadow_list);
		backing->shadow_count--;
	}
	if (object->flags & OBJ_DEFERRED) {
		TAILQ_REMOVE(&vm_object_deferred, object, deferq);
		vmobjstats.os_deferred_dropped++;
	}
	TAILQ_REMOVE(&vm_object_list, object, object_list);
	vmobjstats.os_objects--;
	vmobjstats.os_generation++;
	free(object, M_VMOBJ);
}

/*
 * Put a new anonymous object in front of *objectp for a map entry that
 * needs its own copy of `length' bytes starting at *offsetp.  The entry's
 * reference on the old object becomes the shadow's; the entry gets the
 * new object at offset 0.  May sleep for memory, before anything
 * changes.
 */
void
vm_object_shadow(struct vm_object **objectp, vm_ooffset_t *offsetp,
    vsize_t length)
{
	struct vm_object *source = *objectp, *result;

	result = vm_object_allocate(atop(length));
	result->backing_object = source;
	result->backing_offset = *offsetp;
	if (source != NULL) {
		LIST_INSERT_HEAD(&source->shadow_head, result, shadow_list);
		source->shadow_count++;
	}
	vmobjstats.os_generation++;
	*objectp = result;
	*offsetp = 0;
}

/*
 * A map entry has just been given the shadow `object' in front of the
 * object it shared (vm_map_entry_shadow).  Sets the shadow's bypass
 * deficit (see "The cost of deciding to bypass") and keeps the
 * longest-chain statistic, which only grows here.  With the fix on:
 * making the shadow may have slept, and the other sharers may have gone
 * meanwhile; then the old object is the new one's alone, and nothing
 * else would collapse it.
 */
void
vm_object_shadowed(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;
	u_int len;

	if (backing != NULL && object->backing_offset == 0 &&
	    object->size >= backing->size)
		object->bypass_deficit = backing->resident_page_count;
	if (vm_collapse_pagers && backing != NULL && backing->ref_count == 1)
		vm_object_collapse(object);
	len = vm_object_chain_length(object);
	if (len > vmobjstats.os_longest_chain)
		vmobjstats.os_longest_chain = len;
}

/*
 * fork is about to share object between parent and child: with the fix
 * on, shorten its chain first, so that what collapses now need not be
 * undone twice later.
 */
void
vm_object_fork(struct vm_object *object)
{

	if (vm_collapse_pagers)
		vm_object_collapse(object);
}

/* Is entry on object's list of map entries? */
bool
vm_object_maps(struct vm_object *object, struct vm_map_entry *entry)
{
	struct vm_map_entry *e;

	LIST_FOREACH(e, &object->entry_head, obj_link)
		if (e == entry)
			return (true);
	return (false);
}

/* Does object have page pindex, resident or with its pager? */
bool
vm_object_has_page(struct vm_object *object, vm_pindex_t pindex)
{

	return ((object->resident_page_count != 0 &&
	    vm_page_lookup(object, pindex) != NULL) ||
	    (object->pgops != NULL && vm_pager_has_page(object, pindex)));
}

/* Does one of object's map entries see all of [start, end)? */
static bool
vm_object_entries_cover(struct vm_object *object, vm_pindex_t start,
    vm_pindex_t end)
{
	struct vm_map_entry *entry;
	vm_pindex_t first;

	LIST_FOREACH(entry, &object->entry_head, obj_link) {
		first = OFF_TO_IDX(entry->offset);
		if (first <= start &&
		    end - first <= atop(entry->end - entry->start))
			return (true);
	}
	return (false);
}

/* Can something other than a map entry or a shadow read object? */
static inline bool
vm_object_held_whole(struct vm_object *object)
{

	return ((object->flags & OBJ_INTERNAL) == 0 ||
	    object->ref_count > object->shadow_count + object->entry_count);
}

/*
 * vm_object_visible(object, pindex, stack, nstack): can any source
 * read page pindex of object (see "No hidden pages, ever")?  Whether the
 * object has the page does not matter.  The walk uses the caller's
 * stack of nstack slots; it visits each object at most once, so a stack
 * as long as the number of objects always suffices.
 * => VIS_VISIBLE, VIS_HIDDEN, or VIS_UNKNOWN if the stack ran out.
 * => never sleeps, changes nothing.
 */
int
vm_object_visible(struct vm_object *object, vm_pindex_t pindex,
    struct vm_visit *stack, u_int nstack)
{
	struct vm_map_entry *entry;
	struct vm_object *shadow;
	vm_pindex_t x, first;
	u_int sp = 0;

	stack[sp].object = object;
	stack[sp++].pindex = pindex;
	while (sp > 0) {
		sp--;
		object = stack[sp].object;
		x = stack[sp].pindex;
		if (vm_object_held_whole(object))
			return (VIS_VISIBLE);
		LIST_FOREACH(entry, &object->entry_head, obj_link)
			if (x - OFF_TO_IDX(entry->offset) <
			    atop(entry->end - entry->start) &&
			    x >= OFF_TO_IDX(entry->offset))
				return (VIS_VISIBLE);
		LIST_FOREACH(shadow, &object->shadow_head, shadow_list) {
			first = OFF_TO_IDX(shadow->backing_offset);
			if (x < first || x - first >= shadow->size)
				continue;
			/*
			 * A dying shadow still reads its window until it is
			 * unlinked; then its backing object loses it as a
			 * source (vm_object_deallocate_window) and is swept.
			 */
			if (shadow->flags & OBJ_DEAD)
				return (VIS_VISIBLE);
			if (vm_object_has_page(shadow, x - first))
				continue;
			if (sp == nstack)
				return (VIS_UNKNOWN);
			stack[sp].object = shadow;
			stack[sp++].pindex = x - first;
		}
	}
	return (VIS_HIDDEN);
}

/*
 * For the pageout daemon, about to write or free pg: is it hidden (the
 * fix is on, and nobody can read it)?  Then it frees the page and its
 * swap block instead.  An undecided walk says no.
 */
bool
vm_object_page_hidden(struct vm_page *pg)
{
	struct vm_visit stack[VISIT_STACK];

	return (vm_collapse_pagers && (pg->object->flags & OBJ_INTERNAL) &&
	    vm_object_visible(pg->object, pg->pindex, stack,
	    nitems(stack)) == VIS_HIDDEN);
}

/* What vm_object_reclaim_page found. */
#define	RECLAIM_NONE	0	/* the object has no such page */
#define	RECLAIM_KEPT	1	/* it has; someone can read it (or may) */
#define	RECLAIM_FREED	2	/* it had; nobody could read it: freed, or
				   freed when its pageout ends */

/*
 * Free page pindex of object, resident and on swap, if nobody can read
 * it.  A hidden page being paged out is freed when the write ends
 * (PG_RECLAIM); a page whose fate the walk could not tell, or a hidden
 * page busy for any other reason, sends the object to vmdeferd.
 * => object is anonymous; never sleeps.
 */
static int
vm_object_reclaim_page(struct vm_object *object, vm_pindex_t pindex,
    struct vm_visit *stack, u_int nstack)
{
	struct vm_page *pg;
	bool swapped;
	int vis;

	KASSERT((object->flags & (OBJ_INTERNAL | OBJ_DEAD)) == OBJ_INTERNAL &&
	    vm_collapse_pagers, ("vm_object_reclaim_page: object %u",
	    object->id));
	pg = object->resident_page_count != 0 ?
	    vm_page_lookup(object, pindex) : NULL;
	swapped = object->pgops != NULL && vm_pager_has_page(object, pindex);
	if (pg == NULL && !swapped)
		return (RECLAIM_NONE);
	vis = vm_object_visible(object, pindex, stack, nstack);
	if (vis == VIS_VISIBLE)
		return (RECLAIM_KEPT);
	if (vis == VIS_UNKNOWN) {
		vm_object_defer(object, OBJ_DRECLAIM);
		return (RECLAIM_KEPT);
	}
	if (pg != NULL) {
		if (pg->flags & PG_BUSY) {
			if ((pg->flags & PG_PAGEOUT) == 0) {
				vm_object_defer(object, OBJ_DRECLAIM);
				return (RECLAIM_KEPT);
			}
			pg->flags |= PG_RECLAIM;
			vmobjstats.os_reclaim_pageouts++;
			return (RECLAIM_FREED);
		}
		pmap_page_protect(pg, VM_PROT_NONE);
		vm_page_free(pg);
		vmobjstats.os_reclaimed_pages++;
	}
	if (swapped) {
		vm_pager_page_stale(object, pindex);
		vmobjstats.os_reclaimed_swap++;
	}
	return (RECLAIM_FREED);
}

/*
 * An index [pindex] of object may have lost its last reader: reclaim
 * the page there if object has one; otherwise, if object itself can no
 * longer be read there, the object behind it may have lost its last
 * reader at the matching index, and so on down.  Stops at the first
 * object that has the page (the objects below were never read through
 * it there) or that is still read there.
 */
static void
vm_object_reclaim_down(struct vm_object *object, vm_pindex_t pindex,
    struct vm_visit *stack, u_int nstack)
{
	int vis;

	while (object != NULL && (object->flags &
	    (OBJ_INTERNAL | OBJ_DEAD)) == OBJ_INTERNAL &&
	    pindex < object->size) {
		if (vm_object_reclaim_page(object, pindex, stack, nstack) !=
		    RECLAIM_NONE)
			return;
		vis = vm_object_visible(object, pindex, stack, nstack);
		if (vis == VIS_UNKNOWN)
			vm_object_defer(object, OBJ_DRECLAIM);
		if (vis != VIS_HIDDEN)
			return;
		pindex += OFF_TO_IDX(object->backing_offset);
		object = object->backing_object;
	}
}

/* Arguments for the swap-range walks below. */
struct reclaimwalk {
	struct vm_object	*object;	/* reclaim here, */
	vm_pindex_t		delta;		/* at the index plus delta */
	struct vm_visit		*stack;
	u_int			nstack;
};

static bool
vm_object_reclaim_swap_fn(void *arg, vm_pindex_t pindex)
{
	struct reclaimwalk *rw = arg;

	(void)vm_object_reclaim_page(rw->object, pindex, rw->stack,
	    rw->nstack);
	return (true);
}

static bool
vm_object_reclaim_down_fn(void *arg, vm_pindex_t pindex)
{
	struct reclaimwalk *rw = arg;

	vm_object_reclaim_down(rw->object, pindex + rw->delta, rw->stack,
	    rw->nstack);
	return (true);
}

/*
 * Reclaim what is hidden among object's own pages in [start, end),
 * resident and on swap, at the cost of the smaller of the range and the
 * object's pages.
 */
static void
vm_object_sweep_range(struct vm_object *object, vm_pindex_t start,
    vm_pindex_t end, struct vm_visit *stack, u_int nstack)
{
	struct reclaimwalk rw = { object, 0, stack, nstack };
	struct vm_page *pg, *next;
	vm_pindex_t i;

	if (end > object->size)
		end = object->size;
	if (start >= end)
		return;
	if (end - start < (vm_pindex_t)object->resident_page_count) {
		for (i = start; i < end; i++)
			if (vm_page_lookup(object, i) != NULL)
				(void)vm_object_reclaim_page(object, i, stack,
				    nstack);
	} else {
		/* reclaim_page frees at most the page it is given. */
		TAILQ_FOREACH_SAFE(pg, &object->memq, listq, next)
			if (pg->pindex >= start && pg->pindex < end)
				(void)vm_object_reclaim_page(object,
				    pg->pindex, stack, nstack);
	}
	swap_pager_range(object, start, end, vm_object_reclaim_swap_fn, &rw);
}

/* Pages an object holds, resident and on swap (an upper bound). */
static inline u_int
vm_object_npages(struct vm_object *object)
{

	return (object->resident_page_count +
	    swap_pager_object_blocks(object));
}

/*
 * The shadow of object whose pages say where [start, end) of object may
 * have lost its last reader (see "No hidden pages, ever"): one whose
 * window holds the whole range and that a map entry reads over all of
 * its own window, the one with the fewest pages; NULL if there is none,
 * or if sweeping the range itself, `cost' pages, is cheaper.
 */
static struct vm_object *
vm_object_small_source(struct vm_object *object, vm_pindex_t start,
    vm_pindex_t end, u_int cost)
{
	struct vm_object *shadow, *best = NULL;
	vm_pindex_t first;
	u_int n;

	LIST_FOREACH(shadow, &object->shadow_head, shadow_list) {
		if (shadow->flags & OBJ_DEAD)
			continue;
		first = OFF_TO_IDX(shadow->backing_offset);
		if (first > start || end - first > shadow->size ||
		    !vm_object_entries_cover(shadow, 0, shadow->size))
			continue;
		if ((n = vm_object_npages(shadow)) < cost) {
			cost = n;
			best = shadow;
		}
	}
	return (best);
}

/* The end of the part of object that some source can read. */
static vm_pindex_t
vm_object_sources_end(struct vm_object *object)
{
	struct vm_map_entry *entry;
	struct vm_object *shadow;
	vm_pindex_t end = 0;

	LIST_FOREACH(entry, &object->entry_head, obj_link)
		end = umax(end, OFF_TO_IDX(entry->offset) +
		    atop(entry->end - entry->start));
	LIST_FOREACH(shadow, &object->shadow_head, shadow_list)
		end = umax(end, OFF_TO_IDX(shadow->backing_offset) +
		    shadow->size);
	return (end);
}

/*
 * object lost a source that could read [start, end) of it (a map entry
 * went, a shadow died or bypassed it, another reference was dropped):
 * free what nobody can read now, in object and below it, and cut
 * object's size back to what its sources still read, which takes part
 * of object's window away from its backing object in turn.  Mode 1
 * only; never sleeps.
 */
static void
vm_object_reclaim_window(struct vm_object *object, vm_pindex_t start,
    vm_pindex_t end)
{
	struct vm_visit stack[VISIT_STACK];
	struct reclaimwalk rw = { NULL, 0, stack, nitems(stack) };
	struct vm_object *o, *src;
	struct vm_page *pg;
	vm_pindex_t a, b, newsize;
	u_int cost;

	NOSLEEP_ENTER();
	while (object != NULL && vm_collapse_pagers &&
	    (object->flags & (OBJ_INTERNAL | OBJ_DEAD)) == OBJ_INTERNAL &&
	    !vm_object_held_whole(object)) {
		end = umin(end, object->size);
		if (start < end && !vm_object_entries_cover(object, start,
		    end)) {
			for (cost = 0, o = object;
			    o != NULL && (o->flags & OBJ_INTERNAL);
			    o = o->backing_object)
				cost += umin(end - start, vm_object_npages(o));
			src = vm_object_small_source(object, start, end, cost);
			if (src != NULL) {
				/* Only where src has a page: see above. */
				a = OFF_TO_IDX(src->backing_offset);
				TAILQ_FOREACH(pg, &src->memq, listq)
					if (pg->pindex + a >= start &&
					    pg->pindex + a < end)
						vm_object_reclaim_down(object,
						    pg->pindex + a, stack,
						    nitems(stack));
				rw.object = object;
				rw.delta = a;
				swap_pager_range(src, start - a, end - a,
				    vm_object_reclaim_down_fn, &rw);
			} else {
				for (o = object, a = start, b = end;
				    o != NULL && (o->flags & OBJ_INTERNAL);
				    a += OFF_TO_IDX(o->backing_offset),
				    b += OFF_TO_IDX(o->backing_offset),
				    o = o->backing_object)
					vm_object_sweep_range(o, a, b, stack,
					    nitems(stack));
			}
		}

		/* Cut the size back if no source reads the end. */
		newsize = vm_object_sources_end(object);
		if (newsize >= object->size)
			break;
		TAILQ_FOREACH(pg, &object->memq, listq)
			if (pg->pindex >= newsize)
				break;
		if (pg != NULL)
			break;		/* a page being paged out: later */
		start = OFF_TO_IDX(object->backing_offset) + newsize;
		end = OFF_TO_IDX(object->backing_offset) + object->size;
		vmobjstats.os_trimmed += object->size - newsize;
		object->size = newsize;
		(void)swap_pager_trim(object);
		vmobjstats.os_generation++;
		object = object->backing_object;
	}
	NOSLEEP_EXIT();
}

/*
 * A copy-on-write fault has copied page pindex of object (found behind
 * first_object) up into first_object.  That page may now be hidden:
 * reclaim it (mode 1).  A copy from first_object's own backing object
 * covers one more of its pages (bypass_deficit).
 * => the fault holds paging_in_progress on object; the page is not busy.
 */
void
vm_object_cow(struct vm_object *first_object, struct vm_object *object,
    vm_pindex_t pindex)
{
	struct vm_visit stack[VISIT_STACK];

	if (object == first_object->backing_object &&
	    first_object->bypass_deficit > 0)
		first_object->bypass_deficit--;
	if (vm_collapse_pagers && (object->flags & OBJ_INTERNAL))
		(void)vm_object_reclaim_page(object, pindex, stack,
		    nitems(stack));
}

/*
 * Free everything hidden in object and in every object below it, and
 * the swap blocks they hold outside their windows or under dirty pages
 * (what mode 0 may leave): vmdeferd's full sweep, with a stack that
 * always suffices.  Never sleeps.
 */
static void
vm_object_sweep(struct vm_object *object, struct vm_visit *stack,
    u_int nstack)
{
	struct vm_page *pg;

	NOSLEEP_ENTER();
	for (; object != NULL && (object->flags &
	    (OBJ_INTERNAL | OBJ_DEAD)) == OBJ_INTERNAL;
	    object = object->backing_object) {
		if (object->pgops != NULL) {
			vmobjstats.os_reclaimed_swap += swap_pager_trim(object);
			TAILQ_FOREACH(pg, &object->memq, listq)
				if ((pg->flags & (PG_DIRTY | PG_BUSY)) ==
				    PG_DIRTY)
					vm_pager_page_stale(object, pg->pindex);
		}
		vm_object_sweep_range(object, 0, object->size, stack, nstack);
	}
	NOSLEEP_EXIT();
}

/*
 * What vm_object_collapse_fix may do with object's backing object now.
 */
#define	COLLAPSE_NONE	0	/* nothing: no anonymous backing object */
#define	COLLAPSE_OK	1	/* collapse or bypass, if the pages allow */
#define	COLLAPSE_BUSY	2	/* not now: paging in progress */

static int
vm_object_collapse_check(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;

	if (backing == NULL ||
	    (object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL ||
	    (backing->flags & (OBJ_INTERNAL | OBJ_DEAD | OBJ_COLLAPSING)) !=
	    OBJ_INTERNAL)
		return (COLLAPSE_NONE);
	if (object->paging_in_progress != 0 ||
	    backing->paging_in_progress != 0)
		return (COLLAPSE_BUSY);
	return (COLLAPSE_OK);
}

/* Splice the absorbed backing object out of object's chain; free it. */
static void
vm_object_splice(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object, *next;

	backing->flags |= OBJ_DEAD;
	next = backing->backing_object;
	LIST_REMOVE(object, shadow_list);
	if (next != NULL) {
		LIST_REMOVE(backing, shadow_list);
		LIST_INSERT_HEAD(&next->shadow_head, object, shadow_list);
	}
	object->backing_object = next;
	object->backing_offset += backing->backing_offset;
	object->bypass_deficit = 0;

	backing->backing_object = NULL;
	backing->shadow_count = 0;
	backing->ref_count = 0;
	/*
	 * A sweep queued for the backing object (a hidden page was busy,
	 * say being read in by swapoff) would die with it, yet its pages
	 * live on in object: the sweep is object's now.
	 */
	if (backing->flags & OBJ_DRECLAIM)
		vm_object_defer(object, OBJ_DRECLAIM);
	vm_object_free(backing);
	vmobjstats.os_collapses++;
#ifdef INVARIANTS
	vm_object_check(object);
#endif
}

/*
 * Absorb the backing object, whose only reference is ours (mode 1; see
 * the order of steps above).
 * => no paging is in progress on either object, so no page of either
 *    is busy.
 * => 0, or ENOMEM if the swap half stopped short: then the backing
 *    object stays, holding what did not move.
 */
static int
vm_object_do_collapse(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;
	vm_pindex_t first = OFF_TO_IDX(object->backing_offset), np;
	struct vm_page *pg, *pgnext;
	uint64_t t0 = uptime_ns();
	int error;

	KASSERT(object->paging_in_progress == 0 &&
	    backing->paging_in_progress == 0 && backing->ref_count == 1,
	    ("vm_object_do_collapse: objects %u, %u not ready", object->id,
	    backing->id));
	NOSLEEP_ENTER();
	backing->flags |= OBJ_COLLAPSING;

	/* 1. Resident pages. */
	TAILQ_FOREACH_SAFE(pg, &backing->memq, listq, pgnext) {
		KASSERT((pg->flags & PG_BUSY) == 0,
		    ("vm_object_do_collapse: busy page without paging"));
		np = pg->pindex - first;
		if (pg->pindex < first || np >= object->size ||
		    vm_object_has_page(object, np)) {
			pmap_page_protect(pg, VM_PROT_NONE);
			vm_page_free(pg);
			vmobjstats.os_pages_freed++;
			continue;
		}
		/* A page with a swap copy is clean: dirty it, free the copy. */
		if (backing->pgops != NULL &&
		    vm_pager_has_page(backing, pg->pindex))
			vm_page_dirty(pg);
		vm_page_rename(pg, object, np);
		vmobjstats.os_pages_moved++;
	}

	/* 2. Swap blocks. */
	error = swap_pager_copy(backing, object, first);
	if (error == 0) {
		if (backing->pgops != NULL)
			vm_pager_deallocate(backing);
		/* 3. Splice the backing object out, and free it. */
		vm_object_splice(object);
	} else
		backing->flags &= ~OBJ_COLLAPSING;
	NOSLEEP_EXIT();
	vmobjstats.os_collapse_ns += (u_int)(uptime_ns() - t0);
	return (error);
}

/*
 * Does the front object lack page np?  A page still being filled
 * (PG_FAKE) counts as lacking: its fault may yet fail.
 */
static bool
vm_object_lacks(struct vm_object *object, vm_pindex_t np)
{
	struct vm_page *pg;

	if ((pg = vm_page_lookup(object, np)) != NULL)
		return ((pg->flags & PG_FAKE) != 0);
	return (object->pgops == NULL || !vm_pager_has_page(object, np));
}

struct uncovered {
	struct vm_object	*object;	/* the front object */
	vm_pindex_t		first;		/* its window in the backing */
	u_int			n;
};

static bool
vm_object_uncovered_fn(void *arg, vm_pindex_t pindex)
{
	struct uncovered *uc = arg;

	/* A block under a resident page was counted with the page. */
	if (vm_page_lookup(uc->object->backing_object, pindex) == NULL &&
	    vm_object_lacks(uc->object, pindex - uc->first))
		uc->n++;
	return (true);
}

/*
 * How many pages of object's backing object, resident or on swap and
 * inside object's window, does object lack?  A page held both ways
 * counts once; a page of object still being filled (PG_FAKE) does not
 * count as present, since its fault may yet fail.  O(the backing
 * object's pages).
 */
static u_int
vm_object_uncovered(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;
	struct uncovered uc = { object, OFF_TO_IDX(object->backing_offset),
	    0 };
	struct vm_page *pg;

	TAILQ_FOREACH(pg, &backing->memq, listq)
		if (pg->pindex >= uc.first &&
		    pg->pindex - uc.first < object->size &&
		    vm_object_lacks(object, pg->pindex - uc.first))
			uc.n++;
	swap_pager_range(backing, uc.first, uc.first + object->size,
	    vm_object_uncovered_fn, &uc);
	return (uc.n);
}

/*
 * Can object bypass its backing object now?  O(1) while the deficit
 * says it cannot; otherwise a walk, which makes the deficit exact.
 */
static bool
vm_object_bypass_ok(struct vm_object *object)
{

	if (object->bypass_deficit > 0)
		return (false);
	object->bypass_deficit = vm_object_uncovered(object);
	return (object->bypass_deficit == 0);
}

/*
 * Point object past its backing object, which others still reference:
 * object takes a reference on the next object down and drops the one
 * it held on the backing object (which cannot be the last).  With the
 * fix on, the backing object has lost a source (reclaim), and if that
 * leaves it to one shadow, the shadow absorbs it.  Never sleeps.
 */
static void
vm_object_do_bypass(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object, *next, *shadow;
	vm_pindex_t first = OFF_TO_IDX(object->backing_offset);

	NOSLEEP_ENTER();
	next = backing->backing_object;
	LIST_REMOVE(object, shadow_list);
	backing->shadow_count--;
	if (next != NULL) {
		vm_object_reference(next);
		LIST_INSERT_HEAD(&next->shadow_head, object, shadow_list);
		next->shadow_count++;
	}
	object->backing_object = next;
	object->backing_offset += backing->backing_offset;
	object->bypass_deficit = 0;
	KASSERT(backing->ref_count > 1,
	    ("vm_object_do_bypass: last reference to object %u", backing->id));
	backing->ref_count--;
	vmobjstats.os_bypasses++;
	vmobjstats.os_generation++;
#ifdef INVARIANTS
	vm_object_check(object);
	vm_object_check(backing);
#endif
	if (vm_collapse_pagers) {
		/*
		 * The backing object may now be left to one shadow (another
		 * process's object, typically: a child bypassed the object
		 * it shared with its parent).  Let that shadow absorb it
		 * now, rather than at its next trigger, which may never
		 * come.  Either way it lost a source first.
		 */
		vm_object_reclaim_window(backing, first, first + object->size);
		shadow = LIST_FIRST(&backing->shadow_head);
		if (backing->ref_count == 1 && shadow != NULL) {
			if (vm_object_collapse_check(shadow) != COLLAPSE_OK)
				vm_object_defer(shadow, OBJ_DCOLLAPSE);
			else if (vm_object_do_collapse(shadow) != 0) {
				vmobjstats.os_refused_nomem++;
				vm_object_defer(shadow, OBJ_DCOLLAPSE);
			} else if (vm_object_collapse_check(shadow) ==
			    COLLAPSE_OK && (shadow->backing_object->ref_count ==
			    1 || vm_object_bypass_ok(shadow)))
				/* Its new backing object can go too: later. */
				vm_object_defer(shadow, OBJ_DCOLLAPSE);
		}
	}
	NOSLEEP_EXIT();
}

/*
 * Mode 1: shorten object's chain as far as the fix allows: collapse or
 * bypass its backing object, again and again.  What cannot be done now
 * is left to vmdeferd.  Never sleeps.
 */
static void
vm_object_collapse_fix(struct vm_object *object)
{

	KASSERT(object->ref_count > 0 && (object->flags & OBJ_DEAD) == 0,
	    ("vm_object_collapse: object %u is not held", object->id));

	for (;;) {
		switch (vm_object_collapse_check(object)) {
		case COLLAPSE_NONE:
			return;
		case COLLAPSE_BUSY:
			vmobjstats.os_refused_busy++;
			vm_object_defer(object, OBJ_DCOLLAPSE);
			return;
		}
		if (object->backing_object->ref_count == 1) {
			if (vm_object_do_collapse(object) != 0) {
				vmobjstats.os_refused_nomem++;
				vm_object_defer(object, OBJ_DCOLLAPSE);
				return;
			}
		} else if (vm_object_bypass_ok(object))
			vm_object_do_bypass(object);
		else
			return;
	}
}

/*
 * Mode 0: 4.4BSD-Lite's collapse of object with its backing object
 * (see "Two rule books").  The backing object's only reference is
 * object's, and object has no pager.  Never sleeps.
 */
static void
vm_object_do_collapse_44bsd(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;
	vm_pindex_t first = OFF_TO_IDX(object->backing_offset), np;
	struct vm_page *pg, *pgnext, *pp;

	NOSLEEP_ENTER();
	TAILQ_FOREACH_SAFE(pg, &backing->memq, listq, pgnext) {
		np = pg->pindex - first;
		if (pg->pindex >= first && np < object->size) {
			pp = vm_page_lookup(object, np);
			if (pp == NULL) {
				vm_page_rename(pg, object, np);
				vmobjstats.os_pages_moved++;
				continue;
			}
			KASSERT((pp->flags & PG_FAKE) == 0,
			    ("vm_object_collapse: fake page without paging"));
		}
		pmap_page_protect(pg, VM_PROT_NONE);
		vm_page_free(pg);
		vmobjstats.os_pages_freed++;
	}
	if (backing->pgops != NULL)
		swap_pager_adopt(backing, object, first);
	vm_object_splice(object);
	NOSLEEP_EXIT();
}

/*
 * Mode 0: does object have, resident and valid, every resident page of
 * its backing object inside its window?  (4.4BSD's bypass test: it
 * never looked at pagers, and refused backing objects that have one.)
 */
static bool
vm_object_backing_resident_shadowed(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;
	vm_pindex_t first = OFF_TO_IDX(object->backing_offset), np;
	struct vm_page *pg, *pp;

	TAILQ_FOREACH(pg, &backing->memq, listq) {
		np = pg->pindex - first;
		if (pg->pindex < first || np >= object->size)
			continue;
		pp = vm_page_lookup(object, np);
		if (pp == NULL || (pp->flags & PG_FAKE))
			return (false);
	}
	return (true);
}

/* Mode 0: 4.4BSD-Lite's vm_object_collapse, rule for rule. */
static void
vm_object_collapse_44bsd(struct vm_object *object)
{
	struct vm_object *backing;

	for (;;) {
		if (object->paging_in_progress != 0 ||
		    (backing = object->backing_object) == NULL ||
		    (object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL)
			return;
		if (object->pgops != NULL) {
			vmobjstats.os_refused_pager++;
			return;
		}
		if ((backing->flags & (OBJ_INTERNAL | OBJ_DEAD)) !=
		    OBJ_INTERNAL || backing->paging_in_progress != 0)
			return;
		if (backing->ref_count == 1) {
			vm_object_do_collapse_44bsd(object);
			continue;
		}
		if (backing->pgops != NULL) {
			vmobjstats.os_refused_pager++;
			return;
		}
		if (!vm_object_backing_resident_shadowed(object))
			return;
		vm_object_do_bypass(object);
	}
}

/*
 * Shorten object's backing chain by the rules vm.collapse_pagers
 * selects (see "Two rule books").
 * => the caller holds a reference to object (a map entry's will do).
 * => never sleeps; with the fix on, what cannot be done now is queued
 *    for vmdeferd.
 */
void
vm_object_collapse(struct vm_object *object)
{

	if (vm_collapse_pagers)
		vm_object_collapse_fix(object);
	else
		vm_object_collapse_44bsd(object);
}

/*
 * Queue object for vmdeferd, for `what' (OBJ_DCOLLAPSE, OBJ_DRECLAIM).
 * Holds no reference: an object that dies leaves the queue.
 */
static void
vm_object_defer(struct vm_object *object, int what)
{

	if ((object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL)
		return;
	if ((object->flags & OBJ_DEFERRED) == 0) {
		TAILQ_INSERT_TAIL(&vm_object_deferred, object, deferq);
		object->flags |= OBJ_DEFERRED;
		vmobjstats.os_deferred_queued++;
		wakeup(&vm_object_deferred);
	}
	object->flags |= what;
}

/*
 * vmdeferd: run the deferred collapses and sweeps.  Nothing it does
 * sleeps but the waits between items, so the object it works on cannot
 * go away under it.  Work still blocked by paging goes back on the
 * queue, and the daemon sleeps until that paging ends (or a tenth of a
 * second: the object it sleeps on may die meanwhile, and it never looks
 * at it again after waking).
 */
void
vm_object_deferred_daemon(void *arg)
{
	struct vm_visit *stack = NULL;
	struct vm_object *object, *busy;
	u_int nstack = 0;
	int what;

	for (;;) {
		if (TAILQ_EMPTY(&vm_object_deferred)) {
			/* Keep no memory while idle. */
			free(stack, M_VMDEFER);
			stack = NULL;
			nstack = 0;
		}
		while (TAILQ_EMPTY(&vm_object_deferred))
			tsleep(&vm_object_deferred, 0, "vmdefer", 0);
		/* A stack for walks over every object; may sleep. */
		if (nstack < vmobjstats.os_objects + 16) {
			free(stack, M_VMDEFER);
			nstack = 2 * vmobjstats.os_objects + 16;
			stack = malloc(nstack * sizeof(*stack), M_VMDEFER,
			    M_WAITOK);
			continue;
		}
		object = TAILQ_FIRST(&vm_object_deferred);
		TAILQ_REMOVE(&vm_object_deferred, object, deferq);
		what = object->flags & (OBJ_DCOLLAPSE | OBJ_DRECLAIM);
		object->flags &= ~(OBJ_DEFERRED | OBJ_DCOLLAPSE | OBJ_DRECLAIM);
		/* Dying (terminate waits for its paging): its work goes too. */
		if (!vm_collapse_pagers || (object->flags & OBJ_DEAD)) {
			vmobjstats.os_deferred_dropped++;
			continue;
		}
		vmobjstats.os_deferred_retried++;
		if (what & OBJ_DRECLAIM)
			vm_object_sweep(object, stack, nstack);
		if (what & OBJ_DCOLLAPSE)
			vm_object_collapse(object);
		if ((object->flags & OBJ_DEFERRED) == 0)
			continue;
		/* Still blocked: wait for the paging to end. */
		busy = object->paging_in_progress != 0 ||
		    object->backing_object == NULL ? object :
		    object->backing_object;
		busy->flags |= OBJ_PIPWNT;
		vmobjstats.os_waits++;
		tsleep(busy, 0, "vmdefer", hz / 10);
	}
}

/*
 * Free the resident pages and the pager's copies of pages [start, end)
 * of object (end 0: to the end of the object).  Sleeps on busy pages.
 */
void
vm_object_page_remove(struct vm_object *object, vm_pindex_t start,
    vm_pindex_t end)
{
	struct vm_page *pg, *next;
	vm_pindex_t i;

	if (end == 0 || end > object->size)
		end = object->size;
again:
	TAILQ_FOREACH_SAFE(pg, &object->memq, listq, next) {
		if (pg->pindex < start || pg->pindex >= end)
			continue;
		if (pg->flags & PG_BUSY) {
			vm_page_sleep(pg, "objpgr");
			goto again;
		}
		pmap_page_protect(pg, VM_PROT_NONE);
		vm_page_free(pg);
	}
	if (object->pgops != NULL)
		for (i = start; i < end; i++)
			vm_pager_page_stale(object, i);
}

/*
 * Can the anonymous object behind a map entry simply grow by next_size
 * pages, so that the entry can be extended instead of adding a new one
 * (sbrk)?  Only if nothing but that entry can see the object (in mode
 * 0, as in 4.4BSD, only if it has no pager either); a collapse is tried
 * first, as 4.4BSD did.  Pages left over in the new range (mode 0 never
 * frees them when the break shrinks) are freed, so the new memory reads
 * as zero.
 */
bool
vm_object_coalesce(struct vm_object *object, vm_pindex_t pindex,
    vm_pindex_t prev_size, vm_pindex_t next_size)
{
	vm_pindex_t newend = pindex + prev_size + next_size;

	if (object == NULL)
		return (true);
	vm_object_collapse(object);
	if ((object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL ||
	    object->ref_count > 1 || object->backing_object != NULL ||
	    object->shadow_count != 0 || object->paging_in_progress != 0 ||
	    (!vm_collapse_pagers && object->pgops != NULL))
		return (false);
	if (pindex + prev_size < object->size)
		vm_object_page_remove(object, pindex + prev_size, newend);
	if (newend > object->size)
		object->size = newend;
	return (true);
}

/* paging_in_progress: see vm_object.h. */
void
vm_object_pip_add(struct vm_object *object, int n)
{

	object->paging_in_progress += n;
}

void
vm_object_pip_wakeup(struct vm_object *object)
{

	KASSERT(object->paging_in_progress > 0,
	    ("vm_object_pip_wakeup: object %u not paging", object->id));
	if (--object->paging_in_progress == 0 &&
	    (object->flags & OBJ_PIPWNT)) {
		object->flags &= ~OBJ_PIPWNT;
		wakeup(object);
	}
}

void
vm_object_pip_wait(struct vm_object *object, const char *wmesg)
{

	while (object->paging_in_progress != 0) {
		object->flags |= OBJ_PIPWNT;
		tsleep(object, 0, wmesg, 0);
	}
}

/* The number of objects from object to the end of its chain. */
int
vm_object_chain_length(struct vm_object *object)
{
	int n;

	for (n = 0; object != NULL; object = object->backing_object)
		n++;
	return (n);
}

/*
 * Does an object keep its own books (vm_object.h's invariants)?  NULL
 * if it does, else what is wrong, in a static buffer.
 */
const char *
vm_object_broken(struct vm_object *object)
{
	static char why[96];
	struct vm_map_entry *entry;
	struct vm_object *shadow;
	struct vm_page *pg;
	int n;

	if (object->ref_count < object->shadow_count + object->entry_count) {
		snprintf(why, sizeof(why), "object %u: %d references, %d "
		    "shadows, %d entries", object->id, object->ref_count,
		    object->shadow_count, object->entry_count);
		return (why);
	}
	n = 0;
	TAILQ_FOREACH(pg, &object->memq, listq) {
		if (pg->object != object || pg->pindex >= object->size) {
			snprintf(why, sizeof(why), "object %u: page %#x at %u "
			    "of %u", object->id, pg->phys_addr, pg->pindex,
			    object->size);
			return (why);
		}
		n++;
	}
	if (n != object->resident_page_count) {
		snprintf(why, sizeof(why), "object %u: %d pages, count %d",
		    object->id, n, object->resident_page_count);
		return (why);
	}
	n = 0;
	LIST_FOREACH(shadow, &object->shadow_head, shadow_list) {
		if (shadow->backing_object != object) {
			snprintf(why, sizeof(why), "object %u: shadow %u backs "
			    "onto another", object->id, shadow->id);
			return (why);
		}
		n++;
	}
	if (n != object->shadow_count) {
		snprintf(why, sizeof(why), "object %u: %d shadows, count %d",
		    object->id, n, object->shadow_count);
		return (why);
	}
	n = 0;
	LIST_FOREACH(entry, &object->entry_head, obj_link) {
		if (entry->object != object) {
			snprintf(why, sizeof(why), "object %u: entry at %#x "
			    "maps another", object->id, entry->start);
			return (why);
		}
		n++;
	}
	if (n != object->entry_count) {
		snprintf(why, sizeof(why), "object %u: %d entries, count %d",
		    object->id, n, object->entry_count);
		return (why);
	}
	return (NULL);
}

/* Check an object's invariants; panics if one is broken. */
void
vm_object_check(struct vm_object *object)
{
	const char *why;

	if ((why = vm_object_broken(object)) != NULL)
		panic("vm_object_check: %s", why);
}

/*
 * vm.collapse_pagers: 0 or 1; root may change it at any time.  Turning
 * the fix on queues every object for vmdeferd, which frees what mode 0
 * left hidden and collapses what mode 0 refused.
 */
static int
sysctl_vm_collapse_pagers(SYSCTL_HANDLER_ARGS)
{
	struct vm_object *object;
	int v = vm_collapse_pagers, error;

	if ((error = SYSCTL_OUT(req, &v, sizeof(v))) != 0 ||
	    req->newptr == NULL)
		return (error);
	if ((error = SYSCTL_IN(req, &v, sizeof(v))) != 0)
		return (error);
	if (v != 0 && v != 1)
		return (EINVAL);
	if (v == 1 && vm_collapse_pagers == 0) {
		vm_collapse_pagers = 1;
		TAILQ_FOREACH(object, &vm_object_list, object_list)
			vm_object_defer(object, OBJ_DRECLAIM | OBJ_DCOLLAPSE);
	}
	vm_collapse_pagers = v;
	return (0);
}

SYSCTL_PROC(_vm, OID_AUTO, collapse_pagers, CTLTYPE_INT | CTLFLAG_RW, NULL, 0,
    sysctl_vm_collapse_pagers, "I",
    "1: collapse objects that have pagers and free hidden pages (the fix); "
    "0: 4.4BSD-Lite's collapse rules (the 1993 leak)");
