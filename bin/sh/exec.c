/*
 * exec.c: evaluation of parse trees for sh(1).
 *
 * eval() walks a tree and returns the exit status of what it ran,
 * which it also leaves in exitstatus ($?).  The EV_EXIT flag says that
 * the shell process exits as soon as the node is done: a forked child,
 * or the last command of sh -c.  A simple external command run under
 * EV_EXIT replaces the process with execve() instead of forking again,
 * so `sh -c cmd' and every element of a pipeline cost one process.
 *
 * Redirections of builtins and of compound commands run in the shell
 * itself: each descriptor they change is first saved (dup'ed above 10,
 * close-on-exec) and put back afterwards.  Forked children apply their
 * redirections for good.
 *
 * Background commands (`&') run in a forked subshell with SIGINT and
 * SIGQUIT ignored and standard input from /dev/null (there is no job
 * control); the subshell's pid is $!, and jobs.c remembers it until
 * its status has been collected.
 *
 * break and continue set evalskip/skipcount; every list and loop stops
 * early while evalskip is set, and each loop it passes uses up one
 * level.  return sets it too, and the function call clears it.  An
 * interactive shell also abandons the rest of a command line after ^C.
 *
 * A function definition copies the body out of the parse arena (which
 * is freed after each top-level command) into an arena of its own.
 * Functions come before regular builtins and commands in the search,
 * after special builtins.
 */

#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

int	evalskip;		/* SKIP_BREAK, SKIP_CONT or SKIP_RETURN */
int	skipcount;		/* loop levels still to leave */
int	loopdepth;		/* loops being evaluated */
int	funcdepth;		/* function calls in progress */
static int condnest;		/* evaluating a condition: no set -e */

/* A shell function: its name and a private copy of its body. */
struct func {
	struct func	*next;
	char		*name;
	struct node	*body;
	struct arena	 arena;		/* holds body */
};

static struct func *funcs;

#define	MAXSAVE		16

/* Descriptors saved while a builtin's redirections are in force. */
struct savefds {
	int	n;
	int	fd[MAXSAVE];	/* the descriptor redirected */
	int	copy[MAXSAVE];	/* where it was saved, -1 if closed */
};

/* Remember descriptor fd so that restore() can put it back. */
static void
save_fd(struct savefds *sv, int fd)
{
	int i, copy;

	if (sv == NULL)
		return;
	for (i = 0; i < sv->n; i++)
		if (sv->fd[i] == fd)
			return;
	if (sv->n == MAXSAVE)
		return;
	copy = fcntl(fd, F_DUPFD, 10);
	if (copy >= 0)
		fcntl(copy, F_SETFD, FD_CLOEXEC);
	sv->fd[sv->n] = fd;
	sv->copy[sv->n++] = copy;
}

/* Undo the redirections recorded in sv, newest first. */
static void
restore(struct savefds *sv)
{
	int i;

	for (i = sv->n - 1; i >= 0; i--) {
		if (sv->copy[i] >= 0) {
			dup2(sv->copy[i], sv->fd[i]);
			close(sv->copy[i]);
		} else
			close(sv->fd[i]);
	}
	sv->n = 0;
}

/*
 * A descriptor open for reading a here-document body.  Small bodies
 * are written into a pipe at once; larger ones by a child, so that a
 * full pipe cannot block the shell.
 */
static int
heredoc_fd(const char *body)
{
	size_t len;
	ssize_t n;
	pid_t pid;
	int pfd[2];

	if (pipe(pfd) < 0)
		return (-1);
	len = strlen(body);
	if (len > 512) {
		pid = fork();
		if (pid == 0) {
			close(pfd[0]);
			signal(SIGPIPE, SIG_DFL);
			while (len > 0 && (n = write(pfd[1], body, len)) > 0) {
				body += n;
				len -= n;
			}
			_exit(0);
		}
		len = 0;
	}
	while (len > 0 && (n = write(pfd[1], body, len)) > 0) {
		body += n;
		len -= n;
	}
	close(pfd[1]);
	return (pfd[0]);
}

/*
 * Apply the redirections in r, saving what they change in sv (unless
 * sv is NULL).  Returns 0, or -1 after reporting an error; the
 * redirections already done stay in sv to be restored.
 */
static int
redirect(struct redir *r, struct savefds *sv)
{
	char *target, *end;
	int fd, newfd, flags, err;
	long src;

	for (; r != NULL; r = r->next) {
		fd = r->fd;
		err = 0;
		if (r->op == R_HEREDOC) {
			target = r->hquoted ? xstrdup(r->target->text) :
			    expand_heredoc(r->target->text, &err);
			save_fd(sv, fd);
			newfd = heredoc_fd(target);
			free(target);
			if (newfd < 0) {
				sh_error("here-document: %s", strerror(errno));
				return (-1);
			}
			goto install;
		}
		target = expand_string(r->target->text, &err);
		if (err) {
			free(target);
			return (-1);
		}
		if (r->op == R_DUPIN || r->op == R_DUPOUT) {
			if (strcmp(target, "-") == 0) {
				save_fd(sv, fd);
				close(fd);
				free(target);
				continue;
			}
			src = strtol(target, &end, 10);
			if (*target == '\0' || *end != '\0' || src < 0 ||
			    src > 255 || fcntl((int)src, F_GETFD) < 0) {
				sh_error("%s: bad file descriptor", target);
				free(target);
				return (-1);
			}
			free(target);
			if (src != fd) {
				save_fd(sv, fd);
				dup2((int)src, fd);
			}
			continue;
		}
		switch (r->op) {
		case R_IN:
			flags = O_RDONLY;
			break;
		case R_OUT:
			flags = O_WRONLY | O_CREAT | O_TRUNC;
			break;
		case R_APPEND:
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		default:
			flags = O_RDWR | O_CREAT;
			break;
		}
		save_fd(sv, fd);
		newfd = open(target, flags, 0666);
		if (newfd < 0) {
			sh_error("%s: %s", target, strerror(errno));
			free(target);
			return (-1);
		}
		free(target);
install:
		if (newfd != fd) {
			dup2(newfd, fd);
			close(newfd);
		}
	}
	return (0);
}

/*
 * execve() path, running it as a shell script if the kernel does not
 * know the format.  Returns only on failure, with errno set.
 */
static void
try_exec(const char *path, char **argv, char **env)
{
	char **nargv;
	int n;

	execve(path, argv, env);
	if (errno != ENOEXEC)
		return;
	for (n = 0; argv[n] != NULL; n++)
		;
	nargv = xmalloc((n + 2) * sizeof(char *));
	nargv[0] = "sh";
	nargv[1] = (char *)path;
	memcpy(nargv + 2, argv + 1, n * sizeof(char *));
	execve("/bin/sh", nargv, env);
	free(nargv);
	errno = ENOEXEC;
}

/*
 * Replace the process with the command argv, looked up in $PATH
 * unless its name has a '/'.  Never returns: on failure it reports
 * "NAME: not found" (status 127) or the error (status 126) and exits.
 */
void
shell_exec(char **argv, char **env)
{
	const char *path, *p, *q;
	char *buf;
	size_t dlen, nlen;
	int e;

	e = ENOENT;
	if (strchr(argv[0], '/') != NULL) {
		try_exec(argv[0], argv, env);
		e = errno;
	} else if (argv[0][0] != '\0') {
		if ((path = var_get("PATH")) == NULL)
			path = "/bin";
		nlen = strlen(argv[0]);
		buf = xmalloc(strlen(path) + nlen + 3);
		for (p = path;; p = q + 1) {
			q = strchr(p, ':');
			if (q == NULL)
				q = p + strlen(p);
			dlen = q - p;
			if (dlen == 0) {
				memcpy(buf, argv[0], nlen + 1);
			} else {
				memcpy(buf, p, dlen);
				buf[dlen] = '/';
				memcpy(buf + dlen + 1, argv[0], nlen + 1);
			}
			try_exec(buf, argv, env);
			if (errno != ENOENT && errno != ENOTDIR)
				e = errno;
			if (*q == '\0')
				break;
		}
		free(buf);
	}
	if (e == ENOENT || e == ENOTDIR) {
		sh_error("%s: not found", argv[0]);
		_exit(127);
	}
	sh_error("%s: %s", argv[0], strerror(e));
	_exit(126);
}

/* Split "NAME=value" assignments, expand the values and set them. */
static int
do_assigns(struct word *w, int flags)
{
	char *eq, *v;
	int err;

	for (; w != NULL; w = w->next) {
		eq = strchr(w->text, '=');
		err = 0;
		v = expand_string(eq + 1, &err);
		if (err) {
			free(v);
			return (-1);
		}
		var_setn(w->text, eq - w->text, v, flags);
		free(v);
	}
	return (0);
}

/*
 * The values that the NAME=value prefixes of a regular builtin (cd,
 * read, ...) replace for its duration.
 */
struct savevars {
	int	 n;
	char	*name[MAXSAVE];
	char	*val[MAXSAVE];		/* NULL: was unset */
};

/* Remember the current values of the variables that w assigns. */
static void
save_vars(struct word *w, struct savevars *sv)
{
	const char *eq, *v;

	for (; w != NULL && sv->n < MAXSAVE; w = w->next) {
		eq = strchr(w->text, '=');
		sv->name[sv->n] = xmalloc(eq - w->text + 1);
		memcpy(sv->name[sv->n], w->text, eq - w->text);
		sv->name[sv->n][eq - w->text] = '\0';
		v = var_get(sv->name[sv->n]);
		sv->val[sv->n++] = v != NULL ? xstrdup(v) : NULL;
	}
}

/* Put back the values saved by save_vars(). */
static void
restore_vars(struct savevars *sv)
{
	int i;

	for (i = sv->n - 1; i >= 0; i--) {
		if (sv->val[i] != NULL)
			var_set(sv->name[i], sv->val[i], 0);
		else
			var_unset(sv->name[i]);
		free(sv->name[i]);
		free(sv->val[i]);
	}
	sv->n = 0;
}

/* set -x: print the command about to run. */
static void
trace(struct strlist *args)
{
	int i;

	sh_printf(2, "+");
	for (i = 0; i < args->n; i++)
		sh_printf(2, " %s", args->v[i]);
	sh_printf(2, "\n");
}

static struct word *
copy_words(struct arena *a, struct word *w)
{
	struct word *c;

	if (w == NULL)
		return (NULL);
	c = arena_alloc(a, sizeof(*c));
	c->text = arena_strndup(a, w->text, strlen(w->text));
	c->plain = w->plain;
	c->next = copy_words(a, w->next);
	return (c);
}

static struct redir *
copy_redirs(struct arena *a, struct redir *r)
{
	struct redir *c;

	if (r == NULL)
		return (NULL);
	c = arena_alloc(a, sizeof(*c));
	*c = *r;
	c->target = copy_words(a, r->target);
	c->next = copy_redirs(a, r->next);
	return (c);
}

/* Copy the tree n, with everything it points to, into arena a. */
static struct node *
copy_node(struct arena *a, struct node *n)
{
	struct node *c;

	if (n == NULL)
		return (NULL);
	c = arena_alloc(a, sizeof(*c));
	*c = *n;
	c->left = copy_node(a, n->left);
	c->right = copy_node(a, n->right);
	c->third = copy_node(a, n->third);
	c->next = copy_node(a, n->next);
	c->words = copy_words(a, n->words);
	c->assigns = copy_words(a, n->assigns);
	c->redirs = copy_redirs(a, n->redirs);
	if (n->name != NULL)
		c->name = arena_strndup(a, n->name, strlen(n->name));
	return (c);
}

static struct func *
func_find(const char *name)
{
	struct func *f;

	for (f = funcs; f != NULL; f = f->next)
		if (strcmp(f->name, name) == 0)
			return (f);
	return (NULL);
}

/*
 * Define (or redefine) function name with a copy of body.  An old
 * definition is freed only when no function is running, since it might
 * be the one running; otherwise it is left allocated.
 */
static void
func_define(const char *name, struct node *body)
{
	struct func *f;

	if ((f = func_find(name)) == NULL) {
		f = xmalloc(sizeof(*f));
		f->name = xstrdup(name);
		f->next = funcs;
		funcs = f;
	} else if (funcdepth == 0)
		arena_free(&f->arena);
	f->arena.blocks = NULL;
	f->body = copy_node(&f->arena, body);
}

/* unset -f: remove function name.  Returns 0. */
int
func_unset(const char *name)
{
	struct func **fp, *f;

	for (fp = &funcs; (f = *fp) != NULL; fp = &f->next)
		if (strcmp(f->name, name) == 0) {
			*fp = f->next;
			if (funcdepth == 0)
				arena_free(&f->arena);
			free(f->name);
			free(f);
			break;
		}
	return (0);
}

/*
 * Call function f with the arguments args (args->v[0] is its name):
 * the positional parameters are the arguments while it runs, its
 * NAME=value prefixes and redirections last as long as the call.
 */
static int
call_func(struct func *f, struct node *n, struct strlist *args)
{
	struct savevars saved;
	struct savefds sv;
	char **oparams;
	int onparams, status;

	saved.n = 0;
	sv.n = 0;
	save_vars(n->assigns, &saved);
	if (do_assigns(n->assigns, 0) < 0 || redirect(n->redirs, &sv) < 0) {
		restore(&sv);
		restore_vars(&saved);
		return (1);
	}
	oparams = params;
	onparams = nparams;
	params = NULL;
	nparams = 0;
	params_set(args->n - 1, args->v + 1);
	funcdepth++;
	status = eval(f->body, 0);
	funcdepth--;
	if (evalskip == SKIP_RETURN)
		evalskip = 0;
	params_set(0, NULL);
	free(params);
	params = oparams;
	nparams = onparams;
	restore(&sv);
	restore_vars(&saved);
	return (status);
}

/*
 * Run a simple command: expand it, then run a builtin in the shell or
 * an external command in a child (or in this process under EV_EXIT).
 */
static int
eval_simple(struct node *n, int flags)
{
	struct savefds sv;
	struct strlist args;
	struct savevars saved;
	struct func *f;
	builtin_fn *bf;
	pid_t pid;
	int status;

	sv.n = 0;
	saved.n = 0;
	lastcmdsub = 0;
	sl_init(&args);
	if (expand_words(n->words, &args) < 0) {
		/* An expansion error ends a non-interactive shell. */
		sl_free(&args);
		if (!interactive)
			sh_exit(2);
		return (2);
	}
	if (xflag && args.n > 0)
		trace(&args);
	if (args.n == 0) {
		/* Only assignments and redirections. */
		status = do_assigns(n->assigns, 0) < 0 ? 1 : lastcmdsub;
		if (redirect(n->redirs, &sv) < 0)
			status = 1;
		restore(&sv);
		sl_free(&args);
		return (status);
	}
	if (strcmp(args.v[0], "exec") == 0) {
		/* exec: redirections for good, and maybe a new program. */
		if (redirect(n->redirs, NULL) < 0 ||
		    do_assigns(n->assigns, V_EXPORT) < 0) {
			sl_free(&args);
			return (1);
		}
		if (args.n > 1)
			shell_exec(args.v + 1, var_environ());
		sl_free(&args);
		return (0);
	}
	if (!is_special_builtin(args.v[0]) &&
	    (f = func_find(args.v[0])) != NULL) {
		status = call_func(f, n, &args);
		sl_free(&args);
		return (status);
	}
	if ((bf = builtin_lookup(args.v[0])) != NULL) {
		if (n->assigns != NULL && !is_special_builtin(args.v[0]))
			save_vars(n->assigns, &saved);
		if (do_assigns(n->assigns, 0) < 0)
			status = 1;
		else if (redirect(n->redirs, &sv) < 0)
			status = 1;
		else
			status = bf(args.n, args.v);
		restore(&sv);
		if (saved.n > 0)
			restore_vars(&saved);
		sl_free(&args);
		return (status);
	}
	if (!(flags & EV_EXIT)) {
		pid = fork_child(0);
		if (pid < 0) {
			sl_free(&args);
			return (2);
		}
		if (pid > 0) {
			sl_free(&args);
			return (wait_fg(pid));
		}
	}
	/* In the child (or the last command of the shell). */
	if (redirect(n->redirs, NULL) < 0)
		_exit(1);
	if (do_assigns(n->assigns, V_EXPORT) < 0)
		_exit(1);
	shell_exec(args.v, var_environ());
}

/* Run a pipeline of two or more commands; the last one's status. */
static int
eval_pipe(struct node *n)
{
	struct node *c;
	pid_t *pids;
	int i, j, ncmds, pfd[2], prevfd, st, status;

	ncmds = 0;
	for (c = n->left; c != NULL; c = c->next)
		ncmds++;
	pids = xmalloc(ncmds * sizeof(pid_t));
	prevfd = -1;
	i = 0;
	for (c = n->left; c != NULL; c = c->next) {
		if (c->next != NULL && pipe(pfd) < 0) {
			sh_error("pipe: %s", strerror(errno));
			break;
		}
		pids[i] = fork_child(0);
		if (pids[i] == 0) {
			if (prevfd >= 0 && prevfd != 0) {
				dup2(prevfd, 0);
				close(prevfd);
			}
			if (c->next != NULL) {
				close(pfd[0]);
				if (pfd[1] != 1) {
					dup2(pfd[1], 1);
					close(pfd[1]);
				}
			}
			sh_exit(eval(c, EV_EXIT));
		}
		if (prevfd >= 0)
			close(prevfd);
		if (c->next != NULL) {
			close(pfd[1]);
			prevfd = pfd[0];
		}
		if (pids[i] < 0)
			break;
		i++;
	}
	if (c != NULL && prevfd >= 0)
		close(prevfd);
	status = 2;
	for (j = 0; j < i; j++) {
		st = wait_pid(pids[j]);
		if (j == ncmds - 1)
			status = wait_status(st, 1);
		else
			wait_status(st, 0);
	}
	free(pids);
	return (status);
}

/* Start a background job: a subshell running n. */
static int
eval_bg(struct node *n)
{
	pid_t pid;
	int fd;

	jobs_reap();
	pid = fork_child(1);
	if (pid < 0)
		return (2);
	if (pid == 0) {
		if ((fd = open("/dev/null", O_RDONLY)) >= 0 && fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
		sh_exit(eval(n->left, EV_EXIT));
	}
	job_add(pid, n->name);
	lastbgpid = pid;
	return (0);
}

/*
 * After the body of a loop set evalskip: use up one level of a break
 * or continue.  Returns 1 if the loop must stop (always, for a return),
 * 0 if it goes on with its next iteration.
 */
static int
loop_skip(void)
{
	if (evalskip == SKIP_RETURN)
		return (1);
	if (--skipcount > 0)
		return (1);
	if (evalskip == SKIP_CONT) {
		evalskip = 0;
		return (0);
	}
	evalskip = 0;
	return (1);
}

/* Should a list stop before its next command? */
static int
stopping(void)
{
	return (evalskip || (interactive && gotsigint));
}

/* Evaluate a condition: set -e does not apply inside. */
static int
eval_cond(struct node *n)
{
	int st;

	condnest++;
	st = eval(n, 0);
	condnest--;
	return (st);
}

/*
 * while and until: run the body while the condition succeeds (fails).
 * Returns the status of the last body run, 0 if none ran.
 */
static int
eval_loop(struct node *n)
{
	int status, c;

	status = 0;
	loopdepth++;
	for (;;) {
		c = eval_cond(n->left);
		if (evalskip) {
			if (loop_skip())
				break;
			continue;
		}
		if (stopping() || (n->type == N_WHILE) != (c == 0))
			break;
		status = eval(n->right, 0);
		if (evalskip) {
			if (loop_skip())
				break;
			continue;
		}
		if (stopping())
			break;
	}
	loopdepth--;
	return (status);
}

/*
 * for NAME [in WORDS]: run the body once for each expanded word (the
 * positional parameters without "in").  Returns the last body status.
 */
static int
eval_for(struct node *n)
{
	struct strlist list;
	int i, status;

	sl_init(&list);
	if (n->hasin) {
		if (expand_words(n->words, &list) < 0) {
			sl_free(&list);
			return (2);
		}
	} else
		for (i = 0; i < nparams; i++)
			sl_add(&list, xstrdup(params[i]));
	status = 0;
	loopdepth++;
	for (i = 0; i < list.n; i++) {
		var_set(n->name, list.v[i], 0);
		status = eval(n->right, 0);
		if (evalskip) {
			if (loop_skip())
				break;
			continue;
		}
		if (stopping())
			break;
	}
	loopdepth--;
	sl_free(&list);
	return (status);
}

/*
 * case: run the commands of the first item with a pattern matching the
 * expanded subject.  Returns their status, 0 if nothing matched.
 */
static int
eval_case(struct node *n, int flags)
{
	struct node *item;
	struct word *w;
	char *subject;
	int err;

	err = 0;
	subject = expand_string(n->words->text, &err);
	if (err) {
		free(subject);
		return (2);
	}
	for (item = n->left; item != NULL; item = item->right)
		for (w = item->words; w != NULL; w = w->next)
			if (case_match(w->text, subject)) {
				free(subject);
				return (eval(item->left, flags));
			}
	free(subject);
	return (0);
}

/*
 * Evaluate the tree n.  Returns its exit status, also left in
 * exitstatus.
 */
int
eval(struct node *n, int flags)
{
	struct savefds sv;
	pid_t pid;
	int status;

	if (n == NULL)
		return (0);
	status = 0;
	switch (n->type) {
	case N_SEQ:
		eval(n->left, 0);
		if (stopping())
			return (exitstatus);
		status = eval(n->right, flags);
		break;
	case N_BG:
		status = eval_bg(n);
		break;
	case N_FUNC:
		func_define(n->name, n->left);
		break;
	case N_AND:
	case N_OR:
		status = eval_cond(n->left);
		if (stopping())
			break;
		if ((n->type == N_AND) == (status == 0))
			status = eval(n->right, flags);
		break;
	case N_PIPE:
		if (n->bang)
			condnest++;
		if (n->left->next == NULL)
			status = eval(n->left, n->bang ? 0 : flags);
		else
			status = eval_pipe(n);
		if (n->bang) {
			condnest--;
			status = !status;
		}
		break;
	case N_CMD:
		status = eval_simple(n, flags);
		break;
	case N_SUBSHELL:
		pid = (flags & EV_EXIT) ? 0 : fork_child(0);
		if (pid < 0) {
			status = 2;
			break;
		}
		if (pid == 0) {
			if (redirect(n->redirs, NULL) < 0)
				_exit(1);
			sh_exit(eval(n->left, EV_EXIT));
		}
		status = wait_fg(pid);
		break;
	case N_BRACE:
	case N_IF:
	case N_WHILE:
	case N_UNTIL:
	case N_FOR:
	case N_CASE:
		sv.n = 0;
		if (redirect(n->redirs, &sv) < 0) {
			restore(&sv);
			status = 1;
			break;
		}
		if (sv.n > 0)
			flags &= ~EV_EXIT;
		switch (n->type) {
		case N_BRACE:
			status = eval(n->left, flags);
			break;
		case N_IF:
			status = eval_cond(n->left);
			if (stopping())
				break;
			if (status == 0)
				status = eval(n->right, flags);
			else
				status = eval(n->third, flags);
			break;
		case N_WHILE:
		case N_UNTIL:
			status = eval_loop(n);
			break;
		case N_FOR:
			status = eval_for(n);
			break;
		case N_CASE:
			status = eval_case(n, flags);
			break;
		}
		restore(&sv);
		break;
	}
	exitstatus = status;
	if (eflag && status != 0 && condnest == 0 &&
	    (n->type == N_CMD || n->type == N_PIPE || n->type == N_SUBSHELL))
		sh_exit(status);
	return (status);
}
