/*
 * wd.c: IDE/ATA disks on the PIIX3's two channels (QEMU's -drive
 * if=ide, index 0 to 3), as wd0 (primary master), wd1 (primary slave),
 * wd2 and wd3 (secondary master and slave).
 *
 * Each channel runs one command at a time, for either of its drives:
 * wd_strategy() (called by the disk layer, sys/kern/subr_disk.c) queues
 * a buf on its drive's channel and starts the channel if it is idle;
 * the channel's interrupt ends the request, biodone() runs (through
 * disk_done), and the next request starts.  Nobody waits inside the
 * driver: callers sleep in biowait(), or get b_iodone called.
 *
 * Two ways to move the data:
 *
 *	DMA (the default)	The PIIX3 IDE function (PCI 8086:7010) is
 *				a bus master.  Its registers (BAR4, eight
 *				ports per channel) take the physical address
 *				of a table of PRDs, one per page of the buf:
 *				the swap pager's own pages, no copy.  One
 *				READ DMA or WRITE DMA command moves the whole
 *				buf (up to MAXPHYS) and ends in one
 *				interrupt.
 *	PIO			Each interrupt moves one 512-byte sector
 *				through the data port, 256 words by the CPU.
 *				Used when the kernel argument wd.pio=1 asks
 *				for it, when there is no PIIX3, or when the
 *				drive says it cannot do DMA.
 *
 * Errors: a request the disk fails (ERR or DF in its status, or the bus
 * master's error bit, as QEMU reports an injected or host I/O error)
 * completes with EIO, and the channel goes on with the next one.  A
 * channel that does not answer within WD_TIMEOUT seconds is reset and
 * its request fails the same way.  Nothing here panics.
 *
 * A B_FLUSH request moves no data: it is the ATA FLUSH CACHE command
 * (DIOCCACHESYNC, which the error tests use to arm QEMU's blkdebug).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/disk.h>
#include <sys/errno.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>
#include <dev/pcivar.h>

/* The command block, from a channel's base port. */
#define	wd_data		0
#define	wd_error	1
#define	wd_seccnt	2
#define	wd_lba0		3
#define	wd_lba1		4
#define	wd_lba2		5
#define	wd_sdh		6		/* drive select, LBA bits 24-27 */
#define	wd_status	7		/* read: status; write: command */

#define	WDSDH_LBA	0xe0		/* LBA addressing, master */
#define	WDSDH_SLAVE	0x10

#define	WDS_BSY		0x80
#define	WDS_DRDY	0x40
#define	WDS_DF		0x20
#define	WDS_DRQ		0x08
#define	WDS_ERR		0x01

#define	WDCTL_NIEN	0x02		/* no interrupts */
#define	WDCTL_SRST	0x04		/* software reset */

#define	WDCC_READ	0x20
#define	WDCC_WRITE	0x30
#define	WDCC_READDMA	0xc8
#define	WDCC_WRITEDMA	0xca
#define	WDCC_IDENTIFY	0xec
#define	WDCC_FLUSHCACHE	0xe7

#define	WD_ATAPI_LBA1	0x14		/* an ATAPI device's signature */
#define	WD_ATAPI_LBA2	0xeb
#define	WD_ID_CAPS	49		/* IDENTIFY word: capabilities */
#define	WD_CAPS_DMA	0x0100

/* The PIIX3's bus-master registers, from a channel's BM base. */
#define	PCI_PRODUCT_PIIX3_IDE	0x7010
#define	BM_CMD		0
#define	BM_STATUS	2
#define	BM_PRD		4		/* the PRD table's physical address */
#define	BMC_START	0x01
#define	BMC_READ	0x08		/* the controller writes memory */
#define	BMS_ERR		0x02		/* write 1 to clear */
#define	BMS_INT		0x04		/* the drive interrupted; likewise */

/* A physical region descriptor: up to 64 KiB, not crossing 64 KiB. */
struct wd_prd {
	uint32_t	prd_addr;
	uint32_t	prd_count;	/* bytes (0 means 64 KiB), PRD_EOT */
};
#define	PRD_EOT		0x80000000	/* the table's last entry */

#define	WD_NCHAN	2
#define	WD_TIMEOUT	5		/* seconds for one request */
#define	WD_TIMEDOUT	(-1)		/* wd_finish: the watchdog fired */
#define	SECTORS_PER_PAGE (PAGE_SIZE / DEV_BSIZE)

struct wd;

/* A channel: two drives, one command at a time. */
struct wdc {
	uint16_t	wdc_base;	/* (c) command block */
	uint16_t	wdc_ctl;	/* (c) device control */
	int		wdc_irq;	/* (c) */
	uint16_t	wdc_bm;		/* (c) bus master, or 0: PIO only */
	struct wd_prd	*wdc_prd;	/* (c) its PRD table */
	paddr_t		wdc_prdpa;	/* (c) ... at this physical address */
	TAILQ_HEAD(, buf) wdc_queue;	/* (i) requests; the first is active */
	int		wdc_dma;	/* (i) the active one moves by DMA */
	u_int		wdc_done;	/* (i) PIO: sectors moved so far */
	u_int		wdc_total;	/* (i) PIO: sectors it moves */
	struct callout	wdc_watchdog;
};

/* A drive. */
struct wd {
	struct disk	wd_disk;	/* the disk layer's view */
	struct wdc	*wd_chan;	/* (c) */
	int		wd_drive;	/* (c) 0 master, 1 slave */
	int		wd_dma;		/* (c) transfers by DMA */
	char		wd_model[41];	/* (c) */
};

static struct wdc wdc[WD_NCHAN] = {
	{ .wdc_base = 0x1f0, .wdc_ctl = 0x3f6, .wdc_irq = 14 },
	{ .wdc_base = 0x170, .wdc_ctl = 0x376, .wdc_irq = 15 },
};
static struct wd wd[WD_NCHAN * 2];

static void wd_finish(struct wdc *, int);

/* The drive a queued request is for. */
static inline struct wd *
wd_of(struct buf *bp)
{

	return (&wd[minor(bp->b_dev)]);
}

/* Poll until BSY clears; returns the status, or -1 after `loops'. */
static int
wd_wait(struct wdc *c, int loops)
{
	int st;

	while (loops-- > 0) {
		st = inb(c->wdc_base + wd_status);
		if ((st & WDS_BSY) == 0)
			return (st);
	}
	return (-1);
}

/* Select drive (and LBA bits 24-27); give it the 400 ns it needs. */
static void
wd_select(struct wdc *c, int drive, uint32_t lba)
{
	int i;

	outb(c->wdc_base + wd_sdh, WDSDH_LBA | (drive ? WDSDH_SLAVE : 0) |
	    ((lba >> 24) & 0x0f));
	for (i = 0; i < 4; i++)
		(void)inb(c->wdc_ctl);		/* the alternate status */
}

/*
 * Move sector i of a request between the data port of c and its page
 * (out: to the disk): the one place PIO reaches page contents.  The
 * page may be above the kernel's direct map, so it is mapped for the
 * moment of the transfer (sys/vm/pmap.h, quick mappings).
 */
static void
wd_pio(struct wdc *c, struct buf *bp, u_int i, bool out)
{
	char *va, *p;

	va = pmap_quick_enter_page(bp->b_pages[i / SECTORS_PER_PAGE]);
	p = va + (i % SECTORS_PER_PAGE) * DEV_BSIZE;
	if (out)
		outsw(c->wdc_base + wd_data, p, DEV_BSIZE / 2);
	else
		insw(c->wdc_base + wd_data, p, DEV_BSIZE / 2);
	pmap_quick_remove_page(va);
}

/* The watchdog: the active request took too long. */
static void
wd_timeout(void *arg)
{
	struct wdc *c = arg;

	wd_finish(c, WD_TIMEDOUT);
}

/*
 * Describe bp's pages to the bus master, one PRD per page (a page never
 * crosses a 64 KiB boundary), and point the controller at the table.
 */
static void
wd_dma_setup(struct wdc *c, struct buf *bp)
{
	size_t left = bp->b_bcount;
	int i;

	for (i = 0; left > 0; i++) {
		c->wdc_prd[i].prd_addr = VM_PAGE_TO_PHYS(bp->b_pages[i]);
		c->wdc_prd[i].prd_count = umin(left, PAGE_SIZE);
		left -= c->wdc_prd[i].prd_count;
	}
	c->wdc_prd[i - 1].prd_count |= PRD_EOT;
	outb(c->wdc_bm + BM_CMD, 0);
	outl(c->wdc_bm + BM_PRD, c->wdc_prdpa);
	outb(c->wdc_bm + BM_STATUS, inb(c->wdc_bm + BM_STATUS) |
	    BMS_ERR | BMS_INT);
	outb(c->wdc_bm + BM_CMD, (bp->b_flags & B_READ) ? BMC_READ : 0);
}

/* Issue the command for the request at the head of c's queue.  (i) */
static void
wd_start(struct wdc *c)
{
	struct buf *bp = TAILQ_FIRST(&c->wdc_queue);
	struct wd *w;
	uint32_t lba;
	int st, rd;

	if (bp == NULL)
		return;
	w = wd_of(bp);
	lba = bp->b_blkno;
	rd = (bp->b_flags & B_READ) != 0;
	c->wdc_done = 0;
	c->wdc_total = bp->b_bcount / DEV_BSIZE;
	c->wdc_dma = w->wd_dma && (bp->b_flags & B_FLUSH) == 0;
	wd_select(c, w->wd_drive, lba);
	if (wd_wait(c, 100000) < 0) {
		wd_finish(c, EIO);
		return;
	}
	callout_reset(&c->wdc_watchdog, WD_TIMEOUT * hz, wd_timeout, c);
	if (bp->b_flags & B_FLUSH) {
		outb(c->wdc_base + wd_status, WDCC_FLUSHCACHE);
		return;
	}
	outb(c->wdc_base + wd_seccnt, c->wdc_total & 0xff);
	outb(c->wdc_base + wd_lba0, lba & 0xff);
	outb(c->wdc_base + wd_lba1, (lba >> 8) & 0xff);
	outb(c->wdc_base + wd_lba2, (lba >> 16) & 0xff);
	if (c->wdc_dma) {
		wd_dma_setup(c, bp);
		outb(c->wdc_base + wd_status, rd ? WDCC_READDMA :
		    WDCC_WRITEDMA);
		outb(c->wdc_bm + BM_CMD, (rd ? BMC_READ : 0) | BMC_START);
		return;
	}
	if (rd) {
		outb(c->wdc_base + wd_status, WDCC_READ);
		return;
	}
	outb(c->wdc_base + wd_status, WDCC_WRITE);
	/* The first sector goes out as soon as the disk asks for it. */
	st = wd_wait(c, 100000);
	if (st < 0 || (st & (WDS_ERR | WDS_DF)) || (st & WDS_DRQ) == 0) {
		wd_finish(c, EIO);
		return;
	}
	wd_pio(c, bp, 0, true);
	c->wdc_done = 1;
}

/*
 * The active request of c is over: error 0, an errno, or WD_TIMEDOUT
 * when the watchdog fired (then the channel is reset and the request
 * fails with EIO).  Starts the next request.  (i)
 */
static void
wd_finish(struct wdc *c, int error)
{
	struct buf *bp;
	struct wd *w;
	int s;

	s = splbio();
	if ((bp = TAILQ_FIRST(&c->wdc_queue)) == NULL) {
		splx(s);
		return;
	}
	w = wd_of(bp);
	if (error == WD_TIMEDOUT) {
		printf("%s: timeout, resetting the channel\n",
		    w->wd_disk.dk_name);
		if (c->wdc_bm != 0)
			outb(c->wdc_bm + BM_CMD, 0);
		outb(c->wdc_ctl, WDCTL_SRST);
		outb(c->wdc_ctl, 0);
		(void)wd_wait(c, 1000000);
		error = EIO;
	}
	callout_stop(&c->wdc_watchdog);
	TAILQ_REMOVE(&c->wdc_queue, bp, b_link);
	disk_done(&w->wd_disk, bp, error, c->wdc_dma ? DISK_DMA : DISK_PIO);
	wd_start(c);
	splx(s);
}

/*
 * A channel's interrupt.  After DMA: stop the bus master and clear its
 * status, then read the drive's status (which acknowledges it).  After
 * PIO: move the next sector, or finish.
 */
static void
wd_intr(void *arg, struct trapframe *tf)
{
	struct wdc *c = arg;
	struct buf *bp = TAILQ_FIRST(&c->wdc_queue);
	int st, bms = 0;

	if (c->wdc_bm != 0) {
		bms = inb(c->wdc_bm + BM_STATUS);
		if (bp != NULL && c->wdc_dma && (bms & BMS_INT) == 0)
			return;			/* not finished: not ours */
		outb(c->wdc_bm + BM_CMD, 0);
		outb(c->wdc_bm + BM_STATUS, bms | BMS_ERR | BMS_INT);
	}
	st = inb(c->wdc_base + wd_status);	/* acknowledges it */
	if (bp == NULL || (st & WDS_BSY))
		return;
	if ((st & (WDS_ERR | WDS_DF)) || (c->wdc_dma && (bms & BMS_ERR))) {
		wd_finish(c, EIO);
		return;
	}
	if ((bp->b_flags & B_FLUSH) || c->wdc_dma) {
		wd_finish(c, 0);
		return;
	}
	if (bp->b_flags & B_READ) {
		if ((st & WDS_DRQ) == 0) {
			wd_finish(c, EIO);
			return;
		}
		wd_pio(c, bp, c->wdc_done, false);
		if (++c->wdc_done == c->wdc_total)
			wd_finish(c, 0);
		return;
	}
	if (c->wdc_done < c->wdc_total) {
		if ((st & WDS_DRQ) == 0) {
			wd_finish(c, EIO);
			return;
		}
		wd_pio(c, bp, c->wdc_done, true);
		c->wdc_done++;
		return;
	}
	wd_finish(c, 0);			/* the last sector is on disk */
}

/*
 * Queue a transfer (from disk_strategy, which has checked it, with
 * interrupts blocked).
 */
static void
wd_strategy(struct disk *dk, struct buf *bp)
{
	struct wd *w = dk->dk_softc;
	struct wdc *c = w->wd_chan;

	TAILQ_INSERT_TAIL(&c->wdc_queue, bp, b_link);
	dk->dk_stats.ds_maxinflight = 1;	/* one command at a time */
	if (TAILQ_FIRST(&c->wdc_queue) == bp)
		wd_start(c);
}

/*
 * Find drive `unit' (polled IDENTIFY, the channel's interrupt masked):
 * true if it is an ATA disk, with its size and model filled in.
 */
static bool
wd_identify(struct wd *w, int unit)
{
	struct wdc *c = w->wd_chan;
	uint16_t id[256];
	int st, i;

	wd_select(c, w->wd_drive, 0);
	st = inb(c->wdc_base + wd_status);
	if (st == 0xff || st == 0)
		return (false);			/* nobody there */
	outb(c->wdc_base + wd_status, WDCC_IDENTIFY);
	st = wd_wait(c, 1000000);
	if (st >= 0 && (st & WDS_ERR) && inb(c->wdc_base + wd_lba1) ==
	    WD_ATAPI_LBA1 && inb(c->wdc_base + wd_lba2) == WD_ATAPI_LBA2)
		return (false);			/* a CD-ROM: not ours */
	if (st < 0 || (st & WDS_ERR) || (st & WDS_DRQ) == 0) {
		printf("wd%d: no ATA disk (status %#x)\n", unit, st);
		return (false);
	}
	insw(c->wdc_base + wd_data, id, 256);
	w->wd_disk.dk_nsectors = id[60] | ((uint32_t)id[61] << 16);
	for (i = 0; i < 20; i++) {
		w->wd_model[2 * i] = id[27 + i] >> 8;
		w->wd_model[2 * i + 1] = id[27 + i] & 0xff;
	}
	for (i = 39; i >= 0 && w->wd_model[i] == ' '; i--)
		w->wd_model[i] = '\0';
	w->wd_dma = c->wdc_bm != 0 && (id[WD_ID_CAPS] & WD_CAPS_DMA);
	return (true);
}

/*
 * Find the PIIX3's bus master and give each channel a PRD table;
 * nothing when the kernel argument wd.pio=1 asks for PIO, or there is
 * no PIIX3 (then every drive does PIO).
 */
static void
wd_dma_attach(void)
{
	char arg[8];
	struct wd_prd *prd;
	pcitag_t tag;
	paddr_t pa;
	uint16_t bm;
	int i;

	if (boot_arg("wd.pio", arg, sizeof(arg)) != NULL &&
	    strcmp(arg, "0") != 0) {
		printf("wd: PIO (wd.pio=%s)\n", arg);
		return;
	}
	if (pci_find(PCI_VENDOR_INTEL, PCI_PRODUCT_PIIX3_IDE, 0, &tag) != 0 ||
	    (bm = pci_bar_io(tag, 4)) == 0) {
		printf("wd: no PIIX3 bus master, PIO only\n");
		return;
	}
	if ((prd = pci_dma_alloc(1, &pa)) == NULL) {
		printf("wd: no memory for PRD tables, PIO only\n");
		return;
	}
	pci_enable(tag, PCI_COMMAND_IO | PCI_COMMAND_MASTER);
	for (i = 0; i < WD_NCHAN; i++) {
		wdc[i].wdc_bm = bm + 8 * i;
		wdc[i].wdc_prd = prd + i * BUF_MAXPAGES;
		wdc[i].wdc_prdpa = pa + i * BUF_MAXPAGES * sizeof(*prd);
	}
}

/* Find the drives on both channels, and take the channels' interrupts. */
void
wd_attach(void)
{
	struct wdc *c;
	struct wd *w;
	int unit, found;

	wd_dma_attach();
	for (c = wdc; c < wdc + WD_NCHAN; c++) {
		TAILQ_INIT(&c->wdc_queue);
		callout_init(&c->wdc_watchdog);
		outb(c->wdc_ctl, WDCTL_NIEN);
		found = 0;
		for (unit = 2 * (c - wdc); unit < 2 * (c - wdc + 1); unit++) {
			w = &wd[unit];
			w->wd_chan = c;
			w->wd_drive = unit % 2;
			if (!wd_identify(w, unit))
				continue;
			found++;
			snprintf(w->wd_disk.dk_name, DISK_NAMELEN, "wd%d",
			    unit);
			w->wd_disk.dk_dev = makedev(CDEV_WD, unit);
			w->wd_disk.dk_method = w->wd_dma ? DISK_DMA : DISK_PIO;
			w->wd_disk.dk_strategy = wd_strategy;
			w->wd_disk.dk_softc = w;
			disk_attach(&w->wd_disk);
			printf("wd%d: <%s> %u MiB, %u sectors, %s\n", unit,
			    w->wd_model, w->wd_disk.dk_nsectors / 2048,
			    w->wd_disk.dk_nsectors, w->wd_dma ? "DMA" : "PIO");
		}
		if (found == 0)
			continue;
		intr_establish(c->wdc_irq, wd_intr, c);
		outb(c->wdc_ctl, 0);		/* interrupts on */
	}
	if (wd[0].wd_disk.dk_nsectors == 0)
		printf("wd0: no disk\n");
}
