#!/bin/sh
#
# test-sh.sh: host regression tests for Umbra's sh(1).
#
#	sh bin/sh/test-sh.sh [path-to-sh]
#
# Builds bin/sh with the host's cc (unless a shell is given) and runs
# each case below with `SH -c CASE', comparing its output (stdout and
# stderr together) and exit status with the expected ones.  Ends with
# the line "N passed, N failed"; the exit status is 0 only if all
# passed.  The cases use only programs every host has (echo is the
# host's, so no escapes are relied upon).

dir=$(cd "$(dirname "$0")" && pwd)
tmp=${TMPDIR:-/tmp}/test-sh.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT

if [ $# -ge 1 ]; then
	SH=$1
else
	SH=$tmp/sh
	${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -Wno-unused-parameter \
	    -Wno-sign-compare -o "$SH" "$dir"/*.c || exit 1
fi

pass=0
fail=0

# t NAME COMMAND EXPECTED-OUTPUT [EXPECTED-STATUS]
t() {
	out=$(cd "$tmp" && PATH=/usr/bin:/bin HOME=/home/u "$SH" -c "$2" 2>&1)
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

t words 'echo a   b "c  d" '"'"'e  f'"'"' g\ h' 'a b c  d e  f g h'
t dquote-escapes 'echo "a\"b" "\$x" "c\d"' 'a"b $x c\d'
t comment 'echo a # not this
echo b#c' 'a
b#c'
t continuation 'echo a\
b' 'ab'
t sequence 'echo 1; echo 2 ; echo 3' '1
2
3'
t and-or 'false || echo or; true && echo and; false && echo no; true || echo no' 'or
and'
t status 'false; echo $?; true; echo $?' '1
0'
t not-found 'nosuchcommand_x; echo $?' 'sh: nosuchcommand_x: not found
127'
t not-found-slash '/no/such/file; echo $?' 'sh: /no/such/file: not found
127'
t pipeline 'echo abc | cat | cat | cat | cat | cat | tr a-c x-z' 'xyz'
t pipeline-status 'false | true; echo $?; true | false; echo $?' '0
1'
t bang '! true; echo $?; ! false; echo $?' '1
0'
t exit-status 'exit 7' '' 7
t exit-last 'false' '' 1
t killed 'sh -c "kill -9 \$\$"; echo $?' '137'
t vars 'x=5; y="a b"; echo $x ${x}y "$y" $z.' '5 5y a b .'
t prefix-assign 'X=1 sh -c "echo \$X"; echo "[$X]"' '1
[]'
t builtin-prefix 'x=1; x=2 true; echo $x' '1'
t export 'export E=v; sh -c "echo \$E"; F=w; export F; sh -c "echo \$F"' 'v
w'
t unset 'x=1; unset x; echo "[$x]"' '[]'
t special '(exit 3); echo $? $#' '3 0'
t dollar-dollar 'echo $$ | grep -q "^[0-9][0-9]*$" && echo ok' 'ok'
t positional 'set -- a "b c" d; echo $# $1 $3; for i in "$@"; do echo "<$i>"; done' '3 a d
<a>
<b c>
<d>'
t star 'set -- a "b c"; for i in $*; do echo "<$i>"; done; echo "$*"' '<a>
<b>
<c>
a b c'
t empty-at 'set --; for i in "$@"; do echo x; done; echo n=$#' 'n=0'
t shift 'set -- 1 2 3; shift; echo $@; shift 2; echo $#' '2 3
0'
t split 'x="a  b   c"; for i in $x; do echo "[$i]"; done; for i in "$x"; do echo "[$i]"; done' '[a]
[b]
[c]
[a  b   c]'
t ifs 'IFS=:; x=a:b:c; for i in $x; do echo $i; done' 'a
b
c'
t param-ops 'echo ${u:-d1} ${u-d2} "${u:+no}" ${HOME:+yes}; : ${v:=set}; echo $v' 'd1 d2  yes
set'
t param-quoted-word 'echo ${u:-"a  b"}' 'a  b'
t param-trim 'f=a.tar.gz; echo ${f%.gz} ${f%%.*} ${f#*.} ${f##*.} ${#f}' 'a.tar a tar.gz gz 8'
t param-error 'echo ${u?missing}; echo no' 'sh: u: missing' 2
t cmdsubst 'echo $(echo a) "$(echo "b  c")" `echo d`; x=$(printf "x\n\n"); echo "[$x]"' 'a b  c d
[x]'
t cmdsubst-status 'x=$(exit 4); echo $?' '4'
t cmdsubst-nested 'echo "$(echo "in $(echo deep)")"' 'in deep'
t arith 'echo $((1+2*3)) $(((1+2)*3)) $((7/2)) $((7%3)) $((-4+1)) $((1<2)) $((0x10))' '7 9 3 1 -3 1 16'
t arith-assign 'i=1; : $((i+=2)); echo $i $((i*2)) $((i>2?10:20))' '3 6 10'
t arith-divzero 'echo $((1/0)); echo no' 'sh: division by zero' 2
t tilde 'echo ~ ~/x' '/home/u /home/u/x'
t glob 'touch g1 g2 g3; echo g*; echo g[12]; echo "g*"; echo nomatch*' 'g1 g2 g3
g1 g2
g*
nomatch*'
t redir-out 'echo one > f; echo two >> f; cat f; cat < f | wc -l' 'one
two
2'
t redir-err 'echo e >&2 2>/dev/null; (echo o; echo e >&2) 2>&1 >/dev/null' 'e
e'
t redir-fd 'exec 3>f3; echo via3 >&3; exec 3>&-; cat f3' 'via3'
t redir-fail 'cat < /nonexistent; echo $?' 'sh: /nonexistent: No such file or directory
1'
t redir-builtin 'pwd > p; cat p | grep -c /' '1'
t heredoc 'x=v; cat <<EOF
a $x
EOF
cat <<"EOF"
b $x
EOF' 'a v
b $x'
t background 'sleep 0.1 & echo started; wait $!; echo $?' 'started
0'
t background-status 'sh -c "exit 5" & wait $!; echo $?; (exit 6) & wait; echo $?' '5
6'
t bang-pid '(exit 0) & p=$!; wait $p; [ "$p" -gt 1 ] && echo ok' 'ok'
t wait-unknown 'wait 999999; echo $?' '127'
t subshell 'x=1; (x=2; echo $x); echo $x' '2
1'
t brace '{ echo a; echo b; } | wc -l' '2'
t if 'if false; then echo a; elif true; then echo b; else echo c; fi' 'b'
t while 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done' '0
1
2'
t until 'i=0; until [ $i = 2 ]; do i=$((i+1)); done; echo $i' '2'
t for 'for i in a b c; do echo $i; done' 'a
b
c'
t break-continue 'for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done' '1
3'
t break-2 'for i in a b; do for j in 1 2; do [ $j = 2 ] && break 2; echo $i$j; done; done' 'a1'
t case 'for x in abc x.c "a b" zz; do case $x in a*c) echo 1;; *.h|*.c) echo 2;; "a b") echo 3;; *) echo 4;; esac; done' '1
2
3
4'
t test 'test 1 -eq 1 && [ a = a ] && [ -n x ] && [ -z "" ] && [ -d / ] && [ ! -f / ] && echo ok' 'ok'
t test-andor '[ 1 -lt 2 -a 2 -lt 3 ] && [ 1 -gt 2 -o 1 -lt 2 ] && echo ok' 'ok'
t read 'printf "1 2 3\n" | { read a b; echo "$a|$b"; }' '1|2 3'
t eval 'eval "x=5; echo \$x"' '5'
t cd 'cd /; pwd; HOME=/usr; cd; pwd; cd -' '/
/usr
/'
t cd-fail 'cd /nonexistent; echo $?' 'sh: cd: /nonexistent: No such file or directory
1'
t syntax 'if true; then echo x' "sh: syntax error: 'fi' expected, got 'end of file'" 2
t syntax-token 'echo a; ; echo b' "sh: syntax error: unexpected ';'" 2
t set-e 'set -e; false; echo no' '' 1
t set-e-cond 'set -e; false || true; if false; then :; fi; echo yes' 'yes'
t exec 'exec echo replaced; echo no' 'replaced'
t script 'printf "echo \$0 \$1 \$#\nexit 3\n" > s; "$0" s a b; echo $?' 's a 2
3'
t noexec-script 'printf "echo script \$1\n" > t.sh; chmod +x t.sh; ./t.sh x' 'script x'
t function 'f() { echo "f $# $1"; return 3; echo no; }; f a b; echo $? $#' 'f 2 a
3 0'
t function-loop 'g() { for i in 1 2 3; do [ $i = 2 ] && return 7; echo $i; done; }; g; echo $?' '1
7'
t function-recursive 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(($1 * $(fact $(($1 - 1))))); fi; }; fact 5' '120'
t function-unset 'k() { echo k; }; k | cat; unset -f k; k' 'k
sh: k: not found' 127

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
