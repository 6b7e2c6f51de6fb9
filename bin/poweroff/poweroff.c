/*
 * poweroff: turn the machine off.
 *
 *	poweroff
 *
 * Runs /bin/sh /etc/rc.shutdown, as init does before it powers off
 * after a command (it copies files out for make run OUT=dir), then
 * calls __reboot(RB_POWEROFF, 0), the reboot(2) system call with an
 * exit status; under QEMU the kernel leaves through the isa-debug-exit
 * device, so that QEMU exits with a status that says "powered off
 * normally".  Only root may do this.
 */

#include <sys/types.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>		/* __reboot() */

#define	PATH_RC_SHUTDOWN "/etc/rc.shutdown"

int
main(int argc, char *argv[])
{
	pid_t pid;
	int st;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: poweroff\n");
		return (2);
	}
	if (getuid() != 0) {
		fprintf(stderr, "poweroff: %s\n", strerror(EPERM));
		return (1);
	}
	fflush(stdout);
	if (access(PATH_RC_SHUTDOWN, F_OK) == 0) {
		if ((pid = fork()) == 0) {
			execl("/bin/sh", "sh", PATH_RC_SHUTDOWN, (char *)NULL);
			_exit(127);
		}
		if (pid > 0)
			(void)waitpid(pid, &st, 0);
	}
	__reboot(RB_POWEROFF, 0);
	fprintf(stderr, "poweroff: %s\n", strerror(errno));
	return (1);
}
