/*
 * vmstate.c: what the kernel says about memory, for the tests that
 * must prove something about their own pages or about leaks:
 *
 *	t_vmentry	one map entry of a process and the chain of objects
 *			behind it (kern.proc.vmmap): its pages resident
 *			and on swap, counted per object, so that a paging
 *			test can show that *its* pages went to swap and
 *			came back, whatever other processes did
 *	t_kres_take,	kernel resources before and after a test: wired
 *	t_kres_expect	pages, objects, kern.malloc use and how many
 *			processes fork can still make; what a test leaks
 *			shows here even when nothing pages
 *	t_leakfree	a test body run in a child between the two
 *	t_wait_swapped	wait for a child while sampling the swap blocks
 *			its own objects hold (kinfo_vmsummary(3))
 *	t_fork_capacity	fork until fork fails (fork-until-fail)
 *
 * Unlike util.c, these allocate memory (kinfo_getvmmap(3)): tests call
 * them, never the runner between its leak-check readings.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

/* A snapshot of kernel resources (t_kres_take). */
#define	T_KRES_MTYPES	24
#define	T_KRES_NAMELEN	16

struct t_kres {
	int		wired;		/* vm.stats.wire_count */
	int		objects;	/* vm.stats.object.objects */
	long		mbytes;		/* kern.malloc bytes, all types */
	int		nmtypes;
	struct {
		char	name[T_KRES_NAMELEN];
		long	inuse, bytes;
	}		mtype[T_KRES_MTYPES];
	int		forks;		/* fork capacity, or -1 */
};

/*
 * Walk pid's map (kern.proc.vmmap) for the first entry that holds addr
 * (prot < 0) or whose protection is prot (addr NULL), and sum up its
 * chain into *ve.  Returns 1 if there is one, 0 if not; fails the test
 * if the map cannot be read.
 */
static int
vmentry_find(pid_t pid, const void *addr, int prot, struct t_vmentry *ve)
{
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *kvo;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec = NULL;
	unsigned int i, j;
	size_t len;
	int here, found = 0;

	memset(ve, 0, sizeof(*ve));
	if ((kvh = kinfo_getvmmap(pid, &len)) == NULL)
		FAIL("kern.proc.vmmap.%d: %s", (int)pid, t_errname(errno));
	for (i = 0; i < kvh->kvh_nentries; i++) {
		kve = kinfo_vmrec_next(kvh, len, rec, sizeof(*kve));
		EXPECT(kve != NULL, "kern.proc.vmmap.%d: entry %u malformed",
		    (int)pid, i);
		rec = kve;
		if (addr != NULL)
			here = (unsigned long)addr >= kve->kve_start &&
			    (unsigned long)addr < kve->kve_end;
		else
			here = kve->kve_protection == prot;
		here = here && !found;
		if (here) {
			found = 1;
			ve->start = kve->kve_start;
			ve->end = kve->kve_end;
			ve->depth = kve->kve_depth;
		}
		for (j = 0; j < kve->kve_depth; j++) {
			kvo = kinfo_vmrec_next(kvh, len, rec, sizeof(*kvo));
			EXPECT(kvo != NULL, "kern.proc.vmmap.%d: object "
			    "malformed", (int)pid);
			rec = kvo;
			if (!here)
				continue;
			if (j == 0) {
				ve->front_id = kvo->kvo_id;
				ve->front_type = kvo->kvo_type;
				memcpy(ve->front_path, kvo->kvo_path,
				    sizeof(ve->front_path));
				ve->front_path[sizeof(ve->front_path) - 1] =
				    '\0';
			}
			if (kvo->kvo_type == KVO_TYPE_VNODE)
				continue;
			ve->resident += kvo->kvo_resident;
			ve->swapped += kvo->kvo_swapped;
			ve->hidden_res += kvo->kvo_hidden_res;
			ve->hidden_swap += kvo->kvo_hidden_swap;
		}
	}
	free(kvh);
	return (found);
}

/*
 * The entry of pid that holds addr, and its chain; fails the test if
 * there is none.
 */
void
t_vmentry(pid_t pid, const void *addr, struct t_vmentry *ve)
{

	if (!vmentry_find(pid, addr, -1, ve))
		FAIL("no map entry of process %d holds %p", (int)pid, addr);
}

/*
 * The first entry of pid whose protection is exactly prot (VM_PROT_*
 * bits: 1 read, 2 write, 4 execute); fails the test if there is none.
 */
void
t_vmentry_prot(pid_t pid, int prot, struct t_vmentry *ve)
{

	if (!vmentry_find(pid, NULL, prot, ve))
		FAIL("process %d has no map entry with protection %d",
		    (int)pid, prot);
}

/*
 * The entry of pid holding addr, which must be exactly [addr, addr +
 * npages pages): the counts of a region the test mapped by itself are
 * then the counts of its own pages, not those of a neighbour that the
 * kernel merged with it.
 */
void
t_vmregion(pid_t pid, const void *addr, unsigned long npages,
    struct t_vmentry *ve)
{

	t_vmentry(pid, addr, ve);
	EXPECT(ve->start == (unsigned long)addr &&
	    ve->end == (unsigned long)addr + npages * T_PGSZ, "the region "
	    "%p, %lu pages, is the map entry [%#lx, %#lx) of process %d: "
	    "not a region of its own", addr, npages, ve->start, ve->end,
	    (int)pid);
}

/*
 * Wait for child pid (its status in *stp) while sampling, every 100 ms,
 * the swap blocks of its own objects (kinfo_vmsummary(3)); returns the
 * most seen.  A sample that cannot be taken (the child is exiting) is
 * left out.
 */
unsigned int
t_wait_swapped(pid_t pid, int *stp)
{
	struct kinfo_vmsummary ks;
	unsigned int most = 0;
	pid_t r;

	while ((r = waitpid(pid, stp, WNOHANG)) != pid) {
		if (r == -1 && errno != EINTR)
			FAIL("waitpid(%d): %s", (int)pid, t_errname(errno));
		if (kinfo_vmsummary(pid, &ks) == 0 && ks.ks_swapped > most)
			most = ks.ks_swapped;
		t_msleep(100);
	}
	return (most);
}

/*
 * How many processes fork can make now: fork children that wait on a
 * pipe until fork fails (it must fail with EAGAIN, never hang or
 * panic), then let them all go and reap them.  Each child says it is
 * ready before the next fork, so every child has touched the same
 * memory (page tables included) when fork fails, and the capacity does
 * not depend on how far the children happened to run.
 */
int
t_fork_capacity(void)
{
	int p[2], ready[2], n = 0, left, st;
	char c;
	pid_t pid;

	t_pipe(p);
	t_pipe(ready);
	for (;;) {
		pid = fork();
		if (pid == -1) {
			EXPECT(errno == EAGAIN, "fork failed with %s, not EAGAIN",
			    t_errname(errno));
			break;
		}
		if (pid == 0) {
			close(p[1]);
			close(ready[0]);
			(void)write(ready[1], "r", 1);
			(void)read(p[0], &c, 1);	/* until the parent closes */
			_exit(0);
		}
		n++;
		EXPECT(t_readall(ready[0], &c, 1) == 1, "child %d never became "
		    "ready", n);
	}
	close(ready[0]);
	close(ready[1]);
	close(p[0]);
	close(p[1]);
	for (left = n; (pid = wait(&st)) > 0; left--)
		EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		    "child %d ended with status %#x", (int)pid, st);
	EXPECT(errno == ECHILD, "wait: %s", t_errname(errno));
	EXPECT(left == 0, "%d children were not reaped", left);
	return (n);
}

/*
 * Parse kern.malloc (a table: a heading, then "type inuse bytes calls"
 * per line) into kr's per-type use and totals.  The "temp" type holds
 * the buffer of this very sysctl while it is read, so it is left out.
 */
static void
kres_malloc(struct t_kres *kr)
{
	char buf[4096], name[T_KRES_NAMELEN], *line, *next;
	size_t len = sizeof(buf) - 1;
	long inuse, bytes, calls;

	if (sysctlbyname("kern.malloc", buf, &len, NULL, 0) == -1)
		FAIL("sysctl kern.malloc: %s", t_errname(errno));
	buf[len] = '\0';
	kr->nmtypes = 0;
	kr->mbytes = 0;
	for (line = buf; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (sscanf(line, "%15s %ld %ld %ld", name, &inuse, &bytes,
		    &calls) != 4 || strcmp(name, "temp") == 0)
			continue;
		EXPECT(kr->nmtypes < T_KRES_MTYPES, "kern.malloc has more "
		    "than %d types", T_KRES_MTYPES);
		strlcpy(kr->mtype[kr->nmtypes].name, name, T_KRES_NAMELEN);
		kr->mtype[kr->nmtypes].inuse = inuse;
		kr->mtype[kr->nmtypes].bytes = bytes;
		kr->nmtypes++;
		kr->mbytes += bytes;
	}
	EXPECT(kr->nmtypes > 0, "kern.malloc lists no malloc type");
}

/*
 * Take a snapshot of kernel resources into *kr; with forks, measure the
 * fork capacity too (a few seconds: fork-until-fail), else leave it -1.
 */
static void
t_kres_take(struct t_kres *kr, int forks)
{

	memset(kr, 0, sizeof(*kr));
	kr->forks = forks ? t_fork_capacity() : -1;
	kr->wired = t_stat("vm.stats.wire_count");
	kr->objects = t_stat("vm.stats.object.objects");
	kres_malloc(kr);
}

/*
 * Compare now with the snapshot `before' (taken by t_kres_take at the
 * same point of the test: nothing of the test's mapped, no child
 * alive): wired pages, objects and kern.malloc bytes may exceed it by
 * at most T_LEAK_WIRED, T_LEAK_OBJECTS and T_LEAK_MALLOC, and fork must
 * make as many processes as before, less T_LEAK_FORKS.  Processes that
 * just died may still be going, so a comparison that fails is taken
 * again for up to five seconds.  Prints both snapshots; fails the test,
 * naming what grew, when something leaked.
 */
static void
t_kres_expect(const struct t_kres *before, const char *when)
{
	struct t_kres now;
	char why[200], grew[64];
	long most;
	int i, j, tries;

	for (tries = 0;; tries++) {
		t_kres_take(&now, 0);
		grew[0] = '\0';
		most = 0;
		for (i = 0; i < now.nmtypes; i++) {
			for (j = 0; j < before->nmtypes; j++)
				if (strcmp(before->mtype[j].name,
				    now.mtype[i].name) == 0)
					break;
			if (now.mtype[i].bytes - (j < before->nmtypes ?
			    before->mtype[j].bytes : 0) > most) {
				most = now.mtype[i].bytes - (j <
				    before->nmtypes ? before->mtype[j].bytes :
				    0);
				snprintf(grew, sizeof(grew), " (most: %s, %ld "
				    "bytes)", now.mtype[i].name, most);
			}
		}
		why[0] = '\0';
		if (now.wired > before->wired + T_LEAK_WIRED)
			snprintf(why, sizeof(why), "%d wired pages, %d before",
			    now.wired, before->wired);
		else if (now.objects > before->objects + T_LEAK_OBJECTS)
			snprintf(why, sizeof(why), "%d objects, %d before",
			    now.objects, before->objects);
		else if (now.mbytes > before->mbytes + T_LEAK_MALLOC)
			snprintf(why, sizeof(why), "kern.malloc holds %ld "
			    "bytes, %ld before%s", now.mbytes, before->mbytes,
			    grew);
		if (why[0] == '\0' || tries == 50)
			break;
		t_msleep(100);
	}
	if (before->forks >= 0 && why[0] == '\0')
		now.forks = t_fork_capacity();
	t_printf("  %s: wired %d -> %d pages, objects %d -> %d, kern.malloc "
	    "%ld -> %ld bytes%s, fork capacity %d -> %d", when, before->wired,
	    now.wired, before->objects, now.objects, before->mbytes,
	    now.mbytes, grew, before->forks, now.forks);
	EXPECT(why[0] == '\0', "%s: leaked: %s", when, why);
	EXPECT(before->forks < 0 || now.forks >= before->forks - T_LEAK_FORKS,
	    "%s: fork made %d processes, %d before: something per process "
	    "leaked", when, now.forks, before->forks);
}

/*
 * Run body in a child (t_subtest, which passes its failure on), with
 * kernel resources taken before it and compared after it (t_kres_take,
 * t_kres_expect, fork capacity included).  The child takes its page
 * tables and the rest of what it mapped with it, so whatever is left
 * over is what the body leaked.  name names the test in messages.
 */
void
t_leakfree(void (*body)(void), const char *name)
{
	struct t_kres kr;

	t_kres_take(&kr, 1);
	t_subtest(body, NULL);
	t_kres_expect(&kr, name);
}
