/*
 * paths.h: well-known file names.
 */
#ifndef _PATHS_H_
#define _PATHS_H_

#define _PATH_DEFPATH	"/bin"		/* default PATH for execvp */
#define _PATH_STDPATH	"/bin"
#define _PATH_BSHELL	"/bin/sh"
#define _PATH_CONSOLE	"/dev/console"
#define _PATH_DEVNULL	"/dev/null"
#define _PATH_TTY	"/dev/tty"
#define _PATH_PASSWD	"/etc/passwd"
#define _PATH_TMP	"/tmp/"
#define _PATH_DEV	"/dev/"

#endif /* !_PATHS_H_ */
