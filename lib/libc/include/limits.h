/*
 * limits.h: the sizes of the integer types (C) and Umbra's system
 * limits (POSIX).  i386 is ILP32.
 *
 * The system limits agree with <sys/param.h> (MAXPATHLEN, NOFILE,
 * NGROUPS, ...), which is the kernel's word; ARG_MAX and CHILD_MAX are
 * left to it, and to sysconf(3), so that the two headers can be
 * included together.
 */
#ifndef _LIMITS_H_
#define _LIMITS_H_

#define CHAR_BIT	8
#define SCHAR_MIN	(-0x7f - 1)
#define SCHAR_MAX	0x7f
#define UCHAR_MAX	0xff
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN	0
#define CHAR_MAX	UCHAR_MAX
#else
#define CHAR_MIN	SCHAR_MIN
#define CHAR_MAX	SCHAR_MAX
#endif
#define MB_LEN_MAX	1		/* only the C locale */

#define SHRT_MIN	(-0x7fff - 1)
#define SHRT_MAX	0x7fff
#define USHRT_MAX	0xffff
#define INT_MIN		(-0x7fffffff - 1)
#define INT_MAX		0x7fffffff
#define UINT_MAX	0xffffffffU
#define LONG_MIN	(-0x7fffffffL - 1)
#define LONG_MAX	0x7fffffffL
#define ULONG_MAX	0xffffffffUL
#define LLONG_MIN	(-0x7fffffffffffffffLL - 1)
#define LLONG_MAX	0x7fffffffffffffffLL
#define ULLONG_MAX	0xffffffffffffffffULL
#define LONG_BIT	32
#define WORD_BIT	32

#define SSIZE_MAX	INT_MAX
#define SIZE_T_MAX	UINT_MAX	/* BSD */

/* POSIX minimum maxima. */
#define _POSIX_ARG_MAX		4096
#define _POSIX_CHILD_MAX	25
#define _POSIX_LINK_MAX		8
#define _POSIX_MAX_CANON	255
#define _POSIX_MAX_INPUT	255
#define _POSIX_NAME_MAX		14
#define _POSIX_NGROUPS_MAX	8
#define _POSIX_OPEN_MAX		20
#define _POSIX_PATH_MAX		256
#define _POSIX_PIPE_BUF		512
#define _POSIX_SSIZE_MAX	32767
#define _POSIX_STREAM_MAX	8
#define _POSIX2_LINE_MAX	2048

/* Umbra's values. */
#define PATH_MAX	1024		/* MAXPATHLEN, with the NUL */
#define NAME_MAX	255		/* MAXNAMLEN, without the NUL */
#define OPEN_MAX	64		/* NOFILE */
#define NGROUPS_MAX	16		/* NGROUPS */
#define PIPE_BUF	512		/* atomic pipe write */
#define LINE_MAX	2048
#define STREAM_MAX	OPEN_MAX
#define LOGIN_NAME_MAX	17		/* MAXLOGNAME */
#define HOST_NAME_MAX	63		/* MAXHOSTNAMELEN - 1 */
#define TZNAME_MAX	6
#define IOV_MAX		1024
#define NL_TEXTMAX	2048
#define NZERO		0

#endif /* !_LIMITS_H_ */
