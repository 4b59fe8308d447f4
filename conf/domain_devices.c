/* <devices>: the device lists of a domain -- parse each family in
 * libvirt's order, format them back in libvirt's order (with the
 * serial/console aliasing of HVM guests), copy and free. */
#include <string.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

void
vrDomainDevicesInit(vrDomainDevices *devs)
{
    memset(devs, 0, sizeof(*devs));
    devs->disks = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainDiskDefFree);
    devs->controllers =
        g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainControllerDefFree);
    devs->nets = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainNetDefFree);
    devs->serials = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainChrDefFree);
    devs->consoles = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainChrDefFree);
    devs->channels =
        g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainChannelDefFree);
    devs->inputs = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainInputDefFree);
    devs->graphics =
        g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainGraphicsDefFree);
    devs->sounds = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainSoundDefFree);
    devs->audios = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainAudioDefFree);
    devs->videos = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainVideoDefFree);
    devs->rngs = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainRNGDefFree);
    devs->tpms = g_ptr_array_new_with_free_func((GDestroyNotify)vrDomainTPMDefFree);
}

void
vrDomainDevicesClear(vrDomainDevices *devs)
{
    g_free(devs->emulator);
    g_ptr_array_unref(devs->disks);
    g_ptr_array_unref(devs->controllers);
    g_ptr_array_unref(devs->nets);
    g_ptr_array_unref(devs->serials);
    g_ptr_array_unref(devs->consoles);
    g_ptr_array_unref(devs->channels);
    g_ptr_array_unref(devs->inputs);
    g_ptr_array_unref(devs->graphics);
    g_ptr_array_unref(devs->sounds);
    g_ptr_array_unref(devs->audios);
    g_ptr_array_unref(devs->videos);
    g_ptr_array_unref(devs->rngs);
    vrDomainMemballoonDefFree(devs->memballoon);
    vrDomainWatchdogDefFree(devs->watchdog);
    g_ptr_array_unref(devs->tpms);
    memset(devs, 0, sizeof(*devs));
}

/* Deep-copy every element of src into dst with fn. */
#define VR_DEVICES_COPY(dst, src, fn) \
    do { \
        guint i_; \
        for (i_ = 0; i_ < (src)->len; i_++) \
            g_ptr_array_add((dst), fn(g_ptr_array_index((src), i_))); \
    } while (0)

void
vrDomainDevicesCopy(vrDomainDevices *dst, const vrDomainDevices *src)
{
    vrDomainDevicesInit(dst);
    dst->emulator = g_strdup(src->emulator);
    VR_DEVICES_COPY(dst->disks, src->disks, vrDomainDiskDefCopy);
    VR_DEVICES_COPY(dst->controllers, src->controllers, vrDomainControllerDefCopy);
    VR_DEVICES_COPY(dst->nets, src->nets, vrDomainNetDefCopy);
    VR_DEVICES_COPY(dst->serials, src->serials, vrDomainChrDefCopy);
    VR_DEVICES_COPY(dst->consoles, src->consoles, vrDomainChrDefCopy);
    VR_DEVICES_COPY(dst->channels, src->channels, vrDomainChannelDefCopy);
    VR_DEVICES_COPY(dst->inputs, src->inputs, vrDomainInputDefCopy);
    VR_DEVICES_COPY(dst->graphics, src->graphics, vrDomainGraphicsDefCopy);
    VR_DEVICES_COPY(dst->sounds, src->sounds, vrDomainSoundDefCopy);
    VR_DEVICES_COPY(dst->audios, src->audios, vrDomainAudioDefCopy);
    VR_DEVICES_COPY(dst->videos, src->videos, vrDomainVideoDefCopy);
    VR_DEVICES_COPY(dst->rngs, src->rngs, vrDomainRNGDefCopy);
    if (src->memballoon)
        dst->memballoon = vrDomainMemballoonDefCopy(src->memballoon);
    if (src->watchdog)
        dst->watchdog = vrDomainWatchdogDefCopy(src->watchdog);
    VR_DEVICES_COPY(dst->tpms, src->tpms, vrDomainTPMDefCopy);
}

/* --- parse -------------------------------------------------------------- */

#define VR_ISA_SERIAL_PORTS 4

static bool
vrIsaPortUsed(GPtrArray *serials, int port)
{
    guint i;

    for (i = 0; i < serials->len; i++) {
        const vrDomainChrDef *chr = g_ptr_array_index(serials, i);

        if (chr->target_type == VR_CHR_SERIAL_TARGET_ISA && chr->port == port)
            return true;
    }
    return false;
}

/* An ISA serial port takes the lowest port free among the ISA ports
 * parsed before it; there are only VR_ISA_SERIAL_PORTS of them. */
static int
vrDevicesAssignIsaPort(GPtrArray *serials, vrDomainChrDef *chr)
{
    if (chr->port == -1) {
        chr->port = 0;
        while (vrIsaPortUsed(serials, chr->port))
            chr->port++;
    } else if (vrIsaPortUsed(serials, chr->port)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "target port '%d' already allocated",
                      chr->port);
        return -1;
    }
    if (chr->port > VR_ISA_SERIAL_PORTS - 1) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "Maximum supported number of ISA serial ports is '%d'",
                      VR_ISA_SERIAL_PORTS);
        return -1;
    }
    return 0;
}

static int
vrDevicesParseSerial(xmlNode *node, vrDomainDevices *devs, unsigned int flags)
{
    vrDomainChrDef *chr = vrDomainChrDefParse(node, VR_CHR_DEVICE_SERIAL, flags);

    if (!chr)
        return -1;
    /* ISA ports are numbered here, the others after parsing. */
    if (chr->target_type == VR_CHR_SERIAL_TARGET_ISA &&
        vrDevicesAssignIsaPort(devs->serials, chr) < 0) {
        vrDomainChrDefFree(chr);
        return -1;
    }
    g_ptr_array_add(devs->serials, chr);
    return 0;
}

static int
vrDevicesParseConsole(xmlNode *node, vrDomainDevices *devs, unsigned int flags)
{
    vrDomainChrDef *chr = vrDomainChrDefParse(node, VR_CHR_DEVICE_CONSOLE, flags);

    if (!chr)
        return -1;
    chr->port = (int)devs->consoles->len;
    g_ptr_array_add(devs->consoles, chr);
    return 0;
}

/* <name> elements in every <devices> of the domain (libvirt counts some
 * families before parsing any of them). */
static int
vrDevicesCount(xmlNode *node, const char *name)
{
    xmlNode *devices, *cur;
    int count = 0;

    for (devices = node->parent->parent->children; devices;
         devices = devices->next) {
        if (!vrXMLIsElement(devices, "devices"))
            continue;
        for (cur = devices->children; cur; cur = cur->next)
            count += vrXMLIsElement(cur, name);
    }
    return count;
}

static int
vrDevicesParseMemballoon(xmlNode *node, vrDomainDevices *devs,
                         unsigned int flags)
{
    if (devs->memballoon || vrDevicesCount(node, "memballoon") > 1) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "only a single memory balloon device is supported");
        return -1;
    }
    return (devs->memballoon = vrDomainMemballoonDefParse(node, flags)) ? 0 : -1;
}

static int
vrDevicesParseWatchdog(xmlNode *node, vrDomainDevices *devs, unsigned int flags)
{
    if (devs->watchdog || vrDevicesCount(node, "watchdog") > 1) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "only a single watchdog device is supported");
        return -1;
    }
    return (devs->watchdog = vrDomainWatchdogDefParse(node, flags)) ? 0 : -1;
}

static int
vrDevicesParseTPM(xmlNode *node, vrDomainDevices *devs, unsigned int flags)
{
    vrDomainTPMDef *tpm;

    if (vrDevicesCount(node, "tpm") > VR_TPM_MAX_DEVICES) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "a maximum of two TPM devices is supported, one of them "
                      "being a TPM Proxy device");
        return -1;
    }
    if (!(tpm = vrDomainTPMDefParse(node, flags)))
        return -1;
    g_ptr_array_add(devs->tpms, tpm);
    return 0;
}

/* One pass per device family, in libvirt's order, so the first error
 * reported is the one libvirt reports. */
typedef enum {
    VR_DEV_DISK, VR_DEV_CONTROLLER, VR_DEV_NET, VR_DEV_SERIAL, VR_DEV_CONSOLE,
    VR_DEV_CHANNEL, VR_DEV_INPUT, VR_DEV_GRAPHICS, VR_DEV_SOUND, VR_DEV_AUDIO,
    VR_DEV_VIDEO, VR_DEV_WATCHDOG, VR_DEV_MEMBALLOON, VR_DEV_RNG, VR_DEV_TPM,
    VR_DEV_LAST
} vrDeviceFamily;

static const char *const vrDeviceElements[VR_DEV_LAST] = {
    "disk", "controller", "interface", "serial", "console", "channel", "input",
    "graphics", "sound", "audio", "video", "watchdog", "memballoon", "rng", "tpm",
};

static int
vrDevicesParseOne(xmlNode *node, vrDeviceFamily family, vrDomainDef *def,
                  unsigned int flags)
{
    vrDomainDevices *devs = &def->priv->devices;
    gpointer dev = NULL;

    switch (family) {
    case VR_DEV_DISK:
        if (!(dev = vrDomainDiskDefParse(node, def, flags)))
            return -1;
        vrDomainDiskInsert(devs->disks, dev);
        return 0;
    case VR_DEV_CONTROLLER:
        if (!(dev = vrDomainControllerDefParse(node, flags)))
            return -1;
        vrDomainControllerInsert(devs->controllers, dev);
        return 0;
    case VR_DEV_NET:
        dev = vrDomainNetDefParse(node, def, flags);
        return dev ? (g_ptr_array_add(devs->nets, dev), 0) : -1;
    case VR_DEV_SERIAL:
        return vrDevicesParseSerial(node, devs, flags);
    case VR_DEV_CONSOLE:
        return vrDevicesParseConsole(node, devs, flags);
    case VR_DEV_CHANNEL:
        dev = vrDomainChannelDefParse(node, flags);
        return dev ? (g_ptr_array_add(devs->channels, dev), 0) : -1;
    case VR_DEV_INPUT:
        dev = vrDomainInputDefParse(node, def, flags);
        return dev ? (g_ptr_array_add(devs->inputs, dev), 0) : -1;
    case VR_DEV_GRAPHICS:
        dev = vrDomainGraphicsDefParse(node, flags);
        return dev ? (g_ptr_array_add(devs->graphics, dev), 0) : -1;
    case VR_DEV_SOUND:
        dev = vrDomainSoundDefParse(node, flags);
        return dev ? (g_ptr_array_add(devs->sounds, dev), 0) : -1;
    case VR_DEV_AUDIO:
        dev = vrDomainAudioDefParse(node);
        return dev ? (g_ptr_array_add(devs->audios, dev), 0) : -1;
    case VR_DEV_VIDEO:
        dev = vrDomainVideoDefParse(node, def, flags);
        return dev ? (g_ptr_array_add(devs->videos, dev), 0) : -1;
    case VR_DEV_WATCHDOG:
        return vrDevicesParseWatchdog(node, devs, flags);
    case VR_DEV_MEMBALLOON:
        return vrDevicesParseMemballoon(node, devs, flags);
    case VR_DEV_RNG:
        dev = vrDomainRNGDefParse(node, flags);
        return dev ? (g_ptr_array_add(devs->rngs, dev), 0) : -1;
    case VR_DEV_TPM:
        return vrDevicesParseTPM(node, devs, flags);
    default:
        return 0;
    }
}

/* Devices of every <devices> element count, in document order (libvirt
 * selects them with "./devices/disk" and the like). */
int
vrDomainDevicesParse(xmlNode *root, vrDomainDef *def, unsigned int flags)
{
    vrDomainDevices *devs = &def->priv->devices;
    xmlNode *devices, *cur;
    int family;

    for (devices = root->children; devices && !devs->emulator;
         devices = devices->next) {
        if (vrXMLIsElement(devices, "devices"))
            devs->emulator = vrXMLChildText(devices, "emulator");
    }
    if (devs->emulator && !*devs->emulator)
        g_clear_pointer(&devs->emulator, g_free);
    for (family = 0; family < VR_DEV_LAST; family++) {
        for (devices = root->children; devices; devices = devices->next) {
            if (!vrXMLIsElement(devices, "devices"))
                continue;
            for (cur = devices->children; cur; cur = cur->next) {
                if (vrXMLIsElement(cur, vrDeviceElements[family]) &&
                    vrDevicesParseOne(cur, family, def, flags) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

/* --- format ------------------------------------------------------------- */

/* HVM guests: a serial-type console[n] is an alias of serial[n] and is
 * printed from it. */
static void
vrDevicesFormatConsoles(GString *buf, const vrDomainDef *def, unsigned int flags)
{
    const vrDomainDevices *devs = &def->priv->devices;
    bool hvm = vrDomainOSTypeFromString(def->os_type) == VR_DOMAIN_OSTYPE_HVM;
    guint i;

    for (i = 0; i < devs->consoles->len; i++) {
        const vrDomainChrDef *con = g_ptr_array_index(devs->consoles, i);

        if (hvm && i < devs->serials->len &&
            (con->target_type == VR_CHR_CONSOLE_TARGET_SERIAL ||
             con->target_type == VR_CHR_CONSOLE_TARGET_NONE)) {
            vrDomainChrDef alias = *(const vrDomainChrDef *)
                                   g_ptr_array_index(devs->serials, i);

            alias.device_type = VR_CHR_DEVICE_CONSOLE;
            alias.target_type = VR_CHR_CONSOLE_TARGET_SERIAL;
            vrDomainChrDefFormat(buf, &alias, flags);
        } else {
            vrDomainChrDefFormat(buf, con, flags);
        }
    }
}

/* Format every element of arr with fn(buf, element). */
#define VR_DEVICES_FORMAT(buf, arr, fn) \
    do { \
        guint i_; \
        for (i_ = 0; i_ < (arr)->len; i_++) \
            fn((buf), g_ptr_array_index((arr), i_)); \
    } while (0)

/* Same, for formatters that take the format flags. */
#define VR_DEVICES_FORMAT_FLAGS(buf, arr, fn, flags) \
    do { \
        guint i_; \
        for (i_ = 0; i_ < (arr)->len; i_++) \
            fn((buf), g_ptr_array_index((arr), i_), (flags)); \
    } while (0)

void
vrDomainDevicesFormat(GString *buf, const vrDomainDef *def,
                      unsigned int format_flags)
{
    const vrDomainDevices *devs = &def->priv->devices;

    g_string_append(buf, "  <devices>\n");
    vrBufElementText(buf, VR_DEVICE_LEVEL, "emulator", devs->emulator);
    VR_DEVICES_FORMAT(buf, devs->disks, vrDomainDiskDefFormat);
    VR_DEVICES_FORMAT(buf, devs->controllers, vrDomainControllerDefFormat);
    VR_DEVICES_FORMAT(buf, devs->nets, vrDomainNetDefFormat);
    VR_DEVICES_FORMAT_FLAGS(buf, devs->serials, vrDomainChrDefFormat, format_flags);
    vrDevicesFormatConsoles(buf, def, format_flags);
    VR_DEVICES_FORMAT_FLAGS(buf, devs->channels, vrDomainChannelDefFormat,
                            format_flags);
    VR_DEVICES_FORMAT(buf, devs->inputs, vrDomainInputDefFormat);
    VR_DEVICES_FORMAT(buf, devs->tpms, vrDomainTPMDefFormat);
    VR_DEVICES_FORMAT_FLAGS(buf, devs->graphics, vrDomainGraphicsDefFormat,
                            format_flags);
    VR_DEVICES_FORMAT(buf, devs->sounds, vrDomainSoundDefFormat);
    VR_DEVICES_FORMAT(buf, devs->audios, vrDomainAudioDefFormat);
    VR_DEVICES_FORMAT(buf, devs->videos, vrDomainVideoDefFormat);
    if (devs->watchdog)
        vrDomainWatchdogDefFormat(buf, devs->watchdog);
    if (devs->memballoon)
        vrDomainMemballoonDefFormat(buf, devs->memballoon);
    VR_DEVICES_FORMAT_FLAGS(buf, devs->rngs, vrDomainRNGDefFormat, format_flags);
    g_string_append(buf, "  </devices>\n");
}
