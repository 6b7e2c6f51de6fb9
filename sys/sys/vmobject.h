/*
 * vmobject.h: what the kernel tells userland about address maps and the
 * object chains behind them (kern.proc.vmmap.PID, vm.objects), for
 * vmobjdump(8), vm-test and the tests.
 *
 * Records have a fixed layout.  Each begins with its own size, so a
 * newer kernel may append fields and an older tool still steps over
 * them; the header's version changes only when a field changes meaning.
 * Objects are named by their id (a serial number given at creation and
 * never reused), never by a kernel address.  Counts are in pages unless
 * the name says bytes.
 *
 * kern.proc.vmmap.PID (root only) returns one snapshot, taken without
 * sleeping, of PID's map and its chains:
 *
 *	struct kinfo_vmmap_hdr
 *	kvh_nentries times:
 *		struct kinfo_vmentry
 *		kve_depth times: struct kinfo_vmobject (front object first)
 *
 * vm.objects (root only) returns the header followed by kvh_nobjects
 * kinfo_vmobject records: every object alive, in creation order.
 *
 * Both follow the sysctl(3) protocol for tables: a NULL buffer returns
 * the size needed (with room for growth), a short buffer gets what fits
 * and ENOMEM.  ESRCH: no such process, one that has exited, or a kernel
 * thread (it has no user map).
 *
 * Hidden pages.  A page of an anonymous object, resident or on swap, is
 * hidden when no map entry can reach it any more: every path from a map
 * entry down the chains to the object passes through a nearer object
 * that has the same page (resident or on swap).  The kernel works this
 * out for every object it reports (kvo_hidden_res, kvo_hidden_swap),
 * over all processes, not only the one dumped.  An object that a map
 * entry references directly counts as reaching all of its pages.
 * Hidden pages are exactly what the 1993 defect leaks.
 */
#ifndef _SYS_VMOBJECT_H_
#define _SYS_VMOBJECT_H_

#include <sys/_types.h>

#define	KVM_VERSION	1		/* kvh_version */
#define	KVO_PATHLEN	32

struct kinfo_vmmap_hdr {
	int		kvh_structsize;	/* sizeof(struct kinfo_vmmap_hdr) */
	int		kvh_version;	/* KVM_VERSION */
	__pid_t		kvh_pid;	/* the process (vm.objects: 0) */
	__uint32_t	kvh_pagesize;	/* bytes per page */
	__uint32_t	kvh_nentries;	/* map entries that follow */
	__uint32_t	kvh_nobjects;	/* object records that follow */
	__uint32_t	kvh_generation;	/* changes when any chain changes */
	__uint32_t	kvh_swap_total;	/* swap pages, system-wide */
	__uint32_t	kvh_swap_used;	/* ... in use */
};

struct kinfo_vmentry {
	int		kve_structsize;	/* sizeof(struct kinfo_vmentry) */
	__uint32_t	kve_start;	/* first address */
	__uint32_t	kve_end;	/* last address + 1 */
	__uint32_t	kve_offset;	/* bytes into the front object */
	int		kve_protection;	/* VM_PROT_* (1 r, 2 w, 4 x) */
	int		kve_max_protection;
	int		kve_flags;	/* KVE_F_* */
	__uint32_t	kve_depth;	/* object records that follow */
	__uint32_t	kve_visible;	/* pages of the range some object
					   of the chain holds */
};

#define	KVE_F_COW	0x0001		/* private copy */
#define	KVE_F_NEEDS_COPY 0x0002		/* ... not made yet */
#define	KVE_F_SHARED	0x0004		/* inherited shared at fork */

struct kinfo_vmobject {
	int		kvo_structsize;	/* sizeof(struct kinfo_vmobject) */
	__uint32_t	kvo_id;		/* serial number, never reused */
	__uint32_t	kvo_backing_id;	/* the next object down, or 0 */
	__uint32_t	kvo_backing_offset; /* bytes into it */
	int		kvo_type;	/* KVO_TYPE_* */
	__uint32_t	kvo_size;	/* pages */
	__uint32_t	kvo_resident;	/* resident pages */
	__uint32_t	kvo_swapped;	/* swap blocks held */
	__uint32_t	kvo_hidden_res;	/* resident pages nobody can reach */
	__uint32_t	kvo_hidden_swap; /* swap blocks nobody can reach */
	int		kvo_ref_count;	/* references: map entries, shadows,
					   a /tmp file */
	int		kvo_shadow_count; /* objects in front of this one */
	int		kvo_paging;	/* paging operations in progress */
	int		kvo_flags;	/* KVO_F_* */
	char		kvo_path[KVO_PATHLEN]; /* vnode and /tmp file objects:
					   the file's name */
};

#define	KVO_TYPE_ANON	0		/* anonymous, no pager yet */
#define	KVO_TYPE_SWAP	1		/* anonymous, with a swap pager */
#define	KVO_TYPE_VNODE	2		/* a file's pages */

#define	KVO_F_INTERNAL	0x0001		/* anonymous memory */
#define	KVO_F_DEAD	0x0002		/* being terminated */
#define	KVO_F_COLLAPSING 0x0004		/* a collapse is moving its pages */
#define	KVO_F_FILE	0x0008		/* anonymous, a /tmp file's pages;
					   kvo_path is the file's name */

#ifndef _KERNEL
#include <sys/types.h>

/* kinfo_getvmmap(3): fetch a whole snapshot, to free(); NULL and errno. */
struct kinfo_vmmap_hdr *kinfo_getvmmap(pid_t, size_t *);
struct kinfo_vmmap_hdr *kinfo_getvmobjects(size_t *);
const void *kinfo_vmrec_next(const struct kinfo_vmmap_hdr *, size_t,
	    const void *, size_t);

/*
 * kinfo_vmsummary(3): one process's totals.  Objects are counted once
 * even when several entries reach them; vnode objects (file pages) are
 * not counted in the page totals.
 */
struct kinfo_vmsummary {
	u_int	ks_entries;		/* map entries */
	u_int	ks_objects;		/* distinct objects in its chains */
	u_int	ks_longest_chain;	/* deepest chain below one entry */
	u_int	ks_visible;		/* pages the entries can see */
	u_int	ks_resident;		/* resident anonymous pages */
	u_int	ks_swapped;		/* swap blocks */
	u_int	ks_hidden_res;		/* hidden resident pages */
	u_int	ks_hidden_swap;		/* hidden swap blocks */
};
int	kinfo_vmsummary(pid_t, struct kinfo_vmsummary *);
#endif

#endif /* !_SYS_VMOBJECT_H_ */
