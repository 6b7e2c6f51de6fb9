/*
 * runner.c: /bin/runtests, the in-guest test runner.
 *
 *	runtests		run every test of the default suite
 *	runtests NAME ...	run the named tests only
 *	runtests -g GROUP	run the tests of a group (swap, eio-write,
 *				eio-read, oom, ...), which need a boot of
 *				their own; soak is for make soak-fuzz and
 *				make soak-vm-guest
 *	runtests -l		list the tests
 *	runtests -t SECS ...	change the time limit of one test (60 s)
 *
 * `make test' boots Umbra with `runtests' as its command; init powers
 * the machine off with our exit status, which the host reads.
 *
 * Each test runs in a forked child, in a process group of its own.  The
 * runner prints exactly one line per test, "PASS name", "FAIL name:
 * reason" or "SKIP name: reason", where the reason is the line the
 * child wrote to the reason pipe before exiting (see t_fail() and
 * t_skip() in util.c), or else how it ended.  A test is skipped when it
 * cannot check what it is for on this machine (efault without a
 * terminal, say): a skip is not a pass, and makes the exit status 1.
 * A child that is still alive after the time limit is killed, with its
 * whole process group, and reported as "timeout".  Other output of the
 * tests never starts with PASS or FAIL.
 *
 * The time limit is kept by a watchdog process that sleeps in the
 * kernel and kills the test when it wakes, while the runner itself
 * blocks in waitpid.  So while a test runs, no process but the test's
 * own touches user memory: the paging tests rely on that (eio-read
 * must be the only process reading swap when the disk starts failing).
 *
 * The leak check follows xv6's countfree: the number of free pages plus
 * the pages that cache ramdisk files (those are reclaimable) must be
 * the same after the suite as before it.  That count is exact only if
 * nothing was paged out meanwhile: a page of init's or of the runner's
 * that goes to swap comes back as a free page, and its mapping
 * structures are freed and allocated again elsewhere.  So the check
 * also asks the kernel to prove there is no leak, with vm.object_audit
 * (every anonymous object is reachable from a process: no object, page
 * or swap block is lost), and, when pages were paged out, only that
 * proof counts (the exact count is printed, for information).  Kernel
 * malloc must hold no more bytes than before; pages its buckets keep
 * with no more bytes in use are fragmentation, not a leak, and are
 * counted as free (kern.malloc_pages).  With swap enabled, "swap-check"
 * adds vm.swap_audit: every swap block in use belongs to exactly one
 * object, or was retired after an I/O error.  The baseline is read
 * after a warm-up (one throw-away test that forks, exits and execs), so that
 * kernel state created lazily on first use is not counted.  The runner
 * itself must not consume pages between the two readings: it touches
 * every page of its own data, bss and a stretch of stack before the
 * baseline, never allocates memory, and uses only helpers that do not.
 * A drop after an individual test is printed as a note naming the test;
 * only the final comparison decides the "leak-check" verdict.
 *
 * The last line is "N passed, N failed", with ", N skipped" added when
 * a test was skipped; the leak and swap checks count as tests.  The
 * host checks it against the verdict lines and against the list that
 * `runtests -l' gives (tests/verdicts.sh).  The exit status is 0 if
 * every test and the leak check passed, 1 if not (or if a test was
 * skipped), 2 for a usage error.
 *
 * `runtests -C MODE ...' is not for people: tests execute the runner
 * in such a child mode to get a fresh image of a known program (see
 * t_childmode() below).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
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

/*
 * The tests, in the order they run: the basic process machinery first,
 * since everything else relies on it.
 */
static const struct t_test t_tests[] = {
	{ "fork-basic", test_fork_basic,
	    "fork returns 0 and the pid; getpid and getppid agree" },
	{ "exit-status", test_exit_status,
	    "exit statuses 0, 1, 42, 255 reach waitpid" },
	{ "wait-signaled", test_wait_signaled,
	    "a child killed by a signal shows WIFSIGNALED and WTERMSIG" },
	{ "wait-nochild", test_wait_nochild,
	    "waitpid for a non-child or with no children gives ECHILD" },
	{ "wait-nohang", test_wait_nohang,
	    "WNOHANG returns 0 while the child runs" },
	{ "fork-many", test_fork_many,
	    "50 children alive at once, all reaped with their statuses" },
	{ "orphan", test_orphan,
	    "an orphan is adopted by init (getppid() == 1)" },
	{ "exec-args", test_exec_args,
	    "execve passes argv and envp exactly; the pid is kept" },
	{ "exec-missing", test_exec_missing,
	    "execve of a missing file gives ENOENT and the caller goes on" },
	{ "exec-fds", test_exec_fds,
	    "descriptors survive execve unless close-on-exec" },
	{ "fork-until-fail", test_fork_until_fail,
	    "fork until EAGAIN, twice: same capacity, all reaped" },
	{ "cow-both-ways", test_cow_both_ways,
	    "after fork, neither side sees the other's writes" },
	{ "cow-chain", test_cow_chain,
	    "three generations write different pages of one region" },
	{ "cow-chain-orphan", test_cow_chain_orphan,
	    "copy-on-write chain whose middle process exits first" },
	{ "data-private", test_data_private,
	    "writes to initialised data stay in the writing process" },
	{ "text-shared", test_text_shared,
	    "a second instance of a program shares its text pages" },
	{ "zero-fill", test_zero_fill,
	    "bss, sbrk and anonymous mmap memory read as zero" },
	{ "sbrk", test_sbrk,
	    "sbrk grows and shrinks the heap; ENOMEM changes nothing" },
	{ "mmap-basic", test_mmap_basic,
	    "anonymous mappings: aligned, disjoint, zeroed, usable" },
	{ "mmap-unmap-middle", test_mmap_unmap_middle,
	    "munmap of the middle of a mapping leaves a faulting hole" },
	{ "mmap-fixed", test_mmap_fixed,
	    "MAP_FIXED maps at the address asked for, replacing" },
	{ "mmap-badargs", test_mmap_badargs,
	    "bad mmap, munmap and mprotect arguments fail cleanly" },
	{ "mmap-prot", test_mmap_prot,
	    "PROT_NONE and PROT_READ fault; mprotect changes that" },
	{ "mmap-fork-cow", test_mmap_fork_cow,
	    "private anonymous mappings are copy-on-write across fork" },
	{ "pipe-order", test_pipe_order,
	    "bytes come out of a pipe in the order they went in" },
	{ "pipe-large", test_pipe_large,
	    "64 KiB through a pipe between two processes" },
	{ "pipe-eof", test_pipe_eof,
	    "end of file only when every writer has closed" },
	{ "pipe-sigpipe", test_pipe_sigpipe,
	    "writing with no reader: SIGPIPE, or EPIPE when ignored" },
	{ "pipe-pipeline", test_pipe_pipeline,
	    "a pipeline of three processes, the middle one exec'd" },
	{ "pipe-dup2", test_pipe_dup2,
	    "dup2 of a pipe onto the standard output" },
	{ "sig-default", test_sig_default,
	    "default actions of SIGTERM, SIGINT, SIGKILL kill" },
	{ "sig-handler", test_sig_handler,
	    "a sigaction handler runs, with its mask, and execution resumes" },
	{ "sig-kill-uncatchable", test_sig_kill_uncatchable,
	    "SIGKILL cannot be caught, ignored or blocked" },
	{ "sig-ignore", test_sig_ignore,
	    "SIG_IGN discards a signal" },
	{ "sig-pending", test_sig_pending,
	    "a blocked signal stays pending until unblocked" },
	{ "sig-chld", test_sig_chld,
	    "SIGCHLD reaches the parent when a child exits" },
	{ "sig-eintr", test_sig_eintr,
	    "signals interrupt nanosleep and read, or restart them" },
	{ "sig-errors", test_sig_errors,
	    "kill: ESRCH, EINVAL, EPERM" },
	{ "sig-exec", test_sig_exec,
	    "execve keeps ignored signals and the mask, resets handlers" },
	{ "segv-text", test_segv_text,
	    "writing to the program's text or rodata kills with SIGSEGV" },
	{ "segv-unmapped", test_segv_unmapped,
	    "touching unmapped or kernel addresses kills with SIGSEGV" },
	{ "segv-handler", test_segv_handler,
	    "a SIGSEGV handler runs and can siglongjmp out or fix up" },
	{ "segv-vm86", test_segv_vm86,
	    "an iret into vm86 mode kills the process, not the kernel" },
	{ "efault", test_efault,
	    "system calls given bad pointers return EFAULT" },
	{ "file-read", test_file_read,
	    "open, read, lseek, fstat on a ramdisk file" },
	{ "file-errors", test_file_errors,
	    "EROFS, ENOENT, ENOTDIR, EISDIR; chdir and getcwd" },
	{ "getdirentries", test_getdirentries,
	    "getdirentries on /bin lists runtests" },
	{ "dup", test_dup,
	    "dup, dup2, close and EBADF" },
	{ "uid", test_uid,
	    "root can setuid; a non-root process cannot go back" },
	{ "privilege", test_privilege,
	    "reboot, swapon and sysctl writes need root" },
	{ "clock", test_clock,
	    "monotonic clock, nanosleep, gettimeofday" },
	{ "tools-uname", test_tools_uname,
	    "uname: the sysctl names, in order; bad usage" },
	{ "tools-date", test_tools_date,
	    "date: -r, formats, the clock; setting it is refused" },
	{ "tools-time", test_tools_time,
	    "time: real, user, sys; status, 127, signals; instructions" },
	{ "tools-vmstat", test_tools_vmstat,
	    "vmstat 1 2: the layout; interrupts, cpu, memory as the kernel "
	    "counts them" },
	{ "tools-ps", test_tools_ps,
	    "ps -o vsz,rss,anon,swap: a child's pages, in KiB; -p, errors" },
	{ "tools-text", test_tools_text,
	    "grep, head, tail, wc, sort, uniq, env, printf, more on Umbra" },
	{ "tools-tail-f", test_tools_tail_f,
	    "tail -f: the last lines, then it watches until killed" },
	{ "tools-more", test_tools_more,
	    "more into a pipe: the files, with headings" },
	{ "tools-kill-l", test_tools_kill_l,
	    "kill -l: signal names, numbers and exit statuses" },
	{ "itimer-real", test_itimer_real,
	    "ITIMER_REAL: SIGALRM on time, periodic, read back, turned off" },
	{ "itimer-errors", test_itimer_errors,
	    "setitimer and getitimer: EINVAL and EFAULT" },
	{ "itimer-cpu", test_itimer_cpu,
	    "ITIMER_VIRTUAL and ITIMER_PROF count CPU time, not sleep" },
	{ "itimer-proc", test_itimer_proc,
	    "timers: not inherited by fork, kept by exec, gone at exit" },
	{ "alarm", test_alarm,
	    "alarm and ualarm: SIGALRM on time, time left, cancel" },
	{ "sigaction-alarm", test_sigaction_alarm,
	    "SIGALRM in a pipe read: SA_RESTART restarts it; SA_RESETHAND" },
	{ "sigprocmask-alarm", test_sigprocmask_alarm,
	    "a blocked SIGALRM stays pending until sigprocmask unblocks it" },
	{ "sleep-alarm", test_sleep_alarm,
	    "nanosleep, usleep, sleep: cut short by SIGALRM, time left" },
	{ "getrusage", test_getrusage,
	    "getrusage: user and system time, maxrss, children, wait4" },
	{ "times", test_times,
	    "times and clock agree with getrusage; CLK_TCK is kern.hz" },
	{ "uname", test_uname,
	    "uname: Umbra, i386, and the kernel's sysctl strings" },
	{ "sysconf", test_sysconf,
	    "sysconf and getpagesize agree with the kernel's sysctl" },
	{ "strsignal", test_strsignal,
	    "strsignal and psignal describe signals as sys_siglist does" },
	{ "fuzz", test_fuzz,
	    "random system calls from unprivileged processes" },
	{ "mmap-edges", test_mmap_edges,
	    "mmap edges (0, wrap, unaligned, at 0, over the kernel) probed" },
	{ "mmap-past-eof", test_mmap_past_eof,
	    "a file mapping past the file's end faults with SIGBUS" },
	{ "priv-sysctl", test_priv_sysctl,
	    "every sysctl write and root-only read is EPERM to uid 1000; "
	    "no kernel address in any value" },
	{ "vmobjdump-basic", test_vmobjdump_basic,
	    "vmobjdump shows a fork+write chain: entry, depth, counts" },
	{ "vmobjdump-summary", test_vmobjdump_summary,
	    "vmobjdump -s: a header and one line per pid; -h, -k" },
	{ "vmobjdump-all", test_vmobjdump_all,
	    "vmobjdump -s -a lists user processes, not kernel threads" },
	{ "vmobjdump-json", test_vmobjdump_json,
	    "vmobjdump -j prints one valid JSON document, version first" },
	{ "vmobjdump-dot", test_vmobjdump_dot,
	    "vmobjdump -d: one DOT graph, the shared object drawn once" },
	{ "vmobjdump-nonroot", test_vmobjdump_nonroot,
	    "vmobjdump as uid 1000: Operation not permitted, exit 1" },
	{ "vmobjdump-nopid", test_vmobjdump_nopid,
	    "vmobjdump of a missing pid: No such process, exit 1" },
	{ "vmobjdump-usage", test_vmobjdump_usage,
	    "vmobjdump with bad arguments: usage on stderr, exit 1" },
	{ "vmobjdump-race", test_vmobjdump_race,
	    "vmobjdump -a while processes exit: quiet, exit 0" },
	{ "disk-names", test_disk_names,
	    "hw.disknames and hw.diskstats agree; every disk opens" },
	{ "disk-swapon", test_disk_swapon,
	    "swapon: ENOTBLK, ENODEV, ENXIO, EBUSY; no raw writes to swap" },
	{ "disk-raw", test_disk_raw,
	    "raw I/O on the second disk: data back, EINVAL, the end, counts",
	    "disk", 120 },
	{ "disk-swap", test_disk_swap,
	    "paging through the second disk, by RUNTESTS_DISK_METHOD",
	    "disk", 300 },
	{ "disk-swapoff-two", test_disk_swapoff_two,
	    "two swap disks share a fork chain; swapoff of one loses nothing",
	    "disk", 300 },
	{ "tmpfs-rw", test_tmpfs_rw,
	    "/tmp files: read, write, holes, O_APPEND, truncation, unlink" },
	{ "tmpfs-dirs", test_tmpfs_dirs,
	    "/tmp: mkdir, rmdir, rename, getdirentries, a removed cwd" },
	{ "tmpfs-errno", test_tmpfs_errno,
	    "the errno of every refusal, as root and as uid 1000" },
	{ "tmpfs-mmap", test_tmpfs_mmap,
	    "/tmp files mapped shared by two processes, and private" },
	{ "tmpfs-exec", test_tmpfs_exec,
	    "a program copied into /tmp runs from there" },
	{ "tmpfs-audit", test_tmpfs_audit,
	    "the object audit counts /tmp files' objects as reachable" },
	{ "tmpfs-enospc", test_tmpfs_enospc,
	    "the size and vnode limits: ENOSPC, files intact, space back" },
	{ "tmpfs-fill", test_tmpfs_fill,
	    "/tmp filled past memory: its pages on swap, back, freed by rm",
	    "tmpfs", 600 },
	{ "tools-mkdir", test_tools_mkdir,
	    "mkdir -p -m and rmdir -p: what they do, their errors" },
	{ "tools-rm", test_tools_rm,
	    "rm, rm -r, rm -f: files, trees, refusals, the sticky /tmp" },
	{ "tools-cp-mv", test_tools_cp_mv,
	    "cp and mv: files, trees, into directories, across file "
	    "systems" },
	{ "tools-touch-tee", test_tools_touch_tee,
	    "touch makes files and sets times; tee copies, tee -a appends" },
	{ "tools-dd", test_tools_dd,
	    "dd: bs, count, skip, seek, conv=notrunc, records, errors" },
	{ "swap-3x", test_swap_3x,
	    "three times the RAM written and read back", "swap", 600 },
	{ "swap-stale", test_swap_stale,
	    "a page written after a page-in frees its swap block", "swap",
	    600 },
	{ "swap-cow-before", test_swap_cow_before,
	    "copy-on-write both ways, shared pages on swap before fork",
	    "swap", 600 },
	{ "swap-cow-after", test_swap_cow_after,
	    "copy-on-write both ways, shared pages to swap after fork; "
	    "fix off: the 1993 leak", "swap", 600 },
	{ "swap-cow-after-fix", test_swap_cow_after_fix,
	    "the same with vm.collapse_pagers=1: the swap is migrated",
	    "swap", 600 },
	{ "swap-chain", test_swap_chain,
	    "a 6-deep chain paged out, middle exits, every page back; fix on",
	    "swap", 600 },
	{ "swap-chain-nofix", test_swap_chain_nofix,
	    "the same with vm.collapse_pagers=0: the chain stays 6 deep",
	    "swap", 600 },
	{ "collapse-fire", test_collapse_fire,
	    "vm-test with 4 children and a hog for 2 minutes, fix on",
	    "fire", 600 },
	{ "swap-oom", test_swap_oom,
	    "out of memory and swap: the hog dies, the canary lives",
	    "swap", 600 },
	{ "fuzz-swap", test_fuzz_swap,
	    "the fuzzer under swap pressure, with a canary", "swap", 300 },
	{ "fork-kill-storm", test_fork_kill_storm,
	    "fork up to 300 under swap load, kill the group; 10 times, "
	    "no leak", "swap", 600 },
	{ "kill-pagein", test_kill_pagein,
	    "SIGKILL during page-ins: they die, no busy page, data intact",
	    "swap", 600 },
	{ "rw-short", test_rw_short,
	    "readers and writers check pages while others fork and exit",
	    "swap", 300 },
	{ "cow-oom", test_cow_oom,
	    "a copy-on-write fault with no memory or swap: the writer dies",
	    "oom", 600 },
	{ "fuzz-soak", test_fuzz_soak,
	    "the fuzzer for RUNTESTS_FUZZ_CALLS calls (make soak-fuzz)",
	    "soak" },
	{ "swapoff-soak", test_swapoff_soak,
	    "swapoff cycles under vm-test and maild for "
	    "RUNTESTS_SOAK_SECONDS (make soak-swapoff)", "soak" },
	{ "rw-soak", test_rw_soak,
	    "readers and writers for RUNTESTS_SOAK_SECONDS (make "
	    "soak-vm-guest)", "soak" },
	{ "eio-write", test_eio_write,
	    "a failed pageout keeps the page; the block is retired",
	    "eio-write", 600 },
	{ "eio-read", test_eio_read,
	    "a failed page-in kills only the faulting process",
	    "eio-read", 600 },
	{ "swapoff-errors", test_swapoff_errors,
	    "swapoff: EPERM, EINVAL, ENOENT, EFAULT", "swapoff", 60 },
	{ "swapoff-chain", test_swapoff_chain,
	    "swapoff with a 6-deep chain on swap, fix on: all reads back",
	    "swapoff", 180 },
	{ "swapoff-chain-nofix", test_swapoff_chain_nofix,
	    "swapoff with a 6-deep chain on swap, fix off: all reads back",
	    "swapoff", 180 },
	{ "swapoff-nomem", test_swapoff_nomem,
	    "swapoff under a hog that does not fit: ENOMEM, nothing lost",
	    "swapoff", 120 },
	{ "swapoff-busy", test_swapoff_busy,
	    "a swapoff during another gets EBUSY", "swapoff", 180 },
	{ "swapoff-vmtest", test_swapoff_vmtest,
	    "swapoff four times during vm-test, fix on: integrity holds",
	    "swapoff", 240 },
	{ "swapoff-vmtest-nofix", test_swapoff_vmtest_nofix,
	    "swapoff four times during vm-test, fix off: integrity holds",
	    "swapoff", 240 },
	{ "swapoff-eio", test_swapoff_eio,
	    "a read fails during swapoff: SIGBUS for its owner only",
	    "swapoff-eio", 180 },
	{ "leak-nopressure", test_leak_nopressure,
	    "nothing paged: nothing hidden on swap with 4.4BSD's rules, "
	    "nothing hidden at all with the fix", "leak", 90 },
	{ "leak-maild-nofix", test_leak_maild_nofix,
	    "fix off, 100 maild requests under pressure: chain and hidden "
	    "swap grow", "leak", 90 },
	{ "leak-vmtest-nofix", test_leak_vmtest_nofix,
	    "fix off, 100 vm-test rounds under pressure: chain and hidden "
	    "swap grow", "leak", 150 },
	{ "fix-maild", test_fix_maild,
	    "fix on, 500 maild requests under pressure: short chains, "
	    "nothing hidden", "leak", 120 },
	{ "fix-vmtest", test_fix_vmtest,
	    "fix on, 200 vm-test rounds under pressure: short chains, "
	    "nothing hidden", "leak", 180 },
	{ "hidden-prefork", test_hidden_prefork,
	    "a preforking server: no hidden page with the fix, some without",
	    "hidden", 180 },
	{ "hidden-stacktop", test_hidden_stacktop,
	    "four processes write one stack top: its backing copy is freed",
	    "hidden", 60 },
	{ "hidden-split", test_hidden_split,
	    "an entry split by mprotect and shared: nothing left hidden",
	    "hidden", 60 },
	{ "hidden-trees-nofix", test_hidden_trees_nofix,
	    "random fork trees under a hog, fix off: pages are hidden",
	    "hidden", 240 },
	{ "hidden-unmap", test_hidden_unmap,
	    "munmap, splits and sbrk shrinking give memory back", "hidden",
	    120 },
	{ "bigmem-touch", test_bigmem_touch,
	    "1.5 GiB written and read back, most above the direct map; "
	    "copy-on-write of 16 MiB of it; new pages read as zeros",
	    "bigmem", 300 },
	{ "bigmem-refill", test_bigmem_refill,
	    "objects' pages move out of a full direct map for the kernel",
	    "bigmem", 300 },
	{ "bigmem-tmpfs", test_bigmem_tmpfs,
	    "a /tmp file above the direct map: write, read, mmap",
	    "bigmem", 120 },
	{ "vmtest-1g", test_vmtest_1g,
	    "vm-test with 512 MiB of data at MEM=1G", "mem1g", 300 },
	{ "vmtest-1g-paging", test_vmtest_1g_paging,
	    "vm-test's pressure at MEM=1G: pages above the direct map go "
	    "to swap and back", "mem1g", 300 },
	{ "vmtest-1g-pio", test_vmtest_1g_pio,
	    "the same by PIO: sectors copied through quick mappings",
	    "mem1g-pio", 300 },
};

#define	NTESTS		((int)nitems(t_tests))
#define	DEFAULT_LIMIT	60		/* seconds per test */

static int	limit = DEFAULT_LIMIT;
static int	boot_pagein_max;	/* vm.pagein_max when we started */
static char	selected[NTESTS];
static char	reason[400];

/* Initialised data and bss for the tests (see runtests.h). */
int	t_data_canary = T_CANARY_INIT;
char	t_bss_zero[T_ZERO_PAGES * PAGE_SIZE];

/*
 * A function that tests use as a piece of text to write to; it must
 * not be inlined away.
 */
__attribute__((__noinline__)) int
t_text_target(int x)
{

	return (x * 3 + 1);
}

/*
 * Sleep ms milliseconds, once; errors are ignored (the runner must not
 * exit because of a broken clock).
 */
static void
runner_sleep(int ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	(void)nanosleep(&ts, NULL);
}

/*
 * Read free and file-cache page counts; *sump gets their sum.  Returns
 * 0, or the error number with *namep naming the sysctl that failed.
 */
static int
countfree(int *sump, int *freep, int *filep, const char **namep)
{
	int error;

	*namep = "vm.stats.free_count";
	if ((error = t_sysctl_int(*namep, freep)) != 0)
		return (error);
	*namep = "vm.stats.file_pages";
	if ((error = t_sysctl_int(*namep, filep)) != 0)
		return (error);
	*sump = *freep + *filep;
	return (0);
}

/*
 * Kernel malloc's use into *k: the pages carved into its small buckets
 * (kern.malloc_pages) and the bytes in use over every type but "temp",
 * which holds this very sysctl's buffer while it is read.  The buffer
 * is static: no heap growth between two leak-check readings.
 */
static char kmem_buf[4096];

#define	KMEM_TYPES	32

struct kmem_use {
	int	error;		/* reading them failed: this errno */
	int	pages;		/* kern.malloc_pages */
	long	bytes;		/* kern.malloc, bytes in use but "temp" */
	int	ntypes;
	struct {
		char	name[16];
		long	bytes;
	}	type[KMEM_TYPES];	/* the first KMEM_TYPES types */
};

static void
kmem_use(struct kmem_use *k)
{
	char name[16], *line, *next;
	size_t len = sizeof(kmem_buf) - 1;
	long inuse, bytes, calls;

	k->pages = 0;
	k->bytes = 0;
	k->ntypes = 0;
	if ((k->error = t_sysctl_int("kern.malloc_pages", &k->pages)) != 0)
		return;
	if (sysctlbyname("kern.malloc", kmem_buf, &len, NULL, 0) == -1) {
		k->error = errno;
		return;
	}
	kmem_buf[len] = '\0';
	for (line = kmem_buf; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (sscanf(line, "%15s %ld %ld %ld", name, &inuse, &bytes,
		    &calls) != 4 || strcmp(name, "temp") == 0)
			continue;
		k->bytes += bytes;
		if (k->ntypes < KMEM_TYPES) {
			strlcpy(k->type[k->ntypes].name, name,
			    sizeof(k->type[0].name));
			k->type[k->ntypes++].bytes = bytes;
		}
	}
}

/* The types that hold more in k1 than in k0, as "name +N ..." in buf. */
static void
kmem_grown(const struct kmem_use *k0, const struct kmem_use *k1, char *buf,
    size_t size)
{
	size_t len = 0;
	long was;
	int i, j;

	buf[0] = '\0';
	for (i = 0; i < k1->ntypes && len < size; i++) {
		for (j = 0, was = 0; j < k0->ntypes; j++)
			if (strcmp(k0->type[j].name, k1->type[i].name) == 0)
				was = k0->type[j].bytes;
		if (k1->type[i].bytes > was)
			len += snprintf(buf + len, size - len, " %s +%ld",
			    k1->type[i].name, k1->type[i].bytes - was);
	}
}

/* Just enough ELF to find our own writable segments. */
struct t_ehdr {
	unsigned char	e_ident[16];
	unsigned short	e_type, e_machine;
	unsigned int	e_version, e_entry, e_phoff, e_shoff, e_flags;
	unsigned short	e_ehsize, e_phentsize, e_phnum, e_shentsize;
	unsigned short	e_shnum, e_shstrndx;
};
struct t_phdr {
	unsigned int	p_type, p_offset, p_vaddr, p_paddr;
	unsigned int	p_filesz, p_memsz, p_flags, p_align;
};
#define	T_PT_LOAD	1
#define	T_PT_GNU_RELRO	0x6474e552
#define	T_PF_W		2

/*
 * Whether the page at a overlaps a PT_GNU_RELRO range, which may be
 * read-only at run time (and is never written after start-up).
 */
static int
in_relro(const struct t_phdr *ph, int n, unsigned long a)
{
	int i;

	for (i = 0; i < n; i++)
		if (ph[i].p_type == T_PT_GNU_RELRO &&
		    a < ph[i].p_vaddr + ph[i].p_memsz &&
		    a + T_PGSZ > ph[i].p_vaddr)
			return (1);
	return (0);
}

/*
 * Write every page of the runner's writable segments (data and bss)
 * with the value it already holds, so that all of them are private and
 * resident before the leak-check baseline, and read every page of the
 * others (text, read-only data), so that all of them are mapped: code
 * the runner first runs after the baseline must not add the kernel's
 * records of its mappings (kern.malloc "pmap") to the count.  The
 * segments are read from our own ELF program headers.  Returns the
 * number of data pages touched, or -1 if the file could not be read as
 * a 32-bit ELF file.
 */
static int
touch_self(void)
{
	struct t_ehdr eh;
	struct t_phdr ph[16];
	volatile char *c;
	unsigned long a, end;
	int fd, i, n = 0;

	if ((fd = open(RUNTESTS_PATH, O_RDONLY)) == -1)
		return (-1);
	if (read(fd, &eh, sizeof(eh)) != (ssize_t)sizeof(eh) ||
	    memcmp(eh.e_ident, "\177ELF", 4) != 0 || eh.e_ident[4] != 1 ||
	    eh.e_phentsize != sizeof(ph[0]) || eh.e_phnum > nitems(ph) ||
	    lseek(fd, eh.e_phoff, SEEK_SET) == -1 ||
	    read(fd, ph, eh.e_phnum * sizeof(ph[0])) !=
	    (ssize_t)(eh.e_phnum * sizeof(ph[0]))) {
		close(fd);
		return (-1);
	}
	close(fd);
	for (i = 0; i < eh.e_phnum; i++) {
		if (ph[i].p_type != T_PT_LOAD)
			continue;
		end = (unsigned long)ph[i].p_vaddr + ph[i].p_memsz;
		for (a = ph[i].p_vaddr & ~(T_PGSZ - 1); a < end;
		    a += T_PGSZ) {
			c = (volatile char *)a;
			if (!(ph[i].p_flags & T_PF_W) ||
			    in_relro(ph, eh.e_phnum, a)) {
				(void)*c;
				continue;
			}
			*c = *c;
			n++;
		}
	}
	return (n);
}

/*
 * Fault in 64 KiB of stack below the current frame, more than the
 * runner ever uses, so that stack growth after the baseline does not
 * look like a leak.
 */
__attribute__((__noinline__)) static void
touch_stack(void)
{
	volatile char buf[64 * 1024];
	size_t i;

	for (i = 0; i < sizeof(buf); i += 512)
		buf[i] = 0;
}

/*
 * The warm-up "test": one fork, exit and wait, and one execve of a
 * small program (the runner itself), through the same path as a real
 * test.
 */
static void
test_warmup(void)
{
	char *av[] = { "runtests", "-C", "exit", "0", NULL };
	pid_t pid;

	pid = t_fork();
	if (pid == 0)
		_exit(0);
	t_expect_exit(pid, 0, "fork and exit");
	pid = t_spawn(av, environ, -1, -1);
	t_expect_exit(pid, 0, "exec runtests -C exit 0");
}

static const struct t_test warmup = { "warm-up", test_warmup, "" };

/*
 * Make the reason a single printable line.
 */
static void
clean_reason(char *s)
{

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			*s = '\0';
			break;
		}
		if ((unsigned char)*s < ' ' || (unsigned char)*s > '~')
			*s = '?';
	}
}

/*
 * Sleep for secs seconds in the kernel (a watchdog must not wake
 * early, so EINTR is slept through).
 */
static void
watchdog_sleep(int secs)
{
	struct timespec ts, left;

	ts.tv_sec = secs;
	ts.tv_nsec = 0;
	while (nanosleep(&ts, &left) == -1 && errno == EINTR)
		ts = left;
}

/* Milliseconds since boot: the clock of kinfo_proc's ki_start. */
static int64_t
uptime_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		return (0);
	return ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/*
 * A test's processes that left its group (setsid and setpgid: the
 * fuzzers call both, and may stop what they made with SIGSTOP) escape
 * kill(-pid).  Every process started since t0, other than kernel
 * threads, is the test's: kill the living, and give init two seconds to
 * reap them all.  Returns how many were killed, or -1 with errno if the
 * process table cannot be read.  The table goes in the bss, which
 * touch_self settled: a malloc'ed one could grow the runner's heap
 * between two leak-check counts.
 */
static struct kinfo_proc strays_kp[256];

static int
kill_strays(int64_t t0)
{
	int mib[3] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL };
	struct kinfo_proc *kp;
	size_t len;
	int n, i, tries, left, killed = 0;

	for (tries = 0; tries < 200; tries++) {
		len = sizeof(strays_kp);
		if (sysctl(mib, 3, strays_kp, &len, NULL, 0) == -1)
			return (-1);
		n = len / sizeof(strays_kp[0]);
		if (n > 0 && strays_kp[0].ki_structsize != sizeof(*kp)) {
			errno = EPROTO;
			return (-1);
		}
		left = 0;
		for (i = 0; i < n; i++) {
			kp = &strays_kp[i];
			if (kp->ki_start < t0 ||
			    (kp->ki_flag & KI_FLAG_SYSTEM) != 0 ||
			    kp->ki_pid == getpid())
				continue;
			left++;
			if (tries == 0 && kp->ki_stat != SZOMB &&
			    kill(kp->ki_pid, SIGKILL) == 0)
				killed++;
		}
		if (left == 0)
			break;
		runner_sleep(10);
	}
	return (killed);
}

/* run_one's verdicts. */
#define	T_FAILED	0
#define	T_PASSED	1
#define	T_SKIPPED	2

/*
 * Run test t in a child and leave the verdict: returns T_PASSED,
 * T_FAILED or T_SKIPPED, with the reason in `reason' for the last two.
 * A watchdog child kills the test's process group after the limit; the
 * runner blocks in waitpid until the test or the watchdog ends.  The
 * test starts only once the watchdog sleeps (the go pipe), so that the
 * watchdog touches no memory during the test.  Afterwards, whatever is
 * left of the test's process group gets two seconds to go, then is
 * killed, and so is every other process started since the test began
 * (kill_strays).
 */
static int
run_one(const struct t_test *t)
{
	char msg[256], how[64], c;
	int rp[2], gp[2], st = 0, wst, timedout = 0, i;
	int tlimit = t->limit > 0 && limit == DEFAULT_LIMIT ? t->limit : limit;
	ssize_t n;
	pid_t pid, wd, r;
	int64_t t0;

	reason[0] = '\0';
	/*
	 * Every test starts with the collapse fix on (the default) and the
	 * boot's page-in cluster size, whatever a test before it left (root
	 * only; elsewhere they cannot change).
	 */
	if (geteuid() == 0) {
		i = 1;
		(void)sysctlbyname("vm.collapse_pagers", NULL, NULL, &i,
		    sizeof(i));
		if (boot_pagein_max > 0)
			(void)sysctlbyname("vm.pagein_max", NULL, NULL,
			    &boot_pagein_max, sizeof(boot_pagein_max));
	}
	if (pipe(rp) == -1 || pipe(gp) == -1) {
		snprintf(reason, sizeof(reason), "runner: pipe: %s",
		    t_errname(errno));
		return (0);
	}
	(void)fcntl(rp[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(rp[1], F_SETFD, FD_CLOEXEC);
	(void)fcntl(gp[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(gp[1], F_SETFD, FD_CLOEXEC);
	t0 = uptime_ms();
	pid = fork();
	if (pid == -1) {
		snprintf(reason, sizeof(reason), "runner: fork: %s",
		    t_errname(errno));
		close(rp[0]);
		close(rp[1]);
		close(gp[0]);
		close(gp[1]);
		return (0);
	}
	if (pid == 0) {
		struct sigaction sa;
		sigset_t none;

		/* A clean start: own group, default actions, no mask. */
		(void)setpgid(0, 0);
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_DFL;
		sigemptyset(&sa.sa_mask);
		for (i = 1; i < NSIG; i++)
			if (i != SIGKILL && i != SIGSTOP)
				(void)sigaction(i, &sa, NULL);
		sigemptyset(&none);
		(void)sigprocmask(SIG_SETMASK, &none, NULL);
		close(rp[0]);
		close(gp[1]);
		while (read(gp[0], &c, 1) == -1 && errno == EINTR)
			continue;
		close(gp[0]);
		t_reasonfd = rp[1];
		t_testpid = getpid();
		t->fn();
		_exit(0);
	}
	(void)setpgid(pid, pid);
	close(gp[0]);

	wd = fork();
	if (wd == 0) {
		/* The watchdog: let the test go, sleep, kill it. */
		close(rp[0]);
		close(rp[1]);
		(void)write(gp[1], "g", 1);
		close(gp[1]);
		watchdog_sleep(tlimit);
		(void)kill(-pid, SIGKILL);
		(void)kill(pid, SIGKILL);
		_exit(0);
	}
	close(gp[1]);
	if (wd == -1) {
		(void)kill(pid, SIGKILL);
		snprintf(reason, sizeof(reason), "runner: fork: %s",
		    t_errname(errno));
	}

	for (;;) {
		r = waitpid(-1, &wst, 0);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			if (reason[0] == '\0')
				snprintf(reason, sizeof(reason),
				    "runner: waitpid: %s", t_errname(errno));
			close(rp[0]);
			close(rp[1]);
			return (0);
		}
		if (r == pid) {
			st = wst;
			if (wd > 0) {
				(void)kill(wd, SIGKILL);
				while (waitpid(wd, &wst, 0) == -1 &&
				    errno == EINTR)
					continue;
				/*
				 * A watchdog that exited by itself had fired:
				 * its SIGKILL is what the test died of.
				 */
				if (WIFEXITED(wst))
					timedout = 1;
			}
			break;
		}
		if (r == wd) {
			timedout = 1;
			wd = -1;
		}
	}
	if (reason[0] != '\0')
		return (0);

	/*
	 * Processes of the test's group may still be exiting (orphans
	 * that init has yet to reap): give them two seconds, then kill
	 * what is left and give init two more to reap it.
	 */
	for (i = 0; i < 200 && kill(-pid, 0) == 0; i++)
		runner_sleep(10);
	if (kill(-pid, SIGKILL) == 0) {
		t_printf("  note: %s left processes behind; killed them",
		    t->name);
		for (i = 0; i < 200 && kill(-pid, 0) == 0; i++)
			runner_sleep(10);
	}
	if ((i = kill_strays(t0)) > 0)
		t_printf("  note: %s left %d processes outside its group; "
		    "killed them", t->name, i);
	else if (i == -1)
		t_printf("  note: kern.proc: %s; strays of %s not looked "
		    "for", t_errname(errno), t->name);

	/* Our own newline guarantees the read below does not block. */
	(void)write(rp[1], "\n", 1);
	n = read(rp[0], msg, sizeof(msg) - 1);
	msg[n > 0 ? n : 0] = '\0';
	close(rp[0]);
	close(rp[1]);
	clean_reason(msg);

	if (timedout) {
		snprintf(reason, sizeof(reason), "timeout after %d s%s%s",
		    tlimit, msg[0] != '\0' ? "; " : "", msg);
		return (0);
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return (T_PASSED);
	if (WIFEXITED(st) && WEXITSTATUS(st) == T_EXIT_SKIP &&
	    msg[0] != '\0') {
		snprintf(reason, sizeof(reason), "%s", msg);
		return (T_SKIPPED);
	}
	t_statusstr(st, how, sizeof(how));
	if (msg[0] == '\0')
		snprintf(reason, sizeof(reason), "%s", how);
	else if (WIFEXITED(st) && WEXITSTATUS(st) == 1)
		snprintf(reason, sizeof(reason), "%s", msg);
	else
		snprintf(reason, sizeof(reason), "%s (%s)", msg, how);
	return (0);
}

/*
 * Print the test list.
 */
static void
list_tests(void)
{
	int i;

	for (i = 0; i < NTESTS; i++)
		t_printf("%-22s %s%s%s%s", t_tests[i].name, t_tests[i].desc,
		    t_tests[i].group != NULL ? " [-g " : "",
		    t_tests[i].group != NULL ? t_tests[i].group : "",
		    t_tests[i].group != NULL ? "]" : "");
}

/*
 * Print the usage and exit 2.
 */
static void
usage(void)
{

	t_printf("usage: runtests [-l] [-t seconds] [-g group] [test ...]");
	exit(2);
}

/*
 * Child modes: runtests -C MODE ARGS.  Each is a small fixed behaviour
 * that a test needs from a freshly exec'd program:
 *
 *	exit N		exit with status N
 *	argv		print argc, each argument and each environment string
 *	argsum		print the length and byte sum of each argument
 *	data		print the initialised global t_data_canary
 *	zero		check that bss, new sbrk and mmap memory are zero
 *	hold RFD WFD	write a byte to RFD, then read WFD until end of file
 *	echo ARGS	print ARGS separated by spaces
 *	inc		copy standard input to standard output, adding 1 to
 *			each byte
 *	sigstate	print SIGTERM's and SIGUSR1's dispositions and the mask
 *	fd N		print whether descriptor N is open
 *	pid		print the pid and parent pid
 *	reset		reset the machine (reboot(2) without RB_POWEROFF):
 *			the harness's proof that a boot ending so fails
 *
 * Returns the exit status.
 */
static int
t_childmode(int argc, char **argv)
{
	struct sigaction sa;
	struct stat sb;
	sigset_t mask;
	char c, buf[512];
	char **m = argv + 2;		/* the mode and its arguments */
	int mc = argc - 2;
	char *p;
	int i, n;

	if (mc < 1)
		return (98);
	if (strcmp(m[0], "exit") == 0 && mc == 2)
		return (atoi(m[1]));
	if (strcmp(m[0], "argv") == 0) {
		t_printf("argc=%d", argc);
		for (i = 0; i < argc; i++)
			t_printf("argv[%d]=<%s>", i, argv[i]);
		if (argv[argc] == NULL)
			t_printf("argv[%d]=NULL", argc);
		for (i = 0; environ != NULL && environ[i] != NULL; i++)
			t_printf("env=<%s>", environ[i]);
		return (0);
	}
	if (strcmp(m[0], "argsum") == 0) {
		unsigned int sum;

		for (i = 0; i < argc; i++) {
			sum = 0;
			for (p = argv[i]; *p != '\0'; p++)
				sum = sum * 31 + (unsigned char)*p;
			t_printf("%d len=%u sum=%08x", i,
			    (unsigned int)(p - argv[i]), sum);
		}
		return (0);
	}
	if (strcmp(m[0], "data") == 0) {
		t_printf("canary=0x%08x", (unsigned int)t_data_canary);
		return (0);
	}
	if (strcmp(m[0], "zero") == 0) {
		t_check_zero(t_bss_zero, sizeof(t_bss_zero), "fresh bss");
		p = sbrk(T_ZERO_PAGES * T_PGSZ);
		if (p == (char *)-1)
			FAIL("sbrk: %s", t_errname(errno));
		t_check_zero(p, T_ZERO_PAGES * T_PGSZ, "fresh sbrk memory");
		p = mmap(NULL, T_ZERO_PAGES * T_PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (p == MAP_FAILED)
			FAIL("mmap: %s", t_errname(errno));
		t_check_zero(p, T_ZERO_PAGES * T_PGSZ, "fresh mmap memory");
		t_printf("zero ok");
		return (0);
	}
	if (strcmp(m[0], "hold") == 0 && mc == 3) {
		if (write(atoi(m[1]), "r", 1) != 1)
			return (3);
		while ((n = read(atoi(m[2]), &c, 1)) != 0)
			if (n == -1 && errno != EINTR)
				return (4);
		return (0);
	}
	if (strcmp(m[0], "echo") == 0) {
		buf[0] = '\0';
		for (i = 1; i < mc; i++) {
			if (i > 1)
				strlcat(buf, " ", sizeof(buf));
			strlcat(buf, m[i], sizeof(buf));
		}
		t_printf("%s", buf);
		return (0);
	}
	if (strcmp(m[0], "inc") == 0) {
		while ((n = read(0, buf, sizeof(buf))) != 0) {
			if (n == -1) {
				if (errno == EINTR)
					continue;
				return (3);
			}
			for (i = 0; i < n; i++)
				buf[i]++;
			if (write(1, buf, n) != n)
				return (4);
		}
		return (0);
	}
	if (strcmp(m[0], "sigstate") == 0) {
		const char *d[2];
		int sigs[2] = { SIGTERM, SIGUSR1 };

		for (i = 0; i < 2; i++) {
			if (sigaction(sigs[i], NULL, &sa) == -1)
				return (3);
			d[i] = sa.sa_handler == SIG_DFL ? "DFL" :
			    sa.sa_handler == SIG_IGN ? "IGN" : "HANDLER";
		}
		if (sigprocmask(SIG_BLOCK, NULL, &mask) == -1)
			return (4);
		t_printf("TERM=%s USR1=%s USR2blocked=%d TERMblocked=%d",
		    d[0], d[1], sigismember(&mask, SIGUSR2),
		    sigismember(&mask, SIGTERM));
		return (0);
	}
	if (strcmp(m[0], "fd") == 0 && mc == 2) {
		n = atoi(m[1]);
		if (fstat(n, &sb) == 0)
			t_printf("fd %d open", n);
		else
			t_printf("fd %d closed %s", n, t_errname(errno));
		return (0);
	}
	if (strcmp(m[0], "pid") == 0) {
		t_printf("pid=%d ppid=%d", (int)getpid(), (int)getppid());
		return (0);
	}
	if (strcmp(m[0], "reset") == 0) {
		t_printf("runtests: resetting the machine");
		__reboot(RB_AUTOBOOT, 0);
		t_printf("runtests: reboot: %s", t_errname(errno));
		return (3);
	}
	if (strcmp(m[0], "itimer") == 0) {
		struct itimerval itv;

		if (getitimer(ITIMER_REAL, &itv) == -1)
			return (3);
		t_printf("itimer real %lld", (long long)itv.it_value.tv_sec *
		    1000000 + itv.it_value.tv_usec);
		return (0);
	}
	return (98);
}

/*
 * The leak check at the end of the suite (see the opening comment):
 * the kernel's object audit must find no unreachable object, kernel
 * malloc no more bytes in use than at the baseline (k0; k1 now), and,
 * if nothing was paged out during the suite, free+file pages must be
 * back at the baseline but for pages malloc's buckets kept.  Prints the
 * verdict line; returns 1 if it passed.
 */
static int
check_leaks(int error, const char *sname, int base, int cur, int pageouts,
    const struct kmem_use *k0, const struct kmem_use *k1)
{
	struct vm_object_audit oa;
	char grown[128];
	int e, frag;

	if (error != 0) {
		t_printf("FAIL leak-check: cannot read %s: %s", sname,
		    t_errname(error));
		return (0);
	}
	if ((e = t_sysctl_struct("vm.object_audit", &oa, sizeof(oa))) != 0) {
		t_printf("FAIL leak-check: cannot read vm.object_audit: %s",
		    t_errname(e));
		return (0);
	}
	if (oa.oa_unreachable != 0 || oa.oa_broken != 0) {
		t_printf("FAIL leak-check: %u unreachable objects holding %u "
		    "pages and %u swap blocks; %u broken objects",
		    oa.oa_unreachable, oa.oa_leaked_pages, oa.oa_leaked_swap,
		    oa.oa_broken);
		return (0);
	}
	if (k0->error != 0 || k1->error != 0) {
		t_printf("FAIL leak-check: cannot read kern.malloc: %s",
		    t_errname(k0->error != 0 ? k0->error : k1->error));
		return (0);
	}
	if (k1->bytes > k0->bytes) {
		kmem_grown(k0, k1, grown, sizeof(grown));
		t_printf("FAIL leak-check: kern.malloc holds %ld bytes, %ld "
		    "before (grown:%s)", k1->bytes, k0->bytes, grown);
		return (0);
	}
	/*
	 * Pages kept by malloc's buckets with no more bytes in use than
	 * before are fragmentation (kern_malloc.c): a page goes back only
	 * when all its chunks do, and the tests' churn may leave today's
	 * long-lived chunks spread over more pages.
	 */
	frag = k1->pages - k0->pages;
	if (pageouts == 0 && cur < base && base - cur > MAX(frag, 0)) {
		t_printf("FAIL leak-check: lost %d pages (before %d, after "
		    "%d; malloc's buckets %d pages, before %d)", base - cur,
		    base, cur, k1->pages, k0->pages);
		return (0);
	}
	if (pageouts == 0 && cur < base)
		t_printf("  note: %d pages fewer free, all in malloc's "
		    "buckets (%d pages, %d before) with %ld bytes in use "
		    "(%ld before): fragmentation", base - cur, k1->pages,
		    k0->pages, k1->bytes, k0->bytes);
	if (pageouts != 0)
		t_printf("  note: %d pages were paged out, so free+file pages "
		    "(before %d, after %d) only inform; the object audit "
		    "decides", pageouts, base, cur);
	t_printf("PASS leak-check");
	return (1);
}

/*
 * With swap enabled: every block in use must belong to exactly one
 * object or have been retired (vm.swap_audit).  Returns 1 (passed), 0
 * (failed, line printed) or -1 (no swap: nothing to check).
 */
static int
check_swap(void)
{
	struct swap_audit sa;
	int total = 0, e;

	if (t_sysctl_int("vm.swap_total", &total) != 0 || total == 0)
		return (-1);
	if ((e = t_sysctl_struct("vm.swap_audit", &sa, sizeof(sa))) != 0) {
		t_printf("FAIL swap-check: cannot read vm.swap_audit: %s",
		    t_errname(e));
		return (0);
	}
	t_printf("  swap: %u blocks, %u allocated, %u owned by %u objects, "
	    "%u retired", sa.sa_total, sa.sa_allocated, sa.sa_owned,
	    sa.sa_objects, sa.sa_bad);
	if (sa.sa_errors != 0) {
		t_printf("FAIL swap-check: %u orphaned, %u unallocated, %u "
		    "doubly owned, %u out of range", sa.sa_orphaned,
		    sa.sa_unallocated, sa.sa_doubly_owned, sa.sa_out_of_range);
		return (0);
	}
	t_printf("PASS swap-check");
	return (1);
}

/*
 * Parse the arguments, warm up, take the baseline, run the selected
 * tests, check for leaks and print the summary.
 */
int
main(int argc, char **argv)
{
	const char *sname;
	int i, j, n, nsel = 0, passed = 0, failed = 0, skipped = 0, touched;
	int pageouts0 = 0, pageouts1 = 0;
	int base = 0, bfree, bfile, prev, cur = 0, cfree, cfile, error;
	struct kmem_use kmem0, kmem1;

	/* An execve that went wrong must not start the whole suite. */
	if (argc < 1 || argv == NULL || argv[0] == NULL)
		_exit(99);
	if (argc >= 2 && strcmp(argv[1], "-C") == 0)
		return (t_childmode(argc, argv));
	if (t_sysctl_int("vm.pagein_max", &boot_pagein_max) != 0)
		boot_pagein_max = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-l") == 0) {
			list_tests();
			return (0);
		} else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
			limit = atoi(argv[++i]);
			if (limit <= 0)
				usage();
		} else if (strcmp(argv[i], "-g") == 0 && i + 1 < argc) {
			i++;
			for (j = 0, n = 0; j < NTESTS; j++)
				if (t_tests[j].group != NULL &&
				    strcmp(t_tests[j].group, argv[i]) == 0) {
					selected[j] = 1;
					n++;
				}
			if (n == 0) {
				t_printf("runtests: no test group %s (see -l)",
				    argv[i]);
				return (2);
			}
			nsel += n;
		} else if (argv[i][0] == '-') {
			usage();
		} else {
			for (j = 0; j < NTESTS; j++)
				if (strcmp(argv[i], t_tests[j].name) == 0)
					break;
			if (j == NTESTS) {
				t_printf("runtests: no test named %s (see -l)",
				    argv[i]);
				return (2);
			}
			selected[j] = 1;
			nsel++;
		}
	}
	if (nsel == 0)
		for (j = 0; j < NTESTS; j++)
			selected[j] = t_tests[j].group == NULL;

	/* Settle our own pages and kernel state, then take the baseline. */
	touched = touch_self();
	touch_stack();
	if (run_one(&warmup) != T_PASSED)
		t_printf("  note: warm-up failed: %s", reason);
	error = countfree(&base, &bfree, &bfile, &sname);
	if (error == 0)
		t_printf("runtests: %d tests, %d s each; free+file pages %d "
		    "(free %d, file %d); %d data pages settled",
		    nsel ? nsel : NTESTS, limit, base, bfree, bfile, touched);
	else
		t_printf("runtests: cannot read %s: %s", sname,
		    t_errname(error));
	prev = base;
	kmem_use(&kmem0);
	(void)t_sysctl_int("vm.stats.pageouts", &pageouts0);

	for (j = 0; j < NTESTS; j++) {
		if (!selected[j])
			continue;
		switch (run_one(&t_tests[j])) {
		case T_PASSED:
			t_printf("PASS %s", t_tests[j].name);
			passed++;
			break;
		case T_SKIPPED:
			t_printf("SKIP %s: %s", t_tests[j].name, reason);
			skipped++;
			break;
		default:
			t_printf("FAIL %s: %s", t_tests[j].name, reason);
			failed++;
		}
		if (error == 0 &&
		    countfree(&cur, &cfree, &cfile, &sname) == 0) {
			if (cur < prev)
				t_printf("  note: free+file pages dropped by "
				    "%d after %s (now %d: free %d, file %d)",
				    prev - cur, t_tests[j].name, cur, cfree,
				    cfile);
			prev = cur;
		}
	}

	/* The leak check; frees that happen a little later are awaited. */
	if (error == 0) {
		for (i = 0; i < 20; i++) {
			error = countfree(&cur, &cfree, &cfile, &sname);
			if (error != 0 || cur >= base)
				break;
			runner_sleep(100);
		}
	}
	(void)t_sysctl_int("vm.stats.pageouts", &pageouts1);
	kmem_use(&kmem1);
	if (check_leaks(error, sname, base, cur, pageouts1 - pageouts0,
	    &kmem0, &kmem1))
		passed++;
	else
		failed++;
	n = check_swap();
	if (n > 0)
		passed++;
	else if (n == 0)
		failed++;

	if (skipped != 0)
		t_printf("%d passed, %d failed, %d skipped", passed, failed,
		    skipped);
	else
		t_printf("%d passed, %d failed", passed, failed);
	if (failed == 0 && skipped == 0)
		t_printf("ALL TESTS PASSED");
	return (failed == 0 && skipped == 0 ? 0 : 1);
}
