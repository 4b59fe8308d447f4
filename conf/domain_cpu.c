/* <vcpu> (count, placement, cpuset in libvirt's bitmap syntax) and the
 * guest <cpu> element (mode, match, check, model, topology, features). */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_BITMAP_BYTES (VR_DOMAIN_CPUMASK_LEN / 8)
#define VR_CPU_VENDOR_ID_LEN 12

static const char *
vrCpusetSkipSpace(const char *p)
{
    while (g_ascii_isspace(*p))
        p++;
    return p;
}

/* A CPU number at *p (digits only); advances *p. -1 if none or too big. */
static int
vrCpusetNumber(const char **p)
{
    long val = 0;

    if (!g_ascii_isdigit(**p))
        return -1;
    while (g_ascii_isdigit(**p)) {
        val = val * 10 + (**p - '0');
        if (val >= VR_DOMAIN_CPUMASK_LEN)
            return -1;
        (*p)++;
    }
    return (int)val;
}

/* One "N", "^N" or "N-M" item; advances *p past it and trailing space. */
static int
vrCpusetItem(const char **p, guint8 *bits)
{
    bool neg = false;
    int first, last, i;

    if (**p == '^') {
        neg = true;
        (*p)++;
    }
    if ((first = vrCpusetNumber(p)) < 0)
        return -1;
    last = first;
    *p = vrCpusetSkipSpace(*p);
    if (**p == '-') {
        if (neg)
            return -1;
        *p = vrCpusetSkipSpace(*p + 1);
        if ((last = vrCpusetNumber(p)) < 0 || last < first)
            return -1;
        *p = vrCpusetSkipSpace(*p);
    }
    for (i = first; i <= last; i++) {
        if (neg)
            bits[i / 8] &= ~(1u << (i % 8));
        else
            bits[i / 8] |= 1u << (i % 8);
    }
    return 0;
}

static int
vrCpusetParseBits(const char *str, guint8 *bits)
{
    const char *p = vrCpusetSkipSpace(str);

    if (!*p)
        return -1;
    while (*p) {
        if (vrCpusetItem(&p, bits) < 0)
            return -1;
        if (*p == ',')
            p = vrCpusetSkipSpace(p + 1);
        else if (*p)
            return -1;
    }
    return 0;
}

static bool
vrCpusetBit(const guint8 *bits, int i)
{
    return (bits[i / 8] >> (i % 8)) & 1;
}

char *
vrCpusetCanonicalize(const char *str)
{
    g_autofree guint8 *bits = g_new0(guint8, VR_BITMAP_BYTES);
    GString *out;
    int i = 0;

    if (vrCpusetParseBits(str, bits) < 0) {
        vrErrorReport(VIR_FROM_NONE, VIR_ERR_INVALID_ARG, __FILE__, __func__,
                      __LINE__, "Failed to parse bitmap '%s'", str);
        return NULL;
    }
    out = g_string_new(NULL);
    while (i < VR_DOMAIN_CPUMASK_LEN) {
        int start;

        if (!vrCpusetBit(bits, i)) {
            i++;
            continue;
        }
        start = i;
        while (i + 1 < VR_DOMAIN_CPUMASK_LEN && vrCpusetBit(bits, i + 1))
            i++;
        if (out->len)
            g_string_append_c(out, ',');
        if (start == i)
            vrBufPrintf(out, "%d", start);
        else
            vrBufPrintf(out, "%d-%d", start, i);
        i++;
    }
    return g_string_free(out, FALSE);
}

/* --- <vcpu> ------------------------------------------------------------- */

static int
vrDomainVcpuParseCpuset(xmlNode *vcpu, struct vrDomainDefPrivate *priv)
{
    g_autofree char *cpuset = vrXMLProp(vcpu, "cpuset");
    g_autofree char *canon = NULL;

    if (!cpuset || priv->placement == VR_DOMAIN_VCPU_PLACEMENT_AUTO)
        return 0;
    if (!(canon = vrCpusetCanonicalize(cpuset)))
        return -1;
    if (!*canon) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid value of 'cpuset': %s",
                      cpuset);
        return -1;
    }
    priv->cpuset = g_steal_pointer(&canon);
    return 0;
}

int
vrDomainVcpuParse(xmlNode *vcpu, vrDomainDef *def)
{
    g_autofree char *text = NULL;
    unsigned int current;
    int placement = VR_DOMAIN_VCPU_PLACEMENT_STATIC;
    int rc;

    def->vcpus_max = 1;
    def->vcpus_cur = 1;
    def->priv->placement = VR_DOMAIN_VCPU_PLACEMENT_STATIC;
    if (!vcpu)
        return 0;
    text = vrXMLText(vcpu);
    if (vrStrToUInt(text, 10, &def->vcpus_max) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "maximum vcpus count must be an integer");
        return -1;
    }
    if (def->vcpus_max > VR_DOMAIN_VCPUS_MAX) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "maximum vcpus count %u exceeds the limit of %d",
                      def->vcpus_max, VR_DOMAIN_VCPUS_MAX);
        return -1;
    }
    def->vcpus_cur = def->vcpus_max;
    if ((rc = vrXMLPropUInt(vcpu, "current", 10, VR_XML_PROP_NONE,
                            &current)) < 0)
        return -1;
    if (rc > 0)
        def->vcpus_cur = current;
    if (vrXMLPropEnum(vcpu, "placement", vrDomainVcpuPlacementFromString,
                      VR_XML_PROP_NONZERO, &placement) < 0)
        return -1;
    def->priv->placement = placement;
    return vrDomainVcpuParseCpuset(vcpu, def->priv);
}

void
vrDomainVcpuFormat(GString *buf, const vrDomainDef *def)
{
    vrBufPrintf(buf, "  <vcpu placement='%s'",
                           vrDomainVcpuPlacementToString(def->priv->placement));
    vrBufAttr(buf, "cpuset", def->priv->cpuset);
    if (def->vcpus_cur != def->vcpus_max)
        vrBufPrintf(buf, " current='%u'", def->vcpus_cur);
    vrBufPrintf(buf, ">%u</vcpu>\n", def->vcpus_max);
}

/* --- <cpu> -------------------------------------------------------------- */

void
vrDomainCPUDefFree(vrDomainCPUDef *cpu)
{
    guint i;

    if (!cpu)
        return;
    g_free(cpu->model);
    g_free(cpu->vendor_id);
    g_free(cpu->vendor);
    for (i = 0; cpu->features && i < cpu->features->len; i++)
        g_free(g_array_index(cpu->features, vrCPUFeature, i).name);
    if (cpu->features)
        g_array_unref(cpu->features);
    g_free(cpu);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainCPUDef, vrDomainCPUDefFree)

vrDomainCPUDef *
vrDomainCPUDefCopy(const vrDomainCPUDef *cpu)
{
    vrDomainCPUDef *copy = g_new0(vrDomainCPUDef, 1);
    guint i;

    *copy = *cpu;
    copy->model = g_strdup(cpu->model);
    copy->vendor_id = g_strdup(cpu->vendor_id);
    copy->vendor = g_strdup(cpu->vendor);
    copy->features = g_array_new(FALSE, FALSE, sizeof(vrCPUFeature));
    for (i = 0; i < cpu->features->len; i++) {
        vrCPUFeature f = g_array_index(cpu->features, vrCPUFeature, i);

        f.name = g_strdup(f.name);
        g_array_append_val(copy->features, f);
    }
    return copy;
}

static int
vrDomainCPUParseTopology(xmlNode *topo, vrDomainCPUDef *cpu)
{
    unsigned int req = VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO;

    cpu->dies = 1;
    if (vrXMLPropUInt(topo, "sockets", 10, req, &cpu->sockets) < 0 ||
        vrXMLPropUInt(topo, "dies", 10, VR_XML_PROP_NONZERO, &cpu->dies) < 0 ||
        vrXMLPropUInt(topo, "cores", 10, req, &cpu->cores) < 0 ||
        vrXMLPropUInt(topo, "threads", 10, req, &cpu->threads) < 0)
        return -1;
    return 0;
}

static int
vrDomainCPUParseFeature(xmlNode *node, vrDomainCPUDef *cpu)
{
    g_autofree char *policy = vrXMLProp(node, "policy");
    vrCPUFeature feature = { NULL, VR_CPU_FEATURE_REQUIRE };
    guint i;
    int val;

    if (policy) {
        if ((val = vrCPUFeaturePolicyFromString(policy)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid CPU feature policy");
            return -1;
        }
        feature.policy = val;
    }
    if (!(feature.name = vrXMLProp(node, "name")) || !*feature.name) {
        g_free(feature.name);
        vrReportError(VIR_ERR_XML_ERROR, "Invalid CPU feature name");
        return -1;
    }
    for (i = 0; i < cpu->features->len; i++) {
        if (strcmp(g_array_index(cpu->features, vrCPUFeature, i).name,
                   feature.name) == 0) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "CPU feature '%s' specified more than once",
                          feature.name);
            g_free(feature.name);
            return -1;
        }
    }
    g_array_append_val(cpu->features, feature);
    return 0;
}

static int
vrDomainCPUParseModel(xmlNode *node, vrDomainCPUDef *cpu)
{
    xmlNode *model = vrXMLChild(node, "model");
    g_autofree char *fallback = NULL;
    int val;

    if (!model)
        return 0;
    cpu->model = vrXMLText(model);
    if (!*cpu->model)
        g_clear_pointer(&cpu->model, g_free);
    if ((fallback = vrXMLProp(model, "fallback")) && *fallback) {
        if ((val = vrCPUFallbackFromString(fallback)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid fallback attribute");
            return -1;
        }
        cpu->fallback = val;
    }
    cpu->vendor_id = vrXMLProp(model, "vendor_id");
    if (cpu->vendor_id && strlen(cpu->vendor_id) != VR_CPU_VENDOR_ID_LEN) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "vendor_id must be exactly %d characters long",
                      VR_CPU_VENDOR_ID_LEN);
        return -1;
    }
    return 0;
}

/* In libvirt's order: mode, migratable, match, check. */
static int
vrDomainCPUParseAttrs(xmlNode *node, vrDomainCPUDef *cpu)
{
    g_autofree char *mode = vrXMLProp(node, "mode");
    int migratable = VR_TRISTATE_ABSENT;
    int match = VR_CPU_MATCH_DEFAULT;
    int check = VR_CPU_CHECK_DEFAULT;
    int val;

    if (mode) {
        if ((val = vrCPUModeFromString(mode)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "Invalid mode attribute '%s'", mode);
            return -1;
        }
        cpu->mode = val;
    }
    if (vrXMLPropEnum(node, "migratable", vrTristateSwitchFromString,
                      VR_XML_PROP_NONZERO, &migratable) < 0)
        return -1;
    cpu->migratable = migratable;
    if (cpu->migratable && cpu->mode != VR_CPU_MODE_HOST_PASSTHROUGH &&
        cpu->mode != VR_CPU_MODE_MAXIMUM) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "Attribute migratable is only allowed for "
                      "'host-passthrough' / 'maximum' CPU mode");
        return -1;
    }
    if (vrXMLPropEnum(node, "match", vrCPUMatchFromString,
                      VR_XML_PROP_NONZERO, &match) < 0 ||
        vrXMLPropEnum(node, "check", vrCPUCheckFromString,
                      VR_XML_PROP_NONZERO, &check) < 0)
        return -1;
    cpu->match = match;
    cpu->check = check;
    return 0;
}

vrDomainCPUDef *
vrDomainCPUDefParse(xmlNode *node)
{
    g_autoptr(vrDomainCPUDef) cpu = g_new0(vrDomainCPUDef, 1);
    xmlNode *cur;

    cpu->features = g_array_new(FALSE, FALSE, sizeof(vrCPUFeature));
    if (vrDomainCPUParseAttrs(node, cpu) < 0 ||
        vrDomainCPUParseModel(node, cpu) < 0)
        return NULL;
    cpu->vendor = vrXMLChildText(node, "vendor");
    if (cpu->vendor && !cpu->model) {
        vrReportError(VIR_ERR_XML_ERROR, "CPU vendor specified without CPU model");
        return NULL;
    }
    if (cpu->mode == VR_CPU_MODE_CUSTOM && !cpu->model && cpu->check) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "check attribute specified for CPU with no model");
        return NULL;
    }
    if (cpu->model && cpu->mode == VR_CPU_MODE_CUSTOM && !cpu->match)
        cpu->match = VR_CPU_MATCH_EXACT;
    if ((cur = vrXMLChild(node, "topology")) &&
        vrDomainCPUParseTopology(cur, cpu) < 0)
        return NULL;
    for (cur = node->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "feature") &&
            vrDomainCPUParseFeature(cur, cpu) < 0)
            return NULL;
    }
    return g_steal_pointer(&cpu);
}

static void
vrDomainCPUFormatAttrs(GString *buf, const vrDomainCPUDef *cpu)
{
    if (cpu->mode != VR_CPU_MODE_CUSTOM || cpu->model)
        vrBufAttr(buf, "mode", vrCPUModeToString(cpu->mode));
    if (cpu->model && cpu->mode == VR_CPU_MODE_CUSTOM && cpu->match)
        vrBufAttr(buf, "match", vrCPUMatchToString(cpu->match));
    if (cpu->check)
        vrBufAttr(buf, "check", vrCPUCheckToString(cpu->check));
    if ((cpu->mode == VR_CPU_MODE_HOST_PASSTHROUGH ||
         cpu->mode == VR_CPU_MODE_MAXIMUM) && cpu->migratable)
        vrBufAttr(buf, "migratable", vrTristateSwitchToString(cpu->migratable));
}

static void
vrDomainCPUFormatChildren(GString *buf, const vrDomainCPUDef *cpu)
{
    guint i;

    if (cpu->model && cpu->mode == VR_CPU_MODE_CUSTOM) {
        g_string_append(buf, "    <model");
        vrBufAttr(buf, "fallback", vrCPUFallbackToString(cpu->fallback));
        vrBufAttr(buf, "vendor_id", cpu->vendor_id);
        g_string_append_c(buf, '>');
        vrBufEscape(buf, cpu->model);
        g_string_append(buf, "</model>\n");
    }
    vrBufElementText(buf, 2, "vendor", cpu->vendor);
    if (cpu->sockets)
        vrBufPrintf(buf, "    <topology sockets='%u' dies='%u' "
                               "cores='%u' threads='%u'/>\n", cpu->sockets,
                               cpu->dies, cpu->cores, cpu->threads);
    for (i = 0; i < cpu->features->len; i++) {
        const vrCPUFeature *f = &g_array_index(cpu->features, vrCPUFeature, i);

        vrBufPrintf(buf, "    <feature policy='%s'",
                               vrCPUFeaturePolicyToString(f->policy));
        vrBufAttr(buf, "name", f->name);
        g_string_append(buf, "/>\n");
    }
}

void
vrDomainCPUDefFormat(GString *buf, const vrDomainCPUDef *cpu)
{
    g_autoptr(GString) attrs = g_string_new(NULL);
    g_autoptr(GString) children = g_string_new(NULL);

    vrDomainCPUFormatAttrs(attrs, cpu);
    vrDomainCPUFormatChildren(children, cpu);
    if (!attrs->len && !children->len)
        return;
    g_string_append(buf, "  <cpu");
    g_string_append_len(buf, attrs->str, attrs->len);
    if (!children->len) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    g_string_append_len(buf, children->str, children->len);
    g_string_append(buf, "  </cpu>\n");
}
