#!/bin/sh
# summary.sh DIR: count the PASS and FAIL lines of every *.results file
# in DIR, print "N passed, N failed" as the last line, and exit 0 only
# if nothing failed (and something passed).
dir=$1
pass=0
fail=0
for f in "$dir"/*.results; do
	[ -f "$f" ] || continue
	p=$(grep -c '^PASS ' "$f")
	n=$(grep -c '^FAIL ' "$f")
	pass=$((pass + p))
	fail=$((fail + n))
	if [ "$n" -gt 0 ]; then
		echo "failures in $(basename "$f" .results):"
		grep '^FAIL ' "$f" | sed 's/^/    /'
	fi
done
if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
	echo "FAIL summary: no test ran" >&2
	fail=1
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
