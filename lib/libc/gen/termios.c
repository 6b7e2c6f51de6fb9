/*
 * termios.c: the termios(3) functions, each an ioctl(2) on one of the
 * TIOC* commands of <sys/termios.h>.
 *
 * The kernel's one terminal (the serial console) has a fixed speed, so
 * the speed functions only read and write the termios fields.  All
 * return 0 (tcgetpgrp: the group) or -1 with errno set.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <termios.h>
#include <unistd.h>

int
tcgetattr(int fd, struct termios *t)
{

	return (ioctl(fd, TIOCGETA, t));
}

/* Set the attributes now, after output drains, or after that and a flush. */
int
tcsetattr(int fd, int action, const struct termios *t)
{
	unsigned long cmd;

	switch (action) {
	case TCSANOW:
		cmd = TIOCSETA;
		break;
	case TCSADRAIN:
		cmd = TIOCSETAW;
		break;
	case TCSAFLUSH:
		cmd = TIOCSETAF;
		break;
	default:
		errno = EINVAL;
		return (-1);
	}
	return (ioctl(fd, cmd, t));
}

pid_t
tcgetpgrp(int fd)
{
	int pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) == -1)
		return (-1);
	return (pgrp);
}

int
tcsetpgrp(int fd, pid_t pgrp)
{
	int pg;

	pg = pgrp;
	return (ioctl(fd, TIOCSPGRP, &pg));
}

speed_t
cfgetispeed(const struct termios *t)
{

	return (t->c_ispeed);
}

speed_t
cfgetospeed(const struct termios *t)
{

	return (t->c_ospeed);
}

int
cfsetispeed(struct termios *t, speed_t speed)
{

	t->c_ispeed = speed;
	return (0);
}

int
cfsetospeed(struct termios *t, speed_t speed)
{

	t->c_ospeed = speed;
	return (0);
}

/* Raw mode: no line editing, echo, signals or character mapping. */
void
cfmakeraw(struct termios *t)
{

	t->c_iflag &= ~ICRNL;
	t->c_oflag &= ~OPOST;
	t->c_cflag |= CS8 | CREAD;
	t->c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL | ICANON | ISIG);
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
