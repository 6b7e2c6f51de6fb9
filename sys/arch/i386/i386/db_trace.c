/*
 * db_trace.c: what panic() prints: the trap frame and a backtrace with
 * symbol names.
 *
 * The symbols come from the kernel itself: the Makefile links the
 * kernel once, lists its text symbols with nm, assembles them into the
 * .ksyms section (sys/kern/ksyms.sh) and links again; .ksyms comes last,
 * so nothing moves.  The backtrace follows the frame pointer chain
 * (the kernel is built with -fno-omit-frame-pointer) for as long as it
 * stays in mapped kernel memory.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <machine/cpu.h>
#include <machine/frame.h>
#include <machine/vmparam.h>

struct ksym {
	uint32_t	ks_addr;
	uint32_t	ks_name;	/* offset in ksyms_strtab */
};
extern const uint32_t ksyms_count;
extern const struct ksym ksyms_table[];
extern const char ksyms_strtab[];
extern char etext[], kernel_start[];

/* The name of the function containing addr, and the offset into it. */
const char *
ksyms_lookup(uint32_t addr, uint32_t *offp)
{
	uint32_t lo = 0, hi = ksyms_count, mid;

	*offp = 0;
	if (ksyms_count == 0 || addr < ksyms_table[0].ks_addr ||
	    addr >= (uint32_t)etext)
		return (NULL);
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (ksyms_table[mid].ks_addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offp = addr - ksyms_table[lo].ks_addr;
	return (&ksyms_strtab[ksyms_table[lo].ks_name]);
}

void
db_print_trapframe(struct trapframe *tf)
{

	printf("trap frame at %p: trapno %d err %#x\n", tf, tf->tf_trapno,
	    tf->tf_err);
	printf("  eax %08x ebx %08x ecx %08x edx %08x\n", tf->tf_eax,
	    tf->tf_ebx, tf->tf_ecx, tf->tf_edx);
	printf("  esi %08x edi %08x ebp %08x\n", tf->tf_esi, tf->tf_edi,
	    tf->tf_ebp);
	printf("  eip %08x cs %04x eflags %08x", tf->tf_eip, tf->tf_cs & 0xffff,
	    tf->tf_eflags);
	if (TRAPF_USERMODE(tf))
		printf(" esp %08x ss %04x", tf->tf_esp, tf->tf_ss & 0xffff);
	printf("\n");
}

/* May the backtrace read the two words at fp? */
static int
frame_ok(uint32_t fp)
{
	struct proc *p = curproc;

	if (fp & 3)
		return (0);
	if (p != NULL && p->p_kstack != 0 && fp >= p->p_kstack &&
	    fp + 8 <= p->p_kstack + KSTACK_PAGES * PAGE_SIZE)
		return (1);
	/* The boot stack and anything else in the direct map. */
	return (fp >= (uint32_t)kernel_start && fp + 8 <= KERNBASE +
	    bootinfo.bi_memtop);
}

void
db_backtrace(uint32_t fp, struct trapframe *tf)
{
	uint32_t ret, off, prev = 0;
	const char *sym;
	int n;

	printf("backtrace:\n");
	for (n = 0; n < 24 && frame_ok(fp) && fp > prev; n++) {
		ret = ((uint32_t *)fp)[1];
		sym = ksyms_lookup(ret, &off);
		printf("  #%d %08x <%s+%#x>\n", n, ret,
		    sym != NULL ? sym : "?", off);
		prev = fp;
		fp = ((uint32_t *)fp)[0];
	}
	if (tf != NULL && !TRAPF_USERMODE(tf)) {
		sym = ksyms_lookup(tf->tf_eip, &off);
		printf("  trapped at %08x <%s+%#x>\n", tf->tf_eip,
		    sym != NULL ? sym : "?", off);
	}
}
