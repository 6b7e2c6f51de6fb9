/*
 * vm_objinfo.c: what tools see of address maps and object chains.
 *
 * Two root-only sysctl nodes, in the record layout of <sys/vmobject.h>:
 *	kern.proc.vmmap.PID	PID's map entries, each followed by the
 *				chain of objects behind it, front first;
 *	vm.objects		every object alive.
 * vmobjdump(8) prints them; vm-test and the tests read them through
 * libc's kinfo_getvmmap(3).
 *
 * Snapshots.  A handler sizes the table, allocates a buffer (which may
 * sleep, so it sizes again afterwards and starts over if the table has
 * grown), then fills it without sleeping: what comes back is one
 * consistent picture of the map and its chains, even though copying it
 * out may sleep.  Objects are named by their id, never by address.
 *
 * Hidden pages.  Each object's hidden pages (resident, and swap blocks)
 * are counted with vm_object_visible(), the same walk the reclaim uses
 * (vm_object.c, "No hidden pages, ever"), given a stack as long as the
 * number of objects, so that it always decides.  Pages already on
 * their way out are not counted: those of a dying object, and a page
 * (with its block) to be freed when its pageout ends (PG_RECLAIM).  A swap block is also
 * hidden when it lies outside its object's window (a 4.4BSD collapse
 * adopts such blocks) or sits under a dirty resident page of the same
 * index (a stale copy, likewise only after a 4.4BSD collapse).  The
 * cost is a walk per page, paid only by these sysctls.
 *
 * vm.object_audit (root only) checks every object's books
 * (vm_object_broken) and that every anonymous object is reachable from
 * some process's map: an unreachable one is a leak.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_map.h>
#include <vm/swap_pager.h>

/* State of one hidden-page count: the object and the walk's stack. */
struct hiddencount {
	struct vm_object	*object;
	struct vm_visit		*stack;
	u_int			nstack;
	u_int			hidden;
};

static bool
count_hidden_swap(void *arg, vm_pindex_t pindex)
{
	struct hiddencount *hc = arg;
	struct vm_page *pg;

	pg = vm_page_lookup(hc->object, pindex);
	if (pg != NULL && (pg->flags & PG_RECLAIM))
		return (true);
	if ((pg != NULL && (pg->flags & (PG_DIRTY | PG_BUSY)) == PG_DIRTY) ||
	    vm_object_visible(hc->object, pindex, hc->stack, hc->nstack) ==
	    VIS_HIDDEN)
		hc->hidden++;
	return (true);
}

/* Describe object in *kvo, hidden pages included.  Never sleeps. */
static void
fill_kinfo_vmobject(struct vm_object *object, struct kinfo_vmobject *kvo,
    struct vm_visit *stack, u_int nstack)
{
	struct hiddencount hc;
	struct vm_page *pg;
	struct vnode *vp;

	memset(kvo, 0, sizeof(*kvo));
	kvo->kvo_structsize = sizeof(*kvo);
	kvo->kvo_id = object->id;
	if (object->backing_object != NULL) {
		kvo->kvo_backing_id = object->backing_object->id;
		kvo->kvo_backing_offset = object->backing_offset;
	}
	switch (vm_object_type(object)) {
	case OBJT_SWAP:
		kvo->kvo_type = KVO_TYPE_SWAP;
		break;
	case OBJT_VNODE:
		kvo->kvo_type = KVO_TYPE_VNODE;
		vp = object->pager;
		strlcpy(kvo->kvo_path, vp->v_name, sizeof(kvo->kvo_path));
		break;
	default:
		kvo->kvo_type = KVO_TYPE_ANON;
		break;
	}
	kvo->kvo_size = object->size;
	kvo->kvo_resident = object->resident_page_count;
	kvo->kvo_swapped = swap_pager_object_blocks(object);
	kvo->kvo_ref_count = object->ref_count;
	kvo->kvo_shadow_count = object->shadow_count;
	kvo->kvo_paging = object->paging_in_progress;
	if (object->flags & OBJ_INTERNAL)
		kvo->kvo_flags |= KVO_F_INTERNAL;
	if (object->flags & OBJ_DEAD)
		kvo->kvo_flags |= KVO_F_DEAD;
	if (object->flags & OBJ_COLLAPSING)
		kvo->kvo_flags |= KVO_F_COLLAPSING;
	if ((object->flags & OBJ_FILE) && tmpfs_object_name(object,
	    kvo->kvo_path, sizeof(kvo->kvo_path)))
		kvo->kvo_flags |= KVO_F_FILE;

	/* A dying object's pages are on their way out, not hidden. */
	if ((object->flags & (OBJ_INTERNAL | OBJ_DEAD)) != OBJ_INTERNAL)
		return;
	hc.object = object;
	hc.stack = stack;
	hc.nstack = nstack;
	hc.hidden = 0;
	/* A page freed when its pageout ends (PG_RECLAIM) is reclaimed. */
	TAILQ_FOREACH(pg, &object->memq, listq)
		if ((pg->flags & PG_RECLAIM) == 0 && vm_object_visible(object,
		    pg->pindex, stack, nstack) == VIS_HIDDEN)
			hc.hidden++;
	kvo->kvo_hidden_res = hc.hidden;
	hc.hidden = swap_pager_outside_blocks(object);
	swap_pager_foreach(object, count_hidden_swap, &hc);
	kvo->kvo_hidden_swap = hc.hidden;
}

static void
fill_kinfo_vmmap_hdr(struct kinfo_vmmap_hdr *kvh, pid_t pid)
{
	u_int total, used;

	memset(kvh, 0, sizeof(*kvh));
	kvh->kvh_structsize = sizeof(*kvh);
	kvh->kvh_version = KVM_VERSION;
	kvh->kvh_pid = pid;
	kvh->kvh_pagesize = PAGE_SIZE;
	kvh->kvh_generation = vmobjstats.os_generation;
	swap_usage(&total, &used);
	kvh->kvh_swap_total = total;
	kvh->kvh_swap_used = used;
}

/* Pages of [start, end) of the entry that some object of its chain has. */
static u_int
vm_map_entry_visible(struct vm_map_entry *entry)
{
	struct vm_object *object;
	vm_pindex_t pindex, i, n;
	u_int visible = 0;

	if (entry->object == NULL)
		return (0);
	n = atop(entry->end - entry->start);
	for (i = 0; i < n; i++) {
		pindex = OFF_TO_IDX(entry->offset) + i;
		for (object = entry->object; object != NULL;
		    object = object->backing_object) {
			if (pindex >= object->size)
				break;
			if (vm_object_has_page(object, pindex)) {
				visible++;
				break;
			}
			pindex += OFF_TO_IDX(object->backing_offset);
		}
	}
	return (visible);
}

/* The bytes a snapshot of map needs: header, entries, their chains. */
static size_t
vmmap_size(struct vm_map *map)
{
	struct vm_map_entry *entry;
	size_t size = sizeof(struct kinfo_vmmap_hdr);

	for (entry = map->header.next; entry != &map->header;
	    entry = entry->next)
		size += sizeof(struct kinfo_vmentry) +
		    vm_object_chain_length(entry->object) *
		    sizeof(struct kinfo_vmobject);
	return (size);
}

/*
 * Allocate room for a snapshot of `size' bytes and a walk stack for
 * every object alive.  May sleep: the caller re-sizes afterwards.
 */
static void
snapshot_alloc(size_t size, char **bufp, struct vm_visit **stackp,
    u_int *nstackp)
{

	*nstackp = vmobjstats.os_objects + 16;
	*bufp = malloc(size, M_TEMP, M_WAITOK | M_ZERO);
	*stackp = malloc(*nstackp * sizeof(**stackp), M_TEMP, M_WAITOK);
}

static void
snapshot_free(char *buf, struct vm_visit *stack)
{

	free(buf, M_TEMP);
	free(stack, M_TEMP);
}

/* kern.proc.vmmap.<pid> */
static int
sysctl_kern_proc_vmmap(SYSCTL_HANDLER_ARGS)
{
	struct kinfo_vmmap_hdr *kvh;
	struct kinfo_vmentry *kve;
	struct vm_map_entry *entry;
	struct vm_object *object;
	struct vm_visit *stack;
	struct vm_map *map;
	struct proc *p;
	size_t size, off;
	u_int nstack;
	char *buf;
	int error;

	if (namelen != 1)
		return (namelen == 0 ? EISDIR : ENOTDIR);
	if (req->newptr != NULL)
		return (EPERM);
	for (;;) {
		/* Kernel threads run on vmspace0: no user map, no process. */
		if ((p = pfind(name[0])) == NULL || p->p_vmspace == NULL ||
		    p->p_vmspace == &vmspace0 || (p->p_flag & P_WEXIT))
			return (ESRCH);
		map = &p->p_vmspace->vm_map;
		size = vmmap_size(map);
		if (req->oldptr == NULL)	/* room for a few more */
			return (SYSCTL_OUT(req, NULL, size + size / 4 +
			    4 * sizeof(struct kinfo_vmentry)));
		snapshot_alloc(size, &buf, &stack, &nstack);
		/* We may have slept: is everything still as it was? */
		if ((p = pfind(name[0])) != NULL && p->p_vmspace != NULL &&
		    p->p_vmspace != &vmspace0 && (p->p_flag & P_WEXIT) == 0 &&
		    vmmap_size(&p->p_vmspace->vm_map) <= size &&
		    vmobjstats.os_objects + 16 <= nstack)
			break;
		snapshot_free(buf, stack);
	}

	/* From here to the copy-out, nothing sleeps. */
	map = &p->p_vmspace->vm_map;
	kvh = (struct kinfo_vmmap_hdr *)buf;
	fill_kinfo_vmmap_hdr(kvh, p->p_pid);
	off = sizeof(*kvh);
	for (entry = map->header.next; entry != &map->header;
	    entry = entry->next) {
		kve = (struct kinfo_vmentry *)(buf + off);
		off += sizeof(*kve);
		kve->kve_structsize = sizeof(*kve);
		kve->kve_start = entry->start;
		kve->kve_end = entry->end;
		kve->kve_offset = entry->offset;
		kve->kve_protection = entry->protection;
		kve->kve_max_protection = entry->max_protection;
		if (entry->eflags & MAP_ENTRY_COW)
			kve->kve_flags |= KVE_F_COW;
		if (entry->eflags & MAP_ENTRY_NEEDS_COPY)
			kve->kve_flags |= KVE_F_NEEDS_COPY;
		if (entry->inheritance == VM_INHERIT_SHARE)
			kve->kve_flags |= KVE_F_SHARED;
		kve->kve_visible = vm_map_entry_visible(entry);
		for (object = entry->object; object != NULL;
		    object = object->backing_object) {
			fill_kinfo_vmobject(object,
			    (struct kinfo_vmobject *)(buf + off), stack, nstack);
			off += sizeof(struct kinfo_vmobject);
			kve->kve_depth++;
			kvh->kvh_nobjects++;
		}
		kvh->kvh_nentries++;
	}
	error = SYSCTL_OUT(req, buf, off);
	snapshot_free(buf, stack);
	return (error);
}

/* vm.objects */
static int
sysctl_vm_objects(SYSCTL_HANDLER_ARGS)
{
	struct kinfo_vmmap_hdr *kvh;
	struct vm_object *object;
	struct vm_visit *stack;
	size_t size, off;
	u_int nstack;
	char *buf;
	int error;

	if (req->newptr != NULL)
		return (EPERM);
	for (;;) {
		size = sizeof(*kvh) +
		    vmobjstats.os_objects * sizeof(struct kinfo_vmobject);
		if (req->oldptr == NULL)
			return (SYSCTL_OUT(req, NULL, size + size / 4));
		snapshot_alloc(size, &buf, &stack, &nstack);
		if (sizeof(*kvh) + vmobjstats.os_objects *
		    sizeof(struct kinfo_vmobject) <= size &&
		    vmobjstats.os_objects + 16 <= nstack)
			break;
		snapshot_free(buf, stack);
	}
	kvh = (struct kinfo_vmmap_hdr *)buf;
	fill_kinfo_vmmap_hdr(kvh, 0);
	off = sizeof(*kvh);
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		fill_kinfo_vmobject(object,
		    (struct kinfo_vmobject *)(buf + off), stack, nstack);
		off += sizeof(struct kinfo_vmobject);
		kvh->kvh_nobjects++;
	}
	error = SYSCTL_OUT(req, buf, off);
	snapshot_free(buf, stack);
	return (error);
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
	/* /tmp files hold their objects too (vfs_tmpfs.c). */
	oa.oa_files = tmpfs_audit_mark();
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		oa.oa_objects++;
		if (vm_object_broken(object) != NULL)
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

SYSCTL_DECL(_kern_proc);
SYSCTL_PROC(_kern_proc, KERN_PROC_VMMAP, vmmap, CTLTYPE_NODE | CTLFLAG_RD |
    CTLFLAG_ROOTONLY | CTLFLAG_SKIP, NULL, 0, sysctl_kern_proc_vmmap,
    "S,kinfo_vmmap", "A process's map entries and the object chains "
    "behind them");
SYSCTL_PROC(_vm, OID_AUTO, objects, CTLTYPE_STRUCT | CTLFLAG_RD |
    CTLFLAG_ROOTONLY | CTLFLAG_SKIP, NULL, 0, sysctl_vm_objects,
    "S,kinfo_vmobject", "Every VM object alive");
SYSCTL_PROC(_vm, OID_AUTO, object_audit, CTLTYPE_STRUCT | CTLFLAG_RD |
    CTLFLAG_ROOTONLY | CTLFLAG_SKIP, NULL, 0, sysctl_vm_object_audit,
    "S,vm_object_audit", "Check every VM object, and what reaches it");
