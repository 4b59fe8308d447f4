/* <memballoon> (model, autodeflate, free page reporting, stats period)
 * and <rng> (model, rate, random/egd/builtin backends). */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_RNG_RANDOM_DEFAULT "/dev/random"

void
vrDomainMemballoonDefFree(vrDomainMemballoonDef *balloon)
{
    if (!balloon)
        return;
    vrDeviceInfoClear(&balloon->info);
    g_free(balloon);
}

vrDomainMemballoonDef *
vrDomainMemballoonDefCopy(const vrDomainMemballoonDef *balloon)
{
    vrDomainMemballoonDef *copy = g_new0(vrDomainMemballoonDef, 1);

    *copy = *balloon;
    vrDeviceInfoCopy(&copy->info, &balloon->info);
    return copy;
}

vrDomainMemballoonDef *
vrDomainMemballoonDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainMemballoonDef) balloon = g_new0(vrDomainMemballoonDef, 1);
    xmlNode *stats;
    int model = 0;
    int deflate = VR_TRISTATE_ABSENT;
    int reporting = VR_TRISTATE_ABSENT;

    balloon->period = -1;
    if (vrXMLPropEnum(node, "model", vrMemballoonModelFromString,
                      VR_XML_PROP_REQUIRED, &model) < 0 ||
        vrXMLPropEnum(node, "autodeflate", vrTristateSwitchFromString,
                      VR_XML_PROP_NONZERO, &deflate) < 0 ||
        vrXMLPropEnum(node, "freePageReporting", vrTristateSwitchFromString,
                      VR_XML_PROP_NONZERO, &reporting) < 0)
        return NULL;
    balloon->model = model;
    balloon->autodeflate = deflate;
    balloon->free_page_reporting = reporting;
    if ((stats = vrXMLChild(node, "stats")) &&
        vrXMLPropInt(stats, "period", 10, VR_XML_PROP_NONE, &balloon->period) < 0)
        return NULL;
    if (vrDeviceInfoParse(node, parse_flags, &balloon->info) < 0)
        return NULL;
    balloon->info.boot_order = 0;
    return g_steal_pointer(&balloon);
}

void
vrDomainMemballoonDefFormat(GString *buf, const vrDomainMemballoonDef *balloon)
{
    vrBufPrintf(buf, "    <memballoon model='%s'",
                           vrMemballoonModelToString(balloon->model));
    if (balloon->autodeflate)
        vrBufAttr(buf, "autodeflate",
                  vrTristateSwitchToString(balloon->autodeflate));
    if (balloon->free_page_reporting)
        vrBufAttr(buf, "freePageReporting",
                  vrTristateSwitchToString(balloon->free_page_reporting));
    if (balloon->period < 0 && vrDeviceInfoIsEmpty(&balloon->info)) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    if (balloon->period >= 0)
        vrBufPrintf(buf, "      <stats period='%d'/>\n",
                               balloon->period);
    vrDeviceInfoFormat(buf, 3, &balloon->info);
    g_string_append(buf, "    </memballoon>\n");
}

/* --- rng ------------------------------------------------------------------ */

void
vrDomainRNGDefFree(vrDomainRNGDef *rng)
{
    if (!rng)
        return;
    g_free(rng->path);
    if (rng->egd) {
        vrDomainChrSourceClear(rng->egd);
        g_free(rng->egd);
    }
    vrDeviceInfoClear(&rng->info);
    g_free(rng);
}

vrDomainRNGDef *
vrDomainRNGDefCopy(const vrDomainRNGDef *rng)
{
    vrDomainRNGDef *copy = g_new0(vrDomainRNGDef, 1);

    *copy = *rng;
    copy->path = g_strdup(rng->path);
    if (rng->egd) {
        copy->egd = g_new0(vrDomainChrSource, 1);
        vrDomainChrSourceCopy(copy->egd, rng->egd);
    }
    vrDeviceInfoCopy(&copy->info, &rng->info);
    return copy;
}

static int
vrRNGParseBackend(xmlNode *backend, vrDomainRNGDef *rng, unsigned int flags)
{
    g_autofree char *model = vrXMLProp(backend, "model");
    g_autofree char *type = NULL;
    int val;

    if (!model) {
        vrReportError(VIR_ERR_XML_ERROR, "missing RNG device backend model");
        return -1;
    }
    if ((val = vrRNGBackendFromString(model)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown RNG backend model '%s'", model);
        return -1;
    }
    rng->backend = val;
    switch (rng->backend) {
    case VR_RNG_BACKEND_RANDOM:
        rng->path = vrXMLText(backend);
        if (!*rng->path) {
            g_free(rng->path);
            rng->path = g_strdup(VR_RNG_RANDOM_DEFAULT);
        }
        return 0;
    case VR_RNG_BACKEND_EGD:
        if (!(type = vrXMLProp(backend, "type"))) {
            vrReportError(VIR_ERR_XML_ERROR, "missing EGD backend type");
            return -1;
        }
        if ((val = vrChrTypeFromString(type)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "unknown backend type '%s' for egd", type);
            return -1;
        }
        rng->egd = g_new0(vrDomainChrSource, 1);
        return vrDomainChrSourceParse(backend, val, flags, rng->egd);
    default:
        return 0;
    }
}

static int
vrRNGParseRate(xmlNode *node, vrDomainRNGDef *rng)
{
    xmlNode *rate = vrXMLChild(node, "rate");
    g_autofree char *bytes = NULL;
    g_autofree char *period = NULL;

    if (!rate)
        return 0;
    bytes = vrXMLProp(rate, "bytes");
    period = vrXMLProp(rate, "period");
    if (bytes && vrStrToUInt(bytes, 10, &rng->rate_bytes) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid RNG rate bytes value");
        return -1;
    }
    if (period && vrStrToUInt(period, 10, &rng->rate_period) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid RNG rate period value");
        return -1;
    }
    /* A rate without bytes limits nothing and is dropped. */
    rng->has_rate = rng->rate_bytes > 0;
    return 0;
}

vrDomainRNGDef *
vrDomainRNGDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainRNGDef) rng = g_new0(vrDomainRNGDef, 1);
    g_autofree char *model = vrXMLProp(node, "model");
    xmlNode *cur, *backend = NULL;
    int nbackends = 0;
    int val;

    if (!model) {
        vrReportError(VIR_ERR_XML_ERROR, "missing RNG device model");
        return NULL;
    }
    if ((val = vrRNGModelFromString(model)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown RNG model '%s'", model);
        return NULL;
    }
    rng->model = val;
    for (cur = node->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "backend")) {
            backend = backend ? backend : cur;
            nbackends++;
        }
    }
    if (nbackends != 1) {
        vrReportError(VIR_ERR_XML_ERROR, "only one RNG backend is supported");
        return NULL;
    }
    if (vrRNGParseRate(node, rng) < 0 ||
        vrRNGParseBackend(backend, rng, parse_flags) < 0 ||
        vrDeviceInfoParse(node, parse_flags, &rng->info) < 0)
        return NULL;
    rng->info.boot_order = 0;
    return g_steal_pointer(&rng);
}

void
vrDomainRNGDefFormat(GString *buf, const vrDomainRNGDef *rng,
                     unsigned int format_flags)
{
    vrBufPrintf(buf, "    <rng model='%s'>\n",
                           vrRNGModelToString(rng->model));
    if (rng->has_rate) {
        vrBufPrintf(buf, "      <rate bytes='%u'", rng->rate_bytes);
        if (rng->rate_period)
            vrBufPrintf(buf, " period='%u'", rng->rate_period);
        g_string_append(buf, "/>\n");
    }
    vrBufPrintf(buf, "      <backend model='%s'",
                           vrRNGBackendToString(rng->backend));
    switch (rng->backend) {
    case VR_RNG_BACKEND_RANDOM:
        g_string_append_c(buf, '>');
        vrBufEscape(buf, rng->path);
        g_string_append(buf, "</backend>\n");
        break;
    case VR_RNG_BACKEND_EGD:
        vrBufPrintf(buf, " type='%s'>\n",
                               vrChrTypeToString(rng->egd->type));
        vrDomainChrSourceFormat(buf, 4, rng->egd, format_flags);
        g_string_append(buf, "      </backend>\n");
        break;
    default:
        g_string_append(buf, "/>\n");
        break;
    }
    vrDeviceInfoFormat(buf, 3, &rng->info);
    g_string_append(buf, "    </rng>\n");
}
