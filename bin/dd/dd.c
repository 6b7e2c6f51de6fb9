/*
 * dd: copy a file in blocks.
 *
 *	dd [operand ...]
 *
 * Operands:
 *	if=file		read file instead of the standard input
 *	of=file		write file instead of the standard output; it is
 *			made if missing (mode 0666 less the umask), and
 *			a regular file is cut at where the output starts
 *			unless conv=notrunc
 *	bs=n		read and write blocks of n bytes (512)
 *	count=n		copy n input blocks only
 *	skip=n		skip n blocks at the start of the input (seeking
 *			when the input can seek, else reading them)
 *	seek=n		start writing n blocks into the output
 *	conv=notrunc	do not cut the output file
 * Numbers may end in b (512), k (1024), m (1024^2) or g (1024^3).
 *
 * Each read is one input record, written out as it is: a short read
 * (from a pipe, or at the end of the file) makes a partial record.  At
 * the end dd reports on the standard error, as BSD's does,
 *	F+P records in
 *	F+P records out
 *	N bytes transferred
 * (F full records, P partial ones).  A bad operand ("dd: unknown
 * operand foo"), a file that cannot be opened ("dd: f: No such file or
 * directory") or an I/O error is reported and the exit status is 1.
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	MAXBS	(16 * 1024 * 1024)

static const char	*iname = "stdin", *oname = "stdout";
static uint64_t		full_in, part_in, full_out, part_out, bytes;

static void
summary(void)
{

	fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n"
	    "%llu bytes transferred\n", (unsigned long long)full_in,
	    (unsigned long long)part_in, (unsigned long long)full_out,
	    (unsigned long long)part_out, (unsigned long long)bytes);
}

/* Report an error on file name, the counts so far, and exit 1. */
static void
fail(const char *name, int error)
{

	fprintf(stderr, "dd: %s: %s\n", name, strerror(error));
	summary();
	exit(1);
}

/* The number an operand gives, with its suffix; exits if it is bad. */
static uint64_t
number(const char *op, const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || errno != 0)
		goto bad;
	switch (*end) {
	case 'b':
		v *= 512;
		end++;
		break;
	case 'k':
		v *= 1024;
		end++;
		break;
	case 'm':
		v *= 1024 * 1024;
		end++;
		break;
	case 'g':
		v *= 1024 * 1024 * 1024;
		end++;
		break;
	}
	if (*end == '\0' && v < (1ULL << 53))
		return (v);
bad:
	fprintf(stderr, "dd: %s: illegal numeric value\n", op);
	exit(1);
}

int
main(int argc, char *argv[])
{
	uint64_t bs = 512, count = UINT64_MAX, skip = 0, seek = 0, i;
	const char *ifile = NULL, *ofile = NULL, *val;
	ssize_t n, w, off;
	int in = STDIN_FILENO, out = STDOUT_FILENO, notrunc = 0;
	struct stat sb;
	char *buf;

	for (argv++; *argv != NULL; argv++) {
		if ((val = strchr(*argv, '=')) == NULL)
			val = "";
		else
			val++;
		if (strncmp(*argv, "if=", 3) == 0)
			ifile = val;
		else if (strncmp(*argv, "of=", 3) == 0)
			ofile = val;
		else if (strncmp(*argv, "bs=", 3) == 0)
			bs = number("bs", val);
		else if (strncmp(*argv, "count=", 6) == 0)
			count = number("count", val);
		else if (strncmp(*argv, "skip=", 5) == 0)
			skip = number("skip", val);
		else if (strncmp(*argv, "seek=", 5) == 0)
			seek = number("seek", val);
		else if (strcmp(*argv, "conv=notrunc") == 0)
			notrunc = 1;
		else {
			fprintf(stderr, "dd: unknown operand %s\n", *argv);
			exit(1);
		}
	}
	if (bs == 0 || bs > MAXBS) {
		fprintf(stderr, "dd: bs: illegal numeric value\n");
		exit(1);
	}
	if ((buf = malloc(bs)) == NULL) {
		fprintf(stderr, "dd: %s\n", strerror(ENOMEM));
		exit(1);
	}
	if (ifile != NULL) {
		iname = ifile;
		if ((in = open(ifile, O_RDONLY)) == -1)
			fail(iname, errno);
	}
	if (ofile != NULL) {
		oname = ofile;
		if ((out = open(ofile, O_WRONLY | O_CREAT, 0666)) == -1)
			fail(oname, errno);
		if (fstat(out, &sb) == -1)
			fail(oname, errno);
		if (!notrunc && S_ISREG(sb.st_mode) &&
		    ftruncate(out, (off_t)(seek * bs)) == -1)
			fail(oname, errno);
	}

	/* Skip input: seek if we can, else read and drop. */
	if (skip > 0 && lseek(in, (off_t)(skip * bs), SEEK_CUR) == -1) {
		for (i = 0; i < skip; i++) {
			n = read(in, buf, bs);
			if (n == -1 && errno == EINTR) {
				i--;
				continue;
			}
			if (n == -1)
				fail(iname, errno);
			if (n == 0)
				break;
		}
	}
	if (seek > 0 && lseek(out, (off_t)(seek * bs), SEEK_CUR) == -1)
		fail(oname, errno);

	while (count == UINT64_MAX || full_in + part_in < count) {
		n = read(in, buf, bs);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			fail(iname, errno);
		if (n == 0)
			break;
		if ((uint64_t)n == bs)
			full_in++;
		else
			part_in++;
		for (off = 0; off < n; off += w) {
			w = write(out, buf + off, n - off);
			if (w == -1 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w <= 0)
				fail(oname, w == -1 ? errno : EIO);
			bytes += w;
		}
		if ((uint64_t)n == bs)
			full_out++;
		else
			part_out++;
	}
	if (out != STDOUT_FILENO && close(out) == -1)
		fail(oname, errno);
	summary();
	return (0);
}
