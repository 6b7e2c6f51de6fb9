/*
 * local.h: the inside of a FILE, shared by the files of lib/libc/stdio.
 *
 * A stream is in one of three states: idle (its buffer empty), reading
 * (__SRDING: the buffer holds _r bytes read ahead, from _p on) or
 * writing (__SWRING: the buffer holds _p - _buf bytes not yet written).
 * Changing direction flushes written bytes, or, for a stream that was
 * reading, moves the file offset back over the bytes read ahead (when
 * the file can seek).  The buffer is made on first use (__smakebuf):
 * BUFSIZ bytes from malloc(), line buffered when the descriptor is a
 * terminal; an unbuffered stream uses the one byte in _nbuf.
 *
 * ungetc() backs _p up when the byte before it is in the buffer, or
 * else switches to the small _ubuf, keeping the buffer's position in
 * _up and _ur until the pushed-back bytes are read.
 *
 * Every FILE is an entry of __sF[]; a free entry has _flags 0.  The
 * first three are stdin, stdout and stderr.
 */
#ifndef _STDIO_LOCAL_H_
#define _STDIO_LOCAL_H_

#include <sys/types.h>

#include <stdio.h>

#define	__SRD	0x0001		/* may read */
#define	__SWR	0x0002		/* may write */
#define	__SRDING 0x0004		/* buffer holds bytes read ahead */
#define	__SWRING 0x0008		/* buffer holds bytes to write */
#define	__SEOF	0x0010		/* end of file seen */
#define	__SERR	0x0020		/* an error happened */
#define	__SLBF	0x0040		/* line buffered */
#define	__SNBF	0x0080		/* unbuffered */
#define	__SMBF	0x0100		/* _buf is from malloc() */
#define	__SUB	0x0200		/* reading pushed-back bytes from _ubuf */
#define	__SMODE	0x0400		/* buffering chosen by setvbuf() */
#define	__SUSED	0x8000		/* the entry is in use */

struct __sFILE {
	int		 _flags;	/* __S* above; 0 when free */
	int		 _fd;		/* the descriptor */
	unsigned char	*_buf;		/* the buffer, or NULL before first use */
	size_t		 _bufsize;	/* its size */
	unsigned char	*_p;		/* next byte to read, or to fill */
	size_t		 _r;		/* bytes left to read at _p */
	unsigned char	*_up;		/* _p and _r saved while in _ubuf */
	size_t		 _ur;
	unsigned char	 _ubuf[4];	/* pushed-back bytes, at the end */
	unsigned char	 _nbuf[1];	/* the buffer when unbuffered */
	pid_t		 _pid;		/* popen()'s child, or 0 */
};

extern FILE	__sF[FOPEN_MAX];

FILE	*__sfp(void);
void	 __sfree(FILE *);
int	 __sflags(const char *, int *);
void	 __smakebuf(FILE *);
int	 __sflush(FILE *);
int	 __srefill(FILE *);
size_t	 __sread(FILE *, void *, size_t);
int	 __sread_done(FILE *);
size_t	 __sfwrite(FILE *, const void *, size_t);
int	 __swsetup(FILE *);
void	 __sflush_all(void);
void	 __sflush_linebuf(void);
int	 __sgetc(FILE *);

#endif /* !_STDIO_LOCAL_H_ */
