/*
 * vm_pageout.c: the pageout daemon.
 *
 * A kernel thread that keeps free memory between v_free_min and
 * v_free_target (vm_page.c sets them from the memory size).  It sleeps
 * until an allocation finds free memory below v_free_min (or a pageout
 * finishes), then scans:
 *
 *	inactive queue	a page referenced since it was deactivated goes
 *			back to the active queue; a clean page is freed; a
 *			dirty page of anonymous memory is written to swap
 *			(laundered), together with the dirty inactive pages
 *			that follow it in its object, in one transfer
 *	active queue	unreferenced pages are deactivated, enough to
 *			keep v_inactive_target pages inactive, so that the
 *			next scan has candidates; referenced ones go to
 *			the back of the queue with their bit cleared (the
 *			clock algorithm)
 *
 * An anonymous object that has no pager is given a swap pager when the
 * daemon first writes one of its pages, as 4.4BSD did.  This is how
 * objects come to have pagers, and 4.4BSD's collapse refuses objects
 * with pagers (vm_object.c): the defect this kernel exists to show.
 *
 * Laundering is asynchronous: the page stays busy and unmapped while
 * the write is in flight, and the daemon finishes it when the disk is
 * done (swap_pager_complete, vm_pageout_done): a written page is clean
 * and is freed at once.
 *
 * Hidden pages.  With the fix on (vm.collapse_pagers=1), a page that
 * nobody can read any more is never written: the daemon frees it and
 * its swap block instead (vm_object_page_hidden).  vm_object.c frees
 * such pages as soon as they become hidden; this is the last line of
 * defence.  A page found hidden while its write is in flight
 * (PG_RECLAIM) is freed, block and all, when the write ends.  With the
 * fix off, the daemon tries 4.4BSD's collapse on an object before it
 * gives the object its first swap pager, as 4.4BSD did.
 *
 * Out of memory.  The daemon kills the largest process
 * (vm_pageout_oom) when a pass freed nothing, started no write, no
 * write is in flight, and memory is below the reserve or processes are
 * waiting for it: after one such pass when swap is full or missing,
 * after three otherwise (the kernel's own memory, which is never paged,
 * may be what fills RAM).  The daemon never waits for memory itself:
 * what it needs comes from the reserve, and where that fails it skips
 * the page.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pageout.h>
#include <vm/vm_pager.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

#define	PAGEOUT_CLUSTER	16		/* pages written in one transfer */
#define	PAGEOUT_MAXBUFS	32		/* transfers in flight at most */

struct proc *pageproc;
static int vm_pageout_wanted;		/* the daemon's sleep channel */
static pid_t oom_victim;		/* killed, not yet gone */
static uint32_t oom_logged;

/* Ask the daemon to run (memory is short, or a pageout finished). */
void
pagedaemon_wakeup(void)
{

	if (pageproc != NULL && curproc != pageproc)
		wakeup(&vm_pageout_wanted);
}

/* Was pg used since it was last looked at?  Clears the evidence. */
static bool
vm_pageout_referenced(struct vm_page *pg)
{
	bool ref;

	ref = (pg->flags & PG_REFERENCED) || pmap_is_referenced(pg);
	if (ref) {
		pg->flags &= ~PG_REFERENCED;
		pmap_clear_reference(pg);
	}
	return (ref);
}

/*
 * A pageout is over (swap_pager_complete): the page is clean if the
 * write succeeded.  A clean page nobody waits for is freed, for that was
 * the point; otherwise it goes back into use.
 */
void
vm_pageout_done(struct vm_page *pg, bool ok)
{
	struct vm_object *object = pg->object;

	KASSERT((pg->flags & (PG_BUSY | PG_PAGEOUT)) ==
	    (PG_BUSY | PG_PAGEOUT) && object->paging_in_progress > 0,
	    ("vm_pageout_done: page %#x not being paged out", pg->phys_addr));
	pg->flags &= ~PG_PAGEOUT;
	if (pg->flags & PG_RECLAIM) {
		/* Nobody can read it (vm_object.c): page and block go. */
		vm_pager_page_stale(object, pg->pindex);
		vm_page_free(pg);
		vm_object_pip_wakeup(object);
		return;
	}
	if (ok) {
		pg->flags &= ~PG_DIRTY;
		pmap_clear_modify(pg);
		vmcnt.v_pageouts++;
	} else
		vmcnt.v_pageout_errors++;
	if (ok && (pg->flags & PG_WANTED) == 0) {
		vm_page_free(pg);
		vmcnt.v_dfree++;
	} else {
		vm_page_activate(pg);
		vm_page_wakeup(pg);
	}
	vm_object_pip_wakeup(object);
}

/*
 * Write the dirty page pg, and the dirty inactive pages that follow it
 * in its object, to swap.  Returns how many writes were started; sets
 * *noswap if swap is full (or there is none).
 * => pg is inactive, not busy, dirty; the daemon only.
 * => each page whose write started is busy, unmapped, PG_PAGEOUT, and
 *    counted in its object's paging_in_progress until vm_pageout_done;
 *    the others are back on the active queue, unbusied.
 */
static int
vm_pageout_launder(struct vm_page *pg, bool *noswap)
{
	struct vm_object *object = pg->object;
	struct vm_page *pgs[PAGEOUT_CLUSTER], *q;
	int rtvals[PAGEOUT_CLUSTER], n, i, started = 0;

	if ((object->flags & OBJ_INTERNAL) == 0)
		return (0);		/* file pages are never dirty */
	if (!swap_configured() || swap_free_blocks() == 0) {
		*noswap = true;
		return (0);
	}
	if (object->pgops == NULL && !vm_collapse_pagers)
		vm_object_collapse(object);	/* 4.4BSD's call site */
	if (object->pgops == NULL && swap_pager_alloc(object) != 0)
		return (0);

	pgs[0] = pg;
	for (n = 1; n < PAGEOUT_CLUSTER; n++) {
		q = vm_page_lookup(object, pg->pindex + n);
		if (q == NULL || q->queue != PQ_INACTIVE ||
		    (q->flags & PG_BUSY))
			break;
		vm_page_test_dirty(q);
		if ((q->flags & PG_DIRTY) == 0)
			break;
		pgs[n] = q;
	}
	for (i = 0; i < n; i++) {
		KASSERT(pgs[i]->object == object && pgs[i]->queue == PQ_INACTIVE,
		    ("vm_pageout_launder: page %#x not laundrable",
		    pgs[i]->phys_addr));
		vm_page_busy(pgs[i]);
		pgs[i]->flags |= PG_PAGEOUT;
		pmap_page_protect(pgs[i], VM_PROT_NONE);
		vm_page_test_dirty(pgs[i]);
	}
	vm_object_pip_add(object, n);
	vm_pager_put_pages(object, pgs, n, rtvals);
	for (i = 0; i < n; i++) {
		if (rtvals[i] == VM_PAGER_PEND) {
			started++;
			continue;
		}
		if (rtvals[i] == VM_PAGER_FAIL)
			*noswap = true;
		pgs[i]->flags &= ~PG_PAGEOUT;
		vm_page_activate(pgs[i]);
		vm_page_wakeup(pgs[i]);
		vm_object_pip_wakeup(object);
	}
	return (started);
}

/*
 * One pass over the inactive queue: free clean pages and launder dirty
 * ones until the target is met or the queue has been seen once.  Sets
 * *noswap if a dirty page could not be written for lack of swap.
 * Returns the number of pages freed or being written.
 */
static int
vm_pageout_scan_inactive(bool *noswap)
{
	struct pglist *q = &vm_page_queues[PQ_INACTIVE];
	struct vm_page *pg, *next;
	u_int scanned, maxscan = vmcnt.v_inactive_count;
	int progress = 0, pending = 0;

	for (pg = TAILQ_FIRST(q), scanned = 0; pg != NULL &&
	    scanned < maxscan && vmcnt.v_free_count + pending <
	    vmcnt.v_free_target; pg = next, scanned++) {
		next = TAILQ_NEXT(pg, pageq);
		/* A dying object's pages go with it: leave them be. */
		if ((pg->flags & PG_BUSY) || (pg->object->flags & OBJ_DEAD))
			continue;
		if (vm_pageout_referenced(pg)) {
			vm_page_activate(pg);
			vmcnt.v_reactivated++;
			continue;
		}
		if (vm_object_page_hidden(pg)) {
			/* Nobody can read it: free it and its block. */
			pmap_page_protect(pg, VM_PROT_NONE);
			if (pg->object->pgops != NULL)
				vm_pager_page_stale(pg->object, pg->pindex);
			vm_page_free(pg);
			vmobjstats.os_reclaimed_pages++;
			progress++;
			continue;
		}
		vm_page_test_dirty(pg);
		if ((pg->flags & PG_DIRTY) == 0) {
			pmap_page_protect(pg, VM_PROT_NONE);
			vm_page_free(pg);
			vmcnt.v_dfree++;
			progress++;
			continue;
		}
		if (swap_pager_inflight() >= PAGEOUT_MAXBUFS)
			continue;
		/* The cluster may take the next page: look again after. */
		pending += vm_pageout_launder(pg, noswap);
		next = pg->queue == PQ_INACTIVE ? TAILQ_NEXT(pg, pageq) :
		    TAILQ_FIRST(q);
	}
	return (progress + pending);
}

/* Deactivate unreferenced active pages up to the inactive target. */
static void
vm_pageout_scan_active(void)
{
	struct pglist *q = &vm_page_queues[PQ_ACTIVE];
	struct vm_page *pg, *next;
	u_int scanned, maxscan = vmcnt.v_active_count, shortage;

	shortage = vmcnt.v_free_target - umin(vmcnt.v_free_count,
	    vmcnt.v_free_target);
	for (pg = TAILQ_FIRST(q), scanned = 0; pg != NULL &&
	    scanned < maxscan &&
	    vmcnt.v_inactive_count < vmcnt.v_inactive_target + shortage;
	    pg = next, scanned++) {
		next = TAILQ_NEXT(pg, pageq);
		if (pg->flags & PG_BUSY)
			continue;
		if (vm_pageout_referenced(pg))
			vm_page_activate(pg);		/* to the tail */
		else
			vm_page_deactivate(pg);
	}
}

/*
 * The memory a process holds privately: the resident pages and swap
 * blocks of the front objects of its map.  A measure, not an account:
 * it is what killing the process gives back soonest.
 */
static u_int
vm_pageout_proc_size(struct proc *p)
{
	struct vm_map *map = &p->p_vmspace->vm_map;
	struct vm_map_entry *entry;
	u_int size = 0;

	for (entry = map->header.next; entry != &map->header;
	    entry = entry->next)
		if (entry->object != NULL &&
		    (entry->object->flags & OBJ_INTERNAL))
			size += entry->object->resident_page_count +
			    swap_pager_object_blocks(entry->object);
	return (size);
}

/*
 * Memory and swap are exhausted: kill the largest process (never init
 * or a kernel thread), and only one at a time.
 */
static void
vm_pageout_oom(void)
{
	struct proc *p, *victim = NULL;
	u_int size, vsize = 0;

	if (oom_victim != 0 && pfind(oom_victim) != NULL)
		return;				/* still dying */
	LIST_FOREACH(p, &allproc, p_list) {
		if (p->p_pid <= 1 || (p->p_flag & (P_SYSTEM | P_WEXIT)) ||
		    p->p_stat == SZOMB || p->p_vmspace == &vmspace0)
			continue;
		size = vm_pageout_proc_size(p);
		if (size > vsize) {
			vsize = size;
			victim = p;
		}
	}
	if (victim == NULL)
		return;
	log_ratelimited(&oom_logged, hz,
	    "pid %d (%s) killed: out of memory%s (%u KiB, the largest "
	    "process)\n", victim->p_pid, victim->p_comm,
	    swap_configured() && swap_free_blocks() == 0 ? " and swap space" :
	    "",
	    vsize * (PAGE_SIZE / 1024));
	oom_victim = victim->p_pid;
	vmcnt.v_oom_kills++;
	psignal(victim, SIGKILL);
	/* Waiters in vm_wait look again, and the victim sees its signal. */
	wakeup(&vmcnt.v_free_count);
}

/* The daemon's body: see the opening comment. */
void
vm_pageout(void *arg)
{
	bool noswap;
	int progress, stuck = 0;

	pageproc = curproc;
	for (;;) {
		while (vmcnt.v_free_count >= vmcnt.v_free_min &&
		    swap_pager_inflight() == 0)
			tsleep(&vm_pageout_wanted, 0, "pgdaemon", hz);
		swap_pager_complete();
		if (vmcnt.v_free_count >= vmcnt.v_free_min) {
			vm_page_free_wakeup();
			if (swap_pager_inflight() != 0)
				tsleep(&vm_pageout_wanted, 0, "pgdaemon", hz);
			continue;
		}
		vmcnt.v_pdwakeups++;
		noswap = false;
		progress = vm_pageout_scan_inactive(&noswap);
		vm_pageout_scan_active();
		vm_page_free_wakeup();
		if (progress == 0 && swap_pager_inflight() == 0 &&
		    (vmcnt.v_free_count <= vmcnt.v_free_reserved ||
		    vm_page_waiters()))
			stuck++;
		else
			stuck = 0;
		if (stuck >= (noswap || !swap_configured() ? 1 : 3)) {
			vm_pageout_oom();
			stuck = 0;
		}
		if (vmcnt.v_free_count < vmcnt.v_free_min)
			tsleep(&vm_pageout_wanted, 0, "pgdaemon", hz / 20);
	}
}
