/*
 * t_hostile.c: surviving hostile load (issue 7).  What a process may
 * throw at the kernel, on purpose or by accident, and what must still
 * hold afterwards:
 *
 *	mmap-edges	mmap, munmap and mprotect at the edges of the
 *			address space: length 0, wrapping lengths,
 *			unaligned addresses, a fixed mapping at 0 or over
 *			the kernel; each fails cleanly, and a probe
 *			(a SIGSEGV handler, and the kernel's own map
 *			listing) proves no mapping appeared that should not
 *			exist and none that should was lost
 *	mmap-past-eof	a file mapping longer than the file: past the end,
 *			SIGBUS (it was a panic, found by the fuzzer)
 *	priv-sysctl	every sysctl node, walked through the meta nodes as
 *			sysctl(8) does: written as uid 1000 it answers EPERM
 *			(unless CTLFLAG_ANYBODY), root-only ones refuse to
 *			be read, swapon and reboot refuse; and no value
 *			read, as root or not, holds a kernel address
 *	fuzz-swap	the system call fuzzer (t_fuzz.c) under swap
 *			pressure, with a canary whose pages must survive
 *	fork-kill-storm	fork up to 300 children under swap load, each
 *			copying and paging shared memory, and kill them as
 *			a group, ten times: nothing leaks
 *	kill-pagein	SIGKILL for processes in the middle of page-ins from
 *			swap (the kernel counts a victim caught asleep in
 *			one): they die, no page stays busy, data intact
 *	rw-short	readers and writers check a table of expected page
 *			contents while processes fork and exit at random
 *			under a memory hog; rw-soak is the long version
 *	cow-oom		a copy-on-write fault with no memory and no swap
 *			left: the writer is killed (the kernel logs why),
 *			never handed wrong data, and the system lives on
 *	fuzz-soak	the fuzzer for RUNTESTS_FUZZ_CALLS calls (make
 *			soak-fuzz)
 *
 * The swap group (mem=16M, tests/guest.sh) runs fuzz-swap,
 * fork-kill-storm, kill-pagein and rw-short; the oom group (mem=16M and
 * a small swap disk) runs cow-oom; the soak group is for make soak-fuzz
 * and make soak-vm-guest only.
 *
 * After each paging test the leak proofs of runner.c are taken at once,
 * not only at the end: vm.object_audit (no unreachable or broken
 * object), vm.swap_audit (every block in use owned by exactly one
 * object), and an account of vm.swap_used: the blocks in use, less the
 * retired ones, cannot exceed what the live processes' maps reach (the
 * sum of kern.proc's ki_swap, which counts a shared object once per
 * process and so can only overstate).  fork-kill-storm, kill-pagein and
 * rw-short also compare kernel resources before and after (vmstate.c,
 * t_kres_expect): wired pages, objects, kern.malloc use and fork
 * capacity, which show a leak even when nothing was paged.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

#define	P		T_PGSZ
#define	RW		(PROT_READ | PROT_WRITE)
#define	ANON		(MAP_PRIVATE | MAP_ANON)

#define	TAG_HOG		0x71000000U
#define	TAG_CANARY	0x72000000U
#define	TAG_STORM	0x73000000U
#define	TAG_PAGEIN	0x74000000U
#define	TAG_COW_A	0x75000000U
#define	TAG_COW_B	0x76000000U
#define	TAG_PRIV	0x77000000U

/* ------------------------------------------------------------------ */
/* Helpers.                                                            */
/* ------------------------------------------------------------------ */

static unsigned long
hs_ram(void)
{

	return ((unsigned long)t_stat("vm.stats.page_count"));
}

/* A fresh anonymous region of n pages. */
static char *
hs_region(unsigned long n)
{
	void *p;

	p = mmap(NULL, n * P, RW, ANON, -1, 0);
	if (p == MAP_FAILED)
		FAIL("mmap of %lu pages: %s", n, t_errname(errno));
	return (p);
}

/* Sum of ki_swap over every process (kern.proc.all). */
static int
hs_proc_swap(unsigned long *sum, int *nproc)
{
	int mib[3] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL };
	struct kinfo_proc *kp;
	size_t len = 0, i;

	*sum = 0;
	if (sysctl(mib, 3, NULL, &len, NULL, 0) == -1)
		return (errno);
	len += 8 * sizeof(*kp);
	if ((kp = malloc(len)) == NULL)
		return (ENOMEM);
	if (sysctl(mib, 3, kp, &len, NULL, 0) == -1) {
		free(kp);
		return (errno);
	}
	for (i = 0; i < len / sizeof(*kp); i++)
		if (kp[i].ki_stat != SZOMB)
			*sum += kp[i].ki_swap;
	*nproc = (int)(len / sizeof(*kp));
	free(kp);
	return (0);
}

/*
 * The leak proofs (see the opening comment).  Objects of processes that
 * just died may still be on their way out, so a failing proof is taken
 * again for up to five seconds; a real leak does not go away.
 */
static void
hs_audits(const char *when)
{
	struct vm_object_audit oa;
	struct swap_audit sa;
	unsigned long reach = 0;
	int e, i, total = 0, used = 0, nproc = 0, ok = 0;
	char why[200];

	for (i = 0; i < 50 && !ok; i++) {
		if (i > 0)
			t_msleep(100);
		why[0] = '\0';
		if ((e = t_sysctl_struct("vm.object_audit", &oa,
		    sizeof(oa))) != 0)
			FAIL("%s: vm.object_audit: %s", when, t_errname(e));
		if (oa.oa_unreachable != 0 || oa.oa_broken != 0) {
			snprintf(why, sizeof(why), "object audit: %u "
			    "unreachable objects (%u pages, %u swap blocks), "
			    "%u broken", oa.oa_unreachable,
			    oa.oa_leaked_pages, oa.oa_leaked_swap,
			    oa.oa_broken);
			continue;
		}
		if (t_sysctl_int("vm.swap_total", &total) != 0 ||
		    total == 0) {
			ok = 1;
			break;
		}
		if ((e = t_sysctl_struct("vm.swap_audit", &sa,
		    sizeof(sa))) != 0)
			FAIL("%s: vm.swap_audit: %s", when, t_errname(e));
		if (sa.sa_errors != 0) {
			snprintf(why, sizeof(why), "swap audit: %u orphaned, "
			    "%u unallocated, %u doubly owned, %u out of range",
			    sa.sa_orphaned, sa.sa_unallocated,
			    sa.sa_doubly_owned, sa.sa_out_of_range);
			continue;
		}
		if ((e = hs_proc_swap(&reach, &nproc)) != 0)
			FAIL("%s: kern.proc.all: %s", when, t_errname(e));
		used = t_stat("vm.swap_used");
		if ((unsigned long)used > reach + sa.sa_bad) {
			snprintf(why, sizeof(why), "vm.swap_used is %d blocks "
			    "(%u retired), but the %d processes reach only "
			    "%lu", used, sa.sa_bad, nproc, reach);
			continue;
		}
		ok = 1;
	}
	EXPECT(ok, "%s: %s", when, why);
}

/*
 * Fail unless, within five seconds, no VM object has paging in progress
 * (vm.objects): a fault or pageout that ended without dropping its
 * paging_in_progress (or its busy page) would leave one for good.
 * Only for moments when nothing pages.
 */
static void
hs_no_paging(const char *when)
{
	const struct kinfo_vmobject *kvo;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec;
	unsigned int i, busy = 0, id = 0;
	size_t len;
	int paging = 0, tries;

	for (tries = 0; tries < 50; tries++) {
		if (tries > 0)
			t_msleep(100);
		if ((kvh = kinfo_getvmobjects(&len)) == NULL)
			FAIL("%s: vm.objects: %s", when, t_errname(errno));
		busy = 0;
		for (i = 0, rec = NULL; i < kvh->kvh_nobjects; i++) {
			kvo = kinfo_vmrec_next(kvh, len, rec, sizeof(*kvo));
			EXPECT(kvo != NULL, "%s: vm.objects: record %u "
			    "malformed", when, i);
			rec = kvo;
			if (kvo->kvo_paging != 0 && busy++ == 0) {
				id = kvo->kvo_id;
				paging = kvo->kvo_paging;
			}
		}
		free(kvh);
		if (busy == 0)
			return;
	}
	FAIL("%s: %u objects still have paging in progress after 5 s (the "
	    "first, object %u: %d)", when, busy, id, paging);
}

/*
 * A hog: a process of n pages that writes them all, says so on the
 * ready pipe, then keeps rewriting them in order (sleeping a little
 * every 64 pages when slow) until its stop pipe reaches end of file.
 * Returns its pid; *stopw is the pipe end to close.  Runs as root, so
 * unprivileged fuzzers cannot kill it.
 */
static pid_t
hs_hog(unsigned long n, int slow, int *stopw)
{
	int stop[2], ready[2];
	unsigned long i;
	pid_t pid;
	char c, *p;

	t_pipe(stop);
	t_pipe(ready);
	pid = t_fork();
	if (pid == 0) {
		close(stop[1]);
		close(ready[0]);
		(void)fcntl(stop[0], F_SETFL, O_NONBLOCK);
		p = hs_region(n);
		t_fill(p, 0, n, TAG_HOG);
		t_writeall(ready[1], "r", 1);
		close(ready[1]);
		for (i = 0;; i = (i + 1) % n) {
			t_fill(p, i, 1, TAG_HOG);
			if (i % 64 == 0) {
				if (read(stop[0], &c, 1) == 0)
					break;
				if (slow)
					t_msleep(slow);
			}
		}
		for (i = 0; i < n; i += 8)
			t_check(p, i, 1, TAG_HOG, "the hog's pages");
		_exit(0);
	}
	close(stop[0]);
	close(ready[1]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "the hog died before it "
	    "filled its %lu pages", n);
	close(ready[0]);
	*stopw = stop[1];
	return (pid);
}

/*
 * A canary: n pages it checks every 200 ms until its stop pipe reaches
 * end of file; it exits 0 if they were always intact.
 */
static pid_t
hs_canary(unsigned long n, int *stopw)
{
	int stop[2];
	pid_t pid;
	char c, *p;

	t_pipe(stop);
	pid = t_fork();
	if (pid == 0) {
		close(stop[1]);
		(void)fcntl(stop[0], F_SETFL, O_NONBLOCK);
		p = hs_region(n);
		t_fill(p, 0, n, TAG_CANARY);
		for (;;) {
			t_check(p, 0, n, TAG_CANARY, "canary");
			if (read(stop[0], &c, 1) == 0)
				break;
			t_msleep(200);
		}
		t_check(p, 0, n, TAG_CANARY, "canary, at the end");
		_exit(0);
	}
	close(stop[0]);
	*stopw = stop[1];
	return (pid);
}

/* Stop a hog or canary and expect it to exit 0. */
static void
hs_stop(pid_t pid, int stopw, const char *what)
{

	close(stopw);
	t_expect_exit(pid, 0, what);
}

/* ------------------------------------------------------------------ */
/* mmap-edges                                                          */
/* ------------------------------------------------------------------ */

static sigjmp_buf hs_jb;
static volatile int hs_probing;

static void
hs_fault(int sig)
{

	if (hs_probing)
		siglongjmp(hs_jb, sig);
	_exit(120 + sig);
}

/*
 * Read (or write, when w) the byte at a under a SIGSEGV/SIGBUS handler:
 * 0 if it worked, else the signal.
 */
static int
hs_probe(unsigned long a, int w)
{
	volatile char *p = (volatile char *)a;
	int sig;

	t_signal(SIGSEGV, hs_fault, 0);
	t_signal(SIGBUS, hs_fault, 0);
	if ((sig = sigsetjmp(hs_jb, 1)) == 0) {
		hs_probing = 1;
		if (w)
			*p = *p;
		else
			(void)*p;
		hs_probing = 0;
		return (0);
	}
	hs_probing = 0;
	return (sig);
}

/*
 * Does an entry of our own map (kern.proc.vmmap) cover a?  Fails the
 * test if any entry lies outside [VM_MIN_ADDRESS, T_USERTOP): the
 * mincore-like half of the probe.
 */
static int
hs_mapped(unsigned long a)
{
	const struct kinfo_vmentry *kve;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec = NULL;
	unsigned int i, j;
	size_t len;
	int hit = 0;

	if ((kvh = kinfo_getvmmap(getpid(), &len)) == NULL)
		FAIL("kern.proc.vmmap.%d: %s", (int)getpid(),
		    t_errname(errno));
	for (i = 0; i < kvh->kvh_nentries; i++) {
		kve = kinfo_vmrec_next(kvh, len, rec, sizeof(*kve));
		EXPECT(kve != NULL, "kern.proc.vmmap: entry %u malformed", i);
		rec = kve;
		EXPECT(kve->kve_start >= P && kve->kve_start < kve->kve_end &&
		    kve->kve_end <= T_USERTOP, "a map entry [%#x, %#x) lies "
		    "outside user space", kve->kve_start, kve->kve_end);
		if (a >= kve->kve_start && a < kve->kve_end)
			hit = 1;
		for (j = 0; j < kve->kve_depth; j++) {
			rec = kinfo_vmrec_next(kvh, len, rec,
			    sizeof(struct kinfo_vmobject));
			EXPECT(rec != NULL, "kern.proc.vmmap: object "
			    "malformed");
		}
	}
	free(kvh);
	return (hit);
}

/* Fail unless nothing is mapped at a: no entry, and a read faults. */
static void
hs_expect_unmapped(unsigned long a, const char *what)
{
	int sig;

	EXPECT(!hs_mapped(a), "%s: an entry of the map covers %#lx", what, a);
	sig = hs_probe(a, 0);
	EXPECT(sig == SIGSEGV, "%s: reading %#lx %s", what, a,
	    sig == 0 ? "worked" : t_signame(sig));
}

/* Fail unless the n pages at m are mapped, writable and hold tag. */
static void
hs_expect_intact(char *m, unsigned long n, unsigned int tag,
    const char *what)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		EXPECT(hs_mapped((unsigned long)m + i * P), "%s: page %lu of "
		    "the mapping at %p is no longer mapped", what, i, m);
		EXPECT(hs_probe((unsigned long)m + i * P, 1) == 0, "%s: page "
		    "%lu of the mapping at %p faults", what, i, m);
	}
	t_check(m, 0, n, tag, what);
}

/* Fail unless r is -1 with EINVAL or ENOMEM. */
static void
hs_expect_fail(const char *what, long r, int e)
{

	if (r != -1L || (e != EINVAL && e != ENOMEM))
		FAIL("%s: returned %#lx (%s), expected -1 with EINVAL or "
		    "ENOMEM", what, (unsigned long)r, t_errname(e));
}

#define	MMAP_FAILS(what, call) do {					\
	long _r;							\
									\
	errno = 0;							\
	_r = (long)(call);						\
	hs_expect_fail((what), _r, errno);				\
} while (0)

/*
 * The edges of mmap, munmap and mprotect (mmap-badargs in t_mem.c has
 * the plain bad arguments):
 *	- length 0: mmap and munmap refuse; mprotect of nothing succeeds
 *	  and changes nothing;
 *	- lengths that wrap (past 4 GiB, or past the top of user space
 *	  once added to the address, or once rounded up to a page): every
 *	  call refuses and the mapping given stays mapped and intact;
 *	- unaligned addresses: refused with MAP_FIXED, munmap and
 *	  mprotect; a hint is rounded or ignored; an unaligned length is
 *	  rounded up to whole pages and no further;
 *	- MAP_FIXED at 0, across 0, over the kernel or across its start:
 *	  refused, and nothing is mapped there afterwards; a hint in the
 *	  kernel gives a user address;
 *	- the lowest user page can be mapped and unmapped again;
 *	- a file: a bad descriptor, one that is not a regular file, an
 *	  unaligned, negative or huge offset, and writable shared mappings
 *	  of a read-only file are refused; past the end of the file a
 *	  mapping faults;
 *	- the kernel's map of the process never has an entry outside
 *	  [VM_MIN_ADDRESS, 0xc0000000).
 */
void
test_mmap_edges(void)
{
	static const unsigned long wraps[] = { 0xffffffffUL, 0xfffff001UL,
	    0xfffff000UL, 0xc0000001UL, 0xc0001000UL };
	unsigned long i, a, low = P, m0;
	char *m, *q, what[80];
	int fd, p[2], e;
	long r;

	m = hs_region(4);
	t_fill(m, 0, 4, TAG_PRIV);
	m0 = (unsigned long)m;

	/* Length 0. */
	EXPECT_ERR(mmap(NULL, 0, RW, ANON, -1, 0), EINVAL);
	EXPECT_ERR(mmap(m, 0, RW, ANON | MAP_FIXED, -1, 0), EINVAL);
	EXPECT_ERR(munmap(m, 0), EINVAL);
	EXPECT_OK(mprotect(m, 0, PROT_NONE));
	hs_expect_intact(m, 4, TAG_PRIV, "after calls of length 0");

	/* Wrapping lengths, from the mapping's own address. */
	for (i = 0; i < nitems(wraps); i++) {
		snprintf(what, sizeof(what), "mmap(NULL, %#lx)", wraps[i]);
		MMAP_FAILS(what, mmap(NULL, wraps[i], RW, ANON, -1, 0));
		snprintf(what, sizeof(what), "mmap(%p, %#lx, MAP_FIXED)", m,
		    wraps[i]);
		MMAP_FAILS(what, mmap(m, wraps[i], RW, ANON | MAP_FIXED, -1,
		    0));
		snprintf(what, sizeof(what), "munmap(%p, %#lx)", m, wraps[i]);
		MMAP_FAILS(what, munmap(m, wraps[i]));
		snprintf(what, sizeof(what), "mprotect(%p, %#lx)", m,
		    wraps[i]);
		MMAP_FAILS(what, mprotect(m, wraps[i], PROT_NONE));
	}
	/* A length that reaches exactly 2^32, and one past the top. */
	a = 0UL - m0;
	MMAP_FAILS("munmap to 2^32", munmap(m, a));
	MMAP_FAILS("mprotect to 2^32", mprotect(m, a, PROT_NONE));
	MMAP_FAILS("mmap(MAP_FIXED) to 2^32", mmap(m, a, RW,
	    ANON | MAP_FIXED, -1, 0));
	a = T_USERTOP - m0 + P;
	MMAP_FAILS("munmap past the top", munmap(m, a));
	MMAP_FAILS("mprotect past the top", mprotect(m, a, PROT_NONE));
	/* A length that rounds up past 2^32 from a high address. */
	MMAP_FAILS("munmap(0xbffff000, 0x40000001)",
	    munmap((void *)(T_USERTOP - P), 0x40000001UL));
	hs_expect_intact(m, 4, TAG_PRIV, "after calls with wrapping lengths");

	/* Unaligned addresses and lengths. */
	for (i = 1; i < P; i = i * 4 + 1) {
		snprintf(what, sizeof(what), "mmap(%p + %lu, MAP_FIXED)", m, i);
		EXPECT_ERR(mmap(m + i, P, RW, ANON | MAP_FIXED, -1, 0),
		    EINVAL);
		EXPECT_ERR(munmap(m + i, P), EINVAL);
		EXPECT_ERR(mprotect(m + i, P, PROT_NONE), EINVAL);
	}
	hs_expect_intact(m, 4, TAG_PRIV, "after unaligned calls");
	q = mmap(m + 5, P, RW, ANON, -1, 0);
	EXPECT(q != MAP_FAILED && ((unsigned long)q & (P - 1)) == 0 &&
	    (unsigned long)q >= P && (unsigned long)q < T_USERTOP,
	    "mmap with the hint %p returned %p (%s)", m + 5, q,
	    t_errname(errno));
	EXPECT((unsigned long)q + P <= m0 || (unsigned long)q >= m0 + 4 * P,
	    "mmap with a hint inside a mapping returned %p, inside it", q);
	EXPECT_OK(munmap(q, P));
	q = mmap(NULL, P + 1, RW, ANON, -1, 0);
	EXPECT(q != MAP_FAILED, "mmap(P + 1): %s", t_errname(errno));
	t_check_zero(q, 2 * P, "a mapping of one page and a byte");
	if (!hs_mapped((unsigned long)q + 2 * P))
		hs_expect_unmapped((unsigned long)q + 2 * P,
		    "after a mapping of one page and a byte");
	EXPECT_OK(munmap(q, P + 1));
	hs_expect_unmapped((unsigned long)q, "after munmap(P + 1)");
	hs_expect_unmapped((unsigned long)q + P, "after munmap(P + 1)");

	/* Fixed at 0 and across it. */
	hs_expect_unmapped(0, "before the fixed mappings at 0");
	MMAP_FAILS("mmap(0, MAP_FIXED)", mmap(NULL, P, RW, ANON | MAP_FIXED,
	    -1, 0));
	hs_expect_unmapped(0, "after mmap(0, MAP_FIXED)");
	if (!hs_mapped(low)) {
		MMAP_FAILS("mmap(0, 2 pages, MAP_FIXED)", mmap(NULL, 2 * P, RW,
		    ANON | MAP_FIXED, -1, 0));
		hs_expect_unmapped(0, "after mmap(0, 2 pages, MAP_FIXED)");
		hs_expect_unmapped(low, "after mmap(0, 2 pages, MAP_FIXED)");
		/* The lowest user page itself is fine. */
		q = mmap((void *)low, P, RW, ANON | MAP_FIXED, -1, 0);
		EXPECT(q == (void *)low, "mmap(%#lx, MAP_FIXED) returned %p "
		    "(%s)", low, q, t_errname(errno));
		t_fill(q, 0, 1, TAG_PRIV + 1);
		t_check(q, 0, 1, TAG_PRIV + 1, "the lowest user page");
		hs_expect_unmapped(0, "with the lowest user page mapped");
		EXPECT_OK(munmap(q, P));
		hs_expect_unmapped(low, "after munmap of the lowest page");
	}

	/* Over the kernel, and across its start. */
	for (a = T_USERTOP; a != 0; a = a == T_USERTOP ? 0xd0000000UL :
	    a == 0xd0000000UL ? 0xfffff000UL : 0) {
		snprintf(what, sizeof(what), "mmap(%#lx, MAP_FIXED)", a);
		MMAP_FAILS(what, mmap((void *)a, P, RW, ANON | MAP_FIXED, -1,
		    0));
		snprintf(what, sizeof(what), "mmap(%#lx, 2 pages, MAP_FIXED)",
		    a);
		MMAP_FAILS(what, mmap((void *)a, 2 * P, RW, ANON | MAP_FIXED,
		    -1, 0));
		snprintf(what, sizeof(what), "mprotect(%#lx)", a);
		MMAP_FAILS(what, mprotect((void *)a, P, RW | PROT_EXEC));
		snprintf(what, sizeof(what), "munmap(%#lx)", a);
		MMAP_FAILS(what, munmap((void *)a, P));
		snprintf(what, sizeof(what), "after calls at %#lx", a);
		hs_expect_unmapped(a, what);
	}
	MMAP_FAILS("mprotect(0xbffff000, 2 pages)",
	    mprotect((void *)(T_USERTOP - P), 2 * P, PROT_NONE));
	MMAP_FAILS("munmap(0xbffff000, 2 pages)",
	    munmap((void *)(T_USERTOP - P), 2 * P));
	hs_expect_unmapped(T_USERTOP, "after calls across 0xc0000000");
	q = mmap((void *)T_USERTOP, P, RW, ANON, -1, 0);
	EXPECT(q == MAP_FAILED || ((unsigned long)q < T_USERTOP &&
	    (unsigned long)q >= P), "mmap with the hint 0xc0000000 returned "
	    "%p", q);
	if (q != MAP_FAILED) {
		t_check_zero(q, P, "a mapping hinted at the kernel");
		EXPECT_OK(munmap(q, P));
	}
	hs_expect_intact(m, 4, TAG_PRIV, "after calls at the kernel");

	/* Files. */
	t_pipe(p);
	EXPECT_ERR(mmap(NULL, P, PROT_READ, MAP_PRIVATE, 57, 0), EBADF);
	EXPECT_ERR(mmap(NULL, P, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
	errno = 0;
	r = (long)mmap(NULL, P, PROT_READ, MAP_PRIVATE, p[0], 0);
	e = errno;
	EXPECT(r == -1 && (e == ENODEV || e == EACCES || e == EINVAL),
	    "mmap of a pipe returned %#lx (%s)", (unsigned long)r,
	    t_errname(e));
	close(p[0]);
	close(p[1]);
	EXPECT((fd = open("/", O_RDONLY)) >= 0, "open /: %s",
	    t_errname(errno));
	errno = 0;
	r = (long)mmap(NULL, P, PROT_READ, MAP_PRIVATE, fd, 0);
	e = errno;
	EXPECT(r == -1 && (e == ENODEV || e == EACCES || e == EINVAL),
	    "mmap of a directory returned %#lx (%s)", (unsigned long)r,
	    t_errname(e));
	close(fd);
	EXPECT((fd = open(RUNTESTS_PATH, O_RDONLY)) >= 0, "open %s: %s",
	    RUNTESTS_PATH, t_errname(errno));
	EXPECT_ERR(mmap(NULL, P, PROT_READ, MAP_PRIVATE, fd, 1), EINVAL);
	EXPECT_ERR(mmap(NULL, P, PROT_READ, MAP_PRIVATE, fd, -(off_t)P),
	    EINVAL);
	EXPECT_ERR(mmap(NULL, 2 * P, PROT_READ, MAP_PRIVATE, fd,
	    (off_t)0xfffff000LL), EINVAL);
	EXPECT_ERR(mmap(NULL, P, PROT_READ, MAP_PRIVATE, fd,
	    (off_t)1 << 40), EINVAL);
	EXPECT_ERR(mmap(NULL, P, RW, MAP_SHARED, fd, 0), EACCES);
	q = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	EXPECT(q != MAP_FAILED, "mmap of %s, shared and read-only: %s",
	    RUNTESTS_PATH, t_errname(errno));
	EXPECT(memcmp(q, "\177ELF", 4) == 0, "a shared mapping of %s does "
	    "not start with the ELF magic", RUNTESTS_PATH);
	EXPECT_ERR(mprotect(q, P, RW), EACCES);
	EXPECT(hs_probe((unsigned long)q, 1) == SIGSEGV, "writing a shared "
	    "read-only file mapping did not fault");
	EXPECT_OK(munmap(q, P));
	close(fd);

	/* Our own mapping survived all of it; then unmap and probe. */
	hs_expect_intact(m, 4, TAG_PRIV, "at the end");
	EXPECT_OK(munmap(m, 4 * P));
	for (i = 0; i < 4; i++)
		hs_expect_unmapped(m0 + i * P, "after the final munmap");
	(void)hs_mapped(0);
}

/*
 * In a child: touch (w: write) the byte at a; exit 0 if that worked.
 */
static void
hs_touch_child(unsigned long a, int w)
{

	if (w)
		*(volatile char *)a = 1;
	else
		(void)*(volatile char *)a;
	_exit(0);
}

/*
 * A file mapping longer than the file (BSD and POSIX): the bytes after
 * the end in the file's last page read as zero, and an access to a
 * page wholly past the end faults with SIGBUS (SIGSEGV is tolerated):
 * reads and writes, shared and private mappings, and a mapping that
 * starts past the end.  Found by the fuzzer: a read there used to hit
 * vm_fault's assertion "va beyond object" (a panic any user could
 * cause), and a private write got a zero page.
 */
void
test_mmap_past_eof(void)
{
	static const struct {
		int	flags, prot, write;
		off_t	off;
		const char *what;
	} c[] = {
		{ MAP_PRIVATE, PROT_READ, 0, 0, "reading a private mapping" },
		{ MAP_SHARED, PROT_READ, 0, 0, "reading a shared mapping" },
		{ MAP_PRIVATE, RW, 1, 0, "writing a private mapping" },
		{ MAP_PRIVATE, PROT_READ, 0, 4 * P,
		    "reading a mapping that starts past the end" },
	};
	char how[64], *m;
	size_t i;
	pid_t pid;
	int fd, st;

	EXPECT((fd = open("/etc/passwd", O_RDONLY)) >= 0, "open: %s",
	    t_errname(errno));
	for (i = 0; i < nitems(c); i++) {
		m = mmap(NULL, 3 * P, c[i].prot, c[i].flags, fd, c[i].off);
		EXPECT(m != MAP_FAILED, "%s: mmap: %s", c[i].what,
		    t_errname(errno));
		if (c[i].off == 0)
			EXPECT(m[P - 1] == 0, "%s: the end of the last page "
			    "is not zero", c[i].what);
		pid = t_fork();
		if (pid == 0)
			hs_touch_child((unsigned long)m + 2 * P, c[i].write);
		st = t_wait(pid);
		EXPECT(WIFSIGNALED(st) && (WTERMSIG(st) == SIGBUS ||
		    WTERMSIG(st) == SIGSEGV), "%s, past the end of the file: "
		    "the child %s, expected SIGBUS", c[i].what,
		    t_statusstr(st, how, sizeof(how)));
		EXPECT_OK(munmap(m, 3 * P));
	}
	close(fd);
}

/* ------------------------------------------------------------------ */
/* priv-sysctl                                                         */
/* ------------------------------------------------------------------ */

#define	PRIV_MAXLEAVES	256

struct hs_leaf {
	int		mib[CTL_MAXNAME];
	int		len;
	u_int		kind;
	char		name[64];
	char		val[64];	/* its value as root (the start) */
	size_t		vallen;
};

/* Every leaf of the tree, by {0, 2}, with names and kinds. */
static int
hs_leaves(struct hs_leaf *lv, int max)
{
	int q[CTL_MAXNAME + 2], cur[CTL_MAXNAME], curlen = 0, n = 0;
	char buf[sizeof(u_int) + 64];
	size_t len;

	for (;;) {
		q[0] = 0;
		q[1] = 2;
		memcpy(q + 2, cur, curlen * sizeof(int));
		len = sizeof(cur);
		if (sysctl(q, curlen + 2, cur, &len, NULL, 0) == -1) {
			EXPECT(errno == ENOENT, "sysctl {0, 2, ...}: %s",
			    t_errname(errno));
			break;
		}
		curlen = (int)(len / sizeof(int));
		EXPECT(curlen > 0 && n < max, "the tree walk went wrong at "
		    "leaf %d", n);
		memcpy(lv[n].mib, cur, curlen * sizeof(int));
		lv[n].len = curlen;
		q[1] = 1;
		memcpy(q + 2, cur, curlen * sizeof(int));
		len = sizeof(lv[n].name) - 1;
		if (sysctl(q, curlen + 2, lv[n].name, &len, NULL, 0) == -1)
			FAIL("sysctl {0, 1, ...} of leaf %d: %s", n,
			    t_errname(errno));
		lv[n].name[len] = '\0';
		q[1] = 4;
		len = sizeof(buf);
		if (sysctl(q, curlen + 2, buf, &len, NULL, 0) == -1 ||
		    len < sizeof(u_int))
			FAIL("sysctl {0, 4} of %s: %s", lv[n].name,
			    t_errname(errno));
		memcpy(&lv[n].kind, buf, sizeof(u_int));
		n++;
	}
	return (n);
}

/* Does the leaf take more name components (kern.proc.pid.PID)? */
static int
hs_takes_args(const struct hs_leaf *l)
{

	return ((l->kind & CTLTYPE) == CTLTYPE_NODE);
}

/*
 * Read the leaf (with pid appended when it takes arguments) into a
 * malloc'ed buffer; returns it, its size in *lenp, or NULL with errno.
 */
static char *
hs_read(const struct hs_leaf *l, pid_t pid, size_t *lenp)
{
	int mib[CTL_MAXNAME + 1], n = l->len, tries;
	size_t len;
	char *buf;

	memcpy(mib, l->mib, n * sizeof(int));
	if (hs_takes_args(l))
		mib[n++] = (int)pid;
	for (tries = 0; tries < 4; tries++) {
		len = 0;
		if (sysctl(mib, n, NULL, &len, NULL, 0) == -1)
			return (NULL);
		len += 4096;
		if ((buf = malloc(len)) == NULL)
			return (NULL);
		if (sysctl(mib, n, buf, &len, NULL, 0) == 0) {
			*lenp = len;
			return (buf);
		}
		free(buf);
		if (errno != ENOMEM)
			return (NULL);
	}
	return (NULL);
}

/* Allow the words of an object record's kvo_path: a file's name. */
static void
hs_allow_path(const char *buf, const struct kinfo_vmobject *kvo,
    char *allowed)
{
	size_t w;

	for (w = 0; w < KVO_PATHLEN / 4; w++)
		allowed[((const char *)kvo->kvo_path - buf) / 4 + w] = 1;
}

/*
 * Words of a value that lie in the kernel's half (0xc0000000 and up),
 * skipping the justified exceptions: in kern.proc.vmmap, the end of the
 * stack entry is the top of user space, 0xc0000000, one past the last
 * user address; in kern.proc.vmmap and vm.objects, the names of files,
 * which a user chooses (the fuzzers make files in /tmp with any bytes
 * in their names).  Returns how many, with the first in *first.
 */
static int
hs_kernel_words(const struct hs_leaf *l, const char *buf, size_t len,
    size_t *first, uint32_t *firstval)
{
	const struct kinfo_vmmap_hdr *kvh = (const void *)buf;
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *kvo;
	const void *rec = NULL;
	char *allowed;
	uint32_t w;
	size_t i;
	unsigned int j, k;
	int n = 0;

	allowed = calloc(len / 4 + 1, 1);
	EXPECT(allowed != NULL, "calloc");
	if (strcmp(l->name, "kern.proc.vmmap") == 0 &&
	    len >= sizeof(*kvh)) {
		for (j = 0; j < kvh->kvh_nentries; j++) {
			kve = kinfo_vmrec_next(kvh, len, rec, sizeof(*kve));
			if (kve == NULL)
				break;
			rec = kve;
			if (kve->kve_end == T_USERTOP)
				allowed[((const char *)&kve->kve_end - buf) /
				    4] = 1;
			for (k = 0; k < kve->kve_depth && rec != NULL; k++) {
				rec = kvo = kinfo_vmrec_next(kvh, len, rec,
				    sizeof(*kvo));
				if (kvo != NULL)
					hs_allow_path(buf, kvo, allowed);
			}
		}
	}
	if (strcmp(l->name, "vm.objects") == 0 && len >= sizeof(*kvh))
		for (j = 0; j < kvh->kvh_nobjects; j++) {
			if ((kvo = kinfo_vmrec_next(kvh, len, rec,
			    sizeof(*kvo))) == NULL)
				break;
			rec = kvo;
			hs_allow_path(buf, kvo, allowed);
		}
	for (i = 0; i + 4 <= len; i += 4) {
		memcpy(&w, buf + i, 4);
		if (w >= T_USERTOP && !allowed[i / 4]) {
			if (n++ == 0) {
				*first = i;
				*firstval = w;
			}
		}
	}
	free(allowed);
	return (n);
}

/* Read every readable leaf and fail on a kernel address in it. */
static void
hs_scan_values(struct hs_leaf *lv, int n, const char *who)
{
	uint32_t val = 0;
	size_t len, off = 0;
	char *buf;
	int i, k, pids[2] = { 0, 1 }, pi;

	pids[0] = getpid();
	for (i = 0; i < n; i++) {
		if ((lv[i].kind & CTLFLAG_RD) == 0)
			continue;
		for (pi = 0; pi < (hs_takes_args(&lv[i]) ? 2 : 1); pi++) {
			if ((buf = hs_read(&lv[i], pids[pi], &len)) == NULL) {
				EXPECT(errno == EPERM || errno == ESRCH,
				    "%s: reading %s: %s", who, lv[i].name,
				    t_errname(errno));
				continue;
			}
			k = hs_kernel_words(&lv[i], buf, len, &off, &val);
			free(buf);
			EXPECT(k == 0, "%s: %s%s holds %d kernel addresses, "
			    "the first %#x at byte %lu", who, lv[i].name,
			    hs_takes_args(&lv[i]) ? ".PID" : "", k, val,
			    (unsigned long)off);
		}
	}
}

/*
 * The privilege walk.  As root: every leaf of the tree, named and typed
 * through the meta nodes; every readable one read (with our pid and
 * init's when it takes a pid) and scanned for kernel addresses;
 * kern.proc.vmmap and vm.objects must be among the leaves and
 * root-only.  Then in a child that is uid and gid 1000: every leaf
 * written with its own current value answers EPERM unless it is
 * CTLFLAG_ANYBODY (and writable); every root-only leaf answers EPERM
 * to a read and to a size query; every other readable one is scanned
 * for kernel addresses again; swapon and reboot answer EPERM.  As root
 * again: writing a read-only leaf answers EPERM.
 */
void
test_priv_sysctl(void)
{
	struct hs_leaf *lv;
	int n, i, e, r, rootonly = 0, found[2] = { 0, 0 }, mib[CTL_MAXNAME + 1];
	int writable = 0;
	size_t len;
	char *buf;
	pid_t pid;

	lv = calloc(PRIV_MAXLEAVES, sizeof(*lv));
	EXPECT(lv != NULL, "calloc");
	n = hs_leaves(lv, PRIV_MAXLEAVES);
	EXPECT(n > 20, "the tree walk found only %d leaves", n);
	for (i = 0; i < n; i++) {
		if (strcmp(lv[i].name, "kern.proc.vmmap") == 0)
			found[0] = 1 + ((lv[i].kind & CTLFLAG_ROOTONLY) != 0);
		if (strcmp(lv[i].name, "vm.objects") == 0)
			found[1] = 1 + ((lv[i].kind & CTLFLAG_ROOTONLY) != 0);
		if (lv[i].kind & CTLFLAG_ROOTONLY)
			rootonly++;
		if (lv[i].kind & CTLFLAG_WR)
			writable++;
		lv[i].vallen = sizeof(lv[i].val);
		if (hs_takes_args(&lv[i]) || sysctl(lv[i].mib, lv[i].len,
		    lv[i].val, &lv[i].vallen, NULL, 0) == -1)
			lv[i].vallen = 0;
	}
	EXPECT(found[0] == 2, "kern.proc.vmmap is %s",
	    found[0] == 0 ? "not in the tree" : "not root-only");
	EXPECT(found[1] == 2, "vm.objects is %s",
	    found[1] == 0 ? "not in the tree" : "not root-only");
	t_printf("  priv-sysctl: %d leaves, %d writable, %d root-only", n,
	    writable, rootonly);
	if (getenv("RUNTESTS_VERBOSE") != NULL)
		for (i = 0; i < n; i++)
			t_printf("  priv-sysctl: %s kind %#x", lv[i].name,
			    lv[i].kind);
	hs_scan_values(lv, n, "root");

	pid = t_fork();
	if (pid == 0) {
		if (setgid(1000) == -1 || setuid(1000) == -1)
			FAIL("setgid/setuid(1000): %s", t_errname(errno));
		for (i = 0; i < n; i++) {
			memcpy(mib, lv[i].mib, lv[i].len * sizeof(int));
			len = lv[i].len;
			if (hs_takes_args(&lv[i]))
				mib[len++] = getpid();
			errno = 0;
			r = sysctl(mib, len, NULL, NULL, lv[i].val,
			    lv[i].vallen > 0 ? lv[i].vallen : sizeof(int));
			e = errno;
			if ((lv[i].kind & (CTLFLAG_WR | CTLFLAG_ANYBODY)) ==
			    (CTLFLAG_WR | CTLFLAG_ANYBODY))
				EXPECT(r == 0 || e != EPERM, "writing %s "
				    "(CTLFLAG_ANYBODY) as uid 1000: %s",
				    lv[i].name, t_errname(e));
			else
				EXPECT(r == -1 && e == EPERM, "writing %s as "
				    "uid 1000: returned %d (%s), expected "
				    "EPERM", lv[i].name, r, t_errname(e));
			if ((lv[i].kind & CTLFLAG_ROOTONLY) == 0)
				continue;
			len = 0;
			errno = 0;
			r = sysctl(mib, hs_takes_args(&lv[i]) ? lv[i].len + 1 :
			    lv[i].len, NULL, &len, NULL, 0);
			EXPECT(r == -1 && errno == EPERM, "asking the size of "
			    "root-only %s as uid 1000: returned %d (%s)",
			    lv[i].name, r, t_errname(errno));
			errno = 0;
			buf = hs_read(&lv[i], 1, &len);
			EXPECT(buf == NULL && errno == EPERM, "reading "
			    "root-only %s as uid 1000: %s", lv[i].name,
			    buf != NULL ? "it worked" : t_errname(errno));
		}
		hs_scan_values(lv, n, "uid 1000");
		r = t_syscall(&e, SYS_swapon, (unsigned long)"/dev/wd0", 0, 0,
		    0, 0, 0);
		EXPECT(r == -1 && e == EPERM, "swapon(/dev/wd0) as uid 1000: "
		    "returned %d (%s)", r, t_errname(e));
		r = t_syscall(&e, SYS_swapon, 0xc0000000UL, 0, 0, 0, 0, 0);
		EXPECT(r == -1 && (e == EPERM || e == EFAULT), "swapon("
		    "0xc0000000) as uid 1000: returned %d (%s)", r,
		    t_errname(e));
		r = t_syscall(&e, SYS_reboot, RB_HALT, 0, 0, 0, 0, 0);
		EXPECT(r == -1 && e == EPERM, "reboot(RB_HALT) as uid 1000: "
		    "returned %d (%s)", r, t_errname(e));
		r = t_syscall(&e, SYS_reboot, 0, 0, 0, 0, 0, 0);
		EXPECT(r == -1 && e == EPERM, "reboot(0) as uid 1000: "
		    "returned %d (%s)", r, t_errname(e));
		_exit(0);
	}
	t_expect_exit(pid, 0, "the uid 1000 child");

	for (i = 0; i < n; i++) {
		if (lv[i].kind & CTLFLAG_WR)
			continue;
		memcpy(mib, lv[i].mib, lv[i].len * sizeof(int));
		len = lv[i].len;
		if (hs_takes_args(&lv[i]))
			mib[len++] = getpid();
		errno = 0;
		r = sysctl(mib, len, NULL, NULL, lv[i].val,
		    lv[i].vallen > 0 ? lv[i].vallen : sizeof(int));
		EXPECT(r == -1 && errno == EPERM, "writing read-only %s as "
		    "root: returned %d (%s)", lv[i].name, r,
		    t_errname(errno));
	}
	free(lv);
}

/* ------------------------------------------------------------------ */
/* fuzz-swap, fuzz-soak                                                */
/* ------------------------------------------------------------------ */

static unsigned int
hs_seed(void)
{
	const char *env;

	if ((env = getenv("RUNTESTS_FUZZ_SEED")) != NULL && *env != '\0')
		return ((unsigned int)strtoul(env, NULL, 0));
	return ((unsigned int)time(NULL) ^ ((unsigned int)getpid() << 16));
}

/*
 * The fuzzer with a root hog rewriting 5/4 of RAM and a root canary;
 * each fuzzing process also keeps own pages busy.  Memory pressure must
 * really happen (page-outs of at least half the RAM meanwhile), the
 * canary's pages must stay intact, and the leak proofs must hold after.
 */
static void
hs_fuzz_loaded(long calls, int seconds, int procs, int report)
{
	struct t_fuzz_opts o;
	struct t_fuzz_stats st;
	unsigned long ram = hs_ram();
	int hogw, canw, po;
	pid_t hog, can;

	hog = hs_hog(ram * 5 / 4, 0, &hogw);
	can = hs_canary(16, &canw);
	po = t_stat("vm.stats.pageouts");
	memset(&o, 0, sizeof(o));
	o.seed = hs_seed();
	o.procs = procs;
	o.calls = calls;
	o.seconds = seconds;
	o.own_pages = ram / 32;
	o.report_secs = report;
	o.verbose = getenv("RUNTESTS_VERBOSE") != NULL;
	t_fuzz_run(&o, &st);
	po = t_stat("vm.stats.pageouts") - po;
	hs_stop(can, canw, "the canary");
	hs_stop(hog, hogw, "the hog");
	t_printf("  fuzz: %d page-outs meanwhile (RAM %lu pages)", po, ram);
	EXPECT((unsigned long)po >= ram / 2, "only %d page-outs while "
	    "fuzzing: no swap pressure (RAM %lu pages)", po, ram);
	EXPECT(st.calls >= (unsigned long)calls / 4, "only %lu of %ld calls "
	    "were made", st.calls, calls);
	hs_audits("after fuzzing");
}

void
test_fuzz_swap(void)
{

	hs_fuzz_loaded(40000, 30, 4, 0);
}

/* make soak-fuzz: RUNTESTS_FUZZ_CALLS calls (10^6 by default). */
void
test_fuzz_soak(void)
{
	const char *env;
	long calls = 1000000;

	if ((env = getenv("RUNTESTS_FUZZ_CALLS")) != NULL && *env != '\0')
		calls = strtol(env, NULL, 0);
	hs_fuzz_loaded(calls, 0, 6, 30);
}

/* ------------------------------------------------------------------ */
/* fork-kill-storm                                                     */
/* ------------------------------------------------------------------ */

#define	STORM_ROUNDS	10
#define	STORM_CHILDREN	300
#define	STORM_TOUCH	3	/* pages each child copies */

/*
 * One child of the storm: joins group pgid, checks the STORM_TOUCH
 * shared pages it will write, writes them (copy-on-write), checks them
 * again, says so, and then keeps reading its pages and others until it
 * is killed.
 */
static void
storm_child(char *r, unsigned long n, int i, pid_t pgid, int readyw)
{
	unsigned long pg[STORM_TOUCH], k, j;

	(void)setpgid(0, pgid);
	for (k = 0; k < STORM_TOUCH; k++) {
		pg[k] = ((unsigned long)i * 7 + k * 131) % n;
		t_check(r, pg[k], 1, TAG_STORM, "storm child, before writing");
	}
	for (k = 0; k < STORM_TOUCH; k++)
		t_fill(r, pg[k], 1, TAG_STORM + 1 + i);
	for (k = 0; k < STORM_TOUCH; k++)
		t_check(r, pg[k], 1, TAG_STORM + 1 + i, "storm child");
	t_writeall(readyw, "r", 1);
	for (j = (unsigned long)i;; j += 17) {
		t_msleep(200);
		for (k = 0; k < STORM_TOUCH; k++)
			t_check(r, pg[k], 1, TAG_STORM + 1 + i,
			    "storm child, later");
		if (((unsigned long)i * 7) % n != j % n &&
		    ((unsigned long)i * 7 + 131) % n != j % n &&
		    ((unsigned long)i * 7 + 262) % n != j % n)
			t_check(r, j % n, 1, TAG_STORM, "storm child, "
			    "a page it did not write");
	}
}

/*
 * Fork up to STORM_CHILDREN children into a process group of their own
 * while a hog keeps memory short, let them copy and page, kill the
 * group with one kill(-pgid, SIGKILL), reap them all, and prove nothing
 * leaked; ten times.  Fork may fail only with EAGAIN (capacity), and
 * every child must die of the SIGKILL.  Before each kill the swap
 * blocks of a few children's own objects (their chains include the
 * shared region) are sampled: at some sample they must be above 0, or
 * the storm never paged.  The leak proofs are the audits after every
 * round and, at the end, kernel resources (t_kres_expect: wired pages,
 * objects, kern.malloc, fork capacity) back where they were before.
 */
static void
storm_body(void)
{
	unsigned long ram = hs_ram(), n = ram / 8;
	int ready[2], round, count, got, st, hogw, po, i, caps[STORM_ROUNDS];
	char *r, c, how[64], capline[STORM_ROUNDS * 6];
	struct kinfo_vmsummary ks;
	unsigned int most = 0;
	pid_t pid, pgid, *kids;
	long t0;

	kids = calloc(STORM_CHILDREN, sizeof(*kids));
	EXPECT(kids != NULL, "calloc");
	r = hs_region(n);
	t_fill(r, 0, n, TAG_STORM);
	pid = hs_hog(ram * 3 / 4, 1, &hogw);
	po = t_stat("vm.stats.pageouts");
	for (round = 0; round < STORM_ROUNDS; round++) {
		t_pipe(ready);
		pgid = 0;
		for (count = 0; count < STORM_CHILDREN; count++) {
			kids[count] = fork();
			if (kids[count] == -1) {
				EXPECT(errno == EAGAIN, "round %d: fork number "
				    "%d failed with %s, not EAGAIN", round,
				    count + 1, t_errname(errno));
				break;
			}
			if (kids[count] == 0) {
				close(ready[0]);
				storm_child(r, n, count, pgid, ready[1]);
			}
			if (pgid == 0)
				pgid = kids[count];
			(void)setpgid(kids[count], pgid);
		}
		close(ready[1]);
		caps[round] = count;
		EXPECT(count >= 20, "round %d: only %d children could be "
		    "forked", round, count);
		/* Let them get going: wait for most to be ready, or 5 s. */
		(void)fcntl(ready[0], F_SETFL, O_NONBLOCK);
		t0 = t_now_ms();
		for (got = 0; got < count * 3 / 4 && t_now_ms() - t0 < 5000;) {
			if (read(ready[0], &c, 1) == 1)
				got++;
			else
				t_msleep(20);
		}
		/* The storm's own swap: the first, middle and last child. */
		for (i = 0; i < count; i += MAX(1, count / 2))
			if (kinfo_vmsummary(kids[i], &ks) == 0)
				most = MAX(most, ks.ks_swapped);
		/* ready[0] stays open: a late child must not get SIGPIPE. */
		EXPECT_OK(kill(-pgid, SIGKILL));
		for (i = 0; i < count; i++) {
			if (t_wait_timeout(kids[i], 60, &st) == -1)
				FAIL("round %d: child %d did not die within "
				    "60 s of SIGKILL", round, i);
			EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
			    "round %d: child %d %s, not killed by SIGKILL",
			    round, i, t_statusstr(st, how, sizeof(how)));
		}
		close(ready[0]);
		EXPECT(kill(-pgid, 0) == -1 && errno == ESRCH, "round %d: "
		    "the group still has members", round);
		hs_audits("after a storm");
		if (round == 0)
			t_printf("  fork-kill-storm: round 0: %d children, %d "
			    "ready when killed", count, got);
	}
	hs_stop(pid, hogw, "the hog");
	po = t_stat("vm.stats.pageouts") - po;
	capline[0] = '\0';
	for (round = 0; round < STORM_ROUNDS; round++)
		snprintf(capline + strlen(capline), sizeof(capline) -
		    strlen(capline), " %d", caps[round]);
	t_printf("  fork-kill-storm: children per round:%s; %d page-outs; "
	    "a child's chains held at most %u swap blocks", capline, po,
	    most);
	EXPECT(most > 0, "no sampled child's objects ever held a swap "
	    "block: the storm did not page");
	t_check(r, 0, n, TAG_STORM, "the parent's region after the storms");
	EXPECT_OK(munmap(r, n * P));
	free(kids);
	hs_audits("at the end");
}

void
test_fork_kill_storm(void)
{

	t_leakfree(storm_body, "fork-kill-storm");
}

/* ------------------------------------------------------------------ */
/* kill-pagein                                                         */
/* ------------------------------------------------------------------ */

#define	PAGEIN_PROCS	4
#define	PAGEIN_ROUNDS	3

/*
 * Fail unless pages [first, first + n) of r (clipped to size) read back
 * as tag, within secs seconds, in a child: a page left busy would hang
 * it.
 */
static void
pagein_check(char *r, unsigned long size, long first, unsigned long n,
    const char *what)
{
	pid_t pid;
	int st;

	if (first < 0)
		first = 0;
	if ((unsigned long)first + n > size)
		n = size - first;
	pid = t_fork();
	if (pid == 0) {
		t_check(r, first, n, TAG_PAGEIN, what);
		_exit(0);
	}
	if (t_wait_timeout(pid, 60, &st) == -1)
		FAIL("%s: reading pages %ld-%lu hung for 60 s (a page left "
		    "busy?)", what, first, first + n - 1);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: the reader "
	    "failed", what);
}

/*
 * Processes page-faulting heavily from swap get SIGKILL.  The test
 * fills a region of 5/4 of RAM (its object must then hold swap blocks
 * for all that cannot be in memory) and forks PAGEIN_PROCS readers:
 * each walks the shared region from its own starting point, checking
 * every page (page-ins into the shared object) and writing every eighth
 * (copy-on-write copies, which page out too), and publishes the page it
 * is at.  Once page-ins are under way, each reader in turn is killed
 * with SIGKILL at a random moment, and must die within 60 s (a fault
 * that never lets go of its busy page would keep it).  A victim caught
 * asleep in a page-in finishes it with SIGKILL pending, which the
 * kernel counts (vm.stats.pagein_killed); since only the victim has
 * SIGKILL pending between its kill and its death, a rise of the counter
 * meanwhile is that victim's, and at least one victim must be caught so.
 * Then a fresh reader must read, within 60 s, the pages around where
 * each victim was faulting (a page left busy would hang it), with the
 * right contents; then the leak proofs.  Three rounds, and the whole
 * region is read back at the end.  Kernel resources (t_kres_expect:
 * wired pages, objects, kern.malloc, fork capacity) must be back where
 * they were before the test.
 */
static void
pagein_body(void)
{
	unsigned long ram = hs_ram(), n = ram * 5 / 4;
	volatile unsigned long *where;
	int round, i, st, pi, pk, caught = 0, ready[2];
	char *r, c, how[64];
	pid_t pid[PAGEIN_PROCS];
	struct t_vmentry filled;
	unsigned long pg;

	where = mmap(NULL, P, RW, MAP_SHARED | MAP_ANON, -1, 0);
	EXPECT(where != MAP_FAILED, "mmap: %s", t_errname(errno));
	r = hs_region(n);
	t_fill(r, 0, n, TAG_PAGEIN);
	t_vmregion(getpid(), r, n, &filled);
	EXPECT(filled.swapped >= n - ram, "after writing %lu pages in %lu of "
	    "RAM the region held %u swap blocks: its pages did not go to swap",
	    n, ram, filled.swapped);
	srandom((unsigned int)getpid());
	pi = t_stat("vm.stats.pageins");
	for (round = 0; round < PAGEIN_ROUNDS; round++) {
		t_pipe(ready);
		for (i = 0; i < PAGEIN_PROCS; i++) {
			pid[i] = t_fork();
			if (pid[i] != 0)
				continue;
			close(ready[0]);
			t_writeall(ready[1], "r", 1);
			for (pg = (n / PAGEIN_PROCS) * i + round * 97;;
			    pg++) {
				where[i] = pg % n;
				t_check(r, pg % n, 1, TAG_PAGEIN, "reader");
				if (pg % 8 == 0) {
					t_fill(r, pg % n, 1, TAG_PAGEIN);
					t_check(r, pg % n, 1, TAG_PAGEIN,
					    "reader, after its write");
				}
			}
		}
		close(ready[1]);
		for (i = 0; i < PAGEIN_PROCS; i++)
			EXPECT(t_readall(ready[0], &c, 1) == 1, "reader %d did "
			    "not start", i);
		close(ready[0]);
		for (i = 0; i < PAGEIN_PROCS; i++) {
			t_msleep(150 + random() % 400);
			pk = t_stat("vm.stats.pagein_killed");
			EXPECT_OK(kill(pid[i], SIGKILL));
			if (t_wait_timeout(pid[i], 60, &st) == -1)
				FAIL("round %d: reader %d did not die within "
				    "60 s of SIGKILL", round, i);
			EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
			    "round %d: reader %d %s", round, i,
			    t_statusstr(st, how, sizeof(how)));
			if (t_stat("vm.stats.pagein_killed") > pk)
				caught++;
		}
		hs_no_paging("after killing readers during page-ins");
		for (i = 0; i < PAGEIN_PROCS; i++)
			pagein_check(r, n, (long)where[i] - 16, 48,
			    "after the kills, around a victim's fault");
		hs_audits("after killing readers during page-ins");
	}
	t_printf("  kill-pagein: %d readers killed, %d of them asleep in a "
	    "page-in; the region held %u swap blocks after its fill; %d "
	    "page-ins", PAGEIN_ROUNDS * PAGEIN_PROCS, caught, filled.swapped,
	    t_stat("vm.stats.pageins") - pi);
	EXPECT(caught > 0, "no reader was asleep in a page-in when it was "
	    "killed (vm.stats.pagein_killed never rose)");
	pagein_check(r, n, 0, n, "the whole region, at the end");
	EXPECT_OK(munmap(r, n * P));
	EXPECT_OK(munmap((void *)where, P));
	hs_audits("at the end");
}

void
test_kill_pagein(void)
{

	t_leakfree(pagein_body, "kill-pagein");
}

/* ------------------------------------------------------------------ */
/* rw-short, rw-soak                                                   */
/* ------------------------------------------------------------------ */

#define	RW_MAXLIVE	8	/* processes at most */
#define	RW_MINLIVE	3	/* below this, nobody exits */
/*
 * Page writes a game makes at least, one fork and exit draw each: with
 * rw-short's odds, the chance that no fork is drawn is (31/32)^1000,
 * about 1e-14, and that no exit is, under 1e-8.
 */
#define	RW_MIN_WRITES	1000

/* The page shared by every process of the readers-and-writers test. */
struct rw_shared {
	unsigned int		fork_odds;	/* a player forks 1 time in */
	unsigned int		exit_odds;	/* ... exits 1 time in */
	volatile int		stop;		/* the time is up */
	volatile int		live;		/* processes in the game */
	volatile unsigned long	checks;		/* pages checked */
	volatile unsigned long	writes;		/* pages written */
	volatile unsigned long	forks, exits;
	volatile unsigned long	forkfails;	/* forks that failed */
	volatile int		forkerr;	/* ... the last one's errno */
	volatile pid_t		pids[RW_MAXLIVE]; /* players, latest first */
	volatile unsigned int	npids;		/* players ever entered */
	volatile unsigned long	mismatches;
	volatile int		bad_pid;	/* the first mismatch */
	volatile unsigned long	bad_page, bad_word;
	volatile unsigned int	bad_got, bad_want, bad_ver;
};

/* The word expected at word w of page pg at version v. */
static unsigned int
rw_word(unsigned long pg, unsigned long w, unsigned int v)
{

	return (((unsigned int)pg * 0x9e3779b1U) ^ ((unsigned int)w *
	    0x85ebca77U) ^ (v * 0xc2b2ae3dU) ^ 0x5bd1e995U);
}

static void
rw_write(char *r, unsigned long pg, unsigned int v)
{
	volatile unsigned int *p = (volatile unsigned int *)(r + pg * P);
	unsigned long w;

	for (w = 0; w < P / 4; w++)
		p[w] = rw_word(pg, w, v);
}

/* Check page pg against version v; records a mismatch. */
static int
rw_check(struct rw_shared *sh, char *r, unsigned long pg, unsigned int v)
{
	volatile unsigned int *p = (volatile unsigned int *)(r + pg * P);
	unsigned long w;
	unsigned int got;

	for (w = 0; w < P / 4; w++) {
		got = p[w];
		if (got != rw_word(pg, w, v)) {
			if (__atomic_fetch_add(&sh->mismatches, 1,
			    __ATOMIC_SEQ_CST) == 0) {
				sh->bad_pid = getpid();
				sh->bad_page = pg;
				sh->bad_word = w;
				sh->bad_got = got;
				sh->bad_want = rw_word(pg, w, v);
				sh->bad_ver = v;
			}
			return (0);
		}
	}
	sh->checks++;
	return (1);
}

/*
 * Enter the calling player in sh's table of players, for the test to
 * sample their swap (the table keeps the latest RW_MAXLIVE; an entry
 * may name a player that has left, which the sampling skips).
 */
static void
rw_enter(struct rw_shared *sh)
{
	unsigned int i;

	i = __atomic_fetch_add(&sh->npids, 1, __ATOMIC_SEQ_CST);
	sh->pids[i % RW_MAXLIVE] = getpid();
}

/*
 * One player: r is the region of n pages, ver its table of expected
 * versions (private memory too, so copied at fork like r).  Loop: write
 * a random page (new version, recorded in the table), check four
 * random pages, fork one time in sh->fork_odds (the child plays on with
 * a copy of everything), exit one time in sh->exit_odds (when there are
 * enough players) after checking every page, reap children; when stop
 * is set, check every page and exit.  Exits 0, or 3 after a mismatch.
 */
static void
rw_player(struct rw_shared *sh, char *r, unsigned int *ver, unsigned long n,
    unsigned int seed)
{
	unsigned long pg, i;
	unsigned int x = seed * 2 + 1;	/* odd, and one per seed */
	pid_t pid;
	int st;

#define	RW_RAND() (x ^= x << 13, x ^= x >> 17, x ^= x << 5, x)
	rw_enter(sh);
	for (;;) {
		while (waitpid(-1, &st, WNOHANG) > 0)
			continue;
		if (sh->stop || sh->mismatches != 0)
			break;
		pg = RW_RAND() % n;
		ver[pg]++;
		rw_write(r, pg, ver[pg]);
		sh->writes++;
		for (i = 0; i < 4; i++) {
			pg = RW_RAND() % n;
			if (!rw_check(sh, r, pg, ver[pg]))
				_exit(3);
		}
		if (RW_RAND() % sh->fork_odds == 0 &&
		    sh->live < RW_MAXLIVE) {
			__atomic_add_fetch(&sh->live, 1, __ATOMIC_SEQ_CST);
			pid = fork();
			if (pid == -1) {
				sh->forkerr = errno;
				__atomic_add_fetch(&sh->forkfails, 1,
				    __ATOMIC_SEQ_CST);
				__atomic_sub_fetch(&sh->live, 1,
				    __ATOMIC_SEQ_CST);
			} else if (pid == 0) {
				x ^= (unsigned int)getpid() * 0x2545f491U;
				__atomic_add_fetch(&sh->forks, 1,
				    __ATOMIC_SEQ_CST);
				rw_enter(sh);
				continue;
			}
		}
		if (RW_RAND() % sh->exit_odds == 0 &&
		    sh->live > RW_MINLIVE) {
			__atomic_sub_fetch(&sh->live, 1, __ATOMIC_SEQ_CST);
			__atomic_add_fetch(&sh->exits, 1, __ATOMIC_SEQ_CST);
			/* Check everything before leaving. */
			for (pg = 0; pg < n; pg++)
				if (!rw_check(sh, r, pg, ver[pg]))
					_exit(3);
			_exit(0);
		}
	}
	for (pg = 0; pg < n; pg++)
		if (!rw_check(sh, r, pg, ver[pg]))
			break;
	while (wait(&st) > 0)
		continue;
	__atomic_sub_fetch(&sh->live, 1, __ATOMIC_SEQ_CST);
	_exit(sh->mismatches != 0 ? 3 : 0);
#undef RW_RAND
}

/* Hidden swap blocks over every object, or -1. */
static long
hs_hidden_swap(void)
{
	long res, swap;

	return (t_hidden_pages(&res, &swap) == -1 ? -1 : swap);
}

/*
 * The most swap blocks that the objects of a listed player hold
 * (kinfo_vmsummary(3)), or *most if that is more.
 */
static void
rw_sample(struct rw_shared *sh, unsigned int *most)
{
	struct kinfo_vmsummary ks;
	int i;

	for (i = 0; i < RW_MAXLIVE; i++)
		if (sh->pids[i] > 0 && kinfo_vmsummary(sh->pids[i], &ks) == 0)
			*most = MAX(*most, ks.ks_swapped);
}

/*
 * Readers and writers (Tweedie's test, the D4 scenario): RW_MINLIVE
 * players start with a shared region of n pages and a table of
 * expected versions; they write and check pages and fork and exit at
 * random (so copy-on-write chains grow, lose their middles and
 * collapse; the short run churns faster, the soak grows longer chains)
 * while a hog rewrites 3/4 of RAM.  The players form a
 * process group of their own, orphans included.  The game lasts secs
 * seconds, and longer if need be until the players have written
 * min_writes pages: forks and exits are drawn at random, one
 * iteration in fork_odds and exit_odds, so it is the number of
 * iterations, not the time, that makes them all but certain to happen
 * (on a slow or loaded machine 20 s may hold only a few hundred
 * iterations, and then none might be drawn).  Then every player checks
 * all its pages and leaves.  Zero mismatches, real
 * paging (the swap blocks of the players' own objects, sampled every
 * 200 ms, must reach a quarter of the region at some sample), forks
 * and exits that happened (a fork that fails is counted, with its
 * error), no process killed for want of memory (which is what leaking
 * swap to hidden pages, the 1993 defect, ends in: swap use and hidden
 * blocks are printed every minute), and the leak proofs: the audits,
 * and kernel resources (t_kres_expect: wired pages, objects,
 * kern.malloc, fork capacity) back where they were before.  The game
 * runs in a child of the test (t_subtest), so that its page tables go
 * with it before the comparison.
 */
static struct {
	int		secs;
	unsigned long	min_writes;
	unsigned long	n;
	unsigned int	fork_odds, exit_odds;
} rw_args;

static void
rw_game(void)
{
	unsigned long ram = hs_ram(), pg, vpages, n = rw_args.n;
	struct rw_shared *sh;
	unsigned int *ver, most = 0;
	int i, hogw, po, kills, oom = 0, left, secs = rw_args.secs;
	pid_t hog, pid[RW_MINLIVE], pgid = 0;
	long t0, last, oom_at = 0, sampled, hres, hswap, maxhidden = 0;
	long maxhres = 0, samples = 0;
	int fix = t_stat("vm.collapse_pagers");

	sh = mmap(NULL, P, RW, MAP_SHARED | MAP_ANON, -1, 0);
	EXPECT(sh != MAP_FAILED, "mmap: %s", t_errname(errno));
	memset((void *)sh, 0, sizeof(*sh));
	sh->fork_odds = rw_args.fork_odds;
	sh->exit_odds = rw_args.exit_odds;
	vpages = (n * sizeof(*ver) + P - 1) / P;
	ver = (unsigned int *)hs_region(vpages);
	hog = hs_hog(ram * 3 / 4, 0, &hogw);
	po = t_stat("vm.stats.pageouts");
	kills = t_stat("vm.stats.oom_kills");
	{
		char *r = hs_region(n);

		for (pg = 0; pg < n; pg++)
			rw_write(r, pg, 0);
		sh->live = RW_MINLIVE;
		for (i = 0; i < RW_MINLIVE; i++) {
			pid[i] = t_fork();
			if (pid[i] == 0) {
				(void)setpgid(0, pgid);
				rw_player(sh, r, ver, n, (unsigned int)(
				    t_now_ms() * 2654435761U + i));
			}
			if (pgid == 0)
				pgid = pid[i];
			(void)setpgid(pid[i], pgid);
		}
		EXPECT_OK(munmap(r, n * P));
	}
	t0 = last = sampled = t_now_ms();
	while ((t_now_ms() - t0 < secs * 1000L ||
	    sh->writes < rw_args.min_writes) && sh->mismatches == 0) {
		t_msleep(200);
		rw_sample(sh, &most);
		if (t_now_ms() - sampled >= 1000) {
			/* No hidden page, ever: sampled every second. */
			sampled = t_now_ms();
			if (t_hidden_pages(&hres, &hswap) > maxhidden) {
				maxhidden = hres + hswap;
				maxhres = hres;
			}
			samples++;
		}
		if (t_stat("vm.stats.oom_kills") > kills) {
			oom = t_stat("vm.stats.oom_kills") - kills;
			oom_at = t_now_ms() - t0;
			break;
		}
		if (t_now_ms() - last >= 60000) {
			last = t_now_ms();
			t_printf("  rw: %ld s: %lu checks, %lu writes, %lu "
			    "forks, %lu exits, %d players, %lu mismatches; "
			    "swap %d used, %ld hidden", (last - t0) / 1000,
			    sh->checks, sh->writes, sh->forks, sh->exits,
			    sh->live, sh->mismatches, t_stat("vm.swap_used"),
			    hs_hidden_swap());
		}
	}
	if (oom != 0)
		t_printf("  rw: out of memory at %ld s: swap %d of %d used, "
		    "%ld blocks hidden", oom_at / 1000, t_stat("vm.swap_used"),
		    t_stat("vm.swap_total"), hs_hidden_swap());
	sh->stop = 1;
	/* Every player checks all its pages, then leaves: 2 minutes. */
	for (i = 0; i < 1200 && kill(-pgid, 0) == 0; i++)
		t_msleep(100);
	left = kill(-pgid, 0) == 0;
	(void)kill(-pgid, SIGKILL);
	for (i = 0; i < RW_MINLIVE; i++)
		(void)t_wait(pid[i]);
	for (i = 0; i < 100 && kill(-pgid, 0) == 0; i++)
		t_msleep(100);
	po = t_stat("vm.stats.pageouts") - po;
	if (oom != 0) {			/* the killer may have chosen it */
		close(hogw);
		(void)t_wait(hog);
	} else
		hs_stop(hog, hogw, "the hog");
	t_printf("  rw: %ld s: %lu page checks, %lu page writes, %lu forks "
	    "(%lu more failed, the last with %s), %lu exits, %lu mismatches, "
	    "%d page-outs; a player's objects held at most %u swap blocks",
	    (t_now_ms() - t0) / 1000, sh->checks, sh->writes, sh->forks,
	    sh->forkfails, t_errname(sh->forkerr), sh->exits, sh->mismatches,
	    po, most);
	t_printf("  rw: hidden pages sampled %ld times (vm.collapse_pagers="
	    "%d): at most %ld (%ld resident, %ld on swap)", samples, fix,
	    maxhidden, maxhres, maxhidden - maxhres);
	EXPECT(sh->mismatches == 0, "%lu mismatches; the first: pid %d, "
	    "page %lu word %lu is %#x, expected %#x (version %u)",
	    sh->mismatches, sh->bad_pid, sh->bad_page, sh->bad_word,
	    sh->bad_got, sh->bad_want, sh->bad_ver);
	EXPECT(oom == 0, "memory and swap ran out after %ld s: %d processes "
	    "killed (swap leaked to hidden pages?)", oom_at / 1000, oom);
	EXPECT(!left, "players were still running 120 s after the end");
	EXPECT(samples > 0, "hidden pages were never sampled");
	if (fix == 1)
		EXPECT(maxhidden == 0, "%ld hidden pages (%ld resident) at "
		    "one sample with the fix on", maxhidden, maxhres);
	else
		EXPECT(maxhidden > 0, "no page was ever hidden with the fix "
		    "off: the fork trees did not hide what they should");
	EXPECT(sh->forks > 0, "no fork happened in %lu page writes: %lu "
	    "forks failed, the last with %s", sh->writes, sh->forkfails,
	    t_errname(sh->forkerr));
	EXPECT(sh->exits > 0, "no player exited in %lu page writes (%lu "
	    "forks)", sh->writes, sh->forks);
	EXPECT(most >= n / 4, "the players' own objects held at most %u swap "
	    "blocks at any sample, for a region of %lu pages: they did not "
	    "page", most, n);
	EXPECT_OK(munmap((void *)sh, P));
	EXPECT_OK(munmap(ver, vpages * P));
	hs_audits("after the readers and writers");
}

static void
rw_run(int secs, unsigned long min_writes, unsigned long n,
    unsigned int fork_odds, unsigned int exit_odds)
{

	rw_args.secs = secs;
	rw_args.min_writes = min_writes;
	rw_args.n = n;
	rw_args.fork_odds = fork_odds;
	rw_args.exit_odds = exit_odds;
	t_leakfree(rw_game, "rw");
}

void
test_rw_short(void)
{

	rw_run(20, RW_MIN_WRITES, hs_ram() / 4, 32, 48);
}

/*
 * hidden-trees-nofix: the short readers and writers with 4.4BSD's
 * rules, which must hide pages at some sample (rw_run checks), so that
 * rw-short's "no hidden page with the fix" means something.
 */
void
test_hidden_trees_nofix(void)
{
	int off = 0;

	EXPECT(sysctlbyname("vm.collapse_pagers", NULL, NULL, &off,
	    sizeof(off)) == 0, "sysctl -w vm.collapse_pagers=0: %s",
	    t_errname(errno));
	rw_run(20, RW_MIN_WRITES, hs_ram() / 4, 32, 48);
}

/* make soak-vm-guest: RUNTESTS_SOAK_SECONDS (600 by default). */
void
test_rw_soak(void)
{
	const char *env;
	int secs = 600;

	if ((env = getenv("RUNTESTS_SOAK_SECONDS")) != NULL && *env != '\0')
		secs = atoi(env);
	rw_run(secs, RW_MIN_WRITES, hs_ram() / 2, 64, 128);
}

/* ------------------------------------------------------------------ */
/* cow-oom                                                             */
/* ------------------------------------------------------------------ */

/*
 * A copy-on-write fault with no memory and no swap left (the oom boot:
 * mem=16M and a small swap disk).  The test fills a region R of 2/5 of
 * what memory and swap can hold, and forks a writer.  The writer first
 * fills a private region a little larger than R (so that it, not the
 * test, is the largest process), then overwrites R page by page,
 * checking before each write that the page still reads as the test
 * wrote it and after that it reads as written, and re-checking all its
 * writes every 64 pages.  The copies cannot all fit: the out-of-memory
 * killer must kill the writer (SIGKILL, counted in vm.stats.oom_kills,
 * and logged on the console: tests/guest.sh checks the log), which must
 * never see wrong data (it would exit 3).  The test's own R must read
 * back intact, and the leak proofs must hold.
 */
void
test_cow_oom(void)
{
	unsigned long avail, n, x, pg;
	volatile unsigned long *copied;
	int kills, st, swfree;
	char *r, *xr, how[64];
	pid_t pid;

	swfree = t_stat("vm.swap_total") - t_stat("vm.swap_used");
	avail = (unsigned long)t_stat("vm.stats.free_count") + swfree;
	EXPECT(swfree > 0, "no swap: this test needs the oom boot");
	n = avail * 2 / 5;
	x = n + 64;
	t_printf("  cow-oom: %lu pages free, %d swap blocks free: R %lu "
	    "pages, the writer's own %lu", avail - swfree, swfree, n, x);
	copied = mmap(NULL, P, RW, MAP_SHARED | MAP_ANON, -1, 0);
	EXPECT(copied != MAP_FAILED, "mmap: %s", t_errname(errno));
	*copied = 0;
	r = hs_region(n);
	t_fill(r, 0, n, TAG_COW_A);
	kills = t_stat("vm.stats.oom_kills");
	pid = t_fork();
	if (pid == 0) {
		xr = hs_region(x);
		t_fill(xr, 0, x, TAG_COW_B + 1);
		for (pg = 0; pg < n; pg++) {
			t_check(r, pg, 1, TAG_COW_A, "writer, before writing");
			t_fill(r, pg, 1, TAG_COW_B);
			*copied = pg + 1;
			t_check(r, pg, 1, TAG_COW_B, "writer, its own write");
			if (pg % 64 == 63)
				t_check(r, 0, pg + 1, TAG_COW_B,
				    "writer, its earlier writes");
		}
		_exit(4);	/* everything fit: the test is too small */
	}
	st = t_wait(pid);
	EXPECT(!(WIFEXITED(st) && WEXITSTATUS(st) == 4), "the writer "
	    "copied all %lu pages: memory never ran out", n);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "the writer %s, "
	    "not killed by SIGKILL", t_statusstr(st, how, sizeof(how)));
	EXPECT(t_stat("vm.stats.oom_kills") > kills, "the writer died, but "
	    "the out-of-memory killer did not count it");
	EXPECT(*copied > 0, "the writer was killed before its first "
	    "copy-on-write fault");
	t_printf("  cow-oom: the writer (pid %d) was killed after %lu "
	    "copies; the console must say \"pid %d (runtests) killed: out "
	    "of memory\"", (int)pid, *copied, (int)pid);
	EXPECT_OK(munmap((void *)copied, P));
	t_check(r, 0, n, TAG_COW_A, "the test's region after the writer died");
	EXPECT_OK(munmap(r, n * P));
	hs_audits("after the writer died");
}
