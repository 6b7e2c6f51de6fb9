/*
 * trap.c: what the kernel does on every entry from a trap, an interrupt
 * or a system call (locore.S's alltraps calls trap()).
 *
 *	interrupts	to the handler registered for the line (intr.c)
 *	system calls	syscall(): arguments from the user stack, the
 *			handler from sysent[], the result in %eax/%edx and
 *			the carry flag
 *	page faults	vm_fault() on the process's map; from the kernel
 *			only while copying to or from user space (pcb_onfault)
 *	other faults	a signal for a user process; a panic in the kernel
 *
 * On the way back to user mode, userret() delivers pending signals and
 * gives up the CPU if the clock asked for it.  The kernel itself is
 * never preempted: an interrupt that arrives in kernel mode returns to
 * the interrupted code.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/sysent.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/pcb.h>
#include <machine/psl.h>
#include <machine/trap.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_fault.h>
#include <vm/vm_param.h>

static void	syscall(struct trapframe *);
static void	trap_pagefault(struct trapframe *, int);
static void	trap_fatal(struct trapframe *, const char *)
		    __attribute__((noreturn));

static const char *const trap_names[] = {
	"divide error", "debug exception", "NMI", "breakpoint",
	"overflow", "bound check", "invalid opcode", "FPU not available",
	"double fault", "FPU segment overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection fault",
	"page fault", "reserved", "floating point error", "alignment check",
	"machine check", "SIMD floating point error",
};

void
trap(struct trapframe *tf)
{
	struct proc *p = curproc;
	int type = tf->tf_trapno, sig = 0, code = 0;

	if (type >= T_IRQ0 && type < T_IRQ0 + NIRQ) {
		intr_dispatch(type - T_IRQ0, tf);
		if (TRAPF_USERMODE(tf))
			userret(p);
		return;
	}
	if (type == T_SYSCALL) {
		syscall(tf);
		return;
	}
	if (type == T_PAGEFLT) {
		trap_pagefault(tf, rcr2());
		return;
	}
	if (!TRAPF_USERMODE(tf))
		trap_fatal(tf, type < (int)nitems(trap_names) ?
		    trap_names[type] : "unknown trap");

	enable_intr();
	p->p_md.md_regs = tf;
	p->p_md.md_faultaddr = tf->tf_eip;
	switch (type) {
	case T_DIVIDE:
		sig = SIGFPE;
		code = FPE_INTDIV;
		break;
	case T_ARITHTRAP:
	case T_XMMFLT:
		sig = SIGFPE;
		code = FPE_FLTINV;
		break;
	case T_DEBUG:
	case T_BPTFLT:
		tf->tf_eflags &= ~PSL_T;
		sig = SIGTRAP;
		code = TRAP_BRKPT;
		break;
	case T_PRIVINFLT:
		sig = SIGILL;
		code = ILL_ILLOPC;
		break;
	case T_PROTFLT:
	case T_SEGNPFLT:
	case T_STKFLT:
	case T_TSSFLT:
	case T_ALIGNFLT:
		/* Privileged instructions and bad selectors, as in 4.4BSD. */
		sig = SIGBUS;
		code = BUS_ADRERR;
		break;
	default:
		sig = SIGILL;
		code = ILL_PRVOPC;
		break;
	}
	trapsignal(p, sig, code);
	userret(p);
}

/*
 * A page fault at va.  From user mode it is the process's own fault;
 * from kernel mode it is legitimate only inside the user copy routines,
 * which set pcb_onfault: an unresolvable fault there resumes at the
 * recovery address, and the copy returns EFAULT.
 */
static void
trap_pagefault(struct trapframe *tf, int va)
{
	struct proc *p = curproc;
	vm_prot_t ftype;
	int rv, user;

	/* %cr2 is safe in va: interrupts may come in now. */
	if (tf->tf_eflags & PSL_I)
		enable_intr();
	user = TRAPF_USERMODE(tf);
	ftype = (tf->tf_err & PGEX_W) ? VM_PROT_WRITE : VM_PROT_READ;

	if (!user) {
		if (curpcb == NULL || curpcb->pcb_onfault == NULL ||
		    (vaddr_t)va >= VM_MAXUSER_ADDRESS ||
		    (p->p_flag & P_SYSTEM) || intr_nest() > 0)
			trap_fatal(tf, "kernel page fault");
		rv = vm_fault(&p->p_vmspace->vm_map, trunc_page(va), ftype);
		if (rv != KERN_SUCCESS)
			tf->tf_eip = (uint32_t)curpcb->pcb_onfault;
		return;
	}

	p->p_md.md_regs = tf;
	rv = vm_fault(&p->p_vmspace->vm_map, trunc_page(va), ftype);
	if (rv != KERN_SUCCESS && rv != KERN_RESOURCE_SHORTAGE) {
		p->p_md.md_faultaddr = va;
		if (rv == KERN_FAILURE)
			trapsignal(p, SIGBUS, BUS_OBJERR);
		else
			trapsignal(p, SIGSEGV,
			    rv == KERN_PROTECTION_FAILURE ? SEGV_ACCERR :
			    SEGV_MAPERR);
	}
	/*
	 * KERN_RESOURCE_SHORTAGE: the fault gave up because the process was
	 * killed while it waited for memory; userret() lets it die.
	 */
	userret(p);
}

/* A trap the kernel did not expect: report everything and stop. */
static void
trap_fatal(struct trapframe *tf, const char *what)
{
	uint32_t off;
	const char *sym;

	sym = ksyms_lookup(tf->tf_eip, &off);
	printf("\nfatal trap %d: %s in %s mode\n", tf->tf_trapno, what,
	    TRAPF_USERMODE(tf) ? "user" : "kernel");
	if (tf->tf_trapno == T_PAGEFLT)
		printf("fault address %08x, %s, %s\n", rcr2(),
		    (tf->tf_err & PGEX_P) ? "protection violation" :
		    "page not present",
		    (tf->tf_err & PGEX_W) ? "write" : "read");
	printf("at eip %08x <%s+%#x>\n", tf->tf_eip, sym != NULL ? sym : "?",
	    off);
	panic_trapframe = tf;
	panic("%s", what);
}

/*
 * A system call: the number is in %eax, the arguments on the user stack
 * above the return address of the libc stub.  See syscalls.master for
 * the convention, and ERESTART/EJUSTRETURN in sys/errno.h.
 */
static void
syscall(struct trapframe *tf)
{
	struct proc *p = curproc;
	const struct sysent *callp;
	uint32_t args[8];
	register_t rv[2];
	u_int code;
	int error;

	enable_intr();
	vmcnt.v_syscall++;
	p->p_md.md_regs = tf;
	code = tf->tf_eax;
	if (code >= (u_int)nsysent || sysent[code].sy_call == NULL) {
		psignal(p, SIGSYS);
		error = ENOSYS;
		goto out;
	}
	callp = &sysent[code];
	KASSERT(callp->sy_narg <= (int)nitems(args),
	    ("syscall: %s has too many arguments", callp->sy_name));
	if (callp->sy_narg > 0) {
		error = copyin((void *)(tf->tf_esp + sizeof(uint32_t)), args,
		    callp->sy_narg * sizeof(uint32_t));
		if (error != 0)
			goto out;
	}
	rv[0] = 0;
	rv[1] = tf->tf_edx;
	error = (*callp->sy_call)(p, args, rv);
out:
	switch (error) {
	case 0:
		tf->tf_eax = rv[0];
		tf->tf_edx = rv[1];
		tf->tf_eflags &= ~PSL_C;
		break;
	case ERESTART:
		tf->tf_eip -= 2;		/* back over int $0x80 */
		break;
	case EJUSTRETURN:
		break;
	default:
		tf->tf_eax = error;
		tf->tf_eflags |= PSL_C;
		break;
	}
	userret(p);
}
