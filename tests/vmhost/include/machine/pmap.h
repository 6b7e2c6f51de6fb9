/*
 * machine/pmap.h for vmhost: the fake machine's pmap (tests/vmhost/pmap.c).
 *
 * sys/vm reaches the pmap only through sys/vm/pmap.h; what it needs
 * from this header is struct md_page, which struct vm_page embeds, with
 * the two fields vm_page.c initialises (md_pvlist, md_attrs).  The rest
 * is private to pmap.c: a pmap is a small hash table of mappings, each
 * mapping a pv entry that is also on its page's list.
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <sys/queue.h>

#define	PMAP_NHASH	64

struct pv_entry {
	LIST_ENTRY(pv_entry)	pv_link;	/* on the page's list */
	LIST_ENTRY(pv_entry)	pv_hash;	/* on the pmap's chain */
	struct pmap		*pv_pmap;	/* the mapping's pmap */
	vaddr_t			pv_va;		/* and its address */
	struct vm_page		*pv_pg;		/* the page mapped */
	vm_prot_t		pv_prot;	/* what the MMU allows */
	int			pv_attrs;	/* PV_REF, PV_MOD */
};

#define	PV_REF		0x01	/* referenced (the MMU's accessed bit) */
#define	PV_MOD		0x02	/* modified (the MMU's dirty bit) */

/* Per-page machine-dependent data, embedded in struct vm_page. */
struct md_page {
	LIST_HEAD(, pv_entry)	md_pvlist;	/* the mappings of the page */
	int			md_attrs;	/* PV_* of lost mappings */
};

struct pmap {
	LIST_HEAD(, pv_entry)	pm_hash[PMAP_NHASH];
	long			pm_resident;	/* pages mapped */
	int			pm_id;		/* for traces */
};

#endif /* !_MACHINE_PMAP_H_ */
