/* The shell's storage volume commands: vol-list, vol-info, vol-dumpxml,
 * vol-create(-as, -from), vol-clone, vol-delete, vol-wipe, vol-resize,
 * vol-path, vol-key, vol-name, vol-pool, vol-upload and vol-download. */
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* Column width of the labels of "vol-info". */
#define VR_SH_VOL_LABEL_WIDTH 15
/* Mode of a file vol-download creates (before the umask). */
#define VR_SH_DOWNLOAD_MODE 0666

typedef struct {
    virStorageVolPtr *vols;
    size_t nvols;
} vrShVolList;


void
vrShVolFree(virStorageVolPtr vol)
{
    if (vol)
        virStorageVolFree(vol);
}


static void
vrShVolListFree(vrShVolList *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->nvols; i++)
        vrShVolFree(list->vols[i]);
    free(list->vols);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrShVolList, vrShVolListFree)


/* With --pool, the volume must be in that pool; false after reporting
 * that it is not. */
static bool
vrShVolInPool(vrShCtl *ctl, virStorageVolPtr vol, virStoragePoolPtr pool,
              const char *n)
{
    g_autoptr(virStoragePool) volpool = virStoragePoolLookupByVolume(vol);

    if (!volpool ||
        strcmp(virStoragePoolGetName(volpool), virStoragePoolGetName(pool)) == 0)
        return true;
    vrShResetLibError();
    vrShError(ctl, "Requested volume '%s' is not in pool '%s'", n,
              virStoragePoolGetName(pool));
    return false;
}


/* Looks the volume of option optname up: by name in the pool of option
 * poolopt (when given), then by key, then by path, as 'by' allows
 * (VR_SH_BYUUID stands for key and path).  The library's error of the
 * last attempt stays for the report, as in virsh. */
virStorageVolPtr
vrShOptVol(vrShCtl *ctl, const vrShCmd *cmd, const char *optname,
           const char *poolopt, const char **name, unsigned int by)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    const char *n = NULL;
    const char *p = NULL;

    if (vrShOptString(ctl, cmd, optname, &n) < 0 || !n)
        return NULL;
    if (poolopt && vrShOptString(ctl, cmd, poolopt, &p) < 0)
        return NULL;
    if (p) {
        if (!(pool = vrShOptPool(ctl, cmd, poolopt, NULL, by)))
            return NULL;
        if (virStoragePoolIsActive(pool) != 1) {
            vrShError(ctl, "pool '%s' is not active", p);
            return NULL;
        }
    }
    if (name)
        *name = n;
    if (pool && (by & VR_SH_BYNAME))
        vol = virStorageVolLookupByName(pool, n);
    if (!vol && (by & VR_SH_BYUUID))
        vol = virStorageVolLookupByKey(ctl->conn, n);
    if (!vol && (by & VR_SH_BYUUID))
        vol = virStorageVolLookupByPath(ctl->conn, n);
    if (!vol) {
        if (pool || !poolopt)
            vrShError(ctl, "failed to get vol '%s'", n);
        else
            vrShError(ctl, "failed to get vol '%s', specifying --%s might help",
                      n, poolopt);
        return NULL;
    }
    vrShResetLibError();
    if (pool && !vrShVolInPool(ctl, vol, pool, n))
        return NULL;
    return g_steal_pointer(&vol);
}


#define VR_SH_BY_ANY_VOL (VR_SH_BYNAME | VR_SH_BYUUID)
#define VR_SH_OPT_VOL(helptext) \
    {.name = "vol", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = helptext}
#define VR_SH_OPT_VOL_FULL VR_SH_OPT_VOL("vol name, key or path")
#define VR_SH_OPT_POOL_REQ(helptext) \
    {.name = "pool", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = helptext, .completer = vrShCompletePools, \
     .completer_flags = VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE}
#define VR_SH_OPT_POOL_OPTIONAL \
    {.name = "pool", .type = VR_SH_OT_STRING, .help = "pool name or uuid", \
     .completer = vrShCompletePools, \
     .completer_flags = VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE}
#define VR_SH_OPT_PREALLOC \
    VR_SH_OPT_BOOL("prealloc-metadata", \
                   "preallocate metadata (for qcow2 instead of full allocation)")

static const char *const vrShVolTypes[] = {
    "file", "block", "dir", "network", "netdir", "ploop",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShVolTypes) == VIR_STORAGE_VOL_LAST);

static const char *
vrShVolTypeStr(int type)
{
    if (type < 0 || type >= VIR_STORAGE_VOL_LAST)
        return "unknown";
    return vrShVolTypes[type];
}


static char *
vrShVolSize(unsigned long long bytes)
{
    const char *unit;
    double val = vrShPrettyCapacity(bytes, &unit);

    return g_strdup_printf("%.2lf %s", val, unit);
}


/* ---- vol-list ---- */

static int
vrShVolSort(const void *a, const void *b)
{
    return g_ascii_strcasecmp(virStorageVolGetName(*(virStorageVolPtr *)a),
                              virStorageVolGetName(*(virStorageVolPtr *)b));
}


/* The volumes by name through the old APIs, for drivers without
 * virStoragePoolListAllVolumes. */
static bool
vrShVolListByNames(vrShCtl *ctl, virStoragePoolPtr pool, vrShVolList *list)
{
    g_autofree char **names = NULL;
    int n;

    vrShResetLibError();
    if ((n = virStoragePoolNumOfVolumes(pool)) < 0) {
        vrShError(ctl, "%s", "Failed to list storage volumes");
        return false;
    }
    names = g_new0(char *, n + 1);
    if ((n = virStoragePoolListVolumes(pool, names, n)) < 0) {
        vrShError(ctl, "%s", "Failed to list storage volumes");
        return false;
    }
    list->vols = g_new0(virStorageVolPtr, n + 1);
    for (int i = 0; i < n; i++) {
        virStorageVolPtr vol = virStorageVolLookupByName(pool, names[i]);

        if (vol)
            list->vols[list->nvols++] = vol;
        free(names[i]);
    }
    return true;
}


static vrShVolList *
vrShVolListCollect(vrShCtl *ctl, virStoragePoolPtr pool)
{
    g_autoptr(vrShVolList) list = g_new0(vrShVolList, 1);
    int n;

    if ((n = virStoragePoolListAllVolumes(pool, &list->vols, 0)) >= 0) {
        list->nvols = n;
    } else if (vrShLastErrorCode() != VIR_ERR_NO_SUPPORT) {
        vrShError(ctl, "%s", "Failed to list volumes");
        return NULL;
    } else if (!vrShVolListByNames(ctl, pool, list)) {
        return NULL;
    }
    if (list->nvols)
        qsort(list->vols, list->nvols, sizeof(*list->vols), vrShVolSort);
    return g_steal_pointer(&list);
}


/* One row of vol-list; a path or info the driver cannot give shows as
 * "unknown". */
static void
vrShVolListRow(vrShTable *table, virStorageVolPtr vol, bool details)
{
    g_autofree char *path = virStorageVolGetPath(vol);
    g_autofree char *capacity = NULL;
    g_autofree char *allocation = NULL;
    const char *cells[5] = { virStorageVolGetName(vol), path ? path : "unknown" };
    virStorageVolInfo info;

    if (details && virStorageVolGetInfo(vol, &info) == 0) {
        cells[2] = vrShVolTypeStr(info.type);
        cells[3] = capacity = vrShVolSize(info.capacity);
        cells[4] = allocation = vrShVolSize(info.allocation);
    } else if (details) {
        cells[2] = cells[3] = cells[4] = "unknown";
    }
    vrShTableAddRowv(table, cells);
}


static bool
cmdVolList(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool details = vrShOptBool(cmd, "details");
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(vrShVolList) list = NULL;
    g_autoptr(vrShTable) table = NULL;

    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    if (!(list = vrShVolListCollect(ctl, pool)))
        return false;
    if (details)
        table = vrShTableNew("Name", "Path", "Type", "Capacity", "Allocation",
                             NULL);
    else
        table = vrShTableNew("Name", "Path", NULL);
    for (size_t i = 0; i < list->nvols; i++)
        vrShVolListRow(table, list->vols[i], details);
    vrShTablePrint(ctl, table);
    return true;
}


static const vrShOptDef opts_vol_list[] = {
    VR_SH_OPT_POOL_REQ("pool name or uuid"),
    VR_SH_OPT_BOOL("details", "display extended details for volumes"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolList = {
    .name = "vol-list", .handler = cmdVolList, .opts = opts_vol_list,
    .help = "list vols", .desc = "Returns list of vols by pool.",
};


/* ---- vol-info, vol-dumpxml, vol-path, vol-key, vol-name, vol-pool ---- */

#define VR_SH_VOL_INFO(ctl, label, fmt, ...) \
    vrShPrint(ctl, "%-*s " fmt "\n", VR_SH_VOL_LABEL_WIDTH, label, __VA_ARGS__)

static bool
cmdVolInfo(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    bool physical = vrShOptBool(cmd, "physical");
    const char *second = physical ? "Physical:" : "Allocation:";
    virStorageVolInfo info;
    const char *unit;
    double val;

    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    VR_SH_VOL_INFO(ctl, "Name:", "%s", virStorageVolGetName(vol));
#ifdef VR_SH_HAVE_VOL_INFO_FLAGS
    if (physical ? virStorageVolGetInfoFlags(vol, &info, VIR_STORAGE_VOL_GET_PHYSICAL) < 0
                 : virStorageVolGetInfo(vol, &info) < 0)
        return false;
#else
    if (physical) {
        vrShNoSupport("virStorageVolGetInfoFlags");
        return false;
    }
    if (virStorageVolGetInfo(vol, &info) < 0)
        return false;
#endif
    VR_SH_VOL_INFO(ctl, "Type:", "%s", vrShVolTypeStr(info.type));
    if (vrShOptBool(cmd, "bytes")) {
        VR_SH_VOL_INFO(ctl, "Capacity:", "%llu %s", info.capacity, "bytes");
        VR_SH_VOL_INFO(ctl, second, "%llu %s", info.allocation, "bytes");
        return true;
    }
    val = vrShPrettyCapacity(info.capacity, &unit);
    VR_SH_VOL_INFO(ctl, "Capacity:", "%2.2lf %s", val, unit);
    val = vrShPrettyCapacity(info.allocation, &unit);
    VR_SH_VOL_INFO(ctl, second, "%2.2lf %s", val, unit);
    return true;
}


static const vrShOptDef opts_vol_info[] = {
    VR_SH_OPT_VOL_FULL,
    VR_SH_OPT_POOL_OPTIONAL,
    VR_SH_OPT_BOOL("bytes", "sizes are represented in bytes rather than pretty units"),
    VR_SH_OPT_BOOL("physical", "return the physical size of the volume in allocation field"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolInfo = {
    .name = "vol-info", .handler = cmdVolInfo, .opts = opts_vol_info,
    .help = "storage vol information",
    .desc = "Returns basic information about the storage vol.",
};


static bool
cmdVolDumpxml(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    const char *xpath = NULL;
    char *xml;
    bool ret;

    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    /* an empty expression fails without a message, as in virsh */
    if (vrShOptStringQuiet(cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virStorageVolGetXMLDesc(vol, 0)))
        return false;
    ret = vrShDumpXML(ctl, xml, xpath, vrShOptBool(cmd, "wrap"));
    free(xml);
    return ret;
}


static const vrShOptDef opts_vol_dumpxml[] = {
    VR_SH_OPT_VOL_FULL,
    VR_SH_OPT_POOL_OPTIONAL,
    {.name = "xpath", .type = VR_SH_OT_STRING, .flags = VR_SH_OFLAG_REQ_OPT,
     .help = "xpath expression to filter the XML document"},
    VR_SH_OPT_BOOL("wrap", "wrap xpath results in an common root element"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolDumpxml = {
    .name = "vol-dumpxml", .handler = cmdVolDumpxml, .opts = opts_vol_dumpxml,
    .help = "vol information in XML",
    .desc = "Output the vol information as an XML dump to stdout.",
};


static bool
cmdVolPath(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    char *path;

    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    if (!(path = virStorageVolGetPath(vol)))
        return false;
    vrShPrint(ctl, "%s\n", path);
    free(path);
    return true;
}


static bool
cmdVolKey(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;

    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    vrShPrint(ctl, "%s\n", virStorageVolGetKey(vol));
    return true;
}


static bool
cmdVolName(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;

    if (!(vol = vrShOptVol(ctl, cmd, "vol", NULL, NULL, VR_SH_BYUUID)))
        return false;
    vrShPrint(ctl, "%s\n", virStorageVolGetName(vol));
    return true;
}


static bool
cmdVolPool(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    g_autoptr(virStoragePool) pool = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(vol = vrShOptVol(ctl, cmd, "vol", NULL, NULL, VR_SH_BYUUID)))
        return false;
    if (!(pool = virStoragePoolLookupByVolume(vol))) {
        vrShError(ctl, "%s", "failed to get parent pool");
        return false;
    }
    if (!vrShOptBool(cmd, "uuid"))
        vrShPrint(ctl, "%s\n", virStoragePoolGetName(pool));
    else if (virStoragePoolGetUUIDString(pool, uuid) == 0)
        vrShPrint(ctl, "%s\n", uuid);
    return true;
}


static const vrShOptDef opts_vol_path[] = {
    VR_SH_OPT_VOL("volume name or key"),
    VR_SH_OPT_POOL_OPTIONAL,
    VR_SH_OPT_END
};

static const vrShOptDef opts_vol_key[] = {
    VR_SH_OPT_VOL("volume name or path"),
    VR_SH_OPT_POOL_OPTIONAL,
    VR_SH_OPT_END
};

static const vrShOptDef opts_vol_name[] = {
    VR_SH_OPT_VOL("volume key or path"),
    VR_SH_OPT_END
};

static const vrShOptDef opts_vol_pool[] = {
    VR_SH_OPT_VOL("volume key or path"),
    VR_SH_OPT_BOOL("uuid", "return the pool uuid rather than pool name"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolPath = {
    .name = "vol-path", .handler = cmdVolPath, .opts = opts_vol_path,
    .help = "returns the volume path for a given volume name or key", .desc = "",
};
const vrShCmdDef vrShCmdVolKey = {
    .name = "vol-key", .handler = cmdVolKey, .opts = opts_vol_key,
    .help = "returns the volume key for a given volume name or path", .desc = "",
};
const vrShCmdDef vrShCmdVolName = {
    .name = "vol-name", .handler = cmdVolName, .opts = opts_vol_name,
    .help = "returns the volume name for a given volume key or path", .desc = "",
};
const vrShCmdDef vrShCmdVolPool = {
    .name = "vol-pool", .handler = cmdVolPool, .opts = opts_vol_pool,
    .help = "returns the storage pool for a given volume key or path", .desc = "",
};


/* ---- vol-create, vol-create-from, vol-create-as, vol-clone ---- */

static unsigned int
vrShVolCreateFlags(const vrShCmd *cmd)
{
    unsigned int flags = 0;

    if (vrShOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (vrShOptBool(cmd, "reflink"))
        flags |= VIR_STORAGE_VOL_CREATE_REFLINK;
    if (vrShOptBool(cmd, "validate"))
        flags |= VIR_STORAGE_VOL_CREATE_VALIDATE;
    return flags;
}


static bool
cmdVolCreate(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autofree char *xml = NULL;
    const char *from = NULL;
    unsigned int flags = vrShVolCreateFlags(cmd);

    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptString(ctl, cmd, "file", &from) < 0)
        return false;
    if (vrShReadFile(from, &xml) < 0)
        return false;
    if (!(vol = virStorageVolCreateXML(pool, xml, flags))) {
        vrShError(ctl, "Failed to create vol from %s", from);
        return false;
    }
    vrShPrintExtra(ctl, "Vol %s created from %s\n", virStorageVolGetName(vol),
                   from);
    return true;
}


static const vrShOptDef opts_vol_create[] = {
    VR_SH_OPT_POOL_REQ("pool name"),
    VR_SH_OPT_FILE("file containing an XML vol description"),
    VR_SH_OPT_PREALLOC,
    VR_SH_OPT_BOOL("validate", "validate the XML against the schema"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolCreate = {
    .name = "vol-create", .handler = cmdVolCreate, .opts = opts_vol_create,
    .help = "create a vol from an XML file", .desc = "Create a vol.",
};


static bool
cmdVolCreateFrom(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) input = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autofree char *xml = NULL;
    const char *from = NULL;
    unsigned int flags = vrShVolCreateFlags(cmd);

    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptString(ctl, cmd, "file", &from) < 0)
        return false;
    if (!(input = vrShOptVol(ctl, cmd, "vol", "inputpool", NULL,
                             VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShReadFile(from, &xml) < 0)
        return false;
    if (!(vol = virStorageVolCreateXMLFrom(pool, xml, input, flags))) {
        vrShError(ctl, "Failed to create vol from %s", from);
        return false;
    }
    vrShPrintExtra(ctl, "Vol %s created from input vol %s\n",
                   virStorageVolGetName(vol), virStorageVolGetName(input));
    return true;
}


static const vrShOptDef opts_vol_create_from[] = {
    VR_SH_OPT_POOL_REQ("pool name or uuid"),
    VR_SH_OPT_FILE("file containing an XML vol description"),
    VR_SH_OPT_VOL_FULL,
    {.name = "inputpool", .type = VR_SH_OT_STRING,
     .help = "pool name or uuid of the input volume's pool",
     .completer = vrShCompletePools},
    VR_SH_OPT_PREALLOC,
    VR_SH_OPT_BOOL("reflink", "use btrfs COW lightweight copy"),
    VR_SH_OPT_BOOL("validate", "validate the XML against the schema"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolCreateFrom = {
    .name = "vol-create-from", .handler = cmdVolCreateFrom,
    .opts = opts_vol_create_from,
    .help = "create a vol, using another volume as input",
    .desc = "Create a vol from an existing volume.",
};


/* The <backingStore> of vol-create-as: the backing volume is looked up
 * by name in the pool, then by key, then by path. */
static bool
vrShVolBacking(vrShCtl *ctl, virStoragePoolPtr pool, const char *backing,
               const char *format, GString *xml)
{
    g_autoptr(virStorageVol) vol = virStorageVolLookupByName(pool, backing);
    g_autofree char *path = NULL;

    if (!vol)
        vol = virStorageVolLookupByKey(ctl->conn, backing);
    if (!vol)
        vol = virStorageVolLookupByPath(ctl->conn, backing);
    if (!vol) {
        vrShError(ctl, "failed to get vol '%s'", backing);
        return false;
    }
    if (!(path = virStorageVolGetPath(vol)))
        return false;
    g_string_append_printf(xml, "  <backingStore>\n    <path>%s</path>\n", path);
    if (format)
        g_string_append_printf(xml, "    <format type='%s'/>\n", format);
    g_string_append(xml, "  </backingStore>\n");
    return true;
}


/* The sizes of vol-create-as; false after reporting a malformed one. */
static bool
vrShVolCreateSizes(vrShCtl *ctl, const vrShCmd *cmd,
                   unsigned long long *capacity, const char **alloc_str,
                   unsigned long long *allocation)
{
    const char *str = NULL;

    if (vrShOptString(ctl, cmd, "capacity", &str) < 0)
        return false;
    if (!vrShParseScaled(str, 1, G_MAXUINT64, capacity)) {
        vrShError(ctl, "Malformed size %s", str);
        return false;
    }
    if (vrShOptStringQuiet(cmd, "allocation", alloc_str) > 0 &&
        !vrShParseScaled(*alloc_str, 1, G_MAXUINT64, allocation)) {
        vrShError(ctl, "Malformed size %s", *alloc_str);
        return false;
    }
    return true;
}


static char *
vrShVolCreateAsXML(vrShCtl *ctl, const vrShCmd *cmd, virStoragePoolPtr pool,
                   const char *name)
{
    g_autoptr(GString) xml = g_string_new("<volume>\n");
    const char *alloc_str = NULL, *format = NULL;
    const char *backing = NULL, *backing_format = NULL;
    unsigned long long capacity, allocation = 0;

    if (!vrShVolCreateSizes(ctl, cmd, &capacity, &alloc_str, &allocation))
        return NULL;
    if (vrShOptString(ctl, cmd, "format", &format) < 0 ||
        vrShOptString(ctl, cmd, "backing-vol", &backing) < 0 ||
        vrShOptString(ctl, cmd, "backing-vol-format", &backing_format) < 0)
        return NULL;
    g_string_append_printf(xml, "  <name>%s</name>\n", name);
    g_string_append_printf(xml, "  <capacity>%llu</capacity>\n", capacity);
    if (alloc_str)
        g_string_append_printf(xml, "  <allocation>%llu</allocation>\n",
                               allocation);
    if (format)
        g_string_append_printf(xml, "  <target>\n    <format type='%s'/>\n"
                               "  </target>\n", format);
    if (backing && !vrShVolBacking(ctl, pool, backing, backing_format, xml))
        return NULL;
    g_string_append(xml, "</volume>\n");
    return g_string_free(g_steal_pointer(&xml), FALSE);
}


static bool
cmdVolCreateAs(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autofree char *xml = NULL;
    const char *name = NULL;
    unsigned int flags = vrShVolCreateFlags(cmd);

    if (!(pool = vrShOptPool(ctl, cmd, "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptString(ctl, cmd, "name", &name) < 0)
        return false;
    if (!(xml = vrShVolCreateAsXML(ctl, cmd, pool, name)))
        return false;
    if (vrShOptBool(cmd, "print-xml")) {
        vrShPrint(ctl, "%s", xml);
        return true;
    }
    if (!(vol = virStorageVolCreateXML(pool, xml, flags))) {
        vrShError(ctl, "Failed to create vol %s", name);
        return false;
    }
    vrShPrintExtra(ctl, "Vol %s created\n", name);
    return true;
}


static const vrShOptDef opts_vol_create_as[] = {
    VR_SH_OPT_POOL_REQ("pool name"),
    {.name = "name", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "name of the volume"},
    {.name = "capacity", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "size of the vol, as scaled integer (default bytes)"},
    VR_SH_OPT_STR("allocation", "initial allocation size, as scaled integer (default bytes)"),
    VR_SH_OPT_STR("format", "file format type raw,bochs,qcow,qcow2,qed,vmdk"),
    VR_SH_OPT_STR("backing-vol", "the backing volume if taking a snapshot"),
    VR_SH_OPT_STR("backing-vol-format", "format of backing volume if taking a snapshot"),
    VR_SH_OPT_PREALLOC,
    VR_SH_OPT_BOOL("print-xml", "print XML document, but don't define/create"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolCreateAs = {
    .name = "vol-create-as", .handler = cmdVolCreateAs,
    .opts = opts_vol_create_as, .help = "create a volume from a set of args",
    .desc = "Create a vol.",
};


/* The XML of a volume with its <name> replaced, serialized as virsh
 * does it (libxml's own formatting, no trailing newline). */
static char *
vrShVolCloneXML(const char *xml, const char *newname)
{
    xmlDocPtr doc = xmlReadMemory(xml, strlen(xml), "volume.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    char *out = NULL;

    if (!root || !xmlStrEqual(root->name, (const xmlChar *)"volume"))
        goto cleanup;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE &&
            xmlStrEqual(n->name, (const xmlChar *)"name")) {
            xmlNodeSetContent(n, (const xmlChar *)newname);
            out = vrShXMLNodeString(doc, doc->children);
            break;
        }
    }
 cleanup:
    xmlFreeDoc(doc);
    return out;
}


static bool
cmdVolClone(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) orig = NULL;
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autofree char *origxml = NULL;
    g_autofree char *newxml = NULL;
    const char *name = NULL;
    unsigned int flags = vrShVolCreateFlags(cmd);

    if (!(orig = vrShOptVol(ctl, cmd, "vol", "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    if (!(pool = virStoragePoolLookupByVolume(orig))) {
        vrShError(ctl, "%s", "failed to get parent pool");
        return false;
    }
    if (vrShOptString(ctl, cmd, "newname", &name) < 0)
        return false;
    if (!(origxml = virStorageVolGetXMLDesc(orig, 0)))
        return false;
    if (!(newxml = vrShVolCloneXML(origxml, name))) {
        vrShError(ctl, "%s", "Failed to allocate XML buffer");
        return false;
    }
    if (vrShOptBool(cmd, "print-xml")) {
        vrShPrint(ctl, "%s", newxml);
        return true;
    }
    if (!(vol = virStorageVolCreateXMLFrom(pool, newxml, orig, flags))) {
        vrShError(ctl, "Failed to clone vol from %s", virStorageVolGetName(orig));
        return false;
    }
    vrShPrintExtra(ctl, "Vol %s cloned from %s\n", virStorageVolGetName(vol),
                   virStorageVolGetName(orig));
    return true;
}


static const vrShOptDef opts_vol_clone[] = {
    VR_SH_OPT_VOL_FULL,
    {.name = "newname", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "clone name"},
    VR_SH_OPT_POOL_OPTIONAL,
    VR_SH_OPT_PREALLOC,
    VR_SH_OPT_BOOL("reflink", "use btrfs COW lightweight copy"),
    VR_SH_OPT_BOOL("print-xml", "print XML document rather than clone the volume"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolClone = {
    .name = "vol-clone", .handler = cmdVolClone, .opts = opts_vol_clone,
    .help = "clone a volume.",
    .desc = "Clone an existing volume within the parent pool.",
};


/* ---- vol-delete, vol-wipe, vol-resize ---- */

static bool
cmdVolDelete(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    const char *name = NULL;
    unsigned int flags = 0;

    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", &name, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptBool(cmd, "delete-snapshots"))
        flags |= VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS;
    if (virStorageVolDelete(vol, flags) < 0) {
        vrShError(ctl, "Failed to delete vol %s", name);
        return false;
    }
    vrShPrintExtra(ctl, "Vol %s deleted\n", name);
    return true;
}


static const vrShOptDef opts_vol_delete[] = {
    VR_SH_OPT_VOL_FULL,
    VR_SH_OPT_POOL_OPTIONAL,
    VR_SH_OPT_BOOL("delete-snapshots",
                   "delete snapshots associated with volume (must be supported by storage driver)"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolDelete = {
    .name = "vol-delete", .handler = cmdVolDelete, .opts = opts_vol_delete,
    .help = "delete a vol", .desc = "Delete a given vol.",
};


static const char *const vrShWipeAlgorithms[] = {
    "zero", "nnsa", "dod", "bsi", "gutmann", "schneier", "pfitzner7",
    "pfitzner33", "random", "trim",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShWipeAlgorithms) == VIR_STORAGE_VOL_WIPE_ALG_LAST);

static char **
vrShCompleteWipeAlgorithms(vrShCtl *ctl G_GNUC_UNUSED,
                           unsigned int flags G_GNUC_UNUSED)
{
    return vrShCompleteWords(vrShWipeAlgorithms,
                             G_N_ELEMENTS(vrShWipeAlgorithms));
}

/* Wipes with the pattern; plain virStorageVolWipe stands in for "zero"
 * where the pattern API is missing. */
static int
vrShVolWipe(virStorageVolPtr vol, int algorithm)
{
#ifdef VR_SH_HAVE_VOL_WIPE_PATTERN
    int rc = virStorageVolWipePattern(vol, algorithm, 0);

    if (rc < 0 && vrShLastErrorCode() == VIR_ERR_NO_SUPPORT &&
        algorithm == VIR_STORAGE_VOL_WIPE_ALG_ZERO)
        rc = virStorageVolWipe(vol, 0);
    return rc;
#else
    if (algorithm == VIR_STORAGE_VOL_WIPE_ALG_ZERO)
        return virStorageVolWipe(vol, 0);
    vrShNoSupport("virStorageVolWipePattern");
    return -1;
#endif
}


static bool
cmdVolWipe(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    const char *name = NULL;
    const char *alg = NULL;
    int algorithm = VIR_STORAGE_VOL_WIPE_ALG_ZERO;

    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", &name, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptString(ctl, cmd, "algorithm", &alg) < 0)
        return false;
    if (alg) {
        for (algorithm = 0; algorithm < VIR_STORAGE_VOL_WIPE_ALG_LAST; algorithm++) {
            if (strcmp(vrShWipeAlgorithms[algorithm], alg) == 0)
                break;
        }
        if (algorithm == VIR_STORAGE_VOL_WIPE_ALG_LAST) {
            vrShError(ctl, "Unsupported algorithm '%s'", alg);
            return false;
        }
    }
    if (vrShVolWipe(vol, algorithm) < 0) {
        vrShError(ctl, "Failed to wipe vol %s", name);
        return false;
    }
    vrShPrintExtra(ctl, "Vol %s wiped\n", name);
    return true;
}


static const vrShOptDef opts_vol_wipe[] = {
    VR_SH_OPT_VOL_FULL,
    VR_SH_OPT_POOL_OPTIONAL,
    {.name = "algorithm", .type = VR_SH_OT_STRING,
     .help = "perform selected wiping algorithm",
     .completer = vrShCompleteWipeAlgorithms},
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolWipe = {
    .name = "vol-wipe", .handler = cmdVolWipe, .opts = opts_vol_wipe,
    .help = "wipe a vol",
    .desc = "Ensure data previously on a volume is not accessible to future reads",
};


static bool
cmdVolResize(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    bool delta = vrShOptBool(cmd, "delta");
    bool shrink = vrShOptBool(cmd, "shrink");
    unsigned long long capacity = 0;
    const char *str = NULL;
    unsigned int flags = 0;

    if (vrShOptBool(cmd, "allocate"))
        flags |= VIR_STORAGE_VOL_RESIZE_ALLOCATE;
    if (shrink)
        flags |= VIR_STORAGE_VOL_RESIZE_SHRINK;
    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", NULL, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptString(ctl, cmd, "capacity", &str) < 0)
        return false;
    while (g_ascii_isspace(*str))
        str++;
    /* the API takes no negative size; "-N" with --shrink is a delta */
    if (*str == '-') {
        if (!shrink) {
            vrShError(ctl, "%s", "negative size requires --shrink");
            return false;
        }
        str++;
        delta = true;
    }
    if (delta)
        flags |= VIR_STORAGE_VOL_RESIZE_DELTA;
    if (!vrShParseScaled(str, 1, G_MAXUINT64, &capacity)) {
        vrShError(ctl, "Malformed size %s", str);
        return false;
    }
    if (virStorageVolResize(vol, capacity, flags) < 0) {
        vrShError(ctl, "Failed to change size of volume '%s' %s %s",
                  virStorageVolGetName(vol), delta ? "by" : "to", str);
        return false;
    }
    vrShPrintExtra(ctl, "Size of volume '%s' successfully changed %s %s\n",
                   virStorageVolGetName(vol), delta ? "by" : "to", str);
    return true;
}


static const vrShOptDef opts_vol_resize[] = {
    VR_SH_OPT_VOL_FULL,
    {.name = "capacity", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ,
     .help = "new capacity for the vol, as scaled integer (default bytes)"},
    VR_SH_OPT_POOL_OPTIONAL,
    VR_SH_OPT_BOOL("allocate", "allocate the new capacity, rather than leaving it sparse"),
    VR_SH_OPT_BOOL("delta", "use capacity as a delta to current size, rather than the new size"),
    VR_SH_OPT_BOOL("shrink", "allow the resize to shrink the volume"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolResize = {
    .name = "vol-resize", .handler = cmdVolResize, .opts = opts_vol_resize,
    .help = "resize a vol",
    .desc = "Resizes a storage volume. This is safe only for storage volumes not in use by an active guest.\n"
            "See blockresize for live resizing.",
};


/* ---- vol-upload, vol-download ---- */

/* Stream source: the next bytes of the file (0 at its end). */
static int
vrShStreamSource(virStreamPtr st, char *data, size_t nbytes, void *opaque)
{
    int fd = *(int *)opaque;
    size_t got = 0;

    while (got < nbytes) {
        ssize_t n = read(fd, data + got, nbytes - got);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += n;
    }
    return (int)got;
}


/* Stream sink: writes all the bytes to the file. */
static int
vrShStreamSink(virStreamPtr st, const char *data, size_t nbytes, void *opaque)
{
    int fd = *(int *)opaque;
    size_t done = 0;

    while (done < nbytes) {
        ssize_t n = write(fd, data + done, nbytes - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        done += n;
    }
    return (int)done;
}


static void
vrShStreamFree(virStreamPtr st)
{
    if (st)
        virStreamFree(st);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStream, vrShStreamFree)


/* --offset and --length of vol-upload/vol-download (a negative length
 * wraps around to "everything", as in virsh). */
static bool
vrShVolRange(vrShCtl *ctl, const vrShCmd *cmd, unsigned long long *offset,
             unsigned long long *length)
{
    *offset = 0;
    *length = 0;
    return vrShOptULL(ctl, cmd, "offset", false, offset) >= 0 &&
           vrShOptULL(ctl, cmd, "length", true, length) >= 0;
}


/* Closes the local file *fd (set to -1) and finishes the stream, or
 * aborts it when the file does not close. */
static bool
vrShVolFinish(vrShCtl *ctl, virStreamPtr st, int *fd, const char *name,
              const char *file)
{
    if (close(*fd) < 0) {
        *fd = -1;
        vrShError(ctl, "cannot close file %s", file);
        virStreamAbort(st);
        return false;
    }
    *fd = -1;
    if (virStreamFinish(st) < 0) {
        vrShError(ctl, "cannot close volume %s", name);
        return false;
    }
    return true;
}


/* Sends the open file fd to the stream and finishes it. */
static bool
vrShVolSend(vrShCtl *ctl, virStreamPtr st, int *fd, const char *name,
            const char *file)
{
    if (virStreamSendAll(st, vrShStreamSource, fd) < 0) {
        vrShError(ctl, "cannot send data to volume %s", name);
        return false;
    }
    return vrShVolFinish(ctl, st, fd, name, file);
}


static bool
cmdVolUpload(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    g_autoptr(virStream) st = NULL;
    const char *name = NULL, *file = NULL;
    unsigned long long offset, length;
    unsigned int flags = 0;
    bool ret;
    int fd;

    if (!vrShVolRange(ctl, cmd, &offset, &length))
        return false;
    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", &name, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if ((fd = open(file, O_RDONLY | O_CLOEXEC)) < 0) {
        vrShError(ctl, "cannot read %s", file);
        return false;
    }
    if (vrShOptBool(cmd, "sparse"))
        flags |= VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM;
    if (!(st = virStreamNew(ctl->conn, 0))) {
        vrShError(ctl, "%s", "cannot create a new stream");
        ret = false;
    } else if (virStorageVolUpload(vol, st, offset, length, flags) < 0) {
        vrShError(ctl, "cannot upload to volume %s", name);
        ret = false;
    } else {
        ret = vrShVolSend(ctl, st, &fd, name, file);
    }
    if (fd >= 0)
        close(fd);
    return ret;
}


/* Opens the target of vol-download; *created tells whether the file is
 * new (and so removed again on failure).  -1 after reporting. */
static int
vrShDownloadOpen(vrShCtl *ctl, const char *file, bool *created)
{
    int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                  VR_SH_DOWNLOAD_MODE);

    *created = fd >= 0;
    if (fd < 0 && errno == EEXIST)
        fd = open(file, O_WRONLY | O_TRUNC | O_CLOEXEC, VR_SH_DOWNLOAD_MODE);
    if (fd < 0)
        vrShError(ctl, "cannot create %s", file);
    return fd;
}


static bool
vrShVolReceive(vrShCtl *ctl, virStorageVolPtr vol, const char *name,
               const char *file, int *fd, unsigned long long offset,
               unsigned long long length, unsigned int flags)
{
    g_autoptr(virStream) st = NULL;

    /* the target may be our own stdout: keep earlier output first */
    fflush(stdout);
    if (!(st = virStreamNew(ctl->conn, 0))) {
        vrShError(ctl, "%s", "cannot create a new stream");
        return false;
    }
    if (virStorageVolDownload(vol, st, offset, length, flags) < 0) {
        vrShError(ctl, "cannot download from volume %s", name);
        return false;
    }
    if (virStreamRecvAll(st, vrShStreamSink, fd) < 0) {
        vrShError(ctl, "cannot receive data from volume %s", name);
        return false;
    }
    return vrShVolFinish(ctl, st, fd, name, file);
}


static bool
cmdVolDownload(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    const char *name = NULL, *file = NULL;
    unsigned long long offset, length;
    unsigned int flags = 0;
    bool created = false;
    bool ret;
    int fd;

    if (!vrShVolRange(ctl, cmd, &offset, &length))
        return false;
    if (!(vol = vrShOptVol(ctl, cmd, "vol", "pool", &name, VR_SH_BY_ANY_VOL)))
        return false;
    if (vrShOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if (vrShOptBool(cmd, "sparse"))
        flags |= VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM;
    if ((fd = vrShDownloadOpen(ctl, file, &created)) < 0)
        return false;
    ret = vrShVolReceive(ctl, vol, name, file, &fd, offset, length, flags);
    if (fd >= 0)
        close(fd);
    if (!ret && created)
        unlink(file);
    return ret;
}


static const vrShOptDef opts_vol_upload[] = {
    VR_SH_OPT_VOL_FULL,
    VR_SH_OPT_FILE("file"),
    VR_SH_OPT_POOL_OPTIONAL,
    {.name = "offset", .type = VR_SH_OT_INT, .help = "volume offset to upload to"},
    {.name = "length", .type = VR_SH_OT_INT, .help = "amount of data to upload"},
    VR_SH_OPT_BOOL("sparse", "preserve sparseness of volume"),
    VR_SH_OPT_END
};

static const vrShOptDef opts_vol_download[] = {
    VR_SH_OPT_VOL_FULL,
    VR_SH_OPT_FILE("file"),
    VR_SH_OPT_POOL_OPTIONAL,
    {.name = "offset", .type = VR_SH_OT_INT,
     .help = "volume offset to download from"},
    {.name = "length", .type = VR_SH_OT_INT, .help = "amount of data to download"},
    VR_SH_OPT_BOOL("sparse", "preserve sparseness of volume"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVolUpload = {
    .name = "vol-upload", .handler = cmdVolUpload, .opts = opts_vol_upload,
    .help = "upload file contents to a volume",
    .desc = "Upload file contents to a volume",
};
const vrShCmdDef vrShCmdVolDownload = {
    .name = "vol-download", .handler = cmdVolDownload,
    .opts = opts_vol_download, .help = "download volume contents to a file",
    .desc = "Download volume contents to a file",
};
