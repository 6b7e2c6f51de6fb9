/*
 * fread.c: fread(3) and fwrite(3): nmemb objects of size bytes.
 * fread() copies from the buffer and, for what is left once it is
 * empty, reads straight into the caller's memory when a buffer-full or
 * more is wanted.  Both return the number of whole objects moved: fewer
 * than nmemb only at end of file or on error.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "local.h"

size_t
fread(void *restrict ptr, size_t size, size_t nmemb, FILE *restrict fp)
{
	unsigned char *dst;
	size_t total, resid, k;

	if (size == 0 || nmemb == 0)
		return (0);
	if (nmemb > SIZE_MAX / size) {
		errno = EINVAL;
		fp->_flags |= __SERR;
		return (0);
	}
	total = resid = size * nmemb;
	dst = ptr;
	while (resid > 0) {
		if (fp->_r == 0) {
			if (!(fp->_flags & __SUB) && fp->_buf != NULL &&
			    resid >= fp->_bufsize) {
				if ((k = __sread(fp, dst, resid)) == 0)
					break;
				dst += k;
				resid -= k;
				continue;
			}
			if (__srefill(fp) == EOF)
				break;
		}
		k = fp->_r < resid ? fp->_r : resid;
		memcpy(dst, fp->_p, k);
		fp->_p += k;
		fp->_r -= k;
		dst += k;
		resid -= k;
	}
	return ((total - resid) / size);
}

size_t
fwrite(const void *restrict ptr, size_t size, size_t nmemb,
    FILE *restrict fp)
{

	if (size == 0 || nmemb == 0)
		return (0);
	if (nmemb > SIZE_MAX / size) {
		errno = EINVAL;
		fp->_flags |= __SERR;
		return (0);
	}
	return (__sfwrite(fp, ptr, size * nmemb) / size);
}
