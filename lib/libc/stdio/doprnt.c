/*
 * doprnt.c: the printf formatting engine (see doprnt.h for its
 * interface), shared by printf, fprintf, sprintf, snprintf, dprintf,
 * asprintf and their v* forms.
 *
 * A directive is %[flags][width][.precision][length]conversion:
 *
 *	flags		- + space # 0 (and ', accepted and ignored)
 *	width		digits or *; a negative * width means '-'
 *	precision	digits or *; a negative * precision means none
 *	length		hh h l ll q j z t L
 *	conversion	d i u o x X c s p n %  and  f F e E g G a A
 *
 * Positional arguments (%1$d) are not supported.  %p prints like %#x
 * ("0x0" for NULL, as BSD).  %lc and %ls take wide characters and print
 * their low byte.  An unknown conversion is copied to the output.
 *
 * Floating point is converted exactly: the digits of a double are those
 * of its exact binary value, rounded once to the precision asked for,
 * ties to even; so the output is the same as glibc's for any precision.
 * A double is m * 2^e with a 53-bit integer m.  The integer part, up to
 * 309 digits, is converted with multi-word division by 10^9; the
 * fraction, f / 2^s with s up to 1074 bits, yields one digit per
 * multiplication by 10.  Long doubles are printed through double.
 *
 * Output goes through a small buffer, so that the callback sees a few
 * large pieces rather than many small ones.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "doprnt.h"

/* Flags. */
#define	F_MINUS		0x01	/* left-justify */
#define	F_PLUS		0x02	/* always a sign */
#define	F_SPACE		0x04	/* a space where the sign of a positive would be */
#define	F_ALT		0x08	/* alternate form (#) */
#define	F_ZERO		0x10	/* pad with zeros */

/* Length modifiers. */
enum length { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_BIGL };

struct spec {
	int		flags;
	int		width;		/* minimum field width */
	int		prec;		/* precision, or -1 for none */
	enum length	len;
	int		conv;		/* the conversion character */
};

#define	OUTBUF	128

struct out {
	__doprnt_out	 fn;
	void		*arg;
	size_t		 count;		/* bytes produced so far */
	int		 error;		/* fn failed: produce nothing more */
	size_t		 n;		/* bytes waiting in buf */
	char		 buf[OUTBUF];
};

static void
flush(struct out *o)
{

	if (o->n > 0 && !o->error && o->fn(o->arg, o->buf, o->n) != 0)
		o->error = 1;
	o->n = 0;
}

/*
 * Output n bytes: into the buffer, or straight to the callback when
 * they would not fit in it.  After a callback failure only count.
 */
static void
emit(struct out *o, const char *s, size_t n)
{

	o->count += n;
	if (o->error)
		return;
	if (n > OUTBUF - o->n) {
		flush(o);
		if (n >= OUTBUF) {
			if (!o->error && o->fn(o->arg, s, n) != 0)
				o->error = 1;
			return;
		}
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
}

/* n copies of c. */
static void
pad(struct out *o, char c, int n)
{
	char chunk[16];
	int k;

	if (n <= 0)
		return;
	memset(chunk, c, sizeof(chunk));
	for (; n > 0; n -= k) {
		k = n < (int)sizeof(chunk) ? n : (int)sizeof(chunk);
		emit(o, chunk, k);
	}
}

/*
 * A field of len bytes made of a prefix (sign, "0x"), zeros and a body
 * of len - plen - zeros bytes that the caller emits after this
 * returns: pad before it as the flags say.  Returns the spaces owed
 * after the body (for '-').
 */
static int
field_start(struct out *o, const struct spec *sp, const char *prefix,
    int plen, int zeros, int len, int zero_ok)
{
	int fill;

	fill = sp->width > len ? sp->width - len : 0;
	if (sp->flags & F_MINUS) {
		emit(o, prefix, plen);
		pad(o, '0', zeros);
		return (fill);
	}
	if ((sp->flags & F_ZERO) && zero_ok) {
		emit(o, prefix, plen);
		pad(o, '0', zeros + fill);
	} else {
		pad(o, ' ', fill);
		emit(o, prefix, plen);
		pad(o, '0', zeros);
	}
	return (0);
}

/* A field length, which cannot exceed INT_MAX in a printf that works. */
static int
clamp_len(int64_t len)
{

	return (len > INT_MAX ? INT_MAX : (int)len);
}

/* The sign of a signed conversion: "-", "+", " " or "". */
static const char *
sign_of(int neg, int flags)
{

	if (neg)
		return ("-");
	if (flags & F_PLUS)
		return ("+");
	if (flags & F_SPACE)
		return (" ");
	return ("");
}

/*
 * d i u o x X p: the magnitude u, negative if neg, in base 8, 10 or 16.
 */
static void
fmt_integer(struct out *o, const struct spec *sp, uintmax_t u, int neg,
    int base)
{
	char digits[24], prefix[3], *d, *end;
	const char *xdigits;
	int ndig, prec, zeros, plen, tail;
	uint32_t u32;

	xdigits = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	end = digits + sizeof(digits);
	d = end;
	if (base == 10) {
		for (; u > UINT32_MAX; u /= 10)
			*--d = (char)('0' + u % 10);
		for (u32 = (uint32_t)u; u32 != 0; u32 /= 10)
			*--d = (char)('0' + u32 % 10);
	} else {
		int shift = base == 16 ? 4 : 3;

		for (; u != 0; u >>= shift)
			*--d = xdigits[u & (base - 1)];
	}
	ndig = end - d;

	prec = sp->prec < 0 ? 1 : sp->prec;
	plen = 0;
	if (sp->conv == 'd' || sp->conv == 'i') {
		const char *s = sign_of(neg, sp->flags);

		while (*s != '\0')
			prefix[plen++] = *s++;
	} else if (sp->conv == 'p' ||
	    ((sp->flags & F_ALT) && base == 16 && ndig > 0)) {
		prefix[plen++] = '0';
		prefix[plen++] = sp->conv == 'X' ? 'X' : 'x';
	} else if ((sp->flags & F_ALT) && base == 8 && prec <= ndig &&
	    (ndig == 0 || *d != '0'))
		prec = ndig + 1;
	zeros = prec > ndig ? prec - ndig : 0;

	tail = field_start(o, sp, prefix, plen, zeros, plen + zeros + ndig,
	    sp->prec < 0);
	emit(o, d, ndig);
	pad(o, ' ', tail);
}

/* s, and c (a string of one byte): at most prec bytes of s. */
static void
fmt_string(struct out *o, const struct spec *sp, const char *s, size_t n)
{
	int tail;

	if (sp->prec >= 0 && n > (size_t)sp->prec)
		n = sp->prec;
	if (n > INT_MAX)
		n = INT_MAX;
	tail = field_start(o, sp, "", 0, 0, (int)n, 0);
	emit(o, s, n);
	pad(o, ' ', tail);
}

/* ls: a wide string, each character cut to its low byte. */
static void
fmt_wstring(struct out *o, const struct spec *sp, const wchar_t *ws)
{
	char chunk[32];
	size_t n, i, k;
	int tail;

	if (ws == NULL) {
		fmt_string(o, sp, "(null)", 6);
		return;
	}
	for (n = 0; ws[n] != 0 && (sp->prec < 0 || n < (size_t)sp->prec); n++)
		continue;
	tail = field_start(o, sp, "", 0, 0, clamp_len((int64_t)n), 0);
	for (i = 0; i < n; i += k) {
		for (k = 0; k < sizeof(chunk) && i + k < n; k++)
			chunk[k] = (char)ws[i + k];
		emit(o, chunk, k);
	}
	pad(o, ' ', tail);
}

/*
 * Exact decimal conversion of doubles.
 */
#define	FRACLIMBS	36	/* 32-bit words for 1074 + 4 bits */
#define	INTLIMBS	34	/* 32-bit words for 1024 bits */
#define	MAXSIGDIG	800	/* a double has at most 767 digits */
#define	MAXFRACDIG	1100	/* and at most 1074 after the point */

struct dconv {
	int		 ni;			/* digits of the integer part */
	char		 intd[320];		/* and those digits, as '0'..'9' */
	int		 s;			/* bits of the fraction */
	int		 nl;			/* words of frac in use */
	uint32_t	 frac[FRACLIMBS];	/* fraction: frac / 2^s */
};

/* The decimal digits of the integer n (words, least first). */
static int
big_to_decimal(uint32_t *n, int nw, char *out)
{
	char tmp[INTLIMBS * 10 + 9];
	uint64_t t;
	uint32_t rem;
	int i, k, len;

	len = 0;
	while (nw > 0) {
		rem = 0;
		for (i = nw - 1; i >= 0; i--) {
			t = ((uint64_t)rem << 32) | n[i];
			n[i] = (uint32_t)(t / 1000000000U);
			rem = (uint32_t)(t % 1000000000U);
		}
		while (nw > 0 && n[nw - 1] == 0)
			nw--;
		for (k = 0; k < 9 && (nw > 0 || rem != 0); k++) {
			tmp[len++] = (char)('0' + rem % 10);
			rem /= 10;
		}
	}
	for (i = 0; i < len; i++)
		out[i] = tmp[len - 1 - i];
	return (len);
}

/* Split the positive finite v into integer digits and binary fraction. */
static void
dconv_init(struct dconv *dc, double v)
{
	uint32_t ibig[INTLIMBS];
	uint64_t bits, m, ip;
	int e2, e, w;

	memcpy(&bits, &v, sizeof(bits));
	e = (int)((bits >> 52) & 0x7ff);
	m = bits & ((1ULL << 52) - 1);
	if (e == 0)
		e2 = -1074;
	else {
		m |= 1ULL << 52;
		e2 = e - 1075;
	}
	memset(dc->frac, 0, sizeof(dc->frac));
	if (e2 >= 0) {
		memset(ibig, 0, sizeof(ibig));
		w = e2 / 32;
		ibig[w] = (uint32_t)(m << (e2 % 32));
		ibig[w + 1] = (uint32_t)((m << (e2 % 32)) >> 32);
		if (e2 % 32 != 0)
			ibig[w + 2] = (uint32_t)(m >> (64 - e2 % 32));
		dc->ni = big_to_decimal(ibig, w + 3, dc->intd);
		dc->s = 0;
		dc->nl = 0;
		return;
	}
	dc->s = -e2;
	if (dc->s < 64) {
		ip = m >> dc->s;
		m &= (1ULL << dc->s) - 1;
	} else
		ip = 0;
	ibig[0] = (uint32_t)ip;
	ibig[1] = (uint32_t)(ip >> 32);
	dc->ni = big_to_decimal(ibig, 2, dc->intd);
	dc->frac[0] = (uint32_t)m;
	dc->frac[1] = (uint32_t)(m >> 32);
	dc->nl = (dc->s + 4) / 32 + 1;
}

static int
frac_is_zero(const struct dconv *dc)
{
	int i;

	for (i = 0; i < dc->nl; i++)
		if (dc->frac[i] != 0)
			return (0);
	return (1);
}

/* The next fraction digit: frac *= 10, take the bits above s. */
static int
frac_next(struct dconv *dc)
{
	uint64_t t;
	uint32_t carry, d;
	int i, w, b;

	carry = 0;
	for (i = 0; i < dc->nl; i++) {
		t = (uint64_t)dc->frac[i] * 10 + carry;
		dc->frac[i] = (uint32_t)t;
		carry = (uint32_t)(t >> 32);
	}
	w = dc->s / 32;
	b = dc->s % 32;
	d = dc->frac[w] >> b;
	if (b > 28 && w + 1 < dc->nl)
		d |= dc->frac[w + 1] << (32 - b);
	dc->frac[w] &= (b == 0) ? 0 : ((1U << b) - 1);
	for (i = w + 1; i < dc->nl; i++)
		dc->frac[i] = 0;
	return ((int)(d & 0xf));
}

/*
 * Compare the remaining fraction with one half: -1, 0 or 1.
 */
static int
frac_cmp_half(const struct dconv *dc)
{
	int w, b, i;

	if (dc->s == 0)
		return (-1);
	w = (dc->s - 1) / 32;
	b = (dc->s - 1) % 32;
	if (!(dc->frac[w] & (1U << b)))
		return (-1);
	if (dc->frac[w] & ((1U << b) - 1))
		return (1);
	for (i = 0; i < w; i++)
		if (dc->frac[i] != 0)
			return (1);
	return (0);
}

/*
 * Convert the positive finite v to decimal digits ('0'..'9') in out:
 * mode 'e' gives ndig significant digits, mode 'f' the digits down to
 * the ndig-th after the point; both rounded to nearest, ties to even.
 * Returns how many digits were stored (the rest are zeros: a value's
 * expansion ends), with *decptp set so that the value is
 * 0.DIGITS * 10^*decptp.  Returns 0 when the value rounds to zero.
 */
static int
dtoa_exact(double v, int mode, int ndig, char *out, int *decptp)
{
	struct dconv dc;
	int pos, nout, decpt, want, d, up, cmp, i, rest;

	/* Past these, the digits of any double are zeros. */
	if (ndig > MAXFRACDIG)
		ndig = MAXFRACDIG;
	dconv_init(&dc, v);
	want = mode == 'f' ? dc.ni + ndig : INT_MAX;
	pos = 0;
	nout = 0;
	decpt = dc.ni;
	for (;;) {
		if (mode == 'e' ? nout == ndig : pos >= want)
			break;
		if (pos < dc.ni)
			d = dc.intd[pos] - '0';
		else if (frac_is_zero(&dc))
			break;			/* the expansion ended */
		else
			d = frac_next(&dc);
		pos++;
		if (nout == 0 && d == 0) {
			decpt--;		/* a leading zero */
			continue;
		}
		if (nout < MAXSIGDIG)
			out[nout++] = (char)('0' + d);
	}

	/* Round by what follows: the rest of the integer, then the fraction. */
	if (pos < dc.ni) {
		d = dc.intd[pos] - '0';
		rest = !frac_is_zero(&dc);
		for (i = pos + 1; i < dc.ni && !rest; i++)
			rest = dc.intd[i] != '0';
		cmp = d > 5 || (d == 5 && rest) ? 1 : d == 5 ? 0 : -1;
	} else
		cmp = frac_cmp_half(&dc);
	up = cmp > 0 ||
	    (cmp == 0 && nout > 0 && ((out[nout - 1] - '0') & 1));
	if (up) {
		for (i = nout - 1; i >= 0 && out[i] == '9'; i--)
			out[i] = '0';
		if (i >= 0)
			out[i]++;
		else {
			out[0] = '1';
			nout = 1;
			decpt++;
		}
	}
	while (nout > 0 && out[nout - 1] == '0')
		nout--;
	*decptp = decpt;
	return (nout);
}

/* Emit digit positions [from, from + count) of digs; others are '0'. */
static void
emit_digits(struct out *o, const char *digs, int ndigs, int from, int count)
{
	int n;

	if (from < 0) {
		n = -from < count ? -from : count;
		pad(o, '0', n);
		from += n;
		count -= n;
	}
	if (count > 0 && from < ndigs) {
		n = ndigs - from < count ? ndigs - from : count;
		emit(o, digs + from, n);
		from += n;
		count -= n;
	}
	pad(o, '0', count);
}

/* inf and nan: no zeros, no point. */
static void
fmt_nonfinite(struct out *o, const struct spec *sp, int neg, int nan)
{
	const char *sign, *s;
	int upper, tail;

	upper = sp->conv == 'F' || sp->conv == 'E' || sp->conv == 'G' ||
	    sp->conv == 'A';
	s = nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
	sign = sign_of(neg, sp->flags);
	tail = field_start(o, sp, sign, strlen(sign), 0, strlen(sign) + 3, 0);
	emit(o, s, 3);
	pad(o, ' ', tail);
}

/* The decimal digits of an exponent, at least mindig of them. */
static int
exp_digits(int x, int mindig, char *buf)
{
	char tmp[8];
	int n, i;

	n = 0;
	do {
		tmp[n++] = (char)('0' + x % 10);
		x /= 10;
	} while (x != 0);
	while (n < mindig)
		tmp[n++] = '0';
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return (n);
}

/*
 * a A: hexadecimal floating point, as glibc prints it: "0x1.8p+1", the
 * leading digit 0 only for zero and subnormals, which have the exponent
 * -1022.  Without a precision, as many digits as the value needs.
 */
static void
fmt_hexfloat(struct out *o, const struct spec *sp, double v, int neg)
{
	char prefix[4], body[16], expbuf[8];
	const char *xdigits, *sign;
	uint64_t bits, mant, half, rem;
	int e, x, prec, ndig, i, tail, plen, blen, elen;
	unsigned lead;

	xdigits = sp->conv == 'A' ? "0123456789ABCDEF" : "0123456789abcdef";
	memcpy(&bits, &v, sizeof(bits));
	e = (int)((bits >> 52) & 0x7ff);
	mant = bits & ((1ULL << 52) - 1);
	lead = e != 0;
	x = e == 0 ? (mant == 0 ? 0 : -1022) : e - 1023;

	/* The fraction is 13 hex digits; round them to the precision. */
	prec = sp->prec;
	if (prec < 0) {
		for (prec = 13; prec > 0 &&
		    ((mant >> (4 * (13 - prec))) & 0xf) == 0; prec--)
			continue;
	} else if (prec < 13) {
		rem = mant & ((1ULL << (4 * (13 - prec))) - 1);
		half = 1ULL << (4 * (13 - prec) - 1);
		mant >>= 4 * (13 - prec);
		if (rem > half ||
		    (rem == half && ((prec > 0 ? mant : lead) & 1)))
			mant++;
		if (mant >> (4 * prec)) {
			mant &= (1ULL << (4 * prec)) - 1;
			lead++;
		}
		mant <<= 4 * (13 - prec);
	}
	ndig = prec < 13 ? prec : 13;

	sign = sign_of(neg, sp->flags);
	for (plen = 0; sign[plen] != '\0'; plen++)
		prefix[plen] = sign[plen];
	prefix[plen++] = '0';
	prefix[plen++] = sp->conv == 'A' ? 'X' : 'x';
	blen = 0;
	body[blen++] = xdigits[lead];
	if (prec > 0 || (sp->flags & F_ALT))
		body[blen++] = '.';
	for (i = 0; i < ndig; i++)
		body[blen++] = xdigits[(mant >> (4 * (12 - i))) & 0xf];
	expbuf[0] = sp->conv == 'A' ? 'P' : 'p';
	expbuf[1] = x < 0 ? '-' : '+';
	elen = 2 + exp_digits(x < 0 ? -x : x, 1, expbuf + 2);

	tail = field_start(o, sp, prefix, plen, 0,
	    clamp_len((int64_t)plen + blen + (prec - ndig) + elen), 1);
	emit(o, body, blen);
	pad(o, '0', prec - ndig);
	emit(o, expbuf, elen);
	pad(o, ' ', tail);
}

/* f F e E g G a A */
static void
fmt_float(struct out *o, const struct spec *sp, double v)
{
	char digs[MAXSIGDIG + 1], expbuf[8];
	const char *sign;
	uint64_t bits;
	int neg, conv, prec, nd, decpt, x, style, frac, last, intlen, point;
	int len, elen, tail;

	memcpy(&bits, &v, sizeof(bits));
	neg = (int)(bits >> 63);
	if (neg)
		v = -v;
	if (((bits >> 52) & 0x7ff) == 0x7ff) {
		fmt_nonfinite(o, sp, neg, (bits & ((1ULL << 52) - 1)) != 0);
		return;
	}
	conv = sp->conv | 0x20;		/* lower case */
	if (conv == 'a') {
		fmt_hexfloat(o, sp, v, neg);
		return;
	}

	prec = sp->prec < 0 ? 6 : sp->prec;
	nd = 0;
	decpt = 1;
	if (conv == 'f') {
		style = 'f';
		if (v != 0)
			nd = dtoa_exact(v, 'f', prec, digs, &decpt);
		frac = prec;
	} else {
		if (conv == 'g' && prec == 0)
			prec = 1;
		if (v != 0)
			nd = dtoa_exact(v, 'e', conv == 'g' ||
			    prec >= MAXFRACDIG ? prec : prec + 1, digs, &decpt);
		x = nd > 0 ? decpt - 1 : 0;
		if (conv == 'e') {
			style = 'e';
			frac = prec;
		} else if (x < prec && x >= -4) {
			style = 'f';
			frac = prec - 1 - x;
		} else {
			style = 'e';
			frac = prec - 1;
		}
		if (conv == 'g' && !(sp->flags & F_ALT)) {
			/* Drop trailing zeros: digs has none of its own. */
			last = style == 'f' ? nd - decpt : nd - 1;
			if (last < 0)
				last = 0;
			if (frac > last)
				frac = last;
		}
	}
	if (nd == 0)
		decpt = 1;

	point = frac > 0 || (sp->flags & F_ALT);
	sign = sign_of(neg, sp->flags);
	if (style == 'f') {
		intlen = decpt > 0 ? decpt : 1;
		len = clamp_len((int64_t)strlen(sign) + intlen + point + frac);
		elen = 0;
	} else {
		intlen = 1;
		x = nd > 0 ? decpt - 1 : 0;
		expbuf[0] = sp->conv == 'E' || sp->conv == 'G' ? 'E' : 'e';
		expbuf[1] = x < 0 ? '-' : '+';
		elen = 2 + exp_digits(x < 0 ? -x : x, 2, expbuf + 2);
		len = clamp_len((int64_t)strlen(sign) + 1 + point + frac +
		    elen);
	}

	tail = field_start(o, sp, sign, strlen(sign), 0, len, 1);
	if (style == 'f') {
		if (decpt > 0)
			emit_digits(o, digs, nd, 0, decpt);
		else
			emit(o, "0", 1);
		if (point)
			emit(o, ".", 1);
		emit_digits(o, digs, nd, decpt, frac);
	} else {
		emit_digits(o, digs, nd, 0, 1);
		if (point)
			emit(o, ".", 1);
		emit_digits(o, digs, nd, 1, frac);
		emit(o, expbuf, elen);
	}
	pad(o, ' ', tail);
}

/* Read a signed argument of the given length as an intmax_t. */
static intmax_t
arg_signed(va_list *app, enum length len)
{

	switch (len) {
	case L_HH:
		return ((signed char)va_arg(*app, int));
	case L_H:
		return ((short)va_arg(*app, int));
	case L_L:
		return (va_arg(*app, long));
	case L_LL:
		return (va_arg(*app, long long));
	case L_J:
		return (va_arg(*app, intmax_t));
	case L_Z:
		return (va_arg(*app, ptrdiff_t));	/* signed size_t */
	case L_T:
		return (va_arg(*app, ptrdiff_t));
	default:
		return (va_arg(*app, int));
	}
}

/* Read an unsigned argument of the given length as a uintmax_t. */
static uintmax_t
arg_unsigned(va_list *app, enum length len)
{

	switch (len) {
	case L_HH:
		return ((unsigned char)va_arg(*app, unsigned int));
	case L_H:
		return ((unsigned short)va_arg(*app, unsigned int));
	case L_L:
		return (va_arg(*app, unsigned long));
	case L_LL:
		return (va_arg(*app, unsigned long long));
	case L_J:
		return (va_arg(*app, uintmax_t));
	case L_Z:
		return (va_arg(*app, size_t));
	case L_T:
		return ((uintmax_t)va_arg(*app, ptrdiff_t));
	default:
		return (va_arg(*app, unsigned int));
	}
}

/* %n: store the count so far in the argument's type. */
static void
store_count(va_list *app, enum length len, size_t count)
{

	switch (len) {
	case L_HH:
		*va_arg(*app, signed char *) = (signed char)count;
		break;
	case L_H:
		*va_arg(*app, short *) = (short)count;
		break;
	case L_L:
		*va_arg(*app, long *) = (long)count;
		break;
	case L_LL:
		*va_arg(*app, long long *) = (long long)count;
		break;
	case L_J:
		*va_arg(*app, intmax_t *) = (intmax_t)count;
		break;
	case L_Z:
		*va_arg(*app, size_t *) = count;
		break;
	case L_T:
		*va_arg(*app, ptrdiff_t *) = (ptrdiff_t)count;
		break;
	default:
		*va_arg(*app, int *) = (int)count;
		break;
	}
}

/* Parse a decimal number in a directive, saturating at INT_MAX. */
static int
parse_num(const char **fp)
{
	const char *f;
	int n;

	n = 0;
	for (f = *fp; *f >= '0' && *f <= '9'; f++)
		n = n > (INT_MAX - 9) / 10 ? INT_MAX : n * 10 + (*f - '0');
	*fp = f;
	return (n);
}

/*
 * The engine: copy fmt to the output, formatting each directive with
 * the next arguments (see the comment at the top and doprnt.h).
 */
int
__doprnt(__doprnt_out fn, void *arg, const char *fmt, va_list ap0)
{
	struct out o;
	struct spec sp;
	const char *f, *start, *s;
	va_list ap;
	intmax_t sv;
	uintmax_t uv;
	char c;
	int n;

	o.fn = fn;
	o.arg = arg;
	o.count = 0;
	o.error = 0;
	o.n = 0;
	va_copy(ap, ap0);

	for (f = fmt;;) {
		for (start = f; *f != '\0' && *f != '%'; f++)
			continue;
		if (f > start)
			emit(&o, start, f - start);
		if (*f == '\0')
			break;
		start = f++;		/* the '%' */

		sp.flags = 0;
		for (;; f++) {
			if (*f == '-')
				sp.flags |= F_MINUS;
			else if (*f == '+')
				sp.flags |= F_PLUS;
			else if (*f == ' ')
				sp.flags |= F_SPACE;
			else if (*f == '#')
				sp.flags |= F_ALT;
			else if (*f == '0')
				sp.flags |= F_ZERO;
			else if (*f != '\'')
				break;
		}
		if (*f == '*') {
			f++;
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.flags |= F_MINUS;
				sp.width = sp.width == INT_MIN ? INT_MAX :
				    -sp.width;
			}
		} else
			sp.width = parse_num(&f);
		sp.prec = -1;
		if (*f == '.') {
			f++;
			if (*f == '*') {
				f++;
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
			} else
				sp.prec = parse_num(&f);
		}
		sp.len = L_NONE;
		switch (*f) {
		case 'h':
			sp.len = f[1] == 'h' ? L_HH : L_H;
			f += f[1] == 'h' ? 2 : 1;
			break;
		case 'l':
			sp.len = f[1] == 'l' ? L_LL : L_L;
			f += f[1] == 'l' ? 2 : 1;
			break;
		case 'q':
			sp.len = L_LL;
			f++;
			break;
		case 'j':
			sp.len = L_J;
			f++;
			break;
		case 'z':
			sp.len = L_Z;
			f++;
			break;
		case 't':
			sp.len = L_T;
			f++;
			break;
		case 'L':
			sp.len = L_BIGL;
			f++;
			break;
		}
		if (sp.flags & F_MINUS)
			sp.flags &= ~F_ZERO;
		if (sp.flags & F_PLUS)
			sp.flags &= ~F_SPACE;

		sp.conv = (unsigned char)*f;
		if (*f != '\0')
			f++;
		switch (sp.conv) {
		case 'd':
		case 'i':
			sv = arg_signed(&ap, sp.len);
			fmt_integer(&o, &sp, sv < 0 ? 0 - (uintmax_t)sv :
			    (uintmax_t)sv, sv < 0, 10);
			break;
		case 'u':
			fmt_integer(&o, &sp, arg_unsigned(&ap, sp.len), 0, 10);
			break;
		case 'o':
			fmt_integer(&o, &sp, arg_unsigned(&ap, sp.len), 0, 8);
			break;
		case 'x':
		case 'X':
			fmt_integer(&o, &sp, arg_unsigned(&ap, sp.len), 0, 16);
			break;
		case 'p':
			uv = (uintptr_t)va_arg(ap, void *);
			fmt_integer(&o, &sp, uv, 0, 16);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			fmt_string(&o, &sp, &c, 1);
			break;
		case 's':
			if (sp.len == L_L) {
				fmt_wstring(&o, &sp, va_arg(ap, wchar_t *));
				break;
			}
			s = va_arg(ap, const char *);
			if (s == NULL)
				s = "(null)";
			fmt_string(&o, &sp, s, sp.prec < 0 ? strlen(s) :
			    strnlen(s, sp.prec));
			break;
		case 'n':
			store_count(&ap, sp.len, o.count);
			break;
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			if (sp.len == L_BIGL)
				fmt_float(&o, &sp, (double)va_arg(ap,
				    long double));
			else
				fmt_float(&o, &sp, va_arg(ap, double));
			break;
		case '%':
			emit(&o, "%", 1);
			break;
		default:
			/* Unknown: copy the directive as it stands. */
			emit(&o, start, f - start);
			break;
		}
	}
	va_end(ap);

	flush(&o);
	if (o.error)
		return (-1);
	if (o.count > INT_MAX) {
		errno = EOVERFLOW;
		return (-1);
	}
	n = (int)o.count;
	return (n);
}
