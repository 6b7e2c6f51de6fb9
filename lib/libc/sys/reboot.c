/*
 * reboot.c: reboot(2) in its BSD form, reboot(howto).
 *
 * The kernel's call takes a second argument, the exit status that QEMU
 * reports when the machine powers off (<sys/reboot.h>); the one-argument
 * form passes 0.  Programs that need the status call __reboot().
 */
#include <unistd.h>

int
reboot(int howto)
{

	return (__reboot(howto, 0));
}
