/*
 * uio.h: a description of a transfer between the kernel and a buffer in
 * user or kernel space, which uiomove() advances as it copies.
 */
#ifndef _SYS_UIO_H_
#define _SYS_UIO_H_

#include <sys/types.h>

struct iovec {
	void	*iov_base;
	size_t	iov_len;
};

enum uio_rw { UIO_READ, UIO_WRITE };
enum uio_seg { UIO_USERSPACE, UIO_SYSSPACE };

struct uio {
	struct iovec	*uio_iov;	/* the buffers */
	int		uio_iovcnt;
	off_t		uio_offset;	/* file offset */
	size_t		uio_resid;	/* bytes left to move */
	enum uio_seg	uio_segflg;	/* where the buffers are */
	enum uio_rw	uio_rw;		/* UIO_READ: kernel to buffer */
};

#ifdef _KERNEL
int	uiomove(void *, size_t, struct uio *);
void	uio_init(struct uio *, struct iovec *, void *, size_t, off_t,
	    enum uio_seg, enum uio_rw);
#endif

#endif /* !_SYS_UIO_H_ */
