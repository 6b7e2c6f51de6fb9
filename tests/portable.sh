#!/bin/sh
# portable.sh BUILDDIR: the portable-program half of `make test'.
#
# tests/portable/*.c are C programs written the way outside code is
# (feature-test macros, #ifdef __linux__ branches that must not be
# taken, alarm timeouts, getopt_long, signals, uname, sysconf,
# getrusage).  Each is compiled and linked with exactly the commands
# the Makefile uses for EXTRA_PROGS, which it passes in the environment
# (CC, UCFLAGS, LD, LDFLAGS_USER, CRT0, LIBC); UCFLAGS makes calling an
# undeclared function an error.  The programs that build are added
# under /usr/tests/portable to a copy of the root ramdisk, and one boot
# runs them all.  Results, in BUILDDIR/test/portable.results:
#	PASS|FAIL portable-build/NAME	compiled and linked, or why not
#	PASS|FAIL portable/NAME: ...	each check a program made
#	PASS|FAIL portable-exit/NAME	it ran and exited 0, or how not
#	PASS|FAIL portable-macros/CC	for gcc and for clang (those this
#		machine has), UMBRA_DEFS leave no Linux macro and define
#		__Umbra__, __unix__ and __unix
#	PASS|FAIL boot-portable		the boot itself
# The console log is BUILDDIR/test/portable.log.
B=${1:-build}
T=$B/test
P=$B/portable
: "${TIMEOUT:=300}"
for v in CC UCFLAGS UMBRA_DEFS LD LDFLAGS_USER CRT0 LIBC; do
	eval "[ -n \"\${$v}\" ]" || {
		echo "portable.sh: $v is not set (run it with make test)" >&2
		exit 2
	}
done
rm -rf "$P"
mkdir -p "$T" "$P/obj" "$P/root/usr/tests/portable"
res=$T/portable.results
: > "$res"

report() {
	echo "$1" | tee -a "$res"
}

# The compilers' predefined macros under UMBRA_DEFS.
for cc in gcc clang; do
	if ! command -v "$cc" > /dev/null 2>&1; then
		echo "portable.sh: no $cc here, its macros go unchecked" >&2
		continue
	fi
	# shellcheck disable=SC2086
	defs=$("$cc" -m32 -std=gnu11 $UMBRA_DEFS -dM -E -x c /dev/null 2>&1)
	bad=$(printf '%s\n' "$defs" | awk '$1 == "#define" &&
	    ($2 ~ /linux/ || $2 == "unix") { printf " %s", $2 }')
	miss=
	for m in __Umbra__ __unix__ __unix; do
		printf '%s\n' "$defs" | grep -q "^#define $m " || miss="$miss $m"
	done
	if [ -z "$bad$miss" ]; then
		report "PASS portable-macros/$cc"
	else
		report "FAIL portable-macros/$cc: defined:$bad; missing:$miss"
	fi
done

progs=
for src in tests/portable/*.c; do
	name=$(basename "$src" .c)
	log=$P/$name.log
	# shellcheck disable=SC2086
	if $CC $UCFLAGS -c -o "$P/obj/$name.o" "$src" > "$log" 2>&1 &&
	    $LD $LDFLAGS_USER -o "$P/root/usr/tests/portable/$name" \
	    "$CRT0" "$P/obj/$name.o" "$LIBC" >> "$log" 2>&1; then
		report "PASS portable-build/$name"
		progs="$progs $name"
	else
		why=$(grep -m 1 -E 'error|undefined' "$log")
		report "FAIL portable-build/$name: ${why:-failed} (see $log)"
	fi
done
[ -n "$progs" ] || exit 0

cp "$B/root.tar" "$P/root.tar" &&
    tar --format=ustar --owner=0 --group=0 --numeric-owner \
    -C "$P/root" -rf "$P/root.tar" ./usr || {
	report "FAIL boot-portable: cannot build its ramdisk"
	exit 0
}
cmd="for p in$progs; do /usr/tests/portable/\$p; echo \"portable-exit \$p \$?\"; done"
log=$T/portable.log
img=$P/swap.img
truncate -s 16M "$img"
echo "==> boot portable: $cmd"
B=$B ROOT=$P/root.tar MEM=64M SWAPIMG=$img CMD=$cmd TIMEOUT=$TIMEOUT \
    sh tests/qemu.sh log "$log"
rc=$?
rm -f "$img"
tr -d '\r' < "$log" | grep -a -E '^(PASS|FAIL) portable/' | tee -a "$res"
for p in $progs; do
	st=$(tr -d '\r' < "$log" | sed -n "s/^portable-exit $p //p")
	if [ "$st" = 0 ]; then
		report "PASS portable-exit/$p"
	else
		[ -n "$st" ] && st="exit status $st" || st="never finished"
		report "FAIL portable-exit/$p: $st (see $log)"
	fi
done
if [ "$rc" = 0 ]; then
	report "PASS boot-portable"
else
	report "FAIL boot-portable: tests/qemu.sh said $rc (see $log)"
fi
exit 0
