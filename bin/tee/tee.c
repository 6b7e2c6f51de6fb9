/*
 * tee: copy the standard input to the standard output and to files.
 *
 *	tee [-ai] [file ...]
 *
 * Each file is made (mode 0666 less the umask) or truncated, or with
 * -a appended to.  -i ignores SIGINT.  A file that cannot be opened or
 * written is reported ("tee: f: Permission denied") and left out; the
 * copying goes on to the others, and the exit status is then 1.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	BUFSIZE		8192
#define	MAXFILES	62	/* descriptors left besides 0 and 1 */

struct out {
	int		fd;
	const char	*name;
};

static struct out	outs[MAXFILES + 1];
static int		nouts;
static char		buf[BUFSIZE];

static void
usage(void)
{
	fprintf(stderr, "usage: tee [-ai] [file ...]\n");
	exit(1);
}

/* Write all n bytes of buf to o; returns 0, or -1 with errno set. */
static int
writeall(struct out *o, const char *p, ssize_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(o->fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return (-1);
		p += w;
		n -= w;
	}
	return (0);
}

int
main(int argc, char *argv[])
{
	int ch, i, fd, flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0;
	ssize_t n;

	while ((ch = getopt(argc, argv, "ai")) != -1) {
		switch (ch) {
		case 'a':
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		case 'i':
			(void)signal(SIGINT, SIG_IGN);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	outs[nouts].fd = STDOUT_FILENO;
	outs[nouts++].name = "stdout";
	for (; *argv != NULL; argv++) {
		if (nouts > MAXFILES) {
			fprintf(stderr, "tee: %s: %s\n", *argv,
			    strerror(EMFILE));
			status = 1;
			continue;
		}
		if ((fd = open(*argv, flags, 0666)) == -1) {
			fprintf(stderr, "tee: %s: %s\n", *argv,
			    strerror(errno));
			status = 1;
			continue;
		}
		outs[nouts].fd = fd;
		outs[nouts++].name = *argv;
	}
	for (;;) {
		n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			fprintf(stderr, "tee: stdin: %s\n", strerror(errno));
			status = 1;
			break;
		}
		if (n == 0)
			break;
		for (i = 0; i < nouts; i++) {
			if (outs[i].fd == -1 || writeall(&outs[i], buf, n) == 0)
				continue;
			fprintf(stderr, "tee: %s: %s\n", outs[i].name,
			    strerror(errno));
			outs[i].fd = -1;
			status = 1;
		}
	}
	for (i = 1; i < nouts; i++)
		if (outs[i].fd != -1 && close(outs[i].fd) == -1) {
			fprintf(stderr, "tee: %s: %s\n", outs[i].name,
			    strerror(errno));
			status = 1;
		}
	return (status);
}
