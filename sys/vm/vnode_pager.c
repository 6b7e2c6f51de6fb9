/*
 * vnode_pager.c: the pager for files of the ramdisk (the root file
 * system), which gives program text and data their pages.
 *
 * Every regular file gets one object at mount time (vnode_pager_alloc),
 * referenced by its vnode for as long as the system runs; so the pages
 * of a program stay cached after it exits, and every process running
 * the same program maps the same text pages.  The ramdisk is read-only:
 * pages are read from the file, zero-filled past its end, and are never
 * written back (a private mapping writes to its own shadow object).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>

/* Give vp an object holding its contents. */
struct vm_object *
vnode_pager_alloc(struct vnode *vp)
{
	struct vm_object *object;

	object = vm_object_allocate(atop(round_page(vp->v_size)));
	object->flags &= ~OBJ_INTERNAL;
	object->pgops = &vnodepagerops;
	object->pager = vp;
	return (object);
}

static bool
vnode_pager_haspage(struct vm_object *object, vm_pindex_t pindex)
{

	return (pindex < object->size);
}

static int
vnode_pager_getpage(struct vm_object *object, struct vm_page *pg)
{
	struct vnode *vp = object->pager;
	vm_ooffset_t off = IDX_TO_OFF(pg->pindex);
	char *kva;
	size_t n;
	int error;

	if (off >= vp->v_size)
		return (VM_PAGER_BAD);
	n = umin(PAGE_SIZE, vp->v_size - off);
	/* The page may be above the direct map; the ramdisk never sleeps. */
	kva = pmap_quick_enter_page(pg);
	error = vn_read_kernel(vp, kva, n, off);
	if (error == 0)
		memset(kva + n, 0, PAGE_SIZE - n);
	pmap_quick_remove_page(kva);
	return (error == 0 ? VM_PAGER_OK : VM_PAGER_ERROR);
}

/* File pages are never dirty: a read-only file system. */
static void
vnode_pager_putpages(struct vm_object *object, struct vm_page **pgs, int n,
    int *rtvals)
{
	int i;

	for (i = 0; i < n; i++)
		rtvals[i] = VM_PAGER_FAIL;
}

static void
vnode_pager_dealloc(struct vm_object *object)
{

	panic("vnode_pager_dealloc: file objects live forever");
}

const struct pagerops vnodepagerops = {
	.pgo_name = "vnode",
	.pgo_type = OBJT_VNODE,
	.pgo_haspage = vnode_pager_haspage,
	.pgo_getpage = vnode_pager_getpage,
	.pgo_putpages = vnode_pager_putpages,
	.pgo_dealloc = vnode_pager_dealloc,
	.pgo_page_stale = NULL,
};
