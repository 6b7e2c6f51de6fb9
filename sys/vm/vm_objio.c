/*
 * vm_objio.c: reading and writing the pages of an anonymous object
 * without mapping it, for a file system that keeps a file's data in
 * one (vfs_tmpfs.c).
 *
 * vm_objio_getpage() finds page pindex of the object and returns it
 * busy, with valid contents: resident already; read back from the
 * object's pager (swap) if the pager holds it; or, only when asked to
 * allocate, a new zero-filled page.  The caller copies to or from it
 * through a quick mapping (pmap_quick_enter_page: the page may be above
 * the kernel's direct map) and gives it back with vm_objio_putpage(),
 * which marks it dirty if it was written (vm_page_dirty frees the
 * stale swap copy) and puts it on the active queue, where the pageout
 * daemon will find it like any anonymous page.
 *
 * It follows the rules of vm_fault.c without a map:
 *	1. A page found busy belongs to someone else (a fault, a pageout,
 *	   another reader): sleep until it is released and look again,
 *	   since it may have been freed or paged out meanwhile.
 *	2. While the pager reads a page in, the page is busy (PG_FAKE
 *	   until it holds data) and paging_in_progress is held on the
 *	   object, so that collapse leaves the object alone.
 *	3. Out of memory: wait for the pageout daemon and look again; give
 *	   up with EINTR if the process has been killed meanwhile.
 * The caller holds a reference to the object, so it cannot die, and
 * keeps pindex below the object's size (the caller's lock on its file
 * keeps the size from shrinking across our sleeps).
 *
 * Callers must not copy to or from user memory while they hold the
 * page busy: a fault on the user buffer might need that very page (the
 * buffer may be a mapping of the same file) and would wait forever.
 * They copy through a kernel buffer instead.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_objio.h>

/*
 * Page pindex of object, busy and valid, in *pgp; with alloc false,
 * NULL when the object has no such page (it reads as zeros).  Returns
 * 0, EIO if the pager cannot read the page, or EINTR if the process was
 * killed while waiting for memory.  May sleep.
 * => object is anonymous, referenced by the caller; pindex < size.
 */
int
vm_objio_getpage(struct vm_object *object, vm_pindex_t pindex, bool alloc,
    struct vm_page **pgp)
{
	struct vm_page *pg;
	bool has;
	int rv;

	KASSERT(object->flags & OBJ_INTERNAL,
	    ("vm_objio_getpage: object %u is not anonymous", object->id));
	for (;;) {
		KASSERT(pindex < object->size &&
		    (object->flags & OBJ_DEAD) == 0,
		    ("vm_objio_getpage: page %u of object %u (%u pages)",
		    pindex, object->id, object->size));
		pg = vm_page_lookup(object, pindex);
		if (pg != NULL) {
			if (pg->flags & PG_BUSY) {
				vm_page_sleep(pg, "objiow");
				continue;
			}
			vm_page_busy(pg);
			*pgp = pg;
			return (0);
		}
		has = vm_pager_has_page(object, pindex);
		if (!alloc && !has) {
			*pgp = NULL;
			return (0);
		}
		pg = vm_page_alloc(object, pindex, has ? VM_ALLOC_NORMAL :
		    VM_ALLOC_ZERO);
		if (pg == NULL) {
			vm_wait();
			if (vm_wait_abandoned())
				return (EINTR);
			continue;
		}
		if (!has) {
			/* A new page: zeros, and no copy anywhere else. */
			pg->flags |= PG_DIRTY;
			*pgp = pg;
			return (0);
		}
		pg->flags |= PG_FAKE;
		vm_object_pip_add(object, 1);
		/* Sleeps for the disk; pg is busy, so nothing to re-check. */
		rv = vm_pager_get_page(object, pg);
		vm_object_pip_wakeup(object);
		if (rv == VM_PAGER_OK) {
			pg->flags &= ~PG_FAKE;
			vmcnt.v_pageins++;
			*pgp = pg;
			return (0);
		}
		vm_page_free(pg);
		if (rv != VM_PAGER_BAD) {
			vmcnt.v_pagein_errors++;
			return (EIO);
		}
		/* The pager no longer has it: look again. */
	}
}

/*
 * Give back a page from vm_objio_getpage(): dirty if the caller wrote
 * to it, then active and unbusy.
 */
void
vm_objio_putpage(struct vm_page *pg, bool written)
{

	KASSERT(pg->flags & PG_BUSY, ("vm_objio_putpage: page not busy"));
	if (written) {
		vm_page_dirty(pg);
		pg->flags &= ~PG_ZERO;
	}
	vm_page_activate(pg);
	vm_page_wakeup(pg);
}
