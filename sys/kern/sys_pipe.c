/*
 * sys_pipe.c: pipes.
 *
 * A pipe is one buffer of PIPE_SIZE bytes, a ring, with a reading end
 * and a writing end, each an open file.  Readers sleep while it is
 * empty and there are writers; writers sleep while it is full and there
 * are readers.  Writes of at most PIPE_BUF bytes are atomic: they wait
 * until they fit whole.  Writing with no reader left raises SIGPIPE and
 * fails with EPIPE.
 *
 * Copying to and from user space can fault and sleep, so each end has a
 * lock (PIPE_RLOCK, PIPE_WLOCK) that keeps two readers (or two writers)
 * from interleaving their copies; the ring indexes themselves are only
 * changed between sleeps.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/sysproto.h>
#include <sys/termios.h>
#include <sys/uio.h>

MALLOC_DEFINE(M_PIPE, "pipe", "pipes");

#define	PIPE_SIZE	4096
#define	PIPE_BUF	512		/* atomic writes, as POSIX's PIPE_BUF */

struct pipe {
	char	*pipe_buf;		/* the ring */
	size_t	pipe_start;		/* first byte to read */
	size_t	pipe_cnt;		/* bytes in the ring */
	int	pipe_readers;		/* open reading ends */
	int	pipe_writers;		/* open writing ends */
	int	pipe_flags;		/* PIPE_* */
};
#define	PIPE_RLOCK	0x01		/* a reader is copying */
#define	PIPE_WLOCK	0x02		/* a writer is copying */
#define	PIPE_WANTLOCK	0x04		/* someone waits for a lock */

static int
pipe_lock(struct pipe *pp, int which)
{
	int error;

	while (pp->pipe_flags & which) {
		pp->pipe_flags |= PIPE_WANTLOCK;
		if ((error = tsleep(&pp->pipe_flags, PCATCH, "pipelk", 0)) != 0)
			return (error);
	}
	pp->pipe_flags |= which;
	return (0);
}

static void
pipe_unlock(struct pipe *pp, int which)
{

	pp->pipe_flags &= ~which;
	if (pp->pipe_flags & PIPE_WANTLOCK) {
		pp->pipe_flags &= ~PIPE_WANTLOCK;
		wakeup(&pp->pipe_flags);
	}
}

static int
pipe_read(struct file *fp, struct uio *uio)
{
	struct pipe *pp = fp->f_data;
	size_t n;
	int error;

	if ((error = pipe_lock(pp, PIPE_RLOCK)) != 0)
		return (error);
	while (pp->pipe_cnt == 0) {
		if (pp->pipe_writers == 0)
			goto out;			/* end of file */
		if (fp->f_flag & FNONBLOCK) {
			error = EWOULDBLOCK;
			goto out;
		}
		if ((error = tsleep(pp, PCATCH, "piperd", 0)) != 0)
			goto out;
	}
	while (uio->uio_resid > 0 && pp->pipe_cnt > 0) {
		n = umin(pp->pipe_cnt, PIPE_SIZE - pp->pipe_start);
		n = umin(n, uio->uio_resid);
		if ((error = uiomove(pp->pipe_buf + pp->pipe_start, n,
		    uio)) != 0)
			break;
		pp->pipe_start = (pp->pipe_start + n) % PIPE_SIZE;
		pp->pipe_cnt -= n;
	}
	if (pp->pipe_cnt == 0)
		pp->pipe_start = 0;
	wakeup(pp);				/* writers waiting for room */
out:
	pipe_unlock(pp, PIPE_RLOCK);
	return (error);
}

static int
pipe_write(struct file *fp, struct uio *uio)
{
	struct proc *p = curproc;
	struct pipe *pp = fp->f_data;
	size_t n, space, end;
	int error;

	if ((error = pipe_lock(pp, PIPE_WLOCK)) != 0)
		return (error);
	while (uio->uio_resid > 0) {
		if (pp->pipe_readers == 0) {
			psignal(p, SIGPIPE);
			error = EPIPE;
			break;
		}
		space = PIPE_SIZE - pp->pipe_cnt;
		if (space == 0 ||
		    (uio->uio_resid <= PIPE_BUF && space < uio->uio_resid)) {
			if (fp->f_flag & FNONBLOCK) {
				error = EWOULDBLOCK;
				break;
			}
			wakeup(pp);
			if ((error = tsleep(pp, PCATCH, "pipewr", 0)) != 0)
				break;
			continue;
		}
		end = (pp->pipe_start + pp->pipe_cnt) % PIPE_SIZE;
		n = umin(space, PIPE_SIZE - end);
		n = umin(n, uio->uio_resid);
		if ((error = uiomove(pp->pipe_buf + end, n, uio)) != 0)
			break;
		pp->pipe_cnt += n;
		wakeup(pp);			/* readers waiting for data */
	}
	pipe_unlock(pp, PIPE_WLOCK);
	return (error);
}

static int
pipe_ioctl(struct file *fp, u_long com, void *data, struct proc *p)
{
	struct pipe *pp = fp->f_data;

	if (com == FIONREAD) {
		*(int *)data = pp->pipe_cnt;
		return (0);
	}
	return (ENOTTY);
}

static int
pipe_stat(struct file *fp, struct stat *sb)
{
	struct pipe *pp = fp->f_data;

	memset(sb, 0, sizeof(*sb));
	sb->st_mode = S_IFIFO | 0600;
	sb->st_nlink = 1;
	sb->st_uid = curproc->p_uid;
	sb->st_gid = curproc->p_gid;
	sb->st_size = pp->pipe_cnt;
	sb->st_blksize = PIPE_SIZE;
	return (0);
}

static int
pipe_close(struct file *fp)
{
	struct pipe *pp = fp->f_data;

	if (fp->f_flag & FREAD)
		pp->pipe_readers--;
	if (fp->f_flag & FWRITE)
		pp->pipe_writers--;
	wakeup(pp);
	if (pp->pipe_readers == 0 && pp->pipe_writers == 0) {
		free(pp->pipe_buf, M_PIPE);
		free(pp, M_PIPE);
	}
	return (0);
}

static const struct fileops pipeops = {
	.fo_read = pipe_read,
	.fo_write = pipe_write,
	.fo_ioctl = pipe_ioctl,
	.fo_stat = pipe_stat,
	.fo_close = pipe_close,
};

int
sys_pipe(struct proc *p, struct pipe_args *uap, register_t *retval)
{
	struct file *rf, *wf;
	struct pipe *pp;
	int fds[2], error;

	if (!useracc_range(uap->fildes, sizeof(fds)) || uap->fildes == NULL)
		return (EFAULT);
	pp = malloc(sizeof(*pp), M_PIPE, M_WAITOK | M_ZERO);
	if ((pp->pipe_buf = malloc(PIPE_SIZE, M_PIPE, M_WAITOK)) == NULL) {
		free(pp, M_PIPE);
		return (ENFILE);	/* kernel virtual space is full */
	}
	if ((error = falloc(p, &rf, &fds[0])) != 0)
		goto fail;
	if ((error = falloc(p, &wf, &fds[1])) != 0) {
		p->p_fd->fd_ofiles[fds[0]] = NULL;
		ffree(rf);
		goto fail;
	}
	rf->f_flag = FREAD;
	wf->f_flag = FWRITE;
	rf->f_type = wf->f_type = DTYPE_PIPE;
	rf->f_ops = wf->f_ops = &pipeops;
	rf->f_data = wf->f_data = pp;
	pp->pipe_readers = pp->pipe_writers = 1;
	if ((error = copyout(fds, uap->fildes, sizeof(fds))) != 0) {
		/* Closing both ends frees the pipe. */
		p->p_fd->fd_ofiles[fds[0]] = NULL;
		p->p_fd->fd_ofiles[fds[1]] = NULL;
		closef(rf);
		closef(wf);
		return (error);
	}
	return (0);
fail:
	free(pp->pipe_buf, M_PIPE);
	free(pp, M_PIPE);
	return (error);
}
