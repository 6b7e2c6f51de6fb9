/*
 * machine/param.h: i386 page size and the layout of the address space.
 *
 *	0x00000000 .. 0x00001000	never mapped (NULL)
 *	0x08048000 ..			program text, data, bss, heap
 *	         .. 0xbf800000		mmap(2) grows down from below the stack
 *	0xbf800000 .. 0xc0000000	user stack (MAXSSIZ), the signal
 *					trampoline and argv/envp at its top
 *	0xc0000000 .. 0xe0000000	the kernel: the first 512 MiB of
 *					physical memory mapped one to one
 *					(KERNBASE + pa)
 *	0xe0000000 .. 0xe4000000	kernel virtual space (kernel stacks,
 *					large kernel allocations)
 *	0xe4000000 .. 0xe4008000	temporary mappings of pages above
 *					the direct map (machine/vmparam.h)
 */
#ifndef _MACHINE_PARAM_H_
#define _MACHINE_PARAM_H_

#define	MACHINE		"i386"
#define	MACHINE_ARCH	"i386"

#define	PAGE_SHIFT	12
#define	PAGE_SIZE	(1 << PAGE_SHIFT)
#define	PAGE_MASK	(PAGE_SIZE - 1)
#define	NBPG		PAGE_SIZE
#define	PGSHIFT		PAGE_SHIFT
#define	PGOFSET		PAGE_MASK
#define	DEV_BSIZE	512		/* disk sector */
#define	DEV_BSHIFT	9

#define	KERNBASE	0xc0000000	/* start of kernel virtual space */
#define	VM_MAXUSER_ADDRESS	0xc0000000	/* end of user space */
#define	VM_MIN_ADDRESS		0x00001000	/* lowest user address */
#define	USRSTACK	VM_MAXUSER_ADDRESS	/* top of the user stack */
#define	MAXSSIZ		(8 * 1024 * 1024)	/* max stack size */
#define	MAXDSIZ		(512 * 1024 * 1024)	/* max data (heap) size */
#define	KSTACK_PAGES	3		/* kernel stack, per process */

#define	trunc_page(x)	((x) & ~PAGE_MASK)
#define	round_page(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)
#define	atop(x)		((x) >> PAGE_SHIFT)
#define	ptoa(x)		((x) << PAGE_SHIFT)

#endif /* !_MACHINE_PARAM_H_ */
