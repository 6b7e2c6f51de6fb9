/*
 * runtests.h: the interface between the in-guest test runner
 * (/bin/runtests, runner.c), its helpers (util.c) and the tests
 * (t_*.c).
 *
 * A test is a function taking and returning nothing.  The runner calls
 * it in a child process of its own, in a process group of its own; the
 * test passes by returning and fails by calling FAIL() or one of the
 * EXPECT macros, which print where and why and exit the process with
 * status 1.  A test may fork: its children (which must end with
 * _exit()) report a failure the same way, on the standard error, and
 * the test sees their exit status.  A test must wait for every child
 * it forks, so that its pages are free again when it returns; the
 * runner checks that (see the leak check in runner.c).
 *
 * The runner also executes itself in "child modes" (runtests -C MODE
 * ...): small fixed behaviours that tests need from a freshly exec'd
 * program, listed in runner.c, t_childmode().
 *
 * To add a test: write it in the t_*.c file of its area (a new area
 * gets a new file; the Makefile builds every .c file here into the
 * runner), declare it at the end of this file, and give it a row in
 * t_tests[] in runner.c.  Every expectation must be able to fail, and
 * timing may only be checked as a lower bound.
 */
#ifndef _RUNTESTS_H_
#define _RUNTESTS_H_

#include <sys/types.h>
#include <sys/param.h>
#include <errno.h>
#include <stdarg.h>

/* Where the runner is installed; tests exec it in child modes. */
#ifndef RUNTESTS_PATH
#define	RUNTESTS_PATH	"/bin/runtests"
#endif

/* Bounds of the user address space (machine/param.h on Umbra). */
#define	T_USERTOP	0xc0000000UL	/* first kernel address */
#define	T_PGSZ		((unsigned long)PAGE_SIZE)

/*
 * One entry of the test table (runner.c).  Tests of a group (group not
 * NULL) run only when asked for with `runtests -g GROUP': they need a
 * particular boot (little memory, a failing swap disk; see
 * tests/guest.sh).  limit overrides the default time limit.
 */
struct t_test {
	const char	*name;		/* what `runtests NAME' selects */
	void		(*fn)(void);	/* the test, run in its own child */
	const char	*desc;		/* one line for `runtests -l' */
	const char	*group;		/* NULL: the default suite */
	int		limit;		/* seconds, 0: the default */
};

/*
 * Reporting.  FAIL, the EXPECT macros and t_skip never return.  A
 * failure message is one line, "file.c:LINE: what happened"; a skip's
 * says what could not be checked, and why.
 */
void	t_fail(const char *, int, const char *, ...)
	    __attribute__((__noreturn__, __format__(__printf__, 3, 4)));
void	t_skip(const char *, ...)
	    __attribute__((__noreturn__, __format__(__printf__, 1, 2)));
void	t_printf(const char *, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	t_vformat(char *, size_t, const char *, va_list);
const char *t_errname(int);
const char *t_signame(int);
const char *t_statusstr(int, char *, size_t);

#define	FAIL(...)	t_fail(__FILE__, __LINE__, __VA_ARGS__)

/*
 * The exit status of a test child that skipped (t_skip): the runner
 * prints "SKIP name: reason", and a skip is never a pass.
 */
#define	T_EXIT_SKIP	75

#define	EXPECT(cond, ...) do {						\
	if (!(cond))							\
		FAIL(__VA_ARGS__);					\
} while (0)

/* EXPECT_OK(expr): expr, an int-like system call, does not give -1. */
#define	EXPECT_OK(expr) do {						\
	errno = 0;							\
	if ((long)(expr) == -1L)					\
		FAIL("%s: failed with %s", #expr, t_errname(errno));	\
} while (0)

/* EXPECT_ERR(expr, err): expr returns -1 (or MAP_FAILED) with errno err. */
#define	EXPECT_ERR(expr, err) do {					\
	long _t_r;							\
	int _t_e;							\
	errno = 0;							\
	_t_r = (long)(expr);						\
	_t_e = errno;							\
	if (_t_r != -1L || _t_e != (err))				\
		FAIL("%s: returned %ld (errno %s), expected -1 with %s", \
		    #expr, _t_r, t_errname(_t_e), t_errname(err));	\
} while (0)

/* Processes. */
pid_t	t_fork(void);
int	t_wait(pid_t);
void	t_expect_exit(pid_t, int, const char *);
void	t_expect_signal(pid_t, int, const char *);
void	t_expect_death(void (*)(void *), void *, int, const char *);
void	t_subtest(void (*)(void), void (*)(void));
pid_t	t_blocked_child(int *);
void	t_touch_read(void *);
void	t_touch_write(void *);
int	t_wait_timeout(pid_t, int, int *);
pid_t	t_spawn(char *const [], char *const [], int, int);
pid_t	t_spawn_path(const char *, char *const [], char *const [], int, int);
pid_t	t_spawn_pipes(const char *, char *const [], int *, int *);
int	t_run_capture(char *const [], char *const [], char *, size_t,
	    size_t *);
int	t_run_capture_path(const char *, char *const [], char *const [],
	    char *, size_t, size_t *);
int	t_run_io(const char *, char *const [], uid_t, const char *, char *,
	    size_t, char *, size_t);

/* The statistics of a disk by name (sys/disk.h; t_disk.c). */
struct diskstats;
void	t_disk_stats(const char *, struct diskstats *);

/* Time. */
void	t_msleep(int);
long	t_now_ms(void);

/* I/O. */
long	t_readall(int, void *, size_t);
void	t_writeall(int, const void *, size_t);
void	t_pipe(int [2]);
void	t_signal(int, void (*)(int), int);
pid_t	t_signaller(pid_t, int, int, int);

/* Memory patterns: one 32-bit word per slot, distinct per page and tag. */
void	t_fill(void *, unsigned long, unsigned long, unsigned int);
void	t_check(void *, unsigned long, unsigned long, unsigned int,
	    const char *);
void	t_check_zero(const void *, unsigned long, const char *);

/*
 * Hidden swap blocks that the fix tests (fix-maild, fix-vmtest) allow a
 * workload with vm.collapse_pagers=1: none.  With the fix on, every page
 * and swap block an object holds is visible to some map entry
 * (sys/vm/vm_object.c, "No hidden pages, ever"), at every status line.
 */
#define	T_FIX_HIDDEN	0

/* Copy-on-write across fork, both ways (t_cow.c). */
struct t_vmentry;
void	t_cow_both(char *, unsigned long, const char *, struct t_vmentry *);

/* The kernel. */
int	t_sysctl_int(const char *, int *);
int	t_stat(const char *);
void	t_expect_swap_audit(const char *);
int	t_sysctl_struct(const char *, void *, size_t);
long	t_hidden_pages(long *, long *);

/*
 * What the kernel says about memory (vmstate.c; these allocate, so the
 * runner never calls them).  A map entry and the chain behind it: the
 * counts add up the chain's anonymous objects (vnode objects are files'
 * pages, not the process's own).
 */
struct t_vmentry {
	unsigned long	start, end;	/* the entry */
	unsigned int	depth;		/* objects in its chain */
	unsigned int	front_id;	/* the front object's id */
	int		front_type;	/* ... and KVO_TYPE_* */
	char		front_path[32];	/* ... a vnode object's file name */
	unsigned int	resident;	/* resident pages */
	unsigned int	swapped;	/* swap blocks */
	unsigned int	hidden_res;	/* resident pages nobody can reach */
	unsigned int	hidden_swap;	/* swap blocks nobody can reach */
};

#define	T_PROT_RX	5		/* read and execute: program text */

void	t_vmentry(pid_t, const void *, struct t_vmentry *);
void	t_vmentry_prot(pid_t, int, struct t_vmentry *);
void	t_vmregion(pid_t, const void *, unsigned long, struct t_vmentry *);
unsigned int t_wait_swapped(pid_t, int *);

/*
 * A test body run in a child, with kernel resources compared before
 * and after it (t_leakfree): what it may leave behind at most.  A few
 * objects and wired pages may stay for good: the test process's own
 * chains (the top of its stack, say, hides a copy that its children
 * wrote) and a page table or two; kern.malloc grows by whole buckets;
 * fork's capacity may differ by one process with a page or two of
 * kernel memory.
 */
#define	T_LEAK_WIRED	8		/* pages */
#define	T_LEAK_OBJECTS	8
#define	T_LEAK_MALLOC	4096		/* bytes */
#define	T_LEAK_FORKS	1		/* processes fork can make */

int	t_fork_capacity(void);
void	t_leakfree(void (*)(void), const char *);

/*
 * A raw system call (util.c): arguments are pushed as 32-bit words the
 * way the kernel reads them, bypassing any libc wrapper.  Returns the
 * kernel's %eax; on failure -1 with the error number in *errp (0 on
 * success).
 */
int	t_rawsys(int, const unsigned long *, int *);
int	t_syscall(int *, int, unsigned long, unsigned long, unsigned long,
	    unsigned long, unsigned long, unsigned long);

/*
 * The system call fuzzer (t_fuzz.c): procs unprivileged processes make
 * calls random calls in all (replacing those that die), for at most
 * seconds (0: no limit), each keeping own_pages pages of its own busy;
 * progress every report_secs (0: never).  Generation g of a run uses
 * seed fz_genseed(seed, g).
 */
struct t_fuzz_opts {
	unsigned int	seed;
	long		calls;
	int		procs;
	int		seconds;
	unsigned long	own_pages;
	int		report_secs;
	int		verbose;	/* a line per generation */
};

struct t_fuzz_stats {
	unsigned long	calls;		/* calls made */
	long		ms;		/* time taken */
	int		generations;	/* fuzzing processes run */
	int		completed;	/* ... that made all their calls */
	int		signaled;	/* ... killed by a signal */
	int		bysig[32];	/* ... by which */
	int		exited;		/* ... that exited otherwise */
	int		stuck;		/* ... killed for making no progress */
	int		forkfail;	/* forks of the test that failed */
	int		clobbered;	/* ... whose count a call overwrote */
};

void	t_fuzz_run(const struct t_fuzz_opts *, struct t_fuzz_stats *);
unsigned int fz_genseed(unsigned int, unsigned int);

/* State set by the runner in each test child. */
extern int	t_reasonfd;	/* where the test child writes its reason */
extern pid_t	t_testpid;	/* pid of the test child itself */

/* Shared with child modes (runner.c) and t_cow.c. */
extern int	t_data_canary;			/* initialised data */
#define	T_CANARY_INIT	0x5eed1234
#define	T_ZERO_PAGES	8
extern char	t_bss_zero[];			/* T_ZERO_PAGES pages of bss */

/* A function whose text tests write to, read and compare with. */
int	t_text_target(int);

/* The tests, one file per area. */
#define	T_TEST(fn)	void fn(void)
/* t_disk.c */
T_TEST(test_disk_names);
T_TEST(test_disk_swapon);
T_TEST(test_disk_raw);
T_TEST(test_disk_swap);
T_TEST(test_disk_swapoff_two);
/* t_proc.c */
T_TEST(test_fork_basic);
T_TEST(test_exit_status);
T_TEST(test_wait_signaled);
T_TEST(test_wait_nochild);
T_TEST(test_wait_nohang);
T_TEST(test_fork_many);
T_TEST(test_orphan);
T_TEST(test_exec_args);
T_TEST(test_exec_missing);
T_TEST(test_exec_fds);
T_TEST(test_fork_until_fail);
/* t_cow.c */
T_TEST(test_cow_both_ways);
T_TEST(test_cow_chain);
T_TEST(test_cow_chain_orphan);
T_TEST(test_data_private);
T_TEST(test_text_shared);
T_TEST(test_zero_fill);
/* t_mem.c */
T_TEST(test_sbrk);
T_TEST(test_mmap_basic);
T_TEST(test_mmap_unmap_middle);
T_TEST(test_mmap_fixed);
T_TEST(test_mmap_badargs);
T_TEST(test_mmap_prot);
T_TEST(test_mmap_fork_cow);
/* t_pipe.c */
T_TEST(test_pipe_order);
T_TEST(test_pipe_large);
T_TEST(test_pipe_eof);
T_TEST(test_pipe_sigpipe);
T_TEST(test_pipe_pipeline);
T_TEST(test_pipe_dup2);
/* t_signal.c */
T_TEST(test_sig_default);
T_TEST(test_sig_handler);
T_TEST(test_sig_kill_uncatchable);
T_TEST(test_sig_ignore);
T_TEST(test_sig_pending);
T_TEST(test_sig_chld);
T_TEST(test_sig_eintr);
T_TEST(test_sig_errors);
T_TEST(test_sig_exec);
/* t_segv.c */
T_TEST(test_segv_text);
T_TEST(test_segv_unmapped);
T_TEST(test_segv_handler);
T_TEST(test_segv_vm86);
/* t_efault.c */
T_TEST(test_efault);
/* t_fuzz.c */
T_TEST(test_fuzz);
/* t_hostile.c */
T_TEST(test_mmap_edges);
T_TEST(test_mmap_past_eof);
T_TEST(test_priv_sysctl);
T_TEST(test_fuzz_swap);
T_TEST(test_fuzz_soak);
T_TEST(test_fork_kill_storm);
T_TEST(test_kill_pagein);
T_TEST(test_rw_short);
T_TEST(test_rw_soak);
T_TEST(test_hidden_trees_nofix);
T_TEST(test_cow_oom);
/* t_swap.c */
T_TEST(test_swap_3x);
T_TEST(test_swap_stale);
T_TEST(test_swap_cow_before);
T_TEST(test_swap_cow_after);
T_TEST(test_swap_cow_after_fix);
T_TEST(test_swap_chain);
T_TEST(test_swap_chain_nofix);
T_TEST(test_collapse_fire);
T_TEST(test_swap_oom);
T_TEST(test_eio_write);
T_TEST(test_eio_read);
T_TEST(test_swapoff_chain);
T_TEST(test_swapoff_chain_nofix);
T_TEST(test_swapoff_nomem);
T_TEST(test_swapoff_errors);
T_TEST(test_swapoff_busy);
T_TEST(test_swapoff_vmtest);
T_TEST(test_swapoff_vmtest_nofix);
T_TEST(test_swapoff_eio);
T_TEST(test_swapoff_soak);
/* t_file.c */
T_TEST(test_file_read);
T_TEST(test_file_errors);
T_TEST(test_getdirentries);
T_TEST(test_dup);
T_TEST(test_uid);
T_TEST(test_privilege);
T_TEST(test_clock);
/* t_posix.c */
T_TEST(test_itimer_real);
T_TEST(test_itimer_errors);
T_TEST(test_itimer_cpu);
T_TEST(test_itimer_proc);
T_TEST(test_alarm);
T_TEST(test_sigaction_alarm);
T_TEST(test_sigprocmask_alarm);
T_TEST(test_sleep_alarm);
T_TEST(test_getrusage);
T_TEST(test_times);
T_TEST(test_uname);
T_TEST(test_sysconf);
T_TEST(test_strsignal);
/* t_tmpfs.c */
T_TEST(test_tmpfs_rw);
T_TEST(test_tmpfs_dirs);
T_TEST(test_tmpfs_errno);
T_TEST(test_tmpfs_mmap);
T_TEST(test_tmpfs_exec);
T_TEST(test_tmpfs_audit);
T_TEST(test_tmpfs_enospc);
T_TEST(test_tmpfs_fill);
/* t_filetools.c */
T_TEST(test_tools_mkdir);
T_TEST(test_tools_rm);
T_TEST(test_tools_cp_mv);
T_TEST(test_tools_touch_tee);
T_TEST(test_tools_dd);
/* t_vmobjdump.c */
T_TEST(test_vmobjdump_basic);
T_TEST(test_vmobjdump_summary);
T_TEST(test_vmobjdump_all);
T_TEST(test_vmobjdump_json);
T_TEST(test_vmobjdump_nonroot);
T_TEST(test_vmobjdump_nopid);
T_TEST(test_vmobjdump_usage);
T_TEST(test_vmobjdump_race);
T_TEST(test_vmobjdump_dot);
/* t_tools.c */
T_TEST(test_tools_uname);
T_TEST(test_tools_date);
T_TEST(test_tools_time);
T_TEST(test_tools_vmstat);
T_TEST(test_tools_ps);
T_TEST(test_tools_text);
T_TEST(test_tools_tail_f);
T_TEST(test_tools_more);
T_TEST(test_tools_kill_l);
/* t_leak.c */
T_TEST(test_leak_nopressure);
T_TEST(test_leak_maild_nofix);
T_TEST(test_leak_vmtest_nofix);
T_TEST(test_fix_maild);
T_TEST(test_fix_vmtest);
/* t_hidden.c */
T_TEST(test_hidden_prefork);
T_TEST(test_hidden_stacktop);
T_TEST(test_hidden_split);
T_TEST(test_hidden_unmap);
/* t_bigmem.c */
T_TEST(test_bigmem_touch);
T_TEST(test_bigmem_refill);
T_TEST(test_vmtest_1g);
T_TEST(test_vmtest_1g_paging);
T_TEST(test_vmtest_1g_pio);
T_TEST(test_bigmem_tmpfs);

#endif /* !_RUNTESTS_H_ */
