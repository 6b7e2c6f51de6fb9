/*
 * intr.c: the two 8259A interrupt controllers and the dispatch of
 * hardware interrupts to their handlers.
 *
 * The master PIC's lines 0-7 arrive at vectors 32-39, the slave's 8-15
 * at 40-47 (cascaded through master line 2).  A line is masked until a
 * driver registers a handler with intr_establish().  Handlers run with
 * interrupts blocked, on the interrupted thread's kernel stack; they
 * must not sleep, and may call wakeup() and psignal().
 *
 * ISA devices (clock, serial line, IDE) have a line each, edge
 * triggered.  PCI devices (virtio) share lines, level triggered: the
 * PIIX3's ELCR registers say which lines are (intr_level()).  A line
 * may carry several handlers; each is called in turn, and each must
 * check whether its own device is the one asking, and quiet it.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/trap.h>
#include <vm/vm_param.h>

#define	IO_ICU1		0x20		/* master: command, data at +1 */
#define	IO_ICU2		0xa0		/* slave */
#define	PIC_EOI		0x20		/* non-specific end of interrupt */
#define	OCW3_RIS	0x0b		/* read the in-service register */
#define	IO_ELCR		0x4d0		/* lines 0-7; 8-15 at +1 */
#define	NINTRHAND	24		/* handlers, all lines together */

static struct intrhand {
	intr_handler_t	*ih_fun;
	void		*ih_arg;
	struct intrhand	*ih_next;	/* the next on the same line */
} intrhand_pool[NINTRHAND], *intrhand[NIRQ];
static int nintrhand;
static uint16_t imask = 0xffff & ~(1 << 2);	/* cascade always open */
static int intrnest;
static uint32_t intrcnt[NIRQ];

static void
pic_setmask(void)
{

	outb(IO_ICU1 + 1, imask & 0xff);
	outb(IO_ICU2 + 1, imask >> 8);
}

void
pic_init(void)
{

	outb(IO_ICU1, 0x11);		/* ICW1: edge, cascade, ICW4 */
	outb(IO_ICU1 + 1, T_IRQ0);	/* ICW2: vector base */
	outb(IO_ICU1 + 1, 1 << 2);	/* ICW3: slave on line 2 */
	outb(IO_ICU1 + 1, 0x01);	/* ICW4: 8086 mode */
	outb(IO_ICU2, 0x11);
	outb(IO_ICU2 + 1, T_IRQ0 + 8);
	outb(IO_ICU2 + 1, 2);		/* ICW3: slave identity */
	outb(IO_ICU2 + 1, 0x01);
	pic_setmask();
}

/* Add fun(arg, frame) to irq's handlers and unmask the line. */
void
intr_establish(int irq, intr_handler_t *fun, void *arg)
{
	struct intrhand *ih, **ihp;
	int s;

	KASSERT(irq >= 0 && irq < NIRQ && nintrhand < NINTRHAND,
	    ("intr_establish: irq %d, %d handlers", irq, nintrhand));
	s = splhigh();
	ih = &intrhand_pool[nintrhand++];
	ih->ih_fun = fun;
	ih->ih_arg = arg;
	ih->ih_next = NULL;
	for (ihp = &intrhand[irq]; *ihp != NULL; ihp = &(*ihp)->ih_next)
		continue;
	*ihp = ih;
	imask &= ~(1 << irq);
	pic_setmask();
	splx(s);
}

/* Make irq level triggered, as a PCI device's line must be. */
void
intr_level(int irq)
{
	int port = IO_ELCR + irq / 8;

	KASSERT(irq > 2 && irq < NIRQ && irq != 8 && irq != 13,
	    ("intr_level: irq %d cannot be level triggered", irq));
	outb(port, inb(port) | (1 << (irq % 8)));
}

/* Is irq really in service?  Lines 7 and 15 see spurious interrupts. */
static int
pic_spurious(int irq)
{
	int port = irq < 8 ? IO_ICU1 : IO_ICU2;

	outb(port, OCW3_RIS);
	return ((inb(port) & (1 << (irq & 7))) == 0);
}

void
intr_dispatch(int irq, struct trapframe *tf)
{
	struct intrhand *ih;

	if ((irq & 7) == 7 && pic_spurious(irq)) {
		if (irq == 15)
			outb(IO_ICU1, PIC_EOI);	/* the master saw it */
		return;
	}
	intrcnt[irq]++;
	vmcnt.v_intr++;
	intrnest++;
	for (ih = intrhand[irq]; ih != NULL; ih = ih->ih_next)
		ih->ih_fun(ih->ih_arg, tf);
	intrnest--;
	if (irq >= 8)
		outb(IO_ICU2, PIC_EOI);
	outb(IO_ICU1, PIC_EOI);
}

/* Non-zero while an interrupt handler runs. */
int
intr_nest(void)
{

	return (intrnest);
}
