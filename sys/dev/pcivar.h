/*
 * pcivar.h: what PCI device drivers (wd.c, virtio_blk.c) ask of the
 * PCI bus code in pci.c: configuration space, I/O ports, interrupt
 * lines, and memory the device can reach by DMA.
 */
#ifndef _DEV_PCIVAR_H_
#define _DEV_PCIVAR_H_

#include <sys/types.h>

/* A function's place on the bus: PCI_TAG(bus, device, function). */
typedef uint32_t pcitag_t;
#define	PCI_TAG(b, d, f)	(((b) << 16) | ((d) << 11) | ((f) << 8))
#define	PCI_TAG_DEV(t)		(((t) >> 11) & 0x1f)

/* Configuration space registers, by byte offset. */
#define	PCI_ID_REG		0x00	/* vendor (low), device (high) */
#define	PCI_COMMAND_REG		0x04	/* command (low), status (high) */
#define	PCI_CLASS_REG		0x08	/* revision, interface, class */
#define	PCI_HEADER_REG		0x0c	/* header type in bits 16-23 */
#define	PCI_BAR(n)		(0x10 + 4 * (n))
#define	PCI_INTR_REG		0x3c	/* line (low byte), pin (next) */

#define	PCI_VENDOR_INTEL	0x8086

#define	PCI_COMMAND_IO		0x0001	/* answer I/O cycles */
#define	PCI_COMMAND_MASTER	0x0004	/* may be a bus master (DMA) */

uint32_t pci_conf_read(pcitag_t, int);
void	pci_conf_write(pcitag_t, int, uint32_t);
int	pci_find(uint16_t, uint16_t, int, pcitag_t *);
uint16_t pci_bar_io(pcitag_t, int);
void	pci_enable(pcitag_t, uint32_t);
int	pci_intr_line(pcitag_t);
void	*pci_dma_alloc(u_int, paddr_t *);

#endif /* !_DEV_PCIVAR_H_ */
