/*
 * setenv.c: changing the environment: setenv(3), unsetenv(3) and
 * putenv(3).
 *
 * The first change that adds an entry copies environ into an array from
 * malloc(), which later additions grow.  setenv() stores a copy of
 * "name=value"; putenv() stores the caller's string itself.  Replaced
 * strings are not freed: they may be the kernel's, the caller's, or
 * still in use through a pointer from getenv().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int	__findenv(const char *, size_t);

static char	**env_alloced;	/* environ, when it is ours */
static size_t	  env_room;	/* entries env_alloced holds, with NULL */

/* A valid name is non-empty and has no '='. */
static int
badname(const char *name)
{

	if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
		errno = EINVAL;
		return (1);
	}
	return (0);
}

/* Append string to environ, making environ ours if it is not yet. */
static int
env_append(char *string)
{
	size_t n;
	char **nenv;

	n = 0;
	if (environ != NULL)
		while (environ[n] != NULL)
			n++;
	if (environ != env_alloced || n + 2 > env_room) {
		nenv = malloc((n + 16) * sizeof(char *));
		if (nenv == NULL)
			return (-1);
		if (n > 0)
			memcpy(nenv, environ, n * sizeof(char *));
		if (environ == env_alloced)
			free(env_alloced);
		environ = env_alloced = nenv;
		env_room = n + 16;
	}
	environ[n] = string;
	environ[n + 1] = NULL;
	return (0);
}

/*
 * Set name to value, unless it is set and overwrite is 0.  Returns 0,
 * or -1 with errno EINVAL (a bad name) or ENOMEM.
 */
int
setenv(const char *name, const char *value, int overwrite)
{
	size_t nlen, vlen;
	char *s;
	int i;

	if (badname(name))
		return (-1);
	nlen = strlen(name);
	i = __findenv(name, nlen);
	if (i != -1 && !overwrite)
		return (0);
	vlen = strlen(value);
	if ((s = malloc(nlen + vlen + 2)) == NULL)
		return (-1);
	memcpy(s, name, nlen);
	s[nlen] = '=';
	memcpy(s + nlen + 1, value, vlen + 1);
	if (i != -1) {
		environ[i] = s;
		return (0);
	}
	if (env_append(s) == -1) {
		free(s);
		return (-1);
	}
	return (0);
}

/* Remove every entry for name. */
int
unsetenv(const char *name)
{
	size_t len;
	char **ep;
	int i;

	if (badname(name))
		return (-1);
	len = strlen(name);
	while ((i = __findenv(name, len)) != -1)
		for (ep = &environ[i]; *ep != NULL; ep++)
			ep[0] = ep[1];
	return (0);
}

/* Put string, "name=value", into the environment as it is. */
int
putenv(char *string)
{
	char *eq;
	int i;

	if ((eq = strchr(string, '=')) == NULL || eq == string) {
		errno = EINVAL;
		return (-1);
	}
	if ((i = __findenv(string, eq - string)) != -1) {
		environ[i] = string;
		return (0);
	}
	return (env_append(string));
}
