/*
 * cons.c: the character device switch, and its two simplest devices:
 * the console (the serial line's tty) and /dev/null.  Every disk's
 * entry points are the disk layer's (sys/kern/subr_disk.c).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/conf.h>
#include <sys/disk.h>
#include <sys/errno.h>
#include <sys/tty.h>
#include <sys/uio.h>

static int
cnopen(dev_t dev, int flag, struct proc *p)
{

	return (0);
}

static int
cnread(dev_t dev, struct uio *uio, int flag)
{

	return (tty_read(&constty, uio, flag));
}

static int
cnwrite(dev_t dev, struct uio *uio, int flag)
{

	return (tty_write(&constty, uio, flag));
}

static int
cnioctl(dev_t dev, u_long com, void *data, int flag, struct proc *p)
{

	return (tty_ioctl(&constty, com, data, flag, p));
}

static int
nullread(dev_t dev, struct uio *uio, int flag)
{

	return (0);
}

static int
nullwrite(dev_t dev, struct uio *uio, int flag)
{

	uio->uio_resid = 0;
	return (0);
}

static int
noioctl(dev_t dev, u_long com, void *data, int flag, struct proc *p)
{

	return (ENOTTY);
}

const struct cdevsw cdevsw[] = {
	[CDEV_CONSOLE] = { "console", cnopen, cnopen, cnread, cnwrite,
	    cnioctl },
	[CDEV_NULL] = { "null", cnopen, cnopen, nullread, nullwrite,
	    noioctl },
	[CDEV_WD] = { "wd", diskopen, cnopen, diskrw, diskrw, diskioctl },
	[CDEV_VD] = { "vd", diskopen, cnopen, diskrw, diskrw, diskioctl },
};
const int ncdevsw = nitems(cdevsw);
