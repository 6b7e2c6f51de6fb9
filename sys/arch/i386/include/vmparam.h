/*
 * machine/vmparam.h: how the i386 kernel address space is laid out
 * (see also machine/param.h for the user side).
 *
 * Physical memory is mapped one to one at KERNBASE, up to DMAP_SIZE,
 * with 4 MiB pages set up by locore and never changed: the kernel
 * reaches any physical page at PHYS_TO_DMAP(pa), with no mapping work.
 * Memory beyond DMAP_SIZE is not used.  Above that, KVA_START..KVA_END
 * is mapped page by page (pmap_kenter) for allocations that need to be
 * virtually but not physically contiguous, and for the guard page under
 * each kernel stack.  Its page tables are allocated at boot, so every
 * page directory shares them and no kernel mapping ever needs to be
 * copied into a process's directory.
 */
#ifndef _MACHINE_VMPARAM_H_
#define _MACHINE_VMPARAM_H_

#include <machine/param.h>

#define	DMAP_SIZE	0x20000000	/* 512 MiB mapped at KERNBASE */
#define	KVA_START	(KERNBASE + DMAP_SIZE)		/* 0xe0000000 */
#define	KVA_SIZE	0x04000000			/* 64 MiB */
#define	KVA_END		(KVA_START + KVA_SIZE)

#define	PHYS_TO_DMAP(pa)	((void *)((uint32_t)(pa) + KERNBASE))
#define	DMAP_TO_PHYS(va)	((uint32_t)(va) - KERNBASE)

/* The kernel's image starts at 1 MiB physical, KERNBASE + 1 MiB virtual. */
#define	KERNLOAD	0x00100000

#endif /* !_MACHINE_VMPARAM_H_ */
