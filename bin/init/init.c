/*
 * init: process 1.
 *
 * The kernel starts init with no open descriptors, as root.  init
 *
 *  1. opens /dev/console as descriptors 0, 1 and 2;
 *  2. runs "/bin/sh /etc/rc" and waits for it;
 *  3. if /etc/cmd exists (the Makefile's CMD puts a command line
 *     there), runs "/bin/sh -c <its contents>", waits for it, says how
 *     it ended, runs "/bin/sh /etc/rc.shutdown" (which copies files out
 *     of the guest for make run OUT=dir) and powers the machine off
 *     with the command's exit status (128 + the signal if it was
 *     killed), so that the status reaches the host through QEMU's
 *     isa-debug-exit device;
 *  4. otherwise prints /etc/motd and runs an interactive /bin/sh,
 *     starting a new one whenever it exits, at most once a second.
 *
 * Each command runs in a session of its own whose process group is
 * made the console's foreground group, so that ^C reaches it and not
 * init.  init itself ignores SIGINT and SIGTERM (its children get the
 * default dispositions back), never exits, and reaps every orphan that
 * is handed to it while it waits.
 */

#include <sys/types.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>		/* __reboot() too */

#define	PATH_CONSOLE	"/dev/console"
#define	PATH_SH		"/bin/sh"
#define	PATH_RC		"/etc/rc"
#define	PATH_RC_SHUTDOWN "/etc/rc.shutdown"
#define	PATH_CMD	"/etc/cmd"
#define	PATH_MOTD	"/etc/motd"
#define	CMDMAX		4096	/* longest /etc/cmd */

/* The environment of everything init starts. */
static char *envp[] = {
	"PATH=/bin",
	"HOME=/",
	"SHELL=/bin/sh",
	"USER=root",
	NULL
};

/* The signals init ignores and its children must not. */
static const int ignored[] = { SIGINT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU };
#define	NIGNORED	(sizeof(ignored) / sizeof(ignored[0]))

/* Set every signal in ignored[] to disp (SIG_IGN or SIG_DFL). */
static void
set_signals(void (*disp)(int))
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = disp;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NIGNORED; i++)
		sigaction(ignored[i], &sa, NULL);
}

/*
 * Open the console as descriptors 0, 1 and 2 (closing whatever was
 * there).  Returns 0, or -1 if it cannot be opened.
 */
static int
open_console(void)
{
	int fd;

	if ((fd = open(PATH_CONSOLE, O_RDWR)) < 0)
		return (-1);
	if (fd != 0) {
		dup2(fd, 0);
		close(fd);
	}
	dup2(0, 1);
	dup2(0, 2);
	return (0);
}

/*
 * Start argv[0] with argv.  With session set, the child gets a session
 * of its own, with the console as its terminal and its process group
 * in the foreground.  Returns the child's pid, or -1.
 */
static pid_t
spawn(char *const argv[], int session)
{
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return (-1);
	}
	if (pid > 0)
		return (pid);

	/* The child. */
	set_signals(SIG_DFL);
	if (session) {
		if (setsid() < 0)
			fprintf(stderr, "init: setsid: %s\n", strerror(errno));
		/*
		 * Open the console again from the new session, so that
		 * it becomes the session's controlling terminal, then
		 * take the foreground.
		 */
		if (open_console() < 0)
			fprintf(stderr, "init: %s: %s\n", PATH_CONSOLE,
			    strerror(errno));
		if (tcsetpgrp(0, getpid()) < 0)
			fprintf(stderr, "init: tcsetpgrp: %s\n",
			    strerror(errno));
	}
	execve(argv[0], argv, envp);
	fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/*
 * Wait for process pid, reaping any other child (orphans re-parented
 * to init) on the way.  Returns its wait status.
 */
static int
wait_for(pid_t pid)
{
	pid_t r;
	int st;

	for (;;) {
		r = wait(&st);
		if (r == pid)
			return (st);
		if (r < 0 && errno == ECHILD)
			return (W_EXITCODE(127, 0));
	}
}

/*
 * Read the command line in /etc/cmd, trailing newlines removed.
 * Returns a malloc'ed string, or NULL if there is no such file (or it
 * holds nothing but white space).
 */
static char *
read_cmd(void)
{
	char *buf;
	ssize_t n;
	size_t len;
	int fd;

	if ((fd = open(PATH_CMD, O_RDONLY)) < 0)
		return (NULL);
	if ((buf = malloc(CMDMAX + 1)) == NULL) {
		close(fd);
		return (NULL);
	}
	len = 0;
	while (len < CMDMAX) {
		n = read(fd, buf + len, CMDMAX - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
	}
	close(fd);
	if (len == CMDMAX)
		fprintf(stderr, "init: %s: longer than %d bytes, truncated\n",
		    PATH_CMD, CMDMAX);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' ||
	    buf[len - 1] == ' ' || buf[len - 1] == '\t'))
		len--;
	buf[len] = '\0';
	if (len == 0) {
		free(buf);
		return (NULL);
	}
	return (buf);
}

/* Copy /etc/motd, if there is one, to the console. */
static void
print_motd(void)
{
	char buf[512];
	ssize_t n;
	int fd;

	if ((fd = open(PATH_MOTD, O_RDONLY)) < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

/* Seconds since some fixed point, for the respawn rate limit. */
static time_t
now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return (0);
	return (ts.tv_sec);
}

static void
pause_one_second(void)
{
	struct timespec ts;

	ts.tv_sec = 1;
	ts.tv_nsec = 0;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Run "/bin/sh script", if script exists, and wait for it. */
static void
run_script(char *script)
{
	char *argv[] = { PATH_SH, script, NULL };
	pid_t pid;
	int st;

	if (access(script, F_OK) != 0 || (pid = spawn(argv, 1)) < 0)
		return;
	st = wait_for(pid);
	if (WIFSIGNALED(st))
		fprintf(stderr, "init: %s killed by signal %d\n", script,
		    WTERMSIG(st));
	else if (WEXITSTATUS(st) != 0)
		fprintf(stderr, "init: %s exited with status %d\n", script,
		    WEXITSTATUS(st));
}

/*
 * Run /etc/cmd, then /etc/rc.shutdown, then power off with the
 * command's status.  Never returns.
 */
static void
run_cmd(char *cmd)
{
	char *argv[] = { PATH_SH, "-c", cmd, NULL };
	pid_t pid;
	int st, code;

	pid = spawn(argv, 1);
	st = pid < 0 ? W_EXITCODE(127, 0) : wait_for(pid);
	if (WIFSIGNALED(st)) {
		code = 128 + WTERMSIG(st);
		printf("init: command killed by signal %d\n", WTERMSIG(st));
	} else {
		code = WEXITSTATUS(st);
		printf("init: command exited with status %d\n", code);
	}
	fflush(stdout);
	run_script(PATH_RC_SHUTDOWN);
	__reboot(RB_POWEROFF, code);
	fprintf(stderr, "init: reboot: %s\n", strerror(errno));
	for (;;)
		if (wait(&st) < 0 && errno == ECHILD)
			pause_one_second();
}

int
main(void)
{
	char *sh[] = { PATH_SH, NULL };
	time_t start;
	pid_t pid;
	char *cmd;
	int st;

	open_console();
	set_signals(SIG_IGN);

	run_script(PATH_RC);

	if ((cmd = read_cmd()) != NULL)
		run_cmd(cmd);

	print_motd();
	for (;;) {
		start = now();
		pid = spawn(sh, 1);
		if (pid > 0) {
			st = wait_for(pid);
			if (WIFSIGNALED(st))
				fprintf(stderr, "init: shell killed by signal "
				    "%d, starting a new one\n", WTERMSIG(st));
			else
				fprintf(stderr, "init: shell exited with "
				    "status %d, starting a new one\n",
				    WEXITSTATUS(st));
		}
		if (now() - start < 1)
			pause_one_second();
	}
}
