#ifndef CKENSHUFILES_H
#define CKENSHUFILES_H

/// Atomically exchanges two existing paths (files or folders): after the call each name
/// refers to what the other named, and no moment exists where either name is missing.
/// Linux: renameat2(RENAME_EXCHANGE); macOS: renamex_np(RENAME_SWAP). Returns 0, or -1 with
/// errno set (ENOSYS or EINVAL where the system or file system cannot exchange).
int kenshu_rename_exchange(const char *from, const char *to);

/// The filesystem type of the filesystem holding `path`: statfs(2)'s f_type magic number
/// (linux/magic.h), its low 32 bits. Linux only. Returns 0, or -1 with errno set (ENOSYS
/// elsewhere).
int kenshu_filesystem_type(const char *path, unsigned int *type);

#endif
