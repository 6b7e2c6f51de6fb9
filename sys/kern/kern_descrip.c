/*
 * kern_descrip.c: file descriptors: the per-process table, open file
 * structures and their reference counts, and the calls that work on
 * descriptors alone: close, dup, dup2, fcntl, fstat.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/sysproto.h>

MALLOC_DEFINE(M_FILE, "file", "open files and descriptor tables");

/* The open file behind descriptor fd, or EBADF. */
int
fd_getfile(struct proc *p, int fd, struct file **fpp)
{

	if (fd < 0 || fd >= NOFILE || p->p_fd->fd_ofiles[fd] == NULL)
		return (EBADF);
	*fpp = p->p_fd->fd_ofiles[fd];
	return (0);
}

/* The lowest free descriptor at or above `from', or -1. */
static int
fd_alloc(struct filedesc *fdp, int from)
{
	int i;

	for (i = from; i < NOFILE; i++)
		if (fdp->fd_ofiles[i] == NULL)
			return (i);
	return (-1);
}

/*
 * A new open file and the lowest free descriptor for it.  The file has
 * one reference, the descriptor's; the caller fills it in.
 */
int
falloc(struct proc *p, struct file **fpp, int *fdp)
{
	struct file *fp;
	int fd;

	if ((fd = fd_alloc(p->p_fd, 0)) < 0)
		return (EMFILE);
	fp = malloc(sizeof(*fp), M_FILE, M_WAITOK | M_ZERO);
	fp->f_count = 1;
	p->p_fd->fd_ofiles[fd] = fp;
	p->p_fd->fd_ofileflags[fd] = 0;
	*fpp = fp;
	*fdp = fd;
	return (0);
}

/* Free a file that never got its operations (falloc then failure). */
void
ffree(struct file *fp)
{

	free(fp, M_FILE);
}

/* Drop a reference to an open file; the last one closes it. */
int
closef(struct file *fp)
{
	int error = 0;

	KASSERT(fp->f_count > 0, ("closef: file not open"));
	if (--fp->f_count > 0)
		return (0);
	if (fp->f_ops != NULL)
		error = fp->f_ops->fo_close(fp);
	free(fp, M_FILE);
	return (error);
}

/* Close descriptor fd of p. */
static int
fd_close(struct proc *p, int fd)
{
	struct file *fp = p->p_fd->fd_ofiles[fd];

	p->p_fd->fd_ofiles[fd] = NULL;
	p->p_fd->fd_ofileflags[fd] = 0;
	return (closef(fp));
}

struct filedesc *
fdinit(void)
{

	return (malloc(sizeof(struct filedesc), M_FILE, M_WAITOK | M_ZERO));
}

/* fork: the child's table names the same open files. */
struct filedesc *
fdcopy(struct filedesc *fdp)
{
	struct filedesc *new = fdinit();
	int i;

	for (i = 0; i < NOFILE; i++) {
		if (fdp->fd_ofiles[i] != NULL) {
			new->fd_ofiles[i] = fdp->fd_ofiles[i];
			new->fd_ofiles[i]->f_count++;
			new->fd_ofileflags[i] = fdp->fd_ofileflags[i];
		}
	}
	return (new);
}

/* exit: close everything. */
void
fdfree(struct proc *p)
{
	struct filedesc *fdp = p->p_fd;
	int i;

	if (fdp == NULL)
		return;
	for (i = 0; i < NOFILE; i++)
		if (fdp->fd_ofiles[i] != NULL)
			fd_close(p, i);
	p->p_fd = NULL;
	free(fdp, M_FILE);
}

/* exec: close the descriptors marked close-on-exec. */
void
fdcloseexec(struct proc *p)
{
	int i;

	for (i = 0; i < NOFILE; i++)
		if (p->p_fd->fd_ofiles[i] != NULL &&
		    (p->p_fd->fd_ofileflags[i] & UF_EXCLOSE))
			fd_close(p, i);
}

int
sys_close(struct proc *p, struct close_args *uap, register_t *retval)
{
	struct file *fp;
	int error;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	return (fd_close(p, uap->fd));
}

/* Make descriptor `new' name the same file as `old'. */
static int
fd_dup(struct proc *p, int old, int new, register_t *retval)
{
	struct filedesc *fdp = p->p_fd;
	struct file *fp = fdp->fd_ofiles[old];

	if (fdp->fd_ofiles[new] != NULL)
		fd_close(p, new);
	fdp->fd_ofiles[new] = fp;
	fdp->fd_ofileflags[new] = 0;
	fp->f_count++;
	retval[0] = new;
	return (0);
}

int
sys_dup(struct proc *p, struct dup_args *uap, register_t *retval)
{
	struct file *fp;
	int error, new;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	if ((new = fd_alloc(p->p_fd, 0)) < 0)
		return (EMFILE);
	return (fd_dup(p, uap->fd, new, retval));
}

int
sys_dup2(struct proc *p, struct dup2_args *uap, register_t *retval)
{
	struct file *fp;
	int error;

	if ((error = fd_getfile(p, uap->from, &fp)) != 0)
		return (error);
	if (uap->to < 0 || uap->to >= NOFILE)
		return (EBADF);
	if (uap->from == uap->to) {
		retval[0] = uap->to;
		return (0);
	}
	return (fd_dup(p, uap->from, uap->to, retval));
}

int
sys_fcntl(struct proc *p, struct fcntl_args *uap, register_t *retval)
{
	struct filedesc *fdp = p->p_fd;
	struct file *fp;
	int error, new;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	switch (uap->cmd) {
	case F_DUPFD:
		if (uap->arg < 0 || uap->arg >= NOFILE)
			return (EINVAL);
		if ((new = fd_alloc(fdp, uap->arg)) < 0)
			return (EMFILE);
		return (fd_dup(p, uap->fd, new, retval));
	case F_GETFD:
		retval[0] = (fdp->fd_ofileflags[uap->fd] & UF_EXCLOSE) ?
		    FD_CLOEXEC : 0;
		return (0);
	case F_SETFD:
		if (uap->arg & FD_CLOEXEC)
			fdp->fd_ofileflags[uap->fd] |= UF_EXCLOSE;
		else
			fdp->fd_ofileflags[uap->fd] &= ~UF_EXCLOSE;
		return (0);
	case F_GETFL:
		retval[0] = OFLAGS(fp->f_flag);
		return (0);
	case F_SETFL:
		fp->f_flag = (fp->f_flag & ~FCNTLFLAGS) |
		    (uap->arg & FCNTLFLAGS);
		return (0);
	default:
		return (EINVAL);
	}
}

int
sys_fstat(struct proc *p, struct fstat_args *uap, register_t *retval)
{
	struct file *fp;
	struct stat sb;
	int error;

	if ((error = fd_getfile(p, uap->fd, &fp)) != 0)
		return (error);
	if ((error = fp->f_ops->fo_stat(fp, &sb)) != 0)
		return (error);
	return (copyout(&sb, uap->sb, sizeof(sb)));
}
