/*
 * qdivrem.c: 64-bit division for a 32-bit machine.
 *
 * gcc and clang turn `/' and `%' on 64-bit operands into calls to
 * __udivdi3, __umoddi3, __divdi3 and __moddi3 (gcc also to __udivmoddi4
 * and __divmoddi4, which give both), which normally live in
 * libgcc.  Umbra links neither the kernel nor user programs against
 * libgcc, so this file supplies them; it is compiled into both the
 * kernel and lib/libc, and tested on the host (tests/host).
 *
 * __qdivrem is plain shift-and-subtract long division, one quotient bit
 * a step, preceded by a fast path when both operands fit in 32 bits
 * (the common case, which the hardware divides in one instruction).
 */
#include <sys/types.h>

typedef unsigned long long	u_quad;
typedef long long		quad;

u_quad	__qdivrem(u_quad, u_quad, u_quad *);
u_quad	__udivmoddi4(u_quad, u_quad, u_quad *);
quad	__divmoddi4(quad, quad, quad *);
u_quad	__udivdi3(u_quad, u_quad);
u_quad	__umoddi3(u_quad, u_quad);
quad	__divdi3(quad, quad);
quad	__moddi3(quad, quad);

/*
 * Divide u by v; return the quotient and store the remainder in *rem
 * unless rem is NULL.  Division by zero divides by zero in hardware,
 * so that it traps as the 32-bit operation would.
 */
u_quad
__qdivrem(u_quad u, u_quad v, u_quad *rem)
{
	u_quad q, r;
	int shift;

	if (v == 0) {
		volatile unsigned int zero = 0;

		return (1 / zero);
	}
	if ((u >> 32) == 0 && (v >> 32) == 0) {
		unsigned int u32 = (unsigned int)u, v32 = (unsigned int)v;

		if (rem != NULL)
			*rem = u32 % v32;
		return (u32 / v32);
	}
	if (u < v) {
		if (rem != NULL)
			*rem = u;
		return (0);
	}

	/* Line v up under the top bit of u, then subtract down. */
	shift = __builtin_clzll(v) - __builtin_clzll(u);
	v <<= shift;
	q = 0;
	r = u;
	for (; shift >= 0; shift--) {
		q <<= 1;
		if (r >= v) {
			r -= v;
			q |= 1;
		}
		v >>= 1;
	}
	if (rem != NULL)
		*rem = r;
	return (q);
}

u_quad
__udivdi3(u_quad a, u_quad b)
{

	return (__qdivrem(a, b, NULL));
}

u_quad
__umoddi3(u_quad a, u_quad b)
{
	u_quad r = 0;

	(void)__qdivrem(a, b, &r);
	return (r);
}

/* Signed division truncates toward zero, as C requires. */
quad
__divdi3(quad a, quad b)
{
	u_quad ua, ub, uq;
	int neg;

	neg = (a < 0) != (b < 0);
	ua = a < 0 ? -(u_quad)a : (u_quad)a;
	ub = b < 0 ? -(u_quad)b : (u_quad)b;
	uq = __qdivrem(ua, ub, NULL);
	return ((quad)(neg ? 0 - uq : uq));
}

/* The remainder takes the sign of the dividend. */
quad
__moddi3(quad a, quad b)
{
	u_quad ua, ub, ur;

	ua = a < 0 ? -(u_quad)a : (u_quad)a;
	ub = b < 0 ? -(u_quad)b : (u_quad)b;
	(void)__qdivrem(ua, ub, &ur);
	return ((quad)(a < 0 ? 0 - ur : ur));
}

u_quad
__udivmoddi4(u_quad a, u_quad b, u_quad *rem)
{

	return (__qdivrem(a, b, rem));
}

quad
__divmoddi4(quad a, quad b, quad *rem)
{
	quad q = __divdi3(a, b);

	if (rem != NULL)
		*rem = a - q * b;
	return (q);
}
