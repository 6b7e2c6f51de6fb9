/*
 * getopt.h: getopt_long(3) and getopt_long_only(3), the parsers of
 * long options ("--name=value"), and getopt(3) itself, as GNU and the
 * BSDs declare them here.  lib/libc/gen/getopt_long.c says how they
 * parse.
 */
#ifndef _GETOPT_H_
#define _GETOPT_H_

/* struct option's has_arg. */
#define no_argument		0
#define required_argument	1
#define optional_argument	2

struct option {
	const char	*name;		/* the long name, without "--" */
	int		 has_arg;	/* no_, required_ or optional_argument */
	int		*flag;		/* NULL: return val; else *flag = val */
	int		 val;		/* what to return, or to store */
};

int	 getopt(int, char *const [], const char *);
int	 getopt_long(int, char *const [], const char *,
	    const struct option *, int *);
int	 getopt_long_only(int, char *const [], const char *,
	    const struct option *, int *);

extern char	*optarg;
extern int	 optind, opterr, optopt, optreset;

#endif /* !_GETOPT_H_ */
