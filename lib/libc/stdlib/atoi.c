/*
 * atoi.c: atoi(3), atol(3) and atoll(3): strtol() and friends in base
 * 10, without the error reporting.
 */
#include <stdlib.h>

int
atoi(const char *s)
{

	return ((int)strtol(s, NULL, 10));
}

long
atol(const char *s)
{

	return (strtol(s, NULL, 10));
}

long long
atoll(const char *s)
{

	return (strtoll(s, NULL, 10));
}
