/*
 * kern_prot.c: identity: process ids, user and group ids, process
 * groups and sessions.  POSIX semantics: root (effective uid 0) may set
 * any id; others may only move between their real and saved ids.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/sysproto.h>

int
sys_getpid(struct proc *p, void *uap, register_t *retval)
{

	retval[0] = p->p_pid;
	return (0);
}

int
sys_getppid(struct proc *p, void *uap, register_t *retval)
{

	retval[0] = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	return (0);
}

int
sys_getuid(struct proc *p, void *uap, register_t *retval)
{

	retval[0] = p->p_ruid;
	return (0);
}

int
sys_geteuid(struct proc *p, void *uap, register_t *retval)
{

	retval[0] = p->p_uid;
	return (0);
}

int
sys_getgid(struct proc *p, void *uap, register_t *retval)
{

	retval[0] = p->p_rgid;
	return (0);
}

int
sys_getegid(struct proc *p, void *uap, register_t *retval)
{

	retval[0] = p->p_gid;
	return (0);
}

/* Is the process privileged? */
int
suser(struct proc *p)
{

	return (p->p_uid == 0 ? 0 : EPERM);
}

int
sys_setuid(struct proc *p, struct setuid_args *uap, register_t *retval)
{
	uid_t uid = uap->uid;

	if (suser(p) == 0) {
		p->p_ruid = p->p_uid = p->p_svuid = uid;
		return (0);
	}
	if (uid != p->p_ruid && uid != p->p_svuid)
		return (EPERM);
	p->p_uid = uid;
	return (0);
}

int
sys_setgid(struct proc *p, struct setgid_args *uap, register_t *retval)
{
	gid_t gid = uap->gid;

	if (suser(p) == 0) {
		p->p_rgid = p->p_gid = gid;
		return (0);
	}
	if (gid != p->p_rgid)
		return (EPERM);
	p->p_gid = gid;
	return (0);
}

int
sys_getpgrp(struct proc *p, void *uap, register_t *retval)
{

	retval[0] = p->p_pgid;
	return (0);
}

/*
 * setpgid(pid, pgid): move pid (0: the caller), which must be the caller
 * or one of its children in the same session and not a session leader,
 * into group pgid (0: its own pid), which must be its own pid or an
 * existing group of the same session.
 */
int
sys_setpgid(struct proc *p, struct setpgid_args *uap, register_t *retval)
{
	struct proc *q, *t;
	pid_t pgid = uap->pgid;

	if (pgid < 0)
		return (EINVAL);
	if (uap->pid != 0 && uap->pid != p->p_pid) {
		if ((q = pfind(uap->pid)) == NULL || q->p_pptr != p)
			return (ESRCH);
		if (q->p_sid != p->p_sid)
			return (EPERM);
		if (q->p_flag & P_EXEC)
			return (EACCES);
	} else
		q = p;
	if (q->p_pid == q->p_sid)
		return (EPERM);
	if (pgid == 0)
		pgid = q->p_pid;
	if (pgid != q->p_pid) {
		LIST_FOREACH(t, &allproc, p_list)
			if (t->p_pgid == pgid && t->p_sid == q->p_sid)
				break;
		if (t == NULL)
			return (EPERM);
	}
	q->p_pgid = pgid;
	return (0);
}

/*
 * setsid(): a new session and group, led by the caller, which must not
 * lead a group already, nor may any group or session use its pid.
 */
int
sys_setsid(struct proc *p, void *uap, register_t *retval)
{

	if (pgfind(p->p_pid))
		return (EPERM);
	p->p_sid = p->p_pgid = p->p_pid;
	retval[0] = p->p_pid;
	return (0);
}
