/* Whole-file I/O: atomic replace (temp file, fsync, rename, fsync dir) for
 * persistent state, and bounded reads. */
#ifndef VR_FILE_H
#define VR_FILE_H

#include <stddef.h>
#include <sys/types.h>

/* Replace path with len bytes of data, atomically: readers see the old
 * file or the new one, never a mix.  The temp file lives in path's
 * directory and is removed on any failure.  mode applies to a new file
 * (subject to umask).  Returns 0, or -1 with VIR_ERR_SYSTEM_ERROR reported
 * naming the file and strerror ("cannot create file '<path>': No such file
 * or directory").  Only when the final directory fsync fails is the new
 * file already in place at -1. */
int vrFileWriteAtomic(const char *path, const void *data, size_t len,
                      mode_t mode);

/* Read all of path (at most max_bytes bytes, max_bytes > 0) into a new
 * NUL-terminated buffer.  On success returns 0 and sets *data (caller
 * frees) and *len (may be NULL); on failure returns -1 with libvirt's
 * messages: "Failed to open file '<path>': <strerror>", "Failed to read
 * file '<path>': <strerror>" (EOVERFLOW when the file is larger than
 * max_bytes). */
int vrFileReadAll(const char *path, size_t max_bytes, char **data, size_t *len);

#endif /* VR_FILE_H */
