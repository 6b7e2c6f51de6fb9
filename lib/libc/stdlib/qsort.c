/*
 * qsort.c: qsort(3), an introsort.
 *
 * Quicksort with the median of three as pivot and Sedgewick's
 * partition (both scans stop on keys equal to the pivot, so runs of
 * equal keys split evenly); partitions of at most SMALL elements are
 * finished by insertion sort.  The smaller side is sorted by recursion
 * and the larger by looping, so the stack stays O(log n); past a depth
 * of 2 log2 n the remaining part is heapsorted, so the worst case is
 * O(n log n).  Not stable.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define	SMALL	8

typedef int	(*cmp_t)(const void *, const void *);

/* Exchange two elements of es bytes, a word at a time when possible. */
static void
swap(char *a, char *b, size_t es)
{
	char t;

	if (a == b)
		return;
	if (((uintptr_t)a | (uintptr_t)b | es) % sizeof(long) == 0) {
		long *p = (long *)(void *)a, *q = (long *)(void *)b, w;

		for (; es > 0; es -= sizeof(long)) {
			w = *p;
			*p++ = *q;
			*q++ = w;
		}
		return;
	}
	for (; es > 0; es--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void
insertion_sort(char *a, size_t n, size_t es, cmp_t cmp)
{
	char *p, *q;

	for (p = a + es; p < a + n * es; p += es)
		for (q = p; q > a && cmp(q - es, q) > 0; q -= es)
			swap(q - es, q, es);
}

/* Move element i of the heap a[0..n) down to its place. */
static void
sift_down(char *a, size_t i, size_t n, size_t es, cmp_t cmp)
{
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n &&
		    cmp(a + child * es, a + (child + 1) * es) < 0)
			child++;
		if (cmp(a + i * es, a + child * es) >= 0)
			return;
		swap(a + i * es, a + child * es, es);
		i = child;
	}
}

static void
heap_sort(char *a, size_t n, size_t es, cmp_t cmp)
{
	size_t i;

	for (i = n / 2; i > 0; i--)
		sift_down(a, i - 1, n, es, cmp);
	for (i = n - 1; i > 0; i--) {
		swap(a, a + i * es, es);
		sift_down(a, 0, i, es, cmp);
	}
}

/*
 * Sort the n elements at a, allowing depth more levels of partitioning
 * before falling back to heapsort.
 */
static void
intro_sort(char *a, size_t n, size_t es, cmp_t cmp, int depth)
{
	char *mid, *last;
	size_t i, j;

	while (n > SMALL) {
		if (depth-- == 0) {
			heap_sort(a, n, es, cmp);
			return;
		}

		/* Order a[0], mid, last; the median becomes the pivot a[0]. */
		mid = a + (n / 2) * es;
		last = a + (n - 1) * es;
		if (cmp(mid, a) < 0)
			swap(mid, a, es);
		if (cmp(last, mid) < 0) {
			swap(last, mid, es);
			if (cmp(mid, a) < 0)
				swap(mid, a, es);
		}
		swap(a, mid, es);

		/*
		 * Partition a[1..n) around the pivot.  The downward scan
		 * stops at the pivot itself at the latest.
		 */
		i = 0;
		j = n;
		for (;;) {
			do
				i++;
			while (i < n && cmp(a + i * es, a) < 0);
			do
				j--;
			while (cmp(a + j * es, a) > 0);
			if (i >= j)
				break;
			swap(a + i * es, a + j * es, es);
		}
		swap(a, a + j * es, es);

		/* Now a[0..j) <= a[j] <= a[j+1..n). */
		if (j < n - j - 1) {
			intro_sort(a, j, es, cmp, depth);
			a += (j + 1) * es;
			n -= j + 1;
		} else {
			intro_sort(a + (j + 1) * es, n - j - 1, es, cmp, depth);
			n = j;
		}
	}
	insertion_sort(a, n, es, cmp);
}

void
qsort(void *base, size_t nmemb, size_t size,
    int (*compar)(const void *, const void *))
{
	size_t n;
	int depth;

	if (nmemb < 2 || size == 0)
		return;
	depth = 0;
	for (n = nmemb; n > 1; n >>= 1)
		depth += 2;
	intro_sort(base, nmemb, size, compar, depth);
}
