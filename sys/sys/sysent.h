/*
 * sysent.h: the system call table (init_sysent.c, generated from
 * syscalls.master).
 */
#ifndef _SYS_SYSENT_H_
#define _SYS_SYSENT_H_

#include <sys/types.h>

struct proc;
typedef int	sy_call_t(struct proc *, void *, register_t *);

struct sysent {
	int		sy_narg;	/* arguments, in 32-bit words */
	sy_call_t	*sy_call;	/* the handler, sys_<name> */
	const char	*sy_name;	/* for messages */
};

extern struct sysent sysent[];
extern const int nsysent;

#endif /* !_SYS_SYSENT_H_ */
