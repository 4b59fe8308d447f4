/* UUID generation (system randomness or a source the simulation installs),
 * parsing of libvirt's liberal string form and canonical formatting. */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <glib.h>

#include "util/uuid.h"

#define VR_UUID_VERSION_BYTE 6
#define VR_UUID_VARIANT_BYTE 8

static GMutex vr_uuid_lock;
static vrUUIDGeneratorFunc vr_uuid_generator;
static void *vr_uuid_generator_opaque;

void
vrUUIDSetGenerator(vrUUIDGeneratorFunc fn, void *opaque)
{
    g_mutex_lock(&vr_uuid_lock);
    vr_uuid_generator = fn;
    vr_uuid_generator_opaque = opaque;
    g_mutex_unlock(&vr_uuid_lock);
}

/* getrandom, falling back to GLib's PRNG if the kernel refuses. */
static void
vrUUIDSystemBytes(unsigned char *buf, size_t len)
{
    size_t got = 0;

    while (got < len) {
        ssize_t n = getrandom(buf + got, len - got, 0);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += n;
    }
    for (; got < len; got++)
        buf[got] = (unsigned char)g_random_int_range(0, 256);
}

void
vrUUIDGenerate(unsigned char uuid[VIR_UUID_BUFLEN])
{
    g_mutex_lock(&vr_uuid_lock);
    if (vr_uuid_generator)
        vr_uuid_generator(uuid, VIR_UUID_BUFLEN, vr_uuid_generator_opaque);
    else
        vrUUIDSystemBytes(uuid, VIR_UUID_BUFLEN);
    g_mutex_unlock(&vr_uuid_lock);

    uuid[VR_UUID_VERSION_BYTE] = (uuid[VR_UUID_VERSION_BYTE] & 0x0F) | 0x40;
    uuid[VR_UUID_VARIANT_BYTE] = (uuid[VR_UUID_VARIANT_BYTE] & 0x3F) | 0x80;
}

int
vrUUIDParse(const char *str, unsigned char uuid[VIR_UUID_BUFLEN])
{
    unsigned char raw[VIR_UUID_BUFLEN];
    const char *p = str;
    size_t i = 0;

    if (!str)
        return -1;
    while (g_ascii_isspace(*p))
        p++;
    while (i < VIR_UUID_BUFLEN) {
        int hi, lo;

        if (*p == '-' || *p == ' ') {
            p++;
            continue;
        }
        /* A byte is two adjacent hex digits: no separator inside a pair. */
        if ((hi = g_ascii_xdigit_value(p[0])) < 0)
            return -1;
        if ((lo = g_ascii_xdigit_value(p[1])) < 0)
            return -1;
        raw[i++] = (unsigned char)(hi * 16 + lo);
        p += 2;
    }
    while (*p) {
        if (!g_ascii_isspace(*p))
            return -1;
        p++;
    }
    memcpy(uuid, raw, VIR_UUID_BUFLEN);
    return 0;
}

char *
vrHexWrite(char *out, const unsigned char *in, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        *out++ = digits[in[i] >> 4];
        *out++ = digits[in[i] & 0xf];
    }
    return out;
}

const char *
vrUUIDFormat(const unsigned char uuid[VIR_UUID_BUFLEN],
             char out[VIR_UUID_STRING_BUFLEN])
{
    /* bytes per dash-separated group: 8-4-4-4-12 digits */
    static const unsigned char groups[] = { 4, 2, 2, 2, 6 };
    const unsigned char *in = uuid;
    char *p = out;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(groups); i++) {
        if (i > 0)
            *p++ = '-';
        p = vrHexWrite(p, in, groups[i]);
        in += groups[i];
    }
    *p = '\0';
    return out;
}

bool
vrUUIDIsValid(const unsigned char uuid[VIR_UUID_BUFLEN])
{
    size_t i;

    for (i = 1; i < VIR_UUID_BUFLEN; i++) {
        if (uuid[i] != uuid[0])
            return true;
    }
    return false;
}
