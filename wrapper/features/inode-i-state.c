// SPDX-License-Identifier: GPL-2.0-only
/* inode->i_state is a plain flag word (until 6.19 hid it behind helpers). */
#include <linux/fs.h>
unsigned long ftr_inode_state(struct inode *inode)
{
	unsigned long n;

	spin_lock(&inode->i_lock);
	n = inode->i_state & (I_FREEING | I_WILL_FREE | I_NEW);
	spin_unlock(&inode->i_lock);
	return n;
}
