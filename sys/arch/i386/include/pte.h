/*
 * machine/pte.h: i386 two-level page tables (no PAE).
 *
 * A virtual address splits into a page directory index (10 bits), a
 * page table index (10 bits) and an offset (12 bits).  Each directory
 * entry maps 4 MiB, through a page table or, with PG_PS, directly.
 */
#ifndef _MACHINE_PTE_H_
#define _MACHINE_PTE_H_

#define	PG_V		0x001	/* valid (present) */
#define	PG_RW		0x002	/* writable */
#define	PG_U		0x004	/* user accessible */
#define	PG_NC_PWT	0x008	/* write through */
#define	PG_NC_PCD	0x010	/* cache disable */
#define	PG_A		0x020	/* accessed (referenced) */
#define	PG_M		0x040	/* modified (dirty) */
#define	PG_PS		0x080	/* 4 MiB page (directory entries) */
#define	PG_G		0x100	/* global */
#define	PG_FRAME	0xfffff000	/* page frame mask */

#define	PDRSHIFT	22		/* log2 of what a PDE maps */
#define	NBPDR		(1 << PDRSHIFT)	/* 4 MiB */
#define	NPDEPG		1024		/* entries per directory */
#define	NPTEPG		1024		/* entries per page table */

#define	PDX(va)		(((uint32_t)(va) >> PDRSHIFT) & 0x3ff)
#define	PTX(va)		(((uint32_t)(va) >> 12) & 0x3ff)

#ifndef __ASSEMBLY__
#include <sys/types.h>
typedef uint32_t	pd_entry_t;
typedef uint32_t	pt_entry_t;
#endif

#endif /* !_MACHINE_PTE_H_ */
