// SPDX-License-Identifier: GPL-2.0-only
/*
 * Gate: disks and partitions are block_devices with their own size,
 * bdev_nr_sectors() (5.11, with struct hd_struct merged into struct
 * block_device): the kernel has what the block-device statedump needs.
 */
#include <linux/blkdev.h>
sector_t ftr_bdev_nr_sectors(struct block_device *b) { return bdev_nr_sectors(b); }
