/*
 * errno.h: the error numbers and errno itself.
 *
 * Both come from <sys/errno.h>, which the kernel shares: errno is a
 * plain int (Umbra processes have one thread), set by the system call
 * stubs through __cerror and by library functions; nothing clears it.
 */
#ifndef _ERRNO_H_
#define _ERRNO_H_

#include <sys/errno.h>

#endif /* !_ERRNO_H_ */
