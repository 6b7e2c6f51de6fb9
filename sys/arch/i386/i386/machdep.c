/*
 * machdep.c: the i386 machine: boot (init386), descriptor tables,
 * interrupt priority, the FPU, context switch glue, power off, and the
 * machine-dependent half of signals (sendsig, sigreturn, setregs).
 *
 * init386() runs on the boot stack with paging on (locore.S) and
 * interrupts off.  In order it:
 *	1. starts the serial console, so that panic() can speak;
 *	2. copies what it needs out of the Multiboot information (command
 *	   line, the root ramdisk module, the memory map) before any of it
 *	   can be overwritten;
 *	3. loads the GDT, the TSS and the IDT;
 *	4. computes phys_avail[]: RAM above 1 MiB, below the `mem=' cap
 *	   and 4 GiB, minus the kernel image, the modules and the loader's
 *	   tables, in ranges split at the end of the direct map (so that
 *	   each range is all direct-mapped or all above it);
 *	5. hands over to the machine-independent main() (init_main.c).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/sysproto.h>
#include <sys/reboot.h>
#include <sys/exec.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/multiboot.h>
#include <machine/pcb.h>
#include <machine/segments.h>
#include <machine/specialreg.h>
#include <machine/trap.h>
#include <machine/vmparam.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_param.h>
#include <vm/pmap.h>

struct bootinfo bootinfo;
paddr_t phys_avail[PHYS_AVAIL_MAX];
struct pcb *curpcb;

static struct segment_descriptor gdt[NGDT];
static struct gate_descriptor idt[256];
static struct i386tss tss;		/* ring-0 stack for traps */
static struct i386tss dftss;		/* the double-fault task */
static char dfstack[2 * PAGE_SIZE] __attribute__((aligned(16)));
static uint8_t fpu_initstate[108] __attribute__((aligned(16)));

extern char end[];			/* kernel.ld */
extern pd_entry_t bootpd[];		/* locore.S */
extern uint32_t idt_vectors[], idt_nvectors, idt_syscall;

void	main(void) __attribute__((noreturn));
static void dblfault_handler(void);

static void
setsegment(struct segment_descriptor *sd, uint32_t base, uint32_t limit,
    int type, int dpl, int gran)
{

	sd->sd_lolimit = limit & 0xffff;
	sd->sd_hilimit = (limit >> 16) & 0xf;
	sd->sd_lobase = base & 0xffff;
	sd->sd_midbase = (base >> 16) & 0xff;
	sd->sd_hibase = (base >> 24) & 0xff;
	sd->sd_type = type;
	sd->sd_dpl = dpl;
	sd->sd_p = 1;
	sd->sd_xx = 0;
	sd->sd_def32 = 1;
	sd->sd_gran = gran;
}

static void
setgate(struct gate_descriptor *gd, uint32_t func, int type, int dpl,
    int sel)
{

	gd->gd_looffset = func & 0xffff;
	gd->gd_hioffset = func >> 16;
	gd->gd_selector = sel;
	gd->gd_stkcpy = 0;
	gd->gd_type = type;
	gd->gd_dpl = dpl;
	gd->gd_p = 1;
}

/*
 * The GDT: flat code and data for both rings, the TSS, and a second TSS
 * for the double-fault task, which runs on a stack of its own so that
 * a kernel stack overflow is reported instead of resetting the machine.
 */
static void
gdt_init(void)
{
	struct region_descriptor rd;

	setsegment(&gdt[GCODE_SEL], 0, 0xfffff, SDT_MEMERA, SEL_KPL, 1);
	setsegment(&gdt[GDATA_SEL], 0, 0xfffff, SDT_MEMRWA, SEL_KPL, 1);
	setsegment(&gdt[GUCODE_SEL], 0, 0xfffff, SDT_MEMERA, SEL_UPL, 1);
	setsegment(&gdt[GUDATA_SEL], 0, 0xfffff, SDT_MEMRWA, SEL_UPL, 1);

	tss.tss_ss0 = KDSEL;
	tss.tss_esp0 = (uint32_t)dfstack;	/* until the first switch */
	tss.tss_iobase = sizeof(tss);
	setsegment(&gdt[GPROC0_SEL], (uint32_t)&tss, sizeof(tss) - 1,
	    SDT_SYS386TSS, SEL_KPL, 0);
	gdt[GPROC0_SEL].sd_def32 = 0;

	dftss.tss_esp = dftss.tss_esp0 = (uint32_t)dfstack + sizeof(dfstack);
	dftss.tss_ss = dftss.tss_ss0 = KDSEL;
	dftss.tss_ds = dftss.tss_es = dftss.tss_fs = dftss.tss_gs = KDSEL;
	dftss.tss_cs = KCSEL;
	dftss.tss_eip = (uint32_t)dblfault_handler;
	dftss.tss_eflags = 0x2;
	dftss.tss_cr3 = DMAP_TO_PHYS(bootpd);
	dftss.tss_iobase = sizeof(dftss);
	setsegment(&gdt[GDFAULT_SEL], (uint32_t)&dftss, sizeof(dftss) - 1,
	    SDT_SYS386TSS, SEL_KPL, 0);
	gdt[GDFAULT_SEL].sd_def32 = 0;

	rd.rd_limit = sizeof(gdt) - 1;
	rd.rd_base = (uint32_t)gdt;
	__asm volatile("lgdt %0" : : "m"(rd));
	__asm volatile(
	    "movw %w0, %%ds; movw %w0, %%es; movw %w0, %%fs; movw %w0, %%gs;"
	    "movw %w0, %%ss; ljmp %1, $1f; 1:"
	    : : "r"(KDSEL), "i"(KCSEL));
	__asm volatile("ltr %w0" : : "r"(GSEL(GPROC0_SEL, SEL_KPL)));
}

/*
 * The IDT: interrupt gates everywhere (the kernel enables interrupts
 * itself once it has saved what it needs, such as %cr2), the breakpoint
 * and overflow traps and the system call reachable from ring 3, and a
 * task gate for the double fault.
 */
static void
idt_init(void)
{
	struct region_descriptor rd;
	uint32_t i;

	for (i = 0; i < idt_nvectors; i++)
		setgate(&idt[i], idt_vectors[i], SDT_SYS386IGT,
		    (i == T_BPTFLT || i == T_OFLOW) ? SEL_UPL : SEL_KPL,
		    KCSEL);
	setgate(&idt[T_DOUBLEFLT], 0, SDT_SYSTASKGT, SEL_KPL,
	    GSEL(GDFAULT_SEL, SEL_KPL));
	setgate(&idt[T_SYSCALL], idt_syscall, SDT_SYS386IGT, SEL_UPL, KCSEL);

	rd.rd_limit = sizeof(idt) - 1;
	rd.rd_base = (uint32_t)idt;
	__asm volatile("lidt %0" : : "m"(rd));
}

/*
 * The double-fault task: the CPU switched here because it could not
 * push a trap frame (typically a kernel stack overflow into the guard
 * page).  The faulting context is in tss.
 */
static void
dblfault_handler(void)
{
	uint32_t off;
	const char *sym;

	printf("\npanic: double fault (kernel stack overflow?)\n");
	sym = ksyms_lookup(tss.tss_eip, &off);
	printf("eip %08x <%s+%#x> esp %08x ebp %08x\n", tss.tss_eip,
	    sym != NULL ? sym : "?", off, tss.tss_esp, tss.tss_ebp);
	if (curproc != NULL)
		printf("process %d (%s)\n", curproc->p_pid, curproc->p_comm);
	cpu_poweroff(DEBUG_EXIT_PANIC);
}

/* Parse a size such as 16M, 65536K or 1G; 0 if malformed. */
static uint32_t
parse_size(const char *s)
{
	uint64_t v = 0;

	if (*s < '0' || *s > '9')
		return (0);
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	switch (*s) {
	case 'G': case 'g':
		v <<= 30;
		break;
	case 'M': case 'm':
		v <<= 20;
		break;
	case 'K': case 'k':
		v <<= 10;
		break;
	case '\0': case ' ':
		break;
	default:
		return (0);
	}
	return (v > 0xffffffffULL ? 0xffffffffU : (uint32_t)v);
}

/* Add [start, end) to phys_avail[], page aligned, if anything is left. */
static void
phys_avail_add(uint64_t start, uint64_t end)
{
	int i;

	start = round_page(start);
	end = trunc_page(end);
	if (start >= end)
		return;
	for (i = 0; phys_avail[i + 1] != 0; i += 2)
		if (i + 4 >= PHYS_AVAIL_MAX) {
			printf("phys_avail: too many ranges, %#llx lost\n",
			    start);
			return;
		}
	phys_avail[i] = start;
	phys_avail[i + 1] = end;
}

/* Bytes of [start, end) that fall inside [lo, hi). */
static uint64_t
overlap(uint64_t start, uint64_t end, uint64_t lo, uint64_t hi)
{

	if (start < lo)
		start = lo;
	if (end > hi)
		end = hi;
	return (end > start ? end - start : 0);
}

/*
 * Read the Multiboot information: the command line, the root ramdisk
 * (the first module) and the memory map, which becomes phys_avail[].
 * The RAM that stays out is counted by reason, for cpu_startup():
 * below 1 MiB (the BIOS's era; the kernel starts at 1 MiB), above the
 * `mem=' cap, and above 4 GiB, which an i386 without PAE cannot
 * address (QEMU's pc machine moves RAM there to make room for the PCI
 * hole below 4 GiB).
 */
static void
multiboot_parse(uint32_t mbipa)
{
	struct multiboot_info *mbi = PHYS_TO_DMAP(mbipa);
	struct multiboot_module *mod;
	struct multiboot_mmap *mm;
	uint32_t mmend, off, firstpa, i;
	uint64_t cap, top, ram = 0, low = 0, capped = 0, over4g = 0;
	const char *arg;

	if (mbi->flags & MBI_CMDLINE)
		strlcpy(bootinfo.bi_cmdline, PHYS_TO_DMAP(mbi->cmdline),
		    sizeof(bootinfo.bi_cmdline));

	/* Everything the loader placed above the kernel stays put. */
	firstpa = DMAP_TO_PHYS(end);
	if (mbi->flags & MBI_MODS) {
		mod = PHYS_TO_DMAP(mbi->mods_addr);
		for (i = 0; i < mbi->mods_count; i++) {
			if (i == 0) {
				bootinfo.bi_rdstart = mod[i].mod_start;
				bootinfo.bi_rdsize = mod[i].mod_end -
				    mod[i].mod_start;
			}
			if (mod[i].mod_end > firstpa)
				firstpa = mod[i].mod_end;
		}
	}
	if (mbipa + sizeof(*mbi) > firstpa && mbipa >= KERNLOAD)
		firstpa = mbipa + sizeof(*mbi);
	firstpa = round_page(firstpa);

	/* 4 GiB less a page: phys_avail's ends must fit a paddr_t. */
	top = 0x100000000ULL - PAGE_SIZE;
	cap = top;
	for (arg = bootinfo.bi_cmdline; (arg = strchr(arg, 'm')) != NULL;
	    arg++) {
		if (strncmp(arg, "mem=", 4) == 0 &&
		    (arg == bootinfo.bi_cmdline || arg[-1] == ' ')) {
			uint32_t v = parse_size(arg + 4);

			if (v == 0)
				printf("mem=: bad size, ignored\n");
			else if (v < cap)
				cap = trunc_page(v);
		}
	}

	if ((mbi->flags & MBI_MMAP) == 0)
		panic("multiboot: no memory map");
	mmend = mbi->mmap_addr + mbi->mmap_length;
	for (off = mbi->mmap_addr; off < mmend; off += mm->size + 4) {
		uint64_t start, stop;

		mm = PHYS_TO_DMAP(off);
		if (mm->type != 1)
			continue;
		start = mm->addr;
		stop = mm->addr + mm->len;
		ram += mm->len;
		low += overlap(start, stop, 0, KERNLOAD);
		over4g += overlap(start, stop, top, ~0ULL);
		capped += overlap(start, stop, cap, top);
		if (start < firstpa)
			start = firstpa;
		if (stop > cap)
			stop = cap;
		phys_avail_add(start, stop < DMAP_SIZE ? stop : DMAP_SIZE);
		phys_avail_add(start > DMAP_SIZE ? start : DMAP_SIZE, stop);
	}
	bootinfo.bi_memtop = firstpa;
	bootinfo.bi_ramkb = ram / 1024;
	bootinfo.bi_lowkb = low / 1024;
	bootinfo.bi_capkb = capped / 1024;
	bootinfo.bi_over4gkb = over4g / 1024;
}

/*
 * Called by main() after it has said how much memory is managed: where
 * that memory is, and what RAM was left out and why.
 */
void
cpu_startup(void)
{
	struct bootinfo *bi = &bootinfo;
	uint32_t managedkb, highkb = 0;
	int i;

	/* pmap_steal_memory() has taken its share: these are the pages. */
	managedkb = vmcnt.v_page_count * (PAGE_SIZE / 1024);
	for (i = 0; phys_avail[i + 1] != 0; i += 2)
		if (phys_avail[i] >= DMAP_SIZE)
			highkb += (phys_avail[i + 1] - phys_avail[i]) / 1024;
	printf("memory: %u KiB of RAM; managed: %u KiB direct-mapped, "
	    "%u KiB above the direct map\n", bi->bi_ramkb,
	    managedkb - highkb, highkb);
	printf("memory: left out: %u KiB below 1 MiB", bi->bi_lowkb);
	if (bi->bi_capkb != 0)
		printf(", %u KiB above the mem= cap", bi->bi_capkb);
	if (bi->bi_over4gkb != 0)
		printf(", %u KiB above 4 GiB (no PAE)", bi->bi_over4gkb);
	printf("\n");
}

/*
 * The FPU: native error reporting, no emulation.  Every process starts
 * with the state fninit gives, saved once here.
 */
static void
fpu_init(void)
{

	lcr0((rcr0() | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS));
	__asm volatile("fninit; fnsave %0" : "=m"(fpu_initstate));
}

void
fpu_init_state(struct pcb *pcb)
{

	memcpy(pcb->pcb_fpu, fpu_initstate, sizeof(pcb->pcb_fpu));
	pcb->pcb_flags |= PCB_USERFPU;
}

void
init386(uint32_t magic, uint32_t mbipa)
{

	consinit();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("init386: not loaded by a Multiboot loader (%#x)",
		    magic);
	multiboot_parse(mbipa);
	gdt_init();
	idt_init();
	fpu_init();
	pic_init();
	pmap_bootstrap(bootinfo.bi_memtop);
	main();
}

int
splhigh(void)
{
	uint32_t ef;

	ef = read_eflags();
	disable_intr();
	return ((ef & PSL_I) != 0);
}

void
splx(int s)
{

	if (s)
		enable_intr();
	else
		disable_intr();
}

/*
 * Switch from old to new: save old's user FPU state, give the CPU new's
 * kernel stack for traps, its address space and FPU state, then swap
 * kernel stacks (locore.S).  Called by mi_switch() with interrupts
 * blocked.
 */
void
cpu_switchto(struct proc *old, struct proc *new)
{
	extern void cpu_switch(struct pcb *, struct pcb *);

	if (old->p_pcb.pcb_flags & PCB_USERFPU)
		__asm volatile("fnsave %0" : "=m"(old->p_pcb.pcb_fpu));
	tss.tss_esp0 = new->p_kstack + KSTACK_PAGES * PAGE_SIZE;
	pmap_activate(vmspace_pmap(new->p_vmspace));
	if (new->p_pcb.pcb_flags & PCB_USERFPU)
		__asm volatile("frstor %0" : : "m"(new->p_pcb.pcb_fpu));
	curpcb = &new->p_pcb;
	cpu_switch(&old->p_pcb, &new->p_pcb);
}

/*
 * Leave QEMU through the isa-debug-exit device (QEMU then exits with
 * status code * 2 + 1), or failing that through the ACPI power-off of
 * QEMU's PIIX4, or else halt.  Codes: see DEBUG_EXIT_* in machine/cpu.h.
 */
void
cpu_poweroff(int code)
{

	disable_intr();
	outl(DEBUG_EXIT_PORT, code);
	outw(0x604, 0x2000);
	for (;;)
		halt();
}

void
cpu_reset(void)
{
	struct region_descriptor rd = { 0, 0 };

	disable_intr();
	outb(0x64, 0xfe);		/* pulse the keyboard controller's reset */
	__asm volatile("lidt %0; int $3" : : "m"(rd));	/* triple fault */
	for (;;)
		halt();
}

/*
 * The signal frame sendsig() pushes on the user stack.  The handler is
 * entered with sf_ra as its return address, which points at the signal
 * trampoline (sigcode, locore.S) that exec copied to the top of the
 * stack; the trampoline calls sigreturn(sf_scp).
 */
struct sigframe {
	uint32_t		sf_ra;		/* return address: sigcode */
	int			sf_signum;
	int			sf_code;
	struct sigcontext	*sf_scp;
	struct sigcontext	sf_sc;
};

/*
 * Deliver a signal to the current process by building a signal frame
 * on its user stack and making it return to catcher.  `mask' is the
 * signal mask to restore afterwards.  If the frame cannot be written
 * (the stack is bad) the process dies of SIGILL, as in 4.4BSD.
 */
void
sendsig(__sighandler_t catcher, int sig, sigset_t mask, int code)
{
	struct proc *p = curproc;
	struct trapframe *tf = p->p_md.md_regs;
	struct sigframe sf, *fp;

	/* The handler starts with %esp + 4 16-byte aligned, per the ABI. */
	fp = (struct sigframe *)(((tf->tf_esp - sizeof(sf)) & ~15U) - 4);

	memset(&sf, 0, sizeof(sf));
	sf.sf_ra = PS_SIGCODE;
	sf.sf_signum = sig;
	sf.sf_code = code;
	sf.sf_scp = &fp->sf_sc;
	sf.sf_sc.sc_mask = mask;
	sf.sf_sc.sc_esp = tf->tf_esp;
	sf.sf_sc.sc_ebp = tf->tf_ebp;
	sf.sf_sc.sc_eip = tf->tf_eip;
	sf.sf_sc.sc_efl = tf->tf_eflags;
	sf.sf_sc.sc_es = tf->tf_es;
	sf.sf_sc.sc_ds = tf->tf_ds;
	sf.sf_sc.sc_cs = tf->tf_cs;
	sf.sf_sc.sc_ss = tf->tf_ss;
	sf.sf_sc.sc_edi = tf->tf_edi;
	sf.sf_sc.sc_esi = tf->tf_esi;
	sf.sf_sc.sc_ebx = tf->tf_ebx;
	sf.sf_sc.sc_edx = tf->tf_edx;
	sf.sf_sc.sc_ecx = tf->tf_ecx;
	sf.sf_sc.sc_eax = tf->tf_eax;
	sf.sf_sc.sc_gs = tf->tf_gs;
	sf.sf_sc.sc_fs = tf->tf_fs;
	sf.sf_sc.sc_trapno = tf->tf_trapno;
	sf.sf_sc.sc_err = tf->tf_err;
	/* fnsave also resets the FPU: the handler starts with a clean one. */
	__asm volatile("fnsave %0" : "=m"(sf.sf_sc.sc_fpstate));

	if (copyout(&sf, fp, sizeof(sf)) != 0)
		sigexit(p, SIGILL);

	tf->tf_esp = (uint32_t)fp;
	tf->tf_eip = (uint32_t)catcher;
	tf->tf_cs = UCSEL;
	tf->tf_ds = tf->tf_es = tf->tf_fs = tf->tf_gs = tf->tf_ss = UDSEL;
	tf->tf_eflags &= ~(PSL_T | PSL_D);
}

/*
 * sigreturn(scp): restore the context a signal handler interrupted.
 * The context comes from user memory, so it is checked: only the flags
 * a process may change can differ from the current ones, and the
 * segments are forced to the user's own (a bad selector would make the
 * return to user mode fault in the kernel).
 */
int
sys_sigreturn(struct proc *p, struct sigreturn_args *uap, register_t *retval)
{
	struct trapframe *tf = p->p_md.md_regs;
	struct sigcontext sc;
	int error;

	if ((error = copyin(uap->scp, &sc, sizeof(sc))) != 0)
		return (error);
	if (((sc.sc_efl ^ tf->tf_eflags) & ~PSL_USERCHANGE) != 0 ||
	    sc.sc_cs != UCSEL)
		return (EINVAL);

	tf->tf_esp = sc.sc_esp;
	tf->tf_ebp = sc.sc_ebp;
	tf->tf_eip = sc.sc_eip;
	tf->tf_eflags = sc.sc_efl;
	tf->tf_edi = sc.sc_edi;
	tf->tf_esi = sc.sc_esi;
	tf->tf_ebx = sc.sc_ebx;
	tf->tf_edx = sc.sc_edx;
	tf->tf_ecx = sc.sc_ecx;
	tf->tf_eax = sc.sc_eax;
	tf->tf_cs = UCSEL;
	tf->tf_ds = tf->tf_es = tf->tf_fs = tf->tf_gs = tf->tf_ss = UDSEL;
	/*
	 * frstor waits: an exception the old state left pending (the
	 * process may have unmasked one and caused it just before the
	 * call) would trap here, in the kernel.  The old state is
	 * dropped anyway, so clear it first.
	 */
	__asm volatile("fnclex; frstor %0" : : "m"(sc.sc_fpstate));
	p->p_sigmask = sc.sc_mask & ~sigcantmask;
	return (EJUSTRETURN);
}

/*
 * Give the current process fresh registers after exec: start at entry
 * with the stack pointer at stack, everything else zero, a clean FPU.
 */
void
setregs(struct proc *p, vaddr_t entry, vaddr_t stack)
{
	struct trapframe *tf = p->p_md.md_regs;

	memset(tf, 0, sizeof(*tf));
	tf->tf_eip = entry;
	tf->tf_esp = stack;
	tf->tf_eflags = PSL_USERSET;
	tf->tf_cs = UCSEL;
	tf->tf_ds = tf->tf_es = tf->tf_fs = tf->tf_gs = tf->tf_ss = UDSEL;
	fpu_init_state(&p->p_pcb);
	/* fnclex: see sys_sigreturn. */
	__asm volatile("fnclex; frstor %0" : : "m"(p->p_pcb.pcb_fpu));
}
