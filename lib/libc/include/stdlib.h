/*
 * stdlib.h: general utilities: memory allocation, number conversion,
 * sorting, random numbers, the environment and process exit.
 *
 * malloc(3) is a boundary-tag allocator over sbrk(2) with large blocks
 * from mmap(2) (lib/libc/stdlib/malloc.c); freeing a pointer it did not
 * hand out, or freeing one twice, prints a message and aborts.
 */
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <sys/_types.h>

#ifndef NULL
#define NULL	((void *)0)
#endif

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t	size_t;
#endif
#ifndef __cplusplus
#ifndef _WCHAR_T_DECLARED
#define _WCHAR_T_DECLARED
typedef __WCHAR_TYPE__	wchar_t;
#endif
#endif

typedef struct {
	int	quot;		/* quotient */
	int	rem;		/* remainder */
} div_t;

typedef struct {
	long	quot;
	long	rem;
} ldiv_t;

typedef struct {
	long long	quot;
	long long	rem;
} lldiv_t;

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	0x7fffffff
#define MB_CUR_MAX	1

/* Memory. */
void	*malloc(size_t) __attribute__((__malloc__));
void	*calloc(size_t, size_t) __attribute__((__malloc__));
void	*realloc(void *, size_t);
void	*reallocarray(void *, size_t, size_t);
void	 free(void *);
int	 posix_memalign(void **, size_t, size_t);
void	*aligned_alloc(size_t, size_t) __attribute__((__malloc__));

/* Numbers from strings. */
int	 atoi(const char *);
long	 atol(const char *);
long long atoll(const char *);
double	 atof(const char *);
long	 strtol(const char *restrict, char **restrict, int);
unsigned long strtoul(const char *restrict, char **restrict, int);
long long strtoll(const char *restrict, char **restrict, int);
unsigned long long strtoull(const char *restrict, char **restrict, int);
double	 strtod(const char *restrict, char **restrict);
float	 strtof(const char *restrict, char **restrict);
long double strtold(const char *restrict, char **restrict);

/* Integer arithmetic. */
int	 abs(int) __attribute__((__const__));
long	 labs(long) __attribute__((__const__));
long long llabs(long long) __attribute__((__const__));
div_t	 div(int, int);
ldiv_t	 ldiv(long, long);
lldiv_t	 lldiv(long long, long long);

/* Sorting and searching. */
void	 qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void	*bsearch(const void *, const void *, size_t, size_t,
	    int (*)(const void *, const void *));

/* Pseudo-random numbers. */
int	 rand(void);
void	 srand(unsigned);
int	 rand_r(unsigned *);
long	 random(void);
void	 srandom(unsigned);

/* The environment. */
char	*getenv(const char *);
int	 setenv(const char *, const char *, int);
int	 unsetenv(const char *);
int	 putenv(char *);
int	 system(const char *);

/* Leaving. */
int	 atexit(void (*)(void));
void	 exit(int) __attribute__((__noreturn__));
void	 _Exit(int) __attribute__((__noreturn__));
void	 abort(void) __attribute__((__noreturn__));

/* BSD: the program's name, the last component of argv[0]. */
long long strtonum(const char *, long long, long long, const char **);
const char *getprogname(void);
void	 setprogname(const char *);

#endif /* !_STDLIB_H_ */
