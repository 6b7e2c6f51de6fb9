/*
 * tar: write a ustar archive.
 *
 *	tar -c [-f archive] [-C dir] file ...
 *
 * Writes the named files, and the whole tree below each directory
 * among them, to archive (standard output by default) in the POSIX
 * ustar format, after changing to dir if -C is given.  Only regular
 * files and directories are archived; anything else is reported and
 * skipped.  Names longer than ustar can hold (100 bytes, or 155 + 100
 * split at a slash) and files of 8 GiB or more are reported and
 * skipped as well.
 *
 * The archive is written in blocks of 20 records of 512 bytes, so it
 * can go straight to a raw disk (whose writes must be whole sectors):
 * that is how `make run OUT=dir' takes /tmp/out out of the guest (see
 * /etc/rc.shutdown).  Umbra's tar only creates archives; the host's
 * tar reads them.
 *
 * Exit status: 0 if everything was archived, 1 if something was
 * skipped or could not be read, 2 for a usage error or when the
 * archive cannot be written.
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/ustar.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	RECORD		USTAR_BLOCK
#define	BLOCK		(20 * RECORD)
#define	PATHMAX		512

static int out;			/* the archive */
static char block[BLOCK];	/* what has not been written yet */
static size_t fill;		/* bytes of block in use */
static int status;

static void
usage(void)
{
	fprintf(stderr, "usage: tar -c [-f archive] [-C dir] file ...\n");
	exit(2);
}

/* Write the full block; a failure ends the program. */
static void
flush_block(void)
{
	ssize_t n;

	n = write(out, block, BLOCK);
	if (n != BLOCK) {
		fprintf(stderr, "tar: write: %s\n",
		    n < 0 ? strerror(errno) : "short write");
		exit(2);
	}
	fill = 0;
}

/* Append len bytes of p, or len zeroes if p is NULL. */
static void
put(const void *p, size_t len)
{
	size_t n;

	while (len > 0) {
		n = len < BLOCK - fill ? len : BLOCK - fill;
		if (p != NULL) {
			memcpy(block + fill, p, n);
			p = (const char *)p + n;
		} else
			memset(block + fill, 0, n);
		fill += n;
		len -= n;
		if (fill == BLOCK)
			flush_block();
	}
}

/* Zeroes up to the end of the current record. */
static void
pad(void)
{

	put(NULL, (RECORD - fill % RECORD) % RECORD);
}

/* v in octal, zero-padded, in a field of w bytes ending in NUL. */
static void
octal(char *field, size_t w, unsigned long long v)
{
	size_t i = w - 1;

	field[i] = '\0';
	while (i-- > 0) {
		field[i] = '0' + (v & 7);
		v >>= 3;
	}
}

/*
 * Fill h for path (with st); false if the name does not fit, or the
 * file is too large for ustar (8 GiB).  A directory's name ends in a
 * slash.
 */
static int
header(struct ustar_hdr *h, const char *path, const struct stat *st)
{
	char name[PATHMAX + 2];
	const char *slash;
	unsigned int sum = 0;
	size_t len, i;

	memset(h, 0, sizeof(*h));
	if ((unsigned long long)st->st_size >= 1ULL << 33)
		return (0);
	snprintf(name, sizeof(name), "%s%s", path, S_ISDIR(st->st_mode) &&
	    path[strlen(path) - 1] != '/' ? "/" : "");
	len = strlen(name);
	if (len <= sizeof(h->name))
		memcpy(h->name, name, len);
	else {
		/* Split at a slash: prefix (155 at most) / name (100). */
		slash = name + len - sizeof(h->name) - 1;
		while (*slash != '\0' && *slash != '/')
			slash++;
		if (*slash != '/' || slash == name ||
		    (size_t)(slash - name) > sizeof(h->prefix))
			return (0);
		memcpy(h->prefix, name, slash - name);
		memcpy(h->name, slash + 1, len - (slash - name) - 1);
	}
	octal(h->mode, sizeof(h->mode), st->st_mode & 07777);
	octal(h->uid, sizeof(h->uid), st->st_uid);
	octal(h->gid, sizeof(h->gid), st->st_gid);
	octal(h->size, sizeof(h->size), S_ISDIR(st->st_mode) ? 0 :
	    (unsigned long long)st->st_size);
	octal(h->mtime, sizeof(h->mtime), (unsigned long long)st->st_mtime);
	h->typeflag = S_ISDIR(st->st_mode) ? '5' : '0';
	memcpy(h->magic, "ustar", 6);
	memcpy(h->version, "00", 2);
	memset(h->chksum, ' ', sizeof(h->chksum));
	for (i = 0; i < sizeof(*h); i++)
		sum += ((unsigned char *)h)[i];
	snprintf(h->chksum, sizeof(h->chksum), "%06o", sum);
	h->chksum[7] = ' ';
	return (1);
}

/*
 * Archive a regular file's contents, exactly st->st_size bytes as the
 * header says: zeroes stand in for what cannot be read.
 */
static void
put_file(const char *path, const struct stat *st)
{
	char buf[BLOCK];
	off_t left = st->st_size;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0) {
		fprintf(stderr, "tar: %s: %s\n", path, strerror(errno));
		status = 1;
	}
	while (left > 0) {
		n = fd < 0 ? 0 : read(fd, buf, left < BLOCK ? left : BLOCK);
		if (n <= 0) {
			if (fd >= 0) {
				fprintf(stderr, "tar: %s: %s\n", path, n < 0 ?
				    strerror(errno) : "file shrank");
				status = 1;
			}
			put(NULL, left);
			break;
		}
		put(buf, n);
		left -= n;
	}
	pad();
	if (fd >= 0)
		close(fd);
}

static void archive(const char *);

/* Archive every entry of directory path but . and .. */
static void
put_dir(const char *path)
{
	char child[PATHMAX];
	struct dirent *d;
	DIR *dir;

	if ((dir = opendir(path)) == NULL) {
		fprintf(stderr, "tar: %s: %s\n", path, strerror(errno));
		status = 1;
		return;
	}
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (snprintf(child, sizeof(child), "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", d->d_name) >=
		    (int)sizeof(child)) {
			fprintf(stderr, "tar: %s/%s: name too long\n", path,
			    d->d_name);
			status = 1;
			continue;
		}
		archive(child);
	}
	closedir(dir);
}

/* Archive path, and everything below it if it is a directory. */
static void
archive(const char *path)
{
	struct ustar_hdr h;
	struct stat st;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "tar: %s: %s\n", path, strerror(errno));
		status = 1;
		return;
	}
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		fprintf(stderr, "tar: %s: not a regular file or directory, "
		    "skipped\n", path);
		status = 1;
		return;
	}
	if (!header(&h, path, &st)) {
		fprintf(stderr, "tar: %s: name or size too long for ustar, "
		    "skipped\n", path);
		status = 1;
		return;
	}
	put(&h, sizeof(h));
	if (S_ISDIR(st.st_mode))
		put_dir(path);
	else
		put_file(path, &st);
}

int
main(int argc, char *argv[])
{
	const char *file = NULL, *dir = NULL;
	int c, create = 0;

	while ((c = getopt(argc, argv, "cf:C:")) != -1) {
		switch (c) {
		case 'c':
			create = 1;
			break;
		case 'f':
			file = optarg;
			break;
		case 'C':
			dir = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (!create || argc == 0)
		usage();
	out = 1;
	if (file != NULL && strcmp(file, "-") != 0 &&
	    (out = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		fprintf(stderr, "tar: %s: %s\n", file, strerror(errno));
		return (2);
	}
	if (dir != NULL && chdir(dir) < 0) {
		fprintf(stderr, "tar: %s: %s\n", dir, strerror(errno));
		return (2);
	}
	for (; argc > 0; argc--, argv++)
		archive(argv[0]);
	put(NULL, 2 * RECORD);		/* the end: two zero records */
	if (fill > 0)
		put(NULL, BLOCK - fill);	/* and a whole last block */
	if (out != 1 && close(out) < 0) {
		fprintf(stderr, "tar: %s: %s\n", file, strerror(errno));
		return (2);
	}
	return (status);
}
