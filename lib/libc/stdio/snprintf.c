/*
 * snprintf.c: formatted output to memory: snprintf, vsnprintf, sprintf
 * and vsprintf.
 *
 * snprintf() stores at most size - 1 bytes and a NUL (nothing at all
 * when size is 0) and returns the length the whole output would have
 * had.  sprintf() trusts the buffer to be big enough.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "doprnt.h"

struct strbuf {
	char	*p;		/* where the next byte goes */
	size_t	 room;		/* bytes that may still be stored */
};

/* The engine's output: store what fits, drop the rest. */
static int
to_string(void *arg, const char *s, size_t n)
{
	struct strbuf *sb = arg;

	if (n > sb->room)
		n = sb->room;
	memcpy(sb->p, s, n);
	sb->p += n;
	sb->room -= n;
	return (0);
}

/*
 * Format into buf of size bytes; a zero size stores nothing (buf may
 * then be NULL).  Returns the full length of the output.
 */
int
vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
    va_list ap)
{
	struct strbuf sb;
	char dummy;
	int r;

	if (size == 0) {
		sb.p = &dummy;
		sb.room = 0;
	} else {
		sb.p = buf;
		sb.room = size - 1;
	}
	r = __doprnt(to_string, &sb, fmt, ap);
	if (size > 0)
		*sb.p = '\0';
	return (r);
}

int
snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (r);
}

int
vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{

	return (vsnprintf(buf, (size_t)INT_MAX + 1, fmt, ap));
}

int
sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, (size_t)INT_MAX + 1, fmt, ap);
	va_end(ap);
	return (r);
}
