/*
 * strerror.c: strerror(3) and strerror_r(3): the text of an error
 * number, from the table below, in errno order (<sys/errno.h>).
 *
 * An unknown number gives "Unknown error: N"; strerror() then returns
 * a static buffer, overwritten by the next such call.  strerror_r()
 * returns 0, EINVAL for an unknown number, or ERANGE when the text did
 * not fit in the buffer (it is truncated, and NUL-terminated if len is
 * not 0).
 */
#include <errno.h>
#include <string.h>

static const char *const errlist[] = {
	[0] =		"Undefined error: 0",
	[EPERM] =	"Operation not permitted",
	[ENOENT] =	"No such file or directory",
	[ESRCH] =	"No such process",
	[EINTR] =	"Interrupted system call",
	[EIO] =		"Input/output error",
	[ENXIO] =	"Device not configured",
	[E2BIG] =	"Argument list too long",
	[ENOEXEC] =	"Exec format error",
	[EBADF] =	"Bad file descriptor",
	[ECHILD] =	"No child processes",
	[EDEADLK] =	"Resource deadlock avoided",
	[ENOMEM] =	"Cannot allocate memory",
	[EACCES] =	"Permission denied",
	[EFAULT] =	"Bad address",
	[ENOTBLK] =	"Block device required",
	[EBUSY] =	"Device busy",
	[EEXIST] =	"File exists",
	[EXDEV] =	"Cross-device link",
	[ENODEV] =	"Operation not supported by device",
	[ENOTDIR] =	"Not a directory",
	[EISDIR] =	"Is a directory",
	[EINVAL] =	"Invalid argument",
	[ENFILE] =	"Too many open files in system",
	[EMFILE] =	"Too many open files",
	[ENOTTY] =	"Inappropriate ioctl for device",
	[ETXTBSY] =	"Text file busy",
	[EFBIG] =	"File too large",
	[ENOSPC] =	"No space left on device",
	[ESPIPE] =	"Illegal seek",
	[EROFS] =	"Read-only file system",
	[EMLINK] =	"Too many links",
	[EPIPE] =	"Broken pipe",
	[EDOM] =	"Numerical argument out of domain",
	[ERANGE] =	"Result too large",
	[EAGAIN] =	"Resource temporarily unavailable",
	[EINPROGRESS] =	"Operation now in progress",
	[EALREADY] =	"Operation already in progress",
	[ENOTSOCK] =	"Socket operation on non-socket",
	[ENOTSUP] =	"Operation not supported",
	[EPROTO] =	"Protocol error",
	[ENAMETOOLONG] = "File name too long",
	[ENOTEMPTY] =	"Directory not empty",
	[ENOSYS] =	"Function not implemented",
	[EOVERFLOW] =	"Value too large to be stored in data type",
};

#define	NERR	((int)(sizeof(errlist) / sizeof(errlist[0])))

/* "Unknown error: N" into buf, which holds at least 32 bytes. */
static void
unknown(char *buf, int errnum)
{
	char digits[12], *d;
	unsigned int u;

	strcpy(buf, "Unknown error: ");
	u = errnum < 0 ? 0U - (unsigned int)errnum : (unsigned int)errnum;
	d = digits + sizeof(digits);
	*--d = '\0';
	do
		*--d = '0' + u % 10;
	while ((u /= 10) != 0);
	if (errnum < 0)
		*--d = '-';
	strcat(buf, d);
}

int
strerror_r(int errnum, char *buf, size_t len)
{
	char ubuf[32];
	const char *msg;
	int error;

	error = 0;
	if (errnum >= 0 && errnum < NERR && errlist[errnum] != NULL)
		msg = errlist[errnum];
	else {
		unknown(ubuf, errnum);
		msg = ubuf;
		error = EINVAL;
	}
	if (strlcpy(buf, msg, len) >= len && error == 0)
		error = ERANGE;
	return (error);
}

char *
strerror(int errnum)
{
	static char ubuf[32];

	if (errnum >= 0 && errnum < NERR && errlist[errnum] != NULL)
		return ((char *)(unsigned long)errlist[errnum]);
	unknown(ubuf, errnum);
	return (ubuf);
}
