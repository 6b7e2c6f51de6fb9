/*
 * mman.h: mmap(2), munmap(2) and mprotect(2) (<sys/mman.h>).
 * Shared by the kernel and userland.
 */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <sys/types.h>

#define	PROT_NONE	0x00	/* no permissions */
#define	PROT_READ	0x01	/* pages can be read */
#define	PROT_WRITE	0x02	/* pages can be written */
#define	PROT_EXEC	0x04	/* pages can be executed */

#define	MAP_SHARED	0x0001	/* share changes */
#define	MAP_PRIVATE	0x0002	/* changes are private */
#define	MAP_FIXED	0x0010	/* map addr must be exactly as requested */
#define	MAP_ANON	0x1000	/* allocated from memory, swap space */
#define	MAP_ANONYMOUS	MAP_ANON

#define	MAP_FAILED	((void *)-1)

#ifndef _KERNEL
void	*mmap(void *, size_t, int, int, int, off_t);
int	munmap(void *, size_t);
int	mprotect(void *, size_t, int);
#endif

#endif /* !_SYS_MMAN_H_ */
