/* The <network> document: top-level parse in libvirt's order (name, uuid,
 * bridge, mac, mtu, domain, dns, ips, forward), the forward-mode rules,
 * format, copy and free. */
#include <string.h>
#include <errno.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "conf/network_priv.h"
#include "conf/domain_device.h"
#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_NETWORK

#define VR_NETWORK_ILLEGAL_NAME_CHARS "/"

VR_ENUM_DECL(vrNetworkMacTable);
VR_ENUM_IMPL(vrNetworkMacTable, VR_NETWORK_MAC_TABLE_LAST, "default", "kernel", "libvirt")

/* ---- helpers shared by conf/network_*.c ---- */

int
vrNetStrToUInt(const char *str, unsigned int *out)
{
    char *end = NULL;
    unsigned long val;
    bool negative;

    if (!str)
        return -1;
    errno = 0;
    val = strtoul(str, &end, 10);
    if (errno != 0 || end == str || *end != '\0')
        return -1;
    negative = memchr(str, '-', (size_t)(end - str)) != NULL;
    if (negative) {
        if (-val > G_MAXUINT)
            return -1;
        val &= G_MAXUINT;
    } else if (val > G_MAXUINT) {
        return -1;
    }
    *out = (unsigned int)val;
    return 0;
}

int
vrNetPropUInt(const xmlNode *node, const char *name, unsigned int *out)
{
    g_autofree char *str = node ? vrXMLProp(node, name) : NULL;

    if (!str || !*str)
        return -1;
    return vrNetStrToUInt(str, out) < 0 ? -2 : 0;
}

char *
vrNetPropNonEmpty(const xmlNode *node, const char *name)
{
    char *str = node ? vrXMLProp(node, name) : NULL;

    if (str && !*str)
        g_clear_pointer(&str, g_free);
    return str;
}

int
vrNetPropTristate(const xmlNode *node, const char *name, vrTristate *out)
{
    int val = VR_TRISTATE_ABSENT;

    if (!node)
        return 0;
    if (vrXMLPropEnum(node, name, vrTristateBoolFromString, VR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    *out = val;
    return 0;
}

GPtrArray *
vrNetChildren(const xmlNode *parent, const char *name)
{
    GPtrArray *nodes = g_ptr_array_new();
    xmlNode *cur;

    for (cur = parent ? parent->children : NULL; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, name))
            g_ptr_array_add(nodes, cur);
    }
    return nodes;
}

/* ---- allocation ---- */

static vrNetworkDef *
vrNetworkDefNew(void)
{
    vrNetworkDef *def = g_new0(vrNetworkDef, 1);

    vrNetworkForwardDefInit(&def->forward);
    vrNetworkDNSDefInit(&def->dns);
    def->ips = g_array_new(FALSE, TRUE, sizeof(vrNetworkIPDef));
    g_array_set_clear_func(def->ips, vrNetworkIPDefClear);
    def->extra = vrNetworkExtraNew();
    def->stp = true;
    return def;
}

void
vrNetworkDefFree(vrNetworkDef *def)
{
    if (!def)
        return;
    g_free(def->name);
    g_free(def->metadata);
    vrNetworkForwardDefClear(&def->forward);
    g_free(def->bridge);
    g_free(def->bridge_zone);
    g_free(def->domain);
    vrNetworkDNSDefClear(&def->dns);
    if (def->ips)
        g_array_unref(def->ips);
    vrNetworkExtraFree(def->extra);
    g_free(def);
}

/* ---- parse ---- */

static int
vrNetworkDefParseName(xmlNode *root, vrNetworkDef *def)
{
    g_autofree char *uuid = NULL;
    const char *c;

    def->name = vrXMLChildText(root, "name");
    if (!def->name || !*def->name) {
        vrReportErrorBare(VIR_ERR_NO_NAME);
        return -1;
    }
    for (c = def->name; *c; c++) {
        if ((unsigned char)*c < 0x20 || strchr(VR_NETWORK_ILLEGAL_NAME_CHARS, *c)) {
            /* libvirt checks names in its XML helpers: VIR_FROM_XML */
            vrErrorReport(VIR_FROM_XML, VIR_ERR_XML_DETAIL, __FILE__, __func__,
                          __LINE__, "invalid char in name: %c", *c);
            return -1;
        }
    }
    if (strlen(def->name) > VR_NETWORK_NAME_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "network name is longer than %d bytes",
                      VR_NETWORK_NAME_MAX);
        return -1;
    }
    uuid = vrXMLChildText(root, "uuid");
    if (!uuid || !*uuid) {
        vrUUIDGenerate(def->uuid);
    } else if (vrUUIDParse(uuid, def->uuid) < 0) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "malformed uuid element");
        return -1;
    }
    return 0;
}

/* <network ipv6 trustGuestRxFilters>, <domain name localOnly>. */
static int
vrNetworkDefParseAttrs(xmlNode *root, vrNetworkDef *def)
{
    g_autofree char *ipv6 = vrNetPropNonEmpty(root, "ipv6");
    xmlNode *domain = vrXMLChild(root, "domain");

    if (ipv6) {
        if (strcmp(ipv6, "yes") != 0 && strcmp(ipv6, "no") != 0) {
            vrReportError(VIR_ERR_XML_ERROR, "Invalid ipv6 setting '%s' in network '%s'",
                          ipv6, def->name);
            return -1;
        }
        def->ipv6nogw = strcmp(ipv6, "yes") == 0;
    }
    if (vrNetPropTristate(root, "trustGuestRxFilters", &def->trust_guest_rx_filters) < 0)
        return -1;
    def->domain = domain ? vrXMLProp(domain, "name") : NULL;
    return vrNetPropTristate(domain, "localOnly", &def->domain_local_only);
}

/* <bridge name zone stp delay macTableManager>; *stp_given for the
 * forward-mode check. */
static int
vrNetworkDefParseBridge(xmlNode *root, vrNetworkDef *def, bool *stp_given)
{
    xmlNode *bridge = vrXMLChild(root, "bridge");
    g_autofree char *stp = vrNetPropNonEmpty(bridge, "stp");
    g_autofree char *delay = vrNetPropNonEmpty(bridge, "delay");
    g_autofree char *table = vrNetPropNonEmpty(bridge, "macTableManager");
    char *end = NULL;
    int val;

    def->bridge = vrNetPropNonEmpty(bridge, "name");
    def->bridge_zone = vrNetPropNonEmpty(bridge, "zone");
    def->stp = !(stp && strcmp(stp, "off") == 0);
    *stp_given = stp != NULL;
    if (delay) {
        errno = 0;
        def->delay = strtoul(delay, &end, 10);
        if (errno || end == delay || *end || strchr(delay, '-')) {
            vrReportError(VIR_ERR_XML_ERROR, "Invalid delay value in network '%s'",
                          def->name);
            return -1;
        }
    }
    if (table) {
        if ((val = vrNetworkMacTableFromString(table)) <= 0) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "Invalid macTableManager setting '%s' in network '%s'",
                          table, def->name);
            return -1;
        }
        def->mac_table = val;
    }
    return 0;
}

static int
vrNetworkDefParseMacMtu(xmlNode *root, vrNetworkDef *def)
{
    g_autofree char *mac = vrNetPropNonEmpty(vrXMLChild(root, "mac"), "address");
    g_autofree char *mtu = vrNetPropNonEmpty(vrXMLChild(root, "mtu"), "size");

    if (mac) {
        if (vrMacParse(mac, def->mac) < 0) {
            vrReportError(VIR_ERR_XML_ERROR, "Invalid bridge mac address '%s' in network '%s'",
                          mac, def->name);
            return -1;
        }
        if (def->mac[0] & 1) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "Invalid multicast bridge mac address '%s' in network '%s'",
                          mac, def->name);
            return -1;
        }
        def->mac_specified = true;
    }
    if (mtu && vrNetStrToUInt(mtu, &def->mtu) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid mtu size '%s' in network '%s'",
                      mtu, def->name);
        return -1;
    }
    return 0;
}

static int
vrNetworkDefParseIPs(xmlNode *root, vrNetworkDef *def)
{
    g_autoptr(GPtrArray) nodes = vrNetChildren(root, "ip");
    guint i;

    if (nodes->len > VR_NETWORK_LIST_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "network '%s' has more than %d ip elements",
                      def->name, VR_NETWORK_LIST_MAX);
        return -1;
    }
    for (i = 0; i < nodes->len; i++) {
        vrNetworkIPDef ip;

        if (vrNetworkIPDefParse(def->name, g_ptr_array_index(nodes, i), &ip) < 0)
            return -1;
        g_array_append_val(def->ips, ip);
    }
    return 0;
}

/* Routed modes need an address and at most one device. */
static int
vrNetworkDefCheckRouted(const vrNetworkDef *def)
{
    const char *mode = vrNetworkForwardTypeToString(def->forward.type);

    if (!def->ips->len) {
        vrReportError(VIR_ERR_XML_ERROR, "%s forwarding requested, but no IP address "
                      "provided for network '%s'", mode, def->name);
        return -1;
    }
    if (def->forward.ifs->len > 1) {
        vrReportError(VIR_ERR_XML_ERROR, "multiple forwarding interfaces specified for "
                      "network '%s', only one is supported", def->name);
        return -1;
    }
    if (def->forward.type == VR_NETWORK_FORWARD_OPEN && def->forward.ifs->len) {
        vrReportError(VIR_ERR_XML_ERROR, "forward dev not allowed for network '%s' with "
                      "forward mode='%s'", def->name, mode);
        return -1;
    }
    return 0;
}

/* Modes that use host devices: no bridge options. */
static int
vrNetworkDefCheckDevice(const vrNetworkDef *def, bool stp_given)
{
    const char *mode = vrNetworkForwardTypeToString(def->forward.type);

    if (def->forward.type != VR_NETWORK_FORWARD_BRIDGE) {
        const char *what = def->bridge ? "bridge name" : def->bridge_zone ? "bridge zone" :
                           def->mac_table ? "bridge macTableManager setting" : NULL;

        if (what) {
            vrReportError(VIR_ERR_XML_ERROR, "%s not allowed in %s mode (network '%s')",
                          what, mode, def->name);
            return -1;
        }
    }
    if (def->delay || stp_given || def->bridge_zone) {
        vrReportError(VIR_ERR_XML_ERROR, "bridge delay/stp/zone options only allowed in "
                      "route, nat, and isolated mode, not in %s (network '%s')",
                      mode, def->name);
        return -1;
    }
    if (def->bridge && (def->forward.ifs->len || def->forward.pf_dev)) {
        vrReportError(VIR_ERR_XML_ERROR, "A network with forward mode='%s' can specify a "
                      "bridge name or a forward dev, but not both (network '%s')",
                      mode, def->name);
        return -1;
    }
    return 0;
}

static int
vrNetworkDefCheckMode(const vrNetworkDef *def, bool stp_given)
{
    bool routed = def->forward.type == VR_NETWORK_FORWARD_NAT ||
                  def->forward.type == VR_NETWORK_FORWARD_ROUTE ||
                  def->forward.type == VR_NETWORK_FORWARD_OPEN;

    if (routed && vrNetworkDefCheckRouted(def) < 0)
        return -1;
    if (!routed && def->forward.type != VR_NETWORK_FORWARD_NONE &&
        vrNetworkDefCheckDevice(def, stp_given) < 0)
        return -1;
    if (def->mtu && !routed && def->forward.type != VR_NETWORK_FORWARD_NONE) {
        vrReportError(VIR_ERR_XML_ERROR, "mtu size only allowed in open, route, nat, and "
                      "isolated mode, not in %s (network '%s')",
                      vrNetworkForwardTypeToString(def->forward.type), def->name);
        return -1;
    }
    return 0;
}

vrNetworkDef *
vrNetworkDefParseNode(xmlNode *root)
{
    g_autoptr(vrNetworkDef) def = vrNetworkDefNew();
    xmlNode *node;
    bool stp_given = false;

    if (vrNetworkDefParseName(root, def) < 0 ||
        vrNetworkDefParseAttrs(root, def) < 0 ||
        vrNetworkExtraParseHead(def->name, root, def->extra) < 0 ||
        vrNetworkDefParseBridge(root, def, &stp_given) < 0 ||
        vrNetworkDefParseMacMtu(root, def) < 0)
        return NULL;
    if ((node = vrXMLChild(root, "dns")) &&
        vrNetworkDNSDefParse(def->name, node, &def->dns) < 0)
        return NULL;
    if (vrNetworkExtraParseBody(def->name, root, def->extra) < 0 ||
        vrNetworkDefParseIPs(root, def) < 0 ||
        vrNetworkExtraParseRoutes(def, root, def->extra) < 0)
        return NULL;
    if ((node = vrXMLChild(root, "forward")) &&
        vrNetworkForwardDefParse(def->name, node, &def->forward) < 0)
        return NULL;
    if (vrNetworkDefCheckMode(def, stp_given) < 0)
        return NULL;
    if ((node = vrXMLChild(root, "metadata")))
        def->metadata = vrNetworkMetadataParse(node);
    return g_steal_pointer(&def);
}

xmlDoc *
vrNetworkXMLParse(const char *xml, const char *url, const char *root_name)
{
    xmlDoc *doc = vrXMLParseString(xml, url, root_name);
    const virError *err;

    /* the shared parser files syntax errors under the domain's error
     * domain; libvirt reports them as the network's */
    if (!doc && (err = vrErrorLast()) && err->code == VIR_ERR_XML_DETAIL &&
        err->domain == VIR_FROM_DOMAIN) {
        g_autofree char *detail = g_strdup(err->str2 ? err->str2 : "");

        vrReportError(VIR_ERR_XML_DETAIL, "%s", detail);
    }
    return doc;
}

vrNetworkDef *
vrNetworkDefParseString(const char *xml, unsigned int parse_flags)
{
    xmlDoc *doc;
    vrNetworkDef *def = NULL;

    if (vrCheckFlags(parse_flags, VR_NETWORK_DEF_PARSE_VALIDATE_SCHEMA) < 0)
        return NULL;
    if (!(doc = vrNetworkXMLParse(xml, VR_NETWORK_URL, "network")))
        return NULL;
    if (!(parse_flags & VR_NETWORK_DEF_PARSE_VALIDATE_SCHEMA) ||
        vrNetworkSchemaValidate(doc) == 0)
        def = vrNetworkDefParseNode(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return def;
}

/* ---- format ---- */

static void
vrNetworkBridgeFormat(GString *buf, const vrNetworkDef *def)
{
    bool routed = def->forward.type <= VR_NETWORK_FORWARD_OPEN;

    if (!routed && !def->bridge && !def->mac_table)
        return;
    vrBufIndent(buf, VR_NETWORK_LEVEL);
    g_string_append(buf, "<bridge");
    vrBufAttr(buf, "name", def->bridge);
    vrBufAttr(buf, "zone", def->bridge_zone);
    if (routed)
        vrBufPrintf(buf, " stp='%s' delay='%lu'", def->stp ? "on" : "off", def->delay);
    if (def->mac_table)
        vrBufAttr(buf, "macTableManager", vrNetworkMacTableToString(def->mac_table));
    g_string_append(buf, "/>\n");
}

static void
vrNetworkMiscFormat(GString *buf, const vrNetworkDef *def)
{
    if (def->mtu) {
        vrBufIndent(buf, VR_NETWORK_LEVEL);
        vrBufPrintf(buf, "<mtu size='%u'/>\n", def->mtu);
    }
    if (def->mac_specified) {
        char mac[VR_MAC_STRING_BUFLEN];

        vrMacFormat(def->mac, mac);
        vrBufIndent(buf, VR_NETWORK_LEVEL);
        vrBufPrintf(buf, "<mac address='%s'/>\n", mac);
    }
    if (def->domain) {
        vrBufIndent(buf, VR_NETWORK_LEVEL);
        g_string_append(buf, "<domain");
        vrBufAttr(buf, "name", def->domain);
        if (def->domain_local_only)
            vrBufAttr(buf, "localOnly", vrTristateBoolToString(def->domain_local_only));
        g_string_append(buf, "/>\n");
    }
}

char *
vrNetworkDefFormat(const vrNetworkDef *def)
{
    GString *buf = g_string_new("<network");
    char uuid[VIR_UUID_STRING_BUFLEN];
    guint i;

    if (def->ipv6nogw)
        g_string_append(buf, " ipv6='yes'");
    if (def->trust_guest_rx_filters)
        vrBufAttr(buf, "trustGuestRxFilters",
                  vrTristateBoolToString(def->trust_guest_rx_filters));
    g_string_append(buf, ">\n");
    vrBufElementText(buf, VR_NETWORK_LEVEL, "name", def->name);
    vrBufElementText(buf, VR_NETWORK_LEVEL, "uuid", vrUUIDFormat(def->uuid, uuid));
    if (def->metadata) {
        vrBufIndent(buf, VR_NETWORK_LEVEL);
        g_string_append(buf, def->metadata);
        g_string_append_c(buf, '\n');
    }
    vrNetworkForwardDefFormat(buf, &def->forward);
    vrNetworkBridgeFormat(buf, def);
    vrNetworkMiscFormat(buf, def);
    vrNetworkDNSDefFormat(buf, &def->dns);
    vrNetworkExtraFormatHead(buf, def->extra);
    for (i = 0; i < def->ips->len; i++)
        vrNetworkIPDefFormat(buf, &g_array_index(def->ips, vrNetworkIPDef, i));
    vrNetworkExtraFormatTail(buf, def->extra);
    g_string_append(buf, "</network>\n");
    return g_string_free(buf, FALSE);
}

vrNetworkDef *
vrNetworkDefReparse(const vrNetworkDef *def)
{
    g_autofree char *xml = vrNetworkDefFormat(def);
    vrNetworkDef *copy;
    xmlDoc *doc;

    /* Our own output: no size or depth limit applies, but the parse
     * rules do (an edit may have made the definition invalid). */
    doc = xmlReadMemory(xml, (int)strlen(xml), VR_NETWORK_URL, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_HUGE);
    g_assert(doc);
    copy = vrNetworkDefParseNode(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return copy;
}

vrNetworkDef *
vrNetworkDefCopy(const vrNetworkDef *def)
{
    vrNetworkDef *copy = vrNetworkDefReparse(def);

    /* A format/parse cycle, as libvirt copies: the format is a fixed
     * point (tests/conf checks it), so this cannot fail. */
    g_assert(copy);
    return copy;
}
