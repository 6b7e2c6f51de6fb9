/*
 * jsoncheck.h: json_check(), a validator for JSON documents
 * (jsoncheck.c), shared by the guest and host tests of vmobjdump -j.
 */
#ifndef _JSONCHECK_H_
#define _JSONCHECK_H_

#include <stddef.h>

/*
 * Is the NUL-terminated text s exactly one valid JSON value (with white
 * space around it)?  Returns 0 if so; -1 if not, with the offset and
 * the reason in why (whylen bytes, may be NULL).
 */
int	json_check(const char *s, char *why, size_t whylen);

#endif /* !_JSONCHECK_H_ */
