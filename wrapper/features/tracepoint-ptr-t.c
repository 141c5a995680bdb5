/* Module tracepoint tables hold tracepoint_ptr_t, maybe PREL32 (4.19). */
#include <linux/tracepoint.h>
struct tracepoint *ftr_tp_deref(tracepoint_ptr_t *p) { return tracepoint_ptr_deref(p); }
