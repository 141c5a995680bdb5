// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ioctl interface: /proc/lttng and the anonymous files it hands out
 * for sessions, channels and event enablers.
 *
 * Lifetimes follow the files: a channel file holds its session's file and
 * an enabler file its channel's, so a session is torn down only when the
 * last file that can reach it is closed.  Commands are dispatched on their
 * full 32-bit number: some share a number and differ only in direction.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <wrapper/poll.h>
#include <wrapper/proc.h>
#include <wrapper/string.h>
#include "tracer.h"

static const struct file_operations session_fops;
static const struct file_operations channel_fops;
static const struct file_operations metadata_channel_fops;
static const struct file_operations enabler_fops;

/* Hand @priv out as a new anonymous file; returns the fd. */
static int install_file(const char *name, const struct file_operations *fops,
			void *priv, struct file **filep)
{
	struct file *file;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, fops, priv, O_RDWR);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	if (filep)
		*filep = file;
	fd_install(fd, file);
	return fd;
}

/* ---- list files (read with fscanf by the tools) ---- */

static const struct file_operations lttng_list_fops = {
	.owner = THIS_MODULE,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static int tracepoint_list_show(struct seq_file *m, void *v)
{
	return lttng_list_tracepoints(m);
}

static int syscall_list_show(struct seq_file *m, void *v)
{
	return lttng_syscalls_list(m);
}

static int open_list(int (*show)(struct seq_file *, void *), const char *name)
{
	struct file *file;
	int fd, ret;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, &lttng_list_fops, NULL, O_RDONLY);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	ret = single_open(file, show, NULL);
	if (ret) {
		fput(file);
		put_unused_fd(fd);
		return ret;
	}
	fd_install(fd, file);
	return fd;
}

/* ---- enablers ---- */

static long enabler_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct lttng_enabler *en = file->private_data;

	switch (cmd) {
	case LTTNG_IOC_ENABLE:
		return lttng_enabler_set_enabled(en, true);
	case LTTNG_IOC_DISABLE:
		return lttng_enabler_set_enabled(en, false);
	case LTTNG_IOC_FILTER:
		return lttng_enabler_set_filter(en, (const void __user *)arg);
	case LTTNG_IOC_ADD_CALLSITE:
		return -ENOSYS;
	}
	return -ENOIOCTLCMD;
}

static int enabler_release(struct inode *inode, struct file *file)
{
	struct lttng_enabler *en = file->private_data;

	/* The enabler belongs to the session; drop our hold on its channel. */
	fput(en->chan->file);
	return 0;
}

static const struct file_operations enabler_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = enabler_ioctl,
	.compat_ioctl = enabler_ioctl,
	.release = enabler_release,
	.llseek = noop_llseek,
};

/* ---- channels ---- */

static long channel_event(struct lttng_channel *chan, unsigned long arg)
{
	struct lttng_abi_event *p;
	struct lttng_enabler *en;
	int fd;

	p = memdup_user((void __user *)arg, sizeof(*p));
	if (IS_ERR(p))
		return PTR_ERR(p);
	en = lttng_enabler_create(chan, p);
	kfree(p);
	if (IS_ERR(en))
		return PTR_ERR(en);
	get_file(chan->file);
	fd = install_file("[lttng_event]", &enabler_fops, en, NULL);
	if (fd < 0)
		fput(chan->file);	/* the enabler stays with the session */
	return fd;
}

static long channel_context(struct lttng_channel *chan, unsigned long arg)
{
	struct lttng_abi_context p;
	int ret;

	if (copy_from_user(&p, (void __user *)arg, sizeof(p)))
		return -EFAULT;
	mutex_lock(&lttng_lock);
	if (chan->session->been_active)
		ret = -EPERM;
	else
		ret = lttng_context_add(&chan->ctx, p.ctx);
	mutex_unlock(&lttng_lock);
	return ret;
}

static long channel_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct lttng_channel *chan = file->private_data;

	switch (cmd) {
	case LTTNG_IOC_STREAM:
		return lttng_stream_open_data(chan);
	case LTTNG_IOC_EVENT:
		return channel_event(chan, arg);
	case LTTNG_IOC_CONTEXT:
		return channel_context(chan, arg);
	case LTTNG_IOC_ENABLE:
		return lttng_channel_set_enabled(chan, true);
	case LTTNG_IOC_DISABLE:
		return lttng_channel_set_enabled(chan, false);
	case LTTNG_IOC_SYSCALL_MASK:
		return lttng_syscalls_mask(chan, (u32 __user *)arg);
	}
	return -ENOIOCTLCMD;
}

/* POLLIN while a per-CPU buffer still waits for its stream file. */
static __poll_t channel_poll(struct file *file, poll_table *wait)
{
	struct lttng_channel *chan = file->private_data;
	struct lttng_rb_chan *rb = chan->rb;
	unsigned int i;

	/*
	 * "lttng disable-channel" only stops recording: the buffers stay
	 * readable, so it is no error for the daemons polling this file.
	 */
	poll_wait(file, &rb->hp_wait, wait);
	if (smp_load_acquire(&rb->finalized))
		return EPOLLHUP;
	for (i = 0; i < rb->nr_bufs; i++)
		if (rb->bufs[i] && !atomic_read(&rb->bufs[i]->has_reader))
			return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static int channel_release(struct inode *inode, struct file *file)
{
	struct lttng_channel *chan = file->private_data;

	/* The channel belongs to the session, which we stop holding. */
	fput(chan->session->file);
	return 0;
}

static const struct file_operations channel_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = channel_ioctl,
	.compat_ioctl = channel_ioctl,
	.poll = channel_poll,
	.release = channel_release,
	.llseek = noop_llseek,
};

static long metadata_channel_ioctl(struct file *file, unsigned int cmd,
				   unsigned long arg)
{
	struct lttng_channel *chan = file->private_data;

	if (cmd == LTTNG_IOC_STREAM)
		return lttng_stream_open_metadata(chan->session, chan);
	return -ENOIOCTLCMD;
}

static int metadata_channel_release(struct inode *inode, struct file *file)
{
	struct lttng_channel *chan = file->private_data;
	struct file *session_file = chan->session->file;

	mutex_lock(&lttng_lock);
	lttng_channel_destroy(chan);
	mutex_unlock(&lttng_lock);
	fput(session_file);
	return 0;
}

static const struct file_operations metadata_channel_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = metadata_channel_ioctl,
	.compat_ioctl = metadata_channel_ioctl,
	.release = metadata_channel_release,
	.llseek = noop_llseek,
};

/* ---- sessions ---- */

static long session_channel(struct lttng_session *session, unsigned long arg,
			    bool metadata)
{
	struct lttng_abi_channel p;
	struct lttng_channel *chan;
	int fd;

	if (copy_from_user(&p, (void __user *)arg, sizeof(p)))
		return -EFAULT;
	chan = lttng_channel_create(session, &p, metadata);
	if (IS_ERR(chan))
		return PTR_ERR(chan);
	get_file(session->file);
	fd = install_file(metadata ? "[lttng_metadata_channel]" :
			  "[lttng_channel]",
			  metadata ? &metadata_channel_fops : &channel_fops,
			  chan, &chan->file);
	if (fd < 0) {
		fput(session->file);
		mutex_lock(&lttng_lock);
		lttng_channel_destroy(chan);
		mutex_unlock(&lttng_lock);
	}
	return fd;
}

/* Copy a fixed-size string argument; it must be NUL-terminated. */
static int copy_string_arg(char *dst, size_t size, unsigned long arg)
{
	if (copy_from_user(dst, (void __user *)arg, size))
		return -EFAULT;
	if (!memchr(dst, '\0', size))
		return -EINVAL;
	return 0;
}

static long session_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct lttng_session *session = file->private_data;
	char buf[LTTNG_ABI_NAME_LEN];
	int ret;

	switch (cmd) {
	case LTTNG_IOC_CHANNEL:
		return session_channel(session, arg, false);
	case LTTNG_IOC_METADATA:
		return session_channel(session, arg, true);
	case LTTNG_IOC_SESSION_START:
	case LTTNG_IOC_ENABLE:
		return lttng_session_start(session);
	case LTTNG_IOC_SESSION_STOP:
	case LTTNG_IOC_DISABLE:
		return lttng_session_stop(session);
	case LTTNG_IOC_METADATA_REGEN:
		return lttng_session_metadata_regen(session);
	case LTTNG_IOC_STATEDUMP:
		return lttng_session_statedump(session);
	case LTTNG_IOC_SET_NAME:
	case LTTNG_IOC_SET_NAME_R:
		ret = copy_string_arg(buf, LTTNG_ABI_NAME_LEN, arg);
		if (ret)
			return ret;
		mutex_lock(&lttng_lock);
		strscpy(session->name, buf, sizeof(session->name));
		mutex_unlock(&lttng_lock);
		return 0;
	case LTTNG_IOC_SET_CREATION_TIME:
	case LTTNG_IOC_SET_CREATION_TIME_R:
		ret = copy_string_arg(buf, sizeof(session->creation_time), arg);
		if (ret)
			return ret;
		mutex_lock(&lttng_lock);
		strscpy(session->creation_time, buf,
			sizeof(session->creation_time));
		mutex_unlock(&lttng_lock);
		return 0;
	case LTTNG_IOC_SESSION_SET_OUTPUT_FORMAT:
		/* A u32 passed by value: the upper bits are not the tools'. */
		return lttng_session_set_output_format(session, (u32)arg);
	case LTTNG_IOC_TRACK_PID:
	case LTTNG_IOC_TRACK_PID_R:
		/* The pid is the argument itself, not a pointer. */
		return lttng_session_track(session, LTTNG_TRACKER_PID,
					   (s32)arg, true);
	case LTTNG_IOC_UNTRACK_PID:
	case LTTNG_IOC_UNTRACK_PID_R:
		return lttng_session_track(session, LTTNG_TRACKER_PID,
					   (s32)arg, false);
	case LTTNG_IOC_TRACK_ID:
	case LTTNG_IOC_UNTRACK_ID:
	case LTTNG_IOC_TRACK_ID_R:
	case LTTNG_IOC_UNTRACK_ID_R: {
		struct lttng_abi_tracker_args t;

		if (copy_from_user(&t, (void __user *)arg, sizeof(t)))
			return -EFAULT;
		return lttng_session_track(session, t.type, t.id,
				cmd == LTTNG_IOC_TRACK_ID ||
				cmd == LTTNG_IOC_TRACK_ID_R);
	}
	case LTTNG_IOC_LIST_TRACKER_PIDS:
	case LTTNG_IOC_LIST_TRACKER_IDS:
	case LTTNG_IOC_LIST_TRACKER_IDS_R:
		return -ENOSYS;
	}
	return -ENOIOCTLCMD;
}

static int session_release(struct inode *inode, struct file *file)
{
	lttng_session_destroy(file->private_data);
	return 0;
}

static const struct file_operations session_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = session_ioctl,
	.compat_ioctl = session_ioctl,
	.release = session_release,
	.llseek = noop_llseek,
};

/* ---- /proc/lttng ---- */

static long lttng_root_ioctl(struct file *file, unsigned int cmd,
			     unsigned long arg)
{
	struct lttng_session *session;
	int fd;

	switch (cmd) {
	case LTTNG_IOC_SESSION:
		session = lttng_session_create();
		if (!session)
			return -ENOMEM;
		fd = install_file("[lttng_session]", &session_fops, session,
				  &session->file);
		if (fd < 0)
			lttng_session_destroy(session);
		return fd;
	case LTTNG_IOC_TRACER_VERSION: {
		struct lttng_abi_tracer_version v = {
			.major = LTTNG_ABI_TRACER_MAJOR,
			.minor = LTTNG_ABI_TRACER_MINOR,
			.patchlevel = LTTNG_ABI_TRACER_PATCHLEVEL,
		};

		return copy_to_user((void __user *)arg, &v, sizeof(v)) ?
		       -EFAULT : 0;
	}
	case LTTNG_IOC_ABI_VERSION: {
		struct lttng_abi_abi_version v = {
			.major = LTTNG_ABI_MAJOR,
			.minor = LTTNG_ABI_MINOR,
		};

		return copy_to_user((void __user *)arg, &v, sizeof(v)) ?
		       -EFAULT : 0;
	}
	case LTTNG_IOC_TRACEPOINT_LIST:
		return open_list(tracepoint_list_show,
				 "[lttng_tracepoint_list]");
	case LTTNG_IOC_SYSCALL_LIST:
		return open_list(syscall_list_show, "[lttng_syscall_list]");
	case LTTNG_IOC_WAIT_QUIESCENT:
		lttng_tracepoints_quiesce();
		return 0;
	case LTTNG_IOC_EVENT_NOTIFIER_GROUP:
		/* Triggers are not implemented: the tools carry on without. */
		return -ENOSYS;
	}
	return -ENOIOCTLCMD;
}

static const struct lttng_proc_ops lttng_root_ops =
	LTTNG_PROC_OPS_INIT(lttng_root_ioctl);

static struct proc_dir_entry *lttng_proc;

int lttng_abi_init(void)
{
	lttng_proc = lttng_proc_create("lttng", 0600, &lttng_root_ops);
	return lttng_proc ? 0 : -ENOMEM;
}

void lttng_abi_exit(void)
{
	proc_remove(lttng_proc);
}
