/*
 * strcpy.c: strcpy(3): copy src, with its NUL, to dst.  Returns dst.
 */
#include <string.h>

char *
strcpy(char *restrict dst, const char *restrict src)
{

	memcpy(dst, src, strlen(src) + 1);
	return (dst);
}
