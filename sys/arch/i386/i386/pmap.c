/*
 * pmap.c: the i386 pmap (see sys/vm/pmap.h for the contract and
 * machine/pmap.h for the structures).
 *
 * Two-level page tables, no PAE.  The kernel half of every page
 * directory is a copy of the kernel's own (bootpd, built by locore):
 * 4 MiB direct-map pages and the page tables of the KVA window, none of
 * which ever change, so the copies never go stale.  The user half's page
 * tables are allocated as faults need them and freed with the pmap.
 *
 * Physical memory above the direct map (machine/vmparam.h) holds only
 * the pages of VM objects, which the kernel reaches through a handful
 * of temporary mappings (pmap_quick_enter_page: a stack of slots in
 * one page table, qmap_pt).  Page tables, being kernel pages, are
 * always in the direct map, so pmap_pte() needs no mapping work.
 *
 * Each user mapping of a managed page has a pv entry on the page's
 * list.  When a mapping goes away its referenced and modified bits are
 * kept in the page's md_attrs, so nothing the hardware recorded is
 * lost.  The TLB is flushed one page at a time, and only when the pmap
 * is the one loaded in %cr3: every other pmap's entries left the TLB
 * when it was switched out (user pages are never global).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/pte.h>
#include <machine/vmparam.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

MALLOC_DEFINE(M_PMAP, "pmap", "pmaps and pv entries");

extern pd_entry_t bootpd[];
extern pt_entry_t kvapt[];

static struct pmap kernel_pmap_store;
struct pmap *kernel_pmap = &kernel_pmap_store;

/* The temporary mappings: slot i maps QMAP_START + i pages. */
static pt_entry_t qmap_pt[NPTEPG] __attribute__((aligned(PAGE_SIZE)));
static volatile u_int qmap_depth;	/* slots in use, a stack */

#define	KERNEL_PDX	PDX(KERNBASE)		/* first kernel PDE */

static inline bool
pmap_is_current(struct pmap *pm)
{

	return (pm == kernel_pmap || rcr3() == pm->pm_pdirpa);
}

/* The PTE for va in pm, or NULL if there is no page table for it. */
static pt_entry_t *
pmap_pte(struct pmap *pm, vaddr_t va)
{
	pd_entry_t pde = pm->pm_pdir[PDX(va)];

	if ((pde & PG_V) == 0)
		return (NULL);
	KASSERT((pde & PG_PS) == 0, ("pmap_pte: %#x is a 4 MiB page", va));
	return ((pt_entry_t *)PHYS_TO_DMAP(pde & PG_FRAME) + PTX(va));
}

/*
 * Called by init386 with the end of what the loader left in memory:
 * adopt the boot page directory as the kernel pmap, build the page
 * array, and drop the temporary identity map of the first 4 MiB.
 */
void
pmap_bootstrap(paddr_t firstpa)
{

	kernel_pmap->pm_pdir = bootpd;
	kernel_pmap->pm_pdirpa = DMAP_TO_PHYS(bootpd);
	/* Before any pmap copies the kernel half: */
	bootpd[PDX(QMAP_START)] = DMAP_TO_PHYS(qmap_pt) | PG_V | PG_RW;
	vm_page_startup(phys_avail);
	bootpd[0] = 0;
	lcr3(rcr3());
	vmspace0.vm_pmap = kernel_pmap;
	vm_map_init(&vmspace0.vm_map, kernel_pmap, KERNBASE, KVA_END);
}

/*
 * Boot-time memory for the page array, before there is a page
 * allocator: size bytes, zeroed, cut from the front of the first
 * direct-mapped phys_avail range large enough (machdep splits the
 * ranges at the end of the direct map), reached through the direct map.
 */
void *
pmap_steal_memory(vsize_t size)
{
	paddr_t pa;
	int i;

	size = round_page(size);
	for (i = 0; phys_avail[i + 1] != 0; i += 2) {
		if (phys_avail[i + 1] <= DMAP_SIZE &&
		    phys_avail[i + 1] - phys_avail[i] >= size) {
			pa = phys_avail[i];
			phys_avail[i] += size;
			memset(PHYS_TO_DMAP(pa), 0, size);
			return (PHYS_TO_DMAP(pa));
		}
	}
	panic("pmap_steal_memory: no %u bytes for the page array", size);
}

void
pmap_init(void)
{
}

/* A new pmap: an empty user half, the kernel half shared. */
struct pmap *
pmap_create(void)
{
	struct vm_page *pg;
	struct pmap *pm;

	pm = malloc(sizeof(*pm), M_PMAP, M_WAITOK | M_ZERO);
	while ((pg = vm_page_alloc(NULL, 0, VM_ALLOC_ZERO)) == NULL)
		vm_wait();
	pm->pm_pdirpa = VM_PAGE_TO_PHYS(pg);
	pm->pm_pdir = PHYS_TO_DMAP(pm->pm_pdirpa);
	memcpy(&pm->pm_pdir[KERNEL_PDX], &bootpd[KERNEL_PDX],
	    (NPDEPG - KERNEL_PDX) * sizeof(pd_entry_t));
	return (pm);
}

/*
 * Free a pmap and its page tables.
 * => it is not loaded, and no longer maps anything (vmspace_free
 *    removed the whole user range first).
 */
void
pmap_destroy(struct pmap *pm)
{
	pd_entry_t pde;
	int i;

	KASSERT(pm != kernel_pmap && !pmap_is_current(pm),
	    ("pmap_destroy: pmap in use"));
	KASSERT(pm->pm_resident == 0,
	    ("pmap_destroy: %ld pages still mapped", pm->pm_resident));
	for (i = 0; i < KERNEL_PDX; i++) {
		pde = pm->pm_pdir[i];
		if (pde & PG_V)
			vm_page_free(PHYS_TO_VM_PAGE(pde & PG_FRAME));
	}
	vm_page_free(PHYS_TO_VM_PAGE(pm->pm_pdirpa));
	free(pm, M_PMAP);
}

void
pmap_activate(struct pmap *pm)
{

	if (rcr3() != pm->pm_pdirpa)
		lcr3(pm->pm_pdirpa);
}

static void
pmap_invalidate(struct pmap *pm, vaddr_t va)
{

	if (pmap_is_current(pm))
		invlpg(va);
}

/* Forget the pv entry of (pm, va) on pg, keeping the mapping's bits. */
static void
pmap_pv_remove(struct vm_page *pg, struct pmap *pm, vaddr_t va,
    pt_entry_t opte)
{
	struct pv_entry *pv;

	pg->md.md_attrs |= opte & (PG_A | PG_M);
	LIST_FOREACH(pv, &pg->md.md_pvlist, pv_link)
		if (pv->pv_pmap == pm && pv->pv_va == va)
			break;
	KASSERT(pv != NULL, ("pmap_pv_remove: no pv for %#x", va));
	LIST_REMOVE(pv, pv_link);
	free(pv, M_PMAP);
}

/* Remove the mapping at va, whose PTE is pte. */
static void
pmap_remove_pte(struct pmap *pm, vaddr_t va, pt_entry_t *pte)
{
	pt_entry_t opte = *pte;
	struct vm_page *pg;

	*pte = 0;
	pmap_invalidate(pm, va);
	pm->pm_resident--;
	pg = PHYS_TO_VM_PAGE(opte & PG_FRAME);
	if (pg != NULL)
		pmap_pv_remove(pg, pm, va, opte);
}

/*
 * Map va to pg with protection prot (user mode).  Replaces whatever va
 * mapped before.  Returns ENOMEM, without sleeping, if a page table or
 * a pv entry cannot be had.
 */
int
pmap_enter(struct pmap *pm, vaddr_t va, struct vm_page *pg, vm_prot_t prot)
{
	pd_entry_t *pde;
	pt_entry_t *pte, npte;
	struct vm_page *ptpg;
	struct pv_entry *pv;
	paddr_t pa = VM_PAGE_TO_PHYS(pg);

	KASSERT(va < VM_MAXUSER_ADDRESS && (va & PAGE_MASK) == 0,
	    ("pmap_enter: bad address %#x", va));
	pde = &pm->pm_pdir[PDX(va)];
	if ((*pde & PG_V) == 0) {
		ptpg = vm_page_alloc(NULL, 0, VM_ALLOC_ZERO);
		if (ptpg == NULL)
			return (ENOMEM);
		*pde = VM_PAGE_TO_PHYS(ptpg) | PG_V | PG_RW | PG_U;
		pm->pm_ptpages++;
	}
	pte = pmap_pte(pm, va);
	npte = pa | PG_V | PG_U | ((prot & VM_PROT_WRITE) ? PG_RW : 0);

	if (*pte & PG_V) {
		if ((*pte & PG_FRAME) == pa) {
			/* Same page: only the protection changes. */
			*pte = npte | (*pte & (PG_A | PG_M));
			pmap_invalidate(pm, va);
			return (0);
		}
		pmap_remove_pte(pm, va, pte);
	}
	pv = malloc(sizeof(*pv), M_PMAP, M_NOWAIT);
	if (pv == NULL)
		return (ENOMEM);
	pv->pv_pmap = pm;
	pv->pv_va = va;
	LIST_INSERT_HEAD(&pg->md.md_pvlist, pv, pv_link);
	*pte = npte;
	pm->pm_resident++;
	return (0);
}

/*
 * Call fn(pm, va, pte) for every valid mapping in [sva, eva), skipping
 * the 4 MiB stretches that have no page table.
 */
static void
pmap_foreach(struct pmap *pm, vaddr_t sva, vaddr_t eva,
    void (*fn)(struct pmap *, vaddr_t, pt_entry_t *))
{
	pt_entry_t *pte;
	vaddr_t va, next;

	for (va = sva; va < eva && va != 0; va = next) {
		next = (va & ~(NBPDR - 1)) + NBPDR;
		if ((pm->pm_pdir[PDX(va)] & PG_V) == 0)
			continue;
		if (next > eva || next == 0)
			next = eva;
		for (; va < next; va += PAGE_SIZE) {
			pte = pmap_pte(pm, va);
			if (*pte & PG_V)
				fn(pm, va, pte);
		}
	}
}

/* Remove every mapping in [sva, eva). */
void
pmap_remove(struct pmap *pm, vaddr_t sva, vaddr_t eva)
{

	pmap_foreach(pm, sva, eva, pmap_remove_pte);
}

static void
pmap_write_protect_pte(struct pmap *pm, vaddr_t va, pt_entry_t *pte)
{

	if (*pte & PG_RW) {
		*pte &= ~PG_RW;
		pmap_invalidate(pm, va);
	}
}

/*
 * Take rights away from the mappings in [sva, eva): without read, the
 * mappings go; without write, they become read-only.  Never adds.
 */
void
pmap_protect(struct pmap *pm, vaddr_t sva, vaddr_t eva, vm_prot_t prot)
{

	if ((prot & VM_PROT_READ) == 0)
		pmap_remove(pm, sva, eva);
	else if ((prot & VM_PROT_WRITE) == 0)
		pmap_foreach(pm, sva, eva, pmap_write_protect_pte);
}

bool
pmap_extract(struct pmap *pm, vaddr_t va, paddr_t *pap)
{
	pt_entry_t *pte;

	if (va >= KVA_START && va < KVA_END) {
		pte = &kvapt[atop(va - KVA_START)];
	} else if (va >= KERNBASE) {
		*pap = DMAP_TO_PHYS(va);
		return (va < KERNBASE + DMAP_SIZE);
	} else if ((pte = pmap_pte(pm, va)) == NULL)
		return (false);
	if ((*pte & PG_V) == 0)
		return (false);
	*pap = (*pte & PG_FRAME) | (va & PAGE_MASK);
	return (true);
}

long
pmap_resident_count(struct pmap *pm)
{

	return (pm->pm_resident);
}

/*
 * Lower the protection of every mapping of pg: VM_PROT_NONE removes
 * them all, read-only (or read/execute) makes them read-only.
 */
void
pmap_page_protect(struct vm_page *pg, vm_prot_t prot)
{
	struct pv_entry *pv;
	pt_entry_t *pte;

	if (prot & VM_PROT_WRITE)
		return;
	if (prot & VM_PROT_READ) {
		LIST_FOREACH(pv, &pg->md.md_pvlist, pv_link) {
			pte = pmap_pte(pv->pv_pmap, pv->pv_va);
			pmap_write_protect_pte(pv->pv_pmap, pv->pv_va, pte);
		}
		return;
	}
	while ((pv = LIST_FIRST(&pg->md.md_pvlist)) != NULL) {
		pte = pmap_pte(pv->pv_pmap, pv->pv_va);
		KASSERT(pte != NULL && (*pte & PG_FRAME) == pg->phys_addr,
		    ("pmap_page_protect: pv for %#x is stale", pv->pv_va));
		pmap_remove_pte(pv->pv_pmap, pv->pv_va, pte);
	}
}

/* Gather a hardware bit over every mapping of pg. */
static bool
pmap_test_bit(struct vm_page *pg, pt_entry_t bit)
{
	struct pv_entry *pv;

	if (pg->md.md_attrs & bit)
		return (true);
	LIST_FOREACH(pv, &pg->md.md_pvlist, pv_link)
		if (*pmap_pte(pv->pv_pmap, pv->pv_va) & bit)
			return (true);
	return (false);
}

static void
pmap_clear_bit(struct vm_page *pg, pt_entry_t bit)
{
	struct pv_entry *pv;
	pt_entry_t *pte;

	pg->md.md_attrs &= ~bit;
	LIST_FOREACH(pv, &pg->md.md_pvlist, pv_link) {
		pte = pmap_pte(pv->pv_pmap, pv->pv_va);
		if (*pte & bit) {
			*pte &= ~bit;
			pmap_invalidate(pv->pv_pmap, pv->pv_va);
		}
	}
}

bool
pmap_is_modified(struct vm_page *pg)
{

	return (pmap_test_bit(pg, PG_M));
}

void
pmap_clear_modify(struct vm_page *pg)
{

	pmap_clear_bit(pg, PG_M);
}

bool
pmap_is_referenced(struct vm_page *pg)
{

	return (pmap_test_bit(pg, PG_A));
}

void
pmap_clear_reference(struct vm_page *pg)
{

	pmap_clear_bit(pg, PG_A);
}

bool
pmap_page_is_mapped(struct vm_page *pg)
{

	return (!LIST_EMPTY(&pg->md.md_pvlist));
}

/*
 * Whole pages are zeroed and copied with the string instructions,
 * stosl and movsl, 32 to a loop.  Measured under QEMU's TCG (the
 * guest's TSC, the same page 20000 times, at boot): zeroing costs 1093
 * guest instructions and half the time of `rep stosl' (1030
 * instructions: every repetition counts as one, and TCG leaves its
 * translated code after each), a third of the instructions of a loop
 * of word stores in C, which is no faster; copying costs 1093
 * instructions against 2568 for a C loop, in about the same time, and
 * is somewhat faster than `rep movsl'.  The direction flag is clear in
 * the kernel (locore's trap entry).
 */
#define	PAGE_UNROLL	32		/* words moved per loop */

static inline void
page_zero(void *va)
{
	int ecx, edi;

	__asm volatile("1: .rept %c4; stosl; .endr; decl %%ecx; jnz 1b"
	    : "=&c"(ecx), "=&D"(edi)
	    : "0"(PAGE_SIZE / 4 / PAGE_UNROLL), "1"(va), "i"(PAGE_UNROLL),
	    "a"(0)
	    : "memory", "cc");
}

static inline void
page_copy(const void *src, void *dst)
{
	int ecx, esi, edi;

	__asm volatile("1: .rept %c6; movsl; .endr; decl %%ecx; jnz 1b"
	    : "=&c"(ecx), "=&S"(esi), "=&D"(edi)
	    : "0"(PAGE_SIZE / 4 / PAGE_UNROLL), "1"(src), "2"(dst),
	    "i"(PAGE_UNROLL)
	    : "memory", "cc");
}

void
pmap_zero_page(struct vm_page *pg)
{
	void *va;

	va = pmap_quick_enter_page(pg);
	page_zero(va);
	pmap_quick_remove_page(va);
}

void
pmap_copy_page(struct vm_page *src, struct vm_page *dst)
{
	void *sva, *dva;

	sva = pmap_quick_enter_page(src);
	dva = pmap_quick_enter_page(dst);
	page_copy(sva, dva);
	pmap_quick_remove_page(dva);
	pmap_quick_remove_page(sva);
}

bool
pmap_page_direct(struct vm_page *pg)
{

	return (PHYS_IN_DMAP(pg->phys_addr));
}

/* The permanent address of a kernel page (see sys/vm/pmap.h). */
void *
pmap_page_kva(struct vm_page *pg)
{

	KASSERT(pg->object == NULL && PHYS_IN_DMAP(pg->phys_addr),
	    ("pmap_page_kva: page %#x is not a kernel page", pg->phys_addr));
	return (PHYS_TO_DMAP(pg->phys_addr));
}

/*
 * Map pg for a moment (the rules are in sys/vm/pmap.h).  A page in the
 * direct map is already mapped.  Otherwise take the next slot of the
 * stack.  The slot is claimed (qmap_depth raised) before its PTE is
 * written, so an interrupt handler that maps a page meanwhile takes
 * the slot above; one that came just before the claim has removed its
 * mapping again, and the PTE is compared and rewritten after the claim.
 * A slot's PTE stays behind when it is removed, so the TLB is flushed
 * only when the slot is given a different page.
 */
void *
pmap_quick_enter_page(struct vm_page *pg)
{
	paddr_t pa = pg->phys_addr;
	pt_entry_t npte;
	vaddr_t va;
	u_int slot;

	if (PHYS_IN_DMAP(pa))
		return (PHYS_TO_DMAP(pa));
	NOSLEEP_ENTER();
	slot = qmap_depth;
	if (slot >= QMAP_SLOTS)
		panic("pmap_quick_enter_page: all %d slots in use",
		    QMAP_SLOTS);
	qmap_depth = slot + 1;
	__asm volatile("" : : : "memory");
	va = QMAP_START + ptoa(slot);
	npte = pa | PG_V | PG_RW;
	if (qmap_pt[slot] != npte) {
		qmap_pt[slot] = npte;
		invlpg(va);
	}
	return ((void *)va);
}

void
pmap_quick_remove_page(void *addr)
{
	vaddr_t va = trunc_page((vaddr_t)addr);

	if (va < KVA_START)
		return;				/* the direct map */
	KASSERT(qmap_depth > 0 && va == QMAP_START + ptoa(qmap_depth - 1),
	    ("pmap_quick_remove_page: %#x is not the last slot entered",
	    va));
	qmap_depth--;
	NOSLEEP_EXIT();
}

/* Map va, in the KVA window, to pa: kernel only, unmanaged. */
void
pmap_kenter(vaddr_t va, paddr_t pa)
{

	KASSERT(va >= KVA_START && va < KVA_END,
	    ("pmap_kenter: %#x outside the KVA window", va));
	kvapt[atop(va - KVA_START)] = pa | PG_V | PG_RW;
	invlpg(va);
}

void
pmap_kremove(vaddr_t va)
{

	KASSERT(va >= KVA_START && va < KVA_END,
	    ("pmap_kremove: %#x outside the KVA window", va));
	kvapt[atop(va - KVA_START)] = 0;
	invlpg(va);
}
