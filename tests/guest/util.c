/*
 * util.c: helpers shared by the tests of /bin/runtests: reporting a
 * failure, forking and reaping children with a verdict on how they
 * ended, running the runner itself in a child mode with its output
 * captured, memory patterns, sysctl, and a raw system call that
 * bypasses libc.
 *
 * Nothing here allocates memory: the runner calls some of these
 * helpers between its leak-check readings (see runner.c).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

int	t_reasonfd = -1;
pid_t	t_testpid;

/*
 * Format into buf (always NUL-terminated), like vsnprintf.
 */
void
t_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{

	vsnprintf(buf, size, fmt, ap);
	buf[size - 1] = '\0';
}

/*
 * Print one line on the standard output with a single write(2), so
 * that lines from several processes do not interleave.  A newline is
 * added.  Nothing is buffered.
 */
void
t_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	t_vformat(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	buf[n++] = '\n';
	(void)write(1, buf, n);
}

/*
 * Report a failure and exit with status 1.  The test child itself
 * writes its message, one line of at most ~250 bytes, to the runner's
 * reason pipe in one write, so that it becomes the reason on the FAIL
 * line; any other process (a child of a test) prints it on the standard
 * error, marked with its pid, for its parent's verdict to refer to.
 */
void
t_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[256], out[300];
	const char *base;
	va_list ap;
	size_t n;
	int saved = errno;

	base = strrchr(file, '/');
	base = base != NULL ? base + 1 : file;
	va_start(ap, fmt);
	t_vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	errno = saved;
	if (t_reasonfd >= 0 && getpid() == t_testpid) {
		snprintf(out, sizeof(out), "%s:%d: %s\n", base, line, msg);
		n = strlen(out);
		(void)write(t_reasonfd, out, n);
	} else {
		snprintf(out, sizeof(out), "  [pid %d] %s:%d: %s\n",
		    (int)getpid(), base, line, msg);
		n = strlen(out);
		(void)write(2, out, n);
	}
	_exit(1);
}

/*
 * Skip the test: it cannot check what it is for here (the reason says
 * what, and why).  Only the test child itself may skip; it writes the
 * reason to the runner's pipe and exits with T_EXIT_SKIP.  Anywhere
 * else this is a failure.
 */
void
t_skip(const char *fmt, ...)
{
	char msg[256], out[300];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	t_vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (t_reasonfd < 0 || getpid() != t_testpid)
		FAIL("t_skip outside the test process: %s", msg);
	snprintf(out, sizeof(out), "%s\n", msg);
	n = strlen(out);
	(void)write(t_reasonfd, out, n);
	_exit(T_EXIT_SKIP);
}

static const char *const errnames[] = {
	[EPERM] = "EPERM", [ENOENT] = "ENOENT", [ESRCH] = "ESRCH",
	[EINTR] = "EINTR", [EIO] = "EIO", [ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG", [ENOEXEC] = "ENOEXEC", [EBADF] = "EBADF",
	[ECHILD] = "ECHILD", [EDEADLK] = "EDEADLK", [ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES", [EFAULT] = "EFAULT", [ENOTBLK] = "ENOTBLK",
	[EBUSY] = "EBUSY", [EEXIST] = "EEXIST", [EXDEV] = "EXDEV",
	[ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR", [EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL", [ENFILE] = "ENFILE", [EMFILE] = "EMFILE",
	[ENOTTY] = "ENOTTY", [ETXTBSY] = "ETXTBSY", [EFBIG] = "EFBIG",
	[ENOSPC] = "ENOSPC", [ESPIPE] = "ESPIPE", [EROFS] = "EROFS",
	[EMLINK] = "EMLINK", [EPIPE] = "EPIPE", [EDOM] = "EDOM",
	[ERANGE] = "ERANGE", [EAGAIN] = "EAGAIN", [ENOSYS] = "ENOSYS",
	[ENAMETOOLONG] = "ENAMETOOLONG", [ENOTEMPTY] = "ENOTEMPTY",
	[EOVERFLOW] = "EOVERFLOW", [ENOTSUP] = "ENOTSUP",
};

/*
 * The symbolic name of an error number ("EFAULT"), or "errno N".  The
 * result of an unknown number lives in one of four rotating buffers.
 */
const char *
t_errname(int e)
{
	static char buf[4][16];
	static int next;
	char *b;

	if (e == 0)
		return ("no error");
	if (e > 0 && e < (int)nitems(errnames) && errnames[e] != NULL)
		return (errnames[e]);
	b = buf[next++ & 3];
	snprintf(b, sizeof(buf[0]), "errno %d", e);
	return (b);
}

static const char *const signames[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL", [SIGBUS] = "SIGBUS",
	[SIGSEGV] = "SIGSEGV", [SIGSYS] = "SIGSYS", [SIGPIPE] = "SIGPIPE",
	[SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGSTOP] = "SIGSTOP",
	[SIGCHLD] = "SIGCHLD", [SIGUSR1] = "SIGUSR1", [SIGUSR2] = "SIGUSR2",
};

/*
 * The name of a signal ("SIGSEGV"), or "signal N".
 */
const char *
t_signame(int sig)
{
	static char buf[4][16];
	static int next;
	char *b;

	if (sig > 0 && sig < (int)nitems(signames) && signames[sig] != NULL)
		return (signames[sig]);
	b = buf[next++ & 3];
	snprintf(b, sizeof(buf[0]), "signal %d", sig);
	return (b);
}

/*
 * Describe a wait status in words ("exited with 1", "killed by
 * SIGSEGV") into buf; returns buf.
 */
const char *
t_statusstr(int st, char *buf, size_t size)
{

	if (WIFEXITED(st))
		snprintf(buf, size, "exited with %d", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		snprintf(buf, size, "killed by %s%s", t_signame(WTERMSIG(st)),
		    WCOREDUMP(st) ? " (core)" : "");
	else if (WIFSTOPPED(st))
		snprintf(buf, size, "stopped by %s", t_signame(WSTOPSIG(st)));
	else
		snprintf(buf, size, "wait status 0x%x", st);
	return (buf);
}

/*
 * fork(), failing the test if it fails.
 */
pid_t
t_fork(void)
{
	pid_t pid;

	pid = fork();
	if (pid == -1)
		FAIL("fork: %s", t_errname(errno));
	return (pid);
}

/*
 * Wait for child pid (retrying after EINTR) and return its status.
 * Fails the test if waitpid fails or returns another pid.
 */
int
t_wait(pid_t pid)
{
	pid_t r;
	int st;

	do {
		st = 0;
		r = waitpid(pid, &st, 0);
	} while (r == -1 && errno == EINTR);
	if (r != pid)
		FAIL("waitpid(%d): returned %d (%s)", (int)pid, (int)r,
		    r == -1 ? t_errname(errno) : "wrong pid");
	return (st);
}

/*
 * Wait for child pid for at most secs seconds, polling with WNOHANG.
 * Returns 0 with the status in *stp, or -1 when the time ran out, in
 * which case the child has been killed with SIGKILL and reaped.
 */
int
t_wait_timeout(pid_t pid, int secs, int *stp)
{
	long start;
	pid_t r;
	int delay = 1;

	start = t_now_ms();
	for (;;) {
		r = waitpid(pid, stp, WNOHANG);
		if (r == pid)
			return (0);
		if (r == -1 && errno != EINTR)
			FAIL("waitpid(%d, WNOHANG): %s", (int)pid,
			    t_errname(errno));
		if (t_now_ms() - start >= secs * 1000L) {
			(void)kill(pid, SIGKILL);
			(void)t_wait(pid);
			return (-1);
		}
		t_msleep(delay);
		if (delay < 20)
			delay *= 2;
	}
}

/*
 * Wait for child pid and fail unless it exited with status code.
 */
void
t_expect_exit(pid_t pid, int code, const char *what)
{
	char buf[64];
	int st;

	st = t_wait(pid);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != code)
		FAIL("%s: child %s, expected exit %d", what,
		    t_statusstr(st, buf, sizeof(buf)), code);
}

/*
 * Wait for child pid and fail unless a signal sig killed it.
 */
void
t_expect_signal(pid_t pid, int sig, const char *what)
{
	char buf[64];
	int st;

	st = t_wait(pid);
	if (!WIFSIGNALED(st) || WTERMSIG(st) != sig)
		FAIL("%s: child %s, expected death by %s", what,
		    t_statusstr(st, buf, sizeof(buf)), t_signame(sig));
}

/*
 * Run fn(arg) in a child, which exits 0 if fn returns, and fail unless
 * the child is killed by signal sig within 30 seconds.
 */
void
t_expect_death(void (*fn)(void *), void *arg, int sig, const char *what)
{
	char buf[64];
	pid_t pid;
	int st;

	pid = t_fork();
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	if (t_wait_timeout(pid, 30, &st) == -1)
		FAIL("%s: child did not finish in 30 s", what);
	if (!WIFSIGNALED(st) || WTERMSIG(st) != sig)
		FAIL("%s: child %s, expected death by %s", what,
		    t_statusstr(st, buf, sizeof(buf)), t_signame(sig));
}

/*
 * Read a byte at address a (for t_expect_death).
 */
void
t_touch_read(void *a)
{
	volatile char *p = a;

	(void)*p;
}

/*
 * Write a byte at address a (for t_expect_death).
 */
void
t_touch_write(void *a)
{
	volatile char *p = a;

	*p = 0x5a;
}

/*
 * Fork a child that tells us it is ready and then blocks reading a pipe
 * that never delivers anything; *blockw gets the write end to close
 * once the child is dead.  Returns the child's pid.
 */
pid_t
t_blocked_child(int *blockw)
{
	int ready[2], block[2];
	pid_t pid;
	char c;

	t_pipe(ready);
	t_pipe(block);
	pid = t_fork();
	if (pid == 0) {
		close(ready[0]);
		close(block[1]);
		if (write(ready[1], "r", 1) != 1)
			_exit(2);
		while (read(block[0], &c, 1) == -1 && errno == EINTR)
			continue;
		_exit(0);
	}
	close(ready[1]);
	close(block[0]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "child never became ready");
	close(ready[0]);
	*blockw = block[1];
	return (pid);
}

/*
 * Run body in a child process of its own, as if it were the test: its
 * failure (FAIL, EXPECT) is written to a pipe of ours, and becomes ours,
 * reason and all; a child that dies otherwise fails the test with how
 * it ended.  Either way after (if not NULL) runs first, to undo what
 * the test changed.  What the body mapped dies with the child, page
 * tables included, so that the test can compare kernel resources
 * before and after it (t_kres_expect).  Returns when the body passed,
 * after after().
 */
void
t_subtest(void (*body)(void), void (*after)(void))
{
	char msg[256], how[64];
	int rp[2], st;
	long n;
	pid_t pid;

	t_pipe(rp);
	(void)fcntl(rp[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(rp[1], F_SETFD, FD_CLOEXEC);
	pid = t_fork();
	if (pid == 0) {
		close(rp[0]);
		t_reasonfd = rp[1];
		t_testpid = getpid();
		body();
		_exit(0);
	}
	close(rp[1]);
	n = t_readall(rp[0], msg, sizeof(msg) - 1);
	close(rp[0]);
	st = t_wait(pid);
	if (after != NULL)
		after();
	if (n > 0) {
		(void)write(t_reasonfd, msg, n);
		_exit(1);
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		FAIL("the test's body %s", t_statusstr(st, how, sizeof(how)));
}

/*
 * Fork and execute the runner (argv[0] should be "runtests", argv[1]
 * "-C") with the given environment, infd (if not -1) as standard input
 * and outfd (if not -1) as standard output.  Every other descriptor
 * above 2 is closed in the child, so that it holds no pipe ends of the
 * caller's.  Returns the child's pid; the child exits 127 if execve
 * fails.
 */
pid_t
t_spawn(char *const argv[], char *const envp[], int infd, int outfd)
{

	return (t_spawn_path(RUNTESTS_PATH, argv, envp, infd, outfd));
}

/* t_spawn, for any program: path is executed instead of the runner. */
pid_t
t_spawn_path(const char *path, char *const argv[], char *const envp[],
    int infd, int outfd)
{
	pid_t pid;
	int fd;

	pid = t_fork();
	if (pid != 0)
		return (pid);
	if (infd >= 0 && infd != 0 && dup2(infd, 0) == -1)
		_exit(126);
	if (outfd >= 0 && outfd != 1 && dup2(outfd, 1) == -1)
		_exit(126);
	for (fd = 3; fd < NOFILE; fd++)
		(void)close(fd);
	execve(path, argv, envp);
	_exit(127);
}

/*
 * t_spawn_path with two new pipes for the child's standard input and
 * output: *inw gets the end to write its input to, *outr the end to
 * read its output from.  Returns the child's pid.
 */
pid_t
t_spawn_pipes(const char *path, char *const argv[], int *inw, int *outr)
{
	int in[2], out[2];
	pid_t pid;

	t_pipe(in);
	t_pipe(out);
	pid = t_spawn_path(path, argv, environ, in[0], out[1]);
	close(in[0]);
	close(out[1]);
	*inw = in[1];
	*outr = out[0];
	return (pid);
}

/*
 * Run the runner with argv and envp, its standard output captured into
 * out (NUL-terminated; at most size - 1 bytes kept, the rest read and
 * discarded), and return its wait status.  *lenp gets the bytes kept.
 */
int
t_run_capture(char *const argv[], char *const envp[], char *out,
    size_t size, size_t *lenp)
{

	return (t_run_capture_path(RUNTESTS_PATH, argv, envp, out, size,
	    lenp));
}

/* t_run_capture, for any program: path is executed instead. */
int
t_run_capture_path(const char *path, char *const argv[], char *const envp[],
    char *out, size_t size, size_t *lenp)
{
	char junk[256];
	size_t len = 0;
	ssize_t n;
	pid_t pid;
	int p[2];

	t_pipe(p);
	pid = t_spawn_path(path, argv, envp, -1, p[1]);
	close(p[1]);
	for (;;) {
		if (len < size - 1)
			n = read(p[0], out + len, size - 1 - len);
		else
			n = read(p[0], junk, sizeof(junk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			FAIL("read from child's pipe: %s", t_errname(errno));
		if (n == 0)
			break;
		if (len < size - 1)
			len += n;
	}
	out[len] = '\0';
	close(p[0]);
	if (lenp != NULL)
		*lenp = len;
	return (t_wait(pid));
}

/*
 * Sleep for ms milliseconds, resuming after interruptions.
 */
void
t_msleep(int ms)
{
	struct timespec ts, rem;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &rem) == -1) {
		if (errno != EINTR)
			FAIL("nanosleep: %s", t_errname(errno));
		ts = rem;
	}
}

/*
 * Milliseconds on the monotonic clock.
 */
long
t_now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		FAIL("clock_gettime(CLOCK_MONOTONIC): %s", t_errname(errno));
	return ((long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L);
}

/*
 * Read until size bytes have come or end of file; returns the count.
 * Fails the test on an error other than EINTR.
 */
long
t_readall(int fd, void *buf, size_t size)
{
	size_t done = 0;
	ssize_t n;

	while (done < size) {
		n = read(fd, (char *)buf + done, size - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			FAIL("read(%d): %s", fd, t_errname(errno));
		if (n == 0)
			break;
		done += n;
	}
	return ((long)done);
}

/*
 * Write all of buf, or fail the test.
 */
void
t_writeall(int fd, const void *buf, size_t size)
{
	size_t done = 0;
	ssize_t n;

	while (done < size) {
		n = write(fd, (const char *)buf + done, size - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			FAIL("write(%d, %lu bytes): returned %ld (%s)", fd,
			    (unsigned long)(size - done), (long)n,
			    t_errname(errno));
		done += n;
	}
}

/*
 * pipe(), failing the test if it fails.
 */
void
t_pipe(int p[2])
{

	if (pipe(p) == -1)
		FAIL("pipe: %s", t_errname(errno));
}

/*
 * Install handler h (or SIG_DFL/SIG_IGN) for sig with an empty mask
 * and the given SA_* flags, failing the test if sigaction fails.
 */
void
t_signal(int sig, void (*h)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = flags;
	if (sigaction(sig, &sa, NULL) == -1)
		FAIL("sigaction(%s): %s", t_signame(sig), t_errname(errno));
}

/*
 * Fork a helper that sends sig to target every ms milliseconds, count
 * times, then exits 0.  The caller kills (SIGKILL) and reaps it when
 * done with it.  Sending repeatedly makes the tests that need a signal
 * to arrive during a system call independent of timing: one that
 * arrives too early is simply followed by another.
 */
pid_t
t_signaller(pid_t target, int sig, int ms, int count)
{
	pid_t pid;
	int i;

	pid = t_fork();
	if (pid != 0)
		return (pid);
	for (i = 0; i < count; i++) {
		t_msleep(ms);
		if (kill(target, sig) == -1)
			_exit(2);
	}
	_exit(0);
}

/*
 * The word expected in slot w of page pg under pattern tag.  A
 * multiplication by an odd constant is a bijection, so every slot of a
 * region holds a different value, and different tags give different
 * values in the same slot.
 */
static unsigned int
t_pattern(unsigned long pg, unsigned long w, unsigned int tag)
{

	return ((unsigned int)((pg << 10) | w) * 2654435761U + tag);
}

/*
 * Fill pages [first, first + n) of the region at base with pattern tag.
 */
void
t_fill(void *base, unsigned long first, unsigned long n, unsigned int tag)
{
	unsigned long pg, w, nw = T_PGSZ / 4;
	volatile unsigned int *p;

	for (pg = first; pg < first + n; pg++) {
		p = (volatile unsigned int *)((char *)base + pg * T_PGSZ);
		for (w = 0; w < nw; w++)
			p[w] = t_pattern(pg, w, tag);
	}
}

/*
 * Fail unless pages [first, first + n) of the region at base hold
 * pattern tag; the message names what, the page and the word.
 */
void
t_check(void *base, unsigned long first, unsigned long n, unsigned int tag,
    const char *what)
{
	unsigned long pg, w, nw = T_PGSZ / 4;
	volatile unsigned int *p;
	unsigned int want;

	for (pg = first; pg < first + n; pg++) {
		p = (volatile unsigned int *)((char *)base + pg * T_PGSZ);
		for (w = 0; w < nw; w++) {
			want = t_pattern(pg, w, tag);
			if (p[w] != want)
				FAIL("%s: page %lu word %lu is 0x%08x, "
				    "expected 0x%08x (pattern 0x%x)", what,
				    pg, w, p[w], want, tag);
		}
	}
}

/*
 * Fail unless len bytes at p are all zero.
 */
void
t_check_zero(const void *p, unsigned long len, const char *what)
{
	const volatile unsigned char *c = p;
	unsigned long i;

	for (i = 0; i < len; i++)
		if (c[i] != 0)
			FAIL("%s: byte %lu (page %lu) is 0x%02x, expected 0",
			    what, i, i / T_PGSZ, c[i]);
}

/*
 * Read an int sysctl by name into *v.  Returns 0, or the error number.
 */
int
t_sysctl_int(const char *name, int *v)
{
	size_t len = sizeof(*v);

	if (sysctlbyname(name, v, &len, NULL, 0) == -1)
		return (errno);
	if (len != sizeof(*v))
		return (EINVAL);
	return (0);
}

/*
 * An int sysctl by name, failing the test if it cannot be read.
 */
int
t_stat(const char *name)
{
	int v, e;

	if ((e = t_sysctl_int(name, &v)) != 0)
		FAIL("sysctl %s: %s", name, t_errname(e));
	return (v);
}

/*
 * Read a sysctl structure of exactly len bytes; 0 or an errno value.
 */
int
t_sysctl_struct(const char *name, void *buf, size_t len)
{
	size_t got = len;

	if (sysctlbyname(name, buf, &got, NULL, 0) == -1)
		return (errno);
	if (got != len)
		return (EINVAL);
	return (0);
}

/*
 * Fail unless vm.swap_audit finds every swap block in use owned by
 * exactly one object or retired; when says at what point.
 */
void
t_expect_swap_audit(const char *when)
{
	struct swap_audit sa;
	int e;

	if ((e = t_sysctl_struct("vm.swap_audit", &sa, sizeof(sa))) != 0)
		FAIL("vm.swap_audit: %s", t_errname(e));
	EXPECT(sa.sa_errors == 0, "%s: swap audit: %u orphaned, %u "
	    "unallocated, %u doubly owned, %u out of range", when,
	    sa.sa_orphaned, sa.sa_unallocated, sa.sa_doubly_owned,
	    sa.sa_out_of_range);
}

/*
 * The hidden pages of every object alive (vm.objects, root only):
 * resident pages in *res, swap blocks in *swap.  Returns their sum, or
 * -1 with errno set.
 */
long
t_hidden_pages(long *res, long *swap)
{
	const struct kinfo_vmobject *kvo;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec = NULL;
	unsigned int i;
	size_t len;

	*res = *swap = 0;
	if ((kvh = kinfo_getvmobjects(&len)) == NULL)
		return (-1);
	for (i = 0; i < kvh->kvh_nobjects; i++) {
		if ((kvo = kinfo_vmrec_next(kvh, len, rec,
		    sizeof(*kvo))) == NULL) {
			free(kvh);
			errno = EINVAL;
			return (-1);
		}
		rec = kvo;
		*res += kvo->kvo_hidden_res;
		*swap += kvo->kvo_hidden_swap;
	}
	free(kvh);
	return (*res + *swap);
}

/*
 * t_rawsys(num, args, errp): the system call num with eight argument
 * words from args.  The kernel reads the arguments from the user stack
 * above a return address, as 4.4BSD did on i386, and reports failure
 * with the carry flag set and the error number in %eax.  The stack
 * copy starts with a dummy return address.  %ebx, %esi, %edi and %ebp
 * are saved; the kernel may change %eax, %ecx and %edx.
 */
#if defined(__i386__)
__asm__(
"	.text\n"
"	.globl	t_rawsys\n"
"	.type	t_rawsys, @function\n"
"t_rawsys:\n"
"	pushl	%ebp\n"
"	movl	%esp, %ebp\n"
"	pushl	%esi\n"
"	pushl	%edi\n"
"	pushl	%ebx\n"
"	subl	$36, %esp\n"
"	movl	12(%ebp), %esi\n"
"	leal	4(%esp), %edi\n"
"	movl	$8, %ecx\n"
"	cld\n"
"	rep movsl\n"
"	movl	$0, (%esp)\n"
"	movl	8(%ebp), %eax\n"
"	int	$0x80\n"
"	movl	16(%ebp), %ecx\n"
"	jc	1f\n"
"	movl	$0, (%ecx)\n"
"	jmp	2f\n"
"1:	movl	%eax, (%ecx)\n"
"	movl	$-1, %eax\n"
"2:	leal	-12(%ebp), %esp\n"
"	popl	%ebx\n"
"	popl	%edi\n"
"	popl	%esi\n"
"	popl	%ebp\n"
"	ret\n"
"	.size	t_rawsys, . - t_rawsys\n");
#else
/* Not an Umbra/i386 build (a host check): there is no raw call. */
int
t_rawsys(int num, const unsigned long *args, int *errp)
{

	(void)num;
	(void)args;
	*errp = ENOSYS;
	return (-1);
}
#endif

/*
 * t_syscall(&err, num, a1, ..., a6): t_rawsys with its arguments
 * spelled out; unused ones are passed as 0.
 */
int
t_syscall(int *errp, int num, unsigned long a1, unsigned long a2,
    unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6)
{
	unsigned long args[8];

	args[0] = a1;
	args[1] = a2;
	args[2] = a3;
	args[3] = a4;
	args[4] = a5;
	args[5] = a6;
	args[6] = 0;
	args[7] = 0;
	return (t_rawsys(num, args, errp));
}

/*
 * Read fd until its end into buf (size bytes, NUL-terminated); fails
 * the test if there is more, or on an error.  Returns the length.
 */
static size_t
t_slurp(int fd, char *buf, size_t size, const char *what)
{
	size_t len = 0;
	ssize_t n;

	for (;;) {
		n = read(fd, buf + len, size - 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			FAIL("reading the %s: %s", what, t_errname(errno));
		if (n == 0)
			break;
		len += n;
		if (len == size - 1)
			FAIL("the %s is longer than %zu bytes", what, size - 1);
	}
	buf[len] = '\0';
	return (len);
}

/*
 * Run path with argv and our environment, as uid (0: as we are), with
 * input (NULL: nothing) on its standard input and its standard output
 * and error captured, through pipes, into out and err (outsize and
 * errsize bytes, NUL-terminated; more output fails the test).  The
 * outputs are read one after the other, so the program's standard
 * error and its input must each fit in a pipe (a few KiB).  Returns the
 * wait status; a program that could not be started exits 125 (setuid),
 * 126 (dup2) or 127 (execve).
 */
int
t_run_io(const char *path, char *const argv[], uid_t uid, const char *input,
    char *out, size_t outsize, char *err, size_t errsize)
{
	extern char **environ;
	int pi[2], po[2], pe[2];
	pid_t pid;

	t_pipe(pi);
	t_pipe(po);
	t_pipe(pe);
	pid = t_fork();
	if (pid == 0) {
		if (uid != 0 && setuid(uid) == -1)
			_exit(125);
		if (dup2(pi[0], 0) == -1 || dup2(po[1], 1) == -1 ||
		    dup2(pe[1], 2) == -1)
			_exit(126);
		close(pi[0]);
		close(pi[1]);
		close(po[0]);
		close(po[1]);
		close(pe[0]);
		close(pe[1]);
		execve(path, argv, environ);
		_exit(127);
	}
	close(pi[0]);
	close(po[1]);
	close(pe[1]);
	if (input != NULL)
		t_writeall(pi[1], input, strlen(input));
	close(pi[1]);
	(void)t_slurp(po[0], out, outsize, "standard output");
	(void)t_slurp(pe[0], err, errsize, "standard error");
	close(po[0]);
	close(pe[0]);
	return (t_wait(pid));
}
