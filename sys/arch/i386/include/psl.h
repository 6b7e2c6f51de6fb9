/* machine/psl.h: the EFLAGS bits live in machine/specialreg.h. */
#include <machine/specialreg.h>
