/*
 * strncpy.c: strncpy(3): copy at most n bytes of src to dst and fill
 * the rest of the n bytes with NULs.  dst is not NUL-terminated when
 * src has n bytes or more.  Returns dst.
 */
#include <string.h>

char *
strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len;

	len = strnlen(src, n);
	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return (dst);
}
