/* vireo-sim's random workload: operations drawn from the seed's workload
 * stream over small sets of domain, network, pool and volume names and
 * image files, so that operations collide (a start on a running guest, a
 * volume in a stopped pool, an upload past the end) as often as they
 * succeed. */
#include "vsim.h"

#include <string.h>

#include "sim/prng.h"

#define VS_NAMES 4
#define VS_FILES 4
#define VS_UUID_OMIT_ONE_IN 10          /* define/create without a UUID */
#define VS_PAUSED_ONE_IN 8              /* start/create paused */
#define VS_ADVANCE_MAX_NS (10ULL * 1000 * 1000 * 1000)
#define VS_OBJ_NAMES 3                  /* networks, pools */
#define VS_VOL_NAMES 4
#define VS_KIB 1024ULL
#define VS_VOL_SIZES 5
#define VS_UPLOAD_ALIGN (4 * VS_KIB)
#define VS_UPLOAD_OFFSETS 64            /* offsets: 0 .. 63 * 4 KiB */
#define VS_UPLOAD_MAX_BYTES (128 * VS_KIB)
#define VS_FLAG_ONE_IN 8                /* resize allocate/delta, upload abort */
#define VS_DHCP_HOSTS 8                 /* hosts 2..9 */
#define VS_FILLS 256

/* The probability of each fault point in the built-in plan; a point not
 * listed fires with VS_PLAN_PROB_DEFAULT. */
#define VS_PLAN_PROB_DEFAULT "0.05"
static const struct {
    const char *point;
    const char *prob;
} vsPlanProbs[] = {
    { "domain.save", "0.1" },
    { "domain.restore", "0.1" },
    { "guest.crash", "0.001" },
    { "storage.upload", "0.1" },
};

char *vsDefaultPlanText(void)
{
    GString *text = g_string_new(NULL);
    int point;
    size_t i;

    /* every point the node has: new ones join the plan as they appear */
    for (point = 0; point < VR_SIM_FAULT_POINT_LAST; point++) {
        const char *name = vrSimFaultPointName(point);
        const char *prob = VS_PLAN_PROB_DEFAULT;

        for (i = 0; i < G_N_ELEMENTS(vsPlanProbs); i++) {
            if (strcmp(vsPlanProbs[i].point, name) == 0)
                prob = vsPlanProbs[i].prob;
        }
        g_string_append_printf(text, "%s prob=%s\n", name, prob);
    }
    return g_string_free(text, FALSE);
}

static const char *const vsNames[VS_NAMES] = { "test", "w0", "w1", "w2" };
static const char *const vsFiles[VS_FILES] = { "img0", "img1", "img2", "img3" };
static const char *const vsCrashActions[] = {
    "destroy", "restart", "preserve", "coredump-destroy", "coredump-restart",
};
/* the default node's objects keep their UUIDs, so redefining them updates them */
#define VS_TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define VS_DEFAULT_NET_UUID "dd8fe884-6c02-601e-7551-cca97df1c5df"
#define VS_DEFAULT_POOL_UUID "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"

static const char *const vsNetNames[VS_OBJ_NAMES] = { "default", "n0", "n1" };
static const char *const vsPoolNames[VS_OBJ_NAMES] = { "default-pool", "p0", "p1" };
static const char *const vsVolNames[VS_VOL_NAMES] = { "v0", "v1", "v2", "v3" };
static const guint64 vsVolSizes[VS_VOL_SIZES] = {
    64 * VS_KIB, 128 * VS_KIB, 256 * VS_KIB, 512 * VS_KIB, 1024 * VS_KIB,
};

/* How often each operation is drawn. */
static const unsigned int vsWeights[VS_OP_LAST] = {
    [VS_OP_DEFINE] = 12, [VS_OP_CREATE] = 4, [VS_OP_UNDEFINE] = 3, [VS_OP_START] = 14,
    [VS_OP_DESTROY] = 10, [VS_OP_SHUTDOWN] = 6, [VS_OP_REBOOT] = 4, [VS_OP_SUSPEND] = 8,
    [VS_OP_RESUME] = 8, [VS_OP_SAVE] = 6, [VS_OP_RESTORE] = 6, [VS_OP_MANAGEDSAVE] = 4,
    [VS_OP_CRASH] = 2, [VS_OP_ADVANCE] = 4, [VS_OP_RESTART] = 1,
    [VS_OP_NET_DEFINE] = 4, [VS_OP_NET_CREATE] = 2, [VS_OP_NET_START] = 5,
    [VS_OP_NET_DESTROY] = 4, [VS_OP_NET_UNDEFINE] = 2, [VS_OP_NET_AUTOSTART] = 3,
    [VS_OP_NET_UPDATE] = 6,
    [VS_OP_POOL_DEFINE] = 4, [VS_OP_POOL_CREATE] = 2, [VS_OP_POOL_BUILD] = 2,
    [VS_OP_POOL_START] = 5, [VS_OP_POOL_DESTROY] = 3, [VS_OP_POOL_DELETE] = 2,
    [VS_OP_POOL_UNDEFINE] = 2, [VS_OP_POOL_REFRESH] = 3,
    [VS_OP_VOL_CREATE] = 8, [VS_OP_VOL_CLONE] = 4, [VS_OP_VOL_DELETE] = 4,
    [VS_OP_VOL_RESIZE] = 4, [VS_OP_VOL_WIPE] = 3, [VS_OP_VOL_UPLOAD] = 10,
    [VS_OP_VOL_DOWNLOAD] = 4,
};

struct vsWorkload {
    vrSimPrng prng;
    unsigned int weights[VS_OP_LAST];
    unsigned int total;
    char uuids[VS_NAMES][VIR_UUID_STRING_BUFLEN];
    char net_uuids[VS_OBJ_NAMES][VIR_UUID_STRING_BUFLEN];
    char pool_uuids[VS_OBJ_NAMES][VIR_UUID_STRING_BUFLEN];
};

static void vsRandomUUID(vrSimPrng *prng, char *out)
{
    unsigned char b[VIR_UUID_BUFLEN];

    vrSimPrngFill(prng, b, sizeof(b));
    g_snprintf(out, VIR_UUID_STRING_BUFLEN,
               "%02x%02x%02x%02x-%02x%02x-4%x%02x-a%x%02x-%02x%02x%02x%02x%02x%02x",
               b[0], b[1], b[2], b[3], b[4], b[5], b[6] & 0xf, b[7], b[8] & 0xf, b[9],
               b[10], b[11], b[12], b[13], b[14], b[15]);
}

vsWorkload *vsWorkloadNew(guint64 seed, bool restarts)
{
    vsWorkload *w = g_new0(vsWorkload, 1);
    size_t i;

    vrSimPrngInitStream(&w->prng, seed, VR_SIM_STREAM_WORKLOAD);
    for (i = 0; i < VS_OP_LAST; i++) {
        w->weights[i] = i == VS_OP_RESTART && !restarts ? 0 : vsWeights[i];
        w->total += w->weights[i];
    }
    g_strlcpy(w->uuids[0], VS_TEST_UUID, sizeof(w->uuids[0]));
    for (i = 1; i < VS_NAMES; i++)
        vsRandomUUID(&w->prng, w->uuids[i]);
    g_strlcpy(w->net_uuids[0], VS_DEFAULT_NET_UUID, sizeof(w->net_uuids[0]));
    g_strlcpy(w->pool_uuids[0], VS_DEFAULT_POOL_UUID, sizeof(w->pool_uuids[0]));
    for (i = 1; i < VS_OBJ_NAMES; i++) {
        vsRandomUUID(&w->prng, w->net_uuids[i]);
        vsRandomUUID(&w->prng, w->pool_uuids[i]);
    }
    return w;
}

void vsWorkloadFree(vsWorkload *w)
{
    g_free(w);
}

static vsOpKind vsPickKind(vsWorkload *w)
{
    guint64 r = vrSimPrngBelow(&w->prng, w->total);
    int kind;

    for (kind = 0; kind < VS_OP_LAST; kind++) {
        if (r < w->weights[kind])
            return kind;
        r -= w->weights[kind];
    }
    return VS_OP_START;
}

static void vsFillDefinition(vsWorkload *w, vsOp *op, size_t name)
{
    op->mem_kib = 1024UL << vrSimPrngBelow(&w->prng, 4);
    op->vcpus = 1 + (unsigned int)vrSimPrngBelow(&w->prng, 4);
    op->on_crash = g_strdup(vsCrashActions[vrSimPrngBelow(&w->prng,
                                                          G_N_ELEMENTS(vsCrashActions))]);
    if (vrSimPrngBelow(&w->prng, VS_UUID_OMIT_ONE_IN) != 0)
        op->uuid = g_strdup(w->uuids[name]);
    if (op->kind == VS_OP_CREATE)
        op->paused = vrSimPrngBelow(&w->prng, VS_PAUSED_ONE_IN) == 0;
}

static bool vsOneIn(vsWorkload *w, guint64 n)
{
    return vrSimPrngBelow(&w->prng, n) == 0;
}

static guint64 vsPickSize(vsWorkload *w)
{
    return vsVolSizes[vrSimPrngBelow(&w->prng, VS_VOL_SIZES)];
}

/* A network operation on one of the names. */
static void vsNextNetwork(vsWorkload *w, vsOp *op)
{
    size_t i = vrSimPrngBelow(&w->prng, VS_OBJ_NAMES);

    op->name = g_strdup(vsNetNames[i]);
    if (op->kind == VS_OP_NET_DEFINE || op->kind == VS_OP_NET_CREATE)
        op->uuid = g_strdup(w->net_uuids[i]);
    else if (op->kind == VS_OP_NET_AUTOSTART)
        op->word = g_strdup(vsOneIn(w, 2) ? "on" : "off");
    else if (op->kind == VS_OP_NET_UPDATE) {
        op->word = g_strdup(vsOneIn(w, 2) ? "dhcp-add" : "dhcp-del");
        op->host = 2 + (unsigned int)vrSimPrngBelow(&w->prng, VS_DHCP_HOSTS);
    }
}

static void vsNextPool(vsWorkload *w, vsOp *op)
{
    size_t i = vrSimPrngBelow(&w->prng, VS_OBJ_NAMES);

    op->name = g_strdup(vsPoolNames[i]);
    if (op->kind == VS_OP_POOL_DEFINE || op->kind == VS_OP_POOL_CREATE)
        op->uuid = g_strdup(w->pool_uuids[i]);
}

static void vsNextVolume(vsWorkload *w, vsOp *op)
{
    op->name = g_strdup(vsPoolNames[vrSimPrngBelow(&w->prng, VS_OBJ_NAMES)]);
    op->vol = g_strdup(vsVolNames[vrSimPrngBelow(&w->prng, VS_VOL_NAMES)]);
    switch (op->kind) {
    case VS_OP_VOL_CREATE:
        op->capacity = vsPickSize(w);
        if ((op->has_allocation = vsOneIn(w, 2)))
            op->allocation = VS_UPLOAD_ALIGN *
                             vrSimPrngBelow(&w->prng, op->capacity / VS_UPLOAD_ALIGN + 1);
        break;
    case VS_OP_VOL_CLONE:
        op->vol2 = g_strdup(vsVolNames[vrSimPrngBelow(&w->prng, VS_VOL_NAMES)]);
        break;
    case VS_OP_VOL_RESIZE:
        op->capacity = vsPickSize(w);
        op->resize_flags = (vsOneIn(w, 2) ? VIR_STORAGE_VOL_RESIZE_SHRINK : 0) |
                           (vsOneIn(w, VS_FLAG_ONE_IN) ? VIR_STORAGE_VOL_RESIZE_ALLOCATE : 0) |
                           (vsOneIn(w, VS_FLAG_ONE_IN) ? VIR_STORAGE_VOL_RESIZE_DELTA : 0);
        break;
    case VS_OP_VOL_UPLOAD:
        op->offset = VS_UPLOAD_ALIGN * vrSimPrngBelow(&w->prng, VS_UPLOAD_OFFSETS);
        op->length = 1 + vrSimPrngBelow(&w->prng, VS_UPLOAD_MAX_BYTES);
        op->fill = (unsigned int)vrSimPrngBelow(&w->prng, VS_FILLS);
        op->abort_upload = vsOneIn(w, VS_FLAG_ONE_IN);
        break;
    default:
        break;
    }
}

vsOp *vsWorkloadNext(vsWorkload *w)
{
    vsOp *op = g_new0(vsOp, 1);
    size_t name;

    op->kind = vsPickKind(w);
    if (op->kind == VS_OP_RESTART)
        return op;
    if (op->kind >= VS_OP_VOL_CREATE) {
        vsNextVolume(w, op);
        return op;
    }
    if (op->kind >= VS_OP_POOL_DEFINE) {
        vsNextPool(w, op);
        return op;
    }
    if (op->kind >= VS_OP_NET_DEFINE) {
        vsNextNetwork(w, op);
        return op;
    }
    name = vrSimPrngBelow(&w->prng, VS_NAMES);
    switch (op->kind) {
    case VS_OP_ADVANCE:
        op->ns = 1 + vrSimPrngBelow(&w->prng, VS_ADVANCE_MAX_NS);
        return op;
    case VS_OP_RESTORE:
        op->file = g_strdup(vsFiles[vrSimPrngBelow(&w->prng, VS_FILES)]);
        return op;
    case VS_OP_SAVE:
        op->file = g_strdup(vsFiles[vrSimPrngBelow(&w->prng, VS_FILES)]);
        break;
    case VS_OP_DEFINE:
    case VS_OP_CREATE:
        vsFillDefinition(w, op, name);
        break;
    case VS_OP_START:
        op->paused = vrSimPrngBelow(&w->prng, VS_PAUSED_ONE_IN) == 0;
        break;
    default:
        break;
    }
    op->name = g_strdup(vsNames[name]);
    return op;
}
