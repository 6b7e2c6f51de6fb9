/*
 * virtio_blk.c: virtio-blk disks (QEMU's -drive if=virtio), as vd0,
 * vd1, ... in PCI bus order, through the legacy ("virtio 0.9") PCI
 * interface: QEMU's pc machine offers it on every virtio-blk-pci
 * device (PCI 1af4:1001), and it needs nothing but I/O ports.
 *
 * The device and the driver share one virtqueue (queue 0) in guest
 * memory: a table of descriptors (physical address, length, flags, next),
 * the available ring where the driver posts the first descriptor of
 * each request, and the used ring where the device returns it when the
 * request is over.  Legacy virtio wants the three physically
 * contiguous, the used ring on a page boundary, at the physical page
 * number written to VIRTIO_PCI_QUEUE_PFN.
 *
 * A request is a chain of descriptors:
 *
 *	header		{ type (IN, OUT or FLUSH), 0, first sector }
 *	data		one descriptor per page of the buf, straight from
 *			its physical address (device-writable for IN)
 *	status		one byte the device writes: 0 for success
 *
 * The queue is cut into slots of VD_SEGS descriptors, one request per
 * slot, so that a request's descriptors are always slot * VD_SEGS and
 * the ones after it; headers and status bytes live in an array beside
 * the queue, one per slot.  With QEMU's 256-entry queue that is 14
 * requests in flight at once: vd_strategy() posts a buf at once when a
 * slot is free (else it waits on the disk's queue), and notifies the
 * device; the interrupt takes every finished request off the used ring,
 * ends it (disk_done), and posts waiting ones into the freed slots.
 *
 * The interrupt is the PCI INTx line, level triggered and possibly
 * shared: reading the ISR register says whether this device asked, and
 * lowers the line.  Errors: a request whose status byte is not 0 ends
 * with EIO.  DIOCCACHESYNC is a FLUSH request when the device offers
 * VIRTIO_BLK_F_FLUSH, and a no-op otherwise.
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
#include <dev/pcivar.h>

#define	PCI_VENDOR_VIRTIO	0x1af4
#define	PCI_PRODUCT_VIRTIO_BLK	0x1001	/* legacy or transitional */

/* Legacy registers, from the I/O BAR (0). */
#define	VIRTIO_PCI_HOST_FEATURES  0x00	/* 32 bits, the device's */
#define	VIRTIO_PCI_GUEST_FEATURES 0x04	/* 32 bits, the driver's */
#define	VIRTIO_PCI_QUEUE_PFN	0x08	/* 32 bits, the queue's page */
#define	VIRTIO_PCI_QUEUE_NUM	0x0c	/* 16 bits, its entries */
#define	VIRTIO_PCI_QUEUE_SEL	0x0e	/* 16 bits */
#define	VIRTIO_PCI_QUEUE_NOTIFY	0x10	/* 16 bits: a queue has work */
#define	VIRTIO_PCI_STATUS	0x12	/* 8 bits */
#define	VIRTIO_PCI_ISR		0x13	/* 8 bits; reading clears it */
#define	VIRTIO_PCI_CONFIG	0x14	/* the device's own, without MSI-X */

#define	VIRTIO_STATUS_ACK	0x01
#define	VIRTIO_STATUS_DRIVER	0x02
#define	VIRTIO_STATUS_DRIVER_OK	0x04
#define	VIRTIO_STATUS_FAILED	0x80
#define	VIRTIO_ISR_QUEUE	0x01

#define	VIRTIO_BLK_F_FLUSH	(1U << 9)
#define	VIRTIO_BLK_CAPACITY	0	/* config: 64 bits, sectors */

#define	VIRTIO_BLK_T_IN		0
#define	VIRTIO_BLK_T_OUT	1
#define	VIRTIO_BLK_T_FLUSH	4

struct vring_desc {
	uint64_t	addr;		/* physical */
	uint32_t	len;
	uint16_t	flags;		/* VRING_DESC_F_* */
	uint16_t	next;
};
#define	VRING_DESC_F_NEXT	1
#define	VRING_DESC_F_WRITE	2	/* the device writes this memory */

struct vring_avail {
	uint16_t	flags;
	uint16_t	idx;		/* where the driver puts the next */
	uint16_t	ring[];
};

struct vring_used_elem {
	uint32_t	id;		/* a chain's first descriptor */
	uint32_t	len;
};

struct vring_used {
	uint16_t	flags;
	uint16_t	idx;		/* where the device puts the next */
	struct vring_used_elem ring[];
};

#define	VRING_ALIGN	PAGE_SIZE

/* A request's header and status, one per slot, beside the queue. */
struct vd_req {
	uint32_t	vr_type;	/* VIRTIO_BLK_T_* */
	uint32_t	vr_ioprio;
	uint64_t	vr_sector;
	uint8_t		vr_status;	/* the device's answer */
	uint8_t		vr_pad[15];
};

#define	NVD		4
#define	VD_SEGS		(BUF_MAXPAGES + 2)	/* descriptors a slot */
#define	VD_MAXSLOTS	16
#define	VD_RINGPAGES_MAX 8			/* queues of 512 entries */

struct vd {
	struct disk	vd_disk;	/* the disk layer's view */
	uint16_t	vd_io;		/* (c) I/O BAR */
	u_int		vd_qsize;	/* (c) queue entries */
	u_int		vd_nslots;	/* (c) requests at once */
	uint32_t	vd_features;	/* (c) negotiated */
	volatile struct vring_desc *vd_desc;	/* (c) */
	volatile struct vring_avail *vd_avail;	/* (c) */
	volatile struct vring_used *vd_used;	/* (c) */
	volatile struct vd_req *vd_req;		/* (c) [vd_nslots] */
	paddr_t		vd_reqpa;	/* (c) */
	uint16_t	vd_usedidx;	/* (i) next used entry to look at */
	u_int		vd_inflight;	/* (i) slots in use */
	struct buf	*vd_slot[VD_MAXSLOTS];	/* (i) a slot's buf, or NULL */
	TAILQ_HEAD(, buf) vd_queue;	/* (i) waiting for a slot */
};

static struct vd vd[NVD];

/* A compiler barrier: x86 keeps stores in order, the compiler must too. */
#define	vd_barrier()	__asm volatile("" : : : "memory")

/* Fill descriptor i and return the next one's index. */
static u_int
vd_desc_set(struct vd *v, u_int i, paddr_t pa, uint32_t len, int flags)
{

	v->vd_desc[i].addr = pa;
	v->vd_desc[i].len = len;
	v->vd_desc[i].flags = flags;
	v->vd_desc[i].next = i + 1;
	return (i + 1);
}

/*
 * Post bp into free slot s: header, one descriptor per page, status;
 * then make it visible in the available ring.  (i)
 */
static void
vd_post(struct vd *v, struct buf *bp, u_int s)
{
	volatile struct vd_req *r = &v->vd_req[s];
	paddr_t rpa = v->vd_reqpa + s * sizeof(struct vd_req);
	size_t left = bp->b_bcount;
	u_int d = s * VD_SEGS, p;
	int wr;

	if (bp->b_flags & B_FLUSH)
		r->vr_type = VIRTIO_BLK_T_FLUSH;
	else if (bp->b_flags & B_READ)
		r->vr_type = VIRTIO_BLK_T_IN;
	else
		r->vr_type = VIRTIO_BLK_T_OUT;
	r->vr_ioprio = 0;
	r->vr_sector = (bp->b_flags & B_FLUSH) ? 0 : bp->b_blkno;
	r->vr_status = 0xff;
	d = vd_desc_set(v, d, rpa, 16, VRING_DESC_F_NEXT);
	wr = (bp->b_flags & B_READ) ? VRING_DESC_F_WRITE : 0;
	for (p = 0; (bp->b_flags & B_FLUSH) == 0 && left > 0; p++) {
		d = vd_desc_set(v, d, VM_PAGE_TO_PHYS(bp->b_pages[p]),
		    umin(left, PAGE_SIZE), VRING_DESC_F_NEXT | wr);
		left -= umin(left, PAGE_SIZE);
	}
	(void)vd_desc_set(v, d, rpa + __builtin_offsetof(struct vd_req,
	    vr_status), 1, VRING_DESC_F_WRITE);
	v->vd_slot[s] = bp;
	v->vd_inflight++;
	if (v->vd_inflight > v->vd_disk.dk_stats.ds_maxinflight)
		v->vd_disk.dk_stats.ds_maxinflight = v->vd_inflight;
	v->vd_avail->ring[v->vd_avail->idx % v->vd_qsize] = s * VD_SEGS;
	vd_barrier();
	v->vd_avail->idx++;
}

/*
 * Post waiting requests into free slots, and tell the device.  A flush
 * of a device without a volatile cache (no VIRTIO_BLK_F_FLUSH) has
 * nothing to do and ends at once.  (i)
 */
static void
vd_start(struct vd *v)
{
	struct buf *bp;
	u_int s = 0, posted = 0;

	while ((bp = TAILQ_FIRST(&v->vd_queue)) != NULL) {
		if ((bp->b_flags & B_FLUSH) &&
		    (v->vd_features & VIRTIO_BLK_F_FLUSH) == 0) {
			TAILQ_REMOVE(&v->vd_queue, bp, b_link);
			disk_done(&v->vd_disk, bp, 0, DISK_DMA);
			continue;
		}
		while (s < v->vd_nslots && v->vd_slot[s] != NULL)
			s++;
		if (s == v->vd_nslots)
			break;
		TAILQ_REMOVE(&v->vd_queue, bp, b_link);
		vd_post(v, bp, s);
		posted++;
	}
	if (posted > 0) {
		vd_barrier();
		outw(v->vd_io + VIRTIO_PCI_QUEUE_NOTIFY, 0);
	}
}

/* Queue a transfer (from disk_strategy, with interrupts blocked). */
static void
vd_strategy(struct disk *dk, struct buf *bp)
{
	struct vd *v = dk->dk_softc;

	TAILQ_INSERT_TAIL(&v->vd_queue, bp, b_link);
	vd_start(v);
}

/*
 * The interrupt: if this device asked, end every request on the used
 * ring, then fill the freed slots.
 */
static void
vd_intr(void *arg, struct trapframe *tf)
{
	struct vd *v = arg;
	struct buf *bp;
	u_int s;

	if ((inb(v->vd_io + VIRTIO_PCI_ISR) & VIRTIO_ISR_QUEUE) == 0)
		return;				/* not ours, or config */
	while (v->vd_usedidx != v->vd_used->idx) {
		vd_barrier();
		s = v->vd_used->ring[v->vd_usedidx % v->vd_qsize].id /
		    VD_SEGS;
		v->vd_usedidx++;
		if (s >= v->vd_nslots || (bp = v->vd_slot[s]) == NULL) {
			printf("%s: the device returned an idle slot %u\n",
			    v->vd_disk.dk_name, s);
			continue;
		}
		v->vd_slot[s] = NULL;
		v->vd_inflight--;
		disk_done(&v->vd_disk, bp, v->vd_req[s].vr_status == 0 ? 0 :
		    EIO, DISK_DMA);
	}
	vd_start(v);
}

/*
 * Bring up the n-th virtio-blk function: reset it, agree on features,
 * give it queue 0, take its interrupt.  False (and the device marked
 * failed) if something is missing.
 */
static bool
vd_init(struct vd *v, pcitag_t tag, int unit)
{
	u_int qsize, ringsize, usedoff, npages;
	paddr_t pa;
	char *mem;
	int irq;

	if ((v->vd_io = pci_bar_io(tag, 0)) == 0 ||
	    (irq = pci_intr_line(tag)) < 0) {
		printf("vd%d: no I/O ports or no interrupt\n", unit);
		return (false);
	}
	pci_enable(tag, PCI_COMMAND_IO | PCI_COMMAND_MASTER);
	outb(v->vd_io + VIRTIO_PCI_STATUS, 0);			/* reset */
	outb(v->vd_io + VIRTIO_PCI_STATUS, VIRTIO_STATUS_ACK);
	outb(v->vd_io + VIRTIO_PCI_STATUS, VIRTIO_STATUS_ACK |
	    VIRTIO_STATUS_DRIVER);
	v->vd_features = inl(v->vd_io + VIRTIO_PCI_HOST_FEATURES) &
	    VIRTIO_BLK_F_FLUSH;
	outl(v->vd_io + VIRTIO_PCI_GUEST_FEATURES, v->vd_features);

	outw(v->vd_io + VIRTIO_PCI_QUEUE_SEL, 0);
	qsize = inw(v->vd_io + VIRTIO_PCI_QUEUE_NUM);
	usedoff = roundup(qsize * sizeof(struct vring_desc) +
	    sizeof(struct vring_avail) + (qsize + 1) * sizeof(uint16_t),
	    VRING_ALIGN);
	ringsize = usedoff + roundup(sizeof(struct vring_used) +
	    qsize * sizeof(struct vring_used_elem) + sizeof(uint16_t),
	    PAGE_SIZE);
	npages = ringsize / PAGE_SIZE + 1;		/* and the headers */
	if (qsize < VD_SEGS || ringsize / PAGE_SIZE > VD_RINGPAGES_MAX ||
	    (mem = pci_dma_alloc(npages, &pa)) == NULL) {
		printf("vd%d: cannot set up a queue of %u entries\n", unit,
		    qsize);
		outb(v->vd_io + VIRTIO_PCI_STATUS, VIRTIO_STATUS_FAILED);
		return (false);
	}
	v->vd_qsize = qsize;
	v->vd_nslots = umin(qsize / VD_SEGS, VD_MAXSLOTS);
	v->vd_desc = (void *)mem;
	v->vd_avail = (void *)(mem + qsize * sizeof(struct vring_desc));
	v->vd_used = (void *)(mem + usedoff);
	v->vd_req = (void *)(mem + ringsize);
	v->vd_reqpa = pa + ringsize;
	TAILQ_INIT(&v->vd_queue);
	outl(v->vd_io + VIRTIO_PCI_QUEUE_PFN, pa / PAGE_SIZE);

	v->vd_disk.dk_nsectors = inl(v->vd_io + VIRTIO_PCI_CONFIG +
	    VIRTIO_BLK_CAPACITY);
	if (inl(v->vd_io + VIRTIO_PCI_CONFIG + VIRTIO_BLK_CAPACITY + 4) != 0)
		v->vd_disk.dk_nsectors = 0xffffffffU;	/* 2 TiB is plenty */
	intr_level(irq);
	intr_establish(irq, vd_intr, v);
	outb(v->vd_io + VIRTIO_PCI_STATUS, VIRTIO_STATUS_ACK |
	    VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_DRIVER_OK);
	printf("vd%d: virtio-blk %u MiB, %u sectors, irq %d, %u requests "
	    "at once%s\n", unit, v->vd_disk.dk_nsectors / 2048,
	    v->vd_disk.dk_nsectors, irq, v->vd_nslots,
	    (v->vd_features & VIRTIO_BLK_F_FLUSH) ? ", flush" : "");
	return (true);
}

/* Find the virtio-blk functions on the PCI bus, in order. */
void
vd_attach(void)
{
	struct vd *v;
	pcitag_t tag;
	int unit;

	for (unit = 0; unit < NVD && pci_find(PCI_VENDOR_VIRTIO,
	    PCI_PRODUCT_VIRTIO_BLK, unit, &tag) == 0; unit++) {
		v = &vd[unit];
		if (!vd_init(v, tag, unit))
			continue;
		snprintf(v->vd_disk.dk_name, DISK_NAMELEN, "vd%d", unit);
		v->vd_disk.dk_dev = makedev(CDEV_VD, unit);
		v->vd_disk.dk_method = DISK_VIRTIO;
		v->vd_disk.dk_strategy = vd_strategy;
		v->vd_disk.dk_softc = v;
		disk_attach(&v->vd_disk);
	}
}
