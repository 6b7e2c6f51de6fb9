#!/bin/sh
# ksyms.sh NMFILE: turn `nm -n kernel' output into the .ksyms section
# that panic backtraces read (sys/arch/i386/i386/db_trace.c).  Only
# text symbols are kept, sorted by address.  With /dev/null, an empty
# table for the first link.
awk '
BEGIN { n = 0; off = 0 }
$2 ~ /^[tTwW]$/ && $3 !~ /^\.L/ {
	addr[n] = $1; name[n] = $3; noff[n] = off
	off += length($3) + 1
	n++
}
END {
	print "\t.section .ksyms, \"a\""
	print "\t.globl\tksyms_count\n\t.globl\tksyms_table\n\t.globl\tksyms_strtab"
	print "\t.align\t4"
	print "ksyms_count:\n\t.long\t" n
	print "ksyms_table:"
	for (i = 0; i < n; i++)
		printf "\t.long\t0x%s, %d\n", addr[i], noff[i]
	print "ksyms_strtab:"
	for (i = 0; i < n; i++)
		printf "\t.asciz\t\"%s\"\n", name[i]
	print "\t.section .note.GNU-stack, \"\", @progbits"
}
' "$1"
