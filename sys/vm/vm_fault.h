/*
 * vm_fault.h: resolving page faults (vm_fault.c).
 */
#ifndef _VM_VM_FAULT_H_
#define _VM_VM_FAULT_H_

#include <vm/vm.h>

extern int vm_pagein_max;		/* sysctl vm.pagein_max */

int	vm_fault(struct vm_map *, vaddr_t, vm_prot_t);

#endif /* !_VM_VM_FAULT_H_ */
