/*
 * subr_uio.c: moving data described by a struct uio.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/uio.h>

void
uio_init(struct uio *uio, struct iovec *iov, void *buf, size_t len,
    off_t off, enum uio_seg seg, enum uio_rw rw)
{

	iov->iov_base = buf;
	iov->iov_len = len;
	uio->uio_iov = iov;
	uio->uio_iovcnt = 1;
	uio->uio_offset = off;
	uio->uio_resid = len;
	uio->uio_segflg = seg;
	uio->uio_rw = rw;
}

/*
 * Copy up to n bytes between the kernel buffer cp and the uio's
 * buffers (to them for UIO_READ), advancing the uio.  Returns 0 or
 * EFAULT; on EFAULT the uio has advanced past what was copied.
 */
int
uiomove(void *cp, size_t n, struct uio *uio)
{
	struct iovec *iov;
	size_t cnt;
	int error = 0;

	while (n > 0 && uio->uio_resid > 0) {
		iov = uio->uio_iov;
		if (iov->iov_len == 0) {
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		cnt = umin(iov->iov_len, n);
		if (uio->uio_segflg == UIO_SYSSPACE) {
			if (uio->uio_rw == UIO_READ)
				memcpy(iov->iov_base, cp, cnt);
			else
				memcpy(cp, iov->iov_base, cnt);
		} else if (uio->uio_rw == UIO_READ)
			error = copyout(cp, iov->iov_base, cnt);
		else
			error = copyin(iov->iov_base, cp, cnt);
		if (error != 0)
			return (error);
		iov->iov_base = (char *)iov->iov_base + cnt;
		iov->iov_len -= cnt;
		uio->uio_resid -= cnt;
		uio->uio_offset += cnt;
		cp = (char *)cp + cnt;
		n -= cnt;
	}
	return (0);
}
