/* Networks through the public API on sim:///default?private=1: the default
 * network, lifecycle rules and errors (texts and codes captured from
 * libvirt 9.0's test driver), listings and filters, virNetworkUpdate with
 * LIVE/CONFIG, lifecycle events, DHCP leases and node files. */
#include "sim_test.h"

#include <stdbool.h>
#include <unistd.h>

#define NET_CB(f) VIR_NETWORK_EVENT_CALLBACK(f)
#define DEFAULT_UUID "dd8fe884-6c02-601e-7551-cca97df1c5df"
#define N1_UUID "11111111-1111-1111-1111-111111111111"
#define N2_UUID "22222222-2222-2222-2222-222222222222"
#define D1_UUID "33333333-3333-3333-3333-333333333301"
#define D2_UUID "33333333-3333-3333-3333-333333333302"
#define EV_MAX 32
#define EV_PUMP_ROUNDS 40
#define EV_GUARD_MS 5
#define LIST_MAX 8

static const char default_xml[] =
    "<network>\n"
    "  <name>default</name>\n"
    "  <uuid>" DEFAULT_UUID "</uuid>\n"
    "  <forward mode='nat'/>\n"
    "  <bridge name='virbr0' stp='on' delay='0'/>\n"
    "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
    "    <dhcp>\n"
    "      <range start='192.168.122.2' end='192.168.122.254'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

static char *
net_xml(const char *name, const char *uuid, const char *bridge)
{
    static __thread char buf[1024];

    snprintf(buf, sizeof(buf),
             "<network><name>%s</name><uuid>%s</uuid>%s%s%s"
             "<ip address='10.9.0.1' prefix='24'><dhcp>"
             "<range start='10.9.0.10' end='10.9.0.11'/></dhcp></ip></network>",
             name, uuid, bridge ? "<bridge name='" : "", bridge ? bridge : "",
             bridge ? "'/>" : "");
    return buf;
}

static char *
dom_xml(const char *name, const char *uuid, const char *net, const char *mac1,
        const char *mac2)
{
    static __thread char buf[2048];

    snprintf(buf, sizeof(buf),
             "<domain type='test'><name>%s</name><uuid>%s</uuid>"
             "<memory unit='KiB'>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os>"
             "<devices><interface type='network'><mac address='%s'/>"
             "<source network='%s'/></interface>%s%s%s%s%s</devices></domain>",
             name, uuid, mac1, net, mac2 ? "<interface type='network'><mac address='" : "",
             mac2 ? mac2 : "", mac2 ? "'/><source network='" : "", mac2 ? net : "",
             mac2 ? "'/></interface>" : "");
    return buf;
}

/* ---- the default network ---- */

static void
test_default_network(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    virNetworkPtr byuuid = virNetworkLookupByUUIDString(conn, DEFAULT_UUID);
    char uuid[VIR_UUID_STRING_BUFLEN];
    char *names[LIST_MAX] = { NULL };
    char *xml, *bridge;
    int autostart = -1;

    assert_non_null(net);
    assert_non_null(byuuid);
    assert_string_equal(virNetworkGetName(byuuid), "default");
    xml = virNetworkGetXMLDesc(net, 0);
    assert_string_equal(xml, default_xml);
    free(xml);
    xml = virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE);
    assert_string_equal(xml, default_xml);
    free(xml);
    bridge = virNetworkGetBridgeName(net);
    assert_string_equal(bridge, "virbr0");
    free(bridge);
    assert_int_equal(virNetworkGetUUIDString(net, uuid), 0);
    assert_string_equal(uuid, DEFAULT_UUID);
    assert_int_equal(virNetworkIsActive(net), 1);
    assert_int_equal(virNetworkIsPersistent(net), 1);
    assert_int_equal(virNetworkGetAutostart(net, &autostart), 0);
    assert_int_equal(autostart, 0);
    assert_int_equal(virConnectNumOfNetworks(conn), 1);
    assert_int_equal(virConnectNumOfDefinedNetworks(conn), 0);
    assert_int_equal(virConnectListNetworks(conn, names, LIST_MAX), 1);
    assert_string_equal(names[0], "default");
    free(names[0]);
    assert_true(virNetworkGetConnect(net) == conn);
    assert_int_equal(virNetworkRef(net), 0);
    assert_int_equal(virNetworkFree(net), 0);
    virNetworkFree(net);
    virNetworkFree(byuuid);
    virConnectClose(conn);
}

/* ---- lifecycle ---- */

static void
test_lifecycle_errors(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr n1 = virNetworkDefineXML(conn, net_xml("n1", N1_UUID, "br1"));

    assert_non_null(n1);
    assert_int_equal(virNetworkIsActive(n1), 0);
    assert_int_equal(virNetworkIsPersistent(n1), 1);
    assert_int_equal(virConnectNumOfDefinedNetworks(conn), 1);
    assert_int_equal(virNetworkCreate(n1), 0);
    assert_int_equal(virNetworkCreate(n1), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: Network 'n1' is already running");
    assert_int_equal(virNetworkUndefine(n1), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: Network 'n1' is still running");
    assert_int_equal(virNetworkDestroy(n1), 0);
    /* libvirt's network driver refuses this; its test driver returns 0 */
    assert_int_equal(virNetworkDestroy(n1), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                     "Requested operation is not valid: network 'n1' is not active");
    assert_int_equal(virNetworkIsActive(n1), 0);
    assert_int_equal(virNetworkUndefine(n1), 0);
    assert_int_equal(virNetworkIsActive(n1), -1);
    sim_assert_error(VIR_ERR_NO_NETWORK, VIR_FROM_TEST,
                     "Network not found: no network with matching uuid '" N1_UUID "'");
    assert_int_equal(virNetworkDestroy(n1), -1);
    sim_assert_error(VIR_ERR_NO_NETWORK, VIR_FROM_TEST,
                     "Network not found: no network with matching name 'n1'");
    assert_null(virNetworkGetXMLDesc(n1, 0));
    sim_assert_error(VIR_ERR_NO_NETWORK, VIR_FROM_TEST,
                     "Network not found: no network with matching name 'n1'");
    assert_null(virNetworkLookupByName(conn, "n1"));
    sim_assert_error(VIR_ERR_NO_NETWORK, VIR_FROM_TEST,
                     "Network not found: no network with matching name 'n1'");
    assert_null(virNetworkLookupByUUIDString(conn, N1_UUID));
    sim_assert_error(VIR_ERR_NO_NETWORK, VIR_FROM_TEST,
                     "Network not found: no network with matching uuid '" N1_UUID "'");
    virNetworkFree(n1);
    virConnectClose(conn);
}

static void
test_transient_and_redefine(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr t = virNetworkCreateXML(conn, net_xml("t1", N2_UUID, "br2"));
    virNetworkPtr again;
    char *xml;

    assert_non_null(t);
    assert_int_equal(virNetworkIsActive(t), 1);
    assert_int_equal(virNetworkIsPersistent(t), 0);
    /* a transient network takes autostart, as the test driver's does */
    assert_int_equal(virNetworkSetAutostart(t, 1), 0);
    /* define over the running transient network: persistent, pending */
    again = virNetworkDefineXML(conn, net_xml("t1", N2_UUID, "br3"));
    assert_non_null(again);
    assert_int_equal(virNetworkIsPersistent(t), 1);
    xml = virNetworkGetBridgeName(t);
    assert_string_equal(xml, "br2");
    free(xml);
    xml = virNetworkGetXMLDesc(t, VIR_NETWORK_XML_INACTIVE);
    assert_non_null(strstr(xml, "<bridge name='br3'"));
    free(xml);
    assert_int_equal(virNetworkDestroy(t), 0);
    xml = virNetworkGetBridgeName(t);
    assert_string_equal(xml, "br3");
    free(xml);
    assert_int_equal(virNetworkUndefine(t), 0);
    /* a transient network is gone when destroyed */
    virNetworkFree(t);
    t = virNetworkCreateXML(conn, net_xml("t1", N2_UUID, "br2"));
    assert_int_equal(virNetworkDestroy(t), 0);
    assert_null(virNetworkLookupByName(conn, "t1"));
    /* createXML over a persistent inactive network runs the new XML */
    virNetworkFree(again);
    again = virNetworkDefineXML(conn, net_xml("t1", N2_UUID, "br4"));
    virNetworkFree(t);
    t = virNetworkCreateXML(conn, net_xml("t1", N2_UUID, "br5"));
    xml = virNetworkGetBridgeName(t);
    assert_string_equal(xml, "br5");
    free(xml);
    assert_int_equal(virNetworkDestroy(t), 0);
    xml = virNetworkGetBridgeName(t);
    assert_string_equal(xml, "br4");
    free(xml);
    virNetworkFree(again);
    virNetworkFree(t);
    virConnectClose(conn);
}

static void
test_uniqueness(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr n1 = virNetworkDefineXML(conn, net_xml("n1", N1_UUID, NULL));
    char *bridge;

    assert_null(virNetworkDefineXML(conn, net_xml("n1", N2_UUID, NULL)));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                     "operation failed: network 'n1' already exists with uuid " N1_UUID);
    assert_null(virNetworkDefineXML(conn, net_xml("nx", N1_UUID, NULL)));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                     "operation failed: network 'n1' is already defined with uuid " N1_UUID);
    assert_null(virNetworkCreateXML(conn, net_xml("default", DEFAULT_UUID, NULL)));
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                     "Requested operation is not valid: network is already active as "
                     "'default'");
    assert_null(virNetworkDefineXML(conn, "<network><name>a/b</name></network>"));
    sim_assert_error(VIR_ERR_XML_DETAIL, VIR_FROM_XML, "invalid char in name: /");
    assert_null(virNetworkCreateXMLFlags(conn, net_xml("v", N2_UUID, NULL), 2));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x2) in function testNetworkCreateXMLFlags");
    assert_null(virNetworkDefineXMLFlags(conn, "<network><name>v</name><bogus/></network>",
                                         VIR_NETWORK_DEFINE_VALIDATE));
    sim_assert_error(VIR_ERR_XML_INVALID_SCHEMA, VIR_FROM_XML,
                     "XML document failed to validate against schema: Unable to validate "
                     "doc against /usr/share/libvirt/schemas/network.rng\n"
                     "Element network has extra content: bogus\n");
    /* no bridge name: libvirt's test driver does not invent one */
    assert_null(virNetworkGetBridgeName(n1));
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: network 'n1' does not have a bridge name.");
    bridge = virNetworkGetXMLDesc(n1, 0);
    assert_non_null(strstr(bridge, "<bridge stp='on' delay='0'/>"));
    free(bridge);
    assert_null(virNetworkGetXMLDesc(n1, 2));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x2) in function testNetworkGetXMLDesc");
    virNetworkFree(n1);
    virConnectClose(conn);
}

/* ---- listings ---- */

/* Names of ListAllNetworks(flags), comma separated. */
static char *
list_all(virConnectPtr conn, unsigned int flags)
{
    static char buf[256];
    virNetworkPtr *nets = NULL;
    int n = virConnectListAllNetworks(conn, &nets, flags);
    int i;

    buf[0] = '\0';
    assert_true(n >= 0);
    for (i = 0; i < n; i++) {
        if (i)
            strcat(buf, ",");
        strcat(buf, virNetworkGetName(nets[i]));
        virNetworkFree(nets[i]);
    }
    assert_null(nets[n]);
    free(nets);
    assert_int_equal(virConnectListAllNetworks(conn, NULL, flags), n);
    return buf;
}

static void
test_list_filters(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr a = virNetworkDefineXML(conn, net_xml("a-inactive", N1_UUID, NULL));
    virNetworkPtr b = virNetworkCreateXML(conn, net_xml("b-transient", N2_UUID, NULL));
    char *names[LIST_MAX] = { NULL };

    assert_int_equal(virNetworkSetAutostart(a, 1), 0);
    assert_string_equal(list_all(conn, 0), "a-inactive,b-transient,default");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_ACTIVE),
                        "b-transient,default");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_INACTIVE), "a-inactive");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                                 VIR_CONNECT_LIST_NETWORKS_INACTIVE),
                        "a-inactive,b-transient,default");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_PERSISTENT),
                        "a-inactive,default");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_TRANSIENT), "b-transient");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_AUTOSTART), "a-inactive");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART),
                        "b-transient,default");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                                 VIR_CONNECT_LIST_NETWORKS_PERSISTENT), "default");
    assert_string_equal(list_all(conn, VIR_CONNECT_LIST_NETWORKS_INACTIVE |
                                 VIR_CONNECT_LIST_NETWORKS_TRANSIENT), "");
    assert_int_equal(virConnectListAllNetworks(conn, NULL, 0x40), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x40) in function testConnectListAllNetworks");
    assert_int_equal(virConnectListNetworks(conn, names, 1), 1);
    assert_string_equal(names[0], "b-transient");
    free(names[0]);
    assert_int_equal(virConnectListDefinedNetworks(conn, names, LIST_MAX), 1);
    assert_string_equal(names[0], "a-inactive");
    free(names[0]);
    assert_int_equal(virConnectListNetworks(conn, NULL, 5), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK,
                     "names in virConnectListNetworks must not be NULL");
    assert_int_equal(virConnectListDefinedNetworks(conn, names, -1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK,
                     "maxnames in virConnectListDefinedNetworks must be zero or greater");
    virNetworkFree(a);
    virNetworkFree(b);
    virConnectClose(conn);
}

/* ---- virNetworkUpdate ---- */

#define HOST_A "<host mac='52:54:00:00:00:0a' name='a' ip='192.168.122.10'/>"
#define HOST_B "<host mac='52:54:00:00:00:0b' name='b' ip='192.168.122.11'/>"
#define CMD_ADD VIR_NETWORK_UPDATE_COMMAND_ADD_LAST
#define SEC_HOST VIR_NETWORK_SECTION_IP_DHCP_HOST

static bool
xml_has(virNetworkPtr net, unsigned int flags, const char *what)
{
    char *xml = virNetworkGetXMLDesc(net, flags);
    bool has = strstr(xml, what) != NULL;

    free(xml);
    return has;
}

static void
test_update_live_config(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    virNetworkPtr n1 = virNetworkDefineXML(conn, net_xml("n1", N1_UUID, NULL));
    virNetworkPtr t = virNetworkCreateXML(conn, net_xml("t", N2_UUID, NULL));

    /* CURRENT on a running network is LIVE: the config does not change */
    assert_int_equal(virNetworkUpdate(net, CMD_ADD, SEC_HOST, -1, HOST_A, 0), 0);
    assert_true(xml_has(net, 0, "name='a'"));
    assert_false(xml_has(net, VIR_NETWORK_XML_INACTIVE, "name='a'"));
    assert_int_equal(virNetworkUpdate(net, CMD_ADD, SEC_HOST, -1, HOST_B,
                                      VIR_NETWORK_UPDATE_AFFECT_CONFIG), 0);
    assert_false(xml_has(net, 0, "name='b'"));
    assert_true(xml_has(net, VIR_NETWORK_XML_INACTIVE, "name='b'"));
    assert_int_equal(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_DELETE, SEC_HOST, -1,
                                      "<host name='b'/>", VIR_NETWORK_UPDATE_AFFECT_LIVE |
                                      VIR_NETWORK_UPDATE_AFFECT_CONFIG), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                     "Requested operation is not valid: couldn't locate a matching dhcp "
                     "host entry in network 'default'");
    assert_true(xml_has(net, VIR_NETWORK_XML_INACTIVE, "name='b'"));   /* unchanged */
    assert_int_equal(virNetworkUpdate(net, CMD_ADD, SEC_HOST, -1, HOST_A, 8), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x8) in function testNetworkUpdate");
    /* the live edit is forgotten, the config one applies, on stop */
    assert_int_equal(virNetworkDestroy(net), 0);
    assert_false(xml_has(net, 0, "name='a'"));
    assert_true(xml_has(net, 0, "name='b'"));
    assert_int_equal(virNetworkCreate(net), 0);

    /* CURRENT on an inactive network is CONFIG; LIVE is refused */
    assert_int_equal(virNetworkUpdate(n1, CMD_ADD, SEC_HOST, -1,
                                      "<host mac='52:54:00:00:00:0c' ip='10.9.0.12'/>", 0), 0);
    assert_true(xml_has(n1, 0, "ip='10.9.0.12'"));
    assert_int_equal(virNetworkUpdate(n1, CMD_ADD, SEC_HOST, -1, HOST_A,
                                      VIR_NETWORK_UPDATE_AFFECT_LIVE), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                     "Requested operation is not valid: network is not running");
    assert_int_equal(virNetworkUpdate(t, CMD_ADD, SEC_HOST, -1,
                                      "<host mac='52:54:00:00:00:0c' ip='10.9.0.12'/>",
                                      VIR_NETWORK_UPDATE_AFFECT_CONFIG), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                     "Requested operation is not valid: cannot change persistent config "
                     "of a transient network");
    assert_int_equal(virNetworkUpdate(net, CMD_ADD, VIR_NETWORK_SECTION_IP, -1, "<ip/>", 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_NETWORK,
                     "Operation not supported: can't update 'ip' section of network "
                     "'default'");
    assert_int_equal(virNetworkUpdate(net, CMD_ADD, SEC_HOST, -1, "<host", 0), -1);
    sim_assert_error(VIR_ERR_XML_DETAIL, VIR_FROM_NETWORK, "network_update_xml:1: "
                     "Couldn't find end of Start Tag host line 1\n<host\n-----^");
    assert_null(virNetworkDefineXML(conn, "<network><name>x</name"));
    sim_assert_error(VIR_ERR_XML_DETAIL, VIR_FROM_NETWORK, "(network_definition):1: "
                     "expected '>'\n<network><name>x</name\n----------------------^");
    assert_int_equal(virNetworkUpdate(net, CMD_ADD, SEC_HOST, -1, NULL, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK,
                     "xml in virNetworkUpdate must not be NULL");
    virNetworkFree(net);
    virNetworkFree(n1);
    virNetworkFree(t);
    virConnectClose(conn);
}

/* ---- events ---- */

typedef struct {
    char tag;
    char name[64];
    int event;
} ev_record;

static ev_record evs[EV_MAX];
static int nevs;
static int freed;
static const char tag_a = 'A', tag_n = 'N';

static void
on_lifecycle(virConnectPtr conn, virNetworkPtr net, int event, int detail, void *opaque)
{
    assert_true(nevs < EV_MAX);
    assert_int_equal(detail, 0);
    evs[nevs].tag = *(const char *)opaque;
    snprintf(evs[nevs].name, sizeof(evs[nevs].name), "%s", virNetworkGetName(net));
    evs[nevs].event = event;
    nevs++;
}

static void
on_free(void *opaque)
{
    freed++;
}

static void
guard(int timer, void *opaque)
{
}

static int
pump(int want)
{
    int i;

    for (i = 0; i < EV_PUMP_ROUNDS && nevs < want; i++)
        virEventRunDefaultImpl();
    for (i = 0; i < 3; i++)
        virEventRunDefaultImpl();
    return nevs;
}

#define expect(i, tag_, name_, event_) \
    do { \
        assert_int_equal(evs[i].tag, tag_); \
        assert_string_equal(evs[i].name, name_); \
        assert_int_equal(evs[i].event, event_); \
    } while (0)

/* Must run before any event loop is registered. */
static void
test_events_without_loop(void **state)
{
    virConnectPtr conn = sim_open();

    assert_int_equal(virConnectNetworkEventRegisterAny(conn, NULL,
                         VIR_NETWORK_EVENT_ID_LIFECYCLE, NET_CB(on_lifecycle),
                         (void *)&tag_a, NULL), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE,
                     "internal error: could not initialize domain event timer");
    virConnectClose(conn);
    assert_int_equal(virEventRegisterDefaultImpl(), 0);
    assert_true(virEventAddTimeout(EV_GUARD_MS, guard, NULL, NULL) > 0);
}

static void
test_events_lifecycle(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr def = virNetworkLookupByName(conn, "default");
    virNetworkPtr n1, t1;
    int all, one;

    nevs = freed = 0;
    all = virConnectNetworkEventRegisterAny(conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                            NET_CB(on_lifecycle), (void *)&tag_a, on_free);
    one = virConnectNetworkEventRegisterAny(conn, def, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                            NET_CB(on_lifecycle), (void *)&tag_n, on_free);
    assert_true(all >= 0 && one > all);
    n1 = virNetworkDefineXML(conn, net_xml("n1", N1_UUID, NULL));
    assert_int_equal(virNetworkCreate(n1), 0);
    assert_int_equal(virNetworkDestroy(n1), 0);
    assert_int_equal(virNetworkDestroy(n1), -1);     /* no event */
    assert_int_equal(virNetworkUndefine(n1), 0);
    t1 = virNetworkCreateXML(conn, net_xml("t1", N2_UUID, NULL));
    virNetworkFree(virNetworkDefineXML(conn, net_xml("t1", N2_UUID, NULL)));
    assert_int_equal(virNetworkDestroy(t1), 0);
    assert_int_equal(virNetworkUndefine(t1), 0);
    assert_int_equal(virNetworkDestroy(def), 0);
    assert_int_equal(virNetworkCreate(def), 0);
    /* failures and updates emit nothing */
    assert_int_equal(virNetworkCreate(def), -1);
    assert_int_equal(virNetworkUpdate(def, CMD_ADD, SEC_HOST, -1, HOST_A, 0), 0);
    /* the same order as libvirt 9.0's test driver, each event to every
     * matching callback in registration order */
    assert_int_equal(pump(12), 12);
    expect(0, 'A', "n1", VIR_NETWORK_EVENT_DEFINED);
    expect(1, 'A', "n1", VIR_NETWORK_EVENT_STARTED);
    expect(2, 'A', "n1", VIR_NETWORK_EVENT_STOPPED);
    expect(3, 'A', "n1", VIR_NETWORK_EVENT_UNDEFINED);
    expect(4, 'A', "t1", VIR_NETWORK_EVENT_STARTED);
    expect(5, 'A', "t1", VIR_NETWORK_EVENT_DEFINED);
    expect(6, 'A', "t1", VIR_NETWORK_EVENT_STOPPED);
    expect(7, 'A', "t1", VIR_NETWORK_EVENT_UNDEFINED);
    expect(8, 'A', "default", VIR_NETWORK_EVENT_STOPPED);
    expect(9, 'N', "default", VIR_NETWORK_EVENT_STOPPED);
    expect(10, 'A', "default", VIR_NETWORK_EVENT_STARTED);
    expect(11, 'N', "default", VIR_NETWORK_EVENT_STARTED);

    assert_int_equal(virConnectNetworkEventRegisterAny(conn, NULL,
                         VIR_NETWORK_EVENT_ID_LIFECYCLE, NET_CB(on_lifecycle),
                         (void *)&tag_a, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                     "invalid argument: event callback already tracked");
    assert_int_equal(virConnectNetworkEventDeregisterAny(conn, all), 0);
    assert_int_equal(freed, 1);
    assert_int_equal(virConnectNetworkEventDeregisterAny(conn, all), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NONE, "invalid argument: could not "
                     "find event callback 0 for deletion");
    assert_int_equal(virConnectNetworkEventDeregisterAny(conn, one), 0);
    assert_int_equal(freed, 2);
    nevs = 0;
    assert_int_equal(virNetworkDestroy(def), 0);
    assert_int_equal(pump(1), 0);
    virNetworkFree(t1);
    virNetworkFree(n1);
    virNetworkFree(def);
    virConnectClose(conn);
}

static void
test_events_arguments(void **state)
{
    virConnectPtr conn = sim_open();
    virConnectPtr other = sim_open();
    virNetworkPtr foreign = virNetworkLookupByName(other, "default");

    assert_int_equal(virConnectNetworkEventRegisterAny(conn, NULL, 0, NULL, NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK,
                     "cb in virConnectNetworkEventRegisterAny must not be NULL");
    assert_int_equal(virConnectNetworkEventRegisterAny(conn, NULL, -1,
                         NET_CB(on_lifecycle), NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK, "eventID in "
                     "virConnectNetworkEventRegisterAny must be zero or greater");
    assert_int_equal(virConnectNetworkEventRegisterAny(conn, NULL, 1,
                         NET_CB(on_lifecycle), NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK, "eventID in "
                     "virConnectNetworkEventRegisterAny must be less than 1");
    assert_int_equal(virConnectNetworkEventRegisterAny(conn, foreign, 0,
                         NET_CB(on_lifecycle), NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK, "network 'default' in "
                     "virConnectNetworkEventRegisterAny must match connection");
    assert_int_equal(virConnectNetworkEventDeregisterAny(conn, -1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK, "callbackID in "
                     "virConnectNetworkEventDeregisterAny must be zero or greater");
    virNetworkFree(foreign);
    virConnectClose(other);
    virConnectClose(conn);
}

/* ---- DHCP leases ---- */

static void
expect_lease(virNetworkDHCPLeasePtr l, const char *mac, const char *ip, const char *host)
{
    char clientid[32];

    snprintf(clientid, sizeof(clientid), "01:%s", mac);
    assert_string_equal(l->iface, "virbr0");
    /* 2023-01-16 00:00:00 UTC (virtual time 0) + 1 h; < 1 s has passed */
    assert_int_equal(l->expirytime, 1673827200 + 3600);
    assert_int_equal(l->type, VIR_IP_ADDR_TYPE_IPV4);
    assert_string_equal(l->mac, mac);
    assert_null(l->iaid);
    assert_string_equal(l->ipaddr, ip);
    assert_int_equal(l->prefix, 24);
    assert_string_equal(l->hostname, host);
    assert_string_equal(l->clientid, clientid);
}

static int
get_leases(virNetworkPtr net, const char *mac, virNetworkDHCPLeasePtr **out)
{
    int n = virNetworkGetDHCPLeases(net, mac, out, 0);

    assert_true(n >= 0);
    assert_int_equal(virNetworkGetDHCPLeases(net, mac, NULL, 0), n);
    assert_null((*out)[n]);
    return n;
}

static void
free_leases(virNetworkDHCPLeasePtr *leases, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virNetworkDHCPLeaseFree(leases[i]);
    free(leases);
}

static void
test_leases(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    virDomainPtr test = virDomainLookupByName(conn, "test");
    virNetworkDHCPLeasePtr *l = NULL;
    virDomainPtr d1, d2;
    int n;

    /* the running domain 'test' has an interface on 'default' */
    n = get_leases(net, NULL, &l);
    assert_int_equal(n, 1);
    expect_lease(l[0], "aa:bb:cc:dd:ee:ff", "192.168.122.2", "test");
    free_leases(l, n);
    /* a static host entry takes precedence over the range */
    assert_int_equal(virNetworkUpdate(net, CMD_ADD, SEC_HOST, -1,
                                      "<host mac='52:54:00:00:00:12' name='fixed' "
                                      "ip='192.168.122.100'/>", 0), 0);
    d1 = virDomainCreateXML(conn, dom_xml("d1", D1_UUID, "default", "52:54:00:00:00:11",
                                          "52:54:00:00:00:12"), 0);
    assert_non_null(d1);
    n = get_leases(net, NULL, &l);
    assert_int_equal(n, 3);
    expect_lease(l[1], "52:54:00:00:00:11", "192.168.122.3", "d1");
    expect_lease(l[2], "52:54:00:00:00:12", "192.168.122.100", "fixed");
    free_leases(l, n);
    /* a stopped domain's lease goes away; the next one takes the first free */
    assert_int_equal(virDomainDestroy(test), 0);
    d2 = virDomainCreateXML(conn, dom_xml("d2", D2_UUID, "default", "52:54:00:00:00:21",
                                          NULL), 0);
    n = get_leases(net, NULL, &l);
    assert_int_equal(n, 3);
    expect_lease(l[2], "52:54:00:00:00:21", "192.168.122.2", "d2");
    free_leases(l, n);
    n = get_leases(net, "52:54:00:00:00:12", &l);
    assert_int_equal(n, 1);
    assert_string_equal(l[0]->ipaddr, "192.168.122.100");
    free_leases(l, n);
    n = get_leases(net, "52:54:00:00:00:99", &l);
    assert_int_equal(n, 0);
    free_leases(l, n);
    assert_int_equal(virNetworkGetDHCPLeases(net, "not-a-mac", NULL, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_MAC, VIR_FROM_NETWORK,
                     "invalid MAC address: not-a-mac");
    assert_int_equal(virNetworkGetDHCPLeases(net, NULL, &l, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function testNetworkGetDHCPLeases");
    assert_null(l);
    /* the network stops: no leases; it starts: domains in start order */
    assert_int_equal(virNetworkDestroy(net), 0);
    n = get_leases(net, NULL, &l);
    assert_int_equal(n, 0);
    free_leases(l, n);
    assert_int_equal(virNetworkCreate(net), 0);
    n = get_leases(net, NULL, &l);
    assert_int_equal(n, 3);    /* the live static host was forgotten on stop */
    expect_lease(l[0], "52:54:00:00:00:11", "192.168.122.2", "d1");
    expect_lease(l[1], "52:54:00:00:00:12", "192.168.122.3", "d1");
    expect_lease(l[2], "52:54:00:00:00:21", "192.168.122.4", "d2");
    free_leases(l, n);
    virNetworkDHCPLeaseFree(NULL);
    virDomainFree(d1);
    virDomainFree(d2);
    virDomainFree(test);
    virNetworkFree(net);
    virConnectClose(conn);
}

/* A range of two addresses: the third interface gets nothing. */
static void
test_leases_exhausted(void **state)
{
    virConnectPtr conn = sim_open();
    virNetworkPtr net = virNetworkCreateXML(conn, net_xml("small", N1_UUID, "brs"));
    virDomainPtr d1 = virDomainCreateXML(conn, dom_xml("d1", D1_UUID, "small",
                                                       "52:54:00:00:00:11",
                                                       "52:54:00:00:00:12"), 0);
    virDomainPtr d2 = virDomainCreateXML(conn, dom_xml("d2", D2_UUID, "small",
                                                       "52:54:00:00:00:21", NULL), 0);
    virNetworkDHCPLeasePtr *l = NULL;
    int n = get_leases(net, NULL, &l);

    assert_int_equal(n, 2);
    assert_string_equal(l[0]->ipaddr, "10.9.0.10");
    assert_string_equal(l[0]->iface, "brs");
    assert_string_equal(l[1]->ipaddr, "10.9.0.11");
    free_leases(l, n);
    assert_int_equal(virDomainDestroy(d1), 0);
    n = get_leases(net, NULL, &l);
    assert_int_equal(n, 1);
    assert_string_equal(l[0]->mac, "52:54:00:00:00:21");
    assert_string_equal(l[0]->ipaddr, "10.9.0.10");
    free_leases(l, n);
    virDomainFree(d1);
    virDomainFree(d2);
    virNetworkFree(net);
    virConnectClose(conn);
}

/* ---- read-only connections and node files ---- */

static void
test_read_only(void **state)
{
    virConnectPtr ro = virConnectOpenReadOnly(SIM_PRIVATE_URI);
    virNetworkPtr net = virNetworkLookupByName(ro, "default");
    char *xml;

    assert_null(virNetworkDefineXML(ro, net_xml("x", N1_UUID, NULL)));
    sim_assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_NETWORK,
                     "operation forbidden: read only access prevents virNetworkDefineXML");
    assert_null(virNetworkCreateXML(ro, NULL));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK,
                     "xmlDesc in virNetworkCreateXML must not be NULL");
    assert_int_equal(virNetworkDestroy(net), -1);
    sim_assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_NETWORK,
                     "operation forbidden: read only access prevents virNetworkDestroy");
    xml = virNetworkGetXMLDesc(net, 0);
    assert_string_equal(xml, default_xml);
    free(xml);
    assert_null(virNetworkLookupByUUIDString(ro, "zzz"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NETWORK,
                     "uuidstr in virNetworkLookupByUUIDString must be a valid UUID");
    assert_null(virNetworkGetName(NULL));
    sim_assert_error(VIR_ERR_INVALID_NETWORK, VIR_FROM_NETWORK,
                     "invalid network pointer in virNetworkGetName");
    virNetworkFree(net);
    virConnectClose(ro);
}

static void
write_file(char *path, size_t len, const char *dir, const char *name, const char *text)
{
    FILE *f;

    snprintf(path, len, "%s/%s", dir, name);
    f = fopen(path, "w");
    assert_non_null(f);
    assert_true(fputs(text, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

static void
test_node_file(void **state)
{
    char dir[] = "/tmp/vireo-net-XXXXXX";
    char ext[256], good[256], bad[256], uri[512];
    virConnectPtr conn;
    virNetworkPtr net;

    assert_non_null(mkdtemp(dir));
    write_file(ext, sizeof(ext), dir, "ext.xml", net_xml("ext", N2_UUID, "br9"));
    write_file(good, sizeof(good), dir, "node.xml",
               "<node><network><name>inline</name><uuid>" N1_UUID "</uuid>"
               "<bridge name='br8'/></network><network file='ext.xml'/></node>");
    write_file(bad, sizeof(bad), dir, "bad.xml",
               "<node><network><name>bad</name><forward mode='nat'/></network></node>");
    snprintf(uri, sizeof(uri), "sim://%s", good);
    conn = virConnectOpen(uri);
    assert_non_null(conn);
    assert_int_equal(virConnectNumOfNetworks(conn), 2);     /* no 'default' here */
    net = virNetworkLookupByName(conn, "ext");
    assert_int_equal(virNetworkIsActive(net), 1);
    assert_int_equal(virNetworkIsPersistent(net), 1);
    virNetworkFree(net);
    virConnectClose(conn);
    snprintf(uri, sizeof(uri), "sim://%s", bad);
    assert_null(virConnectOpen(uri));
    sim_assert_error(VIR_ERR_XML_ERROR, VIR_FROM_NETWORK, "XML error: nat forwarding "
                     "requested, but no IP address provided for network 'bad'");
    unlink(ext);
    unlink(good);
    unlink(bad);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_network),
        cmocka_unit_test(test_lifecycle_errors),
        cmocka_unit_test(test_transient_and_redefine),
        cmocka_unit_test(test_uniqueness),
        cmocka_unit_test(test_list_filters),
        cmocka_unit_test(test_update_live_config),
        cmocka_unit_test(test_events_without_loop),
        cmocka_unit_test(test_events_lifecycle),
        cmocka_unit_test(test_events_arguments),
        cmocka_unit_test(test_leases),
        cmocka_unit_test(test_leases_exhausted),
        cmocka_unit_test(test_read_only),
        cmocka_unit_test(test_node_file),
    };

    return cmocka_run_group_tests_name("sim-network", tests, NULL, NULL);
}
