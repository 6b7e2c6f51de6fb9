/*
 * vfs_subr.c: what every file system shares: vnodes and their
 * reference counts, directories as lists of vnodes, permissions,
 * stat(2)'s view of a vnode, and a vnode's path.
 *
 * See vnode.h for the life of a vnode.  A directory's entries are its
 * children, in the order they were entered; each entry has a cookie,
 * the directory's counter at the time it was entered, which
 * getdirentries(2) uses as its offset.  Cookies only grow, so removing
 * or adding entries never makes a reader skip or repeat the entries it
 * has not read yet (an entry renamed meanwhile may be seen twice or
 * not at all, as in BSD).  Cookies 0 and 1 stand for "." and "..".
 *
 * Nothing here sleeps except vnode_alloc and vn_namedup (memory) and
 * vrele (the file system's reclaim may sleep).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vnode.h>

MALLOC_DEFINE(M_VNODE, "vnode", "vnodes and their names");

extern time_t boottime_sec;

static ino_t vnode_next_ino = 2;	/* 2 is the ramdisk root, as in UFS */

/*
 * Fill in a new vnode of mp, of the given type and permissions, in no
 * directory and used by nobody, with its times set to now.  The file
 * system has allocated it (it may be the head of a larger structure).
 */
void
vnode_init(struct vnode *vp, struct mount *mp, enum vtype type, mode_t mode)
{

	memset(vp, 0, sizeof(*vp));
	vp->v_type = type;
	vp->v_mount = mp;
	vp->v_mode = mode & ALLPERMS;
	vp->v_ino = vnode_next_ino++;
	vp->v_nextcookie = 2;
	TAILQ_INIT(&vp->v_children);
	vn_settimes(vp, VT_ACCESS | VT_MODIFY | VT_CHANGE);
}

/* Free a vnode's name, when its file system frees the vnode. */
void
vnode_fini(struct vnode *vp)
{

	KASSERT(vp->v_nlink == 0 && vp->v_usecount == 0 &&
	    vp->v_nchildren == 0, ("vnode_fini: vnode %u still in use",
	    (u_int)vp->v_ino));
	free(vp->v_name, M_VNODE);
	vp->v_name = NULL;
}

/*
 * A copy of name (len bytes) as a string, for dir_enter.  flags are
 * malloc's: with M_KILLABLE, NULL if the process is killed meanwhile.
 */
char *
vn_namedup(const char *name, size_t len, int flags)
{
	char *s;

	if ((s = malloc(len + 1, M_VNODE, flags)) == NULL)
		return (NULL);
	memcpy(s, name, len);
	s[len] = '\0';
	return (s);
}

/* Free a name from vn_namedup that no vnode took (NULL: nothing). */
void
vn_namefree(char *name)
{

	free(name, M_VNODE);
}

/* The entry `name' (len bytes) of directory dvp, or NULL. */
struct vnode *
dir_lookup(struct vnode *dvp, const char *name, size_t len)
{
	struct vnode *vp;

	TAILQ_FOREACH(vp, &dvp->v_children, v_sibling)
		if (strncmp(vp->v_name, name, len) == 0 &&
		    vp->v_name[len] == '\0')
			return (vp);
	return (NULL);
}

/*
 * Enter vp in directory dvp under name, a string from vn_namedup that
 * vp now owns (its old name, if any, is freed).  A directory's parent
 * becomes dvp.
 * => vp is in no directory; no entry of dvp has that name.
 */
void
dir_enter(struct vnode *dvp, struct vnode *vp, char *name)
{

	KASSERT(dvp->v_type == VDIR && vp->v_nlink == 0,
	    ("dir_enter: %s into a non-directory or twice", name));
	free(vp->v_name, M_VNODE);
	vp->v_name = name;
	vp->v_parent = vp->v_type == VDIR ? dvp : NULL;
	vp->v_cookie = dvp->v_nextcookie++;
	vp->v_nlink = 1;
	TAILQ_INSERT_TAIL(&dvp->v_children, vp, v_sibling);
	dvp->v_nchildren++;
	vn_settimes(dvp, VT_MODIFY | VT_CHANGE);
}

/*
 * Take vp out of directory dvp.  It keeps its name (tools may still
 * show it) but no parent.  The caller holds a reference to vp and
 * drops it when done, which reclaims vp if nothing else uses it.
 */
void
dir_remove(struct vnode *dvp, struct vnode *vp)
{

	KASSERT(vp->v_nlink == 1 && vp->v_usecount > 0,
	    ("dir_remove: %s not entered, or not held", vp->v_name));
	TAILQ_REMOVE(&dvp->v_children, vp, v_sibling);
	dvp->v_nchildren--;
	vp->v_nlink = 0;
	vp->v_parent = NULL;
	vn_settimes(dvp, VT_MODIFY | VT_CHANGE);
	vn_settimes(vp, VT_CHANGE);
}

/* Hold vp across a sleep, or for an open file or a current directory. */
void
vref(struct vnode *vp)
{

	vp->v_usecount++;
}

/*
 * Let go of vp.  The last holder of a vnode that no directory names
 * reclaims it; that may sleep.
 */
void
vrele(struct vnode *vp)
{

	KASSERT(vp->v_usecount > 0, ("vrele: vnode %u not held",
	    (u_int)vp->v_ino));
	if (--vp->v_usecount == 0 && vp->v_nlink == 0)
		VOP_RECLAIM(vp);
}

/* Set the times `which' (VT_*) of vp to now. */
void
vn_settimes(struct vnode *vp, int which)
{
	time_t now = boottime_sec + (time_t)(uptime_ns() / 1000000000);

	if (which & VT_ACCESS)
		vp->v_atime = now;
	if (which & VT_MODIFY)
		vp->v_mtime = now;
	if (which & VT_CHANGE)
		vp->v_ctime = now;
}

/*
 * May p access vp with `mode' (VREAD, VWRITE, VEXEC)?  With real, the
 * real ids decide (access(2)), else the effective ones.  Root may do
 * anything, except execute a file no one may execute.
 */
int
vn_access(struct proc *p, struct vnode *vp, int mode, bool real)
{
	uid_t uid = real ? p->p_ruid : p->p_uid;
	gid_t gid = real ? p->p_rgid : p->p_gid;
	mode_t bits;

	if (uid == 0) {
		if ((mode & VEXEC) && vp->v_type != VDIR &&
		    (vp->v_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0)
			return (EACCES);
		return (0);
	}
	if (uid == vp->v_uid)
		bits = (vp->v_mode >> 6) & 7;
	else if (gid == vp->v_gid)
		bits = (vp->v_mode >> 3) & 7;
	else
		bits = vp->v_mode & 7;
	return ((bits & mode) == mode ? 0 : EACCES);
}

/*
 * May p remove or rename the entry vp of directory dvp, as far as the
 * sticky bit goes?  In a sticky directory only the file's owner, the
 * directory's owner and root may (EPERM).
 */
int
vn_sticky(struct proc *p, struct vnode *dvp, struct vnode *vp)
{

	if ((dvp->v_mode & S_ISVTX) == 0 || p->p_uid == 0 ||
	    p->p_uid == vp->v_uid || p->p_uid == dvp->v_uid)
		return (0);
	return (EPERM);
}

/*
 * Read len bytes of a regular file at off into kernel memory (exec).
 * Returns EIO for a short file.  May sleep (a /tmp file pages in).
 */
int
vn_read_kernel(struct vnode *vp, void *buf, size_t len, off_t off)
{
	struct uio uio;
	struct iovec iov;
	int error;

	if (vp->v_type != VREG || off < 0 || off + (off_t)len > vp->v_size)
		return (EIO);
	uio_init(&uio, &iov, buf, len, off, UIO_SYSSPACE, UIO_READ);
	if ((error = VOP_READ(vp, &uio)) != 0)
		return (error);
	return (uio.uio_resid == 0 ? 0 : EIO);
}

void
vn_stat(struct vnode *vp, struct stat *sb)
{
	static const mode_t type[] = {
		[VREG] = S_IFREG, [VDIR] = S_IFDIR, [VCHR] = S_IFCHR,
	};
	struct vnode *child;

	memset(sb, 0, sizeof(*sb));
	sb->st_dev = vp->v_mount->mnt_dev;
	sb->st_ino = vp->v_ino;
	sb->st_mode = type[vp->v_type] | vp->v_mode;
	sb->st_nlink = vp->v_nlink;
	if (vp->v_type == VDIR && vp->v_nlink > 0) {
		/* Its entry, its ".", and each subdirectory's "..". */
		sb->st_nlink = 2;
		TAILQ_FOREACH(child, &vp->v_children, v_sibling)
			if (child->v_type == VDIR)
				sb->st_nlink++;
	}
	sb->st_uid = vp->v_uid;
	sb->st_gid = vp->v_gid;
	sb->st_rdev = vp->v_rdev;
	sb->st_atim.tv_sec = vp->v_atime;
	sb->st_mtim.tv_sec = vp->v_mtime;
	sb->st_ctim.tv_sec = vp->v_ctime;
	sb->st_size = vp->v_type == VREG ? vp->v_size : 0;
	sb->st_blocks = howmany(sb->st_size, DEV_BSIZE);
	sb->st_blksize = PAGE_SIZE;
}

/*
 * The absolute path of vp, built from its parents, in buf (size bytes).
 * Returns 0, ERANGE, or ENOENT for a directory that has been removed
 * (or is inside one).
 */
int
vn_path(struct vnode *vp, char *buf, size_t size)
{
	size_t len = 0, n;
	struct vnode *v;

	for (v = vp; v != rootvnode; v = v->v_parent) {
		if (v->v_parent == NULL)
			return (ENOENT);
		len += 1 + strlen(v->v_name);
	}
	if (len == 0)
		len = 1;
	if (len + 1 > size)
		return (ERANGE);
	buf[len] = '\0';
	buf[0] = '/';
	for (v = vp; v != rootvnode; v = v->v_parent) {
		n = strlen(v->v_name);
		len -= n;
		memcpy(buf + len, v->v_name, n);
		buf[--len] = '/';
	}
	return (0);
}
