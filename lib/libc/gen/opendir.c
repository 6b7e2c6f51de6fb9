/*
 * opendir.c: directory streams (opendir, fdopendir, readdir,
 * rewinddir, closedir, dirfd) over getdirentries(2).
 *
 * A DIR holds the descriptor and one buffer of whole records, as
 * getdirentries() returns them (<sys/dirent.h>); readdir() walks the
 * buffer and refills it when it is used up.  Records with d_fileno 0
 * are holes and are skipped.  The struct dirent that readdir() returns
 * lives in the buffer until the next readdir() or closedir().
 */
#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define	DIRBUFSIZ	4096

struct __dirdesc {
	int	 dd_fd;		/* the open directory */
	int	 dd_loc;	/* offset of the next record in dd_buf */
	int	 dd_size;	/* bytes of records in dd_buf */
	long	 dd_base;	/* getdirentries()'s position cookie */
	char	*dd_buf;	/* DIRBUFSIZ bytes */
};

DIR *
opendir(const char *name)
{
	DIR *dirp;
	int fd, error;

	if ((fd = open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return (NULL);
	if ((dirp = fdopendir(fd)) == NULL) {
		error = errno;
		(void)close(fd);
		errno = error;
	}
	return (dirp);
}

/* Make a stream of an open directory, which then belongs to it. */
DIR *
fdopendir(int fd)
{
	struct stat sb;
	DIR *dirp;

	if (fstat(fd, &sb) == -1)
		return (NULL);
	if (!S_ISDIR(sb.st_mode)) {
		errno = ENOTDIR;
		return (NULL);
	}
	if ((dirp = malloc(sizeof(*dirp))) == NULL)
		return (NULL);
	if ((dirp->dd_buf = malloc(DIRBUFSIZ)) == NULL) {
		free(dirp);
		return (NULL);
	}
	dirp->dd_fd = fd;
	dirp->dd_loc = 0;
	dirp->dd_size = 0;
	dirp->dd_base = 0;
	return (dirp);
}

/*
 * Return the next entry, or NULL at the end (errno untouched) or on an
 * error (errno set; EIO if the kernel's records do not add up).
 */
struct dirent *
readdir(DIR *dirp)
{
	struct dirent *dp;
	int n;

	for (;;) {
		if (dirp->dd_loc >= dirp->dd_size) {
			n = getdirentries(dirp->dd_fd, dirp->dd_buf,
			    DIRBUFSIZ, &dirp->dd_base);
			if (n <= 0)
				return (NULL);
			dirp->dd_size = n;
			dirp->dd_loc = 0;
		}
		dp = (struct dirent *)(void *)(dirp->dd_buf + dirp->dd_loc);
		if (dp->d_reclen == 0 ||
		    dp->d_reclen > dirp->dd_size - dirp->dd_loc) {
			dirp->dd_loc = dirp->dd_size;
			errno = EIO;
			return (NULL);
		}
		dirp->dd_loc += dp->d_reclen;
		if (dp->d_fileno != 0)
			return (dp);
	}
}

void
rewinddir(DIR *dirp)
{

	(void)lseek(dirp->dd_fd, 0, SEEK_SET);
	dirp->dd_base = 0;
	dirp->dd_loc = 0;
	dirp->dd_size = 0;
}

int
closedir(DIR *dirp)
{
	int fd;

	fd = dirp->dd_fd;
	free(dirp->dd_buf);
	free(dirp);
	return (close(fd));
}

int
dirfd(DIR *dirp)
{

	return (dirp->dd_fd);
}
