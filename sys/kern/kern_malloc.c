/*
 * kern_malloc.c: the kernel's malloc(9) (see sys/malloc.h).
 *
 * Small requests (up to MAXBUCKET bytes) come from power-of-two buckets.
 * A bucket carves whole pages, taken from the VM with vm_page_alloc and
 * reached through the direct map, into equal chunks; the page's vm_page
 * records its bucket and how many of its chunks are free.  Free chunks
 * sit on a doubly linked list per bucket, so that when a page's last
 * chunk comes back all of the page's chunks can be unlinked and the
 * page returned to the VM.  Larger requests get whole pages in kernel
 * virtual space (kmem_alloc), and the first page's vm_page records how
 * many.
 *
 * malloc_bucket_pages counts the pages carved into buckets (sysctl
 * kern.malloc_pages).  A page goes back only when all its chunks are
 * free, so after a burst of allocations it may stay with a few
 * long-lived chunks in it: the count can exceed what the bytes in use
 * need.  That is fragmentation, bounded by the peak, not a leak.
 *
 * With INVARIANTS, free chunks carry a magic word: malloc() checks it
 * (a write after free) and free() refuses a chunk that already has it
 * (a double free).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/queue.h>
#include <machine/vmparam.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

#define	MINBUCKET	4			/* 16 bytes */
#define	MAXBUCKET	11			/* 2048 bytes */
#define	NBUCKETS	(MAXBUCKET + 1)
#define	FREE_MAGIC	0xdeadc0deU

struct freechunk {
	LIST_ENTRY(freechunk)	fc_link;
	uint32_t		fc_magic;
};

static LIST_HEAD(, freechunk) buckets[NBUCKETS];
static struct malloc_type *kmemstatistics;	/* every type used */
u_int	malloc_bucket_pages;			/* pages carved into buckets */

MALLOC_DEFINE(M_TEMP, "temp", "miscellaneous");

void
kmeminit(void)
{
	int i;

	for (i = 0; i < NBUCKETS; i++)
		LIST_INIT(&buckets[i]);
}

static int
bucket_index(size_t size)
{
	int b = MINBUCKET;

	while (((size_t)1 << b) < size)
		b++;
	return (b);
}

static struct vm_page *
chunk_page(void *addr)
{

	return (PHYS_TO_VM_PAGE(DMAP_TO_PHYS(trunc_page((vaddr_t)addr))));
}

/* Carve a fresh page into chunks for bucket b; false if none. */
static bool
bucket_grow(int b, int flags)
{
	struct vm_page *pg;
	struct freechunk *fc;
	char *va;
	u_int i, n = PAGE_SIZE >> b;

	pg = vm_page_alloc(NULL, 0, (flags & M_SYSTEM) ? VM_ALLOC_SYSTEM :
	    VM_ALLOC_NORMAL);
	if (pg == NULL)
		return (false);
	pg->kmem_bucket = b;
	pg->kmem_nfree = n;
	malloc_bucket_pages++;
	va = pmap_page_kva(pg);
	for (i = 0; i < n; i++) {
		fc = (struct freechunk *)(va + (i << b));
		fc->fc_magic = FREE_MAGIC;
		LIST_INSERT_HEAD(&buckets[b], fc, fc_link);
	}
	return (true);
}

void *
malloc(size_t size, struct malloc_type *type, int flags)
{
	struct freechunk *fc;
	paddr_t pa;
	vaddr_t va;
	void *p;
	int b;

	if (type->ks_calls++ == 0) {
		type->ks_next = kmemstatistics;
		kmemstatistics = type;
	}
	if (size > (1U << MAXBUCKET)) {
		size = round_page(size);
		va = kmem_alloc(size, flags);
		if (va == 0)
			return (NULL);
		pmap_extract(kernel_pmap, va, &pa);
		PHYS_TO_VM_PAGE(pa)->kva_npages = atop(size);
		type->ks_inuse++;
		type->ks_memuse += size;
		return ((void *)va);
	}
	b = bucket_index(size);
	while (LIST_EMPTY(&buckets[b])) {
		if (bucket_grow(b, flags))
			break;
		if (flags & M_NOWAIT)
			return (NULL);
		vm_wait();
		if ((flags & M_KILLABLE) && vm_wait_abandoned())
			return (NULL);
	}
	fc = LIST_FIRST(&buckets[b]);
	KASSERT(fc->fc_magic == FREE_MAGIC,
	    ("malloc: free %zu-byte chunk %p was written to", (size_t)1 << b,
	    fc));
	LIST_REMOVE(fc, fc_link);
	chunk_page(fc)->kmem_nfree--;
	p = fc;
	if (flags & M_ZERO)
		memset(p, 0, (size_t)1 << b);
	else
		fc->fc_magic = 0;
	type->ks_inuse++;
	type->ks_memuse += (size_t)1 << b;
	return (p);
}

/*
 * Give memory back.  A bucket page whose chunks are all free again goes
 * back to the VM at once.
 */
void
free(void *addr, struct malloc_type *type)
{
	struct freechunk *fc;
	struct vm_page *pg;
	vaddr_t va = (vaddr_t)addr;
	paddr_t pa;
	u_int i, n;
	char *base;
	int b;

	if (addr == NULL)
		return;
	if (va >= KVA_START && va < KVA_END) {
		KASSERT((va & PAGE_MASK) == 0, ("free: bad address %p", addr));
		if (!pmap_extract(kernel_pmap, va, &pa))
			panic("free: %p not allocated", addr);
		n = PHYS_TO_VM_PAGE(pa)->kva_npages;
		type->ks_inuse--;
		type->ks_memuse -= ptoa(n);
		kmem_free(va, ptoa(n));
		return;
	}
	pg = chunk_page(addr);
	b = pg->kmem_bucket;
	KASSERT(pg->object == NULL && b >= MINBUCKET && b <= MAXBUCKET &&
	    (va & (((vaddr_t)1 << b) - 1)) == 0,
	    ("free: %p was not allocated by malloc", addr));
	fc = addr;
	KASSERT(fc->fc_magic != FREE_MAGIC, ("free: %p freed twice (type %s)",
	    addr, type->ks_shortdesc));
	fc->fc_magic = FREE_MAGIC;
	LIST_INSERT_HEAD(&buckets[b], fc, fc_link);
	type->ks_inuse--;
	type->ks_memuse -= (size_t)1 << b;

	n = PAGE_SIZE >> b;
	if (++pg->kmem_nfree < n)
		return;
	base = pmap_page_kva(pg);
	for (i = 0; i < n; i++) {
		fc = (struct freechunk *)(base + (i << b));
		LIST_REMOVE(fc, fc_link);
	}
	pg->kmem_bucket = 0;
	pg->kmem_nfree = 0;
	malloc_bucket_pages--;
	vm_page_free(pg);
}

/* The malloc types, for sysctl kern.malloc. */
struct malloc_type *
malloc_types(void)
{

	return (kmemstatistics);
}
