/*
 * pci.c: the PCI bus of QEMU's pc machine, as disk drivers need it.
 *
 * Configuration space is reached with mechanism #1: the address of a
 * register (bus, device, function, offset) goes to port 0xcf8 with bit
 * 31 set, and the register's 32 bits are read or written at 0xcfc.
 * Only bus 0 is scanned; the pc machine puts every device there.
 *
 * The firmware (SeaBIOS) has already given every function its I/O
 * ports (the BARs) and an interrupt line, routed through the PIIX3's
 * PIRQ registers to the 8259s in level-triggered mode; pci_intr_line
 * reads the line, and falls back to the PIIX3's routing when the
 * firmware left the line register empty.
 *
 * Devices that do DMA need memory that is physically contiguous for
 * their descriptor rings (a virtio queue spans three pages); the VM
 * hands out single pages, so pci_dma_alloc collects adjacent ones at
 * boot, when the free queue is still in address order, from the part
 * of memory the kernel's direct map covers.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <machine/cpufunc.h>
#include <machine/vmparam.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>
#include <dev/pcivar.h>

#define	PCI_CONF_ADDR		0xcf8
#define	PCI_CONF_DATA		0xcfc
#define	PCI_CONF_ENABLE		0x80000000

#define	PCI_PRODUCT_PIIX3_ISA	0x7000	/* the PCI-to-ISA bridge */
#define	PIIX_PIRQ_REG		0x60	/* routes of PIRQA..D, a byte each */
#define	PIIX_PIRQ_OFF		0x80	/* this PIRQ goes nowhere */

#define	DMA_ALLOC_TRIES		64	/* pages tried before giving up */

uint32_t
pci_conf_read(pcitag_t tag, int reg)
{

	outl(PCI_CONF_ADDR, PCI_CONF_ENABLE | tag | (reg & 0xfc));
	return (inl(PCI_CONF_DATA));
}

void
pci_conf_write(pcitag_t tag, int reg, uint32_t v)
{

	outl(PCI_CONF_ADDR, PCI_CONF_ENABLE | tag | (reg & 0xfc));
	outl(PCI_CONF_DATA, v);
}

/*
 * The n-th function (counting from 0, in bus order) with this vendor
 * and device ID: 0 and its tag in *tagp, or ENXIO.
 */
int
pci_find(uint16_t vendor, uint16_t device, int n, pcitag_t *tagp)
{
	uint32_t id;
	int dev, fn, nfn;

	for (dev = 0; dev < 32; dev++) {
		nfn = 1;
		for (fn = 0; fn < nfn; fn++) {
			id = pci_conf_read(PCI_TAG(0, dev, fn), PCI_ID_REG);
			if ((id & 0xffff) == 0xffff)
				continue;		/* nobody there */
			if (fn == 0 && (pci_conf_read(PCI_TAG(0, dev, 0),
			    PCI_HEADER_REG) & 0x00800000))
				nfn = 8;		/* multi-function */
			if ((id & 0xffff) == vendor && (id >> 16) == device &&
			    n-- == 0) {
				*tagp = PCI_TAG(0, dev, fn);
				return (0);
			}
		}
	}
	return (ENXIO);
}

/* The first port of I/O BAR bar, or 0 if it is no I/O BAR. */
uint16_t
pci_bar_io(pcitag_t tag, int bar)
{
	uint32_t v = pci_conf_read(tag, PCI_BAR(bar));

	if ((v & 1) == 0)
		return (0);		/* memory, or unused */
	return (v & 0xfffc);
}

/* Set the PCI_COMMAND_* bits in bits of the function's command register. */
void
pci_enable(pcitag_t tag, uint32_t bits)
{
	uint32_t v = pci_conf_read(tag, PCI_COMMAND_REG);

	/* The status half is write-one-to-clear: write zeroes there. */
	pci_conf_write(tag, PCI_COMMAND_REG, (v & 0xffff) | bits);
}

/*
 * The ISA interrupt (0-15) the function's INTx pin arrives at, or -1
 * if it has no pin or its pin is routed nowhere.
 */
int
pci_intr_line(pcitag_t tag)
{
	uint32_t v = pci_conf_read(tag, PCI_INTR_REG);
	int line = v & 0xff, pin = (v >> 8) & 0xff, route;
	pcitag_t isa;

	if (pin < 1 || pin > 4)
		return (-1);
	if (line > 0 && line < 16)
		return (line);
	/* The PIIX3 swizzle: device d's pin p uses PIRQ (d + p - 1) % 4. */
	if (pci_find(PCI_VENDOR_INTEL, PCI_PRODUCT_PIIX3_ISA, 0, &isa) != 0)
		return (-1);
	route = pci_conf_read(isa, PIIX_PIRQ_REG) >>
	    (8 * ((PCI_TAG_DEV(tag) + pin - 1) & 3));
	if (route & PIIX_PIRQ_OFF)
		return (-1);
	return (route & 0x0f);
}

/*
 * npages of zeroed, wired, physically contiguous memory for a device's
 * DMA structures, at boot only: its kernel address, and its physical
 * address in *pap; NULL if no such run turned up.  Pages that do not
 * continue the run are held until the end and then given back.
 */
void *
pci_dma_alloc(u_int npages, paddr_t *pap)
{
	struct vm_page *run[DMA_ALLOC_TRIES], *spare[DMA_ALLOC_TRIES], *pg;
	u_int nrun = 0, nspare = 0, i, tries;

	KASSERT(npages > 0 && npages <= DMA_ALLOC_TRIES,
	    ("pci_dma_alloc: %u pages", npages));
	for (tries = 0; nrun < npages && tries < DMA_ALLOC_TRIES; tries++) {
		if ((pg = vm_page_alloc(NULL, 0, VM_ALLOC_SYSTEM |
		    VM_ALLOC_ZERO)) == NULL)
			break;
		if (nrun > 0 && VM_PAGE_TO_PHYS(pg) !=
		    VM_PAGE_TO_PHYS(run[nrun - 1]) + PAGE_SIZE) {
			for (i = 0; i < nrun; i++)
				spare[nspare++] = run[i];
			nrun = 0;
		}
		run[nrun++] = pg;
	}
	for (i = 0; i < nspare; i++)
		vm_page_free(spare[i]);
	if (nrun < npages) {
		for (i = 0; i < nrun; i++)
			vm_page_free(run[i]);
		return (NULL);
	}
	/* The direct map makes a physical run a run of kernel addresses. */
	*pap = VM_PAGE_TO_PHYS(run[0]);
	KASSERT(*pap + npages * PAGE_SIZE <= DMAP_SIZE,
	    ("pci_dma_alloc: %#x is beyond the direct map", *pap));
	return (PHYS_TO_DMAP(*pap));
}
