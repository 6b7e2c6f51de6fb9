/*
 * termios.h: terminal attributes and the tty ioctls (<sys/termios.h>,
 * <sys/ttycom.h> in 4.4BSD).  Umbra's one terminal is the serial
 * console; it honours ICANON, ECHO, ECHOE, ISIG, ICRNL and ONLCR, and
 * VINTR, VERASE, VKILL and VEOF.
 */
#ifndef _SYS_TERMIOS_H_
#define _SYS_TERMIOS_H_

#include <sys/ioccom.h>

typedef unsigned int	tcflag_t;
typedef unsigned char	cc_t;
typedef unsigned int	speed_t;

#define	VEOF		0	/* ICANON */
#define	VEOL		1	/* ICANON */
#define	VERASE		3	/* ICANON */
#define	VWERASE		4	/* ICANON */
#define	VKILL		5	/* ICANON */
#define	VINTR		8	/* ISIG */
#define	VQUIT		9	/* ISIG */
#define	VSUSP		10	/* ISIG */
#define	VMIN		16	/* !ICANON */
#define	VTIME		17	/* !ICANON */
#define	NCCS		20

/* c_iflag */
#define	ICRNL		0x00000100	/* map CR to NL on input */
/* c_oflag */
#define	OPOST		0x00000001	/* enable output processing */
#define	ONLCR		0x00000002	/* map NL to CR-NL on output */
/* c_cflag */
#define	CS8		0x00000300	/* 8 bits */
#define	CREAD		0x00000800	/* enable receiver */
/* c_lflag */
#define	ECHOE		0x00000002	/* visually erase chars */
#define	ECHOK		0x00000004	/* echo NL after line kill */
#define	ECHO		0x00000008	/* enable echoing */
#define	ECHONL		0x00000010	/* echo NL even if ECHO is off */
#define	ISIG		0x00000080	/* enable signals INTR, QUIT, SUSP */
#define	ICANON		0x00000100	/* canonicalize input lines */

struct termios {
	tcflag_t	c_iflag;	/* input flags */
	tcflag_t	c_oflag;	/* output flags */
	tcflag_t	c_cflag;	/* control flags */
	tcflag_t	c_lflag;	/* local flags */
	cc_t		c_cc[NCCS];	/* control chars */
	speed_t		c_ispeed;	/* input speed */
	speed_t		c_ospeed;	/* output speed */
};

struct winsize {
	unsigned short	ws_row;		/* rows, in characters */
	unsigned short	ws_col;		/* columns, in characters */
	unsigned short	ws_xpixel;	/* horizontal size, pixels */
	unsigned short	ws_ypixel;	/* vertical size, pixels */
};

#define	TCSANOW		0	/* make change immediate */
#define	TCSADRAIN	1	/* drain output, then change */
#define	TCSAFLUSH	2	/* drain output, flush input */

#define	TIOCGETA	_IOR('t', 19, struct termios)	/* get termios */
#define	TIOCSETA	_IOW('t', 20, struct termios)	/* set termios */
#define	TIOCSETAW	_IOW('t', 21, struct termios)	/* drain, set */
#define	TIOCSETAF	_IOW('t', 22, struct termios)	/* drain, flush, set */
#define	TIOCGWINSZ	_IOR('t', 104, struct winsize)	/* get window size */
#define	TIOCSPGRP	_IOW('t', 118, int)		/* set pgrp of tty */
#define	TIOCGPGRP	_IOR('t', 119, int)		/* get pgrp of tty */
#define	FIONREAD	_IOR('f', 127, int)		/* bytes to read */

#endif /* !_SYS_TERMIOS_H_ */
