/*
 * t_pipe.c: tests of pipes: order, transfers larger than the pipe's
 * buffer between two processes, end of file, SIGPIPE and EPIPE, a
 * pipeline of three processes, and dup2 onto the standard output.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtests.h"

extern char **environ;

#define	LARGE	(64 * 1024)

/* The byte at offset i of a test stream: not periodic in 2^k. */
#define	STREAM(i)	((unsigned char)((i) % 251 + (i) / 251))

/*
 * Writes of different sizes come out of one pipe, in one process, in
 * the order they went in, whatever the sizes of the reads.  The total
 * (471 bytes) stays below PIPE_BUF's minimum, 512, so that it fits in
 * any pipe.
 */
void
test_pipe_order(void)
{
	static const int sizes[] = { 1, 7, 100, 200, 13, 150 };
	unsigned char buf[4096];
	int p[2], i, n, total = 0, got;
	long r;

	t_pipe(p);
	EXPECT(p[0] >= 0 && p[1] >= 0 && p[0] != p[1],
	    "pipe gave descriptors %d and %d", p[0], p[1]);
	for (i = 0; i < (int)nitems(sizes); i++) {
		for (n = 0; n < sizes[i]; n++)
			buf[n] = STREAM(total + n);
		t_writeall(p[1], buf, sizes[i]);
		total += sizes[i];
	}
	for (got = 0; got < total; got += r) {
		r = read(p[0], buf, MIN(33, total - got));
		EXPECT(r > 0, "read after %d of %d bytes: returned %ld (%s)",
		    got, total, r, t_errname(errno));
		for (n = 0; n < r; n++)
			EXPECT(buf[n] == STREAM(got + n), "byte %d is %d, "
			    "expected %d", got + n, buf[n], STREAM(got + n));
	}
	EXPECT_ERR(write(p[0], "x", 1), EBADF);
	EXPECT_ERR(read(p[1], buf, 1), EBADF);
	close(p[0]);
	close(p[1]);
}

/*
 * 64 KiB, more than a pipe holds, from a writer process to a reader
 * process, in writes and reads of unrelated sizes; every byte arrives
 * once and in order, then end of file.
 */
void
test_pipe_large(void)
{
	unsigned char *buf;
	int p[2], n, total;
	pid_t pid;
	long r;

	buf = malloc(4096);
	EXPECT(buf != NULL, "malloc failed");
	t_pipe(p);
	pid = t_fork();
	if (pid == 0) {
		close(p[0]);
		for (total = 0; total < LARGE; total += n) {
			n = MIN(1000 + total % 3000, LARGE - total);
			for (r = 0; r < n; r++)
				buf[r] = STREAM(total + r);
			t_writeall(p[1], buf, n);
		}
		_exit(0);
	}
	close(p[1]);
	for (total = 0;; total += r) {
		r = read(p[0], buf, 777);
		if (r == -1 && errno == EINTR) {
			r = 0;
			continue;
		}
		EXPECT(r >= 0, "read after %d bytes: %s", total,
		    t_errname(errno));
		if (r == 0)
			break;
		EXPECT(total + r <= LARGE, "more than %d bytes arrived",
		    LARGE);
		for (n = 0; n < r; n++)
			EXPECT(buf[n] == STREAM(total + n), "byte %d is %d, "
			    "expected %d", total + n, buf[n],
			    STREAM(total + n));
	}
	EXPECT(total == LARGE, "end of file after %d of %d bytes", total,
	    LARGE);
	close(p[0]);
	t_expect_exit(pid, 0, "writer");
	free(buf);
}

/*
 * A read gives end of file only when every write end is closed: a
 * duplicate held by this process, and one held by a child.
 */
void
test_pipe_eof(void)
{
	int p[2], go[2], w2;
	char buf[8];
	pid_t pid;

	t_pipe(p);
	w2 = dup(p[1]);
	EXPECT(w2 >= 0, "dup: %s", t_errname(errno));
	close(p[1]);
	t_writeall(w2, "x", 1);
	EXPECT(read(p[0], buf, sizeof(buf)) == 1 && buf[0] == 'x',
	    "did not read back 'x' through a dup'd write end");
	close(w2);
	EXPECT(read(p[0], buf, sizeof(buf)) == 0,
	    "no end of file after the last write end closed");
	EXPECT(read(p[0], buf, sizeof(buf)) == 0,
	    "end of file did not last");
	close(p[0]);

	t_pipe(p);
	t_pipe(go);
	pid = t_fork();
	if (pid == 0) {
		close(p[0]);
		close(go[1]);
		t_writeall(p[1], "a", 1);
		if (t_readall(go[0], buf, 1) != 1)
			_exit(2);
		t_writeall(p[1], "b", 1);
		_exit(0);
	}
	close(p[1]);
	close(go[0]);
	EXPECT(t_readall(p[0], buf, 1) == 1 && buf[0] == 'a',
	    "first byte from the child missing");
	t_writeall(go[1], "g", 1);
	EXPECT(t_readall(p[0], buf, 1) == 1 && buf[0] == 'b',
	    "end of file before the child's second byte");
	EXPECT(read(p[0], buf, sizeof(buf)) == 0,
	    "no end of file after the child exited");
	close(p[0]);
	close(go[1]);
	t_expect_exit(pid, 0, "writer child");
}

/*
 * In a child: write to a pipe without readers; returning from write
 * is a failure unless SIGPIPE is ignored and write gave EPIPE.
 */
static void
write_no_reader(void *arg)
{
	int p[2], ignored = arg != NULL;
	long r;

	t_pipe(p);
	close(p[0]);
	if (ignored)
		t_signal(SIGPIPE, SIG_IGN, 0);
	errno = 0;
	r = write(p[1], "x", 1);
	if (!ignored)
		FAIL("write with no reader returned %ld (%s) instead of "
		    "raising SIGPIPE", r, t_errname(errno));
	if (r != -1 || errno != EPIPE)
		FAIL("write with no reader, SIGPIPE ignored: returned %ld "
		    "(%s), expected EPIPE", r, t_errname(errno));
	_exit(0);
}

/*
 * A write to a pipe whose readers are all gone raises SIGPIPE, which
 * kills by default; with SIGPIPE ignored the write fails with EPIPE.
 */
void
test_pipe_sigpipe(void)
{
	pid_t pid;

	t_expect_death(write_no_reader, NULL, SIGPIPE,
	    "write with no reader");
	pid = t_fork();
	if (pid == 0)
		write_no_reader(&pid);
	t_expect_exit(pid, 0, "write with no reader, SIGPIPE ignored");
}

/*
 * A pipeline of three processes, as a shell builds it: a producer
 * writes a stream into pipe a; `runtests -C inc', with a as standard
 * input and pipe b as standard output, adds 1 to every byte; this
 * process reads b and checks every byte, then end of file.
 */
void
test_pipe_pipeline(void)
{
	char *av[] = { "runtests", "-C", "inc", NULL };
	unsigned char buf[1024];
	int a[2], b[2], n, total;
	pid_t prod, mid;
	long r;

	t_pipe(a);
	t_pipe(b);
	prod = t_fork();
	if (prod == 0) {
		close(a[0]);
		close(b[0]);
		close(b[1]);
		for (total = 0; total < 20000; total += n) {
			n = MIN((int)sizeof(buf), 20000 - total);
			for (r = 0; r < n; r++)
				buf[r] = STREAM(total + r);
			t_writeall(a[1], buf, n);
		}
		_exit(0);
	}
	mid = t_spawn(av, environ, a[0], b[1]);
	close(a[0]);
	close(a[1]);
	close(b[1]);
	for (total = 0;; total += r) {
		r = read(b[0], buf, sizeof(buf));
		if (r == -1 && errno == EINTR) {
			r = 0;
			continue;
		}
		EXPECT(r >= 0, "read: %s", t_errname(errno));
		if (r == 0)
			break;
		for (n = 0; n < r && total + n < 20000; n++)
			EXPECT(buf[n] == (unsigned char)(STREAM(total + n) + 1),
			    "byte %d is %d, expected %d", total + n, buf[n],
			    (unsigned char)(STREAM(total + n) + 1));
	}
	EXPECT(total == 20000, "the pipeline delivered %d of 20000 bytes",
	    total);
	close(b[0]);
	t_expect_exit(prod, 0, "producer");
	t_expect_exit(mid, 0, "runtests -C inc");
}

/*
 * dup2 of a pipe's write end onto the standard output: in this process
 * (then restored), and in an exec'd child that prints with write(1).
 */
void
test_pipe_dup2(void)
{
	char *av[] = { "runtests", "-C", "echo", "hello,", "pipe", NULL };
	char buf[64];
	int p[2], saved, st;
	size_t len;

	t_pipe(p);
	saved = dup(1);
	EXPECT(saved >= 0, "dup(1): %s", t_errname(errno));
	EXPECT(dup2(p[1], 1) == 1, "dup2(pipe, 1): %s", t_errname(errno));
	if (write(1, "via fd 1", 8) != 8) {
		(void)dup2(saved, 1);
		FAIL("write to fd 1: %s", t_errname(errno));
	}
	EXPECT(dup2(saved, 1) == 1, "dup2(saved, 1): %s", t_errname(errno));
	close(saved);
	close(p[1]);
	len = t_readall(p[0], buf, sizeof(buf) - 1);
	buf[len] = '\0';
	close(p[0]);
	EXPECT(strcmp(buf, "via fd 1") == 0, "read \"%s\" from the pipe, "
	    "expected \"via fd 1\"", buf);

	st = t_run_capture(av, environ, buf, sizeof(buf), &len);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "runtests -C echo: status 0x%x", st);
	EXPECT(strcmp(buf, "hello, pipe\n") == 0, "the exec'd child wrote "
	    "\"%s\" through its fd 1, expected \"hello, pipe\\n\"", buf);
}
