/*
 * ctype.c: the <ctype.h> classes and case mappings for ASCII.
 *
 * Each test is a range check on the value converted to unsigned, so
 * that EOF (-1) and values above 127 fall outside every class without
 * a table.
 */
#include <ctype.h>

#define	IN(c, lo, n)	((unsigned)(c) - (unsigned)(lo) < (unsigned)(n))

int
isdigit(int c)
{

	return (IN(c, '0', 10));
}

int
isupper(int c)
{

	return (IN(c, 'A', 26));
}

int
islower(int c)
{

	return (IN(c, 'a', 26));
}

int
isalpha(int c)
{

	return (isupper(c) || islower(c));
}

int
isalnum(int c)
{

	return (isalpha(c) || isdigit(c));
}

int
isxdigit(int c)
{

	return (isdigit(c) || IN(c, 'a', 6) || IN(c, 'A', 6));
}

int
isspace(int c)
{

	return (c == ' ' || IN(c, '\t', 5));	/* \t \n \v \f \r */
}

int
isblank(int c)
{

	return (c == ' ' || c == '\t');
}

int
iscntrl(int c)
{

	return (IN(c, 0, 32) || c == 127);
}

int
isprint(int c)
{

	return (IN(c, ' ', 95));
}

int
isgraph(int c)
{

	return (IN(c, '!', 94));
}

int
ispunct(int c)
{

	return (isgraph(c) && !isalnum(c));
}

int
tolower(int c)
{

	return (isupper(c) ? c - 'A' + 'a' : c);
}

int
toupper(int c)
{

	return (islower(c) ? c - 'a' + 'A' : c);
}

int
isascii(int c)
{

	return (IN(c, 0, 128));
}

int
toascii(int c)
{

	return (c & 0x7f);
}

/* The value of a hex digit, 0 for anything else. */
int
digittoint(int c)
{

	if (isdigit(c))
		return (c - '0');
	if (IN(c, 'a', 6))
		return (c - 'a' + 10);
	if (IN(c, 'A', 6))
		return (c - 'A' + 10);
	return (0);
}
