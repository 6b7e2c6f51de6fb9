/*
 * more: page through text, a screenful at a time.
 *
 *	more [-n number] [file ...]
 *
 * When the standard output is a terminal, more shows the files (or the
 * standard input) a screen at a time: the terminal's rows (TIOCGWINSZ,
 * or the LINES variable, or 24) less one, or -n number lines, long
 * lines taking as many rows as they wrap to (COLUMNS, or the
 * terminal's, or 80).  After each screen it prompts "--More--", with
 * how far through the file it is when the file's size is known, and
 * reads one key from the terminal (/dev/tty, else /dev/console), which
 * it puts into non-canonical mode without echo meanwhile:
 *
 *	space		the next screen
 *	return, j	the next line
 *	d		the next half screen
 *	/pattern	skip to the next line matching the basic regular
 *			expression (typed after the '/', ended by return)
 *	n		skip to the next match of the last pattern
 *	q		quit
 *	h, ?		a line of help
 *
 * Several files are shown one after the other, each under a heading
 * of its name between lines of colons; at the end of a file, the
 * prompt names the next one.
 *
 * When the standard output is not a terminal, more copies its input
 * there, as cat(1) would (with the headings when there are several
 * files).  A file that cannot be opened is reported ("more: name: No
 * such file or directory") and skipped, and the exit status is then 1;
 * bad usage exits 1.  The terminal's mode is restored on every exit,
 * SIGINT and SIGTERM included.
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int	ttyfd = -1;		/* where keys come from */
static struct termios saved;		/* its mode before ours */
static int	rows = 24, cols = 80;	/* the screen */
static int	pagelines;		/* lines per screen */
static regex_t	pattern;		/* the last search */
static int	havepattern;

/* The file being shown. */
struct input {
	FILE		*fp;
	const char	*name;
	off_t		size;		/* -1: unknown */
	off_t		off;		/* bytes shown or skipped */
	char		*line;		/* a line read but not yet shown */
	size_t		linecap;
	ssize_t		linelen;	/* -1: none */
};

static void
usage(void)
{

	fprintf(stderr, "usage: more [-n number] [file ...]\n");
	exit(1);
}

static void
restore(void)
{

	if (ttyfd != -1)
		tcsetattr(ttyfd, TCSANOW, &saved);
}

static void
onsignal(int sig)
{

	restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Open the terminal for keys and make it deliver them one at a time. */
static void
tty_open(void)
{
	struct termios t;

	if ((ttyfd = open("/dev/tty", O_RDONLY)) == -1 &&
	    (ttyfd = open("/dev/console", O_RDONLY)) == -1)
		err(1, "/dev/tty");
	if (tcgetattr(ttyfd, &saved) == -1)
		err(1, "tcgetattr");
	t = saved;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	atexit(restore);
	signal(SIGINT, onsignal);
	signal(SIGTERM, onsignal);
	if (tcsetattr(ttyfd, TCSANOW, &t) == -1)
		err(1, "tcsetattr");
}

/* A key from the terminal; 'q' at its end. */
static int
getkey(void)
{
	unsigned char c;
	ssize_t n;

	fflush(stdout);
	do
		n = read(ttyfd, &c, 1);
	while (n == -1 && errno == EINTR);
	return (n == 1 ? c : 'q');
}

/* The screen's size: -n, LINES and COLUMNS, the terminal, defaults. */
static void
screen_size(int nflag)
{
	struct winsize ws;
	const char *v;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) {
		if (ws.ws_row > 1)
			rows = ws.ws_row;
		if (ws.ws_col > 0)
			cols = ws.ws_col;
	}
	if ((v = getenv("LINES")) != NULL && atoi(v) > 1)
		rows = atoi(v);
	if ((v = getenv("COLUMNS")) != NULL && atoi(v) > 0)
		cols = atoi(v);
	pagelines = nflag > 0 ? nflag : rows - 1;
}

/* Read the next line into in->line, unless one is waiting. */
static int
next_line(struct input *in)
{

	if (in->linelen >= 0)
		return (1);
	in->linelen = getline(&in->line, &in->linecap, in->fp);
	if (in->linelen < 0)
		return (0);
	in->off += in->linelen;
	return (1);
}

/* The screen rows a line of len bytes takes. */
static int
line_rows(const char *p, ssize_t len)
{
	ssize_t i;
	int col = 0, r = 1;

	for (i = 0; i < len; i++) {
		if (p[i] == '\n')
			break;
		col = p[i] == '\t' ? (col + 8) & ~7 : col + 1;
		if (col > cols) {
			r++;
			col = p[i] == '\t' ? 8 : 1;
		}
	}
	return (r);
}

/* Show up to n rows, fewer at the end of the file. */
static void
show(struct input *in, int n)
{

	while (n > 0) {
		if (!next_line(in))
			return;
		fwrite(in->line, 1, in->linelen, stdout);
		if (in->linelen > 0 && in->line[in->linelen - 1] != '\n')
			putchar('\n');
		n -= line_rows(in->line, in->linelen);
		in->linelen = -1;
	}
}

/* Wipe the prompt line. */
static void
erase_prompt(void)
{

	printf("\r%*s\r", cols > 1 ? cols - 1 : 1, "");
}

/*
 * Read a pattern after '/' from the terminal, echoing it; compile it.
 * Returns 0, or -1 (reported) if it is bad or abandoned.
 */
static int
read_pattern(void)
{
	char buf[256], msg[128];
	size_t n = 0;
	int c, e;

	printf("/");
	for (;;) {
		c = getkey();
		if (c == '\n' || c == '\r')
			break;
		if (c == 0x7f || c == '\b') {
			if (n > 0) {
				n--;
				printf("\b \b");
			}
			continue;
		}
		if (c == 0x1b || c == 0x03)
			return (-1);
		if (n < sizeof(buf) - 1 && isprint(c)) {
			buf[n++] = (char)c;
			putchar(c);
		}
	}
	buf[n] = '\0';
	if (n == 0)
		return (havepattern ? 0 : -1);
	if (havepattern)
		regfree(&pattern);
	havepattern = 0;
	if ((e = regcomp(&pattern, buf, REG_NOSUB)) != 0) {
		regerror(e, &pattern, msg, sizeof(msg));
		erase_prompt();
		printf("--More--(%s)", msg);
		return (-1);
	}
	havepattern = 1;
	return (0);
}

/*
 * Skip lines, from the first not yet shown, until one matches the
 * pattern, and leave it waiting to be shown.  Returns 0, or -1 if the
 * file ends first.
 */
static int
search(struct input *in)
{

	while (next_line(in)) {
		if (in->linelen > 0 && in->line[in->linelen - 1] == '\n')
			in->line[in->linelen - 1] = '\0';
		if (regexec(&pattern, in->line, 0, NULL, 0) == 0) {
			if (in->linelen > 0 &&
			    in->line[in->linelen - 1] == '\0')
				in->line[in->linelen - 1] = '\n';
			return (0);
		}
		in->linelen = -1;
	}
	return (-1);
}

/*
 * Prompt and act on keys until one asks for more text.  Returns the
 * rows to show next, or 0 to quit.  next: the file after this one.
 */
static int
prompt(struct input *in, const char *next, int ateof)
{
	int c;

	for (;;) {
		if (ateof && next != NULL)
			printf("--More--(Next file: %s)", next);
		else if (in->size > 0)
			printf("--More--(%d%%)", (int)((in->off -
			    (in->linelen > 0 ? in->linelen : 0)) * 100 /
			    in->size));
		else
			printf("--More--");
		c = getkey();
		erase_prompt();
		switch (c) {
		case ' ':
			return (pagelines);
		case '\n':
		case '\r':
		case 'j':
			return (1);
		case 'd':
			return (pagelines / 2 > 0 ? pagelines / 2 : 1);
		case 'q':
		case 'Q':
			return (0);
		case '/':
			if (ateof)
				break;
			if (read_pattern() == -1) {
				erase_prompt();
				break;
			}
			/* FALLTHROUGH */
		case 'n':
			if (!havepattern || ateof)
				break;
			erase_prompt();
			if (search(in) == -1) {
				printf("Pattern not found\n");
				return (-1);
			}
			printf("...skipping\n");
			return (pagelines - 1);
		case 'h':
		case '?':
			printf("space: next screen, return: next line, d: half "
			    "a screen, /re: search, n: again, q: quit\n");
			break;
		}
	}
}

/*
 * Page through one file; next names the file after it, if any.
 * Returns 0 to go on with the next file, 1 to quit.
 */
static int
page(struct input *in, const char *next)
{
	int n = pagelines, ateof, r;

	for (;;) {
		show(in, n);
		ateof = !next_line(in);
		if (ateof && next == NULL)
			return (0);	/* the last file: no prompt */
		r = prompt(in, next, ateof);
		if (r == 0)
			return (1);
		if (ateof || r == -1)
			return (0);	/* -1: the search ran off the end */
		n = r;
	}
}

/* Copy a file as it is (the output is not a terminal). */
static void
copy(FILE *fp)
{
	char buf[4096];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			err(1, "standard output");
}

int
main(int argc, char *argv[])
{
	struct input in;
	struct stat st;
	const char *name;
	const char *why;
	int ch, i, nflag = 0, paging, status = 0, first = 1, nfiles;

	while ((ch = getopt(argc, argv, "n:")) != -1) {
		switch (ch) {
		case 'n':
			nflag = (int)strtonum(optarg, 1, 10000, &why);
			if (why != NULL)
				errx(1, "illegal line count -- %s", optarg);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	paging = isatty(STDOUT_FILENO);
	if (paging) {
		screen_size(nflag);
		tty_open();
	}
	nfiles = argc;
	for (i = 0; i < (argc > 0 ? argc : 1); i++) {
		memset(&in, 0, sizeof(in));
		in.linelen = -1;
		in.size = -1;
		name = argc > 0 ? argv[i] : "-";
		if (strcmp(name, "-") == 0)
			in.fp = stdin;
		else if ((in.fp = fopen(name, "r")) == NULL) {
			warn("%s", name);
			status = 1;
			continue;
		}
		in.name = name;
		if (fstat(fileno(in.fp), &st) == 0 && S_ISREG(st.st_mode))
			in.size = st.st_size;
		if (nfiles > 1)
			printf("%s::::::::::::::\n%s\n::::::::::::::\n",
			    first ? "" : "\n", name);
		first = 0;
		if (!paging)
			copy(in.fp);
		else if (page(&in, i + 1 < argc ? argv[i + 1] : NULL) == 1) {
			if (in.fp != stdin)
				fclose(in.fp);
			break;
		}
		if (ferror(in.fp)) {
			warn("%s", name);
			status = 1;
		}
		free(in.line);
		if (in.fp != stdin)
			fclose(in.fp);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
	return (status);
}
