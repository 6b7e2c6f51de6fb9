/*
 * mkdir: make directories.
 *
 *	mkdir [-p] [-m mode] directory ...
 *
 * Each directory is made with mode 0777 less the umask, or with the
 * octal mode given by -m exactly.  -p also makes the missing
 * directories on the way (with mode 0777 less the umask, as POSIX
 * says, but always searchable and writable by their owner) and is
 * quiet when a directory already exists.  A directory that cannot be made is
 * reported ("mkdir: dir: File exists") and the exit status is then 1;
 * the others are still made.
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: mkdir [-p] [-m mode] directory ...\n");
	exit(1);
}

/* Is path an existing directory? */
static int
isdir(const char *path)
{
	struct stat sb;

	return (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
}

/*
 * mkdir -p: make path and the directories on the way.  Returns 0, or
 * -1 with errno set and the path that failed in *failed.
 */
static int
mkpath(char *path, mode_t mode, mode_t pathmode, const char **failed)
{
	char *p, *q;
	int last;

	p = path;
	for (;;) {
		while (*p == '/')
			p++;
		while (*p != '\0' && *p != '/')
			p++;
		for (q = p; *q == '/'; q++)
			continue;
		last = *q == '\0';
		if (!last)
			*p = '\0';
		if (mkdir(path, last ? mode : pathmode) == -1 &&
		    (errno != EEXIST || !isdir(path))) {
			if (errno == EEXIST)
				errno = ENOTDIR;
			*failed = path;
			return (-1);
		}
		if (last)
			return (0);
		*p = '/';
	}
}

int
main(int argc, char *argv[])
{
	const char *failed;
	mode_t mode, mask;
	char *end;
	long v;
	int ch, mflag = 0, pflag = 0, status = 0;

	mask = umask(0);
	umask(mask);
	mode = 0777 & ~mask;
	while ((ch = getopt(argc, argv, "m:p")) != -1) {
		switch (ch) {
		case 'm':
			errno = 0;
			v = strtol(optarg, &end, 8);
			if (*optarg == '\0' || *end != '\0' || errno != 0 ||
			    v < 0 || v > 07777) {
				fprintf(stderr,
				    "mkdir: %s: invalid file mode\n", optarg);
				exit(1);
			}
			mode = (mode_t)v;
			mflag = 1;
			break;
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
	if (mflag)
		umask(0);	/* the mode as given; -p's own are masked */
	for (; *argv != NULL; argv++) {
		failed = *argv;
		if (pflag) {
			if (mkpath(*argv, mode, (0777 & ~mask) | S_IWUSR |
			    S_IXUSR, &failed) == 0)
				continue;
		} else if (mkdir(*argv, mode) == 0)
			continue;
		fprintf(stderr, "mkdir: %s: %s\n", failed, strerror(errno));
		status = 1;
	}
	return (status);
}
