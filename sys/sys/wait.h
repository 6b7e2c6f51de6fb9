/*
 * wait.h: wait4(2) options and the encoding of a status word
 * (<sys/wait.h>), as in 4.4BSD.  Shared by the kernel and userland.
 *
 * A status word holds, in its low 7 bits, 0 for a normal exit (the exit
 * code is then in bits 8..15), 0177 for a stopped process (the signal
 * in bits 8..15), or the number of the signal that killed the process
 * (bit 7 set if it dumped core).
 */
#ifndef _SYS_WAIT_H_
#define _SYS_WAIT_H_

#include <sys/types.h>

#define	_WSTATUS(x)	((x) & 0177)
#define	_WSTOPPED	0177
#define	WIFSTOPPED(x)	(_WSTATUS(x) == _WSTOPPED)
#define	WSTOPSIG(x)	(((x) >> 8) & 0xff)
#define	WIFSIGNALED(x)	(_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0)
#define	WTERMSIG(x)	(_WSTATUS(x))
#define	WIFEXITED(x)	(_WSTATUS(x) == 0)
#define	WEXITSTATUS(x)	(((x) >> 8) & 0xff)
#define	WCOREFLAG	0200
#define	WCOREDUMP(x)	((x) & WCOREFLAG)

#define	W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define	W_STOPCODE(sig)		((sig) << 8 | _WSTOPPED)

#define	WNOHANG		1	/* don't hang in wait */
#define	WUNTRACED	2	/* tell about stopped, untraced children */

#define	WAIT_ANY	(-1)
#define	WAIT_MYPGRP	0

#ifndef _KERNEL
struct rusage;
pid_t	wait(int *);
pid_t	waitpid(pid_t, int *, int);
pid_t	wait4(pid_t, int *, int, struct rusage *);
#endif

#endif /* !_SYS_WAIT_H_ */
