// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stream files: what lttng-consumerd reads a buffer through.  One per
 * per-CPU buffer of a data channel, one per metadata channel.  A stream
 * file holds a reference on the ring buffer, not on the session, because
 * the consumer drains streams after the session is destroyed.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <wrapper/poll.h>
#include <linux/slab.h>
#include <linux/sched.h>	/* TASK_* for wake_up_*() on 3.x */
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <wrapper/splice.h>
#include <wrapper/mm.h>
#include <wrapper/clock.h>
#include "tracer.h"

struct lttng_stream {
	struct lttng_rb_buf *buf;
	struct lttng_rb_chan *rb;
	/* Metadata streams only. */
	struct lttng_metadata_cache *cache;
	struct list_head cache_node;
	size_t pushed;			/* cache bytes put in the buffer */
	size_t consumed;		/* cache bytes the consumer confirmed */
	u64 version;
	bool coherent;			/* pushed text ends on a whole block */
	bool finalized;
};

static const struct file_operations stream_fops;

static int put_ulong(unsigned long arg, unsigned long v)
{
	return put_user(v, (unsigned long __user *)arg);
}

static int put_u64(unsigned long arg, u64 v)
{
	return put_user(v, (u64 __user *)arg);
}

/* ---- Metadata: pushing cache text into the buffer ---- */

/*
 * If everything pushed so far was consumed, move the next packet's worth
 * of cache text into the buffer and close that packet.  Returns with the
 * buffer holding at most one unread metadata packet.
 */
static void metadata_push(struct lttng_stream *s)
{
	struct lttng_metadata_cache *cache = s->cache;
	struct lttng_rb_buf *buf = s->buf;
	struct lttng_rb_rec rec;
	size_t len;

	mutex_lock(&cache->lock);
	if (s->version != cache->version) {
		/* Regenerated: start over from the beginning of the cache. */
		s->version = cache->version;
		s->pushed = 0;
		s->consumed = 0;
	}
	if (s->pushed != s->consumed || s->pushed >= cache->len)
		goto out;
	len = min(cache->len - s->pushed, lttng_rb_packet_room(buf));
	preempt_disable();
	if (!lttng_rb_reserve(buf, &rec, len, 0, 0, false)) {
		lttng_rb_write(&rec, cache->data + s->pushed, len);
		lttng_rb_commit(&rec);
		s->pushed += len;
		/*
		 * Blocks are appended whole under the cache lock, so having
		 * pushed everything means no block is cut in half.
		 */
		s->coherent = s->pushed == cache->len;
	}
	lttng_rb_switch(buf, LTTNG_RB_SWITCH_FLUSH);
	preempt_enable();
out:
	mutex_unlock(&cache->lock);
}

void lttng_metadata_wake(struct lttng_metadata_cache *cache)
{
	wake_up_interruptible(&cache->wait);
}

void lttng_metadata_streams_finalize(struct lttng_metadata_cache *cache)
{
	struct lttng_stream *s;

	mutex_lock(&cache->lock);
	list_for_each_entry(s, &cache->streams, cache_node)
		s->finalized = true;
	mutex_unlock(&cache->lock);
	wake_up_interruptible(&cache->wait);
}

static bool metadata_pending(struct lttng_stream *s)
{
	struct lttng_metadata_cache *cache = s->cache;

	return s->version != cache->version || cache->len > s->consumed;
}

/* ---- ioctl ---- */

static long stream_ioctl_common(struct lttng_stream *s, unsigned int cmd,
				unsigned long arg)
{
	struct lttng_rb_buf *buf = s->buf;
	struct lttng_rb_chan *rb = s->rb;
	unsigned long pos;
	int ret;

	switch (cmd) {
	case LTTNG_RB_IOC_SNAPSHOT:
		return lttng_rb_snapshot(buf);
	case LTTNG_RB_IOC_SAMPLE_POSITIONS:
		lttng_rb_sample_positions(buf);
		return 0;
	case LTTNG_RB_IOC_SNAPSHOT_GET_CONSUMED:
		return put_ulong(arg, buf->sample_consumed);
	case LTTNG_RB_IOC_SNAPSHOT_GET_PRODUCED:
		return put_ulong(arg, buf->sample_produced);
	case LTTNG_RB_IOC_GET_SUBBUF:
		if (get_user(pos, (unsigned long __user *)arg))
			return -EFAULT;
		return lttng_rb_get_subbuf(buf, pos);
	case LTTNG_RB_IOC_PUT_SUBBUF:
		ret = lttng_rb_put_subbuf(buf, false);
		return ret == -EINVAL ? 0 : ret;
	case LTTNG_RB_IOC_GET_NEXT_SUBBUF:
		return lttng_rb_get_next_subbuf(buf);
	case LTTNG_RB_IOC_PUT_NEXT_SUBBUF:
		return lttng_rb_put_subbuf(buf, true);
	case LTTNG_RB_IOC_GET_SUBBUF_SIZE:
		if (!buf->held)
			return -EINVAL;
		return put_ulong(arg, lttng_rb_held_size(buf));
	case LTTNG_RB_IOC_GET_PADDED_SUBBUF_SIZE:
		if (!buf->held)
			return -EINVAL;
		return put_ulong(arg, PAGE_ALIGN(lttng_rb_held_size(buf)));
	case LTTNG_RB_IOC_GET_MAX_SUBBUF_SIZE:
		return put_ulong(arg, rb->sbsize);
	case LTTNG_RB_IOC_GET_MMAP_LEN:
		if (!rb->output_mmap)
			return -EINVAL;
		return put_ulong(arg, (unsigned long)rb->nr_phys << rb->sbshift);
	case LTTNG_RB_IOC_GET_MMAP_READ_OFFSET:
		if (!buf->held)
			return -EINVAL;
		return put_ulong(arg, buf->read_phys << rb->sbshift);
	}
	return -ENOIOCTLCMD;
}

/*
 * FLUSH_OR_POPULATE_PACKET: flush, or when nothing was written since the
 * last packet, give the caller an empty packet at the snapshot's time
 * (padded to a page, like every packet of ours) instead.  The caller's
 * buffer is checked (and its padding zeroed) before anything is flushed.
 */
static long stream_flush_or_populate(struct lttng_stream *s,
				     unsigned long arg)
{
	struct lttng_abi_flush_or_populate __user *uarg =
		(struct lttng_abi_flush_or_populate __user *)arg;
	struct lttng_abi_flush_or_populate a;
	u8 header[LTTNG_PKT_HEADER_LEN];
	size_t len = s->rb->client->header_size;
	size_t padded = PAGE_ALIGN(len);
	void __user *packet;
	bool flushed;
	int populated;

	if (copy_from_user(&a, uarg, sizeof(a)))
		return -EFAULT;
	packet = (void __user *)(unsigned long)a.packet;
	if ((unsigned long)a.packet != a.packet || len > sizeof(header) ||
	    padded > s->rb->sbsize)
		return -EINVAL;
	if (clear_user(packet, padded))
		return -EFAULT;
	populated = lttng_rb_flush_or_populate(s->buf, header, &flushed);
	wake_up_interruptible(&s->buf->read_wait);
	if (populated && copy_to_user(packet, header, len))
		return -EFAULT;
	a.packet_length = populated ? len : 0;
	a.packet_length_padded = populated ? padded : 0;
	a.flush_done = flushed;
	a.packet_populated = populated;
	return copy_to_user(uarg, &a, sizeof(a)) ? -EFAULT : 0;
}

static long data_stream_ioctl(struct lttng_stream *s, unsigned int cmd,
			      unsigned long arg)
{
	struct lttng_rb_buf *buf = s->buf;
	void *header;
	u64 now;

	switch (cmd) {
	case LTTNG_RB_IOC_FLUSH:
	case LTTNG_RB_IOC_FLUSH_EMPTY:
		if (!smp_load_acquire(&s->rb->finalized))
			lttng_rb_buf_switch_remote(buf,
				cmd == LTTNG_RB_IOC_FLUSH ?
				LTTNG_RB_SWITCH_FLUSH : LTTNG_RB_SWITCH_EMPTY);
		wake_up_interruptible(&buf->read_wait);
		return 0;
	case LTTNG_RB_IOC_CLEAR:
		if (!smp_load_acquire(&s->rb->finalized))
			lttng_rb_buf_switch_remote(buf, LTTNG_RB_SWITCH_FLUSH);
		lttng_rb_clear(buf);
		return 0;
	case LTTNG_RB_IOC_FLUSH_OR_POPULATE_PACKET:
		return stream_flush_or_populate(s, arg);
	case LTTNG_RB_IOC_TIMESTAMP_BEGIN:
	case LTTNG_RB_IOC_TIMESTAMP_END:
	case LTTNG_RB_IOC_EVENTS_DISCARDED:
	case LTTNG_RB_IOC_CONTENT_SIZE:
	case LTTNG_RB_IOC_PACKET_SIZE:
	case LTTNG_RB_IOC_SEQ_NUM:
		header = lttng_rb_held_header(buf);
		if (!header)
			return -EINVAL;
		return put_u64(arg, lttng_packet_header_field(header,
							      _IOC_NR(cmd)));
	case LTTNG_RB_IOC_STREAM_ID:
		return put_u64(arg, s->rb->stream_id);
	case LTTNG_RB_IOC_INSTANCE_ID:
		return put_u64(arg, buf->cpu);
	case LTTNG_RB_IOC_CURRENT_TIMESTAMP:
		preempt_disable();
		now = lttng_clock_read();
		preempt_enable();
		return put_u64(arg, now);
	}
	return stream_ioctl_common(s, cmd, arg);
}

static long metadata_stream_ioctl(struct lttng_stream *s, unsigned int cmd,
				  unsigned long arg)
{
	struct lttng_rb_buf *buf = s->buf;
	long ret;

	switch (cmd) {
	case LTTNG_RB_IOC_GET_NEXT_SUBBUF:
		metadata_push(s);
		return lttng_rb_get_next_subbuf(buf);
	case LTTNG_RB_IOC_GET_NEXT_SUBBUF_METADATA_CHECK:
		metadata_push(s);
		ret = lttng_rb_get_next_subbuf(buf);
		if (ret)
			return ret;
		return put_user((u32)s->coherent, (u32 __user *)arg);
	case LTTNG_RB_IOC_PUT_NEXT_SUBBUF:
		ret = lttng_rb_put_subbuf(buf, true);
		if (!ret) {
			mutex_lock(&s->cache->lock);
			s->consumed = s->pushed;
			mutex_unlock(&s->cache->lock);
		}
		return ret;
	case LTTNG_RB_IOC_FLUSH:
	case LTTNG_RB_IOC_FLUSH_EMPTY:
		metadata_push(s);
		return 0;
	case LTTNG_RB_IOC_GET_METADATA_VERSION:
		return put_u64(arg, s->cache->version);
	case LTTNG_RB_IOC_METADATA_CACHE_DUMP:
		mutex_lock(&s->cache->lock);
		if (s->pushed != s->consumed) {
			ret = -EBUSY;
		} else {
			s->pushed = s->consumed = 0;
			ret = 0;
		}
		mutex_unlock(&s->cache->lock);
		wake_up_interruptible(&s->cache->wait);
		return ret;
	case LTTNG_RB_IOC_CLEAR:
		return 0;
	case LTTNG_RB_IOC_TIMESTAMP_BEGIN ... LTTNG_RB_IOC_INSTANCE_ID:
		return -ENOSYS;
	}
	return stream_ioctl_common(s, cmd, arg);
}

static long stream_ioctl(struct file *file, unsigned int cmd,
			 unsigned long arg)
{
	struct lttng_stream *s = file->private_data;
	long ret;

	if (_IOC_TYPE(cmd) != LTTNG_ABI_MAGIC)
		return -ENOIOCTLCMD;
	mutex_lock(&s->buf->read_lock);
	if (s->cache)
		ret = metadata_stream_ioctl(s, cmd, arg);
	else
		ret = data_stream_ioctl(s, cmd, arg);
	mutex_unlock(&s->buf->read_lock);
	return ret;
}

static __poll_t stream_poll(struct file *file, poll_table *wait)
{
	struct lttng_stream *s = file->private_data;
	struct lttng_rb_buf *buf = s->buf;
	__poll_t mask = 0;

	if (s->cache) {
		poll_wait(file, &s->cache->wait, wait);
		mutex_lock(&s->cache->lock);
		if (metadata_pending(s))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (s->finalized)
			mask |= EPOLLHUP;
		mutex_unlock(&s->cache->lock);
		return mask;
	}
	poll_wait(file, &buf->read_wait, wait);
	if (lttng_rb_data_ready(buf)) {
		mask |= EPOLLIN | EPOLLRDNORM;
		if (lttng_rb_is_full(buf))
			mask |= EPOLLPRI | EPOLLRDBAND;
	} else if (smp_load_acquire(&buf->finalized)) {
		mask |= EPOLLHUP;
	}
	return mask;
}

/*
 * Copying reads of the held packet, at an offset relative to its start:
 * the splice path (through the kernel's read_iter-based splice helper)
 * and plain read() both land here.
 */
static ssize_t stream_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct lttng_stream *s = iocb->ki_filp->private_data;
	struct lttng_rb_buf *buf = s->buf;
	unsigned long padded;
	size_t copied = 0;
	void *header;

	mutex_lock(&buf->read_lock);
	header = lttng_rb_held_header(buf);
	if (!header)
		goto out;
	padded = PAGE_ALIGN(lttng_rb_held_size(buf));
	if (iocb->ki_pos < 0 || iocb->ki_pos >= padded)
		goto out;
	copied = copy_to_iter((char *)header + iocb->ki_pos,
			      min_t(size_t, padded - iocb->ki_pos,
				    iov_iter_count(to)), to);
	iocb->ki_pos += copied;
out:
	mutex_unlock(&buf->read_lock);
	return copied;
}

LTTNG_READ_ITER_COMPAT(stream_read_iter)

static int stream_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct lttng_stream *s = file->private_data;
	struct lttng_rb_buf *buf = s->buf;
	unsigned long len = vma->vm_end - vma->vm_start;
	unsigned long i;
	int ret;

	if (!s->rb->output_mmap || vma->vm_pgoff ||
	    len != buf->nr_pages << PAGE_SHIFT)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	lttng_vma_set_readonly_mapping(vma);
	for (i = 0; i < buf->nr_pages; i++) {
		ret = vm_insert_page(vma, vma->vm_start + (i << PAGE_SHIFT),
				     buf->pages[i]);
		if (ret)
			return ret;
	}
	return 0;
}

static int stream_release(struct inode *inode, struct file *file)
{
	struct lttng_stream *s = file->private_data;

	mutex_lock(&s->buf->read_lock);
	if (s->buf->held)
		lttng_rb_put_subbuf(s->buf, false);
	mutex_unlock(&s->buf->read_lock);
	if (s->cache) {
		mutex_lock(&s->cache->lock);
		list_del(&s->cache_node);
		mutex_unlock(&s->cache->lock);
		lttng_metadata_cache_put(s->cache);
	} else {
		atomic_set(&s->buf->has_reader, 0);
	}
	lttng_rb_chan_put(s->rb);
	kfree(s);
	return 0;
}

static const struct file_operations stream_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = stream_ioctl,
	.compat_ioctl = stream_ioctl,
	.poll = stream_poll,
	LTTNG_FOPS_READ_ITER(stream_read_iter),
	.mmap = stream_mmap,
	.release = stream_release,
	.llseek = noop_llseek,
};

static int stream_install(struct lttng_stream *s, const char *name)
{
	struct file *file;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, &stream_fops, s, O_RDWR);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	/* The consumer splices with an explicit offset. */
	file->f_mode |= FMODE_PREAD;
	fd_install(fd, file);
	return fd;
}

/* STREAM on a data channel: the next per-CPU buffer without a reader. */
int lttng_stream_open_data(struct lttng_channel *chan)
{
	struct lttng_rb_chan *rb = chan->rb;
	struct lttng_stream *s;
	unsigned int i;
	int fd;

	for (i = 0; i < rb->nr_bufs; i++) {
		if (!rb->bufs[i] || atomic_cmpxchg(&rb->bufs[i]->has_reader,
						   0, 1))
			continue;
		s = kzalloc(sizeof(*s), GFP_KERNEL);
		if (!s) {
			atomic_set(&rb->bufs[i]->has_reader, 0);
			return -ENOMEM;
		}
		s->buf = rb->bufs[i];
		s->rb = rb;
		lttng_rb_chan_get(rb);
		fd = stream_install(s, "[lttng_stream]");
		if (fd < 0) {
			atomic_set(&rb->bufs[i]->has_reader, 0);
			lttng_rb_chan_put(rb);
			kfree(s);
		}
		return fd;
	}
	return -ENOENT;
}

int lttng_stream_open_metadata(struct lttng_session *session,
			       struct lttng_channel *chan)
{
	struct lttng_rb_buf *buf = chan->rb->bufs[0];
	struct lttng_stream *s;
	int fd;

	if (atomic_cmpxchg(&buf->has_reader, 0, 1))
		return -EBUSY;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s) {
		atomic_set(&buf->has_reader, 0);
		return -ENOMEM;
	}
	s->buf = buf;
	s->rb = chan->rb;
	s->cache = session->metadata;
	lttng_rb_chan_get(s->rb);
	kref_get(&s->cache->ref);
	mutex_lock(&s->cache->lock);
	s->version = s->cache->version;
	list_add(&s->cache_node, &s->cache->streams);
	mutex_unlock(&s->cache->lock);
	fd = stream_install(s, "[lttng_metadata_stream]");
	if (fd < 0) {
		mutex_lock(&s->cache->lock);
		list_del(&s->cache_node);
		mutex_unlock(&s->cache->lock);
		lttng_metadata_cache_put(s->cache);
		lttng_rb_chan_put(s->rb);
		atomic_set(&buf->has_reader, 0);
		kfree(s);
	}
	return fd;
}
