/*
 * types.h: system data types (POSIX <sys/types.h>), shared by the
 * kernel and userland.  The kernel also gets the VM's address types.
 */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <sys/_types.h>

typedef __int8_t	int8_t;
typedef __uint8_t	uint8_t;
typedef __int16_t	int16_t;
typedef __uint16_t	uint16_t;
typedef __int32_t	int32_t;
typedef __uint32_t	uint32_t;
typedef __int64_t	int64_t;
typedef __uint64_t	uint64_t;
typedef __intptr_t	intptr_t;
typedef __uintptr_t	uintptr_t;

typedef __uint8_t	u_int8_t;
typedef __uint16_t	u_int16_t;
typedef __uint32_t	u_int32_t;
typedef __uint64_t	u_int64_t;
typedef unsigned char	u_char;
typedef unsigned short	u_short;
typedef unsigned int	u_int;
typedef unsigned long	u_long;

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t	size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t	ssize_t;
#endif

typedef __dev_t		dev_t;
typedef __ino_t		ino_t;
typedef __mode_t	mode_t;
typedef __nlink_t	nlink_t;
typedef __uid_t		uid_t;
typedef __gid_t		gid_t;
typedef __pid_t		pid_t;
typedef __off_t		off_t;
typedef __blkcnt_t	blkcnt_t;
typedef __blksize_t	blksize_t;
#ifndef _TIME_T_DECLARED
#define _TIME_T_DECLARED
typedef __time_t	time_t;
#endif
typedef __suseconds_t	suseconds_t;
typedef __useconds_t	useconds_t;
typedef __clockid_t	clockid_t;
typedef char		*caddr_t;	/* core address */
typedef __int32_t	register_t;	/* a machine register */

#ifndef NULL
#define NULL	((void *)0)
#endif

#ifdef _KERNEL
typedef __uint32_t	paddr_t;	/* physical address */
typedef __uint32_t	vaddr_t;	/* virtual address */
typedef __uint32_t	vsize_t;	/* virtual size */
typedef __uint32_t	psize_t;	/* physical size */
typedef __uint32_t	vm_ooffset_t;	/* byte offset into an object */
typedef __uint32_t	vm_pindex_t;	/* page index into an object */
typedef __int32_t	vm_prot_t;	/* protection codes, VM_PROT_* */
typedef __int32_t	vm_inherit_t;	/* inheritance codes, VM_INHERIT_* */
typedef _Bool		bool;
#define true	1
#define false	0
#endif

#endif /* !_SYS_TYPES_H_ */
