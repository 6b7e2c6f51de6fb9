/*
 * stdarg.h: variable argument lists, on the compiler's builtins.
 *
 * va_list is the compiler's __builtin_va_list (through <sys/_types.h>),
 * so a va_list may be passed to the v* functions (vprintf and friends)
 * which take it under the reserved name __va_list.
 */
#ifndef _STDARG_H_
#define _STDARG_H_

#include <sys/_types.h>

#ifndef _VA_LIST_DECLARED
#define _VA_LIST_DECLARED
typedef __va_list	va_list;
#endif

#define va_start(ap, last)	__builtin_va_start((ap), last)
#define va_arg(ap, type)	__builtin_va_arg((ap), type)
#define va_end(ap)		__builtin_va_end(ap)
#define va_copy(dst, src)	__builtin_va_copy((dst), (src))
#define __va_copy(dst, src)	__builtin_va_copy((dst), (src))

#endif /* !_STDARG_H_ */
