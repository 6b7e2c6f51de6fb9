/*
 * memccpy.c: memccpy(3) and memrchr(3).  memccpy() copies bytes from
 * src to dst up to and including the first c, at most n; it returns the
 * byte after the copy of c in dst, or NULL if c was not among them.
 * memrchr() finds the last c in the n bytes at s, or returns NULL.
 */
#include <stdint.h>
#include <string.h>

void *
memccpy(void *restrict dst, const void *restrict src, int c, size_t n)
{
	const unsigned char *p;
	size_t len;

	p = memchr(src, c, n);
	len = p != NULL ? (size_t)(p - (const unsigned char *)src) + 1 : n;
	memcpy(dst, src, len);
	return (p != NULL ? (unsigned char *)dst + len : NULL);
}

void *
memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s + n; p > (const unsigned char *)s;)
		if (*--p == (unsigned char)c)
			return ((void *)(uintptr_t)p);
	return (NULL);
}
