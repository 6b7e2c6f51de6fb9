/*
 * kern_proc.c: the process table: allocation of pids, lookup by pid
 * and process group, and the kinfo_proc records that ps reads.
 *
 * Live processes (and those being born) are on allproc, dead ones
 * waiting for their parent on zombproc; both kinds are in the pid hash
 * until reaped, so that a pid is never reused while anything can still
 * name it.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

#define	PIDHASHSZ	64
#define	PIDHASH(pid)	(&pidhash[(pid) & (PIDHASHSZ - 1)])

struct proclist allproc = LIST_HEAD_INITIALIZER(allproc);
struct proclist zombproc = LIST_HEAD_INITIALIZER(zombproc);
static LIST_HEAD(, proc) pidhash[PIDHASHSZ];
int nprocs;
static pid_t lastpid;

void
procinit(void)
{
	int i;

	for (i = 0; i < PIDHASHSZ; i++)
		LIST_INIT(&pidhash[i]);
}

/* Any process, live or zombie, with this pid? */
static struct proc *
pid_lookup(pid_t pid)
{
	struct proc *p;

	LIST_FOREACH(p, PIDHASH(pid), p_hash)
		if (p->p_pid == pid)
			return (p);
	return (NULL);
}

/* A pid not in use, nor as anyone's process group or session. */
pid_t
proc_allocpid(void)
{
	pid_t pid = lastpid;

	for (;;) {
		if (++pid > PID_MAX)
			pid = 2;	/* 1 is init, forever */
		if (pid_lookup(pid) == NULL && !pgfind(pid))
			break;
	}
	lastpid = pid;
	return (pid);
}

void
proc_hash(struct proc *p)
{

	LIST_INSERT_HEAD(PIDHASH(p->p_pid), p, p_hash);
}

void
proc_unhash(struct proc *p)
{

	LIST_REMOVE(p, p_hash);
}

/* The live process with this pid, or NULL. */
struct proc *
pfind(pid_t pid)
{
	struct proc *p = pid_lookup(pid);

	return (p != NULL && p->p_stat != SZOMB ? p : NULL);
}

struct proc *
zpfind(pid_t pid)
{
	struct proc *p = pid_lookup(pid);

	return (p != NULL && p->p_stat == SZOMB ? p : NULL);
}

/* Is pgid a process group or session in use? */
int
pgfind(pid_t pgid)
{
	struct proc *p;

	LIST_FOREACH(p, &allproc, p_list)
		if (p->p_pgid == pgid || p->p_sid == pgid)
			return (1);
	return (0);
}

/* Is p the current process or one of its descendants? */
int
inferior(struct proc *p)
{

	for (; p != curproc; p = p->p_pptr)
		if (p->p_pid == 0 || p->p_pptr == NULL)
			return (0);
	return (1);
}

/* The flags tools read in ki_flag are the kernel's own. */
CTASSERT(KI_FLAG_SYSTEM == P_SYSTEM && KI_FLAG_SINTR == P_SINTR);

void
fill_kinfo_proc(struct proc *p, struct kinfo_proc *kp)
{
	struct vmspace *vm = p->p_vmspace;
	char *d;
	int i;

	memset(kp, 0, sizeof(*kp));
	kp->ki_structsize = sizeof(*kp);
	kp->ki_pid = p->p_pid;
	kp->ki_ppid = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	kp->ki_pgid = p->p_pgid;
	kp->ki_sid = p->p_sid;
	kp->ki_uid = p->p_uid;
	kp->ki_ruid = p->p_ruid;
	kp->ki_stat = p->p_stat;
	kp->ki_flag = p->p_flag;
	if (vm != NULL && vm != &vmspace0 && p->p_stat != SZOMB) {
		kp->ki_size = vmspace_size(vm);
		kp->ki_rssize = pmap_resident_count(vmspace_pmap(vm));
		vmspace_anon_usage(vm, &kp->ki_anonres, &kp->ki_swap);
	}
	kp->ki_start = p->p_start / 1000000;
	kp->ki_cpticks = p->p_cpticks;
	if (p->p_stat == SZOMB)
		kp->ki_exitstatus = p->p_xstat;
	if (p->p_stat == SSLEEP && p->p_wmesg != NULL)
		strlcpy(kp->ki_wmesg, p->p_wmesg, sizeof(kp->ki_wmesg));
	strlcpy(kp->ki_comm, p->p_comm, sizeof(kp->ki_comm));
	memcpy(kp->ki_args, p->p_args, sizeof(kp->ki_args));
	/* p_args holds NUL-separated words: join them with spaces. */
	d = kp->ki_args;
	for (i = 0; i < KI_ARGSLEN - 1; i++)
		if (d[i] == '\0' && d[i + 1] != '\0')
			d[i] = ' ';
	d[KI_ARGSLEN - 1] = '\0';
}
