/*
 * uname: print the name of the system.
 *
 *	uname [-amnprsv]
 *
 * Prints, separated by spaces and in this order, the system's name (-s,
 * the default), the host name (-n), the release (-r), the version (-v),
 * the hardware (-m) and the processor type (-p); -a prints them all.
 * They come from uname(3), which reads the sysctl nodes kern.ostype,
 * kern.hostname, kern.osrelease, kern.version and hw.machine (the
 * processor type is the machine's, i386: Umbra runs on nothing else).
 * Bad usage exits 1, as does a failure of uname(3) ("uname: error").
 */
#include <sys/types.h>
#include <sys/utsname.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
usage(void)
{

	fprintf(stderr, "usage: uname [-amnprsv]\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	struct utsname sn;
	const char *parts[6];
	int ch, n, i, want = 0;

	enum { S = 1, N = 2, R = 4, V = 8, M = 16, P = 32 };

	while ((ch = getopt(argc, argv, "amnprsv")) != -1) {
		switch (ch) {
		case 'a':
			want |= S | N | R | V | M | P;
			break;
		case 'm':
			want |= M;
			break;
		case 'n':
			want |= N;
			break;
		case 'p':
			want |= P;
			break;
		case 'r':
			want |= R;
			break;
		case 's':
			want |= S;
			break;
		case 'v':
			want |= V;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (want == 0)
		want = S;
	if (uname(&sn) == -1)
		err(1, "uname");
	n = 0;
	if (want & S)
		parts[n++] = sn.sysname;
	if (want & N)
		parts[n++] = sn.nodename;
	if (want & R)
		parts[n++] = sn.release;
	if (want & V)
		parts[n++] = sn.version;
	if (want & M)
		parts[n++] = sn.machine;
	if (want & P)
		parts[n++] = sn.machine;
	for (i = 0; i < n; i++)
		printf("%s%s", i > 0 ? " " : "", parts[i]);
	printf("\n");
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "standard output");
	return (0);
}
