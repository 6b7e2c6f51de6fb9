/*
 * vm_pageout.c: the pageout daemon.
 *
 * A kernel thread that keeps free memory between v_free_min and
 * v_free_target (vm_page.c sets them from the memory size).  It sleeps
 * until an allocation finds free memory below v_free_min, then scans:
 *
 *	inactive queue	a page referenced since it was deactivated goes
 *			back to the active queue; a clean one is freed
 *	active queue	unreferenced pages are deactivated, enough to
 *			keep v_inactive_target pages inactive, so that the
 *			next scan has candidates; referenced ones go to
 *			the back of the queue with their bit cleared (the
 *			clock algorithm)
 *
 * Busy pages are skipped: someone is working on them.  The daemon never
 * waits for memory itself (vm_wait); what little it allocates comes
 * from the reserve.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pageout.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>

struct proc *pageproc;
static int vm_pageout_wanted;		/* the daemon's sleep channel */

/* Ask the daemon to run (from vm_page_alloc, when memory is short). */
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
 * One pass over the inactive queue: free clean pages until the target
 * is met.  Returns the number of pages freed.
 */
static int
vm_pageout_scan_inactive(void)
{
	struct pglist *q = &vm_page_queues[PQ_INACTIVE];
	struct vm_page *pg, *next;
	u_int scanned, maxscan = vmcnt.v_inactive_count;
	int freed = 0;

	for (pg = TAILQ_FIRST(q), scanned = 0; pg != NULL &&
	    scanned < maxscan && vmcnt.v_free_count < vmcnt.v_free_target;
	    pg = next, scanned++) {
		next = TAILQ_NEXT(pg, pageq);
		if (pg->flags & PG_BUSY)
			continue;
		if (vm_pageout_referenced(pg)) {
			vm_page_activate(pg);
			vmcnt.v_reactivated++;
			continue;
		}
		vm_page_test_dirty(pg);
		if (pg->flags & PG_DIRTY) {
			/* Nowhere to write it: keep it in use. */
			vm_page_activate(pg);
			continue;
		}
		pmap_page_protect(pg, VM_PROT_NONE);
		vm_page_free(pg);
		vmcnt.v_dfree++;
		freed++;
	}
	return (freed);
}

/* Deactivate unreferenced active pages up to the inactive target. */
static void
vm_pageout_scan_active(void)
{
	struct pglist *q = &vm_page_queues[PQ_ACTIVE];
	struct vm_page *pg, *next;
	u_int scanned, maxscan = vmcnt.v_active_count;

	for (pg = TAILQ_FIRST(q), scanned = 0; pg != NULL &&
	    scanned < maxscan &&
	    vmcnt.v_inactive_count < vmcnt.v_inactive_target +
	    (vmcnt.v_free_target - umin(vmcnt.v_free_count,
	    vmcnt.v_free_target)); pg = next, scanned++) {
		next = TAILQ_NEXT(pg, pageq);
		if (pg->flags & PG_BUSY)
			continue;
		if (vm_pageout_referenced(pg))
			vm_page_activate(pg);		/* to the tail */
		else
			vm_page_deactivate(pg);
	}
}

/* The daemon's body: see the opening comment. */
void
vm_pageout(void *arg)
{

	pageproc = curproc;
	for (;;) {
		while (vmcnt.v_free_count >= vmcnt.v_free_min)
			tsleep(&vm_pageout_wanted, 0, "pgdaemon", hz);
		vmcnt.v_pdwakeups++;
		vm_pageout_scan_inactive();
		vm_pageout_scan_active();
		vm_page_free_wakeup();
		if (vmcnt.v_free_count < vmcnt.v_free_min)
			tsleep(&vm_pageout_wanted, 0, "pgdaemon", hz / 10);
	}
}
