/*
 * fgets.c: fgets(3): read a line, with its newline, into s, which holds
 * n bytes: at most n - 1 bytes are read and a NUL follows them.
 * Returns s, or NULL when end of file or an error came before any byte.
 */
#include <string.h>

#include "local.h"

char *
fgets(char *restrict s, int n, FILE *restrict fp)
{
	unsigned char *nl;
	size_t len, room;
	char *p;

	if (n <= 0)
		return (NULL);
	p = s;
	room = (size_t)n - 1;
	while (room > 0) {
		if (fp->_r == 0 && __srefill(fp) == EOF) {
			if (p == s)
				return (NULL);
			break;
		}
		len = fp->_r < room ? fp->_r : room;
		if ((nl = memchr(fp->_p, '\n', len)) != NULL)
			len = nl - fp->_p + 1;
		memcpy(p, fp->_p, len);
		fp->_p += len;
		fp->_r -= len;
		p += len;
		room -= len;
		if (nl != NULL)
			break;
	}
	*p = '\0';
	return (s);
}
