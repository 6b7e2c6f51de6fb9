/*
 * pause.c: pause(3), a sigsuspend(2) with the current mask: wait for a
 * signal that is caught.  Always returns -1 with errno EINTR.
 */
#include <signal.h>
#include <unistd.h>

int
pause(void)
{
	sigset_t mask;

	if (sigprocmask(SIG_BLOCK, NULL, &mask) == -1)
		return (-1);
	return (sigsuspend(&mask));
}
