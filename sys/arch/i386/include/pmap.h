/*
 * machine/pmap.h: the i386 pmap, the machine-dependent half of an
 * address space.  The machine-independent VM reaches it only through
 * the contract in sys/vm/pmap.h; only arch/i386 looks inside.
 *
 * A pmap is a page directory.  Its user half (entries 0..767) points to
 * page tables allocated on demand and freed with the pmap; its kernel
 * half is copied from the kernel's directory when the pmap is created,
 * and never changes afterwards (see machine/vmparam.h).
 *
 * Each managed physical page keeps a list of its mappings (pv entries:
 * pmap and virtual address), so that the VM can take every mapping of a
 * page away at once (pmap_page_protect) and learn whether any of them
 * referenced or modified it.  The referenced and modified bits of
 * mappings already removed are gathered in md_attrs.
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <sys/queue.h>
#include <machine/pte.h>

struct pv_entry {
	LIST_ENTRY(pv_entry)	pv_link;	/* on the page's list */
	struct pmap		*pv_pmap;	/* the mapping's pmap */
	vaddr_t			pv_va;		/* and its address */
};

/* Per-page machine-dependent data, embedded in struct vm_page. */
struct md_page {
	LIST_HEAD(, pv_entry)	md_pvlist;	/* the mappings of the page */
	int			md_attrs;	/* PG_A|PG_M of lost mappings */
};

struct pmap {
	pd_entry_t		*pm_pdir;	/* page directory, KVA */
	paddr_t			pm_pdirpa;	/* and its physical address */
	long			pm_resident;	/* pages mapped */
	long			pm_ptpages;	/* page tables allocated */
};

#endif /* !_MACHINE_PMAP_H_ */
