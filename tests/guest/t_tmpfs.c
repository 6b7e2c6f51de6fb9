/*
 * t_tmpfs.c: tests of /tmp, the file system whose files are anonymous
 * VM objects (sys/kern/vfs_tmpfs.c): reading and writing, sizes and
 * holes, directories and rename, the errno of every refusal, shared
 * and private mappings, exec from /tmp, the size limit, the object
 * audit, and, in a boot with little memory, files that go to swap and
 * come back.
 *
 * Every test works in a directory of its own, /tmp/t.NAME, and removes
 * it before returning, so that /tmp is empty again for the next test
 * and for the runner's leak check.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	TF_USER		1000		/* an unprivileged uid */

/* The test's own directory, made empty by tf_begin. */
static char tf_dir[64];

/* path, in buf: tf_dir/name. */
static const char *
tf_path(char *buf, size_t size, const char *name)
{

	snprintf(buf, size, "%s/%s", tf_dir, name);
	return (buf);
}

/*
 * Remove path and everything below it (like rm -rf), failing the test
 * on any error but ENOENT.
 */
static void
tf_rmtree(const char *path)
{
	char sub[MAXPATHLEN];
	struct dirent *d;
	struct stat sb;
	DIR *dir;

	if (stat(path, &sb) == -1) {
		EXPECT(errno == ENOENT, "stat(%s): %s", path,
		    t_errname(errno));
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		EXPECT_OK(unlink(path));
		return;
	}
	/* Removing entries while reading is safe: cookies do not move. */
	dir = opendir(path);
	EXPECT(dir != NULL, "opendir(%s): %s", path, t_errname(errno));
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, d->d_name);
		tf_rmtree(sub);
	}
	closedir(dir);
	EXPECT(rmdir(path) == 0, "rmdir(%s): %s", path, t_errname(errno));
}

static void
tf_begin(const char *name)
{

	snprintf(tf_dir, sizeof(tf_dir), "/tmp/t.%s", name);
	tf_rmtree(tf_dir);
	/* 0777: unprivileged children work here too. */
	umask(0);
	EXPECT(mkdir(tf_dir, 0777) == 0, "mkdir(%s): %s", tf_dir,
	    t_errname(errno));
	umask(022);
	EXPECT_OK(chdir("/"));
}

static void
tf_end(void)
{

	EXPECT_OK(chdir("/"));
	tf_rmtree(tf_dir);
}

static unsigned int
tf_sysctl_uint(const char *name)
{
	int v, e;

	if ((e = t_sysctl_int(name, &v)) != 0)
		FAIL("sysctl %s: %s", name, t_errname(e));
	return ((unsigned int)v);
}

/* Word w of page pg of file number f: distinct everywhere. */
static unsigned int
tf_word(unsigned int f, unsigned long pg, unsigned long w)
{

	return (((f << 24) ^ (unsigned int)(pg << 10) ^ (unsigned int)w) *
	    2654435761U + 0x7f4a7c15U);
}

static void
tf_fillpage(unsigned int *page, unsigned int f, unsigned long pg)
{
	unsigned long w;

	for (w = 0; w < T_PGSZ / 4; w++)
		page[w] = tf_word(f, pg, w);
}

/* Fail unless page holds page pg of file f. */
static void
tf_checkpage(const unsigned int *page, unsigned int f, unsigned long pg,
    const char *what)
{
	unsigned long w;

	for (w = 0; w < T_PGSZ / 4; w++)
		if (page[w] != tf_word(f, pg, w))
			FAIL("%s: page %lu word %lu is 0x%08x, expected "
			    "0x%08x", what, pg, w, page[w], tf_word(f, pg, w));
}

/* Write npages pages of file f's pattern to fd, at its offset. */
static void
tf_writepages(int fd, unsigned int f, unsigned long first,
    unsigned long npages, const char *what)
{
	static unsigned int page[T_PGSZ / 4];
	unsigned long pg;

	for (pg = first; pg < first + npages; pg++) {
		tf_fillpage(page, f, pg);
		t_writeall(fd, page, T_PGSZ);
	}
	(void)what;
}

/* Read npages pages from fd, at its offset, and check them. */
static void
tf_readpages(int fd, unsigned int f, unsigned long first,
    unsigned long npages, const char *what)
{
	static unsigned int page[T_PGSZ / 4];
	unsigned long pg;
	long n;

	for (pg = first; pg < first + npages; pg++) {
		n = t_readall(fd, page, T_PGSZ);
		EXPECT(n == (long)T_PGSZ, "%s: page %lu: read %ld bytes", what,
		    pg, n);
		tf_checkpage(page, f, pg, what);
	}
}

/* Write len bytes of buf at off, all of them. */
static void
tf_pwrite(int fd, const void *buf, size_t len, off_t off)
{

	EXPECT(lseek(fd, off, SEEK_SET) == off, "lseek(%ld): %s", (long)off,
	    t_errname(errno));
	t_writeall(fd, buf, len);
}

/* Read len bytes at off into buf; returns the count read. */
static long
tf_pread(int fd, void *buf, size_t len, off_t off)
{

	EXPECT(lseek(fd, off, SEEK_SET) == off, "lseek(%ld): %s", (long)off,
	    t_errname(errno));
	return (t_readall(fd, buf, len));
}

static off_t
tf_size(int fd)
{
	struct stat sb;

	EXPECT_OK(fstat(fd, &sb));
	return (sb.st_size);
}

/*
 * Run fn(arg) in a child as uid TF_USER; fail if the child fails.
 */
static void
tf_as_user(void (*fn)(void *), void *arg, const char *what)
{
	pid_t pid;

	pid = t_fork();
	if (pid == 0) {
		if (setgid(TF_USER) == -1 || setuid(TF_USER) == -1)
			FAIL("setuid(%d): %s", TF_USER, t_errname(errno));
		fn(arg);
		_exit(0);
	}
	t_expect_exit(pid, 0, what);
}

/*
 * read, write and lseek across page boundaries; holes read as zeros;
 * O_APPEND writes at the end whatever the offset; O_TRUNC, ftruncate
 * and truncate shorten and lengthen (the bytes past an old end read as
 * zeros); O_EXCL refuses an existing file; a file removed while open
 * stays readable and writable until its last close, and only then
 * gives its vnode and pages back (vfs.tmpfs counts).
 */
void
test_tmpfs_rw(void)
{
	static unsigned char a[3 * 4096 + 1000], b[40960];
	unsigned int nodes0, pages0;
	char path[MAXPATHLEN];
	struct stat sb, rsb;
	size_t i, off;
	long n;
	int fd, fd2;

	tf_begin("rw");
	nodes0 = tf_sysctl_uint("vfs.tmpfs.nodes_used");
	pages0 = tf_sysctl_uint("vfs.tmpfs.pages_used");
	tf_path(path, sizeof(path), "f");
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0640);
	EXPECT(fd >= 0, "open(%s, O_CREAT | O_EXCL): %s", path,
	    t_errname(errno));
	EXPECT_OK(fstat(fd, &sb));
	EXPECT_OK(stat("/", &rsb));
	EXPECT(S_ISREG(sb.st_mode) && (sb.st_mode & 07777) == 0640 &&
	    sb.st_size == 0 && sb.st_uid == getuid() && sb.st_nlink == 1,
	    "new file: mode 0%o size %ld uid %d nlink %d", sb.st_mode,
	    (long)sb.st_size, (int)sb.st_uid, (int)sb.st_nlink);
	EXPECT(sb.st_dev != rsb.st_dev, "/tmp and / have the same st_dev");
	EXPECT(tf_sysctl_uint("vfs.tmpfs.nodes_used") == nodes0 + 1,
	    "vfs.tmpfs.nodes_used did not count the new file");

	/* Odd-sized writes, then odd-sized reads, across pages. */
	for (i = 0; i < sizeof(a); i++)
		a[i] = (unsigned char)(i * 7 + i / 4096);
	for (off = 0; off < sizeof(a); off += n) {
		n = (long)MIN(1000 + off % 3001, sizeof(a) - off);
		EXPECT(write(fd, a + off, n) == n, "write of %ld at %zu: %s",
		    n, off, t_errname(errno));
	}
	EXPECT(tf_size(fd) == (off_t)sizeof(a), "size %ld after writing %zu",
	    (long)tf_size(fd), sizeof(a));
	EXPECT(lseek(fd, 0, SEEK_SET) == 0, "lseek to 0");
	for (off = 0; off < sizeof(a); off += n) {
		n = read(fd, b + off, MIN(777, sizeof(a) - off));
		EXPECT(n > 0, "read at %zu returned %ld (%s)", off, n,
		    t_errname(errno));
	}
	EXPECT(off == sizeof(a) && memcmp(a, b, sizeof(a)) == 0,
	    "the bytes read back differ from those written");
	EXPECT(read(fd, b, 10) == 0, "read at the end did not return 0");

	/* Overwrite in the middle, across a page boundary. */
	tf_pwrite(fd, "ABCDEFGH", 8, 4092);
	memcpy(a + 4092, "ABCDEFGH", 8);
	EXPECT(tf_pread(fd, b, sizeof(b), 0) == (long)sizeof(a) &&
	    memcmp(a, b, sizeof(a)) == 0, "overwriting 8 bytes at 4092");

	/* A hole: write past the end; the gap reads as zeros. */
	tf_pwrite(fd, "end", 3, 40000);
	EXPECT(tf_size(fd) == 40003, "size %ld after a write at 40000",
	    (long)tf_size(fd));
	n = tf_pread(fd, b, 40000 - sizeof(a), sizeof(a));
	EXPECT(n == (long)(40000 - sizeof(a)), "reading the hole: %ld", n);
	t_check_zero(b, n, "the hole");
	EXPECT(tf_pread(fd, b, 10, 40000) == 3 && memcmp(b, "end", 3) == 0,
	    "the bytes after the hole");

	/* O_APPEND: at the end, whatever the offset. */
	fd2 = open(path, O_WRONLY | O_APPEND);
	EXPECT(fd2 >= 0, "open O_APPEND: %s", t_errname(errno));
	EXPECT(lseek(fd2, 0, SEEK_SET) == 0, "lseek O_APPEND fd");
	t_writeall(fd2, "app", 3);
	EXPECT(lseek(fd2, 0, SEEK_CUR) == 40006, "O_APPEND offset %ld",
	    (long)lseek(fd2, 0, SEEK_CUR));
	EXPECT(tf_pread(fd, b, 10, 40000) == 6 && memcmp(b, "endapp", 6) == 0,
	    "O_APPEND did not write at the end");
	close(fd2);

	/* Shorter, then longer: the old bytes past 5000 are gone. */
	EXPECT_OK(ftruncate(fd, 5000));
	EXPECT(tf_size(fd) == 5000, "size after ftruncate(5000)");
	EXPECT(tf_pread(fd, b, 100, 4990) == 10 &&
	    memcmp(b, a + 4990, 10) == 0, "the last 10 bytes after ftruncate");
	EXPECT_OK(truncate(path, 9000));
	EXPECT(tf_size(fd) == 9000, "size after truncate(9000)");
	EXPECT(tf_pread(fd, b, 9000, 0) == 9000 && memcmp(a, b, 5000) == 0,
	    "the first 5000 bytes after growing");
	t_check_zero(b + 5000, 4000, "bytes past the old end");
	EXPECT(tf_sysctl_uint("vfs.tmpfs.pages_used") == pages0 + 3,
	    "9000 bytes hold %u pages, expected 3",
	    tf_sysctl_uint("vfs.tmpfs.pages_used") - pages0);

	/* O_TRUNC empties it; O_EXCL refuses it. */
	fd2 = open(path, O_RDWR | O_TRUNC);
	EXPECT(fd2 >= 0, "open O_TRUNC: %s", t_errname(errno));
	EXPECT(tf_size(fd) == 0, "size %ld after O_TRUNC", (long)tf_size(fd));
	EXPECT(tf_sysctl_uint("vfs.tmpfs.pages_used") == pages0,
	    "an empty file still holds pages");
	close(fd2);
	EXPECT_ERR(open(path, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);

	/* Removed while open: lives on until the last close. */
	EXPECT(lseek(fd, 0, SEEK_SET) == 0, "lseek to 0");
	t_writeall(fd, a, sizeof(a));
	EXPECT_OK(unlink(path));
	EXPECT_ERR(stat(path, &sb), ENOENT);
	EXPECT_OK(fstat(fd, &sb));
	EXPECT(sb.st_nlink == 0, "a removed file has %d links",
	    (int)sb.st_nlink);
	t_writeall(fd, "more", 4);
	EXPECT(tf_pread(fd, b, sizeof(b), 0) == (long)sizeof(a) + 4 &&
	    memcmp(a, b, sizeof(a)) == 0 && memcmp(b + sizeof(a), "more",
	    4) == 0, "reading a removed open file");
	EXPECT(tf_sysctl_uint("vfs.tmpfs.nodes_used") == nodes0 + 1,
	    "a removed but open file lost its vnode");
	close(fd);
	EXPECT(tf_sysctl_uint("vfs.tmpfs.nodes_used") == nodes0 &&
	    tf_sysctl_uint("vfs.tmpfs.pages_used") == pages0,
	    "after the last close: %u nodes, %u pages, expected %u, %u",
	    tf_sysctl_uint("vfs.tmpfs.nodes_used"),
	    tf_sysctl_uint("vfs.tmpfs.pages_used"), nodes0, pages0);
	tf_end();
}

/* Write a small file holding s. */
static void
tf_mkfile(const char *path, const char *s)
{
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	EXPECT(fd >= 0, "create %s: %s", path, t_errname(errno));
	t_writeall(fd, s, strlen(s));
	close(fd);
}

/* Fail unless path holds exactly s. */
static void
tf_expect_file(const char *path, const char *s)
{
	char buf[256];
	long n;
	int fd;

	fd = open(path, O_RDONLY);
	EXPECT(fd >= 0, "open %s: %s", path, t_errname(errno));
	n = t_readall(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n] = '\0';
	EXPECT(strcmp(buf, s) == 0, "%s holds \"%s\", expected \"%s\"", path,
	    buf, s);
}

/* How many entries of directory path are called name (0 or 1). */
static int
tf_count_entry(const char *path, const char *name)
{
	struct dirent *d;
	DIR *dir;
	int n = 0;

	dir = opendir(path);
	EXPECT(dir != NULL, "opendir(%s): %s", path, t_errname(errno));
	while ((d = readdir(dir)) != NULL)
		if (strcmp(d->d_name, name) == 0)
			n++;
	closedir(dir);
	return (n);
}

/* One entry of directory a in test_tmpfs_dirs: note f<i> in seen[i]. */
static void
tf_dirent(const struct dirent *d, char *seen)
{
	int i;

	if (d->d_name[0] == 'f') {
		i = atoi(d->d_name + 1);
		EXPECT(i >= 0 && i < 60 && seen[i] == 0,
		    "getdirentries returned %s twice", d->d_name);
		seen[i] = 1;
		EXPECT(d->d_type == DT_REG, "%s has type %d", d->d_name,
		    d->d_type);
	} else
		EXPECT(strcmp(d->d_name, ".") == 0 ||
		    strcmp(d->d_name, "..") == 0 ||
		    ((strcmp(d->d_name, "b") == 0 ||
		    strcmp(d->d_name, "c") == 0) && d->d_type == DT_DIR),
		    "unexpected entry %s", d->d_name);
}

/*
 * mkdir and rmdir, link counts, getdirentries (every entry once, even
 * while entries are removed and added between reads), rename of files
 * and directories within and between directories and over existing
 * entries, getcwd through a renamed directory, and a current
 * directory that is removed.
 */
void
test_tmpfs_dirs(void)
{
	char p1[MAXPATHLEN], p2[MAXPATHLEN], cwd[MAXPATHLEN], nm[16];
	static char seen[64], dbuf[_DIRENT_RECLEN(MAXNAMLEN)];
	struct dirent *d;
	struct stat sb;
	long base;
	int i, n, off, calls, fd;

	tf_begin("dirs");
	EXPECT_OK(mkdir(tf_path(p1, sizeof(p1), "a"), 0755));
	EXPECT_OK(mkdir(tf_path(p1, sizeof(p1), "a/b/"), 0755));
	EXPECT_OK(mkdir(tf_path(p1, sizeof(p1), "a/c"), 0700));
	EXPECT_OK(stat(tf_path(p1, sizeof(p1), "a"), &sb));
	EXPECT(S_ISDIR(sb.st_mode) && (sb.st_mode & 0777) == 0755 &&
	    sb.st_nlink == 4, "a: mode 0%o nlink %d, expected 0755 and 4",
	    sb.st_mode, (int)sb.st_nlink);
	EXPECT_OK(stat(tf_path(p1, sizeof(p1), "a/c"), &sb));
	EXPECT((sb.st_mode & 0777) == 0700, "a/c: mode 0%o", sb.st_mode);

	/* 40 files; read half the directory, churn it, read the rest. */
	for (i = 0; i < 40; i++) {
		snprintf(nm, sizeof(nm), "a/f%02d", i);
		tf_mkfile(tf_path(p1, sizeof(p1), nm), "x");
	}
	/*
	 * getdirentries with the smallest buffer it takes, a few entries
	 * a call; between the first call and the others, remove ten
	 * files not read yet and add twenty.
	 */
	fd = open(tf_path(p1, sizeof(p1), "a"), O_RDONLY | O_DIRECTORY);
	EXPECT(fd >= 0, "open a: %s", t_errname(errno));
	memset(seen, 0, sizeof(seen));
	for (calls = 0;; calls++) {
		n = getdirentries(fd, dbuf, _DIRENT_RECLEN(MAXNAMLEN), &base);
		EXPECT(n >= 0, "getdirentries: %s", t_errname(errno));
		if (n == 0)
			break;
		EXPECT(calls < 100, "getdirentries never ends");
		for (off = 0; off < n; off += d->d_reclen) {
			d = (struct dirent *)(dbuf + off);
			tf_dirent(d, seen);
		}
		if (calls == 0) {
			EXPECT(seen[30] == 0, "one call read 30 entries");
			for (i = 30; i < 40; i++) {
				snprintf(nm, sizeof(nm), "a/f%02d", i);
				EXPECT_OK(unlink(tf_path(p1, sizeof(p1), nm)));
			}
			for (i = 40; i < 60; i++) {
				snprintf(nm, sizeof(nm), "a/f%02d", i);
				tf_mkfile(tf_path(p1, sizeof(p1), nm), "y");
			}
		}
	}
	close(fd);
	for (i = 0; i < 60; i++)
		EXPECT(seen[i] == (i < 30 || i >= 40),
		    "f%02d %s by getdirentries", i, seen[i] ? "seen" :
		    "missed");

	/* rename: a file within a directory, then to another. */
	EXPECT_OK(rename(tf_path(p1, sizeof(p1), "a/f00"),
	    tf_path(p2, sizeof(p2), "a/g")));
	EXPECT(tf_count_entry(tf_path(p1, sizeof(p1), "a"), "f00") == 0 &&
	    tf_count_entry(p1, "g") == 1, "a/f00 was not renamed a/g");
	EXPECT_OK(rename(tf_path(p1, sizeof(p1), "a/g"),
	    tf_path(p2, sizeof(p2), "a/b/h")));
	tf_expect_file(p2, "x");
	/* Over an existing file: it is replaced. */
	tf_mkfile(tf_path(p1, sizeof(p1), "a/new"), "new");
	EXPECT_OK(rename(p1, tf_path(p2, sizeof(p2), "a/f01")));
	tf_expect_file(p2, "new");
	EXPECT_ERR(stat(p1, &sb), ENOENT);
	/* To itself: nothing happens. */
	EXPECT_OK(rename(p2, p2));
	tf_expect_file(p2, "new");

	/* Directories: renamed, moved, over an empty one. */
	EXPECT_OK(chdir(tf_path(p1, sizeof(p1), "a/b")));
	EXPECT_OK(rename(tf_path(p1, sizeof(p1), "a"),
	    tf_path(p2, sizeof(p2), "z")));
	EXPECT(getcwd(cwd, sizeof(cwd)) != NULL, "getcwd: %s",
	    t_errname(errno));
	EXPECT(strcmp(cwd, tf_path(p1, sizeof(p1), "z/b")) == 0,
	    "getcwd after renaming a to z: %s", cwd);
	tf_expect_file("h", "x");
	tf_expect_file("../f01", "new");
	EXPECT_OK(mkdir(tf_path(p1, sizeof(p1), "empty"), 0755));
	EXPECT_OK(rename(tf_path(p1, sizeof(p1), "z/c"),
	    tf_path(p2, sizeof(p2), "empty")));
	EXPECT_OK(stat(p2, &sb));
	EXPECT((sb.st_mode & 0777) == 0700, "empty was not replaced by z/c");
	EXPECT_OK(rename(p2, tf_path(p1, sizeof(p1), "z/b/c")));
	EXPECT_OK(stat("c", &sb));
	EXPECT_OK(stat(tf_path(p1, sizeof(p1), "z"), &sb));
	EXPECT(sb.st_nlink == 3, "z has %d links, expected 3 (its entry, "
	    "\".\", b's \"..\")", (int)sb.st_nlink);
	EXPECT(getcwd(cwd, sizeof(cwd)) != NULL &&
	    strcmp(cwd, tf_path(p1, sizeof(p1), "z/b")) == 0,
	    "getcwd: %s", cwd);

	/* The current directory removed: nothing can be made in it. */
	EXPECT_OK(rmdir("c"));
	EXPECT_OK(unlink("h"));
	EXPECT_OK(rmdir(tf_path(p1, sizeof(p1), "z/b")));
	EXPECT_ERR(getcwd(cwd, sizeof(cwd)) == NULL ? -1 : 0, ENOENT);
	EXPECT_ERR(open("new", O_RDWR | O_CREAT, 0644), ENOENT);
	EXPECT_ERR(mkdir("new", 0755), ENOENT);
	EXPECT_ERR(stat("..", &sb), ENOENT);
	EXPECT_OK(stat(".", &sb));
	EXPECT(S_ISDIR(sb.st_mode) && sb.st_nlink == 0,
	    "a removed directory: mode 0%o nlink %d", sb.st_mode,
	    (int)sb.st_nlink);
	fd = open(".", O_RDONLY);
	EXPECT(fd >= 0, "open(\".\") in a removed directory: %s",
	    t_errname(errno));
	close(fd);
	EXPECT_OK(chdir("/"));
	tf_end();
}

/*
 * The errno table: each refusal of the file system calls, with the
 * errno the BSDs give.  Rows run as root (tf_errno_root) and as uid
 * 1000 (tf_errno_user); TF_ERR counts them.
 */
static int tf_rows;

#define	TF_ERR(expr, err) do {						\
	EXPECT_ERR(expr, err);						\
	tf_rows++;							\
} while (0)

static char tf_long[MAXNAMLEN + 2];		/* a name one too long */
static char tf_sticky[64];			/* root's file in /tmp */
static char tf_stickydir[64];			/* root's directory in /tmp */

static void
tf_errno_root(unsigned int pages_max)
{
	char p[MAXPATHLEN], q[MAXPATHLEN], huge[MAXPATHLEN + 64];
	struct timeval tv[2];
	struct stat sb;
	int fd, rfd;

	/* ENOENT */
	TF_ERR(open(tf_path(p, sizeof(p), "nope"), O_RDONLY), ENOENT);
	TF_ERR(unlink(p), ENOENT);
	TF_ERR(rmdir(p), ENOENT);
	TF_ERR(truncate(p, 0), ENOENT);
	TF_ERR(rename(p, tf_path(q, sizeof(q), "x2")), ENOENT);
	TF_ERR(mkdir(tf_path(p, sizeof(p), "nope/x"), 0755), ENOENT);
	TF_ERR(open(p, O_WRONLY | O_CREAT, 0644), ENOENT);
	TF_ERR(stat("", &sb), ENOENT);
	/* EEXIST */
	TF_ERR(mkdir(tf_path(p, sizeof(p), "d"), 0755), EEXIST);
	TF_ERR(mkdir(tf_path(p, sizeof(p), "f"), 0755), EEXIST);
	TF_ERR(open(p, O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	TF_ERR(mkdir("/tmp", 0755), EEXIST);
	TF_ERR(mkdir("/bin", 0755), EEXIST);
	/* ENOTDIR */
	TF_ERR(open(tf_path(p, sizeof(p), "f/x"), O_RDONLY), ENOTDIR);
	TF_ERR(mkdir(p, 0755), ENOTDIR);
	TF_ERR(open(p, O_WRONLY | O_CREAT, 0644), ENOTDIR);
	TF_ERR(rmdir(tf_path(p, sizeof(p), "f")), ENOTDIR);
	TF_ERR(open(p, O_RDONLY | O_DIRECTORY), ENOTDIR);
	TF_ERR(chdir(p), ENOTDIR);
	TF_ERR(stat(tf_path(p, sizeof(p), "f/"), &sb), ENOTDIR);
	TF_ERR(unlink(p), ENOTDIR);
	TF_ERR(rename(tf_path(p, sizeof(p), "e"), tf_path(q, sizeof(q), "f")),
	    ENOTDIR);
	/* EISDIR */
	TF_ERR(open(tf_path(p, sizeof(p), "d"), O_WRONLY), EISDIR);
	TF_ERR(open(p, O_RDWR), EISDIR);
	TF_ERR(open(p, O_RDONLY | O_TRUNC), EISDIR);
	TF_ERR(truncate(p, 0), EISDIR);
	TF_ERR(rename(tf_path(q, sizeof(q), "f"), p), EISDIR);
	TF_ERR(open(tf_path(p, sizeof(p), "newfile/"), O_WRONLY | O_CREAT,
	    0644), EISDIR);
	/* ENOTEMPTY */
	TF_ERR(rmdir(tf_path(p, sizeof(p), "d")), ENOTEMPTY);
	TF_ERR(rename(tf_path(q, sizeof(q), "e"), p), ENOTEMPTY);
	TF_ERR(rmdir(tf_path(p, sizeof(p), "d/x/..")), ENOTDIR);
	TF_ERR(rmdir(tf_path(p, sizeof(p), "d/..")), ENOTEMPTY);
	/* EXDEV */
	TF_ERR(rename(tf_path(p, sizeof(p), "f"), "/f"), EXDEV);
	TF_ERR(rename("/etc/passwd", tf_path(p, sizeof(p), "pw")), EXDEV);
	/* ENAMETOOLONG */
	TF_ERR(open(tf_path(p, sizeof(p), tf_long), O_WRONLY | O_CREAT, 0644),
	    ENAMETOOLONG);
	TF_ERR(mkdir(p, 0755), ENAMETOOLONG);
	TF_ERR(stat(p, &sb), ENAMETOOLONG);
	TF_ERR(rename(tf_path(q, sizeof(q), "f"), p), ENAMETOOLONG);
	memset(huge, 'a', sizeof(huge) - 1);
	huge[0] = '/';
	huge[sizeof(huge) - 1] = '\0';
	TF_ERR(open(huge, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
	/* EINVAL */
	TF_ERR(rmdir(tf_path(p, sizeof(p), "d/.")), EINVAL);
	TF_ERR(rename(tf_path(p, sizeof(p), "d"),
	    tf_path(q, sizeof(q), "d/sub")), EINVAL);
	TF_ERR(rename(tf_path(p, sizeof(p), "e"),
	    tf_path(q, sizeof(q), "e/.")), EINVAL);
	TF_ERR(rename(tf_path(p, sizeof(p), "e/."),
	    tf_path(q, sizeof(q), "e2")), EINVAL);
	TF_ERR(truncate(tf_path(p, sizeof(p), "f"), -1), EINVAL);
	fd = open(p, O_RDWR);
	rfd = open(p, O_RDONLY);
	EXPECT(fd >= 0 && rfd >= 0, "open f: %s", t_errname(errno));
	TF_ERR(ftruncate(fd, -1), EINVAL);
	TF_ERR(ftruncate(rfd, 0), EINVAL);
	tv[0].tv_sec = tv[1].tv_sec = 0;
	tv[0].tv_usec = tv[1].tv_usec = 1000000;
	TF_ERR(utimes(p, tv), EINVAL);
	/* EBUSY */
	TF_ERR(rmdir("/tmp"), EBUSY);
	TF_ERR(rename("/tmp", tf_path(p, sizeof(p), "tmp2")), EBUSY);
	/* EPERM, even for root */
	TF_ERR(unlink(tf_path(p, sizeof(p), "d")), EPERM);
	/* EROFS: the ramdisk cannot change */
	TF_ERR(open("/newfile", O_WRONLY | O_CREAT, 0644), EROFS);
	TF_ERR(open("/etc/passwd", O_WRONLY), EROFS);
	TF_ERR(mkdir("/newdir", 0755), EROFS);
	TF_ERR(unlink("/etc/passwd"), EROFS);
	TF_ERR(rmdir("/bin"), EROFS);
	TF_ERR(truncate("/etc/passwd", 0), EROFS);
	TF_ERR(utimes("/etc/passwd", NULL), EROFS);
	TF_ERR(rename("/etc/passwd", "/etc/pw"), EROFS);
	TF_ERR(access("/etc/passwd", W_OK), EROFS);
	/* ENOSPC: past the size limit */
	TF_ERR(ftruncate(fd, (off_t)pages_max * T_PGSZ + 1), ENOSPC);
	EXPECT(lseek(fd, (off_t)pages_max * T_PGSZ, SEEK_SET) ==
	    (off_t)pages_max * T_PGSZ, "lseek past the limit");
	TF_ERR(write(fd, "x", 1), ENOSPC);
	EXPECT(tf_size(fd) == 3, "f changed size to %ld after refusals",
	    (long)tf_size(fd));
	close(fd);
	close(rfd);
}

/* arg: the pipe to write the row count to. */
static void
tf_errno_user(void *arg)
{
	char p[MAXPATHLEN], q[MAXPATHLEN];
	struct timeval tv[2];
	struct stat sb;

	tf_rows = 0;
	/* EACCES: permissions */
	TF_ERR(open(tf_path(p, sizeof(p), "f"), O_WRONLY), EACCES);
	TF_ERR(open(p, O_RDONLY | O_TRUNC), EACCES);
	TF_ERR(truncate(p, 0), EACCES);
	TF_ERR(utimes(p, NULL), EACCES);
	TF_ERR(open(tf_path(p, sizeof(p), "secret"), O_RDONLY), EACCES);
	TF_ERR(stat(tf_path(p, sizeof(p), "priv/x"), &sb), EACCES);
	TF_ERR(open(p, O_RDONLY), EACCES);
	TF_ERR(open(tf_path(p, sizeof(p), "d/new"), O_WRONLY | O_CREAT, 0644),
	    EACCES);
	TF_ERR(mkdir(p, 0755), EACCES);
	TF_ERR(unlink(tf_path(p, sizeof(p), "d/x")), EACCES);
	TF_ERR(rmdir(tf_path(p, sizeof(p), "d/sub")), EACCES);
	TF_ERR(rename(tf_path(p, sizeof(p), "d/x"),
	    tf_path(q, sizeof(q), "pub/x")), EACCES);
	TF_ERR(rename(tf_path(p, sizeof(p), "pub/mine"),
	    tf_path(q, sizeof(q), "d/mine")), EACCES);
	TF_ERR(chdir(tf_path(p, sizeof(p), "priv")), EACCES);
	/* EPERM: the sticky bit of /tmp, and times of another's file */
	TF_ERR(unlink(tf_sticky), EPERM);
	TF_ERR(rename(tf_sticky, tf_path(p, sizeof(p), "pub/s")), EPERM);
	TF_ERR(rename(tf_path(p, sizeof(p), "pub/mine"), tf_sticky), EPERM);
	TF_ERR(rmdir(tf_stickydir), EPERM);
	tv[0].tv_sec = tv[1].tv_sec = 1;
	tv[0].tv_usec = tv[1].tv_usec = 0;
	TF_ERR(utimes(tf_path(p, sizeof(p), "f"), tv), EPERM);
	TF_ERR(unlink(tf_path(p, sizeof(p), "pub")), EPERM);
	/* What uid 1000 may do: its own files, in /tmp and pub. */
	tf_mkfile(tf_path(p, sizeof(p), "pub/mine2"), "m");
	EXPECT_OK(rename(p, tf_path(q, sizeof(q), "pub/mine3")));
	EXPECT_OK(unlink(q));
	EXPECT_OK(utimes(tf_sticky, NULL));	/* mode 0666: writable */
	t_writeall(*(int *)arg, &tf_rows, sizeof(tf_rows));
}

/* Make directory path with exactly mode (the umask cleared). */
static void
tf_mkdir_mode(const char *path, mode_t mode)
{
	mode_t old = umask(0);

	EXPECT(mkdir(path, mode) == 0, "mkdir(%s): %s", path,
	    t_errname(errno));
	umask(old);
}

/* Make file path, holding s, with exactly mode. */
static void
tf_mkfile_mode(const char *path, const char *s, mode_t mode)
{
	mode_t old = umask(0);
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
	EXPECT(fd >= 0, "create %s: %s", path, t_errname(errno));
	t_writeall(fd, s, strlen(s));
	close(fd);
	umask(old);
}

void
test_tmpfs_errno(void)
{
	char p[MAXPATHLEN];
	int pfd[2], urows = 0;

	tf_begin("errno");
	memset(tf_long, 'x', MAXNAMLEN + 1);
	snprintf(tf_sticky, sizeof(tf_sticky), "/tmp/.t.sticky");
	snprintf(tf_stickydir, sizeof(tf_stickydir), "/tmp/.t.stickydir");
	(void)unlink(tf_sticky);
	(void)rmdir(tf_stickydir);
	tf_mkfile_mode(tf_path(p, sizeof(p), "f"), "abc", 0644);
	tf_mkdir_mode(tf_path(p, sizeof(p), "d"), 0755);
	tf_mkfile_mode(tf_path(p, sizeof(p), "d/x"), "x", 0644);
	tf_mkdir_mode(tf_path(p, sizeof(p), "d/sub"), 0755);
	tf_mkdir_mode(tf_path(p, sizeof(p), "e"), 0755);
	tf_mkfile_mode(tf_path(p, sizeof(p), "secret"), "s", 0600);
	tf_mkdir_mode(tf_path(p, sizeof(p), "priv"), 0700);
	tf_mkfile_mode(tf_path(p, sizeof(p), "priv/x"), "x", 0644);
	tf_mkdir_mode(tf_path(p, sizeof(p), "pub"), 0777);
	tf_mkfile_mode(tf_path(p, sizeof(p), "pub/mine"), "m", 0644);
	tf_mkfile_mode(tf_sticky, "s", 0666);
	tf_mkdir_mode(tf_stickydir, 0755);

	tf_rows = 0;
	tf_errno_root(tf_sysctl_uint("vfs.tmpfs.pages_max"));
	t_pipe(pfd);
	tf_as_user(tf_errno_user, &pfd[1], "the errno table as uid 1000");
	close(pfd[1]);
	EXPECT(t_readall(pfd[0], &urows, sizeof(urows)) == sizeof(urows),
	    "no row count from the unprivileged child");
	close(pfd[0]);
	t_printf("errno table: %d rows as root, %d as uid %d", tf_rows,
	    urows, TF_USER);
	EXPECT_OK(unlink(tf_sticky));
	EXPECT_OK(rmdir(tf_stickydir));
	tf_end();
}

/*
 * Run program path with argv, its standard output captured in out
 * (NUL-terminated, at most size - 1 bytes); returns its wait status.
 */
static int
tf_run(const char *path, char *const argv[], char *out, size_t size)
{
	char *const envp[] = { NULL };
	size_t len = 0;
	ssize_t n;
	pid_t pid;
	int p[2];

	t_pipe(p);
	pid = t_spawn_path(path, argv, envp, -1, p[1]);
	close(p[1]);
	while ((n = read(p[0], out + len, size - 1 - len)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		EXPECT(n > 0, "reading %s's output: %s", argv[0],
		    t_errname(errno));
		len += n;
		EXPECT(len < size - 1, "%s's output is too long", argv[0]);
	}
	out[len] = '\0';
	close(p[0]);
	return (t_wait(pid));
}

/*
 * The object record of the front object of the map entry of this
 * process that contains addr, in *kvo.
 */
static void
tf_front_object(void *addr, struct kinfo_vmobject *kvo,
    struct kinfo_vmobject *backing)
{
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *o;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec = NULL;
	unsigned long a = (unsigned long)addr;
	unsigned int i, j;
	size_t len;

	kvh = kinfo_getvmmap(getpid(), &len);
	EXPECT(kvh != NULL, "kinfo_getvmmap: %s", t_errname(errno));
	for (i = 0; i < kvh->kvh_nentries; i++) {
		kve = kinfo_vmrec_next(kvh, len, rec, sizeof(*kve));
		EXPECT(kve != NULL, "kern.proc.vmmap: entry %u malformed", i);
		rec = kve;
		for (j = 0; j < kve->kve_depth; j++) {
			o = kinfo_vmrec_next(kvh, len, rec, sizeof(*o));
			EXPECT(o != NULL, "kern.proc.vmmap: object malformed");
			rec = o;
			if (a < kve->kve_start || a >= kve->kve_end)
				continue;
			if (j == 0)
				*kvo = *o;
			else if (j == 1 && backing != NULL)
				*backing = *o;
		}
		if (a >= kve->kve_start && a < kve->kve_end) {
			free(kvh);
			return;
		}
	}
	FAIL("no map entry contains %p", addr);
}

/*
 * Shared mappings of a /tmp file: two processes that map it each see
 * the other's writes, read(2) sees them and the mappings see write(2);
 * a child that inherits the mapping shares it too.  A private mapping
 * is copy-on-write: its writes reach neither the file nor the shared
 * mapping.  Past the end of the file a mapping reads zeros, and what is
 * written there is not part of the file: growing the file gives zeros.
 * A read-only descriptor cannot be mapped shared and writable.  The
 * records show the file's object (flag KVO_F_FILE, the file's name), as
 * does vmobjdump -f.  A mapping keeps the pages of a file removed and
 * closed.
 */
void
test_tmpfs_mmap(void)
{
	static unsigned int page[4096 / 4];
	struct kinfo_vmobject kvo, back;
	unsigned int nodes0, pages0;
	char path[MAXPATHLEN], out[4096], c;
	char *av[] = { "vmobjdump", "-f", NULL };
	char *a, *b, *pr, *d;
	int fd, fd2, rfd, toc[2], top[2], st;
	pid_t pid;

	tf_begin("mmap");
	nodes0 = tf_sysctl_uint("vfs.tmpfs.nodes_used");
	pages0 = tf_sysctl_uint("vfs.tmpfs.pages_used");
	tf_path(path, sizeof(path), "mapped.file");
	fd = open(path, O_RDWR | O_CREAT, 0644);
	EXPECT(fd >= 0, "create %s: %s", path, t_errname(errno));
	EXPECT_OK(ftruncate(fd, 4 * T_PGSZ));
	a = mmap(NULL, 4 * T_PGSZ, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(a != MAP_FAILED, "mmap MAP_SHARED: %s", t_errname(errno));
	t_check_zero(a, 4 * T_PGSZ, "a new file's mapping");

	/* Another process maps the file on its own. */
	t_pipe(toc);
	t_pipe(top);
	pid = t_fork();
	if (pid == 0) {
		int cfd = open(path, O_RDWR);

		EXPECT(cfd >= 0, "child: open: %s", t_errname(errno));
		b = mmap(NULL, 4 * T_PGSZ, PROT_READ | PROT_WRITE, MAP_SHARED,
		    cfd, 0);
		EXPECT(b != MAP_FAILED, "child: mmap: %s", t_errname(errno));
		tf_fillpage((unsigned int *)(b + T_PGSZ), 1, 1);
		t_writeall(top[1], "1", 1);
		EXPECT(t_readall(toc[0], &c, 1) == 1, "child: no go-ahead");
		tf_checkpage((unsigned int *)(b + 2 * T_PGSZ), 1, 2,
		    "child: the parent's write through its mapping");
		tf_checkpage((unsigned int *)(b + 3 * T_PGSZ), 1, 3,
		    "child: the parent's write(2)");
		_exit(0);
	}
	EXPECT(t_readall(top[0], &c, 1) == 1, "no word from the child");
	tf_checkpage((unsigned int *)(a + T_PGSZ), 1, 1,
	    "the child's write, through our mapping");
	EXPECT(tf_pread(fd, page, T_PGSZ, T_PGSZ) == (long)T_PGSZ,
	    "read(2) of page 1");
	tf_checkpage(page, 1, 1, "the child's write, through read(2)");
	tf_fillpage((unsigned int *)(a + 2 * T_PGSZ), 1, 2);
	tf_fillpage(page, 1, 3);
	tf_pwrite(fd, page, T_PGSZ, 3 * T_PGSZ);
	t_writeall(toc[1], "2", 1);
	t_expect_exit(pid, 0, "the child that mapped the file");

	/* A child that inherits the shared mapping writes page 0. */
	pid = t_fork();
	if (pid == 0) {
		tf_fillpage((unsigned int *)a, 1, 0);
		_exit(0);
	}
	t_expect_exit(pid, 0, "the child that inherited the mapping");
	tf_checkpage((unsigned int *)a, 1, 0, "the inheriting child's write");

	/* What the records say about it. */
	tf_front_object(a, &kvo, NULL);
	EXPECT((kvo.kvo_flags & KVO_F_FILE) && (kvo.kvo_flags &
	    KVO_F_INTERNAL) && strcmp(kvo.kvo_path, "mapped.file") == 0 &&
	    kvo.kvo_size >= 4 && kvo.kvo_ref_count >= 2,
	    "the shared mapping's object: flags 0x%x path \"%s\" size %u "
	    "refs %d", kvo.kvo_flags, kvo.kvo_path, kvo.kvo_size,
	    kvo.kvo_ref_count);
	st = tf_run("/bin/vmobjdump", av, out, sizeof(out));
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "vmobjdump -f "
	    "failed: status 0x%x", st);
	EXPECT(strstr(out, " F--- mapped.file\n") != NULL, "vmobjdump -f "
	    "does not list mapped.file with flag F:\n%s", out);

	/* Private: copy-on-write. */
	pr = mmap(NULL, 4 * T_PGSZ, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd,
	    0);
	EXPECT(pr != MAP_FAILED, "mmap MAP_PRIVATE: %s", t_errname(errno));
	tf_checkpage((unsigned int *)(pr + T_PGSZ), 1, 1,
	    "the private mapping before writing");
	tf_fillpage((unsigned int *)(pr + T_PGSZ), 2, 1);
	tf_checkpage((unsigned int *)(a + T_PGSZ), 1, 1,
	    "the shared mapping after a private write");
	EXPECT(tf_pread(fd, page, T_PGSZ, T_PGSZ) == (long)T_PGSZ,
	    "read(2) of page 1");
	tf_checkpage(page, 1, 1, "the file after a private write");
	tf_front_object(pr, &kvo, &back);
	EXPECT(!(kvo.kvo_flags & KVO_F_FILE) && (back.kvo_flags & KVO_F_FILE),
	    "the private mapping: front object flags 0x%x, backing 0x%x; "
	    "expected a shadow of the file's object", kvo.kvo_flags,
	    back.kvo_flags);
	EXPECT_OK(munmap(pr, 4 * T_PGSZ));

	/* Shared and writable needs a descriptor open for writing. */
	rfd = open(path, O_RDONLY);
	EXPECT(rfd >= 0, "open O_RDONLY: %s", t_errname(errno));
	EXPECT_ERR((long)mmap(NULL, T_PGSZ, PROT_READ | PROT_WRITE,
	    MAP_SHARED, rfd, 0), EACCES);
	b = mmap(NULL, T_PGSZ, PROT_READ, MAP_SHARED, rfd, 0);
	EXPECT(b != MAP_FAILED, "mmap read-only: %s", t_errname(errno));
	EXPECT_ERR(mprotect(b, T_PGSZ, PROT_READ | PROT_WRITE), EACCES);
	EXPECT_OK(munmap(b, T_PGSZ));
	close(rfd);

	/* Past the end of a one-page file. */
	fd2 = open(tf_path(out, sizeof(out), "short"), O_RDWR | O_CREAT, 0644);
	EXPECT(fd2 >= 0, "create short: %s", t_errname(errno));
	t_writeall(fd2, "S", 1);
	d = mmap(NULL, 4 * T_PGSZ, PROT_READ | PROT_WRITE, MAP_SHARED, fd2,
	    0);
	EXPECT(d != MAP_FAILED, "mmap past the end: %s", t_errname(errno));
	EXPECT(d[0] == 'S', "the file's byte through the mapping");
	t_check_zero(d + 1, 4 * T_PGSZ - 1, "the mapping past the end");
	d[3 * T_PGSZ] = 'Z';
	d[100] = 'Y';
	EXPECT(tf_size(fd2) == 1, "writing past the end changed the size to "
	    "%ld", (long)tf_size(fd2));
	EXPECT(tf_pread(fd2, page, 10, 3 * T_PGSZ) == 0,
	    "read(2) past the end");
	EXPECT_OK(ftruncate(fd2, 4 * T_PGSZ));
	EXPECT(d[3 * T_PGSZ] == 0 && d[100] == 0, "after growing the file, "
	    "bytes written past its old end read 0x%02x and 0x%02x, not 0",
	    d[3 * T_PGSZ], d[100]);
	EXPECT_OK(munmap(d, 4 * T_PGSZ));
	close(fd2);

	/* Removed and closed, the file's pages live on in the mapping. */
	EXPECT_OK(unlink(path));
	close(fd);
	EXPECT(tf_sysctl_uint("vfs.tmpfs.nodes_used") == nodes0 + 1,
	    "mapped.file's vnode outlived its last close");
	tf_checkpage((unsigned int *)a, 1, 0, "the mapping of a removed file");
	tf_checkpage((unsigned int *)(a + 3 * T_PGSZ), 1, 3,
	    "the mapping of a removed file");
	tf_front_object(a, &kvo, NULL);
	EXPECT(!(kvo.kvo_flags & KVO_F_FILE) && kvo.kvo_ref_count == 1,
	    "a removed file's object: flags 0x%x refs %d", kvo.kvo_flags,
	    kvo.kvo_ref_count);
	EXPECT_OK(munmap(a, 4 * T_PGSZ));
	EXPECT_OK(unlink(tf_path(path, sizeof(path), "short")));
	EXPECT(tf_sysctl_uint("vfs.tmpfs.pages_used") == pages0,
	    "pages_used %u, expected %u",
	    tf_sysctl_uint("vfs.tmpfs.pages_used"), pages0);
	tf_end();
}

/* Copy file from to a new file to with mode. */
static void
tf_copy(const char *from, const char *to, mode_t mode)
{
	static char buf[8192];
	long n;
	int in, out;

	in = open(from, O_RDONLY);
	EXPECT(in >= 0, "open %s: %s", from, t_errname(errno));
	out = open(to, O_WRONLY | O_CREAT | O_EXCL, mode);
	EXPECT(out >= 0, "create %s: %s", to, t_errname(errno));
	while ((n = t_readall(in, buf, sizeof(buf))) > 0)
		t_writeall(out, buf, n);
	close(in);
	close(out);
}

/*
 * A program copied into /tmp runs from there: exec reads its headers
 * through the file system and maps the file's object.  Without execute
 * permission, EACCES.
 */
void
test_tmpfs_exec(void)
{
	char path[MAXPATHLEN], out[256];
	char *av[] = { "echo", "hello", "from", "tmp", NULL };
	char *const envp[] = { NULL };
	int st;

	tf_begin("exec");
	tf_copy("/bin/echo", tf_path(path, sizeof(path), "echo"), 0755);
	st = tf_run(path, av, out, sizeof(out));
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "/tmp/t.exec/echo: status 0x%x", st);
	EXPECT(strcmp(out, "hello from tmp\n") == 0,
	    "/tmp/t.exec/echo printed \"%s\"", out);
	tf_copy("/bin/echo", tf_path(path, sizeof(path), "noexec"), 0644);
	EXPECT_ERR(execve(path, av, envp), EACCES);
	tf_end();
}

/*
 * vm.object_audit counts the objects of /tmp files as reachable (not
 * leaked), mapped or not, and vm.swap_audit finds their swap in order.
 */
void
test_tmpfs_audit(void)
{
	struct vm_object_audit oa;
	struct swap_audit sa;
	char path[MAXPATHLEN], name[16];
	unsigned int files0;
	void *m;
	int fd, i, e;

	tf_begin("audit");
	if ((e = t_sysctl_struct("vm.object_audit", &oa, sizeof(oa))) != 0)
		FAIL("vm.object_audit: %s", t_errname(e));
	files0 = oa.oa_files;
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		fd = open(tf_path(path, sizeof(path), name),
		    O_RDWR | O_CREAT, 0644);
		EXPECT(fd >= 0, "create %s: %s", path, t_errname(errno));
		tf_writepages(fd, i, 0, 2, path);
		if (i == 1) {
			m = mmap(NULL, 2 * T_PGSZ, PROT_READ, MAP_SHARED, fd,
			    0);
			EXPECT(m != MAP_FAILED, "mmap: %s", t_errname(errno));
			tf_checkpage((unsigned int *)((char *)m + T_PGSZ), 1,
			    1, "f1 through a mapping");
			EXPECT_OK(munmap(m, 2 * T_PGSZ));
		}
		close(fd);
	}
	if ((e = t_sysctl_struct("vm.object_audit", &oa, sizeof(oa))) != 0)
		FAIL("vm.object_audit: %s", t_errname(e));
	EXPECT(oa.oa_unreachable == 0 && oa.oa_broken == 0,
	    "vm.object_audit: %u unreachable objects (%u pages), %u broken",
	    oa.oa_unreachable, oa.oa_leaked_pages, oa.oa_broken);
	EXPECT(oa.oa_files == files0 + 3, "vm.object_audit counts %u file "
	    "objects, expected %u", oa.oa_files, files0 + 3);
	if ((e = t_sysctl_struct("vm.swap_audit", &sa, sizeof(sa))) != 0)
		FAIL("vm.swap_audit: %s", t_errname(e));
	EXPECT(sa.sa_errors == 0, "vm.swap_audit: %u errors", sa.sa_errors);
	tf_end();
	if ((e = t_sysctl_struct("vm.object_audit", &oa, sizeof(oa))) != 0)
		FAIL("vm.object_audit: %s", t_errname(e));
	EXPECT(oa.oa_files == files0 && oa.oa_unreachable == 0,
	    "after removing the files: %u file objects, %u unreachable",
	    oa.oa_files, oa.oa_unreachable);
}

/*
 * The size limit: a sparse file reserves all but 8 pages of /tmp (holes
 * count: they may be filled).  A 5-page file fits; the next 5-page
 * write writes the 3 pages that fit and says so, the one after fails
 * with ENOSPC, and so does growing a file with ftruncate; the files
 * keep every byte they had.  Shrinking the sparse file gives the space
 * back.  The vnode limit: files until ENOSPC, then mkdir fails too.
 */
void
test_tmpfs_enospc(void)
{
	static unsigned int buf[5 * 4096 / 4];
	unsigned int pages_max, pages0, nodes_max, nodes0, made;
	char path[MAXPATHLEN], name[32];
	long n;
	int big, f1, f2, fd;

	tf_begin("enospc");
	pages_max = tf_sysctl_uint("vfs.tmpfs.pages_max");
	pages0 = tf_sysctl_uint("vfs.tmpfs.pages_used");
	big = open(tf_path(path, sizeof(path), "big"), O_RDWR | O_CREAT,
	    0644);
	EXPECT(big >= 0, "create big: %s", t_errname(errno));
	EXPECT_OK(ftruncate(big, (off_t)(pages_max - pages0 - 8) * T_PGSZ));
	EXPECT(tf_sysctl_uint("vfs.tmpfs.pages_used") == pages_max - 8,
	    "a sparse file of %u pages: pages_used %u",
	    pages_max - pages0 - 8, tf_sysctl_uint("vfs.tmpfs.pages_used"));

	f1 = open(tf_path(path, sizeof(path), "f1"), O_RDWR | O_CREAT, 0644);
	f2 = open(tf_path(path, sizeof(path), "f2"), O_RDWR | O_CREAT, 0644);
	EXPECT(f1 >= 0 && f2 >= 0, "create f1, f2: %s", t_errname(errno));
	tf_writepages(f1, 1, 0, 5, "f1");
	for (n = 0; n < 5; n++)
		tf_fillpage(buf + n * (T_PGSZ / 4), 2, n);
	n = write(f2, buf, sizeof(buf));
	EXPECT(n == (long)(3 * T_PGSZ), "a 5-page write into 3 free pages "
	    "returned %ld (%s), expected %lu", n, t_errname(errno),
	    3 * T_PGSZ);
	EXPECT_ERR(write(f2, buf, sizeof(buf)), ENOSPC);
	EXPECT_ERR(write(f2, buf, 1), ENOSPC);
	EXPECT_ERR(ftruncate(f1, 6 * T_PGSZ), ENOSPC);
	fd = open(tf_path(path, sizeof(path), "f3"), O_RDWR | O_CREAT, 0644);
	EXPECT(fd >= 0, "an empty file still fits: %s", t_errname(errno));
	EXPECT_ERR(write(fd, buf, 1), ENOSPC);
	close(fd);
	EXPECT(tf_size(f1) == (off_t)(5 * T_PGSZ) &&
	    tf_size(f2) == (off_t)(3 * T_PGSZ), "sizes %ld and %ld after "
	    "ENOSPC", (long)tf_size(f1), (long)tf_size(f2));
	EXPECT(lseek(f1, 0, SEEK_SET) == 0 && lseek(f2, 0, SEEK_SET) == 0,
	    "lseek");
	tf_readpages(f1, 1, 0, 5, "f1 after ENOSPC");
	tf_readpages(f2, 2, 0, 3, "f2 after ENOSPC");

	/* Space back. */
	EXPECT_OK(ftruncate(big, 0));
	EXPECT(lseek(f2, 0, SEEK_END) == (off_t)(3 * T_PGSZ), "lseek");
	t_writeall(f2, buf + 3 * (T_PGSZ / 4), 2 * T_PGSZ);
	EXPECT(lseek(f2, 0, SEEK_SET) == 0, "lseek");
	tf_readpages(f2, 2, 0, 5, "f2 after freeing space");
	close(f1);
	close(f2);
	close(big);

	/* Vnodes. */
	nodes_max = tf_sysctl_uint("vfs.tmpfs.nodes_max");
	nodes0 = tf_sysctl_uint("vfs.tmpfs.nodes_used");
	for (made = 0;; made++) {
		snprintf(name, sizeof(name), "n%u", made);
		fd = open(tf_path(path, sizeof(path), name),
		    O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd == -1)
			break;
		close(fd);
		EXPECT(made < nodes_max, "more than %u files", nodes_max);
	}
	EXPECT(errno == ENOSPC, "creating file %u: %s, expected ENOSPC",
	    made, t_errname(errno));
	EXPECT(made == nodes_max - nodes0, "%u files made, %u vnodes were "
	    "free", made, nodes_max - nodes0);
	EXPECT_ERR(mkdir(tf_path(path, sizeof(path), "dir"), 0755), ENOSPC);
	tf_end();
	EXPECT(tf_sysctl_uint("vfs.tmpfs.pages_used") == pages0,
	    "pages_used %u at the end, %u at the start",
	    tf_sysctl_uint("vfs.tmpfs.pages_used"), pages0);
}

/* Sum the swap blocks and resident pages of /tmp file objects named
 * PREFIX*, from vm.objects; returns how many there are. */
static unsigned int
tf_file_objects(const char *prefix, unsigned long *swp, unsigned long *res)
{
	const struct kinfo_vmobject *kvo;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec = NULL;
	unsigned int i, n = 0;
	size_t len;

	*swp = *res = 0;
	kvh = kinfo_getvmobjects(&len);
	EXPECT(kvh != NULL, "vm.objects: %s", t_errname(errno));
	for (i = 0; i < kvh->kvh_nobjects; i++) {
		kvo = kinfo_vmrec_next(kvh, len, rec, sizeof(*kvo));
		EXPECT(kvo != NULL, "vm.objects: record %u malformed", i);
		rec = kvo;
		if ((kvo->kvo_flags & KVO_F_FILE) == 0 ||
		    strncmp(kvo->kvo_path, prefix, strlen(prefix)) != 0)
			continue;
		n++;
		*swp += kvo->kvo_swapped;
		*res += kvo->kvo_resident;
	}
	free(kvh);
	return (n);
}

#define	TF_FILL_PAGES	256		/* pages per file: 1 MiB */

/*
 * In a boot with less memory than /tmp may hold (mem=16M tmpfs=24M):
 * fill /tmp with 1 MiB files until ENOSPC.  More pages than memory
 * holds must then be on swap, which the files' objects' swap counts
 * (the vm.objects records) show; the audits agree.  Every page reads
 * back, through read(2) for even files and through a mapping for odd
 * ones.  Removing the files frees their swap: swap in use falls by
 * their blocks, less what was paged out meanwhile.
 */
void
test_tmpfs_fill(void)
{
	static unsigned int page[4096 / 4];
	unsigned long swp, res, swp1, res1, written = 0, physpages;
	unsigned int i, nfiles, pages0, pages_max, swap0, swap1, po0, po1;
	struct vm_object_audit oa;
	struct swap_audit sa;
	char path[MAXPATHLEN], name[32];
	unsigned long pg;
	int fd, e, physmem;
	char *m;
	long n;

	tf_begin("fill");
	if ((e = t_sysctl_int("hw.physmem", &physmem)) != 0)
		FAIL("hw.physmem: %s", t_errname(e));
	physpages = (unsigned long)physmem / T_PGSZ;
	pages0 = tf_sysctl_uint("vfs.tmpfs.pages_used");
	pages_max = tf_sysctl_uint("vfs.tmpfs.pages_max");
	EXPECT(pages_max - pages0 > physpages, "/tmp holds %u pages, memory "
	    "%lu: boot with more /tmp than memory (tmpfs=, mem=)",
	    pages_max - pages0, physpages);

	/* Fill. */
	for (nfiles = 0;; nfiles++) {
		snprintf(name, sizeof(name), "fill.%u", nfiles);
		fd = open(tf_path(path, sizeof(path), name),
		    O_WRONLY | O_CREAT | O_EXCL, 0644);
		EXPECT(fd >= 0, "create %s: %s", path, t_errname(errno));
		for (pg = 0; pg < TF_FILL_PAGES; pg++) {
			tf_fillpage(page, nfiles, pg);
			n = write(fd, page, T_PGSZ);
			if (n == -1)
				break;
			EXPECT(n == (long)T_PGSZ, "%s: page %lu: a short "
			    "write of %ld", path, pg, n);
			written++;
		}
		close(fd);
		if (pg < TF_FILL_PAGES) {
			EXPECT(errno == ENOSPC, "%s: page %lu: %s, expected "
			    "ENOSPC", path, pg, t_errname(errno));
			if (pg == 0)
				EXPECT_OK(unlink(path));
			else
				nfiles++;
			break;
		}
	}
	EXPECT(written == pages_max - pages0, "%lu pages written before "
	    "ENOSPC, /tmp had %u free", written, pages_max - pages0);

	/* Where the pages are. */
	EXPECT(tf_file_objects("fill.", &swp, &res) == nfiles,
	    "vm.objects lists %u file objects, expected %u",
	    tf_file_objects("fill.", &swp, &res), nfiles);
	t_printf("fill: %lu pages in %u files, memory %lu pages: %lu "
	    "resident, %lu on swap", written, nfiles, physpages, res, swp);
	EXPECT(swp > 0 && swp >= written - physpages, "only %lu of the "
	    "files' %lu pages are on swap, memory holds %lu", swp, written,
	    physpages);
	EXPECT(res + swp >= written, "%lu resident and %lu on swap: pages "
	    "are missing of %lu", res, swp, written);
	if ((e = t_sysctl_struct("vm.swap_audit", &sa, sizeof(sa))) != 0)
		FAIL("vm.swap_audit: %s", t_errname(e));
	EXPECT(sa.sa_errors == 0 && sa.sa_file_blocks > 0, "vm.swap_audit: "
	    "%u errors, %u blocks of files", sa.sa_errors, sa.sa_file_blocks);
	if ((e = t_sysctl_struct("vm.object_audit", &oa, sizeof(oa))) != 0)
		FAIL("vm.object_audit: %s", t_errname(e));
	EXPECT(oa.oa_unreachable == 0 && oa.oa_files == nfiles,
	    "vm.object_audit: %u unreachable, %u file objects (expected "
	    "%u)", oa.oa_unreachable, oa.oa_files, nfiles);

	/* Every page back. */
	for (i = 0; i < nfiles; i++) {
		snprintf(name, sizeof(name), "fill.%u", i);
		fd = open(tf_path(path, sizeof(path), name), O_RDONLY);
		EXPECT(fd >= 0, "open %s: %s", path, t_errname(errno));
		n = (long)(tf_size(fd) / T_PGSZ);
		if (i % 2 == 0)
			tf_readpages(fd, i, 0, n, path);
		else {
			m = mmap(NULL, n * T_PGSZ, PROT_READ, MAP_SHARED, fd,
			    0);
			EXPECT(m != MAP_FAILED, "mmap %s: %s", path,
			    t_errname(errno));
			for (pg = 0; pg < (unsigned long)n; pg++)
				tf_checkpage((unsigned int *)(m + pg * T_PGSZ),
				    i, pg, path);
			EXPECT_OK(munmap(m, n * T_PGSZ));
		}
		close(fd);
	}

	/* Remove them: their swap goes. */
	swap0 = tf_sysctl_uint("vm.swap_used");
	po0 = tf_sysctl_uint("vm.stats.pageouts");
	tf_file_objects("fill.", &swp, &res);
	tf_end();
	swap1 = tf_sysctl_uint("vm.swap_used");
	po1 = tf_sysctl_uint("vm.stats.pageouts");
	t_printf("fill: after rm, swap in use %u -> %u pages (the files had "
	    "%lu, %u pageouts meanwhile)", swap0, swap1, swp, po1 - po0);
	EXPECT(tf_file_objects("fill.", &swp1, &res1) == 0,
	    "file objects remain after rm");
	EXPECT(swap1 + swp <= swap0 + (po1 - po0), "swap in use went from "
	    "%u to %u pages; the files held %lu blocks", swap0, swap1, swp);
	if ((e = t_sysctl_struct("vm.swap_audit", &sa, sizeof(sa))) != 0)
		FAIL("vm.swap_audit: %s", t_errname(e));
	EXPECT(sa.sa_errors == 0 && sa.sa_file_blocks == 0, "vm.swap_audit "
	    "after rm: %u errors, %u blocks of files", sa.sa_errors,
	    sa.sa_file_blocks);
}
