/*
 * stpcpy.c: stpcpy(3) and stpncpy(3): strcpy() and strncpy() that
 * return the end of what they wrote: the NUL stpcpy() stored, or for
 * stpncpy() dst + strnlen(src, n).
 */
#include <string.h>

char *
stpcpy(char *restrict dst, const char *restrict src)
{
	size_t len;

	len = strlen(src);
	memcpy(dst, src, len + 1);
	return (dst + len);
}

char *
stpncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len;

	len = strnlen(src, n);
	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return (dst + len);
}
