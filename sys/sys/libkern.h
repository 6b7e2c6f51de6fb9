/*
 * libkern.h: the kernel's string and arithmetic helpers (sys/libkern).
 */
#ifndef _SYS_LIBKERN_H_
#define _SYS_LIBKERN_H_

#include <sys/types.h>

void	*memcpy(void *, const void *, size_t);
void	*memmove(void *, const void *, size_t);
void	*memset(void *, int, size_t);
int	 memcmp(const void *, const void *, size_t);
void	*memchr(const void *, int, size_t);
size_t	 strlen(const char *);
size_t	 strnlen(const char *, size_t);
int	 strcmp(const char *, const char *);
int	 strncmp(const char *, const char *, size_t);
char	*strchr(const char *, int);
char	*strrchr(const char *, int);
size_t	 strlcpy(char *, const char *, size_t);
size_t	 strlcat(char *, const char *, size_t);

#define	bzero(p, n)		memset((p), 0, (n))
#define	bcopy(s, d, n)		memmove((d), (s), (n))

static inline int
imin(int a, int b)
{

	return (a < b ? a : b);
}

static inline u_int
umin(u_int a, u_int b)
{

	return (a < b ? a : b);
}

static inline u_int
umax(u_int a, u_int b)
{

	return (a > b ? a : b);
}

#endif /* !_SYS_LIBKERN_H_ */
