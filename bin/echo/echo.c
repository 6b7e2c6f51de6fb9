/*
 * echo: write the arguments, separated by spaces, to standard output.
 *
 *	echo [-n] [string ...]
 *
 * -n (only as the first argument) leaves out the trailing newline.
 * Escapes such as \n are not interpreted, as in BSD echo.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Write all of buf to standard output; -1 on failure. */
static int
put(const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(STDOUT_FILENO, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return (-1);
		buf += n;
		len -= n;
	}
	return (0);
}

int
main(int argc, char *argv[])
{
	int i, nflag, r;

	nflag = 0;
	i = 1;
	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		nflag = 1;
		i++;
	}
	r = 0;
	for (; i < argc && r == 0; i++) {
		r = put(argv[i], strlen(argv[i]));
		if (r == 0 && i + 1 < argc)
			r = put(" ", 1);
	}
	if (r == 0 && !nflag)
		r = put("\n", 1);
	if (r < 0) {
		fprintf(stderr, "echo: write error: %s\n", strerror(errno));
		return (1);
	}
	return (0);
}
