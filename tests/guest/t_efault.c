/*
 * t_efault.c: every system call that copies memory in from or out to
 * the caller must fail with EFAULT, without killing the caller or
 * panicking the kernel, when given a bad pointer, and must not have
 * written through a read-only one.
 *
 * The cases are a table: one row per (system call, pointer argument),
 * with the set of bad kinds of pointer it is tried with:
 *
 *	NULL		0
 *	0xc0000000	the first kernel address
 *	0xfffffff0	near the top of memory: a buffer there wraps around
 *	unmapped	a page mapped and then unmapped
 *	crossing	0xbffffffe: the last two bytes of user space (the top
 *			of the stack, mapped) then the kernel, so the call
 *			can only fail at the boundary; for a path the two
 *			bytes are made non-NUL first
 *	text		the program's own text (for calls that write)
 *	read-only	a PROT_READ mapping (for calls that write)
 *
 * NULL is left out where the interface gives it a meaning (sigaction's
 * new and old action, a NULL status for wait4, ...).  Each case runs in
 * a child of its own, which makes the call with t_syscall() (util.c),
 * bypassing libc, and reports through a pipe; a case that kills its
 * child, hangs (10 s), or returns anything but -1/EFAULT fails.
 * sigreturn may instead kill with SIGSEGV.  The calls come from
 * sys/kern/syscalls.master; see the table below for the list.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysctl.h>
#include <sys/termios.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

/* Kinds of bad pointer. */
enum {
	B_NULL, B_KERN, B_KHIGH, B_UNMAP, B_CROSS, B_CROSSSTR, B_TEXT,
	B_ROMAP, B_NKINDS
};

static const char *const kindname[B_NKINDS] = {
	[B_NULL] = "NULL",
	[B_KERN] = "0xc0000000",
	[B_KHIGH] = "0xfffffff0",
	[B_UNMAP] = "an unmapped page",
	[B_CROSS] = "0xbffffffe (crossing)",
	[B_CROSSSTR] = "a string crossing 0xc0000000",
	[B_TEXT] = "the program's text",
	[B_ROMAP] = "a PROT_READ page",
};

#define	M(k)		(1U << (k))
#define	IN_ALL		(M(B_NULL) | M(B_KERN) | M(B_KHIGH) | M(B_UNMAP) | \
			    M(B_CROSS))
#define	IN_NN		(IN_ALL & ~M(B_NULL))
#define	OUT_ALL		(IN_ALL | M(B_TEXT) | M(B_ROMAP))
#define	OUT_NN		(OUT_ALL & ~M(B_NULL))
#define	STR		(M(B_NULL) | M(B_KERN) | M(B_KHIGH) | M(B_UNMAP) | \
			    M(B_CROSSSTR))
#define	ELEM		(STR & ~M(B_NULL))
#define	SIGRET		(M(B_NULL) | M(B_KERN) | M(B_UNMAP))

/* Row flags. */
#define	EF_SEGV_OK	0x01	/* death by SIGSEGV is also right */
#define	EF_TTY		0x02	/* needs a terminal */
#define	EF_SYSCTL_WR	0x04	/* needs a writable int sysctl */
#define	EF_TERMIOS	0x08	/* may change the terminal's settings */

#define	SNAPSZ		1024	/* bytes compared at a read-only target */

#define	U(x)		((unsigned long)(x))

/* Prepared by test_efault() before the cases run. */
static int	tty_fd = -1;		/* a terminal, or -1 */
static int	rd_mib[CTL_MAXNAME];	/* a readable int sysctl */
static u_int	rd_miblen;
static int	wr_mib[CTL_MAXNAME];	/* a writable sysctl */
static u_int	wr_miblen;		/* 0 if there is none */
static const char *wr_name;		/* its name */
static size_t	wr_newlen;		/* the new value's length */
static char	wr_saved[64];		/* its value before the cases */
static size_t	wr_savedlen;

static char *av_ok[] = { "runtests", "-C", "exit", "77", NULL };
static char *ev_ok[] = { "UMBRA=1", NULL };

/*
 * The cases.  Each makes one system call with the bad pointer `bad'
 * (of kind `kind') in one argument and sensible values elsewhere, and
 * returns what the kernel returned, the error number in *e.
 */
static int
c_read(unsigned long bad, int kind, int *e)
{
	unsigned long len;
	int fd;

	if ((fd = open(RUNTESTS_PATH, O_RDONLY)) == -1)
		FAIL("open: %s", t_errname(errno));
	len = kind == B_CROSS ? 0x2000 : kind == B_KHIGH ? 32 : 64;
	return (t_syscall(e, SYS_read, fd, bad, len, 0, 0, 0));
}

static int
c_write(unsigned long bad, int kind, int *e)
{
	int p[2];

	t_pipe(p);
	return (t_syscall(e, SYS_write, p[1], bad,
	    kind == B_CROSS ? 0x200 : 32, 0, 0, 0));
}

static int
c_open(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_open, bad, O_RDONLY, 0, 0, 0, 0));
}

static int
c_stat_path(unsigned long bad, int kind, int *e)
{
	struct stat sb;

	return (t_syscall(e, SYS_stat, bad, U(&sb), 0, 0, 0, 0));
}

static int
c_stat_buf(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_stat, U(RUNTESTS_PATH), bad, 0, 0, 0, 0));
}

static int
c_fstat(unsigned long bad, int kind, int *e)
{
	int fd;

	if ((fd = open(RUNTESTS_PATH, O_RDONLY)) == -1)
		FAIL("open: %s", t_errname(errno));
	return (t_syscall(e, SYS_fstat, fd, bad, 0, 0, 0, 0));
}

static int
c_access(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_access, bad, F_OK, 0, 0, 0, 0));
}

static int
c_chdir(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_chdir, bad, 0, 0, 0, 0, 0));
}

static int
c_exec_path(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_execve, bad, U(av_ok), U(ev_ok), 0, 0, 0));
}

static int
c_exec_argv(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_execve, U(RUNTESTS_PATH), bad, U(ev_ok), 0,
	    0, 0));
}

static int
c_exec_argelem(unsigned long bad, int kind, int *e)
{
	char *av[] = { "runtests", (char *)bad, NULL };

	return (t_syscall(e, SYS_execve, U(RUNTESTS_PATH), U(av), U(ev_ok),
	    0, 0, 0));
}

static int
c_exec_envp(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_execve, U(RUNTESTS_PATH), U(av_ok), bad, 0,
	    0, 0));
}

static int
c_exec_envelem(unsigned long bad, int kind, int *e)
{
	char *ev[] = { "UMBRA=1", (char *)bad, NULL };

	return (t_syscall(e, SYS_execve, U(RUNTESTS_PATH), U(av_ok), U(ev),
	    0, 0, 0));
}

static int
c_swapon(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_swapon, bad, 0, 0, 0, 0, 0));
}

static int
c_pipe(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_pipe, bad, 0, 0, 0, 0, 0));
}

/* A child that exits at once, for wait4. */
static pid_t
zombie(void)
{
	pid_t pid;

	pid = t_fork();
	if (pid == 0)
		_exit(0);
	return (pid);
}

static int
c_wait4_status(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_wait4, zombie(), bad, 0, 0, 0, 0));
}

static int
c_wait4_rusage(unsigned long bad, int kind, int *e)
{
	int st;

	return (t_syscall(e, SYS_wait4, zombie(), U(&st), 0, bad, 0, 0));
}

static int
c_sigaction_new(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_sigaction, SIGUSR1, bad, 0, 0, 0, 0));
}

static int
c_sigaction_old(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_sigaction, SIGUSR1, 0, bad, 0, 0, 0));
}

static int
c_sigprocmask_set(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_sigprocmask, SIG_BLOCK, bad, 0, 0, 0, 0));
}

static int
c_sigprocmask_oset(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_sigprocmask, SIG_BLOCK, 0, bad, 0, 0, 0));
}

static int
c_sigpending(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_sigpending, bad, 0, 0, 0, 0, 0));
}

static int
c_sigsuspend(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_sigsuspend, bad, 0, 0, 0, 0, 0));
}

static int
c_gettimeofday(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_gettimeofday, bad, 0, 0, 0, 0, 0));
}

static int
c_clock_gettime(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_clock_gettime, CLOCK_REALTIME, bad, 0, 0, 0,
	    0));
}

static int
c_nanosleep_rq(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_nanosleep, bad, 0, 0, 0, 0, 0));
}

/* Handler that does nothing, so that a signal interrupts a call. */
static void
nothing(int sig)
{

	(void)sig;
}

static int
c_nanosleep_rm(unsigned long bad, int kind, int *e)
{
	struct timespec ts;
	pid_t s;
	int r;

	t_signal(SIGUSR1, nothing, 0);
	s = t_signaller(getpid(), SIGUSR1, 50, 400);
	ts.tv_sec = 5;
	ts.tv_nsec = 0;
	r = t_syscall(e, SYS_nanosleep, U(&ts), bad, 0, 0, 0, 0);
	(void)kill(s, SIGKILL);
	return (r);
}

static int
c_getdirentries_buf(unsigned long bad, int kind, int *e)
{
	long base;
	int fd;

	if ((fd = open("/bin", O_RDONLY)) == -1)
		FAIL("open(/bin): %s", t_errname(errno));
	/* The kernel may refuse a count too small for the longest name. */
	return (t_syscall(e, SYS_getdirentries, fd, bad,
	    kind == B_TEXT || kind == B_ROMAP ? 512 : 4096, U(&base), 0, 0));
}

static int
c_getdirentries_basep(unsigned long bad, int kind, int *e)
{
	static char buf[4096];
	int fd;

	if ((fd = open("/bin", O_RDONLY)) == -1)
		FAIL("open(/bin): %s", t_errname(errno));
	return (t_syscall(e, SYS_getdirentries, fd, U(buf), sizeof(buf), bad,
	    0, 0));
}

static int
c_sysctl_name(unsigned long bad, int kind, int *e)
{
	size_t len = sizeof(int);
	int v;

	return (t_syscall(e, SYS___sysctl, bad, 2, U(&v), U(&len), 0, 0));
}

static int
c_sysctl_old(unsigned long bad, int kind, int *e)
{
	size_t len = sizeof(int);

	return (t_syscall(e, SYS___sysctl, U(rd_mib), rd_miblen, bad, U(&len),
	    0, 0));
}

static int
c_sysctl_oldlenp(unsigned long bad, int kind, int *e)
{
	int v;

	return (t_syscall(e, SYS___sysctl, U(rd_mib), rd_miblen, U(&v), bad,
	    0, 0));
}

static int
c_sysctl_new(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS___sysctl, U(wr_mib), wr_miblen, 0, 0, bad,
	    wr_newlen));
}

static int
c_getcwd(unsigned long bad, int kind, int *e)
{

	/* "/bin" is longer than the two bytes before 0xc0000000. */
	if (chdir("/bin") == -1)
		FAIL("chdir(/bin): %s", t_errname(errno));
	return (t_syscall(e, SYS___getcwd, bad,
	    kind == B_TEXT || kind == B_ROMAP ? 256 : 1024, 0, 0, 0, 0));
}

static int
c_tiocgeta(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_ioctl, tty_fd, TIOCGETA, bad, 0, 0, 0));
}

static int
c_tiocseta(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_ioctl, tty_fd, TIOCSETA, bad, 0, 0, 0));
}

static int
c_sigreturn(unsigned long bad, int kind, int *e)
{

	return (t_syscall(e, SYS_sigreturn, bad, 0, 0, 0, 0, 0));
}

static const struct ecase {
	const char	*call;		/* the call, BAD for the pointer */
	int		(*run)(unsigned long, int, int *);
	unsigned int	kinds;		/* M(B_*) tried */
	int		flags;		/* EF_* */
} ecases[] = {
	{ "read(fd, BAD, n)", c_read, OUT_ALL, 0 },
	{ "write(fd, BAD, n)", c_write, IN_ALL, 0 },
	{ "open(BAD, O_RDONLY)", c_open, STR, 0 },
	{ "stat(BAD, sb)", c_stat_path, STR, 0 },
	{ "stat(path, BAD)", c_stat_buf, OUT_ALL, 0 },
	{ "fstat(fd, BAD)", c_fstat, OUT_ALL, 0 },
	{ "access(BAD, F_OK)", c_access, STR, 0 },
	{ "chdir(BAD)", c_chdir, STR, 0 },
	{ "execve(BAD, argv, envp)", c_exec_path, STR, 0 },
	{ "execve(path, BAD, envp)", c_exec_argv, IN_NN, 0 },
	{ "execve(path, {arg0, BAD}, envp)", c_exec_argelem, ELEM, 0 },
	{ "execve(path, argv, BAD)", c_exec_envp, IN_NN, 0 },
	{ "execve(path, argv, {env0, BAD})", c_exec_envelem, ELEM, 0 },
	{ "swapon(BAD)", c_swapon, STR, 0 },
	{ "pipe(BAD)", c_pipe, OUT_ALL, 0 },
	{ "wait4(pid, BAD, 0, NULL)", c_wait4_status, OUT_NN, 0 },
	{ "wait4(pid, st, 0, BAD)", c_wait4_rusage, OUT_NN, 0 },
	{ "sigaction(SIGUSR1, BAD, NULL)", c_sigaction_new, IN_NN, 0 },
	{ "sigaction(SIGUSR1, NULL, BAD)", c_sigaction_old, OUT_NN, 0 },
	{ "sigprocmask(SIG_BLOCK, BAD, NULL)", c_sigprocmask_set, IN_NN, 0 },
	{ "sigprocmask(SIG_BLOCK, NULL, BAD)", c_sigprocmask_oset, OUT_NN,
	    0 },
	{ "sigpending(BAD)", c_sigpending, OUT_ALL, 0 },
	{ "sigsuspend(BAD)", c_sigsuspend, IN_ALL, 0 },
	{ "gettimeofday(BAD, NULL)", c_gettimeofday, OUT_NN, 0 },
	{ "clock_gettime(CLOCK_REALTIME, BAD)", c_clock_gettime, OUT_ALL,
	    0 },
	{ "nanosleep(BAD, NULL)", c_nanosleep_rq, IN_ALL, 0 },
	{ "nanosleep(5 s, BAD), interrupted", c_nanosleep_rm, OUT_NN, 0 },
	{ "getdirentries(fd, BAD, n, basep)", c_getdirentries_buf, OUT_ALL,
	    0 },
	{ "getdirentries(fd, buf, n, BAD)", c_getdirentries_basep, OUT_NN,
	    0 },
	{ "__sysctl(BAD, 2, old, oldlenp, NULL, 0)", c_sysctl_name, IN_ALL,
	    0 },
	{ "__sysctl(name, n, BAD, oldlenp, NULL, 0)", c_sysctl_old, OUT_NN,
	    0 },
	{ "__sysctl(name, n, old, BAD, NULL, 0)", c_sysctl_oldlenp, OUT_NN,
	    0 },
	{ "__sysctl(name, n, NULL, NULL, BAD, len)", c_sysctl_new, IN_NN,
	    EF_SYSCTL_WR },
	{ "__getcwd(BAD, n)", c_getcwd, OUT_ALL, 0 },
	{ "ioctl(tty, TIOCGETA, BAD)", c_tiocgeta, OUT_ALL, EF_TTY },
	{ "ioctl(tty, TIOCSETA, BAD)", c_tiocseta, IN_ALL,
	    EF_TTY | EF_TERMIOS },
	{ "sigreturn(BAD)", c_sigreturn, SIGRET, EF_SEGV_OK },
};

/*
 * In a case child: make the bad pointer of the given kind.
 */
static unsigned long
bad_address(int kind)
{
	volatile char *top;
	char *p;

	switch (kind) {
	case B_NULL:
		return (0);
	case B_KERN:
		return (T_USERTOP);
	case B_KHIGH:
		return (0xfffffff0UL);
	case B_UNMAP:
		p = mmap(NULL, 2 * T_PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED || munmap(p, 2 * T_PGSZ) == -1)
			FAIL("mmap/munmap: %s", t_errname(errno));
		return (U(p));
	case B_CROSS:
		return (T_USERTOP - 2);
	case B_CROSSSTR:
		top = (volatile char *)(T_USERTOP - 2);
		top[0] = 'a';
		top[1] = 'a';
		return (T_USERTOP - 2);
	case B_TEXT:
		return (U(t_text_target));
	case B_ROMAP:
		p = mmap(NULL, T_PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			FAIL("mmap: %s", t_errname(errno));
		memset(p, 0x11, T_PGSZ);
		*(int *)p = sizeof(int);	/* a sane *oldlenp */
		if (mprotect(p, T_PGSZ, PROT_READ) == -1)
			FAIL("mprotect: %s", t_errname(errno));
		return (U(p));
	}
	FAIL("bad kind %d", kind);
}

/*
 * In a case child: run case c with a pointer of the given kind, write
 * what went wrong (if anything) to fd and exit: 0 for EFAULT with
 * read-only memory unchanged, 2 for another result, 3 for a changed
 * read-only target.
 */
static void
run_case(const struct ecase *c, int kind, int fd)
{
	unsigned char before[SNAPSZ];
	unsigned long bad;
	char msg[200];
	int r, e = 0;

	bad = bad_address(kind);
	if (kind == B_TEXT || kind == B_ROMAP)
		memcpy(before, (void *)bad, sizeof(before));
	r = c->run(bad, kind, &e);
	if (r != -1 || e != EFAULT) {
		snprintf(msg, sizeof(msg), "returned %d (%s), expected EFAULT",
		    r, r == -1 ? t_errname(e) : "success");
		(void)write(fd, msg, strlen(msg));
		_exit(2);
	}
	if ((kind == B_TEXT || kind == B_ROMAP) &&
	    memcmp(before, (void *)bad, sizeof(before)) != 0) {
		snprintf(msg, sizeof(msg), "EFAULT, but the read-only memory "
		    "changed");
		(void)write(fd, msg, strlen(msg));
		_exit(3);
	}
	_exit(0);
}

/*
 * Find a terminal among descriptors 0-2 (tty_fd) and return its
 * settings in *t.
 */
static void
find_tty(struct termios *t)
{
	int fd, e;

	for (fd = 0; fd < 3; fd++)
		if (t_syscall(&e, SYS_ioctl, fd, TIOCGETA, U(t), 0, 0,
		    0) == 0) {
			tty_fd = fd;
			return;
		}
}

/*
 * Whether sysctl `name' is writable and of type `type' (from the meta
 * node {0, 4, oid...}); if so, its oid goes in wr_mib and its value in
 * wr_saved.
 */
static int
try_writable(const char *name, u_int type)
{
	int q[CTL_MAXNAME + 2];
	unsigned char kind[64];
	size_t len, n = CTL_MAXNAME;
	u_int i;

	if (sysctlnametomib(name, wr_mib, &n) == -1)
		return (0);
	q[0] = 0;
	q[1] = 4;
	for (i = 0; i < n; i++)
		q[i + 2] = wr_mib[i];
	len = sizeof(kind);
	if (sysctl(q, n + 2, kind, &len, NULL, 0) == -1 || len < 4)
		return (0);
	memcpy(&i, kind, sizeof(i));
	if (!(i & CTLFLAG_WR) || (i & CTLTYPE) != type)
		return (0);
	wr_savedlen = sizeof(wr_saved);
	if (sysctl(wr_mib, n, wr_saved, &wr_savedlen, NULL, 0) == -1)
		return (0);
	wr_miblen = n;
	wr_name = name;
	return (1);
}

/*
 * Choose the sysctls the __sysctl cases use: one readable int
 * (hw.pagesize, or else vm.stats.free_count) and, if there is one, a
 * writable one whose new value they point at a bad address
 * (vm.collapse_pagers, or else kern.hostname).
 */
static void
find_sysctls(void)
{
	size_t len, n;
	int v;

	rd_mib[0] = CTL_HW;
	rd_mib[1] = HW_PAGESIZE;
	rd_miblen = 2;
	len = sizeof(v);
	if (sysctl(rd_mib, rd_miblen, &v, &len, NULL, 0) == -1) {
		n = CTL_MAXNAME;
		if (sysctlnametomib("vm.stats.free_count", rd_mib, &n) == -1)
			FAIL("neither hw.pagesize nor vm.stats.free_count "
			    "can be read: %s", t_errname(errno));
		rd_miblen = n;
	}

	wr_miblen = 0;
	if (try_writable("vm.collapse_pagers", CTLTYPE_INT) ||
	    try_writable("vm.collapse_pagers", CTLTYPE_UINT))
		wr_newlen = sizeof(int);
	else if (try_writable("kern.hostname", CTLTYPE_STRING))
		wr_newlen = 8;
}

/*
 * Whether the last bytes below 0xc0000000 can be written (the top of
 * the stack): the crossing path strings are put there.
 */
static int
top_writable(void)
{
	pid_t pid;
	int st;

	pid = t_fork();
	if (pid == 0) {
		((volatile char *)T_USERTOP)[-1] = 'a';
		((volatile char *)T_USERTOP)[-2] = 'a';
		_exit(0);
	}
	st = t_wait(pid);
	return (WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/*
 * Run every (call, kind) pair of the table in a child of its own; print
 * a line for each one that fails and fail with the count and the first.
 * Cases that need what this machine lacks (a terminal, a writable
 * sysctl, a writable top of stack) are not run, and then the test is
 * reported as skipped, not passed.
 */
void
test_efault(void)
{
	const struct ecase *c;
	struct termios tio;
	char first[220], msg[200], how[64];
	char now[sizeof(wr_saved)];
	int i, kind, st, p[2], ok, crossok, e;
	int ncase = 0, nfail = 0, nskip = 0;
	size_t len;
	long n;
	pid_t pid;

	/* Restoring the terminal from a background group must not stop. */
	t_signal(SIGTTOU, SIG_IGN, 0);
	find_tty(&tio);
	find_sysctls();
	crossok = top_writable();
	first[0] = '\0';

	for (i = 0; i < (int)nitems(ecases); i++) {
		c = &ecases[i];
		for (kind = 0; kind < B_NKINDS; kind++) {
			if (!(c->kinds & M(kind)))
				continue;
			if ((kind == B_CROSSSTR && !crossok) ||
			    ((c->flags & EF_TTY) && tty_fd < 0) ||
			    ((c->flags & EF_SYSCTL_WR) && wr_miblen == 0)) {
				nskip++;
				continue;
			}
			ncase++;
			t_pipe(p);
			(void)fcntl(p[1], F_SETFD, FD_CLOEXEC);
			pid = t_fork();
			if (pid == 0) {
				close(p[0]);
				run_case(c, kind, p[1]);
			}
			ok = t_wait_timeout(pid, 10, &st) == 0;
			(void)write(p[1], "", 1);
			n = read(p[0], msg, sizeof(msg) - 1);
			msg[n > 0 ? n : 0] = '\0';
			close(p[0]);
			close(p[1]);
			if (c->flags & EF_TERMIOS)
				(void)t_syscall(&e, SYS_ioctl, tty_fd,
				    TIOCSETA, U(&tio), 0, 0, 0);
			if (!ok)
				snprintf(msg, sizeof(msg), "hung (killed "
				    "after 10 s)");
			else if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
				continue;
			else if ((c->flags & EF_SEGV_OK) && WIFSIGNALED(st) &&
			    WTERMSIG(st) == SIGSEGV)
				continue;
			else if (msg[0] == '\0')
				snprintf(msg, sizeof(msg), "child %s%s",
				    t_statusstr(st, how, sizeof(how)),
				    WIFEXITED(st) && WEXITSTATUS(st) == 77 ?
				    " (the execve succeeded)" : "");
			nfail++;
			t_printf("  efault: %s with %s: %s", c->call,
			    kindname[kind], msg);
			if (first[0] == '\0')
				snprintf(first, sizeof(first), "%s with %s: "
				    "%s", c->call, kindname[kind], msg);
		}
	}

	if (wr_miblen != 0) {
		len = sizeof(now);
		if (sysctl(wr_mib, wr_miblen, now, &len, NULL, 0) == 0 &&
		    (len != wr_savedlen || memcmp(now, wr_saved, len) != 0)) {
			(void)sysctl(wr_mib, wr_miblen, NULL, NULL, wr_saved,
			    wr_savedlen);
			FAIL("a bad __sysctl new pointer changed %s", wr_name);
		}
	}
	EXPECT(nfail == 0, "%d of %d cases failed%s; first: %s", nfail,
	    ncase, nskip != 0 ? " (and some were skipped)" : "", first);
	/* A case that could not run proved nothing: not a pass. */
	if (nskip != 0)
		t_skip("%d of %d cases skipped (terminal %s, writable sysctl "
		    "%s, top of stack %s); the other %d passed", nskip,
		    ncase + nskip, tty_fd >= 0 ? "found" : "missing",
		    wr_miblen ? wr_name : "missing",
		    crossok ? "writable" : "not writable", ncase);
}
