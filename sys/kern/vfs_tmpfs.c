/*
 * vfs_tmpfs.c: /tmp, a file system in virtual memory, as 4.4BSD's MFS
 * and FreeBSD's tmpfs.
 *
 * Directories are vnodes and their lists of entries (vfs_subr.c), like
 * the ramdisk's.  A regular file's bytes are the pages of one ordinary
 * anonymous VM object (vm_object_allocate: OBJ_INTERNAL, no pager), so
 * the pageout daemon gives it a swap pager and pages it out like any
 * anonymous memory, and swap holds what memory does not.  Byte i of
 * the file is byte i % PAGE_SIZE of page i / PAGE_SIZE.  A page the
 * object does not have reads as zeros, so files may be sparse.
 *
 * The file holds one reference on its object (the VM counts it like a
 * map entry's: every page of the object may be read), flags it
 * OBJ_FILE for tools, and drops the reference when the file is
 * reclaimed (vnode.h: after its last name and its last user go).  A
 * mapping (VOP_GETOBJECT, for mmap) takes a reference of its own, so a
 * mapped file's pages outlive the file, as in BSD.  read and write
 * reach the pages through vm_objio.c, never through a map.
 *
 * Sizes.  The object's size (in pages) covers the file's bytes, and
 * more while a mapping reaches past the end of the file: a fault past
 * the end of an anonymous object would find nothing there, so mapping
 * grows the object to cover the mapping, and those pages read as
 * zeros.  Bytes past the end of the file are not part of it: making
 * the file longer (write or truncate) first zeroes the rest of its old
 * last page and frees any page past it, so the new bytes read as
 * zeros.  Making it shorter frees the pages and swap blocks past the
 * new end, and shrinks the object unless a map entry references it
 * directly.
 *
 * Space.  The size limit, the kernel argument tmpfs=SIZE (bytes, or
 * with K, M or G; 32 MiB by default), counts the pages of every file's
 * object, whether resident, on swap or holes: that is what the files
 * could make the system hold.  A write that does not fit writes what
 * fits and stops; the next one fails with ENOSPC, and nothing else
 * changes.  Vnodes are limited to one per four pages of the limit
 * (at least 64, at most 16384), also ENOSPC.  sysctl vfs.tmpfs shows
 * both.
 *
 * Locking.  Each file has a sleep lock (tmpfs_lock), held by read,
 * write, truncate and getobject across their sleeps (page-ins, waits
 * for memory, faults on the user's buffer), so that a file's size and
 * its object's size do not change under them.  Nothing is copied to
 * or from user space while a page is busy (vm_objio.c says why): the
 * data goes through a kernel buffer of one page.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/sysctl.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_objio.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

MALLOC_DEFINE(M_TMPFS, "tmpfs", "/tmp vnodes");

#define	TMPFS_DEFAULT_SIZE	(32 * 1024 * 1024)
#define	TMPFS_MIN_SIZE		(64 * 1024)
#define	TMPFS_MAX_SIZE		(1024 * 1024 * 1024)
#define	TMPFS_MIN_NODES		64
#define	TMPFS_MAX_NODES		16384

/* A /tmp vnode: the vnode first, so that a vnode pointer is a node's. */
struct tmpfs_node {
	struct vnode		tn_vnode;
	LIST_ENTRY(tmpfs_node)	tn_link;	/* on tmpfs_nodes */
	int			tn_flags;	/* TN_* */
};
#define	TN_LOCKED	0x0001		/* read, write or truncate under way */
#define	TN_WANTED	0x0002		/* someone sleeps for the lock */

#define	VTOTN(vp)	((struct tmpfs_node *)(vp))

static const struct vnodeops tmpfs_vnodeops;
static struct mount tmpfs_mnt = {
	.mnt_op = &tmpfs_vnodeops,
	.mnt_dev = 2,
};
static LIST_HEAD(, tmpfs_node) tmpfs_nodes =
    LIST_HEAD_INITIALIZER(tmpfs_nodes);
static u_int tmpfs_pages_max;		/* the limit, in pages */
static u_int tmpfs_pages_used;		/* pages of the files' objects */
static u_int tmpfs_nodes_max;
static u_int tmpfs_nodes_used;

SYSCTL_NODE(_vfs, OID_AUTO, tmpfs, CTLFLAG_RD, NULL, "/tmp");
SYSCTL_UINT(_vfs_tmpfs, OID_AUTO, pages_max, CTLFLAG_RD, &tmpfs_pages_max,
    "Size limit of /tmp, pages");
SYSCTL_UINT(_vfs_tmpfs, OID_AUTO, pages_used, CTLFLAG_RD, &tmpfs_pages_used,
    "Pages of /tmp files (resident, on swap, or holes)");
SYSCTL_UINT(_vfs_tmpfs, OID_AUTO, nodes_max, CTLFLAG_RD, &tmpfs_nodes_max,
    "Files and directories /tmp may hold");
SYSCTL_UINT(_vfs_tmpfs, OID_AUTO, nodes_used, CTLFLAG_RD, &tmpfs_nodes_used,
    "Files and directories in /tmp");

/* Pages needed to hold `size' bytes (size at most the limit). */
#define	SIZE_PAGES(size)	((vm_pindex_t)howmany((size), PAGE_SIZE))

static void
tmpfs_lock(struct tmpfs_node *tn)
{

	while (tn->tn_flags & TN_LOCKED) {
		tn->tn_flags |= TN_WANTED;
		tsleep(tn, 0, "tmpfslk", 0);
	}
	tn->tn_flags |= TN_LOCKED;
}

static void
tmpfs_unlock(struct tmpfs_node *tn)
{

	KASSERT(tn->tn_flags & TN_LOCKED, ("tmpfs_unlock: not locked"));
	if (tn->tn_flags & TN_WANTED)
		wakeup(tn);
	tn->tn_flags &= ~(TN_LOCKED | TN_WANTED);
}

/*
 * Parse a size: a number of bytes, or of KiB, MiB, GiB with a suffix
 * K, M, G.  Returns 0 if s is not one, or does not fit in 32 bits.
 */
static uint32_t
tmpfs_parse_size(const char *s)
{
	uint64_t v = 0;

	if (*s < '0' || *s > '9')
		return (0);
	for (; *s >= '0' && *s <= '9'; s++)
		if ((v = v * 10 + (*s - '0')) > 0xffffffffULL)
			return (0);
	switch (*s) {
	case 'k': case 'K':
		v <<= 10;
		s++;
		break;
	case 'm': case 'M':
		v <<= 20;
		s++;
		break;
	case 'g': case 'G':
		v <<= 30;
		s++;
		break;
	}
	return (*s == '\0' && v <= 0xffffffffULL ? (uint32_t)v : 0);
}

/*
 * Grow tn's object to npages pages, counting them against the limit.
 * Returns 0, or ENOSPC (nothing changed).
 */
static int
tmpfs_reserve(struct tmpfs_node *tn, vm_pindex_t npages)
{
	struct vm_object *object = tn->tn_vnode.v_object;
	vm_pindex_t more;

	if (npages <= object->size)
		return (0);
	more = npages - object->size;
	if (more > tmpfs_pages_max - tmpfs_pages_used)
		return (ENOSPC);
	tmpfs_pages_used += more;
	object->size = npages;
	return (0);
}

/*
 * Shrink tn's object to the pages its file needs, freeing any page past
 * them (written through a mapping past the end of the file) and giving
 * them back to the limit, unless a map entry references the object
 * itself (a shared mapping, or a private one not yet written): a fault
 * through it must find the object as large as the mapping.  Shadows of
 * private mappings do not count: past their backing object's end they
 * read zeros of their own.  May sleep (busy pages).
 * => tn locked.
 */
static void
tmpfs_fit(struct tmpfs_node *tn)
{
	struct vm_object *object = tn->tn_vnode.v_object;
	vm_pindex_t npages = SIZE_PAGES(tn->tn_vnode.v_size);

	if (object->size <= npages ||
	    object->ref_count - object->shadow_count > 1)
		return;
	vm_object_page_remove(object, npages, 0);
	tmpfs_pages_used -= object->size - npages;
	object->size = npages;
}

/*
 * Zero the bytes of tn's file from off to the end of off's page, if
 * that page exists (resident or on swap): a shorter file's last page
 * keeps no old bytes past its end, and a longer file reads zeros there.
 * Returns 0, or vm_objio_getpage's error.
 */
static int
tmpfs_zero_tail(struct tmpfs_node *tn, off_t off)
{
	struct vm_page *pg;
	u_int pgoff = off & PAGE_MASK;
	char *va;
	int error;

	if (pgoff == 0)
		return (0);
	error = vm_objio_getpage(tn->tn_vnode.v_object, OFF_TO_IDX(off),
	    false, &pg);
	if (error != 0 || pg == NULL)
		return (error);
	va = pmap_quick_enter_page(pg);
	memset(va + pgoff, 0, PAGE_SIZE - pgoff);
	pmap_quick_remove_page(va);
	vm_objio_putpage(pg, true);
	return (0);
}

/*
 * Make room for tn's file to grow from its size to `size' bytes: the
 * bytes between read as zeros, and the object holds the pages.  The
 * file's size is left to the caller.  Returns 0, ENOSPC, or an error
 * paging in the old last page; on an error the file reads as before.
 * => tn locked; size > v_size.
 */
static int
tmpfs_grow(struct tmpfs_node *tn, off_t size)
{
	struct vnode *vp = &tn->tn_vnode;
	struct vm_object *object = vp->v_object;
	vm_pindex_t last = SIZE_PAGES(vp->v_size);
	int error;

	if (size > (off_t)tmpfs_pages_max * PAGE_SIZE)
		return (ENOSPC);
	if ((error = tmpfs_zero_tail(tn, vp->v_size)) != 0)
		return (error);
	/* Pages past the old end, written through a mapping: not data. */
	if (last < object->size)
		vm_object_page_remove(object, last, 0);
	return (tmpfs_reserve(tn, SIZE_PAGES(size)));
}

/*
 * A new vnode: a directory, or a regular file with an empty object.
 * Returns ENOSPC when /tmp has as many vnodes as it may, ENOMEM if the
 * process is killed while waiting for memory.  May sleep.
 */
static int
tmpfs_newnode(struct mount *mp, enum vtype type, mode_t mode, uid_t uid,
    gid_t gid, struct vnode **vpp)
{
	struct tmpfs_node *tn;
	struct vnode *vp;

	KASSERT(type == VREG || type == VDIR,
	    ("tmpfs_newnode: type %d", type));
	if (tmpfs_nodes_used >= tmpfs_nodes_max)
		return (ENOSPC);
	tmpfs_nodes_used++;		/* before sleeping: a reservation */
	tn = malloc(sizeof(*tn), M_TMPFS, M_KILLABLE);
	if (tn == NULL) {
		tmpfs_nodes_used--;
		return (ENOMEM);
	}
	vp = &tn->tn_vnode;
	vnode_init(vp, mp, type, mode);
	vp->v_uid = uid;
	vp->v_gid = gid;
	tn->tn_flags = 0;
	if (type == VREG) {
		vp->v_object = vm_object_allocate(0);
		vp->v_object->flags |= OBJ_FILE;
	}
	LIST_INSERT_HEAD(&tmpfs_nodes, tn, tn_link);
	*vpp = vp;
	return (0);
}

/*
 * Free a vnode nobody names or uses: give its pages back to the limit
 * and drop the file's reference on its object, which frees the pages
 * and swap blocks unless a mapping still holds them.  May sleep.
 */
static void
tmpfs_reclaim(struct vnode *vp)
{
	struct tmpfs_node *tn = VTOTN(vp);
	struct vm_object *object = vp->v_object;

	KASSERT((tn->tn_flags & TN_LOCKED) == 0,
	    ("tmpfs_reclaim: %s is locked", vp->v_name));
	LIST_REMOVE(tn, tn_link);
	if (object != NULL) {
		tmpfs_pages_used -= object->size;
		object->flags &= ~OBJ_FILE;
		vp->v_object = NULL;
		vm_object_deallocate(object);
	}
	vnode_fini(vp);
	tmpfs_nodes_used--;
	free(tn, M_TMPFS);
}

/* Read the file's bytes from uio_offset up to its end. */
static int
tmpfs_read(struct vnode *vp, struct uio *uio)
{
	struct tmpfs_node *tn = VTOTN(vp);
	struct vm_page *pg;
	char *buf, *va;
	off_t off;
	size_t n;
	int error = 0;

	if (uio->uio_offset < 0)
		return (EINVAL);
	buf = malloc(PAGE_SIZE, M_TEMP, M_WAITOK);
	tmpfs_lock(tn);
	while (uio->uio_resid > 0 && uio->uio_offset < vp->v_size) {
		off = uio->uio_offset;
		n = umin(PAGE_SIZE - (off & PAGE_MASK), uio->uio_resid);
		if ((off_t)n > vp->v_size - off)
			n = vp->v_size - off;
		error = vm_objio_getpage(vp->v_object, OFF_TO_IDX(off), false,
		    &pg);
		if (error != 0)
			break;
		if (pg != NULL) {
			va = pmap_quick_enter_page(pg);
			memcpy(buf, va + (off & PAGE_MASK), n);
			pmap_quick_remove_page(va);
			vm_objio_putpage(pg, false);
		} else
			memset(buf, 0, n);
		if ((error = uiomove(buf, n, uio)) != 0)
			break;
	}
	vn_settimes(vp, VT_ACCESS);
	tmpfs_unlock(tn);
	free(buf, M_TEMP);
	return (error);
}

/*
 * Write uio at uio_offset (IO_APPEND: at the end).  Writes what fits in
 * the limit; ENOSPC only if nothing does.  On an error after some bytes
 * the file keeps them (the caller reports the count).
 */
static int
tmpfs_write(struct vnode *vp, struct uio *uio, int ioflag)
{
	struct tmpfs_node *tn = VTOTN(vp);
	struct vm_page *pg;
	off_t off, end, room;
	size_t n, done;
	char *buf, *va;
	int error = 0;

	buf = malloc(PAGE_SIZE, M_TEMP, M_WAITOK);
	tmpfs_lock(tn);
	if (ioflag & IO_APPEND)
		uio->uio_offset = vp->v_size;
	if (uio->uio_offset < 0) {
		error = EINVAL;
		goto out;
	}
	if (uio->uio_resid == 0)
		goto out;
	/* No file reaches past the limit (and end cannot overflow). */
	if (uio->uio_offset >= (off_t)tmpfs_pages_max * PAGE_SIZE) {
		error = ENOSPC;
		goto out;
	}
	end = uio->uio_offset + uio->uio_resid;
	if (end > vp->v_size) {
		/* As much as fits: whole pages beyond what the file has. */
		room = (off_t)(tmpfs_pages_max - tmpfs_pages_used +
		    vp->v_object->size) * PAGE_SIZE;
		if (end > room)
			end = room;
		if (end <= uio->uio_offset) {
			error = ENOSPC;
			goto out;
		}
		if (end > vp->v_size && (error = tmpfs_grow(tn, end)) != 0)
			goto out;
	}
	while (uio->uio_resid > 0 && uio->uio_offset < end) {
		off = uio->uio_offset;
		n = umin(PAGE_SIZE - (off & PAGE_MASK), uio->uio_resid);
		if ((off_t)n > end - off)
			n = end - off;
		/* The user's bytes first: copyin may fault and sleep. */
		error = uiomove(buf, n, uio);
		done = uio->uio_offset - off;
		if (done > 0) {
			int e = vm_objio_getpage(vp->v_object,
			    OFF_TO_IDX(off), true, &pg);

			if (e != 0) {
				error = e;
				break;
			}
			va = pmap_quick_enter_page(pg);
			memcpy(va + (off & PAGE_MASK), buf, done);
			pmap_quick_remove_page(va);
			vm_objio_putpage(pg, true);
			if (off + (off_t)done > vp->v_size)
				vp->v_size = off + done;
			vn_settimes(vp, VT_MODIFY | VT_CHANGE);
		}
		if (error != 0)
			break;
	}
	tmpfs_fit(tn);
out:
	tmpfs_unlock(tn);
	free(buf, M_TEMP);
	return (error);
}

/* Make the file `length' bytes long. */
static int
tmpfs_truncate(struct vnode *vp, off_t length)
{
	struct tmpfs_node *tn = VTOTN(vp);
	struct vm_object *object = vp->v_object;
	int error = 0;

	KASSERT(vp->v_type == VREG && length >= 0,
	    ("tmpfs_truncate: %s to %lld", vp->v_name, (long long)length));
	tmpfs_lock(tn);
	if (length > vp->v_size) {
		if ((error = tmpfs_grow(tn, length)) == 0)
			vp->v_size = length;
	} else if (length < vp->v_size) {
		vp->v_size = length;
		/* A last page the pager cannot read stays unreadable. */
		(void)tmpfs_zero_tail(tn, length);
		if (SIZE_PAGES(length) < object->size)
			vm_object_page_remove(object, SIZE_PAGES(length), 0);
	}
	tmpfs_fit(tn);
	if (error == 0)
		vn_settimes(vp, VT_MODIFY | VT_CHANGE);
	tmpfs_unlock(tn);
	return (error);
}

/*
 * The file's object, referenced, for a mapping that reaches byte end:
 * grown to cover it (counted in the limit; ENOMEM if it does not fit).
 */
static int
tmpfs_getobject(struct vnode *vp, off_t end, struct vm_object **objectp)
{
	struct tmpfs_node *tn = VTOTN(vp);
	int error = 0;

	tmpfs_lock(tn);
	if (end > (off_t)tmpfs_pages_max * PAGE_SIZE ||
	    tmpfs_reserve(tn, SIZE_PAGES(end)) != 0)
		error = ENOMEM;
	else {
		vm_object_reference(vp->v_object);
		*objectp = vp->v_object;
	}
	tmpfs_unlock(tn);
	return (error);
}

static const struct vnodeops tmpfs_vnodeops = {
	.vop_read = tmpfs_read,
	.vop_write = tmpfs_write,
	.vop_truncate = tmpfs_truncate,
	.vop_newnode = tmpfs_newnode,
	.vop_reclaim = tmpfs_reclaim,
	.vop_getobject = tmpfs_getobject,
};

/*
 * Mount /tmp at path (a directory of the root file system, which it
 * replaces) with the size `arg' gives (the tmpfs= kernel argument, or
 * NULL for the default).  Its root is mode 1777, owned by root: anyone
 * may make files, and only their owners may remove them.
 */
void
tmpfs_mount(const char *path, const char *arg)
{
	struct nameidata nd;
	struct vnode *root, *old;
	uint32_t size = TMPFS_DEFAULT_SIZE;

	if (arg != NULL) {
		size = tmpfs_parse_size(arg);
		if (size < TMPFS_MIN_SIZE || size > TMPFS_MAX_SIZE) {
			printf("tmpfs=%s: not a size from 64K to 1G, using "
			    "%u MiB\n", arg, TMPFS_DEFAULT_SIZE >> 20);
			size = TMPFS_DEFAULT_SIZE;
		}
	}
	tmpfs_pages_max = size / PAGE_SIZE;
	tmpfs_nodes_max = tmpfs_pages_max / 4;
	if (tmpfs_nodes_max < TMPFS_MIN_NODES)
		tmpfs_nodes_max = TMPFS_MIN_NODES;
	if (tmpfs_nodes_max > TMPFS_MAX_NODES)
		tmpfs_nodes_max = TMPFS_MAX_NODES;
	tmpfs_mnt.mnt_name = path;

	if (namei_parent(&proc0, path, &nd) != 0 || nd.ni_namelen == 0 ||
	    tmpfs_newnode(&tmpfs_mnt, VDIR, 01777, 0, 0, &root) != 0)
		panic("tmpfs_mount: cannot mount %s", path);
	old = nd.ni_vp;
	if (old != NULL) {
		/* The ramdisk's directory: out of the tree, freed if empty. */
		vref(old);
		dir_remove(nd.ni_dvp, old);
		if (old->v_type == VDIR && old->v_nchildren == 0)
			vrele(old);
		else
			printf("tmpfs: %s in the ramdisk is not an empty "
			    "directory: hidden\n", path);
	}
	dir_enter(nd.ni_dvp, root, vn_namedup(nd.ni_name, nd.ni_namelen,
	    M_WAITOK));
	tmpfs_mnt.mnt_root = root;
	printf("tmpfs: %s, %u KiB, %u files at most\n", path, size / 1024,
	    tmpfs_nodes_max);
}

/*
 * vm.object_audit: mark the objects that /tmp files hold as reachable.
 * Returns how many there are.  Never sleeps.
 */
u_int
tmpfs_audit_mark(void)
{
	struct tmpfs_node *tn;
	u_int n = 0;

	LIST_FOREACH(tn, &tmpfs_nodes, tn_link)
		if (tn->tn_vnode.v_object != NULL) {
			tn->tn_vnode.v_object->flags |= OBJ_MARK;
			n++;
		}
	return (n);
}

/*
 * The name of the /tmp file whose object is `object', in buf (size
 * bytes, truncated to fit), for tools.  Returns false if no file holds
 * it.  Never sleeps.
 */
bool
tmpfs_object_name(struct vm_object *object, char *buf, size_t size)
{
	struct tmpfs_node *tn;

	LIST_FOREACH(tn, &tmpfs_nodes, tn_link)
		if (tn->tn_vnode.v_object == object) {
			/* A file being created has no name yet. */
			strlcpy(buf, tn->tn_vnode.v_name != NULL ?
			    tn->tn_vnode.v_name : "", size);
			return (true);
		}
	return (false);
}
