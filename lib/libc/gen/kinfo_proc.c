/*
 * kinfo_proc.c: kinfo_getallproc(3), the kernel's process table
 * (sysctl kern.proc.all) as an array, for ps(1), vmstat(1) and
 * vmobjdump(8).
 *
 * The table's size changes as processes come and go, so it is fetched
 * the sysctl(3) way: ask for the size, allocate that and some room to
 * grow, fetch, and start over a few times while ENOMEM says the table
 * outgrew the buffer.  Each record begins with its own size, which a
 * newer kernel may make larger: the records are copied into an array
 * of this libc's struct kinfo_proc, cut to it or padded with zeros, so
 * that callers can index it.  The array is sorted by pid.
 */
#include <sys/types.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define	KINFO_PROC_TRIES	8

static int
pidcmp(const void *a, const void *b)
{
	const struct kinfo_proc *ka = a, *kb = b;

	return (ka->ki_pid < kb->ki_pid ? -1 : ka->ki_pid > kb->ki_pid);
}

/*
 * Returns a malloc'ed array of the processes, their number in *cntp;
 * NULL with errno on failure (EPROTO: a record is malformed, EAGAIN:
 * the table kept growing).
 */
struct kinfo_proc *
kinfo_getallproc(int *cntp)
{
	int mib[3] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL };
	struct kinfo_proc *kp;
	size_t len, off, sz, minsz;
	char *buf = NULL;
	int tries, n, e;

	for (tries = 0; tries < KINFO_PROC_TRIES; tries++) {
		len = 0;
		if (sysctl(mib, 3, NULL, &len, NULL, 0) == -1)
			return (NULL);
		len += len / 8 + 4 * sizeof(struct kinfo_proc);
		if ((buf = malloc(len)) == NULL)
			return (NULL);
		if (sysctl(mib, 3, buf, &len, NULL, 0) == 0)
			break;
		e = errno;
		free(buf);
		buf = NULL;
		if (e != ENOMEM) {
			errno = e;
			return (NULL);
		}
	}
	if (buf == NULL) {
		errno = EAGAIN;
		return (NULL);
	}
	minsz = offsetof(struct kinfo_proc, ki_comm) + KI_COMMLEN;
	if ((kp = calloc(len / minsz + 1, sizeof(*kp))) == NULL) {
		free(buf);
		return (NULL);
	}
	n = 0;
	for (off = 0; off + sizeof(int) <= len; off += sz) {
		memcpy(&e, buf + off, sizeof(int));
		sz = (size_t)e;
		if (sz < minsz || off + sz > len) {
			free(kp);
			free(buf);
			errno = EPROTO;
			return (NULL);
		}
		memcpy(&kp[n], buf + off, sz < sizeof(*kp) ? sz : sizeof(*kp));
		n++;
	}
	free(buf);
	qsort(kp, n, sizeof(*kp), pidcmp);
	*cntp = n;
	return (kp);
}
