/*
 * setjmp.S: non-local jumps: setjmp/longjmp, _setjmp/_longjmp and
 * sigsetjmp/siglongjmp.
 *
 * A jmp_buf (an int[_JBLEN], see <setjmp.h>) holds, by word:
 *
 *	0 return address	4 %esi
 *	1 %ebx			5 %edi
 *	2 %esp after return	6 x87 control word
 *	3 %ebp			7 non-zero if 8 holds a signal mask
 *				8 the signal mask
 *
 * setjmp saves the signal mask (the BSD rule), _setjmp does not, and
 * sigsetjmp does when its second argument is non-zero.  longjmp and
 * siglongjmp restore the mask when it was saved; _longjmp never does.
 * The jump returns its second argument from the setjmp call, or 1 if
 * that is 0.  The mask is read and set with sigprocmask(2); its
 * SIG_BLOCK and SIG_SETMASK values (1 and 3, <sys/signal.h>) appear as
 * numbers because that header is C.
 */

#define	JB_EIP		0
#define	JB_EBX		4
#define	JB_ESP		8
#define	JB_EBP		12
#define	JB_ESI		16
#define	JB_EDI		20
#define	JB_FPCW		24
#define	JB_SAVEMASK	28
#define	JB_MASK		32

#define	SIG_BLOCK_	1
#define	SIG_SETMASK_	3

	.text

/* int setjmp(jmp_buf env): save the mask, then the registers. */
	.globl	setjmp
	.type	setjmp, @function
setjmp:
	movl	4(%esp), %ecx
	movl	$1, JB_SAVEMASK(%ecx)
	jmp	.Lsavemask
	.size	setjmp, . - setjmp

/* int sigsetjmp(sigjmp_buf env, int savemask) */
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	movl	4(%esp), %ecx
	movl	8(%esp), %eax
	movl	%eax, JB_SAVEMASK(%ecx)
	testl	%eax, %eax
	jz	.Lsave
.Lsavemask:
	/* sigprocmask(SIG_BLOCK, NULL, &env[JB_MASK]) reads the mask. */
	leal	JB_MASK(%ecx), %eax
	pushl	%eax
	pushl	$0
	pushl	$SIG_BLOCK_
	call	sigprocmask
	addl	$12, %esp
	movl	4(%esp), %ecx
	jmp	.Lsave
	.size	sigsetjmp, . - sigsetjmp

/* int _setjmp(jmp_buf env): the registers only. */
	.globl	_setjmp
	.type	_setjmp, @function
_setjmp:
	movl	4(%esp), %ecx
	movl	$0, JB_SAVEMASK(%ecx)
.Lsave:
	movl	(%esp), %edx
	movl	%edx, JB_EIP(%ecx)
	movl	%ebx, JB_EBX(%ecx)
	leal	4(%esp), %edx
	movl	%edx, JB_ESP(%ecx)
	movl	%ebp, JB_EBP(%ecx)
	movl	%esi, JB_ESI(%ecx)
	movl	%edi, JB_EDI(%ecx)
	fnstcw	JB_FPCW(%ecx)
	xorl	%eax, %eax
	ret
	.size	_setjmp, . - _setjmp

/* void longjmp(jmp_buf env, int val), siglongjmp: the mask if saved. */
	.globl	longjmp
	.type	longjmp, @function
	.globl	siglongjmp
	.type	siglongjmp, @function
longjmp:
siglongjmp:
	movl	4(%esp), %ecx
	cmpl	$0, JB_SAVEMASK(%ecx)
	je	.Lrestore
	/* sigprocmask(SIG_SETMASK, &env[JB_MASK], NULL) */
	leal	JB_MASK(%ecx), %eax
	pushl	$0
	pushl	%eax
	pushl	$SIG_SETMASK_
	call	sigprocmask
	addl	$12, %esp
	jmp	.Lrestore
	.size	longjmp, . - longjmp
	.size	siglongjmp, . - siglongjmp

/* void _longjmp(jmp_buf env, int val): never the mask. */
	.globl	_longjmp
	.type	_longjmp, @function
_longjmp:
.Lrestore:
	movl	4(%esp), %ecx
	movl	8(%esp), %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax			/* setjmp never returns 0 twice */
1:	fldcw	JB_FPCW(%ecx)
	movl	JB_EBX(%ecx), %ebx
	movl	JB_EBP(%ecx), %ebp
	movl	JB_ESI(%ecx), %esi
	movl	JB_EDI(%ecx), %edi
	movl	JB_ESP(%ecx), %esp
	jmp	*JB_EIP(%ecx)
	.size	_longjmp, . - _longjmp

	.section .note.GNU-stack,"",@progbits
