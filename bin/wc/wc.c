/*
 * wc: count the lines, words and bytes of files.
 *
 *	wc [-c | -m] [-lw] [file ...]
 *
 * For each file (the standard input when there is none) one line with
 * the counts asked for, in the order lines, words, bytes, each in a
 * field of 8 characters (the 4.4BSD layout), then the name; with more
 * than one file a "total" line follows.  Without options all three are
 * given.  A word is a maximal run of bytes that are not white space; a
 * line is counted by its newline.  -m counts characters, which are
 * bytes on Umbra (there are no multibyte locales).  A file that cannot
 * be read is reported and skipped, and the exit status is 1.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int	lflag, wflag, cflag;
static unsigned long long tlines, twords, tbytes;

static void
usage(void)
{

	fprintf(stderr, "usage: wc [-c | -m] [-lw] [file ...]\n");
	exit(1);
}

static void
show(unsigned long long lines, unsigned long long words,
    unsigned long long bytes, const char *name)
{

	if (lflag)
		printf(" %7llu", lines);
	if (wflag)
		printf(" %7llu", words);
	if (cflag)
		printf(" %7llu", bytes);
	if (name != NULL)
		printf(" %s", name);
	printf("\n");
}

/* Count descriptor fd; name NULL for the standard input alone. */
static int
count(int fd, const char *name, const char *errname)
{
	unsigned long long lines = 0, words = 0, bytes = 0;
	unsigned char buf[8192];
	ssize_t n, i;
	int inword = 0;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			warn("%s", errname);
			return (1);
		}
		if (n == 0)
			break;
		bytes += n;
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n')
				lines++;
			if (isspace(buf[i]))
				inword = 0;
			else if (!inword) {
				inword = 1;
				words++;
			}
		}
	}
	show(lines, words, bytes, name);
	tlines += lines;
	twords += words;
	tbytes += bytes;
	return (0);
}

int
main(int argc, char *argv[])
{
	int ch, fd, status = 0, nfiles;

	while ((ch = getopt(argc, argv, "clmw")) != -1) {
		switch (ch) {
		case 'c':
		case 'm':
			cflag = 1;
			break;
		case 'l':
			lflag = 1;
			break;
		case 'w':
			wflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (!lflag && !wflag && !cflag)
		lflag = wflag = cflag = 1;
	if (argc == 0)
		return (count(STDIN_FILENO, NULL, "stdin"));
	nfiles = argc;
	for (; *argv != NULL; argv++) {
		if (strcmp(*argv, "-") == 0) {
			status |= count(STDIN_FILENO, *argv, "stdin");
			continue;
		}
		if ((fd = open(*argv, O_RDONLY)) == -1) {
			warn("%s", *argv);
			status = 1;
			continue;
		}
		status |= count(fd, *argv, *argv);
		close(fd);
	}
	if (nfiles > 1)
		show(tlines, twords, tbytes, "total");
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
	return (status);
}
