# Umbra: one Makefile builds everything.
#
#	make run	build, then boot QEMU on this terminal to a shell
#	make test	host unit tests, then the guest test suite
#	make bench	benchmarks (figures and ratios, never a verdict)
#	make demo	the 1993 leak and its fix, side by side (demo.svg)
#	make chains	pictures of maild's chains, fix off and on (*.svg)
#	make run-gdb	like run, but QEMU waits for gdb (see README)
#	make soak-fuzz, make soak-vm-guest	long runs under load
#	make soak-vm	sys/vm on the host against a model, for ten minutes
#	make mutants	plant known bugs in sys/vm; the tests must catch each
#
# Variables (see README): MEM, KARGS, CMD, EXTRA_PROGS, SWAP, SWAP2, DISK,
# OUT, ACCEL.
# Everything is built under build/; `make clean' removes it.

MEM		?= 64M
SWAP		?= 128M
SWAP2		?=
DISK		?= ide
OUT		?=
KARGS		?=
CMD		?=
EXTRA_PROGS	?=
ACCEL		?= tcg
KASSERTS	?= 1
TIMEOUT		?= 600

B		:= build
CC		?= gcc
LD		:= ld
AR		:= ar
OBJCOPY		:= objcopy
NM		:= nm
QEMU		:= qemu-system-i386

# ---------------------------------------------------------------------
# Flags.  Both the kernel and userland are built freestanding for i386
# with the host's compiler: no cross toolchain, no 32-bit libc, no
# libgcc.  The kernel and libc carry their own 64-bit division helpers
# (sys/libkern).
# ---------------------------------------------------------------------
ARCHFLAGS	:= -m32 -march=i686
COMMONFLAGS	:= $(ARCHFLAGS) -std=gnu11 -O2 -g -Wall -Wextra \
		   -Wno-unused-parameter -Wno-sign-compare \
		   -Wno-missing-field-initializers \
		   -fno-pie -fno-pic -fno-stack-protector -fno-common \
		   -fno-asynchronous-unwind-tables -nostdinc \
		   -fno-strict-aliasing
# gcc turns byte loops into calls to memset and memcpy, which inside
# memset and memcpy themselves would recurse; clang has no such flag
# and does not do it under -ffreestanding -fno-builtin.
ifneq ($(shell $(CC) --version 2>/dev/null | grep -c clang),0)
COMMONFLAGS	+= -fno-builtin
else
COMMONFLAGS	+= -fno-tree-loop-distribute-patterns
endif
KCFLAGS		:= $(COMMONFLAGS) -ffreestanding -fno-builtin \
		   -fno-omit-frame-pointer -mno-sse -mno-mmx -mno-80387 \
		   -D_KERNEL -I$(B)/include -Isys -Isys/arch/i386
ifeq ($(KASSERTS),1)
KCFLAGS		+= -DINVARIANTS
endif
# User programs (and EXTRA_PROGS) see a BSD-shaped system, not the
# host's Linux: the host compiler's linux and unix macros go, and
# __Umbra__, __unix__ and __unix come in, so that portable code takes
# its BSD or generic branches.  Calling an undeclared function is an
# error, as it is on the BSDs' compilers.
UMBRA_DEFS	:= -U__linux__ -U__linux -Ulinux -U__gnu_linux__ \
		   -U__unix__ -U__unix -Uunix \
		   -D__Umbra__=1 -D__unix__=1 -D__unix=1
UCFLAGS		:= $(COMMONFLAGS) $(UMBRA_DEFS) \
		   -Werror=implicit-function-declaration \
		   -Ilib/libc/include -I$(B)/include -Isys -Itests/common
LDFLAGS_USER	:= -m elf_i386 -static -nostdlib -e _start -z noexecstack \
		   --build-id=none
LDFLAGS_KERN	:= -m elf_i386 -nostdlib -z noexecstack --build-id=none \
		   -T sys/arch/i386/conf/kernel.ld

.SUFFIXES:
.DELETE_ON_ERROR:
.PHONY: all run test bench run-gdb gdb clean check-qemu host-tests guest-tests \
	demo chains soak-fuzz soak-vm-guest soak-vm soak-collapse soak-swapoff \
	portable-tests mutants FORCE

all: $(B)/kernel $(B)/root.tar

# ---------------------------------------------------------------------
# Generated headers and sources: system call glue, <machine/...>.
# ---------------------------------------------------------------------
GEN_SYSCALL	:= $(B)/include/sys/syscall.h $(B)/include/sys/sysproto.h \
		   $(B)/gen/init_sysent.c $(B)/gen/syscalls.S

$(GEN_SYSCALL) &: sys/kern/syscalls.master sys/kern/makesyscalls.sh
	@mkdir -p $(B)/include/sys $(B)/gen
	sh sys/kern/makesyscalls.sh sys/kern/syscalls.master $(B)/gen
	mv $(B)/gen/sys/syscall.h $(B)/gen/sys/sysproto.h $(B)/include/sys/

$(B)/include/machine:
	@mkdir -p $(B)/include
	ln -sfn $(CURDIR)/sys/arch/i386/include $@

HEADERS_GEN	:= $(GEN_SYSCALL) $(B)/include/machine

# ---------------------------------------------------------------------
# The kernel.  The file list is sys/arch/i386/conf/files.mk.  The
# kernel is linked twice: the second link adds the symbol table that
# panic() uses for backtraces, in a section after everything else, so
# that no other address moves.
# ---------------------------------------------------------------------
include sys/arch/i386/conf/files.mk

KOBJS		:= $(patsubst %,$(B)/k/%.o,$(basename $(KERN_SRCS))) \
		   $(B)/k/gen/init_sysent.o

$(B)/k/%.o: %.c $(HEADERS_GEN)
	@mkdir -p $(@D)
	$(CC) $(KCFLAGS) -MMD -MP -c -o $@ $<

$(B)/k/%.o: %.S $(HEADERS_GEN)
	@mkdir -p $(@D)
	$(CC) $(KCFLAGS) -MMD -MP -D__ASSEMBLY__ -c -o $@ $<

$(B)/k/gen/init_sysent.o: $(B)/gen/init_sysent.c $(HEADERS_GEN)
	@mkdir -p $(@D)
	$(CC) $(KCFLAGS) -MMD -MP -c -o $@ $<

$(B)/k/ksyms0.o: sys/kern/ksyms.sh
	@mkdir -p $(@D)
	sh sys/kern/ksyms.sh /dev/null > $(B)/k/ksyms0.S
	$(CC) $(KCFLAGS) -c -o $@ $(B)/k/ksyms0.S

$(B)/kernel: $(KOBJS) $(B)/k/ksyms0.o sys/arch/i386/conf/kernel.ld sys/kern/ksyms.sh
	$(LD) $(LDFLAGS_KERN) -o $(B)/kernel.0 $(KOBJS) $(B)/k/ksyms0.o
	$(NM) -n $(B)/kernel.0 > $(B)/kernel.0.nm
	sh sys/kern/ksyms.sh $(B)/kernel.0.nm > $(B)/k/ksyms.S
	$(CC) $(KCFLAGS) -c -o $(B)/k/ksyms.o $(B)/k/ksyms.S
	$(LD) $(LDFLAGS_KERN) -o $@ $(KOBJS) $(B)/k/ksyms.o
	$(NM) -n $@ > $(B)/kernel.sym
	@awk '$$2 ~ /^[tT]$$/' $(B)/kernel.0.nm > $(B)/kernel.0.text
	@awk '$$2 ~ /^[tT]$$/' $(B)/kernel.sym > $(B)/kernel.1.text
	@cmp -s $(B)/kernel.0.text $(B)/kernel.1.text || \
	    { echo "kernel: code moved between the two links" >&2; exit 1; }
	objdump -d $@ > $(B)/kernel.asm

# ---------------------------------------------------------------------
# libc and the user programs.  lib/libc/Makefile.inc lists LIBC_SRCS.
# Shared helpers from sys/libkern are compiled into libc as well.
# ---------------------------------------------------------------------
include lib/libc/Makefile.inc

LIBC_OBJS	:= $(patsubst %,$(B)/u/%.o,$(basename $(LIBC_SRCS))) \
		   $(B)/u/gen/syscalls.o
CRT0		:= $(B)/u/lib/libc/arch/i386/crt0.o
LIBC		:= $(B)/lib/libc.a

$(B)/u/%.o: %.c $(HEADERS_GEN)
	@mkdir -p $(@D)
	$(CC) $(UCFLAGS) -MMD -MP -c -o $@ $<

$(B)/u/%.o: %.S $(HEADERS_GEN)
	@mkdir -p $(@D)
	$(CC) $(UCFLAGS) -MMD -MP -D__ASSEMBLY__ -c -o $@ $<

$(B)/u/gen/syscalls.o: $(B)/gen/syscalls.S $(HEADERS_GEN)
	@mkdir -p $(@D)
	$(CC) $(UCFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(LIBC): $(LIBC_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

# A program is a directory of C files; PROG_DIRS names them, and the
# program is installed as /bin/<directory name>, or under the name
# PROGNAME_<directory> gives.
PROG_DIRS	:= $(wildcard bin/*) tools/vmobjdump tests/guest \
		   tests/vm-test $(wildcard tests/maild/*) tests/bench \
		   tests/forkswap
PROG_DIRS	:= $(foreach d,$(PROG_DIRS),$(if $(wildcard $(d)/*.c),$(d)))
PROGNAME_tests/guest := runtests

define PROG_template
$(B)/bin/$(2): $(patsubst %.c,$(B)/u/%.o,$(wildcard $(1)/*.c)) $(CRT0) $(LIBC)
	@mkdir -p $$(@D)
	$(LD) $(LDFLAGS_USER) -o $$@ $(CRT0) $(patsubst %.c,$(B)/u/%.o,$(wildcard $(1)/*.c)) $(LIBC)
PROGS += $(B)/bin/$(2)
endef
$(foreach d,$(PROG_DIRS),$(eval $(call PROG_template,$(d),$(or $(PROGNAME_$(d)),$(notdir $(d))))))

# EXTRA_PROGS: single C files from anywhere, installed as /bin/NAME.
# tests/portable.sh builds its programs with these same two commands.
define EXTRA_template
$(B)/extra/$(basename $(notdir $(1))).o: $(1) $(HEADERS_GEN)
	@mkdir -p $$(@D)
	$(CC) $(UCFLAGS) -c -o $$@ $$<
$(B)/bin/$(basename $(notdir $(1))): $(B)/extra/$(basename $(notdir $(1))).o $(CRT0) $(LIBC)
	@mkdir -p $$(@D)
	$(LD) $(LDFLAGS_USER) -o $$@ $(CRT0) $$< $(LIBC)
PROGS += $(B)/bin/$(basename $(notdir $(1)))
endef
$(foreach f,$(EXTRA_PROGS),$(eval $(call EXTRA_template,$(f))))

# ---------------------------------------------------------------------
# The root ramdisk: a ustar archive of build/root, loaded by QEMU as a
# Multiboot module.  It is rebuilt whenever a program or etc/ changes.
# ---------------------------------------------------------------------
ETC_FILES	:= $(wildcard etc/*)

# Rebuild the ramdisk when the set of programs changes (EXTRA_PROGS).
$(B)/progs.list: FORCE
	@mkdir -p $(@D)
	@echo '$(sort $(PROGS))' | cmp -s - $@ || echo '$(sort $(PROGS))' > $@

$(B)/root.tar: $(PROGS) $(ETC_FILES) $(B)/progs.list Makefile
	rm -rf $(B)/root
	mkdir -p $(B)/root/bin $(B)/root/etc $(B)/root/dev $(B)/root/tmp
	cp $(PROGS) $(B)/root/bin/
	cp $(ETC_FILES) $(B)/root/etc/
	tar --format=ustar --owner=0 --group=0 --numeric-owner \
	    --sort=name --mtime=@0 -C $(B)/root -cf $@ .

# ---------------------------------------------------------------------
# Running under QEMU.  tests/qemu.sh knows how to boot, time out, and
# read the verdict that the guest leaves through isa-debug-exit.
# ---------------------------------------------------------------------
# The swap disks: DISK=ide (wd0, and wd1 with SWAP2=size) or virtio
# (vd0, vd1).  Their images are made when missing.
$(B)/swap.img:
	@mkdir -p $(@D)
	truncate -s $(SWAP) $@

$(B)/swap2.img:
	@mkdir -p $(@D)
	truncate -s $(SWAP2) $@

SWAP2IMG	:= $(if $(SWAP2),$(B)/swap2.img)
QEMU_ENV	= MEM='$(MEM)' KARGS='$(KARGS)' ACCEL='$(ACCEL)' \
		  SWAPIMG='$(B)/swap.img' SWAP2IMG='$(SWAP2IMG)' \
		  DISK='$(DISK)' OUT='$(OUT)' B='$(B)'

check-qemu:
	@sh tests/need-qemu.sh

# CMD must reach the guest's shell byte for byte (dollar signs, quotes,
# backslashes, newlines), so make neither expands it (the value
# function takes its raw text, and override beats the command line's
# definition) nor quotes it into the recipe: it is exported, and
# tests/qemu.sh finds it in the environment.
run run-gdb: override export CMD := $(value CMD)

run: check-qemu $(B)/kernel $(B)/root.tar $(B)/swap.img $(SWAP2IMG)
	@$(QEMU_ENV) sh tests/qemu.sh run

run-gdb: check-qemu $(B)/kernel $(B)/root.tar $(B)/swap.img $(SWAP2IMG)
	@$(QEMU_ENV) GDB=1 sh tests/qemu.sh run

gdb:
	gdb -q -ex 'set architecture i386' -ex 'target remote localhost:1234' \
	    $(B)/kernel

# make test: host unit tests, then the guest suites (tests/guest.sh);
# the last line is "N passed, N failed".  Each half writes PASS/FAIL
# lines into $(B)/test/*.results; summary.sh counts them.
test: check-qemu
	@rm -rf $(B)/test && mkdir -p $(B)/test
	@$(MAKE) --no-print-directory host-tests portable-tests guest-tests \
	    || true
	@sh tests/summary.sh $(B)/test

host-tests:
	@mkdir -p $(B)/test
	@sh tests/host/run.sh $(B) > $(B)/test/host.out 2>&1; rc=$$?; \
	    cat $(B)/test/host.out; \
	    grep -E '^(PASS|FAIL) ' $(B)/test/host.out > $(B)/test/host.results; \
	    if [ $$rc -ne 0 ] && ! grep -q '^FAIL ' $(B)/test/host.results; then \
		echo "FAIL host-tests: tests/host/run.sh exited $$rc" | \
		    tee -a $(B)/test/host.results; \
	    fi

guest-tests: $(B)/kernel $(B)/root.tar
	@DISK='$(DISK)' sh tests/guest.sh $(B)

# tests/portable/*.c, built as EXTRA_PROGS are (the same commands and
# flags, passed to the script) and run in a boot of their own.
portable-tests: $(B)/kernel $(B)/root.tar $(CRT0) $(LIBC)
	@CC='$(CC)' UCFLAGS='$(UCFLAGS)' UMBRA_DEFS='$(UMBRA_DEFS)' \
	    LD='$(LD)' LDFLAGS_USER='$(LDFLAGS_USER)' CRT0='$(CRT0)' \
	    LIBC='$(LIBC)' sh tests/portable.sh $(B)

# make soak-vm [OPS=N] [SEED=S] [SOAK_SECS=T]: sys/vm on the host
# (tests/vmhost), without sanitizers for speed: seeds S, S+1, ... of N
# steps each (default 1 and 20000) until T seconds have passed (600);
# each failing seed is printed with the command that replays it.
OPS		?= 20000
SOAK_SECS	?= 600

soak-vm:
	@sh tests/vmhost/build.sh $(B)/soak-vm
	@$(B)/soak-vm/vmhost/vmhost -H -q -S 0 -t $(SOAK_SECS) -n $(OPS) \
	    -s $(or $(SEED),1)

# make mutants [MUTANTS='NAME ...']: plant each bug of tests/mutants/
# (or the ones named) in a scratch copy of sys/vm, one at a time, and
# run the fast tests that must catch it (tests/mutants/run.sh); the last
# line is "N killed, N survived".  Run it before a change to sys/vm
# lands.
MUTANTS		?=

mutants:
	@sh tests/mutants/run.sh $(B) $(MUTANTS)

# make demo: one boot, maild with the collapse fix off and then on; a
# side-by-side table and $(B)/demo.svg (tests/demo.sh).
demo: check-qemu $(B)/kernel $(B)/root.tar
	@sh tests/demo.sh $(B)

# make chains: one boot, maild's map entries and chains drawn by
# vmobjdump -d with the fix off and on, rendered by Graphviz as
# $(B)/chains-off.svg and $(B)/chains-on.svg (tests/chains.sh).
chains: check-qemu $(B)/kernel $(B)/root.tar
	@sh tests/chains.sh $(B)

# make bench: figures from one boot, and the same boot again under
# QEMU's instruction counting (tests/bench.sh).
bench: check-qemu $(B)/kernel $(B)/root.tar
	@sh tests/bench.sh $(B)

# Soaks, each a boot of its own with mem=16M and swap (tests/soak.sh):
#	make soak-fuzz [CALLS=N] [SEED=S]	the system call fuzzer,
#		unprivileged, under swap pressure, for N calls (10^6)
#	make soak-vm-guest [SOAK_SECS=S]	readers and writers checking
#		pages while others fork and exit under a hog, S seconds (600)
CALLS		?= 1000000
SEED		?=
# SOAK_SECS: with soak-vm, above.

SOAK_FUZZ_CMD	= RUNTESTS_FUZZ_CALLS=$(CALLS) RUNTESTS_FUZZ_SEED=$(SEED) \
		  runtests -t 86400 fuzz-soak
SOAK_VM_CMD	= RUNTESTS_SOAK_SECONDS=$(SOAK_SECS) \
		  runtests -t $(shell expr $(SOAK_SECS) + 600) rw-soak

soak-fuzz: check-qemu $(B)/kernel $(B)/root.tar
	@sh tests/soak.sh $(B) fuzz '$(SOAK_FUZZ_CMD)'

soak-vm-guest: check-qemu $(B)/kernel $(B)/root.tar
	@sh tests/soak.sh $(B) vm-guest '$(SOAK_VM_CMD)'

# make soak-swapoff [SOAK_SECS=S]: swapoff and swapon cycles of two swap
# disks, in turn, under vm-test and maild for S seconds (600).
SOAK_SWAPOFF_CMD = RUNTESTS_SOAK_SECONDS=$(SOAK_SECS) \
		  runtests -t $(shell expr $(SOAK_SECS) + 600) swapoff-soak

soak-swapoff: check-qemu $(B)/kernel $(B)/root.tar
	@SOAK_SWAP2=64M sh tests/soak.sh $(B) swapoff '$(SOAK_SWAPOFF_CMD)'

# make soak-collapse [SOAK_SECS=S]: collapse under fire (vm-test with
# four children and a hog, the fix on) for S seconds (600) instead of
# make test's 120.
SOAK_COLLAPSE_CMD = RUNTESTS_FIRE_SECONDS=$(SOAK_SECS) \
		  runtests -t $(shell expr $(SOAK_SECS) + 600) collapse-fire

soak-collapse: check-qemu $(B)/kernel $(B)/root.tar
	@sh tests/soak.sh $(B) collapse '$(SOAK_COLLAPSE_CMD)'

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
