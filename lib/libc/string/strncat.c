/*
 * strncat.c: strncat(3): append at most n bytes of src to the string in
 * dst, then a NUL (so dst needs strlen(dst) + n + 1 bytes).  Returns dst.
 */
#include <string.h>

char *
strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d;
	size_t len;

	d = dst + strlen(dst);
	len = strnlen(src, n);
	memcpy(d, src, len);
	d[len] = '\0';
	return (dst);
}
