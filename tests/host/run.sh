#!/bin/sh
#
# tests/host/run.sh [BUILD]: build and run the host unit tests.
#
# Run from the top of the tree; BUILD is the build directory (default
# build), under which the tests are built in BUILD/host-tests.  Pieces
# of sys/libkern and lib/libc are compiled for this machine (x86-64,
# glibc) with -fsanitize=address,undefined, their symbols renamed so
# that they do not replace the host's own (-D for libkern, whose shim
# <sys/types.h> is in tests/host/include; objcopy --redefine-sym for
# libc, which is built against the host's headers), and linked with a
# test program that compares them with the host C library.
#
# One line per test: "PASS name" or "FAIL name: reason"; the exit
# status is non-zero if any test failed.  Without a sanitizer runtime
# the tests run without it, after a note on stderr.  Set HOSTCC to use
# another compiler.

set -u

B=${1:-build}
O=$B/host-tests
T=tests/host
HOSTCC=${HOSTCC:-gcc}
CFLAGS="-std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
SAN="$SAN -fno-omit-frame-pointer"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS

mkdir -p "$O" || exit 1
failed=0

printf 'int main(void) { return 0; }\n' > "$O/probe.c"
if ! $HOSTCC $SAN "$O/probe.c" -o "$O/probe" >/dev/null 2>&1 ||
    ! "$O/probe" >/dev/null 2>&1; then
	echo "tests/host/run.sh: no sanitizer runtime for $HOSTCC;" \
	    "testing without -fsanitize" >&2
	SAN=
fi
if command -v timeout >/dev/null 2>&1; then
	TIMEOUT=timeout
else
	TIMEOUT=
fi

# cc OUT SRC [FLAGS...]: compile SRC to the object OUT.
cc() {
	out=$1
	src=$2
	shift 2
	$HOSTCC $CFLAGS $SAN "$@" -c "$src" -o "$out" >>"$log" 2>&1
}

# rename OBJ SYM...: rename each SYM defined or used in OBJ to umbra_SYM.
rename() {
	obj=$1
	shift
	args=
	for s in "$@"; do
		args="$args --redefine-sym $s=umbra_$s"
	done
	objcopy $args "$obj" >>"$log" 2>&1
}

# link NAME OBJ...: link the test program NAME.
link() {
	name=$1
	shift
	$HOSTCC $CFLAGS $SAN "$@" -lm -o "$O/$name" >>"$log" 2>&1
}

# run NAME [SECONDS]: run the built test (for at most SECONDS, 120 by
# default) and report it.
run() {
	name=$1
	${TIMEOUT:+$TIMEOUT ${2:-120}} "$O/$name" >"$O/$name.out" 2>&1 \
	    </dev/null
	st=$?
	if [ $st -eq 0 ]; then
		echo "PASS $name"
		return
	fi
	failed=1
	if [ $st -eq 124 ] && [ -n "$TIMEOUT" ]; then
		reason="timed out"
	else
		reason=$(grep -v '^ *$' "$O/$name.out" | tail -n 1)
		[ -n "$reason" ] || reason="exit status $st"
		first=$(grep -m 1 '^mismatch: ' "$O/$name.out")
		[ -n "$first" ] && reason="$reason, first ${first#mismatch: }"
		grep -q 'runtime error:\|ERROR: AddressSanitizer' \
		    "$O/$name.out" && reason="sanitizer: $(grep -m 1 \
		    'runtime error:\|ERROR: AddressSanitizer' "$O/$name.out")"
	fi
	echo "FAIL $name: $reason (see $O/$name.out)"
}

# host_test NAME BUILD-FUNCTION [SECONDS]: build with the function,
# then run (for at most SECONDS).
host_test() {
	name=$1
	log=$O/$name.log
	: >"$log"
	if ! $2; then
		failed=1
		echo "FAIL $name: does not build (see $log)"
		return
	fi
	run "$name" "${3:-}"
}

build_libkern_qdivrem() {
	cc "$O/qdivrem.o" sys/libkern/qdivrem.c -fno-builtin -I$T/include \
	    -D__qdivrem=kern_qdivrem -D__udivdi3=kern_udivdi3 \
	    -D__umoddi3=kern_umoddi3 -D__divdi3=kern_divdi3 \
	    -D__moddi3=kern_moddi3 -D__udivmoddi4=kern_udivmoddi4 \
	    -D__divmoddi4=kern_divmoddi4 &&
	cc "$O/libkern_qdivrem.o" $T/libkern_qdivrem.c -I$T &&
	link libkern_qdivrem "$O/libkern_qdivrem.o" "$O/qdivrem.o"
}

build_libkern_string() {
	defs=
	for f in memcpy memmove memset memcmp memchr strlen strnlen strcmp \
	    strncmp strchr strrchr strlcpy strlcat; do
		defs="$defs -D$f=kern_$f"
	done
	cc "$O/string.o" sys/libkern/string.c -fno-builtin \
	    -fno-tree-loop-distribute-patterns -I$T/include $defs &&
	cc "$O/libkern_string.o" $T/libkern_string.c -I$T &&
	link libkern_string "$O/libkern_string.o" "$O/string.o"
}

build_libc_printf() {
	cc "$O/doprnt.o" lib/libc/stdio/doprnt.c &&
	cc "$O/snprintf.o" lib/libc/stdio/snprintf.c &&
	rename "$O/snprintf.o" snprintf vsnprintf sprintf vsprintf &&
	cc "$O/libc_printf.o" $T/libc_printf.c -I$T &&
	link libc_printf "$O/libc_printf.o" "$O/doprnt.o" "$O/snprintf.o"
}

build_libc_scanf() {
	cc "$O/doscan.o" lib/libc/stdio/doscan.c &&
	cc "$O/vsscanf.o" lib/libc/stdio/vsscanf.c &&
	objcopy --redefine-sym __isoc99_sscanf=umbra_sscanf \
	    --redefine-sym __isoc99_vsscanf=umbra_vsscanf "$O/vsscanf.o" &&
	rename "$O/vsscanf.o" sscanf vsscanf &&
	cc "$O/libc_scanf.o" $T/libc_scanf.c -I$T -Wno-format &&
	link libc_scanf "$O/libc_scanf.o" "$O/doscan.o" "$O/vsscanf.o"
}

build_libc_strtol() {
	cc "$O/strtol.o" lib/libc/stdlib/strtol.c &&
	rename "$O/strtol.o" strtol strtoul strtoll strtoull strtoimax \
	    strtoumax &&
	cc "$O/strtod.o" lib/libc/stdlib/strtod.c &&
	rename "$O/strtod.o" strtod strtof strtold atof &&
	cc "$O/libc_strtol.o" $T/libc_strtol.c -I$T &&
	link libc_strtol "$O/libc_strtol.o" "$O/strtol.o" "$O/strtod.o"
}

build_libc_malloc() {
	cc "$O/malloc.o" lib/libc/stdlib/malloc.c &&
	rename "$O/malloc.o" malloc calloc realloc free posix_memalign \
	    aligned_alloc &&
	objcopy --redefine-sym sbrk=fake_sbrk --redefine-sym mmap=fake_mmap \
	    --redefine-sym munmap=fake_munmap --redefine-sym abort=fake_abort \
	    "$O/malloc.o" >>"$log" 2>&1 &&
	cc "$O/libc_malloc.o" $T/libc_malloc.c -I$T &&
	link libc_malloc "$O/libc_malloc.o" "$O/malloc.o"
}

# regcomp/regexec against glibc's: the engine and a shim compiled
# against Umbra's <regex.h> alone (copied into a directory of its own),
# their regex functions renamed umbra_*; the test includes the host's.
build_libc_regex() {
	inc=$O/regex-include
	mkdir -p "$inc" &&
	cp lib/libc/include/regex.h "$inc/" &&
	cc "$O/regex.o" lib/libc/gen/regex.c -I"$inc" &&
	cc "$O/libc_regex_shim.o" $T/libc_regex_shim.c -I"$inc" -I$T &&
	rename "$O/regex.o" regcomp regexec regerror regfree &&
	rename "$O/libc_regex_shim.o" regcomp regexec regerror regfree &&
	cc "$O/libc_regex.o" $T/libc_regex.c -I$T &&
	link libc_regex "$O/libc_regex.o" "$O/libc_regex_shim.o" \
	    "$O/regex.o"
}

# getopt, getopt_long and getopt_long_only against glibc's; the file
# declares getprogname(), which glibc lacks and the test supplies.
build_libc_getopt() {
	printf 'const char *getprogname(void);\n' >"$O/getprogname.h" &&
	cc "$O/getopt_long.o" lib/libc/gen/getopt_long.c \
	    -include "$O/getprogname.h" &&
	rename "$O/getopt_long.o" getopt getopt_long getopt_long_only \
	    optarg optind opterr optopt optreset &&
	cc "$O/libc_getopt.o" $T/libc_getopt.c -I$T &&
	link libc_getopt "$O/libc_getopt.o" "$O/getopt_long.o"
}

# vmobjdump, built for this machine against the kernel's record
# layout (its headers copied, <sys/_types.h> replaced by the host's
# types) and libc's kinfo_getvmmap, with a mock sysctl in the test.
build_vmobjdump_host() {
	inc=$O/vmobjdump-include
	mkdir -p "$inc/sys" &&
	cp sys/sys/vmobject.h sys/sys/sysctl.h "$inc/sys/" &&
	printf '#include <sys/types.h>\n#include <stdint.h>\n' \
	    >"$inc/sys/_types.h" &&
	cc "$O/kinfo_vm.o" lib/libc/gen/kinfo_vm.c -I"$inc" &&
	cc "$O/kinfo_proc.o" lib/libc/gen/kinfo_proc.c -I"$inc" &&
	cc "$O/jsoncheck.o" tests/guest/jsoncheck.c &&
	cc "$O/vmobjdump_host.o" $T/vmobjdump_host.c -I"$inc" -I$T \
	    -Itests/guest &&
	link vmobjdump_host "$O/vmobjdump_host.o" "$O/kinfo_vm.o" \
	    "$O/kinfo_proc.o" "$O/jsoncheck.o"
}

# sys/vm on the host (tests/vmhost): fork, swap, mmap, sbrk and
# collapse under a seeded scheduler, checked word by word against a
# model, with no hidden page allowed at a quiet point with the fix on
# (-H).  VMHOST_SEEDS seeds of VMHOST_STEPS steps (16 of 62500: a
# million sanitized steps, a minute or two of one core); `make soak-vm'
# runs many more.  The test stops at the first failing seed, whose last
# line says how to rerun it.  A seed's run does not depend on its
# length until its end, so make mutants' shorter runs of the same 16
# seeds (tests/mutants/run.sh) are prefixes of these: a mutant they
# kill, make test kills too.
VMHOST_SEEDS=${VMHOST_SEEDS:-16}
VMHOST_STEPS=${VMHOST_STEPS:-62500}
build_vmhost() {
	HOSTCC=$HOSTCC sh tests/vmhost/build.sh "$O" ${SAN:+san} \
	    >>"$log" 2>&1 || return 1
	cat >"$O/vmhost_model" <<-EOF
	#!/bin/sh
	"$O/vmhost/vmhost" -H -S $VMHOST_SEEDS -s 1 -n $VMHOST_STEPS -x
	EOF
	chmod +x "$O/vmhost_model"
}

# swap_pager_copy's window arithmetic, case by case (vmhost -u; the
# binary is vmhost_model's).
build_swap_pager_copy() {
	[ -x "$O/vmhost/vmhost" ] || return 1
	printf '#!/bin/sh\nexec "%s" -u\n' "$O/vmhost/vmhost" \
	    >"$O/swap_pager_copy"
	chmod +x "$O/swap_pager_copy"
}

host_test libkern_qdivrem build_libkern_qdivrem
host_test libkern_string build_libkern_string
host_test libc_printf build_libc_printf
host_test libc_scanf build_libc_scanf
host_test libc_strtol build_libc_strtol
host_test libc_malloc build_libc_malloc
host_test libc_regex build_libc_regex
host_test libc_getopt build_libc_getopt
host_test vmhost_model build_vmhost 1800
host_test swap_pager_copy build_swap_pager_copy
host_test vmobjdump_host build_vmobjdump_host

# The shell's own regression cases (bin/sh/test-sh.sh), with bin/sh
# built for this machine: one verdict for all of them.
log=$O/sh_host.log
if CC=$HOSTCC ${TIMEOUT:+$TIMEOUT 120} sh bin/sh/test-sh.sh >"$log" 2>&1; then
	echo "PASS sh_host"
else
	failed=1
	echo "FAIL sh_host: $(tail -n 1 "$log") (see $log)"
fi

# The portable tools of bin/ (grep, head, tail, sort, ...), built for
# this machine, case by case (tests/host/tools.sh): one verdict.
log=$O/tools_host.log
if CC=$HOSTCC ${TIMEOUT:+$TIMEOUT 120} sh tests/host/tools.sh "$B" >"$log" 2>&1; then
	echo "PASS tools_host"
else
	failed=1
	echo "FAIL tools_host: $(tail -n 1 "$log") (see $log)"
fi

exit $failed
