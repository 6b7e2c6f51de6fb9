/*
 * getpwent.c: the user database in /etc/passwd: getpwnam, getpwuid,
 * their _r forms, and getpwent/setpwent/endpwent.
 *
 * Each line is name:passwd:uid:gid:gecos:dir:shell; lines that do not
 * have exactly these seven fields, or whose ids are not numbers, are
 * skipped, as are empty lines and lines starting with '#'.  The strings
 * of a record point into the line buffer it was read into.  The lookup
 * functions open the file afresh each time, leaving getpwent()'s
 * position alone.
 */
#include <errno.h>
#include <paths.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define	PWLINE	1024		/* longest line getpwnam() and getpwuid() take */

static FILE		*pwf;			/* getpwent()'s stream */
static struct passwd	 pw_static;
static char		 pw_line[PWLINE];

/* Parse a number field; returns 0, or -1 if it is not a number. */
static int
pw_id(const char *s, unsigned int *idp)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		return (-1);
	v = strtoul(s, &end, 10);
	if (*end != '\0')
		return (-1);
	*idp = (unsigned int)v;
	return (0);
}

/* Split a line (without its newline) into pw.  Returns 0 or -1. */
static int
pw_parse(char *line, struct passwd *pw)
{
	char *field[7];
	unsigned int uid, gid;
	int i;

	if (*line == '\0' || *line == '#')
		return (-1);
	for (i = 0; i < 7; i++)
		if ((field[i] = strsep(&line, ":")) == NULL)
			return (-1);
	if (line != NULL)		/* more than seven fields */
		return (-1);
	if (pw_id(field[2], &uid) == -1 || pw_id(field[3], &gid) == -1)
		return (-1);
	pw->pw_name = field[0];
	pw->pw_passwd = field[1];
	pw->pw_uid = uid;
	pw->pw_gid = gid;
	pw->pw_gecos = field[4];
	pw->pw_dir = field[5];
	pw->pw_shell = field[6];
	return (0);
}

/*
 * Read the next valid record from f into pw, its strings in buf.
 * Returns 1 for a record, 0 at the end, or an errno value (ERANGE for a
 * line too long for buf).
 */
static int
pw_next(FILE *f, struct passwd *pw, char *buf, size_t size)
{
	char *nl;

	for (;;) {
		if (fgets(buf, (int)size, f) == NULL)
			return (ferror(f) ? EIO : 0);
		if ((nl = strchr(buf, '\n')) != NULL)
			*nl = '\0';
		else if (!feof(f))
			return (ERANGE);
		if (pw_parse(buf, pw) == 0)
			return (1);
	}
}

/*
 * Scan the file for the first record with the name (if name is not
 * NULL) or the uid.  Returns 0 with *result set to pw or to NULL (not
 * found), or an errno value.
 */
static int
pw_lookup(const char *name, uid_t uid, struct passwd *pw, char *buf,
    size_t size, struct passwd **result)
{
	FILE *f;
	int r;

	*result = NULL;
	if ((f = fopen(_PATH_PASSWD, "r")) == NULL)
		return (errno == ENOENT ? 0 : errno);
	while ((r = pw_next(f, pw, buf, size)) == 1) {
		if (name != NULL ? strcmp(pw->pw_name, name) == 0 :
		    pw->pw_uid == uid) {
			*result = pw;
			break;
		}
	}
	(void)fclose(f);
	return (r == 1 ? 0 : r);
}

int
getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t size,
    struct passwd **result)
{

	return (pw_lookup(name, 0, pw, buf, size, result));
}

int
getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size,
    struct passwd **result)
{

	return (pw_lookup(NULL, uid, pw, buf, size, result));
}

struct passwd *
getpwnam(const char *name)
{
	struct passwd *result;
	int error;

	if ((error = pw_lookup(name, 0, &pw_static, pw_line, sizeof(pw_line),
	    &result)) != 0)
		errno = error;
	return (result);
}

struct passwd *
getpwuid(uid_t uid)
{
	struct passwd *result;
	int error;

	if ((error = pw_lookup(NULL, uid, &pw_static, pw_line,
	    sizeof(pw_line), &result)) != 0)
		errno = error;
	return (result);
}

void
setpwent(void)
{

	if (pwf != NULL)
		rewind(pwf);
	else
		pwf = fopen(_PATH_PASSWD, "r");
}

void
endpwent(void)
{

	if (pwf != NULL) {
		(void)fclose(pwf);
		pwf = NULL;
	}
}

/* The next record of the file, opening it first if need be. */
struct passwd *
getpwent(void)
{
	int r;

	if (pwf == NULL && (pwf = fopen(_PATH_PASSWD, "r")) == NULL)
		return (NULL);
	if ((r = pw_next(pwf, &pw_static, pw_line, sizeof(pw_line))) != 1) {
		if (r != 0)
			errno = r;
		return (NULL);
	}
	return (&pw_static);
}
