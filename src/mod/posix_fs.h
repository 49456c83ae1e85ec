/*
 * posix_fs.h - the file-system half of the posix module (posix_fs.c):
 * stat, listdir, scandir, mkdir, remove, rename, open on descriptors...
 */
#ifndef GP_MOD_POSIX_FS_H
#define GP_MOD_POSIX_FS_H

#include <uv.h>

#include "obj/object.h"

/* Adds the file-system functions, types (stat_result, DirEntry,
   terminal_size) and constants (O_*, SEEK_*, F_OK...) to the posix
   [module]. posix.c calls it from gp_posix_module_create(). 0 or -1. */
int gp_posix_fs_add(gp_object_t *module);

/* Builds an os.stat_result from a libuv stat buffer (the same object
   os.stat() returns). A new reference, or NULL with an exception. The
   asynchronous file calls of aiofile.c use it for gilpy.aio.stat(). */
gp_object_t *gp_posix_fs_stat_result(const uv_stat_t *st);

#endif /* GP_MOD_POSIX_FS_H */
