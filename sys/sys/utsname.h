/*
 * utsname.h: uname(3), the system's name and version
 * (<sys/utsname.h>).  Each field is a NUL-terminated string, filled
 * from sysctl: kern.ostype, kern.hostname, kern.osrelease, kern.version
 * and hw.machine.
 */
#ifndef _SYS_UTSNAME_H_
#define _SYS_UTSNAME_H_

#define	SYS_NMLN	256		/* size of each field */

struct utsname {
	char	sysname[SYS_NMLN];	/* "Umbra" */
	char	nodename[SYS_NMLN];	/* the host name */
	char	release[SYS_NMLN];	/* the release, "0.1" */
	char	version[SYS_NMLN];	/* the kernel's version string */
	char	machine[SYS_NMLN];	/* the hardware, "i386" */
};

#ifndef _KERNEL
int	uname(struct utsname *);
#endif

#endif /* !_SYS_UTSNAME_H_ */
