/*
 * getline.c: getdelim(3) and getline(3): read up to and including the
 * delimiter (a newline for getline) into *linep, a buffer from malloc()
 * of *np bytes, which grows as needed (a NULL *linep starts one).  The
 * result is NUL-terminated.  Returns its length, or -1 at end of file
 * before any byte, or on error (ENOMEM, EINVAL, ...).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "local.h"

ssize_t
getdelim(char **restrict linep, size_t *restrict np, int delim,
    FILE *restrict fp)
{
	unsigned char *end;
	size_t len, k, want;
	char *nline;

	if (linep == NULL || np == NULL) {
		errno = EINVAL;
		fp->_flags |= __SERR;
		return (-1);
	}
	if (*linep == NULL)
		*np = 0;
	len = 0;
	for (;;) {
		if (fp->_r == 0 && __srefill(fp) == EOF) {
			if (len == 0 || (fp->_flags & __SERR))
				return (-1);
			break;
		}
		end = memchr(fp->_p, delim, fp->_r);
		k = end != NULL ? (size_t)(end - fp->_p) + 1 : fp->_r;
		if (len + k + 1 > *np) {
			want = *np < 64 ? 64 : *np;
			while (want < len + k + 1)
				want = want > SIZE_MAX / 2 ? len + k + 1 :
				    want * 2;
			if (len + k + 1 > (size_t)SSIZE_MAX ||
			    (nline = realloc(*linep, want)) == NULL) {
				errno = len + k + 1 > (size_t)SSIZE_MAX ?
				    EOVERFLOW : ENOMEM;
				fp->_flags |= __SERR;
				return (-1);
			}
			*linep = nline;
			*np = want;
		}
		memcpy(*linep + len, fp->_p, k);
		fp->_p += k;
		fp->_r -= k;
		len += k;
		if (end != NULL)
			break;
	}
	(*linep)[len] = '\0';
	return ((ssize_t)len);
}

ssize_t
getline(char **restrict linep, size_t *restrict np, FILE *restrict fp)
{

	return (getdelim(linep, np, '\n', fp));
}
