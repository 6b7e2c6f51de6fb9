/*
 * wd.c: the IDE/ATA disk on the primary channel (QEMU's first -drive),
 * which holds swap.
 *
 * Transfers are PIO, driven by interrupts: wdstrategy() queues a buf
 * and starts the disk if it is idle; each interrupt moves one sector
 * (reading it in, or writing the next one out) until the request is
 * done, then biodone() and the next request.  Nobody waits inside the
 * driver: callers sleep in biowait(), or get b_iodone called.
 *
 * Errors: a request the disk fails (ERR or DF in its status, as QEMU
 * reports an injected or host I/O error) completes with B_ERROR and
 * EIO, and the disk goes on with the next one.  A disk that does not
 * answer within WD_TIMEOUT seconds is reset and the request fails the
 * same way.  Nothing here panics.
 *
 * /dev/wd0 gives raw access for benchmarks (transfers of up to MAXPHYS
 * bytes, like the swap pager's clusters): reads always, writes only
 * while the disk is not used for swap (EBUSY otherwise).  Its ioctl
 * DIOCCACHESYNC flushes the disk's cache (a B_FLUSH request, which moves
 * no data).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/dkio.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/file.h>
#include <sys/proc.h>
#include <sys/uio.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

#define	WD_BASE		0x1f0		/* command block */
#define	WD_CTL		0x3f6		/* device control */
#define	WD_IRQ		14
#define	wd_data		0
#define	wd_error	1
#define	wd_seccnt	2
#define	wd_lba0		3
#define	wd_lba1		4
#define	wd_lba2		5
#define	wd_sdh		6		/* drive select, LBA bits 24-27 */
#define	wd_status	7		/* read: status; write: command */

#define	WDS_BSY		0x80
#define	WDS_DRDY	0x40
#define	WDS_DF		0x20
#define	WDS_DRQ		0x08
#define	WDS_ERR		0x01

#define	WDCTL_NIEN	0x02		/* no interrupts */
#define	WDCTL_SRST	0x04		/* software reset */

#define	WDCC_READ	0x20
#define	WDCC_WRITE	0x30
#define	WDCC_IDENTIFY	0xec
#define	WDCC_FLUSHCACHE	0xe7

#define	WD_TIMEOUT	5		/* seconds for one request */
#define	SECTORS_PER_PAGE (PAGE_SIZE / DEV_BSIZE)

static struct {
	int		present;
	uint32_t	nsectors;	/* capacity */
	char		model[41];
	TAILQ_HEAD(, buf) queue;	/* (i) requests; the first is active */
	u_int		done;		/* (i) sectors of it moved so far */
	u_int		total;		/* (i) sectors it moves */
	struct callout	watchdog;
	u_int		errors;		/* requests failed */
} wd;

int	wdopen(dev_t, int, struct proc *);
int	wdrw(dev_t, struct uio *, int);
int	wdioctl(dev_t, u_long, void *, int, struct proc *);
int	swap_dev_busy(dev_t);

/* Poll until BSY clears; returns the status, or -1 after `loops'. */
static int
wd_wait(int loops)
{
	int st;

	while (loops-- > 0) {
		st = inb(WD_BASE + wd_status);
		if ((st & WDS_BSY) == 0)
			return (st);
	}
	return (-1);
}

/*
 * Move sector i of the active request between the data port and its
 * page (out: to the disk), through a temporary mapping of the page: it
 * may be above the direct map (sys/vm/pmap.h).
 */
static void
wd_pio(struct buf *bp, u_int i, bool out)
{
	char *va, *p;

	va = pmap_quick_enter_page(bp->b_pages[i / SECTORS_PER_PAGE]);
	p = va + (i % SECTORS_PER_PAGE) * DEV_BSIZE;
	if (out)
		outsw(WD_BASE + wd_data, p, DEV_BSIZE / 2);
	else
		insw(WD_BASE + wd_data, p, DEV_BSIZE / 2);
	pmap_quick_remove_page(va);
}

static void wd_finish(struct buf *, int);

/* The watchdog: the active request took too long. */
static void
wd_timeout(void *arg)
{

	wd_finish(NULL, EIO);
}

/* Issue the command for the request at the head of the queue.  (i) */
static void
wd_start(void)
{
	struct buf *bp = TAILQ_FIRST(&wd.queue);
	uint32_t lba;
	int st;

	if (bp == NULL)
		return;
	lba = bp->b_blkno;
	wd.done = 0;
	wd.total = bp->b_bcount / DEV_BSIZE;
	if (wd_wait(100000) < 0) {
		wd_finish(bp, EIO);
		return;
	}
	callout_reset(&wd.watchdog, WD_TIMEOUT * hz, wd_timeout, NULL);
	if (bp->b_flags & B_FLUSH) {
		outb(WD_BASE + wd_sdh, 0xe0);
		outb(WD_BASE + wd_status, WDCC_FLUSHCACHE);
		return;
	}
	outb(WD_BASE + wd_sdh, 0xe0 | ((lba >> 24) & 0x0f));
	outb(WD_BASE + wd_seccnt, wd.total & 0xff);
	outb(WD_BASE + wd_lba0, lba & 0xff);
	outb(WD_BASE + wd_lba1, (lba >> 8) & 0xff);
	outb(WD_BASE + wd_lba2, (lba >> 16) & 0xff);
	if (bp->b_flags & B_READ) {
		outb(WD_BASE + wd_status, WDCC_READ);
		return;
	}
	outb(WD_BASE + wd_status, WDCC_WRITE);
	/* The first sector goes out as soon as the disk asks for it. */
	st = wd_wait(100000);
	if (st < 0 || (st & (WDS_ERR | WDS_DF)) || (st & WDS_DRQ) == 0) {
		wd_finish(bp, EIO);
		return;
	}
	wd_pio(bp, 0, true);
	wd.done = 1;
}

/*
 * The active request is over (error 0 or an errno); with bp NULL, the
 * watchdog fired: reset the disk and fail the request.  Starts the next
 * request.  (i)
 */
static void
wd_finish(struct buf *bp, int error)
{
	int s;

	s = splbio();
	if (bp == NULL) {
		if ((bp = TAILQ_FIRST(&wd.queue)) == NULL) {
			splx(s);
			return;
		}
		printf("wd0: timeout, resetting the disk\n");
		outb(WD_CTL, WDCTL_SRST);
		outb(WD_CTL, 0);
		(void)wd_wait(1000000);
		error = EIO;
	}
	callout_stop(&wd.watchdog);
	TAILQ_REMOVE(&wd.queue, bp, b_link);
	if (error != 0) {
		bp->b_flags |= B_ERROR;
		bp->b_error = error;
		wd.errors++;
	}
	biodone(bp);
	wd_start();
	splx(s);
}

static void
wdintr(void *arg, struct trapframe *tf)
{
	struct buf *bp = TAILQ_FIRST(&wd.queue);
	int st;

	st = inb(WD_BASE + wd_status);		/* acknowledges it */
	if (bp == NULL || (st & WDS_BSY))
		return;
	if (st & (WDS_ERR | WDS_DF)) {
		wd_finish(bp, EIO);
		return;
	}
	if (bp->b_flags & B_FLUSH) {
		wd_finish(bp, 0);
		return;
	}
	if (bp->b_flags & B_READ) {
		if ((st & WDS_DRQ) == 0) {
			wd_finish(bp, EIO);
			return;
		}
		wd_pio(bp, wd.done, false);
		if (++wd.done == wd.total)
			wd_finish(bp, 0);
		return;
	}
	if (wd.done < wd.total) {
		if ((st & WDS_DRQ) == 0) {
			wd_finish(bp, EIO);
			return;
		}
		wd_pio(bp, wd.done, true);
		wd.done++;
		return;
	}
	wd_finish(bp, 0);			/* the last sector is on disk */
}

/*
 * Queue a transfer.  Requests beyond the end of the disk, or not whole
 * sectors, or larger than one command can move, fail at once.
 */
void
wdstrategy(struct buf *bp)
{
	u_int nsect = bp->b_bcount / DEV_BSIZE;
	int s;

	bp->b_flags &= ~(B_DONE | B_ERROR);
	bp->b_error = 0;
	if ((bp->b_flags & B_FLUSH) && wd.present)
		nsect = 1;		/* moves nothing; passes the checks */
	if (!wd.present || nsect == 0 || nsect > 255 ||
	    bp->b_bcount % DEV_BSIZE != 0 ||
	    (bp->b_bcount > (size_t)bp->b_npages * PAGE_SIZE &&
	    (bp->b_flags & B_FLUSH) == 0) ||
	    bp->b_blkno + nsect > wd.nsectors ||
	    bp->b_blkno + nsect < bp->b_blkno) {
		bp->b_flags |= B_ERROR;
		bp->b_error = wd.present ? EINVAL : ENXIO;
		s = splbio();
		biodone(bp);
		splx(s);
		return;
	}
	s = splbio();
	TAILQ_INSERT_TAIL(&wd.queue, bp, b_link);
	if (TAILQ_FIRST(&wd.queue) == bp)
		wd_start();
	splx(s);
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

uint32_t
wd_nsectors(void)
{

	return (wd.present ? wd.nsectors : 0);
}

/*
 * Find the disk: IDENTIFY, polled, with the disk's interrupt masked;
 * then take its interrupt.
 */
void
wd_attach(void)
{
	uint16_t id[256];
	int st, i;

	TAILQ_INIT(&wd.queue);
	callout_init(&wd.watchdog);
	outb(WD_CTL, WDCTL_NIEN);
	outb(WD_BASE + wd_sdh, 0xe0);
	st = inb(WD_BASE + wd_status);
	if (st == 0xff || st == 0) {
		printf("wd0: no disk\n");
		return;
	}
	outb(WD_BASE + wd_status, WDCC_IDENTIFY);
	st = wd_wait(1000000);
	if (st < 0 || (st & WDS_ERR) || (st & WDS_DRQ) == 0) {
		printf("wd0: no ATA disk (status %#x)\n", st);
		return;
	}
	insw(WD_BASE + wd_data, id, 256);
	wd.nsectors = id[60] | ((uint32_t)id[61] << 16);
	for (i = 0; i < 20; i++) {
		wd.model[2 * i] = id[27 + i] >> 8;
		wd.model[2 * i + 1] = id[27 + i] & 0xff;
	}
	for (i = 39; i >= 0 && wd.model[i] == ' '; i--)
		wd.model[i] = '\0';
	wd.present = 1;
	intr_establish(WD_IRQ, wdintr, NULL);
	outb(WD_CTL, 0);			/* interrupts on */
	printf("wd0: <%s> %u MiB, %u sectors\n", wd.model,
	    wd.nsectors / 2048, wd.nsectors);
}

int
wdopen(dev_t dev, int flag, struct proc *p)
{

	if (!wd.present || minor(dev) != 0)
		return (ENXIO);
	if ((flag & FWRITE) && swap_dev_busy(dev))
		return (EBUSY);
	return (0);
}

/*
 * Raw reads and writes of /dev/wd0, through kernel pages, at most
 * MAXPHYS bytes a transfer; the offset and length must be multiples of
 * the sector size.
 */
int
wdrw(dev_t dev, struct uio *uio, int flag)
{
	struct buf *bp;
	size_t n, done;
	int error = 0, i;

	if (uio->uio_offset % DEV_BSIZE != 0 || uio->uio_resid % DEV_BSIZE)
		return (EINVAL);
	if (uio->uio_rw == UIO_WRITE && swap_dev_busy(dev))
		return (EBUSY);
	bp = malloc(sizeof(*bp), M_TEMP, M_WAITOK | M_ZERO);
	for (i = 0; i < BUF_MAXPAGES; i++)
		while ((bp->b_pages[i] = vm_page_alloc(NULL, 0,
		    VM_ALLOC_NORMAL)) == NULL)
			vm_wait();
	while (uio->uio_resid > 0 && error == 0) {
		if (uio->uio_offset / DEV_BSIZE >= wd.nsectors)
			break;				/* end of the disk */
		n = umin(uio->uio_resid, MAXPHYS);
		n = umin(n, (wd.nsectors - uio->uio_offset / DEV_BSIZE) *
		    DEV_BSIZE);
		bp->b_blkno = uio->uio_offset / DEV_BSIZE;
		bp->b_bcount = n;
		bp->b_npages = howmany(n, PAGE_SIZE);
		bp->b_iodone = NULL;
		if (uio->uio_rw == UIO_WRITE) {
			for (done = 0; done < n && error == 0; done += PAGE_SIZE)
				error = uiomove(pmap_page_kva(
				    bp->b_pages[done / PAGE_SIZE]),
				    umin(n - done, PAGE_SIZE), uio);
			if (error != 0)
				break;
		}
		bp->b_flags = uio->uio_rw == UIO_READ ? B_READ : B_WRITE;
		wdstrategy(bp);
		if ((error = biowait(bp)) != 0)
			break;
		if (uio->uio_rw == UIO_READ)
			for (done = 0; done < n && error == 0; done += PAGE_SIZE)
				error = uiomove(pmap_page_kva(
				    bp->b_pages[done / PAGE_SIZE]),
				    umin(n - done, PAGE_SIZE), uio);
	}
	for (i = 0; i < BUF_MAXPAGES; i++)
		vm_page_free(bp->b_pages[i]);
	free(bp, M_TEMP);
	return (error);
}

/* DIOCCACHESYNC: flush the disk's write cache, and wait for it. */
int
wdioctl(dev_t dev, u_long com, void *data, int flag, struct proc *p)
{
	struct buf buf;

	if (com != DIOCCACHESYNC)
		return (ENOTTY);
	memset(&buf, 0, sizeof(buf));
	buf.b_flags = B_FLUSH;
	wdstrategy(&buf);
	return (biowait(&buf));
}
