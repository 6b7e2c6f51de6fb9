/*
 * t_filetools.c: tests of the file tools, mkdir, rmdir, rm, cp, mv,
 * touch, tee and dd, run by /bin/sh -c in /tmp: what they do to the
 * files, what they print, their error messages in the conventional
 * form ("rm: x: No such file or directory") and their exit status.
 *
 * Each test works in /tmp/t.NAME (made and removed with the tools
 * themselves, then checked gone) and leaves /tmp as it found it.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

#define	FT_ERRFILE	"/tmp/.t.filetools.err"

static char ft_dir[64];

/* Standard output and error of the last command, and its status. */
static char ft_out[8192], ft_err[2048];
static int ft_status;

/* Read file path into buf (NUL-terminated); returns its length. */
static size_t
ft_slurp(const char *path, char *buf, size_t size)
{
	long n;
	int fd;

	fd = open(path, O_RDONLY);
	EXPECT(fd >= 0, "open %s: %s", path, t_errname(errno));
	n = t_readall(fd, buf, size - 1);
	close(fd);
	buf[n] = '\0';
	return ((size_t)n);
}

/*
 * Run cmd with /bin/sh -c, as uid (0: as we are), in the test's
 * directory; ft_out, ft_err and ft_status get what happened.
 */
static void
ft_sh_as(uid_t uid, const char *cmd)
{
	size_t len = 0;
	ssize_t n;
	pid_t pid;
	int p[2], fd;

	t_pipe(p);
	pid = t_fork();
	if (pid == 0) {
		fd = open(FT_ERRFILE, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd == -1 || dup2(fd, 2) == -1 || dup2(p[1], 1) == -1 ||
		    chdir(ft_dir) == -1)
			_exit(126);
		close(fd);
		close(p[0]);
		close(p[1]);
		if (uid != 0 && (setgid(uid) == -1 || setuid(uid) == -1))
			_exit(126);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	while ((n = read(p[0], ft_out + len, sizeof(ft_out) - 1 - len)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		EXPECT(n > 0, "reading the output of \"%s\": %s", cmd,
		    t_errname(errno));
		len += n;
		EXPECT(len < sizeof(ft_out) - 1, "\"%s\" printed too much",
		    cmd);
	}
	ft_out[len] = '\0';
	close(p[0]);
	ft_status = t_wait(pid);
	ft_slurp(FT_ERRFILE, ft_err, sizeof(ft_err));
	EXPECT_OK(unlink(FT_ERRFILE));
}

static void
ft_sh(const char *cmd)
{

	ft_sh_as(0, cmd);
}

/*
 * Run cmd; fail unless it exits with code and prints out and err
 * exactly (NULL: anything).
 */
static void
ft_expect(const char *cmd, int code, const char *out, const char *err)
{

	ft_sh(cmd);
	EXPECT(WIFEXITED(ft_status) && WEXITSTATUS(ft_status) == code,
	    "\"%s\": status 0x%x, expected exit %d; stderr: %s", cmd,
	    ft_status, code, ft_err);
	EXPECT(out == NULL || strcmp(ft_out, out) == 0,
	    "\"%s\" printed \"%s\", expected \"%s\"", cmd, ft_out, out);
	EXPECT(err == NULL || strcmp(ft_err, err) == 0,
	    "\"%s\" said \"%s\" on stderr, expected \"%s\"", cmd, ft_err,
	    err);
}

/* Fail unless path (in the test's directory) holds exactly s. */
static void
ft_expect_file(const char *name, const char *s)
{
	char path[MAXPATHLEN];
	static char buf[8192];

	snprintf(path, sizeof(path), "%s/%s", ft_dir, name);
	ft_slurp(path, buf, sizeof(buf));
	EXPECT(strcmp(buf, s) == 0, "%s holds \"%s\", expected \"%s\"", name,
	    buf, s);
}

static int
ft_exists(const char *name)
{
	char path[MAXPATHLEN];
	struct stat sb;

	snprintf(path, sizeof(path), "%s/%s", ft_dir, name);
	return (stat(path, &sb) == 0);
}

/* Make the test's directory, with rm(1) and mkdir(1), from "/". */
static void
ft_begin(const char *name)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf /tmp/t.%s && mkdir -m 777 "
	    "/tmp/t.%s", name, name);
	strlcpy(ft_dir, "/", sizeof(ft_dir));
	ft_expect(cmd, 0, "", "");
	snprintf(ft_dir, sizeof(ft_dir), "/tmp/t.%s", name);
	EXPECT(ft_exists("."), "mkdir did not make %s", ft_dir);
}

/* Remove the test's directory with rm -r, and check it is gone. */
static void
ft_end(void)
{
	char cmd[128], dir[64];
	struct stat sb;

	strlcpy(dir, ft_dir, sizeof(dir));
	snprintf(cmd, sizeof(cmd), "rm -r %s", dir);
	strlcpy(ft_dir, "/", sizeof(ft_dir));
	ft_expect(cmd, 0, "", "");
	EXPECT_ERR(stat(dir, &sb), ENOENT);
}

/*
 * mkdir (-p, -m) and rmdir (-p): what they make and remove, and their
 * errors.
 */
void
test_tools_mkdir(void)
{
	char path[MAXPATHLEN];
	struct stat sb;

	ft_begin("mkdir");
	ft_expect("mkdir -p a/b/c && mkdir a/x && mkdir -m 700 m && ls a", 0,
	    "b\nx\n", "");
	snprintf(path, sizeof(path), "%s/m", ft_dir);
	EXPECT_OK(stat(path, &sb));
	EXPECT(S_ISDIR(sb.st_mode) && (sb.st_mode & 07777) == 0700,
	    "mkdir -m 700: mode 0%o", sb.st_mode);
	snprintf(path, sizeof(path), "%s/a/x", ft_dir);
	EXPECT_OK(stat(path, &sb));
	EXPECT((sb.st_mode & 07777) == 0755, "mkdir under umask 022: mode "
	    "0%o", sb.st_mode);
	ft_expect("mkdir a", 1, "", "mkdir: a: File exists\n");
	ft_expect("mkdir -p a/b a/b/c", 0, "", "");
	ft_expect("mkdir q/r", 1, "", "mkdir: q/r: No such file or "
	    "directory\n");
	ft_expect("mkdir /newdir", 1, "", "mkdir: /newdir: Read-only file "
	    "system\n");
	ft_expect("mkdir -m 9 z", 1, "", "mkdir: 9: invalid file mode\n");
	ft_expect("mkdir", 1, "", "usage: mkdir [-p] [-m mode] directory "
	    "...\n");
	ft_expect("rmdir a", 1, "", "rmdir: a: Directory not empty\n");
	ft_expect("rmdir nope", 1, "", "rmdir: nope: No such file or "
	    "directory\n");
	ft_expect("rmdir /tmp", 1, "", "rmdir: /tmp: Device busy\n");
	/* -p: c and b go, a holds x and stays. */
	ft_expect("rmdir -p a/b/c", 1, "", "rmdir: a: Directory not "
	    "empty\n");
	EXPECT(!ft_exists("a/b") && ft_exists("a/x"), "rmdir -p a/b/c "
	    "removed the wrong directories");
	ft_expect("rmdir a/x m && rmdir a", 0, "", "");
	ft_end();
}

/* rm: files, trees with -r, -f, and its refusals. */
void
test_tools_rm(void)
{

	ft_begin("rm");
	ft_expect("mkdir -p d/e/f && touch f d/g d/e/h d/e/f/i", 0, "", "");
	ft_expect("rm f && ls", 0, "d\n", "");
	ft_expect("rm f", 1, "", "rm: f: No such file or directory\n");
	ft_expect("rm -f f", 0, "", "");
	ft_expect("rm -f", 0, "", "");
	ft_expect("rm d", 1, "", "rm: d: is a directory\n");
	ft_expect("rm .", 1, "", "rm: \".\" and \"..\" may not be removed\n");
	ft_expect("rm d/e/..", 1, "", "rm: \".\" and \"..\" may not be "
	    "removed\n");
	ft_expect("rm /etc/passwd", 1, "", "rm: /etc/passwd: Read-only file "
	    "system\n");
	ft_expect("rm -r d && ls", 0, "", "");
	/* In sticky /tmp, uid 1000 may not remove root's file. */
	ft_expect("touch /tmp/.t.rm.root", 0, "", "");
	ft_sh_as(1000, "rm /tmp/.t.rm.root");
	EXPECT(WIFEXITED(ft_status) && WEXITSTATUS(ft_status) == 1 &&
	    strcmp(ft_err, "rm: /tmp/.t.rm.root: Operation not permitted\n")
	    == 0, "uid 1000 removing root's file in /tmp: status 0x%x, "
	    "\"%s\"", ft_status, ft_err);
	ft_expect("rm /tmp/.t.rm.root", 0, "", "");
	ft_expect("rm", 1, "", "usage: rm [-fRr] file ...\n");
	ft_end();
}

/*
 * cp (files, -R trees, into a directory, onto itself) and mv (rename,
 * into a directory, over an empty directory, between file systems).
 */
void
test_tools_cp_mv(void)
{
	static char a[8192], b[8192];
	char path[MAXPATHLEN];
	struct stat sb;

	ft_begin("cpmv");
	ft_expect("echo data > f && cp f g && cat g", 0, "data\n", "");
	ft_expect("mkdir d && cp f g d && ls d", 0, "f\ng\n", "");
	ft_expect("cp -R d e && mkdir e/s && touch e/s/t && cp -R e e/s && "
	    "ls e/s e/s/e", 0, "e/s:\ne\nt\n\ne/s/e:\nf\ng\ns\n", "");
	ft_expect("cp d x", 1, "", "cp: d is a directory (not copied).\n");
	ft_expect("cp nope x", 1, "", "cp: nope: No such file or "
	    "directory\n");
	ft_expect("cp f f", 1, "", "cp: f and f are identical (not "
	    "copied).\n");
	ft_expect("cp f g nope", 1, "", "cp: nope is not a directory\n");
	ft_expect("cp f /f", 1, "", "cp: /f: Read-only file system\n");
	/* A program keeps its permissions (less the umask) and runs. */
	ft_expect("cp /bin/echo ./echo && ./echo copied", 0, "copied\n", "");

	ft_expect("mv f h && ls", 0, "d\ne\necho\ng\nh\n", "");
	ft_expect("mv h g d && ls d", 0, "f\ng\nh\n", "");
	ft_expect("mkdir empty && mv e empty && ls empty", 0, "e\n", "");
	ft_expect("mv nope x", 1, "", "mv: nope: No such file or "
	    "directory\n");
	ft_expect("mv d d/x", 1, "", "mv: rename d to d/x: Invalid "
	    "argument\n");
	ft_expect("mkdir -p full/e && touch full/e/y && mv empty/e full", 1,
	    "", "mv: rename empty/e to full/e: Directory not empty\n");
	/* Between file systems: copied, and the source cannot go. */
	ft_expect("mv /etc/passwd pw", 1, "", "rm: /etc/passwd: Read-only "
	    "file system\n");
	ft_slurp("/etc/passwd", a, sizeof(a));
	ft_expect_file("pw", a);
	snprintf(path, sizeof(path), "%s/pw", ft_dir);
	EXPECT_OK(stat(path, &sb));
	EXPECT((sb.st_mode & 07777) == 0644, "mv kept mode 0%o",
	    sb.st_mode);
	ft_expect("mv d /d", 1, "", "cp: /d: Read-only file system\n");
	ft_slurp("/bin/echo", a, sizeof(a));
	snprintf(path, sizeof(path), "%s/echo", ft_dir);
	ft_slurp(path, b, sizeof(b));
	EXPECT(memcmp(a, b, sizeof(a)) == 0, "cp /bin/echo: the copy "
	    "differs");
	ft_end();
}

/* touch (-c) and tee (-a): files made, times set, output copied. */
void
test_tools_touch_tee(void)
{
	char path[MAXPATHLEN];
	struct timeval tv[2];
	struct stat sb;

	ft_begin("touch");
	ft_expect("touch new && touch -c none && ls", 0, "new\n", "");
	snprintf(path, sizeof(path), "%s/new", ft_dir);
	EXPECT_OK(stat(path, &sb));
	EXPECT(S_ISREG(sb.st_mode) && sb.st_size == 0 &&
	    (sb.st_mode & 07777) == 0644, "touch made mode 0%o size %ld",
	    sb.st_mode, (long)sb.st_size);
	tv[0].tv_sec = tv[1].tv_sec = 1000;
	tv[0].tv_usec = tv[1].tv_usec = 0;
	EXPECT_OK(utimes(path, tv));
	EXPECT_OK(stat(path, &sb));
	EXPECT(sb.st_mtime == 1000 && sb.st_atime == 1000,
	    "utimes set mtime %ld atime %ld", (long)sb.st_mtime,
	    (long)sb.st_atime);
	ft_expect("touch new", 0, "", "");
	EXPECT_OK(stat(path, &sb));
	EXPECT(sb.st_mtime > 1000 && sb.st_atime > 1000, "touch left mtime "
	    "%ld atime %ld", (long)sb.st_mtime, (long)sb.st_atime);
	ft_expect("touch /etc/passwd", 1, "", "touch: /etc/passwd: "
	    "Read-only file system\n");
	ft_expect("touch no/such", 1, "", "touch: no/such: No such file or "
	    "directory\n");

	ft_expect("echo hi | tee t1 t2", 0, "hi\n", "");
	ft_expect_file("t1", "hi\n");
	ft_expect_file("t2", "hi\n");
	ft_expect("echo there | tee -a t1", 0, "there\n", "");
	ft_expect_file("t1", "hi\nthere\n");
	ft_expect("echo again | tee t1 no/such t2", 1, "again\n",
	    "tee: no/such: No such file or directory\n");
	ft_expect_file("t1", "again\n");
	ft_expect_file("t2", "again\n");
	ft_end();
}

/*
 * dd: a whole file in blocks, count and skip, seek with and without
 * conv=notrunc, its record counts, and its errors.
 */
void
test_tools_dd(void)
{
	static char a[8192], b[8192];
	char path[MAXPATHLEN], want[128];
	struct stat sb;
	size_t n;

	ft_begin("dd");
	EXPECT_OK(stat("/bin/echo", &sb));
	snprintf(want, sizeof(want), "%ld+%d records in\n%ld+%d records out\n"
	    "%ld bytes transferred\n", (long)sb.st_size / 1024,
	    sb.st_size % 1024 != 0, (long)sb.st_size / 1024,
	    sb.st_size % 1024 != 0, (long)sb.st_size);
	ft_expect("dd if=/bin/echo of=e bs=1k", 0, "", want);
	snprintf(path, sizeof(path), "%s/e", ft_dir);
	ft_slurp("/bin/echo", a, sizeof(a));
	ft_slurp(path, b, sizeof(b));
	EXPECT(memcmp(a, b, sizeof(a)) == 0, "dd's copy of /bin/echo "
	    "differs");
	ft_expect("dd if=/bin/echo of=part bs=1k skip=1 count=2", 0, "",
	    "2+0 records in\n2+0 records out\n2048 bytes transferred\n");
	snprintf(path, sizeof(path), "%s/part", ft_dir);
	n = ft_slurp(path, b, sizeof(b));
	EXPECT(n == 2048 && memcmp(a + 1024, b, 2048) == 0,
	    "dd skip=1 count=2 copied the wrong %zu bytes", n);
	/* seek=1 without notrunc: the file ends after the one block. */
	ft_expect("echo 0123456789 > s && echo ab | dd of=s bs=2 seek=1 "
	    "count=1 2>/dev/null && cat s", 0, "01ab", "");
	ft_expect("echo 0123456789 > s && echo ab | dd of=s bs=2 seek=1 "
	    "count=1 conv=notrunc 2>/dev/null && cat s", 0, "01ab456789\n",
	    "");
	ft_expect("echo hello | dd bs=4", 0, "hello\n",
	    "1+1 records in\n1+1 records out\n6 bytes transferred\n");
	ft_expect("dd bad", 1, "", "dd: unknown operand bad\n");
	ft_expect("dd bs=0", 1, "", "dd: bs: illegal numeric value\n");
	ft_expect("dd count=x", 1, "", "dd: count: illegal numeric value\n");
	ft_expect("dd if=nope", 1, "", "dd: nope: No such file or directory\n"
	    "0+0 records in\n0+0 records out\n0 bytes transferred\n");
	ft_end();
}
