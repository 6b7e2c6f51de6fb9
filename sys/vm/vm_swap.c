/*
 * vm_swap.c: swap devices: swapon(2).  No disk driver is attached yet,
 * so there is nothing to swap on: swapon checks its caller and its
 * argument and then reports that the device is not configured.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>

int	suser(struct proc *);

int
sys_swapon(struct proc *p, struct swapon_args *uap, register_t *retval)
{
	struct vnode *vp;
	char *path;
	int error;

	if ((error = suser(p)) != 0)
		return (error);
	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = copyinstr(uap->name, path, MAXPATHLEN, NULL);
	if (error == 0)
		error = namei(p, path, &vp);
	free(path, M_TEMP);
	if (error != 0)
		return (error);
	if (vp->v_type != VCHR)
		return (ENOTBLK);
	return (ENXIO);
}
