/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copying splice from a file that only has ->read_iter: the helper was
 * generic_file_splice_read() until 6.5, copy_splice_read() since.  Kernels
 * before 3.16 have neither read_iter helper; there we fall back to the
 * kernel's default copying splice through ->read (see doc/compat.md).
 */
#ifndef LTTNG_WRAPPER_SPLICE_H
#define LTTNG_WRAPPER_SPLICE_H

#include <linux/fs.h>
#include <linux/splice.h>

#if defined(LTTNG_HAVE_COPY_SPLICE_READ)
#define lttng_copy_splice_read	copy_splice_read
#elif defined(LTTNG_HAVE_GENERIC_FILE_SPLICE_READ)
#define lttng_copy_splice_read	generic_file_splice_read
#else
#define lttng_copy_splice_read	NULL
#endif

#endif
