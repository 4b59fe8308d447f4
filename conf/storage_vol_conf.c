/* Storage volume XML: <volume> parse -> defaults -> validate -> format for
 * a given pool type (which decides the formats), with <target> and
 * <backingStore> (path, format, permissions), compat, cluster size and
 * qcow2 features, as libvirt 9.0. */
#include <limits.h>
#include <string.h>

#include "conf/storage_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_STORAGE

#define VR_STORAGE_VOL_URL "(storage_volume_definition)"
#define VR_STORAGE_COMPAT_PARTS 2        /* "major.minor" */

/* --- free / copy ------------------------------------------------------------ */

static void
vrStorageVolTargetClear(vrStorageVolTarget *target)
{
    g_clear_pointer(&target->path, g_free);
    vrStoragePermsClear(&target->perms);
}

void
vrStorageVolDefFree(vrStorageVolDef *def)
{
    if (!def)
        return;
    g_free(def->name);
    g_free(def->key);
    vrStorageVolTargetClear(&def->target);
    vrStorageEncryptionFree(def->encryption);
    g_free(def->compat);
    vrStorageVolTargetClear(&def->backing);
    g_free(def);
}

static void
vrStorageVolTargetCopy(vrStorageVolTarget *dst, const vrStorageVolTarget *src)
{
    dst->path = g_strdup(src->path);
    dst->format = src->format;
    vrStoragePermsCopy(&dst->perms, &src->perms);
}

vrStorageVolDef *
vrStorageVolDefCopy(const vrStorageVolDef *def)
{
    vrStorageVolDef *copy = g_memdup2(def, sizeof(*def));

    copy->name = g_strdup(def->name);
    copy->key = g_strdup(def->key);
    vrStorageVolTargetCopy(&copy->target, &def->target);
    if (def->encryption)
        copy->encryption = vrStorageEncryptionCopy(def->encryption);
    copy->compat = g_strdup(def->compat);
    vrStorageVolTargetCopy(&copy->backing, &def->backing);
    return copy;
}

void
vrStorageVolDefPlaceInPool(const vrStoragePoolDef *pool, vrStorageVolDef *def)
{
    g_free(def->target.path);
    /* network pools have no target path: libvirt prints its NULL */
    def->target.path = g_strdup_printf("%s/%s",
                                       pool->target_path ? pool->target_path : "(null)",
                                       def->name);
    g_free(def->key);
    def->key = g_strdup(def->target.path);
}

/* --- parse ------------------------------------------------------------------- */

/* <capacity>/<allocation> with its unit, as libvirt's virStorageSize. */
static int
vrStorageVolParseSize(const xmlNode *node, const char *text, unsigned long long *out)
{
    g_autofree char *unit = vrXMLProp(node, "unit");
    unsigned long long val;

    if (vrStrToULongLong(text, 10, &val) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "malformed capacity element");
        return -1;
    }
    /* off_t is signed: nothing larger than 2^63 - 1 can exist. */
    if (vrScaleInteger(&val, unit && *unit ? unit : NULL, 1, LLONG_MAX) < 0)
        return -1;
    *out = val;
    return 0;
}

/* <format type=''/> under node for the pool's volume formats. */
static int
vrStorageVolParseFormat(const xmlNode *node, const vrStorageFormatTable *formats,
                        int *out)
{
    g_autofree char *format = NULL;

    *out = -1;
    if (!formats)
        return 0;
    if (node) {
        format = vrXMLChildrenProp(node, "format", "type");
        if (format && !*format)
            g_clear_pointer(&format, g_free);
    }
    if (!format) {
        *out = formats->def;
        return 0;
    }
    if ((*out = vrStorageFormatTableLookup(formats, format)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown volume format type %s", format);
        return -1;
    }
    return 0;
}

static int
vrStorageVolParseBacking(const xmlNode *root, const vrStoragePoolTypeInfo *info,
                         vrStorageVolDef *def)
{
    xmlNode *backing = vrXMLChild(root, "backingStore");
    char *path;

    if (!backing || !(path = vrStorageChildString(backing, "path")))
        return 0;
    def->has_backing = true;
    def->backing.path = path;
    if (vrStorageVolParseFormat(backing, info->vol_formats, &def->backing.format) < 0)
        return -1;
    return vrStoragePermsParse(vrXMLChild(backing, "permissions"), &def->backing.perms);
}

static int
vrStorageVolParseSizes(const xmlNode *root, unsigned int flags, vrStorageVolDef *def)
{
    xmlNode *node;
    g_autofree char *text = NULL;

    if ((node = vrXMLChild(root, "capacity")) && (text = vrStorageChildString(root, "capacity"))) {
        if (vrStorageVolParseSize(node, text, &def->capacity) < 0)
            return -1;
    } else if (!(flags & VR_STORAGE_VOL_PARSE_NO_CAPACITY)) {
        vrReportError(VIR_ERR_XML_ERROR, "missing capacity element");
        return -1;
    }
    g_clear_pointer(&text, g_free);
    if ((node = vrXMLChild(root, "allocation")) &&
        (text = vrStorageChildString(root, "allocation"))) {
        if (vrStorageVolParseSize(node, text, &def->allocation) < 0)
            return -1;
        def->has_allocation = true;
    } else {
        def->allocation = def->capacity;
    }
    return 0;
}

static int
vrStorageVolCheckCompat(const char *compat)
{
    g_auto(GStrv) parts = g_strsplit(compat, ".", VR_STORAGE_COMPAT_PARTS);
    unsigned int num;

    if (!parts[0] || !parts[1] || vrStrToUInt(parts[0], 10, &num) < 0 ||
        vrStrToUInt(parts[1], 10, &num) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "forbidden characters in 'compat' attribute");
        return -1;
    }
    return 0;
}

/* <clusterSize unit=''>, reported as libvirt's virParseScaledValue. */
static int
vrStorageVolParseClusterSize(const xmlNode *target, vrStorageVolDef *def)
{
    xmlNode *node = vrXMLChild(target, "clusterSize");
    g_autofree char *text = vrStorageChildString(target, "clusterSize");
    g_autofree char *unit = NULL;
    unsigned long long val;

    if (!node || !text)
        return 0;
    if (vrStrToULongLong(text, 10, &val) < 0) {
        vrErrorReport(VIR_FROM_XML, VIR_ERR_XML_ERROR, __FILE__, __func__, __LINE__,
                      "Invalid value '%s' for element or attribute '%s'", text,
                      "./target/clusterSize");
        return -1;
    }
    unit = vrXMLProp(node, "unit");
    if (vrScaleInteger(&val, unit && *unit ? unit : NULL, 1, ULLONG_MAX) < 0)
        return -1;
    def->cluster_size = val;
    return 0;
}

static int
vrStorageVolParseFeatures(const xmlNode *target, vrStorageVolDef *def)
{
    xmlNode *features = vrXMLChild(target, "features");
    xmlNode *cur;

    if (!features)
        return 0;
    if (!def->compat)
        def->compat = g_strdup("1.1");
    def->has_features = true;
    for (cur = features->children; cur; cur = cur->next) {
        int f;

        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if ((f = vrStorageFileFeatureNameFromString((const char *)cur->name)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unsupported feature %s",
                          (const char *)cur->name);
            return -1;
        }
        def->features[f] = true;
    }
    return 0;
}

static int
vrStorageVolParseTarget(const xmlNode *root, const vrStoragePoolTypeInfo *info,
                        vrStorageVolDef *def)
{
    xmlNode *target = vrXMLChild(root, "target");
    xmlNode *node;

    if (vrStorageVolParseFormat(target, info->vol_formats, &def->target.format) < 0)
        return -1;
    if (!target)
        return 0;
    def->target.path = vrStorageChildString(target, "path");
    if (vrStoragePermsParse(vrXMLChild(target, "permissions"), &def->target.perms) < 0)
        return -1;
    /* libvirt reads "./target/encryption": the first under any <target>. */
    if ((node = vrXMLGrandchild(root, "target", "encryption")) &&
        !(def->encryption = vrStorageEncryptionParse(node)))
        return -1;
    def->compat = vrStorageChildString(target, "compat");
    if (def->compat && vrStorageVolCheckCompat(def->compat) < 0)
        return -1;
    if (vrStorageVolParseClusterSize(target, def) < 0)
        return -1;
    return vrStorageVolParseFeatures(target, def);
}

static int
vrStorageVolParseHead(const xmlNode *root, vrStorageVolDef *def)
{
    g_autofree char *type = NULL;

    if (!(def->name = vrStorageChildString(root, "name"))) {
        vrReportError(VIR_ERR_XML_ERROR, "missing volume name element");
        return -1;
    }
    def->key = vrStorageChildString(root, "key");
    if ((type = vrXMLProp(root, "type")) && *type) {
        int val = vrStorageVolTypeNameFromString(type);

        if (val < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown volume type '%s'", type);
            return -1;
        }
        def->type = val;
    }
    return 0;
}

vrStorageVolDef *
vrStorageVolDefParseNode(const vrStoragePoolDef *pool, xmlNode *root, unsigned int flags)
{
    const vrStoragePoolTypeInfo *info = vrStoragePoolTypeInfoGet(pool->type);
    g_autoptr(vrStorageVolDef) def = g_new0(vrStorageVolDef, 1);

    vrStoragePermsInit(&def->target.perms);
    vrStoragePermsInit(&def->backing.perms);
    def->target.format = def->backing.format = -1;
    if (!vrXMLIsElement(root, "volume")) {
        vrReportError(VIR_ERR_XML_ERROR, "unexpected root element <%s>, expecting <volume>",
                      (const char *)root->name);
        return NULL;
    }
    if (vrStorageVolParseHead(root, def) < 0 ||
        vrStorageVolParseBacking(root, info, def) < 0 ||
        vrStorageVolParseSizes(root, flags, def) < 0 ||
        vrStorageVolParseTarget(root, info, def) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

int
vrStorageVolDocValidate(const char *xml)
{
    xmlDoc *doc = vrStorageXMLParse(xml, VR_STORAGE_VOL_URL, "volume");
    int ret;

    if (!doc)
        return -1;
    ret = vrStorageSchemaValidate(doc, "storagevol");
    xmlFreeDoc(doc);
    return ret;
}

vrStorageVolDef *
vrStorageVolDefParseString(const vrStoragePoolDef *pool, const char *xml, unsigned int flags)
{
    xmlDoc *doc = vrStorageXMLParse(xml, VR_STORAGE_VOL_URL, "volume");
    vrStorageVolDef *def = NULL;

    if (!doc)
        return NULL;
    if (!(flags & VR_STORAGE_VOL_PARSE_VALIDATE) ||
        vrStorageSchemaValidate(doc, "storagevol") == 0)
        def = vrStorageVolDefParseNode(pool, xmlDocGetRootElement(doc), flags);
    xmlFreeDoc(doc);
    return def;
}

/* --- format ----------------------------------------------------------------- */

static void
vrStorageVolFormatFeatures(GString *buf, const vrStorageVolDef *def)
{
    bool any = false;
    int i;

    for (i = 0; i < VR_STORAGE_FILE_FEATURE_LAST; i++)
        any = any || def->features[i];
    if (!any) {
        g_string_append(buf, "    <features/>\n");
        return;
    }
    g_string_append(buf, "    <features>\n");
    for (i = 0; i < VR_STORAGE_FILE_FEATURE_LAST; i++) {
        if (def->features[i])
            vrBufPrintf(buf, "      <%s/>\n", vrStorageFileFeatureNameToString(i));
    }
    g_string_append(buf, "    </features>\n");
}

/* <target> or <backingStore>; only the target carries compat and features. */
static void
vrStorageVolFormatTarget(GString *buf, const vrStoragePoolTypeInfo *info,
                         const vrStorageVolTarget *target, const char *element,
                         const vrStorageVolDef *def)
{
    vrBufPrintf(buf, "  <%s>\n", element);
    vrBufElementText(buf, 2, "path", target->path);
    if (info->vol_formats)
        vrBufPrintf(buf, "    <format type='%s'/>\n",
                    vrStorageFormatTableName(info->vol_formats, target->format));
    vrStoragePermsFormat(buf, 2, &target->perms);
    if (def) {
        if (def->encryption)
            vrStorageEncryptionFormat(buf, 2, def->encryption);
        vrBufElementText(buf, 2, "compat", def->compat);
        if (def->cluster_size > 0)
            vrBufPrintf(buf, "    <clusterSize unit='B'>%llu</clusterSize>\n",
                        def->cluster_size);
        if (def->has_features)
            vrStorageVolFormatFeatures(buf, def);
    }
    vrBufPrintf(buf, "  </%s>\n", element);
}

char *
vrStorageVolDefFormat(const vrStoragePoolDef *pool, const vrStorageVolDef *def)
{
    const vrStoragePoolTypeInfo *info = vrStoragePoolTypeInfoGet(pool->type);
    GString *buf = g_string_sized_new(512);

    vrBufPrintf(buf, "<volume type='%s'>\n", vrStorageVolTypeToString(def->type));
    vrBufElementText(buf, 1, "name", def->name);
    vrBufElementText(buf, 1, "key", def->key);
    vrBufPrintf(buf, "  <capacity unit='bytes'>%llu</capacity>\n", def->capacity);
    vrBufPrintf(buf, "  <allocation unit='bytes'>%llu</allocation>\n", def->allocation);
    vrStorageVolFormatTarget(buf, info, &def->target, "target", def);
    if (def->has_backing)
        vrStorageVolFormatTarget(buf, info, &def->backing, "backingStore", NULL);
    g_string_append(buf, "</volume>\n");
    return g_string_free(buf, FALSE);
}
