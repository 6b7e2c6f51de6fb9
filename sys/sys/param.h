/*
 * param.h: system limits and the usual macros, shared by the kernel and
 * userland (<sys/param.h>).
 */
#ifndef _SYS_PARAM_H_
#define _SYS_PARAM_H_

#include <sys/types.h>
#include <machine/param.h>

#define	MAXCOMLEN	19		/* max command name remembered */
#define	MAXPATHLEN	1024		/* max bytes in a path name */
#define	MAXLOGNAME	17		/* max login name length, with NUL */
#define	NOFILE		64		/* open files per process */
#define	ARG_MAX		65536		/* max bytes of exec arguments */
#define	CHILD_MAX	64		/* max simultaneous processes per uid */
#define	NGROUPS		16		/* max number of groups */
#define	MAXHOSTNAMELEN	64
#define	HZ		100		/* clock interrupts per second */
#define	CMASK		022		/* init's umask: files 0644, dirs 0755 */

#define	nitems(x)	(sizeof((x)) / sizeof((x)[0]))
#define	howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define	roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#define	rounddown(x, y)	(((x) / (y)) * (y))
#define	powerof2(x)	((((x) - 1) & (x)) == 0)
#ifndef MIN
#define	MIN(a, b)	(((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define	MAX(a, b)	(((a) > (b)) ? (a) : (b))
#endif

#endif /* !_SYS_PARAM_H_ */
