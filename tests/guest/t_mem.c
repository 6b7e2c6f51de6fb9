/*
 * t_mem.c: tests of the calls that change the address space: sbrk
 * (growth, shrinking, failure), mmap and munmap of anonymous memory
 * (placement, holes, MAP_FIXED, argument checking), mprotect, and the
 * copy-on-write inheritance of mappings across fork.
 *
 * Accesses that must fault are made in forked children
 * (t_expect_death), which must die of SIGSEGV.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	P	T_PGSZ
#define	RW	(PROT_READ | PROT_WRITE)
#define	ANON	(MAP_PRIVATE | MAP_ANON)

extern char end[];		/* the linker's end of bss */

#define	ROUND(a)	(((unsigned long)(a) + P - 1) & ~(P - 1))
#define	TRUNC(a)	((unsigned long)(a) & ~(P - 1))

/*
 * Fail unless r is -1 (or MAP_FAILED) with errno e1 or e2.
 */
static void
expect_err2(const char *what, long r, int e, int e1, int e2)
{

	if (r != -1L || (e != e1 && e != e2))
		FAIL("%s: returned 0x%lx (errno %s), expected -1 with %s or %s",
		    what, r, t_errname(e), t_errname(e1), t_errname(e2));
}

/*
 * sbrk: sbrk(0) lies above the end of bss; growing moves the break by
 * the increment and gives zeroed, writable memory; shrinking moves it
 * back and the freed pages fault; growing again gives zeroed pages; an
 * absurd increment fails with ENOMEM and changes nothing.
 */
void
test_sbrk(void)
{
	char *b0, *p, *hole;
	unsigned long i;

	b0 = sbrk(0);
	EXPECT(b0 != (char *)-1, "sbrk(0): %s", t_errname(errno));
	EXPECT((unsigned long)b0 >= (unsigned long)end &&
	    (unsigned long)b0 < 0xbf800000UL,
	    "sbrk(0) = %p, outside [end of bss %p, stack)", (void *)b0,
	    (void *)end);
	p = sbrk(3 * P);
	EXPECT(p == b0, "sbrk(3 pages) returned %p, expected the old break "
	    "%p", (void *)p, (void *)b0);
	p = sbrk(0);
	EXPECT(p == b0 + 3 * P, "after growing, sbrk(0) = %p, expected %p",
	    (void *)p, (void *)(b0 + 3 * P));
	t_check_zero((void *)ROUND(b0), TRUNC(b0 + 3 * P) - ROUND(b0),
	    "new heap pages");
	memset(b0, 0x3c, 3 * P);
	for (i = 0; i < 3 * P; i++)
		EXPECT(b0[i] == 0x3c, "heap byte %lu reads 0x%02x after "
		    "writing 0x3c", i, (unsigned char)b0[i]);

	p = sbrk(-(intptr_t)(2 * P));
	EXPECT(p == b0 + 3 * P, "sbrk(-2 pages) returned %p, expected %p",
	    (void *)p, (void *)(b0 + 3 * P));
	p = sbrk(0);
	EXPECT(p == b0 + P, "after shrinking, sbrk(0) = %p, expected %p",
	    (void *)p, (void *)(b0 + P));
	for (i = 0; i < P; i++)
		EXPECT(b0[i] == 0x3c, "heap byte %lu below the break changed "
		    "to 0x%02x by shrinking", i, (unsigned char)b0[i]);
	hole = (char *)ROUND(b0 + P);
	t_expect_death(t_touch_read, hole, SIGSEGV,
	    "reading a page freed by shrinking the heap");
	t_expect_death(t_touch_write, hole + P - 1, SIGSEGV,
	    "writing a page freed by shrinking the heap");

	p = sbrk(2 * P);
	EXPECT(p == b0 + P, "sbrk(2 pages) returned %p, expected %p",
	    (void *)p, (void *)(b0 + P));
	t_check_zero(hole, TRUNC(b0 + 3 * P) - (unsigned long)hole,
	    "heap pages regrown after shrinking");
	memset(b0 + P, 0x4d, 2 * P);

	errno = 0;
	p = sbrk(0x40000000);
	EXPECT(p == (char *)-1 && errno == ENOMEM, "sbrk(1 GiB) returned %p "
	    "(errno %s), expected ENOMEM", (void *)p, t_errname(errno));
	errno = 0;
	p = sbrk(0x7ffff000);
	EXPECT(p == (char *)-1 && errno == ENOMEM, "sbrk(2 GiB) returned %p "
	    "(errno %s), expected ENOMEM", (void *)p, t_errname(errno));
	p = sbrk(0);
	EXPECT(p == b0 + 3 * P, "a failed sbrk moved the break from %p to %p",
	    (void *)(b0 + 3 * P), (void *)p);
	for (i = 0; i < P; i++)
		EXPECT(b0[i] == 0x3c && b0[P + i] == 0x4d &&
		    b0[2 * P + i] == 0x4d, "heap contents changed by a "
		    "failed sbrk (offset %lu)", i);
}

/*
 * Fail unless the n bytes at a are a page-aligned range inside user
 * space.
 */
static void
expect_mapping(const char *what, void *a, unsigned long n)
{
	unsigned long s = (unsigned long)a;

	EXPECT(a != MAP_FAILED, "%s: mmap failed: %s", what,
	    t_errname(errno));
	EXPECT((s & (P - 1)) == 0, "%s: mmap returned %p, not page-aligned",
	    what, a);
	EXPECT(s >= P && s + n > s && s + n <= T_USERTOP,
	    "%s: mmap returned %p, outside user space", what, a);
}

/*
 * Anonymous private mappings of 1, 16 and 3 pages: page-aligned, in
 * user space, disjoint from each other and from the program's text,
 * data, bss, heap and stack, zero-filled, and each keeps its own
 * contents.
 */
void
test_mmap_basic(void)
{
	static const unsigned long len[3] = { 1, 16, 3 };
	unsigned long s[3], known[6];
	char *m[3];
	int i, j, local;

	for (i = 0; i < 3; i++) {
		m[i] = mmap(NULL, len[i] * P, RW, ANON, -1, 0);
		expect_mapping("new mapping", m[i], len[i] * P);
		s[i] = (unsigned long)m[i];
	}
	for (i = 0; i < 3; i++)
		for (j = 0; j < i; j++)
			EXPECT(s[i] + len[i] * P <= s[j] ||
			    s[j] + len[j] * P <= s[i],
			    "mappings %p (%lu pages) and %p (%lu pages) "
			    "overlap", m[i], len[i], m[j], len[j]);
	known[0] = (unsigned long)t_text_target;
	known[1] = (unsigned long)&t_data_canary;
	known[2] = (unsigned long)t_bss_zero;
	known[3] = (unsigned long)end - 1;
	known[4] = (unsigned long)sbrk(0) - 1;
	known[5] = (unsigned long)&local;
	for (i = 0; i < 3; i++)
		for (j = 0; j < 6; j++)
			EXPECT(known[j] < s[i] || known[j] >= s[i] + len[i] * P,
			    "mapping %p (%lu pages) covers the program's "
			    "address %p", m[i], len[i], (void *)known[j]);
	for (i = 0; i < 3; i++)
		t_check_zero(m[i], len[i] * P, "new mapping");
	for (i = 0; i < 3; i++)
		t_fill(m[i], 0, len[i], 0x100U * (i + 1));
	for (i = 0; i < 3; i++)
		t_check(m[i], 0, len[i], 0x100U * (i + 1), "mapping contents");
	for (i = 0; i < 3; i++)
		EXPECT_OK(munmap(m[i], len[i] * P));

	/* Memory mapped again is zero, though it may be the same pages. */
	m[0] = mmap(NULL, 16 * P, RW, ANON, -1, 0);
	expect_mapping("mapping after munmap", m[0], 16 * P);
	t_check_zero(m[0], 16 * P, "mapping after munmap");
	EXPECT_OK(munmap(m[0], 16 * P));
}

/*
 * munmap of the middle page of a 5-page mapping leaves the other four
 * with their contents and usable, and the hole faults on read and
 * write; once all is unmapped, everything faults.
 */
void
test_mmap_unmap_middle(void)
{
	char *m;

	m = mmap(NULL, 5 * P, RW, ANON, -1, 0);
	expect_mapping("5 pages", m, 5 * P);
	t_fill(m, 0, 5, 0x51);
	EXPECT_OK(munmap(m + 2 * P, P));
	t_check(m, 0, 2, 0x51, "pages 0-1 after munmap of page 2");
	t_check(m, 3, 2, 0x51, "pages 3-4 after munmap of page 2");
	t_expect_death(t_touch_read, m + 2 * P, SIGSEGV, "reading the hole");
	t_expect_death(t_touch_write, m + 3 * P - 1, SIGSEGV,
	    "writing the hole");
	t_fill(m, 0, 2, 0x52);
	t_fill(m, 3, 2, 0x53);
	t_check(m, 0, 2, 0x52, "pages 0-1 rewritten");
	t_check(m, 3, 2, 0x53, "pages 3-4 rewritten");
	EXPECT_OK(munmap(m, 2 * P));
	t_check(m, 3, 2, 0x53, "pages 3-4 after munmap of pages 0-1");
	EXPECT_OK(munmap(m + 3 * P, 2 * P));
	t_expect_death(t_touch_read, m, SIGSEGV, "reading unmapped page 0");
	t_expect_death(t_touch_read, m + 4 * P, SIGSEGV,
	    "reading unmapped page 4");
}

/*
 * MAP_FIXED maps at exactly the address asked for (an address just
 * freed), and over an existing mapping replaces it with zeroed memory
 * without disturbing its neighbours.
 */
void
test_mmap_fixed(void)
{
	char *m, *q;

	m = mmap(NULL, 4 * P, RW, ANON, -1, 0);
	expect_mapping("4 pages", m, 4 * P);
	EXPECT_OK(munmap(m, 4 * P));
	q = mmap(m + P, 2 * P, RW, ANON | MAP_FIXED, -1, 0);
	EXPECT(q == m + P, "mmap(%p, MAP_FIXED) returned %p (%s)",
	    (void *)(m + P), (void *)q, t_errname(errno));
	t_check_zero(q, 2 * P, "MAP_FIXED mapping");
	t_fill(m, 1, 2, 0x61);
	t_check(m, 1, 2, 0x61, "MAP_FIXED mapping");
	t_expect_death(t_touch_read, m, SIGSEGV,
	    "reading below a MAP_FIXED mapping");
	t_expect_death(t_touch_read, m + 3 * P, SIGSEGV,
	    "reading above a MAP_FIXED mapping");

	q = mmap(m + 2 * P, P, RW, ANON | MAP_FIXED, -1, 0);
	EXPECT(q == m + 2 * P, "mmap(%p, MAP_FIXED) over a mapping returned "
	    "%p (%s)", (void *)(m + 2 * P), (void *)q, t_errname(errno));
	t_check_zero(q, P, "page replaced by MAP_FIXED");
	t_check(m, 1, 1, 0x61, "the neighbour of a MAP_FIXED replacement");
	EXPECT_OK(munmap(m + P, 2 * P));
}

/*
 * In a child: MAP_FIXED over a range that crosses the top of user
 * space (the stack's last page included) must fail, and leave the
 * stack alone.  Exits 0 if it failed with EINVAL or ENOMEM.
 */
static void
fixed_across_top(void *arg)
{
	void *q;

	(void)arg;
	q = mmap((void *)(T_USERTOP - P), 2 * P, RW, ANON | MAP_FIXED, -1, 0);
	if (q != MAP_FAILED || (errno != EINVAL && errno != ENOMEM))
		FAIL("mmap(0xbffff000, 2 pages, MAP_FIXED) returned %p (%s)",
		    q, t_errname(errno));
	_exit(0);
}

/*
 * Bad arguments to mmap, munmap and mprotect fail with EINVAL (or
 * ENOMEM where the range is simply not available), and a failed call
 * leaves existing mappings alone.
 */
void
test_mmap_badargs(void)
{
	char *m;
	pid_t pid;
	long r;

	m = mmap(NULL, 4 * P, RW, ANON, -1, 0);
	expect_mapping("4 pages", m, 4 * P);
	t_fill(m, 0, 4, 0x71);

	EXPECT_ERR(mmap(NULL, 0, RW, ANON, -1, 0), EINVAL);
	EXPECT_ERR(mmap(m + 1, P, RW, ANON | MAP_FIXED, -1, 0), EINVAL);
	EXPECT_ERR(mmap(NULL, P, RW, MAP_ANON, -1, 0), EINVAL);
	EXPECT_ERR(mmap(NULL, P, RW, MAP_ANON | MAP_PRIVATE | MAP_SHARED, -1,
	    0), EINVAL);
	EXPECT_ERR(mmap(NULL, P, 0x80 | PROT_READ, ANON, -1, 0), EINVAL);
	errno = 0;
	r = (long)mmap(NULL, 0xfffff000UL, RW, ANON, -1, 0);
	expect_err2("mmap of 0xfffff000 bytes", r, errno, EINVAL, ENOMEM);
	errno = 0;
	r = (long)mmap(m, 0xfffff000UL, RW, ANON | MAP_FIXED, -1, 0);
	expect_err2("mmap(MAP_FIXED) that wraps around", r, errno, EINVAL,
	    ENOMEM);
	errno = 0;
	r = (long)mmap((void *)T_USERTOP, P, RW, ANON | MAP_FIXED, -1, 0);
	expect_err2("mmap(0xc0000000, MAP_FIXED)", r, errno, EINVAL, ENOMEM);
	errno = 0;
	r = (long)mmap(NULL, P, RW, ANON | MAP_FIXED, -1, 0);
	expect_err2("mmap(0, MAP_FIXED)", r, errno, EINVAL, ENOMEM);
	t_check(m, 0, 4, 0x71, "a mapping after failed mmap calls");

	pid = t_fork();
	if (pid == 0)
		fixed_across_top(NULL);
	t_expect_exit(pid, 0, "MAP_FIXED across the top of user space");

	EXPECT_ERR(munmap((void *)(T_USERTOP - P), 2 * P), EINVAL);
	EXPECT_ERR(munmap((void *)T_USERTOP, P), EINVAL);
	EXPECT_ERR(munmap((void *)0xfffff000UL, 2 * P), EINVAL);
	EXPECT_ERR(munmap(m + 1, P), EINVAL);
	EXPECT_ERR(munmap(m, 0), EINVAL);
	EXPECT_ERR(mprotect(m + 1, P, PROT_READ), EINVAL);
	errno = 0;
	r = mprotect((void *)T_USERTOP, P, PROT_READ);
	expect_err2("mprotect(0xc0000000)", r, errno, EINVAL, ENOMEM);
	t_check(m, 0, 4, 0x71, "a mapping after failed munmap calls");
	EXPECT_OK(munmap(m, 4 * P));
}

/*
 * PROT_NONE memory faults on read and write, PROT_READ memory on
 * write; mprotect changes that both ways, keeps the contents, and can
 * change one page in the middle of a mapping.
 */
void
test_mmap_prot(void)
{
	char *n, *r, *m;

	n = mmap(NULL, P, PROT_NONE, ANON, -1, 0);
	expect_mapping("PROT_NONE", n, P);
	t_expect_death(t_touch_read, n, SIGSEGV, "reading PROT_NONE memory");
	t_expect_death(t_touch_write, n, SIGSEGV, "writing PROT_NONE memory");
	EXPECT_OK(munmap(n, P));

	r = mmap(NULL, P, PROT_READ, ANON, -1, 0);
	expect_mapping("PROT_READ", r, P);
	t_check_zero(r, P, "PROT_READ mapping");
	t_expect_death(t_touch_write, r, SIGSEGV, "writing PROT_READ memory");
	EXPECT_OK(mprotect(r, P, RW));
	t_fill(r, 0, 1, 0x81);
	t_check(r, 0, 1, 0x81, "after mprotect(READ|WRITE)");
	EXPECT_OK(mprotect(r, P, PROT_READ));
	t_check(r, 0, 1, 0x81, "after mprotect(READ)");
	t_expect_death(t_touch_write, r + 100, SIGSEGV,
	    "writing after mprotect(PROT_READ)");
	EXPECT_OK(mprotect(r, P, PROT_NONE));
	t_expect_death(t_touch_read, r, SIGSEGV,
	    "reading after mprotect(PROT_NONE)");
	EXPECT_OK(mprotect(r, P, RW));
	t_check(r, 0, 1, 0x81, "after PROT_NONE and back");
	EXPECT_OK(munmap(r, P));

	m = mmap(NULL, 3 * P, RW, ANON, -1, 0);
	expect_mapping("3 pages", m, 3 * P);
	t_fill(m, 0, 3, 0x82);
	EXPECT_OK(mprotect(m + P, P, PROT_READ));
	t_fill(m, 0, 1, 0x83);
	t_fill(m, 2, 1, 0x83);
	t_check(m, 1, 1, 0x82, "read-only middle page");
	t_expect_death(t_touch_write, m + P, SIGSEGV,
	    "writing the read-only middle page");
	t_check(m, 0, 1, 0x83, "page before the read-only one");
	t_check(m, 2, 1, 0x83, "page after the read-only one");
	EXPECT_OK(munmap(m, 3 * P));
}

/*
 * Private anonymous mappings are copy-on-write across fork, both ways;
 * a read-only mapping stays read-only in the child.
 */
void
test_mmap_fork_cow(void)
{
	char *m, *r;

	m = mmap(NULL, 8 * P, RW, ANON, -1, 0);
	expect_mapping("8 pages", m, 8 * P);
	t_cow_both(m, 8, "mmap", NULL);
	EXPECT_OK(munmap(m, 8 * P));

	r = mmap(NULL, P, RW, ANON, -1, 0);
	expect_mapping("1 page", r, P);
	t_fill(r, 0, 1, 0x91);
	EXPECT_OK(mprotect(r, P, PROT_READ));
	t_expect_death(t_touch_write, r, SIGSEGV,
	    "a child writing an inherited read-only mapping");
	t_check(r, 0, 1, 0x91, "read-only mapping after the child");
	EXPECT_OK(munmap(r, P));
}
