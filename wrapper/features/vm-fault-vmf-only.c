/* vm_operations_struct.fault takes only struct vm_fault * (4.11). */
#include <linux/mm.h>
static vm_fault_t fault(struct vm_fault *vmf) { return VM_FAULT_SIGBUS; }
const struct vm_operations_struct ftr_vm_ops = { .fault = fault };
