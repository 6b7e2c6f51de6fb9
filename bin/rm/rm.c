/*
 * rm: remove files and directory trees.
 *
 *	rm [-fRr] file ...
 *
 * Removes each file.  A directory is removed only with -r (or -R),
 * which first removes everything in it, depth first.  With -f a file
 * that does not exist is not an error and is not reported.  rm never
 * asks.  "." and ".." are refused.  Every other failure is reported
 * ("rm: f: No such file or directory", "rm: d: is a directory") and
 * the exit status is then 1; the other files are still removed.
 */

#include <sys/param.h>
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int	fflag;		/* no complaint about missing files */
static int	rflag;		/* recursive */
static int	status;		/* exit status */

static void
usage(void)
{
	fprintf(stderr, "usage: rm [-fRr] file ...\n");
	exit(1);
}

static void
complain(const char *path, int error)
{

	if (fflag && error == ENOENT)
		return;
	fprintf(stderr, "rm: %s: %s\n", path, strerror(error));
	status = 1;
}

/* Is the last component of path "." or ".."? */
static int
isdot(const char *path)
{
	const char *p;
	size_t n;

	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	for (p = path + n; p > path && p[-1] != '/'; p--)
		continue;
	n -= p - path;
	return ((n == 1 && p[0] == '.') ||
	    (n == 2 && p[0] == '.' && p[1] == '.'));
}

/* Remove path, and with -r what a directory holds. */
static void
rm(const char *path)
{
	char sub[MAXPATHLEN];
	struct dirent *d;
	struct stat sb;
	DIR *dir;

	if (stat(path, &sb) == -1) {
		complain(path, errno);
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (unlink(path) == -1)
			complain(path, errno);
		return;
	}
	if (!rflag) {
		fprintf(stderr, "rm: %s: is a directory\n", path);
		status = 1;
		return;
	}
	if ((dir = opendir(path)) == NULL) {
		complain(path, errno);
		return;
	}
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", path,
		    d->d_name) >= sizeof(sub)) {
			fprintf(stderr, "rm: %s/%s: %s\n", path, d->d_name,
			    strerror(ENAMETOOLONG));
			status = 1;
			continue;
		}
		rm(sub);
	}
	closedir(dir);
	if (rmdir(path) == -1)
		complain(path, errno);
}

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = getopt(argc, argv, "fRr")) != -1) {
		switch (ch) {
		case 'f':
			fflag = 1;
			break;
		case 'R':
		case 'r':
			rflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		if (fflag)
			return (0);
		usage();
	}
	for (; *argv != NULL; argv++) {
		if (isdot(*argv)) {
			fprintf(stderr, "rm: \".\" and \"..\" may not be "
			    "removed\n");
			status = 1;
			continue;
		}
		rm(*argv);
	}
	return (status);
}
