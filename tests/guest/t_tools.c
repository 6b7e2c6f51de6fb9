/*
 * t_tools.c: the tools people type (bin/), run in the guest as a user
 * would run them, through /bin/sh -c, their output and status checked.
 *
 * The tools whose logic is portable (grep, sort, head, ...) are tested
 * case by case on the host (tests/host/tools.sh); here they are checked
 * against Umbra's own libc and kernel, with expected values taken from
 * the system itself (the files, the sysctl nodes, the tests' own
 * processes), never written down.  The tools that only Umbra can run
 * (uname, date's clock, time, vmstat, ps -o, tail -f on a file that
 * stops growing, kill -l) are tested here in full.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

extern char **environ;

#define	TL_OUTSIZE	16384
#define	TL_ERRSIZE	4096

/* One run of a command line. */
struct tl_out {
	int	status;
	char	out[TL_OUTSIZE];
	char	err[TL_ERRSIZE];
};

static struct tl_out tl;

/* Run cmd with /bin/sh -c, input (or nothing) on its standard input. */
static void
tl_sh(const char *cmd, const char *input, struct tl_out *o)
{
	char *av[] = { "sh", "-c", (char *)(uintptr_t)cmd, NULL };

	o->status = t_run_io("/bin/sh", av, 0, input, o->out,
	    sizeof(o->out), o->err, sizeof(o->err));
}

/* Fail unless the last run exited with code. */
static void
tl_expect_exit(const struct tl_out *o, int code, const char *cmd)
{
	char buf[64];

	if (!WIFEXITED(o->status) || WEXITSTATUS(o->status) != code)
		FAIL("%s: %s, expected exit %d; stderr: %.200s", cmd,
		    t_statusstr(o->status, buf, sizeof(buf)), code, o->err);
}

/* Run cmd and expect status code and exactly out and err (NULL: any). */
static void
tl_expect(const char *cmd, const char *input, int code, const char *out,
    const char *err)
{

	tl_sh(cmd, input, &tl);
	tl_expect_exit(&tl, code, cmd);
	if (out != NULL && strcmp(tl.out, out) != 0)
		FAIL("%s: printed \"%.300s\", expected \"%.300s\"", cmd, tl.out,
		    out);
	if (err != NULL && strcmp(tl.err, err) != 0)
		FAIL("%s: error output \"%.300s\", expected \"%.300s\"", cmd,
		    tl.err, err);
}

/* A whole (small) file into buf. */
static void
tl_file(const char *path, char *buf, size_t size)
{
	long n;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		FAIL("open %s: %s", path, t_errname(errno));
	n = t_readall(fd, buf, size - 1);
	close(fd);
	if (n < 0 || (size_t)n == size - 1)
		FAIL("%s: cannot read it whole", path);
	buf[n] = '\0';
}

/* The string sysctl node name. */
static void
tl_sysctl_str(const char *name, char *buf, size_t size)
{
	size_t len = size - 1;

	if (sysctlbyname(name, buf, &len, NULL, 0) == -1)
		FAIL("sysctl %s: %s", name, t_errname(errno));
	buf[len < size ? len : size - 1] = '\0';
	if (len > 0 && buf[len - 1] == '\0')
		len--;
	buf[len] = '\0';
}

/*
 * uname: -s, the default, is kern.ostype; -a gives every name in the
 * order -s -n -r -v -m -p; a bad option is a usage error.
 */
void
test_tools_uname(void)
{
	char os[64], host[64], rel[64], ver[128], mach[32], want[512];

	tl_sysctl_str("kern.ostype", os, sizeof(os));
	tl_sysctl_str("kern.hostname", host, sizeof(host));
	tl_sysctl_str("kern.osrelease", rel, sizeof(rel));
	tl_sysctl_str("kern.version", ver, sizeof(ver));
	tl_sysctl_str("hw.machine", mach, sizeof(mach));
	snprintf(want, sizeof(want), "%s\n", os);
	tl_expect("uname", NULL, 0, want, "");
	tl_expect("uname -s", NULL, 0, want, "");
	snprintf(want, sizeof(want), "%s %s %s %s %s %s\n", os, host, rel, ver,
	    mach, mach);
	tl_expect("uname -a", NULL, 0, want, "");
	snprintf(want, sizeof(want), "%s %s\n", rel, mach);
	tl_expect("uname -m -r", NULL, 0, want, "");
	tl_expect("uname -x", NULL, 1, "", "uname: illegal option -- x\n"
	    "usage: uname [-amnprsv]\n");
	tl_expect("uname extra", NULL, 1, "", "usage: uname [-amnprsv]\n");
}

/*
 * date: -r formats a given time; the clock agrees with time(3); setting
 * the time is refused.
 */
void
test_tools_date(void)
{
	struct tm *tm;
	time_t t0, t1, now;
	char want[64];
	long long got;

	tl_expect("date -r 0", NULL, 0, "Thu Jan  1 00:00:00 UTC 1970\n", "");
	t0 = 1234567890;
	tm = gmtime(&t0);
	strftime(want, sizeof(want), "%Y-%m-%d %H:%M:%S %j\n", tm);
	tl_expect("date -r 1234567890 '+%Y-%m-%d %H:%M:%S %j'", NULL, 0,
	    want, "");
	t0 = time(NULL);
	tl_expect("date +%s", NULL, 0, NULL, "");
	t1 = time(NULL);
	if (sscanf(tl.out, "%lld", &got) != 1)
		FAIL("date +%%s printed %s", tl.out);
	now = (time_t)got;
	EXPECT(now >= t0 && now <= t1, "date +%%s gave %lld, the clock went "
	    "from %lld to %lld", got, (long long)t0, (long long)t1);
	tl_expect("date", NULL, 0, NULL, "");
	EXPECT(strlen(tl.out) == 29 && strstr(tl.out, " UTC ") != NULL,
	    "date printed \"%s\", not the default format", tl.out);
	tl_expect("date 0101000070", NULL, 1, "", "date: cannot set the "
	    "time: Operation not supported\n");
	tl_expect("date -r x", NULL, 1, "", "date: x: invalid number of "
	    "seconds\n");
}

/*
 * time: the report on the standard error, real time at least what the
 * utility slept; the utility's status passed on; 127 for a utility that
 * does not exist, 128 + the signal for one killed; the instructions
 * line exactly when the kernel knows the icount shift (kern.icount).
 */
void
test_tools_time(void)
{
	double real, user, sys;
	int icount, e;

	if ((e = t_sysctl_int("kern.icount", &icount)) != 0)
		FAIL("sysctl kern.icount: %s", t_errname(e));
	tl_expect("time sleep 1", NULL, 0, "", NULL);
	if (sscanf(tl.err, "%lf real %lf user %lf sys", &real, &user,
	    &sys) != 3)
		FAIL("time printed \"%s\"", tl.err);
	EXPECT(real >= 1.0 && real < 30, "sleep 1 took %.2f s", real);
	EXPECT(user >= 0 && sys >= 0 && user + sys < real, "user %.2f sys "
	    "%.2f for a sleep of %.2f", user, sys, real);
	EXPECT((strstr(tl.err, " instructions\n") != NULL) == (icount == 1),
	    "kern.icount is %d, and time printed: %s", icount, tl.err);

	tl_expect("time -p sh -c 'echo out; exit 3'", NULL, 3, "out\n", NULL);
	EXPECT(strncmp(tl.err, "real ", 5) == 0 && strstr(tl.err,
	    "\nuser ") != NULL && strstr(tl.err, "\nsys ") != NULL,
	    "time -p printed \"%s\"", tl.err);
	tl_expect("time nosuchcommand", NULL, 127, "", NULL);
	EXPECT(strncmp(tl.err, "time: nosuchcommand: No such file or "
	    "directory\n", 45) == 0, "time printed \"%s\"", tl.err);
	tl_expect("time sh -c 'kill -9 $$'", NULL, 128 + SIGKILL, "", NULL);
	EXPECT(strstr(tl.err, "killed by signal 9") != NULL, "time did not "
	    "say how sh ended: %s", tl.err);
	tl_expect("time", NULL, 1, "", "usage: time [-p] utility "
	    "[argument ...]\n");
}

/* The fields of a line, split on blanks, into v (at most n). */
static int
tl_fields(const char *line, long *v, int n)
{
	char *end;
	int k = 0;

	while (k < n) {
		while (*line == ' ')
			line++;
		if (*line == '\n' || *line == '\0')
			break;
		v[k++] = strtol(line, &end, 10);
		if (end == line)
			return (-1);
		line = end;
	}
	return (k);
}

/*
 * vmstat 1 2: two header lines and two lines of 23 figures; the cpu
 * percentages add up to 100; over the second, the clock's interrupts
 * (kern.hz) are counted, and vmstat's own sleep made system calls and
 * context switches; free memory and objects alive are what the kernel
 * says, give or take what changed in between.  Bad arguments are
 * usage errors.
 */
void
test_tools_vmstat(void)
{
	long v[30];
	char *l1, *l2, *l3, *l4;
	int hz, freep, objs, n, e;

	if ((e = t_sysctl_int("kern.hz", &hz)) != 0 ||
	    (e = t_sysctl_int("vm.stats.free_count", &freep)) != 0 ||
	    (e = t_sysctl_int("vm.stats.object.objects", &objs)) != 0)
		FAIL("sysctl: %s", t_errname(e));
	tl_expect("vmstat 1 2", NULL, 0, NULL, "");
	l1 = tl.out;
	if ((l2 = strchr(l1, '\n')) == NULL || (l3 = strchr(l2 + 1, '\n')) ==
	    NULL || (l4 = strchr(l3 + 1, '\n')) == NULL ||
	    strchr(l4 + 1, '\n') == NULL || strchr(l4 + 1, '\n')[1] != '\0')
		FAIL("vmstat 1 2 printed not 4 lines: %s", tl.out);
	l2++;
	l3++;
	l4++;
	EXPECT(strncmp(l1, " procs memory (KiB)", 19) == 0 &&
	    strncmp(l2, " r b w   free    act  inact   swap   flt", 40) == 0,
	    "vmstat's header: %.240s", tl.out);
	n = tl_fields(l4, v, 30);
	EXPECT(n == 23, "the second line has %d figures: %.200s", n, l4);
	/* r b w, free act inact swap, flt cow pi po fr, in sy cs, us sy id,
	   obj col byp ref smv */
	EXPECT(v[15] + v[16] + v[17] >= 99 && v[15] + v[16] + v[17] <= 101,
	    "cpu %ld%% + %ld%% + %ld%%", v[15], v[16], v[17]);
	EXPECT(v[12] >= hz / 2 && v[12] <= hz * 3, "%ld interrupts in a "
	    "second, the clock alone makes %d", v[12], hz);
	EXPECT(v[13] >= 1 && v[14] >= 1, "%ld system calls and %ld context "
	    "switches in a second in which vmstat slept", v[13], v[14]);
	EXPECT(v[3] >= freep * 4 / 2 && v[3] <= freep * 4 * 2,
	    "free %ld KiB, the kernel says %d pages", v[3], freep);
	EXPECT(v[18] >= objs - 50 && v[18] <= objs + 50, "%ld objects, the "
	    "kernel says %d", v[18], objs);
	n = tl_fields(l3, v, 30);
	EXPECT(n == 23, "the first line has %d figures: %.200s", n, l3);

	tl_expect("vmstat 0", NULL, 1, "", "vmstat: 0: invalid wait\n");
	tl_expect("vmstat 1 x", NULL, 1, "", "vmstat: x: invalid count\n");
	tl_expect("vmstat 1 2 3", NULL, 1, "", "usage: vmstat [-c count] "
	    "[-w wait] [wait [count]]\n");
}

/* The kernel's record of process pid (kern.proc.pid.PID). */
static void
tl_kinfo(pid_t pid, struct kinfo_proc *kp)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, (int)pid };
	size_t len = sizeof(*kp);

	memset(kp, 0, sizeof(*kp));
	if (sysctl(mib, 4, kp, &len, NULL, 0) == -1)
		FAIL("kern.proc.pid.%d: %s", (int)pid, t_errname(errno));
	if (len < sizeof(*kp) || kp->ki_pid != pid)
		FAIL("kern.proc.pid.%d: %zu bytes, pid %d", (int)pid, len,
		    (int)kp->ki_pid);
}

/*
 * ps -o: a child with TL_PS_PAGES pages written shows them in VSZ, RSS
 * and ANON; the figures are the kernel's (kern.proc.pid), in KiB; -p
 * selects, "=" renames or drops the header; bad keywords and missing
 * pids are errors.  The default layout is unchanged.
 */
#define	TL_PS_PAGES	64

void
test_tools_ps(void)
{
	struct kinfo_proc kp;
	char cmd[128], want[256], c;
	long pid, vsz, rss, anon, swp;
	char comm[32];
	int hold[2];
	pid_t child;
	char *p;

	t_pipe(hold);
	child = t_fork();
	if (child == 0) {
		close(hold[1]);
		p = mmap(NULL, TL_PS_PAGES * T_PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			_exit(1);
		t_fill(p, 0, TL_PS_PAGES, 7);
		while (read(hold[0], &c, 1) == -1 && errno == EINTR)
			continue;
		_exit(0);
	}
	close(hold[0]);
	t_msleep(300);

	snprintf(cmd, sizeof(cmd), "ps -o pid,vsz,rss,anon,swap,comm -p %d",
	    (int)child);
	tl_expect(cmd, NULL, 0, NULL, "");
	EXPECT(strncmp(tl.out, "  PID    VSZ    RSS   ANON   SWAP COMMAND\n",
	    42) == 0, "ps -o header: %.80s", tl.out);
	if (sscanf(tl.out + 42, "%ld %ld %ld %ld %ld %31s", &pid, &vsz, &rss,
	    &anon, &swp, comm) != 6)
		FAIL("ps -o line: %s", tl.out + 42);
	tl_kinfo(child, &kp);
	EXPECT(pid == child && strcmp(comm, "runtests") == 0, "ps -p %d "
	    "listed %ld (%s)", (int)child, pid, comm);
	EXPECT(vsz == (long)(kp.ki_size / 1024) && vsz >= TL_PS_PAGES * 4,
	    "VSZ %ld KiB, the kernel says %u bytes", vsz, kp.ki_size);
	EXPECT(anon == (long)kp.ki_anonres * 4 && anon >= TL_PS_PAGES * 4,
	    "ANON %ld KiB, the kernel says %u pages; %d were written", anon,
	    kp.ki_anonres, TL_PS_PAGES);
	EXPECT(rss == (long)kp.ki_rssize * 4 && rss >= TL_PS_PAGES * 4,
	    "RSS %ld KiB, the kernel says %u pages", rss, kp.ki_rssize);
	EXPECT(swp == (long)kp.ki_swap * 4, "SWAP %ld KiB, the kernel says "
	    "%u pages", swp, kp.ki_swap);

	snprintf(cmd, sizeof(cmd), "ps -o pid= -o comm=NAME -p %d,1",
	    (int)child);
	snprintf(want, sizeof(want), "      NAME\n    1 init\n%5d runtests\n",
	    (int)child);
	tl_expect(cmd, NULL, 0, want, "");
	snprintf(cmd, sizeof(cmd), "ps -o pid= -p %d", (int)child);
	snprintf(want, sizeof(want), "%5d\n", (int)child);
	tl_expect(cmd, NULL, 0, want, "");
	close(hold[1]);
	t_expect_exit(child, 0, "the child ps looked at");

	tl_expect("ps -o pid,bogus", NULL, 1, "", "ps: bogus: keyword not "
	    "found\n");
	tl_expect("ps -p 99999", NULL, 1, "  PID  PPID   UID STAT   SIZE "
	    "COMMAND\n", "");
	tl_expect("ps -p x", NULL, 1, "", "ps: x: invalid process id\n");
	tl_expect("ps -p 1", NULL, 0, NULL, "");
	EXPECT(strncmp(tl.out, "  PID  PPID   UID STAT   SIZE COMMAND\n"
	    "    1     0     0 S ", 58) == 0, "ps -p 1: %s", tl.out);
}

/* Lines of s. */
static int
tl_lines(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return (n);
}

/*
 * The text tools on Umbra's libc: each pipeline's output is worked out
 * from /etc/passwd and /etc/motd as read here.  Errors name the file and
 * the reason, with grep's status 2.
 */
void
test_tools_text(void)
{
	char passwd[4096], motd[4096], want[4096], *nl, *last;
	int n;

	tl_file("/etc/passwd", passwd, sizeof(passwd));
	tl_file("/etc/motd", motd, sizeof(motd));
	n = tl_lines(passwd);
	EXPECT(n >= 2, "/etc/passwd has %d lines", n);

	snprintf(want, sizeof(want), " %7d /etc/passwd\n", n);
	tl_expect("wc -l /etc/passwd", NULL, 0, want, "");
	nl = strchr(passwd, '\n');
	snprintf(want, sizeof(want), "%.*s", (int)(nl - passwd + 1), passwd);
	tl_expect("head -n 1 /etc/passwd", NULL, 0, want, "");
	tl_expect("grep '^root:' /etc/passwd", NULL, 0, want, "");
	tl_expect("grep -E -x 'r(o)+t:.*' /etc/passwd", NULL, 0, want, "");
	tl_expect("grep -i -c ROOT /etc/passwd", NULL, 0, "1\n", "");
	passwd[strlen(passwd) - 1] = '\0';
	last = strrchr(passwd, '\n') + 1;
	snprintf(want, sizeof(want), "%s\n", last);
	passwd[strlen(passwd)] = '\n';
	tl_expect("tail -n 1 /etc/passwd", NULL, 0, want, "");
	tl_expect("sort -r /etc/passwd | head -n 1", NULL, 0, want, "");
	tl_expect("grep -v -n zzz /etc/passwd | wc -l", NULL, 0, NULL, "");
	EXPECT(atoi(tl.out) == n, "grep -v selected %s lines of %d", tl.out,
	    n);
	tl_expect("sort | uniq -c", "b\na\nb\nc\nb\n", 0, "   1 a\n   3 b\n"
	    "   1 c\n", "");
	tl_expect("sort -n -k2", "x 10\ny 9\nz 100\n", 0, "y 9\nx 10\nz 100\n",
	    "");
	tl_expect("env -i A=1 B=two env", NULL, 0, "A=1\nB=two\n", "");
	tl_expect("printf '%5.2f|%x|%-3s|%c|%b\\n' 3.14159 255 hi xyz "
	    "'a\\tb'", NULL, 0, " 3.14|ff|hi |x|a\tb\n", "");
	tl_expect("more /etc/motd", NULL, 0, motd, "");
	tl_expect("grep root /nonexistent /etc/passwd", NULL, 2, NULL,
	    "grep: /nonexistent: No such file or directory\n");
	EXPECT(strncmp(tl.out, "/etc/passwd:root:", 17) == 0, "grep with "
	    "two files printed %s", tl.out);
	tl_expect("grep zzz /etc/passwd", NULL, 1, "", "");
	tl_expect("grep 'a\\{1' /etc/passwd", NULL, 2, "", "grep: a\\{1: "
	    "braces not balanced\n");
	tl_expect("head -n x /etc/passwd", NULL, 1, "", "head: illegal line "
	    "count -- x\n");
	tl_expect("sort /nonexistent", NULL, 2, "", "sort: /nonexistent: "
	    "No such file or directory\n");
}

/*
 * tail -f on a file that no longer grows (the ramdisk is read-only):
 * the last lines at once, and then tail keeps watching, until killed.
 */
void
test_tools_tail_f(void)
{
	char passwd[4096], buf[4096], want[4096], *p;
	char *av[] = { "tail", "-f", "-n", "2", "/etc/passwd", NULL };
	long n, len = 0;
	int fd[2], st, i;
	pid_t pid;

	tl_file("/etc/passwd", passwd, sizeof(passwd));
	p = passwd + strlen(passwd) - 1;	/* the last newline */
	for (i = 0; i < 2 && p > passwd; p--)
		if (p[-1] == '\n')
			i++;
	snprintf(want, sizeof(want), "%s", p);
	t_pipe(fd);
	pid = t_spawn_path("/bin/tail", av, environ, -1, fd[1]);
	close(fd[1]);
	while (len < (long)strlen(want)) {
		n = read(fd[0], buf + len, sizeof(buf) - 1 - len);
		if (n <= 0)
			FAIL("tail -f: read gave %ld (%s) after %ld bytes", n,
			    t_errname(errno), len);
		len += n;
	}
	buf[len] = '\0';
	EXPECT(strcmp(buf, want) == 0, "tail -f -n 2 printed \"%s\", "
	    "expected \"%s\"", buf, want);
	t_msleep(1500);
	EXPECT(waitpid(pid, &st, WNOHANG) == 0, "tail -f ended on its own "
	    "at the end of the file");
	EXPECT(kill(pid, SIGTERM) == 0, "kill tail: %s", t_errname(errno));
	t_expect_signal(pid, SIGTERM, "tail -f");
	close(fd[0]);
	/* On a pipe, -f is ignored: the end of the input ends tail. */
	tl_expect("tail -f -n 1", "a\nb\n", 0, "b\n", "");
}

/* more, with its output a pipe: the files as they are, with headings. */
void
test_tools_more(void)
{
	char motd[4096], passwd[4096], want[9000];

	tl_file("/etc/motd", motd, sizeof(motd));
	tl_file("/etc/passwd", passwd, sizeof(passwd));
	snprintf(want, sizeof(want), "::::::::::::::\n/etc/motd\n"
	    "::::::::::::::\n%s\n::::::::::::::\n/etc/passwd\n"
	    "::::::::::::::\n%s", motd, passwd);
	tl_expect("more /etc/motd /etc/passwd", NULL, 0, want, "");
	tl_expect("more", "piped\n", 0, "piped\n", "");
	tl_expect("more /nonexistent", NULL, 1, "", "more: /nonexistent: No "
	    "such file or directory\n");
}

/* kill -l: the names, and the signal behind a number or a status. */
void
test_tools_kill_l(void)
{
	char want[32];

	snprintf(want, sizeof(want), "%s\n", "TERM");
	tl_expect("kill -l 15", NULL, 0, want, "");
	tl_expect("kill -l 137", NULL, 0, "KILL\n", "");
	tl_expect("kill -l", NULL, 0, NULL, "");
	EXPECT(strncmp(tl.out, "HUP INT QUIT ILL TRAP ABRT", 26) == 0 &&
	    strstr(tl.out, " USR1") != NULL, "kill -l printed %s", tl.out);
	tl_expect("kill -l 200", NULL, 1, "", NULL);
}
