// SPDX-License-Identifier: GPL-2.0-only
/* strscpy(): bounded copy that reports truncation (4.3). */
#include <linux/string.h>
ssize_t ftr_strscpy(char *d, const char *s, size_t n) { return strscpy(d, s, n); }
