/*
 * getcwd.c: getcwd(3) on the kernel's __getcwd(buf, size), which fills
 * buf with the NUL-terminated absolute path of the current directory.
 *
 * As in BSD, a NULL buf asks for a buffer from malloc() (of size bytes,
 * or of PATH_MAX if size is 0), which the caller frees.  Returns buf,
 * or NULL with errno set: EINVAL for a zero size with a buffer, ERANGE
 * when the path does not fit.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc_private.h"

char *
getcwd(char *buf, size_t size)
{
	char *mine;
	int error;

	mine = NULL;
	if (buf == NULL) {
		if (size == 0)
			size = PATH_MAX;
		if ((buf = mine = malloc(size)) == NULL)
			return (NULL);
	} else if (size == 0) {
		errno = EINVAL;
		return (NULL);
	}
	if (__getcwd(buf, size) == -1) {
		error = errno;
		free(mine);
		errno = error;
		return (NULL);
	}
	return (buf);
}
