/*
 * file.h: open files and descriptor tables.
 *
 * A struct file is an open file: what it refers to (a vnode or a pipe),
 * its offset and mode.  It is shared by every descriptor that names it
 * (dup, fork) and counted by f_count.  Each process has a table of
 * descriptors, copied at fork.  The operations of an open file are in
 * f_ops, one table per kind.
 */
#ifndef _SYS_FILE_H_
#define _SYS_FILE_H_

#include <sys/types.h>
#include <sys/param.h>

struct proc;
struct stat;
struct uio;
struct file;

struct fileops {
	int	(*fo_read)(struct file *, struct uio *);
	int	(*fo_write)(struct file *, struct uio *);
	int	(*fo_ioctl)(struct file *, u_long, void *, struct proc *);
	int	(*fo_stat)(struct file *, struct stat *);
	int	(*fo_close)(struct file *);
};

struct file {
	int			f_flag;		/* FREAD, FWRITE, ... */
	int			f_type;		/* DTYPE_* */
	int			f_count;	/* descriptors naming it */
	const struct fileops	*f_ops;
	void			*f_data;	/* vnode or pipe */
	off_t			f_offset;
};

#define	DTYPE_VNODE	1
#define	DTYPE_PIPE	2

/* f_flag: open(2)'s flags with the access mode made into bits. */
#define	FREAD		0x0001
#define	FWRITE		0x0002
#define	FNONBLOCK	0x0004		/* O_NONBLOCK */
#define	FAPPEND		0x0008		/* O_APPEND */
#define	FMASK		(FREAD | FWRITE | FNONBLOCK | FAPPEND)
#define	FCNTLFLAGS	(FNONBLOCK | FAPPEND)	/* F_SETFL may change */
#define	OFLAGS(fflags)	((fflags) - 1)	/* FREAD|FWRITE to O_RDWR etc. */
#define	FFLAGS(oflags)	((oflags) + 1)

struct filedesc {
	struct file	*fd_ofiles[NOFILE];	/* open files */
	char		fd_ofileflags[NOFILE];	/* UF_* */
};
#define	UF_EXCLOSE	0x01		/* close on exec */

int	falloc(struct proc *, struct file **, int *);
void	ffree(struct file *);
int	fd_getfile(struct proc *, int, struct file **);
int	closef(struct file *);
struct filedesc *fdcopy(struct filedesc *);
struct filedesc *fdinit(void);
void	fdfree(struct proc *);
void	fdcloseexec(struct proc *);

#endif /* !_SYS_FILE_H_ */
