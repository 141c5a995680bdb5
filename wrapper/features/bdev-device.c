// SPDX-License-Identifier: GPL-2.0-only
/*
 * Block devices found without the (unexported) block class: each disk and
 * partition is a struct block_device with its struct device embedded
 * (bd_device, dev_to_bdev(): 5.11+), whose inode sits on the exported
 * blockdev_superblock (I_BDEV()), a super block whose inode list has its
 * own lock (4.5); bdev_is_partition() and bdev_nr_sectors() (5.11).  The
 * inode's state word is the inode-state probes' business.
 */
#include <linux/fs.h>
#include <linux/blkdev.h>
#include <linux/device.h>
int ftr_bdev_device(struct inode *inode)
{
	struct super_block *sb = blockdev_superblock;
	struct block_device *b = I_BDEV(inode);
	struct device *dev = &b->bd_device;
	struct gendisk *disk = dev_to_bdev(dev)->bd_disk;
	int n;

	spin_lock(&sb->s_inode_list_lock);
	n = !list_empty(&sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
	n += bdev_is_partition(b) ? bdev_nr_sectors(b) != 0 :
		get_capacity(disk) != 0;
	n += (disk->flags & GENHD_FL_HIDDEN) != 0;
	n += dev->class != NULL && dev->type != NULL;
	return n + (int)b->bd_dev;
}
