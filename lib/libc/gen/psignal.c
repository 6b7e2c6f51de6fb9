/*
 * psignal.c: psignal(3): print "s: description of sig" on stderr, or
 * only the description when s is NULL or empty.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

void
psignal(int sig, const char *s)
{

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, strsignal(sig));
	else
		fprintf(stderr, "%s\n", strsignal(sig));
}
