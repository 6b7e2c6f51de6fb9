/*
 * strspn.c: strspn(3), strcspn(3) and strpbrk(3): spans of a string
 * made of (or free of) the bytes of a set.  The set is first turned
 * into a 256-bit map, so each byte of s costs one test.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#define	MAPWORD(c)	((unsigned char)(c) / 32)
#define	MAPBIT(c)	(1U << ((unsigned char)(c) % 32))

static void
setmap(uint32_t map[256 / 32], const char *set)
{

	memset(map, 0, 256 / 8);
	for (; *set != '\0'; set++)
		map[MAPWORD(*set)] |= MAPBIT(*set);
}

/* The length of the start of s made only of bytes in accept. */
size_t
strspn(const char *s, const char *accept)
{
	uint32_t map[256 / 32];
	const char *p;

	setmap(map, accept);
	for (p = s; *p != '\0' && (map[MAPWORD(*p)] & MAPBIT(*p)); p++)
		continue;
	return (p - s);
}

/* The length of the start of s made only of bytes not in reject. */
size_t
strcspn(const char *s, const char *reject)
{
	uint32_t map[256 / 32];
	const char *p;

	setmap(map, reject);
	map[0] |= 1;			/* the NUL ends the span */
	for (p = s; !(map[MAPWORD(*p)] & MAPBIT(*p)); p++)
		continue;
	return (p - s);
}

/* The first byte of s that is in accept, or NULL. */
char *
strpbrk(const char *s, const char *accept)
{

	s += strcspn(s, accept);
	return (*s != '\0' ? (char *)(uintptr_t)s : NULL);
}
