/* Excerpt of linux-headers-7.2.12+deb14-common/include/linux/syscalls.h: the prototypes and the conditionals around them */
#ifndef _LINUX_SYSCALLS_H
#ifdef CONFIG_ARCH_HAS_SYSCALL_WRAPPER
#endif /* CONFIG_ARCH_HAS_SYSCALL_WRAPPER */
#ifdef CONFIG_FTRACE_SYSCALLS
#else
#endif
#ifndef SYSCALL_DEFINE0
#endif /* SYSCALL_DEFINE0 */
#ifndef __SYSCALL_DEFINEx
#endif /* __SYSCALL_DEFINEx */
#ifdef __LITTLE_ENDIAN
#else
#endif
#ifdef CONFIG_COMPAT
#else
#endif
#ifndef CONFIG_ARCH_HAS_SYSCALL_WRAPPER
asmlinkage long sys_file_setattr(int dfd, const char __user *filename,
				 struct file_attr __user *attr, size_t usize,
				 unsigned int at_flags);
#if BITS_PER_LONG == 32
#endif
asmlinkage long sys_listns(const struct ns_id_req __user *req,
			   u64 __user *ns_ids, size_t nr_ns_ids,
			   unsigned int flags);
#if BITS_PER_LONG == 32
#endif
asmlinkage long sys_openat(int dfd, const char __user *filename, int flags,
			   umode_t mode);
asmlinkage long sys_openat2(int dfd, const char __user *filename,
			    struct open_how __user *how, size_t size);
asmlinkage long sys_close(unsigned int fd);
asmlinkage long sys_read(unsigned int fd, char __user *buf, size_t count);
#if defined(__ARCH_WANT_STAT64) || defined(__ARCH_WANT_COMPAT_STAT64)
#endif
asmlinkage long sys_unshare(unsigned long unshare_flags);
asmlinkage long sys_futex_wake(void __user *uaddr, unsigned long mask, int nr, unsigned int flags);
#ifndef CONFIG_ODD_RT_SIGACTION
asmlinkage long sys_rt_sigaction(int,
				 const struct sigaction __user *,
				 struct sigaction __user *,
				 size_t);
#endif
asmlinkage long sys_sethostname(char __user *name, int len);
asmlinkage long sys_getpid(void);
#ifdef CONFIG_CLONE_BACKWARDS
asmlinkage long sys_clone(unsigned long, unsigned long, int __user *, unsigned long,
	       int __user *);
#else
#ifdef CONFIG_CLONE_BACKWARDS3
asmlinkage long sys_clone(unsigned long, unsigned long, int, int __user *,
			  int __user *, unsigned long);
#else
asmlinkage long sys_clone(unsigned long, unsigned long, int __user *,
	       int __user *, unsigned long);
#endif
#endif
asmlinkage long sys_clone3(struct clone_args __user *uargs, size_t size);
#if defined(CONFIG_ARCH_SPLIT_ARG64)
#else
#endif
asmlinkage long sys_setns(int fd, int nstype);
asmlinkage long sys_rseq_slice_yield(void);
#if defined(__ARCH_WANT_STAT64) || defined(__ARCH_WANT_COMPAT_STAT64)
#endif
#ifdef __ARCH_WANT_SYS_UTIME
#endif
asmlinkage long sys_fork(void);
#ifdef CONFIG_OLD_SIGSUSPEND
#endif
#ifdef CONFIG_OLD_SIGSUSPEND3
#endif
#ifdef CONFIG_OLD_SIGACTION
#endif
#ifdef CONFIG_HAVE_UID16
#endif
#ifdef __ARCH_WANT_SYS_OLD_GETRLIMIT
#endif
#endif /* CONFIG_ARCH_HAS_SYSCALL_WRAPPER */
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
int ksys_unshare(unsigned long unshare_flags);
#ifdef CONFIG_ADVISE_SYSCALLS
#else
#endif
#endif
