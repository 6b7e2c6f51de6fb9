/*
 * vm_kern.c: kernel virtual memory: whole pages mapped in the KVA
 * window (machine/vmparam.h), for allocations that must be virtually
 * contiguous: kernel stacks (with an unmapped guard page below, so that
 * an overflow faults instead of corrupting memory) and large malloc()s.
 *
 * The window is managed with a bitmap, one bit a page, searched first
 * fit from a rotor.  Small allocations never come here: malloc() takes
 * single pages straight from the direct map.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <machine/vmparam.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

#define	KVA_NPAGES	(KVA_SIZE / PAGE_SIZE)

static uint32_t kva_map[KVA_NPAGES / 32];	/* 1: allocated */
static u_int kva_rotor;

static bool
kva_test(u_int i)
{

	return ((kva_map[i / 32] >> (i % 32)) & 1);
}

static void
kva_set(u_int i, bool v)
{

	if (v)
		kva_map[i / 32] |= 1U << (i % 32);
	else
		kva_map[i / 32] &= ~(1U << (i % 32));
}

/* Reserve n consecutive pages of the window; 0 if there is no room. */
static vaddr_t
kva_alloc(u_int n)
{
	u_int start, i, tries;

	start = kva_rotor;
	for (tries = 0; tries < KVA_NPAGES; tries++, start++) {
		if (start + n > KVA_NPAGES)
			start = 0;
		for (i = 0; i < n && !kva_test(start + i); i++)
			continue;
		if (i == n) {
			for (i = 0; i < n; i++)
				kva_set(start + i, true);
			kva_rotor = start + n;
			return (KVA_START + ptoa(start));
		}
		start += i;
	}
	return (0);
}

static void
kva_release(vaddr_t va, u_int n)
{
	u_int i, first = atop(va - KVA_START);

	for (i = 0; i < n; i++) {
		KASSERT(kva_test(first + i), ("kva_release: %#x not allocated",
		    va + ptoa(i)));
		kva_set(first + i, false);
	}
}

/* Unmap and free n pages mapped at va. */
static void
kmem_unmap(vaddr_t va, u_int n)
{
	paddr_t pa;
	u_int i;

	for (i = 0; i < n; i++) {
		if (!pmap_extract(kernel_pmap, va + ptoa(i), &pa))
			panic("kmem_unmap: %#x not mapped", va + ptoa(i));
		pmap_kremove(va + ptoa(i));
		vm_page_free(PHYS_TO_VM_PAGE(pa));
	}
}

/*
 * Map n fresh pages at va.  Returns false (with nothing mapped) if
 * memory is short and M_NOWAIT was given, or if the process was killed
 * while it waited and M_KILLABLE was given; otherwise waits for memory.
 */
static bool
kmem_map(vaddr_t va, u_int n, int flags)
{
	struct vm_page *pg;
	u_int i;

	for (i = 0; i < n; i++) {
		pg = vm_page_alloc(NULL, 0, (flags & M_SYSTEM) ?
		    VM_ALLOC_SYSTEM : VM_ALLOC_NORMAL);
		if (pg == NULL) {
			kmem_unmap(va, i);
			if (flags & M_NOWAIT)
				return (false);
			vm_wait();
			if ((flags & M_KILLABLE) && vm_wait_abandoned())
				return (false);
			i = (u_int)-1;
			continue;
		}
		if (flags & M_ZERO)
			pmap_zero_page(pg);
		pmap_kenter(va + ptoa(i), VM_PAGE_TO_PHYS(pg));
	}
	return (true);
}

/*
 * Allocate `size' bytes (rounded to pages) of wired kernel memory.
 * Returns 0 only with M_NOWAIT when memory is short, or when the
 * window is full.
 */
vaddr_t
kmem_alloc(vsize_t size, int flags)
{
	u_int n = atop(round_page(size));
	vaddr_t va;

	if ((va = kva_alloc(n)) == 0) {
		printf("kmem_alloc: kernel virtual space exhausted\n");
		return (0);
	}
	if (!kmem_map(va, n, flags)) {
		kva_release(va, n);
		return (0);
	}
	return (va);
}

void
kmem_free(vaddr_t va, vsize_t size)
{
	u_int n = atop(round_page(size));

	kmem_unmap(va, n);
	kva_release(va, n);
}

/*
 * A kernel stack of `size' bytes over an unmapped guard page; 0 if
 * kernel virtual space is full or kmem_map gives up (flags as malloc).
 */
vaddr_t
kmem_alloc_stack(vsize_t size, int flags)
{
	u_int n = atop(round_page(size));
	vaddr_t va;

	if ((va = kva_alloc(n + 1)) == 0)
		return (0);
	if (!kmem_map(va + PAGE_SIZE, n, flags)) {
		kva_release(va, n + 1);
		return (0);
	}
	return (va + PAGE_SIZE);
}

void
kmem_free_stack(vaddr_t va, vsize_t size)
{
	u_int n = atop(round_page(size));

	kmem_unmap(va, n);
	kva_release(va - PAGE_SIZE, n + 1);
}
