/*
 * vfs_syscalls.c: the system calls that name files: open, stat, access,
 * chdir, getcwd, getdirentries, lseek.  The file system is read-only,
 * so anything that would change it fails with EROFS.  Devices can be
 * seeked (the disk's end is its size; the console ignores offsets).
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
#include <sys/unistd.h>
#include <sys/vnode.h>

#define	GETDIRENTRIES_MAX	(16 * 1024)	/* bytes returned at most */

extern const struct fileops vnops;

/* Copy a user path into a new kernel buffer and look it up. */
static int
user_namei(struct proc *p, const char *upath, struct vnode **vpp)
{
	char *path;
	int error;

	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = copyinstr(upath, path, MAXPATHLEN, NULL);
	if (error == 0)
		error = namei(p, path, vpp);
	free(path, M_TEMP);
	return (error);
}

int
sys_open(struct proc *p, struct open_args *uap, register_t *retval)
{
	int flags = FFLAGS(uap->flags), error, fd, mode = 0;
	struct vnode *vp;
	struct file *fp;

	if ((uap->flags & O_ACCMODE) == O_ACCMODE)
		return (EINVAL);
	error = user_namei(p, uap->path, &vp);
	if (error == ENOENT && (uap->flags & O_CREAT))
		return (EROFS);
	if (error != 0)
		return (error);
	if ((uap->flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return (EEXIST);
	if ((uap->flags & O_DIRECTORY) && vp->v_type != VDIR)
		return (ENOTDIR);
	if (flags & FREAD)
		mode |= VREAD;
	if (flags & (FWRITE | O_TRUNC))
		mode |= VWRITE;
	if (vp->v_type == VDIR && (mode & VWRITE))
		return (EISDIR);
	if (vp->v_type == VREG && (mode & VWRITE))
		return (EROFS);
	if ((error = vn_access(p, vp, mode, false)) != 0)
		return (error);
	if (vp->v_type == VCHR &&
	    (error = cdevsw[major(vp->v_rdev)].d_open(vp->v_rdev,
	    flags & FMASK, p)) != 0)
		return (error);
	if ((error = falloc(p, &fp, &fd)) != 0) {
		if (vp->v_type == VCHR)
			cdevsw[major(vp->v_rdev)].d_close(vp->v_rdev,
			    flags & FMASK, p);
		return (error);
	}
	fp->f_flag = flags & FMASK;
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = vp;
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
	if ((uap->amode & W_OK) && vp->v_type != VCHR)
		return (EROFS);
	return (vn_access(p, vp, uap->amode, true));
}

int
sys_chdir(struct proc *p, struct chdir_args *uap, register_t *retval)
{
	struct vnode *vp;
	int error;

	if ((error = user_namei(p, uap->path, &vp)) != 0)
		return (error);
	if (vp->v_type != VDIR)
		return (ENOTDIR);
	if ((error = vn_access(p, vp, VEXEC, false)) != 0)
		return (error);
	p->p_cwd = vp;
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
 * and ".." first, as whole struct dirent records.  The file offset
 * counts entries.
 */
int
sys_getdirentries(struct proc *p, struct getdirentries_args *uap,
    register_t *retval)
{
	struct dirent *d;
	struct vnode *dvp, *vp;
	struct file *fp;
	long base;
	int error, idx, n, len = 0, reclen, count;
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
	vp = LIST_FIRST(&dvp->v_children);
	for (idx = 0; idx < base - 2 && vp != NULL; idx++)
		vp = LIST_NEXT(vp, v_sibling);
	for (idx = base;; idx++) {
		const char *name;
		struct vnode *ent;

		if (idx == 0) {
			name = ".";
			ent = dvp;
		} else if (idx == 1) {
			name = "..";
			ent = dvp->v_parent;
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
		if (idx >= 2)
			vp = LIST_NEXT(vp, v_sibling);
	}
	error = copyout(buf, uap->buf, len);
	free(buf, M_TEMP);
	if (error == 0 && uap->basep != NULL)
		error = copyout(&base, uap->basep, sizeof(base));
	if (error != 0)
		return (error);
	fp->f_offset = idx;
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
