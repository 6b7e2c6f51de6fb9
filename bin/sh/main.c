/*
 * main.c: sh(1) start-up, input sources and the read-parse-execute
 * loop.
 *
 *	sh [-eix] [file [arg ...]]
 *	sh [-eix] -c command [name [arg ...]]
 *	sh [-eix] -s [arg ...]
 *
 * With no file and no -c the shell reads commands from its standard
 * input, and is interactive when that input (and the diagnostic output)
 * is a terminal, or with -i.  An interactive shell prints a prompt, $PS1
 * or "# " for root and "$ " for others, catches SIGINT (^C abandons the
 * line and gives a new prompt), ignores SIGQUIT and SIGTERM, and reports
 * finished background jobs before each prompt.
 *
 * Input comes from a struct input: a -c string or a script file is read
 * whole before it runs; standard input is read one byte at a time, one
 * line per call of input_more(), so that a command that reads the same
 * input (sh < script, with `read' or `cat' in it) finds the rest of it
 * untouched.
 */

#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

int		interactive;		/* prompts, catches SIGINT */
int		rootshell = 1;		/* not a forked subshell */
pid_t		rootpid;		/* $$ */
int		exitstatus;		/* $? */
int		xflag;			/* set -x */
int		eflag;			/* set -e */
volatile sig_atomic_t gotsigint;	/* SIGINT seen, interactive shell */

static void	usage(void) __attribute__((noreturn));

/* Signal descriptions, as the BSD shells print them for killed jobs. */
static const struct {
	int		 sig;
	const char	*desc;
} sigdesc[] = {
	{ SIGHUP,	"Hangup" },
	{ SIGINT,	"Interrupt" },
	{ SIGQUIT,	"Quit" },
	{ SIGILL,	"Illegal instruction" },
	{ SIGTRAP,	"Trace/BPT trap" },
	{ SIGABRT,	"Abort trap" },
#ifdef SIGEMT
	{ SIGEMT,	"EMT trap" },
#endif
	{ SIGFPE,	"Floating point exception" },
	{ SIGKILL,	"Killed" },
	{ SIGBUS,	"Bus error" },
	{ SIGSEGV,	"Segmentation fault" },
	{ SIGSYS,	"Bad system call" },
	{ SIGPIPE,	"Broken pipe" },
	{ SIGALRM,	"Alarm clock" },
	{ SIGTERM,	"Terminated" },
	{ SIGURG,	"Urgent I/O condition" },
	{ SIGSTOP,	"Suspended (signal)" },
	{ SIGTSTP,	"Suspended" },
	{ SIGCONT,	"Continued" },
	{ SIGCHLD,	"Child exited" },
	{ SIGTTIN,	"Stopped (tty input)" },
	{ SIGTTOU,	"Stopped (tty output)" },
	{ SIGIO,	"I/O possible" },
	{ SIGXCPU,	"Cputime limit exceeded" },
	{ SIGXFSZ,	"Filesize limit exceeded" },
	{ SIGVTALRM,	"Virtual timer expired" },
	{ SIGPROF,	"Profiling timer expired" },
	{ SIGWINCH,	"Window size changes" },
#ifdef SIGINFO
	{ SIGINFO,	"Information request" },
#endif
	{ SIGUSR1,	"User defined signal 1" },
	{ SIGUSR2,	"User defined signal 2" },
};

/* The text the shell prints for a job killed by signal sig. */
const char *
sig_describe(int sig)
{
	static char buf[32];
	size_t i;

	for (i = 0; i < sizeof(sigdesc) / sizeof(sigdesc[0]); i++)
		if (sigdesc[i].sig == sig)
			return (sigdesc[i].desc);
	snprintf(buf, sizeof(buf), "Signal %d", sig);
	return (buf);
}

/*
 * Print to descriptor fd, unbuffered, so that nothing is left in a
 * buffer to be written twice after a fork.
 */
static void
sh_vprintf(int fd, const char *fmt, va_list ap)
{
	char buf[512], *big, *p;
	va_list ap2;
	ssize_t n;
	int len;

	va_copy(ap2, ap);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	p = buf;
	big = NULL;
	if (len >= (int)sizeof(buf)) {
		p = big = xmalloc(len + 1);
		vsnprintf(big, len + 1, fmt, ap2);
	}
	va_end(ap2);
	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len -= n;
		p += n;
	}
	free(big);
}

void
sh_printf(int fd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sh_vprintf(fd, fmt, ap);
	va_end(ap);
}

/* Print "sh: message" on the diagnostic output. */
void
sh_error(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sh_printf(2, "sh: %s\n", buf);
}

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL) {
		sh_error("out of memory");
		_exit(2);
	}
	return (p);
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL) {
		sh_error("out of memory");
		_exit(2);
	}
	return (p);
}

char *
xstrdup(const char *s)
{
	size_t n;

	n = strlen(s) + 1;
	return (memcpy(xmalloc(n), s, n));
}

/* Leave the shell with status st. */
void
sh_exit(int st)
{
	exit(st & 0xff);
}

static void
onsigint(int sig)
{
	(void)sig;
	gotsigint = 1;
}

/*
 * Set the disposition of sig.  Handlers are installed without
 * SA_RESTART, so that ^C interrupts a read() of the terminal.
 */
static void
setsig(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: ^C must interrupt read() */
	sigaction(sig, &sa, NULL);
}

/*
 * Set up the signals of a child just forked: commands run by an
 * interactive shell get the default dispositions back; background
 * commands ignore SIGINT and SIGQUIT.  The child is no longer
 * interactive and owns none of the parent's jobs.
 */
void
child_signals(int bg)
{
	if (interactive) {
		setsig(SIGINT, SIG_DFL);
		setsig(SIGQUIT, SIG_DFL);
		setsig(SIGTERM, SIG_DFL);
	}
	if (bg) {
		setsig(SIGINT, SIG_IGN);
		setsig(SIGQUIT, SIG_IGN);
	}
	interactive = 0;
	rootshell = 0;
	gotsigint = 0;
}

/* Append n bytes of s to the input buffer, keeping it NUL-terminated. */
static void
in_append(struct input *in, const char *s, size_t n)
{
	if (in->len + n + 1 > in->cap) {
		in->cap = (in->len + n + 1) * 2;
		in->buf = xrealloc(in->buf, in->cap);
	}
	memcpy(in->buf + in->len, s, n);
	in->len += n;
	in->buf[in->len] = '\0';
}

/*
 * Read one more line of input into in->buf, printing a prompt first on
 * an interactive shell.  Returns 1 if something was read, 0 at end of
 * input or when ^C interrupted the read (then in->intr is set).
 */
int
input_more(struct input *in)
{
	const char *ps;
	ssize_t n;
	int got;
	char c;

	if (in->fd < 0 || in->eof)
		return (0);
	if (interactive && in->prompt) {
		if (in->prompt == 1) {
			ps = var_get("PS1");
			if (ps == NULL)
				ps = geteuid() == 0 ? "# " : "$ ";
		} else if ((ps = var_get("PS2")) == NULL)
			ps = "> ";
		sh_printf(2, "%s", ps);
		in->prompt = 2;
	}
	got = 0;
	for (;;) {
		n = read(in->fd, &c, 1);
		if (n < 0 && errno == EINTR) {
			if (interactive && gotsigint) {
				gotsigint = 0;
				in->intr = 1;
				return (0);
			}
			continue;
		}
		if (n <= 0) {
			in->eof = 1;
			break;
		}
		in_append(in, &c, 1);
		got = 1;
		if (c == '\n')
			break;
	}
	return (got);
}

/* Is there nothing but blanks, newlines and comments left to run? */
static int
at_end(struct input *in)
{
	size_t i;

	if (in->fd >= 0)
		return (0);
	for (i = in->pos; i < in->len; i++) {
		if (in->buf[i] == '#') {
			while (i < in->len && in->buf[i] != '\n')
				i++;
			continue;
		}
		if (in->buf[i] != ' ' && in->buf[i] != '\t' &&
		    in->buf[i] != '\n')
			return (0);
	}
	return (1);
}

/*
 * Parse and run the commands of an input source one at a time, until
 * its end.  With EV_EXIT in flags the last command may replace the
 * shell (sh -c).  Returns the status of the last command.  A syntax
 * error ends a non-interactive shell with status 2.
 */
int
run_input(struct input *in, int flags)
{
	struct arena a;
	struct node *n;
	int r, ef;

	a.blocks = NULL;
	for (;;) {
		jobs_reap();
		if (interactive && in->fd == 0)
			jobs_notify();
		if (in->pos >= in->len)
			in->pos = in->len = 0;
		in->prompt = 1;
		in->intr = 0;
		gotsigint = 0;
		r = parse_command(in, &a, &n);
		if (r == PARSE_EOF)
			break;
		if (r == PARSE_ERR || r == PARSE_INTR) {
			arena_free(&a);
			in->pos = in->len;
			if (r == PARSE_INTR) {
				sh_printf(2, "%s", INTR_NEWLINE);
				exitstatus = 128 + SIGINT;
			} else {
				exitstatus = 2;
				if (!interactive)
					sh_exit(2);
			}
			continue;
		}
		if (n != NULL) {
			ef = 0;
			if ((flags & EV_EXIT) && at_end(in) &&
			    jobs_count() == 0)
				ef = EV_EXIT;
			intr_reported = 0;
			exitstatus = eval(n, ef);
			if (interactive && gotsigint && !intr_reported)
				sh_printf(2, "%s", INTR_NEWLINE);
		}
		arena_free(&a);
		if (evalskip) {
			/* break, continue or return: for the caller. */
			if (loopdepth > 0 || funcdepth > 0)
				break;
			evalskip = 0;
		}
	}
	arena_free(&a);
	return (exitstatus);
}

/* Run the commands in string s (sh -c, eval, command substitution). */
int
run_string(const char *s, int flags)
{
	struct input in;
	int st;

	memset(&in, 0, sizeof(in));
	in.fd = -1;
	in_append(&in, s, strlen(s));
	st = run_input(&in, flags);
	free(in.buf);
	return (st);
}

/*
 * Read the whole file at path into a NUL-terminated buffer.  Returns 0,
 * or an errno value.
 */
static int
read_file(const char *path, char **bufp)
{
	struct input in;
	char chunk[1024];
	ssize_t n;
	int fd, e;

	if ((fd = open(path, O_RDONLY)) < 0)
		return (errno);
	memset(&in, 0, sizeof(in));
	in_append(&in, "", 0);
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = errno;
			close(fd);
			free(in.buf);
			return (e);
		}
		if (n == 0)
			break;
		in_append(&in, chunk, n);
	}
	close(fd);
	*bufp = in.buf;
	return (0);
}

/*
 * Run the script at path in this shell (the `.' builtin).  Returns its
 * status, or 1 (reported) if it cannot be read.
 */
int
run_file(const char *path)
{
	char *buf;
	int e, st;

	if ((e = read_file(path, &buf)) != 0) {
		sh_error("%s: %s", path, strerror(e));
		return (1);
	}
	st = run_string(buf, 0);
	free(buf);
	return (st);
}

static void
usage(void)
{
	sh_printf(2, "usage: sh [-eisx] [-c command [name [arg ...]]] "
	    "[file [arg ...]]\n");
	exit(2);
}

/*
 * Parse the options, then run the -c string, the script file, or the
 * commands on standard input; exit with the last status.
 */
int
main(int argc, char **argv)
{
	struct input in;
	char *cmd, *buf, *p;
	int cflag, iflag, sflag, i, e;

	rootpid = getpid();
	var_import(environ);
	cflag = iflag = sflag = 0;
	for (i = 1; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') &&
	    argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (p = argv[i] + 1; *p != '\0'; p++) {
			switch (*p) {
			case 'c':
				cflag = 1;
				break;
			case 'i':
				iflag = 1;
				break;
			case 's':
				sflag = 1;
				break;
			case 'e':
				eflag = argv[i][0] == '-';
				break;
			case 'x':
				xflag = argv[i][0] == '-';
				break;
			default:
				sh_error("-%c: unknown option", *p);
				usage();
			}
		}
	}
	arg0 = argv[0];
	if (cflag) {
		if (i >= argc) {
			sh_error("-c requires an argument");
			usage();
		}
		cmd = argv[i++];
		if (i < argc)
			arg0 = argv[i++];
		params_set(argc - i, argv + i);
		interactive = iflag;
		if (interactive)
			setsig(SIGINT, onsigint);
		sh_exit(run_string(cmd, EV_EXIT));
	}
	if (i < argc && strcmp(argv[i], "-") == 0) {
		sflag = 1;	/* "sh -": commands from standard input */
		i++;
	}
	if (i < argc && !sflag) {
		arg0 = argv[i++];
		params_set(argc - i, argv + i);
		if ((e = read_file(arg0, &buf)) != 0) {
			sh_error("%s: %s", arg0, strerror(e));
			sh_exit(e == ENOENT ? 127 : 126);
		}
		interactive = iflag;
		sh_exit(run_string(buf, 0));
	}
	params_set(argc - i, argv + i);
	interactive = iflag || (isatty(0) && isatty(2));
	if (interactive) {
		setsig(SIGINT, onsigint);
		setsig(SIGQUIT, SIG_IGN);
		setsig(SIGTERM, SIG_IGN);
	}
	memset(&in, 0, sizeof(in));
	in.fd = 0;
	in_append(&in, "", 0);
	run_input(&in, 0);
	if (interactive)
		sh_printf(2, "\n");
	sh_exit(exitstatus);
}
