/*
 * flags.c: __sflags(), the meaning of an fopen() mode string.
 *
 *	"r"  read		"r+" read and write
 *	"w"  write, truncate	"w+" the same, and read
 *	"a"  append		"a+" the same, and read
 *
 * with optional letters after the first: b (ignored), x (O_EXCL) and
 * e (O_CLOEXEC).  Returns the stream's __SRD/__SWR flags and stores the
 * open(2) flags in *oflagsp, or returns 0 with errno EINVAL.
 */
#include <errno.h>
#include <fcntl.h>

#include "local.h"

int
__sflags(const char *mode, int *oflagsp)
{
	int flags, oflags;

	switch (*mode++) {
	case 'r':
		flags = __SRD;
		oflags = O_RDONLY;
		break;
	case 'w':
		flags = __SWR;
		oflags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = __SWR;
		oflags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return (0);
	}
	for (; *mode != '\0'; mode++) {
		switch (*mode) {
		case '+':
			flags = __SRD | __SWR;
			oflags = (oflags & ~O_ACCMODE) | O_RDWR;
			break;
		case 'x':
			oflags |= O_EXCL;
			break;
		case 'e':
			oflags |= O_CLOEXEC;
			break;
		default:
			break;
		}
	}
	*oflagsp = oflags;
	return (flags);
}
