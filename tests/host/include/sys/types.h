/*
 * sys/types.h, for the host tests only.
 *
 * sys/libkern includes <sys/types.h>, which in Umbra is the ILP32
 * header of sys/sys.  To build libkern for the 64-bit host, tests/host
 * puts this directory first on the include path: the few names libkern
 * uses come from the host's own headers instead.
 */
#ifndef _HOSTTEST_SYS_TYPES_H_
#define _HOSTTEST_SYS_TYPES_H_

#include <stddef.h>
#include <stdint.h>

#endif /* !_HOSTTEST_SYS_TYPES_H_ */
