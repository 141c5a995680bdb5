// SPDX-License-Identifier: GPL-2.0-only
/* access_ok(addr, size) lost its VERIFY_READ/VERIFY_WRITE argument in 5.0. */
#include <linux/uaccess.h>
int ftr_ok(const void __user *p) { return access_ok(p, 4); }
