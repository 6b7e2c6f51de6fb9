/*
 * vm_objio.h: reading and writing an anonymous object's pages without
 * a map (vm_objio.c), for file systems whose files are objects.
 */
#ifndef _VM_VM_OBJIO_H_
#define _VM_VM_OBJIO_H_

#include <vm/vm.h>

int	vm_objio_getpage(struct vm_object *, vm_pindex_t, bool,
	    struct vm_page **);
void	vm_objio_putpage(struct vm_page *, bool);

#endif /* !_VM_VM_OBJIO_H_ */
