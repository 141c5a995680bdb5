/* nsproxy.pid_ns was renamed pid_ns_for_children (3.11). */
#include <linux/nsproxy.h>
void *ftr_pidns(struct nsproxy *p) { return p->pid_ns_for_children; }
