/*
 * expand.c: word expansion for sh(1).
 *
 * A word's raw text goes through, left to right in one pass:
 *
 *	tilde expansion		~ and ~user at the start of the word
 *	parameter expansion	$NAME ${NAME} ${NAME:-word} ${#NAME} ...
 *	command substitution	$(list) and `list`
 *	arithmetic expansion	$((expression))
 *	quote removal		'...' "..." and backslashes
 *
 * and, for the words of a command (not for assignments, redirection
 * targets or case subjects), field splitting of the results of unquoted
 * expansions on the characters of $IFS, then pathname expansion (* ? [)
 * of each field that has unquoted pattern characters.
 *
 * The current field is built in two forms at once: its value, quotes
 * removed, and a pattern in which every quoted pattern character is
 * escaped by a backslash.  A field with unquoted pattern characters is
 * globbed with the pattern; if nothing matches, the value is used.
 */

#include <sys/stat.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

int	lastcmdsub;		/* status of the last command substitution */

struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

struct expctx {
	struct buf	 val;		/* the current field, quotes removed */
	struct buf	 pat;		/* the same as a pattern */
	int		 meta;		/* it has unquoted * ? [ */
	int		 nonempty;	/* emit it even if empty ("") */
	int		 split;		/* split fields and glob */
	struct strlist	*out;		/* finished fields */
	const char	*ifs;		/* $IFS */
	int		 err;		/* expansion failed */
};

#define	MODE_WORD	0	/* an ordinary word */
#define	MODE_HEREDOC	1	/* a here-document body: quotes literal */
#define	MODE_DQWORD	2	/* the word of "${x-word}": all quoted */

static void	expand_text(struct expctx *, const char *, int);
static char	*expand_pattern(const char *);
int		pmatch(const char *, const char *);

static void
buf_add(struct buf *b, int c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

static void
buf_adds(struct buf *b, const char *s)
{
	while (*s != '\0')
		buf_add(b, *s++);
}

/* Make b an empty string, allocated. */
static void
buf_init(struct buf *b)
{
	b->cap = 32;
	b->s = xmalloc(b->cap);
	b->s[0] = '\0';
	b->len = 0;
}

/* Return the string in b (never NULL), leaving b empty. */
static char *
buf_take(struct buf *b)
{
	char *s;

	s = b->s != NULL ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return (s);
}

void
sl_init(struct strlist *sl)
{
	sl->n = 0;
	sl->cap = 8;
	sl->v = xmalloc(sl->cap * sizeof(char *));
	sl->v[0] = NULL;
}

/* Append s, which the list now owns. */
void
sl_add(struct strlist *sl, char *s)
{
	if (sl->n + 2 > sl->cap) {
		sl->cap *= 2;
		sl->v = xrealloc(sl->v, sl->cap * sizeof(char *));
	}
	sl->v[sl->n++] = s;
	sl->v[sl->n] = NULL;
}

void
sl_free(struct strlist *sl)
{
	int i;

	for (i = 0; i < sl->n; i++)
		free(sl->v[i]);
	free(sl->v);
	sl->v = NULL;
	sl->n = 0;
}

/* Is s[0..len) a valid variable name? */
int
is_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return (0);
	for (i = 1; i < len; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return (0);
	return (1);
}

/* Append one character to the current field; quoted chars never glob. */
static void
addc(struct expctx *e, int c, int quoted)
{
	buf_add(&e->val, c);
	if (c == '*' || c == '?' || c == '[' || c == '\\') {
		if (quoted || c == '\\')
			buf_add(&e->pat, '\\');
		else
			e->meta = 1;
	}
	buf_add(&e->pat, c);
}

static int
strcmp_p(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/*
 * Glob: match the pattern components of pat (from component start on)
 * below the directory prefix dir, adding full names to out.
 */
static void
glob_rec(struct buf *dir, const char *pat, struct strlist *out)
{
	const char *slash, *p;
	struct dirent *d;
	struct stat st;
	struct buf comp;
	size_t dlen;
	DIR *dp;
	int meta;

	while (*pat == '/') {
		buf_add(dir, '/');
		pat++;
	}
	if (*pat == '\0') {
		sl_add(out, xstrdup(dir->s));
		return;
	}
	slash = strchr(pat, '/');
	if (slash == NULL)
		slash = pat + strlen(pat);
	memset(&comp, 0, sizeof(comp));
	meta = 0;
	for (p = pat; p < slash; p++) {
		if (*p == '\\' && p + 1 < slash) {
			buf_add(&comp, *p++);
		} else if (*p == '*' || *p == '?' || *p == '[')
			meta = 1;
		buf_add(&comp, *p);
	}
	if (comp.s == NULL)
		buf_add(&comp, '\0');
	dlen = dir->len;
	if (!meta) {
		/* A literal component: unescape it and go on. */
		for (p = comp.s; *p != '\0'; p++) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			buf_add(dir, *p);
		}
		if (*slash == '\0') {
			if (stat(dir->s, &st) == 0)
				sl_add(out, xstrdup(dir->s));
		} else
			glob_rec(dir, slash, out);
	} else if ((dp = opendir(dlen ? dir->s : ".")) != NULL) {
		while ((d = readdir(dp)) != NULL) {
			if (d->d_name[0] == '.' && comp.s[0] != '.')
				continue;
			if (!pmatch(comp.s, d->d_name))
				continue;
			dir->len = dlen;
			if (dir->s != NULL)
				dir->s[dlen] = '\0';
			buf_adds(dir, d->d_name);
			if (*slash == '\0')
				sl_add(out, xstrdup(dir->s));
			else
				glob_rec(dir, slash, out);
		}
		closedir(dp);
	}
	dir->len = dlen;
	if (dir->s != NULL)
		dir->s[dlen] = '\0';
	free(comp.s);
}

/*
 * Finish the current field: add it to the output (globbed if it has
 * unquoted pattern characters) unless it is empty and unquoted.
 */
static void
endfield(struct expctx *e, int force)
{
	struct strlist g;
	struct buf dir;
	int i;

	if (e->val.len == 0 && !e->nonempty && !force)
		goto reset;
	if (e->split && e->meta) {
		sl_init(&g);
		buf_init(&dir);
		glob_rec(&dir, e->pat.s, &g);
		free(dir.s);
		if (g.n > 0) {
			qsort(g.v, g.n, sizeof(char *), strcmp_p);
			for (i = 0; i < g.n; i++)
				sl_add(e->out, g.v[i]);
			free(g.v);
			goto reset;
		}
		sl_free(&g);
	}
	sl_add(e->out, buf_take(&e->val));
reset:
	free(e->val.s);
	free(e->pat.s);
	memset(&e->val, 0, sizeof(e->val));
	memset(&e->pat, 0, sizeof(e->pat));
	e->meta = 0;
	e->nonempty = 0;
}

/* Is c an IFS white-space character? */
static int
ifs_white(int c)
{
	return (c == ' ' || c == '\t' || c == '\n');
}

/*
 * Add the value of an expansion to the current field.  Quoted values
 * (and any value when not splitting) go in whole; an unquoted value is
 * split on $IFS.
 */
static void
addvalue(struct expctx *e, const char *s, int quoted)
{
	if (quoted || !e->split) {
		while (*s != '\0')
			addc(e, *s++, quoted);
		return;
	}
	for (; *s != '\0'; s++) {
		if (strchr(e->ifs, *s) != NULL) {
			if (ifs_white(*s))
				endfield(e, 0);
			else
				endfield(e, 1);
		} else
			addc(e, *s, 0);
	}
}

/*
 * Find the character that closes the bracket at s[-1] (open/close are
 * '(' ')' or '{' '}'), skipping quoted text.  Returns a pointer to it,
 * or to the terminating NUL.
 */
static const char *
find_close(const char *s, int open, int close)
{
	int depth;

	depth = 1;
	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == '\'') {
			while (*++s != '\0' && *s != '\'')
				;
			if (*s == '\0')
				break;
		} else if (*s == '"') {
			while (*++s != '\0' && *s != '"')
				if (*s == '\\' && s[1] != '\0')
					s++;
			if (*s == '\0')
				break;
		} else if (*s == '`') {
			while (*++s != '\0' && *s != '`')
				if (*s == '\\' && s[1] != '\0')
					s++;
			if (*s == '\0')
				break;
		} else if (*s == open)
			depth++;
		else if (*s == close && --depth == 0)
			break;
	}
	return (s);
}

/*
 * Run cmd in a subshell and return its output, trailing newlines
 * removed.  Its status goes to lastcmdsub.
 */
static char *
cmdsubst(const char *cmd)
{
	struct buf b;
	char chunk[512];
	ssize_t n, i;
	pid_t pid;
	int pfd[2];

	memset(&b, 0, sizeof(b));
	if (pipe(pfd) < 0) {
		sh_error("pipe: %s", strerror(errno));
		lastcmdsub = 2;
		return (xstrdup(""));
	}
	pid = fork_child(0);
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		lastcmdsub = 2;
		return (xstrdup(""));
	}
	if (pid == 0) {
		close(pfd[0]);
		if (pfd[1] != 1) {
			dup2(pfd[1], 1);
			close(pfd[1]);
		}
		sh_exit(run_string(cmd, EV_EXIT));
	}
	close(pfd[1]);
	for (;;) {
		n = read(pfd[0], chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (i = 0; i < n; i++)
			buf_add(&b, chunk[i]);
	}
	close(pfd[0]);
	lastcmdsub = wait_fg(pid);
	while (b.len > 0 && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	return (buf_take(&b));
}

/*
 * Arithmetic: a small recursive-descent evaluator over long integers.
 * Names stand for the values of variables (unset or empty: 0).
 */
struct arith {
	const char	*p;
	int		 err;
};

static long	arith_binary(struct arith *, int);
static long	arith_expr(struct arith *);

static void
arith_skip(struct arith *a)
{
	while (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')
		a->p++;
}

/*
 * A number, a variable name, a parenthesised expression, or a unary
 * operator (- + ! ~) applied to a primary.
 */
static long
arith_primary(struct arith *a)
{
	const char *start, *v;
	char name[64];
	char *end;
	long n;

	arith_skip(a);
	switch (*a->p) {
	case '(':
		a->p++;
		n = arith_expr(a);
		arith_skip(a);
		if (*a->p != ')')
			a->err = 1;
		else
			a->p++;
		return (n);
	case '-':
		a->p++;
		return (-arith_primary(a));
	case '+':
		a->p++;
		return (arith_primary(a));
	case '!':
		a->p++;
		return (!arith_primary(a));
	case '~':
		a->p++;
		return (~arith_primary(a));
	}
	if (isdigit((unsigned char)*a->p)) {
		n = strtol(a->p, &end, 0);
		a->p = end;
		return (n);
	}
	start = a->p;
	while (isalnum((unsigned char)*a->p) || *a->p == '_')
		a->p++;
	if (a->p == start || a->p - start >= (long)sizeof(name) ||
	    !is_name(start, a->p - start)) {
		a->err = 1;
		return (0);
	}
	memcpy(name, start, a->p - start);
	name[a->p - start] = '\0';
	v = var_get(name);
	if (v == NULL || *v == '\0')
		return (0);
	n = strtol(v, &end, 0);
	if (*end != '\0')
		a->err = 1;
	return (n);
}

/* Binary operators by precedence, lowest first. */
static const struct {
	const char	*op;
	int		 prec;
} arith_ops[] = {
	{ "||", 1 }, { "&&", 2 }, { "==", 6 }, { "!=", 6 }, { "<=", 7 },
	{ ">=", 7 }, { "<<", 8 }, { ">>", 8 }, { "|", 3 }, { "^", 4 },
	{ "&", 5 }, { "<", 7 }, { ">", 7 }, { "+", 9 }, { "-", 9 },
	{ "*", 10 }, { "/", 10 }, { "%", 10 },
};

/* Parse operands joined by operators of precedence above minprec. */
static long
arith_binary(struct arith *a, int minprec)
{
	long l, r;
	size_t i, len;
	const char *op;
	int prec;

	l = arith_primary(a);
	for (;;) {
		arith_skip(a);
		op = NULL;
		prec = 0;
		for (i = 0; i < sizeof(arith_ops) / sizeof(arith_ops[0]); i++) {
			len = strlen(arith_ops[i].op);
			if (strncmp(a->p, arith_ops[i].op, len) == 0) {
				op = arith_ops[i].op;
				prec = arith_ops[i].prec;
				break;
			}
		}
		if (op == NULL || prec <= minprec || a->err)
			return (l);
		a->p += strlen(op);
		r = arith_binary(a, prec);
		if ((op[0] == '/' || op[0] == '%') && r == 0) {
			sh_error("division by zero");
			a->err = 2;
			return (0);
		}
		switch (prec) {
		case 1: l = l || r; break;
		case 2: l = l && r; break;
		case 3: l |= r; break;
		case 4: l ^= r; break;
		case 5: l &= r; break;
		case 6: l = op[0] == '=' ? l == r : l != r; break;
		case 7:
			if (op[0] == '<')
				l = op[1] == '=' ? l <= r : l < r;
			else
				l = op[1] == '=' ? l >= r : l > r;
			break;
		case 8: l = op[0] == '<' ? l << r : l >> r; break;
		case 9: l = op[0] == '+' ? l + r : l - r; break;
		default:
			if (op[0] == '*')
				l *= r;
			else if (op[0] == '/')
				l /= r;
			else
				l %= r;
			break;
		}
	}
}

/*
 * A whole expression: assignments (NAME = e, NAME op= e), then the
 * conditional operator (c ? e1 : e2), then binary operators.
 */
static long
arith_expr(struct arith *a)
{
	static const char ops[] = "+-*/%&|^";
	struct arith old;
	const char *start, *q;
	char name[64], num[32];
	long v, r, f;
	int op;

	arith_skip(a);
	start = a->p;
	for (q = start; isalnum((unsigned char)*q) || *q == '_'; q++)
		;
	if (q > start && is_name(start, q - start) &&
	    (size_t)(q - start) < sizeof(name)) {
		const char *p = q;

		while (*p == ' ' || *p == '\t')
			p++;
		op = 0;
		if (*p != '\0' && strchr(ops, *p) != NULL && p[1] == '=')
			op = *p++;
		if (*p == '=' && p[1] != '=') {
			memcpy(name, start, q - start);
			name[q - start] = '\0';
			a->p = p + 1;
			r = arith_expr(a);
			if (op != 0) {
				old.p = start;
				old.err = 0;
				v = arith_primary(&old);
				if ((op == '/' || op == '%') && r == 0) {
					sh_error("division by zero");
					a->err = 2;
					return (0);
				}
				switch (op) {
				case '+': r = v + r; break;
				case '-': r = v - r; break;
				case '*': r = v * r; break;
				case '/': r = v / r; break;
				case '%': r = v % r; break;
				case '&': r = v & r; break;
				case '|': r = v | r; break;
				default: r = v ^ r; break;
				}
			}
			if (!a->err) {
				snprintf(num, sizeof(num), "%ld", r);
				var_set(name, num, 0);
			}
			return (r);
		}
	}
	v = arith_binary(a, 0);
	arith_skip(a);
	if (*a->p == '?') {
		a->p++;
		r = arith_expr(a);
		arith_skip(a);
		if (*a->p != ':') {
			a->err = 1;
			return (0);
		}
		a->p++;
		f = arith_expr(a);
		v = v ? r : f;
	}
	return (v);
}

/* Evaluate the text of $((...)) after expanding parameters in it. */
static long
arith_eval(const char *text, int *errp)
{
	struct arith a;
	char *s;
	long n;

	s = expand_string(text, NULL);
	a.p = s;
	a.err = 0;
	n = arith_expr(&a);
	arith_skip(&a);
	if (*a.p != '\0' || a.err) {
		if (a.err != 2)
			sh_error("arithmetic expression: syntax error: '%s'",
			    s);
		*errp = 1;
		n = 0;
	}
	free(s);
	return (n);
}

/*
 * The value of a special or positional parameter named by c (one of
 * ? $ ! # - 0..9) or by the digits in name; NULL if unset.
 */
static const char *
special_param(const char *name)
{
	static char num[32];
	int i;

	switch (name[0]) {
	case '?':
		snprintf(num, sizeof(num), "%d", exitstatus);
		return (num);
	case '$':
		snprintf(num, sizeof(num), "%d", (int)rootpid);
		return (num);
	case '!':
		if (lastbgpid == 0)
			return (NULL);
		snprintf(num, sizeof(num), "%d", (int)lastbgpid);
		return (num);
	case '#':
		snprintf(num, sizeof(num), "%d", nparams);
		return (num);
	case '-':
		snprintf(num, sizeof(num), "%s%s%s", eflag ? "e" : "",
		    interactive ? "i" : "", xflag ? "x" : "");
		return (num);
	}
	i = atoi(name);
	if (i == 0)
		return (arg0);
	return (i <= nparams ? params[i - 1] : NULL);
}

/* Look up a parameter by name: a variable, special or positional. */
static const char *
lookup(const char *name)
{
	if (isdigit((unsigned char)name[0]) || strchr("?$!#-", name[0]))
		return (special_param(name));
	return (var_get(name));
}

/* Expand $@ or $* (which is '@' or '*'). */
static void
expand_params(struct expctx *e, int which, int dq, int *dqat)
{
	struct buf join;
	int i, sep;

	if (which == '@' && dq && e->split) {
		*dqat = 1;
		for (i = 0; i < nparams; i++) {
			if (i > 0)
				endfield(e, 1);
			addvalue(e, params[i], 1);
			e->nonempty = 1;
		}
		return;
	}
	if (!dq && e->split) {
		for (i = 0; i < nparams; i++) {
			if (i > 0)
				endfield(e, 0);
			addvalue(e, params[i], 0);
		}
		return;
	}
	sep = e->ifs[0];
	if (var_get("IFS") == NULL)
		sep = ' ';
	buf_init(&join);
	for (i = 0; i < nparams; i++) {
		if (i > 0 && sep != '\0')
			buf_add(&join, sep);
		buf_adds(&join, params[i]);
	}
	addvalue(e, join.s, dq);
	free(join.s);
}

/*
 * Remove the shortest or longest prefix (op '#') or suffix (op '%')
 * of val matching pattern pat.  Returns a new string.
 */
static char *
trim(const char *val, const char *pat, int op, int longest)
{
	size_t len, i, k;
	char *s;

	len = strlen(val);
	s = xstrdup(val);
	for (k = 0; k <= len; k++) {
		i = longest ? len - k : k;
		if (op == '#') {
			char c = s[i];

			s[i] = '\0';
			if (pmatch(pat, s)) {
				s[i] = c;
				memmove(s, s + i, len - i + 1);
				return (s);
			}
			s[i] = c;
		} else {
			i = len - i;
			if (pmatch(pat, val + i)) {
				s[i] = '\0';
				return (s);
			}
		}
	}
	return (s);
}

/*
 * Expand the inside of ${...} (text, len bytes).
 */
static void
expand_brace(struct expctx *e, const char *text, size_t len, int dq,
    int *dqat)
{
	char name[64], *inner, *word, *v, *pat, *t;
	const char *val, *p;
	int colon, op, set, longest;
	size_t n;

	inner = xmalloc(len + 1);
	memcpy(inner, text, len);
	inner[len] = '\0';
	p = inner;
	if (p[0] == '#' && p[1] != '\0') {
		/* ${#NAME}: the length of the value. */
		val = lookup(p + 1);
		snprintf(name, sizeof(name), "%zu", val ? strlen(val) : 0);
		addvalue(e, name, dq);
		free(inner);
		return;
	}
	if (isdigit((unsigned char)*p)) {
		while (isdigit((unsigned char)*p))
			p++;
	} else if (*p != '\0' && strchr("?$!#-@*", *p) != NULL)
		p++;
	else
		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
	n = p - inner;
	if (n == 0 || n >= sizeof(name)) {
		sh_error("${%s}: bad substitution", inner);
		e->err = 1;
		free(inner);
		return;
	}
	memcpy(name, inner, n);
	name[n] = '\0';
	colon = 0;
	if (*p == ':') {
		colon = 1;
		p++;
	}
	op = *p;
	if (op != '\0')
		p++;
	if (op == '\0' && !colon) {
		if (name[0] == '@' || name[0] == '*')
			expand_params(e, name[0], dq, dqat);
		else if ((val = lookup(name)) != NULL)
			addvalue(e, val, dq);
		free(inner);
		return;
	}
	if (strchr("-=+?%#", op) == NULL || op == '\0' ||
	    (colon && (op == '%' || op == '#'))) {
		sh_error("${%s}: bad substitution", inner);
		e->err = 1;
		free(inner);
		return;
	}
	val = name[0] == '@' || name[0] == '*' ?
	    (nparams > 0 ? params[0] : NULL) : lookup(name);
	set = val != NULL && !(colon && *val == '\0');
	switch (op) {
	case '-':
		if (set)
			addvalue(e, val, dq);
		else
			expand_text(e, p, dq ? MODE_DQWORD : MODE_WORD);
		break;
	case '=':
		if (set)
			addvalue(e, val, dq);
		else if (!is_name(name, strlen(name))) {
			sh_error("${%s}: cannot assign in this way", name);
			e->err = 1;
		} else {
			word = expand_string(p, &e->err);
			var_set(name, word, 0);
			addvalue(e, word, dq);
			free(word);
		}
		break;
	case '+':
		if (set)
			expand_text(e, p, dq ? MODE_DQWORD : MODE_WORD);
		break;
	case '?':
		if (set)
			addvalue(e, val, dq);
		else {
			word = expand_string(p, &e->err);
			sh_error("%s: %s", name, *word ? word :
			    "parameter not set");
			free(word);
			if (!interactive)
				sh_exit(2);
			e->err = 1;
		}
		break;
	case '%':
	case '#':
		longest = *p == op;
		if (longest)
			p++;
		pat = expand_pattern(p);
		v = xstrdup(val != NULL ? val : "");
		t = trim(v, pat, op, longest);
		addvalue(e, t, dq);
		free(t);
		free(v);
		free(pat);
		break;
	}
	free(inner);
}

/*
 * Expand the $-expansion at p (which points at the '$').  Returns a
 * pointer past it.
 */
static const char *
expand_dollar(struct expctx *e, const char *p, int dq, int *dqat)
{
	const char *q, *end, *val;
	char name[64], *s, num[32];
	size_t n;
	int err;

	q = p + 1;
	if (*q == '{') {
		end = find_close(q + 1, '{', '}');
		expand_brace(e, q + 1, end - (q + 1), dq, dqat);
		return (*end ? end + 1 : end);
	}
	if (*q == '(') {
		if (q[1] == '(') {
			end = find_close(q + 1, '(', ')');
			/* end is the second ')' of "))". */
			n = end - (q + 2);
			if (n > 0)
				n--;
			s = xmalloc(n + 1);
			memcpy(s, q + 2, n);
			s[n] = '\0';
			err = 0;
			snprintf(num, sizeof(num), "%ld", arith_eval(s, &err));
			if (err)
				e->err = 1;
			free(s);
			addvalue(e, num, dq);
			return (*end ? end + 1 : end);
		}
		end = find_close(q + 1, '(', ')');
		n = end - (q + 1);
		s = xmalloc(n + 1);
		memcpy(s, q + 1, n);
		s[n] = '\0';
		val = cmdsubst(s);
		free(s);
		addvalue(e, val, dq);
		free((char *)val);
		return (*end ? end + 1 : end);
	}
	if (*q == '@' || *q == '*') {
		expand_params(e, *q, dq, dqat);
		return (q + 1);
	}
	if (*q != '\0' && strchr("?$!#-", *q) != NULL) {
		name[0] = *q;
		name[1] = '\0';
	} else if (isdigit((unsigned char)*q)) {
		name[0] = *q;
		name[1] = '\0';
	} else if (isalpha((unsigned char)*q) || *q == '_') {
		for (n = 0; (isalnum((unsigned char)q[n]) || q[n] == '_') &&
		    n < sizeof(name) - 1; n++)
			name[n] = q[n];
		name[n] = '\0';
		val = var_get(name);
		if (val != NULL)
			addvalue(e, val, dq);
		return (q + n);
	} else {
		addc(e, '$', dq);
		return (q);
	}
	val = lookup(name);
	if (val != NULL)
		addvalue(e, val, dq);
	return (q + 1);
}

/* Expand the backquoted command substitution at p.  Returns past it. */
static const char *
expand_backquote(struct expctx *e, const char *p, int dq)
{
	struct buf cmd;
	char *out;

	buf_init(&cmd);
	for (p++; *p != '\0' && *p != '`'; p++) {
		if (*p == '\\' && (p[1] == '`' || p[1] == '\\' ||
		    p[1] == '$' || (dq && p[1] == '"')))
			p++;
		buf_add(&cmd, *p);
	}
	out = cmdsubst(cmd.s);
	free(cmd.s);
	addvalue(e, out, dq);
	free(out);
	return (*p ? p + 1 : p);
}

/* Expand ~ or ~user at the start of a word.  Returns past it. */
static const char *
expand_tilde(struct expctx *e, const char *p)
{
	const char *end, *home;
	struct passwd *pw;
	char user[64];
	size_t n;

	end = p + 1;
	while (*end != '\0' && *end != '/' &&
	    (isalnum((unsigned char)*end) || *end == '_' || *end == '-' ||
	    *end == '.'))
		end++;
	if (*end != '\0' && *end != '/') {
		addc(e, '~', 0);
		return (p + 1);
	}
	n = end - (p + 1);
	if (n == 0)
		home = var_get("HOME");
	else if (n < sizeof(user)) {
		memcpy(user, p + 1, n);
		user[n] = '\0';
		pw = getpwnam(user);
		home = pw != NULL ? pw->pw_dir : NULL;
	} else
		home = NULL;
	if (home == NULL) {
		addc(e, '~', 0);
		return (p + 1);
	}
	addvalue(e, home, 1);
	return (end);
}

/*
 * The expansion engine: expand the raw text s into the fields of e.
 */
static void
expand_text(struct expctx *e, const char *s, int mode)
{
	const char *p;
	int dq, dqat;

	dq = mode != MODE_WORD;
	dqat = 0;
	for (p = s; *p != '\0' && !e->err;) {
		switch (*p) {
		case '\'':
			if (dq)
				goto literal;
			for (p++; *p != '\0' && *p != '\''; p++)
				addc(e, *p, 1);
			if (*p != '\0')
				p++;
			e->nonempty = 1;
			break;
		case '"':
			if (mode == MODE_HEREDOC)
				goto literal;
			if (mode == MODE_DQWORD) {
				p++;
				break;
			}
			if (!dq) {
				dq = 1;
				dqat = 0;
			} else {
				dq = 0;
				if (!dqat)
					e->nonempty = 1;
			}
			p++;
			break;
		case '\\':
			if (p[1] == '\0') {
				addc(e, '\\', 1);
				p++;
			} else if (!dq || strchr("$`\"\\\n", p[1]) != NULL) {
				if (mode == MODE_HEREDOC && p[1] == '"')
					addc(e, '\\', 1);
				if (p[1] != '\n')
					addc(e, p[1], 1);
				p += 2;
			} else {
				addc(e, '\\', 1);
				p++;
			}
			break;
		case '$':
			p = expand_dollar(e, p, dq, &dqat);
			break;
		case '`':
			p = expand_backquote(e, p, dq);
			break;
		case '~':
			if (p == s && !dq && e->split) {
				p = expand_tilde(e, p);
				break;
			}
			goto literal;
		default:
		literal:
			addc(e, *p, dq);
			p++;
			break;
		}
	}
}

/* Start an expansion into out; split: field splitting and globbing. */
static void
ctx_init(struct expctx *e, struct strlist *out, int split)
{
	memset(e, 0, sizeof(*e));
	e->out = out;
	e->split = split;
	e->ifs = var_get("IFS");
	if (e->ifs == NULL)
		e->ifs = " \t\n";
}

/*
 * Expand a list of words into fields (splitting and globbing), adding
 * them to out.  Returns 0, or -1 if an expansion failed (reported).
 */
int
expand_words(struct word *w, struct strlist *out)
{
	struct expctx e;
	const char *t;

	for (; w != NULL; w = w->next) {
		t = w->text;
		if (w->plain && strpbrk(t, "*?[~") == NULL) {
			sl_add(out, xstrdup(t));
			continue;
		}
		ctx_init(&e, out, 1);
		expand_text(&e, t, MODE_WORD);
		if (e.err) {
			free(e.val.s);
			free(e.pat.s);
			return (-1);
		}
		endfield(&e, 0);
	}
	return (0);
}

/*
 * Expand text into a single string, without splitting or globbing
 * (assignments, redirection targets, case subjects).  Sets *errp (if
 * not NULL) on failure.  The result is malloc'ed.
 */
char *
expand_string(const char *text, int *errp)
{
	struct strlist out;
	struct expctx e;
	char *s;

	sl_init(&out);
	ctx_init(&e, &out, 0);
	expand_text(&e, text, MODE_WORD);
	if (e.err && errp != NULL)
		*errp = 1;
	s = buf_take(&e.val);
	free(e.pat.s);
	sl_free(&out);
	return (s);
}

/* Expand the body of a here-document whose delimiter was unquoted. */
char *
expand_heredoc(const char *text, int *errp)
{
	struct strlist out;
	struct expctx e;
	char *s;

	sl_init(&out);
	ctx_init(&e, &out, 0);
	expand_text(&e, text, MODE_HEREDOC);
	if (e.err && errp != NULL)
		*errp = 1;
	s = buf_take(&e.val);
	free(e.pat.s);
	sl_free(&out);
	return (s);
}

/* Expand text into a pattern: quoted pattern characters escaped. */
static char *
expand_pattern(const char *text)
{
	struct strlist out;
	struct expctx e;
	char *s;

	sl_init(&out);
	ctx_init(&e, &out, 0);
	expand_text(&e, text, MODE_WORD);
	s = buf_take(&e.pat);
	free(e.val.s);
	sl_free(&out);
	return (s);
}

/* Does the case pattern word text match the string s? */
int
case_match(const char *text, const char *s)
{
	char *pat;
	int r;

	pat = expand_pattern(text);
	r = pmatch(pat, s);
	free(pat);
	return (r);
}

/*
 * Match one bracket expression at *pp (pointing at '[') against c.
 * Returns 1 or 0 and advances *pp past it, or -1 if it is not a
 * complete bracket expression (then '[' is an ordinary character).
 */
static int
pmatch_bracket(const char **pp, int c)
{
	const char *p;
	int neg, found, lo, hi, first;

	p = *pp + 1;
	neg = 0;
	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	found = 0;
	first = 1;
	while (*p != '\0' && (*p != ']' || first)) {
		first = 0;
		if (*p == '\\' && p[1] != '\0')
			p++;
		lo = (unsigned char)*p++;
		if (*p == '-' && p[1] != '\0' && p[1] != ']') {
			p++;
			if (*p == '\\' && p[1] != '\0')
				p++;
			hi = (unsigned char)*p++;
			if (lo <= c && c <= hi)
				found = 1;
		} else if (lo == c)
			found = 1;
	}
	if (*p != ']')
		return (-1);
	*pp = p + 1;
	return (found ^ neg);
}

/*
 * Shell pattern matching: does the whole of s match pat?  '*' matches
 * any string, '?' any character, [...] a set; '\' quotes.
 */
int
pmatch(const char *pat, const char *s)
{
	const char *p, *star, *sback;
	int ok, r;

	p = pat;
	star = sback = NULL;
	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			star = p;
			sback = s;
			continue;
		}
		if (*s == '\0')
			return (*p == '\0');
		if (*p == '?') {
			ok = 1;
			p++;
		} else if (*p == '[' &&
		    (r = pmatch_bracket(&p, (unsigned char)*s)) >= 0) {
			ok = r;
		} else if (*p == '\\' && p[1] != '\0') {
			ok = p[1] == *s;
			p += 2;
		} else if (*p == '\0') {
			ok = 0;
		} else {
			ok = *p == *s;
			p++;
		}
		if (ok) {
			s++;
			continue;
		}
		if (star == NULL)
			return (0);
		p = star;
		s = ++sback;
	}
}
