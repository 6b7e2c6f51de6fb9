/*
 * sendmsg.c: /bin/sendmsg, the client of maild: writes requests in
 * maild's format (one line each) to the standard output, or to a
 * descriptor given with -o.  Umbra has no FIFOs or sockets, so the
 * channel is a pipe: `sendmsg -n 100 alice bob | maild'.
 *
 *	sendmsg [-y] [-n count] [-b bytes] [-o fd] rcpt ...
 *
 *	-n count	requests to write (default 1), to the recipients
 *			in turn
 *	-b bytes	message size (default 1024)
 *	-o fd		write to descriptor fd
 *	-y		then ask maild for a status line (SYNC)
 *
 * A '#' in a recipient stands for the request's number (1, 2, ...):
 * `sendmsg -n 3 user#' writes to user1, user2 and user3.
 *
 * The lines are "MAIL rcpt bytes" and "SYNC".  A recipient is at most
 * MAXRCPT characters, without blanks.  Exit status 0, 1 if a write
 * failed, 2 for a usage error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vmtest.h"

#define	MAXRCPT		48	/* maild takes 63, '#' may add 11 */

static void
usage(void)
{

	fprintf(stderr, "usage: sendmsg [-y] [-n count] [-b bytes] [-o fd] "
	    "rcpt ...\n");
	exit(2);
}

/* Write all of line to fd; exits 1 on failure. */
static void
put(int fd, const char *line)
{
	size_t len = strlen(line), done = 0;
	ssize_t n;

	while (done < len) {
		n = write(fd, line + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "sendmsg: write: %s\n",
			    n == -1 ? strerror(errno) : "short");
			exit(1);
		}
		done += n;
	}
}

int
main(int argc, char *argv[])
{
	long count = 1, bytes = 1024, i;
	int ch, fd = 1, sync = 0;
	char line[128], *r, *hash;

	while ((ch = getopt(argc, argv, "b:n:o:y")) != -1) {
		switch (ch) {
		case 'b':
			bytes = number(optarg, ch, 0, 1024 * 1024);
			break;
		case 'n':
			count = number(optarg, ch, 0, 100000000);
			break;
		case 'o':
			fd = number(optarg, ch, 0, 1024);
			break;
		case 'y':
			sync = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 && count > 0)
		usage();
	for (i = 0; i < argc; i++) {
		if (strlen(argv[i]) > MAXRCPT || strpbrk(argv[i], " \t\n") !=
		    NULL) {
			fprintf(stderr, "sendmsg: bad recipient: %s\n",
			    argv[i]);
			return (2);
		}
	}
	for (i = 0; i < count; i++) {
		r = argv[i % argc];
		if ((hash = strchr(r, '#')) != NULL)
			snprintf(line, sizeof(line), "MAIL %.*s%ld%s %ld\n",
			    (int)(hash - r), r, i + 1, hash + 1, bytes);
		else
			snprintf(line, sizeof(line), "MAIL %s %ld\n", r, bytes);
		put(fd, line);
	}
	if (sync)
		put(fd, "SYNC\n");
	return (0);
}
