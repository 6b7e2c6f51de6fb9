/*
 * check.c: what vmhost checks, and when (see vmhost.c for the list).
 *
 * Everything here looks at the VM without changing it: it never
 * sleeps, never faults, and takes nothing busy, so checking does not
 * change what a seed does.  (One exception: check_audit_fires plants
 * an unreachable object for vm.object_audit to find, and frees it at
 * once.)  Where the kernel has a check of its own
 * (vm.swap_audit, vm.object_audit, vm_object_check, vm_map_check) it
 * is called, through its sysctl node where it has one; the tools'
 * views (vm.objects, kern.proc.vmmap) are compared with the truth.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

#include "bench.h"

/* Collapse candidates one check keeps track of, at most. */
#define	COLL_MAX	512

/* Looking at the VM without touching it. */

bool
users_idle(void)
{
	int i;

	for (i = 0; i < NPROC_MAX; i++)
		if (uprocs[i] != NULL && uprocs[i]->t.state != T_IDLE)
			return (false);
	return (true);
}

bool
all_quiet(void)
{
	struct vm_object *object;

	if (!users_idle() || disk_pending() != 0 ||
	    swap_pager_inflight() != 0)
		return (false);
	if (defer_thread.state == T_RUN || !swapctl_idle())
		return (false);
	TAILQ_FOREACH(object, &vm_object_list, object_list)
		if (object->paging_in_progress != 0 ||
		    (object->flags & OBJ_DEFERRED))
			return (false);
	return (true);
}

/*
 * What a fault at (object, pindex) would find first, looking as
 * vm_fault does: *pgp the resident page, or NULL with *objp the object
 * whose pager has it, or both NULL (zero fill).  Like the fault, the
 * walk ends at an index past an object's end: zero fill in an
 * anonymous object; past the end of the file the fault fails, and
 * peek returns false.
 */
bool
peek(struct vm_object *object, vm_pindex_t pindex, struct vm_object **objp,
    vm_pindex_t *idxp, struct vm_page **pgp)
{

	*pgp = NULL;
	*objp = NULL;
	for (; object != NULL; object = object->backing_object) {
		if (pindex >= object->size)
			return ((object->flags & OBJ_INTERNAL) != 0);
		if ((*pgp = vm_page_lookup(object, pindex)) != NULL ||
		    vm_pager_has_page(object, pindex)) {
			*objp = object;
			*idxp = pindex;
			return (true);
		}
		pindex += OFF_TO_IDX(object->backing_offset);
	}
	return (true);
}

/*
 * Page queues and counts add up; every page is free, a kernel page
 * (the bench's squeeze), or an object's and on a queue unless busy.
 * Kernel pages are in the direct map.  A free page is PG_ZERO only if
 * it is all zeros: one such page a call is read through, in turn.
 */
void
check_pages(void)
{
	u_int n[PQ_COUNT] = { 0 }, wired = 0, anon = 0, file = 0;
	u_int zero = 0, freedirect = 0;
	static u_long zero_rotor;
	struct vm_page *pg, *zpg = NULL;
	const uint32_t *w;
	u_long i;
	bool has;

	for (i = 0; i < vm_page_array_size; i++) {
		pg = &vm_page_array[i];
		if (pg->queue >= PQ_COUNT)
			bench_fail("page %#x on queue %d", pg->phys_addr,
			    pg->queue);
		n[pg->queue]++;
		if (pg->queue == PQ_FREE) {
			if (pg->object != NULL || (pg->flags & ~PG_ZERO) != 0)
				bench_fail("free page %#x: object %u, flags "
				    "%#x", pg->phys_addr, pg->object != NULL ?
				    pg->object->id : 0, pg->flags);
			if (pmap_page_direct(pg))
				freedirect++;
			if (pg->flags & PG_ZERO) {
				zero++;
				/* The first at or after the rotor, or the first. */
				if (zpg == NULL || (zpg - vm_page_array <
				    zero_rotor && i >= zero_rotor))
					zpg = pg;
			}
			continue;
		}
		if (pg->object == NULL) {
			if (pg->queue != PQ_NONE)
				bench_fail("kernel page %#x on queue %d",
				    pg->phys_addr, pg->queue);
			if (!pmap_page_direct(pg))
				bench_fail("kernel page %#x is above the "
				    "direct map", pg->phys_addr);
			wired++;
			continue;
		}
		if (pg->object->flags & OBJ_INTERNAL)
			anon++;
		else
			file++;
		if (pg->flags & PG_BUSY)
			continue;
		if (pg->queue == PQ_NONE)
			bench_fail("page %#x (object %u, index %u) is on no "
			    "queue and not busy", pg->phys_addr,
			    pg->object->id, pg->pindex);
		/*
		 * sys/vm/NOTES: PG_DIRTY is exact, and swap blocks never
		 * hold stale data, except in a pager a 4.4BSD collapse
		 * handed over (swap_pager_adopted).  So an anonymous page
		 * is clean exactly when its object's pager holds a copy.
		 */
		if ((pg->object->flags & OBJ_INTERNAL) == 0)
			continue;
		has = vm_pager_has_page(pg->object, pg->pindex);
		if ((pg->flags & PG_DIRTY) && has &&
		    !swap_pager_adopted(pg->object))
			bench_fail("page %#x (object %u, index %u) is dirty, "
			    "yet its swap copy was kept (stale)",
			    pg->phys_addr, pg->object->id, pg->pindex);
		if ((pg->flags & PG_DIRTY) == 0 && !has)
			bench_fail("page %#x (object %u, index %u) is clean "
			    "with no copy on swap: freeing it loses its data",
			    pg->phys_addr, pg->object->id, pg->pindex);
	}
	if (n[PQ_FREE] != vmcnt.v_free_count ||
	    n[PQ_ACTIVE] != vmcnt.v_active_count ||
	    n[PQ_INACTIVE] != vmcnt.v_inactive_count ||
	    wired != vmcnt.v_wire_count || anon != vmcnt.v_anon_pages ||
	    file != vmcnt.v_file_pages)
		bench_fail("page counts: free %u/%u active %u/%u inactive "
		    "%u/%u wired %u/%u anon %u/%u file %u/%u (found/counted)",
		    n[PQ_FREE], vmcnt.v_free_count, n[PQ_ACTIVE],
		    vmcnt.v_active_count, n[PQ_INACTIVE],
		    vmcnt.v_inactive_count, wired, vmcnt.v_wire_count, anon,
		    vmcnt.v_anon_pages, file, vmcnt.v_file_pages);
	if (wired != nhog)
		bench_fail("%u kernel pages, the bench holds %u", wired, nhog);
	if (zero != vmcnt.v_zero_count || freedirect != vmcnt.v_free_direct)
		bench_fail("free pages: zeroed %u/%u, direct %u/%u "
		    "(found/counted)", zero, vmcnt.v_zero_count, freedirect,
		    vmcnt.v_free_direct);
	if (zpg != NULL) {
		w = pmap_host_page(zpg);
		for (i = 0; i < PAGE_SIZE / sizeof(*w); i++)
			if (w[i] != 0)
				bench_fail("free page %#x is PG_ZERO, but word "
				    "%lu is %#x", zpg->phys_addr, i, w[i]);
		zero_rotor = zpg - vm_page_array + 1;
	}
}

/*
 * vm.swap_audit: every block allocated is owned by exactly one page of
 * one live object, and every block owned is allocated.
 */
void
swap_audit(struct swap_audit *sa)
{
	size_t len = sizeof(*sa);
	int error;

	memset(sa, 0, sizeof(*sa));
	if ((error = sim_sysctl("vm", "swap_audit", NULL, 0, sa, &len, NULL,
	    0)) != 0)
		bench_fail("sysctl vm.swap_audit: error %d", error);
	if (sa->sa_errors != 0)
		bench_fail("swap audit: %u orphaned, %u unallocated, %u doubly "
		    "owned, %u out of range (%u allocated, %u owned, %u bad)",
		    sa->sa_orphaned, sa->sa_unallocated, sa->sa_doubly_owned,
		    sa->sa_out_of_range, sa->sa_allocated, sa->sa_owned,
		    sa->sa_bad);
}

/*
 * Every step: pages, mappings and swap add up, and the kernel's own
 * counts of swap (vm.swap_used) and objects are what a count from
 * scratch finds.
 */
void
check_step(void)
{
	struct swap_audit sa;
	struct vm_object *object;
	u_int used, n = 0;
	size_t len = sizeof(used);
	int error;

	check_pages();
	pmap_host_check();
	swap_audit(&sa);
	if (sa.sa_allocated > st.max_swap_used)
		st.max_swap_used = sa.sa_allocated;
	if ((error = sim_sysctl("vm", "swap_used", NULL, 0, &used, &len,
	    NULL, 0)) != 0)
		bench_fail("sysctl vm.swap_used: error %d", error);
	if (used != sa.sa_allocated)
		bench_fail("vm.swap_used is %u, the allocator's maps hold %u",
		    used, sa.sa_allocated);
	TAILQ_FOREACH(object, &vm_object_list, object_list)
		n++;
	if (n != vmobjstats.os_objects)
		bench_fail("%u objects on the list, vm.stats.object counts %u",
		    n, vmobjstats.os_objects);
}

/*
 * An object's count of swap blocks is what its pager answers page by
 * page, plus the blocks it holds outside its window.
 */
static void
check_object_counts(struct vm_object *object)
{
	u_int n = 0;
	vm_pindex_t k;

	if (object->pgops == NULL || (object->flags & OBJ_INTERNAL) == 0)
		return;
	for (k = 0; k < object->size; k++)
		if (vm_pager_has_page(object, k))
			n++;
	n += swap_pager_outside_blocks(object);
	if (n != swap_pager_object_blocks(object))
		bench_fail("object %u counts %u swap blocks, its pager has %u",
		    object->id, swap_pager_object_blocks(object), n);
}

/* The object of each entry of every process, for counting. */
#define	MAXENTRIES	(NPROC_MAX * 32)

static int
all_entries(struct vm_map_entry **ents)
{
	struct vm_map_entry *entry;
	struct vm_map *map;
	int i, n = 0;

	for (i = 0; i < NPROC_MAX; i++) {
		if (uprocs[i] == NULL || uprocs[i]->t.p.p_vmspace == &vmspace0)
			continue;
		map = &uprocs[i]->t.p.p_vmspace->vm_map;
		for (entry = map->header.next; entry != &map->header;
		    entry = entry->next) {
			if (n == MAXENTRIES)
				bench_fail("more than %d map entries",
				    MAXENTRIES);
			ents[n++] = entry;
		}
	}
	return (n);
}

/*
 * With no operation in flight, every reference to an object is a map
 * entry's or a shadow's (or, for the file's object, its vnode's): a
 * reference counted more would keep the object from ever collapsing
 * or dying.
 */
static void
check_refs(void)
{
	struct vm_map_entry *ents[MAXENTRIES];
	struct vm_object *object;
	int i, n, refs;

	n = all_entries(ents);
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		refs = object->shadow_count + (object == file_object);
		for (i = 0; i < n; i++)
			if (ents[i]->object == object)
				refs++;
		if (object->ref_count != refs) {
			describe_object(object);
			bench_fail("object %u: %d references, %d accounted "
			    "for (map entries, shadows)", object->id,
			    object->ref_count, refs);
		}
	}
}

/*
 * vmspace_anon_usage (what ps shows) counts each anonymous object a
 * map reaches once: compare with a count of our own.
 */
static void
check_anon_usage(struct uproc *up)
{
	struct vm_map *map = &up->t.p.p_vmspace->vm_map;
	struct vm_object *seen[128], *object;
	struct vm_map_entry *entry;
	u_int res = 0, swap = 0, kres, kswap;
	int nseen = 0, i;

	for (entry = map->header.next; entry != &map->header;
	    entry = entry->next)
		for (object = entry->object; object != NULL;
		    object = object->backing_object) {
			if ((object->flags & OBJ_INTERNAL) == 0)
				continue;
			for (i = 0; i < nseen && seen[i] != object; i++)
				continue;
			if (i < nseen)
				continue;
			if (nseen == 128)
				return;
			seen[nseen++] = object;
			res += object->resident_page_count;
			swap += swap_pager_object_blocks(object);
		}
	if (nseen > 64)			/* vm_map.c's VISIT_MAX */
		return;
	vmspace_anon_usage(up->t.p.p_vmspace, &kres, &kswap);
	if (kres != res || kswap != swap)
		bench_fail("pid %d: vmspace_anon_usage says %u resident, %u "
		    "swap; the objects hold %u and %u", up->t.p.p_pid, kres,
		    kswap, res, swap);
	st.anon_usage++;
}

/*
 * A translation the pmap holds for va must be to the page the VM would
 * find there now (pmap.h: the VM removes or downgrades mappings when
 * the truth changes), and it may allow writing only to a page of the
 * entry's own object, once the entry has its copy: any other writable
 * mapping lets a write reach memory others share.
 */
static void
check_mapping(struct uproc *up, struct vm_map_entry *entry, vaddr_t va,
    struct vm_object *obj, struct vm_page *pg)
{
	struct vm_page *mpg;
	vm_prot_t prot;

	mpg = pmap_host_lookup(vmspace_pmap(up->t.p.p_vmspace), va, &prot);
	if (mpg == NULL)
		return;
	if (mpg != pg)
		UFAIL(up, va, "pid %d: %#x maps page %#x (object %u index %u), "
		    "the VM has %s there", up->t.p.p_pid, va, mpg->phys_addr,
		    mpg->object != NULL ? mpg->object->id : 0, mpg->pindex,
		    pg != NULL ? "another page" : obj != NULL ?
		    "a page on swap" : "no page");
	if ((prot & VM_PROT_WRITE) == 0)
		return;
	if (obj == NULL || obj != entry->object)
		UFAIL(up, va, "pid %d: %#x is writable, but its page belongs "
		    "to object %u, not to the entry's own object %u",
		    up->t.p.p_pid, va, obj != NULL ? obj->id : 0,
		    entry->object != NULL ? entry->object->id : 0);
	if (entry->eflags & MAP_ENTRY_NEEDS_COPY)
		UFAIL(up, va, "pid %d: %#x is writable, but its entry still "
		    "needs a copy of object %u", up->t.p.p_pid, va, obj->id);
	if ((entry->protection & VM_PROT_WRITE) == 0)
		UFAIL(up, va, "pid %d: %#x is writable, but its entry's "
		    "protection is %d", up->t.p.p_pid, va, entry->protection);
}

static const uint64_t zero_words[MWORDS];

/*
 * One page of up's, at va, which entry maps (NULL: no entry does): the
 * map agrees with the model, the pmap holds no translation the VM would
 * not make, and what a fault would find there holds what a read must,
 * resident or on swap (read straight from the disk).
 */
static void
check_va(struct uproc *up, struct vm_map_entry *entry, vaddr_t va)
{
	struct vpage *vp = model_page(up, va);
	const struct mpage *want;
	struct vm_object *obj;
	struct vm_page *pg;
	vm_pindex_t idx;
	uint32_t blk;
	const void *data;
	char why[256];
	int pid = up->t.p.p_pid;

	if (entry == NULL) {
		if (vp != NULL && vp->mapped)
			UFAIL(up, va, "pid %d: %#x is mapped in the "
			    "model, but no map entry maps it", pid, va);
		if (pmap_host_lookup(vmspace_pmap(up->t.p.p_vmspace), va,
		    NULL) != NULL)
			UFAIL(up, va, "pid %d: %#x has a translation "
			    "but no map entry", pid, va);
		return;
	}
	if (vp == NULL || !vp->mapped)
		UFAIL(up, va, "pid %d: %#x is mapped, the model says "
		    "not", pid, va);
	if (entry->protection != vp->prot ||
	    entry->max_protection != vp->maxprot)
		UFAIL(up, va, "pid %d: %#x has protection %d (at most "
		    "%d), the model says %d (at most %d)", pid, va,
		    entry->protection, entry->max_protection, vp->prot,
		    vp->maxprot);
	want = model_contents(vp);
	if (entry->object == NULL) {
		if (vp->eof || memcmp(want->w, zero_words, PAGE_SIZE) != 0)
			UFAIL(up, va, "pid %d: %#x has no object, so "
			    "reads zeros; the model says otherwise", pid, va);
		check_mapping(up, entry, va, NULL, NULL);
		return;
	}
	if (!peek(entry->object, OFF_TO_IDX(entry->offset +
	    (va - entry->start)), &obj, &idx, &pg)) {
		if (!vp->eof)
			UFAIL(up, va, "pid %d: a fault at %#x would "
			    "fail (past the end of the file)", pid, va);
		check_mapping(up, entry, va, NULL, NULL);
		return;
	}
	if (vp->eof)
		UFAIL(up, va, "pid %d: %#x is past the end of the file, "
		    "yet a fault there would succeed", pid, va);
	check_mapping(up, entry, va, obj, pg);
	if (obj == NULL) {
		if (memcmp(want->w, zero_words, PAGE_SIZE) != 0)
			UFAIL(up, va, "pid %d: %#x reads as zeros, the "
			    "model says otherwise", pid, va);
		return;
	}
	if (pg != NULL) {
		if (pg->flags & PG_FAKE)
			return;
		data = pmap_host_page(pg);
	} else {
		/* On swap: the block, unless a read error lost it. */
		if ((obj->flags & OBJ_INTERNAL) == 0)
			return;
		blk = swap_pager_block(obj, idx);
		if (blk == SWAPBLK_NONE || (blk & SWAPBLK_BAD))
			return;
		data = disk_block_data(blk);
	}
	if (mpage_diff(want, data) >= 0) {
		mpage_explain(want, data, why, sizeof(why));
		UFAIL(up, va, "pid %d: %#x: object %u page %u (%s) "
		    "holds the wrong data: %s", pid, va, obj->id, idx,
		    pg != NULL ? "resident" : "on swap", why);
	}
}

/* With every process idle (in user mode). */
void
check_quiet(void)
{
	struct vm_object_audit oa;
	struct vm_object *object;
	struct vm_map_entry *entry;
	struct uproc *up;
	struct vm_map *map;
	vaddr_t va;
	size_t len;
	int i, r, k, error;

	st.checks_quiet++;
	memset(&oa, 0, sizeof(oa));
	len = sizeof(oa);
	if ((error = sim_sysctl("vm", "object_audit", NULL, 0, &oa, &len,
	    NULL, 0)) != 0)
		bench_fail("sysctl vm.object_audit: error %d", error);
	if (oa.oa_unreachable != 0 || oa.oa_broken != 0)
		bench_fail("object audit: %u unreachable objects (%u pages, %u "
		    "swap blocks), %u broken", oa.oa_unreachable,
		    oa.oa_leaked_pages, oa.oa_leaked_swap, oa.oa_broken);
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		vm_object_check(object);
		check_object_counts(object);
	}
	check_refs();
	for (i = 0; i < NPROC_MAX; i++) {
		if ((up = uprocs[i]) == NULL ||
		    up->t.p.p_vmspace == &vmspace0)
			continue;
		map = &up->t.p.p_vmspace->vm_map;
		vm_map_check(map);
		check_anon_usage(up);
		for (entry = map->header.next; entry != &map->header;
		    entry = entry->next)
			for (va = entry->start; va < entry->end;
			    va += PAGE_SIZE)
				if (model_page(up, va) == NULL)
					bench_fail("pid %d: %#x is mapped, "
					    "outside every region",
					    up->t.p.p_pid, va);
		for (r = 0; r < NREGIONS; r++)
			for (k = 0; k < regions[r].np; k++) {
				va = regions[r].va + ptoa(k);
				check_va(up, vm_map_lookup_entry(map, va,
				    &entry) ? entry : NULL, va);
			}
	}
}

/*
 * Hidden pages (doc/design.md, sections 3 and 6): resident pages and swap blocks of
 * anonymous objects that no map entry can reach: every path from every
 * map entry down the chains to the page passes through a nearer object
 * that has it, or none reaches its index at all (an unmapped range, or
 * an index outside every window).  Walking down from every page of
 * every entry, as a fault does, marks in each object the indexes some
 * path reaches (inwin) and those where the walk stops, which a fault
 * would read (vis); every other page is hidden.  Objects referenced by
 * something other than map entries and shadows (the file's) are fully
 * reachable and not counted; check_refs makes sure there are no other
 * anonymous ones.
 */
struct objvis {
	struct vm_object *object;
	uint8_t		*vis;		/* per index: a fault reads it */
	uint8_t		*inwin;		/* per index: a path reaches it */
	u_int		hres, hswap;	/* hidden pages, blocks */
	u_int		kind[HID_NKINDS]; /* hidden, by HID_* */
};

/* The objvis of object id, in ov[0..n) (sorted by id, as the list is). */
static struct objvis *
objvis_find(struct objvis *ov, int n, uint32_t id)
{
	int lo = 0, hi = n - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (ov[mid].object->id == id)
			return (&ov[mid]);
		if (ov[mid].object->id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return (NULL);
}

/*
 * Count page idx of v's object as hidden: resident (HID_RESIDENT) or a
 * block; a block under a dirty page (HID_STALE); else by where it is.
 */
#define	HID_RESIDENT	0x100

static void
objvis_hide(struct objvis *v, vm_pindex_t idx, int how)
{
	int kind;

	if (how & HID_STALE)
		kind = HID_STALE;
	else if (idx >= v->object->size || !v->inwin[idx])
		kind = HID_UNMAPPED;
	else if (v->object->shadow_count >= 2)
		kind = HID_SEVERAL;
	else
		kind = HID_ONE;
	v->kind[kind]++;
	if (v->object->entry_count != 0)
		v->kind[HID_MAPPED]++;
	if (how & HID_RESIDENT)
		v->hres++;
	else
		v->hswap++;
}

/*
 * vm.objects (vm_objinfo.c) counts hidden pages its own way, walking up
 * from each page; it errs low where an entry maps part of an object,
 * never high.  Each of its counts must be at most ours, and the rest of
 * each record must be the object's.
 */
static void
check_objinfo(struct objvis *ov, int n)
{
	struct kinfo_vmmap_hdr *kvh;
	struct kinfo_vmobject *kvo;
	struct objvis *v;
	size_t len = 0;
	char *buf;
	u_int i;
	int error;

	if ((error = sim_sysctl("vm", "objects", NULL, 0, NULL, &len, NULL,
	    0)) == ENOENT)
		return;
	if (error != 0)
		bench_fail("sysctl vm.objects (size): error %d", error);
	buf = host_calloc(1, len);
	if ((error = sim_sysctl("vm", "objects", NULL, 0, buf, &len, NULL,
	    0)) != 0)
		bench_fail("sysctl vm.objects: error %d", error);
	kvh = (struct kinfo_vmmap_hdr *)buf;
	if (kvh->kvh_structsize != sizeof(*kvh) ||
	    kvh->kvh_nobjects != (u_int)n || len != sizeof(*kvh) +
	    kvh->kvh_nobjects * sizeof(*kvo))
		bench_fail("vm.objects: %u records in %zu bytes, %d objects",
		    kvh->kvh_nobjects, len, n);
	kvo = (struct kinfo_vmobject *)(kvh + 1);
	for (i = 0; i < kvh->kvh_nobjects; i++, kvo++) {
		if ((v = objvis_find(ov, n, kvo->kvo_id)) == NULL)
			bench_fail("vm.objects: object %u is not alive",
			    kvo->kvo_id);
		if (kvo->kvo_resident !=
		    (u_int)v->object->resident_page_count ||
		    kvo->kvo_swapped != swap_pager_object_blocks(v->object) ||
		    kvo->kvo_ref_count != v->object->ref_count ||
		    kvo->kvo_shadow_count != v->object->shadow_count)
			bench_fail("vm.objects: object %u: %u resident, %u "
			    "swapped, %d references, %d shadows: wrong",
			    kvo->kvo_id, kvo->kvo_resident, kvo->kvo_swapped,
			    kvo->kvo_ref_count, kvo->kvo_shadow_count);
		if (kvo->kvo_hidden_res > v->hres ||
		    kvo->kvo_hidden_swap > v->hswap) {
			describe_object(v->object);
			bench_fail("vm.objects: object %u: %u hidden pages and "
			    "%u hidden blocks; there are %u and %u",
			    kvo->kvo_id, kvo->kvo_hidden_res,
			    kvo->kvo_hidden_swap, v->hres, v->hswap);
		}
	}
	host_free(buf);
}

/* kern.proc.vmmap.PID (vm_objinfo.c) describes up's map as it is. */
static void
check_vmmap(struct uproc *up)
{
	struct vm_map *map = &up->t.p.p_vmspace->vm_map;
	struct kinfo_vmmap_hdr *kvh;
	struct kinfo_vmentry *kve;
	struct kinfo_vmobject *kvo;
	struct vm_map_entry *entry;
	struct vm_object *object;
	int pid = up->t.p.p_pid, error;
	size_t len = 0;
	char *buf, *p;
	u_int i;

	if ((error = sim_sysctl("proc", "vmmap", &pid, 1, NULL, &len, NULL,
	    0)) == ENOENT)
		return;
	if (error != 0)
		bench_fail("sysctl kern.proc.vmmap.%d (size): error %d", pid,
		    error);
	buf = host_calloc(1, len);
	if ((error = sim_sysctl("proc", "vmmap", &pid, 1, buf, &len, NULL,
	    0)) != 0)
		bench_fail("sysctl kern.proc.vmmap.%d: error %d", pid, error);
	kvh = (struct kinfo_vmmap_hdr *)buf;
	if (kvh->kvh_pid != pid || kvh->kvh_nentries != (u_int)map->nentries)
		bench_fail("kern.proc.vmmap.%d: pid %d, %u entries (map: %d)",
		    pid, kvh->kvh_pid, kvh->kvh_nentries, map->nentries);
	p = (char *)(kvh + 1);
	entry = map->header.next;
	for (i = 0; i < kvh->kvh_nentries; i++, entry = entry->next) {
		kve = (struct kinfo_vmentry *)p;
		p += sizeof(*kve);
		if (kve->kve_start != entry->start ||
		    kve->kve_end != entry->end ||
		    kve->kve_depth != (u_int)vm_object_chain_length(
		    entry->object) || kve->kve_visible > atop(entry->end -
		    entry->start))
			bench_fail("kern.proc.vmmap.%d: entry [%#x, %#x) depth "
			    "%u, visible %u; the map's is [%#x, %#x) depth %d",
			    pid, kve->kve_start, kve->kve_end,
			    kve->kve_depth, kve->kve_visible, entry->start,
			    entry->end, vm_object_chain_length(entry->object));
		for (object = entry->object; object != NULL;
		    object = object->backing_object) {
			kvo = (struct kinfo_vmobject *)p;
			p += sizeof(*kvo);
			if (kvo->kvo_id != object->id)
				bench_fail("kern.proc.vmmap.%d: object %u "
				    "where %u is", pid, kvo->kvo_id,
				    object->id);
		}
	}
	if ((size_t)(p - buf) != len)
		bench_fail("kern.proc.vmmap.%d: %zu bytes, records end at %zu",
		    pid, len, (size_t)(p - buf));
	host_free(buf);
	st.vmmaps++;
}

/*
 * Walk down from page idx of object as a fault does, marking every
 * index the walk reaches (inwin) and the page it reads (vis): the
 * first found, resident or on the pager.
 */
static void
objvis_walk(struct objvis *ov, int n, struct vm_object *object,
    vm_pindex_t idx)
{
	struct objvis *v;
	bool found = false;

	for (; object != NULL && idx < object->size;
	    object = object->backing_object) {
		v = objvis_find(ov, n, object->id);
		v->inwin[idx] = 1;
		if (!found && vm_object_has_page(object, idx)) {
			v->vis[idx] = 1;
			found = true;
		}
		idx += OFF_TO_IDX(object->backing_offset);
	}
}

/*
 * Count hidden pages: all of them in h->all, by kind in h->kind; the
 * longest chain in h->depth.  With -H and the fix on, a hidden page
 * fails the run.  With `tools', also compares vm.objects and
 * kern.proc.vmmap with what is walked here.
 */
struct hidden {
	u_int	all;
	u_int	kind[HID_NKINDS];
	u_int	depth;
};

static void
hidden_pages(struct hidden *h, bool tools)
{
	struct vm_map_entry *entry;
	struct vm_object *object;
	struct vm_page *pg;
	struct objvis *ov, *v;
	struct uproc *up;
	struct vm_map *map;
	vm_pindex_t k;
	int n = 0, i, depth;
	uint32_t prev = 0;

	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		if (object->id <= prev)
			bench_fail("object %u after %u on the list: the bench "
			    "expects ids in order", object->id, prev);
		prev = object->id;
		n++;
	}
	ov = host_calloc(n, sizeof(*ov));
	n = 0;
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		ov[n].object = object;
		ov[n].vis = host_calloc(object->size + 1, 1);
		ov[n].inwin = host_calloc(object->size + 1, 1);
		n++;
	}
	memset(h, 0, sizeof(*h));
	for (i = 0; i < NPROC_MAX; i++) {
		if ((up = uprocs[i]) == NULL ||
		    up->t.p.p_vmspace == &vmspace0)
			continue;
		if (tools)
			check_vmmap(up);
		map = &up->t.p.p_vmspace->vm_map;
		for (entry = map->header.next; entry != &map->header;
		    entry = entry->next) {
			if (entry->object == NULL)
				continue;
			depth = vm_object_chain_length(entry->object);
			if ((u_int)depth > h->depth)
				h->depth = depth;
			for (k = 0; k < atop(entry->end - entry->start); k++)
				objvis_walk(ov, n, entry->object,
				    OFF_TO_IDX(entry->offset) + k);
		}
	}
	for (i = 0; i < n; i++) {
		v = &ov[i];
		object = v->object;
		if ((object->flags & OBJ_INTERNAL) == 0)
			continue;
		if (object->shadow_count > (int)st.max_siblings)
			st.max_siblings = object->shadow_count;
		TAILQ_FOREACH(pg, &object->memq, listq)
			if (!v->vis[pg->pindex])
				objvis_hide(v, pg->pindex, HID_RESIDENT);
		/*
		 * A block is hidden where no fault reads it, under a dirty
		 * page (stale), or outside the window (the last two only
		 * after a 4.4BSD collapse adopted a pager).
		 */
		if (object->pgops != NULL)
			for (k = 0; k < object->size; k++) {
				if (!vm_pager_has_page(object, k))
					continue;
				pg = vm_page_lookup(object, k);
				if (pg != NULL && (pg->flags &
				    (PG_DIRTY | PG_BUSY)) == PG_DIRTY)
					objvis_hide(v, k, HID_STALE);
				else if (!v->vis[k])
					objvis_hide(v, k, 0);
			}
		for (k = swap_pager_outside_blocks(object); k > 0; k--)
			objvis_hide(v, object->size, 0);
		h->all += v->hres + v->hswap;
		for (k = 0; k < HID_NKINDS; k++)
			h->kind[k] += v->kind[k];
		if (args->hidden && collapse_on() &&
		    v->hres + v->hswap != 0) {
			describe_object(object);
			bench_fail("hidden: object %u holds %u hidden pages "
			    "and %u hidden swap blocks (%u outside every "
			    "window, %u under its one shadow, %u under several "
			    "shadows, %u stale)", object->id, v->hres,
			    v->hswap, v->kind[HID_UNMAPPED], v->kind[HID_ONE],
			    v->kind[HID_SEVERAL], v->kind[HID_STALE]);
		}
	}
	if (tools)
		check_objinfo(ov, n);
	for (i = 0; i < n; i++) {
		host_free(ov[i].vis);
		host_free(ov[i].inwin);
	}
	host_free(ov);
}

static void	check_depth(const uint32_t *, int);

/*
 * A collapse candidate: an anonymous object whose only reference is
 * its one anonymous shadow's.  That shadow should have absorbed it.
 */
static bool
coll_candidate(struct vm_object *object)
{
	struct vm_object *shadow;

	if ((object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL ||
	    object->ref_count != 1 || object->shadow_count != 1)
		return (false);
	shadow = LIST_FIRST(&object->shadow_head);
	return ((shadow->flags & (OBJ_INTERNAL | OBJ_DEAD)) == OBJ_INTERNAL);
}

/*
 * The collapse check, at a full check (nothing in flight, the deferred
 * queue drained: all_quiet), enforced with the fix on.  An object
 * becomes a candidate only when it loses a reference or a shadow, and
 * then vm_object_deallocate or the bypass collapses it at once, or
 * queues the collapse for vmdeferd, which has run it by now.  Turning
 * the fix on queues every object.  So there is no candidate at all.
 */
static void
check_collapse(bool enforce)
{
	struct vm_object *object;
	uint32_t cur[COLL_MAX];
	int ncur = 0;

	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		if (!coll_candidate(object))
			continue;
		if (ncur == COLL_MAX)
			bench_fail("collapse check: more than %d candidates",
			    COLL_MAX);
		cur[ncur++] = object->id;
		if (!enforce)
			continue;
		describe_object(object);
		describe_object(LIST_FIRST(&object->shadow_head));
		bench_fail("collapse: object %u is held only by its one "
		    "shadow, and nothing is left to collapse it", object->id);
	}
	if (enforce)
		check_depth(cur, ncur);
}

/*
 * A number that changes whenever a collapse is refused (for a pager,
 * for paging, for memory), work is deferred to vmdeferd, or a fault
 * starts over: a call during which it stays the same ran its collapses
 * to their ends.
 */
u_int
collapse_epoch(void)
{

	return (vmobjstats.os_refused_pager + vmobjstats.os_refused_busy +
	    vmobjstats.os_refused_nomem + vmobjstats.os_deferred_queued +
	    vmcnt.v_fault_restarts);
}

/*
 * Does f have page np for a bypass: resident and valid (not still being
 * read in), or on its pager?
 */
static bool
front_has(struct vm_object *f, vm_pindex_t np)
{
	struct vm_page *pg = vm_page_lookup(f, np);

	if (pg != NULL)
		return ((pg->flags & PG_FAKE) == 0);
	return (vm_pager_has_page(f, np));
}

/*
 * Would vm_object_collapse(f) go on: is f's backing object b one f can
 * absorb (f holds its only reference) or bypass (f has, resident or on
 * swap, every page b has in f's window)?  The same rules as
 * vm_object.c's, seen from outside.
 */
static const char *
collapse_left(struct vm_object *f)
{
	struct vm_object *b = f->backing_object;
	struct vm_page *pg;
	vm_pindex_t first, k;

	if (b == NULL ||
	    (f->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL ||
	    (b->flags & (OBJ_INTERNAL | OBJ_DEAD | OBJ_COLLAPSING)) !=
	    OBJ_INTERNAL)
		return (NULL);
	if (b->ref_count == 1)
		return ("absorbed");
	first = OFF_TO_IDX(f->backing_offset);
	TAILQ_FOREACH(pg, &b->memq, listq)
		if (pg->pindex >= first && pg->pindex - first < f->size &&
		    !front_has(f, pg->pindex - first))
			return (NULL);
	if (b->pgops != NULL)
		for (k = first; k < first + f->size && k < b->size; k++)
			if (vm_pager_has_page(b, k) && !front_has(f, k - first))
				return (NULL);
	return ("bypassed");
}

/*
 * After `what' (a copy-on-write fault or a fork, which let collapse
 * shorten f's chain, or a fault that gave an entry the shadow f, which
 * collapses only an object left to f alone) called vm_object_collapse(f),
 * and nothing was refused meanwhile (collapse_epoch): the collapse loop
 * stops only where f's backing object cannot be absorbed, nor, where
 * `bypass' says the caller tried, bypassed.  So a missing trigger, or a
 * loop that stops early, leaves a chain this finds.  Unless the work
 * went to vmdeferd meanwhile (another thread's, while `what' slept).
 * The kernel tries a bypass only when its bound on what f lacks
 * (bypass_deficit) is 0, and that bound stops being one when the
 * backing object loses pages f lacked (reclaim): a bypass missed so
 * costs a link in the chain, never a page.  So a bypass left undone is
 * reported where the bound is 0, and with -B wherever it is.
 */
void
check_front_collapsed(struct vm_object *f, const char *what, bool bypass)
{
	const char *left;

	if (!collapse_check || !collapse_on() ||
	    (left = collapse_left(f)) == NULL ||
	    ((f->flags | f->backing_object->flags) & OBJ_DEFERRED) ||
	    (left[0] == 'b' && (!bypass ||
	    (f->bypass_deficit != 0 && !args->bypass))))
		return;
	describe_object(f);
	describe_object(f->backing_object);
	bench_fail("collapse: after %s, object %u's backing object %u could "
	    "still be %s", what, f->id, f->backing_object->id, left);
}

/* The id of the object of the entry that maps va of up's, or 0. */
uint32_t
entry_object_id(struct uproc *up, vaddr_t va)
{
	struct vm_map_entry *entry;

	if (!vm_map_lookup_entry(&up->t.p.p_vmspace->vm_map, va, &entry) ||
	    entry->object == NULL)
		return (0);
	return (entry->object->id);
}

/*
 * The id of the object where a fault at va of up's would find its page
 * now, or 0 (none: zero fill, or nothing mapped).
 */
uint32_t
peek_id(struct uproc *up, vaddr_t va)
{
	struct vm_map_entry *entry;
	struct vm_object *obj;
	struct vm_page *pg;
	vm_pindex_t idx;

	if (!vm_map_lookup_entry(&up->t.p.p_vmspace->vm_map, va, &entry) ||
	    entry->object == NULL)
		return (0);
	peek(entry->object, OFF_TO_IDX(entry->offset + (va - entry->start)),
	    &obj, &idx, &pg);
	return (obj != NULL ? obj->id : 0);
}

static bool
coll_now(const uint32_t *cur, int ncur, uint32_t id)
{
	int i;

	for (i = 0; i < ncur; i++)
		if (cur[i] == id)
			return (true);
	return (false);
}

/*
 * The bound on chain length.  Below an entry's front object, every
 * anonymous object that is not waiting to be collapsed has a second
 * reference, and following it up leads to another map entry whose
 * chain joins this one at that object and not above it: a different
 * entry for each object.  So a chain is at most 1 (its front) + the
 * other entries whose chains meet it + the objects in it waiting to be
 * collapsed (cur) + 1 for a file object at its end.  A chain longer
 * than that holds an object nobody needs: a reference counted too many,
 * or a collapse or bypass that never happened.
 */
static void
check_depth(const uint32_t *cur, int ncur)
{
	struct vm_map_entry *ents[MAXENTRIES];
	struct vm_object *object, *o2, *chain[64];
	int n, i, j, k, depth, bound;
	bool meets;

	n = all_entries(ents);
	for (i = 0; i < n; i++) {
		depth = 0;
		bound = 1;
		for (object = ents[i]->object; object != NULL;
		    object = object->backing_object) {
			if (depth == 64)
				bench_fail("a chain longer than 64");
			chain[depth++] = object;
			if (depth > 1 && coll_now(cur, ncur, object->id))
				bound++;
			if ((object->flags & OBJ_INTERNAL) == 0)
				bound++;
		}
		if (depth <= bound)
			continue;
		for (j = 0; j < n; j++) {
			if (j == i)
				continue;
			meets = false;
			for (o2 = ents[j]->object; o2 != NULL && !meets;
			    o2 = o2->backing_object)
				for (k = 0; k < depth && !meets; k++)
					meets = chain[k] == o2;
			if (meets)
				bound++;
		}
		if (depth > bound) {
			for (k = 0; k < depth; k++)
				describe_object(chain[k]);
			bench_fail("collapse: the chain at %#x is %d objects "
			    "long; its bound is %d", ents[i]->start, depth,
			    bound);
		}
	}
}

bool
collapse_on(void)
{

	return (&vm_collapse_pagers != NULL && vm_collapse_pagers != 0);
}

/*
 * vm.object_audit must see a leak when there is one: plant an anonymous
 * object that no map reaches, holding one page, and ask.  The harness
 * runs it, so nothing else runs meanwhile; the object goes at once.
 */
static void
check_audit_fires(void)
{
	struct vm_object_audit oa;
	struct vm_object *object;
	struct vm_page *pg;
	size_t len = sizeof(oa);
	int error;

	object = vm_object_allocate(1);
	if ((pg = vm_page_alloc(object, 0, VM_ALLOC_SYSTEM)) != NULL) {
		pg->flags |= PG_DIRTY;
		vm_page_activate(pg);
		vm_page_wakeup(pg);
	}
	memset(&oa, 0, sizeof(oa));
	error = sim_sysctl("vm", "object_audit", NULL, 0, &oa, &len, NULL, 0);
	vm_object_deallocate(object);
	if (error != 0)
		bench_fail("sysctl vm.object_audit: error %d", error);
	if (oa.oa_unreachable != 1 || oa.oa_leaked_pages != (pg != NULL))
		bench_fail("object audit: a planted leak of one object with %d "
		    "page(s) was reported as %u unreachable objects with %u "
		    "pages", pg != NULL, oa.oa_unreachable, oa.oa_leaked_pages);
	st.audits_planted++;
}

/*
 * -H: no hidden page whenever nothing is in flight, not only at the
 * full checks.
 */
void
check_hidden(void)
{
	struct hidden h;

	if (args->hidden && collapse_on())
		hidden_pages(&h, false);
}

/* With nothing in flight at all. */
void
check_full(void)
{
	struct vm_page *pg;
	struct hidden h;
	u_long i;
	int k;

	st.checks_full++;
	for (i = 0; i < vm_page_array_size; i++) {
		pg = &vm_page_array[i];
		if (pg->flags & (PG_BUSY | PG_FAKE | PG_PAGEOUT))
			bench_fail("page %#x (object %u, index %u) has flags "
			    "%#x with nothing in flight", pg->phys_addr,
			    pg->object != NULL ? pg->object->id : 0,
			    pg->pindex, pg->flags);
	}
	hidden_pages(&h, true);
	if (h.depth > st.max_depth)
		st.max_depth = h.depth;
	if (h.all > st.max_hidden)
		st.max_hidden = h.all;
	if (collapse_on()) {
		if (h.depth > st.max_depth_on)
			st.max_depth_on = h.depth;
		if (h.all > st.max_hidden_on)
			st.max_hidden_on = h.all;
		for (k = 0; k < HID_NKINDS; k++)
			if (h.kind[k] > st.max_hidden_kind[k])
				st.max_hidden_kind[k] = h.kind[k];
	} else {
		if (h.depth > st.max_depth_off)
			st.max_depth_off = h.depth;
		if (h.all > st.max_hidden_off)
			st.max_hidden_off = h.all;
	}
	if (args->verbose)
		trace("  check: depth %u, hidden %u (%u outside every window, "
		    "%u under one shadow, %u under several, %u in mapped "
		    "objects), %u objects", h.depth, h.all,
		    h.kind[HID_UNMAPPED], h.kind[HID_ONE], h.kind[HID_SEVERAL],
		    h.kind[HID_MAPPED], vmobjstats.os_objects);
	check_collapse(collapse_check && collapse_on());
	if (st.checks_full % 8 == 1)
		check_audit_fires();
}
