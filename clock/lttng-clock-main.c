// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-clock: registration of a clock plugin (include/lttng/clock.h).
 *
 * Its own module, below the ring buffer library, so that a plugin can be
 * loaded (and can register) before any part of the tracer exists: the
 * clock of a trace must not change under it, so registering is refused
 * while lttng-tracer, which owns every channel, holds a reference.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <lttng/clock.h>
#include <wrapper/barrier.h>	/* READ_ONCE, WRITE_ONCE before 3.19 */
#include <wrapper/string.h>	/* strscpy before 4.3 */

struct lttng_trace_clock *lttng_clock_plugin;
EXPORT_SYMBOL_GPL(lttng_clock_plugin);

static DEFINE_MUTEX(clock_lock);
static struct module *plugin_mod;		/* owner of lttng_clock_plugin */
static struct lttng_clock_info plugin_info;	/* read at registration */
static unsigned int users;			/* lttng_clock_ref() count */

static bool valid_name(const char *s)
{
	size_t i, n = strnlen(s, sizeof(plugin_info.name));

	/* The TSDL metadata uses it bare: clock.NAME.value. */
	if (!n || n >= sizeof(plugin_info.name) || isdigit(s[0]))
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum(s[i]) && s[i] != '_')
			return false;
	return true;
}

static bool valid_uuid(const char *s)
{
	int i;

	for (i = 0; i < LTTNG_MODULES_UUID_STR_LEN - 1; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!isxdigit(s[i])) {
			return false;
		}
	}
	return s[i] == '\0';
}

/* Ask the plugin once for what the metadata will say; 0 if all is valid. */
static int read_info(struct lttng_trace_clock *ltc,
		     struct lttng_clock_info *info)
{
	const char *s;

	memset(info, 0, sizeof(*info));
	info->freq = ltc->freq();
	/* Also keeps the TSDL/CTF 2 offset arithmetic within 64 bits. */
	if (!info->freq || info->freq > 10000000000ULL)
		return -EINVAL;
	s = ltc->name ? ltc->name() : "monotonic";
	if (!s || !valid_name(s))
		return -EINVAL;
	strscpy(info->name, s, sizeof(info->name));
	s = ltc->description ? ltc->description() : "";
	if (!s)
		return -EINVAL;
	/* Printable text only: it goes into quoted metadata strings. */
	if (strscpy(info->description, s, sizeof(info->description)) < 0)
		return -EINVAL;
	for (s = info->description; *s; s++)
		if (!isprint(*s))
			return -EINVAL;
	if (ltc->uuid) {
		char buf[LTTNG_MODULES_UUID_STR_LEN + 1] = "";

		if (ltc->uuid(buf) || !valid_uuid(buf))
			return -EINVAL;
		memcpy(info->uuid, buf, sizeof(info->uuid));
	}
	return 0;
}

int lttng_clock_register_plugin(struct lttng_trace_clock *ltc,
				struct module *mod)
{
	struct lttng_clock_info info;
	int ret;

	if (!ltc || !ltc->read64 || !ltc->freq)
		return -EINVAL;
	ret = read_info(ltc, &info);
	if (ret)
		return ret;
	mutex_lock(&clock_lock);
	if (users)
		ret = -EBUSY;
	else if (lttng_clock_plugin)
		ret = -EEXIST;
	if (!ret) {
		plugin_info = info;
		plugin_mod = mod;
		WRITE_ONCE(lttng_clock_plugin, ltc);
	}
	mutex_unlock(&clock_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_clock_register_plugin);

void lttng_clock_unregister_plugin(struct lttng_trace_clock *ltc,
				   struct module *mod)
{
	mutex_lock(&clock_lock);
	/*
	 * A plugin in use is pinned (try_module_get), so its module exit,
	 * the only caller with users, cannot run; another caller's clock
	 * is not ours to remove.
	 */
	if (lttng_clock_plugin == ltc && plugin_mod == mod && !users) {
		WRITE_ONCE(lttng_clock_plugin, NULL);
		plugin_mod = NULL;
	}
	mutex_unlock(&clock_lock);
}
EXPORT_SYMBOL_GPL(lttng_clock_unregister_plugin);

void lttng_clock_ref(void)
{
	mutex_lock(&clock_lock);
	/*
	 * A plugin whose module is already on its way out is dropped: its
	 * exit will unregister (and find nothing to do).
	 */
	if (!users && lttng_clock_plugin && !try_module_get(plugin_mod)) {
		WRITE_ONCE(lttng_clock_plugin, NULL);
		plugin_mod = NULL;
	}
	users++;
	mutex_unlock(&clock_lock);
}
EXPORT_SYMBOL_GPL(lttng_clock_ref);

void lttng_clock_unref(void)
{
	mutex_lock(&clock_lock);
	if (!WARN_ON_ONCE(!users) && !--users && lttng_clock_plugin)
		module_put(plugin_mod);
	mutex_unlock(&clock_lock);
}
EXPORT_SYMBOL_GPL(lttng_clock_unref);

void lttng_clock_get_info(struct lttng_clock_info *info)
{
	mutex_lock(&clock_lock);
	if (lttng_clock_plugin) {
		*info = plugin_info;
	} else {
		memset(info, 0, sizeof(*info));
		strscpy(info->name, "monotonic", sizeof(info->name));
		strscpy(info->description, "Monotonic Clock",
			sizeof(info->description));
		info->freq = 1000000000;
	}
	mutex_unlock(&clock_lock);
}
EXPORT_SYMBOL_GPL(lttng_clock_get_info);

static int __init lttng_clock_init(void)
{
	return 0;
}
module_init(lttng_clock_init);

static void __exit lttng_clock_exit(void)
{
}
module_exit(lttng_clock_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng trace clock plugin registration");
