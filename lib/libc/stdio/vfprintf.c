/*
 * vfprintf.c: formatted output to streams: printf, vprintf, fprintf and
 * vfprintf, through the engine in doprnt.c.
 *
 * The engine's pieces go into the stream with __sfwrite().  For an
 * unbuffered stream (stderr) they are first gathered in a buffer on
 * the stack, so that a message is one write(2), not one per piece.
 * Return the number of bytes written, or -1 on error.
 */
#include <stdarg.h>
#include <string.h>

#include "doprnt.h"
#include "local.h"

/* An unbuffered stream's output, gathered. */
struct gather {
	FILE	*fp;
	size_t	 n;
	char	 buf[BUFSIZ];
};

/* The engine's output for a buffered stream: straight in. */
static int
to_stream(void *arg, const char *s, size_t n)
{

	return (__sfwrite(arg, s, n) == n ? 0 : -1);
}

static int
gather_flush(struct gather *g)
{
	size_t n;

	n = g->n;
	g->n = 0;
	return (__sfwrite(g->fp, g->buf, n) == n ? 0 : -1);
}

/* The engine's output for an unbuffered stream: gathered first. */
static int
to_gather(void *arg, const char *s, size_t n)
{
	struct gather *g = arg;

	if (n > sizeof(g->buf) - g->n) {
		if (g->n > 0 && gather_flush(g) != 0)
			return (-1);
		if (n >= sizeof(g->buf))
			return (__sfwrite(g->fp, s, n) == n ? 0 : -1);
	}
	memcpy(g->buf + g->n, s, n);
	g->n += n;
	return (0);
}

/* Format onto fp; returns the bytes written, or -1 on error. */
int
vfprintf(FILE *restrict fp, const char *restrict fmt, va_list ap)
{
	struct gather g;
	int r;

	if (!(fp->_flags & __SNBF))
		return (__doprnt(to_stream, fp, fmt, ap));
	g.fp = fp;
	g.n = 0;
	r = __doprnt(to_gather, &g, fmt, ap);
	if (g.n > 0 && gather_flush(&g) != 0)
		r = -1;
	return (r);
}

int
fprintf(FILE *restrict fp, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(fp, fmt, ap);
	va_end(ap);
	return (r);
}

int
vprintf(const char *restrict fmt, va_list ap)
{

	return (vfprintf(stdout, fmt, ap));
}

int
printf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return (r);
}
