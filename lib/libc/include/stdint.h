/*
 * stdint.h: integer types of given widths and their limits (C99).
 *
 * The types are built from <sys/_types.h>.  <sys/types.h> defines the
 * exact-width ones too; they are skipped here when it came first (and
 * C11 allows the repetition the other way round).  i386 is ILP32: long
 * and pointers are 32 bits, and the "fast" types are int-sized as on
 * other i386 systems.
 */
#ifndef _STDINT_H_
#define _STDINT_H_

#include <sys/_types.h>

#if !defined(_SYS_TYPES_H_) && !defined(_INT8_T_DECLARED)
#define _INT8_T_DECLARED
typedef __int8_t	int8_t;
typedef __uint8_t	uint8_t;
typedef __int16_t	int16_t;
typedef __uint16_t	uint16_t;
typedef __int32_t	int32_t;
typedef __uint32_t	uint32_t;
typedef __int64_t	int64_t;
typedef __uint64_t	uint64_t;
typedef __intptr_t	intptr_t;
typedef __uintptr_t	uintptr_t;
#endif

typedef __int8_t	int_least8_t;
typedef __uint8_t	uint_least8_t;
typedef __int16_t	int_least16_t;
typedef __uint16_t	uint_least16_t;
typedef __int32_t	int_least32_t;
typedef __uint32_t	uint_least32_t;
typedef __int64_t	int_least64_t;
typedef __uint64_t	uint_least64_t;

typedef __int8_t	int_fast8_t;
typedef __uint8_t	uint_fast8_t;
typedef __int32_t	int_fast16_t;
typedef __uint32_t	uint_fast16_t;
typedef __int32_t	int_fast32_t;
typedef __uint32_t	uint_fast32_t;
typedef __int64_t	int_fast64_t;
typedef __uint64_t	uint_fast64_t;

typedef __int64_t	intmax_t;
typedef __uint64_t	uintmax_t;

#define INT8_MIN	(-0x7f - 1)
#define INT16_MIN	(-0x7fff - 1)
#define INT32_MIN	(-0x7fffffff - 1)
#define INT64_MIN	(-0x7fffffffffffffffLL - 1)
#define INT8_MAX	0x7f
#define INT16_MAX	0x7fff
#define INT32_MAX	0x7fffffff
#define INT64_MAX	0x7fffffffffffffffLL
#define UINT8_MAX	0xff
#define UINT16_MAX	0xffff
#define UINT32_MAX	0xffffffffU
#define UINT64_MAX	0xffffffffffffffffULL

#define INT_LEAST8_MIN		INT8_MIN
#define INT_LEAST16_MIN		INT16_MIN
#define INT_LEAST32_MIN		INT32_MIN
#define INT_LEAST64_MIN		INT64_MIN
#define INT_LEAST8_MAX		INT8_MAX
#define INT_LEAST16_MAX		INT16_MAX
#define INT_LEAST32_MAX		INT32_MAX
#define INT_LEAST64_MAX		INT64_MAX
#define UINT_LEAST8_MAX		UINT8_MAX
#define UINT_LEAST16_MAX	UINT16_MAX
#define UINT_LEAST32_MAX	UINT32_MAX
#define UINT_LEAST64_MAX	UINT64_MAX

#define INT_FAST8_MIN		INT8_MIN
#define INT_FAST16_MIN		INT32_MIN
#define INT_FAST32_MIN		INT32_MIN
#define INT_FAST64_MIN		INT64_MIN
#define INT_FAST8_MAX		INT8_MAX
#define INT_FAST16_MAX		INT32_MAX
#define INT_FAST32_MAX		INT32_MAX
#define INT_FAST64_MAX		INT64_MAX
#define UINT_FAST8_MAX		UINT8_MAX
#define UINT_FAST16_MAX		UINT32_MAX
#define UINT_FAST32_MAX		UINT32_MAX
#define UINT_FAST64_MAX		UINT64_MAX

#define INTPTR_MIN	INT32_MIN
#define INTPTR_MAX	INT32_MAX
#define UINTPTR_MAX	UINT32_MAX
#define INTMAX_MIN	INT64_MIN
#define INTMAX_MAX	INT64_MAX
#define UINTMAX_MAX	UINT64_MAX
#define PTRDIFF_MIN	INT32_MIN
#define PTRDIFF_MAX	INT32_MAX
#define SIZE_MAX	UINT32_MAX
#define SIG_ATOMIC_MIN	INT32_MIN
#define SIG_ATOMIC_MAX	INT32_MAX
#define WCHAR_MIN	__WCHAR_MIN__
#define WCHAR_MAX	__WCHAR_MAX__
#define WINT_MIN	INT32_MIN
#define WINT_MAX	INT32_MAX

#define INT8_C(c)	(c)
#define INT16_C(c)	(c)
#define INT32_C(c)	(c)
#define INT64_C(c)	(c ## LL)
#define UINT8_C(c)	(c)
#define UINT16_C(c)	(c)
#define UINT32_C(c)	(c ## U)
#define UINT64_C(c)	(c ## ULL)
#define INTMAX_C(c)	(c ## LL)
#define UINTMAX_C(c)	(c ## ULL)

#endif /* !_STDINT_H_ */
