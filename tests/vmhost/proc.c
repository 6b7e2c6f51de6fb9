/*
 * proc.c: the simulated processes of vmhost, and the model of what each
 * may do and must read (see vmhost.c for the whole picture).
 *
 * A process is a struct proc on allproc, running on a coroutine of its
 * own (kern_shim.c): it waits in user mode until the harness gives it
 * an operation, and performs it as the kernel would: vm_fault for every
 * access the fake MMU refuses (as trap.c does), the real system calls
 * of vm_mmap.c (mmap, munmap, mprotect, sbrk), vmspace_fork and
 * vmspace_free for fork, exec and exit.  It may sleep anywhere the
 * kernel sleeps; other threads run meanwhile.  It dies, as exit1()
 * would have it, on SIGKILL (seen when a fault returns), SIGSEGV or
 * SIGBUS.
 *
 * The model.  Every page of every region (bench.h) is a struct vpage:
 * mapped or not, its protection and the most mprotect may give it, and
 * what a read must find there, word by word (model.c): a private page
 * holds its own struct mpage (shared copy-on-write with relatives until
 * one writes), a shared page a struct mcell that all its sharers hold.
 * fork copies the model, exec starts it over: the file's pages in DATA,
 * zeros in HEAP and below the break, a new shared page per SHM page.
 * Each system call is checked against the model before the model
 * changes: the error it must return (EINVAL, ENOMEM, EACCES, EBADF),
 * or success and exactly the new mapping.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/mman.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/sysproto.h>
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

/* The regions, in the order of uproc.vp[]. */
const struct region regions[NREGIONS] = {
	[R_DATA] = { DATA_VA, DATA_NP, 0 },
	[R_HEAP] = { HEAP_VA, HEAP_NP, DATA_NP },
	[R_BRK] = { BRK_VA, BRK_NP, DATA_NP + HEAP_NP },
	[R_SHM] = { SHM_VA, SHM_NP, DATA_NP + HEAP_NP + BRK_NP },
};

/* ------------------------------------------------------------------ */
/* The model. */

/* The model of va in up's address space, or NULL outside every region. */
struct vpage *
model_page(struct uproc *up, vaddr_t va)
{
	const struct region *r;

	for (r = regions; r < regions + NREGIONS; r++)
		if (va >= r->va && va < r->va + ptoa(r->np))
			return (&up->vp[r->first + atop(va - r->va)]);
	return (NULL);
}

/* What a read of vp must find. */
const struct mpage *
model_contents(const struct vpage *vp)
{

	return (vp->cell != NULL ? vp->cell->mp : vp->mp);
}

/* Where a write of vp goes. */
static struct mpage **
model_slot(struct vpage *vp)
{

	return (vp->cell != NULL ? &vp->cell->mp : &vp->mp);
}

/* May up access va with `prot' without a signal? */
bool
model_can(struct uproc *up, vaddr_t va, vm_prot_t prot)
{
	struct vpage *vp = model_page(up, va);

	return (vp != NULL && vp->mapped && !vp->eof &&
	    (vp->prot & prot) == prot);
}

/* Forget a page: unmapped, holding nothing. */
static void
vpage_clear(struct vpage *vp)
{

	mpage_drop(vp->mp);
	if (vp->cell != NULL && --vp->cell->refs == 0) {
		mpage_drop(vp->cell->mp);
		host_free(vp->cell);
	}
	memset(vp, 0, sizeof(*vp));
}

/* Map vp to private contents mp (held here), with prot and maxprot. */
static void
vpage_set(struct vpage *vp, struct mpage *mp, int prot, int maxprot)
{

	vpage_clear(vp);
	vp->mp = mpage_hold(mp);
	vp->mapped = 1;
	vp->prot = prot;
	vp->maxprot = maxprot;
}

/* Map vp to a new shared page, zero-filled. */
static void
vpage_set_shared(struct vpage *vp)
{

	vpage_clear(vp);
	vp->cell = host_calloc(1, sizeof(*vp->cell));
	vp->cell->refs = 1;
	vp->cell->mp = mpage_zero();
	vp->mapped = 1;
	vp->prot = VM_PROT_READ | VM_PROT_WRITE;
	vp->maxprot = VM_PROT_ALL;
}

/* A child's copy of the parent's page: private shared copy-on-write. */
static void
vpage_inherit(struct vpage *dst, const struct vpage *src)
{

	*dst = *src;
	mpage_hold(dst->mp);
	if (dst->cell != NULL)
		dst->cell->refs++;
}

/* A fresh address space, as exec leaves it. */
static void
model_exec(struct uproc *up, vaddr_t brk)
{
	int i;

	for (i = 0; i < NVPAGES; i++)
		vpage_clear(&up->vp[i]);
	for (i = 0; i < DATA_NP; i++)
		vpage_set(&up->vp[i], mpage_file(i), VM_PROT_READ |
		    VM_PROT_WRITE, VM_PROT_ALL);
	for (i = 0; i < HEAP_NP; i++)
		vpage_set(model_page(up, HEAP_VA + ptoa(i)), mpage_zero(),
		    VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL);
	up->brk = brk;
	for (i = 0; i < (int)atop(round_page(brk) - BRK_VA); i++)
		vpage_set(model_page(up, BRK_VA + ptoa(i)), mpage_zero(),
		    VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL);
	for (i = 0; i < SHM_NP; i++)
		vpage_set_shared(model_page(up, SHM_VA + ptoa(i)));
}

/* ------------------------------------------------------------------ */
/* Processes. */

static void uproc_main(struct sim_thread *);

struct uproc *
uproc_new(struct uproc *parent)
{
	struct uproc *up;
	int slot, i;

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
		for (i = 0; i < NVPAGES; i++)
			vpage_inherit(&up->vp[i], &parent->vp[i]);
		up->brk = parent->brk;
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
uproc_give(struct uproc *up, enum op op, vaddr_t va, int n, int arg)
{

	KASSERT(up->t.state == T_IDLE && up->op == OP_NONE,
	    ("uproc_give: pid %d busy", up->t.p.p_pid));
	up->op = op;
	up->va = va;
	up->n = n;
	up->arg = arg;
	up->op_step = step;
	up->t.state = T_RUN;
	up->t.p.p_stat = SRUN;
	st.given[op]++;
}

/* A signal for a process in user mode (kern_shim.c's psignal). */
void
bench_wake_idle(struct proc *p)
{
	struct uproc *up = (struct uproc *)THREAD(p);

	if (p->p_siglist & sigmask(SIGKILL))
		uproc_give(up, OP_DIE, 0, 0, 0);
}

static bool
killed(struct uproc *up)
{

	return ((up->t.p.p_siglist & sigmask(SIGKILL)) != 0);
}

/*
 * Map the regions of a fresh address space into vm, as exec does: the
 * file's data privately, an anonymous heap, the break at brk, shared
 * memory.
 */
static void
layout(struct vmspace *vm, vaddr_t brk)
{
	struct vm_map *map = &vm->vm_map;

	vm_object_reference(file_object);
	if (vm_map_insert(map, file_object, 0, DATA_VA, DATA_VA +
	    ptoa(DATA_NP), VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL,
	    MAP_COPY_ON_WRITE | MAP_NEEDS_COPY) != KERN_SUCCESS ||
	    vm_map_insert(map, NULL, 0, HEAP_VA, HEAP_VA + ptoa(HEAP_NP),
	    VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL, 0) != KERN_SUCCESS ||
	    (round_page(brk) > BRK_VA && vm_map_insert(map, NULL, 0, BRK_VA,
	    round_page(brk), VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL, 0) !=
	    KERN_SUCCESS) ||
	    vm_map_insert(map, NULL, 0, SHM_VA, SHM_VA + ptoa(SHM_NP),
	    VM_PROT_READ | VM_PROT_WRITE, VM_PROT_ALL, MAP_INHERIT_SHARE) !=
	    KERN_SUCCESS)
		bench_fail("layout: vm_map_insert failed");
	vm->vm_daddr = BRK_VA;
	vm->vm_break = brk;
	vm->vm_maxsaddr = MAXSADDR;
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
	int i;

	trace("  pid %d exits (%s)", p->p_pid, why);
	p->p_flag |= P_WEXIT;
	p->p_siglist = 0;
	vm = p->p_vmspace;
	p->p_vmspace = &vmspace0;
	for (i = 0; i < NVPAGES; i++)
		vpage_clear(&up->vp[i]);
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
	    "swap %u%s backing %u (offset %#x, deficit %u)\n", object->id,
	    object->size, object->ref_count, object->shadow_count,
	    object->paging_in_progress, object->flags,
	    object->resident_page_count, swap_pager_object_blocks(object),
	    object->pgops != NULL ? " pager" : "",
	    object->backing_object != NULL ? object->backing_object->id : 0,
	    object->backing_offset, object->bypass_deficit);
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
	struct vpage *vp = model_page(up, va);
	struct vm_page *pg;
	vm_pindex_t pindex;
	vm_prot_t prot;
	char why[256];

	if (vm == &vmspace0)
		return;
	if (vp != NULL)
		out("  model: %#x %s, prot %d (at most %d)%s%s\n", va,
		    vp->mapped ? "mapped" : "unmapped", vp->prot, vp->maxprot,
		    vp->eof ? ", past the end of the file" : "",
		    vp->cell != NULL ? ", shared" : "");
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
		if (pg != NULL && vp != NULL && vp->mapped && !vp->eof) {
			mpage_explain(model_contents(vp), pmap_host_page(pg),
			    why, sizeof(why));
			out(" (page %#x flags %#x queue %d: %s)", pg->phys_addr,
			    pg->flags, pg->queue, why);
		}
		out("\n");
		pindex += OFF_TO_IDX(object->backing_offset);
	}
}

/* The page at kva, which up reads at va, must hold what the model says. */
static void
check_read(struct uproc *up, vaddr_t va, struct vpage *vp, const void *kva,
    const char *what)
{
	char why[256];

	if (mpage_diff(model_contents(vp), kva) < 0)
		return;
	mpage_explain(model_contents(vp), kva, why, sizeof(why));
	UFAIL(up, va, "%s %#x: %s", what, va, why);
}

/*
 * A write fault at va succeeded.  Before it, the entry's object was
 * numbered `was' and the page was in the object numbered `found'.  If
 * the entry has a new object, the fault gave it a shadow; if the page
 * was behind the entry's object now, it copied the page up and let
 * collapse shorten the chain (check_front_collapsed).
 */
static void
check_fault(struct uproc *up, vaddr_t va, uint32_t was, uint32_t found)
{
	struct vm_map_entry *entry;
	struct vm_object *f;

	if (!vm_map_lookup_entry(&up->t.p.p_vmspace->vm_map, va, &entry) ||
	    (f = entry->object) == NULL)
		return;
	if (found != 0 && found != f->id)
		check_front_collapsed(f, "a copy-on-write fault", true);
	else if (was != 0 && was != f->id)
		check_front_collapsed(f, "a fault that made a shadow", false);
}

/*
 * A user access to va: the MMU first, a fault if it says no, as the
 * hardware and trap.c do.  A write stores one word or the whole page
 * (after checking the page, as a read would).  Returns 0 when the
 * access is done, or the signal that kills the process (SIGKILL: it
 * was killed meanwhile).
 */
static int
uaccess(struct uproc *up, vaddr_t va, bool write)
{
	struct proc *p = &up->t.p;
	struct vpage *vp;
	vm_prot_t need = write ? VM_PROT_WRITE : VM_PROT_READ;
	uint32_t was, found;
	u_int epoch;
	void *kva;
	int rv, faults = 0, w;

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
			UFAIL(up, va, "vm_fault(%#x, %s) succeeded 100 "
			    "times, yet the MMU still refuses", va,
			    write ? "write" : "read");
		/* The entry's object and where the page is, before. */
		was = write ? entry_object_id(up, va) : 0;
		found = write ? peek_id(up, va) : 0;
		epoch = collapse_epoch();
		rv = vm_fault(&p->p_vmspace->vm_map, va, need);
		if (rv == KERN_SUCCESS) {
			if (write && epoch == collapse_epoch())
				check_fault(up, va, was, found);
			continue;
		}
		if (killed(up))
			return (SIGKILL);
		vp = model_page(up, va);
		switch (rv) {
		case KERN_INVALID_ADDRESS:
			if (vp != NULL && vp->mapped)
				UFAIL(up, va, "fault at mapped %#x: "
				    "invalid address", va);
			trace("  pid %d: SIGSEGV at %#x (unmapped, as "
			    "expected)", p->p_pid, va);
			st.segv++;
			return (SIGSEGV);
		case KERN_PROTECTION_FAILURE:
			if (vp == NULL || !vp->mapped ||
			    (vp->prot & need) == need)
				UFAIL(up, va, "%s fault at %#x: "
				    "protection failure", write ?
				    "write" : "read", va);
			trace("  pid %d: SIGSEGV at %#x (protection %d, as "
			    "expected)", p->p_pid, va, vp->prot);
			st.segv++;
			return (SIGSEGV);
		case KERN_FAILURE:
			if (vp == NULL || !vp->mapped || (!vp->eof &&
			    !mpage_poisoned(model_contents(vp))))
				UFAIL(up, va, "%s fault at %#x: pager "
				    "error, but the page is neither past the "
				    "end of the file nor lost", write ?
				    "write" : "read", va);
			trace("  pid %d: SIGBUS at %#x (%s)", p->p_pid, va,
			    vp->eof ? "past the end of the file" :
			    "its data is lost");
			st.sigbus++;
			return (SIGBUS);
		default:
			UFAIL(up, va, "%s fault at %#x: error %d",
			    write ? "write" : "read", va, rv);
		}
	}
	vp = model_page(up, va);
	if (vp == NULL || !vp->mapped)
		UFAIL(up, va, "%#x is unmapped, yet the MMU maps it", va);
	if ((vp->prot & need) != need)
		UFAIL(up, va, "%#x has protection %d, yet the MMU lets "
		    "a %s through", va, vp->prot, write ? "write" :
		    "read");
	if (vp->eof)
		UFAIL(up, va, "%#x is past the end of the file, yet "
		    "the MMU maps it", va);
	check_read(up, va, vp, kva, write ? "before writing" : "read");
	if (!write) {
		st.reads++;
		return (0);
	}
	if (chance(cfg.word_pct)) {
		/* One word: often the first or the last. */
		w = chance(20) ? 0 : chance(25) ? MWORDS - 1 : rnd(MWORDS);
		mpage_write_word(model_slot(vp), kva, w);
		st.word_writes++;
	} else
		mpage_write_page(model_slot(vp), kva);
	st.writes++;
	return (0);
}

/* fork(): the child, or NULL (fork1's EAGAIN: no room). */
static struct uproc *
uproc_fork(struct uproc *up)
{
	struct proc *p = &up->t.p;
	struct vm_map_entry *entry;
	struct vm_map *map;
	struct vmspace *vm2;
	struct uproc *child;
	u_int epoch;

	/* Another fork may be asleep in hers. */
	if (nuprocs + nforking >= NPROC_MAX) {
		trace("  pid %d: fork: EAGAIN", p->p_pid);
		return (NULL);
	}
	nforking++;
	epoch = collapse_epoch();
	vm2 = vmspace_fork(p->p_vmspace);
	nforking--;
	/* fork collapses each private object before sharing it. */
	map = &p->p_vmspace->vm_map;
	for (entry = map->header.next; entry != &map->header &&
	    epoch == collapse_epoch(); entry = entry->next)
		if (entry->inheritance == VM_INHERIT_COPY &&
		    entry->object != NULL)
			check_front_collapsed(entry->object, "fork", true);
	child = uproc_new(up);
	child->t.p.p_vmspace = vm2;
	trace("  pid %d forked pid %d", p->p_pid, child->t.p.p_pid);
	st.forks++;
	return (child);
}

static void
uproc_exec(struct uproc *up)
{
	struct proc *p = &up->t.p;
	struct vmspace *vm, *ovm;
	vaddr_t brk;

	/* The break: anywhere in the first quarter of its region. */
	brk = BRK_VA + rnd(ptoa(BRK_NP) / 4);
	vm = vmspace_alloc();
	layout(vm, brk);
	ovm = p->p_vmspace;
	p->p_vmspace = vm;
	model_exec(up, brk);
	if (ovm != &vmspace0)
		vmspace_free(ovm);
}

/* A system call returned `got'; the model says it must return `want'. */
static void
check_errno(struct uproc *up, const char *call, int got, int want)
{

	if (got != want)
		UFAIL(up, up->va, "%s(%#x, %d pages, %#x) returned %d, "
		    "expected %d", call, up->va, up->n, up->arg, got, want);
	if (want != 0)
		st.badargs++;
}

/* mmap(MAP_FIXED) must map at the address asked for. */
static void
check_fixed(struct uproc *up, register_t addr)
{

	if ((vaddr_t)addr != up->va)
		UFAIL(up, up->va, "mmap(MAP_FIXED) at %#x mapped %#x", up->va,
		    (vaddr_t)addr);
}

/* A length of n pages in bytes, not always a multiple of the page. */
static size_t
ulen(int n)
{

	return (ptoa(n) - (chance(30) ? rnd(PAGE_SIZE) : 0));
}

/* munmap(va, n pages); arg: ARG_BAD(1) unaligned, ARG_BAD(2) length 0. */
static void
op_unmap(struct uproc *up)
{
	struct munmap_args a;
	register_t rv[2];
	int bad = ARG_BADOF(up->arg), error, i;

	a.addr = (void *)(uintptr_t)(up->va + (bad == 1 ? 8 : 0));
	a.len = bad == 2 ? 0 : ulen(up->n);
	error = sys_munmap(&up->t.p, &a, rv);
	check_errno(up, "munmap", error, bad != 0 ? EINVAL : 0);
	if (error != 0)
		return;
	for (i = 0; i < up->n; i++)
		vpage_clear(model_page(up, up->va + ptoa(i)));
	st.unmaps++;
}

/*
 * mmap(va, n pages, prot, MAP_ANON | MAP_FIXED | MAP_PRIVATE or
 * MAP_SHARED), replacing what was there; a bad argument makes EINVAL.
 */
static void
op_map(struct uproc *up)
{
	struct mmap_args a;
	register_t rv[2];
	int bad = ARG_BADOF(up->arg), prot = ARG_PROTOF(up->arg), error, i;
	bool shared = (up->arg & ARG_SHARED) != 0;

	memset(&a, 0, sizeof(a));
	a.addr = (void *)(uintptr_t)(up->va + (bad == 3 ? 8 : 0));
	a.len = bad == 4 ? 0 : ulen(up->n);
	a.prot = prot;
	a.flags = MAP_ANON | MAP_FIXED | (shared ? MAP_SHARED : MAP_PRIVATE) |
	    (bad == 1 ? MAP_SHARED | MAP_PRIVATE : 0);
	a.fd = bad == 2 ? FILE_FD : -1;
	rv[0] = 0;
	error = sys_mmap(&up->t.p, &a, rv);
	check_errno(up, "mmap(MAP_ANON)", error, bad != 0 ? EINVAL : 0);
	if (error != 0)
		return;
	check_fixed(up, rv[0]);
	for (i = 0; i < up->n; i++) {
		struct vpage *vp = model_page(up, up->va + ptoa(i));

		if (shared) {
			vpage_set_shared(vp);
			vp->prot = prot;
		} else
			vpage_set(vp, mpage_zero(), prot, VM_PROT_ALL);
	}
	st.maps++;
}

/*
 * mmap(va, n pages, prot, MAP_FIXED | MAP_PRIVATE or MAP_SHARED, the
 * file, page ARG_POSOF(arg)): pages past the end of the file are
 * mapped, and fault with SIGBUS.  Bad arguments: a descriptor that is
 * not open (EBADF), an unaligned offset (EINVAL), a shared mapping
 * asking for writing (EACCES: the file cannot be written).
 */
static void
op_mapfile(struct uproc *up)
{
	struct mmap_args a;
	register_t rv[2];
	int bad = ARG_BADOF(up->arg), prot = ARG_PROTOF(up->arg), pos, error;
	int want, i;
	bool shared = (up->arg & ARG_SHARED) != 0;

	pos = ARG_POSOF(up->arg);
	memset(&a, 0, sizeof(a));
	a.addr = (void *)(uintptr_t)up->va;
	a.len = ulen(up->n);
	a.prot = bad == 3 ? VM_PROT_READ | VM_PROT_WRITE : prot;
	a.flags = MAP_FIXED | (shared || bad == 3 ? MAP_SHARED : MAP_PRIVATE);
	a.fd = bad == 1 ? FILE_FD + 4 : FILE_FD;
	a.pos = ptoa(pos) + (bad == 2 ? 512 : 0);
	rv[0] = 0;
	error = sys_mmap(&up->t.p, &a, rv);
	want = bad == 1 ? EBADF : bad == 2 ? EINVAL : bad == 3 ? EACCES : 0;
	check_errno(up, "mmap(file)", error, want);
	if (error != 0)
		return;
	check_fixed(up, rv[0]);
	for (i = 0; i < up->n; i++) {
		struct vpage *vp = model_page(up, up->va + ptoa(i));

		vpage_set(vp, pos + i < DATA_NP ? mpage_file(pos + i) : NULL,
		    prot, shared ? VM_PROT_READ | VM_PROT_EXECUTE :
		    VM_PROT_ALL);
		vp->eof = pos + i >= DATA_NP;
	}
	st.mapfiles++;
}

/*
 * mprotect(va, n pages, prot): ENOMEM at the first page not mapped,
 * EACCES at the first that may not have prot, in address order (and
 * then nothing changes); ARG_BAD(1), an unaligned address, EINVAL.
 */
static void
op_protect(struct uproc *up)
{
	struct mprotect_args a;
	struct vpage *vp;
	register_t rv[2];
	int bad = ARG_BADOF(up->arg), prot = ARG_PROTOF(up->arg);
	int want = 0, error, i;

	for (i = 0; i < up->n && want == 0; i++) {
		vp = model_page(up, up->va + ptoa(i));
		if (!vp->mapped)
			want = ENOMEM;
		else if ((prot & ~vp->maxprot) != 0)
			want = EACCES;
	}
	if (bad == 1)
		want = EINVAL;
	a.addr = (void *)(uintptr_t)(up->va + (bad == 1 ? 8 : 0));
	a.len = ulen(up->n);
	a.prot = prot;
	error = sys_mprotect(&up->t.p, &a, rv);
	check_errno(up, "mprotect", error, want);
	if (error != 0)
		return;
	for (i = 0; i < up->n; i++)
		model_page(up, up->va + ptoa(i))->prot = prot;
	st.protects++;
}

/*
 * sbrk(arg bytes): ENOMEM below the start of the heap or when growing
 * onto a mapping; otherwise the pages up to the new break are mapped
 * (zero-filled) or unmapped, and the old break is returned.
 */
static void
op_sbrk(struct uproc *up)
{
	struct sbrk_args a;
	register_t rv[2];
	vaddr_t old = up->brk, new = up->brk + up->arg, va;
	int want = 0, error;

	if (new < BRK_VA)
		want = ENOMEM;
	for (va = round_page(old); want == 0 && va < round_page(new);
	    va += PAGE_SIZE)
		if (model_page(up, va)->mapped)
			want = ENOMEM;
	a.incr = up->arg;
	rv[0] = 0;
	error = sys_sbrk(&up->t.p, &a, rv);
	check_errno(up, "sbrk", error, want);
	if (error != 0)
		return;
	if ((vaddr_t)rv[0] != old)
		UFAIL(up, old, "sbrk(%d) returned %#x, the break was "
		    "%#x", up->arg, (vaddr_t)rv[0], old);
	for (va = round_page(old); va < round_page(new); va += PAGE_SIZE)
		vpage_set(model_page(up, va), mpage_zero(), VM_PROT_READ |
		    VM_PROT_WRITE, VM_PROT_ALL);
	for (va = round_page(new); va < round_page(old); va += PAGE_SIZE)
		vpage_clear(model_page(up, va));
	up->brk = new;
	st.sbrks++;
}

/*
 * A fork tree, as a preforking server makes one: the parent writes the
 * run [va, va + n pages), forks up->arg children one after another,
 * each given at once a write of its own part of the run, all parts
 * overlapping in the middle, and rewrites the run (or its first half)
 * itself: the middle pages end up under several shadows, each with a
 * copy of its own.
 */
static int
op_forktree(struct uproc *up)
{
	struct uproc *child;
	int c, a, b, i, sig = 0;

	for (i = 0; i < up->n && sig == 0; i++)
		sig = uaccess(up, up->va + ptoa(i), true);
	for (c = 0; c < up->arg && sig == 0 && !killed(up); c++) {
		if ((child = uproc_fork(up)) == NULL)
			break;
		a = rnd((up->n + 1) / 2);
		b = up->n / 2 + 1 + rnd(up->n - up->n / 2);
		trace("  tree: pid %d writes pages %d..%d of %#x",
		    child->t.p.p_pid, a, b - 1, up->va);
		uproc_give(child, OP_WRITE, up->va + ptoa(a), b - a, 0);
		st.tree_forks++;
	}
	st.trees++;
	b = chance(50) ? up->n : (up->n + 1) / 2;
	for (i = 0; i < b && sig == 0; i++)
		sig = uaccess(up, up->va + ptoa(i), true);
	return (sig);
}

/* Run the operation the harness gave; may not return (exit). */
static void
uproc_do(struct uproc *up)
{
	int i, sig = 0;

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
		op_unmap(up);
		break;
	case OP_MAP:
		op_map(up);
		break;
	case OP_MAPFILE:
		op_mapfile(up);
		break;
	case OP_PROTECT:
		op_protect(up);
		break;
	case OP_SBRK:
		op_sbrk(up);
		break;
	case OP_FORKTREE:
		sig = op_forktree(up);
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

