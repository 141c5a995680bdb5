/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Forgets every field macro of the description language, for a pass of
 * probes/lttng-probe-gen.h that defines them all anew.  Included several
 * times: no include guard.
 */
#undef f_int
#undef f_hex
#undef f_oct
#undef f_text
#undef f_array
#undef f_seq
#undef f_seq_fn
#undef f_string
#undef f_int_net
#undef f_hex_net
#undef f_array_net
#undef f_seq_net
#undef f_seq_text
#undef f_array_bits
#undef f_seq_bits
#undef f_enum
