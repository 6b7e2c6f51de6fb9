/*
 * poweroff: turn the machine off.
 *
 *	poweroff
 *
 * Calls __reboot(RB_POWEROFF, 0), the reboot(2) system call with an
 * exit status; under QEMU the kernel leaves through the isa-debug-exit
 * device, so that QEMU exits with a status that says "powered off
 * normally".  Only root may do this.
 */

#include <sys/reboot.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>		/* __reboot() */

int
main(int argc, char *argv[])
{
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: poweroff\n");
		return (2);
	}
	fflush(stdout);
	__reboot(RB_POWEROFF, 0);
	fprintf(stderr, "poweroff: %s\n", strerror(errno));
	return (1);
}
