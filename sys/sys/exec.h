/*
 * exec.h: the layout exec gives the top of a new process's stack.
 *
 *	USRSTACK		top of user space
 *	PS_SIGCODE		the signal trampoline (sigcode)
 *	...			argument and environment strings
 *	...			envp[] and argv[] pointer arrays, argc
 *	initial %esp		-> argc (16-byte aligned)
 */
#ifndef _SYS_EXEC_H_
#define _SYS_EXEC_H_

#include <sys/param.h>

extern char sigcode[];
extern size_t szsigcode;

#define	PS_SIGCODE	(USRSTACK - roundup(szsigcode, 16))

struct proc;
int	exec_elf_load(struct proc *, struct vnode *, vaddr_t *, vaddr_t *);

#endif /* !_SYS_EXEC_H_ */
