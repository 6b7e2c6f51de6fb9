/*
 * vfs_lookup.c: path name lookup.
 *
 * Names are looked up component by component from the root or the
 * process's current directory, across file systems (the /tmp root is
 * an entry of the ramdisk root; see vnode.h).  "." and ".." are
 * understood; a directory that has been removed has neither entries
 * nor "..".  Every directory searched must grant p search (execute)
 * permission, and a component longer than MAXNAMLEN is ENAMETOOLONG.
 * A path with a trailing slash must name a directory.
 *
 * namei() finds what a path names.  namei_parent() is for the calls
 * that create, remove or rename: it finds the directory that holds (or
 * would hold) the last component, and the entry if there is one.
 *
 * Nothing here sleeps, so the vnodes returned stay valid until the
 * caller sleeps (vnode.h).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/dirent.h>
#include <sys/errno.h>
#include <sys/vnode.h>

/*
 * Walk path for p up to its last component: nd gets the directory that
 * holds it, the component, and the vnode it names (or NULL).  Returns
 * 0, or ENOENT, ENOTDIR, EACCES, ENAMETOOLONG for a component on the
 * way (or for the last one's name and directory).
 */
static int
lookup(struct proc *p, const char *path, struct nameidata *nd)
{
	struct vnode *dvp, *vp;
	const char *name, *end;
	size_t n;
	int error;

	if (*path == '\0')
		return (ENOENT);
	vp = *path == '/' ? rootvnode : p->p_cwd;
	dvp = vp;
	name = ".";
	n = 1;
	for (;;) {
		while (*path == '/')
			path++;
		if (*path == '\0')
			break;
		for (end = path; *end != '\0' && *end != '/'; end++)
			continue;
		if (vp == NULL)
			return (ENOENT);
		if (vp->v_type != VDIR)
			return (ENOTDIR);
		if ((error = vn_access(p, vp, VEXEC, false)) != 0)
			return (error);
		dvp = vp;
		name = path;
		n = end - path;
		if (n > MAXNAMLEN)
			return (ENAMETOOLONG);
		if (n == 1 && name[0] == '.')
			vp = dvp;
		else if (n == 2 && name[0] == '.' && name[1] == '.')
			vp = dvp->v_parent;
		else
			vp = dir_lookup(dvp, name, n);
		path = end;
	}
	/* ".." of a removed directory */
	if (vp == NULL && n == 2 && name[0] == '.' && name[1] == '.')
		return (ENOENT);
	nd->ni_dvp = dvp;
	nd->ni_vp = vp;
	nd->ni_name = name;
	nd->ni_namelen = n;
	nd->ni_slash = path[-1] == '/';
	if (nd->ni_slash && vp != NULL && vp->v_type != VDIR)
		return (ENOTDIR);
	return (0);
}

/*
 * Look up path (a kernel string) for process p.  Returns 0 and the
 * vnode, or ENOENT, ENOTDIR, EACCES, ENAMETOOLONG.
 */
int
namei(struct proc *p, const char *path, struct vnode **vpp)
{
	struct nameidata nd;
	int error;

	if ((error = lookup(p, path, &nd)) != 0)
		return (error);
	if (nd.ni_vp == NULL)
		return (ENOENT);
	*vpp = nd.ni_vp;
	return (0);
}

/*
 * Look up the directory of path's last component, for creating,
 * removing or renaming it.  Returns 0 and *nd (ni_vp NULL when the
 * entry does not exist), or an error of a component on the way.
 */
int
namei_parent(struct proc *p, const char *path, struct nameidata *nd)
{

	return (lookup(p, path, nd));
}
