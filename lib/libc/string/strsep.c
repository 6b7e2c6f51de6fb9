/*
 * strsep.c: strsep(3): return the token at *stringp, ended by the first
 * byte in delim (overwritten with a NUL), and move *stringp past it, or
 * to NULL after the last token.  Empty tokens are returned, unlike
 * strtok(); NULL once *stringp is NULL.
 */
#include <string.h>

char *
strsep(char **stringp, const char *delim)
{
	char *s, *end;

	if ((s = *stringp) == NULL)
		return (NULL);
	end = s + strcspn(s, delim);
	if (*end != '\0') {
		*end = '\0';
		*stringp = end + 1;
	} else
		*stringp = NULL;
	return (s);
}
