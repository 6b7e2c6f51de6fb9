/*
 * setjmp.h: non-local jumps (lib/libc/arch/i386/setjmp.S).
 *
 * As in BSD, setjmp/longjmp save and restore the signal mask, while
 * _setjmp/_longjmp leave it alone; sigsetjmp saves it only when asked.
 * A jmp_buf holds the callee-saved registers, the stack pointer, the
 * return address, the x87 control word and the mask.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#define _JBLEN	10

typedef int	jmp_buf[_JBLEN];
typedef int	sigjmp_buf[_JBLEN];

int	setjmp(jmp_buf) __attribute__((__returns_twice__));
void	longjmp(jmp_buf, int) __attribute__((__noreturn__));
int	_setjmp(jmp_buf) __attribute__((__returns_twice__));
void	_longjmp(jmp_buf, int) __attribute__((__noreturn__));
int	sigsetjmp(sigjmp_buf, int) __attribute__((__returns_twice__));
void	siglongjmp(sigjmp_buf, int) __attribute__((__noreturn__));

#endif /* !_SETJMP_H_ */
