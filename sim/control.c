/* The control surface of a simulated node for vireo-sim and tests: trace,
 * fault plan, virtual time, crash injection and event flushing, reached
 * through a sim connection's node. */
#include "sim/control.h"

#include <stdarg.h>

#include "sim/driver_priv.h"
#include "sim/network_obj.h"
#include "sim/state_dir.h"
#include "sim/storage_obj.h"

#define VR_FROM_THIS VIR_FROM_TEST

/* The node behind conn, or NULL after VIR_ERR_INVALID_ARG. */
static vrSimNode *vrSimControlNode(virConnectPtr conn)
{
    if (!conn || conn->driver != &vrSimDriver || !conn->privateData) {
        vrReportError(VIR_ERR_INVALID_ARG, "connection is not a simulated node");
        return NULL;
    }
    return vrSimConnNode(conn);
}

int vrSimControlSetTraceSink(virConnectPtr conn, vrSimTraceSinkFunc sink, void *opaque)
{
    vrSimNode *node = vrSimControlNode(conn);

    if (!node)
        return -1;
    g_mutex_lock(&node->lock);
    vrSimTraceSetSink(node->trace, sink, opaque);
    g_mutex_unlock(&node->lock);
    return 0;
}

int vrSimControlNote(virConnectPtr conn, const char *kind, const char *fmt, ...)
{
    vrSimNode *node = vrSimControlNode(conn);
    g_autofree char *text = NULL;
    va_list ap;

    if (!node)
        return -1;
    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* the plain lock: a note is no operation, time stands still */
    g_mutex_lock(&node->lock);
    vrSimTraceAdd(node->trace, kind, "%s", text);
    g_mutex_unlock(&node->lock);
    return 0;
}

guint64 vrSimControlTraceHash(virConnectPtr conn)
{
    vrSimNode *node = vrSimControlNode(conn);
    guint64 hash;

    if (!node)
        return 0;
    g_mutex_lock(&node->lock);
    hash = vrSimTraceHash(node->trace);
    g_mutex_unlock(&node->lock);
    return hash;
}

guint64 vrSimControlTraceCount(virConnectPtr conn)
{
    vrSimNode *node = vrSimControlNode(conn);
    guint64 count;

    if (!node)
        return 0;
    g_mutex_lock(&node->lock);
    count = vrSimTraceCount(node->trace);
    g_mutex_unlock(&node->lock);
    return count;
}

int vrSimControlSetPlan(virConnectPtr conn, vrSimFaultPlan *plan)
{
    vrSimNode *node = vrSimControlNode(conn);

    if (!node) {
        vrSimFaultPlanFree(plan);
        return -1;
    }
    g_mutex_lock(&node->lock);
    vrSimNodeSetFaults(node, plan);
    g_mutex_unlock(&node->lock);
    return 0;
}

int vrSimControlSetFaultsEnabled(virConnectPtr conn, bool enabled)
{
    vrSimNode *node = vrSimControlNode(conn);

    if (!node)
        return -1;
    g_mutex_lock(&node->lock);
    if (node->faults)
        vrSimFaultPlanSetEnabled(node->faults, enabled);
    vrSimTraceAdd(node->trace, "faults", "%s", enabled ? "on" : "off");
    g_mutex_unlock(&node->lock);
    return 0;
}

guint64 vrSimControlFaultsFired(virConnectPtr conn, vrSimFaultPoint point)
{
    vrSimNode *node = vrSimControlNode(conn);
    guint64 fired;

    if (!node)
        return 0;
    g_mutex_lock(&node->lock);
    fired = vrSimFaultPlanFired(node->faults, point);
    g_mutex_unlock(&node->lock);
    return fired;
}

guint64 vrSimControlNow(virConnectPtr conn)
{
    vrSimNode *node = vrSimControlNode(conn);
    guint64 now;

    if (!node)
        return 0;
    g_mutex_lock(&node->lock);
    now = vrSimNodeNow(node);
    g_mutex_unlock(&node->lock);
    return now;
}

int vrSimControlAdvance(virConnectPtr conn, guint64 delta_ns)
{
    vrSimNode *node = vrSimControlNode(conn);

    if (!node)
        return -1;
    g_mutex_lock(&node->lock);
    vrSimClockAdvance(&node->clock, delta_ns);
    vrSimNodeRunGuests(node);
    vrSimNodeUnlock(node);            /* a crash reaches the state directory */
    return 0;
}

int vrSimControlCrash(virDomainPtr handle)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (!handle || !vrSimControlNode(handle->conn))
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (dom->state != VIR_DOMAIN_RUNNING) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_OPERATION_INVALID, "domain is not running");
        return -1;
    }
    vrSimNodeCrashDomain(node, dom);
    vrSimNodeUnlock(node);
    return 0;
}

int vrSimControlObserve(virConnectPtr conn, bool observing)
{
    vrSimNode *node = vrSimControlNode(conn);

    if (!node)
        return -1;
    g_mutex_lock(&node->lock);
    node->observing = observing;
    g_mutex_unlock(&node->lock);
    return 0;
}

int vrSimControlFlushEvents(virConnectPtr conn)
{
    vrSimNode *node = vrSimControlNode(conn);

    if (!node)
        return -1;
    vrEventStateFlush(node->events);
    return 0;
}

int vrSimControlFlushObjectEvents(virConnectPtr conn)
{
    vrSimNode *node = vrSimControlNode(conn);

    if (!node)
        return -1;
    /* each kind with its own delivery (drivers/event_state.h) */
    vrEventStateFlushNetworks(vrSimNetworkListEvents(node->networks));
    vrEventStateFlushPools(vrSimPoolListEvents(node->pools));
    return 0;
}

char *vrSimControlStateDir(virConnectPtr conn)
{
    vrSimNode *node = vrSimControlNode(conn);
    char *dir = NULL;

    if (!node)
        return NULL;
    g_mutex_lock(&node->lock);
    if (node->state)
        dir = g_strdup(vrSimStateDirPath(node->state));
    g_mutex_unlock(&node->lock);
    return dir;
}

int vrSimControlSyncState(virConnectPtr conn)
{
    vrSimNode *node = vrSimControlNode(conn);
    int ret;

    if (!node)
        return -1;
    g_mutex_lock(&node->lock);
    ret = vrSimStateSync(node, true);
    g_mutex_unlock(&node->lock);
    return ret;
}
