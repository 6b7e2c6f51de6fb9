/*
 * sysctl.h: the sysctl(2) management information base, shared by the
 * kernel and userland.
 *
 * A variable is named by a path of integers, its MIB ("management
 * information base") name: {CTL_KERN, KERN_OSTYPE} is "kern.ostype".
 * Each node also has a text name, and the tree is self-describing
 * through the meta nodes under 0, which the sysctl(3) library functions
 * and the sysctl(8) tool use (the FreeBSD convention):
 *
 *	{0, 1, oid...}	old: the dotted name of oid
 *	{0, 2, oid...}	old: the oid of the next leaf after oid, in
 *			depth-first order ({0, 2} alone gives the first)
 *	{0, 3}		new: a dotted name (no NUL); old: its oid
 *	{0, 4, oid...}	old: the kind of oid (u_int: CTLTYPE_* and
 *			CTLFLAG_*) followed by its format string
 *
 * sysctl(2) itself: sysctl(name, namelen, oldp, oldlenp, newp, newlen).
 * With oldp NULL and oldlenp non-NULL it stores the size the value
 * needs (for tables, with room to grow) and returns 0.  Too small a
 * buffer gives ENOMEM, with as much as fits copied out.  Writing needs
 * CTLFLAG_WR; most writable nodes are writable by root only (EPERM).
 * An unknown name gives ENOENT, a name that is not a leaf EISDIR or
 * ENOTDIR as in FreeBSD.
 */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_

#include <sys/types.h>

#define	CTL_MAXNAME	24	/* largest number of components */

/* Kinds, in the low bits of the u_int that {0, 4} returns. */
#define	CTLTYPE		0xf	/* mask for the type */
#define	CTLTYPE_NODE	1	/* name is a node */
#define	CTLTYPE_INT	2	/* name describes an integer */
#define	CTLTYPE_STRING	3	/* name describes a string */
#define	CTLTYPE_S64	4	/* name describes a signed 64-bit number */
#define	CTLTYPE_OPAQUE	5	/* name describes a structure */
#define	CTLTYPE_STRUCT	CTLTYPE_OPAQUE
#define	CTLTYPE_UINT	6	/* name describes an unsigned integer */
#define	CTLTYPE_LONG	7	/* name describes a long */
#define	CTLTYPE_ULONG	8	/* name describes an unsigned long */
#define	CTLTYPE_U64	9	/* name describes an unsigned 64-bit number */

#define	CTLFLAG_RD	0x80000000U	/* allow reads of variable */
#define	CTLFLAG_WR	0x40000000U	/* allow writes to the variable */
#define	CTLFLAG_RW	(CTLFLAG_RD | CTLFLAG_WR)
#define	CTLFLAG_ANYBODY	0x10000000U	/* anybody may write, not just root */
#define	CTLFLAG_SKIP	0x01000000U	/* hidden from "sysctl -a" */
#define	CTLFLAG_ROOTONLY 0x00800000U	/* only root may read it */

/* Top-level names. */
#define	CTL_UNSPEC	0	/* the meta nodes */
#define	CTL_KERN	1	/* "high kernel": proc, limits */
#define	CTL_VM		2	/* virtual memory */
#define	CTL_VFS		3	/* file systems */
#define	CTL_DEBUG	5	/* debugging */
#define	CTL_HW		6	/* generic CPU/io */

/* CTL_KERN names. */
#define	KERN_OSTYPE	1	/* string: system type, "Umbra" */
#define	KERN_OSRELEASE	2	/* string: system release */
#define	KERN_VERSION	4	/* string: compile time info */
#define	KERN_MAXPROC	6	/* int: max processes */
#define	KERN_HOSTNAME	10	/* string: hostname */
#define	KERN_PROC	14	/* struct: process entries */
#define	KERN_BOOTTIME	21	/* struct: time kernel was booted */
#define	KERN_HZ		22	/* int: clock interrupts per second */

/* KERN_PROC subtypes. */
#define	KERN_PROC_ALL	0	/* everything */
#define	KERN_PROC_PID	1	/* by process id */
#define	KERN_PROC_VMMAP	32	/* map and object chains (root only) */

/* CTL_HW names. */
#define	HW_MACHINE	1	/* string: machine class */
#define	HW_NCPU		3	/* int: number of cpus */
#define	HW_PHYSMEM	5	/* int: total memory in bytes */
#define	HW_PAGESIZE	7	/* int: software page size */

/*
 * kern.proc.all, kern.proc.pid.PID: one record per process.  The first
 * field is the size of the record, so that a newer kernel can append
 * fields and an older tool still walks the array.  ki_anonres and
 * ki_swap count the resident pages and swap blocks of every anonymous
 * object the process's map reaches (down the backing chains), each
 * object once: memory it uses privately or shares with its relatives.
 */
#define	KI_NSTAT_NAMES	"?IRSTZ"
#define	KI_FLAG_SYSTEM	0x0001	/* ki_flag: a kernel thread (P_SYSTEM) */
#define	KI_FLAG_SINTR	0x0002	/* ki_flag: its sleep can be interrupted
				   by a signal (P_SINTR) */
#define	SIDL		1	/* being created by fork */
#define	SRUN		2	/* runnable, or running */
#define	SSLEEP		3	/* sleeping on an address */
#define	SSTOP		4	/* stopped */
#define	SZOMB		5	/* exited, waiting for its parent */

#define	KI_WMESGLEN	8
#define	KI_COMMLEN	20	/* MAXCOMLEN + 1 */
#define	KI_ARGSLEN	64

struct kinfo_proc {
	int		ki_structsize;		/* sizeof(struct kinfo_proc) */
	__pid_t		ki_pid;			/* process id */
	__pid_t		ki_ppid;		/* parent process id */
	__pid_t		ki_pgid;		/* process group id */
	__pid_t		ki_sid;			/* session id */
	__uid_t		ki_uid;			/* effective user id */
	__uid_t		ki_ruid;		/* real user id */
	int		ki_stat;		/* SIDL .. SZOMB */
	int		ki_flag;		/* P_* flags */
	__uint32_t	ki_size;		/* virtual size, bytes */
	__uint32_t	ki_rssize;		/* resident pages mapped */
	__int64_t	ki_start;		/* start time, ms since boot */
	__uint32_t	ki_cpticks;		/* clock ticks run */
	int		ki_exitstatus;		/* wait status, if SZOMB */
	char		ki_wmesg[KI_WMESGLEN];	/* what it sleeps on */
	char		ki_comm[KI_COMMLEN];	/* command name */
	char		ki_args[KI_ARGSLEN];	/* argv, joined by spaces */
	__uint32_t	ki_anonres;		/* resident anonymous pages */
	__uint32_t	ki_swap;		/* swap blocks */
};

/*
 * kern.cp_time: the clock ticks since boot that found the CPU in each
 * state, an array of CPUSTATES unsigned longs indexed by CP_*: running
 * a process in user mode, in the kernel, or idle (kern_clock.c).
 */
#define	CP_USER		0
#define	CP_SYS		1
#define	CP_IDLE		2
#define	CPUSTATES	3

/*
 * vm.object_audit (root only): every VM object checked.  An anonymous
 * object is reachable if some process's map reaches it, directly or
 * down a backing chain, or if a /tmp file holds it (`files' counts
 * those); one that is not is a leak, with its pages and swap blocks.  `broken' counts objects whose own bookkeeping is wrong
 * (page and shadow counts, pages out of range).
 */
struct vm_object_audit {
	int		oa_structsize;	/* sizeof(struct vm_object_audit) */
	__uint32_t	oa_objects;	/* objects alive */
	__uint32_t	oa_anon;	/* ... anonymous */
	__uint32_t	oa_reachable;	/* anonymous and reachable */
	__uint32_t	oa_unreachable;	/* anonymous and unreachable: leaked */
	__uint32_t	oa_leaked_pages; /* their resident pages */
	__uint32_t	oa_leaked_swap;	/* their swap blocks */
	__uint32_t	oa_broken;	/* objects failing their invariants */
	__uint32_t	oa_longest_chain; /* longest chain from a map entry */
	__uint32_t	oa_files;	/* anonymous and held by /tmp files */
};

#ifdef _KERNEL
/*
 * The kernel's side.  Each node is a static struct sysctl_oid declared
 * with the macros below, in the file that owns the variable; a linker
 * set collects them and sysctl_init() links each to its parent.  A name
 * such as vm.stats.free_count is declared as
 *
 *	SYSCTL_NODE(, CTL_VM, vm, CTLFLAG_RD, NULL, "virtual memory");
 *	SYSCTL_NODE(_vm, OID_AUTO, stats, CTLFLAG_RD, NULL, "counters");
 *	SYSCTL_UINT(_vm_stats, OID_AUTO, free_count, CTLFLAG_RD,
 *	    &vmcnt.v_free_count, "free pages");
 *
 * OID_AUTO numbers are given out from 256 up, per parent.  A handler
 * produces the value with SYSCTL_OUT and takes a new one with SYSCTL_IN
 * (req->newptr non-NULL when there is one); both may fault and sleep,
 * so a handler that walks a kernel list must first copy what it needs
 * into a buffer of its own.  A node with a handler gets the rest of the
 * name (kern.proc.pid.<pid>) in name/namelen.
 */
#define	OID_AUTO	(-1)

struct sysctl_req {
	struct proc	*p;
	void		*oldptr;	/* user buffer for the value, or NULL */
	size_t		oldlen;		/* its size */
	size_t		oldidx;		/* bytes produced so far */
	const void	*newptr;	/* user buffer with a new value, or NULL */
	size_t		newlen;
	size_t		newidx;		/* bytes consumed so far */
};

struct sysctl_oid;
#define	SYSCTL_HANDLER_ARGS	struct sysctl_oid *oidp, void *arg1, \
	intptr_t arg2, struct sysctl_req *req, int *name, u_int namelen
typedef int	sysctl_handler_t(SYSCTL_HANDLER_ARGS);

struct sysctl_oid {
	struct sysctl_oid	*oid_parent;
	struct sysctl_oid	*oid_children;	/* first child, by number */
	struct sysctl_oid	*oid_next;	/* next sibling */
	int			oid_number;
	u_int			oid_kind;	/* CTLTYPE_* | CTLFLAG_* */
	void			*oid_arg1;
	intptr_t		oid_arg2;
	const char		*oid_name;
	sysctl_handler_t	*oid_handler;
	const char		*oid_fmt;
	const char		*oid_descr;
};

extern struct sysctl_oid sysctl_;	/* the root */

#define	SYSCTL_DECL(name)	extern struct sysctl_oid sysctl_##name

#define	SYSCTL_OID(parent, nbr, name, kind, a1, a2, handler, fmt, descr) \
	struct sysctl_oid sysctl_##parent##_##name = {			\
		&sysctl_##parent, NULL, NULL, (nbr), (kind), (a1), (a2),\
		#name, (handler), (fmt), (descr) };			\
	static struct sysctl_oid *const __sysctl_set_##parent##_##name	\
	    __attribute__((section("set_sysctl"), used)) =		\
	    &sysctl_##parent##_##name

#define	SYSCTL_NODE(parent, nbr, name, access, handler, descr)	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_NODE | (access), NULL, 0, \
	    handler, "N", descr)
#define	SYSCTL_INT(parent, nbr, name, access, ptr, descr)		\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_INT | (access), ptr, 0,	\
	    sysctl_handle_int, "I", descr)
#define	SYSCTL_UINT(parent, nbr, name, access, ptr, descr)		\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_UINT | (access), ptr, 0,	\
	    sysctl_handle_int, "IU", descr)
#define	SYSCTL_CONST_INT(parent, nbr, name, val, descr)		\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_INT | CTLFLAG_RD, NULL,	\
	    (val), sysctl_handle_int, "I", descr)
#define	SYSCTL_STRING(parent, nbr, name, access, str, len, descr)	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_STRING | (access),	\
	    (void *)(str), (len), sysctl_handle_string, "A", descr)
#define	SYSCTL_PROC(parent, nbr, name, kind, a1, a2, handler, fmt, descr) \
	SYSCTL_OID(parent, nbr, name, (kind), a1, a2, handler, fmt, descr)

SYSCTL_DECL(_kern);
SYSCTL_DECL(_vm);
SYSCTL_DECL(_vfs);
SYSCTL_DECL(_hw);
SYSCTL_DECL(_debug);

int	sysctl_handle_int(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_string(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_opaque(SYSCTL_HANDLER_ARGS);
int	sysctl_out(struct sysctl_req *, const void *, size_t);
int	sysctl_in(struct sysctl_req *, void *, size_t);
#define	SYSCTL_OUT(req, p, l)	sysctl_out((req), (p), (l))
#define	SYSCTL_IN(req, p, l)	sysctl_in((req), (p), (l))
void	sysctl_init(void);

#else /* !_KERNEL */
int	sysctl(const int *, unsigned int, void *, size_t *, const void *,
	    size_t);
int	sysctlbyname(const char *, void *, size_t *, const void *, size_t);
int	sysctlnametomib(const char *, int *, size_t *);
/* kinfo_getallproc(3): kern.proc.all as an array, to free(); NULL, errno. */
struct kinfo_proc *kinfo_getallproc(int *);
#endif /* _KERNEL */

#endif /* !_SYS_SYSCTL_H_ */
