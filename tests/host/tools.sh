#!/bin/sh
#
# tools.sh: host regression tests for the portable tools of bin/:
# grep, head, tail, wc, sort, uniq, env, printf, date and more.
#
#	sh tests/host/tools.sh [BUILD]
#
# Each tool is built from its bin/NAME/NAME.c with the host's cc and
# libc's strtonum(3) (grep and more with lib/libc/gen/regex.c too,
# Umbra's regular expressions, under Umbra's <regex.h>, their functions
# renamed so that glibc's stay out) into BUILD/host-tests/tools/bin,
# which comes first in PATH; printf is named by its path, $TOOLS/printf,
# since the host shell's builtin would win over PATH.  Then each case
# below runs as `sh -c CASE' in a scratch directory, and its output
# (standard output and error together) and exit status are compared
# with the expected ones.  POSIXLY_CORRECT keeps glibc's getopt from
# reordering arguments, as Umbra's never does.  What only a terminal
# shows (more's paging) runs under script(1), and tail -f follows a file
# the case appends to; these are things the guest cannot do yet (no
# writable file system, no terminal to type into).  Ends with the line
# "N passed, N failed"; the exit status is 0 only if all passed.

B=${1:-build}
top=$(pwd)
O=$B/host-tests/tools
tmp=$O/tmp
rm -rf "$O"
mkdir -p "$O/bin" "$O/inc" "$tmp" || exit 1
O=$(cd "$O" && pwd)
tmp=$O/tmp
CC=${CC:-cc}
CFLAGS="-std=gnu11 -O2 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare"
REGEX="-I$O/inc -Dregcomp=umbra_regcomp -Dregexec=umbra_regexec"
REGEX="$REGEX -Dregerror=umbra_regerror -Dregfree=umbra_regfree"

# glibc has no strtonum(3): libc's is compiled in, declared by a header
# of our own given with -include.
cp lib/libc/include/regex.h "$O/inc/" || exit 1
printf 'long long strtonum(const char *, long long, long long, %s);\n' \
    'const char **' > "$O/inc/strtonum.h"
NUM="-include $O/inc/strtonum.h lib/libc/stdlib/strtonum.c"
for t in grep more head tail wc sort uniq env printf date; do
	case $t in
	grep|more)	extra="$REGEX lib/libc/gen/regex.c $NUM" ;;
	*)		extra=$NUM ;;
	esac
	# shellcheck disable=SC2086
	$CC $CFLAGS -o "$O/bin/$t" bin/$t/$t.c $extra || {
		echo "FAIL: $t does not build"
		echo "0 passed, 1 failed"
		exit 1
	}
done

pass=0
fail=0

# t NAME COMMAND EXPECTED-OUTPUT [EXPECTED-STATUS]
t() {
	out=$(cd "$tmp" && PATH="$O/bin:/usr/bin:/bin" TOOLS="$O/bin" \
	    POSIXLY_CORRECT=1 \
	    LC_ALL=C sh -c "$2" 2>&1)
	st=$?
	if [ "$out" = "$3" ] && [ "$st" = "${4:-0}" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
		echo "  command:  $2"
		echo "  expected: [$3] status ${4:-0}"
		echo "  got:      [$out] status $st"
	fi
}

cd "$tmp" || exit 1
printf 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n' > n12
printf 'apple 3\nBanana 10\ncherry 2\napple 3\ndate 1\n' > fruit
printf 'x\ny' > partial
printf 'a.b\na*b\naab\n' > special
printf 'root:x:0:0\nuser:x:1000:1000\nbin:x:2:2\n' > pw
cd "$top" || exit 1

# grep
t grep-basic 'grep t n12' 'two
three
eight
ten
twelve'
t grep-n 'grep -n ^t n12' '2:two
3:three
10:ten
12:twelve'
t grep-c 'grep -c e n12' '9'
t grep-v 'grep -v e n12' 'two
four
six'
t grep-i 'grep -i banana fruit' 'Banana 10'
t grep-E 'grep -E "^(one|six)$|v{1}e" n12' 'one
five
six
seven
eleven
twelve'
t grep-bre-interval 'grep "e\{2\}" n12; grep "e\{3\}" n12' 'three' 1
t grep-bre-backref 'grep "\(.\)\1" fruit' 'apple 3
cherry 2
apple 3'
t grep-x 'grep -x "t.o" n12; grep -x "tw" n12' 'two' 1
t grep-e 'grep -e one -e ten n12' 'one
ten'
t grep-newline-patterns 'grep "one
six" n12' 'one
six'
t grep-F 'grep -F "a.b" special; grep -F "*" special' 'a.b
a*b'
t grep-dot 'grep "a.b" special' 'a.b
a*b
aab'
t grep-l 'grep -l apple fruit n12 fruit' 'fruit
fruit'
t grep-q 'grep -q apple fruit && echo yes; grep -q zebra fruit; echo $?' 'yes
1'
t grep-H 'grep -H two n12; grep -h two n12 n12' 'n12:two
two
two'
t grep-files 'grep e fruit partial' 'fruit:apple 3
fruit:cherry 2
fruit:apple 3
fruit:date 1'
t grep-stdin 'printf "a\nb\n" | grep b; printf "a\nb\n" | grep -H a -' 'b
(standard input):a'
t grep-nomatch 'grep zebra n12' '' 1
t grep-missing 'grep one nosuch n12' 'grep: nosuch: No such file or directory
n12:one' 2
t grep-missing-s 'grep -s one nosuch' '' 2
t grep-badre 'grep "a\(" n12' 'grep: a\(: parentheses not balanced' 2
t grep-usage 'grep' 'usage: grep [-cEFhHilnqsvx] [-e pattern] [-f file] [pattern] [file ...]' 2
t grep-f 'printf "six\nnine\n" > /tmp/umbra-pats.$$; grep -f /tmp/umbra-pats.$$ n12; rm -f /tmp/umbra-pats.$$' 'six
nine'
t grep-nul 'printf "a\000b\nc\n" | grep -c b' '1'
t grep-partial 'grep y partial' 'y'

# head
t head-default 'head n12 | wc -l' '      10'
t head-n 'head -n 3 n12' 'one
two
three'
t head-old 'head -2 n12' 'one
two'
t head-c 'head -c 5 n12' 'one
t'
t head-files 'head -n 1 n12 fruit' '==> n12 <==
one

==> fruit <==
apple 3'
t head-missing 'head -n 1 nosuch n12' 'head: nosuch: No such file or directory
==> n12 <==
one' 1
t head-badcount 'head -n 0 n12' 'head: illegal line count -- 0' 1
t head-stdin 'printf "1\n2\n3\n" | head -n 2' '1
2'

# tail
t tail-default 'tail n12 | head -n 1' 'three'
t tail-n 'tail -n 2 n12' 'eleven
twelve'
t tail-plus 'tail -n +11 n12' 'eleven
twelve'
t tail-c 'tail -c 9 n12' 'n
twelve'
t tail-c-plus 'tail -c +3 partial' 'y'
t tail-partial 'tail -n 1 partial; echo; tail -n 2 partial' 'y
x
y'
t tail-one 'tail -n 1 n12' 'twelve'
t tail-more-than-there 'tail -n 50 partial' 'x
y'
t tail-zero 'tail -n 0 n12' ''
t tail-files 'tail -n 1 n12 fruit' '==> n12 <==
twelve

==> fruit <==
date 1'
t tail-missing 'tail nosuch' 'tail: nosuch: No such file or directory' 1
t tail-pipe 'seq 1 100000 | tail -n 2' '99999
100000'
t tail-f-pipe 'seq 1 3 | tail -f -n 1' '3'
t tail-f-grows 'f=/tmp/umbra-tail.$$; printf "a\nb\n" > $f; tail -f -n 1 $f > $f.out & p=$!; sleep 1; echo c >> $f; echo d >> $f; sleep 1; kill $p; cat $f.out; rm -f $f $f.out' 'b
c
d'
t tail-f-truncated 'f=/tmp/umbra-tail.$$; printf "a\nb\n" > $f; tail -f $f > $f.out 2>&1 & p=$!; sleep 1; echo n > $f; sleep 1; kill $p; sed "s/tail\.[0-9]*/tail.N/" $f.out; rm -f $f $f.out' 'a
b
tail: /tmp/umbra-tail.N: file truncated
n'

# wc
t wc-all 'wc n12' '      12      12      63 n12'
t wc-l 'wc -l fruit' '       5 fruit'
t wc-w-c 'wc -w -c fruit' '      10      42 fruit'
t wc-stdin 'printf "a b\nc" | wc' '       1       3       5'
t wc-total 'wc -l n12 fruit' '      12 n12
       5 fruit
      17 total'
t wc-missing 'wc nosuch' 'wc: nosuch: No such file or directory' 1

# sort
t sort-default 'sort fruit' 'Banana 10
apple 3
apple 3
cherry 2
date 1'
t sort-f 'sort -f fruit' 'apple 3
apple 3
Banana 10
cherry 2
date 1'
t sort-r 'sort -r pw' 'user:x:1000:1000
root:x:0:0
bin:x:2:2'
t sort-k2n 'sort -k2n fruit' 'date 1
cherry 2
apple 3
apple 3
Banana 10'
t sort-k2nr 'sort -k 2nr fruit' 'Banana 10
apple 3
apple 3
cherry 2
date 1'
t sort-t 'sort -t: -k3,3n pw' 'root:x:0:0
bin:x:2:2
user:x:1000:1000'
t sort-u 'sort -u fruit | wc -l' '       4'
t sort-n 'printf "10\n9\n-1\n2.5\n" | sort -n' '-1
2.5
9
10'
t sort-b 'printf "  b\na\n c\n" | sort -b' 'a
  b
 c'
t sort-c-ok 'sort -c pw; echo $?; sort pw | sort -c; echo $?' 'sort: pw:3: disorder: bin:x:2:2
1
0'
t sort-o 'sort -o /tmp/umbra-sort.$$ pw; cat /tmp/umbra-sort.$$; rm -f /tmp/umbra-sort.$$' 'bin:x:2:2
root:x:0:0
user:x:1000:1000'
t sort-stable-s 'printf "b 1\na 1\nc 0\n" | sort -s -k2,2n' 'c 0
b 1
a 1'
t sort-badkey 'sort -k 0 pw' 'sort: invalid key: 0' 2
t sort-missing 'sort nosuch' 'sort: nosuch: No such file or directory' 2

# uniq
t uniq-default 'printf "a\na\nb\na\n" | uniq' 'a
b
a'
t uniq-c 'printf "a\na\nb\n" | uniq -c' '   2 a
   1 b'
t uniq-d 'printf "a\na\nb\n" | uniq -d' 'a'
t uniq-u 'printf "a\na\nb\n" | uniq -u' 'b'
t uniq-i 'printf "a\nA\nb\n" | uniq -i' 'a
b'
t uniq-f 'printf "1 x\n2 x\n3 y\n" | uniq -f 1' '1 x
3 y'
t uniq-s 'printf "ax\nbx\ncy\n" | uniq -s 1' 'ax
cy'
t uniq-files 'sort fruit > /tmp/umbra-u.$$; uniq /tmp/umbra-u.$$ /tmp/umbra-u.$$.out; cat /tmp/umbra-u.$$.out; rm -f /tmp/umbra-u.$$*' 'Banana 10
apple 3
cherry 2
date 1'
t uniq-usage 'uniq -c -d' 'usage: uniq [-c | -d | -u] [-i] [-f fields] [-s chars] [input [output]]' 1
t uniq-missing 'uniq nosuch' 'uniq: nosuch: No such file or directory' 1

# env
t env-i 'env -i A=1 B="two words"' 'A=1
B=two words'
t env-run 'env -i X=5 sh -c "echo \$X"' '5'
t env-u 'X=1 env -u X sh -c "echo [\$X]"' '[]'
t env-dash 'env - Y=2' 'Y=2'
t env-notfound 'env nosuchcmd' 'env: nosuchcmd: No such file or directory' 127
t env-noexec 'env /etc/passwd' 'env: /etc/passwd: Permission denied' 126
t env-status 'env sh -c "exit 7"' '' 7

# printf
t printf-basic '$TOOLS/printf "%s-%d-%x-%o\n" a 42 255 8' 'a-42-ff-10'
t printf-width '$TOOLS/printf "[%5s][%-5s][%05d][%.2s]\n" ab ab 42 abc' '[   ab][ab   ][00042][ab]'
t printf-star '$TOOLS/printf "[%*d]\n" 4 7' '[   7]'
t printf-float '$TOOLS/printf "%.2f %e %g\n" 3.14159 1000 0.5' '3.14 1.000000e+03 0.5'
t printf-escapes '$TOOLS/printf "a\tb\\\\c\101\n"' 'a	b\cA'
t printf-b '$TOOLS/printf "%b|\n" "x\ty" "z\0101"' 'x	y|
zA|'
t printf-b-c '$TOOLS/printf "%b" "stop\cnot"; echo' 'stop'
t printf-reuse '$TOOLS/printf "%s,%s\n" a b c' 'a,b
c,'
t printf-char '$TOOLS/printf "%d %d %c\n" "'"'"'A" "\"B" hello' '65 66 h'
t printf-hexarg '$TOOLS/printf "%d %d\n" 0x10 010' '16 8'
t printf-badnum '$TOOLS/printf "%d|\n" 12abc xyz 2>/dev/null' '12|
0|' 1
t printf-badnum-msg '$TOOLS/printf "%d|\n" 12abc xyz >/dev/null' 'printf: 12abc: not completely converted
printf: xyz: invalid number' 1
t printf-missing '$TOOLS/printf "%s|%d|\n"' '|0|'
t printf-percent '$TOOLS/printf "100%%\n"' '100%'
t printf-baddir '$TOOLS/printf "%z\n"' 'printf: %z: invalid directive' 1
t printf-usage '$TOOLS/printf' 'usage: printf format [argument ...]' 1

# date
t date-r 'date -r 0 "+%Y-%m-%d %H:%M:%S"' '1970-01-01 00:00:00'
t date-r-day 'date -r 86399 "+%j %A %B"' '001 Thursday January'
t date-default 'date -r 1000000000' 'Sun Sep  9 01:46:40 GMT 2001'
t date-set 'date 0101000070' 'date: cannot set the time: Operation not supported' 1
t date-bad 'date -r 12x' 'date: 12x: invalid number of seconds' 1

# more, without a terminal: like cat, with headings for several files
t more-cat 'more fruit | head -n 2' 'apple 3
Banana 10'
t more-headings 'more partial fruit | head -n 5' '::::::::::::::
partial
::::::::::::::
x
y'
t more-missing 'more nosuch partial' 'more: nosuch: No such file or directory
::::::::::::::
partial
::::::::::::::
x
y' 1

# more on a terminal (script(1) gives it one): a screen, the prompt,
# space for the next screen, a search, q.  The keys are sent after
# pauses, once more has put the terminal into its mode.
if command -v script >/dev/null 2>&1; then
	t more-tty '(sleep 1; printf " "; sleep 1; printf "/^t.*e\$\n"; sleep 1; printf q) | LINES=5 COLUMNS=40 script -qec "more n12" /dev/null | tr -d "\r" | tr -s " "' 'one
two
three
four
--More--(30%) five
six
seven
eight
--More--(63%) /^t.*e$ ...skipping
twelve'
else
	fail=$((fail + 1))
	echo "FAIL: more-tty: script(1) is missing (util-linux)"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
