/*
 * getopt.c: command-line parsing as GNU-style tools do it, with
 * getopt_long(3) and getopt_long_only(3): long options with required
 * and optional arguments, abbreviations, a flag variable, options
 * after operands (which getopt_long moves to the end), "--", and the
 * errors.  Each vector is parsed from a fresh start (optind = 0).
 */
#define _GNU_SOURCE

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptest.h"

struct config {
	int		 verbose;
	long		 count;
	const char	*output;
	const char	*color;		/* "" when --color has no argument */
	int		 all;		/* set through struct option's flag */
	int		 errors;	/* '?' and ':' returns */
	char		*operands[8];
	int		 noperands;
};

static int all_flag;

static const struct option longopts[] = {
	{ "verbose",	no_argument,		NULL,		'v' },
	{ "count",	required_argument,	NULL,		'n' },
	{ "output",	required_argument,	NULL,		'o' },
	{ "color",	optional_argument,	NULL,		'c' },
	{ "all",	no_argument,		&all_flag,	1 },
	{ NULL,		0,			NULL,		0 }
};

/* Parse argv (NULL-terminated) into *cf, the way main() would. */
static void
parse(char **argv, int long_only, struct config *cf)
{
	int argc, ch, i;

	for (argc = 0; argv[argc] != NULL; argc++)
		continue;
	memset(cf, 0, sizeof(*cf));
	all_flag = 0;
	optind = 0;
	opterr = 0;
	for (;;) {
		if (long_only)
			ch = getopt_long_only(argc, argv, ":vn:o:c::",
			    longopts, NULL);
		else
			ch = getopt_long(argc, argv, ":vn:o:c::", longopts,
			    NULL);
		if (ch == -1)
			break;
		switch (ch) {
		case 'v':
			cf->verbose++;
			break;
		case 'n':
			cf->count = strtol(optarg, NULL, 10);
			break;
		case 'o':
			cf->output = optarg;
			break;
		case 'c':
			cf->color = optarg != NULL ? optarg : "";
			break;
		case 0:
			break;
		default:
			cf->errors++;
			break;
		}
	}
	cf->all = all_flag;
	for (i = optind; i < argc && cf->noperands < 8; i++)
		cf->operands[cf->noperands++] = argv[i];
}

static int
same(const char *a, const char *b)
{

	return ((a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0));
}

int
main(void)
{
	char *v1[] = { "prog", "-v", "--count=3", "in1", "--output", "out",
	    "in2", "-vv", "--all", NULL };
	char *v2[] = { "prog", "--verb", "--col", "--", "-v", "--count=9",
	    NULL };
	char *v3[] = { "prog", "--color=red", "-cblue", "--bogus", "-x",
	    "--verbose=yes", "--output", NULL };
	char *v4[] = { "prog", "-count", "5", "-verbose", "-o", "f", "-v",
	    "-all", "z", NULL };
	struct config cf;

	pt_start("getopt");

	parse(v1, 0, &cf);
	pt_check(cf.verbose == 3 && cf.count == 3 && same(cf.output, "out") &&
	    cf.all == 1 && cf.errors == 0, "long and short options mixed",
	    "verbose %d count %ld output %s all %d errors %d", cf.verbose,
	    cf.count, cf.output, cf.all, cf.errors);
	pt_check(cf.noperands == 2 && same(cf.operands[0], "in1") &&
	    same(cf.operands[1], "in2"), "operands moved after the options",
	    "%d operands, first %s", cf.noperands,
	    cf.noperands > 0 ? cf.operands[0] : "none");

	parse(v2, 0, &cf);
	pt_check(cf.verbose == 1 && same(cf.color, "") && cf.count == 0,
	    "abbreviations, an optional argument left out",
	    "verbose %d color %s count %ld", cf.verbose,
	    cf.color != NULL ? cf.color : "(unset)", cf.count);
	pt_check(cf.noperands == 2 && same(cf.operands[0], "-v") &&
	    same(cf.operands[1], "--count=9"), "\"--\" ends the options",
	    "%d operands", cf.noperands);

	parse(v3, 0, &cf);
	pt_check(same(cf.color, "blue") && cf.errors == 4,
	    "unknown options, a stray argument, a missing one",
	    "color %s, %d errors (4 expected)",
	    cf.color != NULL ? cf.color : "(unset)", cf.errors);

	parse(v4, 1, &cf);
	pt_check(cf.count == 5 && cf.verbose == 2 && same(cf.output, "f") &&
	    cf.all == 1 && cf.noperands == 1 && same(cf.operands[0], "z") &&
	    cf.errors == 0, "getopt_long_only takes -name",
	    "count %ld verbose %d output %s all %d operands %d errors %d",
	    cf.count, cf.verbose, cf.output, cf.all, cf.noperands,
	    cf.errors);
	return (pt_done());
}
