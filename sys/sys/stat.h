/*
 * stat.h: struct stat and the file mode bits (<sys/stat.h>).
 * Shared by the kernel and userland.
 */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <sys/types.h>
#include <sys/time.h>

struct stat {
	dev_t		st_dev;		/* device holding the file */
	ino_t		st_ino;		/* file serial number */
	mode_t		st_mode;	/* type and permissions */
	nlink_t		st_nlink;	/* number of hard links */
	uid_t		st_uid;		/* owner */
	gid_t		st_gid;		/* group */
	dev_t		st_rdev;	/* device number, for devices */
	struct timespec	st_atim;	/* last access */
	struct timespec	st_mtim;	/* last data modification */
	struct timespec	st_ctim;	/* last status change */
	off_t		st_size;	/* size in bytes */
	blkcnt_t	st_blocks;	/* 512-byte blocks allocated */
	blksize_t	st_blksize;	/* optimal I/O size */
};
#define	st_atime	st_atim.tv_sec
#define	st_mtime	st_mtim.tv_sec
#define	st_ctime	st_ctim.tv_sec

#define	S_IFMT		0170000	/* type of file mask */
#define	S_IFIFO		0010000	/* named pipe (fifo) */
#define	S_IFCHR		0020000	/* character special */
#define	S_IFDIR		0040000	/* directory */
#define	S_IFBLK		0060000	/* block special */
#define	S_IFREG		0100000	/* regular */
#define	S_IFLNK		0120000	/* symbolic link */
#define	S_IFSOCK	0140000	/* socket */
#define	S_ISUID		0004000	/* set user id on execution */
#define	S_ISGID		0002000	/* set group id on execution */
#define	S_ISVTX		0001000	/* sticky bit */
#define	S_IRWXU		0000700
#define	S_IRUSR		0000400
#define	S_IWUSR		0000200
#define	S_IXUSR		0000100
#define	S_IRWXG		0000070
#define	S_IRGRP		0000040
#define	S_IWGRP		0000020
#define	S_IXGRP		0000010
#define	S_IRWXO		0000007
#define	S_IROTH		0000004
#define	S_IWOTH		0000002
#define	S_IXOTH		0000001

#define	ACCESSPERMS	(S_IRWXU | S_IRWXG | S_IRWXO)		/* 0777 */
#define	ALLPERMS	(S_ISUID | S_ISGID | S_ISVTX | ACCESSPERMS)	/* 07777 */

#define	S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define	S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define	S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define	S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define	S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define	S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define	S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#ifndef _KERNEL
int	stat(const char *, struct stat *);
int	fstat(int, struct stat *);
int	mkdir(const char *, mode_t);
mode_t	umask(mode_t);
#endif

#endif /* !_SYS_STAT_H_ */
