/*
 * regex.c: POSIX regular expressions: regcomp(3), regexec(3),
 * regerror(3), regfree(3).  grep(1) and more(1) use them.
 *
 * regcomp parses the pattern, basic or extended syntax, into a tree of
 * nodes, then emits from the tree a small program for a backtracking
 * machine, in the manner of Thompson's and Pike's regular expression
 * machines:
 *
 *	CHAR c		the next byte is c (folded to lower case with
 *			REG_ICASE, on both sides)
 *	ANY		any byte (but a newline, with REG_NEWLINE)
 *	SET k		a byte of the bracket expression k (a bitmap)
 *	BOL, EOL	at the start, at the end of a line
 *	SPLIT x, y	go on at x, and should that fail, at y
 *	JMP x		go on at x
 *	SAVE n		register n := here (n even: where a parenthesised
 *			subexpression starts; odd: where it ends)
 *	BREF g		what subexpression g matched, again
 *	MARK r, CHECK r	around the body of a loop that can match the
 *			empty string: CHECK fails if the body consumed
 *			nothing since MARK, so that the loop ends
 *	MATCH		a match ends here
 *
 * A repetition x{m,n} is m copies of x followed by n - m optional ones
 * (x* is a loop), so programs are bounded: PROG_MAX instructions.
 *
 * regexec tries each starting position in turn, leftmost first, and at
 * each runs the machine depth first: a SPLIT pushes its second branch on
 * a stack, a failure pops the most recent one, and SAVE and MARK push
 * the register's old value so that popping restores it.  To find the
 * longest match at a position (POSIX's rule for the whole match), it
 * does not stop at the first MATCH but explores every path and keeps
 * the one that ends furthest; the subexpressions reported are those of
 * the first path, in the machine's order (greedy, first alternative
 * first), that reaches that end.  With REG_NOSUB, or when the caller
 * wants no offsets, the first MATCH ends the search.
 *
 * Exploring every path is exponential in general; a memo makes it
 * linear.  Without back-references, whether MATCH can be reached from
 * a state (instruction, position) does not depend on the registers, so
 * a state seen once need never be explored again -- not even from a
 * later starting position, since no state explored from an earlier one
 * led to a match (it would have been reported).  So each state is run
 * at most once per regexec call: time and memory grow with the program
 * length times the string length (the memo is one bit per state, up to
 * MEMO_MAX bits; beyond that, and for patterns with back-references,
 * whose matching does depend on the registers, the machine runs without
 * it and can take exponential time on pathological patterns, as other
 * back-reference matchers can).
 *
 * Syntax (see re_format in any BSD manual):
 *	- basic: \( \) group, \{m,n\} repeat, * repeat, \1..\9
 *	  back-references; ^ is an anchor only at the start of the pattern
 *	  or of a group or alternative, $ only at the end of one, * is
 *	  literal at the start; \+ \? \| are GNU's additions;
 *	- extended: ( ) | * + ? {m,n}, ^ and $ anchors anywhere; \1..\9
 *	  back-references as an addition; a { not followed by a digit is
 *	  literal; a repetition operator with nothing before it is an
 *	  error (REG_BADRPT), as is an unmatched ) (REG_EPAREN);
 *	- both: . [...] with ranges, [:class:], [.c.] and [=c=] for single
 *	  bytes; a backslash before any other character makes it literal,
 *	  and is literal itself inside brackets.
 */
#include <sys/types.h>
#include <ctype.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define	RE_MAGIC	0x52e9
#define	PROG_MAX	65536		/* instructions in one program */
#define	MEMO_MAX	(64UL * 1024 * 1024) /* bits of memo, at most */
#define	NODE_MAX	(1 << 20)	/* tree nodes */

enum { OP_CHAR, OP_ANY, OP_SET, OP_BOL, OP_EOL, OP_SPLIT, OP_JMP, OP_SAVE,
    OP_BREF, OP_MARK, OP_CHECK, OP_MATCH };

struct inst {
	int		op;
	int		x, y;		/* operands, by op (see above) */
};

typedef uint32_t reset_t[8];		/* a bracket expression: 256 bits */

struct re_prog {
	struct inst	*code;
	int		ncode;
	reset_t		*sets;
	int		nsets;
	int		nregs;		/* 2 * (re_nsub + 1), then loops */
	int		cflags;
	int		backrefs;	/* the pattern has back-references */
	int		anchored;	/* starts with BOL, no REG_NEWLINE */
};

/* Tree nodes, by index into the parser's array. */
enum { N_EMPTY, N_CHAR, N_ANY, N_SET, N_BOL, N_EOL, N_CAT, N_ALT, N_REP,
    N_GROUP, N_BREF };

struct node {
	int		type;
	int		a, b;		/* CHAR: a the byte; SET: a the set;
					   REP: a..b times, b -1: no limit;
					   GROUP, BREF: a the group */
	int		l, r;		/* CAT, ALT: l r; REP, GROUP: l */
};

struct parse {
	const char	*p, *end;	/* the pattern still to parse */
	int		cflags;
	int		error;		/* the first error, or 0 */
	struct node	*nodes;
	int		nnodes, nodecap;
	reset_t		*sets;
	int		nsets, setcap;
	int		ngroups;	/* groups opened so far */
	char		*closed;	/* closed[g]: group g is complete */
	int		closedcap;
	int		backrefs;
	int		nloops;		/* MARK/CHECK registers */
	struct re_prog	*g;		/* being emitted */
	int		codecap;
};

#define	EXTENDED(ps)	(((ps)->cflags & REG_EXTENDED) != 0)
#define	MORE(ps)	((ps)->p < (ps)->end)
#define	PEEK(ps)	(*(ps)->p)
#define	PEEK2(ps)	((ps)->p + 1 < (ps)->end ? (ps)->p[1] : '\0')

static int	p_regex(struct parse *, int);

/* Record the first error; returns -1 for the caller to pass on. */
static int
seterr(struct parse *ps, int e)
{

	if (ps->error == 0)
		ps->error = e;
	return (-1);
}

static int
newnode(struct parse *ps, int type, int a, int b, int l, int r)
{
	struct node *n;
	int cap;

	if (ps->error != 0)
		return (-1);
	if (ps->nnodes == ps->nodecap) {
		cap = ps->nodecap == 0 ? 32 : ps->nodecap * 2;
		if (cap > NODE_MAX)
			return (seterr(ps, REG_ESPACE));
		n = realloc(ps->nodes, cap * sizeof(*n));
		if (n == NULL)
			return (seterr(ps, REG_ESPACE));
		ps->nodes = n;
		ps->nodecap = cap;
	}
	n = &ps->nodes[ps->nnodes];
	n->type = type;
	n->a = a;
	n->b = b;
	n->l = l;
	n->r = r;
	return (ps->nnodes++);
}

/* A new, empty bracket set; returns its index or -1. */
static int
newset(struct parse *ps)
{
	reset_t *s;
	int cap;

	if (ps->nsets == ps->setcap) {
		cap = ps->setcap == 0 ? 4 : ps->setcap * 2;
		if ((s = realloc(ps->sets, cap * sizeof(*s))) == NULL)
			return (seterr(ps, REG_ESPACE));
		ps->sets = s;
		ps->setcap = cap;
	}
	memset(ps->sets[ps->nsets], 0, sizeof(reset_t));
	return (ps->nsets++);
}

#define	SET_ADD(s, c)	((s)[(c) >> 5] |= 1U << ((c) & 31))
#define	SET_HAS(s, c)	(((s)[(c) >> 5] >> ((c) & 31)) & 1)

/* The character classes of [:name:]. */
static const struct {
	const char	*name;
	int		(*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/*
 * After "[.", "[=" or "[:" (kind is '.', '=' or ':'): the name up to
 * kind and ']', its start in *namep and length in *lenp; the parser
 * moves past the closing pair.  Returns -1 if it never closes.
 */
static int
p_bracket_name(struct parse *ps, int kind, const char **namep, size_t *lenp)
{
	const char *q;

	ps->p += 2;
	for (q = ps->p; q + 1 < ps->end; q++) {
		if (q[0] == kind && q[1] == ']') {
			*namep = ps->p;
			*lenp = q - ps->p;
			ps->p = q + 2;
			return (0);
		}
	}
	return (seterr(ps, REG_EBRACK));
}

/*
 * A collating element [.c.] or an equivalence class [=c=] at ps->p
 * (after its '['): only single bytes exist here.  Returns the byte or
 * -1.
 */
static int
p_collating(struct parse *ps)
{
	const char *name;
	size_t len;

	if (p_bracket_name(ps, PEEK2(ps), &name, &len) == -1)
		return (-1);
	if (len != 1)
		return (seterr(ps, REG_ECOLLATE));
	return ((unsigned char)name[0]);
}

/*
 * A bracket expression, ps->p just after its '['.  Returns a SET node.
 */
static int
p_bracket(struct parse *ps)
{
	const char *name;
	uint32_t *set;
	size_t len, i;
	int k, neg, first, lo, hi, c, found;

	if ((k = newset(ps)) == -1)
		return (-1);
	neg = 0;
	if (MORE(ps) && PEEK(ps) == '^') {
		neg = 1;
		ps->p++;
	}
	for (first = 1;; first = 0) {
		if (!MORE(ps))
			return (seterr(ps, REG_EBRACK));
		set = ps->sets[k];
		c = (unsigned char)PEEK(ps);
		if (c == ']' && !first) {
			ps->p++;
			break;
		}
		if (c == '[' && PEEK2(ps) == ':') {
			if (p_bracket_name(ps, ':', &name, &len) == -1)
				return (-1);
			found = 0;
			for (i = 0; i < sizeof(classes) / sizeof(classes[0]);
			    i++) {
				if (strlen(classes[i].name) != len ||
				    strncmp(classes[i].name, name, len) != 0)
					continue;
				for (c = 1; c < 256; c++)
					if (classes[i].fn(c))
						SET_ADD(set, c);
				found = 1;
			}
			if (!found)
				return (seterr(ps, REG_ECTYPE));
			if (MORE(ps) && PEEK(ps) == '-' && PEEK2(ps) != ']')
				return (seterr(ps, REG_ERANGE));
			continue;
		}
		if (c == '[' && (PEEK2(ps) == '.' || PEEK2(ps) == '=')) {
			if ((lo = p_collating(ps)) == -1)
				return (-1);
		} else {
			lo = c;
			ps->p++;
		}
		hi = lo;
		if (MORE(ps) && PEEK(ps) == '-' && ps->p + 1 < ps->end &&
		    PEEK2(ps) != ']') {
			ps->p++;
			c = (unsigned char)PEEK(ps);
			if (c == '[' && PEEK2(ps) == '.') {
				if ((hi = p_collating(ps)) == -1)
					return (-1);
			} else if (c == '[' && (PEEK2(ps) == ':' ||
			    PEEK2(ps) == '=')) {
				return (seterr(ps, REG_ERANGE));
			} else {
				hi = c;
				ps->p++;
			}
			if (hi < lo)
				return (seterr(ps, REG_ERANGE));
		}
		for (c = lo; c <= hi; c++)
			SET_ADD(set, c);
	}
	set = ps->sets[k];
	if (ps->cflags & REG_ICASE) {
		for (c = 0; c < 256; c++) {
			if (!SET_HAS(set, c))
				continue;
			SET_ADD(set, tolower(c));
			SET_ADD(set, toupper(c));
		}
	}
	if (neg) {
		for (i = 0; i < 8; i++)
			set[i] = ~set[i];
		if (ps->cflags & REG_NEWLINE)
			set['\n' >> 5] &= ~(1U << ('\n' & 31));
	}
	return (newnode(ps, N_SET, k, 0, -1, -1));
}

/* Mark group g closed, so that back-references may name it. */
static int
close_group(struct parse *ps, int g)
{
	char *c;
	int cap;

	if (g >= ps->closedcap) {
		cap = ps->closedcap == 0 ? 16 : ps->closedcap;
		while (cap <= g)
			cap *= 2;
		if ((c = realloc(ps->closed, cap)) == NULL)
			return (seterr(ps, REG_ESPACE));
		memset(c + ps->closedcap, 0, cap - ps->closedcap);
		ps->closed = c;
		ps->closedcap = cap;
	}
	ps->closed[g] = 1;
	return (0);
}

/* A back-reference to group c - '0'. */
static int
p_backref(struct parse *ps, int c)
{
	int g = c - '0';

	if (g > ps->ngroups || g >= ps->closedcap || !ps->closed[g])
		return (seterr(ps, REG_ESUBREG));
	ps->backrefs = 1;
	return (newnode(ps, N_BREF, g, 0, -1, -1));
}

/* A group, after its opening parenthesis; depth is the new depth. */
static int
p_group(struct parse *ps, int depth)
{
	int g, inner;

	g = ++ps->ngroups;
	if ((inner = p_regex(ps, depth)) == -1)
		return (-1);
	if (EXTENDED(ps)) {
		if (!MORE(ps) || PEEK(ps) != ')')
			return (seterr(ps, REG_EPAREN));
		ps->p++;
	} else {
		if (!MORE(ps) || PEEK(ps) != '\\' || PEEK2(ps) != ')')
			return (seterr(ps, REG_EPAREN));
		ps->p += 2;
	}
	if (close_group(ps, g) == -1)
		return (-1);
	return (newnode(ps, N_GROUP, g, 0, inner, -1));
}

/*
 * Is the basic expression's '$' at ps->p an anchor: at the end of the
 * pattern, of a group or of an alternative?
 */
static int
bre_dollar_anchors(struct parse *ps)
{
	const char *q = ps->p + 1;

	return (q == ps->end || (q + 1 < ps->end && q[0] == '\\' &&
	    (q[1] == ')' || q[1] == '|')));
}

/*
 * An atom.  first: the atom starts a branch (where a basic expression's
 * '^' anchors and its '*' is literal).
 */
static int
p_atom(struct parse *ps, int first)
{
	int c;

	c = (unsigned char)PEEK(ps);
	ps->p++;
	if (ps->cflags & REG_NOSPEC)
		goto literal;
	switch (c) {
	case '.':
		return (newnode(ps, N_ANY, 0, 0, -1, -1));
	case '[':
		return (p_bracket(ps));
	case '^':
		if (EXTENDED(ps) || first)
			return (newnode(ps, N_BOL, 0, 0, -1, -1));
		break;
	case '$':
		ps->p--;
		if (EXTENDED(ps) || bre_dollar_anchors(ps)) {
			ps->p++;
			return (newnode(ps, N_EOL, 0, 0, -1, -1));
		}
		ps->p++;
		break;
	case '\\':
		if (!MORE(ps))
			return (seterr(ps, REG_EESCAPE));
		c = (unsigned char)PEEK(ps);
		ps->p++;
		if (c >= '1' && c <= '9')
			return (p_backref(ps, c));
		if (!EXTENDED(ps)) {
			if (c == '(')
				return (p_group(ps, 1));
			if (c == ')')
				return (seterr(ps, REG_EPAREN));
			if (c == '{')
				return (seterr(ps, REG_BADRPT));
		}
		break;
	case '(':
		if (EXTENDED(ps))
			return (p_group(ps, 1));
		break;
	case ')':
		if (EXTENDED(ps))
			return (seterr(ps, REG_EPAREN));
		break;
	case '*':
	case '+':
	case '?':
		if (EXTENDED(ps))
			return (seterr(ps, REG_BADRPT));
		break;
	case '{':
		if (EXTENDED(ps) && MORE(ps) &&
		    isdigit((unsigned char)PEEK(ps)))
			return (seterr(ps, REG_BADRPT));
		break;
	}
literal:
	if (ps->cflags & REG_ICASE)
		c = tolower(c);
	return (newnode(ps, N_CHAR, c, 0, -1, -1));
}

/* A decimal count of a {m,n} interval, or -1 if none is there. */
static int
p_count(struct parse *ps)
{
	int n = -1;

	while (MORE(ps) && isdigit((unsigned char)PEEK(ps))) {
		if (n == -1)
			n = 0;
		n = n * 10 + (PEEK(ps) - '0');
		if (n > RE_DUP_MAX)
			n = RE_DUP_MAX + 1;
		ps->p++;
	}
	return (n);
}

/* An interval's insides, after "{" or "\{": m, m, or m,n, then close. */
static int
p_interval(struct parse *ps, int *minp, int *maxp)
{
	int m, n;

	if ((m = p_count(ps)) == -1)
		return (seterr(ps, MORE(ps) ? REG_BADBR : REG_EBRACE));
	n = m;
	if (MORE(ps) && PEEK(ps) == ',') {
		ps->p++;
		n = p_count(ps);	/* -1: no upper limit */
	}
	if (EXTENDED(ps)) {
		if (!MORE(ps))
			return (seterr(ps, REG_EBRACE));
		if (PEEK(ps) != '}')
			return (seterr(ps, REG_BADBR));
		ps->p++;
	} else {
		if (!MORE(ps) || (PEEK(ps) == '\\' && ps->p + 1 == ps->end))
			return (seterr(ps, REG_EBRACE));
		if (PEEK(ps) != '\\' || PEEK2(ps) != '}')
			return (seterr(ps, REG_BADBR));
		ps->p += 2;
	}
	if (m > RE_DUP_MAX || n > RE_DUP_MAX || (n != -1 && n < m))
		return (seterr(ps, REG_BADBR));
	*minp = m;
	*maxp = n;
	return (0);
}

/*
 * If a repetition operator follows, consume it and give its bounds;
 * returns 1, 0 if there is none, -1 on error.
 */
static int
p_repop(struct parse *ps, int *minp, int *maxp)
{
	int c;

	if (!MORE(ps) || (ps->cflags & REG_NOSPEC))
		return (0);
	c = PEEK(ps);
	if (c == '*') {
		ps->p++;
		*minp = 0;
		*maxp = -1;
		return (1);
	}
	if (EXTENDED(ps)) {
		if (c == '+' || c == '?') {
			ps->p++;
			*minp = c == '+';
			*maxp = c == '+' ? -1 : 1;
			return (1);
		}
		if (c == '{' && isdigit((unsigned char)PEEK2(ps))) {
			ps->p++;
			return (p_interval(ps, minp, maxp) == -1 ? -1 : 1);
		}
		return (0);
	}
	if (c != '\\')
		return (0);
	c = PEEK2(ps);
	if (c == '+' || c == '?') {
		ps->p += 2;
		*minp = c == '+';
		*maxp = c == '+' ? -1 : 1;
		return (1);
	}
	if (c == '{') {
		ps->p += 2;
		return (p_interval(ps, minp, maxp) == -1 ? -1 : 1);
	}
	return (0);
}

/* An atom and the repetition operators after it. */
static int
p_piece(struct parse *ps, int first)
{
	int n, type, min, max, r;

	if ((n = p_atom(ps, first)) == -1)
		return (-1);
	type = ps->nodes[n].type;
	/* A basic '*' after an anchor is literal: the caller's business. */
	if (!EXTENDED(ps) && (type == N_BOL || type == N_EOL))
		return (n);
	while ((r = p_repop(ps, &min, &max)) == 1) {
		if (type == N_BOL || type == N_EOL)
			return (seterr(ps, REG_BADRPT));
		if ((n = newnode(ps, N_REP, min, max, n, -1)) == -1)
			return (-1);
	}
	return (r == -1 ? -1 : n);
}

/* Does the branch end here: end of pattern, '|', or a closing group? */
static int
at_branch_end(struct parse *ps, int depth)
{
	if (!MORE(ps))
		return (1);
	if (ps->cflags & REG_NOSPEC)
		return (0);
	if (EXTENDED(ps))
		return (PEEK(ps) == '|' || (PEEK(ps) == ')' && depth > 0));
	return (PEEK(ps) == '\\' && (PEEK2(ps) == '|' ||
	    (PEEK2(ps) == ')' && depth > 0)));
}

/* A branch: pieces one after the other, maybe none. */
static int
p_branch(struct parse *ps, int depth)
{
	int n, piece, first, min, max, r = 0;

	n = newnode(ps, N_EMPTY, 0, 0, -1, -1);
	for (first = 1; n != -1 && !at_branch_end(ps, depth);) {
		/* A basic expression's '*' is literal where it starts. */
		if (!EXTENDED(ps) && first && PEEK(ps) == '*' &&
		    !(ps->cflags & REG_NOSPEC)) {
			ps->p++;
			piece = newnode(ps, N_CHAR, '*', 0, -1, -1);
			while (piece != -1 &&
			    (r = p_repop(ps, &min, &max)) == 1)
				piece = newnode(ps, N_REP, min, max, piece,
				    -1);
			if (r == -1)
				return (-1);
		} else
			piece = p_piece(ps, first);
		if (piece == -1)
			return (-1);
		/* After a leading '^', a basic '*' is still literal. */
		first = ps->nodes[piece].type == N_BOL && first &&
		    !EXTENDED(ps);
		n = ps->nodes[n].type == N_EMPTY ? piece :
		    newnode(ps, N_CAT, 0, 0, n, piece);
	}
	return (n);
}

/* Alternatives separated by '|' (extended) or "\|" (basic). */
static int
p_regex(struct parse *ps, int depth)
{
	int l, r;

	if ((l = p_branch(ps, depth)) == -1)
		return (-1);
	while (MORE(ps) && !(ps->cflags & REG_NOSPEC) &&
	    (EXTENDED(ps) ? PEEK(ps) == '|' :
	    PEEK(ps) == '\\' && PEEK2(ps) == '|')) {
		ps->p += EXTENDED(ps) ? 1 : 2;
		if ((r = p_branch(ps, depth)) == -1)
			return (-1);
		if ((l = newnode(ps, N_ALT, 0, 0, l, r)) == -1)
			return (-1);
	}
	return (l);
}

/* Can node n match the empty string? */
static int
nullable(const struct parse *ps, int n)
{
	const struct node *nd = &ps->nodes[n];

	switch (nd->type) {
	case N_CHAR:
	case N_ANY:
	case N_SET:
		return (0);
	case N_CAT:
		return (nullable(ps, nd->l) && nullable(ps, nd->r));
	case N_ALT:
		return (nullable(ps, nd->l) || nullable(ps, nd->r));
	case N_REP:
		return (nd->a == 0 || nullable(ps, nd->l));
	case N_GROUP:
		return (nullable(ps, nd->l));
	}
	return (1);		/* EMPTY, BOL, EOL, BREF */
}

/* Append an instruction; returns its address or -1. */
static int
emit1(struct parse *ps, int op, int x, int y)
{
	struct re_prog *g = ps->g;
	struct inst *c;
	int cap;

	if (ps->error != 0)
		return (-1);
	if (g->ncode == ps->codecap) {
		cap = ps->codecap == 0 ? 64 : ps->codecap * 2;
		if (g->ncode >= PROG_MAX)
			return (seterr(ps, REG_ESPACE));
		if ((c = realloc(g->code, cap * sizeof(*c))) == NULL)
			return (seterr(ps, REG_ESPACE));
		g->code = c;
		ps->codecap = cap;
	}
	g->code[g->ncode].op = op;
	g->code[g->ncode].x = x;
	g->code[g->ncode].y = y;
	return (g->ncode++);
}

static int	emit(struct parse *, int);

/* x*: a loop, guarded by MARK and CHECK when x can match nothing. */
static int
emit_star(struct parse *ps, int n)
{
	int split, guard, r = -1;

	if ((split = emit1(ps, OP_SPLIT, 0, 0)) == -1)
		return (-1);
	guard = nullable(ps, n);
	if (guard) {
		r = ps->nloops++;
		emit1(ps, OP_MARK, r, 0);
	}
	ps->g->code[split].x = ps->g->ncode;
	if (emit(ps, n) == -1)
		return (-1);
	if (guard)
		emit1(ps, OP_CHECK, r, 0);
	if (emit1(ps, OP_JMP, split, 0) == -1)
		return (-1);
	ps->g->code[split].y = ps->g->ncode;
	return (0);
}

/* x{min,max}: min copies, then max - min optional ones or a loop. */
static int
emit_rep(struct parse *ps, const struct node *nd)
{
	int i, first, split;

	for (i = 0; i < nd->a; i++)
		if (emit(ps, nd->l) == -1)
			return (-1);
	if (nd->b == -1)
		return (emit_star(ps, nd->l));
	/* Each optional copy's SPLIT skips to the end: patched below. */
	first = ps->g->ncode;
	for (; i < nd->b; i++) {
		if ((split = emit1(ps, OP_SPLIT, 0, -1)) == -1)
			return (-1);
		ps->g->code[split].x = split + 1;
		if (emit(ps, nd->l) == -1)
			return (-1);
	}
	for (i = first; i < ps->g->ncode; i++)
		if (ps->g->code[i].op == OP_SPLIT && ps->g->code[i].y == -1)
			ps->g->code[i].y = ps->g->ncode;
	return (0);
}

/*
 * Emit the program for node n.  The optional copies' SPLITs are found
 * again by their y of -1, which no other SPLIT has while it is being
 * emitted (emit_star and ALT set theirs before returning).
 */
static int
emit(struct parse *ps, int n)
{
	const struct node *nd = &ps->nodes[n];
	int split, jmp, l, r;

	switch (nd->type) {
	case N_EMPTY:
		return (0);
	case N_CHAR:
		return (emit1(ps, OP_CHAR, nd->a, 0) == -1 ? -1 : 0);
	case N_ANY:
		return (emit1(ps, OP_ANY, 0, 0) == -1 ? -1 : 0);
	case N_SET:
		return (emit1(ps, OP_SET, nd->a, 0) == -1 ? -1 : 0);
	case N_BOL:
		return (emit1(ps, OP_BOL, 0, 0) == -1 ? -1 : 0);
	case N_EOL:
		return (emit1(ps, OP_EOL, 0, 0) == -1 ? -1 : 0);
	case N_BREF:
		return (emit1(ps, OP_BREF, nd->a, 0) == -1 ? -1 : 0);
	case N_CAT:
		l = nd->l;
		r = nd->r;
		return (emit(ps, l) == -1 || emit(ps, r) == -1 ? -1 : 0);
	case N_ALT:
		l = nd->l;
		r = nd->r;
		if ((split = emit1(ps, OP_SPLIT, 0, 0)) == -1)
			return (-1);
		ps->g->code[split].x = split + 1;
		if (emit(ps, l) == -1 || (jmp = emit1(ps, OP_JMP, 0, 0)) == -1)
			return (-1);
		ps->g->code[split].y = ps->g->ncode;
		if (emit(ps, r) == -1)
			return (-1);
		ps->g->code[jmp].x = ps->g->ncode;
		return (0);
	case N_GROUP:
		l = nd->l;
		emit1(ps, OP_SAVE, 2 * nd->a, 0);
		if (emit(ps, l) == -1)
			return (-1);
		return (emit1(ps, OP_SAVE, 2 * nd->a + 1, 0) == -1 ? -1 : 0);
	case N_REP:
		return (emit_rep(ps, nd));
	}
	return (seterr(ps, REG_ASSERT));
}

int
regcomp(regex_t *restrict preg, const char *restrict pattern, int cflags)
{
	struct parse ps;
	struct re_prog *g;
	int root;

	preg->re_magic = 0;
	preg->re_g = NULL;
	memset(&ps, 0, sizeof(ps));
	ps.cflags = cflags;
	ps.p = pattern;
	if (cflags & REG_PEND) {
		if (preg->re_endp < pattern)
			return (REG_INVARG);
		ps.end = preg->re_endp;
	} else
		ps.end = pattern + strlen(pattern);
	if ((g = calloc(1, sizeof(*g))) == NULL)
		return (REG_ESPACE);
	ps.g = g;
	root = p_regex(&ps, 0);
	if (root != -1 && MORE(&ps))	/* only an unmatched ")" stops it */
		seterr(&ps, REG_EPAREN);
	if (ps.error == 0) {
		/* The whole match is group 0. */
		emit1(&ps, OP_SAVE, 0, 0);
		emit(&ps, root);
		emit1(&ps, OP_SAVE, 1, 0);
		emit1(&ps, OP_MATCH, 0, 0);
	}
	if (ps.error == 0) {
		g->sets = ps.sets;
		ps.sets = NULL;
		g->nsets = ps.nsets;
		g->nregs = 2 * (ps.ngroups + 1) + ps.nloops;
		g->cflags = cflags;
		g->backrefs = ps.backrefs;
		g->anchored = g->ncode > 1 && g->code[1].op == OP_BOL &&
		    !(cflags & REG_NEWLINE);
		preg->re_nsub = ps.ngroups;
		preg->re_g = g;
		preg->re_magic = RE_MAGIC;
	} else {
		free(g->code);
		free(g);
	}
	free(ps.nodes);
	free(ps.sets);
	free(ps.closed);
	return (ps.error);
}

/* The machine's backtracking stack: branches and register undos. */
struct bt {
	int		pc;		/* >= 0: a branch to resume; -1: undo */
	int		slot;		/* undo: the register */
	size_t		pos;		/* branch: the position */
	regoff_t	old;		/* undo: its old value */
};

struct machine {
	const struct re_prog *g;
	const unsigned char *s;
	size_t		lo, hi;		/* the part of s being matched */
	int		eflags;
	regoff_t	*regs, *best;	/* registers; those of the best match */
	uint8_t		*memo;		/* a bit per (pc, pos), or NULL */
	struct bt	*stack;
	size_t		sp, cap;
};

static int
push(struct machine *m, int pc, int slot, size_t pos, regoff_t old)
{
	struct bt *s;
	size_t cap;

	if (m->sp == m->cap) {
		cap = m->cap == 0 ? 64 : m->cap * 2;
		if ((s = realloc(m->stack, cap * sizeof(*s))) == NULL)
			return (-1);
		m->stack = s;
		m->cap = cap;
	}
	m->stack[m->sp].pc = pc;
	m->stack[m->sp].slot = slot;
	m->stack[m->sp].pos = pos;
	m->stack[m->sp].old = old;
	m->sp++;
	return (0);
}

static int
fold(const struct re_prog *g, int c)
{

	return ((g->cflags & REG_ICASE) ? tolower(c) : c);
}

static int
at_bol(const struct machine *m, size_t pos)
{

	if (pos == m->lo && !(m->eflags & REG_NOTBOL))
		return (1);
	return ((m->g->cflags & REG_NEWLINE) && pos > m->lo &&
	    m->s[pos - 1] == '\n');
}

static int
at_eol(const struct machine *m, size_t pos)
{

	if (pos == m->hi && !(m->eflags & REG_NOTEOL))
		return (1);
	return ((m->g->cflags & REG_NEWLINE) && pos < m->hi &&
	    m->s[pos] == '\n');
}

/*
 * Run the machine from position start.  Returns the end of the longest
 * match (its registers in m->best), or -1 if there is none there, or -2
 * when out of memory.  longest: 0 stops at the first match.
 */
static long
run(struct machine *m, size_t start, int longest)
{
	const struct re_prog *g = m->g;
	const struct inst *in;
	size_t pos, len, width = m->hi - m->lo + 1, bit, k;
	long best = -1;
	int pc;
	regoff_t so, eo;

	for (k = 0; k < (size_t)g->nregs; k++)
		m->regs[k] = -1;
	m->sp = 0;
	if (push(m, 0, 0, start, 0) == -1)
		return (-2);
	while (m->sp > 0) {
		m->sp--;
		if (m->stack[m->sp].pc < 0) {
			m->regs[m->stack[m->sp].slot] = m->stack[m->sp].old;
			continue;
		}
		pc = m->stack[m->sp].pc;
		pos = m->stack[m->sp].pos;
		for (;;) {
			if (m->memo != NULL) {
				bit = (size_t)pc * width + (pos - m->lo);
				if (m->memo[bit >> 3] & (1 << (bit & 7)))
					break;
				m->memo[bit >> 3] |= 1 << (bit & 7);
			}
			in = &g->code[pc];
			switch (in->op) {
			case OP_CHAR:
				if (pos >= m->hi || fold(g, m->s[pos]) != in->x)
					goto fail;
				pos++;
				pc++;
				continue;
			case OP_ANY:
				if (pos >= m->hi ||
				    ((g->cflags & REG_NEWLINE) &&
				    m->s[pos] == '\n'))
					goto fail;
				pos++;
				pc++;
				continue;
			case OP_SET:
				if (pos >= m->hi ||
				    !SET_HAS(g->sets[in->x], m->s[pos]))
					goto fail;
				pos++;
				pc++;
				continue;
			case OP_BOL:
				if (!at_bol(m, pos))
					goto fail;
				pc++;
				continue;
			case OP_EOL:
				if (!at_eol(m, pos))
					goto fail;
				pc++;
				continue;
			case OP_SPLIT:
				if (push(m, in->y, 0, pos, 0) == -1)
					return (-2);
				pc = in->x;
				continue;
			case OP_JMP:
				pc = in->x;
				continue;
			case OP_SAVE:
			case OP_MARK:
				k = in->op == OP_SAVE ? (size_t)in->x :
				    (size_t)g->nregs - 1 - in->x;
				if (push(m, -1, (int)k, 0, m->regs[k]) == -1)
					return (-2);
				m->regs[k] = (regoff_t)pos;
				pc++;
				continue;
			case OP_CHECK:
				if (m->regs[g->nregs - 1 - in->x] ==
				    (regoff_t)pos)
					goto fail;
				pc++;
				continue;
			case OP_BREF:
				so = m->regs[2 * in->x];
				eo = m->regs[2 * in->x + 1];
				if (so < 0 || eo < so)
					goto fail;
				len = (size_t)(eo - so);
				if (len > m->hi - pos)
					goto fail;
				for (k = 0; k < len; k++)
					if (fold(g, m->s[so + k]) !=
					    fold(g, m->s[pos + k]))
						goto fail;
				pos += len;
				pc++;
				continue;
			case OP_MATCH:
				if ((long)pos > best) {
					best = (long)pos;
					memcpy(m->best, m->regs,
					    g->nregs * sizeof(*m->regs));
				}
				if (!longest)
					return (best);
				goto fail;
			}
		fail:
			break;
		}
	}
	return (best);
}

int
regexec(const regex_t *restrict preg, const char *restrict string,
    size_t nmatch, regmatch_t pmatch[restrict], int eflags)
{
	struct machine m;
	size_t start, width, bits, i;
	long end = -1;
	int longest, error;

	if (preg->re_magic != RE_MAGIC || preg->re_g == NULL)
		return (REG_BADPAT);
	memset(&m, 0, sizeof(m));
	m.g = preg->re_g;
	m.s = (const unsigned char *)string;
	m.eflags = eflags;
	if (eflags & REG_STARTEND) {
		if (pmatch == NULL || pmatch[0].rm_so < 0 ||
		    pmatch[0].rm_eo < pmatch[0].rm_so)
			return (REG_INVARG);
		m.lo = (size_t)pmatch[0].rm_so;
		m.hi = (size_t)pmatch[0].rm_eo;
	} else {
		m.lo = 0;
		m.hi = strlen(string);
	}
	if (preg->re_g->cflags & REG_NOSUB)
		nmatch = 0;
	longest = nmatch > 0;
	m.regs = malloc(m.g->nregs * sizeof(*m.regs));
	m.best = malloc(m.g->nregs * sizeof(*m.best));
	width = m.hi - m.lo + 1;
	bits = 0;
	if (!m.g->backrefs && width <= MEMO_MAX / m.g->ncode)
		bits = width * m.g->ncode;
	if (bits > 0)
		m.memo = calloc(bits / 8 + 1, 1);
	error = REG_ESPACE;
	if (m.regs == NULL || m.best == NULL || (bits > 0 && m.memo == NULL))
		goto out;
	for (start = m.lo; start <= m.hi; start++) {
		if (m.g->anchored && start > m.lo)
			break;
		if ((end = run(&m, start, longest)) != -1)
			break;
	}
	if (end == -2)
		goto out;
	error = end == -1 ? REG_NOMATCH : 0;
	if (error == 0 && nmatch > 0) {
		for (i = 0; i < nmatch; i++) {
			if (i <= preg->re_nsub && m.best[2 * i] >= 0 &&
			    m.best[2 * i + 1] >= m.best[2 * i]) {
				pmatch[i].rm_so = m.best[2 * i];
				pmatch[i].rm_eo = m.best[2 * i + 1];
			} else {
				pmatch[i].rm_so = -1;
				pmatch[i].rm_eo = -1;
			}
		}
	}
out:
	free(m.regs);
	free(m.best);
	free(m.memo);
	free(m.stack);
	return (error);
}

static const char *const re_errors[] = {
	[0] = "success",
	[REG_NOMATCH] = "regexec() failed to match",
	[REG_BADPAT] = "invalid regular expression",
	[REG_ECOLLATE] = "invalid collating element",
	[REG_ECTYPE] = "invalid character class",
	[REG_EESCAPE] = "trailing backslash (\\)",
	[REG_ESUBREG] = "invalid backreference number",
	[REG_EBRACK] = "brackets ([ ]) not balanced",
	[REG_EPAREN] = "parentheses not balanced",
	[REG_EBRACE] = "braces not balanced",
	[REG_BADBR] = "invalid repetition count(s)",
	[REG_ERANGE] = "invalid character range",
	[REG_ESPACE] = "out of memory",
	[REG_BADRPT] = "repetition-operator operand invalid",
	[REG_EMPTY] = "empty (sub)expression",
	[REG_ASSERT] = "regex internal error",
	[REG_INVARG] = "invalid argument to regex routine",
};

size_t
regerror(int errcode, const regex_t *restrict preg, char *restrict errbuf,
    size_t errbuf_size)
{
	const char *msg;
	size_t len;

	if (errcode >= 0 && errcode <
	    (int)(sizeof(re_errors) / sizeof(re_errors[0])) &&
	    re_errors[errcode] != NULL)
		msg = re_errors[errcode];
	else
		msg = "unknown regex error";
	len = strlen(msg) + 1;
	if (errbuf_size > 0) {
		if (len <= errbuf_size)
			memcpy(errbuf, msg, len);
		else {
			memcpy(errbuf, msg, errbuf_size - 1);
			errbuf[errbuf_size - 1] = '\0';
		}
	}
	return (len);
}

void
regfree(regex_t *preg)
{

	if (preg->re_magic != RE_MAGIC || preg->re_g == NULL)
		return;
	free(preg->re_g->code);
	free(preg->re_g->sets);
	free(preg->re_g);
	preg->re_g = NULL;
	preg->re_magic = 0;
}
