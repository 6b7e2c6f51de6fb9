#!/bin/sh
# qemu.sh MODE: boot Umbra under QEMU.  Used by the Makefile.
#
#   qemu.sh run             on this terminal (make run, make run-gdb)
#   qemu.sh log LOGFILE     in the background of a test: no terminal,
#                           the console copied to LOGFILE, a time limit
#
# The environment gives B (build directory), MEM, KARGS, CMD, ACCEL,
# SWAPIMG, TIMEOUT (seconds, log mode), GDB (non-empty: wait for gdb),
# ROOT (a root ramdisk to boot instead of $B/root.tar),
# NOSWAP (non-empty: no swapon at boot),
# QEMU_EXTRA (more QEMU arguments), SWAPDRIVE (a -drive file= value
# replacing the plain swap image, e.g. a blkdebug: chain), DISK (ide,
# the default, or virtio: the interface of the swap disks), SWAP2IMG
# (a second swap disk's image, or empty), OUT (a host directory: what
# the guest leaves in OUTDIR, by default /tmp/out, is copied there at
# power-off).
#
# The swap disks: with DISK=ide, SWAPIMG is the primary master (the
# guest's /dev/wd0) and SWAP2IMG the primary slave (/dev/wd1); with
# DISK=virtio they are the first two virtio-blk devices (/dev/vd0,
# /dev/vd1).  /etc/rc swaps on all of them.
#
# With CMD, the command line goes into /etc/cmd of a copy of the root
# ramdisk, init runs it with /bin/sh -c and powers off with its status.
# With NOSWAP, /etc/noswap tells /etc/rc to leave swap off.
#
# With OUT, a blank raw disk of OUTSIZE (256M, sparse) is the secondary
# master (/dev/wd2) and /etc/outdir names OUTDIR; at power-off the
# guest's /etc/rc.shutdown writes a ustar archive of OUTDIR to the
# disk, and this script extracts it into OUT.
#
# How the guest's verdict travels: the kernel writes a code to QEMU's
# isa-debug-exit device and QEMU exits with code * 2 + 1 (see
# sys/arch/i386/include/cpu.h): code = status + 1, status 125 or more
# gives 126, a panic 127.  This script turns that back into words and
# into its own exit status: 0 for a guest status 0, 1 for any other
# status, 2 for a panic, 3 for a timeout, 4 when QEMU itself failed, 5
# when QEMU exited without a verdict.  That last one is what a guest
# that resets looks like (reboot(2) without RB_POWEROFF, a triple
# fault: -no-reboot turns the reset into QEMU's exit 0), and it is a
# failure, except in an interactive `make run' without CMD, where
# Ctrl-A x ends QEMU the same way on purpose.

mode=$1
log=$2
B=${B:-build}
: "${MEM:=64M}" "${ACCEL:=tcg}" "${TIMEOUT:=600}" "${SWAPIMG:=$B/swap.img}"

root=${ROOT:-$B/root.tar}
if [ -n "$CMD" ] || [ -n "$NOSWAP" ] || [ -n "$OUT" ]; then
	dir=$(mktemp -d "${TMPDIR:-/tmp}/umbra.XXXXXX") || exit 4
	trap 'rm -rf "$dir"' EXIT
	mkdir -p "$dir/etc"
	cp "$root" "$dir/root.tar"
	files=
	if [ -n "$CMD" ]; then
		printf '%s\n' "$CMD" > "$dir/etc/cmd"
		files=./etc/cmd
	fi
	if [ -n "$NOSWAP" ]; then
		: > "$dir/etc/noswap"
		files="$files ./etc/noswap"
	fi
	if [ -n "$OUT" ]; then
		printf '%s\n' "${OUTDIR:-/tmp/out}" > "$dir/etc/outdir"
		files="$files ./etc/outdir"
		truncate -s "${OUTSIZE:-256M}" "$dir/out.img" || exit 4
	fi
	# shellcheck disable=SC2086
	tar --format=ustar --owner=0 --group=0 --numeric-owner -C "$dir" \
	    -rf "$dir/root.tar" $files || exit 4
	root=$dir/root.tar
fi

# swapdrive FILE N: the -drive value of swap disk N (0 or 1).
swapdrive() {
	case $DISK in
	ide)	echo "file=$1,format=raw,if=ide,index=$2,media=disk,werror=report,rerror=report" ;;
	virtio)	echo "file=$1,format=raw,if=virtio,werror=report,rerror=report" ;;
	esac
}
case ${DISK:=ide} in
ide | virtio) ;;
*)	echo "qemu.sh: DISK must be ide or virtio, not '$DISK'" >&2
	exit 4 ;;
esac

set -- -machine pc -accel "$ACCEL" -m "$MEM" -nographic -no-reboot -net none \
    -kernel "$B/kernel" -initrd "$root" -append "$KARGS" \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -drive "$(swapdrive "${SWAPDRIVE:-$SWAPIMG}" 0)"
[ -n "$SWAP2IMG" ] && set -- "$@" -drive "$(swapdrive "$SWAP2IMG" 1)"
[ -n "$OUT" ] && set -- "$@" \
    -drive "file=$dir/out.img,format=raw,if=ide,index=2,media=disk"
# The pc machine moves the RAM above 3 GiB to above 4 GiB once MEM
# reaches 3.5 GiB (to align its PCI hole), where an i386 without PAE
# cannot reach it; this keeps RAM below 4 GiB for MEM up to 3.75 GiB.
set -- "$@" -machine max-ram-below-4g=4G
[ -n "$GDB" ] && set -- "$@" -s -S
# shellcheck disable=SC2086
[ -n "$QEMU_EXTRA" ] && set -- "$@" $QEMU_EXTRA

decode() {
	e=$1
	if [ "$e" = 124 ]; then
		echo "umbra: timed out after ${TIMEOUT}s" >&2
		return 3
	elif [ "$e" = 0 ]; then
		echo "umbra: QEMU exited without a verdict (the guest" \
		    "reset, or QEMU was told to quit)" >&2
		[ "$mode" = run ] && [ -z "$CMD" ] && return 0
		return 5
	elif [ $((e % 2)) = 1 ] && [ "$e" -ge 3 ]; then
		v=$(((e - 1) / 2))
		if [ "$v" = 127 ]; then
			echo "umbra: kernel panic" >&2
			return 2
		fi
		s=$((v - 1))
		[ "$v" = 126 ] && s="125 or more"
		if [ "$s" = 0 ]; then
			[ -n "$CMD" ] && echo "umbra: guest command exited with status 0" >&2
			return 0
		fi
		echo "umbra: guest ${CMD:+command }exited with status $s" >&2
		return 1
	fi
	echo "umbra: QEMU failed (exit status $e)" >&2
	return 4
}

# copyout STATUS: extract the guest's archive into OUT, if there is
# one; returns STATUS, or 4 if the archive cannot be extracted.
copyout() {
	[ -z "$OUT" ] && return "$1"
	if ! mkdir -p "$OUT" || ! tar -x -f "$dir/out.img" -C "$OUT"; then
		echo "umbra: cannot extract the guest's archive into $OUT" >&2
		return 4
	fi
	n=$(tar -t -f "$dir/out.img" | grep -c -v '/$')
	echo "umbra: $n files from the guest's ${OUTDIR:-/tmp/out} in $OUT" >&2
	return "$1"
}

case $mode in
run)
	[ -n "$GDB" ] && echo "QEMU waits for gdb: run 'make gdb' in another terminal" >&2
	qemu-system-i386 "$@"
	decode $?
	copyout $?
	;;
log)

	timeout --foreground -k 5 "$TIMEOUT" qemu-system-i386 "$@" \
	    < /dev/null > "$log" 2>&1
	decode $?
	copyout $?
	;;
*)
	echo "usage: qemu.sh run | log LOGFILE" >&2
	exit 4
	;;
esac
