/*
 * vm_page.h: physical pages.
 *
 * Every page of managed RAM has a struct vm_page, found from its
 * physical address with PHYS_TO_VM_PAGE().  A page is in one of these
 * situations:
 *
 *	free		on the free queue, no owner
 *	in an object	owner (object, pindex), in the object's memq and
 *			the global hash; on the active or inactive queue,
 *			or on none while it is busy in a fault or pager I/O
 *	kernel		no owner, on no queue: page tables, kernel malloc,
 *			kernel stacks (counted in v_wire_count); always a
 *			page the kernel maps at all times (pmap_page_direct)
 *
 * PG_BUSY says someone is working on the page (filling it from a pager,
 * writing it out, copying it, mapping it in a fault).  Nobody else may
 * free, rename or map it meanwhile: they set PG_WANTED and sleep on the
 * page (vm_page_sleep), and must look the page up again when they wake,
 * since it may have been freed or moved.
 *
 * PG_DIRTY says the page's contents are newer than any copy the
 * object's pager holds (or the pager holds none).  The pmap's modified
 * bits are folded into it whenever the page is unmapped or examined
 * (vm_page_test_dirty).  A page is paged out only if dirty; a clean
 * page can be freed at once.
 */
#ifndef _VM_VM_PAGE_H_
#define _VM_VM_PAGE_H_

#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/pmap.h>

struct vm_page {
	TAILQ_ENTRY(vm_page)	pageq;		/* (q) free/active/inactive */
	TAILQ_ENTRY(vm_page)	listq;		/* (o) the object's pages */
	struct vm_page		*hnext;		/* (o) hash chain */
	struct vm_object	*object;	/* (o) owner, or NULL */
	union {					/* by kind of page: */
		vm_pindex_t	pindex;		/* (o) index in the owner */
		struct {			/* kernel malloc's page: */
			uint16_t kmem_bucket;	/* its chunk size class */
			uint16_t kmem_nfree;	/* free chunks in it */
		};
		uint32_t	kva_npages;	/* head of a kmem_alloc */
	};
	paddr_t			phys_addr;	/* (c) */
	uint16_t		flags;		/* PG_*, see below */
	uint8_t			queue;		/* (q) PQ_* */
	uint8_t			act_count;	/* (d) pageout's use estimate */
	struct md_page		md;		/* the pmap's */
};

/* flags */
#define	PG_BUSY		0x0001	/* (b) someone is working on it */
#define	PG_WANTED	0x0002	/* (b) someone sleeps on PG_BUSY */
#define	PG_DIRTY	0x0004	/* (b) newer than its pager's copy */
#define	PG_FAKE		0x0008	/* (b) contents not valid yet */
#define	PG_REFERENCED	0x0010	/* (d) referenced since last scan */
#define	PG_ZERO		0x0020	/* (b) known to be zero-filled; on a
				   free page: zeroed by the idle loop */
#define	PG_PAGEOUT	0x0040	/* (b) being written by the daemon */
#define	PG_RECLAIM	0x0080	/* (b) hidden: free when its write ends */
#define	PG_READAHEAD	0x0100	/* read ahead of a fault, not used yet */

/* queue */
#define	PQ_NONE		0
#define	PQ_FREE		1
#define	PQ_ACTIVE	2
#define	PQ_INACTIVE	3
#define	PQ_COUNT	4

/* vm_page_alloc() flags */
#define	VM_ALLOC_NORMAL	0x00	/* keep out of the reserve */
#define	VM_ALLOC_SYSTEM	0x01	/* may take reserved pages */
#define	VM_ALLOC_ZERO	0x02	/* zero-fill it */

TAILQ_HEAD(pglist, vm_page);

extern struct vm_page *vm_page_array;	/* indexed by phys page number */
extern u_long vm_page_array_first;	/* its first page number */
extern u_long vm_page_array_size;
extern struct pglist vm_page_queues[PQ_COUNT];	/* free pages: vm_page.c */

static inline struct vm_page *
PHYS_TO_VM_PAGE(paddr_t pa)
{
	u_long i = atop(pa) - vm_page_array_first;

	return (i < vm_page_array_size ? &vm_page_array[i] : NULL);
}
#define	VM_PAGE_TO_PHYS(pg)	((pg)->phys_addr)

void	vm_page_startup(paddr_t *);
struct vm_page *vm_page_alloc(struct vm_object *, vm_pindex_t, int);
void	vm_page_free(struct vm_page *);
struct vm_page *vm_page_lookup(struct vm_object *, vm_pindex_t);
void	vm_page_insert(struct vm_page *, struct vm_object *, vm_pindex_t);
void	vm_page_remove(struct vm_page *);
void	vm_page_rename(struct vm_page *, struct vm_object *, vm_pindex_t);
void	vm_page_activate(struct vm_page *);
void	vm_page_deactivate(struct vm_page *);
void	vm_page_unqueue(struct vm_page *);
void	vm_page_busy(struct vm_page *);
void	vm_page_wakeup(struct vm_page *);
void	vm_page_sleep(struct vm_page *, const char *);
void	vm_page_test_dirty(struct vm_page *);
void	vm_page_dirty(struct vm_page *);
bool	vm_page_free_avail(int);
bool	vm_page_zero_idle(void);
int	vm_wait(void);
bool	vm_wait_abandoned(void);
bool	vm_page_waiters(void);
void	vm_page_free_wakeup(void);

#endif /* !_VM_VM_PAGE_H_ */
