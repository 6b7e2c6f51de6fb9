/*
 * uname.c: uname(3), the BSD way: each field is a sysctl string
 * (kern.ostype, kern.hostname, kern.osrelease, kern.version,
 * hw.machine), cut to fit.  The version string is cut at its first
 * newline, and tabs in it become spaces, so that it prints on one line.
 * Returns 0, or -1 with errno set by sysctl.
 */
#include <sys/types.h>
#include <sys/sysctl.h>
#include <sys/utsname.h>

#include <errno.h>
#include <string.h>

/* Read the string sysctl {top, which} into buf, NUL-terminated. */
static int
uname_field(int top, int which, char *buf)
{
	int mib[2] = { top, which };
	size_t len = SYS_NMLN;

	if (sysctl(mib, 2, buf, &len, NULL, 0) == -1 && errno != ENOMEM)
		return (-1);
	buf[SYS_NMLN - 1] = '\0';
	return (0);
}

int
uname(struct utsname *name)
{
	char *p;

	if (uname_field(CTL_KERN, KERN_OSTYPE, name->sysname) == -1 ||
	    uname_field(CTL_KERN, KERN_HOSTNAME, name->nodename) == -1 ||
	    uname_field(CTL_KERN, KERN_OSRELEASE, name->release) == -1 ||
	    uname_field(CTL_KERN, KERN_VERSION, name->version) == -1 ||
	    uname_field(CTL_HW, HW_MACHINE, name->machine) == -1)
		return (-1);
	for (p = name->version; *p != '\0'; p++) {
		if (*p == '\n') {
			*p = '\0';
			break;
		}
		if (*p == '\t')
			*p = ' ';
	}
	return (0);
}
