/*
 * libc_regex.h: the flags shared by the host regex test and its shim
 * (libc_regex.c, libc_regex_shim.c), which cannot share a <regex.h>.
 */
#ifndef _LIBC_REGEX_H_
#define _LIBC_REGEX_H_

#define	RT_EXT		0x01		/* REG_EXTENDED */
#define	RT_ICASE	0x02		/* REG_ICASE */
#define	RT_NOSUB	0x04		/* REG_NOSUB */
#define	RT_NEWLINE	0x08		/* REG_NEWLINE */
#define	RT_NOTBOL	0x01		/* REG_NOTBOL (execution flag) */
#define	RT_NOTEOL	0x02		/* REG_NOTEOL (execution flag) */
#define	RT_NMATCH	10		/* offsets compared, at most */

/*
 * Compile pat with tflags and match s with teflags.  Returns -(the
 * regcomp error) if it does not compile, else regexec's result, with
 * the offsets of up to nmatch subexpressions in so and eo and the
 * number of subexpressions in *nsub.
 */
int	umbra_re_run(const char *, int, const char *, int, int, long *,
	    long *, int *);
const char *umbra_re_error(int);

#endif /* !_LIBC_REGEX_H_ */
