/*
 * vfs_vnops.c: the operations of an open vnode: a regular file (of
 * the ramdisk or of /tmp, through its file system's operations), a
 * directory, or a character device.  The open file holds a reference
 * on its vnode, dropped at the last close: a /tmp file removed while
 * open goes then (vnode.h).
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
		error = VOP_READ(vp, uio);
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

	switch (vp->v_type) {
	case VCHR:
		error = cdevsw[major(vp->v_rdev)].d_write(vp->v_rdev, uio,
		    fp->f_flag);
		break;
	case VREG:
		error = VOP_WRITE(vp, uio, (fp->f_flag & FAPPEND) ?
		    IO_APPEND : 0);
		break;
	default:
		return (EISDIR);
	}
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
	int error = 0;

	if (vp->v_type == VCHR)
		error = cdevsw[major(vp->v_rdev)].d_close(vp->v_rdev,
		    fp->f_flag, curproc);
	vrele(vp);
	return (error);
}

const struct fileops vnops = {
	.fo_read = vn_read,
	.fo_write = vn_write,
	.fo_ioctl = vn_ioctl,
	.fo_stat = vn_statfile,
	.fo_close = vn_closefile,
};
