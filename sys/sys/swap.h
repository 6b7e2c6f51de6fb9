/*
 * swap.h: what the kernel tells userland about its swap devices.
 *
 * sysctl vm.swap_info returns an array of struct swapent, one per
 * device given to swapon(2); vm.swap_total and vm.swap_used give the
 * totals in pages.  swapctl(8) prints them.
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

#ifndef _KERNEL
int	swapon(const char *);
#endif

#endif /* !_SYS_SWAP_H_ */
