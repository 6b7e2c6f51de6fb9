/*
 * t_cow.c: copy-on-write and the private/shared split of a process
 * image: after fork, parent and child (and grandchild) each see exactly
 * their own writes, on the heap, in bss and in initialised data;
 * initialised data written in one process does not reach a fresh exec
 * of the same program; program text is shared between instances; new
 * memory is zero-filled.
 *
 * Regions are checked word by word against patterns (t_fill/t_check in
 * util.c) that differ per page and per writer, so a page that comes
 * from the wrong process, the wrong generation or a zero-fill is named
 * in the failure.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

extern char **environ;

#define	COW_PAGES	16

/* Pattern tags: who wrote a page. */
#define	TAG_BASE	0xb0000000U	/* the original contents */
#define	TAG_CHILD	0xc0000000U	/* the child */
#define	TAG_PARENT	0xd0000000U	/* the parent, after the fork */
#define	TAG_L0		0x10000000U	/* cow-chain: first generation */
#define	TAG_L1		0x11000000U	/* second generation */
#define	TAG_L1B		0x11b00000U	/* second generation, later */
#define	TAG_L2		0x12000000U	/* third generation */
#define	TAG_L2B		0x12b00000U	/* third generation, later */

/* Initialised data, not zero: the region starts out file-backed. */
static unsigned int cow_data[COW_PAGES * PAGE_SIZE / 4] = {
	[0 ... COW_PAGES * PAGE_SIZE / 4 - 1] = 0xda7ada7a
};
static char cow_bss[COW_PAGES * PAGE_SIZE];

/*
 * The two-way copy-on-write check on the n-page region at base (see
 * test_cow_both_ways).  what names the region in messages.  If atfork
 * is not NULL, it gets the kernel's counts for the parent's map entry
 * of the region right after the fork, before the parent reads the
 * region again (swap-cow-before: were the shared pages on swap?  The
 * child may be reading them meanwhile, but reading frees no block).
 */
void
t_cow_both(char *base, unsigned long n, const char *what,
    struct t_vmentry *atfork)
{
	unsigned long h = n / 2;
	char msg[80], buf[64], c;
	int c2p[2], p2c[2], st;
	pid_t pid;

	t_fill(base, 0, n, TAG_BASE);
	t_pipe(c2p);
	t_pipe(p2c);
	pid = t_fork();
	if (pid == 0) {
		close(c2p[0]);
		close(p2c[1]);
		snprintf(msg, sizeof(msg), "%s: child, before writing", what);
		t_check(base, 0, n, TAG_BASE, msg);
		t_fill(base, 0, h, TAG_CHILD);
		snprintf(msg, sizeof(msg), "%s: child, its own writes", what);
		t_check(base, 0, h, TAG_CHILD, msg);
		snprintf(msg, sizeof(msg), "%s: child, pages it did not write",
		    what);
		t_check(base, h, n - h, TAG_BASE, msg);
		if (write(c2p[1], "w", 1) != 1)
			FAIL("child: write: %s", t_errname(errno));
		if (t_readall(p2c[0], &c, 1) != 1)
			FAIL("child: the parent went away");
		snprintf(msg, sizeof(msg), "%s: child, after the parent wrote "
		    "the other half", what);
		t_check(base, h, n - h, TAG_BASE, msg);
		t_check(base, 0, h, TAG_CHILD, msg);
		_exit(0);
	}
	close(c2p[1]);
	close(p2c[0]);
	if (atfork != NULL)
		t_vmentry(getpid(), base, atfork);
	if (t_readall(c2p[0], &c, 1) != 1) {
		st = t_wait(pid);
		FAIL("%s: the child failed before writing back: %s", what,
		    t_statusstr(st, buf, sizeof(buf)));
	}
	snprintf(msg, sizeof(msg), "%s: parent, after the child wrote", what);
	t_check(base, 0, n, TAG_BASE, msg);
	t_fill(base, h, n - h, TAG_PARENT);
	snprintf(msg, sizeof(msg), "%s: parent, after its own writes", what);
	t_check(base, 0, h, TAG_BASE, msg);
	t_check(base, h, n - h, TAG_PARENT, msg);
	if (write(p2c[1], "g", 1) != 1)
		FAIL("write: %s", t_errname(errno));
	close(c2p[0]);
	close(p2c[1]);
	snprintf(msg, sizeof(msg), "%s: the child", what);
	t_expect_exit(pid, 0, msg);
	snprintf(msg, sizeof(msg), "%s: parent, after the child exited", what);
	t_check(base, 0, h, TAG_BASE, msg);
	t_check(base, h, n - h, TAG_PARENT, msg);
}

/*
 * Copy-on-write both ways, on the heap, in bss and in initialised
 * data: the parent fills a region, forks; the child writes the first
 * half and must see its values there and the original elsewhere; the
 * parent, once the child has written (pipe handshake), still sees the
 * original everywhere, then writes the second half, which the child
 * must not see.
 */
void
test_cow_both_ways(void)
{
	char *heap;

	EXPECT(cow_data[0] == 0xda7ada7a &&
	    cow_data[nitems(cow_data) - 1] == 0xda7ada7a,
	    "initialised data reads 0x%08x ... 0x%08x", cow_data[0],
	    cow_data[nitems(cow_data) - 1]);
	heap = malloc(COW_PAGES * T_PGSZ + T_PGSZ);
	EXPECT(heap != NULL, "malloc failed");
	t_cow_both((char *)(((unsigned long)heap + T_PGSZ - 1) &
	    ~(T_PGSZ - 1)), COW_PAGES, "heap", NULL);
	free(heap);
	t_cow_both(cow_bss, COW_PAGES, "bss", NULL);
	t_cow_both((char *)cow_data, COW_PAGES, "data", NULL);
}

/*
 * Three generations share one region and each writes different pages,
 * some after forking the next; each checks exactly what it must see.
 * The middle generation waits for the last before checking again.
 *
 *	page	0-1		2	3	4-5
 *	L0	L0 (after fork)	base	base	base
 *	L1	L1B (after fork) L1	L1	base
 *	L2	base		L1	L2	L2
 */
void
test_cow_chain(void)
{
	char *r = (char *)cow_data;
	pid_t l1, l2;

	t_fill(r, 0, 6, TAG_BASE);
	l1 = t_fork();
	if (l1 == 0) {
		t_fill(r, 2, 2, TAG_L1);
		l2 = t_fork();
		if (l2 == 0) {
			t_fill(r, 3, 3, TAG_L2);
			t_check(r, 0, 2, TAG_BASE, "L2, pages 0-1");
			t_check(r, 2, 1, TAG_L1, "L2, page 2");
			t_check(r, 3, 3, TAG_L2, "L2, pages 3-5");
			_exit(0);
		}
		t_fill(r, 0, 2, TAG_L1B);
		t_expect_exit(l2, 0, "L2");
		t_check(r, 0, 2, TAG_L1B, "L1, pages 0-1");
		t_check(r, 2, 2, TAG_L1, "L1, pages 2-3");
		t_check(r, 4, 2, TAG_BASE, "L1, pages 4-5");
		_exit(0);
	}
	t_fill(r, 0, 2, TAG_L0);
	t_expect_exit(l1, 0, "L1");
	t_check(r, 0, 2, TAG_L0, "L0, pages 0-1");
	t_check(r, 2, 4, TAG_BASE, "L0, pages 2-5");
}

/*
 * Like cow-chain, but the middle generation exits while the last still
 * runs (so its shadow objects can be collapsed under the grandchild),
 * and the grandchild checks its pages before and after that, then
 * reports to the first generation through a pipe.
 *
 *	page	0-1		2	3	4	5
 *	L0	L0		base	base	base	base
 *	L2	base		L1	L2	L2	L2B (after L1 exits)
 */
void
test_cow_chain_orphan(void)
{
	char *r = (char *)cow_data;
	int res[2], dead[2], i;
	pid_t l1, l2;
	char c;

	t_fill(r, 0, 6, TAG_BASE);
	t_pipe(res);
	t_pipe(dead);
	l1 = t_fork();
	if (l1 == 0) {
		close(res[0]);
		t_fill(r, 2, 2, TAG_L1);
		l2 = t_fork();
		if (l2 == 0) {
			close(dead[1]);
			t_fill(r, 3, 3, TAG_L2);
			t_check(r, 0, 2, TAG_BASE, "L2 early, pages 0-1");
			t_check(r, 2, 1, TAG_L1, "L2 early, page 2");
			t_check(r, 3, 3, TAG_L2, "L2 early, pages 3-5");
			while (read(dead[0], &c, 1) != 0)
				if (errno != EINTR)
					break;
			t_check(r, 0, 2, TAG_BASE, "L2 late, pages 0-1");
			t_check(r, 2, 1, TAG_L1, "L2 late, page 2");
			t_check(r, 3, 3, TAG_L2, "L2 late, pages 3-5");
			t_fill(r, 5, 1, TAG_L2B);
			t_check(r, 0, 2, TAG_BASE, "L2 last, pages 0-1");
			t_check(r, 2, 1, TAG_L1, "L2 last, page 2");
			t_check(r, 3, 2, TAG_L2, "L2 last, pages 3-4");
			t_check(r, 5, 1, TAG_L2B, "L2 last, page 5");
			l2 = getpid();
			if (write(res[1], &l2, sizeof(l2)) != sizeof(l2))
				_exit(2);
			_exit(0);
		}
		close(dead[0]);
		t_fill(r, 0, 2, TAG_L1B);
		t_check(r, 0, 2, TAG_L1B, "L1, pages 0-1");
		t_check(r, 2, 2, TAG_L1, "L1, pages 2-3");
		t_check(r, 4, 2, TAG_BASE, "L1, pages 4-5");
		_exit(0);
	}
	close(res[1]);
	close(dead[0]);
	close(dead[1]);
	t_fill(r, 0, 2, TAG_L0);
	t_expect_exit(l1, 0, "L1");
	EXPECT(t_readall(res[0], &l2, sizeof(l2)) == sizeof(l2),
	    "L2 did not report success (see its message above)");
	close(res[0]);
	t_check(r, 0, 2, TAG_L0, "L0, pages 0-1");
	t_check(r, 2, 4, TAG_BASE, "L0, pages 2-5");
	/* Let init reap the orphan before the leak check looks. */
	for (i = 0; i < 500 && kill(l2, 0) == 0; i++)
		t_msleep(10);
}

/*
 * A child's write to an initialised global stays in the child: the
 * parent keeps its value, and a fresh exec of the program sees the
 * value from the file, not the parent's nor the child's.
 */
void
test_data_private(void)
{
	char *av[] = { "runtests", "-C", "data", NULL };
	char out[64], want[64];
	int p[2];
	pid_t pid;
	long n;

	EXPECT(t_data_canary == T_CANARY_INIT,
	    "t_data_canary is 0x%08x at the start, expected 0x%08x",
	    (unsigned int)t_data_canary, T_CANARY_INIT);
	t_data_canary = 0x11111111;
	t_pipe(p);
	pid = t_fork();
	if (pid == 0) {
		close(p[0]);
		if (t_data_canary != 0x11111111)
			FAIL("child inherited 0x%08x, expected 0x11111111",
			    (unsigned int)t_data_canary);
		t_data_canary = 0x0badf00d;
		if (t_data_canary != 0x0badf00d)
			FAIL("child's write did not stick");
		if (dup2(p[1], 1) == -1)
			FAIL("dup2: %s", t_errname(errno));
		close(p[1]);
		execve(RUNTESTS_PATH, av, environ);
		FAIL("execve: %s", t_errname(errno));
	}
	close(p[1]);
	n = t_readall(p[0], out, sizeof(out) - 1);
	out[n] = '\0';
	close(p[0]);
	t_expect_exit(pid, 0, "runtests -C data");
	snprintf(want, sizeof(want), "canary=0x%08x\n", T_CANARY_INIT);
	EXPECT(strcmp(out, want) == 0, "a fresh exec printed \"%.30s\", "
	    "expected \"canary=0x%08x\"", out, T_CANARY_INIT);
	EXPECT(t_data_canary == 0x11111111, "the parent's copy changed to "
	    "0x%08x", (unsigned int)t_data_canary);
}

/*
 * A program for text-shared: /bin/cat, not the runner (whose text every
 * test shares already).  An instance is proved to be cat, running,
 * before anyone looks at its map: a byte written to its standard input
 * comes back on its standard output.
 */
#define	TEXT_PROG	"/bin/cat"
#define	TEXT_NAME	"cat"

struct text_inst {
	pid_t		pid;
	int		in;		/* its standard input, our end */
	int		out;		/* its standard output, our end */
};

/* Start one instance of TEXT_PROG and wait until it echoes a byte. */
static void
text_start(struct text_inst *ti)
{
	char *av[] = { TEXT_NAME, NULL };
	char c;

	ti->pid = t_spawn_pipes(TEXT_PROG, av, &ti->in, &ti->out);
	t_writeall(ti->in, "t", 1);
	EXPECT(t_readall(ti->out, &c, 1) == 1 && c == 't', "%s (pid %d) "
	    "did not echo a byte", TEXT_PROG, (int)ti->pid);
}

/* End an instance: end of file on its input; it must exit 0. */
static void
text_stop(struct text_inst *ti, const char *what)
{

	close(ti->in);
	close(ti->out);
	t_expect_exit(ti->pid, 0, what);
}

/*
 * Text is shared: two instances of a program (cat, not the runner)
 * map the same text object, the file's own (kern.proc.vmmap: the front
 * object of each one's read-and-execute entry has the same id, and it
 * is a vnode object named after the program); and starting the second
 * reads nothing more from the ramdisk, so the file cache
 * (vm.stats.file_pages) does not grow.  (Writing to text is tested by
 * segv-text.)
 */
void
test_text_shared(void)
{
	struct t_vmentry ea, eb;
	struct text_inst a, b;
	int fp1, fp2, error;

	text_start(&a);
	error = t_sysctl_int("vm.stats.file_pages", &fp1);
	EXPECT(error == 0, "sysctl vm.stats.file_pages: %s",
	    t_errname(error));
	text_start(&b);
	error = t_sysctl_int("vm.stats.file_pages", &fp2);
	EXPECT(error == 0, "sysctl vm.stats.file_pages: %s",
	    t_errname(error));
	t_vmentry_prot(a.pid, T_PROT_RX, &ea);
	t_vmentry_prot(b.pid, T_PROT_RX, &eb);
	text_stop(&a, "first instance");
	text_stop(&b, "second instance");
	t_printf("  text-shared: %s text [%#lx, %#lx): object %u (%s) in "
	    "pid %d, object %u (%s) in pid %d", TEXT_PROG, ea.start, ea.end,
	    ea.front_id, ea.front_path, (int)a.pid, eb.front_id,
	    eb.front_path, (int)b.pid);
	EXPECT(ea.front_type == KVO_TYPE_VNODE &&
	    strcmp(ea.front_path, TEXT_NAME) == 0, "the text of %s (pid %d) "
	    "is object %u, type %d, named \"%s\": not the file's", TEXT_PROG,
	    (int)a.pid, ea.front_id, ea.front_type, ea.front_path);
	EXPECT(ea.front_id == eb.front_id, "two instances of %s map "
	    "different text objects, %u and %u", TEXT_PROG, ea.front_id,
	    eb.front_id);
	EXPECT(fp2 <= fp1, "vm.stats.file_pages grew from %d to %d when a "
	    "second instance started", fp1, fp2);
}

/*
 * Dirty many pages in a child that then exits, so that the free list
 * holds pages with old contents.
 */
static void
dirty_and_exit(void)
{
	unsigned long len = 64 * T_PGSZ;
	pid_t pid;
	char *p;

	pid = t_fork();
	if (pid == 0) {
		p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			FAIL("mmap: %s", t_errname(errno));
		memset(p, 0xa5, len);
		p = sbrk(16 * T_PGSZ);
		if (p == (char *)-1)
			FAIL("sbrk: %s", t_errname(errno));
		memset(p, 0x5a, 16 * T_PGSZ);
		_exit(0);
	}
	t_expect_exit(pid, 0, "dirtying child");
}

/*
 * bss, a fresh sbrk region and a fresh anonymous mapping read as zero
 * over several pages, also right after another process dirtied memory
 * and exited, here and in a freshly exec'd program.
 */
void
test_zero_fill(void)
{
	char *av[] = { "runtests", "-C", "zero", NULL };
	char out[128], buf[64];
	size_t len;
	char *p;
	int st;

	dirty_and_exit();
	t_check_zero(t_bss_zero, T_ZERO_PAGES * T_PGSZ, "bss");
	p = sbrk(T_ZERO_PAGES * T_PGSZ);
	EXPECT(p != (char *)-1, "sbrk: %s", t_errname(errno));
	t_check_zero(p, T_ZERO_PAGES * T_PGSZ, "new sbrk memory");
	p = mmap(NULL, 2 * T_ZERO_PAGES * T_PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	EXPECT(p != MAP_FAILED, "mmap: %s", t_errname(errno));
	t_check_zero(p, 2 * T_ZERO_PAGES * T_PGSZ, "new anonymous mapping");
	EXPECT_OK(munmap(p, 2 * T_ZERO_PAGES * T_PGSZ));

	dirty_and_exit();
	st = t_run_capture(av, environ, out, sizeof(out), &len);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
	    strcmp(out, "zero ok\n") == 0,
	    "runtests -C zero: %s, printed \"%.40s\"",
	    t_statusstr(st, buf, sizeof(buf)), out);
}
