/*
 * vmtest.h: the few helpers that the VM test programs (vm-test, maild,
 * deliver, sendmsg, bench) share.  Each program is one directory of C
 * files (see the Makefile), so what they have in common lives here, as
 * static functions; the Makefile puts tests/common on their include
 * path.  A program that includes this defines usage(), which number()
 * calls on a bad argument.
 *
 *	number(s, opt, min, max)  option -opt's decimal argument s, in
 *				  [min, max], or a message and usage()
 *	sysctl_int(name)	  an int sysctl, or -1
 *	anon_resident(pid)	  pid's resident anonymous pages
 *				  (kern.proc's ki_anonres), or -1
 *	page_word(magic, pg, g, w) word w of a checked page: page pg at
 *				  generation g of a model (word 0 is
 *				  magic ^ pg, word 1 is g, the rest mix
 *				  all three, so that a page from the wrong
 *				  place or the wrong time never matches)
 *	push_out(pid, floor, all) memory pressure: write fresh pages until
 *				  pid has at most floor anonymous pages in
 *				  memory, or until the caller holds all the
 *				  memory there is (all: every page not
 *				  wired; otherwise less the pageout
 *				  daemon's free target).  The pages go
 *				  when the caller exits.  Returns 0, or -1
 *				  after saying on the standard error why
 *				  the pressure could not be applied (a
 *				  sysctl or the mmap failed): a test that
 *				  needs the pressure must then fail, not
 *				  pass without it.
 */
#ifndef _VMTEST_H_
#define _VMTEST_H_

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	VT_UNUSED	__attribute__((__unused__))
#define	VT_PGSZ		4096L
#define	PUSH_STEP	32		/* pages written between checks */

static void	usage(void);

static VT_UNUSED long
number(const char *s, int opt, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max) {
		fprintf(stderr, "%s: -%c %s: not a number from %ld to %ld\n",
		    getprogname(), opt, s, min, max);
		usage();
	}
	return (v);
}

static VT_UNUSED uint32_t
page_word(uint32_t magic, u_long pg, uint32_t g, u_long w)
{

	if (w == 0)
		return (magic ^ (uint32_t)pg);
	if (w == 1)
		return (g);
	return (((uint32_t)pg * 0x9e3779b1U) ^ (g * 0x85ebca77U) ^
	    ((uint32_t)w * 0xc2b2ae3dU));
}

static VT_UNUSED int
sysctl_int(const char *name)
{
	size_t len;
	int v;

	len = sizeof(v);
	if (sysctlbyname(name, &v, &len, NULL, 0) == -1)
		return (-1);
	return (v);
}

static VT_UNUSED long
anon_resident(pid_t pid)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid };
	struct kinfo_proc kp;
	size_t len = sizeof(kp);

	if (sysctl(mib, 4, &kp, &len, NULL, 0) == -1 || len < sizeof(kp))
		return (-1);
	return (kp.ki_anonres);
}

static VT_UNUSED int
push_out(pid_t pid, long floor, int all)
{
	volatile char *p;
	long cap, i, pages, wired, target, res;

	pages = sysctl_int("vm.stats.page_count");
	wired = sysctl_int("vm.stats.wire_count");
	target = all ? 0 : sysctl_int("vm.stats.free_target");
	if (pages == -1 || wired == -1 || target == -1) {
		fprintf(stderr, "%s: push_out: vm.stats: %s\n", getprogname(),
		    strerror(errno));
		return (-1);
	}
	if ((cap = pages - wired - target) <= 0) {
		fprintf(stderr, "%s: push_out: no memory to push with (%ld "
		    "pages, %ld wired)\n", getprogname(), pages, wired);
		return (-1);
	}
	p = mmap(NULL, cap * VT_PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (p == MAP_FAILED) {
		fprintf(stderr, "%s: push_out: mmap of %ld pages: %s\n",
		    getprogname(), cap, strerror(errno));
		return (-1);
	}
	for (i = 0; i < cap; i++) {
		p[i * VT_PGSZ] = 1;
		if (i % PUSH_STEP != PUSH_STEP - 1)
			continue;
		if ((res = anon_resident(pid)) == -1) {
			fprintf(stderr, "%s: push_out: kern.proc.pid.%d: %s\n",
			    getprogname(), (int)pid, strerror(errno));
			return (-1);
		}
		if (res <= floor)
			break;
	}
	return (0);
}

#endif /* !_VMTEST_H_ */
