/*
 * t_fuzz.c: random system calls from an unprivileged process, after
 * FreeBSD stress2's syscall4.sh and xv6's usertests: the kernel must
 * survive whatever a process asks of it.  The test passes if the
 * kernel is still running afterwards (a panic ends the boot) and every
 * fuzzing process ended; how each one ended does not matter, since
 * random arguments may well kill it (a random munmap of its own text,
 * a sigreturn to nowhere).
 *
 * Arguments are a mix, as in syscall4.sh: small numbers, pointers into
 * a scratch buffer of the process's own, NULL, kernel and wild
 * addresses, and random 32-bit values.  Calls that would block for
 * long or replace the process (sigsuspend, nanosleep, execve, fork,
 * exit, wait4 on a child) are left out; a fuzzer that still blocks (it
 * may read a pipe it holds the only writer of) is killed after
 * FUZZ_SECONDS, by pid, since it may have left its process group.  Descriptors 0-2 are /dev/null,
 * so no fuzzing process can reach the console's modes.  The seed is
 * printed, so a failure can be replayed: runtests fuzz with
 * RUNTESTS_FUZZ_SEED=N in the environment.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

#define	FUZZ_PROCS	8
#define	FUZZ_CALLS	10000
#define	FUZZ_SECONDS	10

static unsigned int fuzz_state;

static unsigned int
fuzz_rand(void)
{

	/* xorshift32: enough for argument soup, and replayable. */
	fuzz_state ^= fuzz_state << 13;
	fuzz_state ^= fuzz_state >> 17;
	fuzz_state ^= fuzz_state << 5;
	return (fuzz_state);
}

static int
fuzz_excluded(int num)
{
	static const int skip[] = {
		SYS_exit, SYS_fork, SYS_execve, SYS_sigsuspend,
		SYS_nanosleep, SYS_wait4,
	};
	size_t i;

	for (i = 0; i < nitems(skip); i++)
		if (num == skip[i])
			return (1);
	return (0);
}

/* One argument word. */
static unsigned long
fuzz_arg(char *scratch, size_t len)
{

	switch (fuzz_rand() % 8) {
	case 0:
		return (fuzz_rand() % 16);
	case 1:
		return (fuzz_rand() & 0xffff);
	case 2:
	case 3:
		return ((unsigned long)(scratch + fuzz_rand() % len));
	case 4:
		return (0);
	case 5:
		return (0xc0000000UL + (fuzz_rand() & 0x3fffffff));
	default:
		return (fuzz_rand());
	}
}

/* The body of one fuzzing process; never returns. */
static void
fuzz_child(unsigned int seed)
{
	static char scratch[8192];
	unsigned long a[6];
	int i, j, num, err, fd;

	fuzz_state = seed != 0 ? seed : 1;
	for (fd = 0; fd < 3; fd++)
		(void)close(fd);
	if (open("/dev/null", O_RDWR) != 0 || dup(0) != 1 || dup(0) != 2)
		_exit(90);
	for (fd = 3; fd < NOFILE; fd++)
		(void)close(fd);
	if (setuid(1000) == -1)
		_exit(91);
	(void)signal(SIGSYS, SIG_IGN);	/* bad numbers: ENOSYS is enough */
	for (i = 0; i < FUZZ_CALLS; i++) {
		num = fuzz_rand() % (SYS_MAXSYSCALL + 4);
		if (fuzz_excluded(num))
			continue;
		for (j = 0; j < 6; j++)
			a[j] = fuzz_arg(scratch, sizeof(scratch));
		(void)t_syscall(&err, num, a[0], a[1], a[2], a[3], a[4],
		    a[5]);
	}
	_exit(0);
}

void
test_fuzz(void)
{
	unsigned int seed;
	const char *env;
	int i, st, died = 0, left, killed = 0;
	pid_t pid[FUZZ_PROCS], r;
	long t0;

	if ((env = getenv("RUNTESTS_FUZZ_SEED")) != NULL)
		seed = (unsigned int)strtoul(env, NULL, 0);
	else
		seed = (unsigned int)time(NULL) ^ (unsigned int)getpid();
	t_printf("  fuzz: seed %u, %d processes, %d calls each", seed,
	    FUZZ_PROCS, FUZZ_CALLS);
	for (i = 0; i < FUZZ_PROCS; i++) {
		pid[i] = t_fork();
		if (pid[i] == 0)
			fuzz_child(seed + i * 7919);
	}
	t0 = t_now_ms();
	for (left = FUZZ_PROCS; left > 0; ) {
		r = waitpid(-1, &st, WNOHANG);
		if (r == -1)
			FAIL("waitpid: %s", t_errname(errno));
		if (r == 0) {
			if (t_now_ms() - t0 < FUZZ_SECONDS * 1000L) {
				t_msleep(50);
				continue;
			}
			for (i = 0; i < FUZZ_PROCS; i++)
				if (pid[i] > 0 && kill(pid[i], SIGKILL) == 0)
					killed++;
			r = waitpid(-1, &st, 0);
			if (r == -1)
				FAIL("waitpid: %s", t_errname(errno));
		}
		for (i = 0; i < FUZZ_PROCS && pid[i] != r; i++)
			continue;
		EXPECT(i < FUZZ_PROCS, "waitpid returned a stranger, %d", r);
		pid[i] = 0;
		left--;
		if (!WIFEXITED(st))
			died++;
		else
			EXPECT(WEXITSTATUS(st) == 0, "fuzzer %d could not set "
			    "itself up (status %d)", i, WEXITSTATUS(st));
	}
	t_printf("  fuzz: %d of %d processes ended by a signal (%d killed "
	    "after %d s)", died, FUZZ_PROCS, killed, FUZZ_SECONDS);
}
