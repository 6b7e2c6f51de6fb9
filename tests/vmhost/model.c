/*
 * model.c: what every page of the model holds, word by word (see
 * vmhost.c for the whole picture).
 *
 * A model page (struct mpage) is the full contents a process must read
 * at one address: 512 words.  Model pages are shared copy-on-write
 * between the processes that must read the same thing (fork shares
 * them all), and copied when one of them writes (mpage_own), so a fork
 * costs a few pointers while every word of every page stays exact.
 * Three kinds of writes change them:
 *	whole page	every word from a fresh token (page_fill), so that a
 *			page written whole is recognisable by word 0;
 *	one word	one word gets a fresh value and the other 511 stay:
 *			a wrong copy-on-write copy, a stale page brought back
 *			or an update lost inside a page shows up as a word
 *			that differs;
 *	a file page	the pattern of the file's page (FILE_TOKEN), shared
 *			by every mapping of the file, never freed.
 * Values are never reused, so two pages with the same contents are the
 * same page.  Data lost to a disk read error is known by a hash of its
 * contents (bench_poison): only faults on a page whose expected
 * contents hash to a lost value may fail.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <vm/vm.h>

#include "bench.h"

static uint64_t next_token = 1;
static struct mpage zero_page = { .refs = -1 };
static struct mpage file_pages[DATA_NP];

/* Poisoned contents: hashes of data lost to read errors. */
static uint64_t *poisoned;
static int npoisoned, maxpoisoned;

static inline uint64_t
pattern(uint64_t tok, int i)
{
	uint64_t x = tok * 0x9e3779b97f4a7c15ULL + (uint64_t)i *
	    0xbf58476d1ce4e5b9ULL;

	x ^= x >> 29;
	return (x | 1);
}

/* Fill a page with token tok's pattern; token 0 is the zero page. */
void
page_fill(void *kva, uint64_t tok)
{
	uint64_t *w = kva;
	int i;

	if (tok == 0) {
		memset(kva, 0, PAGE_SIZE);
		return;
	}
	w[0] = tok;
	for (i = 1; i < MWORDS; i++)
		w[i] = pattern(tok, i);
}

/* A hash of a page's contents, to know lost data by (bench_poison). */
uint64_t
page_hash(const void *kva)
{
	const uint64_t *w = kva;
	uint64_t h = 0xcbf29ce484222325ULL;
	int i;

	for (i = 0; i < MWORDS; i++)
		h = (h ^ w[i]) * 0x100000001b3ULL;
	return (h);
}

/* A value no word has held before: the next token, mixed. */
static uint64_t
fresh_word(void)
{

	return (pattern(next_token++, 0x777));
}

struct mpage *
mpage_zero(void)
{

	return (&zero_page);
}

/* The file's page i (kern_shim.c's vn_read_kernel fills it so). */
struct mpage *
mpage_file(int i)
{
	struct mpage *mp = &file_pages[i];

	KASSERT(i >= 0 && i < DATA_NP, ("mpage_file: page %d", i));
	if (mp->refs == 0) {
		mp->refs = -1;
		page_fill(mp->w, FILE_TOKEN(i));
	}
	return (mp);
}

/* One more holder of mp. */
struct mpage *
mpage_hold(struct mpage *mp)
{

	if (mp != NULL && mp->refs > 0)
		mp->refs++;
	return (mp);
}

/* One holder less; the last frees it (static pages have refs -1). */
void
mpage_drop(struct mpage *mp)
{

	if (mp != NULL && mp->refs > 0 && --mp->refs == 0)
		host_free(mp);
}

/* Make *slot a page of its holder's own, copying it if shared. */
static struct mpage *
mpage_own(struct mpage **slot)
{
	struct mpage *mp = *slot, *copy;

	if (mp != NULL && mp->refs == 1)
		return (mp);
	copy = host_calloc(1, sizeof(*copy));
	copy->refs = 1;
	if (mp != NULL)
		memcpy(copy->w, mp->w, sizeof(copy->w));
	mpage_drop(mp);
	*slot = copy;
	return (copy);
}

/* A user write of the whole page at kva; the model follows. */
void
mpage_write_page(struct mpage **slot, void *kva)
{
	struct mpage *mp = mpage_own(slot);

	page_fill(mp->w, next_token++);
	memcpy(kva, mp->w, PAGE_SIZE);
}

/* A user write of word i of the page at kva; the model follows. */
void
mpage_write_word(struct mpage **slot, void *kva, int i)
{
	struct mpage *mp = mpage_own(slot);

	KASSERT(i >= 0 && i < MWORDS, ("mpage_write_word: word %d", i));
	mp->w[i] = fresh_word();
	((uint64_t *)kva)[i] = mp->w[i];
}

/* The first word in which kva differs from mp, or -1 if none does. */
int
mpage_diff(const struct mpage *mp, const void *kva)
{
	const uint64_t *w = kva;
	int i;

	if (memcmp(mp->w, kva, PAGE_SIZE) == 0)
		return (-1);
	for (i = 0; i < MWORDS && w[i] == mp->w[i]; i++)
		continue;
	return (i);
}

/*
 * How far kva is from mp, for a failure message: the first differing
 * word, and how many differ.
 */
void
mpage_explain(const struct mpage *mp, const void *kva, char *buf, size_t len)
{
	const uint64_t *w = kva;
	int i, first = -1, n = 0, zero = 0;

	for (i = 0; i < MWORDS; i++) {
		if (w[i] == 0)
			zero++;
		if (w[i] == mp->w[i])
			continue;
		if (first < 0)
			first = i;
		n++;
	}
	if (first < 0) {
		snprintf(buf, len, "as expected");
		return;
	}
	snprintf(buf, len, "%d of %d words differ (%d of the page's words "
	    "are 0), the first at word %d: %#llx, expected %#llx (word 0 %#llx,"
	    " expected %#llx)", n, MWORDS, zero, first,
	    (unsigned long long)w[first], (unsigned long long)mp->w[first],
	    (unsigned long long)w[0], (unsigned long long)mp->w[0]);
}

/*
 * The disk lost data whose contents hash to h (disk.c): from now on a
 * fault on a page the model expects to hold that may fail.  The zero
 * page's hash is every zero page's: once a zero page is lost, any zero
 * page may fail, a weaker check that injected read errors, being rare,
 * seldom cause.
 */
void
bench_poison(uint64_t h)
{
	uint64_t *p;
	int i;

	for (i = 0; i < npoisoned; i++)
		if (poisoned[i] == h)
			return;
	if (npoisoned == maxpoisoned) {
		maxpoisoned = maxpoisoned != 0 ? 2 * maxpoisoned : 64;
		p = host_calloc(maxpoisoned, sizeof(*p));
		if (npoisoned != 0)
			memcpy(p, poisoned, npoisoned * sizeof(*p));
		host_free(poisoned);
		poisoned = p;
	}
	poisoned[npoisoned++] = h;
	trace("  disk: data with hash %#llx is lost", (unsigned long long)h);
}

/* Did the disk lose mp's contents? */
bool
mpage_poisoned(const struct mpage *mp)
{
	uint64_t h = page_hash(mp->w);
	int i;

	for (i = 0; i < npoisoned; i++)
		if (poisoned[i] == h)
			return (true);
	return (false);
}
