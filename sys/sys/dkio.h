/*
 * dkio.h: disk ioctls (NetBSD's names).
 *
 * DIOCCACHESYNC makes the disk write its cache to stable storage (ATA
 * FLUSH CACHE).  The tests also use it as a marker that QEMU's blkdebug
 * can see, to start injecting errors at a moment the guest chooses.
 */
#ifndef _SYS_DKIO_H_
#define _SYS_DKIO_H_

#include <sys/ioccom.h>

#define	DIOCCACHESYNC	_IOW('d', 118, int)	/* sync the cache */

#endif /* !_SYS_DKIO_H_ */
