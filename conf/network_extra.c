/* The less common parts of a network: <vlan>, <bandwidth>, <port
 * isolated>, static <route>s, <portgroup>s and <metadata>, parsed and
 * formatted as libvirt 9.0 does.  <virtualport> is refused (not modeled). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "conf/network_priv.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NETWORK

#define VR_VLAN_TAG_MAX 4095
#define VR_ROUTE_V4_PREFIX_MAX 32
#define VR_ROUTE_V6_PREFIX_MAX 128
#define VR_EXTRA_LEVEL (VR_NETWORK_LEVEL)

typedef enum {
    VR_VLAN_NATIVE_DEFAULT = 0,
    VR_VLAN_NATIVE_TAGGED,
    VR_VLAN_NATIVE_UNTAGGED,
    VR_VLAN_NATIVE_LAST
} vrVlanNativeMode;
VR_ENUM_DECL(vrVlanNativeMode);
VR_ENUM_IMPL(vrVlanNativeMode, VR_VLAN_NATIVE_LAST, "default", "tagged", "untagged")

typedef struct {
    GArray *tags;                 /* of unsigned int; NULL: no <vlan> */
    bool trunk;
    vrVlanNativeMode native_mode;
    unsigned int native_tag;
} vrNetworkVlan;

typedef struct {
    unsigned long long average, peak, burst, floor;
} vrNetworkRate;

typedef struct {
    vrNetworkRate *in, *out;
} vrNetworkBandwidth;

typedef struct {
    char *family;
    vrNetAddr address, netmask, gateway;
    unsigned int prefix, metric;
    bool has_prefix, has_metric;
} vrNetworkRoute;

typedef struct {
    char *name;
    bool is_default;
    vrTristate trust_guest_rx_filters;
    vrNetworkVlan vlan;
    vrNetworkBandwidth *bandwidth;
} vrNetworkPortGroup;

struct vrNetworkExtra {
    vrNetworkVlan vlan;
    vrNetworkBandwidth *bandwidth;
    vrTristate isolated_port;
    GArray *routes;               /* of vrNetworkRoute */
    GArray *portgroups;           /* of vrNetworkPortGroup */
};

/* ---- vlan ---- */

static void
vrNetworkVlanClear(vrNetworkVlan *vlan)
{
    g_clear_pointer(&vlan->tags, g_array_unref);
    memset(vlan, 0, sizeof(*vlan));
}

static int
vrNetworkVlanTag(xmlNode *tag, vrNetworkVlan *vlan, unsigned long *id)
{
    g_autofree char *str = vrNetPropNonEmpty(tag, "id");
    g_autofree char *mode = vrNetPropNonEmpty(tag, "nativeMode");
    char *end = NULL;

    errno = 0;
    if (!str || (*id = strtoul(str, &end, 10), errno || end == str || *end)) {
        vrReportError(VIR_ERR_XML_ERROR, "missing or invalid vlan tag id attribute");
        return -1;
    }
    if (*id > VR_VLAN_TAG_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "vlan tag id %lu too large (maximum 4095)", *id);
        return -1;
    }
    if (!mode)
        return 0;
    if (vlan->native_mode) {
        vrReportError(VIR_ERR_XML_ERROR, "duplicate native vlan setting");
        return -1;
    }
    if ((int)(vlan->native_mode = vrVlanNativeModeFromString(mode)) <= 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "Invalid \"nativeMode='%s'\" in vlan <tag> element", mode);
        return -1;
    }
    vlan->native_tag = (unsigned int)*id;
    return 0;
}

static int
vrNetworkVlanTrunk(xmlNode *node, vrNetworkVlan *vlan)
{
    g_autofree char *trunk = vrNetPropNonEmpty(node, "trunk");

    vlan->trunk = vlan->tags->len > 1;
    if (!trunk)
        return 0;
    vlan->trunk = g_ascii_strcasecmp(trunk, "yes") == 0;
    if (vlan->trunk)
        return 0;
    if (vlan->tags->len > 1) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid \"trunk='%s'\" in <vlan> - trunk='yes' "
                      "is required for more than one vlan tag", trunk);
        return -1;
    }
    if (vlan->native_mode) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid configuration in <vlan> - \"trunk='no'\" "
                      "is not allowed with a native vlan id");
        return -1;
    }
    if (g_ascii_strcasecmp(trunk, "no") != 0) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid \"trunk='%s'\" in <vlan> - must be yes "
                      "or no", trunk);
        return -1;
    }
    return 0;
}

static int
vrNetworkVlanParse(xmlNode *node, vrNetworkVlan *vlan)
{
    g_autoptr(GPtrArray) tags = vrNetChildren(node, "tag");
    guint i;

    if (!tags->len) {
        vrReportError(VIR_ERR_XML_ERROR, "missing tag id - each <vlan> must have at least "
                      "one <tag id='n'/> subelement");
        return -1;
    }
    vlan->tags = g_array_new(FALSE, TRUE, sizeof(unsigned int));
    for (i = 0; i < tags->len && i < VR_NETWORK_LIST_MAX; i++) {
        unsigned long id;
        unsigned int tag;

        if (vrNetworkVlanTag(g_ptr_array_index(tags, i), vlan, &id) < 0)
            goto error;
        tag = (unsigned int)id;
        g_array_append_val(vlan->tags, tag);
    }
    if (vrNetworkVlanTrunk(node, vlan) < 0)
        goto error;
    return 0;
 error:
    vrNetworkVlanClear(vlan);
    return -1;
}

static void
vrNetworkVlanFormat(GString *buf, int level, const vrNetworkVlan *vlan)
{
    guint i;

    if (!vlan->tags || !vlan->tags->len)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, vlan->trunk ? "<vlan trunk='yes'>\n" : "<vlan>\n");
    for (i = 0; i < vlan->tags->len; i++) {
        unsigned int tag = g_array_index(vlan->tags, unsigned int, i);

        vrBufIndent(buf, level + 1);
        if (vlan->native_mode && vlan->native_tag == tag)
            vrBufPrintf(buf, "<tag id='%u' nativeMode='%s'/>\n", tag,
                        vrVlanNativeModeToString(vlan->native_mode));
        else
            vrBufPrintf(buf, "<tag id='%u'/>\n", tag);
    }
    vrBufIndent(buf, level);
    g_string_append(buf, "</vlan>\n");
}

/* ---- bandwidth ---- */

static void
vrNetworkBandwidthFree(vrNetworkBandwidth *bw)
{
    if (!bw)
        return;
    g_free(bw->in);
    g_free(bw->out);
    g_free(bw);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrNetworkBandwidth, vrNetworkBandwidthFree)

/* libvirt's virStrToLong_ullp: no sign, the whole string. */
static int
vrNetworkRateValue(const char *str, const char *what, unsigned long long *out)
{
    if (str && (strchr(str, '-') || vrStrToULongLong(str, 10, out) < 0)) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "could not convert bandwidth %s value '%s'", what, str);
        return -1;
    }
    return 0;
}

static int
vrNetworkRateParse(xmlNode *node, vrNetworkRate *rate)
{
    g_autofree char *average = vrXMLProp(node, "average");
    g_autofree char *peak = vrXMLProp(node, "peak");
    g_autofree char *burst = vrXMLProp(node, "burst");
    g_autofree char *floor = vrXMLProp(node, "floor");

    if (average) {
        if (vrNetworkRateValue(average, "average", &rate->average) < 0)
            return -1;
    } else if (!floor) {
        vrReportError(VIR_ERR_XML_DETAIL, "Missing mandatory average or floor attributes");
        return -1;
    }
    if ((peak || burst) && !average) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "'peak' and 'burst' require 'average' attribute");
        return -1;
    }
    if (vrNetworkRateValue(peak, "peak", &rate->peak) < 0 ||
        vrNetworkRateValue(burst, "burst", &rate->burst) < 0 ||
        vrNetworkRateValue(floor, "floor", &rate->floor) < 0)
        return -1;
    return 0;
}

/* The one <inbound> and <outbound> children (others are ignored). */
static int
vrNetworkBandwidthChildren(xmlNode *node, xmlNode **in, xmlNode **out)
{
    xmlNode *cur;

    for (cur = node->children; cur; cur = cur->next) {
        xmlNode **slot = vrXMLIsElement(cur, "inbound") ? in :
                         vrXMLIsElement(cur, "outbound") ? out : NULL;

        if (!slot)
            continue;
        if (*slot) {
            vrReportError(VIR_ERR_XML_DETAIL, "Only one child <%s> element allowed",
                          (const char *)cur->name);
            return -1;
        }
        *slot = cur;
    }
    return 0;
}

static int
vrNetworkBandwidthParse(xmlNode *node, vrNetworkBandwidth **out)
{
    g_autoptr(vrNetworkBandwidth) bw = g_new0(vrNetworkBandwidth, 1);
    g_autofree char *class_id = vrXMLProp(node, "classID");
    xmlNode *in = NULL, *outbound = NULL;

    if (class_id) {
        vrReportError(VIR_ERR_XML_DETAIL, "classID attribute not supported on <bandwidth> "
                      "in this usage context");
        return -1;
    }
    if (vrNetworkBandwidthChildren(node, &in, &outbound) < 0)
        return -1;
    if (in) {
        bw->in = g_new0(vrNetworkRate, 1);
        if (vrNetworkRateParse(in, bw->in) < 0)
            return -1;
        if (bw->in->floor) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "floor attribute is not supported for this config");
            return -1;
        }
    }
    if (outbound) {
        bw->out = g_new0(vrNetworkRate, 1);
        if (vrNetworkRateParse(outbound, bw->out) < 0)
            return -1;
        if (bw->out->floor) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "'floor' attribute allowed only in <inbound> element");
            return -1;
        }
    }
    if (bw->in || bw->out)
        *out = g_steal_pointer(&bw);
    return 0;
}

static void
vrNetworkRateFormat(GString *buf, int level, const char *name, const vrNetworkRate *rate)
{
    if (!rate || (!rate->average && !rate->floor))
        return;
    vrBufIndent(buf, level);
    vrBufPrintf(buf, "<%s", name);
    if (rate->average)
        vrBufPrintf(buf, " average='%llu'", rate->average);
    if (rate->peak)
        vrBufPrintf(buf, " peak='%llu'", rate->peak);
    if (rate->floor)
        vrBufPrintf(buf, " floor='%llu'", rate->floor);
    if (rate->burst)
        vrBufPrintf(buf, " burst='%llu'", rate->burst);
    g_string_append(buf, "/>\n");
}

static void
vrNetworkBandwidthFormat(GString *buf, int level, const vrNetworkBandwidth *bw)
{
    if (!bw)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, "<bandwidth>\n");
    vrNetworkRateFormat(buf, level + 1, "inbound", bw->in);
    vrNetworkRateFormat(buf, level + 1, "outbound", bw->out);
    vrBufIndent(buf, level);
    g_string_append(buf, "</bandwidth>\n");
}

/* ---- portgroups ---- */

static void
vrNetworkPortGroupClear(gpointer data)
{
    vrNetworkPortGroup *pg = data;

    g_clear_pointer(&pg->name, g_free);
    vrNetworkVlanClear(&pg->vlan);
    g_clear_pointer(&pg->bandwidth, vrNetworkBandwidthFree);
}

static int
vrNetworkVirtualPortRefuse(const char *net_name, xmlNode *parent)
{
    if (!vrXMLChild(parent, "virtualport"))
        return 0;
    vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                  "<virtualport> in network '%s' is not supported by vireo", net_name);
    return -1;
}

static int
vrNetworkPortGroupParse(const char *net_name, xmlNode *node, vrNetworkPortGroup *pg)
{
    g_autofree char *is_default = vrNetPropNonEmpty(node, "default");
    xmlNode *child;

    memset(pg, 0, sizeof(*pg));
    if (!(pg->name = vrNetPropNonEmpty(node, "name"))) {
        vrReportError(VIR_ERR_XML_ERROR, "Missing required name attribute in portgroup");
        goto error;
    }
    pg->is_default = is_default && g_ascii_strcasecmp(is_default, "yes") == 0;
    if (vrNetPropTristate(node, "trustGuestRxFilters", &pg->trust_guest_rx_filters) < 0 ||
        vrNetworkVirtualPortRefuse(net_name, node) < 0)
        goto error;
    if ((child = vrXMLChild(node, "bandwidth")) &&
        vrNetworkBandwidthParse(child, &pg->bandwidth) < 0)
        goto error;
    if ((child = vrXMLChild(node, "vlan")) && vrNetworkVlanParse(child, &pg->vlan) < 0)
        goto error;
    return 0;
 error:
    vrNetworkPortGroupClear(pg);
    return -1;
}

static void
vrNetworkPortGroupFormat(GString *buf, int level, const vrNetworkPortGroup *pg)
{
    vrBufIndent(buf, level);
    g_string_append(buf, "<portgroup");
    vrBufAttr(buf, "name", pg->name);
    if (pg->is_default)
        g_string_append(buf, " default='yes'");
    if (pg->trust_guest_rx_filters)
        vrBufAttr(buf, "trustGuestRxFilters",
                  vrTristateBoolToString(pg->trust_guest_rx_filters));
    g_string_append(buf, ">\n");
    vrNetworkVlanFormat(buf, level + 1, &pg->vlan);
    vrNetworkBandwidthFormat(buf, level + 1, pg->bandwidth);
    vrBufIndent(buf, level);
    g_string_append(buf, "</portgroup>\n");
}

/* ---- routes ---- */

static void
vrNetworkRouteClear(gpointer data)
{
    vrNetworkRoute *route = data;

    g_clear_pointer(&route->family, g_free);
}

/* libvirt's virXPathULong on an attribute: 0, -1 absent, -2 invalid. */
static int
vrNetPropULong(xmlNode *node, const char *name, unsigned long *out)
{
    g_autofree char *str = vrNetPropNonEmpty(node, name);
    char *end = NULL;

    if (!str)
        return -1;
    errno = 0;
    *out = strtoul(str, &end, 10);
    return errno || end == str || *end ? -2 : 0;
}

/* The family rules of a route ("%s: " is the network's name). */
static int
vrNetworkRouteCheckV4(const char *net_name, const vrNetworkRoute *route,
                      const char *address, const char *netmask)
{
    const char *which = route->family ? "IPv4 family" : "No family";

    if (route->address.family != AF_INET) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: %s specified for non-IPv4 address '%s' in "
                      "route definition", net_name, which, address);
        return -1;
    }
    if (route->gateway.family != AF_INET) {
        /* libvirt names the address here, not the gateway */
        vrReportError(VIR_ERR_XML_ERROR, "%s: %s specified for non-IPv4 gateway '%s' in "
                      "route definition", net_name, which, address);
        return -1;
    }
    if (netmask) {
        if (route->netmask.family != AF_INET) {
            vrReportError(VIR_ERR_XML_ERROR, "%s: Invalid netmask '%s' for address '%s' "
                          "(both must be IPv4)", net_name, netmask, address);
            return -1;
        }
        if (route->has_prefix) {
            vrReportError(VIR_ERR_XML_ERROR, "%s: Route definition cannot have both a "
                          "prefix and a netmask", net_name);
            return -1;
        }
    }
    if (route->prefix > VR_ROUTE_V4_PREFIX_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Invalid prefix %u specified in route "
                      "definition, must be 0 - 32", net_name, route->prefix);
        return -1;
    }
    return 0;
}

static int
vrNetworkRouteCheckFamily(const char *net_name, const vrNetworkRoute *route,
                          const char *address, const char *netmask, const char *gateway)
{
    if (!route->family || strcmp(route->family, "ipv4") == 0)
        return vrNetworkRouteCheckV4(net_name, route, address, netmask);
    if (strcmp(route->family, "ipv6") != 0) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Unrecognized family '%s' in route definition",
                      net_name, route->family);
        return -1;
    }
    if (route->address.family != AF_INET6) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: ipv6 family specified for non-IPv6 address "
                      "'%s' in route definition", net_name, address);
        return -1;
    }
    if (netmask) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Specifying netmask invalid for IPv6 address "
                      "'%s' in route definition", net_name, address);
        return -1;
    }
    if (route->gateway.family != AF_INET6) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: ipv6 specified for non-IPv6 gateway address "
                      "'%s' in route definition", net_name, gateway);
        return -1;
    }
    if (route->prefix > VR_ROUTE_V6_PREFIX_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Invalid prefix %u specified in route "
                      "definition, must be 0 - 128", net_name, route->prefix);
        return -1;
    }
    return 0;
}

/* addr masked by a prefix (false when the prefix does not fit). */
static bool
vrNetAddrMaskPrefix(const vrNetAddr *addr, int prefix, vrNetAddr *out)
{
    size_t bits = addr->family == AF_INET ? VR_ROUTE_V4_PREFIX_MAX : VR_ROUTE_V6_PREFIX_MAX;
    size_t i;

    if (!vrNetAddrIsValid(addr) || prefix < 0 || (size_t)prefix > bits)
        return false;
    *out = *addr;
    for (i = (size_t)prefix; i < bits; i++)
        out->bytes[i / 8] &= (unsigned char)~(1 << (7 - i % 8));
    return true;
}

/* The address must be a network address under its netmask or prefix. */
static int
vrNetworkRouteCheckNetwork(const char *net_name, const vrNetworkRoute *route,
                           const char *address)
{
    vrNetAddr masked = route->address;
    size_t i;

    if (vrNetAddrIsValid(&route->netmask)) {
        for (i = 0; i < 4; i++)
            masked.bytes[i] &= route->netmask.bytes[i];
    } else {
        vrNetAddrMaskPrefix(&route->address, (int)route->prefix, &masked);
    }
    if (!vrNetAddrEqual(&route->address, &masked)) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Address '%s' in route definition is not a "
                      "network address", net_name, address);
        return -1;
    }
    return 0;
}

static int
vrNetworkRouteNumbers(const char *net_name, xmlNode *node, vrNetworkRoute *route)
{
    unsigned long val = 0;
    int rc;

    if ((rc = vrNetPropULong(node, "prefix", &val)) == -2) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Invalid prefix specified in route definition",
                      net_name);
        return -1;
    }
    route->has_prefix = rc == 0;
    route->prefix = (unsigned int)val;
    val = 0;
    if ((rc = vrNetPropULong(node, "metric", &val)) == -2) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Invalid metric specified in route definition",
                      net_name);
        return -1;
    }
    if (rc == 0 && val == 0) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Invalid metric value, must be > 0 in route "
                      "definition", net_name);
        return -1;
    }
    route->has_metric = rc == 0;
    route->metric = (unsigned int)val;
    return 0;
}

static int
vrNetworkRouteParse(const char *net_name, xmlNode *node, vrNetworkRoute *route)
{
    g_autofree char *address = vrNetPropNonEmpty(node, "address");
    g_autofree char *netmask = vrNetPropNonEmpty(node, "netmask");
    g_autofree char *gateway = vrNetPropNonEmpty(node, "gateway");

    memset(route, 0, sizeof(*route));
    route->family = vrNetPropNonEmpty(node, "family");
    if (vrNetworkRouteNumbers(net_name, node, route) < 0)
        goto error;
    if (!address || !gateway) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Missing required %s attribute in route "
                      "definition", net_name, address ? "gateway" : "address");
        goto error;
    }
    if (vrNetAddrParse(address, &route->address) < 0 ||
        vrNetAddrParse(gateway, &route->gateway) < 0) {
        bool bad_addr = !vrNetAddrIsValid(&route->address);

        vrReportError(VIR_ERR_XML_ERROR, "%s: Bad %s address '%s' in route definition",
                      net_name, bad_addr ? "network" : "gateway", bad_addr ? address : gateway);
        goto error;
    }
    if (netmask && (!route->family || strcmp(route->family, "ipv4") == 0) &&
        route->address.family == AF_INET && route->gateway.family == AF_INET &&
        vrNetAddrParse(netmask, &route->netmask) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "%s: Bad netmask address '%s' in route definition",
                      net_name, netmask);
        goto error;
    }
    if (vrNetworkRouteCheckFamily(net_name, route, address, netmask, gateway) < 0 ||
        vrNetworkRouteCheckNetwork(net_name, route, address) < 0)
        goto error;
    return 0;
 error:
    vrNetworkRouteClear(route);
    return -1;
}

/* Some <ip> of the gateway's family must contain the gateway. */
static int
vrNetworkRouteCheckGateway(const vrNetworkDef *def, const vrNetworkRoute *route)
{
    char gw[VR_NET_ADDR_STRLEN];
    guint i;

    for (i = 0; i < def->ips->len; i++) {
        const vrNetworkIPDef *ip = &g_array_index(def->ips, vrNetworkIPDef, i);
        int prefix = vrNetworkIPDefPrefix(ip);
        vrNetAddr a, b;

        if (ip->address.family != route->gateway.family)
            continue;
        if (vrNetAddrMaskPrefix(&ip->address, prefix, &a) &&
            vrNetAddrMaskPrefix(&route->gateway, prefix, &b) && vrNetAddrEqual(&a, &b))
            return 0;
    }
    vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                  "unreachable static route gateway '%s' specified for network '%s'",
                  vrNetAddrFormat(&route->gateway, gw), def->name);
    return -1;
}

int
vrNetworkExtraParseRoutes(const vrNetworkDef *def, xmlNode *root, vrNetworkExtra *extra)
{
    g_autoptr(GPtrArray) nodes = vrNetChildren(root, "route");
    guint i;

    for (i = 0; i < nodes->len && i < VR_NETWORK_LIST_MAX; i++) {
        vrNetworkRoute route;

        if (vrNetworkRouteParse(def->name, g_ptr_array_index(nodes, i), &route) < 0)
            return -1;
        g_array_append_val(extra->routes, route);
    }
    for (i = 0; i < extra->routes->len; i++) {
        if (vrNetworkRouteCheckGateway(def, &g_array_index(extra->routes,
                                                           vrNetworkRoute, i)) < 0)
            return -1;
    }
    return 0;
}

static void
vrNetworkRouteFormat(GString *buf, const vrNetworkRoute *route)
{
    char addr[VR_NET_ADDR_STRLEN];

    vrBufIndent(buf, VR_EXTRA_LEVEL);
    g_string_append(buf, "<route");
    vrBufAttr(buf, "family", route->family);
    vrBufAttr(buf, "address", vrNetAddrFormat(&route->address, addr));
    if (vrNetAddrIsValid(&route->netmask))
        vrBufAttr(buf, "netmask", vrNetAddrFormat(&route->netmask, addr));
    if (route->has_prefix)
        vrBufPrintf(buf, " prefix='%u'", route->prefix);
    vrBufAttr(buf, "gateway", vrNetAddrFormat(&route->gateway, addr));
    if (route->has_metric && route->metric > 0)
        vrBufPrintf(buf, " metric='%u'", route->metric);
    g_string_append(buf, "/>\n");
}

vrNetworkExtra *
vrNetworkExtraNew(void)
{
    vrNetworkExtra *extra = g_new0(vrNetworkExtra, 1);

    extra->routes = g_array_new(FALSE, TRUE, sizeof(vrNetworkRoute));
    g_array_set_clear_func(extra->routes, vrNetworkRouteClear);
    extra->portgroups = g_array_new(FALSE, TRUE, sizeof(vrNetworkPortGroup));
    g_array_set_clear_func(extra->portgroups, vrNetworkPortGroupClear);
    return extra;
}

void
vrNetworkExtraFree(vrNetworkExtra *extra)
{
    if (!extra)
        return;
    vrNetworkVlanClear(&extra->vlan);
    vrNetworkBandwidthFree(extra->bandwidth);
    g_array_unref(extra->routes);
    g_array_unref(extra->portgroups);
    g_free(extra);
}

int
vrNetworkExtraParseHead(const char *net_name, xmlNode *root, vrNetworkExtra *extra)
{
    xmlNode *node;

    if ((node = vrXMLChild(root, "bandwidth")) &&
        vrNetworkBandwidthParse(node, &extra->bandwidth) < 0)
        return -1;
    if ((node = vrXMLChild(root, "vlan")) && vrNetworkVlanParse(node, &extra->vlan) < 0)
        return -1;
    return vrNetPropTristate(vrXMLChild(root, "port"), "isolated", &extra->isolated_port);
}

int
vrNetworkExtraParseBody(const char *net_name, xmlNode *root, vrNetworkExtra *extra)
{
    g_autoptr(GPtrArray) nodes = vrNetChildren(root, "portgroup");
    guint i;

    if (vrNetworkVirtualPortRefuse(net_name, root) < 0)
        return -1;
    for (i = 0; i < nodes->len && i < VR_NETWORK_LIST_MAX; i++) {
        vrNetworkPortGroup pg;

        if (vrNetworkPortGroupParse(net_name, g_ptr_array_index(nodes, i), &pg) < 0)
            return -1;
        g_array_append_val(extra->portgroups, pg);
    }
    return 0;
}

void
vrNetworkExtraFormatHead(GString *buf, const vrNetworkExtra *extra)
{
    vrNetworkVlanFormat(buf, VR_EXTRA_LEVEL, &extra->vlan);
    vrNetworkBandwidthFormat(buf, VR_EXTRA_LEVEL, extra->bandwidth);
    if (extra->isolated_port) {
        vrBufIndent(buf, VR_EXTRA_LEVEL);
        vrBufPrintf(buf, "<port isolated='%s'/>\n",
                    vrTristateBoolToString(extra->isolated_port));
    }
}

void
vrNetworkExtraFormatTail(GString *buf, const vrNetworkExtra *extra)
{
    guint i;

    for (i = 0; i < extra->routes->len; i++)
        vrNetworkRouteFormat(buf, &g_array_index(extra->routes, vrNetworkRoute, i));
    for (i = 0; i < extra->portgroups->len; i++)
        vrNetworkPortGroupFormat(buf, VR_EXTRA_LEVEL,
                                 &g_array_index(extra->portgroups, vrNetworkPortGroup, i));
}

/* ---- virNetworkUpdate: portgroup ---- */

/* Index of the portgroup called name (-1), and of the default one. */
static int
vrNetworkPortGroupFind(const vrNetworkExtra *extra, const char *name, int *dflt)
{
    int found = -1;
    guint i;

    *dflt = -1;
    for (i = 0; i < extra->portgroups->len; i++) {
        const vrNetworkPortGroup *pg = &g_array_index(extra->portgroups,
                                                      vrNetworkPortGroup, i);

        if (strcmp(pg->name, name) == 0)
            found = (int)i;
        if (pg->is_default)
            *dflt = (int)i;
    }
    return found;
}

static int
vrNetworkPortGroupCheck(const vrNetworkDef *def, unsigned int command,
                        const vrNetworkPortGroup *pg, int found, int dflt)
{
    bool is_add = command == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST ||
                  command == VIR_NETWORK_UPDATE_COMMAND_ADD_LAST;

    if (found < 0 && (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY ||
                      command == VIR_NETWORK_UPDATE_COMMAND_DELETE)) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "couldn't find a portgroup entry in "
                      "network '%s' matching <portgroup name='%s'>", def->name, pg->name);
        return -1;
    }
    if (found >= 0 && is_add) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "there is an existing portgroup entry in "
                      "network '%s' that matches \"<portgroup name='%s'>\"",
                      def->name, pg->name);
        return -1;
    }
    if (command != VIR_NETWORK_UPDATE_COMMAND_DELETE && pg->is_default &&
        dflt >= 0 && dflt != found) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "a different portgroup entry in network "
                      "'%s' is already set as the default. Only one default is allowed.",
                      def->name);
        return -1;
    }
    if (!is_add && command != VIR_NETWORK_UPDATE_COMMAND_MODIFY &&
        command != VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "unrecognized network update command code %d", command);
        return -1;
    }
    return 0;
}

int
vrNetworkExtraUpdatePortGroup(vrNetworkDef *def, unsigned int command, xmlNode *node)
{
    GArray *pgs = def->extra->portgroups;
    vrNetworkPortGroup pg;
    int found, dflt;

    if (vrNetworkPortGroupParse(def->name, node, &pg) < 0)
        return -1;
    found = vrNetworkPortGroupFind(def->extra, pg.name, &dflt);
    if (vrNetworkPortGroupCheck(def, command, &pg, found, dflt) < 0) {
        vrNetworkPortGroupClear(&pg);
        return -1;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        vrNetworkPortGroupClear(&g_array_index(pgs, vrNetworkPortGroup, found));
        g_array_index(pgs, vrNetworkPortGroup, found) = pg;
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        vrNetworkPortGroupClear(&pg);
        g_array_remove_index(pgs, (guint)found);
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST) {
        g_array_prepend_val(pgs, pg);
    } else {
        g_array_append_val(pgs, pg);
    }
    return 0;
}

/* ---- metadata ---- */

/* Keep namespaced elements only, the first per namespace (libvirt's
 * virXMLNodeSanitizeNamespaces), and dump as libxml2 formats it. */
char *
vrNetworkMetadataParse(xmlNode *metadata)
{
    xmlNode *copy = xmlCopyNode(metadata, 1);
    xmlBuffer *xbuf;
    xmlNode *child, *next, *prev;
    char *ret;

    for (child = copy->children; child; child = next) {
        bool drop = child->type != XML_ELEMENT_NODE || !child->ns || !child->ns->href;

        next = child->next;
        for (prev = copy->children; !drop && prev != child; prev = prev->next)
            drop = xmlStrEqual(prev->ns->href, child->ns->href);
        if (drop) {
            xmlUnlinkNode(child);
            xmlFreeNode(child);
        }
    }
    xbuf = xmlBufferCreate();
    xmlNodeDump(xbuf, metadata->doc, copy, VR_NETWORK_LEVEL, 1);
    ret = g_strdup((const char *)xmlBufferContent(xbuf));
    xmlBufferFree(xbuf);
    xmlFreeNode(copy);
    return ret;
}
