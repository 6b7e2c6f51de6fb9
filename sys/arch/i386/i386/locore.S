/*
 * locore.S: the i386 kernel's assembly: the Multiboot entry, the trap
 * and interrupt vectors, the context switch and the user copy routines.
 *
 * Boot.  QEMU (or any Multiboot 1 loader) enters `start' in 32-bit
 * protected mode with paging off, %eax holding the Multiboot magic and
 * %ebx the physical address of the Multiboot information.  The kernel
 * is linked at KERNBASE + 1 MiB and loaded at 1 MiB, so until paging is
 * on every absolute address must have KERNBASE subtracted (RELOC).
 * start builds the boot page directory, which becomes the kernel's own:
 *	- entries for KERNBASE .. KERNBASE + DMAP_SIZE map physical memory
 *	  one to one with 4 MiB pages (the direct map);
 *	- entries for KVA_START .. KVA_END point to page tables in bss;
 *	- entry 0 maps the first 4 MiB one to one, only so that the
 *	  instructions right after paging is switched on can run; machdep
 *	  removes it.
 * It then turns on paging, 4 MiB pages and ring-0 write protection
 * (CR0_WP: the kernel must take copy-on-write faults on user pages it
 * writes, exactly as a process would), moves to the boot stack and calls
 * init386(magic, mbi), which never returns.
 *
 * Traps.  Each vector stub pushes an error code (zero where the CPU
 * pushes none) and its vector number and joins alltraps, which
 * completes the struct trapframe (machine/frame.h), loads kernel data
 * segments and calls trap(frame).  Returning from trap() pops the frame
 * (trapret), so forked children and exec'd processes leave the kernel
 * through trapret too.
 */
#include <machine/param.h>
#include <machine/vmparam.h>
#include <machine/pte.h>
#include <machine/segments.h>
#include <machine/specialreg.h>
#include <sys/errno.h>
#include <sys/syscall.h>

#define	RELOC(x)	((x) - KERNBASE)
#define	PCB_ESP		0	/* offsetof(struct pcb, pcb_esp) */
#define	PCB_ONFAULT	4	/* offsetof(struct pcb, pcb_onfault) */

#define	MB_MAGIC	0x1badb002
#define	MB_FLAGS	0x00000003	/* page-aligned modules, memory map */

#define	KVA_NPT		(KVA_SIZE >> PDRSHIFT)	/* page tables for KVA */
#define	BOOTSTACK_SIZE	(4 * PAGE_SIZE)

	.section .multiboot, "a"
	.align	4
	.long	MB_MAGIC
	.long	MB_FLAGS
	.long	-(MB_MAGIC + MB_FLAGS)

	.text
	.globl	start
	.type	start, @function
start:
	cli
	cld
	movl	%eax, %ebp			/* Multiboot magic */

	/* Clear the boot page directory and the KVA page tables. */
	movl	$RELOC(bootpd), %edi
	movl	$((1 + KVA_NPT) * PAGE_SIZE / 4), %ecx
	xorl	%eax, %eax
	rep stosl

	/* The direct map: KERNBASE + i * 4 MiB -> i * 4 MiB. */
	movl	$RELOC(bootpd) + (KERNBASE >> PDRSHIFT) * 4, %edi
	movl	$(PG_PS | PG_RW | PG_V), %eax
	movl	$(DMAP_SIZE >> PDRSHIFT), %ecx
1:	movl	%eax, (%edi)
	addl	$NBPDR, %eax
	addl	$4, %edi
	loop	1b

	/* The KVA page tables. */
	movl	$RELOC(bootpd) + (KVA_START >> PDRSHIFT) * 4, %edi
	movl	$RELOC(kvapt) + (PG_RW | PG_V), %eax
	movl	$KVA_NPT, %ecx
1:	movl	%eax, (%edi)
	addl	$PAGE_SIZE, %eax
	addl	$4, %edi
	loop	1b

	/* The temporary identity map of the first 4 MiB. */
	movl	$(PG_PS | PG_RW | PG_V), RELOC(bootpd)

	movl	%cr4, %eax
	orl	$CR4_PSE, %eax
	movl	%eax, %cr4
	movl	$RELOC(bootpd), %eax
	movl	%eax, %cr3
	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_WP), %eax
	movl	%eax, %cr0

	/* Jump to the kernel's linked (high) address. */
	movl	$1f, %eax
	jmp	*%eax
1:
	movl	$bootstack + BOOTSTACK_SIZE, %esp
	pushl	%ebx				/* mbi, physical */
	pushl	%ebp				/* magic */
	xorl	%ebp, %ebp			/* end of backtraces */
	call	init386
2:	hlt
	jmp	2b
	.size	start, . - start

/*
 * The vector stubs.  The table `idt_vectors' lists their addresses, in
 * vector order, for machdep's idt_init(); vectors without a stub of
 * their own get Xreserved.
 */
#define	TRAP(n)					\
	.text;					\
	.align	8;				\
Xtrap##n:					\
	pushl	$0;				\
	pushl	$n;				\
	jmp	alltraps;			\
	.section .rodata;			\
	.long	Xtrap##n

#define	TRAPERR(n)				\
	.text;					\
	.align	8;				\
Xtrap##n:					\
	pushl	$n;				\
	jmp	alltraps;			\
	.section .rodata;			\
	.long	Xtrap##n

	.section .rodata
	.align	4
	.globl	idt_vectors
idt_vectors:
	TRAP(0);  TRAP(1);  TRAP(2);  TRAP(3)
	TRAP(4);  TRAP(5);  TRAP(6);  TRAP(7)
	TRAPERR(8); TRAP(9); TRAPERR(10); TRAPERR(11)
	TRAPERR(12); TRAPERR(13); TRAPERR(14); TRAP(15)
	TRAP(16); TRAPERR(17); TRAP(18); TRAP(19)
	TRAP(20); TRAP(21); TRAP(22); TRAP(23)
	TRAP(24); TRAP(25); TRAP(26); TRAP(27)
	TRAP(28); TRAP(29); TRAP(30); TRAP(31)
	TRAP(32); TRAP(33); TRAP(34); TRAP(35)
	TRAP(36); TRAP(37); TRAP(38); TRAP(39)
	TRAP(40); TRAP(41); TRAP(42); TRAP(43)
	TRAP(44); TRAP(45); TRAP(46); TRAP(47)
	.section .rodata
	.globl	idt_nvectors
idt_nvectors:
	.long	48
	.globl	idt_syscall
idt_syscall:
	.long	Xsyscall

	.text
	.align	8
Xsyscall:
	pushl	$0
	pushl	$0x80
	jmp	alltraps

	.globl	alltraps
	.type	alltraps, @function
alltraps:
	pushal
	pushl	%ds
	pushl	%es
	pushl	%fs
	pushl	%gs
	movl	$KDSEL, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %fs
	movl	%eax, %gs
	cld
	pushl	%esp				/* the trap frame */
	call	trap
	addl	$4, %esp
	.globl	trapret
trapret:
	popl	%gs
	popl	%fs
	popl	%es
	popl	%ds
	popal
	addl	$8, %esp			/* trapno and err */
	iret
	.size	alltraps, . - alltraps

/*
 * void cpu_switch(struct pcb *old, struct pcb *new)
 *
 * Save the callee-saved registers and eflags (hence the interrupt
 * enable flag: each thread keeps its own) on the current stack, store
 * the stack pointer in old, and resume the thread whose stack pointer
 * new holds.  The caller has switched the address space and the TSS.
 */
	.globl	cpu_switch
	.type	cpu_switch, @function
cpu_switch:
	movl	4(%esp), %eax
	movl	8(%esp), %edx
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	pushfl
	movl	%esp, PCB_ESP(%eax)
	movl	PCB_ESP(%edx), %esp
	popfl
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret
	.size	cpu_switch, . - cpu_switch

/*
 * A new process's first return from cpu_switch lands here (vm_machdep.c,
 * cpu_fork() builds the frame): %ebx holds the function to call, %esi
 * its argument.  For a forked process that is fork_return(), after which
 * it leaves for user mode through trapret with the trap frame that
 * cpu_fork copied from its parent; a kernel thread's function never
 * returns.
 */
	.globl	fork_trampoline
	.type	fork_trampoline, @function
fork_trampoline:
	pushl	%esi
	call	*%ebx
	addl	$4, %esp
	jmp	trapret
	.size	fork_trampoline, . - fork_trampoline

/*
 * int copyin(const void *uaddr, void *kaddr, size_t len)
 * int copyout(const void *kaddr, void *uaddr, size_t len)
 *
 * Copy between the current process's user space and the kernel.  The
 * user range must lie wholly below VM_MAXUSER_ADDRESS; a page fault on
 * it is handled as the process's own fault would be (trap.c), and one
 * that cannot be resolved resumes at copy_fault through pcb_onfault.
 * Both return 0 or EFAULT.
 */
	.globl	copyin
	.type	copyin, @function
copyin:
	pushl	%esi
	pushl	%edi
	movl	12(%esp), %esi
	movl	16(%esp), %edi
	movl	20(%esp), %ecx
	movl	%esi, %edx
	jmp	copy_common
	.size	copyin, . - copyin

	.globl	copyout
	.type	copyout, @function
copyout:
	pushl	%esi
	pushl	%edi
	movl	12(%esp), %esi
	movl	16(%esp), %edi
	movl	20(%esp), %ecx
	movl	%edi, %edx
	/* FALLTHROUGH */
copy_common:
	/* %edx is the user address: check [edx, edx + ecx) is user space. */
	addl	%ecx, %edx
	jc	copy_efault
	cmpl	$VM_MAXUSER_ADDRESS, %edx
	ja	copy_efault
	movl	curpcb, %eax
	movl	$copy_fault, PCB_ONFAULT(%eax)
	movl	%ecx, %edx
	shrl	$2, %ecx
	rep movsl
	movl	%edx, %ecx
	andl	$3, %ecx
	rep movsb
	movl	curpcb, %eax
	movl	$0, PCB_ONFAULT(%eax)
	popl	%edi
	popl	%esi
	xorl	%eax, %eax
	ret
copy_fault:
	movl	curpcb, %eax
	movl	$0, PCB_ONFAULT(%eax)
copy_efault:
	popl	%edi
	popl	%esi
	movl	$EFAULT, %eax
	ret
	.size	copyout, . - copyout

/*
 * int copyinstr(const void *uaddr, char *kaddr, size_t maxlen,
 *     size_t *done)
 *
 * Copy a NUL-terminated string of at most maxlen bytes (the NUL
 * included) from user space.  Returns 0, EFAULT, or ENAMETOOLONG when
 * no NUL came within maxlen bytes.  *done, unless done is NULL, gets
 * the number of bytes copied, the NUL included.
 */
	.globl	copyinstr
	.type	copyinstr, @function
copyinstr:
	pushl	%esi
	pushl	%edi
	pushl	%ebx
	movl	16(%esp), %esi
	movl	20(%esp), %edi
	movl	24(%esp), %ecx
	movl	$VM_MAXUSER_ADDRESS, %edx
	subl	%esi, %edx			/* bytes below the top */
	jbe	copystr_efault
	movl	curpcb, %eax
	movl	$copystr_fault, PCB_ONFAULT(%eax)
	movl	%ecx, %ebx
1:	testl	%ecx, %ecx
	jz	copystr_toolong
	testl	%edx, %edx
	jz	copystr_fault
	lodsb
	stosb
	decl	%ecx
	decl	%edx
	testb	%al, %al
	jnz	1b
	xorl	%eax, %eax
	jmp	copystr_done
copystr_toolong:
	movl	$ENAMETOOLONG, %eax
	jmp	copystr_done
copystr_fault:
	movl	$EFAULT, %eax
copystr_done:
	movl	curpcb, %edx
	movl	$0, PCB_ONFAULT(%edx)
	subl	%ecx, %ebx			/* bytes copied */
	movl	28(%esp), %edx
	testl	%edx, %edx
	jz	2f
	movl	%ebx, (%edx)
2:	popl	%ebx
	popl	%edi
	popl	%esi
	ret
copystr_efault:
	movl	$EFAULT, %eax
	popl	%ebx
	popl	%edi
	popl	%esi
	ret
	.size	copyinstr, . - copyinstr

/*
 * The signal trampoline.  exec copies it to the top of every user stack
 * (PS_SIGCODE, sys/exec.h); a signal handler returns into it with %esp
 * at the sigframe's sf_signum (machdep.c), and it calls
 * sigreturn(sf_scp).  Should sigreturn fail, the process exits.
 */
	.text
	.globl	sigcode
sigcode:
	movl	8(%esp), %eax			/* sf_scp */
	pushl	%eax
	pushl	%eax				/* a dummy return address */
	movl	$SYS_sigreturn, %eax
	int	$0x80
	pushl	%eax
	pushl	%eax
	movl	$SYS_exit, %eax
	int	$0x80
esigcode:
	.data
	.align	4
	.globl	szsigcode
szsigcode:
	.long	esigcode - sigcode

/* The boot page directory, the KVA page tables and the boot stack. */
	.bss
	.align	PAGE_SIZE
	.globl	bootpd
bootpd:
	.space	PAGE_SIZE
	.globl	kvapt
kvapt:
	.space	KVA_NPT * PAGE_SIZE
	.globl	bootstack
bootstack:
	.space	BOOTSTACK_SIZE

	.section .note.GNU-stack, "", @progbits
