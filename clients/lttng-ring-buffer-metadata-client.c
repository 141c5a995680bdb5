// SPDX-License-Identifier: GPL-2.0-only
#define CLIENT_NAME		"relay-metadata"
#define CLIENT_OVERWRITE	false
#define CLIENT_MMAP		false
#define CLIENT_METADATA		true
#include "lttng-client.h"
