/*
 * swap_pager.h: swap space (vm_swap.c) and the swap pager
 * (swap_pager.c).
 *
 * Swap space is counted in blocks of one page.  Block numbers run over
 * every swap device, each device a range of them; SWAPBLK_NONE is no
 * block.  A block in an object's map with SWAPBLK_BAD set was retired
 * after a read error: the page's contents are lost, and faults on it
 * fail rather than read zeros.
 */
#ifndef _VM_SWAP_PAGER_H_
#define _VM_SWAP_PAGER_H_

#include <sys/types.h>

#define	SWAPBLK_NONE	0xffffffffU
#define	SWAPBLK_BAD	0x80000000U
#define	SWAPBLK_MASK	0x7fffffffU

struct buf;
struct vm_object;
struct swap_audit;

/* vm_swap.c: devices and the block allocator. */
uint32_t swap_alloc(u_int);
void	swap_free(uint32_t, u_int);
void	swap_retire(uint32_t);
bool	swap_io(struct buf *, uint32_t);
bool	swap_configured(void);
u_int	swap_free_blocks(void);
void	swap_usage(u_int *, u_int *);

/* swap_pager.c */
int	swap_pager_alloc(struct vm_object *);
void	swap_pager_complete(void);
u_int	swap_pager_inflight(void);
u_int	swap_pager_object_blocks(struct vm_object *);
uint32_t swap_pager_block(struct vm_object *, vm_pindex_t);
bool	swap_pager_foreach(struct vm_object *,
	    bool (*)(void *, vm_pindex_t), void *);
bool	swap_pager_range(struct vm_object *, vm_pindex_t, vm_pindex_t,
	    bool (*)(void *, vm_pindex_t), void *);
u_int	swap_pager_outside_blocks(struct vm_object *);
u_int	swap_pager_trim(struct vm_object *);
int	swap_pager_copy(struct vm_object *, struct vm_object *, vm_pindex_t);
void	swap_pager_adopt(struct vm_object *, struct vm_object *, vm_pindex_t);
void	swap_pager_audit(struct vm_object *, uint32_t *, u_int,
	    struct swap_audit *);

#endif /* !_VM_SWAP_PAGER_H_ */
