/*
 * unistd.h: the POSIX system interface: file descriptors, processes,
 * identities, the break, sysconf(3) and getopt(3).
 *
 * Most of these are Umbra system calls (sys/kern/syscalls.master, whose
 * stubs set errno and return -1 on failure); the others are library
 * functions built on them.  The constants come from <sys/unistd.h>.
 * Only calls that Umbra implements are declared.
 */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <sys/types.h>
#include <sys/unistd.h>

#define _POSIX_VERSION		200809L
#define _POSIX2_VERSION		200809L
#define _POSIX_JOB_CONTROL	1
#define _POSIX_SAVED_IDS	1
#define _POSIX_MONOTONIC_CLOCK	200809L
#define _POSIX_TIMERS		200809L

/* sysconf(3) names. */
#define _SC_ARG_MAX		1
#define _SC_CHILD_MAX		2
#define _SC_CLK_TCK		3
#define _SC_NGROUPS_MAX		4
#define _SC_OPEN_MAX		5
#define _SC_JOB_CONTROL		6
#define _SC_SAVED_IDS		7
#define _SC_VERSION		8
#define _SC_PAGESIZE		47
#define _SC_PAGE_SIZE		_SC_PAGESIZE
#define _SC_NPROCESSORS_CONF	57
#define _SC_NPROCESSORS_ONLN	58
#define _SC_PHYS_PAGES		121
#define _SC_LINE_MAX		15
#define _SC_STREAM_MAX		26
#define _SC_TZNAME_MAX		27
#define _SC_TIMERS		44
#define _SC_MONOTONIC_CLOCK	74
#define _SC_HOST_NAME_MAX	72
#define _SC_LOGIN_NAME_MAX	73

/* Files and descriptors. */
int	 access(const char *, int);
int	 chdir(const char *);
int	 close(int);
int	 dup(int);
int	 dup2(int, int);
__off_t	 lseek(int, __off_t, int);
int	 pipe(int [2]);
ssize_t	 read(int, void *, size_t);
ssize_t	 write(int, const void *, size_t);
int	 unlink(const char *);
int	 rmdir(const char *);
int	 truncate(const char *, __off_t);
int	 ftruncate(int, __off_t);
char	*getcwd(char *, size_t);
int	 isatty(int);

/* Processes. */
void	 _exit(int) __attribute__((__noreturn__));
pid_t	 fork(void);
int	 execve(const char *, char *const [], char *const []);
int	 execv(const char *, char *const []);
int	 execvp(const char *, char *const []);
int	 execl(const char *, const char *, ...);
int	 execle(const char *, const char *, ...);
int	 execlp(const char *, const char *, ...);
pid_t	 getpid(void);
pid_t	 getppid(void);
pid_t	 getpgrp(void);
int	 setpgid(pid_t, pid_t);
pid_t	 setsid(void);
pid_t	 tcgetpgrp(int);
int	 tcsetpgrp(int, pid_t);
unsigned sleep(unsigned);
int	 usleep(useconds_t);
int	 pause(void);
unsigned alarm(unsigned);
useconds_t ualarm(useconds_t, useconds_t);

/* Identities. */
uid_t	 getuid(void);
uid_t	 geteuid(void);
gid_t	 getgid(void);
gid_t	 getegid(void);
int	 setuid(uid_t);
int	 setgid(gid_t);
char	*getlogin(void);
int	 gethostname(char *, size_t);

/* Memory. */
void	*sbrk(intptr_t);
int	 brk(void *);
int	 getpagesize(void);

/* System. */
long	 sysconf(int);
int	 reboot(int);
int	 __reboot(int, int);	/* reboot(howto, exit status for QEMU) */

/* Options. */
int	 getopt(int, char *const [], const char *);
extern char	*optarg;
extern int	 optind, opterr, optopt, optreset;

extern char	**environ;

#endif /* !_UNISTD_H_ */
