/*
 * vfs_ustar.c: the root file system, a read-only ustar archive in
 * memory (the first Multiboot module), and path name lookup.
 *
 * Mounting walks the archive once and builds the whole tree of vnodes:
 * a vnode per directory, regular file and device node, linked to its
 * parent.  File data stays where the loader put it; a regular file's
 * vnode points at its bytes.  Directories missing from the archive but
 * implied by a path are made on the way.  Symbolic and hard links are
 * not supported (they are reported and skipped).  The kernel adds the
 * device nodes of /dev itself.
 *
 * Names are looked up component by component from the root or the
 * process's current directory; "." and ".." are understood, and a path
 * with a trailing slash must name a directory.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/conf.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/ustar.h>
#include <sys/vnode.h>
#include <machine/cpu.h>
#include <machine/vmparam.h>

MALLOC_DEFINE(M_VNODE, "vnode", "ramdisk vnodes and names");

struct vnode *rootvnode;
static ino_t next_ino = 2;

static uint64_t
octal(const char *s, size_t n)
{
	uint64_t v = 0;

	for (; n > 0 && (*s == ' ' || *s == '\0'); s++, n--)
		continue;
	for (; n > 0 && *s >= '0' && *s <= '7'; s++, n--)
		v = v * 8 + (*s - '0');
	return (v);
}

static struct vnode *
vnode_new(enum vtype type, const char *name, size_t namelen,
    struct vnode *parent)
{
	struct vnode *vp;
	char *n;

	vp = malloc(sizeof(*vp), M_VNODE, M_WAITOK | M_ZERO);
	n = malloc(namelen + 1, M_VNODE, M_WAITOK);
	memcpy(n, name, namelen);
	n[namelen] = '\0';
	vp->v_type = type;
	vp->v_name = n;
	vp->v_ino = next_ino++;
	vp->v_mode = type == VDIR ? 0755 : 0644;
	LIST_INIT(&vp->v_children);
	if (parent == NULL) {
		vp->v_parent = vp;
	} else {
		vp->v_parent = parent;
		LIST_INSERT_HEAD(&parent->v_children, vp, v_sibling);
		parent->v_nchildren++;
	}
	return (vp);
}

/* The entry `name' (namelen bytes) of directory dvp, or NULL. */
static struct vnode *
dir_lookup(struct vnode *dvp, const char *name, size_t namelen)
{
	struct vnode *vp;

	LIST_FOREACH(vp, &dvp->v_children, v_sibling)
		if (strlen(vp->v_name) == namelen &&
		    memcmp(vp->v_name, name, namelen) == 0)
			return (vp);
	return (NULL);
}

/*
 * Find the vnode for an archive path (components separated by '/',
 * "." allowed), making the directories on the way and, if it does not
 * exist, the last component with the given type.  Returns NULL if a
 * component on the way is not a directory, or the path is empty.
 */
static struct vnode *
tree_make(const char *path, enum vtype type)
{
	struct vnode *dvp = rootvnode, *vp;
	const char *p = path, *end;
	size_t n;

	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0')
			return (dvp);
		for (end = p; *end != '\0' && *end != '/'; end++)
			continue;
		n = end - p;
		if (dvp->v_type != VDIR)
			return (NULL);
		if (n == 1 && p[0] == '.') {
			vp = dvp;
		} else if ((vp = dir_lookup(dvp, p, n)) == NULL) {
			while (*end == '/')
				end++;
			vp = vnode_new(*end == '\0' ? type : VDIR, p, n, dvp);
		}
		dvp = vp;
		p = end;
	}
}

/* The device nodes Umbra has; the archive's /dev is only a directory. */
static const struct {
	const char	*name;
	dev_t		dev;
	mode_t		mode;
} devnodes[] = {
	{ "console",	makedev(CDEV_CONSOLE, 0),	0620 },
	{ "null",	makedev(CDEV_NULL, 0),		0666 },
	{ "wd0",	makedev(CDEV_WD, 0),		0640 },
	{ "wd1",	makedev(CDEV_WD, 1),		0640 },
	{ "wd2",	makedev(CDEV_WD, 2),		0640 },
	{ "wd3",	makedev(CDEV_WD, 3),		0640 },
	{ "vd0",	makedev(CDEV_VD, 0),		0640 },
	{ "vd1",	makedev(CDEV_VD, 1),		0640 },
	{ "vd2",	makedev(CDEV_VD, 2),		0640 },
	{ "vd3",	makedev(CDEV_VD, 3),		0640 },
};

/*
 * Build the tree from the ramdisk: the root, then every archive member,
 * then /dev.  Each regular file gets its VM object.
 */
void
vfs_mountroot(void)
{
	const char *base = PHYS_TO_DMAP(bootinfo.bi_rdstart);
	size_t size = bootinfo.bi_rdsize, off, fsize;
	const struct ustar_hdr *h;
	char path[sizeof(h->prefix) + 1 + sizeof(h->name) + 1];
	struct vnode *vp, *dev;
	enum vtype type;
	u_int i, nfiles = 0;

	rootvnode = vnode_new(VDIR, "", 0, NULL);
	if (size == 0)
		panic("vfs_mountroot: no root ramdisk (a Multiboot module)");
	for (off = 0; off + USTAR_BLOCK <= size; off += USTAR_BLOCK +
	    roundup(fsize, USTAR_BLOCK)) {
		h = (const struct ustar_hdr *)(base + off);
		fsize = 0;
		if (h->name[0] == '\0')
			break;			/* the end-of-archive blocks */
		if (memcmp(h->magic, "ustar", 5) != 0)
			panic("vfs_mountroot: bad ustar header at %zu", off);
		fsize = octal(h->size, sizeof(h->size));
		if (h->prefix[0] != '\0')
			snprintf(path, sizeof(path), "%.*s/%.*s",
			    (int)sizeof(h->prefix), h->prefix,
			    (int)sizeof(h->name), h->name);
		else
			snprintf(path, sizeof(path), "%.*s",
			    (int)sizeof(h->name), h->name);
		switch (h->typeflag) {
		case '0':
		case '\0':
			type = VREG;
			break;
		case '5':
			type = VDIR;
			break;
		default:
			printf("ramdisk: %s: type %c not supported, skipped\n",
			    path, h->typeflag);
			continue;
		}
		if (off + USTAR_BLOCK + fsize > size)
			panic("vfs_mountroot: %s runs past the ramdisk", path);
		if ((vp = tree_make(path, type)) == NULL || vp->v_type != type) {
			printf("ramdisk: %s: conflicts with another entry\n",
			    path);
			continue;
		}
		vp->v_mode = octal(h->mode, sizeof(h->mode)) & 07777;
		vp->v_uid = octal(h->uid, sizeof(h->uid));
		vp->v_gid = octal(h->gid, sizeof(h->gid));
		vp->v_mtime = octal(h->mtime, sizeof(h->mtime));
		if (type == VREG) {
			vp->v_size = fsize;
			vp->v_data = base + off + USTAR_BLOCK;
			vp->v_object = vnode_pager_alloc(vp);
			nfiles++;
		}
	}
	dev = tree_make("dev", VDIR);
	for (i = 0; i < nitems(devnodes); i++) {
		vp = dir_lookup(dev, devnodes[i].name,
		    strlen(devnodes[i].name));
		if (vp == NULL)
			vp = vnode_new(VCHR, devnodes[i].name,
			    strlen(devnodes[i].name), dev);
		vp->v_type = VCHR;
		vp->v_rdev = devnodes[i].dev;
		vp->v_mode = devnodes[i].mode;
	}
	printf("root: ustar ramdisk, %zu KiB, %u files\n", size / 1024,
	    nfiles);
}

/*
 * Look up path (a kernel string) for process p.  Returns 0 and the
 * vnode, or ENOENT, ENOTDIR, ENAMETOOLONG; EACCES if a directory on the
 * way may not be searched.
 */
int
namei(struct proc *p, const char *path, struct vnode **vpp)
{
	struct vnode *vp;
	const char *end;
	size_t n;
	int error;

	if (*path == '\0')
		return (ENOENT);
	vp = *path == '/' ? rootvnode : p->p_cwd;
	for (;;) {
		while (*path == '/')
			path++;
		if (*path == '\0')
			break;
		if (vp->v_type != VDIR)
			return (ENOTDIR);
		if ((error = vn_access(p, vp, VEXEC, false)) != 0)
			return (error);
		for (end = path; *end != '\0' && *end != '/'; end++)
			continue;
		n = end - path;
		if (n > MAXNAMLEN)
			return (ENAMETOOLONG);
		if (n == 1 && path[0] == '.')
			;
		else if (n == 2 && path[0] == '.' && path[1] == '.')
			vp = vp->v_parent;
		else if ((vp = dir_lookup(vp, path, n)) == NULL)
			return (ENOENT);
		path = end;
	}
	if (path[-1] == '/' && vp->v_type != VDIR)
		return (ENOTDIR);
	*vpp = vp;
	return (0);
}

/*
 * May p access vp with `mode' (VREAD, VWRITE, VEXEC)?  With real, the
 * real ids decide (access(2)), else the effective ones.  Root may do
 * anything, except execute a file no one may execute.
 */
int
vn_access(struct proc *p, struct vnode *vp, int mode, bool real)
{
	uid_t uid = real ? p->p_ruid : p->p_uid;
	gid_t gid = real ? p->p_rgid : p->p_gid;
	mode_t bits;

	if (uid == 0) {
		if ((mode & VEXEC) && vp->v_type != VDIR &&
		    (vp->v_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0)
			return (EACCES);
		return (0);
	}
	if (uid == vp->v_uid)
		bits = (vp->v_mode >> 6) & 7;
	else if (gid == vp->v_gid)
		bits = (vp->v_mode >> 3) & 7;
	else
		bits = vp->v_mode & 7;
	return ((bits & mode) == mode ? 0 : EACCES);
}

/* Read from a regular file into kernel memory. */
int
vn_read_kernel(struct vnode *vp, void *buf, size_t len, off_t off)
{

	if (vp->v_type != VREG || off < 0 || off + (off_t)len > vp->v_size)
		return (EIO);
	memcpy(buf, vp->v_data + off, len);
	return (0);
}

void
vn_stat(struct vnode *vp, struct stat *sb)
{
	static const mode_t type[] = {
		[VREG] = S_IFREG, [VDIR] = S_IFDIR, [VCHR] = S_IFCHR,
	};

	memset(sb, 0, sizeof(*sb));
	sb->st_dev = 1;
	sb->st_ino = vp->v_ino;
	sb->st_mode = type[vp->v_type] | vp->v_mode;
	sb->st_nlink = vp->v_type == VDIR ? 2 : 1;
	sb->st_uid = vp->v_uid;
	sb->st_gid = vp->v_gid;
	sb->st_rdev = vp->v_rdev;
	sb->st_atim.tv_sec = sb->st_mtim.tv_sec = sb->st_ctim.tv_sec =
	    vp->v_mtime;
	sb->st_size = vp->v_type == VREG ? vp->v_size : 0;
	sb->st_blocks = howmany(sb->st_size, DEV_BSIZE);
	sb->st_blksize = PAGE_SIZE;
}

/*
 * The absolute path of vp, built from its parents, in buf (size bytes).
 * Returns 0 or ERANGE.
 */
int
vn_path(struct vnode *vp, char *buf, size_t size)
{
	size_t len = 0, n;
	struct vnode *v;

	for (v = vp; v != rootvnode; v = v->v_parent)
		len += 1 + strlen(v->v_name);
	if (len == 0)
		len = 1;
	if (len + 1 > size)
		return (ERANGE);
	buf[len] = '\0';
	buf[0] = '/';
	for (v = vp; v != rootvnode; v = v->v_parent) {
		n = strlen(v->v_name);
		len -= n;
		memcpy(buf + len, v->v_name, n);
		buf[--len] = '/';
	}
	return (0);
}
