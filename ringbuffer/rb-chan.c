// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring buffer channels: allocation, lifetime, timers and switches that
 * other CPUs ask for.
 *
 * A channel has one buffer per possible CPU (so CPUs that come online
 * later already have theirs) or a single global buffer.  Each buffer's
 * sub-buffers are order-0 pages mapped contiguously with vmap(), so a
 * record is always a plain linear write.
 */
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/smp.h>
#include <linux/sched.h>	/* TASK_* for wake_up_*() on 3.x */
#include <linux/cpumask.h>
#include <linux/log2.h>
#include <linux/jiffies.h>
#include <lttng/ringbuffer.h>
#include <wrapper/clock.h>
#include <wrapper/cpu.h>
#include <wrapper/mem.h>
#include "rb-internal.h"

static void buf_free(struct lttng_rb_buf *buf)
{
	unsigned long i;

	if (!buf)
		return;
	if (buf->base)
		vunmap(buf->base);
	for (i = 0; i < buf->nr_pages; i++)
		if (buf->pages[i])
			__free_page(buf->pages[i]);
	kvfree(buf->pages);
	kfree(buf->slots);
	kfree(buf);
}

static struct lttng_rb_buf *buf_alloc(struct lttng_rb_chan *chan, int cpu)
{
	int node = cpu >= 0 ? cpu_to_node(cpu) : NUMA_NO_NODE;
	struct lttng_rb_buf *buf;
	unsigned long i;

	buf = kzalloc_node(sizeof(*buf), GFP_KERNEL, node);
	if (!buf)
		return NULL;
	buf->chan = chan;
	buf->cpu = cpu;
	local_set(&buf->offset, 0);
	atomic_long_set(&buf->consumed, 0);
	mutex_init(&buf->read_lock);
	init_waitqueue_head(&buf->read_wait);

	buf->slots = kcalloc_node(chan->nsb, sizeof(*buf->slots), GFP_KERNEL,
				  node);
	if (!buf->slots)
		goto fail;
	for (i = 0; i < chan->nsb; i++)
		atomic_long_set(&buf->slots[i].map, i);
	buf->spare_phys = chan->nsb;	/* only exists in overwrite mode */

	buf->nr_pages = ((unsigned long)chan->nr_phys << chan->sbshift) >>
			PAGE_SHIFT;
	buf->pages = kvcalloc(buf->nr_pages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages)
		goto fail;
	for (i = 0; i < buf->nr_pages; i++) {
		/* Zeroed: unwritten bytes must never show old kernel memory. */
		buf->pages[i] = alloc_pages_node(node == NUMA_NO_NODE ?
				numa_mem_id() : node,
				LTTNG_GFP_BUFFER | __GFP_ZERO, 0);
		if (!buf->pages[i])
			goto fail;
	}
	buf->base = vmap(buf->pages, buf->nr_pages, VM_MAP, PAGE_KERNEL);
	if (!buf->base)
		goto fail;
	return buf;
fail:
	buf_free(buf);
	return NULL;
}

static void read_timer_fn(struct work_struct *work)
{
	struct lttng_rb_chan *chan = container_of(to_delayed_work(work),
						  struct lttng_rb_chan,
						  read_work);
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++) {
		struct lttng_rb_buf *buf = chan->bufs[i];

		if (buf && lttng_rb_data_ready(buf))
			wake_up_interruptible(&buf->read_wait);
	}
	if (!READ_ONCE(chan->timers_stopped))
		schedule_delayed_work(&chan->read_work, chan->read_interval);
}

static void switch_timer_fn(struct work_struct *work)
{
	struct lttng_rb_chan *chan = container_of(to_delayed_work(work),
						  struct lttng_rb_chan,
						  switch_work);

	lttng_rb_chan_switch_all(chan, LTTNG_RB_SWITCH_FLUSH);
	if (!READ_ONCE(chan->timers_stopped))
		schedule_delayed_work(&chan->switch_work,
				      chan->switch_interval);
}

struct lttng_rb_chan *lttng_rb_chan_create(const struct lttng_rb_config *cfg,
					   const struct lttng_rb_client *client,
					   const u8 *uuid, u32 stream_id)
{
	struct lttng_rb_chan *chan;
	int cpu;

	/*
	 * One sub-buffer is a valid discard-mode channel (lttng-tools'
	 * test_channel asks for it; upstream accepts it): the writer loses
	 * events while its only packet waits for the reader, as with any
	 * full discard buffer.  Overwrite mode needs a second one, as the
	 * reader swaps its spare with a packet the writers have left.
	 */
	if (!is_power_of_2(cfg->subbuf_size) || cfg->subbuf_size < PAGE_SIZE ||
	    cfg->subbuf_size > (1UL << 30) ||
	    !is_power_of_2(cfg->num_subbuf) ||
	    cfg->num_subbuf < (cfg->overwrite ? 2 : 1) ||
	    cfg->num_subbuf > LTTNG_RB_MAX_SUBBUF ||
	    cfg->subbuf_size <= client->header_size ||
	    !cfg->tsc_bits || cfg->tsc_bits > 64)
		return ERR_PTR(-EINVAL);
	/* Refuse sizes whose product overflows before allocating anything. */
	if (cfg->num_subbuf + 1 > ULONG_MAX / cfg->subbuf_size)
		return ERR_PTR(-EINVAL);
	/* ... and channels larger than the memory the kernel can spare. */
	if (((cfg->num_subbuf + 1) * cfg->subbuf_size >> PAGE_SHIFT) >
	    lttng_available_pages() / (cfg->per_cpu ? num_possible_cpus() : 1))
		return ERR_PTR(-ENOMEM);

	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return ERR_PTR(-ENOMEM);
	kref_init(&chan->ref);
	chan->client = client;
	memcpy(chan->uuid, uuid, sizeof(chan->uuid));
	chan->stream_id = stream_id;
	chan->sbsize = cfg->subbuf_size;
	chan->sbshift = ilog2(cfg->subbuf_size);
	chan->nsb = cfg->num_subbuf;
	chan->nshift = ilog2(cfg->num_subbuf);
	chan->buf_size = cfg->subbuf_size * cfg->num_subbuf;
	chan->overwrite = cfg->overwrite;
	chan->output_mmap = cfg->output_mmap;
	chan->per_cpu = cfg->per_cpu;
	chan->nr_phys = chan->nsb + (chan->overwrite ? 1 : 0);
	chan->tsc_full_mask = cfg->tsc_bits == 64 ? 0 :
			      ~((1ULL << cfg->tsc_bits) - 1);
	chan->read_interval = usecs_to_jiffies(cfg->read_timer_us);
	chan->switch_interval = usecs_to_jiffies(cfg->switch_timer_us);
	init_waitqueue_head(&chan->hp_wait);
	INIT_DELAYED_WORK(&chan->read_work, read_timer_fn);
	INIT_DELAYED_WORK(&chan->switch_work, switch_timer_fn);

	chan->nr_bufs = chan->per_cpu ? nr_cpu_ids : 1;
	chan->bufs = kcalloc(chan->nr_bufs, sizeof(*chan->bufs), GFP_KERNEL);
	if (!chan->bufs)
		goto nomem;
	if (chan->per_cpu) {
		for_each_possible_cpu(cpu) {
			chan->bufs[cpu] = buf_alloc(chan, cpu);
			if (!chan->bufs[cpu])
				goto nomem;
			lttng_rb_open_first_packet(chan->bufs[cpu]);
		}
	} else {
		chan->bufs[0] = buf_alloc(chan, -1);
		if (!chan->bufs[0])
			goto nomem;
	}
	if (cfg->read_timer_us)
		schedule_delayed_work(&chan->read_work, chan->read_interval);
	if (cfg->switch_timer_us)
		schedule_delayed_work(&chan->switch_work,
				      chan->switch_interval);
	return chan;
nomem:
	chan->timers_stopped = true;
	lttng_rb_chan_put(chan);
	return ERR_PTR(-ENOMEM);
}
EXPORT_SYMBOL_GPL(lttng_rb_chan_create);

static void chan_release(struct kref *ref)
{
	struct lttng_rb_chan *chan = container_of(ref, struct lttng_rb_chan,
						  ref);
	unsigned int i;

	cancel_delayed_work_sync(&chan->read_work);
	cancel_delayed_work_sync(&chan->switch_work);
	if (chan->bufs)
		for (i = 0; i < chan->nr_bufs; i++)
			buf_free(chan->bufs[i]);
	kfree(chan->bufs);
	kfree(chan);
}

void lttng_rb_chan_get(struct lttng_rb_chan *chan)
{
	kref_get(&chan->ref);
}
EXPORT_SYMBOL_GPL(lttng_rb_chan_get);

void lttng_rb_chan_put(struct lttng_rb_chan *chan)
{
	kref_put(&chan->ref, chan_release);
}
EXPORT_SYMBOL_GPL(lttng_rb_chan_put);

struct switch_req {
	struct lttng_rb_buf *buf;
	enum lttng_rb_switch mode;
};

static void switch_on_cpu(void *arg)
{
	struct switch_req *req = arg;

	lttng_rb_switch(req->buf, req->mode);
}

/*
 * Switch one buffer from any CPU.  The writer protocol lets only the owning
 * CPU move buf->offset, so run there by IPI (an interrupt is just another
 * nested writer), or here if that CPU is offline and cannot write.  A global
 * buffer's caller holds its writers' lock.  Sleeps (hotplug lock).
 */
void lttng_rb_buf_switch_remote(struct lttng_rb_buf *buf,
				enum lttng_rb_switch mode)
{
	struct switch_req req = { .buf = buf, .mode = mode };

	lttng_cpus_read_lock();
	if (buf->cpu >= 0 && cpu_online(buf->cpu)) {
		smp_call_function_single(buf->cpu, switch_on_cpu, &req, 1);
	} else {
		preempt_disable();
		lttng_rb_switch(buf, mode);
		preempt_enable();
	}
	lttng_cpus_read_unlock();
}
EXPORT_SYMBOL_GPL(lttng_rb_buf_switch_remote);

/*
 * FLUSH_OR_POPULATE_PACKET, for snapshots: close the open packet like
 * LTTNG_RB_SWITCH_FLUSH (*@flushed: a switch was asked for, i.e. the
 * channel is not finalized).  If the write position did not move, nothing
 * was written since the last packet closed: then fill @packet
 * (client->header_size bytes, outside the ring) with the header of the
 * packet that would come next, empty, opened and closed at the time read
 * before the flush, and return 1; a snapshot appends it so that readers
 * see the stream reach the snapshot's time.  The ring itself is left as
 * it was, so repeated snapshots of an idle buffer keep its old packets.
 * Returns 0 when a packet was closed (or the position moved).  Sleeps.
 */
int lttng_rb_flush_or_populate(struct lttng_rb_buf *buf, void *packet,
			       bool *flushed)
{
	const struct lttng_rb_client *client = buf->chan->client;
	struct lttng_rb_packet_end end;
	unsigned long before, after;
	u64 tsc;

	before = local_read(&buf->offset);
	preempt_disable();
	tsc = lttng_clock_read();
	preempt_enable();
	*flushed = !smp_load_acquire(&buf->chan->finalized);
	if (*flushed)
		lttng_rb_buf_switch_remote(buf, LTTNG_RB_SWITCH_FLUSH);
	after = local_read(&buf->offset);
	if (after != before)
		return 0;
	end.data_size = client->header_size;
	end.timestamp_end = tsc;
	end.events_lost = lttng_rb_events_lost(buf);
	client->packet_open(buf, packet, tsc, after >> buf->chan->sbshift);
	client->packet_close(buf, packet, &end);
	return 1;
}
EXPORT_SYMBOL_GPL(lttng_rb_flush_or_populate);

void lttng_rb_chan_switch_all(struct lttng_rb_chan *chan,
			      enum lttng_rb_switch mode)
{
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++)
		if (chan->bufs[i])
			lttng_rb_buf_switch_remote(chan->bufs[i], mode);
}
EXPORT_SYMBOL_GPL(lttng_rb_chan_switch_all);

static void wake_all(struct lttng_rb_chan *chan)
{
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++)
		if (chan->bufs[i])
			wake_up_interruptible(&chan->bufs[i]->read_wait);
	wake_up_interruptible(&chan->hp_wait);
}

void lttng_rb_chan_wake_readers(struct lttng_rb_chan *chan)
{
	wake_all(chan);
}
EXPORT_SYMBOL_GPL(lttng_rb_chan_wake_readers);

/*
 * No writer will touch the channel again (the caller unregistered them and
 * waited for a grace period): close the open packets, stop the timers and
 * let readers drain and see POLLHUP.
 */
void lttng_rb_chan_finalize(struct lttng_rb_chan *chan)
{
	unsigned int i;

	WRITE_ONCE(chan->timers_stopped, true);
	cancel_delayed_work_sync(&chan->read_work);
	cancel_delayed_work_sync(&chan->switch_work);
	if (chan->per_cpu)
		lttng_rb_chan_switch_all(chan, LTTNG_RB_SWITCH_FLUSH);
	for (i = 0; i < chan->nr_bufs; i++)
		if (chan->bufs[i])
			smp_store_release(&chan->bufs[i]->finalized, 1);
	smp_store_release(&chan->finalized, 1);
	wake_all(chan);
}
EXPORT_SYMBOL_GPL(lttng_rb_chan_finalize);
