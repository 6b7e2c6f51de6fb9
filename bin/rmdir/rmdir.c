/*
 * rmdir: remove empty directories.
 *
 *	rmdir [-p] directory ...
 *
 * Each directory must be empty.  With -p, the directories named by the
 * path's leading components are removed too, last first, as long as
 * they are empty (rmdir -p a/b/c removes a/b/c, a/b and a).  A
 * directory that cannot be removed is reported ("rmdir: d: Directory
 * not empty") and the exit status is then 1; the others are still
 * removed.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: rmdir [-p] directory ...\n");
	exit(1);
}

/* Remove path, reporting a failure; returns 0 or 1. */
static int
rm1(const char *path)
{

	if (rmdir(path) == 0)
		return (0);
	fprintf(stderr, "rmdir: %s: %s\n", path, strerror(errno));
	return (1);
}

/* rmdir -p: path, then its parents from the last. */
static int
rmpath(char *path)
{
	char *p;

	if (rm1(path) != 0)
		return (1);
	for (;;) {
		/* Cut the last component and the slashes before it. */
		p = path + strlen(path);
		while (p > path && p[-1] == '/')
			p--;
		while (p > path && p[-1] != '/')
			p--;
		while (p > path && p[-1] == '/')
			p--;
		if (p == path)
			return (0);
		*p = '\0';
		if (rm1(path) != 0)
			return (1);
	}
}

int
main(int argc, char *argv[])
{
	int ch, pflag = 0, status = 0;

	while ((ch = getopt(argc, argv, "p")) != -1) {
		switch (ch) {
		case 'p':
			pflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage();
	for (; *argv != NULL; argv++)
		status |= pflag ? rmpath(*argv) : rm1(*argv);
	return (status);
}
