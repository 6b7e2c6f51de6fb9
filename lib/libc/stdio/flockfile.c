/*
 * flockfile.c: flockfile(3) and friends.  Umbra processes have one
 * thread, so there is nothing to lock: these exist so that programs
 * written for threads build and run.
 */
#include <stdio.h>

void
flockfile(FILE *fp)
{
}

int
ftrylockfile(FILE *fp)
{

	return (0);
}

void
funlockfile(FILE *fp)
{
}
