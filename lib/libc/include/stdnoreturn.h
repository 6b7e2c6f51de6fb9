/*
 * stdnoreturn.h: the C11 spelling `noreturn' for _Noreturn.
 */
#ifndef _STDNORETURN_H_
#define _STDNORETURN_H_

#define noreturn	_Noreturn

#endif /* !_STDNORETURN_H_ */
