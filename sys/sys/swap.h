/*
 * swap.h: what the kernel tells userland about its swap devices.
 *
 * sysctl vm.swap_info returns an array of struct swapent, one per
 * device given to swapon(2) and not yet taken away by swapoff(2);
 * vm.swap_total and vm.swap_used give the totals in pages.  swapctl(8)
 * prints them.
 */
#ifndef _SYS_SWAP_H_
#define _SYS_SWAP_H_

#include <sys/_types.h>

#define	SWAP_PATHLEN	32

struct swapent {
	int		se_structsize;		/* sizeof(struct swapent) */
	int		se_flags;		/* SWF_* */
	__uint32_t	se_nblks;		/* size, in pages */
	__uint32_t	se_inuse;		/* pages allocated */
	__uint32_t	se_nbad;		/* pages retired after I/O errors */
	__uint32_t	se_pagesize;		/* bytes per page */
	char		se_path[SWAP_PATHLEN];	/* device name */
};

#define	SWF_ENABLE	0x0001		/* in use for paging */
#define	SWF_DRAINING	0x0002		/* swapoff is taking it away */

/*
 * sysctl vm.swap_audit (root only): a check of every object's swap map
 * against the swap allocator.  A block is owned when some object's map
 * holds it.  In a sound system orphaned, unallocated, doubly_owned and
 * out_of_range are all zero, and allocated == owned + (bad blocks no
 * object owns).  Blocks an object holds outside its own window
 * (sa_outside) are not errors: they are 4.4BSD's "unused portion of the
 * paging space" that a collapse with vm.collapse_pagers=0 adopts along
 * with the backing object's pager, unreadable until the object dies.
 */
struct swap_audit {
	int		sa_structsize;	/* sizeof(struct swap_audit) */
	__uint32_t	sa_total;	/* blocks of swap */
	__uint32_t	sa_allocated;	/* blocks the allocator handed out */
	__uint32_t	sa_owned;	/* blocks object maps hold */
	__uint32_t	sa_bad;		/* blocks retired after I/O errors */
	__uint32_t	sa_objects;	/* objects with a swap pager */
	__uint32_t	sa_orphaned;	/* allocated, good, owned by none */
	__uint32_t	sa_unallocated;	/* owned, yet free in the allocator */
	__uint32_t	sa_doubly_owned; /* owned by two objects or indexes */
	__uint32_t	sa_out_of_range; /* not a block of any device */
	__uint32_t	sa_errors;	/* the sum of the four above */
	__uint32_t	sa_outside;	/* owned outside the owner's window */
	__uint32_t	sa_file_blocks;	/* owned by /tmp files' objects */
};

#ifndef _KERNEL
int	swapon(const char *);
int	swapoff(const char *);
#endif

#endif /* !_SYS_SWAP_H_ */
