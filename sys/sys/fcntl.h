/*
 * fcntl.h: open(2) flags and fcntl(2) commands, 4.4BSD values.
 * Shared by the kernel and userland.
 */
#ifndef _SYS_FCNTL_H_
#define _SYS_FCNTL_H_

#define	O_RDONLY	0x0000		/* open for reading only */
#define	O_WRONLY	0x0001		/* open for writing only */
#define	O_RDWR		0x0002		/* open for reading and writing */
#define	O_ACCMODE	0x0003		/* mask for above modes */
#define	O_NONBLOCK	0x0004		/* no delay */
#define	O_APPEND	0x0008		/* set append mode */
#define	O_CREAT		0x0200		/* create if nonexistent */
#define	O_TRUNC		0x0400		/* truncate to zero length */
#define	O_EXCL		0x0800		/* error if already exists */
#define	O_NOCTTY	0x8000		/* don't assign controlling terminal */
#define	O_DIRECTORY	0x20000		/* fail if not a directory */
#define	O_CLOEXEC	0x100000	/* close on exec */

#define	F_DUPFD		0		/* duplicate file descriptor */
#define	F_GETFD		1		/* get file descriptor flags */
#define	F_SETFD		2		/* set file descriptor flags */
#define	F_GETFL		3		/* get file status flags */
#define	F_SETFL		4		/* set file status flags */
#define	FD_CLOEXEC	1		/* close-on-exec flag */

#endif /* !_SYS_FCNTL_H_ */
