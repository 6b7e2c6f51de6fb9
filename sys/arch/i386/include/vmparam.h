/*
 * machine/vmparam.h: how the i386 kernel address space is laid out
 * (see also machine/param.h for the user side).
 *
 * The kernel has the top GiB of every address space, and physical
 * memory may be as large as the 4 GiB a 32-bit physical address reaches
 * (no PAE), so not all of it can be mapped at once:
 *
 *	KERNBASE .. +DMAP_SIZE	the direct map: physical memory below
 *				DMAP_SIZE, one to one, with 4 MiB pages set
 *				up by locore and never changed.  The kernel
 *				reaches such a page at PHYS_TO_DMAP(pa), with
 *				no mapping work.  The kernel's own pages
 *				(page tables, malloc, kernel stacks) all come
 *				from here.
 *	KVA_START .. KVA_END	mapped page by page (pmap_kenter) for
 *				allocations that need to be virtually but not
 *				physically contiguous, and for the guard page
 *				under each kernel stack.
 *	QMAP_START ..		QMAP_SLOTS pages of temporary mappings
 *				(pmap_quick_enter_page): how the kernel
 *				reaches, for a moment, the contents of a page
 *				above the direct map ("high" memory, which
 *				only holds the pages of VM objects).
 *
 * The page tables of the last two are allocated at boot, so every page
 * directory shares them and no kernel mapping ever needs to be copied
 * into a process's directory.
 */
#ifndef _MACHINE_VMPARAM_H_
#define _MACHINE_VMPARAM_H_

#include <machine/param.h>

#define	DMAP_SIZE	0x20000000	/* 512 MiB mapped at KERNBASE */
#define	KVA_START	(KERNBASE + DMAP_SIZE)		/* 0xe0000000 */
#define	KVA_SIZE	0x04000000			/* 64 MiB */
#define	KVA_END		(KVA_START + KVA_SIZE)
#define	QMAP_START	KVA_END				/* 0xe4000000 */
#define	QMAP_SLOTS	8		/* nested temporary mappings, at most */

#define	PHYS_TO_DMAP(pa)	((void *)((uint32_t)(pa) + KERNBASE))
#define	DMAP_TO_PHYS(va)	((uint32_t)(va) - KERNBASE)
#define	PHYS_IN_DMAP(pa)	((pa) < DMAP_SIZE)

/* The kernel's image starts at 1 MiB physical, KERNBASE + 1 MiB virtual. */
#define	KERNLOAD	0x00100000

#endif /* !_MACHINE_VMPARAM_H_ */
