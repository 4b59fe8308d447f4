/* Commands that look at domains without changing them: list, dominfo,
 * domstate, domid, domname, domuuid and dumpxml (with --xpath). */
#include "shell.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* Column width of the labels of "dominfo". */
#define VR_SH_INFO_LABEL_WIDTH 15
/* Nanoseconds per second, for "CPU time". */
#define VR_SH_NS_PER_SEC 1000000000.0

typedef struct {
    virDomainPtr *doms;
    size_t ndoms;
} vrShDomList;


static void
vrShDomListFree(vrShDomList *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->ndoms; i++)
        vrShDomainFree(list->doms[i]);
    free(list->doms);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrShDomList, vrShDomListFree)


/* Running domains first by id, then inactive ones by name. */
static int
vrShDomSort(const void *a, const void *b)
{
    virDomainPtr da = *(virDomainPtr *)a;
    virDomainPtr db = *(virDomainPtr *)b;
    unsigned int ida = virDomainGetID(da);
    unsigned int idb = virDomainGetID(db);
    unsigned int inactive = (unsigned int)-1;

    if (ida == inactive && idb == inactive)
        return g_ascii_strcasecmp(virDomainGetName(da), virDomainGetName(db));
    if (ida != inactive && idb != inactive)
        return ida > idb ? 1 : (ida < idb ? -1 : 0);
    return ida != inactive ? -1 : 1;
}


#define VR_SH_MATCH(f) (flags & (f))
/* Groups of list filters: a group applies when any of its flags is set. */
#define VR_SH_FILTER_PERSISTENT \
    (VIR_CONNECT_LIST_DOMAINS_PERSISTENT | VIR_CONNECT_LIST_DOMAINS_TRANSIENT)
#define VR_SH_FILTER_STATE \
    (VIR_CONNECT_LIST_DOMAINS_RUNNING | VIR_CONNECT_LIST_DOMAINS_PAUSED | \
     VIR_CONNECT_LIST_DOMAINS_SHUTOFF | VIR_CONNECT_LIST_DOMAINS_OTHER)
#define VR_SH_FILTER_AUTOSTART \
    (VIR_CONNECT_LIST_DOMAINS_AUTOSTART | VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART)
#define VR_SH_FILTER_MANAGEDSAVE \
    (VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE | VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE)

/* Applies the filters of flags by hand, for drivers that only know the
 * active/inactive ones.  Returns false if the domain is filtered out. */
static int
vrShDomFilter(virDomainPtr dom, unsigned int flags)
{
    int v;

    if (VR_SH_MATCH(VR_SH_FILTER_PERSISTENT)) {
        if ((v = virDomainIsPersistent(dom)) < 0)
            return -1;
        if (!((VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_PERSISTENT) && v) ||
              (VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_TRANSIENT) && !v)))
            return 0;
    }
    if (VR_SH_MATCH(VR_SH_FILTER_STATE)) {
        if (virDomainGetState(dom, &v, NULL, 0) < 0)
            return -1;
        if (!((VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_RUNNING) && v == VIR_DOMAIN_RUNNING) ||
              (VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_PAUSED) && v == VIR_DOMAIN_PAUSED) ||
              (VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_SHUTOFF) && v == VIR_DOMAIN_SHUTOFF) ||
              (VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_OTHER) &&
               v != VIR_DOMAIN_RUNNING && v != VIR_DOMAIN_PAUSED &&
               v != VIR_DOMAIN_SHUTOFF)))
            return 0;
    }
    if (VR_SH_MATCH(VR_SH_FILTER_AUTOSTART)) {
        if (virDomainGetAutostart(dom, &v) < 0)
            return -1;
        if (!((VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_AUTOSTART) && v) ||
              (VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART) && !v)))
            return 0;
    }
    if (VR_SH_MATCH(VR_SH_FILTER_MANAGEDSAVE)) {
        if ((v = virDomainHasManagedSaveImage(dom, 0)) < 0)
            return -1;
        if (!((VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE) && v) ||
              (VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE) && !v)))
            return 0;
    }
    /* without snapshot and checkpoint APIs there are none of either */
    if (VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT) ||
        VR_SH_MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT))
        return 0;
    return 1;
}


static vrShDomList *
vrShDomListCollect(vrShCtl *ctl, unsigned int flags)
{
    g_autoptr(vrShDomList) list = g_new0(vrShDomList, 1);
    size_t kept = 0;
    int n;

    if ((n = virConnectListAllDomains(ctl->conn, &list->doms, flags)) >= 0) {
        list->ndoms = n;
        qsort(list->doms, list->ndoms, sizeof(*list->doms), vrShDomSort);
        return g_steal_pointer(&list);
    }
    if (vrShLastErrorCode() != VIR_ERR_INVALID_ARG) {
        vrShError(ctl, "%s", "Failed to list domains");
        return NULL;
    }
    /* the driver rejected some filter: ask for less, filter here */
    vrShResetLibError();
    n = virConnectListAllDomains(ctl->conn, &list->doms, flags &
                                 (VIR_CONNECT_LIST_DOMAINS_ACTIVE |
                                  VIR_CONNECT_LIST_DOMAINS_INACTIVE));
    if (n < 0) {
        vrShError(ctl, "%s", "Failed to list domains");
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        int keep = vrShDomFilter(list->doms[i], flags);

        if (keep < 0) {
            vrShError(ctl, "%s", "Failed to get domain state");
            for (int j = i; j < n; j++)
                virDomainFree(list->doms[j]);
            list->ndoms = kept;
            return NULL;
        }
        if (keep)
            list->doms[kept++] = list->doms[i];
        else
            virDomainFree(list->doms[i]);
    }
    list->ndoms = kept;
    qsort(list->doms, list->ndoms, sizeof(*list->doms), vrShDomSort);
    return g_steal_pointer(&list);
}


/* Parses a domain's XML; *root receives the <domain> element. */
static xmlDocPtr
vrShDomainXMLDoc(virDomainPtr dom, unsigned int flags, xmlNodePtr *root)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, flags);
    xmlDocPtr doc;

    if (!xml)
        return NULL;
    doc = xmlReadMemory(xml, strlen(xml), "domain.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !(*root = xmlDocGetRootElement(doc))) {
        vrShSetLibError("internal error: failed to parse domain XML");
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}


/* The domain's <title>, "" when it has none; NULL on error. */
static char *
vrShDomainTitle(virDomainPtr dom)
{
    xmlNodePtr root = NULL;
    xmlDocPtr doc;
    char *title = NULL;

#ifdef VR_SH_HAVE_GET_METADATA
    if ((title = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, NULL, 0)))
        return title;
    if (vrShLastErrorCode() == VIR_ERR_NO_DOMAIN_METADATA) {
        vrShResetLibError();
        return g_strdup("");
    }
    if (vrShLastErrorCode() != VIR_ERR_NO_SUPPORT)
        return NULL;
    vrShResetLibError();
#endif
    if (!(doc = vrShDomainXMLDoc(dom, 0, &root)))
        return NULL;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE &&
            xmlStrEqual(n->name, (const xmlChar *)"title")) {
            xmlChar *c = xmlNodeGetContent(n);

            title = g_strdup((const char *)c);
            xmlFree(c);
            break;
        }
    }
    xmlFreeDoc(doc);
    return title ? title : g_strdup("");
}


static unsigned int
vrShListFlags(const vrShCmd *cmd)
{
    static const struct { const char *opt; unsigned int flag; } filters[] = {
        {"persistent", VIR_CONNECT_LIST_DOMAINS_PERSISTENT},
        {"transient", VIR_CONNECT_LIST_DOMAINS_TRANSIENT},
        {"with-managed-save", VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE},
        {"without-managed-save", VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE},
        {"autostart", VIR_CONNECT_LIST_DOMAINS_AUTOSTART},
        {"no-autostart", VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART},
        {"with-snapshot", VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT},
        {"without-snapshot", VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT},
        {"with-checkpoint", VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT},
        {"without-checkpoint", VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT},
        {"state-running", VIR_CONNECT_LIST_DOMAINS_RUNNING},
        {"state-paused", VIR_CONNECT_LIST_DOMAINS_PAUSED},
        {"state-shutoff", VIR_CONNECT_LIST_DOMAINS_SHUTOFF},
        {"state-other", VIR_CONNECT_LIST_DOMAINS_OTHER},
    };
    unsigned int flags = VIR_CONNECT_LIST_DOMAINS_ACTIVE;

    if (vrShOptBool(cmd, "inactive") || vrShOptBool(cmd, "state-shutoff"))
        flags = VIR_CONNECT_LIST_DOMAINS_INACTIVE;
    if (vrShOptBool(cmd, "all"))
        flags = VIR_CONNECT_LIST_DOMAINS_INACTIVE | VIR_CONNECT_LIST_DOMAINS_ACTIVE;
    for (size_t i = 0; i < G_N_ELEMENTS(filters); i++) {
        if (vrShOptBool(cmd, filters[i].opt))
            flags |= filters[i].flag;
    }
    return flags;
}


/* One row of the table form of "list". */
static bool
vrShListRow(vrShCtl *ctl, const vrShCmd *cmd, vrShTable *table,
            virDomainPtr dom, const char *id)
{
    bool managed = vrShOptBool(cmd, "managed-save");
    bool title_opt = vrShOptBool(cmd, "title");
    bool uuid_opt = vrShOptBool(cmd, "uuid");
    g_autofree char *title = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    const char *cells[5] = { id, virDomainGetName(dom), NULL, NULL, NULL };
    size_t n = 3;
    int state;

    if ((state = vrShDomainState(ctl, dom, NULL)) < 0)
        return true; /* the domain went away meanwhile */
    if (managed && state == VIR_DOMAIN_SHUTOFF &&
        virDomainHasManagedSaveImage(dom, 0) > 0)
        cells[2] = "saved";
    else
        cells[2] = vrShDomainStateStr(state);
    if (title_opt) {
        if (!(title = vrShDomainTitle(dom)))
            return false;
        cells[n++] = title;
    }
    if (uuid_opt) {
        if (virDomainGetUUIDString(dom, uuid) < 0) {
            vrShError(ctl, "%s", "Failed to get domain's UUID");
            return false;
        }
        cells[n++] = uuid;
    }
    vrShTableAddRowv(table, cells);
    return true;
}


/* One line of the --uuid/--id/--name forms of "list". */
static bool
vrShListLine(vrShCtl *ctl, const vrShCmd *cmd, virDomainPtr dom,
             const char *id, bool inactive)
{
    bool uuid_opt = vrShOptBool(cmd, "uuid");
    bool name_opt = vrShOptBool(cmd, "name");
    bool id_opt = vrShOptBool(cmd, "id");
    char uuid[VIR_UUID_STRING_BUFLEN];
    const char *sep = "";

    if (uuid_opt) {
        if (virDomainGetUUIDString(dom, uuid) < 0) {
            vrShError(ctl, "%s", "Failed to get domain's UUID");
            return false;
        }
        vrShPrint(ctl, "%s", uuid);
        sep = " ";
    }
    if (id_opt) {
        /* with --id alone only running domains are shown */
        if (inactive && !uuid_opt && !name_opt)
            return true;
        vrShPrint(ctl, "%s%s", sep, id);
        sep = " ";
    }
    if (name_opt)
        vrShPrint(ctl, "%s%s", sep, virDomainGetName(dom));
    vrShPrint(ctl, "\n");
    return true;
}


static vrShTable *
vrShListTable(const vrShCmd *cmd)
{
    bool title = vrShOptBool(cmd, "title");
    bool uuid = vrShOptBool(cmd, "uuid");

    if (title && uuid)
        return vrShTableNew("Id", "Name", "State", "Title", "UUID", NULL);
    if (title)
        return vrShTableNew("Id", "Name", "State", "Title", NULL);
    if (uuid)
        return vrShTableNew("Id", "Name", "State", "UUID", NULL);
    return vrShTableNew("Id", "Name", "State", NULL);
}


static bool
cmdList(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool table_opt = vrShOptBool(cmd, "table");
    g_autoptr(vrShDomList) list = NULL;
    g_autoptr(vrShTable) table = NULL;

    if (!vrShExclusive(ctl, cmd, "table", "name") ||
        !vrShExclusive(ctl, cmd, "table", "uuid") ||
        !vrShExclusive(ctl, cmd, "table", "id"))
        return false;
    if (!vrShOptBool(cmd, "uuid") && !vrShOptBool(cmd, "name") &&
        !vrShOptBool(cmd, "id"))
        table_opt = true;

    if (!(list = vrShDomListCollect(ctl, vrShListFlags(cmd))))
        return false;
    if (table_opt)
        table = vrShListTable(cmd);

    for (size_t i = 0; i < list->ndoms; i++) {
        virDomainPtr dom = list->doms[i];
        unsigned int id = virDomainGetID(dom);
        g_autofree char *idstr = id == (unsigned int)-1 ? g_strdup("-")
                                                        : g_strdup_printf("%d", (int)id);
        bool ok = table ? vrShListRow(ctl, cmd, table, dom, idstr)
                        : vrShListLine(ctl, cmd, dom, idstr,
                                       id == (unsigned int)-1);

        if (!ok)
            return false;
    }
    if (table)
        vrShTablePrint(ctl, table);
    return true;
}


static const vrShOptDef opts_list[] = {
    VR_SH_OPT_BOOL("inactive", "list inactive domains"),
    VR_SH_OPT_BOOL("all", "list inactive & active domains"),
    VR_SH_OPT_BOOL("transient", "list transient domains"),
    VR_SH_OPT_BOOL("persistent", "list persistent domains"),
    VR_SH_OPT_BOOL("with-snapshot", "list domains with existing snapshot"),
    VR_SH_OPT_BOOL("without-snapshot", "list domains without a snapshot"),
    VR_SH_OPT_BOOL("with-checkpoint", "list domains with existing checkpoint"),
    VR_SH_OPT_BOOL("without-checkpoint", "list domains without a checkpoint"),
    VR_SH_OPT_BOOL("state-running", "list domains in running state"),
    VR_SH_OPT_BOOL("state-paused", "list domains in paused state"),
    VR_SH_OPT_BOOL("state-shutoff", "list domains in shutoff state"),
    VR_SH_OPT_BOOL("state-other", "list domains in other states"),
    VR_SH_OPT_BOOL("autostart", "list domains with autostart enabled"),
    VR_SH_OPT_BOOL("no-autostart", "list domains with autostart disabled"),
    VR_SH_OPT_BOOL("with-managed-save", "list domains with managed save state"),
    VR_SH_OPT_BOOL("without-managed-save", "list domains without managed save"),
    VR_SH_OPT_BOOL("uuid", "list uuid's only"),
    VR_SH_OPT_BOOL("name", "list domain names only"),
    VR_SH_OPT_BOOL("id", "list domain IDs only"),
    VR_SH_OPT_BOOL("table", "list table (default)"),
    VR_SH_OPT_BOOL("managed-save", "mark inactive domains with managed save state"),
    VR_SH_OPT_BOOL("title", "show domain title"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdList = {
    .name = "list", .handler = cmdList, .opts = opts_list,
    .help = "list domains", .desc = "Returns list of domains.",
};


#define VR_SH_INFO(ctl, label, fmt, ...) \
    vrShPrint(ctl, "%-*s " fmt "\n", VR_SH_INFO_LABEL_WIDTH, label, __VA_ARGS__)

/* The security lines of dominfo; false on an error other than "not
 * supported". */
static bool
vrShDominfoSecurity(vrShCtl *ctl, virDomainPtr dom)
{
#ifdef VR_SH_HAVE_SECURITY
    virSecurityModel secmodel;
    g_autofree virSecurityLabelPtr label = g_new0(virSecurityLabel, 1);

    memset(&secmodel, 0, sizeof(secmodel));
    if (virNodeGetSecurityModel(ctl->conn, &secmodel) < 0) {
        if (vrShLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return false;
        vrShResetLibError();
        return true;
    }
    if (secmodel.model[0] == '\0')
        return true;
    VR_SH_INFO(ctl, "Security model:", "%s", secmodel.model);
    VR_SH_INFO(ctl, "Security DOI:", "%s", secmodel.doi);
    if (virDomainGetSecurityLabel(dom, label) < 0)
        return false;
    if (label->label[0] != '\0')
        vrShPrint(ctl, "%-*s %s (%s)\n", VR_SH_INFO_LABEL_WIDTH,
                  "Security label:", label->label,
                  label->enforcing ? "enforcing" : "permissive");
#endif
    return true;
}


static void
vrShDominfoMessages(vrShCtl *ctl, virDomainPtr dom)
{
#ifdef VR_SH_HAVE_GET_MESSAGES
    char **msgs = NULL;
    int n = virDomainGetMessages(dom, &msgs, 0);

    for (int i = 0; i < n; i++)
        VR_SH_INFO(ctl, i == 0 ? "Messages:" : "", "%s", msgs[i]);
    for (int i = 0; i < n; i++)
        free(msgs[i]);
    /* the array comes back even when it holds no message */
    free(msgs);
    vrShResetLibError();
#endif
}


static bool
cmdDominfo(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    virDomainInfo info;
    char *ostype;
    unsigned int id;
    int persistent, autostart, managed;
    bool ret = true;

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;

    id = virDomainGetID(dom);
    if (id == (unsigned int)-1)
        VR_SH_INFO(ctl, "Id:", "%s", "-");
    else
        VR_SH_INFO(ctl, "Id:", "%d", (int)id);
    VR_SH_INFO(ctl, "Name:", "%s", virDomainGetName(dom));
    if (virDomainGetUUIDString(dom, uuid) == 0)
        VR_SH_INFO(ctl, "UUID:", "%s", uuid);
    if ((ostype = virDomainGetOSType(dom))) {
        VR_SH_INFO(ctl, "OS Type:", "%s", ostype);
        free(ostype);
    }
    if (virDomainGetInfo(dom, &info) == 0) {
        VR_SH_INFO(ctl, "State:", "%s", vrShDomainStateStr(info.state));
        VR_SH_INFO(ctl, "CPU(s):", "%d", info.nrVirtCpu);
        if (info.cpuTime != 0)
            VR_SH_INFO(ctl, "CPU time:", "%.1lfs",
                       info.cpuTime / VR_SH_NS_PER_SEC);
        if (info.maxMem != UINT_MAX)
            VR_SH_INFO(ctl, "Max memory:", "%lu KiB", info.maxMem);
        else
            VR_SH_INFO(ctl, "Max memory:", "%s", "no limit");
        VR_SH_INFO(ctl, "Used memory:", "%lu KiB", info.memory);
    } else {
        ret = false;
    }

    persistent = virDomainIsPersistent(dom);
    VR_SH_INFO(ctl, "Persistent:", "%s",
               persistent < 0 ? "unknown" : (persistent ? "yes" : "no"));
    if (virDomainGetAutostart(dom, &autostart) == 0)
        VR_SH_INFO(ctl, "Autostart:", "%s", autostart ? "enable" : "disable");
    managed = virDomainHasManagedSaveImage(dom, 0);
    VR_SH_INFO(ctl, "Managed save:", "%s",
               managed < 0 ? "unknown" : (managed ? "yes" : "no"));
    if (!vrShDominfoSecurity(ctl, dom))
        return false;
    vrShDominfoMessages(ctl, dom);
    return ret;
}


static const vrShOptDef opts_dominfo[] = {
    VR_SH_OPT_DOMAIN_FULL,
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDominfo = {
    .name = "dominfo", .handler = cmdDominfo, .opts = opts_dominfo,
    .help = "domain information",
    .desc = "Returns basic information about the domain.",
};


static bool
cmdDomstate(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    int state, reason;

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;
    if ((state = vrShDomainState(ctl, dom, &reason)) < 0)
        return false;
    if (vrShOptBool(cmd, "reason"))
        vrShPrint(ctl, "%s (%s)\n", vrShDomainStateStr(state),
                  vrShDomainReasonStr(state, reason));
    else
        vrShPrint(ctl, "%s\n", vrShDomainStateStr(state));
    return true;
}


static const vrShOptDef opts_domstate[] = {
    VR_SH_OPT_DOMAIN_FULL,
    VR_SH_OPT_BOOL("reason", "also print reason for the state"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDomstate = {
    .name = "domstate", .handler = cmdDomstate, .opts = opts_domstate,
    .help = "domain state", .desc = "Returns state about a domain.",
};


static bool
cmdDomid(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int id;

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    id = virDomainGetID(dom);
    if (id == (unsigned int)-1)
        vrShPrint(ctl, "%s\n", "-");
    else
        vrShPrint(ctl, "%d\n", (int)id);
    return true;
}


static const vrShOptDef opts_domid[] = {
    VR_SH_OPT_DOMAIN_LIST("domain name or uuid",
                          VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDomid = {
    .name = "domid", .handler = cmdDomid, .opts = opts_domid,
    .help = "convert a domain name or UUID to domain id", .desc = "",
};


static bool
cmdDomname(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYID | VR_SH_BYUUID)))
        return false;
    vrShPrint(ctl, "%s\n", virDomainGetName(dom));
    return true;
}


static const vrShOptDef opts_domname[] = {
    {.name = "domain", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "domain id or uuid", .completer = vrShCompleteDomainUUIDs},
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDomname = {
    .name = "domname", .handler = cmdDomname, .opts = opts_domname,
    .help = "convert a domain id or UUID to domain name", .desc = "",
};


static bool
cmdDomuuid(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYNAME | VR_SH_BYID)))
        return false;
    if (virDomainGetUUIDString(dom, uuid) != 0) {
        vrShError(ctl, "%s", "failed to get domain UUID");
        return false;
    }
    vrShPrint(ctl, "%s\n", uuid);
    return true;
}


static const vrShOptDef opts_domuuid[] = {
    VR_SH_OPT_DOMAIN("domain id or name"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDomuuid = {
    .name = "domuuid", .handler = cmdDomuuid, .opts = opts_domuuid,
    .help = "convert a domain name or id to domain UUID", .desc = "",
};


static bool
cmdDumpxml(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags = 0;
    const char *xpath = NULL;
    char *xml;
    bool ret;

    if (vrShOptBool(cmd, "inactive"))
        flags |= VIR_DOMAIN_XML_INACTIVE;
    if (vrShOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    if (vrShOptBool(cmd, "update-cpu"))
        flags |= VIR_DOMAIN_XML_UPDATE_CPU;
    if (vrShOptBool(cmd, "migratable"))
        flags |= VIR_DOMAIN_XML_MIGRATABLE;
    /* an empty expression fails without a message, as in virsh */
    if (vrShOptStringQuiet(cmd, "xpath", &xpath) < 0)
        return false;
    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;
    if (!(xml = virDomainGetXMLDesc(dom, flags)))
        return false;
    ret = vrShDumpXML(ctl, xml, xpath, vrShOptBool(cmd, "wrap"));
    free(xml);
    return ret;
}


static const vrShOptDef opts_dumpxml[] = {
    VR_SH_OPT_DOMAIN_FULL,
    VR_SH_OPT_BOOL("inactive", "show inactive defined XML"),
    VR_SH_OPT_BOOL("security-info", "include security sensitive information in XML dump"),
    VR_SH_OPT_BOOL("update-cpu", "update guest CPU according to host CPU"),
    VR_SH_OPT_BOOL("migratable", "provide XML suitable for migrations"),
    {.name = "xpath", .type = VR_SH_OT_STRING, .flags = VR_SH_OFLAG_REQ_OPT,
     .help = "xpath expression to filter the XML document"},
    VR_SH_OPT_BOOL("wrap", "wrap xpath results in an common root element"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDumpxml = {
    .name = "dumpxml", .handler = cmdDumpxml, .opts = opts_dumpxml,
    .help = "domain information in XML",
    .desc = "Output the domain information as an XML dump to stdout.",
};
