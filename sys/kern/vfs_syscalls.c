/*
 * vfs_syscalls.c: the system calls that name files: open, stat,
 * access, chdir, getcwd, getdirentries, lseek, and those that change
 * the tree or a file's size or times: mkdir, rmdir, unlink, rename,
 * truncate, ftruncate, utimes; and umask.
 *
 * The checks are the BSDs', in their order: the path (ENOENT, ENOTDIR,
 * EACCES for a directory on the way, ENAMETOOLONG), then EROFS for a
 * change to the read-only ramdisk, then what the call needs of the
 * file (EISDIR, ENOTDIR, EEXIST, ENOTEMPTY, EBUSY for /tmp itself,
 * EXDEV between file systems, EINVAL for "." and ".."), then
 * permission: write permission on a directory to change its entries
 * (EACCES), and in a sticky directory (such as /tmp) ownership of the
 * entry or the directory to remove or rename it (EPERM).
 *
 * Vnodes from namei() are valid until the next sleep (vnode.h).  The
 * calls that create a vnode sleep for its memory, so they look the
 * path up again afterwards, and use or free what they allocated
 * according to what they find then.  Every other change to the tree is
 * made without sleeping between its checks and its last step.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <sys/dirent.h>
#include <sys/disk.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/sysproto.h>
#include <sys/time.h>
#include <sys/unistd.h>
#include <sys/vnode.h>

#define	GETDIRENTRIES_MAX	(16 * 1024)	/* bytes returned at most */

extern const struct fileops vnops;

/* A user path in a new kernel buffer (MAXPATHLEN bytes), or an error. */
static int
path_copyin(const char *upath, char **pathp)
{
	char *path;
	int error;

	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	if ((error = copyinstr(upath, path, MAXPATHLEN, NULL)) != 0) {
		free(path, M_TEMP);
		return (error);
	}
	*pathp = path;
	return (0);
}

/* Copy a user path into a new kernel buffer and look it up. */
static int
user_namei(struct proc *p, const char *upath, struct vnode **vpp)
{
	char *path;
	int error;

	if ((error = path_copyin(upath, &path)) != 0)
		return (error);
	error = namei(p, path, vpp);
	free(path, M_TEMP);
	return (error);
}

/* Is the last component of nd "." or ".."? */
static bool
nd_isdot(const struct nameidata *nd)
{

	return (nd->ni_name[0] == '.' && (nd->ni_namelen == 1 ||
	    (nd->ni_namelen == 2 && nd->ni_name[1] == '.')));
}

static bool
vn_rdonly(struct vnode *vp)
{

	return ((vp->v_mount->mnt_flag & MNT_RDONLY) != 0);
}

/*
 * Create path as a new file of `type' (VREG or VDIR) with permissions
 * mode less p's umask, owned by p's effective user and the directory's
 * group.  If the
 * path exists: EEXIST with excl, else *vpp is the existing vnode and
 * *createdp false.  Returns the vnode referenced.
 */
static int
vn_create(struct proc *p, const char *path, enum vtype type, mode_t mode,
    bool excl, struct vnode **vpp, bool *createdp)
{
	struct nameidata nd;
	struct vnode *dvp, *vp = NULL;
	char *name = NULL;
	int error;

	for (;;) {
		if ((error = namei_parent(p, path, &nd)) != 0)
			break;
		dvp = nd.ni_dvp;
		if (nd.ni_vp != NULL) {
			if (excl) {
				error = EEXIST;
				break;
			}
			vref(nd.ni_vp);
			*vpp = nd.ni_vp;
			*createdp = false;
			break;
		}
		/* "a/" names a directory: a file cannot be made that way. */
		if (nd.ni_slash && type != VDIR) {
			error = EISDIR;
			break;
		}
		if (dvp->v_nlink == 0) {
			error = ENOENT;		/* a removed directory */
			break;
		}
		if (vn_rdonly(dvp)) {
			error = EROFS;
			break;
		}
		if ((error = vn_access(p, dvp, VWRITE, false)) != 0)
			break;
		if (vp != NULL && vp->v_mount == dvp->v_mount) {
			/* Nothing has slept since the lookup: enter it. */
			dir_enter(dvp, vp, name);
			vref(vp);
			*vpp = vp;
			*createdp = true;
			return (0);
		}
		/* Memory for the vnode and its name, then look again. */
		if (vp != NULL)
			VOP_RECLAIM(vp);
		vn_namefree(name);
		vp = NULL;
		name = NULL;
		if ((error = VOP_NEWNODE(dvp->v_mount, type,
		    mode & ~p->p_umask, p->p_uid, dvp->v_gid, &vp)) != 0) {
			vp = NULL;
			break;
		}
		if ((name = vn_namedup(nd.ni_name, nd.ni_namelen,
		    M_KILLABLE)) == NULL) {
			error = ENOMEM;
			break;
		}
	}
	/* Not used after all. */
	if (vp != NULL)
		VOP_RECLAIM(vp);
	vn_namefree(name);
	return (error);
}

/*
 * The vnode open(2) gives a file: path looked up, or created with
 * O_CREAT; checked against the open flags; truncated with O_TRUNC.
 * Returns it referenced.  A file open(2) creates is not checked
 * against its own permissions: its creator may open it as asked.
 */
static int
vn_open(struct proc *p, const char *path, int oflags, mode_t cmode,
    struct vnode **vpp)
{
	struct vnode *vp;
	bool created = false;
	int mode = 0, error;

	if (oflags & O_CREAT) {
		if ((error = vn_create(p, path, VREG, cmode & ALLPERMS,
		    (oflags & O_EXCL) != 0, &vp, &created)) != 0)
			return (error);
	} else {
		if ((error = namei(p, path, &vp)) != 0)
			return (error);
		vref(vp);
	}
	if (!created) {
		if (FFLAGS(oflags) & FREAD)
			mode |= VREAD;
		if (FFLAGS(oflags) & (FWRITE | O_TRUNC))
			mode |= VWRITE;
		if ((oflags & O_DIRECTORY) && vp->v_type != VDIR)
			error = ENOTDIR;
		else if (vp->v_type == VDIR && (mode & VWRITE))
			error = EISDIR;
		else if (vp->v_type == VREG && (mode & VWRITE) &&
		    vn_rdonly(vp))
			error = EROFS;
		else
			error = vn_access(p, vp, mode, false);
		if (error == 0 && vp->v_type == VREG && (oflags & O_TRUNC))
			error = VOP_TRUNCATE(vp, 0);
		if (error != 0) {
			vrele(vp);
			return (error);
		}
	}
	*vpp = vp;
	return (0);
}

int
sys_open(struct proc *p, struct open_args *uap, register_t *retval)
{
	int flags = FFLAGS(uap->flags), error, fd;
	struct vnode *vp;
	struct file *fp;
	char *path;

	if ((uap->flags & O_ACCMODE) == O_ACCMODE)
		return (EINVAL);
	if ((error = path_copyin(uap->path, &path)) != 0)
		return (error);
	error = vn_open(p, path, uap->flags, uap->mode, &vp);
	free(path, M_TEMP);
	if (error != 0)
		return (error);
	if (vp->v_type == VCHR &&
	    (error = cdevsw[major(vp->v_rdev)].d_open(vp->v_rdev,
	    flags & FMASK, p)) != 0) {
		vrele(vp);
		return (error);
	}
	if ((error = falloc(p, &fp, &fd)) != 0) {
		if (vp->v_type == VCHR)
			cdevsw[major(vp->v_rdev)].d_close(vp->v_rdev,
			    flags & FMASK, p);
		vrele(vp);
		return (error);
	}
	fp->f_flag = flags & FMASK;
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = vp;			/* the open file's reference */
	if (uap->flags & O_CLOEXEC)
		p->p_fd->fd_ofileflags[fd] |= UF_EXCLOSE;
	retval[0] = fd;
	return (0);
}

int
sys_stat(struct proc *p, struct stat_args *uap, register_t *retval)
{
	struct vnode *vp;
	struct stat sb;
	int error;

	if ((error = user_namei(p, uap->path, &vp)) != 0)
		return (error);
	vn_stat(vp, &sb);
	return (copyout(&sb, uap->ub, sizeof(sb)));
}

int
sys_access(struct proc *p, struct access_args *uap, register_t *retval)
{
	struct vnode *vp;
	int error;

	if (uap->amode & ~(R_OK | W_OK | X_OK))
		return (EINVAL);
	if ((error = user_namei(p, uap->path, &vp)) != 0)
		return (error);
	if ((uap->amode & W_OK) && vp->v_type != VCHR && vn_rdonly(vp))
		return (EROFS);
	return (vn_access(p, vp, uap->amode, true));
}

int
sys_chdir(struct proc *p, struct chdir_args *uap, register_t *retval)
{
	struct vnode *vp, *old;
	int error;

	if ((error = user_namei(p, uap->path, &vp)) != 0)
		return (error);
	if (vp->v_type != VDIR)
		return (ENOTDIR);
	if ((error = vn_access(p, vp, VEXEC, false)) != 0)
		return (error);
	old = p->p_cwd;
	vref(vp);
	p->p_cwd = vp;
	vrele(old);
	return (0);
}

int
sys___getcwd(struct proc *p, struct __getcwd_args *uap, register_t *retval)
{
	char path[MAXPATHLEN];
	int error;

	if (uap->buflen < 2)
		return (ERANGE);
	if ((error = vn_path(p->p_cwd, path, umin(uap->buflen,
	    sizeof(path)))) != 0)
		return (error);
	return (copyout(path, uap->buf, strlen(path) + 1));
}

/*
 * getdirentries(fd, buf, count, basep): the directory's entries, "."
 * and ".." first, as whole struct dirent records.  The file offset is
 * a cookie (vfs_subr.c): 0 and 1 for "." and "..", else the cookie of
 * the next entry to return.  A removed directory has only ".".
 */
int
sys_getdirentries(struct proc *p, struct getdirentries_args *uap,
    register_t *retval)
{
	struct dirent *d;
	struct vnode *dvp, *vp, *ent;
	struct file *fp;
	const char *name;
	long base, next;
	int error, n, len = 0, reclen, count;
	char *buf;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	if (fp->f_type != DTYPE_VNODE ||
	    ((struct vnode *)fp->f_data)->v_type != VDIR)
		return (ENOTDIR);
	if (uap->count < (int)_DIRENT_RECLEN(MAXNAMLEN))
		return (EINVAL);
	count = imin(uap->count, GETDIRENTRIES_MAX);
	dvp = fp->f_data;
	base = fp->f_offset;
	buf = malloc(count, M_TEMP, M_WAITOK | M_ZERO);
	/* From here to the copyout nothing sleeps. */
	vp = TAILQ_FIRST(&dvp->v_children);
	while (vp != NULL && vp->v_cookie < base)
		vp = TAILQ_NEXT(vp, v_sibling);
	for (next = base;;) {
		if (next == 0) {
			name = ".";
			ent = dvp;
		} else if (next == 1 && dvp->v_parent != NULL) {
			name = "..";
			ent = dvp->v_parent;
		} else if (next == 1) {
			next = 2;
			continue;
		} else if (vp != NULL) {
			name = vp->v_name;
			ent = vp;
		} else
			break;
		n = strlen(name);
		reclen = _DIRENT_RECLEN(n);
		if (len + reclen > count)
			break;
		d = (struct dirent *)(buf + len);
		d->d_fileno = ent->v_ino;
		d->d_reclen = reclen;
		d->d_type = ent->v_type == VDIR ? DT_DIR :
		    ent->v_type == VCHR ? DT_CHR : DT_REG;
		d->d_namlen = n;
		memcpy(d->d_name, name, n + 1);
		len += reclen;
		if (next < 2)
			next++;
		else {
			next = vp->v_cookie + 1;
			vp = TAILQ_NEXT(vp, v_sibling);
		}
	}
	error = copyout(buf, uap->buf, len);
	free(buf, M_TEMP);
	if (error == 0 && uap->basep != NULL)
		error = copyout(&base, uap->basep, sizeof(base));
	if (error != 0)
		return (error);
	fp->f_offset = next;
	retval[0] = len;
	return (0);
}

int
sys_lseek(struct proc *p, struct lseek_args *uap, register_t *retval)
{
	struct file *fp;
	struct vnode *vp;
	off_t off, size;
	uint32_t nsect;
	int error;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	if (fp->f_type != DTYPE_VNODE)
		return (ESPIPE);
	vp = fp->f_data;
	switch (uap->whence) {
	case SEEK_SET:
		off = uap->offset;
		break;
	case SEEK_CUR:
		off = fp->f_offset + uap->offset;
		break;
	case SEEK_END:
		size = vp->v_size;		/* a disk's is its capacity */
		if (vp->v_type == VCHR && disk_size(vp->v_rdev, &nsect) == 0)
			size = (off_t)nsect * DEV_BSIZE;
		off = size + uap->offset;
		break;
	default:
		return (EINVAL);
	}
	if (off < 0)
		return (EINVAL);
	fp->f_offset = off;
	retval[0] = (uint32_t)off;
	retval[1] = (uint32_t)((uint64_t)off >> 32);
	return (0);
}

/* umask(newmask): set the permissions new files are made without. */
int
sys_umask(struct proc *p, struct umask_args *uap, register_t *retval)
{

	retval[0] = p->p_umask;
	p->p_umask = uap->newmask & ALLPERMS;
	return (0);
}

/* mkdir(path, mode): a new, empty directory. */
int
sys_mkdir(struct proc *p, struct mkdir_args *uap, register_t *retval)
{
	struct vnode *vp;
	bool created;
	char *path;
	int error;

	if ((error = path_copyin(uap->path, &path)) != 0)
		return (error);
	error = vn_create(p, path, VDIR, uap->mode & ALLPERMS, true, &vp,
	    &created);
	free(path, M_TEMP);
	if (error == 0)
		vrele(vp);
	return (error);
}

/*
 * The checks unlink and rmdir share once the entry is known to exist
 * and be of the right kind: the file system is writable, p may write
 * the directory, and the sticky bit lets p remove this entry.
 */
static int
vn_remove_check(struct proc *p, struct vnode *dvp, struct vnode *vp)
{
	int error;

	if (vn_rdonly(dvp))
		return (EROFS);
	if ((error = vn_access(p, dvp, VWRITE, false)) != 0)
		return (error);
	return (vn_sticky(p, dvp, vp));
}

/* Take vp out of dvp; it goes when its last user lets go. */
static void
vn_remove(struct vnode *dvp, struct vnode *vp)
{

	vref(vp);
	dir_remove(dvp, vp);
	vrele(vp);
}

/* unlink(path): remove a file's name; directories are EPERM. */
int
sys_unlink(struct proc *p, struct unlink_args *uap, register_t *retval)
{
	struct nameidata nd;
	char *path;
	int error;

	if ((error = path_copyin(uap->path, &path)) != 0)
		return (error);
	if ((error = namei_parent(p, path, &nd)) == 0) {
		if (nd.ni_vp == NULL)
			error = ENOENT;
		else if (vn_rdonly(nd.ni_vp))
			error = EROFS;
		else if (nd.ni_vp->v_type == VDIR)
			error = EPERM;
		else if ((error = vn_remove_check(p, nd.ni_dvp,
		    nd.ni_vp)) == 0)
			vn_remove(nd.ni_dvp, nd.ni_vp);
	}
	free(path, M_TEMP);
	return (error);
}

/* rmdir(path): remove an empty directory. */
int
sys_rmdir(struct proc *p, struct rmdir_args *uap, register_t *retval)
{
	struct nameidata nd;
	struct vnode *vp;
	char *path;
	int error;

	if ((error = path_copyin(uap->path, &path)) != 0)
		return (error);
	if ((error = namei_parent(p, path, &nd)) != 0)
		goto out;
	vp = nd.ni_vp;
	if (vp == NULL)
		error = ENOENT;
	else if (vp->v_type != VDIR)
		error = ENOTDIR;
	else if (nd.ni_namelen == 1 && nd.ni_name[0] == '.')
		error = EINVAL;
	else if (nd_isdot(&nd))
		error = ENOTEMPTY;		/* "..": its parent has us */
	else if (vp == vp->v_mount->mnt_root)
		error = EBUSY;
	else if (vn_rdonly(vp))
		error = EROFS;
	else if (vp->v_nchildren != 0)
		error = ENOTEMPTY;
	else if ((error = vn_remove_check(p, nd.ni_dvp, vp)) == 0)
		vn_remove(nd.ni_dvp, vp);
out:
	free(path, M_TEMP);
	return (error);
}

/* Is vp dvp, or a directory below it? */
static bool
vn_isbelow(struct vnode *vp, struct vnode *dvp)
{

	for (; vp != NULL; vp = vp->v_parent) {
		if (vp == dvp)
			return (true);
		if (vp == rootvnode)
			break;
	}
	return (false);
}

/*
 * The checks of rename(from, to), in the BSDs' order, on the two
 * lookups.  Returns 0 if the rename may go ahead.
 */
static int
rename_check(struct proc *p, struct nameidata *fnd, struct nameidata *tnd)
{
	struct vnode *fdvp = fnd->ni_dvp, *fvp = fnd->ni_vp;
	struct vnode *tdvp = tnd->ni_dvp, *tvp = tnd->ni_vp;
	int error;

	if (fvp == NULL)
		return (ENOENT);
	if (nd_isdot(fnd) || nd_isdot(tnd))
		return (EINVAL);
	if (fvp == fvp->v_mount->mnt_root ||
	    (tvp != NULL && tvp == tvp->v_mount->mnt_root))
		return (EBUSY);
	if (fvp->v_mount != tdvp->v_mount)
		return (EXDEV);
	if (vn_rdonly(fvp))
		return (EROFS);
	if (tnd->ni_slash && tvp == NULL && fvp->v_type != VDIR)
		return (ENOTDIR);
	if (tvp != NULL) {
		if (fvp->v_type == VDIR && tvp->v_type != VDIR)
			return (ENOTDIR);
		if (fvp->v_type != VDIR && tvp->v_type == VDIR)
			return (EISDIR);
		if (tvp->v_type == VDIR && tvp->v_nchildren != 0 && tvp != fvp)
			return (ENOTEMPTY);
	}
	if (fvp->v_type == VDIR && vn_isbelow(tdvp, fvp))
		return (EINVAL);		/* into itself */
	if (tdvp->v_nlink == 0)
		return (ENOENT);
	if ((error = vn_access(p, fdvp, VWRITE, false)) != 0 ||
	    (error = vn_access(p, tdvp, VWRITE, false)) != 0)
		return (error);
	/* A directory moving to a new parent rewrites its "..". */
	if (fvp->v_type == VDIR && fdvp != tdvp &&
	    (error = vn_access(p, fvp, VWRITE, false)) != 0)
		return (error);
	if ((error = vn_sticky(p, fdvp, fvp)) != 0)
		return (error);
	if (tvp != NULL && (error = vn_sticky(p, tdvp, tvp)) != 0)
		return (error);
	return (0);
}

/*
 * rename(from, to): give a file or directory a new name, replacing
 * what `to' names (a file, or an empty directory for a directory).
 * Renaming a file to itself does nothing.
 */
int
sys_rename(struct proc *p, struct rename_args *uap, register_t *retval)
{
	struct nameidata fnd, tnd;
	struct vnode *fvp, *tvp;
	char *from, *to, *name = NULL;
	int error;

	if ((error = path_copyin(uap->from, &from)) != 0)
		return (error);
	if ((error = path_copyin(uap->to, &to)) != 0) {
		free(from, M_TEMP);
		return (error);
	}
	for (;;) {
		if ((error = namei_parent(p, from, &fnd)) != 0 ||
		    (error = namei_parent(p, to, &tnd)) != 0 ||
		    (error = rename_check(p, &fnd, &tnd)) != 0)
			break;
		fvp = fnd.ni_vp;
		tvp = tnd.ni_vp;
		if (fvp == tvp)
			break;
		if (name == NULL) {
			/* Memory for the new name, then look again. */
			if ((name = vn_namedup(tnd.ni_name, tnd.ni_namelen,
			    M_KILLABLE)) == NULL) {
				error = ENOMEM;
				break;
			}
			continue;
		}
		/* Nothing has slept since the checks. */
		vref(fvp);
		if (tvp != NULL) {
			vref(tvp);
			dir_remove(tnd.ni_dvp, tvp);
		}
		dir_remove(fnd.ni_dvp, fvp);
		dir_enter(tnd.ni_dvp, fvp, name);
		name = NULL;
		if (tvp != NULL)
			vrele(tvp);
		vrele(fvp);
		break;
	}
	vn_namefree(name);
	free(from, M_TEMP);
	free(to, M_TEMP);
	return (error);
}

/* The checks truncate and ftruncate share, on a vnode. */
static int
vn_truncate(struct vnode *vp, off_t length)
{
	int error;

	if (length < 0)
		return (EINVAL);
	if (vp->v_type == VDIR)
		return (EISDIR);
	if (vp->v_type != VREG)
		return (EINVAL);
	if (vn_rdonly(vp))
		return (EROFS);
	vref(vp);
	error = VOP_TRUNCATE(vp, length);
	vrele(vp);
	return (error);
}

/* truncate(path, length): make a file length bytes long. */
int
sys_truncate(struct proc *p, struct truncate_args *uap, register_t *retval)
{
	struct vnode *vp;
	char *path;
	int error;

	if ((error = path_copyin(uap->path, &path)) != 0)
		return (error);
	if ((error = namei(p, path, &vp)) == 0) {
		if (vp->v_type == VREG && !vn_rdonly(vp) && uap->length >= 0)
			error = vn_access(p, vp, VWRITE, false);
		if (error == 0)
			error = vn_truncate(vp, uap->length);
	}
	free(path, M_TEMP);
	return (error);
}

/* ftruncate(fd, length): the same on a file open for writing. */
int
sys_ftruncate(struct proc *p, struct ftruncate_args *uap, register_t *retval)
{
	struct file *fp;
	int error;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	if (fp->f_type != DTYPE_VNODE || (fp->f_flag & FWRITE) == 0)
		return (EINVAL);
	return (vn_truncate(fp->f_data, uap->length));
}

/*
 * utimes(path, times): set a file's access and modification times, to
 * times[0] and times[1], or to now when times is NULL.  Setting them to
 * now needs ownership or write permission; setting given times needs
 * ownership (EPERM), as in BSD.
 */
int
sys_utimes(struct proc *p, struct utimes_args *uap, register_t *retval)
{
	struct timeval tv[2];
	struct vnode *vp;
	char *path;
	int error;

	if (uap->tptr != NULL &&
	    (error = copyin(uap->tptr, tv, sizeof(tv))) != 0)
		return (error);
	if ((error = path_copyin(uap->path, &path)) != 0)
		return (error);
	error = namei(p, path, &vp);
	free(path, M_TEMP);
	if (error != 0)
		return (error);
	if (vn_rdonly(vp))
		return (EROFS);
	if (p->p_uid != 0 && p->p_uid != vp->v_uid) {
		if (uap->tptr != NULL)
			return (EPERM);
		if ((error = vn_access(p, vp, VWRITE, false)) != 0)
			return (error);
	}
	if (uap->tptr == NULL)
		vn_settimes(vp, VT_ACCESS | VT_MODIFY | VT_CHANGE);
	else {
		if (tv[0].tv_usec < 0 || tv[0].tv_usec >= 1000000 ||
		    tv[1].tv_usec < 0 || tv[1].tv_usec >= 1000000)
			return (EINVAL);
		vp->v_atime = tv[0].tv_sec;
		vp->v_mtime = tv[1].tv_sec;
		vn_settimes(vp, VT_CHANGE);
	}
	return (0);
}
