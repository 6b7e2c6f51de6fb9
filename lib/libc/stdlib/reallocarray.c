/*
 * reallocarray.c: reallocarray(3): realloc() of nmemb elements of size
 * bytes, failing with ENOMEM instead of overflowing the product.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

void *
reallocarray(void *ptr, size_t nmemb, size_t size)
{

	if (size != 0 && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return (NULL);
	}
	return (realloc(ptr, nmemb * size));
}
