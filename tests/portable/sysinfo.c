/*
 * sysinfo.c: what configure scripts and system tools ask: which system
 * this is (the predefined macros and uname(3)), its page size (sysconf,
 * getpagesize, and an mmap that relies on it), processors, clock ticks
 * and limits.
 */
#define _DEFAULT_SOURCE
#define _BSD_SOURCE

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "ptest.h"

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS	MAP_ANON
#endif

int
main(void)
{
	struct utsname u;
	const char *os;
	char host[256];
	long pagesize, ncpu, tck, openmax;
	char *p;

	pt_start("sysinfo");

#if defined(__linux__) || defined(__linux) || defined(__gnu_linux__)
	os = "linux";
#elif defined(__Umbra__)
	os = "umbra";
#elif defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__)
	os = "bsd";
#else
	os = "unknown";
#endif
	pt_check(strcmp(os, "umbra") == 0, "compiled for Umbra",
	    "the predefined macros say %s", os);
#if defined(__unix__) && defined(__unix)
	pt_check(1, "__unix__ and __unix", NULL);
#else
	pt_check(0, "__unix__ and __unix", "not defined");
#endif

	if (uname(&u) == -1) {
		pt_check(0, "uname", "%s", strerror(errno));
		return (pt_done());
	}
	printf("sysinfo: %s %s %s %s (%s)\n", u.sysname, u.nodename,
	    u.release, u.machine, u.version);
	pt_check(strcmp(u.sysname, "Umbra") == 0 &&
	    strcmp(u.machine, "i386") == 0 && u.release[0] != '\0',
	    "uname", "sysname \"%s\", machine \"%s\"", u.sysname, u.machine);
	if (gethostname(host, sizeof(host)) == 0)
		pt_check(strcmp(host, u.nodename) == 0, "nodename",
		    "\"%s\" against gethostname's \"%s\"", u.nodename, host);

	pagesize = sysconf(_SC_PAGESIZE);
	pt_check(pagesize > 0 && (pagesize & (pagesize - 1)) == 0 &&
	    pagesize == getpagesize(), "page size",
	    "sysconf %ld, getpagesize %d", pagesize, getpagesize());
	p = mmap(NULL, 3 * pagesize, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pt_check(p != MAP_FAILED && ((unsigned long)p % pagesize) == 0 &&
	    munmap(p + pagesize, pagesize) == 0, "mmap in pages",
	    "mmap gave %p", (void *)p);

	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	tck = sysconf(_SC_CLK_TCK);
	openmax = sysconf(_SC_OPEN_MAX);
	printf("sysinfo: page %ld, %ld cpu, %ld ticks/s, %ld files\n",
	    pagesize, ncpu, tck, openmax);
	pt_check(ncpu >= 1 && tck > 0 && openmax >= _POSIX_OPEN_MAX,
	    "processors, ticks, open files", "%ld, %ld, %ld", ncpu, tck,
	    openmax);
	errno = 0;
	pt_check(sysconf(-42) == -1 && errno == EINVAL,
	    "an unknown sysconf name", "errno %d", errno);
	return (pt_done());
}
