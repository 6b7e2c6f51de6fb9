/*
 * dirname.c: dirname(3): a path name without its last component and
 * the slashes before it: "." when there is no slash, "/" when only the
 * root is left.  The argument is left alone; the result is in a static
 * buffer.  Returns NULL with errno ENAMETOOLONG if it does not fit.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <string.h>

char *
dirname(char *path)
{
	static char buf[PATH_MAX];
	const char *end;
	size_t len;

	if (path == NULL || *path == '\0')
		return (strcpy(buf, "."));
	end = path + strlen(path);
	while (end > path + 1 && end[-1] == '/')	/* trailing slashes */
		end--;
	while (end > path && end[-1] != '/')		/* the last component */
		end--;
	if (end == path)
		return (strcpy(buf, *path == '/' ? "/" : "."));
	while (end > path + 1 && end[-1] == '/')	/* slashes before it */
		end--;
	len = end - path;
	if (len >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return (NULL);
	}
	memcpy(buf, path, len);
	buf[len] = '\0';
	return (buf);
}
