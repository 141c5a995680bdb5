// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-test: writing a decimal N to /proc/lttng-test-filter-event fires
 * N lttng_test_filter_event events (instrumentation/events/lttng-test.h),
 * the i-th with anint = i.  The LTTng tools' test suite drives the
 * kernel tracer's filters and field types through it.  Writing N to
 * /proc/lttng-test-torn-string (ours, root only) fires N
 * lttng_test_torn_string events, whose string changes while recorded.
 *
 * No kernel tracepoint exists for this event, so the module is its own
 * "tracepoint": the core binds the event through the attach/detach hooks
 * of its description (struct lttng_event_desc), which add and remove
 * (probe, data) pairs on an RCU-protected list walked by each firing.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/tracepoint.h>
#include <asm/byteorder.h>
#include <wrapper/proc.h>
#include <wrapper/string.h>

static int lttng_test_attach(void *probe, void *data);
static int lttng_test_detach(void *probe, void *data);
static int lttng_test_attach_torn(void *probe, void *data);
static int lttng_test_detach_torn(void *probe, void *data);

/*
 * lttng_test_torn_string's source: its name field reads
 * lttng_test_torn_next() once to size the record and once to copy it, and
 * gets two different values, as if another CPU renamed the thing between
 * the two reads.  Call k of the event's firing number k / 2: even events
 * are sized short and copied long, odd ones the reverse.
 */
struct lttng_test_torn {
	unsigned int seq;
	unsigned int calls;
	char buf[16];
};

static const char *lttng_test_torn_next(struct lttng_test_torn *t)
{
	unsigned int k = t->calls++;

	strscpy(t->buf, ((k >> 1) ^ k) & 1 ? "abcdefghijklmno" : "x",
		sizeof(t->buf));
	return t->buf;
}

#define LTTNG_PROBE_OWN_INIT
#define LTTNG_PROVIDER		lttng_test
#define LTTNG_EVENTS_FILE	<instrumentation/events/lttng-test.h>
#include <probes/lttng-probe-gen.h>

#define LTTNG_TEST_PROC_NAME	"lttng-test-filter-event"
#define LTTNG_TEST_TORN_PROC_NAME	"lttng-test-torn-string"

/* The probe prototype of the event, as the generator produced it. */
typedef void (*lttng_test_probe_t)(void *data, int anint, int netint,
				   long *values, char *text, size_t textlen,
				   char *etext, uint32_t *net_values);

typedef void (*lttng_test_torn_probe_t)(void *data, struct lttng_test_torn *t);

/* probe is one of the two types above, as its list says. */
struct lttng_test_binding {
	struct list_head node;
	void *probe;
	void *data;
};

/* Writers hold the mutex; the firing path only takes RCU-sched. */
static LIST_HEAD(lttng_test_bindings);
static LIST_HEAD(lttng_test_torn_bindings);
static DEFINE_MUTEX(lttng_test_bindings_lock);

static struct lttng_test_binding *lttng_test_find(struct list_head *list,
						  void *probe, void *data)
{
	struct lttng_test_binding *b;

	list_for_each_entry(b, list, node)
		if (b->probe == probe && b->data == data)
			return b;
	return NULL;
}

/* Same contract as tracepoint_probe_register(): -EEXIST on a duplicate. */
static int lttng_test_bind(struct list_head *list, void *probe, void *data)
{
	struct lttng_test_binding *b;
	int ret = 0;

	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->probe = probe;
	b->data = data;
	mutex_lock(&lttng_test_bindings_lock);
	if (lttng_test_find(list, probe, data))
		ret = -EEXIST;
	else
		list_add_tail_rcu(&b->node, list);
	mutex_unlock(&lttng_test_bindings_lock);
	if (ret)
		kfree(b);
	return ret;
}

/*
 * Returns once no firing can still be calling probe with data, so the
 * core may free data right away.  The grace period is the one tracepoint
 * users wait for, which covers the preemption-disabled firing below on
 * every kernel (synchronize_rcu() alone does not before 4.20).
 */
static int lttng_test_unbind(struct list_head *list, void *probe, void *data)
{
	struct lttng_test_binding *b;

	mutex_lock(&lttng_test_bindings_lock);
	b = lttng_test_find(list, probe, data);
	if (b)
		list_del_rcu(&b->node);
	mutex_unlock(&lttng_test_bindings_lock);
	if (!b)
		return -ENOENT;
	tracepoint_synchronize_unregister();
	kfree(b);
	return 0;
}

static int lttng_test_attach(void *probe, void *data)
{
	return lttng_test_bind(&lttng_test_bindings, probe, data);
}

static int lttng_test_detach(void *probe, void *data)
{
	return lttng_test_unbind(&lttng_test_bindings, probe, data);
}

static int lttng_test_attach_torn(void *probe, void *data)
{
	return lttng_test_bind(&lttng_test_torn_bindings, probe, data);
}

static int lttng_test_detach_torn(void *probe, void *data)
{
	return lttng_test_unbind(&lttng_test_torn_bindings, probe, data);
}

/*
 * Calls every attached probe the way a kernel tracepoint would: with
 * preemption disabled, which the per-CPU record path relies on.
 */
static void lttng_test_fire(int anint, int netint, long *values, char *text,
			    size_t textlen, char *etext, uint32_t *net_values)
{
	struct lttng_test_binding *b;

	rcu_read_lock_sched_notrace();
	list_for_each_entry_rcu(b, &lttng_test_bindings, node)
		((lttng_test_probe_t)b->probe)(b->data, anint, netint, values,
					       text, textlen, etext, net_values);
	rcu_read_unlock_sched_notrace();
}

/* N torn-string events, one firing at a time, numbered from 0. */
static void lttng_test_fire_torn(unsigned int n)
{
	struct lttng_test_torn t = { .seq = 0 };
	struct lttng_test_binding *b;

	for (t.seq = 0; t.seq < n; t.seq++) {
		rcu_read_lock_sched_notrace();
		list_for_each_entry_rcu(b, &lttng_test_torn_bindings, node) {
			/* Each probe sizes then copies: two calls per firing. */
			t.calls = 2 * (t.seq & 1);
			((lttng_test_torn_probe_t)b->probe)(b->data, &t);
		}
		rcu_read_unlock_sched_notrace();
		cond_resched();
	}
}

/* The arguments upstream's test module passes; the tools' tests expect them. */
static void lttng_test_fire_n(unsigned int n)
{
	long values[3] = { 1, 2, 3 };
	uint32_t net_values[3];
	char text[10] = "test";
	char etext[10] = "\\*";		/* exercises filter escapes */
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(net_values); i++)
		net_values[i] = (__force uint32_t)cpu_to_be32(i + 1);
	for (i = 0; i < n; i++) {
		lttng_test_fire(i, (int)(__force u32)cpu_to_be32(i), values,
				text, strlen(text), etext, net_values);
		/* N is the user's choice: stay preemptible between events. */
		cond_resched();
	}
}

static ssize_t lttng_test_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	unsigned int n;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 10, &n);
	if (ret)
		return ret;
	lttng_test_fire_n(n);
	*ppos += count;
	return count;
}

static const struct lttng_proc_ops lttng_test_proc_ops =
	LTTNG_PROC_OPS_WRITE_INIT(lttng_test_write);

static ssize_t lttng_test_torn_write(struct file *file, const char __user *ubuf,
				     size_t count, loff_t *ppos)
{
	unsigned int n;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 10, &n);
	if (ret)
		return ret;
	lttng_test_fire_torn(n);
	*ppos += count;
	return count;
}

static const struct lttng_proc_ops lttng_test_torn_proc_ops =
	LTTNG_PROC_OPS_WRITE_INIT(lttng_test_torn_write);

static int __init lttng_test_init(void)
{
	struct proc_dir_entry *pde;
	int ret;

	/* The generated probe must be callable through our binding type. */
	BUILD_BUG_ON(!__same_type(&__lttng_probe_lttng_test_filter_event,
				  lttng_test_probe_t));
	BUILD_BUG_ON(!__same_type(&__lttng_probe_lttng_test_torn_string,
				  lttng_test_torn_probe_t));

	/*
	 * The file first: a write before the provider is registered fires
	 * into an empty list, while the reverse order would need the
	 * provider's __exit function on this error path.
	 */
	pde = lttng_proc_create(LTTNG_TEST_PROC_NAME, 0666,
				&lttng_test_proc_ops);
	if (!pde)
		return -ENOMEM;
	/* Ours only: root's. */
	pde = lttng_proc_create(LTTNG_TEST_TORN_PROC_NAME, 0200,
				&lttng_test_torn_proc_ops);
	if (!pde) {
		remove_proc_entry(LTTNG_TEST_PROC_NAME, NULL);
		return -ENOMEM;
	}
	ret = __lttng_probe_init();
	if (ret) {
		remove_proc_entry(LTTNG_TEST_TORN_PROC_NAME, NULL);
		remove_proc_entry(LTTNG_TEST_PROC_NAME, NULL);
	}
	return ret;
}
module_init(lttng_test_init);

static void __exit lttng_test_exit(void)
{
	/* Waits for writers in progress, so nothing fires after this. */
	remove_proc_entry(LTTNG_TEST_TORN_PROC_NAME, NULL);
	remove_proc_entry(LTTNG_TEST_PROC_NAME, NULL);
	__lttng_probe_exit();
	/* The core holds the module while an event is attached. */
	WARN_ON_ONCE(!list_empty(&lttng_test_bindings));
	WARN_ON_ONCE(!list_empty(&lttng_test_torn_bindings));
}
module_exit(lttng_test_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng test event, fired through /proc");
