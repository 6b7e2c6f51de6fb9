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

/* The address space of every process (see vmhost.c, "The model"). */
#define	DATA_VA		0x08000000U
#define	DATA_NP		8
#define	HEAP_VA		0x20000000U
#define	HEAP_NP		24
#define	SHM_VA		0x40000000U
#define	SHM_NP		4
#define	NPRIV		(DATA_NP + HEAP_NP)
#define	FILE_TOKEN(i)	(0xf11e000000000000ULL | (uint64_t)(i))

#define	NPROC_MAX	12		/* simulated processes at most */

/* What a process may be asked to do. */
enum op {
	OP_NONE, OP_START, OP_READ, OP_WRITE, OP_FORK, OP_EXIT, OP_EXEC,
	OP_UNMAP, OP_MAP, OP_READALL, OP_PROTECT, OP_DIE, OP_NOPS
};

/* A group of processes sharing their SHM region. */
struct shm {
	int		refs;
	int		id;
	uint64_t	tok[SHM_NP];
};

/* A simulated process, and what it must read. */
struct uproc {
	struct sim_thread t;		/* first */
	int		slot;		/* in uprocs[] */
	uint64_t	tok[NPRIV];	/* the model: DATA, then HEAP */
	uint8_t		mapped[HEAP_NP]; /* heap pages mapped */
	uint8_t		ro[HEAP_NP];	/* ... read-only (mprotect) */
	struct shm	*shm;
	bool		server;		/* the long-lived forker */
	/* The operation in flight, given by the harness. */
	enum op		op;
	vaddr_t		va;
	int		n;		/* pages (OP_PROTECT: < 0 writable) */
	unsigned long	op_step;	/* when it was given */
};

/* The run's parameters, chosen from the seed (swarm testing). */
struct bench_cfg {
	u_int	npages, swapblocks;
	int	nproc_max;
	int	w_act[16];		/* harness actions */
	int	w_op[OP_NOPS];		/* user operations */
	int	yield_pct;		/* user-mode preemption in a run */
	int	segv_pct;		/* touch an unmapped heap page */
	bool	server;			/* one long-lived forking process */
};

/* Figures for the summary. */
struct bench_stats {
	unsigned long reads, writes, forks, execs, unmaps, maps, protects;
	unsigned long kills, segv, sigbus, checks_quiet, checks_full;
	unsigned long collapse_flips, errs_armed, pageouts_forced, vmmaps;
	unsigned long anon_usage;
	u_int max_depth, max_depth_on, max_depth_off;
	u_int max_hidden, max_hidden_on, max_hidden_off, max_hidden_front;
	u_int max_swap_used;
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

/* proc.c */
struct uproc *uproc_new(struct uproc *);
void	uproc_give(struct uproc *, enum op, vaddr_t, int);
void	reap(void);
void	daemon_main(struct sim_thread *);
void	defer_main(struct sim_thread *);
uint64_t model_expect(struct uproc *, vaddr_t, bool *);
bool	model_readonly(struct uproc *, vaddr_t);
void	describe_object(struct vm_object *);
void	describe_va(struct uproc *, vaddr_t);

/* check.c */
bool	users_idle(void);
bool	all_quiet(void);
void	peek(struct vm_object *, vm_pindex_t, struct vm_object **,
	    vm_pindex_t *, struct vm_page **);
void	check_pages(void);
void	swap_audit(struct swap_audit *);
void	check_step(void);
void	check_quiet(void);
void	check_full(void);
void	check_collapse_reset(void);
bool	collapse_on(void);

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
