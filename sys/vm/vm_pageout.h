/*
 * vm_pageout.h: the pageout daemon (vm_pageout.c).
 */
#ifndef _VM_VM_PAGEOUT_H_
#define _VM_VM_PAGEOUT_H_

void	pagedaemon_wakeup(void);
void	vm_pageout(void *) __attribute__((noreturn));

#endif /* !_VM_VM_PAGEOUT_H_ */
