/*
 * conf.h: the character device switch.  A device number is
 * makedev(major, minor); cdevsw[major] holds the driver's operations.
 */
#ifndef _SYS_CONF_H_
#define _SYS_CONF_H_

#include <sys/types.h>

struct proc;
struct uio;

struct cdevsw {
	const char	*d_name;
	int	(*d_open)(dev_t, int, struct proc *);
	int	(*d_close)(dev_t, int, struct proc *);
	int	(*d_read)(dev_t, struct uio *, int);
	int	(*d_write)(dev_t, struct uio *, int);
	int	(*d_ioctl)(dev_t, u_long, void *, int, struct proc *);
};

#define	major(d)	(((d) >> 8) & 0xff)
#define	minor(d)	((d) & 0xff)
#define	makedev(M, m)	(((M) << 8) | (m))

#define	CDEV_CONSOLE	0
#define	CDEV_NULL	1
#define	CDEV_WD		2	/* IDE disks: unit = channel * 2 + drive */
#define	CDEV_VD		3	/* virtio-blk disks, in PCI order */

extern const struct cdevsw cdevsw[];
extern const int ncdevsw;

#endif /* !_SYS_CONF_H_ */
