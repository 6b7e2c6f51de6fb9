/*
 * err.c: the err(3) family: "progname: message: error text" on stderr.
 *
 * The whole line is formatted into a buffer first and written with one
 * write(2), so that messages from processes sharing a terminal do not
 * interleave mid-line; a message longer than the buffer is cut short.
 * errno is read on entry, before anything can change it.
 */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define	MSGMAX	512

/* Advance *lenp by n, the length snprintf() wanted, clamped to the buffer. */
static void
advance(size_t *lenp, int n)
{

	if (n > 0)
		*lenp += (size_t)n;
	if (*lenp > MSGMAX - 2)
		*lenp = MSGMAX - 2;
}

/*
 * Print the message, with the text of code after it unless code is -1.
 */
static void
vmsg(int code, const char *fmt, va_list ap)
{
	char buf[MSGMAX];
	size_t len;

	len = 0;
	advance(&len, snprintf(buf, MSGMAX, "%s: ", getprogname()));
	if (fmt != NULL) {
		advance(&len, vsnprintf(buf + len, MSGMAX - len, fmt, ap));
		if (code != -1)
			advance(&len, snprintf(buf + len, MSGMAX - len, ": "));
	}
	if (code != -1)
		advance(&len, snprintf(buf + len, MSGMAX - len, "%s",
		    strerror(code)));
	buf[len++] = '\n';
	(void)fflush(stderr);
	(void)fwrite(buf, 1, len, stderr);
}

void
verrc(int status, int code, const char *fmt, va_list ap)
{

	vmsg(code, fmt, ap);
	exit(status);
}

void
verr(int status, const char *fmt, va_list ap)
{

	verrc(status, errno, fmt, ap);
}

void
verrx(int status, const char *fmt, va_list ap)
{

	vmsg(-1, fmt, ap);
	exit(status);
}

void
err(int status, const char *fmt, ...)
{
	va_list ap;
	int code;

	code = errno;
	va_start(ap, fmt);
	verrc(status, code, fmt, ap);
}

void
errc(int status, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrc(status, code, fmt, ap);
}

void
errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
}

void
vwarnc(int code, const char *fmt, va_list ap)
{

	vmsg(code, fmt, ap);
}

void
vwarn(const char *fmt, va_list ap)
{

	vmsg(errno, fmt, ap);
}

void
vwarnx(const char *fmt, va_list ap)
{

	vmsg(-1, fmt, ap);
}

void
warn(const char *fmt, ...)
{
	va_list ap;
	int code;

	code = errno;
	va_start(ap, fmt);
	vmsg(code, fmt, ap);
	va_end(ap);
	errno = code;
}

void
warnc(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(code, fmt, ap);
	va_end(ap);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(-1, fmt, ap);
	va_end(ap);
}
