/*
 * raise.c: raise(3) and killpg(3), both kill(2).  raise() sends sig to
 * the calling process, killpg() to every process in the group pgrp.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

int
raise(int sig)
{

	return (kill(getpid(), sig));
}

int
killpg(pid_t pgrp, int sig)
{

	if (pgrp <= 1) {
		errno = EINVAL;
		return (-1);
	}
	return (kill(-pgrp, sig));
}
