/* The domain definition: top-level parse (ids, type, memory, lifecycle),
 * the parse -> defaults -> validate pipeline, format, copy and free. */
#include <limits.h>
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_DOMAIN_XML_URL "(domain_definition)"
#define VR_DOMAIN_FORMAT_BUF_SIZE 2048
#define VR_BYTES_PER_KIB 1024ULL
#define VR_SCALED_LIMIT_BYTES ((unsigned long long)LLONG_MAX)

#define VR_DOMAIN_DEF_PARSE_ALL \
    (VR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA | VR_DOMAIN_DEF_PARSE_INACTIVE)
#define VR_DOMAIN_DEF_FORMAT_ALL \
    (VR_DOMAIN_DEF_FORMAT_SECURE | VR_DOMAIN_DEF_FORMAT_INACTIVE)

vrDomainDef *
vrDomainDefNew(void)
{
    vrDomainDef *def = g_new0(vrDomainDef, 1);

    def->id = -1;
    def->priv = g_new0(struct vrDomainDefPrivate, 1);
    def->on_poweroff = VR_DOMAIN_LIFECYCLE_ACTION_DESTROY;
    def->on_reboot = VR_DOMAIN_LIFECYCLE_ACTION_RESTART;
    def->on_crash = VR_DOMAIN_LIFECYCLE_ACTION_DESTROY;
    vrDomainDevicesInit(&def->priv->devices);
    return def;
}

void
vrDomainDefFree(vrDomainDef *def)
{
    struct vrDomainDefPrivate *priv;

    if (!def)
        return;
    priv = def->priv;
    g_free(def->name);
    g_free(def->title);
    g_free(def->description);
    g_free(def->os_type);
    g_free(def->os_arch);
    g_free(def->os_machine);
    if (priv) {
        g_free(priv->metadata);
        g_free(priv->cpuset);
        vrDomainOSClear(&priv->os);
        g_free(priv->clock.timezone);
        if (priv->clock.timers)
            g_array_unref(priv->clock.timers);
        vrDomainCPUDefFree(priv->cpu);
        if (priv->iothreadids)
            g_array_unref(priv->iothreadids);
        vrDomainDevicesClear(&priv->devices);
        g_free(priv);
    }
    g_free(def);
}

vrDomainDef *
vrDomainDefCopy(const vrDomainDef *def)
{
    vrDomainDef *copy = g_new0(vrDomainDef, 1);
    const struct vrDomainDefPrivate *src = def->priv;
    struct vrDomainDefPrivate *dst;

    *copy = *def;
    copy->name = g_strdup(def->name);
    copy->title = g_strdup(def->title);
    copy->description = g_strdup(def->description);
    copy->os_type = g_strdup(def->os_type);
    copy->os_arch = g_strdup(def->os_arch);
    copy->os_machine = g_strdup(def->os_machine);

    copy->priv = dst = g_new0(struct vrDomainDefPrivate, 1);
    *dst = *src;
    dst->metadata = g_strdup(src->metadata);
    dst->cpuset = g_strdup(src->cpuset);
    vrDomainOSCopy(&dst->os, &src->os);
    dst->clock.timezone = g_strdup(src->clock.timezone);
    if (src->clock.timers)
        dst->clock.timers = g_array_copy(src->clock.timers);
    dst->cpu = src->cpu ? vrDomainCPUDefCopy(src->cpu) : NULL;
    if (src->iothreadids)
        dst->iothreadids = g_array_copy(src->iothreadids);
    vrDomainDevicesCopy(&dst->devices, &src->devices);
    return copy;
}

bool
vrDomainDefHasSecrets(const vrDomainDef *def)
{
    GPtrArray *graphics = def->priv->devices.graphics;
    guint i;

    for (i = 0; i < graphics->len; i++) {
        const vrDomainGraphicsDef *gfx = g_ptr_array_index(graphics, i);

        if (gfx->passwd)
            return true;
    }
    return false;
}

vrDomainVirtType
vrDomainDefVirtTypeFromString(const char *str)
{
    return vrDomainVirtTypeNameFromString(str);
}

/* --- parse -------------------------------------------------------------- */

/* id (live only), name, uuid, genid. */
static int
vrDomainDefParseIDs(xmlNode *root, vrDomainDef *def, unsigned int flags)
{
    g_autofree char *uuid = NULL;
    xmlNode *genid;

    if (!(flags & VR_DOMAIN_DEF_PARSE_INACTIVE) &&
        vrXMLPropInt(root, "id", 10, VR_XML_PROP_NONE, &def->id) < 0)
        return -1;

    def->name = vrXMLChildText(root, "name");
    if (!def->name || !*def->name) {
        vrReportErrorBare(VIR_ERR_NO_NAME);
        return -1;
    }

    uuid = vrXMLChildText(root, "uuid");
    if (!uuid || !*uuid) {
        vrUUIDGenerate(def->uuid);
    } else if (vrUUIDParse(uuid, def->uuid) < 0) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "malformed uuid element");
        return -1;
    }

    if ((genid = vrXMLChild(root, "genid"))) {
        g_autofree char *text = vrXMLText(genid);
        xmlNode *cur;

        for (cur = genid->next; cur; cur = cur->next) {
            if (vrXMLIsElement(cur, "genid")) {
                vrReportError(VIR_ERR_XML_ERROR,
                              "element 'genid' can only appear once");
                return -1;
            }
        }

        def->priv->has_genid = true;
        if (!*text) {
            vrUUIDGenerate(def->priv->genid);
        } else if (vrUUIDParse(text, def->priv->genid) < 0) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "malformed genid element");
            return -1;
        }
    }
    return 0;
}

/* <domain type>, <os><type arch machine>. */
static int
vrDomainDefParseCaps(xmlNode *root, vrDomainDef *def)
{
    g_autofree char *virt = vrXMLProp(root, "type");
    xmlNode *type = vrXMLGrandchild(root, "os", "type");
    g_autofree char *arch = NULL;
    int val;

    if (!virt || !*virt) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "missing domain type attribute");
        return -1;
    }
    if ((val = vrDomainVirtTypeNameFromString(virt)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "invalid domain type %s", virt);
        return -1;
    }
    def->virt_type = val;

    def->os_type = vrXMLText(type);
    if (!def->os_type || !*def->os_type) {
        vrReportError(VIR_ERR_XML_ERROR, "an os <type> must be specified");
        return -1;
    }
    if (vrDomainOSTypeFromString(def->os_type) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown OS type '%s'",
                      def->os_type);
        return -1;
    }
    arch = vrXMLGrandchildProp(root, "os", "type", "arch");
    if (arch && *arch) {
        if (vrArchFromString(arch) <= VR_ARCH_NONE) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "Unknown architecture %s", arch);
            return -1;
        }
        def->os_arch = g_steal_pointer(&arch);
    }
    def->os_machine = vrXMLGrandchildProp(root, "os", "type", "machine");
    return 0;
}

static int
vrDomainDefParseText(xmlNode *root, vrDomainDef *def)
{
    def->title = vrXMLChildText(root, "title");
    if (def->title && !*def->title)
        g_clear_pointer(&def->title, g_free);
    if (def->title && strchr(def->title, '\n')) {
        vrReportError(VIR_ERR_XML_ERROR, "Domain title can't contain newlines");
        return -1;
    }
    def->description = vrXMLChildText(root, "description");
    if (def->description && !*def->description)
        g_clear_pointer(&def->description, g_free);
    return 0;
}

/* A size element as libvirt reads it: absent/empty -> 0, value scaled by
 * its unit attribute (KiB by default) and rounded up to KiB. */
static int
vrDomainParseMemory(xmlNode *root, const char *name, unsigned long long *kib)
{
    xmlNode *node = vrXMLChild(root, name);
    g_autofree char *text = vrXMLText(node);
    g_autofree char *unit = NULL;
    unsigned long long bytes;

    if (!text || !*text)
        return 0;
    if (vrStrToULongLong(text, 10, &bytes) < 0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid value '%s' for element or attribute './%s[1]'",
                      text, name);
        return -1;
    }
    unit = vrXMLProp(node, "unit");
    if (vrScaleInteger(&bytes, unit, VR_BYTES_PER_KIB,
                       VR_SCALED_LIMIT_BYTES) < 0)
        return -1;
    *kib = bytes / VR_BYTES_PER_KIB + (bytes % VR_BYTES_PER_KIB ? 1 : 0);
    if (*kib > VR_DOMAIN_MEMORY_MAX_KIB) {
        vrErrorReport(VIR_FROM_NONE, VIR_ERR_OVERFLOW, __FILE__, __func__,
                      __LINE__, "size value too large");
        return -1;
    }
    return 0;
}

static int
vrDomainDefParseMemoryAll(xmlNode *root, vrDomainDef *def)
{
    xmlNode *max = vrXMLChild(root, "maxMemory");

    if (vrDomainParseMemory(root, "memory", &def->mem_max_kib) < 0 ||
        vrDomainParseMemory(root, "maxMemory", &def->mem_hotplug_kib) < 0)
        return -1;
    if (max) {
        g_autofree char *slots = vrXMLProp(max, "slots");

        if (slots && *slots && vrStrToUInt(slots, 10, &def->mem_slots) < 0) {
            vrReportError(VIR_ERR_XML_ERROR, "Failed to parse memory slot count");
            return -1;
        }
    }
    return vrDomainParseMemory(root, "currentMemory", &def->mem_cur_kib);
}

static int
vrDomainLifecycleParse(xmlNode *root, const char *name,
                       vrDomainLifecycleAction *out)
{
    g_autofree char *text = vrXMLChildText(root, name);
    int val;

    if (!text || !*text)
        return 0;
    if ((val = vrDomainLifecycleNameFromString(text)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown %s action: %s",
                      name, text);
        return -1;
    }
    *out = val;
    return 0;
}

static int
vrDomainDefParseRest(xmlNode *root, vrDomainDef *def, unsigned int flags)
{
    xmlNode *node;

    if (vrDomainVcpuParse(vrXMLChild(root, "vcpu"), def) < 0 ||
        vrDomainIOThreadsParse(root, def) < 0)
        return -1;
    if (vrDomainOSParse(root, def) < 0)
        return -1;
    if (vrXMLChild(root, "clock") && vrDomainClockParse(root, def) < 0)
        return -1;
    if (vrDomainLifecycleParse(root, "on_reboot", &def->on_reboot) < 0 ||
        vrDomainLifecycleParse(root, "on_poweroff", &def->on_poweroff) < 0 ||
        vrDomainLifecycleParse(root, "on_crash", &def->on_crash) < 0)
        return -1;
    if ((node = vrXMLChild(root, "features")) &&
        vrDomainFeaturesParse(node, def) < 0)
        return -1;
    if ((node = vrXMLChild(root, "cpu")) &&
        !(def->priv->cpu = vrDomainCPUDefParse(node)))
        return -1;
    if (vrDomainDevicesParse(root, def, flags) < 0 ||
        vrDomainSmbiosParse(root, def) < 0)
        return -1;
    return 0;
}

static vrDomainDef *
vrDomainDefParseNode(xmlNode *root, unsigned int flags)
{
    g_autoptr(vrDomainDef) def = vrDomainDefNew();
    xmlNode *metadata;

    if (vrDomainDefParseIDs(root, def, flags) < 0 ||
        vrDomainDefParseCaps(root, def) < 0 ||
        vrDomainDefParseText(root, def) < 0)
        return NULL;
    if ((metadata = vrXMLChild(root, "metadata")) &&
        vrDomainMetadataParse(metadata, def) < 0)
        return NULL;
    if (vrDomainDefParseMemoryAll(root, def) < 0 ||
        vrDomainDefParseRest(root, def, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

vrDomainDef *
vrDomainDefParseString(const char *xml, unsigned int parse_flags)
{
    g_autoptr(vrDomainDef) def = NULL;
    xmlDoc *doc;

    if (vrCheckFlags(parse_flags, VR_DOMAIN_DEF_PARSE_ALL) < 0)
        return NULL;
    if (!xml) {
        vrReportError(VIR_ERR_INVALID_ARG, "xml must not be NULL");
        return NULL;
    }
    if (!(doc = vrXMLParseString(xml, VR_DOMAIN_XML_URL, "domain")))
        return NULL;
    if ((parse_flags & VR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA) &&
        vrDomainSchemaValidate(doc) < 0) {
        xmlFreeDoc(doc);
        return NULL;
    }
    def = vrDomainDefParseNode(xmlDocGetRootElement(doc), parse_flags);
    xmlFreeDoc(doc);
    if (!def)
        return NULL;
    if (vrDomainDefPostParse(def, parse_flags) < 0 ||
        vrDomainDefValidate(def) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

/* --- format ------------------------------------------------------------- */

static void
vrDomainDefFormatHeader(GString *buf, const vrDomainDef *def,
                        unsigned int flags)
{
    char uuid[VIR_UUID_STRING_BUFLEN];

    vrBufPrintf(buf, "<domain type='%s'",
                           vrDomainVirtTypeToString(def->virt_type));
    if (def->id >= 0 && !(flags & VR_DOMAIN_DEF_FORMAT_INACTIVE))
        vrBufPrintf(buf, " id='%d'", def->id);
    g_string_append(buf, ">\n");
    vrBufElementText(buf, VR_DOMAIN_LEVEL, "name", def->name);
    vrBufElementText(buf, VR_DOMAIN_LEVEL, "uuid", vrUUIDFormat(def->uuid, uuid));
    if (def->priv->has_genid)
        vrBufElementText(buf, VR_DOMAIN_LEVEL, "genid",
                         vrUUIDFormat(def->priv->genid, uuid));
    vrBufElementText(buf, VR_DOMAIN_LEVEL, "title", def->title);
    vrBufElementText(buf, VR_DOMAIN_LEVEL, "description", def->description);
    vrDomainMetadataFormat(buf, def);
}

static void
vrDomainDefFormatMemory(GString *buf, const vrDomainDef *def)
{
    if (def->mem_hotplug_kib)
        vrBufPrintf(buf, "  <maxMemory slots='%u' unit='KiB'>%llu"
                               "</maxMemory>\n", def->mem_slots,
                               def->mem_hotplug_kib);
    vrBufPrintf(buf, "  <memory unit='KiB'>%llu</memory>\n",
                           def->mem_max_kib);
    vrBufPrintf(buf, "  <currentMemory unit='KiB'>%llu"
                           "</currentMemory>\n", def->mem_cur_kib);
}

char *
vrDomainDefFormat(const vrDomainDef *def, unsigned int format_flags)
{
    GString *buf = g_string_sized_new(VR_DOMAIN_FORMAT_BUF_SIZE);

    vrDomainDefFormatHeader(buf, def, format_flags);
    vrDomainDefFormatMemory(buf, def);
    vrDomainVcpuFormat(buf, def);
    vrDomainIOThreadsFormat(buf, def);
    /* Automatic vCPU placement implies automatic memory placement. */
    if (def->priv->placement == VR_DOMAIN_VCPU_PLACEMENT_AUTO)
        g_string_append(buf, "  <numatune>\n"
                        "    <memory mode='strict' placement='auto'/>\n"
                        "  </numatune>\n");
    vrDomainOSFormat(buf, def);
    vrDomainFeaturesFormat(buf, def);
    if (def->priv->cpu)
        vrDomainCPUDefFormat(buf, def->priv->cpu);
    vrDomainClockFormat(buf, def);
    vrBufElementText(buf, VR_DOMAIN_LEVEL, "on_poweroff",
                     vrDomainLifecycleActionToString(def->on_poweroff));
    vrBufElementText(buf, VR_DOMAIN_LEVEL, "on_reboot",
                     vrDomainLifecycleActionToString(def->on_reboot));
    vrBufElementText(buf, VR_DOMAIN_LEVEL, "on_crash",
                     vrDomainLifecycleActionToString(def->on_crash));
    vrDomainDevicesFormat(buf, def, format_flags);
    g_string_append(buf, "</domain>\n");
    return g_string_free(buf, FALSE);
}
