/* A simulated node's state directory: opening and locking it, atomic file
 * replacement with a fixed temporary name (PATH.new, as libvirt's
 * virFileRewrite), the define fault points, and the sync that keeps the
 * files equal to what the node holds in memory. */
#include "sim/state_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sim/network_obj.h"
#include "sim/storage_obj.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_STATE_DIR_MODE 0700
#define VR_SIM_STATE_FILE_MODE 0600

struct vrSimStateDir {
    char *path;
    int lock_fd;
    GHashTable *written;      /* relative path -> content on disk */
};

/* Subdirectories, created on open. */
static const char *const vrSimStateSubdirs[] = {
    "autostart", "save", "run", "run/networks", "run/storage",
    "networks", "networks/autostart", "storage", "storage/autostart", "storage/volumes",
};

/* Where each kind's definitions live, relative to the directory. */
static const char *const vrSimStateKindDirs[VR_SIM_STATE_KIND_LAST] = {
    [VR_SIM_STATE_DOMAIN] = "",
    [VR_SIM_STATE_NETWORK] = "networks/",
    [VR_SIM_STATE_POOL] = "storage/",
};

/* ---- names ---- */

char *vrSimStateEncodeName(const char *name)
{
    GString *out = g_string_new(NULL);
    const char *p;

    for (p = name; *p; p++) {
        if (*p == '%')
            g_string_append(out, "%25");
        else if (*p == '/')
            g_string_append(out, "%2F");
        else if (*p == '.' && p == name)
            g_string_append(out, "%2E");
        else
            g_string_append_c(out, *p);
    }
    return g_string_free(out, FALSE);
}

char *vrSimStateDecodeName(const char *file, const char *suffix)
{
    g_autofree char *stem = NULL;
    GString *out;
    const char *p;

    if (!g_str_has_suffix(file, suffix) || file[0] == '.')
        return NULL;
    stem = g_strndup(file, strlen(file) - strlen(suffix));
    out = g_string_new(NULL);
    for (p = stem; *p; p++) {
        if (g_str_has_prefix(p, "%25") || g_str_has_prefix(p, "%2F") ||
            g_str_has_prefix(p, "%2E")) {
            g_string_append_c(out, p[2] == '5' ? '%' : p[2] == 'F' ? '/' : '.');
            p += 2;
        } else {
            g_string_append_c(out, *p);
        }
    }
    if (out->len == 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

/* rel for a kind's file in sub ("" or "autostart/"), e.g. "networks/autostart/n.xml". */
static char *vrSimStateRel(vrSimStateKind kind, const char *sub, const char *name)
{
    g_autofree char *enc = vrSimStateEncodeName(name);

    return g_strdup_printf("%s%s%s.xml", vrSimStateKindDirs[kind], sub, enc);
}

const char *vrSimStateDirPath(const vrSimStateDir *sd)
{
    return sd->path;
}

char *vrSimStateConfigPath(const vrSimStateDir *sd, vrSimStateKind kind, const char *name)
{
    g_autofree char *rel = vrSimStateRel(kind, "", name);

    return g_build_filename(sd ? sd->path : VR_SIM_STATE_DIR, rel, NULL);
}

char *vrSimStateManagedSavePath(const vrSimStateDir *sd, const char *name)
{
    g_autofree char *enc = vrSimStateEncodeName(name);
    g_autofree char *file = g_strdup_printf("%s.save", enc);

    return g_build_filename(sd ? sd->path : VR_SIM_STATE_DIR, "save", file, NULL);
}

void vrSimStateRemember(vrSimStateDir *sd, const char *rel, const char *content)
{
    g_hash_table_insert(sd->written, g_strdup(rel), g_strdup(content));
}

const char *vrSimStateWritten(const vrSimStateDir *sd, const char *rel)
{
    return g_hash_table_lookup(sd->written, rel);
}

/* ---- files ---- */

static int vrSimStateWriteAll(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= n;
    }
    return 0;
}

/* Replace path with data: PATH.new written, synced and renamed over it,
 * then the directory synced.  The temporary file never outlives a failure. */
static int vrSimStateReplace(const char *path, const char *data)
{
    g_autofree char *tmp = g_strconcat(path, VR_SIM_STATE_TEMP_SUFFIX, NULL);
    g_autofree char *dir = g_path_get_dirname(path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, VR_SIM_STATE_FILE_MODE);
    int dfd;

    if (fd < 0) {
        vrReportSystemError(errno, "cannot create file '%s'", tmp);
        return -1;
    }
    if (vrSimStateWriteAll(fd, data, strlen(data)) < 0 || fsync(fd) < 0) {
        vrReportSystemError(errno, "cannot write data to file '%s'", tmp);
        close(fd);
        unlink(tmp);
        return -1;
    }
    if (close(fd) < 0 || rename(tmp, path) < 0) {
        vrReportSystemError(errno, "cannot rename file '%s' as '%s'", tmp, path);
        unlink(tmp);
        return -1;
    }
    if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
        (void)fsync(dfd);             /* durability only: the rename is done */
        close(dfd);
    }
    return 0;
}

/* A write that fails halfway: half of data reaches PATH.new, which is then
 * removed (what a full disk leaves behind: nothing). */
static void vrSimStateTornWrite(const char *tmp, const char *data)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, VR_SIM_STATE_FILE_MODE);

    if (fd >= 0) {
        (void)vrSimStateWriteAll(fd, data, strlen(data) / 2);
        close(fd);
    }
    unlink(tmp);
}

static int vrSimStateMkdir(const char *path)
{
    if (g_mkdir_with_parents(path, VR_SIM_STATE_DIR_MODE) < 0) {
        vrReportSystemError(errno, "cannot create directory '%s'", path);
        return -1;
    }
    return 0;
}

bool vrSimStateWriteWanted(const vrSimNode *node, vrSimFaultPoint point)
{
    return node->state || vrSimFaultPlanWatches(node->faults, point);
}

int vrSimStateWriteConfig(vrSimNode *node, vrSimStateKind kind, const char *name,
                          const char *xml, vrSimFaultPoint point)
{
    vrSimStateDir *sd = node->state;
    g_autofree char *path = vrSimStateConfigPath(sd, kind, name);
    g_autofree char *tmp = g_strconcat(path, VR_SIM_STATE_TEMP_SUFFIX, NULL);
    g_autofree char *rel = NULL;
    vrSimFaultCtx ctx = { .dom = name, .path = tmp };
    const vrSimFaultRule *rule = vrSimFaultFire(node->faults, point, &ctx);

    if (rule && !vrSimFaultRuleIsSlow(rule)) {
        if (sd)
            vrSimStateTornWrite(tmp, xml);
        return vrSimFaultReport(rule, &ctx);
    }
    if (!sd)
        return 0;
    if (vrSimStateReplace(path, xml) < 0)
        return -1;
    rel = vrSimStateRel(kind, "", name);
    vrSimStateRemember(sd, rel, xml);
    return 0;
}

/* ---- open ---- */

/* Whether dir holds anything but the lock file. */
static int vrSimStateDirIsEmpty(const char *dir, bool *empty)
{
    g_autoptr(GError) gerr = NULL;
    GDir *d = g_dir_open(dir, 0, &gerr);
    const char *ent;

    if (!d) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "cannot open directory '%s': %s", dir,
                      gerr->message);
        return -1;
    }
    *empty = true;
    while ((ent = g_dir_read_name(d))) {
        if (strcmp(ent, VR_SIM_STATE_LOCK) != 0)
            *empty = false;
    }
    g_dir_close(d);
    return 0;
}

static int vrSimStateCheckStamp(const char *dir, bool *fresh)
{
    g_autofree char *stamp = g_build_filename(dir, VR_SIM_STATE_STAMP, NULL);
    g_autofree char *text = NULL;
    bool empty;

    if (g_file_test(stamp, G_FILE_TEST_EXISTS)) {
        if (!g_file_get_contents(stamp, &text, NULL, NULL) ||
            strcmp(text, VR_SIM_STATE_STAMP_TEXT) != 0) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "state directory '%s': '%s' is not a vireo-sim state stamp "
                          "(expected '%s')", dir, stamp, "vireo-sim state 1");
            return -1;
        }
        *fresh = false;
        return 0;
    }
    if (vrSimStateDirIsEmpty(dir, &empty) < 0)
        return -1;
    if (!empty) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "state directory '%s' holds files but no '%s': not a vireo-sim "
                      "state directory", dir, VR_SIM_STATE_STAMP);
        return -1;
    }
    *fresh = true;
    return 0;
}

static int vrSimStateLock(vrSimStateDir *sd)
{
    g_autofree char *lock = g_build_filename(sd->path, VR_SIM_STATE_LOCK, NULL);

    sd->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, VR_SIM_STATE_FILE_MODE);
    if (sd->lock_fd < 0) {
        vrReportSystemError(errno, "cannot create file '%s'", lock);
        return -1;
    }
    if (flock(sd->lock_fd, LOCK_EX | LOCK_NB) < 0) {
        if (errno == EWOULDBLOCK)
            vrReportError(VIR_ERR_OPERATION_INVALID,
                          "state directory '%s' is in use by another node", sd->path);
        else
            vrReportSystemError(errno, "cannot lock file '%s'", lock);
        return -1;
    }
    return 0;
}

vrSimStateDir *vrSimStateDirOpen(const char *dir, bool *fresh)
{
    vrSimStateDir *sd = g_new0(vrSimStateDir, 1);
    size_t i;

    sd->path = g_strdup(dir);
    sd->lock_fd = -1;
    sd->written = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    if (vrSimStateMkdir(dir) < 0 || vrSimStateLock(sd) < 0 ||
        vrSimStateCheckStamp(dir, fresh) < 0)
        goto error;
    for (i = 0; i < G_N_ELEMENTS(vrSimStateSubdirs); i++) {
        g_autofree char *sub = g_build_filename(dir, vrSimStateSubdirs[i], NULL);

        if (vrSimStateMkdir(sub) < 0)
            goto error;
    }
    return sd;
 error:
    vrSimStateDirFree(sd);
    return NULL;
}

void vrSimStateDirFree(vrSimStateDir *sd)
{
    if (!sd)
        return;
    if (sd->lock_fd >= 0)
        close(sd->lock_fd);            /* releases the flock */
    g_hash_table_destroy(sd->written);
    g_free(sd->path);
    g_free(sd);
}

/* ---- what the files should hold ---- */

static void vrSimStateWant(GHashTable *want, char *rel, char *content)
{
    g_hash_table_insert(want, rel, content);
}

/* <domstatus> around the live definition, indented as libvirt nests it. */
static char *vrSimStateDomainStatus(const vrSimDomain *dom)
{
    g_autofree char *xml = vrDomainDefFormat(dom->def, VR_DOMAIN_DEF_FORMAT_SECURE);
    g_auto(GStrv) lines = NULL;
    GString *out;
    size_t i;

    if (!xml)
        return NULL;
    out = g_string_new(NULL);
    g_string_append_printf(out, "<domstatus state='%d' reason='%d' id='%d'>\n",
                           dom->state, dom->reason, dom->def->id);
    lines = g_strsplit(xml, "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (*lines[i])
            g_string_append_printf(out, "  %s\n", lines[i]);
    }
    g_string_append(out, "</domstatus>\n");
    return g_string_free(out, FALSE);
}

static int vrSimStateWantDomains(vrSimNode *node, GHashTable *want)
{
    g_autoptr(GPtrArray) all = vrSimDomainListSorted(node->domains);
    guint i;

    for (i = 0; i < all->len; i++) {
        vrSimDomain *dom = g_ptr_array_index(all, i);
        g_autofree char *enc = vrSimStateEncodeName(dom->name);
        char *xml;

        if (dom->persistent) {
            if (!(xml = vrDomainDefFormat(vrSimDomainInactiveDef(dom),
                                          VR_DOMAIN_DEF_FORMAT_SECURE |
                                          VR_DOMAIN_DEF_FORMAT_INACTIVE)))
                return -1;
            vrSimStateWant(want, g_strdup_printf("%s.xml", enc), xml);
            if (dom->autostart)
                vrSimStateWant(want, g_strdup_printf("autostart/%s.xml", enc), g_strdup(""));
            if (dom->has_managed_save)
                vrSimStateWant(want, g_strdup_printf("save/%s.save", enc), g_strdup(""));
        }
        if (vrSimDomainIsActive(dom)) {
            if (!(xml = vrSimStateDomainStatus(dom)))
                return -1;
            vrSimStateWant(want, g_strdup_printf("run/%s.xml", enc), xml);
        }
    }
    return 0;
}

static int vrSimStateWantNetworks(vrSimNode *node, GHashTable *want)
{
    g_autoptr(GPtrArray) all = vrSimNetworkListSorted(node->networks);
    guint i;

    for (i = 0; i < all->len; i++) {
        vrSimNetwork *net = g_ptr_array_index(all, i);
        g_autofree char *enc = vrSimStateEncodeName(net->name);
        char *xml;

        if (net->persistent) {
            if (!(xml = vrNetworkDefFormat(net->new_def ? net->new_def : net->def)))
                return -1;
            vrSimStateWant(want, g_strdup_printf("networks/%s.xml", enc), xml);
            if (net->autostart)
                vrSimStateWant(want, g_strdup_printf("networks/autostart/%s.xml", enc),
                               g_strdup(""));
        }
        if (net->active) {
            if (!(xml = vrNetworkDefFormat(net->def)))
                return -1;
            vrSimStateWant(want, g_strdup_printf("run/networks/%s.xml", enc), xml);
        }
    }
    return 0;
}

static int vrSimStateWantVolumes(const vrSimPool *pool, const char *enc, GHashTable *want)
{
    guint i;

    for (i = 0; i < pool->volumes->len; i++) {
        const vrSimVolume *vol = g_ptr_array_index(pool->volumes, i);
        g_autofree char *venc = vrSimStateEncodeName(vol->def->name);
        char *xml;

        if (!(xml = vrStorageVolDefFormat(pool->def, vol->def)))
            return -1;
        vrSimStateWant(want, g_strdup_printf("storage/volumes/%s/%s.xml", enc, venc), xml);
    }
    return 0;
}

static int vrSimStateWantPools(vrSimNode *node, GHashTable *want)
{
    GPtrArray *all = vrSimPoolListPools(node->pools);
    guint i;

    for (i = 0; i < all->len; i++) {
        vrSimPool *pool = g_ptr_array_index(all, i);
        g_autofree char *enc = vrSimStateEncodeName(pool->def->name);
        char *xml;

        if (pool->persistent) {
            if (!(xml = vrStoragePoolDefFormat(pool->new_def ? pool->new_def : pool->def)))
                return -1;
            vrSimStateWant(want, g_strdup_printf("storage/%s.xml", enc), xml);
            if (pool->autostart)
                vrSimStateWant(want, g_strdup_printf("storage/autostart/%s.xml", enc),
                               g_strdup(""));
        }
        if (pool->active) {
            if (!(xml = vrStoragePoolDefFormat(pool->def)))
                return -1;
            vrSimStateWant(want, g_strdup_printf("run/storage/%s.xml", enc), xml);
        }
        if ((pool->persistent || pool->active) &&
            vrSimStateWantVolumes(pool, enc, want) < 0)
            return -1;
    }
    return 0;
}

/* ---- sync ---- */

/* Write rel unless the disk already holds content. */
static int vrSimStatePut(vrSimStateDir *sd, const char *rel, const char *content)
{
    const char *have = g_hash_table_lookup(sd->written, rel);
    g_autofree char *path = NULL;
    g_autofree char *dir = NULL;

    if (have && strcmp(have, content) == 0)
        return 0;
    path = g_build_filename(sd->path, rel, NULL);
    dir = g_path_get_dirname(path);
    if (vrSimStateMkdir(dir) < 0 || vrSimStateReplace(path, content) < 0)
        return -1;
    vrSimStateRemember(sd, rel, content);
    return 0;
}

/* Remove rel (and a volume directory it leaves empty). */
static int vrSimStateDrop(vrSimStateDir *sd, const char *rel)
{
    g_autofree char *path = g_build_filename(sd->path, rel, NULL);

    if (unlink(path) < 0 && errno != ENOENT) {
        vrReportSystemError(errno, "cannot remove file '%s'", path);
        return -1;
    }
    if (g_str_has_prefix(rel, "storage/volumes/")) {
        g_autofree char *dir = g_path_get_dirname(path);

        (void)g_rmdir(dir);           /* only succeeds once it is empty */
    }
    g_hash_table_remove(sd->written, rel);
    return 0;
}

static gint vrSimStateCompareKeys(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of table, sorted: files change in a fixed order. */
static GPtrArray *vrSimStateSortedKeys(GHashTable *table)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init(&iter, table);
    while (g_hash_table_iter_next(&iter, &key, NULL))
        g_ptr_array_add(keys, g_strdup(key));
    g_ptr_array_sort(keys, vrSimStateCompareKeys);
    return keys;
}

static int vrSimStateApply(vrSimStateDir *sd, GHashTable *want, bool strict)
{
    g_autoptr(GPtrArray) stale = vrSimStateSortedKeys(sd->written);
    g_autoptr(GPtrArray) keys = vrSimStateSortedKeys(want);
    int ret = 0;
    guint i;

    for (i = 0; i < stale->len; i++) {
        const char *rel = g_ptr_array_index(stale, i);

        if (!g_hash_table_contains(want, rel) && vrSimStateDrop(sd, rel) < 0) {
            ret = -1;
            if (strict)
                return -1;
        }
    }
    for (i = 0; i < keys->len; i++) {
        const char *rel = g_ptr_array_index(keys, i);

        if (vrSimStatePut(sd, rel, g_hash_table_lookup(want, rel)) < 0) {
            ret = -1;
            if (strict)
                return -1;
        }
    }
    return ret;
}

int vrSimStateSync(vrSimNode *node, bool strict)
{
    g_autoptr(GHashTable) want = NULL;
    virErrorPtr saved = NULL;
    int ret;

    if (!node->state)
        return 0;
    if (!strict)
        saved = vrErrorSave();
    want = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ret = vrSimStateWantDomains(node, want) < 0 || vrSimStateWantNetworks(node, want) < 0 ||
          vrSimStateWantPools(node, want) < 0 ? -1 : 0;
    if (ret == 0)
        ret = vrSimStateApply(node->state, want, strict);
    if (!strict) {
        if (saved)
            vrErrorRestore(&saved);
        else
            vrErrorReset();
    }
    return ret;
}

int vrSimStateInit(vrSimNode *node)
{
    g_autofree char *stamp = g_build_filename(node->state->path, VR_SIM_STATE_STAMP, NULL);

    if (vrSimStateSync(node, true) < 0)
        return -1;
    /* last: a directory without its stamp was never complete */
    return vrSimStateReplace(stamp, VR_SIM_STATE_STAMP_TEXT);
}
