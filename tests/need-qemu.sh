#!/bin/sh
# need-qemu.sh: make sure qemu-system-i386 is installed (tests/need.sh:
# as root on a Debian-like system, install it with apt-get; otherwise
# say exactly what to run).
exec sh "$(dirname "$0")/need.sh" qemu-system-i386 qemu-system-x86
