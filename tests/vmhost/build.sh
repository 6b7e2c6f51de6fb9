#!/bin/sh
#
# tests/vmhost/build.sh OUT [san]: build vmhost, sys/vm for the host,
# into OUT/vmhost (OUT/vmhost/vmhost).  With `san', under
# AddressSanitizer and UndefinedBehaviorSanitizer.  Run from the top of
# the tree; HOSTCC picks the compiler (default gcc), VMSRC the directory
# of VM sources (default sys/vm: set it to try a patched copy).
# Compiler output goes to OUT/vmhost/build.log.  With VMHOST_REUSE=1,
# an object newer than its source is kept (tests/mutants/run.sh builds
# each mutant on a copy of the unpatched build; headers are not
# tracked, so only for sources that change alone).
#
# Two kinds of files go in:
#	the kernel side	sys/vm/*.c (the real files, untouched),
#			sys/libkern/string.c, and the shim and the bench
#			in tests/vmhost, all with the kernel's headers
#			(-nostdinc -D_KERNEL -DINVARIANTS), for the 64-bit
#			host, where system calls carry 32-bit user
#			addresses in 64-bit pointers (hence
#			-Wno-pointer-to-int-cast): tests/vmhost/include
#			replaces the ILP32 <sys/_types.h> and supplies the
#			fake machine's <machine/pmap.h>; every other
#			<machine/...> is i386's.  The kernel's names that
#			the host's C library also defines (malloc, printf,
#			memcpy, ...) are renamed kern_* in these objects.
#	the host side	tests/vmhost/host.c, with the host's headers.

set -u
OUT=${1:?usage: build.sh OUT [san]}/vmhost
MODE=${2:-}
HOSTCC=${HOSTCC:-gcc}
VMSRC=${VMSRC:-sys/vm}
T=tests/vmhost
LOG=$OUT/build.log

VM_SRCS="vm_object vm_page vm_map vm_fault vm_pager swap_pager vm_swap
    vm_pageout vnode_pager vm_meter vm_objinfo vm_swapoff vm_mmap vm_kern"
SHIM_SRCS="kern_shim pmap disk vmhost proc model check copytest swapctl"
RENAME="malloc free printf vprintf snprintf vsnprintf psignal memcpy
    memmove memset memcmp memchr strlen strnlen strcmp strncmp strchr
    strrchr strlcpy strlcat"

WARN="-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare
    -Wno-missing-field-initializers -Wno-pointer-to-int-cast"
OPT="-std=gnu11 -O2 -g -fno-omit-frame-pointer"
SAN=
if [ "$MODE" = san ]; then
	SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
fi
KFLAGS="$OPT $WARN $SAN -ffreestanding -fno-builtin -fno-common
    -fno-strict-aliasing -fno-tree-loop-distribute-patterns -nostdinc
    -D_KERNEL -DINVARIANTS -I$T/include -I$OUT/inc -Isys"

mkdir -p "$OUT/obj" "$OUT/inc" || exit 1
: > "$LOG"
ln -sfn "$(pwd)/sys/arch/i386/include" "$OUT/inc/machine"
sh sys/kern/makesyscalls.sh sys/kern/syscalls.master "$OUT/gen" \
    >>"$LOG" 2>&1 || exit 1
mkdir -p "$OUT/inc/sys"
cp "$OUT/gen/sys/sysproto.h" "$OUT/inc/sys/sysproto.h"

syms=
for s in $RENAME; do
	syms="$syms --redefine-sym $s=kern_$s"
done

# kcc NAME SRC: compile SRC on the kernel side, rename, into obj/NAME.o.
kcc() {
	[ -n "${VMHOST_REUSE:-}" ] && [ "$OUT/obj/$1.o" -nt "$2" ] && return 0
	$HOSTCC $KFLAGS -c "$2" -o "$OUT/obj/$1.o" >>"$LOG" 2>&1 &&
	objcopy $syms "$OUT/obj/$1.o" >>"$LOG" 2>&1
}

objs=
for f in $VM_SRCS; do
	kcc "$f" "$VMSRC/$f.c" || { echo "build.sh: $VMSRC/$f.c" >&2; exit 1; }
	objs="$objs $OUT/obj/$f.o"
done
kcc libkern_string sys/libkern/string.c || exit 1
objs="$objs $OUT/obj/libkern_string.o"
for f in $SHIM_SRCS; do
	kcc "$f" "$T/$f.c" || { echo "build.sh: $T/$f.c" >&2; exit 1; }
	objs="$objs $OUT/obj/$f.o"
done
$HOSTCC $OPT $WARN $SAN -c "$T/host.c" -o "$OUT/obj/host.o" >>"$LOG" 2>&1 ||
    { echo "build.sh: $T/host.c" >&2; exit 1; }
$HOSTCC $SAN -o "$OUT/vmhost" $objs "$OUT/obj/host.o" >>"$LOG" 2>&1 ||
    { echo "build.sh: link" >&2; exit 1; }
