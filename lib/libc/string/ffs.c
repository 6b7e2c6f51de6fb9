/*
 * ffs.c: ffs(3), ffsl(3), ffsll(3) and fls(3): the position, counting
 * from 1, of the least (ffs) or most (fls) significant bit set, or 0
 * when none is.
 */
#include <strings.h>

int
ffs(int v)
{

	return (v == 0 ? 0 : __builtin_ctz((unsigned)v) + 1);
}

int
ffsl(long v)
{

	return (ffsll(v));
}

/* In halves: a 64-bit count would need libgcc's __ctzdi2 on i386. */
int
ffsll(long long v)
{
	unsigned long long u = (unsigned long long)v;

	if ((unsigned int)u != 0)
		return (__builtin_ctz((unsigned int)u) + 1);
	if ((unsigned int)(u >> 32) != 0)
		return (__builtin_ctz((unsigned int)(u >> 32)) + 33);
	return (0);
}

int
fls(int v)
{

	return (v == 0 ? 0 : 32 - __builtin_clz((unsigned)v));
}
