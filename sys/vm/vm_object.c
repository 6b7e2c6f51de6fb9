/*
 * vm_object.c: virtual memory objects, their chains, and collapse.
 *
 * See vm_object.h for what an object is.  This file creates objects,
 * counts references to them, makes shadow objects for copy-on-write,
 * and keeps backing chains short.
 *
 * Why chains grow.  fork makes every private writable entry of both
 * processes NEEDS_COPY on one shared object O.  The first write in each
 * process gives its entry a shadow in front of O (vm_object_shadow).
 * When the child exits its shadow dies, and O is left with one
 * reference, held by the parent's shadow S: every page of O that S
 * lacks is still visible through S, but O itself is now an extra link
 * that serves nobody else.  Each further fork adds a link.
 *
 * Collapse.  vm_object_collapse(S) repeats, while S has an anonymous
 * backing object B:
 *	- collapse, when S holds B's only reference: B's pages that S
 *	  does not have and that lie in S's window move into S; the rest
 *	  are hidden (no one can ever read them) and are freed.  S takes
 *	  over B's backing object and B is freed.
 *	- bypass, when B has other references: if S already has every
 *	  page that B has in S's window, B contributes nothing to S, and S
 *	  can point past B to B's backing object, dropping its reference
 *	  on B.
 * It is called after a copy-on-write fault gives a page to a front
 * object, at fork before an object is shared (vmspace_fork), and by
 * vm_object_deallocate() when an object is left with one reference
 * held by its one shadow.
 *
 * Objects with pagers.  4.4BSD refused both whenever either object had
 * a pager, since the pager might hold pages the code could not see.
 * That rule is the 1993 defect (../shared/notes/1993-report.txt): the
 * pageout daemon gives anonymous objects swap pagers, such objects
 * never collapse, and a forking process's chain and its unreachable
 * swap grow until it exits.  Umbra's swap pager can say exactly which
 * pages it holds, so:
 *	- collapse also migrates the backing object's swap blocks into
 *	  the front object (swap_pager_copy), freeing the hidden ones;
 *	- bypass counts a page on swap, in either object, as present.
 * vm.collapse_pagers (vm_collapse_pagers) switches between the fix (1,
 * the default) and the 4.4BSD rule (0), which refuses and counts the
 * refusal (vm.stats.object.refused_pager).
 *
 * The order inside a collapse matters (collapse-history.md, pitfalls):
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
 * None of it sleeps or does I/O.  If memory for the front object's swap
 * map runs out in step 2, the collapse stops half done: the pages and
 * blocks moved are the front object's, the rest are still the backing
 * object's, which stays in the chain; readers see the same pages either
 * way.  It is counted (refused_nomem) and left to the next trigger.
 *
 * Waiting.  Nothing moves while either object has paging in progress:
 * a fault may be asleep in the pager between them, or the pageout
 * daemon writing one of their pages (vm_fault.c's rules rely on it).
 * vm_object_collapse then sleeps until some object's paging ends and
 * starts over, since anything may have changed meanwhile; it keeps no
 * pointer across the sleep except the front object, which its caller
 * holds a reference to.  After COLLAPSE_MAXWAITS sleeps it gives up and
 * leaves the chain to the next trigger (refused_busy).  The pageout
 * daemon never calls it, so it never waits for itself.
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

struct vm_object_list vm_object_list =
    TAILQ_HEAD_INITIALIZER(vm_object_list);
struct vm_object_stats vmobjstats;
static uint32_t vm_object_next_id = 1;

/*
 * vm.collapse_pagers: 1, collapse and bypass objects that have pagers
 * (the fix); 0, refuse as 4.4BSD did (the 1993 defect).
 */
int vm_collapse_pagers = 1;

static void	vm_object_terminate(struct vm_object *);
static void	vm_object_free(struct vm_object *);
static int	vm_object_do_collapse(struct vm_object *);
static int	vm_object_do_collapse_work(struct vm_object *);
static bool	vm_object_backing_shadowed(struct vm_object *);
static bool	vm_object_page_shadowed(void *, vm_pindex_t);
static void	vm_object_do_bypass(struct vm_object *);

void
vm_object_init(void)
{
}

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

/*
 * Drop a reference.  An object whose last reference goes is terminated
 * (its pages and pager space freed), which drops its reference on its
 * backing object, and so on down the chain, iteratively.  An anonymous
 * object left with only its one shadow's reference is collapsed into
 * that shadow.
 */
void
vm_object_deallocate(struct vm_object *object)
{
	struct vm_object *backing, *shadow;

	while (object != NULL) {
		KASSERT(object->ref_count > 0,
		    ("vm_object_deallocate: object %u has no references",
		    object->id));
		if (object->ref_count > 1) {
			object->ref_count--;
			if (object->ref_count != 1 || object->shadow_count != 1 ||
			    (object->flags & (OBJ_INTERNAL | OBJ_DEAD)) !=
			    OBJ_INTERNAL)
				return;
			shadow = LIST_FIRST(&object->shadow_head);
			if ((shadow->flags & (OBJ_INTERNAL | OBJ_DEAD)) !=
			    OBJ_INTERNAL)
				return;
			/*
			 * Hold the shadow across the collapse, then drop that
			 * reference through this loop: it may in turn leave
			 * the shadow singly shadowed.
			 */
			shadow->ref_count++;
			vm_object_collapse(shadow);
			object = shadow;
			continue;
		}
		backing = object->backing_object;
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

	KASSERT(object->shadow_count == 0,
	    ("vm_object_terminate: object %u still has shadows", object->id));
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
	TAILQ_REMOVE(&vm_object_list, object, object_list);
	vmobjstats.os_objects--;
	vmobjstats.os_generation++;
	free(object, M_VMOBJ);
}

/*
 * Put a new anonymous object in front of *objectp for a map entry that
 * needs its own copy of `length' bytes starting at *offsetp.  The entry's
 * reference on the old object becomes the shadow's; the entry gets the
 * new object at offset 0.
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
 * object it shared (vm_map_entry_shadow).  Making the shadow may have
 * slept, and the other sharers may have gone meanwhile: then the old
 * object is the new one's alone, and nothing else would collapse it.
 * Also keeps the longest-chain statistic, which only grows here.
 */
void
vm_object_shadowed(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;
	u_int len;

	if (backing != NULL && backing->ref_count == 1)
		vm_object_collapse(object);
	len = vm_object_chain_length(object);
	if (len > vmobjstats.os_longest_chain)
		vmobjstats.os_longest_chain = len;
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

/*
 * What vm_object_collapse may do with object's backing object now.
 */
#define	COLLAPSE_NONE	0	/* nothing: no anonymous backing object */
#define	COLLAPSE_OK	1	/* collapse or bypass, if the pages allow */
#define	COLLAPSE_PAGER	2	/* refused: a pager, and the fix is off */
#define	COLLAPSE_BUSY	3	/* not now: paging in progress */

#define	COLLAPSE_MAXWAITS 4	/* sleeps before leaving it to later */

static int
vm_object_collapse_check(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;

	if (backing == NULL ||
	    (object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL ||
	    (backing->flags & (OBJ_INTERNAL | OBJ_DEAD | OBJ_COLLAPSING)) !=
	    OBJ_INTERNAL)
		return (COLLAPSE_NONE);
	if (!vm_collapse_pagers &&
	    (object->pgops != NULL || backing->pgops != NULL))
		return (COLLAPSE_PAGER);
	if (object->paging_in_progress != 0 ||
	    backing->paging_in_progress != 0)
		return (COLLAPSE_BUSY);
	return (COLLAPSE_OK);
}

/*
 * Sleep until the paging that stops a collapse of object ends.  The
 * backing object is not referenced by us: after waking it may be gone,
 * so it is only slept on, never looked at again.
 */
static void
vm_object_collapse_wait(struct vm_object *object)
{
	struct vm_object *busy;

	busy = object->paging_in_progress != 0 ? object :
	    object->backing_object;
	busy->flags |= OBJ_PIPWNT;
	tsleep(busy, 0, "vmclps", 0);
}

/*
 * Shorten object's backing chain as far as the rules allow: collapse
 * or bypass its backing object, again and again.  The caller holds a
 * reference to object.  May sleep (see "Waiting" above); never called
 * by the pageout daemon.
 */
void
vm_object_collapse(struct vm_object *object)
{
	int waits = 0;

	for (;;) {
		switch (vm_object_collapse_check(object)) {
		case COLLAPSE_NONE:
			return;
		case COLLAPSE_PAGER:
			vmobjstats.os_refused_pager++;
			return;
		case COLLAPSE_BUSY:
			if (waits++ == COLLAPSE_MAXWAITS) {
				vmobjstats.os_refused_busy++;
				return;
			}
			vmobjstats.os_waits++;
			vm_object_collapse_wait(object);
			/* Anything may have changed: start over. */
			continue;
		}
		if (object->backing_object->ref_count == 1) {
			if (vm_object_do_collapse(object) != 0) {
				vmobjstats.os_refused_nomem++;
				return;
			}
		} else if (vm_object_backing_shadowed(object))
			vm_object_do_bypass(object);
		else
			return;
	}
}

/* Does object have page pindex, resident or with its pager? */
bool
vm_object_has_page(struct vm_object *object, vm_pindex_t pindex)
{

	return (vm_page_lookup(object, pindex) != NULL ||
	    (object->pgops != NULL && vm_pager_has_page(object, pindex)));
}

/*
 * Absorb the backing object, whose only reference is ours (see the
 * order of steps above).  No paging is in progress on either object,
 * so no page of either is busy.  Returns 0, or ENOMEM if the swap half
 * stopped short: then the backing object stays, holding what did not
 * move.
 */
static int
vm_object_do_collapse_work(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object, *next;
	vm_pindex_t first = OFF_TO_IDX(object->backing_offset), np;
	struct vm_page *pg, *pgnext;
	int error;

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
	if ((error = swap_pager_copy(backing, object, first)) != 0) {
		backing->flags &= ~OBJ_COLLAPSING;
		return (error);
	}
	if (backing->pgops != NULL)
		vm_pager_deallocate(backing);

	/* 3. Splice the backing object out of the chain, and free it. */
	backing->flags |= OBJ_DEAD;
	next = backing->backing_object;
	LIST_REMOVE(object, shadow_list);
	if (next != NULL) {
		LIST_REMOVE(backing, shadow_list);
		LIST_INSERT_HEAD(&next->shadow_head, object, shadow_list);
	}
	object->backing_object = next;
	object->backing_offset += backing->backing_offset;

	backing->backing_object = NULL;
	backing->shadow_count = 0;
	backing->ref_count = 0;
	vm_object_free(backing);
	vmobjstats.os_collapses++;
	return (0);
}

/*
 * vm_object_do_collapse_work, timed (vm.stats.object.collapse_ns; under
 * QEMU's instruction counting, instructions) and watched for disk I/O,
 * of which there must be none (collapse_io).
 */
bool vm_object_collapsing;

static int
vm_object_do_collapse(struct vm_object *object)
{
	uint64_t t0 = uptime_ns();
	int error;

	vm_object_collapsing = true;
	error = vm_object_do_collapse_work(object);
	vm_object_collapsing = false;
	vmobjstats.os_collapse_ns += (u_int)(uptime_ns() - t0);
	return (error);
}

struct shadowcheck {
	struct vm_object	*object;	/* the front object */
	vm_pindex_t		first;		/* its window in the backing */
};

/*
 * Is page pindex of the backing object either outside the front
 * object's window or present in the front object?  A page still being
 * filled (PG_FAKE) does not count: its fault may yet fail.
 */
static bool
vm_object_page_shadowed(void *arg, vm_pindex_t pindex)
{
	struct shadowcheck *sc = arg;
	struct vm_page *fpg;
	vm_pindex_t np = pindex - sc->first;

	if (pindex < sc->first || np >= sc->object->size)
		return (true);
	if ((fpg = vm_page_lookup(sc->object, np)) != NULL)
		return ((fpg->flags & PG_FAKE) == 0);
	return (sc->object->pgops != NULL &&
	    vm_pager_has_page(sc->object, np));
}

/*
 * Does object already have, resident or on swap, every page its
 * backing object has (resident or on swap) in object's window?  Then
 * the backing object adds nothing to what object's users see.
 */
static bool
vm_object_backing_shadowed(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object;
	struct shadowcheck sc;
	struct vm_page *pg;

	sc.object = object;
	sc.first = OFF_TO_IDX(object->backing_offset);
	TAILQ_FOREACH(pg, &backing->memq, listq)
		if (!vm_object_page_shadowed(&sc, pg->pindex))
			return (false);
	return (backing->pgops == NULL ||
	    swap_pager_foreach(backing, vm_object_page_shadowed, &sc));
}

/*
 * Point object past its backing object, which others still reference:
 * object takes a reference on the next object down and drops the one
 * it held on the backing object (which cannot be the last).  Never
 * sleeps.
 */
static void
vm_object_do_bypass(struct vm_object *object)
{
	struct vm_object *backing = object->backing_object, *next, *shadow;

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
	KASSERT(backing->ref_count > 1,
	    ("vm_object_do_bypass: last reference to object %u", backing->id));
	backing->ref_count--;
	vmobjstats.os_bypasses++;
	vmobjstats.os_generation++;

	/*
	 * The backing object may now be left to one shadow (another
	 * process's object, typically: a child bypassed the object it
	 * shared with its parent).  Let that shadow absorb it now if it
	 * can without sleeping, rather than at its next trigger, which may
	 * never come.  No sleep: the shadow cannot die meanwhile.
	 */
	if (backing->ref_count == 1 && backing->shadow_count == 1) {
		shadow = LIST_FIRST(&backing->shadow_head);
		if (vm_object_collapse_check(shadow) == COLLAPSE_OK &&
		    vm_object_do_collapse(shadow) != 0)
			vmobjstats.os_refused_nomem++;
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
 * (sbrk)?  Only if nothing but that entry can see the object.  Pages
 * left over in the new range (from an earlier shrink) are freed, so the
 * new memory reads as zero.
 */
bool
vm_object_coalesce(struct vm_object *object, vm_pindex_t pindex,
    vm_pindex_t prev_size, vm_pindex_t next_size)
{
	vm_pindex_t newend = pindex + prev_size + next_size;

	if (object == NULL)
		return (true);
	if ((object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL ||
	    object->ref_count > 1 || object->backing_object != NULL ||
	    object->shadow_count != 0 || object->paging_in_progress != 0)
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

/* Check an object's invariants (vm_object.h); panics if one is broken. */
void
vm_object_check(struct vm_object *object)
{
	struct vm_map_entry *entry;
	struct vm_object *shadow;
	struct vm_page *pg;
	int n;

	if (object->ref_count < object->shadow_count + object->entry_count)
		panic("vm_object_check: object %u: %d references, %d shadows, "
		    "%d entries", object->id, object->ref_count,
		    object->shadow_count, object->entry_count);
	n = 0;
	LIST_FOREACH(entry, &object->entry_head, obj_link) {
		if (entry->object != object)
			panic("vm_object_check: object %u: entry at %#x maps "
			    "another", object->id, entry->start);
		n++;
	}
	if (n != object->entry_count)
		panic("vm_object_check: object %u: %d entries, count %d",
		    object->id, n, object->entry_count);
	n = 0;
	TAILQ_FOREACH(pg, &object->memq, listq) {
		if (pg->object != object || pg->pindex >= object->size)
			panic("vm_object_check: object %u: page %#x at %u of %u",
			    object->id, pg->phys_addr, pg->pindex,
			    object->size);
		n++;
	}
	if (n != object->resident_page_count)
		panic("vm_object_check: object %u: %d pages, count %d",
		    object->id, n, object->resident_page_count);
	n = 0;
	LIST_FOREACH(shadow, &object->shadow_head, shadow_list) {
		if (shadow->backing_object != object)
			panic("vm_object_check: object %u: shadow %u backs "
			    "onto another", object->id, shadow->id);
		n++;
	}
	if (n != object->shadow_count)
		panic("vm_object_check: object %u: %d shadows, count %d",
		    object->id, n, object->shadow_count);
}

/*
 * Does an object keep its own books?  The counting half of
 * vm_object_check(), which reports instead of panicking.
 */
static bool
vm_object_consistent(struct vm_object *object)
{
	struct vm_object *shadow;
	struct vm_page *pg;
	int n = 0, ns = 0;

	TAILQ_FOREACH(pg, &object->memq, listq) {
		if (pg->object != object || pg->pindex >= object->size)
			return (false);
		n++;
	}
	LIST_FOREACH(shadow, &object->shadow_head, shadow_list) {
		if (shadow->backing_object != object)
			return (false);
		ns++;
	}
	return (n == object->resident_page_count &&
	    ns == object->shadow_count &&
	    object->ref_count >= object->shadow_count);
}

/*
 * vm.object_audit: mark what the processes' maps reach, then look at
 * every object.  Nothing sleeps between the marking and the clearing.
 */
static int
sysctl_vm_object_audit(SYSCTL_HANDLER_ARGS)
{
	struct proclist *lists[] = { &allproc, &zombproc };
	struct vm_object_audit oa;
	struct vm_map_entry *entry;
	struct vm_object *object;
	struct vm_map *map;
	struct proc *p;
	int i, len;

	if (req->newptr != NULL)
		return (EPERM);
	memset(&oa, 0, sizeof(oa));
	oa.oa_structsize = sizeof(oa);
	for (i = 0; i < 2; i++)
		LIST_FOREACH(p, lists[i], p_list) {
			if (p->p_vmspace == NULL || p->p_vmspace == &vmspace0)
				continue;
			map = &p->p_vmspace->vm_map;
			for (entry = map->header.next; entry != &map->header;
			    entry = entry->next) {
				len = 0;
				for (object = entry->object; object != NULL;
				    object = object->backing_object) {
					object->flags |= OBJ_MARK;
					len++;
				}
				if ((u_int)len > oa.oa_longest_chain)
					oa.oa_longest_chain = len;
			}
		}
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		oa.oa_objects++;
		if (!vm_object_consistent(object))
			oa.oa_broken++;
		if (object->flags & OBJ_INTERNAL) {
			oa.oa_anon++;
			if (object->flags & OBJ_MARK) {
				oa.oa_reachable++;
			} else {
				oa.oa_unreachable++;
				oa.oa_leaked_pages += object->resident_page_count;
				oa.oa_leaked_swap +=
				    swap_pager_object_blocks(object);
			}
		}
		object->flags &= ~OBJ_MARK;
	}
	if (oa.oa_unreachable != 0 || oa.oa_broken != 0)
		printf("object audit: %u unreachable objects (%u pages, %u "
		    "swap blocks), %u broken\n", oa.oa_unreachable,
		    oa.oa_leaked_pages, oa.oa_leaked_swap, oa.oa_broken);
	return (SYSCTL_OUT(req, &oa, sizeof(oa)));
}

SYSCTL_PROC(_vm, OID_AUTO, object_audit, CTLTYPE_STRUCT | CTLFLAG_RD |
    CTLFLAG_ROOTONLY | CTLFLAG_SKIP, NULL, 0, sysctl_vm_object_audit,
    "S,vm_object_audit", "Check every VM object, and what reaches it");

/* vm.collapse_pagers: 0 or 1; root may change it at any time. */
static int
sysctl_vm_collapse_pagers(SYSCTL_HANDLER_ARGS)
{
	int v = vm_collapse_pagers, error;

	if ((error = SYSCTL_OUT(req, &v, sizeof(v))) != 0 ||
	    req->newptr == NULL)
		return (error);
	if ((error = SYSCTL_IN(req, &v, sizeof(v))) != 0)
		return (error);
	if (v != 0 && v != 1)
		return (EINVAL);
	vm_collapse_pagers = v;
	return (0);
}

SYSCTL_PROC(_vm, OID_AUTO, collapse_pagers, CTLTYPE_INT | CTLFLAG_RW, NULL, 0,
    sysctl_vm_collapse_pagers, "I",
    "Collapse objects that have pagers: 1 the fix, 0 as 4.4BSD (the leak)");
