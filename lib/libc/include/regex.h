/*
 * regex.h: POSIX regular expressions, regcomp(3) and regexec(3), with
 * the 4.4BSD names and values of the flags and error codes.
 *
 * Basic (the default) and extended (REG_EXTENDED) syntax, bracket
 * expressions with character classes, back-references, and the GNU
 * additions \+, \? and \| in basic expressions.  Bytes are characters:
 * there are no locales.  lib/libc/gen/regex.c says how matching works.
 */
#ifndef _REGEX_H_
#define _REGEX_H_

#include <sys/types.h>

typedef off_t	regoff_t;

typedef struct {
	int		 re_magic;	/* RE_MAGIC while compiled */
	size_t		 re_nsub;	/* parenthesised subexpressions */
	const char	*re_endp;	/* end of the pattern, for REG_PEND */
	struct re_prog	*re_g;		/* the compiled program */
} regex_t;

typedef struct {
	regoff_t	 rm_so;		/* start of the match, or -1 */
	regoff_t	 rm_eo;		/* end of the match (one past) */
} regmatch_t;

/* regcomp() flags. */
#define	REG_BASIC	0000
#define	REG_EXTENDED	0001	/* extended syntax */
#define	REG_ICASE	0002	/* ignore case */
#define	REG_NOSUB	0004	/* report only whether it matched */
#define	REG_NEWLINE	0010	/* newlines end lines: ., [^x], ^, $ */
#define	REG_NOSPEC	0020	/* the pattern is a plain string */
#define	REG_PEND	0040	/* the pattern ends at re_endp */

/* regexec() flags. */
#define	REG_NOTBOL	00001	/* the string does not start a line */
#define	REG_NOTEOL	00002	/* the string does not end a line */
#define	REG_STARTEND	00004	/* match pmatch[0].rm_so .. rm_eo only */

/* Error codes. */
#define	REG_NOMATCH	 1	/* regexec() found no match */
#define	REG_BADPAT	 2	/* invalid regular expression */
#define	REG_ECOLLATE	 3	/* invalid collating element */
#define	REG_ECTYPE	 4	/* invalid character class */
#define	REG_EESCAPE	 5	/* trailing backslash */
#define	REG_ESUBREG	 6	/* invalid back-reference number */
#define	REG_EBRACK	 7	/* brackets [ ] not balanced */
#define	REG_EPAREN	 8	/* parentheses ( ) not balanced */
#define	REG_EBRACE	 9	/* braces { } not balanced */
#define	REG_BADBR	10	/* invalid repetition count(s) */
#define	REG_ERANGE	11	/* invalid character range */
#define	REG_ESPACE	12	/* out of memory */
#define	REG_BADRPT	13	/* repetition operator with nothing before */
#define	REG_EMPTY	14	/* empty expression (unused) */
#define	REG_ASSERT	15	/* internal error */
#define	REG_INVARG	16	/* invalid argument */

#define	RE_DUP_MAX	255	/* largest count in {m,n} */

int	 regcomp(regex_t *restrict, const char *restrict, int);
int	 regexec(const regex_t *restrict, const char *restrict, size_t,
	    regmatch_t [restrict], int);
size_t	 regerror(int, const regex_t *restrict, char *restrict, size_t);
void	 regfree(regex_t *);

#endif /* !_REGEX_H_ */
