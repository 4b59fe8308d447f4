/* Sim driver slots that move a domain through its lifecycle: create, start,
 * destroy, shutdown, reboot, suspend/resume, save/restore and managed save,
 * with libvirt's test driver's wrong-state errors and lifecycle events. */
#include "sim/driver_priv.h"

#include "sim/save_image.h"
#include "sim/state_dir.h"
#include "util/file.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_SAVE_FLAGS (VIR_DOMAIN_SAVE_BYPASS_CACHE | VIR_DOMAIN_SAVE_RUNNING | \
                           VIR_DOMAIN_SAVE_PAUSED)
/* A simulated guest's process id, for messages that name one: base + id. */
#define VR_SIM_PID_BASE 4000

/* Consult a fault point for dom (node locked): 0 to go ahead, or -1 with
 * the fault's error reported and nothing changed. */
static int vrSimDomainFault(vrSimNode *node, const char *name, vrSimFaultPoint point)
{
    vrSimFaultCtx ctx = { .dom = name };

    return vrSimFaultInject(node->faults, point, &ctx);
}

/* Start dom (node locked): a fresh id, STARTED/<detail>, then, when asked,
 * paused by the user with SUSPENDED/<paused_detail>. */
static void vrSimStart(vrSimNode *node, vrSimDomain *dom, int reason, int detail,
                       bool paused, int paused_detail)
{
    vrSimDomainStart(dom, vrSimNodeNextID(node), reason, vrSimNodeNow(node));
    vrSimQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_STARTED, detail);
    if (paused) {
        vrSimDomainSetState(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER,
                            vrSimNodeNow(node));
        vrSimQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_SUSPENDED, paused_detail);
    }
}

/* Shut dom off (node locked) with a SHUTOFF reason and STOPPED/<detail>;
 * a transient domain is gone afterwards.  The caller's handle loses its id. */
static void vrSimStop(vrSimNode *node, vrSimDomain *dom, virDomainPtr handle,
                      int reason, int detail)
{
    vrSimDomainStop(dom, reason, vrSimNodeNow(node));
    vrSimQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_STOPPED, detail);
    if (handle)
        handle->id = -1;
    if (!dom->persistent)
        vrSimDomainListRemove(node->domains, dom);
}

/* Add a live definition (create, restore) and start it; def is consumed
 * on success.  The domain, or NULL with the error reported. */
static vrSimDomain *vrSimAddLive(vrSimNode *node, vrDomainDef *def)
{
    return vrSimDomainListAdd(node->domains, def,
                              VR_SIM_DOMAIN_ADD_LIVE | VR_SIM_DOMAIN_ADD_CHECK_LIVE, NULL);
}

/* START_PAUSED is the sim's addition: libvirt's test driver refuses it. */
virDomainPtr vrSimDrvDomainCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    vrSimNode *node = vrSimConnNode(conn);
    unsigned int parse_flags = VR_DOMAIN_DEF_PARSE_INACTIVE;
    virDomainPtr ret = NULL;
    vrDomainDef *def;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VIR_DOMAIN_START_VALIDATE | VIR_DOMAIN_START_PAUSED,
                        "testDomainCreateXML") < 0)
        return NULL;
    if (flags & VIR_DOMAIN_START_VALIDATE)
        parse_flags |= VR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA;
    vrSimNodeUseIds(node);
    if (!(def = vrSimDomainDefParse(xml, parse_flags)))
        return NULL;
    vrSimNodeLock(node);
    if (vrSimDomainListCheckAdd(node->domains, def, VR_SIM_DOMAIN_ADD_LIVE |
                                                    VR_SIM_DOMAIN_ADD_CHECK_LIVE) < 0 ||
        vrSimDomainFault(node, def->name, VR_SIM_FAULT_DOMAIN_START) < 0 ||
        !(dom = vrSimAddLive(node, def))) {
        vrSimNodeUnlock(node);
        vrDomainDefFree(def);
        return NULL;
    }
    vrSimStart(node, dom, VIR_DOMAIN_RUNNING_BOOTED, VIR_DOMAIN_EVENT_STARTED_BOOTED,
               flags & VIR_DOMAIN_START_PAUSED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    ret = vrSimDomainHandle(conn, dom);
    vrSimNodeUnlock(node);
    return ret;
}

/* A managed save image is dropped and the domain boots, as libvirt's test
 * driver does.  START_PAUSED is the sim's addition. */
int vrSimDrvDomainCreateWithFlags(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VIR_DOMAIN_START_PAUSED, "testDomainCreateWithFlags") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (dom->state != VIR_DOMAIN_SHUTOFF) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Domain '%s' is already running", handle->name);
        return -1;
    }
    if (vrSimDomainFault(node, dom->name, VR_SIM_FAULT_DOMAIN_START) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimStart(node, dom, VIR_DOMAIN_RUNNING_BOOTED, VIR_DOMAIN_EVENT_STARTED_BOOTED,
               flags & VIR_DOMAIN_START_PAUSED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    handle->id = dom->def->id;
    vrSimNodeUnlock(node);
    return 0;
}

/* The destroy fault: the process ignores SIGKILL and the domain stays. */
static int vrSimDestroyFault(vrSimNode *node, const vrSimDomain *dom)
{
    vrSimFaultCtx ctx = { .dom = dom->name, .pid = VR_SIM_PID_BASE + dom->def->id };

    return vrSimFaultInject(node->faults, VR_SIM_FAULT_DOMAIN_DESTROY, &ctx);
}

int vrSimDrvDomainDestroyFlags(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VIR_DOMAIN_DESTROY_GRACEFUL, "testDomainDestroyFlags") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainCheckActive(dom) < 0 || vrSimDestroyFault(node, dom) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimStop(node, dom, handle, VIR_DOMAIN_SHUTOFF_DESTROYED,
              VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    vrSimNodeUnlock(node);
    return 0;
}

/* What the guest does on poweroff or reboot (libvirt's test driver): a
 * restart action keeps it running, anything else shuts it off. */
static void vrSimLifecycleAction(vrSimNode *node, vrSimDomain *dom, virDomainPtr handle,
                                 vrDomainLifecycleAction action)
{
    if (action == VR_DOMAIN_LIFECYCLE_ACTION_RESTART ||
        action == VR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME) {
        vrSimDomainSetState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED,
                            vrSimNodeNow(node));
        return;
    }
    vrSimStop(node, dom, handle, VIR_DOMAIN_SHUTOFF_SHUTDOWN,
              VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
}

int vrSimDrvDomainShutdownFlags(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, 0, "testDomainShutdownFlags") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (dom->state == VIR_DOMAIN_SHUTOFF) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running", handle->name);
        return -1;
    }
    /* the guest ignoring ACPI: the sim waits for it, so a timeout */
    if (vrSimDomainFault(node, dom->name, VR_SIM_FAULT_DOMAIN_SHUTDOWN) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimLifecycleAction(node, dom, handle, dom->def->on_poweroff);
    vrSimNodeUnlock(node);
    return 0;
}

/* The guest restarts in place unless on_reboot says otherwise: no lifecycle
 * event, as libvirt's test driver, but a REBOOT event, as libvirt's qemu
 * driver sends when the guest resets (the test driver sends none; see
 * conformance/libvirt-deviations.md). */
int vrSimDrvDomainReboot(virDomainPtr handle, unsigned int flags)
{
    vrDomainLifecycleAction action;
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VIR_DOMAIN_REBOOT_ACPI_POWER_BTN |
                               VIR_DOMAIN_REBOOT_GUEST_AGENT | VIR_DOMAIN_REBOOT_INITCTL |
                               VIR_DOMAIN_REBOOT_SIGNAL | VIR_DOMAIN_REBOOT_PARAVIRT,
                        "testDomainReboot") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainCheckActive(dom) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    action = dom->def->on_reboot;
    if (action == VR_DOMAIN_LIFECYCLE_ACTION_RESTART ||
        action == VR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME) {
        vrSimTraceAdd(node->trace, "event", "%s reboot", dom->name);
        vrEventStateQueueReboot(node->events, dom->name, dom->uuid, dom->def->id);
    }
    vrSimLifecycleAction(node, dom, handle, action);     /* may free dom */
    vrSimNodeUnlock(node);
    return 0;
}

int vrSimDrvDomainReset(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;
    int ret;

    if (vrSimCheckFlags(flags, 0, "testDomainReset") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    ret = vrSimDomainCheckActive(dom);
    vrSimNodeUnlock(node);
    return ret;
}

int vrSimDrvDomainSuspend(virDomainPtr handle)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (dom->state == VIR_DOMAIN_SHUTOFF || dom->state == VIR_DOMAIN_PAUSED) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running", handle->name);
        return -1;
    }
    if (vrSimDomainFault(node, dom->name, VR_SIM_FAULT_DOMAIN_SUSPEND) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimDomainSetState(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER, vrSimNodeNow(node));
    vrSimQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_SUSPENDED,
                        VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    vrSimNodeUnlock(node);
    return 0;
}

int vrSimDrvDomainResume(virDomainPtr handle)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (dom->state != VIR_DOMAIN_PAUSED) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not paused", handle->name);
        return -1;
    }
    if (vrSimDomainFault(node, dom->name, VR_SIM_FAULT_DOMAIN_RESUME) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimDomainSetState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED,
                        vrSimNodeNow(node));
    vrSimQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_RESUMED,
                        VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
    vrSimNodeUnlock(node);
    return 0;
}

/* ---- save / restore ---- */

static int vrSimRefuseDxml(const char *dxml)
{
    if (!dxml)
        return 0;
    vrReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "xml modification unsupported");
    return -1;
}

/* The save fault (node locked): the disk fills up halfway through writing
 * path (NULL: the managed save image, which the sim keeps no file for);
 * nothing is left behind and the domain keeps running.  0 to go ahead. */
static int vrSimSaveFault(vrSimNode *node, const vrSimDomain *dom, const char *path)
{
    g_autofree char *managed = NULL;
    const vrSimFaultRule *rule;
    vrSimFaultCtx ctx = { .dom = dom->name, .path = path };

    if (!path)
        ctx.path = managed = vrSimStateManagedSavePath(node->state, dom->name);
    if (!(rule = vrSimFaultFire(node->faults, VR_SIM_FAULT_DOMAIN_SAVE, &ctx)) ||
        vrSimFaultRuleIsSlow(rule))
        return 0;
    if (path && vrSimSaveImageWriteTorn(path, dom->def) < 0)
        return -1;
    return vrSimFaultReport(rule, &ctx);
}

/* SAVE_RUNNING / SAVE_PAUSED are the sim's addition (libvirt's test driver
 * refuses them): the image records the state to restore into, running by
 * default as the test driver restores. */
int vrSimDrvDomainSaveFlags(virDomainPtr handle, const char *to, const char *dxml,
                            unsigned int flags)
{
    vrSimSaveState state = (flags & VIR_DOMAIN_SAVE_PAUSED) ? VR_SIM_SAVE_STATE_PAUSED
                                                           : VR_SIM_SAVE_STATE_RUNNING;
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VR_SIM_SAVE_FLAGS, "testDomainSaveFlags") < 0 ||
        vrSimRefuseDxml(dxml) < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainCheckActive(dom) < 0 || vrSimSaveFault(node, dom, to) < 0 ||
        vrSimSaveImageWrite(to, dom->def, state) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimStop(node, dom, handle, VIR_DOMAIN_SHUTOFF_SAVED, VIR_DOMAIN_EVENT_STOPPED_SAVED);
    vrSimNodeUnlock(node);
    return 0;
}

/* The restore fault (node locked): the image reads back corrupt. */
static int vrSimRestoreFault(vrSimNode *node, const vrDomainDef *def, const char *from)
{
    vrSimFaultCtx ctx = { .dom = def->name, .path = from };

    return vrSimFaultInject(node->faults, VR_SIM_FAULT_DOMAIN_RESTORE, &ctx);
}

/* A bad image or a name that is running changes nothing.  RUNNING / PAUSED
 * override the state the image asks for. */
int vrSimDrvDomainRestoreFlags(virConnectPtr conn, const char *from, const char *dxml,
                               unsigned int flags)
{
    vrSimNode *node = vrSimConnNode(conn);
    vrSimSaveState state;
    vrDomainDef *def;
    vrSimDomain *dom;
    bool paused;

    if (vrSimCheckFlags(flags, VR_SIM_SAVE_FLAGS, "testDomainRestoreFlags") < 0 ||
        vrSimRefuseDxml(dxml) < 0)
        return -1;
    if (!(def = vrSimSaveImageRead(from, &state)))
        return -1;
    paused = (flags & VIR_DOMAIN_SAVE_PAUSED) ||
             (state == VR_SIM_SAVE_STATE_PAUSED && !(flags & VIR_DOMAIN_SAVE_RUNNING));
    vrSimNodeLock(node);
    if (vrSimRestoreFault(node, def, from) < 0 || !(dom = vrSimAddLive(node, def))) {
        vrSimNodeUnlock(node);
        vrDomainDefFree(def);
        return -1;
    }
    vrSimStart(node, dom, VIR_DOMAIN_RUNNING_RESTORED, VIR_DOMAIN_EVENT_STARTED_RESTORED,
               paused, (flags & VIR_DOMAIN_SAVE_PAUSED) ? VIR_DOMAIN_EVENT_SUSPENDED_PAUSED
                                                        : VIR_DOMAIN_EVENT_SUSPENDED_RESTORED);
    vrSimNodeUnlock(node);
    return 0;
}

/* The image lives with the domain object (libvirt's test driver keeps only
 * the flag too); starting the domain consumes it. */
int vrSimDrvDomainManagedSave(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VR_SIM_SAVE_FLAGS, "testDomainManagedSave") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainCheckActive(dom) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    if (!dom->persistent) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_OPERATION_INVALID,
                      "cannot do managed save for transient domain");
        return -1;
    }
    if (vrSimSaveFault(node, dom, NULL) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimStop(node, dom, handle, VIR_DOMAIN_SHUTOFF_SAVED, VIR_DOMAIN_EVENT_STOPPED_SAVED);
    dom->has_managed_save = true;
    vrSimNodeUnlock(node);
    return 0;
}

int vrSimDrvDomainHasManagedSaveImage(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;
    int ret;

    if (vrSimCheckFlags(flags, 0, "testDomainHasManagedSaveImage") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    ret = dom->has_managed_save;
    vrSimNodeUnlock(node);
    return ret;
}

int vrSimDrvDomainManagedSaveRemove(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, 0, "testDomainManagedSaveRemove") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    dom->has_managed_save = false;
    vrSimNodeUnlock(node);
    return 0;
}

#define VR_SIM_CORE_MAGIC "VireoSimCore 1\n"

/* A core dump of a simulated guest: a header and the live definition.
 * CRASH stops the domain afterwards (reason and event "crashed"), as the
 * test driver does. */
int vrSimDrvDomainCoreDump(virDomainPtr handle, const char *to, unsigned int flags)
{
    g_autofree char *xml = NULL;
    g_autofree char *data = NULL;
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VIR_DUMP_CRASH, "testDomainCoreDumpWithFormat") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainCheckActive(dom) < 0)
        goto error;
    xml = vrDomainDefFormat(dom->def, VR_DOMAIN_DEF_FORMAT_SECURE);
    data = g_strconcat(VR_SIM_CORE_MAGIC, xml, NULL);
    if (vrFileWriteAtomic(to, data, strlen(data), 0600) < 0)
        goto error;
    if (flags & VIR_DUMP_CRASH)
        vrSimStop(node, dom, handle, VIR_DOMAIN_SHUTOFF_CRASHED,
                  VIR_DOMAIN_EVENT_STOPPED_CRASHED);
    vrSimNodeUnlock(node);
    return 0;
 error:
    vrSimNodeUnlock(node);
    return -1;
}
