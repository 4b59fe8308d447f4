/* The shell's storage pool commands: pool-list, pool-info, pool-dumpxml,
 * pool-define(-as), pool-create(-as), pool-build, pool-start,
 * pool-destroy, pool-delete, pool-undefine, pool-refresh, pool-autostart,
 * pool-uuid and pool-name. */
#include "shell.h"

#include <stdlib.h>
#include <string.h>

/* Column width of the labels of "pool-info". */
#define VR_SH_POOL_LABEL_WIDTH 15

typedef struct {
    virStoragePoolPtr *pools;
    size_t npools;
} vrShPoolList;


void
vrShPoolFree(virStoragePoolPtr pool)
{
    if (pool)
        virStoragePoolFree(pool);
}


static void
vrShPoolListFree(vrShPoolList *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->npools; i++)
        vrShPoolFree(list->pools[i]);
    free(list->pools);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrShPoolList, vrShPoolListFree)


/* Looks the pool of option optname up by UUID (a 36-character string)
 * and then by name, as 'by' allows.  The library's error of the last
 * attempt stays for the report, as in virsh. */
virStoragePoolPtr
vrShOptPool(vrShCtl *ctl, const vrShCmd *cmd, const char *optname,
            const char **name, unsigned int by)
{
    virStoragePoolPtr pool = NULL;
    const char *n = NULL;

    if (vrShOptString(ctl, cmd, optname, &n) < 0 || !n)
        return NULL;
    if (name)
        *name = n;
    if ((by & VR_SH_BYUUID) && strlen(n) == VIR_UUID_STRING_BUFLEN - 1)
        pool = virStoragePoolLookupByUUIDString(ctl->conn, n);
    if (!pool && (by & VR_SH_BYNAME))
        pool = virStoragePoolLookupByName(ctl->conn, n);
    if (!pool)
        vrShError(ctl, "failed to get pool '%s'", n);
    return pool;
}


static const char *const vrShPoolStates[] = {
    "inactive", "building", "running", "degraded", "inaccessible",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShPoolStates) == VIR_STORAGE_POOL_STATE_LAST);

const char *
vrShPoolStateStr(int state)
{
    if (state < 0 || state >= VIR_STORAGE_POOL_STATE_LAST)
        return "unknown";
    return vrShPoolStates[state];
}


/* listflags: which pools completion offers (virConnectListAllStoragePools
 * flags, 0 for all) */
#define VR_SH_OPT_POOL_LIST(helptext, listflags) \
    {.name = "pool", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = helptext, .completer = vrShCompletePools, \
     .completer_flags = listflags}
#define VR_SH_OPT_POOL(helptext) VR_SH_OPT_POOL_LIST(helptext, 0)
#define VR_SH_OPT_POOL_FULL VR_SH_OPT_POOL("pool name or uuid")
#define VR_SH_OPT_POOL_FILTER(listflags) \
    VR_SH_OPT_POOL_LIST("pool name or uuid", listflags)
#define VR_SH_OPT_POOL_BUILD \
    VR_SH_OPT_BOOL("build", "build the pool as normal")
#define VR_SH_OPT_POOL_NO_OVERWRITE \
    VR_SH_OPT_BOOL("no-overwrite", "do not overwrite any existing data")
#define VR_SH_OPT_POOL_OVERWRITE \
    VR_SH_OPT_BOOL("overwrite", "overwrite any existing data")
#define VR_SH_BY_NAME_OR_UUID (VR_SH_BYNAME | VR_SH_BYUUID)


/* ---- pool-list ---- */

static int
vrShPoolSort(const void *a, const void *b)
{
    return g_ascii_strcasecmp(virStoragePoolGetName(*(virStoragePoolPtr *)a),
                              virStoragePoolGetName(*(virStoragePoolPtr *)b));
}


#define VR_SH_POOL_FILTER_ACTIVE \
    (VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE | VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE)
#define VR_SH_POOL_FILTER_PERSISTENT \
    (VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT | \
     VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT)
#define VR_SH_POOL_FILTER_AUTOSTART \
    (VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART | \
     VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART)

/* 1 if pool passes the persistence and autostart filters of flags, 0 if
 * not, -1 after reporting an error. */
static int
vrShPoolFilter(vrShCtl *ctl, virStoragePoolPtr pool, unsigned int flags)
{
    int v;

    if (flags & VR_SH_POOL_FILTER_PERSISTENT) {
        if ((v = virStoragePoolIsPersistent(pool)) < 0) {
            vrShError(ctl, "%s", "Failed to get pool persistence info");
            return -1;
        }
        if (!(((flags & VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT) && v) ||
              ((flags & VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT) && !v)))
            return 0;
    }
    if (flags & VR_SH_POOL_FILTER_AUTOSTART) {
        if (virStoragePoolGetAutostart(pool, &v) < 0) {
            vrShError(ctl, "%s", "Failed to get pool autostart state");
            return -1;
        }
        if (!(((flags & VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART) && v) ||
              ((flags & VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART) && !v)))
            return 0;
    }
    return 1;
}


/* Appends the pools named by the old listing APIs (for drivers without
 * virConnectListAllStoragePools). */
static bool
vrShPoolListByNames(vrShCtl *ctl, vrShPoolList *list, bool active)
{
    int n = active ? virConnectNumOfStoragePools(ctl->conn)
                   : virConnectNumOfDefinedStoragePools(ctl->conn);
    g_autofree char **names = NULL;

    if (n < 0) {
        /* virsh's message has the trailing space */
        vrShError(ctl, "%s", active ? "Failed to get the number of active pools "
                                    : "Failed to get the number of inactive pools");
        return false;
    }
    names = g_new0(char *, n + 1);
    n = active ? virConnectListStoragePools(ctl->conn, names, n)
               : virConnectListDefinedStoragePools(ctl->conn, names, n);
    if (n < 0) {
        vrShError(ctl, "%s", active ? "Failed to list active pools"
                                    : "Failed to list inactive pools");
        return false;
    }
    list->pools = g_renew(virStoragePoolPtr, list->pools, list->npools + n + 1);
    for (int i = 0; i < n; i++) {
        virStoragePoolPtr pool = virStoragePoolLookupByName(ctl->conn, names[i]);

        if (pool)
            list->pools[list->npools++] = pool;
        free(names[i]);
    }
    vrShResetLibError();
    return true;
}


/* Gets the pools from the old APIs or, after the driver rejected some
 * filter, from the new one without it. */
static bool
vrShPoolListFallback(vrShCtl *ctl, vrShPoolList *list, unsigned int flags)
{
    bool any_state = !(flags & VR_SH_POOL_FILTER_ACTIVE);
    int n;

    if (vrShLastErrorCode() == VIR_ERR_INVALID_ARG) {
        vrShResetLibError();
        n = virConnectListAllStoragePools(ctl->conn, &list->pools,
                                          flags & VR_SH_POOL_FILTER_ACTIVE);
        if (n < 0) {
            vrShError(ctl, "%s", "Failed to list pools");
            return false;
        }
        list->npools = n;
        return true;
    }
    if (vrShLastErrorCode() != VIR_ERR_NO_SUPPORT) {
        vrShError(ctl, "%s", "Failed to list pools");
        return false;
    }
    vrShResetLibError();
    if (flags & ~(VR_SH_POOL_FILTER_ACTIVE | VR_SH_POOL_FILTER_PERSISTENT |
                  VR_SH_POOL_FILTER_AUTOSTART)) {
        vrShError(ctl, "%s", "Filtering using --type is not supported by this libvirt");
        return false;
    }
    if ((any_state || (flags & VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)) &&
        !vrShPoolListByNames(ctl, list, true))
        return false;
    if ((any_state || (flags & VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE)) &&
        !vrShPoolListByNames(ctl, list, false))
        return false;
    return true;
}


static vrShPoolList *
vrShPoolListCollect(vrShCtl *ctl, unsigned int flags)
{
    g_autoptr(vrShPoolList) list = g_new0(vrShPoolList, 1);
    size_t kept = 0;
    int n;

    if ((n = virConnectListAllStoragePools(ctl->conn, &list->pools, flags)) >= 0) {
        list->npools = n;
        goto sort;
    }
    if (!vrShPoolListFallback(ctl, list, flags))
        return NULL;
    for (size_t i = 0; i < list->npools; i++) {
        virStoragePoolPtr pool = g_steal_pointer(&list->pools[i]);
        int keep = vrShPoolFilter(ctl, pool, flags);

        if (keep > 0)
            list->pools[kept++] = pool;
        else
            virStoragePoolFree(pool);
        if (keep < 0) {
            for (size_t j = i + 1; j < list->npools; j++)
                vrShPoolFree(g_steal_pointer(&list->pools[j]));
            list->npools = kept;
            return NULL;
        }
    }
    list->npools = kept;
 sort:
    if (list->npools)
        qsort(list->pools, list->npools, sizeof(*list->pools), vrShPoolSort);
    return g_steal_pointer(&list);
}


static const struct {
    const char *name;
    unsigned int flag;
} vrShPoolTypes[] = {
    {"dir", VIR_CONNECT_LIST_STORAGE_POOLS_DIR},
    {"fs", VIR_CONNECT_LIST_STORAGE_POOLS_FS},
    {"netfs", VIR_CONNECT_LIST_STORAGE_POOLS_NETFS},
    {"logical", VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL},
    {"disk", VIR_CONNECT_LIST_STORAGE_POOLS_DISK},
    {"iscsi", VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI},
    {"iscsi-direct", VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT},
    {"scsi", VIR_CONNECT_LIST_STORAGE_POOLS_SCSI},
    {"mpath", VIR_CONNECT_LIST_STORAGE_POOLS_MPATH},
    {"rbd", VIR_CONNECT_LIST_STORAGE_POOLS_RBD},
    {"sheepdog", VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG},
    {"gluster", VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER},
    {"zfs", VIR_CONNECT_LIST_STORAGE_POOLS_ZFS},
    {"vstorage", VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE},
};


static char **
vrShCompletePoolTypes(vrShCtl *ctl G_GNUC_UNUSED,
                      unsigned int flags G_GNUC_UNUSED)
{
    char **names = g_new0(char *, G_N_ELEMENTS(vrShPoolTypes) + 1);

    for (size_t i = 0; i < G_N_ELEMENTS(vrShPoolTypes); i++)
        names[i] = g_strdup(vrShPoolTypes[i].name);
    return names;
}


/* Adds the type filters of a comma-separated --type list to *flags. */
static bool
vrShPoolTypeFlags(vrShCtl *ctl, const char *types, unsigned int *flags)
{
    g_auto(GStrv) words = vrShSplitCommas(types);

    for (char **w = words; *w; w++) {
        size_t i;

        for (i = 0; i < G_N_ELEMENTS(vrShPoolTypes); i++) {
            if (strcmp(vrShPoolTypes[i].name, *w) == 0)
                break;
        }
        if (i == G_N_ELEMENTS(vrShPoolTypes)) {
            vrShError(ctl, "Invalid pool type '%s'", *w);
            return false;
        }
        *flags |= vrShPoolTypes[i].flag;
    }
    return true;
}


/* The listing flags of the options; false after reporting bad ones. */
static bool
vrShPoolListFlags(vrShCtl *ctl, const vrShCmd *cmd, unsigned int *flags)
{
    static const struct { const char *opt; unsigned int flag; } filters[] = {
        {"autostart", VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART},
        {"no-autostart", VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART},
        {"persistent", VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT},
        {"transient", VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT},
    };
    const char *type = NULL;

    if (!vrShExclusive(ctl, cmd, "all", "inactive"))
        return false;
    *flags = VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE;
    if (vrShOptBool(cmd, "inactive"))
        *flags = VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE;
    if (vrShOptBool(cmd, "all"))
        *flags = VR_SH_POOL_FILTER_ACTIVE;
    for (size_t i = 0; i < G_N_ELEMENTS(filters); i++) {
        if (vrShOptBool(cmd, filters[i].opt))
            *flags |= filters[i].flag;
    }
    if (vrShOptString(ctl, cmd, "type", &type) < 0)
        return false;
    if (!vrShExclusive(ctl, cmd, "details", "uuid") ||
        !vrShExclusive(ctl, cmd, "details", "name"))
        return false;
    return !type || vrShPoolTypeFlags(ctl, type, flags);
}


static char *
vrShPoolSize(unsigned long long bytes)
{
    const char *unit;
    double val = vrShPrettyCapacity(bytes, &unit);

    return g_strdup_printf("%.2lf %s", val, unit);
}


/* One row of pool-list; with details the state and sizes come from
 * virStoragePoolGetInfo, whose failure is reported but not fatal. */
static void
vrShPoolListRow(vrShCtl *ctl, vrShTable *table, virStoragePoolPtr pool,
                bool details)
{
    char *sizes[3] = { NULL, NULL, NULL };
    const char *cells[7] = { virStoragePoolGetName(pool) };
    virStoragePoolInfo info;
    int autostart = 0, persistent;
    bool have_info;

    if (virStoragePoolGetAutostart(pool, &autostart) < 0)
        cells[2] = "no autostart";
    else
        cells[2] = autostart ? "yes" : "no";
    persistent = details ? virStoragePoolIsPersistent(pool) : 0;
    cells[3] = persistent < 0 ? "unknown" : (persistent ? "yes" : "no");
    if (!(have_info = virStoragePoolGetInfo(pool, &info) == 0)) {
        vrShError(ctl, "%s", "Could not retrieve pool information");
        cells[1] = "unknown";
    } else if (details) {
        cells[1] = vrShPoolStateStr(info.state);
    } else {
        cells[1] = virStoragePoolIsActive(pool) ? "active" : "inactive";
    }
    for (size_t i = 0; details && i < 3; i++) {
        unsigned long long v[3] = { info.capacity, info.allocation, info.available };

        if (!have_info)
            cells[4 + i] = "unknown";
        else if (info.state == VIR_STORAGE_POOL_RUNNING ||
                 info.state == VIR_STORAGE_POOL_DEGRADED)
            cells[4 + i] = sizes[i] = vrShPoolSize(v[i]);
        else
            cells[4 + i] = "-";
    }
    if (!details)
        cells[3] = NULL;
    vrShTableAddRowv(table, cells);
    for (size_t i = 0; i < 3; i++)
        g_free(sizes[i]);
}


static bool
cmdPoolList(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool details = vrShOptBool(cmd, "details");
    bool uuid = vrShOptBool(cmd, "uuid");
    bool name = vrShOptBool(cmd, "name");
    g_autoptr(vrShPoolList) list = NULL;
    g_autoptr(vrShTable) table = NULL;
    unsigned int flags;

    if (!vrShPoolListFlags(ctl, cmd, &flags))
        return false;
    if (!(list = vrShPoolListCollect(ctl, flags)))
        return false;
    if (!details && (uuid || name)) {
        for (size_t i = 0; i < list->npools; i++) {
            char str[VIR_UUID_STRING_BUFLEN] = "";

            if (uuid) {
                virStoragePoolGetUUIDString(list->pools[i], str);
                vrShPrint(ctl, "%-36s%c", str, name ? ' ' : '\n');
            }
            if (name)
                vrShPrint(ctl, "%-20s\n", virStoragePoolGetName(list->pools[i]));
        }
        return true;
    }
    if (details)
        table = vrShTableNew("Name", "State", "Autostart", "Persistent",
                             "Capacity", "Allocation", "Available", NULL);
    else
        table = vrShTableNew("Name", "State", "Autostart", NULL);
    for (size_t i = 0; i < list->npools; i++)
        vrShPoolListRow(ctl, table, list->pools[i], details);
    vrShTablePrint(ctl, table);
    return true;
}


static const vrShOptDef opts_pool_list[] = {
    VR_SH_OPT_BOOL("inactive", "list inactive pools"),
    VR_SH_OPT_BOOL("all", "list inactive & active pools"),
    VR_SH_OPT_BOOL("transient", "list transient pools"),
    VR_SH_OPT_BOOL("persistent", "list persistent pools"),
    VR_SH_OPT_BOOL("autostart", "list pools with autostart enabled"),
    VR_SH_OPT_BOOL("no-autostart", "list pools with autostart disabled"),
    {.name = "type", .type = VR_SH_OT_STRING, .flags = VR_SH_OFLAG_LIST,
     .help = "only list pool of specified type(s) (if supported)",
     .completer = vrShCompletePoolTypes},
    VR_SH_OPT_BOOL("details", "display extended details for pools"),
    VR_SH_OPT_BOOL("uuid", "list UUID of active pools only"),
    VR_SH_OPT_BOOL("name", "list name of active pools only"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolList = {
    .name = "pool-list", .handler = cmdPoolList, .opts = opts_pool_list,
    .help = "list pools", .desc = "Returns list of pools.",
};


/* ---- pool-info, pool-dumpxml, pool-uuid, pool-name ---- */

#define VR_SH_POOL_INFO(ctl, label, fmt, ...) \
    vrShPrint(ctl, "%-*s " fmt "\n", VR_SH_POOL_LABEL_WIDTH, label, __VA_ARGS__)

static void
vrShPoolInfoSizes(vrShCtl *ctl, const virStoragePoolInfo *info, bool bytes)
{
    const char *labels[3] = { "Capacity:", "Allocation:", "Available:" };
    unsigned long long v[3] = { info->capacity, info->allocation, info->available };

    for (size_t i = 0; i < 3; i++) {
        const char *unit;
        double val;

        if (bytes) {
            VR_SH_POOL_INFO(ctl, labels[i], "%llu", v[i]);
            continue;
        }
        val = vrShPrettyCapacity(v[i], &unit);
        VR_SH_POOL_INFO(ctl, labels[i], "%2.2lf %s", val, unit);
    }
}


static bool
cmdPoolInfo(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    virStoragePoolInfo info;
    int persistent, autostart = 0;

    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BY_NAME_OR_UUID)))
        return false;
    VR_SH_POOL_INFO(ctl, "Name:", "%s", virStoragePoolGetName(pool));
    if (virStoragePoolGetUUIDString(pool, uuid) == 0)
        VR_SH_POOL_INFO(ctl, "UUID:", "%s", uuid);
    if (virStoragePoolGetInfo(pool, &info) < 0)
        return false;
    VR_SH_POOL_INFO(ctl, "State:", "%s", vrShPoolStateStr(info.state));
    persistent = virStoragePoolIsPersistent(pool);
    VR_SH_POOL_INFO(ctl, "Persistent:", "%s",
                    persistent < 0 ? "unknown" : (persistent ? "yes" : "no"));
    if (virStoragePoolGetAutostart(pool, &autostart) < 0)
        VR_SH_POOL_INFO(ctl, "Autostart:", "%s", "no autostart");
    else
        VR_SH_POOL_INFO(ctl, "Autostart:", "%s", autostart ? "yes" : "no");
    if (info.state == VIR_STORAGE_POOL_RUNNING ||
        info.state == VIR_STORAGE_POOL_DEGRADED)
        vrShPoolInfoSizes(ctl, &info, vrShOptBool(cmd, "bytes"));
    vrShResetLibError();
    return true;
}


static const vrShOptDef opts_pool_info[] = {
    VR_SH_OPT_POOL_FULL,
    VR_SH_OPT_BOOL("bytes", "Return pool info in bytes"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolInfo = {
    .name = "pool-info", .handler = cmdPoolInfo, .opts = opts_pool_info,
    .help = "storage pool information",
    .desc = "Returns basic information about the storage pool.",
};


static bool
cmdPoolDumpxml(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    unsigned int flags = 0;
    const char *xpath = NULL;
    char *xml;
    bool ret;

    if (vrShOptBool(cmd, "inactive"))
        flags |= VIR_STORAGE_XML_INACTIVE;
    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BY_NAME_OR_UUID)))
        return false;
    /* an empty expression fails without a message, as in virsh */
    if (vrShOptStringQuiet(cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virStoragePoolGetXMLDesc(pool, flags)))
        return false;
    ret = vrShDumpXML(ctl, xml, xpath, vrShOptBool(cmd, "wrap"));
    free(xml);
    return ret;
}


static const vrShOptDef opts_pool_dumpxml[] = {
    VR_SH_OPT_POOL_FULL,
    VR_SH_OPT_BOOL("inactive", "show inactive defined XML"),
    {.name = "xpath", .type = VR_SH_OT_STRING, .flags = VR_SH_OFLAG_REQ_OPT,
     .help = "xpath expression to filter the XML document"},
    VR_SH_OPT_BOOL("wrap", "wrap xpath results in an common root element"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolDumpxml = {
    .name = "pool-dumpxml", .handler = cmdPoolDumpxml,
    .opts = opts_pool_dumpxml, .help = "pool information in XML",
    .desc = "Output the pool information as an XML dump to stdout.",
};


static bool
cmdPoolUuid(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BYNAME)))
        return false;
    /* virsh reports the failure but the command still succeeds */
    if (virStoragePoolGetUUIDString(pool, uuid) != -1)
        vrShPrint(ctl, "%s\n", uuid);
    else
        vrShError(ctl, "%s", "failed to get pool UUID");
    return true;
}


static bool
cmdPoolName(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;

    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BYUUID)))
        return false;
    vrShPrint(ctl, "%s\n", virStoragePoolGetName(pool));
    return true;
}


static const vrShOptDef opts_pool_one[] = {
    VR_SH_OPT_POOL_FULL,
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolUuid = {
    .name = "pool-uuid", .handler = cmdPoolUuid, .opts = opts_pool_one,
    .help = "convert a pool name to pool UUID", .desc = "",
};
const vrShCmdDef vrShCmdPoolName = {
    .name = "pool-name", .handler = cmdPoolName, .opts = opts_pool_one,
    .help = "convert a pool UUID to pool name", .desc = "",
};


/* ---- pool-define, pool-create, pool-define-as, pool-create-as ---- */

/* The CREATE_WITH_BUILD flags of --build, --overwrite, --no-overwrite. */
static bool
vrShPoolBuildFlags(vrShCtl *ctl, const vrShCmd *cmd, unsigned int *flags)
{
    if (!vrShExclusive(ctl, cmd, "overwrite", "no-overwrite"))
        return false;
    *flags = 0;
    if (vrShOptBool(cmd, "build"))
        *flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD;
    if (vrShOptBool(cmd, "overwrite"))
        *flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE;
    if (vrShOptBool(cmd, "no-overwrite"))
        *flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE;
    return true;
}


/* pool-define (create false) or pool-create: the pool of --file, with
 * --validate (define) or the build flags (create). */
static bool
vrShPoolFromFile(vrShCtl *ctl, const vrShCmd *cmd, bool create)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (vrShOptString(ctl, cmd, "file", &from) < 0)
        return false;
    if (create) {
        if (!vrShPoolBuildFlags(ctl, cmd, &flags))
            return false;
    } else if (vrShOptBool(cmd, "validate")) {
        flags |= VIR_STORAGE_POOL_DEFINE_VALIDATE;
    }
    if (vrShReadFile(from, &xml) < 0)
        return false;
    pool = create ? virStoragePoolCreateXML(ctl->conn, xml, flags)
                  : virStoragePoolDefineXML(ctl->conn, xml, flags);
    if (!pool) {
        vrShError(ctl, "Failed to %s pool from %s", create ? "create" : "define", from);
        return false;
    }
    vrShPrintExtra(ctl, "Pool %s %s from %s\n", virStoragePoolGetName(pool),
                   create ? "created" : "defined", from);
    return true;
}


static bool
cmdPoolDefine(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolFromFile(ctl, cmd, false);
}


static const vrShOptDef opts_pool_define[] = {
    VR_SH_OPT_FILE("file containing an XML pool description"),
    VR_SH_OPT_BOOL("validate", "validate the XML against the schema"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolDefine = {
    .name = "pool-define", .handler = cmdPoolDefine, .opts = opts_pool_define,
    .help = "define an inactive persistent storage pool or modify an existing persistent one from an XML file",
    .desc = "Define or modify a persistent storage pool.",
};


static bool
cmdPoolCreate(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolFromFile(ctl, cmd, true);
}


static const vrShOptDef opts_pool_create[] = {
    VR_SH_OPT_FILE("file containing an XML pool description"),
    VR_SH_OPT_POOL_BUILD,
    VR_SH_OPT_POOL_NO_OVERWRITE,
    VR_SH_OPT_POOL_OVERWRITE,
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolCreate = {
    .name = "pool-create", .handler = cmdPoolCreate, .opts = opts_pool_create,
    .help = "create a pool from an XML file", .desc = "Create a pool.",
};


/* The string options of pool-define-as/pool-create-as, in the order
 * virsh reads them (which decides which empty value is reported). */
enum {
    VR_SH_PX_HOST, VR_SH_PX_PATH, VR_SH_PX_DEV, VR_SH_PX_NAME,
    VR_SH_PX_FORMAT, VR_SH_PX_TARGET, VR_SH_PX_AUTH_TYPE, VR_SH_PX_AUTH_USER,
    VR_SH_PX_SECRET_USAGE, VR_SH_PX_SECRET_UUID, VR_SH_PX_ADAPTER_NAME,
    VR_SH_PX_WWNN, VR_SH_PX_WWPN, VR_SH_PX_PARENT, VR_SH_PX_PARENT_WWNN,
    VR_SH_PX_PARENT_WWPN, VR_SH_PX_PARENT_FABRIC, VR_SH_PX_PROTO_VER,
    VR_SH_PX_INITIATOR, VR_SH_PX_LAST
};

static const char *const vrShPoolXOpts[] = {
    "source-host", "source-path", "source-dev", "source-name",
    "source-format", "target", "auth-type", "auth-username", "secret-usage",
    "secret-uuid", "adapter-name", "adapter-wwnn", "adapter-wwpn",
    "adapter-parent", "adapter-parent-wwnn", "adapter-parent-wwpn",
    "adapter-parent-fabric-wwn", "source-protocol-ver", "source-initiator",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShPoolXOpts) == VR_SH_PX_LAST);


static void
vrShPoolXAdapter(GString *xml, const char *const *v)
{
    if (v[VR_SH_PX_WWNN] && v[VR_SH_PX_WWPN]) {
        g_string_append(xml, "    <adapter type='fc_host'");
        if (v[VR_SH_PX_PARENT])
            g_string_append_printf(xml, " parent='%s'", v[VR_SH_PX_PARENT]);
        else if (v[VR_SH_PX_PARENT_WWNN] && v[VR_SH_PX_PARENT_WWPN])
            g_string_append_printf(xml, " parent_wwnn='%s' parent_wwpn='%s'",
                                   v[VR_SH_PX_PARENT_WWNN],
                                   v[VR_SH_PX_PARENT_WWPN]);
        else if (v[VR_SH_PX_PARENT_FABRIC])
            g_string_append_printf(xml, " parent_fabric_wwn='%s'",
                                   v[VR_SH_PX_PARENT_FABRIC]);
        g_string_append_printf(xml, " wwnn='%s' wwpn='%s'/>\n",
                               v[VR_SH_PX_WWNN], v[VR_SH_PX_WWPN]);
    } else if (v[VR_SH_PX_ADAPTER_NAME]) {
        g_string_append_printf(xml, "    <adapter type='scsi_host' name='%s'/>\n",
                               v[VR_SH_PX_ADAPTER_NAME]);
    }
}


/* The <source> element of the options, as virsh writes it (the values
 * go in unescaped, as virsh does). */
static void
vrShPoolXSource(GString *xml, const char *const *v)
{
    g_string_append(xml, "  <source>\n");
    if (v[VR_SH_PX_HOST])
        g_string_append_printf(xml, "    <host name='%s'/>\n", v[VR_SH_PX_HOST]);
    if (v[VR_SH_PX_PATH])
        g_string_append_printf(xml, "    <dir path='%s'/>\n", v[VR_SH_PX_PATH]);
    if (v[VR_SH_PX_DEV])
        g_string_append_printf(xml, "    <device path='%s'/>\n", v[VR_SH_PX_DEV]);
    if (v[VR_SH_PX_INITIATOR])
        g_string_append_printf(xml, "    <initiator>\n      <iqn name='%s'/>\n"
                               "    </initiator>\n", v[VR_SH_PX_INITIATOR]);
    vrShPoolXAdapter(xml, v);
    if (v[VR_SH_PX_AUTH_TYPE] && v[VR_SH_PX_AUTH_USER] &&
        (v[VR_SH_PX_SECRET_USAGE] || v[VR_SH_PX_SECRET_UUID])) {
        g_string_append_printf(xml, "    <auth type='%s' username='%s'>\n",
                               v[VR_SH_PX_AUTH_TYPE], v[VR_SH_PX_AUTH_USER]);
        if (v[VR_SH_PX_SECRET_USAGE])
            g_string_append_printf(xml, "      <secret usage='%s'/>\n",
                                   v[VR_SH_PX_SECRET_USAGE]);
        else
            g_string_append_printf(xml, "      <secret uuid='%s'/>\n",
                                   v[VR_SH_PX_SECRET_UUID]);
        g_string_append(xml, "    </auth>\n");
    }
    if (v[VR_SH_PX_FORMAT])
        g_string_append_printf(xml, "    <format type='%s'/>\n", v[VR_SH_PX_FORMAT]);
    if (v[VR_SH_PX_NAME])
        g_string_append_printf(xml, "    <name>%s</name>\n", v[VR_SH_PX_NAME]);
    if (v[VR_SH_PX_PROTO_VER])
        g_string_append_printf(xml, "    <protocol ver='%s'/>\n",
                               v[VR_SH_PX_PROTO_VER]);
    g_string_append(xml, "  </source>\n");
}


/* Builds the pool XML of pool-define-as/pool-create-as; *name is the
 * pool's name.  NULL after reporting a bad option. */
static char *
vrShPoolXML(vrShCtl *ctl, const vrShCmd *cmd, const char **name)
{
    const char *v[VR_SH_PX_LAST] = { NULL };
    const char *type = NULL;
    GString *xml;

    if (!vrShExclusive(ctl, cmd, "secret-usage", "secret-uuid") ||
        vrShOptString(ctl, cmd, "name", name) < 0 ||
        vrShOptString(ctl, cmd, "type", &type) < 0)
        return NULL;
    for (size_t i = 0; i < VR_SH_PX_LAST; i++) {
        if (vrShOptString(ctl, cmd, vrShPoolXOpts[i], &v[i]) < 0)
            return NULL;
    }
    xml = g_string_new(NULL);
    g_string_append_printf(xml, "<pool type='%s'>\n  <name>%s</name>\n",
                           type, *name);
    if (v[VR_SH_PX_HOST] || v[VR_SH_PX_PATH] || v[VR_SH_PX_DEV] ||
        v[VR_SH_PX_INITIATOR] || v[VR_SH_PX_FORMAT] || v[VR_SH_PX_NAME] ||
        (v[VR_SH_PX_WWNN] && v[VR_SH_PX_WWPN]) || v[VR_SH_PX_ADAPTER_NAME])
        vrShPoolXSource(xml, v);
    if (v[VR_SH_PX_TARGET])
        g_string_append_printf(xml, "  <target>\n    <path>%s</path>\n  </target>\n",
                               v[VR_SH_PX_TARGET]);
    g_string_append(xml, "</pool>\n");
    return g_string_free(xml, FALSE);
}


/* pool-define-as (create false) or pool-create-as: the pool the options
 * describe, or its XML with --print-xml. */
static bool
vrShPoolFromArgs(vrShCtl *ctl, const vrShCmd *cmd, bool create)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    const char *name = NULL;
    unsigned int flags = 0;

    if (create && !vrShPoolBuildFlags(ctl, cmd, &flags))
        return false;
    if (!(xml = vrShPoolXML(ctl, cmd, &name)))
        return false;
    if (vrShOptBool(cmd, "print-xml")) {
        vrShPrint(ctl, "%s", xml);
        return true;
    }
    pool = create ? virStoragePoolCreateXML(ctl->conn, xml, flags)
                  : virStoragePoolDefineXML(ctl->conn, xml, 0);
    if (!pool) {
        vrShError(ctl, "Failed to %s pool %s", create ? "create" : "define", name);
        return false;
    }
    vrShPrintExtra(ctl, "Pool %s %s\n", name, create ? "created" : "defined");
    return true;
}


static bool
cmdPoolDefineAs(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolFromArgs(ctl, cmd, false);
}


static bool
cmdPoolCreateAs(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolFromArgs(ctl, cmd, true);
}


#define VR_SH_OPT_POOL_X_AS \
    {.name = "name", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = "name of the pool"}, \
    {.name = "type", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = "type of the pool", .completer = vrShCompletePoolTypes}, \
    VR_SH_OPT_BOOL("print-xml", "print XML document, but don't define/create"), \
    VR_SH_OPT_STR("source-host", "source-host for underlying storage"), \
    VR_SH_OPT_STR("source-path", "source path for underlying storage"), \
    VR_SH_OPT_STR("source-dev", "source device for underlying storage"), \
    VR_SH_OPT_STR("source-name", "source name for underlying storage"), \
    VR_SH_OPT_STR("target", "target for underlying storage"), \
    VR_SH_OPT_STR("source-format", "format for underlying storage"), \
    VR_SH_OPT_STR("auth-type", "auth type to be used for underlying storage"), \
    VR_SH_OPT_STR("auth-username", "auth username to be used for underlying storage"), \
    VR_SH_OPT_STR("secret-usage", "auth secret usage to be used for underlying storage"), \
    VR_SH_OPT_STR("secret-uuid", "auth secret UUID to be used for underlying storage"), \
    VR_SH_OPT_STR("adapter-name", "adapter name to be used for underlying storage"), \
    VR_SH_OPT_STR("adapter-wwnn", "adapter wwnn to be used for underlying storage"), \
    VR_SH_OPT_STR("adapter-wwpn", "adapter wwpn to be used for underlying storage"), \
    VR_SH_OPT_STR("adapter-parent", \
                  "adapter parent scsi_hostN to be used for underlying vHBA storage"), \
    VR_SH_OPT_STR("adapter-parent-wwnn", \
                  "adapter parent scsi_hostN wwnn to be used for underlying vHBA storage"), \
    VR_SH_OPT_STR("adapter-parent-wwpn", \
                  "adapter parent scsi_hostN wwpn to be used for underlying vHBA storage"), \
    VR_SH_OPT_STR("adapter-parent-fabric-wwn", \
                  "adapter parent scsi_hostN fabric_wwn to be used for underlying vHBA storage"), \
    VR_SH_OPT_STR("source-protocol-ver", "nfsvers value for NFS pool mount option"), \
    VR_SH_OPT_STR("source-initiator", "initiator iqn for underlying storage")

static const vrShOptDef opts_pool_define_as[] = {
    VR_SH_OPT_POOL_X_AS,
    VR_SH_OPT_END
};

static const vrShOptDef opts_pool_create_as[] = {
    VR_SH_OPT_POOL_X_AS,
    VR_SH_OPT_POOL_BUILD,
    VR_SH_OPT_POOL_NO_OVERWRITE,
    VR_SH_OPT_POOL_OVERWRITE,
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolDefineAs = {
    .name = "pool-define-as", .handler = cmdPoolDefineAs,
    .opts = opts_pool_define_as, .help = "define a pool from a set of args",
    .desc = "Define a pool.",
};
const vrShCmdDef vrShCmdPoolCreateAs = {
    .name = "pool-create-as", .handler = cmdPoolCreateAs,
    .opts = opts_pool_create_as, .help = "create a pool from a set of args",
    .desc = "Create a pool.",
};


/* ---- pool-build, pool-start, pool-destroy, pool-delete, pool-undefine,
 * pool-refresh ---- */

typedef enum {
    VR_SH_POOL_BUILD,
    VR_SH_POOL_START,
    VR_SH_POOL_DESTROY,
    VR_SH_POOL_DELETE,
    VR_SH_POOL_UNDEFINE,
    VR_SH_POOL_REFRESH,
} vrShPoolAction;

/* "Pool NAME <done>" and "Failed to <verb> pool NAME". */
static const struct {
    const char *done;
    const char *verb;
} vrShPoolActionTexts[] = {
    [VR_SH_POOL_BUILD] = {"built", "build"},
    [VR_SH_POOL_START] = {"started", "start"},
    [VR_SH_POOL_DESTROY] = {"destroyed", "destroy"},
    [VR_SH_POOL_DELETE] = {"deleted", "delete"},
    [VR_SH_POOL_UNDEFINE] = {"has been undefined", "undefine"},
    [VR_SH_POOL_REFRESH] = {"refreshed", "refresh"},
};


static int
vrShPoolCall(virStoragePoolPtr pool, vrShPoolAction action, unsigned int flags)
{
    switch (action) {
    case VR_SH_POOL_BUILD:
        return virStoragePoolBuild(pool, flags);
    case VR_SH_POOL_START:
        return virStoragePoolCreate(pool, flags);
    case VR_SH_POOL_DESTROY:
        return virStoragePoolDestroy(pool);
    case VR_SH_POOL_DELETE:
        return virStoragePoolDelete(pool, 0);
    case VR_SH_POOL_UNDEFINE:
        return virStoragePoolUndefine(pool);
    case VR_SH_POOL_REFRESH:
        return virStoragePoolRefresh(pool, 0);
    }
    return -1;
}


static bool
vrShPoolAct(vrShCtl *ctl, const vrShCmd *cmd, vrShPoolAction action)
{
    g_autoptr(virStoragePool) pool = NULL;
    const char *name = NULL;
    unsigned int flags = 0;

    if (!(pool = vrShOptPool(ctl, cmd, "pool", &name, VR_SH_BY_NAME_OR_UUID)))
        return false;
    if (action == VR_SH_POOL_START && !vrShPoolBuildFlags(ctl, cmd, &flags))
        return false;
    if (action == VR_SH_POOL_BUILD) {
        if (vrShOptBool(cmd, "no-overwrite"))
            flags |= VIR_STORAGE_POOL_BUILD_NO_OVERWRITE;
        if (vrShOptBool(cmd, "overwrite"))
            flags |= VIR_STORAGE_POOL_BUILD_OVERWRITE;
    }
    if (vrShPoolCall(pool, action, flags) < 0) {
        vrShError(ctl, "Failed to %s pool %s", vrShPoolActionTexts[action].verb,
                  name);
        return false;
    }
    vrShPrintExtra(ctl, "Pool %s %s\n", name, vrShPoolActionTexts[action].done);
    return true;
}


static bool
cmdPoolBuild(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolAct(ctl, cmd, VR_SH_POOL_BUILD);
}


static bool
cmdPoolStart(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolAct(ctl, cmd, VR_SH_POOL_START);
}


static bool
cmdPoolDestroy(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolAct(ctl, cmd, VR_SH_POOL_DESTROY);
}


static bool
cmdPoolDelete(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolAct(ctl, cmd, VR_SH_POOL_DELETE);
}


static bool
cmdPoolUndefine(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolAct(ctl, cmd, VR_SH_POOL_UNDEFINE);
}


static bool
cmdPoolRefresh(vrShCtl *ctl, const vrShCmd *cmd)
{
    return vrShPoolAct(ctl, cmd, VR_SH_POOL_REFRESH);
}


static const vrShOptDef opts_pool_build[] = {
    VR_SH_OPT_POOL_FULL,
    VR_SH_OPT_POOL_NO_OVERWRITE,
    VR_SH_OPT_POOL_OVERWRITE,
    VR_SH_OPT_END
};

static const vrShOptDef opts_pool_start[] = {
    VR_SH_OPT_POOL_FILTER(VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE),
    VR_SH_OPT_POOL_BUILD,
    VR_SH_OPT_POOL_NO_OVERWRITE,
    VR_SH_OPT_POOL_OVERWRITE,
    VR_SH_OPT_END
};

static const vrShOptDef opts_pool_active[] = {
    VR_SH_OPT_POOL_FILTER(VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE),
    VR_SH_OPT_END
};

static const vrShOptDef opts_pool_inactive[] = {
    VR_SH_OPT_POOL_FILTER(VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE),
    VR_SH_OPT_END
};

static const vrShOptDef opts_pool_undefine[] = {
    VR_SH_OPT_POOL_FILTER(VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolBuild = {
    .name = "pool-build", .handler = cmdPoolBuild, .opts = opts_pool_build,
    .help = "build a pool", .desc = "Build a given pool.",
};
const vrShCmdDef vrShCmdPoolStart = {
    .name = "pool-start", .handler = cmdPoolStart, .opts = opts_pool_start,
    .help = "start a (previously defined) inactive pool",
    .desc = "Start a pool.",
};
const vrShCmdDef vrShCmdPoolDestroy = {
    .name = "pool-destroy", .handler = cmdPoolDestroy, .opts = opts_pool_active,
    .help = "destroy (stop) a pool",
    .desc = "Forcefully stop a given pool. Raw data in the pool is untouched",
};
const vrShCmdDef vrShCmdPoolDelete = {
    .name = "pool-delete", .handler = cmdPoolDelete, .opts = opts_pool_inactive,
    .help = "delete a pool", .desc = "Delete a given pool.",
};
const vrShCmdDef vrShCmdPoolUndefine = {
    .name = "pool-undefine", .handler = cmdPoolUndefine,
    .opts = opts_pool_undefine,
    .help = "undefine an inactive pool",
    .desc = "Undefine the configuration for an inactive pool.",
};
const vrShCmdDef vrShCmdPoolRefresh = {
    .name = "pool-refresh", .handler = cmdPoolRefresh, .opts = opts_pool_active,
    .help = "refresh a pool", .desc = "Refresh a given pool.",
};


static bool
cmdPoolAutostart(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    const char *name = NULL;
    bool autostart = !vrShOptBool(cmd, "disable");

    if (!(pool = vrShOptPool(ctl, cmd, "pool", &name, VR_SH_BY_NAME_OR_UUID)))
        return false;
    if (virStoragePoolSetAutostart(pool, autostart) < 0) {
        vrShError(ctl, autostart ? "failed to mark pool %s as autostarted"
                                 : "failed to unmark pool %s as autostarted",
                  name);
        return false;
    }
    vrShPrintExtra(ctl, autostart ? "Pool %s marked as autostarted\n"
                                  : "Pool %s unmarked as autostarted\n",
                   name);
    return true;
}


static const vrShOptDef opts_pool_autostart[] = {
    VR_SH_OPT_POOL_FILTER(VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT),
    VR_SH_OPT_BOOL("disable", "disable autostarting"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdPoolAutostart = {
    .name = "pool-autostart", .handler = cmdPoolAutostart,
    .opts = opts_pool_autostart, .help = "autostart a pool",
    .desc = "Configure a pool to be automatically started at boot.",
};
