/* conformance/cases_stream.c: volume upload and download through streams --
 * 1 byte, 1 MiB and 100 MiB checked by checksum, offsets and ranges, the
 * byte-level Send/Recv calls, abort (nothing half-written), clones copying
 * content, and stream misuse. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstore.h"

#define VRC_SEED_A 1
#define VRC_SEED_B 2
#define VRC_SMALL_VOL (64 * VRC_KIB)
#define VRC_PAGE (4 * VRC_KIB)
#define VRC_SEND_CHUNK 1000        /* odd on purpose: not a power of two */
#define VRC_RECV_CHUNK 777
#define VRC_RANGE_OFFSET 12345ULL
#define VRC_RANGE_LENGTH 54321ULL

typedef struct {
    unsigned long long volBytes;    /* the volume's capacity */
    unsigned long long upBytes;     /* the upload, at offset 0 */
} vrcUpRow;

/* An active pool conform-p1 with an empty (sparse) volume conform-v1. */
static virStorageVolPtr
vrcStreamVol(vrcCtx *ctx, unsigned long long capacity)
{
    virStoragePoolPtr pool = vrcPoolStart(ctx, "conform-p1");

    if (!pool)
        return NULL;
    return vrcVolCreate(ctx, pool, "conform-v1", vrcVolXml(ctx, "conform-v1", capacity, 0,
                                                           NULL));
}

/* Upload then download, compared by checksum; the rest stays zero. */
static int
vrcStreamUpDown(vrcCtx *ctx)
{
    const vrcUpRow *row = ctx->tc->data;
    virStorageVolPtr vol;
    virStorageVolInfo info;

    VRC_NEED(vol, vrcStreamVol(ctx, row->volBytes));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_A, 0, row->upBytes));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, row->upBytes,
                               vrcPatternChecksum(VRC_SEED_A, 0, row->upBytes),
                               "uploaded pattern"));
    if (row->volBytes > row->upBytes)
        VRC_CHECK(vrcExpectContent(ctx, vol, row->upBytes, row->volBytes - row->upBytes,
                                   vrcZeroChecksum(row->volBytes - row->upBytes),
                                   "bytes after the upload (zeros)"));
    VRC_OK(ctx, virStorageVolGetInfo(vol, &info));
    VRC_EXPECT_INT(ctx, "capacity after the upload", info.capacity, row->volBytes);
    return 0;
}

static const vrcUpRow vrcUp1B = { VRC_MIB, 1 };
static const vrcUpRow vrcUp1M = { 2 * VRC_MIB, VRC_MIB };
static const vrcUpRow vrcUp100M = { 100 * VRC_MIB, 100 * VRC_MIB };

/* Length 0 downloads to the end: a fresh volume reads as zeros. */
static int
vrcStreamFreshZeros(vrcCtx *ctx)
{
    virStorageVolPtr vol;
    uint64_t sum = 0;
    unsigned long long got = 0;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_SMALL_VOL));
    VRC_CHECK(vrcDownloadSum(ctx, vol, 0, 0, &sum, &got));
    VRC_EXPECT_INT(ctx, "bytes downloaded with length 0", got, VRC_SMALL_VOL);
    VRC_EXPECT(ctx, sum == vrcZeroChecksum(VRC_SMALL_VOL), "a fresh volume is not all zeros");
    return 0;
}

/* A page of pattern B at offset 4 KiB replaces only that page. */
static int
vrcStreamUploadOffset(vrcCtx *ctx)
{
    virStorageVolPtr vol;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_SMALL_VOL));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_A, 0, VRC_SMALL_VOL));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_B, VRC_PAGE, VRC_PAGE));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_PAGE,
                               vrcPatternChecksum(VRC_SEED_A, 0, VRC_PAGE),
                               "first page (pattern A)"));
    VRC_CHECK(vrcExpectContent(ctx, vol, VRC_PAGE, VRC_PAGE,
                               vrcPatternChecksum(VRC_SEED_B, 0, VRC_PAGE),
                               "second page (pattern B)"));
    VRC_CHECK(vrcExpectContent(ctx, vol, 2 * VRC_PAGE, VRC_SMALL_VOL - 2 * VRC_PAGE,
                               vrcPatternChecksum(VRC_SEED_A, 2 * VRC_PAGE,
                                                  VRC_SMALL_VOL - 2 * VRC_PAGE),
                               "rest (pattern A)"));
    return 0;
}

static int
vrcStreamDownloadRange(vrcCtx *ctx)
{
    virStorageVolPtr vol;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_MIB));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_A, 0, VRC_MIB));
    VRC_CHECK(vrcExpectContent(ctx, vol, VRC_RANGE_OFFSET, VRC_RANGE_LENGTH,
                               vrcPatternChecksum(VRC_SEED_A, VRC_RANGE_OFFSET,
                                                  VRC_RANGE_LENGTH), "the range"));
    return 0;
}

static int
vrcStreamSendChunks(vrcCtx *ctx, virStreamPtr st, unsigned long long total)
{
    char buf[VRC_SEND_CHUNK];
    unsigned long long off;

    for (off = 0; off < total; off += VRC_SEND_CHUNK) {
        size_t n = total - off < VRC_SEND_CHUNK ? (size_t)(total - off) : VRC_SEND_CHUNK;

        vrcPatternFill(VRC_SEED_B, off, buf, n);
        VRC_EXPECT_RET(ctx, virStreamSend(st, buf, n), (int)n);
    }
    return 0;
}

/* virStreamSend in 1000-byte pieces, virStreamRecv into a 777-byte buffer. */
static int
vrcStreamSendRecv(vrcCtx *ctx)
{
    virStorageVolPtr vol;
    virStreamPtr up, down;
    char buf[VRC_RECV_CHUNK];
    uint64_t sum = VRC_CHECKSUM_INIT;
    unsigned long long got = 0;
    int n;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_SMALL_VOL));
    VRC_STREAM(ctx, up, virStreamNew(ctx->conn, 0));
    VRC_OK(ctx, virStorageVolUpload(vol, up, 0, VRC_SMALL_VOL, 0));
    VRC_CHECK(vrcStreamSendChunks(ctx, up, VRC_SMALL_VOL));
    VRC_OK(ctx, virStreamFinish(up));
    VRC_STREAM(ctx, down, virStreamNew(ctx->conn, 0));
    VRC_OK(ctx, virStorageVolDownload(vol, down, 0, VRC_SMALL_VOL, 0));
    do {
        VRC_SET(ctx, n, virStreamRecv(down, buf, sizeof(buf)));
        sum = vrcChecksumAdd(sum, buf, (size_t)n);
        got += (unsigned long long)n;
    } while (n > 0);
    VRC_OK(ctx, virStreamFinish(down));
    VRC_EXPECT_INT(ctx, "bytes received", got, VRC_SMALL_VOL);
    VRC_EXPECT(ctx, sum == vrcPatternChecksum(VRC_SEED_B, 0, VRC_SMALL_VOL),
               "received bytes differ from the ones sent");
    return 0;
}

/* An aborted upload leaves the volume as it was: nothing half-written. */
static int
vrcStreamAbortUpload(vrcCtx *ctx)
{
    virStorageVolPtr vol;
    virStreamPtr st;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_SMALL_VOL));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_A, 0, VRC_SMALL_VOL));
    VRC_STREAM(ctx, st, virStreamNew(ctx->conn, 0));
    VRC_OK(ctx, virStorageVolUpload(vol, st, 0, VRC_SMALL_VOL, 0));
    VRC_CHECK(vrcStreamSendChunks(ctx, st, VRC_SMALL_VOL / 2));
    VRC_OK(ctx, virStreamAbort(st));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_SMALL_VOL,
                               vrcPatternChecksum(VRC_SEED_A, 0, VRC_SMALL_VOL),
                               "volume after the aborted upload (pattern A)"));
    return 0;
}

/* An aborted download leaves the volume usable for the next transfers. */
static int
vrcStreamAbortDownload(vrcCtx *ctx)
{
    virStorageVolPtr vol;
    virStreamPtr st;
    char buf[VRC_RECV_CHUNK];

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_SMALL_VOL));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_A, 0, VRC_SMALL_VOL));
    VRC_STREAM(ctx, st, virStreamNew(ctx->conn, 0));
    VRC_OK(ctx, virStorageVolDownload(vol, st, 0, VRC_SMALL_VOL, 0));
    VRC_OK(ctx, virStreamRecv(st, buf, sizeof(buf)));
    VRC_OK(ctx, virStreamAbort(st));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_B, 0, VRC_SMALL_VOL));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_SMALL_VOL,
                               vrcPatternChecksum(VRC_SEED_B, 0, VRC_SMALL_VOL),
                               "pattern B after the aborted download"));
    return 0;
}

/* A clone starts with its source's bytes. */
static int
vrcStreamCloneContent(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    virStorageVolPtr vol, clone;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_MIB));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_A, 0, VRC_MIB));
    VRC_POOL(ctx, pool, virStoragePoolLookupByVolume(vol));
    VRC_VOL(ctx, clone, virStorageVolCreateXMLFrom(pool, vrcVolXml(ctx, "conform-c1", VRC_MIB,
                                                                   VRC_MIB, NULL), vol, 0));
    VRC_CHECK(vrcExpectContent(ctx, clone, 0, VRC_MIB,
                               vrcPatternChecksum(VRC_SEED_A, 0, VRC_MIB), "the clone"));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_B, 0, VRC_MIB));
    VRC_CHECK(vrcExpectContent(ctx, clone, 0, VRC_MIB,
                               vrcPatternChecksum(VRC_SEED_A, 0, VRC_MIB),
                               "the clone after its source changed"));
    return 0;
}

static int
vrcStreamMisuse(vrcCtx *ctx)
{
    virStorageVolPtr vol;
    virStreamPtr st, other;
    virConnectPtr second;
    char byte = 0;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_SMALL_VOL));
    VRC_STREAM(ctx, st, virStreamNew(ctx->conn, 0));
    VRC_NEED(second, vrcOpenExtra(ctx, false));
    VRC_STREAM(ctx, other, virStreamNew(second, 0));
    VRC_ERR(ctx, virStreamNew(NULL, 0) ? 0 : -1, VIR_ERR_INVALID_CONN,
            "invalid connection pointer in virStreamNew");
    VRC_ERR(ctx, virStreamSend(NULL, &byte, 1), VIR_ERR_INVALID_STREAM,
            "invalid stream pointer in virStreamSend");
    VRC_ERR(ctx, virStreamSend(st, NULL, 1), VIR_ERR_INVALID_ARG,
            "data in virStreamSend must not be NULL");
    VRC_ERR(ctx, virStreamRecv(st, NULL, 1), VIR_ERR_INVALID_ARG,
            "data in virStreamRecv must not be NULL");
    VRC_ERR(ctx, virStreamFinish(NULL), VIR_ERR_INVALID_STREAM,
            "invalid stream pointer in virStreamFinish");
    VRC_ERR(ctx, virStorageVolUpload(vol, NULL, 0, 1, 0), VIR_ERR_INVALID_STREAM,
            "invalid stream pointer in virStorageVolUpload");
    VRC_ERR(ctx, virStorageVolDownload(vol, NULL, 0, 1, 0), VIR_ERR_INVALID_STREAM,
            "invalid stream pointer in virStorageVolDownload");
    VRC_ERR(ctx, virStorageVolUpload(vol, other, 0, 1, 0), VIR_ERR_INVALID_ARG,
            "stream in virStorageVolUpload must match connection of volume 'conform-v1'");
    VRC_ERR(ctx, virStorageVolDownload(vol, other, 0, 1, 0), VIR_ERR_INVALID_ARG,
            "stream in virStorageVolDownload must match connection of volume 'conform-v1'");
    return 0;
}

static int
vrcStreamReadOnly(vrcCtx *ctx)
{
    virStoragePoolPtr ropool;
    virStorageVolPtr vol, rovol;
    virConnectPtr ro;
    virStreamPtr st;

    VRC_NEED(vol, vrcStreamVol(ctx, VRC_SMALL_VOL));
    VRC_NEED(ro, vrcOpenExtra(ctx, true));
    VRC_POOL(ctx, ropool, virStoragePoolLookupByName(ro, "conform-p1"));
    VRC_VOL(ctx, rovol, virStorageVolLookupByName(ropool, "conform-v1"));
    VRC_STREAM(ctx, st, virStreamNew(ro, 0));
    VRC_ERR(ctx, virStorageVolUpload(rovol, st, 0, 1, 0), VIR_ERR_OPERATION_DENIED,
            "operation forbidden: read only access prevents virStorageVolUpload");
    VRC_ERR(ctx, virStorageVolDownload(rovol, st, 0, 1, 0), VIR_ERR_OPERATION_DENIED,
            "operation forbidden: read only access prevents virStorageVolDownload");
    return 0;
}

#define VRC_SCASE(num, name, purpose, func) \
    { "storage/" num "-stream-" name, "storage", purpose, func, 0, NULL }
#define VRC_SROW(num, name, purpose, row) \
    { "storage/" num "-stream-" name, "storage", purpose, vrcStreamUpDown, 0, &row }

const vrcCase vrcCasesStream[] = {
    VRC_SROW("600", "upload-1-byte", "upload 1 byte, download it; the rest reads as zeros",
             vrcUp1B),
    VRC_SROW("601", "upload-1-mib", "upload 1 MiB of pattern, download it, same checksum",
             vrcUp1M),
    VRC_SROW("602", "upload-100-mib", "upload 100 MiB of pattern, download it, same checksum",
             vrcUp100M),
    VRC_SCASE("603", "download-fresh", "a fresh volume downloads (length 0: to the end) as zeros",
              vrcStreamFreshZeros),
    VRC_SCASE("604", "upload-offset", "an upload at an offset replaces only its range",
              vrcStreamUploadOffset),
    VRC_SCASE("605", "download-range", "a download at an offset gives exactly that range",
              vrcStreamDownloadRange),
    VRC_SCASE("606", "send-recv", "virStreamSend and virStreamRecv in odd-sized pieces",
              vrcStreamSendRecv),
    VRC_SCASE("607", "abort-upload", "an aborted upload leaves nothing half-written",
              vrcStreamAbortUpload),
    VRC_SCASE("608", "abort-download", "after an aborted download the volume is usable",
              vrcStreamAbortDownload),
    VRC_SCASE("609", "clone-content", "a clone copies its source's bytes, then stands alone",
              vrcStreamCloneContent),
    VRC_SCASE("920", "misuse", "NULL streams and data, a stream of another connection",
              vrcStreamMisuse),
    VRC_SCASE("922", "readonly", "a read-only connection can neither upload nor download",
              vrcStreamReadOnly),
};
const size_t vrcCasesStreamCount = VRC_COUNT(vrcCasesStream);
