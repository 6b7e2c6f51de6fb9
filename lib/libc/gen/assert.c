/*
 * assert.c: __assert(), the failure path of assert(): print where the
 * assertion failed on stderr, then abort().
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void
__assert(const char *func, const char *file, int line, const char *expr)
{

	fprintf(stderr, "Assertion failed: (%s), function %s, file %s, "
	    "line %d.\n", expr, func, file, line);
	abort();
}
