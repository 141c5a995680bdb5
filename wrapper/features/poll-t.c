// SPDX-License-Identifier: GPL-2.0-only
/* __poll_t: the type of poll masks and of ->poll() (4.16 with the EPOLL* masks). */
#include <linux/poll.h>
__poll_t ftr_poll(void) { return EPOLLIN; }
