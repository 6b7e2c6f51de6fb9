/*
 * cerror.S: the failure path shared by every system call stub.
 *
 * A stub (build/gen/syscalls.S, generated from syscalls.master) jumps
 * here when the kernel returns with the carry flag set and the error
 * number in %eax.  __cerror stores it in errno and returns -1 in %eax
 * and %edx (so that 64-bit results such as lseek's read as -1 too) to
 * the stub's caller.
 */

	.text
	.globl	__cerror
	.type	__cerror, @function
__cerror:
	movl	%eax, errno
	movl	$-1, %eax
	movl	$-1, %edx
	ret
	.size	__cerror, . - __cerror

	.section .note.GNU-stack,"",@progbits
