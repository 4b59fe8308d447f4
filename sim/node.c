/* Simulated nodes: the shared default node (libvirt's test:///default
 * contents), private copies of it, and nodes loaded from libvirt test-driver
 * node files (<node> with <cpu>, <memory> and <domain> elements). */
#include "sim/node.h"
#include "sim/network_obj.h"
#include "sim/state_dir.h"
#include "sim/storage_obj.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <libxml/tree.h>

#include "conf/xml_util.h"
#include "util/error.h"
#include "util/file.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_DEFAULT_CELLS 2
#define VR_SIM_DEFAULT_CELL_CPUS 8
#define VR_SIM_DEFAULT_NODE_URL "(test driver)"

/* The host libvirt's test driver describes (virsh nodeinfo). */
static const virNodeInfo vrSimDefaultNodeInfo = {
    .model = "i686",
    .memory = 3 * 1024 * 1024,          /* KiB */
    .cpus = 16,
    .mhz = 1400,
    .nodes = 2,
    .sockets = 2,
    .cores = 2,
    .threads = 2,
};

/* The default node's domain, as `virsh -c test:///default dumpxml test`
 * shows it (the interface name is the one the test driver generates). */
static const char vrSimDefaultNodeXML[] =
    "<node>\n"
    "<domain type='test'>\n"
    "  <name>test</name>\n"
    "  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
    "  <memory unit='KiB'>8388608</memory>\n"
    "  <currentMemory unit='KiB'>2097152</currentMemory>\n"
    "  <vcpu placement='static'>2</vcpu>\n"
    "  <os>\n"
    "    <type arch='i686'>hvm</type>\n"
    "    <boot dev='hd'/>\n"
    "  </os>\n"
    "  <clock offset='utc'/>\n"
    "  <on_poweroff>destroy</on_poweroff>\n"
    "  <on_reboot>restart</on_reboot>\n"
    "  <on_crash>destroy</on_crash>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <source file='/guest/diskimage1'/>\n"
    "      <target dev='vda' bus='virtio'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n"
    "    </disk>\n"
    "    <interface type='network'>\n"
    "      <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "      <source network='default'/>\n"
    "      <target dev='testnet0'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>\n"
    "    </interface>\n"
    "    <memballoon model='virtio'>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>\n"
    "    </memballoon>\n"
    "  </devices>\n"
    "</domain>\n"
    "</node>\n";

static GMutex vrSimSharedLock;
static vrSimNode *vrSimShared;

static vrSimNode *vrSimNodeAlloc(void)
{
    vrSimNode *node = g_new0(vrSimNode, 1);

    node->refs = 1;
    g_mutex_init(&node->lock);
    node->info = vrSimDefaultNodeInfo;
    node->domains = vrSimDomainListNew();
    node->networks = vrSimNetworkListNew();
    node->pools = vrSimPoolListNew();
    node->next_id = 1;
    vrSimClockInit(&node->clock, VR_SIM_CLOCK_START_NS, VR_SIM_CLOCK_STEP_NS);
    node->events = vrEventStateNew();
    node->trace = vrSimTraceNew(&node->clock);
    vrSimDomainListSetTrace(node->domains, node->trace);
    vrSimPrngInitStream(&node->prng, 0, VR_SIM_STREAM_FAULTS);
    return node;
}

static void vrSimNodeFree(vrSimNode *node)
{
    if (!node)
        return;
    if (node->seeded)
        vrSimPrngReleaseUUIDs(&node->uuid_prng);
    vrEventStateFree(node->events);
    vrSimDomainListFree(node->domains);
    vrSimNetworkListFree(node->networks);
    vrSimPoolListFree(node->pools);
    vrSimFaultPlanFree(node->faults);
    vrSimTraceFree(node->trace);
    vrSimStateDirFree(node->state);
    g_free(node->cells);
    g_mutex_clear(&node->lock);
    g_free(node);
}

void vrSimNodeUnref(vrSimNode *node)
{
    bool last;

    if (!node)
        return;
    /* Under the shared lock so that an open never picks up a dying node. */
    g_mutex_lock(&vrSimSharedLock);
    last = g_atomic_int_dec_and_test(&node->refs);
    if (last && node == vrSimShared)
        vrSimShared = NULL;
    g_mutex_unlock(&vrSimSharedLock);
    if (last)
        vrSimNodeFree(node);
}

void vrSimNodeUseIds(vrSimNode *node)
{
    if (node->seeded)
        vrSimPrngUseForUUIDs(&node->uuid_prng);
}

void vrSimNodeLock(vrSimNode *node)
{
    vrSimNodeUseIds(node);
    g_mutex_lock(&node->lock);
    if (node->observing)
        return;
    vrSimClockTick(&node->clock);
    vrSimNodeRunGuests(node);
}

void vrSimNodeUnlock(vrSimNode *node)
{
    /* An observer only reads: syncing after each of its calls would format
     * every object per read (vireo-sim's checks make hundreds per step). */
    if (node->state && !node->observing)
        vrSimStateSync(node, false);
    g_mutex_unlock(&node->lock);
}

guint64 vrSimNodeNow(vrSimNode *node)
{
    return vrSimClockNow(&node->clock);
}

int vrSimNodeNextID(vrSimNode *node)
{
    return node->next_id++;
}

/* ---- node info ---- */

/* libvirt's virXPathLong on a child's text: 0 with *out set, -1 when the
 * element is absent or empty, -2 when it is not a number. */
static int vrSimNodeReadLong(xmlNode *parent, const char *name, long long *out)
{
    g_autofree char *text = vrXMLChildText(parent, name);
    char *end = NULL;
    long long val;

    if (!text || !*text)
        return -1;
    errno = 0;
    val = g_ascii_strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || val < 0 || val > G_MAXUINT32)
        return -2;
    *out = val;
    return 0;
}

typedef struct {
    const char *name;     /* child of <cpu>, or of <node> for memory */
    bool in_cpu;
    size_t offset;        /* unsigned int field of virNodeInfo, or memory */
} vrSimNodeInfoField;

static const vrSimNodeInfoField vrSimNodeInfoFields[] = {
    { "nodes", true, offsetof(virNodeInfo, nodes) },
    { "sockets", true, offsetof(virNodeInfo, sockets) },
    { "cores", true, offsetof(virNodeInfo, cores) },
    { "threads", true, offsetof(virNodeInfo, threads) },
    { "mhz", true, offsetof(virNodeInfo, mhz) },
};

static int vrSimNodeParseInfo(virNodeInfo *info, xmlNode *root)
{
    xmlNode *cpu = vrXMLChild(root, "cpu");
    g_autofree char *model = NULL;
    long long val;
    size_t i;
    int rc;

    for (i = 0; i < G_N_ELEMENTS(vrSimNodeInfoFields); i++) {
        const vrSimNodeInfoField *f = &vrSimNodeInfoFields[i];

        if ((rc = vrSimNodeReadLong(cpu, f->name, &val)) == -2) {
            vrReportError(VIR_ERR_XML_ERROR, "invalid node cpu %s value", f->name);
            return -1;
        }
        if (rc == 0)
            *(unsigned int *)((char *)info + f->offset) = (unsigned int)val;
    }
    info->cpus = info->cores * info->threads * info->sockets * info->nodes;
    if ((rc = vrSimNodeReadLong(cpu, "active", &val)) == -2) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid node cpu active value");
        return -1;
    }
    if (rc == 0 && val < info->cpus)
        info->cpus = (unsigned int)val;
    if ((model = vrXMLChildText(cpu, "model"))) {
        if (strlen(model) >= sizeof(info->model)) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "Model %s too big for destination", model);
            return -1;
        }
        g_strlcpy(info->model, model, sizeof(info->model));
    }
    if ((rc = vrSimNodeReadLong(root, "memory", &val)) == -2) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid node memory value");
        return -1;
    }
    if (rc == 0)
        info->memory = (unsigned long)val;
    return 0;
}

/* ---- domains ---- */

/* The per-domain extras libvirt's test driver reads from its namespace. */
typedef struct {
    int runstate;
    bool transient;
    bool has_managed_save;
} vrSimNodeDomainExtras;

static bool vrSimIsTestElement(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
           strcmp((const char *)node->ns->href, VR_SIM_TEST_NS_URI) == 0 &&
           (!name || strcmp((const char *)node->name, name) == 0);
}

static xmlNode *vrSimTestChild(xmlNode *parent, const char *name)
{
    xmlNode *cur;

    for (cur = parent->children; cur; cur = cur->next) {
        if (vrSimIsTestElement(cur, name))
            return cur;
    }
    return NULL;
}

static int vrSimNodeParseRunstate(xmlNode *dom, int *runstate)
{
    xmlNode *el = vrSimTestChild(dom, "runstate");
    g_autofree char *text = el ? vrXMLText(el) : NULL;
    unsigned int val;

    *runstate = VIR_DOMAIN_RUNNING;
    if (!text || !*text)
        return 0;
    if (vrStrToUInt(text, 10, &val) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid runstate");
        return -1;
    }
    if (val >= VIR_DOMAIN_LAST) {
        vrReportError(VIR_ERR_XML_ERROR, "runstate '%u' out of range'", val);
        return -1;
    }
    *runstate = (int)val;
    return 0;
}

static int vrSimNodeParseExtras(xmlNode *dom, vrSimNodeDomainExtras *ex)
{
    if (vrSimNodeParseRunstate(dom, &ex->runstate) < 0)
        return -1;
    ex->transient = vrSimTestChild(dom, "transient") != NULL;
    ex->has_managed_save = vrSimTestChild(dom, "hasmanagedsave") != NULL;
    if (ex->transient && ex->runstate == VIR_DOMAIN_SHUTOFF) {
        vrReportError(VIR_ERR_XML_ERROR, "transient domain cannot have runstate 'shutoff'");
        return -1;
    }
    if (ex->has_managed_save && ex->runstate != VIR_DOMAIN_SHUTOFF) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "domain with managedsave data can only have runstate 'shutoff'");
        return -1;
    }
    return 0;
}

/* The <domain> element as a standalone document, without the test
 * namespace's elements (they are node-file data, not domain XML). */
static char *vrSimDomainElementXML(xmlNode *dom)
{
    xmlDoc *doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *copy = xmlDocCopyNode(dom, doc, 1);
    xmlNode *cur, *next;
    xmlBuffer *buf;
    char *xml;

    xmlDocSetRootElement(doc, copy);
    for (cur = copy->children; cur; cur = next) {
        next = cur->next;
        if (vrSimIsTestElement(cur, NULL)) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
        }
    }
    buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, copy, 0, 0);
    xml = g_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    xmlFreeDoc(doc);
    return xml;
}

/* Read and parse an XML file whose root must be root_name, naming the
 * file in every error. */
static xmlDoc *vrSimParseFile(const char *path, const char *root_name)
{
    g_autofree char *data = NULL;

    if (access(path, R_OK) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "failed to parse xml document '%s': %s",
                      path, g_strerror(errno));
        return NULL;
    }
    if (vrFileReadAll(path, VR_SIM_NODE_FILE_MAX_BYTES, &data, NULL) < 0)
        return NULL;
    return vrXMLParseString(data, path, root_name);
}

/* A <domain file='x'/> is relative to the node file's directory. */
static char *vrSimNodeRelativePath(const char *node_file, const char *file)
{
    g_autofree char *dir = NULL;

    if (g_path_is_absolute(file))
        return g_strdup(file);
    dir = g_path_get_dirname(node_file);
    return g_build_filename(dir, file, NULL);
}

static int vrSimNodeAddDomain(vrSimNode *node, xmlNode *el)
{
    vrSimNodeDomainExtras ex;
    g_autofree char *xml = NULL;
    vrDomainDef *def;
    vrSimDomain *dom;

    if (vrSimNodeParseExtras(el, &ex) < 0)
        return -1;
    xml = vrSimDomainElementXML(el);
    if (!(def = vrSimDomainDefParse(xml, VR_DOMAIN_DEF_PARSE_INACTIVE)))
        return -1;
    if (!(dom = vrSimDomainListAdd(node->domains, def, 0, NULL))) {
        vrDomainDefFree(def);
        return -1;
    }
    dom->persistent = !ex.transient;
    if (ex.runstate != VIR_DOMAIN_SHUTOFF)
        vrSimDomainStart(dom, vrSimNodeNextID(node), VIR_DOMAIN_RUNNING_BOOTED,
                         vrSimNodeNow(node));
    else
        vrSimDomainStop(dom, VIR_DOMAIN_SHUTOFF_UNKNOWN, vrSimNodeNow(node));
    /* the file's state, with no reason, as libvirt's test driver does */
    vrSimDomainSetState(dom, ex.runstate, 0, vrSimNodeNow(node));
    dom->has_managed_save = ex.has_managed_save;
    return 0;
}

static int vrSimNodeParseDomains(vrSimNode *node, const char *file, xmlNode *root)
{
    xmlNode *cur;
    int count = 0;

    for (cur = root->children; cur; cur = cur->next) {
        g_autofree char *ext = NULL;
        xmlDoc *doc = NULL;
        int rc;

        if (!vrXMLIsElement(cur, "domain"))
            continue;
        if (++count > VR_SIM_NODE_DOMAINS_MAX) {
            vrReportError(VIR_ERR_XML_ERROR, "node file '%s' has more than %d domains",
                          file, VR_SIM_NODE_DOMAINS_MAX);
            return -1;
        }
        if (file && (ext = vrXMLProp(cur, "file"))) {
            g_autofree char *path = vrSimNodeRelativePath(file, ext);

            if (!(doc = vrSimParseFile(path, "domain")))
                return -1;
            rc = vrSimNodeAddDomain(node, xmlDocGetRootElement(doc));
            xmlFreeDoc(doc);
        } else {
            rc = vrSimNodeAddDomain(node, cur);
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* doc's root is <node> (checked by the parser); objects: its domains,
 * networks and pools too, not only the host facts. */
static int vrSimNodeParse(vrSimNode *node, const char *file, xmlDoc *doc, bool objects)
{
    xmlNode *root = xmlDocGetRootElement(doc);

    if (vrSimNodeParseInfo(&node->info, root) < 0)
        return -1;
    if (!objects)
        return 0;
    if (vrSimNodeParseDomains(node, file, root) < 0 ||
        vrSimNetworkListParseNode(node->networks, file, root) < 0 ||
        vrSimPoolListParseNode(node->pools, file, root) < 0)
        return -1;
    return 0;
}

/* The default node's two NUMA cells: 8 cpus each, 2 and 4 GiB, one socket
 * per cell, as libvirt's test driver sets them up. */
static void vrSimNodeDefaultCells(vrSimNode *node)
{
    int i;

    node->ncells = VR_SIM_DEFAULT_CELLS;
    node->cells = g_new0(vrSimCell, node->ncells);
    for (i = 0; i < node->ncells; i++) {
        node->cells[i].ncpus = VR_SIM_DEFAULT_CELL_CPUS;
        node->cells[i].mem_kib = (unsigned long long)(i + 1) * 2048 * 1024;
        node->cells[i].free_kib = (unsigned long long)(i + 1) * 1024 * 1024;
    }
    for (i = 0; i < VR_SIM_DEFAULT_CELLS * VR_SIM_DEFAULT_CELL_CPUS; i++) {
        vrSimCellCpu *cpu = &node->cells[i / VR_SIM_DEFAULT_CELL_CPUS]
                                 .cpus[i % VR_SIM_DEFAULT_CELL_CPUS];

        cpu->id = i;
        cpu->socket_id = i / VR_SIM_DEFAULT_CELL_CPUS;
        cpu->core_id = i % VR_SIM_DEFAULT_CELL_CPUS;
    }
}

/* Fill node with the default contents (path NULL) or a node file's; with
 * objects false, only the host facts. */
static int vrSimNodeFill(vrSimNode *node, const char *path, bool objects)
{
    xmlDoc *doc;
    int rc;

    if (!path) {
        vrSimNodeDefaultCells(node);
        if (!objects)
            return 0;
        doc = vrXMLParseString(vrSimDefaultNodeXML, VR_SIM_DEFAULT_NODE_URL, "node");
    } else {
        doc = vrSimParseFile(path, "node");
    }
    if (!doc)
        return -1;
    rc = vrSimNodeParse(node, path, doc, objects);
    xmlFreeDoc(doc);
    return rc;
}

/* The contents of a node with a state directory: the directory's, or, when
 * it is fresh, the usual ones, written there. */
static int vrSimNodeFillState(vrSimNode *node, const vrSimNodeConfig *cfg)
{
    bool fresh = false;

    if (!(node->state = vrSimStateDirOpen(cfg->statedir, &fresh)))
        return -1;
    if (fresh)
        return vrSimNodeFill(node, cfg->path, true) < 0 ? -1 : vrSimStateInit(node);
    if (vrSimNodeFill(node, cfg->path, false) < 0)
        return -1;
    return vrSimStateLoad(node);
}

vrSimNode *vrSimNodeNew(const vrSimNodeConfig *cfg)
{
    vrSimNode *node = vrSimNodeAlloc();
    int rc;

    if (cfg->seeded) {
        node->seeded = true;
        node->seed = cfg->seed;
        vrSimPrngInitStream(&node->prng, cfg->seed, VR_SIM_STREAM_FAULTS);
        vrSimPrngInitStream(&node->uuid_prng, cfg->seed, VR_SIM_STREAM_UUIDS);
        /* before parsing: a node file's domains without a UUID get seeded ones */
        vrSimPrngUseForUUIDs(&node->uuid_prng);
        vrSimTraceAdd(node->trace, "node", "seed=%" G_GUINT64_FORMAT, cfg->seed);
    }
    rc = cfg->statedir ? vrSimNodeFillState(node, cfg) : vrSimNodeFill(node, cfg->path, true);
    if (rc < 0) {
        vrSimFaultPlanFree(cfg->plan);
        vrSimNodeFree(node);
        return NULL;
    }
    vrSimNodeSetFaults(node, cfg->plan);
    return node;
}

vrSimNode *vrSimNodeNewDefault(void)
{
    vrSimNodeConfig cfg = { 0 };

    return vrSimNodeNew(&cfg);
}

vrSimNode *vrSimNodeNewFromFile(const char *path)
{
    vrSimNodeConfig cfg = { .path = path };

    return vrSimNodeNew(&cfg);
}

vrSimNode *vrSimNodeNewSimulated(const char *path, guint64 seed, vrSimFaultPlan *plan)
{
    vrSimNodeConfig cfg = { .path = path, .seeded = true, .seed = seed, .plan = plan };

    return vrSimNodeNew(&cfg);
}

void vrSimNodeSetFaults(vrSimNode *node, vrSimFaultPlan *plan)
{
    vrSimFaultPlanFree(node->faults);
    node->faults = plan;
    if (plan)
        vrSimFaultPlanAttach(plan, &node->prng, &node->clock, node->trace);
}

/* ---- guests ---- */

void vrSimNodeQueueLifecycle(vrSimNode *node, const vrSimDomain *dom, int event, int detail)
{
    vrSimTraceEvent(node->trace, dom->name, event, detail);
    vrEventStateQueueLifecycle(node->events, dom->name, dom->uuid, dom->def->id,
                               event, detail);
}

void vrSimNodeCrashDomain(vrSimNode *node, vrSimDomain *dom)
{
    guint64 now = vrSimNodeNow(node);

    vrSimDomainSetState(dom, VIR_DOMAIN_CRASHED, VIR_DOMAIN_CRASHED_PANICKED, now);
    vrSimNodeQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_CRASHED,
                            VIR_DOMAIN_EVENT_CRASHED_PANICKED);
    switch (dom->def->on_crash) {
    case VR_DOMAIN_LIFECYCLE_ACTION_DESTROY:
    case VR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY:
        vrSimDomainStop(dom, VIR_DOMAIN_SHUTOFF_CRASHED, now);
        vrSimNodeQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_STOPPED,
                                VIR_DOMAIN_EVENT_STOPPED_CRASHED);
        if (!dom->persistent)
            vrSimDomainListRemove(node->domains, dom);
        break;
    case VR_DOMAIN_LIFECYCLE_ACTION_RESTART:
    case VR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART:
        /* libvirt's qemu driver resets the guest in place (a fake reboot) */
        vrSimDomainSetState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_CRASHED, now);
        vrSimNodeQueueLifecycle(node, dom, VIR_DOMAIN_EVENT_RESUMED,
                                VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
        break;
    case VR_DOMAIN_LIFECYCLE_ACTION_PRESERVE:
    case VR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME:
    case VR_DOMAIN_LIFECYCLE_ACTION_LAST:
        break;
    }
}

void vrSimNodeRunGuests(vrSimNode *node)
{
    g_autoptr(GPtrArray) all = NULL;
    guint i;

    if (!vrSimFaultPlanWatches(node->faults, VR_SIM_FAULT_GUEST_CRASH))
        return;
    all = vrSimDomainListSorted(node->domains);
    for (i = 0; i < all->len; i++) {
        vrSimDomain *dom = g_ptr_array_index(all, i);
        vrSimFaultCtx ctx = { .dom = dom->name };

        /* a crash may free dom; nothing below touches it again */
        if (dom->state == VIR_DOMAIN_RUNNING &&
            vrSimFaultFire(node->faults, VR_SIM_FAULT_GUEST_CRASH, &ctx))
            vrSimNodeCrashDomain(node, dom);
    }
}

vrSimNode *vrSimNodeOpenShared(void)
{
    vrSimNode *node;

    g_mutex_lock(&vrSimSharedLock);
    if (vrSimShared) {
        g_atomic_int_inc(&vrSimShared->refs);
        node = vrSimShared;
    } else {
        node = vrSimShared = vrSimNodeNewDefault();
    }
    g_mutex_unlock(&vrSimSharedLock);
    return node;
}
