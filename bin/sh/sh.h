/*
 * sh.h: the shared declarations of sh(1), Umbra's small Bourne-style
 * shell.
 *
 * The shell is split the classic way:
 *
 *	main.c		options, input sources, the read-parse-execute loop,
 *			signal handling and error output
 *	parse.c		the lexer and the recursive-descent parser that turn
 *			text into a tree of struct node
 *	expand.c	word expansion: parameters, command substitution,
 *			arithmetic, field splitting, globbing, quote removal
 *	exec.c		evaluation of the tree: simple commands, pipelines,
 *			redirections, subshells, control structures
 *	jobs.c		the table of background jobs and waiting for children
 *	var.c		shell variables, the environment, positional parameters
 *	builtin.c	the built-in commands, test(1) included
 *
 * Memory: a parse tree lives in an arena that is freed after the
 * top-level command it belongs to has run; a function definition copies
 * its body into an arena of its own.  Everything an expansion produces
 * is malloc'ed and freed by whoever asked for it.
 *
 * The shell has no job control: every command runs in the shell's
 * process group, the interactive shell catches SIGINT and ignores
 * SIGQUIT and SIGTERM, and background commands ignore SIGINT and
 * SIGQUIT (POSIX's rules for a shell without -m).
 */
#ifndef _SH_H_
#define _SH_H_

#include <sys/types.h>
#include <signal.h>
#include <stddef.h>

/*
 * Arena allocator: memory handed out in blocks, freed all at once.
 */
struct arena {
	struct ablock	*blocks;	/* newest block first */
};
void	*arena_alloc(struct arena *, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
void	 arena_free(struct arena *);

/*
 * A word as written in the source, quotes and all; expand.c turns it
 * into fields when the command runs.
 */
struct word {
	char		*text;		/* raw text */
	int		 plain;		/* no quoting or expansion at all */
	struct word	*next;
};

/* Redirection operators. */
#define	R_IN		1	/* [n]<file */
#define	R_OUT		2	/* [n]>file, [n]>|file */
#define	R_APPEND	3	/* [n]>>file */
#define	R_RDWR		4	/* [n]<>file */
#define	R_DUPIN		5	/* [n]<&m, [n]<&- */
#define	R_DUPOUT	6	/* [n]>&m, [n]>&- */
#define	R_HEREDOC	7	/* [n]<<word: the body is in here */

struct redir {
	int		 op;		/* R_* */
	int		 fd;		/* the descriptor redirected */
	struct word	*target;	/* file name, descriptor, or body */
	int		 hquoted;	/* here-document: no expansion */
	struct redir	*next;
};

/* Node types. */
#define	N_CMD		1	/* simple command */
#define	N_PIPE		2	/* pipeline: cmds chained through next */
#define	N_AND		3	/* left && right */
#define	N_OR		4	/* left || right */
#define	N_SEQ		5	/* left ; right */
#define	N_BG		6	/* left & */
#define	N_SUBSHELL	7	/* ( left ) */
#define	N_BRACE		8	/* { left ; } */
#define	N_IF		9	/* if left then right else third fi */
#define	N_WHILE		10	/* while left do right done */
#define	N_UNTIL		11	/* until left do right done */
#define	N_FOR		12	/* for name in words do right done */
#define	N_CASE		13	/* case words in left (items) esac */
#define	N_FUNC		14	/* name() left: a function definition */

struct node {
	int		 type;		/* N_* */
	int		 bang;		/* N_PIPE: "! pipeline" */
	struct node	*left;
	struct node	*right;
	struct node	*third;
	struct node	*next;		/* next command of a pipeline */
	struct word	*words;		/* N_CMD: arguments; N_FOR: list */
	struct word	*assigns;	/* N_CMD: NAME=value prefixes */
	struct redir	*redirs;	/* N_CMD and compound commands */
	char		*name;		/* N_FOR: variable; N_BG: text;
					   N_FUNC: function name */
	int		 hasin;		/* N_FOR: an "in" list was given */
};

/*
 * An input source: the text read so far and where to get more.
 */
struct input {
	char		*buf;		/* text (NUL-terminated) */
	size_t		 len;		/* bytes in buf */
	size_t		 cap;		/* bytes allocated */
	size_t		 pos;		/* next byte to lex */
	int		 fd;		/* read more from here, or -1 */
	int		 prompt;	/* before reading: 1 PS1, 2 PS2 */
	int		 eof;		/* fd reached end of file */
	int		 intr;		/* reading was interrupted by SIGINT */
};

/*
 * When it sends SIGINT, Umbra's terminal echoes "^C" and a newline
 * itself; other systems (the host, when testing) echo only "^C", and
 * the shell adds the newline.
 */
#ifdef __Umbra__
#define	INTR_NEWLINE	""
#else
#define	INTR_NEWLINE	"\n"
#endif

/* Flags to eval(). */
#define	EV_EXIT		0x01	/* the shell exits after this: may exec */

/* The result of parse_command(). */
#define	PARSE_OK	0	/* a command, or an empty line */
#define	PARSE_EOF	1	/* end of input */
#define	PARSE_ERR	2	/* syntax error, already reported */
#define	PARSE_INTR	3	/* interrupted while reading */

/* main.c */
extern int	 interactive;	/* reading commands from a terminal */
extern int	 rootshell;	/* this is not a forked subshell */
extern pid_t	 rootpid;	/* $$ */
extern int	 exitstatus;	/* $? */
extern int	 xflag;		/* set -x: trace commands */
extern int	 eflag;		/* set -e: exit on failure */
extern volatile sig_atomic_t gotsigint;
void	 sh_error(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 sh_printf(int, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	*xmalloc(size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
int	 input_more(struct input *);
int	 run_input(struct input *, int);
int	 run_string(const char *, int);
int	 run_file(const char *);
void	 sh_exit(int) __attribute__((noreturn));
void	 child_signals(int);
const char *sig_describe(int);

/* parse.c */
int	 parse_command(struct input *, struct arena *, struct node **);

/* expand.c */
struct strlist {
	char		**v;		/* NULL-terminated vector */
	int		 n;		/* entries */
	int		 cap;		/* allocated */
};
void	 sl_init(struct strlist *);
void	 sl_add(struct strlist *, char *);
void	 sl_free(struct strlist *);
int	 expand_words(struct word *, struct strlist *);
char	*expand_string(const char *, int *);
char	*expand_heredoc(const char *, int *);
int	 is_name(const char *, size_t);
int	 case_match(const char *, const char *);
int	 pmatch(const char *, const char *);
extern int lastcmdsub;		/* status of the last $(...) */

/* exec.c */
int	 eval(struct node *, int);
void	 shell_exec(char **, char **) __attribute__((noreturn));
int	 func_unset(const char *);
extern int evalskip;		/* SKIP_BREAK, SKIP_CONT, SKIP_RETURN */
extern int skipcount;		/* levels left to break out of */
extern int loopdepth;		/* loops we are inside */
#define	SKIP_BREAK	1
#define	SKIP_CONT	2
#define	SKIP_RETURN	3
extern int funcdepth;		/* function calls being evaluated */

/* jobs.c */
pid_t	 fork_child(int);
int	 wait_pid(pid_t);
int	 wait_status(int, int);
int	 wait_fg(pid_t);
void	 job_add(pid_t, const char *);
void	 jobs_reap(void);
void	 jobs_notify(void);
int	 jobs_count(void);
int	 jobs_wait(int, char **);
void	 jobs_list(void);
extern pid_t lastbgpid;		/* $! */
extern int intr_reported;	/* a ^C'ed job was reported */

/* var.c */
#define	V_EXPORT	0x01	/* in the environment of commands */
const char *var_get(const char *);
void	 var_set(const char *, const char *, int);
void	 var_setn(const char *, size_t, const char *, int);
void	 var_unset(const char *);
void	 var_export(const char *);
void	 var_import(char **);
char	**var_environ(void);
void	 var_print(int);
/* Positional parameters: $0 and $1 .. $n. */
extern char	 *arg0;
extern int	  nparams;
extern char	**params;
void	 params_set(int, char **);
int	 params_shift(int);

/* builtin.c */
typedef int	builtin_fn(int, char **);
builtin_fn	*builtin_lookup(const char *);
int	 is_special_builtin(const char *);

#endif /* !_SH_H_ */
