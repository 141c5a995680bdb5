/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Byte-exact packing of the binary CTF structures we emit: event headers,
 * the 84-byte data packet header + context, and the 37-byte metadata
 * packet header.  They are the same in CTF 1.8 and CTF 2 traces.
 *
 * The layouts must agree with the metadata that core/lttng-tsdl.c (CTF
 * 1.8) and core/lttng-ctf2.c (CTF 2) write: on x86_64 nothing is aligned
 * (every byte-sized integer is declared byte aligned), so every
 * structure here is packed.  Values are stored little-endian byte
 * by byte rather than through casts, so the code is free of unaligned
 * access and endianness assumptions and can be unit tested in user space.
 *
 * Depends on <linux/types.h> only, which the unit tests shim.
 */
#ifndef LTTNG_CTF_PACK_H
#define LTTNG_CTF_PACK_H

#include <linux/types.h>

/* ---- Little-endian stores and loads at any alignment ---- */

static inline void lttng_le_put16(u8 *p, u16 v)
{
	p[0] = (u8)v;
	p[1] = (u8)(v >> 8);
}

static inline void lttng_le_put32(u8 *p, u32 v)
{
	lttng_le_put16(p, (u16)v);
	lttng_le_put16(p + 2, (u16)(v >> 16));
}

static inline void lttng_le_put64(u8 *p, u64 v)
{
	lttng_le_put32(p, (u32)v);
	lttng_le_put32(p + 4, (u32)(v >> 32));
}

static inline u16 lttng_le_get16(const u8 *p)
{
	return (u16)(p[0] | (p[1] << 8));
}

static inline u32 lttng_le_get32(const u8 *p)
{
	return (u32)lttng_le_get16(p) | ((u32)lttng_le_get16(p + 2) << 16);
}

static inline u64 lttng_le_get64(const u8 *p)
{
	return (u64)lttng_le_get32(p) | ((u64)lttng_le_get32(p + 4) << 32);
}

/* ---- Event header (struct event_header_compact / _large) ---- */

#define LTTNG_CTF_COMPACT_ID_EXT	31U	/* 5-bit id escape value */
#define LTTNG_CTF_LARGE_ID_EXT		65535U	/* 16-bit id escape value */
#define LTTNG_CTF_TS_BITS		27	/* shortest timestamp field */

#define LTTNG_CTF_COMPACT_HDR_LEN	4
#define LTTNG_CTF_COMPACT_EXT_HDR_LEN	13	/* u8 + u32 id + u64 ts */
#define LTTNG_CTF_LARGE_HDR_LEN		6	/* u16 id + u32 ts */
#define LTTNG_CTF_LARGE_EXT_HDR_LEN	14	/* u16 + u32 id + u64 ts */
#define LTTNG_CTF_MAX_EVENT_HDR_LEN	14

/*
 * A reader rebuilds the full timestamp from the truncated one by assuming
 * fewer than 2^27 cycles passed since the previous timestamp it saw (the
 * previous event, or the packet's timestamp_begin).  The 27-bit rule is
 * used for the large header as well, even though it stores 32 bits: this
 * keeps the choice identical for both header types and leaves margin.
 * An id that does not fit the short id field also forces the long form.
 */
static inline bool lttng_event_id_needs_extended(bool large, u32 id)
{
	return id >= (large ? LTTNG_CTF_LARGE_ID_EXT : LTTNG_CTF_COMPACT_ID_EXT);
}

static inline bool lttng_event_header_needs_extended(bool large, u32 id,
						     u64 tsc, u64 last_tsc)
{
	return lttng_event_id_needs_extended(large, id) ||
	       ((tsc - last_tsc) >> LTTNG_CTF_TS_BITS) != 0;
}

static inline size_t lttng_event_header_len(bool large, bool extended)
{
	if (large)
		return extended ? LTTNG_CTF_LARGE_EXT_HDR_LEN :
				  LTTNG_CTF_LARGE_HDR_LEN;
	return extended ? LTTNG_CTF_COMPACT_EXT_HDR_LEN :
			  LTTNG_CTF_COMPACT_HDR_LEN;
}

/*
 * Write an event header at @dst (which must have room for
 * LTTNG_CTF_MAX_EVENT_HDR_LEN bytes) and return its length.  When
 * @extended is false, @id must fit the short id field; the caller decides
 * with lttng_event_header_needs_extended().
 */
static inline size_t lttng_pack_event_header(u8 *dst, bool large, u32 id,
					     u64 tsc, bool extended)
{
	if (large) {
		if (!extended) {
			lttng_le_put16(dst, (u16)id);
			lttng_le_put32(dst + 2, (u32)tsc);
			return LTTNG_CTF_LARGE_HDR_LEN;
		}
		lttng_le_put16(dst, LTTNG_CTF_LARGE_ID_EXT);
		lttng_le_put32(dst + 2, id);
		lttng_le_put64(dst + 6, tsc);
		return LTTNG_CTF_LARGE_EXT_HDR_LEN;
	}
	if (!extended) {
		/* bits 0-4: id, bits 5-31: low 27 bits of the timestamp */
		u32 w = (id & 0x1fU) |
			((u32)(tsc & ((1U << LTTNG_CTF_TS_BITS) - 1)) << 5);

		lttng_le_put32(dst, w);
		return LTTNG_CTF_COMPACT_HDR_LEN;
	}
	/*
	 * The 5-bit escape is followed by byte-aligned members, so the
	 * other 3 bits of the first byte are padding.
	 */
	dst[0] = LTTNG_CTF_COMPACT_ID_EXT;
	lttng_le_put32(dst + 1, id);
	lttng_le_put64(dst + 5, tsc);
	return LTTNG_CTF_COMPACT_EXT_HDR_LEN;
}

/* ---- Data stream packet header + packet context: 84 bytes ---- */

#define LTTNG_CTF_PACKET_MAGIC		0xC1FC1FC1U

#define LTTNG_PKT_OFF_MAGIC		0
#define LTTNG_PKT_OFF_UUID		4
#define LTTNG_PKT_OFF_STREAM_ID		20
#define LTTNG_PKT_OFF_STREAM_INSTANCE_ID 24
#define LTTNG_PKT_OFF_TIMESTAMP_BEGIN	32
#define LTTNG_PKT_OFF_TIMESTAMP_END	40
#define LTTNG_PKT_OFF_CONTENT_SIZE	48
#define LTTNG_PKT_OFF_PACKET_SIZE	56
#define LTTNG_PKT_OFF_PACKET_SEQ_NUM	64
#define LTTNG_PKT_OFF_EVENTS_DISCARDED	72
#define LTTNG_PKT_OFF_CPU_ID		80
#define LTTNG_PKT_HEADER_LEN		84

enum lttng_packet_field_id {
	LTTNG_PKT_MAGIC,
	LTTNG_PKT_STREAM_ID,
	LTTNG_PKT_STREAM_INSTANCE_ID,
	LTTNG_PKT_TIMESTAMP_BEGIN,
	LTTNG_PKT_TIMESTAMP_END,
	LTTNG_PKT_CONTENT_SIZE,
	LTTNG_PKT_PACKET_SIZE,
	LTTNG_PKT_PACKET_SEQ_NUM,
	LTTNG_PKT_EVENTS_DISCARDED,
	LTTNG_PKT_CPU_ID,
};

/*
 * Open a packet: everything known at open time, and all ones in the
 * fields only known at close time, which is what a reader of a crashed
 * or still-open buffer would see.
 */
static inline void lttng_pack_packet_header_begin(u8 *dst, const u8 uuid[16],
		u32 stream_id, u64 stream_instance_id, u64 timestamp_begin,
		u64 packet_seq_num, u32 cpu_id)
{
	unsigned int i;

	lttng_le_put32(dst + LTTNG_PKT_OFF_MAGIC, LTTNG_CTF_PACKET_MAGIC);
	for (i = 0; i < 16; i++)
		dst[LTTNG_PKT_OFF_UUID + i] = uuid[i];
	lttng_le_put32(dst + LTTNG_PKT_OFF_STREAM_ID, stream_id);
	lttng_le_put64(dst + LTTNG_PKT_OFF_STREAM_INSTANCE_ID,
		       stream_instance_id);
	lttng_le_put64(dst + LTTNG_PKT_OFF_TIMESTAMP_BEGIN, timestamp_begin);
	lttng_le_put64(dst + LTTNG_PKT_OFF_TIMESTAMP_END, ~0ULL);
	lttng_le_put64(dst + LTTNG_PKT_OFF_CONTENT_SIZE, ~0ULL);
	lttng_le_put64(dst + LTTNG_PKT_OFF_PACKET_SIZE, ~0ULL);
	lttng_le_put64(dst + LTTNG_PKT_OFF_PACKET_SEQ_NUM, packet_seq_num);
	lttng_le_put64(dst + LTTNG_PKT_OFF_EVENTS_DISCARDED, ~0ULL);
	lttng_le_put32(dst + LTTNG_PKT_OFF_CPU_ID, cpu_id);
}

/* Close a packet: sizes are in bits, discarded is the running total. */
static inline void lttng_pack_packet_header_end(u8 *dst, u64 timestamp_end,
		u64 content_size_bits, u64 packet_size_bits,
		u64 events_discarded)
{
	lttng_le_put64(dst + LTTNG_PKT_OFF_TIMESTAMP_END, timestamp_end);
	lttng_le_put64(dst + LTTNG_PKT_OFF_CONTENT_SIZE, content_size_bits);
	lttng_le_put64(dst + LTTNG_PKT_OFF_PACKET_SIZE, packet_size_bits);
	lttng_le_put64(dst + LTTNG_PKT_OFF_EVENTS_DISCARDED, events_discarded);
}

/* Read back one field of a packet header (for the stream ioctls). */
static inline u64 lttng_packet_field(const u8 *hdr,
				     enum lttng_packet_field_id which)
{
	switch (which) {
	case LTTNG_PKT_MAGIC:
		return lttng_le_get32(hdr + LTTNG_PKT_OFF_MAGIC);
	case LTTNG_PKT_STREAM_ID:
		return lttng_le_get32(hdr + LTTNG_PKT_OFF_STREAM_ID);
	case LTTNG_PKT_STREAM_INSTANCE_ID:
		return lttng_le_get64(hdr + LTTNG_PKT_OFF_STREAM_INSTANCE_ID);
	case LTTNG_PKT_TIMESTAMP_BEGIN:
		return lttng_le_get64(hdr + LTTNG_PKT_OFF_TIMESTAMP_BEGIN);
	case LTTNG_PKT_TIMESTAMP_END:
		return lttng_le_get64(hdr + LTTNG_PKT_OFF_TIMESTAMP_END);
	case LTTNG_PKT_CONTENT_SIZE:
		return lttng_le_get64(hdr + LTTNG_PKT_OFF_CONTENT_SIZE);
	case LTTNG_PKT_PACKET_SIZE:
		return lttng_le_get64(hdr + LTTNG_PKT_OFF_PACKET_SIZE);
	case LTTNG_PKT_PACKET_SEQ_NUM:
		return lttng_le_get64(hdr + LTTNG_PKT_OFF_PACKET_SEQ_NUM);
	case LTTNG_PKT_EVENTS_DISCARDED:
		return lttng_le_get64(hdr + LTTNG_PKT_OFF_EVENTS_DISCARDED);
	case LTTNG_PKT_CPU_ID:
		return lttng_le_get32(hdr + LTTNG_PKT_OFF_CPU_ID);
	}
	return 0;
}

/* ---- Metadata stream packet header: 37 bytes ---- */

#define LTTNG_CTF_METADATA_MAGIC	0x75D11D57U
#define LTTNG_MD_OFF_MAGIC		0
#define LTTNG_MD_OFF_UUID		4
#define LTTNG_MD_OFF_CHECKSUM		20
#define LTTNG_MD_OFF_CONTENT_SIZE	24
#define LTTNG_MD_OFF_PACKET_SIZE	28
#define LTTNG_MD_OFF_COMPRESSION	32
#define LTTNG_MD_OFF_ENCRYPTION		33
#define LTTNG_MD_OFF_CHECKSUM_SCHEME	34
#define LTTNG_MD_OFF_MAJOR		35
#define LTTNG_MD_OFF_MINOR		36
#define LTTNG_MD_HEADER_LEN		37

/*
 * Sizes are in bits and include the header.  @major.@minor is the
 * format of the text that follows: 1.8 (TSDL) or 2.0 (JSON).  CTF 1.8
 * readers refuse anything but version 1.8 without compression,
 * encryption or checksum; lttng-consumerd 2.14+ strips the header
 * whatever it says.
 */
static inline void lttng_pack_metadata_header_version(u8 *dst,
		const u8 uuid[16], u32 content_size_bits,
		u32 packet_size_bits, u8 major, u8 minor)
{
	unsigned int i;

	lttng_le_put32(dst + LTTNG_MD_OFF_MAGIC, LTTNG_CTF_METADATA_MAGIC);
	for (i = 0; i < 16; i++)
		dst[LTTNG_MD_OFF_UUID + i] = uuid[i];
	lttng_le_put32(dst + LTTNG_MD_OFF_CHECKSUM, 0);
	lttng_le_put32(dst + LTTNG_MD_OFF_CONTENT_SIZE, content_size_bits);
	lttng_le_put32(dst + LTTNG_MD_OFF_PACKET_SIZE, packet_size_bits);
	dst[LTTNG_MD_OFF_COMPRESSION] = 0;
	dst[LTTNG_MD_OFF_ENCRYPTION] = 0;
	dst[LTTNG_MD_OFF_CHECKSUM_SCHEME] = 0;
	dst[LTTNG_MD_OFF_MAJOR] = major;
	dst[LTTNG_MD_OFF_MINOR] = minor;
}

/* The CTF 1.8 metadata packet header. */
static inline void lttng_pack_metadata_header(u8 *dst, const u8 uuid[16],
					      u32 content_size_bits,
					      u32 packet_size_bits)
{
	lttng_pack_metadata_header_version(dst, uuid, content_size_bits,
					   packet_size_bits, 1, 8);
}

#endif
