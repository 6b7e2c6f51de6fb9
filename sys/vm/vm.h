/*
 * vm.h: the vocabulary of Umbra's virtual memory system, which is the
 * 4.4BSD design (itself Mach's):
 *
 *	vm_map		an address space: a sorted list of entries, each
 *			mapping [start, end) to a window of an object
 *	vm_object	a virtual memory object: a sparse array of pages,
 *			resident (vm_page) or held by a pager (swap, the
 *			ramdisk file behind a vnode), optionally in front
 *			of a backing object (copy-on-write)
 *	vm_page		a physical page, and who owns it
 *	pmap		the machine's page tables for one map (pmap.h)
 *
 * A page fault (vm_fault.c) walks from the map entry's object down the
 * backing chain to find the page; fork (vm_map.c) shares objects
 * copy-on-write; the pageout daemon (vm_pageout.c) frees and writes out
 * pages under memory pressure; vm_object.c's collapse keeps backing
 * chains short.  sys/vm/NOTES holds what does not fit in a comment.
 *
 * Concurrency, once for the whole of sys/vm.  The kernel is
 * uniprocessor and not preemptible (sys/systm.h), so code that does not
 * sleep runs atomically; interrupt handlers never touch VM structures
 * (disk completions only mark buffers done and wake sleepers).  What
 * protects a structure across a sleep is a busy page (PG_BUSY) or an
 * object's paging_in_progress count, and every sleep says what it
 * re-checks when it wakes.  Fields carry a key saying who may change
 * them:
 *	(c)	constant after creation
 *	(b)	only by whoever holds the page busy (PG_BUSY)
 *	(q)	page queues: only at base level, never from an interrupt
 *	(o)	the object's structure (pages, chain, counts): only at base
 *		level, and only while no fault or pageout on the object is
 *		between its checks (paging_in_progress keeps collapse out)
 *	(d)	only the pageout daemon
 */
#ifndef _VM_VM_H_
#define _VM_VM_H_

#include <sys/types.h>
#include <machine/param.h>

struct vm_map;
struct vm_map_entry;
struct vm_object;
struct vm_page;
struct vmspace;
struct pmap;
struct pagerops;

/* Protection codes. */
#define	VM_PROT_NONE	0x00
#define	VM_PROT_READ	0x01
#define	VM_PROT_WRITE	0x02
#define	VM_PROT_EXECUTE	0x04
#define	VM_PROT_ALL	(VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXECUTE)
#define	VM_PROT_DEFAULT	VM_PROT_ALL

/* What fork does with a map entry. */
#define	VM_INHERIT_SHARE	0	/* share the object */
#define	VM_INHERIT_COPY		1	/* copy-on-write */
#define	VM_INHERIT_NONE		2	/* leave a hole */
#define	VM_INHERIT_DEFAULT	VM_INHERIT_COPY

/* Return codes of the map and fault routines. */
#define	KERN_SUCCESS		0
#define	KERN_INVALID_ADDRESS	1	/* nothing mapped there */
#define	KERN_PROTECTION_FAILURE	2	/* mapped, but not allowed */
#define	KERN_NO_SPACE		3	/* no room in the map */
#define	KERN_INVALID_ARGUMENT	4
#define	KERN_FAILURE		5	/* pager error: the data is lost */
#define	KERN_RESOURCE_SHORTAGE	6	/* out of memory, or killed waiting */

#define	OFF_TO_IDX(off)	((vm_pindex_t)((off) >> PAGE_SHIFT))
#define	IDX_TO_OFF(idx)	((vm_ooffset_t)(idx) << PAGE_SHIFT)

#endif /* !_VM_VM_H_ */
