/*
 * vm_page.c: the resident page table: every physical page, who owns
 * it, and the free, active and inactive queues.
 *
 * The page array is allocated at boot, one struct vm_page per page
 * between the lowest and the highest usable physical address (holes
 * included, never used).  Pages owned by objects are found by (object,
 * pindex) through a global hash table, as in 4.4BSD, and listed on
 * their object's memq.
 *
 * Allocation keeps v_free_reserved pages back for the system: the
 * pageout daemon, page tables it needs, kernel allocations that must
 * not fail.  Ordinary allocations fail below that, and their callers
 * wait in vm_wait() for the daemon to free memory.  Whenever free
 * memory falls below v_free_min the daemon is woken.
 *
 * Free pages, direct and high.  The pmap may keep only part of memory
 * mapped in the kernel at all times (pmap_page_direct; see pmap.h).
 * The kernel's own pages (no object: page tables, malloc, stacks) must
 * be such "direct" pages; an object's page may be anywhere, since the
 * kernel reaches its contents through temporary mappings.  So free
 * pages are kept on two lists, direct and high; objects take high
 * pages first, and the kernel only direct ones, keeping its reserve
 * among them.  If objects' pages come to fill the direct map while
 * high memory has free pages, the pageout daemon cannot help (free
 * memory looks plentiful): vm_wait() then moves objects' pages out of
 * the direct map instead of sleeping (vm_page_direct_refill).
 *
 * Pre-zeroed pages.  When nothing else runs, the idle loop zeroes free
 * pages (vm_page_zero_idle, as FreeBSD's vm_page_zero_idle did) and
 * marks them PG_ZERO; an allocation with VM_ALLOC_ZERO takes one if it
 * can and skips the zeroing.  On each free list the zeroed pages are
 * at the tail and the others at the head, so that both kinds are found
 * at once.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_pageout.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>

struct vm_page *vm_page_array;
u_long vm_page_array_first;
u_long vm_page_array_size;
struct pglist vm_page_queues[PQ_COUNT];
struct vmmeter vmcnt;

static struct vm_page **vm_page_buckets;	/* the (object, pindex) hash */
static u_long vm_page_hash_mask;
static int vm_pages_needed;			/* someone is in vm_wait() */

/* The free lists (q), by kind of page; see the opening comment. */
#define	FREEQ_DIRECT	0		/* pmap_page_direct() */
#define	FREEQ_HIGH	1		/* the rest: objects' pages only */
static struct pglist vm_page_freeq[2];
static u_int vm_page_nzero[2];		/* PG_ZERO pages, at the tail */
static u_long vm_page_ndirect;		/* direct pages: a prefix of the array */
static bool vm_page_direct_short;	/* the kernel found none: refill */
static u_long vm_page_refill_rotor;	/* where the refill looks next */

/*
 * The idle loop keeps up to half of the free pages zeroed, and at most
 * ZIDLE_MAX pages: zeroing is not free under emulation, and a burst of
 * zero-fill faults larger than that zeroes its own pages anyway.
 */
#define	ZIDLE_MAX	16384		/* 64 MiB */

static inline u_long
vm_page_hash(struct vm_object *object, vm_pindex_t pindex)
{

	return ((((uintptr_t)object >> 6) * 31 + pindex) & vm_page_hash_mask);
}

static inline int
vm_page_freeq_of(struct vm_page *pg)
{

	return (pg - vm_page_array < vm_page_ndirect ? FREEQ_DIRECT :
	    FREEQ_HIGH);
}

/* Pages on free list q: v_free_count counts both, v_free_direct one. */
static inline u_int
vm_page_nfree(int q)
{

	return (q == FREEQ_DIRECT ? vmcnt.v_free_direct :
	    vmcnt.v_free_count - vmcnt.v_free_direct);
}

/* Put a free page on its list: zeroed pages at the tail. */
static void
vm_page_freeq_insert(struct vm_page *pg)
{
	int q = vm_page_freeq_of(pg);

	pg->queue = PQ_FREE;
	if (pg->flags & PG_ZERO) {
		TAILQ_INSERT_TAIL(&vm_page_freeq[q], pg, pageq);
		vm_page_nzero[q]++;
		vmcnt.v_zero_count++;
	} else
		TAILQ_INSERT_HEAD(&vm_page_freeq[q], pg, pageq);
	vmcnt.v_free_count++;
	if (q == FREEQ_DIRECT)
		vmcnt.v_free_direct++;
}

static void
vm_page_freeq_remove(struct vm_page *pg)
{
	int q = vm_page_freeq_of(pg);

	KASSERT(pg->queue == PQ_FREE, ("vm_page_freeq_remove: page %#x "
	    "not free", pg->phys_addr));
	TAILQ_REMOVE(&vm_page_freeq[q], pg, pageq);
	if (pg->flags & PG_ZERO) {
		vm_page_nzero[q]--;
		vmcnt.v_zero_count--;
	}
	vmcnt.v_free_count--;
	if (q == FREEQ_DIRECT)
		vmcnt.v_free_direct--;
	pg->queue = PQ_NONE;
}

/*
 * Build the page array from the available ranges (pairs [start, end),
 * ended by a zero) and put every page on a free list.  The direct
 * pages must come first in physical order (they do on i386: the direct
 * map is the bottom of memory).
 */
void
vm_page_startup(paddr_t *avail)
{
	u_long lo = ~0UL, hi = 0, npages = 0, nbuckets, i;
	struct vm_page *pg;
	paddr_t pa;

	for (i = 0; avail[i + 1] != 0; i += 2) {
		lo = umin(lo, atop(avail[i]));
		hi = umax(hi, atop(avail[i + 1]));
		npages += atop(avail[i + 1] - avail[i]);
	}
	if (npages == 0)
		panic("vm_page_startup: no memory");
	for (nbuckets = 1; nbuckets < npages / 2; nbuckets <<= 1)
		continue;
	vm_page_array_first = lo;
	vm_page_array_size = hi - lo;
	vm_page_array = pmap_steal_memory(
	    vm_page_array_size * sizeof(struct vm_page));
	vm_page_buckets = pmap_steal_memory(
	    nbuckets * sizeof(struct vm_page *));
	vm_page_hash_mask = nbuckets - 1;

	for (i = 0; i < PQ_COUNT; i++)
		TAILQ_INIT(&vm_page_queues[i]);
	for (i = 0; i < 2; i++)
		TAILQ_INIT(&vm_page_freeq[i]);
	vm_page_ndirect = vm_page_array_size;
	for (i = 0; i < vm_page_array_size; i++) {
		pg = &vm_page_array[i];
		pg->phys_addr = ptoa(lo + i);
		LIST_INIT(&pg->md.md_pvlist);
		if (!pmap_page_direct(pg)) {
			if (vm_page_ndirect == vm_page_array_size)
				vm_page_ndirect = i;
		} else if (vm_page_ndirect != vm_page_array_size)
			panic("vm_page_startup: direct page %#x above high "
			    "memory", pg->phys_addr);
	}
	/*
	 * Highest first: each goes to the head of its list, so the lists
	 * hand out pages in ascending order (pci_dma_alloc looks for runs).
	 */
	for (i = 0; avail[i + 1] != 0; i += 2)
		continue;
	while (i > 0) {
		i -= 2;
		for (pa = avail[i + 1]; pa > avail[i]; pa -= PAGE_SIZE)
			vm_page_freeq_insert(PHYS_TO_VM_PAGE(pa - PAGE_SIZE));
	}
	vmcnt.v_page_count = vmcnt.v_free_count;
	vmcnt.v_direct_count = vmcnt.v_free_direct;

	/* Thresholds: see vm_pageout.c for how the daemon uses them. */
	vmcnt.v_free_reserved = umax(16, vmcnt.v_page_count / 128);
	vmcnt.v_free_min = vmcnt.v_free_reserved +
	    umax(16, vmcnt.v_page_count / 64);
	vmcnt.v_free_target = vmcnt.v_free_min +
	    umax(32, vmcnt.v_page_count / 32);
	vmcnt.v_inactive_target = vmcnt.v_page_count / 8;
}

/* The resident page of object at pindex, or NULL. */
struct vm_page *
vm_page_lookup(struct vm_object *object, vm_pindex_t pindex)
{
	struct vm_page *pg;

	for (pg = vm_page_buckets[vm_page_hash(object, pindex)]; pg != NULL;
	    pg = pg->hnext)
		if (pg->object == object && pg->pindex == pindex)
			return (pg);
	return (NULL);
}

/*
 * Give pg to object at pindex.
 * => pg has no owner; object has no page at pindex.
 */
void
vm_page_insert(struct vm_page *pg, struct vm_object *object,
    vm_pindex_t pindex)
{
	struct vm_page **bucket;

	KASSERT(pg->object == NULL, ("vm_page_insert: page has an owner"));
	KASSERT(vm_page_lookup(object, pindex) == NULL,
	    ("vm_page_insert: object %u already has page %u", object->id,
	    pindex));
	KASSERT((object->flags & OBJ_DEAD) == 0,
	    ("vm_page_insert: object %u is dead", object->id));
	pg->object = object;
	pg->pindex = pindex;
	bucket = &vm_page_buckets[vm_page_hash(object, pindex)];
	pg->hnext = *bucket;
	*bucket = pg;
	TAILQ_INSERT_TAIL(&object->memq, pg, listq);
	object->resident_page_count++;
	if (object->flags & OBJ_INTERNAL)
		vmcnt.v_anon_pages++;
	else
		vmcnt.v_file_pages++;
}

/* Take pg away from its object.  => pg has an owner. */
void
vm_page_remove(struct vm_page *pg)
{
	struct vm_object *object = pg->object;
	struct vm_page **pp;

	KASSERT(object != NULL, ("vm_page_remove: no owner"));
	pp = &vm_page_buckets[vm_page_hash(object, pg->pindex)];
	while (*pp != pg) {
		KASSERT(*pp != NULL, ("vm_page_remove: page not hashed"));
		pp = &(*pp)->hnext;
	}
	*pp = pg->hnext;
	TAILQ_REMOVE(&object->memq, pg, listq);
	object->resident_page_count--;
	if (object->flags & OBJ_INTERNAL)
		vmcnt.v_anon_pages--;
	else
		vmcnt.v_file_pages--;
	pg->object = NULL;
	pg->hnext = NULL;
}

/*
 * Move pg to another object (collapse).  Its mappings stay valid: the
 * page and its contents are the same, only the owner changes.
 */
void
vm_page_rename(struct vm_page *pg, struct vm_object *object,
    vm_pindex_t pindex)
{

	vm_page_remove(pg);
	vm_page_insert(pg, object, pindex);
}

/*
 * Which free list an allocation takes its page from, or -1 if it must
 * fail.  An object's page comes from high memory while there is any;
 * the kernel's from the direct map only, where the reserve is kept.
 */
static int
vm_page_alloc_freeq(struct vm_object *object, int flags)
{
	u_int reserve;

	reserve = (flags & VM_ALLOC_SYSTEM) ? 0 : vmcnt.v_free_reserved;
	if (object != NULL) {
		if (vmcnt.v_free_count <= reserve)
			return (-1);
		return (vm_page_nfree(FREEQ_HIGH) > 0 ? FREEQ_HIGH :
		    FREEQ_DIRECT);
	}
	if (vm_page_nfree(FREEQ_DIRECT) > reserve)
		return (FREEQ_DIRECT);
	if (vm_page_nfree(FREEQ_HIGH) > 0)
		vm_page_direct_short = true;
	return (-1);
}

/*
 * Allocate a page.  With an object, the page is inserted at pindex and
 * returned busy and on no queue: the caller fills it and then activates
 * and unbusies it.  Without one it is a kernel page, in the direct map.
 * With VM_ALLOC_ZERO it is zero-filled (PG_ZERO), by the idle loop if
 * a pre-zeroed page is free.  Returns NULL if memory is short: below
 * v_free_reserved only VM_ALLOC_SYSTEM callers get pages.
 * => object (if any) is alive and has no page at pindex; the caller
 *    holds paging_in_progress on it if it will sleep with the page busy.
 * => never sleeps; NULL leaves nothing allocated.
 */
struct vm_page *
vm_page_alloc(struct vm_object *object, vm_pindex_t pindex, int flags)
{
	struct vm_page *pg;
	int q;

	if ((q = vm_page_alloc_freeq(object, flags)) < 0) {
		pagedaemon_wakeup();
		return (NULL);
	}
	/* Zeroed pages are at the tail, the others at the head. */
	if ((flags & VM_ALLOC_ZERO) && vm_page_nzero[q] > 0)
		pg = TAILQ_LAST(&vm_page_freeq[q], pglist);
	else
		pg = TAILQ_FIRST(&vm_page_freeq[q]);
	vm_page_freeq_remove(pg);
	KASSERT(pg->object == NULL && LIST_EMPTY(&pg->md.md_pvlist),
	    ("vm_page_alloc: free page %#x in use", pg->phys_addr));
	pg->act_count = 0;
	pg->md.md_attrs = 0;
	if (flags & VM_ALLOC_ZERO) {
		if (pg->flags & PG_ZERO)
			vmcnt.v_ozfod++;
		else
			pmap_zero_page(pg);
		pg->flags = PG_ZERO;
	} else
		pg->flags = 0;
	if (object != NULL) {
		pg->flags |= PG_BUSY;
		vm_page_insert(pg, object, pindex);
	} else {
		pg->pindex = 0;
		vmcnt.v_wire_count++;
	}
	if (vmcnt.v_free_count < vmcnt.v_free_min)
		pagedaemon_wakeup();
	return (pg);
}

/*
 * Free a page.  If it belongs to an object, it leaves the object, and
 * anyone sleeping on it wakes up to find it gone.
 * => the page has no mappings (pmap_page_protect(pg, VM_PROT_NONE)).
 */
void
vm_page_free(struct vm_page *pg)
{

	KASSERT(pg->queue != PQ_FREE, ("vm_page_free: page %#x freed twice",
	    pg->phys_addr));
	KASSERT(!pmap_page_is_mapped(pg), ("vm_page_free: page %#x mapped",
	    pg->phys_addr));
	if (pg->flags & PG_READAHEAD)
		vmcnt.v_readahead_unused++;
	if (pg->object != NULL)
		vm_page_remove(pg);
	else if (pg->queue == PQ_NONE)
		vmcnt.v_wire_count--;
	vm_page_unqueue(pg);
	if (pg->flags & PG_WANTED)
		wakeup(pg);
	pg->flags = 0;
	vm_page_freeq_insert(pg);
	vm_page_free_wakeup();
}

/*
 * The idle loop's work (cpu_idle): zero one free page that is not known
 * to be zero, and mark it PG_ZERO, taking it from the list that has the
 * smaller share of zeroed pages.  Returns false, having done nothing,
 * once enough pages are zero.  Interrupts may be enabled: interrupt
 * handlers never touch the free lists.
 */
bool
vm_page_zero_idle(void)
{
	struct vm_page *pg;
	u_int d, h;
	int q;

	if (vmcnt.v_zero_count >= umin(vmcnt.v_free_count / 2, ZIDLE_MAX))
		return (false);
	/* Compare nzero/nfree of the two lists; an empty list loses. */
	d = vm_page_nfree(FREEQ_DIRECT) - vm_page_nzero[FREEQ_DIRECT];
	h = vm_page_nfree(FREEQ_HIGH) - vm_page_nzero[FREEQ_HIGH];
	if (h == 0 || (d > 0 && (uint64_t)vm_page_nzero[FREEQ_DIRECT] *
	    vm_page_nfree(FREEQ_HIGH) < (uint64_t)vm_page_nzero[FREEQ_HIGH] *
	    vm_page_nfree(FREEQ_DIRECT)))
		q = FREEQ_DIRECT;
	else
		q = FREEQ_HIGH;
	if ((q == FREEQ_DIRECT ? d : h) == 0)
		return (false);
	pg = TAILQ_FIRST(&vm_page_freeq[q]);
	KASSERT((pg->flags & PG_ZERO) == 0,
	    ("vm_page_zero_idle: page %#x zeroed twice", pg->phys_addr));
	pmap_zero_page(pg);
	vm_page_freeq_remove(pg);
	pg->flags = PG_ZERO;
	vm_page_freeq_insert(pg);
	vmcnt.v_idlezero++;
	return (true);
}

/*
 * Move pg, an object's page on a paging queue, to the free high page
 * npg: same object, index, contents, queue and state; pg is freed.
 * Its mappings go (a fault will map the new page); what they recorded
 * is kept, the modified bit in PG_DIRTY, the referenced bit in
 * PG_REFERENCED.
 */
static void
vm_page_move(struct vm_page *pg, struct vm_page *npg)
{
	struct vm_object *object = pg->object;
	vm_pindex_t pindex = pg->pindex;
	int queue = pg->queue;

	pmap_page_protect(pg, VM_PROT_NONE);
	vm_page_test_dirty(pg);
	if (pmap_is_referenced(pg))
		pg->flags |= PG_REFERENCED;
	vm_page_freeq_remove(npg);
	pmap_copy_page(pg, npg);
	npg->flags = pg->flags & (PG_DIRTY | PG_REFERENCED | PG_READAHEAD);
	npg->act_count = pg->act_count;
	npg->md.md_attrs = 0;
	vm_page_unqueue(pg);
	vm_page_remove(pg);
	vm_page_insert(npg, object, pindex);
	npg->queue = queue;
	TAILQ_INSERT_TAIL(&vm_page_queues[queue], npg, pageq);
	if (queue == PQ_ACTIVE)
		vmcnt.v_active_count++;
	else
		vmcnt.v_inactive_count++;
	pg->flags = 0;
	vm_page_freeq_insert(pg);
	vmcnt.v_direct_moved++;
}

/*
 * The kernel found no direct page while high memory has free ones:
 * move objects' pages out of the direct map until the direct reserve
 * is back, with some to spare.  Only pages nobody holds (not busy, on
 * a paging queue, in a live object) move, so this is safe exactly
 * where the pageout daemon could run: vm_wait(), whose callers hold
 * nothing and look everything up again.  Returns true if it moved any.
 */
static bool
vm_page_direct_refill(void)
{
	struct vm_page *pg;
	u_long scanned, i;
	u_int want;
	bool moved = false;

	vm_page_direct_short = false;
	want = vmcnt.v_free_reserved + umax(64, vmcnt.v_free_reserved);
	i = vm_page_refill_rotor;
	for (scanned = 0; scanned < vm_page_ndirect &&
	    vm_page_nfree(FREEQ_DIRECT) < want &&
	    vm_page_nfree(FREEQ_HIGH) > 0; scanned++, i++) {
		if (i >= vm_page_ndirect)
			i = 0;
		pg = &vm_page_array[i];
		if (pg->object == NULL || (pg->flags & PG_BUSY) ||
		    (pg->object->flags & OBJ_DEAD) ||
		    (pg->queue != PQ_ACTIVE && pg->queue != PQ_INACTIVE))
			continue;
		vm_page_move(pg, TAILQ_FIRST(&vm_page_freeq[FREEQ_HIGH]));
		moved = true;
	}
	vm_page_refill_rotor = i;
	return (moved);
}

/* Wake the processes waiting for memory, if there is enough now. */
void
vm_page_free_wakeup(void)
{

	if (vm_pages_needed &&
	    vmcnt.v_free_count > vmcnt.v_free_reserved + 8) {
		vm_pages_needed = 0;
		wakeup(&vmcnt.v_free_count);
	}
}

/* Take pg off its paging queue, if any. */
void
vm_page_unqueue(struct vm_page *pg)
{

	switch (pg->queue) {
	case PQ_ACTIVE:
		vmcnt.v_active_count--;
		break;
	case PQ_INACTIVE:
		vmcnt.v_inactive_count--;
		break;
	case PQ_NONE:
		return;
	default:
		KASSERT(0, ("vm_page_unqueue: page %#x on queue %d",
		    pg->phys_addr, pg->queue));
	}
	TAILQ_REMOVE(&vm_page_queues[pg->queue], pg, pageq);
	pg->queue = PQ_NONE;
}

/* Put an object's page at the tail of the active queue. */
void
vm_page_activate(struct vm_page *pg)
{

	KASSERT(pg->object != NULL, ("vm_page_activate: kernel page"));
	vm_page_unqueue(pg);
	pg->queue = PQ_ACTIVE;
	TAILQ_INSERT_TAIL(&vm_page_queues[PQ_ACTIVE], pg, pageq);
	vmcnt.v_active_count++;
}

/*
 * Put an object's page on the inactive queue: a candidate for reuse.
 * Its referenced bits are cleared, so that a later use shows.
 */
void
vm_page_deactivate(struct vm_page *pg)
{

	KASSERT(pg->object != NULL, ("vm_page_deactivate: kernel page"));
	vm_page_unqueue(pg);
	pmap_clear_reference(pg);
	pg->flags &= ~PG_REFERENCED;
	pg->queue = PQ_INACTIVE;
	TAILQ_INSERT_TAIL(&vm_page_queues[PQ_INACTIVE], pg, pageq);
	vmcnt.v_inactive_count++;
}

void
vm_page_busy(struct vm_page *pg)
{

	KASSERT((pg->flags & PG_BUSY) == 0, ("vm_page_busy: already busy"));
	pg->flags |= PG_BUSY;
}

/* Unbusy pg and wake whoever waits for it. */
void
vm_page_wakeup(struct vm_page *pg)
{

	KASSERT(pg->flags & PG_BUSY, ("vm_page_wakeup: not busy"));
	pg->flags &= ~PG_BUSY;
	if (pg->flags & PG_WANTED) {
		pg->flags &= ~PG_WANTED;
		wakeup(pg);
	}
}

/*
 * Sleep until the busy page pg is released.  On return the page may
 * be free or owned by another object: the caller looks it up again.
 */
void
vm_page_sleep(struct vm_page *pg, const char *wmesg)
{

	KASSERT(pg->flags & PG_BUSY, ("vm_page_sleep: not busy"));
	pg->flags |= PG_WANTED;
	tsleep(pg, 0, wmesg, 0);
}

/*
 * The page's contents are newer than any copy its pager has: note it,
 * and tell the pager its copy is stale so the space can be reused.
 */
void
vm_page_dirty(struct vm_page *pg)
{

	if ((pg->flags & PG_DIRTY) == 0) {
		pg->flags |= PG_DIRTY;
		if (pg->object != NULL && pg->object->pgops != NULL)
			vm_pager_page_stale(pg->object, pg->pindex);
	}
}

/* Fold the pmap's modified bits into PG_DIRTY. */
void
vm_page_test_dirty(struct vm_page *pg)
{

	if ((pg->flags & PG_DIRTY) == 0 && pmap_is_modified(pg))
		vm_page_dirty(pg);
}

/* Could an allocation of the given class succeed right now? */
bool
vm_page_free_avail(int flags)
{

	if (flags & VM_ALLOC_SYSTEM)
		return (vmcnt.v_free_count > 0);
	return (vmcnt.v_free_count > vmcnt.v_free_reserved);
}

/* Is anyone waiting for free memory (vm_wait)? */
bool
vm_page_waiters(void)
{

	return (vm_pages_needed != 0);
}

/*
 * Should the current process stop waiting for memory?  Yes once it has
 * been killed: memory may only come back when it dies.
 */
bool
vm_wait_abandoned(void)
{
	struct proc *p = curproc;

	return ((p->p_flag & P_SYSTEM) == 0 &&
	    (p->p_siglist & sigmask(SIGKILL)) != 0);
}

/*
 * Wait for free memory: wake the pageout daemon and sleep until it has
 * freed some, or for a second at most (then the caller re-checks, and
 * in particular whether it has been killed meanwhile).  Never called
 * by the pageout daemon itself.
 */
int
vm_wait(void)
{

	KASSERT(curproc != pageproc, ("vm_wait: called by the pagedaemon"));
	if (vm_page_direct_short && vm_page_direct_refill())
		return (0);
	vmcnt.v_vmwaits++;
	vm_pages_needed = 1;
	pagedaemon_wakeup();
	return (tsleep(&vmcnt.v_free_count, 0, "vmwait", hz));
}
