/*
 * alloca.h: alloca(3), memory on the caller's stack frame that goes
 * away when the caller returns.  The compiler does it: no libc code.
 */
#ifndef _ALLOCA_H_
#define _ALLOCA_H_

#define alloca(size)	__builtin_alloca(size)

#endif /* !_ALLOCA_H_ */
