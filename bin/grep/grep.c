/*
 * grep: print the lines of files that match patterns.
 *
 *	grep [-cEFhHilnqsvx] [-e pattern] ... [-f file] ... [pattern]
 *	    [file ...]
 *
 * Patterns are basic regular expressions, extended ones with -E, plain
 * strings with -F (regex(3): lib/libc/gen/regex.c).  A pattern argument
 * may hold several patterns, one per line; -e and -f add more.  A line
 * is selected if any pattern matches it (none, with -v); -x asks the
 * match to cover the whole line, -i to ignore case.
 *
 * Output: the selected lines, each after "file:" when there is more
 * than one file (or -H; never with -h) and "n:" with -n; or with -c
 * the count of selected lines per file, with -l the names of files with
 * one, with -q nothing.  "-" and no file at all mean the standard
 * input, named "(standard input)".
 *
 * Lines are read whole, however long, and may hold NUL bytes (matched
 * with REG_STARTEND).  The exit status is 0 if a line was selected, 1
 * if none was, 2 on an error (a file that cannot be read, a bad
 * pattern, bad usage), as POSIX asks; -q with a selected line exits 0
 * at once, errors or not.  -s silences the messages about files that
 * cannot be read, not the status.
 */
#include <sys/types.h>
#include <err.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static regex_t	*pats;		/* the compiled patterns */
static size_t	npats, patcap;
static int	cflag, Fflag, hflag, Hflag, iflag, lflag, nflag, qflag;
static int	sflag, vflag, xflag, Eflag;
static int	error;		/* a file could not be read */

static void
usage(void)
{

	fprintf(stderr, "usage: grep [-cEFhHilnqsvx] [-e pattern] "
	    "[-f file] [pattern] [file ...]\n");
	exit(2);
}

/* Remember a pattern (len bytes at p, not NUL-terminated) for later. */
static char	**raw;
static size_t	nraw, rawcap;

static void
add_raw(const char *p, size_t len)
{
	char **r;

	if (nraw == rawcap) {
		rawcap = rawcap == 0 ? 8 : rawcap * 2;
		if ((r = realloc(raw, rawcap * sizeof(*r))) == NULL)
			err(2, NULL);
		raw = r;
	}
	if ((raw[nraw] = malloc(len + 1)) == NULL)
		err(2, NULL);
	memcpy(raw[nraw], p, len);
	raw[nraw][len] = '\0';
	nraw++;
}

/* Patterns from an argument: one per line. */
static void
add_patterns(const char *arg)
{
	const char *nl;

	while ((nl = strchr(arg, '\n')) != NULL) {
		add_raw(arg, nl - arg);
		arg = nl + 1;
	}
	add_raw(arg, strlen(arg));
}

/* Patterns from a file (-f): one per line. */
static void
add_pattern_file(const char *path)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL)
		err(2, "%s", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			len--;
		add_raw(line, len);
	}
	if (ferror(fp))
		err(2, "%s", path);
	free(line);
	if (fp != stdin)
		fclose(fp);
}

/* Compile every remembered pattern. */
static void
compile(void)
{
	char msg[128];
	size_t i;
	int flags, e;

	flags = REG_NOSUB;
	if (Eflag)
		flags |= REG_EXTENDED;
	if (Fflag)
		flags |= REG_NOSPEC;
	if (iflag)
		flags |= REG_ICASE;
	if (xflag)
		flags &= ~REG_NOSUB;	/* we need the match's extent */
	if ((pats = calloc(nraw + 1, sizeof(*pats))) == NULL)
		err(2, NULL);
	patcap = nraw;
	for (i = 0; i < nraw; i++) {
		if ((e = regcomp(&pats[i], raw[i], flags)) != 0) {
			regerror(e, &pats[i], msg, sizeof(msg));
			errx(2, "%s: %s", raw[i], msg);
		}
		npats++;
	}
}

/* Is the line (len bytes, maybe with NULs) matched by some pattern? */
static int
matches(const char *line, size_t len)
{
	regmatch_t m[1];
	size_t i;

	for (i = 0; i < npats; i++) {
		m[0].rm_so = 0;
		m[0].rm_eo = (regoff_t)len;
		if (regexec(&pats[i], line, 1, m, REG_STARTEND) != 0)
			continue;
		if (!xflag || (m[0].rm_so == 0 && m[0].rm_eo == (regoff_t)len))
			return (1);
	}
	return (0);
}

/*
 * Search one stream, named name in the output.  Returns the number of
 * lines selected.
 */
static long
grep(FILE *fp, const char *name, int showname)
{
	char *line = NULL;
	size_t cap = 0, len;
	ssize_t n;
	long lineno = 0, count = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		len = (size_t)n;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (matches(line, len) == vflag)
			continue;
		count++;
		if (qflag)
			exit(0);
		if (lflag)
			break;
		if (cflag)
			continue;
		if (showname)
			printf("%s:", name);
		if (nflag)
			printf("%ld:", lineno);
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	if (ferror(fp)) {
		if (!sflag)
			warn("%s", name);
		error = 1;
	}
	free(line);
	if (cflag) {
		if (showname)
			printf("%s:", name);
		printf("%ld\n", count);
	}
	if (lflag && count > 0)
		printf("%s\n", name);
	return (count);
}

int
main(int argc, char *argv[])
{
	FILE *fp;
	long selected = 0;
	int ch, showname, havepat = 0;

	while ((ch = getopt(argc, argv, "cEe:Ff:hHilnqsvx")) != -1) {
		switch (ch) {
		case 'c':
			cflag = 1;
			break;
		case 'E':
			Eflag = 1;
			break;
		case 'e':
			add_patterns(optarg);
			havepat = 1;
			break;
		case 'F':
			Fflag = 1;
			break;
		case 'f':
			add_pattern_file(optarg);
			havepat = 1;
			break;
		case 'h':
			hflag = 1;
			Hflag = 0;
			break;
		case 'H':
			Hflag = 1;
			hflag = 0;
			break;
		case 'i':
			iflag = 1;
			break;
		case 'l':
			lflag = 1;
			break;
		case 'n':
			nflag = 1;
			break;
		case 'q':
			qflag = 1;
			break;
		case 's':
			sflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		case 'x':
			xflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (!havepat) {
		if (argc == 0)
			usage();
		add_patterns(*argv++);
		argc--;
	}
	compile();

	showname = Hflag || (argc > 1 && !hflag);
	if (argc == 0)
		selected += grep(stdin, "(standard input)", showname);
	for (; *argv != NULL; argv++) {
		if (strcmp(*argv, "-") == 0) {
			selected += grep(stdin, "(standard input)", showname);
			clearerr(stdin);
			continue;
		}
		if ((fp = fopen(*argv, "r")) == NULL) {
			if (!sflag)
				warn("%s", *argv);
			error = 1;
			continue;
		}
		selected += grep(fp, *argv, showname);
		fclose(fp);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		err(2, "standard output");
	if (error)
		return (2);
	return (selected > 0 ? 0 : 1);
}
