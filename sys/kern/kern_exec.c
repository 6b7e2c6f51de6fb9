/*
 * kern_exec.c: execve(2), and the exec of init at boot.
 *
 * exec gathers its arguments in a kernel buffer (exec_args), checks the
 * file is an ELF32 i386 executable this process may run, and builds the
 * new address space beside the old one:
 *
 *	text	(read-only segments) the file's object (its file
 *		system's VOP_GETOBJECT), mapped copy-on-write: every
 *		process running the program shares its pages, and a
 *		write (possible only after mprotect) would copy
 *	data	(writable segments) the same object, copy-on-write and
 *		NEEDS_COPY: the process reads the file's pages until it
 *		writes one, which gets copied into its own shadow object
 *	bss	anonymous memory after the file's part of the segment; the
 *		rest of the last file page is zeroed through the shadow
 *	heap	starts empty at the page after the last segment (sbrk)
 *	stack	MAXSSIZ of anonymous memory under USRSTACK, with the
 *		signal trampoline, the strings and argc/argv/envp on top
 *
 * Only when the new space is complete does the process switch to it and
 * free the old one; every failure before that returns an error to a
 * process that is unharmed.  After the switch nothing can fail except
 * for lack of memory, which kills the process.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/errno.h>
#include <sys/exec.h>
#include <sys/exec_elf.h>
#include <sys/file.h>
#include <sys/malloc.h>
#include <sys/sysproto.h>
#include <sys/vnode.h>
#include <sys/wait.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/pmap.h>

#define	MAXPHDRS	16

struct exec_args {
	char	*buf;		/* ARG_MAX bytes: the strings, back to back */
	size_t	used;		/* bytes of buf in use */
	int	argc;
	int	envc;
	char	*path;		/* the path, a kernel copy */
};

static int
exec_args_alloc(struct exec_args *ea)
{

	memset(ea, 0, sizeof(*ea));
	ea->buf = (char *)kmem_alloc(ARG_MAX, M_KILLABLE);
	if (ea->buf == NULL)
		return (ENOMEM);
	ea->path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	return (0);
}

static void
exec_args_free(struct exec_args *ea)
{

	kmem_free((vaddr_t)ea->buf, ARG_MAX);
	free(ea->path, M_TEMP);
}

/* Append one string from user (seg UIO_USERSPACE) or kernel space. */
static int
exec_add_string(struct exec_args *ea, const char *s, bool user)
{
	size_t len;
	int error;

	if (user) {
		error = copyinstr(s, ea->buf + ea->used, ARG_MAX - ea->used,
		    &len);
		if (error == ENAMETOOLONG)
			return (E2BIG);
		if (error != 0)
			return (error);
	} else {
		len = strlen(s) + 1;
		if (len > ARG_MAX - ea->used)
			return (E2BIG);
		memcpy(ea->buf + ea->used, s, len);
	}
	ea->used += len;
	return (0);
}

/* Append the strings of a NULL-terminated array; count them in *cnt. */
static int
exec_add_vector(struct exec_args *ea, char *const *vec, bool user, int *cnt)
{
	const char *s;
	int error;

	if (vec == NULL)
		return (EFAULT);
	for (;; vec++) {
		if (user) {
			if ((error = copyin(vec, &s, sizeof(s))) != 0)
				return (error);
		} else
			s = *vec;
		if (s == NULL)
			return (0);
		if ((error = exec_add_string(ea, s, user)) != 0)
			return (error);
		(*cnt)++;
	}
}

/* Read and check the ELF header and program headers of vp. */
static int
exec_check_elf(struct vnode *vp, Elf32_Ehdr *eh, Elf32_Phdr *ph)
{
	int i;

	if (vp->v_size < (off_t)sizeof(*eh) ||
	    vn_read_kernel(vp, eh, sizeof(*eh), 0) != 0)
		return (ENOEXEC);
	if (memcmp(eh->e_ident, ELFMAG, 4) != 0 ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386 || eh->e_phentsize != sizeof(*ph) ||
	    eh->e_phnum == 0 || eh->e_phnum > MAXPHDRS ||
	    vn_read_kernel(vp, ph, eh->e_phnum * sizeof(*ph),
	    eh->e_phoff) != 0)
		return (ENOEXEC);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz ||
		    (uint64_t)ph[i].p_offset + ph[i].p_filesz >
		    (uint64_t)vp->v_size ||
		    ((ph[i].p_vaddr - ph[i].p_offset) & PAGE_MASK) != 0 ||
		    ph[i].p_vaddr < VM_MIN_ADDRESS ||
		    (uint64_t)ph[i].p_vaddr + ph[i].p_memsz >
		    USRSTACK - MAXSSIZ)
			return (ENOEXEC);
	}
	return (0);
}

/*
 * Map the program's segments into vm (see the opening comment).  Sets
 * the heap's start; returns ENOEXEC if segments overlap.
 */
static int
exec_map_segments(struct vnode *vp, Elf32_Ehdr *eh, Elf32_Phdr *ph,
    struct vmspace *vm)
{
	vaddr_t start, fend, mend, top = 0;
	struct vm_object *object;
	vm_ooffset_t off;
	vm_prot_t prot;
	int i;

	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		prot = VM_PROT_READ;
		if (ph[i].p_flags & PF_W)
			prot |= VM_PROT_WRITE;
		if (ph[i].p_flags & PF_X)
			prot |= VM_PROT_EXECUTE;
		start = trunc_page(ph[i].p_vaddr);
		fend = round_page(ph[i].p_vaddr + ph[i].p_filesz);
		mend = round_page(ph[i].p_vaddr + ph[i].p_memsz);
		if (ph[i].p_filesz > 0) {
			/*
			 * The file system's object, covering the mapping
			 * even if the file has shrunk since it was read.
			 */
			off = trunc_page(ph[i].p_offset);
			if (VOP_GETOBJECT(vp, off + (fend - start), &object) !=
			    0)
				return (ENOEXEC);
			if (vm_map_insert(&vm->vm_map, object, off, start, fend,
			    prot, VM_PROT_ALL, MAP_COPY_ON_WRITE |
			    MAP_NEEDS_COPY) != KERN_SUCCESS) {
				vm_object_deallocate(object);
				return (ENOEXEC);
			}
		} else
			fend = start;
		if (mend > fend && vm_map_insert(&vm->vm_map, NULL, 0, fend,
		    mend, prot, VM_PROT_ALL, 0) != KERN_SUCCESS)
			return (ENOEXEC);
		if (mend > top)
			top = mend;
	}
	if (top == 0)
		return (ENOEXEC);
	vm->vm_daddr = vm->vm_break = top;
	return (0);
}

/*
 * Zero the bytes of each writable segment's last file page that lie
 * past the file's part (they hold whatever followed in the file).  The
 * new address space is current: the writes copy the pages.
 */
static int
exec_zero_bss(Elf32_Ehdr *eh, Elf32_Phdr *ph)
{
	static const char zeros[PAGE_SIZE];
	vaddr_t fend;
	int i;

	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || (ph[i].p_flags & PF_W) == 0 ||
		    ph[i].p_memsz <= ph[i].p_filesz)
			continue;
		fend = ph[i].p_vaddr + ph[i].p_filesz;
		if ((fend & PAGE_MASK) != 0 && ph[i].p_filesz > 0 &&
		    copyout(zeros, (void *)fend, round_page(fend) - fend) != 0)
			return (EFAULT);
	}
	return (0);
}

/*
 * Copy the trampoline, the strings and argc/argv/envp to the top of the
 * (current) new stack; returns the initial stack pointer, or 0.
 */
static vaddr_t
exec_copyout_args(struct exec_args *ea)
{
	vaddr_t strp, sp;
	uint32_t *vec;
	size_t nvec, off, len;
	int i, error;

	if (copyout(sigcode, (void *)PS_SIGCODE, szsigcode) != 0)
		return (0);
	strp = (PS_SIGCODE - ea->used) & ~3U;
	nvec = 1 + ea->argc + 1 + ea->envc + 1;
	sp = (strp - nvec * sizeof(uint32_t)) & ~15U;
	vec = malloc(nvec * sizeof(uint32_t), M_TEMP, M_WAITOK);
	vec[0] = ea->argc;
	for (i = 0, off = 0; i < ea->argc + ea->envc; i++) {
		vec[1 + i + (i >= ea->argc)] = strp + off;
		len = strlen(ea->buf + off) + 1;
		off += len;
	}
	vec[1 + ea->argc] = 0;
	vec[nvec - 1] = 0;
	error = copyout(ea->buf, (void *)strp, ea->used);
	if (error == 0)
		error = copyout(vec, (void *)sp, nvec * sizeof(uint32_t));
	free(vec, M_TEMP);
	return (error == 0 ? sp : 0);
}

/* The command name and the argument summary ps shows. */
static void
exec_set_names(struct proc *p, struct exec_args *ea)
{
	const char *base = strrchr(ea->path, '/');
	size_t n;

	strlcpy(p->p_comm, base != NULL ? base + 1 : ea->path,
	    sizeof(p->p_comm));
	memset(p->p_args, 0, sizeof(p->p_args));
	n = umin(ea->used, sizeof(p->p_args) - 1);
	memcpy(p->p_args, ea->buf, n);
	/* Keep whole words of argv only: cut at the last NUL before n. */
	if (ea->argc > 0) {
		size_t argvlen = 0;
		int i;

		for (i = 0; i < ea->argc; i++)
			argvlen += strlen(ea->buf + argvlen) + 1;
		if (argvlen < n)
			memset(p->p_args + argvlen, 0, n - argvlen);
	}
}

/*
 * The common part of execve: ea holds the path and the strings (argc
 * arguments, then envc environment strings).
 */
static int
kern_execve(struct proc *p, struct exec_args *ea)
{
	Elf32_Phdr ph[MAXPHDRS];
	struct vmspace *vm, *ovm;
	struct vnode *vp;
	Elf32_Ehdr eh;
	vaddr_t sp;
	int error;

	if ((error = namei(p, ea->path, &vp)) != 0)
		return (error);
	if (vp->v_type != VREG)
		return (EACCES);
	if ((error = vn_access(p, vp, VEXEC, false)) != 0)
		return (error);
	vref(vp);	/* reading a /tmp file may sleep */
	if ((error = exec_check_elf(vp, &eh, ph)) != 0) {
		vrele(vp);
		return (error);
	}

	vm = vmspace_alloc();
	if ((error = exec_map_segments(vp, &eh, ph, vm)) != 0 ||
	    vm_map_insert(&vm->vm_map, NULL, 0, USRSTACK - MAXSSIZ, USRSTACK,
	    VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXECUTE, VM_PROT_ALL, 0) !=
	    KERN_SUCCESS) {
		vmspace_free(vm);
		vrele(vp);
		return (error != 0 ? error : ENOMEM);
	}
	vrele(vp);	/* the mappings hold its object */
	vm->vm_maxsaddr = USRSTACK - MAXSSIZ;

	/* The point of no return. */
	ovm = p->p_vmspace;
	p->p_vmspace = vm;
	pmap_activate(vm->vm_pmap);
	if (ovm != &vmspace0)
		vmspace_free(ovm);
	if (exec_zero_bss(&eh, ph) != 0 ||
	    (sp = exec_copyout_args(ea)) == 0) {
		printf("pid %d: exec of %s failed for lack of memory\n",
		    p->p_pid, ea->path);
		exit1(p, W_EXITCODE(0, SIGKILL));
	}
	setregs(p, eh.e_entry, sp);
	execsigs(p);
	fdcloseexec(p);
	exec_set_names(p, ea);
	p->p_flag |= P_EXEC;
	return (EJUSTRETURN);
}

int
sys_execve(struct proc *p, struct execve_args *uap, register_t *retval)
{
	struct exec_args ea;
	int error;

	if ((error = exec_args_alloc(&ea)) != 0)
		return (error);
	error = copyinstr(uap->path, ea.path, MAXPATHLEN, NULL);
	if (error == 0)
		error = exec_add_vector(&ea, uap->argv, true, &ea.argc);
	if (error == 0)
		error = exec_add_vector(&ea, uap->envp, true, &ea.envc);
	if (error == 0)
		error = kern_execve(p, &ea);
	exec_args_free(&ea);
	return (error);
}

/*
 * The first user process: proc0's child, pid 1, made by init_main with
 * an empty address space; it execs init from the kernel and leaves for
 * user mode through its trap frame.  Tries the path from the kernel
 * command line (init=), then /bin/init, then /bin/sh.
 */
void
start_init(void *arg)
{
	static const char *const paths[] = { NULL, "/bin/init", "/bin/sh" };
	extern const char *init_path;
	struct proc *p = arg;
	struct exec_args ea;
	char *argv[2], *envp[1] = { NULL };
	u_int i;
	int error = ENOENT;

	for (i = init_path != NULL ? 0 : 1; i < nitems(paths); i++) {
		if (exec_args_alloc(&ea) != 0)
			break;
		strlcpy(ea.path, i == 0 ? init_path : paths[i], MAXPATHLEN);
		argv[0] = ea.path;
		argv[1] = NULL;
		error = exec_add_vector(&ea, argv, false, &ea.argc);
		if (error == 0)
			error = exec_add_vector(&ea, envp, false, &ea.envc);
		if (error == 0)
			error = kern_execve(p, &ea);
		if (error != EJUSTRETURN)
			printf("init: cannot exec %s (error %d)\n", ea.path,
			    error);
		exec_args_free(&ea);
		if (error == EJUSTRETURN)
			return;
	}
	panic("start_init: no init (error %d)", error);
}
