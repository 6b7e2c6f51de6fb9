/*
 * getprogname.c: the program's name, for messages.
 *
 * crt0 points __progname at the last component of argv[0] before main
 * runs; it stays "" if there is no argv[0].  setprogname() does the
 * same with a name of the program's choosing; the string is not
 * copied and must stay valid.
 */
#include <stdlib.h>
#include <string.h>

#include "libc_private.h"

const char	*__progname = "";

const char *
getprogname(void)
{

	return (__progname);
}

void
setprogname(const char *name)
{
	const char *p;

	p = strrchr(name, '/');
	__progname = p != NULL ? p + 1 : name;
}
