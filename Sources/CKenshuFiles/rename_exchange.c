// Swift cannot call the variadic syscall(2), and glibc declares renameat2 only under
// _GNU_SOURCE, which Swift's Glibc module does not set: this file is the bridge.
#define _GNU_SOURCE
#include "CKenshuFiles.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>
#endif

int kenshu_rename_exchange(const char *from, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
  // 2 is RENAME_EXCHANGE (linux/fs.h), spelt out so no kernel header is needed.
  return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 2);
#elif defined(__APPLE__)
  return renamex_np(from, to, RENAME_SWAP);
#else
  (void)from;
  (void)to;
  errno = ENOSYS;
  return -1;
#endif
}
