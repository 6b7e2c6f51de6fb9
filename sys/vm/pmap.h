/*
 * pmap.h: the contract between the machine-independent VM and the
 * machine's page tables (4.4BSD's pmap layer; NetBSD's pmap(9) states
 * it best).  sys/arch/i386/i386/pmap.c fulfils it; the host tests
 * (tests/host) fulfil it with a fake.  Nothing outside the pmap touches
 * page tables.
 *
 * The pmap is a cache of translations.  The VM layer is the truth: the
 * pmap may drop any non-wired user mapping at any time, because a fault
 * will rebuild it, and it need never keep more than the VM layer asked
 * for.  Conversely the VM layer must remove or downgrade mappings
 * itself whenever the truth changes: before a page is freed or changes
 * identity (pmap_page_protect(pg, VM_PROT_NONE)), before memory is
 * shared copy-on-write (pmap_protect without write), before a range is
 * unmapped (pmap_remove).
 *
 * Managed pages are tracked per page, so that every mapping of a page
 * can be found (for pmap_page_protect) and its referenced and modified
 * bits gathered.
 *
 * pmap_enter() may need memory for page tables or mapping records; it
 * never sleeps, and returns ENOMEM instead: the caller gives up its
 * busy pages, waits for memory and retries.
 */
#ifndef _VM_PMAP_H_
#define _VM_PMAP_H_

#include <vm/vm.h>
#include <machine/pmap.h>

extern struct pmap *kernel_pmap;

void	pmap_bootstrap(paddr_t);
void	*pmap_steal_memory(vsize_t);
void	pmap_init(void);
struct pmap *pmap_create(void);
void	pmap_destroy(struct pmap *);
void	pmap_activate(struct pmap *);

int	pmap_enter(struct pmap *, vaddr_t, struct vm_page *, vm_prot_t);
void	pmap_remove(struct pmap *, vaddr_t, vaddr_t);
void	pmap_protect(struct pmap *, vaddr_t, vaddr_t, vm_prot_t);
bool	pmap_extract(struct pmap *, vaddr_t, paddr_t *);
long	pmap_resident_count(struct pmap *);

/* Operations on every mapping of a managed page. */
void	pmap_page_protect(struct vm_page *, vm_prot_t);
bool	pmap_is_modified(struct vm_page *);
void	pmap_clear_modify(struct vm_page *);
bool	pmap_is_referenced(struct vm_page *);
void	pmap_clear_reference(struct vm_page *);
bool	pmap_page_is_mapped(struct vm_page *);

/*
 * Page contents.  The kernel need not have every physical page mapped
 * at all times (i386 keeps only the first 512 MiB in its direct map),
 * so there are two ways to reach what a page holds:
 *
 *	pmap_page_direct(pg)	true if pg is mapped in the kernel at all
 *				times.  vm_page_alloc() gives the kernel's
 *				own pages (no object) only from such memory;
 *				an object's page may be anywhere.
 *	pmap_page_kva(pg)	the permanent kernel address of a kernel
 *				page (allocated without an object): malloc's
 *				buckets, a driver's buffers.  Never for an
 *				object's page.
 *	pmap_quick_enter_page(pg), pmap_quick_remove_page(va)
 *				map any page for a moment, and unmap it.
 *
 * The rules of a quick mapping (FreeBSD's pmap_quick_enter_page):
 *	1. Hold it only across code that cannot sleep: no tsleep, no
 *	   M_WAITOK, no copyin or copyout (a user fault may sleep); copy
 *	   through a kernel buffer instead.  The mapping belongs to the
 *	   CPU, not to the process; quick_enter opens a NOSLEEP section
 *	   (sys/systm.h) and quick_remove closes it, so tsleep() catches a
 *	   violation.
 *	2. Remove mappings in the reverse order of entering them; hold only
 *	   a few at once (two for a copy).  Interrupt handlers may use them
 *	   too (a disk's programmed I/O), as long as they remove theirs
 *	   before returning.
 *	3. The page must not change hands meanwhile: it is busy, or a
 *	   kernel page, or a free page that only the caller touches.
 * A direct page's quick mapping is its permanent address and costs
 * nothing.  pmap_zero_page() and pmap_copy_page() map what they need
 * themselves.
 */
void	pmap_zero_page(struct vm_page *);
void	pmap_copy_page(struct vm_page *, struct vm_page *);
bool	pmap_page_direct(struct vm_page *);
void	*pmap_page_kva(struct vm_page *);
void	*pmap_quick_enter_page(struct vm_page *);
void	pmap_quick_remove_page(void *);

/* Kernel virtual space (KVA_START .. KVA_END): unmanaged mappings. */
void	pmap_kenter(vaddr_t, paddr_t);
void	pmap_kremove(vaddr_t);

#endif /* !_VM_PMAP_H_ */
