/*
 * dprintf.c: dprintf(3) and vdprintf(3): formatted output straight to a
 * descriptor, gathered in a buffer on the stack and written when it is
 * full and at the end.  Returns the bytes written, or -1 on error.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "doprnt.h"

struct fdbuf {
	int	 fd;
	size_t	 n;
	char	 buf[512];
};

/* Write out the buffer; returns 0 or -1 (errno set by write(2)). */
static int
fdbuf_flush(struct fdbuf *b)
{
	size_t done;
	ssize_t w;

	for (done = 0; done < b->n; done += w)
		if ((w = write(b->fd, b->buf + done, b->n - done)) <= 0)
			return (-1);
	b->n = 0;
	return (0);
}

/* The engine's output: append, writing the buffer out when it fills. */
static int
to_fd(void *arg, const char *s, size_t n)
{
	struct fdbuf *b = arg;
	size_t k;

	while (n > 0) {
		if (b->n == sizeof(b->buf) && fdbuf_flush(b) != 0)
			return (-1);
		k = sizeof(b->buf) - b->n;
		if (k > n)
			k = n;
		memcpy(b->buf + b->n, s, k);
		b->n += k;
		s += k;
		n -= k;
	}
	return (0);
}

int
vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	struct fdbuf b;
	int r;

	b.fd = fd;
	b.n = 0;
	r = __doprnt(to_fd, &b, fmt, ap);
	if (fdbuf_flush(&b) != 0)
		r = -1;
	return (r);
}

int
dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return (r);
}
