/* Loading a simulated node from its state directory (layout in
 * sim/state_dir.h): persistent definitions first, then the status of what
 * was running, so that domains come back in their state with their ids.
 * Any malformed file fails the load, naming the file. */
#include "sim/state_dir.h"

#include <string.h>
#include <unistd.h>
#include <libxml/tree.h>

#include "conf/xml_util.h"
#include "sim/network_obj.h"
#include "sim/storage_obj.h"
#include "util/error.h"
#include "util/file.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_TEST

/* A file being loaded: where it is, relative and absolute, and its text. */
typedef struct {
    char *rel;
    char *path;
    char *data;
    char *name;               /* the object name its file name gives */
} vrSimStateFile;

static void vrSimStateFileClear(vrSimStateFile *f)
{
    g_free(f->rel);
    g_free(f->path);
    g_free(f->data);
    g_free(f->name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(vrSimStateFile, vrSimStateFileClear)

/* Re-report the error at hand as a problem of file f.  Returns -1. */
static int vrSimStateFileError(const vrSimStateFile *f)
{
    const virError *err = vrErrorLast();
    g_autofree char *why = g_strdup(err && err->message ? err->message : "unknown error");

    vrReportError(VIR_ERR_INTERNAL_ERROR, "cannot load state file '%s': %s", f->path, why);
    return -1;
}

static int vrSimStateFileProblem(const vrSimStateFile *f, const char *problem)
{
    vrReportError(VIR_ERR_INTERNAL_ERROR, "cannot load state file '%s': %s", f->path,
                  problem);
    return -1;
}

static gint vrSimStateCompareNames(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A FILE.new is a write that never finished (the process died before its
 * rename): FILE, if any, is still whole.  Left there it would be junk in
 * the directory for good, so the load removes it. */
static void vrSimStateDropTemp(const char *dir, const char *ent)
{
    g_autofree char *path = g_build_filename(dir, ent, NULL);

    if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
        (void)unlink(path);
}

/* The names in sub ending in suffix, sorted (the load order is fixed);
 * leftover temporary files removed on the way. */
static GPtrArray *vrSimStateList(vrSimStateDir *sd, const char *sub, const char *suffix)
{
    g_autofree char *dir = g_build_filename(vrSimStateDirPath(sd), sub, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) gerr = NULL;
    GDir *d = g_dir_open(dir, 0, &gerr);
    const char *ent;

    if (!d) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "cannot open directory '%s': %s", dir,
                      gerr->message);
        return NULL;
    }
    while ((ent = g_dir_read_name(d))) {
        if (names->len >= VR_SIM_STATE_FILES_MAX) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "directory '%s' holds more than %d files",
                          dir, VR_SIM_STATE_FILES_MAX);
            g_dir_close(d);
            return NULL;
        }
        if (g_str_has_suffix(ent, VR_SIM_STATE_TEMP_SUFFIX))
            vrSimStateDropTemp(dir, ent);
        else if (ent[0] != '.' && g_str_has_suffix(ent, suffix))
            g_ptr_array_add(names, g_strdup(ent));
    }
    g_dir_close(d);
    g_ptr_array_sort(names, vrSimStateCompareNames);
    return g_steal_pointer(&names);
}

/* Read sub/file into f; the file is remembered as written. */
static int vrSimStateFileRead(vrSimStateDir *sd, const char *sub, const char *file,
                              const char *suffix, vrSimStateFile *f)
{
    f->rel = *sub ? g_strdup_printf("%s/%s", sub, file) : g_strdup(file);
    f->path = g_build_filename(vrSimStateDirPath(sd), f->rel, NULL);
    if (!(f->name = vrSimStateDecodeName(file, suffix)))
        return vrSimStateFileProblem(f, "not a file name the sim writes");
    if (vrFileReadAll(f->path, VR_SIM_STATE_FILE_MAX_BYTES, &f->data, NULL) < 0)
        return vrSimStateFileError(f);
    vrSimStateRemember(sd, f->rel, f->data);
    return 0;
}

/* The object in a file must carry the name its file name gives. */
static int vrSimStateCheckName(const vrSimStateFile *f, const char *name)
{
    g_autofree char *problem = NULL;

    if (strcmp(f->name, name) == 0)
        return 0;
    problem = g_strdup_printf("it defines '%s', its name says '%s'", name, f->name);
    return vrSimStateFileProblem(f, problem);
}

/* Each file of sub ending in suffix, handed to load. */
typedef int (*vrSimStateLoadFunc)(vrSimNode *node, vrSimStateFile *f, void *opaque);

static int vrSimStateEach(vrSimNode *node, const char *sub, const char *suffix,
                          vrSimStateLoadFunc load, void *opaque)
{
    g_autoptr(GPtrArray) files = vrSimStateList(node->state, sub, suffix);
    guint i;

    if (!files)
        return -1;
    for (i = 0; i < files->len; i++) {
        g_auto(vrSimStateFile) f = { 0 };

        if (vrSimStateFileRead(node->state, sub, g_ptr_array_index(files, i), suffix, &f) < 0 ||
            load(node, &f, opaque) < 0)
            return -1;
    }
    return 0;
}

/* ---- domains ---- */

static int vrSimStateLoadDomain(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrDomainDef *def = vrSimDomainDefParse(f->data, VR_DOMAIN_DEF_PARSE_INACTIVE);
    vrSimDomain *dom;

    if (!def)
        return vrSimStateFileError(f);
    if (vrSimStateCheckName(f, def->name) < 0) {
        vrDomainDefFree(def);
        return -1;
    }
    if (!(dom = vrSimDomainListAdd(node->domains, def, 0, NULL))) {
        vrDomainDefFree(def);
        return vrSimStateFileError(f);
    }
    dom->persistent = true;
    vrSimDomainSetState(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN,
                        vrSimNodeNow(node));
    return 0;
}

/* An autostart or managed save marker: opaque says which. */
static int vrSimStateLoadDomainMark(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrSimDomain *dom = vrSimDomainListFindByName(node->domains, f->name);

    /* a marker of a domain that is gone is stale: the next sync removes it */
    if (!dom || !dom->persistent)
        return 0;
    if (opaque)
        dom->autostart = true;
    else
        dom->has_managed_save = true;
    return 0;
}

typedef struct {
    int state;
    int reason;
    int id;
} vrSimStateStatus;

/* <domstatus state reason id> and its <domain> as a document of its own. */
static vrDomainDef *vrSimStateParseStatus(const vrSimStateFile *f, vrSimStateStatus *st)
{
    xmlDoc *doc = vrXMLParseString(f->data, f->path, "domstatus");
    xmlNode *root, *el;
    xmlBuffer *buf = NULL;
    vrDomainDef *def = NULL;

    if (!doc)
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (vrXMLPropInt(root, "state", 10, VR_XML_PROP_REQUIRED, &st->state) < 0 ||
        vrXMLPropInt(root, "reason", 10, VR_XML_PROP_REQUIRED, &st->reason) < 0 ||
        vrXMLPropInt(root, "id", 10, VR_XML_PROP_REQUIRED, &st->id) < 0)
        goto cleanup;
    if (!(el = vrXMLChild(root, "domain"))) {
        vrReportError(VIR_ERR_XML_ERROR, "missing <domain> in <domstatus>");
        goto cleanup;
    }
    buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, el, 0, 0);
    def = vrSimDomainDefParse((const char *)xmlBufferContent(buf), 0);
 cleanup:
    if (buf)
        xmlBufferFree(buf);
    xmlFreeDoc(doc);
    return def;
}

static int vrSimStateCheckStatus(vrSimNode *node, const vrSimStateFile *f,
                                 const vrSimStateStatus *st)
{
    if (st->id <= 0)
        return vrSimStateFileProblem(f, "a running domain needs an id above 0");
    if (st->state == VIR_DOMAIN_SHUTOFF || !vrSimDomainStateValid(st->state, st->reason))
        return vrSimStateFileProblem(f, "invalid state or reason for a running domain");
    if (vrSimDomainListFindByID(node->domains, st->id))
        return vrSimStateFileProblem(f, "another running domain has its id");
    return 0;
}

/* live (consumed) runs as the domain of its name: a persistent one gets it
 * as its live definition, else it is a transient domain. */
static int vrSimStateRunDomain(vrSimNode *node, const vrSimStateFile *f, vrDomainDef *live,
                               const vrSimStateStatus *st)
{
    vrSimDomain *dom = vrSimDomainListFindByName(node->domains, live->name);

    if (dom && memcmp(dom->uuid, live->uuid, VIR_UUID_BUFLEN) != 0) {
        vrDomainDefFree(live);
        return vrSimStateFileProblem(f, "its UUID differs from the domain's definition");
    }
    if (!dom && !(dom = vrSimDomainListAdd(node->domains, live, VR_SIM_DOMAIN_ADD_LIVE,
                                           NULL))) {
        vrDomainDefFree(live);
        return vrSimStateFileError(f);
    }
    vrSimDomainStart(dom, st->id, VIR_DOMAIN_RUNNING_UNKNOWN, vrSimNodeNow(node));
    if (dom->def != live) {
        vrDomainDefFree(dom->def);
        dom->def = live;
        live->id = st->id;
    }
    vrSimDomainSetState(dom, st->state, st->reason, vrSimNodeNow(node));
    node->next_id = MAX(node->next_id, st->id + 1);
    return 0;
}

static int vrSimStateLoadStatus(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrSimStateStatus st = { 0 };
    vrDomainDef *live = vrSimStateParseStatus(f, &st);

    if (!live)
        return vrSimStateFileError(f);
    if (vrSimStateCheckName(f, live->name) < 0 || vrSimStateCheckStatus(node, f, &st) < 0) {
        vrDomainDefFree(live);
        return -1;
    }
    return vrSimStateRunDomain(node, f, live, &st);
}

/* ---- networks ---- */

static int vrSimStateLoadNetwork(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrNetworkDef *def = vrNetworkDefParseString(f->data, 0);

    if (!def)
        return vrSimStateFileError(f);
    if (vrSimStateCheckName(f, def->name) < 0) {
        vrNetworkDefFree(def);
        return -1;
    }
    if (!vrSimNetworkListAdd(node->networks, def, 0)) {
        vrNetworkDefFree(def);
        return vrSimStateFileError(f);
    }
    return 0;
}

static int vrSimStateLoadNetworkMark(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrSimNetwork *net = vrSimNetworkFindByName(node->networks, f->name);

    if (net && net->persistent)
        net->autostart = true;
    return 0;
}

static int vrSimStateLoadNetworkStatus(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrNetworkDef *live = vrNetworkDefParseString(f->data, 0);
    vrSimNetwork *net;

    if (!live)
        return vrSimStateFileError(f);
    if (vrSimStateCheckName(f, live->name) < 0)
        goto error;
    net = vrSimNetworkFindByName(node->networks, live->name);
    if (net && memcmp(net->uuid, live->uuid, VIR_UUID_BUFLEN) != 0) {
        vrSimStateFileProblem(f, "its UUID differs from the network's definition");
        goto error;
    }
    if (!net) {
        if (!(net = vrSimNetworkListAdd(node->networks, live, VR_SIM_NETWORK_ADD_LIVE))) {
            vrSimStateFileError(f);
            goto error;
        }
        vrSimNetworkStart(net);
        return 0;
    }
    vrSimNetworkStart(net);
    vrNetworkDefFree(net->def);
    net->def = live;
    return 0;
 error:
    vrNetworkDefFree(live);
    return -1;
}

/* ---- pools and volumes ---- */

static int vrSimStateLoadPool(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    g_autoptr(vrStoragePoolDef) def = vrStoragePoolDefParseString(f->data, 0);
    vrSimPool *pool;
    bool added;

    if (!def)
        return vrSimStateFileError(f);
    if (vrSimStateCheckName(f, def->name) < 0)
        return -1;
    if (!(pool = vrSimPoolListAdd(node->pools, &def, 0, &added)))
        return vrSimStateFileError(f);
    pool->persistent = true;
    return 0;
}

static int vrSimStateLoadPoolMark(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrSimPool *pool = vrSimPoolFindByName(node->pools, f->name);

    if (pool && pool->persistent)
        pool->autostart = true;
    return 0;
}

/* A running pool: the status holds its live definition; a persistent one
 * keeps its configuration as the definition to return to only when the
 * two differ (a definition waiting for the pool to stop). */
static int vrSimStateLoadPoolStatus(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    g_autoptr(vrStoragePoolDef) live = vrStoragePoolDefParseString(f->data, 0);
    g_autofree char *config_rel = NULL;
    const char *config;
    vrSimPool *pool;
    bool added;

    if (!live)
        return vrSimStateFileError(f);
    if (vrSimStateCheckName(f, live->name) < 0)
        return -1;
    if (!(pool = vrSimPoolFindByName(node->pools, live->name))) {
        if (!(pool = vrSimPoolListAdd(node->pools, &live, VR_SIM_POOL_ADD_LIVE, &added)))
            return vrSimStateFileError(f);
        pool->active = true;
        return 0;
    }
    if (memcmp(pool->def->uuid, live->uuid, VIR_UUID_BUFLEN) != 0)
        return vrSimStateFileProblem(f, "its UUID differs from the pool's definition");
    config_rel = g_strdup_printf("storage/%s", strrchr(f->rel, '/') + 1);
    config = vrSimStateWritten(node->state, config_rel);
    if (!config || strcmp(config, f->data) != 0) {
        /* the definition waiting is the file as written: the one loaded
         * from it had the pool's sizes filled in (vrSimPoolListAdd) */
        vrStoragePoolDef *waiting = config ? vrStoragePoolDefParseString(config, 0) : NULL;

        if (config && !waiting)
            return vrSimStateFileError(f);
        if (waiting)
            vrStoragePoolDefFree(pool->def);
        pool->new_def = waiting ? waiting : g_steal_pointer(&pool->def);
        pool->def = g_steal_pointer(&live);
    }
    pool->active = true;
    vrSimPoolUpdateSizes(pool);
    return 0;
}

static int vrSimStateLoadVolume(vrSimNode *node, vrSimStateFile *f, void *opaque)
{
    vrSimPool *pool = opaque;
    vrStorageVolDef *def = vrStorageVolDefParseString(pool->def, f->data, 0);

    if (!def)
        return vrSimStateFileError(f);
    if (vrSimStateCheckName(f, def->name) < 0 || vrSimPoolFindVolume(pool, def->name)) {
        vrStorageVolDefFree(def);
        return vrSimStateFileProblem(f, "not a volume the pool can take");
    }
    if (!def->target.path)
        vrStorageVolDefPlaceInPool(pool->def, def);
    if (!vrSimPoolAddVolume(pool, def))
        return vrSimStateFileError(f);
    return 0;
}

/* storage/volumes/POOL/ for every pool directory there. */
static int vrSimStateLoadVolumes(vrSimNode *node)
{
    g_autoptr(GPtrArray) dirs = vrSimStateList(node->state, "storage/volumes", "");
    guint i;

    if (!dirs)
        return -1;
    for (i = 0; i < dirs->len; i++) {
        const char *enc = g_ptr_array_index(dirs, i);
        g_autofree char *sub = g_strdup_printf("storage/volumes/%s", enc);
        g_autofree char *name = vrSimStateDecodeName(enc, "");
        vrSimPool *pool = name ? vrSimPoolFindByName(node->pools, name) : NULL;

        if (!pool) {
            g_autofree char *path = g_build_filename(vrSimStateDirPath(node->state), sub,
                                                     NULL);

            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "cannot load state directory '%s': no storage pool '%s'",
                          path, name ? name : enc);
            return -1;
        }
        if (vrSimStateEach(node, sub, ".xml", vrSimStateLoadVolume, pool) < 0)
            return -1;
    }
    return 0;
}

int vrSimStateLoad(vrSimNode *node)
{
    static int autostart = 1;

    if (vrSimStateEach(node, "", ".xml", vrSimStateLoadDomain, NULL) < 0 ||
        vrSimStateEach(node, "autostart", ".xml", vrSimStateLoadDomainMark, &autostart) < 0 ||
        vrSimStateEach(node, "save", ".save", vrSimStateLoadDomainMark, NULL) < 0 ||
        vrSimStateEach(node, "networks", ".xml", vrSimStateLoadNetwork, NULL) < 0 ||
        vrSimStateEach(node, "networks/autostart", ".xml", vrSimStateLoadNetworkMark,
                       NULL) < 0 ||
        vrSimStateEach(node, "storage", ".xml", vrSimStateLoadPool, NULL) < 0 ||
        vrSimStateEach(node, "storage/autostart", ".xml", vrSimStateLoadPoolMark, NULL) < 0 ||
        vrSimStateEach(node, "run/storage", ".xml", vrSimStateLoadPoolStatus, NULL) < 0 ||
        vrSimStateLoadVolumes(node) < 0 ||
        vrSimStateEach(node, "run/networks", ".xml", vrSimStateLoadNetworkStatus, NULL) < 0 ||
        vrSimStateEach(node, "run", ".xml", vrSimStateLoadStatus, NULL) < 0)
        return -1;
    return 0;
}
