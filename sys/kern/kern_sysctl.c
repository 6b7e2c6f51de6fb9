/*
 * kern_sysctl.c: sysctl(2), the kernel's tree of named variables (see
 * sys/sysctl.h), and the kern.* and hw.* nodes.
 *
 * The tree is built at boot from the linker set of every node declared
 * anywhere in the kernel.  A request walks it by number; the meta
 * nodes under 0 translate names and enumerate the tree, as FreeBSD's
 * do, so that sysctl(8) needs to know no numbers.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/sysctl.h>
#include <sys/sysproto.h>
#include <sys/time.h>
#include <machine/cpu.h>
#include <vm/vm.h>
#include <vm/vm_param.h>

int	suser(struct proc *);
extern u_int physmem_bytes;

struct sysctl_oid sysctl_ = {
	.oid_kind = CTLTYPE_NODE | CTLFLAG_RD,
	.oid_name = "",
	.oid_fmt = "N",
};

extern struct sysctl_oid *const __start_set_sysctl[];
extern struct sysctl_oid *const __stop_set_sysctl[];

/* Link every declared node under its parent, in number order. */
void
sysctl_init(void)
{
	struct sysctl_oid *const *op, *oid, *parent, **pp, *c;
	int n;

	for (op = __start_set_sysctl; op < __stop_set_sysctl; op++) {
		oid = *op;
		parent = oid->oid_parent;
		if (oid->oid_number == OID_AUTO) {
			n = 255;
			for (c = parent->oid_children; c != NULL;
			    c = c->oid_next)
				if (c->oid_number > n)
					n = c->oid_number;
			oid->oid_number = n + 1;
		}
		for (pp = &parent->oid_children; *pp != NULL &&
		    (*pp)->oid_number < oid->oid_number; pp = &(*pp)->oid_next)
			continue;
		if (*pp != NULL && (*pp)->oid_number == oid->oid_number)
			panic("sysctl_init: %s.%s: number %d taken by %s",
			    parent->oid_name, oid->oid_name, oid->oid_number,
			    (*pp)->oid_name);
		oid->oid_next = *pp;
		*pp = oid;
	}
}

static struct sysctl_oid *
sysctl_child(struct sysctl_oid *node, int number)
{
	struct sysctl_oid *c;

	for (c = node->oid_children; c != NULL; c = c->oid_next)
		if (c->oid_number == number)
			return (c);
	return (NULL);
}

static bool
sysctl_isleaf(struct sysctl_oid *oid)
{

	return ((oid->oid_kind & CTLTYPE) != CTLTYPE_NODE ||
	    oid->oid_handler != NULL);
}

/*
 * Find the node a name refers to.  *depth gets the number of components
 * it took: a node with a handler takes the rest as its arguments.
 */
static int
sysctl_find(int *name, u_int namelen, struct sysctl_oid **oidp, u_int *depth)
{
	struct sysctl_oid *oid = &sysctl_;
	u_int i;

	for (i = 0; i < namelen; i++) {
		if ((oid->oid_kind & CTLTYPE) != CTLTYPE_NODE)
			return (ENOTDIR);
		if ((oid = sysctl_child(oid, name[i])) == NULL)
			return (ENOENT);
		if (oid->oid_handler != NULL)
			break;
	}
	*oidp = oid;
	*depth = i < namelen ? i + 1 : namelen;
	return (0);
}

/*
 * Produce len bytes of the value.  With no buffer only the size is
 * counted; a buffer too small gets what fits, and ENOMEM.
 */
int
sysctl_out(struct sysctl_req *req, const void *p, size_t len)
{
	size_t i = req->oldidx, n;
	int error;

	req->oldidx += len;
	if (req->oldptr == NULL)
		return (0);
	if (i >= req->oldlen)
		return (len == 0 ? 0 : ENOMEM);
	n = umin(len, req->oldlen - i);
	if ((error = copyout(p, (char *)req->oldptr + i, n)) != 0)
		return (error);
	return (n < len ? ENOMEM : 0);
}

/* Take len bytes of the new value; EINVAL if there are not that many. */
int
sysctl_in(struct sysctl_req *req, void *p, size_t len)
{
	int error;

	if (req->newptr == NULL)
		return (0);
	if (len > req->newlen - req->newidx)
		return (EINVAL);
	if ((error = copyin((const char *)req->newptr + req->newidx, p,
	    len)) != 0)
		return (error);
	req->newidx += len;
	return (0);
}

/* An int at arg1, or the constant arg2 when arg1 is NULL. */
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

/* A string at arg1, in a buffer of arg2 bytes. */
int
sysctl_handle_string(SYSCTL_HANDLER_ARGS)
{
	char *s = arg1;
	int error;

	if ((error = SYSCTL_OUT(req, s, strlen(s) + 1)) != 0 ||
	    req->newptr == NULL)
		return (error);
	if (req->newlen >= (size_t)arg2)
		return (EINVAL);
	if ((error = SYSCTL_IN(req, s, req->newlen)) != 0)
		return (error);
	s[req->newlen] = '\0';
	return (0);
}

/* arg2 bytes at arg1, read only. */
int
sysctl_handle_opaque(SYSCTL_HANDLER_ARGS)
{

	if (req->newptr != NULL)
		return (EPERM);
	return (SYSCTL_OUT(req, arg1, arg2));
}

static int
sysctl_root(int *name, u_int namelen, struct sysctl_req *req)
{
	struct sysctl_oid *oid;
	u_int depth;
	int error;

	if ((error = sysctl_find(name, namelen, &oid, &depth)) != 0)
		return (error);
	if (!sysctl_isleaf(oid))
		return (EISDIR);
	if (depth < namelen && oid->oid_handler != NULL &&
	    (oid->oid_kind & CTLTYPE) != CTLTYPE_NODE)
		return (ENOTDIR);
	if ((oid->oid_kind & CTLFLAG_ROOTONLY) && suser(req->p) != 0)
		return (EPERM);
	if (req->newptr != NULL) {
		if ((oid->oid_kind & CTLFLAG_WR) == 0)
			return (EPERM);
		if ((oid->oid_kind & CTLFLAG_ANYBODY) == 0 &&
		    suser(req->p) != 0)
			return (EPERM);
	}
	return (oid->oid_handler(oid, oid->oid_arg1, oid->oid_arg2, req,
	    name + depth, namelen - depth));
}

/* {0, 1, oid...}: the dotted name. */
static int
sysctl_meta_name(int *name, u_int namelen, struct sysctl_req *req)
{
	struct sysctl_oid *oid = &sysctl_;
	u_int i;
	int error;

	for (i = 0; i < namelen; i++) {
		if ((oid->oid_kind & CTLTYPE) != CTLTYPE_NODE ||
		    (oid = sysctl_child(oid, name[i])) == NULL)
			return (ENOENT);
		if (i > 0 && (error = SYSCTL_OUT(req, ".", 1)) != 0)
			return (error);
		if ((error = SYSCTL_OUT(req, oid->oid_name,
		    strlen(oid->oid_name))) != 0)
			return (error);
	}
	return (SYSCTL_OUT(req, "", 1));
}

/*
 * Depth-first search for the first leaf whose name comes after `name'
 * in number order; path/len track where the search is.
 */
static bool
sysctl_next_leaf(struct sysctl_oid *node, int *path, u_int len, int *name,
    u_int namelen, u_int *outlen)
{
	struct sysctl_oid *c;
	u_int i;
	int cmp;

	if (len >= CTL_MAXNAME)
		return (false);
	for (c = node->oid_children; c != NULL; c = c->oid_next) {
		path[len] = c->oid_number;
		/* Compare path[0..len] with name. */
		cmp = 0;
		for (i = 0; i <= len && cmp == 0; i++) {
			if (i >= namelen)
				cmp = 1;
			else if (path[i] != name[i])
				cmp = path[i] < name[i] ? -1 : 1;
		}
		if (cmp < 0)
			continue;		/* this subtree is all before */
		if (sysctl_isleaf(c)) {
			if (cmp > 0) {
				*outlen = len + 1;
				return (true);
			}
			continue;		/* equal: the leaf itself */
		}
		if (sysctl_next_leaf(c, path, len + 1, name,
		    cmp > 0 ? 0 : namelen, outlen))
			return (true);
	}
	return (false);
}

/* {0, 2, oid...}: the next leaf. */
static int
sysctl_meta_next(int *name, u_int namelen, struct sysctl_req *req)
{
	int path[CTL_MAXNAME];
	u_int len;

	if (!sysctl_next_leaf(&sysctl_, path, 0, name, namelen, &len))
		return (ENOENT);
	return (SYSCTL_OUT(req, path, len * sizeof(int)));
}

/* {0, 3} with a name as the new value: its oid. */
static int
sysctl_meta_name2oid(struct sysctl_req *req)
{
	struct sysctl_oid *oid = &sysctl_, *c;
	int path[CTL_MAXNAME], error;
	char buf[256], *p, *dot;
	u_int len = 0;

	if (req->newptr == NULL || req->newlen == 0 ||
	    req->newlen >= sizeof(buf))
		return (req->newlen >= sizeof(buf) ? ENAMETOOLONG : ENOENT);
	if ((error = SYSCTL_IN(req, buf, req->newlen)) != 0)
		return (error);
	buf[req->newlen] = '\0';
	for (p = buf; p != NULL; p = dot) {
		if ((dot = strchr(p, '.')) != NULL)
			*dot++ = '\0';
		if ((oid->oid_kind & CTLTYPE) != CTLTYPE_NODE ||
		    len == CTL_MAXNAME)
			return (ENOENT);
		for (c = oid->oid_children; c != NULL; c = c->oid_next)
			if (strcmp(c->oid_name, p) == 0)
				break;
		if (c == NULL)
			return (ENOENT);
		path[len++] = c->oid_number;
		oid = c;
	}
	return (SYSCTL_OUT(req, path, len * sizeof(int)));
}

/* {0, 4, oid...}: the kind, then the format. */
static int
sysctl_meta_oidfmt(int *name, u_int namelen, struct sysctl_req *req)
{
	struct sysctl_oid *oid;
	u_int depth;
	int error;

	if ((error = sysctl_find(name, namelen, &oid, &depth)) != 0)
		return (error);
	if (depth != namelen)
		return (ENOENT);
	if ((error = SYSCTL_OUT(req, &oid->oid_kind,
	    sizeof(oid->oid_kind))) != 0)
		return (error);
	return (SYSCTL_OUT(req, oid->oid_fmt, strlen(oid->oid_fmt) + 1));
}

int
sys___sysctl(struct proc *p, struct __sysctl_args *uap, register_t *retval)
{
	int name[CTL_MAXNAME], error;
	struct sysctl_req req;
	size_t oldlen = 0;

	if (uap->namelen < 1 || uap->namelen > CTL_MAXNAME)
		return (EINVAL);
	if ((error = copyin(uap->name, name, uap->namelen * sizeof(int))) != 0)
		return (error);
	if (uap->oldlenp != NULL &&
	    (error = copyin(uap->oldlenp, &oldlen, sizeof(oldlen))) != 0)
		return (error);
	if (uap->old != NULL && uap->oldlenp == NULL)
		return (EINVAL);
	memset(&req, 0, sizeof(req));
	req.p = p;
	req.oldptr = uap->old;
	req.oldlen = oldlen;
	req.newptr = uap->new;
	req.newlen = uap->newlen;

	if (name[0] != 0)
		error = sysctl_root(name, uap->namelen, &req);
	else if (uap->namelen >= 2 && name[1] == 1)
		error = sysctl_meta_name(name + 2, uap->namelen - 2, &req);
	else if (uap->namelen >= 2 && name[1] == 2)
		error = sysctl_meta_next(name + 2, uap->namelen - 2, &req);
	else if (uap->namelen == 2 && name[1] == 3)
		error = sysctl_meta_name2oid(&req);
	else if (uap->namelen >= 2 && name[1] == 4)
		error = sysctl_meta_oidfmt(name + 2, uap->namelen - 2, &req);
	else
		error = ENOENT;

	if (uap->oldlenp != NULL && (error == 0 || error == ENOMEM)) {
		oldlen = req.oldidx;
		if (copyout(&oldlen, uap->oldlenp, sizeof(oldlen)) != 0)
			error = EFAULT;
	}
	return (error);
}

/*
 * kern.proc.all, kern.proc.pid.<pid>: struct kinfo_proc records; arg2
 * says which.  (kern.proc.vmmap is in vm/vm_objinfo.c.)
 */
static int
sysctl_kern_proc(SYSCTL_HANDLER_ARGS)
{
	struct kinfo_proc *buf;
	struct proc *q;
	struct proclist *lists[] = { &allproc, &zombproc };
	int n, max, i, error;

	if (arg2 == KERN_PROC_PID) {
		if (namelen != 1)
			return (namelen == 0 ? EISDIR : ENOTDIR);
		if ((q = pfind(name[0])) == NULL && (q = zpfind(name[0])) == NULL)
			return (ESRCH);
	}
	if (req->newptr != NULL)
		return (EPERM);
	max = nprocs + 8;
	buf = malloc(max * sizeof(*buf), M_TEMP, M_WAITOK);
	n = 0;
	for (i = 0; i < 2; i++)
		LIST_FOREACH(q, lists[i], p_list) {
			if (arg2 == KERN_PROC_PID && q->p_pid != name[0])
				continue;
			if (n < max)
				fill_kinfo_proc(q, &buf[n]);
			n++;
		}
	if (n > max)
		n = max;
	if (req->oldptr == NULL)
		n += arg2 == KERN_PROC_ALL ? 4 : 0;	/* room to grow */
	error = SYSCTL_OUT(req, buf, n * sizeof(*buf));
	free(buf, M_TEMP);
	return (error);
}

static char hostname[MAXHOSTNAMELEN] = "umbra";
extern time_t boottime_sec;

static int
sysctl_kern_boottime(SYSCTL_HANDLER_ARGS)
{
	struct timeval tv;

	tv.tv_sec = boottime_sec;
	tv.tv_usec = 0;
	return (sysctl_handle_opaque(oidp, &tv, sizeof(tv), req, name,
	    namelen));
}

/* kern.malloc: one line per type: name, allocations, bytes. */
static int
sysctl_kern_malloc(SYSCTL_HANDLER_ARGS)
{
	struct malloc_type *t;
	char *buf;
	size_t len = 0, size = 4096;
	int error;

	buf = malloc(size, M_TEMP, M_WAITOK);
	len = snprintf(buf, size, "%-10s %8s %10s %8s\n", "type", "inuse",
	    "bytes", "calls");
	for (t = malloc_types(); t != NULL && len < size; t = t->ks_next)
		len += snprintf(buf + len, size - len, "%-10s %8ld %10ld %8ld\n",
		    t->ks_shortdesc, t->ks_inuse, t->ks_memuse, t->ks_calls);
	error = SYSCTL_OUT(req, buf, umin(len, size - 1) + 1);
	free(buf, M_TEMP);
	return (error);
}

SYSCTL_NODE(, CTL_KERN, kern, CTLFLAG_RD, NULL, "High kernel");
SYSCTL_NODE(, CTL_VM, vm, CTLFLAG_RD, NULL, "Virtual memory");
SYSCTL_NODE(, CTL_VFS, vfs, CTLFLAG_RD, NULL, "File systems");
SYSCTL_NODE(, CTL_HW, hw, CTLFLAG_RD, NULL, "Hardware");

SYSCTL_STRING(_kern, KERN_OSTYPE, ostype, CTLFLAG_RD, "Umbra", 0,
    "Operating system type");
SYSCTL_STRING(_kern, KERN_OSRELEASE, osrelease, CTLFLAG_RD, "0.1", 0,
    "Operating system release");
SYSCTL_STRING(_kern, KERN_VERSION, version, CTLFLAG_RD, version, 0,
    "Kernel version");
SYSCTL_STRING(_kern, KERN_HOSTNAME, hostname, CTLFLAG_RW, hostname,
    sizeof(hostname), "Host name");
SYSCTL_CONST_INT(_kern, KERN_MAXPROC, maxproc, MAXPROC,
    "Maximum number of processes");
SYSCTL_INT(_kern, KERN_HZ, hz, CTLFLAG_RD, &hz, "Clock ticks per second");
SYSCTL_PROC(_kern, KERN_BOOTTIME, boottime, CTLTYPE_STRUCT | CTLFLAG_RD,
    NULL, 0, sysctl_kern_boottime, "S,timeval", "Time of boot");
SYSCTL_NODE(_kern, KERN_PROC, proc, CTLFLAG_RD, NULL, "Processes");
SYSCTL_PROC(_kern_proc, KERN_PROC_ALL, all, CTLTYPE_STRUCT | CTLFLAG_RD |
    CTLFLAG_SKIP, NULL, KERN_PROC_ALL, sysctl_kern_proc, "S,kinfo_proc",
    "Every process");
SYSCTL_PROC(_kern_proc, KERN_PROC_PID, pid, CTLTYPE_NODE | CTLFLAG_RD |
    CTLFLAG_SKIP, NULL, KERN_PROC_PID, sysctl_kern_proc, "S,kinfo_proc",
    "One process, by id: kern.proc.pid.<pid>");
SYSCTL_PROC(_kern, OID_AUTO, malloc, CTLTYPE_STRING | CTLFLAG_RD, NULL, 0,
    sysctl_kern_malloc, "A", "Kernel memory by type");
SYSCTL_UINT(_kern, OID_AUTO, malloc_pages, CTLFLAG_RD, &malloc_bucket_pages,
    "Pages carved into malloc's small buckets");
SYSCTL_INT(_kern, OID_AUTO, nprocs, CTLFLAG_RD, &nprocs,
    "Number of processes");

SYSCTL_STRING(_hw, HW_MACHINE, machine, CTLFLAG_RD, MACHINE, 0,
    "Machine class");
SYSCTL_CONST_INT(_hw, HW_NCPU, ncpu, 1, "Number of CPUs");
SYSCTL_UINT(_hw, HW_PHYSMEM, physmem, CTLFLAG_RD, &physmem_bytes,
    "Memory managed by the VM, bytes");
SYSCTL_CONST_INT(_hw, HW_PAGESIZE, pagesize, PAGE_SIZE, "Page size");
