/* conformance/streams.c: the data the stream cases move -- a deterministic
 * pattern addressable at any offset (so 100 MiB never sits in memory or in
 * the tree), an FNV-1a 64 checksum, and upload/download through
 * virStreamSendAll / virStreamRecvAll with the checks the cases make. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstore.h"

#define VRC_FNV_PRIME 0x100000001b3ULL
#define VRC_MIX_STEP 0x9e3779b97f4a7c15ULL     /* splitmix64's increment */
#define VRC_MIX_MUL1 0xbf58476d1ce4e5b9ULL
#define VRC_MIX_MUL2 0x94d049bb133111ebULL
#define VRC_CHUNK_BYTES (64 * 1024)            /* checksum work buffer */
#define VRC_WORD_BYTES 8

/* splitmix64 of block BLOCK of the stream SEED: 8 bytes of pattern. */
static uint64_t
vrcPatternWord(uint64_t seed, uint64_t block)
{
    uint64_t z = seed + (block + 1) * VRC_MIX_STEP;

    z = (z ^ (z >> 30)) * VRC_MIX_MUL1;
    z = (z ^ (z >> 27)) * VRC_MIX_MUL2;
    return z ^ (z >> 31);
}

/* Bytes [OFFSET, OFFSET + LEN) of pattern SEED into BUF. */
void
vrcPatternFill(uint64_t seed, unsigned long long offset, char *buf, size_t len)
{
    uint64_t block = offset / VRC_WORD_BYTES;
    uint64_t word = vrcPatternWord(seed, block);
    unsigned int shift = (unsigned int)(offset % VRC_WORD_BYTES);
    size_t i;

    for (i = 0; i < len; i++) {
        buf[i] = (char)(word >> (shift * 8));
        if (++shift == VRC_WORD_BYTES) {
            shift = 0;
            word = vrcPatternWord(seed, ++block);
        }
    }
}

uint64_t
vrcChecksumAdd(uint64_t sum, const char *buf, size_t len)
{
    const unsigned char *p = (const unsigned char *)buf;
    size_t i;

    for (i = 0; i < len; i++) {
        sum ^= p[i];
        sum *= VRC_FNV_PRIME;
    }
    return sum;
}

uint64_t
vrcPatternChecksum(uint64_t seed, unsigned long long offset, unsigned long long length)
{
    char *buf = malloc(VRC_CHUNK_BYTES);
    uint64_t sum = VRC_CHECKSUM_INIT;

    if (!buf)
        abort();
    while (length > 0) {
        size_t n = length < VRC_CHUNK_BYTES ? (size_t)length : VRC_CHUNK_BYTES;

        vrcPatternFill(seed, offset, buf, n);
        sum = vrcChecksumAdd(sum, buf, n);
        offset += n;
        length -= n;
    }
    free(buf);
    return sum;
}

uint64_t
vrcZeroChecksum(unsigned long long length)
{
    char *buf = calloc(1, VRC_CHUNK_BYTES);
    uint64_t sum = VRC_CHECKSUM_INIT;

    if (!buf)
        abort();
    while (length > 0) {
        size_t n = length < VRC_CHUNK_BYTES ? (size_t)length : VRC_CHUNK_BYTES;

        sum = vrcChecksumAdd(sum, buf, n);
        length -= n;
    }
    free(buf);
    return sum;
}

typedef struct {
    uint64_t seed;
    unsigned long long offset;     /* pattern offset of the next byte */
    unsigned long long left;
} vrcSource;

static int
vrcSourceCb(virStreamPtr st, char *data, size_t nbytes, void *opaque)
{
    vrcSource *src = opaque;
    size_t n = src->left < nbytes ? (size_t)src->left : nbytes;

    vrcPatternFill(src->seed, src->offset, data, n);
    src->offset += n;
    src->left -= n;
    return (int)n;
}

typedef struct {
    uint64_t sum;
    unsigned long long got;
} vrcSink;

static int
vrcSinkCb(virStreamPtr st, const char *data, size_t nbytes, void *opaque)
{
    vrcSink *sink = opaque;

    sink->sum = vrcChecksumAdd(sink->sum, data, nbytes);
    sink->got += nbytes;
    return (int)nbytes;
}

/* A blocking stream on the case's connection, freed after the case. */
static virStreamPtr
vrcStreamNew(vrcCtx *ctx)
{
    vrcStep(ctx, "virStreamNew(conn, 0)");
    return vrcKept(ctx, VRC_OBJ_STREAM, virStreamNew(ctx->conn, 0));
}

/* Writes LENGTH bytes of pattern SEED (from the pattern's offset 0) into
 * VOL at OFFSET. */
int
vrcUpload(vrcCtx *ctx, virStorageVolPtr vol, uint64_t seed, unsigned long long offset,
          unsigned long long length)
{
    vrcSource src = { .seed = seed, .offset = 0, .left = length };
    virStreamPtr st;

    VRC_NEED(st, vrcStreamNew(ctx));
    vrcStep(ctx, "virStorageVolUpload(%s, offset=%llu, length=%llu)",
            virStorageVolGetName(vol), offset, length);
    if (virStorageVolUpload(vol, st, offset, length, 0) < 0)
        return vrcCallFailed(ctx);
    vrcStep(ctx, "virStreamSendAll(%llu bytes of pattern %llu)", length,
            (unsigned long long)seed);
    if (virStreamSendAll(st, vrcSourceCb, &src) < 0) {
        vrcCallFailed(ctx);
        virStreamAbort(st);
        return -1;
    }
    VRC_OK(ctx, virStreamFinish(st));
    return 0;
}

/* Reads [OFFSET, OFFSET + LENGTH) of VOL (LENGTH 0: to the end) and gives
 * its checksum and size. */
int
vrcDownloadSum(vrcCtx *ctx, virStorageVolPtr vol, unsigned long long offset,
               unsigned long long length, uint64_t *sum, unsigned long long *got)
{
    vrcSink sink = { .sum = VRC_CHECKSUM_INIT, .got = 0 };
    virStreamPtr st;

    VRC_NEED(st, vrcStreamNew(ctx));
    vrcStep(ctx, "virStorageVolDownload(%s, offset=%llu, length=%llu)",
            virStorageVolGetName(vol), offset, length);
    if (virStorageVolDownload(vol, st, offset, length, 0) < 0)
        return vrcCallFailed(ctx);
    vrcStep(ctx, "virStreamRecvAll(%s)", virStorageVolGetName(vol));
    if (virStreamRecvAll(st, vrcSinkCb, &sink) < 0) {
        vrcCallFailed(ctx);
        virStreamAbort(st);
        return -1;
    }
    VRC_OK(ctx, virStreamFinish(st));
    *sum = sink.sum;
    *got = sink.got;
    return 0;
}

/* Downloads the range and compares its size and checksum with EXPECTED,
 * the checksum of what WHAT names. */
int
vrcExpectContent(vrcCtx *ctx, virStorageVolPtr vol, unsigned long long offset,
                 unsigned long long length, uint64_t expected, const char *what)
{
    uint64_t sum = 0;
    unsigned long long got = 0;

    VRC_CHECK(vrcDownloadSum(ctx, vol, offset, length, &sum, &got));
    vrcStep(ctx, "compare the checksum of %s", what);
    if (got != length)
        return vrcFail(ctx, "%s: expected %llu bytes, got %llu", what, length, got);
    if (sum != expected)
        return vrcFail(ctx, "%s: checksum of %llu bytes at %llu: expected %016llx, "
                       "got %016llx", what, length, offset, (unsigned long long)expected,
                       (unsigned long long)sum);
    return 0;
}
