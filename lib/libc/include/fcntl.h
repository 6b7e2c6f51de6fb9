/*
 * fcntl.h: open(2) and fcntl(2).  The flags and commands come from
 * <sys/fcntl.h>; the mode bits from <sys/stat.h>.
 */
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <sys/types.h>
#include <sys/fcntl.h>
#include <sys/stat.h>
#include <sys/unistd.h>

int	open(const char *, int, ...);
int	creat(const char *, mode_t);
int	fcntl(int, int, ...);

#endif /* !_FCNTL_H_ */
