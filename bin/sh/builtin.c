/*
 * builtin.c: the built-in commands of sh(1).
 *
 * A builtin runs in the shell process itself, with its redirections
 * saved and undone around it (exec.c), and returns its exit status.
 * Its output goes through sh_printf(), never through stdio buffers, so
 * nothing is written twice after a fork.
 *
 *	: true false		no-ops
 *	cd [dir | -]		change directory (default $HOME, else /)
 *	pwd			print it
 *	exit [n]		leave the shell
 *	export [name[=value] ...], unset [-f] name ...
 *	set [-ex] [--] [arg ...], shift [n]
 *	wait [pid | %n ...], jobs
 *	break [n], continue [n], return [n]
 *	eval arg ..., . file
 *	read [-r] [name ...]
 *	test expr, [ expr ]
 *
 * exec is handled in exec.c, since its redirections are not undone.
 */

#include <sys/stat.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define	CWDLEN		1024

static int
b_true(int argc, char **argv)
{
	return (0);
}

static int
b_false(int argc, char **argv)
{
	return (1);
}

/* cd [dir | -]: change directory and update PWD and OLDPWD. */
static int
b_cd(int argc, char **argv)
{
	const char *dir, *old;
	char cwd[CWDLEN];
	int print;

	print = 0;
	if (argc > 2) {
		sh_error("cd: too many arguments");
		return (2);
	}
	if (argc == 2) {
		dir = argv[1];
		if (strcmp(dir, "-") == 0) {
			if ((dir = var_get("OLDPWD")) == NULL) {
				sh_error("cd: OLDPWD not set");
				return (1);
			}
			print = 1;
		}
	} else if ((dir = var_get("HOME")) == NULL || *dir == '\0')
		dir = "/";
	if (chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		return (1);
	}
	old = var_get("PWD");
	if (old != NULL)
		var_set("OLDPWD", old, 0);
	if (getcwd(cwd, sizeof(cwd)) != NULL)
		var_set("PWD", cwd, 0);
	else
		var_set("PWD", dir, 0);
	if (print)
		sh_printf(1, "%s\n", var_get("PWD"));
	return (0);
}

static int
b_pwd(int argc, char **argv)
{
	char cwd[CWDLEN];

	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		sh_error("pwd: %s", strerror(errno));
		return (1);
	}
	sh_printf(1, "%s\n", cwd);
	return (0);
}

/* Parse a non-negative decimal number; -1 if s is not one. */
static int
number(const char *s)
{
	char *end;
	long n;

	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 0 || n > 1000000000)
		return (-1);
	return ((int)n);
}

static int
b_exit(int argc, char **argv)
{
	int n;

	n = exitstatus;
	if (argc > 1 && (n = number(argv[1])) < 0) {
		sh_error("exit: %s: bad number", argv[1]);
		n = 2;
	}
	sh_exit(n);
}

static int
b_export(int argc, char **argv)
{
	const char *eq;
	int i, status;

	if (argc == 1 || (argc == 2 && strcmp(argv[1], "-p") == 0)) {
		var_print(1);
		return (0);
	}
	status = 0;
	for (i = 1; i < argc; i++) {
		eq = strchr(argv[i], '=');
		if (!is_name(argv[i], eq ? (size_t)(eq - argv[i]) :
		    strlen(argv[i]))) {
			sh_error("export: %s: bad variable name", argv[i]);
			status = 1;
		} else if (eq != NULL)
			var_setn(argv[i], eq - argv[i], eq + 1, V_EXPORT);
		else
			var_export(argv[i]);
	}
	return (status);
}

/* unset [-f | -v] name ...: remove variables, or functions with -f. */
static int
b_unset(int argc, char **argv)
{
	int i, fflag;

	fflag = 0;
	i = 1;
	if (i < argc && (strcmp(argv[i], "-v") == 0 ||
	    strcmp(argv[i], "-f") == 0))
		fflag = argv[i++][1] == 'f';
	for (; i < argc; i++) {
		if (fflag)
			func_unset(argv[i]);
		else
			var_unset(argv[i]);
	}
	return (0);
}

/* return [n]: leave the function being run, with status n or $?. */
static int
b_return(int argc, char **argv)
{
	int n;

	n = exitstatus;
	if (argc > 1 && (n = number(argv[1])) < 0) {
		sh_error("return: %s: bad number", argv[1]);
		n = 2;
	}
	if (funcdepth == 0) {
		sh_error("return: not in a function");
		return (1);
	}
	evalskip = SKIP_RETURN;
	return (n & 0xff);
}

/* set [-ex] [+ex] [--] [arg ...]; with nothing, list the variables. */
static int
b_set(int argc, char **argv)
{
	char *p;
	int i, on;

	if (argc == 1) {
		var_print(0);
		return (0);
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if ((argv[i][0] != '-' && argv[i][0] != '+') ||
		    argv[i][1] == '\0')
			break;
		on = argv[i][0] == '-';
		for (p = argv[i] + 1; *p != '\0'; p++) {
			if (*p == 'e')
				eflag = on;
			else if (*p == 'x')
				xflag = on;
			else {
				sh_error("set: -%c: unknown option", *p);
				return (2);
			}
		}
	}
	if (i < argc || strcmp(argv[i - 1], "--") == 0)
		params_set(argc - i, argv + i);
	return (0);
}

static int
b_shift(int argc, char **argv)
{
	int n;

	n = 1;
	if (argc > 1 && (n = number(argv[1])) < 0) {
		sh_error("shift: %s: bad number", argv[1]);
		return (2);
	}
	if (params_shift(n) < 0) {
		sh_error("shift: can't shift that many");
		return (1);
	}
	return (0);
}

static int
b_wait(int argc, char **argv)
{
	return (jobs_wait(argc, argv));
}

static int
b_jobs(int argc, char **argv)
{
	jobs_list();
	return (0);
}

/* break [n] and continue [n]. */
static int
b_break(int argc, char **argv)
{
	int n;

	n = 1;
	if (argc > 1 && (n = number(argv[1])) <= 0) {
		sh_error("%s: %s: bad number", argv[0], argv[1]);
		return (2);
	}
	if (loopdepth == 0)
		return (0);
	if (n > loopdepth)
		n = loopdepth;
	evalskip = argv[0][0] == 'b' ? SKIP_BREAK : SKIP_CONT;
	skipcount = n;
	return (0);
}

/* eval arg ...: run the arguments, joined by spaces, as a command. */
static int
b_eval(int argc, char **argv)
{
	size_t len;
	char *s;
	int i, st;

	len = 1;
	for (i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 1; i < argc; i++) {
		if (i > 1)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	st = run_string(s, 0);
	free(s);
	return (st);
}

/* . file: run the commands of file in this shell. */
static int
b_dot(int argc, char **argv)
{
	if (argc < 2) {
		sh_error(".: file name required");
		return (2);
	}
	return (run_file(argv[1]));
}

/*
 * read [-r] [name ...]: read a line from standard input, one byte at a
 * time so that nothing after it is consumed, split it on $IFS and
 * assign the fields to the names (the last name gets the rest of the
 * line).  Returns 1 at end of file.
 */
static int
b_read(int argc, char **argv)
{
	const char *ifs;
	char *line, *p, *start, *end;
	size_t len, cap;
	int raw, i, eof, nnames;
	ssize_t n;
	char c;

	raw = 0;
	i = 1;
	if (i < argc && strcmp(argv[i], "-r") == 0) {
		raw = 1;
		i++;
	}
	nnames = argc - i;
	if ((ifs = var_get("IFS")) == NULL)
		ifs = " \t\n";
	cap = 64;
	line = xmalloc(cap);
	len = 0;
	eof = 0;
	for (;;) {
		n = read(0, &c, 1);
		if (n < 0 && errno == EINTR) {
			if (interactive && gotsigint) {
				free(line);
				return (128 + 2);
			}
			continue;
		}
		if (n <= 0) {
			eof = 1;
			break;
		}
		if (c == '\n')
			break;
		if (c == '\\' && !raw) {
			if (read(0, &c, 1) != 1) {
				eof = 1;
				break;
			}
			if (c == '\n')
				continue;
		}
		if (len + 2 > cap)
			line = xrealloc(line, cap *= 2);
		line[len++] = c;
	}
	line[len] = '\0';
	if (nnames == 0) {
		var_set("REPLY", line, 0);
		free(line);
		return (eof && len == 0);
	}
	p = line;
	for (; i < argc; i++) {
		while (*p != '\0' && strchr(ifs, *p) != NULL &&
		    (*p == ' ' || *p == '\t' || *p == '\n'))
			p++;
		start = p;
		if (i == argc - 1) {
			/* The last name: the rest, trailing blanks removed. */
			end = start + strlen(start);
			while (end > start && strchr(ifs, end[-1]) != NULL &&
			    (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			*end = '\0';
			p = end;
		} else {
			while (*p != '\0' && strchr(ifs, *p) == NULL)
				p++;
			if (*p != '\0')
				*p++ = '\0';
		}
		var_set(argv[i], start, 0);
	}
	free(line);
	return (eof && len == 0);
}

/*
 * test(1).  A recursive-descent evaluator over the arguments:
 *
 *	expr	: and ("-o" and)*
 *	and	: not ("-a" not)*
 *	not	: "!" not | primary
 *	primary	: "(" expr ")" | unary-op arg | arg binary-op arg | arg
 */
struct testctx {
	char	**av;		/* remaining arguments */
	int	  ac;
	int	  err;		/* syntax error: status 2 */
};

static int	test_or(struct testctx *);

static int
is_unary(const char *s)
{
	return (s[0] == '-' && s[1] != '\0' && s[2] == '\0' &&
	    strchr("bcdefhLnprsStwxz", s[1]) != NULL);
}

static int
is_binary(const char *s)
{
	static const char *const ops[] = {
		"=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
		"<", ">", NULL
	};
	int i;

	for (i = 0; ops[i] != NULL; i++)
		if (strcmp(s, ops[i]) == 0)
			return (1);
	return (0);
}

static long
test_num(struct testctx *t, const char *s)
{
	char *end;
	long n;

	n = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (*s == '\0' || *end != '\0') {
		sh_error("test: %s: bad number", s);
		t->err = 1;
	}
	return (n);
}

static int
test_unary(int op, const char *arg)
{
	struct stat st;

	switch (op) {
	case 'n':
		return (*arg != '\0');
	case 'z':
		return (*arg == '\0');
	case 'r':
		return (access(arg, R_OK) == 0);
	case 'w':
		return (access(arg, W_OK) == 0);
	case 'x':
		return (access(arg, X_OK) == 0);
	case 't':
		return (isatty(atoi(arg)));
	}
	if (stat(arg, &st) < 0)
		return (0);
	switch (op) {
	case 'e':
		return (1);
	case 'f':
		return (S_ISREG(st.st_mode));
	case 'd':
		return (S_ISDIR(st.st_mode));
	case 'c':
		return (S_ISCHR(st.st_mode));
	case 'b':
		return (S_ISBLK(st.st_mode));
	case 'p':
		return (S_ISFIFO(st.st_mode));
	case 'h':
	case 'L':
		return (S_ISLNK(st.st_mode));
	case 'S':
		return (S_ISSOCK(st.st_mode));
	case 's':
		return (st.st_size > 0);
	}
	return (0);
}

static int
test_binary(struct testctx *t, const char *l, const char *op,
    const char *r)
{
	long a, b;

	if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
		return (strcmp(l, r) == 0);
	if (strcmp(op, "!=") == 0)
		return (strcmp(l, r) != 0);
	if (strcmp(op, "<") == 0)
		return (strcmp(l, r) < 0);
	if (strcmp(op, ">") == 0)
		return (strcmp(l, r) > 0);
	a = test_num(t, l);
	b = test_num(t, r);
	if (strcmp(op, "-eq") == 0)
		return (a == b);
	if (strcmp(op, "-ne") == 0)
		return (a != b);
	if (strcmp(op, "-lt") == 0)
		return (a < b);
	if (strcmp(op, "-le") == 0)
		return (a <= b);
	if (strcmp(op, "-gt") == 0)
		return (a > b);
	return (a >= b);
}

static int
test_primary(struct testctx *t)
{
	char *a;
	int r;

	if (t->ac == 0) {
		sh_error("test: argument expected");
		t->err = 1;
		return (0);
	}
	a = t->av[0];
	if (t->ac >= 3 && is_binary(t->av[1])) {
		r = test_binary(t, a, t->av[1], t->av[2]);
		t->av += 3;
		t->ac -= 3;
		return (r);
	}
	if (strcmp(a, "(") == 0) {
		t->av++;
		t->ac--;
		r = test_or(t);
		if (t->ac == 0 || strcmp(t->av[0], ")") != 0) {
			sh_error("test: ')' expected");
			t->err = 1;
			return (0);
		}
		t->av++;
		t->ac--;
		return (r);
	}
	if (is_unary(a) && t->ac >= 2) {
		r = test_unary(a[1], t->av[1]);
		t->av += 2;
		t->ac -= 2;
		return (r);
	}
	t->av++;
	t->ac--;
	return (*a != '\0');
}

static int
test_not(struct testctx *t)
{
	if (t->ac > 0 && strcmp(t->av[0], "!") == 0) {
		t->av++;
		t->ac--;
		return (!test_not(t));
	}
	return (test_primary(t));
}

static int
test_and(struct testctx *t)
{
	int r;

	r = test_not(t);
	while (t->ac > 0 && strcmp(t->av[0], "-a") == 0) {
		t->av++;
		t->ac--;
		r = test_not(t) && r;
	}
	return (r);
}

static int
test_or(struct testctx *t)
{
	int r;

	r = test_and(t);
	while (t->ac > 0 && strcmp(t->av[0], "-o") == 0) {
		t->av++;
		t->ac--;
		r = test_and(t) || r;
	}
	return (r);
}

/* test expr and [ expr ]: 0 if true, 1 if false, 2 on error. */
static int
b_test(int argc, char **argv)
{
	struct testctx t;
	int r;

	if (strcmp(argv[0], "[") == 0) {
		if (strcmp(argv[argc - 1], "]") != 0) {
			sh_error("[: missing ]");
			return (2);
		}
		argc--;
	}
	t.av = argv + 1;
	t.ac = argc - 1;
	t.err = 0;
	if (t.ac == 0)
		return (1);
	/* POSIX: with two arguments "! x" and "-op x" come first. */
	if (t.ac == 1)
		return (argv[1][0] == '\0');
	r = test_or(&t);
	if (!t.err && t.ac != 0) {
		sh_error("test: %s: unexpected operator", t.av[0]);
		t.err = 1;
	}
	if (t.err)
		return (2);
	return (!r);
}

static const struct {
	const char	*name;
	builtin_fn	*fn;
} builtins[] = {
	{ ":",		b_true },
	{ ".",		b_dot },
	{ "[",		b_test },
	{ "break",	b_break },
	{ "cd",		b_cd },
	{ "continue",	b_break },
	{ "eval",	b_eval },
	{ "exit",	b_exit },
	{ "export",	b_export },
	{ "false",	b_false },
	{ "jobs",	b_jobs },
	{ "pwd",	b_pwd },
	{ "read",	b_read },
	{ "return",	b_return },
	{ "set",	b_set },
	{ "shift",	b_shift },
	{ "test",	b_test },
	{ "true",	b_true },
	{ "unset",	b_unset },
	{ "wait",	b_wait },
};

/*
 * Is name a POSIX special builtin, whose NAME=value prefixes stay set
 * after it?
 */
int
is_special_builtin(const char *name)
{
	static const char *const special[] = {
		":", ".", "break", "continue", "eval", "exec", "exit",
		"export", "return", "set", "shift", "unset", NULL
	};
	int i;

	for (i = 0; special[i] != NULL; i++)
		if (strcmp(special[i], name) == 0)
			return (1);
	return (0);
}

/* The builtin called name, or NULL. */
builtin_fn *
builtin_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return (builtins[i].fn);
	return (NULL);
}
