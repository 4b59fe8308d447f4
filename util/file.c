/* Atomic whole-file replacement and bounded whole-file reads, reporting
 * failures as libvirt's system errors (detail: strerror). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "util/file.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NONE

#define VR_FILE_TEMP_SUFFIX ".XXXXXX"
#define VR_FILE_READ_CHUNK 8192

static int
vrFileWriteFull(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= n;
    }
    return 0;
}

/* Make the rename durable.  Some file systems cannot sync a directory
 * (EINVAL); nothing more can be done there. */
static int
vrFileSyncDir(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd < 0) {
        vrReportSystemError(errno, "cannot open directory '%s'", dir);
        return -1;
    }
    if (fsync(fd) < 0 && errno != EINVAL && errno != ENOTSUP) {
        vrReportSystemError(errno, "cannot sync directory '%s'", dir);
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

/* Write, sync and close the temp file; fd is closed in all cases. */
static int
vrFileFillTemp(int fd, const char *tmp, const void *data, size_t len)
{
    if (vrFileWriteFull(fd, data, len) < 0) {
        vrReportSystemError(errno, "cannot write data to file '%s'", tmp);
        close(fd);
        return -1;
    }
    if (fsync(fd) < 0) {
        vrReportSystemError(errno, "cannot sync file '%s'", tmp);
        close(fd);
        return -1;
    }
    if (close(fd) < 0) {
        vrReportSystemError(errno, "cannot save file '%s'", tmp);
        return -1;
    }
    return 0;
}

int
vrFileWriteAtomic(const char *path, const void *data, size_t len, mode_t mode)
{
    g_autofree char *tmp = g_strconcat(path, VR_FILE_TEMP_SUFFIX, NULL);
    int fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, mode);

    if (fd < 0) {
        vrReportSystemError(errno, "cannot create file '%s'", path);
        return -1;
    }
    if (vrFileFillTemp(fd, tmp, data, len) < 0)
        goto error;
    if (rename(tmp, path) < 0) {
        vrReportSystemError(errno, "cannot rename file '%s' as '%s'", tmp, path);
        goto error;
    }
    return vrFileSyncDir(path);

 error:
    unlink(tmp);
    return -1;
}

/* Read up to limit bytes from fd; -1 with errno set on failure. */
static int
vrFileReadFd(int fd, size_t limit, GString *buf)
{
    char chunk[VR_FILE_READ_CHUNK];

    for (;;) {
        ssize_t n = read(fd, chunk, sizeof(chunk));

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        if ((size_t)n > limit - buf->len) {
            errno = EOVERFLOW;
            return -1;
        }
        g_string_append_len(buf, chunk, n);
    }
}

int
vrFileReadAll(const char *path, size_t max_bytes, char **data, size_t *len)
{
    g_autoptr(GString) buf = NULL;
    int fd;

    if (max_bytes == 0) {
        vrReportSystemError(EINVAL, "Failed to read file '%s'", path);
        return -1;
    }
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        vrReportSystemError(errno, "Failed to open file '%s'", path);
        return -1;
    }
    buf = g_string_new(NULL);
    if (vrFileReadFd(fd, max_bytes, buf) < 0) {
        int saved = errno;

        close(fd);
        vrReportSystemError(saved, "Failed to read file '%s'", path);
        return -1;
    }
    close(fd);
    if (len)
        *len = buf->len;
    *data = g_string_free(g_steal_pointer(&buf), FALSE);
    return 0;
}
