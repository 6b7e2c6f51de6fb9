/*
 * libc_regex.c: host test of Umbra's regular expressions
 * (lib/libc/gen/regex.c, reached through libc_regex_shim.c) against the
 * host's glibc.
 *
 *	1. A table of patterns, basic and extended, with flags and
 *	   subjects: both libraries must agree on whether the pattern
 *	   compiles, whether it matches and where the whole match is, and,
 *	   for the rows marked so, where every subexpression is.
 *	2. Patterns that must not compile, each with its error code
 *	   (the codes are the same numbers in both libraries).
 *	3. Random extended patterns over a small alphabet (groups,
 *	   alternation, every repetition operator, brackets, anchors) on
 *	   random subjects: both must agree on the match and its extent.
 *	   glibc finds the leftmost-longest match as POSIX asks, so this
 *	   checks that Umbra does too.
 *	4. Speed: a pattern that is exponential for a naive backtracker,
 *	   (a*)*b on a run of a's, must finish (the time limit of run.sh
 *	   catches it otherwise).
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc_regex.h"
#include "testlib.h"

struct rcase {
	const char	*pat;
	int		flags;		/* RT_* compile flags */
	const char	*s;
	int		eflags;		/* RT_NOTBOL, RT_NOTEOL */
	int		subs;		/* compare the subexpressions too */
};

static const struct rcase cases[] = {
	/* Basic expressions. */
	{ "abc", 0, "xxabcxx", 0, 1 },
	{ "abc", 0, "xxabxx", 0, 1 },
	{ "a.c", 0, "abc", 0, 1 },
	{ "a*", 0, "baaa", 0, 1 },
	{ "ba*", 0, "xbaaa", 0, 1 },
	{ "^abc", 0, "abcabc", 0, 1 },
	{ "^abc", 0, "xabc", 0, 1 },
	{ "abc$", 0, "abcabc", 0, 1 },
	{ "a^b", 0, "a^b", 0, 1 },
	{ "a$b", 0, "a$b", 0, 1 },
	{ "*a", 0, "x*a", 0, 1 },
	{ "^*a", 0, "*a", 0, 1 },
	{ "\\(*a\\)", 0, "*a", 0, 1 },
	{ "\\(ab\\)*c", 0, "xababc", 0, 1 },
	{ "\\(a\\)\\(b\\)\\(c\\)", 0, "abc", 0, 1 },
	{ "\\(a*\\)b\\1", 0, "aabaa", 0, 1 },
	{ "\\(a*\\)b\\1", 0, "aaba", 0, 1 },
	{ "\\([a-c]*\\)\\1", 0, "abcabc", 0, 1 },
	{ "a\\{2\\}", 0, "aaa", 0, 1 },
	{ "a\\{2,\\}", 0, "aaaaa", 0, 1 },
	{ "a\\{1,3\\}", 0, "aaaaa", 0, 1 },
	{ "a\\{0,0\\}b", 0, "ab", 0, 1 },
	{ "x\\{0\\}", 0, "x", 0, 1 },
	{ "a\\+", 0, "caaa", 0, 1 },
	{ "ab\\?c", 0, "ac", 0, 1 },
	{ "cat\\|dog", 0, "hotdog", 0, 1 },
	{ "a+b", 0, "a+b", 0, 1 },
	{ "a?b", 0, "a?b", 0, 1 },
	{ "a|b", 0, "a|b", 0, 1 },
	{ "(a)", 0, "(a)", 0, 1 },
	{ "a{1}", 0, "a{1}", 0, 1 },
	{ "\\.", 0, "a.b", 0, 1 },
	{ "\\*", 0, "a*b", 0, 1 },
	{ "\\[", 0, "a[b", 0, 1 },
	{ "", 0, "abc", 0, 1 },
	{ "\\(\\)", 0, "abc", 0, 1 },
	/* Brackets. */
	{ "[abc]", 0, "xxbxx", 0, 1 },
	{ "[^abc]", 0, "abcd", 0, 1 },
	{ "[a-c]*", 0, "abcd", 0, 1 },
	{ "[]a]", 0, "]", 0, 1 },
	{ "[^]a]", 0, "]ab", 0, 1 },
	{ "[a-]", 0, "-", 0, 1 },
	{ "[-a]", 0, "-", 0, 1 },
	{ "[!--]", 0, ",", 0, 1 },
	{ "[[:digit:]]*", 0, "12ab", 0, 1 },
	{ "[[:alpha:][:digit:]]*", 0, "a1b2-", 0, 1 },
	{ "[[:space:]]", 0, "a b", 0, 1 },
	{ "[[:upper:]]", 0, "abC", 0, 1 },
	{ "[[:punct:]]", 0, "ab,c", 0, 1 },
	{ "[[:xdigit:]]*", 0, "0fAgz", 0, 1 },
	{ "[[.a.]-c]", 0, "b", 0, 1 },
	{ "[[=a=]]", 0, "a", 0, 1 },
	{ "[\\]", 0, "\\", 0, 1 },
	{ "[.]", 0, "a", 0, 1 },
	{ "[*]", 0, "*", 0, 1 },
	/* Extended expressions. */
	{ "a+", RT_EXT, "caaa", 0, 1 },
	{ "ab?c", RT_EXT, "abc", 0, 1 },
	{ "(ab|cd)+", RT_EXT, "xabcdab", 0, 1 },
	{ "(a|ab)(c|bcd)", RT_EXT, "abcd", 0, 0 },
	{ "(a|ab)c", RT_EXT, "abc", 0, 1 },
	{ "a|ab|abc", RT_EXT, "abcd", 0, 1 },
	{ "(wee|week)(knights|night)", RT_EXT, "weeknights", 0, 0 },
	{ "x(a|b)*y", RT_EXT, "xababy", 0, 1 },
	{ "a{2,3}", RT_EXT, "aaaa", 0, 1 },
	{ "a{2}b", RT_EXT, "aaab", 0, 1 },
	{ "(a*)*", RT_EXT, "aaa", 0, 0 },
	{ "(a*)+b", RT_EXT, "aab", 0, 0 },
	{ "(a|b)*c", RT_EXT, "abababc", 0, 1 },
	{ "^$", RT_EXT, "", 0, 1 },
	{ "^$", RT_EXT, "a", 0, 1 },
	{ "a^b", RT_EXT, "a^b", 0, 1 },
	{ "(^a|b)", RT_EXT, "ba", 0, 1 },
	{ "a$|b", RT_EXT, "ab", 0, 1 },
	{ "()", RT_EXT, "x", 0, 1 },
	{ "(a)(b)?", RT_EXT, "a", 0, 1 },
	{ "\\(", RT_EXT, "a(b", 0, 1 },
	{ "\\{", RT_EXT, "{", 0, 1 },
	{ "[0-9]+\\.[0-9]*", RT_EXT, "pi is 3.14159", 0, 1 },
	{ "(foo|foobar)baz", RT_EXT, "foobarbaz", 0, 1 },
	{ "([a-z]+)@([a-z]+)\\.org", RT_EXT, "mail bob@example.org", 0, 1 },
	/* Flags. */
	{ "ABC", RT_ICASE, "xabcx", 0, 1 },
	{ "[a-c]+", RT_EXT | RT_ICASE, "xABcx", 0, 1 },
	{ "[^a]", RT_ICASE, "Ab", 0, 1 },
	{ "\\(a\\)\\1", RT_ICASE, "aA", 0, 1 },
	{ "abc", RT_NOSUB, "xabc", 0, 0 },
	{ "^abc", 0, "abc", RT_NOTBOL, 1 },
	{ "abc$", 0, "abc", RT_NOTEOL, 1 },
	{ "^b", RT_NEWLINE, "a\nb", 0, 1 },
	{ "a$", RT_NEWLINE, "a\nb", 0, 1 },
	{ "a.b", RT_NEWLINE, "a\nb", 0, 1 },
	{ "a[^x]b", RT_NEWLINE, "a\nb", 0, 1 },
	{ "a.b", 0, "a\nb", 0, 1 },
	{ "^b", 0, "a\nb", 0, 1 },
	{ "^b", RT_NEWLINE, "a\nb", RT_NOTBOL, 1 },
};

/* Patterns that must not compile, with the error both must give. */
static const struct {
	const char	*pat;
	int		flags;
	int		error;
} bad[] = {
	{ "a\\", 0, REG_EESCAPE },
	{ "[abc", 0, REG_EBRACK },
	{ "[]", 0, REG_EBRACK },
	{ "[[:nope:]]", 0, REG_ECTYPE },
	{ "[[.ab.]]", 0, REG_ECOLLATE },
	{ "[z-a]", 0, REG_ERANGE },
	{ "\\(a", 0, REG_EPAREN },
	{ "a\\)", 0, REG_EPAREN },
	{ "(a", RT_EXT, REG_EPAREN },
	{ "a\\{1", 0, REG_EBRACE },
	{ "a\\{2,1\\}", 0, REG_BADBR },
	{ "a\\{1a\\}", 0, REG_BADBR },
	{ "a{1", RT_EXT, REG_EBRACE },
	{ "a{3,2}", RT_EXT, REG_BADBR },
	{ "a{256}", RT_EXT, REG_BADBR },
	{ "\\1", 0, REG_ESUBREG },
	{ "\\(a\\)\\2", 0, REG_ESUBREG },
	{ "\\(a\\1\\)", 0, REG_ESUBREG },
};

/*
 * Where Umbra follows 4.4BSD and glibc differs: an extended '{' that
 * does not start an interval is literal (glibc: REG_EBRACE).  Each
 * must match the whole subject.
 */
static const struct {
	const char	*pat;
	const char	*s;
} bsd_literal[] = {
	{ "a{", "a{" },
	{ "a{,", "a{," },
	{ "{x}", "{x}" },
};

static const char *
show(const char *s)
{
	static char buf[4][128];
	static int k;
	char *b = buf[k++ % 4];
	size_t i, n = 0;

	for (i = 0; s[i] != '\0' && n < sizeof(buf[0]) - 3; i++) {
		if (s[i] == '\n') {
			b[n++] = '\\';
			b[n++] = 'n';
		} else
			b[n++] = s[i];
	}
	b[n] = '\0';
	return (b);
}

/*
 * Run one case in both libraries and compare: the result, the whole
 * match and, with subs, every subexpression.
 */
static void
compare(const char *pat, int flags, const char *s, int eflags, int subs)
{
	regmatch_t m[RT_NMATCH];
	regex_t re;
	long so[RT_NMATCH], eo[RT_NMATCH];
	int cflags = 0, gflags = 0, ge, ue, nsub = 0, i, n;

	if (flags & RT_EXT)
		cflags |= REG_EXTENDED;
	if (flags & RT_ICASE)
		cflags |= REG_ICASE;
	if (flags & RT_NOSUB)
		cflags |= REG_NOSUB;
	if (flags & RT_NEWLINE)
		cflags |= REG_NEWLINE;
	if (eflags & RT_NOTBOL)
		gflags |= REG_NOTBOL;
	if (eflags & RT_NOTEOL)
		gflags |= REG_NOTEOL;
	/*
	 * glibc works out subexpressions by a backtracking search that can
	 * take exponential time (nested repetitions of groups): ask it for
	 * them only where they are compared.
	 */
	n = subs ? RT_NMATCH : 1;
	if ((ge = regcomp(&re, pat, cflags)) != 0)
		ge = -ge;
	else {
		ge = regexec(&re, s, n, m, gflags);
		if (ge == 0 && (size_t)nsub != re.re_nsub)
			nsub = (int)re.re_nsub;
	}
	ue = umbra_re_run(pat, flags, s, eflags, n, so, eo, &nsub);
	if (ge > 0 || ue > 0)
		ge = ge > 0 ? REG_NOMATCH : ge, ue = ue > 0 ? REG_NOMATCH : ue;
	if (ue != ge) {
		fail("/%s/ flags %#x on \"%s\": umbra %d, glibc %d", show(pat),
		    flags, show(s), ue, ge);
		goto out;
	}
	if (ue != 0 || (flags & RT_NOSUB))
		goto out;
	n = subs ? nsub + 1 : 1;
	for (i = 0; i < n && i < RT_NMATCH; i++) {
		if (so[i] != (long)m[i].rm_so || eo[i] != (long)m[i].rm_eo)
			fail("/%s/ flags %#x on \"%s\": match %d at %ld-%ld, "
			    "glibc %ld-%ld", show(pat), flags, show(s), i,
			    so[i], eo[i], (long)m[i].rm_so, (long)m[i].rm_eo);
	}
out:
	if (ge >= 0)
		regfree(&re);
}

/*
 * A random extended pattern of about depth levels over "abc".  Anchors
 * appear only at the very start and end: glibc lets a '^' inside a
 * repeated group match more than once (it finds "(^[^a]){2,}a" in
 * "cbab"), which POSIX does not allow.
 */
static void
randpat(char *p, size_t size, int depth, int top)
{
	static const char *atoms[] = { "a", "b", ".", "[ab]", "[^a]", "c" };
	static const char *ops[] = { "*", "+", "?", "{0,2}", "{1}", "{2,}",
	    "", "", "" };
	size_t len;
	int k, i, n;

	p[0] = '\0';
	n = 1 + (int)rnd(3);
	for (i = 0; i < n; i++) {
		len = strlen(p);
		if (len + 40 >= size)
			break;
		k = (int)rnd(10);
		if (depth > 0 && k < 3) {
			char inner[128], inner2[128];

			randpat(inner, sizeof(inner), depth - 1, 0);
			if (rnd(3) == 0) {
				randpat(inner2, sizeof(inner2), depth - 1, 0);
				snprintf(p + len, size - len, "(%s|%s)", inner,
				    inner2);
			} else
				snprintf(p + len, size - len, "(%s)", inner);
		} else if (k == 3 && i == 0 && top)
			snprintf(p + len, size - len, "^");
		else
			snprintf(p + len, size - len, "%s",
			    atoms[rnd(sizeof(atoms) / sizeof(atoms[0]))]);
		len = strlen(p);
		if (len > 0 && p[len - 1] != '^')
			snprintf(p + len, size - len, "%s",
			    ops[rnd(sizeof(ops) / sizeof(ops[0]))]);
	}
	if (top && rnd(8) == 0)
		strncat(p, "$", size - strlen(p) - 1);
}

int
main(void)
{
	char pat[256], s[32];
	long so[RT_NMATCH], eo[RT_NMATCH];
	int nsub, e, i, k, len;
	size_t j;

	for (j = 0; j < sizeof(cases) / sizeof(cases[0]); j++)
		compare(cases[j].pat, cases[j].flags, cases[j].s,
		    cases[j].eflags, cases[j].subs);

	for (j = 0; j < sizeof(bad) / sizeof(bad[0]); j++) {
		regex_t re;
		int cflags = (bad[j].flags & RT_EXT) ? REG_EXTENDED : 0;

		e = -umbra_re_run(bad[j].pat, bad[j].flags, "", 0, 1, so, eo,
		    &nsub);
		if (e != bad[j].error)
			fail("/%s/: umbra gives %d (%s), want %d", bad[j].pat,
			    e, umbra_re_error(e), bad[j].error);
		if ((e = regcomp(&re, bad[j].pat, cflags)) == 0)
			regfree(&re);
		if (e != bad[j].error)
			printf("note: /%s/: glibc gives %d, umbra %d\n",
			    bad[j].pat, e, bad[j].error);
	}

	for (j = 0; j < sizeof(bsd_literal) / sizeof(bsd_literal[0]); j++) {
		e = umbra_re_run(bsd_literal[j].pat, RT_EXT, bsd_literal[j].s,
		    0, 1, so, eo, &nsub);
		if (e != 0 || so[0] != 0 ||
		    eo[0] != (long)strlen(bsd_literal[j].s))
			fail("/%s/ on \"%s\": %d, %ld-%ld", bsd_literal[j].pat,
			    bsd_literal[j].s, e, e == 0 ? so[0] : -1,
			    e == 0 ? eo[0] : -1);
	}

	for (i = 0; i < 20000; i++) {
		randpat(pat, sizeof(pat), 2, 1);
		len = (int)rnd(12);
		for (k = 0; k < len; k++)
			s[k] = "abc"[rnd(3)];
		s[len] = '\0';
		compare(pat, RT_EXT, s, 0, 0);
	}

	/* Exponential for a naive backtracker; linear here. */
	memset(pat, 0, sizeof(pat));
	{
		static char as[4001];

		memset(as, 'a', 4000);
		e = umbra_re_run("(a*)*b", RT_EXT, as, 0, 1, so, eo, &nsub);
		if (e != REG_NOMATCH)
			fail("(a*)*b on 4000 a's: %d, not REG_NOMATCH", e);
		e = umbra_re_run("(a|aa)*c", RT_EXT, as, 0, 2, so, eo, &nsub);
		if (e != REG_NOMATCH)
			fail("(a|aa)*c on 4000 a's: %d, not REG_NOMATCH", e);
	}
	return (test_done());
}
