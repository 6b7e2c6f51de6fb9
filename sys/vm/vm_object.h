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
 *		gives it a swap pager (4.4BSD's way; swap_pager.c).  The
 *		pages of a /tmp file are such an object too, flagged
 *		OBJ_FILE while the file holds it (vfs_tmpfs.c).
 *	vnode	the pages of a ramdisk file (vnode_pager.c): program text
 *		and data.  One per file, made at mount, never freed.
 *
 * The chain.  `backing_object' is the object this one is in front of
 * (4.4BSD called it `shadow').  The objects in front of an object are
 * its shadows, on `shadow_head'; `shadow_count' counts them.  The map
 * entries that map an object are on its `entry_head'; `entry_count'
 * counts them.  ref_count counts every reference: one per shadow, one
 * per map entry, and any others (a file's vnode, a caller's temporary
 * reference).  The sources of an object are what can read its pages:
 * its map entries, each over its window [offset, offset + length), and
 * its shadows, each over [backing_offset, backing_offset + its size);
 * a reference of any other kind can read every page.  See vm_object.c
 * for what follows from that (hidden pages, collapse, reclaim).
 *
 * Invariants (vm_object_check(); checked under INVARIANTS after every
 * collapse and bypass, and by vm.object_audit):
 *	- ref_count >= shadow_count + entry_count, and ref_count > 0
 *	  unless the object is dying (OBJ_DEAD);
 *	- every page in memq has object == this and pindex < size;
 *	- resident_page_count is the length of memq, shadow_count of
 *	  shadow_head, entry_count of entry_head;
 *	- every shadow's backing_object is this object, every entry's
 *	  object is this object;
 *	- OBJ_DEAD objects are never looked up by a fault or collapse.
 *
 * paging_in_progress counts the faults and pager operations that hold
 * busy pages in the object or depend on its chain staying as it is;
 * collapse and termination leave the object alone (or wait) while it is
 * non-zero.
 */
#ifndef _VM_VM_OBJECT_H_
#define _VM_VM_OBJECT_H_

#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/vm_page.h>

struct vm_object {
	TAILQ_ENTRY(vm_object)	object_list;	/* (o) all objects */
	TAILQ_ENTRY(vm_object)	deferq;		/* (o) on the deferred queue */
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
	u_int			bypass_deficit;	/* (o) see vm_object.c */
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
#define	OBJ_DEFERRED	0x0020	/* on the deferred queue, for: */
#define	OBJ_DCOLLAPSE	0x0040	/*   a collapse that could not run */
#define	OBJ_DRECLAIM	0x0080	/*   a sweep for hidden pages */
#define	OBJ_FILE	0x0100	/* a /tmp file's pages (vfs_tmpfs.c) */

/*
 * vm_object_visible(): how a walk for a page's readers came out.  The
 * walk's stack is the caller's (struct vm_visit[n]).
 */
struct vm_visit {
	struct vm_object	*object;
	vm_pindex_t		pindex;
};
#define	VIS_HIDDEN	0	/* nobody can read the page */
#define	VIS_VISIBLE	1	/* somebody can */
#define	VIS_UNKNOWN	2	/* the stack was too small to tell */

TAILQ_HEAD(vm_object_list, vm_object);
extern struct vm_object_list vm_object_list;
extern int vm_collapse_pagers;		/* sysctl vm.collapse_pagers */

struct vm_object *vm_object_allocate(vm_pindex_t);
void	vm_object_reference(struct vm_object *);
void	vm_object_deallocate(struct vm_object *);
void	vm_object_deallocate_window(struct vm_object *, vm_pindex_t,
	    vm_pindex_t);
void	vm_object_shadow(struct vm_object **, vm_ooffset_t *, vsize_t);
void	vm_object_shadowed(struct vm_object *);
void	vm_object_fork(struct vm_object *);
bool	vm_object_maps(struct vm_object *, struct vm_map_entry *);
void	vm_object_collapse(struct vm_object *);
void	vm_object_cow(struct vm_object *, struct vm_object *, vm_pindex_t);
bool	vm_object_has_page(struct vm_object *, vm_pindex_t);
int	vm_object_visible(struct vm_object *, vm_pindex_t, struct vm_visit *,
	    u_int);
bool	vm_object_page_hidden(struct vm_page *);
void	vm_object_page_remove(struct vm_object *, vm_pindex_t, vm_pindex_t);
bool	vm_object_coalesce(struct vm_object *, vm_pindex_t, vm_pindex_t,
	    vm_pindex_t);
void	vm_object_pip_add(struct vm_object *, int);
void	vm_object_pip_wakeup(struct vm_object *);
void	vm_object_pip_wait(struct vm_object *, const char *);
int	vm_object_chain_length(struct vm_object *);
const char *vm_object_broken(struct vm_object *);
void	vm_object_check(struct vm_object *);
void	vm_object_deferred_daemon(void *);

#endif /* !_VM_VM_OBJECT_H_ */
