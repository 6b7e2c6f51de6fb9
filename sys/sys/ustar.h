/*
 * ustar.h: the header block of a POSIX ustar archive, as the kernel
 * reads its root ramdisk (sys/kern/vfs_ustar.c) and tar(1) writes
 * archives (bin/tar).  Numbers are octal ASCII; a file's data follows
 * its header, padded to whole blocks, and two zero blocks end the
 * archive.
 */
#ifndef _SYS_USTAR_H_
#define _SYS_USTAR_H_

#define	USTAR_BLOCK	512

struct ustar_hdr {
	char	name[100];
	char	mode[8];
	char	uid[8];
	char	gid[8];
	char	size[12];
	char	mtime[12];
	char	chksum[8];
	char	typeflag;	/* '0' a file, '5' a directory, ... */
	char	linkname[100];
	char	magic[6];	/* "ustar" */
	char	version[2];	/* "00" */
	char	uname[32];
	char	gname[32];
	char	devmajor[8];
	char	devminor[8];
	char	prefix[155];	/* the name's leading directories */
	char	pad[12];
};
_Static_assert(sizeof(struct ustar_hdr) == USTAR_BLOCK,
    "a ustar header is one block");

#endif /* !_SYS_USTAR_H_ */
