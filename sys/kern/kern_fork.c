/*
 * kern_fork.c: fork(2), and the creation of kernel threads.
 *
 * fork1() builds the child completely while it is invisible (it may
 * sleep for memory meanwhile: vmspace_fork copies the map), and only
 * then gives it a pid, links it into the process table and makes it
 * runnable, all without sleeping, so that nothing ever sees half a
 * process.  The child's first run starts in fork_return(), which leaves
 * for user mode with a copy of the parent's registers, except that
 * fork() returns 0 there.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_page.h>
#include <vm/vm_param.h>

MALLOC_DEFINE(M_PROC, "proc", "process structures");

/* Pages a new process needs that are never paged out. */
#define	FORK_PAGES	(KSTACK_PAGES + 4)	/* stack, directory, tables */
#define	FORK_WAIT	3			/* seconds to wait for them */

/*
 * A new process structure with a kernel stack, not yet anywhere; NULL
 * if flags (malloc's) let the allocation give up.
 */
static struct proc *
proc_alloc(int flags)
{
	struct proc *p;

	if ((p = malloc(sizeof(*p), M_PROC, flags | M_ZERO)) == NULL)
		return (NULL);
	if ((p->p_kstack = kmem_alloc_stack(KSTACK_PAGES * PAGE_SIZE,
	    flags)) == 0) {
		free(p, M_PROC);
		return (NULL);
	}
	LIST_INIT(&p->p_children);
	callout_init(&p->p_tmo);
	callout_init(&p->p_itcallout);
	return (p);
}

/* Give p a pid and a parent, and let it run.  Never sleeps. */
static void
proc_start(struct proc *p, struct proc *parent, pid_t pid)
{
	int s;

	p->p_pid = pid;
	p->p_pptr = parent;
	p->p_start = uptime_ns();
	LIST_INSERT_HEAD(&parent->p_children, p, p_sibling);
	LIST_INSERT_HEAD(&allproc, p, p_list);
	proc_hash(p);
	nprocs++;
	s = splhigh();
	p->p_stat = SRUN;
	setrunqueue(p);
	splx(s);
}

/*
 * Is there memory for one more process?  Its kernel memory is never
 * paged, so processes could fill memory with it until none of them can
 * get a page to run: fork fails with EAGAIN, as BSD forks do when
 * resources run out, once kernel memory would pass half of memory, and
 * otherwise waits a few seconds at most for the pageout daemon.
 */
static int
fork_memory(void)
{
	uint32_t start = ticks;

	if (vmcnt.v_wire_count + FORK_PAGES > vmcnt.v_page_count / 2)
		return (EAGAIN);
	/* vm_wait returns whenever the daemon frees a few: count time. */
	while (vmcnt.v_free_count < vmcnt.v_free_reserved + FORK_PAGES) {
		if (ticks - start >= (uint32_t)(FORK_WAIT * hz) ||
		    vm_wait_abandoned())
			return (EAGAIN);
		vm_wait();
	}
	return (0);
}

int
fork1(struct proc *p1, struct proc **p2p)
{
	struct proc *p2;
	int error;

	if (nprocs >= MAXPROC)
		return (EAGAIN);
	if ((error = fork_memory()) != 0)
		return (error);
	if ((p2 = proc_alloc(M_KILLABLE)) == NULL)
		return (EAGAIN);
	p2->p_stat = SIDL;
	p2->p_pgid = p1->p_pgid;
	p2->p_sid = p1->p_sid;
	p2->p_ruid = p1->p_ruid;
	p2->p_uid = p1->p_uid;
	p2->p_svuid = p1->p_svuid;
	p2->p_rgid = p1->p_rgid;
	p2->p_gid = p1->p_gid;
	p2->p_sigmask = p1->p_sigmask;
	p2->p_sigacts = p1->p_sigacts;
	p2->p_sigacts.ps_flags &= ~PS_OLDMASK;
	p2->p_sigacts.ps_code = 0;
	memcpy(p2->p_comm, p1->p_comm, sizeof(p2->p_comm));
	memcpy(p2->p_args, p1->p_args, sizeof(p2->p_args));
	p2->p_cwd = p1->p_cwd;
	vref(p2->p_cwd);
	p2->p_umask = p1->p_umask;
	p2->p_fd = fdcopy(p1->p_fd);
	p2->p_vmspace = vmspace_fork(p1->p_vmspace);
	cpu_fork(p1, p2, fork_return, p2);
	proc_start(p2, p1, proc_allocpid());
	*p2p = p2;
	return (0);
}

int
sys_fork(struct proc *p, void *uap, register_t *retval)
{
	struct proc *p2;
	int error;

	if ((error = fork1(p, &p2)) != 0)
		return (error);
	retval[0] = p2->p_pid;
	retval[1] = 0;
	return (0);
}

/* The child's first code: off to user mode (through trapret). */
void
fork_return(void *arg)
{
	struct proc *p = arg;

	userret(p);
}

/*
 * A kernel thread running func(arg) on the kernel's address space.  It
 * must never return.
 */
struct proc *
kthread_create(void (*func)(void *), void *arg, const char *name)
{
	struct proc *p;

	if ((p = proc_alloc(M_WAITOK)) == NULL)
		panic("kthread_create: no memory for %s", name);
	p->p_flag = P_SYSTEM;
	p->p_vmspace = &vmspace0;
	p->p_cwd = rootvnode;
	vref(p->p_cwd);
	strlcpy(p->p_comm, name, sizeof(p->p_comm));
	strlcpy(p->p_args, name, sizeof(p->p_args));
	cpu_fork(&proc0, p, func, arg);
	proc_start(p, &proc0, proc_allocpid());
	return (p);
}

/*
 * A user process made by the kernel itself (init): no address space yet
 * and no open files; its first run calls func(p), which must give it a
 * program (exec) before it returns to user mode.
 */
struct proc *
proc_new_user(void (*func)(void *))
{
	struct proc *p;

	if ((p = proc_alloc(M_WAITOK)) == NULL)
		panic("proc_new_user: no memory");
	p->p_vmspace = &vmspace0;
	p->p_fd = fdinit();
	p->p_cwd = rootvnode;
	vref(p->p_cwd);
	p->p_umask = CMASK;
	strlcpy(p->p_comm, "init", sizeof(p->p_comm));
	cpu_fork(&proc0, p, func, p);
	proc_start(p, &proc0, proc_allocpid());
	p->p_pgid = p->p_sid = p->p_pid;
	return (p);
}
