/*
 * subr_prf.c: the kernel's printf, snprintf and panic.
 *
 * One formatting engine, kvprintf(), writes through a callback: to the
 * console for printf, into a buffer for snprintf.  It knows the C
 * conversions the kernel uses (d i u o x X c s p %), the flags
 * - 0 # + and space, field width and precision (also as *), and the
 * length modifiers hh h l ll j z t.  No floating point.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>

const char *panicstr;
struct trapframe *panic_trapframe;

typedef void	putc_fn(int, void *);

/* Write the digits of v in base (least significant first) to buf. */
static int
ksprintn(char *buf, uint64_t v, int base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		buf[n++] = digits[v % base];
		v /= base;
	} while (v != 0);
	return (n);
}

static int
kvprintf(const char *fmt, putc_fn *put, void *arg, __builtin_va_list ap)
{
	char nbuf[24];
	const char *s, *prefix;
	uint64_t uv;
	int64_t sv;
	int ladjust, zpad, alt, plus, space, width, prec, lflag, base;
	int upper, neg, n, len, total = 0, c, i;

#define	PUT(ch)	do { put((ch), arg); total++; } while (0)
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			PUT(*fmt);
			continue;
		}
		ladjust = zpad = alt = plus = space = lflag = 0;
		width = 0;
		prec = -1;
		for (;;) {
			c = *++fmt;
			if (c == '-')
				ladjust = 1;
			else if (c == '0')
				zpad = 1;
			else if (c == '#')
				alt = 1;
			else if (c == '+')
				plus = 1;
			else if (c == ' ')
				space = 1;
			else
				break;
		}
		if (*fmt == '*') {
			width = __builtin_va_arg(ap, int);
			if (width < 0) {
				ladjust = 1;
				width = -width;
			}
			fmt++;
		} else
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = __builtin_va_arg(ap, int);
				fmt++;
			} else
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
		}
		for (;; fmt++) {
			if (*fmt == 'l' || *fmt == 'j')
				lflag += *fmt == 'j' ? 2 : 1;
			else if (*fmt != 'h' && *fmt != 'z' && *fmt != 't')
				break;
		}
		upper = neg = 0;
		prefix = "";
		switch (c = *fmt) {
		case 'c':
			nbuf[0] = __builtin_va_arg(ap, int);
			s = nbuf;
			len = 1;
			goto string;
		case 's':
			s = __builtin_va_arg(ap, const char *);
			if (s == NULL)
				s = "(null)";
			len = prec >= 0 ? (int)strnlen(s, prec) : (int)strlen(s);
		string:
			if (!ladjust)
				for (i = len; i < width; i++)
					PUT(' ');
			for (i = 0; i < len; i++)
				PUT(s[i]);
			if (ladjust)
				for (i = len; i < width; i++)
					PUT(' ');
			continue;
		case 'd':
		case 'i':
			sv = lflag >= 2 ? __builtin_va_arg(ap, int64_t) :
			    __builtin_va_arg(ap, int);
			neg = sv < 0;
			uv = neg ? -(uint64_t)sv : (uint64_t)sv;
			base = 10;
			prefix = neg ? "-" : plus ? "+" : space ? " " : "";
			break;
		case 'p':
			uv = (uintptr_t)__builtin_va_arg(ap, void *);
			base = 16;
			prefix = "0x";
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			uv = lflag >= 2 ? __builtin_va_arg(ap, uint64_t) :
			    __builtin_va_arg(ap, u_int);
			base = c == 'u' ? 10 : c == 'o' ? 8 : 16;
			upper = c == 'X';
			if (alt && uv != 0)
				prefix = c == 'o' ? "0" : upper ? "0X" : "0x";
			break;
		case '%':
			PUT('%');
			continue;
		default:
			PUT('%');
			if (c == '\0')
				return (total);
			PUT(c);
			continue;
		}
		n = (prec == 0 && uv == 0) ? 0 : ksprintn(nbuf, uv, base, upper);
		len = (prec > n ? prec : n) + (int)strlen(prefix);
		if (!ladjust && !(zpad && prec < 0))
			for (i = len; i < width; i++)
				PUT(' ');
		for (s = prefix; *s != '\0'; s++)
			PUT(*s);
		if (!ladjust && zpad && prec < 0)
			for (i = len; i < width; i++)
				PUT('0');
		for (i = n; i < prec; i++)
			PUT('0');
		while (n > 0)
			PUT(nbuf[--n]);
		if (ladjust)
			for (i = len; i < width; i++)
				PUT(' ');
	}
#undef PUT
	return (total);
}

static void
cons_put(int c, void *arg)
{

	cnputc(c);
}

int
vprintf(const char *fmt, __builtin_va_list ap)
{

	return (kvprintf(fmt, cons_put, NULL, ap));
}

int
printf(const char *fmt, ...)
{
	__builtin_va_list ap;
	int n;

	__builtin_va_start(ap, fmt);
	n = vprintf(fmt, ap);
	__builtin_va_end(ap);
	return (n);
}

struct snbuf {
	char	*sb_p;
	size_t	sb_left;		/* room, NUL excluded */
};

static void
buf_put(int c, void *arg)
{
	struct snbuf *sb = arg;

	if (sb->sb_left > 0) {
		*sb->sb_p++ = c;
		sb->sb_left--;
	}
}

int
vsnprintf(char *buf, size_t size, const char *fmt, __builtin_va_list ap)
{
	struct snbuf sb;
	int n;

	sb.sb_p = buf;
	sb.sb_left = size > 0 ? size - 1 : 0;
	n = kvprintf(fmt, buf_put, &sb, ap);
	if (size > 0)
		*sb.sb_p = '\0';
	return (n);
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	__builtin_va_list ap;
	int n;

	__builtin_va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	__builtin_va_end(ap);
	return (n);
}

/*
 * Print a message unless one was printed less than `interval' ticks
 * ago; *last remembers when.  For messages a misbehaving process could
 * otherwise repeat without end.
 */
void
log_ratelimited(uint32_t *last, int interval, const char *fmt, ...)
{
	__builtin_va_list ap;

	if (*last != 0 && ticks - *last < (uint32_t)interval)
		return;
	*last = ticks != 0 ? ticks : 1;
	__builtin_va_start(ap, fmt);
	vprintf(fmt, ap);
	__builtin_va_end(ap);
}

/*
 * Stop the system: print the message, the process, the trap frame of a
 * fatal trap and a backtrace, then leave QEMU with the panic status so
 * that the test harness sees it.  A panic during panic just stops.
 */
void
panic(const char *fmt, ...)
{
	__builtin_va_list ap;

	disable_intr();
	__builtin_va_start(ap, fmt);
	if (panicstr != NULL) {
		printf("\npanic: recursive panic: ");
		vprintf(fmt, ap);
		printf("\n");
		cpu_poweroff(DEBUG_EXIT_PANIC);
	}
	panicstr = fmt;
	printf("\npanic: ");
	vprintf(fmt, ap);
	__builtin_va_end(ap);
	printf("\n");
	if (curproc != NULL)
		printf("process %d (%s)\n", curproc->p_pid, curproc->p_comm);
	if (panic_trapframe != NULL)
		db_print_trapframe(panic_trapframe);
	db_backtrace(read_ebp(), panic_trapframe);
	cpu_poweroff(DEBUG_EXIT_PANIC);
}
