/* CPU hotplug state machine with instances (4.10 removed notifiers). */
#include <linux/cpuhotplug.h>
int ftr_cpuhp(struct hlist_node *n) { return cpuhp_state_add_instance(CPUHP_AP_ONLINE_DYN, n); }
