/*
 * vm_map.c: address maps (see vm_map.h for their shape and rules) and
 * the vmspace of a process: creation, fork, teardown.
 *
 * Entries are kept sorted in a circular list; lookups start at the
 * last hit (map->hint), which is almost always right for faults that
 * walk through an array.  A range operation first clips the entries at
 * its ends, so that it only ever deals with whole entries.
 *
 * fork (vmspace_fork) shares every inheritable private entry's object
 * copy-on-write: both entries become NEEDS_COPY on the same object,
 * whose reference count rises by one, and the parent's mappings lose
 * write permission so that its next write faults too.  Nothing is
 * copied until a write.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

MALLOC_DEFINE(M_VMMAP, "vmmap", "VM maps and entries");

struct vmspace vmspace0;

static struct vm_map_entry *
vm_map_entry_create(void)
{

	return (malloc(sizeof(struct vm_map_entry), M_VMMAP,
	    M_WAITOK | M_ZERO));
}

static void
vm_map_entry_dispose(struct vm_map_entry *entry)
{

	free(entry, M_VMMAP);
}

/* Put entry on its object's list of entries (vm_map.h). */
static void
vm_map_entry_attach(struct vm_map_entry *entry)
{
	struct vm_object *object = entry->object;

	if (object == NULL)
		return;
	LIST_INSERT_HEAD(&object->entry_head, entry, obj_link);
	object->entry_count++;
}

/* Take entry off its object's list; the entry keeps its reference. */
static void
vm_map_entry_detach(struct vm_map_entry *entry)
{
	struct vm_object *object = entry->object;

	if (object == NULL)
		return;
	KASSERT(object->entry_count > 0,
	    ("vm_map_entry_detach: object %u has no entries", object->id));
	LIST_REMOVE(entry, obj_link);
	object->entry_count--;
}

/*
 * Give an entry without an object the object `object' (whose reference
 * the entry takes over) at byte offset `offset'.
 */
void
vm_map_entry_set_object(struct vm_map_entry *entry, struct vm_object *object,
    vm_ooffset_t offset)
{

	KASSERT(entry->object == NULL,
	    ("vm_map_entry_set_object: entry at %#x has an object",
	    entry->start));
	entry->object = object;
	entry->offset = offset;
	vm_map_entry_attach(entry);
}

/*
 * Give entry a shadow object of its own in front of the one it maps
 * (copy-on-write): the entry's reference on the old object becomes the
 * shadow's.  May sleep for memory before anything changes.
 */
void
vm_map_entry_shadow(struct vm_map_entry *entry)
{
	struct vm_object *old = entry->object;

	vm_object_shadow(&entry->object, &entry->offset,
	    entry->end - entry->start);
	/* vm_object_shadow slept, if at all, before changing anything. */
	LIST_REMOVE(entry, obj_link);
	old->entry_count--;
	vm_map_entry_attach(entry);
	vm_object_shadowed(entry->object);
}

static void
vm_map_entry_link(struct vm_map *map, struct vm_map_entry *after,
    struct vm_map_entry *entry)
{

	entry->prev = after;
	entry->next = after->next;
	after->next->prev = entry;
	after->next = entry;
	map->nentries++;
}

static void
vm_map_entry_unlink(struct vm_map *map, struct vm_map_entry *entry)
{

	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
	map->nentries--;
	if (map->hint == entry)
		map->hint = entry->prev;
}

void
vm_map_init(struct vm_map *map, struct pmap *pmap, vaddr_t min, vaddr_t max)
{

	map->header.next = map->header.prev = &map->header;
	map->header.end = min;
	map->header.start = max;
	map->nentries = 0;
	map->size = 0;
	map->pmap = pmap;
	map->hint = &map->header;
}

/*
 * Find the entry containing addr: true and *entryp is it; or false and
 * *entryp is the entry before addr (the header if there is none).
 */
bool
vm_map_lookup_entry(struct vm_map *map, vaddr_t addr,
    struct vm_map_entry **entryp)
{
	struct vm_map_entry *entry;

	entry = map->hint;
	if (entry == &map->header || entry->start > addr)
		entry = map->header.next;
	for (; entry != &map->header; entry = entry->next) {
		if (addr < entry->start)
			break;
		if (addr < entry->end) {
			map->hint = entry;
			*entryp = entry;
			return (true);
		}
	}
	*entryp = entry->prev;
	return (false);
}

/*
 * Map [start, end) to object at offset (object NULL: anonymous memory,
 * zero-filled on demand).  Fails with KERN_NO_SPACE if anything is
 * mapped there.  Anonymous memory that directly follows an anonymous
 * entry with the same attributes extends that entry instead (sbrk).
 * The map takes over the caller's reference to object.
 */
int
vm_map_insert(struct vm_map *map, struct vm_object *object,
    vm_ooffset_t offset, vaddr_t start, vaddr_t end, vm_prot_t prot,
    vm_prot_t maxprot, int flags)
{
	struct vm_map_entry *prev, *entry;
	int eflags = 0;

	if (start < vm_map_min(map) || end > vm_map_max(map) || start >= end)
		return (KERN_INVALID_ADDRESS);
	if (vm_map_lookup_entry(map, start, &prev))
		return (KERN_NO_SPACE);
	if (prev->next != &map->header && prev->next->start < end)
		return (KERN_NO_SPACE);
	if (flags & MAP_COPY_ON_WRITE)
		eflags |= MAP_ENTRY_COW;
	if (flags & MAP_NEEDS_COPY)
		eflags |= MAP_ENTRY_NEEDS_COPY;

	if (object == NULL && prev != &map->header && prev->end == start &&
	    prev->eflags == eflags && eflags == 0 &&
	    prev->protection == prot && prev->max_protection == maxprot &&
	    prev->inheritance == ((flags & MAP_INHERIT_SHARE) ?
	    VM_INHERIT_SHARE : VM_INHERIT_DEFAULT) &&
	    vm_object_coalesce(prev->object, OFF_TO_IDX(prev->offset),
	    atop(prev->end - prev->start), atop(end - start))) {
		map->size += end - start;
		prev->end = end;
		return (KERN_SUCCESS);
	}

	entry = vm_map_entry_create();
	entry->start = start;
	entry->end = end;
	vm_map_entry_set_object(entry, object, offset);
	entry->eflags = eflags;
	entry->protection = prot;
	entry->max_protection = maxprot;
	entry->inheritance = (flags & MAP_INHERIT_SHARE) ? VM_INHERIT_SHARE :
	    VM_INHERIT_DEFAULT;
	vm_map_entry_link(map, prev, entry);
	map->size += end - start;
	return (KERN_SUCCESS);
}

/*
 * Find `length' bytes of free space, as high as possible but ending at
 * or below `top'.  Returns false if there is none.
 */
bool
vm_map_findspace(struct vm_map *map, vaddr_t top, vsize_t length,
    vaddr_t *addrp)
{
	struct vm_map_entry *entry;
	vaddr_t gap_end = top;

	if (length == 0 || length > top - vm_map_min(map))
		return (false);
	for (entry = map->header.prev; entry != &map->header;
	    entry = entry->prev) {
		if (entry->start >= top)
			continue;
		if (entry->end <= gap_end && gap_end - entry->end >= length) {
			*addrp = gap_end - length;
			return (true);
		}
		if (entry->start < gap_end)
			gap_end = entry->start;
	}
	if (gap_end - vm_map_min(map) >= length) {
		*addrp = gap_end - length;
		return (true);
	}
	return (false);
}

/*
 * Map object somewhere: at *addrp if that is free (the caller checked
 * it is a sensible hint), else in the highest free space below it.
 */
int
vm_map_find(struct vm_map *map, struct vm_object *object,
    vm_ooffset_t offset, vaddr_t *addrp, vsize_t length, vm_prot_t prot,
    vm_prot_t maxprot, int flags)
{
	int rv;

	rv = vm_map_insert(map, object, offset, *addrp, *addrp + length, prot,
	    maxprot, flags);
	if (rv != KERN_NO_SPACE && rv != KERN_INVALID_ADDRESS)
		return (rv);
	if (!vm_map_findspace(map, *addrp, length, addrp))
		return (KERN_NO_SPACE);
	return (vm_map_insert(map, object, offset, *addrp, *addrp + length,
	    prot, maxprot, flags));
}

/* Split entry so that it starts at addr; the front part is a new entry. */
static void
vm_map_clip_start(struct vm_map *map, struct vm_map_entry *entry,
    vaddr_t addr)
{
	struct vm_map_entry *front;

	if (addr <= entry->start)
		return;
	front = vm_map_entry_create();
	*front = *entry;
	front->end = addr;
	entry->offset += addr - entry->start;
	entry->start = addr;
	vm_map_entry_link(map, entry->prev, front);
	vm_object_reference(front->object);
	vm_map_entry_attach(front);
}

/* Split entry so that it ends at addr; the back part is a new entry. */
static void
vm_map_clip_end(struct vm_map *map, struct vm_map_entry *entry, vaddr_t addr)
{
	struct vm_map_entry *back;

	if (addr >= entry->end)
		return;
	back = vm_map_entry_create();
	*back = *entry;
	back->start = addr;
	back->offset += addr - entry->start;
	entry->end = addr;
	vm_map_entry_link(map, entry, back);
	vm_object_reference(back->object);
	vm_map_entry_attach(back);
}

/*
 * Unmap [start, end): remove the translations, unlink the entries and
 * drop their references.  Each entry's object then loses a source: with
 * the fix on, the pages and swap blocks that only that entry could read
 * are freed at once, even if the object lives on in another entry or
 * process (vm_object_deallocate_window), so that munmap and sbrk
 * shrinking give memory back.  May sleep (terminating an object waits
 * for its paging), with the entries already unlinked.
 * => called by the map's owner (or for a dead vmspace), holding nothing.
 * => on return nothing of [start, end) is mapped, whatever slept.
 */
int
vm_map_remove(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *entry, *next;
	vm_pindex_t first;

	if (start < vm_map_min(map) || end > vm_map_max(map) || start > end)
		return (KERN_INVALID_ADDRESS);
	if (vm_map_lookup_entry(map, start, &entry))
		vm_map_clip_start(map, entry, start);
	else
		entry = entry->next;
	for (; entry != &map->header && entry->start < end; entry = next) {
		vm_map_clip_end(map, entry, end);
		next = entry->next;
		pmap_remove(map->pmap, entry->start, entry->end);
		vm_map_entry_unlink(map, entry);
		map->size -= entry->end - entry->start;
		vm_map_entry_detach(entry);
		if (entry->object != NULL) {
			first = OFF_TO_IDX(entry->offset);
			vm_object_deallocate_window(entry->object, first,
			    first + atop(entry->end - entry->start));
		}
		vm_map_entry_dispose(entry);
	}
	return (KERN_SUCCESS);
}

/*
 * Are all of [start, end) mapped, with at least `prot'?
 */
bool
vm_map_check_protection(struct vm_map *map, vaddr_t start, vaddr_t end,
    vm_prot_t prot)
{
	struct vm_map_entry *entry;

	if (!vm_map_lookup_entry(map, start, &entry))
		return (false);
	for (; start < end; entry = entry->next) {
		if (entry == &map->header || entry->start > start ||
		    (entry->protection & prot) != prot)
			return (false);
		start = entry->end;
	}
	return (true);
}

/*
 * Set the protection of [start, end), all of which must be mapped
 * (KERN_INVALID_ADDRESS otherwise) and allow it (KERN_PROTECTION_FAILURE
 * if it exceeds an entry's max_protection).  Translations lose rights at
 * once; added rights come with the next fault.
 */
int
vm_map_protect(struct vm_map *map, vaddr_t start, vaddr_t end,
    vm_prot_t prot)
{
	struct vm_map_entry *entry, *first;
	vaddr_t va;

	if (!vm_map_lookup_entry(map, start, &first))
		return (KERN_INVALID_ADDRESS);
	for (va = start, entry = first; va < end; entry = entry->next) {
		if (entry == &map->header || entry->start > va)
			return (KERN_INVALID_ADDRESS);
		if ((prot & entry->max_protection) != prot)
			return (KERN_PROTECTION_FAILURE);
		va = entry->end;
	}
	vm_map_clip_start(map, first, start);
	for (entry = first; entry != &map->header && entry->start < end;
	    entry = entry->next) {
		vm_map_clip_end(map, entry, end);
		if ((entry->protection & ~prot) != 0)
			pmap_protect(map->pmap, entry->start, entry->end, prot);
		entry->protection = prot;
	}
	return (KERN_SUCCESS);
}

/* A new, empty user address space. */
struct vmspace *
vmspace_alloc(void)
{
	struct vmspace *vm;

	vm = malloc(sizeof(*vm), M_VMMAP, M_WAITOK | M_ZERO);
	vm->vm_pmap = pmap_create();
	vm_map_init(&vm->vm_map, vm->vm_pmap, VM_MIN_ADDRESS,
	    VM_MAXUSER_ADDRESS);
	return (vm);
}

/*
 * Tear an address space down.
 * => vm is not the current address space (the caller switched away).
 */
void
vmspace_free(struct vmspace *vm)
{

	KASSERT(vm != &vmspace0, ("vmspace_free: the kernel's vmspace"));
	vm_map_remove(&vm->vm_map, vm_map_min(&vm->vm_map),
	    vm_map_max(&vm->vm_map));
	pmap_destroy(vm->vm_pmap);
	free(vm, M_VMMAP);
}

/*
 * The address space of a child: see the opening comment.  Shared
 * entries (MAP_SHARED) share their object outright; private ones become
 * copy-on-write in both parent and child.
 */
struct vmspace *
vmspace_fork(struct vmspace *vm1)
{
	struct vm_map *map1 = &vm1->vm_map, *map2;
	struct vm_map_entry *old, *new;
	struct vmspace *vm2;

	vm2 = vmspace_alloc();
	vm2->vm_daddr = vm1->vm_daddr;
	vm2->vm_break = vm1->vm_break;
	vm2->vm_maxsaddr = vm1->vm_maxsaddr;
	map2 = &vm2->vm_map;

	for (old = map1->header.next; old != &map1->header; old = old->next) {
		if (old->inheritance == VM_INHERIT_NONE)
			continue;
		if (old->inheritance == VM_INHERIT_SHARE && old->object == NULL)
			vm_map_entry_set_object(old, vm_object_allocate(
			    atop(old->end - old->start)), 0);
		/* Shorten the chain before both processes share it. */
		if (old->inheritance == VM_INHERIT_COPY && old->object != NULL)
			vm_object_fork(old->object);
		new = vm_map_entry_create();
		*new = *old;
		vm_object_reference(new->object);
		vm_map_entry_attach(new);
		if (old->inheritance == VM_INHERIT_COPY && old->object != NULL) {
			if ((old->eflags & MAP_ENTRY_NEEDS_COPY) == 0)
				pmap_protect(map1->pmap, old->start, old->end,
				    old->protection & ~VM_PROT_WRITE);
			old->eflags |= MAP_ENTRY_COW | MAP_ENTRY_NEEDS_COPY;
			new->eflags |= MAP_ENTRY_COW | MAP_ENTRY_NEEDS_COPY;
		}
		vm_map_entry_link(map2, map2->header.prev, new);
		map2->size += new->end - new->start;
	}
	return (vm2);
}

vsize_t
vmspace_size(struct vmspace *vm)
{

	return (vm->vm_map.size);
}

/*
 * The resident pages and swap blocks of the anonymous objects vm
 * reaches, each object counted once (entries split by clipping share
 * objects).  Objects beyond the first VISIT_MAX are counted without the
 * check.
 */
void
vmspace_anon_usage(struct vmspace *vm, u_int *resp, u_int *swapp)
{
#define	VISIT_MAX	64
	struct vm_object *seen[VISIT_MAX], *object;
	struct vm_map *map = &vm->vm_map;
	struct vm_map_entry *entry;
	int nseen = 0, i;

	*resp = *swapp = 0;
	for (entry = map->header.next; entry != &map->header;
	    entry = entry->next) {
		for (object = entry->object; object != NULL;
		    object = object->backing_object) {
			if ((object->flags & OBJ_INTERNAL) == 0)
				continue;
			for (i = 0; i < nseen && seen[i] != object; i++)
				continue;
			if (i < nseen)
				break;		/* and the rest of its chain */
			if (nseen < VISIT_MAX)
				seen[nseen++] = object;
			*resp += object->resident_page_count;
			*swapp += swap_pager_object_blocks(object);
		}
	}
#undef VISIT_MAX
}

/* Check a map's invariants: sorted, non-overlapping, counted. */
void
vm_map_check(struct vm_map *map)
{
	struct vm_map_entry *entry;
	vaddr_t prev_end = vm_map_min(map);
	vsize_t size = 0;
	int n = 0;

	for (entry = map->header.next; entry != &map->header;
	    entry = entry->next) {
		if (entry->start < prev_end || entry->start >= entry->end ||
		    entry->end > vm_map_max(map))
			panic("vm_map_check: entry [%#x, %#x) out of order",
			    entry->start, entry->end);
		if (entry->next->prev != entry)
			panic("vm_map_check: broken links at %#x",
			    entry->start);
		if (entry->object != NULL && !vm_object_maps(entry->object,
		    entry))
			panic("vm_map_check: entry at %#x not on object %u's "
			    "list", entry->start, entry->object->id);
		prev_end = entry->end;
		size += entry->end - entry->start;
		n++;
	}
	if (n != map->nentries || size != map->size)
		panic("vm_map_check: %d entries (count %d), size %#x (%#x)",
		    n, map->nentries, size, map->size);
}
