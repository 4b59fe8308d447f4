/* conformance/cases_network_ops.c: networks beyond the lifecycle -- XML
 * round trip and exact output, parse errors, lifecycle events in order,
 * ListAllNetworks filters, virNetworkUpdate sections with LIVE/CONFIG,
 * DHCP leases of running domains, and misuse (NULL, flags, read-only). */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstore.h"

#define VRC_BAD_FLAG (1U << 30)
#define VRC_TICKS_AFTER_DEREGISTER 10
#define VRC_LEASE_MAC "52:54:00:c0:f0:01"
#define VRC_OTHER_MAC "52:54:00:c0:f0:99"
#define VRC_NAMES_MAX 64           /* names a legacy list call may return */

/* ---- XML ---- */

static const char vrcNetRichXml[] =
    "<network>\n"
    "  <name>conform-x1</name>\n"
    "  <uuid>c0f0c0f0-0000-4000-8000-000000000021</uuid>\n"
    "  <forward mode='nat'/>\n"
    "  <bridge name='vrcx1' stp='off'/>\n"
    "  <mtu size='9000'/>\n"
    "  <mac address='52:54:00:0a:0b:0c'/>\n"
    "  <domain name='conform.test'/>\n"
    "  <dns>\n"
    "    <host ip='10.20.0.5'><hostname>db</hostname><hostname>db.conform.test</hostname>"
    "</host>\n"
    "  </dns>\n"
    "  <ip address='10.20.0.1' prefix='24'>\n"
    "    <dhcp>\n"
    "      <range start='10.20.0.100' end='10.20.0.199'/>\n"
    "      <host mac='52:54:00:00:00:21' name='vm1' ip='10.20.0.21'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

/* What libvirt 9.0 prints for vrcNetRichXml. */
static const char vrcNetRichOut[] =
    "<network>\n"
    "  <name>conform-x1</name>\n"
    "  <uuid>c0f0c0f0-0000-4000-8000-000000000021</uuid>\n"
    "  <forward mode='nat'/>\n"
    "  <bridge name='vrcx1' stp='off' delay='0'/>\n"
    "  <mtu size='9000'/>\n"
    "  <mac address='52:54:00:0a:0b:0c'/>\n"
    "  <domain name='conform.test'/>\n"
    "  <dns>\n"
    "    <host ip='10.20.0.5'>\n"
    "      <hostname>db</hostname>\n"
    "      <hostname>db.conform.test</hostname>\n"
    "    </host>\n"
    "  </dns>\n"
    "  <ip address='10.20.0.1' prefix='24'>\n"
    "    <dhcp>\n"
    "      <range start='10.20.0.100' end='10.20.0.199'/>\n"
    "      <host mac='52:54:00:00:00:21' name='vm1' ip='10.20.0.21'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

static const char vrcNetRouteXml[] =
    "<network><name>conform-x2</name><uuid>c0f0c0f0-0000-4000-8000-000000000022</uuid>"
    "<forward mode='route' dev='eth0'/><bridge name='vrcx2'/>"
    "<ip address='10.21.0.1' netmask='255.255.0.0'/></network>";

static const char vrcNetRouteOut[] =
    "<network>\n"
    "  <name>conform-x2</name>\n"
    "  <uuid>c0f0c0f0-0000-4000-8000-000000000022</uuid>\n"
    "  <forward dev='eth0' mode='route'>\n"
    "    <interface dev='eth0'/>\n"
    "  </forward>\n"
    "  <bridge name='vrcx2' stp='on' delay='0'/>\n"
    "  <ip address='10.21.0.1' netmask='255.255.0.0'>\n"
    "  </ip>\n"
    "</network>\n";

static const char vrcNetIsolatedXml[] =
    "<network><name>conform-x3</name><uuid>c0f0c0f0-0000-4000-8000-000000000023</uuid>"
    "<bridge name='vrcx3'/></network>";

static const char vrcNetIsolatedOut[] =
    "<network>\n"
    "  <name>conform-x3</name>\n"
    "  <uuid>c0f0c0f0-0000-4000-8000-000000000023</uuid>\n"
    "  <bridge name='vrcx3' stp='on' delay='0'/>\n"
    "</network>\n";

static int
vrcNetXmlRoundTrip(vrcCtx *ctx)
{
    virNetworkPtr net;
    char *first, *second;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-x1", vrcNetRichXml));
    VRC_STR(ctx, first, virNetworkGetXMLDesc(net, 0));
    VRC_OK(ctx, virNetworkUndefine(net));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-x1", first));
    VRC_STR(ctx, second, virNetworkGetXMLDesc(net, 0));
    VRC_EXPECT(ctx, strcmp(first, second) == 0,
               "second dump differs from the first:\n%s\n---\n%s", first, second);
    return 0;
}

typedef struct {
    const char *name;
    const char *in;
    const char *out;
} vrcNetXmlRow;

static int
vrcNetXmlExact(vrcCtx *ctx)
{
    const vrcNetXmlRow *row = ctx->tc->data;
    virNetworkPtr net;
    char *xml;

    VRC_NEED(net, vrcNetDefine(ctx, row->name, row->in));
    VRC_STR(ctx, xml, virNetworkGetXMLDesc(net, 0));
    VRC_EXPECT(ctx, strcmp(xml, row->out) == 0, "expected:\n%s\ngot:\n%s", row->out, xml);
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_STR(ctx, xml, virNetworkGetXMLDesc(net, 0));
    VRC_EXPECT(ctx, strcmp(xml, row->out) == 0, "active, expected:\n%s\ngot:\n%s",
               row->out, xml);
    return 0;
}

static const vrcNetXmlRow vrcNetXmlRich = { "conform-x1", vrcNetRichXml, vrcNetRichOut };
static const vrcNetXmlRow vrcNetXmlRoute = { "conform-x2", vrcNetRouteXml, vrcNetRouteOut };
static const vrcNetXmlRow vrcNetXmlIsolated = {
    "conform-x3", vrcNetIsolatedXml, vrcNetIsolatedOut
};

/* INACTIVE shows the definition the next start will use. */
static int
vrcNetXmlInactive(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virNetworkPtr net;
    char *live, *inactive;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid, NULL)));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_STR(ctx, live, virNetworkGetXMLDesc(net, 0));
    VRC_STR(ctx, inactive, virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE));
    VRC_EXPECT(ctx, strcmp(live, inactive) == 0, "unchanged network, live:\n%s\ninactive:\n%s",
               live, inactive);
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            "  <bridge name='vrcother'/>\n")));
    VRC_STR(ctx, live, virNetworkGetXMLDesc(net, 0));
    VRC_STR(ctx, inactive, virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE));
    VRC_EXPECT(ctx, strstr(live, "'vrcn1'") != NULL, "live XML lost its bridge:\n%s", live);
    VRC_EXPECT(ctx, strstr(inactive, "'vrcother'") != NULL,
               "inactive XML lacks the new bridge:\n%s", inactive);
    return 0;
}

typedef struct {
    const char *xml;
    int code;
    const char *message;
} vrcNetBadXml;

static int
vrcNetParseError(vrcCtx *ctx)
{
    const vrcNetBadXml *row = ctx->tc->data;

    VRC_ERR_NET(ctx, virNetworkDefineXML(ctx->conn, row->xml), row->code, row->message);
    VRC_ERR_NET(ctx, virNetworkCreateXML(ctx->conn, row->xml), row->code, row->message);
    VRC_CHECK(vrcNetExpectList(ctx, 0, ""));
    return 0;
}

#define VRC_BAD(id, xml, code, msg) static const vrcNetBadXml vrcBad_##id = { xml, code, msg }
VRC_BAD(malformed, "<network>", VIR_ERR_XML_DETAIL,
        "*Premature end of data in tag network line 1*");
VRC_BAD(noName, "<network></network>", VIR_ERR_NO_NAME, "missing name information");
VRC_BAD(root, "<netwrk><name>conform-x</name></netwrk>", VIR_ERR_XML_ERROR,
        "XML error: expecting root element of 'network', not 'netwrk'");
VRC_BAD(forward, "<network><name>conform-x</name><forward mode='bogus'/></network>",
        VIR_ERR_CONFIG_UNSUPPORTED, "unsupported configuration: unknown forwarding type 'bogus'");
VRC_BAD(address, "<network><name>conform-x</name><ip address='300.1.1.1' prefix='24'/>"
        "</network>", VIR_ERR_XML_ERROR,
        "XML error: Invalid address '300.1.1.1' in network 'conform-x'");
#undef VRC_BAD

/* ---- events ---- */

static int
vrcNetEventPersistent(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(DEFINED));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STARTED));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STOPPED));
    VRC_OK(ctx, virNetworkUndefine(net));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(UNDEFINED));
    return 0;
}

/* The whole sequence, collected at the end, arrives in order. */
static int
vrcNetEventOrder(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_OK(ctx, virNetworkUndefine(net));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(DEFINED), NEV(STARTED), NEV(STOPPED), NEV(STARTED),
                   NEV(STOPPED), NEV(UNDEFINED));
    return 0;
}

static int
vrcNetEventTransient(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_NEED(net, vrcNetCreate(ctx, "conform-n1", NULL));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STARTED));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STOPPED));
    return 0;
}

static int
vrcNetEventRedefine(vrcCtx *ctx)
{
    const char *xml = vrcNetXml(ctx, "conform-n1", vrcUuid(ctx, 1), NULL);

    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_CHECK(vrcNetDefine(ctx, "conform-n1", xml) ? 0 : -1);
    VRC_CHECK(vrcNetDefine(ctx, "conform-n1", xml) ? 0 : -1);
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(DEFINED), NEV(DEFINED));
    return 0;
}

/* A failed operation sends nothing. */
static int
vrcNetEventFailures(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetStart(ctx, "conform-n1"));
    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_ERR(ctx, virNetworkCreate(net), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: Network 'conform-n1' is already running");
    VRC_ERR_NET(ctx, virNetworkDefineXML(ctx->conn, vrcNetXml(ctx, "conform-n1", NULL, NULL)),
                VIR_ERR_OPERATION_FAILED,
                "operation failed: network 'conform-n1' already exists with uuid *");
    VRC_ERR(ctx, virNetworkUndefine(net), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: Network 'conform-n1' is still running");
    VRC_NET_NO_EVENTS(ctx, "conform-n1");
    return 0;
}

/* A callback registered for one network sees only that network's events. */
static int
vrcNetEventFilter(vrcCtx *ctx)
{
    virNetworkPtr one, two;

    VRC_NEED(one, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_NEED(two, vrcNetDefine(ctx, "conform-n2", NULL));
    VRC_CHECK(vrcEventsOnNetwork(ctx, one));
    VRC_OK(ctx, virNetworkCreate(two));
    VRC_OK(ctx, virNetworkCreate(one));
    VRC_OK(ctx, virNetworkDestroy(two));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STARTED));
    VRC_NET_NO_EVENTS(ctx, "conform-n2");
    return 0;
}

static void
vrcNetCountingCb(virConnectPtr conn, virNetworkPtr net, int event, int detail, void *opaque)
{
    (*(int *)opaque)++;
}

static int
vrcNetEventDeregister(vrcCtx *ctx)
{
    virNetworkPtr net;
    int count = 0, id, i;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_SET(ctx, id, virConnectNetworkEventRegisterAny(ctx->conn, NULL,
                     VIR_NETWORK_EVENT_ID_LIFECYCLE,
                     (virConnectNetworkEventGenericCallback)(void (*)(void))vrcNetCountingCb,
                     &count, NULL));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STARTED));
    VRC_EXPECT_INT(ctx, "events seen by the second callback", count, 1);
    VRC_OK(ctx, virConnectNetworkEventDeregisterAny(ctx->conn, id));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STOPPED));
    for (i = 0; i < VRC_TICKS_AFTER_DEREGISTER; i++)
        VRC_OK(ctx, vrcEventTick());
    VRC_EXPECT_INT(ctx, "events after deregistration", count, 1);
    VRC_ERR(ctx, virConnectNetworkEventDeregisterAny(ctx->conn, id), VIR_ERR_INVALID_ARG,
            vrcPrintf(ctx, "invalid argument: could not find event callback %d for deletion",
                      id));
    return 0;
}

/* ---- ListAllNetworks ---- */

#define N_ACT "conform-l-act"
#define N_AUTO "conform-l-auto"
#define N_AUTOACT "conform-l-autoact"
#define N_OFF "conform-l-off"
#define N_TRANS "conform-l-trans"
#define N_ALL N_ACT "," N_AUTO "," N_AUTOACT "," N_OFF "," N_TRANS

static int
vrcNetListSetup(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetStart(ctx, N_ACT));
    VRC_NEED(net, vrcNetStart(ctx, N_AUTOACT));
    VRC_OK(ctx, virNetworkSetAutostart(net, 1));
    VRC_NEED(net, vrcNetDefine(ctx, N_AUTO, NULL));
    VRC_OK(ctx, virNetworkSetAutostart(net, 1));
    VRC_NEED(net, vrcNetDefine(ctx, N_OFF, NULL));
    VRC_NEED(net, vrcNetCreate(ctx, N_TRANS, NULL));
    return 0;
}

static int
vrcNetListFilter(vrcCtx *ctx)
{
    const vrcObjListRow *row = ctx->tc->data;

    VRC_CHECK(vrcNetListSetup(ctx));
    VRC_CHECK(vrcNetExpectList(ctx, row->flags, row->expected));
    return 0;
}

#define L_ACTIVE VIR_CONNECT_LIST_NETWORKS_ACTIVE
#define L_INACTIVE VIR_CONNECT_LIST_NETWORKS_INACTIVE
#define L_PERSISTENT VIR_CONNECT_LIST_NETWORKS_PERSISTENT
#define L_TRANSIENT VIR_CONNECT_LIST_NETWORKS_TRANSIENT
#define L_AUTO VIR_CONNECT_LIST_NETWORKS_AUTOSTART
#define L_NO_AUTO VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART
#define VRC_LROW(id, fl, exp) static const vrcObjListRow vrcNL_##id = { fl, exp }
VRC_LROW(all, 0, N_ALL);
VRC_LROW(active, L_ACTIVE, N_ACT "," N_AUTOACT "," N_TRANS);
VRC_LROW(inactive, L_INACTIVE, N_AUTO "," N_OFF);
VRC_LROW(persistent, L_PERSISTENT, N_ACT "," N_AUTO "," N_AUTOACT "," N_OFF);
VRC_LROW(transient, L_TRANSIENT, N_TRANS);
VRC_LROW(autostart, L_AUTO, N_AUTO "," N_AUTOACT);
VRC_LROW(noAutostart, L_NO_AUTO, N_ACT "," N_OFF "," N_TRANS);
VRC_LROW(activeInactive, L_ACTIVE | L_INACTIVE, N_ALL);
VRC_LROW(activePersistent, L_ACTIVE | L_PERSISTENT, N_ACT "," N_AUTOACT);
VRC_LROW(inactiveAuto, L_INACTIVE | L_AUTO, N_AUTO);
VRC_LROW(transientAuto, L_TRANSIENT | L_AUTO, "");
VRC_LROW(activeNoAutoPersistent, L_ACTIVE | L_NO_AUTO | L_PERSISTENT, N_ACT);
#undef VRC_LROW

/* The legacy counters and name lists agree with the known set. */
static int
vrcNetListLegacy(vrcCtx *ctx)
{
    char *names[VRC_NAMES_MAX];
    int active0, defined0, n;

    VRC_SET(ctx, active0, virConnectNumOfNetworks(ctx->conn));
    VRC_SET(ctx, defined0, virConnectNumOfDefinedNetworks(ctx->conn));
    VRC_CHECK(vrcNetListSetup(ctx));
    VRC_EXPECT_RET(ctx, virConnectNumOfNetworks(ctx->conn), active0 + 3);
    VRC_EXPECT_RET(ctx, virConnectNumOfDefinedNetworks(ctx->conn), defined0 + 2);
    VRC_SET(ctx, n, virConnectListNetworks(ctx->conn, names, (int)VRC_COUNT(names)));
    VRC_EXPECT_INT(ctx, "conform-* in ListNetworks", vrcCountOurs(names, n), 3);
    VRC_SET(ctx, n, virConnectListDefinedNetworks(ctx->conn, names, (int)VRC_COUNT(names)));
    VRC_EXPECT_INT(ctx, "conform-* in ListDefinedNetworks", vrcCountOurs(names, n), 2);
    return 0;
}

static int
vrcNetListBadFlag(vrcCtx *ctx)
{
    virNetworkPtr *nets = NULL;

    VRC_ERR(ctx, virConnectListAllNetworks(ctx->conn, &nets, VRC_BAD_FLAG), VIR_ERR_INVALID_ARG,
            "unsupported flags (0x40000000) in function *");
    VRC_EXPECT(ctx, nets == NULL, "the list pointer was written on failure");
    return 0;
}

/* ---- virNetworkUpdate ---- */

#define VRC_HOST1 "<host mac='52:54:00:00:00:01' name='h1' ip='192.168.200.50'/>"
#define VRC_HOST1_MOVED "<host mac='52:54:00:00:00:01' name='h1' ip='192.168.200.60'/>"
#define VRC_RANGE2 "<range start='192.168.200.100' end='192.168.200.110'/>"
#define VRC_DNS1 "<host ip='192.168.200.7'><hostname>www</hostname></host>"
#define VRC_NET_DHCP \
    "  <bridge name='vrcn1'/>\n" \
    "  <ip address='192.168.200.1' netmask='255.255.255.0'>\n" \
    "    <dhcp>\n" \
    "      <range start='192.168.200.10' end='192.168.200.20'/>\n" \
    "    </dhcp>\n" \
    "  </ip>\n"
#define U_ADD VIR_NETWORK_UPDATE_COMMAND_ADD_LAST
#define U_DEL VIR_NETWORK_UPDATE_COMMAND_DELETE
#define U_MOD VIR_NETWORK_UPDATE_COMMAND_MODIFY
#define U_LIVE VIR_NETWORK_UPDATE_AFFECT_LIVE
#define U_CONFIG VIR_NETWORK_UPDATE_AFFECT_CONFIG
#define S_HOST VIR_NETWORK_SECTION_IP_DHCP_HOST
#define S_RANGE VIR_NETWORK_SECTION_IP_DHCP_RANGE
#define S_DNS VIR_NETWORK_SECTION_DNS_HOST

/* NET's XML (with FLAGS) must contain NEEDLE, or must not. */
static int
vrcNetXmlHas(vrcCtx *ctx, virNetworkPtr net, unsigned int flags, const char *needle,
             bool present)
{
    char *xml;

    VRC_STR(ctx, xml, virNetworkGetXMLDesc(net, flags));
    if ((strstr(xml, needle) != NULL) != present)
        return vrcFail(ctx, "the XML %s %s:\n%s", present ? "lacks" : "still has", needle, xml);
    return 0;
}

static virNetworkPtr
vrcNetDhcp(vrcCtx *ctx, bool start)
{
    virNetworkPtr net = vrcNetDefine(ctx, "conform-n1",
                                     vrcNetXml(ctx, "conform-n1", NULL, VRC_NET_DHCP));

    if (net && start) {
        vrcStep(ctx, "virNetworkCreate(conform-n1)");
        if (virNetworkCreate(net) < 0) {
            vrcCallFailed(ctx);
            return NULL;
        }
    }
    return net;
}

static int
vrcNetUpdateHost(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDhcp(ctx, false));
    VRC_OK(ctx, virNetworkUpdate(net, U_ADD, S_HOST, -1, VRC_HOST1, U_CONFIG));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, VRC_HOST1, true));
    VRC_OK(ctx, virNetworkUpdate(net, U_MOD, S_HOST, -1, VRC_HOST1_MOVED, 0));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, VRC_HOST1_MOVED, true));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, VRC_HOST1, false));
    VRC_OK(ctx, virNetworkUpdate(net, U_DEL, S_HOST, -1, VRC_HOST1_MOVED, 0));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, "<host mac=", false));
    return 0;
}

static int
vrcNetUpdateRange(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDhcp(ctx, false));
    VRC_OK(ctx, virNetworkUpdate(net, U_ADD, S_RANGE, -1, VRC_RANGE2, U_CONFIG));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0,
                           "<range start='192.168.200.10' end='192.168.200.20'/>\n"
                           "      " VRC_RANGE2, true));
    VRC_OK(ctx, virNetworkUpdate(net, U_DEL, S_RANGE, -1, VRC_RANGE2, U_CONFIG));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, VRC_RANGE2, false));
    return 0;
}

static int
vrcNetUpdateDns(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDhcp(ctx, false));
    VRC_OK(ctx, virNetworkUpdate(net, U_ADD, S_DNS, -1, VRC_DNS1, U_CONFIG));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0,
                           "  <dns>\n"
                           "    <host ip='192.168.200.7'>\n"
                           "      <hostname>www</hostname>\n"
                           "    </host>\n"
                           "  </dns>\n", true));
    VRC_OK(ctx, virNetworkUpdate(net, U_DEL, S_DNS, -1, VRC_DNS1, U_CONFIG));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, "192.168.200.7", false));
    return 0;
}

static int
vrcNetUpdateErrors(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDhcp(ctx, false));
    VRC_OK(ctx, virNetworkUpdate(net, U_ADD, S_HOST, -1, VRC_HOST1, 0));
    VRC_ERR(ctx, virNetworkUpdate(net, U_ADD, S_HOST, -1, VRC_HOST1, 0),
            VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: there is an existing dhcp host entry in "
            "network 'conform-n1' that matches \"" VRC_HOST1 "\"");
    VRC_ERR(ctx, virNetworkUpdate(net, U_DEL, S_HOST, -1,
                                  "<host mac='52:54:00:00:00:09' ip='192.168.200.59'/>", 0),
            VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: couldn't locate a matching dhcp host entry in "
            "network 'conform-n1'");
    VRC_ERR(ctx, virNetworkUpdate(net, U_ADD, VIR_NETWORK_SECTION_BRIDGE, -1,
                                  "<bridge name='vrcx'/>", 0),
            VIR_ERR_OPERATION_UNSUPPORTED,
            "Operation not supported: can't update 'bridge' section of network 'conform-n1'");
    VRC_ERR(ctx, virNetworkUpdate(net, 99, S_HOST, -1, VRC_HOST1, 0),
            VIR_ERR_OPERATION_UNSUPPORTED,
            "Operation not supported: unrecognized network update command code 99");
    VRC_ERR(ctx, virNetworkUpdate(net, U_ADD, S_HOST, -1, VRC_HOST1, VRC_BAD_FLAG),
            VIR_ERR_INVALID_ARG, "unsupported flags (0x40000000) in function *");
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, VRC_HOST1, true));
    return 0;
}

/* Add VRC_HOST1 to the running conform-n1 with FLAGS (spelled LABEL in the
 * step): the XML must show it while running exactly when NOW, and after a
 * destroy exactly when AFTER. */
static int
vrcNetUpdateAffects(vrcCtx *ctx, unsigned int flags, const char *label, bool now, bool after)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDhcp(ctx, true));
    vrcStep(ctx, "virNetworkUpdate(net, U_ADD, S_HOST, -1, VRC_HOST1, %s)", label);
    if (virNetworkUpdate(net, U_ADD, S_HOST, -1, VRC_HOST1, flags) < 0)
        return vrcCallFailed(ctx);
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, VRC_HOST1, now));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_CHECK(vrcNetXmlHas(ctx, net, 0, VRC_HOST1, after));
    return 0;
}
#define VRC_NET_UPDATE_AFFECTS(ctx, flags, now, after) \
    vrcNetUpdateAffects((ctx), (flags), #flags, (now), (after))

/* LIVE changes the running network only (libvirt's network driver). */
static int
vrcNetUpdateLiveOnly(vrcCtx *ctx)
{
    return VRC_NET_UPDATE_AFFECTS(ctx, U_LIVE, true, false);
}

/* CONFIG changes the definition only; it shows after a restart. */
static int
vrcNetUpdateConfigActive(vrcCtx *ctx)
{
    return VRC_NET_UPDATE_AFFECTS(ctx, U_CONFIG, false, true);
}

static int
vrcNetUpdateLiveConfig(vrcCtx *ctx)
{
    return VRC_NET_UPDATE_AFFECTS(ctx, U_LIVE | U_CONFIG, true, true);
}

/* ---- DHCP leases ---- */

static int
vrcNetLeaseCheck(vrcCtx *ctx, virNetworkDHCPLeasePtr lease)
{
    unsigned int last = 0;

    VRC_EXPECT_STR(ctx, "lease mac", lease->mac, VRC_LEASE_MAC);
    VRC_EXPECT_STR(ctx, "lease iface", lease->iface, "vrcn1");
    VRC_EXPECT_INT(ctx, "lease type", lease->type, VIR_IP_ADDR_TYPE_IPV4);
    VRC_EXPECT_INT(ctx, "lease prefix", lease->prefix, 24);
    VRC_EXPECT(ctx, lease->ipaddr && sscanf(lease->ipaddr, "192.168.200.%u", &last) == 1 &&
               last >= 10 && last <= 20, "lease address %s is outside the DHCP range",
               lease->ipaddr ? lease->ipaddr : "(null)");
    return 0;
}

static void
vrcNetLeasesFree(virNetworkDHCPLeasePtr *leases, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virNetworkDHCPLeaseFree(leases[i]);
    free(leases);
}

/* A running domain with an interface on an active network holds a lease
 * from the network's DHCP range. */
static int
vrcNetLeases(vrcCtx *ctx)
{
    const char *nic = "<interface type='network'><mac address='" VRC_LEASE_MAC "'/>"
                      "<source network='conform-n1'/></interface>";
    virNetworkDHCPLeasePtr *leases = NULL;
    virNetworkPtr net;
    int n, rc;

    VRC_NEED(net, vrcNetDhcp(ctx, true));
    VRC_EXPECT_RET(ctx, virNetworkGetDHCPLeases(net, NULL, NULL, 0), 0);
    VRC_CHECK(vrcCreateTransient(ctx, "conform-d1",
                                 vrcXml(ctx, "conform-d1", NULL, VRC_MEM_KIB, 1, nic)) ? 0 : -1);
    VRC_SET(ctx, n, virNetworkGetDHCPLeases(net, NULL, &leases, 0));
    if (n != 1) {
        vrcNetLeasesFree(leases, n);
        return vrcFail(ctx, "expected 1 lease, got %d", n);
    }
    rc = vrcNetLeaseCheck(ctx, leases[0]);
    vrcNetLeasesFree(leases, n);
    VRC_CHECK(rc);
    VRC_EXPECT_RET(ctx, virNetworkGetDHCPLeases(net, VRC_LEASE_MAC, NULL, 0), 1);
    VRC_EXPECT_RET(ctx, virNetworkGetDHCPLeases(net, VRC_OTHER_MAC, NULL, 0), 0);
    VRC_ERR(ctx, virNetworkGetDHCPLeases(net, "not-a-mac", NULL, 0), VIR_ERR_INVALID_MAC,
            "*not-a-mac");
    return 0;
}

/* ---- misuse ---- */

static int
vrcNetNullArgs(vrcCtx *ctx)
{
    virNetworkPtr net;
    virNetworkPtr *list = NULL;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_ERR_NET(ctx, virNetworkDefineXML(NULL, "<network/>"), VIR_ERR_INVALID_CONN,
                "invalid connection pointer in virNetworkDefineXML");
    VRC_ERR_NET(ctx, virNetworkDefineXML(ctx->conn, NULL), VIR_ERR_INVALID_ARG,
                "xml in virNetworkDefineXML must not be NULL");
    VRC_ERR_NET(ctx, virNetworkCreateXML(ctx->conn, NULL), VIR_ERR_INVALID_ARG,
                "xmlDesc in virNetworkCreateXML must not be NULL");
    VRC_ERR_NET(ctx, virNetworkLookupByName(ctx->conn, NULL), VIR_ERR_INVALID_ARG,
                "name in virNetworkLookupByName must not be NULL");
    VRC_ERR(ctx, virNetworkCreate(NULL), VIR_ERR_INVALID_NETWORK,
            "invalid network pointer in virNetworkCreate");
    VRC_ERR(ctx, virNetworkGetAutostart(net, NULL), VIR_ERR_INVALID_ARG,
            "autostart in virNetworkGetAutostart must not be NULL");
    VRC_ERR(ctx, virNetworkUpdate(net, U_ADD, S_HOST, -1, NULL, 0), VIR_ERR_INVALID_ARG,
            "xml in virNetworkUpdate must not be NULL");
    VRC_ERR(ctx, virConnectListAllNetworks(NULL, &list, 0), VIR_ERR_INVALID_CONN,
            "invalid connection pointer in virConnectListAllNetworks");
    VRC_CHECK(vrcNetExpectList(ctx, 0, "conform-n1"));
    return 0;
}

static int
vrcNetReadOnly(vrcCtx *ctx)
{
    virNetworkPtr net, ronet;
    virConnectPtr ro;
    char *xml;

    VRC_NEED(net, vrcNetStart(ctx, "conform-n1"));
    VRC_NEED(ro, vrcOpenExtra(ctx, true));
    VRC_NET(ctx, ronet, virNetworkLookupByName(ro, "conform-n1"));
    VRC_STR(ctx, xml, virNetworkGetXMLDesc(ronet, 0));
    VRC_EXPECT_RET(ctx, virNetworkIsActive(ronet), 1);
#define VRC_DENIED(call, fn) \
    VRC_ERR(ctx, call, VIR_ERR_OPERATION_DENIED, \
            "operation forbidden: read only access prevents " fn)
    VRC_ERR_NET(ctx, virNetworkDefineXML(ro, vrcNetXml(ctx, "conform-n2", NULL, NULL)),
                VIR_ERR_OPERATION_DENIED,
                "operation forbidden: read only access prevents virNetworkDefineXML");
    VRC_ERR_NET(ctx, virNetworkCreateXML(ro, vrcNetXml(ctx, "conform-n2", NULL, NULL)),
                VIR_ERR_OPERATION_DENIED,
                "operation forbidden: read only access prevents virNetworkCreateXML");
    VRC_DENIED(virNetworkDestroy(ronet), "virNetworkDestroy");
    VRC_DENIED(virNetworkCreate(ronet), "virNetworkCreate");
    VRC_DENIED(virNetworkUndefine(ronet), "virNetworkUndefine");
    VRC_DENIED(virNetworkSetAutostart(ronet, 1), "virNetworkSetAutostart");
    VRC_DENIED(virNetworkUpdate(ronet, U_ADD, S_DNS, -1, VRC_DNS1, 0), "virNetworkUpdate");
#undef VRC_DENIED
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 1));
    VRC_CHECK(vrcNetExpectList(ctx, 0, "conform-n1"));
    return 0;
}

#define VRC_OCASE(num, name, purpose, func) \
    { "network/" num "-" name, "network", purpose, func, 0, NULL }
#define VRC_ECASE(num, name, purpose, func) \
    { "network/" num "-" name, "network", purpose, func, VRC_CASE_EVENTS, NULL }
#define VRC_XCASE(num, name, purpose, func, row) \
    { "network/" num "-" name, "network", purpose, func, 0, &row }
#define VRC_LCASE(num, name, purpose, row) \
    { "network/" num "-list-" name, "network", purpose, vrcNetListFilter, 0, &vrcNL_##row }

const vrcCase vrcCasesNetworkOps[] = {
    VRC_OCASE("200", "xml-round-trip", "define -> dump -> define -> dump is a fixed point",
              vrcNetXmlRoundTrip),
    VRC_XCASE("202", "xml-exact-nat", "exact output of a NAT network with DNS and DHCP hosts",
              vrcNetXmlExact, vrcNetXmlRich),
    VRC_XCASE("204", "xml-exact-route", "exact output of a routed network with a netmask",
              vrcNetXmlExact, vrcNetXmlRoute),
    VRC_XCASE("206", "xml-exact-isolated", "exact output of an isolated network",
              vrcNetXmlExact, vrcNetXmlIsolated),
    VRC_OCASE("208", "xml-inactive", "GetXMLDesc(INACTIVE) shows the next start's definition",
              vrcNetXmlInactive),
    VRC_XCASE("210", "xml-error-malformed", "malformed XML: XML_DETAIL, nothing created",
              vrcNetParseError, vrcBad_malformed),
    VRC_XCASE("211", "xml-error-no-name", "no <name>: NO_NAME", vrcNetParseError,
              vrcBad_noName),
    VRC_XCASE("212", "xml-error-root", "wrong root element: XML_ERROR", vrcNetParseError,
              vrcBad_root),
    VRC_XCASE("213", "xml-error-forward", "unknown forward mode: CONFIG_UNSUPPORTED",
              vrcNetParseError, vrcBad_forward),
    VRC_XCASE("214", "xml-error-address", "invalid IP address: XML_ERROR", vrcNetParseError,
              vrcBad_address),
    VRC_ECASE("300", "event-persistent", "Define, Create, Destroy, Undefine: one event each",
              vrcNetEventPersistent),
    VRC_ECASE("302", "event-order", "six operations, events collected at the end in order",
              vrcNetEventOrder),
    VRC_ECASE("304", "event-transient", "CreateXML -> STARTED, Destroy -> STOPPED",
              vrcNetEventTransient),
    VRC_ECASE("306", "event-redefine", "a redefinition sends DEFINED again",
              vrcNetEventRedefine),
    VRC_ECASE("308", "event-failures", "failed Create, Define and Undefine send nothing",
              vrcNetEventFailures),
    VRC_ECASE("310", "event-filter", "a callback for one network sees only its events",
              vrcNetEventFilter),
    VRC_ECASE("312", "event-deregister",
              "a deregistered callback sees nothing more; a second deregister fails",
              vrcNetEventDeregister),
    VRC_LCASE("400", "all", "no flags lists every network", all),
    VRC_LCASE("401", "active", "ACTIVE: started persistent and transient networks", active),
    VRC_LCASE("402", "inactive", "INACTIVE: defined, not started", inactive),
    VRC_LCASE("403", "persistent", "PERSISTENT: defined networks", persistent),
    VRC_LCASE("404", "transient", "TRANSIENT: created networks", transient),
    VRC_LCASE("405", "autostart", "AUTOSTART: autostart networks", autostart),
    VRC_LCASE("406", "no-autostart", "NO_AUTOSTART: all others", noAutostart),
    VRC_LCASE("407", "active-inactive", "ACTIVE|INACTIVE: everything", activeInactive),
    VRC_LCASE("408", "active-persistent", "ACTIVE and PERSISTENT", activePersistent),
    VRC_LCASE("409", "inactive-autostart", "INACTIVE and AUTOSTART", inactiveAuto),
    VRC_LCASE("410", "transient-autostart", "TRANSIENT and AUTOSTART: none", transientAuto),
    VRC_LCASE("411", "active-noauto-persistent", "ACTIVE, NO_AUTOSTART and PERSISTENT",
              activeNoAutoPersistent),
    VRC_OCASE("420", "list-legacy", "NumOf(Defined)Networks and List(Defined)Networks agree",
              vrcNetListLegacy),
    VRC_OCASE("421", "list-bad-flag", "an unknown flag: INVALID_ARG, list untouched",
              vrcNetListBadFlag),
    VRC_OCASE("500", "update-dhcp-host", "add, modify and delete a DHCP host (CONFIG)",
              vrcNetUpdateHost),
    VRC_OCASE("502", "update-dhcp-range", "add and delete a DHCP range", vrcNetUpdateRange),
    VRC_OCASE("504", "update-dns-host", "add and delete a DNS host", vrcNetUpdateDns),
    VRC_OCASE("506", "update-errors",
              "duplicate host, missing host, bridge section, bad command, bad flag",
              vrcNetUpdateErrors),
    VRC_OCASE("508", "update-live-only", "LIVE changes vanish when the network stops",
              vrcNetUpdateLiveOnly),
    VRC_OCASE("510", "update-config-active", "CONFIG on an active network shows after restart",
              vrcNetUpdateConfigActive),
    VRC_OCASE("512", "update-live-config", "LIVE|CONFIG changes both", vrcNetUpdateLiveConfig),
    VRC_OCASE("600", "dhcp-leases",
              "a running domain's interface holds a lease in the DHCP range", vrcNetLeases),
    VRC_OCASE("900", "null-arguments", "NULL connections, XML, names and pointers",
              vrcNetNullArgs),
    VRC_OCASE("902", "readonly", "a read-only connection reads but cannot change networks",
              vrcNetReadOnly),
};
const size_t vrcCasesNetworkOpsCount = VRC_COUNT(vrcCasesNetworkOps);
