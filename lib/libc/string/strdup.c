/*
 * strdup.c: strdup(3) and strndup(3): a copy of a string (of at most n
 * bytes, for strndup, always NUL-terminated) in memory from malloc().
 * Return NULL with errno ENOMEM when there is no memory.
 */
#include <stdlib.h>
#include <string.h>

char *
strdup(const char *s)
{
	size_t len;
	char *p;

	len = strlen(s) + 1;
	if ((p = malloc(len)) == NULL)
		return (NULL);
	return (memcpy(p, s, len));
}

char *
strndup(const char *s, size_t n)
{
	size_t len;
	char *p;

	len = strnlen(s, n);
	if ((p = malloc(len + 1)) == NULL)
		return (NULL);
	memcpy(p, s, len);
	p[len] = '\0';
	return (p);
}
