#!/bin/sh
# guest.sh BUILDDIR: the guest half of `make test'.  Boots Umbra once per
# configuration below, each time with an in-guest command (usually the
# test runner, /bin/runtests) as init's command, and turns what happened
# into PASS/FAIL lines in BUILDDIR/test/<boot>.results:
#	- every PASS/FAIL line the guest printed, as it printed it;
#	- "PASS boot-<name>" if the guest powered off with status 0, else
#	  "FAIL boot-<name>: <why>" (a panic, a timeout, a failing status).
# The console log of each boot is kept in BUILDDIR/test/<boot>.log.
#
# Boots (name, guest RAM, kernel arguments, swap drive, command):
#   main	the functional suite at the default memory size
#   disk	mem=16M, two disks, no swap at boot: the disk group
#		(t_disk.c) with the disks of DISK (ide: DMA; virtio)
#   disk-pio	the same on IDE disks with wd.pio=1
#   disk-virtio	the same on virtio disks (when DISK is not virtio)
#   swap	the paging suite with mem=16M, so that everything pages
#   eio-write	swap writes fail (QEMU blkdebug): pageouts must survive
#   eio-read	swap reads fail: only the faulting process may die
#   oom		mem=16M and 8 MiB of swap: out of memory and swap
#   leak		mem=16M: the 1993 leak with maild and vm-test, fix off
#		and on (tests/guest/t_leak.c)
#   hidden	mem=16M: the shapes that hide pages, fix on and off
#		(tests/guest/t_hidden.c)
#   swapoff	mem=16M: taking the swap device away (t_swap.c)
#   swapoff-eio	swap reads fail: swapoff loses only the failed page
#   tmpfs	mem=16M tmpfs=24M: /tmp filled past memory (t_tmpfs.c)
#   fire	mem=16M: collapse under fire (collapse-fire, t_swap.c)
# and three that check the harness itself notices what it must: a
# kernel panic (with its symbolised backtrace), a hang (timeout), and a
# command that fails with a status; and "out", make run OUT=dir.
#
# DISK (ide or virtio, from make test DISK=...) is the interface of the
# swap disks of every boot but disk-pio and disk-virtio.
B=${1:-build}
T=$B/test
mkdir -p "$T"
: "${TIMEOUT:=600}"	# per boot; the slowest (swap) takes about 4 minutes

fail_boot() {
	echo "FAIL boot-$1: $2" >> "$T/$1.results"
	echo "FAIL boot-$1: $2"
}

# boot NAME MEM KARGS SWAPDRIVE CMD [SWAPSIZE [SWAP2SIZE [ENV]]]:
# SWAP2SIZE (- for none) adds a second swap disk; ENV is more settings
# for tests/qemu.sh, such as "DISK=virtio NOSWAP=1".
boot() {
	name=$1
	log=$T/$name.log
	res=$T/$name.results
	img=$T/$name.swap.img
	img2=
	rm -f "$log" "$res" "$img"
	truncate -s "${6:-128M}" "$img"
	if [ -n "$7" ] && [ "$7" != - ]; then
		img2=$T/$name.swap2.img
		truncate -s "$7" "$img2"
	fi
	drive=$4
	[ "$drive" = "-" ] && drive=$img
	drive=$(printf '%s' "$drive" | sed "s|@IMG@|$img|g; s|@T@|$T|g")
	echo "==> boot $name: $5"
	# shellcheck disable=SC2086
	env B="$B" MEM="$2" KARGS="$3" SWAPIMG="$img" SWAP2IMG="$img2" \
	    SWAPDRIVE="$drive" CMD="$5" TIMEOUT="$TIMEOUT" $8 \
	    sh tests/qemu.sh log "$log"
	rc=$?
	grep -a -E '^(PASS|FAIL) ' "$log" | tr -d '\r' > "$res"
	grep -a -E '^(PASS|FAIL) |^panic|^fatal trap' "$log" | tr -d '\r'
	case $rc in
	0)	echo "PASS boot-$name" >> "$res"; echo "PASS boot-$name" ;;
	1)	fail_boot "$name" "the guest command failed" ;;
	2)	fail_boot "$name" "kernel panic (see $log)" ;;
	3)	fail_boot "$name" "timed out after ${TIMEOUT}s (see $log)" ;;
	*)	fail_boot "$name" "QEMU failed (see $log)" ;;
	esac
	rm -f "$img" $img2
}

# blkdebug rules: the guest arms the disk by flushing its cache
# (DIOCCACHESYNC, tests/guest/t_swap.c); the flush event activates the
# rule, and the next write (or read) fails with EIO, once.
for io in write read; do
	cat > "$T/eio-$io.conf" <<CONF
[inject-error]
event = "flush_to_os"
iotype = "$io"
errno = "5"
once = "on"
CONF
done

# harness NAME EXPECTED-RC SECONDS CMD PATTERN: a boot that must end
# the way qemu.sh reports as EXPECTED-RC (1 status, 2 panic, 3
# timeout), with PATTERN (an extended regular expression) in its log.
harness() {
	log=$T/$1.log
	res=$T/$1.results
	img=$T/$1.swap.img
	truncate -s 16M "$img"
	B=$B MEM=32M SWAPIMG=$img CMD=$4 TIMEOUT=$3 \
	    sh tests/qemu.sh log "$log" 2>/dev/null
	rc=$?
	rm -f "$img"
	if [ "$rc" = "$2" ] && grep -a -q -E "$5" "$log"; then
		echo "PASS $1" | tee "$res"
	else
		echo "FAIL $1: ended with $rc, expected $2 and /$5/ (see $log)" |
		    tee "$res"
	fi
}

# out: make run OUT=dir brings the guest's /tmp/out to the host at
# power-off (/etc/rc.shutdown, bin/tar, tests/qemu.sh).  The guest copies
# /bin, whose files have every size, into /tmp/out; the host compares
# what arrives with the build's /bin.
out_check() {
	log=$T/out.log
	img=$T/out.swap.img
	rm -rf "$T/out"
	truncate -s 16M "$img"
	B=$B MEM=64M SWAPIMG=$img OUT=$T/out TIMEOUT=120 \
	    CMD="mkdir -p /tmp/out && cp -R /bin /tmp/out/bin" \
	    sh tests/qemu.sh log "$log" 2>"$T/out.err"
	rc=$?
	rm -f "$img"
	if [ "$rc" = 0 ] && diff -r "$T/out/bin" "$B/root/bin" > "$T/out.diff"
	then
		echo "PASS out" | tee "$T/out.results"
	else
		echo "FAIL out: ended with $rc (see $T/out.*)" |
		    tee "$T/out.results"
	fi
}

harness harness-panic 2 60 "sysctl -w debug.panic=1" \
    'backtrace:.*|#[0-9]+ [0-9a-f]+ <sysctl_debug_panic\+'
harness harness-timeout 3 15 "sleep 1000" "rc: "
harness harness-status 1 60 "exit 3" "command exited with status 3"
out_check

# make run passes CMD to the guest's shell byte for byte: make must not
# expand $!, $? or $$, and quotes, backslashes and the newline between
# two commands must arrive as typed.  The sub-make gets none of this
# make's flags (its jobserver is not ours to use).
make_run_verbatim() {
	log=$T/make-run.log
	res=$T/make-run.results
	cmd=$(cat <<'EOF'
true & echo pid=$! status=$? dollar=$$
echo "[a b]" '[c]' "[d\\e]" '[f\g]' h\\i
EOF
)
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL timeout -k 5 "$TIMEOUT" \
	    make --no-print-directory B="$B" run CMD="$cmd" \
	    < /dev/null > "$log" 2>&1
	rc=$?
	tr -d '\r' < "$log" > "$log.txt"
	if [ "$rc" = 0 ] &&
	    grep -q -E '^pid=[0-9]+ status=0 dollar=[0-9]+$' "$log.txt" &&
	    grep -q -F -x '[a b] [c] [d\e] [f\g] h\i' "$log.txt"; then
		echo "PASS make-run-verbatim" | tee "$res"
	else
		echo "FAIL make-run-verbatim: make run exited $rc, or CMD" \
		    "arrived changed (see $log)" | tee "$res"
	fi
	rm -f "$log.txt"
}
make_run_verbatim

boot main 64M "" - "runtests"
# The disk group: the second disk (wd1 or vd1) becomes the only swap.
case ${DISK:-ide} in
ide)	boot disk 64M "mem=16M" - "RUNTESTS_DISK_METHOD=dma runtests -g disk" \
	    64M 32M "NOSWAP=1 DISK=ide"
	boot disk-virtio 64M "mem=16M" - \
	    "RUNTESTS_DISK_METHOD=virtio runtests -g disk" 64M 32M \
	    "NOSWAP=1 DISK=virtio" ;;
virtio)	boot disk 64M "mem=16M" - \
	    "RUNTESTS_DISK_METHOD=virtio runtests -g disk" 64M 32M \
	    "NOSWAP=1 DISK=virtio" ;;
esac
boot disk-pio 64M "mem=16M wd.pio=1" - \
    "RUNTESTS_DISK_METHOD=pio runtests -g disk" 64M 32M "NOSWAP=1 DISK=ide"
# 64 MiB of swap: enough for three times 16 MiB, and small enough that
# swap-oom fills it quickly.
boot swap 64M "mem=16M" - "runtests -g swap" 64M
boot eio-write 64M "mem=16M" "blkdebug:@T@/eio-write.conf:@IMG@" \
    "runtests -g eio-write" 64M
boot eio-read 64M "mem=16M" "blkdebug:@T@/eio-read.conf:@IMG@" \
    "runtests -g eio-read" 64M
boot swapoff-eio 64M "mem=16M" "blkdebug:@T@/eio-read.conf:@IMG@" \
    "runtests -g swapoff-eio" 64M
# 128 MiB of swap: with the fix off, hidden swap only grows.
boot leak 64M "mem=16M" - "runtests -g leak"
boot hidden 64M "mem=16M" - "runtests -g hidden" 64M
# swapoff with chains on the device, under load, and its errors.
boot swapoff 64M "mem=16M" - "runtests -g swapoff" 64M
# /tmp filled past memory (24 MiB of files, 16 MiB of RAM): to swap.
boot tmpfs 64M "mem=16M tmpfs=24M" - "runtests -g tmpfs" 64M
# Collapse under fire: vm-test and a hog for 2 minutes, the fix on.
boot fire 64M "mem=16M" - "runtests -g fire"
# 8 MiB of swap, so that memory and swap run out fast (cow-oom); the
# killer must say on the console whom it killed and why.
boot oom 64M "mem=16M" - "runtests -g oom" 8M
if grep -a -q -E '^pid [0-9]+ \(runtests\) killed: out of memory' \
    "$T/oom.log"; then
	echo "PASS oom-logged" | tee -a "$T/oom.results"
else
	echo "FAIL oom-logged: no out-of-memory kill on the console" |
	    tee -a "$T/oom.results"
fi
exit 0
