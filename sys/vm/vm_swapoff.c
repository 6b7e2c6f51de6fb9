/*
 * vm_swapoff.c: taking a swap device away (swapoff(2)).
 *
 * Every block on the device belongs to some page of some anonymous
 * object, possibly deep in a chain, possibly a page nobody can read any
 * more.  swapoff reads every readable one back into its object, frees
 * the others, and removes the device when none is left:
 *
 *	1. Check, before anything changes, that memory plus the swap of
 *	   the other devices can hold what the device holds that someone
 *	   can read; ENOMEM otherwise.
 *	2. Mark the device draining: swap_alloc gives it no new blocks,
 *	   so pageouts go elsewhere from now on.
 *	3. Walk every object with a swap pager, newest first, holding
 *	   paging_in_progress
 *	   on the one being drained (so that no collapse moves its blocks
 *	   away meanwhile, and it cannot be freed: vm_object_terminate
 *	   waits for it; unlike a reference, this does not make all its
 *	   pages look readable).  For each of its blocks on the device:
 *		- a block of a page nobody can read (vm_object_visible), or
 *		  outside the object's window, or under a dirty resident
 *		  page of the same index: freed without being read;
 *		- a block under a clean resident page: the page is dirtied,
 *		  which frees the block (the page is the only copy now);
 *		- a retired block (a read error marked it): the page is
 *		  lost; its entry becomes SWAPBLK_LOST, so that a fault on
 *		  it still fails (SIGBUS) once the device is gone;
 *		- otherwise the page is read in, as a fault would (a new
 *		  busy page, PG_FAKE until the read is done; with the pages
 *		  that follow it on the device in the same transfer, up to
 *		  vm.pagein_max), dirtied, and its block freed.  A read
 *		  that fails retires the block, and the page is lost as
 *		  above.
 *	   A busy page is waited for; memory is waited for (vm_wait).
 *	   While swapoff sleeps, faults, pageouts, collapses and exits go
 *	   on: swapoff holds nothing a fault needs except the busy page it
 *	   is reading, for the length of one read.  Collapse may move
 *	   blocks between objects it has already walked, so the walk is
 *	   repeated until the device holds no blocks but retired ones.
 *	4. Remove the device; its retired blocks go with it.
 *
 * Root only (EPERM); EINVAL for a path that is not a swap device; EBUSY
 * while another swapoff runs; EINTR (with the device put back in use)
 * if swapoff is killed or interrupted while it waits.  On long runs a
 * progress line says how many blocks are left, every two seconds.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_fault.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

int	suser(struct proc *);

#define	SWAPOFF_BATCH	64	/* pages looked up per object at a time */
#define	SWAPOFF_PASSES	16	/* walks without progress before giving up */

struct swapoff {
	uint32_t		lo, hi;		/* the device's block numbers */
	struct vm_visit		*stack;		/* for vm_object_visible */
	u_int			nstack;
	u_int			read;		/* pages read back */
	u_int			freed;		/* hidden blocks freed unread */
	u_int			dirtied;	/* resident pages made the copy */
	u_int			lost;		/* pages lost to read errors */
	uint64_t		report;		/* when to say how far we are */
	int			slot;
};

static bool swapoff_running;

/* Has the process been told to stop (killed, or a signal to catch)? */
static bool
swapoff_interrupted(void)
{

	return ((curproc->p_siglist & ~curproc->p_sigmask) != 0 ||
	    (curproc->p_siglist & sigmask(SIGKILL)) != 0);
}

/*
 * The pages memory can still take for anonymous memory: all of it but
 * the kernel's, the free pages the pageout daemon keeps, and the
 * anonymous pages already resident (file pages can always be dropped).
 */
static u_int
swapoff_memory_room(void)
{
	u_int used = vmcnt.v_wire_count + vmcnt.v_free_min +
	    vmcnt.v_anon_pages;

	return (vmcnt.v_page_count > used ? vmcnt.v_page_count - used : 0);
}

/*
 * The blocks on the device that someone can read and that no resident
 * page already copies: what memory and the other devices must take.
 * Never sleeps.
 */
static u_int
swapoff_needed(struct swapoff *so)
{
	struct vm_object *object;
	vm_pindex_t idx[SWAPOFF_BATCH], cursor;
	int n, k;
	u_int need = 0;

	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		if (object->pgops == NULL || (object->flags & OBJ_DEAD))
			continue;
		cursor = 0;
		while ((n = swap_pager_dev_pages(object, so->lo, so->hi,
		    &cursor, idx, nitems(idx))) > 0)
			for (k = 0; k < n; k++)
				if (vm_page_lookup(object, idx[k]) == NULL &&
				    vm_object_visible(object, idx[k],
				    so->stack, so->nstack) != VIS_HIDDEN)
					need++;
	}
	return (need);
}

/*
 * Read page pg (new, busy, PG_FAKE) of object back, and with it, in the
 * same transfer, the pages after it whose blocks follow its block on
 * the device, that are not resident and that someone can read (up to
 * vm.pagein_max pages, as a fault would); each page read becomes the
 * only copy (dirtied, its block freed).  Returns the result for pg; on
 * an error pg is still the caller's to free.
 */
static int
swapoff_read(struct swapoff *so, struct vm_object *object, struct vm_page *pg)
{
	struct vm_page *pgs[32];
	int behind, ahead, n, rv, i;

	vm_pager_cluster(object, pg->pindex, 0, imin(vm_pagein_max,
	    nitems(pgs)) - 1, &behind, &ahead);
	pgs[0] = pg;
	for (n = 1; n <= ahead; n++) {
		if (vm_object_visible(object, pg->pindex + n, so->stack,
		    so->nstack) == VIS_HIDDEN ||
		    vmcnt.v_free_count <= vmcnt.v_free_min ||
		    (pgs[n] = vm_page_alloc(object, pg->pindex + n,
		    VM_ALLOC_NORMAL)) == NULL)
			break;
		pgs[n]->flags |= PG_FAKE;
	}
	rv = vm_pager_get_pages(object, pgs, n, 0);
	if (rv == VM_PAGER_AGAIN) {
		/* Which block failed is not known: pg on its own. */
		for (i = 1; i < n; i++)
			vm_page_free(pgs[i]);
		n = 1;
		rv = vm_pager_get_page(object, pg);
	}
	for (i = 0; i < n; i++) {
		if (rv != VM_PAGER_OK) {
			if (i > 0)
				vm_page_free(pgs[i]);
			continue;
		}
		pgs[i]->flags &= ~PG_FAKE;
		vm_page_dirty(pgs[i]);		/* frees the block */
		vm_page_activate(pgs[i]);
		vm_page_wakeup(pgs[i]);
		so->read++;
		vmcnt.v_pageins++;
	}
	return (rv);
}

/*
 * Deal with page pindex of object, whose block (if it still has one)
 * lies on the device.  Returns 0, or EINTR if the process was stopped
 * while it waited.  May sleep; the caller holds paging_in_progress on
 * object, and looks at nothing it saw before the call afterwards.
 */
static int
swapoff_page(struct swapoff *so, struct vm_object *object,
    vm_pindex_t pindex)
{
	struct vm_page *pg;
	uint32_t blk;
	int rv;

	KASSERT(object->paging_in_progress > 0,
	    ("swapoff_page: object %u not held", object->id));
	for (;;) {
		if (object->flags & OBJ_DEAD)
			return (0);	/* terminate frees its blocks */
		blk = swap_pager_dev_block(object, pindex, so->lo, so->hi);
		if (blk == SWAPBLK_NONE)
			return (0);	/* gone meanwhile */
		if (blk & SWAPBLK_BAD) {
			swap_pager_page_lost(object, pindex);
			so->lost++;
			return (0);
		}
		pg = vm_page_lookup(object, pindex);
		if (pg != NULL && (pg->flags & PG_BUSY)) {
			vm_page_sleep(pg, "swpoffb");
			continue;
		}
		if (pg != NULL) {
			/* The page is resident: it becomes the only copy. */
			if (pg->flags & PG_DIRTY) {
				/* a stale copy (a 4.4BSD adoption left it) */
				vm_pager_page_stale(object, pindex);
				so->freed++;
			} else {
				vm_page_dirty(pg);
				so->dirtied++;
			}
			return (0);
		}
		if (vm_object_visible(object, pindex, so->stack,
		    so->nstack) == VIS_HIDDEN) {
			vm_pager_page_stale(object, pindex);
			so->freed++;
			return (0);
		}
		pg = vm_page_alloc(object, pindex, VM_ALLOC_NORMAL);
		if (pg == NULL) {
			vm_wait();
			if (swapoff_interrupted())
				return (EINTR);
			continue;
		}
		pg->flags |= PG_FAKE;
		rv = swapoff_read(so, object, pg);
		if (rv == VM_PAGER_OK)
			return (0);
		vm_page_free(pg);
		if (rv != VM_PAGER_BAD) {
			/* The pager marked the block bad: the page is lost. */
			printf("swapoff: %s: object %u page %u could not be "
			    "read; it is lost\n", swap_dev_path(so->slot),
			    object->id, pindex);
			vmcnt.v_pagein_errors++;
		}
	}
}

/* Drain every block object has on the device. */
static int
swapoff_object(struct swapoff *so, struct vm_object *object)
{
	vm_pindex_t idx[SWAPOFF_BATCH], cursor = 0;
	int n, k, error;

	KASSERT(object->pgops == &swappagerops &&
	    object->paging_in_progress > 0,
	    ("swapoff_object: object %u not a held swap object", object->id));
	so->freed += swap_pager_dev_outside(object, so->lo, so->hi);
	while ((n = swap_pager_dev_pages(object, so->lo, so->hi, &cursor,
	    idx, nitems(idx))) > 0) {
		for (k = 0; k < n; k++)
			if ((error = swapoff_page(so, object, idx[k])) != 0)
				return (error);
		if (uptime_ns() >= so->report) {
			printf("swapoff: %s: %u blocks left\n",
			    swap_dev_path(so->slot), swap_dev_live(so->slot));
			so->report = uptime_ns() + 2000000000ULL;
		}
	}
	return (0);
}

/*
 * The object before `object' on the list (NULL: the last) with a swap
 * pager.  The walk goes from the newest object to the oldest: what
 * processes used last comes back first.
 */
static struct vm_object *
swapoff_next(struct vm_object *object)
{

	object = object == NULL ? TAILQ_LAST(&vm_object_list, vm_object_list) :
	    TAILQ_PREV(object, vm_object_list, object_list);
	while (object != NULL && (object->pgops != &swappagerops ||
	    (object->flags & OBJ_DEAD)))
		object = TAILQ_PREV(object, vm_object_list, object_list);
	return (object);
}

/*
 * One walk over every object with a swap pager.  Holds
 * paging_in_progress on the object it drains, and takes it on the next
 * one before letting go of it: an object with paging in progress stays
 * on the list.
 */
static int
swapoff_walk(struct swapoff *so)
{
	struct vm_object *object, *next;
	int error = 0;

	if ((object = swapoff_next(NULL)) != NULL)
		vm_object_pip_add(object, 1);
	while (object != NULL) {
		if (error == 0 && (object->flags & OBJ_DEAD) == 0)
			error = swapoff_object(so, object);
		if ((next = swapoff_next(object)) != NULL)
			vm_object_pip_add(next, 1);
		vm_object_pip_wakeup(object);
		object = next;
	}
	return (error);
}

/* Take slot i's device away (see the opening comment). */
static int
swapoff_dev(int i)
{
	struct swapoff so;
	u_int need, avail, left;
	int error = 0, idle = 0;
	uint64_t t0 = uptime_ns();

	memset(&so, 0, sizeof(so));
	so.slot = i;
	swap_dev_range(i, &so.lo, &so.hi);
	/* Objects made while we sleep make a walk undecided: then read. */
	so.nstack = 2 * vmobjstats.os_objects + 64;
	so.stack = malloc(so.nstack * sizeof(*so.stack), M_TEMP, M_WAITOK);

	/* 1. Room for what someone can read, before anything changes. */
	need = swapoff_needed(&so);
	avail = swap_dev_free_elsewhere(i) + swapoff_memory_room();
	if (need > avail) {
		free(so.stack, M_TEMP);
		printf("swapoff: %s: %u pages to read back, room for %u: "
		    "ENOMEM\n", swap_dev_path(i), need, avail);
		return (ENOMEM);
	}

	/* 2, 3.  No new blocks here; then read back until none is left. */
	swap_dev_drain(i, true);
	so.report = uptime_ns() + 2000000000ULL;
	while ((left = swap_dev_live(i)) != 0) {
		if ((error = swapoff_walk(&so)) != 0)
			break;
		if (swap_dev_live(i) == 0)
			break;
		/* Moved between objects behind the walk, or in flight. */
		if (swap_dev_live(i) >= left && ++idle == SWAPOFF_PASSES) {
			printf("swapoff: %s: %u blocks that no object gives "
			    "up\n", swap_dev_path(i), swap_dev_live(i));
			error = EBUSY;
			break;
		}
		tsleep(&so, 0, "swpoff", hz / 10);
	}
	free(so.stack, M_TEMP);
	if (error != 0) {
		swap_dev_drain(i, false);
		return (error);
	}

	/* 4. */
	printf("swapoff: %s removed: %u pages read back, %u made the only "
	    "copy, %u hidden blocks freed unread, %u lost, %u retired "
	    "blocks; %u ms\n", swap_dev_path(i), so.read, so.dirtied,
	    so.freed, so.lost, swap_dev_retired(i),
	    (u_int)((uptime_ns() - t0) / 1000000));
	vmcnt.v_swapoffs++;
	vmcnt.v_swapoff_read += so.read;
	vmcnt.v_swapoff_freed += so.freed;
	vmcnt.v_swapoff_lost += so.lost;
	swap_dev_remove(i);
	return (0);
}

/*
 * swapoff(path): stop paging to the swap device path names (see the
 * opening comment).
 */
int
sys_swapoff(struct proc *p, struct swapoff_args *uap, register_t *retval)
{
	struct vnode *vp;
	char *path;
	int error, i = -1;

	if ((error = suser(p)) != 0)
		return (error);
	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = copyinstr(uap->name, path, MAXPATHLEN, NULL);
	if (error == 0)
		error = namei(p, path, &vp);
	free(path, M_TEMP);
	if (error == 0 && (vp->v_type != VCHR ||
	    (i = swap_dev_lookup(vp->v_rdev)) < 0))
		error = EINVAL;
	if (error == 0 && swapoff_running)
		error = EBUSY;
	if (error != 0)
		return (error);
	swapoff_running = true;
	error = swapoff_dev(i);
	swapoff_running = false;
	return (error);
}
