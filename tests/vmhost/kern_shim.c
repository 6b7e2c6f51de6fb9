/*
 * kern_shim.c: the little of sys/kern that sys/vm needs, for the host.
 *
 *	threads		every simulated process and the pageout daemon is a
 *			coroutine (host.h); tsleep() switches back to the
 *			harness, wakeup() marks sleepers runnable, and the
 *			harness picks, from its seeded generator, who runs
 *			next.  Time is a tick counter the harness advances;
 *			tsleep timeouts expire on it.
 *	malloc		the host's allocator, counted per malloc type so
 *			that leaks show, with two injected faults: M_WAITOK
 *			may sleep (as the real one does when memory is
 *			short) and M_NOWAIT may fail.
 *	printf, panic	into the bench's trace; panic ends the run as a
 *			failure with the seed and the trace.
 *	signals		psignal() as kern_sig.c: a signal never interrupts
 *			the VM's sleeps (none uses PCATCH); a process sees
 *			SIGKILL when its fault returns.
 *	sysctl		the nodes sys/vm declares are found in the linker
 *			set and called as sysctl(2) would call them.
 *	devices		biowait/biodone as sys/kern/subr_disk.c; the
 *			ramdisk file behind the test's vnode object, open
 *			on one descriptor for mmap; namei of the disks'
 *			device nodes for swapon and swapoff.
 *
 * Semantics follow sys/kern and sys/dev, not their code: this file
 * only has to behave as the kernel does at the interfaces sys/vm uses.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/sysctl.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/file.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_object.h>

#include "vmhost.h"

int hz = HZ;
volatile uint32_t ticks;
const char *panicstr;
int cold;
struct proc proc0;
struct proc *curproc = &proc0;
struct proc *initproc;
struct proclist allproc = LIST_HEAD_INITIALIZER(allproc);
struct proclist zombproc = LIST_HEAD_INITIALIZER(zombproc);
int nprocs;
volatile int want_resched;

MALLOC_DEFINE(M_TEMP, "temp", "miscellaneous");

/* ------------------------------------------------------------------ */
/* Output. */

static char klog_buf[256];
static size_t klog_len;

static void
klog_putline(void)
{

	klog_buf[klog_len] = '\0';
	trace_kernel(klog_buf);
	klog_len = 0;
}

int
vprintf(const char *fmt, __builtin_va_list ap)
{
	char buf[512];
	int n, i;

	n = host_vsnprintf(buf, sizeof(buf), fmt, ap);
	for (i = 0; buf[i] != '\0'; i++) {
		if (buf[i] == '\n' || klog_len == sizeof(klog_buf) - 1)
			klog_putline();
		if (buf[i] != '\n')
			klog_buf[klog_len++] = buf[i];
	}
	return (n);
}

int
printf(const char *fmt, ...)
{
	__builtin_va_list ap;
	int n;

	__builtin_va_start(ap, fmt);
	n = vprintf(fmt, ap);
	__builtin_va_end(ap);
	return (n);
}

int
vsnprintf(char *buf, size_t len, const char *fmt, __builtin_va_list ap)
{

	return (host_vsnprintf(buf, len, fmt, ap));
}

int
snprintf(char *buf, size_t len, const char *fmt, ...)
{
	__builtin_va_list ap;
	int n;

	__builtin_va_start(ap, fmt);
	n = host_vsnprintf(buf, len, fmt, ap);
	__builtin_va_end(ap);
	return (n);
}

void
log_ratelimited(uint32_t *last, int interval, const char *fmt, ...)
{
	__builtin_va_list ap;

	if (*last != 0 && ticks - *last < (uint32_t)interval)
		return;
	*last = ticks != 0 ? ticks : 1;
	__builtin_va_start(ap, fmt);
	vprintf(fmt, ap);
	__builtin_va_end(ap);
}

void
panic(const char *fmt, ...)
{
	__builtin_va_list ap;
	char buf[256];

	__builtin_va_start(ap, fmt);
	host_vsnprintf(buf, sizeof(buf), fmt, ap);
	__builtin_va_end(ap);
	panicstr = buf;
	bench_fail("panic: %s", buf);
}

/* ------------------------------------------------------------------ */
/* Memory. */

struct mhdr {
	struct malloc_type	*type;
	size_t			size;
	uint64_t		pad;	/* keeps the memory 16-byte aligned */
};

static struct malloc_type *mtypes;
int malloc_sleep_pct;
int malloc_nowait_fail_pct;
static int malloc_chan;

void *
malloc(size_t size, struct malloc_type *type, int flags)
{
	struct mhdr *h;

	if ((flags & M_NOWAIT) && malloc_nowait_fail_pct != 0 &&
	    sim_random() % 100 < (uint32_t)malloc_nowait_fail_pct)
		return (NULL);
	if ((flags & M_NOWAIT) == 0 && curproc != &proc0 &&
	    malloc_sleep_pct != 0 &&
	    sim_random() % 100 < (uint32_t)malloc_sleep_pct)
		tsleep(&malloc_chan, 0, "kmalloc", 1);
	h = host_calloc(1, sizeof(*h) + size);
	if ((flags & M_ZERO) == 0)
		memset(h + 1, 0xa5, size);	/* uninitialised, visibly */
	h->type = type;
	h->size = size;
	if (type->ks_calls == 0 && type->ks_next == NULL && type != mtypes) {
		type->ks_next = mtypes;
		mtypes = type;
	}
	type->ks_inuse++;
	type->ks_memuse += size;
	type->ks_calls++;
	return (h + 1);
}

void
free(void *p, struct malloc_type *type)
{
	struct mhdr *h;

	if (p == NULL)
		return;
	h = (struct mhdr *)p - 1;
	if (h->type != type)
		panic("free: %p of type %s freed as %s", p,
		    h->type->ks_shortdesc, type->ks_shortdesc);
	type->ks_inuse--;
	type->ks_memuse -= h->size;
	memset(p, 0x5a, h->size);
	host_free(h);
}

long
malloc_inuse(const char *name)
{
	struct malloc_type *t;

	for (t = mtypes; t != NULL; t = t->ks_next)
		if (strcmp(t->ks_shortdesc, name) == 0)
			return (t->ks_inuse);
	return (0);
}

void
malloc_report(void)
{
	struct malloc_type *t;

	for (t = mtypes; t != NULL; t = t->ks_next)
		printf("malloc %s: %ld in use, %ld bytes, %ld calls\n",
		    t->ks_shortdesc, t->ks_inuse, t->ks_memuse, t->ks_calls);
}

/* ------------------------------------------------------------------ */
/* Threads, sleep and wakeup. */

#define	MAXTHREADS	64

struct host_ctx *harness_ctx;
struct sim_thread *sim_threads[MAXTHREADS];
int sim_nthreads;
static uint64_t sim_sleepseq;

int
splhigh(void)
{

	return (0);
}

void
splx(int s)
{
}

static void
sim_thread_register(struct sim_thread *t)
{

	if (sim_nthreads == MAXTHREADS)
		panic("sim_thread_register: too many threads");
	sim_threads[sim_nthreads++] = t;
}

void
sim_thread_unregister(struct sim_thread *t)
{
	int i;

	for (i = 0; i < sim_nthreads; i++)
		if (sim_threads[i] == t)
			break;
	KASSERT(i < sim_nthreads, ("sim_thread_unregister: unknown"));
	for (; i + 1 < sim_nthreads; i++)
		sim_threads[i] = sim_threads[i + 1];
	sim_nthreads--;
	host_ctx_free(t->ctx);
	t->ctx = NULL;
}

static void
sim_thread_entry(void *arg)
{
	struct sim_thread *t = arg;

	t->main(t);
	sim_thread_exit();
}

/* Make t a thread that will run fn when the harness first runs it. */
void
sim_thread_start(struct sim_thread *t, void (*fn)(struct sim_thread *))
{

	t->main = fn;
	t->ctx = host_ctx_new(sim_thread_entry, t);
	sim_thread_register(t);
}

/* The harness runs t until t sleeps, goes idle or dies. */
void
sim_thread_run(struct sim_thread *t)
{

	KASSERT(curproc == &proc0 && t->state == T_RUN,
	    ("sim_thread_run: pid %d not runnable", t->p.p_pid));
	curproc = &t->p;
	host_ctx_switch(harness_ctx, t->ctx);
	curproc = &proc0;
}

/* Back to the harness; the caller has set its state. */
static void
sim_switch_out(void)
{
	struct sim_thread *t = THREAD(curproc);

	KASSERT(curproc != &proc0, ("sim_switch_out: from the harness"));
	host_ctx_switch(t->ctx, harness_ctx);
}

/* Let the harness choose again, staying runnable (user mode only). */
void
sim_thread_yield(void)
{

	THREAD(curproc)->state = T_RUN;
	sim_switch_out();
}

void
sim_thread_exit(void)
{
	struct sim_thread *t = THREAD(curproc);

	t->state = T_DEAD;
	t->p.p_stat = SZOMB;
	sim_switch_out();
	panic("sim_thread_exit: pid %d resumed", t->p.p_pid);
}

/* Wait in user mode (state T_IDLE) until the harness gives us work. */
void
sim_thread_idle(void)
{

	THREAD(curproc)->state = T_IDLE;
	sim_switch_out();
}

int nosleep_depth;		/* NOSLEEP_ENTER depth (sys/systm.h) */

int
tsleep(const void *chan, int pri, const char *wmesg, int timo)
{
	struct proc *p = curproc;
	struct sim_thread *t = THREAD(p);

	if (p == &proc0)
		panic("tsleep: the harness may not sleep (%s)", wmesg);
	KASSERT(chan != NULL, ("tsleep: no channel (%s)", wmesg));
	KASSERT(nosleep_depth == 0,
	    ("tsleep: sleeping (%s) in a section that must not", wmesg));
	p->p_wchan = chan;
	p->p_wmesg = wmesg;
	p->p_stat = SSLEEP;
	t->state = T_SLEEP;
	t->deadline = timo > 0 ? ticks + timo : 0;
	t->timedout = false;
	t->sleepseq = ++sim_sleepseq;
	sim_switch_out();
	p->p_wmesg = NULL;
	if (t->timedout) {
		t->timedout = false;
		return (EWOULDBLOCK);
	}
	return (0);
}

static void
sim_setrun(struct sim_thread *t)
{

	t->p.p_wchan = NULL;
	t->p.p_stat = SRUN;
	t->state = T_RUN;
	t->deadline = 0;
}

void
wakeup(const void *chan)
{
	int i;

	for (i = 0; i < sim_nthreads; i++)
		if (sim_threads[i]->state == T_SLEEP &&
		    sim_threads[i]->p.p_wchan == chan)
			sim_setrun(sim_threads[i]);
}

void
wakeup_one(const void *chan)
{
	struct sim_thread *t, *best = NULL;
	int i;

	for (i = 0; i < sim_nthreads; i++) {
		t = sim_threads[i];
		if (t->state == T_SLEEP && t->p.p_wchan == chan &&
		    (best == NULL || t->sleepseq < best->sleepseq))
			best = t;
	}
	if (best != NULL)
		sim_setrun(best);
}

/* One clock tick: expire the tsleep timeouts due.  True if one did. */
bool
sim_clock_tick(void)
{
	struct sim_thread *t;
	bool woke = false;
	int i;

	ticks++;
	for (i = 0; i < sim_nthreads; i++) {
		t = sim_threads[i];
		if (t->state == T_SLEEP && t->deadline != 0 &&
		    (int32_t)(ticks - t->deadline) >= 0) {
			sim_setrun(t);
			t->timedout = true;
			woke = true;
		}
	}
	return (woke);
}

/* Ticks until the next timeout, or 0 if no sleeper has one. */
uint32_t
sim_next_deadline(void)
{
	uint32_t best = 0, d;
	int i;

	for (i = 0; i < sim_nthreads; i++) {
		if (sim_threads[i]->state != T_SLEEP ||
		    sim_threads[i]->deadline == 0)
			continue;
		d = sim_threads[i]->deadline - ticks;
		if ((int32_t)d <= 0)
			d = 1;
		if (best == 0 || d < best)
			best = d;
	}
	return (best);
}

/*
 * kern_clock.c's monotonic clock: the simulated ticks, plus a
 * microsecond for every call, so that time moves even within a tick.
 * Deterministic, as everything in a run must be.
 */
uint64_t
uptime_ns(void)
{
	static uint64_t calls;

	return ((uint64_t)ticks * (1000000000 / HZ) + ++calls * 1000);
}

/* ------------------------------------------------------------------ */
/* Processes and signals (kern_proc.c, kern_sig.c). */

struct proc *
pfind(pid_t pid)
{
	struct proc *p;

	LIST_FOREACH(p, &allproc, p_list)
		if (p->p_pid == pid)
			return (p);
	return (NULL);
}

/*
 * As kern_sig.c: the signal is posted; a sleep without PCATCH goes on.
 * A process in user mode (idle here) sees it at once.
 */
void
psignal(struct proc *p, int sig)
{

	if ((p->p_flag & P_SYSTEM) || p->p_stat == SZOMB)
		return;
	p->p_siglist |= sigmask(sig);
	if (THREAD(p)->state == T_IDLE)
		bench_wake_idle(p);
}

int
suser(struct proc *p)
{

	return (0);
}

int
copyin(const void *uaddr, void *kaddr, size_t len)
{

	memcpy(kaddr, uaddr, len);
	return (0);
}

int
copyout(const void *kaddr, void *uaddr, size_t len)
{

	memcpy(uaddr, kaddr, len);
	return (0);
}

int
copyinstr(const void *uaddr, char *kaddr, size_t len, size_t *done)
{
	size_t n = strlcpy(kaddr, uaddr, len);

	if (n >= len)
		return (ENAMETOOLONG);
	if (done != NULL)
		*done = n + 1;
	return (0);
}

/* ------------------------------------------------------------------ */
/*
 * Files: the swap disks' device nodes, /dev/wd0 and /dev/wd1 (disk.c),
 * a device node that is no disk (/dev/console), and the test's file.
 */

static struct vnode dev_vnodes[] = {
	{ .v_type = VCHR, .v_name = "wd0", .v_rdev = DISK_DEV(0) },
	{ .v_type = VCHR, .v_name = "wd1", .v_rdev = DISK_DEV(1) },
	{ .v_type = VCHR, .v_name = "console",
	    .v_rdev = makedev(CDEV_CONSOLE, 0) },
};

int
namei(struct proc *p, const char *path, struct vnode **vpp)
{
	u_int i;

	if (strncmp(path, "/dev/", 5) != 0)
		return (ENOENT);
	for (i = 0; i < nitems(dev_vnodes); i++)
		if (strcmp(path + 5, dev_vnodes[i].v_name) == 0) {
			*vpp = &dev_vnodes[i];
			return (0);
		}
	return (ENOENT);
}

/* No /tmp on the host: no object is a file's (vm.object_audit, vm.objects). */
u_int
tmpfs_audit_mark(void)
{

	return (0);
}

bool
tmpfs_object_name(struct vm_object *object, char *buf, size_t size)
{

	return (false);
}

/*
 * The test's file system: read-only, and the one operation vm_mmap.c
 * reaches, VOP_GETOBJECT, hands out a reference to the file's object.
 */
static int
sim_getobject(struct vnode *vp, off_t end, struct vm_object **objectp)
{

	vm_object_reference(vp->v_object);
	*objectp = vp->v_object;
	return (0);
}

static const struct vnodeops sim_vnodeops = {
	.vop_getobject = sim_getobject,
};

struct mount sim_mount = {
	.mnt_name = "/",
	.mnt_op = &sim_vnodeops,
	.mnt_flag = MNT_RDONLY,
};

/*
 * The test's file: read-only, open on descriptor FILE_FD of every
 * process (vmhost.c sets f_data to its vnode); every other descriptor
 * is closed, as kern_descrip.c's fd_getfile says.
 */
struct file sim_file = {
	.f_flag = FREAD,
	.f_type = DTYPE_VNODE,
	.f_count = 1,
};

int
fd_getfile(struct proc *p, int fd, struct file **fpp)
{

	if (fd != FILE_FD || sim_file.f_data == NULL)
		return (EBADF);
	*fpp = &sim_file;
	return (0);
}

/* The file's page i holds the pattern of token FILE_TOKEN(i). */
int
vn_read_kernel(struct vnode *vp, void *buf, size_t len, off_t off)
{
	static uint64_t page[PAGE_SIZE / 8];

	if (off % PAGE_SIZE != 0 || len > PAGE_SIZE)
		panic("vn_read_kernel: %zu bytes at %lld", len,
		    (long long)off);
	page_fill(page, FILE_TOKEN(off / PAGE_SIZE));
	memcpy(buf, page, len);
	return (0);
}

/* ------------------------------------------------------------------ */
/* Disk transfers (sys/kern/subr_disk.c's biodone and biowait). */

void
biodone(struct buf *bp)
{

	bp->b_flags |= B_DONE;
	if (bp->b_iodone != NULL)
		bp->b_iodone(bp);
	else
		wakeup(bp);
}

int
biowait(struct buf *bp)
{

	while ((bp->b_flags & B_DONE) == 0)
		tsleep(bp, 0, "biowait", 0);
	return ((bp->b_flags & B_ERROR) ? bp->b_error : 0);
}

/* ------------------------------------------------------------------ */
/* sysctl: the roots of the tree, and the calls sys/vm's handlers make. */

struct sysctl_oid sysctl_ = {
	.oid_kind = CTLTYPE_NODE | CTLFLAG_RD, .oid_name = "",
};
struct sysctl_oid sysctl__kern = {
	.oid_parent = &sysctl_, .oid_number = CTL_KERN,
	.oid_kind = CTLTYPE_NODE | CTLFLAG_RD, .oid_name = "kern",
};
struct sysctl_oid sysctl__vm = {
	.oid_parent = &sysctl_, .oid_number = CTL_VM,
	.oid_kind = CTLTYPE_NODE | CTLFLAG_RD, .oid_name = "vm",
};
struct sysctl_oid sysctl__hw = {
	.oid_parent = &sysctl_, .oid_number = CTL_HW,
	.oid_kind = CTLTYPE_NODE | CTLFLAG_RD, .oid_name = "hw",
};
struct sysctl_oid sysctl__kern_proc = {
	.oid_parent = &sysctl__kern, .oid_number = KERN_PROC,
	.oid_kind = CTLTYPE_NODE | CTLFLAG_RD, .oid_name = "proc",
};
struct sysctl_oid sysctl__debug = {
	.oid_parent = &sysctl_, .oid_number = CTL_DEBUG,
	.oid_kind = CTLTYPE_NODE | CTLFLAG_RD, .oid_name = "debug",
};

extern struct sysctl_oid *const __start_set_sysctl[];
extern struct sysctl_oid *const __stop_set_sysctl[];

int
sysctl_out(struct sysctl_req *req, const void *p, size_t len)
{
	size_t i = req->oldidx, n;

	req->oldidx += len;
	if (req->oldptr == NULL)
		return (0);
	if (i >= req->oldlen)
		return (len == 0 ? 0 : ENOMEM);
	n = len < req->oldlen - i ? len : req->oldlen - i;
	memcpy((char *)req->oldptr + i, p, n);
	return (n < len ? ENOMEM : 0);
}

int
sysctl_in(struct sysctl_req *req, void *p, size_t len)
{

	if (req->newptr == NULL)
		return (0);
	if (len > req->newlen - req->newidx)
		return (EINVAL);
	memcpy(p, (const char *)req->newptr + req->newidx, len);
	req->newidx += len;
	return (0);
}

int
sysctl_handle_int(SYSCTL_HANDLER_ARGS)
{
	int v = arg1 != NULL ? *(int *)arg1 : (int)arg2, error;

	if ((error = SYSCTL_OUT(req, &v, sizeof(v))) != 0 ||
	    req->newptr == NULL)
		return (error);
	if (arg1 == NULL)
		return (EPERM);
	if (req->newlen != sizeof(int))
		return (EINVAL);
	if ((error = SYSCTL_IN(req, &v, sizeof(v))) != 0)
		return (error);
	*(int *)arg1 = v;
	return (0);
}

int
sysctl_handle_string(SYSCTL_HANDLER_ARGS)
{

	return (SYSCTL_OUT(req, arg1, strlen(arg1) + 1));
}

int
sysctl_handle_opaque(SYSCTL_HANDLER_ARGS)
{

	return (SYSCTL_OUT(req, arg1, arg2));
}

/*
 * Call the node `parent'.`name' (for example "vm", "swap_audit") as
 * sysctl(2) would, with the rest of the name in mib: read into old, of
 * *oldlenp bytes (*oldlenp becomes the length of the value, or what it
 * would be when old is NULL) and, if new is not NULL, write newlen
 * bytes.  ENOENT if there is no such node.
 */
int
sim_sysctl(const char *parent, const char *name, int *mib, u_int miblen,
    void *old, size_t *oldlenp, const void *new, size_t newlen)
{
	struct sysctl_oid *const *op, *oid;
	struct sysctl_req req;
	int error;

	for (op = __start_set_sysctl; op < __stop_set_sysctl; op++) {
		oid = *op;
		if (strcmp(oid->oid_name, name) != 0 ||
		    strcmp(oid->oid_parent->oid_name, parent) != 0 ||
		    oid->oid_handler == NULL)
			continue;
		memset(&req, 0, sizeof(req));
		req.p = curproc;
		req.oldptr = old;
		req.oldlen = oldlenp != NULL ? *oldlenp : 0;
		req.newptr = new;
		req.newlen = newlen;
		error = oid->oid_handler(oid, oid->oid_arg1, oid->oid_arg2,
		    &req, mib, miblen);
		if (oldlenp != NULL)
			*oldlenp = req.oldidx;
		return (error);
	}
	return (ENOENT);
}
