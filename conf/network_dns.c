/* <dns> of a network: forwarders, TXT, SRV and HOST records with
 * libvirt's checks and messages; the record parsers also serve
 * virNetworkUpdate (partial: a search pattern). */
#include <string.h>

#include "conf/network_priv.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NETWORK

/* RFC 2782's limit less overhead, as libvirt's DNS_RECORD_LENGTH_SRV. */
#define VR_DNS_SRV_SERVICE_MAX (512 - 30)
#define VR_DNS_PORT_MAX 65535
#define VR_DNS_FIELD_MAX 65535
#define VR_DNS_LEVEL (VR_NETWORK_LEVEL)

/* Every character of /etc/services and /etc/protocols names but '.'. */
#define VR_DNS_PROTOCOL_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/"
#define VR_DNS_SERVICE_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*"
#define VR_DNS_TXT_BAD_CHARS " ,"
/* A missing field printed as glibc prints a NULL %s, as libvirt does. */
#define VR_DNS_NULLSTR(s) ((s) ? (s) : "(null)")

/* ---- clear ---- */

void
vrNetworkDNSHostClear(gpointer data)
{
    vrNetworkDNSHost *host = data;

    g_clear_pointer(&host->names, g_ptr_array_unref);
}

void
vrNetworkDNSTxtClear(gpointer data)
{
    vrNetworkDNSTxt *txt = data;

    g_clear_pointer(&txt->name, g_free);
    g_clear_pointer(&txt->value, g_free);
}

void
vrNetworkDNSSrvClear(gpointer data)
{
    vrNetworkDNSSrv *srv = data;

    g_clear_pointer(&srv->domain, g_free);
    g_clear_pointer(&srv->service, g_free);
    g_clear_pointer(&srv->protocol, g_free);
    g_clear_pointer(&srv->target, g_free);
}

static void
vrNetworkDNSForwarderClear(gpointer data)
{
    vrNetworkDNSForwarder *fwd = data;

    g_clear_pointer(&fwd->domain, g_free);
}

static GArray *
vrNetworkDNSArray(size_t elem, GDestroyNotify clear)
{
    GArray *arr = g_array_new(FALSE, TRUE, (guint)elem);

    g_array_set_clear_func(arr, clear);
    return arr;
}

void
vrNetworkDNSDefInit(vrNetworkDNSDef *dns)
{
    memset(dns, 0, sizeof(*dns));
    dns->forwarders = vrNetworkDNSArray(sizeof(vrNetworkDNSForwarder),
                                        vrNetworkDNSForwarderClear);
    dns->txts = vrNetworkDNSArray(sizeof(vrNetworkDNSTxt), vrNetworkDNSTxtClear);
    dns->srvs = vrNetworkDNSArray(sizeof(vrNetworkDNSSrv), vrNetworkDNSSrvClear);
    dns->hosts = vrNetworkDNSArray(sizeof(vrNetworkDNSHost), vrNetworkDNSHostClear);
}

void
vrNetworkDNSDefClear(vrNetworkDNSDef *dns)
{
    g_clear_pointer(&dns->forwarders, g_array_unref);
    g_clear_pointer(&dns->txts, g_array_unref);
    g_clear_pointer(&dns->srvs, g_array_unref);
    g_clear_pointer(&dns->hosts, g_array_unref);
}

/* ---- records ---- */

int
vrNetworkDNSHostParse(const char *net_name, xmlNode *node, vrNetworkDNSHost *host,
                      bool partial)
{
    g_autoptr(GPtrArray) nodes = vrNetChildren(node, "hostname");
    g_autofree char *ip = vrXMLProp(node, "ip");
    guint i;

    memset(host, 0, sizeof(*host));
    host->names = g_ptr_array_new_with_free_func(g_free);
    for (i = 0; i < nodes->len; i++) {
        char *name = vrXMLText(g_ptr_array_index(nodes, i));

        g_ptr_array_add(host->names, name);
        if (!*name)
            goto missing_name;
    }
    if (!nodes->len && !partial)
        goto missing_name;
    if (ip) {
        if (vrNetAddrParse(ip, &host->ip) < 0) {
            vrReportError(VIR_ERR_XML_DETAIL,
                          "Invalid IP address in network '%s' DNS HOST record", net_name);
            goto error;
        }
    } else if (!partial) {
        vrReportError(VIR_ERR_XML_DETAIL, "Missing IP address in network '%s' DNS HOST record",
                      net_name);
        goto error;
    } else if (!nodes->len) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "Missing ip and hostname in network '%s' DNS HOST record", net_name);
        goto error;
    }
    return 0;
 missing_name:
    vrReportError(VIR_ERR_XML_DETAIL, "Missing hostname in network '%s' DNS HOST record",
                  net_name);
 error:
    vrNetworkDNSHostClear(host);
    return -1;
}

int
vrNetworkDNSTxtParse(const char *net_name, xmlNode *node, vrNetworkDNSTxt *txt,
                     bool partial)
{
    memset(txt, 0, sizeof(*txt));
    if (!(txt->name = vrXMLProp(node, "name"))) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "missing required name attribute in DNS TXT record of network %s",
                      net_name);
        goto error;
    }
    if (strcspn(txt->name, VR_DNS_TXT_BAD_CHARS) != strlen(txt->name)) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "prohibited character in DNS TXT record name '%s' of network %s",
                      txt->name, net_name);
        goto error;
    }
    if (!(txt->value = vrXMLProp(node, "value")) && !partial) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "missing required value attribute in DNS TXT record named '%s' of "
                      "network %s", txt->name, net_name);
        goto error;
    }
    return 0;
 error:
    vrNetworkDNSTxtClear(txt);
    return -1;
}

/* One numeric SRV field: only with a target, and within max. */
static int
vrNetworkDNSSrvField(const char *net_name, xmlNode *node, vrNetworkDNSSrv *srv,
                     const char *attr, const char *invalid, unsigned int min,
                     unsigned int max, unsigned int *out)
{
    int rc = vrNetPropUInt(node, attr, out);

    if (rc >= 0 && !srv->target) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "DNS SRV %s attribute not permitted without target for service "
                      "'%s' in network '%s'", attr, VR_DNS_NULLSTR(srv->service), net_name);
        return -1;
    }
    if (rc == -2 || (rc >= 0 && (*out < min || *out > max))) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "%s DNS SRV %s attribute for service '%s' in network '%s'",
                      invalid, attr, VR_DNS_NULLSTR(srv->service), net_name);
        return -1;
    }
    if (rc < 0)
        *out = 0;
    return 0;
}

static int
vrNetworkDNSSrvNames(const char *net_name, xmlNode *node, vrNetworkDNSSrv *srv,
                     bool partial)
{
    if (!(srv->service = vrXMLProp(node, "service")) && !partial) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "missing required service attribute in DNS SRV record of network '%s'",
                      net_name);
        return -1;
    }
    if (srv->service && strlen(srv->service) > VR_DNS_SRV_SERVICE_MAX) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "service attribute '%s' in network '%s' is too long, limit is %d bytes",
                      srv->service, net_name, VR_DNS_SRV_SERVICE_MAX);
        return -1;
    }
    if (srv->service && strspn(srv->service, VR_DNS_SERVICE_CHARS) < strlen(srv->service)) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "invalid character in service attribute '%s' in DNS SRV record of "
                      "network '%s'", srv->service, net_name);
        return -1;
    }
    if (!(srv->protocol = vrXMLProp(node, "protocol")) && !partial) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "missing required protocol attribute in DNS SRV record '%s' of "
                      "network '%s'", VR_DNS_NULLSTR(srv->service), net_name);
        return -1;
    }
    if (srv->protocol && strspn(srv->protocol, VR_DNS_PROTOCOL_CHARS) < strlen(srv->protocol)) {
        vrReportError(VIR_ERR_XML_DETAIL,
                      "invalid character in protocol attribute '%s' in DNS SRV record of "
                      "network '%s'", srv->protocol, net_name);
        return -1;
    }
    return 0;
}

int
vrNetworkDNSSrvParse(const char *net_name, xmlNode *node, vrNetworkDNSSrv *srv,
                     bool partial)
{
    memset(srv, 0, sizeof(*srv));
    if (vrNetworkDNSSrvNames(net_name, node, srv, partial) < 0)
        goto error;
    srv->domain = vrXMLProp(node, "domain");
    srv->target = vrXMLProp(node, "target");
    if (vrNetworkDNSSrvField(net_name, node, srv, "port", "invalid", 1, VR_DNS_PORT_MAX,
                             &srv->port) < 0 ||
        vrNetworkDNSSrvField(net_name, node, srv, "priority", "Invalid", 0,
                             VR_DNS_FIELD_MAX, &srv->priority) < 0 ||
        vrNetworkDNSSrvField(net_name, node, srv, "weight", "invalid", 0,
                             VR_DNS_FIELD_MAX, &srv->weight) < 0)
        goto error;
    return 0;
 error:
    vrNetworkDNSSrvClear(srv);
    return -1;
}

/* ---- <dns> ---- */

static int
vrNetworkDNSForwardersParse(const char *net_name, xmlNode *node, vrNetworkDNSDef *dns)
{
    g_autoptr(GPtrArray) nodes = vrNetChildren(node, "forwarder");
    guint i;

    for (i = 0; i < nodes->len; i++) {
        xmlNode *cur = g_ptr_array_index(nodes, i);
        g_autofree char *addr = vrXMLProp(cur, "addr");
        vrNetworkDNSForwarder fwd = { { 0 }, NULL };

        if (addr && vrNetAddrParse(addr, &fwd.addr) < 0) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "Invalid forwarder IP address '%s' in network '%s'", addr, net_name);
            return -1;
        }
        fwd.domain = vrXMLProp(cur, "domain");
        if (!addr && !fwd.domain) {
            vrReportError(VIR_ERR_XML_ERROR, "Invalid forwarder element, must contain at "
                          "least one of addr or domain");
            return -1;
        }
        g_array_append_val(dns->forwarders, fwd);
    }
    return 0;
}

typedef int (*vrNetworkDNSRecordParse)(const char *net_name, xmlNode *node, void *rec);

static int
vrNetworkDNSHostParseAny(const char *net_name, xmlNode *node, void *rec)
{
    return vrNetworkDNSHostParse(net_name, node, rec, false);
}

static int
vrNetworkDNSSrvParseAny(const char *net_name, xmlNode *node, void *rec)
{
    return vrNetworkDNSSrvParse(net_name, node, rec, false);
}

static int
vrNetworkDNSTxtParseAny(const char *net_name, xmlNode *node, void *rec)
{
    return vrNetworkDNSTxtParse(net_name, node, rec, false);
}

/* Parse every child called name with parse into arr. */
static int
vrNetworkDNSRecordsParse(const char *net_name, xmlNode *node, const char *name,
                         vrNetworkDNSRecordParse parse, GArray *arr)
{
    g_autoptr(GPtrArray) nodes = vrNetChildren(node, name);
    g_autofree void *rec = g_malloc0(g_array_get_element_size(arr));
    guint i;

    for (i = 0; i < nodes->len; i++) {
        if (parse(net_name, g_ptr_array_index(nodes, i), rec) < 0)
            return -1;
        g_array_append_vals(arr, rec, 1);
    }
    return 0;
}

int
vrNetworkDNSDefParse(const char *net_name, xmlNode *node, vrNetworkDNSDef *dns)
{
    if (vrNetPropTristate(node, "enable", &dns->enable) < 0 ||
        vrNetPropTristate(node, "forwardPlainNames", &dns->forward_plain_names) < 0 ||
        vrNetworkDNSForwardersParse(net_name, node, dns) < 0 ||
        vrNetworkDNSRecordsParse(net_name, node, "host", vrNetworkDNSHostParseAny,
                                 dns->hosts) < 0 ||
        vrNetworkDNSRecordsParse(net_name, node, "srv", vrNetworkDNSSrvParseAny,
                                 dns->srvs) < 0 ||
        vrNetworkDNSRecordsParse(net_name, node, "txt", vrNetworkDNSTxtParseAny,
                                 dns->txts) < 0)
        return -1;
    if (dns->forwarders->len + dns->hosts->len + dns->srvs->len + dns->txts->len >
        VR_NETWORK_LIST_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "network '%s' has more than %d dns entries",
                      net_name, VR_NETWORK_LIST_MAX);
        return -1;
    }
    if (dns->enable == VR_TRISTATE_NO &&
        (dns->forwarders->len || dns->hosts->len || dns->srvs->len || dns->txts->len)) {
        vrReportError(VIR_ERR_XML_ERROR, "Extra data in disabled network '%s'", net_name);
        return -1;
    }
    return 0;
}

static void
vrNetworkDNSRecordsFormat(GString *buf, const vrNetworkDNSDef *dns, int level)
{
    char addr[VR_NET_ADDR_STRLEN];
    guint i, j;

    for (i = 0; i < dns->forwarders->len; i++) {
        const vrNetworkDNSForwarder *f = &g_array_index(dns->forwarders,
                                                        vrNetworkDNSForwarder, i);

        vrBufIndent(buf, level);
        g_string_append(buf, "<forwarder");
        vrBufAttr(buf, "domain", f->domain);
        if (vrNetAddrIsValid(&f->addr))
            vrBufAttr(buf, "addr", vrNetAddrFormat(&f->addr, addr));
        g_string_append(buf, "/>\n");
    }
    for (i = 0; i < dns->txts->len; i++) {
        const vrNetworkDNSTxt *t = &g_array_index(dns->txts, vrNetworkDNSTxt, i);

        vrBufIndent(buf, level);
        g_string_append(buf, "<txt");
        vrBufAttr(buf, "name", t->name);
        vrBufAttr(buf, "value", t->value);
        g_string_append(buf, "/>\n");
    }
    for (i = 0; i < dns->srvs->len; i++) {
        const vrNetworkDNSSrv *s = &g_array_index(dns->srvs, vrNetworkDNSSrv, i);

        if (!s->service || !s->protocol)
            continue;
        vrBufIndent(buf, level);
        g_string_append(buf, "<srv");
        vrBufAttr(buf, "service", s->service);
        vrBufAttr(buf, "protocol", s->protocol);
        vrBufAttr(buf, "domain", s->domain);
        vrBufAttr(buf, "target", s->target);
        if (s->port)
            vrBufPrintf(buf, " port='%u'", s->port);
        if (s->priority)
            vrBufPrintf(buf, " priority='%u'", s->priority);
        if (s->weight)
            vrBufPrintf(buf, " weight='%u'", s->weight);
        g_string_append(buf, "/>\n");
    }
    for (i = 0; i < dns->hosts->len; i++) {
        const vrNetworkDNSHost *h = &g_array_index(dns->hosts, vrNetworkDNSHost, i);

        vrBufIndent(buf, level);
        vrBufPrintf(buf, "<host ip='%s'>\n", vrNetAddrFormat(&h->ip, addr));
        for (j = 0; j < h->names->len; j++)
            vrBufElementText(buf, level + 1, "hostname", g_ptr_array_index(h->names, j));
        vrBufIndent(buf, level);
        g_string_append(buf, "</host>\n");
    }
}

void
vrNetworkDNSDefFormat(GString *buf, const vrNetworkDNSDef *dns)
{
    bool records = dns->forwarders->len || dns->txts->len || dns->srvs->len ||
                   dns->hosts->len;

    if (!dns->enable && !dns->forward_plain_names && !records)
        return;
    vrBufIndent(buf, VR_DNS_LEVEL);
    g_string_append(buf, "<dns");
    if (dns->enable)
        vrBufAttr(buf, "enable", vrTristateBoolToString(dns->enable));
    if (dns->forward_plain_names)
        vrBufAttr(buf, "forwardPlainNames",
                  vrTristateBoolToString(dns->forward_plain_names));
    if (!records) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    vrNetworkDNSRecordsFormat(buf, dns, VR_DNS_LEVEL + 1);
    vrBufIndent(buf, VR_DNS_LEVEL);
    g_string_append(buf, "</dns>\n");
}
