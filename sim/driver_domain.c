/* Sim driver slots for domains that do not change the run state: lookups,
 * define/undefine, listings, queries and the memory/vcpu/autostart setters,
 * each with libvirt's test driver's checks, errors and events. */
#include "sim/driver_priv.h"

#include <string.h>

#include "sim/state_dir.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_OS_TYPE "linux"        /* virDomainGetOSType, as the test driver */

/* no VIR_DOMAIN_XML_UPDATE_CPU: the simulated node has no host CPU model to
 * update a guest CPU from, and libvirt's test driver refuses the flag too */
#define VR_SIM_XML_FLAGS (VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE | \
                          VIR_DOMAIN_XML_MIGRATABLE)
#define VR_SIM_LIST_FILTERS_ALL 0xffffu   /* every VIR_CONNECT_LIST_DOMAINS_* */
#define VR_SIM_AFFECT_FLAGS (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)

/* ---- lookups ---- */

static virDomainPtr vrSimLookupResult(virConnectPtr conn, vrSimNode *node,
                                      vrSimDomain *dom)
{
    virDomainPtr ret = NULL;

    if (dom)
        ret = vrSimDomainHandle(conn, dom);
    vrSimNodeUnlock(node);
    if (!dom)
        vrReportErrorBare(VIR_ERR_NO_DOMAIN);
    return ret;
}

virDomainPtr vrSimDrvDomainLookupByID(virConnectPtr conn, int id)
{
    vrSimNode *node = vrSimConnNode(conn);

    vrSimNodeLock(node);
    return vrSimLookupResult(conn, node, vrSimDomainListFindByID(node->domains, id));
}

virDomainPtr vrSimDrvDomainLookupByName(virConnectPtr conn, const char *name)
{
    vrSimNode *node = vrSimConnNode(conn);

    vrSimNodeLock(node);
    return vrSimLookupResult(conn, node, vrSimDomainListFindByName(node->domains, name));
}

virDomainPtr vrSimDrvDomainLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    vrSimNode *node = vrSimConnNode(conn);

    vrSimNodeLock(node);
    return vrSimLookupResult(conn, node, vrSimDomainListFindByUUID(node->domains, uuid));
}

/* ---- define / undefine ---- */

/* libvirt refuses a newline in a defined domain's name (virXMLCheckIllegalChars). */
static int vrSimCheckName(const char *name)
{
    if (!strchr(name, '\n'))
        return 0;
    vrErrorReport(VIR_FROM_XML, VIR_ERR_XML_DETAIL, __FILE__, __func__, __LINE__,
                  "invalid char in name: \n");
    return -1;
}

/* Write def as the domain's persistent definition (node locked): the
 * domain.define fault point and the state directory, before anything in
 * memory changes, so a failed write leaves the old definition as it was. */
static int vrSimDomainSaveConfig(vrSimNode *node, const vrDomainDef *def)
{
    g_autofree char *xml = NULL;

    if (!vrSimStateWriteWanted(node, VR_SIM_FAULT_DOMAIN_DEFINE))
        return 0;
    xml = vrDomainDefFormat(def, VR_DOMAIN_DEF_FORMAT_SECURE | VR_DOMAIN_DEF_FORMAT_INACTIVE);
    if (!xml)
        return -1;
    return vrSimStateWriteConfig(node, VR_SIM_STATE_DOMAIN, def->name, xml,
                                 VR_SIM_FAULT_DOMAIN_DEFINE);
}

virDomainPtr vrSimDrvDomainDefineXMLFlags(virConnectPtr conn, const char *xml,
                                          unsigned int flags)
{
    vrSimNode *node = vrSimConnNode(conn);
    unsigned int parse_flags = VR_DOMAIN_DEF_PARSE_INACTIVE;
    vrDomainDef *old_def = NULL;
    virDomainPtr ret = NULL;
    vrDomainDef *def;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VIR_DOMAIN_DEFINE_VALIDATE, "testDomainDefineXMLFlags") < 0)
        return NULL;
    if (flags & VIR_DOMAIN_DEFINE_VALIDATE)
        parse_flags |= VR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA;
    vrSimNodeUseIds(node);
    if (!(def = vrSimDomainDefParse(xml, parse_flags)))
        return NULL;
    if (vrSimCheckName(def->name) < 0) {
        vrDomainDefFree(def);
        return NULL;
    }
    vrSimNodeLock(node);
    if (vrSimDomainListCheckAdd(node->domains, def, 0) < 0 ||
        vrSimDomainSaveConfig(node, def) < 0 ||
        !(dom = vrSimDomainListAdd(node->domains, def, 0, &old_def))) {
        vrDomainDefFree(def);
        goto cleanup;
    }
    dom->persistent = true;
    vrSimQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_DEFINED,
                        old_def ? VIR_DOMAIN_EVENT_DEFINED_UPDATED
                                : VIR_DOMAIN_EVENT_DEFINED_ADDED);
    ret = vrSimDomainHandle(conn, dom);
 cleanup:
    vrSimNodeUnlock(node);
    vrDomainDefFree(old_def);
    return ret;
}

int vrSimDrvDomainUndefineFlags(virDomainPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                               VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA,
                        "testDomainUndefineFlags") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (dom->has_managed_save && !(flags & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE)) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_OPERATION_INVALID,
                      "Refusing to undefine while domain managed save image exists");
        return -1;
    }
    vrSimQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_UNDEFINED,
                        VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    dom->has_managed_save = false;
    /* a running domain lives on as a transient one */
    if (vrSimDomainIsActive(dom))
        dom->persistent = false;
    else
        vrSimDomainListRemove(node->domains, dom);
    vrSimNodeUnlock(node);
    return 0;
}

/* ---- listings ---- */

static int vrSimCountDomains(virConnectPtr conn, bool active)
{
    vrSimNode *node = vrSimConnNode(conn);
    g_autoptr(GPtrArray) all = NULL;
    int n = 0;
    guint i;

    vrSimNodeLock(node);
    all = vrSimDomainListSorted(node->domains);
    for (i = 0; i < all->len; i++)
        n += vrSimDomainIsActive(g_ptr_array_index(all, i)) == active;
    vrSimNodeUnlock(node);
    return n;
}

int vrSimDrvConnectNumOfDomains(virConnectPtr conn)
{
    return vrSimCountDomains(conn, true);
}

int vrSimDrvConnectNumOfDefinedDomains(virConnectPtr conn)
{
    return vrSimCountDomains(conn, false);
}

int vrSimDrvConnectListDomains(virConnectPtr conn, int *ids, int maxids)
{
    vrSimNode *node = vrSimConnNode(conn);
    g_autoptr(GPtrArray) all = NULL;
    int n = 0;
    guint i;

    vrSimNodeLock(node);
    all = vrSimDomainListSorted(node->domains);
    for (i = 0; i < all->len && n < maxids; i++) {
        vrSimDomain *dom = g_ptr_array_index(all, i);

        if (vrSimDomainIsActive(dom))
            ids[n++] = dom->def->id;
    }
    vrSimNodeUnlock(node);
    return n;
}

int vrSimDrvConnectListDefinedDomains(virConnectPtr conn, char **const names, int maxnames)
{
    vrSimNode *node = vrSimConnNode(conn);
    g_autoptr(GPtrArray) all = NULL;
    int n = 0;
    guint i;

    if (maxnames > 0)
        memset(names, 0, sizeof(*names) * maxnames);
    vrSimNodeLock(node);
    all = vrSimDomainListSorted(node->domains);
    for (i = 0; i < all->len && n < maxnames; i++) {
        vrSimDomain *dom = g_ptr_array_index(all, i);

        if (!vrSimDomainIsActive(dom))
            names[n++] = g_strdup(dom->name);
    }
    vrSimNodeUnlock(node);
    return n;
}

/* One pair of VIR_CONNECT_LIST_DOMAINS_* filters: with neither or both
 * bits set every domain passes, else the domain must match the set one. */
static bool vrSimFilterPair(unsigned int flags, unsigned int yes, unsigned int no, bool is)
{
    bool want_yes = flags & yes, want_no = flags & no;

    if (want_yes == want_no)
        return true;
    return want_yes ? is : !is;
}

static bool vrSimFilterState(unsigned int flags, int state)
{
    unsigned int group = VIR_CONNECT_LIST_DOMAINS_RUNNING | VIR_CONNECT_LIST_DOMAINS_PAUSED |
                         VIR_CONNECT_LIST_DOMAINS_SHUTOFF | VIR_CONNECT_LIST_DOMAINS_OTHER;

    if (!(flags & group))
        return true;
    if (state == VIR_DOMAIN_RUNNING)
        return flags & VIR_CONNECT_LIST_DOMAINS_RUNNING;
    if (state == VIR_DOMAIN_PAUSED)
        return flags & VIR_CONNECT_LIST_DOMAINS_PAUSED;
    if (state == VIR_DOMAIN_SHUTOFF)
        return flags & VIR_CONNECT_LIST_DOMAINS_SHUTOFF;
    return flags & VIR_CONNECT_LIST_DOMAINS_OTHER;
}

/* Simulated domains have no snapshots or checkpoints. */
static bool vrSimFilterMatch(unsigned int flags, const vrSimDomain *dom)
{
    return vrSimFilterPair(flags, VIR_CONNECT_LIST_DOMAINS_ACTIVE,
                           VIR_CONNECT_LIST_DOMAINS_INACTIVE, vrSimDomainIsActive(dom)) &&
           vrSimFilterPair(flags, VIR_CONNECT_LIST_DOMAINS_PERSISTENT,
                           VIR_CONNECT_LIST_DOMAINS_TRANSIENT, dom->persistent) &&
           vrSimFilterState(flags, dom->state) &&
           vrSimFilterPair(flags, VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE,
                           VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE, dom->has_managed_save) &&
           vrSimFilterPair(flags, VIR_CONNECT_LIST_DOMAINS_AUTOSTART,
                           VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, dom->autostart) &&
           vrSimFilterPair(flags, VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT,
                           VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT, false) &&
           vrSimFilterPair(flags, VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT,
                           VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT, false);
}

int vrSimDrvConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                                  unsigned int flags)
{
    vrSimNode *node = vrSimConnNode(conn);
    g_autoptr(GPtrArray) all = NULL;
    GPtrArray *out = NULL;
    int n = 0;
    guint i;

    if (vrSimCheckFlags(flags, VR_SIM_LIST_FILTERS_ALL, "testConnectListAllDomains") < 0)
        return -1;
    if (domains)
        out = g_ptr_array_new();
    vrSimNodeLock(node);
    all = vrSimDomainListSorted(node->domains);
    for (i = 0; i < all->len; i++) {
        vrSimDomain *dom = g_ptr_array_index(all, i);

        if (!vrSimFilterMatch(flags, dom))
            continue;
        n++;
        if (out)
            g_ptr_array_add(out, vrSimDomainHandle(conn, dom));
    }
    vrSimNodeUnlock(node);
    if (out) {
        g_ptr_array_add(out, NULL);         /* NULL-terminated, as libvirt's */
        *domains = (virDomainPtr *)g_ptr_array_free(out, FALSE);
    }
    return n;
}

/* ---- queries ---- */

int vrSimDrvDomainGetInfo(virDomainPtr handle, virDomainInfoPtr info)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    info->state = (unsigned char)dom->state;
    info->maxMem = dom->def->mem_max_kib;
    info->memory = dom->def->mem_cur_kib;
    info->nrVirtCpu = dom->def->vcpus_cur;
    info->cpuTime = vrSimDomainCpuTime(dom, vrSimNodeNow(node));
    vrSimNodeUnlock(node);
    return 0;
}

int vrSimDrvDomainGetState(virDomainPtr handle, int *state, int *reason, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckFlags(flags, 0, "testDomainGetState") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    *state = dom->state;
    if (reason)
        *reason = dom->reason;
    vrSimNodeUnlock(node);
    return 0;
}

char *vrSimDrvDomainGetXMLDesc(virDomainPtr handle, unsigned int flags)
{
    unsigned int format_flags = 0;
    const vrDomainDef *def;
    vrSimNode *node;
    vrSimDomain *dom;
    char *ret;

    if (vrSimCheckFlags(flags, VR_SIM_XML_FLAGS, "testDomainGetXMLDesc") < 0)
        return NULL;
    if (flags & VIR_DOMAIN_XML_SECURE)
        format_flags |= VR_DOMAIN_DEF_FORMAT_SECURE;
    if (flags & VIR_DOMAIN_XML_INACTIVE)
        format_flags |= VR_DOMAIN_DEF_FORMAT_INACTIVE;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return NULL;
    def = (flags & VIR_DOMAIN_XML_INACTIVE) ? vrSimDomainInactiveDef(dom) : dom->def;
    ret = vrDomainDefFormat(def, format_flags);
    vrSimNodeUnlock(node);
    return ret;
}

char *vrSimDrvDomainGetOSType(virDomainPtr handle)
{
    vrSimNode *node;

    if (!vrSimDomainAcquire(handle, &node))
        return NULL;
    vrSimNodeUnlock(node);
    return g_strdup(VR_SIM_OS_TYPE);
}

unsigned long vrSimDrvDomainGetMaxMemory(virDomainPtr handle)
{
    unsigned long ret;
    vrSimNode *node;
    vrSimDomain *dom;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return 0;
    ret = dom->def->mem_max_kib;
    vrSimNodeUnlock(node);
    return ret;
}

int vrSimDrvDomainIsActive(virDomainPtr handle)
{
    vrSimNode *node;
    vrSimDomain *dom;
    int ret;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    ret = vrSimDomainIsActive(dom);
    vrSimNodeUnlock(node);
    return ret;
}

int vrSimDrvDomainIsPersistent(virDomainPtr handle)
{
    vrSimNode *node;
    vrSimDomain *dom;
    int ret;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    ret = dom->persistent;
    vrSimNodeUnlock(node);
    return ret;
}

/* libvirt's test driver reports 0 even while a new definition waits for
 * the next start (GetXMLDesc INACTIVE shows it); so do we. */
int vrSimDrvDomainIsUpdated(virDomainPtr handle)
{
    vrSimNode *node;

    if (!vrSimDomainAcquire(handle, &node))
        return -1;
    vrSimNodeUnlock(node);
    return 0;
}

int vrSimDrvDomainGetAutostart(virDomainPtr handle, int *autostart)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    *autostart = dom->autostart;
    vrSimNodeUnlock(node);
    return 0;
}

/* As libvirt's test driver, transient domains take the flag too. */
int vrSimDrvDomainSetAutostart(virDomainPtr handle, int autostart)
{
    vrSimNode *node;
    vrSimDomain *dom;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    dom->autostart = autostart != 0;
    vrSimNodeUnlock(node);
    return 0;
}

/* ---- memory ---- */

static int vrSimSetMaxMemoryDef(vrDomainDef *def, unsigned long memory, bool live)
{
    if (live) {
        vrReportError(VIR_ERR_OPERATION_INVALID,
                      "cannot resize the maximum memory on an active domain");
        return -1;
    }
    if (def->mem_hotplug_kib && def->mem_hotplug_kib < memory) {
        vrReportError(VIR_ERR_OPERATION_INVALID,
                      "cannot set initial memory size greater than the maximum memory size");
        return -1;
    }
    def->mem_max_kib = memory;
    if (def->mem_cur_kib > memory)
        def->mem_cur_kib = memory;
    return 0;
}

int vrSimDrvDomainSetMemoryFlags(virDomainPtr handle, unsigned long memory,
                                 unsigned int flags)
{
    bool live = false;
    vrDomainDef *def;
    vrSimNode *node;
    vrSimDomain *dom;
    int ret = -1;

    if (vrSimCheckFlags(flags, VR_SIM_AFFECT_FLAGS | VIR_DOMAIN_MEM_MAXIMUM,
                        "testDomainSetMemoryFlags") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (!(def = vrSimDomainGetOneDef(dom, flags, &live))) {
        /* reported */
    } else if (flags & VIR_DOMAIN_MEM_MAXIMUM) {
        ret = vrSimSetMaxMemoryDef(def, memory, live);
    } else if (memory > def->mem_max_kib) {
        vrReportError(VIR_ERR_INVALID_ARG, "cannot set memory higher than max memory");
    } else {
        def->mem_cur_kib = memory;
        ret = 0;
    }
    vrSimNodeUnlock(node);
    return ret;
}


/* ---- vcpus ---- */

static int vrSimCheckVcpuMax(const vrDomainDef *def, unsigned int nvcpus)
{
    if (def && def->vcpus_max < nvcpus) {
        vrReportError(VIR_ERR_INVALID_ARG, "requested cpu amount exceeds maximum (%u > %u)",
                      nvcpus, def->vcpus_max);
        return -1;
    }
    return 0;
}

/* libvirt's public API refuses MAXIMUM without CONFIG before the driver
 * runs; the driver keeps the same rule for callers that reach it directly. */
static int vrSimCheckVcpuFlags(unsigned int nvcpus, unsigned int flags)
{
    if ((flags & VIR_DOMAIN_VCPU_MAXIMUM) && !(flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        vrErrorReportRaw(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG, __FILE__, __func__, __LINE__,
                         "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag "
                         "'VIR_DOMAIN_VCPU_MAXIMUM'");
        return -1;
    }
    if (vrSimCheckFlags(flags, VR_SIM_AFFECT_FLAGS | VIR_DOMAIN_VCPU_MAXIMUM,
                        "testDomainSetVcpusFlags") < 0)
        return -1;
    if (nvcpus > VR_SIM_MAX_VCPUS) {
        vrReportError(VIR_ERR_INVALID_ARG,
                      "requested cpu amount exceeds maximum supported amount (%u > %d)",
                      nvcpus, VR_SIM_MAX_VCPUS);
        return -1;
    }
    return 0;
}

int vrSimDrvDomainSetVcpusFlags(virDomainPtr handle, unsigned int nvcpus, unsigned int flags)
{
    vrDomainDef *live, *config;
    vrSimNode *node;
    vrSimDomain *dom;

    if (vrSimCheckVcpuFlags(nvcpus, flags) < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainGetDefs(dom, flags, &live, &config) < 0 ||
        vrSimCheckVcpuMax(live, nvcpus) < 0 ||
        (!(flags & VIR_DOMAIN_VCPU_MAXIMUM) && vrSimCheckVcpuMax(config, nvcpus) < 0)) {
        vrSimNodeUnlock(node);
        return -1;
    }
    if (live) {
        vrSimDomainBankCpu(dom, vrSimNodeNow(node));
        live->vcpus_cur = nvcpus;
    }
    if (config && (flags & VIR_DOMAIN_VCPU_MAXIMUM)) {
        config->vcpus_max = nvcpus;
        if (config->vcpus_cur > nvcpus)
            config->vcpus_cur = nvcpus;
    } else if (config) {
        config->vcpus_cur = nvcpus;
    }
    vrSimNodeUnlock(node);
    return 0;
}

int vrSimDrvDomainGetVcpusFlags(virDomainPtr handle, unsigned int flags)
{
    const vrDomainDef *def;
    vrSimNode *node;
    vrSimDomain *dom;
    int ret = -1;

    if (vrSimCheckFlags(flags, VR_SIM_AFFECT_FLAGS | VIR_DOMAIN_VCPU_MAXIMUM,
                        "testDomainGetVcpusFlags") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if ((def = vrSimDomainGetOneDef(dom, flags, NULL)))
        ret = (flags & VIR_DOMAIN_VCPU_MAXIMUM) ? (int)def->vcpus_max : (int)def->vcpus_cur;
    vrSimNodeUnlock(node);
    return ret;
}

/* As the test driver: the live maximum. */
int vrSimDrvDomainGetMaxVcpus(virDomainPtr handle)
{
    return vrSimDrvDomainGetVcpusFlags(handle, VIR_DOMAIN_AFFECT_LIVE |
                                       VIR_DOMAIN_VCPU_MAXIMUM);
}

/* ---- security ---- */

#define VR_SIM_SECURITY_MODEL "testSecurity"
#define VR_SIM_SECURITY_LABEL "libvirt-test"

int vrSimDrvNodeGetSecurityModel(virConnectPtr conn, virSecurityModelPtr secmodel)
{
    memset(secmodel, 0, sizeof(*secmodel));
    g_strlcpy(secmodel->model, VR_SIM_SECURITY_MODEL, sizeof(secmodel->model));
    return 0;
}

/* Running domains carry the test driver's enforcing label; inactive ones
 * have none (an empty label), as in libvirt. */
int vrSimDrvDomainGetSecurityLabel(virDomainPtr handle, virSecurityLabelPtr seclabel)
{
    vrSimNode *node;
    vrSimDomain *dom;

    memset(seclabel, 0, sizeof(*seclabel));
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainIsActive(dom)) {
        g_strlcpy(seclabel->label, VR_SIM_SECURITY_LABEL, sizeof(seclabel->label));
        seclabel->enforcing = 1;
    }
    vrSimNodeUnlock(node);
    return 0;
}
