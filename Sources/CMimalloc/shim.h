// mimalloc (Debian libmimalloc-dev) replaces the C allocator for the whole `kenshu` process:
// once linked, its malloc/free interpose glibc's for Swift, libxml2 and cmark-gfm alike.
#include <mimalloc.h>
