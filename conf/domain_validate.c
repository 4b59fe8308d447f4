/* Checks on a complete definition after defaults: the name, lifecycle
 * actions, per-disk rules, duplicate disk targets, boot orders and device
 * aliases, video constraints. */
#include <string.h>

#include "conf/domain_channel.h"
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
    VR_COLLECT(devs->channels, vrDomainChannelDef);
    VR_COLLECT(devs->inputs, vrDomainInputDef);
    VR_COLLECT(devs->sounds, vrDomainSoundDef);
    VR_COLLECT(devs->videos, vrDomainVideoDef);
    VR_COLLECT(devs->rngs, vrDomainRNGDef);
    VR_COLLECT(devs->tpms, vrDomainTPMDef);
#undef VR_COLLECT
    if (devs->memballoon)
        g_ptr_array_add(infos, &devs->memballoon->info);
    if (devs->watchdog)
        g_ptr_array_add(infos, &devs->watchdog->info);
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
vrValidateTPMs(const vrDomainDef *def)
{
    GPtrArray *tpms = def->priv->devices.tpms;
    guint i;

    for (i = 0; i < tpms->len; i++) {
        if (vrDomainTPMDefValidate(g_ptr_array_index(tpms, i)) < 0)
            return -1;
    }
    return 0;
}

static int
vrValidateChrSources(const vrDomainDef *def)
{
    const vrDomainDevices *devs = &def->priv->devices;
    guint i;

    for (i = 0; i < devs->serials->len; i++) {
        if (vrDomainChrSourceValidate(
                &((vrDomainChrDef *)g_ptr_array_index(devs->serials, i))->source) < 0)
            return -1;
    }
    for (i = 0; i < devs->consoles->len; i++) {
        if (vrDomainChrSourceValidate(
                &((vrDomainChrDef *)g_ptr_array_index(devs->consoles, i))->source) < 0)
            return -1;
    }
    for (i = 0; i < devs->channels->len; i++) {
        if (vrDomainChannelDefValidate(g_ptr_array_index(devs->channels, i)) < 0)
            return -1;
    }
    for (i = 0; i < devs->rngs->len; i++) {
        const vrDomainRNGDef *rng = g_ptr_array_index(devs->rngs, i);

        if (rng->egd && vrDomainChrSourceValidate(rng->egd) < 0)
            return -1;
    }
    return 0;
}

static int
vrValidateInputs(const vrDomainDef *def)
{
    GPtrArray *inputs = def->priv->devices.inputs;
    guint i;

    for (i = 0; i < inputs->len; i++) {
        if (vrDomainInputDefValidate(g_ptr_array_index(inputs, i), def) < 0)
            return -1;
    }
    return 0;
}

static int
vrValidateSounds(const vrDomainDef *def)
{
    GPtrArray *sounds = def->priv->devices.sounds;
    guint i;

    for (i = 0; i < sounds->len; i++) {
        if (vrDomainSoundDefValidate(g_ptr_array_index(sounds, i),
                                     def->priv->devices.audios) < 0)
            return -1;
    }
    return 0;
}

static int
vrValidateVideos(const vrDomainDef *def)
{
    GPtrArray *videos = def->priv->devices.videos;
    guint i;

    for (i = 1; i < videos->len; i++) {
        if (((vrDomainVideoDef *)g_ptr_array_index(videos, i))->primary) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "Only one primary video device is supported");
            return -1;
        }
    }
    for (i = 0; i < videos->len; i++) {
        const vrDomainVideoDef *video = g_ptr_array_index(videos, i);

        if (video->type != VR_VIDEO_TYPE_QXL) {
            const char *attr = video->ram ? "ram" : video->vram64 ? "vram64" :
                               video->vgamem ? "vgamem" : NULL;

            if (attr) {
                vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                              "%s attribute only supported for video type qxl",
                              attr);
                return -1;
            }
        }
        if (video->type == VR_VIDEO_TYPE_NONE && videos->len > 1) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "a 'none' video type must be the only video device "
                          "defined for the domain");
            return -1;
        }
    }
    return 0;
}

/* Two controllers of a type may share an index only as USB companions. */
static int
vrValidateControllers(const vrDomainDef *def)
{
    GPtrArray *conts = def->priv->devices.controllers;
    guint i, j;

    for (i = 0; i < conts->len; i++) {
        const vrDomainControllerDef *a = g_ptr_array_index(conts, i);

        if (a->type == VR_CONTROLLER_TYPE_USB)
            continue;
        for (j = i + 1; j < conts->len; j++) {
            const vrDomainControllerDef *b = g_ptr_array_index(conts, j);

            if (a->type == b->type && a->idx == b->idx) {
                vrReportError(VIR_ERR_XML_ERROR,
                              "Multiple '%s' controllers with index '%d'",
                              vrControllerTypeToString(a->type), a->idx);
                return -1;
            }
        }
    }
    return 0;
}

/* USB controllers sharing an index need a master among them. */
static int
vrValidateUSBMasters(const vrDomainDef *def)
{
    GPtrArray *conts = def->priv->devices.controllers;
    guint i, j;

    for (i = 0; i < conts->len; i++) {
        const vrDomainControllerDef *a = g_ptr_array_index(conts, i);
        bool master = false;
        int count = 0;

        if (a->type != VR_CONTROLLER_TYPE_USB)
            continue;
        for (j = 0; j < conts->len; j++) {
            const vrDomainControllerDef *b = g_ptr_array_index(conts, j);

            if (b->type == VR_CONTROLLER_TYPE_USB && b->idx == a->idx) {
                count++;
                master = master || b->usb_startport < 0;
            }
        }
        if (count > 1 && !master) {
            vrErrorReport(VIR_FROM_XML, VIR_ERR_XML_DETAIL, __FILE__, __func__,
                          __LINE__, "No master USB controller specified");
            return -1;
        }
    }
    return 0;
}

int
vrDomainDefValidate(const vrDomainDef *def)
{
    if (vrValidateName(def->name) < 0 ||
        vrValidateSounds(def) < 0 ||
        vrValidateControllers(def) < 0 ||
        vrValidateUSBMasters(def) < 0 ||
        vrValidateDisks(def) < 0 ||
        vrValidateTPMs(def) < 0 ||
        vrValidateDeviceInfos(def) < 0 ||
        vrValidateChrSources(def) < 0 ||
        vrDomainAudiosValidateIds(def->priv->devices.audios) < 0 ||
        vrValidateInputs(def) < 0 ||
        vrDomainOSValidate(def) < 0 ||
        vrValidateLifecycle("poweroff", def->on_poweroff) < 0 ||
        vrValidateLifecycle("reboot", def->on_reboot) < 0 ||
        vrValidateVideos(def) < 0 ||
        vrDomainIOThreadsValidate(def) < 0)
        return -1;
    return 0;
}
