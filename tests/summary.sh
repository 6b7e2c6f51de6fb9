#!/bin/sh
# summary.sh DIR: count the PASS, FAIL and SKIP lines of every *.results
# file in DIR, print "N passed, N failed" as the last line (with
# ", N skipped" added when a test was skipped), and exit 0 only if
# nothing failed, nothing was skipped and something passed.  A skipped
# test proved nothing, so it is not a pass; it is named with the
# failures.
dir=$1
pass=0
fail=0
skip=0
for f in "$dir"/*.results; do
	[ -f "$f" ] || continue
	p=$(grep -c '^PASS ' "$f")
	n=$(grep -c '^FAIL ' "$f")
	s=$(grep -c '^SKIP ' "$f")
	pass=$((pass + p))
	fail=$((fail + n))
	skip=$((skip + s))
	if [ "$n" -gt 0 ] || [ "$s" -gt 0 ]; then
		echo "failures and skips in $(basename "$f" .results):"
		grep -E '^(FAIL|SKIP) ' "$f" | sed 's/^/    /'
	fi
done
if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ] && [ "$skip" -eq 0 ]; then
	echo "FAIL summary: no test ran" >&2
	fail=1
fi
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ] && [ "$skip" -eq 0 ]
