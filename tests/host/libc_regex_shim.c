/*
 * libc_regex_shim.c: the host test's door into Umbra's regex engine
 * (lib/libc/gen/regex.c).  This file and the engine are compiled
 * against Umbra's <regex.h> and their regcomp, regexec, regerror and
 * regfree renamed umbra_* (tests/host/run.sh), so that the test
 * program, which includes the host's <regex.h>, never sees Umbra's
 * types: it calls umbra_re_run() with flags of its own.
 */
#include <regex.h>
#include <stdlib.h>

#include "libc_regex.h"

int
umbra_re_run(const char *pat, int tflags, const char *s, int teflags,
    int nmatch, long *so, long *eo, int *nsub)
{
	regmatch_t m[RT_NMATCH];
	regex_t re;
	int cflags = 0, eflags = 0, e, i;

	if (tflags & RT_EXT)
		cflags |= REG_EXTENDED;
	if (tflags & RT_ICASE)
		cflags |= REG_ICASE;
	if (tflags & RT_NOSUB)
		cflags |= REG_NOSUB;
	if (tflags & RT_NEWLINE)
		cflags |= REG_NEWLINE;
	if (teflags & RT_NOTBOL)
		eflags |= REG_NOTBOL;
	if (teflags & RT_NOTEOL)
		eflags |= REG_NOTEOL;
	if ((e = regcomp(&re, pat, cflags)) != 0)
		return (-e);
	*nsub = (int)re.re_nsub;
	if (nmatch > RT_NMATCH)
		nmatch = RT_NMATCH;
	e = regexec(&re, s, nmatch, m, eflags);
	for (i = 0; e == 0 && i < nmatch; i++) {
		so[i] = (long)m[i].rm_so;
		eo[i] = (long)m[i].rm_eo;
	}
	regfree(&re);
	return (e);
}

/* regerror's text for code e. */
const char *
umbra_re_error(int e)
{
	static char buf[128];

	regerror(e, NULL, buf, sizeof(buf));
	return (buf);
}
