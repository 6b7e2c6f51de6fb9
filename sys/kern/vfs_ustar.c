/*
 * vfs_ustar.c: the root file system, a read-only ustar archive in
 * memory (the first Multiboot module).
 *
 * Mounting walks the archive once and builds the whole tree of vnodes:
 * a vnode per directory, regular file and device node, linked to its
 * parent.  File data stays where the loader put it; a regular file's
 * vnode points at its bytes.  Directories missing from the archive but
 * implied by a path are made on the way.  Symbolic and hard links are
 * not supported (they are reported and skipped).  The kernel adds the
 * device nodes of /dev itself.
 *
 * Its vnode operations read a file's bytes where they lie; everything
 * that would write fails with EROFS (callers check MNT_RDONLY first,
 * so these are a backstop).  Its vnodes are never removed, except the
 * archive's /tmp, which tmpfs_mount() replaces (ustar_reclaim).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/conf.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/ustar.h>
#include <sys/vnode.h>
#include <machine/cpu.h>
#include <machine/vmparam.h>
#include <vm/vm.h>
#include <vm/vm_object.h>

MALLOC_DEFINE(M_USTAR, "ustar", "ramdisk vnodes");

struct vnode *rootvnode;
static const struct vnodeops ustar_vnodeops;
static struct mount ustar_mount = {
	.mnt_name = "/",
	.mnt_op = &ustar_vnodeops,
	.mnt_flag = MNT_RDONLY,
	.mnt_dev = 1,
};

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

/* A new vnode called name (namelen bytes) in parent, or the root. */
static struct vnode *
vnode_new(enum vtype type, const char *name, size_t namelen,
    struct vnode *parent)
{
	struct vnode *vp;

	vp = malloc(sizeof(*vp), M_USTAR, M_WAITOK);
	vnode_init(vp, &ustar_mount, type, type == VDIR ? 0755 : 0644);
	if (parent == NULL) {
		vp->v_name = vn_namedup(name, namelen, M_WAITOK);
		vp->v_parent = vp;
		vp->v_nlink = 1;
	} else
		dir_enter(parent, vp, vn_namedup(name, namelen, M_WAITOK));
	return (vp);
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
	ustar_mount.mnt_root = rootvnode;
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
		vp->v_atime = vp->v_mtime = vp->v_ctime =
		    octal(h->mtime, sizeof(h->mtime));
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

/* Read a file's bytes from the archive. */
static int
ustar_read(struct vnode *vp, struct uio *uio)
{
	size_t n;

	if (uio->uio_offset >= vp->v_size)
		return (0);
	n = umin(uio->uio_resid, vp->v_size - uio->uio_offset);
	return (uiomove((void *)(uintptr_t)(vp->v_data + uio->uio_offset), n,
	    uio));
}

static int
ustar_write(struct vnode *vp, struct uio *uio, int ioflag)
{

	return (EROFS);
}

static int
ustar_truncate(struct vnode *vp, off_t length)
{

	return (EROFS);
}

static int
ustar_newnode(struct mount *mp, enum vtype type, mode_t mode, uid_t uid,
    gid_t gid, struct vnode **vpp)
{

	return (EROFS);
}

/*
 * Free a vnode taken out of the tree: only ever the archive's /tmp
 * directory, which the /tmp file system replaces at boot.
 */
static void
ustar_reclaim(struct vnode *vp)
{

	KASSERT(vp->v_type == VDIR && vp->v_nchildren == 0,
	    ("ustar_reclaim: %s is not an empty directory", vp->v_name));
	vnode_fini(vp);
	free(vp, M_USTAR);
}

/* A file's object, made at mount; pages past its end are SIGBUS. */
static int
ustar_getobject(struct vnode *vp, off_t end, struct vm_object **objectp)
{

	vm_object_reference(vp->v_object);
	*objectp = vp->v_object;
	return (0);
}

static const struct vnodeops ustar_vnodeops = {
	.vop_read = ustar_read,
	.vop_write = ustar_write,
	.vop_truncate = ustar_truncate,
	.vop_newnode = ustar_newnode,
	.vop_reclaim = ustar_reclaim,
	.vop_getobject = ustar_getobject,
};
