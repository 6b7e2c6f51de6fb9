/*
 * basename.c: basename(3): the last component of a path name, without
 * trailing slashes; "." for NULL or "", "/" for a path of slashes.
 * The argument is left alone; the result is in a static buffer.
 * Returns NULL with errno ENAMETOOLONG if it does not fit there.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <string.h>

char *
basename(char *path)
{
	static char buf[PATH_MAX];
	const char *start, *end;
	size_t len;

	if (path == NULL || *path == '\0')
		return (strcpy(buf, "."));
	end = path + strlen(path);
	while (end > path + 1 && end[-1] == '/')
		end--;
	if (end == path + 1 && *path == '/')
		return (strcpy(buf, "/"));
	for (start = end; start > path && start[-1] != '/'; start--)
		continue;
	len = end - start;
	if (len >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return (NULL);
	}
	memcpy(buf, start, len);
	buf[len] = '\0';
	return (buf);
}
