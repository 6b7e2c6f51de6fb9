#!/bin/sh
# need-qemu.sh: make sure qemu-system-i386 is installed.  As root on a
# Debian-like system, install it with apt-get; otherwise say exactly
# what to run.
command -v qemu-system-i386 >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "qemu-system-i386 is missing: installing qemu-system-x86 with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && \
	    apt-get install -y -qq qemu-system-x86 >&2 && exit 0
	echo "apt-get failed to install qemu-system-x86" >&2
	exit 1
fi
echo "qemu-system-i386 is missing; install it with:" >&2
echo "    sudo apt-get install qemu-system-x86" >&2
exit 1
