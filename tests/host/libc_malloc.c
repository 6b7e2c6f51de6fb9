/*
 * libc_malloc.c: host test of lib/libc/stdlib/malloc.c, built with its
 * functions renamed umbra_* and its sbrk, mmap, munmap and abort
 * renamed fake_* (see run.sh), so that it runs over a static arena
 * here rather than the process's heap.
 *
 *  1. Random malloc/calloc/realloc/free/posix_memalign sequences over a
 *     table of live blocks, each filled with its own byte: a block that
 *     overlapped another, lost its contents in realloc or came back
 *     unaligned (16 bytes) is caught; calloc memory must be zero.
 *  2. Once everything is freed the heap must have shrunk back (trim)
 *     and every mapping for a large block be gone.
 *  3. Again, but halfway through someone else moves the break (a
 *     "foreign" sbrk), which must make the allocator start a new
 *     segment.
 *  4. Double frees and pointers malloc never gave out must end in
 *     abort() (caught here with longjmp), for heap and mapped blocks.
 *  5. Running out of memory gives NULL and ENOMEM, and the allocator
 *     keeps working afterwards.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "testlib.h"

void	*umbra_malloc(size_t);
void	*umbra_calloc(size_t, size_t);
void	*umbra_realloc(void *, size_t);
void	 umbra_free(void *);
int	 umbra_posix_memalign(void **, size_t, size_t);

/* The fake break, over a static arena. */
#define	ARENA	(96 * 1024 * 1024)

static char	arena[ARENA] __attribute__((__aligned__(4096)));
static char	*fake_brk = arena;
static size_t	 arena_limit = ARENA;	/* lowered to test exhaustion */
static int	 live_maps;
static int	 aborted;
static int	 expect_abort;
static jmp_buf	 abort_jmp;

void *
fake_sbrk(intptr_t incr)
{
	char *old;

	old = fake_brk;
	if ((incr > 0 && (size_t)incr > arena_limit - (size_t)(fake_brk - arena)) ||
	    (incr < 0 && (size_t)-incr > (size_t)(fake_brk - arena))) {
		errno = ENOMEM;
		return ((void *)-1);
	}
	fake_brk += incr;
	return (old);
}

void *
fake_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;

	if (arena_limit != ARENA) {		/* out of memory: all of it */
		errno = ENOMEM;
		return (MAP_FAILED);
	}
	p = mmap(addr, len, prot, flags, fd, off);
	if (p != MAP_FAILED)
		live_maps++;
	return (p);
}

int
fake_munmap(void *addr, size_t len)
{

	live_maps--;
	return (munmap(addr, len));
}

void
fake_abort(void)
{

	if (!expect_abort) {
		printf("malloc aborted unexpectedly\n");
		exit(1);
	}
	aborted = 1;
	longjmp(abort_jmp, 1);
}

#define	NSLOT	1500

struct slot {
	unsigned char	*p;
	size_t		 size;
	unsigned char	 fill;
};

static struct slot	slots[NSLOT];

static size_t
rnd_size(void)
{

	switch (rnd(40)) {
	case 0:
		return (rnd(300000));		/* may be mapped */
	case 1:
	case 2:
		return (rnd(20000));
	case 3:
		return (0);
	default:
		return (rnd(600));
	}
}

/*
 * Check that the block still holds its fill byte: all of a small
 * block; the ends and some random bytes of a big one, for speed.
 */
static void
check_slot(int i, const char *when)
{
	struct slot *s = &slots[i];
	size_t k, j;

	if (s->p == NULL)
		return;
	for (j = 0; j < s->size && j < 4096 + 64; j++) {
		k = j < 2048 ? j : j < 4096 ? s->size - 1 - (j - 2048) :
		    rnd(s->size);
		if (s->p[k] != s->fill) {
			fail("%s: block %d (%zu bytes) changed at %zu", when, i,
			    s->size, k);
			return;
		}
	}
}

static void
set_slot(int i, void *p, size_t size)
{
	struct slot *s = &slots[i];

	s->p = p;
	s->size = size;
	s->fill = (unsigned char)rnd(256);
	memset(p, s->fill, size);
}

/*
 * Run the random operations; with foreign set, move the break behind
 * the allocator's back halfway through.
 */
static void
random_ops(int rounds, int foreign)
{
	void *p;
	size_t size, k;
	int r, i;

	for (r = 0; r < rounds; r++) {
		i = (int)rnd(NSLOT);
		check_slot(i, "before");
		if (foreign && r == rounds / 2)
			(void)fake_sbrk(4096 + 5);	/* someone else's sbrk */
		switch (rnd(6)) {
		case 0:
		case 1:
			if (slots[i].p != NULL) {
				umbra_free(slots[i].p);
				slots[i].p = NULL;
			}
			break;
		case 2:
			/* realloc keeps the old contents, up to the new size. */
			size = rnd_size();
			p = umbra_realloc(slots[i].p, size);
			if (p == NULL) {
				fail("realloc(%zu) failed", size);
				break;
			}
			for (k = 0; slots[i].p != NULL && k < size &&
			    k < slots[i].size; k++) {
				if (((unsigned char *)p)[k] != slots[i].fill) {
					fail("realloc lost byte %zu", k);
					break;
				}
			}
			set_slot(i, p, size);
			break;
		case 3:
			if (slots[i].p != NULL)
				umbra_free(slots[i].p);
			size = rnd_size();
			p = umbra_calloc(1, size);
			for (k = 0; p != NULL && k < size; k++) {
				if (((unsigned char *)p)[k] != 0) {
					fail("calloc(%zu): byte %zu not zero",
					    size, k);
					break;
				}
			}
			set_slot(i, p, size);
			break;
		case 4:
			if (slots[i].p != NULL)
				umbra_free(slots[i].p);
			size = rnd_size();
			k = (size_t)64 << rnd(7);
			if (umbra_posix_memalign(&p, k, size) != 0) {
				fail("posix_memalign(%zu, %zu) failed", k, size);
				slots[i].p = NULL;
				break;
			}
			if ((uintptr_t)p % k != 0)
				fail("posix_memalign(%zu): %p", k, p);
			set_slot(i, p, size);
			break;
		default:
			if (slots[i].p != NULL)
				umbra_free(slots[i].p);
			size = rnd_size();
			if ((p = umbra_malloc(size)) == NULL) {
				fail("malloc(%zu) failed", size);
				slots[i].p = NULL;
				break;
			}
			set_slot(i, p, size);
			break;
		}
		if (slots[i].p != NULL && (uintptr_t)slots[i].p % 16 != 0)
			fail("block %p not 16-byte aligned", slots[i].p);
	}
	for (i = 0; i < NSLOT; i++) {
		check_slot(i, "at the end");
		umbra_free(slots[i].p);
		slots[i].p = NULL;
	}
}

/* Expect f(p) to abort. */
#define	EXPECT_ABORT(what, call) do {					\
	aborted = 0;							\
	expect_abort = 1;						\
	if (setjmp(abort_jmp) == 0)					\
		call;							\
	expect_abort = 0;						\
	if (!aborted)							\
		fail("%s did not abort", what);				\
} while (0)

static void
bad_frees(void)
{
	char on_stack[32];
	void *p, *q, *big;
	int devnull, saved;

	/* The messages go to stderr: hide them. */
	saved = dup(2);
	devnull = open("/dev/null", O_WRONLY);
	dup2(devnull, 2);

	p = umbra_malloc(100);
	q = umbra_malloc(100);		/* keeps p from merging into top */
	umbra_free(p);
	EXPECT_ABORT("double free", umbra_free(p));
	EXPECT_ABORT("realloc of a freed block", (void)umbra_realloc(p, 10));
	p = umbra_malloc(100);
	EXPECT_ABORT("free inside a block", umbra_free((char *)p + 16));
	EXPECT_ABORT("free misaligned", umbra_free((char *)p + 1));
	EXPECT_ABORT("free of the stack", umbra_free(on_stack));
	big = umbra_malloc(1 << 20);
	umbra_free(big);
	EXPECT_ABORT("double free of a large block", umbra_free(big));
	umbra_free(p);
	umbra_free(q);

	dup2(saved, 2);
	close(saved);
	close(devnull);
}

static void
corners(void)
{
	void *p, *q;

	p = umbra_malloc(0);
	q = umbra_malloc(0);
	if (p == NULL || q == NULL || p == q)
		fail("malloc(0): %p %p", p, q);
	umbra_free(p);
	p = umbra_realloc(q, 0);
	if (p == NULL)
		fail("realloc(p, 0) gave NULL");
	umbra_free(p);
	umbra_free(NULL);

	errno = 0;
	if (umbra_malloc(SIZE_MAX) != NULL || errno != ENOMEM)
		fail("malloc(SIZE_MAX)");
	errno = 0;
	if (umbra_calloc(SIZE_MAX / 2, 3) != NULL || errno != ENOMEM)
		fail("calloc overflow");
	if (umbra_posix_memalign(&p, 24, 10) != EINVAL)
		fail("posix_memalign(24)");
}

static void
exhaustion(void)
{
	void *blocks[4096];
	int n, i;

	arena_limit = (size_t)(fake_brk - arena) + 4 * 1024 * 1024;
	errno = 0;
	for (n = 0; n < 4096; n++)
		if ((blocks[n] = umbra_malloc(7000)) == NULL)
			break;
	if (n == 4096 || errno != ENOMEM)
		fail("no ENOMEM after %d blocks (errno %d)", n, errno);
	for (i = 0; i < n; i += 2)
		umbra_free(blocks[i]);
	for (i = 0; i < n; i += 2)
		if ((blocks[i] = umbra_malloc(7000)) == NULL)
			fail("malloc after ENOMEM failed");
	for (i = 0; i < n; i++)
		umbra_free(blocks[i]);
	arena_limit = ARENA;
}

int
main(void)
{
	size_t top;

	corners();
	random_ops(200000, 0);
	top = (size_t)(fake_brk - arena);
	if (top > 512 * 1024)
		fail("heap not trimmed: %zu bytes still in use", top);
	if (live_maps != 0)
		fail("%d large blocks still mapped", live_maps);

	/* Memory below someone else's break cannot go back: 2 segments. */
	random_ops(200000, 1);
	bad_frees();
	exhaustion();
	random_ops(50000, 0);
	if (live_maps != 0)
		fail("%d large blocks still mapped", live_maps);
	return (test_done());
}
