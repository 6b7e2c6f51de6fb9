/*
 * rand.c: pseudo-random numbers: rand(3), srand(3), random(3),
 * srandom(3) and rand_r(3).
 *
 * rand() and random() are one generator, PCG32 (M. O'Neill's
 * permuted congruential generator: a 64-bit LCG whose state is
 * scrambled by a shift and a rotation), giving 31 bits a call
 * (RAND_MAX).  Without a seed it behaves as if seeded with 1.
 * rand_r() keeps its state in the caller's unsigned int and mixes it
 * with a 32-bit finaliser; it is weaker, but needs no shared state.
 */
#include <stdint.h>
#include <stdlib.h>

#define	PCG_MULT	6364136223846793005ULL
#define	PCG_INC		1442695040888963407ULL	/* any odd constant */

static uint64_t	pcg_state;
static int	pcg_seeded;

static uint32_t
pcg_next(void)
{
	uint64_t old;
	uint32_t x, rot;

	old = pcg_state;
	pcg_state = old * PCG_MULT + PCG_INC;
	x = (uint32_t)(((old >> 18) ^ old) >> 27);
	rot = (uint32_t)(old >> 59);
	return ((x >> rot) | (x << ((-rot) & 31)));
}

void
srandom(unsigned seed)
{

	pcg_state = 0;
	(void)pcg_next();
	pcg_state += seed;
	(void)pcg_next();
	pcg_seeded = 1;
}

long
random(void)
{

	if (!pcg_seeded)
		srandom(1);
	return ((long)(pcg_next() >> 1));
}

void
srand(unsigned seed)
{

	srandom(seed);
}

int
rand(void)
{

	return ((int)random());
}

int
rand_r(unsigned *ctx)
{
	uint32_t z;

	*ctx += 0x9e3779b9U;
	z = *ctx;
	z = (z ^ (z >> 16)) * 0x85ebca6bU;
	z = (z ^ (z >> 13)) * 0xc2b2ae35U;
	z ^= z >> 16;
	return ((int)(z & RAND_MAX));
}
