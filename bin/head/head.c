/*
 * head: copy the first lines, or bytes, of files.
 *
 *	head [-n count | -c bytes] [file ...]
 *	head -count [file ...]
 *
 * The first count lines (10 by default) or, with -c, the first bytes
 * of each file, or of the standard input when there is none.  With
 * more than one file each is preceded by "==> name <==" and, after the
 * first, an empty line.  A file that cannot be read is reported
 * ("head: name: No such file or directory") and the others are still
 * copied; the exit status is then 1.  A bad count is an error, as is
 * bad usage (status 1, the message on the standard error).
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(void)
{

	fprintf(stderr, "usage: head [-n count | -c bytes] [file ...]\n");
	exit(1);
}

/* A count: a decimal number of at least 1. */
static long long
count(const char *s, const char *what)
{
	const char *why;
	long long v;

	v = strtonum(s, 1, LLONG_MAX, &why);
	if (why != NULL || !isdigit((unsigned char)*s))
		errx(1, "illegal %s count -- %s", what, s);
	return (v);
}

/* Copy the first n lines (or bytes) of fp to the standard output. */
static void
head(FILE *fp, long long n, int bytes)
{
	int c;

	while (n > 0 && (c = getc(fp)) != EOF) {
		if (putchar(c) == EOF)
			err(1, "standard output");
		if (bytes || c == '\n')
			n--;
	}
}

int
main(int argc, char *argv[])
{
	const char *name;
	long long n = 10;
	FILE *fp;
	int ch, bytes = 0, first = 1, status = 0, nfiles;

	/* The old form, head -count. */
	if (argc > 1 && argv[1][0] == '-' &&
	    isdigit((unsigned char)argv[1][1])) {
		n = count(argv[1] + 1, "line");
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((ch = getopt(argc, argv, "c:n:")) != -1) {
		switch (ch) {
		case 'c':
			n = count(optarg, "byte");
			bytes = 1;
			break;
		case 'n':
			n = count(optarg, "line");
			bytes = 0;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		head(stdin, n, bytes);
		if (ferror(stdin))
			err(1, "stdin");
	}
	nfiles = argc;
	for (; *argv != NULL; argv++) {
		name = *argv;
		if (strcmp(name, "-") == 0)
			fp = stdin;
		else if ((fp = fopen(name, "r")) == NULL) {
			warn("%s", name);
			status = 1;
			continue;
		}
		if (nfiles > 1) {
			printf("%s==> %s <==\n", first ? "" : "\n",
			    fp == stdin ? "standard input" : name);
			first = 0;
		}
		head(fp, n, bytes);
		if (ferror(fp)) {
			warn("%s", name);
			status = 1;
		}
		if (fp != stdin)
			fclose(fp);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
	return (status);
}
