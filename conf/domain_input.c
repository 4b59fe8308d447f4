/* <input>: mouse, tablet, keyboard, passthrough and evdev devices, with
 * the bus defaults and checks libvirt applies per OS type. */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

void
vrDomainInputDefFree(vrDomainInputDef *input)
{
    if (!input)
        return;
    g_free(input->source);
    vrDeviceInfoClear(&input->info);
    g_free(input);
}

vrDomainInputDef *
vrDomainInputDefCopy(const vrDomainInputDef *input)
{
    vrDomainInputDef *copy = g_new0(vrDomainInputDef, 1);

    *copy = *input;
    copy->source = g_strdup(input->source);
    vrDeviceInfoCopy(&copy->info, &input->info);
    return copy;
}

static int
vrInputDefaultBus(vrDomainInputDef *input, const vrDomainDef *def, int ostype)
{
    if (input->type == VR_INPUT_TYPE_EVDEV) {
        input->bus = VR_INPUT_BUS_NONE;
    } else if (input->type == VR_INPUT_TYPE_PASSTHROUGH) {
        input->bus = VR_INPUT_BUS_VIRTIO;
    } else if (ostype == VR_DOMAIN_OSTYPE_HVM) {
        input->bus = input->type == VR_INPUT_TYPE_TABLET ?
                     VR_INPUT_BUS_USB : VR_INPUT_BUS_PS2;
    } else if (ostype == VR_DOMAIN_OSTYPE_XEN || ostype == VR_DOMAIN_OSTYPE_XENPVH) {
        input->bus = VR_INPUT_BUS_XEN;
    } else if (def->virt_type == VR_DOMAIN_VIRT_PARALLELS ||
               def->virt_type == VR_DOMAIN_VIRT_VZ) {
        input->bus = VR_INPUT_BUS_PARALLELS;
    } else {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "Input devices are not supported by this virtualization driver.");
        return -1;
    }
    return 0;
}

int
vrDomainInputDefValidate(const vrDomainInputDef *input, const vrDomainDef *def)
{
    int ostype = vrDomainOSTypeFromString(def->os_type);
    const char *type = vrInputTypeToString(input->type);
    const char *bus = vrInputBusToString(input->bus);

    if (input->bus == VR_INPUT_BUS_USB &&
        input->info.type != VR_DEVICE_ADDRESS_NONE &&
        input->info.type != VR_DEVICE_ADDRESS_USB) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid address for a USB device");
        return -1;
    }
    if (ostype == VR_DOMAIN_OSTYPE_HVM) {
        if (input->bus == VR_INPUT_BUS_PS2 && input->type != VR_INPUT_TYPE_MOUSE &&
            input->type != VR_INPUT_TYPE_KBD) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "ps2 bus does not support %s input device", type);
            return -1;
        }
        if (input->bus == VR_INPUT_BUS_XEN) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "unsupported input bus %s", bus);
            return -1;
        }
    } else if (ostype == VR_DOMAIN_OSTYPE_XEN || ostype == VR_DOMAIN_OSTYPE_XENPVH) {
        if (input->bus != VR_INPUT_BUS_XEN) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "unsupported input bus %s", bus);
            return -1;
        }
        if (input->type != VR_INPUT_TYPE_MOUSE && input->type != VR_INPUT_TYPE_KBD) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "xen bus does not support %s input device", type);
            return -1;
        }
    }
    return 0;
}

/* The optional <source> of passthrough (evdev='') and evdev (dev='')
 * inputs; present, it must name the device. */
static int
vrInputParseSource(xmlNode *node, vrDomainInputDef *input)
{
    xmlNode *source = vrXMLChild(node, "source");
    int repeat = VR_TRISTATE_ABSENT;

    if (!source || (input->type != VR_INPUT_TYPE_PASSTHROUGH &&
                    input->type != VR_INPUT_TYPE_EVDEV))
        return 0;
    input->source = vrXMLProp(source, input->type == VR_INPUT_TYPE_EVDEV ?
                              "dev" : "evdev");
    if (!input->source) {
        vrReportError(VIR_ERR_XML_ERROR, "Missing evdev path for input device");
        return -1;
    }
    if (input->type == VR_INPUT_TYPE_EVDEV) {
        int grab = 0, toggle = 0;

        if (vrXMLPropEnum(source, "grab", vrInputGrabFromString,
                          VR_XML_PROP_NONZERO, &grab) < 0 ||
            vrXMLPropEnum(source, "grabToggle", vrInputGrabToggleFromString,
                          VR_XML_PROP_NONZERO, &toggle) < 0 ||
            vrXMLPropEnum(source, "repeat", vrTristateSwitchFromString,
                          VR_XML_PROP_NONZERO, &repeat) < 0)
            return -1;
        input->grab = grab;
        input->grab_toggle = toggle;
        input->repeat = repeat;
    }
    return 0;
}

vrDomainInputDef *
vrDomainInputDefParse(xmlNode *node, const vrDomainDef *def,
                      unsigned int parse_flags)
{
    g_autoptr(vrDomainInputDef) input = g_new0(vrDomainInputDef, 1);
    g_autofree char *type = vrXMLProp(node, "type");
    g_autofree char *bus = vrXMLProp(node, "bus");
    int ostype = vrDomainOSTypeFromString(def->os_type);
    int val;

    if (!type) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "missing input device type");
        return NULL;
    }
    if ((val = vrInputTypeFromString(type)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown input device type '%s'", type);
        return NULL;
    }
    input->type = val;
    if (bus) {
        if ((val = vrInputBusFromString(bus)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "unknown input bus type '%s'", bus);
            return NULL;
        }
        input->bus = val;
    } else if (vrInputDefaultBus(input, def, ostype) < 0) {
        return NULL;
    }
    if (vrInputParseSource(node, input) < 0 ||
        vrDeviceInfoParse(node, parse_flags, &input->info) < 0)
        return NULL;

    input->info.boot_order = 0;
    return g_steal_pointer(&input);
}

void
vrDomainInputDefFormat(GString *buf, const vrDomainInputDef *input)
{
    vrBufPrintf(buf, "    <input type='%s'",
                           vrInputTypeToString(input->type));
    if (input->bus != VR_INPUT_BUS_NONE)
        vrBufPrintf(buf, " bus='%s'", vrInputBusToString(input->bus));
    if (!input->source && vrDeviceInfoIsEmpty(&input->info)) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    if (input->type == VR_INPUT_TYPE_PASSTHROUGH) {
        g_string_append(buf, "      <source");
        vrBufAttr(buf, "evdev", input->source);
        g_string_append(buf, "/>\n");
    } else if (input->source) {
        g_string_append(buf, "      <source");
        vrBufAttr(buf, "dev", input->source);
        if (input->grab)
            vrBufAttr(buf, "grab", vrInputGrabToString(input->grab));
        if (input->grab_toggle)
            vrBufAttr(buf, "grabToggle", vrInputGrabToggleToString(input->grab_toggle));
        if (input->repeat)
            vrBufAttr(buf, "repeat", vrTristateSwitchToString(input->repeat));
        g_string_append(buf, "/>\n");
    }
    vrDeviceInfoFormat(buf, 3, &input->info);
    g_string_append(buf, "    </input>\n");
}
