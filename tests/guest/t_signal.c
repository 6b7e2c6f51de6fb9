/*
 * t_signal.c: tests of signals: default actions, handlers installed
 * with sigaction (the signal number, the mask while a handler runs,
 * SA_RESETHAND, delivery to a busy process, registers intact after
 * return), SIGKILL's special status, SIG_IGN, blocking and sigpending,
 * SIGCHLD with sigsuspend, interrupted and restarted system calls, the
 * errors of kill, and what execve keeps.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

extern char **environ;

static volatile int	got_sig;	/* the last signal a handler got */
static volatile int	got_count;	/* how many times it ran */
static volatile int	got_masked;	/* was got_sig blocked inside it? */
static volatile int	got_usr2masked;	/* was SIGUSR2 blocked inside it? */

/*
 * Handler that records the signal, counts, and notes what the signal
 * mask was while it ran.
 */
static void
handler(int sig)
{
	sigset_t cur;

	got_sig = sig;
	got_count++;
	if (sigprocmask(SIG_BLOCK, NULL, &cur) == 0) {
		got_masked = sigismember(&cur, sig);
		got_usr2masked = sigismember(&cur, SIGUSR2);
	}
}

/*
 * Fork a child that reports readiness and then spins in user mode
 * forever.  Returns its pid.
 */
static pid_t
busy_child(void)
{
	volatile unsigned int n = 0;
	int ready[2];
	pid_t pid;
	char c;

	t_pipe(ready);
	pid = t_fork();
	if (pid == 0) {
		close(ready[0]);
		if (write(ready[1], "r", 1) != 1)
			_exit(2);
		for (;;)
			n++;
	}
	close(ready[1]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "busy child did not start");
	close(ready[0]);
	return (pid);
}

/*
 * The default action of SIGTERM, SIGINT, SIGKILL, SIGHUP and SIGUSR1
 * kills, whether the child sleeps in a system call or spins in user
 * mode; the status names the signal.
 */
void
test_sig_default(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGKILL, SIGHUP,
	    SIGUSR1 };
	char what[64];
	pid_t pid;
	int i, w;

	for (i = 0; i < (int)nitems(sigs); i++) {
		pid = t_blocked_child(&w);
		EXPECT_OK(kill(pid, sigs[i]));
		snprintf(what, sizeof(what), "%s to a sleeping child",
		    t_signame(sigs[i]));
		t_expect_signal(pid, sigs[i], what);
		close(w);

		pid = busy_child();
		EXPECT_OK(kill(pid, sigs[i]));
		snprintf(what, sizeof(what), "%s to a spinning child",
		    t_signame(sigs[i]));
		t_expect_signal(pid, sigs[i], what);
	}
}

/*
 * In a child: a SA_RESETHAND handler runs once, and the second signal
 * takes the default action (the parent expects death by SIGUSR1).
 */
static void
resethand_child(void *arg)
{
	struct sigaction sa;

	(void)arg;
	got_count = 0;
	t_signal(SIGUSR1, handler, SA_RESETHAND);
	kill(getpid(), SIGUSR1);
	if (got_count != 1)
		FAIL("SA_RESETHAND handler ran %d times", got_count);
	if (sigaction(SIGUSR1, NULL, &sa) == -1 || sa.sa_handler != SIG_DFL)
		FAIL("SA_RESETHAND did not reset the action to SIG_DFL");
	kill(getpid(), SIGUSR1);
	FAIL("survived SIGUSR1 after SA_RESETHAND");
}

/*
 * A handler installed with sigaction runs, gets the signal number, has
 * the signal (and sa_mask) blocked while it runs, and the program goes
 * on where it was with its registers intact; sigaction returns the old
 * action; SA_RESETHAND; delivery to a process busy in user mode.
 */
void
test_sig_handler(void)
{
	struct sigaction sa, old;
	unsigned int acc, acc2;
	sigset_t cur;
	volatile int local = 12345;
	unsigned long n, i;
	pid_t pid, sender;
	int st, ready[2];
	char c;

	t_signal(SIGUSR1, handler, 0);
	got_count = got_sig = got_masked = 0;
	EXPECT_OK(kill(getpid(), SIGUSR1));
	EXPECT(got_count == 1, "the handler ran %d times for one signal "
	    "to self", got_count);
	EXPECT(got_sig == SIGUSR1, "the handler got signal %d, expected %d",
	    got_sig, SIGUSR1);
	EXPECT(got_masked == 1, "SIGUSR1 was not blocked inside its handler");
	EXPECT(local == 12345, "a local variable changed");
	EXPECT_OK(sigprocmask(SIG_BLOCK, NULL, &cur));
	EXPECT(!sigismember(&cur, SIGUSR1),
	    "SIGUSR1 still blocked after its handler returned");
	EXPECT_OK(kill(getpid(), SIGUSR1));
	EXPECT(got_count == 2, "the handler did not stay installed");

	/* sa_mask is added while the handler runs; the old action. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	EXPECT_OK(sigaction(SIGUSR1, &sa, &old));
	EXPECT(old.sa_handler == handler, "sigaction did not return the "
	    "old handler");
	got_usr2masked = 0;
	EXPECT_OK(kill(getpid(), SIGUSR1));
	EXPECT(got_count == 3 && got_usr2masked == 1,
	    "sa_mask's SIGUSR2 was not blocked inside the handler");
	EXPECT_OK(sigprocmask(SIG_BLOCK, NULL, &cur));
	EXPECT(!sigismember(&cur, SIGUSR2), "sa_mask stayed blocked after "
	    "the handler");

	t_expect_death(resethand_child, NULL, SIGUSR1, "SA_RESETHAND");

	/*
	 * Signals from another process while this one computes: the
	 * result must be the same as without them.
	 */
	t_signal(SIGUSR1, handler, 0);
	got_count = 0;
	sender = t_signaller(getpid(), SIGUSR1, 10, 1000);
	acc = 1;
	for (n = 0; got_count < 5; n++)
		acc = acc * 1103515245U + 12345U + (unsigned int)n;
	EXPECT_OK(kill(sender, SIGKILL));
	(void)t_wait(sender);
	acc2 = 1;
	for (i = 0; i < n; i++)
		acc2 = acc2 * 1103515245U + 12345U + (unsigned int)i;
	EXPECT(acc == acc2, "a computation interrupted by %d signals gave "
	    "0x%08x, expected 0x%08x", got_count, acc, acc2);

	/* A handler in a spinning child gets a signal from us. */
	t_pipe(ready);
	pid = t_fork();
	if (pid == 0) {
		close(ready[0]);
		got_count = 0;
		t_signal(SIGUSR1, handler, 0);
		if (write(ready[1], "r", 1) != 1)
			_exit(2);
		while (got_count == 0)
			continue;
		_exit(got_sig == SIGUSR1 ? 0 : 3);
	}
	close(ready[1]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "spinning child did not "
	    "start");
	close(ready[0]);
	EXPECT_OK(kill(pid, SIGUSR1));
	if (t_wait_timeout(pid, 30, &st) == -1)
		FAIL("a spinning child's handler did not run within 30 s");
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "spinning child: status 0x%x", st);
}

/*
 * SIGKILL cannot be caught, ignored or blocked: sigaction refuses with
 * EINVAL, sigprocmask leaves it out, and it kills a child that blocks
 * and ignores everything else.
 */
void
test_sig_kill_uncatchable(void)
{
	struct sigaction sa, old;
	sigset_t all, cur;
	pid_t pid;
	int ready[2], sig;
	char c;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = handler;
	EXPECT_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	sa.sa_handler = SIG_IGN;
	EXPECT_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	EXPECT_OK(sigaction(SIGKILL, NULL, &old));
	EXPECT(old.sa_handler == SIG_DFL, "SIGKILL's action is not SIG_DFL");

	sigfillset(&all);
	EXPECT_OK(sigprocmask(SIG_SETMASK, &all, NULL));
	EXPECT_OK(sigprocmask(SIG_BLOCK, NULL, &cur));
	EXPECT(!sigismember(&cur, SIGKILL), "SIGKILL could be blocked");
	EXPECT(sigismember(&cur, SIGTERM), "SIGTERM could not be blocked");
	sigemptyset(&all);
	EXPECT_OK(sigprocmask(SIG_SETMASK, &all, NULL));

	t_pipe(ready);
	pid = t_fork();
	if (pid == 0) {
		close(ready[0]);
		sigfillset(&all);
		(void)sigprocmask(SIG_SETMASK, &all, NULL);
		sa.sa_handler = SIG_IGN;
		for (sig = 1; sig < NSIG; sig++)
			if (sig != SIGKILL && sig != SIGSTOP)
				(void)sigaction(sig, &sa, NULL);
		if (write(ready[1], "r", 1) != 1)
			_exit(2);
		for (;;)
			t_msleep(100);
	}
	close(ready[1]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "child did not start");
	close(ready[0]);
	EXPECT_OK(kill(pid, SIGTERM));
	EXPECT_OK(kill(pid, SIGKILL));
	t_expect_signal(pid, SIGKILL, "SIGKILL to a child that blocks and "
	    "ignores everything");
}

/*
 * SIG_IGN: an ignored signal to self or from another process does not
 * kill, does not interrupt a read, is not left pending, is inherited
 * by fork; setting SIG_IGN discards a pending signal.
 */
void
test_sig_ignore(void)
{
	sigset_t set, pend;
	int ready[2], go[2];
	pid_t pid;
	long r;
	char c;

	t_signal(SIGUSR1, SIG_IGN, 0);
	EXPECT_OK(kill(getpid(), SIGUSR1));
	EXPECT_OK(sigpending(&pend));
	EXPECT(!sigismember(&pend, SIGUSR1), "an ignored signal is pending");

	t_pipe(ready);
	t_pipe(go);
	pid = t_fork();
	if (pid == 0) {
		close(ready[0]);
		close(go[1]);
		t_signal(SIGTERM, SIG_IGN, 0);
		kill(getpid(), SIGUSR1);	/* ignored, inherited */
		if (write(ready[1], "r", 1) != 1)
			_exit(2);
		r = read(go[0], &c, 1);
		if (r != 1)
			FAIL("read returned %ld (%s) around an ignored "
			    "SIGTERM", r, t_errname(errno));
		_exit(0);
	}
	close(ready[1]);
	close(go[0]);
	EXPECT(t_readall(ready[0], &c, 1) == 1, "child did not start");
	close(ready[0]);
	EXPECT_OK(kill(pid, SIGTERM));
	t_msleep(100);
	t_writeall(go[1], "g", 1);
	close(go[1]);
	t_expect_exit(pid, 0, "child ignoring SIGTERM");

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	t_signal(SIGUSR2, handler, 0);
	EXPECT_OK(kill(getpid(), SIGUSR2));
	EXPECT_OK(sigpending(&pend));
	EXPECT(sigismember(&pend, SIGUSR2), "blocked SIGUSR2 not pending");
	t_signal(SIGUSR2, SIG_IGN, 0);
	EXPECT_OK(sigpending(&pend));
	EXPECT(!sigismember(&pend, SIGUSR2),
	    "setting SIG_IGN did not discard the pending SIGUSR2");
	got_count = 0;
	EXPECT_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	EXPECT(got_count == 0, "a discarded signal reached a handler");
}

/*
 * A blocked signal stays pending (once, however often it is sent, from
 * this process or another) and is delivered as soon as it is unblocked.
 */
void
test_sig_pending(void)
{
	sigset_t set, old, pend;
	pid_t pid;

	t_signal(SIGUSR1, handler, 0);
	got_count = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, &old));
	EXPECT(!sigismember(&old, SIGUSR1), "SIGUSR1 was blocked already");
	EXPECT_OK(sigpending(&pend));
	EXPECT(!sigismember(&pend, SIGUSR1), "SIGUSR1 pending too early");
	EXPECT_OK(kill(getpid(), SIGUSR1));
	EXPECT_OK(kill(getpid(), SIGUSR1));
	EXPECT(got_count == 0, "a blocked signal was delivered");
	EXPECT_OK(sigpending(&pend));
	EXPECT(sigismember(&pend, SIGUSR1), "the blocked SIGUSR1 is not "
	    "pending");
	EXPECT(!sigismember(&pend, SIGUSR2), "SIGUSR2 pending, never sent");
	EXPECT_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	EXPECT(got_count == 1, "after unblocking, the handler ran %d times, "
	    "expected once", got_count);
	EXPECT_OK(sigpending(&pend));
	EXPECT(!sigismember(&pend, SIGUSR1), "still pending after delivery");

	/* The same with the signal coming from a child. */
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	pid = t_fork();
	if (pid == 0) {
		if (kill(getppid(), SIGUSR1) == -1)
			FAIL("kill(parent): %s", t_errname(errno));
		_exit(0);
	}
	t_expect_exit(pid, 0, "child sending SIGUSR1");
	EXPECT(got_count == 1, "a blocked signal from a child was delivered");
	EXPECT_OK(sigpending(&pend));
	EXPECT(sigismember(&pend, SIGUSR1), "SIGUSR1 from a child is not "
	    "pending");
	EXPECT_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	EXPECT(got_count == 2, "SIGUSR1 from a child: handler ran %d times "
	    "in all, expected 2", got_count);
}

static volatile int	chld_count;	/* SIGCHLDs handled */

/*
 * Count SIGCHLD.
 */
static void
chld_handler(int sig)
{

	if (sig == SIGCHLD)
		chld_count++;
}

/*
 * Each child's exit sends SIGCHLD to its parent: with SIGCHLD blocked,
 * fork a child, wait for the signal in sigsuspend (which returns EINTR
 * after the handler and restores the mask), then reap the child.
 */
void
test_sig_chld(void)
{
	sigset_t set, old, cur;
	pid_t pid;
	int i, r;

	t_signal(SIGCHLD, chld_handler, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, &old));
	chld_count = 0;
	for (i = 0; i < 3; i++) {
		pid = t_fork();
		if (pid == 0)
			_exit(i);
		errno = 0;
		r = sigsuspend(&old);
		EXPECT(r == -1 && errno == EINTR, "sigsuspend returned %d (%s)",
		    r, t_errname(errno));
		EXPECT(chld_count == i + 1, "after child %d exited, SIGCHLD "
		    "was handled %d times", i + 1, chld_count);
		EXPECT_OK(sigprocmask(SIG_BLOCK, NULL, &cur));
		EXPECT(sigismember(&cur, SIGCHLD),
		    "sigsuspend did not restore the mask");
		t_expect_exit(pid, i, "child");
	}
	EXPECT_OK(sigprocmask(SIG_SETMASK, &old, NULL));
}

/*
 * A signal whose handler lacks SA_RESTART interrupts nanosleep (EINTR,
 * with a sensible remaining time) and a read on an empty pipe (EINTR);
 * with SA_RESTART the read goes on and returns the data that comes
 * later.  A helper sends the signal repeatedly, so one that arrives
 * before the call starts does no harm.
 */
void
test_sig_eintr(void)
{
	struct timespec ts, rem;
	int p[2], r;
	pid_t s, pid;
	char c;

	t_signal(SIGUSR1, handler, 0);
	s = t_signaller(getpid(), SIGUSR1, 100, 300);
	ts.tv_sec = 10;
	ts.tv_nsec = 0;
	rem.tv_sec = -1;
	rem.tv_nsec = -1;
	errno = 0;
	r = nanosleep(&ts, &rem);
	EXPECT(r == -1 && errno == EINTR, "nanosleep(10 s) with signals "
	    "coming: returned %d (%s)", r, t_errname(errno));
	EXPECT(rem.tv_sec >= 0 && rem.tv_sec <= 10 && rem.tv_nsec >= 0 &&
	    rem.tv_nsec < 1000000000L && (rem.tv_sec < 10 ||
	    rem.tv_nsec == 0), "interrupted nanosleep left %ld s %ld ns",
	    (long)rem.tv_sec, rem.tv_nsec);

	t_pipe(p);
	errno = 0;
	r = read(p[0], &c, 1);
	EXPECT(r == -1 && errno == EINTR, "read of an empty pipe with "
	    "signals coming: returned %d (%s)", r, t_errname(errno));
	EXPECT_OK(kill(s, SIGKILL));
	(void)t_wait(s);

	t_signal(SIGUSR1, handler, SA_RESTART);
	got_count = 0;
	pid = t_fork();
	if (pid == 0) {
		for (r = 0; r < 3; r++) {
			t_msleep(100);
			(void)kill(getppid(), SIGUSR1);
		}
		t_msleep(100);
		t_writeall(p[1], "z", 1);
		_exit(0);
	}
	errno = 0;
	r = read(p[0], &c, 1);
	EXPECT(r == 1 && c == 'z', "read with SA_RESTART signals coming: "
	    "returned %d (%s)", r, t_errname(errno));
	t_expect_exit(pid, 0, "sender");
	EXPECT(got_count >= 1, "the SA_RESTART handler never ran");
	close(p[0]);
	close(p[1]);
}

/*
 * kill and sigaction errors: ESRCH for a pid that is gone, EINVAL for
 * bad signal numbers and a bad sigprocmask `how', EPERM for a non-root
 * process signalling root's processes (checked with signal 0 on init,
 * so that nothing is sent to it even if the check is missing).
 */
void
test_sig_errors(void)
{
	struct sigaction sa;
	sigset_t set;
	pid_t pid, victim;
	int w;

	pid = t_fork();
	if (pid == 0)
		_exit(0);
	t_expect_exit(pid, 0, "child");
	EXPECT_ERR(kill(pid, SIGTERM), ESRCH);
	EXPECT_ERR(kill(pid, 0), ESRCH);
	EXPECT_OK(kill(getpid(), 0));
	EXPECT_ERR(kill(getpid(), NSIG), EINVAL);
	EXPECT_ERR(kill(getpid(), -1), EINVAL);
	EXPECT_ERR(kill(getpid(), 1000), EINVAL);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	EXPECT_ERR(sigaction(0, &sa, NULL), EINVAL);
	EXPECT_ERR(sigaction(NSIG, &sa, NULL), EINVAL);
	EXPECT_ERR(sigaction(-1, &sa, NULL), EINVAL);
	sigemptyset(&set);
	EXPECT_ERR(sigprocmask(99, &set, NULL), EINVAL);

	victim = t_blocked_child(&w);
	pid = t_fork();
	if (pid == 0) {
		if (setuid(1000) == -1)
			FAIL("setuid(1000): %s", t_errname(errno));
		if (kill(1, 0) != -1 || errno != EPERM)
			FAIL("uid 1000: kill(1, 0) gave %s, expected EPERM",
			    t_errname(errno));
		if (kill(victim, 0) != -1 || errno != EPERM)
			FAIL("uid 1000: kill(root's process, 0) gave %s, "
			    "expected EPERM", t_errname(errno));
		if (kill(victim, SIGTERM) != -1 || errno != EPERM)
			FAIL("uid 1000: kill(root's process, SIGTERM) gave "
			    "%s, expected EPERM", t_errname(errno));
		if (kill(getpid(), 0) == -1)
			FAIL("uid 1000: kill(self, 0): %s", t_errname(errno));
		_exit(0);
	}
	t_expect_exit(pid, 0, "non-root child");
	EXPECT(kill(victim, 0) == 0, "root's process is gone after a "
	    "non-root kill: %s", t_errname(errno));
	EXPECT_OK(kill(victim, SIGKILL));
	t_expect_signal(victim, SIGKILL, "victim");
	close(w);
}

/*
 * execve keeps ignored signals ignored and the signal mask, and resets
 * caught signals to their default action.
 */
void
test_sig_exec(void)
{
	char *av[] = { "runtests", "-C", "sigstate", NULL };
	char out[128];
	sigset_t set;
	size_t len;
	int st;

	t_signal(SIGTERM, SIG_IGN, 0);
	t_signal(SIGUSR1, handler, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	EXPECT_OK(sigprocmask(SIG_SETMASK, &set, NULL));
	st = t_run_capture(av, environ, out, sizeof(out), &len);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "runtests -C sigstate: status 0x%x", st);
	EXPECT(strcmp(out, "TERM=IGN USR1=DFL USR2blocked=1 TERMblocked=0\n")
	    == 0, "after execve: \"%.60s\", expected \"TERM=IGN USR1=DFL "
	    "USR2blocked=1 TERMblocked=0\"", out);
}
