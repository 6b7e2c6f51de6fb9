#!/bin/sh
# chains.sh BUILDDIR: `make chains'.  One boot (mem=16M, swap), in which
# maild serves REQUESTS requests (default 60; every PUSH-th, default 5,
# pushes it to swap) with vm.collapse_pagers=0, stays alive (maild -w)
# while `vmobjdump -d' draws its map entries and chains as a Graphviz
# graph, and is killed; then the same with vm.collapse_pagers=1.  Each
# graph is printed on the console between marker lines, cut out here
# into BUILDDIR/chains-off.dot and chains-on.dot, and rendered by dot(1)
# as BUILDDIR/chains-off.svg and chains-on.svg.  Graphviz is installed
# first if missing (tests/need.sh).  The console is kept in
# BUILDDIR/chains/chains.log.
B=${1:-build}
: "${REQUESTS:=60}" "${PUSH:=5}"
out=$B/chains
mkdir -p "$out"
log=$out/chains.log

sh tests/need.sh dot graphviz || exit 1

# One run of maild: it idles in pause(2) once its requests are done,
# which ps shows as its wait channel; then it is drawn and killed.
run() {
	cat <<EOF
sysctl -w vm.collapse_pagers=$1
maild -n $REQUESTS -i 0 -c 1 -p $PUSH -s $REQUESTS -w &
while [ "\$(ps -o wchan= -p \$!)" != pause ]; do sleep 1; done
vmobjdump -s \$!
echo "=== dot collapse_pagers=$1"
vmobjdump -d \$!
echo "=== end"
kill \$!; wait
EOF
}
cmd="$(run 0)
$(run 1)"

truncate -s 128M "$out/swap.img"
echo "==> one boot, mem=16M: maild's chains after $REQUESTS requests," \
    "with the fix off, then on"
B=$B MEM=64M KARGS=mem=16M SWAPIMG=$out/swap.img CMD=$cmd TIMEOUT=900 \
    sh tests/qemu.sh log "$log"
rc=$?
rm -f "$out/swap.img"
if [ $rc -ne 0 ]; then
	echo "chains: the boot failed (status $rc); see $log" >&2
	exit 1
fi

status=0
for fix in 0 1; do
	case $fix in
	0)	name=chains-off ;;
	1)	name=chains-on ;;
	esac
	tr -d '\r' < "$log" | awk -v m="=== dot collapse_pagers=$fix" '
	    $0 == m { on = 1; next } on && $0 == "=== end" { exit }
	    on { print }' > "$B/$name.dot"
	if ! grep -q '^digraph vmobjdump {' "$B/$name.dot"; then
		echo "chains: no graph for collapse_pagers=$fix; see $log" >&2
		status=1
		continue
	fi
	if dot -Tsvg -o "$B/$name.svg" "$B/$name.dot"; then
		echo "chains: $B/$name.svg ($(grep -c '^  o[0-9]* \[' \
		    "$B/$name.dot") objects)"
	else
		echo "chains: dot failed on $B/$name.dot" >&2
		status=1
	fi
done
tr -d '\r' < "$log" | grep -E '^ *PID ENTRIES|maild$' 
exit $status
