/*
 * sort: sort, merge or check lines of text files.
 *
 *	sort [-bcfnrsu] [-k key] ... [-t char] [-o output] [file ...]
 *
 * All the lines of the files (the standard input when there are none,
 * or for "-") are read into memory, sorted by a stable merge sort and
 * written to the standard output or to -o's file (which may be one of
 * the inputs: it is opened only after everything was read).
 *
 * Lines compare by their keys in turn, then, if all keys are equal, by
 * the whole line, byte by byte (the last-resort comparison; -s and -u
 * leave it out, so that equal lines keep their input order).  Without
 * -k the key is the whole line.  A key, -k start[type][,end[type]]:
 * start is field[.char] (from 1), end is field[.char] where char 0 or
 * none means the end of the field, and no end means the end of the
 * line.  Fields are separated by -t's character, or else each field is
 * a run of non-blanks together with the blanks before it.  Types, which
 * replace the global options for their key:
 *
 *	b	skip the blanks that start a field (for start, or end)
 *	f	fold lower case to upper case
 *	n	numeric: optional blanks, '-', digits, '.' and digits
 *	r	reverse the order
 *
 * -u writes one line of each run of lines with equal keys (the first).
 * -c checks that the input is sorted instead: silent with status 0 if
 * it is, "sort: file:N: disorder: line" and status 1 if not (-u: also
 * for equal neighbours).  Errors (a file that cannot be read, bad
 * usage, a bad key) exit with status 2.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	F_BLANK		0x01		/* b */
#define	F_FOLD		0x02		/* f */
#define	F_NUM		0x04		/* n */
#define	F_REV		0x08		/* r */
#define	F_BLANKEND	0x10		/* b on the end position */
#define	MAXKEYS		16

struct key {
	int		sfield, schar;	/* start: field, char (from 1) */
	int		efield, echar;	/* end: field (0: line end), char
					   (0: end of the field) */
	int		flags;		/* F_*; 0: the global ones */
};

struct line {
	char		*p;
	size_t		len;
	const char	*file;		/* for -c's message */
	long		lineno;
};

static struct key keys[MAXKEYS];
static int	nkeys;
static int	gflags;			/* global options as F_* */
static int	sflag, uflag, cflag;
static int	tchar = -1;		/* -t */

static void
usage(void)
{

	fprintf(stderr, "usage: sort [-bcfnrsu] [-k key] [-t char] "
	    "[-o output] [file ...]\n");
	exit(2);
}

/* Parse digits at *sp into a number, or -1 if there are none. */
static int
p_num(const char **sp)
{
	const char *s = *sp;
	long v = 0;

	if (!isdigit((unsigned char)*s))
		return (-1);
	while (isdigit((unsigned char)*s)) {
		v = v * 10 + (*s++ - '0');
		if (v > INT_MAX / 10)
			return (-1);
	}
	*sp = s;
	return ((int)v);
}

/* Type letters at *sp into *flags; end: 'b' applies to the end. */
static void
p_types(const char **sp, int *flags, int end)
{
	const char *s = *sp;

	for (;; s++) {
		switch (*s) {
		case 'b':
			*flags |= end ? F_BLANKEND : F_BLANK;
			continue;
		case 'f':
			*flags |= F_FOLD;
			continue;
		case 'n':
			*flags |= F_NUM;
			continue;
		case 'r':
			*flags |= F_REV;
			continue;
		}
		break;
	}
	*sp = s;
}

static void
add_key(const char *arg)
{
	struct key *k;
	const char *s = arg;

	if (nkeys == MAXKEYS)
		errx(2, "too many keys");
	k = &keys[nkeys];
	memset(k, 0, sizeof(*k));
	if ((k->sfield = p_num(&s)) < 1)
		goto bad;
	k->schar = 1;
	if (*s == '.' && (s++, (k->schar = p_num(&s)) < 1))
		goto bad;
	p_types(&s, &k->flags, 0);
	if (*s == ',') {
		s++;
		if ((k->efield = p_num(&s)) < 1)
			goto bad;
		if (*s == '.' && (s++, (k->echar = p_num(&s)) < 0))
			goto bad;
		p_types(&s, &k->flags, 1);
	}
	if (*s != '\0')
		goto bad;
	nkeys++;
	return;
bad:
	errx(2, "invalid key: %s", arg);
}

/*
 * Where field f (from 1) of the line starts: with -t, after the
 * f - 1'th separator; else at the blanks before the f'th run of
 * non-blanks.  Returns end if the line has fewer fields.
 */
static const char *
field_start(const char *p, const char *end, int f)
{

	for (; f > 1 && p < end; f--) {
		if (tchar != -1) {
			while (p < end && *p != tchar)
				p++;
			if (p < end)
				p++;
		} else {
			while (p < end && isblank((unsigned char)*p))
				p++;
			while (p < end && !isblank((unsigned char)*p))
				p++;
		}
	}
	return (f > 1 ? end : p);
}

/* Where the field starting at p ends. */
static const char *
field_end(const char *p, const char *end)
{

	if (tchar != -1) {
		while (p < end && *p != tchar)
			p++;
		return (p);
	}
	while (p < end && isblank((unsigned char)*p))
		p++;
	while (p < end && !isblank((unsigned char)*p))
		p++;
	return (p);
}

/* The extent [*kp, *ke) of key k in line l. */
static void
key_extent(const struct key *k, int flags, const struct line *l,
    const char **kp, const char **ke)
{
	const char *end = l->p + l->len, *s, *e;

	s = field_start(l->p, end, k->sfield);
	if (flags & F_BLANK)
		while (s < end && isblank((unsigned char)*s))
			s++;
	s = s + k->schar - 1 < end ? s + k->schar - 1 : end;
	if (k->efield == 0)
		e = end;
	else {
		e = field_start(l->p, end, k->efield);
		if (k->echar == 0)
			e = field_end(e, end);
		else {
			if (flags & F_BLANKEND)
				while (e < end && isblank((unsigned char)*e))
					e++;
			e = e + k->echar < end ? e + k->echar : end;
		}
	}
	*kp = s;
	*ke = e < s ? s : e;
}

/* The value of a numeric key. */
static double
numval(const char *p, const char *end)
{
	char buf[64];
	size_t n = 0;

	while (p < end && isblank((unsigned char)*p))
		p++;
	if (p < end && *p == '-')
		buf[n++] = *p++;
	while (p < end && n < sizeof(buf) - 1 &&
	    (isdigit((unsigned char)*p) || *p == '.'))
		buf[n++] = *p++;
	buf[n] = '\0';
	return (strtod(buf, NULL));
}

/* Compare two key extents under flags. */
static int
cmp_extent(const char *a, const char *ae, const char *b, const char *be,
    int flags)
{
	double x, y;
	int ca, cb, r = 0;

	if (flags & F_NUM) {
		x = numval(a, ae);
		y = numval(b, be);
		r = x < y ? -1 : x > y;
	} else {
		if (flags & F_BLANK && !(flags & F_NUM)) {
			while (a < ae && isblank((unsigned char)*a))
				a++;
			while (b < be && isblank((unsigned char)*b))
				b++;
		}
		for (; a < ae && b < be; a++, b++) {
			ca = (unsigned char)*a;
			cb = (unsigned char)*b;
			if (flags & F_FOLD) {
				ca = toupper(ca);
				cb = toupper(cb);
			}
			if (ca != cb) {
				r = ca < cb ? -1 : 1;
				break;
			}
		}
		if (r == 0)
			r = (a < ae) - (b < be);
	}
	return ((flags & F_REV) ? -r : r);
}

/* Compare by keys only (no last resort). */
static int
cmp_keys(const struct line *x, const struct line *y)
{
	static const struct key whole = { 1, 1, 0, 0, 0 };
	const char *a, *ae, *b, *be;
	int i, r, flags;

	if (nkeys == 0) {
		key_extent(&whole, gflags & F_BLANK, x, &a, &ae);
		key_extent(&whole, gflags & F_BLANK, y, &b, &be);
		return (cmp_extent(a, ae, b, be, gflags));
	}
	for (i = 0; i < nkeys; i++) {
		flags = keys[i].flags != 0 ? keys[i].flags : gflags;
		key_extent(&keys[i], flags, x, &a, &ae);
		key_extent(&keys[i], flags, y, &b, &be);
		if ((r = cmp_extent(a, ae, b, be, flags)) != 0)
			return (r);
	}
	return (0);
}

static int
cmp_lines(const struct line *x, const struct line *y)
{
	int r;

	if ((r = cmp_keys(x, y)) != 0 || sflag || uflag)
		return (r);
	r = cmp_extent(x->p, x->p + x->len, y->p, y->p + y->len, 0);
	return ((gflags & F_REV) ? -r : r);
}

/* A stable merge sort of v[0..n), using tmp[0..n). */
static void
msort(struct line *v, struct line *tmp, size_t n)
{
	size_t h, i, j, k;

	if (n < 2)
		return;
	h = n / 2;
	msort(v, tmp, h);
	msort(v + h, tmp, n - h);
	for (i = 0, j = h, k = 0; i < h && j < n;)
		tmp[k++] = cmp_lines(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

static struct line *lines;
static size_t	nlines, linecap;

/* Read every line of fp (named name) into lines[]. */
static int
readlines(FILE *fp, const char *name)
{
	struct line *l;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;

	while ((n = getline(&buf, &cap, fp)) != -1) {
		if (nlines == linecap) {
			linecap = linecap == 0 ? 256 : linecap * 2;
			if ((l = realloc(lines, linecap * sizeof(*l))) == NULL)
				err(2, NULL);
			lines = l;
		}
		l = &lines[nlines++];
		if (n > 0 && buf[n - 1] == '\n')
			n--;
		if ((l->p = malloc(n + 1)) == NULL)
			err(2, NULL);
		memcpy(l->p, buf, n);
		l->len = n;
		l->file = name;
		l->lineno = ++lineno;
	}
	free(buf);
	if (ferror(fp)) {
		warn("%s", name);
		return (-1);
	}
	return (0);
}

int
main(int argc, char *argv[])
{
	struct line *tmp;
	const char *output = NULL;
	FILE *fp, *out;
	size_t i;
	int ch, r;

	while ((ch = getopt(argc, argv, "bcfk:no:rst:u")) != -1) {
		switch (ch) {
		case 'b':
			gflags |= F_BLANK;
			break;
		case 'c':
			cflag = 1;
			break;
		case 'f':
			gflags |= F_FOLD;
			break;
		case 'k':
			add_key(optarg);
			break;
		case 'n':
			gflags |= F_NUM;
			break;
		case 'o':
			output = optarg;
			break;
		case 'r':
			gflags |= F_REV;
			break;
		case 's':
			sflag = 1;
			break;
		case 't':
			if (optarg[0] == '\0' || optarg[1] != '\0')
				errx(2, "invalid field separator: %s", optarg);
			tchar = (unsigned char)optarg[0];
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
	if (cflag && argc > 1)
		errx(2, "-c takes at most one file");

	if (argc == 0 && readlines(stdin, "-") == -1)
		return (2);
	for (; *argv != NULL; argv++) {
		if (strcmp(*argv, "-") == 0)
			fp = stdin;
		else if ((fp = fopen(*argv, "r")) == NULL)
			err(2, "%s", *argv);
		if (readlines(fp, *argv) == -1)
			return (2);
		if (fp != stdin)
			fclose(fp);
	}

	if (cflag) {
		for (i = 1; i < nlines; i++) {
			r = cmp_lines(&lines[i - 1], &lines[i]);
			if (r > 0 || (uflag && r == 0)) {
				fprintf(stderr, "sort: %s:%ld: disorder: ",
				    lines[i].file, lines[i].lineno);
				fwrite(lines[i].p, 1, lines[i].len, stderr);
				fputc('\n', stderr);
				return (1);
			}
		}
		return (0);
	}

	if ((tmp = calloc(nlines + 1, sizeof(*tmp))) == NULL)
		err(2, NULL);
	msort(lines, tmp, nlines);
	out = stdout;
	if (output != NULL && (out = fopen(output, "w")) == NULL)
		err(2, "%s", output);
	for (i = 0; i < nlines; i++) {
		if (uflag && i > 0 && cmp_keys(&lines[i - 1], &lines[i]) == 0)
			continue;
		fwrite(lines[i].p, 1, lines[i].len, out);
		putc('\n', out);
	}
	if (fflush(out) == EOF || ferror(out))
		err(2, "%s", output != NULL ? output : "standard output");
	return (0);
}
