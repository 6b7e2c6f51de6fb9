/*
 * strcoll.c: strcoll(3) and strxfrm(3).  The C locale collates by byte
 * value, so these are strcmp() and strlcpy() in disguise.
 */
#include <string.h>

int
strcoll(const char *a, const char *b)
{

	return (strcmp(a, b));
}

/* Copy src to dst when it fits in n bytes; return strlen(src). */
size_t
strxfrm(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len;

	len = strlen(src);
	if (len < n)
		memcpy(dst, src, len + 1);
	return (len);
}
