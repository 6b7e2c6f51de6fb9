/*
 * sysconf.c: sysconf(3), the system's limits and options.  Fixed
 * values come from <sys/param.h> and <limits.h>; the processor count
 * and memory size are asked of the kernel (sysctl hw.*).  An unknown
 * name gives -1 with errno EINVAL.
 */
#include <sys/param.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <limits.h>
#include <unistd.h>

/* An int-valued sysctl hw.<which>, or dflt if the kernel has none. */
static long
hw_int(int which, long dflt)
{
	int mib[2] = { CTL_HW, which };
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
		return (HZ);
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
		return (PAGE_SIZE);
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return (hw_int(HW_NCPU, 1));
	case _SC_PHYS_PAGES:
		return ((long)((unsigned long)hw_int(HW_PHYSMEM, -1) /
		    PAGE_SIZE));
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
