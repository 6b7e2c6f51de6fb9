/*
 * vsscanf.c: formatted input from a string: sscanf and vsscanf.  The
 * string's NUL is the end of the input.
 */
#include <stdarg.h>
#include <stdio.h>

#include "doscan.h"

static int
string_get(void *arg)
{
	const unsigned char **sp = arg;

	if (**sp == '\0')
		return (EOF);
	return (*(*sp)++);
}

static void
string_unget(int c, void *arg)
{
	const unsigned char **sp = arg;

	(*sp)--;
}

int
vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
{
	struct __scan_in in;
	const unsigned char *p;

	p = (const unsigned char *)s;
	in.get = string_get;
	in.unget = string_unget;
	in.arg = &p;
	return (__doscan(&in, fmt, ap));
}

int
sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsscanf(s, fmt, ap);
	va_end(ap);
	return (r);
}
