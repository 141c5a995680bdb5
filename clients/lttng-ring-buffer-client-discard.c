// SPDX-License-Identifier: GPL-2.0-only
#define CLIENT_NAME		"relay-discard"
#define CLIENT_OVERWRITE	false
#define CLIENT_MMAP		false
#define CLIENT_METADATA		false
#include "lttng-client.h"
