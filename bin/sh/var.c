/*
 * var.c: shell variables, the environment and the positional
 * parameters of sh(1).
 *
 * Variables are kept in a simple list (a shell has a few dozen).  The
 * environment the shell was started with is imported as exported
 * variables; var_environ() builds the environment of a command from
 * the exported ones.  A variable may be exported before it has a value
 * (`export NAME'); it then stays out of the environment until set.
 */

#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	struct var	*next;
	char		*name;
	char		*val;		/* NULL: exported but unset */
	int		 flags;		/* V_EXPORT */
};

static struct var *vars;

char	 *arg0;				/* $0 */
int	  nparams;			/* $# */
char	**params;			/* $1 ... */

static struct var *
var_find(const char *name, size_t len)
{
	struct var *v;

	for (v = vars; v != NULL; v = v->next)
		if (strncmp(v->name, name, len) == 0 && v->name[len] == '\0')
			return (v);
	return (NULL);
}

/* The value of variable name, or NULL if unset. */
const char *
var_get(const char *name)
{
	struct var *v;

	v = var_find(name, strlen(name));
	return (v != NULL ? v->val : NULL);
}

/*
 * Set the variable named by the len bytes at name to val, adding flags
 * (V_EXPORT) to the ones it has.
 */
void
var_setn(const char *name, size_t len, const char *val, int flags)
{
	struct var *v;
	char *copy;

	copy = xstrdup(val);
	if ((v = var_find(name, len)) == NULL) {
		v = xmalloc(sizeof(*v));
		v->name = xmalloc(len + 1);
		memcpy(v->name, name, len);
		v->name[len] = '\0';
		v->val = NULL;
		v->flags = 0;
		v->next = vars;
		vars = v;
	}
	free(v->val);
	v->val = copy;
	v->flags |= flags;
}

void
var_set(const char *name, const char *val, int flags)
{
	var_setn(name, strlen(name), val, flags);
}

void
var_unset(const char *name)
{
	struct var **vp, *v;

	for (vp = &vars; (v = *vp) != NULL; vp = &v->next)
		if (strcmp(v->name, name) == 0) {
			*vp = v->next;
			free(v->name);
			free(v->val);
			free(v);
			return;
		}
}

/* Mark name for export, creating it (unset) if need be. */
void
var_export(const char *name)
{
	struct var *v;

	if ((v = var_find(name, strlen(name))) == NULL) {
		v = xmalloc(sizeof(*v));
		v->name = xstrdup(name);
		v->val = NULL;
		v->next = vars;
		vars = v;
		v->flags = 0;
	}
	v->flags |= V_EXPORT;
}

/* Import an environment vector: every NAME=value becomes exported. */
void
var_import(char **env)
{
	const char *eq;

	for (; env != NULL && *env != NULL; env++) {
		eq = strchr(*env, '=');
		if (eq != NULL && is_name(*env, eq - *env))
			var_setn(*env, eq - *env, eq + 1, V_EXPORT);
	}
}

/* A malloc'ed environment vector of the exported variables. */
char **
var_environ(void)
{
	struct var *v;
	char **env;
	size_t len;
	int n;

	n = 0;
	for (v = vars; v != NULL; v = v->next)
		n++;
	env = xmalloc((n + 1) * sizeof(char *));
	n = 0;
	for (v = vars; v != NULL; v = v->next) {
		if (!(v->flags & V_EXPORT) || v->val == NULL)
			continue;
		len = strlen(v->name) + strlen(v->val) + 2;
		env[n] = xmalloc(len);
		strcpy(env[n], v->name);
		strcat(env[n], "=");
		strcat(env[n], v->val);
		n++;
	}
	env[n] = NULL;
	return (env);
}

static int
var_cmp(const void *a, const void *b)
{
	return (strcmp((*(struct var *const *)a)->name,
	    (*(struct var *const *)b)->name));
}

/* Print s in single quotes, so that the shell can read it back. */
static void
print_quoted(const char *s)
{
	sh_printf(1, "'");
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			sh_printf(1, "'\\''");
		else
			sh_printf(1, "%c", *s);
	}
	sh_printf(1, "'");
}

/*
 * List the variables, sorted: all of them as NAME='value' (set), or
 * only the exported ones as export NAME='value' (export).
 */
void
var_print(int exported)
{
	struct var *v, **vec;
	int i, n;

	n = 0;
	for (v = vars; v != NULL; v = v->next)
		n++;
	vec = xmalloc((n + 1) * sizeof(*vec));
	n = 0;
	for (v = vars; v != NULL; v = v->next)
		if (!exported || (v->flags & V_EXPORT))
			vec[n++] = v;
	qsort(vec, n, sizeof(*vec), var_cmp);
	for (i = 0; i < n; i++) {
		if (exported)
			sh_printf(1, "export ");
		else if (vec[i]->val == NULL)
			continue;
		sh_printf(1, "%s", vec[i]->name);
		if (vec[i]->val != NULL) {
			sh_printf(1, "=");
			print_quoted(vec[i]->val);
		}
		sh_printf(1, "\n");
	}
	free(vec);
}

/* Replace the positional parameters with copies of v[0 .. n). */
void
params_set(int n, char **v)
{
	char **nv;
	int i;

	nv = xmalloc((n + 1) * sizeof(char *));
	for (i = 0; i < n; i++)
		nv[i] = xstrdup(v[i]);
	nv[n] = NULL;
	for (i = 0; i < nparams; i++)
		free(params[i]);
	free(params);
	params = nv;
	nparams = n;
}

/* shift n: returns -1 if there are fewer than n parameters. */
int
params_shift(int n)
{
	int i;

	if (n < 0 || n > nparams)
		return (-1);
	for (i = 0; i < n; i++)
		free(params[i]);
	memmove(params, params + n, (nparams - n + 1) * sizeof(char *));
	nparams -= n;
	return (0);
}
