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

/* CTL_HW names. */
#define	HW_MACHINE	1	/* string: machine class */
#define	HW_NCPU		3	/* int: number of cpus */
#define	HW_PHYSMEM	5	/* int: total memory in bytes */
#define	HW_PAGESIZE	7	/* int: software page size */

/*
 * kern.proc.all, kern.proc.pid.PID: one record per process.  The first
 * field is the size of the record, so that a newer kernel can append
 * fields and an older tool still walks the array.
 */
#define	KI_NSTAT_NAMES	"?IRSTZ"
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
};

#ifndef _KERNEL
int	sysctl(const int *, unsigned int, void *, size_t *, const void *,
	    size_t);
int	sysctlbyname(const char *, void *, size_t *, const void *, size_t);
int	sysctlnametomib(const char *, int *, size_t *);
#endif

#endif /* !_SYS_SYSCTL_H_ */
