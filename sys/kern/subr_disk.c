/*
 * subr_disk.c: the disk layer between the drivers and their users.
 *
 * Drivers register each disk they find with disk_attach() (see
 * sys/disk.h).  Users name a disk by its device number only:
 *
 *	disk_strategy(bp)	start the transfer bp describes on disk
 *				bp->b_dev; it ends in biodone(), from the
 *				driver's interrupt (or at once, with an
 *				error, for a request no disk could do)
 *	disk_size(dev, &n)	is dev a disk, and how many sectors
 *	biowait(bp)		sleep until a transfer is over
 *
 * The character devices /dev/wd0, /dev/vd0, ... all come here too
 * (cdevsw in cons.c): raw reads and writes through kernel pages, and
 * the ioctl DIOCCACHESYNC.  A disk used for swap takes no raw writes
 * (EBUSY), so nobody can scribble over paged-out memory.
 *
 * Statistics per disk (transfers, bytes, errors, how the data moved,
 * the deepest queue) are kept here, in disk_done(), which every driver
 * calls when a transfer is over; sysctl hw.diskstats shows them.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/disk.h>
#include <sys/dkio.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/uio.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

#define	NDISK		8

static struct disk *disks[NDISK];
static int ndisks;
static char disknames[NDISK * DISK_NAMELEN];	/* "wd0,wd1,vd0" */

int	swap_dev_busy(dev_t);

/* Make dk known; the driver has filled in its name, device and size. */
void
disk_attach(struct disk *dk)
{

	if (ndisks == NDISK) {
		printf("%s: too many disks, ignored\n", dk->dk_name);
		return;
	}
	dk->dk_busy = 0;
	memset(&dk->dk_stats, 0, sizeof(dk->dk_stats));
	dk->dk_stats.ds_structsize = sizeof(dk->dk_stats);
	strlcpy(dk->dk_stats.ds_name, dk->dk_name, DISK_NAMELEN);
	dk->dk_stats.ds_method = dk->dk_method;
	dk->dk_stats.ds_nsectors = dk->dk_nsectors;
	disks[ndisks++] = dk;
	if (disknames[0] != '\0')
		strlcat(disknames, ",", sizeof(disknames));
	strlcat(disknames, dk->dk_name, sizeof(disknames));
}

/* The disk whose device number is dev, or NULL. */
static struct disk *
disk_lookup(dev_t dev)
{
	int i;

	for (i = 0; i < ndisks; i++)
		if (disks[i]->dk_dev == dev)
			return (disks[i]);
	return (NULL);
}

/*
 * Is dev a disk?  0 and its capacity in sectors in *nsectors; ENODEV if
 * dev's driver drives no disks (the console, /dev/null); ENXIO if it is
 * a disk unit nobody found at boot.
 */
int
disk_size(dev_t dev, uint32_t *nsectors)
{
	struct disk *dk;

	if (major(dev) >= ncdevsw || cdevsw[major(dev)].d_open != diskopen)
		return (ENODEV);
	if ((dk = disk_lookup(dev)) == NULL)
		return (ENXIO);
	*nsectors = dk->dk_nsectors;
	return (0);
}

/*
 * Start a transfer on disk bp->b_dev.  A request for no disk (ENXIO),
 * or not of whole sectors, or beyond the disk's end, or with fewer
 * pages than bytes, or larger than MAXPHYS (EINVAL) ends at once, in
 * biodone.  A B_FLUSH request moves no data and needs no pages.
 */
void
disk_strategy(struct buf *bp)
{
	struct disk *dk = disk_lookup(bp->b_dev);
	u_int nsect = bp->b_bcount / DEV_BSIZE;
	int error = 0, s;

	bp->b_flags &= ~(B_DONE | B_ERROR);
	bp->b_error = 0;
	if (dk == NULL)
		error = ENXIO;
	else if ((bp->b_flags & B_FLUSH) == 0 && (nsect == 0 ||
	    bp->b_bcount % DEV_BSIZE != 0 || bp->b_bcount > MAXPHYS ||
	    bp->b_npages > BUF_MAXPAGES ||
	    bp->b_bcount > (size_t)bp->b_npages * PAGE_SIZE ||
	    bp->b_blkno >= dk->dk_nsectors ||
	    nsect > dk->dk_nsectors - bp->b_blkno))
		error = EINVAL;
	s = splbio();
	if (error != 0) {
		bp->b_flags |= B_ERROR;
		bp->b_error = error;
		biodone(bp);
	} else {
		if (++dk->dk_busy > dk->dk_stats.ds_maxqueue)
			dk->dk_stats.ds_maxqueue = dk->dk_busy;
		dk->dk_strategy(dk, bp);
	}
	splx(s);
}

/*
 * The driver is done with bp (error 0 or an errno; method DISK_PIO or
 * DISK_DMA says how the data moved): count it and tell its owner.
 * Called with interrupts blocked.
 */
void
disk_done(struct disk *dk, struct buf *bp, int error, int method)
{
	struct diskstats *ds = &dk->dk_stats;

	KASSERT(dk->dk_busy > 0, ("disk_done: %s is idle", dk->dk_name));
	dk->dk_busy--;
	if (bp->b_flags & B_FLUSH)
		ds->ds_flushes++;
	else if (bp->b_flags & B_READ) {
		ds->ds_reads++;
		ds->ds_rbytes += bp->b_bcount;
	} else {
		ds->ds_writes++;
		ds->ds_wbytes += bp->b_bcount;
	}
	if ((bp->b_flags & B_FLUSH) == 0) {
		if (method == DISK_PIO)
			ds->ds_pio++;
		else
			ds->ds_dma++;
	}
	if (error != 0) {
		ds->ds_errors++;
		bp->b_flags |= B_ERROR;
		bp->b_error = error;
	}
	biodone(bp);
}

/* A transfer is over: tell its owner.  Called with interrupts blocked. */
void
biodone(struct buf *bp)
{

	bp->b_flags |= B_DONE;
	if (bp->b_iodone != NULL)
		bp->b_iodone(bp);
	else
		wakeup(bp);
}

/* Sleep until a synchronous transfer is over; its error, or 0. */
int
biowait(struct buf *bp)
{
	int s;

	s = splbio();
	while ((bp->b_flags & B_DONE) == 0)
		tsleep(bp, 0, "biowait", 0);
	splx(s);
	return ((bp->b_flags & B_ERROR) ? bp->b_error : 0);
}

/* open of /dev/<disk>: the disk must exist; no writing to swap. */
int
diskopen(dev_t dev, int flag, struct proc *p)
{

	if (disk_lookup(dev) == NULL)
		return (ENXIO);
	if ((flag & FWRITE) && swap_dev_busy(dev))
		return (EBUSY);
	return (0);
}

/* Copy n bytes between bp's pages and uio, whichever way uio goes. */
static int
diskrw_copy(struct buf *bp, size_t n, struct uio *uio)
{
	size_t done;
	int error = 0;

	for (done = 0; done < n && error == 0; done += PAGE_SIZE)
		error = uiomove(pmap_page_kva(bp->b_pages[done / PAGE_SIZE]),
		    umin(n - done, PAGE_SIZE), uio);
	return (error);
}

/*
 * Raw reads and writes of a disk, through kernel pages, at most MAXPHYS
 * bytes a transfer; the offset and length must be multiples of the
 * sector size (EINVAL).  At or past the end of the disk, a read or a
 * write moves nothing and returns 0 bytes.
 */
int
diskrw(dev_t dev, struct uio *uio, int flag)
{
	struct disk *dk = disk_lookup(dev);
	struct buf *bp;
	size_t n;
	int error = 0, npages, i;

	if (dk == NULL)
		return (ENXIO);
	if (uio->uio_offset % DEV_BSIZE != 0 || uio->uio_resid % DEV_BSIZE)
		return (EINVAL);
	if (uio->uio_rw == UIO_WRITE && swap_dev_busy(dev))
		return (EBUSY);
	npages = howmany(umin(uio->uio_resid, MAXPHYS), PAGE_SIZE);
	bp = malloc(sizeof(*bp), M_TEMP, M_WAITOK | M_ZERO);
	for (i = 0; i < npages; i++)
		while ((bp->b_pages[i] = vm_page_alloc(NULL, 0,
		    VM_ALLOC_NORMAL)) == NULL)
			vm_wait();
	while (uio->uio_resid > 0 && error == 0) {
		if (uio->uio_offset / DEV_BSIZE >= dk->dk_nsectors)
			break;				/* end of the disk */
		n = umin(uio->uio_resid, (size_t)npages * PAGE_SIZE);
		n = umin(n, (dk->dk_nsectors - uio->uio_offset / DEV_BSIZE) *
		    DEV_BSIZE);
		bp->b_dev = dev;
		bp->b_blkno = uio->uio_offset / DEV_BSIZE;
		bp->b_bcount = n;
		bp->b_npages = howmany(n, PAGE_SIZE);
		bp->b_iodone = NULL;
		if (uio->uio_rw == UIO_WRITE &&
		    (error = diskrw_copy(bp, n, uio)) != 0)
			break;
		bp->b_flags = uio->uio_rw == UIO_READ ? B_READ : B_WRITE;
		disk_strategy(bp);
		if ((error = biowait(bp)) != 0)
			break;
		if (uio->uio_rw == UIO_READ)
			error = diskrw_copy(bp, n, uio);
	}
	for (i = 0; i < npages; i++)
		vm_page_free(bp->b_pages[i]);
	free(bp, M_TEMP);
	return (error);
}

/* DIOCCACHESYNC: flush the disk's write cache, and wait for it. */
int
diskioctl(dev_t dev, u_long com, void *data, int flag, struct proc *p)
{
	struct buf buf;

	if (com != DIOCCACHESYNC)
		return (ENOTTY);
	memset(&buf, 0, sizeof(buf));
	buf.b_dev = dev;
	buf.b_flags = B_FLUSH;
	disk_strategy(&buf);
	return (biowait(&buf));
}

/* hw.diskstats: a struct diskstats per disk, in the order found. */
static int
sysctl_diskstats(SYSCTL_HANDLER_ARGS)
{
	struct diskstats ds;
	int i, s, error;

	if (req->newptr != NULL)
		return (EPERM);
	for (i = 0; i < ndisks; i++) {
		s = splbio();
		ds = disks[i]->dk_stats;
		splx(s);
		if ((error = SYSCTL_OUT(req, &ds, sizeof(ds))) != 0)
			return (error);
	}
	return (0);
}

SYSCTL_STRING(_hw, OID_AUTO, disknames, CTLFLAG_RD, disknames, 0,
    "The disks found at boot");
SYSCTL_PROC(_hw, OID_AUTO, diskstats, CTLTYPE_STRUCT | CTLFLAG_RD, NULL, 0,
    sysctl_diskstats, "S,diskstats", "Disk statistics");
