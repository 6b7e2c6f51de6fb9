/*
 * stddef.h: the C standard's common definitions: size_t, ptrdiff_t,
 * wchar_t, max_align_t, NULL and offsetof().
 *
 * libc is built with -nostdinc, so this replaces the compiler's own
 * copy.  The sized types come from <sys/_types.h> (i386 is ILP32);
 * wchar_t follows the compiler's idea of L"" literals.
 */
#ifndef _STDDEF_H_
#define _STDDEF_H_

#include <sys/_types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t	size_t;
#endif

typedef __ptrdiff_t	ptrdiff_t;

#ifndef __cplusplus
#ifndef _WCHAR_T_DECLARED
#define _WCHAR_T_DECLARED
typedef __WCHAR_TYPE__	wchar_t;
#endif
#endif

/* The most strictly aligned scalar types, as the compiler aligns them. */
typedef struct {
	long long	__max_align_ll
	    __attribute__((__aligned__(__alignof__(long long))));
	long double	__max_align_ld
	    __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;

#ifndef NULL
#define NULL	((void *)0)
#endif

#define offsetof(type, member)	__builtin_offsetof(type, member)

#endif /* !_STDDEF_H_ */
