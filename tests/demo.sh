#!/bin/sh
# demo.sh BUILDDIR: `make demo'.  One boot (mem=16M, swap), in which
# maild serves the same stream of requests twice: first with
# vm.collapse_pagers=0 (4.4BSD's rule, the 1993 leak), then with 1 (the
# fix).  maild prints a status line every STEP requests; this script
# pairs them up into a side-by-side table and draws swap in use and the
# longest chain against requests for both runs with gnuplot, as an SVG
# file (gnuplot is installed first if missing: tests/need.sh).
#
# Variables: REQUESTS (default 300), STEP (20), PUSH (5: every PUSH-th
# delivery pushes maild's pages to swap, see maild -p).
B=${1:-build}
: "${REQUESTS:=300}" "${STEP:=20}" "${PUSH:=5}"
out=$B/demo
mkdir -p "$out"
sh tests/need.sh gnuplot gnuplot-nox || exit 1
log=$out/demo.log
svg=$B/demo.svg

cmd="echo demo: collapse_pagers 0; sysctl -w vm.collapse_pagers=0 >/dev/null; \
maild -n $REQUESTS -i 0 -c 1 -p $PUSH -s $STEP; \
echo demo: collapse_pagers 1; sysctl -w vm.collapse_pagers=1 >/dev/null; \
maild -n $REQUESTS -i 0 -c 1 -p $PUSH -s $STEP"

truncate -s 128M "$out/swap.img"
echo "==> one boot, mem=16M: maild with the fix off, then on ($REQUESTS requests each)"
B=$B MEM=64M KARGS=mem=16M SWAPIMG=$out/swap.img CMD=$cmd TIMEOUT=900 \
    sh tests/qemu.sh log "$log"
rc=$?
rm -f "$out/swap.img"
if [ $rc -ne 0 ]; then
	echo "demo: the boot failed (status $rc); see $log" >&2
	exit 1
fi

# "fix requests swap chain hidden" per status line, from the log.
tr -d '\r' < "$log" | awk '
	/^demo: collapse_pagers / { fix = $3 }
	/^maild:( done)? requests / {
		for (i = 1; i < NF; i++) {
			if ($i == "requests") r = $(i + 1)
			if ($i == "swap_used") s = $(i + 1)
			if ($i == "chain") c = $(i + 1)
			if ($i == "hidden_swap") h = $(i + 1)
		}
		if (!(fix SUBSEP r in seen)) {
			seen[fix, r] = 1
			print fix, r, s, c, h
		}
	}' > "$out/points"
if ! grep -q '^0 ' "$out/points" || ! grep -q '^1 ' "$out/points"; then
	echo "demo: no status lines from maild for both runs; see $log" >&2
	exit 1
fi

awk '
	{ k = $2; req[k] = 1; s[$1, k] = $3; c[$1, k] = $4; h[$1, k] = $5 }
	END {
		printf("%8s | %22s | %22s\n", "", "vm.collapse_pagers=0",
		    "vm.collapse_pagers=1")
		printf("%8s | %6s %6s %8s | %6s %6s %8s\n", "requests",
		    "chain", "hidden", "swap", "chain", "hidden", "swap")
		n = 0
		for (k in req) keys[++n] = k + 0
		for (i = 2; i <= n; i++)	# insertion sort: n is small
			for (j = i; j > 1 && keys[j - 1] > keys[j]; j--) {
				t = keys[j]; keys[j] = keys[j - 1]; keys[j - 1] = t
			}
		for (i = 1; i <= n; i++) {
			k = keys[i]
			printf("%8d | %6s %6s %8s | %6s %6s %8s\n", k,
			    c[0, k], h[0, k], s[0, k], c[1, k], h[1, k], s[1, k])
		}
		print "(chain: maild'"'"'s longest chain of objects; hidden: its swap"
		print " blocks nobody can read; swap: pages of swap in use)"
	}' "$out/points"

# The plot, by gnuplot: swap in use (left axis, pages, solid) and the
# longest chain (right axis, objects, dashed) against requests, fix off
# in red, fix on in blue.  gnuplot puts every axis's ticks at round
# numbers.
for fix in 0 1; do
	awk -v f=$fix '$1 == f { print $2, $3, $4 }' "$out/points" \
	    > "$out/fix$fix.dat"
done
gnuplot <<EOF || { echo "demo: gnuplot failed" >&2; exit 1; }
set terminal svg size 800,500 dynamic noenhanced font "Helvetica,12" background "white"
set output "$svg"
set title "maild, mem=16M: the 1993 leak (vm.collapse_pagers=0) and the fix (1)"
set xlabel "requests"
set ylabel "swap in use, pages (solid)"
set y2label "longest chain, objects (dashed)"
set xrange [0:*]
set yrange [0:*]
set y2range [0:*]
set xtics nomirror
set ytics nomirror
set y2tics
set grid xtics ytics
set key left top box opaque
plot "$out/fix0.dat" using 1:2 axes x1y1 with linespoints lw 2 lc rgb "#c0392b" pt 7 ps 0.5 title "swap, collapse_pagers=0 (4.4BSD)", \\
     "$out/fix1.dat" using 1:2 axes x1y1 with linespoints lw 2 lc rgb "#2c6fbb" pt 7 ps 0.5 title "swap, collapse_pagers=1 (the fix)", \\
     "$out/fix0.dat" using 1:3 axes x1y2 with lines lw 2 dt 2 lc rgb "#c0392b" title "chain, collapse_pagers=0", \\
     "$out/fix1.dat" using 1:3 axes x1y2 with lines lw 2 dt 2 lc rgb "#2c6fbb" title "chain, collapse_pagers=1"
EOF
echo "demo: plot written to $svg"
