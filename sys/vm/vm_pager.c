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
