/* What every device carries: <boot order>, <alias name> and <address>
 * (pci, drive, virtio-serial, ccid, usb, isa, ccw, spapr-vio, virtio-mmio)
 * with libvirt's parsing rules and messages. */
#include <string.h>

#include "conf/domain_device.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_PCI_BUS_MAX 0xFF
#define VR_PCI_SLOT_MAX 0x1F
#define VR_PCI_FUNCTION_MAX 7
#define VR_USER_ALIAS_PREFIX "ua-"

void
vrDeviceInfoClear(vrDeviceInfo *info)
{
    g_free(info->alias);
    memset(info, 0, sizeof(*info));
}

void
vrDeviceInfoCopy(vrDeviceInfo *dst, const vrDeviceInfo *src)
{
    *dst = *src;
    dst->alias = g_strdup(src->alias);
}

bool
vrDeviceInfoIsEmpty(const vrDeviceInfo *info)
{
    return !info->boot_order && !info->alias &&
           info->type == VR_DEVICE_ADDRESS_NONE;
}

static int
vrPCIAddressParse(xmlNode *node, vrDeviceInfo *info)
{
    int multi = VR_TRISTATE_ABSENT;

    if (vrXMLPropUInt(node, "domain", 0, 0, &info->addr.pci.domain) < 0 ||
        vrXMLPropUInt(node, "bus", 0, 0, &info->addr.pci.bus) < 0 ||
        vrXMLPropUInt(node, "slot", 0, 0, &info->addr.pci.slot) < 0 ||
        vrXMLPropUInt(node, "function", 0, 0, &info->addr.pci.function) < 0 ||
        vrXMLPropEnum(node, "multifunction", vrTristateSwitchFromString,
                      VR_XML_PROP_NONZERO, &multi) < 0)
        return -1;
    info->addr.pci.multi = multi;
    /* An address with domain, bus and slot all 0 means "unassigned" and
     * is not range-checked (libvirt's virPCIDeviceAddressIsEmpty). */
    if (!info->addr.pci.domain && !info->addr.pci.bus && !info->addr.pci.slot)
        return 0;
    if (info->addr.pci.bus > VR_PCI_BUS_MAX) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid PCI address bus='0x%x', must be <= 0x%X",
                      info->addr.pci.bus, VR_PCI_BUS_MAX);
        return -1;
    }
    if (info->addr.pci.slot > VR_PCI_SLOT_MAX) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid PCI address slot='0x%x', must be <= 0x%X",
                      info->addr.pci.slot, VR_PCI_SLOT_MAX);
        return -1;
    }
    if (info->addr.pci.function > VR_PCI_FUNCTION_MAX) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid PCI address function=0x%x, must be <= %d",
                      info->addr.pci.function, VR_PCI_FUNCTION_MAX);
        return -1;
    }
    return 0;
}

static int
vrUSBAddressParse(xmlNode *node, vrDeviceInfo *info)
{
    g_autofree char *port = vrXMLProp(node, "port");

    if (vrXMLPropUInt(node, "bus", 10, 0, &info->addr.usb.bus) < 0)
        return -1;
    if (port && *port) {
        g_auto(GStrv) parts = g_strsplit(port, ".", -1);
        guint i;

        for (i = 0; parts[i]; i++) {
            if (i >= VR_DOMAIN_USB_PORT_DEPTH ||
                vrStrToUInt(parts[i], 10, &info->addr.usb.port[i]) < 0) {
                vrReportError(VIR_ERR_INTERNAL_ERROR,
                              "Cannot parse <address> 'port' attribute");
                return -1;
            }
        }
    }
    return 0;
}

static int
vrCCWAddressParse(xmlNode *node, vrDeviceInfo *info)
{
    int rc1, rc2, rc3;

    if ((rc1 = vrXMLPropUInt(node, "cssid", 16, 0, &info->addr.ccw.cssid)) < 0 ||
        (rc2 = vrXMLPropUInt(node, "ssid", 16, 0, &info->addr.ccw.ssid)) < 0 ||
        (rc3 = vrXMLPropUInt(node, "devno", 16, 0, &info->addr.ccw.devno)) < 0)
        return -1;
    info->addr.ccw.assigned = rc1 > 0 && rc2 > 0 && rc3 > 0;
    if (!info->addr.ccw.assigned && (rc1 > 0 || rc2 > 0 || rc3 > 0)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "Invalid partial specification for virtio ccw address");
        return -1;
    }
    return 0;
}

static int
vrDeviceAddressParseType(xmlNode *node, vrDeviceInfo *info)
{
    int rc;

    switch (info->type) {
    case VR_DEVICE_ADDRESS_PCI:
        return vrPCIAddressParse(node, info);
    case VR_DEVICE_ADDRESS_DRIVE:
        if (vrXMLPropUInt(node, "controller", 10, 0, &info->addr.drive.controller) < 0 ||
            vrXMLPropUInt(node, "bus", 10, 0, &info->addr.drive.bus) < 0 ||
            vrXMLPropUInt(node, "target", 10, 0, &info->addr.drive.target) < 0 ||
            vrXMLPropUInt(node, "unit", 10, 0, &info->addr.drive.unit) < 0)
            return -1;
        return 0;
    case VR_DEVICE_ADDRESS_VIRTIO_SERIAL:
        if (vrXMLPropUInt(node, "controller", 10, 0, &info->addr.vioserial.controller) < 0 ||
            vrXMLPropUInt(node, "bus", 10, 0, &info->addr.vioserial.bus) < 0 ||
            vrXMLPropUInt(node, "port", 10, 0, &info->addr.vioserial.port) < 0)
            return -1;
        return 0;
    case VR_DEVICE_ADDRESS_CCID:
        if (vrXMLPropUInt(node, "controller", 10, 0, &info->addr.ccid.controller) < 0 ||
            vrXMLPropUInt(node, "slot", 10, 0, &info->addr.ccid.slot) < 0)
            return -1;
        return 0;
    case VR_DEVICE_ADDRESS_USB:
        return vrUSBAddressParse(node, info);
    case VR_DEVICE_ADDRESS_ISA:
        if (vrXMLPropUInt(node, "iobase", 16, 0, &info->addr.isa.iobase) < 0 ||
            vrXMLPropUInt(node, "irq", 16, 0, &info->addr.isa.irq) < 0)
            return -1;
        return 0;
    case VR_DEVICE_ADDRESS_CCW:
        return vrCCWAddressParse(node, info);
    case VR_DEVICE_ADDRESS_SPAPRVIO:
        if ((rc = vrXMLPropULongLong(node, "reg", 16, 0,
                                     &info->addr.spaprvio.reg)) < 0)
            return -1;
        info->addr.spaprvio.has_reg = rc > 0;
        return 0;
    case VR_DEVICE_ADDRESS_VIRTIO_MMIO:
        return 0;
    case VR_DEVICE_ADDRESS_UNASSIGNED:
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "address of type 'unassigned' is supported only for hostdevs");
        return -1;
    default:
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "address type '%s' is not supported",
                      vrDeviceAddressTypeToString(info->type));
        return -1;
    }
}

static int
vrDeviceAddressParse(xmlNode *node, vrDeviceInfo *info)
{
    g_autofree char *type = vrXMLProp(node, "type");
    int val;

    if (!type) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "No type specified for device address");
        return -1;
    }
    if ((val = vrDeviceAddressTypeFromString(type)) <= VR_DEVICE_ADDRESS_NONE) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown address type '%s'", type);
        return -1;
    }
    info->type = val;
    return vrDeviceAddressParseType(node, info);
}

int
vrDeviceInfoParse(xmlNode *node, unsigned int parse_flags, vrDeviceInfo *info)
{
    xmlNode *alias = vrXMLChild(node, "alias");
    xmlNode *boot = vrXMLChild(node, "boot");
    xmlNode *address = vrXMLChild(node, "address");

    if (alias) {
        g_autofree char *name = vrXMLProp(alias, "name");

        /* Only user aliases ("ua-...") survive an inactive parse. */
        if (name && *name &&
            (!(parse_flags & VR_DOMAIN_DEF_PARSE_INACTIVE) ||
             g_str_has_prefix(name, VR_USER_ALIAS_PREFIX)))
            info->alias = g_steal_pointer(&name);
    }
    if (boot && vrXMLPropUInt(boot, "order", 10,
                              VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO,
                              &info->boot_order) < 0)
        return -1;
    if (address && vrDeviceAddressParse(address, info) < 0)
        return -1;
    return 0;
}

static void
vrDeviceAddressFormatPorts(GString *buf, const unsigned int *port)
{
    size_t i;

    if (!port[0])
        return;
    g_string_append(buf, " port='");
    for (i = 0; i < VR_DOMAIN_USB_PORT_DEPTH && port[i]; i++)
        vrBufPrintf(buf, "%s%u", i ? "." : "", port[i]);
    g_string_append_c(buf, '\'');
}

static void
vrDeviceAddressFormatBody(GString *buf, const vrDeviceInfo *info)
{
    switch (info->type) {
    case VR_DEVICE_ADDRESS_PCI:
        if (!info->addr.pci.domain && !info->addr.pci.bus && !info->addr.pci.slot)
            break;
        vrBufPrintf(buf, " domain='0x%04x' bus='0x%02x' slot='0x%02x'"
                               " function='0x%x'", info->addr.pci.domain,
                               info->addr.pci.bus, info->addr.pci.slot,
                               info->addr.pci.function);
        if (info->addr.pci.multi)
            vrBufPrintf(buf, " multifunction='%s'",
                                   vrTristateSwitchToString(info->addr.pci.multi));
        break;
    case VR_DEVICE_ADDRESS_DRIVE:
        vrBufPrintf(buf, " controller='%u' bus='%u' target='%u' unit='%u'",
                               info->addr.drive.controller, info->addr.drive.bus,
                               info->addr.drive.target, info->addr.drive.unit);
        break;
    case VR_DEVICE_ADDRESS_VIRTIO_SERIAL:
        vrBufPrintf(buf, " controller='%u' bus='%u' port='%u'",
                               info->addr.vioserial.controller,
                               info->addr.vioserial.bus, info->addr.vioserial.port);
        break;
    case VR_DEVICE_ADDRESS_CCID:
        vrBufPrintf(buf, " controller='%u' slot='%u'",
                               info->addr.ccid.controller, info->addr.ccid.slot);
        break;
    case VR_DEVICE_ADDRESS_USB:
        vrBufPrintf(buf, " bus='%u'", info->addr.usb.bus);
        vrDeviceAddressFormatPorts(buf, info->addr.usb.port);
        break;
    case VR_DEVICE_ADDRESS_ISA:
        if (info->addr.isa.iobase)
            vrBufPrintf(buf, " iobase='0x%x'", info->addr.isa.iobase);
        if (info->addr.isa.irq)
            vrBufPrintf(buf, " irq='0x%x'", info->addr.isa.irq);
        break;
    case VR_DEVICE_ADDRESS_CCW:
        if (info->addr.ccw.assigned)
            vrBufPrintf(buf, " cssid='0x%x' ssid='0x%x' devno='0x%04x'",
                                   info->addr.ccw.cssid, info->addr.ccw.ssid,
                                   info->addr.ccw.devno);
        break;
    case VR_DEVICE_ADDRESS_SPAPRVIO:
        if (info->addr.spaprvio.has_reg)
            vrBufPrintf(buf, " reg='0x%08llx'", info->addr.spaprvio.reg);
        break;
    default:
        break;
    }
}

void
vrDeviceAddressFormat(GString *buf, int level, const vrDeviceInfo *info)
{
    if (info->type == VR_DEVICE_ADDRESS_NONE)
        return;
    vrBufIndent(buf, level);
    vrBufPrintf(buf, "<address type='%s'",
                           vrDeviceAddressTypeToString(info->type));
    vrDeviceAddressFormatBody(buf, info);
    g_string_append(buf, "/>\n");
}

void
vrDeviceInfoFormatAlias(GString *buf, int level, const vrDeviceInfo *info)
{
    if (!info->alias)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, "<alias");
    vrBufAttr(buf, "name", info->alias);
    g_string_append(buf, "/>\n");
}

void
vrDeviceInfoFormat(GString *buf, int level, const vrDeviceInfo *info)
{
    if (info->boot_order) {
        vrBufIndent(buf, level);
        vrBufPrintf(buf, "<boot order='%u'/>\n", info->boot_order);
    }
    vrDeviceInfoFormatAlias(buf, level, info);
    vrDeviceAddressFormat(buf, level, info);
}
