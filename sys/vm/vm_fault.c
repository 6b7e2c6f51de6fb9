/*
 * vm_fault.c: page fault handling.
 *
 * vm_fault(map, va, type) makes the page at va present with at least
 * the access `type' asks for, or says why it cannot.  It runs as a
 * sequence of steps over one struct faultstate, each step returning a
 * status; vm_fault() is the loop that restarts the sequence when a step
 * had to let go of everything and sleep.  The steps, in order:
 *
 *	1. vm_fault_lookup: find the map entry and check its protection;
 *	   do the copy-on-write bookkeeping (an entry without an object
 *	   gets an anonymous one; a write to a NEEDS_COPY entry gives the
 *	   entry a shadow object of its own first, unless nobody else
 *	   references the object, which then simply becomes the entry's
 *	   own); take paging_in_progress on the entry's object, the first
 *	   object.
 *	2. vm_fault_walk: walk from the first object down the backing
 *	   chain.  At each object a resident page ends the walk; so does a
 *	   page the object's pager holds, which is read into a new page of
 *	   that object.  Where the chain ends with no page, the first object
 *	   gets a zero-filled page (vm_fault_zerofill).
 *	3. vm_fault_cow: a write to a page found behind the first object
 *	   copies it into the first object (copy-on-write); the original may
 *	   then be hidden, and vm_object_cow reclaims it if it is.  A read
 *	   maps the page found read-only, so that a later write faults
 *	   again.
 *	4. vm_fault_enter: enter the translation, release the page and the
 *	   paging counts.
 *	5. After a copy, vm_fault_cow_done: let collapse shorten the first
 *	   object's chain (O(1) unless it really can: vm_object.c, "The
 *	   cost of deciding to bypass").
 *
 * Statuses: FAULT_NEXT (go on to the next step), FAULT_DONE (the page
 * is mapped), FAULT_RESTART (everything was released, and the step
 * slept: start over from step 1), FAULT_NOMEM (out of memory:
 * everything was released; wait for memory and start over, unless the
 * process was killed meanwhile), FAULT_FAIL (everything was released;
 * fs->rv says why).  Restarts are counted (vm.stats.fault_restarts).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_fault.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

/*
 * The state of one fault.  The rules that keep it valid across sleeps
 * (allocation waits, pager I/O, busy pages):
 *	1. While first_object is set, the fault holds paging_in_progress
 *	   on it, and on object too when object differs: collapse leaves
 *	   both alone, and neither can die.  The objects between them on
 *	   the chain may be changed by a collapse meanwhile (one of them
 *	   absorbing the next), but none of them can gain the page at the
 *	   fault's index: the walk found none of them had it, a collapse
 *	   only moves pages between them, and every other way for an
 *	   object to gain a page (a fault, a page-in) goes through its own
 *	   chain, which would have found this page first.  So what the
 *	   walk found stays the page this fault must use.
 *	2. pg, when set, is busy (PG_BUSY) in object: nobody else maps,
 *	   frees, renames or pages it out meanwhile.  A page with PG_FAKE
 *	   is being filled by its pager and is freed if the fault gives up.
 *	3. A busy page found in the walk is someone else's: the fault lets
 *	   go of everything, sleeps until the page is released, and starts
 *	   over, since anything may have changed.
 *	4. Out of memory: let go of everything, wait (vm_wait), start over;
 *	   but give up if the process was killed meanwhile, so that a
 *	   process chosen by the out-of-memory killer can die.
 *	5. Only the process that owns the map changes it, so entry stays
 *	   valid while the fault sleeps within one pass; a restart looks it
 *	   up again anyway.
 */
struct faultstate {
	/* Constant for the whole fault. */
	struct vm_map		*map;
	vaddr_t			vaddr;
	vm_prot_t		fault_type;

	/* Set by vm_fault_lookup, for one pass. */
	struct vm_map_entry	*entry;
	vm_prot_t		prot;		/* what the mapping may get */
	struct vm_object	*first_object;	/* rule 1 */
	vm_pindex_t		first_pindex;

	/* Set by the walk. */
	struct vm_object	*object;	/* where pg is; rule 1 */
	vm_pindex_t		pindex;		/* pg's index in object */
	struct vm_page		*pg;		/* rule 2 */
	bool			cow;		/* pg was copied up */
	int			rv;		/* KERN_* for FAULT_FAIL */
};

#define	FAULT_NEXT	0
#define	FAULT_DONE	1
#define	FAULT_RESTART	2
#define	FAULT_NOMEM	3
#define	FAULT_FAIL	4

/*
 * Drop what the fault holds: its page (freed if it never got valid
 * contents) and the paging counts.
 * => on return nothing is held; fs's objects and page are cleared.
 */
static void
vm_fault_release(struct faultstate *fs)
{
	struct vm_page *pg = fs->pg;

	if (pg != NULL) {
		if (pg->flags & PG_FAKE) {
			vm_page_free(pg);
		} else {
			vm_page_activate(pg);
			vm_page_wakeup(pg);
		}
		fs->pg = NULL;
	}
	if (fs->object != NULL && fs->object != fs->first_object)
		vm_object_pip_wakeup(fs->object);
	if (fs->first_object != NULL)
		vm_object_pip_wakeup(fs->first_object);
	fs->object = fs->first_object = NULL;
}

/* Let go of everything and fail with rv. */
static int
vm_fault_fail(struct faultstate *fs, int rv)
{

	vm_fault_release(fs);
	fs->rv = rv;
	return (FAULT_FAIL);
}

/* Let go of everything: the caller waits for memory and starts over. */
static int
vm_fault_nomem(struct faultstate *fs)
{

	vm_fault_release(fs);
	return (FAULT_NOMEM);
}

/*
 * Step 1: the entry, its protection, and copy-on-write bookkeeping.
 * => nothing is held on entry.
 * => FAULT_NEXT: paging_in_progress is held on fs->first_object.
 *    FAULT_FAIL: nothing is held.
 * May sleep (allocating an object), with nothing held.
 */
static int
vm_fault_lookup(struct faultstate *fs)
{
	struct vm_map_entry *entry;
	struct vm_object *object;

	KASSERT(fs->first_object == NULL && fs->pg == NULL,
	    ("vm_fault_lookup: holding a previous pass's state"));
	if (!vm_map_lookup_entry(fs->map, fs->vaddr, &entry)) {
		fs->rv = KERN_INVALID_ADDRESS;
		return (FAULT_FAIL);
	}
	if ((entry->protection & fs->fault_type) != fs->fault_type) {
		fs->rv = KERN_PROTECTION_FAILURE;
		return (FAULT_FAIL);
	}
	fs->entry = entry;
	fs->prot = entry->protection;

	if (entry->object == NULL) {
		vm_map_entry_set_object(entry, vm_object_allocate(
		    atop(entry->end - entry->start)), 0);
		entry->eflags &= ~MAP_ENTRY_NEEDS_COPY;
	}
	if (entry->eflags & MAP_ENTRY_NEEDS_COPY) {
		if (fs->fault_type & VM_PROT_WRITE) {
			object = entry->object;
			if ((object->flags & OBJ_INTERNAL) == 0 ||
			    object->ref_count > 1)
				vm_map_entry_shadow(entry);
			entry->eflags &= ~MAP_ENTRY_NEEDS_COPY;
		} else
			fs->prot &= ~VM_PROT_WRITE;
	}
	fs->first_object = entry->object;
	fs->first_pindex = OFF_TO_IDX(entry->offset +
	    (fs->vaddr - entry->start));
	vm_object_pip_add(fs->first_object, 1);
	return (FAULT_NEXT);
}

/*
 * The end of the chain: a zero page, in the first object.
 * => paging_in_progress is held on fs->first_object (and on fs->object
 *    if it differs, which is dropped here).
 * => FAULT_NEXT: fs->pg is the new page, busy, in the first object.
 */
static int
vm_fault_zerofill(struct faultstate *fs)
{
	struct vm_page *pg;

	if (fs->object != fs->first_object)
		vm_object_pip_wakeup(fs->object);
	fs->object = fs->first_object;
	fs->pindex = fs->first_pindex;
	KASSERT(fs->pindex < fs->object->size, ("vm_fault: va %#x beyond "
	    "anonymous object %u", fs->vaddr, fs->object->id));
	pg = vm_page_alloc(fs->object, fs->pindex, VM_ALLOC_ZERO);
	if (pg == NULL)
		return (vm_fault_nomem(fs));
	pg->flags |= PG_DIRTY;
	fs->pg = pg;
	vmcnt.v_zfod++;
	return (FAULT_NEXT);
}

/*
 * Page-in clusters (vm.pagein_max): a page-in also reads the pages just
 * before and after the faulting one whose blocks continue its block on
 * swap, in the same transfer, as FreeBSD's swap pager does: at most
 * vm_pagein_max pages in all, a quarter of them behind, and only while
 * free memory is above the daemon's minimum.  The pages read ahead go
 * on the inactive queue, clean (their blocks stay): used soon, they are
 * found by a fault like any page (PG_READAHEAD counts it); not used,
 * they are the first the daemon frees, without writing.
 */
int vm_pagein_max = 16;

SYSCTL_INT(_vm, OID_AUTO, pagein_max, CTLFLAG_RW, &vm_pagein_max,
    "Pages one page-in may read, the faulting one and its neighbours on "
    "swap (1: no read-ahead)");

#define	PAGEIN_MAX	32	/* vm_pagein_max's ceiling */

/*
 * New busy, not yet valid pages of fs->object at indexes from `first'
 * on (step +1) or back (step -1), at most n, stopping at a resident page
 * or when memory is short: into pgs[], which has room.  Returns how many.
 */
static int
vm_fault_readahead_alloc(struct faultstate *fs, vm_pindex_t first, int step,
    int n, struct vm_page **pgs)
{
	struct vm_page *pg;
	int i;

	for (i = 0; i < n; i++) {
		if (vmcnt.v_free_count <= vmcnt.v_free_min ||
		    vm_page_lookup(fs->object, first + step * i) != NULL ||
		    (pg = vm_page_alloc(fs->object, first + step * i,
		    VM_ALLOC_NORMAL)) == NULL)
			break;
		pg->flags |= PG_FAKE;
		pgs[i] = pg;
	}
	return (i);
}

/*
 * Read page fs->pindex of fs->object, which its pager holds, into a new
 * page, and its neighbours with it where the pager can (see above).
 * Sleeps for the disk, holding the paging counts and the new, busy
 * pages (rule 1): nothing to re-check afterwards.
 * => FAULT_NEXT with fs->pg set: the page is in.
 *    FAULT_NEXT with fs->pg NULL: the pager no longer has the page;
 *    look further down.
 */
static int
vm_fault_pagein(struct faultstate *fs)
{
	struct vm_page *pgs[PAGEIN_MAX], *behind[PAGEIN_MAX], *pg;
	int maxpages, mb = 0, ma = 0, nb, na, n, req, rv, i;

	pg = vm_page_alloc(fs->object, fs->pindex, VM_ALLOC_NORMAL);
	if (pg == NULL)
		return (vm_fault_nomem(fs));
	pg->flags |= PG_FAKE;
	fs->pg = pg;

	maxpages = imin(vm_pagein_max, PAGEIN_MAX);
	if (maxpages > 1)		/* 0 or less: no read-ahead either */
		vm_pager_cluster(fs->object, fs->pindex, (maxpages - 1) / 4,
		    maxpages - 1 - (maxpages - 1) / 4, &mb, &ma);
	nb = vm_fault_readahead_alloc(fs, fs->pindex - 1, -1, mb, behind);
	for (i = 0; i < nb; i++)
		pgs[i] = behind[nb - 1 - i];
	req = nb;
	pgs[req] = pg;
	na = vm_fault_readahead_alloc(fs, fs->pindex + 1, 1, ma,
	    &pgs[req + 1]);
	n = nb + 1 + na;

	vmcnt.v_pagein_requests++;
	rv = vm_pager_get_pages(fs->object, pgs, n, req);
	if (rv == VM_PAGER_AGAIN) {
		/* The cluster failed: the neighbours go, the page alone. */
		for (i = 0; i < n; i++)
			if (i != req)
				vm_page_free(pgs[i]);
		pgs[0] = pg;
		n = 1;
		req = 0;
		rv = vm_pager_get_page(fs->object, pg);
	}
	for (i = 0; i < n; i++) {
		if (i == req)
			continue;
		if (rv == VM_PAGER_OK) {
			pgs[i]->flags = (pgs[i]->flags & ~PG_FAKE) |
			    PG_READAHEAD;
			vm_page_deactivate(pgs[i]);
			vm_page_wakeup(pgs[i]);
			vmcnt.v_readahead++;
			vmcnt.v_pageins++;
		} else
			vm_page_free(pgs[i]);
	}
	if (rv == VM_PAGER_OK) {
		pg->flags &= ~PG_FAKE;
		vmcnt.v_pageins++;
		/* Killed while asleep (for kill-pagein). */
		if (vm_wait_abandoned())
			vmcnt.v_pagein_killed++;
		return (FAULT_NEXT);
	}
	fs->pg = NULL;
	vm_page_free(pg);
	if (rv != VM_PAGER_BAD) {
		vmcnt.v_pagein_errors++;
		printf("vm_fault: pid %d (%s): page-in error at %#x, object %u "
		    "page %u, %s: SIGBUS\n", curproc->p_pid, curproc->p_comm,
		    fs->vaddr, fs->object->id, fs->pindex,
		    fs->object->pgops == &swappagerops ?
		    swap_pager_where(fs->object, fs->pindex) : "a file");
		return (vm_fault_fail(fs, KERN_FAILURE));
	}
	return (FAULT_NEXT);
}

/*
 * Step 2: walk the chain from the first object for the page.
 * => paging_in_progress is held on fs->first_object.
 * => FAULT_NEXT: fs->pg is busy in fs->object, which holds the page,
 *    and paging_in_progress is held on both objects.
 */
static int
vm_fault_walk(struct faultstate *fs)
{
	struct vm_object *next;
	struct vm_page *pg;
	int status;

	fs->object = fs->first_object;
	fs->pindex = fs->first_pindex;
	for (;;) {
		KASSERT(fs->object->paging_in_progress > 0,
		    ("vm_fault_walk: object %u not held", fs->object->id));
		/*
		 * A file mapping may be longer than the file: a page wholly
		 * past its end is an error (SIGBUS), as in BSD.  Anonymous
		 * objects cover their windows; past one, there is nothing.
		 */
		if (fs->pindex >= fs->object->size) {
			if ((fs->object->flags & OBJ_INTERNAL) == 0)
				return (vm_fault_fail(fs, KERN_FAILURE));
			return (vm_fault_zerofill(fs));
		}
		pg = vm_page_lookup(fs->object, fs->pindex);
		if (pg != NULL) {
			if (pg->flags & PG_BUSY) {
				/* Sleep holding nothing; then start over. */
				vm_fault_release(fs);
				vm_page_sleep(pg, "vmpfw");
				return (FAULT_RESTART);
			}
			vm_page_busy(pg);
			if (pg->flags & PG_READAHEAD) {
				pg->flags &= ~PG_READAHEAD;
				vmcnt.v_readahead_used++;
			}
			fs->pg = pg;
			return (FAULT_NEXT);
		}
		if (fs->object->pgops != NULL &&
		    vm_pager_has_page(fs->object, fs->pindex)) {
			status = vm_fault_pagein(fs);
			if (status != FAULT_NEXT || fs->pg != NULL)
				return (status);
		}
		if ((next = fs->object->backing_object) == NULL)
			return (vm_fault_zerofill(fs));
		vm_object_pip_add(next, 1);
		if (fs->object != fs->first_object)
			vm_object_pip_wakeup(fs->object);
		fs->pindex += OFF_TO_IDX(fs->object->backing_offset);
		fs->object = next;
	}
}

/*
 * Step 3: copy-on-write.  A write to a page found behind the first
 * object copies it up; the original goes back to its object, and the
 * fault goes on with the copy.  A read maps the original read-only.
 * => fs->pg is busy in fs->object; paging_in_progress on both objects.
 * => FAULT_NEXT: fs->pg is busy in fs->object, which is the first
 *    object if a copy was made (fs->cow).
 */
static int
vm_fault_cow(struct faultstate *fs)
{
	struct vm_page *copy;

	KASSERT(fs->pg != NULL && (fs->pg->flags & PG_BUSY) &&
	    fs->pg->object == fs->object && fs->pg->pindex == fs->pindex,
	    ("vm_fault_cow: the page is not held where the walk found it"));

	if (fs->object == fs->first_object)
		return (FAULT_NEXT);
	if ((fs->fault_type & VM_PROT_WRITE) == 0) {
		fs->prot &= ~VM_PROT_WRITE;
		return (FAULT_NEXT);
	}
	copy = vm_page_alloc(fs->first_object, fs->first_pindex,
	    VM_ALLOC_NORMAL);
	if (copy == NULL)
		return (vm_fault_nomem(fs));
	pmap_copy_page(fs->pg, copy);
	copy->flags |= PG_DIRTY;
	vm_page_activate(fs->pg);
	vm_page_wakeup(fs->pg);
	/* The original may now be hidden: reclaim it (vm_object.c). */
	vm_object_cow(fs->first_object, fs->object, fs->pindex);
	vm_object_pip_wakeup(fs->object);
	fs->object = fs->first_object;
	fs->pindex = fs->first_pindex;
	fs->pg = copy;
	fs->cow = true;
	vmcnt.v_cow_faults++;
	return (FAULT_NEXT);
}

/*
 * Step 4: map the page and let go of it.
 * => fs->pg is busy in fs->object; paging_in_progress on both objects.
 * => FAULT_DONE: the page is mapped, and nothing is held.
 */
static int
vm_fault_enter(struct faultstate *fs)
{
	struct vm_page *pg = fs->pg;

	KASSERT((pg->flags & (PG_BUSY | PG_FAKE)) == PG_BUSY &&
	    pg->object == fs->object && (!fs->cow || fs->object ==
	    fs->first_object), ("vm_fault_enter: page %#x not ready",
	    pg->phys_addr));
	/*
	 * A write dirties the page, which makes its pager's copy stale.  A
	 * clean page is mapped read-only, so that a write comes back here.
	 */
	if (fs->fault_type & VM_PROT_WRITE)
		vm_page_dirty(pg);
	else if ((pg->flags & PG_DIRTY) == 0)
		fs->prot &= ~VM_PROT_WRITE;
	if (pmap_enter(fs->map->pmap, fs->vaddr, pg, fs->prot) != 0)
		return (vm_fault_nomem(fs));
	pg->flags &= ~PG_ZERO;
	vm_fault_release(fs);
	return (FAULT_DONE);
}

/*
 * Step 5, after a copy: the first object has a page its backing chain
 * also has, so collapse may now be able to shorten the chain.
 * => nothing is held.
 */
static void
vm_fault_cow_done(struct vm_object *first_object)
{

	vm_object_collapse(first_object);
}

/* Wait for memory; true if the process was killed and should give up. */
static bool
vm_fault_wait(void)
{

	vm_wait();
	return (vm_wait_abandoned());
}

/*
 * Resolve a fault at vaddr (page aligned) in map, for access
 * fault_type.  Returns KERN_SUCCESS, KERN_INVALID_ADDRESS (nothing
 * mapped), KERN_PROTECTION_FAILURE, KERN_FAILURE (past the end of a
 * file, or the pager could not read the page) or KERN_RESOURCE_SHORTAGE
 * (killed while waiting for memory).
 * => called by the process that owns map, holding nothing.
 * => on return nothing is held, whatever the result.
 */
int
vm_fault(struct vm_map *map, vaddr_t vaddr, vm_prot_t fault_type)
{
	struct faultstate fs;
	struct vm_object *first_object;
	int status;

	memset(&fs, 0, sizeof(fs));
	fs.map = map;
	fs.vaddr = vaddr;
	fs.fault_type = fault_type;
	vmcnt.v_faults++;
	for (;;) {
		fs.cow = false;
		status = vm_fault_lookup(&fs);
		if (status == FAULT_NEXT)
			status = vm_fault_walk(&fs);
		if (status == FAULT_NEXT)
			status = vm_fault_cow(&fs);
		first_object = fs.first_object;
		if (status == FAULT_NEXT)
			status = vm_fault_enter(&fs);
		KASSERT(fs.first_object == NULL && fs.pg == NULL,
		    ("vm_fault: step returned %d holding state", status));
		switch (status) {
		case FAULT_DONE:
			if (fs.cow)
				vm_fault_cow_done(first_object);
			return (KERN_SUCCESS);
		case FAULT_FAIL:
			return (fs.rv);
		case FAULT_NOMEM:
			if (vm_fault_wait())
				return (KERN_RESOURCE_SHORTAGE);
			break;
		case FAULT_RESTART:
			break;
		default:
			panic("vm_fault: status %d", status);
		}
		vmcnt.v_fault_restarts++;
	}
}
