/*
 * ioccom.h: the encoding of ioctl(2) commands, as in 4.4BSD.
 *
 * A command holds the direction in its top bits, the size of the
 * argument in bits 16..28, a group letter and a number: the kernel's
 * ioctl() copies the argument in and out by itself, so drivers see a
 * kernel buffer.
 */
#ifndef _SYS_IOCCOM_H_
#define _SYS_IOCCOM_H_

#define	IOCPARM_MASK	0x1fff
#define	IOCPARM_LEN(x)	(((x) >> 16) & IOCPARM_MASK)
#define	IOCGROUP(x)	(((x) >> 8) & 0xff)
#define	IOC_VOID	0x20000000U	/* no parameters */
#define	IOC_OUT		0x40000000U	/* copy out parameters */
#define	IOC_IN		0x80000000U	/* copy in parameters */
#define	IOC_INOUT	(IOC_IN | IOC_OUT)
#define	IOC_DIRMASK	0xe0000000U

#define	_IOC(inout, group, num, len) \
	((unsigned long)((inout) | (((len) & IOCPARM_MASK) << 16) | \
	    ((group) << 8) | (num)))
#define	_IO(g, n)	_IOC(IOC_VOID, (g), (n), 0)
#define	_IOR(g, n, t)	_IOC(IOC_OUT, (g), (n), sizeof(t))
#define	_IOW(g, n, t)	_IOC(IOC_IN, (g), (n), sizeof(t))
#define	_IOWR(g, n, t)	_IOC(IOC_INOUT, (g), (n), sizeof(t))

#endif /* !_SYS_IOCCOM_H_ */
