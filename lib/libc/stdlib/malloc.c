/*
 * malloc.c: the memory allocator: malloc, calloc, realloc, free,
 * posix_memalign and aligned_alloc.
 *
 * The heap is memory from sbrk(2), cut into chunks with boundary tags,
 * in the manner of Doug Lea's allocator.  A chunk starts with a header
 * of four words, followed by the caller's memory:
 *
 *	chunk ->  prev_size	size of the chunk before, if that is free
 *		  size | flags	this chunk's size, header included
 *		  magic, spare	in use: the chunk's address ^ MAGIC_KEY
 *		  (or link)	free: its LIST_ENTRY in its bin
 *	mem   ->  ...		the caller's bytes
 *
 * Sizes are multiples of ALIGNMENT (16), and chunks and the caller's
 * memory are ALIGNMENT-aligned.  The flags are CINUSE (the chunk is
 * allocated), PREV_INUSE (the chunk before it is) and MMAPPED (a large
 * block, see below).  No two free chunks are ever adjacent: free()
 * merges a chunk with free neighbours at once, using PREV_INUSE and
 * prev_size to find the one before.  The magic word, which depends on
 * the chunk's address and is wiped when the chunk is freed, is what
 * lets free() tell a live chunk from a freed one or from a pointer into
 * the middle of something.
 *
 * Free chunks wait in bins: one exact-size bin for each size below
 * 512 bytes, then two bins for each power of two.  malloc() takes the
 * best fit from the smallest bin that can serve the request, or the
 * first chunk of a larger bin, splitting off the remainder.  When no
 * bin can, the request is cut from `top', the free space at the end
 * of the newest heap segment, which grows with sbrk(2).  Each segment
 * ends with a fencepost, a header marked in use, so that the chunk
 * walk never leaves the segment.  If someone else moved the break, the
 * next growth starts a new segment and the old top becomes an ordinary
 * free chunk.  When top grows beyond TRIM_THRESHOLD by freeing, the
 * heap gives memory back with a negative sbrk(2).
 *
 * Requests of MMAP_THRESHOLD bytes or more get their own mapping from
 * mmap(2), returned by munmap(2) when freed; these blocks are on a
 * list, which free() searches for any pointer outside the heap.
 *
 * free() and realloc() check what they are given: a pointer that is
 * not at a chunk of the heap or a large block, a chunk that is not in
 * use (a double free, nearly always), or headers that disagree, make
 * them print a message on stderr and abort().
 *
 * Only standard C and sbrk/mmap/munmap/write/abort are used, so that
 * tests/host can build this file for the host over a fake sbrk.
 * Single-threaded: there is no locking, and signal handlers must not
 * call the allocator.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/queue.h>

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	ALIGNMENT	16
#define	PAGESZ		4096
#define	ROUNDUP(x, a)	(((x) + ((a) - 1)) & ~(size_t)((a) - 1))
#define	MAX_REQUEST	(SIZE_MAX / 4)
#define	MAGIC_KEY	((uintptr_t)0x6d616c6c)	/* "mall" */

#define	MMAP_THRESHOLD	(128 * 1024)	/* requests this big get a mapping */
#define	TRIM_THRESHOLD	(256 * 1024)	/* give back top beyond this */
#define	TOP_PAD		(64 * 1024)	/* extra to ask of sbrk each time */

struct chunk {
	size_t		 prev_size;	/* size of the chunk before, if free */
	size_t		 size;		/* size of this chunk, and flags */
	union {
		LIST_ENTRY(chunk) link;	/* free: its bin */
		struct {		/* in use */
			uintptr_t	 magic;	/* MAGIC(chunk) */
			uintptr_t	 spare;
		};
	};
};

#define	HDR		sizeof(struct chunk)
#define	MINCHUNK	(HDR + ALIGNMENT)
#define	MAGIC(c)	((uintptr_t)(c) ^ MAGIC_KEY)

#define	PREV_INUSE	0x1
#define	CINUSE		0x2
#define	MMAPPED		0x4
#define	FLAGMASK	(ALIGNMENT - 1)

#define	CSIZE(c)	((c)->size & ~(size_t)FLAGMASK)
#define	AT(p, off)	((struct chunk *)(void *)((char *)(p) + (off)))
#define	NEXT(c)		AT((c), CSIZE(c))
#define	PREV(c)		AT((c), -(ptrdiff_t)(c)->prev_size)
#define	C2MEM(c)	((void *)((char *)(c) + HDR))
#define	MEM2C(p)	AT((p), -(ptrdiff_t)HDR)

/*
 * Bins: 0 .. NSMALL-1 hold exactly index * ALIGNMENT bytes; above, two
 * bins for each power of two from 2^SMALL_SHIFT up.
 */
#define	NSMALL		32
#define	SMALL_SHIFT	9		/* 512 = NSMALL * ALIGNMENT */
#define	NBINS		(NSMALL + 2 * (32 - SMALL_SHIFT))

static LIST_HEAD(bin, chunk) bins[NBINS];
static int		 heap_ready;
static struct chunk	*top;		/* free space at the end of the heap */
static char		*heap_lo;	/* lowest address of any segment */
static char		*heap_hi;	/* end of the newest segment */

/*
 * A large block: its own mapping, starting with this record, with the
 * chunk header just before the caller's memory at BIGHDR.
 */
struct bigblk {
	LIST_ENTRY(bigblk) link;	/* on bigblks */
	size_t		 maplen;	/* bytes mapped */
};
#define	BIGHDR		ROUNDUP(sizeof(struct bigblk) + HDR, ALIGNMENT)

static LIST_HEAD(, bigblk) bigblks = LIST_HEAD_INITIALIZER(bigblks);

static void	*heap_alloc(size_t);
static void	 release(struct chunk *);

/*
 * Report a bad pointer given to fn and abort.  Written by hand, with
 * one write(2), because stdio may itself be what is broken.
 */
static void
corrupt(const char *fn, const void *p, const char *why)
{
	char buf[160], *b;
	const char *s;
	uintptr_t v;
	int i;

	b = buf;
	for (s = fn; *s != '\0'; s++)
		*b++ = *s;
	for (s = "(0x"; *s != '\0'; s++)
		*b++ = *s;
	v = (uintptr_t)p;
	for (i = (int)sizeof(v) * 8 - 4; i >= 0; i -= 4)
		*b++ = "0123456789abcdef"[(v >> i) & 0xf];
	for (s = "): "; *s != '\0'; s++)
		*b++ = *s;
	for (s = why; *s != '\0' && b < buf + sizeof(buf) - 1; s++)
		*b++ = *s;
	*b++ = '\n';
	(void)write(2, buf, b - buf);
	abort();
}

/* The chunk size that holds n bytes for the caller. */
static size_t
request2size(size_t n)
{
	size_t need;

	need = ROUNDUP(n + HDR, ALIGNMENT);
	return (need < MINCHUNK ? MINCHUNK : need);
}

/*
 * The bin for a free chunk of size bytes: an exact bin below 512, else
 * the lower or upper half of its power of two.
 */
static int
bin_index(size_t size)
{
	int k;

	if (size < (1U << SMALL_SHIFT))
		return ((int)(size / ALIGNMENT));
	k = (int)(sizeof(unsigned long) * 8) - 1 -
	    __builtin_clzl((unsigned long)size);
	if (k > 31)
		return (NBINS - 1);
	return (NSMALL + 2 * (k - SMALL_SHIFT) + (int)((size >> (k - 1)) & 1));
}

/* Put the free chunk c at the head of its bin. */
static void
bin_insert(struct chunk *c)
{

	LIST_INSERT_HEAD(&bins[bin_index(CSIZE(c))], c, link);
}

/*
 * Take c off its bin, checking first that its neighbours point back at
 * it (a write past the end of a block shows up here).
 */
static void
bin_unlink(struct chunk *c)
{

	if (*c->link.le_prev != c || (c->link.le_next != NULL &&
	    c->link.le_next->link.le_prev != &c->link.le_next))
		corrupt("malloc", C2MEM(c), "free list corrupted");
	LIST_REMOVE(c, link);
}

/* Empty every bin. */
static void
heap_init(void)
{
	int i;

	for (i = 0; i < NBINS; i++)
		LIST_INIT(&bins[i]);
	heap_ready = 1;
}

/* Mark c allocated. */
static void
set_inuse(struct chunk *c)
{

	c->size |= CINUSE;
	c->magic = MAGIC(c);
}

/* Write the fencepost that follows top: a header marked in use. */
static void
set_fence(void)
{
	struct chunk *f;

	f = NEXT(top);
	f->prev_size = CSIZE(top);
	f->size = 0;
	set_inuse(f);
}

/* Is p between the lowest segment and the end of the newest? */
static int
in_heap(const void *p)
{

	return (heap_lo != NULL && (const char *)p >= heap_lo &&
	    (const char *)p < heap_hi);
}

/*
 * Make top at least need + MINCHUNK bytes, by growing the newest
 * segment if the break is still where we left it, or by starting a new
 * segment.  Returns 0, or -1 with errno ENOMEM.
 */
static int
heap_grow(size_t need)
{
	struct chunk *c0, *f;
	char *cur, *end;
	size_t want, tsize;
	uintptr_t incr;
	int pad;

	cur = sbrk(0);
	if (cur == (char *)-1)
		return (-1);
	for (pad = TOP_PAD;; pad = 0) {
		if (top != NULL && cur == heap_hi) {
			/* Contiguous: top grows over the old fencepost. */
			want = need + MINCHUNK - CSIZE(top) + pad;
			incr = ROUNDUP(want, PAGESZ);
		} else {
			/* A new segment, from an aligned chunk address. */
			c0 = AT(ROUNDUP((uintptr_t)cur, ALIGNMENT), 0);
			want = ((char *)c0 - cur) + need + MINCHUNK + HDR + pad;
			incr = ROUNDUP((uintptr_t)cur + want, PAGESZ) -
			    (uintptr_t)cur;
		}
		if (incr <= (uintptr_t)INTPTR_MAX &&
		    sbrk((intptr_t)incr) != (void *)-1)
			break;
		if (pad == 0) {
			errno = ENOMEM;
			return (-1);
		}
	}

	end = cur + incr;
	if (top != NULL && cur == heap_hi) {
		top->size = (CSIZE(top) + incr) | (top->size & PREV_INUSE);
		heap_hi = end;
		set_fence();
		return (0);
	}

	/* Retire the old top: a free chunk if it is big enough. */
	if (top != NULL) {
		tsize = CSIZE(top);
		f = NEXT(top);
		if (tsize >= MINCHUNK) {
			f->size &= ~(size_t)PREV_INUSE;
			f->prev_size = tsize;
			bin_insert(top);
		} else if (tsize > 0) {
			set_inuse(top);
			f->size |= PREV_INUSE;
		}
	}
	c0 = AT(ROUNDUP((uintptr_t)cur, ALIGNMENT), 0);
	top = c0;
	top->size = (size_t)(end - HDR - (char *)c0) | PREV_INUSE;
	set_fence();
	if (heap_lo == NULL || (char *)c0 < heap_lo)
		heap_lo = (char *)c0;
	if (end > heap_hi)
		heap_hi = end;
	return (0);
}

/* Give memory at the end of top back to the kernel, if it is ours. */
static void
heap_trim(void)
{
	size_t extra;

	if (CSIZE(top) <= TRIM_THRESHOLD || sbrk(0) != heap_hi)
		return;
	extra = (CSIZE(top) - TOP_PAD - MINCHUNK) & ~(size_t)(PAGESZ - 1);
	if (extra == 0 || sbrk(-(intptr_t)extra) == (void *)-1)
		return;
	top->size -= extra;
	heap_hi -= extra;
	set_fence();
}

/*
 * Cut an in-use chunk down to need bytes, freeing the rest if it is a
 * chunk's worth.
 */
static void
split(struct chunk *c, size_t need)
{
	struct chunk *r;
	size_t rest;

	rest = CSIZE(c) - need;
	if (rest < MINCHUNK)
		return;
	c->size = need | (c->size & FLAGMASK);
	r = AT(c, need);
	r->size = rest | PREV_INUSE;
	set_inuse(r);
	release(r);
}

/* Take a chunk of at least need bytes from the bins, or NULL. */
static struct chunk *
bins_alloc(size_t need)
{
	struct chunk *c, *best;
	int i, first;

	first = bin_index(need);
	for (i = first; i < NBINS; i++) {
		best = NULL;
		LIST_FOREACH(c, &bins[i], link) {
			if (CSIZE(c) < need)
				continue;
			if (best == NULL || CSIZE(c) < CSIZE(best))
				best = c;
			if (CSIZE(c) == need || i > first)
				break;
		}
		if (best != NULL) {
			bin_unlink(best);
			set_inuse(best);
			NEXT(best)->size |= PREV_INUSE;
			split(best, need);
			return (best);
		}
	}
	return (NULL);
}

/* Cut need bytes from the front of top, growing the heap if needed. */
static struct chunk *
top_alloc(size_t need)
{
	struct chunk *c;
	size_t rest;

	if ((top == NULL || CSIZE(top) < need + MINCHUNK) &&
	    heap_grow(need) == -1)
		return (NULL);
	c = top;
	rest = CSIZE(top) - need;
	c->size = need | (top->size & PREV_INUSE);
	set_inuse(c);
	top = AT(c, need);
	top->size = rest | PREV_INUSE;
	return (c);
}

/* A chunk of at least need bytes from the heap, never a mapping. */
static void *
heap_alloc(size_t need)
{
	struct chunk *c;

	if (!heap_ready)
		heap_init();
	if ((c = bins_alloc(need)) == NULL && (c = top_alloc(need)) == NULL)
		return (NULL);
	return (C2MEM(c));
}

/*
 * Free an in-use heap chunk: merge it with free neighbours, then put it
 * in its bin, or into top if it borders top.
 */
static void
release(struct chunk *c)
{
	struct chunk *p, *next;
	size_t size;

	size = CSIZE(c);
	c->size &= ~(size_t)CINUSE;
	c->magic = 0;
	if (!(c->size & PREV_INUSE)) {
		p = PREV(c);
		bin_unlink(p);
		size += CSIZE(p);
		c = p;
	}
	next = AT(c, size);
	if (next == top) {
		top = c;
		top->size = (size + CSIZE(next)) | (c->size & PREV_INUSE);
		heap_trim();
		return;
	}
	if (!(next->size & CINUSE)) {
		bin_unlink(next);
		size += CSIZE(next);
	} else
		next->size &= ~(size_t)PREV_INUSE;
	c->size = size | (c->size & PREV_INUSE);
	AT(c, size)->prev_size = size;
	bin_insert(c);
}

/* Check that p is an in-use chunk of the heap; abort if not. */
static struct chunk *
heap_check(const char *fn, void *p)
{
	struct chunk *c;

	c = MEM2C(p);
	if ((uintptr_t)p % ALIGNMENT != 0)
		corrupt(fn, p, "pointer not from malloc");
	if (c->magic != MAGIC(c) || !(c->size & CINUSE))
		corrupt(fn, p, "pointer freed twice, or not from malloc");
	if ((c->size & MMAPPED) || CSIZE(c) < MINCHUNK ||
	    (char *)NEXT(c) + HDR > heap_hi || !(NEXT(c)->size & PREV_INUSE))
		corrupt(fn, p, "heap corrupted, or pointer not from malloc");
	return (c);
}

/* A large block of need bytes (header included) from mmap, or NULL. */
static void *
big_alloc(size_t need)
{
	struct bigblk *b;
	struct chunk *c;
	size_t maplen;

	maplen = ROUNDUP(need - HDR + BIGHDR, PAGESZ);
	b = mmap(NULL, maplen, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	if (b == MAP_FAILED)
		return (NULL);
	b->maplen = maplen;
	LIST_INSERT_HEAD(&bigblks, b, link);
	c = AT(b, BIGHDR - HDR);
	c->prev_size = 0;
	c->size = (maplen - (BIGHDR - HDR)) | MMAPPED;
	set_inuse(c);
	return (C2MEM(c));
}

/* The large block whose memory is p; abort if there is none. */
static struct bigblk *
big_find(const char *fn, void *p)
{
	struct bigblk *b;

	LIST_FOREACH(b, &bigblks, link)
		if ((char *)b + BIGHDR == (char *)p)
			return (b);
	corrupt(fn, p, "pointer freed twice, or not from malloc");
	return (NULL);
}

/* Unlink a large block and unmap it. */
static void
big_free(struct bigblk *b)
{

	LIST_REMOVE(b, link);
	(void)munmap(b, b->maplen);
}

/*
 * The allocator proper, which malloc() and the others call.  (calloc()
 * must not call malloc() itself: compilers may turn malloc() followed
 * by memset() back into a call to calloc().)
 */
static void *
alloc(size_t n)
{
	size_t need;
	void *p;

	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return (NULL);
	}
	need = request2size(n);
	if (need >= MMAP_THRESHOLD && (p = big_alloc(need)) != NULL)
		return (p);
	return (heap_alloc(need));
}

void *
malloc(size_t n)
{

	return (alloc(n));
}

void *
calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size != 0 && nmemb > MAX_REQUEST / size) {
		errno = ENOMEM;
		return (NULL);
	}
	if ((p = alloc(nmemb * size)) == NULL)
		return (NULL);
	if (!(MEM2C(p)->size & MMAPPED))	/* fresh mappings are zero */
		memset(p, 0, CSIZE(MEM2C(p)) - HDR);
	return (p);
}

void
free(void *p)
{

	if (p == NULL)
		return;
	if (in_heap(p))
		release(heap_check("free", p));
	else
		big_free(big_find("free", p));
}

/*
 * Resize in place when the chunk, the free chunk after it or top can
 * hold the new size; otherwise allocate, copy and free.  A large block
 * keeps its mapping while the new size still fits in it and uses at
 * least half of it.  realloc(p, 0) returns a minimal allocation.
 */
void *
realloc(void *p, size_t n)
{
	struct chunk *c, *next;
	struct bigblk *b;
	size_t need, size, usable;
	void *q;

	if (p == NULL)
		return (alloc(n));
	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return (NULL);
	}
	need = request2size(n);

	if (!in_heap(p)) {
		b = big_find("realloc", p);
		usable = b->maplen - BIGHDR;
		if (n <= usable && n >= usable / 2)
			return (p);
		if ((q = alloc(n)) == NULL)
			return (NULL);
		memcpy(q, p, n < usable ? n : usable);
		big_free(b);
		return (q);
	}

	c = heap_check("realloc", p);
	size = CSIZE(c);
	if (size >= need) {
		split(c, need);
		return (p);
	}
	next = NEXT(c);
	if (next == top && CSIZE(top) < need - size + MINCHUNK)
		(void)heap_grow(need - size);
	if (next == top && CSIZE(top) >= need - size + MINCHUNK) {
		size_t rest = size + CSIZE(top) - need;

		c->size = need | (c->size & FLAGMASK);
		top = AT(c, need);
		top->size = rest | PREV_INUSE;
		return (p);
	}
	if (next != top && !(next->size & CINUSE) &&
	    size + CSIZE(next) >= need) {
		bin_unlink(next);
		c->size += CSIZE(next);
		NEXT(c)->size |= PREV_INUSE;
		split(c, need);
		return (p);
	}
	if ((q = alloc(n)) == NULL)
		return (NULL);
	memcpy(q, p, size - HDR);
	release(c);
	return (q);
}

/*
 * Allocate size bytes aligned to align, a power of two and a multiple
 * of sizeof(void *).  Over-allocate from the heap, then free the part
 * before the first suitably aligned chunk and the part after it.
 * Returns 0 or an errno value (EINVAL, ENOMEM); errno is left alone.
 */
int
posix_memalign(void **memptr, size_t align, size_t size)
{
	struct chunk *c, *nc;
	size_t need, lead;
	uintptr_t m;
	void *raw;
	int error;

	if (align < sizeof(void *) || (align & (align - 1)) != 0)
		return (EINVAL);
	error = errno;
	if (align <= ALIGNMENT) {
		raw = alloc(size);
	} else if (size > MAX_REQUEST || align > MAX_REQUEST / 2) {
		raw = NULL;
	} else {
		need = request2size(size);
		if ((raw = heap_alloc(need + align + MINCHUNK)) != NULL) {
			c = MEM2C(raw);
			if ((uintptr_t)raw % align != 0) {
				m = ROUNDUP((uintptr_t)raw + MINCHUNK, align);
				nc = AT(m - HDR, 0);
				lead = (char *)nc - (char *)c;
				nc->size = (CSIZE(c) - lead) | PREV_INUSE;
				set_inuse(nc);
				c->size = lead | (c->size & FLAGMASK);
				release(c);
				c = nc;
			}
			split(c, need);
			raw = C2MEM(c);
		}
	}
	if (raw == NULL) {
		errno = error;
		return (ENOMEM);
	}
	*memptr = raw;
	return (0);
}

void *
aligned_alloc(size_t align, size_t size)
{
	void *p;
	int error;

	if ((error = posix_memalign(&p, align, size)) != 0) {
		errno = error;
		return (NULL);
	}
	return (p);
}
