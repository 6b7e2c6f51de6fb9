/*
 * setlocale.c: setlocale(3) and localeconv(3) for the one locale Umbra
 * has, "C" (alias "POSIX", and what "" selects).  Asking for any other
 * locale fails with NULL.
 */
#include <limits.h>
#include <locale.h>
#include <string.h>

char *
setlocale(int category, const char *locale)
{
	static char c_name[] = "C";

	if (category < LC_ALL || category > LC_MESSAGES)
		return (NULL);
	if (locale != NULL && *locale != '\0' && strcmp(locale, "C") != 0 &&
	    strcmp(locale, "POSIX") != 0)
		return (NULL);
	return (c_name);
}

struct lconv *
localeconv(void)
{
	static char point[] = ".", empty[] = "";
	static struct lconv lc = {
		point, empty, empty, empty, empty, empty, empty, empty,
		empty, empty,
		CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
		CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
		CHAR_MAX, CHAR_MAX,
	};

	return (&lc);
}
