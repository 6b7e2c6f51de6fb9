/*
 * machine/proc.h: the machine-dependent part of struct proc.
 */
#ifndef _MACHINE_PROC_H_
#define _MACHINE_PROC_H_

#include <sys/types.h>

struct trapframe;

struct mdproc {
	struct trapframe *md_regs;	/* user registers, on the kstack */
	vaddr_t		md_faultaddr;	/* address of the last user fault */
};

#endif /* !_MACHINE_PROC_H_ */
