/*
 * sysctl: get or set kernel state.
 *
 *	sysctl [-n] name[=value] ...
 *	sysctl [-n] -w name=value ...
 *	sysctl [-n] -a
 *
 * A leaf prints as "name: value" (with -n, the value alone); a node
 * prints every leaf below it; -a prints every leaf of the tree.
 * Listings leave out leaves marked CTLFLAG_SKIP, opaque structures and
 * leaves that cannot be read (root-only ones, for others); an opaque
 * leaf named explicitly prints as its size in bytes.  name=value (or
 * -w name=value) sets a leaf and prints "name: old -> new".
 *
 * Everything goes through the kernel's self-describing meta nodes
 * (sys/sysctl.h):
 *
 *	{0, 3}		name -> oid
 *	{0, 1, oid}	oid -> name
 *	{0, 2, oid}	the next leaf after oid, depth first
 *	{0, 4, oid}	kind (CTLTYPE_* | CTLFLAG_*) and format ("I", "IU",
 *			"L", "LU", "Q", "QU", "A", "N", "S,<struct>")
 *
 * Errors: an unknown name gives "sysctl: unknown oid 'NAME'", any
 * other failure "sysctl: NAME: <error>"; the exit status is then 1, but
 * the remaining names are still processed.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	NAMELEN		256	/* longest dotted name */
#define	FMTLEN		64	/* longest format string */
#define	VALLEN		1024	/* longest formatted value we print */

static int	nflag;		/* values only */
static int	status;		/* exit status */

/* What {0, 4} says about an oid. */
struct oidinfo {
	u_int	kind;			/* CTLTYPE_* | CTLFLAG_* */
	char	fmt[FMTLEN];		/* format string */
};

static void
usage(void)
{
	fprintf(stderr, "usage: sysctl [-n] [-w] name[=value] ...\n"
	    "       sysctl [-n] -a\n");
	exit(1);
}

/*
 * Translate a dotted name into an oid.  Returns its length, or -1 with
 * errno set (ENOENT: no such name).
 */
static int
name_to_oid(const char *name, int *oid)
{
	int qoid[2] = { 0, 3 };
	size_t len;

	len = CTL_MAXNAME * sizeof(int);
	if (sysctl(qoid, 2, oid, &len, name, strlen(name)) < 0)
		return (-1);
	return ((int)(len / sizeof(int)));
}

/* Translate an oid into its dotted name.  Returns 0 or -1. */
static int
oid_to_name(const int *oid, int len, char *name, size_t size)
{
	int qoid[CTL_MAXNAME + 2];
	size_t n;

	qoid[0] = 0;
	qoid[1] = 1;
	memcpy(qoid + 2, oid, len * sizeof(int));
	n = size - 1;
	if (sysctl(qoid, len + 2, name, &n, NULL, 0) < 0)
		return (-1);
	name[n < size ? n : size - 1] = '\0';
	return (0);
}

/* The kind and format of an oid.  Returns 0 or -1. */
static int
oid_info(const int *oid, int len, struct oidinfo *info)
{
	int qoid[CTL_MAXNAME + 2];
	char buf[sizeof(u_int) + FMTLEN];
	size_t n;

	qoid[0] = 0;
	qoid[1] = 4;
	memcpy(qoid + 2, oid, len * sizeof(int));
	n = sizeof(buf) - 1;
	if (sysctl(qoid, len + 2, buf, &n, NULL, 0) < 0)
		return (-1);
	if (n < sizeof(u_int)) {
		errno = EINVAL;
		return (-1);
	}
	buf[n] = '\0';
	memcpy(&info->kind, buf, sizeof(u_int));
	strncpy(info->fmt, buf + sizeof(u_int), FMTLEN - 1);
	info->fmt[FMTLEN - 1] = '\0';
	return (0);
}

/*
 * The oid of the next leaf after oid (len components; 0 for the first
 * leaf of the tree) into next.  Returns its length, or -1 at the end.
 */
static int
next_leaf(const int *oid, int len, int *next)
{
	int qoid[CTL_MAXNAME + 2];
	size_t n;

	qoid[0] = 0;
	qoid[1] = 2;
	memcpy(qoid + 2, oid, len * sizeof(int));
	n = CTL_MAXNAME * sizeof(int);
	if (sysctl(qoid, len + 2, next, &n, NULL, 0) < 0)
		return (-1);
	return ((int)(n / sizeof(int)));
}

/*
 * Read the value of a leaf into a malloc'ed buffer (NUL-terminated, for
 * strings), its size in *sizep.  Returns NULL with errno set on
 * failure.
 */
static char *
read_value(const int *oid, int len, size_t *sizep)
{
	size_t size;
	char *buf;
	int tries;

	for (tries = 0; tries < 8; tries++) {
		size = 0;
		if (sysctl(oid, len, NULL, &size, NULL, 0) < 0)
			return (NULL);
		size += size / 8 + 64;
		if ((buf = malloc(size + 1)) == NULL)
			return (NULL);
		if (sysctl(oid, len, buf, &size, NULL, 0) == 0) {
			buf[size] = '\0';
			*sizep = size;
			return (buf);
		}
		free(buf);
		if (errno != ENOMEM)
			return (NULL);
	}
	return (NULL);
}

/*
 * Format a value of the given kind into out (at most outsize bytes,
 * truncated if longer).  Arrays of numbers print separated by spaces.
 */
static void
format_value(const struct oidinfo *info, const char *val, size_t size,
    char *out, size_t outsize)
{
	size_t off, elem, used;
	int type;

	type = info->kind & CTLTYPE;
	out[0] = '\0';
	switch (type) {
	case CTLTYPE_STRING:
		snprintf(out, outsize, "%.*s", (int)size, val);
		return;
	case CTLTYPE_OPAQUE:
	case CTLTYPE_NODE:		/* a node with a handler: a table */
		snprintf(out, outsize, "%zu bytes", size);
		return;
	case CTLTYPE_INT:
	case CTLTYPE_UINT:
		elem = sizeof(int);
		break;
	case CTLTYPE_LONG:
	case CTLTYPE_ULONG:
		elem = sizeof(long);
		break;
	case CTLTYPE_S64:
	case CTLTYPE_U64:
		elem = sizeof(int64_t);
		break;
	default:
		snprintf(out, outsize, "<unknown type %d, %zu bytes>", type,
		    size);
		return;
	}
	used = 0;
	for (off = 0; off + elem <= size && used + 1 < outsize; off += elem) {
		int iv;
		u_int uv;
		long lv;
		u_long ulv;
		int64_t qv;
		uint64_t uqv;
		char num[32];

		switch (type) {
		case CTLTYPE_INT:
			memcpy(&iv, val + off, elem);
			snprintf(num, sizeof(num), "%d", iv);
			break;
		case CTLTYPE_UINT:
			memcpy(&uv, val + off, elem);
			snprintf(num, sizeof(num), "%u", uv);
			break;
		case CTLTYPE_LONG:
			memcpy(&lv, val + off, elem);
			snprintf(num, sizeof(num), "%ld", lv);
			break;
		case CTLTYPE_ULONG:
			memcpy(&ulv, val + off, elem);
			snprintf(num, sizeof(num), "%lu", ulv);
			break;
		case CTLTYPE_S64:
			memcpy(&qv, val + off, elem);
			snprintf(num, sizeof(num), "%lld", (long long)qv);
			break;
		default:
			memcpy(&uqv, val + off, elem);
			snprintf(num, sizeof(num), "%llu",
			    (unsigned long long)uqv);
			break;
		}
		snprintf(out + used, outsize - used, "%s%s",
		    off > 0 ? " " : "", num);
		used += strlen(out + used);
	}
}

/* Print "name: value" (or the value alone with -n). */
static void
print_line(const char *name, const char *value)
{
	if (nflag)
		printf("%s\n", value);
	else
		printf("%s: %s\n", name, value);
}

/*
 * Print one leaf.  In a listing (explicit == 0) skipped leaves and
 * errors are silent; for a leaf named on the command line, opaque
 * values print as their size and errors are reported.
 */
static void
show_leaf(const int *oid, int len, const char *name, int explicit)
{
	struct oidinfo info;
	char out[VALLEN], *val;
	size_t size;

	if (oid_info(oid, len, &info) < 0) {
		if (explicit) {
			fprintf(stderr, "sysctl: %s: %s\n", name,
			    strerror(errno));
			status = 1;
		}
		return;
	}
	if (!explicit && ((info.kind & CTLFLAG_SKIP) ||
	    (info.kind & CTLTYPE) == CTLTYPE_OPAQUE ||
	    (info.kind & CTLTYPE) == CTLTYPE_NODE))
		return;
	if ((val = read_value(oid, len, &size)) == NULL) {
		if (explicit) {
			fprintf(stderr, "sysctl: %s: %s\n", name,
			    strerror(errno));
			status = 1;
		}
		return;
	}
	format_value(&info, val, size, out, sizeof(out));
	free(val);
	print_line(name, out);
}

/*
 * Print every leaf whose oid starts with prefix (plen components);
 * plen 0 means the whole tree.  Returns the number of leaves found.
 */
static int
show_tree(const int *prefix, int plen)
{
	int cur[CTL_MAXNAME], next[CTL_MAXNAME];
	char name[NAMELEN];
	int len, n, found;

	found = 0;
	if (plen > 0)
		memcpy(cur, prefix, plen * sizeof(int));
	len = plen;
	while ((n = next_leaf(cur, len, next)) > 0) {
		if (plen > 0 && (n < plen ||
		    memcmp(next, prefix, plen * sizeof(int)) != 0))
			break;
		if (oid_to_name(next, n, name, sizeof(name)) == 0)
			show_leaf(next, n, name, 0);
		found++;
		memcpy(cur, next, n * sizeof(int));
		len = n;
	}
	return (found);
}

/* Report a failed name lookup. */
static void
lookup_error(const char *name)
{
	if (errno == ENOENT)
		fprintf(stderr, "sysctl: unknown oid '%s'\n", name);
	else
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
	status = 1;
}

/*
 * Parse s as a number of the leaf's type into buf; returns its size,
 * or 0 if s is not a valid number of that type.
 */
static size_t
parse_number(int type, const char *s, char *buf)
{
	char *end;
	int iv;
	u_int uv;
	long lv;
	u_long ulv;
	long long qv;
	unsigned long long uqv;

	errno = 0;
	if (*s == '\0')
		return (0);
	switch (type) {
	case CTLTYPE_INT:
		lv = strtol(s, &end, 0);
		if (*end != '\0' || errno != 0 || lv < INT32_MIN ||
		    lv > INT32_MAX)
			return (0);
		iv = (int)lv;
		memcpy(buf, &iv, sizeof(iv));
		return (sizeof(iv));
	case CTLTYPE_UINT:
		ulv = strtoul(s, &end, 0);
		if (*end != '\0' || errno != 0 || *s == '-' ||
		    ulv > UINT32_MAX)
			return (0);
		uv = (u_int)ulv;
		memcpy(buf, &uv, sizeof(uv));
		return (sizeof(uv));
	case CTLTYPE_LONG:
		lv = strtol(s, &end, 0);
		if (*end != '\0' || errno != 0)
			return (0);
		memcpy(buf, &lv, sizeof(lv));
		return (sizeof(lv));
	case CTLTYPE_ULONG:
		ulv = strtoul(s, &end, 0);
		if (*end != '\0' || errno != 0 || *s == '-')
			return (0);
		memcpy(buf, &ulv, sizeof(ulv));
		return (sizeof(ulv));
	case CTLTYPE_S64:
		qv = strtoll(s, &end, 0);
		if (*end != '\0' || errno != 0)
			return (0);
		memcpy(buf, &qv, sizeof(qv));
		return (sizeof(qv));
	case CTLTYPE_U64:
		uqv = strtoull(s, &end, 0);
		if (*end != '\0' || errno != 0 || *s == '-')
			return (0);
		memcpy(buf, &uqv, sizeof(uqv));
		return (sizeof(uqv));
	}
	return (0);
}

/* Handle "name=value": set the leaf and print old -> new. */
static void
set_leaf(char *arg)
{
	int oid[CTL_MAXNAME];
	struct oidinfo info;
	char old[VALLEN], new[VALLEN], numbuf[sizeof(int64_t)];
	char *name, *value, *val;
	const void *newp;
	size_t newlen, size;
	int len, type;

	name = arg;
	value = strchr(arg, '=');
	*value++ = '\0';
	if ((len = name_to_oid(name, oid)) < 0) {
		lookup_error(name);
		return;
	}
	if (oid_info(oid, len, &info) < 0) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		status = 1;
		return;
	}
	type = info.kind & CTLTYPE;
	if (type == CTLTYPE_NODE) {
		fprintf(stderr, "sysctl: oid '%s' isn't a leaf node\n", name);
		status = 1;
		return;
	}
	if (!(info.kind & CTLFLAG_WR)) {
		fprintf(stderr, "sysctl: oid '%s' is read only\n", name);
		status = 1;
		return;
	}
	if (type == CTLTYPE_STRING) {
		newp = value;
		newlen = strlen(value);
	} else if (type == CTLTYPE_OPAQUE) {
		fprintf(stderr, "sysctl: oid '%s' cannot be set from the "
		    "command line\n", name);
		status = 1;
		return;
	} else {
		newlen = parse_number(type, value, numbuf);
		if (newlen == 0) {
			fprintf(stderr, "sysctl: invalid number '%s' for %s\n",
			    value, name);
			status = 1;
			return;
		}
		newp = numbuf;
	}
	if ((val = read_value(oid, len, &size)) == NULL) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		status = 1;
		return;
	}
	format_value(&info, val, size, old, sizeof(old));
	free(val);
	if (sysctl(oid, len, NULL, NULL, newp, newlen) < 0) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		status = 1;
		return;
	}
	if ((val = read_value(oid, len, &size)) == NULL) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		status = 1;
		return;
	}
	format_value(&info, val, size, new, sizeof(new));
	free(val);
	if (nflag)
		printf("%s -> %s\n", old, new);
	else
		printf("%s: %s -> %s\n", name, old, new);
}

/*
 * Handle a name: a leaf, or a node whose leaves are all printed.  A
 * node without leaves may be a table produced by a handler (FreeBSD's
 * kern.proc.all is one): it prints as its size, like an opaque leaf.
 */
static void
show_name(const char *name)
{
	int oid[CTL_MAXNAME];
	struct oidinfo info;
	size_t size;
	char *val;
	int len;

	if ((len = name_to_oid(name, oid)) < 0) {
		lookup_error(name);
		return;
	}
	if (oid_info(oid, len, &info) < 0) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		status = 1;
		return;
	}
	if ((info.kind & CTLTYPE) != CTLTYPE_NODE)
		show_leaf(oid, len, name, 1);
	else if (show_tree(oid, len) == 0 &&
	    (val = read_value(oid, len, &size)) != NULL) {
		free(val);
		show_leaf(oid, len, name, 1);
	}
}

/*
 * -a lists the whole tree; otherwise each argument is shown, or set if
 * it has the form name=value.
 */
int
main(int argc, char *argv[])
{
	int ch, aflag, wflag;

	aflag = wflag = 0;
	while ((ch = getopt(argc, argv, "anw")) != -1) {
		switch (ch) {
		case 'a':
			aflag = 1;
			break;
		case 'n':
			nflag = 1;
			break;
		case 'w':
			wflag = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (aflag) {
		if (argc != 0 || wflag)
			usage();
		show_tree(NULL, 0);
		return (status);
	}
	if (argc == 0)
		usage();
	for (; *argv != NULL; argv++) {
		if (strchr(*argv, '=') != NULL)
			set_leaf(*argv);
		else if (wflag) {
			fprintf(stderr, "sysctl: %s: -w needs name=value\n",
			    *argv);
			status = 1;
		} else
			show_name(*argv);
	}
	return (status);
}
