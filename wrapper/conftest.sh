#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# conftest.sh KERNELDIR OUTDIR
#
# Decides every LTTNG_HAVE_* macro by compiling one tiny program per feature
# against the target kernel's own headers (wrapper/features/*.c), and by
# looking up exported symbols in its Module.symvers (wrapper/features/symbols).
# Version numbers are never consulted: distributions and stable trees backport
# API changes, and only the headers tell the truth.
#
# A probe that fails to compile normally means "absent", and the code built
# on it is left out or takes a fallback.  That is wrong when the probe
# failed because the API it tests moved: the feature disappears without a
# word (issue 11: mnt_ns and the block-device statedump on 7.2).  So the
# features that must not be lost are declared in wrapper/features/required,
# each with one alternative per shape its API has had ("required, with
# alternatives"; an alternative is a probe, an export, or several joined
# by "+"), optionally behind a gate probe for features that only some
# kernels have.  When a requirement holds and none of its alternatives
# does, conftest fails, naming the feature, the alternatives tried, the
# probes' first errors and the missing exports.  Features not declared
# there stay optional.
#
# It also checks the probe set itself, on every run: each probe's macro
# must be used somewhere in the tree outside wrapper/features (or the probe
# be a gate of a requirement), each exported-symbol macro too, and each
# probe must carry an SPDX line; otherwise it warns ("conftest: warning:",
# which tests/run-all counts as a build warning).
#
# The result is OUTDIR/<key>/lttng-features.h, where <key> hashes the kernel
# build directory, its release string and every probe source, so a header is
# computed once per kernel and reused; the probes' compiler log is kept
# beside it (probes.log).  Prints the header's path on stdout and a one-line
# summary on stderr.
set -eu

kdir=$1
outroot=$2
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
probes=$here/features
required=$probes/required

[ -f "$kdir/Makefile" ] || { echo "conftest: no kernel build tree at $kdir" >&2; exit 1; }
kdir=$(cd "$kdir" && pwd -P)
release=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$kdir/include/generated/utsrelease.h" 2>/dev/null || true)

macro_of() { echo "LTTNG_HAVE_$(echo "$1" | tr 'a-z-' 'A-Z_')"; }

# "FEATURE [when GATE]: ALTERNATIVE..." lines of the requirements file
# (continued after a backslash, no blanks around "+"), as
# "FEATURE GATE ALTERNATIVE..." (GATE "-" when there is none).
requirements() {
	sed -e 's/#.*//' "$required" |
	sed -e ':a' -e '/\\$/{N;s/\\\n/ /;ba' -e '}' -e 's/[[:space:]]*+[[:space:]]*/+/g' |
	while IFS= read -r line; do
		case $line in *[![:space:]]*) ;; *) continue ;; esac
		head=${line%%:*}
		alts=${line#*:}
		set -- $head
		if [ $# = 3 ] && [ "$2" = when ]; then
			echo "$1 $3" $alts
		elif [ $# = 1 ]; then
			echo "$1 -" $alts
		else
			echo "conftest: $required: cannot read \"$line\"" >&2
			echo "!"
		fi
	done
}

# ---- Checks of the probe set (every run: they depend on the tree only).
reqs=$(requirements)
case $reqs in *'!'*) exit 1 ;; esac
gates=$(echo "$reqs" | awk '$2 != "-" { print $2 }')
symbols=$(grep -v '^#' "$probes/symbols" | grep .)
unknown=$(echo "$reqs" | while read -r feature gate alts; do
	for p in $gate $(echo "$alts" | tr + ' '); do
		case $p in
		-) ;;
		export:*) echo "$symbols" | grep -qx "${p#export:}" ||
			echo "$feature:$p:wrapper/features/symbols does not list ${p#export:}" ;;
		*) [ -f "$probes/$p.c" ] ||
			echo "$feature:$p:there is no wrapper/features/$p.c" ;;
		esac
	done
done)
if [ -n "$unknown" ]; then
	echo "$unknown" | while IFS=: read -r feature p why; do
		echo "conftest: $required: feature $feature names $p, but $why" >&2
	done
	exit 1
fi
used=$(grep -rhoE 'LTTNG_HAVE_[A-Z0-9_]+' --include='*.[ch]' \
	--exclude-dir=.git --exclude-dir=features --exclude-dir=.features \
	--exclude=lttng-features.h "$top" 2>/dev/null | sort -u)
for src in "$probes"/*.c; do
	name=$(basename "$src" .c)
	head -n 1 "$src" | grep -q 'SPDX-License-Identifier:' ||
		echo "conftest: warning: wrapper/features/$name.c has no SPDX-License-Identifier line" >&2
	echo "$used" | grep -qx "$(macro_of "$name")" && continue
	echo "$gates" | grep -qx "$name" && continue
	echo "conftest: warning: wrapper/features/$name.c: $(macro_of "$name") is used nowhere outside wrapper/features; use the probe or remove it" >&2
done
grep -v '^#' "$probes/symbols" | while read -r sym; do
	[ -n "$sym" ] || continue
	echo "$used" | grep -qx "LTTNG_HAVE_EXPORT_$(echo "$sym" | tr 'a-z' 'A-Z')" ||
		echo "conftest: warning: wrapper/features/symbols: LTTNG_HAVE_EXPORT_$(echo "$sym" | tr 'a-z' 'A-Z') is used nowhere; use the export or remove it" >&2
done

key=$( (echo "$kdir $release"; cat "$0" "$probes"/*.c "$probes"/symbols "$required") | sha1sum | cut -c1-16)
out=$outroot/$key
header=$out/lttng-features.h
if [ -f "$header" ]; then
	sed -n 's/^\/\* summary: \(.*\) \*\/$/\1/p' "$header" >&2
	echo "$header"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
objs=
for src in "$probes"/*.c; do
	name=$(basename "$src" .c)
	cp "$src" "$work/ftr_$name.c"
	objs="$objs ftr_$name.o"
done
# The baseline compiles on every kernel: if it does not, the tree or the
# toolchain is broken, and every probe would wrongly answer "absent".
printf '%s\n' '#include <linux/module.h>' '#include <linux/sched.h>' \
	'int ftr_baseline(struct task_struct *t) { return t->pid; }' \
	> "$work/ftr__baseline.c"
# Only the diagnostics that mean "not the API this probe expects" are
# errors: warnings that a compiler newer than the kernel emits in the
# kernel's own headers must not turn features off.
cat > "$work/Kbuild" <<EOF
obj-m := ftr__baseline.o $objs
ccflags-y := -Werror=incompatible-pointer-types -Werror=implicit-function-declaration \
	-Werror=int-conversion -Werror=pointer-to-int-cast -Werror=int-to-pointer-cast \
	-Werror=return-type -Werror=implicit-int \
	-Werror=overflow -Werror=cpp -Wno-unused-function
EOF
# -k: a probe that fails to compile is an answer, not an error.
make -k -j"$(nproc 2>/dev/null || echo 2)" -C "$kdir" M="$work" modules \
	>"$work/log" 2>&1 || true
if [ ! -f "$work/ftr__baseline.o" ]; then
	cat "$work/log" >&2
	echo "conftest: even the baseline probe fails to compile against $kdir" >&2
	exit 1
fi

mkdir -p "$out"
# Kept beside the header: why a probe failed is the first question when a
# feature is missing.
cp "$work/log" "$out/probes.log"
have() { [ -f "$work/ftr_$1.o" ]; }
# A term of a requirement: PROBE, export:SYMBOL, or several joined by "+",
# all of which must hold.  Without a Module.symvers (a bare tree) exports
# cannot be checked: they are taken as there, and the summary says so,
# while the header leaves the LTTNG_HAVE_EXPORT_* macros out as always.
symvers=$kdir/Module.symvers
exported() {
	[ ! -f "$symvers" ] ||
		grep -q "^0x[0-9a-f]*[[:space:]]$1[[:space:]]" "$symvers"
}
holds() {
	for part in $(echo "$1" | tr + ' '); do
		case $part in
		export:*) exported "${part#export:}" || return 1 ;;
		*) have "$part" || return 1 ;;
		esac
	done
}
# Why a term does not hold: the first errors of each failing probe, each
# missing export.
why_not() {
	for part in $(echo "$1" | tr + ' '); do
		case $part in
		export:*)
			exported "${part#export:}" ||
				echo "conftest:     ${part#export:}: not exported (Module.symvers)" ;;
		*)
			have "$part" && continue
			errs=$(grep -m 3 "ftr_$part\.c:[0-9]*:[0-9]*: error:" "$work/log" |
				sed "s/^.*ftr_$part\.c:/conftest:     $part.c:/")
			if [ -n "$errs" ]; then
				echo "$errs"
			else
				echo "conftest:     $part.c: fails in the kernel's headers (probes.log)"
			fi ;;
		esac
	done
}

# ---- Requirements.
failed=0
met=0
gated=
while read -r feature gate alts; do
	if [ "$gate" != - ] && ! have "$gate"; then
		gated="$gated $feature"
		continue
	fi
	ok=
	for p in $alts; do
		holds "$p" && ok=$p && break
	done
	if [ -n "$ok" ]; then
		met=$((met + 1))
		continue
	fi
	failed=$((failed + 1))
	{
		if [ "$gate" = - ]; then
			echo "conftest: required feature \"$feature\" is missing for $release ($kdir):"
		else
			echo "conftest: required feature \"$feature\" is missing for $release ($kdir),"
			echo "conftest:   although this kernel has it (gate probe $gate compiles):"
		fi
		echo "conftest:   none of its alternatives holds:$(printf ' %s' $alts)"
		for p in $alts; do
			why_not "$p"
		done | awk '!seen[$0]++'
	} >&2
done <<EOF
$reqs
EOF
if [ $failed != 0 ]; then
	{
		echo "conftest: the kernel's API moved or lost an export: add a probe (or an"
		echo "conftest:   export) for its new shape to wrapper/features/, list it in"
		echo "conftest:   wrapper/features/required and use it in wrapper/ (doc/compat.md)."
		echo "conftest:   All probe errors: $out/probes.log"
	} >&2
	exit 1
fi

tmp=$header.tmp.$$
found=
missing=
{
	echo "/* Generated by wrapper/conftest.sh for $release ($kdir). Do not edit. */"
	echo "#ifndef LTTNG_FEATURES_H"
	echo "#define LTTNG_FEATURES_H"
	for src in "$probes"/*.c; do
		name=$(basename "$src" .c)
		macro=$(macro_of "$name")
		if have "$name"; then
			echo "#define $macro 1"
			found="$found $name"
		else
			echo "/* #undef $macro */"
			missing="$missing $name"
		fi
	done
	# Exported symbols: "symbol" lines of wrapper/features/symbols.
	grep -v '^#' "$probes/symbols" | while read -r sym; do
		[ -n "$sym" ] || continue
		macro=LTTNG_HAVE_EXPORT_$(echo "$sym" | tr 'a-z' 'A-Z')
		if grep -q "^0x[0-9a-f]*[[:space:]]$sym[[:space:]]" "$kdir/Module.symvers" 2>/dev/null; then
			echo "#define $macro 1"
		else
			echo "/* #undef $macro */"
		fi
	done
	nf=$(echo $found | wc -w)
	nm=$(echo $missing | wc -w)
	ng=$(echo $gated | wc -w)
	nosyms=
	[ -f "$symvers" ] || nosyms="; no Module.symvers: exports unchecked, export-based features left out"
	echo "/* summary: features for $release: $nf present, $nm absent:$(echo "$missing" | sed 's/^ */ /;s/^ $/ none/'); $met required met, $ng not on this kernel:$(echo "$gated" | sed 's/^ */ /;s/^ $/ none/')$nosyms */"
	echo "#endif"
} > "$tmp"
mv "$tmp" "$header"
sed -n 's/^\/\* summary: \(.*\) \*\/$/\1/p' "$header" >&2
echo "$header"
