/*
 * ioctl.h: ioctl(2) and the commands Umbra's devices take.
 */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <sys/ioccom.h>
#include <sys/termios.h>

#ifndef _KERNEL
int	ioctl(int, unsigned long, ...);
#endif

#endif /* !_SYS_IOCTL_H_ */
