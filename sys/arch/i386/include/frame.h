/*
 * machine/frame.h: the trap frame.
 *
 * Every entry to the kernel (exception, interrupt, system call) builds
 * one on the kernel stack: the CPU pushes ss:esp (only when coming from
 * ring 3), eflags, cs:eip and, for some exceptions, an error code; the
 * vector stub pushes a zero error code where the CPU did not, and the
 * trap number; alltraps (locore.S) pushes the rest.  trap() gets a
 * pointer to it; returning from trap() pops it again, so the kernel
 * changes a process's registers by changing its frame.
 */
#ifndef _MACHINE_FRAME_H_
#define _MACHINE_FRAME_H_

#include <sys/types.h>
#include <machine/specialreg.h>	/* PSL_VM */

struct trapframe {
	/* Pushed by alltraps. */
	uint32_t	tf_gs;
	uint32_t	tf_fs;
	uint32_t	tf_es;
	uint32_t	tf_ds;
	uint32_t	tf_edi;		/* pushal */
	uint32_t	tf_esi;
	uint32_t	tf_ebp;
	uint32_t	tf_isp;		/* kernel esp, ignored by popal */
	uint32_t	tf_ebx;
	uint32_t	tf_edx;
	uint32_t	tf_ecx;
	uint32_t	tf_eax;
	/* Pushed by the vector stub. */
	uint32_t	tf_trapno;
	uint32_t	tf_err;
	/* Pushed by the CPU. */
	uint32_t	tf_eip;
	uint32_t	tf_cs;
	uint32_t	tf_eflags;
	/* Pushed by the CPU only on a change of privilege (from user). */
	uint32_t	tf_esp;
	uint32_t	tf_ss;
};

/*
 * Did the trap come from user mode?  Either the code selector is a
 * user one, or the CPU was in virtual-8086 mode (cs is then a real-mode
 * value, often 0).  Umbra never enters vm86 itself, but a user process
 * can: QEMU's TCG lets an iret at CPL 3 load EFLAGS.VM, and the fuzzer
 * found it.  Such a trap is the process's own fault, never the
 * kernel's.
 */
#define	TRAPF_USERMODE(tf)	(((tf)->tf_cs & 3) == 3 || \
				 ((tf)->tf_eflags & PSL_VM) != 0)

#endif /* !_MACHINE_FRAME_H_ */
