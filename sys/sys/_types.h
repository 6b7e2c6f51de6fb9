/*
 * _types.h: the basic sized types, under reserved names.
 *
 * Shared by the kernel and by userland.  Public headers (<sys/types.h>,
 * <stdint.h>, <stddef.h>, ...) build their names from these, so that a
 * header can use a type without making its public name visible.
 * i386 is ILP32: int, long and pointers are 32 bits.
 */
#ifndef _SYS__TYPES_H_
#define _SYS__TYPES_H_

typedef signed char		__int8_t;
typedef unsigned char		__uint8_t;
typedef short			__int16_t;
typedef unsigned short		__uint16_t;
typedef int			__int32_t;
typedef unsigned int		__uint32_t;
typedef long long		__int64_t;
typedef unsigned long long	__uint64_t;

typedef __int32_t		__intptr_t;
typedef __uint32_t		__uintptr_t;
typedef __uint32_t		__size_t;
typedef __int32_t		__ssize_t;
typedef __int32_t		__ptrdiff_t;

typedef __uint32_t		__dev_t;	/* device number */
typedef __uint32_t		__ino_t;	/* inode number */
typedef __uint32_t		__mode_t;	/* file type and permissions */
typedef __uint32_t		__nlink_t;	/* link count */
typedef __uint32_t		__uid_t;	/* user id */
typedef __uint32_t		__gid_t;	/* group id */
typedef __int32_t		__pid_t;	/* process (group) id */
typedef __int64_t		__off_t;	/* file offset */
typedef __int64_t		__blkcnt_t;	/* file size in blocks */
typedef __int32_t		__blksize_t;	/* preferred I/O size */
typedef __int64_t		__time_t;	/* seconds since the Epoch */
typedef __int32_t		__suseconds_t;	/* microseconds */
typedef __uint32_t		__useconds_t;	/* microseconds, unsigned */
typedef __int32_t		__clockid_t;	/* clock_gettime(2) clock */
typedef __uint32_t		__sigset_t;	/* one bit per signal */
typedef __uint32_t		__socklen_t;

typedef __builtin_va_list	__va_list;

#endif /* !_SYS__TYPES_H_ */
