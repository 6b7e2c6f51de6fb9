/*
 * maild.c: /bin/maild, a small sendmail-like daemon, the long-running
 * server of the 1993 report.  It holds a working set of several
 * megabytes (an alias table it reads and a queue it keeps rewriting)
 * and forks for every request, the child executing /bin/deliver: the
 * pattern that, on a machine that pages, grows an endless chain of
 * shadow objects behind the daemon when objects with pagers are never
 * collapsed (vm.collapse_pagers=0).
 *
 *	maild [-vw] [-m mb] [-n count] [-i ms] [-s every] [-c children]
 *	    [-a pages] [-q pages] [-t pages] [-p every]
 *
 *	-m mb		working set in MiB (default 6): a quarter alias
 *			table, the rest the queue
 *	-n count	make count requests itself, to user1, user2, ...,
 *			instead of reading them from the standard input;
 *			0: make requests until killed
 *	-i ms		with -n, one request every ms milliseconds
 *			(default 100)
 *	-s every	print a status line after every `every' requests
 *	-c children	deliveries running at once, at most (default 4)
 *	-a pages	alias pages read for each request (default 2)
 *	-q pages	queue pages written for each request (default 4)
 *	-t pages	pages each deliver touches (deliver -t, default 4)
 *	-p every	every `every'-th deliver applies memory pressure
 *			(deliver -p: it pushes maild's pages to swap);
 *			best with -c 1, so that maild sits idle meanwhile
 *	-v		one line per request
 *	-w		when the requests are done, print a status line and
 *			wait, idle (in pause(2)), until killed: the chains
 *			can be looked at as the requests left them
 *
 * Requests come one per line on the standard input.  Umbra has pipes
 * but neither FIFOs nor sockets, so the channel is a pipe from the
 * client, sendmsg(1): `sendmsg -n 100 alice bob | maild'.
 *
 *	MAIL rcpt bytes	deliver a message of `bytes' bytes to rcpt
 *	SYNC		wait until every delivery has finished, then print
 *			a status line
 *
 * Other lines are reported on the standard error and ignored.  maild
 * exits at the end of its input (or after count requests), once every
 * child has been waited for.  SIGTERM, SIGINT and SIGHUP end it the same
 * way, as soon as the request in hand is entered: the remaining
 * deliveries are waited for, the working set checked and the last
 * status line printed, so `kill' gives the verdict of `maild -n 0'.
 *
 * For each request maild looks the recipient up in the alias table
 * (reading and checking a few of its pages), forks, and, while the
 * child still shares its memory (it has not executed deliver yet: the
 * parent runs on after fork), writes the request into the queue: the
 * queue's header page and the pages of the request's slot, slots taken
 * in turn.  The child executes /bin/deliver; maild collects finished
 * deliveries as it goes and counts those that failed.
 *
 * The status line, after SYNC, every -s requests, and at the end:
 *
 *	maild: requests N swap_used S chain C hidden_swap H hidden_res X
 *	    swapped W children K failed F
 *
 * (one line), where S is vm.swap_used and C, H, X, W come from
 * kinfo_vmsummary(3) on maild itself: its deepest chain of objects, the
 * pages, on swap and resident, that nobody can read any more, and the
 * swap blocks its own objects hold (root only; "?" otherwise).  The last line adds "done" after "maild:".
 * Every page of the working set follows an exact model (alias pages
 * never change, each queue page has a generation), and the whole set is
 * checked before exiting: exit status 0 if it is intact and every
 * delivery succeeded, 1 otherwise, 2 for a usage error.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/vmobject.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vmtest.h"

#define	PGSZ		4096UL
#define	WORDS		(PGSZ / sizeof(uint32_t))
#define	RECSZ		64		/* bytes per alias record */
#define	RECS		(PGSZ / RECSZ)	/* alias records per page */
#define	QMAGIC		0x71756500U	/* "que\0": word 0 of queue pages */
#define	DELIVER		"/bin/deliver"
#define	MAXLINE		256

static char	*alias;		/* the alias table */
static u_long	nalias;		/* its pages */
static uint32_t	*queue;		/* the queue */
static u_long	nqueue;		/* its pages */
static uint32_t	*qgen;		/* the model: generation of each page */
static u_long	qpages = 4;	/* pages written for each request */
static u_long	apages = 2;	/* alias pages read for each request */
static long	touch = 4;	/* deliver -t */
static long	pevery;		/* deliver -p every so many requests */
static int	vflag;
static int	wflag;
static int	maxchild = 4;
static int	nchild;		/* deliveries running */
static int	nrequests;	/* requests taken */
static int	nfailed;	/* deliveries that failed */
static int	corrupt;	/* a page did not hold what it should */
static volatile sig_atomic_t stopping;	/* a signal asked us to end */

static void
usage(void)
{

	fprintf(stderr, "usage: maild [-vw] [-m mb] [-n count] [-i ms] "
	    "[-s every] [-c children]\n"
	    "             [-a pages] [-q pages] [-t pages] [-p every]\n");
	exit(2);
}

static void
msleep(int ms)
{
	struct timespec ts, left;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &left) == -1 && errno == EINTR && !stopping)
		ts = left;
}

static void
onstop(int sig)
{

	stopping = 1;
}

/*
 * What alias page pg holds: RECS records "user<n>" -> "mbox<n>", the
 * rest of each record a pattern of n.  Built into buf (PGSZ bytes).
 */
static void
alias_page(u_long pg, char *buf)
{
	uint32_t *w;
	u_long i, n, k;

	memset(buf, 0, PGSZ);
	for (i = 0; i < RECS; i++) {
		n = pg * RECS + i;
		snprintf(buf + i * RECSZ, 24, "user%lu", n);
		snprintf(buf + i * RECSZ + 24, 24, "mbox%lu", n);
		w = (uint32_t *)(buf + i * RECSZ + 48);
		for (k = 0; k < (RECSZ - 48) / 4; k++)
			w[k] = (uint32_t)n * 0x9e3779b1U + (uint32_t)k;
	}
}

/*
 * Look rcpt up.  The name hashes to a record; its page and the
 * apages - 1 pages after it (the members of an alias list, say) are
 * read, each checked whole against what it must hold.  Copies the
 * record's mailbox into mbox (24 bytes) and returns 0, or returns -1
 * on a mismatch.
 */
static int
alias_lookup(const char *rcpt, char *mbox)
{
	static char want[PGSZ];
	const char *p;
	uint32_t h;
	u_long n, pg, i;

	for (h = 2166136261U, p = rcpt; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619U;
	h ^= h >> 16;
	h *= 0x7feb352dU;
	h ^= h >> 15;
	n = h % (nalias * RECS);
	for (i = 0; i < apages; i++) {
		pg = (n / RECS + i) % nalias;
		alias_page(pg, want);
		if (memcmp(alias + pg * PGSZ, want, PGSZ) != 0) {
			fprintf(stderr, "maild: alias page %lu does not hold "
			    "what it should\n", pg);
			corrupt = 1;
			return (-1);
		}
	}
	memcpy(mbox, alias + n * RECSZ + 24, 24);
	mbox[23] = '\0';
	return (0);
}

/*
 * Check queue page pg against the model; 1 if it matches, else 0 with
 * the first bad word reported.
 */
static int
queue_check(u_long pg)
{
	uint32_t *p = queue + pg * WORDS;
	u_long w;

	for (w = 0; w < WORDS; w++) {
		if (p[w] != page_word(QMAGIC, pg, qgen[pg], w)) {
			fprintf(stderr, "maild: queue page %lu word %lu: "
			    "expected 0x%08x, found 0x%08x (generation %u)\n",
			    pg, w, page_word(QMAGIC, pg, qgen[pg], w), p[w],
			    qgen[pg]);
			corrupt = 1;
			return (0);
		}
	}
	return (1);
}

/* Rewrite queue page pg with its next generation. */
static void
queue_write(u_long pg)
{
	uint32_t *p = queue + pg * WORDS;
	u_long w;

	qgen[pg]++;
	for (w = 0; w < WORDS; w++)
		p[w] = page_word(QMAGIC, pg, qgen[pg], w);
}

/*
 * Enter request seq in the queue: the header page (page 0), then the
 * qpages pages of its slot.  Each page is checked before it is
 * rewritten.
 */
static void
queue_enter(int seq)
{
	u_long slots, first, i;

	slots = (nqueue - 1) / qpages;
	first = 1 + ((u_long)seq % slots) * qpages;
	queue_check(0);
	queue_write(0);
	for (i = 0; i < qpages; i++) {
		queue_check(first + i);
		queue_write(first + i);
	}
}

/* Note how a finished delivery ended. */
static void
reaped(pid_t pid, int st)
{

	nchild--;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		nfailed++;
		fprintf(stderr, "maild: delivery %d ended with status "
		    "0x%x\n", (int)pid, st);
	}
}

/*
 * Collect the deliveries that have finished, then wait until at most
 * `keep' are still running: collect(nchild) never blocks, collect(0)
 * waits for all.
 */
static void
collect(int keep)
{
	pid_t pid;
	int st;

	while (nchild > 0) {
		pid = waitpid(-1, &st, nchild > keep ? 0 : WNOHANG);
		if (pid > 0) {
			reaped(pid, st);
			continue;
		}
		if (pid == -1 && errno == EINTR)
			continue;
		if (pid == -1) {
			fprintf(stderr, "maild: waitpid: %s\n",
			    strerror(errno));
			nchild = 0;
		}
		break;
	}
}

/*
 * Print the status line (see the opening comment); `done' marks the
 * last one.
 */
static void
status(int done)
{
	static int warned;
	struct kinfo_vmsummary ks;
	char vm[96];

	if (kinfo_vmsummary(getpid(), &ks) == 0) {
		snprintf(vm, sizeof(vm), "chain %u hidden_swap %u "
		    "hidden_res %u swapped %u", ks.ks_longest_chain,
		    ks.ks_hidden_swap, ks.ks_hidden_res, ks.ks_swapped);
	} else {
		if (!warned++)
			fprintf(stderr, "maild: kinfo_vmsummary: %s\n",
			    strerror(errno));
		snprintf(vm, sizeof(vm), "chain ? hidden_swap ? "
		    "hidden_res ? swapped ?");
	}
	printf("maild:%s requests %d swap_used %d %s children %d failed "
	    "%d\n", done ? " done" : "", nrequests, sysctl_int("vm.swap_used"),
	    vm, nchild, nfailed);
	fflush(stdout);
}

/*
 * Take one request: look rcpt up, fork, enter it in the queue while the
 * child still shares our memory, and let the child execute deliver.
 */
static void
request(const char *rcpt, long bytes)
{
	char mbox[24], seqs[16], bytess[16], touchs[16];
	pid_t pid;
	int tries;

	nrequests++;
	if (alias_lookup(rcpt, mbox) == -1)
		return;
	collect(maxchild - 1);
	for (tries = 0; (pid = fork()) == -1; tries++) {
		if (errno != EAGAIN || tries == 50) {
			fprintf(stderr, "maild: request %d: fork: %s\n",
			    nrequests, strerror(errno));
			nfailed++;
			return;
		}
		if (nchild > 0)
			collect(nchild - 1);	/* one fewer, then retry */
		else
			msleep(100);
	}
	if (pid == 0) {
		char *av[12], **ap = av;

		snprintf(seqs, sizeof(seqs), "%d", nrequests);
		snprintf(bytess, sizeof(bytess), "%ld", bytes);
		snprintf(touchs, sizeof(touchs), "%ld", touch);
		*ap++ = "deliver";
		if (pevery > 0 && nrequests % pevery == 0)
			*ap++ = "-p";
		*ap++ = "-s";
		*ap++ = seqs;
		*ap++ = "-b";
		*ap++ = bytess;
		*ap++ = "-t";
		*ap++ = touchs;
		*ap++ = (char *)(uintptr_t)rcpt;
		*ap++ = mbox;
		*ap = NULL;
		execv(DELIVER, av);
		fprintf(stderr, "maild: exec %s: %s\n", DELIVER,
		    strerror(errno));
		_exit(127);
	}
	nchild++;
	queue_enter(nrequests);	/* the child may not have exec'd yet */
	if (vflag) {
		printf("maild: request %d: %s -> %s, %ld bytes, pid %d\n",
		    nrequests, rcpt, mbox, bytes, (int)pid);
		fflush(stdout);
	}
}

/*
 * Read requests from the standard input until its end.  Lines longer
 * than MAXLINE are malformed.  `every' > 0 prints a status line after
 * that many requests.
 */
static void
serve_input(int every)
{
	char line[MAXLINE], rcpt[64], extra[8];
	long bytes;
	size_t len;

	while (!stopping && fgets(line, sizeof(line), stdin) != NULL) {
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (strcmp(line, "SYNC") == 0) {
			collect(0);
			status(0);
			continue;
		}
		if (sscanf(line, "MAIL %63s %ld %7s", rcpt, &bytes,
		    extra) != 2 || bytes < 0 || bytes > 1024 * 1024) {
			fprintf(stderr, "maild: bad request: %s\n", line);
			continue;
		}
		request(rcpt, bytes);
		collect(nchild);
		if (every > 0 && nrequests % every == 0)
			status(0);
	}
}

/* Make count requests (0: until stopped), one every ms milliseconds. */
static void
serve_timer(int count, int ms, int every)
{
	char rcpt[32];
	int i;

	for (i = 0; (count == 0 || i < count) && !stopping; i++) {
		snprintf(rcpt, sizeof(rcpt), "user%d", i + 1);
		request(rcpt, 1024 + (i % 8) * 512);
		collect(nchild);
		if (every > 0 && nrequests % every == 0)
			status(0);
		if (ms > 0 && (count == 0 || i + 1 < count) && !stopping)
			msleep(ms);
	}
}

int
main(int argc, char *argv[])
{
	long mb = 6, count = -1, ms = 100, every = 0;
	struct sigaction sa;
	u_long pg, npages;
	char buf[PGSZ];
	int ch;

	while ((ch = getopt(argc, argv, "a:c:i:m:n:p:q:s:t:vw")) != -1) {
		switch (ch) {
		case 'a':
			apages = number(optarg, ch, 1, 4096);
			break;
		case 'c':
			maxchild = number(optarg, ch, 1, 64);
			break;
		case 'i':
			ms = number(optarg, ch, 0, 3600000);
			break;
		case 'm':
			mb = number(optarg, ch, 1, 512);
			break;
		case 'n':
			count = number(optarg, ch, 0, 100000000);
			break;
		case 'p':
			pevery = number(optarg, ch, 0, 100000000);
			break;
		case 'q':
			qpages = number(optarg, ch, 1, 4096);
			break;
		case 's':
			every = number(optarg, ch, 1, 100000000);
			break;
		case 't':
			touch = number(optarg, ch, 0, 4096);
			break;
		case 'v':
			vflag = 1;
			break;
		case 'w':
			wflag = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	npages = (u_long)mb * (1024 * 1024 / PGSZ);
	nalias = npages / 4;
	nqueue = npages - nalias;
	if (nalias == 0 || nqueue < 1 + qpages) {
		fprintf(stderr, "maild: -m %ld is too small for -q %lu\n",
		    mb, qpages);
		usage();
	}

	alias = mmap(NULL, nalias * PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	queue = mmap(NULL, nqueue * PGSZ, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	qgen = calloc(nqueue, sizeof(*qgen));
	if (alias == MAP_FAILED || queue == MAP_FAILED || qgen == NULL) {
		fprintf(stderr, "maild: no memory for %ld MiB\n", mb);
		return (1);
	}
	for (pg = 0; pg < nalias; pg++)
		alias_page(pg, alias + pg * PGSZ);
	for (pg = 0; pg < nqueue; pg++)
		queue_write(pg);

	/* No SA_RESTART: a read or a sleep gives up at once. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = onstop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	if (count >= 0)
		serve_timer(count, ms, every);
	else
		serve_input(every);
	if (wflag && !stopping) {
		collect(0);
		status(0);
		while (!stopping)
			pause();
	}

	collect(0);
	for (pg = 0; pg < nalias; pg++) {
		alias_page(pg, buf);
		if (memcmp(alias + pg * PGSZ, buf, PGSZ) != 0) {
			fprintf(stderr, "maild: alias page %lu does not hold "
			    "what it should\n", pg);
			corrupt = 1;
			break;
		}
	}
	for (pg = 0; pg < nqueue && queue_check(pg); pg++)
		continue;
	status(1);
	if (corrupt) {
		printf("maild: %d requests, working set corrupt\n", nrequests);
		return (1);
	}
	printf("maild: %d requests, %d failed, integrity ok\n", nrequests,
	    nfailed);
	return (nfailed != 0);
}
