/*
 * getenv.c: the environment and getenv(3).
 *
 * environ points at the kernel's envp array until setenv() or putenv()
 * first needs to grow it (stdlib/setenv.c); crt0 sets it before main.
 * Entries are "name=value" strings.  __findenv is shared with setenv.c.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char	**environ;

int	__findenv(const char *, size_t);

/*
 * Return the index in environ of the entry for the name of len bytes,
 * or -1 if there is none.
 */
int
__findenv(const char *name, size_t len)
{
	char **ep;

	if (environ == NULL)
		return (-1);
	for (ep = environ; *ep != NULL; ep++)
		if (strncmp(*ep, name, len) == 0 && (*ep)[len] == '=')
			return (ep - environ);
	return (-1);
}

/* Return the value of name, or NULL if it is not set. */
char *
getenv(const char *name)
{
	size_t len;
	int i;

	len = strcspn(name, "=");
	if (len == 0 || name[len] != '\0')
		return (NULL);
	if ((i = __findenv(name, len)) == -1)
		return (NULL);
	return (environ[i] + len + 1);
}
