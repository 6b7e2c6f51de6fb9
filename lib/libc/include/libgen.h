/*
 * libgen.h: basename(3) and dirname(3).  Both leave their argument
 * alone and return a static buffer, overwritten by the next call.
 */
#ifndef _LIBGEN_H_
#define _LIBGEN_H_

char	*basename(char *);
char	*dirname(char *);

#endif /* !_LIBGEN_H_ */
