/*
 * stdalign.h: the C11 spellings alignas and alignof.
 */
#ifndef _STDALIGN_H_
#define _STDALIGN_H_

#define alignas		_Alignas
#define alignof		_Alignof
#define __alignas_is_defined	1
#define __alignof_is_defined	1

#endif /* !_STDALIGN_H_ */
