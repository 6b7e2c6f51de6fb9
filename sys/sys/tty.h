/*
 * tty.h: the terminal line discipline (tty.c).  Umbra has one terminal,
 * the serial console, constty.
 *
 * Input arrives a byte at a time from the device's interrupt handler
 * (tty_input).  In canonical mode the current line is edited in t_line
 * and moves to t_inq when it is complete (newline or EOF), which is
 * when readers wake; otherwise bytes go to t_inq at once.  t_inq holds
 * 16-bit cells so that an end-of-file mark (TTY_EOF, from ^D) can sit
 * between bytes.  Output goes straight to the device (t_putc).
 */
#ifndef _SYS_TTY_H_
#define _SYS_TTY_H_

#include <sys/types.h>
#include <sys/termios.h>

#define	TTY_INQSIZE	1024
#define	TTY_LINESIZE	256
#define	TTY_EOF		0x100

struct proc;
struct uio;

struct tty {
	uint16_t	t_inq[TTY_INQSIZE];	/* (i) input ready to read */
	u_int		t_inhead, t_incount;	/* (i) */
	char		t_line[TTY_LINESIZE];	/* (i) the line being edited */
	u_int		t_linelen;		/* (i) */
	u_int		t_column;		/* (i) output column, for erase */
	struct termios	t_termios;		/* (i) modes */
	pid_t		t_pgrp;			/* foreground process group */
	void		(*t_putc)(int);		/* the device's output */
};

extern struct tty constty;

void	tty_init(struct tty *);
void	tty_input(struct tty *, int);
int	tty_read(struct tty *, struct uio *, int);
int	tty_write(struct tty *, struct uio *, int);
int	tty_ioctl(struct tty *, u_long, void *, int, struct proc *);
void	com_attach(void);

#endif /* !_SYS_TTY_H_ */
