/*
 * reboot.h: arguments to reboot(2).
 *
 * reboot(howto, status): only root may call it.  RB_POWEROFF turns the
 * machine off; under QEMU the kernel leaves through the isa-debug-exit
 * device, so that `status' (an exit status, 0..255) reaches the host:
 * see sys/arch/i386/i386/machdep.c, cpu_poweroff().
 */
#ifndef _SYS_REBOOT_H_
#define _SYS_REBOOT_H_

#define	RB_AUTOBOOT	0x0000	/* flags for system auto-booting itself */
#define	RB_HALT		0x0008	/* don't reboot, just halt */
#define	RB_POWEROFF	0x4000	/* turn the power off */

#endif /* !_SYS_REBOOT_H_ */
