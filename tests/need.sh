#!/bin/sh
# need.sh COMMAND PACKAGE: make sure COMMAND is installed.  When it is
# missing: as root on a Debian-like system, install PACKAGE with
# apt-get; otherwise say exactly what to run, and fail.  The Makefile
# uses it for QEMU (tests/need-qemu.sh), Graphviz (make chains) and
# gnuplot (make demo).
cmd=$1
pkg=$2
if [ -z "$cmd" ] || [ -z "$pkg" ]; then
	echo "usage: need.sh command package" >&2
	exit 2
fi
command -v "$cmd" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "$cmd is missing: installing $pkg with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && \
	    apt-get install -y -qq "$pkg" >&2 &&
	    command -v "$cmd" >/dev/null 2>&1 && exit 0
	echo "apt-get failed to install $pkg" >&2
	exit 1
fi
echo "$cmd is missing; install it with:" >&2
echo "    sudo apt-get install $pkg" >&2
exit 1
