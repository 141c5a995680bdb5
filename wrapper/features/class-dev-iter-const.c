// SPDX-License-Identifier: GPL-2.0-only
/* class_dev_iter_init() takes a const struct class (6.4). */
#include <linux/device.h>
void ftr_class_iter(struct class_dev_iter *it, const struct class *cls,
		    const struct device_type *type)
{
	void (*fn)(struct class_dev_iter *, const struct class *,
		   const struct device *, const struct device_type *) =
		class_dev_iter_init;

	fn(it, cls, NULL, type);
}
