/* vireo-sim's fault-off phase: after the faults stop, every domain,
 * network, pool and volume must be reachable and every operation on it must
 * succeed, within a bound on the number of operations. */
#include "vsim.h"

#define VS_CONVERGE_VOL "vireo-sim-converge"
#define VS_CONVERGE_VOL_BYTES (64 * 1024)
#define VS_CONVERGE_FILL 1

typedef struct {
    guint ops;                 /* convergence operations run */
    guint bound;
} vsConvergence;

static vsOp *vsConvergeNew(vsOpKind kind, const char *name, const char *vol)
{
    vsOp *op = g_new0(vsOp, 1);

    op->kind = kind;
    op->name = g_strdup(name);
    op->vol = g_strdup(vol);
    return op;
}

/* One convergence operation (consumed): with faults off it must succeed. */
static bool vsConvergeRun(vsRun *run, vsOp *op, vsConvergence *c)
{
    vsResult res = { 0 };
    g_autofree char *text = vsOpFormat(op);
    bool ok;

    c->ops++;
    ok = vsStep(run, op, &res);
    if (ok && !res.ok) {
        vsViolation(run, "convergence: '%s' failed with faults off: %s", text,
                    res.message ? res.message : "");
        ok = false;
    }
    vsResultClear(&res);
    vsOpFree(op);
    return ok;
}

static bool vsConvergeOp(vsRun *run, vsOpKind kind, const char *name, vsConvergence *c)
{
    return vsConvergeRun(run, vsConvergeNew(kind, name, NULL), c);
}

static bool vsReachable(vsRun *run, bool found, const char *what, const char *name)
{
    run->invariants++;
    if (!found)
        vsViolation(run, "convergence: %s '%s' is not reachable by name", what, name);
    return found;
}

/* Bring one domain back to a clean start and stop: every step must work. */
static bool vsConvergeDomain(vsRun *run, const char *name, vsConvergence *c)
{
    virDomainPtr dom = virDomainLookupByName(run->conn, name);
    int state = -1, reason = -1, persistent;

    if (!vsReachable(run, dom != NULL, "domain", name))
        return false;
    virDomainGetState(dom, &state, &reason, 0);
    persistent = virDomainIsPersistent(dom);
    virDomainFree(dom);
    if (state == VIR_DOMAIN_PAUSED && !vsConvergeOp(run, VS_OP_RESUME, name, c))
        return false;
    if (state != VIR_DOMAIN_SHUTOFF && !vsConvergeOp(run, VS_OP_DESTROY, name, c))
        return false;
    if (persistent == 1 && (!vsConvergeOp(run, VS_OP_START, name, c) ||
                            !vsConvergeOp(run, VS_OP_DESTROY, name, c)))
        return false;
    return true;
}

/* A network stops (if it runs) and a persistent one starts again. */
static bool vsConvergeNetwork(vsRun *run, const char *name, vsConvergence *c)
{
    virNetworkPtr net = virNetworkLookupByName(run->conn, name);
    int active, persistent;

    if (!vsReachable(run, net != NULL, "network", name))
        return false;
    active = virNetworkIsActive(net);
    persistent = virNetworkIsPersistent(net);
    virNetworkFree(net);
    if (active == 1 && !vsConvergeOp(run, VS_OP_NET_DESTROY, name, c))
        return false;
    return persistent != 1 || vsConvergeOp(run, VS_OP_NET_START, name, c);
}

/* In an active pool: a volume created, written, read back and deleted,
 * and every volume read whole (its content checked against the model). */
static bool vsConvergeVolumes(vsRun *run, const char *name, vsConvergence *c)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(run->conn, name);
    virStorageVolPtr *vols = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    vsOp *op;
    int i, n = pool ? virStoragePoolListAllVolumes(pool, &vols, 0) : -1;

    for (i = 0; i < n; i++) {
        g_ptr_array_add(names, g_strdup(virStorageVolGetName(vols[i])));
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    if (pool)
        virStoragePoolFree(pool);
    c->bound += names->len;
    for (i = 0; i < (int)names->len; i++) {
        if (!vsConvergeRun(run, vsConvergeNew(VS_OP_VOL_DOWNLOAD, name,
                                              g_ptr_array_index(names, i)), c))
            return false;
    }
    op = vsConvergeNew(VS_OP_VOL_CREATE, name, VS_CONVERGE_VOL);
    op->capacity = VS_CONVERGE_VOL_BYTES;
    if (!vsConvergeRun(run, op, c))
        return false;
    op = vsConvergeNew(VS_OP_VOL_UPLOAD, name, VS_CONVERGE_VOL);
    op->length = VS_CONVERGE_VOL_BYTES;
    op->fill = VS_CONVERGE_FILL;
    return vsConvergeRun(run, op, c) &&
           vsConvergeRun(run, vsConvergeNew(VS_OP_VOL_DOWNLOAD, name, VS_CONVERGE_VOL), c) &&
           vsConvergeRun(run, vsConvergeNew(VS_OP_VOL_DELETE, name, VS_CONVERGE_VOL), c);
}

/* A persistent pool restarts; every pool refreshes and takes a volume. */
static bool vsConvergePool(vsRun *run, const char *name, vsConvergence *c)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(run->conn, name);
    int active, persistent;

    if (!vsReachable(run, pool != NULL, "pool", name))
        return false;
    active = virStoragePoolIsActive(pool);
    persistent = virStoragePoolIsPersistent(pool);
    virStoragePoolFree(pool);
    if (persistent == 1 && active == 1 && !vsConvergeOp(run, VS_OP_POOL_DESTROY, name, c))
        return false;
    if (persistent == 1 && !vsConvergeOp(run, VS_OP_POOL_START, name, c))
        return false;
    return vsConvergeOp(run, VS_OP_POOL_REFRESH, name, c) &&
           vsConvergeVolumes(run, name, c);
}

/* The names of every object of one kind, listed now. */
static GPtrArray *vsConvergeNames(vsRun *run, vsOpKind kind)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    virDomainPtr *doms = NULL;
    virNetworkPtr *nets = NULL;
    virStoragePoolPtr *pools = NULL;
    int i, n;

    if (kind == VS_OP_START) {
        n = virConnectListAllDomains(run->conn, &doms, 0);
        for (i = 0; i < n; i++) {
            g_ptr_array_add(names, g_strdup(virDomainGetName(doms[i])));
            virDomainFree(doms[i]);
        }
    } else if (kind == VS_OP_NET_START) {
        n = virConnectListAllNetworks(run->conn, &nets, 0);
        for (i = 0; i < n; i++) {
            g_ptr_array_add(names, g_strdup(virNetworkGetName(nets[i])));
            virNetworkFree(nets[i]);
        }
    } else {
        n = virConnectListAllStoragePools(run->conn, &pools, 0);
        for (i = 0; i < n; i++) {
            g_ptr_array_add(names, g_strdup(virStoragePoolGetName(pools[i])));
            virStoragePoolFree(pools[i]);
        }
    }
    g_free(doms);
    g_free(nets);
    g_free(pools);
    return names;
}

void vsConverge(vsRun *run)
{
    vsOp *off = g_new0(vsOp, 1);
    vsConvergence c = { 0 };
    g_autoptr(GPtrArray) doms = NULL;
    g_autoptr(GPtrArray) nets = NULL;
    g_autoptr(GPtrArray) pools = NULL;
    guint i;

    off->kind = VS_OP_FAULTS;
    off->word = g_strdup("off");
    if (!vsStepFree(run, off))
        return;
    doms = vsConvergeNames(run, VS_OP_START);
    nets = vsConvergeNames(run, VS_OP_NET_START);
    pools = vsConvergeNames(run, VS_OP_POOL_START);
    c.bound = VS_CONVERGE_OPS_PER_DOMAIN * doms->len + VS_CONVERGE_OPS_PER_NETWORK * nets->len +
              VS_CONVERGE_OPS_PER_POOL * pools->len;
    for (i = 0; i < doms->len; i++) {
        if (!vsConvergeDomain(run, g_ptr_array_index(doms, i), &c))
            return;
    }
    for (i = 0; i < nets->len; i++) {
        if (!vsConvergeNetwork(run, g_ptr_array_index(nets, i), &c))
            return;
    }
    for (i = 0; i < pools->len; i++) {
        if (!vsConvergePool(run, g_ptr_array_index(pools, i), &c))
            return;
    }
    run->invariants++;
    if (c.ops > c.bound)
        vsViolation(run, "convergence: %u operations, more than the bound %u", c.ops, c.bound);
}
