/*
 * termios.h: terminal control.  The structure, flags and ioctls come
 * from <sys/termios.h>; these functions are ioctl(2) calls on the TIOC*
 * commands.  Umbra's terminal has one speed, so the speed functions
 * only record what they are given.
 */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/types.h>
#include <sys/termios.h>

int	tcgetattr(int, struct termios *);
int	tcsetattr(int, int, const struct termios *);
pid_t	tcgetpgrp(int);
int	tcsetpgrp(int, pid_t);
speed_t	cfgetispeed(const struct termios *);
speed_t	cfgetospeed(const struct termios *);
int	cfsetispeed(struct termios *, speed_t);
int	cfsetospeed(struct termios *, speed_t);
void	cfmakeraw(struct termios *);

#endif /* !_TERMIOS_H_ */
