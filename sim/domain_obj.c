/* Simulated domain objects: the lifecycle state machine (libvirt's states
 * and reasons, live vs persistent definitions, cpu accounting on the
 * virtual clock) and the per-node list with libvirt's name/UUID rules. */
#include "sim/domain_obj.h"

#include <string.h>

#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

struct vrSimDomainList {
    GHashTable *by_uuid;    /* dom->uuid -> vrSimDomain * (owns the domain) */
    GHashTable *by_name;    /* dom->name -> vrSimDomain * */
    vrSimTrace *trace;      /* given to each domain, or NULL */
};

/* How many reasons each virDomainState has: the state machine refuses a
 * reason outside its state's enum. */
static const int vrSimStateReasons[VIR_DOMAIN_LAST] = {
    [VIR_DOMAIN_NOSTATE] = VIR_DOMAIN_NOSTATE_LAST,
    [VIR_DOMAIN_RUNNING] = VIR_DOMAIN_RUNNING_LAST,
    [VIR_DOMAIN_BLOCKED] = VIR_DOMAIN_BLOCKED_LAST,
    [VIR_DOMAIN_PAUSED] = VIR_DOMAIN_PAUSED_LAST,
    [VIR_DOMAIN_SHUTDOWN] = VIR_DOMAIN_SHUTDOWN_LAST,
    [VIR_DOMAIN_SHUTOFF] = VIR_DOMAIN_SHUTOFF_LAST,
    [VIR_DOMAIN_CRASHED] = VIR_DOMAIN_CRASHED_LAST,
    [VIR_DOMAIN_PMSUSPENDED] = VIR_DOMAIN_PMSUSPENDED_LAST,
};
_Static_assert(VIR_DOMAIN_LAST == 8, "vrSimStateReasons covers every virDomainState");

bool vrSimDomainIsActive(const vrSimDomain *dom)
{
    return dom->def->id != -1;
}

void vrSimDomainBankCpu(vrSimDomain *dom, guint64 now_ns)
{
    dom->cpu_ns = vrSimDomainCpuTime(dom, now_ns);
    dom->run_since_ns = now_ns;
}

guint64 vrSimDomainCpuTime(const vrSimDomain *dom, guint64 now_ns)
{
    guint64 ran;

    if (dom->state != VIR_DOMAIN_RUNNING || now_ns < dom->run_since_ns)
        return dom->cpu_ns;
    ran = (now_ns - dom->run_since_ns) * dom->def->vcpus_cur;
    return dom->cpu_ns + ran;
}

bool vrSimDomainStateValid(int state, int reason)
{
    return state >= 0 && state < VIR_DOMAIN_LAST && reason >= 0 &&
           reason < vrSimStateReasons[state];
}

void vrSimDomainSetState(vrSimDomain *dom, int state, int reason, guint64 now_ns)
{
    g_assert(state >= 0 && state < VIR_DOMAIN_LAST);
    g_assert(reason >= 0 && reason < vrSimStateReasons[state]);
    vrSimDomainBankCpu(dom, now_ns);
    dom->state = state;
    dom->reason = reason;
    vrSimTraceState(dom->trace, dom->name, state, reason, dom->def->id);
}

void vrSimDomainStart(vrSimDomain *dom, int id, int reason, guint64 now_ns)
{
    g_assert(id > 0);
    if (dom->persistent && !dom->new_def)
        dom->new_def = vrDomainDefCopy(dom->def);
    dom->def->id = id;
    dom->has_managed_save = false;
    dom->state = VIR_DOMAIN_SHUTOFF;      /* nothing banked from before */
    dom->cpu_ns = 0;
    vrSimDomainSetState(dom, VIR_DOMAIN_RUNNING, reason, now_ns);
}

void vrSimDomainStop(vrSimDomain *dom, int reason, guint64 now_ns)
{
    if (dom->new_def) {
        vrDomainDefFree(dom->def);
        dom->def = g_steal_pointer(&dom->new_def);
    }
    dom->def->id = -1;
    g_clear_pointer(&dom->pins, g_free);     /* pinning is live-only */
    vrSimDomainSetState(dom, VIR_DOMAIN_SHUTOFF, reason, now_ns);
}

const vrDomainDef *vrSimDomainInactiveDef(const vrSimDomain *dom)
{
    return dom->new_def ? dom->new_def : dom->def;
}

/* libvirt's virDomainObjUpdateModificationImpact. */
static int vrSimDomainModificationImpact(const vrSimDomain *dom, unsigned int *flags)
{
    bool active = vrSimDomainIsActive(dom);

    if ((*flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)) == 0)
        *flags |= active ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG;
    if (!active && (*flags & VIR_DOMAIN_AFFECT_LIVE)) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "domain is not running");
        return -1;
    }
    if (!dom->persistent && (*flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        vrReportError(VIR_ERR_OPERATION_INVALID,
                      "transient domains do not have any persistent config");
        return -1;
    }
    return 0;
}

int vrSimDomainGetDefs(vrSimDomain *dom, unsigned int flags,
                       vrDomainDef **live, vrDomainDef **config)
{
    *live = NULL;
    *config = NULL;
    if (vrSimDomainModificationImpact(dom, &flags) < 0)
        return -1;
    if (vrSimDomainIsActive(dom)) {
        if (flags & VIR_DOMAIN_AFFECT_LIVE)
            *live = dom->def;
        if (flags & VIR_DOMAIN_AFFECT_CONFIG)
            *config = dom->new_def;
    } else {
        *config = dom->def;
    }
    return 0;
}

vrDomainDef *vrSimDomainGetOneDef(vrSimDomain *dom, unsigned int flags, bool *is_live)
{
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && (flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG,
                         "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' "
                         "are mutually exclusive");
        return NULL;
    }
    if (vrSimDomainModificationImpact(dom, &flags) < 0)
        return NULL;
    if (is_live)
        *is_live = (flags & VIR_DOMAIN_AFFECT_LIVE) != 0;
    if (vrSimDomainIsActive(dom) && (flags & VIR_DOMAIN_AFFECT_CONFIG))
        return dom->new_def;
    return dom->def;
}

/* ---- the list ---- */

static guint vrSimUUIDHash(gconstpointer key)
{
    const unsigned char *uuid = key;
    guint h = 2166136261u;
    size_t i;

    for (i = 0; i < VIR_UUID_BUFLEN; i++)
        h = (h ^ uuid[i]) * 16777619u;
    return h;
}

static gboolean vrSimUUIDEqual(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, VIR_UUID_BUFLEN) == 0;
}

static void vrSimDomainFree(gpointer data)
{
    vrSimDomain *dom = data;

    vrDomainDefFree(dom->def);
    vrDomainDefFree(dom->new_def);
    g_free(dom->pins);
    g_free(dom->name);
    g_free(dom);
}

vrSimDomainList *vrSimDomainListNew(void)
{
    vrSimDomainList *list = g_new0(vrSimDomainList, 1);

    list->by_uuid = g_hash_table_new_full(vrSimUUIDHash, vrSimUUIDEqual,
                                          NULL, vrSimDomainFree);
    list->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    return list;
}

void vrSimDomainListSetTrace(vrSimDomainList *list, vrSimTrace *trace)
{
    GHashTableIter iter;
    gpointer value;

    list->trace = trace;
    g_hash_table_iter_init(&iter, list->by_uuid);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        ((vrSimDomain *)value)->trace = trace;
}

void vrSimDomainListFree(vrSimDomainList *list)
{
    if (!list)
        return;
    g_hash_table_destroy(list->by_name);
    g_hash_table_destroy(list->by_uuid);
    g_free(list);
}

vrSimDomain *vrSimDomainListFindByName(vrSimDomainList *list, const char *name)
{
    return g_hash_table_lookup(list->by_name, name);
}

vrSimDomain *vrSimDomainListFindByUUID(vrSimDomainList *list, const unsigned char *uuid)
{
    return g_hash_table_lookup(list->by_uuid, uuid);
}

vrSimDomain *vrSimDomainListFindByID(vrSimDomainList *list, int id)
{
    GHashTableIter iter;
    gpointer value;

    if (id < 0)
        return NULL;
    g_hash_table_iter_init(&iter, list->by_uuid);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        vrSimDomain *dom = value;

        if (vrSimDomainIsActive(dom) && dom->def->id == id)
            return dom;
    }
    return NULL;
}

guint vrSimDomainListCount(vrSimDomainList *list)
{
    return g_hash_table_size(list->by_uuid);
}

/* libvirt's virDomainObjAssignDef. */
static void vrSimDomainAssignDef(vrSimDomain *dom, vrDomainDef *def, bool live,
                                 vrDomainDef **old_def)
{
    vrDomainDef *old = NULL;

    if (vrSimDomainIsActive(dom)) {
        old = dom->new_def;
        def->id = -1;
        dom->new_def = def;
    } else if (live) {
        /* keep the persistent definition to return to at shutdown */
        if (!dom->new_def)
            dom->new_def = dom->def;
        else
            vrDomainDefFree(dom->def);
        dom->def = def;
    } else {
        old = dom->def;
        dom->def = def;
    }
    if (old_def)
        *old_def = old;
    else
        vrDomainDefFree(old);
}

/* The checks of libvirt's virDomainObjListAdd against an existing domain. */
static int vrSimDomainListCheck(vrSimDomainList *list, const vrDomainDef *def,
                                unsigned int flags, vrSimDomain **existing)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    vrSimDomain *dom;

    if ((dom = vrSimDomainListFindByUUID(list, def->uuid))) {
        if (strcmp(dom->name, def->name) != 0) {
            vrReportError(VIR_ERR_OPERATION_FAILED,
                          "domain '%s' is already defined with uuid %s",
                          dom->name, vrUUIDFormat(dom->uuid, uuidstr));
            return -1;
        }
        if ((flags & VR_SIM_DOMAIN_ADD_CHECK_LIVE) && vrSimDomainIsActive(dom)) {
            vrReportError(VIR_ERR_OPERATION_INVALID,
                          "domain '%s' is already active", dom->name);
            return -1;
        }
        *existing = dom;
        return 0;
    }
    if ((dom = vrSimDomainListFindByName(list, def->name))) {
        vrReportError(VIR_ERR_OPERATION_FAILED,
                      "domain '%s' already exists with uuid %s",
                      def->name, vrUUIDFormat(dom->uuid, uuidstr));
        return -1;
    }
    if (vrSimDomainListCount(list) >= VR_SIM_DOMAINS_MAX) {
        vrReportError(VIR_ERR_OPERATION_FAILED,
                      "cannot add domain '%s': the node holds %d domains already",
                      def->name, VR_SIM_DOMAINS_MAX);
        return -1;
    }
    *existing = NULL;
    return 0;
}

int vrSimDomainListCheckAdd(vrSimDomainList *list, const vrDomainDef *def,
                            unsigned int flags)
{
    vrSimDomain *existing;

    return vrSimDomainListCheck(list, def, flags, &existing);
}

vrSimDomain *vrSimDomainListAdd(vrSimDomainList *list, vrDomainDef *def,
                                unsigned int flags, vrDomainDef **old_def)
{
    vrSimDomain *dom;

    if (old_def)
        *old_def = NULL;
    if (vrSimDomainListCheck(list, def, flags, &dom) < 0)
        return NULL;
    if (dom) {
        vrSimDomainAssignDef(dom, def, (flags & VR_SIM_DOMAIN_ADD_LIVE) != 0, old_def);
        return dom;
    }
    dom = g_new0(vrSimDomain, 1);
    dom->name = g_strdup(def->name);
    memcpy(dom->uuid, def->uuid, VIR_UUID_BUFLEN);
    def->id = -1;
    dom->def = def;
    dom->state = VIR_DOMAIN_SHUTOFF;
    dom->reason = VIR_DOMAIN_SHUTOFF_UNKNOWN;
    dom->trace = list->trace;
    g_hash_table_insert(list->by_uuid, dom->uuid, dom);
    g_hash_table_insert(list->by_name, dom->name, dom);
    return dom;
}

void vrSimDomainListRemove(vrSimDomainList *list, vrSimDomain *dom)
{
    g_hash_table_remove(list->by_name, dom->name);
    g_hash_table_remove(list->by_uuid, dom->uuid);
}

static gint vrSimDomainCompare(gconstpointer pa, gconstpointer pb)
{
    const vrSimDomain *a = *(vrSimDomain *const *)pa;
    const vrSimDomain *b = *(vrSimDomain *const *)pb;
    bool aa = vrSimDomainIsActive(a), ba = vrSimDomainIsActive(b);

    if (aa != ba)
        return aa ? -1 : 1;
    if (aa)
        return a->def->id < b->def->id ? -1 : a->def->id > b->def->id;
    return strcmp(a->name, b->name);
}

GPtrArray *vrSimDomainListSorted(vrSimDomainList *list)
{
    GPtrArray *out = g_ptr_array_sized_new(vrSimDomainListCount(list));
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, list->by_uuid);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(out, value);
    g_ptr_array_sort(out, vrSimDomainCompare);
    return out;
}

#define VR_SIM_IFNAME_PREFIX "testnet"   /* libvirt's test driver names */

vrDomainDef *vrSimDomainDefParse(const char *xml, unsigned int parse_flags)
{
    vrDomainDef *def = vrDomainDefParseString(xml, parse_flags);

    if (def && vrDomainDefAssignIfnames(def, VR_SIM_IFNAME_PREFIX) < 0)
        g_clear_pointer(&def, vrDomainDefFree);
    return def;
}
