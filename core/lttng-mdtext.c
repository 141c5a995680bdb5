// SPDX-License-Identifier: GPL-2.0-only
/*
 * The growable text buffer of the metadata generators: see lttng-mdtext.h.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>

#include "lttng-mdtext.h"

#define MD_MIN_ALLOC	4096

void lttng_md_buf_init(struct lttng_md_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->error = 0;
}

void lttng_md_buf_release(struct lttng_md_buf *b)
{
	lttng_md_free(b->data);
	lttng_md_buf_init(b);
}

/* Make room for @more bytes of text plus the terminating NUL. */
static int md_reserve(struct lttng_md_buf *b, size_t more)
{
	size_t need = b->len + more + 1;
	size_t n = b->alloc ? b->alloc : MD_MIN_ALLOC;
	char *p;

	if (need < b->len)
		return -ENOMEM;
	if (need <= b->alloc)
		return 0;
	/* Doubling keeps appends amortised O(1) for big event lists. */
	while (n < need) {
		if (n > ((size_t)-1) / 2)
			return -ENOMEM;
		n *= 2;
	}
	p = lttng_md_realloc(b->data, b->alloc, n);
	if (!p)
		return -ENOMEM;
	b->data = p;
	b->alloc = n;
	return 0;
}

void lttng_md_fail(struct lttng_md_buf *b, int err)
{
	if (!b->error)
		b->error = err;
}

void lttng_md_append(struct lttng_md_buf *b, const char *s, size_t n)
{
	int ret;

	if (b->error)
		return;
	ret = md_reserve(b, n);
	if (ret) {
		lttng_md_fail(b, ret);
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void lttng_md_puts(struct lttng_md_buf *b, const char *s)
{
	lttng_md_append(b, s, strlen(s));
}

void lttng_md_printf(struct lttng_md_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n, ret;

	if (b->error)
		return;
	/* Measure first, so the formatted text is written exactly once. */
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		lttng_md_fail(b, -EINVAL);
		return;
	}
	ret = md_reserve(b, n);
	if (ret) {
		lttng_md_fail(b, ret);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

int lttng_md_begin(struct lttng_md_buf *b, size_t *mark)
{
	*mark = b->len;
	return b->error;
}

int lttng_md_end(struct lttng_md_buf *b, size_t mark)
{
	if (b->error) {
		b->len = mark;
		if (b->data)
			b->data[mark] = '\0';
	}
	return b->error;
}
