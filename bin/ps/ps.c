/*
 * ps: report process status.
 *
 *	ps [-ax]
 *
 * Prints one line per process, sorted by pid:
 *
 *	  PID  PPID   UID STAT   SIZE COMMAND
 *
 * STAT is the one-letter state (KI_NSTAT_NAMES: I idle/being created,
 * R runnable, S sleeping, T stopped, Z zombie), SIZE the virtual size in
 * KiB, COMMAND the argument list, or the command name if the kernel has
 * no arguments for the process.  Every process is listed; -a and -x
 * (also BSD-style without the dash) are accepted for compatibility.
 *
 * The table comes from sysctl kern.proc.all: ask for its size, allocate
 * that, and retry if the table grew in between (ENOMEM).  Records are
 * walked by their own ki_structsize, so a kernel with a larger record
 * still works.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define	MAXTRIES	8

static void
usage(void)
{
	fprintf(stderr, "usage: ps [-ax]\n");
	exit(1);
}

/*
 * Read kern.proc.all.  Returns a malloc'ed buffer and its length in
 * *lenp; exits on failure.
 */
static char *
get_procs(size_t *lenp)
{
	int mib[3] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL };
	size_t len;
	char *buf;
	int tries;

	for (tries = 0; tries < MAXTRIES; tries++) {
		len = 0;
		if (sysctl(mib, 3, NULL, &len, NULL, 0) < 0) {
			fprintf(stderr, "ps: kern.proc.all: %s\n",
			    strerror(errno));
			exit(1);
		}
		len += len / 8 + 4 * sizeof(struct kinfo_proc);
		if ((buf = malloc(len)) == NULL) {
			fprintf(stderr, "ps: out of memory\n");
			exit(1);
		}
		if (sysctl(mib, 3, buf, &len, NULL, 0) == 0) {
			*lenp = len;
			return (buf);
		}
		free(buf);
		if (errno != ENOMEM) {
			fprintf(stderr, "ps: kern.proc.all: %s\n",
			    strerror(errno));
			exit(1);
		}
	}
	fprintf(stderr, "ps: kern.proc.all: the table keeps growing\n");
	exit(1);
}

static int
pidcmp(const void *a, const void *b)
{
	const struct kinfo_proc *ka = a, *kb = b;

	return (ka->ki_pid < kb->ki_pid ? -1 : ka->ki_pid > kb->ki_pid);
}

/*
 * Check the options, fetch the process table, unpack it into records
 * of our own size, sort them by pid and print one line each.
 */
int
main(int argc, char *argv[])
{
	struct kinfo_proc *procs, *kp;
	char *buf, *arg, cmd[KI_ARGSLEN + 1];
	size_t len, off, sz, minsz;
	int i, n, stat;

	for (i = 1; i < argc; i++) {
		arg = argv[i];
		if (*arg == '-')
			arg++;
		if (*arg == '\0')
			usage();
		for (; *arg != '\0'; arg++)
			if (*arg != 'a' && *arg != 'x')
				usage();
	}
	buf = get_procs(&len);

	/* Unpack into full-size records, zeroing what an old kernel lacks. */
	minsz = offsetof(struct kinfo_proc, ki_comm) + KI_COMMLEN;
	procs = malloc((len / minsz + 1) * sizeof(*procs));
	if (procs == NULL) {
		fprintf(stderr, "ps: out of memory\n");
		return (1);
	}
	n = 0;
	for (off = 0; off + sizeof(int) <= len; off += sz) {
		memcpy(&i, buf + off, sizeof(int));
		sz = (size_t)i;
		if (sz < minsz || off + sz > len) {
			fprintf(stderr, "ps: kern.proc.all: bad record size "
			    "%zu\n", sz);
			return (1);
		}
		memset(&procs[n], 0, sizeof(procs[n]));
		memcpy(&procs[n], buf + off,
		    sz < sizeof(procs[n]) ? sz : sizeof(procs[n]));
		n++;
	}
	qsort(procs, n, sizeof(*procs), pidcmp);

	printf("%5s %5s %5s %-4s %6s %s\n", "PID", "PPID", "UID", "STAT",
	    "SIZE", "COMMAND");
	for (i = 0; i < n; i++) {
		kp = &procs[i];
		stat = kp->ki_stat;
		if (stat < 0 || stat >= (int)sizeof(KI_NSTAT_NAMES) - 1)
			stat = 0;
		memcpy(cmd, kp->ki_args, KI_ARGSLEN);
		cmd[KI_ARGSLEN] = '\0';
		if (cmd[0] == '\0') {
			memcpy(cmd, kp->ki_comm, KI_COMMLEN);
			cmd[KI_COMMLEN] = '\0';
		}
		printf("%5d %5d %5u %-4c %6u %s\n", (int)kp->ki_pid,
		    (int)kp->ki_ppid, (unsigned)kp->ki_uid,
		    KI_NSTAT_NAMES[stat], (unsigned)(kp->ki_size / 1024), cmd);
	}
	free(procs);
	free(buf);
	return (0);
}
