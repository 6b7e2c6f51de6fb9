/*
 * strings.h: the BSD string functions (bcopy, bzero, index, ...) and
 * case-insensitive comparison, for ASCII.
 */
#ifndef _STRINGS_H_
#define _STRINGS_H_

#include <sys/_types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t	size_t;
#endif

int	 bcmp(const void *, const void *, size_t);
void	 bcopy(const void *, void *, size_t);
void	 bzero(void *, size_t);
void	 explicit_bzero(void *, size_t);
int	 ffs(int) __attribute__((__const__));
int	 ffsl(long) __attribute__((__const__));
int	 ffsll(long long) __attribute__((__const__));
int	 fls(int) __attribute__((__const__));
char	*index(const char *, int);
char	*rindex(const char *, int);
int	 strcasecmp(const char *, const char *);
int	 strncasecmp(const char *, const char *, size_t);

#endif /* !_STRINGS_H_ */
