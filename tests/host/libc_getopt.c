/*
 * libc_getopt.c: host test of lib/libc/gen/getopt_long.c (its
 * functions and variables renamed umbra_* by run.sh) against glibc.
 *
 * Random argument vectors, drawn from words that hit the parsers'
 * cases (clustered letters, attached and separate arguments, optional
 * arguments, "--name=value", unique, ambiguous and equivalent prefixes,
 * unknown options, operands between options, "-" and "--"), are parsed
 * with random option strings (with and without the '+', '-' and ':'
 * prefixes) by Umbra and by glibc, each from a fresh start.  Every call
 * must return the same value with the same optarg, optind and long
 * index, optopt after an error, the same flag variable, and the vectors
 * must end up permuted the same way.  Messages are turned off
 * (opterr = 0): their wording differs on purpose, BSD's against GNU's.
 * getopt() is compared with glibc's getopt() given a '+' prefix, since
 * glibc's getopt permutes and BSD's does not.  Half the runs start
 * over the BSD way (optreset), half the GNU way (optind = 0).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

struct option;

int	umbra_getopt(int, char *const [], const char *);
int	umbra_getopt_long(int, char *const [], const char *,
	    const struct option *, int *);
int	umbra_getopt_long_only(int, char *const [], const char *,
	    const struct option *, int *);
extern char	*umbra_optarg;
extern int	 umbra_optind, umbra_opterr, umbra_optopt, umbra_optreset;

/* What getopt.c prints its messages with; on the host, a fixed name. */
const char *
getprogname(void)
{

	return ("libc_getopt");
}

static int	flag_glibc, flag_umbra;	/* set by the --flag options */

#define	LONGOPTS(flagvar) {						\
	{ "verbose",	no_argument,		NULL,		'v' },	\
	{ "version",	no_argument,		NULL,		'V' },	\
	{ "output",	required_argument,	NULL,		'o' },	\
	{ "color",	optional_argument,	NULL,		'c' },	\
	{ "colour",	optional_argument,	NULL,		'c' },	\
	{ "flag",	no_argument,		&(flagvar),	42 },	\
	{ "file",	required_argument,	NULL,		'f' },	\
	{ "a",		no_argument,		NULL,		'A' },	\
	{ "all",	no_argument,		NULL,		'L' },	\
	{ NULL,		0,			NULL,		0 },	\
}

static const struct option long_glibc[] = LONGOPTS(flag_glibc);
static const struct option long_umbra[] = LONGOPTS(flag_umbra);

static const char *const words[] = {
	"-v", "-vV", "-vo", "-ofile", "-o", "-c", "-cred", "-f", "-fx",
	"-a", "-al", "-all", "-ab", "-b", "-z", "-:", "-v-", "-o:",
	"file1", "file2", "x", "-", "--", "--verbose", "--verb", "--ver",
	"--version", "--output=out", "--output", "--out", "--o",
	"--color", "--color=red", "--col", "--colo=blue", "--colour",
	"--flag", "--flag=1", "--fl", "--f", "--file", "--file=x",
	"--unknown", "--verbose=1", "--", "-verbose", "-output=o",
	"-fl", "-col", "-a", "--a", "--al", "--=x",
};

static const char *const optstrings[] = {
	"vVo:c::f:ab", "vo:", "abc", "vVo:c::f:ab", "Vf:a", "v",
	"", "o::c:b", "ab:l",
};
static const char *const prefixes[] = { "", "", "+", "-", ":", "+:", "-:" };

#define	MAXARGS	12
#define	MAXCALLS 40

enum which { W_GETOPT, W_LONG, W_LONGONLY };

/* One parser's run: what each call gave, and the vector at the end. */
struct run {
	int	ncalls;
	int	ret[MAXCALLS];
	char	arg[MAXCALLS][32];	/* optarg, or "(null)" */
	int	ind[MAXCALLS];		/* optind after the call */
	int	opt[MAXCALLS];		/* optopt, after '?' or ':' */
	int	lidx[MAXCALLS];		/* the long index, -1 if none */
	int	flag[MAXCALLS];		/* the --flag variable */
	char	*argv[MAXARGS + 1];	/* argv when parsing ended */
};

static void
record(struct run *r, int ret, const char *arg, int ind, int opt, int lidx,
    int flag)
{
	int i = r->ncalls++;

	r->ret[i] = ret;
	snprintf(r->arg[i], sizeof(r->arg[i]), "%s",
	    arg != NULL ? arg : "(null)");
	r->ind[i] = ind;
	r->opt[i] = ret == '?' || ret == ':' ? opt : 0;
	r->lidx[i] = lidx;
	r->flag[i] = flag;
}

static void
run_glibc(enum which w, int argc, char **argv, const char *os,
    struct run *r)
{
	char buf[80];
	int c, li;

	optind = 0;		/* glibc: start over */
	opterr = 0;
	flag_glibc = 0;
	r->ncalls = 0;
	if (w == W_GETOPT && os[0] != '+' && os[0] != '-') {
		snprintf(buf, sizeof(buf), "+%s", os);
		os = buf;
	}
	do {
		li = -1;
		optarg = NULL;
		if (w == W_GETOPT)
			c = getopt(argc, argv, os);
		else if (w == W_LONG)
			c = getopt_long(argc, argv, os, long_glibc, &li);
		else
			c = getopt_long_only(argc, argv, os, long_glibc, &li);
		record(r, c, optarg, optind, optopt, li, flag_glibc);
	} while (c != -1 && r->ncalls < MAXCALLS);
	memcpy(r->argv, argv, sizeof(r->argv));
}

static void
run_umbra(enum which w, int argc, char **argv, const char *os,
    struct run *r)
{
	int c, li;

	if (rnd(2) == 0) {
		umbra_optind = 1;
		umbra_optreset = 1;	/* BSD: start over */
	} else
		umbra_optind = 0;	/* GNU: start over */
	umbra_opterr = 0;
	flag_umbra = 0;
	r->ncalls = 0;
	do {
		li = -1;
		umbra_optarg = NULL;
		if (w == W_GETOPT)
			c = umbra_getopt(argc, argv, os);
		else if (w == W_LONG)
			c = umbra_getopt_long(argc, argv, os, long_umbra, &li);
		else
			c = umbra_getopt_long_only(argc, argv, os, long_umbra,
			    &li);
		record(r, c, umbra_optarg, umbra_optind, umbra_optopt, li,
		    flag_umbra);
	} while (c != -1 && r->ncalls < MAXCALLS);
	memcpy(r->argv, argv, sizeof(r->argv));
}

static void
show(char *buf, size_t size, int argc, char *const *argv)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < argc && len < size; i++)
		len += snprintf(buf + len, size - len, "%s%s", i ? " " : "",
		    argv[i]);
}

/* Compare the two runs; report the first difference. */
static void
compare(enum which w, int argc, char **orig, const char *os,
    const struct run *g, const struct run *u)
{
	static const char *const names[] = { "getopt", "getopt_long",
	    "getopt_long_only" };
	char vec[512], why[160];
	int i;

	why[0] = '\0';
	for (i = 0; i < g->ncalls && i < u->ncalls && why[0] == '\0'; i++) {
		if (g->ret[i] != u->ret[i] || strcmp(g->arg[i], u->arg[i]) ||
		    g->ind[i] != u->ind[i] || g->opt[i] != u->opt[i] ||
		    g->lidx[i] != u->lidx[i] || g->flag[i] != u->flag[i])
			snprintf(why, sizeof(why), "call %d: glibc %d arg %s "
			    "ind %d opt %d idx %d flag %d, umbra %d arg %s "
			    "ind %d opt %d idx %d flag %d", i + 1, g->ret[i],
			    g->arg[i], g->ind[i], g->opt[i], g->lidx[i],
			    g->flag[i], u->ret[i], u->arg[i], u->ind[i],
			    u->opt[i], u->lidx[i], u->flag[i]);
	}
	if (why[0] == '\0' && g->ncalls != u->ncalls)
		snprintf(why, sizeof(why), "glibc made %d calls, umbra %d",
		    g->ncalls, u->ncalls);
	for (i = 0; i < argc && why[0] == '\0'; i++)
		if (g->argv[i] != u->argv[i])
			snprintf(why, sizeof(why), "argv[%d] ends as %s in "
			    "glibc, %s in umbra", i, g->argv[i], u->argv[i]);
	if (why[0] == '\0')
		return;
	show(vec, sizeof(vec), argc, orig);
	fail("%s(\"%s\") on [%s]: %s", names[w], os, vec, why);
}

int
main(void)
{
	char *orig[MAXARGS + 1], *vg[MAXARGS + 1], *vu[MAXARGS + 1];
	char os[64];
	struct run g, u;
	int n, argc, i;
	enum which w;

	unsetenv("POSIXLY_CORRECT");
	for (n = 0; n < 30000; n++) {
		argc = 1 + (int)rnd(MAXARGS);
		orig[0] = "prog";
		for (i = 1; i < argc; i++)
			orig[i] = (char *)words[rnd(sizeof(words) /
			    sizeof(words[0]))];
		orig[argc] = NULL;
		snprintf(os, sizeof(os), "%s%s",
		    prefixes[rnd(sizeof(prefixes) / sizeof(prefixes[0]))],
		    optstrings[rnd(sizeof(optstrings) /
		    sizeof(optstrings[0]))]);
		w = (enum which)rnd(3);
		memcpy(vg, orig, sizeof(orig));
		memcpy(vu, orig, sizeof(orig));
		run_glibc(w, argc, vg, os, &g);
		run_umbra(w, argc, vu, os, &u);
		compare(w, argc, orig, os, &g, &u);
	}
	return (test_done());
}
