/* Timer callbacks take struct timer_list * (4.15). */
#include <linux/timer.h>
static void cb(struct timer_list *t) { }
void ftr_timer(struct timer_list *t) { timer_setup(t, cb, 0); }
