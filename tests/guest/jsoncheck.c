/*
 * jsoncheck.c: is a text one valid JSON document (RFC 8259)?  For the
 * tests of vmobjdump -j, in the guest (t_vmobjdump.c) and on the host
 * (tests/host/vmobjdump_host.c), so it depends on nothing but <stdio.h>
 * and <string.h>.
 *
 * A recursive-descent recogniser: one value, surrounded by white space
 * only; objects with string keys, arrays, strings (escapes checked, no
 * raw control characters), numbers in JSON's grammar, true, false and
 * null.  Nesting is limited to JC_MAXDEPTH.  Bytes of 0x80 and above
 * are accepted inside strings as they are (UTF-8 is not checked).
 */
#include <stdio.h>
#include <string.h>

#include "jsoncheck.h"

#define	JC_MAXDEPTH	64

struct jc {
	const char	*s;		/* the text */
	size_t		pos;		/* where we are */
	char		*why;		/* what is wrong, for the caller */
	size_t		whylen;
};

static int	jc_value(struct jc *, int);

static int
jc_error(struct jc *j, const char *what)
{

	if (j->why != NULL && j->whylen > 0)
		snprintf(j->why, j->whylen, "offset %zu: %s", j->pos, what);
	return (-1);
}

static void
jc_space(struct jc *j)
{

	while (j->s[j->pos] == ' ' || j->s[j->pos] == '\t' ||
	    j->s[j->pos] == '\n' || j->s[j->pos] == '\r')
		j->pos++;
}

static int
jc_hex(char c)
{

	return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F'));
}

static int
jc_string(struct jc *j)
{
	unsigned char c;
	int i;

	if (j->s[j->pos] != '"')
		return (jc_error(j, "a string must start with '\"'"));
	j->pos++;
	for (;;) {
		c = (unsigned char)j->s[j->pos];
		if (c == '\0')
			return (jc_error(j, "string not closed"));
		if (c < 0x20)
			return (jc_error(j, "raw control character in a "
			    "string"));
		j->pos++;
		if (c == '"')
			return (0);
		if (c != '\\')
			continue;
		c = (unsigned char)j->s[j->pos++];
		if (c == 'u') {
			for (i = 0; i < 4; i++)
				if (!jc_hex(j->s[j->pos++]))
					return (jc_error(j, "bad \\u escape"));
		} else if (strchr("\"\\/bfnrt", c) == NULL || c == '\0')
			return (jc_error(j, "bad escape"));
	}
}

static int
jc_digits(struct jc *j)
{
	size_t start = j->pos;

	while (j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
		j->pos++;
	return (j->pos > start ? 0 : jc_error(j, "digit expected"));
}

static int
jc_number(struct jc *j)
{

	if (j->s[j->pos] == '-')
		j->pos++;
	if (j->s[j->pos] == '0')
		j->pos++;
	else if (jc_digits(j) == -1)
		return (-1);
	if (j->s[j->pos] == '.') {
		j->pos++;
		if (jc_digits(j) == -1)
			return (-1);
	}
	if (j->s[j->pos] == 'e' || j->s[j->pos] == 'E') {
		j->pos++;
		if (j->s[j->pos] == '+' || j->s[j->pos] == '-')
			j->pos++;
		if (jc_digits(j) == -1)
			return (-1);
	}
	return (0);
}

static int
jc_word(struct jc *j, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(j->s + j->pos, w, n) != 0)
		return (jc_error(j, "unknown literal"));
	j->pos += n;
	return (0);
}

/* An object or an array: its opening character is at j->pos. */
static int
jc_container(struct jc *j, int depth)
{
	char close = j->s[j->pos] == '{' ? '}' : ']';

	j->pos++;
	jc_space(j);
	if (j->s[j->pos] == close) {
		j->pos++;
		return (0);
	}
	for (;;) {
		jc_space(j);
		if (close == '}') {
			if (jc_string(j) == -1)
				return (-1);
			jc_space(j);
			if (j->s[j->pos] != ':')
				return (jc_error(j, "':' expected after a "
				    "key"));
			j->pos++;
		}
		if (jc_value(j, depth + 1) == -1)
			return (-1);
		jc_space(j);
		if (j->s[j->pos] == close) {
			j->pos++;
			return (0);
		}
		if (j->s[j->pos] != ',')
			return (jc_error(j, close == '}' ? "',' or '}' "
			    "expected" : "',' or ']' expected"));
		j->pos++;
	}
}

static int
jc_value(struct jc *j, int depth)
{
	char c;

	if (depth > JC_MAXDEPTH)
		return (jc_error(j, "nested too deeply"));
	jc_space(j);
	c = j->s[j->pos];
	if (c == '{' || c == '[')
		return (jc_container(j, depth));
	if (c == '"')
		return (jc_string(j));
	if (c == '-' || (c >= '0' && c <= '9'))
		return (jc_number(j));
	if (c == 't')
		return (jc_word(j, "true"));
	if (c == 'f')
		return (jc_word(j, "false"));
	if (c == 'n')
		return (jc_word(j, "null"));
	return (jc_error(j, c == '\0' ? "value expected, end of text" :
	    "value expected"));
}

int
json_check(const char *s, char *why, size_t whylen)
{
	struct jc j;

	j.s = s;
	j.pos = 0;
	j.why = why;
	j.whylen = whylen;
	if (jc_value(&j, 0) == -1)
		return (-1);
	jc_space(&j);
	if (s[j.pos] != '\0')
		return (jc_error(&j, "text after the value"));
	return (0);
}
