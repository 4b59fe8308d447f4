/* <interface>: parse (user, ethernet, network, bridge, direct, null),
 * MAC addresses (parse, generate with QEMU's 52:54:00 prefix), interface
 * names, format. */
#include <string.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_MAC_PREFIX_0 0x52
#define VR_MAC_PREFIX_1 0x54
#define VR_MAC_PREFIX_2 0x00
#define VR_MAC_PART_MAX_DIGITS 2
#define VR_IFNAME_MAX_INDEX 1024
#define VR_NET_MODEL_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"

/* Names libvirt generates for running guests; dropped on an inactive
 * parse so a new one is chosen. */
static const char *const vrGeneratedIfnamePrefixes[] = {
    "vnet", "macvtap", "macvlan",
};

void
vrMacGenerate(unsigned char mac[VR_MAC_BUFLEN])
{
    unsigned char bytes[VIR_UUID_BUFLEN];

    /* The UUID byte source is the one the simulation seeds; bytes 0-2 of
     * a UUID carry no version/variant bits. */
    vrUUIDGenerate(bytes);
    mac[0] = VR_MAC_PREFIX_0;
    mac[1] = VR_MAC_PREFIX_1;
    mac[2] = VR_MAC_PREFIX_2;
    mac[3] = bytes[0];
    mac[4] = bytes[1];
    mac[5] = bytes[2];
}

int
vrMacParse(const char *str, unsigned char mac[VR_MAC_BUFLEN])
{
    unsigned char out[VR_MAC_BUFLEN];
    const char *p = str;
    size_t i;

    for (i = 0; i < VR_MAC_BUFLEN; i++) {
        unsigned int val = 0;
        size_t n = 0;

        while (n <= VR_MAC_PART_MAX_DIGITS && g_ascii_isxdigit(p[n])) {
            val = val * 16 + g_ascii_xdigit_value(p[n]);
            n++;
        }
        if (n < 1 || n > VR_MAC_PART_MAX_DIGITS)
            return -1;
        out[i] = (unsigned char)val;
        p += n;
        if (i == VR_MAC_BUFLEN - 1) {
            if ((unsigned char)*p > ' ')
                return -1;
            break;
        }
        if (*p++ != ':')
            return -1;
    }
    memcpy(mac, out, VR_MAC_BUFLEN);
    return 0;
}

void
vrMacFormat(const unsigned char mac[VR_MAC_BUFLEN],
            char out[VR_MAC_STRING_BUFLEN])
{
    char *p = out;
    size_t i;

    for (i = 0; i < VR_MAC_BUFLEN; i++) {
        if (i > 0)
            *p++ = ':';
        p = vrHexWrite(p, mac + i, 1);
    }
    *p = '\0';
}

void
vrDomainNetDefFree(vrDomainNetDef *net)
{
    if (!net)
        return;
    g_free(net->source);
    g_free(net->portgroup);
    g_free(net->ifname);
    g_free(net->model);
    vrDeviceInfoClear(&net->info);
    g_free(net);
}

vrDomainNetDef *
vrDomainNetDefCopy(const vrDomainNetDef *net)
{
    vrDomainNetDef *copy = g_new0(vrDomainNetDef, 1);

    *copy = *net;
    copy->source = g_strdup(net->source);
    copy->portgroup = g_strdup(net->portgroup);
    copy->ifname = g_strdup(net->ifname);
    copy->model = g_strdup(net->model);
    vrDeviceInfoCopy(&copy->info, &net->info);
    return copy;
}

static int
vrNetParseMac(xmlNode *mac, vrDomainNetDef *net)
{
    g_autofree char *addr = vrXMLProp(mac, "address");
    int type = VR_NET_MAC_TYPE_DEFAULT;
    int check = VR_TRISTATE_ABSENT;

    if (addr) {
        if (vrMacParse(addr, net->mac) < 0) {
            vrReportError(VIR_ERR_XML_ERROR, "unable to parse mac address '%s'",
                          addr);
            return -1;
        }
        if (net->mac[0] & 1) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "expected unicast mac address, found multicast '%s'",
                          addr);
            return -1;
        }
    } else {
        vrMacGenerate(net->mac);
    }
    if (vrXMLPropEnum(mac, "type", vrNetMacTypeFromString,
                      VR_XML_PROP_NONZERO, &type) < 0 ||
        vrXMLPropEnum(mac, "check", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &check) < 0)
        return -1;
    net->mac_type = type;
    net->mac_check = check;
    return 0;
}

static int
vrNetParseSource(xmlNode *node, vrDomainNetDef *net)
{
    xmlNode *source = vrXMLChild(node, "source");
    int mode = VR_NET_MACVLAN_VEPA;
    const char *attr;

    if (net->type != VR_NET_TYPE_NETWORK && net->type != VR_NET_TYPE_BRIDGE &&
        net->type != VR_NET_TYPE_DIRECT)
        return 0;
    if (!source) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "interface type='%s' requires a 'source' element",
                      vrNetTypeToString(net->type));
        return -1;
    }
    attr = net->type == VR_NET_TYPE_NETWORK ? "network" :
           net->type == VR_NET_TYPE_BRIDGE ? "bridge" : "dev";
    if (!(net->source = vrXMLProp(source, attr))) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Missing required attribute '%s' in element 'source'", attr);
        return -1;
    }
    if (net->type == VR_NET_TYPE_NETWORK)
        net->portgroup = vrXMLProp(source, "portgroup");
    if (net->type == VR_NET_TYPE_DIRECT) {
        if (vrXMLPropEnum(source, "mode", vrNetMacvlanModeFromString,
                          VR_XML_PROP_NONE, &mode) < 0)
            return -1;
        net->mode = mode;
    }
    return 0;
}

static int
vrNetParseTarget(xmlNode *target, vrDomainNetDef *net, unsigned int flags)
{
    int managed = VR_TRISTATE_ABSENT;
    size_t i;

    net->ifname = vrXMLProp(target, "dev");
    if (vrXMLPropEnum(target, "managed", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &managed) < 0)
        return -1;
    net->managed_tap = managed;
    if (!net->ifname || !(flags & VR_DOMAIN_DEF_PARSE_INACTIVE) ||
        net->managed_tap == VR_TRISTATE_NO)
        return 0;
    for (i = 0; i < G_N_ELEMENTS(vrGeneratedIfnamePrefixes); i++) {
        if (g_str_has_prefix(net->ifname, vrGeneratedIfnamePrefixes[i])) {
            g_clear_pointer(&net->ifname, g_free);
            break;
        }
    }
    return 0;
}

static int
vrNetParseChildren(xmlNode *node, vrDomainNetDef *net)
{
    xmlNode *child;

    if ((child = vrXMLChild(node, "model"))) {
        net->model = vrXMLProp(child, "type");
        if (net->model && !*net->model)
            g_clear_pointer(&net->model, g_free);
        if (net->model &&
            strspn(net->model, VR_NET_MODEL_CHARS) != strlen(net->model)) {
            vrErrorReport(VIR_FROM_NONE, VIR_ERR_INVALID_ARG, __FILE__, __func__,
                          __LINE__, "Model name contains invalid characters");
            return -1;
        }
    }
    if ((child = vrXMLChild(node, "link"))) {
        g_autofree char *state = vrXMLProp(child, "state");
        int val;

        if (state && (val = vrNetLinkStateFromString(state)) <= 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "unknown interface link state '%s'", state);
            return -1;
        }
        if (state)
            net->link = val;
    }
    if ((child = vrXMLChild(node, "mtu"))) {
        g_autofree char *size = vrXMLProp(child, "size");

        if (size && vrStrToUInt(size, 10, &net->mtu) < 0) {
            vrReportError(VIR_ERR_XML_ERROR, "malformed mtu size");
            return -1;
        }
    }
    return 0;
}

vrDomainNetDef *
vrDomainNetDefParse(xmlNode *node, const vrDomainDef *def,
                    unsigned int parse_flags)
{
    g_autoptr(vrDomainNetDef) net = g_new0(vrDomainNetDef, 1);
    xmlNode *child;
    int type = VR_NET_TYPE_USER;

    if (vrXMLPropEnum(node, "type", vrNetTypeFromString,
                      VR_XML_PROP_NONE, &type) < 0)
        return NULL;
    net->type = type;
    if (type != VR_NET_TYPE_USER && type != VR_NET_TYPE_ETHERNET &&
        type != VR_NET_TYPE_NETWORK && type != VR_NET_TYPE_BRIDGE &&
        type != VR_NET_TYPE_DIRECT && type != VR_NET_TYPE_NULL) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "interface type '%s' is not supported",
                      vrNetTypeToString(type));
        return NULL;
    }
    if ((child = vrXMLChild(node, "mac")) && vrNetParseMac(child, net) < 0)
        return NULL;
    if (!child)
        vrMacGenerate(net->mac);
    if (vrNetParseSource(node, net) < 0)
        return NULL;
    if ((child = vrXMLChild(node, "target")) &&
        vrNetParseTarget(child, net, parse_flags) < 0)
        return NULL;
    if (vrDeviceInfoParse(node, parse_flags, &net->info) < 0 ||
        vrNetParseChildren(node, net) < 0)
        return NULL;
    if (net->managed_tap == VR_TRISTATE_NO && net->type != VR_NET_TYPE_ETHERNET) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unmanaged target dev is not supported on interfaces of type '%s'",
                      vrNetTypeToString(net->type));
        return NULL;
    }
    return g_steal_pointer(&net);
}

static void
vrNetFormatSource(GString *buf, const vrDomainNetDef *net)
{
    switch (net->type) {
    case VR_NET_TYPE_NETWORK:
        g_string_append(buf, "      <source");
        vrBufAttr(buf, "network", net->source);
        vrBufAttr(buf, "portgroup", net->portgroup);
        g_string_append(buf, "/>\n");
        break;
    case VR_NET_TYPE_BRIDGE:
        g_string_append(buf, "      <source");
        vrBufAttr(buf, "bridge", net->source);
        g_string_append(buf, "/>\n");
        break;
    case VR_NET_TYPE_DIRECT:
        g_string_append(buf, "      <source");
        vrBufAttr(buf, "dev", net->source);
        vrBufAttr(buf, "mode", vrNetMacvlanModeToString(net->mode));
        g_string_append(buf, "/>\n");
        break;
    default:
        break;
    }
}

void
vrDomainNetDefFormat(GString *buf, const vrDomainNetDef *net)
{
    char mac[VR_MAC_STRING_BUFLEN];

    vrMacFormat(net->mac, mac);
    vrBufPrintf(buf, "    <interface type='%s'>\n"
                           "      <mac address='%s'",
                           vrNetTypeToString(net->type), mac);
    if (net->mac_type)
        vrBufAttr(buf, "type", vrNetMacTypeToString(net->mac_type));
    if (net->mac_check)
        vrBufAttr(buf, "check", vrTristateBoolToString(net->mac_check));
    g_string_append(buf, "/>\n");
    vrNetFormatSource(buf, net);
    if (net->ifname) {
        g_string_append(buf, "      <target");
        vrBufAttr(buf, "dev", net->ifname);
        if (net->managed_tap == VR_TRISTATE_NO)
            g_string_append(buf, " managed='no'");
        g_string_append(buf, "/>\n");
    }
    if (net->model) {
        g_string_append(buf, "      <model");
        vrBufAttr(buf, "type", net->model);
        g_string_append(buf, "/>\n");
    }
    if (net->link)
        vrBufPrintf(buf, "      <link state='%s'/>\n",
                               vrNetLinkStateToString(net->link));
    if (net->mtu)
        vrBufPrintf(buf, "      <mtu size='%u'/>\n", net->mtu);
    vrDeviceInfoFormat(buf, 3, &net->info);
    g_string_append(buf, "    </interface>\n");
}

static bool
vrIfnameInUse(GPtrArray *nets, const char *name)
{
    guint i;

    for (i = 0; i < nets->len; i++) {
        const vrDomainNetDef *net = g_ptr_array_index(nets, i);

        if (net->ifname && strcmp(net->ifname, name) == 0)
            return true;
    }
    return false;
}

int
vrDomainDefAssignIfnames(vrDomainDef *def, const char *prefix)
{
    GPtrArray *nets = def->priv->devices.nets;
    guint i;

    for (i = 0; i < nets->len; i++) {
        vrDomainNetDef *net = g_ptr_array_index(nets, i);
        int n;

        if (net->ifname)
            continue;
        for (n = 0; n < VR_IFNAME_MAX_INDEX; n++) {
            g_autofree char *name = g_strdup_printf("%s%d", prefix, n);

            if (!vrIfnameInUse(nets, name)) {
                net->ifname = g_steal_pointer(&name);
                break;
            }
        }
        if (!net->ifname) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "Exceeded max iface limit %d",
                          VR_IFNAME_MAX_INDEX);
            return -1;
        }
    }
    return 0;
}
