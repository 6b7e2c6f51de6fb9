/*
 * strcat.c: strcat(3): append src to the string in dst.  Returns dst.
 */
#include <string.h>

char *
strcat(char *restrict dst, const char *restrict src)
{

	memcpy(dst + strlen(dst), src, strlen(src) + 1);
	return (dst);
}
