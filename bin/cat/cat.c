/*
 * cat: concatenate files to standard output.
 *
 *	cat [-u] [file ...]
 *
 * With no file, or for a file named "-", cat copies its standard input.
 * Output is never buffered (-u is accepted for compatibility).  A file
 * that cannot be read is reported and skipped; the exit status is then
 * 1.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	BUFSIZE		4096

static char	buf[BUFSIZE];

static void
usage(void)
{
	fprintf(stderr, "usage: cat [-u] [file ...]\n");
	exit(1);
}

/*
 * Copy descriptor fd (named name in messages) to standard output.
 * Returns 0, or 1 after reporting a read error; a write error is fatal.
 */
static int
copy(int fd, const char *name)
{
	ssize_t n, w, off;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "cat: %s: %s\n", name,
			    strerror(errno));
			return (1);
		}
		if (n == 0)
			return (0);
		for (off = 0; off < n; off += w) {
			w = write(STDOUT_FILENO, buf + off, n - off);
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w <= 0) {
				fprintf(stderr, "cat: stdout: %s\n",
				    strerror(errno));
				exit(1);
			}
		}
	}
}

int
main(int argc, char *argv[])
{
	int ch, fd, status;

	while ((ch = getopt(argc, argv, "u")) != -1) {
		switch (ch) {
		case 'u':
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		return (copy(STDIN_FILENO, "stdin"));
	status = 0;
	for (; *argv != NULL; argv++) {
		if (strcmp(*argv, "-") == 0) {
			status |= copy(STDIN_FILENO, "stdin");
			continue;
		}
		if ((fd = open(*argv, O_RDONLY)) < 0) {
			fprintf(stderr, "cat: %s: %s\n", *argv,
			    strerror(errno));
			status = 1;
			continue;
		}
		status |= copy(fd, *argv);
		close(fd);
	}
	return (status);
}
