/* <video>: model type, memory sizes (defaults by model and hypervisor,
 * rounded up to a power of two as libvirt does), heads, primary. */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_VIDEO_VRAM_KIB_DEFAULT (16 * 1024)
#define VR_VIDEO_VRAM_KIB_VBOX (8 * 1024)
#define VR_VIDEO_VRAM_KIB_VMWARE (4 * 1024)
#define VR_VIDEO_VRAM_KIB_XEN (4 * 1024)
#define VR_VIDEO_QXL_KIB (64 * 1024)
#define VR_VIDEO_HEADS_DEFAULT 1

void
vrDomainVideoDefFree(vrDomainVideoDef *video)
{
    if (!video)
        return;
    vrDeviceInfoClear(&video->info);
    g_free(video);
}

vrDomainVideoDef *
vrDomainVideoDefCopy(const vrDomainVideoDef *video)
{
    vrDomainVideoDef *copy = g_new0(vrDomainVideoDef, 1);

    *copy = *video;
    vrDeviceInfoCopy(&copy->info, &video->info);
    return copy;
}

/* The test driver's default model for every hypervisor. */
static vrVideoType
vrVideoDefaultType(const vrDomainDef *def)
{
    return VR_VIDEO_TYPE_CIRRUS;
}

static unsigned int
vrVideoDefaultVram(const vrDomainDef *def, vrVideoType type)
{
    switch (type) {
    case VR_VIDEO_TYPE_VGA:
    case VR_VIDEO_TYPE_CIRRUS:
    case VR_VIDEO_TYPE_VMVGA:
        if (def->virt_type == VR_DOMAIN_VIRT_VBOX)
            return VR_VIDEO_VRAM_KIB_VBOX;
        if (def->virt_type == VR_DOMAIN_VIRT_VMWARE)
            return VR_VIDEO_VRAM_KIB_VMWARE;
        return VR_VIDEO_VRAM_KIB_DEFAULT;
    case VR_VIDEO_TYPE_BOCHS:
        return VR_VIDEO_VRAM_KIB_DEFAULT;
    case VR_VIDEO_TYPE_XEN:
        return VR_VIDEO_VRAM_KIB_XEN;
    case VR_VIDEO_TYPE_QXL:
        return VR_VIDEO_QXL_KIB;
    default:
        return 0;
    }
}

/* Smallest power of two >= val; 0 when it does not fit. */
static unsigned int
vrRoundUpPow2(unsigned int val)
{
    unsigned int p = 1;

    if (!val)
        return 0;
    while (p < val) {
        if (p > G_MAXUINT / 2)
            return 0;
        p <<= 1;
    }
    return p;
}

void
vrDomainVideoDefPostParse(vrDomainVideoDef *video, const vrDomainDef *def)
{
    if (video->type == VR_VIDEO_TYPE_DEFAULT)
        video->type = vrVideoDefaultType(def);
    if (video->type == VR_VIDEO_TYPE_NONE) {
        video->vram = video->ram = video->vram64 = video->vgamem = 0;
        video->heads = 0;
        video->has_accel = false;
        video->accel3d = video->accel2d = VR_TRISTATE_ABSENT;
        return;
    }
    /* Default first, then round: an overflowing size ends up 0. */
    if (!video->vram)
        video->vram = vrVideoDefaultVram(def, video->type);
    video->vram = vrRoundUpPow2(video->vram);
    if (video->type == VR_VIDEO_TYPE_QXL && !video->ram)
        video->ram = VR_VIDEO_QXL_KIB;
    video->ram = vrRoundUpPow2(video->ram);
}

vrDomainVideoDef *
vrDomainVideoDefNewDefault(const vrDomainDef *def)
{
    vrDomainVideoDef *video = g_new0(vrDomainVideoDef, 1);

    video->heads = VR_VIDEO_HEADS_DEFAULT;
    vrDomainVideoDefPostParse(video, def);
    return video;
}

/* Each <model> attribute comes from the first <model> that has it
 * (libvirt reads "./model/@vram" and the like). */
static int
vrVideoParseSize(xmlNode *node, const char *name, unsigned int *out)
{
    g_autofree char *str = vrXMLChildrenProp(node, "model", name);

    /* An empty value counts as absent. */
    if (str && *str && vrStrToUInt(str, 10, out) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "cannot parse video %s '%s'", name, str);
        return -1;
    }
    return 0;
}

static int
vrVideoParseAccel(xmlNode *node, vrDomainVideoDef *video)
{
    xmlNode *accel = vrXMLGrandchild(node, "model", "acceleration");
    int accel3d = VR_TRISTATE_ABSENT;
    int accel2d = VR_TRISTATE_ABSENT;

    if (!accel)
        return 0;
    if (vrXMLPropEnum(accel, "accel3d", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &accel3d) < 0 ||
        vrXMLPropEnum(accel, "accel2d", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &accel2d) < 0)
        return -1;
    video->accel3d = accel3d;
    video->accel2d = accel2d;
    video->has_accel = accel3d || accel2d;
    return 0;
}

static int
vrVideoParseModel(xmlNode *node, vrDomainVideoDef *video, bool *has_heads)
{
    g_autofree char *type = vrXMLChildrenProp(node, "model", "type");
    g_autofree char *heads = vrXMLChildrenProp(node, "model", "heads");
    g_autofree char *primary = vrXMLChildrenProp(node, "model", "primary");
    int val;

    if (type && *type) {
        if ((val = vrVideoTypeFromString(type)) <= VR_VIDEO_TYPE_DEFAULT) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown video model '%s'",
                          type);
            return -1;
        }
        video->type = val;
    }
    if (vrVideoParseSize(node, "ram", &video->ram) < 0 ||
        vrVideoParseSize(node, "vram", &video->vram) < 0 ||
        vrVideoParseSize(node, "vram64", &video->vram64) < 0 ||
        vrVideoParseSize(node, "vgamem", &video->vgamem) < 0)
        return -1;
    if (heads && *heads) {
        if (vrStrToUInt(heads, 10, &video->heads) < 0) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "cannot parse video heads '%s'",
                          heads);
            return -1;
        }
        *has_heads = true;
    }
    video->primary = g_strcmp0(primary, "yes") == 0;
    return vrVideoParseAccel(node, video);
}

vrDomainVideoDef *
vrDomainVideoDefParse(xmlNode *node, const vrDomainDef *def,
                      unsigned int parse_flags)
{
    g_autoptr(vrDomainVideoDef) video = g_new0(vrDomainVideoDef, 1);
    bool has_heads = false;

    if (vrVideoParseModel(node, video, &has_heads) < 0)
        return NULL;
    if (vrDeviceInfoParse(node, parse_flags, &video->info) < 0)
        return NULL;
    video->info.boot_order = 0;
    if (!has_heads && video->type != VR_VIDEO_TYPE_NONE)
        video->heads = VR_VIDEO_HEADS_DEFAULT;
    return g_steal_pointer(&video);
}

void
vrDomainVideoDefFormat(GString *buf, const vrDomainVideoDef *video)
{
    vrBufPrintf(buf, "    <video>\n      <model type='%s'",
                           vrVideoTypeToString(video->type));
    if (video->ram)
        vrBufPrintf(buf, " ram='%u'", video->ram);
    if (video->vram)
        vrBufPrintf(buf, " vram='%u'", video->vram);
    if (video->vram64)
        vrBufPrintf(buf, " vram64='%u'", video->vram64);
    if (video->vgamem)
        vrBufPrintf(buf, " vgamem='%u'", video->vgamem);
    if (video->heads)
        vrBufPrintf(buf, " heads='%u'", video->heads);
    if (video->primary)
        g_string_append(buf, " primary='yes'");
    if (video->has_accel) {
        g_string_append(buf, ">\n        <acceleration");
        if (video->accel3d)
            vrBufAttr(buf, "accel3d", vrTristateBoolToString(video->accel3d));
        if (video->accel2d)
            vrBufAttr(buf, "accel2d", vrTristateBoolToString(video->accel2d));
        g_string_append(buf, "/>\n      </model>\n");
    } else {
        g_string_append(buf, "/>\n");
    }
    vrDeviceInfoFormat(buf, 3, &video->info);
    g_string_append(buf, "    </video>\n");
}
