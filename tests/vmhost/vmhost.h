/*
 * vmhost.h: the pieces of the kernel side of vmhost that know each
 * other: the simulated threads and their scheduler (kern_shim.c), the
 * fake MMU (pmap.c), the swap disk (disk.c) and the bench (vmhost.c).
 *
 * All of this is compiled against the kernel's headers, as sys/vm is;
 * host.h is the only way out to libc.
 */
#ifndef _VMHOST_VMHOST_H_
#define _VMHOST_VMHOST_H_

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/buf.h>
#include <sys/conf.h>
#include <vm/vm.h>

#include "host.h"

/*
 * A simulated thread: a user process or the pageout daemon.  Each runs
 * on a coroutine of its own; the harness (the bench's main loop, on the
 * program's own stack, with curproc == &proc0) decides who runs next.
 * A thread runs until it sleeps (tsleep), finishes what it was asked
 * to do, or dies; the kernel is not preemptible, so that is exactly
 * the real kernel's discipline.
 */
enum tstate {
	T_IDLE,		/* a process in user mode, waiting for an operation */
	T_RUN,		/* runnable */
	T_SLEEP,	/* in tsleep() */
	T_DEAD,		/* gone; the harness frees it */
};

struct sim_thread {
	struct proc	p;		/* first: &p is the thread */
	struct host_ctx	*ctx;
	enum tstate	state;
	uint32_t	deadline;	/* tsleep timeout, in ticks; 0: none */
	bool		timedout;
	uint64_t	sleepseq;	/* order of falling asleep */
	void		(*main)(struct sim_thread *);
};

#define	THREAD(p)	((struct sim_thread *)(p))

/* kern_shim.c: threads and time. */
extern struct host_ctx *harness_ctx;
void	sim_thread_start(struct sim_thread *, void (*)(struct sim_thread *));
void	sim_thread_run(struct sim_thread *);
void	sim_thread_yield(void);
void	sim_thread_exit(void) __attribute__((noreturn));
void	sim_thread_idle(void);
bool	sim_clock_tick(void);
uint32_t sim_next_deadline(void);
void	sim_thread_unregister(struct sim_thread *);
extern struct sim_thread *sim_threads[];
extern int sim_nthreads;

/* kern_shim.c: malloc accounting and fault injection. */
extern int malloc_sleep_pct;		/* M_WAITOK sleeps, percent */
extern int malloc_nowait_fail_pct;	/* M_NOWAIT fails, percent */
long	malloc_inuse(const char *);
void	malloc_report(void);
uint32_t sim_random(void);		/* the run's generator (vmhost.c) */

/*
 * kern_shim.c: the test's file, open for reading on descriptor FILE_FD
 * of every process; its page i holds the pattern of FILE_TOKEN(i).
 */
#define	FILE_TOKEN(i)	(0xf11e000000000000ULL | (uint64_t)(i))
#define	FILE_FD		3
struct file;
extern struct file sim_file;
extern struct mount sim_mount;

/* kern_shim.c: sysctl handlers, called as sysctl(2) would. */
int	sim_sysctl(const char *, const char *, int *, u_int, void *, size_t *,
	    const void *, size_t);

/* pmap.c: the fake MMU. */
void	pmap_host_init(u_int, u_int);
void	*pmap_host_page(struct vm_page *);
bool	mmu_access(struct pmap *, vaddr_t, bool, void **);
struct vm_page *pmap_host_lookup(struct pmap *, vaddr_t, vm_prot_t *);
bool	pmap_host_drop_one(struct pmap *, uint32_t);
void	pmap_host_check(void);
extern int pmap_enter_fail_pct;
extern paddr_t host_phys_base;
extern u_int host_npages, host_ndirect;

/* disk.c: the swap disks, /dev/wd0 and /dev/wd1. */
#define	DISK_NUNITS	2
#define	DISK_DEV(unit)	makedev(CDEV_WD, (unit))
void	disk_init(int, u_int);
u_int	disk_blocks(int);
u_int	disk_pending(void);
void	disk_complete(uint32_t, bool);
void	disk_arm_error(int);
void	disk_set_bad(int, uint32_t);
const void *disk_block_data(uint32_t);
void	disk_describe(char *, size_t);
extern int disk_fifo_pct;
#define	DISK_ERR_READ	1
#define	DISK_ERR_WRITE	2

/* vmhost.c and proc.c: what the others call back. */
void	bench_fail(const char *, ...) __attribute__((noreturn,
	    format(printf, 1, 2)));
void	bench_poison(uint64_t);
void	bench_wake_idle(struct proc *);
void	trace_kernel(const char *);
void	page_fill(void *, uint64_t);
uint64_t page_hash(const void *);
void	copytest_run(void);		/* copytest.c: vmhost -u */

#endif /* !_VMHOST_VMHOST_H_ */
