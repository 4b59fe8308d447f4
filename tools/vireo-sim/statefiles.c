/* vireo-sim's check of the node's state directory, read from disk after
 * every step: each persistent definition, autostart and managed save
 * marker and runtime status file equals what the public API shows, no file
 * outlives its object, no temporary file is left, and a failed operation
 * changes no file (docs/simulation.md, "The state directory"). */
#include "vsim.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#define VS_STATE_STAMP "vireo-sim-state"
#define VS_STATE_STAMP_TEXT "vireo-sim state 1\n"
#define VS_STATE_LOCK ".lock"
#define VS_STATE_TEMP_SUFFIX ".new"
#define VS_STATE_DEPTH_MAX 4          /* storage/volumes/POOL/VOL.xml */
#define VS_STATE_FILES_MAX 10000      /* files read per step */
#define VS_TOUCH_LINE "<!-- VIREO_SIM_TEST_TOUCH_STATE -->"

struct vsStateFiles {
    GHashTable *before;        /* relative path -> content, after the last step */
    GHashTable *pending;       /* pool name -> its storage/NAME.xml while a new
                                * definition waits for the running pool to stop
                                * (the API cannot show that definition) */
};

vsStateFiles *vsStateFilesNew(void)
{
    vsStateFiles *files = g_new0(vsStateFiles, 1);

    files->before = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    files->pending = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return files;
}

void vsStateFilesFree(vsStateFiles *files)
{
    if (!files)
        return;
    g_hash_table_destroy(files->before);
    g_hash_table_destroy(files->pending);
    g_free(files);
}

char *vsStateEncode(const char *name)
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

/* ---- reading the directory ---- */

/* Every file under dir/rel into files (relative path -> content). */
static void vsStateRead(vsRun *run, const char *dir, const char *rel, guint depth,
                        GHashTable *files)
{
    g_autofree char *path = rel ? g_build_filename(dir, rel, NULL) : g_strdup(dir);
    g_autoptr(GDir) gdir = g_dir_open(path, 0, NULL);
    const char *entry;

    if (!gdir) {
        vsViolation(run, "state files: cannot read '%s'", path);
        return;
    }
    while ((entry = g_dir_read_name(gdir))) {
        g_autofree char *sub = rel ? g_build_filename(rel, entry, NULL) : g_strdup(entry);
        g_autofree char *full = g_build_filename(dir, sub, NULL);
        char *content = NULL;

        if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
            if (depth >= VS_STATE_DEPTH_MAX)
                vsViolation(run, "state files: unexpected directory '%s'", sub);
            else
                vsStateRead(run, dir, sub, depth + 1, files);
            continue;
        }
        if (!rel && strcmp(entry, VS_STATE_LOCK) == 0)
            continue;
        if (g_hash_table_size(files) >= VS_STATE_FILES_MAX ||
            !g_file_get_contents(full, &content, NULL, NULL)) {
            vsViolation(run, "state files: cannot read '%s'", sub);
            continue;
        }
        g_hash_table_insert(files, g_steal_pointer(&sub), content);
    }
}

/* ---- what the files should hold, from the API ---- */

static void vsWant(GHashTable *want, char *rel, char *content)
{
    g_hash_table_replace(want, rel, content ? content : g_strdup("(the API failed)"));
}

/* <domstatus> around the live XML, each non-empty line indented two spaces. */
static char *vsDomainStatus(virDomainPtr dom)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE);
    g_auto(GStrv) lines = NULL;
    GString *out;
    int state = -1, reason = -1;
    size_t i;

    if (!xml || virDomainGetState(dom, &state, &reason, 0) < 0)
        return NULL;
    out = g_string_new(NULL);
    g_string_append_printf(out, "<domstatus state='%d' reason='%d' id='%d'>\n", state,
                           reason, (int)virDomainGetID(dom));
    lines = g_strsplit(xml, "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (*lines[i])
            g_string_append_printf(out, "  %s\n", lines[i]);
    }
    g_string_append(out, "</domstatus>\n");
    return g_string_free(out, FALSE);
}

static void vsWantDomains(vsRun *run, GHashTable *want)
{
    virDomainPtr *doms = NULL;
    int i, n = virConnectListAllDomains(run->conn, &doms, 0);

    for (i = 0; i < n; i++) {
        g_autofree char *enc = vsStateEncode(virDomainGetName(doms[i]));
        int autostart = 0;

        if (virDomainIsPersistent(doms[i]) == 1) {
            vsWant(want, g_strdup_printf("%s.xml", enc),
                   virDomainGetXMLDesc(doms[i], VIR_DOMAIN_XML_INACTIVE |
                                                VIR_DOMAIN_XML_SECURE));
            if (virDomainGetAutostart(doms[i], &autostart) == 0 && autostart)
                vsWant(want, g_strdup_printf("autostart/%s.xml", enc), g_strdup(""));
            if (virDomainHasManagedSaveImage(doms[i], 0) == 1)
                vsWant(want, g_strdup_printf("save/%s.save", enc), g_strdup(""));
        }
        if (virDomainIsActive(doms[i]) == 1)
            vsWant(want, g_strdup_printf("run/%s.xml", enc), vsDomainStatus(doms[i]));
        virDomainFree(doms[i]);
    }
    g_free(doms);
}

static void vsWantNetworks(vsRun *run, GHashTable *want)
{
    virNetworkPtr *nets = NULL;
    int i, n = virConnectListAllNetworks(run->conn, &nets, 0);

    for (i = 0; i < n; i++) {
        g_autofree char *enc = vsStateEncode(virNetworkGetName(nets[i]));
        int autostart = 0;

        if (virNetworkIsPersistent(nets[i]) == 1) {
            vsWant(want, g_strdup_printf("networks/%s.xml", enc),
                   virNetworkGetXMLDesc(nets[i], VIR_NETWORK_XML_INACTIVE));
            if (virNetworkGetAutostart(nets[i], &autostart) == 0 && autostart)
                vsWant(want, g_strdup_printf("networks/autostart/%s.xml", enc),
                       g_strdup(""));
        }
        if (virNetworkIsActive(nets[i]) == 1)
            vsWant(want, g_strdup_printf("run/networks/%s.xml", enc),
                   virNetworkGetXMLDesc(nets[i], 0));
        virNetworkFree(nets[i]);
    }
    g_free(nets);
}

/* The volume files of an active pool, from the API. */
static void vsWantVolumes(virStoragePoolPtr pool, const char *enc, GHashTable *want)
{
    virStorageVolPtr *vols = NULL;
    int i, n = virStoragePoolListAllVolumes(pool, &vols, 0);

    for (i = 0; i < n; i++) {
        g_autofree char *venc = vsStateEncode(virStorageVolGetName(vols[i]));

        vsWant(want, g_strdup_printf("storage/volumes/%s/%s.xml", enc, venc),
               virStorageVolGetXMLDesc(vols[i], 0));
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
}

/* The volume files of a stopped persistent pool cannot change: as before. */
static void vsWantVolumesAsBefore(vsRun *run, const char *enc, GHashTable *want)
{
    g_autofree char *prefix = g_strdup_printf("storage/volumes/%s/", enc);
    GHashTableIter iter;
    gpointer rel, content;

    g_hash_table_iter_init(&iter, run->state_files->before);
    while (g_hash_table_iter_next(&iter, &rel, &content)) {
        if (g_str_has_prefix(rel, prefix) && !strchr((char *)rel + strlen(prefix), '/'))
            vsWant(want, g_strdup(rel), g_strdup(content));
    }
}

/* storage/NAME.xml of a persistent pool: its XML, or while a definition
 * waits for the running pool to stop, that one -- which the API cannot
 * show: the file as the define on the running pool (or the create over
 * the stopped pool) wrote it, held until the pool stops. */
static char *vsPoolDefinition(vsRun *run, virStoragePoolPtr pool, bool active,
                              const vsOp *op, const vsResult *res, GHashTable *files)
{
    const char *name = virStoragePoolGetName(pool);
    g_autofree char *enc = vsStateEncode(name);
    g_autofree char *rel = g_strdup_printf("storage/%s.xml", enc);
    bool this_pool = op && res->ok && op->name && strcmp(op->name, name) == 0;
    const char *written = g_hash_table_lookup(files, rel);

    if (!active)
        g_hash_table_remove(run->state_files->pending, name);
    else if (this_pool && (op->kind == VS_OP_POOL_DEFINE || op->kind == VS_OP_POOL_CREATE))
        g_hash_table_replace(run->state_files->pending, g_strdup(name),
                             g_strdup(written ? written : ""));
    if (g_hash_table_contains(run->state_files->pending, name))
        return g_strdup(g_hash_table_lookup(run->state_files->pending, name));
    return virStoragePoolGetXMLDesc(pool, 0);
}

static void vsWantPools(vsRun *run, const vsOp *op, const vsResult *res, GHashTable *files,
                        GHashTable *want)
{
    virStoragePoolPtr *pools = NULL;
    int i, n = virConnectListAllStoragePools(run->conn, &pools, 0);

    for (i = 0; i < n; i++) {
        g_autofree char *enc = vsStateEncode(virStoragePoolGetName(pools[i]));
        bool active = virStoragePoolIsActive(pools[i]) == 1;
        bool persistent = virStoragePoolIsPersistent(pools[i]) == 1;
        int autostart = 0;

        if (!persistent)
            g_hash_table_remove(run->state_files->pending, virStoragePoolGetName(pools[i]));
        if (persistent) {
            vsWant(want, g_strdup_printf("storage/%s.xml", enc),
                   vsPoolDefinition(run, pools[i], active, op, res, files));
            if (virStoragePoolGetAutostart(pools[i], &autostart) == 0 && autostart)
                vsWant(want, g_strdup_printf("storage/autostart/%s.xml", enc),
                       g_strdup(""));
        }
        if (active) {
            vsWant(want, g_strdup_printf("run/storage/%s.xml", enc),
                   virStoragePoolGetXMLDesc(pools[i], 0));
            vsWantVolumes(pools[i], enc, want);
        } else if (persistent) {
            vsWantVolumesAsBefore(run, enc, want);
        }
        virStoragePoolFree(pools[i]);
    }
    g_free(pools);
}

/* ---- the checks ---- */

/* The file set equals want, byte for byte. */
static void vsCompareFiles(vsRun *run, GHashTable *files, GHashTable *want)
{
    GHashTableIter iter;
    gpointer rel, content;

    g_hash_table_iter_init(&iter, want);
    while (g_hash_table_iter_next(&iter, &rel, &content)) {
        const char *have = g_hash_table_lookup(files, rel);

        run->invariants++;
        if (!have)
            vsViolation(run, "state files: '%s' is missing", (char *)rel);
        else if (strcmp(have, content) != 0) {
            g_autofree char *diff = vsFirstLineDiff(content, have);

            vsViolation(run, "state files: '%s' differs from what the API shows: %s",
                        (char *)rel, diff);
        }
    }
    g_hash_table_iter_init(&iter, files);
    while (g_hash_table_iter_next(&iter, &rel, &content)) {
        run->invariants++;
        if (g_str_has_suffix(rel, VS_STATE_TEMP_SUFFIX))
            vsViolation(run, "state files: temporary file '%s' left behind", (char *)rel);
        else if (strcmp(rel, VS_STATE_STAMP) == 0 && strcmp(content, VS_STATE_STAMP_TEXT) != 0)
            vsViolation(run, "state files: '%s' does not hold the stamp", (char *)rel);
        else if (strcmp(rel, VS_STATE_STAMP) != 0 && !g_hash_table_contains(want, rel))
            vsViolation(run, "state files: '%s' belongs to no object", (char *)rel);
    }
}

/* A failed operation changed no file (a guest that crashed meanwhile aside:
 * its run/NAME.xml). */
static void vsCheckFilesUnchanged(vsRun *run, GHashTable *files)
{
    GHashTable *before = run->state_files->before;
    GHashTableIter iter;
    gpointer rel, content;

    g_hash_table_iter_init(&iter, files);
    while (g_hash_table_iter_next(&iter, &rel, &content)) {
        const char *had = g_hash_table_lookup(before, rel);

        if (vsModelCrashedFile(run, rel))
            continue;
        run->invariants++;
        if (!had || strcmp(had, content) != 0)
            vsViolation(run, "failed operation: state file '%s' %s", (char *)rel,
                        had ? "changed" : "appeared");
    }
    g_hash_table_iter_init(&iter, before);
    while (g_hash_table_iter_next(&iter, &rel, NULL)) {
        run->invariants++;
        if (!g_hash_table_contains(files, rel) && !vsModelCrashedFile(run, rel))
            vsViolation(run, "failed operation: state file '%s' disappeared", (char *)rel);
    }
}

/* The first domain definition file (NAME.xml at the top of the state
 * directory, in name order), or NULL (caller frees). */
static char *vsFirstDefinitionFile(const char *dir)
{
    g_autoptr(GDir) gdir = g_dir_open(dir, 0, NULL);
    char *first = NULL;
    const char *entry;

    while (gdir && (entry = g_dir_read_name(gdir))) {
        g_autofree char *path = g_build_filename(dir, entry, NULL);

        if (g_str_has_suffix(entry, ".xml") && g_file_test(path, G_FILE_TEST_IS_REGULAR) &&
            (!first || strcmp(entry, first) < 0)) {
            g_free(first);
            first = g_strdup(entry);
        }
    }
    return first;
}

/* The test hook: a line appended to a domain definition file behind the
 * node's back, as a stray write would; the state files check must see it. */
static void vsTouchStateFile(vsRun *run)
{
    g_autofree char *name = NULL;
    g_autofree char *path = NULL;
    FILE *fp;

    if (!run->hooks.touch_state || run->hooks.state_touched)
        return;
    name = vsFirstDefinitionFile(run->statedir);
    if (!vsTestHookDue(run, run->hooks.touch_state, &run->hooks.state_touched, name))
        return;
    path = g_build_filename(run->statedir, name, NULL);
    if (!(fp = fopen(path, "a"))) {
        vsViolation(run, "VIREO_SIM_TEST_TOUCH_STATE: cannot open '%s'", name);
        return;
    }
    fputs(VS_TOUCH_LINE "\n", fp);
    fclose(fp);
}

void vsCheckStateFiles(vsRun *run, const vsOp *op, const vsResult *res)
{
    GHashTable *files, *want;

    if (!run->statedir || !run->conn)
        return;
    if (op)
        vsTouchStateFile(run);
    files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    want = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    vsStateRead(run, run->statedir, NULL, 0, files);
    vsWantDomains(run, want);
    vsWantNetworks(run, want);
    vsWantPools(run, op, res, files, want);
    vsCompareFiles(run, files, want);
    if (op && !res->ok)
        vsCheckFilesUnchanged(run, files);
    g_hash_table_destroy(want);
    g_hash_table_destroy(run->state_files->before);
    run->state_files->before = files;
}

/* ---- expect-state-file, and the directory around runs ---- */

void vsExpectStateFile(vsRun *run, const vsOp *op)
{
    g_autofree char *path = NULL;
    bool present;

    run->invariants++;
    if (!run->statedir) {
        vsViolation(run, "expect-state-file: vireo-sim runs without a state directory");
        return;
    }
    path = g_build_filename(run->statedir, op->file, NULL);
    present = access(path, F_OK) == 0;
    if (present != (strcmp(op->word, "present") == 0))
        vsViolation(run, "expect-state-file: '%s' is %s", op->file,
                    present ? "present" : "absent");
}

void vsRemoveTree(const char *dir)
{
    g_autoptr(GDir) gdir = g_dir_open(dir, 0, NULL);
    const char *entry;

    while (gdir && (entry = g_dir_read_name(gdir))) {
        g_autofree char *path = g_build_filename(dir, entry, NULL);

        if (g_file_test(path, G_FILE_TEST_IS_DIR) &&
            !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
            vsRemoveTree(path);
        else
            unlink(path);
    }
    rmdir(dir);
}

int vsStateDirCheck(const char *dir)
{
    g_autofree char *stamp = g_build_filename(dir, VS_STATE_STAMP, NULL);
    g_autoptr(GDir) gdir = NULL;
    GStatBuf st;

    if (g_lstat(dir, &st) < 0 && errno == ENOENT)
        return 0;
    if (g_file_test(dir, G_FILE_TEST_IS_SYMLINK)) {
        fprintf(stderr, "vireo-sim: '%s' is a symbolic link, not a state directory\n", dir);
        return -1;
    }
    /* an earlier run's node (its stamp), or an empty directory */
    if (g_file_test(stamp, G_FILE_TEST_IS_REGULAR))
        return 0;
    if ((gdir = g_dir_open(dir, 0, NULL)) && !g_dir_read_name(gdir))
        return 0;
    fprintf(stderr, "vireo-sim: '%s' exists and is not a state directory (%s)\n", dir,
            gdir ? "it holds other files" : g_strerror(errno));
    return -1;
}
