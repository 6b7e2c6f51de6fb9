/*
 * doscan.c: the scanf scanning engine (see doscan.h for its interface),
 * shared by scanf, fscanf, sscanf and their v* forms.
 *
 * A directive is white space (which skips any white space in the
 * input), an ordinary byte (which must come next) or a conversion:
 *
 *	%[*][width][length]conversion
 *
 *	*		read the item but assign it nowhere
 *	length		hh h l ll q j z t L
 *	conversion	d i u o x X p (integers), e f g E F G a A (floats),
 *			s c [set] n %
 *
 * All but c, [ and n skip white space first.  An item is the longest
 * run of input that starts a valid one, at most width bytes; its text
 * is then converted with strtoimax(), strtoumax() or strtod() (strtof,
 * strtold).  Since only one byte can be given back to the input, a
 * failed item may have used more: "0x" before something that is not a
 * hex digit reads as 0, "1e" as 1 (glibc does the same).
 *
 * Scanning stops at the first directive that does not match (a
 * matching failure: the count of assignments so far is returned) or
 * when the input ends before a directive could read anything (an input
 * failure: EOF if no conversion had been done yet).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doscan.h"

#define	ITEMMAX	128		/* longest numeric item */

enum length { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_BIGL };

struct scan {
	struct __scan_in *in;
	size_t		  nread;	/* bytes consumed, for %n */
	int		  eof;		/* the input has ended */
};

static int
sget(struct scan *sc)
{
	int c;

	if ((c = sc->in->get(sc->in->arg)) == EOF)
		sc->eof = 1;
	else
		sc->nread++;
	return (c);
}

static void
sunget(struct scan *sc, int c)
{

	if (c != EOF) {
		sc->in->unget(c, sc->in->arg);
		sc->nread--;
	}
}

static void
skip_space(struct scan *sc)
{
	int c;

	while ((c = sget(sc)) != EOF && isspace(c))
		continue;
	sunget(sc, c);
}

/* Is c a digit in base (8, 10 or 16)? */
static int
is_digit(int c, int base)
{

	if (base == 16)
		return (isxdigit(c));
	if (base == 8)
		return (c >= '0' && c <= '7');
	return (isdigit(c));
}

/*
 * Read an integer's text into buf (ITEMMAX bytes), at most max bytes:
 * sign, "0x" prefix when the base allows it, digits.  *basep is 0 for
 * C's rules and becomes the base found.  Returns the number of digits.
 */
static int
scan_integer(struct scan *sc, char *buf, int max, int *basep)
{
	int n, ndig, c, base;

	base = *basep;
	n = ndig = 0;
	c = sget(sc);
	if (n < max && (c == '+' || c == '-')) {
		buf[n++] = (char)c;
		c = sget(sc);
	}
	if ((base == 0 || base == 16) && n < max && c == '0') {
		buf[n++] = (char)c;
		ndig++;
		c = sget(sc);
		if (n < max && (c == 'x' || c == 'X')) {
			buf[n++] = (char)c;
			c = sget(sc);
			base = 16;
		} else if (base == 0)
			base = 8;
	}
	if (base == 0)
		base = 10;
	while (n < max && c != EOF && is_digit(c, base)) {
		buf[n++] = (char)c;
		ndig++;
		c = sget(sc);
	}
	sunget(sc, c);
	buf[n] = '\0';
	*basep = base;
	return (ndig);
}

/*
 * Match the rest of word (lower case) after its first byte, in either
 * case, appending it to buf.  Returns 1 if it all came.
 */
static int
scan_word(struct scan *sc, const char *word, char *buf, int *np, int max)
{
	int c;

	for (word++; *word != '\0'; word++) {
		if (*np >= max)
			return (0);
		c = sget(sc);
		if (c == EOF || tolower(c) != *word) {
			sunget(sc, c);
			return (0);
		}
		buf[(*np)++] = (char)c;
	}
	return (1);
}

/*
 * Read a floating-point number's text into buf, at most max bytes:
 * sign, then inf, infinity, nan, or decimal or hex digits with a point
 * and an exponent.  Returns 1 if it is a number.
 */
static int
scan_float(struct scan *sc, char *buf, int max)
{
	int n, c, ndig, hex, expch;

	n = 0;
	c = sget(sc);
	if (n < max && (c == '+' || c == '-')) {
		buf[n++] = (char)c;
		c = sget(sc);
	}
	if (n < max && (c == 'i' || c == 'I' || c == 'n' || c == 'N')) {
		int isinf = tolower(c) == 'i';

		buf[n++] = (char)c;
		if (!scan_word(sc, isinf ? "inf" : "nan", buf, &n, max))
			return (0);
		if (isinf && n < max) {
			c = sget(sc);
			if (tolower(c) == 'i') {
				buf[n++] = (char)c;
				if (!scan_word(sc, "inity", buf, &n, max))
					return (0);
			} else
				sunget(sc, c);
		}
		buf[n] = '\0';
		return (1);
	}

	ndig = hex = 0;
	if (n < max && c == '0') {
		buf[n++] = (char)c;
		ndig++;
		c = sget(sc);
		if (n < max && (c == 'x' || c == 'X')) {
			buf[n++] = (char)c;
			c = sget(sc);
			hex = 1;
		}
	}
	while (n < max && c != EOF && (hex ? isxdigit(c) : isdigit(c))) {
		buf[n++] = (char)c;
		ndig++;
		c = sget(sc);
	}
	if (n < max && c == '.') {
		buf[n++] = (char)c;
		c = sget(sc);
		while (n < max && c != EOF &&
		    (hex ? isxdigit(c) : isdigit(c))) {
			buf[n++] = (char)c;
			ndig++;
			c = sget(sc);
		}
	}
	expch = hex ? 'p' : 'e';
	if (ndig > 0 && n < max && tolower(c) == expch) {
		buf[n++] = (char)c;
		c = sget(sc);
		if (n < max && (c == '+' || c == '-')) {
			buf[n++] = (char)c;
			c = sget(sc);
		}
		while (n < max && c != EOF && isdigit(c)) {
			buf[n++] = (char)c;
			c = sget(sc);
		}
	}
	sunget(sc, c);
	buf[n] = '\0';
	return (ndig > 0);
}

/*
 * Store an integer item through the next argument, of its length.  The
 * unsigned conversions come here too: an integer pointer of either
 * signedness receives the same bits.
 */
static void
store_signed(va_list *app, enum length len, intmax_t v)
{

	switch (len) {
	case L_HH:
		*va_arg(*app, signed char *) = (signed char)v;
		break;
	case L_H:
		*va_arg(*app, short *) = (short)v;
		break;
	case L_L:
		*va_arg(*app, long *) = (long)v;
		break;
	case L_LL:
	case L_BIGL:
		*va_arg(*app, long long *) = (long long)v;
		break;
	case L_J:
		*va_arg(*app, intmax_t *) = v;
		break;
	case L_Z:
		*va_arg(*app, size_t *) = (size_t)v;
		break;
	case L_T:
		*va_arg(*app, ptrdiff_t *) = (ptrdiff_t)v;
		break;
	default:
		*va_arg(*app, int *) = (int)v;
		break;
	}
}


/*
 * Parse the set of a %[ conversion starting at f (after the '['),
 * filling in[256]; returns the format after the closing ']'.
 */
static const char *
parse_set(const char *f, char in[256])
{
	int neg, c, i;

	neg = *f == '^';
	if (neg)
		f++;
	memset(in, 0, 256);
	if (*f == ']')
		in[(unsigned char)*f++] = 1;
	while (*f != '\0' && *f != ']') {
		c = (unsigned char)*f++;
		if (*f == '-' && f[1] != '\0' && f[1] != ']') {
			for (i = c; i <= (unsigned char)f[1]; i++)
				in[i] = 1;
			f += 2;
		} else
			in[c] = 1;
	}
	if (*f == ']')
		f++;
	if (neg)
		for (i = 0; i < 256; i++)
			in[i] = !in[i];
	return (f);
}

/*
 * The engine: match the input against fmt, directive by directive,
 * storing each converted item through the next argument (see the
 * comment at the top and doscan.h).
 */
int
__doscan(struct __scan_in *in, const char *fmt, va_list ap0)
{
	struct scan sc;
	char item[ITEMMAX], set[256];
	const unsigned char *f;
	enum length len;
	va_list ap;
	char *dst;
	int nassigned, nconv, suppress, width, conv, c, n, base;

	sc.in = in;
	sc.nread = 0;
	sc.eof = 0;
	nassigned = nconv = 0;
	va_copy(ap, ap0);

	for (f = (const unsigned char *)fmt; *f != '\0'; f++) {
		if (isspace(*f)) {
			skip_space(&sc);
			continue;
		}
		if (*f != '%' || f[1] == '%') {
			if (*f == '%') {
				f++;
				skip_space(&sc);
			}
			if ((c = sget(&sc)) == EOF)
				goto input_failure;
			if (c != *f) {
				sunget(&sc, c);
				goto done;
			}
			continue;
		}

		f++;
		suppress = *f == '*';
		if (suppress)
			f++;
		for (width = 0; isdigit(*f); f++)
			width = width > 100000000 ? width : width * 10 +
			    (*f - '0');
		len = L_NONE;
		switch (*f) {
		case 'h':
			len = f[1] == 'h' ? L_HH : L_H;
			f += f[1] == 'h' ? 2 : 1;
			break;
		case 'l':
			len = f[1] == 'l' ? L_LL : L_L;
			f += f[1] == 'l' ? 2 : 1;
			break;
		case 'q':
			len = L_LL;
			f++;
			break;
		case 'j':
			len = L_J;
			f++;
			break;
		case 'z':
			len = L_Z;
			f++;
			break;
		case 't':
			len = L_T;
			f++;
			break;
		case 'L':
			len = L_BIGL;
			f++;
			break;
		}
		conv = *f;
		if (conv == '\0')
			goto done;
		if (conv != 'c' && conv != '[' && conv != 'n') {
			skip_space(&sc);
			if (sc.eof)
				goto input_failure;
		}

		switch (conv) {
		case 'n':
			if (!suppress)
				store_signed(&ap, len, (intmax_t)sc.nread);
			continue;

		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
		case 'p':
			base = conv == 'd' || conv == 'u' ? 10 :
			    conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
			n = width > 0 && width < ITEMMAX ? width : ITEMMAX - 1;
			if (scan_integer(&sc, item, n, &base) == 0) {
				if (sc.eof && item[0] == '\0')
					goto input_failure;
				goto done;
			}
			if (suppress)
				break;
			if (conv == 'p')
				*va_arg(ap, void **) = (void *)(uintptr_t)
				    strtoumax(item, NULL, base);
			else if (conv == 'd' || conv == 'i')
				store_signed(&ap, len,
				    strtoimax(item, NULL, base));
			else
				store_signed(&ap, len,
				    (intmax_t)strtoumax(item, NULL, base));
			nassigned++;
			break;

		case 'e':
		case 'f':
		case 'g':
		case 'E':
		case 'F':
		case 'G':
		case 'a':
		case 'A':
			n = width > 0 && width < ITEMMAX ? width : ITEMMAX - 1;
			if (!scan_float(&sc, item, n)) {
				if (sc.eof && item[0] == '\0')
					goto input_failure;
				goto done;
			}
			if (suppress)
				break;
			if (len == L_BIGL)
				*va_arg(ap, long double *) =
				    strtold(item, NULL);
			else if (len == L_L)
				*va_arg(ap, double *) = strtod(item, NULL);
			else
				*va_arg(ap, float *) = strtof(item, NULL);
			nassigned++;
			break;

		case 's':
			dst = suppress ? NULL : va_arg(ap, char *);
			for (n = 0; width == 0 || n < width; n++) {
				if ((c = sget(&sc)) == EOF || isspace(c)) {
					sunget(&sc, c);
					break;
				}
				if (dst != NULL)
					*dst++ = (char)c;
			}
			if (n == 0)
				goto input_failure;	/* only at EOF */
			if (dst != NULL) {
				*dst = '\0';
				nassigned++;
			}
			break;

		case 'c':
			dst = suppress ? NULL : va_arg(ap, char *);
			if (width == 0)
				width = 1;
			for (n = 0; n < width; n++) {
				if ((c = sget(&sc)) == EOF)
					break;
				if (dst != NULL)
					*dst++ = (char)c;
			}
			if (n == 0)
				goto input_failure;
			if (dst != NULL)
				nassigned++;
			break;

		case '[':
			f = (const unsigned char *)parse_set((const char *)f + 1,
			    set) - 1;
			dst = suppress ? NULL : va_arg(ap, char *);
			for (n = 0; width == 0 || n < width; n++) {
				if ((c = sget(&sc)) == EOF || !set[c]) {
					sunget(&sc, c);
					break;
				}
				if (dst != NULL)
					*dst++ = (char)c;
			}
			if (n == 0) {
				if (sc.eof)
					goto input_failure;
				goto done;
			}
			if (dst != NULL) {
				*dst = '\0';
				nassigned++;
			}
			break;

		default:
			goto done;
		}
		nconv++;
	}
	goto done;

input_failure:
	if (nconv == 0) {
		va_end(ap);
		return (EOF);
	}
done:
	va_end(ap);
	return (nassigned);
}
