/*
 * vm_pager.c: the one way into pagers (see vm_pager.h).  Each call goes
 * through the object's operations table; an object without a pager
 * has nothing to say.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>

bool
vm_pager_has_page(struct vm_object *object, vm_pindex_t pindex)
{

	if (object->pgops == NULL)
		return (false);
	return (object->pgops->pgo_haspage(object, pindex));
}

/*
 * Fill pg from object's pager.  The caller holds pg busy and
 * paging_in_progress on object; the pager sleeps for the I/O.
 */
int
vm_pager_get_page(struct vm_object *object, struct vm_page *pg)
{

	KASSERT((pg->flags & PG_BUSY) && pg->object == object,
	    ("vm_pager_get_page: page not busy in object %u", object->id));
	KASSERT(object->paging_in_progress > 0,
	    ("vm_pager_get_page: object %u not paging", object->id));
	return (object->pgops->pgo_getpage(object, pg));
}

/*
 * Fill n busy pages of object, consecutive in index, in one transfer
 * when the pager can (pgs[req] is the one a fault waits for; the others
 * are read ahead, and the caller got their number from
 * vm_pager_cluster).  The caller holds them busy and paging_in_progress
 * on object.  VM_PAGER_OK: all are filled.  VM_PAGER_AGAIN (several
 * pages only): the transfer failed, and the caller should read the page
 * it needs alone.  Otherwise the request page's result.
 */
int
vm_pager_get_pages(struct vm_object *object, struct vm_page **pgs, int n,
    int req)
{
	int i;

	KASSERT(n >= 1 && req >= 0 && req < n && object->paging_in_progress > 0,
	    ("vm_pager_get_pages: %d pages, request %d", n, req));
	for (i = 0; i < n; i++)
		KASSERT((pgs[i]->flags & PG_BUSY) && pgs[i]->object == object &&
		    pgs[i]->pindex == pgs[0]->pindex + i,
		    ("vm_pager_get_pages: page %d not busy in place", i));
	if (n == 1 || object->pgops->pgo_getpages == NULL)
		return (vm_pager_get_page(object, pgs[req]));
	return (object->pgops->pgo_getpages(object, pgs, n, req));
}

/* How many neighbours of page pindex can be read with it (see above). */
void
vm_pager_cluster(struct vm_object *object, vm_pindex_t pindex, int maxbehind,
    int maxahead, int *behind, int *ahead)
{

	*behind = *ahead = 0;
	if (object->pgops != NULL && object->pgops->pgo_cluster != NULL)
		object->pgops->pgo_cluster(object, pindex, maxbehind,
		    maxahead, behind, ahead);
}

void
vm_pager_put_pages(struct vm_object *object, struct vm_page **pgs, int n,
    int *rtvals)
{

	object->pgops->pgo_putpages(object, pgs, n, rtvals);
}

/* The object is dying: the pager frees everything it holds for it. */
void
vm_pager_deallocate(struct vm_object *object)
{

	object->pgops->pgo_dealloc(object);
	object->pgops = NULL;
	object->pager = NULL;
}

void
vm_pager_page_stale(struct vm_object *object, vm_pindex_t pindex)
{

	if (object->pgops != NULL && object->pgops->pgo_page_stale != NULL)
		object->pgops->pgo_page_stale(object, pindex);
}

int
vm_object_type(struct vm_object *object)
{

	return (object->pgops != NULL ? object->pgops->pgo_type :
	    OBJT_DEFAULT);
}
