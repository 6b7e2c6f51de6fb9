/*
 * malloc.h: the kernel memory allocator (kern_malloc.c).
 *
 * malloc(size, type, flags) returns memory from power-of-two buckets
 * of 16 to 2048 bytes carved out of whole pages, or, for anything
 * larger, whole pages mapped in kernel virtual space (kmem_alloc).  A
 * bucket page goes back to the VM as soon as all its chunks are free,
 * so the free page count after a test returns exactly to where it was.
 *
 * Flags: M_WAITOK (the default, 0) may sleep for memory, and fails
 * only for a request larger than a page when kernel virtual space is
 * exhausted; M_NOWAIT returns NULL instead of sleeping; M_ZERO zeroes;
 * M_SYSTEM may use the pages held in reserve for the system (the
 * pageout daemon's allocations must not wait for itself); M_KILLABLE
 * waits like M_WAITOK but gives up, returning NULL, if the process is
 * killed meanwhile (for allocations on behalf of a process, so that one
 * chosen by the out-of-memory killer can die).
 *
 * Every allocation is charged to a type (MALLOC_DEFINE), whose counts
 * sysctl kern.malloc shows: a leak shows as a type that keeps growing.
 */
#ifndef _SYS_MALLOC_H_
#define _SYS_MALLOC_H_

#include <sys/types.h>

#define	M_WAITOK	0x0000
#define	M_NOWAIT	0x0001
#define	M_ZERO		0x0002
#define	M_SYSTEM	0x0004
#define	M_KILLABLE	0x0008

struct malloc_type {
	const char		*ks_shortdesc;	/* name, for sysctl */
	long			ks_inuse;	/* allocations outstanding */
	long			ks_memuse;	/* bytes outstanding */
	long			ks_calls;	/* allocations ever */
	struct malloc_type	*ks_next;	/* all types */
};

#define	MALLOC_DEFINE(type, shortdesc, longdesc) \
	struct malloc_type type[1] = { { shortdesc, 0, 0, 0, NULL } }
#define	MALLOC_DECLARE(type) \
	extern struct malloc_type type[1]

MALLOC_DECLARE(M_TEMP);

void	*malloc(size_t, struct malloc_type *, int);
void	free(void *, struct malloc_type *);
void	kmeminit(void);
struct malloc_type *malloc_types(void);
extern u_int malloc_bucket_pages;	/* pages carved into buckets */

/* Whole pages in kernel virtual space (vm_kern.c). */
vaddr_t	kmem_alloc(vsize_t, int);
vaddr_t	kmem_alloc_stack(vsize_t, int);
void	kmem_free(vaddr_t, vsize_t);
void	kmem_free_stack(vaddr_t, vsize_t);

#endif /* !_SYS_MALLOC_H_ */
