/*
 * proc.c: the simulated processes of vmhost, and the model of what each
 * must read (see vmhost.c for the whole picture).
 *
 * A process is a struct proc on allproc, running on a coroutine of its
 * own (kern_shim.c): it waits in user mode until the harness gives it
 * an operation, and performs it as the kernel would, through sys/vm's
 * interfaces: vm_fault for every access the fake MMU refuses (as
 * trap.c does), vmspace_fork, vmspace_free, vm_map_insert/find,
 * vm_map_remove, vm_map_protect.  It may sleep anywhere the kernel
 * sleeps; other threads run meanwhile.  It dies, as exit1() would
 * have it, on SIGKILL (seen when a fault returns), SIGSEGV or SIGBUS.
 *
 * The model.  Every page holds the pattern of one 64-bit token
 * (page_fill); the model keeps, per process and page, the token a read
 * must find: fork copies it, a write stores a fresh token, exec starts
 * over (the file's tokens in DATA, zeros in HEAP, a new SHM group).
 * SHM pages are shared by every process of a group.  Tokens are never
 * reused, so data lost to a disk error is known by its token
 * (bench_poison): only faults on those pages may fail.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_pageout.h>
#include <vm/vm_fault.h>
#include <vm/swap_pager.h>
#include <vm/pmap.h>

#include "bench.h"

static int next_shm_id = 1;
static uint64_t next_token = 1;

/* Poisoned tokens: data lost to a read error (bench_poison). */
static uint64_t *poisoned;
static int npoisoned, maxpoisoned;

/* Page contents: a pattern from a token. */

static inline uint64_t
pattern(uint64_t tok, int i)
{
	uint64_t x = tok * 0x9e3779b97f4a7c15ULL + (uint64_t)i *
	    0xbf58476d1ce4e5b9ULL;

	x ^= x >> 29;
	return (x | 1);
}

/* Fill a page with token tok's pattern; token 0 is the zero page. */
void
page_fill(void *kva, uint64_t tok)
{
	uint64_t *w = kva;
	int i;

	if (tok == 0) {
		memset(kva, 0, PAGE_SIZE);
		return;
	}
	w[0] = tok;
	for (i = 1; i < PAGE_SIZE / 8; i++)
		w[i] = pattern(tok, i);
}

/* The token a page holds; *okp false if it holds no token's pattern. */
uint64_t
page_token(const void *kva, bool *okp)
{
	const uint64_t *w = kva;
	uint64_t tok = w[0];
	int i;

	*okp = false;
	for (i = 1; i < PAGE_SIZE / 8; i++)
		if (w[i] != (tok == 0 ? 0 : pattern(tok, i)))
			return (tok);
	*okp = true;
	return (tok);
}

/*
 * The disk lost the block that held token tok's page (disk.c): from now
 * on a fault on a page whose token is tok may fail.  Token 0 is every
 * zero page's: once a zero page is lost, any zero page may fail, a
 * weaker check that injected read errors, being rare, seldom cause.
 */
void
bench_poison(uint64_t tok)
{
	uint64_t *p;
	int i;

	for (i = 0; i < npoisoned; i++)
		if (poisoned[i] == tok)
			return;
	if (npoisoned == maxpoisoned) {
		maxpoisoned = maxpoisoned != 0 ? 2 * maxpoisoned : 64;
		p = host_calloc(maxpoisoned, sizeof(*p));
		if (npoisoned != 0)
			memcpy(p, poisoned, npoisoned * sizeof(*p));
		host_free(poisoned);
		poisoned = p;
	}
	poisoned[npoisoned++] = tok;
	trace("  disk: the data of token %#llx is lost",
	    (unsigned long long)tok);
}

static bool
is_poisoned(uint64_t tok)
{
	int i;

	for (i = 0; i < npoisoned; i++)
		if (poisoned[i] == tok)
			return (true);
	return (false);
}

/* ------------------------------------------------------------------ */
/* The model. */

static struct shm *
shm_new(void)
{
	struct shm *s = host_calloc(1, sizeof(*s));

	s->refs = 1;
	s->id = next_shm_id++;
	return (s);
}

static void
shm_drop(struct shm *s)
{

	if (s != NULL && --s->refs == 0)
		host_free(s);
}

/*
 * The token process up must read at va; *mappedp false if nothing is
 * mapped there (a fault must say KERN_INVALID_ADDRESS).
 */
uint64_t
model_expect(struct uproc *up, vaddr_t va, bool *mappedp)
{
	u_int i;

	*mappedp = true;
	if (va >= DATA_VA && va < DATA_VA + ptoa(DATA_NP))
		return (up->tok[atop(va - DATA_VA)]);
	if (va >= HEAP_VA && va < HEAP_VA + ptoa(HEAP_NP)) {
		i = atop(va - HEAP_VA);
		*mappedp = up->mapped[i];
		return (up->tok[DATA_NP + i]);
	}
	if (va >= SHM_VA && va < SHM_VA + ptoa(SHM_NP))
		return (up->shm->tok[atop(va - SHM_VA)]);
	*mappedp = false;
	return (0);
}

static void
model_store(struct uproc *up, vaddr_t va, uint64_t tok)
{

	if (va >= DATA_VA && va < DATA_VA + ptoa(DATA_NP))
		up->tok[atop(va - DATA_VA)] = tok;
	else if (va >= HEAP_VA && va < HEAP_VA + ptoa(HEAP_NP))
		up->tok[DATA_NP + atop(va - HEAP_VA)] = tok;
	else
		up->shm->tok[atop(va - SHM_VA)] = tok;
}

/* Is va read-only (a heap page mprotect'ed so)? */
bool
model_readonly(struct uproc *up, vaddr_t va)
{

	return (va >= HEAP_VA && va < HEAP_VA + ptoa(HEAP_NP) &&
	    up->ro[atop(va - HEAP_VA)]);
}

/* A fresh address space, as exec leaves it. */
static void
model_exec(struct uproc *up)
{
	int i;

	for (i = 0; i < DATA_NP; i++)
		up->tok[i] = FILE_TOKEN(i);
	for (i = 0; i < HEAP_NP; i++) {
		up->tok[DATA_NP + i] = 0;
		up->mapped[i] = 1;
		up->ro[i] = 0;
	}
	shm_drop(up->shm);
	up->shm = shm_new();
}

/* ------------------------------------------------------------------ */
/* Processes. */

static void uproc_main(struct sim_thread *);

struct uproc *
uproc_new(struct uproc *parent)
{
	struct uproc *up;
	int slot;

	for (slot = 0; slot < NPROC_MAX && uprocs[slot] != NULL; slot++)
		continue;
	KASSERT(slot < NPROC_MAX, ("uproc_new: no slot"));
	up = host_calloc(1, sizeof(*up));
	up->slot = slot;
	up->t.p.p_pid = next_pid++;
	up->t.p.p_stat = SRUN;
	up->t.p.p_vmspace = &vmspace0;
	snprintf(up->t.p.p_comm, sizeof(up->t.p.p_comm), "p%d",
	    up->t.p.p_pid);
	if (parent != NULL) {
		memcpy(up->tok, parent->tok, sizeof(up->tok));
		memcpy(up->mapped, parent->mapped, sizeof(up->mapped));
		memcpy(up->ro, parent->ro, sizeof(up->ro));
		up->shm = parent->shm;
		up->shm->refs++;
	}
	up->op = OP_NONE;
	up->t.state = T_IDLE;
	uprocs[slot] = up;
	nuprocs++;
	LIST_INSERT_HEAD(&allproc, &up->t.p, p_list);
	nprocs++;
	sim_thread_start(&up->t, uproc_main);
	return (up);
}

/* Give an idle process an operation; it becomes runnable. */
void
uproc_give(struct uproc *up, enum op op, vaddr_t va, int n)
{

	KASSERT(up->t.state == T_IDLE && up->op == OP_NONE,
	    ("uproc_give: pid %d busy", up->t.p.p_pid));
	up->op = op;
	up->va = va;
	up->n = n;
	up->op_step = step;
	up->t.state = T_RUN;
	up->t.p.p_stat = SRUN;
}

/* A signal for a process in user mode (kern_shim.c's psignal). */
void
bench_wake_idle(struct proc *p)
{
	struct uproc *up = (struct uproc *)THREAD(p);

	if (p->p_siglist & sigmask(SIGKILL))
		uproc_give(up, OP_DIE, 0, 0);
}

static bool
killed(struct uproc *up)
{

	return ((up->t.p.p_siglist & sigmask(SIGKILL)) != 0);
}

/* Map the regions of a fresh address space into vm. */
static void
layout(struct vmspace *vm)
{
	struct vm_map *map = &vm->vm_map;

	vm_object_reference(file_object);
	if (vm_map_insert(map, file_object, 0, DATA_VA, DATA_VA +
	    ptoa(DATA_NP), VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL,
	    MAP_COPY_ON_WRITE | MAP_NEEDS_COPY) != KERN_SUCCESS ||
	    vm_map_insert(map, NULL, 0, HEAP_VA, HEAP_VA + ptoa(HEAP_NP),
	    VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL, 0) != KERN_SUCCESS ||
	    vm_map_insert(map, NULL, 0, SHM_VA, SHM_VA + ptoa(SHM_NP),
	    VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL, MAP_INHERIT_SHARE) !=
	    KERN_SUCCESS)
		bench_fail("layout: vm_map_insert failed");
}

/*
 * exit1(), the VM's part: the address space goes, then the process.
 * Runs in the process's own thread; does not return.
 */
static void
uproc_exit(struct uproc *up, const char *why)
{
	struct proc *p = &up->t.p;
	struct vmspace *vm;

	trace("  pid %d exits (%s)", p->p_pid, why);
	p->p_flag |= P_WEXIT;
	p->p_siglist = 0;
	vm = p->p_vmspace;
	p->p_vmspace = &vmspace0;
	shm_drop(up->shm);
	up->shm = NULL;
	if (vm != &vmspace0)
		vmspace_free(vm);
	LIST_REMOVE(p, p_list);
	nprocs--;
	up->op = OP_NONE;
	sim_thread_exit();
}

/* Print an object, and who reaches it. */
void
describe_object(struct vm_object *object)
{
	struct vm_map_entry *entry;
	struct vm_object *o;
	struct uproc *up;
	struct vm_map *map;
	int i, depth;

	out("  object %u size %u ref %d shadows %d pip %d flags %#x res %d "
	    "swap %u%s backing %u (offset %#x)\n", object->id, object->size,
	    object->ref_count, object->shadow_count,
	    object->paging_in_progress, object->flags,
	    object->resident_page_count, swap_pager_object_blocks(object),
	    object->pgops != NULL ? " pager" : "",
	    object->backing_object != NULL ? object->backing_object->id : 0,
	    object->backing_offset);
	for (i = 0; i < NPROC_MAX; i++) {
		if ((up = uprocs[i]) == NULL ||
		    up->t.p.p_vmspace == &vmspace0)
			continue;
		map = &up->t.p.p_vmspace->vm_map;
		for (entry = map->header.next; entry != &map->header;
		    entry = entry->next)
			for (o = entry->object, depth = 0; o != NULL;
			    o = o->backing_object, depth++)
				if (o == object)
					out("    reached by pid %d entry "
					    "%#x at depth %d (front object "
					    "%u)\n",
					    up->t.p.p_pid, entry->start, depth,
					    entry->object->id);
	}
}

/* Print what the VM knows about va in up's address space. */
void
describe_va(struct uproc *up, vaddr_t va)
{
	struct vmspace *vm = up->t.p.p_vmspace;
	struct vm_map_entry *entry;
	struct vm_object *object;
	struct vm_page *pg;
	vm_pindex_t pindex;
	vm_prot_t prot;
	uint64_t tok;
	bool ok;

	if (vm == &vmspace0)
		return;
	pg = pmap_host_lookup(vmspace_pmap(vm), va, &prot);
	if (pg != NULL)
		out("  pmap: %#x -> page %#x (object %u index %u) prot %d\n",
		    va, pg->phys_addr, pg->object != NULL ? pg->object->id : 0,
		    pg->pindex, prot);
	else
		out("  pmap: %#x not mapped\n", va);
	if (!vm_map_lookup_entry(&vm->vm_map, va, &entry)) {
		out("  map: no entry\n");
		return;
	}
	out("  entry [%#x, %#x) offset %#x eflags %#x prot %d inherit %d\n",
	    entry->start, entry->end, entry->offset, entry->eflags,
	    entry->protection, entry->inheritance);
	pindex = OFF_TO_IDX(entry->offset + (va - entry->start));
	for (object = entry->object; object != NULL;
	    object = object->backing_object) {
		pg = vm_page_lookup(object, pindex);
		out("  object %u size %u ref %d shadows %d pip %d flags %#x "
		    "res %d swap %u%s; index %u: %s", object->id, object->size,
		    object->ref_count, object->shadow_count,
		    object->paging_in_progress, object->flags,
		    object->resident_page_count,
		    swap_pager_object_blocks(object),
		    object->pgops != NULL ? " pager" : "", pindex,
		    pg != NULL ? "resident" : vm_pager_has_page(object,
		    pindex) ? "on the pager" : "-");
		if (pg != NULL) {
			tok = page_token(pmap_page_kva(pg), &ok);
			out(" (page %#x flags %#x queue %d token %#llx%s)",
			    pg->phys_addr, pg->flags, pg->queue,
			    (unsigned long long)tok, ok ? "" : " corrupt");
		}
		out("\n");
		pindex += OFF_TO_IDX(object->backing_offset);
	}
}

/* A failure at va of up's: say what the VM has there first. */
#define	UFAIL(up, va, ...) do {						\
	describe_va((up), (va));					\
	bench_fail(__VA_ARGS__);					\
} while (0)

/*
 * A user access to va: the MMU first, a fault if it says no, as the
 * hardware and trap.c do.  Returns 0 when the access is done, or the
 * signal that kills the process (SIGKILL: it was killed meanwhile).
 */
static int
uaccess(struct uproc *up, vaddr_t va, bool write)
{
	struct proc *p = &up->t.p;
	uint64_t expect, got, tok;
	bool mapped, ok;
	void *kva;
	int rv, faults = 0;

	for (;;) {
		if (killed(up))
			return (SIGKILL);
		if (mmu_access(vmspace_pmap(p->p_vmspace), va, write, &kva))
			break;
		/*
		 * A fault may sleep after it maps the page (a collapse
		 * waits), and the mapping may be gone when it returns: the
		 * access faults again, as on the hardware.  Not forever.
		 */
		if (faults++ == 100)
			UFAIL(up, va, "pid %d: vm_fault(%#x, %s) succeeded 100 "
			    "times, yet the MMU still refuses", p->p_pid, va,
			    write ? "write" : "read");
		rv = vm_fault(&p->p_vmspace->vm_map, va, write ?
		    VM_PROT_WRITE : VM_PROT_READ);
		if (rv == KERN_SUCCESS)
			continue;
		if (killed(up))
			return (SIGKILL);
		expect = model_expect(up, va, &mapped);
		switch (rv) {
		case KERN_INVALID_ADDRESS:
			if (mapped)
				UFAIL(up, va, "pid %d: fault at mapped %#x: "
				    "invalid address", p->p_pid, va);
			trace("  pid %d: SIGSEGV at %#x (unmapped, as "
			    "expected)", p->p_pid, va);
			st.segv++;
			return (SIGSEGV);
		case KERN_PROTECTION_FAILURE:
			if (!mapped || !write || !model_readonly(up, va))
				UFAIL(up, va, "pid %d: %s fault at %#x: "
				    "protection failure", p->p_pid, write ?
				    "write" : "read", va);
			trace("  pid %d: SIGSEGV at %#x (read-only, as "
			    "expected)", p->p_pid, va);
			st.segv++;
			return (SIGSEGV);
		case KERN_FAILURE:
			if (!mapped || !is_poisoned(expect))
				UFAIL(up, va, "pid %d: %s fault at %#x: pager "
				    "error, but token %#llx is not lost",
				    p->p_pid, write ? "write" : "read", va,
				    (unsigned long long)expect);
			trace("  pid %d: SIGBUS at %#x (token %#llx lost)",
			    p->p_pid, va, (unsigned long long)expect);
			st.sigbus++;
			return (SIGBUS);
		default:
			UFAIL(up, va, "pid %d: %s fault at %#x: error %d",
			    p->p_pid, write ? "write" : "read", va, rv);
		}
	}
	expect = model_expect(up, va, &mapped);
	if (!mapped)
		UFAIL(up, va, "pid %d: %#x is unmapped, yet the MMU maps it",
		    p->p_pid, va);
	if (write && model_readonly(up, va))
		UFAIL(up, va, "pid %d: %#x is read-only, yet the MMU lets a "
		    "write through", p->p_pid, va);
	if (write) {
		tok = next_token++;
		page_fill(kva, tok);
		model_store(up, va, tok);
		st.writes++;
		return (0);
	}
	got = page_token(kva, &ok);
	if (!ok)
		UFAIL(up, va, "pid %d: read %#x: the page holds no pattern "
		    "(first word %#llx), expected token %#llx", p->p_pid, va,
		    (unsigned long long)got, (unsigned long long)expect);
	if (got != expect)
		UFAIL(up, va, "pid %d: read %#x: token %#llx, expected %#llx",
		    p->p_pid, va, (unsigned long long)got,
		    (unsigned long long)expect);
	st.reads++;
	return (0);
}

static void
uproc_fork(struct uproc *up)
{
	struct proc *p = &up->t.p;
	struct vmspace *vm2;
	struct uproc *child;

	/* fork1's EAGAIN: no room (another fork may be asleep in hers). */
	if (nuprocs + nforking >= NPROC_MAX) {
		trace("  pid %d: fork: EAGAIN", p->p_pid);
		return;
	}
	nforking++;
	vm2 = vmspace_fork(p->p_vmspace);
	nforking--;
	child = uproc_new(up);
	child->t.p.p_vmspace = vm2;
	trace("  pid %d forked pid %d", p->p_pid, child->t.p.p_pid);
	st.forks++;
}

static void
uproc_exec(struct uproc *up)
{
	struct proc *p = &up->t.p;
	struct vmspace *vm, *ovm;

	vm = vmspace_alloc();
	layout(vm);
	ovm = p->p_vmspace;
	p->p_vmspace = vm;
	model_exec(up);
	if (ovm != &vmspace0)
		vmspace_free(ovm);
}

/* Run the operation the harness gave; may not return (exit). */
static void
uproc_do(struct uproc *up)
{
	struct proc *p = &up->t.p;
	struct vm_map *map;
	vaddr_t va;
	int i, sig = 0, rv;

	switch (up->op) {
	case OP_START:
		uproc_exec(up);
		break;
	case OP_READ:
	case OP_WRITE:
	case OP_READALL:
		for (i = 0; i < up->n && sig == 0; i++) {
			if (i > 0 && chance(cfg.yield_pct)) {
				sim_thread_yield();
				if (killed(up))
					break;
			}
			sig = uaccess(up, up->va + ptoa(i), up->op == OP_WRITE);
		}
		break;
	case OP_FORK:
		uproc_fork(up);
		break;
	case OP_EXIT:
		uproc_exit(up, "exit");
		break;
	case OP_EXEC:
		uproc_exec(up);
		st.execs++;
		break;
	case OP_UNMAP:
		map = &p->p_vmspace->vm_map;
		if (vm_map_remove(map, up->va, up->va + ptoa(up->n)) !=
		    KERN_SUCCESS)
			bench_fail("pid %d: vm_map_remove(%#x, %d pages) "
			    "failed", p->p_pid, up->va, up->n);
		for (i = 0; i < up->n; i++)
			up->mapped[atop(up->va - HEAP_VA) + i] = 0;
		st.unmaps++;
		break;
	case OP_MAP:
		/* mmap(MAP_ANON|MAP_FIXED) where the heap has a hole. */
		map = &p->p_vmspace->vm_map;
		va = up->va;
		rv = vm_map_find(map, NULL, 0, &va, ptoa(up->n),
		    VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL, 0);
		if (rv != KERN_SUCCESS || va != up->va)
			bench_fail("pid %d: vm_map_find(%#x, %d pages): %d at "
			    "%#x", p->p_pid, up->va, up->n, rv, va);
		for (i = 0; i < up->n; i++) {
			up->mapped[atop(up->va - HEAP_VA) + i] = 1;
			up->ro[atop(up->va - HEAP_VA) + i] = 0;
			up->tok[DATA_NP + atop(up->va - HEAP_VA) + i] = 0;
		}
		st.maps++;
		break;
	case OP_PROTECT:
		/* mprotect: read-only (n > 0) or read-write (n < 0). */
		map = &p->p_vmspace->vm_map;
		rv = vm_map_protect(map, up->va, up->va + ptoa(iabs(up->n)),
		    up->n > 0 ? VM_PROT_READ : VM_PROT_READ | VM_PROT_WRITE);
		if (rv != KERN_SUCCESS)
			bench_fail("pid %d: vm_map_protect(%#x, %d pages): %d",
			    p->p_pid, up->va, iabs(up->n), rv);
		for (i = 0; i < iabs(up->n); i++)
			up->ro[atop(up->va - HEAP_VA) + i] = up->n > 0;
		st.protects++;
		break;
	case OP_DIE:
		uproc_exit(up, "SIGKILL");
		break;
	default:
		bench_fail("uproc_do: operation %d", up->op);
	}
	if (killed(up))
		uproc_exit(up, "SIGKILL");
	if (sig != 0)
		uproc_exit(up, sig == SIGSEGV ? "SIGSEGV" : "SIGBUS");
}

static void
uproc_main(struct sim_thread *t)
{
	struct uproc *up = (struct uproc *)t;

	for (;;) {
		while (up->op == OP_NONE)
			sim_thread_idle();
		uproc_do(up);
		up->op = OP_NONE;
	}
}

/* The harness reaps dead threads. */
void
reap(void)
{
	struct uproc *up;
	int i;

	for (i = 0; i < NPROC_MAX; i++) {
		up = uprocs[i];
		if (up == NULL || up->t.state != T_DEAD)
			continue;
		sim_thread_unregister(&up->t);
		uprocs[i] = NULL;
		nuprocs--;
		host_free(up);
	}
}

void
daemon_main(struct sim_thread *t)
{

	vm_pageout(NULL);
}

void
defer_main(struct sim_thread *t)
{

	vm_object_deferred_daemon(NULL);
}

