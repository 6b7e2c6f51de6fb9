/*
 * tail: copy the last part of files, and follow files as they grow.
 *
 *	tail [-f] [-c [+|-]number | -n [+|-]number] [file ...]
 *
 * The last 10 lines by default; -n number the last number lines, -c
 * number the last bytes; with a '+', everything from line (or byte)
 * number on, counting from 1.  With more than one file each is preceded
 * by "==> name <==" (and an empty line after the first).
 *
 * -f: after the end, keep reading: the files are polled every
 * POLL_MS milliseconds and whatever was appended is copied, under a
 * new heading when it comes from another file than the last.  A file
 * that shrinks was truncated: "tail: name: file truncated" and it is
 * read again from its start.  tail -f runs until it is killed.  -f is
 * ignored when the only input is a pipe, as POSIX asks (a pipe cannot
 * grow after its end).
 *
 * The end is found by reading: the last lines are kept in a ring of
 * number buffers (bytes: a ring of number bytes) while the input goes
 * by, so any input works, pipes included; memory grows with the lines
 * kept, not with the input.  Errors: "tail: name: No such file or
 * directory" and the others are still copied, exit status 1; a bad
 * number or usage exits 1.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define	POLL_MS		250
#define	BUFSZ		4096

/* An input: its descriptor and what -f needs to know of it. */
struct input {
	const char	*name;
	int		fd;
	off_t		off;		/* bytes read so far */
	int		follow;		/* -f applies (not a pipe) */
};

static int	nfiles;
static struct input *lastshown;	/* the file of the last heading */

static void
usage(void)
{

	fprintf(stderr, "usage: tail [-f] [-c [+|-]number | -n [+|-]number] "
	    "[file ...]\n");
	exit(1);
}

/* Write len bytes to the standard output, or die. */
static void
out(const void *p, size_t len)
{
	const char *c = p;
	ssize_t n;

	while (len > 0) {
		n = write(STDOUT_FILENO, c, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			err(1, "standard output");
		c += n;
		len -= n;
	}
}

/* The heading of in, when there are several files. */
static void
heading(struct input *in)
{
	char buf[256];
	int n;

	if (nfiles < 2 || lastshown == in)
		return;
	n = snprintf(buf, sizeof(buf), "%s==> %s <==\n",
	    lastshown != NULL ? "\n" : "", in->name);
	if (n > 0)
		out(buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	lastshown = in;
}

/*
 * Read up to size bytes of in into buf; returns the count, 0 at the
 * end, -1 (reported) on an error.
 */
static ssize_t
get(struct input *in, char *buf, size_t size)
{
	ssize_t n;

	do
		n = read(in->fd, buf, size);
	while (n == -1 && errno == EINTR);
	if (n == -1)
		warn("%s", in->name);
	else
		in->off += n;
	return (n);
}

/* +number: skip number - 1 lines (bytes), copy the rest. */
static int
from_start(struct input *in, long long skip, int bytes)
{
	char buf[BUFSZ];
	ssize_t n, i;

	while ((n = get(in, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n && skip > 0; i++)
			if (bytes || buf[i] == '\n')
				skip--;
		if (skip == 0 && i < n)
			out(buf + i, n - i);
	}
	return (n == 0 ? 0 : -1);
}

/* The last nbytes bytes, through a ring of that size. */
static int
last_bytes(struct input *in, long long nbytes)
{
	char *ring, buf[BUFSZ];
	size_t size = (size_t)nbytes, head = 0, fill = 0, i;
	ssize_t n, k;

	if ((ring = malloc(size)) == NULL)
		err(1, NULL);
	while ((n = get(in, buf, sizeof(buf))) > 0) {
		for (k = 0; k < n; k++) {
			ring[head] = buf[k];
			head = (head + 1) % size;
			if (fill < size)
				fill++;
		}
	}
	i = (head + size - fill) % size;
	if (i + fill <= size)
		out(ring + i, fill);
	else {
		out(ring + i, size - i);
		out(ring, fill - (size - i));
	}
	free(ring);
	return (n == 0 ? 0 : -1);
}

/* One kept line. */
struct line {
	char	*p;
	size_t	len, cap;
};

/*
 * The last nlines lines, through a ring of nlines + 1 line buffers: the
 * line being read, and the nlines whole lines before it.
 */
static int
last_lines(struct input *in, long long nlines)
{
	struct line *ring, *l;
	char buf[BUFSZ], *p;
	size_t slots = (size_t)nlines + 1, cur = 0, whole = 0, i, k;
	ssize_t n, j, start;

	if ((ring = calloc(slots, sizeof(*ring))) == NULL)
		err(1, NULL);
	while ((n = get(in, buf, sizeof(buf))) > 0) {
		for (start = 0, j = 0; j < n; j++) {
			if (buf[j] != '\n' && j + 1 < n)
				continue;
			/* buf[start..j] ends a line or this buffer. */
			l = &ring[cur];
			k = j - start + 1;
			if (l->len + k > l->cap) {
				l->cap = (l->len + k) * 2;
				if ((p = realloc(l->p, l->cap)) == NULL)
					err(1, NULL);
				l->p = p;
			}
			memcpy(l->p + l->len, buf + start, k);
			l->len += k;
			start = j + 1;
			if (buf[j] == '\n') {
				cur = (cur + 1) % slots;
				ring[cur].len = 0;
				if (whole < slots - 1)
					whole++;
			}
		}
	}
	/* A last line without a newline counts too. */
	if (ring[cur].len > 0) {
		cur = (cur + 1) % slots;
		if (whole < slots - 1)
			whole++;
	}
	for (i = (cur + slots - whole) % slots, k = 0; k < whole; k++) {
		out(ring[i].p, ring[i].len);
		i = (i + 1) % slots;
	}
	for (i = 0; i < slots; i++)
		free(ring[i].p);
	free(ring);
	return (n == 0 ? 0 : -1);
}

/* -f: copy what was appended to the inputs, forever. */
static void
follow(struct input *ins, int n)
{
	struct timespec ts;
	struct stat st;
	char buf[BUFSZ];
	ssize_t got;
	int i;

	for (;;) {
		for (i = 0; i < n; i++) {
			if (ins[i].fd == -1 || !ins[i].follow)
				continue;
			if (fstat(ins[i].fd, &st) == 0 &&
			    S_ISREG(st.st_mode) && st.st_size < ins[i].off) {
				warnx("%s: file truncated", ins[i].name);
				if (lseek(ins[i].fd, 0, SEEK_SET) == 0)
					ins[i].off = 0;
			}
			while ((got = get(&ins[i], buf, sizeof(buf))) > 0) {
				heading(&ins[i]);
				out(buf, got);
			}
		}
		ts.tv_sec = 0;
		ts.tv_nsec = POLL_MS * 1000000L;
		nanosleep(&ts, NULL);
	}
}

/* A number of -c or -n: [+|-]digits; *fromstart for a '+'. */
static long long
number(const char *s, int *fromstart)
{
	const char *why;
	long long v;

	*fromstart = *s == '+';
	if (*s == '+' || *s == '-')
		s++;
	v = strtonum(s, 0, LLONG_MAX, &why);
	if (why != NULL || !isdigit((unsigned char)*s))
		errx(1, "illegal offset -- %s", s);
	return (v);
}

int
main(int argc, char *argv[])
{
	struct input *ins;
	struct stat st;
	long long n = 10;
	int ch, fflag = 0, bytes = 0, fromstart = 0, status = 0, i, r;

	while ((ch = getopt(argc, argv, "c:fn:")) != -1) {
		switch (ch) {
		case 'c':
			n = number(optarg, &fromstart);
			bytes = 1;
			break;
		case 'f':
			fflag = 1;
			break;
		case 'n':
			n = number(optarg, &fromstart);
			bytes = 0;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	nfiles = argc;
	if ((ins = calloc(argc + 1, sizeof(*ins))) == NULL)
		err(1, NULL);
	if (argc == 0) {
		ins[0].name = "standard input";
		ins[0].fd = STDIN_FILENO;
		argc = 1;
	}
	for (i = 0; i < argc; i++) {
		if (nfiles > 0) {
			ins[i].name = argv[i];
			if (strcmp(argv[i], "-") == 0) {
				ins[i].name = "standard input";
				ins[i].fd = STDIN_FILENO;
			} else if ((ins[i].fd = open(argv[i], O_RDONLY)) ==
			    -1) {
				warn("%s", argv[i]);	/* follow stays 0 */
				status = 1;
				continue;
			}
		}
		ins[i].follow = fflag && fstat(ins[i].fd, &st) == 0 &&
		    !S_ISFIFO(st.st_mode);
		heading(&ins[i]);
		if (fromstart)
			r = from_start(&ins[i], n > 0 ? n - 1 : 0, bytes);
		else if (n == 0)
			r = 0;
		else if (bytes)
			r = last_bytes(&ins[i], n);
		else
			r = last_lines(&ins[i], n);
		if (r == -1)
			status = 1;
	}
	for (i = 0; fflag && i < argc; i++)
		if (ins[i].follow)
			follow(ins, argc);	/* never returns */
	return (status);
}
