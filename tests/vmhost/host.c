/*
 * host.c: the host side of vmhost: main(), the coroutines that carry
 * the simulated processes (ucontext, with AddressSanitizer told about
 * each stack switch), and output.  See host.h for why this file is
 * apart from the rest.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "host.h"

#if defined(__SANITIZE_ADDRESS__)
#define	HOST_ASAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define	HOST_ASAN	1
#endif
#endif

#ifdef HOST_ASAN
#include <sanitizer/common_interface_defs.h>
#define	STACK_SIZE	(512 * 1024)
#else
#define	STACK_SIZE	(128 * 1024)
#endif

struct host_ctx {
	ucontext_t	uc;
	void		*stack;		/* lowest address */
	unsigned long	size;
	void		(*fn)(void *);
	void		*arg;
	void		*fake_stack;	/* ASan's, while switched away */
};

static struct host_ctx main_ctx;

struct host_ctx *
host_ctx_main(void)
{

	return (&main_ctx);
}

static void
host_ctx_start(unsigned int lo, unsigned int hi)
{
	struct host_ctx *c = (struct host_ctx *)(((unsigned long)hi << 32) |
	    lo);

#ifdef HOST_ASAN
	const void *bottom;
	size_t size;

	/* Entered from the harness: learn where its stack is. */
	__sanitizer_finish_switch_fiber(NULL, &bottom, &size);
	main_ctx.stack = (void *)bottom;
	main_ctx.size = size;
#endif
	c->fn(c->arg);
	fprintf(stderr, "vmhost: a coroutine returned\n");
	abort();
}

struct host_ctx *
host_ctx_new(void (*fn)(void *), void *arg)
{
	struct host_ctx *c;
	unsigned long p;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->stack = malloc(STACK_SIZE)) == NULL) {
		fprintf(stderr, "vmhost: out of host memory\n");
		exit(2);
	}
	c->size = STACK_SIZE;
	c->fn = fn;
	c->arg = arg;
	getcontext(&c->uc);
	c->uc.uc_stack.ss_sp = c->stack;
	c->uc.uc_stack.ss_size = c->size;
	c->uc.uc_link = NULL;
	p = (unsigned long)c;
	makecontext(&c->uc, (void (*)(void))host_ctx_start, 2,
	    (unsigned int)p, (unsigned int)(p >> 32));
	return (c);
}

void
host_ctx_switch(struct host_ctx *from, struct host_ctx *to)
{
#ifdef HOST_ASAN
	__sanitizer_start_switch_fiber(&from->fake_stack, to->stack, to->size);
#endif
	swapcontext(&from->uc, &to->uc);
#ifdef HOST_ASAN
	__sanitizer_finish_switch_fiber(from->fake_stack, NULL, NULL);
#endif
}

void
host_ctx_free(struct host_ctx *c)
{

	if (c == NULL || c == &main_ctx)
		return;
	free(c->stack);
	free(c);
}

void *
host_calloc(unsigned long n, unsigned long size)
{
	void *p = calloc(n, size);

	if (p == NULL) {
		fprintf(stderr, "vmhost: out of host memory\n");
		exit(2);
	}
	return (p);
}

void
host_free(void *p)
{

	free(p);
}

void
host_vprintf(const char *fmt, va_list ap)
{

	vprintf(fmt, ap);
}

int
host_vsnprintf(char *buf, unsigned long len, const char *fmt, va_list ap)
{

	return (vsnprintf(buf, len, fmt, ap));
}

void
host_exit(int status)
{

	fflush(stdout);
	exit(status);
}

double
host_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* The number optarg of option -opt, at most max; exits if it is not. */
static unsigned long long
number(int opt, const char *arg, unsigned long long max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 0);
	if (arg[0] == '\0' || arg[0] == '-' || *end != '\0' || errno != 0 ||
	    v > max) {
		fprintf(stderr, "vmhost: -%c: '%s' is not a number from 0 to "
		    "%llu\n", opt, arg, max);
		exit(2);
	}
	return (v);
}

static void
usage(void)
{

	fprintf(stderr,
	    "usage: vmhost [-BHquvx] [-c 0|1] [-k pct] [-m pages]\n"
	    "\t[-o id] [-p 0|1] [-w blocks] [-s seed] [-n ops] [-S seeds]\n"
	    "\t[-t secs]\n"
	    "  -s SEED   the run's seed (default 1)\n"
	    "  -n OPS    steps to run (default 20000)\n"
	    "  -S N      run N seeds, SEED .. SEED+N-1 (default 1; 0: no end)\n"
	    "  -t SECS   start no seed after SECS seconds\n"
	    "  -x        with -S, stop at the first seed that fails\n"
	    "  -u        run the unit tests of swap_pager_copy instead\n"
	    "  -H        no hidden page (resident or on swap) at any quiet\n"
	    "            point with vm.collapse_pagers=1; without it hidden\n"
	    "            pages are counted, not asserted\n"
	    "  -B        after a copy-on-write fault or a fork, no bypass\n"
	    "            may be left undone (off: the kernel's bound on what\n"
	    "            a front object lacks is not exact yet)\n"
	    "  -v        print every step, and the kernel's messages\n"
	    "  -c 0|1    collapse checks off / on (default: on when the\n"
	    "            kernel has vm_collapse_pagers and it is 1)\n"
	    "  -k PCT    kernel malloc(M_WAITOK) sleeps in PCT%% of calls\n"
	    "            (default: from the seed, 0 or 3)\n"
	    "  -m PAGES  RAM in pages (default: from the seed)\n"
	    "  -w BLOCKS swap in pages (default: from the seed)\n"
	    "  -o ID     trace every change to object ID\n"
	    "  -p 0|1    vm.collapse_pagers fixed at 0 or 1 (default: the\n"
	    "            kernel's, flipped now and then)\n"
	    "  -q        print failures only\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct vmhost_args a;
	unsigned long long nseeds = 1, i, failed = 0, ops = 0;
	double t0, limit = 0;
	int ch, stop = 0;

	memset(&a, 0, sizeof(a));
	a.seed = 1;
	a.ops = 20000;
	a.collapse_check = -1;
	a.malloc_sleep = -1;
	a.pagers = -1;
	while ((ch = getopt(argc, argv, "BHc:k:m:n:o:p:qs:S:t:uvw:x")) != -1) {
		switch (ch) {
		case 'H':
			a.hidden = 1;
			break;
		case 'c':
			a.collapse_check = number(ch, optarg, 1);
			break;
		case 'B':
			a.bypass = 1;
			break;
		case 'k':
			a.malloc_sleep = number(ch, optarg, 100);
			break;
		case 'm':
			a.npages = number(ch, optarg, 65536);
			break;
		case 'n':
			a.ops = number(ch, optarg, ULONG_MAX);
			break;
		case 'o':
			a.watch = number(ch, optarg, INT_MAX);
			break;
		case 'p':
			a.pagers = number(ch, optarg, 1);
			break;
		case 'q':
			a.quiet = 1;
			break;
		case 's':
			a.seed = number(ch, optarg, ULLONG_MAX);
			break;
		case 'S':
			nseeds = number(ch, optarg, ULLONG_MAX);
			break;
		case 't':
			limit = number(ch, optarg, 1000000000);
			break;
		case 'u':
			a.unit = 1;
			break;
		case 'v':
			a.verbose++;
			break;
		case 'w':
			a.swapblocks = number(ch, optarg, 1 << 20);
			break;
		case 'x':
			stop = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (a.hidden && a.pagers == 0) {
		fprintf(stderr, "vmhost: -H asserts nothing with -p 0 (hidden "
		    "pages are allowed with vm.collapse_pagers=0)\n");
		return (2);
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	t0 = host_seconds();
	/*
	 * Every run starts from a fresh process state: a failing seed must
	 * fail the same way when run alone.  Several seeds: fork each run.
	 */
	if (nseeds == 1 && limit == 0)
		return (vmhost_run(&a));
	for (i = 0; nseeds == 0 || i < nseeds; i++) {
		pid_t pid;
		int st;

		if (limit > 0 && host_seconds() - t0 >= limit)
			break;
		fflush(stdout);
		if ((pid = fork()) == 0)
			exit(vmhost_run(&a));
		if (pid < 0 || waitpid(pid, &st, 0) != pid) {
			perror("vmhost: fork");
			return (2);
		}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			failed++;
			if (!WIFEXITED(st))
				printf("vmhost: seed %llu died of signal %d\n",
				    a.seed, WTERMSIG(st));
			if (stop)
				return (1);
		}
		ops += a.ops;
		a.seed++;
	}
	printf("vmhost: %llu seeds, %llu steps, %llu failed, %.1f s\n", i,
	    ops, failed, host_seconds() - t0);
	return (failed != 0);
}
