/*
 * bsearch.c: bsearch(3): binary search of a sorted array of nmemb
 * elements of size bytes.  Returns a matching element (any of them if
 * several match), or NULL.
 */
#include <stdlib.h>

void *
bsearch(const void *key, const void *base, size_t nmemb, size_t size,
    int (*compar)(const void *, const void *))
{
	const char *lo, *p;
	size_t n;
	int c;

	lo = base;
	for (n = nmemb; n > 0; n /= 2) {
		p = lo + (n / 2) * size;
		c = compar(key, p);
		if (c == 0)
			return ((void *)(size_t)p);
		if (c > 0) {
			/* The key is above p: search the part after it. */
			lo = p + size;
			n--;
		}
	}
	return (NULL);
}
