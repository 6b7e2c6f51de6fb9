/*
 * vm_machdep.c: the machine-dependent parts of processes: the kernel
 * stack of a new process, and user address checks.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <machine/cpu.h>
#include <machine/frame.h>
#include <machine/pcb.h>
#include <machine/specialreg.h>
#include <machine/cpufunc.h>
#include <vm/vm.h>
#include <vm/vm_page.h>

extern void	fork_trampoline(void);

/*
 * The frame cpu_switch() pops when it first switches to a new process
 * (locore.S): saved eflags, the callee-saved registers, and the address
 * to return to.
 */
struct switchframe {
	uint32_t	sf_eflags;
	uint32_t	sf_edi;
	uint32_t	sf_esi;		/* fork_trampoline: the argument */
	uint32_t	sf_ebx;		/* fork_trampoline: the function */
	uint32_t	sf_ebp;
	uint32_t	sf_eip;
};

/*
 * Prepare p2's kernel stack so that its first run calls func(arg) and
 * then returns to user mode with a copy of p1's user registers (if p1
 * has any), except that fork() returns 0 with the carry clear.  p2 also
 * gets a copy of p1's FPU state.
 */
void
cpu_fork(struct proc *p1, struct proc *p2, void (*func)(void *), void *arg)
{
	struct trapframe *tf;
	struct switchframe *sf;

	tf = (struct trapframe *)(p2->p_kstack + KSTACK_PAGES * PAGE_SIZE) - 1;
	if (p1->p_md.md_regs != NULL && (p1->p_flag & P_SYSTEM) == 0) {
		*tf = *p1->p_md.md_regs;
		tf->tf_eax = 0;
		tf->tf_edx = 0;
		tf->tf_eflags &= ~PSL_C;
	} else
		memset(tf, 0, sizeof(*tf));
	p2->p_md.md_regs = tf;

	sf = (struct switchframe *)tf - 1;
	memset(sf, 0, sizeof(*sf));
	sf->sf_eflags = 0x2;			/* interrupts off */
	sf->sf_esi = (uint32_t)arg;
	sf->sf_ebx = (uint32_t)func;
	sf->sf_eip = (uint32_t)fork_trampoline;
	p2->p_pcb.pcb_esp = (uint32_t)sf;
	p2->p_pcb.pcb_onfault = NULL;
	p2->p_pcb.pcb_flags = 0;

	if (p1->p_pcb.pcb_flags & PCB_USERFPU) {
		/* fnsave resets the FPU: load the state straight back. */
		__asm volatile("fnsave %0; frstor %0"
		    : "+m"(p2->p_pcb.pcb_fpu));
		p2->p_pcb.pcb_flags |= PCB_USERFPU;
	}
}

/*
 * The idle thread's turn, nothing being runnable (called with
 * interrupts blocked; returns with them enabled).  Zero one free page
 * for later (vm_page_zero_idle) and return, letting in the interrupts
 * that came meanwhile (a page takes microseconds), so that the caller
 * looks at the run queue again before the next page.  When no page
 * needs zeroing, halt until the next interrupt.
 */
void
cpu_idle(void)
{

	if (vm_page_zero_idle()) {
		enable_intr();
		return;
	}
	__asm volatile("sti; hlt" : : : "memory");
}

/* Does [addr, addr + len) lie in user space, without wrapping? */
int
useracc_range(const void *addr, size_t len)
{
	uint32_t a = (uint32_t)addr;

	return (a + len >= a && a + len <= VM_MAXUSER_ADDRESS);
}
