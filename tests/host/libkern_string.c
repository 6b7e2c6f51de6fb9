/*
 * libkern_string.c: host test of sys/libkern/string.c.
 *
 * Each function (renamed kern_* at compile time, see run.sh) is run on
 * random inputs, at every alignment of source and destination, next to
 * the host C library's version, and the results and the bytes around
 * the destination compared: memmove overlapping both ways, memset and
 * memcpy across word boundaries, the comparisons on strings that differ
 * in a byte with the top bit set, and strlcpy/strlcat truncating at
 * every size.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

void	*kern_memcpy(void *, const void *, size_t);
void	*kern_memmove(void *, const void *, size_t);
void	*kern_memset(void *, int, size_t);
int	 kern_memcmp(const void *, const void *, size_t);
void	*kern_memchr(const void *, int, size_t);
size_t	 kern_strlen(const char *);
size_t	 kern_strnlen(const char *, size_t);
int	 kern_strcmp(const char *, const char *);
int	 kern_strncmp(const char *, const char *, size_t);
char	*kern_strchr(const char *, int);
char	*kern_strrchr(const char *, int);
size_t	 kern_strlcpy(char *, const char *, size_t);
size_t	 kern_strlcat(char *, const char *, size_t);

#define	AREA	256

static unsigned char	a[AREA], b[AREA];

/* The host's strlcpy/strlcat may be missing: a plain model. */
static size_t
ref_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return (len);
}

static size_t
ref_strlcat(char *dst, const char *src, size_t size)
{
	size_t dlen = strnlen(dst, size);

	if (dlen == size)
		return (size + strlen(src));
	return (dlen + ref_strlcpy(dst + dlen, src, size - dlen));
}

static int
sign(int x)
{

	return ((x > 0) - (x < 0));
}

static void
fill_random(unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)rnd64();
}

/* A random string of len bytes from a small alphabet (so they repeat). */
static void
rnd_string(char *p, size_t len)
{
	static const char alpha[] = "ab\x80\xff/.";
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = alpha[rnd(sizeof(alpha) - 1)];
	p[len] = '\0';
}

static void
test_copies(void)
{
	size_t so, d, n;
	int round;

	for (round = 0; round < 20000; round++) {
		so = rnd(64);
		d = rnd(64);
		n = rnd(AREA - 64);
		fill_random(a, AREA);
		memcpy(b, a, AREA);

		/* memmove within one area: overlap in both directions. */
		if (kern_memmove(a + d, a + so, n) != a + d)
			fail("memmove return");
		memmove(b + d, b + so, n);
		if (memcmp(a, b, AREA) != 0)
			fail("memmove(+%zu, +%zu, %zu)", d, so, n);

		/* memcpy from the top half of b to the bottom half of a. */
		fill_random(b, AREA);
		memcpy(a, b, AREA);
		n = rnd(65);
		if (kern_memcpy(a + d, b + 128 + so, n) != a + d)
			fail("memcpy return");
		memcpy(b + d, b + 128 + so, n);
		if (memcmp(a, b, 128) != 0)
			fail("memcpy(+%zu, +%zu, %zu)", d, so, n);

		/* memset. */
		memcpy(a, b, AREA);
		if (kern_memset(a + d, (int)rnd(512) - 128, n) != a + d)
			fail("memset return");
		memset(b + d, a[d], n);
		if (n > 0 && memcmp(a, b, AREA) != 0)
			fail("memset(+%zu, %zu)", d, n);
	}
}

static void
test_compares(void)
{
	char s[80], t[80];
	size_t ls, lt, n;
	int round, c;

	for (round = 0; round < 50000; round++) {
		ls = rnd(40);
		rnd_string(s, ls);
		memcpy(t, s, ls + 1);
		if (rnd(2)) {
			lt = rnd(40);
			rnd_string(t, lt);
		} else if (ls > 0)
			t[rnd(ls)] = (char)rnd(256);	/* may cut it short */
		lt = strlen(t);
		n = rnd(45);

		if (sign(kern_strcmp(s, t)) != sign(strcmp(s, t)))
			fail("strcmp(\"%s\", \"%s\")", s, t);
		if (sign(kern_strncmp(s, t, n)) != sign(strncmp(s, t, n)))
			fail("strncmp(\"%s\", \"%s\", %zu)", s, t, n);
		if (sign(kern_memcmp(s, t, n < ls + 1 && n < lt + 1 ? n : 0)) !=
		    sign(memcmp(s, t, n < ls + 1 && n < lt + 1 ? n : 0)))
			fail("memcmp");
		if (kern_strlen(s) != ls)
			fail("strlen(\"%s\")", s);
		if (kern_strnlen(s, n) != strnlen(s, n))
			fail("strnlen(\"%s\", %zu)", s, n);
		c = (int)(unsigned char)"ab\x80\xff/.z"[rnd(7)];
		if (rnd(8) == 0)
			c = 0;
		if (kern_strchr(s, c) != strchr(s, c))
			fail("strchr(\"%s\", %d)", s, c);
		if (kern_strrchr(s, c) != strrchr(s, c))
			fail("strrchr(\"%s\", %d)", s, c);
		if (kern_memchr(s, c, n < ls ? n : ls) !=
		    memchr(s, c, n < ls ? n : ls))
			fail("memchr(\"%s\", %d)", s, c);
		/* memchr compares as unsigned char: c + 256 is c. */
		if (kern_memchr(s, c + 256, ls) != memchr(s, c, ls))
			fail("memchr(\"%s\", %d + 256)", s, c);
	}
}

static void
test_strl(void)
{
	char src[40], d1[48], d2[48];
	size_t size, r1, r2, pre;
	int round;

	for (round = 0; round < 50000; round++) {
		rnd_string(src, rnd(32));
		size = rnd(40);
		memset(d1, 'X', sizeof(d1));
		memset(d2, 'X', sizeof(d2));
		r1 = kern_strlcpy(d1, src, size);
		r2 = ref_strlcpy(d2, src, size);
		if (r1 != r2 || memcmp(d1, d2, sizeof(d1)) != 0)
			fail("strlcpy(\"%s\", %zu)", src, size);

		/* strlcat onto a prefix that may or may not be terminated. */
		pre = rnd(20);
		memset(d1, 'Y', sizeof(d1));
		d1[pre] = '\0';
		memcpy(d2, d1, sizeof(d1));
		r1 = kern_strlcat(d1, src, size);
		r2 = ref_strlcat(d2, src, size);
		if (r1 != r2 || memcmp(d1, d2, sizeof(d1)) != 0)
			fail("strlcat(%zu-byte prefix, \"%s\", %zu): %zu vs %zu",
			    pre, src, size, r1, r2);
	}
}

int
main(void)
{

	test_copies();
	test_compares();
	test_strl();
	return (test_done());
}
