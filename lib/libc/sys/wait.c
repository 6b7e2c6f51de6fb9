/*
 * wait.c: wait(2) and waitpid(2), both wait4(2) without the resource
 * usage.  Return the pid reaped (0 for WNOHANG with nothing to reap),
 * or -1 with errno set.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <stddef.h>

pid_t
wait(int *status)
{

	return (wait4(WAIT_ANY, status, 0, NULL));
}

pid_t
waitpid(pid_t pid, int *status, int options)
{

	return (wait4(pid, status, options, NULL));
}
