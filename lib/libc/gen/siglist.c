/*
 * siglist.c: the names and descriptions of the signals, indexed by
 * number (<sys/signal.h>): sys_signame holds the names without "SIG"
 * ("HUP"), sys_siglist the descriptions ("Hangup"), as in BSD.
 */
#include <signal.h>

const char *const sys_signame[NSIG] = {
	"Signal 0",
	"HUP",	"INT",	"QUIT",	"ILL",	"TRAP",	"ABRT",	"EMT",	"FPE",
	"KILL",	"BUS",	"SEGV",	"SYS",	"PIPE",	"ALRM",	"TERM",	"URG",
	"STOP",	"TSTP",	"CONT",	"CHLD",	"TTIN",	"TTOU",	"IO",	"XCPU",
	"XFSZ",	"VTALRM", "PROF", "WINCH", "INFO", "USR1", "USR2",
};

const char *const sys_siglist[NSIG] = {
	"Signal 0",
	"Hangup",			/* SIGHUP */
	"Interrupt",			/* SIGINT */
	"Quit",				/* SIGQUIT */
	"Illegal instruction",		/* SIGILL */
	"Trace/BPT trap",		/* SIGTRAP */
	"Abort trap",			/* SIGABRT */
	"EMT trap",			/* SIGEMT */
	"Floating point exception",	/* SIGFPE */
	"Killed",			/* SIGKILL */
	"Bus error",			/* SIGBUS */
	"Segmentation fault",		/* SIGSEGV */
	"Bad system call",		/* SIGSYS */
	"Broken pipe",			/* SIGPIPE */
	"Alarm clock",			/* SIGALRM */
	"Terminated",			/* SIGTERM */
	"Urgent I/O condition",		/* SIGURG */
	"Suspended (signal)",		/* SIGSTOP */
	"Suspended",			/* SIGTSTP */
	"Continued",			/* SIGCONT */
	"Child exited",			/* SIGCHLD */
	"Stopped (tty input)",		/* SIGTTIN */
	"Stopped (tty output)",		/* SIGTTOU */
	"I/O possible",			/* SIGIO */
	"Cputime limit exceeded",	/* SIGXCPU */
	"Filesize limit exceeded",	/* SIGXFSZ */
	"Virtual timer expired",	/* SIGVTALRM */
	"Profiling timer expired",	/* SIGPROF */
	"Window size changes",		/* SIGWINCH */
	"Information request",		/* SIGINFO */
	"User defined signal 1",	/* SIGUSR1 */
	"User defined signal 2",	/* SIGUSR2 */
};
