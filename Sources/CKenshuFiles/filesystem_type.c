// Swift's Glibc module does not include <sys/vfs.h>: `statfs` is reached through this file.
#include "CKenshuFiles.h"

#include <errno.h>

#if defined(__linux__)
#include <sys/vfs.h>
#endif

int kenshu_filesystem_type(const char *path, unsigned int *type) {
#if defined(__linux__)
  struct statfs info;
  if (statfs(path, &info) != 0) return -1;
  // f_type is signed (and 32 bits on some platforms): the magic number is its low 32 bits.
  *type = (unsigned int)info.f_type;
  return 0;
#else
  (void)path;
  (void)type;
  errno = ENOSYS;
  return -1;
#endif
}
