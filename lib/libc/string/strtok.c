/*
 * strtok.c: strtok(3) and strtok_r(3): split a string into tokens
 * separated by runs of delimiter bytes, writing a NUL after each token.
 * A NULL s continues from where the last call stopped (*last for
 * strtok_r, a static pointer for strtok).  Returns the next token, or
 * NULL when there are no more.
 */
#include <string.h>

char *
strtok_r(char *restrict s, const char *restrict delim, char **restrict last)
{
	char *tok;

	if (s == NULL && (s = *last) == NULL)
		return (NULL);
	s += strspn(s, delim);
	if (*s == '\0') {
		*last = NULL;
		return (NULL);
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s != '\0')
		*s++ = '\0';
	*last = s;
	return (tok);
}

char *
strtok(char *restrict s, const char *restrict delim)
{
	static char *last;

	return (strtok_r(s, delim, &last));
}
