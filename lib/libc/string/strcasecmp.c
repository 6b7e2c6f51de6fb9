/*
 * strcasecmp.c: strcasecmp(3) and strncasecmp(3): compare strings with
 * ASCII letters folded to lower case.  The sign of the result is that
 * of the difference of the first folded bytes that differ.
 */
#include <ctype.h>
#include <strings.h>

int
strcasecmp(const char *a, const char *b)
{
	int ca, cb;

	do {
		ca = tolower((unsigned char)*a++);
		cb = tolower((unsigned char)*b++);
	} while (ca == cb && ca != '\0');
	return (ca - cb);
}

int
strncasecmp(const char *a, const char *b, size_t n)
{
	int ca, cb;

	for (; n > 0; n--) {
		ca = tolower((unsigned char)*a++);
		cb = tolower((unsigned char)*b++);
		if (ca != cb)
			return (ca - cb);
		if (ca == '\0')
			break;
	}
	return (0);
}
