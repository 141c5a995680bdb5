// SPDX-License-Identifier: GPL-2.0-only
/* IPv4 address lists became RCU lists walked by in_dev_for_each_ifa_rcu (5.3). */
#include <linux/inetdevice.h>
int ftr_ifa(struct in_device *in_dev)
{
	const struct in_ifaddr *ifa;
	int n = 0;

	in_dev_for_each_ifa_rcu(ifa, in_dev)
		n++;
	return n;
}
