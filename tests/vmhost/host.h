/*
 * host.h: what the host (libc, ucontext) gives the kernel side of vmhost.
 *
 * vmhost is two worlds linked together.  The kernel side (sys/vm, the
 * shim files and the bench) is compiled against the kernel's headers
 * with -nostdinc; the host side (host.c) against the host's.  The two
 * sets of headers cannot meet in one file, so they talk only through
 * this header, which uses nothing but C's own types.
 */
#ifndef _VMHOST_HOST_H_
#define _VMHOST_HOST_H_

/* Coroutines: one per simulated process, plus the harness's own. */
struct host_ctx;
struct host_ctx *host_ctx_main(void);
struct host_ctx *host_ctx_new(void (*)(void *), void *);
void	host_ctx_switch(struct host_ctx *, struct host_ctx *);
void	host_ctx_free(struct host_ctx *);

/* Memory and output. */
void	*host_calloc(unsigned long, unsigned long);
void	host_free(void *);
void	host_vprintf(const char *, __builtin_va_list);
int	host_vsnprintf(char *, unsigned long, const char *, __builtin_va_list);
void	host_exit(int) __attribute__((noreturn));
double	host_seconds(void);

/* The bench's entry point (vmhost.c), called by main() in host.c. */
struct vmhost_args {
	unsigned long long seed;
	unsigned long	ops;
	int		verbose;	/* print every step */
	int		collapse_check;	/* -1 automatic, 0 off, 1 on */
	int		quiet;		/* no summary line */
	int		npages;		/* RAM, pages (0: chosen by seed) */
	int		swapblocks;	/* swap, pages (0: chosen by seed) */
	int		watch;		/* object id to trace, or 0 */
	int		malloc_sleep;	/* M_WAITOK sleeps, %; -1: by seed */
	int		pagers;		/* vm.collapse_pagers; -1: flips */
	int		unit;		/* run the unit tests instead */
	int		hidden;		/* -H: no hidden page, ever */
	int		bypass;		/* -B: no bypass left undone */
};
int	vmhost_run(const struct vmhost_args *);

#endif /* !_VMHOST_HOST_H_ */
