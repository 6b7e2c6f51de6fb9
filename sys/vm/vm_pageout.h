/*
 * vm_pageout.h: the pageout daemon (vm_pageout.c).
 */
#ifndef _VM_VM_PAGEOUT_H_
#define _VM_VM_PAGEOUT_H_

#include <sys/types.h>

struct vm_page;

void	pagedaemon_wakeup(void);
void	vm_pageout(void *) __attribute__((noreturn));
void	vm_pageout_done(struct vm_page *, bool);

#endif /* !_VM_VM_PAGEOUT_H_ */
