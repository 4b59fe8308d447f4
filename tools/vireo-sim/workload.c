/* vireo-sim's random workload: operations drawn from the seed's workload
 * stream over a small set of domain names and image files, so that
 * operations collide (a start on a running guest, a restore over a live
 * name) as often as they succeed. */
#include "vsim.h"

#include "sim/prng.h"

#define VS_NAMES 4
#define VS_FILES 4
#define VS_UUID_OMIT_ONE_IN 10          /* define/create without a UUID */
#define VS_PAUSED_ONE_IN 8              /* start/create paused */
#define VS_ADVANCE_MAX_NS (10ULL * 1000 * 1000 * 1000)

const char vsDefaultPlan[] =
    "domain.start prob=0.05\n"
    "domain.destroy prob=0.05\n"
    "domain.shutdown prob=0.05\n"
    "domain.suspend prob=0.05\n"
    "domain.resume prob=0.05\n"
    "domain.save prob=0.1\n"
    "domain.restore prob=0.1\n"
    "domain.define prob=0.05\n"
    "guest.crash prob=0.001\n";

static const char *const vsNames[VS_NAMES] = { "test", "w0", "w1", "w2" };
static const char *const vsFiles[VS_FILES] = { "img0", "img1", "img2", "img3" };
static const char *const vsCrashActions[] = {
    "destroy", "restart", "preserve", "coredump-destroy", "coredump-restart",
};
/* the default node's guest keeps its UUID, so redefining it updates it */
#define VS_TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

/* How often each operation is drawn. */
static const unsigned int vsWeights[VS_OP_LAST] = {
    [VS_OP_DEFINE] = 12, [VS_OP_CREATE] = 4, [VS_OP_UNDEFINE] = 3, [VS_OP_START] = 14,
    [VS_OP_DESTROY] = 10, [VS_OP_SHUTDOWN] = 6, [VS_OP_REBOOT] = 4, [VS_OP_SUSPEND] = 8,
    [VS_OP_RESUME] = 8, [VS_OP_SAVE] = 6, [VS_OP_RESTORE] = 6, [VS_OP_MANAGEDSAVE] = 4,
    [VS_OP_CRASH] = 2, [VS_OP_ADVANCE] = 4,
};

struct vsWorkload {
    vrSimPrng prng;
    unsigned int total;
    char uuids[VS_NAMES][VIR_UUID_STRING_BUFLEN];
};

vsWorkload *vsWorkloadNew(guint64 seed)
{
    vsWorkload *w = g_new0(vsWorkload, 1);
    size_t i;

    vrSimPrngInitStream(&w->prng, seed, VR_SIM_STREAM_WORKLOAD);
    for (i = 0; i < VS_OP_LAST; i++)
        w->total += vsWeights[i];
    g_strlcpy(w->uuids[0], VS_TEST_UUID, sizeof(w->uuids[0]));
    for (i = 1; i < VS_NAMES; i++) {
        unsigned char b[VIR_UUID_BUFLEN];

        vrSimPrngFill(&w->prng, b, sizeof(b));
        g_snprintf(w->uuids[i], sizeof(w->uuids[i]),
                   "%02x%02x%02x%02x-%02x%02x-4%x%02x-a%x%02x-%02x%02x%02x%02x%02x%02x",
                   b[0], b[1], b[2], b[3], b[4], b[5], b[6] & 0xf, b[7], b[8] & 0xf, b[9],
                   b[10], b[11], b[12], b[13], b[14], b[15]);
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
        if (r < vsWeights[kind])
            return kind;
        r -= vsWeights[kind];
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

vsOp *vsWorkloadNext(vsWorkload *w)
{
    vsOp *op = g_new0(vsOp, 1);
    size_t name = vrSimPrngBelow(&w->prng, VS_NAMES);

    op->kind = vsPickKind(w);
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
