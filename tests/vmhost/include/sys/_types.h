/*
 * sys/_types.h for vmhost: the basic sized types of an LP64 host.
 *
 * sys/sys/_types.h describes i386 (ILP32).  tests/vmhost builds sys/vm
 * for the 64-bit host, where pointers, size_t and long are 64 bits, so
 * this directory comes first on the include path and replaces that one
 * header; every other <sys/...> header is the kernel's own.  The names
 * and the fixed-width types are the same as the kernel's.
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

typedef long			__intptr_t;
typedef unsigned long		__uintptr_t;
typedef unsigned long		__size_t;
typedef long			__ssize_t;
typedef long			__ptrdiff_t;

typedef __uint32_t		__dev_t;
typedef __uint32_t		__ino_t;
typedef __uint32_t		__mode_t;
typedef __uint32_t		__nlink_t;
typedef __uint32_t		__uid_t;
typedef __uint32_t		__gid_t;
typedef __int32_t		__pid_t;
typedef __int64_t		__off_t;
typedef __int64_t		__blkcnt_t;
typedef __int32_t		__blksize_t;
typedef __int64_t		__time_t;
typedef __int32_t		__suseconds_t;
typedef __uint32_t		__useconds_t;
typedef __int32_t		__clockid_t;
typedef __uint32_t		__sigset_t;
typedef __uint32_t		__socklen_t;

typedef __builtin_va_list	__va_list;

#endif /* !_SYS__TYPES_H_ */
