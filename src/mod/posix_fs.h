/*
 * posix_fs.h - the file-system half of the posix module (posix_fs.c):
 * stat, listdir, scandir, mkdir, remove, rename, open on descriptors...
 */
#ifndef GP_MOD_POSIX_FS_H
#define GP_MOD_POSIX_FS_H

#include "obj/object.h"

/* Adds the file-system functions, types (stat_result, DirEntry,
   terminal_size) and constants (O_*, SEEK_*, F_OK...) to the posix
   [module]. posix.c calls it from gp_posix_module_create(). 0 or -1. */
int gp_posix_fs_add(gp_object_t *module);

#endif /* GP_MOD_POSIX_FS_H */
