/*
 * parse.c: the lexer and parser of sh(1).
 *
 * The lexer cuts the input into tokens: operators (; & | && || ( ) ;;
 * and the redirections) and words.  A word keeps its raw text, quotes
 * included; expand.c interprets the quotes when the command runs.  The
 * lexer only has to know where a word ends, which means skipping over
 * '...', "...", \x, ${...}, $(...), $((...)) and `...`.  A newline ends
 * the current line; the bodies of here-documents begun on that line are
 * read right after it.
 *
 * The parser is recursive descent over one token of lookahead:
 *
 *	command		: list (newline | EOF)
 *	list		: and_or ((';' | '&' | newline) and_or)*
 *	and_or		: pipeline (('&&' | '||') linebreak pipeline)*
 *	pipeline	: ['!'] cmd ('|' linebreak cmd)*
 *	cmd		: simple | ( list ) | { list } | if | while | until
 *			  | for | case | NAME ( ) cmd, the compound ones
 *			  followed by redirections
 *
 * Newlines separate the commands of a list only inside compound
 * commands; at the top level a newline ends the command, which then
 * runs before the next line is read.  When the lexer runs out of text it
 * asks the input for more (input_more() in main.c, which prints PS2 on
 * a terminal), so a command may span lines.
 *
 * Lookahead is lazy: a token is only lexed when the parser looks at it,
 * so the newline that ends a command never makes the shell read the
 * next line.  After a syntax error the lexer returns only EOF, which
 * unwinds every parse function quickly; no longjmp is needed.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

/* Tokens. */
#define	T_EOF		0
#define	T_NL		1
#define	T_WORD		2
#define	T_SEMI		3
#define	T_AMP		4
#define	T_PIPE		5
#define	T_AND		6
#define	T_OR		7
#define	T_LP		8
#define	T_RP		9
#define	T_REDIR		10
#define	T_DSEMI		11

#define	MAXHEREDOC	16

struct parser {
	struct input	*in;
	struct arena	*a;
	int		 tok;		/* the lookahead token */
	int		 have;		/* tok is valid */
	struct word	*word;		/* T_WORD: the word */
	int		 rop;		/* T_REDIR: R_* */
	int		 rfd;		/* T_REDIR: descriptor, or -1 */
	int		 rstrip;	/* T_REDIR: <<- */
	size_t		 tokstart;	/* offset of tok in the input */
	int		 err;		/* a syntax error was reported */
	struct redir	*heredoc[MAXHEREDOC];	/* bodies still to read */
	int		 hstrip[MAXHEREDOC];
	int		 nheredoc;
};

/* A growable string for the lexer. */
struct sbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

static struct node *parse_list(struct parser *, int);
static struct node *parse_cmd(struct parser *);
static int	lex_dollar(struct parser *, struct sbuf *);
static int	lex_dquote(struct parser *, struct sbuf *);

/*
 * Arena blocks.  Allocations are rounded to 8 bytes; a request larger
 * than a block gets a block of its own.
 */
struct ablock {
	struct ablock	*next;
	size_t		 used;
	size_t		 size;
	/* data follows, 8-byte aligned */
};
#define	ABLOCK_SIZE	4096
#define	ABLOCK_HDR	((sizeof(struct ablock) + 7) & ~(size_t)7)

/*
 * Allocate n bytes from arena a; exits on memory exhaustion (through
 * xmalloc), so it never returns NULL.
 */
void *
arena_alloc(struct arena *a, size_t n)
{
	struct ablock *b;
	size_t size;

	n = (n + 7) & ~(size_t)7;
	b = a->blocks;
	if (b == NULL || b->size - b->used < n) {
		size = n > ABLOCK_SIZE ? n : ABLOCK_SIZE;
		b = xmalloc(ABLOCK_HDR + size);
		b->used = 0;
		b->size = size;
		b->next = a->blocks;
		a->blocks = b;
	}
	b->used += n;
	return ((char *)b + ABLOCK_HDR + b->used - n);
}

/* Copy n bytes of s into the arena as a NUL-terminated string. */
char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

/* Free every block of the arena; it may be used again afterwards. */
void
arena_free(struct arena *a)
{
	struct ablock *b, *next;

	for (b = a->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->blocks = NULL;
}

/* Make sb an empty string, allocated. */
static void
sb_init(struct sbuf *sb)
{
	sb->cap = 64;
	sb->s = xmalloc(sb->cap);
	sb->s[0] = '\0';
	sb->len = 0;
}

static void
sb_add(struct sbuf *sb, int c)
{
	if (sb->len + 2 > sb->cap) {
		sb->cap = sb->cap ? sb->cap * 2 : 64;
		sb->s = xrealloc(sb->s, sb->cap);
	}
	sb->s[sb->len++] = (char)c;
	sb->s[sb->len] = '\0';
}

/*
 * Report a syntax error once; afterwards the lexer only returns EOF.
 */
static void
syntax(struct parser *p, const char *fmt, const char *arg)
{
	char msg[128];

	if (p->err)
		return;
	p->err = 1;
	if (p->in->intr)
		return;		/* not an error: the user typed ^C */
	snprintf(msg, sizeof(msg), fmt, arg);
	sh_error("syntax error: %s", msg);
}

/* The next input character, reading more input if needed, or EOF. */
static int
pgetc(struct parser *p)
{
	struct input *in;

	in = p->in;
	while (in->pos >= in->len) {
		if (in->intr || !input_more(in))
			return (EOF);
	}
	return ((unsigned char)in->buf[in->pos++]);
}

/* Push back the character pgetc() returned, unless that was EOF. */
static void
pungetc(struct parser *p, int c)
{
	if (c != EOF)
		p->in->pos--;
}

/*
 * Copy a backquoted command substitution up to its closing quote.
 * The opening quote is already in sb.  Returns 0, or -1 on EOF.
 */
static int
lex_backquote(struct parser *p, struct sbuf *sb)
{
	int c;

	for (;;) {
		c = pgetc(p);
		if (c == EOF)
			return (-1);
		sb_add(sb, c);
		if (c == '`')
			return (0);
		if (c == '\\') {
			c = pgetc(p);
			if (c == EOF)
				return (-1);
			sb_add(sb, c);
		}
	}
}

/*
 * Copy a single-quoted string up to its closing quote (the opening one
 * is already in sb).  Returns 0, or -1 on EOF.
 */
static int
lex_squote(struct parser *p, struct sbuf *sb)
{
	int c;

	do {
		c = pgetc(p);
		if (c == EOF)
			return (-1);
		sb_add(sb, c);
	} while (c != '\'');
	return (0);
}

/*
 * Copy text up to the bracket that closes one already in sb: ')' for
 * $( and $((, '}' for ${.  Quotes and nested expansions are skipped as
 * units.  Returns 0, or -1 on EOF.
 */
static int
lex_nested(struct parser *p, struct sbuf *sb, int open, int close)
{
	int c, depth;

	depth = 1;
	for (;;) {
		c = pgetc(p);
		if (c == EOF)
			return (-1);
		sb_add(sb, c);
		if (c == open)
			depth++;
		else if (c == close) {
			if (--depth == 0)
				return (0);
		} else if (c == '\\') {
			c = pgetc(p);
			if (c == EOF)
				return (-1);
			sb_add(sb, c);
		} else if (c == '\'') {
			if (lex_squote(p, sb) < 0)
				return (-1);
		} else if (c == '"') {
			if (lex_dquote(p, sb) < 0)
				return (-1);
		} else if (c == '`') {
			if (lex_backquote(p, sb) < 0)
				return (-1);
		} else if (c == '$') {
			if (lex_dollar(p, sb) < 0)
				return (-1);
		}
	}
}

/*
 * After a '$' (already in sb): copy the rest of a ${...}, $(...) or
 * $((...)).  A plain $NAME needs nothing: its characters end up in the
 * word anyway.  Returns 0, or -1 on EOF.
 */
static int
lex_dollar(struct parser *p, struct sbuf *sb)
{
	int c;

	c = pgetc(p);
	if (c == '{') {
		sb_add(sb, c);
		return (lex_nested(p, sb, '{', '}'));
	}
	if (c == '(') {
		sb_add(sb, c);
		return (lex_nested(p, sb, '(', ')'));
	}
	pungetc(p, c);
	return (0);
}

/*
 * Copy a double-quoted string up to its closing quote (the opening one
 * is already in sb).  Returns 0, or -1 on EOF.
 */
static int
lex_dquote(struct parser *p, struct sbuf *sb)
{
	int c;

	for (;;) {
		c = pgetc(p);
		if (c == EOF)
			return (-1);
		sb_add(sb, c);
		switch (c) {
		case '"':
			return (0);
		case '\\':
			c = pgetc(p);
			if (c == EOF)
				return (-1);
			sb_add(sb, c);
			break;
		case '$':
			if (lex_dollar(p, sb) < 0)
				return (-1);
			break;
		case '`':
			if (lex_backquote(p, sb) < 0)
				return (-1);
			break;
		}
	}
}

/*
 * Lex a redirection operator whose first character c has been read;
 * fd is the explicit descriptor number before it, or -1.
 */
static int
lex_redir(struct parser *p, int fd, int c)
{
	int c2;

	p->rstrip = 0;
	c2 = pgetc(p);
	if (c == '<') {
		if (c2 == '<') {
			p->rop = R_HEREDOC;
			c2 = pgetc(p);
			if (c2 == '-')
				p->rstrip = 1;
			else
				pungetc(p, c2);
		} else if (c2 == '&')
			p->rop = R_DUPIN;
		else if (c2 == '>')
			p->rop = R_RDWR;
		else {
			pungetc(p, c2);
			p->rop = R_IN;
		}
		p->rfd = fd >= 0 ? fd : 0;
	} else {
		if (c2 == '>')
			p->rop = R_APPEND;
		else if (c2 == '&')
			p->rop = R_DUPOUT;
		else if (c2 == '|')
			p->rop = R_OUT;
		else {
			pungetc(p, c2);
			p->rop = R_OUT;
		}
		p->rfd = fd >= 0 ? fd : 1;
	}
	return (T_REDIR);
}

/*
 * Lex a word starting at the current position.  A word made only of
 * digits and followed directly by '<' or '>' is the descriptor of a
 * redirection instead.
 */
static int
lex_word(struct parser *p)
{
	struct sbuf sb;
	struct word *w;
	int c, plain, r;
	size_t i;

	sb_init(&sb);
	plain = 1;
	for (;;) {
		c = pgetc(p);
		r = 0;
		switch (c) {
		case EOF:
			goto done;
		case ' ': case '\t': case '\n': case ';': case '&':
		case '|': case '<': case '>': case '(': case ')':
			pungetc(p, c);
			goto done;
		case '\'':
			plain = 0;
			sb_add(&sb, c);
			r = lex_squote(p, &sb);
			break;
		case '"':
			plain = 0;
			sb_add(&sb, c);
			r = lex_dquote(p, &sb);
			break;
		case '\\':
			c = pgetc(p);
			if (c == '\n')
				break;		/* line continuation */
			plain = 0;
			sb_add(&sb, '\\');
			if (c != EOF)
				sb_add(&sb, c);
			break;
		case '$':
			plain = 0;
			sb_add(&sb, c);
			r = lex_dollar(p, &sb);
			break;
		case '`':
			plain = 0;
			sb_add(&sb, c);
			r = lex_backquote(p, &sb);
			break;
		default:
			sb_add(&sb, c);
			break;
		}
		if (r < 0) {
			free(sb.s);
			syntax(p, "%s", p->in->intr ? "" :
			    "unterminated quoted string");
			return (T_EOF);
		}
	}
done:
	if (plain && sb.len > 0 && sb.len < 4) {
		for (i = 0; i < sb.len; i++)
			if (!isdigit((unsigned char)sb.s[i]))
				break;
		if (i == sb.len) {
			c = pgetc(p);
			if (c == '<' || c == '>') {
				r = atoi(sb.s);
				free(sb.s);
				return (lex_redir(p, r, c));
			}
			pungetc(p, c);
		}
	}
	w = arena_alloc(p->a, sizeof(*w));
	w->text = arena_strndup(p->a, sb.s, sb.len);
	w->plain = plain;
	w->next = NULL;
	free(sb.s);
	p->word = w;
	return (T_WORD);
}

/*
 * Read the bodies of the here-documents begun on the line that just
 * ended.  A body ends at a line equal to its delimiter (after leading
 * tabs are removed, for <<-) or at end of file.
 */
static void
read_heredocs(struct parser *p)
{
	struct redir *r;
	struct sbuf body, line;
	char *delim;
	int c, i, quoted;
	size_t j, k;

	for (i = 0; i < p->nheredoc && !p->err; i++) {
		r = p->heredoc[i];
		/* The delimiter is the target word with quotes removed. */
		delim = r->target->text;
		quoted = 0;
		for (j = k = 0; delim[j] != '\0'; j++) {
			if (delim[j] == '\'' || delim[j] == '"' ||
			    delim[j] == '\\') {
				quoted = 1;
				if (delim[j] == '\\' && delim[j + 1] != '\0')
					j++;
				else
					continue;
			}
			delim[k++] = delim[j];
		}
		delim[k] = '\0';
		r->hquoted = quoted;
		sb_init(&body);
		sb_init(&line);
		for (;;) {
			line.len = 0;
			while ((c = pgetc(p)) != EOF && c != '\n')
				if (!(p->hstrip[i] && c == '\t' &&
				    line.len == 0))
					sb_add(&line, c);
			line.s[line.len] = '\0';
			if (strcmp(line.s, delim) == 0)
				break;
			if (c == EOF && line.len == 0)
				break;
			for (j = 0; j < line.len; j++)
				sb_add(&body, line.s[j]);
			sb_add(&body, '\n');
			if (c == EOF)
				break;
		}
		r->target = arena_alloc(p->a, sizeof(struct word));
		r->target->text = arena_strndup(p->a, body.s, body.len);
		r->target->plain = 0;
		r->target->next = NULL;
		free(body.s);
		free(line.s);
	}
	p->nheredoc = 0;
}

/*
 * Lex one token into p->tok (and p->word, p->rop, p->rfd).
 */
static int
lex(struct parser *p)
{
	int c, c2;

	if (p->err)
		return (T_EOF);
	for (;;) {
		c = pgetc(p);
		if (c == ' ' || c == '\t')
			continue;
		if (c == '\\') {
			c2 = pgetc(p);
			if (c2 == '\n')
				continue;
			pungetc(p, c2);
			pungetc(p, c);
			p->tokstart = p->in->pos;
			return (lex_word(p));
		}
		if (c == '#') {
			while ((c = pgetc(p)) != EOF && c != '\n')
				;
			pungetc(p, c);
			continue;
		}
		break;
	}
	if (c == EOF) {
		if (p->in->intr)
			syntax(p, "%s", "");
		p->tokstart = p->in->pos;
		return (T_EOF);
	}
	p->tokstart = p->in->pos - 1;
	switch (c) {
	case '\n':
		if (p->nheredoc > 0)
			read_heredocs(p);
		return (T_NL);
	case ';':
		if ((c2 = pgetc(p)) == ';')
			return (T_DSEMI);
		pungetc(p, c2);
		return (T_SEMI);
	case '&':
		if ((c2 = pgetc(p)) == '&')
			return (T_AND);
		pungetc(p, c2);
		return (T_AMP);
	case '|':
		if ((c2 = pgetc(p)) == '|')
			return (T_OR);
		pungetc(p, c2);
		return (T_PIPE);
	case '(':
		return (T_LP);
	case ')':
		return (T_RP);
	case '<':
	case '>':
		return (lex_redir(p, -1, c));
	default:
		pungetc(p, c);
		return (lex_word(p));
	}
}

static int
peek(struct parser *p)
{
	if (!p->have) {
		p->tok = lex(p);
		p->have = 1;
	}
	return (p->tok);
}

static void
consume(struct parser *p)
{
	p->have = 0;
}

static int
accept(struct parser *p, int tok)
{
	if (peek(p) != tok)
		return (0);
	consume(p);
	return (1);
}

/* Is the lookahead the unquoted reserved word kw? */
static int
isword(struct parser *p, const char *kw)
{
	return (peek(p) == T_WORD && p->word->plain &&
	    strcmp(p->word->text, kw) == 0);
}

static void
linebreak(struct parser *p)
{
	while (peek(p) == T_NL)
		consume(p);
}

/* A printable name for the lookahead token, for error messages. */
static const char *
tokname(struct parser *p)
{
	static const char *names[] = {
		"end of file", "newline", "word", ";", "&", "|", "&&",
		"||", "(", ")", "redirection", ";;"
	};

	if (peek(p) == T_WORD)
		return (p->word->text);
	return (names[p->tok]);
}

static void
unexpected(struct parser *p)
{
	syntax(p, "unexpected '%s'", tokname(p));
}

/* Consume the reserved word kw, or report a syntax error. */
static int
expect(struct parser *p, const char *kw)
{
	if (!isword(p, kw)) {
		if (!p->err) {
			char msg[96];

			snprintf(msg, sizeof(msg), "'%s' expected, got '%s'",
			    kw, tokname(p));
			syntax(p, "%s", msg);
		}
		return (-1);
	}
	consume(p);
	return (0);
}

static struct node *
mknode(struct parser *p, int type)
{
	struct node *n;

	n = arena_alloc(p->a, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->type = type;
	return (n);
}

/* Can the lookahead start a command inside a list? */
static int
starts_command(struct parser *p)
{
	static const char *const enders[] = {
		"then", "else", "elif", "fi", "do", "done", "esac", "}",
		NULL
	};
	int i, t;

	t = peek(p);
	if (t == T_LP || t == T_REDIR)
		return (1);
	if (t != T_WORD)
		return (0);
	if (p->word->plain)
		for (i = 0; enders[i] != NULL; i++)
			if (strcmp(p->word->text, enders[i]) == 0)
				return (0);
	return (1);
}

/* Does the word have the form NAME=...? */
static int
is_assignment(struct word *w)
{
	const char *eq;

	eq = strchr(w->text, '=');
	return (eq != NULL && is_name(w->text, eq - w->text));
}

/*
 * Parse one redirection (the operator is the lookahead) and append it
 * to *rp.
 */
static void
parse_redir(struct parser *p, struct redir **rp)
{
	struct redir *r;

	r = arena_alloc(p->a, sizeof(*r));
	memset(r, 0, sizeof(*r));
	r->op = p->rop;
	r->fd = p->rfd;
	consume(p);
	if (peek(p) != T_WORD) {
		syntax(p, "%s", "missing redirection target");
		return;
	}
	r->target = p->word;
	consume(p);
	if (r->op == R_HEREDOC) {
		if (p->nheredoc == MAXHEREDOC) {
			syntax(p, "%s", "too many here-documents");
			return;
		}
		p->hstrip[p->nheredoc] = p->rstrip;
		p->heredoc[p->nheredoc++] = r;
	}
	while (*rp != NULL)
		rp = &(*rp)->next;
	*rp = r;
}

/* The redirections after a compound command. */
static void
parse_redirs(struct parser *p, struct node *n)
{
	while (peek(p) == T_REDIR && !p->err)
		parse_redir(p, &n->redirs);
}

/*
 * After "NAME" with '(' next: the rest of a function definition,
 * "( ) linebreak compound-command".
 */
static struct node *
parse_func(struct parser *p, struct word *name)
{
	struct node *n;

	consume(p);
	if (!accept(p, T_RP)) {
		unexpected(p);
		return (NULL);
	}
	linebreak(p);
	n = mknode(p, N_FUNC);
	n->name = name->text;
	if (peek(p) != T_LP && !isword(p, "{") && !isword(p, "if") &&
	    !isword(p, "while") && !isword(p, "until") &&
	    !isword(p, "for") && !isword(p, "case")) {
		syntax(p, "%s", "a function body must be a compound command");
		return (NULL);
	}
	n->left = parse_cmd(p);
	return (p->err ? NULL : n);
}

/* Parse a simple command: assignments, words and redirections. */
static struct node *
parse_simple(struct parser *p)
{
	struct node *n;
	struct word **wp, **ap, *w;
	int t;

	n = mknode(p, N_CMD);
	wp = &n->words;
	ap = &n->assigns;
	for (;;) {
		t = peek(p);
		if (t == T_REDIR) {
			parse_redir(p, &n->redirs);
			continue;
		}
		if (t != T_WORD)
			break;
		w = p->word;
		consume(p);
		if (n->words == NULL && n->assigns == NULL &&
		    n->redirs == NULL && w->plain &&
		    is_name(w->text, strlen(w->text)) && peek(p) == T_LP)
			return (parse_func(p, w));
		if (n->words == NULL && is_assignment(w)) {
			*ap = w;
			ap = &w->next;
		} else {
			*wp = w;
			wp = &w->next;
		}
	}
	if (n->words == NULL && n->assigns == NULL && n->redirs == NULL) {
		unexpected(p);
		return (NULL);
	}
	return (n);
}

/* A compound list that must not be empty (if, while, ... bodies). */
static struct node *
parse_body(struct parser *p)
{
	struct node *n;

	n = parse_list(p, 1);
	if (n == NULL && !p->err)
		unexpected(p);
	return (n);
}

/* After "if" or "elif": the condition, branches and the closing fi. */
static struct node *
parse_if(struct parser *p)
{
	struct node *n;

	n = mknode(p, N_IF);
	n->left = parse_body(p);
	if (expect(p, "then") < 0)
		return (NULL);
	n->right = parse_body(p);
	if (isword(p, "elif")) {
		consume(p);
		n->third = parse_if(p);
		return (n);
	}
	if (isword(p, "else")) {
		consume(p);
		n->third = parse_body(p);
	}
	if (expect(p, "fi") < 0)
		return (NULL);
	return (n);
}

/* After "for": NAME [in WORDS ;] do LIST done. */
static struct node *
parse_for(struct parser *p)
{
	struct node *n;
	struct word **wp;

	n = mknode(p, N_FOR);
	if (peek(p) != T_WORD || !p->word->plain ||
	    !is_name(p->word->text, strlen(p->word->text))) {
		syntax(p, "%s", "bad for loop variable");
		return (NULL);
	}
	n->name = p->word->text;
	consume(p);
	linebreak(p);
	if (isword(p, "in")) {
		consume(p);
		n->hasin = 1;
		wp = &n->words;
		while (peek(p) == T_WORD) {
			*wp = p->word;
			wp = &p->word->next;
			consume(p);
		}
		if (!accept(p, T_SEMI) && !accept(p, T_NL)) {
			unexpected(p);
			return (NULL);
		}
	} else
		accept(p, T_SEMI);
	linebreak(p);
	if (expect(p, "do") < 0)
		return (NULL);
	n->right = parse_body(p);
	if (expect(p, "done") < 0)
		return (NULL);
	return (n);
}

/*
 * After "case": WORD in [(] PATTERN [| PATTERN]... ) LIST ;; ... esac.
 * The items hang off n->left, chained through right; each has its
 * patterns in words and its commands in left.
 */
static struct node *
parse_case(struct parser *p)
{
	struct node *n, *item, **ip;
	struct word **wp;

	n = mknode(p, N_CASE);
	if (peek(p) != T_WORD) {
		unexpected(p);
		return (NULL);
	}
	n->words = p->word;
	consume(p);
	linebreak(p);
	if (expect(p, "in") < 0)
		return (NULL);
	linebreak(p);
	ip = &n->left;
	while (!isword(p, "esac") && !p->err) {
		item = mknode(p, N_CASE);
		accept(p, T_LP);
		wp = &item->words;
		for (;;) {
			if (peek(p) != T_WORD) {
				unexpected(p);
				return (NULL);
			}
			*wp = p->word;
			wp = &p->word->next;
			consume(p);
			if (!accept(p, T_PIPE))
				break;
		}
		if (!accept(p, T_RP)) {
			unexpected(p);
			return (NULL);
		}
		item->left = parse_list(p, 1);
		*ip = item;
		ip = &item->right;
		if (accept(p, T_DSEMI))
			linebreak(p);
		else if (!isword(p, "esac")) {
			unexpected(p);
			return (NULL);
		}
	}
	if (expect(p, "esac") < 0)
		return (NULL);
	return (n);
}

/* Parse one command of a pipeline, simple or compound. */
static struct node *
parse_cmd(struct parser *p)
{
	struct node *n;
	int t;

	t = peek(p);
	if (t == T_LP) {
		consume(p);
		n = mknode(p, N_SUBSHELL);
		n->left = parse_body(p);
		if (!accept(p, T_RP) && !p->err)
			unexpected(p);
		parse_redirs(p, n);
		return (p->err ? NULL : n);
	}
	if (t != T_WORD || !p->word->plain)
		return (parse_simple(p));
	if (isword(p, "{")) {
		consume(p);
		n = mknode(p, N_BRACE);
		n->left = parse_body(p);
		if (expect(p, "}") < 0)
			return (NULL);
	} else if (isword(p, "if")) {
		consume(p);
		n = parse_if(p);
	} else if (isword(p, "while") || isword(p, "until")) {
		n = mknode(p, isword(p, "while") ? N_WHILE : N_UNTIL);
		consume(p);
		n->left = parse_body(p);
		if (expect(p, "do") < 0)
			return (NULL);
		n->right = parse_body(p);
		if (expect(p, "done") < 0)
			return (NULL);
	} else if (isword(p, "for")) {
		consume(p);
		n = parse_for(p);
	} else if (isword(p, "case")) {
		consume(p);
		n = parse_case(p);
	} else
		return (parse_simple(p));
	if (n != NULL)
		parse_redirs(p, n);
	return (p->err ? NULL : n);
}

/* Parse a pipeline, with an optional leading '!'. */
static struct node *
parse_pipeline(struct parser *p)
{
	struct node *n, *first, *c, *last;
	int bang;

	bang = 0;
	if (isword(p, "!")) {
		consume(p);
		bang = 1;
	}
	first = last = parse_cmd(p);
	if (first == NULL)
		return (NULL);
	while (accept(p, T_PIPE)) {
		linebreak(p);
		c = parse_cmd(p);
		if (c == NULL)
			return (NULL);
		last->next = c;
		last = c;
	}
	if (!bang && first->next == NULL)
		return (first);
	n = mknode(p, N_PIPE);
	n->left = first;
	n->bang = bang;
	return (n);
}

/* Parse pipelines joined by && and ||. */
static struct node *
parse_andor(struct parser *p)
{
	struct node *n, *left;
	int t;

	n = parse_pipeline(p);
	while (n != NULL && ((t = peek(p)) == T_AND || t == T_OR)) {
		consume(p);
		linebreak(p);
		left = n;
		n = mknode(p, t == T_AND ? N_AND : N_OR);
		n->left = left;
		n->right = parse_pipeline(p);
		if (n->right == NULL)
			return (NULL);
	}
	return (n);
}

/*
 * Parse a list of and-or lists separated by ';' and '&' (and newlines
 * too when nl is set, inside compound commands).  Returns NULL for an
 * empty list.
 */
static struct node *
parse_list(struct parser *p, int nl)
{
	struct node *list, *n, *s;
	size_t start;
	int t;

	list = NULL;
	for (;;) {
		if (nl)
			linebreak(p);
		if (p->err || !starts_command(p))
			break;
		start = p->tokstart;
		n = parse_andor(p);
		if (n == NULL)
			return (NULL);
		t = peek(p);
		if (t == T_AMP) {
			s = mknode(p, N_BG);
			s->left = n;
			s->name = arena_strndup(p->a, p->in->buf + start,
			    p->tokstart - start);
			n = s;
		}
		if (list == NULL)
			list = n;
		else {
			s = mknode(p, N_SEQ);
			s->left = list;
			s->right = n;
			list = s;
		}
		if (t == T_AMP || t == T_SEMI)
			consume(p);
		else if (!(t == T_NL && nl))
			break;
	}
	return (list);
}

/*
 * Parse one complete command from the input: a list ended by a newline
 * or by the end of the input.  On success *np is the command, or NULL
 * for an empty line.  Returns PARSE_OK, PARSE_EOF, PARSE_ERR (reported
 * already) or PARSE_INTR.
 */
int
parse_command(struct input *in, struct arena *a, struct node **np)
{
	struct parser ps, *p;
	struct node *n;
	int t;

	p = &ps;
	memset(p, 0, sizeof(*p));
	p->in = in;
	p->a = a;
	*np = NULL;
	t = peek(p);
	if (in->intr)
		return (PARSE_INTR);
	if (t == T_EOF)
		return (p->err ? PARSE_ERR : PARSE_EOF);
	if (t == T_NL) {
		consume(p);
		return (PARSE_OK);
	}
	n = parse_list(p, 0);
	if (!p->err) {
		t = peek(p);
		if (t == T_NL)
			consume(p);
		else if (t != T_EOF)
			unexpected(p);
		else if (p->nheredoc > 0)
			read_heredocs(p);
	}
	if (in->intr)
		return (PARSE_INTR);
	if (p->err)
		return (PARSE_ERR);
	*np = n;
	return (PARSE_OK);
}
