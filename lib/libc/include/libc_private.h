/*
 * libc_private.h: interfaces between the parts of lib/libc that
 * programs should not use.  Kept apart from the public headers; a
 * program that includes this gets no promise that it stays the same.
 */
#ifndef _LIBC_PRIVATE_H_
#define _LIBC_PRIVATE_H_

#include <sys/types.h>

/*
 * Set by stdio when a stream first holds output (stdio/findfp.c), and
 * called by exit() to flush every stream.  NULL while no stream was
 * used, so that a program without stdio does not link it in.
 */
extern void	(*__cleanup)(void);

/* The program's name, set by crt0 from argv[0] (gen/getprogname.c). */
extern const char *__progname;

/* System call stubs with a library function of the public name. */
int	__sysctl(const int *, u_int, void *, size_t *, const void *, size_t);
int	__getcwd(char *, size_t);

#endif /* !_LIBC_PRIVATE_H_ */
