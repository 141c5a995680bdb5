/* Excerpt of linux-headers-7.2.12+deb14-amd64/include/generated/autoconf.h */
#define CONFIG_COMPAT 1
#define CONFIG_IA32_EMULATION 1
#define CONFIG_ARCH_HAS_SYSCALL_WRAPPER 1
#define CONFIG_HAVE_SYSCALL_TRACEPOINTS 1
#define CONFIG_X86_64 1
#define CONFIG_64BIT 1
