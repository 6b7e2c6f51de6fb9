/*
 * sysctl.c: sysctl(3), sysctlnametomib(3) and sysctlbyname(3).
 *
 * sysctl() is the __sysctl system call under its public name.  The name
 * functions use the kernel's meta node {0, 3} (see <sys/sysctl.h>):
 * writing a dotted name to it reads back the name's MIB.
 */
#include <sys/types.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <string.h>

#include "libc_private.h"

int
sysctl(const int *name, u_int namelen, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen)
{

	return (__sysctl(name, namelen, oldp, oldlenp, newp, newlen));
}

/*
 * Translate the dotted name into a MIB of at most *sizep components,
 * stored at mibp; *sizep becomes the number of components.  Returns 0,
 * or -1 with errno set (ENOENT for an unknown name, ENOMEM when the MIB
 * does not fit).
 */
int
sysctlnametomib(const char *name, int *mibp, size_t *sizep)
{
	static const int meta[2] = { CTL_UNSPEC, 3 };
	size_t len;

	len = *sizep * sizeof(int);
	if (__sysctl(meta, 2, mibp, &len, name, strlen(name)) == -1)
		return (-1);
	*sizep = len / sizeof(int);
	return (0);
}

/* sysctl() on a dotted name: look up its MIB, then use it. */
int
sysctlbyname(const char *name, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen)
{
	int mib[CTL_MAXNAME];
	size_t miblen;

	miblen = CTL_MAXNAME;
	if (sysctlnametomib(name, mib, &miblen) == -1)
		return (-1);
	return (__sysctl(mib, miblen, oldp, oldlenp, newp, newlen));
}
