/*
 * vm_map.h: address maps.
 *
 * A map is a sorted, doubly linked, circular list of entries hung off a
 * header entry (whose start and end are the map's bounds, swapped so
 * that the header sorts both first and last).  Entries never overlap;
 * gaps are unmapped.  Each entry maps [start, end) to the pages of
 * `object' starting at byte `offset'; a NULL object means anonymous
 * memory whose object is created at the first fault.
 *
 * Copy-on-write.  An entry with MAP_ENTRY_COW maps a private copy of
 * its object.  With MAP_ENTRY_NEEDS_COPY as well, the copy has not been
 * made: the object is still shared (with a parent or child after fork,
 * or with every process running a program, for program data), so it
 * must not be written.  The first write fault gives the entry a fresh
 * shadow object in front of the shared one (vm_object_shadow) and
 * clears NEEDS_COPY; read faults on such an entry map pages read-only.
 *
 * Every entry with an object is on that object's list of entries
 * (entry_head, see vm_object.h): the object knows which windows of it
 * are mapped, which is how vm_object.c tells a page nobody can reach
 * any more.  Only vm_map.c sets entry->object, through
 * vm_map_entry_set_object() and vm_map_entry_shadow(), which keep the
 * list right.
 *
 * A vmspace is a map with its pmap and the bookkeeping of a process's
 * segments (the break for sbrk).  It is shared by no one: fork copies
 * it (vmspace_fork), exec replaces it.
 *
 * Only the process that owns a map changes it (there is one thread per
 * process, and the pageout daemon works on objects and pmaps, never on
 * maps), so maps have no lock; code that sleeps in the middle of a map
 * operation keeps the map consistent across the sleep.
 */
#ifndef _VM_VM_MAP_H_
#define _VM_VM_MAP_H_

#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/pmap.h>

struct vm_map_entry {
	struct vm_map_entry	*prev;		/* previous entry */
	struct vm_map_entry	*next;		/* next entry */
	vaddr_t			start;		/* first address */
	vaddr_t			end;		/* last address + 1 */
	struct vm_object	*object;	/* what is mapped, or NULL */
	vm_ooffset_t		offset;		/* byte offset into object */
	int			eflags;		/* MAP_ENTRY_* */
	vm_prot_t		protection;	/* current protection */
	vm_prot_t		max_protection;	/* mprotect's ceiling */
	vm_inherit_t		inheritance;	/* VM_INHERIT_* at fork */
	LIST_ENTRY(vm_map_entry) obj_link;	/* on object's entry_head */
};

#define	MAP_ENTRY_COW		0x0001	/* private copy of the object */
#define	MAP_ENTRY_NEEDS_COPY	0x0002	/* ... not made yet */

struct vm_map {
	struct vm_map_entry	header;		/* list head; bounds */
	int			nentries;	/* number of entries */
	vsize_t			size;		/* bytes mapped */
	struct pmap		*pmap;		/* the page tables */
	struct vm_map_entry	*hint;		/* last lookup */
};
#define	vm_map_min(map)		((map)->header.end)
#define	vm_map_max(map)		((map)->header.start)

struct vmspace {
	struct vm_map	vm_map;		/* the address space */
	struct pmap	*vm_pmap;	/* its page tables */
	vaddr_t		vm_daddr;	/* start of the heap (sbrk) */
	vaddr_t		vm_break;	/* the break: end of the heap */
	vaddr_t		vm_maxsaddr;	/* lowest address of the stack */
};

static inline struct pmap *
vmspace_pmap(struct vmspace *vm)
{

	return (vm->vm_pmap);
}

/* vm_map_insert() flags, for the new entry. */
#define	MAP_COPY_ON_WRITE	0x0001	/* MAP_ENTRY_COW */
#define	MAP_NEEDS_COPY		0x0002	/* MAP_ENTRY_NEEDS_COPY */
#define	MAP_INHERIT_SHARE	0x0004	/* VM_INHERIT_SHARE, not COPY */

extern struct vmspace vmspace0;		/* the kernel's, for kernel threads */

void	vm_map_init(struct vm_map *, struct pmap *, vaddr_t, vaddr_t);
int	vm_map_insert(struct vm_map *, struct vm_object *, vm_ooffset_t,
	    vaddr_t, vaddr_t, vm_prot_t, vm_prot_t, int);
int	vm_map_find(struct vm_map *, struct vm_object *, vm_ooffset_t,
	    vaddr_t *, vsize_t, vm_prot_t, vm_prot_t, int);
bool	vm_map_findspace(struct vm_map *, vaddr_t, vsize_t, vaddr_t *);
bool	vm_map_lookup_entry(struct vm_map *, vaddr_t,
	    struct vm_map_entry **);
int	vm_map_remove(struct vm_map *, vaddr_t, vaddr_t);
int	vm_map_protect(struct vm_map *, vaddr_t, vaddr_t, vm_prot_t);
bool	vm_map_check_protection(struct vm_map *, vaddr_t, vaddr_t,
	    vm_prot_t);
struct vmspace *vmspace_alloc(void);
struct vmspace *vmspace_fork(struct vmspace *);
void	vmspace_free(struct vmspace *);
vsize_t	vmspace_size(struct vmspace *);
void	vmspace_anon_usage(struct vmspace *, u_int *, u_int *);
void	vm_map_entry_set_object(struct vm_map_entry *, struct vm_object *,
	    vm_ooffset_t);
void	vm_map_entry_shadow(struct vm_map_entry *);
void	vm_map_check(struct vm_map *);

#endif /* !_VM_VM_MAP_H_ */
