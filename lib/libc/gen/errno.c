/*
 * errno.c: the one errno of the process.
 *
 * <errno.h> (through <sys/errno.h>) declares it as a plain int: Umbra
 * processes have a single thread.  __cerror (arch/i386/cerror.S) stores
 * into it when a system call fails; nothing ever resets it to 0.
 */
#include <errno.h>

int	errno;
