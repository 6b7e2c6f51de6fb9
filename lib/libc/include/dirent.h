/*
 * dirent.h: reading directories, over getdirentries(2).  struct dirent
 * and the DT_* types come from <sys/dirent.h>.  readdir() returns a
 * pointer into the DIR's buffer, valid until the next call.
 */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/types.h>
#include <sys/dirent.h>

typedef struct __dirdesc	DIR;

DIR	*opendir(const char *);
DIR	*fdopendir(int);
struct dirent *readdir(DIR *);
void	 rewinddir(DIR *);
int	 closedir(DIR *);
int	 dirfd(DIR *);
int	 getdirentries(int, char *, int, long *);

#endif /* !_DIRENT_H_ */
