/*
 * libc_scanf.c: host test of the scanf engine, lib/libc/stdio/doscan.c,
 * through lib/libc/stdio/vsscanf.c (sscanf renamed umbra_sscanf by
 * run.sh).
 *
 * A table of inputs and formats covering each conversion, widths,
 * suppression, scan sets, %n, literal matching and the end of the
 * input is run through Umbra and glibc, and the return values and every
 * stored value compared; then random integers printed in random bases
 * and widths are read back both ways.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "testlib.h"

int	umbra_sscanf(const char *, const char *, ...);

/* Storage for one call's results; both sides get fresh copies. */
struct res {
	int		 i[4];
	long		 l;
	long long	 ll;
	unsigned	 u;
	short		 h;
	signed char	 hh;
	double		 d;
	float		 f;
	long double	 ld;
	char		 s[3][32];
	void		*p;
	int		 n[2];
};

typedef int	(*scanner)(const char *, const char *, struct res *);

/*
 * One format shape per function: the arguments each test uses, in
 * order.  (A C variadic call must name its arguments.)
 */
#define	SHAPE(name, ...)						\
static int name##_u(const char *in, const char *f, struct res *r)	\
{ return (umbra_sscanf(in, f, __VA_ARGS__)); }			\
static int name##_g(const char *in, const char *f, struct res *r)	\
{ return (sscanf(in, f, __VA_ARGS__)); }

SHAPE(ints, &r->i[0], &r->i[1], &r->i[2], &r->i[3])
SHAPE(mixed, &r->i[0], r->s[0], &r->d, &r->n[0])
SHAPE(strs, r->s[0], r->s[1], r->s[2], &r->n[0])
SHAPE(lens, &r->hh, &r->h, &r->l, &r->ll)
SHAPE(unsig, &r->u, &r->i[0], &r->ll, &r->n[0])
SHAPE(floats, &r->f, &r->d, &r->ld, &r->n[0])
SHAPE(ptr, &r->p, &r->n[0], &r->i[0], &r->n[1])
SHAPE(chars, r->s[0], &r->i[0], r->s[1], &r->n[0])

struct scase {
	const char	*in;
	const char	*fmt;
	scanner		 u, g;
};

#define	C(in, fmt, shape)	{ in, fmt, shape##_u, shape##_g }

static const struct scase cases[] = {
	C("1 2 3 4", "%d %d %d %d", ints),
	C("  -12+34\t0x1f 077", "%d%d%i%i", ints),
	C("12abc", "%d%d%d%d", ints),
	C("", "%d", ints),
	C("   ", "%d", ints),
	C("x", "%d", ints),
	C("-", "%d", ints),
	C("0x", "%x%d", ints),
	C("0xg", "%i%d", ints),
	C("0x1G", "%x%d", ints),
	C("123456", "%2d%3d%d", ints),
	C("1,2", "%d,%d", ints),
	C("1 ,2", "%d,%d", ints),
	C("1, 2", "%d,%d", ints),
	C("1;2", "%d,%d", ints),
	C("5 6", "%*d %d", ints),
	C("%7", "%%%d", ints),
	C("  %7", " %%%d", ints),
	C("ff FF 0x10 10", "%x %X %x %o", ints),
	C("99999999999", "%d", ints),
	C("-2147483648 2147483647", "%d %d", ints),
	C("08", "%i%d", ints),
	C("42 hello 3.5", "%d %s %lf%n", mixed),
	C("42hello 3.5e2x", "%d%s%lf%n", mixed),
	C("7 abcdefghij 1", "%d %5s %lf", mixed),
	C("1 nan 1", "%d %s %lf", mixed),
	C("hello world  foo", "%s %s %s%n", strs),
	C("abc123def", "%[a-z]%[0-9]%s%n", strs),
	C("abc]def", "%[]a-c]%[^f]%s", strs),
	C("a-b", "%[a-]%s", strs),
	C("key=value; x", "%[^=]=%[^;];%s", strs),
	C("   leading", "%[ a-z]%n", strs),
	C("xyz", "%[0-9]", strs),
	C("abcdef", "%2[a-z]%3c%n", strs),
	C("300 70000 123 456", "%hhd %hd %ld %lld", lens),
	C("-1 -5 -6 -7", "%hhu %hu %lu %llu", lens),
	C("4294967295 -1 18446744073709551615", "%u %d %llu%n", unsig),
	C("-1 1 -1", "%u %u %llu", unsig),
	C("1.5 2.25e3 -0.125", "%f %lf %Lf%n", floats),
	C("1e400 -1e-400 inf", "%f %lf %Lf", floats),
	C("0x1.8p1 .5 5.", "%a %lg %Le", floats),
	C("infinity NAN -inf", "%f %lf %Lf", floats),
	C("1e 2", "%f %lf", floats),
	C("+.e", "%f", floats),
	C("0x7fff1234 5", "%p%n %d%n", ptr),
	C("abc 12 de", "%3c %d %2c%n", chars),
	C("a", "%3c%d", chars),
	C(" x", "%c%d", chars),
	C("ab", "%c%n%c", chars),
	C("12 34", "%d%n %d%n", ptr),
};

static void
compare_case(const struct scase *sc)
{
	struct res ru, rg;
	int nu, ng, k;

	memset(&ru, 0x5a, sizeof(ru));
	memset(&rg, 0x5a, sizeof(rg));
	nu = sc->u(sc->in, sc->fmt, &ru);
	ng = sc->g(sc->in, sc->fmt, &rg);
	if (nu != ng)
		fail("sscanf(\"%s\", \"%s\"): returned %d, want %d", sc->in,
		    sc->fmt, nu, ng);
	/* Only what was assigned: the padding may hold anything. */
	for (k = 0; k < 4; k++)
		if (ru.i[k] != rg.i[k])
			fail("sscanf(\"%s\", \"%s\"): int %d: %d, want %d",
			    sc->in, sc->fmt, k, ru.i[k], rg.i[k]);
	if (ru.l != rg.l || ru.ll != rg.ll || ru.u != rg.u ||
	    ru.h != rg.h || ru.hh != rg.hh || ru.p != rg.p ||
	    ru.n[0] != rg.n[0] || ru.n[1] != rg.n[1])
		fail("sscanf(\"%s\", \"%s\"): integer results differ", sc->in,
		    sc->fmt);
	if (memcmp(&ru.d, &rg.d, sizeof(ru.d)) != 0 ||
	    memcmp(&ru.f, &rg.f, sizeof(ru.f)) != 0 ||
	    memcmp(&ru.ld, &rg.ld, 10) != 0)
		fail("sscanf(\"%s\", \"%s\"): float results differ: %g %g %Lg, "
		    "want %g %g %Lg", sc->in, sc->fmt, ru.f, ru.d, ru.ld,
		    rg.f, rg.d, rg.ld);
	for (k = 0; k < 3; k++)
		if (memcmp(ru.s[k], rg.s[k], sizeof(ru.s[k])) != 0)
			fail("sscanf(\"%s\", \"%s\"): string %d: \"%.31s\", "
			    "want \"%.31s\"", sc->in, sc->fmt, k, ru.s[k],
			    rg.s[k]);
}

static void
random_integers(int rounds)
{
	static const char *const convs[] = { "d", "i", "u", "x", "o", "lld",
	    "lli", "llx" };
	struct scase sc;
	char in[80], fmt[32];
	int r, w;

	for (r = 0; r < rounds; r++) {
		int64_t v = (int64_t)(rnd64() >> rnd(64)) * (rnd(2) ? 1 : -1);
		const char *conv = convs[rnd(8)];

		switch (rnd(4)) {
		case 0:
			snprintf(in, sizeof(in), " %lld %llx", (long long)v,
			    (unsigned long long)v);
			break;
		case 1:
			snprintf(in, sizeof(in), "%#llx,%llo", (long long)v,
			    (unsigned long long)v);
			break;
		case 2:
			snprintf(in, sizeof(in), "%+lld%#llo", (long long)v,
			    (unsigned long long)v);
			break;
		default:
			snprintf(in, sizeof(in), "0%llu 0X%llX", 
			    (unsigned long long)v, (unsigned long long)v);
			break;
		}
		w = (int)rnd(25);
		if (w > 0)
			snprintf(fmt, sizeof(fmt), "%%%d%s%%%s", w, conv, conv);
		else
			snprintf(fmt, sizeof(fmt), "%%%s%%*[ ,]%%%s", conv,
			    conv);
		sc.in = in;
		sc.fmt = fmt;
		if (conv[0] == 'l') {
			sc.u = lens_u;
			sc.g = lens_g;
			/* lens: %hhd %hd %ld %lld; use the first two slots. */
			snprintf(fmt, sizeof(fmt), "%%hh%c%%h%c", conv[2],
			    conv[2]);
		} else {
			sc.u = ints_u;
			sc.g = ints_g;
		}
		compare_case(&sc);
	}
}

int
main(void)
{
	int i;

	for (i = 0; i < (int)(sizeof(cases) / sizeof(cases[0])); i++)
		compare_case(&cases[i]);
	random_integers(50000);
	return (test_done());
}
