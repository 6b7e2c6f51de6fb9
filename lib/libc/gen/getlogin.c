/*
 * getlogin.c: getlogin(3).  Umbra keeps no login records, so this is
 * the name of the real user id in /etc/passwd, or NULL if it has none.
 */
#include <pwd.h>
#include <unistd.h>

char *
getlogin(void)
{
	struct passwd *pw;

	if ((pw = getpwuid(getuid())) == NULL)
		return (NULL);
	return (pw->pw_name);
}
