/*
 * buf.h: a disk transfer request.
 *
 * Umbra has no buffer cache: a buf only carries one transfer between
 * whole pages of memory and consecutive sectors of a disk, for the swap
 * pager and for raw I/O on /dev/wd0 and the other disks.  The caller
 * fills in the disk, the pages, the first sector and the length, and
 * hands the buf to disk_strategy() (sys/disk.h), which gives it to the
 * disk's driver; the driver queues it and returns at once.  The pages
 * go to the disk as they are: a driver that does DMA puts their
 * physical addresses in its descriptors.  When the transfer is over
 * the driver calls biodone() from its interrupt handler, which either
 * calls b_iodone (asynchronous requests; it must not sleep) or wakes
 * whoever sleeps in biowait().
 */
#ifndef _SYS_BUF_H_
#define _SYS_BUF_H_

#include <sys/types.h>
#include <sys/queue.h>

#define	MAXPHYS		(64 * 1024)		/* largest transfer */
#define	BUF_MAXPAGES	(MAXPHYS / 4096)

struct vm_page;

struct buf {
	TAILQ_ENTRY(buf) b_link;		/* (i) on the driver's queue */
	int		b_flags;		/* (i) B_* */
	int		b_error;		/* errno when B_ERROR */
	dev_t		b_dev;			/* the disk */
	uint32_t	b_blkno;		/* first sector (DEV_BSIZE) */
	size_t		b_bcount;		/* bytes to move */
	int		b_npages;
	struct vm_page	*b_pages[BUF_MAXPAGES];	/* the memory, in order */
	void		(*b_iodone)(struct buf *); /* async completion */
	void		*b_private;		/* for b_iodone */
	TAILQ_ENTRY(buf) b_donelink;		/* for b_iodone's use */
};

#define	B_READ		0x0001		/* from the disk to memory */
#define	B_WRITE		0x0000		/* from memory to the disk */
#define	B_DONE		0x0002		/* the transfer is over */
#define	B_ERROR		0x0004		/* ... and failed: b_error */
#define	B_FLUSH		0x0008		/* no data: flush the disk's cache */

int	biowait(struct buf *);
void	biodone(struct buf *);

#endif /* !_SYS_BUF_H_ */
