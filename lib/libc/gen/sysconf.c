/*
 * sysconf.c: sysconf(3), the system's limits and options.  Fixed
 * values come from <sys/param.h>, <limits.h>, <stdio.h> and
 * <unistd.h>; the processor count, the memory size and the page size
 * are asked of the kernel (sysctl hw.*), as is the clock rate
 * (kern.hz).  An unknown name gives -1 with errno EINVAL.
 */
#include <sys/param.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

/* An int-valued sysctl {top, which}, or dflt if the kernel has none. */
static long
sysctl_int(int top, int which, long dflt)
{
	int mib[2] = { top, which };
	int value;
	size_t len;

	len = sizeof(value);
	if (sysctl(mib, 2, &value, &len, NULL, 0) == -1 ||
	    len != sizeof(value))
		return (dflt);
	return (value);
}

long
sysconf(int name)
{

	switch (name) {
	case _SC_ARG_MAX:
		return (ARG_MAX);
	case _SC_CHILD_MAX:
		return (CHILD_MAX);
	case _SC_CLK_TCK:
		return (sysctl_int(CTL_KERN, KERN_HZ, HZ));
	case _SC_NGROUPS_MAX:
		return (NGROUPS);
	case _SC_OPEN_MAX:
		return (NOFILE);
	case _SC_JOB_CONTROL:
	case _SC_SAVED_IDS:
		return (1);
	case _SC_VERSION:
		return (_POSIX_VERSION);
	case _SC_PAGESIZE:
		return (sysctl_int(CTL_HW, HW_PAGESIZE, PAGE_SIZE));
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return (sysctl_int(CTL_HW, HW_NCPU, 1));
	case _SC_PHYS_PAGES:
		return ((long)((unsigned long)sysctl_int(CTL_HW, HW_PHYSMEM,
		    -1) / PAGE_SIZE));
	case _SC_STREAM_MAX:
		return (FOPEN_MAX);
	case _SC_TZNAME_MAX:
		return (TZNAME_MAX);
	case _SC_TIMERS:
		return (_POSIX_TIMERS);
	case _SC_MONOTONIC_CLOCK:
		return (_POSIX_MONOTONIC_CLOCK);
	case _SC_LINE_MAX:
		return (LINE_MAX);
	case _SC_HOST_NAME_MAX:
		return (HOST_NAME_MAX);
	case _SC_LOGIN_NAME_MAX:
		return (LOGIN_NAME_MAX);
	default:
		errno = EINVAL;
		return (-1);
	}
}
