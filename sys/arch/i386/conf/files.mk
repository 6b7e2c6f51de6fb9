# files.mk: the kernel's source files, in link order (locore first).
# The Makefile includes this; the objects go under build/k/.

KERN_SRCS := \
	sys/arch/i386/i386/locore.S \
	sys/arch/i386/i386/machdep.c \
	sys/arch/i386/i386/trap.c \
	sys/arch/i386/i386/intr.c \
	sys/arch/i386/i386/clock.c \
	sys/arch/i386/i386/pmap.c \
	sys/arch/i386/i386/vm_machdep.c \
	sys/arch/i386/i386/db_trace.c \
	sys/dev/com.c \
	sys/dev/cons.c \
	sys/dev/pci.c \
	sys/dev/virtio_blk.c \
	sys/dev/wd.c \
	sys/kern/init_main.c \
	sys/kern/kern_clock.c \
	sys/kern/kern_descrip.c \
	sys/kern/kern_exec.c \
	sys/kern/kern_exit.c \
	sys/kern/kern_fork.c \
	sys/kern/kern_malloc.c \
	sys/kern/kern_proc.c \
	sys/kern/kern_prot.c \
	sys/kern/kern_resource.c \
	sys/kern/kern_shutdown.c \
	sys/kern/kern_sig.c \
	sys/kern/kern_synch.c \
	sys/kern/kern_sysctl.c \
	sys/kern/kern_time.c \
	sys/kern/subr_disk.c \
	sys/kern/subr_prf.c \
	sys/kern/subr_uio.c \
	sys/kern/sys_generic.c \
	sys/kern/sys_pipe.c \
	sys/kern/tty.c \
	sys/kern/vfs_syscalls.c \
	sys/kern/vfs_ustar.c \
	sys/kern/vfs_vnops.c \
	sys/libkern/qdivrem.c \
	sys/libkern/string.c \
	sys/vm/vm_fault.c \
	sys/vm/vm_kern.c \
	sys/vm/vm_map.c \
	sys/vm/vm_meter.c \
	sys/vm/vm_mmap.c \
	sys/vm/vm_object.c \
	sys/vm/vm_objinfo.c \
	sys/vm/vm_page.c \
	sys/vm/vm_pageout.c \
	sys/vm/vm_pager.c \
	sys/vm/vm_swap.c \
	sys/vm/vm_swapoff.c \
	sys/vm/swap_pager.c \
	sys/vm/vnode_pager.c
