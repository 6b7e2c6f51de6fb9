/*
 * asprintf.c: asprintf(3) and vasprintf(3): formatted output into a
 * string from malloc(), which grows as the output comes.  *strp gets
 * the string (the caller frees it); returns its length, or -1 with
 * *strp NULL (ENOMEM, or the engine's errors).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doprnt.h"

struct growbuf {
	char	*buf;
	size_t	 len;		/* bytes stored */
	size_t	 size;		/* bytes allocated */
};

/* The engine's output: append, doubling the buffer when it is full. */
static int
to_growbuf(void *arg, const char *s, size_t n)
{
	struct growbuf *g = arg;
	size_t want;
	char *nbuf;

	if (g->len + n + 1 > g->size) {
		want = g->size * 2;
		if (want < g->len + n + 1)
			want = g->len + n + 1;
		if ((nbuf = realloc(g->buf, want)) == NULL)
			return (-1);
		g->buf = nbuf;
		g->size = want;
	}
	memcpy(g->buf + g->len, s, n);
	g->len += n;
	return (0);
}

int
vasprintf(char **strp, const char *fmt, va_list ap)
{
	struct growbuf g;
	int r;

	g.size = 64;
	g.len = 0;
	if ((g.buf = malloc(g.size)) == NULL) {
		*strp = NULL;
		return (-1);
	}
	if ((r = __doprnt(to_growbuf, &g, fmt, ap)) < 0) {
		free(g.buf);
		*strp = NULL;
		return (-1);
	}
	g.buf[g.len] = '\0';
	*strp = g.buf;
	return (r);
}

int
asprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vasprintf(strp, fmt, ap);
	va_end(ap);
	return (r);
}
