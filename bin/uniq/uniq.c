/*
 * uniq: report or filter out repeated lines.
 *
 *	uniq [-c | -d | -u] [-i] [-f fields] [-s chars] [input [output]]
 *
 * Reads input (the standard input when absent or "-") and writes one
 * copy of each run of adjacent equal lines to output (the standard
 * output when absent).  -d writes only lines that were repeated, -u
 * only those that were not; -c puts before each line the number of
 * times it occurred, in a field of 4.  Lines compare after skipping
 * -f fields (runs of blanks followed by non-blanks) and then -s bytes;
 * -i ignores case.  Errors: a file that cannot be opened or read, bad
 * usage or a bad number exit with status 1, with the message on the
 * standard error.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int	cflag, dflag, uflag, iflag;
static long	nfields, nchars;

static void
usage(void)
{

	fprintf(stderr, "usage: uniq [-c | -d | -u] [-i] [-f fields] "
	    "[-s chars] [input [output]]\n");
	exit(1);
}

static long
number(const char *s, const char *what)
{
	const char *why;
	long v;

	v = (long)strtonum(s, 0, LONG_MAX, &why);
	if (why != NULL || !isdigit((unsigned char)*s))
		errx(1, "illegal %s count -- %s", what, s);
	return (v);
}

/* Where the comparison starts in line p (len bytes). */
static const char *
skip(const char *p, size_t *lenp)
{
	const char *end = p + *lenp;
	long f, c;

	for (f = 0; f < nfields; f++) {
		while (p < end && isblank((unsigned char)*p))
			p++;
		while (p < end && !isblank((unsigned char)*p))
			p++;
	}
	for (c = 0; c < nchars && p < end; c++)
		p++;
	*lenp = end - p;
	return (p);
}

static int
same(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i;

	a = skip(a, &alen);
	b = skip(b, &blen);
	if (alen != blen)
		return (0);
	if (!iflag)
		return (memcmp(a, b, alen) == 0);
	for (i = 0; i < alen; i++)
		if (tolower((unsigned char)a[i]) !=
		    tolower((unsigned char)b[i]))
			return (0);
	return (1);
}

/* Write a run of count copies of line, as the options ask. */
static void
emit(FILE *out, const char *line, size_t len, long count)
{

	if ((dflag && count < 2) || (uflag && count > 1))
		return;
	if (cflag)
		fprintf(out, "%4ld ", count);
	fwrite(line, 1, len, out);
	putc('\n', out);
}

int
main(int argc, char *argv[])
{
	FILE *in = stdin, *out = stdout;
	char *prev = NULL, *cur = NULL, *t;
	size_t prevcap = 0, curcap = 0, tcap, prevlen = 0, curlen;
	ssize_t n;
	long count = 0;
	int ch;

	while ((ch = getopt(argc, argv, "cdf:is:u")) != -1) {
		switch (ch) {
		case 'c':
			cflag = 1;
			break;
		case 'd':
			dflag = 1;
			break;
		case 'f':
			nfields = number(optarg, "field skip");
			break;
		case 'i':
			iflag = 1;
			break;
		case 's':
			nchars = number(optarg, "character skip");
			break;
		case 'u':
			uflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 2 || cflag + dflag + uflag > 1)
		usage();
	if (argc > 0 && strcmp(argv[0], "-") != 0 &&
	    (in = fopen(argv[0], "r")) == NULL)
		err(1, "%s", argv[0]);
	if (argc > 1 && strcmp(argv[1], "-") != 0 &&
	    (out = fopen(argv[1], "w")) == NULL)
		err(1, "%s", argv[1]);

	while ((n = getline(&cur, &curcap, in)) != -1) {
		curlen = n;
		if (curlen > 0 && cur[curlen - 1] == '\n')
			curlen--;
		if (count > 0 && same(prev, prevlen, cur, curlen)) {
			count++;
			continue;
		}
		if (count > 0)
			emit(out, prev, prevlen, count);
		/* The current line becomes the previous one: swap buffers. */
		t = prev;
		tcap = prevcap;
		prev = cur;
		prevcap = curcap;
		prevlen = curlen;
		cur = t;
		curcap = tcap;
		count = 1;
	}
	if (ferror(in))
		err(1, "%s", argc > 0 ? argv[0] : "stdin");
	if (count > 0)
		emit(out, prev, prevlen, count);
	if (fflush(out) == EOF || ferror(out))
		err(1, "%s", argc > 1 ? argv[1] : "standard output");
	return (0);
}
