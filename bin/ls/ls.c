/*
 * ls: list directory contents.
 *
 *	ls [-1al] [file ...]
 *
 * For each operand that is a directory ls lists its entries, sorted by
 * name, leaving out those beginning with '.' unless -a is given; other
 * operands are listed by the name given, and come first.  With no
 * operand it lists ".".  -l gives one line per file with its mode,
 * link count, owner's uid, size in bytes and name.  Otherwise the names
 * go in columns when the output is a terminal and one per line when it
 * is not (or with -1).  A file that does not exist is reported and the
 * exit status is then 1.
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	TERMWIDTH	80

struct entry {
	char		*name;		/* as listed */
	struct stat	 st;		/* valid if have_st */
	int		 have_st;
};

static int	aflag;		/* list dot files */
static int	lflag;		/* long format */
static int	oneflag;	/* one per line */
static int	status;		/* exit status */

static void
usage(void)
{
	fprintf(stderr, "usage: ls [-1al] [file ...]\n");
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n)) == NULL) {
		fprintf(stderr, "ls: out of memory\n");
		exit(1);
	}
	return (p);
}

static int
entcmp(const void *a, const void *b)
{
	return (strcmp(((const struct entry *)a)->name,
	    ((const struct entry *)b)->name));
}

/* Write the ten-character mode string of m (e.g. "drwxr-xr-x") to buf. */
static void
mode_string(mode_t m, char *buf)
{
	switch (m & S_IFMT) {
	case S_IFDIR:	buf[0] = 'd'; break;
	case S_IFCHR:	buf[0] = 'c'; break;
	case S_IFBLK:	buf[0] = 'b'; break;
	case S_IFIFO:	buf[0] = 'p'; break;
	case S_IFLNK:	buf[0] = 'l'; break;
	case S_IFSOCK:	buf[0] = 's'; break;
	default:	buf[0] = '-'; break;
	}
	buf[1] = m & S_IRUSR ? 'r' : '-';
	buf[2] = m & S_IWUSR ? 'w' : '-';
	buf[3] = m & S_IXUSR ? 'x' : '-';
	if (m & S_ISUID)
		buf[3] = m & S_IXUSR ? 's' : 'S';
	buf[4] = m & S_IRGRP ? 'r' : '-';
	buf[5] = m & S_IWGRP ? 'w' : '-';
	buf[6] = m & S_IXGRP ? 'x' : '-';
	if (m & S_ISGID)
		buf[6] = m & S_IXGRP ? 's' : 'S';
	buf[7] = m & S_IROTH ? 'r' : '-';
	buf[8] = m & S_IWOTH ? 'w' : '-';
	buf[9] = m & S_IXOTH ? 'x' : '-';
	if (m & S_ISVTX)
		buf[9] = m & S_IXOTH ? 't' : 'T';
	buf[10] = '\0';
}

/*
 * Print n entries (sorted already): long lines, one per line, or in
 * columns, down then across.
 */
static void
print_entries(struct entry *e, int n)
{
	char mode[11];
	size_t w, maxw;
	int i, r, c, rows, cols;

	if (lflag) {
		for (i = 0; i < n; i++) {
			if (!e[i].have_st)
				continue;
			mode_string(e[i].st.st_mode, mode);
			printf("%s %3u %-5u %9lld %s\n", mode,
			    (unsigned)e[i].st.st_nlink,
			    (unsigned)e[i].st.st_uid,
			    (long long)e[i].st.st_size, e[i].name);
		}
		return;
	}
	if (oneflag || !isatty(STDOUT_FILENO)) {
		for (i = 0; i < n; i++)
			printf("%s\n", e[i].name);
		return;
	}
	maxw = 1;
	for (i = 0; i < n; i++)
		if ((w = strlen(e[i].name)) > maxw)
			maxw = w;
	maxw += 2;
	cols = TERMWIDTH / (int)maxw;
	if (cols < 1)
		cols = 1;
	rows = (n + cols - 1) / cols;
	for (r = 0; r < rows; r++) {
		for (c = 0; c < cols; c++) {
			i = c * rows + r;
			if (i >= n)
				break;
			if (c + 1 < cols && i + rows < n)
				printf("%-*s", (int)maxw, e[i].name);
			else
				printf("%s", e[i].name);
		}
		printf("\n");
	}
}

/* List the entries of directory path. */
static void
list_dir(const char *path)
{
	struct entry *e;
	struct dirent *d;
	char *full;
	size_t plen;
	int n, cap;
	DIR *dp;

	if ((dp = opendir(path)) == NULL) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		status = 1;
		return;
	}
	n = 0;
	cap = 32;
	e = xmalloc(cap * sizeof(*e));
	plen = strlen(path);
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.' && !aflag)
			continue;
		if (n == cap) {
			cap *= 2;
			if ((e = realloc(e, cap * sizeof(*e))) == NULL) {
				fprintf(stderr, "ls: out of memory\n");
				exit(1);
			}
		}
		e[n].name = xmalloc(strlen(d->d_name) + 1);
		strcpy(e[n].name, d->d_name);
		e[n].have_st = 0;
		if (lflag) {
			full = xmalloc(plen + strlen(d->d_name) + 2);
			strcpy(full, path);
			if (plen > 0 && path[plen - 1] != '/')
				strcat(full, "/");
			strcat(full, d->d_name);
			if (stat(full, &e[n].st) == 0)
				e[n].have_st = 1;
			else {
				fprintf(stderr, "ls: %s: %s\n", full,
				    strerror(errno));
				status = 1;
			}
			free(full);
		}
		n++;
	}
	closedir(dp);
	qsort(e, n, sizeof(*e), entcmp);
	print_entries(e, n);
	while (n-- > 0)
		free(e[n].name);
	free(e);
}

/*
 * Stat the operands; list the ones that are not directories first,
 * then each directory, with a "name:" header when there are several.
 */
int
main(int argc, char *argv[])
{
	struct entry *files, *dirs;
	struct stat st;
	int ch, i, nfiles, ndirs;

	while ((ch = getopt(argc, argv, "1al")) != -1) {
		switch (ch) {
		case '1':
			oneflag = 1;
			break;
		case 'a':
			aflag = 1;
			break;
		case 'l':
			lflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		list_dir(".");
		return (status);
	}
	files = xmalloc(argc * sizeof(*files));
	dirs = xmalloc(argc * sizeof(*dirs));
	nfiles = ndirs = 0;
	for (i = 0; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[i],
			    strerror(errno));
			status = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			dirs[ndirs].name = argv[i];
			dirs[ndirs++].st = st;
		} else {
			files[nfiles].name = argv[i];
			files[nfiles].st = st;
			files[nfiles++].have_st = 1;
		}
	}
	qsort(files, nfiles, sizeof(*files), entcmp);
	qsort(dirs, ndirs, sizeof(*dirs), entcmp);
	print_entries(files, nfiles);
	for (i = 0; i < ndirs; i++) {
		if (argc > 1) {
			if (nfiles > 0 || i > 0)
				printf("\n");
			printf("%s:\n", dirs[i].name);
		}
		list_dir(dirs[i].name);
	}
	return (status);
}
