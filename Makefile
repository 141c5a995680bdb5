# SPDX-License-Identifier: GPL-2.0-only
#
# lttng-modules-ns: out-of-tree build.
#   make [KERNELDIR=...]        build every module
#   make modules_install        install under /lib/modules/<rel>/extra
#   make check                  unit tests + the VM suite
#   make demo                   the container CPU demo (see README)

# The kernel to build for: the running one if it has its build tree, else
# the newest Debian linux-headers-*-amd64 installed, the generic flavour
# before the PREEMPT_RT one.
KERNELDIR ?= $(shell \
	if [ -d /lib/modules/$$(uname -r)/build ]; then \
		echo /lib/modules/$$(uname -r)/build; \
	else \
		{ ls -d /usr/src/linux-headers-*-rt-amd64 2>/dev/null | sort -V; \
		  ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | grep -v -- -rt-amd64 | sort -V; } | \
		tail -n 1; \
	fi)
KERNELDIR := $(KERNELDIR)
FEATURES_CACHE ?= $(CURDIR)/.features
DEPMOD ?= 1

ifeq ($(KERNELDIR),)
$(error no kernel build tree found: install linux-headers-amd64 or set KERNELDIR)
endif

.PHONY: all modules features modules_install clean check demo

all: modules

features:
	@wrapper/conftest.sh $(KERNELDIR) $(FEATURES_CACHE) > $(FEATURES_CACHE).path

modules: features
	$(MAKE) -C $(KERNELDIR) M=$(CURDIR) \
		LTTNG_FEATURES_H=$$(cat $(FEATURES_CACHE).path) modules

modules_install: features
	$(MAKE) -C $(KERNELDIR) M=$(CURDIR) \
		LTTNG_FEATURES_H=$$(cat $(FEATURES_CACHE).path) \
		INSTALL_MOD_DIR=extra modules_install \
		$(if $(filter 0,$(DEPMOD)),DEPMOD=true)

clean:
	$(MAKE) -C $(KERNELDIR) M=$(CURDIR) LTTNG_FEATURES_H=/dev/null clean
	rm -rf $(FEATURES_CACHE) $(FEATURES_CACHE).path
	$(MAKE) -C tests/unit clean 2>/dev/null || true

check: modules
	tests/run-all

demo:
	@tests/demo/run
