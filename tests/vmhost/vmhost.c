/*
 * vmhost.c: sys/vm on the host, checked against a model.
 *
 * The machine-independent VM (the files of sys/vm, unchanged) runs here
 * on a fake machine: pmap.c (the MMU and page tables), disk.c (two swap
 * disks, interleaved) and kern_shim.c (sleep and wakeup, malloc,
 * signals, sysctl).  Every simulated process (proc.c), the pageout
 * daemon, vmdeferd and two swapctl threads (swapctl.c) is a
 * coroutine; this file is the harness, which decides from a seeded
 * generator what happens next, one step at a time:
 *
 *	op	an idle process is given an operation: read or write a
 *		page or a run of pages (a write stores the whole page or
 *		one word of it), fork, exit, exec; munmap, mmap (anonymous
 *		or the file, private or shared, MAP_FIXED over whatever
 *		is there), mprotect or sbrk through the real system calls
 *		of vm_mmap.c, now and then with a bad argument; a fork
 *		tree: fork two to four children that each write their
 *		own, overlapping, part of a run their parent wrote, while
 *		the parent rewrites it
 *	run	a runnable thread (process or daemon) runs until it sleeps,
 *		finishes its operation or dies
 *	io	the disk finishes a transfer (its interrupt), in order or
 *		not, perhaps with an injected error
 *	tick	the clock advances (tsleep timeouts expire)
 *	pageout	chosen pages are deactivated and memory squeezed, so
 *		that the daemon writes them out
 *	swapoff	a swapctl thread takes one of the two swap disks away
 *		with swapoff(2) while everything else goes on, sometimes
 *		racing the other thread's swapoff (EBUSY); a few hundred
 *		steps later swapon(2) puts it back (swapctl.c)
 *	and	squeeze or release memory (pages, and runs of kernel
 *		memory from vm_kern.c), wake the daemon, drop a mapping
 *		(the pmap may), flip vm.collapse_pagers, arm an I/O error
 *		(the next read, the next write, a block for good), kill a
 *		process (asleep in a fault, often)
 * Each seed also chooses the machine (RAM, swap), how many processes,
 * how often each of these happens (swarm testing: every one happens
 * in every seed, in proportions the seed picks, and the summary prints
 * the mix taken), and whether one long-lived process forks children
 * that exit, as the 1993 leak needs.
 *
 * The model (proc.c, model.c).  Each process's address space is four
 * regions: DATA, a private copy-on-write mapping of a file (the vnode
 * object, as exec maps a program's data); HEAP, where mmap, munmap and
 * mprotect work; BRK, the heap sbrk moves the break of; SHM, anonymous
 * memory shared with its relatives (inherited at fork).  The model
 * knows, page by page, whether it is mapped, its protection, and the
 * 512 words a read must find there; pages are shared copy-on-write
 * between the processes that must read the same words.
 *
 * Checks (check.c):
 *	every step	every read (and every page before a write) finds
 *			its words; every fault fails exactly where the model
 *			says (SIGSEGV unmapped or protected, SIGBUS past the
 *			end of the file or where a disk error lost the data)
 *			and every system call returns exactly the error the
 *			model predicts; no KASSERT fires; vm.swap_audit is
 *			clean (swap is conserved: every block allocated is
 *			owned by one page or retired) and vm.swap_used and
 *			the object count match counts from scratch; page
 *			queues and counts add up; an anonymous page is
 *			clean exactly when its pager has a copy; every
 *			mapping obeys the pmap contract (pmap.c); the disk
 *			sees no overlapping transfers, no clean page written
 *			and no page changing under a pageout
 *	processes idle	vm.object_audit is clean (no object unreachable);
 *			vm_object_check and vm_map_check pass; every
 *			reference is a map entry's or a shadow's; each
 *			object's swap count is what its pager holds; every
 *			page of every region is mapped exactly as the model
 *			says, with its protection, and what a fault would
 *			find there holds the model's words, resident or on
 *			swap (read from the disk); vmspace_anon_usage is
 *			right
 *	all quiet	(nothing in flight, vmdeferd's queue drained, no
 *			swapoff or swapon running) no busy page; vm.objects and kern.proc.vmmap agree with the
 *			objects and maps; hidden pages are counted by kind
 *			(outside every window, under one shadow, under
 *			several, stale) and, with -H, none may exist; now
 *			and then a planted leak must make vm.object_audit
 *			fire; and, with vm_collapse_pagers = 1, the collapse
 *			check (-c): no anonymous object is held only by its
 *			one shadow, and no chain is longer than the entries
 *			that share it justify
 *	after swapoff	the device is gone and no map holds a block of it;
 *	or swapon	swap is conserved over the devices present; ENOMEM
 *			changed nothing; EBUSY only beside another swapoff
 *			(swapctl.c); then a settle, for the checks above of
 *			every page every process can read
 *	after a fault	right after a copy-on-write fault, a fault that
 *	or a fork	made a shadow or a fork, if no collapse was refused
 *			or deferred meanwhile: no front object's backing
 *			object could still be absorbed, nor (after a copy
 *			or a fork) bypassed where the kernel's bound says
 *			it tries (everywhere, with -B)
 *	the end		all processes gone: no objects but the file's, every
 *			page free but the file's, no swap but retired blocks,
 *			no VM malloc type holding memory; every operation
 *			and action was taken, and at least one swapoff and
 *			one swapon succeeded (in runs of 10000 steps or more)
 * The harness settles (lets everything in flight finish) every few
 * hundred steps, for the checks that need quiet.
 *
 * A failure prints the seed, the step and the last steps taken; the
 * same seed and step count replay it exactly: vmhost -s SEED -n OPS -v.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_pageout.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

#include "bench.h"

#define	TRACE_N		30		/* steps a failure shows */
#define	SETTLE_MAX	50000		/* steps a settle may take */
#define	OP_MAX_STEPS	40000		/* steps an operation may take */

const char *const op_names[OP_NOPS] = {
	"none", "start", "read", "write", "fork", "exit", "exec", "munmap",
	"mmap", "mmapfile", "readall", "mprotect", "sbrk", "forktree", "die",
};

enum act {
	A_OP, A_RUN, A_IO, A_TICK, A_PAGEOUT, A_HOG, A_DAEMON, A_DROP,
	A_FLIP, A_ERR, A_KILL, A_IDLE, A_SWAPOFF, A_NACTS
};

static const char *const act_names[A_NACTS] = {
	"op", "run", "io", "tick", "pageout", "hog", "daemon", "drop",
	"flip", "err", "kill", "idle", "swapoff",
};

const struct vmhost_args *args;
struct bench_cfg cfg;
struct bench_stats st;
unsigned long step;
static unsigned long nsteps;
static uint64_t rng;
struct uproc *uprocs[NPROC_MAX];
int nuprocs;
int nforking;				/* forks asleep in vmspace_fork */
pid_t next_pid = 6;	/* 2: pagedaemon, 3: vmdeferd, 4, 5: swapctl */
struct sim_thread daemon_thread;
struct sim_thread defer_thread;		/* vmdeferd */
static struct vnode file_vnode;
struct vm_object *file_object;
static struct vm_page **hog;		/* pages taken to squeeze memory */
u_int nhog;
static u_int hogmax;
static bool settling;
static const uint64_t zero_page[PAGE_SIZE / 8];
int collapse_check;			/* 1: check collapse at quiet points */
static int nbad;			/* sticky bad blocks */

/* ------------------------------------------------------------------ */
/* Randomness, output, the trace. */

uint32_t
sim_random(void)
{
	uint64_t z;

	z = (rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return ((uint32_t)((z ^ (z >> 31)) >> 32));
}

void
out(const char *fmt, ...)
{
	__builtin_va_list ap;

	__builtin_va_start(ap, fmt);
	host_vprintf(fmt, ap);
	__builtin_va_end(ap);
}

static char trace_ring[TRACE_N][160];
static unsigned long trace_count;

void
trace(const char *fmt, ...)
{
	__builtin_va_list ap;
	char *line = trace_ring[trace_count++ % TRACE_N];
	int n;

	n = snprintf(line, sizeof(trace_ring[0]), "%6lu ", step);
	__builtin_va_start(ap, fmt);
	host_vsnprintf(line + n, sizeof(trace_ring[0]) - n, fmt, ap);
	__builtin_va_end(ap);
	if (args->verbose)
		out("%s\n", line);
}

/* A line the kernel printed (kern_shim.c). */
void
trace_kernel(const char *s)
{
	char *line = trace_ring[trace_count++ % TRACE_N];

	snprintf(line, sizeof(trace_ring[0]), "       kernel: %s", s);
	if (args == NULL || args->verbose)
		out("%s\n", line);
}

/* The command that replays this run. */
static void
print_rerun(void)
{

	out("vmhost -s %llu -n %lu%s", args->seed, args->ops,
	    args->unit ? " -u" : "");
	if (args->collapse_check >= 0)
		out(" -c %d", args->collapse_check);
	if (args->npages != 0)
		out(" -m %d", args->npages);
	if (args->swapblocks != 0)
		out(" -w %d", args->swapblocks);
	if (args->malloc_sleep >= 0)
		out(" -k %d", args->malloc_sleep);
	if (args->pagers >= 0)
		out(" -p %d", args->pagers);
	if (args->hidden)
		out(" -H");
	if (args->bypass)
		out(" -B");
	out(" -v");
}

/*
 * The run failed: say why, show the last steps, and end with one line
 * that says it all again, with the command that replays it.
 */
void
bench_fail(const char *fmt, ...)
{
	__builtin_va_list ap;
	unsigned long i;
	char why[512];
	int n = 0;

	if (curproc != &proc0)
		n = snprintf(why, sizeof(why), "in pid %d: ", curproc->p_pid);
	__builtin_va_start(ap, fmt);
	host_vsnprintf(why + n, sizeof(why) - n, fmt, ap);
	__builtin_va_end(ap);
	out("FAIL vmhost seed %llu step %lu: %s\nlast steps:\n", args->seed,
	    step, why);
	i = trace_count > TRACE_N ? trace_count - TRACE_N : 0;
	for (; i < trace_count; i++)
		out("  %s\n", trace_ring[i % TRACE_N]);
	out("seed %llu step %lu: %s; rerun: ", args->seed, step, why);
	print_rerun();
	out("\n");
	host_exit(1);
}

/* ------------------------------------------------------------------ */
/* The harness's actions. */

static struct uproc *
pick_proc(bool idle)
{
	struct uproc *c[NPROC_MAX];
	int i, n = 0;

	for (i = 0; i < NPROC_MAX; i++)
		if (uprocs[i] != NULL && uprocs[i]->t.state != T_DEAD &&
		    (!idle || uprocs[i]->t.state == T_IDLE))
			c[n++] = uprocs[i];
	return (n != 0 ? c[rnd(n)] : NULL);
}

static struct sim_thread *
pick_runnable(void)
{
	struct sim_thread *c[64];
	int i, n = 0;

	for (i = 0; i < sim_nthreads; i++)
		if (sim_threads[i]->state == T_RUN)
			c[n++] = sim_threads[i];
	return (n != 0 ? c[rnd(n)] : NULL);
}

static int
pick_weighted(const int *w, int n)
{
	int i, sum = 0, r;

	for (i = 0; i < n; i++)
		sum += w[i];
	if (sum == 0)
		return (-1);
	r = rnd(sum);
	for (i = 0; i < n; i++)
		if ((r -= w[i]) < 0)
			return (i);
	return (-1);
}

/* A region for an operation: DATA, HEAP, BRK or SHM, by weight. */
static const struct region *
pick_region(int wdata, int wheap, int wbrk, int wshm)
{
	const int w[NREGIONS] = {
		[R_DATA] = wdata, [R_HEAP] = wheap, [R_BRK] = wbrk,
		[R_SHM] = wshm,
	};

	return (&regions[pick_weighted(w, NREGIONS)]);
}

/*
 * A run of up to *np pages of up's in region r for an access needing
 * prot: pages the model says the access may touch, or (now and then,
 * cfg.segv_pct) ones where it faults with a signal.  Returns its
 * address and sets *np, or returns 0 if r has no such page.
 */
static vaddr_t
pick_run(struct uproc *up, const struct region *r, int *np, vm_prot_t prot)
{
	bool can, want = !chance(cfg.segv_pct);
	int i, k, n = *np;

	i = rnd(r->np);
	for (k = 0; k < r->np; k++, i = (i + 1) % r->np)
		if (model_can(up, r->va + ptoa(i), prot) == want)
			break;
	if (k == r->np)
		return (0);
	can = model_can(up, r->va + ptoa(i), prot);
	for (*np = 1; *np < n && i + *np < r->np &&
	    model_can(up, r->va + ptoa(i + *np), prot) == can; (*np)++)
		continue;
	return (r->va + ptoa(i));
}

/* A run of n (at most max) pages anywhere in region r, mapped or not. */
static vaddr_t
pick_any(const struct region *r, int max, int *np)
{
	int i = rnd(r->np);

	*np = 1 + rnd(imin(max, r->np - i));
	return (r->va + ptoa(i));
}

/* With cfg.badarg_pct, one of a call's `nbad' bad arguments. */
static int
pick_bad(int nbad)
{

	return (chance(cfg.badarg_pct) ? ARG_BAD(1 + rnd(nbad)) : 0);
}

/* A protection for mmap or mprotect: mostly read-write. */
static int
pick_prot(bool none)
{
	u_int r = rnd(100);

	if (none && r < 10)
		return (VM_PROT_NONE);
	return (r < 40 ? VM_PROT_READ : VM_PROT_READ | VM_PROT_WRITE);
}

static void
act_op(void)
{
	struct uproc *up = pick_proc(true);
	const struct region *r;
	int w[OP_NOPS], op, n, arg = 0, room;
	vaddr_t va = 0;

	if (up == NULL)
		return;
	memcpy(w, cfg.w_op, sizeof(w));
	room = imin(cfg.nproc_max, NPROC_MAX) - nuprocs - nforking;
	if (room <= 0)
		w[OP_FORK] = w[OP_FORKTREE] = 0;
	if (nuprocs <= 1)
		w[OP_EXIT] = 0;
	if (up->server) {
		w[OP_EXIT] = w[OP_EXEC] = 0;
		w[OP_FORK] *= 4;
		w[OP_FORKTREE] *= 4;
	} else if (cfg.server && nuprocs > 1)
		w[OP_EXIT] *= 3;
	if ((op = pick_weighted(w, OP_NOPS)) < 0)
		return;
	n = 1;
	switch (op) {
	case OP_READ:
	case OP_WRITE:
		n = chance(25) ? 1 + rnd(12) : 1;
		r = pick_region(20, 40, 25, 15);
		va = pick_run(up, r, &n, op == OP_WRITE ? VM_PROT_WRITE :
		    VM_PROT_READ);
		if (va == 0)
			return;
		break;
	case OP_READALL:
		op = OP_READ;
		n = HEAP_NP;
		r = pick_region(1, 2, 1, 0);
		if ((va = pick_run(up, r, &n, VM_PROT_READ)) == 0)
			return;
		break;
	case OP_UNMAP:
		va = pick_any(pick_region(0, 3, 1, 0), 6, &n);
		arg = pick_bad(2);
		break;
	case OP_MAP:
		va = pick_any(pick_region(0, 3, 1, 0), 6, &n);
		arg = pick_prot(false) | (chance(25) ? ARG_SHARED : 0) |
		    pick_bad(4);
		break;
	case OP_MAPFILE:
		va = pick_any(pick_region(0, 3, 1, 0), 6, &n);
		/* Sometimes a shared, read-only mapping; sometimes past EOF. */
		arg = chance(30) ? VM_PROT_READ | ARG_SHARED : pick_prot(false);
		arg |= ARG_POS(rnd(DATA_NP - imin(n, DATA_NP) + 1 +
		    (chance(10) ? 2 : 0))) | pick_bad(3);
		break;
	case OP_PROTECT:
		va = pick_any(pick_region(1, 4, 2, 0), 8, &n);
		arg = pick_prot(true) | pick_bad(1);
		break;
	case OP_SBRK:
		/* A new break anywhere in the region; now and then below. */
		if (chance(5))
			va = BRK_VA - 1 - rnd(PAGE_SIZE);
		else
			va = BRK_VA + rnd(ptoa(BRK_NP) + 1);
		arg = (int)(va - up->brk);
		va = up->brk;
		break;
	case OP_FORKTREE:
		n = 2 + rnd(7);
		r = pick_region(1, 2, 1, 0);
		if ((va = pick_run(up, r, &n, VM_PROT_WRITE)) == 0 ||
		    !model_can(up, va, VM_PROT_WRITE))
			return;
		arg = imin(2 + rnd(3), room);
		break;
	}
	trace("op pid %d %s %#x %d %#x", up->t.p.p_pid, op_names[op], va, n,
	    arg);
	uproc_give(up, op, va, n, arg);
}

static void
act_run(void)
{
	struct sim_thread *t = pick_runnable();

	if (t == NULL)
		return;
	if (t->timedout)
		trace("run pid %d%s (timed out in %s)", t->p.p_pid,
		    t == &daemon_thread ? " (pagedaemon)" : "", t->p.p_wmesg);
	else
		trace("run pid %d%s", t->p.p_pid, t == &daemon_thread ?
		    " (pagedaemon)" : "");
	swapctl_before_run(t);
	sim_thread_run(t);
	swapctl_after_run(t);
	reap();
}

static void
act_io(void)
{
	bool fifo = chance(disk_fifo_pct);

	if (disk_pending() == 0)
		return;
	trace("io complete (%s)", fifo ? "first" : "any");
	disk_complete(sim_random(), fifo);
}

static void
act_tick(void)
{
	uint32_t n = 1;

	/* Nothing else to do: straight to the next timeout. */
	if (pick_runnable() == NULL && disk_pending() == 0 &&
	    (settling || pick_proc(true) == NULL))
		n = MAX(1, sim_next_deadline());
	trace("tick +%u", n);
	while (n-- > 0)
		sim_clock_tick();
}

/*
 * The idle loop (i386's cpu_idle) between two runs: it zeroes a few
 * free pages for later zero-fill faults (vm_page_zero_idle), which
 * check_pages looks at.
 */
static void
act_idle(void)
{
	int n = 1 + rnd(8), i;

	for (i = 0; i < n && vm_page_zero_idle(); i++)
		continue;
	trace("idle: %d pages zeroed, %u free pages zero", i,
	    vmcnt.v_zero_count);
}

/*
 * The hog: kernel memory taken to squeeze the VM, as single pages from
 * vm_page_alloc or, now and then, as runs from vm_kern.c (kmem_alloc,
 * or kmem_alloc_stack with its guard page), which must come back
 * zeroed when asked and with the guard unmapped.  nhog counts the
 * pages, which check_pages compares with the kernel's wired pages.
 */
#define	KMEM_MAX	64

static struct kmem_run {
	vaddr_t	va;
	u_int	n;
	bool	stack;
} kmem_runs[KMEM_MAX];
static int nkmem;
static u_int nhogpg;			/* single pages, in hog[] */

static void
hog_release(void)
{
	struct kmem_run *k;

	if (nhog == 0)
		return;
	trace("hog release %u pages", nhog);
	while (nkmem > 0) {
		k = &kmem_runs[--nkmem];
		if (k->stack)
			kmem_free_stack(k->va, ptoa(k->n));
		else
			kmem_free(k->va, ptoa(k->n));
		nhog -= k->n;
	}
	while (nhogpg > 0)
		vm_page_free(hog[--nhogpg]);
	nhog = 0;
}

/* Take a run of kernel virtual memory; false if there is none. */
static bool
hog_kmem(void)
{
	struct kmem_run *k = &kmem_runs[nkmem];
	int flags = M_NOWAIT | M_SYSTEM | (chance(50) ? M_ZERO : 0);
	paddr_t pa;
	u_int i;

	if (nkmem == KMEM_MAX)
		return (false);
	k->n = 1 + rnd(4);
	k->stack = chance(30);
	k->va = k->stack ? kmem_alloc_stack(ptoa(k->n), flags) :
	    kmem_alloc(ptoa(k->n), flags);
	if (k->va == 0)
		return (false);
	if (k->stack && pmap_extract(kernel_pmap, k->va - PAGE_SIZE, &pa))
		bench_fail("kmem_alloc_stack: the guard page below %#x is "
		    "mapped", k->va);
	for (i = 0; i < k->n; i++) {
		if (!pmap_extract(kernel_pmap, k->va + ptoa(i), &pa))
			bench_fail("kmem_alloc: %#x is not mapped",
			    k->va + ptoa(i));
		if ((flags & M_ZERO) && memcmp(pmap_page_kva(PHYS_TO_VM_PAGE(
		    pa)), zero_page, PAGE_SIZE) != 0)
			bench_fail("kmem_alloc(M_ZERO): %#x is not zeroed",
			    k->va + ptoa(i));
		page_fill(pmap_page_kva(PHYS_TO_VM_PAGE(pa)), 0xdead);
	}
	nkmem++;
	nhog += k->n;
	st.kmem_runs++;
	return (true);
}

/* Take kernel pages until free memory is below the daemon's mark. */
static void
hog_take(void)
{
	struct vm_page *pg;
	u_int goal;

	goal = vmcnt.v_free_reserved + 1 + rnd(vmcnt.v_free_min -
	    vmcnt.v_free_reserved);
	while (vmcnt.v_free_count > goal && nhog < hogmax) {
		if (vmcnt.v_free_count > goal + 4 && chance(10)) {
			if (hog_kmem())
				continue;
		}
		if ((pg = vm_page_alloc(NULL, 0, VM_ALLOC_SYSTEM)) == NULL)
			break;
		hog[nhogpg++] = pg;
		nhog++;
	}
	trace("hog take: %u pages held (%d kmem runs), %u free", nhog, nkmem,
	    vmcnt.v_free_count);
	pagedaemon_wakeup();
}

static void
act_hog(void)
{

	if (nhog != 0)
		hog_release();
	else
		hog_take();
}

/*
 * Force pages out: deactivate a run of pages a process maps, so that
 * the daemon's next pass writes them (or frees them, if clean), and
 * squeeze memory so that it runs.
 */
static void
act_pageout(void)
{
	struct uproc *up = pick_proc(false);
	struct vm_map_entry *entry;
	struct vm_object *obj;
	struct vm_page *pg;
	vm_pindex_t idx;
	vaddr_t va;
	int n = 16, i, done = 0;

	if (up == NULL || up->t.p.p_vmspace == &vmspace0)
		return;
	va = pick_any(pick_region(20, 40, 25, 15), n, &n);
	for (i = 0; i < n; i++, va += PAGE_SIZE) {
		if (!vm_map_lookup_entry(&up->t.p.p_vmspace->vm_map, va,
		    &entry) || entry->object == NULL)
			continue;
		peek(entry->object, OFF_TO_IDX(entry->offset +
		    (va - entry->start)), &obj, &idx, &pg);
		if (pg == NULL || (pg->flags & PG_BUSY) ||
		    (pg->queue != PQ_ACTIVE && pg->queue != PQ_INACTIVE))
			continue;
		vm_page_deactivate(pg);
		done++;
	}
	trace("pageout pid %d: %d pages deactivated", up->t.p.p_pid, done);
	st.pageouts_forced++;
	if (nhog == 0)
		hog_take();
	else
		pagedaemon_wakeup();
}

static void
act_daemon(void)
{

	trace("daemon wakeup");
	pagedaemon_wakeup();
}

static void
act_drop(void)
{
	struct uproc *up = pick_proc(false);

	if (up == NULL || up->t.p.p_vmspace == &vmspace0)
		return;
	if (pmap_host_drop_one(vmspace_pmap(up->t.p.p_vmspace),
	    sim_random()))
		trace("drop a mapping of pid %d", up->t.p.p_pid);
}

static void
act_flip(void)
{
	int v, error;

	if (&vm_collapse_pagers == NULL)
		return;
	v = !vm_collapse_pagers;
	error = sim_sysctl("vm", "collapse_pagers", NULL, 0, NULL, NULL, &v,
	    sizeof(v));
	if (error == ENOENT)
		vm_collapse_pagers = v;
	else if (error != 0)
		bench_fail("sysctl -w vm.collapse_pagers=%d: error %d", v,
		    error);
	if (vm_collapse_pagers != v)
		bench_fail("vm.collapse_pagers is %d after writing %d",
		    vm_collapse_pagers, v);
	st.collapse_flips++;
	trace("flip vm.collapse_pagers=%d", v);
}

static void
act_err(void)
{
	uint32_t r = rnd(100), blk;
	int unit;

	st.errs_armed++;
	if (r < 45) {
		trace("err: the next read fails");
		disk_arm_error(DISK_ERR_READ);
	} else if (r < 90 || nbad >= 4) {
		trace("err: the next write fails");
		disk_arm_error(DISK_ERR_WRITE);
	} else {
		unit = rnd(DISK_NUNITS);
		blk = rnd(disk_blocks(unit));
		trace("err: block %u of wd%d goes bad", blk, unit);
		disk_set_bad(unit, blk);
		nbad++;
	}
}

static void
act_kill(void)
{
	struct uproc *up = pick_proc(false);

	if (up == NULL || up->server || nuprocs <= 1)
		return;
	trace("kill pid %d (%s)", up->t.p.p_pid, up->t.state == T_SLEEP ?
	    up->t.p.p_wmesg : up->t.state == T_IDLE ? "idle" : "runnable");
	st.kills++;
	psignal(&up->t.p, SIGKILL);
}

/* No process left: start one, as init would. */
static void
spawn(bool server)
{
	struct uproc *up = uproc_new(NULL);

	up->server = server;
	trace("spawn pid %d%s", up->t.p.p_pid, server ? " (server)" : "");
	uproc_give(up, OP_START, 0, 0, 0);
}

/* Threads asleep with nothing that could wake them: a hang. */
static void
check_hang(void)
{
	struct sim_thread *t;
	int i;

	if (pick_runnable() != NULL || disk_pending() != 0 ||
	    sim_next_deadline() != 0 || (!settling && pick_proc(true) != NULL))
		return;
	for (i = 0; i < sim_nthreads; i++) {
		t = sim_threads[i];
		if (t->state == T_SLEEP)
			out("  pid %d asleep on %s\n", t->p.p_pid,
			    t->p.p_wmesg);
	}
	bench_fail("hang: every thread asleep, nothing to wake any of them");
}

/* No operation may take forever. */
static void
check_stuck(void)
{
	int i;

	for (i = 0; i < NPROC_MAX; i++)
		if (uprocs[i] != NULL && uprocs[i]->op != OP_NONE &&
		    step - uprocs[i]->op_step > OP_MAX_STEPS)
			bench_fail("pid %d: %s given at step %lu is not done "
			    "(%s %s)", uprocs[i]->t.p.p_pid,
			    op_names[uprocs[i]->op], uprocs[i]->op_step,
			    uprocs[i]->t.state == T_SLEEP ? "asleep on" :
			    "state", uprocs[i]->t.state == T_SLEEP ?
			    uprocs[i]->t.p.p_wmesg : "runnable");
}

/* -o ID: trace every change to object ID (for debugging a seed). */
static void
watch_object(void)
{
	static char last[200];
	struct vm_object *object;
	char now[200];

	now[0] = '\0';
	TAILQ_FOREACH(object, &vm_object_list, object_list)
		if (object->id == (uint32_t)args->watch)
			snprintf(now, sizeof(now), "object %u: size %u ref "
			    "%d shadows %d pip %d flags %#x res %d swap %u "
			    "backing %u (first shadow %u)", object->id,
			    object->size, object->ref_count,
			    object->shadow_count, object->paging_in_progress,
			    object->flags, object->resident_page_count,
			    swap_pager_object_blocks(object),
			    object->backing_object != NULL ?
			    object->backing_object->id : 0,
			    LIST_EMPTY(&object->shadow_head) ? 0 :
			    LIST_FIRST(&object->shadow_head)->id);
	if (strcmp(now, last) != 0) {
		trace("  watch: %s", now[0] != '\0' ? now : "gone");
		strlcpy(last, now, sizeof(last));
	}
}

/* One step of the harness. */
static void
harness_step(void)
{
	int w[A_NACTS], a;

	memcpy(w, cfg.w_act, sizeof(w));
	if (pick_proc(true) == NULL || settling)
		w[A_OP] = 0;
	if (pick_runnable() == NULL)
		w[A_RUN] = 0;
	if (disk_pending() == 0)
		w[A_IO] = 0;
	if (settling) {
		w[A_PAGEOUT] = w[A_HOG] = w[A_FLIP] = w[A_ERR] = 0;
		w[A_KILL] = w[A_DROP] = w[A_DAEMON] = w[A_SWAPOFF] = 0;
		if (w[A_RUN] != 0 || w[A_IO] != 0)
			w[A_TICK] = 1;
		else
			w[A_TICK] = 10;
	}
	if ((a = pick_weighted(w, A_NACTS)) < 0)
		a = A_TICK;
	st.acts[a]++;
	switch (a) {
	case A_OP:	act_op();	break;
	case A_RUN:	act_run();	break;
	case A_IO:	act_io();	break;
	case A_TICK:	act_tick();	break;
	case A_PAGEOUT:	act_pageout();	break;
	case A_HOG:	act_hog();	break;
	case A_DAEMON:	act_daemon();	break;
	case A_DROP:	act_drop();	break;
	case A_FLIP:	act_flip();	break;
	case A_ERR:	act_err();	break;
	case A_KILL:	act_kill();	break;
	case A_IDLE:	act_idle();	break;
	case A_SWAPOFF:	act_swapoff();	break;
	}
	step++;
	if (args->watch != 0)
		watch_object();
	check_step();
	check_hang();
	check_stuck();
	swapctl_step(settling);
	if (nuprocs == 0 && !settling)
		spawn(cfg.server);
}

/*
 * Stop giving work, let everything in flight finish, and check.  With
 * `full', also wait for the disk and the daemon to be done.
 */
static void
settle(bool full)
{
	unsigned long start = step;

	settling = true;
	hog_release();
	trace("settle%s", full ? " (full)" : "");
	while (full ? !all_quiet() : !users_idle()) {
		if (step - start > SETTLE_MAX)
			bench_fail("settle: not quiet after %d steps",
			    SETTLE_MAX);
		harness_step();
	}
	check_quiet();
	if (full)
		check_full();
	settling = false;
}

/* ------------------------------------------------------------------ */
/* Setting up, running, ending. */

/*
 * The seed chooses the machine and the mix (swarm testing): each
 * action and operation gets its base weight times 1 to 4, so that
 * seeds differ in what they stress; none is ever left out.
 */
static void
choose_config(void)
{
	static const int w_act[A_NACTS] = {
		[A_OP] = 150, [A_RUN] = 200, [A_IO] = 80, [A_TICK] = 20,
		[A_PAGEOUT] = 15, [A_HOG] = 10, [A_DAEMON] = 10, [A_DROP] = 10,
		[A_FLIP] = 3, [A_ERR] = 1, [A_KILL] = 4, [A_IDLE] = 5,
		[A_SWAPOFF] = 1,
	};
	static const int w_op[OP_NOPS] = {
		[OP_READ] = 30, [OP_WRITE] = 30, [OP_FORK] = 6, [OP_EXIT] = 5,
		[OP_EXEC] = 2, [OP_UNMAP] = 3, [OP_MAP] = 2, [OP_MAPFILE] = 2,
		[OP_READALL] = 3, [OP_PROTECT] = 3, [OP_SBRK] = 3,
		[OP_FORKTREE] = 2,
	};
	int i;

	cfg.npages = args->npages != 0 ? (u_int)args->npages :
	    128 + 32 * rnd(8);
	cfg.swapblocks = args->swapblocks != 0 ? (u_int)args->swapblocks :
	    chance(15) ? cfg.npages / 4 + rnd(cfg.npages / 2) :
	    cfg.npages + rnd(3 * cfg.npages);
	cfg.swapblocks = MAX(cfg.swapblocks, 2);
	cfg.swapblocks0 = MAX(1, cfg.swapblocks * (30 + rnd(41)) / 100);
	cfg.nproc_max = 4 + rnd(NPROC_MAX - 3);
	cfg.server = chance(35);
	cfg.yield_pct = rnd(40);
	cfg.segv_pct = chance(30) ? 2 : 0;
	cfg.word_pct = 25 + rnd(60);
	cfg.badarg_pct = 3 + rnd(5);
	for (i = 0; i < A_NACTS; i++)
		cfg.w_act[i] = w_act[i] * (1 + rnd(4));
	for (i = 0; i < OP_NOPS; i++)
		cfg.w_op[i] = w_op[i] * (1 + rnd(4));
	malloc_sleep_pct = chance(50) ? 3 : 0;
	if (args->malloc_sleep >= 0)
		malloc_sleep_pct = args->malloc_sleep;
	malloc_nowait_fail_pct = chance(30) ? 3 : 0;
	pmap_enter_fail_pct = chance(30) ? 2 : 0;
	disk_fifo_pct = chance(30) ? 100 : 60 + rnd(40);
	/*
	 * Half the seeds keep all of RAM in the direct map; the others
	 * have high memory, as i386 with more than 512 MiB (vm_page.c:
	 * objects' pages go there first, kernel pages never do).
	 */
	cfg.ndirect = chance(50) ? cfg.npages :
	    cfg.npages / 4 + rnd(cfg.npages / 2);
}

static void
boot(void)
{
	struct swapon_args sa[DISK_NUNITS] = {
		{ .name = "/dev/wd0" }, { .name = "/dev/wd1" },
	};
	paddr_t avail[4];
	register_t rv;
	int i;

	harness_ctx = host_ctx_main();
	proc0.p_pid = 0;
	proc0.p_flag = P_SYSTEM;
	proc0.p_stat = SRUN;
	proc0.p_vmspace = &vmspace0;
	LIST_INSERT_HEAD(&allproc, &proc0, p_list);

	pmap_host_init(cfg.npages, cfg.ndirect);
	avail[0] = host_phys_base;
	avail[1] = host_phys_base + ptoa(cfg.npages);
	avail[2] = avail[3] = 0;
	vm_page_startup(avail);
	vm_map_init(&vmspace0.vm_map, kernel_pmap, VM_MAXUSER_ADDRESS,
	    VM_MAXUSER_ADDRESS + PAGE_SIZE);
	vmspace0.vm_pmap = kernel_pmap;
	hogmax = cfg.npages;
	hog = host_calloc(hogmax, sizeof(*hog));

	disk_init(0, cfg.swapblocks0);
	disk_init(1, cfg.swapblocks - cfg.swapblocks0);
	for (i = 0; i < DISK_NUNITS; i++)
		if (sys_swapon(&proc0, &sa[i], &rv) != 0)
			bench_fail("swapon %s failed", sa[i].name);

	file_vnode.v_type = VREG;
	file_vnode.v_mount = &sim_mount;
	file_vnode.v_name = "data";
	file_vnode.v_size = ptoa(DATA_NP);
	file_object = vnode_pager_alloc(&file_vnode);
	file_vnode.v_object = file_object;
	sim_file.f_data = &file_vnode;

	daemon_thread.p.p_pid = 2;
	daemon_thread.p.p_flag = P_SYSTEM;
	daemon_thread.p.p_stat = SRUN;
	daemon_thread.p.p_vmspace = &vmspace0;
	strlcpy(daemon_thread.p.p_comm, "pagedaemon",
	    sizeof(daemon_thread.p.p_comm));
	LIST_INSERT_HEAD(&allproc, &daemon_thread.p, p_list);
	daemon_thread.state = T_RUN;
	sim_thread_start(&daemon_thread, daemon_main);
	sim_thread_run(&daemon_thread);		/* to its first sleep */

	defer_thread.p.p_pid = 3;
	defer_thread.p.p_flag = P_SYSTEM;
	defer_thread.p.p_stat = SRUN;
	defer_thread.p.p_vmspace = &vmspace0;
	strlcpy(defer_thread.p.p_comm, "vmdeferd",
	    sizeof(defer_thread.p.p_comm));
	LIST_INSERT_HEAD(&allproc, &defer_thread.p, p_list);
	defer_thread.state = T_RUN;
	sim_thread_start(&defer_thread, defer_main);
	sim_thread_run(&defer_thread);		/* to its first sleep */
	swapctl_init();

	if (&vm_collapse_pagers != NULL) {
		collapse_check = args->collapse_check >= 0 ?
		    args->collapse_check : 1;
		if (args->pagers >= 0) {
			vm_collapse_pagers = args->pagers;
			cfg.w_act[A_FLIP] = 0;
		}
	} else
		collapse_check = 0;
}

/* All processes exit; then nothing may be left. */
static void
finish(void)
{
	struct swap_audit sa;
	struct vm_object *object;
	u_int file_pages = 0;
	int i;

	settle(true);
	for (i = 0; i < NPROC_MAX; i++)
		if (uprocs[i] != NULL) {
			uprocs[i]->server = false;
			trace("op pid %d exit", uprocs[i]->t.p.p_pid);
			uproc_give(uprocs[i], OP_EXIT, 0, 0, 0);
		}
	settling = true;
	while (nuprocs != 0 || !all_quiet()) {
		if (step - nsteps > SETTLE_MAX)
			bench_fail("finish: processes still alive");
		harness_step();
	}
	settling = false;
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		vm_object_check(object);
		if (object->flags & OBJ_INTERNAL)
			bench_fail("leak: anonymous object %u (%d pages, %u "
			    "swap blocks, %d references) outlives every "
			    "process", object->id,
			    object->resident_page_count,
			    swap_pager_object_blocks(object),
			    object->ref_count);
		file_pages += object->resident_page_count;
	}
	if (vmobjstats.os_objects != 1)
		bench_fail("leak: %u objects alive, expected the file's only",
		    vmobjstats.os_objects);
	check_pages();
	if (vmcnt.v_free_count + file_pages != vmcnt.v_page_count)
		bench_fail("leak: %u pages free + %u file pages of %u",
		    vmcnt.v_free_count, file_pages, vmcnt.v_page_count);
	swap_audit(&sa);
	if (sa.sa_owned != 0 || sa.sa_allocated != sa.sa_bad)
		bench_fail("leak: %u swap blocks allocated (%u retired), %u "
		    "owned", sa.sa_allocated, sa.sa_bad, sa.sa_owned);
	if (malloc_inuse("vmobject") != 1 || malloc_inuse("vmmap") != 0 ||
	    malloc_inuse("swpager") != 0 || malloc_inuse("temp") != 0) {
		malloc_report();
		bench_fail("leak: kernel memory still allocated (vmobject %ld, "
		    "vmmap %ld, swpager %ld, temp %ld)",
		    malloc_inuse("vmobject"), malloc_inuse("vmmap"),
		    malloc_inuse("swpager"), malloc_inuse("temp"));
	}
}

/*
 * Every operation and every action a run may take must have been
 * taken, in a run long enough for its weights to tell (the summary
 * prints the mix).
 */
#define	MIX_MIN_STEPS	10000

static void
check_mix(void)
{
	int i;

	if (nsteps < MIX_MIN_STEPS)
		return;
	for (i = OP_READ; i < OP_DIE; i++)
		if (i != OP_READALL && st.given[i] == 0)
			bench_fail("mix: no %s in %lu steps", op_names[i],
			    nsteps);
	/*
	 * With high memory the hog squeezes only the direct map (kernel
	 * pages never go high), and a short run may page nothing at all:
	 * then no disk transfer is the run's mix, not a failure.
	 */
	for (i = 0; i < A_NACTS; i++)
		if (st.acts[i] == 0 && cfg.w_act[i] != 0 &&
		    (i != A_IO || cfg.ndirect == cfg.npages))
			bench_fail("mix: no %s action in %lu steps",
			    act_names[i], nsteps);
	if (st.swapoffs_ok == 0 || st.swapons == 0)
		bench_fail("mix: %lu swapoffs done, %lu swapons in %lu steps",
		    st.swapoffs_ok, st.swapons, nsteps);
}

/* Print one name=percent item of a mix of n counts out of total. */
static void
mix_item(const char *name, unsigned long n, unsigned long total)
{

	out(" %s %.1f%%", name, total != 0 ? 100.0 * n / total : 0.0);
}

/*
 * The summary of a run that passed: what ran, in what mix, what the VM
 * did, and what the checks saw.
 */
static void
summary(double secs)
{
	unsigned long total;
	char disk[96];
	int i;

	disk_describe(disk, sizeof(disk));
	out("PASS vmhost seed %llu: %lu steps (%lu after the end), %.2f s, "
	    "%.0f steps/s\n", args->seed, nsteps, step - nsteps, secs,
	    step / (secs > 0 ? secs : 1));
	out("  ram %u pages (%u direct), swap %u blocks, up to %d "
	    "processes%s; collapse check %s; hidden pages %s\n", cfg.npages,
	    cfg.ndirect, cfg.swapblocks, cfg.nproc_max, cfg.server ?
	    ", a forking server" : "", collapse_check ? "on" :
	    &vm_collapse_pagers == NULL ? "off (no vm_collapse_pagers)" :
	    "off", args->hidden ? "asserted 0 (-H)" : "counted");
	for (total = 0, i = OP_READ; i < OP_DIE; i++)
		total += st.given[i];
	out("  operations (%lu):", total);
	for (i = OP_READ; i < OP_DIE; i++)
		if (i != OP_READALL)
			mix_item(op_names[i], st.given[i], total);
	out("\n");
	for (total = 0, i = 0; i < A_NACTS; i++)
		total += st.acts[i];
	out("  actions (%lu):", total);
	for (i = 0; i < A_NACTS; i++)
		mix_item(act_names[i], st.acts[i], total);
	out("\n");
	out("  %lu reads, %lu writes (%lu of one word), %lu forks (%lu in "
	    "%lu trees), %lu execs, %lu munmaps, %lu mmaps, %lu of the file, "
	    "%lu mprotects, %lu sbrks, %lu bad arguments refused, %lu kills, "
	    "%lu SIGSEGV, %lu SIGBUS, %u oom kills, %lu kmem runs\n",
	    st.reads, st.writes, st.word_writes, st.forks, st.tree_forks,
	    st.trees, st.execs, st.unmaps, st.maps, st.mapfiles, st.protects,
	    st.sbrks, st.badargs, st.kills, st.segv, st.sigbus,
	    vmcnt.v_oom_kills, st.kmem_runs);
	out("  %u faults, %u cow, %u zero (%u pre-zeroed, %u zeroed idle), "
	    "%u pageins, %u pageouts, %u pageout errors, %u pagein errors, "
	    "%u pages moved out of the direct map; disk: %s\n",
	    vmcnt.v_faults, vmcnt.v_cow_faults, vmcnt.v_zfod, vmcnt.v_ozfod,
	    vmcnt.v_idlezero, vmcnt.v_pageins, vmcnt.v_pageouts,
	    vmcnt.v_pageout_errors, vmcnt.v_pagein_errors,
	    vmcnt.v_direct_moved, disk);
	out("  objects: %u created, %u collapses, %u bypasses, %u "
	    "pages moved, %u swap moved, %u refused (pager), %u "
	    "refused (busy), %u refused (memory)\n", vmobjstats.os_created,
	    vmobjstats.os_collapses, vmobjstats.os_bypasses,
	    vmobjstats.os_pages_moved, vmobjstats.os_swap_moved,
	    vmobjstats.os_refused_pager, vmobjstats.os_refused_busy,
	    vmobjstats.os_refused_nomem);
	out("  checks: %lu quiet, %lu full, %lu vmmaps, %lu audits of a "
	    "planted leak; deepest chain %u (%u with collapse_pagers on, "
	    "%u off); most swap used %u; most live shadows of one object "
	    "%u\n",
	    st.checks_quiet, st.checks_full, st.vmmaps, st.audits_planted,
	    st.max_depth, st.max_depth_on, st.max_depth_off,
	    st.max_swap_used, st.max_siblings);
	out("  hidden pages, most at one check: %u (%u with collapse_pagers "
	    "on, %u off); with it on, by kind: %u outside every window, "
	    "%u under one shadow, %u under several shadows, %u stale; %u "
	    "in objects map entries map\n", st.max_hidden, st.max_hidden_on,
	    st.max_hidden_off, st.max_hidden_kind[HID_UNMAPPED],
	    st.max_hidden_kind[HID_ONE], st.max_hidden_kind[HID_SEVERAL],
	    st.max_hidden_kind[HID_STALE], st.max_hidden_kind[HID_MAPPED]);
	out("  swap: %lu swapoffs: %lu done (%lu with collapse_pagers off), "
	    "%lu ENOMEM, %lu EBUSY; %lu swapons; %lu bad calls refused; "
	    "%lu pages read back, hidden blocks freed unread: %lu with "
	    "collapse_pagers off, %lu on; %u pages lost\n", st.swapoffs_given,
	    st.swapoffs_ok, st.swapoffs_ok_off, st.swapoffs_nomem,
	    st.swapoffs_busy, st.swapons, st.swap_badcalls, st.swapoff_read,
	    st.swapoff_freed[0], st.swapoff_freed[1], vmcnt.v_swapoff_lost);
}

int
vmhost_run(const struct vmhost_args *a)
{
	unsigned long next_check;
	double t0, secs;

	args = a;
	rng = a->seed * 0x2545f4914f6cdd1dULL + 1;
	nsteps = a->ops;
	choose_config();
	t0 = host_seconds();
	boot();
	if (a->unit) {
		copytest_run();
		return (0);
	}
	spawn(cfg.server);
	next_check = 50 + rnd(400);
	while (step < nsteps) {
		harness_step();
		if (users_idle() && !settling) {
			check_quiet();
			if (args->hidden && all_quiet())
				check_hidden();
		}
		if (swapctl_settle) {
			/* After a swapoff: every readable page, at once. */
			swapctl_settle = false;
			settle(false);
		}
		if (step >= next_check) {
			settle(chance(70));
			next_check = step + 50 + rnd(400);
		}
	}
	finish();
	check_mix();
	secs = host_seconds() - t0;
	if (!a->quiet)
		summary(secs);
	return (0);
}
