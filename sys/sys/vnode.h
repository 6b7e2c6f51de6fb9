/*
 * vnode.h: files in the kernel, and the file systems that hold them.
 *
 * Umbra has two file systems, each a `struct mount' with a table of
 * vnode operations:
 *	the root ramdisk	a read-only ustar archive that the boot
 *				loader hands over (vfs_ustar.c); its vnodes
 *				live as long as the system;
 *	/tmp			a memory file system whose files' pages are
 *				anonymous VM objects, paged to swap like any
 *				anonymous memory (vfs_tmpfs.c).
 * Both keep their directories the same way, as lists of child vnodes,
 * so name lookup (vfs_lookup.c) and the directory operations of the
 * system calls (vfs_syscalls.c) are shared; what differs is in the
 * operations table.  /tmp is mounted by making the tmpfs root the entry
 * "tmp" of the root directory: lookups cross into it, and its ".." is
 * the ramdisk root.
 *
 * Life of a vnode.  v_nlink counts the directory entries that name it
 * (0 or 1: there are no hard links; a directory counts its entry in its
 * parent).  v_usecount counts everything else that holds it: open
 * files, processes' current directories, and system calls that keep it
 * across a sleep.  A vnode that is in no directory and used by nobody
 * is reclaimed (VOP_RECLAIM) by whoever drops the last of either, so a
 * /tmp file removed while open lives until its last close; its object
 * lives on while mappings reference it.  Ramdisk vnodes are never
 * removed, so never reclaimed.
 *
 * namei() returns a vnode without a reference: it is valid until the
 * caller sleeps (the kernel is not preemptive), and a caller that
 * sleeps before it is done with the vnode takes a reference first
 * (vref, then vrele).
 *
 * A directory that has been removed keeps no entries and no parent
 * (v_parent NULL): lookups in it fail with ENOENT.
 */
#ifndef _SYS_VNODE_H_
#define _SYS_VNODE_H_

#include <sys/types.h>
#include <sys/queue.h>

enum vtype { VNON, VREG, VDIR, VCHR };

struct mount;
struct vnode;
struct proc;
struct stat;
struct uio;
struct vm_object;

TAILQ_HEAD(vnodelist, vnode);

struct vnode {
	enum vtype		v_type;
	struct mount		*v_mount;	/* its file system */
	int			v_usecount;	/* holders besides entries */
	int			v_nlink;	/* entries naming it: 0 or 1 */
	char			*v_name;	/* name in the parent */
	struct vnode		*v_parent;	/* .. (the root's is itself) */
	struct vnodelist	v_children;	/* VDIR: entries, by cookie */
	TAILQ_ENTRY(vnode)	v_sibling;	/* in the parent's entries */
	int			v_nchildren;	/* VDIR: entries */
	long			v_cookie;	/* getdirentries offset of our
						   entry in the parent */
	long			v_nextcookie;	/* VDIR: the next entry's */
	ino_t			v_ino;		/* file serial number */
	mode_t			v_mode;		/* permissions, no type */
	uid_t			v_uid;
	gid_t			v_gid;
	time_t			v_atime;	/* last read */
	time_t			v_mtime;	/* last change of the data */
	time_t			v_ctime;	/* last change of the inode */
	off_t			v_size;		/* VREG: bytes */
	const char		*v_data;	/* VREG, ramdisk: the bytes */
	dev_t			v_rdev;		/* VCHR: device number */
	struct vm_object	*v_object;	/* VREG: its pages */
};

/*
 * What a file system does for its vnodes.  The callers check
 * permissions, types and names first; these do the work.
 *	vop_read	read a VREG file's bytes into uio (from
 *			uio_offset, up to the end of the file)
 *	vop_write	write uio into a VREG file at uio_offset, or at
 *			its end with IO_APPEND (which also sets
 *			uio_offset); may write part and then fail
 *	vop_truncate	make a VREG file `length' bytes long; bytes past
 *			the old end read as zeros
 *	vop_newnode	a new vnode of the given type, mode and owner, in
 *			no directory yet (the caller enters it)
 *	vop_reclaim	free a vnode that is in no directory and that
 *			nobody uses any more (the caller has unlinked it)
 *	vop_getobject	the VM object of a VREG file, referenced, for a
 *			mapping that reaches byte `end' of it
 */
struct vnodeops {
	int	(*vop_read)(struct vnode *, struct uio *);
	int	(*vop_write)(struct vnode *, struct uio *, int);
	int	(*vop_truncate)(struct vnode *, off_t);
	int	(*vop_newnode)(struct mount *, enum vtype, mode_t, uid_t,
		    gid_t, struct vnode **);
	void	(*vop_reclaim)(struct vnode *);
	int	(*vop_getobject)(struct vnode *, off_t, struct vm_object **);
};

/* vop_write flags */
#define	IO_APPEND	0x0001		/* write at the end of the file */

struct mount {
	const char		*mnt_name;	/* where it is mounted */
	const struct vnodeops	*mnt_op;
	struct vnode		*mnt_root;	/* its root directory */
	int			mnt_flag;	/* MNT_* */
	dev_t			mnt_dev;	/* st_dev of its files */
	void			*mnt_data;	/* the file system's own */
};

/* mnt_flag */
#define	MNT_RDONLY	0x0001		/* read-only: writes get EROFS */

#define	VOP_READ(vp, uio) \
	((vp)->v_mount->mnt_op->vop_read((vp), (uio)))
#define	VOP_WRITE(vp, uio, ioflag) \
	((vp)->v_mount->mnt_op->vop_write((vp), (uio), (ioflag)))
#define	VOP_TRUNCATE(vp, length) \
	((vp)->v_mount->mnt_op->vop_truncate((vp), (length)))
#define	VOP_NEWNODE(mp, type, mode, uid, gid, vpp) \
	((mp)->mnt_op->vop_newnode((mp), (type), (mode), (uid), (gid), (vpp)))
#define	VOP_RECLAIM(vp) \
	((vp)->v_mount->mnt_op->vop_reclaim((vp)))
#define	VOP_GETOBJECT(vp, end, objp) \
	((vp)->v_mount->mnt_op->vop_getobject((vp), (end), (objp)))

/*
 * The result of namei_parent(): the directory that holds (or would
 * hold) a path's last component, and that component.  ni_name points
 * into the path; a path of slashes alone has the last component ".".
 */
struct nameidata {
	struct vnode	*ni_dvp;	/* the directory */
	struct vnode	*ni_vp;		/* the entry, or NULL if absent */
	const char	*ni_name;	/* last component (not terminated) */
	size_t		ni_namelen;
	bool		ni_slash;	/* the path ended with '/' */
};

extern struct vnode *rootvnode;

/* vfs_ustar.c */
void	vfs_mountroot(void);
/* vfs_tmpfs.c */
void	tmpfs_mount(const char *, const char *);
u_int	tmpfs_audit_mark(void);
bool	tmpfs_object_name(struct vm_object *, char *, size_t);
/* vfs_lookup.c */
int	namei(struct proc *, const char *, struct vnode **);
int	namei_parent(struct proc *, const char *, struct nameidata *);
/* vfs_subr.c */
void	vnode_init(struct vnode *, struct mount *, enum vtype, mode_t);
void	vnode_fini(struct vnode *);
char	*vn_namedup(const char *, size_t, int);
void	vn_namefree(char *);
struct vnode *dir_lookup(struct vnode *, const char *, size_t);
void	dir_enter(struct vnode *, struct vnode *, char *);
void	dir_remove(struct vnode *, struct vnode *);
void	vref(struct vnode *);
void	vrele(struct vnode *);
void	vn_settimes(struct vnode *, int);
int	vn_access(struct proc *, struct vnode *, int, bool);
int	vn_sticky(struct proc *, struct vnode *, struct vnode *);
int	vn_read_kernel(struct vnode *, void *, size_t, off_t);
void	vn_stat(struct vnode *, struct stat *);
int	vn_path(struct vnode *, char *, size_t);
struct vm_object *vnode_pager_alloc(struct vnode *);

/* vn_access() modes (as <unistd.h>'s R_OK etc.) */
#define	VREAD	0x04
#define	VWRITE	0x02
#define	VEXEC	0x01

/* vn_settimes() */
#define	VT_ACCESS	0x01		/* atime */
#define	VT_MODIFY	0x02		/* mtime */
#define	VT_CHANGE	0x04		/* ctime */

#endif /* !_SYS_VNODE_H_ */
