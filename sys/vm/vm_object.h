/*
 * vm_object.h: virtual memory objects.
 *
 * An object is a sparse array of pages, indexed by page number (pindex)
 * and `size' pages long.  A page of an object is either resident (a
 * vm_page in memq), or held by the object's pager, or nowhere.  Where
 * it is nowhere, a fault looks in the backing object, at pindex +
 * OFF_TO_IDX(backing_offset), and so on down the chain; at the end of
 * the chain the page is zero (anonymous memory) or the fault fails.
 *
 * Kinds:
 *	anonymous (OBJ_INTERNAL)  bss, heap, stack, mmap(MAP_ANON), and
 *		every shadow object made for copy-on-write.  No pager until
 *		the pageout daemon first writes one of its pages to swap and
 *		gives it a swap pager (4.4BSD's way; swap_pager.c).
 *	vnode	the pages of a ramdisk file (vnode_pager.c): program text
 *		and data.  One per file, made at mount, never freed.
 *
 * The chain.  `backing_object' is the object this one is in front of
 * (4.4BSD called it `shadow').  The objects in front of an object are
 * its shadows, on `shadow_head'; `shadow_count' counts them.  Each
 * shadow holds one reference on its backing object; map entries hold
 * the others.  So an anonymous object with ref_count == 1 and
 * shadow_count == 1 is reachable only through its one shadow, which
 * may then absorb it (collapse); see vm_object.c.
 *
 * Invariants (checked by vm_object_check() under INVARIANTS):
 *	- ref_count >= shadow_count, and ref_count > 0 unless dying;
 *	- every page in memq has object == this and pindex < size;
 *	- resident_page_count is the length of memq;
 *	- a shadow's backing_offset window lies inside its backing object
 *	  in the sense that pages outside it are never read through it;
 *	- OBJ_DEAD objects are never looked up by a fault or collapse.
 *
 * paging_in_progress counts the faults and pager operations that hold
 * busy pages in the object or depend on its chain staying as it is;
 * collapse and termination wait for (or refuse while) it is non-zero.
 */
#ifndef _VM_VM_OBJECT_H_
#define _VM_VM_OBJECT_H_

#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/vm_page.h>

struct vm_object {
	TAILQ_ENTRY(vm_object)	object_list;	/* (o) all objects */
	struct pglist		memq;		/* (o) resident pages */
	LIST_HEAD(, vm_object)	shadow_head;	/* (o) objects in front of us */
	LIST_ENTRY(vm_object)	shadow_list;	/* (o) on backing's shadow_head */
	LIST_HEAD(, vm_map_entry) entry_head;	/* (o) map entries mapping us */
	struct vm_object	*backing_object; /* (o) object behind us */
	vm_ooffset_t		backing_offset;	/* (o) our offset in it, bytes */
	vm_pindex_t		size;		/* (o) in pages */
	int			ref_count;	/* (o) references */
	int			shadow_count;	/* (o) length of shadow_head */
	int			entry_count;	/* (o) length of entry_head */
	int			resident_page_count; /* (o) length of memq */
	int			paging_in_progress; /* (o) see above */
	int			flags;		/* (o) OBJ_* */
	const struct pagerops	*pgops;		/* (o) pager, or NULL */
	void			*pager;		/* (o) the pager's data */
	uint32_t		id;		/* (c) never reused, for tools */
};

/* flags */
#define	OBJ_INTERNAL	0x0001	/* anonymous memory */
#define	OBJ_DEAD	0x0002	/* being terminated */
#define	OBJ_COLLAPSING	0x0004	/* a collapse is moving our pages */
#define	OBJ_PIPWNT	0x0008	/* someone waits for paging to end */
#define	OBJ_MARK	0x0010	/* reachable (vm.object_audit only) */

TAILQ_HEAD(vm_object_list, vm_object);
extern struct vm_object_list vm_object_list;
extern int vm_collapse_pagers;		/* sysctl vm.collapse_pagers */
extern bool vm_object_collapsing;	/* in a collapse (for collapse_io) */

void	vm_object_init(void);
struct vm_object *vm_object_allocate(vm_pindex_t);
void	vm_object_reference(struct vm_object *);
void	vm_object_deallocate(struct vm_object *);
void	vm_object_shadow(struct vm_object **, vm_ooffset_t *, vsize_t);
void	vm_object_shadowed(struct vm_object *);
bool	vm_object_maps(struct vm_object *, struct vm_map_entry *);
void	vm_object_collapse(struct vm_object *);
bool	vm_object_has_page(struct vm_object *, vm_pindex_t);
void	vm_object_page_remove(struct vm_object *, vm_pindex_t, vm_pindex_t);
bool	vm_object_coalesce(struct vm_object *, vm_pindex_t, vm_pindex_t,
	    vm_pindex_t);
void	vm_object_pip_add(struct vm_object *, int);
void	vm_object_pip_wakeup(struct vm_object *);
void	vm_object_pip_wait(struct vm_object *, const char *);
int	vm_object_chain_length(struct vm_object *);
void	vm_object_check(struct vm_object *);

#endif /* !_VM_VM_OBJECT_H_ */
