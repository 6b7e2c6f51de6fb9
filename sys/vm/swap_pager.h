/*
 * swap_pager.h: swap space (vm_swap.c) and the swap pager
 * (swap_pager.c).
 *
 * Swap space is counted in blocks of one page.  Block numbers run over
 * every swap device, each device a range of them; SWAPBLK_NONE is no
 * block.  A block in an object's map with SWAPBLK_BAD set was retired
 * after a read error: the page's contents are lost, and faults on it
 * fail rather than read zeros.  When swapoff removes the device of a
 * retired block still in a map, the entry becomes SWAPBLK_LOST: still
 * unreadable (it has the BAD bit), but holding no block of any device.
 */
#ifndef _VM_SWAP_PAGER_H_
#define _VM_SWAP_PAGER_H_

#include <sys/types.h>

#define	SWAPBLK_NONE	0xffffffffU
#define	SWAPBLK_BAD	0x80000000U
#define	SWAPBLK_MASK	0x7fffffffU
#define	SWAPBLK_LOST	0xfffffffeU	/* unreadable, its device removed:
					   BAD, and no block at all */

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
const char *swap_dev_name(uint32_t);
bool	swap_dev_same(uint32_t, uint32_t);
int	swap_dev_lookup(dev_t);
void	swap_dev_range(int, uint32_t *, uint32_t *);
u_int	swap_dev_live(int);
u_int	swap_dev_retired(int);
const char *swap_dev_path(int);
void	swap_dev_drain(int, bool);
u_int	swap_dev_free_elsewhere(int);
void	swap_dev_remove(int);

/* swap_pager.c */
int	swap_pager_alloc(struct vm_object *);
void	swap_pager_complete(void);
u_int	swap_pager_inflight(void);
u_int	swap_pager_object_blocks(struct vm_object *);
uint32_t swap_pager_block(struct vm_object *, vm_pindex_t);
const char *swap_pager_where(struct vm_object *, vm_pindex_t);
bool	swap_pager_foreach(struct vm_object *,
	    bool (*)(void *, vm_pindex_t), void *);
bool	swap_pager_range(struct vm_object *, vm_pindex_t, vm_pindex_t,
	    bool (*)(void *, vm_pindex_t), void *);
u_int	swap_pager_outside_blocks(struct vm_object *);
bool	swap_pager_adopted(struct vm_object *);
u_int	swap_pager_trim(struct vm_object *);
int	swap_pager_copy(struct vm_object *, struct vm_object *, vm_pindex_t);
void	swap_pager_adopt(struct vm_object *, struct vm_object *, vm_pindex_t);
u_int	swap_pager_dev_outside(struct vm_object *, uint32_t, uint32_t);
int	swap_pager_dev_pages(struct vm_object *, uint32_t, uint32_t,
	    vm_pindex_t *, vm_pindex_t *, int);
uint32_t swap_pager_dev_block(struct vm_object *, vm_pindex_t, uint32_t,
	    uint32_t);
void	swap_pager_page_lost(struct vm_object *, vm_pindex_t);
void	swap_pager_audit(struct vm_object *, uint32_t *, u_int,
	    struct swap_audit *);

#endif /* !_VM_SWAP_PAGER_H_ */
