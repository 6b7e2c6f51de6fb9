/*
 * t_proc.c: tests of the process machinery: fork, _exit, waitpid and
 * wait4, orphans, and execve (arguments, environment, errors, which
 * descriptors survive).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

extern char **environ;

/*
 * fork returns 0 in the child and the child's pid in the parent; the
 * child's getpid() is that pid and its getppid() is the parent.
 */
void
test_fork_basic(void)
{
	pid_t parent, pid, got, me;
	int p[2];

	parent = getpid();
	EXPECT(parent > 0, "getpid() = %d", (int)parent);
	EXPECT(getppid() > 0 && getppid() != parent,
	    "getppid() = %d, getpid() = %d", (int)getppid(), (int)parent);
	t_pipe(p);
	pid = t_fork();
	if (pid == 0) {
		me = getpid();
		if (me == parent)
			FAIL("child: getpid() is the parent's pid %d",
			    (int)me);
		if (getppid() != parent)
			FAIL("child: getppid() = %d, expected %d",
			    (int)getppid(), (int)parent);
		if (write(p[1], &me, sizeof(me)) != sizeof(me))
			FAIL("child: write: %s", t_errname(errno));
		_exit(0);
	}
	EXPECT(getpid() == parent,
	    "fork returned %d in a process whose getpid() is %d, not %d",
	    (int)pid, (int)getpid(), (int)parent);
	EXPECT(pid > 0 && pid != parent, "fork returned %d", (int)pid);
	close(p[1]);
	EXPECT(t_readall(p[0], &got, sizeof(got)) == sizeof(got),
	    "the child sent no pid");
	close(p[0]);
	EXPECT(got == pid, "fork returned %d, but the child's getpid() is %d",
	    (int)pid, (int)got);
	t_expect_exit(pid, 0, "child");
}

/*
 * Exit statuses 0, 1, 42 and 255 reach waitpid intact, through _exit
 * and exit, and only the low 8 bits of the value count.  wait4 and
 * waitpid(-1) find the child too.
 */
void
test_exit_status(void)
{
	static const int codes[] = { 0, 1, 42, 255 };
	struct rusage ru;
	char buf[64];
	pid_t pid;
	int i, st;

	for (i = 0; i < (int)nitems(codes); i++) {
		pid = t_fork();
		if (pid == 0)
			_exit(codes[i]);
		st = t_wait(pid);
		EXPECT(WIFEXITED(st) && !WIFSIGNALED(st) &&
		    WEXITSTATUS(st) == codes[i], "_exit(%d): child %s",
		    codes[i], t_statusstr(st, buf, sizeof(buf)));
	}

	pid = t_fork();
	if (pid == 0)
		exit(42);
	t_expect_exit(pid, 42, "exit(42)");

	pid = t_fork();
	if (pid == 0)
		_exit(256 + 7);
	t_expect_exit(pid, 7, "_exit(263)");

	pid = t_fork();
	if (pid == 0)
		_exit(3);
	EXPECT(waitpid(-1, &st, 0) == pid, "waitpid(-1) did not give %d",
	    (int)pid);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 3, "waitpid(-1): %s",
	    t_statusstr(st, buf, sizeof(buf)));

	pid = t_fork();
	if (pid == 0)
		_exit(5);
	memset(&ru, 0xff, sizeof(ru));
	EXPECT(wait4(pid, &st, 0, &ru) == pid, "wait4: %s",
	    t_errname(errno));
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 5, "wait4: %s",
	    t_statusstr(st, buf, sizeof(buf)));
	EXPECT(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 &&
	    ru.ru_stime.tv_usec >= 0 && ru.ru_stime.tv_usec < 1000000,
	    "wait4 filled rusage with impossible times");
}

/*
 * A child killed by SIGKILL or SIGTERM, from outside or by itself,
 * shows WIFSIGNALED with that signal and not WIFEXITED.
 */
void
test_wait_signaled(void)
{
	static const int sigs[] = { SIGKILL, SIGTERM };
	char buf[64];
	pid_t pid;
	int i, st, w;

	for (i = 0; i < (int)nitems(sigs); i++) {
		pid = t_blocked_child(&w);
		EXPECT_OK(kill(pid, sigs[i]));
		st = t_wait(pid);
		close(w);
		EXPECT(WIFSIGNALED(st) && !WIFEXITED(st) &&
		    WTERMSIG(st) == sigs[i], "kill(%s): child %s",
		    t_signame(sigs[i]), t_statusstr(st, buf, sizeof(buf)));
	}
	pid = t_fork();
	if (pid == 0) {
		kill(getpid(), SIGTERM);
		_exit(0);
	}
	t_expect_signal(pid, SIGTERM, "kill(getpid(), SIGTERM)");
}

/*
 * waitpid gives ECHILD for init, for a grandchild, for a child already
 * reaped, and when there are no children at all.
 */
void
test_wait_nochild(void)
{
	int st, res[2], block[2];
	pid_t pid, g;
	char c;

	EXPECT_ERR(waitpid(-1, &st, 0), ECHILD);
	EXPECT_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
	EXPECT_ERR(waitpid(1, &st, 0), ECHILD);
	EXPECT_ERR(waitpid(getppid(), &st, WNOHANG), ECHILD);

	t_pipe(res);
	t_pipe(block);
	pid = t_fork();
	if (pid == 0) {
		close(res[0]);
		g = t_fork();
		if (g == 0) {
			close(block[1]);
			while (read(block[0], &c, 1) == -1 && errno == EINTR)
				continue;
			_exit(0);
		}
		close(block[0]);
		close(block[1]);
		if (write(res[1], &g, sizeof(g)) != sizeof(g))
			_exit(2);
		t_expect_exit(g, 0, "grandchild");
		_exit(0);
	}
	close(res[1]);
	close(block[0]);
	EXPECT(t_readall(res[0], &g, sizeof(g)) == sizeof(g),
	    "no grandchild pid");
	EXPECT_ERR(waitpid(g, &st, 0), ECHILD);
	EXPECT_ERR(waitpid(g, &st, WNOHANG), ECHILD);
	close(block[1]);
	close(res[0]);
	t_expect_exit(pid, 0, "child");
	EXPECT_ERR(waitpid(pid, &st, 0), ECHILD);
}

/*
 * WNOHANG returns 0 while the child is alive, and its pid once it has
 * exited.
 */
void
test_wait_nohang(void)
{
	char buf[64];
	long start;
	pid_t pid, r;
	int st, w;

	pid = t_blocked_child(&w);
	r = waitpid(pid, &st, WNOHANG);
	EXPECT(r == 0, "waitpid(child, WNOHANG) = %d (%s) while it runs",
	    (int)r, t_errname(errno));
	r = waitpid(-1, &st, WNOHANG);
	EXPECT(r == 0, "waitpid(-1, WNOHANG) = %d (%s) while it runs",
	    (int)r, t_errname(errno));
	close(w);
	start = t_now_ms();
	for (;;) {
		r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			break;
		EXPECT(r == 0, "waitpid(WNOHANG) = %d (%s)", (int)r,
		    t_errname(errno));
		EXPECT(t_now_ms() - start < 30000,
		    "the child did not exit within 30 s of its pipe closing");
		t_msleep(5);
	}
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child %s",
	    t_statusstr(st, buf, sizeof(buf)));
}

#define	NMANY	50

/*
 * NMANY children alive at the same time, each exiting with its own
 * status once released; waitpid(-1) reaps each exactly once.
 */
void
test_fork_many(void)
{
	pid_t pids[NMANY], r;
	char seen[NMANY], buf[64], c;
	int go[2], i, j, st;

	t_pipe(go);
	for (i = 0; i < NMANY; i++) {
		pids[i] = fork();
		if (pids[i] == -1) {
			close(go[1]);
			for (j = 0; j < i; j++)
				(void)t_wait(pids[j]);
			FAIL("fork number %d of %d: %s", i + 1, NMANY,
			    t_errname(errno));
		}
		if (pids[i] == 0) {
			close(go[1]);
			while (read(go[0], &c, 1) == -1 && errno == EINTR)
				continue;
			_exit(100 + i);
		}
	}
	close(go[0]);
	for (i = 0; i < NMANY; i++) {
		for (j = 0; j < i; j++)
			EXPECT(pids[i] != pids[j], "children %d and %d both "
			    "have pid %d", j, i, (int)pids[i]);
		EXPECT(kill(pids[i], 0) == 0, "child %d (pid %d) is not "
		    "alive: %s", i, (int)pids[i], t_errname(errno));
	}
	close(go[1]);
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < NMANY; i++) {
		do {
			r = waitpid(-1, &st, 0);
		} while (r == -1 && errno == EINTR);
		EXPECT(r > 0, "waitpid(-1) number %d: %s", i + 1,
		    t_errname(errno));
		for (j = 0; j < NMANY && pids[j] != r; j++)
			continue;
		EXPECT(j < NMANY, "waitpid(-1) returned %d, not a child",
		    (int)r);
		EXPECT(!seen[j], "child %d (pid %d) reaped twice", j, (int)r);
		seen[j] = 1;
		EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 100 + j,
		    "child %d: %s, expected exit %d", j,
		    t_statusstr(st, buf, sizeof(buf)), 100 + j);
	}
	EXPECT_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
}

/*
 * A grandchild whose parent exits is adopted by init: its getppid()
 * becomes 1 (it polls for up to 20 s, since its parent's descriptors
 * close before the parent is gone).
 */
void
test_orphan(void)
{
	int res[2], dead[2], i;
	pid_t pid, g, pp;
	char c;

	t_pipe(res);
	t_pipe(dead);
	pid = t_fork();
	if (pid == 0) {
		close(res[0]);
		g = t_fork();
		if (g == 0) {
			close(dead[1]);
			while (read(dead[0], &c, 1) != 0)
				if (errno != EINTR)
					break;
			for (i = 0; i < 2000 && getppid() != 1; i++)
				t_msleep(10);
			pp = getppid();
			g = getpid();
			if (write(res[1], &pp, sizeof(pp)) != sizeof(pp) ||
			    write(res[1], &g, sizeof(g)) != sizeof(g))
				_exit(2);
			_exit(0);
		}
		_exit(0);
	}
	close(res[1]);
	close(dead[0]);
	close(dead[1]);
	t_expect_exit(pid, 0, "child");
	EXPECT(t_readall(res[0], &pp, sizeof(pp)) == sizeof(pp) &&
	    t_readall(res[0], &g, sizeof(g)) == sizeof(g),
	    "the orphan reported nothing");
	close(res[0]);
	EXPECT(pp == 1, "the orphan's getppid() is %d, not 1", (int)pp);
	/* Let init reap the orphan before the leak check looks. */
	for (i = 0; i < 500 && kill(g, 0) == 0; i++)
		t_msleep(10);
}

/*
 * Fail unless s is exactly want, showing where they first differ.
 */
static void
expect_text(const char *what, const char *s, const char *want)
{
	size_t i;

	for (i = 0; s[i] == want[i] && s[i] != '\0'; i++)
		continue;
	if (s[i] != want[i])
		FAIL("%s: output differs at byte %lu: got \"%.40s\", "
		    "expected \"%.40s\"", what, (unsigned long)i, s + i,
		    want + i);
}

/*
 * execve passes argv (including an empty string and a string with
 * spaces) and envp exactly, with argv[argc] NULL; arguments larger than
 * a page arrive intact; the process keeps its pid and parent.
 */
void
test_exec_args(void)
{
	static char big[3][10000];
	char mid[401], out[4096], want[4096], line[80];
	char *av[] = { "runtests", "-C", "argv", "alpha", "", "beta gamma",
	    mid, NULL };
	char *ev[] = { "UMBRA_T1=one", "EMPTY=", "X=y=z", NULL };
	char *av2[] = { "runtests", "-C", "argsum", big[0], big[1], big[2],
	    NULL };
	char *av3[] = { "runtests", "-C", "pid", NULL };
	unsigned int sum;
	size_t len, i, j;
	pid_t pid;
	int st, p[2];

	for (i = 0; i < sizeof(mid) - 1; i++)
		mid[i] = 'a' + i % 26;
	mid[sizeof(mid) - 1] = '\0';
	st = t_run_capture(av, ev, out, sizeof(out), &len);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "runtests -C argv: %s", t_statusstr(st, line, sizeof(line)));
	snprintf(want, sizeof(want), "argc=7\nargv[0]=<runtests>\n"
	    "argv[1]=<-C>\nargv[2]=<argv>\nargv[3]=<alpha>\nargv[4]=<>\n"
	    "argv[5]=<beta gamma>\nargv[6]=<%s>\nargv[7]=NULL\n"
	    "env=<UMBRA_T1=one>\nenv=<EMPTY=>\nenv=<X=y=z>\n", mid);
	expect_text("execve argv/envp", out, want);

	/* Three arguments of 10000 bytes: they span several pages. */
	for (j = 0; j < 3; j++) {
		for (i = 0; i < sizeof(big[0]) - 1; i++)
			big[j][i] = 'A' + (i * 7 + j) % 50;
		big[j][sizeof(big[0]) - 1] = '\0';
	}
	st = t_run_capture(av2, environ, out, sizeof(out), &len);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "runtests -C argsum: %s", t_statusstr(st, line, sizeof(line)));
	want[0] = '\0';
	for (j = 0; av2[j] != NULL; j++) {
		sum = 0;
		for (i = 0; av2[j][i] != '\0'; i++)
			sum = sum * 31 + (unsigned char)av2[j][i];
		snprintf(line, sizeof(line), "%u len=%u sum=%08x\n",
		    (unsigned int)j, (unsigned int)i, sum);
		strlcat(want, line, sizeof(want));
	}
	expect_text("execve of 30000 bytes of arguments", out, want);

	/* The pid survives execve. */
	t_pipe(p);
	pid = t_spawn(av3, environ, -1, p[1]);
	close(p[1]);
	len = t_readall(p[0], out, sizeof(out) - 1);
	out[len] = '\0';
	close(p[0]);
	t_expect_exit(pid, 0, "runtests -C pid");
	snprintf(want, sizeof(want), "pid=%d ppid=%d\n", (int)pid,
	    (int)getpid());
	expect_text("pid after execve", out, want);
}

/*
 * execve of something that cannot be executed fails with the right
 * error and leaves the caller running with its memory intact.
 */
void
test_exec_missing(void)
{
	char *av[] = { "runtests", "-C", "exit", "0", NULL };
	volatile int canary = 0x1234abcd;
	char *heap;
	pid_t pid;
	int i, e;

	heap = malloc(3 * T_PGSZ);
	EXPECT(heap != NULL, "malloc failed");
	t_fill(heap, 0, 3, 0x77);
	t_data_canary = 0x600d;

	EXPECT_ERR(execve("/nonexistent", av, environ), ENOENT);
	EXPECT_ERR(execve("/bin/nonexistent", av, environ), ENOENT);
	EXPECT_ERR(execve("/nonexistent/dir/prog", av, environ), ENOENT);
	EXPECT_ERR(execve("", av, environ), ENOENT);
	EXPECT_ERR(execve(RUNTESTS_PATH "/x", av, environ), ENOTDIR);
	EXPECT_ERR(execve("/bin", av, environ), EACCES);
	if (access("/etc/passwd", F_OK) == 0) {
		errno = 0;
		i = execve("/etc/passwd", av, environ);
		e = errno;
		EXPECT(i == -1 && (e == EACCES || e == ENOEXEC),
		    "execve(/etc/passwd): returned %d (%s), expected EACCES "
		    "or ENOEXEC", i, t_errname(e));
	}

	EXPECT(canary == 0x1234abcd, "a stack variable changed");
	EXPECT(t_data_canary == 0x600d, "a global variable changed");
	t_check(heap, 0, 3, 0x77, "heap after failed execve");
	free(heap);

	/* A child that fails to exec can still exit normally. */
	pid = t_fork();
	if (pid == 0) {
		if (execve("/nonexistent", av, environ) != -1 ||
		    errno != ENOENT)
			_exit(2);
		_exit(9);
	}
	t_expect_exit(pid, 9, "child after a failed execve");

	/* And exec still works afterwards. */
	pid = t_spawn(av, environ, -1, -1);
	t_expect_exit(pid, 0, "runtests -C exit 0");
}

/*
 * Run `runtests -C fd N' without closing any descriptor, and return
 * its output in out.
 */
static void
fd_state(int fd, char *out, size_t size)
{
	char num[16], buf[64];
	char *av[] = { "runtests", "-C", "fd", num, NULL };
	int p[2], st;
	pid_t pid;
	long n;

	snprintf(num, sizeof(num), "%d", fd);
	t_pipe(p);
	pid = t_fork();
	if (pid == 0) {
		if (dup2(p[1], 1) == -1)
			_exit(126);
		close(p[0]);
		close(p[1]);
		execve(RUNTESTS_PATH, av, environ);
		_exit(127);
	}
	close(p[1]);
	n = t_readall(p[0], out, size - 1);
	out[n] = '\0';
	close(p[0]);
	st = t_wait(pid);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "runtests -C fd: %s",
	    t_statusstr(st, buf, sizeof(buf)));
}

/*
 * An open descriptor survives execve; one marked close-on-exec (with
 * fcntl or O_CLOEXEC) does not.
 */
void
test_exec_fds(void)
{
	char out[128], want[128];
	int a, b, c;

	a = open(RUNTESTS_PATH, O_RDONLY);
	b = open(RUNTESTS_PATH, O_RDONLY);
	c = open(RUNTESTS_PATH, O_RDONLY | O_CLOEXEC);
	EXPECT(a >= 0 && b >= 0 && c >= 0, "open: %s", t_errname(errno));
	EXPECT(fcntl(a, F_GETFD) == 0, "a new descriptor has F_GETFD %d",
	    fcntl(a, F_GETFD));
	EXPECT(fcntl(c, F_GETFD) == FD_CLOEXEC,
	    "O_CLOEXEC: F_GETFD gives %d", fcntl(c, F_GETFD));
	EXPECT_OK(fcntl(b, F_SETFD, FD_CLOEXEC));
	EXPECT(fcntl(b, F_GETFD) == FD_CLOEXEC, "F_GETFD after F_SETFD: %d",
	    fcntl(b, F_GETFD));

	fd_state(a, out, sizeof(out));
	snprintf(want, sizeof(want), "fd %d open\n", a);
	expect_text("plain descriptor after execve", out, want);
	fd_state(b, out, sizeof(out));
	snprintf(want, sizeof(want), "fd %d closed EBADF\n", b);
	expect_text("FD_CLOEXEC descriptor after execve", out, want);
	fd_state(c, out, sizeof(out));
	snprintf(want, sizeof(want), "fd %d closed EBADF\n", c);
	expect_text("O_CLOEXEC descriptor after execve", out, want);
	close(a);
	close(b);
	close(c);
}

/*
 * Fork until fork fails, twice: never a hang or a panic, and the second
 * round must make as many processes as the first (nothing leaked).
 */
void
test_fork_until_fail(void)
{
	int first, second;

	first = t_fork_capacity();
	second = t_fork_capacity();
	EXPECT(first > 10, "only %d processes could be made", first);
	EXPECT(first == second, "the first round made %d processes, the "
	    "second %d: capacity changed", first, second);
}
