/*
 * stdio.h: buffered streams.
 *
 * A FILE is opaque here (its layout is private to lib/libc/stdio).
 * stdin is read through a buffer, line by line when it is a terminal;
 * stdout is line buffered on a terminal and fully buffered otherwise;
 * stderr is unbuffered.  Reading a line-buffered or unbuffered stream
 * first flushes every line-buffered output stream, so a prompt without
 * a newline appears before the program waits.  exit() flushes every
 * stream.  There are no threads: the *_unlocked forms and flockfile()
 * are the ordinary functions.
 *
 * All the printf forms share one formatting engine and all the scanf
 * forms one scanning engine (lib/libc/stdio/doprnt.c, doscan.c).
 */
#ifndef _STDIO_H_
#define _STDIO_H_

#include <sys/_types.h>

#ifndef NULL
#define NULL	((void *)0)
#endif

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t	size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t	ssize_t;
#endif
#ifndef _VA_LIST_DECLARED
#define _VA_LIST_DECLARED
typedef __va_list	va_list;
#endif

typedef struct __sFILE	FILE;
typedef __off_t		fpos_t;

#define EOF		(-1)
#define BUFSIZ		1024		/* default buffer size */
#define FOPEN_MAX	64		/* streams open at once (NOFILE) */
#define FILENAME_MAX	1024		/* PATH_MAX */
#define L_ctermid	16

#define _IOFBF		0		/* setvbuf: fully buffered */
#define _IOLBF		1		/* setvbuf: line buffered */
#define _IONBF		2		/* setvbuf: unbuffered */

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

extern FILE	*__stdinp;
extern FILE	*__stdoutp;
extern FILE	*__stderrp;
#define stdin	__stdinp
#define stdout	__stdoutp
#define stderr	__stderrp

#define __printflike(f, a)	__attribute__((__format__(__printf__, f, a)))
#define __scanflike(f, a)	__attribute__((__format__(__scanf__, f, a)))

/* Opening and closing. */
FILE	*fopen(const char *restrict, const char *restrict);
FILE	*fdopen(int, const char *);
FILE	*freopen(const char *restrict, const char *restrict, FILE *restrict);
int	 fclose(FILE *);
FILE	*popen(const char *, const char *);
int	 pclose(FILE *);

/* Buffering. */
int	 fflush(FILE *);
void	 setbuf(FILE *restrict, char *restrict);
int	 setvbuf(FILE *restrict, char *restrict, int, size_t);
void	 setbuffer(FILE *, char *, int);
int	 setlinebuf(FILE *);

/* State. */
int	 feof(FILE *);
int	 ferror(FILE *);
void	 clearerr(FILE *);
int	 fileno(FILE *);

/* Positioning. */
int	 fseek(FILE *, long, int);
int	 fseeko(FILE *, __off_t, int);
long	 ftell(FILE *);
__off_t	 ftello(FILE *);
void	 rewind(FILE *);
int	 fgetpos(FILE *restrict, fpos_t *restrict);
int	 fsetpos(FILE *, const fpos_t *);

/* Characters and lines. */
int	 fgetc(FILE *);
int	 getc(FILE *);
int	 getchar(void);
int	 ungetc(int, FILE *);
char	*fgets(char *restrict, int, FILE *restrict);
ssize_t	 getdelim(char **restrict, size_t *restrict, int, FILE *restrict);
ssize_t	 getline(char **restrict, size_t *restrict, FILE *restrict);
int	 fputc(int, FILE *);
int	 putc(int, FILE *);
int	 putchar(int);
int	 fputs(const char *restrict, FILE *restrict);
int	 puts(const char *);
size_t	 fread(void *restrict, size_t, size_t, FILE *restrict);
size_t	 fwrite(const void *restrict, size_t, size_t, FILE *restrict);

int	 getc_unlocked(FILE *);
int	 getchar_unlocked(void);
int	 putc_unlocked(int, FILE *);
int	 putchar_unlocked(int);
void	 flockfile(FILE *);
int	 ftrylockfile(FILE *);
void	 funlockfile(FILE *);

/* Formatted output. */
int	 printf(const char *restrict, ...) __printflike(1, 2);
int	 fprintf(FILE *restrict, const char *restrict, ...) __printflike(2, 3);
int	 dprintf(int, const char *restrict, ...) __printflike(2, 3);
int	 sprintf(char *restrict, const char *restrict, ...) __printflike(2, 3);
int	 snprintf(char *restrict, size_t, const char *restrict, ...)
	    __printflike(3, 4);
int	 asprintf(char **, const char *, ...) __printflike(2, 3);
int	 vprintf(const char *restrict, __va_list) __printflike(1, 0);
int	 vfprintf(FILE *restrict, const char *restrict, __va_list)
	    __printflike(2, 0);
int	 vdprintf(int, const char *restrict, __va_list) __printflike(2, 0);
int	 vsprintf(char *restrict, const char *restrict, __va_list)
	    __printflike(2, 0);
int	 vsnprintf(char *restrict, size_t, const char *restrict, __va_list)
	    __printflike(3, 0);
int	 vasprintf(char **, const char *, __va_list) __printflike(2, 0);

/* Formatted input. */
int	 scanf(const char *restrict, ...) __scanflike(1, 2);
int	 fscanf(FILE *restrict, const char *restrict, ...) __scanflike(2, 3);
int	 sscanf(const char *restrict, const char *restrict, ...)
	    __scanflike(2, 3);
int	 vscanf(const char *restrict, __va_list) __scanflike(1, 0);
int	 vfscanf(FILE *restrict, const char *restrict, __va_list)
	    __scanflike(2, 0);
int	 vsscanf(const char *restrict, const char *restrict, __va_list)
	    __scanflike(2, 0);

/* Errors. */
void	 perror(const char *);

/* Files. */
int	 remove(const char *);
int	 rename(const char *, const char *);

#endif /* !_STDIO_H_ */
