// SPDX-License-Identifier: GPL-2.0-only
/* file_open_root(dentry, mnt, name, flags), before 4.6 added a mode. */
#include <linux/fs.h>
struct file *ftr_open_root(struct dentry *d, struct vfsmount *m) { return file_open_root(d, m, "x", O_RDONLY); }
