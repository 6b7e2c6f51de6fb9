/*
 * printf: write formatted output.
 *
 *	printf format [argument ...]
 *
 * The format is copied to the standard output with its escapes (\\ \a
 * \b \f \n \r \t \v \" \' and \NNN, one to three octal digits) and
 * conversions replaced, as printf(3) would, taking the arguments in
 * turn: %d %i %o %u %x %X (integers: a decimal, octal 0NNN or hex 0xNN
 * number, or 'c, the code of the character c), %e %E %f %F %g %G
 * (floating point), %c (the first byte of the argument), %s, %b (the
 * argument with its escapes expanded; \c in it ends the output) and
 * %%.  Flags, field width and precision are those of printf(3); a '*'
 * takes them from the next argument.  Missing arguments count as
 * empty strings, or zero.  If arguments remain after the format has
 * been used, it is used again for them, until none remains.
 *
 * An argument that is not a whole number where one is expected is
 * reported ("printf: x: invalid number", or "printf: x: not
 * completely converted" when something follows the number) and the
 * exit status becomes 1, the output going on with what was converted;
 * a bad conversion character ends the output with an error (status 1).
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char	**args;		/* the next argument */
static int	status;
static int	stop;		/* \c seen: output ends */

static void
usage(void)
{

	fprintf(stderr, "usage: printf format [argument ...]\n");
	exit(1);
}

/*
 * The escape at *sp (just after the backslash): writes its byte to
 * *cp and moves *sp past it.  bflag: the rules of %b (octal as \0NNN,
 * \c ends the output).  Returns 0, or -1 for \c.
 */
static int
escape(const char **sp, int *cp, int bflag)
{
	const char *s = *sp;
	int c, n;

	switch (*s) {
	case '\\':
	case '"':
	case '\'':
		c = *s++;
		break;
	case 'a':
		c = '\a';
		s++;
		break;
	case 'b':
		c = '\b';
		s++;
		break;
	case 'f':
		c = '\f';
		s++;
		break;
	case 'n':
		c = '\n';
		s++;
		break;
	case 'r':
		c = '\r';
		s++;
		break;
	case 't':
		c = '\t';
		s++;
		break;
	case 'v':
		c = '\v';
		s++;
		break;
	case 'c':
		if (bflag) {
			*sp = s + 1;
			return (-1);
		}
		c = '\\';
		break;
	case '\0':
		c = '\\';
		break;
	default:
		if (*s >= '0' && *s <= '7') {
			if (bflag && *s == '0')
				s++;
			for (c = 0, n = 0; n < 3 && *s >= '0' && *s <= '7';
			    n++)
				c = c * 8 + (*s++ - '0');
			break;
		}
		c = '\\';	/* unknown: the backslash stays */
		break;
	}
	*sp = s;
	*cp = c & 0xff;
	return (0);
}

/* The next argument, or NULL. */
static const char *
nextarg(void)
{

	return (*args != NULL ? *args++ : NULL);
}

/* Report a bad number argument. */
static void
badnum(const char *s, const char *end)
{

	if (end == s)
		warnx("%s: invalid number", s);
	else
		warnx("%s: not completely converted", s);
	status = 1;
}

/* An integer argument: a number, or 'c / "c for a character's code. */
static intmax_t
intarg(int isunsigned)
{
	const char *s = nextarg();
	char *end;
	intmax_t v;

	if (s == NULL || *s == '\0')
		return (0);
	if (*s == '\'' || *s == '"')
		return ((unsigned char)s[1]);
	errno = 0;
	if (isunsigned && *s != '-')
		v = (intmax_t)strtoumax(s, &end, 0);
	else
		v = strtoimax(s, &end, 0);
	if (end == s || *end != '\0')
		badnum(s, end);
	else if (errno == ERANGE) {
		warnx("%s: %s", s, strerror(ERANGE));
		status = 1;
	}
	return (v);
}

static double
floatarg(void)
{
	const char *s = nextarg();
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return (0);
	if (*s == '\'' || *s == '"')
		return ((unsigned char)s[1]);
	v = strtod(s, &end);
	if (end == s || *end != '\0')
		badnum(s, end);
	return (v);
}

/* %b: the argument, its escapes expanded. */
static void
print_b(const char *spec, const char *s)
{
	char *buf;
	size_t n = 0;
	int c;

	if ((buf = malloc(strlen(s) + 1)) == NULL)
		err(1, NULL);
	while (*s != '\0') {
		if (*s != '\\') {
			buf[n++] = *s++;
			continue;
		}
		s++;
		if (escape(&s, &c, 1) == -1) {
			stop = 1;
			break;
		}
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	/* spec is "%...s": width and precision apply to the result. */
	printf(spec, buf);
	free(buf);
}

/*
 * Use the format once.  Returns 1 if it converted an argument (so that
 * using it again makes progress), 0 if not.
 */
static int
format(const char *fmt)
{
	char spec[64], *sp;
	const char *f, *s;
	intmax_t iv;
	int c, used = 0, conv;

	for (f = fmt; *f != '\0' && !stop;) {
		if (*f == '\\') {
			f++;
			escape(&f, &c, 0);
			putchar(c);
			continue;
		}
		if (*f != '%') {
			putchar(*f++);
			continue;
		}
		if (f[1] == '%') {
			putchar('%');
			f += 2;
			continue;
		}
		/* Build a printf(3) spec: flags, width, precision. */
		sp = spec;
		*sp++ = *f++;
		while (*f != '\0' && strchr("-+ #0", *f) != NULL &&
		    sp < spec + 16)
			*sp++ = *f++;
		if (*f == '*') {
			f++;
			used = 1;
			sp += snprintf(sp, 12, "%d", (int)intarg(0));
		} else
			while (isdigit((unsigned char)*f) && sp < spec + 32)
				*sp++ = *f++;
		if (*f == '.') {
			*sp++ = *f++;
			if (*f == '*') {
				f++;
				used = 1;
				sp += snprintf(sp, 12, "%d", (int)intarg(0));
			} else
				while (isdigit((unsigned char)*f) &&
				    sp < spec + 48)
					*sp++ = *f++;
		}
		conv = *f;
		if (conv == '\0') {
			warnx("%s: missing format character", fmt);
			status = 1;
			return (0);
		}
		f++;
		if (*args != NULL)
			used = 1;
		switch (conv) {
		case 'd':
		case 'i':
			strcpy(sp, "jd");
			iv = intarg(0);
			printf(spec, iv);
			break;
		case 'o':
		case 'u':
		case 'x':
		case 'X':
			sp[0] = 'j';
			sp[1] = (char)conv;
			sp[2] = '\0';
			iv = intarg(1);
			printf(spec, (uintmax_t)iv);
			break;
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
			sp[0] = (char)conv;
			sp[1] = '\0';
			printf(spec, floatarg());
			break;
		case 'c':
			strcpy(sp, "c");
			s = nextarg();
			printf(spec, s != NULL ? s[0] : '\0');
			break;
		case 's':
			strcpy(sp, "s");
			s = nextarg();
			printf(spec, s != NULL ? s : "");
			break;
		case 'b':
			strcpy(sp, "s");
			s = nextarg();
			print_b(spec, s != NULL ? s : "");
			break;
		default:
			warnx("%%%c: invalid directive", conv);
			status = 1;
			stop = 1;
			return (0);
		}
	}
	return (used);
}

int
main(int argc, char *argv[])
{
	const char *fmt;

	/* No options, but "--" may come first. */
	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argv++;
		argc--;
	}
	if (argc < 2)
		usage();
	fmt = argv[1];
	args = argv + 2;
	do {
		if (!format(fmt))
			break;
	} while (*args != NULL && !stop);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
	return (status);
}
