#!/bin/sh
#
# tests/mutants/run.sh [BUILD] [NAME...]: `make mutants'.  Plants, one at
# a time, each bug of tests/mutants/*.patch (or only the NAMEs given) in
# a scratch copy of sys/vm under BUILD/mutants (the checkout's files are
# never touched), runs the fast tests that should catch it, and prints
#
#	mutant NAME: killed by TEST		(and, indented, why)
#	mutant NAME: SURVIVED			(no test noticed the bug)
#	mutant NAME: STALE			(the patch no longer applies)
#	mutant NAME: BROKEN			(it does not build)
#
# then "N killed, N survived" (and the stale and broken, if any).  The
# exit status is 0 only if every mutant was killed.
#
# A patch is a unified diff (patch -p1) of sys/vm/*.c only, after a
# header: "Bug: " and one line saying what bug it stands for; optionally
# "Guest: TEST [KARGS]", a guest test of tests/guest that catches it
# where the host model cannot.  It applies with patch's fuzz (a few
# lines of context move with the code); one that does not apply is
# STALE, a failure: refresh it against the new code.
#
# The tests, in order, stopping at the first that fails:
#	vmhost -u	swap_pager_copy's unit tests
#	vmhost		the host model (tests/vmhost) as make test runs it
#			(-H), the same MUTANT_SEEDS seeds (16), shorter:
#			MUTANT_STEPS steps (20000), sanitized
#	guest		for a patch with a Guest line, only if the host model
#			did not catch it: the kernel and userland are built
#			in a scratch copy of the tree and TEST runs in one
#			boot (mem and swap as tests/guest.sh gives it)
# Before any mutant, the unpatched tree must pass the same tests.
set -u

B=${1:-build}
[ $# -gt 0 ] && shift
M=$B/mutants
T=tests/mutants
SEEDS=${MUTANT_SEEDS:-16}
STEPS=${MUTANT_STEPS:-20000}
LIMIT=${MUTANT_TIMEOUT:-900}		# seconds for one run of a test
if command -v timeout >/dev/null 2>&1; then
	TMO="timeout $LIMIT"
else
	TMO=
fi

killed=0
survived=0
stale=0
broken=0

# vmhost_tests DIR: run the host tests on DIR/vmhost/vmhost.  Sets
# `test' and `why' to the first failing test and its last line, and
# returns 1; returns 0 if all passed.
vmhost_tests() {
	bin=$1/vmhost/vmhost
	if ! $TMO "$bin" -u >"$1/unit.out" 2>&1; then
		test="vmhost -u"
		why=$(tail -n 1 "$1/unit.out")
		return 1
	fi
	$TMO "$bin" -H -q -x -S "$SEEDS" -s 1 -n "$STEPS" >"$1/model.out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && return 0
	why=$(grep -v '^ *$' "$1/model.out" | tail -n 1)
	seed=$(printf '%s\n' "$why" | sed -n 's/^seed \([0-9]*\) .*/\1/p')
	if [ $rc -eq 124 ]; then
		test="vmhost (timed out after ${LIMIT}s: a hang)"
	elif [ -n "$seed" ]; then
		test="vmhost seed $seed"
		why=${why#seed $seed }
	else
		test="vmhost"
	fi
	san='runtime error:\|ERROR: AddressSanitizer'
	grep -q "$san" "$1/model.out" &&
	    why="sanitizer: $(grep -m 1 "$san" "$1/model.out")"
	return 1
}

# guest_tree: build the unpatched kernel and userland once, in a copy of
# the tree (without build/ and .git), for the mutants that need a boot.
guest_tree() {
	[ -f "$M/tree/b/kernel" ] && return 0
	rm -rf "$M/tree"
	mkdir -p "$M/tree" || return 1
	tar -cf - --exclude=./build --exclude=./.git --exclude="./$B" . |
	    tar -xf - -C "$M/tree" || return 1
	echo "(building the kernel and userland for the guest tests)"
	make -C "$M/tree" B=b -j2 all >"$M/tree.log" 2>&1
}

# guest_test DIR PATCH TEST [KARGS]: TEST in one boot of the patched
# tree; sets test and why and returns 1 if it failed.
guest_test() {
	dir=$1 patchf=$2 gtest=$3 kargs=${4:-}
	if ! guest_tree; then
		test="guest $gtest (the unpatched tree does not build: see" \
		    "$M/tree.log)"
		why=
		return 2
	fi
	rm -rf "$dir/tree"
	if ! cp -a "$M/tree" "$dir/tree" ||
	    ! patch -p1 -d "$dir/tree" -s -N --fuzz=2 \
	    --no-backup-if-mismatch <"$patchf" >>"$dir/patch.log" 2>&1; then
		test="guest $gtest (cannot patch a copy of the tree: see" \
		    "$dir/patch.log)"
		return 2
	fi
	if ! make -C "$dir/tree" B=b -j2 all >"$dir/tree.log" 2>&1; then
		test="guest $gtest (does not build: see $dir/tree.log)"
		why=
		return 2
	fi
	truncate -s 64M "$dir/swap.img"
	(cd "$dir/tree" && B=b MEM=64M KARGS=$kargs SWAPIMG=../swap.img \
	    CMD="runtests $gtest" TIMEOUT=$LIMIT sh tests/qemu.sh log \
	    ../guest.log) >/dev/null 2>&1
	rc=$?
	rm -f "$dir/swap.img"
	[ $rc -eq 0 ] && return 0
	test="guest $gtest"
	why=$(grep -a -m 1 -E '^FAIL |^panic' "$dir/guest.log" | tr -d '\r')
	[ -n "$why" ] ||
	    why="the boot ended with status $rc (see $dir/guest.log)"
	return 1
}

# The unpatched tree first: a mutant is only killed if the same tests
# pass without it.
rm -rf "$M"
mkdir -p "$M/base-src/sys" || exit 2
cp -a sys/vm "$M/base-src/sys/vm" || exit 2
if ! VMSRC=$M/base-src/sys/vm sh tests/vmhost/build.sh "$M/base" san; then
	echo "make mutants: the unpatched sys/vm does not build for the" \
	    "host (see $M/base/vmhost/build.log)" >&2
	exit 2
fi
if ! vmhost_tests "$M/base"; then
	echo "make mutants: the unpatched tree fails $test: $why" >&2
	exit 2
fi

if [ $# -gt 0 ]; then
	patches=
	for n in "$@"; do
		[ -f "$T/$n.patch" ] || { echo "make mutants: no mutant" \
		    "$n ($T/$n.patch)" >&2; exit 2; }
		patches="$patches $T/$n.patch"
	done
else
	patches=$(ls "$T"/*.patch)
fi

for p in $patches; do
	name=$(basename "$p" .patch)
	dir=$M/$name
	note=$(sed -n '1s/^Bug: //p' "$p")
	guest=$(sed -n '2s/^Guest: //p' "$p")
	if [ -z "$note" ]; then
		echo "mutant $name: BROKEN (no \"Bug: \" line first in $p)"
		broken=$((broken + 1))
		continue
	fi
	if grep '^+++ ' "$p" | grep -v -q '^+++ b/sys/vm/[a-z_]*\.c'; then
		echo "mutant $name: BROKEN (it may patch sys/vm/*.c only)"
		broken=$((broken + 1))
		continue
	fi
	mkdir -p "$dir/src/sys"
	cp -a "$M/base-src/sys/vm" "$dir/src/sys/vm"
	if ! patch -p1 -d "$dir/src" -s -N --fuzz=2 --no-backup-if-mismatch \
	    <"$p" >"$dir/patch.log" 2>&1; then
		echo "mutant $name: STALE (the patch no longer applies to" \
		    "sys/vm: refresh $p; see $dir/patch.log)"
		stale=$((stale + 1))
		continue
	fi
	cp -a "$M/base/vmhost" "$dir/vmhost"
	if ! VMHOST_REUSE=1 VMSRC=$dir/src/sys/vm sh tests/vmhost/build.sh \
	    "$dir" san; then
		echo "mutant $name: BROKEN (does not build: see" \
		    "$dir/vmhost/build.log)"
		broken=$((broken + 1))
		continue
	fi
	if ! vmhost_tests "$dir"; then
		echo "mutant $name: killed by $test"
		echo "    ($note) $why" | cut -c 1-240
		killed=$((killed + 1))
		continue
	fi
	if [ -n "$guest" ]; then
		# shellcheck disable=SC2086
		guest_test "$dir" "$p" $guest
		case $? in
		1)	echo "mutant $name: killed by $test"
			echo "    ($note) $why" | cut -c 1-240
			killed=$((killed + 1))
			continue ;;
		2)	echo "mutant $name: BROKEN ($test)"
			broken=$((broken + 1))
			continue ;;
		esac
	fi
	echo "mutant $name: SURVIVED ($note)"
	survived=$((survived + 1))
done

[ $stale -eq 0 ] || echo "$stale mutants no longer apply"
[ $broken -eq 0 ] || echo "$broken mutants are broken"
echo "$killed killed, $survived survived"
[ $survived -eq 0 ] && [ $stale -eq 0 ] && [ $broken -eq 0 ]
