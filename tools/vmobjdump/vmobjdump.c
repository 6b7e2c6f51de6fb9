/*
 * vmobjdump: print the object chains behind processes' address maps.
 *
 *	vmobjdump [-hjks] pid ...
 *	vmobjdump [-hjks] -a
 *	vmobjdump [-hk] -f
 *	vmobjdump -d [-hk] pid ... | -a
 *
 * For each map entry of a process: its range, protection, flags and
 * offset, then the chain of objects behind it, front object first, one
 * indented line each, then a trailer with the chain's depth, the pages
 * of the range that some object holds (visible) and the hidden pages of
 * the chain (pages no map entry can reach any more: what the 1993
 * defect leaks; see doc/design.md, "The VM's vocabulary", and
 * <sys/vmobject.h>).  Each
 * process ends with its totals, and the output with the system's swap
 * in use.
 *
 *	-a	every process that has a user address space
 *	-d	a Graphviz DOT graph instead of text (see dot_print())
 *	-f	instead of processes, the objects that hold /tmp files'
 *		pages, one line each, from vm.objects
 *	-h	no headings (column header, process heading)
 *	-j	JSON instead of text
 *	-k	sizes in KiB instead of pages (text only; JSON is in pages)
 *	-s	one summary line per process
 *
 * The data is one snapshot per process, kern.proc.vmmap.PID, fetched
 * with kinfo_getvmmap(3).  It is checked whole (record sizes, counts,
 * chain links) before anything of it is printed, so a malformed
 * snapshot never gives half a dump.  Process names come from
 * kern.proc.all (kinfo_getallproc(3)), like ps(1)'s.
 *
 * Totals count each object once, even when several entries reach it
 * (by object id); page totals cover anonymous objects only, like
 * kinfo_vmsummary(3).  Hidden counts are the kernel's, which works them
 * out over all processes, not only the one dumped.
 *
 * Errors.  The sysctl is root only: others get "vmobjdump: PID:
 * Operation not permitted", and since every further pid would fail the
 * same way, nothing more is tried.  A pid that does not exist, or whose
 * process exits before its snapshot is taken, gives "vmobjdump: PID: No
 * such process" and the others are still dumped; with -a such processes
 * (and kernel threads, zombies) are skipped without a word.  The exit
 * status is 0 if every process was dumped, 1 otherwise; a usage error
 * also exits 1, as sysctl(8) and ps(1) do.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	INDENT		40		/* where object columns start */

static int	hflag;			/* no headings */
static int	jflag;			/* JSON */
static int	kflag;			/* KiB, not pages */
static int	sflag;			/* summary lines only */
static int	dflag;			/* DOT */
static int	status;			/* exit status */
static int	njson;			/* processes printed in JSON */

/* A process as kern.proc.all describes it. */
struct pinfo {
	pid_t		pid;
	int		stat;		/* SIDL .. SZOMB */
	u_int		size;		/* virtual size; 0: no user map */
	char		comm[KI_COMMLEN + 1];
};

/* Per-process totals; page counts of anonymous objects only. */
struct totals {
	u_int		entries;
	u_int		objects;	/* distinct object ids */
	u_int		deepest;	/* longest chain below one entry */
	unsigned long long visible;
	unsigned long long resident;
	unsigned long long swapped;
	unsigned long long hidden_res;
	unsigned long long hidden_swap;
};

/*
 * A checked snapshot: pointers to its records, in order.  Entry i's
 * chain is objs[first[i]] .. objs[first[i] + entries[i]->kve_depth - 1].
 */
struct snap {
	struct kinfo_vmmap_hdr	*kvh;
	size_t			len;
	const char		*comm;
	const struct kinfo_vmentry **entries;
	const struct kinfo_vmobject **objs;
	u_int			*first;
	struct totals		t;
};

static void
usage(void)
{

	fprintf(stderr, "usage: vmobjdump [-hjks] pid ...\n"
	    "       vmobjdump [-hjks] -a\n"
	    "       vmobjdump [-hk] -f\n"
	    "       vmobjdump -d [-hk] pid ... | -a\n");
	exit(1);
}

/*
 * Read kern.proc.all (kinfo_getallproc(3)) into a malloc'ed array of
 * pinfo, sorted by pid, its length in *np.  Returns NULL, with a
 * message, on failure.
 */
static struct pinfo *
get_procs(int *np)
{
	struct kinfo_proc *kp;
	struct pinfo *pi;
	int n, i;

	if ((kp = kinfo_getallproc(&n)) == NULL) {
		fprintf(stderr, "vmobjdump: kern.proc.all: %s\n",
		    strerror(errno));
		return (NULL);
	}
	if ((pi = calloc(n + 1, sizeof(*pi))) == NULL) {
		fprintf(stderr, "vmobjdump: out of memory\n");
		free(kp);
		return (NULL);
	}
	for (i = 0; i < n; i++) {
		pi[i].pid = kp[i].ki_pid;
		pi[i].stat = kp[i].ki_stat;
		pi[i].size = kp[i].ki_size;
		memcpy(pi[i].comm, kp[i].ki_comm, KI_COMMLEN);
		pi[i].comm[KI_COMMLEN] = '\0';
	}
	free(kp);
	*np = n;
	return (pi);
}

/* The command name of pid, or "" if unknown. */
static const char *
comm_of(const struct pinfo *pi, int n, pid_t pid)
{
	int i;

	for (i = 0; i < n; i++)
		if (pi[i].pid == pid)
			return (pi[i].comm);
	return ("");
}

/* Has the snapshot counted object id already (ids[0..n))? */
static int
seen(const uint32_t *ids, u_int n, uint32_t id)
{
	u_int i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return (1);
	return (0);
}

static void
snap_free(struct snap *s)
{

	free(s->entries);
	free(s->objs);
	free(s->first);
	free(s->kvh);
	memset(s, 0, sizeof(*s));
}

/*
 * Check the snapshot in s->kvh (s->len bytes) of process pid and index
 * its records: every record whole and at least as large as ours, the
 * counts of the header met exactly, each chain linked by its backing
 * ids and ending in 0.  Computes the totals.  Returns 0, or -1 with
 * *whyp saying what is wrong.
 */
static int
snap_check(struct snap *s, pid_t pid, const char **whyp)
{
	static char why[96];
	const struct kinfo_vmmap_hdr *kvh = s->kvh;
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *kvo;
	const void *rec = NULL;
	uint32_t *ids;
	u_int i, j, no = 0;

	*whyp = why;
	if (kvh->kvh_pid != pid) {
		snprintf(why, sizeof(why), "the snapshot is of pid %d",
		    (int)kvh->kvh_pid);
		return (-1);
	}
	if (kvh->kvh_pagesize == 0 || kvh->kvh_pagesize % 1024 != 0) {
		snprintf(why, sizeof(why), "page size %u",
		    kvh->kvh_pagesize);
		return (-1);
	}
	if (kvh->kvh_nentries > s->len / sizeof(*kve) ||
	    kvh->kvh_nobjects > s->len / sizeof(*kvo)) {
		snprintf(why, sizeof(why), "%u entries and %u objects "
		    "cannot fit in %zu bytes", kvh->kvh_nentries,
		    kvh->kvh_nobjects, s->len);
		return (-1);
	}
	s->entries = calloc(kvh->kvh_nentries + 1, sizeof(*s->entries));
	s->first = calloc(kvh->kvh_nentries + 1, sizeof(*s->first));
	s->objs = calloc(kvh->kvh_nobjects + 1, sizeof(*s->objs));
	ids = calloc(kvh->kvh_nobjects + 1, sizeof(*ids));
	if (s->entries == NULL || s->first == NULL || s->objs == NULL ||
	    ids == NULL) {
		free(ids);
		snprintf(why, sizeof(why), "out of memory");
		return (-1);
	}
	for (i = 0; i < kvh->kvh_nentries; i++) {
		if ((kve = kinfo_vmrec_next(kvh, s->len, rec,
		    sizeof(*kve))) == NULL) {
			snprintf(why, sizeof(why), "map entry %u of %u is "
			    "cut short or too small", i + 1,
			    kvh->kvh_nentries);
			goto bad;
		}
		rec = kve;
		if (kve->kve_start >= kve->kve_end ||
		    kve->kve_depth > kvh->kvh_nobjects - no) {
			snprintf(why, sizeof(why), "map entry %u: range "
			    "0x%x-0x%x, %u objects", i + 1, kve->kve_start,
			    kve->kve_end, kve->kve_depth);
			goto bad;
		}
		s->entries[i] = kve;
		s->first[i] = no;
		for (j = 0; j < kve->kve_depth; j++) {
			if ((kvo = kinfo_vmrec_next(kvh, s->len, rec,
			    sizeof(*kvo))) == NULL) {
				snprintf(why, sizeof(why), "object %u below "
				    "map entry %u is cut short or too small",
				    j, i + 1);
				goto bad;
			}
			rec = kvo;
			if (j > 0 && s->objs[no - 1]->kvo_backing_id !=
			    kvo->kvo_id) {
				snprintf(why, sizeof(why), "map entry %u: "
				    "object %u is backed by %u, not %u", i + 1,
				    s->objs[no - 1]->kvo_id,
				    s->objs[no - 1]->kvo_backing_id,
				    kvo->kvo_id);
				goto bad;
			}
			s->objs[no++] = kvo;
			if (seen(ids, s->t.objects, kvo->kvo_id))
				continue;
			ids[s->t.objects++] = kvo->kvo_id;
			if (kvo->kvo_type == KVO_TYPE_VNODE)
				continue;
			s->t.resident += kvo->kvo_resident;
			s->t.swapped += kvo->kvo_swapped;
			s->t.hidden_res += kvo->kvo_hidden_res;
			s->t.hidden_swap += kvo->kvo_hidden_swap;
		}
		if (kve->kve_depth > 0 &&
		    s->objs[no - 1]->kvo_backing_id != 0) {
			snprintf(why, sizeof(why), "map entry %u: the chain "
			    "ends at object %u, which has a backing object",
			    i + 1, s->objs[no - 1]->kvo_id);
			goto bad;
		}
		s->t.entries++;
		s->t.visible += kve->kve_visible;
		if (kve->kve_depth > s->t.deepest)
			s->t.deepest = kve->kve_depth;
	}
	if (no != kvh->kvh_nobjects) {
		snprintf(why, sizeof(why), "%u object records, the header "
		    "says %u", no, kvh->kvh_nobjects);
		goto bad;
	}
	free(ids);
	return (0);
bad:
	free(ids);
	return (-1);
}

/* pages, in the unit of the text output. */
static unsigned long long
amount(const struct snap *s, unsigned long long pages)
{

	return (kflag ? pages * s->kvh->kvh_pagesize / 1024 : pages);
}

static const char *
unitname(void)
{

	return (kflag ? "KiB" : "pages");
}

static const char *
type_short(int type)
{

	switch (type) {
	case KVO_TYPE_ANON:
		return ("an");
	case KVO_TYPE_SWAP:
		return ("sw");
	case KVO_TYPE_VNODE:
		return ("vn");
	}
	return ("??");
}

static const char *
type_long(int type)
{

	switch (type) {
	case KVO_TYPE_ANON:
		return ("anonymous");
	case KVO_TYPE_SWAP:
		return ("swap");
	case KVO_TYPE_VNODE:
		return ("vnode");
	}
	return ("unknown");
}

/* "rwx" with '-' for what prot lacks, into buf[4]. */
static const char *
prot_letters(int prot, char *buf)
{

	buf[0] = (prot & 1) ? 'r' : '-';
	buf[1] = (prot & 2) ? 'w' : '-';
	buf[2] = (prot & 4) ? 'x' : '-';
	buf[3] = '\0';
	return (buf);
}

/* Entry flags: C copy-on-write, N needs copy, S shared, into buf[4]. */
static const char *
entry_letters(int flags, char *buf)
{

	buf[0] = (flags & KVE_F_COW) ? 'C' : '-';
	buf[1] = (flags & KVE_F_NEEDS_COPY) ? 'N' : '-';
	buf[2] = (flags & KVE_F_SHARED) ? 'S' : '-';
	buf[3] = '\0';
	return (buf);
}

/*
 * Object flags: I internal (anonymous), or F anonymous and a /tmp
 * file's; D dead, C collapsing, P paging in progress, into buf[5].
 */
static const char *
object_letters(const struct kinfo_vmobject *kvo, char *buf)
{

	buf[0] = (kvo->kvo_flags & KVO_F_FILE) ? 'F' :
	    (kvo->kvo_flags & KVO_F_INTERNAL) ? 'I' : '-';
	buf[1] = (kvo->kvo_flags & KVO_F_DEAD) ? 'D' : '-';
	buf[2] = (kvo->kvo_flags & KVO_F_COLLAPSING) ? 'C' : '-';
	buf[3] = kvo->kvo_paging > 0 ? 'P' : '-';
	buf[4] = '\0';
	return (buf);
}

/*
 * Copy at most max bytes of src (stopping at a NUL) into buf, NUL-
 * terminated, with '?' for anything but printable ASCII: names go to a
 * terminal as they are.
 */
static const char *
printable(const char *src, size_t max, char *buf)
{
	size_t i;

	for (i = 0; i < max && src[i] != '\0'; i++)
		buf[i] = src[i] >= ' ' && src[i] <= '~' ? src[i] : '?';
	buf[i] = '\0';
	return (buf);
}

/*
 * The file name of a vnode or /tmp file object, for text, into
 * buf[KVO_PATHLEN + 1].
 */
static const char *
object_path(const struct kinfo_vmobject *kvo, char *buf)
{

	if (kvo->kvo_type != KVO_TYPE_VNODE &&
	    (kvo->kvo_flags & KVO_F_FILE) == 0) {
		buf[0] = '\0';
		return (buf);
	}
	return (printable(kvo->kvo_path, KVO_PATHLEN, buf));
}

/* Text: the heading, entries, chains and totals of one process. */
static void
text_print(const struct snap *s)
{
	const struct kinfo_vmmap_hdr *kvh = s->kvh;
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *kvo;
	char b1[8], b2[8], path[KVO_PATHLEN + 1], comm[KI_COMMLEN + 1];
	unsigned long long hres, hswp;
	u_int i, j;

	if (!hflag) {
		printable(s->comm, KI_COMMLEN, comm);
		printf("PID %d%s%s%s: %u map entries, generation %u; ",
		    (int)kvh->kvh_pid, comm[0] != '\0' ? " (" : "", comm,
		    comm[0] != '\0' ? ")" : "", kvh->kvh_nentries,
		    kvh->kvh_generation);
		if (kflag)
			printf("sizes in KiB\n");
		else
			printf("sizes in pages of %u bytes\n",
			    kvh->kvh_pagesize);
		printf("%-10s %-10s %-3s %-3s %-10s %2s %6s %-2s %6s %6s %6s "
		    "%4s %4s %-4s %6s %6s %s\n", "START", "END", "PRT", "FLG",
		    "OFFSET", "D", "OBJID", "TP", "SIZE", "RES", "SWP", "REF",
		    "SHD", "FLAG", "HRES", "HSWP", "PATH");
	}
	for (i = 0; i < kvh->kvh_nentries; i++) {
		kve = s->entries[i];
		printf("0x%08x 0x%08x %s %s 0x%x\n", kve->kve_start,
		    kve->kve_end, prot_letters(kve->kve_protection, b1),
		    entry_letters(kve->kve_flags, b2), kve->kve_offset);
		hres = hswp = 0;
		for (j = 0; j < kve->kve_depth; j++) {
			kvo = s->objs[s->first[i] + j];
			hres += kvo->kvo_hidden_res;
			hswp += kvo->kvo_hidden_swap;
			printf("%*s %2u %6u %-2s %6llu %6llu %6llu %4d %4d "
			    "%-4s %6llu %6llu", INDENT, "", j, kvo->kvo_id,
			    type_short(kvo->kvo_type),
			    amount(s, kvo->kvo_size),
			    amount(s, kvo->kvo_resident),
			    amount(s, kvo->kvo_swapped), kvo->kvo_ref_count,
			    kvo->kvo_shadow_count, object_letters(kvo, b1),
			    amount(s, kvo->kvo_hidden_res),
			    amount(s, kvo->kvo_hidden_swap));
			if (object_path(kvo, path)[0] != '\0')
				printf(" %s", path);
			printf("\n");
		}
		printf("  chain depth %u, visible %llu, hidden %llu "
		    "(resident %llu, swap %llu)\n", kve->kve_depth,
		    amount(s, kve->kve_visible), amount(s, hres + hswp),
		    amount(s, hres), amount(s, hswp));
	}
	printf("total: %u entries, %u objects, deepest chain %u, visible "
	    "%llu; anonymous objects: resident %llu, swap %llu, hidden "
	    "resident %llu, hidden swap %llu\n", s->t.entries, s->t.objects,
	    s->t.deepest, amount(s, s->t.visible), amount(s, s->t.resident),
	    amount(s, s->t.swapped), amount(s, s->t.hidden_res),
	    amount(s, s->t.hidden_swap));
}

/* The column header of -s. */
static void
summary_header(void)
{
	const char *u = kflag ? "KB" : "PG";

	printf("%5s %7s %7s %5s %6s_%s %6s_%s %6s_%s %6s_%s %6s_%s %s\n",
	    "PID", "ENTRIES", "OBJECTS", "DEPTH", "VIS", u, "RES", u,
	    "SWP", u, "HRES", u, "HSWP", u, "COMMAND");
}

/* -s: one line. */
static void
summary_print(const struct snap *s)
{
	char comm[KI_COMMLEN + 1];

	printf("%5d %7u %7u %5u %9llu %9llu %9llu %9llu %9llu %s\n",
	    (int)s->kvh->kvh_pid, s->t.entries, s->t.objects, s->t.deepest,
	    amount(s, s->t.visible), amount(s, s->t.resident),
	    amount(s, s->t.swapped), amount(s, s->t.hidden_res),
	    amount(s, s->t.hidden_swap), printable(s->comm, KI_COMMLEN, comm));
}

/*
 * A JSON string of at most max bytes of s (stopping at a NUL).
 * Quotes, backslashes, control characters and bytes outside ASCII are
 * escaped, the last as the code points of the same number (Latin-1):
 * the output is valid JSON, in ASCII, whatever the bytes.
 */
static void
json_str(const char *s, size_t max)
{
	unsigned char c;
	size_t i;

	putchar('"');
	for (i = 0; i < max && s[i] != '\0'; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			printf("\\n");
		else if (c == '\t')
			printf("\\t");
		else if (c < 0x20 || c >= 0x7f)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void
json_bool(const char *key, int v, int last)
{

	printf("\"%s\":%s%s", key, v ? "true" : "false", last ? "" : ",");
}

static void
json_prot(const char *key, int prot)
{

	printf("\"%s\":{", key);
	json_bool("read", prot & 1, 0);
	json_bool("write", prot & 2, 0);
	json_bool("exec", prot & 4, 1);
	printf("},");
}

static void
json_totals(const struct snap *s)
{

	printf("\"totals\":{\"entries\":%u,\"objects\":%u,"
	    "\"deepest_chain\":%u,\"visible\":%llu,\"resident\":%llu,"
	    "\"swapped\":%llu,\"hidden_resident\":%llu,"
	    "\"hidden_swap\":%llu}", s->t.entries, s->t.objects,
	    s->t.deepest, s->t.visible, s->t.resident, s->t.swapped,
	    s->t.hidden_res, s->t.hidden_swap);
}

/* JSON: one element of the "processes" array. */
static void
json_print(const struct snap *s)
{
	const struct kinfo_vmmap_hdr *kvh = s->kvh;
	const struct kinfo_vmentry *kve;
	const struct kinfo_vmobject *kvo;
	unsigned long long hres, hswp;
	u_int i, j;

	printf("%s\n {\"pid\":%d,\"command\":", njson++ > 0 ? "," : "",
	    (int)kvh->kvh_pid);
	json_str(s->comm, KI_COMMLEN);
	printf(",\"generation\":%u,", kvh->kvh_generation);
	printf("\"swap_total\":%u,\"swap_used\":%u,", kvh->kvh_swap_total,
	    kvh->kvh_swap_used);
	if (!sflag) {
		printf("\"entries\":[");
		for (i = 0; i < kvh->kvh_nentries; i++) {
			kve = s->entries[i];
			printf("%s\n  {\"start\":\"0x%x\",\"end\":\"0x%x\","
			    "\"offset\":\"0x%x\",", i > 0 ? "," : "",
			    kve->kve_start, kve->kve_end, kve->kve_offset);
			json_prot("protection", kve->kve_protection);
			json_prot("max_protection", kve->kve_max_protection);
			printf("\"flags\":{");
			json_bool("copy_on_write", kve->kve_flags & KVE_F_COW,
			    0);
			json_bool("needs_copy",
			    kve->kve_flags & KVE_F_NEEDS_COPY, 0);
			json_bool("shared", kve->kve_flags & KVE_F_SHARED, 1);
			printf("},\"depth\":%u,\"visible\":%u,\"chain\":[",
			    kve->kve_depth, kve->kve_visible);
			hres = hswp = 0;
			for (j = 0; j < kve->kve_depth; j++) {
				kvo = s->objs[s->first[i] + j];
				hres += kvo->kvo_hidden_res;
				hswp += kvo->kvo_hidden_swap;
				printf("%s\n   {\"depth\":%u,\"id\":%u,"
				    "\"backing_id\":%u,\"backing_offset\":"
				    "\"0x%x\",\"type\":\"%s\",\"size\":%u,"
				    "\"resident\":%u,\"swapped\":%u,"
				    "\"ref_count\":%d,\"shadow_count\":%d,"
				    "\"paging\":%d,\"hidden_resident\":%u,"
				    "\"hidden_swap\":%u,\"flags\":{",
				    j > 0 ? "," : "", j, kvo->kvo_id,
				    kvo->kvo_backing_id,
				    kvo->kvo_backing_offset,
				    type_long(kvo->kvo_type), kvo->kvo_size,
				    kvo->kvo_resident, kvo->kvo_swapped,
				    kvo->kvo_ref_count, kvo->kvo_shadow_count,
				    kvo->kvo_paging, kvo->kvo_hidden_res,
				    kvo->kvo_hidden_swap);
				json_bool("internal",
				    kvo->kvo_flags & KVO_F_INTERNAL, 0);
				json_bool("dead", kvo->kvo_flags & KVO_F_DEAD,
				    0);
				json_bool("collapsing",
				    kvo->kvo_flags & KVO_F_COLLAPSING, 0);
				json_bool("file", kvo->kvo_flags & KVO_F_FILE,
				    1);
				printf("},\"path\":");
				if (kvo->kvo_type == KVO_TYPE_VNODE ||
				    (kvo->kvo_flags & KVO_F_FILE))
					json_str(kvo->kvo_path, KVO_PATHLEN);
				else
					printf("null");
				printf("}");
			}
			printf("],\"hidden_resident\":%llu,"
			    "\"hidden_swap\":%llu}", hres, hswp);
		}
		printf("],\n  ");
	}
	json_totals(s);
	printf("}");
}

/*
 * DOT (-d): one graph for all the processes dumped.  Each process is a
 * cluster of its map entries (boxes: range, protection, flags); every
 * object is a node of its own, once, however many entries and shadows
 * reach it, named by its id: "o<id>".  An edge goes from each entry to
 * its front object and from each object to its backing object, so a
 * shared object has an edge from each shadow.  An object's label gives
 * its id, type, size, resident pages, swap blocks, references and
 * shadows, and its hidden pages, in red; objects with hidden pages are
 * filled red, other anonymous ones blue, a file's grey.  Sizes are in
 * pages (KiB with -k).  The graph's label gives vm.collapse_pagers and
 * the system's swap in use.
 */
#define	DOT_SEEN_MAX	4096		/* objects drawn, at most */

static uint32_t	dot_seen[DOT_SEEN_MAX];
static u_int	dot_nseen;

/* Write s (at most max bytes, to a NUL) escaped for an HTML-like label. */
static void
dot_html(const char *s, size_t max)
{
	size_t i;

	for (i = 0; i < max && s[i] != '\0'; i++) {
		switch (s[i]) {
		case '<':
			printf("&lt;");
			break;
		case '>':
			printf("&gt;");
			break;
		case '&':
			printf("&amp;");
			break;
		case '"':
			printf("&quot;");
			break;
		default:
			putchar(s[i] >= ' ' && s[i] <= '~' ? s[i] : '?');
		}
	}
}

static void
dot_object(const struct snap *s, const struct kinfo_vmobject *kvo)
{
	unsigned long long hidden;
	const char *fill;

	if (seen(dot_seen, dot_nseen, kvo->kvo_id))
		return;
	if (dot_nseen < DOT_SEEN_MAX)
		dot_seen[dot_nseen++] = kvo->kvo_id;
	hidden = (unsigned long long)kvo->kvo_hidden_res +
	    kvo->kvo_hidden_swap;
	if (kvo->kvo_type == KVO_TYPE_VNODE)
		fill = "#e0e0e0";
	else if (hidden > 0)
		fill = "#f4b0b0";
	else
		fill = "#c8dcf0";
	printf("  o%u [fillcolor=\"%s\", label=<<b>object %u</b> %s",
	    kvo->kvo_id, fill, kvo->kvo_id, type_long(kvo->kvo_type));
	if (kvo->kvo_type == KVO_TYPE_VNODE) {
		printf("<br/>");
		dot_html(kvo->kvo_path, KVO_PATHLEN);
	}
	printf("<br/>size %llu, resident %llu, swap %llu",
	    amount(s, kvo->kvo_size), amount(s, kvo->kvo_resident),
	    amount(s, kvo->kvo_swapped));
	printf("<br/>%d refs, %d shadows", kvo->kvo_ref_count,
	    kvo->kvo_shadow_count);
	if (kvo->kvo_type != KVO_TYPE_VNODE)
		printf("<br/><font color=\"%s\">hidden: resident %llu, "
		    "swap %llu</font>", hidden > 0 ? "#c00000" : "#606060",
		    amount(s, kvo->kvo_hidden_res),
		    amount(s, kvo->kvo_hidden_swap));
	printf(">];\n");
	if (kvo->kvo_backing_id != 0)
		printf("  o%u -> o%u;\n", kvo->kvo_id, kvo->kvo_backing_id);
}

static void
dot_print(const struct snap *s)
{
	const struct kinfo_vmmap_hdr *kvh = s->kvh;
	const struct kinfo_vmentry *kve;
	char b1[8], b2[8], comm[KI_COMMLEN + 1];
	u_int i, j;
	int pid = (int)kvh->kvh_pid;

	printf(" subgraph cluster_%d {\n  label=\"pid %d (%s)\";\n"
	    "  style=rounded;\n", pid, pid,
	    printable(s->comm, KI_COMMLEN, comm));
	for (i = 0; i < kvh->kvh_nentries; i++) {
		kve = s->entries[i];
		printf("  e%d_%u [shape=box, style=solid, label=\"0x%08x-0x%08x"
		    "\\n%s %s\"];\n", pid, i, kve->kve_start, kve->kve_end,
		    prot_letters(kve->kve_protection, b1),
		    entry_letters(kve->kve_flags, b2));
	}
	printf(" }\n");
	for (i = 0; i < kvh->kvh_nentries; i++) {
		kve = s->entries[i];
		if (kve->kve_depth > 0)
			printf("  e%d_%u -> o%u;\n", pid, i,
			    s->objs[s->first[i]]->kvo_id);
		for (j = 0; j < kve->kve_depth; j++)
			dot_object(s, s->objs[s->first[i] + j]);
	}
}

/*
 * Fetch, check and print process pid (command name comm).  quiet: say
 * nothing about a process that does not exist (-a).  Returns 0, or the
 * error number.  On success a copy of the snapshot's header goes to
 * *last, for the system's swap figures at the end.
 */
static int
dump(pid_t pid, const char *comm, int quiet,
    struct kinfo_vmmap_hdr *last)
{
	struct snap s;
	const char *why;
	int e;

	memset(&s, 0, sizeof(s));
	if ((s.kvh = kinfo_getvmmap(pid, &s.len)) == NULL) {
		e = errno;
		if (quiet && e == ESRCH)
			return (0);
		if (e == EPROTO)
			fprintf(stderr, "vmobjdump: %d: kern.proc.vmmap: "
			    "records of an unknown version or malformed\n",
			    (int)pid);
		else
			fprintf(stderr, "vmobjdump: %d: %s\n", (int)pid,
			    strerror(e));
		return (e);
	}
	s.comm = comm;
	if (snap_check(&s, pid, &why) == -1) {
		fprintf(stderr, "vmobjdump: %d: kern.proc.vmmap: malformed "
		    "records: %s\n", (int)pid, why);
		snap_free(&s);
		return (EPROTO);
	}
	if (jflag)
		json_print(&s);
	else if (dflag)
		dot_print(&s);
	else if (sflag)
		summary_print(&s);
	else {
		if (last->kvh_structsize != 0)
			printf("\n");
		text_print(&s);
	}
	memcpy(last, s.kvh, sizeof(*last));
	snap_free(&s);
	return (0);
}

/* "system swap: U of T pages in use", then end, from the last header. */
static void
swap_line(const struct kinfo_vmmap_hdr *last, const char *end)
{

	printf("system swap: %llu of %llu %s in use%s",
	    kflag ? (unsigned long long)last->kvh_swap_used *
	    last->kvh_pagesize / 1024 : last->kvh_swap_used,
	    kflag ? (unsigned long long)last->kvh_swap_total *
	    last->kvh_pagesize / 1024 : last->kvh_swap_total, unitname(), end);
}

/*
 * -f: the objects of /tmp files (vm.objects records flagged
 * KVO_F_FILE), one line each, and their totals.  Returns 0, or the
 * error number after a message.
 */
static int
dump_files(void)
{
	const struct kinfo_vmobject *kvo;
	const void *rec = NULL;
	unsigned long long res = 0, swp = 0;
	char b1[8], path[KVO_PATHLEN + 1];
	struct snap s;
	u_int i, n = 0;

	memset(&s, 0, sizeof(s));
	if ((s.kvh = kinfo_getvmobjects(&s.len)) == NULL) {
		fprintf(stderr, "vmobjdump: vm.objects: %s\n",
		    strerror(errno));
		return (errno);
	}
	if (!hflag)
		printf("%6s %-2s %6s %6s %6s %4s %4s %-4s %s\n", "OBJID",
		    "TP", "SIZE", "RES", "SWP", "REF", "SHD", "FLAG", "NAME");
	for (i = 0; i < s.kvh->kvh_nobjects; i++) {
		if ((kvo = kinfo_vmrec_next(s.kvh, s.len, rec,
		    sizeof(*kvo))) == NULL) {
			fprintf(stderr, "vmobjdump: vm.objects: malformed "
			    "records\n");
			free(s.kvh);
			return (EPROTO);
		}
		rec = kvo;
		if ((kvo->kvo_flags & KVO_F_FILE) == 0)
			continue;
		printf("%6u %-2s %6llu %6llu %6llu %4d %4d %-4s %s\n",
		    kvo->kvo_id, type_short(kvo->kvo_type),
		    amount(&s, kvo->kvo_size), amount(&s, kvo->kvo_resident),
		    amount(&s, kvo->kvo_swapped), kvo->kvo_ref_count,
		    kvo->kvo_shadow_count, object_letters(kvo, b1),
		    object_path(kvo, path));
		n++;
		res += kvo->kvo_resident;
		swp += kvo->kvo_swapped;
	}
	printf("total: %u files, resident %llu, swap %llu %s\n", n,
	    amount(&s, res), amount(&s, swp), unitname());
	free(s.kvh);
	return (0);
}

/*
 * Parse the options and pids, then dump each process in turn.
 */
int
main(int argc, char *argv[])
{
	struct kinfo_vmmap_hdr last;
	struct pinfo *pi;
	size_t len;
	int fix;
	pid_t *pids;
	char *end;
	long v;
	int ch, aflag, fflag, npids, np, i, e;

	aflag = dflag = fflag = 0;
	while ((ch = getopt(argc, argv, "adfhjks")) != -1) {
		switch (ch) {
		case 'a':
			aflag = 1;
			break;
		case 'd':
			dflag = 1;
			break;
		case 'f':
			fflag = 1;
			break;
		case 'h':
			hflag = 1;
			break;
		case 'j':
			jflag = 1;
			break;
		case 'k':
			kflag = 1;
			break;
		case 's':
			sflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (fflag) {
		if (aflag || dflag || jflag || sflag || argc != 0)
			usage();
		if (dump_files() != 0)
			status = 1;
		if (fflush(stdout) == EOF || ferror(stdout)) {
			fprintf(stderr, "vmobjdump: standard output: %s\n",
			    strerror(errno));
			status = 1;
		}
		return (status);
	}
	if ((aflag && argc != 0) || (!aflag && argc == 0) ||
	    (dflag && (jflag || sflag)))
		usage();
	if ((pids = calloc(argc + 1, sizeof(*pids))) == NULL) {
		fprintf(stderr, "vmobjdump: out of memory\n");
		return (1);
	}
	for (i = 0; i < argc; i++) {
		errno = 0;
		v = strtol(argv[i], &end, 10);
		if (argv[i][0] < '0' || argv[i][0] > '9' || *end != '\0' ||
		    errno != 0 || v > 0x7fffffffL)
			usage();
		pids[i] = (pid_t)v;
	}

	np = 0;
	pi = get_procs(&np);
	if (pi == NULL && aflag)
		return (1);
	npids = argc;
	if (aflag) {
		/* Processes with a user address space, in pid order. */
		free(pids);
		if ((pids = calloc(np + 1, sizeof(*pids))) == NULL) {
			fprintf(stderr, "vmobjdump: out of memory\n");
			return (1);
		}
		for (i = 0, npids = 0; i < np; i++)
			if (pi[i].size != 0 && pi[i].stat != SZOMB &&
			    pi[i].stat != SIDL)
				pids[npids++] = pi[i].pid;
	}

	memset(&last, 0, sizeof(last));
	if (jflag)
		printf("{\"version\":%d,\"page_size\":%d,\"units\":\"pages\","
		    "\"processes\":[", KVM_VERSION, getpagesize());
	else if (dflag)
		printf("digraph vmobjdump {\n node [shape=box, style=filled, "
		    "fontname=\"Helvetica\", fontsize=10];\n"
		    " edge [arrowsize=0.6];\n");
	else if (sflag && !hflag)
		summary_header();
	for (i = 0; i < npids; i++) {
		e = dump(pids[i], comm_of(pi, np, pids[i]), aflag, &last);
		if (e != 0)
			status = 1;
		if (e == EPERM)		/* root only: so are the others */
			break;
	}
	if (jflag) {
		printf("],\n \"swap\":");
		if (last.kvh_structsize != 0)
			printf("{\"total\":%u,\"used\":%u}",
			    last.kvh_swap_total, last.kvh_swap_used);
		else
			printf("null");
		printf("}\n");
	} else if (dflag) {
		len = sizeof(fix);
		if (sysctlbyname("vm.collapse_pagers", &fix, &len, NULL,
		    0) == 0)
			printf(" label=\"vm.collapse_pagers=%d%s", fix,
			    last.kvh_structsize != 0 ? "; " : "\";\n");
		else if (last.kvh_structsize != 0)
			printf(" label=\"");
		if (last.kvh_structsize != 0)
			swap_line(&last, "\";\n");
		printf("}\n");
	} else if (!sflag && last.kvh_structsize != 0) {
		printf("\n");
		swap_line(&last, "\n");
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "vmobjdump: standard output: %s\n",
		    strerror(errno));
		status = 1;
	}
	free(pi);
	free(pids);
	return (status);
}
