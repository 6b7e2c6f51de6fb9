/*
 * touch: make files, or set their times to now.
 *
 *	touch [-c] file ...
 *
 * A file that exists gets its access and modification times set to
 * the current time (utimes(2)); one that does not is made empty, with
 * mode 0666 less the umask, unless -c is given.  A file that can be
 * neither is reported ("touch: f: Permission denied") and the exit
 * status is then 1; the others are still touched.
 */

#include <sys/types.h>
#include <sys/time.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: touch [-c] file ...\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	int ch, cflag = 0, fd, status = 0;

	while ((ch = getopt(argc, argv, "c")) != -1) {
		switch (ch) {
		case 'c':
			cflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage();
	for (; *argv != NULL; argv++) {
		if (utimes(*argv, NULL) == 0)
			continue;
		if (errno == ENOENT) {
			if (cflag)
				continue;
			if ((fd = open(*argv, O_WRONLY | O_CREAT, 0666)) >= 0) {
				close(fd);
				continue;
			}
		}
		fprintf(stderr, "touch: %s: %s\n", *argv, strerror(errno));
		status = 1;
	}
	return (status);
}
