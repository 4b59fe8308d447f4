/* Checks on a complete definition after defaults: the name, lifecycle
 * actions, per-disk rules, duplicate disk targets, boot orders and device
 * aliases, video constraints. */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_CHAR_DEL 0x7f

/* libvirt rejects '/' and '\n'; vireo also rejects the other ASCII control
 * characters (names become file names and log lines) and over-long names,
 * with the same message form. */
static int
vrValidateName(const char *name)
{
    const unsigned char *p;

    if (strchr(name, '/')) {
        vrReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'", name);
        return -1;
    }
    for (p = (const unsigned char *)name; *p; p++) {
        if (*p < 0x20 || *p == VR_CHAR_DEL) {
            vrErrorReport(VIR_FROM_XML, VIR_ERR_XML_DETAIL, __FILE__, __func__,
                          __LINE__, "invalid char in name: %c", *p);
            return -1;
        }
    }
    if (strlen(name) > VR_DOMAIN_NAME_MAX) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "domain name is longer than %d bytes", VR_DOMAIN_NAME_MAX);
        return -1;
    }
    return 0;
}

static int
vrValidateLifecycle(const char *event, vrDomainLifecycleAction action)
{
    if (action == VR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY ||
        action == VR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "Lifecycle event '%s' doesn't support '%s' action",
                      event, vrDomainLifecycleActionToString(action));
        return -1;
    }
    return 0;
}

static int
vrValidateDisks(const vrDomainDef *def)
{
    GPtrArray *disks = def->priv->devices.disks;
    guint i, j;

    for (i = 0; i < disks->len; i++) {
        if (vrDomainDiskDefValidate(g_ptr_array_index(disks, i)) < 0)
            return -1;
    }
    for (i = 0; i < disks->len; i++) {
        const vrDomainDiskDef *a = g_ptr_array_index(disks, i);

        for (j = i + 1; j < disks->len; j++) {
            const vrDomainDiskDef *b = g_ptr_array_index(disks, j);

            if (strcmp(a->dst, b->dst) == 0) {
                vrReportError(VIR_ERR_XML_ERROR,
                              "target '%s' duplicated for disk sources '%s' and '%s'",
                              a->dst, a->src ? a->src : "<null>",
                              b->src ? b->src : "<null>");
                return -1;
            }
        }
    }
    return 0;
}

/* Every device's vrDeviceInfo, for the cross-device checks. */
static GPtrArray *
vrDomainDefCollectInfos(const vrDomainDef *def)
{
    const vrDomainDevices *devs = &def->priv->devices;
    GPtrArray *infos = g_ptr_array_new();
    guint i;

#define VR_COLLECT(arr, type) \
    for (i = 0; i < (arr)->len; i++) \
        g_ptr_array_add(infos, &((type *)g_ptr_array_index((arr), i))->info)

    VR_COLLECT(devs->disks, vrDomainDiskDef);
    VR_COLLECT(devs->controllers, vrDomainControllerDef);
    VR_COLLECT(devs->nets, vrDomainNetDef);
    VR_COLLECT(devs->serials, vrDomainChrDef);
    VR_COLLECT(devs->inputs, vrDomainInputDef);
    VR_COLLECT(devs->videos, vrDomainVideoDef);
    VR_COLLECT(devs->rngs, vrDomainRNGDef);
#undef VR_COLLECT
    if (devs->memballoon)
        g_ptr_array_add(infos, &devs->memballoon->info);
    return infos;
}

static int
vrValidateDeviceInfos(const vrDomainDef *def)
{
    g_autoptr(GPtrArray) infos = vrDomainDefCollectInfos(def);
    guint i, j;

    for (i = 0; i < infos->len; i++) {
        const vrDeviceInfo *a = g_ptr_array_index(infos, i);

        for (j = i + 1; j < infos->len; j++) {
            const vrDeviceInfo *b = g_ptr_array_index(infos, j);

            if (a->boot_order && a->boot_order == b->boot_order) {
                vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                              "boot order '%u' used for more than one device",
                              a->boot_order);
                return -1;
            }
            if (a->alias && b->alias && strcmp(a->alias, b->alias) == 0) {
                vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                              "non unique alias detected: %s", a->alias);
                return -1;
            }
        }
    }
    return 0;
}

static int
vrValidateVideos(const vrDomainDef *def)
{
    GPtrArray *videos = def->priv->devices.videos;
    guint i;

    for (i = 0; i < videos->len; i++) {
        const vrDomainVideoDef *video = g_ptr_array_index(videos, i);

        if (video->type == VR_VIDEO_TYPE_NONE && videos->len > 1) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "a 'none' video type must be the only video device "
                          "defined for the domain");
            return -1;
        }
    }
    return 0;
}

int
vrDomainDefValidate(const vrDomainDef *def)
{
    if (vrValidateName(def->name) < 0 ||
        vrValidateDisks(def) < 0 ||
        vrValidateLifecycle("poweroff", def->on_poweroff) < 0 ||
        vrValidateLifecycle("reboot", def->on_reboot) < 0 ||
        vrValidateDeviceInfos(def) < 0 ||
        vrValidateVideos(def) < 0)
        return -1;
    return 0;
}
