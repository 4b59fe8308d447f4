/* Save images.  Layout (integers little-endian, 32-bit):
 *   magic[16] "VireoSimSave" + 4 NULs | version | state | xml length |
 *   FNV-1a checksum of the xml | xml bytes (no terminator)
 * so a foreign, truncated or damaged file is told apart and refused. */
#include "sim/save_image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "util/error.h"
#include "util/file.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_SAVE_MAGIC "VireoSimSave\0\0\0"     /* 16 bytes with the final NUL */
#define VR_SIM_SAVE_MAGIC_BYTES 16
#define VR_SIM_SAVE_VERSION 1u
#define VR_SIM_SAVE_HEADER_BYTES 32
#define VR_SIM_SAVE_XML_MAX_BYTES VR_XML_MAX_BYTES
#define VR_SIM_SAVE_FILE_MAX_BYTES (VR_SIM_SAVE_HEADER_BYTES + VR_SIM_SAVE_XML_MAX_BYTES)
#define VR_SIM_SAVE_FILE_MODE 0600

_Static_assert(sizeof(VR_SIM_SAVE_MAGIC) == VR_SIM_SAVE_MAGIC_BYTES, "magic is 16 bytes");

enum {
    VR_SIM_SAVE_OFF_VERSION = 16,
    VR_SIM_SAVE_OFF_STATE = 20,
    VR_SIM_SAVE_OFF_LENGTH = 24,
    VR_SIM_SAVE_OFF_CHECKSUM = 28,
};

static guint32 vrSimChecksum(const char *data, size_t len)
{
    guint32 h = 2166136261u;
    size_t i;

    for (i = 0; i < len; i++)
        h = (h ^ (unsigned char)data[i]) * 16777619u;
    return h;
}

static void vrSimPutU32(unsigned char *p, guint32 v)
{
    p[0] = v & 0xff;
    p[1] = (v >> 8) & 0xff;
    p[2] = (v >> 16) & 0xff;
    p[3] = (v >> 24) & 0xff;
}

static guint32 vrSimGetU32(const unsigned char *p)
{
    return (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) |
           ((guint32)p[3] << 24);
}

/* The whole image for def (caller frees), its size in *size; NULL with the
 * error reported when the XML is out of bounds. */
static unsigned char *vrSimSaveImageBuild(const vrDomainDef *def, vrSimSaveState state,
                                          size_t *size)
{
    g_autofree char *xml = vrDomainDefFormat(def, VR_DOMAIN_DEF_FORMAT_SECURE |
                                                  VR_DOMAIN_DEF_FORMAT_INACTIVE);
    size_t len = strlen(xml);
    unsigned char *buf;

    if (len == 0 || len > VR_SIM_SAVE_XML_MAX_BYTES) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "saving domain '%s' failed: its XML is %zu bytes (limit %d)",
                      def->name, len, VR_SIM_SAVE_XML_MAX_BYTES);
        return NULL;
    }
    buf = g_malloc0(VR_SIM_SAVE_HEADER_BYTES + len);
    memcpy(buf, VR_SIM_SAVE_MAGIC, VR_SIM_SAVE_MAGIC_BYTES);
    vrSimPutU32(buf + VR_SIM_SAVE_OFF_VERSION, VR_SIM_SAVE_VERSION);
    vrSimPutU32(buf + VR_SIM_SAVE_OFF_STATE, state);
    vrSimPutU32(buf + VR_SIM_SAVE_OFF_LENGTH, (guint32)len);
    vrSimPutU32(buf + VR_SIM_SAVE_OFF_CHECKSUM, vrSimChecksum(xml, len));
    memcpy(buf + VR_SIM_SAVE_HEADER_BYTES, xml, len);
    *size = VR_SIM_SAVE_HEADER_BYTES + len;
    return buf;
}

int vrSimSaveImageWriteTorn(const char *path, const vrDomainDef *def)
{
    g_autofree unsigned char *buf = NULL;
    g_autofree char *tmp = g_strdup_printf("%s.XXXXXX", path);
    size_t size = 0;
    ssize_t n;
    int fd;

    if (!(buf = vrSimSaveImageBuild(def, VR_SIM_SAVE_STATE_RUNNING, &size)))
        return -1;
    if ((fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, VR_SIM_SAVE_FILE_MODE)) < 0) {
        vrReportSystemError(errno, "saving domain '%s' to '%s': open failed",
                            def->name, path);
        return -1;
    }
    /* half of it lands before the disk is full */
    n = write(fd, buf, size / 2);
    close(fd);
    unlink(tmp);
    (void)n;
    return 0;
}

int vrSimSaveImageWrite(const char *path, const vrDomainDef *def, vrSimSaveState state)
{
    g_autofree unsigned char *buf = NULL;
    size_t size = 0;

    if (!(buf = vrSimSaveImageBuild(def, state, &size)))
        return -1;
    if (vrFileWriteAtomic(path, buf, size, VR_SIM_SAVE_FILE_MODE) < 0) {
        const virError *err = vrErrorLast();

        /* The file could not be created: say it in libvirt's words, which
         * tools show users ("saving domain 'x' to '/p': open failed: ..."). */
        if (err && err->message && g_str_has_prefix(err->message, "cannot create file"))
            vrReportSystemError(err->int1, "saving domain '%s' to '%s': open failed",
                                def->name, path);
        return -1;
    }
    return 0;
}

/* The header's checks, in file order; reports the first problem. */
static int vrSimSaveCheckHeader(const char *path, const unsigned char *data, size_t size,
                                vrSimSaveState *state, size_t *xml_len)
{
    guint32 version, st, len;

    if (size < VR_SIM_SAVE_HEADER_BYTES) {
        vrReportError(VIR_ERR_SYSTEM_ERROR, "incomplete save header in '%s'", path);
        return -1;
    }
    if (memcmp(data, VR_SIM_SAVE_MAGIC, VR_SIM_SAVE_MAGIC_BYTES) != 0) {
        /* libvirt's words exactly; the shell's "Failed to restore domain
         * from PATH" line names the file */
        vrReportError(VIR_ERR_INTERNAL_ERROR, "%s", "mismatched header magic");
        return -1;
    }
    if ((version = vrSimGetU32(data + VR_SIM_SAVE_OFF_VERSION)) != VR_SIM_SAVE_VERSION) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "save image '%s' has version %u, expected %u",
                      path, version, VR_SIM_SAVE_VERSION);
        return -1;
    }
    st = vrSimGetU32(data + VR_SIM_SAVE_OFF_STATE);
    if (st != VR_SIM_SAVE_STATE_RUNNING && st != VR_SIM_SAVE_STATE_PAUSED) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "save image '%s' is corrupt: invalid state %u", path, st);
        return -1;
    }
    len = vrSimGetU32(data + VR_SIM_SAVE_OFF_LENGTH);
    if (len < 1 || len > VR_SIM_SAVE_XML_MAX_BYTES) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "length of metadata out of range in '%s': %u", path, len);
        return -1;
    }
    if (size - VR_SIM_SAVE_HEADER_BYTES < len) {
        vrReportError(VIR_ERR_SYSTEM_ERROR, "incomplete metadata in '%s'", path);
        return -1;
    }
    if (size - VR_SIM_SAVE_HEADER_BYTES > len) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "save image '%s' is corrupt: trailing data after the metadata", path);
        return -1;
    }
    *state = st;
    *xml_len = len;
    return 0;
}

vrDomainDef *vrSimSaveImageRead(const char *path, vrSimSaveState *state)
{
    g_autofree char *data = NULL;
    vrSimSaveState st;
    size_t size = 0, len = 0;
    const char *xml;
    vrDomainDef *def;
    int fd;

    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        vrErrorReportSystem(VR_FROM_THIS, errno, __FILE__, __func__, __LINE__,
                            "cannot read domain image '%s'", path);
        return NULL;
    }
    close(fd);
    if (vrFileReadAll(path, VR_SIM_SAVE_FILE_MAX_BYTES, &data, &size) < 0)
        return NULL;
    if (vrSimSaveCheckHeader(path, (const unsigned char *)data, size, &st, &len) < 0)
        return NULL;
    xml = data + VR_SIM_SAVE_HEADER_BYTES;
    if (vrSimChecksum(xml, len) != vrSimGetU32((unsigned char *)data +
                                               VR_SIM_SAVE_OFF_CHECKSUM)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "save image '%s' is corrupt: checksum mismatch", path);
        return NULL;
    }
    if (memchr(xml, '\0', len)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "save image '%s' is corrupt: NUL byte in the metadata", path);
        return NULL;
    }
    if (!(def = vrDomainDefParseString(xml, VR_DOMAIN_DEF_PARSE_INACTIVE)))
        return NULL;
    *state = st;
    return def;
}

bool vrSimSaveImageHasMagic(const char *path)
{
    unsigned char head[VR_SIM_SAVE_MAGIC_BYTES];
    struct stat st;
    ssize_t n;
    int fd;

    if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
        (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
        return false;
    n = read(fd, head, sizeof(head));
    close(fd);
    return n == (ssize_t)sizeof(head) &&
           memcmp(head, VR_SIM_SAVE_MAGIC, VR_SIM_SAVE_MAGIC_BYTES) == 0;
}
