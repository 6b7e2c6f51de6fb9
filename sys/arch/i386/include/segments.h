/*
 * machine/segments.h: the global descriptor table.
 *
 * Umbra uses flat segments: code and data for the kernel (ring 0) and
 * for user processes (ring 3), all based at 0 with a 4 GiB limit, and
 * one task state segment, whose only use is to give the CPU the kernel
 * stack (ss0:esp0) to switch to on a trap from ring 3.
 */
#ifndef _MACHINE_SEGMENTS_H_
#define _MACHINE_SEGMENTS_H_

#define	GNULL_SEL	0	/* the null descriptor */
#define	GCODE_SEL	1	/* kernel code */
#define	GDATA_SEL	2	/* kernel data */
#define	GUCODE_SEL	3	/* user code */
#define	GUDATA_SEL	4	/* user data */
#define	GPROC0_SEL	5	/* the task state segment */
#define	GDFAULT_SEL	6	/* the double-fault task */
#define	NGDT		7

#define	SEL_KPL		0	/* kernel privilege level */
#define	SEL_UPL		3	/* user privilege level */
#define	GSEL(s, r)	(((s) << 3) | (r))

#define	KCSEL		GSEL(GCODE_SEL, SEL_KPL)	/* 0x08 */
#define	KDSEL		GSEL(GDATA_SEL, SEL_KPL)	/* 0x10 */
#define	UCSEL		GSEL(GUCODE_SEL, SEL_UPL)	/* 0x1b */
#define	UDSEL		GSEL(GUDATA_SEL, SEL_UPL)	/* 0x23 */

#ifndef __ASSEMBLY__
#include <sys/types.h>

/* A segment descriptor, in the CPU's scattered layout. */
struct segment_descriptor {
	uint16_t	sd_lolimit;
	uint16_t	sd_lobase;
	uint8_t		sd_midbase;
	uint8_t		sd_type:5;	/* segment type, S bit included */
	uint8_t		sd_dpl:2;	/* privilege level */
	uint8_t		sd_p:1;		/* present */
	uint8_t		sd_hilimit:4;
	uint8_t		sd_xx:2;
	uint8_t		sd_def32:1;	/* 32-bit default operand size */
	uint8_t		sd_gran:1;	/* limit in pages */
	uint8_t		sd_hibase;
} __attribute__((packed));

/* An interrupt, trap or task gate. */
struct gate_descriptor {
	uint16_t	gd_looffset;
	uint16_t	gd_selector;
	uint8_t		gd_stkcpy;	/* unused */
	uint8_t		gd_type:5;
	uint8_t		gd_dpl:2;
	uint8_t		gd_p:1;
	uint16_t	gd_hioffset;
} __attribute__((packed));

struct region_descriptor {
	uint16_t	rd_limit;
	uint32_t	rd_base;
} __attribute__((packed));

#define	SDT_SYS386TSS	9	/* available 386 TSS */
#define	SDT_SYSTASKGT	5	/* task gate */
#define	SDT_SYS386IGT	14	/* 386 interrupt gate */
#define	SDT_SYS386TGT	15	/* 386 trap gate */
#define	SDT_MEMRWA	19	/* memory read/write, accessed */
#define	SDT_MEMERA	27	/* memory execute/read, accessed */

/* The task state segment; only the stack fields matter to Umbra. */
struct i386tss {
	uint32_t	tss_link;
	uint32_t	tss_esp0;	/* kernel stack pointer, ring 0 */
	uint32_t	tss_ss0;	/* kernel stack segment */
	uint32_t	tss_esp1, tss_ss1, tss_esp2, tss_ss2;
	uint32_t	tss_cr3;
	uint32_t	tss_eip, tss_eflags;
	uint32_t	tss_eax, tss_ecx, tss_edx, tss_ebx;
	uint32_t	tss_esp, tss_ebp, tss_esi, tss_edi;
	uint32_t	tss_es, tss_cs, tss_ss, tss_ds, tss_fs, tss_gs;
	uint32_t	tss_ldt;
	uint16_t	tss_trap;
	uint16_t	tss_iobase;	/* beyond the limit: no I/O bitmap */
};
#endif /* !__ASSEMBLY__ */

#endif /* !_MACHINE_SEGMENTS_H_ */
