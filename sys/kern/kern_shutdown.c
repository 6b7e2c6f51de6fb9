/*
 * kern_shutdown.c: reboot(2), debug.panic, and nosys() for unimplemented
 * calls.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/reboot.h>
#include <sys/sysctl.h>
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

/*
 * debug.panic: root writes a non-zero value to panic on purpose, so that
 * the test harness can prove it notices a panic (tests/guest.sh).
 */
static int
sysctl_debug_panic(SYSCTL_HANDLER_ARGS)
{
	int v = 0, error;

	if ((error = SYSCTL_OUT(req, &v, sizeof(v))) != 0 ||
	    req->newptr == NULL)
		return (error);
	if (req->newlen != sizeof(v))
		return (EINVAL);
	if ((error = SYSCTL_IN(req, &v, sizeof(v))) != 0)
		return (error);
	if (v != 0)
		panic("debug.panic: a panic on request");
	return (0);
}

SYSCTL_NODE(, CTL_DEBUG, debug, CTLFLAG_RD, NULL, "Debugging");
SYSCTL_PROC(_debug, OID_AUTO, panic, CTLTYPE_INT | CTLFLAG_RW | CTLFLAG_SKIP,
    NULL, 0, sysctl_debug_panic, "I", "Write 1 to panic");
