/*
 * strsignal.c: strsignal(3): the description of a signal number from
 * sys_siglist, or "Unknown signal: N" in a static buffer that the next
 * such call overwrites.
 */
#include <signal.h>
#include <string.h>

char *
strsignal(int sig)
{
	static char buf[32];
	char digits[12], *d;
	unsigned int u;

	if (sig >= 0 && sig < NSIG)
		return ((char *)(unsigned long)sys_siglist[sig]);
	u = sig < 0 ? 0U - (unsigned int)sig : (unsigned int)sig;
	d = digits + sizeof(digits);
	*--d = '\0';
	do
		*--d = '0' + u % 10;
	while ((u /= 10) != 0);
	if (sig < 0)
		*--d = '-';
	strcpy(buf, "Unknown signal: ");
	strcat(buf, d);
	return (buf);
}
