// SPDX-License-Identifier: GPL-2.0-only
/* __task_state_index() maps a given state word, as sched_switch passes it (5.18). */
#include <linux/sched.h>
unsigned int ftr_state_index(unsigned int state, unsigned int exit_state)
{ return __task_state_index(state, exit_state); }
