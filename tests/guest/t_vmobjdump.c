/*
 * t_vmobjdump.c: tests of vmobjdump(8), run as /bin/vmobjdump.
 *
 * Most tests dump a known family.  The test forks C, which maps
 * VD_PAGES anonymous pages, writes them all (one object A, VD_PAGES
 * resident), forks G, then writes the first VD_WRITTEN pages again.
 * That write gives C's entry a shadow S in front of A holding
 * VD_WRITTEN pages; since S lacks the last pages, it cannot bypass A,
 * and A stays referenced by G's entry (still needs-copy) and by S:
 *
 *	C:  [addr, addr + VD_PAGES)  rw-  C--   S (an, VD_WRITTEN res)
 *					       A (an, VD_PAGES res,
 *						  2 refs, 1 shadow)
 *	G:  [addr, addr + VD_PAGES)  rw-  CN-   A
 *
 * Nothing is hidden: A's pages are all readable through G.  C and G
 * wait on a pipe until the test closes it.
 *
 * vmobjdump's standard output and standard error are captured through
 * two pipes, read one after the other (t_run_io in util.c): its error
 * output is a few lines, far below a pipe's capacity, so it cannot
 * block while we read the standard output.
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
#include <unistd.h>

#include "jsoncheck.h"
#include "runtests.h"

#define	VD_PATH		"/bin/vmobjdump"
#define	VD_PAGES	6		/* pages C maps */
#define	VD_WRITTEN	4		/* pages C writes after forking G */
#define	VD_OUTSIZE	(256 * 1024)	/* largest output we accept */
#define	VD_ERRSIZE	4096

extern char **environ;

/* The family: C, its child G, and the pipe that keeps them alive. */
struct vd_family {
	pid_t		c, g;
	unsigned long	addr;		/* the region, in both */
	int		hold;		/* write end; close to let them go */
};

/* What vmobjdump printed for one map entry and its chain. */
struct vd_obj {
	unsigned int	depth, id;
	char		type[8];
	unsigned long	size, res, swp, hres, hswp;
	int		ref, shd;
	char		flags[8];
};
struct vd_entry {
	unsigned long	start, end, offset;
	char		prot[8], flags[8];
	int		nobj;
	struct vd_obj	obj[8];
	unsigned int	depth;		/* from the trailer */
	unsigned long	visible, hidden;
};

/* A run's output. */
struct vd_out {
	int		status;
	char		*out;
	size_t		outlen;
	char		err[VD_ERRSIZE];
};

/*
 * Run vmobjdump with argv (argv[0] included), as uid (0: as we are),
 * and capture its status and both outputs in *o (o->out is malloc'ed;
 * vd_done frees it).
 */
static void
vd_run(char *const argv[], uid_t uid, struct vd_out *o)
{

	if ((o->out = malloc(VD_OUTSIZE)) == NULL)
		FAIL("malloc: out of memory");
	o->status = t_run_io(VD_PATH, argv, uid, NULL, o->out, VD_OUTSIZE,
	    o->err, sizeof(o->err));
	o->outlen = strlen(o->out);
	if (WIFEXITED(o->status) && WEXITSTATUS(o->status) >= 125)
		FAIL("could not run %s as uid %d (status %d)", VD_PATH,
		    (int)uid, WEXITSTATUS(o->status));
}

static void
vd_done(struct vd_out *o)
{

	free(o->out);
	o->out = NULL;
}

/* Fail unless the run exited with code; show its error output. */
static void
vd_expect_exit(const struct vd_out *o, int code, const char *what)
{
	char buf[64];

	if (!WIFEXITED(o->status) || WEXITSTATUS(o->status) != code)
		FAIL("%s: vmobjdump %s, expected exit %d; stderr: %.200s",
		    what, t_statusstr(o->status, buf, sizeof(buf)), code,
		    o->err);
}

/*
 * Start the family (see the opening comment).  C reports the region's
 * address and G's pid through a pipe.
 */
static void
vd_family_start(struct vd_family *f)
{
	unsigned long msg[2];
	int info[2], hold[2];
	char *p;
	pid_t g;
	char c;

	t_pipe(info);
	t_pipe(hold);
	f->c = t_fork();
	if (f->c == 0) {
		close(info[0]);
		close(hold[1]);
		p = mmap(NULL, VD_PAGES * T_PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			FAIL("C: mmap: %s", t_errname(errno));
		t_fill(p, 0, VD_PAGES, 1);
		g = t_fork();
		if (g == 0) {
			close(info[1]);
			while (read(hold[0], &c, 1) == -1 && errno == EINTR)
				continue;
			t_check(p, 0, VD_PAGES, 1, "G: the region");
			_exit(0);
		}
		t_fill(p, 0, VD_WRITTEN, 2);
		msg[0] = (unsigned long)p;
		msg[1] = (unsigned long)g;
		t_writeall(info[1], msg, sizeof(msg));
		close(info[1]);
		while (read(hold[0], &c, 1) == -1 && errno == EINTR)
			continue;
		t_check(p, 0, VD_WRITTEN, 2, "C: the pages written again");
		t_check(p, VD_WRITTEN, VD_PAGES - VD_WRITTEN, 1,
		    "C: the pages written before fork only");
		t_expect_exit(g, 0, "G");
		_exit(0);
	}
	close(info[1]);
	close(hold[0]);
	(void)fcntl(hold[1], F_SETFD, FD_CLOEXEC);	/* not vmobjdump's */
	if (t_readall(info[0], msg, sizeof(msg)) != sizeof(msg))
		FAIL("C did not report its region");
	close(info[0]);
	f->addr = msg[0];
	f->g = (pid_t)msg[1];
	f->hold = hold[1];
}

static void
vd_family_end(struct vd_family *f)
{

	close(f->hold);
	t_expect_exit(f->c, 0, "C");
}

/* The next line of text after *pp, NUL-terminated in line. */
static int
vd_line(const char **pp, char *line, size_t size)
{
	const char *p = *pp, *nl;
	size_t n;

	if (*p == '\0')
		return (0);
	nl = strchr(p, '\n');
	n = nl != NULL ? (size_t)(nl - p) : strlen(p);
	if (n >= size)
		n = size - 1;
	memcpy(line, p, n);
	line[n] = '\0';
	*pp = nl != NULL ? nl + 1 : p + strlen(p);
	return (1);
}

/*
 * Find, in vmobjdump's text output, the map entry that contains addr,
 * with its chain and trailer.  Returns 1 if found.
 */
static int
vd_find_entry(const char *out, unsigned long addr, struct vd_entry *e)
{
	const char *p = out;
	char line[256];
	struct vd_obj *o;
	int found = 0;

	memset(e, 0, sizeof(*e));
	while (vd_line(&p, line, sizeof(line))) {
		if (strncmp(line, "0x", 2) == 0) {
			if (found)
				break;
			if (sscanf(line, "%lx %lx %7s %7s %lx", &e->start,
			    &e->end, e->prot, e->flags, &e->offset) != 5)
				FAIL("cannot parse entry line: %s", line);
			found = addr >= e->start && addr < e->end;
			continue;
		}
		if (!found)
			continue;
		if (strncmp(line, "  chain depth ", 14) == 0) {
			if (sscanf(line, "  chain depth %u, visible %lu, "
			    "hidden %lu", &e->depth, &e->visible,
			    &e->hidden) != 3)
				FAIL("cannot parse trailer: %s", line);
			break;
		}
		if (e->nobj == (int)nitems(e->obj))
			FAIL("more than %d objects below 0x%lx",
			    (int)nitems(e->obj), addr);
		o = &e->obj[e->nobj++];
		if (sscanf(line, "%u %u %7s %lu %lu %lu %d %d %7s %lu %lu",
		    &o->depth, &o->id, o->type, &o->size, &o->res, &o->swp,
		    &o->ref, &o->shd, o->flags, &o->hres, &o->hswp) != 11)
			FAIL("cannot parse object line: %s", line);
	}
	return (found);
}

/* Count the lines of s. */
static int
vd_nlines(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		if (*s == '\n')
			n++;
	return (n);
}

/*
 * vmobjdump C and vmobjdump G: the entries of the region show the
 * protection, flags, chain and counts that fork and write made (see
 * the opening comment); the page size heading and the totals are there.
 */
void
test_vmobjdump_basic(void)
{
	struct vd_family f;
	struct vd_entry ec, eg;
	struct vd_out o;
	char cpid[16], gpid[16];
	char *av[] = { "vmobjdump", cpid, NULL };
	char heading[64];

	vd_family_start(&f);
	snprintf(cpid, sizeof(cpid), "%d", (int)f.c);
	snprintf(gpid, sizeof(gpid), "%d", (int)f.g);

	vd_run(av, 0, &o);
	vd_expect_exit(&o, 0, "vmobjdump C");
	EXPECT(o.err[0] == '\0', "vmobjdump C wrote to stderr: %.200s",
	    o.err);
	snprintf(heading, sizeof(heading), "PID %d (", (int)f.c);
	EXPECT(strncmp(o.out, heading, strlen(heading)) == 0, "output does "
	    "not start with \"%s\": %.80s", heading, o.out);
	EXPECT(strstr(o.out, "sizes in pages of 4096 bytes") != NULL,
	    "the heading does not state the unit");
	EXPECT(strstr(o.out, "\ntotal: ") != NULL, "no totals line");
	EXPECT(strstr(o.out, "\nsystem swap: ") != NULL, "no swap line");
	EXPECT(vd_find_entry(o.out, f.addr, &ec), "no entry contains C's "
	    "region at 0x%lx", f.addr);
	vd_done(&o);

	EXPECT(ec.start == f.addr && ec.end == f.addr + VD_PAGES * T_PGSZ,
	    "C's entry is 0x%lx-0x%lx, expected 0x%lx-0x%lx", ec.start,
	    ec.end, f.addr, f.addr + VD_PAGES * T_PGSZ);
	EXPECT(strcmp(ec.prot, "rw-") == 0, "C's protection %s", ec.prot);
	EXPECT(strcmp(ec.flags, "C--") == 0, "C's entry flags %s, expected "
	    "C-- (written since fork: no longer needs copy)", ec.flags);
	EXPECT(ec.nobj == 2 && ec.depth == 2, "C's chain: %d object lines, "
	    "depth %u; expected 2 (fork, then a write)", ec.nobj, ec.depth);
	EXPECT(ec.obj[0].depth == 0 && ec.obj[1].depth == 1,
	    "depth column %u, %u", ec.obj[0].depth, ec.obj[1].depth);
	EXPECT(strcmp(ec.obj[0].type, "an") == 0 && ec.obj[0].res ==
	    VD_WRITTEN && ec.obj[0].size == VD_PAGES && ec.obj[0].ref == 1 &&
	    ec.obj[0].shd == 0 && strcmp(ec.obj[0].flags, "I---") == 0,
	    "C's front object: %s size %lu res %lu ref %d shd %d flags %s; "
	    "expected an size %d res %d ref 1 shd 0 I---", ec.obj[0].type,
	    ec.obj[0].size, ec.obj[0].res, ec.obj[0].ref, ec.obj[0].shd,
	    ec.obj[0].flags, VD_PAGES, VD_WRITTEN);
	EXPECT(ec.obj[1].res == VD_PAGES && ec.obj[1].ref == 2 &&
	    ec.obj[1].shd == 1, "C's backing object: res %lu ref %d shd %d; "
	    "expected res %d ref 2 shd 1", ec.obj[1].res, ec.obj[1].ref,
	    ec.obj[1].shd, VD_PAGES);
	EXPECT(ec.obj[0].id != ec.obj[1].id && ec.obj[0].id != 0,
	    "object ids %u, %u", ec.obj[0].id, ec.obj[1].id);
	EXPECT(ec.visible == VD_PAGES && ec.hidden == 0, "C's trailer: "
	    "visible %lu hidden %lu, expected %d and 0", ec.visible,
	    ec.hidden, VD_PAGES);

	av[1] = gpid;
	vd_run(av, 0, &o);
	vd_expect_exit(&o, 0, "vmobjdump G");
	EXPECT(vd_find_entry(o.out, f.addr, &eg), "no entry contains G's "
	    "region at 0x%lx", f.addr);
	vd_done(&o);
	EXPECT(strcmp(eg.prot, "rw-") == 0 && strcmp(eg.flags, "CN-") == 0,
	    "G's entry: %s %s, expected rw- CN- (never written since fork)",
	    eg.prot, eg.flags);
	EXPECT(eg.nobj == 1 && eg.depth == 1 && eg.obj[0].id ==
	    ec.obj[1].id, "G's chain: %d objects (depth %u), front id %u; "
	    "expected 1, C's backing object %u", eg.nobj, eg.depth,
	    eg.obj[0].id, ec.obj[1].id);

	vd_family_end(&f);
}

/*
 * -s: a header and one line per pid, in the order given (C's deepest
 * chain is at least the region's); -h drops the header; -k states KiB
 * and multiplies.
 */
void
test_vmobjdump_summary(void)
{
	struct vd_family f;
	struct vd_out o;
	char cpid[16], gpid[16];
	char *av[] = { "vmobjdump", "-s", cpid, gpid, NULL };
	char *avh[] = { "vmobjdump", "-s", "-h", cpid, NULL };
	char *avk[] = { "vmobjdump", "-s", "-k", "-h", cpid, NULL };
	unsigned int ent, obj, depth;
	unsigned long vis, vis_k;
	const char *l2;
	int pid;

	vd_family_start(&f);
	snprintf(cpid, sizeof(cpid), "%d", (int)f.c);
	snprintf(gpid, sizeof(gpid), "%d", (int)f.g);

	vd_run(av, 0, &o);
	vd_expect_exit(&o, 0, "vmobjdump -s C G");
	EXPECT(vd_nlines(o.out) == 3, "vmobjdump -s C G printed %d lines, "
	    "expected 3: %.300s", vd_nlines(o.out), o.out);
	EXPECT(strncmp(o.out, "  PID ", 6) == 0 && strstr(o.out, "_PG ") !=
	    NULL, "no header with the unit: %.100s", o.out);
	l2 = strchr(o.out, '\n') + 1;
	EXPECT(sscanf(l2, "%d %u %u %u %lu", &pid, &ent, &obj, &depth,
	    &vis) == 5 && pid == f.c, "second line is not C's: %.100s", l2);
	EXPECT(depth >= 2 && ent > 0 && obj >= 2 && vis >= VD_PAGES,
	    "C's summary: %u entries, %u objects, depth %u, visible %lu",
	    ent, obj, depth, vis);
	l2 = strchr(l2, '\n') + 1;
	EXPECT(sscanf(l2, "%d", &pid) == 1 && pid == f.g, "third line is "
	    "not G's: %.100s", l2);
	vd_done(&o);

	vd_run(avh, 0, &o);
	vd_expect_exit(&o, 0, "vmobjdump -s -h C");
	EXPECT(vd_nlines(o.out) == 1 && sscanf(o.out, "%d", &pid) == 1 &&
	    pid == f.c, "vmobjdump -s -h C: %.200s", o.out);
	vd_done(&o);

	vd_run(avk, 0, &o);
	vd_expect_exit(&o, 0, "vmobjdump -s -k -h C");
	EXPECT(sscanf(o.out, "%d %u %u %u %lu", &pid, &ent, &obj, &depth,
	    &vis_k) == 5 && vis_k == vis * (T_PGSZ / 1024), "-k: visible "
	    "%lu KiB for %lu pages: %.200s", vis_k, vis, o.out);
	vd_done(&o);

	vd_family_end(&f);
}

/*
 * -s -a: every process with a user map, kernel threads left out
 * without a word; naming a kernel thread gives "No such process".
 */
void
test_vmobjdump_all(void)
{
	static char kbuf[64 * 1024];
	static char kpid[16];
	int mib[3] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL };
	char *av[] = { "vmobjdump", "-s", "-a", NULL };
	char *avk[] = { "vmobjdump", kpid, NULL };
	struct kinfo_proc kp;
	struct vd_family f;
	struct vd_out o;
	char want[64];
	size_t len, off;
	int kthread = -1, sz;

	len = sizeof(kbuf);
	EXPECT_OK(sysctl(mib, 3, kbuf, &len, NULL, 0));
	for (off = 0; off + sizeof(kp) <= len; off += sz) {
		memcpy(&kp, kbuf + off, sizeof(kp));
		sz = kp.ki_structsize;
		EXPECT(sz >= (int)sizeof(kp), "kern.proc.all record size %d",
		    sz);
		if (strcmp(kp.ki_comm, "pagedaemon") == 0)
			kthread = kp.ki_pid;
	}
	EXPECT(kthread > 0, "no pagedaemon in kern.proc.all");

	vd_family_start(&f);
	vd_run(av, 0, &o);
	vd_expect_exit(&o, 0, "vmobjdump -s -a");
	EXPECT(o.err[0] == '\0', "vmobjdump -s -a wrote to stderr: %.200s",
	    o.err);
	snprintf(want, sizeof(want), "\n    1 ");
	EXPECT(strstr(o.out, want) != NULL, "no line for init: %.300s",
	    o.out);
	snprintf(want, sizeof(want), "\n%5d ", (int)f.c);
	EXPECT(strstr(o.out, want) != NULL, "no line for C (%d)", (int)f.c);
	snprintf(want, sizeof(want), "\n%5d ", (int)f.g);
	EXPECT(strstr(o.out, want) != NULL, "no line for G (%d)", (int)f.g);
	snprintf(want, sizeof(want), "\n%5d ", kthread);
	EXPECT(strstr(o.out, want) == NULL, "the pagedaemon (%d) is listed",
	    kthread);
	vd_done(&o);
	vd_family_end(&f);

	snprintf(kpid, sizeof(kpid), "%d", kthread);
	vd_run(avk, 0, &o);
	vd_expect_exit(&o, 1, "vmobjdump PAGEDAEMON");
	snprintf(want, sizeof(want), "vmobjdump: %d: No such process\n",
	    kthread);
	EXPECT(strcmp(o.err, want) == 0, "vmobjdump PAGEDAEMON: stderr "
	    "\"%.200s\", expected \"%s\"", o.err, want);
	vd_done(&o);
}

/*
 * -j: one valid JSON document that starts with the version, for one
 * pid, several, -a, and with a failing pid among them; the checker
 * itself rejects broken text.
 */
void
test_vmobjdump_json(void)
{
	struct vd_family f;
	struct vd_out o;
	char cpid[16], gpid[16], dpid[16], want[64], why[128];
	char *av1[] = { "vmobjdump", "-j", cpid, gpid, NULL };
	char *av2[] = { "vmobjdump", "-j", "-a", NULL };
	char *av3[] = { "vmobjdump", "-j", dpid, cpid, NULL };
	char *av4[] = { "vmobjdump", "-j", "-s", cpid, NULL };
	char *const *avs[] = { av1, av2, av3, av4 };
	const int codes[] = { 0, 0, 1, 0 };
	pid_t dead;
	int i;

	EXPECT(json_check("{\"a\":[1,2.5e3,\"x\\\"\",true,null]}", why,
	    sizeof(why)) == 0, "the checker rejects valid JSON: %s", why);
	EXPECT(json_check("{\"a\":1,}", NULL, 0) == -1 &&
	    json_check("{\"a\":\"x}", NULL, 0) == -1 &&
	    json_check("[1] [2]", NULL, 0) == -1 &&
	    json_check("{\"a\":[1}", NULL, 0) == -1,
	    "the checker accepts broken JSON");

	dead = t_fork();
	if (dead == 0)
		_exit(0);
	t_expect_exit(dead, 0, "short-lived child");
	snprintf(dpid, sizeof(dpid), "%d", (int)dead);
	vd_family_start(&f);
	snprintf(cpid, sizeof(cpid), "%d", (int)f.c);
	snprintf(gpid, sizeof(gpid), "%d", (int)f.g);
	for (i = 0; i < (int)nitems(avs); i++) {
		vd_run(avs[i], 0, &o);
		vd_expect_exit(&o, codes[i], avs[i][2]);
		EXPECT(json_check(o.out, why, sizeof(why)) == 0, "vmobjdump "
		    "-j %s: invalid JSON, %s", avs[i][2], why);
		EXPECT(strncmp(o.out, "{\"version\":1,", 13) == 0,
		    "vmobjdump -j %s: does not start with the version: %.40s",
		    avs[i][2], o.out);
		EXPECT(strstr(o.out, "\"units\":\"pages\"") != NULL &&
		    strstr(o.out, "\"page_size\":4096") != NULL,
		    "vmobjdump -j %s: no units or page size", avs[i][2]);
		snprintf(want, sizeof(want), "{\"pid\":%d,", (int)f.c);
		EXPECT(strstr(o.out, want) != NULL, "vmobjdump -j %s: no %s",
		    avs[i][2], want);
		if (i == 0 || i == 2) {
			EXPECT(strstr(o.out, "\"type\":\"anonymous\"") !=
			    NULL && strstr(o.out, "\"type\":\"vnode\"") !=
			    NULL && strstr(o.out, "\"needs_copy\":true") !=
			    NULL, "vmobjdump -j %s: no types or flags",
			    avs[i][2]);
			/* Cut short, the document must be rejected. */
			o.out[o.outlen / 2] = '\0';
			EXPECT(json_check(o.out, NULL, 0) == -1,
			    "half the output passes the checker");
		}
		if (i == 3)
			EXPECT(strstr(o.out, "\"entries\":[") == NULL &&
			    strstr(o.out, "\"totals\"") != NULL,
			    "-j -s: entries printed, or no totals");
		vd_done(&o);
	}
	vd_family_end(&f);
}

/*
 * A non-root user is refused by the kernel, and vmobjdump says so:
 * "vmobjdump: PID: Operation not permitted", exit 1, nothing on the
 * standard output; -a stops at the first refusal.
 */
void
test_vmobjdump_nonroot(void)
{
	struct vd_family f;
	struct vd_out o;
	char cpid[16], gpid[16], want[64];
	char *av[] = { "vmobjdump", cpid, gpid, NULL };
	char *ava[] = { "vmobjdump", "-a", NULL };

	vd_family_start(&f);
	snprintf(cpid, sizeof(cpid), "%d", (int)f.c);
	snprintf(gpid, sizeof(gpid), "%d", (int)f.g);

	vd_run(av, 1000, &o);
	vd_expect_exit(&o, 1, "vmobjdump C G as uid 1000");
	snprintf(want, sizeof(want), "vmobjdump: %d: Operation not "
	    "permitted\n", (int)f.c);
	EXPECT(strcmp(o.err, want) == 0, "as uid 1000: stderr \"%.200s\", "
	    "expected \"%s\"", o.err, want);
	EXPECT(o.outlen == 0, "as uid 1000: standard output %.100s", o.out);
	vd_done(&o);

	vd_run(ava, 1000, &o);
	vd_expect_exit(&o, 1, "vmobjdump -a as uid 1000");
	EXPECT(strstr(o.err, ": Operation not permitted\n") != NULL &&
	    vd_nlines(o.err) == 1, "vmobjdump -a as uid 1000: stderr "
	    "\"%.200s\"", o.err);
	vd_done(&o);

	/* Root still may: the refusal was the uid's. */
	vd_run(av, 0, &o);
	vd_expect_exit(&o, 0, "vmobjdump C G as root");
	vd_done(&o);
	vd_family_end(&f);
}

/*
 * A pid that does not exist: "vmobjdump: PID: No such process", exit
 * 1; among others, the others are still dumped.
 */
void
test_vmobjdump_nopid(void)
{
	struct vd_family f;
	struct vd_out o;
	char cpid[16], dpid[16], want[64], heading[32];
	char *av[] = { "vmobjdump", dpid, NULL };
	char *av2[] = { "vmobjdump", dpid, cpid, NULL };
	pid_t dead;

	dead = t_fork();
	if (dead == 0)
		_exit(0);
	t_expect_exit(dead, 0, "short-lived child");
	EXPECT_ERR(kill(dead, 0), ESRCH);
	snprintf(dpid, sizeof(dpid), "%d", (int)dead);
	snprintf(want, sizeof(want), "vmobjdump: %d: No such process\n",
	    (int)dead);

	vd_run(av, 0, &o);
	vd_expect_exit(&o, 1, "vmobjdump DEAD");
	EXPECT(strcmp(o.err, want) == 0, "stderr \"%.200s\", expected "
	    "\"%s\"", o.err, want);
	EXPECT(o.outlen == 0, "standard output: %.100s", o.out);
	vd_done(&o);

	vd_family_start(&f);
	snprintf(cpid, sizeof(cpid), "%d", (int)f.c);
	vd_run(av2, 0, &o);
	vd_expect_exit(&o, 1, "vmobjdump DEAD C");
	EXPECT(strcmp(o.err, want) == 0, "stderr \"%.200s\", expected "
	    "\"%s\"", o.err, want);
	snprintf(heading, sizeof(heading), "PID %d (", (int)f.c);
	EXPECT(strncmp(o.out, heading, strlen(heading)) == 0, "C was not "
	    "dumped after the missing pid: %.100s", o.out);
	vd_done(&o);
	vd_family_end(&f);
}

/*
 * Bad usage: no pid and no -a, an unknown option, a pid that is not a
 * number, -a with pids.  The usage goes to the standard error, nothing
 * to the standard output, and the exit status is 1 (as sysctl's).
 */
void
test_vmobjdump_usage(void)
{
	char *a0[] = { "vmobjdump", NULL };
	char *a1[] = { "vmobjdump", "-Z", "1", NULL };
	char *a2[] = { "vmobjdump", "12abc", NULL };
	char *a3[] = { "vmobjdump", "-a", "1", NULL };
	char *a4[] = { "vmobjdump", "", NULL };
	char *a5[] = { "vmobjdump", "-s", NULL };
	char *a6[] = { "vmobjdump", "99999999999", NULL };
	char *const *avs[] = { a0, a1, a2, a3, a4, a5, a6 };
	struct vd_out o;
	int i;

	for (i = 0; i < (int)nitems(avs); i++) {
		vd_run(avs[i], 0, &o);
		vd_expect_exit(&o, 1, "bad usage");
		EXPECT(strstr(o.err, "usage: vmobjdump") != NULL, "case %d: "
		    "no usage on stderr: \"%.200s\"", i, o.err);
		EXPECT(o.outlen == 0, "case %d: standard output: %.100s", i,
		    o.out);
		vd_done(&o);
	}
}

/*
 * Processes come and go while vmobjdump -a runs: those that vanish
 * are skipped quietly, and every run exits 0, says nothing on the
 * standard error and (with -j) prints valid JSON.
 */
static volatile sig_atomic_t vd_stop;

static void
vd_on_term(int sig)
{

	vd_stop = 1;
}

void
test_vmobjdump_race(void)
{
	char *av[] = { "vmobjdump", "-s", "-a", NULL };
	char *avj[] = { "vmobjdump", "-j", "-a", NULL };
	char why[128];
	struct vd_out o;
	pid_t churn, k;
	int i;

	churn = t_fork();
	if (churn == 0) {
		t_signal(SIGTERM, vd_on_term, 0);
		while (!vd_stop) {
			k = fork();
			if (k == 0) {
				t_msleep(5);
				_exit(0);
			}
			if (k == -1) {
				t_msleep(10);
				continue;
			}
			while (waitpid(k, NULL, 0) == -1 && errno == EINTR)
				continue;
		}
		_exit(0);
	}
	for (i = 0; i < 6; i++) {
		vd_run(i % 2 ? avj : av, 0, &o);
		vd_expect_exit(&o, 0, "vmobjdump -a with processes exiting");
		EXPECT(o.err[0] == '\0', "run %d: stderr: %.200s", i, o.err);
		if (i % 2)
			EXPECT(json_check(o.out, why, sizeof(why)) == 0,
			    "run %d: invalid JSON, %s", i, why);
		vd_done(&o);
	}
	EXPECT_OK(kill(churn, SIGTERM));
	t_expect_exit(churn, 0, "the churning child");
}

/* Occurrences of needle in hay. */
static int
vd_count(const char *hay, const char *needle)
{
	const char *p;
	int n = 0;

	for (p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return (n);
}

/*
 * The DOT node of the entry of pid whose label starts with the region's
 * range, as "e<pid>_<n>" into name; 0 if there is none.
 */
static int
vd_dot_entry(const char *out, pid_t pid, unsigned long addr, char *name,
    size_t size)
{
	char label[64], prefix[24];
	const char *p, *q;

	snprintf(label, sizeof(label), "label=\"0x%08lx-0x%08lx\\n", addr,
	    addr + VD_PAGES * T_PGSZ);
	snprintf(prefix, sizeof(prefix), "  e%d_", (int)pid);
	for (p = out; (p = strstr(p, prefix)) != NULL; p++) {
		q = strchr(p, '\n');
		if (q == NULL || strstr(p, label) == NULL ||
		    strstr(p, label) > q)
			continue;
		snprintf(name, size, "%.*s", (int)strcspn(p + 2, " "), p + 2);
		return (1);
	}
	return (0);
}

/* The object an edge from node leads to, or 0. */
static unsigned int
vd_dot_edge(const char *out, const char *node)
{
	char from[40];
	const char *p;
	unsigned int id;

	snprintf(from, sizeof(from), "  %s -> o", node);
	if ((p = strstr(out, from)) == NULL ||
	    sscanf(p + strlen(from), "%u;", &id) != 1)
		return (0);
	return (id);
}

/*
 * vmobjdump -d C G: one graph; C's entry leads to S, S to A, G's entry
 * straight to A, and A, shared, is drawn once; the labels carry the
 * counts, and nothing is hidden (blue, not red).
 */
void
test_vmobjdump_dot(void)
{
	struct vd_family f;
	struct vd_out o;
	char cpid[16], gpid[16], ce[24], ge[24], node[24], want[192];
	char *av[] = { "vmobjdump", "-d", cpid, gpid, NULL };
	unsigned int s, a, ga;

	vd_family_start(&f);
	snprintf(cpid, sizeof(cpid), "%d", (int)f.c);
	snprintf(gpid, sizeof(gpid), "%d", (int)f.g);
	vd_run(av, 0, &o);
	vd_family_end(&f);
	vd_expect_exit(&o, 0, "vmobjdump -d C G");
	EXPECT(strncmp(o.out, "digraph vmobjdump {\n", 20) == 0 &&
	    o.outlen >= 2 && strcmp(o.out + o.outlen - 2, "}\n") == 0,
	    "not one digraph: %.60s", o.out);
	EXPECT(vd_count(o.out, "{") == vd_count(o.out, "}"),
	    "braces do not balance");
	EXPECT(vd_dot_entry(o.out, f.c, f.addr, ce, sizeof(ce)) &&
	    vd_dot_entry(o.out, f.g, f.addr, ge, sizeof(ge)),
	    "no node for the region in C's or G's cluster");
	s = vd_dot_edge(o.out, ce);
	snprintf(node, sizeof(node), "o%u", s);
	a = vd_dot_edge(o.out, node);
	ga = vd_dot_edge(o.out, ge);
	EXPECT(s != 0 && a != 0 && a != s, "C's entry leads to %u, which "
	    "leads to %u", s, a);
	EXPECT(ga == a, "G's entry leads to object %u, not to C's backing "
	    "object %u", ga, a);
	snprintf(want, sizeof(want), "  o%u [", a);
	EXPECT(vd_count(o.out, want) == 1, "the shared object %u is drawn "
	    "%d times", a, vd_count(o.out, want));
	snprintf(want, sizeof(want), " -> o%u;\n", a);
	EXPECT(vd_count(o.out, want) == 2, "%d edges lead to the shared "
	    "object %u, expected 2 (S and G's entry)", vd_count(o.out, want),
	    a);
	snprintf(want, sizeof(want), "  o%u [fillcolor=\"#c8dcf0\", label=<"
	    "<b>object %u</b> anonymous<br/>size %d, resident %d, swap 0<br/>"
	    "1 refs, 0 shadows<br/>", s, s, VD_PAGES, VD_WRITTEN);
	EXPECT(strstr(o.out, want) != NULL, "S's node is not %s", want);
	snprintf(want, sizeof(want), "  o%u [fillcolor=\"#c8dcf0\", label=<"
	    "<b>object %u</b> anonymous<br/>size %d, resident %d, swap 0<br/>"
	    "2 refs, 1 shadows<br/>", a, a, VD_PAGES, VD_PAGES);
	EXPECT(strstr(o.out, want) != NULL, "A's node is not %s", want);
	vd_done(&o);
}
