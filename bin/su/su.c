/*
 * su: run a shell as another user.
 *
 *	su [user] [-c command]
 *
 * Umbra has no passwords, so only root may use su; anyone else gets
 * "su: Sorry".  The user (root by default) is looked up with
 * getpwnam(3); su takes on its group and user ids, sets HOME, USER and
 * SHELL, and executes its shell (/bin/sh if the entry has none), with
 * "-c command" when a command is given.  The working directory is left
 * alone.
 */

#include <sys/types.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: su [user] [-c command]\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	const char *user, *command, *shell, *base;
	struct passwd *pw;
	char *nargv[4];
	int i;

	user = NULL;
	command = NULL;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0) {
			if (i + 1 >= argc || command != NULL)
				usage();
			command = argv[++i];
		} else if (argv[i][0] == '-' || user != NULL)
			usage();
		else
			user = argv[i];
	}
	if (user == NULL)
		user = "root";
	if (getuid() != 0) {
		fprintf(stderr, "su: Sorry\n");
		return (1);
	}
	if ((pw = getpwnam(user)) == NULL) {
		fprintf(stderr, "su: unknown login: %s\n", user);
		return (1);
	}
	shell = pw->pw_shell != NULL && pw->pw_shell[0] != '\0' ?
	    pw->pw_shell : "/bin/sh";
	if (setgid(pw->pw_gid) < 0) {
		fprintf(stderr, "su: setgid: %s\n", strerror(errno));
		return (1);
	}
	if (setuid(pw->pw_uid) < 0) {
		fprintf(stderr, "su: setuid: %s\n", strerror(errno));
		return (1);
	}
	if (setenv("HOME", pw->pw_dir, 1) < 0 ||
	    setenv("USER", pw->pw_name, 1) < 0 ||
	    setenv("SHELL", shell, 1) < 0) {
		fprintf(stderr, "su: setenv: %s\n", strerror(errno));
		return (1);
	}
	base = strrchr(shell, '/');
	base = base != NULL ? base + 1 : shell;
	nargv[0] = (char *)base;
	i = 1;
	if (command != NULL) {
		nargv[i++] = "-c";
		nargv[i++] = (char *)command;
	}
	nargv[i] = NULL;
	execv(shell, nargv);
	fprintf(stderr, "su: %s: %s\n", shell, strerror(errno));
	return (1);
}
