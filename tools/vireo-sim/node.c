/* vireo-sim's node: sim:///default opened with the run's seed and state
 * directory, its events and trace hooked up; and the restart operation --
 * the node closed and opened again on the same state directory, as a
 * daemon restarts -- after which every defined and running domain,
 * network, pool and volume must be there as it was. */
#include "vsim.h"

#include <string.h>

#include "sim/control.h"

/* Restart k opens its node with seed + k * VS_RESTART_SEED_STEP: a node
 * seeded as the first would draw the same UUIDs and MACs again. */
#define VS_RESTART_SEED_STEP 0x9e3779b97f4a7c15ULL
#define VS_FAULT_LINE_PREFIX "# fault-line "

void vsPlanRecord(const vrSimFaultPlan *plan, GString *header)
{
    guint i;

    for (i = 0; i < vrSimFaultPlanRuleCount(plan); i++) {
        int lineno = 0;
        const char *text = vrSimFaultPlanRuleLine(plan, i, &lineno);

        g_string_append_printf(header, VS_FAULT_LINE_PREFIX "%d %s\n", lineno, text);
    }
}

/* The run's plan again, from its "# fault-line N RULE" lines: a restarted
 * node reads the same rules, their counters starting afresh. */
static vrSimFaultPlan *vsPlanFromHeader(const GString *header)
{
    g_autoptr(vrSimFaultPlan) plan = vrSimFaultPlanNew();
    g_auto(GStrv) lines = g_strsplit(header->str, "\n", -1);
    size_t i;

    for (i = 0; lines[i]; i++) {
        char *end = NULL;
        guint64 lineno;

        if (!g_str_has_prefix(lines[i], VS_FAULT_LINE_PREFIX))
            continue;
        lineno = g_ascii_strtoull(lines[i] + strlen(VS_FAULT_LINE_PREFIX), &end, 10);
        if (!end || *end != ' ' ||
            vrSimFaultPlanAddLine(plan, end + 1, "the run's plan", (int)lineno) < 0) {
            fprintf(stderr, "vireo-sim: cannot read the plan again: %s\n",
                    virGetLastErrorMessage());
            return NULL;
        }
    }
    return g_steal_pointer(&plan);
}

static char *vsNodeURI(const vsRun *run)
{
    guint64 seed = run->seed + run->restarts * VS_RESTART_SEED_STEP;
    g_autofree char *dir = NULL;

    if (!run->statedir)
        return g_strdup_printf("sim:///default?seed=%" G_GUINT64_FORMAT, seed);
    dir = g_uri_escape_string(run->statedir, "/", FALSE);
    return g_strdup_printf("sim:///default?seed=%" G_GUINT64_FORMAT "&statedir=%s", seed,
                           dir);
}

static int vsWatchEvents(vsRun *run)
{
    run->event_ids[0] = virConnectNetworkEventRegisterAny(
        run->conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
        VIR_NETWORK_EVENT_CALLBACK(vsModelOnNetworkEvent), run, NULL);
    run->event_ids[1] = virConnectStoragePoolEventRegisterAny(
        run->conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
        VIR_STORAGE_POOL_EVENT_CALLBACK(vsModelOnPoolEvent), run, NULL);
    run->event_ids[2] = virConnectDomainEventRegisterAny(
        run->conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(vsModelOnEvent), run, NULL);
    run->event_ids[3] = virConnectDomainEventRegisterAny(
        run->conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
        VIR_DOMAIN_EVENT_CALLBACK(vsModelOnReboot), run, NULL);
    if (run->event_ids[0] < 0 || run->event_ids[1] < 0 || run->event_ids[2] < 0 ||
        run->event_ids[3] < 0) {
        fprintf(stderr, "vireo-sim: cannot watch events: %s\n", virGetLastErrorMessage());
        return -1;
    }
    return 0;
}

/* Open the node (plan consumed); a restarted one continues at virtual
 * time now_ns (before its plan is in place, so no fault fires meanwhile). */
static int vsNodeConnect(vsRun *run, vrSimFaultPlan *plan, guint64 now_ns)
{
    g_autofree char *uri = vsNodeURI(run);
    guint64 then;

    if (!(run->conn = virConnectOpen(uri))) {
        g_autofree char *shown = g_strdup(uri);

        fprintf(stderr, "vireo-sim: cannot open %s: %s\n", shown, virGetLastErrorMessage());
        vrSimFaultPlanFree(plan);
        return -1;
    }
    if (vsWatchEvents(run) < 0) {
        vrSimFaultPlanFree(plan);
        return -1;
    }
    vrSimControlSetTraceSink(run->conn, vsTraceLine, run);
    vrSimControlObserve(run->conn, true);
    then = vrSimControlNow(run->conn);
    if (now_ns > then)
        vrSimControlAdvance(run->conn, now_ns - then);
    vrSimControlSetPlan(run->conn, plan);
    if (plan && !run->faults_on)
        vrSimControlSetFaultsEnabled(run->conn, false);
    return 0;
}

int vsNodeOpen(vsRun *run, vrSimFaultPlan *plan)
{
    return vsNodeConnect(run, plan, 0);
}

void vsNodeClose(vsRun *run)
{
    run->faults_closed += vrSimControlFaultsFired(run->conn, VR_SIM_FAULT_POINT_LAST);
    virConnectNetworkEventDeregisterAny(run->conn, run->event_ids[0]);
    virConnectStoragePoolEventDeregisterAny(run->conn, run->event_ids[1]);
    virConnectDomainEventDeregisterAny(run->conn, run->event_ids[2]);
    virConnectDomainEventDeregisterAny(run->conn, run->event_ids[3]);
    virConnectClose(run->conn);
    run->conn = NULL;
}

/* ---- what a restart must keep ---- */

/* One domain as a restart must keep it: state, reason, id, persistence,
 * autostart, managed save, definitions.  A shut-off domain comes back
 * with reason unknown, as after a libvirtd restart: before says which. */
static char *vsDomainText(virDomainPtr dom, bool before)
{
    GString *text = g_string_new(NULL);
    int state = -1, reason = -1, autostart = 0;
    bool active = virDomainIsActive(dom) == 1;
    bool persistent = virDomainIsPersistent(dom) == 1;
    g_autofree char *config = NULL;
    g_autofree char *live = NULL;

    virDomainGetState(dom, &state, &reason, 0);
    if (!active && before)
        reason = VIR_DOMAIN_SHUTOFF_UNKNOWN;
    virDomainGetAutostart(dom, &autostart);
    if (persistent)
        config = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
    if (active)
        live = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE);
    g_string_append_printf(text, "state %d reason %d id %d persistent %d autostart %d "
                           "managedsave %d\n%s%s", state, reason, (int)virDomainGetID(dom),
                           persistent, autostart, virDomainHasManagedSaveImage(dom, 0) == 1,
                           config ? config : "", live ? live : "");
    return g_string_free(text, FALSE);
}

/* A network; a transient one's autostart flag (libvirt's test driver
 * lets it be set) has no place in the state directory: a restart drops it. */
static char *vsNetworkText(virNetworkPtr net, bool before)
{
    g_autofree char *live = virNetworkGetXMLDesc(net, 0);
    g_autofree char *config = virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE);
    bool persistent = virNetworkIsPersistent(net) == 1;
    int autostart = 0;

    virNetworkGetAutostart(net, &autostart);
    if (before && !persistent)
        autostart = 0;
    return g_strdup_printf("active %d persistent %d autostart %d\n%s%s",
                           virNetworkIsActive(net) == 1, persistent, autostart,
                           live ? live : "", config ? config : "");
}

/* A pool, and the volumes of an active one (those of a stopped pool the
 * model checks when it starts again). */
static char *vsPoolText(virStoragePoolPtr pool)
{
    GString *text = g_string_new(NULL);
    g_autofree char *xml = virStoragePoolGetXMLDesc(pool, 0);
    bool active = virStoragePoolIsActive(pool) == 1;
    virStorageVolPtr *vols = NULL;
    int i, n = 0, autostart = 0;

    virStoragePoolGetAutostart(pool, &autostart);
    g_string_append_printf(text, "active %d persistent %d autostart %d\n%s", active,
                           virStoragePoolIsPersistent(pool) == 1, autostart, xml ? xml : "");
    if (active)
        n = virStoragePoolListAllVolumes(pool, &vols, 0);
    for (i = 0; i < n; i++) {
        g_autofree char *vxml = virStorageVolGetXMLDesc(vols[i], 0);

        g_string_append_printf(text, "volume %s\n%s", virStorageVolGetName(vols[i]),
                               vxml ? vxml : "");
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    return g_string_free(text, FALSE);
}

/* "domain NAME" / "network NAME" / "pool NAME" -> its text. */
static GHashTable *vsRestartSnapshot(vsRun *run, bool before)
{
    GHashTable *objs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    virDomainPtr *doms = NULL;
    virNetworkPtr *nets = NULL;
    virStoragePoolPtr *pools = NULL;
    int i, n;

    n = virConnectListAllDomains(run->conn, &doms, 0);
    for (i = 0; i < n; i++) {
        g_hash_table_insert(objs, g_strdup_printf("domain '%s'", virDomainGetName(doms[i])),
                            vsDomainText(doms[i], before));
        virDomainFree(doms[i]);
    }
    n = virConnectListAllNetworks(run->conn, &nets, 0);
    for (i = 0; i < n; i++) {
        g_hash_table_insert(objs, g_strdup_printf("network '%s'", virNetworkGetName(nets[i])),
                            vsNetworkText(nets[i], before));
        virNetworkFree(nets[i]);
    }
    n = virConnectListAllStoragePools(run->conn, &pools, 0);
    for (i = 0; i < n; i++) {
        g_hash_table_insert(objs, g_strdup_printf("pool '%s'",
                                                  virStoragePoolGetName(pools[i])),
                            vsPoolText(pools[i]));
        virStoragePoolFree(pools[i]);
    }
    g_free(doms);
    g_free(nets);
    g_free(pools);
    return objs;
}

/* Line i of lines as shown in a difference: "(end)" past the last line
 * (the empty piece after a final newline included). */
static const char *vsDiffLine(char **lines, size_t i)
{
    if (!lines[i] || (!*lines[i] && !lines[i + 1]))
        return "(end)";
    return g_strstrip(lines[i]);
}

char *vsFirstLineDiff(const char *a, const char *b)
{
    g_auto(GStrv) la = g_strsplit(a, "\n", -1);
    g_auto(GStrv) lb = g_strsplit(b, "\n", -1);
    size_t i;

    for (i = 0; la[i] && lb[i] && strcmp(la[i], lb[i]) == 0; i++)
        ;
    return g_strdup_printf("'%s' became '%s'", vsDiffLine(la, i), vsDiffLine(lb, i));
}

static void vsCompareRestart(vsRun *run, GHashTable *before, GHashTable *after)
{
    GHashTableIter iter;
    gpointer key, text;

    g_hash_table_iter_init(&iter, before);
    while (g_hash_table_iter_next(&iter, &key, &text)) {
        const char *now = g_hash_table_lookup(after, key);

        run->invariants++;
        if (!now) {
            vsViolation(run, "restart: %s is gone after the restart", (char *)key);
        } else if (strcmp(now, text) != 0) {
            g_autofree char *diff = vsFirstLineDiff(text, now);

            vsViolation(run, "restart: %s changed: %s", (char *)key, diff);
        }
    }
    g_hash_table_iter_init(&iter, after);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        run->invariants++;
        if (!g_hash_table_contains(before, key))
            vsViolation(run, "restart: %s appeared with the restart", (char *)key);
    }
}

void vsNodeRestart(vsRun *run, vsResult *res)
{
    g_autoptr(GHashTable) before = NULL;
    g_autoptr(GHashTable) after = NULL;
    vrSimFaultPlan *plan = NULL;
    guint64 now_ns;

    vsResultClear(res);
    if (!run->statedir) {
        res->code = VIR_ERR_OPERATION_INVALID;
        res->message = g_strdup("Requested operation is not valid: vireo-sim runs without "
                                "a state directory (--no-statedir): a restart would lose "
                                "every object");
        return;
    }
    vrSimControlObserve(run->conn, true);
    before = vsRestartSnapshot(run, true);
    now_ns = vrSimControlNow(run->conn);
    vsNodeClose(run);
    run->restarts++;
    if ((run->has_plan && !(plan = vsPlanFromHeader(run->plan_header))) ||
        vsNodeConnect(run, plan, now_ns) < 0) {
        vsViolation(run, "restart: the node does not open again on its state directory");
        if (run->conn)
            vsNodeClose(run);
        return;
    }
    after = vsRestartSnapshot(run, false);
    vsCompareRestart(run, before, after);
    vsStoreModelRestarted(run);
    vrSimControlObserve(run->conn, false);
    res->ok = true;
}
