#!/bin/sh
# verdicts.sh LOG GROUP: the verdict lines of one boot of the test
# runner, checked against the list of tests the runner itself gave.
# Used by tests/guest.sh.
#
# The boot's command prints the runner's list between two marker lines
# and then runs one group of it (guest.sh, boot()):
#
#	echo '==== runtests -l'; runtests -l; echo '==== end of list'
#	runtests [-g GROUP]
#
# GROUP is the group that ran, or "-" for the default suite (the tests
# that `runtests -l' lists without "[-g ...]").  This prints, on the
# standard output:
#	- the PASS, FAIL and SKIP line of every test of GROUP, and those of
#	  the runner's own checks (leak-check, and swap-check with swap);
#	- "FAIL NAME: no verdict ..." for a listed test with no verdict (it
#	  never ran: the runner skipped it, or the boot ended first), and
#	  "FAIL NAME: N verdicts" for one with several;
#	- "FAIL NAME: a verdict for a test runtests -l does not list ..."
#	  instead of the verdict of a test the list does not have;
#	- "FAIL runtests-list: ..." when there is no list, or the group has
#	  no test in it;
#	- "FAIL runtests-summary: ..." when the runner's final line
#	  ("N passed, N failed", with ", N skipped" if any) is missing or
#	  disagrees with the verdict lines: N passed must be the number of
#	  tests listed plus the checks that passed.
# A skipped test stays a SKIP line: tests/summary.sh counts it apart,
# and a skip fails `make test'.  Exit status 0, or 2 for a usage error.
if [ $# -ne 2 ] || [ ! -r "$1" ]; then
	echo "usage: verdicts.sh LOG GROUP" >&2
	exit 2
fi
tr -d '\r' < "$1" | awk -v group="$2" '
function verdict_name(line,    n) {
	n = line
	sub(/^(PASS|FAIL|SKIP) /, "", n)
	sub(/[: ].*$/, "", n)
	return (n)
}
/^==== runtests -l$/ {
	inlist = 1
	gotlist = 1
	next
}
/^==== end of list$/ {
	inlist = 0
	next
}
inlist {
	if ($0 !~ /^[a-z0-9][a-z0-9-]* /)
		next
	g = "-"
	if (match($0, / \[-g [^]]+\]$/))
		g = substr($0, RSTART + 5, RLENGTH - 6)
	if (g == group && !($1 in listed)) {
		listed[$1] = 1
		order[++nlisted] = $1
	}
	next
}
/^(PASS|FAIL|SKIP) [a-z0-9][a-z0-9-]*(:|$)/ {
	name = verdict_name($0)
	nverdicts[name]++
	line[name] = $0
	seen[++nseen] = name
	next
}
/^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$/ {
	final = $0
}
END {
	checks["leak-check"] = 1
	checks["swap-check"] = 1
	if (!gotlist)
		print "FAIL runtests-list: the log has no \"runtests -l\" list"
	else if (nlisted == 0)
		print "FAIL runtests-list: runtests -l lists no test in group " \
		    group
	npass = nfail = nskip = 0
	for (i = 1; i <= nseen; i++) {
		name = seen[i]
		if (done[name]++)
			continue
		if (!(name in listed) && !(name in checks)) {
			print "FAIL " name ": a verdict for a test runtests " \
			    "-l does not list in group " group
			continue
		}
		if (nverdicts[name] > 1) {
			print "FAIL " name ": " nverdicts[name] " verdicts"
			continue
		}
		print line[name]
		if (line[name] ~ /^PASS /)
			npass++
		else if (line[name] ~ /^SKIP /)
			nskip++
		else
			nfail++
	}
	for (i = 1; i <= nlisted; i++)
		if (!(order[i] in nverdicts))
			print "FAIL " order[i] ": no verdict: it never ran, " \
			    "or the boot ended before it finished"
	if (!("leak-check" in nverdicts))
		print "FAIL leak-check: no verdict: the runner never finished"
	if (final == "") {
		print "FAIL runtests-summary: runtests printed no final " \
		    "\"N passed, N failed\" line"
		exit 0
	}
	split(final, f, /[ ,]+/)
	p = f[1] + 0
	x = f[3] + 0
	s = (final ~ /skipped$/) ? f[5] + 0 : 0
	nchecks = 0
	for (c in checks)
		if (c in nverdicts)
			nchecks++
	if (p != npass || x != nfail || s != nskip ||
	    p + x + s != nlisted + nchecks)
		print "FAIL runtests-summary: runtests says \"" final "\"; " \
		    "the log has " npass " PASS, " nfail " FAIL and " nskip \
		    " SKIP lines for " nlisted + 0 " tests listed and " \
		    nchecks " runner checks"
}'
