/*
 * assert.h: the assert() macro.
 *
 * Deliberately without an include guard: as C requires, each inclusion
 * redefines assert() according to whether NDEBUG is defined then.  A
 * failed assertion prints the expression, function, file and line on
 * stderr and calls abort().
 */
#undef assert

#ifdef NDEBUG
#define assert(e)	((void)0)
#else
#define assert(e)	((e) ? (void)0 : \
			    __assert(__func__, __FILE__, __LINE__, #e))
#endif

#ifndef _ASSERT_H_
#define _ASSERT_H_

#ifndef __cplusplus
#define static_assert	_Static_assert
#endif

void	__assert(const char *, const char *, int, const char *)
	    __attribute__((__noreturn__));

#endif /* !_ASSERT_H_ */
