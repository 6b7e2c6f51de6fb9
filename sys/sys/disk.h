/*
 * disk.h: disks, as the rest of the kernel and userland see them.
 *
 * Every disk driver (wd.c: IDE/ATA; virtio_blk.c: virtio-blk) fills in
 * a struct disk per unit it finds and hands it to disk_attach().  From
 * then on the disk is known by its device number alone: the swap pager
 * (vm_swap.c's swap_io) and raw access to /dev/<name> put a dev_t in
 * bp->b_dev and call disk_strategy(), which checks the request and
 * passes it to the driver's dk_strategy.  The driver never sees a
 * request that is not whole sectors, inside the disk, and carried by
 * enough pages.
 *
 * Userland sees the disks as sysctl hw.disknames ("wd0,wd1,vd0") and
 * hw.diskstats, an array of struct diskstats.
 */
#ifndef _SYS_DISK_H_
#define _SYS_DISK_H_

#include <sys/_types.h>

#define	DISK_NAMELEN	8

/* Who moves a disk's data (ds_method). */
#define	DISK_PIO	1		/* the CPU, a word at a time */
#define	DISK_DMA	2		/* the IDE controller's bus master */
#define	DISK_VIRTIO	3		/* a virtio queue (DMA by the host) */

struct diskstats {
	int		ds_structsize;	/* sizeof(struct diskstats) */
	char		ds_name[DISK_NAMELEN];	/* "wd0" */
	int		ds_method;	/* DISK_*: how transfers move now */
	__uint32_t	ds_nsectors;	/* capacity, DEV_BSIZE sectors */
	__uint32_t	ds_reads;	/* transfers done, by direction */
	__uint32_t	ds_writes;
	__uint32_t	ds_flushes;	/* cache flushes */
	__uint32_t	ds_errors;	/* transfers failed */
	__uint32_t	ds_pio;		/* transfers moved by PIO */
	__uint32_t	ds_dma;		/* transfers moved by DMA or virtio */
	__uint32_t	ds_maxqueue;	/* most transfers ever queued */
	__uint32_t	ds_maxinflight;	/* most ever on the device at once */
	__uint64_t	ds_rbytes;	/* bytes read and written */
	__uint64_t	ds_wbytes;
};

#ifdef _KERNEL
#include <sys/types.h>

struct buf;
struct proc;
struct uio;

struct disk {
	char		dk_name[DISK_NAMELEN];	/* (c) "wd0" */
	dev_t		dk_dev;			/* (c) its device number */
	uint32_t	dk_nsectors;		/* (c) capacity */
	int		dk_method;		/* (c) DISK_* */
	void		(*dk_strategy)(struct disk *, struct buf *); /* (c) */
	void		*dk_softc;		/* (c) the driver's */
	u_int		dk_busy;		/* (i) transfers in flight */
	struct diskstats dk_stats;		/* (i) */
};

void	disk_attach(struct disk *);
int	disk_size(dev_t, uint32_t *);
void	disk_strategy(struct buf *);
void	disk_done(struct disk *, struct buf *, int, int);
int	diskopen(dev_t, int, struct proc *);
int	diskrw(dev_t, struct uio *, int);
int	diskioctl(dev_t, u_long, void *, int, struct proc *);
#endif /* _KERNEL */

#endif /* !_SYS_DISK_H_ */
