/*
 * vfs_vnops.c: the operations of an open vnode: a ramdisk file, a
 * directory, or a character device.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/conf.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vnode.h>

static int
vn_read(struct file *fp, struct uio *uio)
{
	struct vnode *vp = fp->f_data;
	off_t off = fp->f_offset;
	size_t n;
	int error;

	switch (vp->v_type) {
	case VDIR:
		return (EISDIR);
	case VCHR:
		error = cdevsw[major(vp->v_rdev)].d_read(vp->v_rdev, uio,
		    fp->f_flag);
		fp->f_offset = uio->uio_offset;
		return (error);
	case VREG:
		if (off >= vp->v_size)
			return (0);
		n = umin(uio->uio_resid, vp->v_size - off);
		error = uiomove((void *)(uintptr_t)(vp->v_data + off), n, uio);
		fp->f_offset = uio->uio_offset;
		return (error);
	default:
		return (EIO);
	}
}

static int
vn_write(struct file *fp, struct uio *uio)
{
	struct vnode *vp = fp->f_data;
	int error;

	if (vp->v_type != VCHR)
		return (EROFS);
	error = cdevsw[major(vp->v_rdev)].d_write(vp->v_rdev, uio, fp->f_flag);
	fp->f_offset = uio->uio_offset;
	return (error);
}

static int
vn_ioctl(struct file *fp, u_long com, void *data, struct proc *p)
{
	struct vnode *vp = fp->f_data;

	if (vp->v_type == VCHR)
		return (cdevsw[major(vp->v_rdev)].d_ioctl(vp->v_rdev, com,
		    data, fp->f_flag, p));
	return (ENOTTY);
}

static int
vn_statfile(struct file *fp, struct stat *sb)
{

	vn_stat(fp->f_data, sb);
	return (0);
}

static int
vn_closefile(struct file *fp)
{
	struct vnode *vp = fp->f_data;

	if (vp->v_type == VCHR)
		return (cdevsw[major(vp->v_rdev)].d_close(vp->v_rdev,
		    fp->f_flag, curproc));
	return (0);
}

const struct fileops vnops = {
	.fo_read = vn_read,
	.fo_write = vn_write,
	.fo_ioctl = vn_ioctl,
	.fo_stat = vn_statfile,
	.fo_close = vn_closefile,
};
