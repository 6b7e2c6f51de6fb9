/*
 * dirent.h: the directory entry that getdirentries(2) returns.
 *
 * getdirentries(fd, buf, nbytes, basep) fills buf with whole records,
 * each d_reclen bytes long (a multiple of 4), and returns the number of
 * bytes filled, 0 at the end of the directory.
 */
#ifndef _SYS_DIRENT_H_
#define _SYS_DIRENT_H_

#include <sys/_types.h>

#define	MAXNAMLEN	255

struct dirent {
	__uint32_t	d_fileno;		/* file number of entry */
	__uint16_t	d_reclen;		/* length of this record */
	__uint8_t	d_type;			/* file type, DT_* */
	__uint8_t	d_namlen;		/* length of string in d_name */
	char		d_name[MAXNAMLEN + 1];	/* NUL-terminated name */
};

#define	DT_UNKNOWN	0
#define	DT_FIFO		1
#define	DT_CHR		2
#define	DT_DIR		4
#define	DT_BLK		6
#define	DT_REG		8
#define	DT_LNK		10

/* The size of a record holding a name of namlen bytes. */
#define	_DIRENT_RECLEN(namlen) \
	((__builtin_offsetof(struct dirent, d_name) + (namlen) + 1 + 3) & ~3)

#endif /* !_SYS_DIRENT_H_ */
