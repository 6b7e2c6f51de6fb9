/*
 * index.c: index(3) and rindex(3), the old BSD names of strchr() and
 * strrchr().
 */
#include <string.h>
#include <strings.h>

char *
index(const char *s, int c)
{

	return (strchr(s, c));
}

char *
rindex(const char *s, int c)
{

	return (strrchr(s, c));
}
