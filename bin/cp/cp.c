/*
 * cp: copy files and directory trees.
 *
 *	cp [-pRr] source target
 *	cp [-pRr] source ... directory
 *
 * With a directory as the last operand, each source is copied into it
 * under its own name; otherwise there must be exactly two operands.  A
 * regular file (or a device's data) is copied into target, which is
 * made with the source's permissions less the umask, or truncated if
 * it exists (it keeps its own permissions).  A directory is copied only
 * with -R (or -r): target is made if missing, and everything in the
 * source is copied into it, depth first; a directory is never copied
 * into itself.  -p keeps the permissions exactly, and the access and
 * modification times.
 *
 * Failures are reported ("cp: f: No such file or directory", "cp: d is
 * a directory (not copied).") and the exit status is then 1; the other
 * files are still copied.
 */

#include <sys/param.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	BUFSIZE		16384

static int	pflag;		/* preserve modes and times */
static int	rflag;		/* recursive */
static int	status;		/* exit status */
static char	buf[BUFSIZE];
static dev_t	top_dev;	/* the directory being made, which */
static ino_t	top_ino;	/* a recursive copy must not enter */

static void
usage(void)
{
	fprintf(stderr, "usage: cp [-pRr] source target\n"
	    "       cp [-pRr] source ... directory\n");
	exit(1);
}

static void
complain(const char *path, int error)
{

	fprintf(stderr, "cp: %s: %s\n", path, strerror(error));
	status = 1;
}

/* -p: give to the source's times. */
static void
keeptimes(const char *to, const struct stat *sb)
{
	struct timeval tv[2];

	tv[0].tv_sec = sb->st_atime;
	tv[0].tv_usec = 0;
	tv[1].tv_sec = sb->st_mtime;
	tv[1].tv_usec = 0;
	if (utimes(to, tv) == -1)
		complain(to, errno);
}

/* Copy the data of from (described by sb) into the file to. */
static void
copyfile(const char *from, const char *to, const struct stat *sb)
{
	ssize_t n, w, off;
	int in, out;

	if ((in = open(from, O_RDONLY)) == -1) {
		complain(from, errno);
		return;
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC,
	    sb->st_mode & ALLPERMS)) == -1) {
		complain(to, errno);
		close(in);
		return;
	}
	for (;;) {
		n = read(in, buf, sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			complain(from, errno);
			break;
		}
		if (n == 0)
			break;
		for (off = 0; off < n; off += w) {
			w = write(out, buf + off, n - off);
			if (w == -1 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w <= 0) {
				complain(to, w == -1 ? errno : EIO);
				goto done;
			}
		}
	}
done:
	close(in);
	if (close(out) == -1)
		complain(to, errno);
	if (pflag)
		keeptimes(to, sb);
}

static void copy(const char *, const char *);

/* Copy directory from (described by sb) into directory to. */
static void
copydir(const char *from, const char *to, const struct stat *sb)
{
	char f[MAXPATHLEN], t[MAXPATHLEN];
	struct stat tsb, esb;
	struct dirent *d;
	DIR *dir;

	if (stat(to, &tsb) == -1) {
		if (mkdir(to, (sb->st_mode & ALLPERMS) | S_IRWXU) == -1) {
			complain(to, errno);
			return;
		}
		if (stat(to, &tsb) == -1) {
			complain(to, errno);
			return;
		}
		if (top_ino == 0) {
			top_dev = tsb.st_dev;
			top_ino = tsb.st_ino;
		}
	} else if (!S_ISDIR(tsb.st_mode)) {
		complain(to, ENOTDIR);
		return;
	}
	if ((dir = opendir(from)) == NULL) {
		complain(from, errno);
		return;
	}
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(f, sizeof(f), "%s/%s", from, d->d_name) >=
		    sizeof(f) || (size_t)snprintf(t, sizeof(t), "%s/%s", to,
		    d->d_name) >= sizeof(t)) {
			complain(f, ENAMETOOLONG);
			continue;
		}
		/* The copy being made, seen in its own source: skip it. */
		if (stat(f, &esb) == 0 && esb.st_dev == top_dev &&
		    esb.st_ino == top_ino)
			continue;
		copy(f, t);
	}
	closedir(dir);
	if (pflag)
		keeptimes(to, sb);
}

/* Copy from to to, whatever from is. */
static void
copy(const char *from, const char *to)
{
	struct stat sb, tsb;

	if (stat(from, &sb) == -1) {
		complain(from, errno);
		return;
	}
	if (stat(to, &tsb) == 0 && tsb.st_dev == sb.st_dev &&
	    tsb.st_ino == sb.st_ino) {
		fprintf(stderr, "cp: %s and %s are identical (not copied).\n",
		    from, to);
		status = 1;
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		if (!rflag) {
			fprintf(stderr, "cp: %s is a directory (not copied).\n",
			    from);
			status = 1;
			return;
		}
		copydir(from, to, &sb);
	} else
		copyfile(from, to, &sb);
}

int
main(int argc, char *argv[])
{
	char path[MAXPATHLEN];
	const char *base, *target, *sep;
	struct stat sb;
	int ch, todir;

	while ((ch = getopt(argc, argv, "pRr")) != -1) {
		switch (ch) {
		case 'p':
			pflag = 1;
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
	if (argc < 2)
		usage();
	if (pflag)
		umask(0);
	target = argv[argc - 1];
	todir = stat(target, &sb) == 0 && S_ISDIR(sb.st_mode);
	if (!todir && argc > 2) {
		fprintf(stderr, "cp: %s is not a directory\n", target);
		exit(1);
	}
	if (!todir) {
		copy(argv[0], target);
		return (status);
	}
	sep = target[strlen(target) - 1] == '/' ? "" : "/";
	for (; argc > 1; argc--, argv++) {
		if ((base = basename(argv[0])) == NULL ||
		    (size_t)snprintf(path, sizeof(path), "%s%s%s", target, sep,
		    base) >= sizeof(path)) {
			complain(argv[0], ENAMETOOLONG);
			continue;
		}
		top_ino = 0;
		copy(argv[0], path);
	}
	return (status);
}
