/*
 * iso646.h: alternative spellings of the C operators.
 */
#ifndef _ISO646_H_
#define _ISO646_H_

#define and	&&
#define and_eq	&=
#define bitand	&
#define bitor	|
#define compl	~
#define not	!
#define not_eq	!=
#define or	||
#define or_eq	|=
#define xor	^
#define xor_eq	^=

#endif /* !_ISO646_H_ */
