/*
 * machine/signal.h: the i386 signal context.
 *
 * When a signal is delivered, the kernel pushes a struct sigframe (see
 * sys/arch/i386/i386/machdep.c, sendsig()) on the user stack; it holds
 * this context, which sigreturn(2) validates and restores.
 */
#ifndef _MACHINE_SIGNAL_H_
#define _MACHINE_SIGNAL_H_

#include <sys/_types.h>

struct sigcontext {
	int		sc_onstack;	/* always 0: no signal stack */
	__sigset_t	sc_mask;	/* signal mask to restore */
	int		sc_esp;
	int		sc_ebp;
	int		sc_eip;
	int		sc_efl;
	int		sc_es;
	int		sc_ds;
	int		sc_cs;
	int		sc_ss;
	int		sc_edi;
	int		sc_esi;
	int		sc_ebx;
	int		sc_edx;
	int		sc_ecx;
	int		sc_eax;
	int		sc_gs;
	int		sc_fs;
	int		sc_trapno;
	int		sc_err;
	unsigned char	sc_fpstate[108];	/* fnsave image */
};

#endif /* !_MACHINE_SIGNAL_H_ */
