/*
 * doscan.h: the scanning engine behind every scanf(3) function.
 *
 * __doscan(in, fmt, ap) reads its input a byte at a time with
 * in->get(in->arg), which returns the byte or EOF, and gives back the
 * one byte it looked at but did not use with in->unget(c, in->arg).
 * It returns the number of items assigned, or EOF when the input ended
 * (or failed) before the first conversion.
 *
 * The engine knows nothing of FILEs, so it builds and is tested on the
 * host (tests/host) as it is.
 */
#ifndef _DOSCAN_H_
#define _DOSCAN_H_

#include <stdarg.h>

struct __scan_in {
	int	(*get)(void *);
	void	(*unget)(int, void *);
	void	 *arg;
};

int	__doscan(struct __scan_in *, const char *, va_list);

#endif /* !_DOSCAN_H_ */
