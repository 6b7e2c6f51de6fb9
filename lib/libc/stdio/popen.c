/*
 * popen.c: popen(3) and pclose(3): a stream to or from a command run
 * by /bin/sh -c.
 *
 * The child's standard output (mode "r") or input ("w") is one end of a
 * pipe; the caller gets the other end as a stream.  As POSIX asks, the
 * child closes the streams of earlier popen() calls.  pclose() closes
 * the stream and waits for the child, returning its wait status, or -1
 * (ECHILD if the stream did not come from popen()).
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <paths.h>
#include <unistd.h>

#include "local.h"

/*
 * Start command with a pipe to ("w") or from ("r") the returned
 * stream; NULL with errno set if the pipe or the child failed.
 */
FILE *
popen(const char *command, const char *mode)
{
	FILE *fp, *other;
	int pdes[2], reading, mine, theirs, want;
	pid_t pid;

	if ((mode[0] != 'r' && mode[0] != 'w') ||
	    (mode[1] != '\0' && (mode[1] != 'e' || mode[2] != '\0'))) {
		errno = EINVAL;
		return (NULL);
	}
	reading = mode[0] == 'r';
	if (pipe(pdes) == -1)
		return (NULL);
	mine = reading ? pdes[0] : pdes[1];
	theirs = reading ? pdes[1] : pdes[0];
	want = reading ? STDOUT_FILENO : STDIN_FILENO;

	switch (pid = fork()) {
	case -1:
		(void)close(pdes[0]);
		(void)close(pdes[1]);
		return (NULL);
	case 0:
		for (other = __sF; other < __sF + FOPEN_MAX; other++)
			if ((other->_flags & __SUSED) && other->_pid > 0)
				(void)close(other->_fd);
		(void)close(mine);
		if (theirs != want) {
			(void)dup2(theirs, want);
			(void)close(theirs);
		}
		execl(_PATH_BSHELL, "sh", "-c", command, (char *)NULL);
		_exit(127);
	}

	(void)close(theirs);
	if ((fp = fdopen(mine, reading ? "r" : "w")) == NULL) {
		(void)close(mine);
		(void)waitpid(pid, NULL, 0);
		return (NULL);
	}
	fp->_pid = pid;
	return (fp);
}

/* Close a popen() stream and return its command's wait status. */
int
pclose(FILE *fp)
{
	pid_t pid;
	int status;

	if (!(fp->_flags & __SUSED) || fp->_pid <= 0) {
		errno = ECHILD;
		return (-1);
	}
	pid = fp->_pid;
	(void)fclose(fp);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return (-1);
	return (status);
}
