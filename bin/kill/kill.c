/*
 * kill: send a signal to processes.
 *
 *	kill [-s signal_name] pid ...
 *	kill -signal_name pid ...
 *	kill -signal_number pid ...
 *	kill -l [exit_status]
 *
 * The default signal is SIGTERM.  Signal names may be given with or
 * without "SIG", in any case.  A negative pid names a process group.
 * Each pid that cannot be signalled is reported; the exit status is 1
 * if any failed.  kill -l lists the signal names, or with an argument
 * names the signal behind a number or an exit status above 128.
 */

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The names, in the host's numbering (4.4BSD's on Umbra). */
static const struct {
	const char	*name;
	int		 sig;
} signames[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
#ifdef SIGEMT
	{ "EMT", SIGEMT },
#endif
	{ "FPE", SIGFPE }, { "KILL", SIGKILL }, { "BUS", SIGBUS },
	{ "SEGV", SIGSEGV }, { "SYS", SIGSYS }, { "PIPE", SIGPIPE },
	{ "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "URG", SIGURG },
	{ "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "CONT", SIGCONT },
	{ "CHLD", SIGCHLD }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
	{ "IO", SIGIO }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF },
	{ "WINCH", SIGWINCH },
#ifdef SIGINFO
	{ "INFO", SIGINFO },
#endif
	{ "USR1", SIGUSR1 }, { "USR2", SIGUSR2 },
};
#define	NSIGNAMES	(sizeof(signames) / sizeof(signames[0]))

static void
usage(void)
{
	fprintf(stderr, "usage: kill [-s signal_name] pid ...\n"
	    "       kill -l [exit_status]\n"
	    "       kill -signal_name pid ...\n"
	    "       kill -signal_number pid ...\n");
	exit(2);
}

/* The name of signal sig, or NULL. */
static const char *
sig_name(int sig)
{
	size_t i;

	for (i = 0; i < NSIGNAMES; i++)
		if (signames[i].sig == sig)
			return (signames[i].name);
	return (NULL);
}

/*
 * The number of the signal named s ("TERM", "sigterm", "15", "0").
 * Returns -1 if there is no such signal.
 */
static int
sig_number(const char *s)
{
	char *end;
	size_t i;
	long n;

	if (isdigit((unsigned char)s[0])) {
		n = strtol(s, &end, 10);
		if (*end != '\0' || n < 0 || (n != 0 && sig_name(n) == NULL))
			return (-1);
		return ((int)n);
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (i = 0; i < NSIGNAMES; i++)
		if (strcasecmp(s, signames[i].name) == 0)
			return (signames[i].sig);
	return (-1);
}

/* kill -l: every name, several to a line, on fp. */
static void
list_all(FILE *fp)
{
	size_t i;
	int col;

	col = 0;
	for (i = 0; i < NSIGNAMES; i++) {
		if (col > 0 && col + 1 + strlen(signames[i].name) > 72) {
			fprintf(fp, "\n");
			col = 0;
		}
		if (col > 0) {
			fprintf(fp, " ");
			col++;
		}
		fprintf(fp, "%s", signames[i].name);
		col += strlen(signames[i].name);
	}
	fprintf(fp, "\n");
}

/* kill -l arg ...: translate numbers (or exit statuses) and names. */
static int
list_some(char **argv)
{
	const char *name;
	char *end;
	long n;
	int sig, status;

	status = 0;
	for (; *argv != NULL; argv++) {
		if (isdigit((unsigned char)**argv)) {
			n = strtol(*argv, &end, 10);
			if (n > 128)
				n -= 128;
			if (*end != '\0' || (name = sig_name(n)) == NULL) {
				fprintf(stderr, "kill: unknown signal %s\n",
				    *argv);
				status = 1;
				continue;
			}
			printf("%s\n", name);
		} else if ((sig = sig_number(*argv)) < 0) {
			fprintf(stderr, "kill: unknown signal %s\n", *argv);
			status = 1;
		} else
			printf("%d\n", sig);
	}
	return (status);
}

int
main(int argc, char *argv[])
{
	char *end;
	long pid;
	int sig, status;

	if (argc < 2)
		usage();
	argv++;
	sig = SIGTERM;
	if (strcmp(argv[0], "-l") == 0) {
		if (argv[1] == NULL) {
			list_all(stdout);
			return (0);
		}
		return (list_some(argv + 1));
	}
	if (strcmp(argv[0], "-s") == 0) {
		if (argv[1] == NULL)
			usage();
		if ((sig = sig_number(argv[1])) < 0) {
			fprintf(stderr, "kill: unknown signal %s; valid "
			    "signals:\n", argv[1]);
			list_all(stderr);
			return (2);
		}
		argv += 2;
	} else if (argv[0][0] == '-' && argv[0][1] != '\0' &&
	    strcmp(argv[0], "--") != 0) {
		if ((sig = sig_number(argv[0] + 1)) < 0) {
			fprintf(stderr, "kill: unknown signal %s; valid "
			    "signals:\n", argv[0] + 1);
			list_all(stderr);
			return (2);
		}
		argv++;
	}
	if (argv[0] != NULL && strcmp(argv[0], "--") == 0)
		argv++;
	if (argv[0] == NULL)
		usage();
	status = 0;
	for (; *argv != NULL; argv++) {
		pid = strtol(*argv, &end, 10);
		if (**argv == '\0' || *end != '\0') {
			fprintf(stderr, "kill: %s: illegal process id\n",
			    *argv);
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", *argv,
			    strerror(errno));
			status = 1;
		}
	}
	return (status);
}
