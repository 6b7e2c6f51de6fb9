/*
 * deliver.c: /bin/deliver, the local delivery agent that maild executes
 * in a fresh child for every request, as sendmail executed its
 * mailers.
 *
 *	deliver [-p] [-s seq] [-b bytes] [-t pages] rcpt mailbox
 *
 * It does a little honest work and exits: builds the message (a header
 * naming the request, the recipient and the mailbox, then `bytes'
 * bytes of body, default 1024) in a buffer from malloc, writes `pages'
 * pages (default 4) of a scratch region of its own, reads both back
 * and checks them, and "delivers" the message by writing it to
 * /dev/null.
 *
 * With -p it first plays the rest of a loaded machine: it writes fresh
 * memory, a few pages at a time, until its parent (maild) has at most
 * a handful of anonymous pages left in memory, or until all the memory
 * there is, less the pageout daemon's free target, is its own.  maild's
 * pages are then on swap, and each of its objects that had a page
 * written there has a swap pager.  Zero-filled pages freed at exit
 * cost no disk I/O: the burst costs little more than the page-outs it
 * causes.  (vm-test -p does the same; vm-test.c says why it is done
 * this way.)  The message and the scratch pages may go to swap too, and
 * are checked afterwards.
 *
 * Exit status 0 when all went well, 1 otherwise (with a message on the
 * standard error; a pressure that could not be applied, -p, counts as
 * a failure), 2 for a usage error.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vmtest.h"

#define	PGSZ		4096UL
#define	MAXBYTES	(1024L * 1024L)
#define	PUSH_FLOOR	16		/* pressure: until the parent has this few */

static void
usage(void)
{

	fprintf(stderr, "usage: deliver [-p] [-s seq] [-b bytes] "
	    "[-t pages] rcpt mailbox\n");
	exit(2);
}

/* Body byte i of message seq. */
static char
body(long seq, long i)
{

	return ((char)('a' + (seq + i) % 26));
}

int
main(int argc, char *argv[])
{
	long seq = 0, bytes = 1024, pages = 4, i, hlen;
	volatile uint32_t *scratch = NULL;
	char *msg;
	ssize_t n;
	int ch, fd, pressure = 0;

	while ((ch = getopt(argc, argv, "b:ps:t:")) != -1) {
		switch (ch) {
		case 'b':
			bytes = number(optarg, ch, 0, MAXBYTES);
			break;
		case 'p':
			pressure = 1;
			break;
		case 's':
			seq = number(optarg, ch, 0, 1000000000);
			break;
		case 't':
			pages = number(optarg, ch, 0, 4096);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		usage();

	/* The message. */
	if ((msg = malloc(256 + bytes)) == NULL) {
		fprintf(stderr, "deliver: no memory for %ld bytes\n", bytes);
		return (1);
	}
	hlen = snprintf(msg, 256, "From maild #%ld\nTo: %.64s\nMailbox: "
	    "%.64s\n\n", seq, argv[0], argv[1]);
	for (i = 0; i < bytes; i++)
		msg[hlen + i] = body(seq, i);

	/* Some work space of its own, written now, read back below. */
	if (pages > 0) {
		scratch = mmap(NULL, pages * PGSZ, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (scratch == MAP_FAILED) {
			fprintf(stderr, "deliver: mmap %ld pages: %s\n", pages,
			    strerror(errno));
			return (1);
		}
		for (i = 0; i < pages * (long)(PGSZ / 4); i++)
			scratch[i] = (uint32_t)(seq * 31 + i);
	}

	/* Both may go to swap here, and must come back intact. */
	if (pressure && push_out(getppid(), PUSH_FLOOR, 0) != 0)
		return (1);

	for (i = 0; i < pages * (long)(PGSZ / 4); i++) {
		if (scratch[i] != (uint32_t)(seq * 31 + i)) {
			fprintf(stderr, "deliver #%ld: scratch word %ld is "
			    "0x%08x\n", seq, i, scratch[i]);
			return (1);
		}
	}
	for (i = 0; i < bytes; i++) {
		if (msg[hlen + i] != body(seq, i)) {
			fprintf(stderr, "deliver #%ld: message byte %ld "
			    "changed\n", seq, i);
			return (1);
		}
	}
	if ((fd = open("/dev/null", O_WRONLY)) == -1) {
		fprintf(stderr, "deliver: /dev/null: %s\n", strerror(errno));
		return (1);
	}
	n = write(fd, msg, hlen + bytes);
	if (n != hlen + bytes) {
		fprintf(stderr, "deliver #%ld: write: %s\n", seq,
		    n == -1 ? strerror(errno) : "short");
		return (1);
	}
	close(fd);
	free(msg);
	return (0);
}
