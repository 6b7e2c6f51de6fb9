#!/bin/sh
# soak.sh BUILDDIR NAME CMD: one long boot for `make soak-fuzz' and
# `make soak-vm-guest'.  Boots Umbra with mem=16M and a 64 MiB swap disk
# of its own (so that everything pages), with CMD as init's command,
# shows the console as it goes, keeps it in BUILDDIR/soak-NAME.log, and
# ends with the guest's verdict:
#	PASS soak-NAME			the command exited 0
#	FAIL soak-NAME: <why>		a panic, a timeout, a failing status
# The exit status is 0 for PASS, 1 for FAIL.  SOAK_TIMEOUT (seconds,
# default 4 hours) bounds the boot; SOAK_SWAP2=SIZE adds a second swap
# disk (/dev/wd1).
B=${1:?usage: soak.sh BUILDDIR NAME CMD}
name=${2:?usage: soak.sh BUILDDIR NAME CMD}
cmd=${3:?usage: soak.sh BUILDDIR NAME CMD}
log=$B/soak-$name.log
img=$B/soak-$name.swap.img
: "${SOAK_TIMEOUT:=14400}"

img2=
rm -f "$log" "$img"
truncate -s 64M "$img" || exit 1
if [ -n "$SOAK_SWAP2" ]; then
	img2=$B/soak-$name.swap2.img
	rm -f "$img2"
	truncate -s "$SOAK_SWAP2" "$img2" || exit 1
fi
: > "$log"
echo "==> soak $name: $cmd (console in $log)"
start=$(date +%s)
B=$B MEM=64M KARGS=mem=16M SWAPIMG=$img SWAP2IMG=$img2 CMD=$cmd \
    TIMEOUT=$SOAK_TIMEOUT sh tests/qemu.sh log "$log" &
qpid=$!
# The fuzzer's processes die by the thousand, each with a console line:
# those stay in the log only.
deaths='(Segmentation fault|Bus error|Illegal instruction|Trace/BPT trap'
deaths="$deaths|Floating point exception) at address"
tail -n +1 -f --pid=$qpid "$log" | tr -d '\r' |
    grep -a --line-buffered -v -E "$deaths"
wait $qpid
rc=$?
rm -f "$img" $img2
secs=$(($(date +%s) - start))
case $rc in
0)	echo "PASS soak-$name ($secs s)"; exit 0 ;;
1)	why="the guest command failed" ;;
2)	why="kernel panic" ;;
3)	why="timed out after ${SOAK_TIMEOUT}s" ;;
*)	why="QEMU failed" ;;
esac
echo "FAIL soak-$name: $why after $secs s (see $log)"
exit 1
