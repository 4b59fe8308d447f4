/* vireo-sim's model and invariants: the node's state rebuilt from its event
 * stream alone, and the checks after every step -- each domain in exactly
 * one state, unique ids, events replayed equal to the real states,
 * persistent definitions intact, a failed operation changing nothing, and
 * no stray or half-written file in the work dir. */
#include "vsim.h"

#include <string.h>

#include "sim/control.h"

typedef struct {
    int state;                 /* virDomainState, as the events tell it */
    bool persistent;
    char *xml;                 /* the persistent definition expected, or NULL */
} vsModelDom;

typedef struct {
    int state, reason;
    int id;
    bool persistent;
} vsSnap;

struct vsModel {
    GHashTable *doms;          /* name -> vsModelDom *, from events */
    GHashTable *crashed;       /* names with a crash event in this step */
    GHashTable *before;        /* name -> vsSnap *, as the last step left them */
    GHashTable *files;         /* work dir file -> checksum of its contents */
};

static void vsModelDomFree(gpointer data)
{
    vsModelDom *md = data;

    g_free(md->xml);
    g_free(md);
}

vsModel *vsModelNew(void)
{
    vsModel *model = g_new0(vsModel, 1);

    model->doms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, vsModelDomFree);
    model->crashed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    model->before = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    model->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return model;
}

void vsModelFree(vsModel *model)
{
    if (!model)
        return;
    g_hash_table_destroy(model->doms);
    g_hash_table_destroy(model->crashed);
    g_hash_table_destroy(model->before);
    g_hash_table_destroy(model->files);
    g_free(model);
}

static const char *vsStateText(int state)
{
    static const char *const names[VIR_DOMAIN_LAST] = {
        "nostate", "running", "blocked", "paused", "shutdown", "shutoff", "crashed",
        "pmsuspended",
    };

    return state >= 0 && state < VIR_DOMAIN_LAST ? names[state] : "invalid";
}

/* ---- replaying events ---- */

/* The state change an event stands for, checked against the model: a
 * transition from the wrong state means an event was lost or repeated. */
static void vsModelApply(vsRun *run, const char *name, vsModelDom *md, int event)
{
    static const struct {
        int event;
        int to;
        unsigned int from;     /* bit per state the event may come from */
    } moves[] = {
        { VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_RUNNING, 1u << VIR_DOMAIN_SHUTOFF },
        { VIR_DOMAIN_EVENT_SUSPENDED, VIR_DOMAIN_PAUSED,
          1u << VIR_DOMAIN_RUNNING | 1u << VIR_DOMAIN_CRASHED },
        { VIR_DOMAIN_EVENT_RESUMED, VIR_DOMAIN_RUNNING,
          1u << VIR_DOMAIN_PAUSED | 1u << VIR_DOMAIN_CRASHED },
        { VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_SHUTOFF,
          1u << VIR_DOMAIN_RUNNING | 1u << VIR_DOMAIN_PAUSED | 1u << VIR_DOMAIN_CRASHED },
        { VIR_DOMAIN_EVENT_CRASHED, VIR_DOMAIN_CRASHED, 1u << VIR_DOMAIN_RUNNING },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(moves); i++) {
        if (moves[i].event != event)
            continue;
        if (!(moves[i].from & (1u << md->state)))
            vsViolation(run, "events: '%s' got event %d while %s by its events "
                        "(an event lost or repeated)", name, event, vsStateText(md->state));
        md->state = moves[i].to;
        return;
    }
}

int vsModelOnEvent(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                   void *opaque)
{
    vsRun *run = opaque;
    vsModel *model = run->model;
    const char *name = virDomainGetName(dom);
    vsModelDom *md = g_hash_table_lookup(model->doms, name);

    if (!md && (event == VIR_DOMAIN_EVENT_DEFINED || event == VIR_DOMAIN_EVENT_STARTED)) {
        md = g_new0(vsModelDom, 1);
        md->state = VIR_DOMAIN_SHUTOFF;
        g_hash_table_insert(model->doms, g_strdup(name), md);
    }
    if (!md) {
        vsViolation(run, "events: event %d for '%s', which its events never created",
                    event, name);
        return 0;
    }
    if (event == VIR_DOMAIN_EVENT_DEFINED) {
        md->persistent = true;
    } else if (event == VIR_DOMAIN_EVENT_UNDEFINED) {
        md->persistent = false;
        g_clear_pointer(&md->xml, g_free);
    } else {
        vsModelApply(run, name, md, event);
    }
    if (event == VIR_DOMAIN_EVENT_CRASHED)
        g_hash_table_add(model->crashed, g_strdup(name));
    if (md->state == VIR_DOMAIN_SHUTOFF && !md->persistent)
        g_hash_table_remove(model->doms, name);
    return 0;
}

int vsModelOnReboot(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    vsRun *run = opaque;
    vsModelDom *md = g_hash_table_lookup(run->model->doms, virDomainGetName(dom));

    /* the guest restarted in place: running again, whatever it was */
    if (md && md->state != VIR_DOMAIN_SHUTOFF)
        md->state = VIR_DOMAIN_RUNNING;
    return 0;
}

/* ---- what the node says ---- */

typedef struct {
    char *name;
    int state, reason;
    int id;
    bool persistent;
    bool active;
} vsActual;

static void vsActualFree(gpointer data)
{
    vsActual *a = data;

    g_free(a->name);
    g_free(a);
}

/* Every domain with its state, or NULL after a violation. */
static GPtrArray *vsActualList(vsRun *run)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(vsActualFree);
    virDomainPtr *doms = NULL;
    int i, n = virConnectListAllDomains(run->conn, &doms, 0);

    if (n < 0) {
        vsViolation(run, "listing: virConnectListAllDomains failed: %s",
                    virGetLastErrorMessage());
        g_ptr_array_unref(out);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        vsActual *a = g_new0(vsActual, 1);

        a->name = g_strdup(virDomainGetName(doms[i]));
        a->id = (int)virDomainGetID(doms[i]);
        a->persistent = virDomainIsPersistent(doms[i]) == 1;
        a->active = virDomainIsActive(doms[i]) == 1;
        if (virDomainGetState(doms[i], &a->state, &a->reason, 0) < 0)
            a->state = -1;
        g_ptr_array_add(out, a);
        virDomainFree(doms[i]);
    }
    g_free(doms);
    return out;
}

/* How many times each name appears in a filtered listing. */
static GHashTable *vsListNames(vsRun *run, unsigned int flags)
{
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    virDomainPtr *doms = NULL;
    int i, n = virConnectListAllDomains(run->conn, &doms, flags);

    for (i = 0; i < n; i++) {
        const char *name = virDomainGetName(doms[i]);
        int count = GPOINTER_TO_INT(g_hash_table_lookup(names, name));

        g_hash_table_replace(names, g_strdup(name), GINT_TO_POINTER(count + 1));
        virDomainFree(doms[i]);
    }
    g_free(doms);
    return names;
}

/* ---- the invariants ---- */

/* Each domain in exactly one of ACTIVE/INACTIVE and one of the state
 * filters, with a valid state that agrees with being active. */
static void vsCheckOneState(vsRun *run, GPtrArray *actual)
{
    static const unsigned int groups[2][4] = {
        { VIR_CONNECT_LIST_DOMAINS_ACTIVE, VIR_CONNECT_LIST_DOMAINS_INACTIVE, 0, 0 },
        { VIR_CONNECT_LIST_DOMAINS_RUNNING, VIR_CONNECT_LIST_DOMAINS_PAUSED,
          VIR_CONNECT_LIST_DOMAINS_SHUTOFF, VIR_CONNECT_LIST_DOMAINS_OTHER },
    };
    GHashTable *lists[2][4] = { { NULL } };
    guint g, k, i;

    for (g = 0; g < 2; g++) {
        for (k = 0; k < 4 && groups[g][k]; k++)
            lists[g][k] = vsListNames(run, groups[g][k]);
    }
    for (i = 0; i < actual->len; i++) {
        vsActual *a = g_ptr_array_index(actual, i);

        for (g = 0; g < 2; g++) {
            int seen = 0;

            for (k = 0; k < 4 && lists[g][k]; k++)
                seen += GPOINTER_TO_INT(g_hash_table_lookup(lists[g][k], a->name));
            run->invariants++;
            if (seen != 1)
                vsViolation(run, "one state: '%s' appears %d times in the %s listings",
                            a->name, seen, g ? "state" : "active/inactive");
        }
        run->invariants++;
        if (a->state <= VIR_DOMAIN_NOSTATE || a->state >= VIR_DOMAIN_LAST ||
            a->active != (a->state != VIR_DOMAIN_SHUTOFF))
            vsViolation(run, "one state: '%s' is %s but %s", a->name,
                        vsStateText(a->state), a->active ? "active" : "inactive");
    }
    for (g = 0; g < 2; g++) {
        for (k = 0; k < 4 && lists[g][k]; k++)
            g_hash_table_destroy(lists[g][k]);
    }
}

/* Running domains have distinct positive ids that find them. */
static void vsCheckIds(vsRun *run, GPtrArray *actual)
{
    g_autoptr(GHashTable) ids = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint i;

    for (i = 0; i < actual->len; i++) {
        vsActual *a = g_ptr_array_index(actual, i);
        virDomainPtr dom;

        run->invariants++;
        if (!a->active) {
            if (a->id != -1)
                vsViolation(run, "ids: inactive '%s' has id %d", a->name, a->id);
            continue;
        }
        if (a->id <= 0 || g_hash_table_contains(ids, GINT_TO_POINTER(a->id))) {
            vsViolation(run, "ids: '%s' has id %d, not positive and unique", a->name,
                        a->id);
            continue;
        }
        g_hash_table_add(ids, GINT_TO_POINTER(a->id));
        dom = virDomainLookupByID(run->conn, a->id);
        if (!dom || strcmp(virDomainGetName(dom), a->name) != 0)
            vsViolation(run, "ids: id %d does not find '%s'", a->id, a->name);
        if (dom)
            virDomainFree(dom);
    }
}

/* The test hook: the second running domain (in listing order) read with
 * the first one's id, as if the node had given both the same. */
static void vsDuplicateId(vsRun *run, GPtrArray *actual)
{
    vsActual *first = NULL, *second = NULL;
    guint i;

    for (i = 0; i < actual->len && !second; i++) {
        vsActual *a = g_ptr_array_index(actual, i);

        if (!a->active)
            continue;
        if (!first)
            first = a;
        else
            second = a;
    }
    if (vsTestHookDue(run, run->hooks.dup_id, &run->hooks.id_duped, second))
        second->id = first->id;
}

/* The events, replayed, give the node as it is. */
static void vsCheckEvents(vsRun *run, GPtrArray *actual)
{
    guint i;

    for (i = 0; i < actual->len; i++) {
        vsActual *a = g_ptr_array_index(actual, i);
        vsModelDom *md = g_hash_table_lookup(run->model->doms, a->name);

        run->invariants++;
        if (!md)
            vsViolation(run, "events: '%s' exists but its events never created it",
                        a->name);
        else if (md->state != a->state || md->persistent != a->persistent)
            vsViolation(run, "events: '%s' is %s%s but its events say %s%s", a->name,
                        vsStateText(a->state), a->persistent ? "" : " (transient)",
                        vsStateText(md->state), md->persistent ? "" : " (transient)");
    }
    run->invariants++;
    if (g_hash_table_size(run->model->doms) != actual->len)
        vsViolation(run, "events: they describe %u domains, the node has %u",
                    g_hash_table_size(run->model->doms), actual->len);
}

static char *vsInactiveXML(vsRun *run, const char *name)
{
    virDomainPtr dom = virDomainLookupByName(run->conn, name);
    char *xml;

    if (!dom)
        return NULL;
    xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
    virDomainFree(dom);
    return xml;
}

/* Persistent definitions change only when a define succeeds. */
static void vsCheckDefinitions(vsRun *run, GPtrArray *actual, const vsOp *op,
                               const vsResult *res)
{
    guint i;

    if (op && op->kind == VS_OP_DEFINE && res->ok) {
        vsModelDom *md = g_hash_table_lookup(run->model->doms, op->name);

        if (md) {
            g_free(md->xml);
            md->xml = vsInactiveXML(run, op->name);
        }
    }
    for (i = 0; i < actual->len; i++) {
        vsActual *a = g_ptr_array_index(actual, i);
        vsModelDom *md = g_hash_table_lookup(run->model->doms, a->name);
        g_autofree char *xml = NULL;

        if (!a->persistent || !md)
            continue;
        run->invariants++;
        xml = vsInactiveXML(run, a->name);
        if (!md->xml || !xml || strcmp(md->xml, xml) != 0)
            vsViolation(run, "definitions: the persistent definition of '%s' changed "
                        "without a successful define", a->name);
    }
}

/* A failed operation leaves every domain as it was (a guest that crashed
 * meanwhile aside). */
static void vsCheckUnchanged(vsRun *run, GPtrArray *actual)
{
    GHashTable *before = run->model->before;
    guint i, kept = 0;

    for (i = 0; i < actual->len; i++) {
        vsActual *a = g_ptr_array_index(actual, i);
        vsSnap *s = g_hash_table_lookup(before, a->name);

        if (g_hash_table_contains(run->model->crashed, a->name))
            continue;
        run->invariants++;
        kept += s != NULL;
        if (!s)
            vsViolation(run, "failed operation: '%s' appeared", a->name);
        else if (s->state != a->state || s->reason != a->reason || s->id != a->id ||
                 s->persistent != a->persistent)
            vsViolation(run, "failed operation: '%s' changed from %s/%d id %d to %s/%d "
                        "id %d", a->name, vsStateText(s->state), s->reason, s->id,
                        vsStateText(a->state), a->reason, a->id);
    }
    run->invariants++;
    if (kept + g_hash_table_size(run->model->crashed) < g_hash_table_size(before))
        vsViolation(run, "failed operation: a domain disappeared");
}

static void vsSnapshot(vsRun *run, GPtrArray *actual)
{
    guint i;

    g_hash_table_remove_all(run->model->before);
    for (i = 0; i < actual->len; i++) {
        vsActual *a = g_ptr_array_index(actual, i);
        vsSnap *s = g_new0(vsSnap, 1);

        s->state = a->state;
        s->reason = a->reason;
        s->id = a->id;
        s->persistent = a->persistent;
        g_hash_table_insert(run->model->before, g_strdup(a->name), s);
    }
}

static char *vsFileDigest(const char *path)
{
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!g_file_get_contents(path, &data, &len, NULL))
        return NULL;
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
}

/* Only whole images in the work dir: a failed save leaves no file and an
 * older image at its path as it was. */
static void vsCheckFiles(vsRun *run, const vsOp *op, const vsResult *res)
{
    g_autoptr(GDir) dir = g_dir_open(run->workdir, 0, NULL);
    const char *entry;

    while (dir && (entry = g_dir_read_name(dir))) {
        g_autofree char *path = g_build_filename(run->workdir, entry, NULL);
        g_autofree char *digest = vsFileDigest(path);
        const char *known = g_hash_table_lookup(run->model->files, entry);
        bool target = op && op->file && strcmp(op->file, entry) == 0;

        if (strcmp(entry, VS_STATEDIR_NAME) == 0)
            continue;          /* the node's state directory: statefiles.c */

        run->invariants++;
        if (!op || (target && op->kind == VS_OP_SAVE && res->ok)) {
            g_hash_table_replace(run->model->files, g_strdup(entry), g_steal_pointer(&digest));
        } else if (!known) {
            vsViolation(run, "files: stray file '%s' in the work dir", entry);
        } else if (!digest || strcmp(known, digest) != 0) {
            vsViolation(run, "files: '%s' changed without a successful save", entry);
        }
    }
}

int vsModelInit(vsRun *run)
{
    g_autoptr(GPtrArray) actual = vsActualList(run);
    guint i;

    if (!actual)
        return -1;
    for (i = 0; i < actual->len; i++) {
        vsActual *a = g_ptr_array_index(actual, i);
        vsModelDom *md = g_new0(vsModelDom, 1);

        md->state = a->state;
        md->persistent = a->persistent;
        md->xml = a->persistent ? vsInactiveXML(run, a->name) : NULL;
        g_hash_table_insert(run->model->doms, g_strdup(a->name), md);
    }
    vsSnapshot(run, actual);
    vsCheckFiles(run, NULL, NULL);
    vsStoreModelInit(run);
    vsCheckStateFiles(run, NULL, NULL);
    return run->violation ? -1 : 0;
}

/* Operations whose success may change files in the work dir. */
static bool vsTouchesFiles(const vsOp *op)
{
    return op->kind == VS_OP_SAVE || op->kind == VS_OP_RESTORE;
}

void vsCheckStep(vsRun *run, const vsOp *op, const vsResult *res)
{
    g_autoptr(GPtrArray) actual = vsActualList(run);

    if (!actual)
        return;
    vsDuplicateId(run, actual);
    vsCheckOneState(run, actual);
    vsCheckIds(run, actual);
    vsCheckEvents(run, actual);
    vsCheckDefinitions(run, actual, op, res);
    if (!res->ok)
        vsCheckUnchanged(run, actual);
    if (vsTouchesFiles(op))
        vsCheckFiles(run, op, res);
    vsSnapshot(run, actual);
    vsCheckStateFiles(run, op, res);
    g_hash_table_remove_all(run->model->crashed);
    vsStoreCheckStep(run, op, res);
}

bool vsModelCrashedFile(vsRun *run, const char *rel)
{
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init(&iter, run->model->crashed);
    while (g_hash_table_iter_next(&iter, &name, NULL)) {
        g_autofree char *enc = vsStateEncode(name);
        g_autofree char *status = g_strdup_printf("run/%s.xml", enc);

        if (strcmp(status, rel) == 0)
            return true;
    }
    return false;
}
