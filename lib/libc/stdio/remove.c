/*
 * remove.c: remove(3), which removes a file with unlink(2) or an empty
 * directory with rmdir(2).
 */
#include <sys/stat.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int
remove(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == -1)
		return (-1);
	if (S_ISDIR(sb.st_mode))
		return (rmdir(path));
	return (unlink(path));
}
