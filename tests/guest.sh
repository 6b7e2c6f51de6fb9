#!/bin/sh
# guest.sh BUILDDIR: the guest half of `make test'.  Boots Umbra once per
# configuration below, each time with the test runner (/bin/runtests)
# as init's command, and turns what happened into PASS/FAIL/SKIP lines
# in BUILDDIR/test/<boot>.results:
#	- the verdict lines of the boot's group of tests, checked against
#	  the runner's own list (`runtests -l', printed first in the same
#	  boot) by tests/verdicts.sh: a listed test without a verdict, a
#	  verdict for a test not listed, or a final "N passed, N failed"
#	  line that does not add up, is a FAIL;
#	- "PASS boot-<name>" if the guest powered off with status 0, else
#	  "FAIL boot-<name>: <why>" (a panic, a timeout, a failing status,
#	  a reset: QEMU exiting without a verdict).
# The console log of each boot is kept in BUILDDIR/test/<boot>.log.
#
# Boots (name, guest RAM, kernel arguments, swap drive, group):
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
#   bigmem	MEM=2G, no swap: memory above the kernel's direct map
#		(t_bigmem.c): 1.5 GiB touched and read back, the direct
#		map refilled, /tmp files up there
#   mem1g	MEM=1G with swap: vm-test with 512 MiB, and paging of
#		pages above the direct map
#   mem1g-pio	MEM=1G, wd.pio=1: that paging by programmed I/O
#   walkthrough	mem=16M: the README's walkthrough, line by line, checked
#		(tests/walkthrough.sh)
#   icount-time	under -icount shift=0: time(1) counts instructions
# Before them, checks that the harness itself notices what it must: a
# kernel panic (with its symbolised backtrace), a hang (timeout), a
# command that fails with a status, a guest that resets, CMD reaching
# the guest byte for byte (make-run-verbatim),
# (harness-verdicts, no boot) logs in which a test is missing, skipped
# or miscounted, and "out": make run OUT=dir brings files home.
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

# boot NAME MEM KARGS SWAPDRIVE GROUP [SWAPSIZE [SWAP2SIZE [ENV [GENV]]]]:
# GROUP is a runner group (runtests -g GROUP), or - for the default
# suite; SWAP2SIZE (- for none) adds a second swap disk; ENV is more
# settings for tests/qemu.sh, such as "DISK=virtio NOSWAP=1"; GENV is
# set in the runner's environment in the guest.
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
	run=runtests
	[ "$5" = "-" ] || run="runtests -g $5"
	[ -z "$9" ] || run="$9 $run"
	cmd="echo '==== runtests -l' && runtests -l && echo '==== end of list'"
	cmd="$cmd && $run"
	echo "==> boot $name: $run"
	# shellcheck disable=SC2086
	env B="$B" MEM="$2" KARGS="$3" SWAPIMG="$img" SWAP2IMG="$img2" \
	    SWAPDRIVE="$drive" CMD="$cmd" TIMEOUT="$TIMEOUT" $8 \
	    sh tests/qemu.sh log "$log"
	rc=$?
	sh tests/verdicts.sh "$log" "$5" > "$res"
	cat "$res"
	grep -a -E '^panic|^fatal trap' "$log" | tr -d '\r'
	case $rc in
	0)	echo "PASS boot-$name" >> "$res"; echo "PASS boot-$name" ;;
	1)	fail_boot "$name" "the guest command failed" ;;
	2)	fail_boot "$name" "kernel panic (see $log)" ;;
	3)	fail_boot "$name" "timed out after ${TIMEOUT}s (see $log)" ;;
	5)	fail_boot "$name" "QEMU exited without a verdict: the guest \
reset (see $log)" ;;
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
harness harness-reset 5 60 "runtests -C reset" "runtests: resetting"

# harness-verdicts: tests/verdicts.sh and tests/summary.sh, on made-up
# logs of a group "g" of two tests, alpha and beta.  Each case is a
# name, the log's verdict lines ("|" for newlines) and a pattern the
# checker's output must match (!pattern: must not match); a skip must
# also make summary.sh fail.
verdict_case() {
	d=$T/harness-verdicts.cases
	mkdir -p "$d/sum"
	if [ "$1" != nolist ]; then
		echo "==== runtests -l"
		echo "alpha                  the first [-g g]"
		echo "beta                   the second [-g g]"
		echo "gamma                  in the default suite"
		echo "==== end of list"
	fi > "$d/$1.log"
	printf '%s\n' "$2" | tr '|' '\n' >> "$d/$1.log"
	sh tests/verdicts.sh "$d/$1.log" g > "$d/$1.results"
	case $3 in
	!*)	! grep -q -E "${3#!}" "$d/$1.results" ;;
	*)	grep -q -E "$3" "$d/$1.results" ;;
	esac || vfail="$vfail $1"
	[ "$1" = skipped ] || return
	rm -f "$d/sum/"*
	cp "$d/$1.results" "$d/sum/skipped.results"
	if sh tests/summary.sh "$d/sum" > "$d/summary.out" 2>&1 ||
	    ! tail -1 "$d/summary.out" | grep -q ', 1 skipped$'; then
		vfail="$vfail skip-summary"
	fi
}
vfail=
ok='PASS alpha|PASS beta|PASS leak-check'
verdict_case good "$ok|3 passed, 0 failed" '!^FAIL'
verdict_case missing "PASS alpha|PASS leak-check|2 passed, 0 failed" \
    '^FAIL beta: no verdict'
verdict_case skipped "PASS alpha|SKIP beta: why|PASS leak-check|2 passed, \
0 failed, 1 skipped" '^SKIP beta: why'
verdict_case miscount "$ok|4 passed, 0 failed" '^FAIL runtests-summary'
verdict_case nofinal "$ok" '^FAIL runtests-summary'
verdict_case unlisted "$ok|PASS gamma|4 passed, 0 failed" '^FAIL gamma: '
verdict_case twice "$ok|PASS beta|4 passed, 0 failed" '^FAIL beta: 2 verdicts'
verdict_case nolist "$ok|3 passed, 0 failed" '^FAIL runtests-list'
verdict_case nocheck "PASS alpha|PASS beta|2 passed, 0 failed" \
    '^FAIL leak-check: no verdict'
if [ -z "$vfail" ]; then
	echo "PASS harness-verdicts" | tee "$T/harness-verdicts.results"
else
	echo "FAIL harness-verdicts: the checker missed:$vfail (see" \
	    "$T/harness-verdicts.cases)" | tee "$T/harness-verdicts.results"
fi
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

boot main 64M "" - -
# The disk group: the second disk (wd1 or vd1) becomes the only swap.
case ${DISK:-ide} in
ide)	boot disk 64M "mem=16M" - disk 64M 32M "NOSWAP=1 DISK=ide" \
	    RUNTESTS_DISK_METHOD=dma
	boot disk-virtio 64M "mem=16M" - disk 64M 32M \
	    "NOSWAP=1 DISK=virtio" RUNTESTS_DISK_METHOD=virtio ;;
virtio)	boot disk 64M "mem=16M" - disk 64M 32M "NOSWAP=1 DISK=virtio" \
	    RUNTESTS_DISK_METHOD=virtio ;;
esac
boot disk-pio 64M "mem=16M wd.pio=1" - disk 64M 32M "NOSWAP=1 DISK=ide" \
    RUNTESTS_DISK_METHOD=pio
# 64 MiB of swap: enough for three times 16 MiB, and small enough that
# swap-oom fills it quickly.
boot swap 64M "mem=16M" - swap 64M
boot eio-write 64M "mem=16M" "blkdebug:@T@/eio-write.conf:@IMG@" \
    eio-write 64M
boot eio-read 64M "mem=16M" "blkdebug:@T@/eio-read.conf:@IMG@" \
    eio-read 64M
boot swapoff-eio 64M "mem=16M" "blkdebug:@T@/eio-read.conf:@IMG@" \
    swapoff-eio 64M
# 128 MiB of swap: with the fix off, hidden swap only grows.
boot leak 64M "mem=16M" - leak
boot hidden 64M "mem=16M" - hidden 64M
# swapoff with chains on the device, under load, and its errors.
boot swapoff 64M "mem=16M" - swapoff 64M
# /tmp filled past memory (24 MiB of files, 16 MiB of RAM): to swap.
boot tmpfs 64M "mem=16M tmpfs=24M" - tmpfs 64M
# Collapse under fire: vm-test and a hog for 2 minutes, the fix on.
boot fire 64M "mem=16M" - fire
# All of memory (t_bigmem.c): 1.5 GiB that cannot be paged, at 2 GiB;
# vm-test at 1 GiB, paging by the disk of DISK, and by PIO.
boot bigmem 2G "" - bigmem 16M - NOSWAP=1
boot mem1g 1G "" - mem1g
boot mem1g-pio 1G "wd.pio=1" - mem1g-pio 64M - DISK=ide
# The README's walkthrough, typed as written (tests/walkthrough.sh).
TIMEOUT=$TIMEOUT sh tests/walkthrough.sh "$B"

# time(1) counts guest instructions under QEMU's -icount shift=0 when
# the kernel is told so (icount=0, as make bench does): a loop of 200
# shell iterations must take more of them than `true', and both some.
icount_time() {
	log=$T/icount-time.log
	img=$T/icount-time.swap.img
	truncate -s 16M "$img"
	B=$B MEM=32M KARGS=icount=0 SWAPIMG=$img NOSWAP=1 TIMEOUT=$TIMEOUT \
	    QEMU_EXTRA="-icount shift=0,align=off,sleep=on" \
	    CMD='time -p true; time -p sh -c "i=0; while [ \$i -lt 200 ]; do i=\$((i + 1)); done"' \
	    sh tests/qemu.sh log "$log" 2>/dev/null
	rc=$?
	rm -f "$img"
	set -- $(tr -d '\r' < "$log" | sed -n 's/^instructions \([0-9]*\)$/\1/p')
	if [ "$rc" = 0 ] && [ $# = 2 ] && [ "$1" -gt 1000 ] &&
	    [ "$2" -gt "$1" ]; then
		echo "PASS icount-time" | tee "$T/icount-time.results"
		echo "  (true: $1 instructions, 200 loops: $2)"
	else
		echo "FAIL icount-time: status $rc, instructions [$*] (see" \
		    "$log)" | tee "$T/icount-time.results"
	fi
}
icount_time
# 8 MiB of swap, so that memory and swap run out fast (cow-oom); the
# killer must say on the console whom it killed and why.
boot oom 64M "mem=16M" - oom 8M
if grep -a -q -E '^pid [0-9]+ \(runtests\) killed: out of memory' \
    "$T/oom.log"; then
	echo "PASS oom-logged" | tee -a "$T/oom.results"
else
	echo "FAIL oom-logged: no out-of-memory kill on the console" |
	    tee -a "$T/oom.results"
fi
exit 0
