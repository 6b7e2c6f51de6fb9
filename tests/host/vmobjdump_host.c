/*
 * vmobjdump_host.c: host test of vmobjdump(8) (tools/vmobjdump) and
 * libc's kinfo_getvmmap(3), against made-up snapshots.
 *
 * The tool is included here with its main renamed, and linked with the
 * real lib/libc/gen/kinfo_vm.c and kinfo_proc.c; sysctl(3) and
 * sysctlnametomib(3) are ours, a mock kernel serving kern.proc.all and
 * kern.proc.vmmap.PID from a table of processes (and sysctlbyname(3)
 * serving vm.collapse_pagers).  Each case runs the
 * tool in a forked child, its standard output and error in temporary
 * files, and checks them with its exit status.  What the guest cannot
 * show is tested here: records that are malformed in every way the
 * tool checks, and random corruption (no crash, always a verdict, JSON
 * always valid); names holding quotes, control characters and bytes
 * above 0x7f (escaped in JSON, replaced in text); totals that count a
 * shared object once; the DOT graph of -d, with objects shared by two
 * processes drawn once;
 * records larger than the tool knows (a newer kernel).
 */
#define	main	vmobjdump_main
#include "../../tools/vmobjdump/vmobjdump.c"
#undef	main

#include <sys/wait.h>
#include <fcntl.h>

#include "jsoncheck.h"
#include "testlib.h"

#ifndef nitems
#define	nitems(x)	(sizeof((x)) / sizeof((x)[0]))
#endif

/* The mock kernel's processes. */
struct mock {
	pid_t		pid;
	int		stat;		/* SRUN, SZOMB */
	u_int		size;		/* ki_size; 0: no user map */
	const char	*comm;
	int		error;		/* kern.proc.vmmap.PID fails so */
	const char	*snap;		/* else: its snapshot */
	size_t		len;
};

#define	NMOCK	8
static struct mock	mocks[NMOCK];
static int		nmocks;

static struct mock *
mock_add(pid_t pid, const char *comm, int error, const void *snap,
    size_t len)
{
	struct mock *m = &mocks[nmocks++];

	memset(m, 0, sizeof(*m));
	m->pid = pid;
	m->stat = SRUN;
	m->size = 8192;
	m->comm = comm;
	m->error = error;
	m->snap = snap;
	m->len = len;
	return (m);
}

/* Answer as the kernel does: a NULL buffer gets the size. */
static int
mock_out(const void *data, size_t len, void *oldp, size_t *oldlenp)
{

	if (oldp == NULL) {
		*oldlenp = len;
		return (0);
	}
	if (*oldlenp < len) {
		memcpy(oldp, data, *oldlenp);
		errno = ENOMEM;
		return (-1);
	}
	memcpy(oldp, data, len);
	*oldlenp = len;
	return (0);
}

int
sysctl(const int *mib, unsigned int miblen, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen)
{
	static struct kinfo_proc kp[NMOCK];
	int i;

	if (miblen == 3 && mib[0] == CTL_KERN && mib[1] == KERN_PROC &&
	    mib[2] == KERN_PROC_ALL) {
		memset(kp, 0, sizeof(kp));
		for (i = 0; i < nmocks; i++) {
			kp[i].ki_structsize = sizeof(kp[i]);
			kp[i].ki_pid = mocks[i].pid;
			kp[i].ki_stat = mocks[i].stat;
			kp[i].ki_size = mocks[i].size;
			strncpy(kp[i].ki_comm, mocks[i].comm, KI_COMMLEN - 1);
		}
		return (mock_out(kp, nmocks * sizeof(kp[0]), oldp, oldlenp));
	}
	if (miblen == 4 && mib[0] == CTL_KERN && mib[1] == KERN_PROC &&
	    mib[2] == KERN_PROC_VMMAP) {
		for (i = 0; i < nmocks; i++) {
			if (mocks[i].pid != mib[3])
				continue;
			if (mocks[i].error != 0) {
				errno = mocks[i].error;
				return (-1);
			}
			return (mock_out(mocks[i].snap, mocks[i].len, oldp,
			    oldlenp));
		}
		errno = ESRCH;
		return (-1);
	}
	errno = ENOENT;
	return (-1);
}

int
sysctlnametomib(const char *name, int *mib, size_t *lenp)
{

	if (strcmp(name, "kern.proc.vmmap") != 0 || *lenp < 3) {
		errno = ENOENT;
		return (-1);
	}
	mib[0] = CTL_KERN;
	mib[1] = KERN_PROC;
	mib[2] = KERN_PROC_VMMAP;
	*lenp = 3;
	return (0);
}

/* The one node read by name: vm.collapse_pagers, for -d's label. */
static int	mock_collapse_pagers = 1;

int
sysctlbyname(const char *name, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen)
{

	if (strcmp(name, "vm.collapse_pagers") != 0 || newp != NULL) {
		errno = ENOENT;
		return (-1);
	}
	return (mock_out(&mock_collapse_pagers, sizeof(mock_collapse_pagers),
	    oldp, oldlenp));
}

/*
 * Building snapshots.  Records may be made larger than the tool's
 * structures (pad bytes), as a newer kernel's would be.
 */
struct sb {
	char		buf[16384] __attribute__((__aligned__(8)));
	size_t		len;
	size_t		pad;
	struct kinfo_vmmap_hdr *h;
	struct kinfo_vmentry *e;	/* the last entry */
};

static void
sb_start(struct sb *b, pid_t pid, size_t pad)
{

	memset(b, 0, sizeof(*b));
	b->pad = pad;
	b->h = (struct kinfo_vmmap_hdr *)b->buf;
	b->h->kvh_structsize = sizeof(*b->h) + pad;
	b->h->kvh_version = KVM_VERSION;
	b->h->kvh_pid = pid;
	b->h->kvh_pagesize = 4096;
	b->h->kvh_generation = 77;
	b->h->kvh_swap_total = 32768;
	b->h->kvh_swap_used = 300;
	b->len = b->h->kvh_structsize;
}

static void
sb_entry(struct sb *b, uint32_t start, uint32_t end, int prot, int flags,
    uint32_t visible)
{

	b->e = (struct kinfo_vmentry *)(b->buf + b->len);
	b->e->kve_structsize = sizeof(*b->e) + b->pad;
	b->e->kve_start = start;
	b->e->kve_end = end;
	b->e->kve_protection = prot;
	b->e->kve_max_protection = 7;
	b->e->kve_flags = flags;
	b->e->kve_visible = visible;
	b->len += b->e->kve_structsize;
	b->h->kvh_nentries++;
}

static struct kinfo_vmobject *
sb_obj(struct sb *b, uint32_t id, uint32_t backing, int type, uint32_t size,
    uint32_t res, uint32_t swp, int ref, int shd, uint32_t hswp,
    const char *path)
{
	struct kinfo_vmobject *o;

	o = (struct kinfo_vmobject *)(b->buf + b->len);
	o->kvo_structsize = sizeof(*o) + b->pad;
	o->kvo_id = id;
	o->kvo_backing_id = backing;
	o->kvo_type = type;
	o->kvo_size = size;
	o->kvo_resident = res;
	o->kvo_swapped = swp;
	o->kvo_ref_count = ref;
	o->kvo_shadow_count = shd;
	o->kvo_hidden_swap = hswp;
	o->kvo_flags = type == KVO_TYPE_VNODE ? 0 : KVO_F_INTERNAL;
	if (path != NULL)
		memcpy(o->kvo_path, path, strlen(path));
	b->len += o->kvo_structsize;
	b->e->kve_depth++;
	b->h->kvh_nobjects++;
	return (o);
}

/* A name with everything JSON must escape, and bytes text must hide. */
#define	ODD_PATH	"we\"ird\\na\001\351me"
#define	ODD_PATH_TEXT	"we\"ird\\na??me"
#define	ODD_PATH_JSON	"\"we\\\"ird\\\\na\\u0001\\u00e9me\""
#define	ODD_COMM	"mai\tld"

/*
 * The good snapshot: a file's text; a data segment behind a four-deep
 * chain with hidden swap (the 1993 picture); a second entry on object
 * 95 of that chain, so that totals must count it once.  Totals: 3
 * entries, 5 objects, deepest 4, visible 22; anonymous resident 4, swap
 * 28, hidden swap 13.
 */
static void
sb_good(struct sb *b, pid_t pid, size_t pad)
{

	sb_start(b, pid, pad);
	sb_entry(b, 0x8048000, 0x804a000, 5, KVE_F_COW | KVE_F_NEEDS_COPY, 2);
	sb_obj(b, 7, 0, KVO_TYPE_VNODE, 10, 2, 0, 3, 0, 0, ODD_PATH);
	sb_entry(b, 0x804f000, 0x8061000, 3, KVE_F_COW, 18);
	sb_obj(b, 812, 377, KVO_TYPE_ANON, 18, 3, 1, 1, 0, 0, NULL);
	sb_obj(b, 377, 240, KVO_TYPE_SWAP, 18, 0, 9, 1, 1, 4, NULL);
	sb_obj(b, 240, 95, KVO_TYPE_SWAP, 18, 0, 12, 1, 1, 9, NULL);
	sb_obj(b, 95, 0, KVO_TYPE_SWAP, 18, 1, 6, 3, 1, 0, NULL);
	sb_entry(b, 0xbfffe000, 0xc0000000, 7, KVE_F_COW | KVE_F_SHARED, 2);
	sb_obj(b, 95, 0, KVO_TYPE_SWAP, 18, 1, 6, 3, 1, 0, NULL);
}

/* One run of the tool. */
struct run {
	int	status;
	char	out[65536];
	char	err[4096];
};

/* The scratch directory: a mkdtemp(3) template until it is made. */
static char	tmpdir[] = "/tmp/vmobjdump_host.XXXXXX";

static void
slurp(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd;

	buf[0] = '\0';
	if ((fd = open(path, O_RDONLY)) == -1)
		return;
	n = read(fd, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
}

/* Run vmobjdump with the arguments (a NULL-terminated list). */
static void
run(struct run *r, ...)
{
	char *argv[16], out[64], err[64];
	va_list ap;
	pid_t pid;
	int argc = 0;

	argv[argc++] = "vmobjdump";
	va_start(ap, r);
	while ((argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	snprintf(out, sizeof(out), "%s/out", tmpdir);
	snprintf(err, sizeof(err), "%s/err", tmpdir);
	fflush(stdout);
	pid = fork();
	if (pid == -1) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		if (freopen(out, "w", stdout) == NULL ||
		    freopen(err, "w", stderr) == NULL)
			_exit(99);
		exit(vmobjdump_main(argc, argv));
	}
	while (waitpid(pid, &r->status, 0) == -1)
		if (errno != EINTR) {
			perror("waitpid");
			exit(1);
		}
	slurp(out, r->out, sizeof(r->out));
	slurp(err, r->err, sizeof(r->err));
}

static int
exited(const struct run *r, int code)
{

	return (WIFEXITED(r->status) && WEXITSTATUS(r->status) == code);
}

static void
expect(const char *what, const struct run *r, int code, const char *in_out,
    const char *err)
{

	if (!exited(r, code))
		fail("%s: status 0x%x, expected exit %d; stderr: %s", what,
		    r->status, code, r->err);
	if (in_out != NULL && strstr(r->out, in_out) == NULL)
		fail("%s: no \"%s\" in the output:\n%s", what, in_out,
		    r->out);
	if (err != NULL && strcmp(r->err, err) != 0)
		fail("%s: stderr \"%s\", expected \"%s\"", what, r->err, err);
}

static void
expect_json(const char *what, const struct run *r)
{
	char why[128];

	if (json_check(r->out, why, sizeof(why)) != 0)
		fail("%s: invalid JSON (%s):\n%s", what, why, r->out);
	if (strncmp(r->out, "{\"version\":1,", 13) != 0)
		fail("%s: JSON does not start with the version", what);
}

static struct sb	good, padded, bad, fuzz;
static struct run	r;

/* The good snapshot, in text, -k, -s, -j; and from a newer kernel. */
static void
test_good(void)
{
	static const char hdr[] = "  PID ENTRIES OBJECTS DEPTH    VIS_PG    "
	    "RES_PG    SWP_PG   HRES_PG   HSWP_PG COMMAND\n";

	sb_good(&good, 42, 0);
	sb_good(&padded, 43, 12);
	mock_add(42, ODD_COMM, 0, good.buf, good.len);
	mock_add(43, "padded", 0, padded.buf, padded.len);

	run(&r, "42", NULL);
	expect("text", &r, 0, "total: 3 entries, 5 objects, deepest chain "
	    "4, visible 22; anonymous objects: resident 4, swap 28, hidden "
	    "resident 0, hidden swap 13\n", "");
	expect("text", &r, 0, "PID 42 (mai?ld): 3 map entries, generation "
	    "77; sizes in pages of 4096 bytes\n", NULL);
	expect("text", &r, 0, "  chain depth 4, visible 18, hidden 13 "
	    "(resident 0, swap 13)\n", NULL);
	expect("text", &r, 0, "0x0804f000 0x08061000 rw- C-- 0x0\n", NULL);
	expect("text", &r, 0, "0xbfffe000 0xc0000000 rwx C-S 0x0\n", NULL);
	expect("text", &r, 0, "  377 sw     18      0      9    1    1 I---"
	    "      0      4\n", NULL);
	expect("text", &r, 0, " " ODD_PATH_TEXT "\n", NULL);
	expect("text", &r, 0, "\nsystem swap: 300 of 32768 pages in use\n",
	    NULL);

	run(&r, "-k", "-h", "42", NULL);
	expect("-k", &r, 0, "visible 88; anonymous objects: resident 16, "
	    "swap 112, hidden resident 0, hidden swap 52\n", "");
	if (strstr(r.out, "PID 42") != NULL || strstr(r.out, "START") !=
	    NULL)
		fail("-h: headings printed");
	expect("-k", &r, 0, "system swap: 1200 of 131072 KiB in use", NULL);

	run(&r, "-s", "42", "43", NULL);
	expect("-s", &r, 0, "\n   42       3       5     4        22"
	    "         4        28         0        13 mai?ld\n"
	    "   43       3       5     4        22         4        28"
	    "         0        13 padded\n", "");
	if (strncmp(r.out, hdr, strlen(hdr)) != 0)
		fail("-s: header %.90s", r.out);

	run(&r, "-j", "42", NULL);
	expect("-j", &r, 0, "\"path\":" ODD_PATH_JSON, "");
	expect("-j", &r, 0, "\"command\":\"mai\\tld\"", NULL);
	expect("-j", &r, 0, "\"totals\":{\"entries\":3,\"objects\":5,"
	    "\"deepest_chain\":4,\"visible\":22,\"resident\":4,"
	    "\"swapped\":28,\"hidden_resident\":0,\"hidden_swap\":13}", NULL);
	expect("-j", &r, 0, "\"swap\":{\"total\":32768,\"used\":300}", NULL);
	expect_json("-j", &r);

	run(&r, "-j", "-s", "42", "43", NULL);
	expect_json("-j -s", &r);
	if (strstr(r.out, "\"entries\":[") != NULL)
		fail("-j -s: entries printed");

	/* A newer kernel's larger records give the same dump. */
	run(&r, "-h", "43", NULL);
	expect("padded", &r, 0, "  chain depth 4, visible 18, hidden 13 "
	    "(resident 0, swap 13)\n", "");
	expect("padded", &r, 0, "total: 3 entries, 5 objects, deepest chain "
	    "4, visible 22; anonymous objects: resident 4, swap 28, hidden "
	    "resident 0, hidden swap 13\n", NULL);
}

/* Missing processes and refusals. */
static void
test_errors(void)
{

	mock_add(44, "gone", ESRCH, NULL, 0);
	mock_add(45, "secret", EPERM, NULL, 0);

	run(&r, "44", "42", NULL);
	expect("ESRCH", &r, 1, "PID 42 (", "vmobjdump: 44: No such "
	    "process\n");
	run(&r, "-j", "44", "42", NULL);
	expect("ESRCH -j", &r, 1, "{\"pid\":42,", "vmobjdump: 44: No such "
	    "process\n");
	expect_json("ESRCH -j", &r);
	run(&r, "99", NULL);
	expect("unknown pid", &r, 1, NULL, "vmobjdump: 99: No such "
	    "process\n");

	run(&r, "45", "42", NULL);
	expect("EPERM", &r, 1, NULL, "vmobjdump: 45: Operation not "
	    "permitted\n");
	if (r.out[0] != '\0')
		fail("EPERM: output %s", r.out);
	/* After a refusal, the others are not asked for. */
	run(&r, "-j", "45", "42", NULL);
	expect_json("EPERM -j", &r);
	if (strstr(r.out, "\"pid\":42") != NULL)
		fail("EPERM: went on to pid 42");
}

/* -a: kernel threads, zombies and vanished processes skipped quietly. */
static void
test_all(void)
{
	struct run ra;
	struct mock *m;

	nmocks = 0;
	mock_add(1, "init", 0, good.buf, good.len);
	good.h->kvh_pid = 1;
	m = mock_add(2, "pagedaemon", 0, good.buf, good.len);
	m->size = 0;
	m = mock_add(3, "zombie", 0, good.buf, good.len);
	m->stat = SZOMB;
	mock_add(4, "gone", ESRCH, NULL, 0);
	run(&ra, "-s", "-a", NULL);
	expect("-a", &ra, 0, "\n    1       3", "");
	if (strstr(ra.out, "\n    2 ") != NULL ||
	    strstr(ra.out, "\n    3 ") != NULL)
		fail("-a: listed a kernel thread or a zombie:\n%s", ra.out);
	run(&ra, "-j", "-a", NULL);
	expect_json("-j -a", &ra);
	expect("-j -a", &ra, 0, "{\"pid\":1,", "");

	mock_add(5, "secret", EPERM, NULL, 0);
	run(&ra, "-a", NULL);
	expect("-a EPERM", &ra, 1, NULL, "vmobjdump: 5: Operation not "
	    "permitted\n");
	good.h->kvh_pid = 42;
}

/* One malformed snapshot: exit 1, a message, nothing printed of it. */
static void
expect_bad(const char *what, size_t len, const char *msg)
{
	char want[256];

	nmocks = 0;
	mock_add(50, "bad", 0, bad.buf, len);
	run(&r, "50", NULL);
	snprintf(want, sizeof(want), "vmobjdump: 50: kern.proc.vmmap: %s",
	    msg);
	if (!exited(&r, 1) || strncmp(r.err, want, strlen(want)) != 0 ||
	    r.out[0] != '\0')
		fail("%s: status 0x%x, stderr \"%s\", expected \"%s...\"; "
		    "output \"%.100s\"", what, r.status, r.err, want, r.out);
	run(&r, "-j", "50", NULL);
	expect_json(what, &r);
	if (!exited(&r, 1) || strstr(r.out, "\"pid\"") != NULL)
		fail("%s -j: status 0x%x, output %s", what, r.status, r.out);
}

static void
test_malformed(void)
{
	struct kinfo_vmentry *e2;
	struct kinfo_vmobject *o;
	size_t e2off;

	sb_good(&bad, 50, 0);
	expect_bad("truncated", bad.len - 10, "malformed records: object 0 "
	    "below map entry 3 is cut short or too small");
	expect_bad("header only", sizeof(*bad.h), "malformed records: 3 "
	    "entries and 6 objects cannot fit in 36 bytes");
	expect_bad("short header", 12, "records of an unknown version");

	bad.h->kvh_version = 2;
	expect_bad("version", bad.len, "records of an unknown version");

	sb_good(&bad, 50, 0);
	bad.h->kvh_pid = 51;
	expect_bad("pid", bad.len, "malformed records: the snapshot is of "
	    "pid 51");

	sb_good(&bad, 50, 0);
	bad.h->kvh_pagesize = 0;
	expect_bad("page size", bad.len, "malformed records: page size 0");

	sb_good(&bad, 50, 0);
	bad.h->kvh_nentries = 0x7fffffff;
	expect_bad("entries", bad.len, "malformed records: 2147483647 "
	    "entries");

	sb_good(&bad, 50, 0);
	bad.h->kvh_nobjects++;
	expect_bad("objects", bad.len, "malformed records: 6 object records, "
	    "the header says 7");

	sb_good(&bad, 50, 0);
	bad.h->kvh_nentries--;
	expect_bad("trailing", bad.len, "malformed records: 5 object "
	    "records, the header says 6");

	/* Entry 2 starts after the header and entry 1 with its object. */
	e2off = sizeof(*bad.h) + sizeof(struct kinfo_vmentry) +
	    sizeof(struct kinfo_vmobject);
	sb_good(&bad, 50, 0);
	e2 = (struct kinfo_vmentry *)(bad.buf + e2off);
	e2->kve_depth = 1000000;
	expect_bad("depth", bad.len, "malformed records: map entry 2: range "
	    "0x804f000-0x8061000, 1000000 objects");

	sb_good(&bad, 50, 0);
	e2 = (struct kinfo_vmentry *)(bad.buf + e2off);
	e2->kve_end = e2->kve_start;
	expect_bad("range", bad.len, "malformed records: map entry 2: range");

	sb_good(&bad, 50, 0);
	e2 = (struct kinfo_vmentry *)(bad.buf + e2off);
	e2->kve_structsize = 8;
	expect_bad("small entry", bad.len, "malformed records: map entry 2 "
	    "of 3 is cut short or too small");

	sb_good(&bad, 50, 0);
	e2 = (struct kinfo_vmentry *)(bad.buf + e2off);
	e2->kve_structsize = 0x7ffffff0;
	expect_bad("huge entry", bad.len, "malformed records: map entry 2 "
	    "of 3 is cut short or too small");

	sb_good(&bad, 50, 0);
	o = (struct kinfo_vmobject *)(bad.buf + e2off + sizeof(*e2));
	o->kvo_structsize = -4;
	expect_bad("negative object", bad.len, "malformed records: object 0 "
	    "below map entry 2");

	sb_good(&bad, 50, 0);
	o = (struct kinfo_vmobject *)(bad.buf + e2off + sizeof(*e2));
	o->kvo_backing_id = 378;
	expect_bad("link", bad.len, "malformed records: map entry 2: object "
	    "812 is backed by 378, not 377");

	sb_good(&bad, 50, 0);
	o = (struct kinfo_vmobject *)(bad.buf + e2off + sizeof(*e2));
	o[3].kvo_backing_id = 5;
	expect_bad("end", bad.len, "malformed records: map entry 2: the chain "
	    "ends at object 95, which has a backing object");
}

/*
 * Random corruption of the good snapshot: whatever the bytes, the tool
 * ends with 0 or 1 (never a signal, never a sanitizer report), and its
 * JSON is valid.
 */
static void
test_fuzz(void)
{
	int i, j, n, ok = 0;

	for (i = 0; i < 400; i++) {
		sb_good(&fuzz, 60, 0);
		n = 1 + (int)rnd(4);
		for (j = 0; j < n; j++)
			fuzz.buf[rnd(fuzz.len)] = (char)rnd64();
		nmocks = 0;
		mock_add(60, "fuzz", 0, fuzz.buf, fuzz.len - rnd(2) * rnd(8));
		run(&r, i % 2 ? "-j" : "-s", "60", NULL);
		if (!exited(&r, 0) && !exited(&r, 1)) {
			fail("fuzz %d: status 0x%x; stderr %s", i, r.status,
			    r.err);
			continue;
		}
		if (exited(&r, 0))
			ok++;
		if (i % 2)
			expect_json("fuzz", &r);
	}
	printf("fuzz: %d of 400 corrupted snapshots still dumped\n", ok);
}

/* How many times needle occurs in hay. */
static int
occurrences(const char *hay, const char *needle)
{
	const char *p;
	int n = 0;

	for (p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return (n);
}

/*
 * -d: one DOT graph for two processes that share every object (43 is
 * 42's snapshot again): each object drawn once, each backing edge
 * once, an edge from every entry, hidden pages in red.
 */
static void
test_dot(void)
{
	static const char *const once[] = {
		"  o7 [", "  o812 [", "  o377 [", "  o240 [", "  o95 [",
		"  o812 -> o377;\n", "  o377 -> o240;\n", "  o240 -> o95;\n",
		"  e42_1 -> o812;\n", "  e42_2 -> o95;\n", "  e43_1 -> o812;\n",
		"  e43_2 -> o95;\n", "  e42_0 -> o7;\n",
		" subgraph cluster_42 {", " subgraph cluster_43 {",
	};
	size_t i;

	nmocks = 0;
	mock_add(42, ODD_COMM, 0, good.buf, good.len);
	mock_add(43, "padded", 0, padded.buf, padded.len);
	run(&r, "-d", "42", "43", NULL);
	expect("-d", &r, 0, "digraph vmobjdump {\n", "");
	if (strncmp(r.out, "digraph vmobjdump {\n", 20) != 0 ||
	    strcmp(r.out + strlen(r.out) - 2, "}\n") != 0)
		fail("-d: not one digraph: %.40s", r.out);
	if (occurrences(r.out, "{") != occurrences(r.out, "}"))
		fail("-d: braces do not balance");
	for (i = 0; i < nitems(once); i++)
		if (occurrences(r.out, once[i]) != 1)
			fail("-d: \"%s\" appears %d times, not once", once[i],
			    occurrences(r.out, once[i]));
	expect("-d hidden", &r, 0, "  o377 [fillcolor=\"#f4b0b0\", "
	    "label=<<b>object 377</b> swap<br/>size 18, resident 0, swap 9"
	    "<br/>1 refs, 1 shadows<br/><font color=\"#c00000\">hidden: "
	    "resident 0, swap 4</font>>];\n", NULL);
	expect("-d not hidden", &r, 0, "  o812 [fillcolor=\"#c8dcf0\"", NULL);
	expect("-d path", &r, 0, "vnode<br/>we&quot;ird\\na??me<br/>", NULL);
	expect("-d entry", &r, 0, "  e42_1 [shape=box, style=solid, "
	    "label=\"0x0804f000-0x08061000\\nrw- C--\"];\n", NULL);
	expect("-d label", &r, 0, " label=\"vm.collapse_pagers=1; system "
	    "swap: 300 of 32768 pages in use\";\n}\n", NULL);
	run(&r, "-d", "-k", "42", NULL);
	expect("-d -k", &r, 0, "size 72, resident 0, swap 36", "");
}

/* Bad usage: exit 1, the usage on stderr, nothing on stdout. */
static void
test_usage(void)
{
	static const char *const cases[][3] = {
		{ NULL }, { "-x", "1", NULL }, { "12abc", NULL },
		{ "-a", "1", NULL }, { "", NULL }, { "-1", NULL },
		{ "99999999999", NULL }, { "-j", NULL },
		{ "-d", "-j", NULL }, { "-d", "-s", NULL },
	};
	size_t i;

	for (i = 0; i < nitems(cases); i++) {
		run(&r, cases[i][0], cases[i][0] != NULL ? cases[i][1] : NULL,
		    cases[i][0] != NULL && cases[i][1] != NULL ? "42" : NULL,
		    NULL);
		if (!exited(&r, 1) || strstr(r.err, "usage: vmobjdump") ==
		    NULL || r.out[0] != '\0')
			fail("usage case %zu (%s): status 0x%x, stderr %s",
			    i, cases[i][0] != NULL ? cases[i][0] : "none",
			    r.status, r.err);
	}
}

int
main(void)
{
	char path[64];

	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return (1);
	}
	test_good();
	test_errors();
	test_all();
	test_dot();
	test_malformed();
	test_fuzz();
	test_usage();
	snprintf(path, sizeof(path), "%s/out", tmpdir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/err", tmpdir);
	unlink(path);
	rmdir(tmpdir);
	return (test_done());
}
