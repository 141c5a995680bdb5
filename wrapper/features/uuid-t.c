// SPDX-License-Identifier: GPL-2.0-only
/* uuid_t and uuid_gen() (4.13); before: uuid_be and uuid_be_gen(). */
#include <linux/uuid.h>
void ftr_uuid(uuid_t *u, const uuid_t *v) { uuid_gen(u); uuid_copy(u, v); }
