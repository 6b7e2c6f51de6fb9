/*
 * swapctl.c: swap devices taken away and put back while everything else
 * goes on (issue 15): swapoff(2) (vm_swapoff.c) and swapon(2)
 * (vm_swap.c), called through their system call entry points by two
 * system threads of the bench, as swapctl(8) would call them, while the
 * processes keep faulting, forking, exiting and paging, and what must
 * hold after each call.  See vmhost.c for the whole picture.
 *
 * Swap is two disks, /dev/wd0 and /dev/wd1 (disk.c), interleaved by
 * the allocator.  The harness's swapoff action gives the first thread
 * a swapoff of one of the devices that are on (now and then of the
 * last one); half the time the second thread is given one too, at the
 * same moment, so that two calls race for the right to run.  A device
 * that swapoff took away is put back by the first thread a few hundred
 * steps later (swapon).  Now and then a call is made to fail: swapoff
 * of a device that is off or is no swap device (EINVAL), swapon of a
 * device already on (EBUSY).
 *
 * What each outcome must satisfy, checked by the harness as soon as the
 * call returns (nothing else has run since):
 *	swapoff 0	the device is gone from vm.swap_info; no object's
 *			swap map holds a block of its range; swap is
 *			conserved: vm.swap_audit is clean (every block
 *			allocated is owned or retired, every block owned is
 *			allocated and on a device present) and its total and
 *			allocated counts are the sums over the devices
 *			present.  Then the harness settles, and the per-word
 *			check of every page every process can read runs
 *			(check_quiet): swapoff read back each page someone
 *			can read, and freed unread only blocks nobody could.
 *	ENOMEM		nothing changed: the device is on and not draining,
 *			and every swap block and resident page of every
 *			object is where it was when the call last started to
 *			run (the decision is made, and returned, without
 *			sleeping: a hash of all of it is compared).
 *	EBUSY		the other thread is in a swapoff of its own at this
 *			moment; otherwise swapoff gave up on blocks no object
 *			lets go of, a failure.
 *	EINVAL		the path is not a swap device now.
 *	swapon 0	the device is on; EBUSY: it was on already.
 * And at every step while a call is in flight, at most one device is
 * draining (vm.swap_info): swapoffs are exclusive; and a swapoff asleep
 * past its check for room (anywhere but in malloc) has its device
 * draining, whose count of blocks in use never grows.
 *
 * The figures (the summary's swap line): swapoffs by outcome, and the
 * kernel's counts of pages read back, hidden blocks freed unread (split
 * by vm.collapse_pagers when the swapoff began) and pages lost.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/swap.h>
#include <sys/sysctl.h>
#include <sys/sysproto.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/swap_pager.h>

#include "bench.h"

#define	SWAPON_AFTER	200		/* steps a device stays off, at least */
#define	INUSE_NONE	0xffffffffU	/* swapctl.inuse: not yet seen */

enum sc_op { SC_NONE, SC_SWAPOFF, SC_SWAPON };

struct swapctl {
	struct sim_thread t;		/* first: &t is the thread */
	enum sc_op	op;		/* given by the harness; SC_NONE: done */
	enum sc_op	kind;		/* the last one given */
	const char	*path;
	int		unit;		/* its disk, or -1: not a disk */
	unsigned long	op_step;
	bool		done;		/* returned; the harness checks */
	int		error;
	uint32_t	lo, hi;		/* the device's blocks, when given */
	int		mode;		/* vm_collapse_pagers, when given */
	u_int		read0, freed0;	/* vmcnt's, when given */
	uint64_t	before;		/* swap_state_hash() before a run */
	uint32_t	inuse;		/* its device's, while draining */
};

static struct swapctl sc[2];
static const char *const disk_paths[DISK_NUNITS] = {
	"/dev/wd0", "/dev/wd1",
};
static unsigned long swapon_at[DISK_NUNITS];	/* when to put it back */
bool swapctl_settle;			/* a swapoff succeeded: settle */

/* ------------------------------------------------------------------ */
/* What the kernel says about the devices. */

/* vm.swap_info: the devices that are on, at most max; returns how many. */
static int
swap_info(struct swapent *se, int max)
{
	size_t len = max * sizeof(*se);
	int error;

	if ((error = sim_sysctl("vm", "swap_info", NULL, 0, se, &len, NULL,
	    0)) != 0)
		bench_fail("sysctl vm.swap_info: error %d", error);
	return (len / sizeof(*se));
}

/* The vm.swap_info record of unit's disk, or NULL if it is not on. */
static const struct swapent *
swap_info_of(struct swapent *se, int n, int unit)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(se[i].se_path, disk_paths[unit]) == 0)
			return (&se[i]);
	return (NULL);
}

static bool
unit_on(int unit)
{

	return (swap_dev_lookup(DISK_DEV(unit)) >= 0);
}

static uint64_t
mix(uint64_t h, uint64_t v)
{

	return ((h ^ v) * 0x100000001b3ULL);
}

/*
 * A hash of where everything is: every object's swap blocks (in its
 * window, and how many outside), its resident pages and whether each is
 * dirty, and each device's allocation counts and flags.
 */
static uint64_t
swap_state_hash(void)
{
	struct swapent se[4];
	struct vm_object *object;
	struct vm_page *pg;
	vm_pindex_t k;
	uint64_t h = 0xcbf29ce484222325ULL;
	int i, n;

	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		h = mix(h, object->id);
		for (k = 0; object->pgops != NULL && k < object->size; k++)
			h = mix(h, swap_pager_block(object, k));
		h = mix(h, swap_pager_outside_blocks(object));
		TAILQ_FOREACH(pg, &object->memq, listq)
			h = mix(h, pg->pindex << 8 | (pg->flags & PG_DIRTY));
	}
	n = swap_info(se, nitems(se));
	for (i = 0; i < n; i++)
		h = mix(mix(mix(h, se[i].se_flags), se[i].se_inuse),
		    se[i].se_nbad);
	return (h);
}

/* ------------------------------------------------------------------ */
/* The threads. */

static void
swapctl_main(struct sim_thread *t)
{
	struct swapctl *s = (struct swapctl *)t;
	struct swapoff_args oa;
	struct swapon_args na;
	register_t rv[2];

	for (;;) {
		while (s->op == SC_NONE)
			sim_thread_idle();
		if (s->op == SC_SWAPOFF) {
			oa.name = s->path;
			s->error = sys_swapoff(&t->p, &oa, rv);
		} else {
			na.name = s->path;
			s->error = sys_swapon(&t->p, &na, rv);
		}
		s->done = true;
		s->op = SC_NONE;
	}
}

void
swapctl_init(void)
{
	struct swapctl *s;
	int i;

	for (i = 0; i < 2; i++) {
		s = &sc[i];
		s->t.p.p_pid = 4 + i;
		s->t.p.p_flag = P_SYSTEM;
		s->t.p.p_stat = SRUN;
		s->t.p.p_vmspace = &vmspace0;
		snprintf(s->t.p.p_comm, sizeof(s->t.p.p_comm), "swapctl%d", i);
		LIST_INSERT_HEAD(&allproc, &s->t.p, p_list);
		s->t.state = T_RUN;
		sim_thread_start(&s->t, swapctl_main);
		sim_thread_run(&s->t);		/* to its first idle */
	}
}

static bool
busy(const struct swapctl *s)
{

	return (s->t.state != T_IDLE || s->done);
}

/* Both threads idle, every result checked. */
bool
swapctl_idle(void)
{

	return (!busy(&sc[0]) && !busy(&sc[1]));
}

/* Give thread s an operation on path (unit's disk, or -1). */
static void
give(struct swapctl *s, enum sc_op op, const char *path, int unit)
{
	int slot;

	s->op = s->kind = op;
	s->path = path;
	s->unit = unit;
	s->op_step = step;
	s->mode = collapse_on();
	s->read0 = vmcnt.v_swapoff_read;
	s->freed0 = vmcnt.v_swapoff_freed;
	s->lo = s->hi = 0;
	s->inuse = INUSE_NONE;
	if (unit >= 0 && (slot = swap_dev_lookup(DISK_DEV(unit))) >= 0)
		swap_dev_range(slot, &s->lo, &s->hi);
	s->t.state = T_RUN;
	s->t.p.p_stat = SRUN;
	trace("swapctl%d: %s %s", (int)(s - sc), op == SC_SWAPOFF ?
	    "swapoff" : "swapon", path);
	if (op == SC_SWAPOFF)
		st.swapoffs_given++;
	else
		st.swapons_given++;
}

/* A disk, at random, that is on (want) or off; -1 if there is none. */
static int
pick_unit(bool want)
{
	int c[DISK_NUNITS], n = 0, u;

	for (u = 0; u < DISK_NUNITS; u++)
		if (unit_on(u) == want)
			c[n++] = u;
	return (n != 0 ? c[rnd(n)] : -1);
}

/*
 * The harness's swapoff action: the first thread takes a device away,
 * mostly while the other is still on; half the time the second thread
 * tries too.  Now and then a call that must fail instead.
 */
void
act_swapoff(void)
{
	int u, other;

	if (busy(&sc[0]))
		return;
	if (chance(cfg.badarg_pct)) {
		if (chance(50) && (u = pick_unit(true)) >= 0) {
			give(&sc[0], SC_SWAPON, disk_paths[u], u);
			return;
		}
		if ((u = pick_unit(false)) >= 0)
			give(&sc[0], SC_SWAPOFF, disk_paths[u], u);
		else
			give(&sc[0], SC_SWAPOFF, "/dev/console", -1);
		return;
	}
	if ((u = pick_unit(true)) < 0)
		return;
	other = unit_on(1 - u);
	if (!other && !chance(10))
		return;
	give(&sc[0], SC_SWAPOFF, disk_paths[u], u);
	swapon_at[u] = 0;
	if (!busy(&sc[1]) && chance(50)) {
		u = chance(50) ? u : 1 - u;
		give(&sc[1], SC_SWAPOFF, disk_paths[u], u);
	}
}

/*
 * A swapoff asleep anywhere but in malloc (where it may sleep before it
 * starts) is past its check for room: its device must be draining, and
 * get no new block (its allocated count never grows) until it is gone.
 */
static void
check_draining(struct swapctl *s, struct swapent *se, int n)
{
	const struct swapent *me;

	if (s->kind != SC_SWAPOFF || !busy(s) || s->unit < 0 ||
	    (me = swap_info_of(se, n, s->unit)) == NULL) {
		s->inuse = INUSE_NONE;
		return;
	}
	if (s->t.state != T_SLEEP || strcmp(s->t.p.p_wmesg, "kmalloc") == 0)
		return;
	if ((me->se_flags & SWF_DRAINING) == 0)
		bench_fail("swapoff %s is under way (asleep on %s), yet the "
		    "device is not draining", s->path, s->t.p.p_wmesg);
	if (s->inuse != INUSE_NONE && me->se_inuse > s->inuse)
		bench_fail("swapoff %s: the draining device went from %u "
		    "blocks in use to %u", s->path, s->inuse, me->se_inuse);
	s->inuse = me->se_inuse;
}

/*
 * Every step: put back a device that has been off long enough, check
 * that no call takes forever, and that swapoffs are exclusive.
 */
void
swapctl_step(bool settling)
{
	struct swapent se[4];
	int u, i, n, draining;

	for (u = 0; u < DISK_NUNITS && !settling; u++)
		if (swapon_at[u] != 0 && step >= swapon_at[u] &&
		    !busy(&sc[0])) {
			swapon_at[u] = 0;
			give(&sc[0], SC_SWAPON, disk_paths[u], u);
		}
	for (i = 0; i < 2; i++)
		if (busy(&sc[i]) && step - sc[i].op_step > 40000)
			bench_fail("swapctl%d: the call given at step %lu is "
			    "not done (%s)", i, sc[i].op_step,
			    sc[i].t.state == T_SLEEP ? sc[i].t.p.p_wmesg :
			    "runnable");
	if (swapctl_idle())
		return;
	n = swap_info(se, nitems(se));
	for (i = draining = 0; i < n; i++)
		if (se[i].se_flags & SWF_DRAINING)
			draining++;
	if (draining > 1)
		bench_fail("swapoff: %d devices draining at once", draining);
	for (i = 0; i < 2; i++)
		check_draining(&sc[i], se, n);
}

/* Before the harness runs thread t: remember where everything is. */
void
swapctl_before_run(struct sim_thread *t)
{
	int i;

	for (i = 0; i < 2; i++)
		if (t == &sc[i].t && sc[i].op == SC_SWAPOFF)
			sc[i].before = swap_state_hash();
}

/*
 * Nothing of the removed device [lo, hi) is left in any map, and swap
 * is conserved over the devices present.
 */
static void
check_removed(struct swapctl *s)
{
	struct swapent se[4];
	struct swap_audit sa;
	struct vm_object *object;
	vm_pindex_t k;
	uint32_t blk, total = 0, inuse = 0;
	int i, n;

	if (unit_on(s->unit))
		bench_fail("swapoff %s returned 0, yet the device is still on",
		    s->path);
	TAILQ_FOREACH(object, &vm_object_list, object_list)
		for (k = 0; object->pgops != NULL && k < object->size; k++) {
			blk = swap_pager_block(object, k);
			if (blk == SWAPBLK_NONE || blk == SWAPBLK_LOST ||
			    (blk & SWAPBLK_MASK) < s->lo ||
			    (blk & SWAPBLK_MASK) >= s->hi)
				continue;
			describe_object(object);
			bench_fail("swapoff %s returned 0, yet object %u page "
			    "%u still has block %u of it (%s)", s->path,
			    object->id, k, blk & SWAPBLK_MASK,
			    (blk & SWAPBLK_BAD) ? "retired" : "live");
		}
	swap_audit(&sa);
	n = swap_info(se, nitems(se));
	for (i = 0; i < n; i++) {
		total += se[i].se_nblks;
		inuse += se[i].se_inuse;
	}
	if (sa.sa_total != total || sa.sa_allocated != inuse)
		bench_fail("swapoff %s: swap audit counts %u blocks, %u "
		    "allocated; the devices present have %u and %u", s->path,
		    sa.sa_total, sa.sa_allocated, total, inuse);
}

/* After the harness ran thread t: check what a call that returned did. */
void
swapctl_after_run(struct sim_thread *t)
{
	struct swapent se[4];
	const struct swapent *me;
	struct swapctl *s = NULL, *o;
	int i, n, e;

	for (i = 0; i < 2; i++)
		if (t == &sc[i].t)
			s = &sc[i];
	if (s == NULL || !s->done)
		return;
	s->done = false;
	o = &sc[s == &sc[0]];
	e = s->error;
	n = swap_info(se, nitems(se));
	me = s->unit >= 0 ? swap_info_of(se, n, s->unit) : NULL;
	trace("swapctl%d: %s %s: error %d", (int)(s - sc), s->kind ==
	    SC_SWAPOFF ? "swapoff" : "swapon", s->path, e);
	if (s->kind == SC_SWAPON) {
		if (e == 0 && me != NULL) {
			st.swapons++;
			return;
		}
		if (e == EBUSY && me != NULL && s->lo != s->hi) {
			st.swap_badcalls++;
			return;
		}
		bench_fail("swapon %s returned %d; the device is %s and was "
		    "%s", s->path, e, me != NULL ? "on" : "off",
		    s->lo != s->hi ? "on" : "off");
	}
	switch (e) {
	case 0:
		check_removed(s);
		st.swapoffs_ok++;
		if (!s->mode)
			st.swapoffs_ok_off++;
		st.swapoff_read += vmcnt.v_swapoff_read - s->read0;
		st.swapoff_freed[s->mode] += vmcnt.v_swapoff_freed - s->freed0;
		swapon_at[s->unit] = step + SWAPON_AFTER + rnd(2 * SWAPON_AFTER);
		swapctl_settle = true;
		break;
	case ENOMEM:
		if (me == NULL || (me->se_flags & SWF_DRAINING))
			bench_fail("swapoff %s: ENOMEM, yet the device is %s",
			    s->path, me == NULL ? "gone" : "draining");
		if (swap_state_hash() != s->before)
			bench_fail("swapoff %s: ENOMEM, yet swap blocks or "
			    "resident pages changed meanwhile", s->path);
		st.swapoffs_nomem++;
		break;
	case EBUSY:
		if (o->kind != SC_SWAPOFF || !busy(o))
			bench_fail("swapoff %s: EBUSY, but no other swapoff "
			    "is running (it gave up on blocks no object lets "
			    "go of?)", s->path);
		st.swapoffs_busy++;
		break;
	case EINVAL:
		if (me != NULL)
			bench_fail("swapoff %s: EINVAL, yet it is a swap "
			    "device", s->path);
		st.swap_badcalls++;
		break;
	default:
		bench_fail("swapoff %s: error %d", s->path, e);
	}
}
