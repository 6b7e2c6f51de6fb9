/*
 * libkern_qdivrem.c: host test of sys/libkern/qdivrem.c.
 *
 * The helpers (renamed kern_* at compile time, see run.sh) are
 * compared with the host's own 64-bit / and % on edge values (0, 1,
 * powers of two and their neighbours, the 32-bit boundaries, INT64_MIN,
 * divisors larger than the dividend) and on random operands of random
 * bit lengths, so that both the 32-bit fast path and the long division
 * are exercised.  Division by zero (which traps) and INT64_MIN / -1
 * (which overflows) are left out.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#include "testlib.h"

uint64_t	kern_qdivrem(uint64_t, uint64_t, uint64_t *);
uint64_t	kern_udivdi3(uint64_t, uint64_t);
uint64_t	kern_umoddi3(uint64_t, uint64_t);
int64_t		kern_divdi3(int64_t, int64_t);
int64_t		kern_moddi3(int64_t, int64_t);
uint64_t	kern_udivmoddi4(uint64_t, uint64_t, uint64_t *);
int64_t		kern_divmoddi4(int64_t, int64_t, int64_t *);

static void
check_unsigned(uint64_t a, uint64_t b)
{
	uint64_t q, r, r2;

	if (b == 0)
		return;
	q = kern_udivdi3(a, b);
	r = kern_umoddi3(a, b);
	if (q != a / b || r != a % b)
		fail("%" PRIu64 " / %" PRIu64 ": got %" PRIu64 " r %" PRIu64
		    ", want %" PRIu64 " r %" PRIu64, a, b, q, r, a / b, a % b);
	q = kern_qdivrem(a, b, &r2);
	if (q != a / b || r2 != a % b)
		fail("__qdivrem(%" PRIu64 ", %" PRIu64 ")", a, b);
	if (kern_qdivrem(a, b, NULL) != a / b)
		fail("__qdivrem(%" PRIu64 ", %" PRIu64 ", NULL)", a, b);
	r2 = ~a;
	if (kern_udivmoddi4(a, b, &r2) != a / b || r2 != a % b)
		fail("__udivmoddi4(%" PRIu64 ", %" PRIu64 ")", a, b);
}

static void
check_signed(int64_t a, int64_t b)
{
	int64_t q, r;

	if (b == 0 || (a == INT64_MIN && b == -1))
		return;
	q = kern_divdi3(a, b);
	r = kern_moddi3(a, b);
	if (q != a / b || r != a % b)
		fail("%" PRId64 " / %" PRId64 ": got %" PRId64 " r %" PRId64
		    ", want %" PRId64 " r %" PRId64, a, b, q, r, a / b, a % b);
	r = ~a;
	if (kern_divmoddi4(a, b, &r) != a / b || r != a % b)
		fail("__divmoddi4(%" PRId64 ", %" PRId64 ")", a, b);
}

/* A random value with a random number of significant bits. */
static uint64_t
rnd_bits(void)
{
	int bits;

	bits = (int)rnd(65);
	if (bits == 0)
		return (0);
	return (rnd64() >> (64 - bits));
}

int
main(void)
{
	uint64_t edge[256];
	int n, i, j, k;

	n = 0;
	for (k = 0; k < 64; k++) {
		edge[n++] = (uint64_t)1 << k;
		edge[n++] = ((uint64_t)1 << k) - 1;
		edge[n++] = ((uint64_t)1 << k) + 1;
	}
	edge[n++] = 0;
	edge[n++] = 10;
	edge[n++] = 1000000007;
	edge[n++] = UINT64_MAX;
	edge[n++] = UINT64_MAX - 1;
	edge[n++] = (uint64_t)INT64_MAX;
	edge[n++] = (uint64_t)INT64_MIN;
	edge[n++] = 0xffffffff00000000ULL;
	edge[n++] = 0x00000000ffffffffULL;
	edge[n++] = 0x123456789abcdef0ULL;

	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			check_unsigned(edge[i], edge[j]);
			check_signed((int64_t)edge[i], (int64_t)edge[j]);
			check_signed((int64_t)(0 - edge[i]), (int64_t)edge[j]);
			check_signed((int64_t)edge[i], (int64_t)(0 - edge[j]));
			check_signed((int64_t)(0 - edge[i]),
			    (int64_t)(0 - edge[j]));
		}
	}
	for (i = 0; i < 2000000; i++) {
		uint64_t a = rnd_bits(), b = rnd_bits();

		check_unsigned(a, b);
		check_unsigned(b, a);
		check_signed((int64_t)a, (int64_t)b);
		check_signed((int64_t)(rnd(2) ? a : 0 - a),
		    (int64_t)(rnd(2) ? b : 0 - b));
	}
	return (test_done());
}
