/* Defaults filled after parsing, as libvirt 9.0's post-parse and the test
 * driver fill them: memory and vcpu checks, arch, boot order, disk buses
 * and drive addresses, controller indexes and implicit controllers, the
 * HVM serial/console aliasing, video defaults. */
#include <string.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

/* The test driver's capabilities offer i686 first for every OS type. */
#define VR_DOMAIN_DEFAULT_ARCH "i686"

static int
vrPostParseMemory(vrDomainDef *def)
{
    if (!def->mem_max_kib) {
        vrReportError(VIR_ERR_XML_ERROR, "Memory size must be specified via "
                      "<memory> or in the <numa> configuration");
        return -1;
    }
    if (!def->mem_cur_kib || def->mem_cur_kib > def->mem_max_kib)
        def->mem_cur_kib = def->mem_max_kib;
    if (!def->mem_hotplug_kib != !def->mem_slots) {
        vrReportError(VIR_ERR_XML_ERROR, "both maximum memory size and "
                      "memory slot count must be specified");
        return -1;
    }
    if (def->mem_hotplug_kib && def->mem_hotplug_kib < def->mem_max_kib) {
        vrReportError(VIR_ERR_XML_ERROR, "maximum memory size must be equal or "
                      "greater than the actual memory size");
        return -1;
    }
    return 0;
}

static int
vrPostParseVcpus(vrDomainDef *def)
{
    if (!def->vcpus_max) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "CPU IDs in <numa> exceed the <vcpu> count");
        return -1;
    }
    if (def->vcpus_cur > def->vcpus_max) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "maximum vCPU count must not "
                      "be less than current vCPU count");
        return -1;
    }
    return 0;
}

static bool
vrDomainHasDeviceBoot(const vrDomainDef *def)
{
    const vrDomainDevices *devs = &def->priv->devices;
    guint i;

    for (i = 0; i < devs->disks->len; i++) {
        if (((vrDomainDiskDef *)g_ptr_array_index(devs->disks, i))->info.boot_order)
            return true;
    }
    for (i = 0; i < devs->nets->len; i++) {
        if (((vrDomainNetDef *)g_ptr_array_index(devs->nets, i))->info.boot_order)
            return true;
    }
    return false;
}

static int
vrPostParseOS(vrDomainDef *def)
{
    vrDomainOSDef *os = &def->priv->os;
    bool device_boot = vrDomainHasDeviceBoot(def);

    if (vrDomainOSTypeFromString(def->os_type) == VR_DOMAIN_OSTYPE_EXE &&
        !os->init) {
        vrReportError(VIR_ERR_XML_ERROR, "init binary must be specified");
        return -1;
    }
    if (os->loader_missing && !os->firmware) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "no loader path specified and firmware auto selection disabled");
        return -1;
    }
    if (!def->os_arch)
        def->os_arch = g_strdup(VR_DOMAIN_DEFAULT_ARCH);
    if (os->loader && !os->loader_type)
        os->loader_type = VR_DOMAIN_LOADER_TYPE_ROM;
    if (os->nboot && device_boot) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "per-device boot elements "
                      "cannot be used together with os/boot elements");
        return -1;
    }
    if (vrDomainOSTypeFromString(def->os_type) == VR_DOMAIN_OSTYPE_HVM &&
        !os->nboot && !device_boot) {
        os->boot[0] = VR_DOMAIN_BOOT_DISK;
        os->nboot = 1;
    }
    return 0;
}

/* A boot order belongs to one device. */
static int
vrPostParseBootOrders(vrDomainDef *def)
{
    const vrDomainDevices *devs = &def->priv->devices;
    g_autoptr(GHashTable) seen = g_hash_table_new(NULL, NULL);
    g_autoptr(GPtrArray) infos = g_ptr_array_new();
    guint i;

    for (i = 0; i < devs->disks->len; i++)
        g_ptr_array_add(infos, &((vrDomainDiskDef *)g_ptr_array_index(devs->disks, i))->info);
    for (i = 0; i < devs->nets->len; i++)
        g_ptr_array_add(infos, &((vrDomainNetDef *)g_ptr_array_index(devs->nets, i))->info);
    for (i = 0; i < infos->len; i++) {
        unsigned int order = ((vrDeviceInfo *)g_ptr_array_index(infos, i))->boot_order;

        if (order && !g_hash_table_add(seen, GUINT_TO_POINTER(order))) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "boot order '%u' used for more than one device", order);
            return -1;
        }
    }
    return 0;
}

static int
vrPostParseDisks(vrDomainDef *def)
{
    GPtrArray *disks = def->priv->devices.disks;
    guint i;

    for (i = 0; i < disks->len; i++) {
        if (vrDomainDiskDefPostParse(g_ptr_array_index(disks, i), def) < 0)
            return -1;
    }
    return 0;
}

static bool
vrControllerIndexUsed(GPtrArray *conts, vrControllerType type, int idx)
{
    guint i;

    for (i = 0; i < conts->len; i++) {
        const vrDomainControllerDef *cont = g_ptr_array_index(conts, i);

        if (cont->type == type && cont->idx == idx)
            return true;
    }
    return false;
}

/* An unindexed controller takes the lowest index unused by its type. */
static void
vrPostParseControllerIndexes(vrDomainDef *def)
{
    GPtrArray *conts = def->priv->devices.controllers;
    guint i;

    for (i = 0; i < conts->len; i++) {
        vrDomainControllerDef *cont = g_ptr_array_index(conts, i);
        int idx = 0;

        if (cont->idx != -1)
            continue;
        while (vrControllerIndexUsed(conts, cont->type, idx))
            idx++;
        cont->idx = idx;
    }
}

static void
vrMaybeAddController(vrDomainDef *def, vrControllerType type, int idx)
{
    GPtrArray *conts = def->priv->devices.controllers;

    if (!vrControllerIndexUsed(conts, type, idx))
        g_ptr_array_add(conts, vrDomainControllerDefNew(type, idx));
}

static void
vrAddDiskControllers(vrDomainDef *def, vrControllerType type, vrDiskBus bus)
{
    GPtrArray *disks = def->priv->devices.disks;
    int max = -1;
    guint i;
    int idx;

    for (i = 0; i < disks->len; i++) {
        const vrDomainDiskDef *disk = g_ptr_array_index(disks, i);

        if (disk->bus == bus && disk->info.type == VR_DEVICE_ADDRESS_DRIVE)
            max = MAX(max, (int)disk->info.addr.drive.controller);
    }
    for (idx = 0; idx <= max; idx++)
        vrMaybeAddController(def, type, idx);
}

/* A virtio channel needs the virtio-serial controller its address names
 * (index 0 without one); channels come before virtio consoles. */
static void
vrAddChannelControllers(vrDomainDef *def)
{
    GPtrArray *channels = def->priv->devices.channels;
    guint i;

    for (i = 0; i < channels->len; i++) {
        const vrDomainChannelDef *chan = g_ptr_array_index(channels, i);
        int idx = 0;

        if (chan->target_type != VR_CHANNEL_TARGET_VIRTIO)
            continue;
        if (chan->info.type == VR_DEVICE_ADDRESS_VIRTIO_SERIAL)
            idx = (int)chan->info.addr.vioserial.controller;
        vrMaybeAddController(def, VR_CONTROLLER_TYPE_VIRTIO_SERIAL, idx);
    }
}

static void
vrPostParseImplicitControllers(vrDomainDef *def)
{
    GPtrArray *consoles = def->priv->devices.consoles;
    guint i;

    vrAddDiskControllers(def, VR_CONTROLLER_TYPE_SCSI, VR_DISK_BUS_SCSI);
    vrAddDiskControllers(def, VR_CONTROLLER_TYPE_FDC, VR_DISK_BUS_FDC);
    vrAddDiskControllers(def, VR_CONTROLLER_TYPE_IDE, VR_DISK_BUS_IDE);
    vrAddDiskControllers(def, VR_CONTROLLER_TYPE_SATA, VR_DISK_BUS_SATA);
    vrAddChannelControllers(def);
    for (i = 0; i < consoles->len; i++) {
        const vrDomainChrDef *con = g_ptr_array_index(consoles, i);
        int idx = 0;

        if (con->target_type != VR_CHR_CONSOLE_TARGET_VIRTIO)
            continue;
        if (con->info.type == VR_DEVICE_ADDRESS_VIRTIO_SERIAL)
            idx = (int)con->info.addr.vioserial.controller;
        vrMaybeAddController(def, VR_CONTROLLER_TYPE_VIRTIO_SERIAL, idx);
    }
}

/* Serial ports still unnumbered get the highest port so far + 1. */
static void
vrPostParseSerialPorts(vrDomainDef *def)
{
    GPtrArray *serials = def->priv->devices.serials;
    guint i, j;

    for (i = 0; i < serials->len; i++) {
        vrDomainChrDef *chr = g_ptr_array_index(serials, i);
        int max = -1;

        if (chr->port != -1)
            continue;
        for (j = 0; j < serials->len; j++)
            max = MAX(max, ((vrDomainChrDef *)g_ptr_array_index(serials, j))->port);
        chr->port = max + 1;
    }
}

static bool
vrSerialGetsConsole(const vrDomainChrDef *serial)
{
    switch (serial->target_type) {
    case VR_CHR_SERIAL_TARGET_NONE:
    case VR_CHR_SERIAL_TARGET_ISA:
    case VR_CHR_SERIAL_TARGET_SPAPR_VIO:
    case VR_CHR_SERIAL_TARGET_SYSTEM:
    case VR_CHR_SERIAL_TARGET_SCLP:
        return true;
    default:
        return false;
    }
}

/* An HVM guest's first console of serial type aliases serial[0]: it
 * becomes that serial port when there is none, and is replaced by a stub
 * when it differs from it; a serial port without a console gets one. */
static int
vrPostParseConsoleCompat(vrDomainDef *def)
{
    vrDomainDevices *devs = &def->priv->devices;
    vrDomainChrDef *first;
    guint i;

    /* A console without a target type is a serial console. */
    for (i = 0; i < devs->consoles->len; i++) {
        vrDomainChrDef *con = g_ptr_array_index(devs->consoles, i);

        if (con->target_type == VR_CHR_CONSOLE_TARGET_NONE)
            con->target_type = VR_CHR_CONSOLE_TARGET_SERIAL;
    }
    for (i = 1; i < devs->consoles->len; i++) {
        const vrDomainChrDef *con = g_ptr_array_index(devs->consoles, i);

        if (con->target_type == VR_CHR_CONSOLE_TARGET_SERIAL) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "Only the first console can be a serial port");
            return -1;
        }
    }
    if (vrDomainOSTypeFromString(def->os_type) != VR_DOMAIN_OSTYPE_HVM)
        return 0;
    first = devs->consoles->len ? g_ptr_array_index(devs->consoles, 0) : NULL;
    if (first && (first->target_type == VR_CHR_CONSOLE_TARGET_SERIAL ||
                  first->target_type == VR_CHR_CONSOLE_TARGET_NONE)) {
        if (!devs->serials->len) {
            vrDomainChrDef *serial = vrDomainChrDefCopy(first);

            serial->device_type = VR_CHR_DEVICE_SERIAL;
            serial->target_type = VR_CHR_SERIAL_TARGET_NONE;
            serial->port = 0;
            g_ptr_array_add(devs->serials, serial);
        } else if (!vrDomainChrSourceEqual(
                       &((vrDomainChrDef *)g_ptr_array_index(devs->serials, 0))->source,
                       &first->source)) {
            /* A console that differs from serial[0] is dropped for a stub
             * aliasing it. */
            vrDomainChrDef *stub = vrDomainChrDefNew(VR_CHR_DEVICE_CONSOLE);

            stub->target_type = VR_CHR_CONSOLE_TARGET_SERIAL;
            stub->port = first->port;
            vrDomainChrDefFree(g_ptr_array_steal_index(devs->consoles, 0));
            g_ptr_array_insert(devs->consoles, 0, stub);
            first = stub;
        }
        first->target_type = VR_CHR_CONSOLE_TARGET_SERIAL;
    } else if (devs->serials->len &&
               vrSerialGetsConsole(g_ptr_array_index(devs->serials, 0))) {
        vrDomainChrDef *stub = vrDomainChrDefNew(VR_CHR_DEVICE_CONSOLE);

        stub->target_type = VR_CHR_CONSOLE_TARGET_SERIAL;
        g_ptr_array_insert(devs->consoles, 0, stub);
    }
    return 0;
}

static int
vrPostParseVideos(vrDomainDef *def)
{
    vrDomainDevices *devs = &def->priv->devices;
    guint i;
    int primary = -1;

    /* The first primary video goes first; more than one primary is
     * reported when validating. */
    for (i = 0; i < devs->videos->len && primary < 0; i++) {
        if (((vrDomainVideoDef *)g_ptr_array_index(devs->videos, i))->primary)
            primary = (int)i;
    }
    if (primary > 0) {
        gpointer video = g_ptr_array_steal_index(devs->videos, primary);

        g_ptr_array_insert(devs->videos, 0, video);
    }
    for (i = 0; i < devs->videos->len; i++)
        vrDomainVideoDefPostParse(g_ptr_array_index(devs->videos, i), def);
    if (!devs->videos->len && devs->graphics->len)
        g_ptr_array_add(devs->videos, vrDomainVideoDefNewDefault(def));
    if (devs->videos->len) {
        vrDomainVideoDef *first = g_ptr_array_index(devs->videos, 0);

        first->primary = first->type != VR_VIDEO_TYPE_NONE;
        /* libvirt runs the device defaults once more on the primary
         * video (it may have been added after the per-device pass), so a
         * size that overflowed to 0 gets the default there only. */
        vrDomainVideoDefPostParse(first, def);
    }
    return 0;
}

int
vrDomainDefPostParse(vrDomainDef *def, unsigned int parse_flags)
{
    if (vrPostParseMemory(def) < 0 ||
        vrPostParseVcpus(def) < 0 ||
        vrPostParseDisks(def) < 0 ||
        vrPostParseBootOrders(def) < 0 ||
        vrPostParseOS(def) < 0)
        return -1;
    vrPostParseControllerIndexes(def);
    vrPostParseSerialPorts(def);
    if (vrPostParseConsoleCompat(def) < 0)
        return -1;
    vrPostParseImplicitControllers(def);
    return vrPostParseVideos(def);
}
