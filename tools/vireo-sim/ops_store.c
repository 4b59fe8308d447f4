/* vireo-sim operations on networks, storage pools and volumes: their line
 * syntax ("vol-upload default-pool v0 0 64k fill=3"), the XML they send and
 * running them through the public API, uploads and downloads included
 * (in-process virStream, content generated from a fill pattern). */
#include "vsim.h"

#include <string.h>

#define VS_STREAM_CHUNK_BYTES (64 * 1024)   /* bytes per virStreamSend/Recv */
#define VS_SUBNETS 200                      /* 10.K.0.0/24, K from the name */
#define VS_SUBNET_FIRST 20
#define VS_DHCP_HOST_MIN 2
#define VS_DHCP_HOST_MAX 254
#define VS_FILL_MAX 255

/* The shapes of the arguments: positional words, then options. */
typedef enum {
    VS_SHAPE_OBJ_DEF,       /* NAME [uuid=UUID] */
    VS_SHAPE_NAME,          /* NAME */
    VS_SHAPE_NAME_ONOFF,    /* NAME on|off */
    VS_SHAPE_NET_UPDATE,    /* NAME dhcp-add|dhcp-del HOST */
    VS_SHAPE_VOL,           /* POOL VOL */
    VS_SHAPE_VOL_CREATE,    /* POOL VOL [cap=SIZE] [alloc=SIZE] */
    VS_SHAPE_VOL_CLONE,     /* POOL SRC NEW */
    VS_SHAPE_VOL_RESIZE,    /* POOL VOL SIZE [shrink] [allocate] [delta] */
    VS_SHAPE_VOL_UPLOAD,    /* POOL VOL OFFSET LENGTH [fill=N] [abort] */
    VS_SHAPE_EXPECT_OBJ,    /* NAME active|inactive|absent */
    VS_SHAPE_EXPECT_VOL,    /* POOL VOL present|absent */
} vsShape;

typedef struct {
    vsShape shape;
    guint positional;       /* words after the verb before the options */
    const char *options;    /* for the error message */
} vsShapeInfo;

static const vsShapeInfo vsShapes[] = {
    [VS_SHAPE_OBJ_DEF] = { VS_SHAPE_OBJ_DEF, 1, "uuid=UUID" },
    [VS_SHAPE_NAME] = { VS_SHAPE_NAME, 1, "none" },
    [VS_SHAPE_NAME_ONOFF] = { VS_SHAPE_NAME_ONOFF, 2, "none" },
    [VS_SHAPE_NET_UPDATE] = { VS_SHAPE_NET_UPDATE, 3, "none" },
    [VS_SHAPE_VOL] = { VS_SHAPE_VOL, 2, "none" },
    [VS_SHAPE_VOL_CREATE] = { VS_SHAPE_VOL_CREATE, 2, "cap=SIZE alloc=SIZE" },
    [VS_SHAPE_VOL_CLONE] = { VS_SHAPE_VOL_CLONE, 3, "none" },
    [VS_SHAPE_VOL_RESIZE] = { VS_SHAPE_VOL_RESIZE, 3, "shrink allocate delta" },
    [VS_SHAPE_VOL_UPLOAD] = { VS_SHAPE_VOL_UPLOAD, 4, "fill=N abort" },
    [VS_SHAPE_EXPECT_OBJ] = { VS_SHAPE_EXPECT_OBJ, 2, "none" },
    [VS_SHAPE_EXPECT_VOL] = { VS_SHAPE_EXPECT_VOL, 3, "none" },
};

static vsShape vsShapeOf(vsOpKind kind)
{
    switch (kind) {
    case VS_OP_NET_DEFINE: case VS_OP_NET_CREATE:
    case VS_OP_POOL_DEFINE: case VS_OP_POOL_CREATE:
        return VS_SHAPE_OBJ_DEF;
    case VS_OP_NET_AUTOSTART:
        return VS_SHAPE_NAME_ONOFF;
    case VS_OP_NET_UPDATE:
        return VS_SHAPE_NET_UPDATE;
    case VS_OP_VOL_DELETE: case VS_OP_VOL_WIPE: case VS_OP_VOL_DOWNLOAD:
        return VS_SHAPE_VOL;
    case VS_OP_VOL_CREATE:
        return VS_SHAPE_VOL_CREATE;
    case VS_OP_VOL_CLONE:
        return VS_SHAPE_VOL_CLONE;
    case VS_OP_VOL_RESIZE:
        return VS_SHAPE_VOL_RESIZE;
    case VS_OP_VOL_UPLOAD:
        return VS_SHAPE_VOL_UPLOAD;
    case VS_OP_EXPECT_NET: case VS_OP_EXPECT_POOL:
        return VS_SHAPE_EXPECT_OBJ;
    case VS_OP_EXPECT_VOL:
        return VS_SHAPE_EXPECT_VOL;
    default:
        return VS_SHAPE_NAME;
    }
}

bool vsStoreOpKind(vsOpKind kind)
{
    return kind >= VS_OP_NET_DEFINE && kind < VS_OP_LAST;
}

/* ---- parsing ---- */

/* "4096", "64k", "1m": bytes up to VS_VOL_MAX_BYTES. */
static int vsParseSize(const char *text, guint64 *bytes)
{
    g_autofree char *digits = g_strdup(text);
    size_t len = strlen(digits);
    guint64 unit = 1, num;

    if (len > 1 && g_ascii_tolower(digits[len - 1]) == 'k')
        unit = 1024;
    else if (len > 1 && g_ascii_tolower(digits[len - 1]) == 'm')
        unit = 1024 * 1024;
    if (unit > 1)
        digits[len - 1] = '\0';
    if (!g_ascii_string_to_unsigned(digits, 10, 0, VS_VOL_MAX_BYTES / unit, &num, NULL))
        return -1;
    *bytes = num * unit;
    return 0;
}

static int vsParseUint(const char *text, guint64 min, guint64 max, unsigned int *out)
{
    guint64 num;

    if (!g_ascii_string_to_unsigned(text, 10, min, max, &num, NULL))
        return -1;
    *out = (unsigned int)num;
    return 0;
}

/* One option word after the positional ones. */
static int vsParseOption(vsOp *op, vsShape shape, const char *word)
{
    const char *eq = strchr(word, '=');
    const char *value = eq ? eq + 1 : NULL;

    switch (shape) {
    case VS_SHAPE_OBJ_DEF:
        if (!g_str_has_prefix(word, "uuid=") || op->uuid || !*value)
            return -1;
        op->uuid = g_strdup(value);
        return 0;
    case VS_SHAPE_VOL_CREATE:
        if (g_str_has_prefix(word, "cap="))
            return vsParseSize(value, &op->capacity);
        if (!g_str_has_prefix(word, "alloc="))
            return -1;
        op->has_allocation = true;
        return vsParseSize(value, &op->allocation);
    case VS_SHAPE_VOL_RESIZE:
        if (strcmp(word, "shrink") == 0)
            op->resize_flags |= VIR_STORAGE_VOL_RESIZE_SHRINK;
        else if (strcmp(word, "allocate") == 0)
            op->resize_flags |= VIR_STORAGE_VOL_RESIZE_ALLOCATE;
        else if (strcmp(word, "delta") == 0)
            op->resize_flags |= VIR_STORAGE_VOL_RESIZE_DELTA;
        else
            return -1;
        return 0;
    case VS_SHAPE_VOL_UPLOAD:
        if (strcmp(word, "abort") == 0) {
            op->abort_upload = true;
            return 0;
        }
        if (!g_str_has_prefix(word, "fill="))
            return -1;
        return vsParseUint(value, 0, VS_FILL_MAX, &op->fill);
    default:
        return -1;
    }
}

/* The positional words: words[1..positional]. */
static int vsParsePositional(vsOp *op, vsShape shape, char **words)
{
    static const char *const objStates[] = { "active", "inactive", "absent" };
    static const char *const volStates[] = { "present", "absent" };

    op->name = g_strdup(words[1]);
    switch (shape) {
    case VS_SHAPE_NAME_ONOFF:
        op->word = g_strdup(words[2]);
        return strcmp(words[2], "on") == 0 || strcmp(words[2], "off") == 0 ? 0 : -1;
    case VS_SHAPE_NET_UPDATE:
        op->word = g_strdup(words[2]);
        if (strcmp(words[2], "dhcp-add") != 0 && strcmp(words[2], "dhcp-del") != 0)
            return -1;
        return vsParseUint(words[3], VS_DHCP_HOST_MIN, VS_DHCP_HOST_MAX, &op->host);
    case VS_SHAPE_EXPECT_OBJ:
        op->word = g_strdup(words[2]);
        return g_strv_contains(objStates, words[2]) ? 0 : -1;
    case VS_SHAPE_VOL: case VS_SHAPE_VOL_CREATE:
        op->vol = g_strdup(words[2]);
        return 0;
    case VS_SHAPE_VOL_CLONE:
        op->vol = g_strdup(words[2]);
        op->vol2 = g_strdup(words[3]);
        return 0;
    case VS_SHAPE_VOL_RESIZE:
        op->vol = g_strdup(words[2]);
        return vsParseSize(words[3], &op->capacity);
    case VS_SHAPE_VOL_UPLOAD:
        op->vol = g_strdup(words[2]);
        if (vsParseSize(words[3], &op->offset) < 0 || vsParseSize(words[4], &op->length) < 0)
            return -1;
        return op->length > 0 ? 0 : -1;
    case VS_SHAPE_EXPECT_VOL:
        op->vol = g_strdup(words[2]);
        op->word = g_strdup(words[3]);
        return g_strv_contains(volStates, words[3]) ? 0 : -1;
    default:
        return 0;
    }
}

int vsStoreParseArgs(vsOp *op, char **words, guint n, char **error)
{
    const vsShapeInfo *info = &vsShapes[vsShapeOf(op->kind)];
    g_autofree char *verb = g_strdup(words[0]);
    guint i;

    if (n < info->positional + 1 ||
        (n > info->positional + 1 && strcmp(info->options, "none") == 0) ||
        vsParsePositional(op, info->shape, words) < 0) {
        *error = g_strdup_printf("wrong arguments for '%s'", verb);
        return -1;
    }
    for (i = info->positional + 1; i < n; i++) {
        if (vsParseOption(op, info->shape, words[i]) < 0) {
            *error = g_strdup_printf("invalid flag or option '%s' for '%s' (%s)", words[i],
                                     verb, info->options);
            return -1;
        }
    }
    return 0;
}

/* ---- formatting ---- */

void vsStoreFormat(const vsOp *op, GString *out)
{
    vsShape shape = vsShapeOf(op->kind);

    vsAppendWord(out, op->name);
    if (op->vol)
        vsAppendWord(out, op->vol);
    if (op->vol2)
        vsAppendWord(out, op->vol2);
    if (shape == VS_SHAPE_VOL_RESIZE)
        g_string_append_printf(out, " %" G_GUINT64_FORMAT, op->capacity);
    if (shape == VS_SHAPE_VOL_UPLOAD)
        g_string_append_printf(out, " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " fill=%u",
                               op->offset, op->length, op->fill);
    if (op->word)
        vsAppendWord(out, op->word);
    if (shape == VS_SHAPE_NET_UPDATE)
        g_string_append_printf(out, " %u", op->host);
    if (op->uuid)
        g_string_append_printf(out, " uuid=%s", op->uuid);
    if (shape == VS_SHAPE_VOL_CREATE)
        g_string_append_printf(out, " cap=%" G_GUINT64_FORMAT, op->capacity);
    if (op->has_allocation)
        g_string_append_printf(out, " alloc=%" G_GUINT64_FORMAT, op->allocation);
    if (op->resize_flags & VIR_STORAGE_VOL_RESIZE_SHRINK)
        g_string_append(out, " shrink");
    if (op->resize_flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE)
        g_string_append(out, " allocate");
    if (op->resize_flags & VIR_STORAGE_VOL_RESIZE_DELTA)
        g_string_append(out, " delta");
    if (op->abort_upload)
        g_string_append(out, " abort");
}

/* ---- the XML sent ---- */

static unsigned int vsSubnet(const char *name)
{
    return VS_SUBNET_FIRST + g_str_hash(name) % VS_SUBNETS;
}

static char *vsNetworkXML(const vsOp *op)
{
    unsigned int k = vsSubnet(op->name);

    return g_strdup_printf(
        "<network><name>%s</name>%s%s%s<bridge name='vsbr%u'/>"
        "<ip address='10.%u.0.1' netmask='255.255.255.0'><dhcp>"
        "<range start='10.%u.0.100' end='10.%u.0.200'/></dhcp></ip></network>",
        op->name, op->uuid ? "<uuid>" : "", op->uuid ? op->uuid : "",
        op->uuid ? "</uuid>" : "", k, k, k, k);
}

static char *vsDhcpHostXML(const vsOp *op)
{
    return g_strdup_printf("<host mac='52:54:00:%02x:00:%02x' name='h%u' ip='10.%u.0.%u'/>",
                           vsSubnet(op->name) & 0xff, op->host, op->host,
                           vsSubnet(op->name), op->host);
}

static char *vsPoolXML(const vsOp *op)
{
    return g_strdup_printf("<pool type='dir'><name>%s</name>%s%s%s<target><path>/%s</path>"
                           "</target></pool>", op->name, op->uuid ? "<uuid>" : "",
                           op->uuid ? op->uuid : "", op->uuid ? "</uuid>" : "", op->name);
}

static char *vsVolumeXML(const char *name, const vsOp *op)
{
    GString *xml = g_string_new(NULL);

    g_string_append_printf(xml, "<volume><name>%s</name>", name);
    if (op->kind == VS_OP_VOL_CREATE)
        g_string_append_printf(xml, "<capacity unit='bytes'>%" G_GUINT64_FORMAT
                               "</capacity>", op->capacity);
    if (op->has_allocation)
        g_string_append_printf(xml, "<allocation unit='bytes'>%" G_GUINT64_FORMAT
                               "</allocation>", op->allocation);
    g_string_append(xml, "</volume>");
    return g_string_free(xml, FALSE);
}

/* ---- streams ---- */

/* Send len bytes of pattern fill starting at volume position offset;
 * 0 or -1 with res filled. */
static int vsStreamSendFill(vsRun *run, virStreamPtr st, const vsOp *op, guint64 len,
                            vsResult *res)
{
    g_autofree char *buf = g_malloc(VS_STREAM_CHUNK_BYTES);
    guint64 sent = 0;

    while (sent < len) {
        size_t want = (size_t)MIN(len - sent, VS_STREAM_CHUNK_BYTES);
        size_t i;
        int n;

        for (i = 0; i < want; i++)
            buf[i] = (char)vsFillByte(op->fill, op->offset + sent + i);
        if ((n = virStreamSend(st, buf, want)) <= 0) {
            vsCapture(run, -1, res);
            return -1;
        }
        sent += (guint64)n;
    }
    return 0;
}

/* vol-upload: the stream opened, the bytes sent, then finished (or, with
 * abort, half of them sent and the stream aborted). */
static void vsUpload(vsRun *run, virStorageVolPtr vol, const vsOp *op, vsResult *res)
{
    virStreamPtr st = virStreamNew(run->conn, 0);
    guint64 len = op->abort_upload ? op->length / 2 : op->length;

    if (!st || virStorageVolUpload(vol, st, op->offset, op->length, 0) < 0) {
        vsCapture(run, -1, res);
    } else if (vsStreamSendFill(run, st, op, len, res) < 0) {
        virStreamAbort(st);
    } else if (op->abort_upload) {
        vsCapture(run, virStreamAbort(st), res);
    } else if (virStreamFinish(st) < 0) {
        vsCapture(run, -1, res);
        virStreamAbort(st);
    } else {
        vsCapture(run, 0, res);
    }
    if (st)
        virStreamFree(st);
}

/* Read the whole of vol; NULL with res filled. */
static GByteArray *vsDownload(vsRun *run, virStorageVolPtr vol, vsResult *res)
{
    g_autoptr(GByteArray) data = g_byte_array_new();
    g_autofree char *buf = g_malloc(VS_STREAM_CHUNK_BYTES);
    virStreamPtr st = virStreamNew(run->conn, 0);
    int n = -1;

    if (st && virStorageVolDownload(vol, st, 0, 0, 0) == 0) {
        while ((n = virStreamRecv(st, buf, VS_STREAM_CHUNK_BYTES)) > 0)
            g_byte_array_append(data, (const guint8 *)buf, (guint)n);
    }
    if (n < 0 || virStreamFinish(st) < 0) {
        vsCapture(run, -1, res);
        if (st)
            virStreamAbort(st);
        g_clear_pointer(&data, g_byte_array_unref);
    } else {
        vsCapture(run, 0, res);
    }
    if (st)
        virStreamFree(st);
    return g_steal_pointer(&data);
}

GByteArray *vsVolumeRead(vsRun *run, const char *pool_name, const char *vol_name,
                         vsResult *res)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(run->conn, pool_name);
    virStorageVolPtr vol = pool ? virStorageVolLookupByName(pool, vol_name) : NULL;
    GByteArray *data = NULL;

    if (!vol)
        vsCapture(run, -1, res);
    else
        data = vsDownload(run, vol, res);
    if (vol)
        virStorageVolFree(vol);
    if (pool)
        virStoragePoolFree(pool);
    return data;
}

/* ---- running ---- */

/* The result is captured before the handle goes: freeing resets the error. */
static void vsNetworkCall(vsRun *run, const vsOp *op, vsResult *res)
{
    g_autofree char *xml = NULL;
    virNetworkPtr net;
    int rc = -1;

    if (op->kind == VS_OP_NET_DEFINE || op->kind == VS_OP_NET_CREATE) {
        xml = vsNetworkXML(op);
        net = op->kind == VS_OP_NET_DEFINE ? virNetworkDefineXML(run->conn, xml)
                                           : virNetworkCreateXML(run->conn, xml);
        rc = net ? 0 : -1;
    } else if ((net = virNetworkLookupByName(run->conn, op->name))) {
        switch (op->kind) {
        case VS_OP_NET_START: rc = virNetworkCreate(net); break;
        case VS_OP_NET_DESTROY: rc = virNetworkDestroy(net); break;
        case VS_OP_NET_UNDEFINE: rc = virNetworkUndefine(net); break;
        case VS_OP_NET_AUTOSTART:
            rc = virNetworkSetAutostart(net, strcmp(op->word, "on") == 0);
            break;
        default:
            xml = vsDhcpHostXML(op);
            rc = virNetworkUpdate(net, strcmp(op->word, "dhcp-add") == 0
                                       ? VIR_NETWORK_UPDATE_COMMAND_ADD_LAST
                                       : VIR_NETWORK_UPDATE_COMMAND_DELETE,
                                  VIR_NETWORK_SECTION_IP_DHCP_HOST, -1, xml, 0);
            break;
        }
    }
    vsCapture(run, rc, res);
    if (net)
        virNetworkFree(net);
}

static void vsPoolCall(vsRun *run, const vsOp *op, vsResult *res)
{
    g_autofree char *xml = NULL;
    virStoragePoolPtr pool;
    int rc = -1;

    if (op->kind == VS_OP_POOL_DEFINE || op->kind == VS_OP_POOL_CREATE) {
        xml = vsPoolXML(op);
        pool = op->kind == VS_OP_POOL_DEFINE ? virStoragePoolDefineXML(run->conn, xml, 0)
                                             : virStoragePoolCreateXML(run->conn, xml, 0);
        rc = pool ? 0 : -1;
    } else if ((pool = virStoragePoolLookupByName(run->conn, op->name))) {
        switch (op->kind) {
        case VS_OP_POOL_BUILD: rc = virStoragePoolBuild(pool, 0); break;
        case VS_OP_POOL_START: rc = virStoragePoolCreate(pool, 0); break;
        case VS_OP_POOL_DESTROY: rc = virStoragePoolDestroy(pool); break;
        case VS_OP_POOL_DELETE: rc = virStoragePoolDelete(pool, 0); break;
        case VS_OP_POOL_UNDEFINE: rc = virStoragePoolUndefine(pool); break;
        default: rc = virStoragePoolRefresh(pool, 0); break;
        }
    }
    vsCapture(run, rc, res);
    if (pool)
        virStoragePoolFree(pool);
}

/* A volume operation on vol (already looked up) in pool. */
static void vsVolumeCall(vsRun *run, const vsOp *op, virStoragePoolPtr pool,
                         virStorageVolPtr vol, vsResult *res)
{
    g_autofree char *xml = NULL;
    virStorageVolPtr made = NULL;
    int rc = -1;

    switch (op->kind) {
    case VS_OP_VOL_CLONE:
        xml = vsVolumeXML(op->vol2, op);
        rc = (made = virStorageVolCreateXMLFrom(pool, xml, vol, 0)) ? 0 : -1;
        break;
    case VS_OP_VOL_DELETE: rc = virStorageVolDelete(vol, 0); break;
    case VS_OP_VOL_WIPE: rc = virStorageVolWipe(vol, 0); break;
    case VS_OP_VOL_RESIZE: rc = virStorageVolResize(vol, op->capacity, op->resize_flags);
        break;
    case VS_OP_VOL_UPLOAD:
        vsUpload(run, vol, op, res);
        return;
    default:
        g_clear_pointer(&run->last_read, g_byte_array_unref);
        run->last_read = vsDownload(run, vol, res);
        return;
    }
    vsCapture(run, rc, res);
    if (made)
        virStorageVolFree(made);
}

static void vsVolumeExec(vsRun *run, const vsOp *op, vsResult *res)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(run->conn, op->name);
    virStorageVolPtr vol = NULL;
    g_autofree char *xml = NULL;

    if (pool && op->kind == VS_OP_VOL_CREATE) {
        xml = vsVolumeXML(op->vol, op);
        vol = virStorageVolCreateXML(pool, xml, 0);
        vsCapture(run, vol ? 0 : -1, res);
    } else if (!pool || !(vol = virStorageVolLookupByName(pool, op->vol))) {
        vsCapture(run, -1, res);
    } else {
        vsVolumeCall(run, op, pool, vol, res);
    }
    if (vol)
        virStorageVolFree(vol);
    if (pool)
        virStoragePoolFree(pool);
}

void vsStoreExec(vsRun *run, const vsOp *op, vsResult *res)
{
    if (op->kind >= VS_OP_EXPECT_NET) {
        vsStoreExpect(run, op);
        vsCapture(run, 0, res);
    } else if (op->kind >= VS_OP_VOL_CREATE) {
        vsVolumeExec(run, op, res);
    } else if (op->kind >= VS_OP_POOL_DEFINE) {
        vsPoolCall(run, op, res);
    } else {
        vsNetworkCall(run, op, res);
    }
}
