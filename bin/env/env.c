/*
 * env: run a program in a changed environment, or print the
 * environment.
 *
 *	env [-i] [-u name] ... [name=value ...] [utility [argument ...]]
 *
 * -i starts from an empty environment ("-" alone means the same, the
 * old way), -u removes a variable, each name=value sets one.  Then the
 * utility is executed, found through PATH (of the new environment, as
 * execvp(3) looks it up), or, without one, the environment is printed,
 * one name=value a line.  Exit status: the utility's; 126 if it was
 * found but could not be executed, 127 if it was not found, with
 * "env: utility: error" on the standard error; 1 for bad usage or a
 * variable that cannot be set.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static void
usage(void)
{

	fprintf(stderr, "usage: env [-i] [-u name] [name=value ...] "
	    "[utility [argument ...]]\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	static char *empty[1];
	char **ep, *eq;
	int ch;

	while ((ch = getopt(argc, argv, "iu:")) != -1) {
		switch (ch) {
		case 'i':
			environ = empty;
			break;
		case 'u':
			if (optarg[0] == '\0' || strchr(optarg, '=') != NULL)
				errx(1, "invalid variable name: %s", optarg);
			if (unsetenv(optarg) == -1)
				err(1, "unsetenv %s", optarg);
			break;
		default:
			usage();
		}
	}
	argv += optind;
	if (*argv != NULL && strcmp(*argv, "-") == 0) {
		environ = empty;
		argv++;
	}
	for (; *argv != NULL && (eq = strchr(*argv, '=')) != NULL; argv++) {
		if (eq == *argv)
			errx(1, "invalid variable name: %s", *argv);
		*eq = '\0';
		if (setenv(*argv, eq + 1, 1) == -1)
			err(1, "setenv %s", *argv);
		*eq = '=';
	}
	if (*argv == NULL) {
		for (ep = environ; *ep != NULL; ep++)
			printf("%s\n", *ep);
		if (fflush(stdout) == EOF || ferror(stdout))
			err(1, "standard output");
		return (0);
	}
	execvp(*argv, argv);
	ch = errno;
	warn("%s", *argv);
	return (ch == ENOENT ? 127 : 126);
}
