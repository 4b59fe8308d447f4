/* conformance/cases_network.c: networks with the domain skeleton --
 * transient and persistent lifecycles, handles and lookups, autostart,
 * redefinition, name/UUID uniqueness and every operation in a state where it
 * is invalid, each asserting flags, XML and exact errors. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "netstore.h"

#define VRC_RESTART_CYCLES 3
#define VRC_UUID_BUFLEN 64     /* VIR_UUID_STRING_BUFLEN and then some */

#define VRC_BR_N1 "  <bridge name='vrcn1'/>\n"
#define VRC_BR_OTHER "  <bridge name='vrcother'/>\n"

/* The text between OPEN and CLOSE in NET's XML must be EXPECTED. */
static int
vrcNetXmlValue(vrcCtx *ctx, virNetworkPtr net, unsigned int flags, const char *open,
               const char *close, const char *expected)
{
    char *xml;
    char val[VRC_CALL_MAX];

    VRC_STR(ctx, xml, virNetworkGetXMLDesc(net, flags));
    VRC_CHECK(vrcXmlValue(ctx, xml, open, close, val, sizeof(val)));
    VRC_EXPECT_STR(ctx, open, val, expected);
    return 0;
}

static int
vrcNetBridgeIs(vrcCtx *ctx, virNetworkPtr net, unsigned int flags, const char *bridge)
{
    return vrcNetXmlValue(ctx, net, flags, "<bridge name='", "'", bridge);
}

/* ---- lifecycle ---- */

static int
vrcNetTransientLifecycle(vrcCtx *ctx)
{
    virNetworkPtr net, found;

    VRC_NEED(net, vrcNetCreate(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1",
                                                            vrcUuid(ctx, 1), NULL)));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 0));
    VRC_NEED(found, vrcNetLookup(ctx, "conform-n1"));
    VRC_CHECK(vrcNetExpectFlags(ctx, found, 1, 0));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_CHECK(vrcNetExpectGone(ctx, "conform-n1"));
    VRC_ERR(ctx, virNetworkIsActive(net), VIR_ERR_NO_NETWORK,
            "Network not found: no network with matching uuid "
            "'c0f0c0f0-0000-4000-8000-000000000001'");
    VRC_ERR(ctx, virNetworkDestroy(net), VIR_ERR_NO_NETWORK, VRC_MSG_NO_NETWORK("conform-n1"));
    return 0;
}

static int
vrcNetTransientRecreate(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetCreate(ctx, "conform-n1", NULL));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_NEED(net, vrcNetCreate(ctx, "conform-n1", NULL));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 0));
    return 0;
}

static int
vrcNetPersistentLifecycle(vrcCtx *ctx)
{
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 0, 1));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 1));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 0, 1));
    VRC_OK(ctx, virNetworkUndefine(net));
    VRC_CHECK(vrcNetExpectGone(ctx, "conform-n1"));
    return 0;
}

static int
vrcNetPersistentRestart(vrcCtx *ctx)
{
    virNetworkPtr net;
    int i;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    for (i = 0; i < VRC_RESTART_CYCLES; i++) {
        VRC_OK(ctx, virNetworkCreate(net));
        VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 1));
        VRC_OK(ctx, virNetworkDestroy(net));
        VRC_CHECK(vrcNetExpectFlags(ctx, net, 0, 1));
    }
    return 0;
}

static int
vrcNetDefineOverTransient(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virNetworkPtr net;

    VRC_NEED(net, vrcNetCreate(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_N1)));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_N1)));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 1));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 0, 1));
    VRC_CHECK(vrcNetBridgeIs(ctx, net, 0, "vrcn1"));
    return 0;
}

/* The running network keeps its configuration; the new definition takes
 * effect at the next start (libvirt's network driver). */
static int
vrcNetDefineWhileActive(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_N1)));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_OTHER)));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 1));
    VRC_CHECK(vrcNetBridgeIs(ctx, net, 0, "vrcn1"));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_CHECK(vrcNetBridgeIs(ctx, net, 0, "vrcother"));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_CHECK(vrcNetBridgeIs(ctx, net, 0, "vrcother"));
    return 0;
}

static int
vrcNetCreateOverInactive(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virNetworkPtr def, net;

    VRC_NEED(def, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_N1)));
    VRC_NEED(net, vrcNetCreate(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_OTHER)));
    VRC_CHECK(vrcNetExpectFlags(ctx, def, 1, 1));
    VRC_CHECK(vrcNetBridgeIs(ctx, net, 0, "vrcother"));
    return 0;
}

static int
vrcNetUndefineRedefine(vrcCtx *ctx)
{
    virNetworkPtr net;
    int autostart = -1;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_OK(ctx, virNetworkSetAutostart(net, 1));
    VRC_OK(ctx, virNetworkUndefine(net));
    VRC_CHECK(vrcNetExpectGone(ctx, "conform-n1"));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_OK(ctx, virNetworkGetAutostart(net, &autostart));
    VRC_EXPECT_INT(ctx, "autostart of the new definition", autostart, 0);
    return 0;
}

/* ---- handles and lookups ---- */

static int
vrcNetHandles(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 7);
    virNetworkPtr net, byName, byUuid, byStr;
    unsigned char raw[VIR_UUID_BUFLEN];
    char str[VRC_UUID_BUFLEN];

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid, NULL)));
    VRC_NEED(byName, vrcNetLookup(ctx, "conform-n1"));
    VRC_OK(ctx, virNetworkGetUUID(byName, raw));
    VRC_NET(ctx, byUuid, virNetworkLookupByUUID(ctx->conn, raw));
    VRC_NET(ctx, byStr, virNetworkLookupByUUIDString(ctx->conn, uuid));
    VRC_EXPECT_STR(ctx, "name by uuid", virNetworkGetName(byUuid), "conform-n1");
    VRC_EXPECT_STR(ctx, "name by uuid string", virNetworkGetName(byStr), "conform-n1");
    VRC_OK(ctx, virNetworkGetUUIDString(byUuid, str));
    VRC_EXPECT_STR(ctx, "uuid string", str, uuid);
    vrcStep(ctx, "virNetworkGetConnect(conform-n1)");
    VRC_EXPECT(ctx, virNetworkGetConnect(net) == ctx->conn,
               "virNetworkGetConnect did not return the connection");
    return 0;
}

static int
vrcNetBridgeName(vrcCtx *ctx)
{
    virNetworkPtr net, bare;
    char *bridge;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", NULL,
                                                            VRC_BR_N1)));
    VRC_STR(ctx, bridge, virNetworkGetBridgeName(net));
    VRC_EXPECT_STR(ctx, "bridge", bridge, "vrcn1");
    VRC_NEED(bare, vrcNetDefine(ctx, "conform-n2", vrcNetXml(ctx, "conform-n2", NULL, "")));
    VRC_ERR_STR(ctx, virNetworkGetBridgeName(bare), VIR_ERR_INTERNAL_ERROR,
                "internal error: network 'conform-n2' does not have a bridge name.");
    return 0;
}

static int
vrcNetLookupUnknown(vrcCtx *ctx)
{
    VRC_ERR_NET(ctx, virNetworkLookupByName(ctx->conn, "conform-none"), VIR_ERR_NO_NETWORK,
                VRC_MSG_NO_NETWORK("conform-none"));
    VRC_ERR_NET(ctx, virNetworkLookupByUUIDString(ctx->conn, vrcUuid(ctx, 255)),
                VIR_ERR_NO_NETWORK, "Network not found: no network with matching uuid "
                "'c0f0c0f0-0000-4000-8000-0000000000ff'");
    return 0;
}

/* ---- autostart ---- */

static int
vrcNetAutostart(vrcCtx *ctx)
{
    virNetworkPtr net;
    int autostart = -1;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_OK(ctx, virNetworkGetAutostart(net, &autostart));
    VRC_EXPECT_INT(ctx, "autostart by default", autostart, 0);
    VRC_OK(ctx, virNetworkSetAutostart(net, 1));
    VRC_OK(ctx, virNetworkGetAutostart(net, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after set", autostart, 1);
    VRC_OK(ctx, virNetworkSetAutostart(net, 0));
    VRC_OK(ctx, virNetworkGetAutostart(net, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after clear", autostart, 0);
    return 0;
}

static int
vrcNetAutostartSurvives(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virNetworkPtr net;
    int autostart = -1;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid, NULL)));
    VRC_OK(ctx, virNetworkSetAutostart(net, 1));
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_OK(ctx, virNetworkDestroy(net));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_OTHER)));
    VRC_OK(ctx, virNetworkGetAutostart(net, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after restart and redefine", autostart, 1);
    return 0;
}

/* The test driver (and so the sim) accepts autostart on a transient
 * network; libvirt's network driver refuses. */
static int
vrcNetAutostartTransient(vrcCtx *ctx)
{
    virNetworkPtr net;
    int autostart = -1;

    VRC_NEED(net, vrcNetCreate(ctx, "conform-n1", NULL));
    VRC_OK(ctx, virNetworkSetAutostart(net, 1));
    VRC_OK(ctx, virNetworkGetAutostart(net, &autostart));
    VRC_EXPECT_INT(ctx, "autostart", autostart, 1);
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 0));
    return 0;
}

/* ---- redefine and uniqueness ---- */

static int
vrcNetRedefineUpdate(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_N1)));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1", uuid,
                                                            VRC_BR_OTHER)));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 0, 1));
    VRC_CHECK(vrcNetBridgeIs(ctx, net, 0, "vrcother"));
    VRC_CHECK(vrcNetExpectList(ctx, 0, "conform-n1"));
    return 0;
}

#define VRC_MSG_NET_EXISTS \
    "operation failed: network 'conform-n1' already exists with uuid " \
    "c0f0c0f0-0000-4000-8000-000000000001"
#define VRC_MSG_NET_UUID_TAKEN \
    "operation failed: network 'conform-n1' is already defined with uuid " \
    "c0f0c0f0-0000-4000-8000-000000000001"

/* The table of clashes: an existing network conform-n1 (uuid 1), active or
 * not, and a define or create of another network sharing its name or UUID. */
typedef struct {
    bool active;
    bool create;                /* CreateXML instead of DefineXML */
    const char *name;
    unsigned int uuid;
    int code;
    const char *message;
} vrcNetClash;

static int
vrcNetClashCase(vrcCtx *ctx)
{
    const vrcNetClash *row = ctx->tc->data;
    const char *xml = vrcNetXml(ctx, row->name, vrcUuid(ctx, row->uuid), VRC_BR_OTHER);
    virNetworkPtr net;

    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", vrcNetXml(ctx, "conform-n1",
                                                            vrcUuid(ctx, 1), NULL)));
    if (row->active)
        VRC_OK(ctx, virNetworkCreate(net));
    if (row->create)
        VRC_ERR_NET(ctx, virNetworkCreateXML(ctx->conn, xml), row->code, row->message);
    else
        VRC_ERR_NET(ctx, virNetworkDefineXML(ctx->conn, xml), row->code, row->message);
    VRC_CHECK(vrcNetExpectFlags(ctx, net, row->active, 1));
    VRC_CHECK(vrcNetBridgeIs(ctx, net, 0, "vrcn1"));
    VRC_CHECK(vrcNetExpectList(ctx, 0, "conform-n1"));
    return 0;
}

#define VRC_CLASH(id, act, cr, nm, uu, code, msg) \
    static const vrcNetClash vrcClash_##id = { act, cr, nm, uu, code, msg }
VRC_CLASH(defName, false, false, "conform-n1", 2, VIR_ERR_OPERATION_FAILED, VRC_MSG_NET_EXISTS);
VRC_CLASH(defUuid, false, false, "conform-n2", 1, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_NET_UUID_TAKEN);
VRC_CLASH(defNameActive, true, false, "conform-n1", 2, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_NET_EXISTS);
VRC_CLASH(crSame, true, true, "conform-n1", 1, VIR_ERR_OPERATION_INVALID,
          "Requested operation is not valid: network is already active as 'conform-n1'");
VRC_CLASH(crName, false, true, "conform-n1", 2, VIR_ERR_OPERATION_FAILED, VRC_MSG_NET_EXISTS);
VRC_CLASH(crUuid, true, true, "conform-n2", 1, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_NET_UUID_TAKEN);
#undef VRC_CLASH

static int
vrcNetGeneratedUuids(vrcCtx *ctx)
{
    virNetworkPtr a, b;
    char ua[VRC_UUID_BUFLEN], ub[VRC_UUID_BUFLEN];

    VRC_NEED(a, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_NEED(b, vrcNetDefine(ctx, "conform-n2", NULL));
    VRC_OK(ctx, virNetworkGetUUIDString(a, ua));
    VRC_OK(ctx, virNetworkGetUUIDString(b, ub));
    VRC_EXPECT(ctx, strlen(ua) == VIR_UUID_STRING_BUFLEN - 1, "malformed uuid '%s'", ua);
    VRC_EXPECT(ctx, strcmp(ua, ub) != 0, "two networks share the generated uuid %s", ua);
    return 0;
}

/* ---- wrong states ---- */

typedef enum {
    VRC_NET_INACTIVE,       /* defined, not started */
    VRC_NET_ACTIVE,         /* defined and started */
    VRC_NET_TRANSIENT,      /* created */
} vrcNetState;

typedef enum {
    VRC_NOP_CREATE, VRC_NOP_DESTROY, VRC_NOP_UNDEFINE, VRC_NOP_UPDATE_LIVE,
    VRC_NOP_UPDATE_CONFIG,
} vrcNetOp;

typedef struct {
    vrcNetState in;
    vrcNetOp op;
    int code;
    const char *message;
} vrcNetInvalid;

#define VRC_HOST_H1 "<host mac='52:54:00:00:00:01' name='h1' ip='192.168.200.50'/>"
#define VRC_NET_DHCP \
    "  <bridge name='vrcs1'/>\n" \
    "  <ip address='192.168.200.1' netmask='255.255.255.0'>\n" \
    "    <dhcp>\n" \
    "      <range start='192.168.200.10' end='192.168.200.20'/>\n" \
    "    </dhcp>\n" \
    "  </ip>\n"

static int
vrcNetDoOp(vrcCtx *ctx, virNetworkPtr net, vrcNetOp op)
{
#define VRC_RUN(call) do { vrcStep(ctx, "%s", #call); return (call); } while (0)
    switch (op) {
    case VRC_NOP_CREATE: VRC_RUN(virNetworkCreate(net));
    case VRC_NOP_DESTROY: VRC_RUN(virNetworkDestroy(net));
    case VRC_NOP_UNDEFINE: VRC_RUN(virNetworkUndefine(net));
    case VRC_NOP_UPDATE_LIVE:
        VRC_RUN(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST,
                                 VIR_NETWORK_SECTION_IP_DHCP_HOST, -1, VRC_HOST_H1,
                                 VIR_NETWORK_UPDATE_AFFECT_LIVE));
    case VRC_NOP_UPDATE_CONFIG:
        VRC_RUN(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST,
                                 VIR_NETWORK_SECTION_IP_DHCP_HOST, -1, VRC_HOST_H1,
                                 VIR_NETWORK_UPDATE_AFFECT_CONFIG));
    }
#undef VRC_RUN
    return vrcFail(ctx, "unknown operation %d", (int)op);
}

static int
vrcNetInvalidOp(vrcCtx *ctx)
{
    const vrcNetInvalid *row = ctx->tc->data;
    const char *xml = vrcNetXml(ctx, "conform-s1", NULL, VRC_NET_DHCP);
    virNetworkPtr net;
    char *before, *after;
    int rc;

    if (row->in == VRC_NET_TRANSIENT) {
        VRC_NEED(net, vrcNetCreate(ctx, "conform-s1", xml));
    } else {
        VRC_NEED(net, vrcNetDefine(ctx, "conform-s1", xml));
        if (row->in == VRC_NET_ACTIVE)
            VRC_OK(ctx, virNetworkCreate(net));
    }
    VRC_STR(ctx, before, virNetworkGetXMLDesc(net, 0));
    rc = vrcNetDoOp(ctx, net, row->op);
    VRC_CHECK(vrcCheckError(ctx, rc < 0, row->code, row->message));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, row->in != VRC_NET_INACTIVE,
                                row->in != VRC_NET_TRANSIENT));
    VRC_STR(ctx, after, virNetworkGetXMLDesc(net, 0));
    VRC_EXPECT(ctx, strcmp(before, after) == 0, "the XML changed:\n%s\n---\n%s", before,
               after);
    return 0;
}

#define VRC_NET_RUNNING "Requested operation is not valid: Network 'conform-s1' is already running"
#define VRC_NET_STILL "Requested operation is not valid: Network 'conform-s1' is still running"
#define VRC_IROW(id, in, op, code, msg) \
    static const vrcNetInvalid vrcInv_##id = { in, op, code, msg }
VRC_IROW(offDestroy, VRC_NET_INACTIVE, VRC_NOP_DESTROY, VIR_ERR_OPERATION_INVALID,
         "Requested operation is not valid: network 'conform-s1' is not active");
VRC_IROW(offUpdateLive, VRC_NET_INACTIVE, VRC_NOP_UPDATE_LIVE, VIR_ERR_OPERATION_INVALID,
         "Requested operation is not valid: network is not running");
VRC_IROW(actCreate, VRC_NET_ACTIVE, VRC_NOP_CREATE, VIR_ERR_OPERATION_INVALID, VRC_NET_RUNNING);
VRC_IROW(actUndefine, VRC_NET_ACTIVE, VRC_NOP_UNDEFINE, VIR_ERR_OPERATION_INVALID,
         VRC_NET_STILL);
VRC_IROW(trCreate, VRC_NET_TRANSIENT, VRC_NOP_CREATE, VIR_ERR_OPERATION_INVALID,
         VRC_NET_RUNNING);
VRC_IROW(trUndefine, VRC_NET_TRANSIENT, VRC_NOP_UNDEFINE, VIR_ERR_OPERATION_INVALID,
         VRC_NET_STILL);
VRC_IROW(trUpdateConfig, VRC_NET_TRANSIENT, VRC_NOP_UPDATE_CONFIG, VIR_ERR_OPERATION_INVALID,
         "Requested operation is not valid: cannot change persistent config of a "
         "transient network");
#undef VRC_IROW

#define VRC_NCASE(num, name, purpose, func) \
    { "network/" num "-" name, "network", purpose, func, 0, NULL }
#define VRC_NCLASH(num, name, purpose, row) \
    { "network/" num "-" name, "network", purpose, vrcNetClashCase, 0, &vrcClash_##row }
#define VRC_NINVALID(num, name, purpose, row) \
    { "network/" num "-invalid-" name, "network", purpose, vrcNetInvalidOp, 0, &vrcInv_##row }

const vrcCase vrcCasesNetwork[] = {
    VRC_NCASE("010", "transient-lifecycle",
              "CreateXML -> active, transient -> Destroy -> gone; the stale handle fails",
              vrcNetTransientLifecycle),
    VRC_NCASE("012", "transient-recreate",
              "a transient network's name can be created again after Destroy",
              vrcNetTransientRecreate),
    VRC_NCASE("020", "persistent-lifecycle",
              "Define -> Create -> Destroy -> still defined -> Undefine -> gone",
              vrcNetPersistentLifecycle),
    VRC_NCASE("022", "persistent-restart", "a persistent network starts and stops repeatedly",
              vrcNetPersistentRestart),
    VRC_NCASE("024", "define-over-transient",
              "Define over an active transient network makes it persistent",
              vrcNetDefineOverTransient),
    VRC_NCASE("026", "define-while-active",
              "Define of an active network takes effect at its next start",
              vrcNetDefineWhileActive),
    VRC_NCASE("028", "create-over-inactive",
              "CreateXML with the name and uuid of an inactive network starts it",
              vrcNetCreateOverInactive),
    VRC_NCASE("030", "undefine-redefine",
              "a name can be defined again after Undefine, with autostart off",
              vrcNetUndefineRedefine),
    VRC_NCASE("040", "handles",
              "lookups by name, UUID and UUID string agree; GetConnect is the connection",
              vrcNetHandles),
    VRC_NCASE("042", "bridge-name",
              "GetBridgeName gives the bridge; a network without one is an internal error",
              vrcNetBridgeName),
    VRC_NCASE("044", "lookup-unknown",
              "lookups of unknown names and UUIDs fail with NO_NETWORK", vrcNetLookupUnknown),
    VRC_NCASE("050", "autostart", "autostart is off by default, can be set and cleared",
              vrcNetAutostart),
    VRC_NCASE("052", "autostart-survives",
              "autostart survives start, destroy and redefinition", vrcNetAutostartSurvives),
    VRC_NCASE("054", "autostart-transient",
              "SetAutostart on a transient network is accepted (test driver)",
              vrcNetAutostartTransient),
    VRC_NCASE("060", "redefine-update",
              "Define with the same name and uuid updates an inactive network",
              vrcNetRedefineUpdate),
    VRC_NCLASH("062", "define-name-other-uuid",
               "Define of a taken name with another uuid: OPERATION_FAILED, nothing changes",
               defName),
    VRC_NCLASH("064", "define-uuid-other-name",
               "Define of a taken uuid with another name: OPERATION_FAILED", defUuid),
    VRC_NCLASH("066", "define-name-other-uuid-active",
               "Define of an active network's name with another uuid: OPERATION_FAILED",
               defNameActive),
    VRC_NCLASH("068", "create-duplicate-active",
               "CreateXML of an active network again: OPERATION_INVALID", crSame),
    VRC_NCLASH("070", "create-name-other-uuid",
               "CreateXML of a taken name with another uuid: OPERATION_FAILED", crName),
    VRC_NCLASH("072", "create-uuid-other-name",
               "CreateXML of a taken uuid with another name: OPERATION_FAILED", crUuid),
    VRC_NCASE("074", "generated-uuids",
              "networks defined without a uuid get distinct well-formed ones",
              vrcNetGeneratedUuids),
    VRC_NINVALID("100", "destroy-inactive", "Destroy of an inactive network", offDestroy),
    VRC_NINVALID("101", "update-live-inactive", "Update(AFFECT_LIVE) of an inactive network",
                 offUpdateLive),
    VRC_NINVALID("102", "create-active", "Create of an active network", actCreate),
    VRC_NINVALID("103", "undefine-active", "Undefine of an active network (test driver)",
                 actUndefine),
    VRC_NINVALID("104", "create-transient", "Create of an active transient network",
                 trCreate),
    VRC_NINVALID("105", "undefine-transient", "Undefine of a transient network", trUndefine),
    VRC_NINVALID("106", "update-config-transient",
                 "Update(AFFECT_CONFIG) of a transient network", trUpdateConfig),
};
const size_t vrcCasesNetworkCount = VRC_COUNT(vrcCasesNetwork);
