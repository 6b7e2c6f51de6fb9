/*
 * init_main.c: the machine-independent start of the kernel.
 *
 * init386() (machdep.c) calls main() once the CPU tables are loaded and
 * the page array exists, still on the boot stack, interrupts off.  main
 * brings the subsystems up in dependency order, makes the boot thread
 * into process 0, starts init (pid 1) and the kernel threads, and
 * becomes the idle loop.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/sysctl.h>
#include <sys/tty.h>
#include <sys/vnode.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_param.h>
#include <vm/vm_pageout.h>
#include <vm/pmap.h>

struct proc proc0;
struct proc *initproc;
u_int physmem_bytes;
const char *init_path;

/*
 * The kernel argument icount=SHIFT (0 to 9) says that QEMU runs with
 * -icount shift=SHIFT, so that the time-stamp counter advances 2^SHIFT
 * per instruction (tests/bench.sh boots so); time(1) then reports guest
 * instructions.  kern.icount is 0 when nothing was said: the TSC then
 * counts cycles of some clock.
 */
static int icount, icount_shift;
SYSCTL_INT(_kern, OID_AUTO, icount, CTLFLAG_RD, &icount,
    "1: booted under QEMU -icount (icount= kernel argument), 0: not");
SYSCTL_INT(_kern, OID_AUTO, icount_shift, CTLFLAG_RD, &icount_shift,
    "With kern.icount: the TSC advances 2^shift per instruction");
char version[] = "Umbra 0.1 (" __DATE__ " " __TIME__ ")";

extern char bootstack[];
void	start_init(void *);
void	wd_attach(void);
void	vd_attach(void);



/* The value of `name=' on the kernel command line, in buf, or NULL. */
const char *
boot_arg(const char *name, char *buf, size_t size)
{
	const char *s = bootinfo.bi_cmdline;
	size_t n = strlen(name), i;

	while (s != NULL && *s != '\0') {
		while (*s == ' ')
			s++;
		if (strncmp(s, name, n) == 0 && s[n] == '=') {
			s += n + 1;
			for (i = 0; i + 1 < size && s[i] != '\0' && s[i] != ' ';
			    i++)
				buf[i] = s[i];
			buf[i] = '\0';
			return (buf);
		}
		s = strchr(s, ' ');
	}
	return (NULL);
}

/* Process 0: the boot thread, which becomes the idle loop. */
static void
proc0_init(void)
{
	struct proc *p = &proc0;

	p->p_stat = SRUN;
	p->p_flag = P_SYSTEM;
	p->p_vmspace = &vmspace0;
	p->p_kstack = (vaddr_t)bootstack;
	strlcpy(p->p_comm, "idle", sizeof(p->p_comm));
	strlcpy(p->p_args, "idle", sizeof(p->p_args));
	LIST_INIT(&p->p_children);
	callout_init(&p->p_tmo);
	callout_init(&p->p_itcallout);
	siginit(p);
	curproc = p;
	curpcb = &p->p_pcb;
}

/* Process 1: an empty process whose first act is to exec init. */
static void
init_create(void)
{
	extern struct proc *proc_new_user(void (*)(void *));
	struct proc *p;

	p = proc_new_user(start_init);
	initproc = p;
}

void
main(void)
{
	static char initbuf[64], tmpfsbuf[16];
	char icbuf[4];

	printf("%s\n", version);
	physmem_bytes = vmcnt.v_page_count * PAGE_SIZE;
	printf("memory: %u KiB managed, %u KiB kernel and ramdisk\n",
	    physmem_bytes / 1024, bootinfo.bi_memtop / 1024);
	cpu_startup();
	if (bootinfo.bi_cmdline[0] != '\0')
		printf("command line: %s\n", bootinfo.bi_cmdline);
	init_path = boot_arg("init", initbuf, sizeof(initbuf));
	if (boot_arg("icount", icbuf, sizeof(icbuf)) != NULL) {
		if (icbuf[0] >= '0' && icbuf[0] <= '9' && icbuf[1] == '\0') {
			icount = 1;
			icount_shift = icbuf[0] - '0';
		} else
			printf("icount=%s: not a shift from 0 to 9, ignored\n",
			    icbuf);
	}

	kmeminit();
	pmap_init();
	sysctl_init();
	sched_init();
	procinit();
	proc0_init();

	tty_init(&constty);
	com_attach();
	clock_init();
	vfs_mountroot();
	proc0.p_cwd = rootvnode;
	vref(proc0.p_cwd);
	tmpfs_mount("/tmp", boot_arg("tmpfs", tmpfsbuf, sizeof(tmpfsbuf)));
	wd_attach();
	vd_attach();


	cold = 0;
	enable_intr();

	init_create();
	kthread_create(vm_pageout, NULL, "pagedaemon");
	kthread_create(vm_object_deferred_daemon, NULL, "vmdeferd");
	sched_idle();
}
