/* <disk>: parse, defaults (bus from the target name, drive addresses),
 * validation, format; and libvirt's disk-name index ("sdaa" -> 26). */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_DISK_LETTERS 26
#define VR_IDE_UNITS_PER_BUS 2
#define VR_IDE_BUSES 2
#define VR_FDC_UNITS 2
#define VR_SCSI_UNITS 7
#define VR_SATA_UNITS 6
#define VR_DISK_VENDOR_MAX 8
#define VR_DISK_PRODUCT_MAX 16
#define VR_WWN_HEX_DIGITS 16

/* Name prefixes and the bus each implies, longest-match order irrelevant
 * as none is a prefix of another. */
static const struct {
    const char *prefix;
    vrDiskBus bus;
} vrDiskPrefixes[] = {
    { "fd", VR_DISK_BUS_FDC },
    { "hd", VR_DISK_BUS_IDE },
    { "vd", VR_DISK_BUS_VIRTIO },
    { "sd", VR_DISK_BUS_SCSI },
    { "xvd", VR_DISK_BUS_XEN },
    { "ubd", VR_DISK_BUS_UML },
};

static int
vrDiskPrefixIndex(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vrDiskPrefixes); i++) {
        if (g_str_has_prefix(name, vrDiskPrefixes[i].prefix))
            return (int)i;
    }
    return -1;
}

int
vrDiskNameToIndex(const char *name)
{
    const char *p;
    long idx = -1;
    int prefix;

    if (!name || (prefix = vrDiskPrefixIndex(name)) < 0)
        return -1;
    p = name + strlen(vrDiskPrefixes[prefix].prefix);
    if (!g_ascii_islower(*p))
        return -1;
    /* Bijective base 26: a..z, aa..zz, ... */
    for (; g_ascii_islower(*p); p++) {
        idx = (idx + 1) * VR_DISK_LETTERS + (*p - 'a');
        if (idx > G_MAXINT / VR_DISK_LETTERS)
            return -1;
    }
    /* An optional partition number may follow. */
    while (g_ascii_isdigit(*p))
        p++;
    return *p ? -1 : (int)idx;
}

void
vrDomainDiskDefFree(vrDomainDiskDef *disk)
{
    if (!disk)
        return;
    g_free(disk->src);
    g_free(disk->driver_name);
    g_free(disk->dst);
    g_free(disk->serial);
    g_free(disk->wwn);
    g_free(disk->vendor);
    g_free(disk->product);
    vrDeviceInfoClear(&disk->info);
    g_free(disk);
}

vrDomainDiskDef *
vrDomainDiskDefCopy(const vrDomainDiskDef *disk)
{
    vrDomainDiskDef *copy = g_new0(vrDomainDiskDef, 1);

    *copy = *disk;
    copy->src = g_strdup(disk->src);
    copy->driver_name = g_strdup(disk->driver_name);
    copy->dst = g_strdup(disk->dst);
    copy->serial = g_strdup(disk->serial);
    copy->wwn = g_strdup(disk->wwn);
    copy->vendor = g_strdup(disk->vendor);
    copy->product = g_strdup(disk->product);
    vrDeviceInfoCopy(&copy->info, &disk->info);
    return copy;
}

static int
vrDiskParseFormat(xmlNode *driver, vrDomainDiskDef *disk)
{
    g_autofree char *type = vrXMLProp(driver, "type");
    int val;

    if (!type || !*type)
        return 0;
    /* "aio" is libvirt's legacy spelling of raw. */
    if (strcmp(type, "aio") == 0) {
        disk->format = VR_STORAGE_FORMAT_RAW;
        return 0;
    }
    if ((val = vrStorageFormatFromString(type)) <= VR_STORAGE_FORMAT_NONE) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown driver format value '%s'", type);
        return -1;
    }
    disk->format = val;
    return 0;
}

#define VR_DISK_ENUM(node, name, table, field) \
    do { \
        int v_ = (field); \
        if (vrXMLPropEnum((node), (name), table##FromString, \
                          VR_XML_PROP_NONZERO, &v_) < 0) \
            return -1; \
        (field) = v_; \
    } while (0)

static int
vrDiskParseDriver(xmlNode *driver, vrDomainDiskDef *disk)
{
    disk->driver_name = vrXMLProp(driver, "name");
    if (vrDiskParseFormat(driver, disk) < 0)
        return -1;
    VR_DISK_ENUM(driver, "cache", vrDiskCache, disk->cache);
    VR_DISK_ENUM(driver, "error_policy", vrDiskErrorPolicy, disk->error_policy);
    VR_DISK_ENUM(driver, "rerror_policy", vrDiskErrorPolicy, disk->rerror_policy);
    VR_DISK_ENUM(driver, "io", vrDiskIo, disk->io);
    VR_DISK_ENUM(driver, "ioeventfd", vrTristateSwitch, disk->ioeventfd);
    VR_DISK_ENUM(driver, "event_idx", vrTristateSwitch, disk->event_idx);
    VR_DISK_ENUM(driver, "copy_on_read", vrTristateSwitch, disk->copy_on_read);
    VR_DISK_ENUM(driver, "discard", vrDiskDiscard, disk->discard);
    if (vrXMLPropUInt(driver, "iothread", 10, VR_XML_PROP_NONZERO,
                      &disk->iothread) < 0)
        return -1;
    VR_DISK_ENUM(driver, "detect_zeroes", vrDiskDetectZeroes, disk->detect_zeroes);
    if (vrXMLPropUInt(driver, "queues", 10, VR_XML_PROP_NONZERO,
                      &disk->queues) < 0)
        return -1;
    return 0;
}

static int
vrDiskParseSource(xmlNode *source, vrDomainDiskDef *disk)
{
    static const char *const attrs[VR_DISK_TYPE_LAST] = {
        [VR_DISK_TYPE_FILE] = "file",
        [VR_DISK_TYPE_BLOCK] = "dev",
        [VR_DISK_TYPE_DIR] = "dir",
    };

    disk->src = vrXMLProp(source, attrs[disk->type]);
    if (disk->src && !*disk->src)
        g_clear_pointer(&disk->src, g_free);
    VR_DISK_ENUM(source, "startupPolicy", vrDiskStartupPolicy,
                 disk->startup_policy);
    return 0;
}

static int
vrDiskParseTarget(xmlNode *target, vrDomainDiskDef *disk)
{
    disk->dst = vrXMLProp(target, "dev");
    VR_DISK_ENUM(target, "bus", vrDiskBus, disk->bus);
    {
        int tray = disk->tray;

        if (vrXMLPropEnum(target, "tray", vrDiskTrayFromString, 0, &tray) < 0)
            return -1;
        disk->tray = tray;
    }
    VR_DISK_ENUM(target, "removable", vrTristateSwitch, disk->removable);
    if (vrXMLPropUInt(target, "rotation_rate", 10, 0, &disk->rotation_rate) < 0)
        return -1;
    return 0;
}

static int
vrDiskParseTypeDevice(xmlNode *node, vrDomainDiskDef *disk)
{
    int type = VR_DISK_TYPE_FILE;
    int device = VR_DISK_DEVICE_DISK;

    if (vrXMLPropEnum(node, "type", vrDiskTypeFromString,
                      VR_XML_PROP_NONZERO, &type) < 0 ||
        vrXMLPropEnum(node, "device", vrDiskDeviceFromString,
                      VR_XML_PROP_NONE, &device) < 0)
        return -1;
    if (type != VR_DISK_TYPE_FILE && type != VR_DISK_TYPE_BLOCK &&
        type != VR_DISK_TYPE_DIR) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "disk type '%s' is not supported", vrDiskTypeToString(type));
        return -1;
    }
    disk->type = type;
    disk->device = device;
    return 0;
}

static int
vrDiskParseChildren(xmlNode *node, vrDomainDiskDef *disk)
{
    xmlNode *child;

    if ((child = vrXMLChild(node, "source")) && vrDiskParseSource(child, disk) < 0)
        return -1;
    if ((child = vrXMLChild(node, "driver")) && vrDiskParseDriver(child, disk) < 0)
        return -1;
    if ((child = vrXMLChild(node, "target")) && vrDiskParseTarget(child, disk) < 0)
        return -1;
    disk->readonly = vrXMLChild(node, "readonly") != NULL;
    disk->shareable = vrXMLChild(node, "shareable") != NULL;
    disk->transient = vrXMLChild(node, "transient") != NULL;
    disk->serial = vrXMLChildText(node, "serial");
    disk->wwn = vrXMLChildText(node, "wwn");
    disk->vendor = vrXMLChildText(node, "vendor");
    disk->product = vrXMLChildText(node, "product");
    return 0;
}

static bool
vrWWNIsValid(const char *wwn)
{
    const char *p = wwn;
    size_t n = 0;

    if (g_str_has_prefix(p, "0x"))
        p += 2;
    for (; *p; p++, n++) {
        if (!g_ascii_isxdigit(*p))
            return false;
    }
    return n == VR_WWN_HEX_DIGITS;
}

/* wwn, vendor and product. */
static int
vrDiskCheckIdentity(const vrDomainDiskDef *disk)
{
    if (disk->wwn && !vrWWNIsValid(disk->wwn)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Malformed wwn: %s", disk->wwn);
        return -1;
    }
    if (disk->vendor && strlen(disk->vendor) > VR_DISK_VENDOR_MAX) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "disk vendor is more than %d characters", VR_DISK_VENDOR_MAX);
        return -1;
    }
    if (disk->product && strlen(disk->product) > VR_DISK_PRODUCT_MAX) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "disk product is more than %d characters", VR_DISK_PRODUCT_MAX);
        return -1;
    }
    return 0;
}

vrDomainDiskDef *
vrDomainDiskDefParse(xmlNode *node, const vrDomainDef *def,
                     unsigned int parse_flags)
{
    g_autoptr(vrDomainDiskDef) disk = g_new0(vrDomainDiskDef, 1);

    if (vrDiskParseTypeDevice(node, disk) < 0 ||
        vrDiskParseChildren(node, disk) < 0)
        return NULL;
    /* A drive without a <source> element is recorded as a file drive. */
    if (!vrXMLChild(node, "source"))
        disk->type = VR_DISK_TYPE_FILE;
    if (disk->serial && !*disk->serial)
        g_clear_pointer(&disk->serial, g_free);
    if (vrDeviceInfoParse(node, parse_flags, &disk->info) < 0)
        return NULL;
    return g_steal_pointer(&disk);
}

void
vrDomainDiskInsert(GPtrArray *disks, vrDomainDiskDef *disk)
{
    int new_idx = vrDiskNameToIndex(disk->dst);
    int insert_at = -1;
    int i;

    /* A disk without a usable name goes last (observed libvirt order). */
    if (new_idx < 0) {
        g_ptr_array_add(disks, disk);
        return;
    }
    /* Walk back over disks on the same bus: go before any with a higher
     * index, else right after the last one. */
    for (i = (int)disks->len - 1; i >= 0; i--) {
        const vrDomainDiskDef *cur = g_ptr_array_index(disks, i);

        if (cur->bus != disk->bus)
            continue;
        if (vrDiskNameToIndex(cur->dst) > new_idx)
            insert_at = i;
        else if (insert_at == -1)
            insert_at = i + 1;
    }
    if (insert_at == -1)
        g_ptr_array_add(disks, disk);
    else
        g_ptr_array_insert(disks, insert_at, disk);
}

/* --- defaults and validation -------------------------------------------- */

static vrDiskBus
vrDiskDefaultBus(const vrDomainDiskDef *disk)
{
    int prefix;

    if (disk->device == VR_DISK_DEVICE_FLOPPY)
        return VR_DISK_BUS_FDC;
    if ((prefix = vrDiskPrefixIndex(disk->dst)) >= 0 &&
        vrDiskPrefixes[prefix].bus != VR_DISK_BUS_FDC)
        return vrDiskPrefixes[prefix].bus;
    return VR_DISK_BUS_IDE;
}

static int
vrDiskAssignAddress(vrDomainDiskDef *disk)
{
    int idx = vrDiskNameToIndex(disk->dst);
    unsigned int *ctl = &disk->info.addr.drive.controller;
    unsigned int *bus = &disk->info.addr.drive.bus;
    unsigned int *unit = &disk->info.addr.drive.unit;

    if (idx < 0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Unknown disk name '%s' and no address specified",
                      disk->dst);
        return -1;
    }
    switch (disk->bus) {
    case VR_DISK_BUS_IDE:
        *ctl = idx / (VR_IDE_BUSES * VR_IDE_UNITS_PER_BUS);
        *bus = (idx % (VR_IDE_BUSES * VR_IDE_UNITS_PER_BUS)) / VR_IDE_UNITS_PER_BUS;
        *unit = idx % VR_IDE_UNITS_PER_BUS;
        break;
    case VR_DISK_BUS_FDC:
        *ctl = idx / VR_FDC_UNITS;
        *unit = idx % VR_FDC_UNITS;
        break;
    case VR_DISK_BUS_SCSI:
        *ctl = idx / VR_SCSI_UNITS;
        *unit = idx % VR_SCSI_UNITS;
        break;
    case VR_DISK_BUS_SATA:
        *ctl = idx / VR_SATA_UNITS;
        *unit = idx % VR_SATA_UNITS;
        break;
    default:
        return 0;
    }
    disk->info.type = VR_DEVICE_ADDRESS_DRIVE;
    return 0;
}

int
vrDomainDiskDefPostParse(vrDomainDiskDef *disk, const vrDomainDef *def)
{
    /* A disk without a target is reported when validating. */
    if (!disk->dst)
        return 0;
    if (disk->bus == VR_DISK_BUS_NONE)
        disk->bus = vrDiskDefaultBus(disk);
    if (disk->device == VR_DISK_DEVICE_CDROM)
        disk->readonly = true;
    if (disk->info.type == VR_DEVICE_ADDRESS_NONE &&
        vrDiskAssignAddress(disk) < 0)
        return -1;
    return 0;
}

static bool
vrDiskBusNeedsDrive(vrDiskBus bus)
{
    return bus == VR_DISK_BUS_IDE || bus == VR_DISK_BUS_FDC ||
           bus == VR_DISK_BUS_SCSI || bus == VR_DISK_BUS_SATA;
}

static int
vrDomainDiskValidateNames(const vrDomainDiskDef *disk)
{
    if (disk->device == VR_DISK_DEVICE_FLOPPY) {
        if (disk->bus != VR_DISK_BUS_FDC) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "Invalid bus type '%s' for floppy disk",
                          vrDiskBusToString(disk->bus));
            return -1;
        }
        if (!g_str_has_prefix(disk->dst, "fd")) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "Invalid floppy device name: %s", disk->dst);
            return -1;
        }
        return 0;
    }
    if (disk->bus == VR_DISK_BUS_FDC) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Invalid bus type '%s' for disk",
                      vrDiskBusToString(disk->bus));
        return -1;
    }
    /* Only the prefix is checked here ("vde " passes, as in libvirt). */
    if (g_str_has_prefix(disk->dst, "fd") || vrDiskPrefixIndex(disk->dst) < 0) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Invalid harddisk device name: %s",
                      disk->dst);
        return -1;
    }
    return 0;
}

static int
vrDomainDiskValidateDriver(const vrDomainDiskDef *disk)
{
    if (disk->rerror_policy == VR_DISK_ERROR_POLICY_ENOSPACE) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "Invalid disk read error policy: '%s'",
                      vrDiskErrorPolicyToString(disk->rerror_policy));
        return -1;
    }
    if (disk->ioeventfd && disk->bus != VR_DISK_BUS_VIRTIO) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "disk ioeventfd mode supported only for virtio bus");
        return -1;
    }
    if (disk->event_idx && disk->bus != VR_DISK_BUS_VIRTIO) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "disk event_idx mode supported only for virtio bus");
        return -1;
    }
    return 0;
}

/* In libvirt's order: the missing target first, the missing source last. */
int
vrDomainDiskDefValidate(const vrDomainDiskDef *disk)
{
    if (!disk->dst) {
        if (disk->src)
            vrReportError(VIR_ERR_NO_TARGET, "%s", disk->src);
        else
            vrReportErrorBare(VIR_ERR_NO_TARGET);
        return -1;
    }
    if (disk->device == VR_DISK_DEVICE_LUN && disk->type != VR_DISK_TYPE_BLOCK) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "disk device='lun' is only valid for block type disk source");
        return -1;
    }
    if (vrDomainDiskValidateDriver(disk) < 0)
        return -1;
    if (disk->tray == VR_DISK_TRAY_OPEN && disk->device != VR_DISK_DEVICE_CDROM &&
        disk->device != VR_DISK_DEVICE_FLOPPY) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "tray is only valid for cdrom and floppy");
        return -1;
    }
    if (disk->removable && disk->bus != VR_DISK_BUS_USB) {
        vrReportError(VIR_ERR_XML_ERROR, "removable is only valid for usb disks");
        return -1;
    }
    if (vrDiskBusNeedsDrive(disk->bus) &&
        disk->info.type != VR_DEVICE_ADDRESS_DRIVE) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "Invalid address type '%s' for the disk '%s' with the bus type '%s'",
                      vrDeviceAddressTypeToString(disk->info.type), disk->dst,
                      vrDiskBusToString(disk->bus));
        return -1;
    }
    if (vrDomainDiskValidateNames(disk) < 0 ||
        vrDiskCheckIdentity(disk) < 0)
        return -1;
    if (!disk->src && disk->device == VR_DISK_DEVICE_DISK) {
        vrReportError(VIR_ERR_NO_SOURCE, "%s", disk->dst);
        return -1;
    }
    return 0;
}

/* --- format ------------------------------------------------------------- */

#define VR_DISK_ATTR_ENUM(buf, name, table, val) \
    do { \
        if (val) \
            vrBufAttr((buf), (name), table##ToString(val)); \
    } while (0)

static void
vrDiskFormatDriver(GString *buf, const vrDomainDiskDef *disk)
{
    g_autoptr(GString) attrs = g_string_new(NULL);

    vrBufAttr(attrs, "name", disk->driver_name);
    VR_DISK_ATTR_ENUM(attrs, "type", vrStorageFormat, disk->format);
    VR_DISK_ATTR_ENUM(attrs, "cache", vrDiskCache, disk->cache);
    VR_DISK_ATTR_ENUM(attrs, "error_policy", vrDiskErrorPolicy, disk->error_policy);
    VR_DISK_ATTR_ENUM(attrs, "rerror_policy", vrDiskErrorPolicy, disk->rerror_policy);
    VR_DISK_ATTR_ENUM(attrs, "io", vrDiskIo, disk->io);
    VR_DISK_ATTR_ENUM(attrs, "ioeventfd", vrTristateSwitch, disk->ioeventfd);
    VR_DISK_ATTR_ENUM(attrs, "event_idx", vrTristateSwitch, disk->event_idx);
    VR_DISK_ATTR_ENUM(attrs, "copy_on_read", vrTristateSwitch, disk->copy_on_read);
    VR_DISK_ATTR_ENUM(attrs, "discard", vrDiskDiscard, disk->discard);
    if (disk->iothread)
        vrBufPrintf(attrs, " iothread='%u'", disk->iothread);
    VR_DISK_ATTR_ENUM(attrs, "detect_zeroes", vrDiskDetectZeroes, disk->detect_zeroes);
    if (disk->queues)
        vrBufPrintf(attrs, " queues='%u'", disk->queues);
    if (!attrs->len)
        return;
    g_string_append(buf, "      <driver");
    g_string_append_len(buf, attrs->str, attrs->len);
    g_string_append(buf, "/>\n");
}

static void
vrDiskFormatSourceTarget(GString *buf, const vrDomainDiskDef *disk)
{
    static const char *const attrs[VR_DISK_TYPE_LAST] = {
        [VR_DISK_TYPE_FILE] = "file",
        [VR_DISK_TYPE_BLOCK] = "dev",
        [VR_DISK_TYPE_DIR] = "dir",
    };

    if (disk->src || disk->startup_policy) {
        g_string_append(buf, "      <source");
        vrBufAttr(buf, attrs[disk->type], disk->src);
        VR_DISK_ATTR_ENUM(buf, "startupPolicy", vrDiskStartupPolicy,
                          disk->startup_policy);
        g_string_append(buf, "/>\n");
    }
    g_string_append(buf, "      <target");
    vrBufAttr(buf, "dev", disk->dst);
    vrBufAttr(buf, "bus", vrDiskBusToString(disk->bus));
    if (disk->tray == VR_DISK_TRAY_OPEN &&
        (disk->device == VR_DISK_DEVICE_CDROM ||
         disk->device == VR_DISK_DEVICE_FLOPPY))
        vrBufAttr(buf, "tray", vrDiskTrayToString(disk->tray));
    VR_DISK_ATTR_ENUM(buf, "removable", vrTristateSwitch, disk->removable);
    if (disk->rotation_rate)
        vrBufPrintf(buf, " rotation_rate='%u'", disk->rotation_rate);
    g_string_append(buf, "/>\n");
}

void
vrDomainDiskDefFormat(GString *buf, const vrDomainDiskDef *disk)
{
    vrBufPrintf(buf, "    <disk type='%s' device='%s'>\n",
                           vrDiskTypeToString(disk->type),
                           vrDiskDeviceToString(disk->device));
    vrDiskFormatDriver(buf, disk);
    vrDiskFormatSourceTarget(buf, disk);
    if (disk->readonly)
        g_string_append(buf, "      <readonly/>\n");
    if (disk->shareable)
        g_string_append(buf, "      <shareable/>\n");
    if (disk->transient)
        g_string_append(buf, "      <transient/>\n");
    vrBufElementText(buf, 3, "serial", disk->serial);
    vrBufElementText(buf, 3, "wwn", disk->wwn);
    vrBufElementText(buf, 3, "vendor", disk->vendor);
    vrBufElementText(buf, 3, "product", disk->product);
    vrDeviceInfoFormat(buf, 3, &disk->info);
    g_string_append(buf, "    </disk>\n");
}
