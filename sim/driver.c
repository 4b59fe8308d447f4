/* The sim hypervisor driver: the table for sim:/// and test:/// URIs,
 * opening and closing connections onto simulated nodes, node queries and
 * event registration.  Domain slots live in driver_domain.c and
 * driver_lifecycle.c. */
#include "sim/driver_priv.h"

/*
 * Behaviour is libvirt 9.0's test driver's, call for call: return values,
 * states and reasons, error codes, domains and texts (flag errors name the
 * test driver's functions), and lifecycle events.  Deliberate differences:
 *  - cpu time comes from the node's virtual clock, not the host's;
 *  - listings are ordered (active by id, then inactive by name) where the
 *    test driver returns hash order;
 *  - START_PAUSED (create) and SAVE_RUNNING/SAVE_PAUSED (save, restore)
 *    work here; the test driver refuses them as unsupported flags;
 *  - a reboot that restarts the guest emits VIR_DOMAIN_EVENT_ID_REBOOT;
 *  - unknown or malformed URI query parameters are refused.
 */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "sim/capabilities.h"
#include "sim/driver_storage_priv.h"
#include "sim/network_obj.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_TYPE "TEST"                /* virConnectGetType, as libvirt's test driver */
#define VR_SIM_HV_VERSION 2UL             /* virConnectGetVersion: "0.0.2" */
#define VR_SIM_DEFAULT_PATH "/default"
#define VR_SIM_HOSTNAME_MAX 256

/* ---- helpers shared by the slot files ---- */

vrSimDomain *vrSimDomainFromHandle(vrSimNode *node, virDomainPtr handle)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    vrSimDomain *dom = vrSimDomainListFindByUUID(node->domains, handle->uuid);

    if (!dom)
        vrReportError(VIR_ERR_NO_DOMAIN, "no domain with matching uuid '%s' (%s)",
                      vrUUIDFormat(handle->uuid, uuidstr), handle->name);
    return dom;
}

vrSimDomain *vrSimDomainAcquire(virDomainPtr handle, vrSimNode **node)
{
    vrSimDomain *dom;

    *node = vrSimConnNode(handle->conn);
    vrSimNodeLock(*node);
    if (!(dom = vrSimDomainFromHandle(*node, handle)))
        vrSimNodeUnlock(*node);
    return dom;
}

virDomainPtr vrSimDomainHandle(virConnectPtr conn, const vrSimDomain *dom)
{
    return vrDomainHandleNew(conn, dom->name, dom->uuid, dom->def->id);
}

void vrSimQueueLifecycle(vrSimNode *node, const vrSimDomain *dom, int event, int detail)
{
    vrSimNodeQueueLifecycle(node, dom, event, detail);     /* traced */
}

int vrSimDomainCheckActive(const vrSimDomain *dom)
{
    if (vrSimDomainIsActive(dom))
        return 0;
    vrErrorReport(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID, __FILE__, __func__,
                  __LINE__, "domain is not running");
    return -1;
}

/* ---- open / close ---- */

static int vrSimParseBool(const char *name, const char *value, bool *out)
{
    if (strcmp(value, "0") == 0 || strcmp(value, "1") == 0) {
        *out = value[0] == '1';
        return 0;
    }
    vrReportError(VIR_ERR_INVALID_ARG,
                  "invalid value '%s' for URI parameter '%s': expected 0 or 1",
                  value, name);
    return -1;
}

/* statedir=DIR: an absolute path. */
static int vrSimParseStateDir(const char *value, const char **statedir)
{
    if (!g_path_is_absolute(value)) {
        vrReportError(VIR_ERR_INVALID_ARG,
                      "invalid value '%s' for URI parameter 'statedir': "
                      "expected an absolute path", value);
        return -1;
    }
    *statedir = value;
    return 0;
}

/* *faults_path and *statedir point into uri. */
static int vrSimParseParams(const vrURI *uri, vrSimConn *sc, const char **faults_path,
                            const char **statedir)
{
    size_t i, j;

    for (i = 0; i < uri->nparams; i++) {
        const vrURIParam *p = &uri->params[i];

        /* which of two seeds would win is not for the user to guess */
        for (j = 0; j < i; j++) {
            if (strcmp(uri->params[j].name, p->name) == 0) {
                vrReportError(VIR_ERR_INVALID_ARG, "URI parameter '%s' given twice",
                              p->name);
                return -1;
            }
        }
        if (strcmp(p->name, "private") == 0) {
            if (vrSimParseBool(p->name, p->value, &sc->private_node) < 0)
                return -1;
        } else if (strcmp(p->name, "seed") == 0) {
            if (!g_ascii_string_to_unsigned(p->value, 10, 0, G_MAXUINT64,
                                            &sc->seed, NULL)) {
                vrReportError(VIR_ERR_INVALID_ARG,
                              "invalid value '%s' for URI parameter 'seed': "
                              "expected an unsigned decimal integer", p->value);
                return -1;
            }
            sc->has_seed = true;
        } else if (strcmp(p->name, "faults") == 0) {
            if (!*p->value) {
                vrReportError(VIR_ERR_INVALID_ARG, "invalid value '' for URI parameter "
                              "'faults': expected a fault plan file");
                return -1;
            }
            *faults_path = p->value;
        } else if (strcmp(p->name, "statedir") == 0) {
            if (vrSimParseStateDir(p->value, statedir) < 0)
                return -1;
        } else {
            vrReportError(VIR_ERR_INVALID_ARG,
                          "unsupported URI parameter '%s' (known: private, seed, faults, "
                          "statedir)", p->name);
            return -1;
        }
    }
    return 0;
}

static bool vrSimURIIsMine(const vrURI *uri)
{
    const char *drv = uri->driver ? uri->driver : uri->scheme;

    if (!drv || (strcmp(drv, "sim") != 0 && strcmp(drv, "test") != 0))
        return false;
    /* a transport or a host means the remote driver */
    return !uri->transport && !(uri->server && *uri->server);
}

/* The node a connection gets: a private one when a parameter asks for it
 * (a seeded node is never shared: its runs must reproduce; a state
 * directory belongs to one node), else the shared default node. */
static vrSimNode *vrSimOpenNode(vrSimConn *sc, const char *path, const char *faults_path,
                                const char *statedir)
{
    vrSimNodeConfig cfg = {
        .path = strcmp(path, VR_SIM_DEFAULT_PATH) == 0 ? NULL : path,
        .seeded = sc->has_seed || faults_path,
        .seed = sc->seed,
        .statedir = statedir,
    };

    if (!cfg.path && !cfg.seeded && !statedir && !sc->private_node)
        return vrSimNodeOpenShared();
    if (faults_path && !(cfg.plan = vrSimFaultPlanLoad(faults_path)))
        return NULL;
    sc->private_node = true;
    return vrSimNodeNew(&cfg);
}

static vrDrvOpenStatus vrSimDrvConnectOpen(virConnectPtr conn, const vrURI *uri,
                                        virConnectAuthPtr auth, unsigned int flags)
{
    g_autofree vrSimConn *sc = NULL;
    const char *path = uri->path ? uri->path : "";
    const char *faults_path = NULL;
    const char *statedir = NULL;

    if (!vrSimURIIsMine(uri))
        return VR_DRV_OPEN_DECLINED;
    if (vrSimCheckFlags(flags, VIR_CONNECT_RO | VIR_CONNECT_NO_ALIASES,
                        "testConnectOpen") < 0)
        return VR_DRV_OPEN_ERROR;
    if (path[0] == '\0' || strcmp(path, "/") == 0) {
        vrReportError(VIR_ERR_INVALID_ARG, "testOpen: supply a path or use test:///default");
        return VR_DRV_OPEN_ERROR;
    }
    sc = g_new0(vrSimConn, 1);
    if (vrSimParseParams(uri, sc, &faults_path, &statedir) < 0)
        return VR_DRV_OPEN_ERROR;
    if (!(sc->node = vrSimOpenNode(sc, path, faults_path, statedir)))
        return VR_DRV_OPEN_ERROR;
    conn->privateData = g_steal_pointer(&sc);
    return VR_DRV_OPEN_SUCCESS;
}

static int vrSimDrvConnectClose(virConnectPtr conn)
{
    vrSimConn *sc = conn->privateData;

    if (!sc)
        return 0;
    vrEventStateRemoveConn(sc->node->events, conn);
    vrSimNodeUnref(sc->node);
    g_free(sc);
    conn->privateData = NULL;
    return 0;
}

/* ---- connection and node queries ---- */

static const char *vrSimDrvConnectGetType(virConnectPtr conn)
{
    return VR_SIM_TYPE;
}

static int vrSimDrvConnectGetVersion(virConnectPtr conn, unsigned long *hvVer)
{
    *hvVer = VR_SIM_HV_VERSION;
    return 0;
}

/* The host's name, as libvirt's test driver reports it. */
static char *vrSimDrvConnectGetHostname(virConnectPtr conn)
{
    char name[VR_SIM_HOSTNAME_MAX + 1] = "";

    if (gethostname(name, VR_SIM_HOSTNAME_MAX) < 0) {
        vrErrorReportSystem(VR_FROM_THIS, errno, __FILE__, __func__, __LINE__,
                            "failed to determine host name");
        return NULL;
    }
    return g_strdup(name);
}

static char *vrSimDrvConnectGetCapabilities(virConnectPtr conn)
{
    vrSimNode *node = vrSimConnNode(conn);
    char *xml;

    vrSimNodeLock(node);
    xml = vrSimCapabilitiesFormat(node);
    vrSimNodeUnlock(node);
    return xml;
}

static int vrSimDrvConnectGetMaxVcpus(virConnectPtr conn, const char *type)
{
    return VR_SIM_MAX_VCPUS;
}

static int vrSimDrvConnectIsAlive(virConnectPtr conn)
{
    return 1;
}

static int vrSimDrvConnectIsSecure(virConnectPtr conn)
{
    return 1;
}

static int vrSimDrvConnectIsEncrypted(virConnectPtr conn)
{
    return 0;
}

static int vrSimDrvNodeGetInfo(virConnectPtr conn, virNodeInfoPtr info)
{
    vrSimNode *node = vrSimConnNode(conn);

    vrSimNodeLock(node);
    *info = node->info;
    vrSimNodeUnlock(node);
    return 0;
}

/* The sum of the cells' free memory, in the unit libvirt's test driver
 * returns it (its KiB figure, unscaled). */
static unsigned long long vrSimDrvNodeGetFreeMemory(virConnectPtr conn)
{
    vrSimNode *node = vrSimConnNode(conn);
    unsigned long long total = 0;
    int i;

    vrSimNodeLock(node);
    for (i = 0; i < node->ncells; i++)
        total += node->cells[i].free_kib;
    vrSimNodeUnlock(node);
    return total;
}

/* Each cell's memory from startCell on, as libvirt's test driver fills it. */
static int vrSimDrvNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *freeMems,
                                       int startCell, int maxCells)
{
    vrSimNode *node = vrSimConnNode(conn);
    int cell, n = 0;

    vrSimNodeLock(node);
    if (startCell < 0 || startCell >= node->ncells) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_INVALID_ARG, "Range exceeds available cells");
        return -1;
    }
    for (cell = startCell; cell < node->ncells && n < maxCells; cell++, n++)
        freeMems[n] = node->cells[cell].mem_kib;
    vrSimNodeUnlock(node);
    return n;
}

/* ---- events ---- */

static int vrSimDrvConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                              int eventID,
                                              virConnectDomainEventGenericCallback cb,
                                              void *opaque, virFreeCallback freecb)
{
    return vrEventStateRegisterDomain(vrSimConnNode(conn)->events, conn, dom, eventID,
                                      cb, opaque, freecb);
}

static int vrSimDrvConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return vrEventStateDeregister(vrSimConnNode(conn)->events, conn, callbackID);
}

const vrHypervisorDriver vrSimDriver = {
    .name = "sim",
    .network = &vrSimNetworkDriver,
    .storage = &vrSimStorageDriver,
    .connectOpen = vrSimDrvConnectOpen,
    .connectClose = vrSimDrvConnectClose,
    .connectGetType = vrSimDrvConnectGetType,
    .connectGetVersion = vrSimDrvConnectGetVersion,
    .connectGetHostname = vrSimDrvConnectGetHostname,
    .connectGetCapabilities = vrSimDrvConnectGetCapabilities,
    .connectGetMaxVcpus = vrSimDrvConnectGetMaxVcpus,
    .connectIsAlive = vrSimDrvConnectIsAlive,
    .connectIsSecure = vrSimDrvConnectIsSecure,
    .connectIsEncrypted = vrSimDrvConnectIsEncrypted,
    .connectNumOfDomains = vrSimDrvConnectNumOfDomains,
    .connectListDomains = vrSimDrvConnectListDomains,
    .connectNumOfDefinedDomains = vrSimDrvConnectNumOfDefinedDomains,
    .connectListDefinedDomains = vrSimDrvConnectListDefinedDomains,
    .connectListAllDomains = vrSimDrvConnectListAllDomains,
    .nodeGetInfo = vrSimDrvNodeGetInfo,
    .nodeGetFreeMemory = vrSimDrvNodeGetFreeMemory,
    .nodeGetCellsFreeMemory = vrSimDrvNodeGetCellsFreeMemory,
    .domainLookupByID = vrSimDrvDomainLookupByID,
    .domainLookupByName = vrSimDrvDomainLookupByName,
    .domainLookupByUUID = vrSimDrvDomainLookupByUUID,
    .domainDefineXMLFlags = vrSimDrvDomainDefineXMLFlags,
    .domainCreateXML = vrSimDrvDomainCreateXML,
    .domainCreateWithFlags = vrSimDrvDomainCreateWithFlags,
    .domainUndefineFlags = vrSimDrvDomainUndefineFlags,
    .domainDestroyFlags = vrSimDrvDomainDestroyFlags,
    .domainShutdownFlags = vrSimDrvDomainShutdownFlags,
    .domainReboot = vrSimDrvDomainReboot,
    .domainReset = vrSimDrvDomainReset,
    .domainSuspend = vrSimDrvDomainSuspend,
    .domainResume = vrSimDrvDomainResume,
    .domainSaveFlags = vrSimDrvDomainSaveFlags,
    .domainRestoreFlags = vrSimDrvDomainRestoreFlags,
    .domainManagedSave = vrSimDrvDomainManagedSave,
    .domainHasManagedSaveImage = vrSimDrvDomainHasManagedSaveImage,
    .domainManagedSaveRemove = vrSimDrvDomainManagedSaveRemove,
    .domainGetInfo = vrSimDrvDomainGetInfo,
    .domainGetState = vrSimDrvDomainGetState,
    .domainGetXMLDesc = vrSimDrvDomainGetXMLDesc,
    .domainGetOSType = vrSimDrvDomainGetOSType,
    .domainGetMaxMemory = vrSimDrvDomainGetMaxMemory,
    .domainGetMaxVcpus = vrSimDrvDomainGetMaxVcpus,
    .domainGetVcpus = vrSimDrvDomainGetVcpus,
    .domainPinVcpu = vrSimDrvDomainPinVcpu,
    .domainSendKey = vrSimDrvDomainSendKey,
    .domainCoreDump = vrSimDrvDomainCoreDump,
    .nodeGetSecurityModel = vrSimDrvNodeGetSecurityModel,
    .domainGetSecurityLabel = vrSimDrvDomainGetSecurityLabel,
    .domainSetMemoryFlags = vrSimDrvDomainSetMemoryFlags,
    .domainSetVcpusFlags = vrSimDrvDomainSetVcpusFlags,
    .domainGetVcpusFlags = vrSimDrvDomainGetVcpusFlags,
    .domainGetAutostart = vrSimDrvDomainGetAutostart,
    .domainSetAutostart = vrSimDrvDomainSetAutostart,
    .domainIsActive = vrSimDrvDomainIsActive,
    .domainIsPersistent = vrSimDrvDomainIsPersistent,
    .domainIsUpdated = vrSimDrvDomainIsUpdated,
    .connectDomainEventRegisterAny = vrSimDrvConnectDomainEventRegisterAny,
    .connectDomainEventDeregisterAny = vrSimDrvConnectDomainEventDeregisterAny,
};
