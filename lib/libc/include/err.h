/*
 * err.h: formatted error messages, as BSD.  Each prints on stderr the
 * program's name (getprogname()), a colon and the formatted message;
 * the err/warn forms then add ": " and strerror(errno) (the *c forms
 * take the error number as an argument); a newline ends the message.
 * The err forms then exit with the given status.
 */
#ifndef _ERR_H_
#define _ERR_H_

#include <sys/_types.h>

void	err(int, const char *, ...)
	    __attribute__((__noreturn__, __format__(__printf__, 2, 3)));
void	errx(int, const char *, ...)
	    __attribute__((__noreturn__, __format__(__printf__, 2, 3)));
void	errc(int, int, const char *, ...)
	    __attribute__((__noreturn__, __format__(__printf__, 3, 4)));
void	verr(int, const char *, __va_list)
	    __attribute__((__noreturn__, __format__(__printf__, 2, 0)));
void	verrx(int, const char *, __va_list)
	    __attribute__((__noreturn__, __format__(__printf__, 2, 0)));
void	verrc(int, int, const char *, __va_list)
	    __attribute__((__noreturn__, __format__(__printf__, 3, 0)));
void	warn(const char *, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	warnx(const char *, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	warnc(int, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
void	vwarn(const char *, __va_list)
	    __attribute__((__format__(__printf__, 1, 0)));
void	vwarnx(const char *, __va_list)
	    __attribute__((__format__(__printf__, 1, 0)));
void	vwarnc(int, const char *, __va_list)
	    __attribute__((__format__(__printf__, 2, 0)));

#endif /* !_ERR_H_ */
