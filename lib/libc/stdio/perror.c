/*
 * perror.c: perror(3): "s: error text\n" on stderr for the current
 * errno, or just the text when s is NULL or empty; one write.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

void
perror(const char *s)
{
	const char *msg;
	int error;

	error = errno;
	msg = strerror(error);
	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
	errno = error;
}
