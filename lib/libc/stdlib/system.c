/*
 * system.c: system(3): run a command with /bin/sh -c and wait for it.
 *
 * While the child runs, the caller ignores SIGINT and SIGQUIT and
 * blocks SIGCHLD, as POSIX asks; the child starts with the caller's
 * original dispositions and mask.  Returns the child's wait status,
 * -1 with errno set if no child could be made, or, for a NULL command,
 * whether a shell is there.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <paths.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int
system(const char *command)
{
	struct sigaction ign, oint, oquit;
	sigset_t block, omask;
	pid_t pid;
	int status, error;

	if (command == NULL)
		return (access(_PATH_BSHELL, X_OK) == 0);

	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	(void)sigprocmask(SIG_BLOCK, &block, &omask);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	ign.sa_flags = 0;
	(void)sigaction(SIGINT, &ign, &oint);
	(void)sigaction(SIGQUIT, &ign, &oquit);

	switch (pid = fork()) {
	case -1:
		status = -1;
		break;
	case 0:
		(void)sigaction(SIGINT, &oint, NULL);
		(void)sigaction(SIGQUIT, &oquit, NULL);
		(void)sigprocmask(SIG_SETMASK, &omask, NULL);
		execl(_PATH_BSHELL, "sh", "-c", command, (char *)NULL);
		_exit(127);
	default:
		while (waitpid(pid, &status, 0) == -1) {
			if (errno != EINTR) {
				status = -1;
				break;
			}
		}
		break;
	}

	error = errno;
	(void)sigaction(SIGINT, &oint, NULL);
	(void)sigaction(SIGQUIT, &oquit, NULL);
	(void)sigprocmask(SIG_SETMASK, &omask, NULL);
	errno = error;
	return (status);
}
