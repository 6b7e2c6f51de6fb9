/*
 * t_fuzz.c: random system calls from unprivileged processes, after
 * FreeBSD stress2's syscall4.sh, trinity and xv6's usertests: the
 * kernel must survive whatever a process asks of it.
 *
 * The engine (t_fuzz_run) keeps a few fuzzing processes alive until a
 * budget of calls is spent.  Each is forked by the test, which stays
 * root, sets itself up (below), becomes uid and gid 1000 and makes
 * calls until its share of the budget is done or something kills it; a
 * process that ends early is replaced by a new generation with a seed
 * of its own, so the budget is spent whatever the calls do to their
 * callers.  A process whose call counter stops moving for
 * FUZZ_STUCK_MS (it read a pipe it holds the only writer of, stopped
 * itself, blocked every signal and spun) is killed by pid, and
 * replaced.
 *
 * Arguments are typed, as in trinity: each system call of
 * syscalls.master has a row in fz_calls[] saying what each argument is
 * (descriptor, buffer, length, path, pid, address, ...), and each kind
 * has a generator that mixes valid values (an open descriptor, a
 * pointer into the process's scratch buffer, a real path, a sysctl name
 * that exists) with hostile ones: NULL, kernel addresses, an unmapped
 * guard page, a buffer that runs off the end of its mapping, a
 * read-only page as an output buffer, unaligned and wrapping lengths,
 * huge counts, closed and out-of-range descriptors, and random bits.
 * One argument in eight is random bits whatever its kind.  Some calls
 * are made with the stack pointer itself hostile, so that the kernel
 * fails to read the arguments.  Unknown numbers are tried too (SIGSYS
 * is ignored, at first).
 *
 * Calls that would replace or end the process, or block for good, are
 * made only in a form that must fail or return at once: execve only
 * with a path that cannot be executed or an argument vector with a bad
 * pointer in it (so that a fuzzer never becomes another program),
 * sigsuspend only with a bad mask pointer, nanosleep for at most a
 * millisecond, fork with a child that exits at once and is reaped; exit
 * is never called.  sigreturn gets bad contexts, and contexts that are
 * good enough to be accepted, with random registers and FPU state,
 * which resume at a landing function that jumps back into the loop.
 *
 * mmap, munmap and mprotect work mostly on a playground of FZ_PLAY
 * pages at a fixed address far from everything else, so that they do
 * not end the process every few calls; file mappings may be longer
 * than the file.
 *
 * Invariants each fuzzing process checks, reporting through its slot
 * of a page shared with the test (mapped far from the buffers the
 * calls overrun): a failing call returns an errno between 1 and ELAST;
 * the process never gains uid or gid 0.  The test fails if one breaks,
 * if a fuzzing process could not set itself up, if a run of 20000
 * calls or more never tried some row of fz_calls[], or if the kernel
 * stops (a panic ends the boot).  How each fuzzing process ended does
 * not matter otherwise: random arguments may well kill it (a munmap of
 * its own text, a SIGSEGV handler at a random address).  The slots
 * also count calls and successes by system call, printed with
 * RUNTESTS_VERBOSE=1 and in soaks.
 *
 * The fuzzers may chdir to /tmp, the one writable directory, and make
 * files there with any bytes in their names; the test removes whatever
 * /tmp holds after a run that it did not hold before (fz_tmp_note,
 * fz_tmp_clean), so that the leak check sees no difference.
 *
 * Replay: the seed is printed, and RUNTESTS_FUZZ_SEED=N in the
 * environment sets it; generation g (counted from 0 across all slots)
 * uses fz_genseed(seed, g), and RUNTESTS_VERBOSE=1 prints each
 * generation's seed and how it ended.  RUNTESTS_FUZZ_CALLS sets the
 * budget of the soak test (make soak-fuzz).  Interleaving between
 * processes and the points where they are killed depend on timing, so
 * a replay repeats each generation's random draws, not the whole run.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtests.h"

#define	FUZZ_STUCK_MS	2000	/* no progress for this long: killed */
#define	FUZZ_MAXPROCS	8
#define	FUZZ_GEN_CALLS	20000	/* at most this many per generation */
#define	FZ_SCRATCH	(4 * 4096)	/* scratch bytes, then a guard page */
#define	FZ_PLAY		16	/* pages of the mmap playground */
#define	FZ_PLAY_ADDR	0x30000000UL	/* ... there, with nothing near */
#define	FZ_SLOT_ADDR	0x50000000UL	/* the page shared with the test */
#define	FZ_NMIB		64	/* sysctl names collected */
#define	FZ_UID		1000

/* How a fuzzing process ends when an invariant breaks. */
#define	FZ_EXIT_SETUP	90	/* could not set itself up */
#define	FZ_EXIT_BROKE	91	/* an invariant broke: see the slot */

/*
 * One fuzzing process's slot in the page shared with the test.  The
 * fuzzer writes the call it is about to make before making it, so the
 * test can say what a stuck process was doing.
 */
#define	FZ_NCALLS	48	/* rows of fz_calls[], at most */

struct fz_slot {
	volatile unsigned long	calls;		/* calls made so far */
	volatile unsigned short	ncall[FZ_NCALLS]; /* by row of fz_calls */
	volatile unsigned short	nok[FZ_NCALLS];	/* ... that succeeded */
	volatile int		num;		/* the call in progress */
	volatile unsigned long	args[8];
	volatile pid_t		pid;
	volatile int		broke;		/* which invariant broke */
	volatile long		brokeval[3];
};

/* Everything a fuzzing process works with; set up before setuid. */
static struct {
	unsigned int	state;		/* xorshift32 */
	char		*scratch;	/* FZ_SCRATCH bytes, read-write */
	char		*guard;		/* the unmapped page after it */
	char		*rdonly;	/* a read-only page */
	char		*play;		/* FZ_PLAY pages to map and unmap */
	char		*own;		/* own_pages pages kept busy */
	unsigned long	own_pages, own_next;
	int		fds[8];		/* descriptors opened at setup */
	int		nfds;
	int		closedfd;	/* a descriptor known to be closed */
	struct fz_slot	*slots, *me;
	int		nslots;
	struct sigcontext good_sc;	/* captured from a real signal */
	int		have_sc;
	sigjmp_buf	landing;	/* where an accepted sigreturn ends */
	unsigned long	saved_esp;	/* for calls on a hostile stack */
	int		row;		/* fz_calls[] row of the current call */
} fz;

/* The sysctl names that exist, collected by the test while root. */
static int fz_mibs[FZ_NMIB][CTL_MAXNAME];
static int fz_miblen[FZ_NMIB];
static int fz_nmibs;

static const char *const fz_paths[] = {
	"/", "/bin", "/bin/runtests", "/bin/sh", "/etc/passwd", "/dev/null",
	"/dev/wd0", "/dev/console", "/tmp", "/nonexistent", "", ".", "..",
	"/bin/runtests/x", "//bin//./sh", "/etc/../etc/passwd",
	"/dev/null/", "/nonexistent/dir/file",
};

/* Paths execve may get: none of them can be executed. */
static const char *const fz_noexec[] = {
	"/", "/etc/passwd", "/dev/null", "/nonexistent", "", "/bin",
	"/bin/runtests/x",
};

static const unsigned long fz_kaddrs[] = {
	0xc0000000UL, 0xc0001000UL, 0xc0100000UL, 0xc0400000UL,
	0xd0000000UL, 0xfffff000UL, 0xfffffffcUL, 0xffffffffUL,
	0xbffffffcUL, 0xbfffffffUL,
};

static const unsigned long fz_wraplens[] = {
	0xffffffffUL, 0xfffffffeUL, 0xfffff000UL, 0xfffff001UL,
	0x80000000UL, 0x7fffffffUL, 0xc0000000UL, 0xbfffffffUL,
	0x40000001UL, 0x10000000UL,
};

static const unsigned long fz_ioctls[] = {
	0x40047476UL /* TIOCSPGRP */, 0x40047477UL, 0x402c7413UL,
	0x802c7414UL, 0x802c7415UL, 0x802c7416UL, 0x40087468UL,
	0x4004667fUL /* FIONREAD */, 0x80046476UL /* DIOCCACHESYNC */,
	0xc0ff0000UL, 0x20000000UL, 0xffffffffUL,
};

unsigned int
fz_genseed(unsigned int seed, unsigned int gen)
{
	unsigned int x = seed ^ (gen * 0x9e3779b9U);

	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return (x != 0 ? x : 1);
}

static unsigned int
fz_rand(void)
{

	/* xorshift32: enough for argument soup, and replayable. */
	fz.state ^= fz.state << 13;
	fz.state ^= fz.state >> 17;
	fz.state ^= fz.state << 5;
	return (fz.state);
}

#define	FZ_PICK(a)	((a)[fz_rand() % nitems(a)])
#define	FZ_PCT(n)	(fz_rand() % 100 < (n))

/* A pointer that must not work: NULL, the kernel, the guard, ... */
static unsigned long
fz_badptr(void)
{

	switch (fz_rand() % 7) {
	case 0:
		return (0);
	case 1:
		return (fz_rand() % 4096);
	case 2:
	case 3:
		return (FZ_PICK(fz_kaddrs));
	case 4:
		return ((unsigned long)fz.guard + fz_rand() % 4096);
	case 5:
		return (0xc0000000UL + (fz_rand() & 0x3fffffff));
	default:
		return ((unsigned long)fz.scratch + FZ_SCRATCH - 1 -
		    fz_rand() % 8);		/* runs into the guard */
	}
}

/*
 * A pointer that cannot work whatever the process has mapped: the
 * first page or the kernel's half.
 */
static unsigned long
fz_kptr(void)
{

	switch (fz_rand() % 3) {
	case 0:
		return (fz_rand() % 4096);
	case 1:
		return (0xc0000000UL + (fz_rand() & 0x3fffffff));
	default:
		return (FZ_PICK(fz_kaddrs) | 0xc0000000UL);
	}
}

/* A buffer: mostly scratch, sometimes hostile. */
static unsigned long
fz_buf(void)
{
	unsigned int r = fz_rand() % 100;

	if (r < 55)
		return ((unsigned long)fz.scratch + fz_rand() % FZ_SCRATCH);
	if (r < 65)
		return ((unsigned long)fz.scratch);
	if (r < 85)
		return (fz_badptr());
	if (r < 90)
		return ((unsigned long)fz.rdonly + fz_rand() % 4096);
	if (r < 92)
		return ((unsigned long)t_text_target);	/* read-only text */
	if (r < 97)	/* whatever the playground holds now */
		return ((unsigned long)fz.play + fz_rand() % (FZ_PLAY * 4096));
	return (fz_rand());
}

/* A length or count. */
static unsigned long
fz_len(void)
{
	unsigned int r = fz_rand() % 100;

	if (r < 10)
		return (0);
	if (r < 40)
		return (fz_rand() % 65);
	if (r < 60)
		return (fz_rand() % FZ_SCRATCH);
	if (r < 65)
		return (4096);
	if (r < 75)
		return (FZ_SCRATCH + 1 + fz_rand() % 4096);
	if (r < 90)
		return (FZ_PICK(fz_wraplens));
	return (fz_rand());
}

/* A descriptor: open ones mostly, closed and absurd ones too. */
static unsigned long
fz_fd(void)
{
	unsigned int r = fz_rand() % 100;

	if (r < 60 && fz.nfds > 0)
		return (fz.fds[fz_rand() % fz.nfds]);
	if (r < 70)
		return (fz.closedfd);
	if (r < 80)
		return (fz_rand() % (NOFILE + 2));
	if (r < 85)
		return ((unsigned long)-1);
	if (r < 90)
		return (NOFILE);
	if (r < 95)
		return (0x7fffffffUL);
	return (fz_rand());
}

/*
 * A NUL-terminated path in scratch (or a hostile pointer): a known
 * path, a long one, random bytes, or one running into the guard page.
 */
static unsigned long
fz_path(void)
{
	unsigned int r = fz_rand() % 100, i, n;
	char *s = fz.scratch + FZ_SCRATCH / 2;

	if (r < 55) {
		strlcpy(s, FZ_PICK(fz_paths), 64);
		return ((unsigned long)s);
	}
	if (r < 65) {
		n = 200 + fz_rand() % 1200;	/* past MAXPATHLEN, sometimes */
		for (i = 0; i < n; i++)
			s[i] = (i % 8 == 0) ? '/' : 'a' + i % 26;
		s[n] = '\0';
		return ((unsigned long)s);
	}
	if (r < 75) {
		n = fz_rand() % 32;
		for (i = 0; i < n; i++)
			s[i] = (char)(1 + fz_rand() % 255);
		s[n] = '\0';
		return ((unsigned long)s);
	}
	if (r < 85) {
		/* No terminator before the guard page. */
		s = fz.scratch + FZ_SCRATCH - 1 - fz_rand() % 64;
		memset(s, 'x', fz.scratch + FZ_SCRATCH - s);
		return ((unsigned long)s);
	}
	return (fz_badptr());
}

/* A pid: ourselves, the test, siblings, init, groups, nonsense. */
static unsigned long
fz_pid(void)
{
	struct fz_slot *s;

	switch (fz_rand() % 10) {
	case 0:
		return (0);
	case 1:
		return ((unsigned long)-1);
	case 2:
		return (getpid());
	case 3:
		return (getppid());
	case 4:
		s = &fz.slots[fz_rand() % fz.nslots];
		return (s->pid);
	case 5:
		return (1);
	case 6:
		return ((unsigned long)-getpgrp());
	case 7:
		return (0x80000000UL);
	case 8:
		return (fz_rand() % 300);
	default:
		return (fz_rand());
	}
}

/* A page address for mmap, munmap and mprotect. */
static unsigned long
fz_addr(void)
{
	unsigned int r = fz_rand() % 100;

	if (r < 40)
		return ((unsigned long)fz.play + (fz_rand() % FZ_PLAY) * 4096);
	if (r < 45)
		return ((unsigned long)fz.guard);
	if (r < 50)
		return (0);
	if (r < 55)
		return (4096);
	if (r < 65)
		return (FZ_PICK(fz_kaddrs) & ~0xfffUL);
	if (r < 70)
		return (0xbffff000UL);
	if (r < 85)
		return ((unsigned long)fz.play + fz_rand() % (FZ_PLAY * 4096));
	if (r < 86 && FZ_PCT(30))	/* our own text or data: fatal */
		return ((unsigned long)(FZ_PCT(50) ? (void *)t_text_target :
		    (void *)fz.scratch) & ~0xfffUL);
	if (r < 95)
		return (fz_rand() & ~0xfffUL);
	return (fz_rand());
}

/* A length for mmap and friends: pages, zero, unaligned, wrapping. */
static unsigned long
fz_mlen(void)
{
	unsigned int r = fz_rand() % 100;

	if (r < 50)
		return ((1 + fz_rand() % FZ_PLAY) * 4096);
	if (r < 60)
		return (0);
	if (r < 70)
		return (1 + fz_rand() % 8191);
	if (r < 90)
		return (FZ_PICK(fz_wraplens));
	if (r < 93)
		return (0xc0000000UL - (fz_rand() % 4) * 4096);
	return (fz_rand());
}

static unsigned long
fz_int(void)
{

	switch (fz_rand() % 6) {
	case 0:
		return (fz_rand() % 16);
	case 1:
		return (fz_rand() & 0xffff);
	case 2:
		return ((unsigned long)-(long)(fz_rand() % 16));
	case 3:
		return (0x80000000UL);
	case 4:
		return (0x7fffffffUL);
	default:
		return (fz_rand());
	}
}

/* A struct sigaction in scratch, with a handler that may be bad. */
static void fz_handler(int, int, struct sigcontext *);
static unsigned long
fz_sigact(void)
{
	struct sigaction *sa;
	unsigned long h;

	if (FZ_PCT(15))
		return (fz_badptr());
	sa = (struct sigaction *)(fz.scratch + 64 * (fz_rand() % 8));
	switch (fz_rand() % 6) {
	case 0:
		h = (unsigned long)SIG_DFL;
		break;
	case 1:
		h = (unsigned long)SIG_IGN;
		break;
	case 2:
	case 3:
		h = (unsigned long)fz_handler;
		break;
	case 4:
		h = fz_badptr();
		break;
	default:
		h = fz_rand();
		break;
	}
	sa->sa_handler = (__sighandler_t)h;
	sa->sa_mask = FZ_PCT(50) ? 0 : fz_rand();
	sa->sa_flags = FZ_PCT(50) ? SA_RESTART : (int)fz_rand();
	return ((unsigned long)sa);
}

/* A signal mask in scratch, or a bad pointer. */
static unsigned long
fz_sigset(void)
{
	sigset_t *m;

	if (FZ_PCT(20))
		return (fz_badptr());
	m = (sigset_t *)(fz.scratch + 512 + 4 * (fz_rand() % 8));
	*m = FZ_PCT(50) ? 0 : fz_rand();
	return ((unsigned long)m);
}

/* A timespec for nanosleep: at most a millisecond, or invalid. */
static unsigned long
fz_timespec(void)
{
	struct timespec *ts;

	if (FZ_PCT(30))
		return (fz_badptr());
	ts = (struct timespec *)(fz.scratch + 1024);
	ts->tv_sec = 0;
	ts->tv_nsec = fz_rand() % 1000000;
	if (FZ_PCT(20))
		ts->tv_nsec = 1000000000L + fz_rand() % 1000;
	else if (FZ_PCT(10))
		ts->tv_sec = -1;
	else if (FZ_PCT(10))
		ts->tv_nsec = -1;
	return ((unsigned long)ts);
}

/*
 * The sysctl call's six arguments: a real name (or a meta name, or
 * random numbers), a plausible or absurd length, old and new buffers.
 */
static void
fz_sysctl_args(unsigned long *a)
{
	int *mib = (int *)(fz.scratch + 2048);
	size_t *lenp = (size_t *)(fz.scratch + 2048 + 4 * (CTL_MAXNAME + 2));
	unsigned int i, n, k;

	k = fz_nmibs > 0 ? fz_rand() % fz_nmibs : 0;
	switch (fz_rand() % 6) {
	case 0:
	case 1:
	case 2:
		n = fz_nmibs > 0 ? fz_miblen[k] : 1;
		if (fz_nmibs > 0)
			memcpy(mib, fz_mibs[k], n * sizeof(int));
		else
			mib[0] = 1;
		break;
	case 3:	/* a meta node about a real name */
		n = fz_nmibs > 0 ? fz_miblen[k] : 0;
		if (n + 2 > CTL_MAXNAME)
			n = CTL_MAXNAME - 2;
		if (fz_nmibs > 0)
			memcpy(mib + 2, fz_mibs[k], n * sizeof(int));
		mib[0] = 0;
		mib[1] = 1 + fz_rand() % 5;
		n += 2;
		break;
	case 4:	/* a real name, one component longer or shorter */
		n = fz_nmibs > 0 ? fz_miblen[k] : 1;
		if (fz_nmibs > 0)
			memcpy(mib, fz_mibs[k], n * sizeof(int));
		if (FZ_PCT(50) && n > 1)
			n--;
		else if (n < CTL_MAXNAME)
			mib[n++] = (int)fz_int();
		break;
	default:
		n = 1 + fz_rand() % CTL_MAXNAME;
		for (i = 0; i < n; i++)
			mib[i] = (int)(FZ_PCT(50) ? fz_rand() % 16 : fz_rand());
		break;
	}
	a[0] = FZ_PCT(90) ? (unsigned long)mib : fz_badptr();
	a[1] = FZ_PCT(85) ? n : FZ_PICK(((const unsigned long []){ 0, 1,
	    CTL_MAXNAME, CTL_MAXNAME + 1, 0x40000000UL, 0xffffffffUL }));
	*lenp = FZ_PCT(60) ? fz_rand() % 512 : fz_len();
	a[2] = FZ_PCT(30) ? 0 : fz_buf();
	a[3] = FZ_PCT(70) ? (unsigned long)lenp : FZ_PCT(50) ? 0 : fz_badptr();
	a[4] = FZ_PCT(70) ? 0 : fz_buf();
	a[5] = FZ_PCT(50) ? fz_rand() % 300 : fz_len();
}

/*
 * execve's arguments, built so that the call must fail: a path that
 * cannot be executed, or an argument or environment vector with a bad
 * pointer somewhere in it (and then any path at all).
 */
static void
fz_execve_args(unsigned long *a)
{
	unsigned long *v = (unsigned long *)(fz.scratch + 3072);
	unsigned int i, n = fz_rand() % 6, bad;

	if (FZ_PCT(50)) {
		a[0] = FZ_PCT(70) ? (unsigned long)strcpy(fz.scratch + 2800,
		    FZ_PICK(fz_noexec)) : fz_kptr();
		a[1] = fz_buf();
		a[2] = fz_buf();
		return;
	}
	a[0] = (unsigned long)strcpy(fz.scratch + 2800, FZ_PICK(fz_paths));
	bad = fz_rand() % (n + 1);
	for (i = 0; i <= n; i++)
		v[i] = i == bad ? fz_kptr() | 1 :
		    (unsigned long)fz.scratch + 2800;
	a[1] = (unsigned long)v;
	a[2] = FZ_PCT(30) ? 0 : FZ_PCT(50) ? (unsigned long)v : fz_buf();
}

/* A sigcontext for sigreturn: rejected ones, and accepted ones. */
static void fz_landing(void);
static unsigned long
fz_sigcontext(void)
{
	struct sigcontext *sc = (struct sigcontext *)(fz.scratch + 3584 -
	    sizeof(struct sigcontext));
	unsigned int i;

	if (FZ_PCT(25) || !fz.have_sc)
		return (FZ_PCT(50) ? fz_badptr() : fz_buf());
	*sc = fz.good_sc;
	sc->sc_eip = (int)(unsigned long)fz_landing;
	sc->sc_esp = (int)(unsigned long)(fz.scratch + 3000);
	sc->sc_mask = FZ_PCT(50) ? 0 : fz_rand();
	for (i = 0; i < sizeof(sc->sc_fpstate); i++)
		if (FZ_PCT(30))
			sc->sc_fpstate[i] = (unsigned char)fz_rand();
	sc->sc_eax = (int)fz_rand();
	sc->sc_ebx = (int)fz_rand();
	switch (fz_rand() % 6) {
	case 0:
		sc->sc_efl ^= 1U << (fz_rand() % 32);	/* maybe IOPL, VM */
		break;
	case 1:
		sc->sc_cs = (int)(fz_rand() & 0xffff);
		break;
	case 2:
		sc->sc_ss = sc->sc_ds = (int)(fz_rand() & 0xffff);
		break;
	case 3:
		if (FZ_PCT(20))
			sc->sc_eip = (int)fz_badptr();
		break;
	default:
		break;
	}
	return ((unsigned long)sc);
}

/* One argument of kind k into a (and a + 1 for 64-bit kinds). */
enum {
	A_NONE, A_INT, A_FD, A_BUF, A_LEN, A_PATH, A_PID, A_SIG, A_ADDR,
	A_MLEN, A_PROT, A_MFLAGS, A_OFLAGS, A_OFF, A_UID, A_SIGACT,
	A_SIGSET, A_BADPTR, A_TS, A_HOW, A_CLOCK, A_WOPT, A_IOCTL, A_FCNTL,
	A_WHENCE, A_INCR, A_SCP, A_KSIG,
};

static int
fz_arg(int k, unsigned long *a)
{

	if (k != A_NONE && k != A_OFF && k != A_BADPTR && FZ_PCT(12)) {
		*a = fz_rand();
		return (1);
	}
	switch (k) {
	case A_INT:
		*a = fz_int();
		break;
	case A_FD:
		*a = fz_fd();
		break;
	case A_BUF:
		*a = fz_buf();
		break;
	case A_LEN:
		*a = fz_len();
		break;
	case A_PATH:
		*a = fz_path();
		break;
	case A_PID:
		*a = fz_pid();
		break;
	case A_SIG:
		*a = FZ_PCT(85) ? fz_rand() % (NSIG + 2) : fz_int();
		break;
	case A_KSIG:	/* mostly signals that do not end the process */
		*a = FZ_PCT(70) ? FZ_PICK(((const unsigned long []){ 0, 0,
		    SIGCHLD, SIGURG, SIGCONT, SIGWINCH, SIGINFO, SIGUSR1,
		    SIGUSR2 })) : fz_rand() % (NSIG + 2);
		break;
	case A_ADDR:
		*a = fz_addr();
		break;
	case A_MLEN:
		*a = fz_mlen();
		break;
	case A_PROT:
		*a = FZ_PCT(80) ? fz_rand() % 8 : fz_int();
		break;
	case A_MFLAGS:
		*a = FZ_PCT(70) ? FZ_PICK(((const unsigned long []){
		    MAP_PRIVATE | MAP_ANON, MAP_SHARED | MAP_ANON,
		    MAP_PRIVATE | MAP_ANON | MAP_FIXED,
		    MAP_SHARED | MAP_ANON | MAP_FIXED, MAP_PRIVATE,
		    MAP_SHARED, MAP_PRIVATE | MAP_FIXED, MAP_ANON,
		    MAP_SHARED | MAP_PRIVATE | MAP_ANON })) : fz_int();
		break;
	case A_OFLAGS:
		*a = FZ_PCT(70) ? (fz_rand() % 3) | (FZ_PCT(30) ? O_NONBLOCK :
		    0) | (FZ_PCT(20) ? O_CREAT : 0) | (FZ_PCT(10) ? O_TRUNC :
		    0) | (FZ_PCT(10) ? O_DIRECTORY : 0) | (FZ_PCT(20) ?
		    O_CLOEXEC : 0) : fz_int();
		break;
	case A_OFF:	/* two words, low first */
		switch (fz_rand() % 5) {
		case 0:
			a[0] = 0;
			a[1] = 0;
			break;
		case 1:
			a[0] = (fz_rand() % 16) * 4096;
			a[1] = 0;
			break;
		case 2:
			a[0] = fz_rand() % 10000;
			a[1] = FZ_PCT(50) ? 0 : 0xffffffffUL;
			break;
		case 3:
			a[0] = 0xffffffffUL;
			a[1] = FZ_PCT(50) ? 0x7fffffffUL : 0x80000000UL;
			break;
		default:
			a[0] = fz_rand();
			a[1] = fz_rand();
			break;
		}
		return (2);
	case A_UID:
		*a = FZ_PICK(((const unsigned long []){ 0, 1, FZ_UID,
		    FZ_UID + 1, 0xffffffffUL, 0x80000000UL, 65535, 65536 }));
		break;
	case A_SIGACT:
		*a = fz_sigact();
		break;
	case A_SIGSET:
		*a = fz_sigset();
		break;
	case A_BADPTR:
		*a = fz_kptr();
		break;
	case A_TS:
		*a = fz_timespec();
		break;
	case A_HOW:
		*a = FZ_PCT(85) ? fz_rand() % 4 : fz_int();
		break;
	case A_CLOCK:
		*a = FZ_PCT(85) ? fz_rand() % 6 : fz_int();
		break;
	case A_WOPT:
		*a = FZ_PCT(85) ? WNOHANG | (fz_rand() % 4) : fz_int();
		break;
	case A_IOCTL:
		*a = FZ_PCT(75) ? FZ_PICK(fz_ioctls) : fz_rand();
		break;
	case A_FCNTL:
		*a = FZ_PCT(85) ? fz_rand() % 8 : fz_int();
		break;
	case A_WHENCE:
		*a = FZ_PCT(85) ? fz_rand() % 4 : fz_int();
		break;
	case A_INCR:
		*a = FZ_PICK(((const unsigned long []){ 0, 1, 4096, 4095,
		    (unsigned long)-4096, 0x100000, (unsigned long)-0x100000,
		    0x7fffffff, 0x80000000UL, 0x1ffff000, (unsigned long)-1 }));
		break;
	case A_SCP:
		*a = fz_sigcontext();
		break;
	default:
		*a = 0;
		break;
	}
	return (1);
}

/*
 * mmap's arguments: anonymous mappings with fd -1 and offset 0 and file
 * mappings of an open descriptor at a page offset, mostly; anything in
 * the rest.  Addresses and lengths keep their hostile mix.
 */
static void
fz_mmap_args(unsigned long *a)
{
	int j = 0;

	a[j++] = fz_addr();
	a[j++] = fz_mlen();
	j += fz_arg(A_PROT, &a[j]);
	if (FZ_PCT(20)) {
		j += fz_arg(A_MFLAGS, &a[j]);
		j += fz_arg(A_FD, &a[j]);
		(void)fz_arg(A_OFF, &a[j]);
		return;
	}
	if (FZ_PCT(60)) {
		a[j++] = (FZ_PCT(70) ? MAP_PRIVATE : MAP_SHARED) | MAP_ANON |
		    (FZ_PCT(40) ? MAP_FIXED : 0);
		a[j++] = (unsigned long)-1;
		a[j++] = 0;
		a[j] = 0;
		return;
	}
	a[j++] = (FZ_PCT(60) ? MAP_PRIVATE : MAP_SHARED) |
	    (FZ_PCT(40) ? MAP_FIXED : 0);
	a[j++] = fz.fds[fz_rand() % fz.nfds];
	a[j++] = FZ_PCT(70) ? 0 : (fz_rand() % 8) * 4096;	/* offset */
	a[j] = 0;
}

/*
 * The calls, with the kinds of their arguments (syscalls.master).
 * weight: how many tickets in the draw.  Calls with a generator of
 * their own (sysctl, execve, fork) have kind lists that are not used.
 */
struct fz_call {
	int		num;
	const char	*name;
	int		weight;
	unsigned char	kinds[6];
};

static const struct fz_call fz_calls[] = {
	{ SYS_read, "read", 6, { A_FD, A_BUF, A_LEN } },
	{ SYS_write, "write", 6, { A_FD, A_BUF, A_LEN } },
	{ SYS_open, "open", 5, { A_PATH, A_OFLAGS, A_INT } },
	{ SYS_close, "close", 4, { A_FD } },
	{ SYS_wait4, "wait4", 2, { A_PID, A_BUF, A_WOPT, A_BUF } },
	{ SYS_chdir, "chdir", 2, { A_PATH } },
	{ SYS_getpid, "getpid", 1, { A_NONE } },
	{ SYS_setuid, "setuid", 2, { A_UID } },
	{ SYS_getuid, "getuid", 1, { A_NONE } },
	{ SYS_geteuid, "geteuid", 1, { A_NONE } },
	{ SYS_access, "access", 3, { A_PATH, A_INT } },
	{ SYS_kill, "kill", 3, { A_PID, A_KSIG } },
	{ SYS_getppid, "getppid", 1, { A_NONE } },
	{ SYS_dup, "dup", 3, { A_FD } },
	{ SYS_pipe, "pipe", 2, { A_BUF } },
	{ SYS_getegid, "getegid", 1, { A_NONE } },
	{ SYS_sigaction, "sigaction", 4, { A_SIG, A_SIGACT, A_BUF } },
	{ SYS_getgid, "getgid", 1, { A_NONE } },
	{ SYS_sigprocmask, "sigprocmask", 3, { A_HOW, A_SIGSET, A_BUF } },
	{ SYS_sigpending, "sigpending", 2, { A_BUF } },
	{ SYS_ioctl, "ioctl", 5, { A_FD, A_IOCTL, A_BUF } },
	{ SYS_reboot, "reboot", 1, { A_INT, A_INT } },
	{ SYS_execve, "execve", 3, { A_NONE } },
	{ SYS_sbrk, "sbrk", 3, { A_INCR } },
	{ SYS_munmap, "munmap", 4, { A_ADDR, A_MLEN } },
	{ SYS_mprotect, "mprotect", 4, { A_ADDR, A_MLEN, A_PROT } },
	{ SYS_getpgrp, "getpgrp", 1, { A_NONE } },
	{ SYS_setpgid, "setpgid", 2, { A_PID, A_PID } },
	{ SYS_swapon, "swapon", 1, { A_PATH } },
	{ SYS_dup2, "dup2", 3, { A_FD, A_FD } },
	{ SYS_fcntl, "fcntl", 4, { A_FD, A_FCNTL, A_INT } },
	{ SYS_sigreturn, "sigreturn", 3, { A_SCP } },
	{ SYS_sigsuspend, "sigsuspend", 1, { A_BADPTR } },
	{ SYS_gettimeofday, "gettimeofday", 2, { A_BUF, A_BUF } },
	{ SYS_setsid, "setsid", 1, { A_NONE } },
	{ SYS_setgid, "setgid", 2, { A_UID } },
	{ SYS_stat, "stat", 4, { A_PATH, A_BUF } },
	{ SYS_fstat, "fstat", 3, { A_FD, A_BUF } },
	{ SYS_getdirentries, "getdirentries", 4,
	    { A_FD, A_BUF, A_LEN, A_BUF } },
	{ SYS_mmap, "mmap", 6,
	    { A_ADDR, A_MLEN, A_PROT, A_MFLAGS, A_FD, A_OFF } },
	{ SYS_lseek, "lseek", 3, { A_FD, A_OFF, A_WHENCE } },
	{ SYS___sysctl, "sysctl", 8, { A_NONE } },
	{ SYS_clock_gettime, "clock_gettime", 2, { A_CLOCK, A_BUF } },
	{ SYS_nanosleep, "nanosleep", 1, { A_TS, A_BUF } },
	{ SYS___getcwd, "getcwd", 2, { A_BUF, A_LEN } },
	{ SYS_fork, "fork", 1, { A_NONE } },
	{ -1, "nocall", 3, { A_NONE } },	/* a number with no call */
};

_Static_assert(nitems(fz_calls) <= FZ_NCALLS, "FZ_NCALLS too small");

static int fz_tickets;

/* Record a broken invariant in our slot and leave. */
static void
fz_broke(int what, long v0, long v1, long v2)
{

	fz.me->broke = what;
	fz.me->brokeval[0] = v0;
	fz.me->brokeval[1] = v1;
	fz.me->brokeval[2] = v2;
	_exit(FZ_EXIT_BROKE);
}

/* The handler fuzzed sigactions install: it only returns. */
static void
fz_handler(int sig, int code, struct sigcontext *scp)
{

	(void)sig;
	(void)code;
	(void)scp;
}

/* Captures a real signal context, for fz_sigcontext to vary. */
static void
fz_capture(int sig, int code, struct sigcontext *scp)
{

	(void)sig;
	(void)code;
	fz.good_sc = *scp;
	fz.have_sc = 1;
}

/* An accepted sigreturn resumes here, on a stack in scratch. */
static void
fz_landing(void)
{

	fz.me->nok[fz.row]++;
	siglongjmp(fz.landing, 1);
}

/*
 * System call num with %esp set to esp, so that the kernel reads the
 * arguments from there.  Returns the carry flag (1: failed).
 */
static int
fz_badstack(int num, unsigned long esp)
{
	int carry;

	fz.saved_esp = 0;
	__asm volatile(
	    "movl	%%esp, %[saved]\n\t"
	    "movl	%[esp], %%esp\n\t"
	    "int	$0x80\n\t"
	    "movl	%[saved], %%esp\n\t"
	    "setc	%b[carry]\n\t"
	    "movzbl	%b[carry], %[carry]"
	    : [carry] "=q"(carry), "+a"(num), [saved] "+m"(fz.saved_esp)
	    : [esp] "r"(esp)
	    : "ecx", "edx", "memory", "cc");
	return (carry);
}

/*
 * Set up a fuzzing process: descriptors, scratch, guard, playground and
 * own pages, a captured signal context; then drop to uid and gid 1000.
 * Exits FZ_EXIT_SETUP if anything fails.
 */
static void
fz_setup(unsigned int seed, struct fz_slot *slots, int nslots, int slot,
    unsigned long own_pages)
{
	struct sigaction sa;
	int fd, p[2];
	char *m;

	memset(&fz, 0, sizeof(fz));
	fz.state = seed != 0 ? seed : 1;
	fz.slots = slots;
	fz.nslots = nslots;
	fz.me = &slots[slot];
	for (fd = 0; fd < NOFILE; fd++)
		(void)close(fd);
	if (open("/dev/null", O_RDWR) != 0 || dup(0) != 1 || dup(0) != 2)
		_exit(FZ_EXIT_SETUP);
	fz.fds[fz.nfds++] = 0;
	if (pipe(p) == -1)
		_exit(FZ_EXIT_SETUP);
	(void)fcntl(p[0], F_SETFL, O_NONBLOCK);	/* fcntl may undo it */
	(void)fcntl(p[1], F_SETFL, O_NONBLOCK);
	fz.fds[fz.nfds++] = p[0];
	fz.fds[fz.nfds++] = p[1];
	if ((fd = open(RUNTESTS_PATH, O_RDONLY)) == -1)
		_exit(FZ_EXIT_SETUP);
	fz.fds[fz.nfds++] = fd;
	if ((fd = open("/", O_RDONLY)) == -1)
		_exit(FZ_EXIT_SETUP);
	fz.fds[fz.nfds++] = fd;
	if ((fd = open("/etc/passwd", O_RDONLY)) == -1)
		_exit(FZ_EXIT_SETUP);
	fz.fds[fz.nfds++] = fd;
	if ((fd = open("/dev/null", O_RDONLY)) == -1)
		_exit(FZ_EXIT_SETUP);
	fz.closedfd = fd;
	close(fd);

	m = mmap(NULL, FZ_SCRATCH + 4096, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (m == MAP_FAILED || munmap(m + FZ_SCRATCH, 4096) == -1)
		_exit(FZ_EXIT_SETUP);
	fz.scratch = m;
	fz.guard = m + FZ_SCRATCH;
	m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (m == MAP_FAILED)
		_exit(FZ_EXIT_SETUP);
	fz.rdonly = m;
	/*
	 * The playground lies far from everything else, so that calls
	 * on it and a few pages around it hurt nobody.
	 */
	m = mmap((void *)FZ_PLAY_ADDR, FZ_PLAY * 4096, PROT_READ |
	    PROT_WRITE, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
	if (m != (char *)FZ_PLAY_ADDR)
		_exit(FZ_EXIT_SETUP);
	fz.play = m;
	if (own_pages > 0) {
		m = mmap(NULL, own_pages * 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (m == MAP_FAILED)
			_exit(FZ_EXIT_SETUP);
		fz.own = m;
		fz.own_pages = own_pages;
		t_fill(m, 0, own_pages, seed);
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (__sighandler_t)(void (*)(void))fz_capture;
	if (sigaction(SIGUSR1, &sa, NULL) == -1)
		_exit(FZ_EXIT_SETUP);
	(void)kill(getpid(), SIGUSR1);
	if (!fz.have_sc)
		_exit(FZ_EXIT_SETUP);
	(void)signal(SIGUSR1, SIG_DFL);
	(void)signal(SIGSYS, SIG_IGN);	/* bad numbers: ENOSYS is enough */
	(void)signal(SIGPIPE, SIG_IGN);

	if (setgid(FZ_UID) == -1 || setuid(FZ_UID) == -1 ||
	    getuid() != FZ_UID || geteuid() != FZ_UID ||
	    getgid() != FZ_UID || getegid() != FZ_UID)
		_exit(FZ_EXIT_SETUP);
	fz.me->pid = getpid();
}

/* A number that is no system call. */
static int
fz_nocall(void)
{
	static const int nums[] = { 0, 8, 9, 10, 11, 13, 100, 200, 326 + 1,
	    400, 1000, 0x7fffffff, -1, (int)0x80000000 };

	return (FZ_PCT(50) ? FZ_PICK(nums) : (int)fz_rand());
}

/*
 * The body of one fuzzing process: calls calls, then exit 0.  Never
 * returns.
 */
static void
fz_child(unsigned int seed, struct fz_slot *slots, int nslots, int slot,
    unsigned long calls, unsigned long own_pages)
{
	const struct fz_call *c;
	unsigned long a[8];
	unsigned int t;
	int i, j, n, num, err, r;

	fz_setup(seed, slots, nslots, slot, own_pages);
	for (i = 0, fz_tickets = 0; i < (int)nitems(fz_calls); i++)
		fz_tickets += fz_calls[i].weight;

	(void)sigsetjmp(fz.landing, 0);
	while (fz.me->calls < calls) {
		if ((fz.me->calls & 63) == 0) {
			/* Fresh random bytes in part of scratch. */
			n = fz_rand() % (FZ_SCRATCH / 4);
			for (j = 0; j < 64; j++)
				((unsigned int *)fz.scratch)[(n + j) %
				    (FZ_SCRATCH / 4)] = fz_rand();
		}
		if (fz.own_pages > 0) {
			/* Keep our own pages wanted, so that they page. */
			((volatile unsigned int *)(fz.own + fz.own_next *
			    4096))[fz_rand() % 1024] = fz_rand();
			fz.own_next = (fz.own_next + 1) % fz.own_pages;
		}
		t = fz_rand() % fz_tickets;
		for (c = fz_calls; t >= (unsigned int)c->weight; c++)
			t -= c->weight;
		num = c->num >= 0 ? c->num : fz_nocall();
		memset(a, 0, sizeof(a));
		if (num == SYS___sysctl)
			fz_sysctl_args(a);
		else if (num == SYS_execve)
			fz_execve_args(a);
		else if (num == SYS_mmap)
			fz_mmap_args(a);
		else if (c->num >= 0)
			for (i = 0, j = 0; i < 6 && j < 6; i++)
				j += fz_arg(c->kinds[i], &a[j]);
		else
			for (j = 0; j < 6; j++)
				a[j] = fz_rand();
		fz.me->num = num;
		for (j = 0; j < 8; j++)
			fz.me->args[j] = a[j];
		fz.me->calls++;
		fz.me->ncall[c - fz_calls]++;
		fz.row = c - fz_calls;

		if (num == SYS_fork) {
			r = t_syscall(&err, SYS_fork, 0, 0, 0, 0, 0, 0);
			if (r == 0 && getpid() != fz.me->pid)
				_exit(0);
			if (r > 0) {
				fz.me->nok[c - fz_calls]++;
				(void)t_syscall(&err, SYS_wait4, r, 0, 0, 0,
				    0, 0);
			}
			continue;
		}
		if (num != SYS_execve && num != SYS_sigreturn &&
		    num != SYS_exit && FZ_PCT(3)) {
			/* The arguments themselves unreadable. */
			(void)fz_badstack(num, fz_badptr() & ~3UL);
			continue;
		}
		r = t_rawsys(num, a, &err);
		if (err == 0)
			fz.me->nok[c - fz_calls]++;
		else if (err < 1 || err > ELAST)
			fz_broke(1, num, err, (long)a[0]);
		if (num == SYS_setuid || num == SYS_setgid ||
		    num == SYS_execve || (fz.me->calls & 255) == 0) {
			if (geteuid() == 0 || getuid() == 0 ||
			    getegid() == 0 || getgid() == 0)
				fz_broke(2, num, (long)a[0], geteuid());
		}
	}
	_exit(0);
}

/* Collect every sysctl leaf name (and a few inner nodes) for fz_mibs. */
static void
fz_collect_mibs(void)
{
	int q[CTL_MAXNAME + 2], next[CTL_MAXNAME];
	size_t len;
	int n = 0, cur[CTL_MAXNAME], curlen = 0;

	fz_nmibs = 0;
	for (;;) {
		q[0] = 0;
		q[1] = 2;
		memcpy(q + 2, cur, curlen * sizeof(int));
		len = sizeof(next);
		if (sysctl(q, curlen + 2, next, &len, NULL, 0) == -1)
			break;
		curlen = len / sizeof(int);
		if (curlen == 0 || curlen > CTL_MAXNAME)
			break;
		memcpy(cur, next, curlen * sizeof(int));
		if (fz_nmibs < FZ_NMIB) {
			memcpy(fz_mibs[fz_nmibs], cur, curlen * sizeof(int));
			fz_miblen[fz_nmibs++] = curlen;
		}
		if (++n > 1000)
			break;
	}
	/* kern.proc.pid.<init>, kern.proc.all, and bare nodes. */
	if (fz_nmibs + 4 <= FZ_NMIB) {
		int extra[4][4] = { { CTL_KERN, KERN_PROC, KERN_PROC_PID, 1 },
		    { CTL_KERN, KERN_PROC, KERN_PROC_ALL }, { CTL_VM },
		    { CTL_KERN, KERN_PROC } };
		int elen[4] = { 4, 3, 1, 2 }, i;

		for (i = 0; i < 4; i++) {
			memcpy(fz_mibs[fz_nmibs], extra[i], sizeof(extra[i]));
			fz_miblen[fz_nmibs++] = elen[i];
		}
	}
}

/* What to print about a fuzzing process that broke an invariant. */
static void
fz_report_broken(const struct fz_slot *s)
{

	if (s->broke == 1)
		FAIL("fuzzer: call %ld failed with errno %ld, outside 1..%d "
		    "(first argument %#lx)", s->brokeval[0], s->brokeval[1],
		    ELAST, (unsigned long)s->brokeval[2]);
	if (s->broke == 2)
		FAIL("fuzzer: call %ld (first argument %#lx) left the "
		    "process with uid or gid 0 (euid %ld)", s->brokeval[0],
		    (unsigned long)s->brokeval[1], s->brokeval[2]);
	FAIL("fuzzer: invariant %d broke", s->broke);
}

/*
 * Has the process in slot s made no call for FUZZ_STUCK_MS?  *last and
 * *since track its count and when it last moved; a process found stuck
 * is given a minute before it counts as stuck again.
 */
static int
fz_stuck(const struct fz_slot *s, unsigned long *last, long *since, long now)
{

	if (s->calls != *last) {
		*last = s->calls;
		*since = now;
		return (0);
	}
	if (now - *since <= FUZZ_STUCK_MS)
		return (0);
	*since = now + 60000;
	return (1);
}

/* /tmp's entries before a run, by file number. */
#define	FZ_TMP_MAX	64
static unsigned int fz_tmp_ino[FZ_TMP_MAX];
static int fz_tmp_n;

static void
fz_tmp_note(void)
{
	struct dirent *d;
	DIR *dir;

	fz_tmp_n = 0;
	if ((dir = opendir("/tmp")) == NULL)
		FAIL("opendir /tmp: %s", t_errname(errno));
	while ((d = readdir(dir)) != NULL) {
		EXPECT(fz_tmp_n < FZ_TMP_MAX, "more than %d entries in /tmp",
		    FZ_TMP_MAX);
		fz_tmp_ino[fz_tmp_n++] = d->d_fileno;
	}
	closedir(dir);
}

/* Remove what the fuzzers made in /tmp: files, or empty directories. */
static void
fz_tmp_clean(void)
{
	char path[MAXPATHLEN];
	struct dirent *d;
	int i, n = 0;
	DIR *dir;

	if ((dir = opendir("/tmp")) == NULL)
		FAIL("opendir /tmp: %s", t_errname(errno));
	while ((d = readdir(dir)) != NULL) {
		for (i = 0; i < fz_tmp_n && fz_tmp_ino[i] != d->d_fileno; i++)
			continue;
		if (i < fz_tmp_n)
			continue;
		snprintf(path, sizeof(path), "/tmp/%s", d->d_name);
		EXPECT(unlink(path) == 0 || (errno == EPERM &&
		    rmdir(path) == 0), "removing %s, which a fuzzer made: %s",
		    path, t_errname(errno));
		n++;
	}
	closedir(dir);
	if (n > 0)
		t_printf("  fuzz: removed %d files the fuzzers made in /tmp", n);
}

/*
 * Run the fuzzer with options o (see runtests.h); fills st.  Fails the
 * test if a fuzzing process cannot set itself up or breaks an
 * invariant.  Returns when the budget is spent or the time is up, with
 * every fuzzing process reaped.
 */
void
t_fuzz_run(const struct t_fuzz_opts *o, struct t_fuzz_stats *st)
{
	struct fz_slot *slots, *s;
	unsigned long lastcalls[FUZZ_MAXPROCS], share[FUZZ_MAXPROCS], made;
	unsigned long ncall[FZ_NCALLS], nok[FZ_NCALLS];
	char line[100];
	size_t k, len;
	long lastmove[FUZZ_MAXPROCS], t0, now, lastreport;
	pid_t pid[FUZZ_MAXPROCS], r;
	unsigned int gen = 0;
	int procs = o->procs, i, wst, running = 0, stopping = 0;

	if (procs < 1 || procs > FUZZ_MAXPROCS)
		FAIL("t_fuzz_run: %d processes", procs);
	memset(st, 0, sizeof(*st));
	memset(ncall, 0, sizeof(ncall));
	memset(nok, 0, sizeof(nok));
	fz_collect_mibs();
	/* Far from the buffers the fuzzers pass, which run over. */
	slots = mmap((void *)FZ_SLOT_ADDR, 4096, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANON | MAP_FIXED, -1, 0);
	if (slots != (void *)FZ_SLOT_ADDR)
		FAIL("mmap of the shared page: %s", t_errname(errno));
	EXPECT(sizeof(*slots) * FUZZ_MAXPROCS <= 4096, "slots too big");
	t_printf("  fuzz: seed %u, %d processes, %lu calls, %d s at most, "
	    "%lu own pages each, %d sysctl names", o->seed, procs, o->calls,
	    o->seconds, o->own_pages, fz_nmibs);
	fz_tmp_note();
	t0 = lastreport = t_now_ms();
	for (i = 0; i < procs; i++)
		pid[i] = 0;

	for (;;) {
		now = t_now_ms();
		/* The calls made so far, by the living too. */
		for (i = 0, made = st->calls; i < procs; i++)
			if (pid[i] > 0 && slots[i].calls <= share[i])
				made += slots[i].calls;
		if (!stopping && ((o->seconds > 0 &&
		    now - t0 >= o->seconds * 1000L) || made >= o->calls)) {
			stopping = 1;
			for (i = 0; i < procs; i++)
				if (pid[i] > 0)
					(void)kill(pid[i], SIGKILL);
		}
		/* Start a generation in every empty slot. */
		for (i = 0; i < procs && !stopping; i++) {
			if (pid[i] != 0 || made >= o->calls)
				continue;
			share[i] = o->calls - made;
			if (share[i] > FUZZ_GEN_CALLS)
				share[i] = FUZZ_GEN_CALLS;
			s = &slots[i];
			memset((void *)s, 0, sizeof(*s));
			pid[i] = fork();
			if (pid[i] == -1) {
				pid[i] = 0;
				st->forkfail++;
				break;
			}
			if (pid[i] == 0)
				fz_child(fz_genseed(o->seed, gen), slots, procs,
				    i, share[i], o->own_pages);
			s->pid = pid[i];
			if (o->verbose)
				t_printf("  fuzz: generation %u in slot %d, "
				    "pid %d, seed %u", gen, i, (int)pid[i],
				    fz_genseed(o->seed, gen));
			gen++;
			running++;
			lastcalls[i] = 0;
			lastmove[i] = now;
		}
		if (running == 0 && (stopping || made >= o->calls))
			break;
		if (running == 0) {
			t_msleep(100);		/* fork failed: try again */
			continue;
		}

		r = waitpid(-1, &wst, WNOHANG);
		if (r == -1)
			FAIL("waitpid: %s", t_errname(errno));
		if (r == 0) {
			t_msleep(20);
			now = t_now_ms();
			for (i = 0; i < procs; i++)
				if (pid[i] > 0 && fz_stuck(&slots[i],
				    &lastcalls[i], &lastmove[i], now)) {
					if (o->verbose)
						t_printf("  fuzz: pid %d stuck "
						    "in call %d", (int)pid[i],
						    slots[i].num);
					(void)kill(pid[i], SIGKILL);
					st->stuck++;
				}
			if (o->report_secs > 0 &&
			    now - lastreport >= o->report_secs * 1000L) {
				t_printf("  fuzz: %lu calls, %u generations, "
				    "%ld s", made, gen, (now - t0) / 1000);
				lastreport = now;
			}
			continue;
		}
		for (i = 0; i < procs && pid[i] != r; i++)
			continue;
		EXPECT(i < procs, "waitpid returned a stranger, %d", (int)r);
		s = &slots[i];
		if (s->calls > share[i]) {
			/*
			 * A call wrote over the slot (a random buffer
			 * pointer can hit it): the count is unknown, so
			 * none is counted.
			 */
			st->clobbered++;
			t_printf("  fuzz: pid %d's slot was overwritten (count "
			    "%#lx, last call %d(%#lx, %#lx, %#lx, %#lx))",
			    (int)r, s->calls, s->num, s->args[0], s->args[1],
			    s->args[2], s->args[3]);
		} else {
			st->calls += s->calls;
			for (k = 0; k < nitems(fz_calls); k++) {
				ncall[k] += s->ncall[k];
				nok[k] += s->nok[k];
			}
		}
		pid[i] = 0;
		running--;
		st->generations++;
		if (WIFEXITED(wst) && WEXITSTATUS(wst) == FZ_EXIT_BROKE)
			fz_report_broken(s);
		if (WIFEXITED(wst) && WEXITSTATUS(wst) == FZ_EXIT_SETUP)
			FAIL("fuzzer (seed %u) could not set itself up",
			    fz_genseed(o->seed, gen));
		if (WIFSIGNALED(wst)) {
			if (o->verbose)
				t_printf("  fuzz: pid %d killed by %s after "
				    "%lu calls, the last %d(%#lx, %#lx, %#lx, "
				    "%#lx)", (int)r, t_signame(WTERMSIG(wst)),
				    s->calls, s->num, s->args[0], s->args[1],
				    s->args[2], s->args[3]);
			st->signaled++;
			st->bysig[WTERMSIG(wst) % NSIG]++;
		} else if (WEXITSTATUS(wst) == 0)
			st->completed++;
		else {
			st->exited++;
			if (o->verbose)
				t_printf("  fuzz: pid %d exited with %d after "
				    "%lu calls, in call %d", (int)r,
				    WEXITSTATUS(wst), s->calls, s->num);
		}
	}
	st->ms = t_now_ms() - t0;
	if (o->verbose || o->report_secs > 0) {
		/* Calls made (and how many succeeded), by system call. */
		line[0] = '\0';
		for (k = 0; k < nitems(fz_calls); k++) {
			len = strlen(line);
			snprintf(line + len, sizeof(line) - len, " %s %lu/%lu",
			    fz_calls[k].name, ncall[k], nok[k]);
			if (strlen(line) > 60 || k + 1 == nitems(fz_calls)) {
				t_printf("  fuzz:%s", line);
				line[0] = '\0';
			}
		}
	}
	/* With enough calls, every system call must have been tried. */
	for (k = 0; k < nitems(fz_calls) && st->calls >= 20000; k++)
		EXPECT(ncall[k] > 0, "the fuzzer never called %s in %lu calls",
		    fz_calls[k].name, st->calls);
	EXPECT(munmap(slots, 4096) == 0, "munmap: %s", t_errname(errno));
	fz_tmp_clean();
	t_printf("  fuzz: %lu calls in %ld s by %d generations: %d "
	    "completed, %d killed by signals (SIGSEGV %d, SIGKILL %d, "
	    "SIGBUS %d, SIGILL %d, SIGSYS %d), %d exited otherwise, %d stuck, "
	    "%d uncounted", st->calls, st->ms / 1000, st->generations,
	    st->completed, st->signaled, st->bysig[SIGSEGV],
	    st->bysig[SIGKILL], st->bysig[SIGBUS], st->bysig[SIGILL],
	    st->bysig[SIGSYS], st->exited, st->stuck, st->clobbered);
}

/* The seed: RUNTESTS_FUZZ_SEED, or the time and pid. */
static unsigned int
fz_seed(void)
{
	const char *env;

	if ((env = getenv("RUNTESTS_FUZZ_SEED")) != NULL && *env != '\0')
		return ((unsigned int)strtoul(env, NULL, 0));
	return ((unsigned int)time(NULL) ^ ((unsigned int)getpid() << 16));
}

/*
 * fuzz: the short run of the default suite: 8 processes, 60000 calls
 * or 20 seconds.
 */
void
test_fuzz(void)
{
	struct t_fuzz_opts o;
	struct t_fuzz_stats st;

	memset(&o, 0, sizeof(o));
	o.seed = fz_seed();
	o.procs = 8;
	o.calls = 60000;
	o.seconds = 20;
	o.verbose = getenv("RUNTESTS_VERBOSE") != NULL;
	t_fuzz_run(&o, &st);
	EXPECT(st.calls >= 1000, "only %lu calls were made", st.calls);
}
