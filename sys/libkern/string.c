/*
 * string.c: the string and memory functions that both the kernel and
 * lib/libc use, written once.  Plain C, byte at a time except where a
 * word at a time is simple and safe (aligned copies and fills).
 *
 * The kernel declares these in <sys/libkern.h>, libc in <string.h>; the
 * prototypes are the standard C ones.
 */
#include <sys/types.h>

void	*memcpy(void *, const void *, size_t);
void	*memmove(void *, const void *, size_t);
void	*memset(void *, int, size_t);
int	 memcmp(const void *, const void *, size_t);
void	*memchr(const void *, int, size_t);
size_t	 strlen(const char *);
size_t	 strnlen(const char *, size_t);
int	 strcmp(const char *, const char *);
int	 strncmp(const char *, const char *, size_t);
char	*strchr(const char *, int);
char	*strrchr(const char *, int);
size_t	 strlcpy(char *, const char *, size_t);
size_t	 strlcat(char *, const char *, size_t);

#define	WORD_ALIGNED(p)	(((uintptr_t)(p) & (sizeof(long) - 1)) == 0)

void *
memcpy(void *dst, const void *src, size_t n)
{

	return (memmove(dst, src, n));
}

void *
memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return (dst);
	if (d < s || d >= s + n) {
		/* Forward: no harmful overlap. */
		if (WORD_ALIGNED(d) && WORD_ALIGNED(s)) {
			for (; n >= sizeof(long); n -= sizeof(long)) {
				*(long *)(void *)d = *(const long *)(const void *)s;
				d += sizeof(long);
				s += sizeof(long);
			}
		}
		while (n-- > 0)
			*d++ = *s++;
	} else {
		/* Backward: dst overlaps the end of src. */
		d += n;
		s += n;
		while (n-- > 0)
			*--d = *--s;
	}
	return (dst);
}

void *
memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	unsigned long w;

	if (n >= 4 * sizeof(long)) {
		while (!WORD_ALIGNED(d)) {
			*d++ = (unsigned char)c;
			n--;
		}
		w = (unsigned char)c * (~0UL / 0xff);	/* c in every byte */
		for (; n >= sizeof(long); n -= sizeof(long)) {
			*(unsigned long *)(void *)d = w;
			d += sizeof(long);
		}
	}
	while (n-- > 0)
		*d++ = (unsigned char)c;
	return (dst);
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return (*p - *q);
	return (0);
}

void *
memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return ((void *)(uintptr_t)p);
	return (NULL);
}

size_t
strlen(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		continue;
	return (p - s);
}

size_t
strnlen(const char *s, size_t max)
{
	size_t n;

	for (n = 0; n < max && s[n] != '\0'; n++)
		continue;
	return (n);
}

int
strcmp(const char *a, const char *b)
{

	for (; *a == *b; a++, b++)
		if (*a == '\0')
			return (0);
	return ((unsigned char)*a - (unsigned char)*b);
}

int
strncmp(const char *a, const char *b, size_t n)
{

	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return ((unsigned char)*a - (unsigned char)*b);
		if (*a == '\0')
			break;
	}
	return (0);
}

char *
strchr(const char *s, int c)
{

	for (;; s++) {
		if (*s == (char)c)
			return ((char *)(uintptr_t)s);
		if (*s == '\0')
			return (NULL);
	}
}

char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return ((char *)(uintptr_t)last);
	}
}

/*
 * Copy src to dst, which holds size bytes, always NUL-terminating when
 * size > 0.  Returns strlen(src): truncation happened if it is >= size.
 */
size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return (len);
}

/* Append src to dst, which holds size bytes; returns the length tried. */
size_t
strlcat(char *dst, const char *src, size_t size)
{
	size_t dlen = strnlen(dst, size);

	if (dlen == size)
		return (size + strlen(src));
	return (dlen + strlcpy(dst + dlen, src, size - dlen));
}
