/*
 * crt0.S: the entry point of every user program.
 *
 * The kernel starts a process at _start with %esp 16-byte aligned and
 * pointing at argc, followed by argv[0..argc-1], a NULL, envp[...] and
 * a NULL; the other registers hold nothing.  _start sets environ and
 * __progname (the last component of argv[0]), calls
 * main(argc, argv, envp) with the stack 16-byte aligned at the call,
 * as the i386 System V ABI asks, and passes main's return value to
 * exit(), which runs the atexit handlers, flushes stdio and never
 * returns.  This file is linked first, ahead of libc.a, and is not in
 * the library itself.
 */

	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* the outermost frame, for debuggers */
	movl	(%esp), %eax		/* argc */
	leal	4(%esp), %ebx		/* argv */
	leal	8(%esp,%eax,4), %ecx	/* envp: past argv's NULL */
	movl	%ecx, environ

	/* __progname = what follows the last '/' of argv[0], if any. */
	testl	%eax, %eax
	jz	3f
	movl	(%ebx), %esi
	testl	%esi, %esi
	jz	3f
	movl	%esi, %edi		/* start of the last component */
1:	movb	(%esi), %dl
	incl	%esi
	testb	%dl, %dl
	jz	2f
	cmpb	$'/', %dl
	jne	1b
	movl	%esi, %edi
	jmp	1b
2:	movl	%edi, __progname
3:
	andl	$-16, %esp		/* the kernel promises it; be sure */
	subl	$4, %esp		/* three words of arguments follow */
	pushl	%ecx
	pushl	%ebx
	pushl	%eax
	call	main
	movl	%eax, (%esp)		/* %esp is still 16-byte aligned */
	call	exit
	hlt				/* not reached: a fault if it is */
	.size	_start, . - _start

	.section .note.GNU-stack,"",@progbits
