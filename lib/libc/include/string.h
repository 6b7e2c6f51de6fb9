/*
 * string.h: string and memory functions.
 *
 * memcpy, memmove, memset, memcmp, memchr, strlen, strnlen, strcmp,
 * strncmp, strchr, strrchr, strlcpy and strlcat are shared with the
 * kernel (sys/libkern/string.c); the rest live in lib/libc/string.
 * <strings.h> (the BSD functions) is included as well.
 */
#ifndef _STRING_H_
#define _STRING_H_

#include <sys/_types.h>

#ifndef NULL
#define NULL	((void *)0)
#endif

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t	size_t;
#endif

void	*memcpy(void *restrict, const void *restrict, size_t);
void	*memmove(void *, const void *, size_t);
void	*memset(void *, int, size_t);
int	 memcmp(const void *, const void *, size_t);
void	*memchr(const void *, int, size_t);
void	*memccpy(void *restrict, const void *restrict, int, size_t);
void	*memrchr(const void *, int, size_t);
void	*memmem(const void *, size_t, const void *, size_t);

size_t	 strlen(const char *);
size_t	 strnlen(const char *, size_t);
int	 strcmp(const char *, const char *);
int	 strncmp(const char *, const char *, size_t);
int	 strcoll(const char *, const char *);
size_t	 strxfrm(char *restrict, const char *restrict, size_t);
char	*strchr(const char *, int);
char	*strrchr(const char *, int);
char	*strstr(const char *, const char *);
char	*strcasestr(const char *, const char *);
size_t	 strspn(const char *, const char *);
size_t	 strcspn(const char *, const char *);
char	*strpbrk(const char *, const char *);

char	*strcpy(char *restrict, const char *restrict);
char	*strncpy(char *restrict, const char *restrict, size_t);
char	*stpcpy(char *restrict, const char *restrict);
char	*stpncpy(char *restrict, const char *restrict, size_t);
char	*strcat(char *restrict, const char *restrict);
char	*strncat(char *restrict, const char *restrict, size_t);
size_t	 strlcpy(char *restrict, const char *restrict, size_t);
size_t	 strlcat(char *restrict, const char *restrict, size_t);
char	*strdup(const char *) __attribute__((__malloc__));
char	*strndup(const char *, size_t) __attribute__((__malloc__));

char	*strtok(char *restrict, const char *restrict);
char	*strtok_r(char *restrict, const char *restrict, char **restrict);
char	*strsep(char **, const char *);

char	*strerror(int);
int	 strerror_r(int, char *, size_t);
char	*strsignal(int);

#include <strings.h>

#endif /* !_STRING_H_ */
