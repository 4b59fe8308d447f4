/* vireo-sim's model and invariants for networks, storage pools and
 * volumes: their lifecycle rebuilt from the event streams, each object in
 * exactly one state and in the listings its state selects, pool accounting,
 * volumes reachable by name, key and path, volume content equal to what the
 * uploads wrote, and a failed operation changing nothing. */
#include "vsim.h"

#include <stdlib.h>
#include <string.h>

/* What the event stream says of one network or pool. */
typedef struct {
    bool active;
    bool persistent;
} vsObjModel;

/* A volume's expected content (capacity bytes). */
typedef struct {
    GByteArray *data;
} vsVolModel;

struct vsStoreModel {
    GHashTable *nets;          /* name -> vsObjModel *, from events */
    GHashTable *pools;         /* name -> vsObjModel *, from events */
    GHashTable *vols;          /* "POOL/VOL" -> vsVolModel * */
    GHashTable *before;        /* "network NAME" / "pool NAME" -> state text */
};

/* One network or pool as the node shows it. */
typedef struct {
    char *name;
    bool active, persistent, autostart;
    char *text;                /* everything a failed operation must not change */
} vsObjActual;

/* The calls that differ between networks and pools. */
typedef struct {
    const char *what;
    unsigned int filters[3][2];  /* active/inactive, persistent/transient, autostart */
    GPtrArray *(*names)(vsRun *run, unsigned int flags);
    GPtrArray *(*actual)(vsRun *run);
    GHashTable *(*models)(vsStoreModel *model);
    bool transient_autostart;    /* libvirt's test driver lets a transient network */
} vsObjKind;

static void vsVolModelFree(gpointer data)
{
    vsVolModel *vm = data;

    g_byte_array_unref(vm->data);
    g_free(vm);
}

static vsVolModel *vsVolModelNew(guint64 capacity)
{
    vsVolModel *vm = g_new0(vsVolModel, 1);

    vm->data = g_byte_array_sized_new((guint)capacity);
    g_byte_array_set_size(vm->data, (guint)capacity);
    memset(vm->data->data, 0, capacity);
    return vm;
}

static void vsObjActualFree(gpointer data)
{
    vsObjActual *a = data;

    g_free(a->name);
    g_free(a->text);
    g_free(a);
}

vsStoreModel *vsStoreModelNew(void)
{
    vsStoreModel *model = g_new0(vsStoreModel, 1);

    model->nets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    model->pools = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    model->vols = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, vsVolModelFree);
    model->before = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return model;
}

void vsStoreModelFree(vsStoreModel *model)
{
    if (!model)
        return;
    g_hash_table_destroy(model->nets);
    g_hash_table_destroy(model->pools);
    g_hash_table_destroy(model->vols);
    g_hash_table_destroy(model->before);
    g_free(model);
}

static char *vsVolKey(const char *pool, const char *vol)
{
    return g_strdup_printf("%s/%s", pool, vol);
}

/* ---- replaying events ---- */

/* Network and pool lifecycle events share their first four values. */
_Static_assert((int)VIR_NETWORK_EVENT_DEFINED == (int)VIR_STORAGE_POOL_EVENT_DEFINED &&
               (int)VIR_NETWORK_EVENT_UNDEFINED == (int)VIR_STORAGE_POOL_EVENT_UNDEFINED &&
               (int)VIR_NETWORK_EVENT_STARTED == (int)VIR_STORAGE_POOL_EVENT_STARTED &&
               (int)VIR_NETWORK_EVENT_STOPPED == (int)VIR_STORAGE_POOL_EVENT_STOPPED,
               "lifecycle events line up");

/* Apply one lifecycle event to the model of table; a transition from the
 * wrong state means an event was lost or repeated. */
static void vsObjApply(vsRun *run, GHashTable *table, const char *what, const char *name,
                       int event)
{
    vsObjModel *m = g_hash_table_lookup(table, name);
    bool bad = false;

    if (!m && (event == VIR_STORAGE_POOL_EVENT_DEFINED ||
               event == VIR_STORAGE_POOL_EVENT_STARTED)) {
        m = g_new0(vsObjModel, 1);
        g_hash_table_insert(table, g_strdup(name), m);
    } else if (!m) {
        vsViolation(run, "events: %s event %d for '%s', which its events never created",
                    what, event, name);
        return;
    }
    switch (event) {
    case VIR_STORAGE_POOL_EVENT_DEFINED: m->persistent = true; break;
    case VIR_STORAGE_POOL_EVENT_UNDEFINED:
        bad = !m->persistent;
        m->persistent = false;
        break;
    case VIR_STORAGE_POOL_EVENT_STARTED:
        bad = m->active;
        m->active = true;
        break;
    case VIR_STORAGE_POOL_EVENT_STOPPED:
        bad = !m->active;
        m->active = false;
        break;
    default:                   /* pool built or deleted: only while inactive */
        bad = m->active;
        break;
    }
    if (bad)
        vsViolation(run, "events: %s '%s' got event %d while %s by its events (an event "
                    "lost or repeated)", what, name, event, m->active ? "active" : "inactive");
    if (!m->active && !m->persistent)
        g_hash_table_remove(table, name);
}

void vsModelOnNetworkEvent(virConnectPtr conn, virNetworkPtr net, int event, int detail,
                           void *opaque)
{
    vsRun *run = opaque;

    vsObjApply(run, run->store->nets, "network", virNetworkGetName(net), event);
}

void vsModelOnPoolEvent(virConnectPtr conn, virStoragePoolPtr pool, int event, int detail,
                        void *opaque)
{
    vsRun *run = opaque;

    vsObjApply(run, run->store->pools, "pool", virStoragePoolGetName(pool), event);
}

/* ---- what the node says ---- */

static GPtrArray *vsNetNames(vsRun *run, unsigned int flags)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    virNetworkPtr *nets = NULL;
    int i, n = virConnectListAllNetworks(run->conn, &nets, flags);

    for (i = 0; i < n; i++) {
        g_ptr_array_add(names, g_strdup(virNetworkGetName(nets[i])));
        virNetworkFree(nets[i]);
    }
    g_free(nets);
    return names;
}

static GPtrArray *vsPoolNames(vsRun *run, unsigned int flags)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    virStoragePoolPtr *pools = NULL;
    int i, n = virConnectListAllStoragePools(run->conn, &pools, flags);

    for (i = 0; i < n; i++) {
        g_ptr_array_add(names, g_strdup(virStoragePoolGetName(pools[i])));
        virStoragePoolFree(pools[i]);
    }
    g_free(pools);
    return names;
}

static GPtrArray *vsNetActual(vsRun *run)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(vsObjActualFree);
    virNetworkPtr *nets = NULL;
    int i, n = virConnectListAllNetworks(run->conn, &nets, 0), autostart = 0;

    for (i = 0; i < n; i++) {
        vsObjActual *a = g_new0(vsObjActual, 1);
        g_autofree char *live = virNetworkGetXMLDesc(nets[i], 0);
        g_autofree char *config = virNetworkGetXMLDesc(nets[i], VIR_NETWORK_XML_INACTIVE);

        a->name = g_strdup(virNetworkGetName(nets[i]));
        a->active = virNetworkIsActive(nets[i]) == 1;
        a->persistent = virNetworkIsPersistent(nets[i]) == 1;
        a->autostart = virNetworkGetAutostart(nets[i], &autostart) == 0 && autostart;
        a->text = g_strdup_printf("active=%d persistent=%d autostart=%d\n%s%s", a->active,
                                  a->persistent, a->autostart, live ? live : "",
                                  config ? config : "");
        g_ptr_array_add(out, a);
        virNetworkFree(nets[i]);
    }
    g_free(nets);
    return out;
}

/* " vol NAME key path capacity allocation" for each volume of an active pool. */
static void vsPoolVolumesText(virStoragePoolPtr pool, GString *text)
{
    virStorageVolPtr *vols = NULL;
    int i, n = virStoragePoolListAllVolumes(pool, &vols, 0);

    for (i = 0; i < n; i++) {
        virStorageVolInfo info = { 0 };
        g_autofree char *path = virStorageVolGetPath(vols[i]);

        virStorageVolGetInfo(vols[i], &info);
        g_string_append_printf(text, "vol %s key=%s path=%s capacity=%llu allocation=%llu\n",
                               virStorageVolGetName(vols[i]), virStorageVolGetKey(vols[i]),
                               path ? path : "", info.capacity, info.allocation);
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
}

static GPtrArray *vsPoolActual(vsRun *run)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(vsObjActualFree);
    virStoragePoolPtr *pools = NULL;
    int i, n = virConnectListAllStoragePools(run->conn, &pools, 0), autostart = 0;

    for (i = 0; i < n; i++) {
        vsObjActual *a = g_new0(vsObjActual, 1);
        g_autofree char *xml = virStoragePoolGetXMLDesc(pools[i], 0);
        GString *text = g_string_new(NULL);

        a->name = g_strdup(virStoragePoolGetName(pools[i]));
        a->active = virStoragePoolIsActive(pools[i]) == 1;
        a->persistent = virStoragePoolIsPersistent(pools[i]) == 1;
        a->autostart = virStoragePoolGetAutostart(pools[i], &autostart) == 0 && autostart;
        g_string_append_printf(text, "active=%d persistent=%d autostart=%d\n%s", a->active,
                               a->persistent, a->autostart, xml ? xml : "");
        if (a->active)
            vsPoolVolumesText(pools[i], text);
        a->text = g_string_free(text, FALSE);
        g_ptr_array_add(out, a);
        virStoragePoolFree(pools[i]);
    }
    g_free(pools);
    return out;
}

static GHashTable *vsNetModels(vsStoreModel *model)
{
    return model->nets;
}

static GHashTable *vsPoolModels(vsStoreModel *model)
{
    return model->pools;
}

static const vsObjKind vsNetKind = {
    "network",
    { { VIR_CONNECT_LIST_NETWORKS_ACTIVE, VIR_CONNECT_LIST_NETWORKS_INACTIVE },
      { VIR_CONNECT_LIST_NETWORKS_PERSISTENT, VIR_CONNECT_LIST_NETWORKS_TRANSIENT },
      { VIR_CONNECT_LIST_NETWORKS_AUTOSTART, VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART } },
    vsNetNames, vsNetActual, vsNetModels, true,
};

static const vsObjKind vsPoolKind = {
    "pool",
    { { VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE },
      { VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT, VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT },
      { VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART,
        VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART } },
    vsPoolNames, vsPoolActual, vsPoolModels, false,
};

/* ---- the invariants on networks and pools ---- */

static bool vsNamesHave(GPtrArray *names, const char *name, int *count)
{
    guint i;

    *count = 0;
    for (i = 0; i < names->len; i++)
        *count += strcmp(g_ptr_array_index(names, i), name) == 0;
    return *count > 0;
}

/* Each object in exactly one listing of each filter pair, the one its
 * state selects; a transient pool never autostarts. */
static void vsCheckObjListings(vsRun *run, const vsObjKind *kind, GPtrArray *actual)
{
    guint g, i;

    for (g = 0; g < G_N_ELEMENTS(kind->filters); g++) {
        g_autoptr(GPtrArray) yes = kind->names(run, kind->filters[g][0]);
        g_autoptr(GPtrArray) no = kind->names(run, kind->filters[g][1]);

        for (i = 0; i < actual->len; i++) {
            vsObjActual *a = g_ptr_array_index(actual, i);
            bool want = g == 0 ? a->active : g == 1 ? a->persistent : a->autostart;
            int in_yes, in_no;

            vsNamesHave(yes, a->name, &in_yes);
            vsNamesHave(no, a->name, &in_no);
            run->invariants++;
            if (in_yes + in_no != 1 || (in_yes == 1) != want)
                vsViolation(run, "one state: %s '%s' is listed %d times by filter %#x and "
                            "%d times by %#x", kind->what, a->name, in_yes,
                            kind->filters[g][0], in_no, kind->filters[g][1]);
        }
    }
    for (i = 0; i < actual->len; i++) {
        vsObjActual *a = g_ptr_array_index(actual, i);

        run->invariants++;
        if (!kind->transient_autostart && !a->persistent && a->autostart)
            vsViolation(run, "one state: transient %s '%s' is marked autostart",
                        kind->what, a->name);
    }
}

/* The events, replayed, give every object's state. */
static void vsCheckObjEvents(vsRun *run, const vsObjKind *kind, GPtrArray *actual)
{
    GHashTable *models = kind->models(run->store);
    guint i;

    for (i = 0; i < actual->len; i++) {
        vsObjActual *a = g_ptr_array_index(actual, i);
        vsObjModel *m = g_hash_table_lookup(models, a->name);

        run->invariants++;
        if (!m)
            vsViolation(run, "events: %s '%s' exists but its events never created it",
                        kind->what, a->name);
        else if (m->active != a->active || m->persistent != a->persistent)
            vsViolation(run, "events: %s '%s' is %s%s but its events say %s%s", kind->what,
                        a->name, a->active ? "active" : "inactive",
                        a->persistent ? "" : " (transient)",
                        m->active ? "active" : "inactive",
                        m->persistent ? "" : " (transient)");
    }
    run->invariants++;
    if (g_hash_table_size(models) != actual->len)
        vsViolation(run, "events: they describe %u %ss, the node has %u",
                    g_hash_table_size(models), kind->what, actual->len);
}

/* After a failed operation every object reads as before it. */
static void vsCheckObjUnchanged(vsRun *run, const vsObjKind *kind, GPtrArray *actual,
                                guint *seen)
{
    guint i;

    for (i = 0; i < actual->len; i++) {
        vsObjActual *a = g_ptr_array_index(actual, i);
        g_autofree char *key = g_strdup_printf("%s %s", kind->what, a->name);
        const char *before = g_hash_table_lookup(run->store->before, key);

        run->invariants++;
        if (!before)
            vsViolation(run, "failed operation: %s '%s' appeared", kind->what, a->name);
        else if (strcmp(before, a->text) != 0)
            vsViolation(run, "failed operation: %s '%s' changed", kind->what, a->name);
        (*seen)++;
    }
}

static void vsSnapshotObjs(vsRun *run, const vsObjKind *kind, GPtrArray *actual)
{
    guint i;

    for (i = 0; i < actual->len; i++) {
        vsObjActual *a = g_ptr_array_index(actual, i);

        g_hash_table_insert(run->store->before, g_strdup_printf("%s %s", kind->what, a->name),
                            g_strdup(a->text));
    }
}

/* ---- volumes ---- */

typedef struct {
    GHashTable *keys;          /* key -> "POOL/VOL" */
    GHashTable *paths;         /* path -> "POOL/VOL" */
    GHashTable *seen;          /* "POOL/VOL" of every volume of an active pool */
} vsVolScan;

/* found names the volume called pool/name (or is NULL): a violation if not. */
static void vsCheckFound(vsRun *run, virStorageVolPtr found, const char *how,
                         const char *pool, const char *name)
{
    virStoragePoolPtr owner = found ? virStoragePoolLookupByVolume(found) : NULL;

    run->invariants++;
    if (!found || !owner || strcmp(virStorageVolGetName(found), name) != 0 ||
        strcmp(virStoragePoolGetName(owner), pool) != 0)
        vsViolation(run, "volumes: '%s/%s' is not found by its %s", pool, name, how);
    if (owner)
        virStoragePoolFree(owner);
    if (found)
        virStorageVolFree(found);
}

/* One volume: reachable three ways, key and path its own. */
static void vsCheckVolume(vsRun *run, virStoragePoolPtr pool, virStorageVolPtr vol,
                          vsVolScan *scan)
{
    const char *pool_name = virStoragePoolGetName(pool);
    const char *name = virStorageVolGetName(vol);
    const char *key = virStorageVolGetKey(vol);
    g_autofree char *path = virStorageVolGetPath(vol);
    g_autofree char *id = vsVolKey(pool_name, name);

    vsCheckFound(run, virStorageVolLookupByName(pool, name), "name", pool_name, name);
    vsCheckFound(run, key ? virStorageVolLookupByKey(run->conn, key) : NULL, "key",
                 pool_name, name);
    vsCheckFound(run, path ? virStorageVolLookupByPath(run->conn, path) : NULL, "path",
                 pool_name, name);
    run->invariants++;
    if (key && g_hash_table_contains(scan->keys, key))
        vsViolation(run, "volumes: '%s' and '%s' share the key '%s'", id,
                    (char *)g_hash_table_lookup(scan->keys, key), key);
    else if (path && g_hash_table_contains(scan->paths, path))
        vsViolation(run, "volumes: '%s' and '%s' share the path '%s'", id,
                    (char *)g_hash_table_lookup(scan->paths, path), path);
    if (key)
        g_hash_table_insert(scan->keys, g_strdup(key), g_strdup(id));
    if (path)
        g_hash_table_insert(scan->paths, g_strdup(path), g_strdup(id));
    run->invariants++;
    if (!g_hash_table_contains(run->store->vols, id))
        vsViolation(run, "volumes: '%s' exists but no operation made it", id);
    g_hash_table_add(scan->seen, g_steal_pointer(&id));
}

/* An active pool: its volumes, and allocation = the sum of theirs,
 * available = capacity - allocation. */
static void vsCheckPoolVolumes(vsRun *run, virStoragePoolPtr pool, vsVolScan *scan)
{
    virStoragePoolInfo info = { 0 };
    virStorageVolPtr *vols = NULL;
    unsigned long long sum = 0;
    int i, n = virStoragePoolListAllVolumes(pool, &vols, 0);

    for (i = 0; i < n; i++) {
        virStorageVolInfo vinfo = { 0 };

        if (virStorageVolGetInfo(vols[i], &vinfo) == 0)
            sum += vinfo.allocation;
        vsCheckVolume(run, pool, vols[i], scan);
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    run->invariants++;
    if (n < 0 || virStoragePoolGetInfo(pool, &info) < 0) {
        vsViolation(run, "pools: active pool '%s' cannot be read: %s",
                    virStoragePoolGetName(pool), virGetLastErrorMessage());
        return;
    }
    /* the test hook: the pool as if the node had counted one byte more */
    if (vsTestHookDue(run, run->hooks.skew_pool, &run->hooks.pool_skewed,
                      info.available > 0)) {
        info.allocation++;
        info.available--;
    }
    if (info.allocation != sum || info.available != info.capacity - info.allocation)
        vsViolation(run, "pools: '%s' has capacity %llu allocation %llu available %llu, its "
                    "volumes allocate %llu", virStoragePoolGetName(pool), info.capacity,
                    info.allocation, info.available, sum);
}

/* The model's volumes: those of a pool that is gone go too; an active
 * pool must hold exactly the model's. */
static void vsCheckModelVolumes(vsRun *run, GPtrArray *pools, GHashTable *seen)
{
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init(&iter, run->store->vols);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        g_autofree char *pool = g_strndup(key, strcspn(key, "/"));
        vsObjActual *a = NULL;
        guint i;

        for (i = 0; i < pools->len && !a; i++) {
            if (strcmp(((vsObjActual *)g_ptr_array_index(pools, i))->name, pool) == 0)
                a = g_ptr_array_index(pools, i);
        }
        if (!a) {
            g_hash_table_iter_remove(&iter);
            continue;
        }
        run->invariants++;
        if (a->active && !g_hash_table_contains(seen, key))
            vsViolation(run, "volumes: '%s' is gone without a delete", (char *)key);
    }
}

static void vsCheckVolumes(vsRun *run, GPtrArray *pools)
{
    vsVolScan scan = {
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
    };
    guint i;

    for (i = 0; i < pools->len; i++) {
        vsObjActual *a = g_ptr_array_index(pools, i);
        virStoragePoolPtr pool;

        if (!a->active || !(pool = virStoragePoolLookupByName(run->conn, a->name)))
            continue;
        vsCheckPoolVolumes(run, pool, &scan);
        virStoragePoolFree(pool);
    }
    vsCheckModelVolumes(run, pools, scan.seen);
    g_hash_table_destroy(scan.keys);
    g_hash_table_destroy(scan.paths);
    g_hash_table_destroy(scan.seen);
}

/* ---- volume content ---- */

/* Where two contents first differ (their common length when one is a
 * prefix of the other), or -1 when equal. */
static gint64 vsFirstDifference(const GByteArray *a, const GByteArray *b)
{
    guint i, n = MIN(a->len, b->len);

    /* an empty GByteArray's data may be NULL: memcmp must not see it */
    if (a->len == b->len && (n == 0 || memcmp(a->data, b->data, n) == 0))
        return -1;
    for (i = 0; i < n && a->data[i] == b->data[i]; i++)
        ;
    return i;
}

/* The content of pool/vol read back equals the model's byte for byte
 * (read: what an operation already read, or NULL to download it now). */
static void vsCheckContent(vsRun *run, const char *pool, const char *vol,
                           const GByteArray *read)
{
    g_autofree char *id = vsVolKey(pool, vol);
    vsVolModel *vm = g_hash_table_lookup(run->store->vols, id);
    g_autoptr(GByteArray) fresh = NULL;
    vsResult res = { 0 };
    gint64 at;

    if (!vm)
        return;
    if (!read) {
        virStoragePoolPtr p = virStoragePoolLookupByName(run->conn, pool);
        bool active = p && virStoragePoolIsActive(p) == 1;

        if (p)
            virStoragePoolFree(p);
        if (!active)
            return;
        read = fresh = vsVolumeRead(run, pool, vol, &res);
    }
    run->invariants++;
    if (!read)
        vsViolation(run, "content: '%s' cannot be read: %s", id,
                    res.message ? res.message : "");
    else if ((at = vsFirstDifference(read, vm->data)) >= 0)
        vsViolation(run, "content: '%s' reads %u bytes, the model has %u; they differ from "
                    "byte %" G_GINT64_FORMAT, id, read->len, vm->data->len, at);
    vsResultClear(&res);
}

static int vsCompareStrings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void vsStoreCheckAllContent(vsRun *run)
{
    guint i, n = 0;
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array(run->store->vols, &n);
    g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func(g_free);

    /* in name order, so that the reads (and their trace lines) repeat */
    for (i = 0; i < n; i++)
        g_ptr_array_add(copies, g_strdup(keys[i]));
    if (copies->len > 1)
        qsort(copies->pdata, copies->len, sizeof(gpointer), vsCompareStrings);
    for (i = 0; i < copies->len && !run->violation; i++) {
        const char *key = g_ptr_array_index(copies, i);
        g_autofree char *pool = g_strndup(key, strcspn(key, "/"));

        vsCheckContent(run, pool, key + strlen(pool) + 1, NULL);
    }
}

/* ---- the model follows successful volume operations ---- */

/* The capacity a resize asks for, as libvirt computes it. */
static guint64 vsResizeTarget(guint64 now, const vsOp *op)
{
    if (!(op->resize_flags & VIR_STORAGE_VOL_RESIZE_DELTA))
        return op->capacity;
    if (op->resize_flags & VIR_STORAGE_VOL_RESIZE_SHRINK)
        return now - MIN(op->capacity, now);
    return now + op->capacity;
}

static void vsVolModelResize(vsVolModel *vm, guint64 capacity)
{
    guint old = vm->data->len;

    g_byte_array_set_size(vm->data, (guint)capacity);
    if (capacity > old)
        memset(vm->data->data + old, 0, capacity - old);
}

static void vsVolModelClone(vsStoreModel *model, const vsOp *op, vsVolModel *src)
{
    vsVolModel *copy = vsVolModelNew(src->data->len);

    memcpy(copy->data->data, src->data->data, src->data->len);
    g_hash_table_replace(model->vols, vsVolKey(op->name, op->vol2), copy);
}

static void vsApplyVolumeOp(vsRun *run, const vsOp *op)
{
    g_autofree char *id = vsVolKey(op->name, op->vol);
    vsVolModel *vm = g_hash_table_lookup(run->store->vols, id);
    guint64 i;

    if (op->kind == VS_OP_VOL_CREATE) {
        g_hash_table_replace(run->store->vols, g_steal_pointer(&id),
                             vsVolModelNew(op->capacity));
        return;
    }
    if (!vm)
        return;                /* reported by the volume checks */
    switch (op->kind) {
    case VS_OP_VOL_CLONE: vsVolModelClone(run->store, op, vm); break;
    case VS_OP_VOL_DELETE: g_hash_table_remove(run->store->vols, id); break;
    case VS_OP_VOL_WIPE:
        memset(vm->data->data, 0, vm->data->len);
        break;
    case VS_OP_VOL_RESIZE:
        vsVolModelResize(vm, vsResizeTarget(vm->data->len, op));
        break;
    case VS_OP_VOL_UPLOAD:
        if (op->abort_upload)
            break;
        for (i = 0; i < op->length && op->offset + i < vm->data->len; i++)
            vm->data->data[op->offset + i] = vsFillByte(op->fill, op->offset + i);
        break;
    default:
        break;
    }
}

static bool vsVolumeOp(const vsOp *op)
{
    return op->kind >= VS_OP_VOL_CREATE && op->kind <= VS_OP_VOL_DOWNLOAD;
}

/* ---- after every step ---- */

static void vsStoreSnapshot(vsRun *run, GPtrArray *nets, GPtrArray *pools)
{
    g_hash_table_remove_all(run->store->before);
    vsSnapshotObjs(run, &vsNetKind, nets);
    vsSnapshotObjs(run, &vsPoolKind, pools);
}

void vsStoreCheckStep(vsRun *run, const vsOp *op, const vsResult *res)
{
    g_autoptr(GPtrArray) nets = vsNetActual(run);
    g_autoptr(GPtrArray) pools = vsPoolActual(run);
    guint seen = 0;

    if (res->ok && vsVolumeOp(op))
        vsApplyVolumeOp(run, op);
    vsCheckObjListings(run, &vsNetKind, nets);
    vsCheckObjListings(run, &vsPoolKind, pools);
    vsCheckObjEvents(run, &vsNetKind, nets);
    vsCheckObjEvents(run, &vsPoolKind, pools);
    if (!res->ok) {
        vsCheckObjUnchanged(run, &vsNetKind, nets, &seen);
        vsCheckObjUnchanged(run, &vsPoolKind, pools, &seen);
        run->invariants++;
        if (seen < g_hash_table_size(run->store->before))
            vsViolation(run, "failed operation: a network or pool disappeared");
    }
    vsCheckVolumes(run, pools);
    if (vsVolumeOp(op) && !run->violation) {
        vsCheckContent(run, op->name, op->vol, op->kind == VS_OP_VOL_DOWNLOAD && res->ok
                                               ? run->last_read : NULL);
        if (op->kind == VS_OP_VOL_CLONE)
            vsCheckContent(run, op->name, op->vol2, NULL);
    }
    if (run->steps % VS_CONTENT_SWEEP_STEPS == 0 && !run->violation)
        vsStoreCheckAllContent(run);
    g_clear_pointer(&run->last_read, g_byte_array_unref);
    vsStoreSnapshot(run, nets, pools);
}

void vsStoreModelRestarted(vsRun *run)
{
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, run->store->vols);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        vsVolModel *vm = value;

        memset(vm->data->data, 0, vm->data->len);
    }
}

/* ---- the starting point ---- */

static void vsInitObjs(GHashTable *table, GPtrArray *actual)
{
    guint i;

    for (i = 0; i < actual->len; i++) {
        vsObjActual *a = g_ptr_array_index(actual, i);
        vsObjModel *m = g_new0(vsObjModel, 1);

        m->active = a->active;
        m->persistent = a->persistent;
        g_hash_table_insert(table, g_strdup(a->name), m);
    }
}

/* The volumes the node starts with, read whole into the model. */
static int vsInitVolumes(vsRun *run, virStoragePoolPtr pool)
{
    virStorageVolPtr *vols = NULL;
    int i, n = virStoragePoolListAllVolumes(pool, &vols, 0), ret = n < 0 ? -1 : 0;

    for (i = 0; i < n; i++) {
        vsVolModel *vm = g_new0(vsVolModel, 1);
        vsResult res = { 0 };

        if (!(vm->data = vsVolumeRead(run, virStoragePoolGetName(pool),
                                      virStorageVolGetName(vols[i]), &res))) {
            vsViolation(run, "content: '%s' cannot be read: %s",
                        virStorageVolGetName(vols[i]), res.message);
            vm->data = g_byte_array_new();
            ret = -1;
        }
        g_hash_table_replace(run->store->vols, vsVolKey(virStoragePoolGetName(pool),
                                                        virStorageVolGetName(vols[i])), vm);
        vsResultClear(&res);
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    return ret;
}

int vsStoreModelInit(vsRun *run)
{
    g_autoptr(GPtrArray) nets = vsNetActual(run);
    g_autoptr(GPtrArray) pools = vsPoolActual(run);
    guint i;

    vsInitObjs(run->store->nets, nets);
    vsInitObjs(run->store->pools, pools);
    for (i = 0; i < pools->len; i++) {
        vsObjActual *a = g_ptr_array_index(pools, i);
        virStoragePoolPtr pool;

        if (!a->active || !(pool = virStoragePoolLookupByName(run->conn, a->name)))
            continue;
        vsInitVolumes(run, pool);
        virStoragePoolFree(pool);
    }
    vsStoreSnapshot(run, nets, pools);
    return run->violation ? -1 : 0;
}

/* ---- expectations ---- */

void vsStoreExpect(vsRun *run, const vsOp *op)
{
    const char *actual = "absent";
    virNetworkPtr net = NULL;
    virStoragePoolPtr pool = NULL;
    virStorageVolPtr vol = NULL;
    int active = -1;

    if (op->kind == VS_OP_EXPECT_NET && (net = virNetworkLookupByName(run->conn, op->name)))
        active = virNetworkIsActive(net);
    else if (op->kind != VS_OP_EXPECT_NET &&
             (pool = virStoragePoolLookupByName(run->conn, op->name)))
        active = virStoragePoolIsActive(pool);
    if (op->kind == VS_OP_EXPECT_VOL)
        actual = pool && (vol = virStorageVolLookupByName(pool, op->vol)) ? "present"
                                                                          : "absent";
    else if (active >= 0)
        actual = active ? "active" : "inactive";
    run->invariants++;
    if (strcmp(actual, op->word) != 0)
        vsViolation(run, "expect: %s '%s%s%s' is %s, expected %s",
                    op->kind == VS_OP_EXPECT_NET ? "network" :
                    op->kind == VS_OP_EXPECT_POOL ? "pool" : "volume", op->name,
                    op->vol ? "/" : "", op->vol ? op->vol : "", actual, op->word);
    if (vol)
        virStorageVolFree(vol);
    if (pool)
        virStoragePoolFree(pool);
    if (net)
        virNetworkFree(net);
}
