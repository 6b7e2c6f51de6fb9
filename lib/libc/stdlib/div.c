/*
 * div.c: quotient and remainder together.  C division truncates toward
 * zero, and the remainder has the sign of the numerator.
 */
#include <inttypes.h>
#include <stdlib.h>

div_t
div(int num, int denom)
{
	div_t r;

	r.quot = num / denom;
	r.rem = num % denom;
	return (r);
}

ldiv_t
ldiv(long num, long denom)
{
	ldiv_t r;

	r.quot = num / denom;
	r.rem = num % denom;
	return (r);
}

lldiv_t
lldiv(long long num, long long denom)
{
	lldiv_t r;

	r.quot = num / denom;
	r.rem = num % denom;
	return (r);
}

imaxdiv_t
imaxdiv(intmax_t num, intmax_t denom)
{
	imaxdiv_t r;

	r.quot = num / denom;
	r.rem = num % denom;
	return (r);
}
