/*
 * machine/trap.h: i386 trap numbers (the IDT vector), and where the
 * interrupt controller's lines and the system call land.
 */
#ifndef _MACHINE_TRAP_H_
#define _MACHINE_TRAP_H_

#define	T_DIVIDE	0	/* divide error */
#define	T_DEBUG		1	/* debug exception */
#define	T_NMI		2	/* non-maskable interrupt */
#define	T_BPTFLT	3	/* breakpoint instruction */
#define	T_OFLOW		4	/* overflow instruction */
#define	T_BOUND		5	/* bound instruction */
#define	T_PRIVINFLT	6	/* invalid opcode */
#define	T_DNA		7	/* device not available (FPU) */
#define	T_DOUBLEFLT	8	/* double fault */
#define	T_FPOPFLT	9	/* coprocessor segment overrun */
#define	T_TSSFLT	10	/* invalid TSS */
#define	T_SEGNPFLT	11	/* segment not present */
#define	T_STKFLT	12	/* stack fault */
#define	T_PROTFLT	13	/* general protection fault */
#define	T_PAGEFLT	14	/* page fault */
#define	T_RESERVED	15
#define	T_ARITHTRAP	16	/* floating point error */
#define	T_ALIGNFLT	17	/* alignment check */
#define	T_MCHK		18	/* machine check */
#define	T_XMMFLT	19	/* SIMD floating point */

#define	T_IRQ0		32	/* the 8259s are programmed to 32..47 */
#define	NIRQ		16
#define	T_SYSCALL	0x80	/* int $0x80 */

/* Page fault error code bits. */
#define	PGEX_P		0x01	/* protection violation, not absent */
#define	PGEX_W		0x02	/* during a write */
#define	PGEX_U		0x04	/* from user mode */

#endif /* !_MACHINE_TRAP_H_ */
