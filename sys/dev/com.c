/*
 * com.c: the 16550 UART on COM1, Umbra's console.
 *
 * Output is polled: the kernel waits for the transmitter before each
 * byte, which under QEMU costs nothing and keeps panic() working with
 * interrupts off.  Input is interrupt driven: comintr() hands every
 * received byte to the console tty (tty.c), which does line editing,
 * echo and signals.  Until com_attach() runs, only output works.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/tty.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>

#define	COM1		0x3f8
#define	COM_IRQ		4
#define	com_data	0	/* receive buffer, transmit holding */
#define	com_ier		1	/* interrupt enable */
#define	com_dll		0	/* divisor latch, with LCR_DLAB */
#define	com_dlm		1
#define	com_fifo	2	/* FIFO control */
#define	com_lcr		3	/* line control */
#define	com_mcr		4	/* modem control */
#define	com_lsr		5	/* line status */

#define	IER_ERXRDY	0x01	/* interrupt on received data */
#define	LCR_DLAB	0x80
#define	LCR_8BITS	0x03
#define	MCR_DTR		0x01
#define	MCR_RTS		0x02
#define	MCR_IENABLE	0x08	/* OUT2: route the interrupt */
#define	LSR_RXRDY	0x01
#define	LSR_TXRDY	0x20
#define	FIFO_ENABLE	0x01
#define	FIFO_RCV_RST	0x02
#define	FIFO_XMT_RST	0x04
#define	FIFO_TRIGGER_1	0x00	/* interrupt at every byte */

void
consinit(void)
{

	outb(COM1 + com_ier, 0);
	outb(COM1 + com_lcr, LCR_DLAB);
	outb(COM1 + com_dll, 1);		/* 115200 baud */
	outb(COM1 + com_dlm, 0);
	outb(COM1 + com_lcr, LCR_8BITS);
	outb(COM1 + com_fifo, FIFO_ENABLE | FIFO_RCV_RST | FIFO_XMT_RST |
	    FIFO_TRIGGER_1);
	outb(COM1 + com_mcr, MCR_DTR | MCR_RTS | MCR_IENABLE);
}

/* Put one byte on the wire. */
static void
com_putc(int c)
{
	int n;

	for (n = 0; n < 100000 && (inb(COM1 + com_lsr) & LSR_TXRDY) == 0;
	    n++)
		continue;
	outb(COM1 + com_data, c);
}

/* The kernel's console output: a newline goes out as CR LF. */
void
cnputc(int c)
{

	if (c == '\n')
		com_putc('\r');
	com_putc(c);
}

/* Polled input, for before interrupts work; -1 when nothing waits. */
int
cngetc_poll(void)
{

	if ((inb(COM1 + com_lsr) & LSR_RXRDY) == 0)
		return (-1);
	return (inb(COM1 + com_data));
}

static void
comintr(void *arg, struct trapframe *tf)
{

	while (inb(COM1 + com_lsr) & LSR_RXRDY)
		tty_input(&constty, inb(COM1 + com_data));
}

/* The tty's output routine: raw bytes, the tty did the processing. */
static void
com_tty_putc(int c)
{

	com_putc(c);
}

void
com_attach(void)
{

	constty.t_putc = com_tty_putc;
	intr_establish(COM_IRQ, comintr, NULL);
	outb(COM1 + com_ier, IER_ERXRDY);
}
