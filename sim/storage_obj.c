/* Simulated storage: the node's pools (libvirt's virStoragePoolObjList
 * rules for adding and replacing definitions, source conflicts), their
 * volumes, and volume content stored as sparse shared chunks. */
#include "sim/storage_obj.h"

#include <string.h>

#include "conf/xml_util.h"
#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_STORAGE

#define VR_SIM_NODE_FILE_BYTES_MAX (10 * 1024 * 1024)   /* a pool/volume file */

struct vrSimPoolList {
    GPtrArray *pools;           /* vrSimPool *, sorted by name */
    vrEventState *events;
};

/* libvirt's test:///default pool. */
static const char vrSimDefaultPoolXML[] =
    "<pool type='dir'>"
    "  <name>default-pool</name>"
    "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>"
    "  <target>"
    "    <path>/default-pool</path>"
    "  </target>"
    "</pool>";

/* --- volumes ------------------------------------------------------------- */

vrSimVolume *
vrSimVolumeRef(vrSimVolume *vol)
{
    g_atomic_int_inc(&vol->refs);
    return vol;
}

void
vrSimVolumeUnref(vrSimVolume *vol)
{
    if (!vol || !g_atomic_int_dec_and_test(&vol->refs))
        return;
    vrStorageVolDefFree(vol->def);
    g_hash_table_unref(vol->chunks);
    g_free(vol);
}

static vrSimVolume *
vrSimVolumeNew(vrStorageVolDef *def)
{
    vrSimVolume *vol = g_new0(vrSimVolume, 1);

    vol->refs = 1;
    vol->def = def;
    vol->chunks = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify)g_bytes_unref);
    return vol;
}

void
vrSimVolumeRead(const vrSimVolume *vol, guint64 offset, char *buf, size_t len)
{
    while (len > 0) {
        guint64 index = offset / VR_SIM_VOL_CHUNK_BYTES;
        size_t within = offset % VR_SIM_VOL_CHUNK_BYTES;
        size_t n = MIN(len, VR_SIM_VOL_CHUNK_BYTES - within);
        GBytes *chunk = g_hash_table_lookup(vol->chunks, GSIZE_TO_POINTER(index));

        if (chunk)
            memcpy(buf, (const char *)g_bytes_get_data(chunk, NULL) + within, n);
        else
            memset(buf, 0, n);
        buf += n;
        offset += n;
        len -= n;
    }
}

static bool
vrSimChunkIsZero(const guint8 *data)
{
    size_t i;

    for (i = 0; i < VR_SIM_VOL_CHUNK_BYTES; i++) {
        if (data[i])
            return false;
    }
    return true;
}

void
vrSimVolumeCommit(vrSimVolume *vol, GHashTable *staged)
{
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init(&iter, staged);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        g_hash_table_iter_steal(&iter);
        /* all-zero chunks read the same when absent: stay sparse */
        if (vrSimChunkIsZero(value)) {
            g_hash_table_remove(vol->chunks, key);
            g_free(value);
            continue;
        }
        g_hash_table_replace(vol->chunks, key,
                             g_bytes_new_take(value, VR_SIM_VOL_CHUNK_BYTES));
    }
}

void
vrSimVolumeWipe(vrSimVolume *vol)
{
    g_hash_table_remove_all(vol->chunks);
}

void
vrSimVolumeTruncate(vrSimVolume *vol, guint64 capacity)
{
    guint64 last = capacity / VR_SIM_VOL_CHUNK_BYTES;
    size_t keep = capacity % VR_SIM_VOL_CHUNK_BYTES;
    GHashTableIter iter;
    gpointer key;
    GBytes *tail;

    g_hash_table_iter_init(&iter, vol->chunks);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        if (GPOINTER_TO_SIZE(key) > last || (GPOINTER_TO_SIZE(key) == last && !keep))
            g_hash_table_iter_remove(&iter);
    }
    /* the bytes past the end of the last partial chunk read as zeros */
    if (keep && (tail = g_hash_table_lookup(vol->chunks, GSIZE_TO_POINTER(last)))) {
        guint8 *data = g_malloc0(VR_SIM_VOL_CHUNK_BYTES);

        memcpy(data, g_bytes_get_data(tail, NULL), keep);
        g_hash_table_replace(vol->chunks, GSIZE_TO_POINTER(last),
                             g_bytes_new_take(data, VR_SIM_VOL_CHUNK_BYTES));
    }
}

void
vrSimVolumeCopyContent(vrSimVolume *dst, const vrSimVolume *src)
{
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_remove_all(dst->chunks);
    g_hash_table_iter_init(&iter, src->chunks);
    while (g_hash_table_iter_next(&iter, &key, &value))
        g_hash_table_insert(dst->chunks, key, g_bytes_ref(value));
    vrSimVolumeTruncate(dst, dst->def->capacity);
}

/* --- pools ---------------------------------------------------------------- */

static void
vrSimPoolFree(vrSimPool *pool)
{
    if (!pool)
        return;
    vrStoragePoolDefFree(pool->def);
    vrStoragePoolDefFree(pool->new_def);
    g_ptr_array_unref(pool->volumes);
    g_free(pool);
}

vrSimPoolList *
vrSimPoolListNew(void)
{
    vrSimPoolList *list = g_new0(vrSimPoolList, 1);

    list->pools = g_ptr_array_new_with_free_func((GDestroyNotify)vrSimPoolFree);
    list->events = vrEventStateNew();
    return list;
}

void
vrSimPoolListFree(vrSimPoolList *list)
{
    if (!list)
        return;
    vrEventStateFree(list->events);
    g_ptr_array_unref(list->pools);
    g_free(list);
}

vrEventState *
vrSimPoolListEvents(vrSimPoolList *list)
{
    return list->events;
}

GPtrArray *
vrSimPoolListPools(vrSimPoolList *list)
{
    return list->pools;
}

vrSimPool *
vrSimPoolFindByName(vrSimPoolList *list, const char *name)
{
    guint i;

    for (i = 0; i < list->pools->len; i++) {
        vrSimPool *pool = g_ptr_array_index(list->pools, i);

        if (strcmp(pool->def->name, name) == 0)
            return pool;
    }
    return NULL;
}

vrSimPool *
vrSimPoolFindByUUID(vrSimPoolList *list, const unsigned char *uuid)
{
    guint i;

    for (i = 0; i < list->pools->len; i++) {
        vrSimPool *pool = g_ptr_array_index(list->pools, i);

        if (memcmp(pool->def->uuid, uuid, VIR_UUID_BUFLEN) == 0)
            return pool;
    }
    return NULL;
}

void
vrSimPoolUpdateSizes(vrSimPool *pool)
{
    unsigned long long alloc = 0;
    guint i;

    for (i = 0; i < pool->volumes->len; i++) {
        vrSimVolume *vol = g_ptr_array_index(pool->volumes, i);

        alloc += vol->def->allocation;
    }
    pool->def->capacity = VR_STORAGE_DEFAULT_POOL_CAPACITY;
    pool->def->allocation = alloc;
    pool->def->available = alloc < pool->def->capacity ? pool->def->capacity - alloc : 0;
}

void
vrSimPoolApplyNewDef(vrSimPool *pool)
{
    if (!pool->new_def)
        return;
    vrStoragePoolDefFree(pool->def);
    pool->def = g_steal_pointer(&pool->new_def);
    vrSimPoolUpdateSizes(pool);
}

/* --- source conflicts (libvirt's virStoragePoolObjSourceFindDuplicate) ---- */

static bool
vrSimSourceSingleHostMatch(const vrStoragePoolSource *a, const vrStoragePoolSource *b)
{
    if (a->nhosts != 1 && b->nhosts != 1)
        return false;
    if (!a->nhosts || !b->nhosts)
        return false;
    if (b->hosts[0].port && a->hosts[0].port != b->hosts[0].port)
        return false;
    return g_strcmp0(a->hosts[0].name, b->hosts[0].name) == 0;
}

static bool
vrSimSourceDevicesOverlap(const vrStoragePoolDef *a, const vrStoragePoolDef *b)
{
    size_t i, j;

    for (i = 0; i < a->source.ndevices; i++) {
        for (j = 0; j < b->source.ndevices; j++) {
            if (strcmp(a->source.devices[i].path, b->source.devices[j].path) == 0)
                return true;
        }
    }
    return false;
}

static bool
vrSimSourceIsDeviceType(vrStoragePoolType type)
{
    return type == VR_STORAGE_POOL_ISCSI || type == VR_STORAGE_POOL_FS ||
           type == VR_STORAGE_POOL_LOGICAL || type == VR_STORAGE_POOL_DISK ||
           type == VR_STORAGE_POOL_ZFS;
}

/* Device pools: iscsi only against iscsi (same initiator), the others
 * against each other. */
static bool
vrSimSourceDeviceConflict(const vrStoragePoolDef *have, const vrStoragePoolDef *def)
{
    if (!vrSimSourceIsDeviceType(def->type))
        return false;
    if ((have->type == VR_STORAGE_POOL_ISCSI) != (def->type == VR_STORAGE_POOL_ISCSI))
        return false;
    if (!vrSimSourceDevicesOverlap(have, def))
        return false;
    return have->type != VR_STORAGE_POOL_ISCSI ||
           g_strcmp0(have->source.initiator_iqn, def->source.initiator_iqn) == 0;
}

static bool
vrSimSourceConflict(const vrStoragePoolDef *have, const vrStoragePoolDef *def)
{
    bool same = have->type == def->type;

    switch (have->type) {
    case VR_STORAGE_POOL_DIR:
        return same && g_strcmp0(have->target_path, def->target_path) == 0;
    case VR_STORAGE_POOL_NETFS:
        return same && g_strcmp0(have->source.dir, def->source.dir) == 0 &&
               vrSimSourceSingleHostMatch(&have->source, &def->source);
    case VR_STORAGE_POOL_GLUSTER:
        return same && g_strcmp0(have->source.name, def->source.name) == 0 &&
               g_strcmp0(have->source.dir, def->source.dir) == 0 &&
               vrSimSourceSingleHostMatch(&have->source, &def->source);
    case VR_STORAGE_POOL_ISCSI:
    case VR_STORAGE_POOL_FS:
    case VR_STORAGE_POOL_LOGICAL:
    case VR_STORAGE_POOL_DISK:
    case VR_STORAGE_POOL_ZFS:
        return vrSimSourceDeviceConflict(have, def);
    case VR_STORAGE_POOL_SHEEPDOG:
        return same && vrSimSourceSingleHostMatch(&have->source, &def->source);
    case VR_STORAGE_POOL_MPATH:
        return same;
    case VR_STORAGE_POOL_VSTORAGE:
        return same && g_strcmp0(have->source.name, def->source.name) == 0;
    case VR_STORAGE_POOL_SCSI:
    case VR_STORAGE_POOL_ISCSI_DIRECT:
    case VR_STORAGE_POOL_RBD:
    case VR_STORAGE_POOL_LAST:
        break;
    }
    return false;
}

static int
vrSimPoolCheckSource(vrSimPoolList *list, const vrStoragePoolDef *def)
{
    guint i;

    for (i = 0; i < list->pools->len; i++) {
        vrSimPool *pool = g_ptr_array_index(list->pools, i);

        /* a pool being redefined does not conflict with itself */
        if (strcmp(pool->def->name, def->name) == 0)
            continue;
        if (vrSimSourceConflict(pool->def, def)) {
            vrReportError(VIR_ERR_OPERATION_FAILED,
                          "Storage source conflict with pool: '%s'", pool->def->name);
            return -1;
        }
    }
    return 0;
}

/* libvirt's virStoragePoolObjIsDuplicate: -1, 0 (new) or 1 (same pool). */
static int
vrSimPoolCheckDuplicate(vrSimPoolList *list, const vrStoragePoolDef *def,
                        bool check_live, vrSimPool **found)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    vrSimPool *pool;

    if ((pool = vrSimPoolFindByUUID(list, def->uuid))) {
        if (strcmp(pool->def->name, def->name) != 0) {
            vrReportError(VIR_ERR_OPERATION_FAILED, "pool '%s' is already defined with uuid %s",
                          pool->def->name, vrUUIDFormat(pool->def->uuid, uuid));
            return -1;
        }
        if (check_live && pool->active) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "pool is already active as '%s'",
                          pool->def->name);
            return -1;
        }
        *found = pool;
        return 1;
    }
    if ((pool = vrSimPoolFindByName(list, def->name))) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "pool '%s' already exists with uuid %s",
                      def->name, vrUUIDFormat(pool->def->uuid, uuid));
        return -1;
    }
    return 0;
}

static gint
vrSimPoolCompare(gconstpointer a, gconstpointer b)
{
    const vrSimPool *pa = *(vrSimPool *const *)a;
    const vrSimPool *pb = *(vrSimPool *const *)b;

    return strcmp(pa->def->name, pb->def->name);
}

int
vrSimPoolListCheckAdd(vrSimPoolList *list, const vrStoragePoolDef *def, unsigned int flags)
{
    vrSimPool *pool = NULL;
    int rc;

    if (vrSimPoolCheckSource(list, def) < 0 ||
        (rc = vrSimPoolCheckDuplicate(list, def, flags & VR_SIM_POOL_ADD_CHECK_LIVE,
                                      &pool)) < 0)
        return -1;
    if (rc == 0 && list->pools->len >= VR_SIM_POOLS_MAX) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "too many storage pools (limit %d)",
                      VR_SIM_POOLS_MAX);
        return -1;
    }
    return 0;
}

vrSimPool *
vrSimPoolListAdd(vrSimPoolList *list, vrStoragePoolDef **def, unsigned int flags,
                 bool *added)
{
    vrSimPool *pool = NULL;
    int rc;

    if (vrSimPoolCheckSource(list, *def) < 0 ||
        (rc = vrSimPoolCheckDuplicate(list, *def, flags & VR_SIM_POOL_ADD_CHECK_LIVE,
                                      &pool)) < 0)
        return NULL;
    *added = rc == 0;
    if (rc > 0) {
        if (pool->active) {
            vrStoragePoolDefFree(pool->new_def);
            pool->new_def = g_steal_pointer(def);
        } else {
            if (!pool->new_def && (flags & VR_SIM_POOL_ADD_LIVE)) {
                /* waiting definitions carry no sizes (the state directory
                 * writes them and reads them back: the parser has none) */
                pool->new_def = g_steal_pointer(&pool->def);
                pool->new_def->capacity = 0;
                pool->new_def->allocation = 0;
                pool->new_def->available = 0;
            }
            vrStoragePoolDefFree(pool->def);
            pool->def = g_steal_pointer(def);
            vrSimPoolUpdateSizes(pool);
        }
        return pool;
    }
    if (list->pools->len >= VR_SIM_POOLS_MAX) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "too many storage pools (limit %d)",
                      VR_SIM_POOLS_MAX);
        return NULL;
    }
    pool = g_new0(vrSimPool, 1);
    pool->def = g_steal_pointer(def);
    pool->volumes = g_ptr_array_new_with_free_func((GDestroyNotify)vrSimVolumeUnref);
    vrSimPoolUpdateSizes(pool);
    g_ptr_array_add(list->pools, pool);
    g_ptr_array_sort(list->pools, vrSimPoolCompare);
    return pool;
}

void
vrSimPoolListRemove(vrSimPoolList *list, vrSimPool *pool)
{
    g_ptr_array_remove(list->pools, pool);
}

/* --- volumes of a pool ---------------------------------------------------- */

vrSimVolume *
vrSimPoolFindVolume(vrSimPool *pool, const char *name)
{
    guint i;

    for (i = 0; i < pool->volumes->len; i++) {
        vrSimVolume *vol = g_ptr_array_index(pool->volumes, i);

        if (strcmp(vol->def->name, name) == 0)
            return vol;
    }
    return NULL;
}

/* The first volume of an active pool whose key (by_key) or path matches. */
static vrSimVolume *
vrSimPoolListFindVolume(vrSimPoolList *list, const char *str, bool by_key,
                        vrSimPool **pool_out)
{
    guint i, j;

    for (i = 0; i < list->pools->len; i++) {
        vrSimPool *pool = g_ptr_array_index(list->pools, i);

        for (j = 0; pool->active && j < pool->volumes->len; j++) {
            vrSimVolume *vol = g_ptr_array_index(pool->volumes, j);
            const char *have = by_key ? vol->def->key : vol->def->target.path;

            if (g_strcmp0(have, str) == 0) {
                *pool_out = pool;
                return vol;
            }
        }
    }
    return NULL;
}

vrSimVolume *
vrSimPoolListFindVolumeByKey(vrSimPoolList *list, const char *key, vrSimPool **pool)
{
    return vrSimPoolListFindVolume(list, key, true, pool);
}

vrSimVolume *
vrSimPoolListFindVolumeByPath(vrSimPoolList *list, const char *path, vrSimPool **pool)
{
    return vrSimPoolListFindVolume(list, path, false, pool);
}

static gint
vrSimVolumeCompare(gconstpointer a, gconstpointer b)
{
    const vrSimVolume *va = *(vrSimVolume *const *)a;
    const vrSimVolume *vb = *(vrSimVolume *const *)b;

    return strcmp(va->def->name, vb->def->name);
}

vrSimVolume *
vrSimPoolAddVolume(vrSimPool *pool, vrStorageVolDef *def)
{
    vrSimVolume *vol;

    if (pool->volumes->len >= VR_SIM_POOL_VOLUMES_MAX) {
        vrReportError(VIR_ERR_OPERATION_FAILED,
                      "too many volumes in storage pool '%s' (limit %d)",
                      pool->def->name, VR_SIM_POOL_VOLUMES_MAX);
        vrStorageVolDefFree(def);
        return NULL;
    }
    vol = vrSimVolumeNew(def);
    g_ptr_array_add(pool->volumes, vol);
    g_ptr_array_sort(pool->volumes, vrSimVolumeCompare);
    vrSimPoolUpdateSizes(pool);
    return vol;
}

void
vrSimPoolRemoveVolume(vrSimPool *pool, vrSimVolume *vol)
{
    g_ptr_array_remove(pool->volumes, vol);
    vrSimPoolUpdateSizes(pool);
}

/* --- node descriptions ---------------------------------------------------- */

/* An element given inline or through file='' (relative to the node file),
 * as libvirt's test driver reads them.  *doc keeps an external document. */
static xmlNode *
vrSimStorageElement(const char *file, xmlNode *node, const char *root, xmlDoc **doc)
{
    g_autofree char *ext = NULL;
    g_autofree char *path = NULL;
    g_autofree char *data = NULL;
    g_autofree char *dir = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize len = 0;

    *doc = NULL;
    if (!file || !(ext = vrXMLProp(node, "file")))
        return node;
    dir = g_path_get_dirname(file);
    path = g_path_is_absolute(ext) ? g_strdup(ext) : g_build_filename(dir, ext, NULL);
    if (!g_file_get_contents(path, &data, &len, &gerr)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "failed to read '%s': %s", path,
                      gerr->message);
        return NULL;
    }
    if (len > VR_SIM_NODE_FILE_BYTES_MAX || strlen(data) != len) {
        vrReportError(VIR_ERR_XML_ERROR, "file '%s' is not a %s document", path, root);
        return NULL;
    }
    if (!(*doc = vrXMLParseString(data, path, root)))
        return NULL;
    return xmlDocGetRootElement(*doc);
}

static int
vrSimPoolLoadVolumes(vrSimPool *pool, const char *file, xmlNode *pool_node)
{
    xmlNode *cur;

    for (cur = pool_node->children; cur; cur = cur->next) {
        vrStorageVolDef *def;
        xmlDoc *doc = NULL;
        xmlNode *el;

        if (!vrXMLIsElement(cur, "volume"))
            continue;
        if (!(el = vrSimStorageElement(file, cur, "volume", &doc)))
            return -1;
        def = vrStorageVolDefParseNode(pool->def, el, 0);
        xmlFreeDoc(doc);
        if (!def)
            return -1;
        if (!def->target.path)
            def->target.path = g_strdup_printf("%s/%s", pool->def->target_path ?
                                               pool->def->target_path : "(null)", def->name);
        if (!def->key)
            def->key = g_strdup(def->target.path);
        if (vrSimPoolFindVolume(pool, def->name)) {
            vrReportError(VIR_ERR_OPERATION_FAILED, "storage vol already exists");
            vrStorageVolDefFree(def);
            return -1;
        }
        if (!vrSimPoolAddVolume(pool, def))
            return -1;
    }
    return 0;
}

/* One <pool> of a node description: active and persistent, as the test
 * driver loads them. */
static int
vrSimPoolLoad(vrSimPoolList *list, const char *file, xmlNode *node)
{
    g_autoptr(vrStoragePoolDef) def = NULL;
    xmlDoc *doc = NULL;
    xmlNode *el;
    vrSimPool *pool;
    bool added;
    int rc = -1;

    if (!(el = vrSimStorageElement(file, node, "pool", &doc)))
        return -1;
    if (!(def = vrStoragePoolDefParseNode(el)) ||
        !(pool = vrSimPoolListAdd(list, &def, 0, &added)))
        goto cleanup;
    pool->persistent = true;
    pool->active = true;
    rc = vrSimPoolLoadVolumes(pool, file, el);
 cleanup:
    xmlFreeDoc(doc);
    return rc;
}

int
vrSimPoolListParseNode(vrSimPoolList *list, const char *file, xmlNode *root)
{
    xmlNode *cur;

    if (!file) {
        xmlDoc *doc = vrXMLParseString(vrSimDefaultPoolXML, "(test driver)", "pool");
        int rc;

        if (!doc)
            return -1;
        rc = vrSimPoolLoad(list, NULL, xmlDocGetRootElement(doc));
        xmlFreeDoc(doc);
        if (rc < 0)
            return -1;
    }
    for (cur = root->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "pool") && vrSimPoolLoad(list, file, cur) < 0)
            return -1;
    }
    return 0;
}
