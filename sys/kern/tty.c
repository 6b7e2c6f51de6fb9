/*
 * tty.c: the terminal line discipline, for the console (see sys/tty.h
 * for the structure).
 *
 * Canonical mode (ICANON) edits a line at a time: erase (VERASE, ^H or
 * DEL), word erase (VWERASE), kill (VKILL), end of file (VEOF), and a
 * read returns at most one line.  With ISIG, VINTR and VQUIT send
 * SIGINT and SIGQUIT to the foreground process group (t_pgrp) and
 * discard the line.  ECHO echoes input; output maps NL to CR-NL under
 * OPOST|ONLCR.  Input processing runs in the serial interrupt handler,
 * so every access to the queues blocks interrupts.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/termios.h>
#include <sys/tty.h>
#include <sys/uio.h>

struct tty constty;

#define	CTRL(c)		((c) & 037)
#define	ISSET(t, f)	(((t) & (f)) != 0)

void
tty_init(struct tty *tp)
{
	struct termios *t = &tp->t_termios;

	memset(tp, 0, sizeof(*tp));
	t->c_iflag = ICRNL;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = CS8 | CREAD;
	t->c_lflag = ICANON | ECHO | ECHOE | ECHOK | ISIG;
	t->c_cc[VEOF] = CTRL('d');
	t->c_cc[VEOL] = 0xff;
	t->c_cc[VERASE] = 0x7f;
	t->c_cc[VWERASE] = CTRL('w');
	t->c_cc[VKILL] = CTRL('u');
	t->c_cc[VINTR] = CTRL('c');
	t->c_cc[VQUIT] = CTRL('\\');
	t->c_cc[VSUSP] = CTRL('z');
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
	t->c_ispeed = t->c_ospeed = 115200;
}

/* Output one byte with output processing.  (i) */
static void
tty_output(struct tty *tp, int c)
{

	if (tp->t_putc == NULL)
		return;
	if (c == '\n' && ISSET(tp->t_termios.c_oflag, OPOST) &&
	    ISSET(tp->t_termios.c_oflag, ONLCR))
		tp->t_putc('\r');
	tp->t_putc(c);
	if (c == '\n' || c == '\r')
		tp->t_column = 0;
	else if (c == '\b') {
		if (tp->t_column > 0)
			tp->t_column--;
	} else
		tp->t_column++;
}

static void
tty_echo(struct tty *tp, int c)
{

	if (!ISSET(tp->t_termios.c_lflag, ECHO))
		return;
	if (c < ' ' && c != '\n' && c != '\t') {
		tty_output(tp, '^');
		tty_output(tp, c + '@');
	} else
		tty_output(tp, c);
}

/* Append a cell to the input queue; the oldest input is not lost. */
static void
tty_enqueue(struct tty *tp, int c)
{

	if (tp->t_incount == TTY_INQSIZE)
		return;				/* full: drop, like a hog */
	tp->t_inq[(tp->t_inhead + tp->t_incount) % TTY_INQSIZE] = c;
	tp->t_incount++;
}

/* Erase the last character of the line being edited. */
static void
tty_rubout(struct tty *tp)
{
	char c;

	if (tp->t_linelen == 0)
		return;
	c = tp->t_line[--tp->t_linelen];
	if (!ISSET(tp->t_termios.c_lflag, ECHO))
		return;
	if (ISSET(tp->t_termios.c_lflag, ECHOE)) {
		tty_output(tp, '\b');
		tty_output(tp, ' ');
		tty_output(tp, '\b');
		if (c < ' ' && c != '\t') {	/* echoed as ^X */
			tty_output(tp, '\b');
			tty_output(tp, ' ');
			tty_output(tp, '\b');
		}
	} else
		tty_echo(tp, tp->t_termios.c_cc[VERASE]);
}

/* The edited line is complete: hand it to readers. */
static void
tty_endline(struct tty *tp, int delim)
{
	u_int i;

	for (i = 0; i < tp->t_linelen; i++)
		tty_enqueue(tp, (u_char)tp->t_line[i]);
	tp->t_linelen = 0;
	tty_enqueue(tp, delim);
	wakeup(&tp->t_inq);
}

/*
 * A byte arrived from the device (called from its interrupt handler).
 */
void
tty_input(struct tty *tp, int c)
{
	struct termios *t = &tp->t_termios;
	cc_t *cc = t->c_cc;
	int s;

	s = spltty();
	c &= 0xff;
	if (c == '\r' && ISSET(t->c_iflag, ICRNL))
		c = '\n';
	if (ISSET(t->c_lflag, ISIG) && (c == cc[VINTR] || c == cc[VQUIT])) {
		tty_echo(tp, c);
		tty_output(tp, '\n');
		tp->t_linelen = 0;
		pgsignal(tp->t_pgrp, c == cc[VINTR] ? SIGINT : SIGQUIT);
		splx(s);
		return;
	}
	if (!ISSET(t->c_lflag, ICANON)) {
		tty_enqueue(tp, c);
		tty_echo(tp, c);
		wakeup(&tp->t_inq);
		splx(s);
		return;
	}
	if (c == cc[VERASE] || c == '\b') {
		tty_rubout(tp);
	} else if (c == cc[VWERASE]) {
		while (tp->t_linelen > 0 &&
		    tp->t_line[tp->t_linelen - 1] == ' ')
			tty_rubout(tp);
		while (tp->t_linelen > 0 &&
		    tp->t_line[tp->t_linelen - 1] != ' ')
			tty_rubout(tp);
	} else if (c == cc[VKILL]) {
		while (tp->t_linelen > 0)
			tty_rubout(tp);
	} else if (c == cc[VEOF]) {
		tty_endline(tp, TTY_EOF);
	} else if (c == '\n' || c == cc[VEOL]) {
		tty_echo(tp, c);
		tty_endline(tp, c);
	} else if (tp->t_linelen < TTY_LINESIZE - 1) {
		tp->t_line[tp->t_linelen++] = c;
		tty_echo(tp, c);
	}
	splx(s);
}

/*
 * Read: sleep until there is input (in canonical mode, a whole line),
 * then return at most one line, or 0 at an end-of-file mark.
 */
int
tty_read(struct tty *tp, struct uio *uio, int flag)
{
	char buf[64];
	int error = 0, s, c, n, canon, done = 0;

	s = spltty();
	while (tp->t_incount == 0) {
		if (flag & FNONBLOCK) {
			splx(s);
			return (EWOULDBLOCK);
		}
		if ((error = tsleep(&tp->t_inq, PCATCH, "ttyin", 0)) != 0) {
			splx(s);
			return (error);
		}
	}
	canon = ISSET(tp->t_termios.c_lflag, ICANON);
	while (!done && uio->uio_resid > 0 && tp->t_incount > 0) {
		n = 0;
		while (n < (int)sizeof(buf) && (size_t)n < uio->uio_resid &&
		    tp->t_incount > 0) {
			c = tp->t_inq[tp->t_inhead];
			tp->t_inhead = (tp->t_inhead + 1) % TTY_INQSIZE;
			tp->t_incount--;
			if (c == TTY_EOF) {
				done = 1;
				break;
			}
			buf[n++] = c;
			if (canon && (c == '\n' ||
			    c == tp->t_termios.c_cc[VEOL])) {
				done = 1;
				break;
			}
		}
		splx(s);
		error = uiomove(buf, n, uio);
		s = spltty();
		if (error != 0)
			break;
		if (!canon)
			done = 1;
	}
	splx(s);
	return (error);
}

int
tty_write(struct tty *tp, struct uio *uio, int flag)
{
	char buf[128];
	size_t n, i;
	int error, s;

	while (uio->uio_resid > 0) {
		n = umin(uio->uio_resid, sizeof(buf));
		if ((error = uiomove(buf, n, uio)) != 0)
			return (error);
		s = spltty();
		for (i = 0; i < n; i++)
			tty_output(tp, (u_char)buf[i]);
		splx(s);
	}
	return (0);
}

int
tty_ioctl(struct tty *tp, u_long com, void *data, int flag, struct proc *p)
{
	struct winsize *ws;
	int s, pgrp;

	switch (com) {
	case TIOCGETA:
		memcpy(data, &tp->t_termios, sizeof(struct termios));
		return (0);
	case TIOCSETA:
	case TIOCSETAW:
	case TIOCSETAF:
		s = spltty();
		if (com == TIOCSETAF) {
			tp->t_incount = 0;
			tp->t_linelen = 0;
		}
		if (ISSET(tp->t_termios.c_lflag, ICANON) &&
		    !ISSET(((struct termios *)data)->c_lflag, ICANON) &&
		    tp->t_linelen > 0) {
			u_int i;

			for (i = 0; i < tp->t_linelen; i++)
				tty_enqueue(tp, (u_char)tp->t_line[i]);
			tp->t_linelen = 0;
		}
		memcpy(&tp->t_termios, data, sizeof(struct termios));
		splx(s);
		wakeup(&tp->t_inq);
		return (0);
	case TIOCGPGRP:
		*(int *)data = tp->t_pgrp;
		return (0);
	case TIOCSPGRP:
		pgrp = *(int *)data;
		if (pgrp <= 0 || !pgfind(pgrp))
			return (EPERM);
		tp->t_pgrp = pgrp;
		return (0);
	case TIOCGWINSZ:
		ws = data;
		memset(ws, 0, sizeof(*ws));
		ws->ws_row = 24;
		ws->ws_col = 80;
		return (0);
	case FIONREAD:
		*(int *)data = tp->t_incount;
		return (0);
	default:
		return (ENOTTY);
	}
}
