// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-session metadata cache: the trace's metadata text, append-only
 * (but for "regenerate"), shared by every metadata stream of the session,
 * each of which keeps its own read position.  The text is CTF 1.8 TSDL
 * (core/lttng-tsdl.c) or CTF 2 JSON (core/lttng-ctf2.c), as the session's
 * output format says; regenerating, a snapshot's or a rotation's new
 * metadata stream, clear and live all read or rebuild this one cache, so
 * they all keep that format.
 */
#include <linux/slab.h>
#include <wrapper/mem.h>
#include <linux/mm.h>
#include <linux/utsname.h>
#include <linux/file.h>
#include <wrapper/string.h>
#include <wrapper/kernel-read.h>
#include <lttng/clock.h>
#include "tracer.h"
#include "lttng-tsdl.h"
#include "lttng-ctf2.h"

struct lttng_metadata_cache *lttng_metadata_cache_create(const uuid_t *uuid)
{
	struct lttng_metadata_cache *cache;

	cache = kzalloc(sizeof(*cache), GFP_KERNEL);
	if (!cache)
		return NULL;
	kref_init(&cache->ref);
	mutex_init(&cache->lock);
	init_waitqueue_head(&cache->wait);
	INIT_LIST_HEAD(&cache->streams);
	uuid_copy(&cache->uuid, uuid);
	return cache;
}

static void cache_release(struct kref *ref)
{
	struct lttng_metadata_cache *cache =
		container_of(ref, struct lttng_metadata_cache, ref);

	kvfree(cache->data);
	kfree(cache);
}

void lttng_metadata_cache_put(struct lttng_metadata_cache *cache)
{
	kref_put(&cache->ref, cache_release);
}

/* Append one whole TSDL block; readers see it at once or not at all. */
static int cache_append(struct lttng_metadata_cache *cache,
			const struct lttng_md_buf *b)
{
	int ret = 0;

	if (b->error)
		return b->error;
	mutex_lock(&cache->lock);
	if (cache->len + b->len > cache->alloc) {
		size_t want = max_t(size_t, cache->alloc * 2,
				    cache->len + b->len + PAGE_SIZE);
		char *data = kvmalloc(want, GFP_KERNEL);

		if (!data) {
			ret = -ENOMEM;
			goto out;
		}
		if (cache->data)
			memcpy(data, cache->data, cache->len);
		kvfree(cache->data);
		cache->data = data;
		cache->alloc = want;
	}
	memcpy(cache->data + cache->len, b->data, b->len);
	cache->len += b->len;
out:
	mutex_unlock(&cache->lock);
	if (!ret)
		lttng_metadata_wake(cache);
	return ret;
}

void lttng_metadata_cache_reset(struct lttng_metadata_cache *cache)
{
	mutex_lock(&cache->lock);
	cache->len = 0;
	cache->version++;
	mutex_unlock(&cache->lock);
}

/* /proc/sys/kernel/random/boot_id: the clock's identity for correlation. */
static void read_boot_id(char *out, size_t len)
{
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	strscpy(out, "00000000-0000-0000-0000-000000000000", len);
	f = filp_open("/proc/sys/kernel/random/boot_id", O_RDONLY, 0);
	if (IS_ERR(f))
		return;
	n = lttng_kernel_read(f, out, len - 1, &pos);
	if (n > 0) {
		out[n] = '\0';
		strim(out);
	} else {
		strscpy(out, "00000000-0000-0000-0000-000000000000", len);
	}
	filp_close(f, NULL);
}

/* The generators of the session's format (fixed before the first call). */
static const struct lttng_md_format *session_format(
		const struct lttng_session *session)
{
	if (session->output_format == LTTNG_ABI_OUTPUT_FORMAT_CTF_2)
		return &lttng_ctf2_format;
	return &lttng_tsdl_format;
}

int lttng_metadata_session(struct lttng_session *session)
{
	struct lttng_md_buf b = {};
	char boot_id[40];
	struct lttng_clock_info clock;
	struct new_utsname *uts = utsname();
	struct lttng_md_env env = {
		.uuid = session->uuid.b,
		.hostname = uts->nodename,
		.sysname = uts->sysname,
		.kernel_release = uts->release,
		.kernel_version = uts->version,
		.trace_name = session->name,
		.creation_time = session->creation_time,
		.product_uuid = NULL,
		.tracer_major = LTTNG_ABI_TRACER_MAJOR,
		.tracer_minor = LTTNG_ABI_TRACER_MINOR,
		.tracer_patchlevel = LTTNG_ABI_TRACER_PATCHLEVEL,
		.fork_name = LTTNG_FORK_NAME,
		.fork_version = LTTNG_FORK_VERSION,
		.clock_uuid = boot_id,
		.clock_offset = session->clock_offset,
		.clock_name = clock.name,
		.clock_description = clock.description,
	};
	int ret;

	/* The clock the ring buffer library pinned: fixed while we exist. */
	lttng_clock_get_info(&clock);
	env.clock_freq = clock.freq;
	if (clock.uuid[0])
		strscpy(boot_id, clock.uuid, sizeof(boot_id));
	else
		read_boot_id(boot_id, sizeof(boot_id));
	session_format(session)->trace(&b, &env);
	ret = cache_append(session->metadata, &b);
	lttng_md_buf_release(&b);
	return ret;
}

int lttng_metadata_channel(struct lttng_session *session,
			   struct lttng_channel *chan)
{
	const struct lttng_field_desc *ctx[LTTNG_MAX_CTX];
	struct lttng_md_buf b = {};
	unsigned int i;
	int ret;

	for (i = 0; i < chan->ctx.nr; i++)
		ctx[i] = &chan->ctx.fields[i].desc;
	session_format(session)->stream(&b, chan->id, chan->large_header, ctx,
					chan->ctx.nr);
	ret = cache_append(session->metadata, &b);
	lttng_md_buf_release(&b);
	if (!ret)
		chan->metadata_done = true;
	return ret;
}

int lttng_metadata_event(struct lttng_session *session,
			 struct lttng_event *ev)
{
	struct lttng_md_buf b = {};
	int ret;

	if (!ev->chan->metadata_done)
		return 0;	/* emitted with its channel at start */
	session_format(session)->event(&b, ev->desc, ev->id, ev->chan->id);
	ret = cache_append(session->metadata, &b);
	lttng_md_buf_release(&b);
	if (!ret)
		ev->metadata_done = true;
	return ret;
}
