/*
 * doprnt.h: the formatting engine behind every printf(3) function.
 *
 * __doprnt(out, arg, fmt, ap) formats as printf does and hands the
 * result to out(arg, s, n) in pieces, in order; a piece is not
 * NUL-terminated.  out returns 0, or -1 to stop the formatting (with
 * errno set by out).  __doprnt returns the number of bytes produced,
 * or -1: when out failed, or (errno EOVERFLOW) when the count would
 * exceed INT_MAX.
 *
 * The engine knows nothing of FILEs, so it builds and is tested on the
 * host (tests/host) as it is.
 */
#ifndef _DOPRNT_H_
#define _DOPRNT_H_

#include <stdarg.h>
#include <stddef.h>

typedef int	(*__doprnt_out)(void *, const char *, size_t);

int	__doprnt(__doprnt_out, void *, const char *, va_list);

#endif /* !_DOPRNT_H_ */
