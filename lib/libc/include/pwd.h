/*
 * pwd.h: the user database, read from /etc/passwd, whose lines are
 *
 *	name:passwd:uid:gid:gecos:dir:shell
 *
 * getpwnam() and getpwuid() return a static record, overwritten by the
 * next call; the _r forms fill the caller's record and buffer.
 */
#ifndef _PWD_H_
#define _PWD_H_

#include <sys/types.h>

struct passwd {
	char	*pw_name;	/* user name */
	char	*pw_passwd;	/* encrypted password */
	uid_t	 pw_uid;	/* user id */
	gid_t	 pw_gid;	/* group id */
	char	*pw_gecos;	/* real name, office, ... */
	char	*pw_dir;	/* home directory */
	char	*pw_shell;	/* login shell */
};

struct passwd *getpwnam(const char *);
struct passwd *getpwuid(uid_t);
int	getpwnam_r(const char *, struct passwd *, char *, size_t,
	    struct passwd **);
int	getpwuid_r(uid_t, struct passwd *, char *, size_t, struct passwd **);
struct passwd *getpwent(void);
void	setpwent(void);
void	endpwent(void);

#endif /* !_PWD_H_ */
