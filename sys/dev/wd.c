/*
 * wd.c: the IDE/ATA disk, the swap device.  Not attached yet: the
 * device node exists, and opening it says there is no disk.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/uio.h>

int	wdopen(dev_t, int, struct proc *);
int	wdrw(dev_t, struct uio *, int);

int
wdopen(dev_t dev, int flag, struct proc *p)
{

	return (ENXIO);
}

int
wdrw(dev_t dev, struct uio *uio, int flag)
{

	return (ENODEV);
}
