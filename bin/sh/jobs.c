/*
 * jobs.c: children of sh(1): forking, waiting, and the table of
 * background jobs.
 *
 * Every background command is one process (a subshell, see eval_bg()
 * in exec.c), recorded here with the text of the command.  A job's
 * status is collected in one of three ways: by jobs_reap(), a
 * non-blocking sweep that runs before each command and before each
 * prompt, so that no zombie outlives the next command; by the wait
 * builtin; or not at all if the shell exits first (init then reaps the
 * orphan).  An interactive shell reports finished jobs before its next
 * prompt and forgets them; otherwise a finished job stays in the table
 * until `wait' asks for it, so that `wait $!' gives its status, and the
 * oldest finished jobs are dropped once there are too many.
 *
 * Foreground children are waited for by pid (wait_pid()), never by a
 * sweep, so their statuses are never stolen.
 */

#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define	MAXDONE		64	/* finished jobs kept for `wait' */

struct job {
	int	 num;		/* [num] */
	pid_t	 pid;		/* the job's process */
	int	 done;		/* it has exited */
	int	 status;	/* wait status, once done */
	char	*text;		/* the command, for messages */
};

pid_t		 lastbgpid;		/* $! */
int		 intr_reported;		/* newline printed after ^C */
static struct job **jobs;		/* oldest first */
static int	 njobs;
static int	 jobcap;

/*
 * Fork.  In the child, set up its signals (bg: a background command)
 * and forget the parent's jobs.  Returns the pid, 0 in the child, or
 * -1 after reporting the failure.
 */
pid_t
fork_child(int bg)
{
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		sh_error("fork: %s", strerror(errno));
		return (-1);
	}
	if (pid == 0) {
		child_signals(bg);
		njobs = 0;
	}
	return (pid);
}

/* Record that process pid has exited with status st. */
static void
job_done(pid_t pid, int st)
{
	int i;

	for (i = 0; i < njobs; i++)
		if (jobs[i]->pid == pid && !jobs[i]->done) {
			jobs[i]->done = 1;
			jobs[i]->status = st;
			return;
		}
}

/* Wait for the child pid (retrying after signals); its wait status. */
int
wait_pid(pid_t pid)
{
	pid_t r;
	int st;

	for (;;) {
		r = waitpid(pid, &st, 0);
		if (r == pid) {
			job_done(pid, st);
			return (st);
		}
		if (r < 0 && errno != EINTR)
			return (W_EXITCODE(127, 0));
	}
}

/*
 * Turn a wait status into an exit status: the exit code, or 128 plus
 * the signal that killed the process.  With report set, an interactive
 * shell says which signal it was (nothing but a newline, if the
 * terminal did not print one, for SIGINT; nothing for SIGPIPE).
 */
int
wait_status(int st, int report)
{
	int sig;

	if (WIFEXITED(st))
		return (WEXITSTATUS(st));
	sig = WIFSIGNALED(st) ? WTERMSIG(st) : WSTOPSIG(st);
	if (report && interactive) {
		if (sig == SIGINT) {
			sh_printf(2, "%s", INTR_NEWLINE);
			intr_reported = 1;
		}
		else if (sig != SIGPIPE)
			sh_printf(2, "%s%s\n", sig_describe(sig),
			    WIFSIGNALED(st) && WCOREDUMP(st) ?
			    " (core dumped)" : "");
	}
	return (128 + sig);
}

/*
 * Wait for a foreground command; its exit status.  Background jobs
 * that finished meanwhile are collected too.
 */
int
wait_fg(pid_t pid)
{
	int st;

	st = wait_pid(pid);
	jobs_reap();
	return (wait_status(st, 1));
}

/* Forget the job in slot i of the table. */
static void
job_remove(int i)
{
	free(jobs[i]->text);
	free(jobs[i]);
	memmove(&jobs[i], &jobs[i + 1], (njobs - i - 1) * sizeof(jobs[0]));
	njobs--;
}

/*
 * Record a new background job: process pid running the command text.
 * An interactive shell prints "[N] PID".
 */
void
job_add(pid_t pid, const char *text)
{
	struct job *j;
	int i, num, ndone;
	size_t len;

	/* Bound the number of finished jobs nobody asked about. */
	ndone = 0;
	for (i = njobs - 1; i >= 0; i--)
		if (jobs[i]->done && ++ndone > MAXDONE)
			job_remove(i);
	if (njobs == jobcap) {
		jobcap = jobcap ? jobcap * 2 : 8;
		jobs = xrealloc(jobs, jobcap * sizeof(jobs[0]));
	}
	/* The smallest job number not in use. */
	for (num = 1;; num++) {
		for (i = 0; i < njobs; i++)
			if (jobs[i]->num == num)
				break;
		if (i == njobs)
			break;
	}
	j = xmalloc(sizeof(*j));
	j->num = num;
	j->pid = pid;
	j->done = 0;
	j->status = 0;
	text = text != NULL ? text : "";
	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	j->text = xmalloc(len + 1);
	memcpy(j->text, text, len);
	j->text[len] = '\0';
	jobs[njobs++] = j;
	if (interactive)
		sh_printf(2, "[%d] %d\n", num, (int)pid);
}

/* Collect every child that has exited, without blocking. */
void
jobs_reap(void)
{
	pid_t pid;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		job_done(pid, st);
}

/* The state of a job in words: Running, Done, Exit N, or the signal. */
static void
job_print(struct job *j)
{
	const char *state;
	char buf[32];

	if (!j->done)
		state = "Running";
	else if (WIFEXITED(j->status)) {
		if (WEXITSTATUS(j->status) == 0)
			state = "Done";
		else {
			snprintf(buf, sizeof(buf), "Exit %d",
			    WEXITSTATUS(j->status));
			state = buf;
		}
	} else
		state = sig_describe(WTERMSIG(j->status));
	sh_printf(2, "[%d] %-24s %s\n", j->num, state, j->text);
}

/* Interactive: report the jobs that have finished, and forget them. */
void
jobs_notify(void)
{
	int i;

	for (i = 0; i < njobs;) {
		if (jobs[i]->done) {
			job_print(jobs[i]);
			job_remove(i);
		} else
			i++;
	}
}

/* The jobs builtin. */
void
jobs_list(void)
{
	int i;

	jobs_reap();
	for (i = 0; i < njobs; i++)
		job_print(jobs[i]);
	for (i = 0; i < njobs;) {
		if (jobs[i]->done)
			job_remove(i);
		else
			i++;
	}
}

/* Background jobs still running. */
int
jobs_count(void)
{
	int i, n;

	n = 0;
	for (i = 0; i < njobs; i++)
		if (!jobs[i]->done)
			n++;
	return (n);
}

/*
 * Wait for job i to finish.  Returns 0, or -1 if ^C interrupted an
 * interactive shell.
 */
static int
job_wait(struct job *j)
{
	pid_t r;
	int st;

	while (!j->done) {
		r = waitpid(j->pid, &st, 0);
		if (r == j->pid)
			job_done(r, st);
		else if (r < 0 && errno == EINTR) {
			if (interactive && gotsigint)
				return (-1);
		} else if (r < 0) {
			j->done = 1;
			j->status = W_EXITCODE(127, 0);
		}
	}
	return (0);
}

/*
 * The wait builtin: wait [pid | %job ...].  With no operand, waits for
 * every background job and returns the status of the last one; with
 * operands, returns the status of the last one named (127 if it is not
 * a child of this shell).
 */
int
jobs_wait(int argc, char **argv)
{
	struct job *j;
	char *end;
	long n;
	int i, k, status;

	status = 0;
	if (argc <= 1) {
		while (njobs > 0) {
			if (job_wait(jobs[0]) < 0)
				return (128 + SIGINT);
			status = wait_status(jobs[0]->status, 0);
			job_remove(0);
		}
		return (status);
	}
	for (i = 1; i < argc; i++) {
		j = NULL;
		if (argv[i][0] == '%') {
			n = strtol(argv[i] + 1, &end, 10);
			for (k = 0; k < njobs; k++)
				if (jobs[k]->num == n)
					j = jobs[k];
		} else {
			n = strtol(argv[i], &end, 10);
			for (k = 0; k < njobs; k++)
				if (jobs[k]->pid == n)
					j = jobs[k];
		}
		if (*end != '\0' || end == argv[i]) {
			sh_error("wait: %s: bad process id", argv[i]);
			status = 2;
			continue;
		}
		if (j == NULL) {
			status = 127;
			continue;
		}
		if (job_wait(j) < 0)
			return (128 + SIGINT);
		status = wait_status(j->status, 0);
		for (k = 0; k < njobs; k++)
			if (jobs[k] == j)
				job_remove(k);
	}
	return (status);
}
