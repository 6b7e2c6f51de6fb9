/*
 * machine/cpufunc.h: inline access to the i386 instructions that C
 * cannot express: port I/O, control registers, interrupts, the TLB.
 * Only machine-dependent code (sys/arch/i386, sys/dev) includes it.
 */
#ifndef _MACHINE_CPUFUNC_H_
#define _MACHINE_CPUFUNC_H_

#include <sys/types.h>

static inline uint8_t
inb(uint16_t port)
{
	uint8_t v;

	__asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return (v);
}

static inline uint16_t
inw(uint16_t port)
{
	uint16_t v;

	__asm volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return (v);
}

static inline uint32_t
inl(uint16_t port)
{
	uint32_t v;

	__asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return (v);
}

static inline void
outb(uint16_t port, uint8_t v)
{

	__asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outw(uint16_t port, uint16_t v)
{

	__asm volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outl(uint16_t port, uint32_t v)
{

	__asm volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

/* Read cnt 16-bit words from port into buf. */
static inline void
insw(uint16_t port, void *buf, int cnt)
{

	__asm volatile("cld; rep insw"
	    : "+D"(buf), "+c"(cnt) : "d"(port) : "memory");
}

/* Write cnt 16-bit words from buf to port. */
static inline void
outsw(uint16_t port, const void *buf, int cnt)
{

	__asm volatile("cld; rep outsw"
	    : "+S"(buf), "+c"(cnt) : "d"(port) : "memory");
}

static inline void
disable_intr(void)
{

	__asm volatile("cli" : : : "memory");
}

static inline void
enable_intr(void)
{

	__asm volatile("sti" : : : "memory");
}

static inline uint32_t
read_eflags(void)
{
	uint32_t ef;

	__asm volatile("pushfl; popl %0" : "=r"(ef));
	return (ef);
}

static inline void
write_eflags(uint32_t ef)
{

	__asm volatile("pushl %0; popfl" : : "r"(ef) : "memory", "cc");
}

static inline void
halt(void)
{

	__asm volatile("hlt");
}

static inline uint32_t
rcr0(void)
{
	uint32_t v;

	__asm volatile("movl %%cr0, %0" : "=r"(v));
	return (v);
}

static inline void
lcr0(uint32_t v)
{

	__asm volatile("movl %0, %%cr0" : : "r"(v) : "memory");
}

static inline uint32_t
rcr2(void)
{
	uint32_t v;

	__asm volatile("movl %%cr2, %0" : "=r"(v));
	return (v);
}

static inline uint32_t
rcr3(void)
{
	uint32_t v;

	__asm volatile("movl %%cr3, %0" : "=r"(v));
	return (v);
}

static inline void
lcr3(uint32_t v)
{

	__asm volatile("movl %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint32_t
rcr4(void)
{
	uint32_t v;

	__asm volatile("movl %%cr4, %0" : "=r"(v));
	return (v);
}

static inline void
lcr4(uint32_t v)
{

	__asm volatile("movl %0, %%cr4" : : "r"(v) : "memory");
}

static inline void
invlpg(vaddr_t va)
{

	__asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline uint64_t
rdtsc(void)
{
	uint64_t v;

	__asm volatile("rdtsc" : "=A"(v));
	return (v);
}

static inline uint32_t
read_ebp(void)
{
	uint32_t v;

	__asm volatile("movl %%ebp, %0" : "=r"(v));
	return (v);
}

#endif /* !_MACHINE_CPUFUNC_H_ */
