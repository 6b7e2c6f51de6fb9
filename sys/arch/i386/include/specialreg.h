/*
 * machine/specialreg.h: bits of the i386 control registers and EFLAGS.
 */
#ifndef _MACHINE_SPECIALREG_H_
#define _MACHINE_SPECIALREG_H_

#define	CR0_PE		0x00000001	/* protected mode enable */
#define	CR0_MP		0x00000002	/* monitor coprocessor */
#define	CR0_EM		0x00000004	/* emulate coprocessor */
#define	CR0_TS		0x00000008	/* task switched */
#define	CR0_NE		0x00000020	/* numeric error (native FPU errors) */
#define	CR0_WP		0x00010000	/* write protect, also in ring 0 */
#define	CR0_PG		0x80000000	/* paging enable */

#define	CR4_PSE		0x00000010	/* 4 MiB pages */

#define	PSL_C		0x00000001	/* carry flag */
#define	PSL_PF		0x00000004	/* parity flag */
#define	PSL_AF		0x00000010	/* auxiliary carry flag */
#define	PSL_Z		0x00000040	/* zero flag */
#define	PSL_N		0x00000080	/* sign flag */
#define	PSL_T		0x00000100	/* trap flag */
#define	PSL_I		0x00000200	/* interrupt enable flag */
#define	PSL_D		0x00000400	/* direction flag */
#define	PSL_V		0x00000800	/* overflow flag */
#define	PSL_IOPL	0x00003000	/* i/o privilege level */
#define	PSL_NT		0x00004000	/* nested task */
#define	PSL_RF		0x00010000	/* resume flag */
#define	PSL_VM		0x00020000	/* virtual 8086 mode */
#define	PSL_AC		0x00040000	/* alignment check */
#define	PSL_ID		0x00200000	/* identification bit */

/* The flags a user process starts with, and the ones it may change. */
#define	PSL_USERSET	(PSL_I | 0x2)
#define	PSL_USERCHANGE	(PSL_C | PSL_PF | PSL_AF | PSL_Z | PSL_N | \
			 PSL_T | PSL_D | PSL_V | PSL_AC | PSL_RF)

#endif /* !_MACHINE_SPECIALREG_H_ */
