# Kernel sources: filled in by the kernel work.
KERN_SRCS :=
