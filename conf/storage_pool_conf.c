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

/* --- free / copy ---------------------------------------------------------- */

static void
vrStorageAuthFree(vrStorageAuth *auth)
{
    if (!auth)
        return;
    g_free(auth->username);
    g_free(auth->secret_type);
    g_free(auth->secret_usage);
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
    copy->secret_usage = g_strdup(auth->secret_usage);
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
    uuid = vrXMLProp(secret, "uuid");
    auth->secret_usage = vrXMLProp(secret, "usage");
    if (uuid && auth->secret_usage) {
        vrErrorReport(VIR_FROM_NONE, VIR_ERR_XML_ERROR, __FILE__, __func__, __LINE__,
                      "either secret uuid or usage expected");
        goto error;
    }
    if (!uuid && !auth->secret_usage) {
        vrErrorReport(VIR_FROM_NONE, VIR_ERR_XML_ERROR, __FILE__, __func__, __LINE__,
                      "missing secret uuid or usage attribute");
        goto error;
    }
    if (uuid) {
        if (vrUUIDParse(uuid, auth->secret_uuid) < 0) {
            vrErrorReport(VIR_FROM_NONE, VIR_ERR_XML_ERROR, __FILE__, __func__, __LINE__,
                          "invalid secret uuid '%s'", uuid);
            goto error;
        }
        auth->has_secret_uuid = true;
    }
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

static int
vrStoragePoolParseSource(const xmlNode *node, vrStoragePoolType type,
                         vrStoragePoolSource *src)
{
    const vrStoragePoolTypeInfo *info = vrStoragePoolTypeInfoGet(type);
    g_autofree char *dir = NULL;
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
    xmlDoc *doc = vrXMLParseString(xml, VR_STORAGE_POOL_URL, "pool");
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
    char uuid[VIR_UUID_STRING_BUFLEN];

    vrBufIndent(buf, level);
    g_string_append(buf, "<auth");
    vrBufAttr(buf, "type", vrStorageAuthTypeNameToString(auth->type));
    vrBufAttr(buf, "username", auth->username);
    g_string_append(buf, ">\n");
    vrBufIndent(buf, level + 1);
    g_string_append(buf, "<secret");
    vrBufAttr(buf, "type", auth->secret_type);
    if (auth->has_secret_uuid)
        vrBufAttr(buf, "uuid", vrUUIDFormat(auth->secret_uuid, uuid));
    else
        vrBufAttr(buf, "usage", auth->secret_usage);
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
vrStoragePoolFormatSource(GString *buf, const vrStoragePoolTypeInfo *info,
                          const vrStoragePoolSource *src)
{
    vrBufIndent(buf, 1);
    g_string_append(buf, "<source>\n");
    vrStoragePoolFormatHostsDevices(buf, info, src);
    if (info->flags & VR_STORAGE_SOURCE_DIR)
        vrStorageEmptyElement(buf, 2, "dir", "path", src->dir);
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
