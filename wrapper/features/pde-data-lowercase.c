/* PDE_DATA() was renamed pde_data() (5.17). */
#include <linux/proc_fs.h>
void *ftr_pde(const struct inode *inode) { return pde_data(inode); }
