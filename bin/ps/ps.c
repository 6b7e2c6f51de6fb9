/*
 * ps: report process status.
 *
 *	ps [-ax] [-o keyword[=header][,...]] ... [-p pid[,pid...]]
 *
 * One line per process, sorted by pid.  Without -o the columns are
 *
 *	  PID  PPID   UID STAT   SIZE COMMAND
 *
 * STAT is the one-letter state (KI_NSTAT_NAMES: I idle/being created,
 * R runnable, S sleeping, T stopped, Z zombie), SIZE the virtual size in
 * KiB, COMMAND the argument list, or the command name if the kernel has
 * no arguments for the process.
 *
 * -o chooses the columns instead, by keyword, in order; several -o
 * options add up, and "keyword=header" renames a column (an empty
 * header after '=' on every column drops the header line):
 *
 *	pid ppid pgid sid uid ruid	numbers
 *	stat				the state letter
 *	vsz				virtual size, KiB
 *	rss				resident pages mapped by the
 *					process, KiB (shared text included)
 *	anon				resident anonymous memory the
 *					process reaches, KiB (each object
 *					once, shared with relatives or not)
 *	swap				its anonymous memory on swap, KiB
 *	time				CPU time, minutes:seconds
 *	wchan				what a sleeping process waits on
 *	comm				the command name
 *	args, command			the argument list (comm if none)
 *
 * -p lists only the processes given (a comma- or blank-separated list;
 * several -p add up).  Every process is listed otherwise; -a and -x
 * (also BSD-style without the dash, "ps ax") are accepted for
 * compatibility.  The table comes from kinfo_getallproc(3) (sysctl
 * kern.proc.all).  Bad usage or an unknown keyword is an error, exit
 * status 1; with -p, status 1 also when a pid given does not exist.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	MAXCOLS		32
#define	MAXPIDS		256

enum { K_PID, K_PPID, K_PGID, K_SID, K_UID, K_RUID, K_STAT, K_VSZ, K_RSS,
    K_ANON, K_SWAP, K_TIME, K_WCHAN, K_COMM, K_ARGS, K_SIZE };

static const struct keyword {
	const char	*name;
	const char	*header;
	int		width;		/* negative: left-aligned */
	int		key;
} keywords[] = {
	{ "pid", "PID", 5, K_PID },
	{ "ppid", "PPID", 5, K_PPID },
	{ "pgid", "PGID", 5, K_PGID },
	{ "sid", "SID", 5, K_SID },
	{ "uid", "UID", 5, K_UID },
	{ "ruid", "RUID", 5, K_RUID },
	{ "stat", "STAT", -4, K_STAT },
	{ "state", "STAT", -4, K_STAT },
	{ "vsz", "VSZ", 6, K_VSZ },
	{ "rss", "RSS", 6, K_RSS },
	{ "anon", "ANON", 6, K_ANON },
	{ "swap", "SWAP", 6, K_SWAP },
	{ "time", "TIME", 6, K_TIME },
	{ "wchan", "WCHAN", -8, K_WCHAN },
	{ "comm", "COMMAND", -16, K_COMM },
	{ "ucomm", "COMMAND", -16, K_COMM },
	{ "args", "COMMAND", 0, K_ARGS },
	{ "command", "COMMAND", 0, K_ARGS },
};
#define	NKEYWORDS	(sizeof(keywords) / sizeof(keywords[0]))

/* A chosen column. */
struct column {
	const struct keyword *kw;
	const char	*header;
};

static struct column columns[MAXCOLS];
static int	ncolumns;
static int	hdrshown;		/* some column has a header */
static pid_t	pids[MAXPIDS];
static int	npids;
static u_int	pagekb = 4;
static u_int	hz = 100;		/* kern.hz: ki_cpticks per second */

static void
usage(void)
{

	fprintf(stderr, "usage: ps [-ax] [-o keyword[=header][,...]] "
	    "[-p pid[,pid...]]\n");
	exit(1);
}

/*
 * Add the columns of one -o argument.  A header given with '=' takes
 * the rest of the argument, commas included, as POSIX says.
 */
static void
add_columns(char *arg)
{
	const struct keyword *kw;
	char *name, *eq;
	size_t i;

	while (arg != NULL && *arg != '\0') {
		name = arg;
		eq = NULL;
		for (; *arg != '\0' && *arg != ','; arg++) {
			if (*arg == '=') {
				eq = arg;
				arg += strlen(arg);	/* the header runs on */
				break;
			}
		}
		if (*arg == ',')
			*arg++ = '\0';
		if (eq != NULL)
			*eq = '\0';
		for (kw = NULL, i = 0; i < NKEYWORDS; i++)
			if (strcmp(keywords[i].name, name) == 0)
				kw = &keywords[i];
		if (kw == NULL)
			errx(1, "%s: keyword not found", name);
		if (ncolumns == MAXCOLS)
			errx(1, "too many columns");
		columns[ncolumns].kw = kw;
		columns[ncolumns].header = eq != NULL ? eq + 1 : kw->header;
		ncolumns++;
	}
}

static void
add_pids(char *arg)
{
	const char *why;
	long long v;
	char *w;

	while ((w = strsep(&arg, ", \t")) != NULL) {
		if (*w == '\0')
			continue;
		v = strtonum(w, 0, INT_MAX, &why);
		if (why != NULL || !isdigit((unsigned char)*w))
			errx(1, "%s: invalid process id", w);
		if (npids == MAXPIDS)
			errx(1, "too many process ids");
		pids[npids++] = (pid_t)v;
	}
}

/* The text of a column for process kp, into buf. */
static const char *
value(const struct keyword *kw, const struct kinfo_proc *kp, char *buf,
    size_t size)
{
	int stat;

	switch (kw->key) {
	case K_PID:
		snprintf(buf, size, "%d", (int)kp->ki_pid);
		break;
	case K_PPID:
		snprintf(buf, size, "%d", (int)kp->ki_ppid);
		break;
	case K_PGID:
		snprintf(buf, size, "%d", (int)kp->ki_pgid);
		break;
	case K_SID:
		snprintf(buf, size, "%d", (int)kp->ki_sid);
		break;
	case K_UID:
		snprintf(buf, size, "%u", (unsigned)kp->ki_uid);
		break;
	case K_RUID:
		snprintf(buf, size, "%u", (unsigned)kp->ki_ruid);
		break;
	case K_STAT:
		stat = kp->ki_stat;
		if (stat < 0 || stat >= (int)sizeof(KI_NSTAT_NAMES) - 1)
			stat = 0;
		snprintf(buf, size, "%c", KI_NSTAT_NAMES[stat]);
		break;
	case K_VSZ:
	case K_SIZE:
		snprintf(buf, size, "%u", (unsigned)(kp->ki_size / 1024));
		break;
	case K_RSS:
		snprintf(buf, size, "%u", kp->ki_rssize * pagekb);
		break;
	case K_ANON:
		snprintf(buf, size, "%u", kp->ki_anonres * pagekb);
		break;
	case K_SWAP:
		snprintf(buf, size, "%u", kp->ki_swap * pagekb);
		break;
	case K_TIME:
		snprintf(buf, size, "%u:%02u", kp->ki_cpticks / hz / 60,
		    kp->ki_cpticks / hz % 60);
		break;
	case K_WCHAN:
		snprintf(buf, size, "%.*s", KI_WMESGLEN,
		    kp->ki_stat == SSLEEP && kp->ki_wmesg[0] != '\0' ?
		    kp->ki_wmesg : "-");
		break;
	case K_COMM:
		snprintf(buf, size, "%.*s", KI_COMMLEN, kp->ki_comm);
		break;
	case K_ARGS:
		if (kp->ki_args[0] != '\0')
			snprintf(buf, size, "%.*s", KI_ARGSLEN, kp->ki_args);
		else
			snprintf(buf, size, "%.*s", KI_COMMLEN, kp->ki_comm);
		break;
	}
	return (buf);
}

/* One line: the headers (kp NULL) or a process. */
static void
row(const struct kinfo_proc *kp)
{
	char buf[KI_ARGSLEN + 32];
	const char *text;
	int i, w;

	for (i = 0; i < ncolumns; i++) {
		w = columns[i].kw->width;
		text = kp == NULL ? columns[i].header :
		    value(columns[i].kw, kp, buf, sizeof(buf));
		if (i == ncolumns - 1 && w < 0)
			w = 0;		/* nothing to line up after it */
		printf("%s%*s", i > 0 ? " " : "", w, text);
	}
	printf("\n");
}

static int
wanted(pid_t pid)
{
	int i;

	if (npids == 0)
		return (1);
	for (i = 0; i < npids; i++)
		if (pids[i] == pid)
			return (1);
	return (0);
}

int
main(int argc, char *argv[])
{
	struct kinfo_proc *kp;
	size_t len;
	int ch, i, j, n, v, found, status = 0;

	/* BSD style: "ps ax", options without a dash. */
	if (argc == 2 && argv[1][0] != '-' &&
	    strspn(argv[1], "ax") == strlen(argv[1]))
		argc = 1;
	while ((ch = getopt(argc, argv, "axo:p:")) != -1) {
		switch (ch) {
		case 'a':
		case 'x':
			break;
		case 'o':
			add_columns(optarg);
			break;
		case 'p':
			add_pids(optarg);
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (ncolumns == 0) {
		add_columns((char[]){ "pid,ppid,uid,stat" });
		add_columns((char[]){ "vsz=SIZE" });
		add_columns((char[]){ "args" });
	}
	for (i = 0; i < ncolumns; i++)
		if (columns[i].header[0] != '\0')
			hdrshown = 1;
	pagekb = (u_int)getpagesize() / 1024;
	len = sizeof(v);
	if (sysctlbyname("kern.hz", &v, &len, NULL, 0) == 0 && v > 0)
		hz = (u_int)v;

	if ((kp = kinfo_getallproc(&n)) == NULL)
		err(1, "kern.proc.all");
	if (hdrshown)
		row(NULL);
	for (i = 0; i < n; i++)
		if (wanted(kp[i].ki_pid))
			row(&kp[i]);
	for (j = 0; j < npids; j++) {
		for (found = 0, i = 0; i < n; i++)
			if (kp[i].ki_pid == pids[j])
				found = 1;
		if (!found)
			status = 1;
	}
	free(kp);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
	return (status);
}
