/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page fault tracepoints: <asm/trace/exceptions.h> from 3.13, moved to
 * the generic <trace/events/exceptions.h> (7.x).  Defines
 * LTTNG_PAGE_FAULT_EVENTS when the kernel has them, in either place.
 */
#ifndef LTTNG_WRAPPER_PAGE_FAULT_H
#define LTTNG_WRAPPER_PAGE_FAULT_H

#include <linux/ptrace.h>

#if defined(LTTNG_HAVE_EXCEPTIONS_EVENTS)
#include <trace/events/exceptions.h>
#define LTTNG_PAGE_FAULT_EVENTS
#elif defined(LTTNG_HAVE_X86_EXCEPTIONS)
#include <asm/trace/exceptions.h>
#define LTTNG_PAGE_FAULT_EVENTS
#endif

#endif
