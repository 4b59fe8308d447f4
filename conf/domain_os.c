/* <os> (boot options, loader, kernel), <features> and <clock>: parse and
 * format as libvirt 9.0 does. */
#include <errno.h>
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

void
vrDomainOSClear(vrDomainOSDef *os)
{
    g_free(os->loader);
    g_free(os->nvram);
    g_free(os->nvram_template);
    g_free(os->kernel);
    g_free(os->initrd);
    g_free(os->cmdline);
    g_free(os->dtb);
    g_free(os->init);
    g_strfreev(os->initargs);
    memset(os, 0, sizeof(*os));
}

void
vrDomainOSCopy(vrDomainOSDef *dst, const vrDomainOSDef *src)
{
    *dst = *src;
    dst->loader = g_strdup(src->loader);
    dst->nvram = g_strdup(src->nvram);
    dst->nvram_template = g_strdup(src->nvram_template);
    dst->kernel = g_strdup(src->kernel);
    dst->initrd = g_strdup(src->initrd);
    dst->cmdline = g_strdup(src->cmdline);
    dst->dtb = g_strdup(src->dtb);
    dst->init = g_strdup(src->init);
    dst->initargs = g_strdupv(src->initargs);
}

/* Text of an <os> child element (of any <os>); empty counts as absent. */
static char *
vrDomainOSChildText(xmlNode *root, const char *name)
{
    char *text = vrXMLText(vrXMLGrandchild(root, "os", name));

    if (text && !*text)
        g_clear_pointer(&text, g_free);
    return text;
}

static int
vrDomainLoaderParse(xmlNode *root, vrDomainOSDef *def)
{
    xmlNode *loader = vrXMLGrandchild(root, "os", "loader");
    xmlNode *nvram = vrXMLGrandchild(root, "os", "nvram");
    int val = VR_TRISTATE_ABSENT;     /* an absent attribute leaves val as it is */

    if (loader) {
        if (vrXMLPropEnum(loader, "readonly", vrTristateBoolFromString,
                          VR_XML_PROP_NONE, &val) < 0)
            return -1;
        def->loader_readonly = val;
        val = VR_DOMAIN_LOADER_TYPE_NONE;
        if (vrXMLPropEnum(loader, "secure", vrTristateBoolFromString,
                          VR_XML_PROP_NONE, &val) < 0)
            return -1;
        def->loader_secure = val;
        val = VR_DOMAIN_LOADER_TYPE_NONE;
        if (vrXMLPropEnum(loader, "type", vrDomainLoaderTypeFromString,
                          VR_XML_PROP_NONZERO, &val) < 0)
            return -1;
        def->loader_type = val;
        def->loader = vrXMLText(loader);
        if (def->loader && !*def->loader)
            g_clear_pointer(&def->loader, g_free);
    }
    if (nvram) {
        def->nvram = vrXMLText(nvram);
        if (def->nvram && !*def->nvram)
            g_clear_pointer(&def->nvram, g_free);
        def->nvram_template = vrXMLProp(nvram, "template");
    }
    def->has_loader = loader || nvram;
    /* Checked when defaults are filled (firmware auto-selection). */
    def->loader_missing = (loader || nvram) && !def->loader;
    return 0;
}

static int
vrDomainBootParse(xmlNode *root, vrDomainOSDef *def)
{
    g_autoptr(GPtrArray) boots = vrXMLGrandchildren(root, "os", "boot");
    guint i;

    for (i = 0; i < boots->len; i++) {
        xmlNode *cur = g_ptr_array_index(boots, i);
        int val;

        /* libvirt reads the first VR_DOMAIN_BOOT_MAX entries only. */
        if (def->nboot == VR_DOMAIN_BOOT_MAX)
            break;
        if (vrXMLPropEnum(cur, "dev", vrDomainBootDevFromString,
                          VR_XML_PROP_REQUIRED, &val) < 0)
            return -1;
        def->boot[def->nboot++] = val;
    }
    return 0;
}

/* <bootmenu enable timeout> and <bios useserial rebootTimeout>, first of
 * each; the ranges are checked by vrDomainOSValidate. */
static int
vrDomainBootMenuParse(xmlNode *root, vrDomainOSDef *def)
{
    xmlNode *menu = vrXMLGrandchild(root, "os", "bootmenu");
    xmlNode *bios = vrXMLGrandchild(root, "os", "bios");
    int val = VR_TRISTATE_ABSENT;
    int rc = 0;

    if (menu) {
        if (vrXMLPropEnum(menu, "enable", vrTristateBoolFromString,
                          VR_XML_PROP_NONE, &val) < 0)
            return -1;
        def->bootmenu = val;
        /* A timeout counts only for an enabled menu. */
        if (val == VR_TRISTATE_YES &&
            (rc = vrXMLPropUInt(menu, "timeout", 10, VR_XML_PROP_NONE,
                                &def->bootmenu_timeout_ms)) < 0)
            return -1;
        def->bootmenu_timeout_set = val == VR_TRISTATE_YES && rc > 0;
    }
    if (bios) {
        g_autofree char *serial = vrXMLProp(bios, "useserial");

        /* Anything but 'yes' is 'no'. */
        if (serial)
            def->bios_useserial = g_strcmp0(serial, "yes") == 0 ?
                                  VR_TRISTATE_YES : VR_TRISTATE_NO;
        if ((rc = vrXMLPropInt(bios, "rebootTimeout", 10, VR_XML_PROP_NONE,
                               &def->bios_reboot_timeout_ms)) < 0)
            return -1;
        def->bios_reboot_timeout_set = rc > 0;
    }
    return 0;
}

/* Every <os><firmware><feature>: a later one overrides an earlier one. */
static int
vrDomainFirmwareFeaturesParse(xmlNode *root, vrDomainOSDef *def)
{
    xmlNode *os, *fw, *cur;

    for (os = root->children; os; os = os->next) {
        if (!vrXMLIsElement(os, "os"))
            continue;
        for (fw = os->children; fw; fw = fw->next) {
            if (!vrXMLIsElement(fw, "firmware"))
                continue;
            for (cur = fw->children; cur; cur = cur->next) {
                int name = 0, enabled = 0;

                if (!vrXMLIsElement(cur, "feature"))
                    continue;
                if (vrXMLPropEnum(cur, "name", vrDomainFirmwareFeatureFromString,
                                  VR_XML_PROP_REQUIRED, &name) < 0 ||
                    vrXMLPropEnum(cur, "enabled", vrTristateBoolFromString,
                                  VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO,
                                  &enabled) < 0)
                    return -1;
                def->firmware_features[name] = enabled;
                def->has_firmware_features = true;
            }
        }
    }
    return 0;
}

/* firmware='' of the first <os> that has it (empty: none), and then the
 * firmware features, which libvirt reads before checking the value. */
static int
vrDomainFirmwareParse(xmlNode *root, vrDomainOSDef *def)
{
    g_autofree char *fw = vrXMLChildrenProp(root, "os", "firmware");
    int val;

    if (!fw || !*fw)
        return 0;
    if (vrDomainFirmwareFeaturesParse(root, def) < 0)
        return -1;
    if ((val = vrDomainFirmwareFromString(fw)) <= 0) {
        vrReportError(VIR_ERR_XML_ERROR, "unknown firmware value %s", fw);
        return -1;
    }
    def->firmware = val;
    return 0;
}

static int
vrDomainInitParse(xmlNode *root, vrDomainOSDef *def)
{
    g_autoptr(GPtrArray) nodes = vrXMLGrandchildren(root, "os", "initarg");
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func(g_free);
    guint i;

    /* A missing <init> is reported after parsing (vrPostParseOS). */
    def->init = vrDomainOSChildText(root, "init");
    for (i = 0; i < nodes->len; i++) {
        char *arg = vrXMLText(g_ptr_array_index(nodes, i));

        if (!*arg) {
            g_free(arg);
            vrReportError(VIR_ERR_XML_ERROR, "No data supplied for <initarg> element");
            return -1;
        }
        g_ptr_array_add(args, arg);
    }
    if (args->len) {
        g_ptr_array_add(args, NULL);
        g_ptr_array_set_free_func(args, NULL);
        def->initargs = (char **)g_ptr_array_free(g_steal_pointer(&args), FALSE);
    }
    return 0;
}

int
vrDomainOSParse(xmlNode *root, vrDomainDef *def)
{
    vrDomainOSDef *osdef = &def->priv->os;
    int ostype = vrDomainOSTypeFromString(def->os_type);

    if (ostype == VR_DOMAIN_OSTYPE_EXE)
        return vrDomainInitParse(root, osdef);
    if (ostype == VR_DOMAIN_OSTYPE_HVM && vrDomainFirmwareParse(root, osdef) < 0)
        return -1;
    if (ostype == VR_DOMAIN_OSTYPE_HVM || ostype == VR_DOMAIN_OSTYPE_XEN ||
        ostype == VR_DOMAIN_OSTYPE_XENPVH || ostype == VR_DOMAIN_OSTYPE_UML) {
        osdef->kernel = vrDomainOSChildText(root, "kernel");
        osdef->initrd = vrDomainOSChildText(root, "initrd");
        osdef->cmdline = vrDomainOSChildText(root, "cmdline");
        osdef->dtb = vrDomainOSChildText(root, "dtb");
        if (vrDomainLoaderParse(root, osdef) < 0)
            return -1;
    }
    if (ostype == VR_DOMAIN_OSTYPE_HVM &&
        (vrDomainBootParse(root, osdef) < 0 ||
         vrDomainBootMenuParse(root, osdef) < 0))
        return -1;
    return 0;
}

int
vrDomainSmbiosParse(xmlNode *root, vrDomainDef *def)
{
    g_autofree char *mode = vrXMLGrandchildProp(root, "os", "smbios", "mode");
    int val;

    if (!mode || !*mode)
        return 0;
    if ((val = vrDomainSmbiosModeFromString(mode)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown smbios mode '%s'", mode);
        return -1;
    }
    def->priv->os.smbios_mode = val;
    return 0;
}

static int
vrDomainFirmwareValidate(const vrDomainOSDef *os)
{
    const char *attr = NULL;

    if (os->firmware_features[VR_DOMAIN_FIRMWARE_FEATURE_ENROLLED_KEYS] == VR_TRISTATE_YES &&
        os->firmware_features[VR_DOMAIN_FIRMWARE_FEATURE_SECURE_BOOT] == VR_TRISTATE_NO) {
        vrReportError(VIR_ERR_XML_DETAIL, "firmware feature 'enrolled-keys' cannot "
                      "be enabled when firmware feature 'secure-boot' is disabled");
        return -1;
    }
    if (!os->has_loader)
        return 0;
    if (os->loader_readonly)
        attr = "loader attribute 'readonly'";
    else if (os->loader_type)
        attr = "loader attribute 'type'";
    else if (os->nvram_template)
        attr = "nvram attribute 'template'";
    else if (os->loader_secure == VR_TRISTATE_NO)
        attr = "loader attribute 'secure'";
    if (attr) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "%s cannot be specified when firmware autoselection is enabled",
                      attr);
        return -1;
    }
    return 0;
}

int
vrDomainOSValidate(const vrDomainDef *def)
{
    const vrDomainOSDef *os = &def->priv->os;

    if (os->firmware && vrDomainFirmwareValidate(os) < 0)
        return -1;
    if (os->bootmenu_timeout_set &&
        os->bootmenu_timeout_ms > VR_DOMAIN_BOOTMENU_TIMEOUT_MAX) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "invalid value for boot menu timeout, must be in range [0,%d]",
                      VR_DOMAIN_BOOTMENU_TIMEOUT_MAX);
        return -1;
    }
    if (os->bios_reboot_timeout_set &&
        (os->bios_reboot_timeout_ms < VR_DOMAIN_BIOS_REBOOT_TIMEOUT_MIN ||
         os->bios_reboot_timeout_ms > VR_DOMAIN_BIOS_REBOOT_TIMEOUT_MAX)) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "invalid value for rebootTimeout, must be in range [%d,%d]",
                      VR_DOMAIN_BIOS_REBOOT_TIMEOUT_MIN,
                      VR_DOMAIN_BIOS_REBOOT_TIMEOUT_MAX);
        return -1;
    }
    return 0;
}

/* <loader> and <nvram>, each left out when it has neither attributes nor
 * a path (possible only with firmware auto-selection). */
static void
vrDomainLoaderFormat(GString *buf, const vrDomainOSDef *os)
{
    if (os->loader || os->loader_readonly || os->loader_secure || os->loader_type) {
        g_string_append(buf, "    <loader");
        if (os->loader_readonly)
            vrBufAttr(buf, "readonly", vrTristateBoolToString(os->loader_readonly));
        if (os->loader_secure)
            vrBufAttr(buf, "secure", vrTristateBoolToString(os->loader_secure));
        if (os->loader_type)
            vrBufAttr(buf, "type", vrDomainLoaderTypeToString(os->loader_type));
        if (os->loader) {
            g_string_append_c(buf, '>');
            vrBufEscape(buf, os->loader);
            g_string_append(buf, "</loader>\n");
        } else {
            g_string_append(buf, "/>\n");
        }
    }
    if (os->nvram || os->nvram_template) {
        g_string_append(buf, "    <nvram");
        vrBufAttr(buf, "template", os->nvram_template);
        if (os->nvram) {
            g_string_append_c(buf, '>');
            vrBufEscape(buf, os->nvram);
            g_string_append(buf, "</nvram>\n");
        } else {
            g_string_append(buf, "/>\n");
        }
    }
}

static void
vrDomainFirmwareFeaturesFormat(GString *buf, const vrDomainOSDef *os)
{
    int i;

    if (!os->has_firmware_features)
        return;
    g_string_append(buf, "    <firmware>\n");
    for (i = 0; i < VR_DOMAIN_FIRMWARE_FEATURE_LAST; i++) {
        if (!os->firmware_features[i])
            continue;
        vrBufPrintf(buf, "      <feature enabled='%s' name='%s'/>\n",
                    vrTristateBoolToString(os->firmware_features[i]),
                    vrDomainFirmwareFeatureToString(i));
    }
    g_string_append(buf, "    </firmware>\n");
}

static void
vrDomainBootMenuFormat(GString *buf, const vrDomainOSDef *os)
{
    if (os->bootmenu) {
        vrBufPrintf(buf, "    <bootmenu enable='%s'",
                    vrTristateBoolToString(os->bootmenu));
        if (os->bootmenu_timeout_set)
            vrBufPrintf(buf, " timeout='%u'", os->bootmenu_timeout_ms);
        g_string_append(buf, "/>\n");
    }
    if (os->bios_useserial || os->bios_reboot_timeout_set) {
        g_string_append(buf, "    <bios");
        if (os->bios_useserial)
            vrBufAttr(buf, "useserial", vrTristateBoolToString(os->bios_useserial));
        if (os->bios_reboot_timeout_set)
            vrBufPrintf(buf, " rebootTimeout='%d'", os->bios_reboot_timeout_ms);
        g_string_append(buf, "/>\n");
    }
}

void
vrDomainOSFormat(GString *buf, const vrDomainDef *def)
{
    const vrDomainOSDef *os = &def->priv->os;
    size_t i;

    g_string_append(buf, "  <os");
    if (os->firmware)
        vrBufAttr(buf, "firmware", vrDomainFirmwareToString(os->firmware));
    g_string_append(buf, ">\n    <type");
    vrBufAttr(buf, "arch", def->os_arch);
    vrBufAttr(buf, "machine", def->os_machine);
    g_string_append_c(buf, '>');
    vrBufEscape(buf, def->os_type);
    g_string_append(buf, "</type>\n");
    vrDomainFirmwareFeaturesFormat(buf, os);
    vrBufElementText(buf, 2, "init", os->init);
    for (i = 0; os->initargs && os->initargs[i]; i++)
        vrBufElementText(buf, 2, "initarg", os->initargs[i]);
    vrDomainLoaderFormat(buf, os);
    vrBufElementText(buf, 2, "kernel", os->kernel);
    vrBufElementText(buf, 2, "initrd", os->initrd);
    vrBufElementText(buf, 2, "cmdline", os->cmdline);
    vrBufElementText(buf, 2, "dtb", os->dtb);
    for (i = 0; i < os->nboot; i++)
        vrBufPrintf(buf, "    <boot dev='%s'/>\n",
                               vrDomainBootDevToString(os->boot[i]));
    vrDomainBootMenuFormat(buf, os);
    if (os->smbios_mode)
        vrBufPrintf(buf, "    <smbios mode='%s'/>\n",
                    vrDomainSmbiosModeToString(os->smbios_mode));
    g_string_append(buf, "  </os>\n");
}

/* --- features ----------------------------------------------------------- */

/* Features formatted as <name state='on|off'/>; the state attribute is
 * optional (default on) unless listed in vrFeatureStateRequired. */
static bool
vrFeatureHasState(vrDomainFeature feature)
{
    switch (feature) {
    case VR_DOMAIN_FEATURE_HAP:
    case VR_DOMAIN_FEATURE_PMU:
    case VR_DOMAIN_FEATURE_VMPORT:
    case VR_DOMAIN_FEATURE_SMM:
    case VR_DOMAIN_FEATURE_PVSPINLOCK:
    case VR_DOMAIN_FEATURE_VMCOREINFO:
    case VR_DOMAIN_FEATURE_HTM:
    case VR_DOMAIN_FEATURE_NESTED_HV:
    case VR_DOMAIN_FEATURE_CCF_ASSIST:
        return true;
    default:
        return false;
    }
}

static bool
vrFeatureStateRequired(vrDomainFeature feature)
{
    return feature == VR_DOMAIN_FEATURE_HTM ||
           feature == VR_DOMAIN_FEATURE_NESTED_HV ||
           feature == VR_DOMAIN_FEATURE_CCF_ASSIST;
}

/* Presence-only features we model; the rest of libvirt's list (hyperv,
 * kvm, xen, gic, ...) is accepted and not kept. */
static bool
vrFeatureIsSimple(vrDomainFeature feature)
{
    return feature == VR_DOMAIN_FEATURE_ACPI ||
           feature == VR_DOMAIN_FEATURE_APIC ||
           feature == VR_DOMAIN_FEATURE_PAE ||
           feature == VR_DOMAIN_FEATURE_VIRIDIAN ||
           feature == VR_DOMAIN_FEATURE_PRIVNET;
}

static int
vrDomainFeatureParseOne(xmlNode *node, vrDomainFeature feature,
                        struct vrDomainDefPrivate *priv)
{
    int state = VR_TRISTATE_YES;

    if (vrFeatureHasState(feature)) {
        unsigned int flags = vrFeatureStateRequired(feature) ?
                             VR_XML_PROP_REQUIRED : VR_XML_PROP_NONE;

        if (vrXMLPropEnum(node, "state", vrTristateSwitchFromString,
                          flags | VR_XML_PROP_NONZERO, &state) < 0)
            return -1;
        priv->features[feature] = state;
    } else if (vrFeatureIsSimple(feature)) {
        priv->features[feature] = VR_TRISTATE_YES;
    }
    if (feature == VR_DOMAIN_FEATURE_APIC) {
        int eoi = VR_TRISTATE_ABSENT;

        if (vrXMLPropEnum(node, "eoi", vrTristateSwitchFromString,
                          VR_XML_PROP_NONZERO, &eoi) < 0)
            return -1;
        priv->apic_eoi = eoi;
    }
    return 0;
}

int
vrDomainFeaturesParse(xmlNode *features, vrDomainDef *def)
{
    xmlNode *cur;

    for (cur = features->children; cur; cur = cur->next) {
        int feature;

        if (cur->type != XML_ELEMENT_NODE)
            continue;
        feature = vrDomainFeatureFromString((const char *)cur->name);
        if (feature < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unexpected feature '%s'",
                          (const char *)cur->name);
            return -1;
        }
        if (vrDomainFeatureParseOne(cur, feature, def->priv) < 0)
            return -1;
    }
    return 0;
}

void
vrDomainFeaturesFormat(GString *buf, const vrDomainDef *def)
{
    const struct vrDomainDefPrivate *priv = def->priv;
    bool any = false;
    int i;

    for (i = 0; i < VR_DOMAIN_FEATURE_LAST; i++) {
        const char *name = vrDomainFeatureToString(i);

        if (!priv->features[i])
            continue;
        if (!any)
            g_string_append(buf, "  <features>\n");
        any = true;
        if (vrFeatureHasState(i)) {
            vrBufPrintf(buf, "    <%s state='%s'/>\n", name,
                                   vrTristateSwitchToString(priv->features[i]));
        } else if (i == VR_DOMAIN_FEATURE_APIC && priv->apic_eoi) {
            vrBufPrintf(buf, "    <apic eoi='%s'/>\n",
                                   vrTristateSwitchToString(priv->apic_eoi));
        } else {
            vrBufPrintf(buf, "    <%s/>\n", name);
        }
    }
    if (any)
        g_string_append(buf, "  </features>\n");
}

/* --- clock -------------------------------------------------------------- */

/* adjustment='N' on utc/localtime turns the clock into a variable one
 * based on that offset, as libvirt does; 'reset' is kept. */
static int
vrDomainClockParseAdjustment(xmlNode *root, vrDomainClockDef *def)
{
    g_autofree char *adj = vrXMLChildrenProp(root, "clock", "adjustment");
    long long val;
    char *end = NULL;

    if (!adj)
        return 0;
    errno = 0;
    if (def->offset != VR_DOMAIN_CLOCK_OFFSET_VARIABLE &&
        strcmp(adj, "reset") == 0) {
        def->reset = true;
        return 0;
    }
    val = g_ascii_strtoll(adj, &end, 10);
    if (end == adj || *end || errno) {
        /* A variable clock ignores a bad adjustment; others reject it. */
        if (def->offset == VR_DOMAIN_CLOCK_OFFSET_VARIABLE)
            return 0;
        vrReportError(VIR_ERR_XML_ERROR, "unknown clock adjustment '%s'", adj);
        return -1;
    }
    if (def->offset != VR_DOMAIN_CLOCK_OFFSET_VARIABLE) {
        def->basis = def->offset == VR_DOMAIN_CLOCK_OFFSET_LOCALTIME ?
                     VR_DOMAIN_CLOCK_BASIS_LOCALTIME : VR_DOMAIN_CLOCK_BASIS_UTC;
        def->offset = VR_DOMAIN_CLOCK_OFFSET_VARIABLE;
    }
    def->adjustment = val;
    return 0;
}

static int
vrDomainClockParseOffsetArgs(xmlNode *root, vrDomainClockDef *def)
{
    g_autofree char *basis = NULL;
    g_autofree char *start = NULL;
    int val;

    switch (def->offset) {
    case VR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        if ((basis = vrXMLChildrenProp(root, "clock", "basis"))) {
            if ((val = vrDomainClockBasisFromString(basis)) < 0) {
                vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                              "unknown clock basis '%s'", basis);
                return -1;
            }
            def->basis = val;
        }
        return vrDomainClockParseAdjustment(root, def);
    case VR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        def->timezone = vrXMLChildrenProp(root, "clock", "timezone");
        if (!def->timezone || !*def->timezone) {
            g_clear_pointer(&def->timezone, g_free);
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "missing 'timezone' attribute for clock with offset='timezone'");
            return -1;
        }
        return 0;
    case VR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        start = vrXMLChildrenProp(root, "clock", "start");
        if (!start || vrStrToULongLong(start, 10, &def->start) < 0) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "missing 'start' attribute for clock with offset='absolute'");
            return -1;
        }
        return 0;
    default:
        return vrDomainClockParseAdjustment(root, def);
    }
}

#define VR_TIMER_ENUM(node, name, table, field) \
    do { \
        int v_ = 0; \
        if (vrXMLPropEnum((node), (name), table##FromString, \
                          VR_XML_PROP_NONZERO, &v_) < 0) \
            return -1; \
        (field) = v_; \
    } while (0)

static int
vrDomainTimerParse(xmlNode *node, GArray *timers)
{
    vrDomainTimerDef timer = { 0 };
    int name = 0;

    if (vrXMLPropEnum(node, "name", vrDomainTimerNameFromString,
                      VR_XML_PROP_REQUIRED, &name) < 0)
        return -1;
    timer.name = name;
    VR_TIMER_ENUM(node, "present", vrTristateBool, timer.present);
    VR_TIMER_ENUM(node, "tickpolicy", vrDomainTimerTickpolicy, timer.tickpolicy);
    VR_TIMER_ENUM(node, "track", vrDomainTimerTrack, timer.track);
    if (vrXMLPropULongLong(node, "frequency", 10, VR_XML_PROP_NONE,
                           &timer.frequency) < 0)
        return -1;
    VR_TIMER_ENUM(node, "mode", vrDomainTimerMode, timer.mode);
    g_array_append_val(timers, timer);
    return 0;
}

/* Each clock attribute comes from the first <clock> that has it, and the
 * timers from every <clock>: libvirt reads "./clock/@offset",
 * "./clock/timer" and so on. */
int
vrDomainClockParse(xmlNode *root, vrDomainDef *def)
{
    vrDomainClockDef *clk = &def->priv->clock;
    g_autofree char *offset = vrXMLChildrenProp(root, "clock", "offset");
    xmlNode *clock, *cur;
    int val;

    if (offset) {
        if ((val = vrDomainClockOffsetFromString(offset)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "unknown clock offset '%s'", offset);
            return -1;
        }
        clk->offset = val;
    }
    if (vrDomainClockParseOffsetArgs(root, clk) < 0)
        return -1;
    for (clock = root->children; clock; clock = clock->next) {
        if (!vrXMLIsElement(clock, "clock"))
            continue;
        for (cur = clock->children; cur; cur = cur->next) {
            if (!vrXMLIsElement(cur, "timer"))
                continue;
            if (!clk->timers)
                clk->timers = g_array_new(FALSE, FALSE, sizeof(vrDomainTimerDef));
            if (vrDomainTimerParse(cur, clk->timers) < 0)
                return -1;
        }
    }
    return 0;
}

static void
vrDomainTimersFormat(GString *buf, const GArray *timers)
{
    guint i;

    for (i = 0; i < timers->len; i++) {
        const vrDomainTimerDef *t = &g_array_index(timers, vrDomainTimerDef, i);

        vrBufPrintf(buf, "    <timer name='%s'",
                               vrDomainTimerNameToString(t->name));
        if (t->present)
            vrBufAttr(buf, "present", vrTristateBoolToString(t->present));
        if (t->tickpolicy)
            vrBufAttr(buf, "tickpolicy", vrDomainTimerTickpolicyToString(t->tickpolicy));
        if (t->track)
            vrBufAttr(buf, "track", vrDomainTimerTrackToString(t->track));
        if (t->frequency)
            vrBufPrintf(buf, " frequency='%llu'", t->frequency);
        if (t->mode)
            vrBufAttr(buf, "mode", vrDomainTimerModeToString(t->mode));
        g_string_append(buf, "/>\n");
    }
}

void
vrDomainClockFormat(GString *buf, const vrDomainDef *def)
{
    const vrDomainClockDef *clk = &def->priv->clock;

    vrBufPrintf(buf, "  <clock offset='%s'",
                           vrDomainClockOffsetToString(clk->offset));
    switch (clk->offset) {
    case VR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        vrBufPrintf(buf, " adjustment='%lld' basis='%s'",
                               clk->adjustment,
                               vrDomainClockBasisToString(clk->basis));
        break;
    case VR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        vrBufAttr(buf, "timezone", clk->timezone);
        break;
    case VR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        vrBufPrintf(buf, " start='%llu'", clk->start);
        break;
    default:
        if (clk->reset)
            g_string_append(buf, " adjustment='reset'");
        break;
    }
    if (!clk->timers || !clk->timers->len) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    vrDomainTimersFormat(buf, clk->timers);
    g_string_append(buf, "  </clock>\n");
}
