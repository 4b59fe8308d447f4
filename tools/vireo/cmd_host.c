/* Commands about the host and the connection: nodeinfo, freecell,
 * capabilities, version, hostname and uri. */
#include "shell.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

/* Column width of the labels of "nodeinfo". */
#define VR_SH_NODE_LABEL_WIDTH 20
/* Bytes per KiB, for free memory figures. */
#define VR_SH_BYTES_PER_KIB 1024ULL



static bool
cmdNodeinfo(vrShCtl *ctl, const vrShCmd *cmd)
{
    virNodeInfo info;
    int w = VR_SH_NODE_LABEL_WIDTH;

    if (virNodeGetInfo(ctl->conn, &info) < 0) {
        vrShError(ctl, "%s", "failed to get node information");
        return false;
    }
    vrShPrint(ctl, "%-*s %s\n", w, "CPU model:", info.model);
    vrShPrint(ctl, "%-*s %d\n", w, "CPU(s):", info.cpus);
    if (info.mhz)
        vrShPrint(ctl, "%-*s %d MHz\n", w, "CPU frequency:", info.mhz);
    vrShPrint(ctl, "%-*s %d\n", w, "CPU socket(s):", info.sockets);
    vrShPrint(ctl, "%-*s %d\n", w, "Core(s) per socket:", info.cores);
    vrShPrint(ctl, "%-*s %d\n", w, "Thread(s) per core:", info.threads);
    vrShPrint(ctl, "%-*s %d\n", w, "NUMA cell(s):", info.nodes);
    vrShPrint(ctl, "%-*s %lu KiB\n", w, "Memory size:", info.memory);
    return true;
}


const vrShCmdDef vrShCmdNodeinfo = {
    .name = "nodeinfo", .handler = cmdNodeinfo,
    .help = "node information",
    .desc = "Returns basic information about the node.",
};


/* The ids of the NUMA cells in the capabilities XML; NULL after an
 * error was reported. */
static GArray *
vrShCellIds(vrShCtl *ctl)
{
    g_autofree char *caps = virConnectGetCapabilities(ctl->conn);
    xmlDocPtr doc = NULL;
    xmlXPathContextPtr xctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    GArray *ids = NULL;

    if (!caps) {
        vrShError(ctl, "%s", "unable to get node capabilities");
        return NULL;
    }
    if (!(doc = xmlReadMemory(caps, strlen(caps), "capabilities.xml", NULL,
                              XML_PARSE_NONET)))
        return NULL;
    xctxt = xmlXPathNewContext(doc);
    obj = xmlXPathEval((const xmlChar *)"/capabilities/host/topology/cells/cell",
                       xctxt);
    if (!obj || obj->type != XPATH_NODESET) {
        vrShError(ctl, "%s", "could not get information about NUMA topology");
        goto cleanup;
    }
    ids = g_array_new(FALSE, FALSE, sizeof(unsigned long));
    for (int i = 0; obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        xmlChar *v = xmlGetProp(obj->nodesetval->nodeTab[i], (const xmlChar *)"id");
        unsigned long long id;
        char *end;
        bool ok = v && vrShStrToULL((const char *)v, false, &id, &end) && !*end;

        xmlFree(v);
        if (!ok) {
            vrShError(ctl, "%s", "conversion from string failed");
            g_array_free(ids, TRUE);
            ids = NULL;
            goto cleanup;
        }
        g_array_append_vals(ids, &(unsigned long){ id }, 1);
    }

 cleanup:
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(xctxt);
    xmlFreeDoc(doc);
    return ids;
}


static bool
vrShFreecellAll(vrShCtl *ctl)
{
    g_autoptr(GArray) ids = vrShCellIds(ctl);
    g_autofree unsigned long long *free_mem = NULL;
    unsigned long long total = 0;

    if (!ids)
        return false;
    free_mem = g_new0(unsigned long long, ids->len);
    for (guint i = 0; i < ids->len; i++) {
        unsigned long id = g_array_index(ids, unsigned long, i);

        if (virNodeGetCellsFreeMemory(ctl->conn, &free_mem[i], (int)id, 1) != 1) {
            vrShError(ctl, "failed to get free memory for NUMA node number: %lu", id);
            return false;
        }
    }
    for (guint i = 0; i < ids->len; i++) {
        vrShPrint(ctl, "%5lu: %10llu KiB\n", g_array_index(ids, unsigned long, i),
                  free_mem[i] / VR_SH_BYTES_PER_KIB);
        total += free_mem[i];
    }
    vrShPrintExtra(ctl, "--------------------\n");
    vrShPrintExtra(ctl, "%5s: %10llu KiB\n", "Total", total / VR_SH_BYTES_PER_KIB);
    return true;
}


static bool
cmdFreecell(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool all = vrShOptBool(cmd, "all");
    bool cellno = vrShOptBool(cmd, "cellno");
    unsigned long cell = 0;
    unsigned long long mem = 0;

    if (!vrShExclusive(ctl, cmd, "all", "cellno"))
        return false;
    if (cellno && vrShOptULWrap(ctl, cmd, "cellno", &cell) < 0)
        return false;
    if (all)
        return vrShFreecellAll(ctl);
    if (cellno) {
        if (virNodeGetCellsFreeMemory(ctl->conn, &mem, (int)cell, 1) != 1)
            return false;
        vrShPrint(ctl, "%d: %llu KiB\n", (int)cell, mem / VR_SH_BYTES_PER_KIB);
        return true;
    }
    if ((mem = virNodeGetFreeMemory(ctl->conn)) == 0)
        return false;
    vrShPrint(ctl, "%s: %llu KiB\n", "Total", mem / VR_SH_BYTES_PER_KIB);
    return true;
}


static const vrShOptDef opts_freecell[] = {
    {.name = "cellno", .type = VR_SH_OT_INT, .help = "NUMA cell number"},
    VR_SH_OPT_BOOL("all", "show free memory for all NUMA cells"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdFreecell = {
    .name = "freecell", .handler = cmdFreecell, .opts = opts_freecell,
    .help = "NUMA free memory",
    .desc = "display available free memory for the NUMA cell.",
};


static bool
cmdCapabilities(vrShCtl *ctl, const vrShCmd *cmd)
{
    char *caps = virConnectGetCapabilities(ctl->conn);

    if (!caps) {
        vrShError(ctl, "%s", "failed to get capabilities");
        return false;
    }
    vrShPrint(ctl, "%s\n", caps);
    free(caps);
    return true;
}


const vrShCmdDef vrShCmdCapabilities = {
    .name = "capabilities", .handler = cmdCapabilities,
    .help = "capabilities",
    .desc = "Returns capabilities of hypervisor/driver.",
};


static bool
cmdVersion(vrShCtl *ctl, const vrShCmd *cmd)
{
    unsigned long lib_ver = 0, api_ver = 0, hv_ver = 0;
    const char *hv_type;

    vrShPrint(ctl, "Compiled against library: libvirt %d.%d.%d\n",
              VR_SH_VERSION_ARGS(LIBVIR_VERSION_NUMBER));
    if (virGetVersion(&lib_ver, NULL, NULL) < 0) {
        vrShError(ctl, "%s", "failed to get the library version");
        return false;
    }
    vrShPrint(ctl, "Using library: libvirt %d.%d.%d\n", VR_SH_VERSION_ARGS(lib_ver));

    if (!(hv_type = virConnectGetType(ctl->conn))) {
        vrShError(ctl, "%s", "failed to get hypervisor type");
        return false;
    }
    if (virGetVersion(&lib_ver, hv_type, &api_ver) < 0) {
        vrShError(ctl, "%s", "failed to get the library version");
        return false;
    }
    vrShPrint(ctl, "Using API: %s %d.%d.%d\n", hv_type, VR_SH_VERSION_ARGS(api_ver));

    if (virConnectGetVersion(ctl->conn, &hv_ver) < 0) {
        vrShError(ctl, "%s", "failed to get the hypervisor version");
        return false;
    }
    if (hv_ver == 0)
        vrShPrint(ctl, "Cannot extract running %s hypervisor version\n", hv_type);
    else
        vrShPrint(ctl, "Running hypervisor: %s %d.%d.%d\n", hv_type,
                  VR_SH_VERSION_ARGS(hv_ver));

    if (vrShOptBool(cmd, "daemon")) {
        unsigned long daemon_ver = 0;

        if (virConnectGetLibVersion(ctl->conn, &daemon_ver) < 0) {
            vrShError(ctl, "%s", "failed to get the daemon version");
            return false;
        }
        vrShPrint(ctl, "Running against daemon: %d.%d.%d\n",
                  VR_SH_VERSION_ARGS(daemon_ver));
    }
    return true;
}


static const vrShOptDef opts_version[] = {
    VR_SH_OPT_BOOL("daemon", "report daemon version too"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVersion = {
    .name = "version", .handler = cmdVersion, .opts = opts_version,
    .help = "show version",
    .desc = "Display the system version information.",
};


static bool
cmdHostname(vrShCtl *ctl, const vrShCmd *cmd)
{
    char *name = virConnectGetHostname(ctl->conn);

    if (!name) {
        vrShError(ctl, "%s", "failed to get hostname");
        return false;
    }
    vrShPrint(ctl, "%s\n", name);
    free(name);
    return true;
}


const vrShCmdDef vrShCmdHostname = {
    .name = "hostname", .handler = cmdHostname,
    .help = "print the hypervisor hostname", .desc = "",
};


static bool
cmdUri(vrShCtl *ctl, const vrShCmd *cmd)
{
    char *uri = virConnectGetURI(ctl->conn);

    if (!uri) {
        vrShError(ctl, "%s", "failed to get URI");
        return false;
    }
    vrShPrint(ctl, "%s\n", uri);
    free(uri);
    return true;
}


const vrShCmdDef vrShCmdUri = {
    .name = "uri", .handler = cmdUri,
    .help = "print the hypervisor canonical URI", .desc = "",
};
