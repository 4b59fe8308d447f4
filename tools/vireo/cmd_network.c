/* The shell's network commands: net-list, net-info, net-dumpxml,
 * net-define, net-create, net-start, net-destroy, net-undefine,
 * net-autostart, net-update, net-dhcp-leases, net-uuid and net-name. */
#include "shell.h"

#include <stdlib.h>
#include <string.h>

/* Column width of the labels of "net-info". */
#define VR_SH_NET_LABEL_WIDTH 15

typedef struct {
    virNetworkPtr *nets;
    size_t nnets;
} vrShNetList;


void
vrShNetworkFree(virNetworkPtr net)
{
    if (net)
        virNetworkFree(net);
}


static void
vrShNetListFree(vrShNetList *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->nnets; i++)
        vrShNetworkFree(list->nets[i]);
    free(list->nets);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrShNetList, vrShNetListFree)


/* Looks the network of option "network" up by UUID (a 36-character
 * string) and then by name, as 'by' allows.  The library's error of the
 * last attempt stays for the report, as in virsh. */
virNetworkPtr
vrShOptNetwork(vrShCtl *ctl, const vrShCmd *cmd, const char **name,
               unsigned int by)
{
    virNetworkPtr net = NULL;
    const char *n = NULL;

    if (vrShOptString(ctl, cmd, "network", &n) < 0 || !n)
        return NULL;
    if (name)
        *name = n;
    if ((by & VR_SH_BYUUID) && strlen(n) == VIR_UUID_STRING_BUFLEN - 1)
        net = virNetworkLookupByUUIDString(ctl->conn, n);
    if (!net && (by & VR_SH_BYNAME))
        net = virNetworkLookupByName(ctl->conn, n);
    if (!net)
        vrShError(ctl, "failed to get network '%s'", n);
    return net;
}


/* listflags: which networks completion offers (virConnectListAllNetworks
 * flags, 0 for all) */
#define VR_SH_OPT_NETWORK_LIST(helptext, listflags) \
    {.name = "network", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = helptext, .completer = vrShCompleteNetworks, \
     .completer_flags = listflags}
#define VR_SH_OPT_NETWORK(helptext) VR_SH_OPT_NETWORK_LIST(helptext, 0)
#define VR_SH_OPT_NETWORK_FULL VR_SH_OPT_NETWORK("network name or uuid")
#define VR_SH_OPT_NETWORK_FILTER(listflags) \
    VR_SH_OPT_NETWORK_LIST("network name or uuid", listflags)


/* ---- net-list ---- */

static int
vrShNetSort(const void *a, const void *b)
{
    return g_ascii_strcasecmp(virNetworkGetName(*(virNetworkPtr *)a),
                              virNetworkGetName(*(virNetworkPtr *)b));
}


#define VR_SH_NET_FILTER_ACTIVE \
    (VIR_CONNECT_LIST_NETWORKS_ACTIVE | VIR_CONNECT_LIST_NETWORKS_INACTIVE)
#define VR_SH_NET_FILTER_PERSISTENT \
    (VIR_CONNECT_LIST_NETWORKS_PERSISTENT | VIR_CONNECT_LIST_NETWORKS_TRANSIENT)
#define VR_SH_NET_FILTER_AUTOSTART \
    (VIR_CONNECT_LIST_NETWORKS_AUTOSTART | VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART)

/* 1 if net passes the persistence and autostart filters of flags, 0 if
 * not, -1 after reporting an error. */
static int
vrShNetFilter(vrShCtl *ctl, virNetworkPtr net, unsigned int flags)
{
    int v;

    if (flags & VR_SH_NET_FILTER_PERSISTENT) {
        if ((v = virNetworkIsPersistent(net)) < 0) {
            vrShError(ctl, "%s", "Failed to get network persistence info");
            return -1;
        }
        if (!(((flags & VIR_CONNECT_LIST_NETWORKS_PERSISTENT) && v) ||
              ((flags & VIR_CONNECT_LIST_NETWORKS_TRANSIENT) && !v)))
            return 0;
    }
    if (flags & VR_SH_NET_FILTER_AUTOSTART) {
        if (virNetworkGetAutostart(net, &v) < 0) {
            vrShError(ctl, "%s", "Failed to get network autostart state");
            return -1;
        }
        if (!(((flags & VIR_CONNECT_LIST_NETWORKS_AUTOSTART) && v) ||
              ((flags & VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART) && !v)))
            return 0;
    }
    return 1;
}


/* Appends the networks named by the old listing APIs (for drivers
 * without virConnectListAllNetworks). */
static bool
vrShNetListByNames(vrShCtl *ctl, vrShNetList *list, bool active)
{
    int n = active ? virConnectNumOfNetworks(ctl->conn)
                   : virConnectNumOfDefinedNetworks(ctl->conn);
    g_autofree char **names = NULL;

    if (n < 0) {
        vrShError(ctl, "%s", active ? "Failed to get the number of active networks"
                                    : "Failed to get the number of inactive networks");
        return false;
    }
    names = g_new0(char *, n + 1);
    n = active ? virConnectListNetworks(ctl->conn, names, n)
               : virConnectListDefinedNetworks(ctl->conn, names, n);
    if (n < 0) {
        vrShError(ctl, "%s", active ? "Failed to list active networks"
                                    : "Failed to list inactive networks");
        return false;
    }
    list->nets = g_renew(virNetworkPtr, list->nets, list->nnets + n + 1);
    for (int i = 0; i < n; i++) {
        virNetworkPtr net = virNetworkLookupByName(ctl->conn, names[i]);

        if (net)
            list->nets[list->nnets++] = net;
        free(names[i]);
    }
    vrShResetLibError();
    return true;
}


/* Gets the networks from the old APIs or, after the driver rejected some
 * filter, from the new one without it; then filters them here. */
static bool
vrShNetListFallback(vrShCtl *ctl, vrShNetList *list, unsigned int flags)
{
    size_t kept = 0;

    if (vrShLastErrorCode() == VIR_ERR_INVALID_ARG) {
        int n;

        vrShResetLibError();
        n = virConnectListAllNetworks(ctl->conn, &list->nets,
                                      flags & VR_SH_NET_FILTER_ACTIVE);
        if (n < 0) {
            vrShError(ctl, "%s", "Failed to list networks");
            return false;
        }
        list->nnets = n;
    } else if (vrShLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        vrShResetLibError();
        if ((!(flags & VR_SH_NET_FILTER_ACTIVE) ||
             (flags & VIR_CONNECT_LIST_NETWORKS_ACTIVE)) &&
            !vrShNetListByNames(ctl, list, true))
            return false;
        if ((!(flags & VR_SH_NET_FILTER_ACTIVE) ||
             (flags & VIR_CONNECT_LIST_NETWORKS_INACTIVE)) &&
            !vrShNetListByNames(ctl, list, false))
            return false;
    } else {
        vrShError(ctl, "%s", "Failed to list networks");
        return false;
    }
    for (size_t i = 0; i < list->nnets; i++) {
        virNetworkPtr net = list->nets[i];
        int keep = vrShNetFilter(ctl, net, flags);

        list->nets[i] = NULL;
        if (keep > 0)
            list->nets[kept++] = net;
        else
            virNetworkFree(net);
        if (keep < 0) {
            for (size_t j = i + 1; j < list->nnets; j++)
                vrShNetworkFree(g_steal_pointer(&list->nets[j]));
            list->nnets = kept;
            return false;
        }
    }
    list->nnets = kept;
    return true;
}


static vrShNetList *
vrShNetListCollect(vrShCtl *ctl, unsigned int flags)
{
    g_autoptr(vrShNetList) list = g_new0(vrShNetList, 1);
    int n;

    if ((n = virConnectListAllNetworks(ctl->conn, &list->nets, flags)) >= 0)
        list->nnets = n;
    else if (!vrShNetListFallback(ctl, list, flags))
        return NULL;
    if (list->nnets)
        qsort(list->nets, list->nnets, sizeof(*list->nets), vrShNetSort);
    return g_steal_pointer(&list);
}


static unsigned int
vrShNetListFlags(const vrShCmd *cmd)
{
    static const struct { const char *opt; unsigned int flag; } filters[] = {
        {"persistent", VIR_CONNECT_LIST_NETWORKS_PERSISTENT},
        {"transient", VIR_CONNECT_LIST_NETWORKS_TRANSIENT},
        {"autostart", VIR_CONNECT_LIST_NETWORKS_AUTOSTART},
        {"no-autostart", VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART},
    };
    unsigned int flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE;

    if (vrShOptBool(cmd, "inactive"))
        flags = VIR_CONNECT_LIST_NETWORKS_INACTIVE;
    if (vrShOptBool(cmd, "all"))
        flags = VR_SH_NET_FILTER_ACTIVE;
    for (size_t i = 0; i < G_N_ELEMENTS(filters); i++) {
        if (vrShOptBool(cmd, filters[i].opt))
            flags |= filters[i].flag;
    }
    return flags;
}


static void
vrShNetListRow(vrShTable *table, virNetworkPtr net)
{
    const char *cells[4];
    int autostart = 0;

    cells[0] = virNetworkGetName(net);
    cells[1] = virNetworkIsActive(net) ? "active" : "inactive";
    if (virNetworkGetAutostart(net, &autostart) < 0)
        cells[2] = "no autostart";
    else
        cells[2] = autostart ? "yes" : "no";
    cells[3] = virNetworkIsPersistent(net) ? "yes" : "no";
    vrShTableAddRowv(table, cells);
}


static bool
cmdNetList(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool opt_name = vrShOptBool(cmd, "name");
    bool opt_uuid = vrShOptBool(cmd, "uuid");
    bool opt_table = vrShOptBool(cmd, "table");
    g_autoptr(vrShNetList) list = NULL;
    g_autoptr(vrShTable) table = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (opt_table + opt_name + opt_uuid > 1) {
        vrShError(ctl, "%s",
                  "Only one argument from --table, --name and --uuid may be specified.");
        return false;
    }
    if (!opt_uuid && !opt_name)
        opt_table = true;
    if (!(list = vrShNetListCollect(ctl, vrShNetListFlags(cmd))))
        return false;
    if (opt_table)
        table = vrShTableNew("Name", "State", "Autostart", "Persistent", NULL);

    for (size_t i = 0; i < list->nnets; i++) {
        virNetworkPtr net = list->nets[i];

        if (table) {
            vrShNetListRow(table, net);
        } else if (opt_uuid) {
            if (virNetworkGetUUIDString(net, uuid) < 0) {
                vrShError(ctl, "%s", "Failed to get network's UUID");
                return false;
            }
            vrShPrint(ctl, "%s\n", uuid);
        } else {
            vrShPrint(ctl, "%s\n", virNetworkGetName(net));
        }
    }
    if (table)
        vrShTablePrint(ctl, table);
    return true;
}


static const vrShOptDef opts_net_list[] = {
    VR_SH_OPT_BOOL("inactive", "list inactive networks"),
    VR_SH_OPT_BOOL("all", "list inactive & active networks"),
    VR_SH_OPT_BOOL("persistent", "list persistent networks"),
    VR_SH_OPT_BOOL("transient", "list transient networks"),
    VR_SH_OPT_BOOL("autostart", "list networks with autostart enabled"),
    VR_SH_OPT_BOOL("no-autostart", "list networks with autostart disabled"),
    VR_SH_OPT_BOOL("uuid", "list uuid's only"),
    VR_SH_OPT_BOOL("name", "list network names only"),
    VR_SH_OPT_BOOL("table", "list table (default)"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetList = {
    .name = "net-list", .handler = cmdNetList, .opts = opts_net_list,
    .help = "list networks", .desc = "Returns list of networks.",
};


/* ---- net-info, net-dumpxml, net-uuid, net-name ---- */

#define VR_SH_NET_INFO(ctl, label, value) \
    vrShPrint(ctl, "%-*s %s\n", VR_SH_NET_LABEL_WIDTH, label, value)

static bool
cmdNetInfo(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    char *bridge;
    int active, persistent, autostart;

    if (!(net = vrShOptNetwork(ctl, cmd, NULL, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    VR_SH_NET_INFO(ctl, "Name:", virNetworkGetName(net));
    if (virNetworkGetUUIDString(net, uuid) == 0)
        VR_SH_NET_INFO(ctl, "UUID:", uuid);
    if ((active = virNetworkIsActive(net)) >= 0)
        VR_SH_NET_INFO(ctl, "Active:", active ? "yes" : "no");
    persistent = virNetworkIsPersistent(net);
    VR_SH_NET_INFO(ctl, "Persistent:",
                   persistent < 0 ? "unknown" : (persistent ? "yes" : "no"));
    if (virNetworkGetAutostart(net, &autostart) < 0)
        VR_SH_NET_INFO(ctl, "Autostart:", "no autostart");
    else
        VR_SH_NET_INFO(ctl, "Autostart:", autostart ? "yes" : "no");
    if ((bridge = virNetworkGetBridgeName(net))) {
        VR_SH_NET_INFO(ctl, "Bridge:", bridge);
        free(bridge);
    }
    /* a network without a bridge is not a failure of the command */
    vrShResetLibError();
    return true;
}


static const vrShOptDef opts_net_info[] = {
    VR_SH_OPT_NETWORK_FULL,
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetInfo = {
    .name = "net-info", .handler = cmdNetInfo, .opts = opts_net_info,
    .help = "network information",
    .desc = "Returns basic information about the network",
};


static bool
cmdNetDumpxml(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    unsigned int flags = 0;
    const char *xpath = NULL;
    char *xml;
    bool ret;

    if (!(net = vrShOptNetwork(ctl, cmd, NULL, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    if (vrShOptBool(cmd, "inactive"))
        flags |= VIR_NETWORK_XML_INACTIVE;
    /* an empty expression fails without a message, as in virsh */
    if (vrShOptStringQuiet(cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virNetworkGetXMLDesc(net, flags)))
        return false;
    ret = vrShDumpXML(ctl, xml, xpath, vrShOptBool(cmd, "wrap"));
    free(xml);
    return ret;
}


static const vrShOptDef opts_net_dumpxml[] = {
    VR_SH_OPT_NETWORK_FULL,
    VR_SH_OPT_BOOL("inactive", "show inactive defined XML"),
    {.name = "xpath", .type = VR_SH_OT_STRING, .flags = VR_SH_OFLAG_REQ_OPT,
     .help = "xpath expression to filter the XML document"},
    VR_SH_OPT_BOOL("wrap", "wrap xpath results in an common root element"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetDumpxml = {
    .name = "net-dumpxml", .handler = cmdNetDumpxml, .opts = opts_net_dumpxml,
    .help = "network information in XML",
    .desc = "Output the network information as an XML dump to stdout.",
};


static bool
cmdNetUuid(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(net = vrShOptNetwork(ctl, cmd, NULL, VR_SH_BYNAME)))
        return false;
    /* virsh reports the failure but the command still succeeds */
    if (virNetworkGetUUIDString(net, uuid) != -1)
        vrShPrint(ctl, "%s\n", uuid);
    else
        vrShError(ctl, "%s", "failed to get network UUID");
    return true;
}


static const vrShOptDef opts_net_uuid[] = {
    VR_SH_OPT_NETWORK("network name"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetUuid = {
    .name = "net-uuid", .handler = cmdNetUuid, .opts = opts_net_uuid,
    .help = "convert a network name to network UUID", .desc = "",
};


static bool
cmdNetName(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;

    if (!(net = vrShOptNetwork(ctl, cmd, NULL, VR_SH_BYUUID)))
        return false;
    vrShPrint(ctl, "%s\n", virNetworkGetName(net));
    return true;
}


static const vrShOptDef opts_net_name[] = {
    {.name = "network", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "network uuid", .completer = vrShCompleteNetworkUUIDs},
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetName = {
    .name = "net-name", .handler = cmdNetName, .opts = opts_net_name,
    .help = "convert a network UUID to network name", .desc = "",
};


/* ---- net-define, net-create ---- */

/* net-define (create false) or net-create: the network of --file, with
 * --validate checking it against the schema first. */
static bool
vrShNetFromFile(vrShCtl *ctl, const vrShCmd *cmd, bool create)
{
    g_autoptr(virNetwork) net = NULL;
    g_autofree char *xml = NULL;
    const char *from = NULL;
    bool validate;

    if (vrShOptString(ctl, cmd, "file", &from) < 0)
        return false;
    if (vrShReadFile(from, &xml) < 0)
        return false;
    validate = vrShOptBool(cmd, "validate");
    if (create)
        net = validate ? virNetworkCreateXMLFlags(ctl->conn, xml, VIR_NETWORK_CREATE_VALIDATE)
                       : virNetworkCreateXML(ctl->conn, xml);
    else
        net = validate ? virNetworkDefineXMLFlags(ctl->conn, xml, VIR_NETWORK_DEFINE_VALIDATE)
                       : virNetworkDefineXML(ctl->conn, xml);
    if (!net) {
        vrShError(ctl, "Failed to %s network from %s", create ? "create" : "define", from);
        return false;
    }
    vrShPrintExtra(ctl, "Network %s %s from %s\n", virNetworkGetName(net),
                   create ? "created" : "defined", from);
    return true;
}


static bool
cmdNetDefine(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShNetFromFile(ctl, cmd, false);
}


static bool
cmdNetCreate(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShNetFromFile(ctl, cmd, true);
}


static const vrShOptDef opts_net_from_file[] = {
    VR_SH_OPT_FILE("file containing an XML network description"),
    VR_SH_OPT_BOOL("validate", "validate the XML against the schema"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetDefine = {
    .name = "net-define", .handler = cmdNetDefine, .opts = opts_net_from_file,
    .help = "define an inactive persistent virtual network or modify an existing persistent one from an XML file",
    .desc = "Define or modify a persistent virtual network.",
};

const vrShCmdDef vrShCmdNetCreate = {
    .name = "net-create", .handler = cmdNetCreate, .opts = opts_net_from_file,
    .help = "create a network from an XML file", .desc = "Create a network.",
};


/* ---- net-start, net-destroy, net-undefine, net-autostart ---- */

typedef enum {
    VR_SH_NET_START,
    VR_SH_NET_DESTROY,
    VR_SH_NET_UNDEFINE,
} vrShNetAction;

/* The three commands that act on one network and report in one line. */
static bool
vrShNetAct(vrShCtl *ctl, const vrShCmd *cmd, vrShNetAction action)
{
    /* "Network NAME <done>" and "Failed to <verb> network NAME" */
    static const struct {
        const char *done;
        const char *verb;
    } texts[] = {
        [VR_SH_NET_START] = {"started", "start"},
        [VR_SH_NET_DESTROY] = {"destroyed", "destroy"},
        [VR_SH_NET_UNDEFINE] = {"has been undefined", "undefine"},
    };
    g_autoptr(virNetwork) net = NULL;
    const char *name = NULL;
    int rc;

    if (!(net = vrShOptNetwork(ctl, cmd, &name, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    switch (action) {
    case VR_SH_NET_START:
        rc = virNetworkCreate(net);
        break;
    case VR_SH_NET_DESTROY:
        rc = virNetworkDestroy(net);
        break;
    case VR_SH_NET_UNDEFINE:
    default:
        rc = virNetworkUndefine(net);
        break;
    }
    if (rc < 0) {
        vrShError(ctl, "Failed to %s network %s", texts[action].verb, name);
        return false;
    }
    vrShPrintExtra(ctl, "Network %s %s\n", name, texts[action].done);
    return true;
}


static bool
cmdNetStart(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShNetAct(ctl, cmd, VR_SH_NET_START);
}


static bool
cmdNetDestroy(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShNetAct(ctl, cmd, VR_SH_NET_DESTROY);
}


static bool
cmdNetUndefine(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShNetAct(ctl, cmd, VR_SH_NET_UNDEFINE);
}


static const vrShOptDef opts_net_start[] = {
    VR_SH_OPT_NETWORK_FILTER(VIR_CONNECT_LIST_NETWORKS_INACTIVE),
    VR_SH_OPT_END
};

static const vrShOptDef opts_net_destroy[] = {
    VR_SH_OPT_NETWORK_FILTER(VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    VR_SH_OPT_END
};

static const vrShOptDef opts_net_undefine[] = {
    VR_SH_OPT_NETWORK_FILTER(VIR_CONNECT_LIST_NETWORKS_PERSISTENT),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetStart = {
    .name = "net-start", .handler = cmdNetStart, .opts = opts_net_start,
    .help = "start a (previously defined) inactive network",
    .desc = "Start a network.",
};
const vrShCmdDef vrShCmdNetDestroy = {
    .name = "net-destroy", .handler = cmdNetDestroy, .opts = opts_net_destroy,
    .help = "destroy (stop) a network",
    .desc = "Forcefully stop a given network.",
};
const vrShCmdDef vrShCmdNetUndefine = {
    .name = "net-undefine", .handler = cmdNetUndefine,
    .opts = opts_net_undefine,
    .help = "undefine a persistent network",
    .desc = "Undefine the configuration for a persistent network.",
};


static bool
cmdNetAutostart(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    const char *name = NULL;
    bool autostart = !vrShOptBool(cmd, "disable");

    if (!(net = vrShOptNetwork(ctl, cmd, &name, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    if (virNetworkSetAutostart(net, autostart) < 0) {
        vrShError(ctl, autostart ? "failed to mark network %s as autostarted"
                                 : "failed to unmark network %s as autostarted",
                  name);
        return false;
    }
    vrShPrintExtra(ctl, autostart ? "Network %s marked as autostarted\n"
                                  : "Network %s unmarked as autostarted\n",
                   name);
    return true;
}


static const vrShOptDef opts_net_autostart[] = {
    VR_SH_OPT_NETWORK_FILTER(VIR_CONNECT_LIST_NETWORKS_PERSISTENT),
    VR_SH_OPT_BOOL("disable", "disable autostarting"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetAutostart = {
    .name = "net-autostart", .handler = cmdNetAutostart,
    .opts = opts_net_autostart, .help = "autostart a network",
    .desc = "Configure a network to be automatically started at boot.",
};


/* ---- net-update ---- */

static const char *const vrShNetUpdateCommands[] = {
    "none", "modify", "delete", "add-last", "add-first",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShNetUpdateCommands) == VIR_NETWORK_UPDATE_COMMAND_LAST);

static const char *const vrShNetSections[] = {
    "none", "bridge", "domain", "ip", "ip-dhcp-host", "ip-dhcp-range",
    "forward", "forward-interface", "forward-pf", "portgroup", "dns-host",
    "dns-txt", "dns-srv",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShNetSections) == VIR_NETWORK_SECTION_LAST);

/* Index of word in names, skipping the "none" entry 0; -1 if absent. */
static int
vrShNetEnumFind(const char *const *names, size_t n, const char *word)
{
    for (size_t i = 1; i < n; i++) {
        if (strcmp(names[i], word) == 0)
            return (int)i;
    }
    return -1;
}


/* The update command and section named by the options; false after
 * reporting an unknown one. */
static bool
vrShNetUpdateWords(vrShCtl *ctl, const vrShCmd *cmd, int *command,
                   int *section)
{
    const char *word = NULL;

    if (vrShOptString(ctl, cmd, "command", &word) < 0)
        return false;
    if (strcmp(word, "add") == 0)
        *command = VIR_NETWORK_UPDATE_COMMAND_ADD_LAST;
    else
        *command = vrShNetEnumFind(vrShNetUpdateCommands,
                                   G_N_ELEMENTS(vrShNetUpdateCommands), word);
    if (*command < 0) {
        vrShError(ctl, "unrecognized command name '%s'", word);
        return false;
    }
    if (vrShOptString(ctl, cmd, "section", &word) < 0)
        return false;
    *section = vrShNetEnumFind(vrShNetSections, G_N_ELEMENTS(vrShNetSections),
                               word);
    if (*section < 0) {
        vrShError(ctl, "unrecognized section name '%s'", word);
        return false;
    }
    return true;
}


static bool
cmdNetUpdate(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autofree char *from_file = NULL;
    const char *xml = NULL;
    bool config = vrShOptBool(cmd, "config");
    bool live = vrShOptBool(cmd, "live");
    unsigned int flags = VIR_NETWORK_UPDATE_AFFECT_CURRENT;
    int command, section, parent = -1;
    const char *what;

    if (!vrShExclusive(ctl, cmd, "current", "live") ||
        !vrShExclusive(ctl, cmd, "current", "config"))
        return false;
    if (!(net = vrShOptNetwork(ctl, cmd, NULL, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    if (!vrShNetUpdateWords(ctl, cmd, &command, &section) ||
        vrShOptInt(ctl, cmd, "parent-index", &parent) < 0 ||
        vrShOptString(ctl, cmd, "xml", &xml) < 0)
        return false;
    /* a value not starting with '<' names a file holding the element */
    if (*xml != '<') {
        if (vrShReadFile(xml, &from_file) < 0)
            return false;
        xml = from_file;
    }
    if (config)
        flags |= VIR_NETWORK_UPDATE_AFFECT_CONFIG;
    if (live)
        flags |= VIR_NETWORK_UPDATE_AFFECT_LIVE;
    if (virNetworkUpdate(net, command, section, parent, xml, flags) < 0) {
        vrShError(ctl, "Failed to update network %s", virNetworkGetName(net));
        return false;
    }
    if (config)
        what = live ? "persistent config and live state" : "persistent config";
    else if (live || virNetworkIsActive(net))
        what = "live state";
    else
        what = "persistent config";
    vrShPrintExtra(ctl, "Updated network %s %s", virNetworkGetName(net), what);
    return true;
}


/* "add" (another name for add-last) and the commands after "none". */
static char **
vrShCompleteNetUpdateCommands(vrShCtl *ctl G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    GPtrArray *words = g_ptr_array_new();

    g_ptr_array_add(words, g_strdup("add"));
    for (size_t i = 1; i < G_N_ELEMENTS(vrShNetUpdateCommands); i++)
        g_ptr_array_add(words, g_strdup(vrShNetUpdateCommands[i]));
    g_ptr_array_add(words, NULL);
    return (char **)g_ptr_array_free(words, FALSE);
}


/* The sections after "none". */
static char **
vrShCompleteNetSections(vrShCtl *ctl G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return vrShCompleteWords(vrShNetSections + 1,
                             G_N_ELEMENTS(vrShNetSections) - 1);
}


static const vrShOptDef opts_net_update[] = {
    VR_SH_OPT_NETWORK_FULL,
    {.name = "command", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "type of update (add-first, add-last (add), delete, or modify)",
     .completer = vrShCompleteNetUpdateCommands},
    {.name = "section", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "which section of network configuration to update",
     .completer = vrShCompleteNetSections},
    {.name = "xml", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "name of file containing xml (or, if it starts with '<', the complete xml element itself) to add/modify, or to be matched for search"},
    {.name = "parent-index", .type = VR_SH_OT_INT,
     .help = "which parent object to search through"},
    VR_SH_OPT_BOOL("config", "affect next network startup"),
    VR_SH_OPT_BOOL("live", "affect running network"),
    VR_SH_OPT_BOOL("current", "affect current state of network"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetUpdate = {
    .name = "net-update", .handler = cmdNetUpdate, .opts = opts_net_update,
    .help = "update parts of an existing network's configuration", .desc = "",
};


/* ---- net-dhcp-leases ---- */

static int
vrShLeaseSort(const void *a, const void *b)
{
    const virNetworkDHCPLease *la = *(virNetworkDHCPLeasePtr *)a;
    const virNetworkDHCPLease *lb = *(virNetworkDHCPLeasePtr *)b;

    return g_ascii_strcasecmp(la->mac ? la->mac : "", lb->mac ? lb->mac : "");
}


static void
vrShLeaseRow(vrShTable *table, const virNetworkDHCPLease *lease)
{
    g_autoptr(GDateTime) then = g_date_time_new_from_unix_local(lease->expirytime);
    g_autofree char *expiry = then ? g_date_time_format(then, "%Y-%m-%d %H:%M:%S")
                                   : NULL;
    g_autofree char *cidr = g_strdup_printf("%s/%u", lease->ipaddr,
                                            lease->prefix);
    const char *type = NULL;
    const char *cells[6];

    if (lease->type == VIR_IP_ADDR_TYPE_IPV4)
        type = "ipv4";
    else if (lease->type == VIR_IP_ADDR_TYPE_IPV6)
        type = "ipv6";
    cells[0] = expiry ? expiry : "-";
    cells[1] = lease->mac ? lease->mac : "-";
    cells[2] = type ? type : "-";
    cells[3] = cidr;
    cells[4] = lease->hostname ? lease->hostname : "-";
    cells[5] = lease->clientid ? lease->clientid : "-";
    vrShTableAddRowv(table, cells);
}


static bool
cmdNetDhcpLeases(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autoptr(vrShTable) table = NULL;
    virNetworkDHCPLeasePtr *leases = NULL;
    const char *name = NULL;
    const char *mac = NULL;
    int n;

    if (vrShOptString(ctl, cmd, "mac", &mac) < 0)
        return false;
    if (!(net = vrShOptNetwork(ctl, cmd, &name, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    if ((n = virNetworkGetDHCPLeases(net, mac, &leases, 0)) < 0) {
        vrShError(ctl, "Failed to get leases info for %s", name);
        return false;
    }
    if (n > 0)
        qsort(leases, n, sizeof(*leases), vrShLeaseSort);
    table = vrShTableNew("Expiry Time", "MAC address", "Protocol",
                         "IP address", "Hostname", "Client ID or DUID", NULL);
    for (int i = 0; i < n; i++) {
        vrShLeaseRow(table, leases[i]);
        virNetworkDHCPLeaseFree(leases[i]);
    }
    free(leases);
    vrShTablePrint(ctl, table);
    return true;
}


static const vrShOptDef opts_net_dhcp_leases[] = {
    VR_SH_OPT_NETWORK_FILTER(VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    {.name = "mac", .type = VR_SH_OT_STRING, .help = "MAC address"},
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdNetDhcpLeases = {
    .name = "net-dhcp-leases", .handler = cmdNetDhcpLeases,
    .opts = opts_net_dhcp_leases,
    .help = "print lease info for a given network",
    .desc = "Print lease info for a given network",
};
