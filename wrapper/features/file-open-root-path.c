// SPDX-License-Identifier: GPL-2.0-only
/* file_open_root() takes a struct path instead of (dentry, mnt) (5.12). */
#include <linux/fs.h>
struct file *ftr_open_root(const struct path *p) { return file_open_root(p, "x", O_PATH, 0); }
