/*
 * mv: move (rename) files and directories.
 *
 *	mv [-f] source target
 *	mv [-f] source ... directory
 *
 * With a directory as the last operand, each source moves into it
 * under its own name; otherwise there must be exactly two operands.  A
 * move is a rename(2), which replaces a target file, or an empty
 * target directory when the source is a directory.  Between file
 * systems (EXDEV: the ramdisk and /tmp) mv copies instead, as BSD's
 * does: an empty target directory is removed, then /bin/cp -pR copies
 * the source and /bin/rm -rf removes it (which fails on the read-only
 * ramdisk: the copy stays, and the error is reported).  mv never asks;
 * -f is accepted for compatibility.
 *
 * Failures are reported ("mv: f: No such file or directory", "mv:
 * rename a to b: Directory not empty") and the exit status is then 1;
 * the other sources are still moved.
 */

#include <sys/param.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int	status;		/* exit status */

static void
usage(void)
{
	fprintf(stderr, "usage: mv [-f] source target\n"
	    "       mv [-f] source ... directory\n");
	exit(1);
}

/* Run /bin/prog with argv and wait; returns 0 if it exited 0. */
static int
run(const char *prog, char *const argv[])
{
	int st;
	pid_t pid;

	if ((pid = fork()) == -1) {
		fprintf(stderr, "mv: fork: %s\n", strerror(errno));
		return (-1);
	}
	if (pid == 0) {
		execv(prog, argv);
		fprintf(stderr, "mv: %s: %s\n", prog, strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return (-1);
	return (WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1);
}

/* Move from to to. */
static void
move(const char *from, const char *to)
{
	char *cp[] = { "cp", "-pR", NULL, NULL, NULL };
	char *rm[] = { "rm", "-rf", NULL, NULL };
	struct stat sb, tsb;

	if (stat(from, &sb) == -1) {
		fprintf(stderr, "mv: %s: %s\n", from, strerror(errno));
		status = 1;
		return;
	}
	if (rename(from, to) == 0)
		return;
	if (errno != EXDEV) {
		fprintf(stderr, "mv: rename %s to %s: %s\n", from, to,
		    strerror(errno));
		status = 1;
		return;
	}
	/* Another file system: copy, then remove. */
	if (stat(to, &tsb) == 0 && S_ISDIR(tsb.st_mode)) {
		if (!S_ISDIR(sb.st_mode)) {
			fprintf(stderr, "mv: %s: %s\n", to, strerror(EISDIR));
			status = 1;
			return;
		}
		if (rmdir(to) == -1) {
			fprintf(stderr, "mv: %s: %s\n", to, strerror(errno));
			status = 1;
			return;
		}
	}
	cp[2] = (char *)from;
	cp[3] = (char *)to;
	rm[2] = (char *)from;
	if (run("/bin/cp", cp) != 0 || run("/bin/rm", rm) != 0)
		status = 1;
}

int
main(int argc, char *argv[])
{
	char path[MAXPATHLEN];
	const char *base, *target, *sep;
	struct stat sb;
	int ch;

	while ((ch = getopt(argc, argv, "f")) != -1) {
		switch (ch) {
		case 'f':
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2)
		usage();
	target = argv[argc - 1];
	if (stat(target, &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		if (argc > 2) {
			fprintf(stderr, "mv: %s is not a directory\n", target);
			exit(1);
		}
		move(argv[0], target);
		return (status);
	}
	sep = target[strlen(target) - 1] == '/' ? "" : "/";
	for (; argc > 1; argc--, argv++) {
		if ((base = basename(argv[0])) == NULL ||
		    (size_t)snprintf(path, sizeof(path), "%s%s%s", target, sep,
		    base) >= sizeof(path)) {
			fprintf(stderr, "mv: %s: %s\n", argv[0],
			    strerror(ENAMETOOLONG));
			status = 1;
			continue;
		}
		move(argv[0], path);
	}
	return (status);
}
