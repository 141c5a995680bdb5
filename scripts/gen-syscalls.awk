# SPDX-License-Identifier: GPL-2.0-only
#
# The syscall tables of one kernel, from its own headers (run by
# scripts/gen-syscalls, which passes the files and says what they are).
#
# Inputs, in this order on the command line:
#   CFG   include/generated/autoconf.h: which CONFIG_* are set, to choose
#         between the alternatives of a prototype (#ifdef CONFIG_CLONE_*)
#   OVL   instrumentation/syscalls/overlay: what a prototype cannot say
#   HDR   include/linux/syscalls.h (any number of such files: prototypes)
#   T64   arch/x86/include/generated/asm/syscalls_64.h: number -> function
#   T32   .../syscalls_32.h, the same for 32-bit tasks (may be absent)
#
# -v mode=list prints one line per event (the unit tests and
# doc/syscalls.md read it); -v mode=c prints the C header of the 64-bit
# table that core/lttng-syscalls.c turns into event descriptions, and
# -v mode=c32 the same for the 32-bit table (compat_syscall_* events).
#
# A syscall is described by its function's prototype: each argument is an
# integer of its own C type (the compiler sizes it), a pointer is recorded
# as its address (an unsigned long, in decimal as upstream records most of
# them; the overlay says `hex` where upstream shows it so), a `char *` whose name says it is a path or a
# name is a string copied from user memory.  Arguments a syscall only reads
# are recorded at entry, pointers it writes through (non-const) at exit,
# after `ret`.  The overlay corrects this where the prototype says too
# little; a syscall the overlay does not mention still gets its events.

function die(msg) {
	printf "gen-syscalls: %s\n", msg > "/dev/stderr"
	failed = 1
	exit 1
}

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}

# ---- the C preprocessor conditionals of a header, evaluated ----------------

# Tokens of an #if expression; tok[1..ntok].
function tokenize(s,    t) {
	ntok = 0
	while (s != "") {
		if (match(s, /^[ \t]+/)) {
			s = substr(s, RLENGTH + 1)
			continue
		}
		if (match(s, /^(\|\||&&|==|!=|>=|<=|[()!<>])/) ||
		    match(s, /^[A-Za-z_][A-Za-z0-9_]*/) || match(s, /^[0-9]+[UuLl]*/)) {
			t = substr(s, 1, RLENGTH)
			s = substr(s, RLENGTH + 1)
			tok[++ntok] = t
			continue
		}
		# Anything else (arithmetic we do not need): unknown, true.
		ntok = 0
		return 0
	}
	tpos = 1
	return 1
}

function peek() { return tpos <= ntok ? tok[tpos] : "" }
function next_tok() { return tok[tpos++] }

function sym_value(name) {
	if (name == "BITS_PER_LONG")
		return 64
	if (name in defined)
		return defined[name] + 0 == 0 && defined[name] != "0" ? 1 : defined[name] + 0
	return 0
}

function is_defined(name) {
	# The __ARCH_WANT_* of the arch's unistd.h only hide prototypes of
	# functions the table then names or not: having them costs nothing.
	if (name ~ /^__ARCH_WANT_/)
		return 1
	if (name == "CONFIG_ARCH_HAS_SYSCALL_WRAPPER")
		return 0
	return name in defined
}

function primary(    t, v, n) {
	t = next_tok()
	if (t == "!")
		return !primary()
	if (t == "(") {
		v = expr_or()
		next_tok()
		return v
	}
	if (t == "defined") {
		if (peek() == "(") {
			next_tok()
			n = next_tok()
			next_tok()
		} else {
			n = next_tok()
		}
		return is_defined(n)
	}
	if (t ~ /^[0-9]/)
		return t + 0
	return sym_value(t)
}

function expr_cmp(    a, op) {
	a = primary()
	while (peek() ~ /^(==|!=|<|>|<=|>=)$/) {
		op = next_tok()
		b = primary()
		if (op == "==") a = a == b
		else if (op == "!=") a = a != b
		else if (op == "<") a = a < b
		else if (op == ">") a = a > b
		else if (op == "<=") a = a <= b
		else a = a >= b
	}
	return a
}

function expr_and(    a, b) {
	a = expr_cmp()
	while (peek() == "&&") {
		next_tok()
		b = expr_cmp()
		a = a && b
	}
	return a
}

function expr_or(    a, b) {
	a = expr_and()
	while (peek() == "||") {
		next_tok()
		b = expr_and()
		a = a || b
	}
	return a
}

function eval_if(s) {
	if (!tokenize(s))
		return 1
	return expr_or() ? 1 : 0
}

# Stack of conditionals: live[d] (this branch is compiled), done[d] (one
# branch of this #if was taken), outer[d] (the enclosing branch is live).
function cond_push(v) {
	depth++
	outer[depth] = active
	live[depth] = v
	done[depth] = v
	active = active && v
}

function cond_else(v) {
	if (done[depth])
		live[depth] = 0
	else
		live[depth] = v
	if (live[depth])
		done[depth] = 1
	active = outer[depth] && live[depth]
}

function cond_pop() {
	active = outer[depth]
	depth--
}

function directive(line,    d, rest) {
	sub(/^[ \t]*#[ \t]*/, "", line)
	d = line
	sub(/[ \t(].*/, "", d)
	rest = substr(line, length(d) + 1)
	rest = trim(rest)
	if (d == "ifdef") {
		cond_push(rest ~ /^_LINUX_/ ? 1 : is_defined(rest))
	} else if (d == "ifndef") {
		cond_push(rest ~ /^_LINUX_/ ? 1 : !is_defined(rest))
	} else if (d == "if") {
		cond_push(eval_if(rest))
	} else if (d == "elif") {
		cond_else(eval_if(rest))
	} else if (d == "else") {
		cond_else(1)
	} else if (d == "endif") {
		cond_pop()
	}
}

# ---- prototypes --------------------------------------------------------------

# A C type's words (qualifiers and __user gone), "*" kept apart.
function norm_type(t) {
	gsub(/__user|__force|__restrict|restrict|volatile/, " ", t)
	gsub(/\*/, " * ", t)
	gsub(/[ \t]+/, " ", t)
	return trim(t)
}

function is_type_word(w) {
	return w ~ /^(unsigned|signed|int|long|short|char|void|const|struct|union|enum|u8|u16|u32|u64|s8|s16|s32|s64|__u8|__u16|__u32|__u64|__s8|__s16|__s32|__s64|size_t|ssize_t|loff_t|off_t|pid_t|uid_t|gid_t|umode_t|key_t|mqd_t|timer_t|clockid_t|qid_t|aio_context_t|key_serial_t|rwf_t|old_uid_t|old_gid_t|cap_user_header_t|cap_user_data_t|fd_set|sigset_t|siginfo_t|stack_t|caddr_t|time_t)$/
}

# One parameter: sets ptype, pname ("" when the header gives none).
function split_param(p,    n, w, i, last) {
	p = norm_type(p)
	n = split(p, w, " ")
	last = w[n]
	pname = ""
	if (n >= 2 && last ~ /^[A-Za-z_][A-Za-z0-9_]*$/ && !is_type_word(last) &&
	    w[n - 1] !~ /^(struct|union|enum)$/) {
		pname = last
		n--
	}
	ptype = ""
	for (i = 1; i <= n; i++)
		ptype = ptype (i > 1 ? " " : "") w[i]
}

# Record the prototype of function fn from "(params)" text; first seen wins
# unless force (the overlay's own).
function add_proto(fn, params, force,    n, a, i) {
	if ((fn in nargs) && !force)
		return
	params = trim(params)
	if (params == "void" || params == "")
		n = 0
	else
		n = split(params, a, ",")
	if (n > 6)
		die(fn ": more than 6 arguments")
	nargs[fn] = n
	for (i = 1; i <= n; i++) {
		split_param(a[i])
		atype[fn, i] = ptype
		aname[fn, i] = pname != "" ? pname : "arg" (i - 1)
		anamed[fn, i] = pname != ""
	}
}

function take_decl(d,    fn, params) {
	gsub(/[ \t\n]+/, " ", d)
	if (!match(d, /sys_[a-z0-9_]+[ ]*\(/))
		return
	fn = substr(d, RSTART, RLENGTH)
	sub(/[ ]*\($/, "", fn)
	params = substr(d, RSTART + RLENGTH)
	sub(/\)[^)]*$/, "", params)
	add_proto(fn, params, 0)
}

function header_line(line) {
	# Comments, possibly over several lines.
	if (incomment) {
		if (!sub(/^.*\*\//, "", line))
			return
		incomment = 0
	}
	gsub(/\/\*.*\*\//, "", line)
	if (sub(/\/\*.*$/, "", line))
		incomment = 1
	sub(/\/\/.*$/, "", line)
	if (indefine) {
		indefine = line ~ /\\$/
		return
	}
	if (line ~ /^[ \t]*#/) {
		if (line ~ /^[ \t]*#[ \t]*define/) {
			indefine = line ~ /\\$/
			return
		}
		directive(line)
		return
	}
	if (!active)
		return
	if (decl != "") {
		decl = decl " " line
	} else if (line ~ /^[ \t]*asmlinkage[ \t]+long[ \t]+sys_/) {
		decl = line
	} else {
		return
	}
	if (decl ~ /;/) {
		take_decl(decl)
		decl = ""
	}
}

# ---- the tables --------------------------------------------------------------

# __SYSCALL(nr, sym), __SYSCALL_WITH_COMPAT(nr, native, compat) and the
# __SYSCALL_{COMMON,64,X32,I386}(nr, sym, ...) of older kernels.
function table_line(abi, line,    m, f, n, nr, fn) {
	if (line !~ /^__SYSCALL[A-Z0-9_]*\(/)
		return
	m = line
	sub(/^__SYSCALL/, "", m)
	macro = m
	sub(/\(.*/, "", macro)
	if (macro == "_X32")
		return
	sub(/^[^(]*\(/, "", m)
	sub(/\).*$/, "", m)
	n = split(m, f, ",")
	nr = trim(f[1]) + 0
	fn = trim(f[2])
	sub(/^__(x64|ia32|x32|se)_/, "", fn)
	if (fn !~ /^sys_/)
		return
	if (fn == "sys_ni_syscall")
		return
	if (abi == 64 && macro == "_X32")
		return
	tab[abi, nr] = fn
	if (!((abi) in maxnr) || nr > maxnr[abi])
		maxnr[abi] = nr
	ntab[abi]++
}

# ---- the overlay -------------------------------------------------------------

function overlay_line(line,    w, n, fn, i, k) {
	sub(/#.*/, "", line)
	line = trim(line)
	if (line == "")
		return
	n = split(line, w, /[ \t]+/)
	if (w[1] == "proto") {
		# proto sys_NAME(TYPE NAME, ...)
		k = line
		sub(/^proto[ \t]+/, "", k)
		fn = k
		sub(/[ \t]*\(.*/, "", fn)
		sub(/^[^(]*\(/, "", k)
		sub(/\)[^)]*$/, "", k)
		oproto[fn] = k
		return
	}
	if (w[1] ~ /^arg(32|64)?$/ && n >= 4) {
		# arg NAME ARG ATTR... (arg64, arg32: that table only)
		k = w[1] == "arg" ? "" : substr(w[1], 4)
		for (i = 4; i <= n; i++)
			oarg[k, w[2], w[3]] = oarg[k, w[2], w[3]] " " w[i]
		return
	}
	if (w[1] == "sockaddr64" && n == 6 && w[6] ~ /^(in|out)$/) {
		# sockaddr64 NAME ADDR [*]LEN PORT in|out
		osock[w[2]] = w[3] " " w[4] " " w[5] " " w[6]
		return
	}
	if (w[1] == "ret" && n >= 3) {
		k = w[3]
		for (i = 4; i <= n; i++)
			k = k " " w[i]
		oret[w[2]] = k
		return
	}
	if (w[1] == "fdsets" && n == 6) {
		# fdsets NAME N IN OUT EX
		ofds[w[2]] = w[3] " " w[4] " " w[5] " " w[6]
		return
	}
	if (w[1] == "name32" && n == 3) {
		# name32 FUNCTION NAME: the 32-bit table's event name for it
		oname32["sys_" w[2]] = w[3]
		return
	}
	if (w[1] == "unknown" && n == 2) {
		ounknown[w[2]] = 1
		return
	}
	die(OVL ":" FNR ": cannot read \"" line "\"")
}

# ---- events ------------------------------------------------------------------

# The overlay's attributes of argument i of fn for table abi ("": both).
function arg_attrs(abi, sc, fn, i,    nm) {
	nm = aname[fn, i]
	if ((abi, sc, nm) in oarg)
		return oarg[abi, sc, nm]
	if (!anamed[fn, i] && (abi, sc, "arg" (i - 1)) in oarg)
		return oarg[abi, sc, "arg" (i - 1)]
	return ""
}

# The classification of argument i of fn, into f_kind/f_type/f_name/f_dir.
function classify(sc, fn, i,    t, nm, attrs, n, a, j, ptr, kind, dir, type, cnt) {
	t = atype[fn, i]
	nm = aname[fn, i]
	attrs = arg_attrs("", sc, fn, i) arg_attrs(cur_abi, sc, fn, i)
	dir_set = 0
	# Typedefs of pointers are pointers too.
	ptr = t ~ /\*/ || t ~ /^cap_user_(header|data)_t$/
	type = t
	cnt = 0
	if (ptr) {
		# An address, in decimal as upstream's generated tables have it.
		kind = "int"
		type = "unsigned long"
		if (t ~ /^(const )?char \*$/ && nm ~ /name|file|path|root|put_old|type/)
			kind = "string"
		dir = t ~ /^const / || kind == "string" ? "in" : "out"
	} else {
		kind = "int"
		dir = "in"
		# An enum the header only names (incomplete): an int in the ABI.
		if (type ~ /^enum /)
			type = "int"
	}
	n = split(attrs, a, " ")
	for (j = 1; j <= n; j++) {
		if (a[j] ~ /^(in|out|inout)$/) {
			dir = a[j]
			dir_set = 1
		}
		else if (a[j] == "string")
			kind = "string"
		else if (a[j] == "hex")
			kind = "hex"
		else if (a[j] == "dec")
			kind = "int"
		else if (a[j] ~ /^name=/)
			nm = substr(a[j], 6)
		else if (a[j] ~ /^type=/) {
			type = substr(a[j], 6)
			gsub(/\+/, " ", type)
		} else if (a[j] ~ /^array=/ || a[j] == "value") {
			# What the pointer points at, read from user memory.
			kind = a[j] == "value" ? "value" : "array"
			cnt = a[j] == "value" ? 1 : substr(a[j], 7) + 0
			type = t
			sub(/[ ]*\*$/, "", type)
			sub(/^const /, "", type)
			if (type ~ /\*/ || cnt < 1)
				die("overlay: " sc " " aname[fn, i] ": " a[j] " of " t)
		} else if (a[j] == "skip")
			dir = "none"
		else
			die("overlay: " sc " " aname[fn, i] ": unknown attribute " a[j])
	}
	# The fd sets of select are recorded as their bytes (fd_fields()).
	if ((sc in ofds) && index(" " ofds[sc] " ", " " aname[fn, i] " ") > 1)
		dir = "none"
	# Upstream's 32-bit descriptions record every argument of a call the
	# 64-bit table does not have (chown16, stat, waitpid, ...) at entry
	# and at exit: so do ours, unless the overlay says otherwise or only
	# renames a call it knows (name32).
	if (cur_abi == 32 && !(sc in names64) && !(fn in oname32) && !dir_set)
		dir = "inout"
	f_kind = kind
	f_type = type
	f_name = nm
	f_dir = dir
	f_count = cnt
}

function event_fields(sc, fn, at_exit,    n, i, s) {
	n = nargs[fn]
	s = ""
	if (at_exit && fd_fields(sc, fn))
		s = s " overflow:u8"
	for (i = 1; i <= n; i++) {
		classify(sc, fn, i)
		if (!at_exit && fd_fields(sc, fn) && i - 1 == fd_n)
			s = s " " f_name ":" f_type "@" (i - 1) " overflow:u8"
		if (f_dir == "none" || (!at_exit && fd_fields(sc, fn) && i - 1 == fd_n))
			continue
		if (at_exit ? f_dir == "in" : f_dir == "out")
			continue
		if (f_kind == "string")
			s = s " " f_name ":string@" (i - 1)
		else if (f_kind == "array")
			s = s " " f_name ":" f_type "[" f_count "]@*" (i - 1)
		else if (f_kind == "value")
			s = s " " f_name ":" f_type "@*" (i - 1)
		else
			s = s " " f_name ":" f_type (f_kind == "hex" ? "/x" : "") "@" (i - 1)
	}
	if (sock_fields(sc, fn, at_exit))
		s = s sprintf(" family:unsigned short@%s %s:u16/be@%s v4addr:u8[]/be@%s v6addr:u16[]/be@%s",
			      s_at, s_port, s_at, s_at, s_at)
	if (fd_fields(sc, fn))
		s = s sprintf(" readfds:u8[]/x@*%d writefds:u8[]/x@*%d exceptfds:u8[]/x@*%d",
			      fd_in, fd_out, fd_ex)
	return s
}

# Whether the event records select's fd sets as upstream does (the
# overlay's fdsets): an "overflow" byte after n (after ret at exit), the
# three sets' bytes last; sets fd_n, fd_in, fd_out, fd_ex.
function fd_fields(sc, fn,    w) {
	if (!(sc in ofds))
		return 0
	split(ofds[sc], w, " ")
	fd_n = arg_index(sc, fn, w[1])
	fd_in = arg_index(sc, fn, w[2])
	fd_out = arg_index(sc, fn, w[3])
	fd_ex = arg_index(sc, fn, w[4])
	return 1
}

# Argument number (0-based) of the argument of fn called nm, or die.
function arg_index(sc, fn, nm,    i) {
	for (i = 1; i <= nargs[fn]; i++)
		if (aname[fn, i] == nm)
			return i - 1
	die("overlay: " sc ": no argument " nm)
}

# Whether the event gets the fields decoded from a socket address (the
# overlay's sockaddr64): sets s_addr, s_len, s_deref, s_port, s_at.
function sock_fields(sc, fn, at_exit,    w, l) {
	if (cur_abi != 64 || !(sc in osock))
		return 0
	split(osock[sc], w, " ")
	if ((w[4] == "out") != (at_exit != 0))
		return 0
	s_addr = arg_index(sc, fn, w[1])
	l = w[2]
	s_deref = sub(/^\*/, "", l)
	s_len = arg_index(sc, fn, l)
	s_port = w[3]
	s_at = s_addr "," (s_deref ? "*" : "") s_len
	return 1
}

# The event name of function fn in the table being printed.  A 32-bit
# task's time syscalls got functions named *_time32 in 5.1 (y2038); their
# events keep the syscall's name, as upstream's 32-bit table has them,
# unless the table also has that name (clock_gettime: the 64-bit time
# call took it, and the old one stays clock_gettime32's).
function sc_name(fn,    s, b) {
	s = fn
	sub(/^sys_/, "", s)
	if (cur_abi == 32) {
		if (fn in oname32)
			return oname32[fn]
		b = s
		if (!sub(/_time32$/, "", b) && b ~ /^(time|stime|utime)32$/)
			sub(/32$/, "", b)
		if (b != s && !(("sys_" b) in fns32))
			s = b
	}
	return s
}

function list_abi(abi, prefix,    nr, fn, sc, r) {
	cur_abi = abi
	for (nr = 0; nr <= maxnr[abi]; nr++) {
		if (!((abi, nr) in tab))
			continue
		fn = tab[abi, nr]
		sc = sc_name(fn)
		if ((sc in ounknown) || !(fn in nargs)) {
			printf "%s %d %s -\n", abi, nr, sc
			continue
		}
		r = (sc in oret) ? oret[sc] : "long"
		if (sub(/^hex /, "", r))
			r = r "/x"
		printf "%s %d %sentry_%s%s\n", abi, nr, prefix, sc, event_fields(sc, fn, 0)
		printf "%s %d %sexit_%s ret:%s%s\n", abi, nr, prefix, sc, r, event_fields(sc, fn, 1)
	}
}

# One field of a C description: SC_INT(type, name, arg), SC_HEX(...),
# SC_STR(name, arg), SC_RET(type).
function c_fields(sc, fn, at_exit,    n, i, s, fds) {
	n = nargs[fn]
	s = ""
	fds = fd_fields(sc, fn)
	if (at_exit && fds)
		s = s " SC_ZERO(u8, overflow)"
	for (i = 1; i <= n; i++) {
		classify(sc, fn, i)
		if (f_dir == "none")
			continue
		if (at_exit ? f_dir == "in" : f_dir == "out")
			continue
		if (fds && !at_exit && i - 1 == fd_n) {
			s = s " SC_INT(" f_type ", " f_name ", " (i - 1) ") SC_ZERO(u8, overflow)"
			continue
		}
		if (f_kind == "string")
			s = s " SC_STR(" f_name ", " (i - 1) ")"
		else if (f_kind == "hex")
			s = s " SC_HEX(" f_type ", " f_name ", " (i - 1) ")"
		else if (f_kind == "array")
			s = s " SC_UARRAY(" f_type ", " f_name ", " (i - 1) ", " f_count ")"
		else if (f_kind == "value")
			s = s " SC_UINT(" f_type ", " f_name ", " (i - 1) ")"
		else
			s = s " SC_INT(" f_type ", " f_name ", " (i - 1) ")"
	}
	if (sock_fields(sc, fn, at_exit))
		s = s sprintf(" SC_SOCKADDR(%s, %d, %d, %d)", s_port, s_addr, s_len, s_deref)
	if (fds)
		s = s sprintf(" SC_FDSETS(%d, %d, %d, %d)", fd_n, fd_in, fd_out, fd_ex)
	return s
}

# The strings of one event, most of any event: the size of the probe's
# per-CPU copy buffer.
function count_strings(s,    n) {
	n = gsub(/SC_STR\(/, "&", s)
	if (n > maxstr)
		maxstr = n
}

function c_abi(abi,    nr, fn, sc, r, rmacro, fin, fout, body) {
	cur_abi = abi
	body = ""
	maxstr = 1
	for (nr = 0; nr <= maxnr[abi]; nr++) {
		if (!((abi, nr) in tab))
			continue
		fn = tab[abi, nr]
		sc = sc_name(fn)
		if ((sc in ounknown) || !(fn in nargs))
			continue
		r = (sc in oret) ? oret[sc] : "long"
		rmacro = "SC_RET"
		if (r ~ /^hex /) {
			rmacro = "SC_RET_HEX"
			sub(/^hex /, "", r)
		}
		fin = trim(c_fields(sc, fn, 0))
		fout = c_fields(sc, fn, 1)
		count_strings(fin)
		count_strings(fout)
		body = body sprintf("LTTNG_SC(%d, %s,\n\tSC_IN(%s),\n\tSC_OUT(%s(%s)%s))\n",
				    nr, sc, fin, rmacro, r, fout)
	}
	print "/* Generated by scripts/gen-syscalls from the kernel's headers: do not edit. */"
	print "/* Included once for the sizes, then once per LTTNG_SC() meaning. */"
	printf "#ifndef LTTNG_SC_NR_%d\n", abi
	# A kernel without a 32-bit table still gets arrays of one slot.
	printf "#define LTTNG_SC_NR_%d %d\n", abi, ((abi) in maxnr) ? maxnr[abi] + 1 : 1
	printf "#define LTTNG_SC_MAX_STRINGS_%d %d\n", abi, maxstr
	print "#endif"
	print "#ifdef LTTNG_SC"
	printf "%s", body
	print "#endif"
}

BEGIN {
	active = 1
	depth = 0
}

FILENAME == CFG {
	if ($1 == "#define" && $2 ~ /^CONFIG_/)
		defined[$2] = $3
	next
}

FILENAME == OVL { overlay_line($0); next }

FILENAME == T64 { table_line(64, $0); next }

FILENAME == T32 { table_line(32, $0); next }

{ header_line($0) }

END {
	if (failed)
		exit 1
	for (fn in oproto)
		add_proto(fn, oproto[fn], 1)
	if (!ntab[64])
		die("no syscall in " T64)
	for (nr = 0; nr <= maxnr[32]; nr++)
		if ((32, nr) in tab)
			fns32[tab[32, nr]] = 1
	for (nr = 0; nr <= maxnr[64]; nr++)
		if ((64, nr) in tab) {
			k = tab[64, nr]
			sub(/^sys_/, "", k)
			names64[k] = 1
		}
	# The overlay serves every kernel: it may name syscalls this one lacks.
	if (mode == "list") {
		list_abi(64, "syscall_")
		list_abi(32, "compat_syscall_")
	} else if (mode == "c") {
		c_abi(64)
	} else if (mode == "c32") {
		c_abi(32)
	} else {
		die("mode must be list, c or c32")
	}
}
