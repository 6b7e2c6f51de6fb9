/*
 * kern_exit.c: exit(2) and wait4(2).
 *
 * A process that exits gives back what it can while it still runs:
 * its files and its address space (it moves to the kernel's page tables
 * first).  It keeps its kernel stack, on which it is running, and its
 * proc structure, which holds the exit status; it becomes a zombie,
 * its children are given to init, and its parent is told (SIGCHLD,
 * wakeup).  The parent's wait4() reaps it: frees the stack and the
 * structure, and with them the pid.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/resource.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>
#include <sys/wait.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

MALLOC_DECLARE(M_PROC);

int
sys_exit(struct proc *p, struct exit_args *uap, register_t *retval)
{

	exit1(p, W_EXITCODE(uap->rval & 0xff, 0));
}

void
exit1(struct proc *p, int rv)
{
	struct proc *q, *nq, *pp;
	struct vmspace *vm;

	if (p == initproc)
		panic("init died (status %#x)", rv);
	KASSERT((p->p_flag & P_SYSTEM) == 0, ("exit1: kernel thread"));
	ru_sample_rss(p);		/* before P_WEXIT stops the sampling */
	p->p_flag |= P_WEXIT;
	p->p_sigmask = ~0U;
	p->p_siglist = 0;
	callout_stop(&p->p_tmo);
	itimer_stop(p);

	fdfree(p);
	vrele(p->p_cwd);
	p->p_cwd = NULL;
	vm = p->p_vmspace;
	p->p_vmspace = &vmspace0;
	pmap_activate(kernel_pmap);
	vmspace_free(vm);

	/* Children go to init, which reaps the zombies among them. */
	LIST_FOREACH_SAFE(q, &p->p_children, p_sibling, nq) {
		LIST_REMOVE(q, p_sibling);
		LIST_INSERT_HEAD(&initproc->p_children, q, p_sibling);
		q->p_pptr = initproc;
		if (q->p_stat == SZOMB)
			wakeup(initproc);
	}

	/* A parent that ignores SIGCHLD never waits: init reaps instead. */
	pp = p->p_pptr;
	if (pp->p_sigacts.ps_sigact[SIGCHLD] == SIG_IGN && pp != initproc) {
		LIST_REMOVE(p, p_sibling);
		LIST_INSERT_HEAD(&initproc->p_children, p, p_sibling);
		p->p_pptr = pp = initproc;
	}

	p->p_xstat = rv;
	(void)splhigh();		/* for good: a zombie never runs */
	LIST_REMOVE(p, p_list);
	LIST_INSERT_HEAD(&zombproc, p, p_list);
	p->p_stat = SZOMB;
	psignal(pp, SIGCHLD);
	wakeup(pp);
	mi_switch();
	panic("exit1: a zombie ran");
}

/* Free a zombie: its kernel stack, its pid, its structure. */
void
proc_reap(struct proc *p)
{

	KASSERT(p->p_stat == SZOMB, ("proc_reap: pid %d not a zombie",
	    p->p_pid));
	LIST_REMOVE(p, p_list);
	LIST_REMOVE(p, p_sibling);
	proc_unhash(p);
	nprocs--;
	kmem_free_stack(p->p_kstack, KSTACK_PAGES * PAGE_SIZE);
	free(p, M_PROC);
}

int
sys_wait4(struct proc *p, struct wait4_args *uap, register_t *retval)
{
	struct rusage ru;
	struct proc *q;
	int nfound, error, status;

	if (uap->options & ~(WNOHANG | WUNTRACED))
		return (EINVAL);
	for (;;) {
		nfound = 0;
		LIST_FOREACH(q, &p->p_children, p_sibling) {
			if (uap->pid > 0 && q->p_pid != uap->pid)
				continue;
			if (uap->pid == 0 && q->p_pgid != p->p_pgid)
				continue;
			if (uap->pid < -1 && q->p_pgid != -uap->pid)
				continue;
			nfound++;
			if (q->p_stat == SZOMB) {
				status = q->p_xstat;
			} else if (q->p_stat == SSTOP &&
			    (q->p_flag & P_WAITED) == 0 &&
			    (uap->options & WUNTRACED)) {
				status = W_STOPCODE(q->p_xstat);
			} else
				continue;
			if (uap->status != NULL &&
			    (error = copyout(&status, uap->status,
			    sizeof(status))) != 0)
				return (error);
			if (uap->rusage != NULL) {
				ru_child(q, &ru);
				if ((error = copyout(&ru, uap->rusage,
				    sizeof(ru))) != 0)
					return (error);
			}
			retval[0] = q->p_pid;
			if (q->p_stat == SZOMB) {
				ru_reap(p, q);
				proc_reap(q);
			} else
				q->p_flag |= P_WAITED;
			return (0);
		}
		if (nfound == 0)
			return (ECHILD);
		if (uap->options & WNOHANG) {
			retval[0] = 0;
			return (0);
		}
		if ((error = tsleep(p, PCATCH, "wait", 0)) != 0)
			return (error);
	}
}
