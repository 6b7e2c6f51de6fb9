/*
 * vm_fault.h: resolving page faults (vm_fault.c).
 */
#ifndef _VM_VM_FAULT_H_
#define _VM_VM_FAULT_H_

#include <vm/vm.h>

int	vm_fault(struct vm_map *, vaddr_t, vm_prot_t);

#endif /* !_VM_VM_FAULT_H_ */
