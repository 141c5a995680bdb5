// SPDX-License-Identifier: GPL-2.0-only
/* inode->i_state is a struct read with inode_state_read(), under i_lock (6.19). */
#include <linux/fs.h>
unsigned int ftr_inode_state(struct inode *inode)
{
	unsigned int n;

	spin_lock(&inode->i_lock);
	n = inode_state_read(inode) & (I_FREEING | I_WILL_FREE | I_NEW);
	spin_unlock(&inode->i_lock);
	return n;
}
