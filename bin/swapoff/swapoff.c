/*
 * swapoff: stop paging to swap devices.
 *
 *	swapoff path ...
 *
 * Gives each path to swapoff(2) (root only), which reads every page the
 * device holds back into memory (or onto the other swap devices) and
 * then takes the device away.  A path that fails is reported and the
 * others are still tried; the exit status is 1 if any failed.
 */

#include <sys/types.h>
#include <sys/swap.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int
main(int argc, char *argv[])
{
	int i, status;

	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argv++;
		argc--;
	}
	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: swapoff path ...\n");
		return (2);
	}
	status = 0;
	for (i = 1; i < argc; i++) {
		if (swapoff(argv[i]) < 0) {
			fprintf(stderr, "swapoff: %s: %s\n", argv[i],
			    strerror(errno));
			status = 1;
		}
	}
	return (status);
}
