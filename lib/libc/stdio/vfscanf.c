/*
 * vfscanf.c: formatted input from streams: scanf, vscanf, fscanf and
 * vfscanf, through the engine in doscan.c, which reads the stream a
 * byte at a time and gives back the byte it stops at with ungetc().
 */
#include <stdarg.h>

#include "doscan.h"
#include "local.h"

static int
stream_get(void *arg)
{

	return (__sgetc(arg));
}

static void
stream_unget(int c, void *arg)
{

	(void)ungetc(c, arg);
}

int
vfscanf(FILE *restrict fp, const char *restrict fmt, va_list ap)
{
	struct __scan_in in;

	in.get = stream_get;
	in.unget = stream_unget;
	in.arg = fp;
	return (__doscan(&in, fmt, ap));
}

int
fscanf(FILE *restrict fp, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfscanf(fp, fmt, ap);
	va_end(ap);
	return (r);
}

int
vscanf(const char *restrict fmt, va_list ap)
{

	return (vfscanf(stdin, fmt, ap));
}

int
scanf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return (r);
}
