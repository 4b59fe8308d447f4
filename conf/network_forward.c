/* <forward> of a network: the mode, the device pool (interfaces, PCI
 * addresses or one pf), the driver and the <nat> address and port ranges,
 * with libvirt's checks and messages. */
#include <string.h>
#include <sys/socket.h>

#include "conf/network_priv.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NETWORK

#define VR_NAT_PORT_MAX 65535
#define VR_PCI_BUS_MAX 0xFF
#define VR_PCI_SLOT_MAX 0x1F
#define VR_PCI_FUNCTION_MAX 7
#define VR_FWD_LEVEL (VR_NETWORK_LEVEL)

VR_ENUM_DECL(vrNetworkForwardType);
VR_ENUM_IMPL(vrNetworkForwardType, VR_NETWORK_FORWARD_LAST,
             "none", "nat", "route", "open", "bridge", "private", "vepa",
             "passthrough", "hostdev")
VR_ENUM_DECL(vrNetworkForwardDriver);
VR_ENUM_IMPL(vrNetworkForwardDriver, VR_NETWORK_FORWARD_DRIVER_LAST,
             "default", "kvm", "vfio")
VR_ENUM_DECL(vrNetworkForwardIfType);
VR_ENUM_IMPL(vrNetworkForwardIfType, VR_NETWORK_FORWARD_IF_LAST,
             "none", "pci", "netdev")

void
vrNetworkForwardIfClear(gpointer data)
{
    vrNetworkForwardIf *iface = data;

    g_clear_pointer(&iface->dev, g_free);
}

void
vrNetworkForwardDefInit(vrNetworkForwardDef *fwd)
{
    memset(fwd, 0, sizeof(*fwd));
    fwd->ifs = g_array_new(FALSE, TRUE, sizeof(vrNetworkForwardIf));
    g_array_set_clear_func(fwd->ifs, vrNetworkForwardIfClear);
}

void
vrNetworkForwardDefClear(vrNetworkForwardDef *fwd)
{
    g_clear_pointer(&fwd->ifs, g_array_unref);
    g_clear_pointer(&fwd->pf_dev, g_free);
}

const char *
vrNetworkForwardDev(const vrNetworkForwardDef *fwd)
{
    const vrNetworkForwardIf *first;

    if (!fwd->ifs->len)
        return NULL;
    first = &g_array_index(fwd->ifs, vrNetworkForwardIf, 0);
    return first->type == VR_NETWORK_FORWARD_IF_NETDEV ? first->dev : NULL;
}

/* ---- <nat> ---- */

static int
vrNetworkNatAddress(const char *net_name, xmlNode *addr, vrNetworkForwardDef *fwd)
{
    g_autofree char *start = vrXMLProp(addr, "start");
    g_autofree char *end = NULL;

    if (!start) {
        vrReportError(VIR_ERR_XML_ERROR, "missing 'start' attribute in <address> element "
                      "in <nat> in <forward> in network %s", net_name);
        return -1;
    }
    if (!(end = vrXMLProp(addr, "end"))) {
        vrReportError(VIR_ERR_XML_ERROR, "missing 'end' attribute in <address> element "
                      "in <nat> in <forward> in network %s", net_name);
        return -1;
    }
    if (vrNetAddrParse(start, &fwd->nat_start) < 0 || fwd->nat_start.family != AF_INET) {
        vrReportError(VIR_ERR_XML_ERROR, "Bad ipv4 start address '%s' in <nat> in <forward> "
                      "in network '%s'", start, net_name);
        return -1;
    }
    if (vrNetAddrParse(end, &fwd->nat_end) < 0 || fwd->nat_end.family != AF_INET) {
        vrReportError(VIR_ERR_XML_ERROR, "Bad ipv4 end address '%s' in <nat> in <forward> "
                      "in network '%s'", end, net_name);
        return -1;
    }
    return vrNetAddrGetRange(&fwd->nat_start, &fwd->nat_end, NULL, 0) < 0 ? -1 : 0;
}

static int
vrNetworkNatPort(const char *net_name, xmlNode *port, vrNetworkForwardDef *fwd)
{
    if (vrNetPropUInt(port, "start", &fwd->port_start) < 0 ||
        fwd->port_start > VR_NAT_PORT_MAX) {
        vrReportError(VIR_ERR_XML_DETAIL, "Missing or invalid 'start' attribute in <port> "
                      "in <nat> in <forward> in network %s", net_name);
        return -1;
    }
    if (vrNetPropUInt(port, "end", &fwd->port_end) < 0 ||
        fwd->port_end > VR_NAT_PORT_MAX || fwd->port_end < fwd->port_start) {
        vrReportError(VIR_ERR_XML_DETAIL, "Missing or invalid 'end' attribute in <port> "
                      "in <nat> in <forward> in network %s", net_name);
        return -1;
    }
    return 0;
}

static int
vrNetworkNatParse(const char *net_name, xmlNode *nat, vrNetworkForwardDef *fwd)
{
    g_autoptr(GPtrArray) addrs = vrNetChildren(nat, "address");
    g_autoptr(GPtrArray) ports = vrNetChildren(nat, "port");

    if (fwd->type != VR_NETWORK_FORWARD_NAT) {
        vrReportError(VIR_ERR_XML_ERROR, "The <nat> element can only be used when <forward> "
                      "'mode' is 'nat' in network %s", net_name);
        return -1;
    }
    if (vrNetPropTristate(nat, "ipv6", &fwd->nat_ipv6) < 0)
        return -1;
    if (addrs->len > 1) {
        vrReportError(VIR_ERR_XML_ERROR, "Only one <address> element is allowed in <nat> "
                      "in <forward> in network %s", net_name);
        return -1;
    }
    if (addrs->len == 1 &&
        vrNetworkNatAddress(net_name, g_ptr_array_index(addrs, 0), fwd) < 0)
        return -1;
    if (ports->len > 1) {
        vrReportError(VIR_ERR_XML_ERROR, "Only one <port> element is allowed in <nat> "
                      "in <forward> in network %s", net_name);
        return -1;
    }
    if (ports->len == 1 && vrNetworkNatPort(net_name, g_ptr_array_index(ports, 0), fwd) < 0)
        return -1;
    return 0;
}

/* ---- the device pool ---- */

/* <forward dev> and <interface dev> elements: dev, when given, is the
 * first one and must match the first <interface>. */
static int
vrNetworkForwardIfsParse(const char *net_name, GPtrArray *nodes, char *dev,
                         vrNetworkForwardDef *fwd)
{
    vrNetworkForwardIf iface = { .type = VR_NETWORK_FORWARD_IF_NETDEV };
    guint i, j;

    if (dev) {
        iface.dev = dev;
        g_array_append_val(fwd->ifs, iface);
    }
    for (i = 0; i < nodes->len; i++) {
        g_autofree char *name = vrXMLProp(g_ptr_array_index(nodes, i), "dev");

        if (!name) {
            vrReportError(VIR_ERR_XML_ERROR, "Missing required dev attribute in <forward> "
                          "<interface> element of network %s", net_name);
            return -1;
        }
        if (i == 0 && dev) {
            if (strcmp(name, dev) != 0) {
                vrReportError(VIR_ERR_XML_ERROR, "<forward dev='%s'> must match first "
                              "<interface dev='%s'/> in network %s", dev, name, net_name);
                return -1;
            }
            continue;
        }
        for (j = 0; j < fwd->ifs->len; j++) {
            if (g_strcmp0(g_array_index(fwd->ifs, vrNetworkForwardIf, j).dev, name) == 0) {
                vrReportError(VIR_ERR_XML_ERROR, "interface '%s' can only be listed once "
                              "in network %s", name, net_name);
                return -1;
            }
        }
        if (fwd->ifs->len >= VR_NETWORK_LIST_MAX) {
            vrReportError(VIR_ERR_XML_ERROR, "network '%s' has more than %d forward "
                          "interfaces", net_name, VR_NETWORK_LIST_MAX);
            return -1;
        }
        iface.dev = g_steal_pointer(&name);
        g_array_append_val(fwd->ifs, iface);
    }
    return 0;
}

static int
vrNetworkPCIAddrParse(xmlNode *node, vrNetworkPCIAddr *pci)
{
    if (vrXMLPropUInt(node, "domain", 0, 0, &pci->domain) < 0 ||
        vrXMLPropUInt(node, "bus", 0, 0, &pci->bus) < 0 ||
        vrXMLPropUInt(node, "slot", 0, 0, &pci->slot) < 0 ||
        vrXMLPropUInt(node, "function", 0, 0, &pci->function) < 0)
        return -1;
    if (!pci->domain && !pci->bus && !pci->slot)
        return 0;
    if (pci->bus > VR_PCI_BUS_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid PCI address bus='0x%x', must be <= 0x%X",
                      pci->bus, VR_PCI_BUS_MAX);
        return -1;
    }
    if (pci->slot > VR_PCI_SLOT_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid PCI address slot='0x%x', must be <= 0x%X",
                      pci->slot, VR_PCI_SLOT_MAX);
        return -1;
    }
    if (pci->function > VR_PCI_FUNCTION_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid PCI address function=0x%x, must be <= %d",
                      pci->function, VR_PCI_FUNCTION_MAX);
        return -1;
    }
    return 0;
}

/* <address type='pci' .../> elements. */
static int
vrNetworkForwardAddrsParse(const char *net_name, GPtrArray *nodes, vrNetworkForwardDef *fwd)
{
    guint i, j;

    for (i = 0; i < nodes->len && i < VR_NETWORK_LIST_MAX; i++) {
        xmlNode *node = g_ptr_array_index(nodes, i);
        g_autofree char *type = vrXMLProp(node, "type");
        vrNetworkForwardIf iface = { 0 };
        int val;

        if (!type) {
            vrReportError(VIR_ERR_XML_ERROR, "missing address type in network %s", net_name);
            return -1;
        }
        if ((val = vrNetworkForwardIfTypeFromString(type)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown address type '%s' in "
                          "network %s", type, net_name);
            return -1;
        }
        if (val != VR_NETWORK_FORWARD_IF_PCI) {
            vrReportError(VIR_ERR_XML_ERROR, "unsupported address type '%s' in network %s",
                          type, net_name);
            return -1;
        }
        iface.type = val;
        if (vrNetworkPCIAddrParse(node, &iface.pci) < 0)
            return -1;
        for (j = 0; j < fwd->ifs->len; j++) {
            if (memcmp(&g_array_index(fwd->ifs, vrNetworkForwardIf, j).pci, &iface.pci,
                       sizeof(iface.pci)) == 0) {
                vrReportError(VIR_ERR_XML_ERROR, "PCI device '%04x:%02x:%02x.%x' can only "
                              "be listed once in network %s", iface.pci.domain,
                              iface.pci.bus, iface.pci.slot, iface.pci.function, net_name);
                return -1;
            }
        }
        g_array_append_val(fwd->ifs, iface);
    }
    return 0;
}

static int
vrNetworkForwardPoolParse(const char *net_name, xmlNode *node, vrNetworkForwardDef *fwd)
{
    g_autoptr(GPtrArray) ifs = vrNetChildren(node, "interface");
    g_autoptr(GPtrArray) addrs = vrNetChildren(node, "address");
    g_autoptr(GPtrArray) pfs = vrNetChildren(node, "pf");
    g_autofree char *dev = vrNetPropNonEmpty(node, "dev");

    if (dev && (addrs->len || pfs->len)) {
        /* libvirt passes this text through "%s": its %s stays literal */
        vrReportError(VIR_ERR_XML_ERROR, "%s", "the <forward> 'dev' attribute cannot be "
                      "used when <address> or <pf> sub-elements are present in network %s");
        return -1;
    }
    if (ifs->len || dev)
        return vrNetworkForwardIfsParse(net_name, ifs, g_steal_pointer(&dev), fwd);
    if (addrs->len)
        return vrNetworkForwardAddrsParse(net_name, addrs, fwd);
    if (pfs->len > 1) {
        vrReportError(VIR_ERR_XML_ERROR, "Only one <pf> element is allowed in <forward> "
                      "of network %s", net_name);
        return -1;
    }
    if (pfs->len == 1 && !(fwd->pf_dev = vrXMLProp(g_ptr_array_index(pfs, 0), "dev"))) {
        vrReportError(VIR_ERR_XML_ERROR, "Missing required dev attribute in <pf> element "
                      "of network '%s'", net_name);
        return -1;
    }
    return 0;
}

int
vrNetworkForwardDefParse(const char *net_name, xmlNode *node, vrNetworkForwardDef *fwd)
{
    g_autofree char *mode = vrNetPropNonEmpty(node, "mode");
    g_autofree char *managed = vrNetPropNonEmpty(node, "managed");
    g_autofree char *driver = vrNetPropNonEmpty(vrXMLChild(node, "driver"), "name");
    g_autoptr(GPtrArray) nats = vrNetChildren(node, "nat");
    int val = VR_NETWORK_FORWARD_NAT;

    if (mode && (val = vrNetworkForwardTypeFromString(mode)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown forwarding type '%s'", mode);
        return -1;
    }
    fwd->type = val;
    fwd->managed = managed && g_ascii_strcasecmp(managed, "yes") == 0;
    if (driver) {
        if ((val = vrNetworkForwardDriverFromString(driver)) <= 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unknown forward <driver name='%s'/> "
                          "in network %s", driver, net_name);
            return -1;
        }
        fwd->driver = val;
    }
    if (nats->len > 1) {
        vrReportError(VIR_ERR_XML_ERROR, "Only one <nat> element is allowed in <forward> "
                      "of network %s", net_name);
        return -1;
    }
    if (nats->len == 1 && vrNetworkNatParse(net_name, g_ptr_array_index(nats, 0), fwd) < 0)
        return -1;
    return vrNetworkForwardPoolParse(net_name, node, fwd);
}

/* ---- format ---- */

static void
vrNetworkNatFormat(GString *buf, const vrNetworkForwardDef *fwd, int level)
{
    char addr[VR_NET_ADDR_STRLEN];
    bool start = vrNetAddrIsValid(&fwd->nat_start);
    bool end = vrNetAddrIsValid(&fwd->nat_end);
    bool ports = fwd->port_start || fwd->port_end;

    if (!start && !end && !ports && !fwd->nat_ipv6)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, "<nat");
    if (fwd->nat_ipv6)
        vrBufAttr(buf, "ipv6", vrTristateBoolToString(fwd->nat_ipv6));
    if (!start && !end && !ports) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    if (start) {
        vrBufIndent(buf, level + 1);
        vrBufPrintf(buf, "<address start='%s'", vrNetAddrFormat(&fwd->nat_start, addr));
        if (end)
            vrBufPrintf(buf, " end='%s'", vrNetAddrFormat(&fwd->nat_end, addr));
        g_string_append(buf, "/>\n");
    }
    if (ports) {
        vrBufIndent(buf, level + 1);
        vrBufPrintf(buf, "<port start='%u'", fwd->port_start);
        if (fwd->port_end)
            vrBufPrintf(buf, " end='%u'", fwd->port_end);
        g_string_append(buf, "/>\n");
    }
    vrBufIndent(buf, level);
    g_string_append(buf, "</nat>\n");
}

static void
vrNetworkForwardIfsFormat(GString *buf, const vrNetworkForwardDef *fwd, int level)
{
    guint i;

    for (i = 0; i < fwd->ifs->len; i++) {
        const vrNetworkForwardIf *iface = &g_array_index(fwd->ifs, vrNetworkForwardIf, i);

        vrBufIndent(buf, level);
        if (iface->type == VR_NETWORK_FORWARD_IF_NETDEV) {
            g_string_append(buf, "<interface");
            vrBufAttr(buf, "dev", iface->dev);
            g_string_append(buf, "/>\n");
        } else {
            vrBufPrintf(buf, "<address type='pci' domain='0x%04x' bus='0x%02x' "
                        "slot='0x%02x' function='0x%u'/>\n", iface->pci.domain,
                        iface->pci.bus, iface->pci.slot, iface->pci.function);
        }
    }
}

void
vrNetworkForwardDefFormat(GString *buf, const vrNetworkForwardDef *fwd)
{
    bool is_short = !(fwd->ifs->len || fwd->pf_dev || vrNetAddrIsValid(&fwd->nat_start) ||
                      vrNetAddrIsValid(&fwd->nat_end) || fwd->port_start ||
                      fwd->port_end || fwd->driver || fwd->nat_ipv6);

    if (fwd->type == VR_NETWORK_FORWARD_NONE)
        return;
    vrBufIndent(buf, VR_FWD_LEVEL);
    g_string_append(buf, "<forward");
    vrBufAttr(buf, "dev", fwd->pf_dev ? NULL : vrNetworkForwardDev(fwd));
    vrBufAttr(buf, "mode", vrNetworkForwardTypeToString(fwd->type));
    if (fwd->type == VR_NETWORK_FORWARD_HOSTDEV)
        vrBufAttr(buf, "managed", fwd->managed ? "yes" : "no");
    g_string_append(buf, is_short ? "/>\n" : ">\n");
    if (fwd->driver) {
        vrBufIndent(buf, VR_FWD_LEVEL + 1);
        vrBufPrintf(buf, "<driver name='%s'/>\n", vrNetworkForwardDriverToString(fwd->driver));
    }
    if (fwd->type == VR_NETWORK_FORWARD_NAT)
        vrNetworkNatFormat(buf, fwd, VR_FWD_LEVEL + 1);
    if (fwd->pf_dev) {
        vrBufIndent(buf, VR_FWD_LEVEL + 1);
        g_string_append(buf, "<pf");
        vrBufAttr(buf, "dev", fwd->pf_dev);
        g_string_append(buf, "/>\n");
    }
    vrNetworkForwardIfsFormat(buf, fwd, VR_FWD_LEVEL + 1);
    if (!is_short) {
        vrBufIndent(buf, VR_FWD_LEVEL);
        g_string_append(buf, "</forward>\n");
    }
}
