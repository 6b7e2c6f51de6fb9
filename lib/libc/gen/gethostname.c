/*
 * gethostname.c: gethostname(3), the sysctl kern.hostname.  The name
 * is NUL-terminated in name, which holds len bytes; returns 0, or -1
 * with errno set (ENAMETOOLONG when it does not fit).
 */
#include <sys/types.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <unistd.h>

int
gethostname(char *name, size_t len)
{
	int mib[2] = { CTL_KERN, KERN_HOSTNAME };
	size_t size;

	if (len == 0) {
		errno = ENAMETOOLONG;
		return (-1);
	}
	size = len;
	if (sysctl(mib, 2, name, &size, NULL, 0) == -1) {
		if (errno == ENOMEM) {
			name[len - 1] = '\0';
			errno = ENAMETOOLONG;
		}
		return (-1);
	}
	if (size == len && name[len - 1] != '\0') {
		name[len - 1] = '\0';
		errno = ENAMETOOLONG;
		return (-1);
	}
	if (size < len)
		name[size] = '\0';
	return (0);
}
