// SPDX-License-Identifier: GPL-2.0-only
/* struct kiocb is declared by <linux/fs.h> (4.1); before, by <linux/aio.h>. */
#include <linux/fs.h>
loff_t ftr_kiocb_pos(struct kiocb *k) { return k->ki_pos; }
