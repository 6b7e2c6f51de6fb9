/*
 * t_segv.c: tests of the faults a user program can cause: writing to
 * its own text or read-only data, touching unmapped addresses (NULL,
 * low memory, an unmapped page, beyond the heap, the kernel), each of
 * which kills with SIGSEGV; and a SIGSEGV handler, which runs and can
 * either siglongjmp out or repair the mapping and return.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/mman.h>
#include <errno.h>
#include <setjmp.h>
#include <sys/wait.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

static const char rodata_string[] = "this string is read-only";

/*
 * A child writing to the program's text (the first byte of a function)
 * or its read-only data dies of SIGSEGV, and the text is unchanged for
 * the parent and still works.
 */
void
test_segv_text(void)
{
	unsigned char before[32];

	memcpy(before, (void *)t_text_target, sizeof(before));
	t_expect_death(t_touch_write, (void *)t_text_target, SIGSEGV,
	    "writing to text");
	t_expect_death(t_touch_write, (void *)((char *)t_text_target + 5),
	    SIGSEGV, "writing inside a function");
	t_expect_death(t_touch_write, (void *)rodata_string, SIGSEGV,
	    "writing to read-only data");
	EXPECT(memcmp(before, (void *)t_text_target, sizeof(before)) == 0,
	    "the text changed under a child's write");
	EXPECT(t_text_target(5) == 16, "t_text_target(5) = %d",
	    t_text_target(5));
	EXPECT(strcmp(rodata_string, "this string is read-only") == 0,
	    "read-only data changed");
}

/*
 * Reading or writing addresses where nothing is mapped kills a child
 * with SIGSEGV: NULL, 0x1000, a page just unmapped, far above the
 * heap's break, and kernel addresses (0xc0000000 and up).
 */
void
test_segv_unmapped(void)
{
	static const struct {
		unsigned long	addr;
		const char	*what;
	} fixed[] = {
		{ 0, "NULL" },
		{ 0x10, "NULL + 16" },
		{ 0x1000, "0x1000" },
		{ 0xc0000000UL, "0xc0000000" },
		{ 0xc0001000UL, "0xc0001000" },
		{ 0xc0100000UL, "0xc0100000 (kernel text)" },
		{ 0xfffffffcUL, "0xfffffffc" },
	};
	char what[80];
	char *m, *brk;
	int i;

	for (i = 0; i < (int)nitems(fixed); i++) {
		snprintf(what, sizeof(what), "reading %s", fixed[i].what);
		t_expect_death(t_touch_read, (void *)fixed[i].addr, SIGSEGV,
		    what);
		snprintf(what, sizeof(what), "writing %s", fixed[i].what);
		t_expect_death(t_touch_write, (void *)fixed[i].addr, SIGSEGV,
		    what);
	}
	m = mmap(NULL, T_PGSZ, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON,
	    -1, 0);
	EXPECT(m != MAP_FAILED, "mmap: %s", t_errname(errno));
	m[0] = 1;
	EXPECT_OK(munmap(m, T_PGSZ));
	t_expect_death(t_touch_read, m, SIGSEGV, "reading an unmapped page");
	t_expect_death(t_touch_write, m + 100, SIGSEGV,
	    "writing an unmapped page");
	brk = sbrk(0);
	EXPECT(brk != (char *)-1, "sbrk(0): %s", t_errname(errno));
	brk = (char *)(((unsigned long)brk + 64 * T_PGSZ) & ~(T_PGSZ - 1));
	t_expect_death(t_touch_read, brk, SIGSEGV,
	    "reading 64 pages above the break");
}

static sigjmp_buf	segv_env;
static volatile int	segv_count;	/* SIGSEGVs handled */
static volatile int	segv_sig;	/* the signal number the handler got */
static char		*segv_page;	/* page the fixing handler opens */

/*
 * SIGSEGV handler that jumps back to segv_env.
 */
static void
segv_jump(int sig)
{

	segv_sig = sig;
	segv_count++;
	siglongjmp(segv_env, 1);
}

/*
 * SIGSEGV handler that makes segv_page writable and returns, so that
 * the faulting instruction runs again and succeeds.
 */
static void
segv_fix(int sig)
{

	segv_sig = sig;
	segv_count++;
	if (segv_count > 3 || mprotect(segv_page, T_PGSZ,
	    PROT_READ | PROT_WRITE) == -1)
		_exit(7);
}

/*
 * A SIGSEGV handler is called with SIGSEGV for faults at several bad
 * addresses and can siglongjmp out each time (so SIGSEGV is unblocked
 * again by the jump); a handler that repairs the protection and
 * returns lets the faulting write complete.
 */
void
test_segv_handler(void)
{
	static const unsigned long addrs[] = { 0, 0xc0001000UL, 0x1000 };
	volatile int i;
	sigset_t cur;

	t_signal(SIGSEGV, segv_jump, 0);
	segv_count = 0;
	for (i = 0; i < (int)nitems(addrs); i++) {
		segv_sig = 0;
		if (sigsetjmp(segv_env, 1) == 0) {
			t_touch_read((void *)addrs[i]);
			FAIL("reading 0x%lx did not fault", addrs[i]);
		}
		EXPECT(segv_sig == SIGSEGV, "reading 0x%lx: handler got "
		    "signal %d", addrs[i], segv_sig);
		EXPECT(segv_count == i + 1, "handler ran %d times after %d "
		    "faults", segv_count, i + 1);
		EXPECT_OK(sigprocmask(SIG_BLOCK, NULL, &cur));
		EXPECT(!sigismember(&cur, SIGSEGV), "SIGSEGV still blocked "
		    "after siglongjmp");
	}
	if (sigsetjmp(segv_env, 1) == 0) {
		t_touch_write((void *)t_text_target);
		FAIL("writing to text did not fault");
	}
	EXPECT(segv_count == 4 && segv_sig == SIGSEGV,
	    "writing to text: handler count %d, signal %d", segv_count,
	    segv_sig);

	segv_page = mmap(NULL, T_PGSZ, PROT_READ, MAP_PRIVATE | MAP_ANON,
	    -1, 0);
	EXPECT(segv_page != MAP_FAILED, "mmap: %s", t_errname(errno));
	t_signal(SIGSEGV, segv_fix, 0);
	segv_count = 0;
	segv_sig = 0;
	((volatile char *)segv_page)[123] = 42;
	EXPECT(segv_count == 1 && segv_sig == SIGSEGV, "the fixing handler "
	    "ran %d times (signal %d), expected once", segv_count, segv_sig);
	EXPECT(((volatile char *)segv_page)[123] == 42,
	    "the write after the handler returned did not land");
	EXPECT_OK(munmap(segv_page, T_PGSZ));
}

/*
 * An iret from user mode that asks for virtual-8086 mode (EFLAGS.VM set
 * in the frame it pops).  A real i386 ignores VM at CPL 3, and the null
 * code selector then faults (SIGBUS); QEMU's TCG enters vm86 mode, and
 * the first instruction faults there (SIGSEGV).  Either way the process
 * dies and the kernel lives: a trap from vm86 mode is the process's,
 * never the kernel's (it used to panic "kernel page fault").
 */
static void
segv_vm86(void *arg)
{

	(void)arg;
	__asm__ volatile(
	    "pushl $0\n\t"		/* gs */
	    "pushl $0\n\t"		/* fs */
	    "pushl $0\n\t"		/* ds */
	    "pushl $0\n\t"		/* es */
	    "pushl $0\n\t"		/* ss */
	    "pushl $0\n\t"		/* esp */
	    "pushl $0x20002\n\t"	/* eflags: VM */
	    "pushl $0\n\t"		/* cs */
	    "pushl $0xc\n\t"		/* eip */
	    "iret" : : : "memory");
}

void
test_segv_vm86(void)
{
	char buf[64];
	pid_t pid;
	int st;

	pid = t_fork();
	if (pid == 0) {
		segv_vm86(NULL);
		_exit(0);
	}
	if (t_wait_timeout(pid, 30, &st) == -1)
		FAIL("the vm86 child did not finish in 30 s");
	EXPECT(WIFSIGNALED(st) && (WTERMSIG(st) == SIGSEGV ||
	    WTERMSIG(st) == SIGBUS), "the vm86 child %s, expected death by "
	    "SIGSEGV or SIGBUS", t_statusstr(st, buf, sizeof(buf)));
}
