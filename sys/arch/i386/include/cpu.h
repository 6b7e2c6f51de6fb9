/*
 * machine/cpu.h: machine-dependent interfaces the rest of the kernel
 * calls: boot information, interrupt priority, interrupt handlers.
 */
#ifndef _MACHINE_CPU_H_
#define _MACHINE_CPU_H_

#include <sys/types.h>

struct trapframe;

/* What the boot loader told us, kept by machdep.c. */
struct bootinfo {
	char		bi_cmdline[256];	/* kernel command line */
	paddr_t		bi_rdstart;		/* root ramdisk (ustar) */
	size_t		bi_rdsize;
	paddr_t		bi_memtop;		/* end of memory used */
	/* RAM the loader reported, and what was left out and why (KiB). */
	uint32_t	bi_ramkb;		/* all of it */
	uint32_t	bi_lowkb;		/* below 1 MiB */
	uint32_t	bi_capkb;		/* above the mem= cap */
	uint32_t	bi_over4gkb;		/* above 4 GiB: no PAE */
};
extern struct bootinfo bootinfo;

#define	PHYS_AVAIL_MAX	32
extern paddr_t phys_avail[PHYS_AVAIL_MAX];	/* [start, end) pairs, 0 ends */

extern struct pcb *curpcb;

/* Interrupt handlers (intr.c). */
typedef void	intr_handler_t(void *, struct trapframe *);
void	intr_establish(int, intr_handler_t *, void *);
void	intr_level(int);
void	intr_dispatch(int, struct trapframe *);
void	pic_init(void);
void	clock_init(void);
int	intr_nest(void);

void	db_backtrace(uint32_t, struct trapframe *);
void	db_print_trapframe(struct trapframe *);
const char *ksyms_lookup(uint32_t, uint32_t *);

/*
 * Leaving QEMU: cpu_poweroff(code) writes code to the isa-debug-exit
 * device, and QEMU exits with status code * 2 + 1.  A process's exit
 * status s (0..124) travels as s + 1; 126 means 125 or more; a panic is
 * DEBUG_EXIT_PANIC, so QEMU exits 255.  tests/qemu.sh decodes it.
 */
#define	DEBUG_EXIT_PORT		0xf4
#define	DEBUG_EXIT_STATUS(s)	((s) >= 125 ? 126 : (s) + 1)
#define	DEBUG_EXIT_PANIC	127

extern size_t szsigcode;
extern char sigcode[];

void	init386(uint32_t, uint32_t);
void	cpu_startup(void);
void	fpu_init_state(struct pcb *);

#endif /* !_MACHINE_CPU_H_ */
