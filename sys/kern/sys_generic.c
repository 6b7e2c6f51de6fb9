/*
 * sys_generic.c: read(2), write(2) and ioctl(2), which work on any
 * kind of open file through its operations.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/ioccom.h>
#include <sys/sysproto.h>
#include <sys/uio.h>

/* The largest single transfer: keeps the byte count an int. */
#define	IOSIZE_MAX	0x7fffffff

/*
 * A transfer interrupted after some bytes moved reports those bytes,
 * not the error, as 4.4BSD does.
 */
static int
rw_result(int error, struct uio *uio, size_t len, register_t *retval)
{

	if (error != 0 && uio->uio_resid != len &&
	    (error == ERESTART || error == EINTR || error == EWOULDBLOCK))
		error = 0;
	retval[0] = len - uio->uio_resid;
	return (error);
}

/*
 * The common part of read(2) and write(2): check the descriptor's mode
 * and the buffer, then let the file move the bytes.
 */
static int
dofilerw(struct proc *p, int fd, void *buf, size_t nbyte, enum uio_rw rw,
    register_t *retval)
{
	struct file *fp;
	struct uio uio;
	struct iovec iov;
	int error;

	if ((error = fd_getfile(p, fd, &fp)) != 0)
		return (error);
	if ((fp->f_flag & (rw == UIO_READ ? FREAD : FWRITE)) == 0)
		return (EBADF);
	if (nbyte > IOSIZE_MAX)
		return (EINVAL);
	if (!useracc_range(buf, nbyte))
		return (EFAULT);
	uio_init(&uio, &iov, buf, nbyte, fp->f_offset, UIO_USERSPACE, rw);
	if (rw == UIO_READ)
		error = fp->f_ops->fo_read(fp, &uio);
	else
		error = fp->f_ops->fo_write(fp, &uio);
	return (rw_result(error, &uio, nbyte, retval));
}

int
sys_read(struct proc *p, struct read_args *uap, register_t *retval)
{

	return (dofilerw(p, uap->fd, uap->buf, uap->nbyte, UIO_READ, retval));
}

int
sys_write(struct proc *p, struct write_args *uap, register_t *retval)
{

	return (dofilerw(p, uap->fd, (void *)(uintptr_t)uap->buf, uap->nbyte,
	    UIO_WRITE, retval));
}

/*
 * ioctl(fd, com, data): the argument's size and direction are encoded
 * in com (sys/ioccom.h), so the kernel copies it in and out here and
 * the file's ioctl works on a kernel buffer.
 */
int
sys_ioctl(struct proc *p, struct ioctl_args *uap, register_t *retval)
{
	struct file *fp;
	u_long com = uap->com;
	size_t size = IOCPARM_LEN(com);
	char buf[128];
	int error;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	if ((fp->f_flag & (FREAD | FWRITE)) == 0)
		return (EBADF);
	if (size > sizeof(buf))
		return (ENOTTY);
	memset(buf, 0, sizeof(buf));
	if ((com & IOC_IN) && size > 0 &&
	    (error = copyin(uap->data, buf, size)) != 0)
		return (error);
	if ((com & IOC_OUT) && size > 0 && !useracc_range(uap->data, size))
		return (EFAULT);
	if ((error = fp->f_ops->fo_ioctl(fp, com, buf, p)) != 0)
		return (error);
	if ((com & IOC_OUT) && size > 0)
		error = copyout(buf, uap->data, size);
	return (error);
}
