/*
 * kinfo_vm.c: kinfo_getvmmap(3), kinfo_getvmobjects(3) and
 * kinfo_vmsummary(3): the kernel's snapshots of address maps and
 * object chains (<sys/vmobject.h>), fetched whole.
 *
 * A snapshot is a variable-length table, so the fetch follows the
 * sysctl(3) protocol: ask for the size with a NULL buffer, allocate
 * that much (the kernel adds room to grow), fetch, and start over a few
 * times if the table outgrew the buffer in between (ENOMEM).  The
 * records are then checked (sizes, counts) before anyone walks them.
 */
#include <sys/types.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define	KINFO_TRIES	4

static struct kinfo_vmmap_hdr *
kinfo_fetch(const int *mib, u_int miblen, size_t *lenp)
{
	struct kinfo_vmmap_hdr *kvh;
	size_t len;
	int i;

	for (i = 0; i < KINFO_TRIES; i++) {
		len = 0;
		if (sysctl(mib, miblen, NULL, &len, NULL, 0) == -1)
			return (NULL);
		if ((kvh = malloc(len)) == NULL)
			return (NULL);
		if (sysctl(mib, miblen, kvh, &len, NULL, 0) == 0) {
			if (len < sizeof(*kvh) ||
			    kvh->kvh_structsize < (int)sizeof(*kvh) ||
			    kvh->kvh_version != KVM_VERSION) {
				free(kvh);
				errno = EPROTO;
				return (NULL);
			}
			*lenp = len;
			return (kvh);
		}
		free(kvh);
		if (errno != ENOMEM)
			return (NULL);
	}
	return (NULL);
}

struct kinfo_vmmap_hdr *
kinfo_getvmmap(pid_t pid, size_t *lenp)
{
	int mib[CTL_MAXNAME];
	size_t miblen = CTL_MAXNAME - 1;

	if (sysctlnametomib("kern.proc.vmmap", mib, &miblen) == -1)
		return (NULL);
	mib[miblen++] = pid;
	return (kinfo_fetch(mib, miblen, lenp));
}

struct kinfo_vmmap_hdr *
kinfo_getvmobjects(size_t *lenp)
{
	int mib[CTL_MAXNAME];
	size_t miblen = CTL_MAXNAME;

	if (sysctlnametomib("vm.objects", mib, &miblen) == -1)
		return (NULL);
	return (kinfo_fetch(mib, miblen, lenp));
}

/*
 * The record after `rec' (or the first, when rec is NULL) in a snapshot
 * of len bytes, if a whole record of at least minsize bytes is there;
 * otherwise NULL.
 */
const void *
kinfo_vmrec_next(const struct kinfo_vmmap_hdr *kvh, size_t len,
    const void *rec, size_t minsize)
{
	const char *base = (const char *)kvh, *p;
	int size;

	if (rec == NULL)
		p = base + kvh->kvh_structsize;
	else {
		memcpy(&size, rec, sizeof(size));
		p = (const char *)rec + size;
	}
	if (p < base || (size_t)(p - base) + minsize > len)
		return (NULL);
	memcpy(&size, p, sizeof(size));
	if (size < (int)minsize || (size_t)(p - base) + size > len)
		return (NULL);
	return (p);
}

/* Has the summary counted object id already (ids[0..n))? */
static int
seen(const uint32_t *ids, u_int n, uint32_t id)
{
	u_int i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return (1);
	return (0);
}

int
kinfo_vmsummary(pid_t pid, struct kinfo_vmsummary *ks)
{
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *kvo;
	struct kinfo_vmmap_hdr *kvh;
	const void *rec = NULL;
	uint32_t *ids;
	size_t len;
	u_int i, j;

	memset(ks, 0, sizeof(*ks));
	if ((kvh = kinfo_getvmmap(pid, &len)) == NULL)
		return (-1);
	if ((ids = calloc(kvh->kvh_nobjects + 1, sizeof(*ids))) == NULL) {
		free(kvh);
		return (-1);
	}
	for (i = 0; i < kvh->kvh_nentries; i++) {
		if ((kve = kinfo_vmrec_next(kvh, len, rec, sizeof(*kve))) ==
		    NULL)
			goto bad;
		rec = kve;
		ks->ks_entries++;
		ks->ks_visible += kve->kve_visible;
		if (kve->kve_depth > ks->ks_longest_chain)
			ks->ks_longest_chain = kve->kve_depth;
		for (j = 0; j < kve->kve_depth; j++) {
			if ((kvo = kinfo_vmrec_next(kvh, len, rec,
			    sizeof(*kvo))) == NULL)
				goto bad;
			rec = kvo;
			if (seen(ids, ks->ks_objects, kvo->kvo_id))
				continue;
			ids[ks->ks_objects++] = kvo->kvo_id;
			if (kvo->kvo_type == KVO_TYPE_VNODE)
				continue;
			ks->ks_resident += kvo->kvo_resident;
			ks->ks_swapped += kvo->kvo_swapped;
			ks->ks_hidden_res += kvo->kvo_hidden_res;
			ks->ks_hidden_swap += kvo->kvo_hidden_swap;
		}
	}
	free(ids);
	free(kvh);
	return (0);
bad:
	free(ids);
	free(kvh);
	errno = EPROTO;
	return (-1);
}
