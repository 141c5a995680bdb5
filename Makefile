# SPDX-License-Identifier: GPL-2.0-only
#
# lttng-modules-ns: out-of-tree build.
#   make [KERNELDIR=...]        build every module
#   make modules_install        install under /lib/modules/<rel>/extra
#   make check                  install what the tests need, then run them all
#   make check-debug            the same guest tests on a debug kernel (KASAN...)
#   make check-peer             lttng-tools' own tests, kernel/ and tools/ (tests/peer)
#   make demo                   install what the demo needs, then run it
#   make clean | help
#
# Only the targets that build modules look for a kernel build tree: a
# fresh machine has none until `make demo` or `make check` has run
# scripts/install-deps, and `clean`, `help` and those two must work there.

# The kernel to build for: the running one if it has its build tree, else
# the newest Debian linux-headers-*-amd64 installed, the generic flavour
# before the PREEMPT_RT one.  Recursive (`?=`), so it is only computed by
# the recipes that use it.
KERNELDIR ?= $(shell \
	if [ -d /lib/modules/$$(uname -r)/build ]; then \
		echo /lib/modules/$$(uname -r)/build; \
	else \
		{ ls -d /usr/src/linux-headers-*-rt-amd64 2>/dev/null | sort -V; \
		  ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | grep -v -- -rt-amd64 | sort -V; } | \
		tail -n 1; \
	fi)
FEATURES_CACHE ?= $(CURDIR)/.features
DEPMOD ?= 1

.PHONY: all modules features modules_install clean check check-debug check-peer demo deps help

all: modules

features:
	@if [ -z '$(KERNELDIR)' ]; then \
		echo "make: no kernel build tree: neither /lib/modules/$$(uname -r)/build nor any" >&2; \
		echo "  /usr/src/linux-headers-*-amd64.  Install the headers of the kernel to build for" >&2; \
		echo "  (apt-get install linux-headers-$$(uname -r), or linux-headers-amd64)" >&2; \
		echo "  or name one: make KERNELDIR=/path/to/build." >&2; \
		exit 1; \
	fi; \
	wrapper/conftest.sh '$(KERNELDIR)' $(FEATURES_CACHE) > $(FEATURES_CACHE).path

modules: features
	$(MAKE) -C $(KERNELDIR) M=$(CURDIR) \
		LTTNG_FEATURES_H=$$(cat $(FEATURES_CACHE).path) modules

modules_install: features
	$(MAKE) -C $(KERNELDIR) M=$(CURDIR) \
		LTTNG_FEATURES_H=$$(cat $(FEATURES_CACHE).path) \
		INSTALL_MOD_DIR=extra modules_install \
		$(if $(filter 0,$(DEPMOD)),DEPMOD=true)

# Without a kernel tree: what kbuild would remove, found by name.
clean:
	find . -path ./.git -prune -o \( -name '*.o' -o -name '*.ko' -o -name '*.mod' \
		-o -name '*.mod.c' -o -name '.*.cmd' -o -name '*.a' -o -name '.*.d' \
		-o -name Module.symvers -o -name modules.order \) -type f -print0 | xargs -0 rm -f
	rm -rf .tmp_versions $(FEATURES_CACHE) $(FEATURES_CACHE).path
	$(MAKE) -C tests/unit clean 2>/dev/null || true

# What `check` and `demo` need, installed first (root; apt).
deps:
	@scripts/install-deps

# tests/run-all builds the modules itself, once per installed kernel.
check: deps
	tests/run-all

# The guest tests on a KASAN/lockdep/kmemleak/UBSAN kernel built from
# Debian 12's source (long the first time: tests/debug/run).
check-debug: deps
	tests/debug/run

# lttng-tools' regression tests with a kernel part, ours against
# upstream's (tests/peer/run; `make check` runs the "check" selection of kernel/ only).
check-peer: deps modules
	tests/peer/run --group all --kernel $$(modinfo -F vermagic lttng-tracer.ko | cut -d' ' -f1) \
		--modules-dir $(CURDIR)

demo: deps
	@SKIP_DEPS=1 tests/demo/run

help:
	@sed -n '3,11s/^# \{0,1\}//p' Makefile
