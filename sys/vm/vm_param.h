/*
 * vm_param.h: the VM's counters (struct vmmeter, 4.4BSD's `cnt') and
 * the page allocator's thresholds.  vm_meter.c exports them as the
 * sysctl nodes vm.stats.*; vmstat-like tools read them there.
 */
#ifndef _VM_VM_PARAM_H_
#define _VM_VM_PARAM_H_

#include <sys/types.h>

struct vmmeter {
	/* Page counts (q). */
	u_int	v_page_count;		/* managed pages */
	u_int	v_free_count;		/* on the free queue */
	u_int	v_direct_count;		/* in the kernel's direct map */
	u_int	v_free_direct;		/* ... and free */
	u_int	v_zero_count;		/* free and known to be zero */
	u_int	v_active_count;		/* on the active queue */
	u_int	v_inactive_count;	/* on the inactive queue */
	u_int	v_wire_count;		/* kernel pages, on no queue */
	u_int	v_file_pages;		/* owned by vnode objects */
	u_int	v_anon_pages;		/* owned by anonymous objects */

	/* Thresholds, set at boot from the memory size. */
	u_int	v_free_reserved;	/* only the system dips below */
	u_int	v_free_min;		/* wake the pageout daemon */
	u_int	v_free_target;		/* the daemon frees up to here */
	u_int	v_inactive_target;	/* pages to keep inactive */

	/* Event counters. */
	u_int	v_faults;		/* page faults */
	u_int	v_fault_restarts;	/* faults that slept and started over */
	u_int	v_cow_faults;		/* copy-on-write copies */
	u_int	v_zfod;			/* zero-fill pages */
	u_int	v_ozfod;		/* ... that were zeroed already */
	u_int	v_idlezero;		/* pages zeroed by the idle loop */
	u_int	v_direct_moved;		/* pages moved out of the direct map */
	u_int	v_pageins;		/* pages read from a pager */
	u_int	v_pagein_requests;	/* faults that read from a pager */
	u_int	v_readahead;		/* ... pages read ahead with them */
	u_int	v_readahead_used;	/* ... of those, used later */
	u_int	v_readahead_unused;	/* ... freed unused */
	u_int	v_pageouts;		/* pages written to a pager */
	u_int	v_pageout_errors;	/* pages whose write failed */
	u_int	v_pagein_errors;	/* pages whose read failed */
	u_int	v_pagein_killed;	/* page-ins done for a process that
					   was killed (SIGKILL) meanwhile */
	u_int	v_reactivated;		/* inactive pages found referenced */
	u_int	v_dfree;		/* pages freed by the daemon */
	u_int	v_pdwakeups;		/* pageout daemon runs */
	u_int	v_vmwaits;		/* sleeps waiting for memory */
	u_int	v_oom_kills;		/* processes killed for memory */
	u_int	v_swapoffs;		/* swap devices taken away */
	u_int	v_swapoff_read;		/* pages swapoff read back */
	u_int	v_swapoff_freed;	/* hidden blocks it freed unread */
	u_int	v_swapoff_lost;		/* pages lost to read errors */

	/*
	 * System events, counted outside sys/vm for vmstat(1)'s "faults"
	 * columns, where 4.4BSD's cnt kept them too.
	 */
	u_int	v_intr;			/* device interrupts (intr.c) */
	u_int	v_syscall;		/* system calls (trap.c) */
	u_int	v_swtch;		/* context switches (kern_synch.c) */
};

extern struct vmmeter vmcnt;

/* Object and collapse counters (vm_object.c). */
struct vm_object_stats {
	u_int	os_objects;		/* objects alive */
	u_int	os_created;		/* objects ever created */
	u_int	os_collapses;		/* backing objects absorbed */
	u_int	os_bypasses;		/* backing objects skipped */
	u_int	os_pages_moved;		/* resident pages renamed */
	u_int	os_pages_freed;		/* resident pages freed as hidden */
	u_int	os_swap_moved;		/* swap blocks migrated */
	u_int	os_clusters_moved;	/* ... of them in whole clusters */
	u_int	os_swap_freed;		/* swap blocks freed as hidden */
	u_int	os_refused_pager;	/* refused: an object has a pager */
	u_int	os_refused_busy;	/* deferred: paging in progress */
	u_int	os_refused_nomem;	/* stopped: no memory for swap maps */
	u_int	os_waits;		/* vmdeferd's sleeps for paging */
	u_int	os_collapse_ns;		/* time spent collapsing (wraps) */
	u_int	os_reclaimed_pages;	/* hidden resident pages reclaimed */
	u_int	os_reclaimed_swap;	/* hidden swap blocks reclaimed */
	u_int	os_reclaim_pageouts;	/* hidden pages freed after a pageout */
	u_int	os_trimmed;		/* pages cut off objects' ends */
	u_int	os_deferred_queued;	/* objects put on the deferred queue */
	u_int	os_deferred_retried;	/* ... taken off it by vmdeferd */
	u_int	os_deferred_dropped;	/* ... dropped: died, or the fix off */
	u_int	os_longest_chain;	/* longest chain a shadow made */
	u_int	os_generation;		/* bumped whenever a chain changes */
};

extern struct vm_object_stats vmobjstats;

#endif /* !_VM_VM_PARAM_H_ */
