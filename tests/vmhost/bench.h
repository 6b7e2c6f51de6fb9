/*
 * bench.h: what the three files of the bench share: vmhost.c (the
 * harness: configuration, the steps, settling, the end), proc.c (the
 * simulated processes and the model of their memory) and check.c (the
 * checks).  See vmhost.c for the whole picture.
 */
#ifndef _VMHOST_BENCH_H_
#define _VMHOST_BENCH_H_

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <vm/vm.h>
#include <vm/vm_object.h>

#include "vmhost.h"

/*
 * vm_collapse_pagers arrives with the collapse fix; until the kernel
 * defines it, its address is NULL and the bench leaves it alone.
 */
#pragma weak vm_collapse_pagers

/*
 * The address space of every process (see vmhost.c, "The model"): four
 * regions, each a run of pages the model describes one by one.
 */
#define	DATA_VA		0x08000000U	/* the file, private */
#define	DATA_NP		8
#define	HEAP_VA		0x20000000U	/* mmap, munmap, mprotect */
#define	HEAP_NP		24
#define	BRK_VA		0x30000000U	/* sbrk (vm_daddr) */
#define	BRK_NP		16
#define	SHM_VA		0x40000000U	/* anonymous, shared at fork */
#define	SHM_NP		4
#define	NVPAGES		(DATA_NP + HEAP_NP + BRK_NP + SHM_NP)
#define	MAXSADDR	0x50000000U	/* vm_maxsaddr */

enum { R_DATA, R_HEAP, R_BRK, R_SHM, NREGIONS };
struct region {
	vaddr_t	va;
	int	np;
	int	first;			/* index of its first page in vp[] */
};
extern const struct region regions[NREGIONS];
#define	MWORDS		(PAGE_SIZE / 8)	/* words in a page */

#define	NPROC_MAX	12		/* simulated processes at most */

/* What a process may be asked to do. */
enum op {
	OP_NONE, OP_START, OP_READ, OP_WRITE, OP_FORK, OP_EXIT, OP_EXEC,
	OP_UNMAP, OP_MAP, OP_MAPFILE, OP_READALL, OP_PROTECT, OP_SBRK,
	OP_FORKTREE, OP_DIE, OP_NOPS
};

/*
 * uproc.arg of the memory calls (proc.c): the protection, MAP_SHARED,
 * a bad argument to try (0: none; which one depends on the call), the
 * file page to map.  sbrk's is the increment, in bytes.
 */
#define	ARG_PROTOF(a)	((a) & 7)
#define	ARG_SHARED	0x08
#define	ARG_BAD(k)	((k) << 4)
#define	ARG_BADOF(a)	(((a) >> 4) & 0xf)
#define	ARG_POS(k)	((k) << 8)
#define	ARG_POSOF(a)	(((a) >> 8) & 0xff)

/* The contents a process must read at one address (model.c). */
struct mpage {
	int		refs;		/* holders; -1: static, never freed */
	uint64_t	w[MWORDS];
};

/* Shared memory: one page that every process sharing it sees. */
struct mcell {
	int		refs;
	struct mpage	*mp;
};

/* The model of one page of a process's address space. */
struct vpage {
	struct mpage	*mp;		/* private: what a read must find */
	struct mcell	*cell;		/* shared: where it is (mp NULL) */
	uint8_t		mapped;
	uint8_t		prot;		/* VM_PROT_* */
	uint8_t		maxprot;
	uint8_t		eof;		/* a file page past the end: SIGBUS */
};

/* A simulated process, and what it must read. */
struct uproc {
	struct sim_thread t;		/* first */
	int		slot;		/* in uprocs[] */
	struct vpage	vp[NVPAGES];	/* the model: every region */
	vaddr_t		brk;		/* the break (sbrk) */
	bool		server;		/* the long-lived forker */
	/* The operation in flight, given by the harness. */
	enum op		op;
	vaddr_t		va;
	int		n;		/* pages */
	int		arg;		/* op-specific: prot, flags, bytes */
	unsigned long	op_step;	/* when it was given */
};

/* The run's parameters, chosen from the seed (swarm testing). */
struct bench_cfg {
	u_int	npages, swapblocks;	/* swap: both disks together */
	u_int	swapblocks0;		/* wd0's share; wd1 has the rest */
	u_int	ndirect;		/* pages in the "direct map" */
	int	nproc_max;
	int	w_act[16];		/* harness actions */
	int	w_op[OP_NOPS];		/* user operations */
	int	yield_pct;		/* user-mode preemption in a run */
	int	segv_pct;		/* touch what the model says faults */
	int	word_pct;		/* writes of one word, not a page */
	int	badarg_pct;		/* system calls with bad arguments */
	bool	server;			/* one long-lived forking process */
};

/* Kinds of hidden pages (check.c, hidden_pages). */
#define	HID_UNMAPPED	0	/* outside every window */
#define	HID_ONE		1	/* under the object's one shadow */
#define	HID_SEVERAL	2	/* under several shadows */
#define	HID_STALE	3	/* a block under a dirty page (mode 0) */
#define	HID_MAPPED	4	/* any of these, in an object an entry maps */
#define	HID_NKINDS	5

/* Figures for the summary. */
struct bench_stats {
	unsigned long reads, writes, word_writes, forks, execs, unmaps, maps;
	unsigned long mapfiles, protects, sbrks, trees, tree_forks, badargs;
	unsigned long kills, segv, sigbus, checks_quiet, checks_full;
	unsigned long collapse_flips, errs_armed, pageouts_forced, vmmaps;
	unsigned long anon_usage, audits_planted, kmem_runs;
	unsigned long given[OP_NOPS];	/* operations handed out */
	unsigned long acts[16];		/* harness actions taken */
	u_int max_depth, max_depth_on, max_depth_off;
	u_int max_hidden, max_hidden_on, max_hidden_off;
	u_int max_hidden_kind[HID_NKINDS]; /* with the fix on: HID_* */
	u_int max_swap_used;
	u_int max_siblings;		/* live shadows of one object, most */
	/* swapctl.c: swapoff and swapon calls, and what swapoff did. */
	unsigned long swapoffs_given, swapons_given, swapons;
	unsigned long swapoffs_ok, swapoffs_ok_off, swapoffs_nomem;
	unsigned long swapoffs_busy, swap_badcalls;
	unsigned long swapoff_read;	/* pages read back */
	unsigned long swapoff_freed[2];	/* freed unread, by collapse_pagers */
};


/* vmhost.c */
extern const struct vmhost_args *args;
extern struct bench_cfg cfg;
extern struct bench_stats st;
extern unsigned long step;
extern struct uproc *uprocs[NPROC_MAX];
extern int nuprocs, nforking;
extern pid_t next_pid;
extern struct sim_thread daemon_thread, defer_thread;
extern struct vm_object *file_object;
extern u_int nhog;
extern int collapse_check;
extern const char *const op_names[OP_NOPS];
void	out(const char *, ...) __attribute__((format(printf, 1, 2)));
void	trace(const char *, ...) __attribute__((format(printf, 1, 2)));

/* A failure at va of up's: say what the VM has there first. */
#define	UFAIL(up, va, ...) do {						\
	describe_va((up), (va));					\
	bench_fail(__VA_ARGS__);					\
} while (0)

/* model.c */
struct mpage *mpage_zero(void);
struct mpage *mpage_file(int);
struct mpage *mpage_hold(struct mpage *);
void	mpage_drop(struct mpage *);
void	mpage_write_page(struct mpage **, void *);
void	mpage_write_word(struct mpage **, void *, int);
int	mpage_diff(const struct mpage *, const void *);
void	mpage_explain(const struct mpage *, const void *, char *, size_t);
bool	mpage_poisoned(const struct mpage *);
uint64_t page_hash(const void *);

/* proc.c */
struct uproc *uproc_new(struct uproc *);
void	uproc_give(struct uproc *, enum op, vaddr_t, int, int);
void	reap(void);
void	daemon_main(struct sim_thread *);
void	defer_main(struct sim_thread *);
struct vpage *model_page(struct uproc *, vaddr_t);
const struct mpage *model_contents(const struct vpage *);
bool	model_can(struct uproc *, vaddr_t, vm_prot_t);
void	describe_object(struct vm_object *);
void	describe_va(struct uproc *, vaddr_t);

/* check.c */
struct swap_audit;
bool	users_idle(void);
bool	all_quiet(void);
bool	peek(struct vm_object *, vm_pindex_t, struct vm_object **,
	    vm_pindex_t *, struct vm_page **);
void	check_pages(void);
void	swap_audit(struct swap_audit *);
void	check_step(void);
void	check_quiet(void);
void	check_full(void);
void	check_hidden(void);
u_int	collapse_epoch(void);
void	check_front_collapsed(struct vm_object *, const char *, bool);
uint32_t peek_id(struct uproc *, vaddr_t);
uint32_t entry_object_id(struct uproc *, vaddr_t);
bool	collapse_on(void);

/* swapctl.c */
extern bool swapctl_settle;
void	swapctl_init(void);
void	act_swapoff(void);
void	swapctl_step(bool);
void	swapctl_before_run(struct sim_thread *);
void	swapctl_after_run(struct sim_thread *);
bool	swapctl_idle(void);

/* The run's generator (vmhost.c's sim_random) in handier forms. */
static inline uint32_t
rnd(uint32_t n)
{

	return (n != 0 ? sim_random() % n : 0);
}

static inline bool
chance(int pct)
{

	return (rnd(100) < (uint32_t)pct);
}

static inline int
iabs(int x)
{

	return (x < 0 ? -x : x);
}

#endif /* !_VMHOST_BENCH_H_ */
