/*
 * check.c: what vmhost checks, and when (see vmhost.c for the list).
 *
 * Everything here looks at the VM without changing it: it never
 * sleeps, never faults, and takes nothing busy, so checking does not
 * change what a seed does.  Where the kernel has a check of its own
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

/* The previous full check's collapsible objects (see check_collapse). */
#define	COLL_MAX	256
static uint32_t coll_prev[COLL_MAX];
static int ncoll_prev;
static u_int coll_bypasses, coll_refused_busy, coll_refused_nomem;
static bool coll_valid;

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
	TAILQ_FOREACH(object, &vm_object_list, object_list)
		if (object->paging_in_progress != 0)
			return (false);
	return (true);
}

/*
 * What a fault at (object, pindex) would find first, looking as
 * vm_fault does: *pgp the resident page, or NULL with *objp the object
 * whose pager has it, or both NULL (zero fill).
 */
void
peek(struct vm_object *object, vm_pindex_t pindex, struct vm_object **objp,
    vm_pindex_t *idxp, struct vm_page **pgp)
{

	*pgp = NULL;
	*objp = NULL;
	for (; object != NULL; object = object->backing_object) {
		if ((*pgp = vm_page_lookup(object, pindex)) != NULL ||
		    vm_pager_has_page(object, pindex)) {
			*objp = object;
			*idxp = pindex;
			return;
		}
		pindex += OFF_TO_IDX(object->backing_offset);
	}
}

/*
 * Page queues and counts add up; every page is free, a kernel page
 * (the bench's squeeze), or an object's and on a queue unless busy.
 */
void
check_pages(void)
{
	u_int n[PQ_COUNT] = { 0 }, wired = 0, anon = 0, file = 0;
	struct vm_page *pg;
	u_long i;
	bool has;

	for (i = 0; i < vm_page_array_size; i++) {
		pg = &vm_page_array[i];
		if (pg->queue >= PQ_COUNT)
			bench_fail("page %#x on queue %d", pg->phys_addr,
			    pg->queue);
		n[pg->queue]++;
		if (pg->queue == PQ_FREE) {
			if (pg->object != NULL || pg->flags != 0)
				bench_fail("free page %#x: object %u, flags "
				    "%#x", pg->phys_addr, pg->object != NULL ?
				    pg->object->id : 0, pg->flags);
			continue;
		}
		if (pg->object == NULL) {
			if (pg->queue != PQ_NONE)
				bench_fail("kernel page %#x on queue %d",
				    pg->phys_addr, pg->queue);
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

/* Every step. */
void
check_step(void)
{
	struct swap_audit sa;

	check_pages();
	pmap_host_check();
	swap_audit(&sa);
	if (sa.sa_allocated > st.max_swap_used)
		st.max_swap_used = sa.sa_allocated;
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
	if (mpg != pg) {
		describe_va(up, va);
		bench_fail("pid %d: %#x maps page %#x (object %u index %u), "
		    "the VM has %s there", up->t.p.p_pid, va, mpg->phys_addr,
		    mpg->object != NULL ? mpg->object->id : 0, mpg->pindex,
		    pg != NULL ? "another page" : obj != NULL ?
		    "a page on swap" : "no page");
	}
	if ((prot & VM_PROT_WRITE) && (obj != entry->object ||
	    (entry->eflags & MAP_ENTRY_NEEDS_COPY) ||
	    (entry->protection & VM_PROT_WRITE) == 0)) {
		describe_va(up, va);
		bench_fail("pid %d: %#x is writable, but its page belongs to "
		    "object %u, not to the entry's own object %u%s",
		    up->t.p.p_pid, va, obj->id, entry->object->id,
		    (entry->eflags & MAP_ENTRY_NEEDS_COPY) ?
		    " (which needs a copy)" : "");
	}
}

/* With every process idle (in user mode). */
void
check_quiet(void)
{
	struct vm_object_audit oa;
	struct vm_object *object, *obj;
	struct vm_map_entry *entry;
	struct vm_page *pg;
	struct uproc *up;
	struct vm_map *map;
	vm_pindex_t idx;
	uint64_t expect, got;
	bool mapped, ok;
	vaddr_t va;
	size_t len;
	int i, error;

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
	TAILQ_FOREACH(object, &vm_object_list, object_list)
		vm_object_check(object);
	check_refs();
	for (i = 0; i < NPROC_MAX; i++) {
		if ((up = uprocs[i]) == NULL ||
		    up->t.p.p_vmspace == &vmspace0)
			continue;
		map = &up->t.p.p_vmspace->vm_map;
		vm_map_check(map);
		check_anon_usage(up);
		for (entry = map->header.next; entry != &map->header;
		    entry = entry->next) {
			for (va = entry->start; va < entry->end;
			    va += PAGE_SIZE) {
				expect = model_expect(up, va, &mapped);
				if (!mapped)
					bench_fail("pid %d: %#x is mapped, the "
					    "model says not", up->t.p.p_pid,
					    va);
				if (entry->object == NULL) {
					if (expect != 0)
						bench_fail("pid %d: %#x has no "
						    "object, expected token "
						    "%#llx", up->t.p.p_pid, va,
						    (unsigned long long)expect);
					continue;
				}
				peek(entry->object, OFF_TO_IDX(entry->offset +
				    (va - entry->start)), &obj, &idx, &pg);
				check_mapping(up, entry, va, obj, pg);
				if (obj == NULL && expect != 0) {
					describe_va(up, va);
					bench_fail("pid %d: %#x reads as zero, "
					    "expected token %#llx",
					    up->t.p.p_pid, va,
					    (unsigned long long)expect);
				}
				if (pg == NULL || (pg->flags & PG_FAKE))
					continue;
				got = page_token(pmap_page_kva(pg), &ok);
				if (!ok || got != expect) {
					describe_va(up, va);
					bench_fail("pid %d: %#x: object %u "
					    "page %u holds token %#llx%s, "
					    "expected %#llx", up->t.p.p_pid,
					    va, obj->id, idx,
					    (unsigned long long)got,
					    ok ? "" : " (corrupt)",
					    (unsigned long long)expect);
				}
			}
		}
	}
}

/*
 * Hidden pages (DESIGN.md, "Words"): resident pages and swap blocks of
 * anonymous objects that no map entry can reach any more.  Marks what
 * each entry's faults would find first; the rest is hidden.
 */
struct objvis {
	struct vm_object *object;
	uint8_t		*vis;		/* per index: reached */
	u_int		hres, hswap;	/* hidden pages, blocks */
};

static struct objvis *
objvis_find(struct objvis *ov, int n, uint32_t id)
{
	int i;

	for (i = 0; i < n; i++)
		if (ov[i].object->id == id)
			return (&ov[i]);
	return (NULL);
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
 * Count hidden pages: all of them in *allp; in *collp those of objects
 * that hold only their one shadow's reference (which collapse should
 * have absorbed), in *frontp those of objects map entries reference
 * (pages an unmapped range left behind); the longest chain in *depthp.
 */
static void
hidden_pages(u_int *allp, u_int *collp, u_int *frontp, u_int *depthp)
{
	struct vm_map_entry *entry;
	struct vm_object *object, *obj;
	struct vm_page *pg;
	struct objvis *ov, *v;
	struct uproc *up;
	struct vm_map *map;
	vm_pindex_t idx, k;
	int n = 0, i, depth;

	TAILQ_FOREACH(object, &vm_object_list, object_list)
		n++;
	ov = host_calloc(n, sizeof(*ov));
	n = 0;
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		ov[n].object = object;
		ov[n].vis = host_calloc(object->size + 1, 1);
		n++;
	}
	*depthp = 0;
	for (i = 0; i < NPROC_MAX; i++) {
		if ((up = uprocs[i]) == NULL ||
		    up->t.p.p_vmspace == &vmspace0)
			continue;
		check_vmmap(up);
		map = &up->t.p.p_vmspace->vm_map;
		for (entry = map->header.next; entry != &map->header;
		    entry = entry->next) {
			if (entry->object == NULL)
				continue;
			depth = vm_object_chain_length(entry->object);
			if ((u_int)depth > *depthp)
				*depthp = depth;
			for (k = 0; k < atop(entry->end - entry->start); k++) {
				peek(entry->object, OFF_TO_IDX(entry->offset) +
				    k, &obj, &idx, &pg);
				if (obj == NULL || idx >= obj->size)
					continue;
				if ((v = objvis_find(ov, n, obj->id)) != NULL)
					v->vis[idx] = 1;
			}
		}
	}
	*allp = *collp = *frontp = 0;
	for (i = 0; i < n; i++) {
		object = ov[i].object;
		if ((object->flags & OBJ_INTERNAL) == 0)
			continue;
		TAILQ_FOREACH(pg, &object->memq, listq)
			if (!ov[i].vis[pg->pindex])
				ov[i].hres++;
		/*
		 * A block is hidden where nobody reaches its index, under a
		 * dirty page (stale), or outside the window (the last two
		 * only after a 4.4BSD collapse adopted a pager).
		 */
		if (object->pgops != NULL) {
			for (k = 0; k < object->size; k++) {
				if (!vm_pager_has_page(object, k))
					continue;
				pg = vm_page_lookup(object, k);
				if (!ov[i].vis[k] || (pg != NULL &&
				    (pg->flags & (PG_DIRTY | PG_BUSY)) ==
				    PG_DIRTY))
					ov[i].hswap++;
			}
			ov[i].hswap += swap_pager_outside_blocks(object);
		}
		*allp += ov[i].hres + ov[i].hswap;
		if (object->ref_count == 1 && object->shadow_count == 1)
			*collp += ov[i].hres + ov[i].hswap;
		if (object->ref_count > object->shadow_count)
			*frontp += ov[i].hres + ov[i].hswap;
	}
	check_objinfo(ov, n);
	for (i = 0; i < n; i++)
		host_free(ov[i].vis);
	host_free(ov);
}

static void	check_depth(const uint32_t *, int);

static bool
coll_was(uint32_t id)
{
	int i;

	for (i = 0; i < ncoll_prev; i++)
		if (coll_prev[i] == id)
			return (true);
	return (false);
}

/*
 * The collapse check, at a quiet point with vm_collapse_pagers = 1.  An
 * anonymous object whose only reference is its one anonymous shadow's
 * should have been absorbed by that shadow: vm_object_deallocate
 * collapses as soon as an object is left so, and a copy-on-write fault
 * collapses its front object.  Two things may legitimately leave one
 * behind: a collapse refused for paging in progress (it waits for the
 * next trigger), and a bypass, which drops a reference without
 * collapsing (sys/vm/NOTES).  So an object is reported only if it is
 * new since the last check and neither of those happened meanwhile.
 */
static void
check_collapse(bool enforce)
{
	struct vm_object *object, *shadow;
	uint32_t cur[COLL_MAX];
	int ncur = 0, bad = 0;
	uint32_t bad_id = 0;
	bool excused;

	excused = !coll_valid || vmobjstats.os_bypasses != coll_bypasses ||
	    vmobjstats.os_refused_busy != coll_refused_busy ||
	    vmobjstats.os_refused_nomem != coll_refused_nomem;
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		if ((object->flags & (OBJ_INTERNAL | OBJ_DEAD)) !=
		    OBJ_INTERNAL || object->ref_count != 1 ||
		    object->shadow_count != 1)
			continue;
		shadow = LIST_FIRST(&object->shadow_head);
		if ((shadow->flags & (OBJ_INTERNAL | OBJ_DEAD)) !=
		    OBJ_INTERNAL)
			continue;
		if (ncur < COLL_MAX)
			cur[ncur++] = object->id;
		if (!coll_was(object->id) && !excused) {
			bad++;
			bad_id = object->id;
		}
	}
	if (enforce && bad != 0) {
		TAILQ_FOREACH(object, &vm_object_list, object_list)
			if (object->id == bad_id) {
				describe_object(object);
				describe_object(LIST_FIRST(
				    &object->shadow_head));
			}
		bench_fail("collapse: object %u (and %d more) is held only by "
		    "its one shadow, and nothing excuses it (no bypass, no "
		    "refusal for paging since the last check)", bad_id,
		    bad - 1);
	}
	if (enforce)
		check_depth(cur, ncur);
	memcpy(coll_prev, cur, ncur * sizeof(cur[0]));
	ncoll_prev = ncur;
	coll_bypasses = vmobjstats.os_bypasses;
	coll_refused_busy = vmobjstats.os_refused_busy;
	coll_refused_nomem = vmobjstats.os_refused_nomem;
	coll_valid = enforce;
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

/* With nothing in flight at all. */
void
check_full(void)
{
	struct vm_page *pg;
	u_int hidden, hidden_coll, hidden_front, depth;
	u_long i;

	st.checks_full++;
	for (i = 0; i < vm_page_array_size; i++) {
		pg = &vm_page_array[i];
		if (pg->flags & (PG_BUSY | PG_FAKE | PG_PAGEOUT))
			bench_fail("page %#x (object %u, index %u) has flags "
			    "%#x with nothing in flight", pg->phys_addr,
			    pg->object != NULL ? pg->object->id : 0,
			    pg->pindex, pg->flags);
	}
	hidden_pages(&hidden, &hidden_coll, &hidden_front, &depth);
	if (hidden_front > st.max_hidden_front)
		st.max_hidden_front = hidden_front;
	if (depth > st.max_depth)
		st.max_depth = depth;
	if (hidden > st.max_hidden)
		st.max_hidden = hidden;
	if (collapse_on()) {
		if (depth > st.max_depth_on)
			st.max_depth_on = depth;
		if (hidden > st.max_hidden_on)
			st.max_hidden_on = hidden;
	} else {
		if (depth > st.max_depth_off)
			st.max_depth_off = depth;
		if (hidden > st.max_hidden_off)
			st.max_hidden_off = hidden;
	}
	if (args->verbose)
		trace("  check: depth %u, hidden %u (%u in singly held "
		    "objects, %u in mapped ones), %u objects", depth, hidden,
		    hidden_coll, hidden_front, vmobjstats.os_objects);
	check_collapse(collapse_check && collapse_on());
}


/* vm.collapse_pagers changed: what was left so far is not evidence. */
void
check_collapse_reset(void)
{

	coll_valid = false;
}
