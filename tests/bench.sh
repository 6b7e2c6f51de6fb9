#!/bin/sh
# bench.sh BUILDDIR: make bench.  Boots Umbra twice with the same
# command (tests/bench/bench.c), which measures:
#	- how long the boot takes, to the moment init starts a command;
#	- fork + exit + wait of a process with 1 MiB of touched data;
#	- the raw throughput of the swap disk, before swap is enabled;
#	- a thrash: three times the RAM (mem=16M) written and read back,
#	  with the page-out and page-in rates against the raw rates, and
#	  again with single-page page-ins (vm.pagein_max=1);
#	- swapoff: 3/4 of the RAM pushed to swap, then read back by
#	  swapoff(2), pages per second against the raw read rate;
#	- in the second boot only, the 1993 workload (bench chain): CHAIN
#	  forks (1000) under memory pressure, with vm.collapse_pagers=0 and
#	  then 1 in the same boot: the chain, its hidden swap, swap in use,
#	  the cost of a read fault deep in the chain, and all collapse time
#	  divided by the swap blocks moved;
#	- in the second boot only, what moving one swap block costs (bench
#	  moveblock): one collapse that moves MOVEBLOCKS blocks (512) one by
#	  one.
# A third boot, under -icount at MEM=256M, counts the instructions of
# single operations: zero-fill and copy-on-write faults per page at 1,
# 4, 16 and 64 MiB, getppid(), fork+exit+wait.
# Then three more boots at mem=27M, one per way to move disk data (IDE
# by PIO, IDE by DMA, virtio-blk), each measuring the raw rates of its
# swap disk and then running the forking server, tests/forkswap: a
# 6 MiB daemon, ROUNDS (30) rounds of fork, rewrite a quarter of its
# pages, and a 24 MiB hog; per-round medians, and the page-in and
# page-out rates against the raw rates of the same disk.
# Last, one boot with MEM=2G under -icount: the memory the kernel says
# it manages (its console lines), and the zero-fill and copy-on-write
# faults again, most of their pages now above the kernel's direct map,
# right after boot and after 2 seconds of idle, in which the idle loop
# zeroes free pages in advance.
# The first boot runs as fast as TCG can, for wall-clock figures; the
# second under -icount shift=0, where the guest clock counts
# instructions, for figures that do not depend on the machine (its
# kernel argument icount=0 says so, for time(1)).  (sleep=on:
# with sleep=off an idle guest's clock leaps ahead while the host does
# its disk I/O, and the disk driver's 5-second watchdog fires; the
# instruction counts of code that does not wait for the disk are exact
# either way.)  Prints a table, with "-" for what was not measured;
# never fails on a figure, but fails (exit status 1) when a boot failed
# or ended without its figures.
B=${1:-build}
T=$B/bench
mkdir -p "$T"
: "${CHAIN:=1000}" "${MOVEBLOCKS:=512}" "${ROUNDS:=30}"
CMD='bench uptime && bench fork 200 && bench raw /dev/wd0 32'
CMD="$CMD && swapon /dev/wd0 && bench thrash 3"
CMD="$CMD && sysctl -w vm.pagein_max=1 && bench thrash 3 _single"
CMD="$CMD && sysctl -w vm.pagein_max=16 && bench swapoff /dev/wd0"
CHAINCMD="$CMD && bench chain $CHAIN 0 && bench chain $CHAIN 1"
CHAINCMD="$CHAINCMD && bench moveblock $MOVEBLOCKS"
failed=

# run NAME QEMU_EXTRA [COMMAND [KARGS [DISK [MEM]]]]: one boot (by
# default MEM=64M with KARGS mem=16M, - for none; IDE); the log is
# $T/NAME.log
run() {
	log=$T/$1.log
	img=$T/$1.swap.img
	rm -f "$log" "$img"
	truncate -s 128M "$img"
	start=$(date +%s%N)
	# Tell the kernel about -icount's shift: time(1) reports guest
	# instructions from the TSC when kern.icount says it may.
	kargs=${4:-mem=16M}
	[ "$kargs" = - ] && kargs=
	case $2 in
	*icount\ shift=0*)	kargs="$kargs icount=0" ;;
	esac
	B=$B MEM=${6:-64M} KARGS=$kargs DISK=${5:-ide} NOSWAP=1 SWAPIMG=$img \
	    CMD=${3:-$CMD} QEMU_EXTRA=$2 TIMEOUT=2400 \
	    sh tests/qemu.sh log "$log" &
	qpid=$!
	boot=""
	while kill -0 "$qpid" 2>/dev/null; do
		if [ -z "$boot" ] && grep -q -a 'BENCH uptime_at_command' \
		    "$log" 2>/dev/null; then
			boot=$(( ($(date +%s%N) - start) / 1000000 ))
		fi
		sleep 0.05
	done
	if ! wait "$qpid"; then
		echo "bench: the $1 boot failed (see $log)" >&2
		failed="$failed $1"
	elif [ -z "$boot" ]; then
		echo "bench: the $1 boot never reached its command (see $log)" >&2
		failed="$failed $1"
	fi
	total=$(( ($(date +%s%N) - start) / 1000000 ))
	echo "BENCH host_boot_to_command ${boot:--} ms" >> "$log"
	echo "BENCH host_total ${total} ms" >> "$log"
	rm -f "$img"
}

# value NAME LOG [head]: the figure (the last one, or with head the
# first), or "-" when the log has none.
value() {
	v=$(grep -a "^BENCH $1 " "$2" | tr -d '\r' | awk '{ print $3 }' |
	    "${3:-tail}" -n 1)
	echo "${v:--}"
}

echo "make bench: seven boots, about 20 minutes" >&2
run wall ""
run icount "-icount shift=0,align=off,sleep=on" "$CHAINCMD"
# Single operations in guest instructions, with room for 64 MiB and its
# copy: nothing pages.
run faults "-icount shift=0,align=off,sleep=on" \
    "bench uptime && bench faults 1 4 16 64 && bench syscall 100000 && \
    bench fork 200" \
    - ide 256M
for m in pio dma virtio; do
	dev=/dev/wd0 kargs=mem=27M disk=ide
	[ $m = pio ] && kargs="mem=27M wd.pio=1"
	[ $m = virtio ] && dev=/dev/vd0 disk=virtio
	run "forkswap-$m" "" "bench uptime && bench raw $dev 32 && \
	    swapon $dev && forkswap -r $ROUNDS" "$kargs" "$disk"
done
run mem2g "-icount shift=0,align=off,sleep=on" "bench uptime && \
    bench faults 1 4 16 64 && sleep 2 && bench faults 1 4 16 64" - ide 2G

W=$T/wall.log
I=$T/icount.log
# ratio A B: A / B, or "-" when either was not measured (or B is 0).
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0)
	    printf "%.2f", a / b; else printf "-" }'
}
# mi A S: A * S, or "-" when A was not measured.
mi() {
	awk -v a="$1" -v s="$2" 'BEGIN { if (a == "-") printf "-";
	    else printf "%.1f", a * s }'
}

printf '\nUmbra benchmarks, mem=16M (RAM %s pages), one boot each\n' \
    "$(value thrash_ram "$W")"
printf '%-44s %14s %18s\n' "" "wall clock" "guest instructions"
printf '%-44s %11s ms %18s\n' "boot to command (host, QEMU start)" \
    "$(value host_boot_to_command "$W")" "-"
printf '%-44s %11s ms %16s M\n' "boot to command (guest clock)" \
    "$(value uptime_at_command "$W")" \
    "$(mi "$(value uptime_at_command "$I")" 1)"
printf '%-44s %11s us %16s K\n' "fork+exit+wait, 1 MiB touched" \
    "$(value fork_exit_wait_1MiB "$W")" \
    "$(mi "$(value fork_exit_wait_1MiB "$I")" 1)"
printf '%-44s %11s ms %18s\n' "thrash 3x RAM: write and read back" \
    "$(value thrash_total_time "$W")" "(waits for disk)"
for r in raw_write_64k raw_read_64k raw_write_4k raw_read_4k \
    thrash_pageout_rate thrash_pagein_rate thrash_paging_rate; do
	printf '%-44s %8s pages/s\n' "$r" "$(value $r "$W")"
done
printf '%-44s %8s\n' "page-out rate / raw 64 KiB write rate" \
    "$(ratio "$(value thrash_pageout_rate "$W")" \
    "$(value raw_write_64k "$W")")"
printf '%-44s %8s\n' "page-in rate / raw 4 KiB read rate" \
    "$(ratio "$(value thrash_pagein_rate "$W")" \
    "$(value raw_read_4k "$W")")"
printf '%-44s %8s / %s\n' "thrash page-outs (write phase) / pages" \
    "$(value thrash_write_pageouts "$W")" "$(value thrash_pages "$W")"
printf '%-44s %8s pages/s\n' "thrash_pagein_rate, vm.pagein_max=1" \
    "$(value thrash_single_pagein_rate "$W")"
printf '%-44s %8s\n' "page-in rate, clusters (16) / single pages" \
    "$(ratio "$(value thrash_pagein_rate "$W")" \
    "$(value thrash_single_pagein_rate "$W")")"

printf '%-44s %8s pages in %s ms\n' "swapoff: what the pressure pushed out" \
    "$(value swapoff_pages "$W")" "$(value swapoff_time "$W")"
printf '%-44s %8s pages/s\n' "swapoff_rate" "$(value swapoff_rate "$W")"
printf '%-44s %8s\n' "swapoff rate / raw 4 KiB read rate" \
    "$(ratio "$(value swapoff_rate "$W")" "$(value raw_read_4k "$W")")"
printf '%-44s %8s\n' "swapoff rate / raw 64 KiB read rate" \
    "$(ratio "$(value swapoff_rate "$W")" "$(value raw_read_64k "$W")")"

# Single operations, one boot at MEM=256M under -icount; Linux 6.1's
# figures are the ones issue 13 quotes, measured under the same QEMU
# with the same program (x86_64 guest), not measured here.
F=$T/faults.log
printf '\nSingle operations, guest instructions (-icount), MEM=256M\n'
printf '%-40s %12s %12s %8s\n' "" "Umbra" "Linux 6.1" "ratio"
op() {
	printf '%-40s %12s %12s %8s\n' "$1" "$(value "$2" "$F")" "$3" \
	    "$(ratio "$(value "$2" "$F")" "$3")"
}
op "getppid()" null_syscall 327
op "fork+exit+wait, 1 MiB touched" fork_exit_wait_1MiB 258.22
for mb in 1 4 16 64; do
	op "zero-fill fault per page, $mb MiB" zero_fill_fault_${mb}MiB 3289
done
for mb in 1 4 16 64; do
	op "copy-on-write fault per page, $mb MiB" cow_fault_${mb}MiB 4664
done
echo "(fork+exit+wait in thousands of instructions; Linux's fault figures"
echo " are at 1 MiB, set beside every size: the cost should not grow)"

printf '\nThe 1993 workload: %s forks under pressure (bench chain), one boot,\n' \
    "$CHAIN"
printf 'guest instructions (-icount)            %18s %18s %8s\n' \
    "collapse_pagers=0" "collapse_pagers=1" "ratio"
for r in depth hidden_swap swap_used swap_moved clusters_moved deep_fault \
    collapse_time_per_block_moved; do
	a=$(value chain_${r}_0 "$I")
	b=$(value chain_${r}_1 "$I")
	printf '%-40s %18s %18s %8s\n' "chain_$r" "$a" "$b" \
	    "$(awk -v a="$a" -v b="$b" 'BEGIN { if (a != "-" && b != "-" &&
	    a > 0) printf "%.4f", b / a; else printf "-" }')"
done
echo "(deep_fault: instructions per read fault on a page at the bottom of"
echo " the chain; collapse_time_per_block_moved: all instructions spent in"
echo " collapses (renaming and freeing pages, collapses that moved no swap)"
echo " divided by the swap blocks moved, a cluster of 16 re-homed whole in"
echo " one step counting 16, so not the cost of moving one block; \"-\" when"
echo " no block moved; clusters_moved: the clusters moved whole, whose"
echo " blocks swap_moved counts)"

printf '\nMoving one swap block (bench moveblock %s), guest instructions\n' \
    "$MOVEBLOCKS"
printf '%-40s %18s\n' "moveblock_ns_per_block" \
    "$(value moveblock_ns_per_block "$I")"
printf '%-40s %18s\n' "moveblock_blocks (moved in all)" \
    "$(value moveblock_blocks "$I")"
printf '%-40s %18s\n' "moveblock_freed" "$(value moveblock_freed "$I")"
printf '%-40s %18s\n' "moveblock_collapses" \
    "$(value moveblock_collapses "$I")"
printf '%-40s %18s\n' "moveblock_clusters_moved (must be 0)" \
    "$(value moveblock_clusters_moved "$I")"
echo "(one collapse whose backing object holds one block per cluster, where"
echo " the front object has a cluster of its own: every block moves by"
echo " itself; instructions of that exit's collapses per block moved)"

# fs NAME FIGURE: a figure of forkswap boot NAME.
fs() {
	value "$2" "$T/forkswap-$1.log"
}
printf '\nThe forking server (forkswap, mem=27M, %s rounds), one boot per disk\n' \
    "$ROUNDS"
printf '%-40s %12s %12s %12s\n' "" "IDE PIO" "IDE DMA" "virtio-blk"
row() {
	printf '%-40s %12s %12s %12s\n' "$1" "$(fs pio "$2")" "$(fs dma "$2")" \
	    "$(fs virtio "$2")"
}
ratiorow() {
	printf '%-40s %12s %12s %12s\n' "$1" \
	    "$(ratio "$(fs pio "$2")" "$(fs pio "$3")")" \
	    "$(ratio "$(fs dma "$2")" "$(fs dma "$3")")" \
	    "$(ratio "$(fs virtio "$2")" "$(fs virtio "$3")")"
}
row "whole round, median (ms)" forkswap_round
row "the hog: page-out, median (ms)" forkswap_hog
row "the rewrite: page-in + COW, median (ms)" forkswap_rewrite
row "page-in rate in rewrites (pages/s)" forkswap_pagein_rate
row "raw 4 KiB reads (pages/s)" raw_read_4k
ratiorow "page-in rate / raw 4 KiB reads" forkswap_pagein_rate raw_read_4k
row "page-out rate in hogs (pages/s)" forkswap_pageout_rate
row "raw 64 KiB writes (pages/s)" raw_write_64k
ratiorow "page-out rate / raw 64 KiB writes" forkswap_pageout_rate \
    raw_write_64k
printf '%-40s %12s %12s %12s\n' "speed-up of the round over PIO" \
    "$(ratio "$(fs pio forkswap_round)" "$(fs pio forkswap_round)")" \
    "$(ratio "$(fs pio forkswap_round)" "$(fs dma forkswap_round)")" \
    "$(ratio "$(fs pio forkswap_round)" "$(fs virtio forkswap_round)")"
# All of memory: the kernel's console lines, and bench faults right
# after boot (the first figures) and after 2 seconds of idle (the last).
M=$T/mem2g.log
printf '\nAll of memory: MEM=2G, one boot under -icount\n'
kib=$(tr -d '\r' < "$M" | sed -n 's/^memory: \([0-9]*\) KiB managed.*/\1/p')
printf '%-44s %10s KiB\n' "managed memory (the kernel's count)" "${kib:--}"
tr -d '\r' < "$M" | grep -a '^memory: ' | sed 's/^/  /'
printf '%-44s %14s %14s\n' "guest instructions per page" "after boot" \
    "after 2 s idle"
for mb in 1 4 16 64; do
	for f in zero_fill cow; do
		printf '%-44s %14s %14s\n' "${f}_fault, $mb MiB" \
		    "$(value ${f}_fault_${mb}MiB "$M" head)" \
		    "$(value ${f}_fault_${mb}MiB "$M")"
	done
done
echo "(after 2 s idle, zero-fill faults take pages the idle loop zeroed in"
echo " advance, up to 64 MiB of them: vm.stats.zero_fills_prezeroed)"
echo "(logs in $T)"
if [ -n "$failed" ]; then
	echo "bench: failed boots:$failed; their figures show as \"-\"" >&2
	exit 1
fi
