/* <controller>: parse, libvirt's insertion order (by type, then index,
 * masters before their USB companions), format. */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

/* Indexes in vrControllerModelUSB's table. */
#define VR_USB_MODEL_ICH9_UHCI1 4
#define VR_USB_MODEL_ICH9_UHCI3 6
#define VR_USB_ICH9_PORTS_PER_UHCI 2

typedef int (*vrModelFromStringFunc)(const char *str);
typedef const char *(*vrModelToStringFunc)(int value);

static const struct {
    vrModelFromStringFunc from;
    vrModelToStringFunc to;
} vrControllerModels[VR_CONTROLLER_TYPE_LAST] = {
    [VR_CONTROLLER_TYPE_IDE] = { vrControllerModelIDEFromString,
                                 vrControllerModelIDEToString },
    [VR_CONTROLLER_TYPE_FDC] = { vrControllerModelISAFromString,
                                 vrControllerModelISAToString },
    [VR_CONTROLLER_TYPE_SCSI] = { vrControllerModelSCSIFromString,
                                  vrControllerModelSCSIToString },
    [VR_CONTROLLER_TYPE_SATA] = { vrControllerModelISAFromString,
                                  vrControllerModelISAToString },
    [VR_CONTROLLER_TYPE_VIRTIO_SERIAL] = { vrControllerModelVirtioSerialFromString,
                                           vrControllerModelVirtioSerialToString },
    [VR_CONTROLLER_TYPE_CCID] = { vrControllerModelISAFromString,
                                  vrControllerModelISAToString },
    [VR_CONTROLLER_TYPE_USB] = { vrControllerModelUSBFromString,
                                 vrControllerModelUSBToString },
    [VR_CONTROLLER_TYPE_PCI] = { vrControllerModelPCIFromString,
                                 vrControllerModelPCIToString },
    [VR_CONTROLLER_TYPE_XENBUS] = { vrControllerModelISAFromString,
                                    vrControllerModelISAToString },
    [VR_CONTROLLER_TYPE_ISA] = { vrControllerModelISAFromString,
                                 vrControllerModelISAToString },
};

vrDomainControllerDef *
vrDomainControllerDefNew(vrControllerType type, int idx)
{
    vrDomainControllerDef *cont = g_new0(vrDomainControllerDef, 1);

    cont->type = type;
    cont->idx = idx;
    cont->model = -1;
    cont->ports = -1;
    cont->vectors = -1;
    cont->usb_startport = -1;
    return cont;
}

void
vrDomainControllerDefFree(vrDomainControllerDef *cont)
{
    if (!cont)
        return;
    vrDeviceInfoClear(&cont->info);
    g_free(cont);
}

vrDomainControllerDef *
vrDomainControllerDefCopy(const vrDomainControllerDef *cont)
{
    vrDomainControllerDef *copy = g_new0(vrDomainControllerDef, 1);

    *copy = *cont;
    vrDeviceInfoCopy(&copy->info, &cont->info);
    return copy;
}

static int
vrControllerParseModel(xmlNode *node, vrDomainControllerDef *cont)
{
    g_autofree char *model = vrXMLProp(node, "model");

    if (!model)
        return 0;
    if ((cont->model = vrControllerModels[cont->type].from(model)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unknown model type '%s'", model);
        return -1;
    }
    return 0;
}

static int
vrControllerParseTypeAttrs(xmlNode *node, vrDomainControllerDef *cont)
{
    xmlNode *master;

    if (cont->type == VR_CONTROLLER_TYPE_VIRTIO_SERIAL &&
        (vrXMLPropInt(node, "ports", 10, VR_XML_PROP_NONNEGATIVE,
                      &cont->ports) < 0 ||
         vrXMLPropInt(node, "vectors", 10, VR_XML_PROP_NONNEGATIVE,
                      &cont->vectors) < 0))
        return -1;
    if (cont->type == VR_CONTROLLER_TYPE_USB &&
        (master = vrXMLChild(node, "master"))) {
        unsigned int start = 0;

        if (vrXMLPropUInt(master, "startport", 10, VR_XML_PROP_NONE, &start) < 0)
            return -1;
        cont->usb_startport = (int)start;
    }
    /* ICH9 UHCI companions of an EHCI get their usual start ports. */
    if (cont->type == VR_CONTROLLER_TYPE_USB && cont->usb_startport < 0 &&
        cont->model >= VR_USB_MODEL_ICH9_UHCI1 && cont->model <= VR_USB_MODEL_ICH9_UHCI3)
        cont->usb_startport = (cont->model - VR_USB_MODEL_ICH9_UHCI1) *
                              VR_USB_ICH9_PORTS_PER_UHCI;
    return 0;
}

vrDomainControllerDef *
vrDomainControllerDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainControllerDef) cont = NULL;
    int type = VR_CONTROLLER_TYPE_IDE;
    int idx = -1;

    if (vrXMLPropEnum(node, "type", vrControllerTypeFromString,
                      VR_XML_PROP_NONE, &type) < 0)
        return NULL;
    cont = vrDomainControllerDefNew(type, -1);
    if (vrControllerParseModel(node, cont) < 0)
        return NULL;
    if (vrXMLPropInt(node, "index", 10, VR_XML_PROP_NONNEGATIVE, &idx) < 0)
        return NULL;
    cont->idx = idx;
    if (vrControllerParseTypeAttrs(node, cont) < 0 ||
        vrDeviceInfoParse(node, parse_flags, &cont->info) < 0)
        return NULL;
    cont->info.boot_order = 0;
    return g_steal_pointer(&cont);
}

void
vrDomainControllerInsert(GPtrArray *controllers, vrDomainControllerDef *cont)
{
    int insert_at = -1;
    int i;

    /* libvirt's rule: among controllers of the same type, go before the
     * first with a higher index (or before a USB companion of the same
     * index when this one is the master); an unindexed controller goes
     * right after the last of its type. */
    for (i = (int)controllers->len - 1; i >= 0; i--) {
        const vrDomainControllerDef *cur = g_ptr_array_index(controllers, i);

        if (cur->type != cont->type)
            continue;
        if (cont->idx == -1) {
            insert_at = i + 1;
            break;
        }
        if (cur->idx > cont->idx)
            insert_at = i;
        else if (cont->usb_startport < 0 && cur->usb_startport >= 0 &&
                 cur->idx == cont->idx)
            insert_at = i;
        else if (insert_at == -1)
            insert_at = i + 1;
    }
    if (insert_at == -1)
        g_ptr_array_add(controllers, cont);
    else
        g_ptr_array_insert(controllers, insert_at, cont);
}

void
vrDomainControllerDefFormat(GString *buf, const vrDomainControllerDef *cont)
{
    bool children = cont->info.alias || cont->usb_startport >= 0 ||
                    cont->info.type != VR_DEVICE_ADDRESS_NONE;

    vrBufPrintf(buf, "    <controller type='%s' index='%d'",
                           vrControllerTypeToString(cont->type), cont->idx);
    if (cont->model >= 0)
        vrBufAttr(buf, "model", vrControllerModels[cont->type].to(cont->model));
    if (cont->ports >= 0)
        vrBufPrintf(buf, " ports='%d'", cont->ports);
    if (cont->vectors >= 0)
        vrBufPrintf(buf, " vectors='%d'", cont->vectors);
    if (!children) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    vrDeviceInfoFormatAlias(buf, 3, &cont->info);
    if (cont->usb_startport >= 0)
        vrBufPrintf(buf, "      <master startport='%d'/>\n",
                               cont->usb_startport);
    vrDeviceAddressFormat(buf, 3, &cont->info);
    g_string_append(buf, "    </controller>\n");
}
