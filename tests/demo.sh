#!/bin/sh
# demo.sh BUILDDIR: `make demo'.  One boot (mem=16M, swap), in which
# maild serves the same stream of requests twice: first with
# vm.collapse_pagers=0 (4.4BSD's rule, the 1993 leak), then with 1 (the
# fix).  maild prints a status line every STEP requests; this script
# pairs them up into a side-by-side table and draws swap in use and the
# longest chain against requests for both runs, as an SVG file.
#
# Variables: REQUESTS (default 300), STEP (20), PUSH (5: every PUSH-th
# delivery pushes maild's pages to swap, see maild -p).
B=${1:-build}
: "${REQUESTS:=300}" "${STEP:=20}" "${PUSH:=5}"
out=$B/demo
mkdir -p "$out"
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

# The plot: swap in use (left axis, pages) and longest chain (right
# axis, objects) against requests, fix off in red, fix on in blue.
awk -v title="maild, mem=16M: the 1993 leak (vm.collapse_pagers=0) and the fix (1)" '
	{ n++; F[n] = $1; R[n] = $2; S[n] = $3; C[n] = $4
	  if ($2 > rmax) rmax = $2; if ($3 > smax) smax = $3
	  if ($4 > cmax) cmax = $4 }
	function x(r) { return 70 + 600 * r / rmax }
	function ys(v) { return 330 - 280 * v / smax }
	function yc(v) { return 330 - 280 * v / cmax }
	function line(f, which, color, dash,   i, p) {
		p = ""
		for (i = 1; i <= n; i++)
			if (F[i] == f)
				p = p sprintf("%.1f,%.1f ", x(R[i]),
				    which == "s" ? ys(S[i]) : yc(C[i]))
		printf("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>\n",
		    color, dash, p)
	}
	END {
		if (smax == 0) smax = 1; if (cmax == 0) cmax = 1
		print "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"400\" font-family=\"sans-serif\" font-size=\"12\">"
		print "<rect width=\"760\" height=\"400\" fill=\"white\"/>"
		printf("<text x=\"70\" y=\"25\" font-size=\"14\">%s</text>\n", title)
		print "<line x1=\"70\" y1=\"330\" x2=\"670\" y2=\"330\" stroke=\"black\"/>"
		print "<line x1=\"70\" y1=\"50\" x2=\"70\" y2=\"330\" stroke=\"black\"/>"
		print "<line x1=\"670\" y1=\"50\" x2=\"670\" y2=\"330\" stroke=\"black\"/>"
		printf("<text x=\"370\" y=\"365\" text-anchor=\"middle\">requests (0 to %d)</text>\n", rmax)
		printf("<text x=\"20\" y=\"190\" transform=\"rotate(-90 20 190)\" text-anchor=\"middle\">swap in use, pages (0 to %d), solid</text>\n", smax)
		printf("<text x=\"730\" y=\"190\" transform=\"rotate(90 730 190)\" text-anchor=\"middle\">longest chain, objects (0 to %d), dashed</text>\n", cmax)
		for (t = 0; t <= 4; t++) {
			printf("<text x=\"64\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n", 334 - 70 * t, smax * t / 4)
			printf("<text x=\"676\" y=\"%.1f\">%d</text>\n", 334 - 70 * t, cmax * t / 4)
		}
		line(0, "s", "#c0392b", "")
		line(1, "s", "#2c6fbb", "")
		line(0, "c", "#c0392b", " stroke-dasharray=\"6,4\"")
		line(1, "c", "#2c6fbb", " stroke-dasharray=\"6,4\"")
		print "<text x=\"80\" y=\"390\" fill=\"#c0392b\">red: vm.collapse_pagers=0 (4.4BSD)</text>"
		print "<text x=\"400\" y=\"390\" fill=\"#2c6fbb\">blue: vm.collapse_pagers=1 (the fix)</text>"
		print "</svg>"
	}' "$out/points" > "$svg"
echo "demo: plot written to $svg"
