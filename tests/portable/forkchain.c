/*
 * forkchain.c: a chain of processes, each the child of the one before,
 * each writing its own pattern over memory it shares copy-on-write
 * with its ancestors and checking that theirs is intact, each guarded
 * by an alarm so that a hang is a failure, not a stuck test.  This is
 * the shape of the outside programs that first exercised Umbra's
 * copy-on-write chains.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptest.h"

#define	DEPTH	6
#define	WORDS	(512 * 1024 / sizeof(unsigned))	/* 512 KiB a level */

static unsigned *levels[DEPTH + 1];

static void
on_alarm(int sig)
{
	static const char msg[] = "forkchain: timed out\n";

	(void)sig;
	write(2, msg, sizeof(msg) - 1);
	_exit(3);
}

static unsigned
pattern(int level, size_t i)
{

	return ((unsigned)(level + 1) * 2654435761u ^ (unsigned)i);
}

/* Are levels 0..upto as their writers left them? */
static int
intact(int upto)
{
	size_t i;
	int l;

	for (l = 0; l <= upto; l++)
		for (i = 0; i < WORDS; i++)
			if (levels[l][i] != pattern(l, i))
				return (0);
	return (1);
}

/* Level `level' of the chain: returns its exit status. */
static int
chain(int level)
{
	pid_t pid;
	size_t i;
	int st;

	alarm(50);
	levels[level] = malloc(WORDS * sizeof(unsigned));
	if (levels[level] == NULL)
		return (4);
	for (i = 0; i < WORDS; i++)
		levels[level][i] = pattern(level, i);
	if (level == DEPTH)
		return (intact(level) ? 0 : 1);
	if ((pid = fork()) == -1)
		return (5);
	if (pid == 0)
		_exit(chain(level + 1));
	if (waitpid(pid, &st, 0) != pid)
		return (6);
	/* The child's writes must not show through. */
	if (!intact(level))
		return (1);
	if (WIFSIGNALED(st))
		return (7);
	return (WEXITSTATUS(st));
}

int
main(void)
{
	struct sigaction sa;
	int r;

	pt_start("forkchain");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	r = chain(0);
	alarm(0);
	pt_check(r == 0, "a 6-deep fork chain keeps every level's memory",
	    "status %d (1 corrupt, 3 timed out, 4-6 resources, 7 killed)",
	    r);
	return (pt_done());
}
