/* Storage pool XML: <pool> parse -> defaults -> validate -> format, with
 * its <source> (hosts, devices, dir, name, initiator, format, auth,
 * protocol, vendor/product), <target> and <refresh>, as libvirt 9.0. */
#include <string.h>

#include "conf/storage_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_STORAGE

#define VR_STORAGE_POOL_URL "(storage_pool_definition)"

/* The netfs formats libvirt allows <protocol ver=''> with. */
#define VR_POOL_NETFS_FORMAT_AUTO 0
#define VR_POOL_NETFS_FORMAT_NFS 1

static const char *const vrPoolNetfsFormatNames[] = { "auto", "nfs", "glusterfs", "cifs" };
static const char *const vrPoolRefreshNames[] = { "default", "capacity" };

/* Limits of a PCI address (libvirt's virPCIDeviceAddressIsValid). */
#define VR_STORAGE_PCI_BUS_MAX 0xFF
#define VR_STORAGE_PCI_SLOT_MAX 0x1F
#define VR_STORAGE_PCI_FUNCTION_MAX 7
/* Hex digits of a world wide name (after an optional "0x"). */
#define VR_STORAGE_WWN_DIGITS 16

/* --- free / copy ---------------------------------------------------------- */

static void
vrStorageAdapterClear(vrStorageAdapter *adapter)
{
    g_free(adapter->name);
    g_free(adapter->wwnn);
    g_free(adapter->wwpn);
    g_free(adapter->parent);
    g_free(adapter->parent_wwnn);
    g_free(adapter->parent_wwpn);
    g_free(adapter->parent_fabric_wwn);
}

static void
vrStorageAdapterCopy(vrStorageAdapter *dst, const vrStorageAdapter *src)
{
    *dst = *src;
    dst->name = g_strdup(src->name);
    dst->wwnn = g_strdup(src->wwnn);
    dst->wwpn = g_strdup(src->wwpn);
    dst->parent = g_strdup(src->parent);
    dst->parent_wwnn = g_strdup(src->parent_wwnn);
    dst->parent_wwpn = g_strdup(src->parent_wwpn);
    dst->parent_fabric_wwn = g_strdup(src->parent_fabric_wwn);
}

static void
vrStorageAuthFree(vrStorageAuth *auth)
{
    if (!auth)
        return;
    g_free(auth->username);
    g_free(auth->secret_type);
    vrStorageSecretLookupClear(&auth->secret);
    g_free(auth);
}

static void
vrStoragePoolSourceClear(vrStoragePoolSource *src)
{
    size_t i;

    for (i = 0; i < src->nhosts; i++)
        g_free(src->hosts[i].name);
    g_free(src->hosts);
    for (i = 0; i < src->ndevices; i++)
        g_free(src->devices[i].path);
    g_free(src->devices);
    g_free(src->dir);
    g_free(src->name);
    g_free(src->initiator_iqn);
    vrStorageAuthFree(src->auth);
    g_free(src->protocol_ver);
    g_free(src->vendor);
    g_free(src->product);
    vrStorageAdapterClear(&src->adapter);
    memset(src, 0, sizeof(*src));
}

void
vrStoragePoolDefFree(vrStoragePoolDef *def)
{
    if (!def)
        return;
    g_free(def->name);
    vrStoragePoolSourceClear(&def->source);
    g_free(def->target_path);
    vrStoragePermsClear(&def->target_perms);
    g_free(def);
}

static vrStorageAuth *
vrStorageAuthCopy(const vrStorageAuth *auth)
{
    vrStorageAuth *copy;

    if (!auth)
        return NULL;
    copy = g_memdup2(auth, sizeof(*auth));
    copy->username = g_strdup(auth->username);
    copy->secret_type = g_strdup(auth->secret_type);
    copy->secret.usage = g_strdup(auth->secret.usage);
    return copy;
}

static void
vrStoragePoolSourceCopy(vrStoragePoolSource *dst, const vrStoragePoolSource *src)
{
    size_t i;

    *dst = *src;
    dst->hosts = g_new0(vrStoragePoolHost, src->nhosts);
    for (i = 0; i < src->nhosts; i++) {
        dst->hosts[i].name = g_strdup(src->hosts[i].name);
        dst->hosts[i].port = src->hosts[i].port;
    }
    dst->devices = g_new0(vrStoragePoolDevice, src->ndevices);
    for (i = 0; i < src->ndevices; i++) {
        dst->devices[i].path = g_strdup(src->devices[i].path);
        dst->devices[i].part_separator = src->devices[i].part_separator;
    }
    dst->dir = g_strdup(src->dir);
    dst->name = g_strdup(src->name);
    dst->initiator_iqn = g_strdup(src->initiator_iqn);
    dst->auth = vrStorageAuthCopy(src->auth);
    dst->protocol_ver = g_strdup(src->protocol_ver);
    dst->vendor = g_strdup(src->vendor);
    dst->product = g_strdup(src->product);
    vrStorageAdapterCopy(&dst->adapter, &src->adapter);
}

vrStoragePoolDef *
vrStoragePoolDefCopy(const vrStoragePoolDef *def)
{
    vrStoragePoolDef *copy = g_memdup2(def, sizeof(*def));

    copy->name = g_strdup(def->name);
    vrStoragePoolSourceCopy(&copy->source, &def->source);
    copy->target_path = g_strdup(def->target_path);
    vrStoragePermsCopy(&copy->target_perms, &def->target_perms);
    return copy;
}

/* --- <source> --------------------------------------------------------------- */

static int
vrStoragePoolParseHosts(const xmlNode *node, vrStoragePoolSource *src)
{
    g_autoptr(GPtrArray) hosts = g_ptr_array_new();
    xmlNode *cur;
    size_t i;

    for (cur = node->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "host"))
            g_ptr_array_add(hosts, cur);
    }
    if (hosts->len > VR_STORAGE_POOL_HOSTS_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "too many <host> elements (limit %d)",
                      VR_STORAGE_POOL_HOSTS_MAX);
        return -1;
    }
    src->hosts = g_new0(vrStoragePoolHost, hosts->len);
    for (i = 0; i < hosts->len; i++) {
        xmlNode *host = g_ptr_array_index(hosts, i);

        src->nhosts++;
        if (!(src->hosts[i].name = vrXMLProp(host, "name"))) {
            vrReportError(VIR_ERR_XML_ERROR, "missing storage pool host name");
            return -1;
        }
        if (vrXMLPropInt(host, "port", 10, VR_XML_PROP_NONE, &src->hosts[i].port) < 0)
            return -1;
    }
    return 0;
}

static int
vrStoragePoolParseDevices(const xmlNode *node, vrStoragePoolSource *src)
{
    g_autoptr(GPtrArray) devs = g_ptr_array_new();
    xmlNode *cur;
    size_t i;

    for (cur = node->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "device"))
            g_ptr_array_add(devs, cur);
    }
    if (devs->len > VR_STORAGE_POOL_DEVICES_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "too many <device> elements (limit %d)",
                      VR_STORAGE_POOL_DEVICES_MAX);
        return -1;
    }
    src->devices = g_new0(vrStoragePoolDevice, devs->len);
    for (i = 0; i < devs->len; i++) {
        xmlNode *dev = g_ptr_array_index(devs, i);
        int sep = VR_STORAGE_TRISTATE_ABSENT;

        src->ndevices++;
        if (!(src->devices[i].path = vrXMLProp(dev, "path"))) {
            vrReportError(VIR_ERR_XML_ERROR, "missing storage pool source device path");
            return -1;
        }
        if (vrXMLPropEnum(dev, "part_separator", vrStorageTristateNameFromString,
                          VR_XML_PROP_NONZERO, &sep) < 0)
            return -1;
        src->devices[i].part_separator = sep;
    }
    return 0;
}

/* <auth type='' username=''><secret (uuid|usage)=''/></auth> */
static vrStorageAuth *
vrStorageAuthParse(const xmlNode *node)
{
    vrStorageAuth *auth = g_new0(vrStorageAuth, 1);
    g_autofree char *type = NULL;
    g_autofree char *uuid = NULL;
    xmlNode *secret;

    auth->username = vrXMLProp(node, "username");
    if (!auth->username || !*auth->username) {
        vrReportError(VIR_ERR_XML_ERROR, "missing username for auth");
        goto error;
    }
    if ((type = vrXMLProp(node, "type"))) {
        int val = vrStorageAuthTypeNameFromString(type);

        if (val < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown auth type '%s'", type);
            goto error;
        }
        auth->type = val;
    }
    if (!(secret = vrXMLChild(node, "secret"))) {
        vrReportError(VIR_ERR_XML_ERROR, "Missing <secret> element in auth");
        goto error;
    }
    auth->secret_type = vrXMLProp(secret, "type");
    if (vrStorageSecretLookupParse(secret, &auth->secret) < 0)
        goto error;
    return auth;

 error:
    vrStorageAuthFree(auth);
    return NULL;
}

static int
vrStoragePoolParseFormat(const xmlNode *node, const vrStoragePoolTypeInfo *info,
                         vrStoragePoolSource *src)
{
    g_autofree char *format = NULL;

    if (!info->pool_formats)
        return 0;
    format = vrXMLChildrenProp(node, "format", "type");
    if (format && !*format)
        g_clear_pointer(&format, g_free);
    if (!format) {
        src->format = info->pool_formats->def;
        return 0;
    }
    if ((src->format = vrStorageFormatTableLookup(info->pool_formats, format)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown pool format type %s", format);
        return -1;
    }
    return 0;
}

/* string(./elem/@attr), NULL when absent or empty. */
static char *
vrStorageChildProp(const xmlNode *node, const char *elem, const char *attr)
{
    char *val = vrXMLChildrenProp(node, elem, attr);

    if (val && !*val)
        g_clear_pointer(&val, g_free);
    return val;
}

static int
vrStoragePoolParseProtocol(const xmlNode *node, vrStoragePoolSource *src)
{
    g_autofree char *ver = vrStorageChildProp(node, "protocol", "ver");

    if (!ver)
        return 0;
    if (src->format != VR_POOL_NETFS_FORMAT_NFS && src->format != VR_POOL_NETFS_FORMAT_AUTO) {
        const char *name = vrEnumToString(vrPoolNetfsFormatNames,
                                          G_N_ELEMENTS(vrPoolNetfsFormatNames), src->format);

        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "storage pool protocol ver unsupported for pool type '%s'",
                      name ? name : "(null)");
        return -1;
    }
    src->protocol_ver = g_steal_pointer(&ver);
    return 0;
}

/* --- <adapter> ------------------------------------------------------------- */

/* <parentaddr><address .../></parentaddr>: a PCI address, range-checked
 * unless domain, bus and slot are all 0. */
static int
vrStorageAdapterParsePCI(const xmlNode *addr, vrStorageAdapter *adapter)
{
    if (vrXMLPropUInt(addr, "domain", 0, 0, &adapter->pci_domain) < 0 ||
        vrXMLPropUInt(addr, "bus", 0, 0, &adapter->pci_bus) < 0 ||
        vrXMLPropUInt(addr, "slot", 0, 0, &adapter->pci_slot) < 0 ||
        vrXMLPropUInt(addr, "function", 0, 0, &adapter->pci_function) < 0)
        return -1;
    if (!adapter->pci_domain && !adapter->pci_bus && !adapter->pci_slot)
        return 0;
    if (adapter->pci_bus > VR_STORAGE_PCI_BUS_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid PCI address bus='0x%x', must be <= 0x%X",
                      adapter->pci_bus, VR_STORAGE_PCI_BUS_MAX);
        return -1;
    }
    if (adapter->pci_slot > VR_STORAGE_PCI_SLOT_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid PCI address slot='0x%x', must be <= 0x%X",
                      adapter->pci_slot, VR_STORAGE_PCI_SLOT_MAX);
        return -1;
    }
    if (adapter->pci_function > VR_STORAGE_PCI_FUNCTION_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid PCI address function=0x%x, must be <= %d",
                      adapter->pci_function, VR_STORAGE_PCI_FUNCTION_MAX);
        return -1;
    }
    return 0;
}

static int
vrStorageAdapterParseScsiHost(const xmlNode *node, vrStorageAdapter *adapter)
{
    xmlNode *parentaddr = vrXMLChild(node, "parentaddr");
    g_autofree char *unique_id = NULL;
    xmlNode *addr;

    adapter->name = vrXMLProp(node, "name");
    if (!parentaddr)
        return 0;
    if (!(addr = vrXMLChild(parentaddr, "address"))) {
        vrReportError(VIR_ERR_XML_ERROR, "Missing scsi_host PCI address element");
        return -1;
    }
    adapter->has_parent = true;
    if (vrStorageAdapterParsePCI(addr, adapter) < 0)
        return -1;
    unique_id = vrXMLProp(parentaddr, "unique_id");
    if (!unique_id || vrStrToInt(unique_id, 10, &adapter->unique_id) < 0 ||
        adapter->unique_id < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "Missing or invalid scsi adapter 'unique_id' value");
        return -1;
    }
    return 0;
}

/* An <adapter> without type: only name='' (a scsi_host) is allowed. */
static int
vrStorageAdapterParseLegacy(const xmlNode *node, vrStorageAdapter *adapter)
{
    g_autofree char *wwnn = vrXMLProp(node, "wwnn");
    g_autofree char *wwpn = vrXMLProp(node, "wwpn");
    g_autofree char *parent = vrXMLProp(node, "parent");

    if (wwnn || wwpn || parent) {
        vrReportError(VIR_ERR_XML_ERROR, "Use of 'wwnn', 'wwpn', and 'parent' attributes "
                      "requires use of the adapter 'type'");
        return -1;
    }
    if (vrXMLChild(node, "parentaddr")) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Use of 'parentaddr' element requires use of the adapter 'type'");
        return -1;
    }
    if ((adapter->name = vrXMLProp(node, "name")))
        adapter->type = VR_STORAGE_ADAPTER_SCSI_HOST;
    return 0;
}

static int
vrStorageAdapterParse(const xmlNode *node, vrStorageAdapter *adapter)
{
    int type = VR_STORAGE_ADAPTER_DEFAULT;
    int managed = VR_STORAGE_TRISTATE_ABSENT;
    int rc;

    if ((rc = vrXMLPropEnum(node, "type", vrStorageAdapterTypeNameFromString,
                            VR_XML_PROP_NONZERO, &type)) < 0)
        return -1;
    if (rc == 0)
        return vrStorageAdapterParseLegacy(node, adapter);
    adapter->type = type;
    if (type == VR_STORAGE_ADAPTER_SCSI_HOST)
        return vrStorageAdapterParseScsiHost(node, adapter);
    if (vrXMLPropEnum(node, "managed", vrStorageTristateNameFromString,
                      VR_XML_PROP_NONZERO, &managed) < 0)
        return -1;
    adapter->managed = managed;
    adapter->parent = vrXMLProp(node, "parent");
    adapter->parent_wwnn = vrXMLProp(node, "parent_wwnn");
    adapter->parent_wwpn = vrXMLProp(node, "parent_wwpn");
    adapter->parent_fabric_wwn = vrXMLProp(node, "parent_fabric_wwn");
    adapter->wwpn = vrXMLProp(node, "wwpn");
    adapter->wwnn = vrXMLProp(node, "wwnn");
    return 0;
}

/* 16 hex digits, optionally after "0x". */
static bool
vrStorageWWNValid(const char *wwn)
{
    const char *p = g_str_has_prefix(wwn, "0x") ? wwn + 2 : wwn;
    size_t i;

    for (i = 0; p[i] && g_ascii_isxdigit(p[i]); i++)
        ;
    if (i != VR_STORAGE_WWN_DIGITS || p[i]) {
        /* libvirt checks WWNs in its util code: no error domain */
        vrErrorReport(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR, __FILE__, __func__, __LINE__,
                      "Malformed wwn: %s", wwn);
        return false;
    }
    return true;
}

static int
vrStorageAdapterCheckFC(const vrStorageAdapter *fc)
{
    if (!fc->wwnn || !fc->wwpn) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "'wwnn' and 'wwpn' must be specified for adapter type 'fchost'");
        return -1;
    }
    if (!vrStorageWWNValid(fc->wwnn) || !vrStorageWWNValid(fc->wwpn))
        return -1;
    if (fc->parent_wwnn && !fc->parent_wwpn) {
        vrReportError(VIR_ERR_XML_ERROR, "when providing parent_wwnn='%s', the parent_wwpn "
                      "must also be provided", fc->parent_wwnn);
        return -1;
    }
    if (!fc->parent_wwnn && fc->parent_wwpn) {
        vrReportError(VIR_ERR_XML_ERROR, "when providing parent_wwpn='%s', the parent_wwnn "
                      "must also be provided", fc->parent_wwpn);
        return -1;
    }
    if ((fc->parent_wwnn && !vrStorageWWNValid(fc->parent_wwnn)) ||
        (fc->parent_wwpn && !vrStorageWWNValid(fc->parent_wwpn)) ||
        (fc->parent_fabric_wwn && !vrStorageWWNValid(fc->parent_fabric_wwn)))
        return -1;
    return 0;
}

/* What a pool type with an adapter requires of it, once parsed. */
static int
vrStorageAdapterCheck(const vrStorageAdapter *adapter)
{
    if (adapter->type == VR_STORAGE_ADAPTER_DEFAULT) {
        vrReportError(VIR_ERR_XML_ERROR, "missing storage pool source adapter");
        return -1;
    }
    if (adapter->type == VR_STORAGE_ADAPTER_FC_HOST)
        return vrStorageAdapterCheckFC(adapter);
    if (!adapter->name && !adapter->has_parent) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Either 'name' or 'parent' must be specified for the 'scsi_host' adapter");
        return -1;
    }
    if (adapter->name && adapter->has_parent) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Both 'name' and 'parent' cannot be specified for the 'scsi_host' adapter");
        return -1;
    }
    return 0;
}

static int
vrStoragePoolParseSource(const xmlNode *node, vrStoragePoolType type,
                         vrStoragePoolSource *src)
{
    const vrStoragePoolTypeInfo *info = vrStoragePoolTypeInfoGet(type);
    g_autofree char *dir = NULL;
    xmlNode *adapter;
    xmlNode *auth;

    src->name = vrStorageChildString(node, "name");
    if (type == VR_STORAGE_POOL_RBD && !src->name) {
        vrReportError(VIR_ERR_XML_ERROR, "element 'name' is mandatory for RBD pool");
        return -1;
    }
    if (vrStoragePoolParseFormat(node, info, src) < 0 ||
        vrStoragePoolParseHosts(node, src) < 0)
        return -1;
    src->initiator_iqn = vrXMLGrandchildProp(node, "initiator", "iqn", "name");
    if (src->initiator_iqn && !*src->initiator_iqn)
        g_clear_pointer(&src->initiator_iqn, g_free);
    if (vrStoragePoolParseDevices(node, src) < 0)
        return -1;
    if ((dir = vrStorageChildProp(node, "dir", "path")))
        src->dir = vrStorageSanitizePath(dir);
    if ((adapter = vrXMLChild(node, "adapter")) &&
        vrStorageAdapterParse(adapter, &src->adapter) < 0)
        return -1;
    if (!src->dir && type == VR_STORAGE_POOL_GLUSTER)
        src->dir = g_strdup("/");
    if ((auth = vrXMLChild(node, "auth"))) {
        if (!(src->auth = vrStorageAuthParse(auth)))
            return -1;
        if (src->auth->type == VR_STORAGE_AUTH_NONE) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "storage pool missing auth type");
            return -1;
        }
    }
    if (vrStoragePoolParseProtocol(node, src) < 0)
        return -1;
    src->vendor = vrStorageChildProp(node, "vendor", "name");
    src->product = vrStorageChildProp(node, "product", "name");
    return 0;
}

/* --- <pool> ------------------------------------------------------------------ */

static int
vrStoragePoolParseIdentity(const xmlNode *root, const vrStoragePoolTypeInfo *info,
                           vrStoragePoolDef *def)
{
    g_autofree char *uuid = NULL;

    def->name = vrStorageChildString(root, "name");
    if (!def->name && (info->flags & VR_STORAGE_SOURCE_NAME))
        def->name = g_strdup(def->source.name);
    if (!def->name) {
        vrReportError(VIR_ERR_XML_ERROR, "missing pool source name element");
        return -1;
    }
    if (strchr(def->name, '/')) {
        vrReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'", def->name);
        return -1;
    }
    if (!(uuid = vrStorageChildString(root, "uuid"))) {
        vrUUIDGenerate(def->uuid);
    } else if (vrUUIDParse(uuid, def->uuid) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "malformed uuid element");
        return -1;
    }
    return 0;
}

static int
vrStoragePoolParseFeatures(const xmlNode *root, vrStoragePoolDef *def)
{
    xmlNode *cow = vrXMLGrandchild(root, "features", "cow");
    int state = VR_STORAGE_TRISTATE_ABSENT;
    int rc;

    if (!cow)
        return 0;
    if ((rc = vrXMLPropEnum(cow, "state", vrStorageTristateNameFromString,
                            VR_XML_PROP_NONZERO, &state)) <= 0)
        return rc;
    if (def->type != VR_STORAGE_POOL_FS && def->type != VR_STORAGE_POOL_DIR) {
        vrReportError(VIR_ERR_NO_SUPPORT,
                      "cow feature may only be used for 'fs' and 'dir' pools");
        return -1;
    }
    def->cow = state;
    return 0;
}

/* The source parts the type requires, once the source is read. */
static int
vrStoragePoolCheckSource(const vrStoragePoolTypeInfo *info, vrStoragePoolDef *def)
{
    if ((info->flags & VR_STORAGE_SOURCE_HOST) && !def->source.nhosts) {
        vrReportError(VIR_ERR_XML_ERROR, "missing storage pool source host name");
        return -1;
    }
    if ((info->flags & VR_STORAGE_SOURCE_DIR) && !def->source.dir) {
        vrReportError(VIR_ERR_XML_ERROR, "missing storage pool source path");
        return -1;
    }
    if ((info->flags & VR_STORAGE_SOURCE_NAME) && !def->source.name)
        def->source.name = g_strdup(def->name);
    if ((info->flags & VR_STORAGE_SOURCE_ADAPTER) && vrStorageAdapterCheck(&def->source.adapter) < 0)
        return -1;
    if (info->flags == VR_STORAGE_SOURCE_DEVICE && !def->source.ndevices) {
        vrReportError(VIR_ERR_XML_ERROR, "missing storage pool source device name");
        return -1;
    }
    return 0;
}

static int
vrStoragePoolParseTarget(const xmlNode *root, const vrStoragePoolTypeInfo *info,
                         vrStoragePoolDef *def)
{
    g_autofree char *path = NULL;
    xmlNode *target = vrXMLChild(root, "target");

    if (info->flags & VR_STORAGE_SOURCE_NETWORK)
        return 0;
    if (def->type == VR_STORAGE_POOL_LOGICAL) {
        path = g_strdup_printf("/dev/%s", def->source.name);
    } else if (def->type == VR_STORAGE_POOL_ZFS) {
        path = g_strdup_printf("/dev/zvol/%s", def->source.name);
    } else if (!target || !(path = vrStorageChildString(target, "path"))) {
        vrReportError(VIR_ERR_XML_ERROR, "missing storage pool target path");
        return -1;
    }
    def->target_path = vrStorageSanitizePath(path);
    return vrStoragePermsParse(target ? vrXMLChild(target, "permissions") : NULL,
                               &def->target_perms);
}

static int
vrStoragePoolParseRefresh(const xmlNode *root, vrStoragePoolDef *def)
{
    g_autofree char *alloc = NULL;
    xmlNode *vol = vrXMLGrandchild(root, "refresh", "volume");

    if (!vol || !(alloc = vrXMLProp(vol, "allocation")) || !*alloc)
        return 0;
    def->refresh_allocation = vrEnumFromString(vrPoolRefreshNames,
                                               G_N_ELEMENTS(vrPoolRefreshNames), alloc);
    if (def->refresh_allocation < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown storage pool volume refresh allocation type %s", alloc);
        return -1;
    }
    def->has_refresh = true;
    return 0;
}

static int
vrStoragePoolParseType(const xmlNode *root, vrStoragePoolDef *def)
{
    int type = 0;

    if (vrXMLPropEnum(root, "type", vrStoragePoolTypeNameFromString,
                      VR_XML_PROP_REQUIRED, &type) < 0)
        return -1;
    def->type = type;
    if (!vrStoragePoolTypeInfoGet(def->type)->supported) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "storage pool type '%s' is not supported",
                      vrStoragePoolTypeToString(def->type));
        return -1;
    }
    return 0;
}

vrStoragePoolDef *
vrStoragePoolDefParseNode(xmlNode *root)
{
    g_autoptr(vrStoragePoolDef) def = g_new0(vrStoragePoolDef, 1);
    const vrStoragePoolTypeInfo *info;
    xmlNode *source;

    vrStoragePermsInit(&def->target_perms);
    if (!vrXMLIsElement(root, "pool")) {
        vrReportError(VIR_ERR_XML_ERROR, "unexpected root element <%s>, expecting <pool>",
                      (const char *)root->name);
        return NULL;
    }
    if (vrStoragePoolParseType(root, def) < 0)
        return NULL;
    info = vrStoragePoolTypeInfoGet(def->type);
    if ((source = vrXMLChild(root, "source"))) {
        if (vrStoragePoolParseSource(source, def->type, &def->source) < 0)
            return NULL;
    } else if (info->pool_formats) {
        def->source.format = info->pool_formats->def;
    }
    if (vrStoragePoolParseIdentity(root, info, def) < 0 ||
        vrStoragePoolParseFeatures(root, def) < 0 ||
        vrStoragePoolCheckSource(info, def) < 0 ||
        vrStoragePoolParseTarget(root, info, def) < 0)
        return NULL;
    if (def->type == VR_STORAGE_POOL_ISCSI_DIRECT && !def->source.initiator_iqn) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "missing initiator IQN");
        return NULL;
    }
    if (vrStoragePoolParseRefresh(root, def) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

vrStoragePoolDef *
vrStoragePoolDefParseString(const char *xml, unsigned int flags)
{
    xmlDoc *doc = vrStorageXMLParse(xml, VR_STORAGE_POOL_URL, "pool");
    vrStoragePoolDef *def = NULL;

    if (!doc)
        return NULL;
    if (!(flags & VR_STORAGE_POOL_PARSE_VALIDATE) ||
        vrStorageSchemaValidate(doc, "storagepool") == 0)
        def = vrStoragePoolDefParseNode(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return def;
}

/* --- format ----------------------------------------------------------------- */

static void
vrStorageAuthFormat(GString *buf, int level, const vrStorageAuth *auth)
{
    vrBufIndent(buf, level);
    g_string_append(buf, "<auth");
    vrBufAttr(buf, "type", vrStorageAuthTypeNameToString(auth->type));
    vrBufAttr(buf, "username", auth->username);
    g_string_append(buf, ">\n");
    vrBufIndent(buf, level + 1);
    g_string_append(buf, "<secret");
    vrBufAttr(buf, "type", auth->secret_type);
    vrStorageSecretLookupFormat(buf, &auth->secret);
    g_string_append(buf, "/>\n");
    vrBufIndent(buf, level);
    g_string_append(buf, "</auth>\n");
}

/* "<NAME ATTR='value'/>" at level when value is set. */
static void
vrStorageEmptyElement(GString *buf, int level, const char *name, const char *attr,
                      const char *value)
{
    if (!value)
        return;
    vrBufIndent(buf, level);
    g_string_append_c(buf, '<');
    g_string_append(buf, name);
    vrBufAttr(buf, attr, value);
    g_string_append(buf, "/>\n");
}

static void
vrStoragePoolFormatHostsDevices(GString *buf, const vrStoragePoolTypeInfo *info,
                                const vrStoragePoolSource *src)
{
    size_t i;

    for (i = 0; (info->flags & VR_STORAGE_SOURCE_HOST) && i < src->nhosts; i++) {
        vrBufIndent(buf, 2);
        g_string_append(buf, "<host");
        vrBufAttr(buf, "name", src->hosts[i].name);
        if (src->hosts[i].port)
            vrBufPrintf(buf, " port='%d'", src->hosts[i].port);
        g_string_append(buf, "/>\n");
    }
    for (i = 0; (info->flags & VR_STORAGE_SOURCE_DEVICE) && i < src->ndevices; i++) {
        vrBufIndent(buf, 2);
        g_string_append(buf, "<device");
        vrBufAttr(buf, "path", src->devices[i].path);
        if (src->devices[i].part_separator != VR_STORAGE_TRISTATE_ABSENT)
            vrBufAttr(buf, "part_separator",
                      vrStorageTristateNameToString(src->devices[i].part_separator));
        g_string_append(buf, "/>\n");
    }
}

static void
vrStorageAdapterFormat(GString *buf, const vrStorageAdapter *adapter)
{
    if (adapter->type == VR_STORAGE_ADAPTER_DEFAULT)
        return;
    vrBufIndent(buf, 2);
    vrBufPrintf(buf, "<adapter type='%s'", vrStorageAdapterTypeNameToString(adapter->type));
    if (adapter->type == VR_STORAGE_ADAPTER_FC_HOST) {
        vrBufAttr(buf, "parent", adapter->parent);
        vrBufAttr(buf, "parent_wwnn", adapter->parent_wwnn);
        vrBufAttr(buf, "parent_wwpn", adapter->parent_wwpn);
        vrBufAttr(buf, "parent_fabric_wwn", adapter->parent_fabric_wwn);
        if (adapter->managed != VR_STORAGE_TRISTATE_ABSENT)
            vrBufAttr(buf, "managed", vrStorageTristateNameToString(adapter->managed));
        vrBufPrintf(buf, " wwnn='%s' wwpn='%s'/>\n", adapter->wwnn, adapter->wwpn);
        return;
    }
    if (adapter->name) {
        vrBufPrintf(buf, " name='%s'/>\n", adapter->name);
        return;
    }
    g_string_append(buf, ">\n");
    vrBufIndent(buf, 3);
    vrBufPrintf(buf, "<parentaddr unique_id='%d'>\n", adapter->unique_id);
    vrBufIndent(buf, 4);
    vrBufPrintf(buf, "<address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%d'/>\n",
                adapter->pci_domain, adapter->pci_bus, adapter->pci_slot,
                adapter->pci_function);
    vrBufIndent(buf, 3);
    g_string_append(buf, "</parentaddr>\n");
    vrBufIndent(buf, 2);
    g_string_append(buf, "</adapter>\n");
}

static void
vrStoragePoolFormatSource(GString *buf, const vrStoragePoolTypeInfo *info,
                          const vrStoragePoolSource *src)
{
    vrBufIndent(buf, 1);
    g_string_append(buf, "<source>\n");
    vrStoragePoolFormatHostsDevices(buf, info, src);
    if (info->flags & VR_STORAGE_SOURCE_DIR)
        vrStorageEmptyElement(buf, 2, "dir", "path", src->dir);
    if (info->flags & VR_STORAGE_SOURCE_ADAPTER)
        vrStorageAdapterFormat(buf, &src->adapter);
    if (info->flags & VR_STORAGE_SOURCE_NAME)
        vrBufElementText(buf, 2, "name", src->name);
    if ((info->flags & VR_STORAGE_SOURCE_INITIATOR_IQN) && src->initiator_iqn) {
        vrBufIndent(buf, 2);
        g_string_append(buf, "<initiator>\n");
        vrStorageEmptyElement(buf, 3, "iqn", "name", src->initiator_iqn);
        vrBufIndent(buf, 2);
        g_string_append(buf, "</initiator>\n");
    }
    if (info->pool_formats)
        vrStorageEmptyElement(buf, 2, "format", "type",
                              vrStorageFormatTableName(info->pool_formats, src->format));
    if (src->auth)
        vrStorageAuthFormat(buf, 2, src->auth);
    vrStorageEmptyElement(buf, 2, "protocol", "ver", src->protocol_ver);
    vrStorageEmptyElement(buf, 2, "vendor", "name", src->vendor);
    vrStorageEmptyElement(buf, 2, "product", "name", src->product);
    vrBufIndent(buf, 1);
    g_string_append(buf, "</source>\n");
}

/* RBD, sheepdog, gluster and iscsi-direct pools are not local: no target. */
static bool
vrStoragePoolHasTarget(vrStoragePoolType type)
{
    return type != VR_STORAGE_POOL_RBD && type != VR_STORAGE_POOL_SHEEPDOG &&
           type != VR_STORAGE_POOL_GLUSTER && type != VR_STORAGE_POOL_ISCSI_DIRECT;
}

static void
vrStoragePoolFormatTail(GString *buf, const vrStoragePoolDef *def)
{
    if (vrStoragePoolHasTarget(def->type)) {
        vrBufIndent(buf, 1);
        g_string_append(buf, "<target>\n");
        vrBufElementText(buf, 2, "path", def->target_path);
        vrStoragePermsFormat(buf, 2, &def->target_perms);
        vrBufIndent(buf, 1);
        g_string_append(buf, "</target>\n");
    }
    if (def->has_refresh) {
        vrBufIndent(buf, 1);
        g_string_append(buf, "<refresh>\n");
        vrStorageEmptyElement(buf, 2, "volume", "allocation",
                              vrPoolRefreshNames[def->refresh_allocation]);
        vrBufIndent(buf, 1);
        g_string_append(buf, "</refresh>\n");
    }
}

char *
vrStoragePoolDefFormat(const vrStoragePoolDef *def)
{
    const vrStoragePoolTypeInfo *info = vrStoragePoolTypeInfoGet(def->type);
    GString *buf = g_string_sized_new(1024);
    char uuid[VIR_UUID_STRING_BUFLEN];

    vrBufPrintf(buf, "<pool type='%s'>\n", vrStoragePoolTypeToString(def->type));
    vrBufElementText(buf, 1, "name", def->name);
    vrBufElementText(buf, 1, "uuid", vrUUIDFormat(def->uuid, uuid));
    vrBufPrintf(buf, "  <capacity unit='bytes'>%llu</capacity>\n", def->capacity);
    vrBufPrintf(buf, "  <allocation unit='bytes'>%llu</allocation>\n", def->allocation);
    vrBufPrintf(buf, "  <available unit='bytes'>%llu</available>\n", def->available);
    if (def->cow != VR_STORAGE_TRISTATE_ABSENT) {
        g_string_append(buf, "  <features>\n");
        vrStorageEmptyElement(buf, 2, "cow", "state",
                              vrStorageTristateNameToString(def->cow));
        g_string_append(buf, "  </features>\n");
    }
    vrStoragePoolFormatSource(buf, info, &def->source);
    vrStoragePoolFormatTail(buf, def);
    g_string_append(buf, "</pool>\n");
    return g_string_free(buf, FALSE);
}
