/*
 * strstr.c: strstr(3), strcasestr(3) and memmem(3): find the first
 * occurrence of a string (or byte sequence) in another.  An empty
 * needle is found at the start.  Simple scans: the first byte is
 * looked for with memchr() (strchr()), the rest compared in place.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

char *
strstr(const char *haystack, const char *needle)
{
	size_t len;

	if ((len = strlen(needle)) == 0)
		return ((char *)(uintptr_t)haystack);
	for (; (haystack = strchr(haystack, *needle)) != NULL; haystack++)
		if (strncmp(haystack, needle, len) == 0)
			return ((char *)(uintptr_t)haystack);
	return (NULL);
}

char *
strcasestr(const char *haystack, const char *needle)
{
	size_t len;

	if ((len = strlen(needle)) == 0)
		return ((char *)(uintptr_t)haystack);
	for (; *haystack != '\0'; haystack++)
		if (strncasecmp(haystack, needle, len) == 0)
			return ((char *)(uintptr_t)haystack);
	return (NULL);
}

/* The first nlen-byte run at haystack equal to needle, or NULL. */
void *
memmem(const void *haystack, size_t hlen, const void *needle, size_t nlen)
{
	const unsigned char *h, *end, *n;

	h = haystack;
	n = needle;
	if (nlen == 0)
		return ((void *)(uintptr_t)h);
	if (hlen < nlen)
		return (NULL);
	end = h + (hlen - nlen) + 1;
	for (; (h = memchr(h, n[0], end - h)) != NULL; h++)
		if (memcmp(h, n, nlen) == 0)
			return ((void *)(uintptr_t)h);
	return (NULL);
}
