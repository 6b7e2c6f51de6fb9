/*
 * exec.c: the exec family on top of execve(2): execv, execvp, execl,
 * execle and execlp.
 *
 * execvp() and execlp() search PATH (or "/bin" when PATH is unset)
 * for a name without a '/', trying each directory in turn; an empty
 * entry means the current directory.  A file that the kernel refuses
 * as not executable (ENOEXEC) is run as a script by /bin/sh, as POSIX
 * asks.  If nothing could be run, the error is EACCES if some file was
 * found but not executable, else the last error seen.  All return only
 * on failure: -1 with errno set.
 */
#include <sys/param.h>

#include <errno.h>
#include <paths.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
execv(const char *path, char *const argv[])
{

	return (execve(path, argv, environ));
}

/*
 * execve(), and on ENOEXEC the file as a shell script:
 * sh path argv[1] ... argv[argc-1].
 */
static int
execvp_file(const char *path, char *const argv[])
{
	int argc, i;

	(void)execve(path, argv, environ);
	if (errno != ENOEXEC)
		return (-1);
	for (argc = 0; argv[argc] != NULL; argc++)
		continue;
	if (argc == 0)
		argc = 1;
	{
		char *nargv[argc + 2];

		nargv[0] = "sh";
		nargv[1] = (char *)(uintptr_t)path;
		for (i = 1; i < argc; i++)
			nargv[i + 1] = argv[i];
		nargv[argc + 1] = NULL;
		(void)execve(_PATH_BSHELL, nargv, environ);
	}
	return (-1);
}

int
execvp(const char *file, char *const argv[])
{
	char buf[MAXPATHLEN];
	const char *path, *dir, *end;
	size_t dlen, flen;
	int eacces;

	if (*file == '\0') {
		errno = ENOENT;
		return (-1);
	}
	if (strchr(file, '/') != NULL)
		return (execvp_file(file, argv));
	if ((path = getenv("PATH")) == NULL)
		path = _PATH_DEFPATH;
	flen = strlen(file);
	eacces = 0;
	errno = ENOENT;
	for (dir = path;; dir = end + 1) {
		end = strchr(dir, ':');
		if (end == NULL)
			end = dir + strlen(dir);
		dlen = end - dir;
		if (dlen == 0) {
			dir = ".";
			dlen = 1;
		}
		if (dlen + 1 + flen + 1 > sizeof(buf)) {
			errno = ENAMETOOLONG;
		} else {
			memcpy(buf, dir, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			(void)execvp_file(buf, argv);
			switch (errno) {
			case EACCES:
				eacces = 1;
				break;
			case ENOENT:
			case ENOTDIR:
			case ENAMETOOLONG:
				break;
			default:
				return (-1);
			}
		}
		if (*end == '\0')
			break;
	}
	if (eacces)
		errno = EACCES;
	return (-1);
}

enum { L_EXECL, L_EXECLE, L_EXECLP };

/*
 * The list forms: gather arg0 and the arguments after it, up to the
 * terminating NULL, into an array on the stack; execle's environment
 * follows the NULL.
 */
static int
exec_list(int kind, const char *path, const char *arg0, va_list ap)
{
	va_list ap2;
	char **envp;
	int argc, i;

	argc = 0;
	if (arg0 != NULL) {
		va_copy(ap2, ap);
		for (argc = 1; va_arg(ap2, char *) != NULL; argc++)
			continue;
		va_end(ap2);
	}
	{
		char *argv[argc + 1];

		argv[0] = (char *)(uintptr_t)arg0;
		for (i = 1; i < argc; i++)
			argv[i] = va_arg(ap, char *);
		if (argc > 0)
			(void)va_arg(ap, char *);	/* the NULL */
		argv[argc] = NULL;
		envp = kind == L_EXECLE ? va_arg(ap, char **) : environ;
		if (kind == L_EXECLP)
			return (execvp(path, argv));
		return (execve(path, argv, envp));
	}
}

int
execl(const char *path, const char *arg0, ...)
{
	va_list ap;
	int rv;

	va_start(ap, arg0);
	rv = exec_list(L_EXECL, path, arg0, ap);
	va_end(ap);
	return (rv);
}

int
execle(const char *path, const char *arg0, ...)
{
	va_list ap;
	int rv;

	va_start(ap, arg0);
	rv = exec_list(L_EXECLE, path, arg0, ap);
	va_end(ap);
	return (rv);
}

int
execlp(const char *file, const char *arg0, ...)
{
	va_list ap;
	int rv;

	va_start(ap, arg0);
	rv = exec_list(L_EXECLP, file, arg0, ap);
	va_end(ap);
	return (rv);
}
