/*
 * machine/multiboot.h: the parts of the Multiboot 1 information
 * structure that the kernel reads at boot.
 */
#ifndef _MACHINE_MULTIBOOT_H_
#define _MACHINE_MULTIBOOT_H_

#include <sys/types.h>

#define	MULTIBOOT_BOOTLOADER_MAGIC	0x2badb002

#define	MBI_MEMORY	0x00000001	/* mem_lower, mem_upper valid */
#define	MBI_CMDLINE	0x00000004	/* cmdline valid */
#define	MBI_MODS	0x00000008	/* mods_count, mods_addr valid */
#define	MBI_MMAP	0x00000040	/* mmap_length, mmap_addr valid */

struct multiboot_info {
	uint32_t	flags;
	uint32_t	mem_lower;	/* KiB below 1 MiB */
	uint32_t	mem_upper;	/* KiB above 1 MiB */
	uint32_t	boot_device;
	uint32_t	cmdline;	/* physical address of a C string */
	uint32_t	mods_count;
	uint32_t	mods_addr;	/* physical address of the modules */
	uint32_t	syms[4];
	uint32_t	mmap_length;	/* bytes of memory map */
	uint32_t	mmap_addr;	/* physical address of the map */
};

struct multiboot_module {
	uint32_t	mod_start;	/* physical, page aligned */
	uint32_t	mod_end;
	uint32_t	string;		/* physical address of a C string */
	uint32_t	reserved;
};

/* A memory map entry; `size' does not count itself. */
struct multiboot_mmap {
	uint32_t	size;
	uint64_t	addr;
	uint64_t	len;
	uint32_t	type;		/* 1: available RAM */
} __attribute__((packed));

#endif /* !_MACHINE_MULTIBOOT_H_ */
