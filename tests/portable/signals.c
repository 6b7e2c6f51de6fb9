/*
 * signals.c: signal handling as daemons and shells write it: a SIGCHLD
 * handler that reaps with waitpid(WNOHANG) while the main program waits
 * in sigsuspend with SIGCHLD blocked around the fork (the race-free
 * pattern); SA_RESTART keeping a pipe read going through signals;
 * SA_RESETHAND; raise; strsignal and psignal.  The Linux branch that
 * calls rt_sigaction directly must not be taken.
 */
#define _XOPEN_SOURCE 700

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>	/* SYS_rt_sigaction */
#endif

#include "ptest.h"

#define	NCHILD	3

static volatile sig_atomic_t reaped, usr1, usr2;

static void
on_chld(int sig)
{
	int saved = errno, st;

	(void)sig;
	while (waitpid(-1, &st, WNOHANG) > 0)
		reaped++;
	errno = saved;
}

static void
on_usr(int sig)
{

	if (sig == SIGUSR1)
		usr1++;
	else
		usr2++;
}

static int
install(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = flags;
#if defined(__linux__) && defined(SYS_rt_sigaction)
	return (syscall(SYS_rt_sigaction, sig, &sa, NULL, 8));
#else
	return (sigaction(sig, &sa, NULL));
#endif
}

int
main(void)
{
	sigset_t block, old;
	struct sigaction sa;
	pid_t pid, me = getpid();
	ssize_t r;
	int i, fds[2];
	char c;

	pt_start("signals");

	/* Children exit; the handler reaps them while we sigsuspend. */
	install(SIGCHLD, on_chld, SA_RESTART);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	for (i = 0; i < NCHILD; i++)
		if ((pid = fork()) == 0)
			_exit(i);
	while (reaped < NCHILD)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	pt_check(reaped == NCHILD, "SIGCHLD, waitpid and sigsuspend",
	    "%d of %d children reaped", (int)reaped, NCHILD);

	/* A read goes on through SA_RESTART signals until data comes. */
	install(SIGUSR1, on_usr, SA_RESTART);
	if (pipe(fds) == -1)
		return (1);
	if ((pid = fork()) == 0) {
		for (i = 0; i < 3; i++) {
			usleep(100000);
			kill(me, SIGUSR1);
		}
		usleep(100000);
		write(fds[1], "z", 1);
		_exit(0);
	}
	r = read(fds[0], &c, 1);
	pt_check(r == 1 && c == 'z' && usr1 == 3,
	    "SA_RESTART restarts a read", "read %ld, %d signals caught",
	    (long)r, (int)usr1);
	while (reaped < NCHILD + 1)
		usleep(10000);

	/* SA_RESETHAND: caught once, then back to the default. */
	install(SIGUSR2, on_usr, SA_RESETHAND);
	raise(SIGUSR2);
	sigaction(SIGUSR2, NULL, &sa);
	pt_check(usr2 == 1 && sa.sa_handler == SIG_DFL,
	    "SA_RESETHAND and raise", "caught %d, handler %s", (int)usr2,
	    sa.sa_handler == SIG_DFL ? "SIG_DFL" : "still set");

	pt_check(strcmp(strsignal(SIGCHLD), "Child exited") == 0 &&
	    strcmp(strsignal(SIGALRM), "Alarm clock") == 0,
	    "strsignal", "SIGCHLD is \"%s\"", strsignal(SIGCHLD));
	psignal(SIGUSR1, "signals: psignal says");
	return (pt_done());
}
