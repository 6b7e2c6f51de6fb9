/*
 * kern_shutdown.c: reboot(2), and nosys() for unimplemented calls.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/reboot.h>
#include <sys/sysproto.h>
#include <machine/cpu.h>

int	suser(struct proc *);

/*
 * reboot(opt, status): root only.  RB_POWEROFF leaves QEMU with
 * `status' (machine/cpu.h explains the encoding); RB_HALT stops;
 * anything else resets the machine.
 */
int
sys_reboot(struct proc *p, struct reboot_args *uap, register_t *retval)
{
	static int halted;
	int error;

	if ((error = suser(p)) != 0)
		return (error);
	if (uap->opt & RB_POWEROFF) {
		printf("umbra: power off, status %d\n", uap->status & 0xff);
		cpu_poweroff(DEBUG_EXIT_STATUS(uap->status & 0xff));
	}
	if (uap->opt & RB_HALT) {
		printf("umbra: halted\n");
		for (;;)
			tsleep(&halted, 0, "halted", 0);
	}
	printf("umbra: rebooting\n");
	cpu_reset();
}

int
sys_nosys(struct proc *p, void *uap, register_t *retval)
{

	psignal(p, SIGSYS);
	return (ENOSYS);
}
