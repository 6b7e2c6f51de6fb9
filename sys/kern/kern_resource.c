/*
 * kern_resource.c: resource usage, getrusage(2), and the usage that
 * wait4(2) reports and passes to a parent when it reaps a child.
 *
 * A process's usage (p_ru) is counted where it happens: hardclock
 * charges each tick to user or system time and samples the resident
 * set (statclock, kern_clock.c); tsleep counts voluntary context
 * switches, preempt involuntary ones (kern_synch.c).  Times are
 * therefore statistical, in whole ticks, as on 4.4BSD.  When a parent
 * reaps a child, the child's usage and that of all its own reaped
 * descendants is added to the parent's p_cru (maxrss: the largest).
 * Page faults are not counted: ru_minflt and ru_majflt stay 0.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/resource.h>
#include <sys/sysproto.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

/* Add the usage *from to *to. */
static void
pusage_add(struct pusage *to, const struct pusage *from)
{

	to->pu_uticks += from->pu_uticks;
	to->pu_sticks += from->pu_sticks;
	if (from->pu_maxrss > to->pu_maxrss)
		to->pu_maxrss = from->pu_maxrss;
	to->pu_nvcsw += from->pu_nvcsw;
	to->pu_nivcsw += from->pu_nivcsw;
}

/* Ticks as a timeval. */
static void
ticks_to_tv(uint32_t t, struct timeval *tv)
{

	tv->tv_sec = t / hz;
	tv->tv_usec = (t % hz) * (1000000 / hz);
}

/* Fill *ru from the counts in *pu. */
static void
pusage_to_rusage(const struct pusage *pu, struct rusage *ru)
{

	memset(ru, 0, sizeof(*ru));
	ticks_to_tv(pu->pu_uticks, &ru->ru_utime);
	ticks_to_tv(pu->pu_sticks, &ru->ru_stime);
	ru->ru_maxrss = pu->pu_maxrss * (PAGE_SIZE / 1024);
	ru->ru_nvcsw = pu->pu_nvcsw;
	ru->ru_nivcsw = pu->pu_nivcsw;
}

/*
 * Note p's resident set in its largest so far.  Called on each tick it
 * runs, when it asks, and as it exits (before its address space goes).
 */
void
ru_sample_rss(struct proc *p)
{
	long rss;

	if (p->p_vmspace == NULL || p->p_vmspace == &vmspace0 ||
	    (p->p_flag & P_WEXIT))
		return;
	rss = pmap_resident_count(vmspace_pmap(p->p_vmspace));
	if (rss > p->p_ru.pu_maxrss)
		p->p_ru.pu_maxrss = rss;
}

/*
 * The usage wait4 reports for child q: its own and that of the
 * children it reaped.
 */
void
ru_child(struct proc *q, struct rusage *ru)
{
	struct pusage pu = q->p_ru;

	pusage_add(&pu, &q->p_cru);
	pusage_to_rusage(&pu, ru);
}

/* The parent p reaps the child q: q's usage becomes p's children's. */
void
ru_reap(struct proc *p, struct proc *q)
{

	pusage_add(&p->p_cru, &q->p_ru);
	pusage_add(&p->p_cru, &q->p_cru);
}

int
sys_getrusage(struct proc *p, struct getrusage_args *uap, register_t *retval)
{
	struct rusage ru;

	switch (uap->who) {
	case RUSAGE_SELF:
		ru_sample_rss(p);
		pusage_to_rusage(&p->p_ru, &ru);
		break;
	case RUSAGE_CHILDREN:
		pusage_to_rusage(&p->p_cru, &ru);
		break;
	default:
		return (EINVAL);
	}
	return (copyout(&ru, uap->rusage, sizeof(ru)));
}
