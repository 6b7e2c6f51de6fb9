/*
 * getopt.c: getopt(3), the POSIX command option parser, BSD flavour.
 *
 * Options are single letters after a '-'; several may share one
 * argument ("-ab").  A letter followed by ':' in optstring takes an
 * argument, the rest of the word or else the next word.  Parsing stops
 * at the first word that is not an option, at "-" (an operand) and
 * after "--".  An unknown letter gives '?', as does a missing argument,
 * unless optstring begins with ':', which makes the latter ':' and
 * silences the messages that opterr otherwise lets getopt print.  Set
 * optreset to 1 (or optind to 0) to parse a new argument vector.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char	*optarg;		/* argument of the last option */
int	 optind = 1;		/* index of the next word to parse */
int	 opterr = 1;		/* print messages */
int	 optopt;		/* the last option letter */
int	 optreset;		/* start over */

int
getopt(int argc, char *const argv[], const char *optstring)
{
	static const char *place = "";	/* rest of the current word */
	const char *oli;
	int silent;

	silent = *optstring == ':';
	if (optind == 0) {
		optind = 1;
		optreset = 1;
	}
	if (optreset || *place == '\0') {
		optreset = 0;
		if (optind >= argc || argv[optind] == NULL ||
		    argv[optind][0] != '-' || argv[optind][1] == '\0') {
			place = "";
			return (-1);
		}
		place = argv[optind];
		if (place[1] == '-' && place[2] == '\0') {
			optind++;
			place = "";
			return (-1);
		}
		place++;
	}

	optopt = (unsigned char)*place++;
	oli = optopt == ':' ? NULL : strchr(optstring, optopt);
	if (oli == NULL) {
		if (*place == '\0')
			optind++;
		if (opterr && !silent)
			fprintf(stderr, "%s: illegal option -- %c\n",
			    getprogname(), optopt);
		return ('?');
	}
	if (oli[1] != ':') {
		optarg = NULL;
		if (*place == '\0')
			optind++;
		return (optopt);
	}
	if (*place != '\0') {
		optarg = (char *)(unsigned long)place;
	} else if (++optind < argc) {
		optarg = argv[optind];
	} else {
		place = "";
		if (silent)
			return (':');
		if (opterr)
			fprintf(stderr,
			    "%s: option requires an argument -- %c\n",
			    getprogname(), optopt);
		return ('?');
	}
	place = "";
	optind++;
	return (optopt);
}
