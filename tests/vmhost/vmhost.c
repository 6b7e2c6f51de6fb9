/*
 * vmhost.c: sys/vm on the host, checked against a model.
 *
 * The machine-independent VM (the files of sys/vm, unchanged) runs here
 * on a fake machine: pmap.c (the MMU and page tables), disk.c (the swap
 * disk) and kern_shim.c (sleep and wakeup, malloc, signals, sysctl).
 * Every simulated process (proc.c) and the pageout daemon is a
 * coroutine; this file is the harness, which decides from a seeded
 * generator what happens next, one step at a time:
 *
 *	op	an idle process is given an operation: read or write a
 *		page or a run of pages, fork, exit, exec, unmap, map or
 *		mprotect part of its heap, read its whole heap
 *	run	a runnable thread (process or daemon) runs until it sleeps,
 *		finishes its operation or dies
 *	io	the disk finishes a transfer (its interrupt), in order or
 *		not, perhaps with an injected error
 *	tick	the clock advances (tsleep timeouts expire)
 *	pageout	chosen pages are deactivated and memory squeezed, so
 *		that the daemon writes them out
 *	and	squeeze or release memory, wake the daemon, drop a mapping
 *		(the pmap may), flip vm.collapse_pagers, arm an I/O error
 *		(the next read, the next write, a block for good), kill a
 *		process (asleep in a fault, often)
 * Each seed also chooses the machine (RAM, swap), how many processes,
 * which of these happen and how often (swarm testing), and whether one
 * long-lived process forks children that exit, as the 1993 leak needs.
 *
 * The model (proc.c).  Each process's address space is three regions:
 * DATA, a private copy-on-write mapping of a file (the vnode object, as
 * exec maps a program's data); HEAP, private anonymous memory; SHM,
 * anonymous memory shared with its relatives (inherited at fork).
 * Every page holds a pattern derived from one 64-bit token, and the
 * model keeps, per process and page, the token a read must find.
 *
 * Checks (check.c):
 *	every step	every read finds its token; no KASSERT fires;
 *			vm.swap_audit is clean; page queues and counts add
 *			up; an anonymous page is clean exactly when its
 *			pager has a copy; every mapping obeys the pmap
 *			contract (pmap.c); the disk sees no overlapping
 *			transfers and no page changing under a pageout
 *	processes idle	vm.object_audit is clean (no object unreachable);
 *			vm_object_check and vm_map_check pass; every
 *			reference is a map entry's or a shadow's; every
 *			page a process can see holds its token (zero where
 *			no object has it); vmspace_anon_usage is right
 *	all quiet	(nothing in flight) no busy page; vm.objects and
 *			kern.proc.vmmap agree with the objects and maps;
 *			and, with vm_collapse_pagers = 1, the collapse
 *			check (-c): no anonymous object is left held only
 *			by its one shadow unless a bypass or a refused
 *			collapse excuses it, and no chain is longer than
 *			the entries that share it justify
 *	the end		all processes gone: no objects but the file's, every
 *			page free but the file's, no swap but retired blocks,
 *			no VM malloc type holding memory
 * The harness settles (lets everything in flight finish) every few
 * hundred steps, for the checks that need quiet.
 *
 * A failure prints the seed, the step and the last steps taken; the
 * same seed and step count replay it exactly: vmhost -s SEED -n OPS -v.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
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
	"none", "start", "read", "write", "fork", "exit", "exec", "unmap",
	"map", "readall", "protect", "die",
};

enum act {
	A_OP, A_RUN, A_IO, A_TICK, A_PAGEOUT, A_HOG, A_DAEMON, A_DROP,
	A_FLIP, A_ERR, A_KILL, A_NACTS
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
pid_t next_pid = 4;		/* 2: pagedaemon, 3: vmdeferd */
struct sim_thread daemon_thread;
struct sim_thread defer_thread;		/* vmdeferd */
static struct vnode file_vnode;
struct vm_object *file_object;
static struct vm_page **hog;		/* pages taken to squeeze memory */
u_int nhog;
static u_int hogmax;
static bool settling;
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

	out("vmhost -s %llu -n %lu", args->seed, args->ops);
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

/* A page of up's to work on: DATA, HEAP (mapped, mostly) or SHM. */
static vaddr_t
pick_va(struct uproc *up, int *np)
{
	u_int r = rnd(100), i;
	int n = *np;

	if (r < 20) {
		i = rnd(DATA_NP);
		*np = imin(n, DATA_NP - i);
		return (DATA_VA + ptoa(i));
	}
	if (r < 35) {
		i = rnd(SHM_NP);
		*np = imin(n, SHM_NP - i);
		return (SHM_VA + ptoa(i));
	}
	i = rnd(HEAP_NP);
	if (!up->mapped[i] && !chance(cfg.segv_pct)) {
		/* Find a mapped heap page; give up for a DATA page. */
		for (r = 0; r < HEAP_NP && !up->mapped[i]; r++)
			i = (i + 1) % HEAP_NP;
		if (!up->mapped[i]) {
			*np = 1;
			return (DATA_VA);
		}
	}
	*np = 1;
	while (*np < n && i + *np < HEAP_NP && up->mapped[i + *np] ==
	    up->mapped[i])
		(*np)++;
	return (HEAP_VA + ptoa(i));
}

static void
act_op(void)
{
	struct uproc *up = pick_proc(true);
	int w[OP_NOPS], op, n, i, j;
	vaddr_t va = 0;

	if (up == NULL)
		return;
	memcpy(w, cfg.w_op, sizeof(w));
	if (nuprocs >= cfg.nproc_max)
		w[OP_FORK] = 0;
	if (nuprocs <= 1)
		w[OP_EXIT] = 0;
	if (up->server) {
		w[OP_EXIT] = w[OP_EXEC] = 0;
		w[OP_FORK] *= 4;
	} else if (cfg.server && nuprocs > 1)
		w[OP_EXIT] *= 3;
	if ((op = pick_weighted(w, OP_NOPS)) < 0)
		return;
	n = 1;
	switch (op) {
	case OP_READ:
	case OP_WRITE:
		n = chance(25) ? 1 + rnd(12) : 1;
		va = pick_va(up, &n);
		for (i = 0; op == OP_WRITE && i < n; i++)
			if (model_readonly(up, va + ptoa(i)) &&
			    !chance(cfg.segv_pct))
				op = OP_READ;
		break;
	case OP_PROTECT:
		/* A run of mapped heap pages. */
		i = rnd(HEAP_NP);
		if (!up->mapped[i])
			return;
		for (n = 1; n < 8 && i + n < HEAP_NP && up->mapped[i + n]; n++)
			continue;
		n = 1 + rnd(n);
		va = HEAP_VA + ptoa(i);
		if (chance(50))
			n = -n;
		break;
	case OP_READALL:
		op = OP_READ;
		va = HEAP_VA;
		n = HEAP_NP;
		for (i = 0; i < HEAP_NP && !up->mapped[i]; i++)
			continue;
		if (i == HEAP_NP) {
			va = DATA_VA;
			n = DATA_NP;
			break;
		}
		va = HEAP_VA + ptoa(i);
		for (n = 1; i + n < HEAP_NP && up->mapped[i + n]; n++)
			continue;
		break;
	case OP_UNMAP:
		i = rnd(HEAP_NP);
		n = 1 + rnd(imin(6, HEAP_NP - i));
		va = HEAP_VA + ptoa(i);
		break;
	case OP_MAP:
		/* A run of unmapped heap pages, or nothing to do. */
		i = rnd(HEAP_NP);
		for (j = 0; j < HEAP_NP && up->mapped[i]; j++)
			i = (i + 1) % HEAP_NP;
		if (up->mapped[i])
			return;
		for (n = 1; i + n < HEAP_NP && !up->mapped[i + n]; n++)
			continue;
		if (chance(50) && n > 1) {
			j = rnd(n);
			i += j;
			n = 1 + rnd(n - j);
		}
		va = HEAP_VA + ptoa(i);
		break;
	}
	trace("op pid %d %s %#x %d", up->t.p.p_pid, op_names[op], va, n);
	uproc_give(up, op, va, n);
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
	sim_thread_run(t);
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

static void
hog_release(void)
{

	if (nhog == 0)
		return;
	trace("hog release %u pages", nhog);
	while (nhog > 0)
		vm_page_free(hog[--nhog]);
}

/* Take kernel pages until free memory is below the daemon's mark. */
static void
hog_take(void)
{
	struct vm_page *pg;
	u_int goal;

	goal = vmcnt.v_free_reserved + 1 + rnd(vmcnt.v_free_min -
	    vmcnt.v_free_reserved);
	while (vmcnt.v_free_count > goal && nhog < hogmax &&
	    (pg = vm_page_alloc(NULL, 0, VM_ALLOC_SYSTEM)) != NULL)
		hog[nhog++] = pg;
	trace("hog take: %u pages held, %u free", nhog, vmcnt.v_free_count);
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
	int n = 1 + rnd(16), i, done = 0;

	if (up == NULL || up->t.p.p_vmspace == &vmspace0)
		return;
	va = pick_va(up, &n);
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
	check_collapse_reset();
	st.collapse_flips++;
	trace("flip vm.collapse_pagers=%d", v);
}

static void
act_err(void)
{
	uint32_t r = rnd(100), blk;

	st.errs_armed++;
	if (r < 45) {
		trace("err: the next read fails");
		disk_arm_error(DISK_ERR_READ);
	} else if (r < 90 || nbad >= 4) {
		trace("err: the next write fails");
		disk_arm_error(DISK_ERR_WRITE);
	} else {
		blk = rnd(disk_nblocks);
		trace("err: block %u goes bad", blk);
		disk_set_bad(blk);
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
	uproc_give(up, OP_START, 0, 0);
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
			snprintf(now, sizeof(now), "object %u: ref %d shadows "
			    "%d pip %d flags %#x res %d swap %u backing %u "
			    "(first shadow %u)", object->id, object->ref_count,
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
		w[A_KILL] = w[A_DROP] = w[A_DAEMON] = 0;
		if (w[A_RUN] != 0 || w[A_IO] != 0)
			w[A_TICK] = 1;
		else
			w[A_TICK] = 10;
	}
	if ((a = pick_weighted(w, A_NACTS)) < 0)
		a = A_TICK;
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
	}
	step++;
	if (args->watch != 0)
		watch_object();
	check_step();
	check_hang();
	check_stuck();
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

static void
choose_config(void)
{
	static const int w_act[A_NACTS] = {
		[A_OP] = 150, [A_RUN] = 200, [A_IO] = 80, [A_TICK] = 20,
		[A_PAGEOUT] = 15, [A_HOG] = 10, [A_DAEMON] = 10, [A_DROP] = 10,
		[A_FLIP] = 3, [A_ERR] = 1, [A_KILL] = 4,
	};
	static const int w_op[OP_NOPS] = {
		[OP_READ] = 30, [OP_WRITE] = 30, [OP_FORK] = 7, [OP_EXIT] = 4,
		[OP_EXEC] = 2, [OP_UNMAP] = 3, [OP_MAP] = 3, [OP_READALL] = 3,
		[OP_PROTECT] = 2,
	};
	int i;

	cfg.npages = args->npages != 0 ? (u_int)args->npages :
	    128 + 32 * rnd(8);
	cfg.swapblocks = args->swapblocks != 0 ? (u_int)args->swapblocks :
	    chance(15) ? cfg.npages / 4 + rnd(cfg.npages / 2) :
	    cfg.npages + rnd(3 * cfg.npages);
	cfg.nproc_max = 3 + rnd(NPROC_MAX - 2);
	cfg.server = chance(35);
	cfg.yield_pct = rnd(40);
	cfg.segv_pct = chance(30) ? 2 : 0;
	/* Swarm: each run leaves some actions and operations out. */
	for (i = 0; i < A_NACTS; i++)
		cfg.w_act[i] = (i <= A_TICK || chance(80)) ?
		    w_act[i] * (1 + rnd(3)) : 0;
	for (i = 0; i < OP_NOPS; i++)
		cfg.w_op[i] = (i == OP_READ || i == OP_WRITE || chance(80)) ?
		    w_op[i] * (1 + rnd(3)) : 0;
	malloc_sleep_pct = chance(50) ? 3 : 0;
	if (args->malloc_sleep >= 0)
		malloc_sleep_pct = args->malloc_sleep;
	malloc_nowait_fail_pct = chance(30) ? 3 : 0;
	pmap_enter_fail_pct = chance(30) ? 2 : 0;
	disk_fifo_pct = chance(30) ? 100 : 60 + rnd(40);
}

static void
boot(void)
{
	struct swapon_args sa = { .name = "/dev/wd0" };
	paddr_t avail[4];
	register_t rv;

	harness_ctx = host_ctx_main();
	proc0.p_pid = 0;
	proc0.p_flag = P_SYSTEM;
	proc0.p_stat = SRUN;
	proc0.p_vmspace = &vmspace0;
	LIST_INSERT_HEAD(&allproc, &proc0, p_list);

	pmap_host_init(cfg.npages);
	avail[0] = host_phys_base;
	avail[1] = host_phys_base + ptoa(cfg.npages);
	avail[2] = avail[3] = 0;
	vm_page_startup(avail);
	vm_map_init(&vmspace0.vm_map, kernel_pmap, VM_MAXUSER_ADDRESS,
	    VM_MAXUSER_ADDRESS + PAGE_SIZE);
	vmspace0.vm_pmap = kernel_pmap;
	hogmax = cfg.npages;
	hog = host_calloc(hogmax, sizeof(*hog));

	disk_init(cfg.swapblocks);
	if (sys_swapon(&proc0, &sa, &rv) != 0)
		bench_fail("swapon failed");

	file_vnode.v_type = VREG;
	file_vnode.v_name = "data";
	file_vnode.v_size = ptoa(DATA_NP);
	file_object = vnode_pager_alloc(&file_vnode);
	file_vnode.v_object = file_object;

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
			uproc_give(uprocs[i], OP_EXIT, 0, 0);
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

int
vmhost_run(const struct vmhost_args *a)
{
	unsigned long next_check;
	double t0, secs;
	char disk[96];

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
		if (users_idle() && !settling)
			check_quiet();
		if (step >= next_check) {
			settle(chance(70));
			next_check = step + 50 + rnd(400);
		}
	}
	finish();
	secs = host_seconds() - t0;
	if (!a->quiet) {
		disk_describe(disk, sizeof(disk));
		out("PASS vmhost seed %llu: %lu steps (%lu after the end), "
		    "%.2f s, %.0f steps/s\n", a->seed, nsteps, step - nsteps,
		    secs, step / (secs > 0 ? secs : 1));
		out("  ram %u pages, swap %u blocks, up to %d processes%s; "
		    "collapse check %s\n", cfg.npages, cfg.swapblocks,
		    cfg.nproc_max, cfg.server ? ", a forking server" : "",
		    collapse_check ? "on" : &vm_collapse_pagers == NULL ?
		    "off (no vm_collapse_pagers)" : "off");
		out("  %lu reads, %lu writes, %lu forks, %lu execs, %lu "
		    "unmaps, %lu maps, %lu mprotects, %lu kills, %lu SIGSEGV, "
		    "%lu SIGBUS, %u oom kills\n", st.reads, st.writes,
		    st.forks, st.execs, st.unmaps, st.maps, st.protects,
		    st.kills, st.segv, st.sigbus, vmcnt.v_oom_kills);
		out("  %u faults, %u cow, %u zero, %u pageins, %u pageouts, "
		    "%u pageout errors, %u pagein errors; disk: %s\n",
		    vmcnt.v_faults, vmcnt.v_cow_faults, vmcnt.v_zfod,
		    vmcnt.v_pageins, vmcnt.v_pageouts, vmcnt.v_pageout_errors,
		    vmcnt.v_pagein_errors, disk);
		out("  objects: %u created, %u collapses, %u bypasses, %u "
		    "pages moved, %u swap moved, %u refused (pager), %u "
		    "refused (busy)\n", vmobjstats.os_created,
		    vmobjstats.os_collapses, vmobjstats.os_bypasses,
		    vmobjstats.os_pages_moved, vmobjstats.os_swap_moved,
		    vmobjstats.os_refused_pager, vmobjstats.os_refused_busy);
		out("  checks: %lu quiet, %lu full, %lu vmmaps; deepest chain "
		    "%u (%u with collapse_pagers on, %u off), most hidden "
		    "pages %u (%u on, %u off; %u in mapped objects), most "
		    "swap used %u\n", st.checks_quiet, st.checks_full,
		    st.vmmaps, st.max_depth, st.max_depth_on, st.max_depth_off,
		    st.max_hidden, st.max_hidden_on, st.max_hidden_off,
		    st.max_hidden_front, st.max_swap_used);
	}
	return (0);
}
