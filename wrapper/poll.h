/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Poll masks: ->poll() returns __poll_t and the masks are EPOLL* since
 * 4.16; before, an unsigned int of POLL* bits with the same values.  On
 * those kernels this header provides the modern names, so that the
 * tracer spells poll code one way.
 */
#ifndef LTTNG_WRAPPER_POLL_H
#define LTTNG_WRAPPER_POLL_H

#include <linux/poll.h>

#ifndef LTTNG_HAVE_POLL_T
typedef unsigned int __poll_t;
#endif
#ifndef EPOLLIN
#define EPOLLIN		POLLIN
#endif
#ifndef EPOLLPRI
#define EPOLLPRI	POLLPRI
#endif
#ifndef EPOLLHUP
#define EPOLLHUP	POLLHUP
#endif
#ifndef EPOLLERR
#define EPOLLERR	POLLERR
#endif
#ifndef EPOLLRDNORM
#define EPOLLRDNORM	POLLRDNORM
#endif
#ifndef EPOLLRDBAND
#define EPOLLRDBAND	POLLRDBAND
#endif

#endif
