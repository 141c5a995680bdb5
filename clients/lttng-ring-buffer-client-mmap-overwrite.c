// SPDX-License-Identifier: GPL-2.0-only
#define CLIENT_NAME		"relay-overwrite-mmap"
#define CLIENT_OVERWRITE	true
#define CLIENT_MMAP		true
#define CLIENT_METADATA		false
#include "lttng-client.h"
