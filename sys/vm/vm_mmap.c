/*
 * vm_mmap.c: the memory management system calls: mmap, munmap,
 * mprotect, and sbrk.
 *
 * mmap maps anonymous memory (MAP_ANON), private (copy-on-write at
 * fork) or shared (MAP_SHARED: parent and child see each other's
 * writes), or a file: privately (copy-on-write), or shared, writable
 * only for a /tmp file open for writing.  The file system hands over
 * the file's object (VOP_GETOBJECT; /tmp grows it to cover the
 * mapping).  Without MAP_FIXED the mapping goes at the highest free
 * addresses below the stack.
 *
 * sbrk moves the break, the end of the heap, which starts right after
 * the program's last segment: growing maps anonymous memory (extending
 * the heap's entry when it can, vm_object_coalesce); shrinking unmaps
 * the pages past the new break.  With vm.collapse_pagers=1 the memory
 * and swap they held come back at once, and the heap's object is cut
 * to the new break (vm_object.c, "No hidden pages, ever"); with 0, as
 * in 4.4BSD, they stay with the object until it dies.  Either way,
 * growing again reads zeros (vm_object_coalesce frees what is left).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>

#define	MAP_KNOWN	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANON)

/* Is [addr, addr + size) inside user space, without wrapping? */
static bool
user_range_ok(vaddr_t addr, vsize_t size)
{

	return (addr >= VM_MIN_ADDRESS && addr + size >= addr &&
	    addr + size <= VM_MAXUSER_ADDRESS);
}

int
sys_mmap(struct proc *p, struct mmap_args *uap, register_t *retval)
{
	struct vm_map *map = &p->p_vmspace->vm_map;
	struct vm_object *object = NULL;
	int flags = uap->flags, cow = 0, error;
	vm_prot_t prot = uap->prot, maxprot = VM_PROT_ALL;
	vaddr_t addr = (vaddr_t)uap->addr;
	vsize_t size;
	vm_ooffset_t off = 0;
	struct file *fp;
	struct vnode *vp;

	if (uap->len == 0 || (flags & ~MAP_KNOWN) != 0 ||
	    (prot & ~VM_PROT_ALL) != 0 ||
	    ((flags & MAP_SHARED) != 0) == ((flags & MAP_PRIVATE) != 0))
		return (EINVAL);
	if (uap->len > VM_MAXUSER_ADDRESS)
		return (ENOMEM);
	size = round_page(uap->len);
	if (flags & MAP_FIXED) {
		if ((addr & PAGE_MASK) != 0 || !user_range_ok(addr, size))
			return (EINVAL);
	} else
		addr = p->p_vmspace->vm_maxsaddr;

	if (flags & MAP_ANON) {
		if (uap->fd != -1 || uap->pos != 0)
			return (EINVAL);
		if (flags & MAP_SHARED) {
			object = vm_object_allocate(atop(size));
			cow = MAP_INHERIT_SHARE;
		}
	} else {
		if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
			return (error);
		vp = fp->f_data;
		if (fp->f_type != DTYPE_VNODE || vp->v_type != VREG)
			return (ENODEV);
		if ((fp->f_flag & FREAD) == 0)
			return (EACCES);
		if (uap->pos < 0 || (uap->pos & PAGE_MASK) != 0 ||
		    uap->pos > 0xffffffffLL - size)
			return (EINVAL);
		off = uap->pos;
		if (flags & MAP_SHARED) {
			/* Writes reach the file: it must be writable. */
			if ((vp->v_mount->mnt_flag & MNT_RDONLY) ||
			    (fp->f_flag & FWRITE) == 0) {
				if (prot & VM_PROT_WRITE)
					return (EACCES);
				maxprot = VM_PROT_READ | VM_PROT_EXECUTE;
			}
			cow = MAP_INHERIT_SHARE;
		} else
			cow = MAP_COPY_ON_WRITE | MAP_NEEDS_COPY;
		if ((error = VOP_GETOBJECT(vp, off + size, &object)) != 0)
			return (error);
	}

	if (flags & MAP_FIXED) {
		vm_map_remove(map, addr, addr + size);
		error = vm_map_insert(map, object, off, addr, addr + size, prot,
		    maxprot, cow);
	} else
		error = vm_map_find(map, object, off, &addr, size, prot,
		    maxprot, cow);
	if (error != KERN_SUCCESS) {
		vm_object_deallocate(object);
		return (ENOMEM);
	}
	retval[0] = addr;
	return (0);
}

int
sys_munmap(struct proc *p, struct munmap_args *uap, register_t *retval)
{
	vaddr_t addr = (vaddr_t)uap->addr;
	vsize_t size;

	if ((addr & PAGE_MASK) != 0 || uap->len == 0 ||
	    uap->len > VM_MAXUSER_ADDRESS)
		return (EINVAL);
	size = round_page(uap->len);
	if (!user_range_ok(addr, size))
		return (EINVAL);
	vm_map_remove(&p->p_vmspace->vm_map, addr, addr + size);
	return (0);
}

int
sys_mprotect(struct proc *p, struct mprotect_args *uap, register_t *retval)
{
	vaddr_t addr = (vaddr_t)uap->addr;
	vsize_t size;

	if ((addr & PAGE_MASK) != 0 || (uap->prot & ~VM_PROT_ALL) != 0 ||
	    uap->len > VM_MAXUSER_ADDRESS)
		return (EINVAL);
	size = round_page(uap->len);
	if (!user_range_ok(addr, size))
		return (ENOMEM);
	if (size == 0)
		return (0);
	switch (vm_map_protect(&p->p_vmspace->vm_map, addr, addr + size,
	    uap->prot)) {
	case KERN_SUCCESS:
		return (0);
	case KERN_PROTECTION_FAILURE:
		return (EACCES);
	default:
		return (ENOMEM);
	}
}

/* sbrk(incr): move the break by incr bytes; returns the old break. */
int
sys_sbrk(struct proc *p, struct sbrk_args *uap, register_t *retval)
{
	struct vmspace *vm = p->p_vmspace;
	vaddr_t old = vm->vm_break, new = old + uap->incr;

	if (uap->incr > 0 ? new < old : new > old)
		return (ENOMEM);			/* wrapped */
	if (new < vm->vm_daddr || new - vm->vm_daddr > MAXDSIZ)
		return (ENOMEM);
	if (round_page(new) > round_page(old)) {
		if (vm_map_insert(&vm->vm_map, NULL, 0, round_page(old),
		    round_page(new), VM_PROT_READ | VM_PROT_WRITE,
		    VM_PROT_ALL, 0) != KERN_SUCCESS)
			return (ENOMEM);
	} else if (round_page(new) < round_page(old))
		vm_map_remove(&vm->vm_map, round_page(new), round_page(old));
	vm->vm_break = new;
	retval[0] = old;
	return (0);
}
