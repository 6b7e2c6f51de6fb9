/*
 * ctype.h: character classes and case mapping, for ASCII (the C
 * locale is the only one).  Arguments are an unsigned char value or
 * EOF; anything else is simply not in any class.
 *
 * These are functions, not table macros, so that a program may take
 * their address or #undef them.
 */
#ifndef _CTYPE_H_
#define _CTYPE_H_

int	isalnum(int);
int	isalpha(int);
int	isblank(int);
int	iscntrl(int);
int	isdigit(int);
int	isgraph(int);
int	islower(int);
int	isprint(int);
int	ispunct(int);
int	isspace(int);
int	isupper(int);
int	isxdigit(int);
int	tolower(int);
int	toupper(int);
int	isascii(int);
int	toascii(int);
int	digittoint(int);

#endif /* !_CTYPE_H_ */
