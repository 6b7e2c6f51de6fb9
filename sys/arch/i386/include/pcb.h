/*
 * machine/pcb.h: the process control block, the machine-dependent part
 * of a process that is not in its trap frame.
 *
 * pcb_esp is the kernel stack pointer saved by cpu_switch(); the rest of
 * the kernel context (callee-saved registers, eflags, the return
 * address) sits on that stack.  pcb_onfault is set while the kernel
 * touches user memory (copyin() and friends): a page fault it cannot
 * resolve resumes there instead of panicking.  pcb_fpu holds the user's
 * floating point state while the process is not running.
 */
#ifndef _MACHINE_PCB_H_
#define _MACHINE_PCB_H_

#include <sys/types.h>

struct pcb {
	uint32_t	pcb_esp;	/* saved kernel stack pointer */
	void		*pcb_onfault;	/* copy fault recovery, or NULL */
	int		pcb_flags;	/* PCB_* */
	uint8_t		pcb_fpu[108] __attribute__((aligned(16)));
};

#define	PCB_USERFPU	0x01	/* has user FPU state to save/restore */

#endif /* !_MACHINE_PCB_H_ */
