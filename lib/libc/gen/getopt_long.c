/*
 * getopt_long.c: getopt(3), getopt_long(3) and getopt_long_only(3),
 * the command option parsers, on one engine and one parsing state.
 *
 * Short options are single letters after a '-', several to a word
 * ("-ab"); a letter followed by ':' in optstring takes an argument, the
 * rest of the word or else the next word.  Long options are words
 * "--name", "--name=value" or "--name value", described by an array of
 * struct option (<getopt.h>) ending in a zeroed entry; a unique prefix
 * of a name selects it.  getopt_long_only also takes "-name" for a long
 * option, falling back to short letters when no long name matches.
 *
 * getopt() is BSD's: it stops at the first word that is not an option.
 * The long parsers permute, as GNU's do: they skip words that are not
 * options, parse the options after them, and move the skipped words to
 * the end, where optind points when parsing ends.  An optstring that
 * begins with '+' (or POSIXLY_CORRECT in the environment) stops at the
 * first operand instead; one that begins with '-' returns each operand
 * in turn as the argument of option 1.  After those, a ':' silences
 * the messages opterr otherwise lets the parsers print, and makes a
 * missing argument return ':' rather than '?'.  Parsing stops after
 * "--" and treats "-" as an operand.  Set optreset to 1 (BSD) or optind
 * to 0 (GNU) to start over on a new argument vector.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char	*optarg;		/* argument of the last option */
int	 optind = 1;		/* index of the next word to parse */
int	 opterr = 1;		/* print messages */
int	 optopt;		/* the last option letter, or long option's val */
int	 optreset;		/* start over */

#define	GO_PERMUTE	0x01	/* parse options after operands */
#define	GO_ALLARGS	0x02	/* return operands as option 1 */
#define	GO_LONGONLY	0x04	/* "-name" may be a long option */
#define	GO_SILENT	0x08	/* optstring began with ':' */

/*
 * The state kept between calls: the rest of the word whose letters are
 * being parsed, and the block of operands skipped so far,
 * argv[first_skipped .. last_skipped - 1], that has not been moved yet.
 */
static const char *place = "";
static int	first_skipped = 1;
static int	last_skipped = 1;

/*
 * Parsing ends: optind points at the first operand, which is the first
 * of the skipped ones when there are any (they now end the vector).
 */
static int
end_of_options(void)
{

	if (first_skipped < last_skipped)
		optind = first_skipped;
	first_skipped = last_skipped = optind;
	return (-1);
}

/* Is the word an operand rather than options? */
static int
is_operand(const char *word)
{

	return (word[0] != '-' || word[1] == '\0');
}

/* Print a message (unless silenced) in the form "prog: what -- which". */
static void
complain(int flags, const char *what, const char *which, int len)
{

	if (opterr && (flags & GO_SILENT) == 0)
		fprintf(stderr, "%s: %s -- %.*s\n", getprogname(), what, len,
		    which);
}

/* Reverse argv[from .. to - 1] in place. */
static void
reverse(char **argv, int from, int to)
{
	char *t;

	for (to--; from < to; from++, to--) {
		t = argv[from];
		argv[from] = argv[to];
		argv[to] = t;
	}
}

/*
 * Move the skipped operands after the options parsed since, which end
 * at optind: argv[first .. last - 1] and argv[last .. optind - 1] trade
 * places.  The operands then end at optind.
 */
static void
move_skipped(char *const *cargv)
{
	char **argv = (char **)(unsigned long)cargv;

	if (first_skipped < last_skipped && last_skipped < optind) {
		reverse(argv, first_skipped, last_skipped);
		reverse(argv, last_skipped, optind);
		reverse(argv, first_skipped, optind);
		first_skipped += optind - last_skipped;
	} else if (first_skipped == last_skipped)
		first_skipped = optind;
	last_skipped = optind;
}

/*
 * Parse the long option in word (without its dashes) against longopts.
 * A name matches exactly, or as the only prefix, or as one of several
 * prefixes that all mean the same (but not for getopt_long_only, where
 * "-fo" could be letters too).  optopt gets the option's val, or 0 if
 * none matched.  Returns what getopt_long returns, or -2 when no name
 * matches and the caller should try short letters instead (shortok).
 */
static int
parse_long(int argc, char *const argv[], const char *word,
    const struct option *longopts, int *longindex, int flags, int shortok)
{
	const struct option *o, *match = NULL;
	const char *eq;
	size_t len;
	int ambiguous = 0, i;

	eq = strchr(word, '=');
	len = eq != NULL ? (size_t)(eq - word) : strlen(word);
	for (o = longopts; len > 0 && o->name != NULL; o++) {
		if (strncmp(o->name, word, len) != 0)
			continue;
		if (strlen(o->name) == len) {		/* exact */
			match = o;
			ambiguous = 0;
			break;
		}
		if (match == NULL)
			match = o;
		else if ((flags & GO_LONGONLY) ||
		    match->has_arg != o->has_arg ||
		    match->flag != o->flag || match->val != o->val)
			ambiguous = 1;
	}
	if (match == NULL && shortok)
		return (-2);
	optind++;
	if (match == NULL || ambiguous) {
		optopt = 0;
		complain(flags, match == NULL ? "unknown option" :
		    "ambiguous option", word, (int)len);
		return ('?');
	}
	i = (int)(match - longopts);
	optopt = match->val;
	optarg = NULL;
	if (eq != NULL) {
		if (match->has_arg == no_argument) {
			complain(flags, "option doesn't take an argument",
			    word, (int)len);
			return ('?');
		}
		optarg = (char *)(unsigned long)(eq + 1);
	} else if (match->has_arg == required_argument) {
		if (optind >= argc) {
			complain(flags, "option requires an argument", word,
			    (int)len);
			return ((flags & GO_SILENT) ? ':' : '?');
		}
		optarg = argv[optind++];
	}
	if (longindex != NULL)
		*longindex = i;
	if (match->flag != NULL) {
		*match->flag = match->val;
		return (0);
	}
	return (match->val);
}

/* Parse the next letter at place, a short option. */
static int
parse_short(int argc, char *const argv[], const char *optstring, int flags)
{
	const char *oli;
	char letter;

	letter = *place++;
	optopt = (unsigned char)letter;
	oli = optopt == ':' || optopt == '-' ? NULL :
	    strchr(optstring, optopt);
	if (oli == NULL) {
		if (*place == '\0')
			optind++;
		complain(flags, "illegal option", &letter, 1);
		return ('?');
	}
	optarg = NULL;
	if (oli[1] != ':') {
		if (*place == '\0')
			optind++;
		return (optopt);
	}
	if (*place != '\0') {
		optarg = (char *)(unsigned long)place;
		optind++;
	} else if (oli[2] == ':') {
		optind++;		/* "x::": an optional argument */
	} else if (optind + 1 < argc) {
		optarg = argv[optind + 1];
		optind += 2;
	} else {
		optind++;
		place = "";
		complain(flags, "option requires an argument", &letter, 1);
		return ((flags & GO_SILENT) ? ':' : '?');
	}
	place = "";
	return (optopt);
}

/* The engine behind all three parsers; see the opening comment. */
static int
getopt_internal(int argc, char *const argv[], const char *optstring,
    const struct option *longopts, int *longindex, int flags)
{
	const char *word;
	int r, shortok;

	if (*optstring == '-') {
		flags = (flags | GO_ALLARGS) & ~GO_PERMUTE;
		optstring++;
	} else if (*optstring == '+') {
		flags &= ~GO_PERMUTE;
		optstring++;
	}
	if ((flags & GO_PERMUTE) && getenv("POSIXLY_CORRECT") != NULL)
		flags &= ~GO_PERMUTE;
	if (*optstring == ':')
		flags |= GO_SILENT;
	if (optind == 0 || optreset) {
		if (optind == 0)
			optind = 1;
		optreset = 0;
		place = "";
		first_skipped = last_skipped = optind;
	}
	if (*place != '\0')
		return (parse_short(argc, argv, optstring, flags));

	/* The caller moved optind back: forget the skipped operands. */
	if (last_skipped > optind || first_skipped > optind)
		first_skipped = last_skipped = optind;
	if (flags & GO_PERMUTE) {
		move_skipped(argv);
		while (optind < argc && argv[optind] != NULL &&
		    is_operand(argv[optind]))
			optind++;
		last_skipped = optind;
	}
	if (optind < argc && argv[optind] != NULL &&
	    strcmp(argv[optind], "--") == 0) {
		optind++;
		if (flags & GO_PERMUTE)
			move_skipped(argv);
		return (end_of_options());
	}
	if (optind >= argc || argv[optind] == NULL)
		return (end_of_options());
	word = argv[optind];
	if (is_operand(word)) {		/* only when not permuting */
		if ((flags & GO_ALLARGS) == 0)
			return (-1);
		optarg = argv[optind++];
		first_skipped = last_skipped = optind;
		return (1);
	}
	if (longopts != NULL && word[1] == '-')
		return (parse_long(argc, argv, word + 2, longopts, longindex,
		    flags, 0));
	if (longopts != NULL && (flags & GO_LONGONLY)) {
		/* "-x" is the letter x when optstring has it. */
		shortok = strchr(optstring, word[1]) != NULL;
		if (word[2] != '\0' || !shortok) {
			r = parse_long(argc, argv, word + 1, longopts,
			    longindex, flags, shortok);
			if (r != -2)
				return (r);
		}
	}
	place = word + 1;
	return (parse_short(argc, argv, optstring, flags));
}

int
getopt(int argc, char *const argv[], const char *optstring)
{

	return (getopt_internal(argc, argv, optstring, NULL, NULL, 0));
}

int
getopt_long(int argc, char *const argv[], const char *optstring,
    const struct option *longopts, int *longindex)
{

	return (getopt_internal(argc, argv, optstring, longopts, longindex,
	    GO_PERMUTE));
}

int
getopt_long_only(int argc, char *const argv[], const char *optstring,
    const struct option *longopts, int *longindex)
{

	return (getopt_internal(argc, argv, optstring, longopts, longindex,
	    GO_PERMUTE | GO_LONGONLY));
}
