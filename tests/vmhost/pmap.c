/*
 * pmap.c: a fake machine for sys/vm on the host: physical memory is a
 * host array, and a pmap is a table of mappings that the bench's MMU
 * (mmu_access) consults before every simulated user access.  It fulfils
 * the contract of sys/vm/pmap.h, and checks the VM against it:
 *
 *	- a page is mapped only while it belongs to an object and is not
 *	  free, and never while it is being paged out;
 *	- a page is mapped writable only if it is PG_DIRTY (sys/vm/NOTES);
 *	- a pmap is empty when it is destroyed;
 *	- the kernel pmap (pmap_kenter, for vm_kern.c) maps only wired
 *	  kernel pages, never an object's or a free one;
 *	- only the first host_ndirect pages are "direct" (pmap_page_direct,
 *	  as i386 maps only its first 512 MiB at all times): kernel pages
 *	  come from there, pmap_page_kva is asked only for those, and the
 *	  rest is reached by the kernel only through quick mappings, which
 *	  are entered in a NOSLEEP section and removed in reverse order.
 *
 * The MMU sets a mapping's referenced bit on every access and its
 * modified bit on every write, as the hardware does; mappings that go
 * away leave their bits in the page's md_attrs.  pmap_enter fails with
 * ENOMEM now and then when the bench asks (pmap_enter_fail_pct), as a
 * real pmap does when it cannot get a page table; and the bench may
 * drop any mapping at any time (pmap_host_drop_one), which the contract
 * allows.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#include "vmhost.h"

static struct pmap kernel_pmap_store;
struct pmap *kernel_pmap = &kernel_pmap_store;
static char *host_phys;			/* the RAM */
paddr_t host_phys_base = 0x00100000;
u_int host_npages;
u_int host_ndirect;			/* the "direct map": pages below */
int pmap_enter_fail_pct;
static int pmap_ids;
static long pmap_npv;			/* mappings, all pmaps */

static inline u_int
pmap_hash(vaddr_t va)
{

	return ((va >> PAGE_SHIFT) & (PMAP_NHASH - 1));
}

/*
 * Allocate the fake RAM: npages pages, physically from host_phys_base,
 * the first ndirect of them "direct".
 */
void
pmap_host_init(u_int npages, u_int ndirect)
{

	host_npages = npages;
	host_ndirect = ndirect;
	host_phys = host_calloc(npages, PAGE_SIZE);
}

void
pmap_bootstrap(paddr_t first)
{
}

void *
pmap_steal_memory(vsize_t size)
{

	return (host_calloc(1, size));
}

void
pmap_init(void)
{
}

struct pmap *
pmap_create(void)
{
	struct pmap *pm;
	int i;

	pm = host_calloc(1, sizeof(*pm));
	for (i = 0; i < PMAP_NHASH; i++)
		LIST_INIT(&pm->pm_hash[i]);
	pm->pm_id = ++pmap_ids;
	return (pm);
}

void
pmap_destroy(struct pmap *pm)
{

	if (pm->pm_resident != 0)
		panic("pmap_destroy: pmap %d still maps %ld pages", pm->pm_id,
		    pm->pm_resident);
	host_free(pm);
}

void
pmap_activate(struct pmap *pm)
{
}

static struct pv_entry *
pmap_find(struct pmap *pm, vaddr_t va)
{
	struct pv_entry *pv;

	LIST_FOREACH(pv, &pm->pm_hash[pmap_hash(va)], pv_hash)
		if (pv->pv_va == va)
			return (pv);
	return (NULL);
}

/* Take a mapping away, keeping its bits in the page. */
static void
pmap_pv_remove(struct pv_entry *pv)
{

	pv->pv_pg->md.md_attrs |= pv->pv_attrs;
	LIST_REMOVE(pv, pv_link);
	LIST_REMOVE(pv, pv_hash);
	pv->pv_pmap->pm_resident--;
	pmap_npv--;
	host_free(pv);
}

/* A new mapping of pg at va in pm. */
static void
pmap_pv_insert(struct pmap *pm, vaddr_t va, struct vm_page *pg,
    vm_prot_t prot)
{
	struct pv_entry *pv;

	pv = host_calloc(1, sizeof(*pv));
	pv->pv_pmap = pm;
	pv->pv_va = va;
	pv->pv_pg = pg;
	pv->pv_prot = prot;
	LIST_INSERT_HEAD(&pg->md.md_pvlist, pv, pv_link);
	LIST_INSERT_HEAD(&pm->pm_hash[pmap_hash(va)], pv, pv_hash);
	pm->pm_resident++;
	pmap_npv++;
}

int
pmap_enter(struct pmap *pm, vaddr_t va, struct vm_page *pg, vm_prot_t prot)
{
	struct pv_entry *pv;

	KASSERT((va & PAGE_MASK) == 0, ("pmap_enter: va %#x", va));
	if (pg->queue == PQ_FREE || pg->object == NULL)
		panic("pmap_enter: page %#x is %s", pg->phys_addr,
		    pg->queue == PQ_FREE ? "free" : "not an object's");
	if (pg->flags & PG_PAGEOUT)
		panic("pmap_enter: page %#x of object %u is being paged out",
		    pg->phys_addr, pg->object->id);
	if ((prot & VM_PROT_WRITE) && (pg->flags & PG_DIRTY) == 0)
		panic("pmap_enter: clean page %#x (object %u, index %u) "
		    "mapped writable", pg->phys_addr, pg->object->id,
		    pg->pindex);
	if ((pv = pmap_find(pm, va)) != NULL) {
		if (pv->pv_pg == pg) {
			pv->pv_prot = prot;
			return (0);
		}
		pmap_pv_remove(pv);
	}
	if (pmap_enter_fail_pct != 0 &&
	    sim_random() % 100 < (uint32_t)pmap_enter_fail_pct)
		return (ENOMEM);
	pmap_pv_insert(pm, va, pg, prot);
	return (0);
}

/* Every mapping of pm in [sva, eva), whatever the size of the range. */
#define	PMAP_FOREACH_RANGE(pm, sva, eva, i, pv, next)			\
	for ((i) = 0; (i) < PMAP_NHASH; (i)++)				\
		LIST_FOREACH_SAFE((pv), &(pm)->pm_hash[(i)], pv_hash, (next)) \
			if ((pv)->pv_va >= (sva) && (pv)->pv_va < (eva))

void
pmap_remove(struct pmap *pm, vaddr_t sva, vaddr_t eva)
{
	struct pv_entry *pv, *next;
	int i;

	PMAP_FOREACH_RANGE(pm, sva, eva, i, pv, next)
		pmap_pv_remove(pv);
}

void
pmap_protect(struct pmap *pm, vaddr_t sva, vaddr_t eva, vm_prot_t prot)
{
	struct pv_entry *pv, *next;
	int i;

	PMAP_FOREACH_RANGE(pm, sva, eva, i, pv, next) {
		if ((prot & VM_PROT_READ) == 0)
			pmap_pv_remove(pv);
		else
			pv->pv_prot &= prot;
	}
}

bool
pmap_extract(struct pmap *pm, vaddr_t va, paddr_t *pap)
{
	struct pv_entry *pv = pmap_find(pm, trunc_page(va));

	if (pv == NULL)
		return (false);
	*pap = pv->pv_pg->phys_addr + (va & PAGE_MASK);
	return (true);
}

long
pmap_resident_count(struct pmap *pm)
{

	return (pm->pm_resident);
}

void
pmap_page_protect(struct vm_page *pg, vm_prot_t prot)
{
	struct pv_entry *pv, *next;

	LIST_FOREACH_SAFE(pv, &pg->md.md_pvlist, pv_link, next) {
		if ((prot & VM_PROT_READ) == 0)
			pmap_pv_remove(pv);
		else
			pv->pv_prot &= prot;
	}
}

static bool
pmap_test_attr(struct vm_page *pg, int bit)
{
	struct pv_entry *pv;

	if (pg->md.md_attrs & bit)
		return (true);
	LIST_FOREACH(pv, &pg->md.md_pvlist, pv_link)
		if (pv->pv_attrs & bit)
			return (true);
	return (false);
}

static void
pmap_clear_attr(struct vm_page *pg, int bit)
{
	struct pv_entry *pv;

	pg->md.md_attrs &= ~bit;
	LIST_FOREACH(pv, &pg->md.md_pvlist, pv_link)
		pv->pv_attrs &= ~bit;
}

bool
pmap_is_modified(struct vm_page *pg)
{

	return (pmap_test_attr(pg, PV_MOD));
}

void
pmap_clear_modify(struct vm_page *pg)
{

	pmap_clear_attr(pg, PV_MOD);
}

bool
pmap_is_referenced(struct vm_page *pg)
{

	return (pmap_test_attr(pg, PV_REF));
}

void
pmap_clear_reference(struct vm_page *pg)
{

	pmap_clear_attr(pg, PV_REF);
}

bool
pmap_page_is_mapped(struct vm_page *pg)
{

	return (!LIST_EMPTY(&pg->md.md_pvlist));
}

/* The host memory behind any page of the fake RAM: the bench's view. */
void *
pmap_host_page(struct vm_page *pg)
{
	paddr_t pa = pg->phys_addr;

	if (pa < host_phys_base || pa - host_phys_base >=
	    (paddr_t)host_npages * PAGE_SIZE || (pa & PAGE_MASK) != 0)
		panic("pmap_host_page: %#x is not RAM", pa);
	return (host_phys + (pa - host_phys_base));
}

bool
pmap_page_direct(struct vm_page *pg)
{

	return (pg->phys_addr - host_phys_base < ptoa(host_ndirect));
}

/* The kernel's permanent address of a kernel page: direct, no object. */
void *
pmap_page_kva(struct vm_page *pg)
{

	if (pg->object != NULL || !pmap_page_direct(pg))
		panic("pmap_page_kva: page %#x is %s", pg->phys_addr,
		    pg->object != NULL ? "an object's" :
		    "above the direct map");
	return (pmap_host_page(pg));
}

/* The quick mappings in use, a stack (sys/vm/pmap.h's rules). */
#define	QMAP_SLOTS	8
static struct vm_page *qmap_stack[QMAP_SLOTS];
static u_int qmap_depth;

void *
pmap_quick_enter_page(struct vm_page *pg)
{

	if (qmap_depth == QMAP_SLOTS)
		panic("pmap_quick_enter_page: all %d slots in use",
		    QMAP_SLOTS);
	NOSLEEP_ENTER();
	qmap_stack[qmap_depth++] = pg;
	return (pmap_host_page(pg));
}

void
pmap_quick_remove_page(void *va)
{
	char *top;

	top = qmap_depth == 0 ? NULL :
	    pmap_host_page(qmap_stack[qmap_depth - 1]);
	if (top == NULL || (char *)va < top || (char *)va >= top + PAGE_SIZE)
		panic("pmap_quick_remove_page: %p is not the last page "
		    "entered", va);
	qmap_depth--;
	NOSLEEP_EXIT();
}

void
pmap_zero_page(struct vm_page *pg)
{
	void *va = pmap_quick_enter_page(pg);

	memset(va, 0, PAGE_SIZE);
	pmap_quick_remove_page(va);
}

void
pmap_copy_page(struct vm_page *src, struct vm_page *dst)
{
	void *sva = pmap_quick_enter_page(src);
	void *dva = pmap_quick_enter_page(dst);

	memcpy(dva, sva, PAGE_SIZE);
	pmap_quick_remove_page(dva);
	pmap_quick_remove_page(sva);
}

/*
 * Kernel virtual memory (vm_kern.c): wired kernel pages, no object, in
 * the kernel pmap, which nothing else uses.
 */
void
pmap_kenter(vaddr_t va, paddr_t pa)
{
	struct vm_page *pg = PHYS_TO_VM_PAGE(pa);

	KASSERT((va & PAGE_MASK) == 0 && va >= KVA_START && va < KVA_END,
	    ("pmap_kenter: va %#x", va));
	if (pg->object != NULL || pg->queue == PQ_FREE)
		panic("pmap_kenter: page %#x is %s", pa, pg->queue == PQ_FREE ?
		    "free" : "an object's");
	if (pmap_find(kernel_pmap, va) != NULL)
		panic("pmap_kenter: %#x is already mapped", va);
	pmap_pv_insert(kernel_pmap, va, pg, VM_PROT_READ | VM_PROT_WRITE);
}

void
pmap_kremove(vaddr_t va)
{
	struct pv_entry *pv = pmap_find(kernel_pmap, va);

	if (pv == NULL)
		panic("pmap_kremove: %#x is not mapped", va);
	pmap_pv_remove(pv);
}

/*
 * The MMU: a user access to va (write or read) through pm.  If the
 * translation allows it, note the reference (and modification) and
 * return the page's memory in *kvap; otherwise the caller faults.
 */
bool
mmu_access(struct pmap *pm, vaddr_t va, bool write, void **kvap)
{
	struct pv_entry *pv = pmap_find(pm, va);
	vm_prot_t need = write ? VM_PROT_WRITE : VM_PROT_READ;

	if (pv == NULL || (pv->pv_prot & need) != need)
		return (false);
	if (pv->pv_pg->queue == PQ_FREE || pv->pv_pg->object == NULL)
		panic("mmu_access: va %#x of pmap %d maps a %s page", va,
		    pm->pm_id, pv->pv_pg->queue == PQ_FREE ? "free" :
		    "kernel");
	pv->pv_attrs |= PV_REF | (write ? PV_MOD : 0);
	*kvap = pmap_host_page(pv->pv_pg);
	return (true);
}

/* The page va maps in pm, and the rights, or NULL. */
struct vm_page *
pmap_host_lookup(struct pmap *pm, vaddr_t va, vm_prot_t *protp)
{
	struct pv_entry *pv = pmap_find(pm, va);

	if (pv == NULL)
		return (NULL);
	if (protp != NULL)
		*protp = pv->pv_prot;
	return (pv->pv_pg);
}

/* Drop the r-th mapping of pm (mod its size), as the contract allows. */
bool
pmap_host_drop_one(struct pmap *pm, uint32_t r)
{
	struct pv_entry *pv;
	long n;
	int i;

	if (pm->pm_resident == 0)
		return (false);
	n = r % pm->pm_resident;
	for (i = 0; i < PMAP_NHASH; i++)
		LIST_FOREACH(pv, &pm->pm_hash[i], pv_hash)
			if (n-- == 0) {
				pmap_pv_remove(pv);
				return (true);
			}
	return (false);
}

/* Every mapping still fits the rules (see the opening comment). */
void
pmap_host_check(void)
{
	struct vm_page *pg;
	struct pv_entry *pv;
	u_long i;
	long n = 0;

	for (i = 0; i < vm_page_array_size; i++) {
		pg = &vm_page_array[i];
		LIST_FOREACH(pv, &pg->md.md_pvlist, pv_link) {
			n++;
			if (pv->pv_pg != pg)
				panic("pmap_host_check: pv of %#x on %#x",
				    pv->pv_pg->phys_addr, pg->phys_addr);
			if (pv->pv_pmap == kernel_pmap) {
				if (pg->queue == PQ_FREE || pg->object != NULL)
					panic("pmap_host_check: kernel va %#x "
					    "maps page %#x, %s", pv->pv_va,
					    pg->phys_addr, pg->queue ==
					    PQ_FREE ? "free" : "an object's");
				continue;
			}
			if (pg->queue == PQ_FREE || pg->object == NULL ||
			    (pg->flags & PG_PAGEOUT))
				panic("pmap_host_check: page %#x mapped at %#x "
				    "while %s", pg->phys_addr, pv->pv_va,
				    pg->queue == PQ_FREE ? "free" :
				    pg->object == NULL ? "a kernel page" :
				    "being paged out");
			if ((pv->pv_prot & VM_PROT_WRITE) &&
			    (pg->flags & PG_DIRTY) == 0)
				panic("pmap_host_check: clean page %#x "
				    "(object %u, index %u) writable at %#x",
				    pg->phys_addr, pg->object->id, pg->pindex,
				    pv->pv_va);
		}
	}
	if (n != pmap_npv)
		panic("pmap_host_check: %ld mappings on pages, %ld made", n,
		    pmap_npv);
}
