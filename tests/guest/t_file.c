/*
 * t_file.c: tests of files on the read-only ramdisk (open, read,
 * lseek, fstat, stat, access, getdirentries, chdir and getcwd, and
 * their errors), of descriptors (dup, dup2, close, F_DUPFD, EMFILE),
 * of user ids and privilege (setuid, reboot, swapon, sysctl writes),
 * and of the clocks.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/dirent.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

#define	T_2020		1577836800L	/* 2020-01-01 00:00:00 UTC */

/*
 * Read fd to its end in reads of chunk bytes; returns the byte count
 * and a checksum in *sump.
 */
static long
sum_file(int fd, size_t chunk, unsigned int *sump)
{
	static unsigned char buf[4096];
	unsigned int sum = 0;
	long total = 0, n, i;

	for (;;) {
		n = read(fd, buf, chunk);
		if (n == -1 && errno == EINTR)
			continue;
		EXPECT(n >= 0, "read after %ld bytes: %s", total,
		    t_errname(errno));
		if (n == 0)
			break;
		for (i = 0; i < n; i++)
			sum = sum * 31 + buf[i];
		total += n;
	}
	*sump = sum;
	return (total);
}

/*
 * open, read, lseek and fstat on a ramdisk file (the runner itself,
 * and /etc/passwd if present): the whole file reads back the same
 * twice, with different read sizes; sizes agree with fstat and stat;
 * lseek moves and reports the offset, and refuses bad arguments.
 */
void
test_file_read(void)
{
	unsigned char a[100], b[100];
	struct stat sb, sb2;
	unsigned int sum1, sum2;
	long size, n;
	off_t off;
	int fd, fd2, p[2];

	fd = open(RUNTESTS_PATH, O_RDONLY);
	EXPECT(fd >= 0, "open(%s): %s", RUNTESTS_PATH, t_errname(errno));
	EXPECT_OK(fstat(fd, &sb));
	EXPECT_OK(stat(RUNTESTS_PATH, &sb2));
	EXPECT(S_ISREG(sb.st_mode), "fstat: mode 0%o is not a regular file",
	    (unsigned int)sb.st_mode);
	EXPECT(sb.st_size == sb2.st_size && sb.st_ino == sb2.st_ino &&
	    sb.st_dev == sb2.st_dev, "fstat and stat disagree");
	size = (long)sb.st_size;
	EXPECT(size > 8192, "the runner is only %ld bytes long", size);

	EXPECT(read(fd, a, 4) == 4 && memcmp(a, "\177ELF", 4) == 0,
	    "the runner does not start with \\177ELF");
	EXPECT(lseek(fd, 0, SEEK_CUR) == 4, "offset after reading 4 bytes");
	EXPECT(lseek(fd, 0, SEEK_SET) == 0, "lseek(0, SEEK_SET)");
	n = sum_file(fd, 1000, &sum1);
	EXPECT(n == size, "read %ld bytes, fstat says %ld", n, size);
	EXPECT(read(fd, a, 1) == 0, "read at end of file did not return 0");
	EXPECT(lseek(fd, 0, SEEK_CUR) == size, "offset at end of file");
	EXPECT(lseek(fd, 0, SEEK_END) == size, "lseek(0, SEEK_END)");
	EXPECT(lseek(fd, 0, SEEK_SET) == 0, "lseek back to 0");
	n = sum_file(fd, 4096, &sum2);
	EXPECT(n == size && sum1 == sum2, "reading again gave %ld bytes, "
	    "checksum 0x%08x instead of 0x%08x", n, sum2, sum1);

	fd2 = open(RUNTESTS_PATH, O_RDONLY);
	EXPECT(fd2 >= 0, "second open: %s", t_errname(errno));
	EXPECT(lseek(fd, size / 2, SEEK_SET) == size / 2, "lseek to middle");
	EXPECT(lseek(fd2, size / 2 - 50, SEEK_SET) == size / 2 - 50,
	    "lseek to middle - 50");
	EXPECT(read(fd2, b, 50) == 50, "read 50");
	EXPECT(lseek(fd2, 0, SEEK_CUR) == size / 2, "offset after 50 bytes");
	EXPECT(read(fd, a, 100) == 100 && read(fd2, b, 100) == 100,
	    "read 100 bytes from the middle");
	EXPECT(memcmp(a, b, 100) == 0, "two descriptors read different "
	    "bytes at the same offset");
	EXPECT(lseek(fd, -100, SEEK_CUR) == size / 2, "lseek(-100, "
	    "SEEK_CUR)");
	EXPECT(read(fd, b, 100) == 100 && memcmp(a, b, 100) == 0,
	    "re-reading after a relative seek gave different bytes");
	EXPECT(lseek(fd, -10, SEEK_END) == size - 10, "lseek(-10, SEEK_END)");
	EXPECT(read(fd, a, 100) == 10, "a read across the end of file did "
	    "not stop there");
	off = lseek(fd, size + 100, SEEK_SET);
	EXPECT(off == size + 100, "lseek past the end gave %ld",
	    (long)off);
	EXPECT(read(fd, a, 10) == 0, "read past the end of file");
	EXPECT_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERR(lseek(fd, 0, 99), EINVAL);
	close(fd);
	close(fd2);

	t_pipe(p);
	EXPECT_ERR(lseek(p[0], 0, SEEK_SET), ESPIPE);
	close(p[0]);
	close(p[1]);

	if (stat("/etc/passwd", &sb) == 0) {
		fd = open("/etc/passwd", O_RDONLY);
		EXPECT(fd >= 0, "open(/etc/passwd): %s", t_errname(errno));
		n = sum_file(fd, 37, &sum1);
		EXPECT(n == (long)sb.st_size, "read %ld bytes of /etc/passwd, "
		    "stat says %ld", n, (long)sb.st_size);
		close(fd);
	}
}

/*
 * Errors of the file system calls, and chdir/getcwd: writing is
 * refused with EROFS; missing files give ENOENT, a file used as a
 * directory ENOTDIR, a directory read EISDIR, a long name
 * ENAMETOOLONG; relative names follow chdir.
 */
void
test_file_errors(void)
{
	static char longname[MAXPATHLEN + 100];
	char cwd[MAXPATHLEN], buf[16];
	struct stat sb;
	int fd;

	EXPECT_ERR(open(RUNTESTS_PATH, O_WRONLY), EROFS);
	EXPECT_ERR(open(RUNTESTS_PATH, O_RDWR), EROFS);
	EXPECT_ERR(open("/newfile", O_WRONLY | O_CREAT, 0644), EROFS);
	EXPECT_ERR(access(RUNTESTS_PATH, W_OK), EROFS);
	EXPECT_ERR(open("/nonexistent", O_RDONLY), ENOENT);
	EXPECT_ERR(open("/bin/nonexistent", O_RDONLY), ENOENT);
	EXPECT_ERR(open("/nonexistent/x", O_RDONLY), ENOENT);
	EXPECT_ERR(open("", O_RDONLY), ENOENT);
	EXPECT_ERR(open(RUNTESTS_PATH "/x", O_RDONLY), ENOTDIR);
	EXPECT_ERR(open(RUNTESTS_PATH, O_RDONLY | O_DIRECTORY), ENOTDIR);
	EXPECT_ERR(stat("/nonexistent", &sb), ENOENT);
	EXPECT_ERR(access("/nonexistent", F_OK), ENOENT);
	memset(longname, 'a', sizeof(longname) - 1);
	longname[0] = '/';
	EXPECT_ERR(open(longname, O_RDONLY), ENAMETOOLONG);

	EXPECT_OK(access(RUNTESTS_PATH, R_OK | X_OK));
	EXPECT_OK(stat("/", &sb));
	EXPECT(S_ISDIR(sb.st_mode), "/ is not a directory");
	EXPECT_OK(stat("/bin", &sb));
	EXPECT(S_ISDIR(sb.st_mode), "/bin is not a directory");
	fd = open("/bin", O_RDONLY);
	EXPECT(fd >= 0, "open(/bin): %s", t_errname(errno));
	EXPECT_OK(fstat(fd, &sb));
	EXPECT(S_ISDIR(sb.st_mode), "fstat of /bin: not a directory");
	EXPECT_ERR(read(fd, buf, sizeof(buf)), EISDIR);
	close(fd);

	EXPECT_OK(chdir("/bin"));
	EXPECT(getcwd(cwd, sizeof(cwd)) != NULL, "getcwd: %s",
	    t_errname(errno));
	EXPECT(strcmp(cwd, "/bin") == 0, "getcwd gave \"%s\" in /bin", cwd);
	EXPECT(getcwd(cwd, 3) == NULL && errno == ERANGE,
	    "getcwd with a 3-byte buffer in /bin: %s", t_errname(errno));
	fd = open("runtests", O_RDONLY);
	EXPECT(fd >= 0, "open(runtests) in /bin: %s", t_errname(errno));
	close(fd);
	EXPECT_OK(stat("../bin/./runtests", &sb));
	EXPECT_OK(chdir(".."));
	EXPECT(getcwd(cwd, sizeof(cwd)) != NULL && strcmp(cwd, "/") == 0,
	    "getcwd after chdir(..) gave \"%s\"", cwd);
	EXPECT_ERR(open("runtests", O_RDONLY), ENOENT);
	EXPECT_ERR(chdir("/nonexistent"), ENOENT);
	EXPECT_ERR(chdir(RUNTESTS_PATH), ENOTDIR);
	EXPECT(getcwd(cwd, sizeof(cwd)) != NULL && strcmp(cwd, "/") == 0,
	    "a failed chdir moved the cwd to \"%s\"", cwd);
}

/*
 * Read directory fd to its end with getdirentries into buf, checking
 * each record's shape; returns the number of entries and sets *found
 * if one is called name.
 */
static int
list_dir(int fd, char *buf, size_t size, const char *name, int *found)
{
	struct dirent *d;
	char path[MAXPATHLEN];
	struct stat sb;
	int n, off, e, count = 0, calls;
	long base = -1;

	*found = 0;
	for (calls = 0; calls < 1000; calls++) {
		n = t_syscall(&e, SYS_getdirentries, fd, (unsigned long)buf,
		    size, (unsigned long)&base, 0, 0);
		EXPECT(n >= 0, "getdirentries: %s", t_errname(e));
		if (n == 0)
			return (count);
		EXPECT(n <= (int)size, "getdirentries returned %d for a "
		    "%d-byte buffer", n, (int)size);
		for (off = 0; off < n; off += d->d_reclen) {
			d = (struct dirent *)(buf + off);
			EXPECT(d->d_reclen >= _DIRENT_RECLEN(d->d_namlen) &&
			    d->d_reclen % 4 == 0 && off + d->d_reclen <= n,
			    "record at %d: d_reclen %u, d_namlen %u", off,
			    d->d_reclen, d->d_namlen);
			EXPECT(strlen(d->d_name) == d->d_namlen,
			    "record at %d: d_namlen %u for \"%s\"", off,
			    d->d_namlen, d->d_name);
			count++;
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "/bin/%s", d->d_name);
			EXPECT(stat(path, &sb) == 0, "listed %s, but stat "
			    "gives %s", path, t_errname(errno));
			if (strcmp(d->d_name, name) == 0) {
				*found = 1;
				EXPECT(d->d_type == DT_REG ||
				    d->d_type == DT_UNKNOWN,
				    "%s has d_type %d", name, d->d_type);
			}
		}
	}
	FAIL("getdirentries never reached the end of the directory");
}

/*
 * getdirentries on /bin returns well-formed records naming files that
 * exist, among them runtests, with a large and with a small buffer;
 * on a regular file it fails.
 */
void
test_getdirentries(void)
{
	static char buf[4096] __attribute__((__aligned__(8)));
	int fd, n1, n2, found, e;
	long base;

	fd = open("/bin", O_RDONLY);
	EXPECT(fd >= 0, "open(/bin): %s", t_errname(errno));
	n1 = list_dir(fd, buf, sizeof(buf), "runtests", &found);
	EXPECT(found, "runtests not listed in /bin (%d entries)", n1);
	EXPECT(lseek(fd, 0, SEEK_SET) == 0, "rewinding /bin: %s",
	    t_errname(errno));
	n2 = list_dir(fd, buf, 512, "runtests", &found);
	EXPECT(found && n1 == n2, "with a 512-byte buffer: %d entries "
	    "(runtests %sfound), %d before", n2, found ? "" : "not ", n1);
	close(fd);

	fd = open(RUNTESTS_PATH, O_RDONLY);
	EXPECT(fd >= 0, "open: %s", t_errname(errno));
	EXPECT(t_syscall(&e, SYS_getdirentries, fd, (unsigned long)buf,
	    sizeof(buf), (unsigned long)&base, 0, 0) == -1 &&
	    (e == EINVAL || e == ENOTDIR),
	    "getdirentries on a regular file: %s", t_errname(e));
	close(fd);
}

/*
 * dup, dup2, fcntl(F_DUPFD) and close: the lowest free descriptor is
 * used; duplicates share the offset and outlive the original; closed
 * or out-of-range descriptors give EBADF; dup2 onto itself is a no-op
 * and onto an open descriptor replaces it; opening too many gives
 * EMFILE.
 */
void
test_dup(void)
{
	int fd, d, d2, g, i, n, fds[NOFILE];
	struct stat sb;
	char buf[16];

	fd = open(RUNTESTS_PATH, O_RDONLY);
	EXPECT(fd >= 0, "open: %s", t_errname(errno));
	d = dup(fd);
	EXPECT(d >= 0 && d != fd, "dup gave %d (%s)", d, t_errname(errno));
	d2 = dup(fd);
	EXPECT(d2 > d, "second dup gave %d", d2);
	EXPECT_OK(close(d));
	EXPECT(dup(fd) == d, "dup did not reuse the lowest free descriptor "
	    "%d", d);
	EXPECT_OK(close(d2));

	EXPECT(read(fd, buf, 10) == 10, "read");
	EXPECT(lseek(d, 0, SEEK_CUR) == 10, "a dup does not share the offset");
	EXPECT_OK(close(fd));
	EXPECT(read(d, buf, 6) == 6, "the dup died with the original");
	EXPECT_ERR(read(fd, buf, 1), EBADF);
	EXPECT_ERR(close(fd), EBADF);
	EXPECT_ERR(dup(fd), EBADF);
	EXPECT_ERR(fstat(fd, &sb), EBADF);
	EXPECT_ERR(close(-1), EBADF);
	EXPECT_ERR(close(NOFILE + 10), EBADF);
	EXPECT_ERR(read(-1, buf, 1), EBADF);
	EXPECT_ERR(write(NOFILE, buf, 1), EBADF);

	EXPECT(dup2(d, d) == d, "dup2(d, d) did not return d");
	EXPECT_OK(fstat(d, &sb));
	EXPECT(dup2(d, 40) == 40, "dup2(d, 40): %s", t_errname(errno));
	EXPECT(lseek(40, 0, SEEK_CUR) == 16, "dup2's copy does not share "
	    "the offset");
	EXPECT_OK(close(40));
	EXPECT_ERR(dup2(fd, 41), EBADF);
	EXPECT_ERR(fstat(41, &sb), EBADF);
	EXPECT_ERR(dup2(d, NOFILE), EBADF);
	EXPECT_ERR(dup2(d, -1), EBADF);
	g = open(RUNTESTS_PATH, O_RDONLY);
	EXPECT(g >= 0, "open: %s", t_errname(errno));
	EXPECT(dup2(d, g) == g, "dup2 onto an open descriptor: %s",
	    t_errname(errno));
	EXPECT(lseek(g, 0, SEEK_CUR) == 16, "dup2 onto an open descriptor "
	    "did not replace it");
	EXPECT_OK(close(g));
	n = fcntl(d, F_DUPFD, 20);
	EXPECT(n >= 20, "fcntl(F_DUPFD, 20) gave %d (%s)", n,
	    t_errname(errno));
	EXPECT_OK(close(n));

	for (n = 0; n < NOFILE; n++) {
		fds[n] = dup(d);
		if (fds[n] == -1)
			break;
	}
	EXPECT(n < NOFILE && errno == EMFILE, "after %d dups: %s, expected "
	    "EMFILE", n, n < NOFILE ? t_errname(errno) : "no failure");
	for (i = 0; i < n; i++)
		EXPECT_OK(close(fds[i]));
	EXPECT_OK(close(d));
}

/*
 * User ids: the runner runs as root; a child can setuid(1000), after
 * which both ids are 1000, it cannot go back to 0 nor to another uid,
 * nor setgid; the parent keeps uid 0.
 */
void
test_uid(void)
{
	pid_t pid;

	EXPECT(getuid() == 0 && geteuid() == 0, "runtests runs as uid %d "
	    "(euid %d), expected root", (int)getuid(), (int)geteuid());
	EXPECT(getgid() == 0 && getegid() == 0, "runtests runs as gid %d "
	    "(egid %d), expected 0", (int)getgid(), (int)getegid());
	pid = t_fork();
	if (pid == 0) {
		if (setuid(1000) == -1)
			FAIL("setuid(1000) as root: %s", t_errname(errno));
		if (getuid() != 1000 || geteuid() != 1000)
			FAIL("after setuid(1000): uid %d euid %d",
			    (int)getuid(), (int)geteuid());
		if (setuid(0) != -1 || errno != EPERM)
			FAIL("setuid(0) as uid 1000: %s, expected EPERM",
			    t_errname(errno));
		if (setuid(1001) != -1 || errno != EPERM)
			FAIL("setuid(1001) as uid 1000: %s, expected EPERM",
			    t_errname(errno));
		if (setgid(5) != -1 || errno != EPERM)
			FAIL("setgid(5) as uid 1000: %s, expected EPERM",
			    t_errname(errno));
		if (getuid() != 1000 || geteuid() != 1000)
			FAIL("failed setuid calls changed the ids to %d/%d",
			    (int)getuid(), (int)geteuid());
		if (setuid(1000) == -1)
			FAIL("setuid(1000) as uid 1000: %s",
			    t_errname(errno));
		_exit(0);
	}
	t_expect_exit(pid, 0, "child changing uid");
	EXPECT(getuid() == 0 && geteuid() == 0, "the child's setuid changed "
	    "the parent to %d/%d", (int)getuid(), (int)geteuid());
}

/*
 * Privileged calls fail with EPERM for uid 1000: reboot (RB_HALT, so
 * that a missing check stops the run visibly rather than reporting a
 * verdict), swapon, and writing writable sysctls (vm.collapse_pagers,
 * kern.hostname; the value written is the current one).
 */
void
test_privilege(void)
{
	static const char *const names[] = { "vm.collapse_pagers",
	    "kern.hostname" };
	int mib[2][CTL_MAXNAME], have[2], e, r, i;
	char val[2][64];
	size_t n[2], len[2];
	pid_t pid;

	for (i = 0; i < 2; i++) {
		n[i] = CTL_MAXNAME;
		len[i] = sizeof(val[i]);
		have[i] = sysctlnametomib(names[i], mib[i], &n[i]) == 0 &&
		    sysctl(mib[i], n[i], val[i], &len[i], NULL, 0) == 0;
	}
	pid = t_fork();
	if (pid == 0) {
		if (setuid(1000) == -1)
			FAIL("setuid(1000): %s", t_errname(errno));
		r = t_syscall(&e, SYS_reboot, RB_HALT, 0, 0, 0, 0, 0);
		if (r != -1 || e != EPERM)
			FAIL("reboot as uid 1000: returned %d (%s)", r,
			    t_errname(e));
		r = t_syscall(&e, SYS_swapon, (unsigned long)RUNTESTS_PATH,
		    0, 0, 0, 0, 0);
		if (r != -1 || e != EPERM)
			FAIL("swapon as uid 1000: returned %d (%s)", r,
			    t_errname(e));
		for (i = 0; i < 2; i++)
			if (have[i] && (sysctl(mib[i], n[i], NULL, NULL,
			    val[i], len[i]) != -1 || errno != EPERM))
				FAIL("writing %s as uid 1000: %s", names[i],
				    t_errname(errno));
		_exit(0);
	}
	t_expect_exit(pid, 0, "non-root child");
}

/*
 * The clocks: CLOCK_MONOTONIC never goes backwards; nanosleep(50 ms)
 * advances it by at least 50 ms; the time of day is after 2020 and
 * agrees with CLOCK_REALTIME; bad arguments give EINVAL.
 */
void
test_clock(void)
{
	struct timespec a, b, ts;
	struct timeval tv;
	long long d;
	int i;

	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	for (i = 0; i < 1000; i++) {
		EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &b));
		EXPECT(b.tv_nsec >= 0 && b.tv_nsec < 1000000000L,
		    "tv_nsec %ld", b.tv_nsec);
		EXPECT(b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec &&
		    b.tv_nsec >= a.tv_nsec), "CLOCK_MONOTONIC went back from "
		    "%ld.%09ld to %ld.%09ld", (long)a.tv_sec, a.tv_nsec,
		    (long)b.tv_sec, b.tv_nsec);
		a = b;
	}

	ts.tv_sec = 0;
	ts.tv_nsec = 50000000L;
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	EXPECT_OK(nanosleep(&ts, NULL));
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &b));
	d = (long long)(b.tv_sec - a.tv_sec) * 1000000000LL +
	    (b.tv_nsec - a.tv_nsec);
	EXPECT(d >= 50000000LL, "nanosleep(50 ms) took %ld us",
	    (long)(b.tv_sec - a.tv_sec) * 1000000L +
	    (b.tv_nsec - a.tv_nsec) / 1000L);
	ts.tv_nsec = 0;
	EXPECT_OK(nanosleep(&ts, NULL));

	EXPECT_OK(gettimeofday(&tv, NULL));
	EXPECT(tv.tv_sec > T_2020, "gettimeofday: %ld s, before 2020",
	    (long)tv.tv_sec);
	EXPECT(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec %ld",
	    (long)tv.tv_usec);
	EXPECT_OK(clock_gettime(CLOCK_REALTIME, &a));
	EXPECT(a.tv_sec > T_2020, "CLOCK_REALTIME: %ld s, before 2020",
	    (long)a.tv_sec);
	EXPECT(a.tv_sec - tv.tv_sec < 60 && tv.tv_sec - a.tv_sec < 60,
	    "gettimeofday (%ld) and CLOCK_REALTIME (%ld) disagree",
	    (long)tv.tv_sec, (long)a.tv_sec);

	ts.tv_sec = 0;
	ts.tv_nsec = 1000000000L;
	EXPECT_ERR(nanosleep(&ts, NULL), EINVAL);
	ts.tv_nsec = -1;
	EXPECT_ERR(nanosleep(&ts, NULL), EINVAL);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	EXPECT_ERR(nanosleep(&ts, NULL), EINVAL);
	EXPECT_ERR(clock_gettime(12345, &a), EINVAL);
}
