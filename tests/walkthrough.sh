#!/bin/sh
# walkthrough.sh BUILDDIR: the README's walkthrough ("The leak, and the
# fix"), typed exactly as written, checked.  Part of `make test' (called
# by tests/guest.sh); its PASS/FAIL lines go to BUILDDIR/test/
# walkthrough.results and the console to BUILDDIR/test/walkthrough.log.
#
# The lines are taken from the README itself: in that section, every
# indented line that starts with the prompt "# " is a command, in order
# (the host's `make run KARGS=mem=16M' line gives the boot's kernel
# arguments).  They run as the boot's command, one shell reading them
# all, as a person would type them.  Then, from the console:
#	walkthrough-leak	before the fix, maild's deepest chain is
#				longer than 10 objects and it hides swap
#	walkthrough-refused	vm.stats.object.refused_pager is not 0
#	walkthrough-fix		after the fix, its chain is 2 deep and
#				nothing is hidden
#	walkthrough-swap	swap in use fell when the fix came on
#	walkthrough-ps		ps -o shows maild with more swap than the
#				6 MiB it can see, by a quarter at least
#				(7680 KiB: its hidden swap counts too)
#	walkthrough-integrity	maild, killed, found its memory intact
#	boot-walkthrough	the boot ended, every command done
B=${1:-build}
T=$B/test
mkdir -p "$T"
log=$T/walkthrough.log
res=$T/walkthrough.results
img=$T/walkthrough.swap.img
rm -f "$log" "$res" "$img"

# The section's commands, and the kernel arguments of its make run.
section=$(awk '/^The leak, and the fix$/ { on = 1; getline; next }
    on && /^-+$/ { exit } on { print }' README)
cmd=$(printf '%s\n' "$section" | sed -n 's/^    # //p')
kargs=$(printf '%s\n' "$section" |
    sed -n 's/^    make run KARGS=\([^ ]*\).*/\1/p' | head -n 1)

report() {
	echo "$*" | tee -a "$res"
}

if [ -z "$cmd" ] || [ -z "$kargs" ]; then
	report "FAIL boot-walkthrough: no commands or no make run line in" \
	    "the README's \"The leak, and the fix\""
	exit 0
fi
echo "==> boot walkthrough: the README's $(printf '%s\n' "$cmd" |
    wc -l | tr -d ' ') commands, KARGS=$kargs"

truncate -s 128M "$img"
B=$B MEM=64M KARGS=$kargs SWAPIMG=$img CMD=$cmd TIMEOUT=${TIMEOUT:-600} \
    sh tests/qemu.sh log "$log"
rc=$?
rm -f "$img"
txt=$T/walkthrough.txt
tr -d '\r' < "$log" > "$txt"

# The lines of `vmobjdump -s': the first is before the fix, the second
# after; fields: PID ENTRIES OBJECTS DEPTH VIS RES SWP HRES HSWP COMMAND.
sums=$(awk '/^  PID ENTRIES OBJECTS DEPTH/ { getline; print }' "$txt")
before=$(printf '%s\n' "$sums" | sed -n 1p)
after=$(printf '%s\n' "$sums" | sed -n 2p)
field() {
	printf '%s\n' "$1" | awk -v f="$2" '{ print $f }'
}

d=$(field "$before" 4)
h=$(field "$before" 9)
if [ -n "$d" ] && [ "$d" -gt 10 ] && [ "$h" -gt 0 ]; then
	report "PASS walkthrough-leak"
else
	report "FAIL walkthrough-leak: before the fix, vmobjdump -s gave" \
	    "[$before] (see $log)"
fi

r=$(sed -n 's/^vm\.stats\.object\.refused_pager: \([0-9]*\)$/\1/p' "$txt" |
    head -n 1)
if [ -n "$r" ] && [ "$r" -gt 0 ]; then
	report "PASS walkthrough-refused"
else
	report "FAIL walkthrough-refused: vm.stats.object.refused_pager" \
	    "is [$r] (see $log)"
fi

d=$(field "$after" 4)
h=$(field "$after" 9)
if [ "$d" = 2 ] && [ "$h" = 0 ]; then
	report "PASS walkthrough-fix"
else
	report "FAIL walkthrough-fix: after the fix, vmobjdump -s gave" \
	    "[$after] (see $log)"
fi

# swapctl -l: the "Used" pages of the swap disk (/dev/wd0, or /dev/vd0
# under DISK=virtio), before and after the fix.
used=$(awk '$1 ~ /^\/dev\// { print $NF }' "$txt")
u1=$(printf '%s\n' "$used" | sed -n 1p)
u2=$(printf '%s\n' "$used" | sed -n 2p)
if [ -n "$u1" ] && [ -n "$u2" ] && [ "$u2" -lt "$u1" ]; then
	report "PASS walkthrough-swap"
else
	report "FAIL walkthrough-swap: swap in use went from [$u1] to" \
	    "[$u2] pages (see $log)"
fi

# ps -o pid,vsz,anon,swap,comm: maild's line.
set -- $(awk '$1 == "PID" && $2 == "VSZ" { getline; print; exit }' "$txt")
if [ $# = 5 ] && [ "$5" = maild ] && [ "$4" -gt 7680 ]; then
	report "PASS walkthrough-ps"
else
	report "FAIL walkthrough-ps: ps -o gave [$*] for maild (see $log)"
fi

if grep -q '^maild: [0-9]* requests, 0 failed, integrity ok$' "$txt"; then
	report "PASS walkthrough-integrity"
else
	report "FAIL walkthrough-integrity: maild did not end with" \
	    "\"integrity ok\" (see $log)"
fi

if [ "$rc" = 0 ]; then
	report "PASS boot-walkthrough"
else
	report "FAIL boot-walkthrough: tests/qemu.sh ended with $rc (see $log)"
fi
rm -f "$txt"
exit 0
