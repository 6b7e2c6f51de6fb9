/*
 * vnode.h: files in the kernel.
 *
 * Umbra's only file system is the root ramdisk: a ustar archive that
 * the boot loader hands over as a Multiboot module (vfs_ustar.c).  At
 * mount every file, directory and device node gets a vnode, which lives
 * as long as the system: so vnodes are never counted or freed, and a
 * regular file's VM object (vnode_pager.c) is made once and kept.  The
 * tree is read-only.
 *
 * A directory's entries are its children; a character device's
 * operations are in cdevsw[major(v_rdev)] (sys/conf.h).
 */
#ifndef _SYS_VNODE_H_
#define _SYS_VNODE_H_

#include <sys/types.h>
#include <sys/queue.h>

enum vtype { VNON, VREG, VDIR, VCHR };

struct vnode {
	enum vtype		v_type;
	const char		*v_name;	/* name in the parent */
	struct vnode		*v_parent;	/* .. (the root's is itself) */
	LIST_HEAD(, vnode)	v_children;	/* VDIR: entries */
	LIST_ENTRY(vnode)	v_sibling;	/* in the parent's entries */
	int			v_nchildren;
	ino_t			v_ino;		/* file serial number */
	mode_t			v_mode;		/* permissions, no type */
	uid_t			v_uid;
	gid_t			v_gid;
	time_t			v_mtime;
	off_t			v_size;		/* VREG: bytes */
	const char		*v_data;	/* VREG: the bytes, in the ramdisk */
	dev_t			v_rdev;		/* VCHR: device number */
	struct vm_object	*v_object;	/* VREG: its pages */
};

extern struct vnode *rootvnode;

struct proc;
struct stat;
struct uio;

void	vfs_mountroot(void);
int	namei(struct proc *, const char *, struct vnode **);
int	vn_access(struct proc *, struct vnode *, int, bool);
int	vn_read_kernel(struct vnode *, void *, size_t, off_t);
void	vn_stat(struct vnode *, struct stat *);
int	vn_path(struct vnode *, char *, size_t);
struct vm_object *vnode_pager_alloc(struct vnode *);

/* vn_access() modes (as <unistd.h>'s R_OK etc.) */
#define	VREAD	0x04
#define	VWRITE	0x02
#define	VEXEC	0x01

#endif /* !_SYS_VNODE_H_ */
