/*
 * vm_meter.c: the VM's counters as sysctl nodes: vm.stats.* for pages
 * and events (struct vmmeter), vm.stats.object.* for objects and
 * collapse.  Tests read these to check that memory comes back and that
 * paging really happened; benchmarks to compare runs.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_param.h>

SYSCTL_NODE(_vm, OID_AUTO, stats, CTLFLAG_RD, NULL, "VM statistics");
SYSCTL_NODE(_vm_stats, OID_AUTO, object, CTLFLAG_RD, NULL,
    "Objects and collapse");

#define	VMCNT(name, field, descr)					\
	SYSCTL_UINT(_vm_stats, OID_AUTO, name, CTLFLAG_RD,		\
	    &vmcnt.field, descr)
#define	OBJCNT(name, field, descr)					\
	SYSCTL_UINT(_vm_stats_object, OID_AUTO, name, CTLFLAG_RD,	\
	    &vmobjstats.field, descr)

VMCNT(page_count, v_page_count, "Pages managed by the VM");
VMCNT(free_count, v_free_count, "Free pages");
VMCNT(direct_count, v_direct_count,
    "Pages the kernel maps at all times (the rest: only objects' pages)");
VMCNT(free_direct, v_free_direct, "Free pages the kernel maps at all times");
VMCNT(zero_count, v_zero_count, "Free pages known to be zero");
VMCNT(active_count, v_active_count, "Active pages");
VMCNT(inactive_count, v_inactive_count, "Inactive pages");
VMCNT(wire_count, v_wire_count, "Kernel pages");
VMCNT(file_pages, v_file_pages, "Pages cached for ramdisk files");
VMCNT(anon_pages, v_anon_pages, "Pages of anonymous memory");
VMCNT(free_reserved, v_free_reserved, "Pages kept for the system");
VMCNT(free_min, v_free_min, "Free pages that wake the pageout daemon");
VMCNT(free_target, v_free_target, "Free pages the daemon aims for");
VMCNT(inactive_target, v_inactive_target, "Inactive pages aimed for");
VMCNT(faults, v_faults, "Page faults");
VMCNT(fault_restarts, v_fault_restarts,
    "Faults that slept (busy page, no memory) and started over");
VMCNT(cow_faults, v_cow_faults, "Copy-on-write copies");
VMCNT(zero_fills, v_zfod, "Zero-filled pages");
VMCNT(zero_fills_prezeroed, v_ozfod,
    "Zero-filled allocations served by a page zeroed in advance");
VMCNT(idle_zeroed, v_idlezero, "Free pages zeroed by the idle loop");
VMCNT(direct_moved, v_direct_moved,
    "Objects' pages moved out of the direct map for the kernel's use");
VMCNT(pageins, v_pageins, "Pages read from pagers");
VMCNT(pagein_requests, v_pagein_requests,
    "Faults that read from a pager (one transfer each)");
VMCNT(readahead, v_readahead, "Pages read ahead of a fault");
VMCNT(readahead_used, v_readahead_used, "Pages read ahead, used later");
VMCNT(readahead_unused, v_readahead_unused,
    "Pages read ahead, freed without being used");
VMCNT(pageouts, v_pageouts, "Pages written to pagers");
VMCNT(pageout_errors, v_pageout_errors, "Page writes that failed");
VMCNT(pagein_errors, v_pagein_errors, "Page reads that failed");
VMCNT(pagein_killed, v_pagein_killed,
    "Page reads that ended with their process killed");
VMCNT(reactivated, v_reactivated, "Inactive pages found in use");
VMCNT(daemon_freed, v_dfree, "Pages freed by the pageout daemon");
VMCNT(daemon_wakeups, v_pdwakeups, "Pageout daemon runs");
VMCNT(vm_waits, v_vmwaits, "Waits for free memory");
VMCNT(oom_kills, v_oom_kills, "Processes killed for lack of memory");
VMCNT(swapoffs, v_swapoffs, "Swap devices taken away (swapoff)");
VMCNT(swapoff_read, v_swapoff_read, "Pages swapoff read back");
VMCNT(swapoff_freed, v_swapoff_freed,
    "Blocks swapoff freed unread (nobody could read them)");
VMCNT(swapoff_lost, v_swapoff_lost,
    "Pages lost: their blocks could not be read, and the device went");
VMCNT(interrupts, v_intr, "Device interrupts");
VMCNT(syscalls, v_syscall, "System calls");
VMCNT(context_switches, v_swtch, "Context switches");

OBJCNT(objects, os_objects, "Objects alive");
OBJCNT(created, os_created, "Objects ever created");
OBJCNT(collapses, os_collapses, "Backing objects absorbed by collapse");
OBJCNT(bypasses, os_bypasses, "Backing objects bypassed");
OBJCNT(pages_moved, os_pages_moved, "Resident pages moved by collapse");
OBJCNT(pages_freed, os_pages_freed, "Hidden resident pages freed");
OBJCNT(swap_moved, os_swap_moved, "Swap blocks moved by collapse");
OBJCNT(clusters_moved, os_clusters_moved,
    "Clusters of swap blocks moved whole by collapse (one step each)");
OBJCNT(swap_freed, os_swap_freed, "Hidden swap blocks freed");
OBJCNT(refused_pager, os_refused_pager,
    "Collapses refused because an object has a pager");
OBJCNT(refused_busy, os_refused_busy,
    "Collapses left to vmdeferd: paging in progress");
OBJCNT(refused_nomem, os_refused_nomem,
    "Collapses stopped half done for lack of memory for swap maps");
OBJCNT(waits, os_waits, "vmdeferd's sleeps for paging to end");
OBJCNT(collapse_ns, os_collapse_ns,
    "Nanoseconds spent collapsing (instructions under QEMU -icount)");
OBJCNT(generation, os_generation, "Changes to any chain (for tools)");
OBJCNT(longest_chain, os_longest_chain,
    "Longest backing chain when a shadow was made");
OBJCNT(reclaimed_pages, os_reclaimed_pages,
    "Hidden resident pages freed (the fix: no hidden pages)");
OBJCNT(reclaimed_swap, os_reclaimed_swap, "Hidden swap blocks freed");
OBJCNT(reclaim_pageouts, os_reclaim_pageouts,
    "Hidden pages freed when their pageout ended");
OBJCNT(trimmed, os_trimmed, "Pages cut off the ends of objects");
OBJCNT(deferred_queued, os_deferred_queued,
    "Objects queued for vmdeferd (collapse or sweep deferred)");
OBJCNT(deferred_retried, os_deferred_retried,
    "Deferred objects vmdeferd worked on");
OBJCNT(deferred_dropped, os_deferred_dropped,
    "Deferred objects dropped (died first, or the fix was off)");
