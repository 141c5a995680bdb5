/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One ring buffer client module.  lttng-sessiond loads six of these by
 * name; each registers the transport it is named after, and their symbol
 * dependency on the tracer core is what loads the core.  A file that
 * includes this defines CLIENT_NAME, CLIENT_OVERWRITE, CLIENT_MMAP and
 * CLIENT_METADATA first.
 */
#include <linux/module.h>
#include <lttng/events.h>

static struct lttng_transport client_transport = {
	.name = CLIENT_NAME,
	.owner = THIS_MODULE,
	.overwrite = CLIENT_OVERWRITE,
	.output_mmap = CLIENT_MMAP,
	.metadata = CLIENT_METADATA,
};

static int __init client_init(void)
{
	lttng_transport_register(&client_transport);
	return 0;
}
module_init(client_init);

static void __exit client_exit(void)
{
	lttng_transport_unregister(&client_transport);
}
module_exit(client_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng ring buffer client: " CLIENT_NAME);
