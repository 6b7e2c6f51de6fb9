/*
 * vm_pager.h: pagers, the backing store of objects.
 *
 * A pager is one table of operations (struct pagerops) and, per object,
 * private data in object->pager.  The VM reaches pagers only through
 * vm_pager.c.  An object without a pager (pgops == NULL) holds only its
 * resident pages.
 *
 *	pgo_haspage(obj, pindex)	does the pager hold that page?
 *	pgo_getpage(obj, pg)		fill the busy page pg (in obj, at
 *					pg->pindex) from the backing store;
 *					sleeps for the I/O
 *	pgo_getpages(obj, pgs, n, req)	fill n busy pages of obj, consecutive
 *					in index, in one transfer: the pages
 *					pgo_cluster allowed around pgs[req];
 *					may be NULL
 *	pgo_cluster(obj, pindex, mb, ma, &b, &a)
 *					how many pages just before (at most
 *					mb) and just after (at most ma) page
 *					pindex one transfer can read with it;
 *					may be NULL (none)
 *	pgo_putpages(obj, pgs, n, rtvals)
 *					write n busy dirty pages of obj
 *					(consecutive pindexes), asynchronously
 *					where the pager can; rtvals[i] gets
 *					each page's VM_PAGER_* result
 *	pgo_dealloc(obj)		free everything the pager holds
 *					for obj (the object is dying)
 *	pgo_page_stale(obj, pindex)	the pager's copy of a page is no
 *					longer wanted (the page was dirtied,
 *					or nobody can read it): free it; may
 *					be NULL
 */
#ifndef _VM_VM_PAGER_H_
#define _VM_VM_PAGER_H_

#include <vm/vm.h>

struct pagerops {
	const char	*pgo_name;
	int		pgo_type;		/* OBJT_* for tools */
	bool		(*pgo_haspage)(struct vm_object *, vm_pindex_t);
	int		(*pgo_getpage)(struct vm_object *, struct vm_page *);
	int		(*pgo_getpages)(struct vm_object *, struct vm_page **,
			    int, int);
	void		(*pgo_cluster)(struct vm_object *, vm_pindex_t, int,
			    int, int *, int *);
	void		(*pgo_putpages)(struct vm_object *, struct vm_page **,
			    int, int *);
	void		(*pgo_dealloc)(struct vm_object *);
	void		(*pgo_page_stale)(struct vm_object *, vm_pindex_t);
};

/* pgo_type: what tools call the object (see vmobjdump). */
#define	OBJT_DEFAULT	0	/* anonymous, no pager */
#define	OBJT_SWAP	1	/* anonymous, with a swap pager */
#define	OBJT_VNODE	2	/* a file */

/* Results. */
#define	VM_PAGER_OK	0	/* done */
#define	VM_PAGER_BAD	1	/* the pager does not hold this page */
#define	VM_PAGER_FAIL	2	/* could not (out of space) */
#define	VM_PAGER_PEND	3	/* started; the pager finishes it */
#define	VM_PAGER_ERROR	4	/* I/O error */
#define	VM_PAGER_AGAIN	5	/* short of resources, try later */

extern const struct pagerops swappagerops;
extern const struct pagerops vnodepagerops;

bool	vm_pager_has_page(struct vm_object *, vm_pindex_t);
int	vm_pager_get_page(struct vm_object *, struct vm_page *);
int	vm_pager_get_pages(struct vm_object *, struct vm_page **, int, int);
void	vm_pager_cluster(struct vm_object *, vm_pindex_t, int, int, int *,
	    int *);
void	vm_pager_put_pages(struct vm_object *, struct vm_page **, int, int *);
void	vm_pager_deallocate(struct vm_object *);
void	vm_pager_page_stale(struct vm_object *, vm_pindex_t);
int	vm_object_type(struct vm_object *);

#endif /* !_VM_VM_PAGER_H_ */
