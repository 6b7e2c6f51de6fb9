/*
 * isatty.c: isatty(3).  A descriptor is a terminal when it accepts the
 * TIOCGETA ioctl.  Returns 1, or 0 with errno set (ENOTTY or EBADF).
 */
#include <sys/ioctl.h>

#include <termios.h>
#include <unistd.h>

int
isatty(int fd)
{
	struct termios t;

	return (ioctl(fd, TIOCGETA, &t) == 0);
}
