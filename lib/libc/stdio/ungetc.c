/*
 * ungetc.c: ungetc(3): push a byte back onto a stream, to be read
 * again first.  At least one byte can always be pushed back (four, in
 * fact); the end-of-file indicator is cleared.  Returns the byte, or
 * EOF if c is EOF, the stream cannot read or there is no more room.
 */
#include "local.h"

int
ungetc(int c, FILE *fp)
{

	if (c == EOF || !(fp->_flags & __SRD))
		return (EOF);
	if (fp->_flags & __SWRING) {
		if (__sflush(fp) == EOF)
			return (EOF);
	}
	if (fp->_buf == NULL)
		__smakebuf(fp);
	if (!(fp->_flags & __SRDING)) {
		fp->_flags |= __SRDING;
		fp->_p = fp->_buf;
		fp->_r = 0;
	}
	fp->_flags &= ~__SEOF;

	if (fp->_flags & __SUB) {
		if (fp->_p == fp->_ubuf)
			return (EOF);
	} else if (fp->_p > fp->_buf) {
		/* The byte before _p was read from the buffer: reuse it. */
		*--fp->_p = (unsigned char)c;
		fp->_r++;
		return ((unsigned char)c);
	} else {
		fp->_up = fp->_p;
		fp->_ur = fp->_r;
		fp->_p = fp->_ubuf + sizeof(fp->_ubuf);
		fp->_r = 0;
		fp->_flags |= __SUB;
	}
	*--fp->_p = (unsigned char)c;
	fp->_r++;
	return ((unsigned char)c);
}
